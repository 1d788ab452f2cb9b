//! The formatter (`pejl fmt`): one canonical layout that never loses a word or a comment.
//!
//! Structure comes from the grammar (pest pairs give each declaration, block and statement),
//! words and comments from a small lexer over the source, so nothing the author wrote can be
//! dropped by a gap in the tree. After formatting, a safety check compares the output with
//! the input: the same significant tokens in the same order (text blocks by their value),
//! the same comments, and no syntax error. The grammar treats every run of whitespace alike,
//! so equal token streams parse to equal trees and give the same analysis; if the check
//! fails, nothing is written. The style is described in `docs/formatting.md`.
//!
//! Words outside strings and comments (IDs, keywords, numbers) are written in Unicode NFC, the
//! spelling the parser gives every name ([`crate::syntax::text::nfc`]); strings, text blocks
//! and comments keep their bytes.
// A user-input path: no unchecked indexing, slicing or unwrap (ARCHITECTURE.md, performance notes).
#![deny(clippy::string_slice, clippy::indexing_slicing, clippy::unwrap_used)]

use crate::diagnostic::{Code, Diagnostic};
use crate::span::FileId;
use crate::syntax::parse::{PejlParser, Rule};
use crate::syntax::text::{dedent, nfc};
use pest::iterators::Pair;
use pest::Parser as _;

/// Lines longer than this are never joined into a one-line block.
pub const MAX_WIDTH: usize = 100;

#[derive(Debug)]
pub enum FormatError {
    /// The file has syntax errors; it is left as it is.
    Syntax(Vec<Diagnostic>),
    /// The formatted text would not mean the same as the input (a formatter bug).
    Unsafe(String),
}

impl std::fmt::Display for FormatError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FormatError::Syntax(d) => write!(f, "the file has {} syntax error(s)", d.len()),
            FormatError::Unsafe(why) => write!(
                f,
                "formatting would have changed the meaning of the file ({why}); nothing was written — please report this"
            ),
        }
    }
}

/// Formats a whole file.
pub fn format(text: &str) -> Result<String, FormatError> {
    let bom = text.starts_with('\u{feff}');
    let body = crate::syntax::text::lone_carriage_returns_as_newlines(
        text.strip_prefix('\u{feff}').unwrap_or(text),
    );
    let body: &str = &body;
    let crlf = body
        .split('\n')
        .next()
        .is_some_and(|line| line.len() < body.len() && line.ends_with('\r'));
    let tokens = lex(body);
    let structure = if has_decimal_comma(body, &tokens) {
        Err(NotClean)
    } else {
        structure(body, &tokens)
    };
    let Ok(decls) = structure else {
        let (_, diags) = crate::syntax::parse_file(FileId(0), body);
        let syntax: Vec<Diagnostic> = diags
            .into_iter()
            .filter(|d| matches!(d.code, Code::P0001 | Code::P0002 | Code::P0003))
            .collect();
        return Err(if syntax.is_empty() {
            FormatError::Unsafe("the file parses, but not as the formatter expects".into())
        } else {
            FormatError::Syntax(syntax)
        });
    };
    let mut printer = Printer {
        src: body,
        tokens: &tokens,
        out: String::with_capacity(body.len() + body.len() / 8),
    };
    printer.file(&decls);
    let mut out = printer.out;
    verify(body, &out)?;
    if crlf {
        out = out.replace('\n', "\r\n");
    }
    if bom {
        out.insert(0, '\u{feff}');
    }
    Ok(out)
}

/// Formats a whole file with every keyword written in `lang` (`pejl fmt --keywords sv`): the
/// keyword tokens pest finds (the `k_…` rules, [`crate::syntax::keyword_use`]) are replaced and
/// nothing else; comments, strings, IDs and numbers keep their bytes. Without a language the
/// file keeps its own keywords, as [`format`] does.
pub fn format_keywords(text: &str, lang: Option<crate::i18n::Lang>) -> Result<String, FormatError> {
    let formatted = format(text)?;
    match lang {
        None => Ok(formatted),
        Some(lang) => format(&crate::syntax::keyword_use::translate(&formatted, lang)),
    }
}

