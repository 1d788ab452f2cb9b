//! Rule consistency (P0301–P0307, P0310), decided exactly over the compiled rule.
//!
//! The analysis does not interpret the policy's text: each goal's rule is compiled by
//! [`ir::compile_rule`] — the bands `pejl build` emits — and every verdict comes from running
//! [`interpret::decide`], the evaluator's own function, on witness points.
//!
//! A compiled comparison sets the value `v` against a threshold that is a constant (a number,
//! the goal's target or baseline, or — in a milestone year — the milestone) or `k·M + o` for
//! the benchmark `M`. So a band's truth is constant on every cell of the arrangement of those
//! lines in the (M, v) plane. The witnesses are: for M, every point where a benchmark line
//! meets a constant line or another benchmark line, a point between each pair and one beyond
//! each end, and "missing" (with several kinds, a cylindrical decomposition of the
//! benchmarks' space: the critical points of each kind, given the kinds before it, include
//! where the crossings of the later kinds' lines project, so every cell is visited; see
//! `projections`); for v, at each M, every threshold, a point between each pair of
//! thresholds and one beyond each end (clipped to the unit's range), and "missing". That
//! visits every cell, edge and vertex, so "never matches", "no status" and "a better value
//! gets a worse status" are proved, not sampled. A goal gives one context per year kind —
//! the years without a milestone and each milestone year — and contexts with the same
//! combinatorial type (the order of their thresholds and benchmark crossings) give the same
//! verdicts, so one of each type is analysed; a rule no goal uses is analysed for every
//! order type of a target and a baseline.

use super::and_chain;
use crate::diagnostic::{Code, Diagnostic};
use crate::i18n::Text;
use crate::interpret::{self, Decision, Facts, Tri};
use crate::ir::{self, BandOut, Evaluable, GoalValues};
use crate::model::Model;
use crate::span::Span;
use crate::syntax::ast::{
    BenchmarkKind, Cond, Direction, Goal, Indicator, Reference, Rule, TargetValue,
};
use crate::text;
use rustc_hash::FxHashMap as HashMap;
use std::collections::BTreeSet;

/// What a compiled rule is analysed against, besides the value and the benchmarks.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Context {
    pub direction: Direction,
    /// The milestone of the year analysed (`None`: a year without one).
    pub milestone: Option<f64>,
    pub milestone_year: Option<i32>,
    /// The benchmark kinds the indicator declares, the default first; a kind it does not
    /// declare is always missing.
    pub kinds: [Option<BenchmarkKind>; 4],
    /// The unit's range of values.
    pub lower: Option<f64>,
    pub upper: Option<f64>,
}

impl Context {
    /// The kinds of an indicator's benchmarks, the default first.
    pub fn kinds_of(declared: &[BenchmarkKind]) -> [Option<BenchmarkKind>; 4] {
        let mut kinds = [None; 4];
        for (slot, k) in kinds.iter_mut().zip(declared) {
            *slot = Some(*k);
        }
        kinds
    }

    fn default_kind(&self) -> Option<BenchmarkKind> {
        self.kinds[0]
    }

    fn declares(&self, kind: BenchmarkKind) -> bool {
        self.kinds.contains(&Some(kind))
    }
}

fn kind_index(kind: BenchmarkKind) -> usize {
    BenchmarkKind::ALL
        .iter()
        .position(|k| *k == kind)
        .unwrap_or(0)
}

/// Each kind's benchmark, by [`BenchmarkKind::ALL`] order.
pub type Benchmarks = [Option<f64>; 4];

/// One point of the analysis: the value and each kind's benchmark.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Witness {
    pub value: Option<f64>,
    /// By [`BenchmarkKind::ALL`] order.
    pub benchmarks: [Option<f64>; 4],
}

impl Witness {
    /// Runs the evaluator's decision on this point.
    pub fn decide(&self, bands: &[BandOut<Evaluable>], ctx: &Context) -> Decision {
        let table = self.table(ctx);
        interpret::decide(bands, &self.facts(ctx, &table))
    }

    /// The default benchmark's value.
    pub fn benchmark(&self, ctx: &Context) -> Option<f64> {
        ctx.default_kind()
            .and_then(|k| self.benchmarks[kind_index(k)])
    }

    /// The benchmarks as the interpreter reads them: declared kinds, the default first.
    pub fn table(&self, ctx: &Context) -> Vec<(&'static str, Option<f64>)> {
        ctx.kinds
            .iter()
            .flatten()
            .map(|k| (k.as_str(), self.benchmarks[kind_index(*k)]))
            .collect()
    }

    pub fn facts<'a>(&self, ctx: &Context, table: &'a [(&'a str, Option<f64>)]) -> Facts<'a> {
        Facts {
            value: self.value,
            milestone: ctx.milestone,
            benchmarks: table,
        }
    }
}

/// Everything the analysis found for one compiled rule in one context.
#[derive(Debug, Clone, Default)]
pub struct Verdicts {
    /// One witness for each decision the rule can give, in the order first found.
    pub decisions: Vec<(Decision, Witness)>,
    /// Per band: its condition is true somewhere (for `otherwise`: some value is present).
    pub holds: Vec<bool>,
    /// Per band: earlier bands that take points where it holds.
    pub shadowed_by: Vec<BTreeSet<usize>>,
    /// The most readable point that gets no status, if any.
    pub gap: Option<Witness>,
    /// A better value that gets a worse status: (better value's point, its band; worse
    /// value's point, its band). Statuses are ranked by the scale; the not-assessable status
    /// is not ranked.
    pub inversion: Option<(Witness, usize, Witness, usize)>,
    /// Per band giving the best status: a (worse, better) pair of values where it holds for
    /// the worse and not for the better.
    pub best_breach: Vec<Option<(f64, f64)>>,
}

impl Verdicts {
    /// Whether this decision is one the analysis found.
    pub fn reaches(&self, d: Decision) -> bool {
        self.decisions.iter().any(|(x, _)| *x == d)
    }
}

/// How much work the analysis of one rule may do: a band evaluated at a point, a witness
/// point generated. Real rules need a few thousand; a rule of hundreds of bands mixing
/// thresholds with benchmark comparisons would need billions (the cells of the arrangement
/// grow with the square of the bands, the evaluation of each with the bands again). Past
/// the budget the analysis stops, keeps what it found and says so (P0311).
pub struct Budget {
    left: u64,
    pub complete: bool,
}

/// Work units one rule's analysis may spend (about half a second here; real rules need
/// thousands, the largest test rules a few million).
pub const RULE_BUDGET: u64 = 50_000_000;

/// The most witness points or critical values held at once, so that memory stays small
/// whatever the rule (a point is a few dozen bytes).
const MAX_POINTS: usize = 100_000;

/// The most goals assumed for a rule no goal uses (each order of its target and baseline
/// among the thresholds; a real rule has a few dozen).
const MAX_ASSUMED_GOALS: usize = 1_000;

impl Budget {
    pub fn new(units: u64) -> Self {
        Budget {
            left: units,
            complete: true,
        }
    }

    /// Spends `units` if they are left; otherwise nothing is left and the analysis is
    /// incomplete.
    fn spend(&mut self, units: usize) -> bool {
        let units = units as u64;
        if units <= self.left {
            self.left -= units;
            true
        } else {
            self.left = 0;
            self.complete = false;
            false
        }
    }

    fn exhausted(&self) -> bool {
        self.left == 0
    }
}

/// Analyses one compiled rule in one context. `ranks` gives each band's status rank (0 is
/// the best; `None` for the not-assessable status), `best` whether a band gives the best status.
pub fn analyse(
    bands: &[BandOut<Evaluable>],
    ctx: &Context,
    ranks: &[Option<usize>],
    best: &[bool],
    budget: &mut Budget,
) -> Verdicts {
    let mut v = Verdicts {
        holds: vec![false; bands.len()],
        shadowed_by: vec![BTreeSet::new(); bands.len()],
        best_breach: vec![None; bands.len()],
        ..Verdicts::default()
    };
    let mut gap_score = f64::NEG_INFINITY;
    // Runs of points with the same benchmarks: at each point of the benchmarks' sweep, a
    // sweep of values.
    let runs = benchmark_points(bands, ctx, budget);
    'runs: for benchmarks in runs {
        // Gathering and sorting the run's thresholds reads every band.
        if !budget.spend(bands.len()) {
            break;
        }
        let probe = Witness {
            value: None,
            benchmarks,
        };
        let table = probe.table(ctx);
        let facts = probe.facts(ctx, &table);
        let mut thresholds: Vec<f64> = Vec::new();
        for band in bands {
            if let Some(c) = &band.when {
                for_each_compare(c, &mut |e| {
                    thresholds.extend(interpret::threshold(e, &facts))
                });
            }
        }
        let mut values: Vec<Option<f64>> = spread_closed(thresholds, ctx.lower, ctx.upper)
            .into_iter()
            .map(Some)
            .collect();
        // Points in the order worse → better, for the monotonicity checks.
        if ctx.direction == Direction::Lower {
            values.reverse();
        }
        values.push(None);
        let mut run: Vec<(Witness, Decision, Vec<Tri>)> = Vec::with_capacity(values.len());
        for value in values {
            if !budget.spend(2 * bands.len() + 1) {
                break 'runs;
            }
            let w = Witness { value, benchmarks };
            let facts = w.facts(ctx, &table);
            let truth: Vec<Tri> = bands
                .iter()
                .map(|b| interpret::band_truth(b, &facts))
                .collect();
            let d = interpret::decide(bands, &facts);
            if !v.reaches(d) {
                v.decisions.push((d, w));
            }
            for (i, t) in truth.iter().enumerate() {
                if *t == Tri::True {
                    v.holds[i] = true;
                    if let Decision::Band(f) = d {
                        if f != i {
                            v.shadowed_by[i].insert(f);
                        }
                    }
                }
            }
            if d == Decision::NoBand {
                let score = niceness(&w, ctx) + gap_bonus(&w, bands, ctx);
                if score > gap_score {
                    gap_score = score;
                    v.gap = Some(w);
                }
            }
            if value.is_some() {
                run.push((w, d, truth));
            }
        }
        // A better value with a worse status than a worse value (P0310).
        if v.inversion.is_none() {
            let mut best_so_far: Option<(usize, usize, usize)> = None; // (rank, index in run, band)
            'outer: for (j, (_, d, _)) in run.iter().enumerate() {
                let Decision::Band(b) = *d else { continue };
                let Some(rank) = ranks.get(b).copied().flatten() else {
                    continue;
                };
                if let Some((best_rank, at, worse_band)) = best_so_far {
                    if rank > best_rank {
                        v.inversion = Some((run[j].0, b, run[at].0, worse_band));
                        break 'outer;
                    }
                }
                // The closest worse value with the best status so far makes the clearest example.
                if best_so_far.is_none_or(|(r, _, _)| rank <= r) {
                    best_so_far = Some((rank, j, b));
                }
            }
        }
        // The best status for a worse value but not for a better one (P0304).
        for (i, is_best) in best.iter().enumerate() {
            if !is_best || v.best_breach[i].is_some() || bands[i].when.is_none() {
                continue;
            }
            let mut last_true: Option<f64> = None;
            for (w, _, truth) in &run {
                match truth[i] {
                    Tri::True => last_true = w.value,
                    Tri::False => {
                        if let (Some(worse), Some(better)) = (last_true, w.value) {
                            v.best_breach[i] = Some((worse, better));
                            break;
                        }
                    }
                    Tri::Unknown => {}
                }
            }
        }
    }
    v
}

