//! Rule and rollup consistency (P0301–P0309), decided exactly.
//!
//! Every rule atom compares the value `v` with `k × X`, where X is 1 (a number), the
//! goal's target T, its baseline B or the benchmark M, and k a constant (1, or 1 ∓ p for
//! `within p%`). So each atom is a half-plane bounded by a line `v = k·X`, and a band's
//! truth is constant on every cell of the arrangement of those lines. We enumerate one
//! witness per cell by a cylindrical sweep: for each free parameter in turn (T, B, M),
//! its critical values are where one of its lines meets a line already fixed, plus a
//! point between each pair and one beyond each end; then the same for `v`, clipped to the
//! unit's range. That visits every cell, edge and vertex, so "never matches" and "no
//! status" are proved, not sampled. A goal fixes T and B, so a rule is analysed once per
//! distinct goal context; a rule no goal uses is analysed with T and B free.
//! Rollups are analysed in `rollups.rs`.

use crate::diagnostic::{Code, Diagnostic};
use crate::ir::GoalValues;
use crate::model::Model;
use crate::span::Span;
use crate::syntax::ast::{Atom, Band, CmpOp, Cond, Direction, Goal, Reference, Rule};
use rustc_hash::FxHashMap as HashMap;
use std::collections::BTreeSet;

/// What a rule is evaluated against, besides the value itself.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Context {
    pub direction: Direction,
    /// The goal's target as a number (`None`: no target, or free in the generic analysis).
    pub target: Option<f64>,
    /// `target benchmark`: the target is the benchmark.
    pub target_is_benchmark: bool,
    pub baseline: Option<f64>,
    /// The indicator declares a benchmark.
    pub has_benchmark: bool,
    /// The unit's range of values.
    pub lower: Option<f64>,
    pub upper: Option<f64>,
}

/// One point of the analysis: the value and the unknowns it is compared with.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scenario {
    pub value: Option<f64>,
    pub benchmark: Option<f64>,
    pub target: Option<f64>,
    pub baseline: Option<f64>,
}

/// The number a reference stands for in a scenario, if it has one.
fn reference_value(r: Reference, s: &Scenario, ctx: &Context) -> Option<f64> {
    match r {
        Reference::Number(n) => Some(n),
        Reference::Target if ctx.target_is_benchmark => s.benchmark,
        Reference::Target => s.target,
        Reference::Baseline => s.baseline,
        Reference::Benchmark => s.benchmark,
    }
}

/// Whether a rule condition holds. A missing value matches only conditions that contain
/// `missing`, with every value comparison false; a present value never matches `missing`.
/// A reference the goal lacks makes its comparison false.
pub fn rule_matches(cond: &Cond, s: &Scenario, ctx: &Context) -> bool {
    if s.value.is_none() && !mentions_missing(cond) {
        return false;
    }
    eval_rule(cond, s, ctx)
}

fn mentions_missing(cond: &Cond) -> bool {
    cond.atoms().iter().any(|(a, _)| matches!(a, Atom::Missing))
}

fn eval_rule(cond: &Cond, s: &Scenario, ctx: &Context) -> bool {
    match cond {
        Cond::And(items) => items.iter().all(|c| eval_rule(c, s, ctx)),
        Cond::Or(items) => items.iter().any(|c| eval_rule(c, s, ctx)),
        Cond::Not(inner, _) => !eval_rule(inner, s, ctx),
        Cond::Atom(atom, _) => {
            let Some(v) = s.value else {
                return matches!(atom, Atom::Missing);
            };
            let higher = ctx.direction == Direction::Higher;
            let against = |r: Reference, k: f64, up: CmpOp, down: CmpOp| {
                reference_value(r, s, ctx)
                    .is_some_and(|x| if higher { up } else { down }.holds(v, k * x))
            };
            match atom {
                Atom::Meets(r) => against(*r, 1.0, CmpOp::Ge, CmpOp::Le),
                Atom::Within(p, r) => {
                    let k = if higher { 1.0 - p } else { 1.0 + p };
                    against(*r, k, CmpOp::Ge, CmpOp::Le)
                }
                Atom::BetterThan(r) => against(*r, 1.0, CmpOp::Gt, CmpOp::Lt),
                Atom::WorseThan(r) => against(*r, 1.0, CmpOp::Lt, CmpOp::Gt),
                Atom::Value(op, n) => op.holds(v, *n),
                Atom::Missing => false,
                _ => false,
            }
        }
    }
}