/// The smallest edit turning `old` into `new`: a byte range of `old` and its replacement.
/// `None` when they are equal.
pub fn minimal_edit(old: &str, new: &str) -> Option<(usize, usize, String)> {
    if old == new {
        return None;
    }
    let mut prefix = old
        .bytes()
        .zip(new.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    while !old.is_char_boundary(prefix) || !new.is_char_boundary(prefix) {
        prefix -= 1;
    }
    let max_suffix = (old.len() - prefix).min(new.len() - prefix);
    let mut suffix = old
        .bytes()
        .rev()
        .zip(new.bytes().rev())
        .take(max_suffix)
        .take_while(|(a, b)| a == b)
        .count();
    while !old.is_char_boundary(old.len() - suffix) || !new.is_char_boundary(new.len() - suffix) {
        suffix -= 1;
    }
    match new.get(prefix..new.len() - suffix) {
        Some(middle) => Some((prefix, old.len() - suffix, middle.to_string())),
        // Not reached: both ends are character boundaries within the shorter text. The whole
        // text is still a correct edit.
        None => Some((0, old.len(), new.to_string())),
    }
}

// ------------------------------------------------------------------ lexer

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Word,
    Str,
    TextBlock,
    Open,
    Close,
    LParen,
    RParen,
    Comma,
    Comment,
}

#[derive(Debug, Clone, Copy)]
struct Tok {
    kind: Kind,
    start: usize,
    end: usize,
    /// Line breaks between the previous token and this one.
    breaks: usize,
}

fn lex(src: &str) -> Vec<Tok> {
    let bytes = src.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    let mut breaks = 0;
    while let Some(&c) = bytes.get(i) {
        let start = i;
        let kind = match c {
            b'\n' => {
                breaks += 1;
                i += 1;
                continue;
            }
            b' ' | b'\t' | b'\r' => {
                i += 1;
                continue;
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                i = crate::syntax::text::line_end(src, i);
                Kind::Comment
            }
            b'"' if bytes.get(i..).is_some_and(|r| r.starts_with(b"\"\"\"")) => {
                // After three ASCII quotes: a character boundary.
                i = src
                    .get(i + 3..)
                    .and_then(|r| r.find("\"\"\""))
                    .map_or(src.len(), |e| i + 3 + e + 3);
                Kind::TextBlock
            }
            b'"' => {
                i += 1;
                while let Some(&b) = bytes.get(i) {
                    if b == b'"' || b == b'\n' {
                        break;
                    }
                    i += if b == b'\\' { 2 } else { 1 };
                }
                i = (i + 1).min(src.len());
                Kind::Str
            }
            b'{' | b'}' | b'(' | b')' | b',' => {
                i += 1;
                match c {
                    b'{' => Kind::Open,
                    b'}' => Kind::Close,
                    b'(' => Kind::LParen,
                    b')' => Kind::RParen,
                    _ => Kind::Comma,
                }
            }
            b'<' | b'>' | b'=' | b'!' => {
                // Comparisons are words of their own: `value>=90` is written `value >= 90`.
                while matches!(bytes.get(i), Some(b'<' | b'>' | b'=' | b'!')) {
                    i += 1;
                }
                Kind::Word
            }
            _ => {
                while let Some(&b) = bytes.get(i) {
                    if matches!(
                        b,
                        b' ' | b'\t'
                            | b'\r'
                            | b'\n'
                            | b'{'
                            | b'}'
                            | b'('
                            | b')'
                            | b','
                            | b'"'
                            | b'<'
                            | b'>'
                            | b'='
                            | b'!'
                    ) || (b == b'/' && bytes.get(i + 1) == Some(&b'/'))
                    {
                        break;
                    }
                    i += 1;
                }
                while !src.is_char_boundary(i) {
                    i += 1;
                }
                Kind::Word
            }
        };
        out.push(Tok {
            kind,
            start,
            end: i.min(src.len()),
            breaks,
        });
        breaks = 0;
    }
    out
}

// ------------------------------------------------------------------ structure

/// How the items of a block line up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Align {
    None,
    /// Rule and rollup bands: the status column.
    Bands,
    /// A band's labels: the report column.
    Labels,
    /// Chain levels: name, title and `under` columns.
    Levels,
}

/// A declaration or a statement, with its block if it has one. Offsets are absolute.
#[derive(Debug)]
struct Node {
    start: usize,
    end: usize,
    block: Option<Block>,
}

