//! `pejl diff` for people: plain text for a terminal, Markdown for the council's decision
//! documents and pull requests. English for now; the texts of the policy and the explanations
//! of past statuses are in the policy's language, as the reports write them.

use super::effects::{PeriodEffect, RollupEffect};
use super::statuses::PastStatuses;
use super::{Change, DeclChange, Diff, FieldChange, GoalChange, PolicyDiff, ValueEffect};
use crate::report::markdown::escape;
use std::fmt::Write;

/// The line printed when two versions mean the same.
pub const SAME: &str =
    "The two versions mean the same: no goal, rule or other declaration differs in meaning.";

/// How the two outputs write the same things.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Style {
    Text,
    Markdown,
}

impl Style {
    /// Text from the policy or the data.
    fn user(self, text: &str) -> String {
        match self {
            Style::Text => text.to_string(),
            Style::Markdown => escape(text),
        }
    }

    /// An ID, or pejl as written.
    fn code(self, text: &str) -> String {
        match self {
            Style::Text => format!("`{text}`"),
            Style::Markdown => {
                let ticks = if text.contains('`') { "``" } else { "`" };
                format!("{ticks}{text}{ticks}")
            }
        }
    }

    /// A field's value: pejl text, IDs in backticks and texts in quotes (with `\"` inside).
    fn value(self, text: &str) -> String {
        match self {
            Style::Text => text.to_string(),
            Style::Markdown => markdown_value(text),
        }
    }

    fn heading(self, out: &mut String, level: usize, text: &str) {
        match self {
            Style::Text => {
                let _ = writeln!(out, "{text}");
            }
            Style::Markdown => {
                let _ = writeln!(out, "{} {text}\n", "#".repeat(level));
            }
        }
    }

    /// A list item at a depth (0 is the outermost).
    fn item(self, out: &mut String, depth: usize, text: &str) {
        match self {
            Style::Text if depth == 0 => {
                let _ = writeln!(out, "  {text}");
            }
            Style::Text => {
                let _ = writeln!(out, "{}- {text}", "  ".repeat(depth + 1));
            }
            Style::Markdown => {
                let _ = writeln!(out, "{}- {text}", "  ".repeat(depth));
            }
        }
    }

    fn end_section(self, out: &mut String) {
        out.push('\n');
    }
}

