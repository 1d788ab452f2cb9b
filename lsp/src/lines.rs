//! Protocol positions (line and UTF-16 or UTF-8 column) to and from byte offsets, over the
//! library's line index (whose lines end at `\r\n`, `\n` and a lone `\r`, as the protocol's).

use crate::state::Encoding;
use pejl::span::LineIndex;
use tower_lsp_server::ls_types as lsp;

/// Byte range of a line's content, without its line break.
fn content(lines: &LineIndex, text: &str, line: usize) -> (usize, usize) {
    let start = lines.line_start(line).min(text.len());
    (start, lines.line_end(text, line).max(start))
}

/// Byte offset of a protocol position; a column past the line's end means the end of the
/// line (as the protocol says), a line past the last line the end of the text.
pub fn offset(lines: &LineIndex, text: &str, position: lsp::Position, encoding: Encoding) -> usize {
    let line = position.line as usize;
    if line >= lines.line_count() {
        return text.len();
    }
    let (start, end) = content(lines, text, line);
    let column = position.character as usize;
    match encoding {
        Encoding::Utf8 => pejl::span::clamp_to_char_boundary(text, (start + column).min(end)),
        Encoding::Utf16 => {
            let mut units = 0;
            for (i, ch) in text.get(start..end).unwrap_or_default().char_indices() {
                if units >= column {
                    return start + i;
                }
                units += ch.len_utf16();
            }
            end
        }
    }
}

/// Protocol position of a byte offset (clamped to the text and to the line's content).
pub fn position(lines: &LineIndex, text: &str, offset: usize, encoding: Encoding) -> lsp::Position {
    let offset = pejl::span::clamp_to_char_boundary(text, offset);
    let line = lines.line_of(offset);
    let (start, end) = content(lines, text, line);
    let offset = offset.clamp(start, end);
    let before = text.get(start..offset).unwrap_or_default();
    let character = match encoding {
        Encoding::Utf8 => before.len(),
        Encoding::Utf16 => before.chars().map(char::len_utf16).sum(),
    };
    lsp::Position {
        line: line as u32,
        character: character as u32,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(line: u32, character: u32) -> lsp::Position {
        lsp::Position { line, character }
    }

    #[test]
    fn every_line_end_the_protocol_knows_ends_a_line() {
        let text = "a\rbb\r\ncå\n😀d\r";
        let lines = LineIndex::new(text);
        assert_eq!(lines.line_count(), 5);
        for (at_position, at_offset) in [
            (at(0, 1), 1),
            (at(1, 0), 2),
            (at(1, 2), 4),
            (at(2, 0), 6),
            (at(2, 2), 9),
            (at(3, 2), 14),
            (at(3, 3), 15),
            (at(4, 0), 16),
        ] {
            assert_eq!(
                offset(&lines, text, at_position, Encoding::Utf16),
                at_offset
            );
            assert_eq!(
                position(&lines, text, at_offset, Encoding::Utf16),
                at_position
            );
        }
        // Past the end of a line: the end of its content, not the next line.
        assert_eq!(offset(&lines, text, at(1, 99), Encoding::Utf16), 4);
        assert_eq!(offset(&lines, text, at(0, 99), Encoding::Utf8), 1);
        assert_eq!(offset(&lines, text, at(9, 0), Encoding::Utf16), text.len());
        // Inside a line break: the end of the line's content.
        assert_eq!(position(&lines, text, 5, Encoding::Utf16), at(1, 2));
        // UTF-8 columns count bytes; an offset inside a character moves to its start.
        assert_eq!(position(&lines, text, 9, Encoding::Utf8), at(2, 3));
        assert_eq!(position(&lines, text, 11, Encoding::Utf8), at(3, 0));
    }
}
