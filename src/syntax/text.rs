//! Lexical helpers shared by the parser and the formatter: string unescaping,
//! text-block dedenting, and a scan for comments and unterminated strings that
//! understands strings (a `//` inside quotes is not a comment); and [`nfc`], the one
//! spelling of a name.

use std::borrow::Cow;

/// A name in Unicode NFC, the one spelling every stage compares: a name typed decomposed
/// (`a` + U+030A combining ring, as text copied from a PDF or typed on macOS often is) is the
/// same name as the composed `å`. Borrowed when the name is already NFC (every ASCII name).
pub fn nfc(name: &str) -> Cow<'_, str> {
    use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};
    if name.is_ascii() || is_nfc_quick(name.chars()) == IsNormalized::Yes {
        return Cow::Borrowed(name);
    }
    let composed: String = name.nfc().collect();
    if composed == name {
        Cow::Borrowed(name)
    } else {
        Cow::Owned(composed)
    }
}

/// The value of a `"…"` string's inside: `\"`, `\\`, `\n`, `\t` are unescaped; any
/// other escaped character stands for itself.
pub fn unescape(inner: &str) -> String {
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n') => out.push('\n'),
                Some('t') => out.push('\t'),
                Some(other) => out.push(other),
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// The value of a `"""…"""` text block: line breaks kept, a first and last line that
/// are blank dropped, the common indentation of the other lines removed; every line end
/// (`\r\n`, lone `\r`) becomes `\n`.
pub fn dedent(inner: &str) -> String {
    let inner = inner.replace("\r\n", "\n");
    let mut lines: Vec<&str> = inner.split(['\n', '\r']).collect();
    if lines.first().is_some_and(|l| l.trim().is_empty()) {
        lines.remove(0);
    }
    if lines.last().is_some_and(|l| l.trim().is_empty()) {
        lines.pop();
    }
    let indent = lines
        .iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start_matches([' ', '\t']).len())
        .min()
        .unwrap_or(0);
    lines
        .iter()
        .map(|l| {
            if l.trim().is_empty() {
                ""
            } else {
                l.get(indent..).unwrap_or(l).trim_end()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// What the lexical scan found at one place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lexeme {
    /// A `//` comment, up to (not including) the line break.
    Comment,
    /// A string or text block that is never closed; runs to the end of its line
    /// (strings) or of the text (text blocks).
    Unterminated { block: bool },
    /// Where conditions nest more than [`MAX_NESTING`] levels deep (open parentheses plus a
    /// run of `not`s), up to where they are shallow again. pest recurses once per level
    /// without a stack probe, so the parser never lets pest read into such a place.
    TooDeep,
}

/// Deepest nesting of parentheses and `not` that a condition may have.
pub const MAX_NESTING: usize = 64;

/// Nesting of conditions as the scan goes: parentheses open, the current run of `not`s
/// (`not not x` nests twice; `not a and not b` once). A block's brace ends both.
#[derive(Default)]
struct Nesting {
    parens: usize,
    nots: usize,
    deep_since: Option<usize>,
}

impl Nesting {
    fn level(&self) -> usize {
        self.parens + self.nots
    }

    /// Records a change at `at`: the start of a deep place, or its end.
    fn update(&mut self, at: usize, out: &mut Vec<(Lexeme, usize, usize)>) {
        match (self.deep_since, self.level() > MAX_NESTING) {
            (None, true) => self.deep_since = Some(at),
            (Some(start), false) => {
                out.push((Lexeme::TooDeep, start, at));
                self.deep_since = None;
            }
            _ => {}
        }
    }
}

/// Scans a text for comments and unterminated strings, skipping over closed strings.
/// Returns byte ranges relative to the text.
pub fn scan(text: &str) -> Vec<(Lexeme, usize, usize)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut nesting = Nesting::default();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                let end = line_end(text, i);
                out.push((Lexeme::Comment, i, end));
                i = end;
            }
            b'"' if bytes.get(i..i + 3) == Some(b"\"\"\"") => {
                match memchr::memmem::find(bytes.get(i + 3..).unwrap_or_default(), b"\"\"\"") {
                    Some(close) => i = i + 3 + close + 3,
                    None => {
                        out.push((Lexeme::Unterminated { block: true }, i, text.len()));
                        i = text.len();
                    }
                }
                nesting.nots = 0;
            }
            b'"' => {
                let mut j = i + 1;
                let mut closed = false;
                while let Some(&c) = bytes.get(j) {
                    match c {
                        b'\\' => j += 2,
                        b'"' => {
                            closed = true;
                            break;
                        }
                        b'\n' | b'\r' => break,
                        _ => j += 1,
                    }
                }
                if closed {
                    i = j + 1;
                } else {
                    let end = line_end(text, i);
                    out.push((Lexeme::Unterminated { block: false }, i, end));
                    i = end;
                }
                nesting.nots = 0;
            }
            b'(' | b')' | b'{' | b'}' => {
                match b {
                    b'(' => nesting.parens += 1,
                    b')' => nesting.parens = nesting.parens.saturating_sub(1),
                    _ => (nesting.parens, nesting.nots) = (0, 0),
                }
                nesting.update(i, &mut out);
                i += 1;
            }
            c if c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80 => {
                let word = bytes
                    .get(i..)
                    .unwrap_or_default()
                    .iter()
                    .take_while(|c| c.is_ascii_alphanumeric() || **c == b'_' || **c >= 0x80)
                    .count();
                if bytes.get(i..i + word) == Some(b"not") {
                    nesting.nots += 1;
                } else {
                    nesting.nots = 0;
                }
                nesting.update(i, &mut out);
                i += word;
            }
            _ => i += 1,
        }
    }
    if let Some(start) = nesting.deep_since {
        out.push((Lexeme::TooDeep, start, text.len()));
    }
    // A deep place is recorded where it ends: keep the lexemes in order of their starts.
    if out.iter().any(|l| l.0 == Lexeme::TooDeep) {
        out.sort_by_key(|l| l.1);
    }
    out
}

