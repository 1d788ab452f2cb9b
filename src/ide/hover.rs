//! Hover: what a name stands for (a goal with its chain path, measure, target, owner and
//! rule; an indicator; a rule's bands; …) and the explanation of any diagnostic under the
//! cursor (the text of `pejl explain`).

use super::{chain, goal_named, policy, scale, symbol_decl, symbol_title};
use crate::model::Kind;
use crate::span::{FileId, Span};
use crate::syntax::ast::{Decl, Direction, Goal, Rule, TargetValue};
use crate::Analysis;
use std::fmt::Write as _;

#[derive(Debug, Clone, PartialEq)]
pub struct Hover {
    /// What the hover is about (the name, or the diagnostic's range).
    pub span: Span,
    /// Markdown.
    pub markdown: String,
}

/// The hover at `offset` of `file`: the symbol there, then any diagnostic there with its explanation.
pub fn hover(analysis: &Analysis, file: FileId, offset: usize) -> Option<Hover> {
    let mut parts = Vec::new();
    let mut span = None;
    if let Some((index, at)) = super::nav::symbol_at(analysis, file, offset) {
        if let Some(text) = describe(analysis, index) {
            parts.push(text);
            span = Some(at);
        }
    } else if let Some((at, text)) = builtin_status(analysis, file, offset) {
        parts.push(text);
        span = Some(at);
    }
    let mut explained = Vec::new();
    for diag in analysis.diagnostics.iter().filter(|d| {
        d.span.file == file
            && (d.span.contains(offset) && (offset < d.span.end || d.span.is_empty()))
    }) {
        if explained.contains(&diag.code) {
            span.get_or_insert(diag.span);
            continue;
        }
        explained.push(diag.code);
        // The editor shows the diagnostic's message and help above the hover already: the
        // hover adds only what it does not, the code's explanation.
        let Some((title, body)) = crate::explain::explain(diag.code, crate::i18n::Lang::En) else {
            continue;
        };
        let text = format!("**`pejl explain {}`: {title}**\n\n{body}", diag.code);
        parts.push(text);
        span.get_or_insert(diag.span);
    }
    if parts.is_empty() {
        return None;
    }
    Some(Hover {
        span: span.unwrap_or(Span::new(file, offset, offset)),
        markdown: parts.join("\n\n---\n\n"),
    })
}

/// A status of the default scale (it has no declaration) under the cursor.
fn builtin_status(analysis: &Analysis, file: FileId, offset: usize) -> Option<(Span, String)> {
    let decl = super::decl_containing(analysis, file, offset)?;
    let (Decl::Rule(rule) | Decl::Rollup(rule)) = decl else {
        return None;
    };
    let ident = super::nav::status_idents(rule)
        .into_iter()
        .find(|i| i.span.contains(offset))?;
    let status = scale(analysis).into_iter().find(|s| s.name == ident.name)?;
    let mut text = format!("**status** `{}` — {}", status.name, status.label);
    if status.not_assessable {
        text.push_str("\n\nNot assessable: the status when there is nothing to assess.");
    }
    text.push_str("\n\n(The default scale: green, yellow, red, grey.)");
    Some((ident.span, text))
}

/// The hover text of symbol `index`.
pub(crate) fn describe(analysis: &Analysis, index: usize) -> Option<String> {
    let symbol = analysis.symbols.symbols.get(index)?;
    match symbol.kind {
        Kind::Level => Some(describe_level(analysis, index)),
        Kind::Status => {
            let status = scale(analysis)
                .into_iter()
                .find(|s| s.name == symbol.name)?;
            let mut text = format!("**status** `{}` — {}", status.name, status.label);
            if status.not_assessable {
                text.push_str("\n\nNot assessable: the status when there is nothing to assess.");
            }
            Some(text)
        }
        _ => {
            let decl = symbol_decl(analysis, index)?;
            Some(describe_decl(analysis, decl))
        }
    }
}

