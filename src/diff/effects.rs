//! What a change of a goal's rule, target, baseline, milestones or indicator does to the
//! statuses its values get, and what a changed rollup does to the goals it assesses.
//!
//! # Value ranges, exactly
//!
//! For one goal and one kind of year (each milestone year, and the years without one), the
//! old and the new compiled rule ([`crate::ir::GoalOut::evaluation`]) each compare the value
//! with thresholds: constants (a number, the target, the baseline, the milestone) and lines
//! `k × benchmark + o`. The witness points of both rules together
//! ([`rules::joint_witnesses`]) visit every cell of the arrangement of all those thresholds;
//! each is decided by both rules with [`interpret::decide`] — the evaluator's function — so no
//! status here comes from anywhere else.
//!
//! A point's *cell* is where its value lies relative to each threshold: below, at or above
//! (with the tolerance [`CmpOp::holds`] compares with), or unknown when the value or that
//! benchmark is missing. Every comparison of both rules is true or false on a whole cell, so
//! both decisions are too. The cells where the decisions differ are then described as a few
//! conjunctions of bounds ("below 75 and from 90% up to but not including 95% of the county
//! average"), each grown greedily from one such cell as long as it takes in no cell where the
//! change is another one (or none). Every changed cell lies in a description of its change and
//! no other cell in any, so the statements are exact, and "nothing else changes" is proved.
//! (Benchmarks are positive, as the rule analysis assumes.)
//!
//! # Rollups
//!
//! A rollup is decided by [`interpret::decide_rollup`] on every combination of child statuses
//! with at most as many children as the goals it assesses have (a child not followed up is
//! left out, so any smaller number can occur too).

use super::num;
use crate::checks::rollups::Counts;
use crate::checks::rules::{self, benchmark_words, Budget, Context, Witness, RULE_BUDGET};
use crate::interpret::{self, Decision, Facts};
use crate::ir::{BandOut, Compiled, Evaluable, GoalOut, IndicatorOut, RollupCondition};
use crate::syntax::ast::{BenchmarkKind, CmpOp, Direction};
use schemars::JsonSchema;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

/// What a goal's value gets, by one version's rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Outcome {
    /// The status (for `not_assessable` and `no_band`, the scale's not-assessable status,
    /// which reports show).
    pub status: Option<String>,
    pub how: How,
    /// The band requires a written motivation.
    pub requires_motivation: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum How {
    /// A band of the rule matched.
    Band,
    /// The first band that could match cannot be decided: a benchmark it needs is missing.
    NotAssessable,
    /// No band takes the value.
    NoBand,
}

impl Outcome {
    /// "yellow", "grey (motivation required)", "not assessable (grey)".
    pub fn text(&self) -> String {
        let status = self.status.as_deref().unwrap_or("grey");
        let mut text = match self.how {
            How::Band => status.to_string(),
            How::NotAssessable => format!("not assessable ({status})"),
            How::NoBand => format!("no status ({status} in reports)"),
        };
        if self.requires_motivation {
            text.push_str(" with a required motivation");
        }
        text
    }
}

/// What a goal's changes do to the statuses of its values.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct ValueEffect {
    /// The indicator that measures the goal (new version).
    pub indicator: Option<String>,
    pub direction: Option<Direction>,
    pub rule_old: Option<String>,
    pub rule_new: Option<String>,
    /// The value ranges whose status changes, by kind of year. Empty: no value changes status.
    pub periods: Vec<PeriodEffect>,
    /// False when the rules were too large to work out completely (what is listed holds).
    pub complete: bool,
}

/// The changes in some kinds of year.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct PeriodEffect {
    /// The milestone years these changes hold in, each with its milestone in either version.
    pub years: Vec<MilestoneYear>,
    /// They also hold in every year without a milestone in either version.
    pub other_years: bool,
    pub changes: Vec<RangeChange>,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct MilestoneYear {
    pub year: i32,
    pub old: Option<f64>,
    pub new: Option<f64>,
}

/// Values whose status changes: every value that meets all `constraints` (and, when
/// `missing_benchmarks` names kinds, only when those benchmarks are missing).
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct RangeChange {
    /// "values below 75 and from 90% up to but not including 95% of the county average go
    /// from yellow to red"
    pub text: String,
    /// The values, as `text` names them.
    pub values: String,
    /// The change is for a missing value.
    pub value_missing: bool,
    /// The benchmark kinds that are missing for this change (county, national, …).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub missing_benchmarks: Vec<String>,
    /// Benchmark kinds that must be known for this change, besides those `constraints` compare
    /// with.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub known_benchmarks: Vec<String>,
    pub constraints: Vec<Constraint>,
    pub from: Outcome,
    pub to: Outcome,
}

/// `value RELATION threshold`.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Constraint {
    pub relation: Relation,
    pub threshold: Threshold,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    Below,
    AtMost,
    Exactly,
    AtLeast,
    Above,
}

/// A number, or `factor × the benchmark of kind + offset`.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Threshold {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<f64>,
    /// county, national, peers or group.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub benchmark: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub factor: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offset: Option<f64>,
}

/// What a changed rollup does to the goals assessed by it.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct RollupEffect {
    pub rollup_old: Option<String>,
    pub rollup_new: Option<String>,
    /// The goals concerned, each with its number of children (the most in either version).
    pub goals: Vec<GoalChildren>,
    /// Every combination of child statuses (up to the most children of those goals) whose
    /// status changes. Empty: none does.
    pub changes: Vec<CombinationChange>,
    /// False when there were too many combinations to try them all (what is listed holds).
    pub complete: bool,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct GoalChildren {
    pub id: String,
    pub children: usize,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct CombinationChange {
    /// Assessed children per status (statuses with none left out).
    pub counts: BTreeMap<String, usize>,
    /// The number of assessed children.
    pub children: usize,
    /// "1 green and 1 red"
    pub text: String,
    pub from: Outcome,
    pub to: Outcome,
}

/// One version's side of a goal: its compiled rule and what it is judged in.
struct Side<'a> {
    bands: &'a [BandOut<Evaluable>],
    ctx: Context,
    not_assessable: Option<String>,
}