#[derive(Debug)]
struct Block {
    /// Offsets of `{` and `}`.
    open: usize,
    close: usize,
    items: Vec<Node>,
    align: Align,
}

/// A file that does not parse cleanly: `format` then asks the parser for its diagnostics.
struct NotClean;

/// The declarations of a file. Large files are read in two halves on two threads, as the
/// parser does; the second half is used from where the first half's last declaration ends.
fn structure(src: &str, tokens: &[Tok]) -> Result<Vec<Node>, NotClean> {
    if let Some(split) = crate::syntax::parse::parallel_split(src) {
        let (first, second) = std::thread::scope(|scope| {
            let second = crate::syntax::parse::on_second_thread(scope, || {
                structure_range(src, tokens, split, usize::MAX)
            });
            let first = structure_range(src, tokens, 0, split);
            (first, second.map(|s| s.join()))
        });
        let mut first = first?;
        let resume = first.last().map_or(0, |n| n.end);
        let next = tokens
            .iter()
            .skip(tokens.partition_point(|t| t.start < resume))
            .find(|t| t.kind != Kind::Comment)
            .map(|t| t.start);
        let rest = match (second, next) {
            (Ok(Ok(Ok(second))), Some(next)) => match second.iter().position(|n| n.start == next) {
                Some(at) => second.into_iter().skip(at).collect(),
                None => structure_range(src, tokens, resume, usize::MAX)?,
            },
            (_, None) => Vec::new(),
            _ => structure_range(src, tokens, resume, usize::MAX)?,
        };
        first.extend(rest);
        return Ok(first);
    }
    structure_range(src, tokens, 0, usize::MAX)
}

/// Declarations starting at or after `from`, until one starts at or after `stop`.
fn structure_range(
    src: &str,
    tokens: &[Tok],
    from: usize,
    stop: usize,
) -> Result<Vec<Node>, NotClean> {
    let mut decls = Vec::new();
    let mut t = tokens.partition_point(|tok| tok.start < from);
    while let Some(tok) = tokens.get(t) {
        if tok.kind == Kind::Comment {
            t += 1;
            continue;
        }
        let pos = tok.start;
        if pos >= stop {
            break;
        }
        // Tokens start on character boundaries (`lex`); any other start is not clean.
        let rest = src.get(pos..).ok_or(NotClean)?;
        let parsed = PejlParser::parse(Rule::decl, rest).map_err(|_| NotClean)?;
        let pair = parsed.into_iter().next().ok_or(NotClean)?;
        let node = node(pair, pos, tokens)?;
        t = tokens.partition_point(|tok| tok.start < node.end);
        decls.push(node);
    }
    Ok(decls)
}

/// A number written with a decimal comma (`10,5`) lexes as word, comma, word.
fn has_decimal_comma(src: &str, tokens: &[Tok]) -> bool {
    let digits = |t: &Tok| {
        let w = src
            .get(t.start..t.end)
            .unwrap_or("")
            .trim_start_matches('-');
        t.kind == Kind::Word && !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit())
    };
    tokens.windows(3).any(|w| {
        let [before, comma, after] = w else {
            return false;
        };
        digits(before)
            && comma.kind == Kind::Comma
            && comma.breaks == 0
            && after.breaks == 0
            && comma.start == before.end
            && after.start == comma.end
            && digits(after)
    })
}

fn is_block_rule(rule: Rule) -> bool {
    matches!(
        rule,
        Rule::policy_block
            | Rule::body_block
            | Rule::indicator_block
            | Rule::report_block
            | Rule::goal_block
            | Rule::test_block
            | Rule::activity_block
            | Rule::band_labels
    )
}

fn is_item_rule(rule: Rule) -> bool {
    matches!(
        rule,
        Rule::level_stmt | Rule::scale_entry | Rule::rule_band | Rule::rollup_band
    )
}

