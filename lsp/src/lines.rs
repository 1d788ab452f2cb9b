//! Lines as the Language Server Protocol counts them: a line ends at `\r\n`, `\n` or a lone
//! `\r`. The library's `LineIndex` ends lines at `\n` only, so a document with lone `\r` line
//! ends would put every protocol position on the wrong line; the server converts positions
//! with this index instead.

use crate::state::Encoding;
use tower_lsp_server::ls_types as lsp;

/// Start offsets of every line of a text.
#[derive(Debug, Clone)]
pub struct Lines {
    starts: Vec<usize>,
}

impl Lines {
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        if !text.contains('\r') {
            // The common case, as fast as the library's index.
            starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
            return Lines { starts };
        }
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => starts.push(i + 1),
                b'\r' if bytes.get(i + 1) == Some(&b'\n') => {
                    starts.push(i + 2);
                    i += 1;
                }
                b'\r' => starts.push(i + 1),
                _ => {}
            }
            i += 1;
        }
        Lines { starts }
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// 0-based line of a byte offset (an offset inside a line break belongs to its line).
    pub fn line_of(&self, offset: usize) -> usize {
        match self.starts.binary_search(&offset) {
            Ok(line) => line,
            Err(next) => next.saturating_sub(1),
        }
    }

    /// Byte range of a line's content, without its line break.
    fn content(&self, text: &str, line: usize) -> (usize, usize) {
        let start = self.starts[line].min(text.len());
        let mut end = self.starts.get(line + 1).copied().unwrap_or(text.len());
        let bytes = text.as_bytes();
        if end > start && bytes[end - 1] == b'\n' {
            end -= 1;
        }
        if end > start && bytes[end - 1] == b'\r' {
            end -= 1;
        }
        (start, end)
    }

    /// Byte offset of a protocol position; a column past the line's end means the end of the
    /// line (as the protocol says), a line past the last line the end of the text.
    pub fn offset(&self, text: &str, position: lsp::Position, encoding: Encoding) -> usize {
        let line = position.line as usize;
        if line >= self.starts.len() {
            return text.len();
        }
        let (start, end) = self.content(text, line);
        let column = position.character as usize;
        match encoding {
            Encoding::Utf8 => pejl::span::clamp_to_char_boundary(text, (start + column).min(end)),
            Encoding::Utf16 => {
                let mut units = 0;
                for (i, ch) in text[start..end].char_indices() {
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
    pub fn position(&self, text: &str, offset: usize, encoding: Encoding) -> lsp::Position {
        let offset = pejl::span::clamp_to_char_boundary(text, offset);
        let line = self.line_of(offset);
        let (start, end) = self.content(text, line);
        let offset = offset.clamp(start, end);
        let character = match encoding {
            Encoding::Utf8 => offset - start,
            Encoding::Utf16 => text[start..offset].chars().map(char::len_utf16).sum(),
        };
        lsp::Position {
            line: line as u32,
            character: character as u32,
        }
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
        let lines = Lines::new(text);
        assert_eq!(lines.line_count(), 5);
        for (position, offset) in [
            (at(0, 1), 1),
            (at(1, 0), 2),
            (at(1, 2), 4),
            (at(2, 0), 6),
            (at(2, 2), 9),
            (at(3, 2), 14),
            (at(3, 3), 15),
            (at(4, 0), 16),
        ] {
            assert_eq!(lines.offset(text, position, Encoding::Utf16), offset);
            assert_eq!(lines.position(text, offset, Encoding::Utf16), position);
        }
        // Past the end of a line: the end of its content, not the next line.
        assert_eq!(lines.offset(text, at(1, 99), Encoding::Utf16), 4);
        assert_eq!(lines.offset(text, at(0, 99), Encoding::Utf8), 1);
        assert_eq!(lines.offset(text, at(9, 0), Encoding::Utf16), text.len());
        // Inside a line break: the end of the line's content.
        assert_eq!(lines.position(text, 5, Encoding::Utf16), at(1, 2));
        // UTF-8 columns count bytes; an offset inside a character moves to its start.
        assert_eq!(lines.position(text, 9, Encoding::Utf8), at(2, 3));
        assert_eq!(lines.position(text, 11, Encoding::Utf8), at(3, 0));
    }
}
