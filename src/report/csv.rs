//! The report as CSV, one row per goal in tree order, for Excel and Power BI.
//!
//! RFC 4180: comma-separated, `"` quoting, CRLF line ends, UTF-8. Column names are stable
//! English identifiers (tools key on them); statuses are given both as the scale's name
//! (`green`) and as the label in the policy's language. Numbers use a decimal point. A text
//! cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`
//! so that spreadsheet programs never run it as a formula (OWASP's list for CSV injection).

/// The first characters that make a spreadsheet program read a cell as a formula.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

use super::tree_order;
use crate::checks::smart::fmt_num;
use crate::eval::{Assessment, Evaluation};

/// New columns go at the end, so that a sheet reading columns by position keeps working.
pub const COLUMNS: [&str; 34] = [
    "area",
    "path",
    "goal",
    "title",
    "level",
    "owner",
    "assessment",
    "indicator",
    "kind",
    "value",
    "target",
    "benchmark",
    "status",
    "status_label",
    "wording",
    "explanation",
    "motivation",
    "source",
    "number",
    "shared_with",
    "unit",
    "goal_kind",
    "target_group",
    "values",
    "trend",
    "history",
    "analysis",
    "benchmark_kind",
    "start",
    "deadline",
    "budget",
    "progress",
    "progress_date",
    "late",
];

pub fn render(ev: &Evaluation) -> String {
    let mut out = String::new();
    row(&mut out, COLUMNS.iter().map(|c| Cell::Text(c.to_string())));
    let activities = super::activities_by_goal(ev);
    for (g, _) in tree_order(ev) {
        let goal = &ev.goals[g];
        let num = |v: Option<f64>| Cell::Number(v.map(fmt_num).unwrap_or_default());
        let text = |v: Option<&str>| Cell::Text(v.unwrap_or_default().to_string());
        let assessment = match goal.assessment {
            Assessment::Measured => "measured",
            Assessment::Rollup => "rollup",
            Assessment::NotEvaluated => "not_evaluated",
            Assessment::NotFollowedUp => "not_followed_up",
        };
        row(
            &mut out,
            [
                text(goal.area.as_deref()),
                Cell::Text(goal.path.join("/")),
                Cell::Text(goal.id.clone()),
                Cell::Text(goal.title.clone()),
                Cell::Text(goal.level.clone()),
                text(goal.owner.as_deref()),
                Cell::Text(assessment.into()),
                text(goal.indicator.as_deref()),
                text(goal.value_kind.map(|k| k.as_str())),
                num(goal.value),
                num(goal.target),
                num(goal.benchmark),
                text(goal.status.as_deref()),
                text(goal.status_label.as_deref()),
                text(goal.wording.as_deref()),
                Cell::Text(goal.explanation.clone()),
                text(goal.motivation.as_deref()),
                Cell::Text(
                    goal.source
                        .as_ref()
                        .map(|s| format!("{}:{}", s.file, s.line))
                        .unwrap_or_default(),
                ),
                text(goal.number.as_deref()),
                Cell::Text(
                    goal.shared_with
                        .iter()
                        .map(|b| b.id.as_str())
                        .collect::<Vec<_>>()
                        .join(" "),
                ),
                text(goal.unit_label.as_deref()),
                text(goal.goal_kind.as_deref()),
                text(goal.target_group.as_deref()),
                Cell::Text(goal.values.join("; ")),
                text(goal.trend.map(|t| match t {
                    crate::eval::Trend::Improving => "improving",
                    crate::eval::Trend::Worsening => "worsening",
                    crate::eval::Trend::Unchanged => "unchanged",
                })),
                Cell::Text(
                    goal.history
                        .iter()
                        .map(|h| format!("{}:{}", h.year, fmt_num(h.value)))
                        .collect::<Vec<_>>()
                        .join(" "),
                ),
                text(goal.analysis.as_deref()),
                text(goal.benchmark_kind.as_deref()),
                Cell::Text(String::new()),
                Cell::Text(String::new()),
                Cell::Number(String::new()),
                Cell::Text(String::new()),
                Cell::Text(String::new()),
                Cell::Text(String::new()),
            ],
        );
        for a in activities.get(goal.id.as_str()).into_iter().flatten() {
            activity_row(&mut out, ev, goal, a);
        }
    }
    out
}

