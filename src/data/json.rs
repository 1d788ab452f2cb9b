//! JSON with the byte range of every value, so that a bad item in a Kolada export or a
//! Statbank mapping can be reported with its line and column (serde_json's `Value` forgets
//! where things were). Parsing is jsonc-parser's, set to accept plain JSON only (RFC 8259: no
//! comments, trailing commas, unquoted names or JSON5 extensions); this module turns its AST
//! into `Node` and its errors into messages that say what was expected where.

use crate::i18n::Text;
use crate::text;
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

    /// What kind of JSON value this is, in the reader's language.
    pub fn kind_text(&self) -> Text {
        match self.value {
            Value::Null => text!("data-json-kind.null"),
            Value::Bool(_) => text!("data-json-kind.bool"),
            Value::Number(_) => text!("data-json-kind.number"),
            Value::String(_) => text!("data-json-kind.text"),
            Value::Array(_) => text!("data-json-kind.list"),
            Value::Object(_) => text!("data-json-kind.object"),
        }
    }
}

/// A document's top level, without the values below it: the byte ranges of the items of its
/// lists, each to be parsed when it is read ([`parse_range`]). A tree of [`Node`]s takes
/// about ten times the text (a 100 MB Kolada export: more than a gigabyte); an outline takes
/// 16 bytes per item, and the text is checked to be JSON as [`parse`] checks it.
#[derive(Debug, Clone, PartialEq)]
pub struct Outline {
    pub start: usize,
    pub end: usize,
    pub shape: Shape,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    /// A list: the ranges of its items.
    List(Vec<(usize, usize)>),
    /// An object: its members in source order.
    Object(Vec<OutlineMember>),
    /// Any other value: what kind it is ([`Node::kind`]).
    Other(&'static str),
}

#[derive(Debug, Clone, PartialEq)]
pub struct OutlineMember {
    pub key: String,
    pub key_start: usize,
    pub key_end: usize,
    pub value_start: usize,
    pub value_end: usize,
    /// The ranges of the value's items when it is a list.
    pub items: Option<Vec<(usize, usize)>>,
}

/// The outline of a JSON document (a leading BOM is skipped), or the error [`parse`] gives.
pub fn outline(text: &str) -> Result<Outline, SyntaxError> {
    let (base, plain) = match text.strip_prefix('\u{feff}') {
        Some(plain) => (3, plain),
        None => (0, text),
    };
    match scan_outline(plain) {
        Some(mut outline) => {
            if base > 0 {
                outline.shift(base);
            }
            Ok(outline)
        }
        // Not plain JSON, or nested deeper than the scan goes: the parser says what is wrong,
        // or gives the tree to outline.
        None => parse(text).map(|root| outline_of(&root)),
    }
}

/// Parses the value at `start..end` of `text` (a range from an [`Outline`]), with byte ranges
/// into the whole text.
pub fn parse_range(text: &str, start: usize, end: usize) -> Result<Node, SyntaxError> {
    let Some(part) = text.get(start..end) else {
        return Err(SyntaxError {
            offset: start.min(text.len()),
            message: text!("data-json-value-expected"),
        });
    };
    match parse_plain(part) {
        Ok(mut node) => {
            shift(&mut node, start);
            Ok(node)
        }
        Err(e) => Err(SyntaxError {
            offset: start + e.offset,
            message: e.message,
        }),
    }
}

impl Outline {
    fn shift(&mut self, by: usize) {
        let ranges = |items: &mut Vec<(usize, usize)>| {
            items.iter_mut().for_each(|r| *r = (r.0 + by, r.1 + by));
        };
        self.start += by;
        self.end += by;
        match &mut self.shape {
            Shape::List(items) => ranges(items),
            Shape::Object(members) => {
                for m in members {
                    m.key_start += by;
                    m.key_end += by;
                    m.value_start += by;
                    m.value_end += by;
                    if let Some(items) = &mut m.items {
                        ranges(items);
                    }
                }
            }
            Shape::Other(_) => {}
        }
    }
}

/// The outline of a parsed tree (when the scan below cannot make it).
fn outline_of(root: &Node) -> Outline {
    let ranges = |items: &[Node]| items.iter().map(|n| (n.start, n.end)).collect();
    let shape = match &root.value {
        Value::Array(items) => Shape::List(ranges(items)),
        Value::Object(members) => Shape::Object(
            members
                .iter()
                .map(|m| OutlineMember {
                    key: m.key.clone(),
                    key_start: m.key_start,
                    key_end: m.key_end,
                    value_start: m.value.start,
                    value_end: m.value.end,
                    items: m.value.as_array().map(ranges),
                })
                .collect(),
        ),
        _ => Shape::Other(root.kind()),
    };
    Outline {
        start: root.start,
        end: root.end,
        shape,
    }
}

/// The outline of plain JSON from its tokens, without building values: `None` for anything
/// the parser would reject, and for nesting deeper than 256 (the parser allows 512).
fn scan_outline(text: &str) -> Option<Outline> {
    const MAX_DEPTH: usize = 256;
    #[derive(Clone, Copy, PartialEq)]
    enum Open {
        Object,
        List,
    }
    #[derive(Clone, Copy, PartialEq)]
    enum Next {
        /// A value (after `[`: or `]`).
        Value {
            or_close: bool,
        },
        /// A member name (after `{`: or `}`).
        Key {
            or_close: bool,
        },
        Colon,
        CommaOrClose,
        End,
    }
    if lexical_error(text).is_some() {
        return None;
    }
    let mut scanner = scanner(text);
    // The open lists and objects, with where each starts.
    let mut open: Vec<(Open, usize)> = Vec::new();
    let mut next = Next::Value { or_close: false };
    let mut root: Option<Outline> = None;
    // A value at `depth` (0: the root) ends at `start..end`.
    let ended = |root: &mut Option<Outline>, open: &[(Open, usize)], start: usize, end: usize| {
        let Some(outline) = root.as_mut() else {
            return;
        };
        match (open, &mut outline.shape) {
            ([], _) => {
                outline.start = start;
                outline.end = end;
            }
            ([_], Shape::List(items)) => items.push((start, end)),
            ([_], Shape::Object(members)) => {
                if let Some(m) = members.last_mut() {
                    m.value_start = start;
                    m.value_end = end;
                }
            }
            ([_, (Open::List, _)], Shape::Object(members)) => {
                if let Some(items) = members.last_mut().and_then(|m| m.items.as_mut()) {
                    items.push((start, end));
                }
            }
            _ => {}
        }
    };
    loop {
        let token = match scanner.scan() {
            Ok(Some(token)) => token,
            Ok(None) => break,
            Err(_) => return None,
        };
        let (start, end) = (scanner.token_start(), scanner.token_end());
        let close = matches!(token, Token::CloseBrace | Token::CloseBracket);
        match next {
            Next::Value { .. } if !close => {
                let depth = open.len();
                let container = match token {
                    Token::OpenBrace => Some(Open::Object),
                    Token::OpenBracket => Some(Open::List),
                    Token::String(_) | Token::Number(_) | Token::Boolean(_) | Token::Null => None,
                    _ => return None,
                };
                match container {
                    Some(kind) => {
                        if depth >= MAX_DEPTH {
                            return None;
                        }
                        if depth == 0 {
                            root = Some(Outline {
                                start,
                                end,
                                shape: match kind {
                                    Open::List => Shape::List(Vec::new()),
                                    Open::Object => Shape::Object(Vec::new()),
                                },
                            });
                        } else if depth == 1 && kind == Open::List {
                            if let Some(Outline {
                                shape: Shape::Object(members),
                                ..
                            }) = root.as_mut()
                            {
                                if let Some(m) = members.last_mut() {
                                    m.items = Some(Vec::new());
                                }
                            }
                        }
                        open.push((kind, start));
                        next = match kind {
                            Open::List => Next::Value { or_close: true },
                            Open::Object => Next::Key { or_close: true },
                        };
                        continue;
                    }
                    None => {
                        if depth == 0 {
                            let kind = match token {
                                Token::String(_) => "text",
                                Token::Number(_) => "a number",
                                Token::Boolean(_) => "true or false",
                                _ => "null",
                            };
                            root = Some(Outline {
                                start,
                                end,
                                shape: Shape::Other(kind),
                            });
                        }
                        ended(&mut root, &open, start, end);
                    }
                }
            }
            Next::Key { .. } if !close => {
                let Token::String(key) = token else {
                    return None;
                };
                if open.len() == 1 {
                    if let Some(Outline {
                        shape: Shape::Object(members),
                        ..
                    }) = root.as_mut()
                    {
                        members.push(OutlineMember {
                            key: key.into_owned(),
                            key_start: start,
                            key_end: end,
                            value_start: end,
                            value_end: end,
                            items: None,
                        });
                    }
                }
                next = Next::Colon;
                continue;
            }
            Next::Colon => {
                if token != Token::Colon {
                    return None;
                }
                next = Next::Value { or_close: false };
                continue;
            }
            Next::CommaOrClose if token == Token::Comma => {
                next = match open.last() {
                    Some((Open::List, _)) => Next::Value { or_close: false },
                    _ => Next::Key { or_close: false },
                };
                continue;
            }
            // A close where one may stand: after `[`/`{` or after a value.
            Next::Value { or_close: true } | Next::Key { or_close: true } | Next::CommaOrClose
                if close =>
            {
                let expected = if token == Token::CloseBracket {
                    Open::List
                } else {
                    Open::Object
                };
                match open.pop() {
                    Some((kind, container_start)) if kind == expected => {
                        ended(&mut root, &open, container_start, end);
                    }
                    _ => return None,
                }
            }
            _ => return None,
        }
        // A value ended.
        next = if open.is_empty() {
            Next::End
        } else {
            Next::CommaOrClose
        };
    }
    (next == Next::End).then_some(())?;
    root
}

/// Pairs of members with the same name in one object, (first, repeated), for every repeat
/// in source order. JSON does not say which of the two counts (serde_json keeps the last,
/// [`Node::get`] finds the first), so the readers report them.
pub fn repeated<T>(members: &[T], key: impl Fn(&T) -> &str) -> Vec<(&T, &T)> {
    let mut found = Vec::new();
    if members.len() <= 16 {
        for (i, m) in members.iter().enumerate() {
            if let Some(first) = members.iter().take(i).find(|f| key(f) == key(m)) {
                found.push((first, m));
            }
        }
    } else {
        let mut seen: std::collections::HashMap<&str, &T> = std::collections::HashMap::new();
        for m in members {
            match seen.get(key(m)) {
                Some(first) => found.push((*first, m)),
                None => {
                    seen.insert(key(m), m);
                }
            }
        }
    }
    found
}

/// [`repeated`] for the objects in `node` and in everything it contains.
pub fn repeated_within<'a>(node: &'a Node, found: &mut Vec<(&'a Member, &'a Member)>) {
    match &node.value {
        Value::Object(members) => {
            found.extend(repeated(members, |m| m.key.as_str()));
            for m in members {
                repeated_within(&m.value, found);
            }
        }
        Value::Array(items) => items.iter().for_each(|n| repeated_within(n, found)),
        _ => {}
    }
}