fn node(pair: Pair<Rule>, base: usize, tokens: &[Tok]) -> Result<Node, NotClean> {
    if pair.as_rule() == Rule::bad_stmt {
        return Err(NotClean);
    }
    let span = pair.as_span();
    let start = base + span.start();
    // pest's implicit whitespace (comments included) can run past the last word of a
    // rule ending in a lookahead; a node ends at its last significant token.
    let end = {
        let raw_end = base + span.end();
        let upto = tokens.partition_point(|t| t.start < raw_end);
        tokens
            .iter()
            .take(upto)
            .rev()
            .find(|t| t.kind != Kind::Comment)
            .map_or(raw_end, |t| t.end.max(start))
    };
    let pair = if pair.as_rule() == Rule::decl {
        pair.into_inner().next().ok_or(NotClean)?
    } else {
        pair
    };
    let rule = pair.as_rule();
    let mut block = None;
    let inline = matches!(
        rule,
        Rule::chain_decl | Rule::scale_decl | Rule::rule_decl | Rule::rollup_decl
    );
    if inline {
        let align = match rule {
            Rule::chain_decl => Align::Levels,
            Rule::rule_decl | Rule::rollup_decl => Align::Bands,
            _ => Align::None,
        };
        let mut items = Vec::new();
        let mut header_end = start;
        for child in pair.into_inner() {
            if is_item_rule(child.as_rule()) || child.as_rule() == Rule::bad_stmt {
                items.push(node(child, base, tokens)?);
            } else if items.is_empty() {
                header_end = base + child.as_span().end();
            }
        }
        let open = tokens
            .iter()
            .find(|t| t.kind == Kind::Open && t.start >= header_end)
            .map_or(header_end, |t| t.start);
        block = Some(Block {
            open,
            close: end - 1,
            items,
            align,
        });
    } else {
        for child in pair.into_inner() {
            if is_block_rule(child.as_rule()) {
                let s = child.as_span();
                let align = if child.as_rule() == Rule::band_labels {
                    Align::Labels
                } else {
                    Align::None
                };
                let mut items = Vec::new();
                for item in child.into_inner() {
                    items.push(node(item, base, tokens)?);
                }
                block = Some(Block {
                    open: base + s.start(),
                    close: base + s.end() - 1,
                    items,
                    align,
                });
            }
        }
    }
    Ok(Node { start, end, block })
}

// ------------------------------------------------------------------ printing

struct Printer<'a> {
    src: &'a str,
    tokens: &'a [Tok],
    out: String,
}

