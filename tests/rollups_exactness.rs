//! The differential test of the rollup analysis (`checks::rollups`): random compiled rollups
//! over 3–5 statuses, whose verdicts — each band the first match somewhere or not, which
//! earlier bands take its combinations, a gap or not — are compared with a brute-force
//! enumeration of every split of `n = 1..=N` children, decided by the interpreter
//! ([`interpret::decide_rollup`], [`interpret::eval_rollup`]).
//!
//! Both directions are checked:
//! - *Nothing is missed*: every fact the brute force sees (band `i` first; band `i` holds
//!   where band `j` is first; no band) is one the analysis reports.
//! - *Nothing is invented*: every fact the analysis reports comes with a witness split, and
//!   the interpreter on that witness shows the fact; a witness with at most `N` children is
//!   a split the brute force enumerated, so there the two agree exactly.
//!
//! The sizes `N` (24 children over three statuses, 15 over four, 11 over five; every split,
//! about 3 000–4 400 per rollup, which keeps the test under a minute in a debug build) cover
//! the generator's count thresholds (0..=12: each count cell is met by a count of at most
//! 13) over three and four statuses, and the ratios ¼, ½, 1 (met at 4 children), alone and
//! together with small counts. They do *not* cover everything a random rollup can ask
//! for: 12 or 13 children of one status over five statuses, 13 green children under a
//! quarter of all (more than 52 children), an exact share of 33.3 % (1 000 children). For such facts brute force
//! cannot say "reachable"; the first direction (nothing missed up to `N`) still holds in
//! full, and the analysis's witness for the fact is checked by the interpreter. The test
//! prints how many rollups agree exactly (every witness within `N`) and how many facts
//! were confirmed beyond `N`; the named cases below check such large witnesses exactly
//! (300, 10⁸, 1 000 children).

use pejl::checks::rollups::{analyse, RollupVerdicts};
use pejl::interpret::{decide_rollup, Tally};
use pejl::ir::{compile_rollup, BandOut, RollupCondition};
use pejl::syntax::ast::CmpOp;
use pejl::Code;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// A small deterministic generator (no dependency needed for this).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn below(&mut self, n: u64) -> usize {
        (self.next() % n) as usize
    }
}

const NAMES: [&str; 5] = ["green", "yellow", "red", "grey", "blue"];
const OPS: [CmpOp; 6] = [
    CmpOp::Ge,
    CmpOp::Gt,
    CmpOp::Le,
    CmpOp::Lt,
    CmpOp::Eq,
    CmpOp::Ne,
];

struct Split<'a> {
    statuses: &'a [String],
    counts: &'a [usize],
}

impl Tally for Split<'_> {
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

fn atom(rng: &mut Lcg, k: usize, shares: &[f64]) -> RollupCondition {
    let status = NAMES[rng.below(k as u64)].to_string();
    let op = OPS[rng.below(6)];
    match rng.below(5) {
        0 | 1 => RollupCondition::Count {
            status,
            op,
            number: rng.below(13) as f64,
        },
        2 | 3 => RollupCondition::Share {
            status,
            op,
            fraction: shares[rng.below(shares.len() as u64)],
        },
        // `all S`, `any S`, `no S` as compiled
        _ => match rng.below(3) {
            0 => RollupCondition::Share {
                status,
                op: CmpOp::Eq,
                fraction: 1.0,
            },
            1 => RollupCondition::Count {
                status,
                op: CmpOp::Ge,
                number: 1.0,
            },
            _ => RollupCondition::Count {
                status,
                op: CmpOp::Eq,
                number: 0.0,
            },
        },
    }
}