fn describe_level(analysis: &Analysis, index: usize) -> String {
    let symbol = &analysis.symbols.symbols[index];
    let mut text = format!(
        "**level** `{}` — {}",
        symbol.name,
        symbol_title(analysis, index)
    );
    if let Some(level) =
        chain(analysis).and_then(|c| c.levels.iter().find(|l| l.name.span == symbol.span))
    {
        let mut facts = Vec::new();
        match &level.under {
            Some(under) => facts.push(format!("under `{}`", under.name)),
            None => facts.push("the top of the chain".to_string()),
        }
        if let Some((card, _)) = level.cardinality {
            facts.push(
                match card {
                    crate::syntax::ast::Cardinality::ExactlyOne => "exactly one parent",
                    crate::syntax::ast::Cardinality::AtLeastOne => "at least one parent",
                }
                .to_string(),
            );
        }
        if level.measured.is_some() {
            facts.push("measured".to_string());
        }
        if let Some(rollup) = &level.assessed_by {
            facts.push(format!("assessed by `{}`", rollup.name));
        }
        let goals = super::all_decls(analysis)
            .filter(|d| matches!(d, Decl::Goal(g) if g.level.name == symbol.name))
            .count();
        let _ = write!(
            text,
            "\n\n{}\n\n{goals} goal{}",
            facts.join(" · "),
            if goals == 1 { "" } else { "s" }
        );
    }
    text
}

pub(crate) fn describe_decl(analysis: &Analysis, decl: &Decl) -> String {
    match decl {
        Decl::Goal(goal) => describe_goal(analysis, goal),
        Decl::Activity(activity) => describe_activity(analysis, activity),
        Decl::Indicator(ind) => {
            let mut text = format!("**indicator** `{}`\n\n{}", ind.id.name, ind.title.value);
            let mut lines = Vec::new();
            if let Some(unit) = &ind.unit {
                lines.push(format!("*Unit:* {}", unit.unit.written()));
            }
            if let Some((direction, _)) = ind.direction {
                lines.push(format!(
                    "*Direction:* {}",
                    match direction {
                        Direction::Higher => "higher is better",
                        Direction::Lower => "lower is better",
                    }
                ));
            }
            if let Some(source) = &ind.source {
                lines.push(format!(
                    "*Source:* {} \"{}\"",
                    source.kind.name, source.reference.value
                ));
            }
            for bench in &ind.benchmarks {
                lines.push(match &bench.description {
                    Some(d) => format!("*Benchmark:* {} — {}", bench.kind.name, d.value),
                    None => format!("*Benchmark:* {}", bench.kind.name),
                });
            }
            if let Some(freq) = &ind.frequency {
                lines.push(format!("*Frequency:* {}", freq.name));
            }
            let measured = super::all_decls(analysis)
                .filter(|d| {
                    matches!(d, Decl::Goal(g) if g.measure.as_ref().is_some_and(|m| m.name == ind.id.name))
                })
                .count();
            lines.push(format!(
                "*Measures* {measured} goal{}",
                if measured == 1 { "" } else { "s" }
            ));
            let _ = write!(text, "\n\n{}", lines.join("  \n"));
            text
        }
        Decl::Rule(rule) => describe_rule(analysis, rule, "rule"),
        Decl::Rollup(rule) => describe_rule(analysis, rule, "rollup"),
        Decl::Body(body) => {
            let mut text = format!("**body** `{}` — {}", body.id.name, body.name.value);
            let mut lines = Vec::new();
            if let Some(kind) = &body.kind {
                lines.push(format!("*Kind:* {}", kind.name));
            }
            if let Some(parent) = &body.parent {
                lines.push(format!(
                    "*Parent:* `{}`{}",
                    parent.name,
                    title_of(analysis, &parent.name)
                ));
            }
            let owned = super::all_decls(analysis)
                .filter(|d| {
                    matches!(d, Decl::Goal(g) if g.owner.as_ref().is_some_and(|o| o.name == body.id.name))
                })
                .count();
            lines.push(format!(
                "*Owns* {owned} goal{}",
                if owned == 1 { "" } else { "s" }
            ));
            let shared = super::all_decls(analysis)
                .filter(|d| {
                    matches!(d, Decl::Goal(g) if g.shared_with.iter().any(|o| o.name == body.id.name))
                })
                .count();
            if shared > 0 {
                lines.push(format!(
                    "*Shares* {shared} goal{} with other bodies",
                    if shared == 1 { "" } else { "s" }
                ));
            }
            let _ = write!(text, "\n\n{}", lines.join("  \n"));
            text
        }
        Decl::Report(report) => {
            let mut text = format!("**report** `{}` — {}", report.id.name, report.name.value);
            let mut lines = Vec::new();
            if let Some(uses) = &report.uses {
                lines.push(format!("*Uses:* {} values", uses.name));
            }
            if let Some(c) = report.covers {
                lines.push(format!(
                    "*Covers:* {:02}-{:02} to {:02}-{:02}",
                    c.from.month, c.from.day, c.to.month, c.to.day
                ));
            }
            if let Some(due) = report.due {
                lines.push(match due.year {
                    Some(y) => format!("*Due:* {y:04}-{:02}-{:02}", due.month, due.day),
                    None if report.due_next_year => {
                        format!("*Due:* {:02}-{:02} the year after", due.month, due.day)
                    }
                    None => format!("*Due:* {:02}-{:02}", due.month, due.day),
                });
            }
            for to in &report.to {
                lines.push(format!(
                    "*To:* `{}`{}",
                    to.name,
                    title_of(analysis, &to.name)
                ));
            }
            if !lines.is_empty() {
                let _ = write!(text, "\n\n{}", lines.join("  \n"));
            }
            text
        }
        Decl::Value(value) => {
            let mut text = format!("**core value** `{}` — {}", value.id.name, value.name.value);
            if let Some(t) = &value.text {
                let _ = write!(text, "\n\n{}", t.value);
            }
            text
        }
        Decl::Policy(p) => {
            let mut text = format!("**policy** `{}` — {}", p.id.name, p.title.value);
            let mut lines = Vec::new();
            if let Some(version) = &p.version {
                lines.push(format!("*Version:* {}", version.value));
            }
            if p.status.as_ref().is_some_and(|s| s.name == "draft") {
                lines.push("*Status:* draft, not adopted".to_string());
            }
            let decisions = p
                .adopted
                .iter()
                .map(|d| ("Adopted", d))
                .chain(p.revisions.iter().map(|d| ("Revised", d)));
            for (what, decision) in decisions {
                let mut line = format!(
                    "*{what}* {:04}-{:02}-{:02}",
                    decision.date.year, decision.date.month, decision.date.day
                );
                if let Some(by) = &decision.by {
                    let _ = write!(line, " by `{}`", by.name);
                }
                if let Some(r) = &decision.reference {
                    let _ = write!(line, " ({})", r.value);
                }
                lines.push(line);
            }
            if let Some(period) = p.period {
                lines.push(format!(
                    "*Period:* {}–{}",
                    period.from.value, period.to.value
                ));
            }
            if let Some(rule) = &p.default_rule {
                lines.push(format!("*Default rule:* `{}`", rule.name));
            }
            if !lines.is_empty() {
                let _ = write!(text, "\n\n{}", lines.join("  \n"));
            }
            text
        }
        Decl::Test(t) => {
            let mut text = format!("**test** \"{}\"", t.title.value);
            if let (Some(year), Some(report)) = (t.year, &t.report) {
                let _ = write!(text, "\n\n{} `{}`", year.value, report.name);
            }
            let _ = write!(
                text,
                "\n\n{} expectation{}; `pejl test` runs it",
                t.expects.len(),
                if t.expects.len() == 1 { "" } else { "s" }
            );
            text
        }
        Decl::Include(i) => format!("**include** \"{}\"", i.path.value),
        Decl::Chain(_) => "**chain**".to_string(),
        Decl::Scale(_) => "**scale**".to_string(),
    }
}