/// The first band whose condition holds.
pub fn first_match(bands: &[Band], s: &Scenario, ctx: &Context) -> Option<usize> {
    bands.iter().position(|b| match &b.condition {
        None => s.value.is_some(),
        Some(c) => rule_matches(c, s, ctx),
    })
}

pub fn check(m: &Model) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    let best = m.scale.first().map(|s| s.name.clone());
    let grey = m
        .not_assessable()
        .map_or("grey".to_string(), |s| s.name.clone());
    // Goals per rule, with their contexts.
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
        check_rule(m, rule, goals, best.as_deref(), &grey, &mut diags);
    }
    diags
}

/// What each band did over all analysed scenarios.
#[derive(Default, Clone)]
struct BandStats {
    holds: bool,
    first: bool,
    /// Earlier bands that took scenarios where this one held.
    shadowed_by: BTreeSet<usize>,
}

fn uses(rule: &Rule, wanted: Reference) -> Option<Span> {
    rule.bands.iter().find_map(|b| {
        b.condition.as_ref().and_then(|c| {
            c.atoms().into_iter().find_map(|(a, span)| {
                let r = match a {
                    Atom::Meets(r)
                    | Atom::Within(_, r)
                    | Atom::BetterThan(r)
                    | Atom::WorseThan(r) => *r,
                    _ => return None,
                };
                (std::mem::discriminant(&r) == std::mem::discriminant(&wanted)).then_some(span)
            })
        })
    })
}

fn unit_range(unit: Option<&str>) -> (Option<f64>, Option<f64>) {
    match unit {
        Some("percent") => (Some(0.0), Some(100.0)),
        Some("count" | "years" | "days" | "ratio" | "index" | "score") => (Some(0.0), None),
        Some("rank") => (Some(1.0), None),
        _ => (None, None),
    }
}

fn benchmark_words(m: &Model, goal: Option<&Goal>) -> &'static str {
    let kind = goal
        .and_then(|g| m.measure_of(g))
        .and_then(|i| i.benchmark.as_ref())
        .map(|b| b.kind.name.as_str());
    match kind {
        Some("county") => "the county average",
        Some("national") => "the national average",
        Some("peers") => "the peer group's average",
        _ => "the benchmark",
    }
}