/// A compiled policy with its indicators by ID.
pub struct Indexed<'a> {
    pub compiled: &'a Compiled,
    indicators: HashMap<&'a str, &'a IndicatorOut>,
}

impl<'a> Indexed<'a> {
    pub fn new(compiled: &'a Compiled) -> Self {
        Indexed {
            compiled,
            indicators: compiled
                .indicators
                .iter()
                .map(|i| (i.id.as_str(), i))
                .collect(),
        }
    }

    fn indicator(&self, g: &GoalOut) -> Option<&'a IndicatorOut> {
        g.measure
            .as_deref()
            .and_then(|m| self.indicators.get(m).copied())
    }
}

fn side<'a>(c: &Indexed<'a>, g: &'a GoalOut) -> Option<Side<'a>> {
    let bands = g.evaluation.as_deref()?;
    let ind = c.indicator(g);
    let kinds: Vec<BenchmarkKind> = ind
        .map(|i| {
            i.benchmarks
                .iter()
                .filter_map(|b| BenchmarkKind::parse(&b.kind))
                .collect()
        })
        .unwrap_or_default();
    Some(Side {
        bands,
        ctx: Context {
            direction: ind.and_then(|i| i.direction).unwrap_or(Direction::Higher),
            milestone: None,
            milestone_year: None,
            kinds: Context::kinds_of(&kinds),
            lower: ind.and_then(|i| i.unit_min),
            upper: ind.and_then(|i| i.unit_max),
        },
        not_assessable: c
            .compiled
            .scale
            .iter()
            .find(|s| s.not_assessable)
            .map(|s| s.name.clone()),
    })
}

fn outcome(d: Decision, bands: &[BandOut<Evaluable>], grey: &Option<String>) -> Outcome {
    match d {
        Decision::Band(b) => Outcome {
            status: Some(bands[b].status.clone()),
            how: How::Band,
            requires_motivation: bands[b].requires_motivation,
        },
        Decision::Undecided(_) => {
            // Reports apply the rule's own band for the not-assessable status, if it has one.
            let own = bands.iter().find(|b| Some(&b.status) == grey.as_ref());
            Outcome {
                status: grey.clone(),
                how: How::NotAssessable,
                requires_motivation: own.is_some_and(|b| b.requires_motivation),
            }
        }
        Decision::NoBand | Decision::MissingUnmatched => Outcome {
            status: grey.clone(),
            how: How::NoBand,
            requires_motivation: false,
        },
    }
}

/// What the changes of one paired goal do to its values' statuses; `None` unless both
/// versions measure it with a rule.
pub fn value_effect(
    old_c: &Indexed,
    og: &GoalOut,
    new_c: &Indexed,
    ng: &GoalOut,
) -> Option<ValueEffect> {
    let old = side(old_c, og)?;
    let new = side(new_c, ng)?;
    let milestone = |g: &GoalOut, year: i32| {
        g.milestones
            .iter()
            .find(|m| m.year == Some(year))
            .map(|m| m.value)
    };
    let mut years: Vec<i32> = og
        .milestones
        .iter()
        .chain(&ng.milestones)
        .filter_map(|m| m.year)
        .collect();
    years.sort_unstable();
    years.dedup();
    // Each kind of year: a milestone year (the milestones of either version) or the others.
    let mut contexts: Vec<(Option<i32>, Option<f64>, Option<f64>)> = years
        .iter()
        .map(|&y| (Some(y), milestone(og, y), milestone(ng, y)))
        .collect();
    contexts.push((None, None, None));
    let lower = match (old.ctx.lower, new.ctx.lower) {
        (Some(a), Some(b)) => Some(a.min(b)),
        _ => None,
    };
    let upper = match (old.ctx.upper, new.ctx.upper) {
        (Some(a), Some(b)) => Some(a.max(b)),
        _ => None,
    };
    let same_bands = serde_json::to_string(old.bands).ok() == serde_json::to_string(new.bands).ok();
    let mut complete = true;
    let mut periods: Vec<PeriodEffect> = Vec::new();
    let mut budget = Budget::new(RULE_BUDGET);
    for (year, om, nm) in contexts {
        let oc = Context {
            milestone: om,
            milestone_year: year,
            ..old.ctx
        };
        let nc = Context {
            milestone: nm,
            milestone_year: year,
            ..new.ctx
        };
        let unchanged = same_bands
            && om == nm
            && oc.kinds == nc.kinds
            && oc.direction == nc.direction
            && old.not_assessable == new.not_assessable;
        let changes = if unchanged {
            Vec::new()
        } else {
            let (changes, done) = range_changes(&old, &oc, &new, &nc, lower, upper, &mut budget);
            complete &= done;
            changes
        };
        if changes.is_empty() {
            continue;
        }
        let at = year.map(|y| MilestoneYear {
            year: y,
            old: om,
            new: nm,
        });
        match periods.iter_mut().find(|p| p.changes == changes) {
            Some(p) => match at {
                Some(at) => p.years.push(at),
                None => p.other_years = true,
            },
            None => periods.push(PeriodEffect {
                years: at.into_iter().collect(),
                other_years: year.is_none(),
                changes,
            }),
        }
    }
    Some(ValueEffect {
        indicator: ng.measure.clone(),
        direction: new_c.indicator(ng).and_then(|i| i.direction),
        rule_old: og.rule.clone(),
        rule_new: ng.rule.clone(),
        periods,
        complete,
    })
}

/// A threshold a comparison reads, as a key: a constant (its bits) or a benchmark line.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
enum Line {
    Constant(f64),
    /// (kind by [`BenchmarkKind::ALL`] order, factor, offset)
    Benchmark(usize, f64, f64),
}

fn kind_at(i: usize) -> BenchmarkKind {
    BenchmarkKind::ALL[i]
}

