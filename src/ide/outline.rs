//! The document outline (the goal tree: vision → areas → goals, then the other
//! declarations), workspace symbols, and folding ranges.

use super::{decl_title, shorten};
use crate::model::Kind;
use crate::span::{FileId, Span};
use crate::syntax::ast::{Decl, Goal, Test, Text};
use crate::syntax::text::nfc;
use crate::Analysis;
use rustc_hash::FxHashMap as HashMap;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentSymbol {
    /// The ID (or `chain`, `scale`, the include's path).
    pub name: String,
    /// The title, shortened.
    pub detail: String,
    /// What it is; `None` for `chain`, `scale` and `include`.
    pub kind: Option<Kind>,
    /// The whole declaration.
    pub span: Span,
    /// The name.
    pub selection: Span,
    pub children: Vec<DocumentSymbol>,
}

/// The outline of one file: its goals as a tree (a goal under its first parent when that
/// parent is in the same file), then every other declaration, all in source order.
pub fn document_symbols(analysis: &Analysis, file: FileId) -> Vec<DocumentSymbol> {
    let Some(tree) = analysis.files.get(file.0 as usize) else {
        return Vec::new();
    };
    let goals: Vec<&Goal> = tree
        .decls
        .iter()
        .filter_map(|d| match d {
            Decl::Goal(g) => Some(&**g),
            _ => None,
        })
        .collect();
    let mut by_name: HashMap<&str, usize> = HashMap::default();
    for (i, g) in goals.iter().enumerate() {
        by_name.entry(g.id.name.as_str()).or_insert(i);
    }
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); goals.len()];
    let mut has_parent = vec![false; goals.len()];
    for (i, g) in goals.iter().enumerate() {
        if let Some(&p) = g.under.first().and_then(|u| by_name.get(u.name.as_str())) {
            if p != i {
                children[p].push(i);
                has_parent[i] = true;
            }
        }
    }
    // Activities stand under their goal when it is in the same file.
    let mut activities: Vec<Vec<DocumentSymbol>> = vec![Vec::new(); goals.len()];
    let mut nested: Vec<Span> = Vec::new();
    for decl in &tree.decls {
        if let Decl::Activity(a) = decl {
            if let Some(&g) = a.under.as_ref().and_then(|u| by_name.get(u.name.as_str())) {
                activities[g].push(leaf(
                    &a.id.name,
                    &a.title.value,
                    Kind::Activity,
                    a.span,
                    a.id.span,
                ));
                nested.push(a.span);
            }
        }
    }
    let tree_of = Tree {
        goals: &goals,
        children: &children,
        activities: &activities,
    };
    let mut placed = vec![false; goals.len()];
    let mut out: Vec<DocumentSymbol> = Vec::new();
    for (i, _) in has_parent.iter().enumerate().filter(|(_, has)| !**has) {
        out.push(goal_symbol(&tree_of, i, &mut placed));
    }
    // Goals in a cycle have no root; list them at the top.
    for i in 0..goals.len() {
        if !placed[i] {
            out.push(goal_symbol(&tree_of, i, &mut placed));
        }
    }
    for decl in &tree.decls {
        let symbol = match decl {
            Decl::Goal(_) => continue,
            Decl::Activity(a) if nested.contains(&a.span) => continue,
            Decl::Chain(c) => DocumentSymbol {
                name: "chain".to_string(),
                detail: String::new(),
                kind: None,
                span: c.span,
                selection: Span::new(c.span.file, c.span.start, c.span.start + 5),
                children: c
                    .levels
                    .iter()
                    .map(|l| {
                        leaf(
                            &l.name.name,
                            &l.title.value,
                            Kind::Level,
                            l.span,
                            l.name.span,
                        )
                    })
                    .collect(),
            },
            Decl::Scale(s) => DocumentSymbol {
                name: "scale".to_string(),
                detail: String::new(),
                kind: None,
                span: s.span,
                selection: Span::new(s.span.file, s.span.start, s.span.start + 5),
                children: s
                    .statuses
                    .iter()
                    .map(|e| {
                        leaf(
                            &e.name.name,
                            &e.label.value,
                            Kind::Status,
                            e.span,
                            e.name.span,
                        )
                    })
                    .collect(),
            },
            Decl::Test(t) => test_symbol(t),
            Decl::Include(i) => DocumentSymbol {
                name: format!("include \"{}\"", i.path.value),
                detail: String::new(),
                kind: None,
                span: i.span,
                selection: i.path.span,
                children: Vec::new(),
            },
            other => {
                let Some(id) = other.id() else { continue };
                leaf(
                    &id.name,
                    &decl_title(other),
                    decl_kind(other),
                    other.span(),
                    id.span,
                )
            }
        };
        out.push(symbol);
    }
    out.sort_by_key(|s| s.span.start);
    out
}

