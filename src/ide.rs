//! Every editor query, over an [`Analysis`]: hover text, definition, references, rename,
//! completion in context, the document outline as the goal tree, workspace symbols,
//! semantic tokens, folding ranges, inlay hints and code actions. The language server
//! (`lsp/`) is a thin adapter over these: it turns protocol positions into byte offsets,
//! calls a function here, and turns the spans it gets back into protocol ranges.
//!
//! Positions here are byte offsets into a file of the analysis ([`FileId`] + offset);
//! [`crate::span::LineIndex`] converts them to and from editor positions.
//! [`IncrementalParser`] re-parses only the declarations an edit touched, so that
//! diagnostics keep up with typing in a policy of ten thousand goals.

mod actions;
mod complete;
mod hover;
mod incremental;
mod nav;
mod outline;
mod tokens;

#[cfg(test)]
mod tests;

pub use actions::{code_actions, CodeAction};
pub use complete::{completions, Completion, CompletionKind, Completions};
pub use hover::{hover, Hover};
pub(crate) use incremental::restamped;
pub use incremental::IncrementalParser;
pub use nav::{definition, prepare_rename, references, rename, RenameError};
pub use outline::{
    document_symbols, folding_ranges, workspace_symbols, DocumentSymbol, FoldKind, FoldRange,
    WorkspaceSymbol,
};
pub use tokens::{inlay_hints, semantic_tokens, InlayHint, SemanticToken, TokenKind};

use crate::model::Kind;
use crate::span::{FileId, Span};
use crate::syntax::ast::{Chain, Decl, Goal, Policy};
use crate::Analysis;

/// A text replacement in one file of the analysis.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub span: Span,
    pub text: String,
}

pub use crate::syntax::keywords::{is_keyword, KEYWORDS};

/// Whether `name` is a valid ID: a Unicode letter or `_`, then letters, marks, digits, `_`, `-`.
pub fn is_valid_id(name: &str) -> bool {
    let mut chars = name.chars();
    match chars.next() {
        Some(c) if c.is_alphabetic() || c == '_' => {}
        _ => return false,
    }
    chars.all(is_ident_char)
}

pub(crate) fn is_ident_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '-' || is_mark(c)
}

/// Combining marks (a decomposed `å` is `a` + U+030A): part of an identifier.
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// The file of an analysis whose (normalised) path is `path`.
pub fn file_of(analysis: &Analysis, path: &std::path::Path) -> Option<FileId> {
    analysis.sources.find(path)
}

/// The top-level declaration whose span starts exactly where `span` starts.
pub(crate) fn decl_at(analysis: &Analysis, span: Span) -> Option<&Decl> {
    let decls = &analysis.files.get(span.file.0 as usize)?.decls;
    let i = decls
        .binary_search_by(|d| d.span().start.cmp(&span.start))
        .ok()?;
    decls.get(i)
}

/// The top-level declaration containing `offset`.
pub(crate) fn decl_containing(analysis: &Analysis, file: FileId, offset: usize) -> Option<&Decl> {
    let decls = &analysis.files.get(file.0 as usize)?.decls;
    let i = decls.partition_point(|d| d.span().start <= offset);
    let decl = decls.get(i.checked_sub(1)?)?;
    decl.span().contains(offset).then_some(decl)
}

/// The declaration of symbol `index`.
pub(crate) fn symbol_decl(analysis: &Analysis, index: usize) -> Option<&Decl> {
    let symbol = analysis.symbols.symbols.get(index)?;
    match symbol.kind {
        Kind::Level | Kind::Status => None,
        _ => decl_at(analysis, symbol.decl_span),
    }
}

pub(crate) fn goal_decl(analysis: &Analysis, index: usize) -> Option<&Goal> {
    match symbol_decl(analysis, index)? {
        Decl::Goal(g) => Some(g),
        _ => None,
    }
}

/// The goal named `name`, if there is one.
pub(crate) fn goal_named<'a>(analysis: &'a Analysis, name: &str) -> Option<&'a Goal> {
    let index = analysis.symbols.lookup(name, &[Kind::Goal])?;
    goal_decl(analysis, index)
}

pub(crate) fn all_decls(analysis: &Analysis) -> impl Iterator<Item = &Decl> {
    analysis.files.iter().flat_map(|f| &f.decls)
}

pub(crate) fn chain(analysis: &Analysis) -> Option<&Chain> {
    all_decls(analysis).find_map(|d| match d {
        Decl::Chain(c) => Some(&**c),
        _ => None,
    })
}

pub(crate) fn policy(analysis: &Analysis) -> Option<&Policy> {
    all_decls(analysis).find_map(|d| match d {
        Decl::Policy(p) => Some(&**p),
        _ => None,
    })
}