fn condition(rng: &mut Lcg, k: usize, shares: &[f64], depth: usize) -> RollupCondition {
    if depth == 0 || rng.below(3) == 0 {
        return atom(rng, k, shares);
    }
    match rng.below(5) {
        0 => RollupCondition::Not(Box::new(condition(rng, k, shares, depth - 1))),
        1 | 2 => RollupCondition::And(
            (0..2 + rng.below(2))
                .map(|_| condition(rng, k, shares, depth - 1))
                .collect(),
        ),
        _ => RollupCondition::Or(
            (0..2 + rng.below(2))
                .map(|_| condition(rng, k, shares, depth - 1))
                .collect(),
        ),
    }
}

fn rollup(rng: &mut Lcg, k: usize, shares: &[f64]) -> Vec<BandOut<RollupCondition>> {
    let n = 1 + rng.below(5);
    let mut bands: Vec<_> = (0..n)
        .map(|_| BandOut {
            status: NAMES[rng.below(k as u64)].to_string(),
            when: Some(condition(rng, k, shares, 2)),
            requires_motivation: false,
            labels: BTreeMap::new(),
        })
        .collect();
    if rng.below(5) < 2 {
        bands.push(BandOut {
            status: "yellow".into(),
            when: None,
            requires_motivation: false,
            labels: BTreeMap::new(),
        });
    }
    bands
}

/// What every split of 1..=n_max children shows.
#[derive(Default, Debug, PartialEq)]
struct Facts {
    first: BTreeSet<usize>,
    /// (band, the earlier band that is first where it holds)
    shadowed: BTreeSet<(usize, usize)>,
    gap: bool,
    /// The fewest children of a split that matches no band.
    smallest_gap: Option<usize>,
}

fn splits(n: usize, k: usize, f: &mut impl FnMut(&[usize])) {
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
    go(n, 0, &mut vec![0; k], f);
}

fn facts_of(bands: &[BandOut<RollupCondition>], statuses: &[String], counts: &[usize]) -> Facts {
    let t = Split { statuses, counts };
    let mut facts = Facts::default();
    match decide_rollup(bands, &t) {
        Some(f) => {
            facts.first.insert(f);
            for (i, b) in bands.iter().enumerate().skip(f + 1) {
                if pejl::interpret::rollup_band_holds(b, &t) {
                    facts.shadowed.insert((i, f));
                }
            }
        }
        None => facts.gap = true,
    }
    facts
}

fn brute_force(bands: &[BandOut<RollupCondition>], statuses: &[String], n_max: usize) -> Facts {
    let mut all = Facts::default();
    for n in 1..=n_max {
        splits(n, statuses.len(), &mut |counts| {
            let f = facts_of(bands, statuses, counts);
            all.first.extend(f.first);
            all.shadowed.extend(f.shadowed);
            all.gap |= f.gap;
            if f.gap && all.smallest_gap.is_none() {
                all.smallest_gap = Some(n);
            }
        });
    }
    all
}