/// Offset of the end of the line containing `from`: before its `\n`, `\r\n` or lone `\r`.
/// These are the line ends of the grammar (pest's `NEWLINE`) and of the LSP, so a lone `\r`
/// that an editor shows as a line break is one everywhere in pejl. Any `from` is safe: the
/// search is on bytes, and a line end is always a character boundary.
pub fn line_end(text: &str, from: usize) -> usize {
    let rest = text.as_bytes().get(from..).unwrap_or_default();
    memchr::memchr2(b'\n', b'\r', rest).map_or(text.len(), |n| from + n)
}

/// The text with each lone `\r` (a line end) written as `\n`: same length, same offsets.
pub fn lone_carriage_returns_as_newlines(text: &str) -> std::borrow::Cow<'_, str> {
    let bytes = text.as_bytes();
    let lone = |i: usize| bytes.get(i) == Some(&b'\r') && bytes.get(i + 1) != Some(&b'\n');
    if !memchr::memchr_iter(b'\r', bytes).any(lone) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = text.to_string();
    // `\r` and `\n` are both one-byte characters: replacing one keeps every offset.
    let positions: Vec<usize> = memchr::memchr_iter(b'\r', bytes)
        .filter(|&i| lone(i))
        .collect();
    for i in positions {
        out.replace_range(i..i + 1, "\n");
    }
    std::borrow::Cow::Owned(out)
}

/// Offset where the line after the one containing `from` starts, if there is one.
pub fn next_line(text: &str, from: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let end = line_end(text, from);
    match (bytes.get(end), bytes.get(end + 1)) {
        (Some(b'\r'), Some(b'\n')) => Some(end + 2),
        (Some(_), _) => Some(end + 1),
        (None, _) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unescapes() {
        assert_eq!(unescape(r#"a \"b\" \\ c\nd"#), "a \"b\" \\ c\nd");
    }

    #[test]
    fn dedents_text_blocks() {
        let inner = "\r\n    Dorotea är en\r\n      brusande\r\n\r\n    kommun.\r\n  ";
        assert_eq!(dedent(inner), "Dorotea är en\n  brusande\n\nkommun.");
    }

    #[test]
    fn scan_finds_comments_outside_strings() {
        let text = "a \"x // y\" // real\n\"\"\" // no \"\"\" \"open\n";
        let found = scan(text);
        assert_eq!(found[0].0, Lexeme::Comment);
        assert_eq!(&text[found[0].1..found[0].2], "// real");
        assert_eq!(found[1].0, Lexeme::Unterminated { block: false });
        assert_eq!(found.len(), 2);
    }
}