/// The thresholds of one compiled rule in a context.
fn lines_of(bands: &[BandOut<Evaluable>], ctx: &Context, out: &mut Vec<Line>) {
    let facts = Facts {
        value: None,
        milestone: ctx.milestone,
        benchmarks: &[],
    };
    for band in bands {
        let Some(c) = &band.when else { continue };
        rules::for_each_compare(c, &mut |e| {
            if let Some(t) = interpret::threshold(e, &facts) {
                out.push(Line::Constant(t));
            } else if let Evaluable::Compare {
                number: None,
                benchmark_factor: Some(k),
                benchmark,
                offset,
                ..
            } = e
            {
                let kind = match benchmark {
                    Some(name) => BenchmarkKind::parse(name),
                    None => ctx.kinds[0],
                };
                if let Some(kind) = kind {
                    let i = BenchmarkKind::ALL
                        .iter()
                        .position(|x| *x == kind)
                        .unwrap_or(0);
                    out.push(Line::Benchmark(i, *k, offset.unwrap_or(0.0)));
                }
            }
        });
    }
}

const BELOW: u8 = 1;
const AT: u8 = 2;
const ABOVE: u8 = 4;
const ANY: u8 = 7;
/// A threshold a point's value cannot be compared with (the value or the benchmark is missing).
const UNKNOWN: u8 = 0;

/// Where `v` lies relative to `t`, as the interpreter's comparisons see it ([`CmpOp::holds`]).
fn side_of(v: f64, t: f64) -> u8 {
    if CmpOp::Eq.holds(v, t) {
        AT
    } else if CmpOp::Gt.holds(v, t) {
        ABOVE
    } else {
        BELOW
    }
}

/// The threshold of a line at a point, computed by the interpreter.
fn threshold_at(line: Line, w: &Witness) -> Option<f64> {
    match line {
        Line::Constant(t) => Some(t),
        Line::Benchmark(kind, factor, offset) => {
            let name = kind_at(kind).as_str();
            let table = [(name, w.benchmarks[kind])];
            let facts = Facts {
                value: w.value,
                milestone: None,
                benchmarks: &table,
            };
            let compare = Evaluable::Compare {
                op: CmpOp::Ge,
                number: None,
                benchmark_factor: Some(factor),
                benchmark: Some(name.to_string()),
                target_factor: None,
                offset: (offset != 0.0).then_some(offset),
            };
            interpret::threshold(&compare, &facts)
        }
    }
}

