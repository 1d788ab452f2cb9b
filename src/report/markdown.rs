//! The report as Markdown (GitHub-flavoured tables): a summary, one table per goal area,
//! and the motivations. Every user text is escaped so that it shows as written.

use super::{
    activities_by_goal, activity_owners, activity_summary, area_title, benchmark_text,
    draft_notice, goal_facts, goal_title, marker, number, owners, policy_version, sections,
    target_text, texts, title, trend_text, value_heading,
};
use crate::eval::{Evaluation, GoalResult};
use std::fmt::Write;

/// Escapes text for a Markdown table cell or paragraph.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '|' | '*' | '_' | '[' | ']' | '<' | '>' | '`' | '#' | '~' | '&' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

fn status_cell(ev: &Evaluation, goal: &GoalResult) -> String {
    let (_, symbol, label) = marker(ev, goal);
    format!("{symbol} {}", escape(&label))
}

pub fn render(ev: &Evaluation) -> String {
    let t = texts(ev.language);
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", escape(&title(ev)));
    let period = match ev.report.uses {
        crate::data::ValueKind::Actual => t.outcomes_for,
        crate::data::ValueKind::Forecast => t.forecasts_for,
    };
    let mut line = format!("**{}** · {period} {}", escape(&ev.policy.title), ev.year);
    if !ev.report.recipients.is_empty() {
        let to = ev.report.recipients.join(", ");
        let _ = write!(line, " · {}: {}", t.recipient, escape(&to));
    }
    if let Some(body) = &ev.report.body {
        let _ = write!(line, " · {}: {}", t.owner, escape(body));
    }
    let _ = writeln!(out, "{line}\n");
    if let Some(version) = policy_version(ev) {
        let _ = writeln!(out, "{}\n", escape(&version));
    }
    if let Some(notice) = draft_notice(ev) {
        let _ = writeln!(out, "> **{}**\n", escape(notice));
    }
    let _ = writeln!(out, "## {}\n", t.summary);
    let _ = writeln!(out, "| {} | {} |\n|---|---:|", t.status, t.count);
    for (info, count) in ev.scale.iter().zip(&ev.summary.statuses) {
        let _ = writeln!(
            out,
            "| {} {} | {} |",
            info.symbol,
            escape(&info.label),
            count.count
        );
    }
    if ev.summary.not_evaluated > 0 {
        let _ = writeln!(
            out,
            "| – {} | {} |",
            t.not_evaluated, ev.summary.not_evaluated
        );
    }
    if ev.summary.not_followed_up > 0 {
        let _ = writeln!(
            out,
            "| – {} | {} |",
            t.not_followed_up, ev.summary.not_followed_up
        );
    }
    let _ = writeln!(out, "\n{}\n", t.legend);
    if let Some(summary) = activity_summary(ev) {
        let _ = writeln!(out, "{}\n", escape(&summary));
    }
    let area = area_title(ev);
    let activities = activities_by_goal(ev);
    for section in sections(ev) {
        match section.area {
            Some(a) => {
                let _ = writeln!(out, "## {}: {}\n", escape(&area), escape(&a.title));
            }
            None => {
                let _ = writeln!(out, "## {}\n", t.overall);
            }
        }
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} | {} |",
            t.goal,
            t.level,
            t.owner,
            t.status,
            value_heading(ev),
            t.target,
            t.benchmark,
            t.explanation
        );
        let _ = writeln!(out, "|---|---|---|---|---:|---:|---:|---|");
        for row in section.goals {
            let (goal, depth) = (row.goal, row.depth);
            let indent = "&nbsp;&nbsp;".repeat(depth.min(6));
            let arrow = if depth > 0 { "↳ " } else { "" };
            let dash = || "–".to_string();
            // A goal listed again under a further parent points to its full row; the rest of
            // the row is the same.
            let (facts, explanation) = match row.shared_from {
                Some(first) => (
                    String::new(),
                    format!("↔ {} {}", t.also_under, escape(&goal_title(first))),
                ),
                None => (facts_line(ev, goal), explanation(ev, goal)),
            };
            let _ = writeln!(
                out,
                "| {indent}{arrow}{} `{}`{facts} | {} | {} | {} | {} | {} | {} | {} |",
                escape(&goal_title(goal)),
                goal.id.replace('`', ""),
                escape(&goal.level_title),
                escape(&owners(goal).unwrap_or_else(dash)),
                status_cell(ev, goal),
                number(ev, goal, goal.value).unwrap_or_else(dash),
                target_text(ev, goal)
                    .map(|s| escape(&s))
                    .unwrap_or_else(dash),
                benchmark_text(ev, goal).unwrap_or_else(dash),
                explanation
            );
            if row.shared_from.is_some() {
                continue;
            }
            let indent = "&nbsp;&nbsp;".repeat((depth + 1).min(6));
            for a in activities.get(goal.id.as_str()).into_iter().flatten() {
                let _ = writeln!(
                    out,
                    "| {indent}↳ ▸ {} `{}` | {} | {} | {} {} | – | – | – | {} |",
                    escape(&a.title),
                    a.id.replace('`', ""),
                    t.kinds[2],
                    escape(&activity_owners(a).unwrap_or_else(dash)),
                    super::progress_marker(a).1,
                    escape(&a.progress_label),
                    activity_cell(ev, a)
                );
            }
        }
        out.push('\n');
    }
    let _ = writeln!(out, "## {}\n", t.motivations);
    let mut any = false;
    for section in sections(ev) {
        for row in section.goals {
            let goal = row.goal;
            if row.shared_from.is_some() {
                continue;
            }
            if let Some(m) = &goal.motivation {
                any = true;
                let _ = writeln!(
                    out,
                    "- **{}** (`{}`, {}): {}",
                    escape(&goal_title(goal)),
                    goal.id.replace('`', ""),
                    status_cell(ev, goal),
                    escape(m)
                );
            }
        }
    }
    if !any {
        let _ = writeln!(out, "{}", t.no_motivations);
    }
    out
}

