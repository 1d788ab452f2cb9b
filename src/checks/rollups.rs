//! Rollup consistency (P0308, P0309): which combinations of child statuses get which status,
//! decided exactly for any number of children.
//!
//! # What is analysed
//!
//! The compiled bands ([`crate::ir::compile_rollup`]), whose one meaning is
//! [`interpret::decide_rollup`]. A combination is a count `c_s ≥ 0` per status of the scale
//! with `n = Σ c_s ≥ 1`. The analysis finds, for every band, whether some combination makes
//! it the first match, which earlier bands take the combinations where it holds, and whether
//! some combination matches no band. Every verdict comes from the interpreter run on a
//! concrete witness combination; the symbolic part only decides *which* witnesses to try.
//!
//! # Why it is exact
//!
//! 1. *Atoms are constant on cells.* An atom speaks of one status `s`. `count s op K` is
//!    `op.holds(c_s, K)` on an integer `c_s`: with `T_s = {⌊K⌋−1, ⌊K⌋, ⌈K⌉, ⌈K⌉+1}` (all
//!    count atoms of `s`, plus 0), every integer between two consecutive points of `T_s` (or
//!    beyond the last) is more than 1 away from every `K`, so each atom's truth is the same
//!    on all of them; the points themselves are cells of their own. `share s op f` is, as in
//!    [`interpret::share_holds`], the sign of `c_s·10⁹ − p·n` with `p = round(f·10⁹)`, i.e.
//!    the position of the exact rational `c_s/n` relative to `p/10⁹`; with the ratios
//!    `R_s = {0, 1} ∪ {p/10⁹ of s's share atoms in [0, 1]}` it is constant on each point of
//!    `R_s` and each open interval between two consecutive ones. Atoms on a name outside
//!    the scale see a count of 0 and are constant.
//! 2. *Regions.* A region picks, per status, one count cell `I_s` and one ratio cell `J_s`.
//!    Every combination lies in exactly one region, and on a region every atom, hence every
//!    band condition, the first match and the set of bands that hold, is constant.
//! 3. *Each region is decided exactly* ([`smallest_n`]): it holds an integer point iff some
//!    `n` has, for every status, a non-empty `[A_s(n), B_s(n)]` (the integers of `I_s` whose
//!    ratio to `n` lies in `J_s`, `A_s = max(lo_s, ⌈lower ratio·n⌉)`,
//!    `B_s = min(hi_s, ⌊upper ratio·n⌋)`, strict ends adjusted by one) and
//!    `Σ A_s(n) ≤ n ≤ Σ B_s(n)` (then counts between the bounds make up `n`). `A_s` and `B_s`
//!    are non-decreasing in `n`, so each switches between its count and its ratio form at
//!    most once (found by binary search): this splits `n` into at most `2k + 1` pieces on
//!    which every bound has one form. On a piece each of the `k + 2` conditions reads
//!    `num·n/10⁹ + konst − Σ e ≥ 0`, where each rounded ratio bound contributes an error
//!    `e ∈ [0, 1]` (rounding always works against the condition). So it is impossible where
//!    the exact linear part is negative and certain where it is at least the number `m` of
//!    errors; every `n` in between lies in one of the conditions' uncertain strips (of
//!    `m·10⁹/|num| + 1` values each, or none when `num = 0`) and is tried directly, and the
//!    first certain `n` closes the piece. Two cases have `num = 0`: `konst = 0` means every
//!    error must vanish, i.e. `n` a multiple of the ends' denominators (no strict end) —
//!    the strips are walked in those steps; `0 < konst < m` (a fractional-part condition)
//!    is solved by residue classes of `n` modulo the lcm `L` of the denominators, where
//!    `⌈p(n+L)/10⁹⌉ = ⌈pn/10⁹⌉ + pL/10⁹` makes every condition linear in `j` for
//!    `n = n₀ + jL`. Each way returns the piece's smallest `n`; the first piece with one
//!    gives the region's smallest combination, whose counts follow greedily.
//! 4. *Search.* The regions are visited depth first, one status at a time (statuses in the
//!    order in which bands first mention them); a partial region leaves the other statuses
//!    free (together: any count ≥ 0), which is again a region of the same kind, decided the
//!    same way, so an infeasible prefix is cut off with everything under it. Every visited
//!    feasible (partial) region contributes the verdicts of its witness. A band is
//!    *determined* once all statuses it mentions are fixed; its truth is then the one on the
//!    witness. A subtree is skipped only when its first match is already fixed (a determined
//!    band that holds, all bands before it determined and false) and every fact a
//!    combination below could add is known (that band is first somewhere, and every later
//!    band that holds or is undetermined is already known to be taken by it there). A
//!    subtree that could hold a gap is never skipped, so the smallest gap (fewest children)
//!    is found exactly.
//!
//! Counts are exact up to 2⁵³ children in all (where the evaluator's `f64` counts are exact).
//!
//! # Cost
//!
//! With `k` statuses and `a_s` atoms on status `s`, status `s` has at most
//! `(4a_s + 1)(2a_s + 3)` cells, so there are `O(∏_s a_s²) = O(a^{2k})` regions for `a`
//! atoms in all — polynomial in the number of bands for a fixed scale. Each region costs
//! `O(k² log N)` for its pieces plus the uncertain strips it walks (a few values of `n`
//! for realistic shares; at worst `m·10⁹/|num|`, or `L ≤ 10⁹` residue classes for a
//! fractional-part condition with seven-decimal shares), and `O(size of the rollup)` to
//! evaluate its witness. The pruning of step 4 keeps the visited regions far below the
//! bound when bands speak of few statuses each; bands that interleave thresholds on every
//! status (a ladder of shares over four statuses) visit close to all of them (see
//! bench/README.md).

