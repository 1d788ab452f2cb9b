//! Activities (`activity ID "title" { under GOAL … }`), the lowest step of the goal chain:
//! each serves one goal (P0614), has someone who answers for it (P0612) and a deadline
//! (P0613) within the policy period (P0610), starts before its deadline (P0611), and has a
//! budget in whole kronor (P0615). An unknown goal or owner is name resolution's (P0101,
//! P0103, in `model.rs`).

use crate::diagnostic::{Code, Diagnostic};
use crate::model::Model;
use crate::syntax::ast::{Activity, DateLit};

pub fn check(m: &Model) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    for a in &m.activities {
        check_one(m, a, &mut diags);
    }
    diags
}

fn iso(d: &DateLit) -> String {
    format!("{:04}-{:02}-{:02}", d.year, d.month, d.day)
}

fn check_one(m: &Model, a: &Activity, diags: &mut Vec<Diagnostic>) {
    let goal = m.goal_of(a).map(|g| m.goals[g]);
    if a.under.is_none() {
        diags.push(
            Diagnostic::new(
                Code::P0614,
                a.header,
                format!("activity `{}` belongs to no goal", a.id.name),
            )
            .primary("no `under`")
            .help("an activity is done for one goal: add `under GOAL`, naming the goal (a verksamhetsmål) it serves"),
        );
    }
    if a.owner.is_none() {
        let goal_owner = goal.and_then(|g| g.owner.as_ref());
        let diag = Diagnostic::new(
            Code::P0612,
            a.header,
            format!(
                "activity `{}` has no owner: nobody answers for it",
                a.id.name
            ),
        )
        .primary("no `owner`")
        .help(match goal_owner {
            Some(owner) => format!(
                "add `owner {}` (the owner of its goal), or another body",
                owner.name
            ),
            None => "add `owner BODY` naming the committee or administration that carries it out"
                .to_string(),
        });
        diags.push(diag);
    }
    match &a.deadline {
        None => diags.push(
            Diagnostic::new(
                Code::P0613,
                a.header,
                format!("activity `{}` has no deadline", a.id.name),
            )
            .primary("no `deadline`")
            .help("add `deadline YEAR-MONTH-DAY`, such as `deadline 2026-06-30`: without it no report can say whether the activity is late"),
        ),
        Some(deadline) => {
            if let Some(start) = &a.start {
                if (start.year, start.month, start.day)
                    > (deadline.year, deadline.month, deadline.day)
                {
                    diags.push(
                        Diagnostic::new(
                            Code::P0611,
                            start.span,
                            format!(
                                "activity `{}` starts {} but is to be done by {}",
                                a.id.name,
                                iso(start),
                                iso(deadline)
                            ),
                        )
                        .primary("starts after the deadline")
                        .label(deadline.span, "the deadline")
                        .help("the start date comes before the deadline: check both dates (a day and a month swapped?)"),
                    );
                }
            }
        }
    }
    if let Some(period) = m.policy.and_then(|p| p.period) {
        for (date, what) in [(&a.start, "start"), (&a.deadline, "deadline")] {
            let Some(date) = date else { continue };
            if date.year < period.from.value || date.year > period.to.value {
                diags.push(
                    Diagnostic::new(
                        Code::P0610,
                        date.span,
                        format!(
                            "the {what} {} of activity `{}` lies outside the policy period {}..{}",
                            iso(date),
                            a.id.name,
                            period.from.value,
                            period.to.value
                        ),
                    )
                    .primary("outside the period")
                    .label(period.span, "the policy period")
                    .help("choose a date within the policy period, or extend the period: the reports of this policy follow up activities within it"),
                );
            }
        }
    }
    if let Some(budget) = &a.budget {
        let amount = budget.amount.value;
        if !budget.amount.grouped && (amount < 0.0 || amount.fract() != 0.0) {
            diags.push(
                Diagnostic::new(
                    Code::P0615,
                    budget.amount.span,
                    format!(
                        "the budget of activity `{}` must be a whole number of kronor, not negative",
                        a.id.name
                    ),
                )
                .primary("not a whole amount")
                .help("write the budget in whole kronor without separators, such as `budget 250000 kr`"),
            );
        }
    }
}