/// An activity's row, after its goal's: `assessment` is `activity`, `level` is `activity`,
/// `status_label` its progress in the policy's language, `explanation` its facts, `analysis`
/// the comment of its progress row; `progress` is `planned`, `started`, `done`, `cancelled` or
/// `not_reported`.
fn activity_row(
    out: &mut String,
    ev: &Evaluation,
    goal: &crate::eval::GoalResult,
    a: &crate::eval::ActivityResult,
) {
    let text = |v: Option<&str>| Cell::Text(v.unwrap_or_default().to_string());
    let empty = || Cell::Text(String::new());
    let details = crate::eval::activities::details(ev.language, a).join("; ");
    row(
        out,
        [
            text(goal.area.as_deref()),
            Cell::Text(format!("{}/{}", goal.path.join("/"), a.id)),
            Cell::Text(a.id.clone()),
            Cell::Text(a.title.clone()),
            Cell::Text("activity".into()),
            text(a.owner.as_deref()),
            Cell::Text("activity".into()),
            empty(),
            empty(),
            Cell::Number(String::new()),
            Cell::Number(String::new()),
            Cell::Number(String::new()),
            empty(),
            Cell::Text(a.progress_label.clone()),
            empty(),
            Cell::Text(details),
            empty(),
            Cell::Text(
                a.source
                    .as_ref()
                    .map(|s| format!("{}:{}", s.file, s.line))
                    .unwrap_or_default(),
            ),
            empty(),
            Cell::Text(
                a.shared_with
                    .iter()
                    .map(|b| b.id.as_str())
                    .collect::<Vec<_>>()
                    .join(" "),
            ),
            empty(),
            empty(),
            empty(),
            empty(),
            empty(),
            empty(),
            text(a.comment.as_deref()),
            empty(),
            text(a.start.as_deref()),
            text(a.deadline.as_deref()),
            Cell::Number(a.budget.map(|b| b.to_string()).unwrap_or_default()),
            Cell::Text(a.progress.map_or("not_reported", |p| p.as_str()).into()),
            text(a.progress_date.as_deref()),
            Cell::Text(if a.late { "true" } else { "false" }.into()),
        ],
    );
}

enum Cell {
    Text(String),
    Number(String),
}

fn row(out: &mut String, cells: impl IntoIterator<Item = Cell>) {
    for (i, cell) in cells.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        match cell {
            Cell::Number(n) => out.push_str(&n),
            Cell::Text(t) => {
                let t = if t.starts_with(FORMULA_STARTS) {
                    format!("'{t}")
                } else {
                    t
                };
                if t.contains([',', '"', '\n', '\r']) || t.starts_with(' ') || t.ends_with(' ') {
                    out.push('"');
                    out.push_str(&t.replace('"', "\"\""));
                    out.push('"');
                } else {
                    out.push_str(&t);
                }
            }
        }
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_a_spreadsheet_would_run_as_formulas_are_quoted() {
        for start in ["=", "+", "-", "@", "\t", "\r"] {
            let mut out = String::new();
            row(&mut out, [Cell::Text(format!("{start}HYPERLINK(\"x\")"))]);
            let cell = out.trim_end_matches("\r\n").trim_start_matches('"');
            assert!(cell.starts_with('\''), "{start:?}: {out:?}");
        }
        let mut out = String::new();
        row(
            &mut out,
            [Cell::Text("Nöjdhet".into()), Cell::Number("-0.4".into())],
        );
        assert_eq!(out, "Nöjdhet,-0.4\r\n");
    }
}