impl<'a> Printer<'a> {
    fn tokens_in(&self, from: usize, to: usize) -> &'a [Tok] {
        let a = self.tokens.partition_point(|t| t.start < from);
        let b = self.tokens.partition_point(|t| t.start < to);
        self.tokens.get(a..b.max(a)).unwrap_or_default()
    }

    /// A token's text. Tokens lie on character boundaries of `src` (`lex`); were one not to,
    /// its text would be empty and `verify` would refuse the result (a word changed).
    fn text(&self, t: &Tok) -> &'a str {
        self.src.get(t.start..t.end).unwrap_or("")
    }

    /// Joins the significant tokens of a range on one line. Text blocks are re-indented.
    fn join(&self, toks: &[Tok], indent: usize) -> String {
        let mut out = String::new();
        let mut prev: Option<Kind> = None;
        for t in toks.iter().filter(|t| t.kind != Kind::Comment) {
            let glue = !matches!(
                (prev, t.kind),
                (None, _) | (Some(Kind::LParen), _) | (_, Kind::RParen) | (_, Kind::Comma)
            );
            if glue {
                out.push(' ');
            }
            match t.kind {
                Kind::TextBlock => out.push_str(&self.text_block(t, indent)),
                // A word is a name, a keyword or a number: names are written in NFC.
                Kind::Word => out.push_str(&nfc(self.text(t))),
                _ => out.push_str(self.text(t)),
            }
            prev = Some(t.kind);
        }
        out
    }

    /// A text block: `"""`, its lines one level deeper than the statement, `"""`.
    fn text_block(&self, t: &Tok, indent: usize) -> String {
        let raw = self.text(t);
        let inner = raw
            .strip_prefix("\"\"\"")
            .and_then(|r| r.strip_suffix("\"\"\""))
            .unwrap_or(raw);
        let value = dedent(inner);
        let mut s = String::from("\"\"\"\n");
        for line in value.split('\n') {
            if !line.is_empty() {
                s.push_str(&" ".repeat(indent + 2));
                s.push_str(line);
            }
            s.push('\n');
        }
        s.push_str(&" ".repeat(indent));
        s.push_str("\"\"\"");
        s
    }

    fn comments_in(&self, from: usize, to: usize) -> Vec<Tok> {
        self.tokens_in(from, to)
            .iter()
            .filter(|t| t.kind == Kind::Comment)
            .copied()
            .collect()
    }

    fn first_token_breaks(&self, at: usize) -> usize {
        let i = self.tokens.partition_point(|t| t.start < at);
        self.tokens.get(i).map_or(0, |t| t.breaks)
    }

    fn file(&mut self, decls: &[Node]) {
        let mut lines: Vec<String> = Vec::new();
        let mut cursor = 0;
        let mut prev_multi = false;
        for (i, decl) in decls.iter().enumerate() {
            let gap = self.comments_in(cursor, decl.start);
            let (trailing, leading) = split_trailing(&gap, i > 0);
            append_trailing(self, &mut lines, &trailing);
            let rendered = self.render(decl, 0, &Columns::default());
            let multi = rendered.len() > 1 || rendered.iter().any(|l| l.contains('\n'));
            let first_break = leading
                .first()
                .map_or_else(|| self.first_token_breaks(decl.start), |c| c.breaks);
            if i > 0 && (prev_multi || multi || !leading.is_empty() || first_break >= 2) {
                lines.push(String::new());
            }
            self.leading(&mut lines, &leading, 0, decl.start);
            lines.extend(rendered);
            prev_multi = multi;
            cursor = decl.end;
        }
        let rest = self.comments_in(cursor, self.src.len() + 1);
        let (trailing, leading) = split_trailing(&rest, !decls.is_empty());
        append_trailing(self, &mut lines, &trailing);
        if let Some(first) = leading.first() {
            if !decls.is_empty() && first.breaks >= 2 {
                lines.push(String::new());
            }
        }
        for (n, c) in leading.iter().enumerate() {
            if n > 0 && c.breaks >= 2 {
                lines.push(String::new());
            }
            lines.push(self.text(c).trim_end().to_string());
        }
        for line in lines {
            self.out.push_str(line.trim_end_matches(' '));
            self.out.push('\n');
        }
    }

    /// Own-line comments above an item, with one blank line where the author had any.
    fn leading(&self, lines: &mut Vec<String>, comments: &[Tok], indent: usize, item_start: usize) {
        for (k, c) in comments.iter().enumerate() {
            if k > 0 && c.breaks >= 2 {
                lines.push(String::new());
            }
            lines.push(format!("{}{}", " ".repeat(indent), self.text(c).trim_end()));
        }
        if !comments.is_empty() && self.first_token_breaks(item_start) >= 2 {
            lines.push(String::new());
        }
    }

    /// The lines of a declaration or statement, each with its indentation.
    fn render(&self, node: &Node, indent: usize, cols: &Columns) -> Vec<String> {
        let pad = " ".repeat(indent);
        let header_end = node.block.as_ref().map_or(node.end, |b| b.open);
        let header_toks = self.tokens_in(node.start, header_end);
        let header = cols.apply(self, header_toks, indent);
        let header_comments: Vec<Tok> = header_toks
            .iter()
            .filter(|t| t.kind == Kind::Comment)
            .copied()
            .collect();
        let Some(block) = &node.block else {
            let mut lines = Vec::new();
            // A comment inside a statement that spans lines goes above it.
            for c in &header_comments {
                lines.push(format!("{pad}{}", self.text(c).trim_end()));
            }
            lines.push(format!("{pad}{header}"));
            return lines;
        };
        let inner = self.tokens_in(block.open + 1, block.close);
        let one_line_source = self
            .src
            .get(block.open..block.close)
            .is_some_and(|s| !s.contains('\n'));
        let simple = header_comments.is_empty()
            && !inner
                .iter()
                .any(|t| matches!(t.kind, Kind::Comment | Kind::TextBlock))
            && block.items.iter().all(|i| i.block.is_none());
        if one_line_source && simple {
            let items: Vec<String> = block
                .items
                .iter()
                .map(|item| self.join(self.tokens_in(item.start, item.end), indent))
                .collect();
            let line = if items.is_empty() {
                format!("{pad}{header} {{ }}")
            } else {
                format!("{pad}{header} {{ {} }}", items.join("  "))
            };
            if width(&line) <= MAX_WIDTH {
                return vec![line];
            }
        }
        let mut lines = vec![format!("{pad}{header} {{")];
        let inner_pad = " ".repeat(indent + 2);
        for c in &header_comments {
            lines.push(format!("{inner_pad}{}", self.text(c).trim_end()));
        }
        let child_cols = Columns::of(self, block);
        let mut cursor = block.open + 1;
        for (k, item) in block.items.iter().enumerate() {
            let gap = self.comments_in(cursor, item.start);
            let (trailing, leading) = split_trailing(&gap, true);
            append_trailing(self, &mut lines, &trailing);
            let first_break = leading
                .first()
                .map_or_else(|| self.first_token_breaks(item.start), |c| c.breaks);
            if k > 0 && first_break >= 2 {
                lines.push(String::new());
            }
            self.leading(&mut lines, &leading, indent + 2, item.start);
            lines.extend(self.render(item, indent + 2, &child_cols));
            cursor = item.end;
        }
        let tail = self.comments_in(cursor, block.close);
        let (trailing, leading) = split_trailing(&tail, true);
        append_trailing(self, &mut lines, &trailing);
        for (n, c) in leading.iter().enumerate() {
            if n > 0 && c.breaks >= 2 {
                lines.push(String::new());
            }
            lines.push(format!("{inner_pad}{}", self.text(c).trim_end()));
        }
        lines.push(format!("{pad}}}"));
        lines
    }
}