use super::and_list;
use crate::diagnostic::{Code, Diagnostic};
use crate::i18n::Text;
use crate::interpret::{decide_rollup, eval_rollup, Tally};
use crate::ir::{compile_rollup, BandOut, RollupCondition};
use crate::model::Model;
use crate::syntax::ast::Rule;
use crate::text;
use std::collections::BTreeMap;

pub fn check(m: &Model) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    let statuses: Vec<String> = m.scale.iter().map(|s| s.name.clone()).collect();
    for rollup in &m.rollups {
        check_rollup(rollup, &statuses, &mut diags);
    }
    diags
}

/// A combination of child statuses: a count per status, in scale order.
pub type Split = Vec<usize>;

/// What the analysis found for one band.
#[derive(Debug, Clone, Default)]
pub struct BandVerdict {
    /// A combination for which this band is the first match.
    pub first: Option<Split>,
    /// Earlier bands that take combinations where this band holds, each with one such
    /// combination.
    pub shadowed_by: BTreeMap<usize, Split>,
}

impl BandVerdict {
    /// Whether some combination satisfies the band's condition.
    pub fn holds_somewhere(&self) -> bool {
        self.first.is_some() || !self.shadowed_by.is_empty()
    }
}

/// The verdicts on a compiled rollup.
#[derive(Debug, Clone, Default)]
pub struct RollupVerdicts {
    pub bands: Vec<BandVerdict>,
    /// The combination with the fewest children that matches no band, if any.
    pub gap: Option<Split>,
    /// Every region was decided. When not (the step budget ran out, or a scale of more than 63
    /// statuses), what was found holds — each fact has its witness — but a band not found
    /// reachable may still be.
    pub complete: bool,
}

/// Counts in scale order, as the interpreter reads them.
pub struct Counts<'a> {
    pub statuses: &'a [String],
    pub counts: &'a [usize],
}

impl Tally for Counts<'_> {
    fn count(&self, status: &str) -> usize {
        self.statuses
            .iter()
            .position(|s| s == status)
            .map_or(0, |i| self.counts[i])
    }
    fn total(&self) -> usize {
        self.counts.iter().sum()
    }
}

/// Ratios are in parts per billion, as in [`crate::interpret::share_holds`].
const D: i128 = crate::interpret::SHARE_PARTS;
/// The work one rollup's analysis may do, in steps: a child count tried is one step, a region
/// visited one per band (its witness is evaluated against every band). Thousands of times
/// what real rollups need (Dorotea's majority takes a few hundred) and about a second at most;
/// past it the analysis stops and says so (P0311) instead of holding up the editor.
const BUDGET: u64 = 5_000_000;

