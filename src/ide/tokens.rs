//! Semantic tokens (levels, goal IDs, indicators, statuses, the other kinds of names, and
//! keywords) and inlay hints (a referenced goal's title after its ID).

use super::{goal_decl, is_keyword, lex, shorten, Tok};
use crate::model::Kind;
use crate::span::{FileId, Span};
use crate::syntax::ast::{Decl, Ident};
use crate::Analysis;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TokenKind {
    Keyword,
    Level,
    Goal,
    Indicator,
    Status,
    Body,
    Rule,
    Rollup,
    Report,
    Value,
    Policy,
}

impl TokenKind {
    pub const ALL: &'static [TokenKind] = &[
        TokenKind::Keyword,
        TokenKind::Level,
        TokenKind::Goal,
        TokenKind::Indicator,
        TokenKind::Status,
        TokenKind::Body,
        TokenKind::Rule,
        TokenKind::Rollup,
        TokenKind::Report,
        TokenKind::Value,
        TokenKind::Policy,
    ];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SemanticToken {
    pub span: Span,
    pub kind: TokenKind,
    /// Where the name is declared (not a use).
    pub declaration: bool,
}

/// Every semantic token of one file, in source order. Names are classified by the place
/// they stand in (so a misspelt owner is still coloured as a body); keywords lexically.
pub fn semantic_tokens(analysis: &Analysis, file: FileId) -> Vec<SemanticToken> {
    let Some(tree) = analysis.files.get(file.0 as usize) else {
        return Vec::new();
    };
    let mut out: Vec<SemanticToken> = Vec::new();
    let mut push = |id: &Ident, kind: TokenKind, declaration: bool| {
        if !id.name.is_empty() && !id.span.is_empty() {
            out.push(SemanticToken {
                span: id.span,
                kind,
                declaration,
            });
        }
    };
    use TokenKind as T;
    for decl in &tree.decls {
        match decl {
            Decl::Policy(p) => {
                push(&p.id, T::Policy, true);
                for decision in p.adopted.iter().chain(&p.revisions) {
                    if let Some(by) = &decision.by {
                        push(by, T::Body, false);
                    }
                }
                if let Some(rule) = &p.default_rule {
                    push(rule, T::Rule, false);
                }
            }
            Decl::Include(_) => {}
            Decl::Body(b) => {
                push(&b.id, T::Body, true);
                if let Some(parent) = &b.parent {
                    push(parent, T::Body, false);
                }
            }
            Decl::Chain(c) => {
                for level in &c.levels {
                    push(&level.name, T::Level, true);
                    if let Some(under) = &level.under {
                        push(under, T::Level, false);
                    }
                    if let Some(rollup) = &level.assessed_by {
                        push(rollup, T::Rollup, false);
                    }
                }
            }
            Decl::Scale(s) => {
                for entry in &s.statuses {
                    push(&entry.name, T::Status, true);
                }
            }
            Decl::Indicator(i) => push(&i.id, T::Indicator, true),
            Decl::Value(v) => push(&v.id, T::Value, true),
            Decl::Report(r) => {
                push(&r.id, T::Report, true);
                for to in &r.to {
                    push(to, T::Body, false);
                }
            }
            Decl::Rule(r) | Decl::Rollup(r) => {
                let kind = if matches!(decl, Decl::Rule(_)) {
                    T::Rule
                } else {
                    T::Rollup
                };
                push(&r.id, kind, true);
                for status in super::nav::status_idents(r) {
                    push(status, T::Status, false);
                }
                for band in &r.bands {
                    for label in &band.labels {
                        push(&label.report, T::Report, false);
                    }
                }
            }
            Decl::Activity(a) => {
                // An activity is the lowest step of the goal chain: coloured as a goal.
                push(&a.id, T::Goal, true);
                if let Some(goal) = &a.under {
                    push(goal, T::Goal, false);
                }
                for owner in a.owner.iter().chain(&a.shared_with) {
                    push(owner, T::Body, false);
                }
            }
            Decl::Goal(g) => {
                push(&g.level, T::Level, false);
                push(&g.id, T::Goal, true);
                for u in &g.under {
                    push(u, T::Goal, false);
                }
                for owner in g.owner.iter().chain(&g.shared_with) {
                    push(owner, T::Body, false);
                }
                if let Some(measure) = &g.measure {
                    push(measure, T::Indicator, false);
                }
                for i in &g.indicators {
                    push(i, T::Indicator, false);
                }
                if let Some(rule) = &g.rule {
                    push(rule, T::Rule, false);
                }
                for r in &g.follow_up {
                    push(r, T::Report, false);
                }
                for v in &g.values {
                    push(v, T::Value, false);
                }
            }
            Decl::Test(t) => {
                if let Some(report) = &t.report {
                    push(report, T::Report, false);
                }
                for input in &t.inputs {
                    let kind = match input.kind {
                        crate::syntax::ast::InputKind::Motivation(_)
                            if analysis
                                .symbols
                                .lookup(&input.name.name, &[Kind::Goal])
                                .is_some() =>
                        {
                            T::Goal
                        }
                        _ => T::Indicator,
                    };
                    push(&input.name, kind, false);
                }
                for e in &t.expects {
                    push(&e.goal, T::Goal, false);
                    push(&e.status, T::Status, false);
                }
            }
        }
    }
    out.sort_by_key(|t| t.span.start);
    // Keywords: the words that are not names.
    let text = &analysis.sources.get(file).text;
    let mut keywords = Vec::new();
    let mut names = out.iter().peekable();
    for (tok, start, end) in lex(text, 0, text.len()) {
        if tok != Tok::Word || !is_keyword(&text[start..end]) {
            continue;
        }
        while names.peek().is_some_and(|n| n.span.end <= start) {
            names.next();
        }
        if names
            .peek()
            .is_some_and(|n| n.span.start <= start && start < n.span.end)
        {
            continue;
        }
        keywords.push(SemanticToken {
            span: Span::new(file, start, end),
            kind: TokenKind::Keyword,
            declaration: false,
        });
    }
    out.extend(keywords);
    out.sort_by_key(|t| t.span.start);
    out.dedup_by_key(|t| t.span.start);
    out
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InlayHint {
    /// Where the hint goes (just after the ID).
    pub offset: usize,
    pub label: String,
    /// The goal's full title, for the hint's tooltip.
    pub tooltip: String,
}

/// After every reference to a goal in `file` between `from` and `to`: the goal's title.
pub fn inlay_hints(analysis: &Analysis, file: FileId, from: usize, to: usize) -> Vec<InlayHint> {
    let mut out: Vec<InlayHint> = analysis
        .symbols
        .references
        .iter()
        .filter(|r| r.span.file == file && r.span.end >= from && r.span.start <= to)
        .filter_map(|r| {
            let target = r.target?;
            if analysis.symbols.symbols.get(target)?.kind != Kind::Goal {
                return None;
            }
            let goal = goal_decl(analysis, target)?;
            Some(InlayHint {
                offset: r.span.end,
                label: shorten(&goal.title.value, 40),
                tooltip: format!(
                    "{} `{}`: {}",
                    goal.level.name, goal.id.name, goal.title.value
                ),
            })
        })
        .collect();
    out.sort_by_key(|h| h.offset);
    out
}
