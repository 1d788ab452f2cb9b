//! Report occasions (P0603–P0606): what a `report` must say, whether the goals a level must follow
//! up can be followed up there, and, for Swedish policies, the calendar the law sets for the
//! interim report.

use crate::diagnostic::{Code, Diagnostic};
use crate::i18n::Arg;
use crate::model::Model;
use crate::syntax::ast::{MonthDay, Report};
use crate::text;

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
        missing.push(("uses", text!("reports-incomplete.uses")));
    }
    if report.due.is_none() {
        missing.push(("due", text!("reports-incomplete.due")));
    }
    if report.to.is_empty() {
        missing.push(("to", text!("reports-incomplete.to")));
    }
    if missing.is_empty() {
        return;
    }
    let words: Vec<String> = missing.iter().map(|(w, _)| w.to_string()).collect();
    let primary = match missing.as_slice() {
        [(w, _)] => text!("reports-incomplete.no", word = *w),
        _ => text!("reports-incomplete.primary"),
    };
    // "`uses …`; `due …`": the forms to add, one after the other.
    let forms = missing
        .into_iter()
        .map(|(_, form)| form)
        .rev()
        .reduce(|rest, first| text!("reports-incomplete.then", first = first, second = rest));
    let header = report.id.span.join(report.name.span);
    let mut diag = Diagnostic::new(
        Code::P0603,
        header,
        text!(
            "reports-incomplete",
            report = &report.id.name,
            words = Arg::AndList(words),
        ),
    )
    .primary(primary);
    if let Some(forms) = forms {
        diag = diag.help(text!("reports-incomplete.help", forms = forms));
    }
    diags.push(diag);
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
                text!("reports-covers-order", report = &report.id.name),
            )
            .primary(text!("reports-covers-order.primary"))
            .help(text!("reports-covers-order.help")),
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
                text!(
                    "reports-interim-length",
                    report = &report.id.name,
                    months = shown,
                ),
            )
            .primary(if months < 6.0 {
                text!("reports-interim-length.short")
            } else {
                text!("reports-interim-length.long")
            })
            .help(text!("reports-interim-length.help")),
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
                text!(
                    "reports-interim-late",
                    report = &report.id.name,
                    due = month_day(due),
                    next = if report.due_next_year { "yes" } else { "no" },
                    end = month_day(end),
                ),
            )
            .primary(text!("reports-interim-late.primary"))
            .label(covers.span, text!("reports-interim-late.covers"))
            .help(text!(
                "reports-interim-late.help",
                limit = month_day(limit),
                next = if wraps { "yes" } else { "no" },
            )),
        );
    }
}

/// `08-31`: a day of the year as the policy writes it.
fn month_day(md: MonthDay) -> String {
    format!("{:02}-{:02}", md.month, md.day)
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
                text!(
                    "reports-children-not-followed",
                    goal = &goal.id.name,
                    report = &report,
                ),
            )
            .primary(text!(
                "reports-children-not-followed.primary",
                report = &report,
            ));
            if let Some(r) = from_level {
                diag = diag.label(r.span, text!("reports-children-not-followed.level"));
            }
            diags.push(diag.help(text!(
                "reports-children-not-followed.help",
                report = &report,
                goal = &goal.id.name,
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