/// " — title" of the declaration named `name`, or "".
fn title_of(analysis: &Analysis, name: &str) -> String {
    analysis
        .symbols
        .symbols
        .iter()
        .position(|s| s.name == name && !matches!(s.kind, Kind::Level | Kind::Status))
        .map(|i| symbol_title(analysis, i))
        .filter(|t| !t.is_empty())
        .map(|t| format!(" — {t}"))
        .unwrap_or_default()
}

fn number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

fn describe_activity(analysis: &Analysis, a: &crate::syntax::ast::Activity) -> String {
    let mut text = format!("**activity** `{}`\n\n{}", a.id.name, a.title.value);
    let mut lines = Vec::new();
    match &a.under {
        Some(goal) => lines.push(format!(
            "*Goal:* `{}`{}",
            goal.name,
            title_of(analysis, &goal.name)
        )),
        None => lines.push("*Goal:* none".to_string()),
    }
    match &a.owner {
        Some(owner) => lines.push(format!(
            "*Owner:* `{}`{}",
            owner.name,
            title_of(analysis, &owner.name)
        )),
        None => lines.push("*Owner:* none".to_string()),
    }
    if !a.shared_with.is_empty() {
        let shared: Vec<String> = a
            .shared_with
            .iter()
            .map(|b| format!("`{}`{}", b.name, title_of(analysis, &b.name)))
            .collect();
        lines.push(format!("*Shared with:* {}", shared.join(", ")));
    }
    let date =
        |d: &crate::syntax::ast::DateLit| format!("{:04}-{:02}-{:02}", d.year, d.month, d.day);
    if let Some(start) = &a.start {
        lines.push(format!("*Start:* {}", date(start)));
    }
    match &a.deadline {
        Some(deadline) => lines.push(format!("*Deadline:* {}", date(deadline))),
        None => lines.push("*Deadline:* none".to_string()),
    }
    if let Some(budget) = &a.budget {
        let currency = budget
            .currency
            .as_ref()
            .map_or_else(|| "kr".to_string(), |c| c.name.clone());
        lines.push(format!(
            "*Budget:* {} {currency}",
            number(budget.amount.value)
        ));
    }
    lines.push("*Progress:* from the data (planned, started, done, cancelled)".to_string());
    let _ = write!(text, "\n\n{}", lines.join("  \n"));
    text
}