/// A test in the outline: `test "title"`, its year and report as detail, its expectations
/// as children (`nki green`).
fn test_symbol(t: &Test) -> DocumentSymbol {
    let mut detail = Vec::new();
    if let Some(year) = t.year {
        detail.push(year.value.to_string());
    }
    if let Some(report) = &t.report {
        detail.push(report.name.clone());
    }
    DocumentSymbol {
        name: format!("test \"{}\"", shorten(&t.title.value, 80)),
        detail: detail.join(" "),
        kind: None,
        span: t.span,
        selection: t.header,
        children: t
            .expects
            .iter()
            .map(|e| DocumentSymbol {
                name: format!("expect {} {}", e.goal.name, e.status.name),
                detail: String::new(),
                kind: Some(Kind::Status),
                span: e.span,
                selection: e.goal.span,
                children: Vec::new(),
            })
            .collect(),
    }
}

fn leaf(name: &str, title: &str, kind: Kind, span: Span, selection: Span) -> DocumentSymbol {
    DocumentSymbol {
        name: name.to_string(),
        detail: shorten(title, 80),
        kind: Some(kind),
        span,
        selection,
        children: Vec::new(),
    }
}

/// A file's goals, their children and their activities (by goal index), for [`goal_symbol`].
struct Tree<'t, 'a> {
    goals: &'t [&'a Goal],
    children: &'t [Vec<usize>],
    activities: &'t [Vec<DocumentSymbol>],
}

fn goal_symbol(tree: &Tree, i: usize, placed: &mut [bool]) -> DocumentSymbol {
    placed[i] = true;
    let (goals, children) = (tree.goals, tree.children);
    let g = goals[i];
    let mut symbol = leaf(
        &g.id.name,
        &g.numbered_title(),
        Kind::Goal,
        g.span,
        g.id.span,
    );
    symbol.detail = format!("{}: {}", g.level.name, symbol.detail);
    symbol.children.extend(tree.activities[i].iter().cloned());
    for &c in &children[i] {
        if !placed[c] {
            symbol.children.push(goal_symbol(tree, c, placed));
        }
    }
    symbol.children.sort_by_key(|s| s.span.start);
    // An editor finds the symbol at the cursor (breadcrumbs, the outline following the cursor)
    // by descending into the children whose range holds it, so a goal's range must hold its
    // children's: it runs from the first of them to the last.
    for child in &symbol.children {
        symbol.span = Span::new(
            symbol.span.file,
            symbol.span.start.min(child.span.start),
            symbol.span.end.max(child.span.end),
        );
    }
    symbol
}

pub(crate) fn decl_kind(decl: &Decl) -> Kind {
    match decl {
        Decl::Policy(_) | Decl::Include(_) | Decl::Chain(_) | Decl::Scale(_) | Decl::Test(_) => {
            Kind::Policy
        }
        Decl::Body(_) => Kind::Body,
        Decl::Indicator(_) => Kind::Indicator,
        Decl::Value(_) => Kind::Value,
        Decl::Report(_) => Kind::Report,
        Decl::Rule(_) => Kind::Rule,
        Decl::Rollup(_) => Kind::Rollup,
        Decl::Goal(_) => Kind::Goal,
        Decl::Activity(_) => Kind::Activity,
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkspaceSymbol {
    pub name: String,
    pub kind: Kind,
    /// The title (for goals: the level and the title).
    pub container: String,
    pub span: Span,
}

/// The declarations whose ID or title matches `query` (case-insensitive; every character of
/// the query in order; IDs and titles after NFC, as names are compared), best first, at most
/// `limit`.
pub fn workspace_symbols(analysis: &Analysis, query: &str, limit: usize) -> Vec<WorkspaceSymbol> {
    let query = nfc(query).to_lowercase();
    let mut scored: Vec<(u8, WorkspaceSymbol)> = Vec::new();
    for (i, symbol) in analysis.symbols.symbols.iter().enumerate() {
        let name = symbol.name.to_lowercase();
        // Councils cite goals by number: `1.1` finds goal 1.1 first.
        let number = match super::symbol_decl(analysis, i) {
            Some(Decl::Goal(g)) => g.number.as_deref().map(|n| n.value.trim().to_lowercase()),
            _ => None,
        };
        let score = if query.is_empty() || name == query || number.as_deref() == Some(&query) {
            0
        } else if name.starts_with(&query) {
            1
        } else if name.contains(&query) {
            2
        } else if subsequence(&query, &name) {
            3
        } else {
            let title = nfc(&super::symbol_title(analysis, i)).to_lowercase();
            if title.contains(&query) {
                4
            } else {
                continue;
            }
        };
        let container = match super::symbol_decl(analysis, i) {
            Some(Decl::Goal(g)) => {
                format!("{}: {}", g.level.name, shorten(&g.numbered_title(), 80))
            }
            _ => shorten(&super::symbol_title(analysis, i), 80),
        };
        scored.push((
            score,
            WorkspaceSymbol {
                name: symbol.name.clone(),
                kind: symbol.kind,
                container,
                span: symbol.span,
            },
        ));
    }
    scored.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.name.cmp(&b.1.name)));
    scored.into_iter().take(limit).map(|(_, s)| s).collect()
}