/// Compares the analysis with brute force; returns how many reported facts had a witness
/// beyond `n_max` (confirmed on the witness alone).
fn compare(
    bands: &[BandOut<RollupCondition>],
    statuses: &[String],
    n_max: usize,
    case: &str,
) -> usize {
    let v: RollupVerdicts = analyse(bands, statuses);
    let brute = brute_force(bands, statuses, n_max);
    let mut beyond = 0;
    // Nothing is missed.
    for &i in &brute.first {
        assert!(
            v.bands[i].first.is_some(),
            "{case}: band {i} is first somewhere\n{bands:#?}"
        );
    }
    for &(i, f) in &brute.shadowed {
        assert!(
            v.bands[i].shadowed_by.contains_key(&f),
            "{case}: band {i} is taken by band {f} somewhere\n{bands:#?}"
        );
    }
    assert!(
        !brute.gap || v.gap.is_some(),
        "{case}: there is a gap\n{bands:#?}"
    );
    // Nothing is invented: each witness shows its fact.
    let mut check = |w: &[usize], holds: bool, what: &str| {
        assert!(w.iter().sum::<usize>() >= 1, "{case}: empty witness");
        assert!(
            holds,
            "{case}: witness {w:?} does not show {what}\n{bands:#?}"
        );
        if w.iter().sum::<usize>() > n_max {
            beyond += 1;
        }
    };
    for (i, b) in v.bands.iter().enumerate() {
        if let Some(w) = &b.first {
            let f = facts_of(bands, statuses, w);
            check(w, f.first.contains(&i), &format!("band {i} first"));
            if w.iter().sum::<usize>() <= n_max {
                assert!(brute.first.contains(&i), "{case}: brute force misses {w:?}");
            }
        }
        for (&f, w) in &b.shadowed_by {
            let facts = facts_of(bands, statuses, w);
            check(
                w,
                facts.shadowed.contains(&(i, f)),
                &format!("band {i} under {f}"),
            );
            if w.iter().sum::<usize>() <= n_max {
                assert!(
                    brute.shadowed.contains(&(i, f)),
                    "{case}: brute force misses {w:?}"
                );
            }
        }
    }
    if let Some(w) = &v.gap {
        check(w, facts_of(bands, statuses, w).gap, "a gap");
        if w.iter().sum::<usize>() <= n_max {
            assert!(brute.gap, "{case}: brute force misses the gap {w:?}");
        }
        // The gap example has the fewest children of all gaps brute force sees.
        if let Some(n) = brute.smallest_gap {
            assert_eq!(
                w.iter().sum::<usize>(),
                n,
                "{case}: gap example not the smallest"
            );
        }
    }
    beyond
}

fn statuses(k: usize) -> Vec<String> {
    NAMES[..k].iter().map(|s| s.to_string()).collect()
}

/// Brute-force sizes per number of statuses: every split of up to this many children.
fn n_max(k: usize) -> usize {
    match k {
        3 => 24,
        4 => 15,
        _ => 11,
    }
}

fn differential(seed: u64, cases: usize, shares: &[f64]) {
    let cases = std::env::var("ROLLUP_CASES").map_or(cases, |c| c.parse().unwrap());
    let mut rng = Lcg(seed);
    let mut beyond = 0;
    let mut exact = 0;
    for case in 0..cases {
        let k = 3 + case % 3;
        let bands = rollup(&mut rng, k, shares);
        let b = compare(&bands, &statuses(k), n_max(k), &format!("case {case}"));
        beyond += b;
        exact += usize::from(b == 0);
    }
    eprintln!(
        "{cases} rollups: {exact} agree exactly with brute force, {beyond} facts confirmed on witnesses beyond it"
    );
}

#[test]
fn random_rollups_agree_with_brute_force() {
    differential(0x5eed, 200, &[0.25, 0.5, 1.0]);
}

#[test]
fn random_rollups_with_thirds_agree_with_brute_force() {
    differential(0x7_41d5, 100, &[0.25, 0.333, 0.5, 0.667, 1.0]);
}

// Named cases a municipality could write, end to end through `analyze_text`.

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
indicator ind "I" { unit percent  higher is better }
rule r "R" {
  green when value >= 50
  red otherwise
  grey when missing
}
goal g "G" {
  under s
  owner KF
  measure ind
  follow-up annual
  baseline 40 in 2022
  target 60 by 2026
}
"#;

fn diagnostics(rollup: &str) -> Vec<pejl::Diagnostic> {
    let text = format!("{HEAD}rollup majority \"M\" {{\n{rollup}\n}}\n");
    pejl::analyze_text(Path::new("t.pejl"), &text).diagnostics
}

fn codes(rollup: &str) -> Vec<Code> {
    diagnostics(rollup).iter().map(|d| d.code).collect()
}

#[test]
fn dorotea_majority_is_clean() {
    let majority = "  grey   when all grey\n  green  when share green >= 50%\n  red    when share red > 50%\n  yellow otherwise";
    assert!(codes(majority).is_empty(), "{:?}", diagnostics(majority));
}

#[test]
fn a_count_of_300_is_reachable() {
    let rollup = "  green when count green >= 300\n  yellow otherwise";
    assert!(codes(rollup).is_empty(), "{:?}", diagnostics(rollup));
    let v = verdicts(rollup);
    assert_eq!(v.bands[0].first.as_ref().map(|w| w[0]), Some(300));
}