/// The cells where the two rules decide differently, described (see the module comment).
fn range_changes(
    old: &Side,
    oc: &Context,
    new: &Side,
    nc: &Context,
    lower: Option<f64>,
    upper: Option<f64>,
    budget: &mut Budget,
) -> (Vec<RangeChange>, bool) {
    let witnesses =
        rules::joint_witnesses(&[(old.bands, oc), (new.bands, nc)], lower, upper, budget);
    let mut lines = Vec::new();
    lines_of(old.bands, oc, &mut lines);
    lines_of(new.bands, nc, &mut lines);
    lines.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
    lines.dedup();
    // Each cell once (whether the value is missing, and its side of each threshold), with its
    // decisions and the first point found in it.
    let mut cells: Vec<Cell> = Vec::new();
    let mut seen: HashMap<(bool, Vec<u8>), usize> = HashMap::new();
    let mut consistent = true;
    for w in witnesses {
        let signs: Vec<u8> = lines
            .iter()
            .map(|&l| match (w.value, threshold_at(l, &w)) {
                (Some(v), Some(t)) => side_of(v, t),
                _ => UNKNOWN,
            })
            .collect();
        let pair = (
            outcome(w.decide(old.bands, oc), old.bands, &old.not_assessable),
            outcome(w.decide(new.bands, nc), new.bands, &new.not_assessable),
        );
        let key = (w.value.is_none(), signs);
        match seen.get(&key) {
            Some(&i) => consistent &= cells[i].1 == pair,
            None => {
                seen.insert(key.clone(), cells.len());
                cells.push((key.1, pair, w));
            }
        }
    }
    // A cell is decided the same everywhere (each comparison reads one line); if two points of
    // one cell were decided differently, the description could not be exact.
    let complete = budget.complete && consistent;
    // Readable order: by value and benchmarks, missing values last.
    cells.sort_by(|a, b| {
        let key = |w: &Witness| (w.value.is_none(), w.value, w.benchmarks);
        key(&a.2)
            .partial_cmp(&key(&b.2))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    // Groups: whether the value is missing, and which benchmarks (the lines that are unknown).
    let group_of = |(signs, _, w): &Cell| -> (bool, Vec<bool>) {
        (
            w.value.is_none(),
            signs.iter().map(|x| *x == UNKNOWN).collect(),
        )
    };
    let mut groups: Vec<(bool, Vec<bool>)> = Vec::new();
    for cell in &cells {
        let g = group_of(cell);
        if !groups.contains(&g) {
            groups.push(g);
        }
    }
    // Present values first, then missing benchmarks, then a missing value.
    groups.sort_by_key(|(missing, unknown)| {
        (
            *missing,
            unknown.iter().filter(|u| **u).count(),
            unknown.clone(),
        )
    });
    let kind_of = |i: usize| match lines[i] {
        Line::Benchmark(kind, _, _) => Some(kind),
        Line::Constant(_) => None,
    };
    // Cells a description of another group already covers (see below).
    let mut covered = vec![false; cells.len()];
    let mut out = Vec::new();
    for group in &groups {
        let members: Vec<usize> = (0..cells.len())
            .filter(|&i| group_of(&cells[i]) == *group)
            .collect();
        let member_cells: Vec<&Cell> = members.iter().map(|&i| &cells[i]).collect();
        let skip: Vec<bool> = members.iter().map(|&i| covered[i]).collect();
        for (mask, pair) in boxes(&member_cells, &skip) {
            // A description that bounds no threshold of a benchmark this group knows holds
            // whatever that benchmark is if it holds where it is missing too: then it is one
            // statement for both (and covers their cells). Otherwise it says the benchmark is
            // known.
            let known: Vec<usize> = (0..lines.len())
                .filter(|&i| !group.1[i])
                .filter_map(kind_of)
                .collect();
            let bounded: Vec<usize> = (0..lines.len())
                .filter(|&i| !group.1[i] && mask[i] != ANY)
                .filter_map(kind_of)
                .collect();
            let mut free: Vec<usize> = known.into_iter().filter(|k| !bounded.contains(k)).collect();
            free.sort_unstable();
            free.dedup();
            let others: Vec<&(bool, Vec<bool>)> = groups
                .iter()
                .filter(|g| {
                    *g != group
                        && g.0 == group.0
                        && (0..lines.len()).all(|i| {
                            g.1[i] == group.1[i]
                                || (g.1[i] && kind_of(i).is_some_and(|k| free.contains(&k)))
                        })
                })
                .collect();
            let all_there = others.len() + 1 == 1usize << free.len().min(8);
            let holds_there = all_there
                && others.iter().all(|g| {
                    cells
                        .iter()
                        .filter(|c| group_of(c) == **g && inside(&mask, &c.0))
                        .all(|c| c.1 == pair)
                });
            if holds_there {
                for (i, c) in cells.iter().enumerate() {
                    if others.contains(&&group_of(c)) && inside(&mask, &c.0) {
                        covered[i] = true;
                    }
                }
                free.clear();
            }
            out.push(describe(&lines, &group.1, &mask, group.0, &free, pair));
        }
    }
    (out, complete)
}

fn inside(mask: &[u8], signs: &[u8]) -> bool {
    mask.iter()
        .zip(signs)
        .all(|(m, s)| *s == UNKNOWN || m & s != 0)
}

type Cell = (Vec<u8>, (Outcome, Outcome), Witness);

/// Conjunctions of bounds that together cover exactly the changed cells of one group, each
/// with its change.
/// Cells marked in `skip` are described already: they seed no description, though one may
/// cover them.
fn boxes(members: &[&Cell], skip: &[bool]) -> Vec<(Vec<u8>, (Outcome, Outcome))> {
    let mut out: Vec<(Vec<u8>, (Outcome, Outcome))> = Vec::new();
    let changed: Vec<&Cell> = members
        .iter()
        .zip(skip)
        .filter(|(_, skip)| !**skip)
        .map(|(c, _)| *c)
        .filter(|(_, (a, b), _)| a != b)
        .collect();
    for seed in &changed {
        let pair = &seed.1;
        if out.iter().any(|(m, p)| p == pair && inside(m, &seed.0)) {
            continue;
        }
        let mut mask: Vec<u8> = seed
            .0
            .iter()
            .map(|s| if *s == UNKNOWN { ANY } else { *s })
            .collect();
        for i in 0..mask.len() {
            if seed.0[i] == UNKNOWN {
                continue;
            }
            let widenings: &[u8] = match seed.0[i] {
                BELOW => &[ANY, BELOW | AT],
                ABOVE => &[ANY, AT | ABOVE],
                _ => &[ANY, BELOW | AT, AT | ABOVE],
            };
            for &wider in widenings {
                let before = mask[i];
                mask[i] = wider;
                if members
                    .iter()
                    .any(|(s, p, _)| p != pair && inside(&mask, s))
                {
                    mask[i] = before;
                } else {
                    break;
                }
            }
        }
        out.push((mask, pair.clone()));
    }
    // A description whose cells others cover too says nothing more.
    let mut i = 0;
    while i < out.len() {
        let (mask, pair) = &out[i];
        let covered_elsewhere = changed
            .iter()
            .filter(|(s, p, _)| p == pair && inside(mask, s))
            .all(|(s, p, _)| {
                out.iter()
                    .enumerate()
                    .any(|(j, (m, q))| j != i && q == p && inside(m, s))
            });
        if covered_elsewhere {
            out.remove(i);
        } else {
            i += 1;
        }
    }
    out
}

/// A bound on the value: the threshold's text, whether the bound itself is included.
struct Bound {
    at: f64,
    text: String,
    included: bool,
}

/// The tightest bounds of one family of thresholds that are ordered by one number (constants
/// by their value; one kind's lines by their factor, or by their offset).
#[derive(Default)]
struct Interval {
    lower: Option<Bound>,
    upper: Option<Bound>,
    exactly: Option<Bound>,
}

impl Interval {
    fn add(&mut self, relation: Relation, at: f64, text: String) {
        let bound = |included| Bound { at, text, included };
        match relation {
            Relation::Exactly => self.exactly = Some(bound(true)),
            Relation::AtLeast | Relation::Above => {
                let b = bound(relation == Relation::AtLeast);
                let tighter = self
                    .lower
                    .as_ref()
                    .is_none_or(|l| b.at > l.at || (b.at == l.at && !b.included && l.included));
                if tighter {
                    self.lower = Some(b);
                }
            }
            Relation::Below | Relation::AtMost => {
                let b = bound(relation == Relation::AtMost);
                let tighter = self
                    .upper
                    .as_ref()
                    .is_none_or(|u| b.at < u.at || (b.at == u.at && !b.included && u.included));
                if tighter {
                    self.upper = Some(b);
                }
            }
        }
    }

    /// "from 60 up to but not including 65", with whether it reads "values of …" first.
    fn phrase(&self, of_what: Option<&str>) -> Option<(bool, String)> {
        let suffix = |text: &str| match of_what {
            Some(what) => format!("{text} of {what}"),
            None => text.to_string(),
        };
        if let Some(e) = &self.exactly {
            return Some((true, format!("exactly {}", suffix(&e.text))));
        }
        Some(match (&self.lower, &self.upper) {
            (Some(l), Some(u)) => {
                let (from, to) = match of_what {
                    Some(_) => (l.text.clone(), suffix(&u.text)),
                    None => (l.text.clone(), u.text.clone()),
                };
                let text = match (l.included, u.included) {
                    (true, true) => format!("from {from} up to and including {to}"),
                    (true, false) => format!("from {from} up to but not including {to}"),
                    (false, true) => format!("above {from} up to and including {to}"),
                    (false, false) => format!("above {from} and below {to}"),
                };
                (false, text)
            }
            (Some(l), None) if l.included => (true, format!("at least {}", suffix(&l.text))),
            (Some(l), None) => (false, format!("above {}", suffix(&l.text))),
            (None, Some(u)) if u.included => (true, format!("at most {}", suffix(&u.text))),
            (None, Some(u)) => (false, format!("below {}", suffix(&u.text))),
            (None, None) => return None,
        })
    }
}

fn relation_of(mask: u8) -> Option<Relation> {
    match mask {
        BELOW => Some(Relation::Below),
        m if m == BELOW | AT => Some(Relation::AtMost),
        AT => Some(Relation::Exactly),
        m if m == AT | ABOVE => Some(Relation::AtLeast),
        ABOVE => Some(Relation::Above),
        _ => None,
    }
}

fn percent(factor: f64) -> String {
    format!("{}%", num(factor * 100.0))
}

/// "the county average − 5"
fn line_text(kind: usize, factor: f64, offset: f64) -> String {
    let what = benchmark_words(kind_at(kind));
    let scaled = if factor == 1.0 {
        what.to_string()
    } else {
        format!("{} of {what}", percent(factor))
    };
    if offset > 0.0 {
        format!("{scaled} + {}", num(offset))
    } else if offset < 0.0 {
        format!("{scaled} − {}", num(-offset))
    } else {
        scaled
    }
}

fn describe(
    lines: &[Line],
    unknown: &[bool],
    mask: &[u8],
    value_missing: bool,
    known: &[usize],
    (from, to): (Outcome, Outcome),
) -> RangeChange {
    let mut constraints = Vec::new();
    let mut constants = Interval::default();
    // Per benchmark kind: the constraints, to be read as one interval when they can be.
    let mut by_kind: BTreeMap<usize, Vec<(Relation, f64, f64)>> = BTreeMap::new();
    for (i, line) in lines.iter().enumerate() {
        if unknown[i] {
            continue;
        }
        let Some(relation) = relation_of(mask[i]) else {
            continue;
        };
        match *line {
            Line::Constant(t) => {
                constants.add(relation, t, num(t));
            }
            Line::Benchmark(kind, factor, offset) => {
                by_kind
                    .entry(kind)
                    .or_default()
                    .push((relation, factor, offset));
            }
        }
    }
    let mut phrases: Vec<(bool, String)> = Vec::new();
    for (bound, relation) in [
        (&constants.exactly, Relation::Exactly),
        (&constants.lower, Relation::AtLeast),
        (&constants.upper, Relation::AtMost),
    ] {
        if let Some(b) = bound {
            let relation = match (relation, b.included) {
                (Relation::AtLeast, false) => Relation::Above,
                (Relation::AtMost, false) => Relation::Below,
                (r, _) => r,
            };
            constraints.push(Constraint {
                relation,
                threshold: Threshold {
                    number: Some(b.at),
                    benchmark: None,
                    factor: None,
                    offset: None,
                },
            });
        }
        if constants.exactly.is_some() {
            break;
        }
    }
    phrases.extend(constants.phrase(None));
    for (kind, items) in &by_kind {
        let threshold = |factor: f64, offset: f64| Threshold {
            number: None,
            benchmark: Some(kind_at(*kind).as_str().to_string()),
            factor: Some(factor),
            offset: (offset != 0.0).then_some(offset),
        };
        let what = benchmark_words(kind_at(*kind));
        let by_factor = items.iter().all(|(_, _, o)| *o == 0.0);
        let by_offset = items.iter().all(|(_, f, _)| *f == 1.0);
        if by_factor || by_offset {
            let mut interval = Interval::default();
            for &(relation, factor, offset) in items {
                let (at, text) = if by_factor {
                    (factor, percent(factor))
                } else {
                    (offset, line_text(*kind, factor, offset))
                };
                interval.add(relation, at, text);
            }
            let chosen = |b: &Option<Bound>| b.as_ref().map(|b| b.at);
            for &(relation, factor, offset) in items {
                let at = if by_factor { factor } else { offset };
                let kept = match relation {
                    Relation::Exactly => chosen(&interval.exactly) == Some(at),
                    Relation::AtLeast | Relation::Above => {
                        interval.exactly.is_none()
                            && interval.lower.as_ref().is_some_and(|b| {
                                b.at == at && b.included == (relation == Relation::AtLeast)
                            })
                    }
                    Relation::Below | Relation::AtMost => {
                        interval.exactly.is_none()
                            && interval.upper.as_ref().is_some_and(|b| {
                                b.at == at && b.included == (relation == Relation::AtMost)
                            })
                    }
                };
                if kept {
                    constraints.push(Constraint {
                        relation,
                        threshold: threshold(factor, offset),
                    });
                }
            }
            if by_factor {
                // "from 90% up to but not including 95% of the county average"; 100% is the
                // average itself.
                let whole = |b: &Option<Bound>| b.as_ref().is_some_and(|b| b.at == 1.0);
                if whole(&interval.lower) || whole(&interval.upper) || whole(&interval.exactly) {
                    for b in [
                        &mut interval.lower,
                        &mut interval.upper,
                        &mut interval.exactly,
                    ]
                    .into_iter()
                    .flatten()
                    {
                        b.text = line_text(*kind, b.at, 0.0);
                    }
                    phrases.extend(interval.phrase(None));
                } else {
                    phrases.extend(interval.phrase(Some(what)));
                }
            } else {
                phrases.extend(interval.phrase(None));
            }
        } else {
            for &(relation, factor, offset) in items {
                constraints.push(Constraint {
                    relation,
                    threshold: threshold(factor, offset),
                });
                let mut one = Interval::default();
                one.add(relation, 0.0, line_text(*kind, factor, offset));
                phrases.extend(one.phrase(None));
            }
        }
    }
    let missing_benchmarks: Vec<String> = {
        let mut kinds: Vec<usize> = lines
            .iter()
            .zip(unknown)
            .filter_map(|(l, u)| match l {
                Line::Benchmark(kind, _, _) if *u && !value_missing => Some(*kind),
                _ => None,
            })
            .collect();
        kinds.sort_unstable();
        kinds.dedup();
        kinds
            .into_iter()
            .map(|k| kind_at(k).as_str().to_string())
            .collect()
    };
    let (values, verb) = if value_missing {
        ("a missing value".to_string(), "goes")
    } else if phrases.is_empty() {
        ("every value".to_string(), "goes")
    } else {
        let mut text = String::from("values ");
        for (i, (needs_of, phrase)) in phrases.iter().enumerate() {
            if i > 0 {
                text.push_str(" and ");
            } else if *needs_of {
                text.push_str("of ");
            }
            text.push_str(phrase);
        }
        (text, "go")
    };
    let words = |kinds: &[usize]| -> (String, &'static str) {
        let words: Vec<&str> = kinds.iter().map(|k| benchmark_words(kind_at(*k))).collect();
        (
            crate::checks::smart::join_words(&words),
            if words.len() == 1 { "is" } else { "are" },
        )
    };
    let missing: Vec<usize> = missing_benchmarks
        .iter()
        .filter_map(|k| BenchmarkKind::parse(k))
        .filter_map(|k| BenchmarkKind::ALL.iter().position(|x| *x == k))
        .collect();
    let mut when = Vec::new();
    if !missing.is_empty() {
        let (w, is) = words(&missing);
        when.push(format!("{w} {is} missing"));
    }
    if !known.is_empty() {
        let (w, is) = words(known);
        when.push(format!("{w} {is} known"));
    }
    let values = if when.is_empty() {
        values
    } else {
        format!("when {}, {values}", when.join(" and "))
    };
    RangeChange {
        text: format!("{values} {verb} from {} to {}", from.text(), to.text()),
        values,
        value_missing,
        missing_benchmarks,
        known_benchmarks: known
            .iter()
            .map(|k| kind_at(*k).as_str().to_string())
            .collect(),
        constraints,
        from,
        to,
    }
}

/// The most combinations of child statuses tried for one rollup change.
const MAX_COMBINATIONS: usize = 200_000;

/// What each changed rollup does to the goals it assesses (paired goals assessed by a rollup
/// in both versions whose compiled bands differ), grouped by (old rollup, new rollup).
pub fn rollup_effects(
    old: &Compiled,
    new: &Compiled,
    pairs: &super::GoalPairs,
) -> Vec<RollupEffect> {
    fn bands_of<'c>(c: &'c Compiled, id: &str) -> Option<&'c [BandOut<RollupCondition>]> {
        c.rollups
            .iter()
            .find(|r| r.id == id)
            .map(|r| r.bands.as_slice())
    }
    let mut groups: Vec<RollupEffect> = Vec::new();
    for (n, ng) in new.goals.iter().enumerate() {
        let Some(o) = pairs.new_to_old[n] else {
            continue;
        };
        let og = &old.goals[o];
        let (Some(or), Some(nr)) = (&og.assessed_by, &ng.assessed_by) else {
            continue;
        };
        let (Some(ob), Some(nb)) = (bands_of(old, or), bands_of(new, nr)) else {
            continue;
        };
        if serde_json::to_string(&ob).ok() == serde_json::to_string(&nb).ok() {
            continue;
        }
        let children = og.children.len().max(ng.children.len());
        let goal = GoalChildren {
            id: ng.id.clone(),
            children,
        };
        match groups
            .iter_mut()
            .find(|g| g.rollup_old.as_deref() == Some(or) && g.rollup_new.as_deref() == Some(nr))
        {
            Some(g) => g.goals.push(goal),
            None => groups.push(RollupEffect {
                rollup_old: Some(or.clone()),
                rollup_new: Some(nr.clone()),
                goals: vec![goal],
                changes: Vec::new(),
                complete: true,
            }),
        }
    }
    let mut statuses: Vec<String> = new.scale.iter().map(|s| s.name.clone()).collect();
    for s in &old.scale {
        if !statuses.contains(&s.name) {
            statuses.push(s.name.clone());
        }
    }
    let grey = |c: &Compiled| {
        c.scale
            .iter()
            .find(|s| s.not_assessable)
            .map(|s| s.name.clone())
    };
    let (old_grey, new_grey) = (grey(old), grey(new));
    for g in &mut groups {
        let (Some(ob), Some(nb)) = (
            g.rollup_old.as_deref().and_then(|r| bands_of(old, r)),
            g.rollup_new.as_deref().and_then(|r| bands_of(new, r)),
        ) else {
            continue;
        };
        let most = g.goals.iter().map(|x| x.children).max().unwrap_or(0);
        let decide =
            |bands: &[BandOut<RollupCondition>], counts: &[usize], grey: &Option<String>| {
                match interpret::decide_rollup(
                    bands,
                    &Counts {
                        statuses: &statuses,
                        counts,
                    },
                ) {
                    Some(b) => Outcome {
                        status: Some(bands[b].status.clone()),
                        how: How::Band,
                        requires_motivation: bands[b].requires_motivation,
                    },
                    None => Outcome {
                        status: grey.clone(),
                        how: How::NoBand,
                        requires_motivation: false,
                    },
                }
            };
        let mut tried = 0usize;
        'totals: for total in 1..=most {
            let mut counts = vec![0usize; statuses.len()];
            let mut more = compositions_first(&mut counts, total);
            while more {
                tried += 1;
                if tried > MAX_COMBINATIONS {
                    g.complete = false;
                    break 'totals;
                }
                let from = decide(ob, &counts, &old_grey);
                let to = decide(nb, &counts, &new_grey);
                if from != to {
                    let named: BTreeMap<String, usize> = statuses
                        .iter()
                        .zip(&counts)
                        .filter(|(_, c)| **c > 0)
                        .map(|(s, c)| (s.clone(), *c))
                        .collect();
                    let words: Vec<String> = statuses
                        .iter()
                        .zip(&counts)
                        .filter(|(_, c)| **c > 0)
                        .map(|(s, c)| format!("{c} {s}"))
                        .collect();
                    g.changes.push(CombinationChange {
                        counts: named,
                        children: total,
                        text: crate::checks::smart::join_words(&words),
                        from,
                        to,
                    });
                }
                more = compositions_next(&mut counts);
            }
        }
    }
    groups
}