fn check_rule<'a>(
    m: &Model,
    rule: &Rule,
    goals: &[&'a Goal],
    best: Option<&str>,
    grey: &str,
    diags: &mut Vec<Diagnostic>,
) {
    let needs_target = uses(rule, Reference::Target);
    let needs_baseline = uses(rule, Reference::Baseline);
    let needs_benchmark = uses(rule, Reference::Benchmark);

    // P0306, and the contexts to analyse (goals that lack a reference are reported, not analysed).
    let mut contexts: Vec<(Context, &'a Goal)> = Vec::new();
    let mut seen: HashMap<Vec<u32>, ()> = HashMap::default();
    for goal in goals {
        let indicator = m.measure_of(goal);
        let direction = indicator
            .and_then(|i| i.direction)
            .map_or(Direction::Higher, |d| d.0);
        let values = GoalValues::of(goal, direction);
        let has_benchmark = indicator.is_some_and(|i| i.benchmark.is_some());
        // Goals already reported for a missing or impossible target (P0401, P0501, P0504)
        // are not analysed: their rule cannot be judged until that is fixed.
        let range = unit_range(
            indicator
                .and_then(|i| i.unit.as_ref())
                .map(|u| u.name.name.as_str()),
        );
        let outside = |x: Option<f64>| {
            x.is_some_and(|x| range.0.is_some_and(|l| x < l) || range.1.is_some_and(|u| x > u))
        };
        let relative_without_baseline = matches!(
            goal.target.map(|t| t.value),
            Some(crate::syntax::ast::TargetValue::Relative(..))
        ) && goal.baseline.is_none();
        let measured_level = m.level_of(goal).is_some_and(|l| l.measured.is_some());
        if (goal.target.is_none() && measured_level)
            || relative_without_baseline
            || outside(values.target)
            || outside(values.baseline)
        {
            continue;
        }
        let mut lacks = Vec::new();
        if let Some(span) = needs_target {
            if values.target.is_none() && !values.target_is_benchmark {
                lacks.push(("a target", span));
            }
        }
        if let Some(span) = needs_baseline {
            if values.baseline.is_none() {
                lacks.push(("a baseline", span));
            }
        }
        let benchmark_needed = needs_benchmark.or(if values.target_is_benchmark {
            needs_target
        } else {
            None
        });
        if let Some(span) = benchmark_needed {
            if !has_benchmark {
                lacks.push(("a benchmark on its indicator", span));
            }
        }
        if !lacks.is_empty() {
            let compares: Vec<&str> = lacks
                .iter()
                .map(|(w, _)| match *w {
                    "a target" => "the target",
                    "a baseline" => "the baseline",
                    _ => "the benchmark",
                })
                .collect();
            let missing: Vec<String> = lacks
                .iter()
                .map(|(w, _)| match *w {
                    "a target" => "the goal has no target".to_string(),
                    "a baseline" => "the goal has no baseline".to_string(),
                    _ => match indicator {
                        Some(i) => format!("its indicator `{}` declares no benchmark", i.id.name),
                        None => "it has no indicator with a benchmark".to_string(),
                    },
                })
                .collect();
            let at = goal.rule.as_ref().map_or(goal.header, |r| r.span);
            let mut diag = Diagnostic::new(
                Code::P0306,
                at,
                format!(
                    "goal `{}` uses rule `{}`, which compares with {}, but {}",
                    goal.id.name,
                    rule.id.name,
                    compares.join(" and "),
                    missing.join(" and ")
                ),
            )
            .primary(if goal.rule.is_some() {
                "the rule is chosen here"
            } else {
                "this goal uses the policy's default rule"
            });
            for (w, span) in &lacks {
                diag = diag.label(*span, format!("needs {w}"));
            }
            if let (Some(ind), true) = (indicator, benchmark_needed.is_some() && !has_benchmark) {
                diag = diag.label(ind.id.span, "this indicator declares no `benchmark`");
            }
            diag = diag.help("give the goal what the rule compares with (`target …`, `baseline …`, or a `benchmark` on the indicator), or choose another rule with `rule ID`");
            diags.push(diag);
            continue;
        }
        let (lower, upper) = unit_range(
            indicator
                .and_then(|i| i.unit.as_ref())
                .map(|u| u.name.name.as_str()),
        );
        let ctx = Context {
            direction,
            target: values.target,
            target_is_benchmark: values.target_is_benchmark,
            baseline: values.baseline,
            has_benchmark,
            lower,
            upper,
        };
        if seen.insert(order_type(rule, &ctx), ()).is_none() {
            contexts.push((ctx, goal));
        }
    }
    let generic = contexts.is_empty() && goals.is_empty();

    let mut stats = vec![BandStats::default(); rule.bands.len()];
    let mut gap: Option<(Scenario, Option<&'a Goal>, f64)> = None;
    let mut direction_warned = vec![false; rule.bands.len()];
    let mut direction_problems: Vec<(usize, f64, f64, Direction, Option<&'a Goal>)> = Vec::new();

    let mut analyse = |ctx: &Context, goal: Option<&'a Goal>| {
        let free_target = generic && needs_target.is_some();
        let free_baseline = generic && needs_baseline.is_some();
        let all = scenarios(
            rule,
            ctx,
            free_target,
            free_baseline,
            needs_benchmark.is_some() || ctx.target_is_benchmark,
        );
        for &scenario in &all {
            let first = first_match(&rule.bands, &scenario, ctx);
            for (i, band) in rule.bands.iter().enumerate() {
                let holds = match &band.condition {
                    None => scenario.value.is_some(),
                    Some(c) => rule_matches(c, &scenario, ctx),
                };
                if holds {
                    stats[i].holds = true;
                    if first == Some(i) {
                        stats[i].first = true;
                    } else if let Some(f) = first {
                        stats[i].shadowed_by.insert(f);
                    }
                }
            }
            if first.is_none() && scenario.value.is_some() {
                let score = niceness(&scenario, ctx);
                if gap.as_ref().is_none_or(|(_, _, s)| score > *s) {
                    gap = Some((scenario, goal, score));
                }
            }
        }
        // P0304: the best status must not be given to a value while a better one is refused.
        if let Some(best) = best {
            for (i, band) in rule.bands.iter().enumerate() {
                let Some(cond) = &band.condition else {
                    continue;
                };
                if band.status.name != best || direction_warned[i] {
                    continue;
                }
                if let Some((worse, better)) = monotonicity_breach(cond, &all, ctx) {
                    direction_warned[i] = true;
                    direction_problems.push((i, worse, better, ctx.direction, goal));
                }
            }
        }
    };
    if generic {
        let ctx = Context {
            direction: Direction::Higher,
            target: None,
            target_is_benchmark: false,
            baseline: None,
            has_benchmark: true,
            lower: None,
            upper: None,
        };
        analyse(&ctx, None);
    } else {
        for (ctx, goal) in &contexts {
            analyse(ctx, Some(goal));
        }
    }
    if !generic && contexts.is_empty() {
        return; // every goal using the rule already got P0306
    }

    let missing_ok = rule.bands.iter().any(|b| {
        b.condition.as_ref().is_some_and(|c| {
            rule_matches(
                c,
                &Scenario {
                    value: None,
                    benchmark: None,
                    target: None,
                    baseline: None,
                },
                &Context {
                    direction: Direction::Higher,
                    target: None,
                    target_is_benchmark: false,
                    baseline: None,
                    has_benchmark: false,
                    lower: None,
                    upper: None,
                },
            )
        })
    });
    if !missing_ok {
        diags.push(
            Diagnostic::new(
                Code::P0307,
                rule.id.span,
                format!("rule `{}` has no band for missing data", rule.id.name),
            )
            .primary("no `missing` band")
            .help(format!(
                "add `{grey} when missing requires motivation`; without it a missing value gets `{grey}` with no explanation"
            )),
        );
    }

    for (i, band) in rule.bands.iter().enumerate() {
        let s = &stats[i];
        if !s.holds {
            diags.push(
                Diagnostic::new(
                    Code::P0303,
                    band.condition.as_ref().map_or(band.span, Cond::span),
                    format!(
                        "the condition of the `{}` band in rule `{}` can never hold",
                        band.status.name, rule.id.name
                    ),
                )
                .primary("no value makes this true")
                .help(
                    "check the numbers and `and`/`or`: perhaps you meant `or`, or other thresholds",
                ),
            );
        } else if !s.first {
            let mut diag = Diagnostic::new(
                Code::P0301,
                band.span,
                format!(
                    "the `{}` band in rule `{}` can never match: earlier bands already take every value it covers",
                    band.status.name, rule.id.name
                ),
            )
            .primary("never the first match")
            .help("bands are tried in order and the first match wins; move this band up or narrow the earlier ones");
            for &earlier in &s.shadowed_by {
                let e = &rule.bands[earlier];
                diag = diag.label(
                    e.span,
                    format!("the `{}` band takes these values first", e.status.name),
                );
            }
            diags.push(diag);
        }
    }

    if let Some((scenario, goal, _)) = gap {
        let example = describe_scenario(m, &scenario, goal);
        let mut diag = Diagnostic::new(
            Code::P0302,
            rule.id.span,
            format!(
                "rule `{}` leaves some values without a status: {example} gets no status",
                rule.id.name
            ),
        )
        .primary("not every value gets a status")
        .help("add a band that covers these values, usually a last band such as `red otherwise`");
        if let Some(goal) = goal {
            diag = diag.label(goal.id.span, "for example for this goal");
        }
        diags.push(diag);
    }

    for (i, worse, better, direction, goal) in direction_problems {
        let band = &rule.bands[i];
        let dir_word = match direction {
            Direction::Higher => "higher is better",
            Direction::Lower => "lower is better",
        };
        // Name the goal and its indicator: a rule shared by indicators of both directions is
        // wrong only for some of them.
        let (whose, which) = match goal.and_then(|g| g.measure.as_ref().map(|ind| (g, ind))) {
            Some((g, ind)) => (
                format!(" for goal `{}`", g.id.name),
                format!("its indicator `{}`", ind.name),
            ),
            None => (String::new(), "this rule's indicator".to_string()),
        };
        let mut diag = Diagnostic::new(
            Code::P0304,
            band.condition.as_ref().map_or(band.span, Cond::span),
            format!(
                "`{}` is given to a value of {} but not to {}{whose}, although {which} says {dir_word}",
                band.status.name,
                fmt(worse),
                fmt(better)
            ),
        )
        .primary("the best status for worse values")
        .help("check the comparison (`>=` or `<=`) and the indicator's `higher is better` / `lower is better`; `meets` and `better than` follow the direction by themselves, so a rule written with them fits indicators of both directions");
        if let Some(g) = goal {
            diag = diag.label(g.header, format!("`{}` uses this rule", g.id.name));
        }
        diags.push(diag);
    }
}

/// The combinatorial type of a context: the direction, which references exist, and the
/// order (with ties) of every fixed line value and of every benchmark critical point.
/// Contexts of the same type have the same cells in the same order, so the analysis
/// gives the same verdicts for them; one goal of each type is analysed.
fn order_type(rule: &Rule, ctx: &Context) -> Vec<u32> {
    let lines = lines(rule, ctx);
    let fixed = |(k, p): (f64, Param)| -> Option<f64> {
        match p {
            Param::One => Some(k),
            Param::Target => ctx.target.map(|t| k * t),
            Param::Baseline => ctx.baseline.map(|b| k * b),
            Param::Benchmark => None,
        }
    };
    let mut values: Vec<f64> = lines
        .iter()
        .map(|&l| fixed(l).unwrap_or(f64::NAN))
        .collect();
    values.extend([ctx.lower.unwrap_or(f64::NAN), ctx.upper.unwrap_or(f64::NAN)]);
    let mut criticals = Vec::new();
    for &(k, p) in &lines {
        if matches!(p, Param::Benchmark) && k.abs() > 1e-12 {
            for v in &values {
                criticals.push(if *v / k > 0.0 { *v / k } else { f64::NAN });
            }
        }
    }
    let mut key = vec![
        ctx.direction as u32,
        ctx.target_is_benchmark as u32 | (ctx.has_benchmark as u32) << 1,
        ctx.target.is_some() as u32 | (ctx.baseline.is_some() as u32) << 1,
    ];
    key.extend(ranks(&values));
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
                distinct.iter().take_while(|d| **d < *v - 1e-9).count() as u32
            }
        })
        .collect()
}