/// The witness points of several compiled rules taken together — one goal's rule in two
/// versions of a policy (`pejl diff`), each in its own context (direction, milestone,
/// benchmark kinds): every cell of the arrangement of all their thresholds, visited as
/// [`analyse`] visits one rule's (the benchmarks' sweep, each benchmark point with a value at
/// and between every threshold of every rule), values in `lower..=upper`. So any two points of one
/// cell get the same decision from each rule, and every cell has a point.
pub fn joint_witnesses(
    parts: &[(&[BandOut<Evaluable>], &Context)],
    lower: Option<f64>,
    upper: Option<f64>,
    budget: &mut Budget,
) -> Vec<Witness> {
    let mut constants = Vec::new();
    let mut benchmark_lines = Vec::new();
    for (bands, ctx) in parts {
        let (c, l) = lines(bands, ctx);
        constants.extend(c);
        benchmark_lines.extend(l);
    }
    let points = sweep_benchmarks(constants, &benchmark_lines, lower, upper, budget);
    let mut out = Vec::new();
    for benchmarks in points {
        let probe = Witness {
            value: None,
            benchmarks,
        };
        let mut thresholds: Vec<f64> = Vec::new();
        for (bands, ctx) in parts {
            if !budget.spend(bands.len()) {
                return out;
            }
            let table = probe.table(ctx);
            let facts = probe.facts(ctx, &table);
            for band in bands.iter() {
                if let Some(c) = &band.when {
                    for_each_compare(c, &mut |e| {
                        thresholds.extend(interpret::threshold(e, &facts))
                    });
                }
            }
        }
        let values = spread_closed(thresholds, lower, upper);
        if out.len() + values.len() > MAX_POINTS || !budget.spend(values.len() + 1) {
            budget.complete = false;
            return out;
        }
        out.extend(
            values
                .into_iter()
                .map(Some)
                .chain([None])
                .map(|value| Witness { value, benchmarks }),
        );
    }
    out
}

/// 1 for a value strictly inside a range of the rule's thresholds, else 0.
fn gap_bonus(w: &Witness, bands: &[BandOut<Evaluable>], ctx: &Context) -> f64 {
    let table = w.table(ctx);
    let facts = w.facts(ctx, &table);
    let mut inside = w.value.is_some();
    for band in bands {
        if let Some(c) = &band.when {
            for_each_compare(c, &mut |e| {
                if let (Some(t), Some(x)) = (interpret::threshold(e, &facts), w.value) {
                    inside &= (t - x).abs() > 1e-9;
                }
            });
        }
    }
    if inside {
        1.0
    } else {
        0.0
    }
}

pub(crate) fn for_each_compare<'a>(e: &'a Evaluable, f: &mut impl FnMut(&'a Evaluable)) {
    match e {
        Evaluable::And(items) | Evaluable::Or(items) => {
            for item in items {
                for_each_compare(item, f);
            }
        }
        Evaluable::Not(inner) => for_each_compare(inner, f),
        Evaluable::Missing => {}
        Evaluable::Compare { .. } => f(e),
    }
}

/// A benchmark line `v = factor × M_kind + offset`.
#[derive(Debug, Clone, Copy)]
struct BenchmarkLine {
    kind: BenchmarkKind,
    factor: f64,
    offset: f64,
}

/// The benchmark kind a compiled comparison reads, if it reads one.
fn compare_kind(e: &Evaluable, ctx: &Context) -> Option<BenchmarkKind> {
    match e {
        Evaluable::Compare {
            number: None,
            benchmark_factor: Some(_),
            benchmark,
            ..
        } => match benchmark {
            Some(name) => BenchmarkKind::parse(name),
            None => ctx.default_kind(),
        },
        _ => None,
    }
}

/// Constant thresholds and benchmark lines of a compiled rule in a context. Lines of a kind
/// the indicator does not declare are left out: that benchmark is always missing.
fn lines(bands: &[BandOut<Evaluable>], ctx: &Context) -> (Vec<f64>, Vec<BenchmarkLine>) {
    let mut constants = Vec::new();
    let mut benchmark_lines = Vec::new();
    let facts = Facts {
        value: None,
        milestone: ctx.milestone,
        benchmarks: &[],
    };
    for band in bands {
        if let Some(c) = &band.when {
            for_each_compare(c, &mut |e| {
                if let Some(t) = interpret::threshold(e, &facts) {
                    constants.push(t);
                } else if let (
                    Some(kind),
                    Evaluable::Compare {
                        benchmark_factor: Some(k),
                        offset,
                        ..
                    },
                ) = (compare_kind(e, ctx), e)
                {
                    if ctx.declares(kind) && k.abs() > 1e-12 {
                        benchmark_lines.push(BenchmarkLine {
                            kind,
                            factor: *k,
                            offset: offset.unwrap_or(0.0),
                        });
                    }
                }
            });
        }
    }
    (constants, benchmark_lines)
}

/// Every assignment of benchmarks to visit: a cylindrical decomposition of the benchmarks'
/// space, kind by kind (see the module comment), each kind also missing.
fn benchmark_points(
    bands: &[BandOut<Evaluable>],
    ctx: &Context,
    budget: &mut Budget,
) -> Vec<[Option<f64>; 4]> {
    let (constants, lines) = lines(bands, ctx);
    sweep_benchmarks(constants, &lines, ctx.lower, ctx.upper, budget)
}

/// A hyperplane `a · M + b = 0` of the benchmarks' space (`a` by [`kind_index`]).
#[derive(Debug, Clone, Copy)]
struct Plane {
    a: [f64; 4],
    b: f64,
}

impl Plane {
    /// The plane scaled so that its largest coefficient is 1, with tiny coefficients made 0
    /// and the last bits dropped, so that one plane found twice is kept once; `None` for a
    /// plane with no benchmark in it (a constant equation: it separates nothing).
    fn normalised(self) -> Option<Plane> {
        let scale = self
            .a
            .iter()
            .copied()
            .max_by(|x, y| x.abs().total_cmp(&y.abs()))
            .filter(|s| s.abs() > 1e-12)?;
        let snap = |x: f64| {
            let x = x / scale;
            if x.abs() < 1e-12 {
                0.0
            } else {
                f64::from_bits(x.to_bits() & !0xfff)
            }
        };
        Some(Plane {
            a: self.a.map(snap),
            b: snap(self.b),
        })
    }

    fn key(&self) -> [u64; 5] {
        let [a, b, c, d] = self.a.map(f64::to_bits);
        [a, b, c, d, self.b.to_bits()]
    }
}

