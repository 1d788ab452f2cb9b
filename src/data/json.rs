//! JSON with the byte range of every value, so that a bad item in a Kolada export or a
//! Statbank mapping can be reported with its line and column (serde_json's `Value` forgets
//! where things were). Parsing is jsonc-parser's, set to accept plain JSON only (RFC 8259: no
//! comments, trailing commas, unquoted names or JSON5 extensions); this module turns its AST
//! into `Node` and its errors into messages that say what was expected where.

use jsonc_parser::ast;
use jsonc_parser::common::Ranged;
use jsonc_parser::errors::{ParseError, ParseErrorKind};
use jsonc_parser::tokens::Token;
use jsonc_parser::{CollectOptions, ParseOptions, ParseStringErrorKind, Scanner, ScannerOptions};
/// A JSON value with its byte range in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub value: Value,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Node>),
    /// Members in source order, each with the byte range of its key.
    Object(Vec<Member>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    pub key: String,
    pub key_start: usize,
    pub key_end: usize,
    pub value: Node,
}

impl Node {
    /// The member named `key` of an object.
    pub fn get(&self, key: &str) -> Option<&Node> {
        match &self.value {
            Value::Object(members) => members.iter().find(|m| m.key == key).map(|m| &m.value),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Node]> {
        match &self.value {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }

    pub fn members(&self) -> Option<&[Member]> {
        match &self.value {
            Value::Object(members) => Some(members),
            _ => None,
        }
    }

    /// What kind of JSON value this is, for messages.
    pub fn kind(&self) -> &'static str {
        match self.value {
            Value::Null => "null",
            Value::Bool(_) => "true or false",
            Value::Number(_) => "a number",
            Value::String(_) => "text",
            Value::Array(_) => "a list",
            Value::Object(_) => "an object",
        }
    }
}

/// A syntax error: byte offset and message.
#[derive(Debug, Clone, PartialEq)]
pub struct SyntaxError {
    pub offset: usize,
    pub message: String,
}

/// Parses one JSON document (a leading BOM is skipped).
pub fn parse(text: &str) -> Result<Node, SyntaxError> {
    let base = if text.starts_with('\u{feff}') { 3 } else { 0 };
    parse_plain(&text[base..])
        .map_err(|e| SyntaxError {
            offset: base + e.offset,
            message: e.message,
        })
        .map(|mut node| {
            if base > 0 {
                shift(&mut node, base);
            }
            node
        })
}

fn parse_plain(text: &str) -> Result<Node, SyntaxError> {
    let lexical = lexical_error(text);
    let result = jsonc_parser::parse_to_ast(text, &CollectOptions::default(), &parse_options());
    // The first problem in the text wins, whichever check found it.
    let error = match result {
        Ok(result) => match (lexical, result.value) {
            (Some(e), _) => e,
            (None, Some(value)) => return convert(value),
            (None, None) => error_at(text, text.len()),
        },
        Err(e) => {
            let e = syntax_error(text, &e);
            match lexical {
                Some(l) if l.offset < e.offset => l,
                _ => e,
            }
        }
    };
    Err(error)
}

fn parse_options() -> ParseOptions {
    ParseOptions {
        allow_comments: false,
        allow_loose_object_property_names: false,
        allow_trailing_commas: false,
        allow_missing_commas: false,
        allow_single_quoted_strings: false,
        allow_hexadecimal_numbers: false,
        allow_unary_plus_numbers: false,
        allow_bare_decimal_point_numbers: false,
        allow_non_finite_numbers: false,
        allow_extended_string_escapes: false,
    }
}

fn scanner(text: &str) -> Scanner<'_> {
    let options = parse_options();
    Scanner::new(
        text,
        &ScannerOptions {
            allow_single_quoted_strings: options.allow_single_quoted_strings,
            allow_hexadecimal_numbers: options.allow_hexadecimal_numbers,
            allow_unary_plus_numbers: options.allow_unary_plus_numbers,
            allow_bare_decimal_point_numbers: options.allow_bare_decimal_point_numbers,
            allow_non_finite_numbers: options.allow_non_finite_numbers,
            allow_extended_string_escapes: options.allow_extended_string_escapes,
        },
    )
}