/// A pair (worse value, better value) where `cond` holds for the worse and not the better.
fn monotonicity_breach(cond: &Cond, all: &[Scenario], ctx: &Context) -> Option<(f64, f64)> {
    let higher = ctx.direction == Direction::Higher;
    // Scenarios come in runs with the same benchmark, target and baseline, values ascending:
    // within a run, a holding value followed (in the better direction) by a failing one is a breach.
    let present: Vec<&Scenario> = all.iter().filter(|s| s.value.is_some()).collect();
    for run in present.chunk_by(|a, b| {
        a.benchmark == b.benchmark && a.target == b.target && a.baseline == b.baseline
    }) {
        let mut ordered: Vec<(f64, bool)> = run
            .iter()
            .map(|s| (s.value.unwrap_or(0.0), rule_matches(cond, s, ctx)))
            .collect();
        if !higher {
            ordered.reverse();
        }
        let mut last_true: Option<f64> = None;
        for (v, holds) in ordered {
            if holds {
                last_true = Some(v);
            } else if let Some(w) = last_true {
                return Some((w, v));
            }
        }
    }
    None
}

/// Higher for examples a reader takes in at once: whole numbers, not at the edge of the
/// unit's range, and a value near the benchmark it is compared with.
fn niceness(s: &Scenario, ctx: &Context) -> f64 {
    let whole = |x: Option<f64>| x.map_or(1.0, |v| if v.fract() == 0.0 { 1.0 } else { 0.0 });
    let v = s.value.unwrap_or(0.0);
    let at_edge = ctx.lower == Some(v) || ctx.upper == Some(v);
    let near = s
        .benchmark
        .map_or(0.0, |m| 1.0 - ((v - m).abs() / m.abs().max(1.0)).min(1.0));
    whole(s.value) * 2.0 + whole(s.benchmark) + if at_edge { 0.0 } else { 4.0 } + near
}