/// Where the order of a value's thresholds can change as the benchmarks move: a benchmark
/// line meets a constant threshold or the end of the value's range, two lines meet, a
/// benchmark reaches an end of its own range (0 and the unit's greatest value).
fn base_planes(constants: &[f64], lines: &[BenchmarkLine], upper: Option<f64>) -> Vec<Plane> {
    let line = |l: &BenchmarkLine, sign: f64| {
        let mut a = [0.0; 4];
        a[kind_index(l.kind)] = sign * l.factor;
        (a, sign * l.offset)
    };
    let mut planes = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        let (a, o) = line(l, 1.0);
        planes.extend(constants.iter().map(|c| Plane { a, b: o - c }));
        for m in lines.get(i + 1..).unwrap_or_default() {
            let (ma, mo) = line(m, -1.0);
            let mut sum = a;
            for (s, x) in sum.iter_mut().zip(ma) {
                *s += x;
            }
            planes.push(Plane { a: sum, b: o + mo });
        }
        let mut own = [0.0; 4];
        own[kind_index(l.kind)] = 1.0;
        planes.push(Plane { a: own, b: 0.0 });
        planes.extend(upper.map(|u| Plane { a: own, b: -u }));
    }
    planes
}

/// The projections of a cylindrical decomposition of the arrangement of `planes`, kinds in
/// the order of `used`: `levels[k]` holds the planes in the first `k + 1` kinds that
/// involve kind `k`. Made by eliminating the last kind from every pair of planes that
/// involve it, then the one before, and so on; so the critical benchmarks of kind `k`,
/// given the kinds before it, are the roots of the planes of `levels[k]`, and a sweep that
/// visits each of them and a point between each pair visits every cell of the arrangement.
fn projections(planes: Vec<Plane>, used: &[BenchmarkKind], budget: &mut Budget) -> Vec<Vec<Plane>> {
    let mut levels = vec![Vec::new(); used.len()];
    let mut current = planes;
    for (k, kind) in used.iter().enumerate().rev() {
        let c = kind_index(*kind);
        let mut seen = std::collections::HashSet::new();
        let (involving, rest): (Vec<Plane>, Vec<Plane>) = current
            .into_iter()
            .filter_map(Plane::normalised)
            .filter(|p| seen.insert(p.key()))
            .partition(|p| p.a[c] != 0.0);
        let mut next = rest;
        if k > 0 {
            for (i, p) in involving.iter().enumerate() {
                let others = involving.get(i + 1..).unwrap_or_default();
                if next.len() + others.len() > MAX_POINTS || !budget.spend(others.len() + 1) {
                    budget.complete = false;
                    break;
                }
                next.extend(others.iter().map(|q| {
                    let mut a = [0.0; 4];
                    for (j, x) in a.iter_mut().enumerate() {
                        *x = if j == c {
                            0.0
                        } else {
                            p.a[j] * q.a[c] - q.a[j] * p.a[c]
                        };
                    }
                    Plane {
                        a,
                        b: p.b * q.a[c] - q.b * p.a[c],
                    }
                }));
            }
        }
        if let Some(level) = levels.get_mut(k) {
            *level = involving;
        }
        current = next;
    }
    levels
}

/// [`benchmark_points`] for the constant thresholds and benchmark lines of one or more rules,
/// with values in `lower..=upper`.
fn sweep_benchmarks(
    mut constants: Vec<f64>,
    lines: &[BenchmarkLine],
    lower: Option<f64>,
    upper: Option<f64>,
    budget: &mut Budget,
) -> Vec<[Option<f64>; 4]> {
    constants.extend(lower);
    constants.extend(upper);
    let mut used: Vec<BenchmarkKind> = Vec::new();
    for l in lines {
        if !used.contains(&l.kind) {
            used.push(l.kind);
        }
    }
    let planes = base_planes(&sorted_unique(constants), lines, upper);
    if !budget.spend(planes.len()) {
        return Vec::new();
    }
    let levels = projections(planes, &used, budget);
    let mut out = Vec::new();
    let arrangement = Arrangement {
        used: &used,
        levels: &levels,
        upper,
    };
    sweep(&arrangement, 0, [None; 4], budget, &mut out);
    out
}

/// What the benchmarks-first sweep reads: the kinds in order, each one's planes (see
/// [`projections`]) and the greatest value (and benchmark) the unit admits.
struct Arrangement<'a> {
    used: &'a [BenchmarkKind],
    levels: &'a [Vec<Plane>],
    upper: Option<f64>,
}

fn sweep(
    arrangement: &Arrangement,
    level: usize,
    fixed: [Option<f64>; 4],
    budget: &mut Budget,
    out: &mut Vec<[Option<f64>; 4]>,
) {
    let Arrangement {
        used,
        levels,
        upper,
    } = *arrangement;
    let (Some(&kind), Some(planes)) = (used.get(level), levels.get(level)) else {
        if out.len() >= MAX_POINTS {
            budget.complete = false;
        } else if budget.spend(1) {
            out.push(fixed);
        }
        return;
    };
    if !budget.spend(planes.len()) {
        return;
    }
    let c = kind_index(kind);
    // Each plane's root in this kind, given the kinds fixed so far; a plane that reads a
    // missing benchmark is no boundary here.
    let criticals: Vec<f64> = planes
        .iter()
        .filter_map(|p| {
            let mut rest = p.b;
            for (j, a) in p.a.iter().enumerate() {
                if j != c && *a != 0.0 {
                    rest += a * fixed.get(j).copied().flatten()?;
                }
            }
            Some(-rest / p.a[c])
        })
        .collect();
    let mut points: Vec<Option<f64>> = spread(criticals, 0.0, upper)
        .into_iter()
        .map(Some)
        .collect();
    points.push(None);
    for p in points {
        if budget.exhausted() || out.len() >= MAX_POINTS {
            return;
        }
        let mut next = fixed;
        next[c] = p;
        sweep(arrangement, level + 1, next, budget, out);
    }
}

/// The combinatorial type of a context: the direction, its benchmark kinds, whether there
/// is a milestone, and the order (with ties) of every constant threshold, the unit's bounds
/// and every benchmark critical point. Contexts of the same type have the same cells in the
/// same order, so they get the same verdicts.
fn order_type(bands: &[BandOut<Evaluable>], ctx: &Context, budget: &mut Budget) -> Vec<u32> {
    let (mut constants, lines) = lines(bands, ctx);
    constants.extend([ctx.lower.unwrap_or(f64::NAN), ctx.upper.unwrap_or(f64::NAN)]);
    let mut key = vec![ctx.direction as u32, ctx.milestone.is_some() as u32];
    let first_kind = lines.first().map(|l| l.kind);
    if lines.iter().any(|l| Some(l.kind) != first_kind) {
        // Several kinds: the exact numbers are the type (identical goals still share one).
        key.extend(constants.iter().flat_map(|c| {
            let bits = c.to_bits();
            [bits as u32, (bits >> 32) as u32]
        }));
        return key;
    }
    let criticals: Vec<f64> = benchmark_points(bands, ctx, budget)
        .into_iter()
        .flat_map(|p| p.into_iter().map(|b| b.unwrap_or(f64::NAN)))
        .collect();
    key.extend(
        ctx.kinds
            .iter()
            .map(|k| k.map_or(u32::MAX, |k| kind_index(k) as u32)),
    );
    key.extend(ranks(&constants));
    key.extend(ranks(&criticals));
    key
}

/// Each value's rank among the distinct values (NaN, for "none", ranks last).
fn ranks(values: &[f64]) -> Vec<u32> {
    let distinct = sorted_unique(values.to_vec());
    values
        .iter()
        .map(|v| {
            if v.is_nan() {
                u32::MAX
            } else {
                distinct.partition_point(|d| *d < *v - 1e-9) as u32
            }
        })
        .collect()
}

/// Higher for examples a reader takes in at once: whole numbers, not at the edge of the
/// unit's range, and a value near the benchmark it is compared with.
fn niceness(s: &Witness, ctx: &Context) -> f64 {
    let whole = |x: Option<f64>| x.map_or(1.0, |v| if v.fract() == 0.0 { 1.0 } else { 0.0 });
    let v = s.value.unwrap_or(0.0);
    let at_edge = ctx.lower == Some(v) || ctx.upper == Some(v);
    let near = s
        .benchmark(ctx)
        .map_or(0.0, |m| 1.0 - ((v - m).abs() / m.abs().max(1.0)).min(1.0));
    whole(s.value) * 2.0 + whole(s.benchmark(ctx)) + if at_edge { 0.0 } else { 4.0 } + near
}

/// Points of every open interval between `criticals` (and beyond them) above an open lower
/// bound and up to an upper bound, plus the criticals themselves.
fn spread(criticals: Vec<f64>, open_lower: f64, upper: Option<f64>) -> Vec<f64> {
    let mut points = sorted_unique(criticals);
    points.retain(|&x| x > open_lower && upper.is_none_or(|u| x <= u));
    let mut out = Vec::new();
    let mut previous = open_lower;
    for &p in &points {
        out.push(between(previous, p));
        out.push(p);
        previous = p;
    }
    match upper {
        Some(u) if previous >= u => {}
        Some(u) => out.push(between(previous, u)),
        None => out.push((previous + 1.0).ceil()),
    }
    out
}