/// The statuses in effect: (name, label, not assessable).
pub(crate) fn scale(analysis: &Analysis) -> Vec<crate::model::Status> {
    let declared = all_decls(analysis).find_map(|d| match d {
        Decl::Scale(s) if !s.statuses.is_empty() => Some(s),
        _ => None,
    });
    match declared {
        Some(s) => s
            .statuses
            .iter()
            .map(|e| crate::model::Status {
                name: e.name.name.clone(),
                label: e.label.value.clone(),
                not_assessable: e.not_assessable || e.name.name == "grey",
            })
            .collect(),
        None => crate::model::default_scale(
            policy(analysis)
                .and_then(|p| p.language.as_ref())
                .map(|l| l.name.as_str()),
        ),
    }
}

/// The display title of a declaration ("" when it has none); a goal's with its number.
pub(crate) fn decl_title(decl: &Decl) -> std::borrow::Cow<'_, str> {
    std::borrow::Cow::Borrowed(match decl {
        Decl::Policy(d) => &d.title.value,
        Decl::Body(d) => &d.name.value,
        Decl::Indicator(d) => &d.title.value,
        Decl::Value(d) => &d.name.value,
        Decl::Report(d) => &d.name.value,
        Decl::Rule(d) | Decl::Rollup(d) => d.title.as_ref().map_or("", |t| &t.value),
        Decl::Goal(d) => return std::borrow::Cow::Owned(d.numbered_title()),
        Decl::Test(d) => &d.title.value,
        Decl::Activity(d) => &d.title.value,
        Decl::Include(_) | Decl::Chain(_) | Decl::Scale(_) => "",
    })
}

/// The title of symbol `index` (a level's display name, a status's label).
pub(crate) fn symbol_title(analysis: &Analysis, index: usize) -> String {
    let Some(symbol) = analysis.symbols.symbols.get(index) else {
        return String::new();
    };
    match symbol.kind {
        Kind::Level => chain(analysis)
            .and_then(|c| c.levels.iter().find(|l| l.name.span == symbol.span))
            .map(|l| l.title.value.clone())
            .unwrap_or_default(),
        Kind::Status => scale(analysis)
            .into_iter()
            .find(|s| s.name == symbol.name)
            .map(|s| s.label)
            .unwrap_or_default(),
        _ => symbol_decl(analysis, index)
            .map(|d| decl_title(d).to_string())
            .unwrap_or_default(),
    }
}

/// A title shortened to `max` characters, with `…` when cut.
pub(crate) fn shorten(text: &str, max: usize) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        flat
    } else {
        let cut: String = flat.chars().take(max.saturating_sub(1)).collect();
        format!("{}…", cut.trim_end())
    }
}

/// A lexical token of the source, for completion context and keyword highlighting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tok {
    Word,
    Number,
    Str,
    Comment,
    Open,
    Close,
    Comma,
    Other,
}

/// Splits `text[from..to]` into tokens (strings, text blocks and comments as one token each).
pub(crate) fn lex(text: &str, from: usize, to: usize) -> Vec<(Tok, usize, usize)> {
    let to = crate::span::clamp_to_char_boundary(text, to);
    let from = crate::span::clamp_to_char_boundary(text, from.min(to));
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = from;
    while i < to {
        let rest = &text[i..to];
        let c = rest.chars().next().unwrap_or(' ');
        let start = i;
        let (tok, len) = if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        } else if rest.starts_with("//") {
            (Tok::Comment, rest.find('\n').unwrap_or(rest.len()))
        } else if let Some(inner) = rest.strip_prefix("\"\"\"") {
            (Tok::Str, inner.find("\"\"\"").map_or(rest.len(), |n| n + 6))
        } else if c == '"' {
            let mut j = 1;
            while j < rest.len() {
                match bytes[i + j] {
                    b'\\' => j += 2,
                    b'"' => {
                        j += 1;
                        break;
                    }
                    b'\n' => break,
                    _ => j += 1,
                }
            }
            (Tok::Str, j.min(rest.len()))
        } else if c.is_alphabetic() || c == '_' {
            let len = rest
                .char_indices()
                .find(|&(_, c)| !is_ident_char(c))
                .map_or(rest.len(), |(n, _)| n);
            (Tok::Word, len)
        } else if c.is_ascii_digit()
            || ((c == '-' || c == '+') && rest[1..].starts_with(|d: char| d.is_ascii_digit()))
        {
            let len = rest[1..]
                .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '.' | ',' | '-' | '%')))
                .map_or(rest.len(), |n| n + 1);
            // `2024..2027`: `..` is part of the number token.
            (Tok::Number, len)
        } else {
            let tok = match c {
                '{' => Tok::Open,
                '}' => Tok::Close,
                ',' => Tok::Comma,
                _ => Tok::Other,
            };
            (tok, c.len_utf8())
        };
        i = (start + len.max(1)).min(to);
        while !text.is_char_boundary(i) {
            i += 1;
        }
        out.push((tok, start, i));
    }
    out
}