fn describe_scenario(m: &Model, s: &Scenario, goal: Option<&Goal>) -> String {
    let mut text = format!("a value of {}", fmt(s.value.unwrap_or(0.0)));
    let mut given = Vec::new();
    if let Some(b) = s.benchmark {
        given.push(format!("{} is {}", benchmark_words(m, goal), fmt(b)));
    }
    match goal {
        Some(goal) => {
            if let Some(t) = s.target {
                given.push(format!("the target is {}", fmt(t)));
            }
            if !given.is_empty() {
                text.push_str(&format!(" when {}", given.join(" and ")));
            }
            text.push_str(&format!(" (goal `{}`)", goal.id.name));
        }
        None => {
            if let Some(t) = s.target {
                given.push(format!("the target is {}", fmt(t)));
            }
            if let Some(b) = s.baseline {
                given.push(format!("the baseline is {}", fmt(b)));
            }
            if !given.is_empty() {
                text.push_str(&format!(" when {}", given.join(" and ")));
            }
        }
    }
    text
}

fn fmt(v: f64) -> String {
    crate::checks::smart::fmt_num(v)
}

/// A line `v = k × X` that an atom's truth flips on.
#[derive(Debug, Clone, Copy)]
enum Param {
    One,
    Target,
    Baseline,
    Benchmark,
}

