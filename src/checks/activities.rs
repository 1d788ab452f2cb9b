//! Activities (`activity ID "title" { under GOAL … }`), the lowest step of the goal chain:
//! each serves one goal (P0614), has someone who answers for it (P0612) and a deadline
//! (P0613) within the policy period (P0610), starts before its deadline (P0611), and has a
//! budget in whole kronor (P0615). An unknown goal or owner is name resolution's (P0101,
//! P0103, in `model.rs`).

use crate::diagnostic::{Code, Diagnostic};
use crate::model::Model;
use crate::syntax::ast::{Activity, DateLit};
use crate::text;

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
                text!("activity-no-goal", activity = &a.id.name),
            )
            .primary(text!("activity-no-goal.primary"))
            .help(text!("activity-no-goal.help")),
        );
    }
    if a.owner.is_none() {
        let goal_owner = goal.and_then(|g| g.owner.as_ref());
        let diag = Diagnostic::new(
            Code::P0612,
            a.header,
            text!("activity-no-owner", activity = &a.id.name),
        )
        .primary(text!("activity-no-owner.primary"))
        .help(match goal_owner {
            Some(owner) => text!("activity-no-owner.help-goal-owner", owner = &owner.name),
            None => text!("activity-no-owner.help"),
        });
        diags.push(diag);
    }
    match &a.deadline {
        None => diags.push(
            Diagnostic::new(
                Code::P0613,
                a.header,
                text!("activity-no-deadline", activity = &a.id.name),
            )
            .primary(text!("activity-no-deadline.primary"))
            .help(text!("activity-no-deadline.help")),
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
                            text!(
                                "activity-starts-late",
                                activity = &a.id.name,
                                start = iso(start),
                                deadline = iso(deadline),
                            ),
                        )
                        .primary(text!("activity-starts-late.primary"))
                        .label(deadline.span, text!("activity-starts-late.deadline"))
                        .help(text!("activity-starts-late.help")),
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
                        text!(
                            "activity-outside-period",
                            what = what,
                            date = iso(date),
                            activity = &a.id.name,
                            from = period.from.value,
                            to = period.to.value,
                        ),
                    )
                    .primary(text!("activity-outside-period.primary"))
                    .label(period.span, text!("activity-outside-period.period"))
                    .help(text!("activity-outside-period.help")),
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
                    text!("activity-budget", activity = &a.id.name),
                )
                .primary(text!("activity-budget.primary"))
                .help(text!("activity-budget.help")),
            );
        }
    }
}