thread_local! {
    static SPENT: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// Counts `steps` of the analysis' work; false once the budget is spent.
fn spend(steps: u64) -> bool {
    SPENT.with(|s| {
        let n = s.get().saturating_add(steps);
        s.set(n);
        n <= BUDGET
    })
}

/// The largest number of children considered (the evaluator's counts are exact up to here).
const N_MAX: i128 = 1 << 53;

/// One end of a ratio interval: `c/n ≥ p/D` (or `>` when strict) for a lower end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct End {
    p: i128,
    strict: bool,
}

/// The constraints of a region on one status: `lo ≤ c ≤ hi`, `c/n` between `low` and `high`.
#[derive(Debug, Clone, Copy)]
struct Cell {
    lo: i128,
    hi: i128,
    low: End,
    high: End,
}

const FREE: Cell = Cell {
    lo: 0,
    hi: N_MAX,
    low: End {
        p: 0,
        strict: false,
    },
    high: End {
        p: D,
        strict: false,
    },
};

/// The smallest count allowed by a lower ratio end at `n` children.
fn ratio_lower(e: End, n: i128) -> i128 {
    let x = e.p * n;
    if e.strict {
        x / D + 1
    } else {
        (x + D - 1) / D
    }
}

/// The largest count allowed by an upper ratio end at `n` children.
fn ratio_upper(e: End, n: i128) -> i128 {
    let x = e.p * n;
    if e.strict {
        (x + D - 1) / D - 1
    } else {
        x / D
    }
}

