//! Go to definition, find references and rename, from the symbol table of
//! [`crate::model::Symbols`] (every declaration and every reference with its target).

use super::{is_keyword, is_valid_id, Edit};
use crate::model::Kind;
use crate::span::{FileId, Span};
use crate::syntax::ast::{Atom, Ident, Rule};
use crate::text;
use crate::Analysis;

/// The symbol declared or referenced at `offset`, and the span of the name there.
pub(crate) fn symbol_at(analysis: &Analysis, file: FileId, offset: usize) -> Option<(usize, Span)> {
    let symbols = &analysis.symbols;
    if let Some(i) = symbols
        .symbols
        .iter()
        .position(|s| s.span.file == file && s.span.contains(offset))
    {
        return Some((i, symbols.symbols[i].span));
    }
    symbols
        .references
        .iter()
        .find(|r| r.span.file == file && r.span.contains(offset) && r.target.is_some())
        .and_then(|r| Some((r.target?, r.span)))
}

/// Where the name at `offset` is declared.
pub fn definition(analysis: &Analysis, file: FileId, offset: usize) -> Option<Span> {
    let (index, _) = symbol_at(analysis, file, offset)?;
    Some(analysis.symbols.symbols[index].span)
}

/// Every use of the name at `offset` (and its declaration first, if asked), across files.
pub fn references(
    analysis: &Analysis,
    file: FileId,
    offset: usize,
    include_declaration: bool,
) -> Vec<Span> {
    let Some((index, _)) = symbol_at(analysis, file, offset) else {
        return Vec::new();
    };
    let mut spans = Vec::new();
    if include_declaration {
        spans.push(analysis.symbols.symbols[index].span);
    }
    spans.extend(
        analysis
            .symbols
            .references
            .iter()
            .filter(|r| r.target == Some(index))
            .map(|r| r.span),
    );
    spans.sort();
    spans.dedup();
    spans
}

/// Why a rename was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RenameError {
    /// Nothing that can be renamed is at the position.
    NothingHere,
    /// A status of the default scale: it has no declaration to rename.
    BuiltIn(String),
    /// Not a valid ID.
    InvalidName(String),
    /// A keyword of the language.
    Keyword(String),
    /// The new name is taken.
    Collision { name: String, existing: Kind },
}

impl RenameError {
    /// Why, in the catalogue (the editor shows it in the reader's language).
    pub fn text(&self) -> crate::i18n::Text {
        match self {
            RenameError::NothingHere => text!("rename-nothing-here"),
            RenameError::BuiltIn(name) => text!("rename-built-in", name = name),
            RenameError::InvalidName(name) => text!("rename-invalid", name = name),
            RenameError::Keyword(name) => text!("rename-keyword", name = name),
            RenameError::Collision { name, existing } => {
                text!("names-already-id", name = name, kind = existing.a())
            }
        }
    }
}

impl std::fmt::Display for RenameError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text().en())
    }
}

impl std::error::Error for RenameError {}

/// The name at `offset` that a rename would change, with its span.
pub fn prepare_rename(
    analysis: &Analysis,
    file: FileId,
    offset: usize,
) -> Result<(Span, String), RenameError> {
    if let Some((_, span)) = symbol_at(analysis, file, offset) {
        return Ok((span, analysis.sources.text(span).to_string()));
    }
    if let Some(crate::syntax::ast::Decl::Rule(rule) | crate::syntax::ast::Decl::Rollup(rule)) =
        super::decl_containing(analysis, file, offset)
    {
        if let Some(ident) = status_idents(rule)
            .into_iter()
            .find(|i| i.span.contains(offset))
        {
            return Err(RenameError::BuiltIn(ident.name.clone()));
        }
    }
    Err(RenameError::NothingHere)
}

/// The edits that rename the name at `offset` to `new_name` everywhere, across files.
pub fn rename(
    analysis: &Analysis,
    file: FileId,
    offset: usize,
    new_name: &str,
) -> Result<Vec<Edit>, RenameError> {
    prepare_rename(analysis, file, offset)?;
    let (index, _) = symbol_at(analysis, file, offset).ok_or(RenameError::NothingHere)?;
    let symbol = &analysis.symbols.symbols[index];
    // The name as every stage compares it (a decomposed `å` typed in the editor is `å`).
    let new_name = &*crate::syntax::text::nfc(new_name.trim());
    if is_keyword(new_name) {
        return Err(RenameError::Keyword(new_name.to_string()));
    }
    if !is_valid_id(new_name) {
        return Err(RenameError::InvalidName(new_name.to_string()));
    }
    if new_name == symbol.name {
        return Ok(Vec::new());
    }
    let separate = |k: Kind| matches!(k, Kind::Level | Kind::Status);
    if let Some(existing) = analysis
        .symbols
        .symbols
        .iter()
        .find(|s| s.name == new_name && separate(s.kind) == separate(symbol.kind))
    {
        return Err(RenameError::Collision {
            name: new_name.to_string(),
            existing: existing.kind,
        });
    }
    if separate(symbol.kind) {
        let declared_scale = analysis
            .symbols
            .symbols
            .iter()
            .any(|s| s.kind == Kind::Status);
        if !declared_scale && super::scale(analysis).iter().any(|s| s.name == new_name) {
            return Err(RenameError::Collision {
                name: new_name.to_string(),
                existing: Kind::Status,
            });
        }
    }
    Ok(references(analysis, file, offset, true)
        .into_iter()
        .map(|span| Edit {
            span,
            text: new_name.to_string(),
        })
        .collect())
}

/// Every status name in a rule or rollup: the bands' statuses and those in rollup conditions.
pub(crate) fn status_idents(rule: &Rule) -> Vec<&Ident> {
    let mut out = Vec::new();
    for band in &rule.bands {
        out.push(&band.status);
        if let Some(cond) = &band.condition {
            for (atom, _) in cond.atoms() {
                match atom {
                    Atom::All(s)
                    | Atom::Any(s)
                    | Atom::NoneOf(s)
                    | Atom::Share(s, ..)
                    | Atom::Count(s, ..) => out.push(s),
                    _ => {}
                }
            }
        }
    }
    out
}