fn subsequence(query: &str, name: &str) -> bool {
    let mut chars = name.chars();
    query.chars().all(|q| chars.any(|c| c == q))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FoldKind {
    Comment,
    Region,
}

/// A foldable range of lines (0-based, inclusive).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FoldRange {
    pub start_line: u32,
    pub end_line: u32,
    pub kind: FoldKind,
}

/// The folding ranges of one file: every block, band label block, text block and run of comments.
pub fn folding_ranges(analysis: &Analysis, file: FileId) -> Vec<FoldRange> {
    let Some(tree) = analysis.files.get(file.0 as usize) else {
        return Vec::new();
    };
    let source = analysis.sources.get(file);
    let text = source.text.as_str();
    let line = |offset: usize| source.lines().line_of(offset.min(text.len())) as u32;
    let mut out = Vec::new();
    let block = |span: Span, out: &mut Vec<FoldRange>| {
        if span.is_empty() {
            return;
        }
        let start = line(span.start);
        let mut end = line(span.end - 1);
        // Keep a closing brace that starts its line visible.
        let end_line_start = source.lines().line_start(end as usize);
        if text[end_line_start..].trim_start().starts_with('}') && end > start {
            end -= 1;
        }
        if end > start {
            out.push(FoldRange {
                start_line: start,
                end_line: end,
                kind: FoldKind::Region,
            });
        }
    };
    let text_block = |t: &Text, out: &mut Vec<FoldRange>| {
        if t.block && line(t.span.end.saturating_sub(1)) > line(t.span.start) {
            out.push(FoldRange {
                start_line: line(t.span.start),
                end_line: line(t.span.end.saturating_sub(1)),
                kind: FoldKind::Region,
            });
        }
    };
    for decl in &tree.decls {
        block(decl.span(), &mut out);
        match decl {
            Decl::Rule(r) | Decl::Rollup(r) => {
                for band in &r.bands {
                    if let Some(first) = band.labels.first() {
                        let open = text[band.span.start..first.span.start]
                            .rfind('{')
                            .map_or(first.span.start, |i| band.span.start + i);
                        block(Span::new(file, open, band.span.end), &mut out);
                    }
                }
            }
            Decl::Goal(g) => {
                if let Some(t) = &g.text {
                    text_block(t, &mut out);
                }
                if let Some(t) = &g.target_group {
                    text_block(t, &mut out);
                }
            }
            Decl::Value(v) => {
                if let Some(t) = &v.text {
                    text_block(t, &mut out);
                }
            }
            _ => {}
        }
    }
    // Runs of whole-line comments.
    let mut run: Option<(u32, u32)> = None;
    for comment in &tree.comments {
        let l = line(comment.start);
        let own_line = text[source.lines().line_start(l as usize)..comment.start]
            .trim()
            .is_empty();
        if !own_line {
            continue;
        }
        run = match run {
            Some((s, e)) if e + 1 == l => Some((s, l)),
            Some((s, e)) => {
                if e > s {
                    out.push(FoldRange {
                        start_line: s,
                        end_line: e,
                        kind: FoldKind::Comment,
                    });
                }
                Some((l, l))
            }
            None => Some((l, l)),
        };
    }
    if let Some((s, e)) = run {
        if e > s {
            out.push(FoldRange {
                start_line: s,
                end_line: e,
                kind: FoldKind::Comment,
            });
        }
    }
    out.sort_by_key(|r| (r.start_line, r.end_line));
    out.dedup();
    out
}