/// The smallest `n` in `1..=N_MAX` for which the monotone `pred` holds.
fn first_true(pred: impl Fn(i128) -> bool) -> Option<i128> {
    if !pred(N_MAX) {
        return None;
    }
    let (mut lo, mut hi) = (1, N_MAX);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if pred(mid) {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    Some(lo)
}

fn gcd(a: i128, b: i128) -> i128 {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}

/// The period after which `⌈p·n/D⌉` grows by a whole number.
fn period(p: i128) -> i128 {
    D / gcd(p, D)
}

fn div_floor(a: i128, b: i128) -> i128 {
    let q = a / b;
    if (a % b != 0) && ((a < 0) != (b < 0)) {
        q - 1
    } else {
        q
    }
}

fn div_ceil(a: i128, b: i128) -> i128 {
    -div_floor(-a, b)
}

/// The smallest `n` in a piece `start..=end` (on which every bound has one form) that meets
/// every condition, by residue classes of `n` modulo the period `L` of the ratio bounds in
/// use: within a class every condition is linear in `j` for `n = n₀ + jL`.
fn residues(
    cells: &[Cell],
    start: i128,
    end: i128,
    a_ratio: &[bool],
    b_ratio: &[bool],
    bounds: &dyn Fn(&Cell, i128) -> (i128, i128),
) -> Option<i128> {
    let mut l: i128 = 1;
    for (k, c) in cells.iter().enumerate() {
        for (used, p) in [(a_ratio[k], c.low.p), (b_ratio[k], c.high.p)] {
            if used {
                let q = period(p);
                l = l / gcd(l, q) * q;
            }
        }
    }
    // v + j·d ≥ 0 for j in jlo..=jhi
    let need = |v: i128, d: i128, jlo: &mut i128, jhi: &mut i128| {
        if d == 0 {
            if v < 0 {
                *jhi = -1;
            }
        } else if d > 0 {
            if v < 0 {
                *jlo = (*jlo).max(div_ceil(-v, d));
            }
        } else if v < 0 {
            *jhi = -1;
        } else {
            *jhi = (*jhi).min(v / (-d));
        }
    };
    let mut best: Option<i128> = None;
    for rho in 0..l {
        if !spend(1) {
            break;
        }
        let n0 = start + rho;
        if n0 > end || best.is_some_and(|b| n0 >= b) {
            break;
        }
        let (mut jlo, mut jhi) = (0i128, (end - n0) / l);
        let (mut sum_a, mut sum_b) = ((0i128, 0i128), (0i128, 0i128));
        for (k, c) in cells.iter().enumerate() {
            let (a, b) = bounds(c, n0);
            let da = if a_ratio[k] { c.low.p * l / D } else { 0 };
            let db = if b_ratio[k] { c.high.p * l / D } else { 0 };
            need(b - a, db - da, &mut jlo, &mut jhi);
            sum_a = (sum_a.0 + a, sum_a.1 + da);
            sum_b = (sum_b.0 + b, sum_b.1 + db);
        }
        need(n0 - sum_a.0, l - sum_a.1, &mut jlo, &mut jhi);
        need(sum_b.0 - n0, sum_b.1 - l, &mut jlo, &mut jhi);
        if jlo <= jhi {
            let n = n0 + jlo * l;
            best = Some(best.map_or(n, |b: i128| b.min(n)));
        }
    }
    best
}

/// The smallest number of children a region admits, with the counts per cell; exact (see the
/// module comment, step 3).
fn smallest_n(cells: &[Cell]) -> Option<(i128, Vec<i128>)> {
    // Quick necessary conditions.
    for c in cells {
        if c.lo > c.hi
            || c.low.p > c.high.p
            || (c.low.p == c.high.p && (c.low.strict || c.high.strict))
        {
            return None;
        }
    }
    if cells.iter().map(|c| c.low.p).sum::<i128>() > D
        || cells.iter().map(|c| c.high.p).sum::<i128>() < D
        || cells.iter().map(|c| c.lo).sum::<i128>() > N_MAX
    {
        return None;
    }
    // Where each A_s switches from `lo` to its ratio form, and each B_s from its ratio form to
    // `hi`.
    let to_ratio: Vec<Option<i128>> = cells
        .iter()
        .map(|c| first_true(|n| ratio_lower(c.low, n) >= c.lo))
        .collect();
    let to_count: Vec<Option<i128>> = cells
        .iter()
        .map(|c| first_true(|n| ratio_upper(c.high, n) >= c.hi))
        .collect();
    let mut starts: Vec<i128> = std::iter::once(1)
        .chain(to_ratio.iter().chain(&to_count).flatten().copied())
        .collect();
    starts.sort_unstable();
    starts.dedup();
    let bounds = |c: &Cell, n: i128| {
        (
            c.lo.max(ratio_lower(c.low, n)),
            c.hi.min(ratio_upper(c.high, n)),
        )
    };
    for (i, &start) in starts.iter().enumerate() {
        let end = starts.get(i + 1).map_or(N_MAX, |s| s - 1);
        let a_ratio: Vec<bool> = to_ratio
            .iter()
            .map(|x| x.is_some_and(|x| start >= x))
            .collect();
        let b_ratio: Vec<bool> = to_count
            .iter()
            .map(|x| !x.is_some_and(|x| start >= x))
            .collect();
        // Each condition is `v(n) ≥ 0` with `v(n) = (num·n)/D + konst − Σ e`: every floor or
        // ceiling of a ratio bound enters as its exact value minus an error `e ∈ [0, 1]`
        // (`A` rounds up, `B` rounds down, strict ends by one more), `e = 0` exactly when the
        // end is not strict and `p·n/D` is whole. So a condition is impossible where
        // `num·n + konst·D < 0` and sure where `num·n + (konst − m)·D ≥ 0` (`m` errors); in
        // between, at most `m·D/|num| + 1` values of `n` are tried one by one.
        let mut conds: Vec<(i128, i128, Vec<End>)> = Vec::with_capacity(cells.len() + 2);
        let (mut all_a, mut all_b) = ((0i128, 0i128, Vec::new()), (0i128, 0i128, Vec::new()));
        for (k, c) in cells.iter().enumerate() {
            let (a, ea) = if a_ratio[k] {
                ((c.low.p, 0), Some(c.low))
            } else {
                ((0, c.lo), None)
            };
            let (b, eb) = if b_ratio[k] {
                ((c.high.p, 0), Some(c.high))
            } else {
                ((0, c.hi), None)
            };
            conds.push((b.0 - a.0, b.1 - a.1, ea.into_iter().chain(eb).collect()));
            all_a = (
                all_a.0 + a.0,
                all_a.1 + a.1,
                [all_a.2, ea.into_iter().collect()].concat(),
            );
            all_b = (
                all_b.0 + b.0,
                all_b.1 + b.1,
                [all_b.2, eb.into_iter().collect()].concat(),
            );
        }
        conds.push((D - all_a.0, -all_a.1, all_a.2));
        conds.push((all_b.0 - D, all_b.1, all_b.2));
        // The n of the piece where `num·n + konst·D ≥ 0`, as an interval.
        let half = |num: i128, konst: i128, (lo, hi): (i128, i128)| -> (i128, i128) {
            let rhs = -konst * D; // num·n ≥ rhs
            if num > 0 {
                (lo.max(div_ceil(rhs, num)), hi)
            } else if num < 0 {
                (lo, hi.min(div_floor(rhs, num)))
            } else if rhs <= 0 {
                (lo, hi)
            } else {
                (1, 0)
            }
        };
        let mut possible = (start, end);
        let mut sure = (start, end);
        let mut periodic = false;
        // `n` must be a multiple of `step`: conditions that hold only without any error.
        let mut step: i128 = 1;
        for (num, konst, ends) in &conds {
            let m = ends.len() as i128;
            possible = half(*num, *konst, possible);
            if *num == 0 && *konst == 0 && m > 0 {
                // Holds exactly on the multiples of its ends' denominators, if none is strict.
                if ends.iter().any(|e| e.strict) {
                    possible = (1, 0);
                }
                for e in ends {
                    let q = period(e.p);
                    step = step / gcd(step, q) * q;
                }
            } else {
                sure = half(*num, konst - m, sure);
                periodic |= *num == 0 && *konst > 0 && *konst < m;
            }
        }
        if possible.0 > possible.1 {
            continue;
        }
        let feasible = |n: i128| {
            let ab: Vec<(i128, i128)> = cells.iter().map(|c| bounds(c, n)).collect();
            ab.iter().all(|(a, b)| a <= b)
                && ab.iter().map(|x| x.0).sum::<i128>() <= n
                && n <= ab.iter().map(|x| x.1).sum::<i128>()
        };
        let best = if periodic {
            residues(cells, possible.0, possible.1, &a_ratio, &b_ratio, &bounds)
        } else {
            // The multiples of `step` in the uncertain part, then the first sure one.
            let up = |n: i128| div_ceil(n, step) * step;
            let sure_from = Some(up(sure.0)).filter(|&n| sure.0 <= sure.1 && n <= sure.1);
            let scan_to = sure_from.map_or(possible.1, |n| n - 1).min(possible.1);
            (up(possible.0)..=scan_to)
                .step_by(step as usize)
                .take_while(|_| spend(1))
                .find(|&n| feasible(n))
                .or(sure_from)
        };
        if let Some(n) = best {
            let ab: Vec<(i128, i128)> = cells.iter().map(|c| bounds(c, n)).collect();
            let mut counts: Vec<i128> = ab.iter().map(|(a, _)| *a).collect();
            let mut rest = n - counts.iter().sum::<i128>();
            // Fill statuses that already have children first, then the roomiest: fewer
            // statuses to read.
            let mut by_room: Vec<usize> = (0..cells.len()).collect();
            by_room.sort_by_key(|&k| (counts[k] == 0, -(ab[k].1 - counts[k])));
            for k in by_room {
                let add = rest.min(ab[k].1 - counts[k]);
                counts[k] += add;
                rest -= add;
            }
            debug_assert_eq!(rest, 0);
            return Some((n, counts));
        }
    }
    None
}

/// One status's children among `total`, for deciding that status's atoms alone.
struct One<'a> {
    status: &'a str,
    count: usize,
    total: usize,
}