/// What jsonc-parser's scanner lets through but plain JSON does not: whitespace other than
/// space, tab and line breaks between tokens, and raw control characters inside text.
fn lexical_error(text: &str) -> Option<SyntaxError> {
    let is_space = |b: &u8| matches!(b, b' ' | b'\t' | b'\n' | b'\r');
    let bytes = text.as_bytes();
    let mut scanner = scanner(text);
    let mut gap_start = 0;
    loop {
        let token = scanner.scan();
        let gap_end = match token {
            Ok(Some(_)) => scanner.token_start(),
            Ok(None) => text.len(),
            Err(_) => return None, // the parser reports it
        };
        if let Some(i) = bytes[gap_start..gap_end].iter().position(|b| !is_space(b)) {
            return Some(SyntaxError {
                offset: gap_start + i,
                message: "only spaces, tabs and line breaks may stand between JSON values".into(),
            });
        }
        let Ok(Some(token)) = token else {
            return None;
        };
        let (start, end) = (scanner.token_start(), scanner.token_end());
        if matches!(token, Token::String(_)) {
            if let Some(i) = bytes[start..end].iter().position(|&b| b < 0x20) {
                return Some(SyntaxError {
                    offset: start + i,
                    message: "a line break or control character inside text".into(),
                });
            }
        }
        gap_start = end;
    }
}

/// jsonc-parser's error as a message and the offset it is about.
fn syntax_error(text: &str, e: &ParseError) -> SyntaxError {
    use ParseErrorKind as K;
    let range = e.range();
    let fixed = |offset: usize, message: &str| SyntaxError {
        offset,
        message: message.to_string(),
    };
    let next_token = |from: usize| {
        from + text.as_bytes()[from.min(text.len())..]
            .iter()
            .take_while(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
            .count()
    };
    match e.kind() {
        K::String(kind) => fixed(
            range.start,
            match kind {
                ParseStringErrorKind::UnterminatedStringLiteral => "this text has no closing quote",
                ParseStringErrorKind::ExpectedFourHexDigits => "`\\u` needs four hex digits",
                ParseStringErrorKind::InvalidUnicodeEscapeSequence(_) => {
                    "this `\\u` escape is not a character (a surrogate without its pair)"
                }
                _ => "unknown escape in text",
            },
        ),
        K::ExpectedDigitFollowingNegativeSign | K::NonFiniteNumbersNotAllowed => {
            fixed(range.start, "a number needs digits")
        }
        K::BareDecimalPointNumbersNotAllowed => fixed(
            range.start,
            "a number needs digits before and after the decimal point",
        ),
        K::ExpectedDigit | K::ExpectedPlusMinusOrDigitInNumberLiteral => {
            fixed(range.start, "a number needs digits in its exponent")
        }
        K::HexadecimalNumbersNotAllowed => fixed(range.start, "hexadecimal numbers are not JSON"),
        K::UnaryPlusNumbersNotAllowed => fixed(range.start, "a JSON number cannot start with `+`"),
        K::SingleQuotedStringsNotAllowed => {
            fixed(range.start, "JSON text is written in double quotes")
        }
        K::CommentsNotAllowed | K::UnterminatedCommentBlock => {
            fixed(range.start, "comments are not allowed in JSON")
        }
        K::NestingDepthExceeded => fixed(range.start, "the JSON is nested too deeply"),
        K::ExpectedStringObjectProperty => fixed(range.start, "expected a quoted member name"),
        K::ExpectedColonAfterObjectKey => fixed(range.start, "expected `:` after the member name"),
        // Point at what stands where the comma should be, or after the trailing comma.
        K::ExpectedComma => error_at(text, next_token(range.start)),
        K::TrailingCommasNotAllowed => error_at(text, next_token(range.end)),
        // The text ended inside an object or list, or after a member's colon.
        K::UnterminatedArray | K::UnterminatedObject | K::ExpectedObjectValue => {
            error_at(text, text.len())
        }
        _ => error_at(text, range.start),
    }
}

/// The error for a token at `offset` that does not fit: what was expected there, from the
/// tokens before it.
fn error_at(text: &str, offset: usize) -> SyntaxError {
    #[derive(PartialEq)]
    enum Open {
        Object,
        List,
    }
    let mut open = Vec::new();
    let (mut before, mut before_that) = (None, None);
    let mut scanner = scanner(text);
    while let Ok(Some(token)) = scanner.scan() {
        if scanner.token_start() >= offset {
            break;
        }
        match token {
            Token::OpenBrace => open.push(Open::Object),
            Token::OpenBracket => open.push(Open::List),
            Token::CloseBrace | Token::CloseBracket => {
                open.pop();
            }
            _ => {}
        }
        before_that = before.replace(token);
    }
    let value_expected = |message: &'static str| {
        if offset >= text.len() {
            "the JSON ends where a value was expected"
        } else {
            message
        }
    };
    let message = match (open.last(), &before) {
        (_, None | Some(Token::Colon))
        | (Some(Open::List), Some(Token::OpenBracket | Token::Comma)) => {
            value_expected("expected a JSON value here")
        }
        (Some(Open::Object), Some(Token::OpenBrace | Token::Comma)) => {
            "expected a quoted member name"
        }
        (Some(Open::Object), Some(Token::String(_)))
            if matches!(before_that, Some(Token::OpenBrace | Token::Comma)) =>
        {
            "expected `:` after the member name"
        }
        (Some(Open::Object), _) => "expected `,` or `}` in this object",
        (Some(Open::List), _) => "expected `,` or `]` in this list",
        (None, Some(_)) => "unexpected text after the end of the JSON document",
    };
    SyntaxError {
        offset: offset.min(text.len()),
        message: message.to_string(),
    }
}

