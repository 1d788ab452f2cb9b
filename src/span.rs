//! Byte spans into source files, and the line index that turns them into
//! 1-based lines and columns (columns in Unicode characters, or UTF-16 units for the editor).
// A user-input path: no unchecked indexing, slicing or unwrap (ARCHITECTURE.md, performance notes).
#![deny(clippy::string_slice, clippy::indexing_slicing, clippy::unwrap_used)]

use serde::Serialize;

/// Index of a file in [`crate::SourceSet`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Default)]
pub struct FileId(pub u32);

/// A byte range in one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize)]
pub struct Span {
    pub file: FileId,
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(file: FileId, start: usize, end: usize) -> Self {
        Span { file, start, end }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The smallest span covering both (same file assumed).
    pub fn join(self, other: Span) -> Span {
        Span {
            file: self.file,
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }

    /// The character at `offset` (or the end of `text`), never a part of one: where a reader
    /// points at one bad character, a multibyte one is covered whole.
    pub fn char_at(file: FileId, text: &str, offset: usize) -> Span {
        let start = clamp_to_char_boundary(text, offset);
        let width = text
            .get(start..)
            .and_then(|rest| rest.chars().next())
            .map_or(0, char::len_utf8);
        Span::new(file, start, start + width)
    }

    pub fn contains(&self, offset: usize) -> bool {
        self.start <= offset && offset <= self.end
    }
}

/// A line and column, both 1-based; the column counts Unicode scalar values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct LineCol {
    pub line: usize,
    pub column: usize,
}

/// Start offsets of every line of a text, for offset → line/column conversions.
#[derive(Debug, Clone)]
pub struct LineIndex {
    line_starts: Vec<usize>,
}

impl LineIndex {
    /// Lines end at `\n`, `\r\n` and a lone `\r`, as in the grammar and the LSP.
    pub fn new(text: &str) -> Self {
        let mut line_starts = vec![0];
        let mut at = 0;
        while let Some(next) = crate::syntax::text::next_line(text, at) {
            line_starts.push(next);
            at = next;
        }
        LineIndex { line_starts }
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// 0-based line of a byte offset.
    pub fn line_of(&self, offset: usize) -> usize {
        match self.line_starts.binary_search(&offset) {
            Ok(line) => line,
            Err(next) => next.saturating_sub(1),
        }
    }

    pub fn line_start(&self, line: usize) -> usize {
        self.line_starts.get(line).copied().unwrap_or(0)
    }

    /// Byte offset where a 0-based line's text ends (before its line break).
    pub fn line_end(&self, text: &str, line: usize) -> usize {
        crate::syntax::text::line_end(text, self.line_start(line))
    }

    /// The text of a line from its start up to `offset` (clamped to a character boundary).
    fn prefix<'t>(&self, text: &'t str, offset: usize) -> (usize, &'t str) {
        let offset = clamp_to_char_boundary(text, offset);
        let line = self.line_of(offset);
        let start = self.line_start(line).min(offset);
        (line, text.get(start..offset).unwrap_or_default())
    }

    /// 1-based line and character column. A leading BOM is not counted as a column.
    pub fn line_col(&self, text: &str, offset: usize) -> LineCol {
        let (line, prefix) = self.prefix(text, offset);
        let prefix = if line == 0 {
            prefix.trim_start_matches('\u{feff}')
        } else {
            prefix
        };
        LineCol {
            line: line + 1,
            column: prefix.chars().count() + 1,
        }
    }

    /// 0-based line and UTF-16 column, as the Language Server Protocol counts them.
    pub fn utf16_position(&self, text: &str, offset: usize) -> (u32, u32) {
        let (line, prefix) = self.prefix(text, offset);
        let column: usize = prefix.chars().map(char::len_utf16).sum();
        (line as u32, column as u32)
    }

    /// Byte offset of a 0-based line and UTF-16 column; clamped to the line's end.
    pub fn offset_of_utf16(&self, text: &str, line: u32, column: u32) -> usize {
        let Some(&start) = self.line_starts.get(line as usize) else {
            return text.len();
        };
        let end = crate::syntax::text::line_end(text, start);
        let mut units = 0u32;
        for (i, ch) in text.get(start..end).unwrap_or_default().char_indices() {
            if units >= column {
                return start + i;
            }
            units += ch.len_utf16() as u32;
        }
        end
    }
}

pub fn clamp_to_char_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_at_covers_a_whole_character() {
        let text = "aö";
        let file = FileId(0);
        assert_eq!(Span::char_at(file, text, 0), Span::new(file, 0, 1));
        assert_eq!(Span::char_at(file, text, 1), Span::new(file, 1, 3));
        assert_eq!(Span::char_at(file, text, 2), Span::new(file, 1, 3));
        assert_eq!(Span::char_at(file, text, 3), Span::new(file, 3, 3));
        assert_eq!(Span::char_at(file, text, 9), Span::new(file, 3, 3));
    }

    #[test]
    fn columns_count_characters_and_utf16_units() {
        let text = "ab\nå😀x\r\ny";
        let index = LineIndex::new(text);
        let x = text.find('x').unwrap();
        assert_eq!(index.line_col(text, x), LineCol { line: 2, column: 3 });
        assert_eq!(index.utf16_position(text, x), (1, 3));
        assert_eq!(index.offset_of_utf16(text, 1, 3), x);
        assert_eq!(index.offset_of_utf16(text, 1, 99), x + 1);
        let y = text.find('y').unwrap();
        assert_eq!(index.line_col(text, y), LineCol { line: 3, column: 1 });
    }

    #[test]
    fn a_lone_carriage_return_ends_a_line() {
        let text = "a\rb\r\nc\nd";
        let index = LineIndex::new(text);
        assert_eq!(index.line_count(), 4);
        for (line, ch) in ["a", "b", "c", "d"].iter().enumerate() {
            let at = text.find(ch).unwrap();
            assert_eq!(index.utf16_position(text, at), (line as u32, 0));
            assert_eq!(index.offset_of_utf16(text, line as u32, 0), at);
            assert_eq!(index.offset_of_utf16(text, line as u32, 9), at + 1);
        }
    }

    #[test]
    fn any_offset_is_safe() {
        let text = "å\r\nö😀\rx";
        let index = LineIndex::new(text);
        for offset in 0..text.len() + 3 {
            let _ = index.line_col(text, offset);
            let _ = index.utf16_position(text, offset);
        }
    }

    #[test]
    fn bom_is_not_a_column() {
        let text = "\u{feff}policy";
        let index = LineIndex::new(text);
        assert_eq!(index.line_col(text, 3), LineCol { line: 1, column: 1 });
    }
}