impl Tally for One<'_> {
    fn count(&self, status: &str) -> usize {
        if status == self.status {
            self.count
        } else {
            0
        }
    }
    fn total(&self) -> usize {
        self.total
    }
}

/// The cells of one status: every count cell with every ratio cell. Neighbouring cells on
/// which the interpreter gives every atom of the status the same truth are merged (their
/// union is again an interval).
fn cells_of(
    status: &str,
    count_atoms: &[RollupCondition],
    share_atoms: &[RollupCondition],
) -> Vec<Cell> {
    let mut points: Vec<i128> = vec![0];
    for atom in count_atoms {
        let RollupCondition::Count { number: k, .. } = atom else {
            continue;
        };
        if !(k.is_finite() && *k > -1.0 && *k < N_MAX as f64) {
            continue;
        }
        // Every other integer is at least 1 away from `k`, where the comparison is decisive.
        let (f, c) = (k.floor() as i128, k.ceil() as i128);
        points.extend([f, c].into_iter().filter(|&t| (0..=N_MAX).contains(&t)));
    }
    points.sort_unstable();
    points.dedup();
    let mut count_cells: Vec<(i128, i128)> = Vec::new();
    let truths = |atoms: &[RollupCondition], count: i128, total: i128| -> Vec<bool> {
        let t = One {
            status,
            count: count as usize,
            total: total as usize,
        };
        atoms.iter().map(|a| eval_rollup(a, &t)).collect()
    };
    let mut last: Option<Vec<bool>> = None;
    let mut push_count = |lo: i128, hi: i128, cells: &mut Vec<(i128, i128)>| {
        let t = truths(count_atoms, lo, N_MAX);
        if last.as_ref() == Some(&t) {
            cells.last_mut().expect("merged into a cell").1 = hi;
        } else {
            cells.push((lo, hi));
            last = Some(t);
        }
    };
    for (i, &t) in points.iter().enumerate() {
        push_count(t, t, &mut count_cells);
        let next = points.get(i + 1).map_or(N_MAX + 1, |n| *n);
        if next > t + 1 {
            push_count(t + 1, next - 1, &mut count_cells);
        }
    }
    let mut ratios: Vec<i128> = vec![0, D];
    for atom in share_atoms {
        if let RollupCondition::Share { fraction, .. } = atom {
            let p = crate::interpret::share_parts(*fraction);
            if (0..=D).contains(&p) {
                ratios.push(p);
            }
        }
    }
    ratios.sort_unstable();
    ratios.dedup();
    let mut ratio_cells: Vec<(End, End)> = Vec::new();
    let mut last: Option<Vec<bool>> = None;
    let mut push_ratio = |low: End, high: End, count: i128, total: i128| {
        let t = truths(share_atoms, count, total);
        if last.as_ref() == Some(&t) {
            ratio_cells.last_mut().expect("merged into a cell").1 = high;
        } else {
            ratio_cells.push((low, high));
            last = Some(t);
        }
    };
    for (i, &r) in ratios.iter().enumerate() {
        let point = End {
            p: r,
            strict: false,
        };
        let g = gcd(r, D);
        push_ratio(point, point, r / g, D / g);
        if let Some(&next) = ratios.get(i + 1) {
            // The midpoint (r + next) / 2 stands for the open interval.
            push_ratio(
                End { p: r, strict: true },
                End {
                    p: next,
                    strict: true,
                },
                r + next,
                2 * D,
            );
        }
    }
    let mut cells = Vec::with_capacity(count_cells.len() * ratio_cells.len());
    for &(lo, hi) in &count_cells {
        for &(low, high) in &ratio_cells {
            cells.push(Cell { lo, hi, low, high });
        }
    }
    cells
}