/// jsonc-parser's AST as `Node`s with the same byte ranges.
fn convert(value: ast::Value) -> Result<Node, SyntaxError> {
    let range = value.range();
    let value = match value {
        ast::Value::NullKeyword(_) => Value::Null,
        ast::Value::BooleanLit(b) => Value::Bool(b.value),
        ast::Value::NumberLit(n) => Value::Number(n.value.parse().map_err(|_| SyntaxError {
            offset: range.start,
            message: "this number cannot be read".into(),
        })?),
        ast::Value::StringLit(s) => Value::String(s.value.into_owned()),
        ast::Value::Array(a) => Value::Array(
            a.elements
                .into_iter()
                .map(convert)
                .collect::<Result<_, _>>()?,
        ),
        ast::Value::Object(o) => Value::Object(
            o.properties
                .into_iter()
                .map(|p| {
                    let key = p.name.range();
                    Ok(Member {
                        key: p.name.into_string(),
                        key_start: key.start,
                        key_end: key.end,
                        value: convert(p.value)?,
                    })
                })
                .collect::<Result<_, _>>()?,
        ),
    };
    Ok(Node {
        value,
        start: range.start,
        end: range.end,
    })
}

/// Moves every range by `by` bytes (the BOM the parser did not see).
fn shift(node: &mut Node, by: usize) {
    node.start += by;
    node.end += by;
    match &mut node.value {
        Value::Array(items) => items.iter_mut().for_each(|n| shift(n, by)),
        Value::Object(members) => {
            for m in members {
                m.key_start += by;
                m.key_end += by;
                shift(&mut m.value, by);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_positions() {
        let text = r#"{"a": [1, "x\u00e5", null], "b": true}"#;
        let node = parse(text).unwrap();
        let a = node.get("a").unwrap();
        assert_eq!(&text[a.start..a.end], r#"[1, "x\u00e5", null]"#);
        let items = a.as_array().unwrap();
        assert_eq!(items[1].as_str(), Some("xå"));
        assert_eq!(items[0].value, Value::Number(1.0));
    }

    #[test]
    fn reports_errors_with_offsets() {
        let err = parse("{\"a\": [1, 2,]}").unwrap_err();
        assert_eq!(err.offset, 12);
        assert!(parse("[1] x").is_err());
        assert!(parse("\"abc").is_err());
    }

    fn error(text: &str) -> (usize, String) {
        let e = parse(text).unwrap_err();
        (e.offset, e.message)
    }

    #[test]
    fn says_what_was_expected_where() {
        let cases: &[(&str, usize, &str)] = &[
            ("", 0, "the JSON ends where a value was expected"),
            ("[1, 2", 5, "expected `,` or `]` in this list"),
            ("[1,", 3, "the JSON ends where a value was expected"),
            ("[1 2]", 3, "expected `,` or `]` in this list"),
            ("[1 }", 3, "expected `,` or `]` in this list"),
            (
                "{\"a\": 1 \"b\": 2}",
                8,
                "expected `,` or `}` in this object",
            ),
            ("{\"a\": 1 ]", 8, "expected `,` or `}` in this object"),
            ("{\"a\": 1,}", 8, "expected a quoted member name"),
            ("{a: 1}", 1, "expected a quoted member name"),
            ("{\"a\" 1}", 5, "expected `:` after the member name"),
            ("{\"a\":", 5, "the JSON ends where a value was expected"),
            ("{\"a\": }", 6, "expected a JSON value here"),
            (
                "[1] x",
                4,
                "unexpected text after the end of the JSON document",
            ),
            (
                "[\"a\nb\"]",
                3,
                "a line break or control character inside text",
            ),
            (
                "[1,\u{a0}2]",
                3,
                "only spaces, tabs and line breaks may stand between JSON values",
            ),
            ("[\"\\x41\"]", 2, "unknown escape in text"),
            ("[\"\\u12\"]", 2, "`\\u` needs four hex digits"),
            ("[-]", 2, "a number needs digits"),
            (
                "[1.]",
                1,
                "a number needs digits before and after the decimal point",
            ),
            ("[1e]", 3, "a number needs digits in its exponent"),
        ];
        for (text, offset, message) in cases {
            assert_eq!(error(text), (*offset, message.to_string()), "{text:?}");
        }
    }

    #[test]
    fn accepts_plain_json_only() {
        for text in [
            "// comment\n[1]",
            "[1] /* comment */",
            "['a']",
            "[0x1F]",
            "[+1]",
            "[.5]",
            "[NaN]",
            "[Infinity]",
            "{\"a\": 1,}",
            "[1,]",
            "[1 2]",
            "[\"\\v\"]",
            "[\"a\\\nb\"]",
            "[1]\u{b}",
        ] {
            assert!(parse(text).is_err(), "{text:?} is not plain JSON");
        }
        let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
        assert_eq!(error(&deep).1, "the JSON is nested too deeply");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4096))]

        /// Accepts what serde_json accepts, with the same values, and never panics.
        #[test]
        fn agrees_with_serde_json(text in "[\\[\\]{}:,\" a0-2e.+\\-\\\\unltrfx/*\t\n\r\u{b}\u{a0}\u{1}]{0,14}") {
            let ours = parse(&text);
            match serde_json::from_str::<serde_json::Value>(&text) {
                Err(e) if e.to_string().contains("out of range") => {}
                Err(_) => proptest::prop_assert!(ours.is_err(), "{text:?} was accepted"),
                Ok(theirs) => {
                    let ours = ours.map_err(|e| proptest::test_runner::TestCaseError::fail(format!("{text:?}: {e:?}")))?;
                    proptest::prop_assert!(same(&ours, &theirs), "{text:?}: {ours:?}");
                }
            }
        }
    }

    /// The same value as serde_json's (numbers compared as f64).
    fn same(node: &Node, theirs: &serde_json::Value) -> bool {
        use serde_json::Value as J;
        match (&node.value, theirs) {
            (Value::Null, J::Null) => true,
            (Value::Bool(a), J::Bool(b)) => a == b,
            (Value::Number(a), J::Number(b)) => Some(*a) == b.as_f64(),
            (Value::String(a), J::String(b)) => a == b,
            (Value::Array(a), J::Array(b)) => {
                a.len() == b.len() && a.iter().zip(b).all(|(a, b)| same(a, b))
            }
            // serde_json keeps the last of repeated names; `get` finds the first.
            (Value::Object(a), J::Object(b)) => b.iter().all(|(k, v)| {
                a.iter()
                    .rev()
                    .find(|m| &m.key == k)
                    .is_some_and(|m| same(&m.value, v))
            }),
            _ => false,
        }
    }

    #[test]
    fn numbers_strings_and_a_bom() {
        let text = "\u{feff}{\"n\": [-1.5e2, 0, 1e999], \"s\": \"a\\\"\\ud83d\\ude00\"}";
        let node = parse(text).unwrap();
        let n: Vec<_> = node
            .get("n")
            .unwrap()
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n.value.clone())
            .collect();
        assert_eq!(
            n,
            [
                Value::Number(-150.0),
                Value::Number(0.0),
                Value::Number(f64::INFINITY)
            ]
        );
        let s = node.get("s").unwrap();
        assert_eq!(s.as_str(), Some("a\"😀"));
        assert_eq!(&text[s.start..s.end], "\"a\\\"\\ud83d\\ude00\"");
        let m = &node.members().unwrap()[1];
        assert_eq!(&text[m.key_start..m.key_end], "\"s\"");
        assert_eq!((node.start, node.end), (3, text.len()));
    }
}