/// Puts end-of-line comments after the last line.
fn append_trailing(p: &Printer, lines: &mut [String], comments: &[Tok]) {
    if let Some(last) = lines.last_mut() {
        for c in comments {
            last.push_str("  ");
            last.push_str(p.text(c).trim_end());
        }
    }
}

/// Splits comments into those on the same line as what precedes them (end-of-line
/// comments) and those on lines of their own.
fn split_trailing(comments: &[Tok], after_something: bool) -> (Vec<Tok>, Vec<Tok>) {
    let mut trailing = Vec::new();
    let mut leading = Vec::new();
    for c in comments {
        if after_something && leading.is_empty() && trailing.is_empty() && c.breaks == 0 {
            trailing.push(*c);
        } else {
            leading.push(*c);
        }
    }
    (trailing, leading)
}

/// Column widths for aligned items of a block.
#[derive(Default)]
struct Columns {
    align: Option<Align>,
    /// Widths of the leading columns, in characters.
    widths: Vec<usize>,
}

impl Columns {
    fn of(p: &Printer, block: &Block) -> Columns {
        let mut widths: Vec<usize> = Vec::new();
        for item in &block.items {
            let end = item.block.as_ref().map_or(item.end, |b| b.open);
            let cells = cells(p, p.tokens_in(item.start, end), block.align);
            for (i, cell) in cells.iter().enumerate() {
                let w = width(cell);
                match widths.get_mut(i) {
                    Some(widest) => *widest = (*widest).max(w),
                    None => widths.push(w),
                }
            }
        }
        Columns {
            align: Some(block.align),
            widths,
        }
    }

    fn apply(&self, p: &Printer, toks: &[Tok], indent: usize) -> String {
        let Some(align) = self.align.filter(|a| *a != Align::None) else {
            return p.join(toks, indent);
        };
        if toks.iter().any(|t| t.kind == Kind::TextBlock) {
            return p.join(toks, indent);
        }
        let cells = cells(p, toks, align);
        let mut out = String::new();
        let last = cells.len().saturating_sub(1);
        for (i, cell) in cells.iter().enumerate() {
            out.push_str(cell);
            if i < last {
                let width = self.widths.get(i).copied().unwrap_or(0);
                let fill = width.saturating_sub(self::width(cell));
                out.push_str(&" ".repeat(fill));
                // Chain levels separate their clauses by two spaces, as in the design.
                out.push_str(if align == Align::Levels && i >= 1 {
                    "  "
                } else {
                    " "
                });
            }
        }
        out
    }
}