/// The atoms of a condition, per status (by scale index: count atoms, share atoms), and the
/// statuses it mentions as a bit set.
fn collect(
    c: &RollupCondition,
    statuses: &[String],
    atoms: &mut [(Vec<RollupCondition>, Vec<RollupCondition>)],
) -> u64 {
    let index = |s: &str| statuses.iter().position(|x| x == s);
    match c {
        RollupCondition::And(items) | RollupCondition::Or(items) => items
            .iter()
            .map(|i| collect(i, statuses, atoms))
            .fold(0, |a, b| a | b),
        RollupCondition::Not(inner) => collect(inner, statuses, atoms),
        RollupCondition::Count { status, op, number } => index(status).map_or(0, |i| {
            atoms[i].0.push(RollupCondition::Count {
                status: status.clone(),
                op: *op,
                number: *number,
            });
            1 << i
        }),
        RollupCondition::Share {
            status,
            op,
            fraction,
        } => index(status).map_or(0, |i| {
            atoms[i].1.push(RollupCondition::Share {
                status: status.clone(),
                op: *op,
                fraction: *fraction,
            });
            1 << i
        }),
    }
}

/// Fewer children first, then fewer statuses: the example a reader takes in at a glance.
fn readability(split: &[usize]) -> (usize, usize) {
    (split.iter().sum(), split.iter().filter(|c| **c > 0).count())
}

