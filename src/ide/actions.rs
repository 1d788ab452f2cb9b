//! Code actions: apply a diagnostic's fix (*did you mean*), create a missing declaration
//! from a template, add a missing `owner` copied from the goal above, add a missing deadline.

use super::{chain, decl_containing, goal_named, policy, scale, Edit};
use crate::diagnostic::Code;
use crate::span::{FileId, Span};
use crate::syntax::ast::{Decl, Goal, Ident};
use crate::text;
use crate::Analysis;

#[derive(Debug, Clone, PartialEq)]
pub struct CodeAction {
    pub title: crate::i18n::Text,
    pub edits: Vec<Edit>,
    /// The diagnostic it fixes (an index into `analysis.diagnostics`).
    pub diagnostic: Option<usize>,
    /// The obvious fix (an editor may apply it with one key).
    pub preferred: bool,
}

/// The code actions for the diagnostics of `file` that overlap `start..end`.
pub fn code_actions(
    analysis: &Analysis,
    file: FileId,
    start: usize,
    end: usize,
) -> Vec<CodeAction> {
    let mut out: Vec<CodeAction> = Vec::new();
    for (index, diag) in analysis.diagnostics.iter().enumerate() {
        if diag.span.file != file || diag.span.start > end || diag.span.end < start {
            continue;
        }
        if let Some(fix) = &diag.fix {
            let also = fix.also.iter().map(|(span, text)| Edit {
                span: *span,
                text: text.clone(),
            });
            out.push(CodeAction {
                title: fix.title.clone(),
                edits: std::iter::once(Edit {
                    span: diag.span,
                    text: fix.replacement.clone(),
                })
                .chain(also)
                .collect(),
                diagnostic: Some(index),
                preferred: true,
            });
        }
        let action = match diag.code {
            Code::P0101 | Code::P0601 => create_declaration(analysis, diag.span),
            Code::P0406 => add_owner(analysis, diag.span),
            Code::P0402 => add_deadline(analysis, diag.span),
            _ => None,
        };
        if let Some(mut action) = action {
            action.diagnostic = Some(index);
            out.push(action);
        }
    }
    let mut seen = std::collections::HashSet::new();
    out.retain(|a| seen.insert(a.title.en()));
    out
}

/// What an unknown name was meant to be, from the place it stands in.
enum Role<'a> {
    Body,
    Indicator,
    Rule,
    Rollup,
    Report,
    Value,
    /// A parent goal of the goal `child`.
    Goal(&'a Goal),
}

fn role_of(analysis: &Analysis, span: Span) -> Option<Role<'_>> {
    let is = |id: &Ident| id.span == span;
    let decl = decl_containing(analysis, span.file, span.start)?;
    Some(match decl {
        Decl::Goal(g) => {
            if g.under.iter().any(is) {
                Role::Goal(g)
            } else if g.owner.as_ref().is_some_and(is) {
                Role::Body
            } else if g.measure.as_ref().is_some_and(is) || g.indicators.iter().any(is) {
                Role::Indicator
            } else if g.rule.as_ref().is_some_and(is) {
                Role::Rule
            } else if g.follow_up.iter().any(is) {
                Role::Report
            } else if g.values.iter().any(is) {
                Role::Value
            } else {
                return None;
            }
        }
        Decl::Policy(p) => {
            if p.default_rule.as_ref().is_some_and(is) {
                Role::Rule
            } else {
                Role::Body
            }
        }
        Decl::Body(_) => Role::Body,
        Decl::Report(r) if r.to.iter().any(is) => Role::Body,
        Decl::Chain(c)
            if c.levels
                .iter()
                .any(|l| l.assessed_by.as_ref().is_some_and(is)) =>
        {
            Role::Rollup
        }
        Decl::Rule(r) | Decl::Rollup(r)
            if r.bands
                .iter()
                .any(|b| b.labels.iter().any(|l| is(&l.report))) =>
        {
            Role::Report
        }
        _ => return None,
    })
}