/// The explanation cell: the band's wording, the explanation, the trend and the owner's analysis.
fn explanation(ev: &Evaluation, goal: &GoalResult) -> String {
    let t = texts(ev.language);
    let mut explanation = String::new();
    if let Some(w) = &goal.wording {
        let _ = write!(explanation, "*{}.* ", escape(w.trim_end_matches('.')));
    }
    explanation.push_str(&escape(&goal.explanation));
    if let Some(trend) = trend_text(ev, goal) {
        let _ = write!(explanation, "<br>{}: {}", t.trend, escape(&trend));
    }
    if let Some(a) = &goal.analysis {
        let _ = write!(explanation, "<br>**{}:** {}", t.analysis, escape(a));
    }
    explanation
}

/// The goal's kind, target group and values under its title.
fn facts_line(ev: &Evaluation, goal: &GoalResult) -> String {
    let facts = goal_facts(ev, goal);
    if facts.is_empty() {
        String::new()
    } else {
        format!("<br>*{}*", escape(&facts.join(" · ")))
    }
}

/// An activity's explanation cell: its dates, budget and lateness, then the comment.
fn activity_cell(ev: &Evaluation, a: &crate::eval::ActivityResult) -> String {
    let w = crate::eval::activities::words(ev.language);
    let mut cell = escape(&crate::eval::activities::details(ev.language, a).join(" · "));
    if a.late {
        // The lateness stands out: the last detail, in bold.
        let late = escape(w.late);
        cell = cell.replace(&late, &format!("**{late}**"));
    }
    if let Some(c) = &a.comment {
        if !cell.is_empty() {
            cell.push_str("<br>");
        }
        let _ = write!(cell, "**{}:** {}", w.comment, escape(c));
    }
    if cell.is_empty() {
        cell.push('–');
    }
    cell
}