struct Search<'a> {
    bands: &'a [BandOut<RollupCondition>],
    statuses: &'a [String],
    /// Statuses that some band mentions, in the order bands first mention them.
    order: Vec<usize>,
    /// The first status no band mentions (where the free children of a partial region go
    /// once every mentioned status is fixed).
    unmentioned: Option<usize>,
    cells: Vec<Vec<Cell>>,
    masks: Vec<u64>,
    out: RollupVerdicts,
}

impl Search<'_> {
    /// Visits the regions that fix `order[..fixed.len()]` to `fixed`.
    fn visit(&mut self, fixed: &mut Vec<Cell>) {
        if !spend(1 + self.bands.len() as u64) {
            return;
        }
        let depth = fixed.len();
        let free_into = self.order.get(depth).copied().or(self.unmentioned);
        let mut region = fixed.clone();
        if free_into.is_some() {
            region.push(FREE);
        }
        let Some((_, counts)) = smallest_n(&region) else {
            return;
        };
        let mut split = vec![0usize; self.statuses.len()];
        for (k, &c) in counts.iter().enumerate() {
            let status = if k < depth {
                self.order[k]
            } else {
                free_into.unwrap_or(0)
            };
            split[status] += c as usize;
        }
        let truth = self.record(&split);
        let mask: u64 = self.order[..depth].iter().map(|&s| 1u64 << s).sum();
        let determined: Vec<bool> = self.masks.iter().map(|m| m & !mask == 0).collect();
        if determined.iter().all(|d| *d) {
            return;
        }
        let fixed_first = (0..self.bands.len())
            .take_while(|&i| determined[i])
            .find(|&i| truth[i]);
        if let Some(f) = fixed_first {
            let nothing_new = (f + 1..self.bands.len()).all(|i| {
                (determined[i] && !truth[i]) || self.out.bands[i].shadowed_by.contains_key(&f)
            });
            if nothing_new {
                return;
            }
        }
        let status = self.order[depth];
        for k in 0..self.cells[status].len() {
            fixed.push(self.cells[status][k]);
            self.visit(fixed);
            fixed.pop();
        }
    }

    /// Runs the interpreter on a combination and keeps what it shows; returns which bands hold.
    fn record(&mut self, split: &[usize]) -> Vec<bool> {
        let tally = Counts {
            statuses: self.statuses,
            counts: split,
        };
        let truth: Vec<bool> = self
            .bands
            .iter()
            .map(|b| crate::interpret::rollup_band_holds(b, &tally))
            .collect();
        let keep = |slot: &mut Option<Split>| {
            if slot
                .as_ref()
                .is_none_or(|s| readability(split) < readability(s))
            {
                *slot = Some(split.to_vec());
            }
        };
        match decide_rollup(self.bands, &tally) {
            Some(f) => {
                keep(&mut self.out.bands[f].first);
                for (i, &t) in truth.iter().enumerate().skip(f + 1) {
                    if t {
                        self.out.bands[i]
                            .shadowed_by
                            .entry(f)
                            .or_insert_with(|| split.to_vec());
                    }
                }
            }
            None => keep(&mut self.out.gap),
        }
        truth
    }
}