/// Like [`spread`], for a closed range (values may sit on the unit's bounds).
fn spread_closed(criticals: Vec<f64>, lower: Option<f64>, upper: Option<f64>) -> Vec<f64> {
    let mut points = sorted_unique(criticals);
    points.extend(lower);
    points.extend(upper);
    let mut points = sorted_unique(points);
    points.retain(|&x| lower.is_none_or(|l| x >= l) && upper.is_none_or(|u| x <= u));
    let mut out = Vec::new();
    match points.first() {
        None => out.push(lower.unwrap_or(0.0)),
        Some(&first) => {
            if lower.is_none_or(|l| first > l) {
                out.push(match lower {
                    Some(l) => between(l, first),
                    None => (first - 1.0).floor(),
                });
            }
        }
    }
    for w in points.windows(2) {
        out.push(w[0]);
        out.push(between(w[0], w[1]));
    }
    if let Some(&last) = points.last() {
        out.push(last);
        if upper.is_none_or(|u| last < u) {
            out.push(match upper {
                Some(u) => between(last, u),
                None => (last + 1.0).ceil(),
            });
        }
    }
    out
}

fn sorted_unique(mut xs: Vec<f64>) -> Vec<f64> {
    xs.retain(|x| x.is_finite());
    xs.sort_by(f64::total_cmp);
    xs.dedup_by(|a, b| (*a - *b).abs() <= 1e-9);
    xs
}

/// A point strictly between a and b, a whole number where one fits (better examples).
fn between(a: f64, b: f64) -> f64 {
    let mid = (a + b) / 2.0;
    let round = mid.round();
    if round > a + 1e-9 && round < b - 1e-9 {
        return round;
    }
    let lo = a.floor() + 1.0;
    if lo < b - 1e-9 {
        return lo;
    }
    mid
}

/// The values the indicator's unit admits (no bounds without a unit).
pub fn unit_range(indicator: Option<&Indicator>) -> (Option<f64>, Option<f64>) {
    indicator
        .and_then(|i| i.unit.as_ref())
        .map_or((None, None), |u| u.unit.range())
}

pub fn check(m: &Model) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    // Goals per rule.
    let mut users: HashMap<*const Rule, Vec<&Goal>> = HashMap::default();
    for goal in &m.goals {
        if goal.measure.is_none() {
            continue;
        }
        if let Some((rule, _)) = m.rule_of(goal) {
            users.entry(rule as *const Rule).or_default().push(goal);
        }
    }
    for rule in &m.rules {
        let goals = users
            .get(&(*rule as *const Rule))
            .map_or(&[][..], Vec::as_slice);
        check_rule(m, rule, goals, &mut diags);
    }
    diags
}

fn uses(rule: &Rule, wanted: Reference) -> Option<Span> {
    rule.bands.iter().find_map(|b| {
        b.condition.as_ref().and_then(|c| {
            c.atoms().into_iter().find_map(|(a, span)| {
                let r = a.reference()?;
                (std::mem::discriminant(&r) == std::mem::discriminant(&wanted)).then_some(span)
            })
        })
    })
}

pub(crate) fn benchmark_words(kind: BenchmarkKind) -> &'static str {
    match kind {
        BenchmarkKind::County => "the county average",
        BenchmarkKind::National => "the national average",
        BenchmarkKind::Peers => "the peer group's average",
        BenchmarkKind::Group => "the comparison group's average",
    }
}

/// "the county average is 70", one per benchmark the point has.
fn benchmarks_given(w: &Witness, ctx: &Context) -> Vec<Text> {
    ctx.kinds
        .iter()
        .flatten()
        .filter_map(|k| {
            w.benchmarks[kind_index(*k)]
                .map(|b| text!("rules-given.benchmark", kind = k.as_str(), value = b))
        })
        .collect()
}

/// The benchmark kinds a rule names (`meets benchmark national`), with where.
fn named_kinds(rule: &Rule) -> Vec<(BenchmarkKind, Span)> {
    let mut out = Vec::new();
    for band in &rule.bands {
        let Some(c) = &band.condition else { continue };
        for (atom, span) in c.atoms() {
            if let Some(Reference::Benchmark(Some(kind))) = atom.reference() {
                out.push((kind, span));
            }
        }
    }
    out
}

/// One analysed context: the goal's compiled bands in one kind of year.
struct Analysed<'a> {
    bands: Vec<BandOut<Evaluable>>,
    ctx: Context,
    goal: Option<&'a Goal>,
    /// For a rule no goal uses: the target and baseline assumed.
    assumed: Option<GoalValues>,
}

