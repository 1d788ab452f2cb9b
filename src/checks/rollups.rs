//! Rollup consistency (P0308, P0309): which combinations of child statuses get which status.
//!
//! Rollups count children per status; every combination of statuses is enumerated for
//! each number of children up to a bound that covers every count threshold, plus the
//! child counts at which each share threshold can be met exactly.

use crate::diagnostic::{Code, Diagnostic};
use crate::model::Model;
use crate::syntax::ast::{Atom, Cond, Rule};
use std::collections::BTreeSet;

pub fn check(m: &Model) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    let statuses: Vec<String> = m.scale.iter().map(|s| s.name.clone()).collect();
    for rollup in &m.rollups {
        check_rollup(rollup, &statuses, &mut diags);
    }
    diags
}

/// What each band did over all analysed combinations.
#[derive(Default, Clone)]
struct BandStats {
    holds: bool,
    first: bool,
    /// Earlier bands that took combinations where this one held.
    shadowed_by: BTreeSet<usize>,
}

/// Status counts of a goal's children, in scale order.
pub fn rollup_matches(cond: &Cond, statuses: &[String], counts: &[usize]) -> bool {
    let n: usize = counts.iter().sum();
    let count = |s: &crate::syntax::ast::Ident| {
        statuses
            .iter()
            .position(|x| *x == s.name)
            .map_or(0, |i| counts[i])
    };
    match cond {
        Cond::And(items) => items.iter().all(|c| rollup_matches(c, statuses, counts)),
        Cond::Or(items) => items.iter().any(|c| rollup_matches(c, statuses, counts)),
        Cond::Not(inner, _) => !rollup_matches(inner, statuses, counts),
        Cond::Atom(atom, _) => match atom {
            Atom::All(s) => n > 0 && count(s) == n,
            Atom::Any(s) => count(s) > 0,
            Atom::NoneOf(s) => count(s) == 0,
            Atom::Share(s, op, f) => n > 0 && op.holds(count(s) as f64 / n as f64, *f),
            Atom::Count(s, op, k) => op.holds(count(s) as f64, *k),
            _ => false,
        },
    }
}

/// Child counts to enumerate for a rollup: every count up to a bound that covers each count
/// threshold, plus the sizes at which each share threshold can be met exactly.
fn child_counts(rollup: &Rule, statuses: usize) -> Vec<usize> {
    let mut max_count = 0.0f64;
    let mut sizes = BTreeSet::new();
    for band in &rollup.bands {
        let Some(cond) = &band.condition else {
            continue;
        };
        for (atom, _) in cond.atoms() {
            match atom {
                Atom::Count(_, _, k) => max_count = max_count.max(*k),
                Atom::Share(_, _, f) => {
                    let denominator = share_denominator(*f);
                    sizes.insert(denominator);
                    sizes.insert(denominator * 2);
                }
                _ => {}
            }
        }
    }
    let bound = (max_count.ceil() as usize + statuses + 2).max(12);
    sizes.extend(1..=bound);
    // Keep the enumeration affordable: the number of combinations grows as n^(statuses-1).
    sizes
        .into_iter()
        .filter(|&n| combinations(n, statuses) <= 2_000_000)
        .collect()
}

fn share_denominator(f: f64) -> usize {
    (1..=100)
        .find(|&d| ((f * d as f64) - (f * d as f64).round()).abs() < 1e-9)
        .unwrap_or(100)
}

fn combinations(n: usize, k: usize) -> u64 {
    // C(n + k - 1, k - 1)
    let (top, pick) = ((n + k).saturating_sub(1) as u64, k.saturating_sub(1) as u64);
    let mut r: u64 = 1;
    for i in 0..pick {
        r = r.saturating_mul(top - i) / (i + 1);
    }
    r
}

/// Calls `f` with every way of splitting `n` children over `k` statuses.
fn for_each_split(n: usize, k: usize, f: &mut impl FnMut(&[usize])) {
    fn go(rest: usize, slot: usize, counts: &mut Vec<usize>, f: &mut impl FnMut(&[usize])) {
        if slot + 1 == counts.len() {
            counts[slot] = rest;
            f(counts);
            return;
        }
        for c in 0..=rest {
            counts[slot] = c;
            go(rest - c, slot + 1, counts, f);
        }
    }
    if k == 0 {
        return;
    }
    let mut counts = vec![0; k];
    go(n, 0, &mut counts, f);
}

fn check_rollup(rollup: &Rule, statuses: &[String], diags: &mut Vec<Diagnostic>) {
    let mut stats = vec![BandStats::default(); rollup.bands.len()];
    let mut gap: Option<Vec<usize>> = None;
    for n in child_counts(rollup, statuses.len()) {
        for_each_split(n, statuses.len(), &mut |counts| {
            let holds: Vec<bool> = rollup
                .bands
                .iter()
                .map(|b| match &b.condition {
                    None => true,
                    Some(c) => rollup_matches(c, statuses, counts),
                })
                .collect();
            let first = holds.iter().position(|&h| h);
            for (i, &h) in holds.iter().enumerate() {
                if h {
                    stats[i].holds = true;
                    match first {
                        Some(f) if f == i => stats[i].first = true,
                        Some(f) => {
                            stats[i].shadowed_by.insert(f);
                        }
                        None => {}
                    }
                }
            }
            if first.is_none() && gap.is_none() {
                gap = Some(counts.to_vec());
            }
        });
    }
    for (i, band) in rollup.bands.iter().enumerate() {
        let s = &stats[i];
        if s.first {
            continue;
        }
        let mut diag = Diagnostic::new(
            Code::P0309,
            band.span,
            if s.holds {
                format!(
                    "the `{}` band in rollup `{}` can never match: earlier bands already take every combination it covers",
                    band.status.name, rollup.id.name
                )
            } else {
                format!(
                    "the `{}` band in rollup `{}` can never match: no combination of child statuses satisfies it",
                    band.status.name, rollup.id.name
                )
            },
        )
        .primary("never the first match")
        .help("bands are tried in order and the first match wins; reorder the bands or correct the condition");
        for &earlier in &s.shadowed_by {
            let e = &rollup.bands[earlier];
            diag = diag.label(
                e.span,
                format!(
                    "the `{}` band takes these combinations first",
                    e.status.name
                ),
            );
        }
        diags.push(diag);
    }
    if let Some(counts) = gap {
        diags.push(
            Diagnostic::new(
                Code::P0308,
                rollup.id.span,
                format!(
                    "rollup `{}` leaves some goals without a status: {} get no status",
                    rollup.id.name,
                    describe_children(statuses, &counts)
                ),
            )
            .primary("not every combination gets a status")
            .help(
                "add a band for this combination, usually a last band such as `yellow otherwise`",
            ),
        );
    }
}

/// "children green and grey" / "3 children: 2 red and 1 yellow" / "a single grey child".
fn describe_children(statuses: &[String], counts: &[usize]) -> String {
    let n: usize = counts.iter().sum();
    let parts: Vec<(usize, &String)> = counts
        .iter()
        .zip(statuses)
        .filter(|(c, _)| **c > 0)
        .map(|(c, s)| (*c, s))
        .collect();
    let join = |items: Vec<String>| match items.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    };
    if n == 1 {
        return format!("goals whose only child is {}", parts[0].1);
    }
    if parts.iter().all(|(c, _)| *c == 1) {
        return format!(
            "goals with the children {}",
            join(parts.iter().map(|(_, s)| s.to_string()).collect())
        );
    }
    format!(
        "goals with {n} children, {}",
        join(parts.iter().map(|(c, s)| format!("{c} {s}")).collect())
    )
}