fn create_declaration(analysis: &Analysis, span: Span) -> Option<CodeAction> {
    // The name as the reference means it: written in NFC, as the formatter would.
    let name = crate::syntax::text::nfc(analysis.sources.text(span)).into_owned();
    if !super::is_valid_id(&name) {
        return None;
    }
    let statuses = scale(analysis);
    let best = statuses
        .first()
        .map_or("green", |s| s.name.as_str())
        .to_string();
    let assessable: Vec<&str> = statuses
        .iter()
        .filter(|s| !s.not_assessable)
        .map(|s| s.name.as_str())
        .collect();
    let worst = assessable.last().copied().unwrap_or("red").to_string();
    let not_assessable = statuses
        .iter()
        .find(|s| s.not_assessable)
        .map(|s| s.name.clone());
    let (what, template) = match role_of(analysis, span)? {
        Role::Body => ("body", format!("body {name} \"{name}\" {{ kind committee }}")),
        Role::Indicator => (
            "indicator",
            format!(
                "indicator {name} \"{name}\" {{\n  source internal \"{name}\"\n  unit percent\n  higher is better\n}}"
            ),
        ),
        Role::Rule => {
            let mut bands = String::new();
            if let Some(na) = &not_assessable {
                bands.push_str(&format!("  {na} when missing\n"));
            }
            bands.push_str(&format!("  {best} when meets target\n  {worst} otherwise\n"));
            ("rule", format!("rule {name} \"{name}\" {{\n{bands}}}"))
        }
        Role::Rollup => (
            "rollup",
            format!("rollup {name} \"{name}\" {{\n  {best} when all {best}\n  {worst} otherwise\n}}"),
        ),
        Role::Report => {
            let to = policy(analysis)
                .and_then(|p| p.adopted.as_ref())
                .and_then(|a| a.by.as_ref())
                .map(|b| b.name.clone())
                .or_else(|| {
                    analysis
                        .symbols
                        .symbols
                        .iter()
                        .find(|s| s.kind == crate::model::Kind::Body)
                        .map(|s| s.name.clone())
                });
            let to = to.map(|b| format!("  to {b}")).unwrap_or_default();
            ("report", format!("report {name} \"{name}\" {{ uses actual  due 12-31{to} }}"))
        }
        Role::Value => ("value", format!("value {name} \"{name}\"")),
        Role::Goal(child) => {
            let level = chain(analysis)
                .and_then(|c| c.levels.iter().find(|l| l.name.name == child.level.name))
                .and_then(|l| l.under.as_ref())
                .map(|u| u.name.clone())?;
            let body = match &child.owner {
                Some(owner) => format!(" {{\n  owner {}\n}}", owner.name),
                None => String::new(),
            };
            ("goal", format!("{level} {name} \"{name}\"{body}"))
        }
    };
    let text = &analysis.sources.get(span.file).text;
    let gap = if text.ends_with("\n\n") || text.is_empty() {
        ""
    } else if text.ends_with('\n') {
        "\n"
    } else {
        "\n\n"
    };
    Some(CodeAction {
        title: text!("action-create", what = what, name = &name),
        edits: vec![Edit {
            span: Span::new(span.file, text.len(), text.len()),
            text: format!("{gap}{template}\n"),
        }],
        diagnostic: None,
        preferred: false,
    })
}

fn goal_at(analysis: &Analysis, span: Span) -> Option<&Goal> {
    match decl_containing(analysis, span.file, span.start)? {
        Decl::Goal(g) => Some(g),
        _ => None,
    }
}

fn add_owner(analysis: &Analysis, span: Span) -> Option<CodeAction> {
    let goal = goal_at(analysis, span)?;
    let owner = goal
        .under
        .iter()
        .find_map(|u| goal_named(analysis, &u.name)?.owner.as_ref())?;
    let statement = format!("owner {}", owner.name);
    let text = &analysis.sources.get(span.file).text;
    let file = span.file;
    let after_header = &text[goal.header.end..goal.span.end];
    let edit = match after_header.find('{') {
        Some(_) if text[..goal.span.end].ends_with('}') => {
            let close = goal.span.end - 1;
            let line_start = text[..close].rfind('\n').map_or(0, |i| i + 1);
            if text[line_start..close].trim().is_empty() {
                // Indent like the block's other statements.
                let body = &text[goal.header.end..line_start];
                let indent = body
                    .lines()
                    .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('{'))
                    .map(|l| &l[..l.len() - l.trim_start().len()])
                    .next()
                    .unwrap_or("  ");
                Edit {
                    span: Span::new(file, line_start, line_start),
                    text: format!("{indent}{statement}\n"),
                }
            } else {
                Edit {
                    span: Span::new(file, close, close),
                    text: format!(" {statement} "),
                }
            }
        }
        _ => Edit {
            span: Span::new(file, goal.span.end, goal.span.end),
            text: format!(" {{\n  {statement}\n}}"),
        },
    };
    Some(CodeAction {
        title: text!("action-add-owner", statement = statement),
        edits: vec![edit],
        diagnostic: None,
        preferred: true,
    })
}

fn add_deadline(analysis: &Analysis, span: Span) -> Option<CodeAction> {
    let goal = goal_at(analysis, span)?;
    let target = goal.target?;
    if target.year.is_some() {
        return None;
    }
    let year = policy(analysis)?.period?.to.value;
    // The statement's span may take in the blanks after it; insert right after the value.
    let end = match target.value {
        crate::syntax::ast::TargetValue::Number(n) => n.span.end,
        crate::syntax::ast::TargetValue::Benchmark(_, s)
        | crate::syntax::ast::TargetValue::Relative(_, s) => s.end,
    };
    Some(CodeAction {
        title: text!("action-add-deadline", year = year),
        edits: vec![Edit {
            span: Span::new(span.file, end, end),
            text: format!(" by {year}"),
        }],
        diagnostic: None,
        preferred: true,
    })
}