fn check_rule<'a>(m: &Model, rule: &Rule, goals: &[&'a Goal], diags: &mut Vec<Diagnostic>) {
    let needs_target = uses(rule, Reference::Target);
    let needs_baseline = uses(rule, Reference::Baseline);
    let needs_benchmark = uses(rule, Reference::Benchmark(None));

    let mut contexts: Vec<Analysed<'a>> = Vec::new();
    let mut seen: HashMap<Vec<u32>, ()> = HashMap::default();
    let mut budget = Budget::new(RULE_BUDGET);
    let mut held = 0usize;
    let mut add = |bands: Vec<BandOut<Evaluable>>,
                   ctx: Context,
                   goal: Option<&'a Goal>,
                   assumed: Option<GoalValues>,
                   budget: &mut Budget| {
        // The contexts are held until analysed: their compiled bands bound the memory.
        if held + bands.len() > MAX_POINTS {
            budget.complete = false;
            return;
        }
        let mut key = order_type(&bands, &ctx, budget);
        if !budget.complete {
            // No budget left to tell contexts apart: each is its own (the analysis of it
            // will stop at once, and P0311 says so).
            key.push(seen.len() as u32);
        }
        if seen.insert(key, ()).is_none() {
            held += bands.len();
            contexts.push(Analysed {
                bands,
                ctx,
                goal,
                assumed,
            });
        }
    };
    let mut analysed = rustc_hash::FxHashSet::default();
    // P0306, and the contexts to analyse (goals that lack a reference are reported, not analysed).
    for goal in goals {
        let indicator = m.measure_of(goal);
        let direction = indicator
            .and_then(|i| i.direction)
            .map_or(Direction::Higher, |d| d.0);
        let values = GoalValues::of(goal, direction);
        let declared: Vec<BenchmarkKind> = indicator
            .map(|i| {
                i.benchmarks
                    .iter()
                    .filter_map(|b| BenchmarkKind::parse(&b.kind.name))
                    .collect()
            })
            .unwrap_or_default();
        let has_benchmark = !declared.is_empty();
        // Goals already reported for a missing or impossible target (P0401, P0501, P0504)
        // are not analysed: their rule cannot be judged until that is fixed.
        let range = unit_range(indicator);
        let outside = |x: Option<f64>| {
            x.is_some_and(|x| range.0.is_some_and(|l| x < l) || range.1.is_some_and(|u| x > u))
        };
        let relative_without_baseline = matches!(
            goal.target.map(|t| t.value),
            Some(TargetValue::Relative(..))
        ) && goal.baseline.is_none();
        let measured_level = m.level_of(goal).is_some_and(|l| l.measured.is_some());
        if (goal.target.is_none() && measured_level)
            || relative_without_baseline
            || outside(values.target)
            || outside(values.baseline)
        {
            continue;
        }
        // (what the rule compares with, what the goal lacks, the label, where the rule needs it)
        let mut lacks: Vec<(Text, Text, Text, Span)> = Vec::new();
        if let Some(span) = needs_target {
            if values.target.is_none() && !values.target_is_benchmark {
                lacks.push((
                    text!("rules-lacks.target"),
                    text!("rules-lacks.no-target"),
                    text!("rules-lacks.needs-target"),
                    span,
                ));
            }
        }
        if let Some(span) = needs_baseline {
            if values.baseline.is_none() {
                lacks.push((
                    text!("rules-lacks.baseline"),
                    text!("rules-lacks.no-baseline"),
                    text!("rules-lacks.needs-baseline"),
                    span,
                ));
            }
        }
        let benchmark_needed = needs_benchmark.or(if values.target_is_benchmark {
            needs_target
        } else {
            None
        });
        if let Some(span) = benchmark_needed {
            if !has_benchmark {
                lacks.push((
                    text!("rules-lacks.benchmark"),
                    match indicator {
                        Some(i) => text!("rules-lacks.no-benchmark", indicator = &i.id.name),
                        None => text!("rules-lacks.no-indicator"),
                    },
                    text!("rules-lacks.needs-benchmark"),
                    span,
                ));
            }
        }
        if has_benchmark {
            for (kind, span) in named_kinds(rule) {
                let k = kind.as_str();
                let said = text!("rules-lacks.kind", kind = k);
                if !declared.contains(&kind) && !lacks.iter().any(|l| l.0 == said) {
                    lacks.push((
                        said,
                        match indicator {
                            Some(i) => {
                                text!("rules-lacks.no-kind", indicator = &i.id.name, kind = k,)
                            }
                            None => text!("rules-lacks.no-indicator-kind", kind = k),
                        },
                        text!("rules-lacks.needs-kind", kind = k),
                        span,
                    ));
                }
            }
        }
        // `target benchmark national` on an indicator without that benchmark.
        if let (Some(kind), Some(target)) = (values.target_benchmark, goal.target) {
            if has_benchmark && needs_target.is_some() && !declared.contains(&kind) {
                let k = kind.as_str();
                lacks.push((
                    text!("rules-lacks.target-kind", kind = k),
                    match indicator {
                        Some(i) => text!("rules-lacks.no-kind", indicator = &i.id.name, kind = k,),
                        None => text!("rules-lacks.no-indicator-kind", kind = k),
                    },
                    text!("rules-lacks.target-is-kind", kind = k),
                    target.span,
                ));
            }
        }
        if !lacks.is_empty() {
            let compares = and_chain(lacks.iter().map(|l| l.0.clone()).collect());
            let missing = and_chain(lacks.iter().map(|l| l.1.clone()).collect());
            let at = goal.rule.as_ref().map_or(goal.header, |r| r.span);
            let mut diag = Diagnostic::new(
                Code::P0306,
                at,
                text!(
                    "rules-lacks",
                    goal = &goal.id.name,
                    rule = &rule.id.name,
                    compares = compares.unwrap_or_else(|| text!("checks-nothing")),
                    missing = missing.unwrap_or_else(|| text!("checks-nothing")),
                ),
            )
            .primary(if goal.rule.is_some() {
                text!("rules-lacks.chosen-here")
            } else {
                text!("rules-lacks.default-rule")
            });
            for (_, _, label, span) in &lacks {
                diag = diag.label(*span, label.clone());
            }
            if let (Some(ind), true) = (indicator, benchmark_needed.is_some() && !has_benchmark) {
                diag = diag.label(ind.id.span, text!("rules-lacks.indicator-no-benchmark"));
            }
            diag = diag.help(text!("rules-lacks.help"));
            diags.push(diag);
            continue;
        }
        let (lower, upper) = unit_range(indicator);
        let ctx = Context {
            direction,
            milestone: None,
            milestone_year: None,
            kinds: Context::kinds_of(&declared),
            lower,
            upper,
        };
        // Goals with the same numbers get the same verdicts: compile and analyse one of them.
        let same = (
            direction as u8,
            values.target.map(f64::to_bits),
            values.target_is_benchmark,
            values.baseline.map(f64::to_bits),
            ctx.kinds,
            (lower.map(f64::to_bits), upper.map(f64::to_bits)),
            goal.milestones
                .iter()
                .map(|m| (m.value.value.to_bits(), m.year.map(|y| y.value)))
                .collect::<Vec<_>>(),
        );
        if !analysed.insert(same) {
            continue;
        }
        let bands = ir::compile_rule(rule, direction, &values);
        // Each milestone year is its own context: the milestone replaces the target.
        for ms in &goal.milestones {
            let year_ctx = Context {
                milestone: Some(ms.value.value),
                milestone_year: ms.year.map(|y| y.value),
                ..ctx
            };
            add(bands.clone(), year_ctx, Some(goal), None, &mut budget);
        }
        add(bands, ctx, Some(goal), None, &mut budget);
    }
    let generic = goals.is_empty();
    if generic {
        let assumed = assumed_goals(
            rule,
            needs_target.is_some(),
            needs_baseline.is_some(),
            &mut budget,
        );
        for values in assumed {
            if budget.exhausted() {
                break;
            }
            let ctx = Context {
                direction: Direction::Higher,
                milestone: None,
                milestone_year: None,
                kinds: Context::kinds_of(&BenchmarkKind::ALL),
                lower: None,
                upper: None,
            };
            add(
                ir::compile_rule(rule, Direction::Higher, &values),
                ctx,
                None,
                Some(values),
                &mut budget,
            );
        }
    }
    if contexts.is_empty() && budget.complete {
        return; // every goal using the rule already got P0306
    }

    let best_status = m.scale.first().map(|s| s.name.as_str());
    let not_assessable = m.not_assessable().map(|s| s.name.as_str());
    let ranks: Vec<Option<usize>> = rule
        .bands
        .iter()
        .map(|b| {
            (Some(b.status.name.as_str()) != not_assessable)
                .then(|| m.scale.iter().position(|s| s.name == b.status.name))
                .flatten()
        })
        .collect();
    let best: Vec<bool> = rule
        .bands
        .iter()
        .map(|b| Some(b.status.name.as_str()) == best_status)
        .collect();

    let n = rule.bands.len();
    let mut holds = vec![false; n];
    let mut first = vec![false; n];
    let mut shadowed_by = vec![BTreeSet::new(); n];
    let mut missing_ok = false;
    let mut gap: Option<(Witness, usize, f64)> = None;
    let mut inversion: Option<(Witness, usize, Witness, usize, usize)> = None;
    let mut breaches: Vec<Option<(f64, f64, usize)>> = vec![None; n];
    for (c, a) in contexts.iter().enumerate() {
        let v = analyse(&a.bands, &a.ctx, &ranks, &best, &mut budget);
        for i in 0..n {
            holds[i] |= v.holds[i];
            first[i] |= v.reaches(Decision::Band(i));
            shadowed_by[i].extend(v.shadowed_by[i].iter().copied());
            if breaches[i].is_none() {
                breaches[i] = v.best_breach[i].map(|(w, b)| (w, b, c));
            }
        }
        missing_ok |= v
            .decisions
            .iter()
            .any(|(d, w)| w.value.is_none() && matches!(d, Decision::Band(_)));
        if let Some(w) = v.gap {
            let score = niceness(&w, &a.ctx) + gap_bonus(&w, &a.bands, &a.ctx);
            if gap.as_ref().is_none_or(|(_, _, s)| score > *s) {
                gap = Some((w, c, score));
            }
        }
        if inversion.is_none() {
            inversion = v.inversion.map(|(bw, bb, ww, wb)| (bw, bb, ww, wb, c));
        }
    }

    let grey = not_assessable.unwrap_or("grey");
    let complete = budget.complete;
    if !complete {
        diags.push(
            Diagnostic::new(
                Code::P0311,
                rule.id.span,
                text!("rules-too-large", rule = &rule.id.name),
            )
            .primary(text!("rules-too-large.primary"))
            .help(text!("rules-too-large.help", count = rule.bands.len())),
        );
    }
    if !missing_ok && complete {
        diags.push(
            Diagnostic::new(
                Code::P0307,
                rule.id.span,
                text!("rules-no-missing", rule = &rule.id.name),
            )
            .primary(text!("rules-no-missing.primary"))
            .help(text!("rules-no-missing.help", status = grey)),
        );
    }

    for (i, band) in rule.bands.iter().enumerate() {
        // A band not found to match in an incomplete analysis is unproven, not dead.
        if !complete {
            break;
        }
        if !holds[i] {
            diags.push(
                Diagnostic::new(
                    Code::P0303,
                    band.condition.as_ref().map_or(band.span, Cond::span),
                    text!(
                        "rules-never-holds",
                        status = &band.status.name,
                        rule = &rule.id.name,
                    ),
                )
                .primary(text!("rules-never-holds.primary"))
                .help(text!("rules-never-holds.help")),
            );
        } else if !first[i] {
            let mut diag = Diagnostic::new(
                Code::P0301,
                band.span,
                text!(
                    "rules-shadowed",
                    status = &band.status.name,
                    rule = &rule.id.name,
                ),
            )
            .primary(text!("rules-shadowed.primary"))
            .help(text!("rules-shadowed.help"));
            for &earlier in &shadowed_by[i] {
                let e = &rule.bands[earlier];
                diag = diag.label(
                    e.span,
                    text!("rules-shadowed.earlier", status = &e.status.name),
                );
            }
            diags.push(diag);
        }
    }

    if let Some((w, c, _)) = gap {
        let a = &contexts[c];
        let example = describe(rule, &w, a);
        let mut diag = Diagnostic::new(
            Code::P0302,
            rule.id.span,
            text!("rules-gap", rule = &rule.id.name, example = example),
        )
        .primary(text!("rules-gap.primary"))
        .help(text!("rules-gap.help"));
        if let Some(goal) = a.goal {
            diag = diag.label(goal.id.span, text!("rules-gap.goal"));
        }
        diags.push(diag);
    }

    let mut direction_warned = false;
    for (i, breach) in breaches.iter().enumerate() {
        let Some((worse, better, c)) = *breach else {
            continue;
        };
        direction_warned = true;
        let a = &contexts[c];
        let band = &rule.bands[i];
        // Name the goal and its indicator: a rule shared by indicators of both directions is
        // wrong only for some of them.
        let message = match a.goal.and_then(|g| g.measure.as_ref().map(|ind| (g, ind))) {
            Some((g, ind)) => text!(
                "rules-direction.goal",
                status = &band.status.name,
                worse = worse,
                better = better,
                goal = &g.id.name,
                indicator = &ind.name,
                direction = direction_word(a.ctx.direction),
            ),
            None => text!(
                "rules-direction",
                status = &band.status.name,
                worse = worse,
                better = better,
                direction = direction_word(a.ctx.direction),
            ),
        };
        let mut diag = Diagnostic::new(
            Code::P0304,
            band.condition.as_ref().map_or(band.span, Cond::span),
            message,
        )
        .primary(text!("rules-direction.primary"))
        .help(text!("rules-direction.help"));
        if let Some(g) = a.goal {
            diag = diag.label(g.header, text!("rules-uses-this-rule", goal = &g.id.name));
        }
        diags.push(diag);
    }

    // P0310 says the same about order as P0304 says about one band: one message is enough.
    if let (Some((better, bb, worse, wb, c)), false) = (inversion, direction_warned) {
        let a = &contexts[c];
        let (better_band, worse_band) = (&rule.bands[bb], &rule.bands[wb]);
        let (bv, wv) = (better.value.unwrap_or(0.0), worse.value.unwrap_or(0.0));
        let mut given = benchmarks_given(&better, &a.ctx);
        given.extend(context_words(a));
        let when = match and_chain(given) {
            Some(given) => text!("rules-when", given = given),
            None => text!("checks-nothing"),
        };
        let which = match a.goal.and_then(|g| g.measure.as_ref()) {
            Some(ind) => text!("rules-inversion.indicator", indicator = &ind.name),
            None => text!("rules-inversion.the-indicator"),
        };
        let mut diag = Diagnostic::new(
            Code::P0310,
            better_band.span,
            text!(
                "rules-inversion",
                rule = &rule.id.name,
                better = bv,
                better_status = &better_band.status.name,
                worse = wv,
                worse_status = &worse_band.status.name,
                when = when,
                which = which,
                direction = direction_word(a.ctx.direction),
            ),
        )
        .primary(text!(
            "rules-inversion.gives",
            status = &better_band.status.name,
            value = bv,
        ))
        .label(
            worse_band.span,
            text!(
                "rules-inversion.gives",
                status = &worse_band.status.name,
                value = wv,
            ),
        )
        .help(text!("rules-inversion.help"));
        if let Some(g) = a.goal {
            diag = diag.label(g.header, text!("rules-uses-this-rule", goal = &g.id.name));
        }
        diags.push(diag);
    }
}