/// A field's value in Markdown: IDs stay code, quoted texts and the rest are escaped.
fn markdown_value(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        match c {
            '`' => {
                let end = rest[1..].find('`').map_or(rest.len(), |e| e + 2);
                out.push_str(&rest[..end]);
                rest = &rest[end..];
            }
            '"' => {
                // To the closing quote; `\"` and `\\` are a quote and a backslash.
                let mut inner = String::new();
                let mut chars = rest[1..].char_indices();
                let mut end = rest.len();
                while let Some((i, c)) = chars.next() {
                    match c {
                        '\\' => match chars.next() {
                            Some((_, 'n')) => inner.push('\n'),
                            Some((_, next)) => inner.push(next),
                            None => {}
                        },
                        '"' => {
                            end = i + 2;
                            break;
                        }
                        c => inner.push(c),
                    }
                }
                out.push('"');
                out.push_str(&escape(&inner));
                out.push('"');
                rest = &rest[end.min(rest.len())..];
            }
            c => {
                out.push_str(&escape(&c.to_string()));
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    out
}

/// The diff as plain text (made safe for a terminal by the caller).
pub fn human(diff: &Diff) -> String {
    render(diff, Style::Text)
}

/// The diff as Markdown.
pub fn markdown(diff: &Diff) -> String {
    render(diff, Style::Markdown)
}

fn render(diff: &Diff, style: Style) -> String {
    let mut out = String::new();
    if diff.same {
        for p in &diff.policies {
            for note in &p.notes {
                let _ = writeln!(out, "Note: {}.", style.user(note));
            }
        }
        let _ = writeln!(out, "{SAME}");
        return out;
    }
    match style {
        Style::Text => {
            let _ = writeln!(out, "What changes from {} to {}\n", diff.old, diff.new);
        }
        Style::Markdown => {
            let _ = writeln!(
                out,
                "# What changes from {} to {}\n",
                style.code(&diff.old),
                style.code(&diff.new)
            );
        }
    }
    let several = diff.policies.len() > 1;
    for p in &diff.policies {
        policy(&mut out, p, style, several);
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

fn change_word(change: Change) -> &'static str {
    match change {
        Change::Added => "Added",
        Change::Removed => "Removed",
        Change::Renamed => "Renamed",
        Change::Changed => "Changed",
    }
}

fn policy(out: &mut String, p: &PolicyDiff, style: Style, several: bool) {
    let section = if several { 3 } else { 2 };
    let name = p.policy.as_deref().map(|id| style.code(id));
    match (&p.old_file, &p.new_file) {
        (None, Some(file)) => {
            style.heading(
                out,
                2,
                &format!(
                    "New policy {} ({})",
                    name.unwrap_or_default(),
                    style.user(file)
                ),
            );
            style.end_section(out);
            return;
        }
        (Some(file), None) => {
            style.heading(
                out,
                2,
                &format!(
                    "Removed policy {} ({})",
                    name.unwrap_or_default(),
                    style.user(file)
                ),
            );
            style.end_section(out);
            return;
        }
        _ => {}
    }
    if several {
        style.heading(
            out,
            2,
            &format!(
                "Policy {} ({})",
                name.unwrap_or_default(),
                style.user(p.new_file.as_deref().unwrap_or(""))
            ),
        );
        if !p.differs() {
            style.item(out, 0, "No difference in meaning.");
            style.end_section(out);
            return;
        }
    }
    if !p.goals.is_empty() {
        style.heading(out, section, "Goals");
        for g in &p.goals {
            goal(out, g, style);
        }
        style.end_section(out);
    }
    if !p.declarations.is_empty() || !p.rollup_effects.is_empty() {
        style.heading(out, section, "Rules, indicators and other declarations");
        for d in &p.declarations {
            declaration(out, d, p, style);
        }
        for e in &p.rollup_effects {
            if !p
                .declarations
                .iter()
                .any(|d| d.kind == "rollup" && e.rollup_new.as_deref() == Some(d.id.as_str()))
            {
                rollup_effect(out, e, style, 0);
            }
        }
        style.end_section(out);
    }
    if !p.notes.is_empty() {
        style.heading(out, section, "Notes");
        for note in &p.notes {
            style.item(out, 0, &format!("{}.", capital(&style.user(note))));
        }
        style.end_section(out);
    }
    if let Some(s) = &p.statuses {
        statuses(out, s, style, section);
    }
}

fn capital(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn goal_name(g: &GoalChange, style: Style) -> String {
    let id = match (&g.old_id, g.change) {
        (Some(old), Change::Renamed) => format!("{} → {}", style.code(old), style.code(&g.id)),
        _ => style.code(&g.id),
    };
    let number = g
        .number
        .as_deref()
        .map(|n| format!(" {}", style.user(n)))
        .unwrap_or_default();
    format!("{} {id}{number} \"{}\"", g.level, style.user(&g.title))
}

fn goal(out: &mut String, g: &GoalChange, style: Style) {
    let moved = g.fields.iter().find(|f| f.field == "parents");
    let word = match (g.change, moved) {
        (Change::Changed, Some(_)) if g.fields.len() == 1 && g.effect.is_none() => "Moved",
        (c, _) => change_word(c),
    };
    style.item(out, 0, &format!("{word}: {}", goal_name(g, style)));
    for f in &g.fields {
        if f.field == "parents" {
            let text = match (&f.old, &f.new) {
                (Some(o), Some(n)) => format!(
                    "moved from under {} to under {}",
                    style.value(o),
                    style.value(n)
                ),
                (None, Some(n)) => format!("now under {}", style.value(n)),
                (Some(o), None) => format!("no longer under {}", style.value(o)),
                (None, None) => continue,
            };
            style.item(out, 1, &text);
        } else {
            style.item(out, 1, &field(f, style));
        }
    }
    if let Some(e) = &g.effect {
        effect(out, e, style);
    }
}

fn field(f: &FieldChange, style: Style) -> String {
    // A band is pejl as written.
    let value = |v: &str| {
        if f.field.starts_with("band ") {
            style.code(v)
        } else {
            style.value(v)
        }
    };
    let show = |v: &Option<String>| match v {
        Some(v) => value(v),
        None => "(none)".to_string(),
    };
    match (&f.old, &f.new) {
        (None, Some(n)) => format!("{}: added {}", f.field, value(n)),
        (Some(o), None) => format!("{}: removed {}", f.field, value(o)),
        _ => format!("{}: {} → {}", f.field, show(&f.old), show(&f.new)),
    }
}

fn effect(out: &mut String, e: &ValueEffect, style: Style) {
    if e.periods.is_empty() && e.complete {
        return;
    }
    let values = match (&e.indicator, e.direction) {
        (Some(i), Some(d)) => format!(
            "values of {}, {} is better",
            style.code(i),
            match d {
                crate::syntax::ast::Direction::Higher => "higher",
                crate::syntax::ast::Direction::Lower => "lower",
            }
        ),
        (Some(i), None) => format!("values of {}", style.code(i)),
        _ => "its values".to_string(),
    };
    let rule = match (&e.rule_old, &e.rule_new) {
        (Some(o), Some(n)) if o != n => format!("rule {} → {}", style.code(o), style.code(n)),
        (_, Some(n)) => format!("rule {}", style.code(n)),
        _ => String::new(),
    };
    style.item(
        out,
        1,
        &format!("What this does to statuses ({values}; {rule}):"),
    );
    let every_year =
        e.periods.len() == 1 && e.periods[0].other_years && { e.periods[0].years.is_empty() };
    for p in &e.periods {
        let depth = if every_year {
            2
        } else {
            style.item(out, 2, &format!("{}:", capital(&period_label(p))));
            3
        };
        for c in &p.changes {
            style.item(out, depth, &style.user(&c.text));
        }
    }
    if e.complete {
        style.item(out, 2, "Nothing else changes.");
    } else {
        style.item(
            out,
            2,
            "The rules are too large for pejl to work out every change: other values may change too.",
        );
    }
}

fn period_label(p: &PeriodEffect) -> String {
    let years: Vec<String> = p
        .years
        .iter()
        .map(|y| {
            let milestone = match (y.old, y.new) {
                (Some(o), Some(n)) if o == n => format!("milestone {}", super::num(n)),
                (Some(o), Some(n)) => {
                    format!("milestone {} → {}", super::num(o), super::num(n))
                }
                (Some(o), None) => format!("milestone {} → none", super::num(o)),
                (None, Some(n)) => format!("no milestone → milestone {}", super::num(n)),
                (None, None) => "no milestone".into(),
            };
            format!("{} ({milestone})", y.year)
        })
        .collect();
    match (years.is_empty(), p.other_years) {
        (true, _) => "in the years without a milestone".into(),
        (false, false) => format!("in {}", crate::checks::smart::join_words(&years)),
        (false, true) => format!(
            "in {} and the years without a milestone",
            crate::checks::smart::join_words(&years)
        ),
    }
}

fn declaration(out: &mut String, d: &DeclChange, p: &PolicyDiff, style: Style) {
    let title = d
        .title
        .as_deref()
        .map(|t| format!(" \"{}\"", style.user(t)))
        .unwrap_or_default();
    let what = match d.kind.as_str() {
        "policy" => format!("the policy {}{title}", style.code(&d.id)),
        "scale" => "the scale".to_string(),
        "level" if d.id == "chain" => "the chain".to_string(),
        kind => format!("{kind} {}{title}", style.code(&d.id)),
    };
    let mut line = format!("{}: {what}", change_word(d.change));
    if !d.used_by.is_empty() {
        let _ = write!(
            line,
            " (used by {} goal{}: {})",
            d.used_by.len(),
            if d.used_by.len() == 1 { "" } else { "s" },
            some_ids(&d.used_by, style)
        );
    }
    style.item(out, 0, &line);
    for f in &d.fields {
        style.item(out, 1, &field(f, style));
    }
    let bands_changed = d.fields.iter().any(|f| f.field.starts_with("band "));
    if d.kind == "rule" && bands_changed && d.change == Change::Changed {
        let users: std::collections::HashSet<&str> = d.used_by.iter().map(String::as_str).collect();
        let affected = p
            .goals
            .iter()
            .filter(|g| g.effect.is_some() && users.contains(g.id.as_str()))
            .count();
        style.item(
            out,
            1,
            &if d.used_by.is_empty() {
                "No goal uses this rule, so no status changes.".to_string()
            } else if affected == 0 {
                "No goal that uses it gets another status for any value.".to_string()
            } else {
                format!(
                    "What this does to each goal's statuses is listed under Goals ({affected} goal{}).",
                    if affected == 1 { "" } else { "s" }
                )
            },
        );
    }
    if d.kind == "rollup" {
        for e in &p.rollup_effects {
            if e.rollup_new.as_deref() == Some(d.id.as_str()) {
                rollup_effect(out, e, style, 1);
            }
        }
    }
}

/// At most a dozen IDs, then how many more.
fn some_ids(ids: &[String], style: Style) -> String {
    const SHOWN: usize = 12;
    let mut text: Vec<String> = ids.iter().take(SHOWN).map(|g| style.code(g)).collect();
    if ids.len() > SHOWN {
        text.push(format!("and {} more", ids.len() - SHOWN));
    }
    text.join(", ")
}

fn rollup_effect(out: &mut String, e: &RollupEffect, style: Style, depth: usize) {
    let goals: Vec<String> = e
        .goals
        .iter()
        .take(12)
        .map(|g| {
            format!(
                "{} ({} child{})",
                style.code(&g.id),
                g.children,
                if g.children == 1 { "" } else { "ren" }
            )
        })
        .collect();
    let rollups = match (&e.rollup_old, &e.rollup_new) {
        (Some(o), Some(n)) if o != n => format!("rollup {} → {}", style.code(o), style.code(n)),
        (_, Some(n)) => format!("rollup {}", style.code(n)),
        _ => "the rollup".into(),
    };
    style.item(
        out,
        depth,
        &format!(
            "What {rollups} does to the goals it assesses ({}{}):",
            goals.join(", "),
            if e.goals.len() > 12 {
                format!(" and {} more", e.goals.len() - 12)
            } else {
                String::new()
            }
        ),
    );
    if e.changes.is_empty() && e.complete {
        style.item(
            out,
            depth + 1,
            "No combination of child statuses gets another status.",
        );
        return;
    }
    for c in &e.changes {
        style.item(
            out,
            depth + 1,
            &format!(
                "with {} assessed child{}, {}: {} → {}",
                c.children,
                if c.children == 1 { "" } else { "ren" },
                c.text,
                c.from.text(),
                c.to.text()
            ),
        );
    }
    if e.complete {
        style.item(out, depth + 1, "Nothing else changes.");
    } else {
        style.item(
            out,
            depth + 1,
            "There are too many combinations to try them all: others may change too.",
        );
    }
}

fn statuses(out: &mut String, s: &PastStatuses, style: Style, section: usize) {
    let files: Vec<String> = s.data.iter().map(|f| style.user(f)).collect();
    style.heading(
        out,
        section,
        &format!("Past statuses that change (data: {})", files.join(", ")),
    );
    let evaluated: Vec<String> = s
        .evaluated
        .iter()
        .map(|e| format!("{} {}", style.code(&e.report), e.year))
        .collect();
    if evaluated.is_empty() {
        style.item(
            out,
            0,
            "No report and year could be evaluated by both versions.",
        );
    } else {
        style.item(
            out,
            0,
            &format!("Evaluated by both versions: {}.", evaluated.join(", ")),
        );
    }
    // Reasons once each, with the reports and years they hold for.
    let mut reasons: Vec<(String, Vec<String>)> = Vec::new();
    for n in &s.not_compared {
        let what = match n.year {
            Some(y) => format!("{} {y}", style.code(&n.report)),
            None => style.code(&n.report),
        };
        match reasons.iter_mut().find(|(r, _)| *r == n.reason) {
            Some((_, list)) => list.push(what),
            None => reasons.push((n.reason.clone(), vec![what])),
        }
    }
    for (reason, list) in reasons {
        style.item(
            out,
            0,
            &format!(
                "Not compared: {} ({}).",
                list.join(", "),
                style.user(&reason)
            ),
        );
    }
    for row in &s.unused_rows {
        style.item(out, 0, &format!("Note: {}.", style.user(row)));
    }
    if s.changes.is_empty() {
        style.item(out, 0, "No past status changes.");
        style.end_section(out);
        return;
    }
    let status = |p: &Option<super::statuses::PastStatus>| match p {
        None => "(no such goal)".to_string(),
        Some(p) => p.status.clone().unwrap_or_else(|| "no status".into()),
    };
    let mut current: Option<(String, i32)> = None;
    for c in &s.changes {
        if current.as_ref() != Some(&(c.report.clone(), c.year)) {
            current = Some((c.report.clone(), c.year));
            match style {
                Style::Text => {
                    let _ = writeln!(
                        out,
                        "  {} ({}) {}:",
                        c.report_name,
                        style.code(&c.report),
                        c.year
                    );
                }
                Style::Markdown => {
                    let _ = writeln!(
                        out,
                        "\n{} {} ({}) {}\n",
                        "#".repeat(section + 1),
                        style.user(&c.report_name),
                        style.code(&c.report),
                        c.year
                    );
                }
            }
        }
        let number = c
            .number
            .as_deref()
            .map(|n| format!(" {}", style.user(n)))
            .unwrap_or_default();
        let id = match &c.old_goal {
            Some(old) => format!("{} → {}", style.code(old), style.code(&c.goal)),
            None => style.code(&c.goal),
        };
        let depth = match style {
            Style::Text => 1,
            Style::Markdown => 0,
        };
        style.item(
            out,
            depth,
            &format!(
                "{id}{number} \"{}\": {} → {}",
                style.user(&c.title),
                status(&c.old),
                status(&c.new)
            ),
        );
        for (word, side) in [("before", &c.old), ("after", &c.new)] {
            if let Some(p) = side {
                if !p.explanation.is_empty() {
                    style.item(
                        out,
                        depth + 1,
                        &format!("{word}: {}", style.user(&p.explanation)),
                    );
                }
            }
        }
    }
    style.end_section(out);
}
