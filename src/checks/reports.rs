//! Report occasions (P0603–P0606): what a `report` must say, whether the goals a level must follow
//! up can be followed up there, and, for Swedish policies, the calendar the law sets for the
//! interim report.

use crate::diagnostic::{Code, Diagnostic};
use crate::model::Model;
use crate::syntax::ast::{MonthDay, Report};

pub fn check(m: &Model) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    for report in &m.reports {
        required_statements(report, &mut diags);
    }
    if m.policy
        .and_then(|p| p.country.as_ref())
        .is_some_and(|c| c.name == "se")
    {
        for report in &m.reports {
            swedish_interim_calendar(report, &mut diags);
        }
    }
    followed_up_where_children_are(m, &mut diags);
    diags
}

/// P0603: a report must say which values count, when it is due and to whom it goes.
fn required_statements(report: &Report, diags: &mut Vec<Diagnostic>) {
    let mut missing = Vec::new();
    if report.uses.is_none() {
        missing.push((
            "uses",
            "`uses forecast` (an interim report) or `uses actual`",
        ));
    }
    if report.due.is_none() {
        missing.push((
            "due",
            "`due 08-31`, or `due 04-15 next year` for an annual report",
        ));
    }
    if report.to.is_empty() {
        missing.push(("to", "`to KF` (or several: `to KF, KS`)"));
    }
    if missing.is_empty() {
        return;
    }
    let words: Vec<String> = missing.iter().map(|(w, _)| format!("`{w}`")).collect();
    let forms: Vec<&str> = missing.iter().map(|(_, f)| *f).collect();
    let header = report.id.span.join(report.name.span);
    diags.push(
        Diagnostic::new(
            Code::P0603,
            header,
            format!(
                "report `{}` does not say {}",
                report.id.name,
                crate::checks::smart::join_words(&words)
            ),
        )
        .primary(match missing.as_slice() {
            [(w, _)] => format!("no `{w}`"),
            _ => "incomplete report".to_string(),
        })
        .help(format!("add {}", forms.join("; "))),
    );
}

/// Days from the start of the year to `md` (1 January is day 1), in a year that is not a leap
/// year: the law's fractions of a year need no more precision.
fn day_of_year(md: MonthDay) -> u32 {
    const BEFORE: [u32; 12] = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
    let month = md.month.clamp(1, 12) as usize;
    BEFORE.get(month - 1).copied().unwrap_or(0) + md.day
}

