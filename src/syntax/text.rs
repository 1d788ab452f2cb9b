//! Lexical helpers shared by the parser and the formatter: string unescaping,
//! text-block dedenting, and a scan for comments and unterminated strings that
//! understands strings (a `//` inside quotes is not a comment).

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
/// are blank dropped, the common indentation of the other lines removed, CR dropped.
pub fn dedent(inner: &str) -> String {
    let mut lines: Vec<&str> = inner
        .split('\n')
        .map(|l| l.trim_end_matches('\r'))
        .collect();
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
                l[indent..].trim_end()
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
}

/// Scans a text for comments and unterminated strings, skipping over closed strings.
/// Returns byte ranges relative to the text.
pub fn scan(text: &str) -> Vec<(Lexeme, usize, usize)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                let end = line_end(text, i);
                out.push((Lexeme::Comment, i, end));
                i = end;
            }
            b'"' if text[i..].starts_with("\"\"\"") => match text[i + 3..].find("\"\"\"") {
                Some(close) => i = i + 3 + close + 3,
                None => {
                    out.push((Lexeme::Unterminated { block: true }, i, text.len()));
                    i = text.len();
                }
            },
            b'"' => {
                let mut j = i + 1;
                let mut closed = false;
                while j < bytes.len() {
                    match bytes[j] {
                        b'\\' => j += 2,
                        b'"' => {
                            closed = true;
                            break;
                        }
                        b'\n' => break,
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
            }
            _ => i += 1,
        }
    }
    out
}

/// Offset of the end of the line containing `from` (before `\r\n` or `\n`).
pub fn line_end(text: &str, from: usize) -> usize {
    let end = text[from..].find('\n').map_or(text.len(), |n| from + n);
    if end > from && text.as_bytes()[end - 1] == b'\r' {
        end - 1
    } else {
        end
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