/// The direction as the catalogue's selectors name it (`higher is better`, `lower is better`).
fn direction_word(direction: Direction) -> &'static str {
    match direction {
        Direction::Higher => "higher",
        Direction::Lower => "lower",
    }
}

/// "the target is 75", "in 2025, when the milestone is 70", "(goal `nki`)".
fn context_words(a: &Analysed) -> Vec<Text> {
    let mut out = Vec::new();
    match (a.ctx.milestone, a.ctx.milestone_year) {
        (Some(ms), Some(year)) => {
            out.push(text!("rules-given.milestone-year", year = year, value = ms))
        }
        (Some(ms), None) => out.push(text!("rules-given.milestone", value = ms)),
        _ => {}
    }
    if let Some(values) = &a.assumed {
        if let Some(t) = values.target {
            out.push(text!("rules-given.target", value = t));
        }
        if let Some(b) = values.baseline {
            out.push(text!("rules-given.baseline", value = b));
        }
    }
    out
}

fn describe(rule: &Rule, w: &Witness, a: &Analysed) -> Text {
    let value = w.value.unwrap_or(0.0);
    let mut given = benchmarks_given(w, &a.ctx);
    if let (Some(goal), None) = (a.goal, a.ctx.milestone) {
        if let Some(t) = goal
            .target
            .and_then(|t| match t.value {
                TargetValue::Number(n) => Some(n.value),
                _ => None,
            })
            .filter(|_| uses(rule, Reference::Target).is_some())
        {
            given.push(text!("rules-given.target", value = t));
        }
    }
    given.extend(context_words(a));
    let when = match and_chain(given) {
        Some(given) => text!("rules-when", given = given),
        None => text!("checks-nothing"),
    };
    match a.goal {
        Some(goal) => text!(
            "rules-example.goal",
            value = value,
            when = when,
            goal = &goal.id.name
        ),
        None => text!("rules-example", value = value, when = when),
    }
}