fn lines(rule: &Rule, ctx: &Context) -> Vec<(f64, Param)> {
    let higher = ctx.direction == Direction::Higher;
    let mut out = Vec::new();
    let reference = |r: Reference, k: f64| -> (f64, Param) {
        match r {
            Reference::Number(n) => (k * n, Param::One),
            Reference::Target if ctx.target_is_benchmark => (k, Param::Benchmark),
            Reference::Target => (k, Param::Target),
            Reference::Baseline => (k, Param::Baseline),
            Reference::Benchmark => (k, Param::Benchmark),
        }
    };
    for band in &rule.bands {
        let Some(cond) = &band.condition else {
            continue;
        };
        for (atom, _) in cond.atoms() {
            match atom {
                Atom::Meets(r) | Atom::BetterThan(r) | Atom::WorseThan(r) => {
                    out.push(reference(*r, 1.0))
                }
                Atom::Within(p, r) => {
                    out.push(reference(*r, if higher { 1.0 - p } else { 1.0 + p }))
                }
                Atom::Value(_, n) => out.push((*n, Param::One)),
                _ => {}
            }
        }
    }
    out
}

/// Witnesses, one per cell of the arrangement (see the module comment), plus the missing case.
fn scenarios(
    rule: &Rule,
    ctx: &Context,
    free_target: bool,
    free_baseline: bool,
    benchmark_used: bool,
) -> Vec<Scenario> {
    let lines = lines(rule, ctx);
    let value_of = |(k, p): (f64, Param), s: &Scenario| -> Option<f64> {
        match p {
            Param::One => Some(k),
            Param::Target => s.target.map(|t| k * t),
            Param::Baseline => s.baseline.map(|b| k * b),
            Param::Benchmark => s.benchmark.map(|m| k * m),
        }
    };
    // Criticals of a free parameter: where its lines meet lines whose value is known.
    let criticals = |param: fn(&Param) -> bool, s: &Scenario| -> Vec<f64> {
        let mut out = Vec::new();
        for &(k, p) in &lines {
            if !param(&p) || k.abs() < 1e-12 {
                continue;
            }
            for &other in &lines {
                if let Some(v) = value_of(other, s) {
                    let x = v / k;
                    if x > 0.0 {
                        out.push(x);
                    }
                }
            }
        }
        out
    };
    let base = Scenario {
        value: None,
        benchmark: None,
        target: ctx.target,
        baseline: ctx.baseline,
    };
    let mut partial = vec![base];
    if free_target {
        partial = partial
            .iter()
            .flat_map(|s| {
                spread(
                    criticals(|p| matches!(p, Param::Target), s),
                    Some(0.0),
                    None,
                )
                .into_iter()
                .map(move |t| Scenario {
                    target: Some(t),
                    ..*s
                })
            })
            .collect();
    }
    if free_baseline {
        partial = partial
            .iter()
            .flat_map(|s| {
                spread(
                    criticals(|p| matches!(p, Param::Baseline), s),
                    Some(0.0),
                    None,
                )
                .into_iter()
                .map(move |b| Scenario {
                    baseline: Some(b),
                    ..*s
                })
            })
            .collect();
    }
    if benchmark_used && ctx.has_benchmark {
        partial = partial
            .iter()
            .flat_map(|s| {
                spread(
                    criticals(|p| matches!(p, Param::Benchmark), s),
                    Some(0.0),
                    None,
                )
                .into_iter()
                .map(move |m| Scenario {
                    benchmark: Some(m),
                    ..*s
                })
            })
            .collect();
    }
    let mut out = Vec::new();
    for s in &partial {
        let mut values: Vec<f64> = lines.iter().filter_map(|&l| value_of(l, s)).collect();
        values.extend(ctx.lower);
        values.extend(ctx.upper);
        for v in spread_closed(values, ctx.lower, ctx.upper) {
            out.push(Scenario {
                value: Some(v),
                ..*s
            });
        }
    }
    out.push(base);
    out
}

