//! The one meaning of a compiled rule and a compiled rollup.
//!
//! `pejl build` emits each goal's rule as [`Evaluable`] bands and each rollup as
//! [`RollupCondition`] bands; this module is the only place that says what they mean. The
//! evaluator (`eval.rs`, reports, the editor's live statuses) runs [`decide`] and
//! [`decide_rollup`] on measured data, and the static analysis (`checks/rules.rs`,
//! `checks/rollups.rs`) runs the very same functions on its witness points, so a check can
//! never prove something the evaluator does not do.
//!
//! Semantics, in one place (docs/language.md and docs/reports.md say the same for users):
//! - A comparison is three-valued: *unknown* when the value or the number it compares with
//!   (the benchmark of that kind for the year) is missing. `and`, `or`, `not` are Kleene's.
//! - In a year with a milestone, a comparison with the target compares with the milestone
//!   (times the same factor, plus the same offset).
//! - A present value: bands are tried in order; the first whose condition is true gives the
//!   status, `otherwise` is true. A band that cannot be decided (its condition is unknown)
//!   stops the search: the goal cannot be assessed, and `otherwise` never fires on a
//!   question that was not answered ([`Decision::Undecided`]).
//! - A missing value: the first band whose condition is true for a missing value (one that
//!   says `missing`) gives the status; `otherwise` and undecided bands do not take it. So
//!   `grey when missing` may stand anywhere in the rule.

use crate::ir::{BandOut, Evaluable, RollupCondition};
use crate::syntax::ast::CmpOp;

/// Three-valued truth.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tri {
    True,
    False,
    Unknown,
}

impl Tri {
    pub fn of(b: bool) -> Tri {
        if b {
            Tri::True
        } else {
            Tri::False
        }
    }

    #[allow(clippy::should_implement_trait)]
    pub fn not(self) -> Tri {
        match self {
            Tri::True => Tri::False,
            Tri::False => Tri::True,
            Tri::Unknown => Tri::Unknown,
        }
    }
}

/// What one goal's compiled rule is judged by in one year.
#[derive(Debug, Clone, Copy)]
pub struct Facts<'a> {
    pub value: Option<f64>,
    /// The milestone of the year, if the goal has one: it replaces the target.
    pub milestone: Option<f64>,
    /// The benchmarks of the year by kind, the indicator's first benchmark first. A kind that
    /// is absent, or present with `None`, is missing.
    pub benchmarks: &'a [(&'a str, Option<f64>)],
}

impl Facts<'_> {
    /// The benchmark a comparison names (`None`: the indicator's first).
    pub fn benchmark(&self, kind: Option<&str>) -> Option<f64> {
        match kind {
            None => self.benchmarks.first().and_then(|(_, v)| *v),
            Some(k) => self
                .benchmarks
                .iter()
                .find(|(name, _)| *name == k)
                .and_then(|(_, v)| *v),
        }
    }
}

/// The number a compiled comparison compares the value with, in these facts: `None` when it
/// needs a benchmark that is missing.
pub fn threshold(e: &Evaluable, f: &Facts) -> Option<f64> {
    let Evaluable::Compare {
        number,
        benchmark_factor,
        benchmark,
        target_factor,
        offset,
        ..
    } = e
    else {
        return None;
    };
    let offset = offset.unwrap_or(0.0);
    if let (Some(factor), Some(m)) = (target_factor, f.milestone) {
        return Some(m * factor + offset);
    }
    match (number, benchmark_factor) {
        (Some(n), _) => Some(*n),
        (None, Some(k)) => f.benchmark(benchmark.as_deref()).map(|b| b * k + offset),
        (None, None) => None,
    }
}

/// Whether a compiled condition holds, three-valued.
pub fn eval(e: &Evaluable, f: &Facts) -> Tri {
    match e {
        Evaluable::Missing => Tri::of(f.value.is_none()),
        Evaluable::Compare { op, .. } => match (f.value, threshold(e, f)) {
            (Some(v), Some(t)) => Tri::of(op.holds(v, t)),
            _ => Tri::Unknown,
        },
        Evaluable::Not(inner) => eval(inner, f).not(),
        Evaluable::And(items) => {
            let mut out = Tri::True;
            for item in items {
                match eval(item, f) {
                    Tri::False => return Tri::False,
                    Tri::Unknown => out = Tri::Unknown,
                    Tri::True => {}
                }
            }
            out
        }
        Evaluable::Or(items) => {
            let mut out = Tri::False;
            for item in items {
                match eval(item, f) {
                    Tri::True => return Tri::True,
                    Tri::Unknown => out = Tri::Unknown,
                    Tri::False => {}
                }
            }
            out
        }
    }
}