/// For a rule no goal uses: one target and baseline of every order type against the rule's
/// own numbers (where `k·T` or `k·B` meets a constant threshold or each other).
fn assumed_goals(
    rule: &Rule,
    free_target: bool,
    free_baseline: bool,
    budget: &mut Budget,
) -> Vec<GoalValues> {
    let mut constants = Vec::new();
    let mut target_factors = Vec::new();
    let mut baseline_factors = Vec::new();
    for band in &rule.bands {
        let Some(cond) = &band.condition else {
            continue;
        };
        for (atom, _) in cond.atoms() {
            let Some((r, k, o)) = atom.line() else {
                continue;
            };
            match r {
                Reference::Number(n) => constants.push(k * n + o),
                Reference::Target => target_factors.push((k, o)),
                Reference::Baseline => baseline_factors.push((k, o)),
                Reference::Benchmark(_) => {}
            }
        }
    }
    // Where `k·X + o` meets a known threshold.
    let over = |lines: &[(f64, f64)], known: &[f64], budget: &mut Budget| -> Vec<f64> {
        let mut c = Vec::new();
        for &(k, o) in lines {
            if c.len() + known.len() > MAX_POINTS {
                budget.complete = false;
                break;
            }
            if k.abs() > 1e-12 {
                c.extend(known.iter().map(|x| (x - o) / k));
            }
        }
        spread(c, 0.0, None)
    };
    let targets: Vec<Option<f64>> = if free_target {
        over(&target_factors, &constants, budget)
            .into_iter()
            .map(Some)
            .collect()
    } else {
        vec![None]
    };
    let mut out = Vec::new();
    for t in targets {
        if !budget.spend(constants.len() + target_factors.len() + baseline_factors.len()) {
            return out;
        }
        let baselines: Vec<Option<f64>> = if free_baseline {
            let mut known = constants.clone();
            if let Some(t) = t {
                known.extend(target_factors.iter().map(|(k, o)| k * t + o));
            }
            over(&baseline_factors, &known, budget)
                .into_iter()
                .map(Some)
                .collect()
        } else {
            vec![None]
        };
        for b in baselines {
            // Each assumed goal is compiled and analysed: a band's worth of work at least,
            // and the analysis of a rule no goal uses must not be spent on assuming goals.
            if out.len() >= MAX_ASSUMED_GOALS || !budget.spend(rule.bands.len() + 1) {
                budget.complete = false;
                return out;
            }
            out.push(GoalValues {
                target: t,
                target_is_benchmark: false,
                target_benchmark: None,
                baseline: b,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::interpret::Decision;
    use crate::{analyze_text, Analysis, Code};
    use std::path::Path;

    const HEAD: &str = r#"policy p "P" { period 2024..2027  default rule r }
body KF "KF"
chain {
  level area "Område"
  level strategic "Strategiskt" under area assessed by majority
  level goal "Mål" under strategic measured
}
report annual "Å" { uses actual  due 12-31  to KF }
area a "A" { owner KF }
strategic s "S" { under a  owner KF }
"#;

    fn policy(indicator: &str, rule: &str, rollup: &str, goal_extra: &str) -> Analysis {
        let text = format!(
            "{HEAD}indicator ind \"I\" {{ {indicator} }}\nrule r \"R\" {{\n{rule}\n}}\nrollup majority \"M\" {{\n{rollup}\n}}\ngoal g \"G\" {{\n  under s\n  owner KF\n  measure ind\n  follow-up annual\n{goal_extra}\n}}\n"
        );
        analyze_text(Path::new("t.pejl"), &text)
    }

    const DOROTEA_RULE: &str = "  green  when meets target or meets benchmark\n  yellow when within 10% of benchmark\n  red    otherwise\n  grey   when missing requires motivation";
    const MAJORITY: &str = "  grey   when all grey\n  green  when share green >= 50%\n  red    when share red > 50%\n  yellow otherwise";
    const PERCENT: &str = "unit percent  higher is better  benchmark county \"Länet\"";
    const GOAL: &str = "  baseline 68 in 2022\n  target 75 by 2026";

    fn codes(a: &Analysis) -> Vec<Code> {
        a.diagnostics.iter().map(|d| d.code).collect()
    }

    fn message(a: &Analysis, code: Code) -> String {
        a.diagnostics
            .iter()
            .find(|d| d.code == code)
            .map(|d| d.message.en())
            .unwrap_or_else(|| panic!("no {code} in {:?}", codes(a)))
    }

    /// A rule with fixed thresholds shared by a higher-is-better and a lower-is-better
    /// indicator: the warning names the goal whose direction it contradicts.
    #[test]
    fn direction_warning_names_the_goal_it_is_wrong_for() {
        let text = r#"policy m "M" { period 2024..2027  default rule r }
body KB "KB"
report aar "År" { uses actual  due 12-31  to KB }
chain {
  level omr "Område"
  level maal "Mål" under omr measured
}
omr o "O" { owner KB }
indicator op "Op" { unit percent  higher is better }
indicator ned "Ned" { unit percent  lower is better }
maal a "A" { under o  owner KB  measure op   baseline 40 in 2023  target 60 by 2027  follow-up aar }
maal b "B" { under o  owner KB  measure ned  baseline 40 in 2023  target 30 by 2027  follow-up aar }
rule r "R" {
  green  when value >= 60
  red    otherwise
  grey   when missing
}
"#;
        let a = crate::analyze_text(std::path::Path::new("d.pejl"), text);
        assert_eq!(
            message(&a, Code::P0304),
            "`green` is given to a value of 60 but not to 30 for goal `b`, although its indicator `ned` says lower is better"
        );
        assert_eq!(
            codes(&a),
            vec![Code::P0304],
            "only goal `b` is warned about"
        );
    }

    /// The issue's first example: a milestone replaces the target in its year, so a rule that
    /// is complete for the target can leave the milestone year's values without a status.
    #[test]
    fn a_milestone_year_is_analysed_with_the_milestone() {
        let rule = "  green  when value >= 75\n  yellow when value >= 60 and not meets target\n  red    when value < 60\n  grey   when missing";
        let a = policy(
            PERCENT,
            rule,
            MAJORITY,
            "  baseline 55 in 2022\n  target 75 by 2026\n  milestone 70 in 2025",
        );
        let msg = message(&a, Code::P0302);
        assert!(msg.contains("the milestone for 2025 is 70"), "{msg}");
        assert!(msg.contains("goal `g`"), "{msg}");
        // Without the milestone the same rule is complete.
        let a = policy(
            PERCENT,
            rule,
            MAJORITY,
            "  baseline 55 in 2022\n  target 75 by 2026",
        );
        assert!(!codes(&a).contains(&Code::P0302), "{:?}", a.diagnostics);
    }

    /// Bands in the wrong order: 95 gets yellow while 89 gets green.
    #[test]
    fn a_better_value_with_a_worse_status_is_reported() {
        let rule = "  yellow when value >= 90\n  green  when value >= 75\n  red    otherwise\n  grey   when missing";
        let a = policy(PERCENT, rule, MAJORITY, GOAL);
        let msg = message(&a, Code::P0310);
        assert_eq!(
            msg,
            "in rule `r`, a better value gets a worse status: 90 gets `yellow` but 83 gets `green`, although `ind` says higher is better"
        );
        // Dorotea's bands with the yellow line first.
        let rule = "  yellow when within 10% of benchmark\n  green  when meets target or meets benchmark\n  red    otherwise\n  grey   when missing requires motivation";
        let a = policy(PERCENT, rule, MAJORITY, GOAL);
        let msg = message(&a, Code::P0310);
        assert!(msg.contains("gets `yellow` but"), "{msg}");
        assert!(msg.contains("the county average is"), "{msg}");
        // Lower is better: the same thresholds mirrored are in order.
        let lower = "unit percent  lower is better  benchmark county \"Länet\"";
        let rule = "  green  when value <= 10\n  yellow when value <= 20\n  red    otherwise\n  grey   when missing";
        let a = policy(
            lower,
            rule,
            MAJORITY,
            "  baseline 25 in 2022\n  target 10 by 2026",
        );
        assert!(!codes(&a).contains(&Code::P0310), "{:?}", a.diagnostics);
        let rule = "  yellow when value <= 10\n  green  when value <= 20\n  red    otherwise\n  grey   when missing";
        let a = policy(
            lower,
            rule,
            MAJORITY,
            "  baseline 25 in 2022\n  target 10 by 2026",
        );
        let msg = message(&a, Code::P0310);
        assert!(msg.contains("lower is better"), "{msg}");
    }

    /// Dorotea compares "in a national and regional perspective": two typed benchmarks, and a
    /// rule naming the one it compares with.
    #[test]
    fn typed_benchmarks() {
        let two = "unit percent  higher is better  benchmark county \"Länet\" kolada \"0024\" unweighted  benchmark national \"Riket\" kolada \"0000\"";
        let rule = "  green  when meets target or (meets benchmark county and meets benchmark national)\n  yellow when within 10% of benchmark national\n  red    otherwise\n  grey   when missing requires motivation";
        let a = policy(two, rule, MAJORITY, GOAL);
        assert!(a.diagnostics.is_empty(), "{:?}", a.diagnostics);
        // A kind the indicator does not declare is an error naming it.
        let a = policy(PERCENT, rule, MAJORITY, GOAL);
        let msg = message(&a, Code::P0306);
        assert_eq!(
            msg,
            "goal `g` uses rule `r`, which compares with the `national` benchmark, but its indicator `ind` declares no `benchmark national`"
        );
        // Two kinds in one rule are analysed together: a gap that needs both is found.
        let rule = "  green  when meets benchmark county and meets benchmark national\n  red    when worse than benchmark county and worse than benchmark national\n  grey   when missing";
        let a = policy(two, rule, MAJORITY, GOAL);
        let msg = message(&a, Code::P0302);
        assert!(msg.contains("the county average is"), "{msg}");
        assert!(msg.contains("the national average is"), "{msg}");
        // The compiled rule names the kind; a plain `benchmark` is the indicator's first.
        let a = policy(two, "  green when meets benchmark national\n  yellow when meets benchmark\n  red otherwise\n  grey when missing", MAJORITY, GOAL);
        let compiled = crate::ir::compile(&a);
        let json = serde_json::to_string(
            &compiled
                .goals
                .iter()
                .find(|g| g.id == "g")
                .unwrap()
                .evaluation,
        )
        .unwrap();
        assert!(json.contains(r#""benchmark":"national""#), "{json}");
        assert_eq!(json.matches(r#""benchmark":"#).count(), 1, "{json}");
        assert_eq!(compiled.indicators[0].benchmarks.len(), 2);
        assert_eq!(
            compiled.indicators[0].benchmarks[0].kolada.as_deref(),
            Some("0024")
        );
        // One benchmark of each kind.
        let twice = "unit percent  higher is better  benchmark county \"Länet\"  benchmark county \"Regionen\"";
        let a = policy(twice, DOROTEA_RULE, MAJORITY, GOAL);
        assert_eq!(
            message(&a, Code::P0107),
            "`benchmark county` is given twice in the same block"
        );
    }

    /// A rollup count only hundreds of millions of children could reach is checked at once
    /// and without memory to match (it took 2 GB; a larger count aborted).
    #[test]
    fn rollup_counts_of_hundreds_of_millions() {
        for count in ["100000000", "999999999999999"] {
            let rollup = format!("  green when count green >= {count}\n  red otherwise");
            let a = policy(PERCENT, DOROTEA_RULE, &rollup, GOAL);
            assert!(
                !codes(&a).contains(&Code::P0001) && !codes(&a).contains(&Code::P0308),
                "{count}: {:?}",
                a.diagnostics
            );
        }
    }

    /// A rule of hundreds of bands mixing thresholds with benchmark and target comparisons
    /// is analysed within the budget: what is found is reported, "never matches" is not
    /// claimed, and P0311 says the check is incomplete.
    #[test]
    fn a_huge_mixed_rule_is_checked_within_the_budget() {
        let mut rule = String::new();
        for i in 0..1200 {
            rule.push_str(&match i % 3 {
                0 => format!("  green when value >= {}\n", 100 - i / 10),
                1 => format!("  yellow when within {}% of benchmark\n", 1 + i % 7),
                _ => format!("  red when within {}% of target\n", 1 + i % 5),
            });
        }
        rule.push_str("  grey when missing");
        let a = policy(PERCENT, &rule, MAJORITY, GOAL);
        let found = codes(&a);
        assert!(found.contains(&Code::P0311), "{found:?}");
        for unproven in [Code::P0301, Code::P0303, Code::P0307] {
            assert!(!found.contains(&unproven), "{found:?}");
        }
        // The same rule with a handful of bands is analysed completely.
        let small: String = rule
            .lines()
            .take(6)
            .chain(["  grey when missing"])
            .collect::<Vec<_>>()
            .join("\n");
        let a = policy(PERCENT, &small, MAJORITY, GOAL);
        assert!(!codes(&a).contains(&Code::P0311), "{:?}", a.diagnostics);
    }

    /// Percentages are compared in points: `within 5 points of benchmark` is 5 percentage
    /// points below (higher is better) the benchmark, whatever its size.
    #[test]
    fn percentage_points() {
        let rule = "  green  when meets benchmark\n  yellow when within 5 points of benchmark\n  red    otherwise\n  grey   when missing";
        let a = policy(PERCENT, rule, MAJORITY, GOAL);
        assert!(a.diagnostics.is_empty(), "{:?}", a.diagnostics);
        let g = crate::ir::compile(&a);
        let goal = g.goals.iter().find(|g| g.id == "g").unwrap();
        let bands = goal.evaluation.as_ref().unwrap();
        let decide = |value: f64, benchmark: f64| {
            let table = [("county", Some(benchmark))];
            let facts = crate::interpret::Facts {
                value: Some(value),
                milestone: None,
                benchmarks: &table,
            };
            match crate::interpret::decide(bands, &facts) {
                Decision::Band(b) => bands[b].status.clone(),
                other => format!("{other:?}"),
            }
        };
        assert_eq!(decide(70.0, 70.0), "green");
        assert_eq!(decide(65.0, 70.0), "yellow");
        assert_eq!(decide(64.9, 70.0), "red");
        // Within 5 points of the target, which a milestone replaces in its year.
        let rule = "  green  when meets target\n  yellow when within 5 points of target\n  red    otherwise\n  grey   when missing";
        let a = policy(
            PERCENT,
            rule,
            MAJORITY,
            "  baseline 68 in 2022\n  target 75 by 2026\n  milestone 72 in 2025",
        );
        assert!(a.diagnostics.is_empty(), "{:?}", a.diagnostics);
        let g = crate::ir::compile(&a);
        let bands = g
            .goals
            .iter()
            .find(|g| g.id == "g")
            .unwrap()
            .evaluation
            .as_ref()
            .unwrap();
        let status = |value: f64, milestone: Option<f64>| {
            let facts = crate::interpret::Facts {
                value: Some(value),
                milestone,
                benchmarks: &[],
            };
            match crate::interpret::decide(bands, &facts) {
                Decision::Band(b) => bands[b].status.clone(),
                other => format!("{other:?}"),
            }
        };
        assert_eq!(status(70.0, None), "yellow");
        assert_eq!(status(69.0, None), "red");
        assert_eq!(status(67.0, Some(72.0)), "yellow");
        assert_eq!(status(66.0, Some(72.0)), "red");
    }

    /// `within … points of baseline` needs a baseline like `within 10% of baseline` does: without
    /// one every comparison would be unknown and the goal silently grey.
    #[test]
    fn points_of_a_reference_the_goal_lacks() {
        let rule = "  green  when meets target\n  yellow when within 5 points of baseline\n  red    otherwise\n  grey   when missing";
        let a = policy(PERCENT, rule, MAJORITY, "  target 75 by 2026");
        let msg = message(&a, Code::P0306);
        assert!(msg.contains("the goal has no baseline"), "{msg}");
    }

    /// A misspelt benchmark kind gets a "did you mean"; a keyword or the next band after a plain
    /// `benchmark` is not taken for a kind.
    #[test]
    fn benchmark_kinds_as_written() {
        let two = "unit percent  higher is better  benchmark county \"Länet\"  benchmark national \"Riket\"";
        let rule =
            "  green  when meets benchmark nationell\n  red    otherwise\n  grey   when missing";
        let a = policy(two, rule, MAJORITY, GOAL);
        let d = a
            .diagnostics
            .iter()
            .find(|d| d.code == Code::P0001)
            .expect("P0001");
        assert_eq!(d.message, "`nationell` is not a benchmark kind");
        assert!(d
            .help_en()
            .as_deref()
            .unwrap_or("")
            .contains("did you mean `national`?"));
        assert_eq!(codes(&a), vec![Code::P0001]);
        let rule = "  green  when meets benchmark requires motivation\n  yellow when within 10% of benchmark and meets baseline\n  yellow when meets benchmark\n  red    otherwise\n  grey   when missing";
        let a = policy(two, rule, MAJORITY, GOAL);
        assert!(!codes(&a).contains(&Code::P0001), "{:?}", a.diagnostics);
    }

    /// A number with a thousands separator may not mean its whole-number reading: P0005 says
    /// so, and the rule and goal are not also judged by 1000 or 75000.
    #[test]
    fn a_grouped_number_is_not_judged_by_its_whole_reading() {
        let rule = "  green  when meets target\n  yellow when value >= 1.000\n  red    otherwise\n  grey   when missing";
        let a = policy(
            PERCENT,
            rule,
            MAJORITY,
            "  baseline 55 in 2022\n  target 75.000 by 2026",
        );
        assert_eq!(
            codes(&a),
            vec![Code::P0005, Code::P0005],
            "{:?}",
            a.diagnostics
        );
    }

    /// Hostile shares: an absurd percentage is one syntax error, not a crash; a share only
    /// half a billion children could meet stops the analysis with P0311, within a second or two.
    #[test]
    fn rollups_with_absurd_shares() {
        let huge = "  green  when share green >= 10000000000000000000000000000000000000000%\n  yellow otherwise";
        let a = policy(PERCENT, DOROTEA_RULE, huge, GOAL);
        assert_eq!(codes(&a), vec![Code::P0001], "{:?}", a.diagnostics);
        let impossible = "  green  when share green >= 150%\n  yellow otherwise";
        let a = policy(PERCENT, DOROTEA_RULE, impossible, GOAL);
        assert_eq!(codes(&a), vec![Code::P0309], "{:?}", a.diagnostics);
        let fine =
            "  green  when share green > 50% and share green < 50.0000001%\n  yellow otherwise";
        let a = policy(PERCENT, DOROTEA_RULE, fine, GOAL);
        assert_eq!(codes(&a), vec![Code::P0311], "{:?}", a.diagnostics);
    }

    #[test]
    fn dorotea_rule_and_majority_rollup_are_consistent() {
        let a = policy(PERCENT, DOROTEA_RULE, MAJORITY, GOAL);
        assert!(a.diagnostics.is_empty(), "{:?}", a.diagnostics);
        let lower = "unit percent  lower is better  benchmark county \"Länet\"";
        let a = policy(
            lower,
            DOROTEA_RULE,
            MAJORITY,
            "  baseline 12 in 2022\n  target 8 by 2026",
        );
        assert!(a.diagnostics.is_empty(), "{:?}", a.diagnostics);
    }

    #[test]
    fn gap_is_reported_with_an_example() {
        let rule = "  green when meets target or meets benchmark\n  yellow when within 10% of benchmark\n  grey when missing";
        let a = policy(PERCENT, rule, MAJORITY, GOAL);
        let msg = message(&a, Code::P0302);
        assert!(msg.contains("a value of"), "{msg}");
        assert!(msg.contains("the county average is"), "{msg}");
        assert!(msg.contains("goal `g`"), "{msg}");
    }

    #[test]
    fn gap_between_numbers() {
        let rule = "  green when value >= 80\n  red when value < 70\n  grey when missing";
        let a = policy(PERCENT, rule, MAJORITY, GOAL);
        let msg = message(&a, Code::P0302);
        // Exactly the values from 70 up to (not including) 80 get no status.
        assert!(
            msg.contains("a value of 70") || msg.contains("a value of 75"),
            "{msg}"
        );
    }

    #[test]
    fn unit_range_limits_the_analysis() {
        // Below 0 % is impossible, so `value >= 0` covers every percentage.
        let rule = "  green when value >= 50\n  red when value >= 0\n  grey when missing";
        let a = policy(PERCENT, rule, MAJORITY, GOAL);
        assert!(!codes(&a).contains(&Code::P0302), "{:?}", a.diagnostics);
        let any = "unit currency \"SEK\"  higher is better";
        let rule = "  green when value >= 50\n  red when value >= -10\n  grey when missing";
        let a = policy(any, rule, MAJORITY, GOAL);
        assert!(codes(&a).contains(&Code::P0302), "{:?}", a.diagnostics);
    }

    #[test]
    fn shadowed_and_impossible_bands() {
        let rule = "  green when meets target\n  yellow when meets target and value > 90\n  red otherwise\n  grey when missing";
        let a = policy(PERCENT, rule, MAJORITY, GOAL);
        let d = a
            .diagnostics
            .iter()
            .find(|d| d.code == Code::P0301)
            .expect("P0301");
        assert!(d.message.en().contains("`yellow`"), "{}", d.message);
        assert_eq!(d.labels.len(), 1);
        let rule = "  green when value > 80 and value < 70\n  red otherwise\n  grey when missing";
        let a = policy(PERCENT, rule, MAJORITY, GOAL);
        assert!(codes(&a).contains(&Code::P0303), "{:?}", codes(&a));
        assert!(!codes(&a).contains(&Code::P0301));
    }

    #[test]
    fn missing_band_and_direction() {
        let rule = "  green when meets target\n  red otherwise";
        let a = policy(PERCENT, rule, MAJORITY, GOAL);
        assert!(codes(&a).contains(&Code::P0307));
        let rule = "  green when value <= 10\n  red otherwise\n  grey when missing";
        let a = policy(PERCENT, rule, MAJORITY, GOAL);
        let msg = message(&a, Code::P0304);
        assert!(msg.contains("higher is better"), "{msg}");
    }

    #[test]
    fn rule_needing_what_the_goal_lacks() {
        let no_benchmark = "unit percent  higher is better";
        let a = policy(no_benchmark, DOROTEA_RULE, MAJORITY, GOAL);
        let msg = message(&a, Code::P0306);
        assert!(msg.contains("benchmark"), "{msg}");
    }

    #[test]
    fn rollup_gaps_and_dead_bands() {
        let rollup = "  green when all green\n  red when any red\n  yellow when any yellow";
        let a = policy(PERCENT, DOROTEA_RULE, rollup, GOAL);
        let msg = message(&a, Code::P0308);
        assert!(msg.contains("grey"), "{msg}");
        let rollup =
            "  green when share green >= 50%\n  yellow when share green > 60%\n  red otherwise";
        let a = policy(PERCENT, DOROTEA_RULE, rollup, GOAL);
        assert!(codes(&a).contains(&Code::P0309), "{:?}", codes(&a));
    }

    #[test]
    fn unused_rule_is_analysed_generically() {
        let text = format!(
            "{HEAD}rule r \"R\" {{\n  green when meets target\n  yellow when better than baseline\n  grey when missing\n}}\nrollup majority \"M\" {{\n{MAJORITY}\n}}\n"
        );
        let a = analyze_text(Path::new("t.pejl"), &text);
        assert!(codes(&a).contains(&Code::P0302), "{:?}", codes(&a));
    }
}
