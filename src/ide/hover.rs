//! Hover: what a name stands for (a goal with its chain path, measure, target, owner and
//! rule; an indicator; a rule's bands; …) and the explanation of any diagnostic under the
//! cursor (the text of `pejl explain`).

use super::{chain, goal_named, policy, scale, symbol_decl, symbol_title};
use crate::i18n::{Arg, Lang};
use crate::model::Kind;
use crate::span::{FileId, Span};
use crate::syntax::ast::{Decl, Direction, Goal, Rule, TargetValue};
use crate::text;
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
pub fn hover(analysis: &Analysis, file: FileId, offset: usize, lang: Lang) -> Option<Hover> {
    let mut parts = Vec::new();
    let mut span = None;
    if let Some((index, at)) = super::nav::symbol_at(analysis, file, offset) {
        if let Some(text) = describe(analysis, index, lang) {
            parts.push(text);
            span = Some(at);
        }
    } else if let Some((at, text)) = builtin_status(analysis, file, offset, lang) {
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
        let Some((title, body)) = crate::explain::explain(diag.code) else {
            continue;
        };
        let head = text!("hover-explain", code = diag.code.as_str(), title = title).render(lang);
        let text = format!("{head}\n\n{body}");
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
fn builtin_status(
    analysis: &Analysis,
    file: FileId,
    offset: usize,
    lang: Lang,
) -> Option<(Span, String)> {
    let decl = super::decl_containing(analysis, file, offset)?;
    let (Decl::Rule(rule) | Decl::Rollup(rule)) = decl else {
        return None;
    };
    let ident = super::nav::status_idents(rule)
        .into_iter()
        .find(|i| i.span.contains(offset))?;
    let status = scale(analysis).into_iter().find(|s| s.name == ident.name)?;
    let mut text = describe_status(&status, lang);
    let _ = write!(text, "\n\n{}", text!("hover-default-scale").render(lang));
    Some((ident.span, text))
}

/// The hover text of symbol `index`.
pub(crate) fn describe(analysis: &Analysis, index: usize, lang: Lang) -> Option<String> {
    let symbol = analysis.symbols.symbols.get(index)?;
    match symbol.kind {
        Kind::Level => Some(describe_level(analysis, index, lang)),
        Kind::Status => {
            let status = scale(analysis)
                .into_iter()
                .find(|s| s.name == symbol.name)?;
            Some(describe_status(&status, lang))
        }
        _ => {
            let decl = symbol_decl(analysis, index)?;
            Some(describe_decl(analysis, decl, lang))
        }
    }
}

fn describe_status(status: &crate::model::Status, lang: Lang) -> String {
    let mut text = text!("hover-status", name = &status.name, label = &status.label).render(lang);
    if status.not_assessable {
        let _ = write!(text, "\n\n{}", text!("hover-not-assessable").render(lang));
    }
    text
}

fn describe_level(analysis: &Analysis, index: usize, lang: Lang) -> String {
    let symbol = &analysis.symbols.symbols[index];
    let mut text = text!(
        "hover-level",
        name = &symbol.name,
        title = symbol_title(analysis, index)
    )
    .render(lang);
    if let Some(level) =
        chain(analysis).and_then(|c| c.levels.iter().find(|l| l.name.span == symbol.span))
    {
        let mut facts = Vec::new();
        match &level.under {
            Some(under) => facts.push(text!("hover-level-under", name = &under.name)),
            None => facts.push(text!("hover-level-top")),
        }
        if let Some((card, _)) = level.cardinality {
            facts.push(match card {
                crate::syntax::ast::Cardinality::ExactlyOne => text!("hover-level-exactly-one"),
                crate::syntax::ast::Cardinality::AtLeastOne => text!("hover-level-at-least-one"),
            });
        }
        if level.measured.is_some() {
            facts.push(text!("hover-level-measured"));
        }
        if let Some(rollup) = &level.assessed_by {
            facts.push(text!("hover-level-assessed-by", name = &rollup.name));
        }
        let goals = super::all_decls(analysis)
            .filter(|d| matches!(d, Decl::Goal(g) if g.level.name == symbol.name))
            .count();
        let facts: Vec<String> = facts.iter().map(|f| f.render(lang)).collect();
        let _ = write!(
            text,
            "\n\n{}\n\n{}",
            facts.join(" · "),
            text!("hover-goal-count", count = goals).render(lang)
        );
    }
    text
}

pub(crate) fn describe_decl(analysis: &Analysis, decl: &Decl, lang: Lang) -> String {
    let t = |text: crate::i18n::Text| text.render(lang);
    match decl {
        Decl::Goal(goal) => describe_goal(analysis, goal, lang),
        Decl::Activity(activity) => describe_activity(analysis, activity, lang),
        Decl::Indicator(ind) => {
            let mut text = format!(
                "{}\n\n{}",
                t(text!("hover-indicator", name = &ind.id.name)),
                ind.title.value
            );
            let mut lines = Vec::new();
            if let Some(unit) = &ind.unit {
                lines.push(t(text!("hover-unit", unit = unit.unit.written())));
            }
            if let Some((direction, _)) = ind.direction {
                lines.push(t(text!(
                    "hover-direction",
                    direction = direction_text(direction)
                )));
            }
            if let Some(source) = &ind.source {
                lines.push(t(text!(
                    "hover-source",
                    kind = &source.kind.name,
                    reference = &source.reference.value
                )));
            }
            for bench in &ind.benchmarks {
                lines.push(match &bench.description {
                    Some(d) => t(text!(
                        "hover-benchmark-described",
                        kind = &bench.kind.name,
                        description = &d.value
                    )),
                    None => t(text!("hover-benchmark", kind = &bench.kind.name)),
                });
            }
            if let Some(freq) = &ind.frequency {
                lines.push(t(text!("hover-frequency", frequency = &freq.name)));
            }
            let measured = super::all_decls(analysis)
                .filter(|d| {
                    matches!(d, Decl::Goal(g) if g.measure.as_ref().is_some_and(|m| m.name == ind.id.name))
                })
                .count();
            lines.push(t(text!("hover-measures", count = measured)));
            let _ = write!(text, "\n\n{}", lines.join("  \n"));
            text
        }
        Decl::Rule(rule) => describe_rule(analysis, rule, "hover-rule", lang),
        Decl::Rollup(rule) => describe_rule(analysis, rule, "hover-rollup", lang),
        Decl::Body(body) => {
            let mut text = t(text!(
                "hover-body",
                name = &body.id.name,
                title = &body.name.value
            ));
            let mut lines = Vec::new();
            if let Some(kind) = &body.kind {
                lines.push(t(text!("hover-kind", kind = &kind.name)));
            }
            if let Some(parent) = &body.parent {
                lines.push(t(text!(
                    "hover-parent",
                    name = &parent.name,
                    title = title_of(analysis, &parent.name)
                )));
            }
            let owned = super::all_decls(analysis)
                .filter(|d| {
                    matches!(d, Decl::Goal(g) if g.owner.as_ref().is_some_and(|o| o.name == body.id.name))
                })
                .count();
            lines.push(t(text!("hover-owns", count = owned)));
            let shared = super::all_decls(analysis)
                .filter(|d| {
                    matches!(d, Decl::Goal(g) if g.shared_with.iter().any(|o| o.name == body.id.name))
                })
                .count();
            if shared > 0 {
                lines.push(t(text!("hover-shares", count = shared)));
            }
            let _ = write!(text, "\n\n{}", lines.join("  \n"));
            text
        }
        Decl::Report(report) => {
            let mut text = t(text!(
                "hover-report",
                name = &report.id.name,
                title = &report.name.value
            ));
            let mut lines = Vec::new();
            if let Some(uses) = &report.uses {
                lines.push(t(text!("hover-uses", uses = &uses.name)));
            }
            if let Some(c) = report.covers {
                lines.push(t(text!(
                    "hover-covers",
                    from = format!("{:02}-{:02}", c.from.month, c.from.day),
                    to = format!("{:02}-{:02}", c.to.month, c.to.day)
                )));
            }
            if let Some(due) = report.due {
                let day = format!("{:02}-{:02}", due.month, due.day);
                lines.push(match due.year {
                    Some(y) => t(text!("hover-due", date = format!("{y:04}-{day}"))),
                    None if report.due_next_year => t(text!("hover-due-next-year", date = day)),
                    None => t(text!("hover-due", date = day)),
                });
            }
            for to in &report.to {
                lines.push(t(text!(
                    "hover-to",
                    name = &to.name,
                    title = title_of(analysis, &to.name)
                )));
            }
            if !lines.is_empty() {
                let _ = write!(text, "\n\n{}", lines.join("  \n"));
            }
            text
        }
        Decl::Value(value) => {
            let mut text = t(text!(
                "hover-value",
                name = &value.id.name,
                title = &value.name.value
            ));
            if let Some(t) = &value.text {
                let _ = write!(text, "\n\n{}", t.value);
            }
            text
        }
        Decl::Policy(p) => {
            let mut text = t(text!(
                "hover-policy",
                name = &p.id.name,
                title = &p.title.value
            ));
            let mut lines = Vec::new();
            if let Some(version) = &p.version {
                lines.push(t(text!("hover-version", version = &version.value)));
            }
            if p.status.as_ref().is_some_and(|s| s.name == "draft") {
                lines.push(t(text!("hover-draft")));
            }
            let decisions = p
                .adopted
                .iter()
                .map(|d| ("hover-adopted", d))
                .chain(p.revisions.iter().map(|d| ("hover-revised", d)));
            for (what, decision) in decisions {
                let date = format!(
                    "{:04}-{:02}-{:02}",
                    decision.date.year, decision.date.month, decision.date.day
                );
                let mut line = t(crate::i18n::Text::new(what, vec![("date", Arg::Str(date))]));
                if let Some(by) = &decision.by {
                    line = t(text!("hover-decision-by", decision = line, name = &by.name));
                }
                if let Some(r) = &decision.reference {
                    let _ = write!(line, " ({})", r.value);
                }
                lines.push(line);
            }
            if let Some(period) = p.period {
                lines.push(t(text!(
                    "hover-period",
                    from = period.from.value,
                    to = period.to.value
                )));
            }
            if let Some(rule) = &p.default_rule {
                lines.push(t(text!("hover-default-rule", name = &rule.name)));
            }
            if !lines.is_empty() {
                let _ = write!(text, "\n\n{}", lines.join("  \n"));
            }
            text
        }
        Decl::Test(test) => {
            let mut text = t(text!("hover-test", title = &test.title.value));
            if let (Some(year), Some(report)) = (test.year, &test.report) {
                let _ = write!(text, "\n\n{} `{}`", year.value, report.name);
            }
            let expectations = t(text!("hover-test-expectations", count = test.expects.len()));
            let _ = write!(text, "\n\n{expectations}");
            text
        }
        Decl::Include(i) => t(text!("hover-include", path = &i.path.value)),
        Decl::Chain(_) => t(text!("hover-chain")),
        Decl::Scale(_) => t(text!("hover-scale")),
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

fn direction_text(direction: Direction) -> crate::i18n::Text {
    match direction {
        Direction::Higher => text!("hover-higher-is-better"),
        Direction::Lower => text!("hover-lower-is-better"),
    }
}

fn describe_activity(analysis: &Analysis, a: &crate::syntax::ast::Activity, lang: Lang) -> String {
    let t = |text: crate::i18n::Text| text.render(lang);
    let mut text = format!(
        "{}\n\n{}",
        t(text!("hover-activity", name = &a.id.name)),
        a.title.value
    );
    let mut lines = Vec::new();
    match &a.under {
        Some(goal) => lines.push(t(text!(
            "hover-goal",
            name = &goal.name,
            title = title_of(analysis, &goal.name)
        ))),
        None => lines.push(t(text!("hover-goal-none"))),
    }
    lines.push(owner_line(analysis, a.owner.as_ref(), lang));
    if !a.shared_with.is_empty() {
        let shared: Vec<String> = a
            .shared_with
            .iter()
            .map(|b| format!("`{}`{}", b.name, title_of(analysis, &b.name)))
            .collect();
        lines.push(t(text!("hover-shared-with", names = shared.join(", "))));
    }
    let date =
        |d: &crate::syntax::ast::DateLit| format!("{:04}-{:02}-{:02}", d.year, d.month, d.day);
    if let Some(start) = &a.start {
        lines.push(t(text!("hover-start", date = date(start))));
    }
    match &a.deadline {
        Some(deadline) => lines.push(t(text!("hover-deadline", date = date(deadline)))),
        None => lines.push(t(text!("hover-deadline-none"))),
    }
    if let Some(budget) = &a.budget {
        let currency = budget
            .currency
            .as_ref()
            .map_or_else(|| "kr".to_string(), |c| c.name.clone());
        lines.push(t(text!(
            "hover-budget",
            amount = budget.amount.value,
            currency = currency
        )));
    }
    lines.push(t(text!("hover-progress")));
    let _ = write!(text, "\n\n{}", lines.join("  \n"));
    text
}

/// `*Owner:* \`KS\` — Kommunstyrelsen`, or that there is none.
fn owner_line(
    analysis: &Analysis,
    owner: Option<&crate::syntax::ast::Ident>,
    lang: Lang,
) -> String {
    match owner {
        Some(owner) => text!(
            "hover-owner",
            name = &owner.name,
            title = title_of(analysis, &owner.name)
        ),
        None => text!("hover-owner-none"),
    }
    .render(lang)
}

fn describe_goal(analysis: &Analysis, goal: &Goal, lang: Lang) -> String {
    let t = |text: crate::i18n::Text| text.render(lang);
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
        lines.push(t(text!("hover-chain-path", steps = steps.join(" › "))));
    }
    if goal.under.len() > 1 {
        let others: Vec<String> = goal.under[1..]
            .iter()
            .map(|u| format!("`{}`", u.name))
            .collect();
        lines.push(t(text!("hover-also-under", names = others.join(", "))));
    }
    if let Some(measure) = &goal.measure {
        let mut line = t(text!(
            "hover-measure",
            name = &measure.name,
            title = title_of(analysis, &measure.name)
        ));
        if let Some(index) = analysis.symbols.lookup(&measure.name, &[Kind::Indicator]) {
            if let Some(Decl::Indicator(ind)) = symbol_decl(analysis, index) {
                let mut facts = Vec::new();
                if let Some(unit) = &ind.unit {
                    facts.push(unit.unit.written());
                }
                if let Some((d, _)) = ind.direction {
                    facts.push(t(direction_text(d)));
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
        lines.push(t(text!("hover-indicators", names = names.join(", "))));
    }
    if let Some(b) = goal.baseline {
        lines.push(match b.year {
            Some(y) => t(text!(
                "hover-baseline-in",
                value = b.value.value,
                year = y.value
            )),
            None => t(text!("hover-baseline", value = b.value.value)),
        });
    }
    if let Some(target) = goal.target {
        let value = match target.value {
            TargetValue::Number(n) => t(text!("verbatim", text = n.value)),
            TargetValue::Benchmark(None, _) => t(text!("hover-target-benchmark")),
            TargetValue::Benchmark(Some(kind), _) => {
                t(text!("hover-target-benchmark-kind", kind = kind.as_str()))
            }
            TargetValue::Relative(f, _) => {
                let sign = if f >= 0.0 { "+" } else { "" };
                let change = lang.num((f * 100.0 * 1e6).round() / 1e6);
                t(text!(
                    "hover-target-relative",
                    change = format!("{sign}{change}")
                ))
            }
        };
        lines.push(match target.year {
            Some(y) => t(text!("hover-target", value = value, year = y.value)),
            None => t(text!("hover-target-no-deadline", value = value)),
        });
    }
    for m in &goal.milestones {
        lines.push(match m.year {
            Some(y) => t(text!(
                "hover-milestone-in",
                value = m.value.value,
                year = y.value
            )),
            None => t(text!("hover-milestone", value = m.value.value)),
        });
    }
    lines.push(owner_line(analysis, goal.owner.as_ref(), lang));
    if !goal.shared_with.is_empty() {
        let shared: Vec<String> = goal
            .shared_with
            .iter()
            .map(|b| format!("`{}`{}", b.name, title_of(analysis, &b.name)))
            .collect();
        lines.push(t(text!("hover-shared-with", names = shared.join(", "))));
    }
    match &goal.rule {
        Some(rule) => lines.push(t(text!(
            "hover-rule-of-goal",
            name = &rule.name,
            title = title_of(analysis, &rule.name)
        ))),
        None => {
            if goal.measure.is_some() {
                if let Some(default) = policy(analysis).and_then(|p| p.default_rule.as_ref()) {
                    lines.push(t(text!(
                        "hover-rule-default",
                        name = &default.name,
                        title = title_of(analysis, &default.name)
                    )));
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
        lines.push(t(text!("hover-follow-up", names = names.join(", "))));
    }
    if let Some(kind) = &goal.kind {
        lines.push(t(text!("hover-kind", kind = &kind.name)));
    }
    if !goal.values.is_empty() {
        let names: Vec<String> = goal
            .values
            .iter()
            .map(|v| format!("`{}`", v.name))
            .collect();
        lines.push(t(text!("hover-values", names = names.join(", "))));
    }
    if let Some(group) = &goal.target_group {
        lines.push(t(text!("hover-target-group", group = &group.value)));
    }
    let children = super::all_decls(analysis)
        .filter(|d| matches!(d, Decl::Goal(g) if g.under.iter().any(|u| u.name == goal.id.name)))
        .count();
    if children > 0 {
        lines.push(t(text!("hover-goals-under", count = children)));
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
        lines.push(t(text!("hover-activities", names = activities.join(", "))));
    }
    let _ = write!(text, "\n\n{}", lines.join("  \n"));
    text
}

fn describe_rule(analysis: &Analysis, rule: &Rule, what: &'static str, lang: Lang) -> String {
    let mut text =
        crate::i18n::Text::new(what, vec![("name", Arg::from(&rule.id.name))]).render(lang);
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
    let _ = write!(text, "\n\n{}", text!("hover-first-match").render(lang));
    text
}