/// The exact verdicts on compiled rollup bands over a scale (see the module comment).
pub fn analyse(bands: &[BandOut<RollupCondition>], statuses: &[String]) -> RollupVerdicts {
    SPENT.with(|s| s.set(0));
    let k = statuses.len().min(63);
    let statuses = &statuses[..k];
    let mut atoms: Vec<(Vec<RollupCondition>, Vec<RollupCondition>)> =
        (0..k).map(|_| (Vec::new(), Vec::new())).collect();
    let masks: Vec<u64> = bands
        .iter()
        .map(|b| {
            b.when
                .as_ref()
                .map_or(0, |c| collect(c, statuses, &mut atoms))
        })
        .collect();
    let mut order = Vec::new();
    for m in &masks {
        for s in 0..k {
            if m & (1 << s) != 0 && !order.contains(&s) {
                order.push(s);
            }
        }
    }
    let mut search = Search {
        bands,
        statuses,
        unmentioned: (0..k).find(|s| !order.contains(s)),
        cells: (0..k)
            .map(|s| cells_of(&statuses[s], &atoms[s].0, &atoms[s].1))
            .collect(),
        order,
        masks,
        out: RollupVerdicts {
            bands: vec![BandVerdict::default(); bands.len()],
            gap: None,
            complete: false,
        },
    };
    if k > 0 {
        search.visit(&mut Vec::new());
    }
    search.out.complete = statuses.len() == k && SPENT.with(|s| s.get()) <= BUDGET;
    search.out
}

fn check_rollup(rollup: &Rule, statuses: &[String], diags: &mut Vec<Diagnostic>) {
    let bands = compile_rollup(rollup);
    let verdicts = analyse(&bands, statuses);
    if !verdicts.complete {
        diags.push(
            Diagnostic::new(
                Code::P0311,
                rollup.id.span,
                text!("rollups-too-large", rollup = &rollup.id.name),
            )
            .primary(text!("rollups-too-large.primary"))
            .help(text!("rollups-too-large.help")),
        );
    }
    for (band, s) in rollup.bands.iter().zip(&verdicts.bands) {
        // A band not found reachable in an incomplete analysis is unproven, not dead.
        if s.first.is_some() || !verdicts.complete {
            continue;
        }
        let message = match s.shadowed_by.iter().next() {
            Some((&earlier, example)) => text!(
                "rollups-never-used.shadowed",
                status = &band.status.name,
                rollup = &rollup.id.name,
                example = describe_children(statuses, example),
                earlier = &rollup.bands[earlier].status.name,
            ),
            None => text!(
                "rollups-never-used",
                status = &band.status.name,
                rollup = &rollup.id.name,
            ),
        };
        let mut diag = Diagnostic::new(Code::P0309, band.span, message)
            .primary(text!("rollups-never-used.primary"))
            .help(text!("rollups-never-used.help"));
        for &earlier in s.shadowed_by.keys() {
            let e = &rollup.bands[earlier];
            diag = diag.label(
                e.span,
                text!("rollups-never-used.earlier", status = &e.status.name),
            );
        }
        diags.push(diag);
    }
    if let Some(counts) = verdicts.gap {
        diags.push(
            Diagnostic::new(
                Code::P0308,
                rollup.id.span,
                text!(
                    "rollups-gap",
                    rollup = &rollup.id.name,
                    example = describe_children(statuses, &counts),
                ),
            )
            .primary(text!("rollups-gap.primary"))
            .help(text!("rollups-gap.help")),
        );
    }
}

/// "children green and grey" / "3 children: 2 red and 1 yellow" / "a single grey child".
fn describe_children(statuses: &[String], counts: &[usize]) -> Text {
    let n: usize = counts.iter().sum();
    let parts: Vec<(usize, &String)> = counts
        .iter()
        .zip(statuses)
        .filter(|(c, _)| **c > 0)
        .map(|(c, s)| (*c, s))
        .collect();
    if let (1, [(_, status)]) = (n, parts.as_slice()) {
        return text!("rollups-children.one", status = *status);
    }
    if parts.iter().all(|(c, _)| *c == 1) {
        let names = parts
            .iter()
            .map(|(_, s)| text!("rollups-children.status", status = *s))
            .collect();
        return text!(
            "rollups-children.each",
            statuses = and_list(names).unwrap_or_else(|| text!("checks-nothing")),
        );
    }
    let listed = parts
        .iter()
        .map(|(c, s)| text!("rollups-children.part", count = *c, status = *s))
        .collect();
    text!(
        "rollups-children.counts",
        count = n,
        parts = and_list(listed).unwrap_or_else(|| text!("checks-nothing")),
    )
}