/// P0605 and P0606, for `country se`: an interim report (a report covering part of the year)
/// must cover at least half and at most two thirds of the year (lag om kommunal bokföring och
/// redovisning, 13 kap. 1 §) and be dealt with within two months of the end of its period
/// (kommunallagen 11 kap. 16 §).
fn swedish_interim_calendar(report: &Report, diags: &mut Vec<Diagnostic>) {
    let Some(covers) = report.covers else {
        return;
    };
    let (from, to) = (day_of_year(covers.from), day_of_year(covers.to));
    if from > to {
        diags.push(
            Diagnostic::new(
                Code::P0503,
                covers.span,
                format!(
                    "the period of report `{}` ends before it starts",
                    report.id.name
                ),
            )
            .primary("out of order")
            .help("write the first day first: `covers 01-01..08-31`"),
        );
        return;
    }
    // In months, as the law counts: January–June is six, 1–15 March half of one.
    let months = f64::from(covers.to.month) - f64::from(covers.from.month)
        + (f64::from(covers.to.day) - f64::from(covers.from.day) + 1.0)
            / f64::from(days_in(covers.to.month));
    if months >= 12.0 - 1e-9 {
        return; // the whole year: the annual report
    }
    if !(6.0 - 1e-9..=8.0 + 1e-9).contains(&months) {
        let shown = (months * 10.0).round() / 10.0;
        diags.push(
            Diagnostic::new(
                Code::P0605,
                covers.span,
                format!(
                    "the interim report `{}` covers {} months of the year; the law asks for at least half and at most two thirds of it",
                    report.id.name,
                    crate::checks::smart::fmt_num(shown)
                ),
            )
            .primary(if months < 6.0 { "less than half the year" } else { "more than two thirds of the year" })
            .help("an interim report covers at least six and at most eight months (LKBR 13 kap. 1 §): `covers 01-01..06-30` to `covers 01-01..08-31`"),
        );
    }
    // A full date's year is known only with the year reported on: not checked here.
    let Some(due) = report.due.filter(|d| d.year.is_none()) else {
        return;
    };
    let end = covers.to;
    // Two months after the end of the period, the same day of the month (or the month's last).
    let (limit_month, wraps) = if end.month + 2 > 12 {
        (end.month + 2 - 12, true)
    } else {
        (end.month + 2, false)
    };
    // The end of a month (30 June) is followed two months later by the end of that month (31 August).
    let month_end = end.day >= days_in(end.month);
    let limit = MonthDay {
        year: None,
        month: limit_month,
        day: if month_end {
            days_in(limit_month)
        } else {
            end.day.min(days_in(limit_month))
        },
        span: due.span,
    };
    let in_year = |md: MonthDay, next: bool| day_of_year(md) + if next { 365 } else { 0 };
    if in_year(due, report.due_next_year) > in_year(limit, wraps) {
        diags.push(
            Diagnostic::new(
                Code::P0606,
                due.span,
                format!(
                    "the interim report `{}` is due {:02}-{:02}{}, more than two months after the end of its period {:02}-{:02}",
                    report.id.name,
                    due.month,
                    due.day,
                    if report.due_next_year { " the year after" } else { "" },
                    end.month,
                    end.day
                ),
            )
            .primary("later than the law allows")
            .label(covers.span, "the period it covers")
            .help(format!(
                "the council deals with the interim report within two months of the end of its period (KL 11 kap. 16 §): due {:02}-{:02}{} at the latest",
                limit.month,
                limit.day,
                if wraps { " next year" } else { "" }
            )),
        );
    }
}

fn days_in(month: u32) -> u32 {
    match month {
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// P0604: a goal that must be followed up in a report (its own `follow-up` or its level's
/// `followed up in`) but whose status comes from children none of which is followed up there:
/// the report would show it as "not followed up".
fn followed_up_where_children_are(m: &Model, diags: &mut Vec<Diagnostic>) {
    let max_depth = m.chain.map_or(1, |c| c.levels.len() + 1);
    for (i, goal) in m.goals.iter().enumerate() {
        let Some(level) = m.level_of(goal) else {
            continue;
        };
        if level.assessed_by.is_none() || m.children[i].is_empty() {
            continue; // measured, or no children (P0205)
        }
        for report in m.follow_up_of(goal) {
            if m.children[i]
                .iter()
                .any(|&c| reaches(m, c, &report, max_depth))
            {
                continue;
            }
            let from_level = level.followed_up.iter().find(|r| r.name == report);
            let mut diag = Diagnostic::new(
                Code::P0604,
                goal.header,
                format!(
                    "goal `{}` is to be followed up in `{report}`, but none of the goals under it is followed up there",
                    goal.id.name
                ),
            )
            .primary(format!("would show as not followed up in `{report}`"));
            if let Some(r) = from_level {
                diag = diag.label(r.span, "the level asks for it here");
            }
            diags.push(diag.help(format!(
                "add `{report}` to the `follow-up` of the goals under `{}`, or follow this goal up elsewhere",
                goal.id.name
            )));
        }
    }
}

/// Whether goal `i` gets a status in `report`: a measured goal named there; a goal assessed by a
/// rollup when it may be followed up there and one of its children gets one.
fn reaches(m: &Model, i: usize, report: &str, depth: usize) -> bool {
    let goal = &m.goals[i];
    let follow = m.follow_up_of(goal);
    let assessed = m.level_of(goal).is_some_and(|l| l.assessed_by.is_some());
    if !assessed {
        return follow.iter().any(|r| r == report);
    }
    if depth == 0 || !(follow.is_empty() || follow.iter().any(|r| r == report)) {
        return false;
    }
    m.children[i]
        .iter()
        .any(|&c| reaches(m, c, report, depth - 1))
}