/// Points of every open interval between `criticals` (and beyond them) inside an open lower
/// bound, plus the criticals themselves.
fn spread(criticals: Vec<f64>, open_lower: Option<f64>, upper: Option<f64>) -> Vec<f64> {
    let mut points = sorted_unique(criticals);
    points.retain(|&x| open_lower.is_none_or(|l| x > l) && upper.is_none_or(|u| x <= u));
    let mut out = Vec::new();
    let low = points.first().copied().unwrap_or(100.0);
    let below = match open_lower {
        Some(l) => between(l, low),
        None => (low - 1.0).floor(),
    };
    out.push(below);
    for w in points.windows(2) {
        out.push(w[0]);
        out.push(between(w[0], w[1]));
    }
    if let Some(&last) = points.last() {
        out.push(last);
        out.push((last * 2.0).max(last + 1.0).ceil());
    }
    out
}

/// Like [`spread`], for a closed range (the unit's bounds are values a goal can have).
fn spread_closed(criticals: Vec<f64>, lower: Option<f64>, upper: Option<f64>) -> Vec<f64> {
    let mut points = sorted_unique(criticals);
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

#[cfg(test)]
mod tests {
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
            .map(|d| d.message.clone())
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
        assert!(d.message.contains("`yellow`"), "{}", d.message);
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