/// What a rule gives one goal in one year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// This band is the first that holds.
    Band(usize),
    /// The value is present, but this band, the first that could still match, cannot be
    /// decided: a number it compares with is missing. Not assessable.
    Undecided(usize),
    /// The value is present and every band is false: the rule has a gap (P0302).
    NoBand,
    /// The value is missing and no band takes a missing value (P0307).
    MissingUnmatched,
}

/// Whether one band holds: its condition, or for `otherwise`, that the value is present.
pub fn band_truth(band: &BandOut<Evaluable>, f: &Facts) -> Tri {
    match &band.when {
        None => Tri::of(f.value.is_some()),
        Some(c) => eval(c, f),
    }
}

/// The first-match decision of a compiled rule (see the module comment): an unknown band
/// stops the search for a present value and is passed over for a missing one.
pub fn decide(bands: &[BandOut<Evaluable>], f: &Facts) -> Decision {
    for (i, band) in bands.iter().enumerate() {
        match band_truth(band, f) {
            Tri::True => return Decision::Band(i),
            Tri::Unknown if f.value.is_some() => return Decision::Undecided(i),
            _ => {}
        }
    }
    if f.value.is_some() {
        Decision::NoBand
    } else {
        Decision::MissingUnmatched
    }
}

/// The statuses of a goal's children: how many have each status, and how many in all.
pub trait Tally {
    fn count(&self, status: &str) -> usize;
    fn total(&self) -> usize;
}

/// The denominator of shares: parts per billion.
pub const SHARE_PARTS: i128 = 1_000_000_000;

/// A share in parts per billion. A share is between 0 and 1, so a fraction outside that range
/// compares the same as one just beyond it; clamping keeps the arithmetic far from overflow
/// (`share green >= 1e40%`).
pub fn share_parts(fraction: f64) -> i128 {
    (fraction.clamp(-1.0, 2.0) * SHARE_PARTS as f64).round() as i128
}

/// `count / total op fraction`, decided exactly: a share written as a percentage with up to
/// seven decimals is compared in whole parts per billion, so 7 of 10 meets 70 %.
pub fn share_holds(count: usize, total: usize, op: CmpOp, fraction: f64) -> bool {
    if total == 0 {
        return op.holds(0.0, fraction);
    }
    let lhs = count as i128 * SHARE_PARTS;
    let rhs = share_parts(fraction) * total as i128;
    match op {
        CmpOp::Ge => lhs >= rhs,
        CmpOp::Gt => lhs > rhs,
        CmpOp::Le => lhs <= rhs,
        CmpOp::Lt => lhs < rhs,
        CmpOp::Eq => lhs == rhs,
        CmpOp::Ne => lhs != rhs,
    }
}

/// Whether a compiled rollup condition holds for these child statuses.
pub fn eval_rollup(c: &RollupCondition, t: &dyn Tally) -> bool {
    match c {
        RollupCondition::And(items) => items.iter().all(|i| eval_rollup(i, t)),
        RollupCondition::Or(items) => items.iter().any(|i| eval_rollup(i, t)),
        RollupCondition::Not(inner) => !eval_rollup(inner, t),
        RollupCondition::Count { status, op, number } => op.holds(t.count(status) as f64, *number),
        RollupCondition::Share {
            status,
            op,
            fraction,
        } => share_holds(t.count(status), t.total(), *op, *fraction),
    }
}

/// Whether one rollup band holds (`otherwise` always does).
pub fn rollup_band_holds(band: &BandOut<RollupCondition>, t: &dyn Tally) -> bool {
    band.when.as_ref().is_none_or(|c| eval_rollup(c, t))
}

/// The first rollup band that holds. Rollups run only for goals with at least one assessed
/// child.
pub fn decide_rollup(bands: &[BandOut<RollupCondition>], t: &dyn Tally) -> Option<usize> {
    bands.iter().position(|b| rollup_band_holds(b, t))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kleene_logic() {
        assert_eq!(Tri::Unknown.not(), Tri::Unknown);
        assert_eq!(Tri::True.not(), Tri::False);
    }

    #[test]
    fn shares_are_exact() {
        assert!(share_holds(7, 10, CmpOp::Ge, 0.7));
        assert!(share_holds(29, 100, CmpOp::Ge, 0.29));
        assert!(!share_holds(28, 100, CmpOp::Ge, 0.29));
        assert!(share_holds(1, 3, CmpOp::Lt, 0.334));
        assert!(share_holds(5, 10, CmpOp::Eq, 0.5));
        assert!(!share_holds(5, 10, CmpOp::Gt, 0.5));
        // Absurd shares neither overflow nor change meaning.
        assert!(!share_holds(5, 10, CmpOp::Ge, 1e38));
        assert!(share_holds(5, 10, CmpOp::Ge, -1e38));
        assert!(!share_holds(
            usize::MAX >> 11,
            usize::MAX >> 11,
            CmpOp::Gt,
            1e300
        ));
    }
}