fn describe_goal(analysis: &Analysis, goal: &Goal) -> String {
    let level_title = chain(analysis)
        .and_then(|c| c.levels.iter().find(|l| l.name.name == goal.level.name))
        .map(|l| format!(" ({})", l.title.value))
        .unwrap_or_default();
    let mut text = format!(
        "**{}**{level_title} `{}`\n\n{}",
        goal.level.name,
        goal.id.name,
        goal.numbered_title()
    );
    let mut lines = Vec::new();
    // The chain path: first parents up to the top.
    let mut path = vec![goal];
    let mut current = goal;
    while let Some(parent) = current
        .under
        .first()
        .and_then(|p| goal_named(analysis, &p.name))
    {
        if path.iter().any(|g| std::ptr::eq(*g, parent)) || path.len() > 64 {
            break;
        }
        path.push(parent);
        current = parent;
    }
    if path.len() > 1 {
        let steps: Vec<String> = path
            .iter()
            .rev()
            .map(|g| {
                format!(
                    "{} {} (`{}`)",
                    g.level.name,
                    super::shorten(&g.numbered_title(), 40),
                    g.id.name
                )
            })
            .collect();
        lines.push(format!("*Chain:* {}", steps.join(" › ")));
    }
    if goal.under.len() > 1 {
        let others: Vec<String> = goal.under[1..]
            .iter()
            .map(|u| format!("`{}`", u.name))
            .collect();
        lines.push(format!("*Also under:* {}", others.join(", ")));
    }
    if let Some(measure) = &goal.measure {
        let mut line = format!(
            "*Measure:* `{}`{}",
            measure.name,
            title_of(analysis, &measure.name)
        );
        if let Some(index) = analysis.symbols.lookup(&measure.name, &[Kind::Indicator]) {
            if let Some(Decl::Indicator(ind)) = symbol_decl(analysis, index) {
                let mut facts = Vec::new();
                if let Some(unit) = &ind.unit {
                    facts.push(unit.unit.written());
                }
                if let Some((d, _)) = ind.direction {
                    facts.push(
                        match d {
                            Direction::Higher => "higher is better",
                            Direction::Lower => "lower is better",
                        }
                        .to_string(),
                    );
                }
                if !facts.is_empty() {
                    let _ = write!(line, " ({})", facts.join(", "));
                }
            }
        }
        lines.push(line);
    }
    if !goal.indicators.is_empty() {
        let names: Vec<String> = goal
            .indicators
            .iter()
            .map(|i| format!("`{}`", i.name))
            .collect();
        lines.push(format!("*Indicators:* {}", names.join(", ")));
    }
    if let Some(b) = goal.baseline {
        lines.push(match b.year {
            Some(y) => format!("*Baseline:* {} in {}", number(b.value.value), y.value),
            None => format!("*Baseline:* {}", number(b.value.value)),
        });
    }
    if let Some(t) = goal.target {
        let value = match t.value {
            TargetValue::Number(n) => number(n.value),
            TargetValue::Benchmark(None, _) => "the benchmark".to_string(),
            TargetValue::Benchmark(Some(kind), _) => format!("the {} benchmark", kind.as_str()),
            TargetValue::Relative(f, _) => format!(
                "{}{}% from the baseline",
                if f >= 0.0 { "+" } else { "" },
                number((f * 100.0 * 1e6).round() / 1e6)
            ),
        };
        lines.push(match t.year {
            Some(y) => format!("*Target:* {value} by {}", y.value),
            None => format!("*Target:* {value} (no deadline)"),
        });
    }
    for m in &goal.milestones {
        lines.push(match m.year {
            Some(y) => format!("*Milestone:* {} in {}", number(m.value.value), y.value),
            None => format!("*Milestone:* {}", number(m.value.value)),
        });
    }
    match &goal.owner {
        Some(owner) => lines.push(format!(
            "*Owner:* `{}`{}",
            owner.name,
            title_of(analysis, &owner.name)
        )),
        None => lines.push("*Owner:* none".to_string()),
    }
    if !goal.shared_with.is_empty() {
        let shared: Vec<String> = goal
            .shared_with
            .iter()
            .map(|b| format!("`{}`{}", b.name, title_of(analysis, &b.name)))
            .collect();
        lines.push(format!("*Shared with:* {}", shared.join(", ")));
    }
    match &goal.rule {
        Some(rule) => lines.push(format!(
            "*Rule:* `{}`{}",
            rule.name,
            title_of(analysis, &rule.name)
        )),
        None => {
            if goal.measure.is_some() {
                if let Some(default) = policy(analysis).and_then(|p| p.default_rule.as_ref()) {
                    lines.push(format!(
                        "*Rule:* `{}`{} (the policy's default)",
                        default.name,
                        title_of(analysis, &default.name)
                    ));
                }
            }
        }
    }
    if !goal.follow_up.is_empty() {
        let names: Vec<String> = goal
            .follow_up
            .iter()
            .map(|r| format!("`{}`{}", r.name, title_of(analysis, &r.name)))
            .collect();
        lines.push(format!("*Follow-up:* {}", names.join(", ")));
    }
    if let Some(kind) = &goal.kind {
        lines.push(format!("*Kind:* {}", kind.name));
    }
    if !goal.values.is_empty() {
        let names: Vec<String> = goal
            .values
            .iter()
            .map(|v| format!("`{}`", v.name))
            .collect();
        lines.push(format!("*Values:* {}", names.join(", ")));
    }
    if let Some(group) = &goal.target_group {
        lines.push(format!("*Target group:* {}", group.value));
    }
    let children = super::all_decls(analysis)
        .filter(|d| matches!(d, Decl::Goal(g) if g.under.iter().any(|u| u.name == goal.id.name)))
        .count();
    if children > 0 {
        lines.push(format!("*Goals under it:* {children}"));
    }
    let activities: Vec<String> = super::all_decls(analysis)
        .filter_map(|d| match d {
            Decl::Activity(a) if a.under.as_ref().is_some_and(|u| u.name == goal.id.name) => {
                Some(format!("`{}`", a.id.name))
            }
            _ => None,
        })
        .collect();
    if !activities.is_empty() {
        lines.push(format!("*Activities:* {}", activities.join(", ")));
    }
    let _ = write!(text, "\n\n{}", lines.join("  \n"));
    text
}

fn describe_rule(analysis: &Analysis, rule: &Rule, what: &str) -> String {
    let mut text = format!("**{what}** `{}`", rule.id.name);
    if let Some(title) = &rule.title {
        let _ = write!(text, " — {}", title.value);
    }
    let source = &analysis.sources.get(rule.span.file).text;
    let bands: Vec<String> = rule
        .bands
        .iter()
        .map(|band| {
            let end = band
                .labels
                .first()
                .and_then(|l| {
                    source[band.span.start..l.span.start]
                        .rfind('{')
                        .map(|i| band.span.start + i)
                })
                .unwrap_or(band.span.end);
            let line = source.get(band.span.start..end).unwrap_or("");
            line.split_whitespace().collect::<Vec<_>>().join(" ")
        })
        .collect();
    if !bands.is_empty() {
        let _ = write!(text, "\n\n```pejl\n{}\n```", bands.join("\n"));
    }
    let _ = write!(text, "\n\nFirst match wins.");
    text
}