/// The columns a text takes: its characters, less combining marks (a title copied decomposed,
/// `a` + U+030A, shows `å` in one column).
fn width(text: &str) -> usize {
    text.chars()
        .filter(|&c| !unicode_normalization::char::is_combining_mark(c))
        .count()
}

/// The aligned cells of an item: bands → [status, rest]; labels → [report, text];
/// levels → [`level NAME`, title, `under X`, rest].
fn cells(p: &Printer, toks: &[Tok], align: Align) -> Vec<String> {
    let words: Vec<&Tok> = toks.iter().filter(|t| t.kind != Kind::Comment).collect();
    let join = |ts: &[&Tok]| -> String {
        let owned: Vec<Tok> = ts.iter().map(|t| **t).collect();
        p.join(&owned, 0)
    };
    match (align, words.as_slice()) {
        (Align::Bands | Align::Labels, [first, rest @ ..]) if !rest.is_empty() => {
            vec![join(&[*first]), join(rest)]
        }
        (Align::Levels, [level, name, title, rest @ ..]) => {
            let mut cells = vec![join(&[*level, *name]), join(&[*title])];
            // Clauses start with these words; `under X` is its own column.
            let starts = ["under", "exactly", "at", "measured", "assessed", "followed"];
            let mut clauses: Vec<Vec<&Tok>> = Vec::new();
            for t in rest {
                if starts.contains(&p.text(t)) || clauses.is_empty() {
                    clauses.push(Vec::new());
                }
                if let Some(last) = clauses.last_mut() {
                    last.push(t);
                }
            }
            let (under, others): (Vec<_>, Vec<_>) = clauses
                .into_iter()
                .partition(|c| c.first().is_some_and(|t| p.text(t) == "under"));
            cells.push(under.first().map(|c| join(c)).unwrap_or_default());
            let rest: Vec<String> = others.iter().map(|c| join(c)).collect();
            cells.push(rest.join("  "));
            while cells.last().is_some_and(|c| c.is_empty()) {
                cells.pop();
            }
            cells
        }
        _ => vec![join(&words)],
    }
}

// ------------------------------------------------------------------ safety check

fn verify(input: &str, output: &str) -> Result<(), FormatError> {
    // Already in the canonical layout (the usual case on save and in CI): the input parsed
    // cleanly, and nothing is changed.
    if input == output {
        return Ok(());
    }
    let a = lex(input);
    let b = lex(output);
    let same_word = |x: &Tok, y: &Tok| -> bool {
        let (Some(tx), Some(ty)) = (input.get(x.start..x.end), output.get(y.start..y.end)) else {
            return false;
        };
        if x.kind != y.kind {
            return false;
        }
        if x.kind == Kind::TextBlock {
            let inner = |t: &str| -> String {
                dedent(
                    t.strip_prefix("\"\"\"")
                        .and_then(|r| r.strip_suffix("\"\"\""))
                        .unwrap_or(t),
                )
            };
            inner(tx) == inner(ty)
        } else if x.kind == Kind::Word {
            // The parser compares names after NFC, so a recomposed name is the same word.
            nfc(tx) == nfc(ty)
        } else {
            tx == ty
        }
    };
    let mut xs = a.iter().filter(|t| t.kind != Kind::Comment);
    let mut ys = b.iter().filter(|t| t.kind != Kind::Comment);
    loop {
        match (xs.next(), ys.next()) {
            (None, None) => break,
            (Some(x), Some(y)) if same_word(x, y) => {}
            _ => {
                return Err(FormatError::Unsafe(
                    "the words of the policy changed".into(),
                ))
            }
        }
    }
    let comments = |src: &str, toks: &[Tok]| -> Vec<String> {
        let mut c: Vec<String> = toks
            .iter()
            .filter(|t| t.kind == Kind::Comment)
            .map(|t| src.get(t.start..t.end).unwrap_or("").trim_end().to_string())
            .collect();
        c.sort();
        c
    };
    if comments(input, &a) != comments(output, &b) {
        return Err(FormatError::Unsafe(
            "a comment would have been lost or changed".into(),
        ));
    }
    // The output must parse cleanly (the same parse the formatter relies on, without
    // building a syntax tree).
    if has_decimal_comma(output, &b) || structure(output, &b).is_err() {
        return Err(FormatError::Unsafe("the result does not parse".into()));
    }
    Ok(())
}