/// The first way to share `total` children among the statuses: all on the first.
fn compositions_first(counts: &mut [usize], total: usize) -> bool {
    if counts.is_empty() {
        return false;
    }
    counts.iter_mut().for_each(|c| *c = 0);
    counts[0] = total;
    true
}

/// The next way to share the same number of children (reverse lexicographic order).
fn compositions_next(counts: &mut [usize]) -> bool {
    let n = counts.len();
    // The last status but one that has children passes one on; the rest gather behind it.
    let Some(i) = (0..n.saturating_sub(1)).rev().find(|&i| counts[i] > 0) else {
        return false;
    };
    let rest: usize = counts[i + 1..].iter().sum();
    counts[i] -= 1;
    counts[i + 1] = rest + 1;
    for c in &mut counts[i + 2..] {
        *c = 0;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    const HEAD: &str = r#"policy p "P" { period 2024..2027  default rule r }
body KF "KF"
chain {
  level area "Område"
  level goal "Mål" under area measured
}
report annual "Å" { uses actual  due 12-31  to KF }
area a "A" { owner KF }
"#;

    fn compiled(indicator: &str, rule: &str, goal: &str) -> Compiled {
        let text = format!(
            "{HEAD}indicator ind \"I\" {{ {indicator} }}\nrule r \"R\" {{\n{rule}\n}}\ngoal g \"G\" {{\n  under a\n  owner KF\n  measure ind\n  follow-up annual\n{goal}\n}}\n"
        );
        let analysis = crate::analyze_text(Path::new("t.pejl"), &text);
        assert!(!analysis.has_errors(), "{:?}", analysis.diagnostics);
        crate::ir::compile(&analysis)
    }

    fn holds(c: &Constraint, v: f64, bench: &[Option<f64>; 4]) -> bool {
        let t = match (&c.threshold.number, &c.threshold.benchmark) {
            (Some(n), _) => *n,
            (None, Some(kind)) => {
                let k = BenchmarkKind::ALL
                    .iter()
                    .position(|x| x.as_str() == kind)
                    .unwrap();
                match bench[k] {
                    Some(m) => {
                        m * c.threshold.factor.unwrap_or(1.0) + c.threshold.offset.unwrap_or(0.0)
                    }
                    None => return false,
                }
            }
            _ => unreachable!(),
        };
        let op = match c.relation {
            Relation::Below => CmpOp::Lt,
            Relation::AtMost => CmpOp::Le,
            Relation::Exactly => CmpOp::Eq,
            Relation::AtLeast => CmpOp::Ge,
            Relation::Above => CmpOp::Gt,
        };
        op.holds(v, t)
    }

    fn applies(rc: &RangeChange, value: Option<f64>, bench: &[Option<f64>; 4]) -> bool {
        let index = |kind: &str| {
            BenchmarkKind::ALL
                .iter()
                .position(|x| x.as_str() == kind)
                .unwrap()
        };
        if rc.value_missing != value.is_none() {
            return false;
        }
        if rc
            .missing_benchmarks
            .iter()
            .any(|k| bench[index(k)].is_some())
            || rc
                .known_benchmarks
                .iter()
                .any(|k| bench[index(k)].is_none())
        {
            return false;
        }
        match value {
            None => true,
            Some(v) => rc.constraints.iter().all(|c| holds(c, v, bench)),
        }
    }

    /// Every point of a dense grid (values, each benchmark missing or one of many values, each
    /// year kind) changes status exactly when a stated range applies, as stated.
    fn assert_exact(old: &Compiled, new: &Compiled, years: &[i32]) -> ValueEffect {
        let (og, ng) = (&old.goals.last().unwrap(), &new.goals.last().unwrap());
        let (old, new) = (Indexed::new(old), Indexed::new(new));
        let effect = value_effect(&old, og, &new, ng).unwrap();
        assert!(effect.complete);
        let (os, ns) = (side(&old, og).unwrap(), side(&new, ng).unwrap());
        let mut values: Vec<Option<f64>> = (0..=240).map(|i| Some(f64::from(i) * 0.5)).collect();
        values.extend([None, Some(74.9), Some(75.1), Some(67.5), Some(62.3)]);
        let levels = [
            None,
            Some(10.0),
            Some(40.0),
            Some(50.0),
            Some(60.0),
            Some(62.5),
            Some(70.0),
            Some(75.0),
            Some(78.0),
            Some(80.0),
            Some(75.0 / 0.9),
            Some(90.0),
            Some(100.0),
        ];
        let table = |ctx: &Context, b: &[Option<f64>; 4]| -> Vec<(&'static str, Option<f64>)> {
            ctx.kinds
                .iter()
                .flatten()
                .map(|k| {
                    let i = BenchmarkKind::ALL.iter().position(|x| x == k).unwrap();
                    (k.as_str(), b[i])
                })
                .collect()
        };
        let mut changed_points = 0;
        for &year in years {
            let ms = |g: &GoalOut| {
                g.milestones
                    .iter()
                    .find(|m| m.year == Some(year))
                    .map(|m| m.value)
            };
            let milestone_year = og
                .milestones
                .iter()
                .chain(&ng.milestones)
                .any(|m| m.year == Some(year));
            let period = effect.periods.iter().find(|p| {
                if milestone_year {
                    p.years.iter().any(|y| y.year == year)
                } else {
                    p.other_years
                }
            });
            for county in levels {
                for national in levels {
                    let bench = [county, national, None, None];
                    for &value in &values {
                        let decide = |side: &Side, milestone| {
                            let t = table(&side.ctx, &bench);
                            let facts = Facts {
                                value,
                                milestone,
                                benchmarks: &t,
                            };
                            outcome(
                                interpret::decide(side.bands, &facts),
                                side.bands,
                                &side.not_assessable,
                            )
                        };
                        let (a, b) = (decide(&os, ms(og)), decide(&ns, ms(ng)));
                        let stated: Vec<&RangeChange> = period
                            .map(|p| {
                                p.changes
                                    .iter()
                                    .filter(|rc| applies(rc, value, &bench))
                                    .collect()
                            })
                            .unwrap_or_default();
                        if a != b {
                            changed_points += 1;
                            assert!(
                                !stated.is_empty(),
                                "{year}: {value:?} with {bench:?} goes from {a:?} to {b:?}, which no statement says: {:#?}",
                                effect.periods
                            );
                        }
                        for rc in stated {
                            assert_eq!(
                                (&rc.from, &rc.to),
                                (&a, &b),
                                "{year}: {value:?} with {bench:?}: `{}`",
                                rc.text
                            );
                        }
                    }
                }
            }
        }
        assert!(changed_points > 0 || effect.periods.is_empty());
        effect
    }

    const TRAFIKLJUS: &str = "  green  when meets target or meets benchmark\n  yellow when within 10% of benchmark\n  red    otherwise\n  grey   when missing requires motivation";
    const PERCENT: &str = "unit percent  higher is better  benchmark county \"Länet\"";

    #[test]
    fn dorotea_v2_ranges_are_exact() {
        let old = compiled(
            PERCENT,
            TRAFIKLJUS,
            "  baseline 68 in 2022\n  target 75 by 2026\n  milestone 71 in 2024",
        );
        let new = compiled(
            PERCENT,
            &TRAFIKLJUS.replace("10%", "5%"),
            "  baseline 68 in 2022\n  target 78 by 2026\n  milestone 71 in 2024",
        );
        let e = assert_exact(&old, &new, &[2024, 2025]);
        let texts: Vec<&str> = e.periods[0]
            .changes
            .iter()
            .map(|c| c.text.as_str())
            .collect();
        assert_eq!(
            texts,
            ["values below 71 and from 90% up to but not including 95% of the county average go from yellow to red"]
        );
    }

    #[test]
    fn numbers_are_bounded_exactly() {
        let old_rule = "  green  when value >= 80\n  yellow when value >= 60\n  red    otherwise\n  grey   when missing";
        let new_rule = "  green  when value > 80\n  yellow when value >= 65\n  red    otherwise\n  grey   when missing";
        let old = compiled(PERCENT, old_rule, "  target 80 by 2026");
        let new = compiled(PERCENT, new_rule, "  target 80 by 2026");
        let e = assert_exact(&old, &new, &[2025]);
        let texts: Vec<&str> = e.periods[0]
            .changes
            .iter()
            .map(|c| c.text.as_str())
            .collect();
        assert_eq!(
            texts,
            [
                "values from 60 up to but not including 65 go from yellow to red",
                "values of exactly 80 go from green to yellow"
            ]
        );
    }

    #[test]
    fn two_benchmarks_and_points_are_exact() {
        let two = "unit percent  higher is better  benchmark county \"Länet\"  benchmark national \"Riket\"";
        let old_rule = "  green  when meets target or (meets benchmark county and meets benchmark national)\n  yellow when within 5 points of benchmark national\n  red    otherwise\n  grey   when missing requires motivation";
        let new_rule = "  green  when meets target or (meets benchmark county and meets benchmark national)\n  yellow when within 3 points of benchmark national or within 10% of benchmark county\n  red    otherwise\n  grey   when missing requires motivation";
        let goal = "  baseline 60 in 2022\n  target 75 by 2026";
        assert_exact(
            &compiled(two, old_rule, goal),
            &compiled(two, new_rule, goal),
            &[2025],
        );
        // The default benchmark changes kind.
        let swapped = "unit percent  higher is better  benchmark national \"Riket\"  benchmark county \"Länet\"";
        assert_exact(
            &compiled(two, TRAFIKLJUS, goal),
            &compiled(swapped, TRAFIKLJUS, goal),
            &[2025],
        );
    }

    #[test]
    fn lower_is_better_and_milestones_are_exact() {
        let lower = "unit percent  lower is better  benchmark county \"Länet\"";
        let old = compiled(
            lower,
            TRAFIKLJUS,
            "  baseline 12 in 2022\n  target 8 by 2027\n  milestone 10 in 2024",
        );
        let new = compiled(
            lower,
            &TRAFIKLJUS.replace("10%", "5%"),
            "  baseline 12 in 2022\n  target 7 by 2027\n  milestone 9 in 2025",
        );
        let e = assert_exact(&old, &new, &[2024, 2025, 2026]);
        assert_eq!(e.periods.len(), 3, "{:#?}", e.periods);
        // A direction turned round.
        let higher = "unit percent  higher is better  benchmark county \"Länet\"";
        let goal = "  baseline 12 in 2022\n  target 8 by 2027";
        assert_exact(
            &compiled(lower, TRAFIKLJUS, goal),
            &compiled(higher, TRAFIKLJUS, goal),
            &[2025],
        );
    }

    #[test]
    fn the_same_rule_changes_nothing() {
        let goal = "  baseline 68 in 2022\n  target 75 by 2026";
        let rewritten = "  green  when meets benchmark or meets target\n  yellow when within 10% of benchmark\n  red    otherwise\n  grey   when missing requires motivation";
        let e = assert_exact(
            &compiled(PERCENT, TRAFIKLJUS, goal),
            &compiled(PERCENT, rewritten, goal),
            &[2025],
        );
        assert!(e.periods.is_empty(), "{:#?}", e.periods);
    }

    #[test]
    fn compositions_visit_every_split_once() {
        let mut counts = vec![0; 4];
        let mut seen = std::collections::HashSet::new();
        let mut more = compositions_first(&mut counts, 3);
        while more {
            assert_eq!(counts.iter().sum::<usize>(), 3);
            assert!(seen.insert(counts.clone()));
            more = compositions_next(&mut counts);
        }
        assert_eq!(seen.len(), 20); // C(3 + 3, 3)
    }

    /// A cell's side of a threshold is what the interpreter's comparisons read.
    #[test]
    fn sides_agree_with_the_comparisons() {
        for (v, t) in [
            (1.0, 1.0),
            (1.0 + 1e-10, 1.0),
            (0.5, 1.0),
            (2.0, 1.0),
            (75.0, 75.00000000000001),
        ] {
            let s = side_of(v, t);
            for (op, allowed) in [
                (CmpOp::Ge, AT | ABOVE),
                (CmpOp::Gt, ABOVE),
                (CmpOp::Le, BELOW | AT),
                (CmpOp::Lt, BELOW),
                (CmpOp::Eq, AT),
                (CmpOp::Ne, BELOW | ABOVE),
            ] {
                assert_eq!(op.holds(v, t), allowed & s != 0, "{v} {op:?} {t}");
            }
        }
    }
}