#[test]
fn a_count_of_a_hundred_million_is_analysed_exactly() {
    let rollup = "  green when count green >= 100000000\n  red when count red >= 100000000 and share red < 1%\n  yellow otherwise";
    assert!(codes(rollup).is_empty(), "{:?}", diagnostics(rollup));
    let v = verdicts(rollup);
    assert_eq!(v.bands[0].first.as_ref().map(|w| w[0]), Some(100_000_000));
    // 10^8 red children under 1 % of all: more than 10^10 children, none of them green
    // enough to be first.
    let w = v.bands[1].first.as_ref().expect("red is reachable");
    assert!(w[2] >= 100_000_000 && (w[2] as u128) * 100 < w.iter().sum::<usize>() as u128);
    // One fewer than needed can never be met together with its complement.
    let rollup =
        "  green when count green >= 100000000 and count green < 100000000\n  yellow otherwise";
    assert_eq!(codes(rollup), vec![Code::P0309]);
}

#[test]
fn an_exact_third_needs_a_thousand_children() {
    let rollup = "  green when share green == 33.3%\n  yellow otherwise";
    let v = verdicts(rollup);
    assert_eq!(
        v.bands[0].first.as_ref().map(|w| w.iter().sum::<usize>()),
        Some(1000)
    );
    assert!(codes(rollup).is_empty());
}

#[test]
fn a_gap_is_reported_with_the_smallest_example() {
    let rollup = "  green when share green > 50%\n  red when share red > 50%";
    let d = diagnostics(rollup);
    let gap = d.iter().find(|d| d.code == Code::P0308).expect("P0308");
    assert_eq!(
        gap.message,
        "rollup `majority` leaves some goals without a status: goals whose only child is yellow get no status"
    );
    let rollup = "  green when share green >= 50%\n  red when share red >= 50%\n  yellow when all yellow\n  grey when any grey";
    let d = diagnostics(rollup);
    let gap = d.iter().find(|d| d.code == Code::P0308).expect("P0308");
    // Two children always have a half of one status; three of two statuses are the smallest.
    assert!(
        gap.message
            .en()
            .ends_with("goals with 3 children, 1 green and 2 yellow get no status")
            || gap
                .message
                .en()
                .ends_with("goals with 3 children, 2 yellow and 1 red get no status"),
        "{}",
        gap.message
    );
}

#[test]
fn shadowing_bands_are_labelled() {
    let rollup = "  green when share green >= 50%\n  red when share red > 50%\n  yellow when count green >= 2 and count red >= 2\n  grey otherwise";
    let d = diagnostics(rollup);
    assert_eq!(d.len(), 0, "{d:?}");
    let rollup = "  green when share green >= 50%\n  red when share green < 50%\n  yellow when count green >= 2\n  grey otherwise";
    let d = diagnostics(rollup);
    let codes: Vec<Code> = d.iter().map(|d| d.code).collect();
    assert_eq!(codes, vec![Code::P0309, Code::P0309], "{d:?}");
    assert!(d[0].message.en().contains("`yellow`") && d[0].message.en().contains("earlier bands"));
    assert_eq!(
        d[0].labels.len(),
        2,
        "green and red both take its combinations"
    );
    assert!(d[1].message.en().contains("`grey`"));
}

fn verdicts(rollup: &str) -> RollupVerdicts {
    let text = format!("{HEAD}rollup majority \"M\" {{\n{rollup}\n}}\n");
    let a = pejl::analyze_text(Path::new("t.pejl"), &text);
    let m = a.model();
    let scale: Vec<String> = m.scale.iter().map(|s| s.name.clone()).collect();
    assert_eq!(scale, ["green", "yellow", "red", "grey"]);
    analyse(&compile_rollup(m.rollups[0]), &scale)
}