/// A syntax error: byte offset and message.
#[derive(Debug, Clone, PartialEq)]
pub struct SyntaxError {
    pub offset: usize,
    pub message: Text,
}

/// Parses one JSON document (a leading BOM is skipped).
pub fn parse(text: &str) -> Result<Node, SyntaxError> {
    let (base, plain) = match text.strip_prefix('\u{feff}') {
        Some(plain) => (3, plain),
        None => (0, text),
    };
    parse_plain(plain)
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
        let gap = bytes.get(gap_start..gap_end).unwrap_or_default();
        if let Some(i) = gap.iter().position(|b| !is_space(b)) {
            return Some(SyntaxError {
                offset: gap_start + i,
                message: text!("data-json-between-values"),
            });
        }
        let Ok(Some(token)) = token else {
            return None;
        };
        let (start, end) = (scanner.token_start(), scanner.token_end());
        if matches!(token, Token::String(_)) {
            let token_bytes = bytes.get(start..end).unwrap_or_default();
            if let Some(i) = token_bytes.iter().position(|&b| b < 0x20) {
                return Some(SyntaxError {
                    offset: start + i,
                    message: text!("data-json-control"),
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
    let fixed = |offset: usize, message: Text| SyntaxError { offset, message };
    let next_token = |from: usize| {
        from + text
            .as_bytes()
            .get(from..)
            .unwrap_or_default()
            .iter()
            .take_while(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
            .count()
    };
    match e.kind() {
        K::String(kind) => fixed(
            range.start,
            match kind {
                ParseStringErrorKind::UnterminatedStringLiteral => {
                    text!("data-json-unterminated")
                }
                ParseStringErrorKind::ExpectedFourHexDigits => text!("data-json-hex-digits"),
                ParseStringErrorKind::InvalidUnicodeEscapeSequence(_) => {
                    text!("data-json-surrogate")
                }
                _ => text!("data-json-unknown-escape"),
            },
        ),
        K::ExpectedDigitFollowingNegativeSign | K::NonFiniteNumbersNotAllowed => {
            fixed(range.start, text!("data-json-digits"))
        }
        K::BareDecimalPointNumbersNotAllowed => {
            fixed(range.start, text!("data-json-decimal-point"))
        }
        K::ExpectedDigit | K::ExpectedPlusMinusOrDigitInNumberLiteral => {
            fixed(range.start, text!("data-json-exponent"))
        }
        K::HexadecimalNumbersNotAllowed => fixed(range.start, text!("data-json-hexadecimal")),
        K::UnaryPlusNumbersNotAllowed => fixed(range.start, text!("data-json-plus")),
        K::SingleQuotedStringsNotAllowed => fixed(range.start, text!("data-json-single-quotes")),
        K::CommentsNotAllowed | K::UnterminatedCommentBlock => {
            fixed(range.start, text!("data-json-comments"))
        }
        K::NestingDepthExceeded => fixed(range.start, text!("data-json-too-deep")),
        K::ExpectedStringObjectProperty => fixed(range.start, text!("data-json-key-expected")),
        K::ExpectedColonAfterObjectKey => fixed(range.start, text!("data-json-colon-expected")),
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
    let value_expected = |message: Text| {
        if offset >= text.len() {
            text!("data-json-ends")
        } else {
            message
        }
    };
    let message = match (open.last(), &before) {
        (_, None | Some(Token::Colon))
        | (Some(Open::List), Some(Token::OpenBracket | Token::Comma)) => {
            value_expected(text!("data-json-value-expected"))
        }
        (Some(Open::Object), Some(Token::OpenBrace | Token::Comma)) => {
            text!("data-json-key-expected")
        }
        (Some(Open::Object), Some(Token::String(_)))
            if matches!(before_that, Some(Token::OpenBrace | Token::Comma)) =>
        {
            text!("data-json-colon-expected")
        }
        (Some(Open::Object), _) => text!("data-json-object-comma"),
        (Some(Open::List), _) => text!("data-json-list-comma"),
        (None, Some(_)) => text!("data-json-after-end"),
    };
    SyntaxError {
        offset: offset.min(text.len()),
        message,
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
            message: text!("data-json-bad-number"),
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
#[allow(clippy::string_slice)] // tests slice their own fixtures
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
        (e.offset, e.message.en())
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

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4096))]

        /// The outline is the parsed tree's, and its errors are the parser's.
        #[test]
        fn outline_agrees_with_parse(text in "\u{feff}?[\\[\\]{}:,\" a0-2e.+\\-\\\\unltrfx/*\t\n\r\u{b}\u{a0}\u{1}]{0,24}") {
            proptest::prop_assert_eq!(outline(&text), parse(&text).map(|root| outline_of(&root)), "{:?}", text);
        }
    }

    #[test]
    fn outlines_items_and_members() {
        let text = "\u{feff}{\"values\": [{\"a\": [1]}, 2], \"count\": 2, \"values\": 3}";
        let o = outline(text).unwrap();
        assert_eq!(o, outline_of(&parse(text).unwrap()));
        let Shape::Object(members) = &o.shape else {
            panic!("{o:?}");
        };
        let items = members[0].items.as_ref().unwrap();
        assert_eq!(&text[items[0].0..items[0].1], "{\"a\": [1]}");
        let item = parse_range(text, items[0].0, items[0].1).unwrap();
        assert_eq!(
            item.get("a").map(|a| (a.start, a.end)),
            Some((items[0].0 + 6, items[0].1 - 1))
        );
        assert_eq!(
            &text[members[2].key_start..members[2].key_end],
            "\"values\""
        );
        assert_eq!(members[2].items, None);
        // Deeper than the scan goes: the parser's tree gives the outline.
        let deep = format!("[{}{}]", "[".repeat(300), "]".repeat(300));
        assert_eq!(outline(&deep), Ok(outline_of(&parse(&deep).unwrap())));
        assert_eq!(outline("[1,]").unwrap_err(), parse("[1,]").unwrap_err());
        // Every prefix of a document, and the document less any one character.
        let doc = r#"{"values": [{"kpi": "N1", "values": [{"value": 1.5}, null]}, [], {}], "n": {"a": [true]}}"#;
        let chars: Vec<(usize, char)> = doc.char_indices().collect();
        for &(i, c) in &chars {
            let less = format!("{}{}", &doc[..i], &doc[i + c.len_utf8()..]);
            for text in [&doc[..i], less.as_str()] {
                assert_eq!(
                    outline(text),
                    parse(text).map(|r| outline_of(&r)),
                    "{text:?}"
                );
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
