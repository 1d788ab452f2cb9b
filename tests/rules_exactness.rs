//! Cross-checks the exact rule analysis against brute force: for many generated rules, a
//! dense grid of values and benchmarks must never find a value without a status, or a band
//! matching first, where the analysis proved there is none.

use pejl::checks::rules::{first_match, Context, Scenario};
use pejl::syntax::ast::{Decl, Direction};
use pejl::Code;
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
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
    fn number(&mut self) -> u64 {
        self.next() % 101
    }
}

fn atom(rng: &mut Lcg) -> String {
    match rng.next() % 7 {
        0 => format!(
            "value {} {}",
            rng.pick(&[">=", ">", "<=", "<"]),
            rng.number()
        ),
        1 => "meets target".into(),
        2 => "meets benchmark".into(),
        3 => format!("within {}% of benchmark", 5 + rng.next() % 20),
        4 => "better than baseline".into(),
        5 => format!("within {}% of target", 5 + rng.next() % 20),
        _ => format!("worse than {}", rng.number()),
    }
}

fn condition(rng: &mut Lcg) -> String {
    match rng.next() % 4 {
        0 => format!("{} and {}", atom(rng), atom(rng)),
        1 => format!("{} or {}", atom(rng), atom(rng)),
        2 => format!("not ({})", atom(rng)),
        _ => atom(rng),
    }
}

#[test]
fn analysis_agrees_with_brute_force() {
    let mut rng = Lcg(7);
    let mut checked_gaps = 0;
    for case in 0..150 {
        let higher = rng.next().is_multiple_of(2);
        let (baseline, target) = (20 + rng.next() % 30, 55 + rng.next() % 40);
        let (baseline, target) = if higher {
            (baseline, target)
        } else {
            (target, baseline)
        };
        let bands = 2 + rng.next() % 3;
        let mut rule = String::new();
        for i in 0..bands {
            let status = ["green", "yellow", "red"][(i % 3) as usize];
            rule.push_str(&format!("  {status} when {}\n", condition(&mut rng)));
        }
        rule.push_str("  grey when missing\n");
        let text = format!(
            "policy p \"P\" {{ period 2024..2027  default rule r }}\nbody KF \"KF\"\nchain {{ level goal \"Mål\" measured }}\nreport annual \"Å\" {{ uses actual  due 12-31  to KF }}\nindicator ind \"I\" {{ unit percent  {} is better  benchmark county \"Länet\" }}\nrule r \"R\" {{\n{rule}}}\ngoal g \"G\" {{ owner KF  measure ind  baseline {baseline} in 2023  target {target} by 2026  follow-up annual }}\n",
            if higher { "higher" } else { "lower" }
        );
        let analysis = pejl::analyze_text(Path::new("t.pejl"), &text);
        let codes: Vec<Code> = analysis.diagnostics.iter().map(|d| d.code).collect();
        let Some(rule_ast) = analysis.files[0].decls.iter().find_map(|d| match d {
            Decl::Rule(r) => Some(r),
            _ => None,
        }) else {
            panic!("case {case}: no rule parsed:\n{text}");
        };
        let ctx = Context {
            direction: if higher {
                Direction::Higher
            } else {
                Direction::Lower
            },
            target: Some(target as f64),
            target_is_benchmark: false,
            baseline: Some(baseline as f64),
            has_benchmark: true,
            lower: Some(0.0),
            upper: Some(100.0),
        };
        let mut first_seen = vec![false; rule_ast.bands.len()];
        let mut gap = None;
        for m in (1..=200).map(|i| i as f64) {
            for v in (0..=200).map(|i| i as f64 * 0.5) {
                let s = Scenario {
                    value: Some(v),
                    benchmark: Some(m),
                    target: ctx.target,
                    baseline: ctx.baseline,
                };
                match first_match(&rule_ast.bands, &s, &ctx) {
                    Some(i) => first_seen[i] = true,
                    None => gap = gap.or(Some((v, m))),
                }
            }
        }
        if let Some((v, m)) = gap {
            checked_gaps += 1;
            assert!(
                codes.contains(&Code::P0302),
                "case {case}: value {v} with benchmark {m} gets no status, but the analysis found no gap:\n{text}"
            );
        }
        for (i, seen) in first_seen.iter().enumerate() {
            let band = &rule_ast.bands[i];
            if *seen {
                let flagged = analysis.diagnostics.iter().any(|d| {
                    matches!(d.code, Code::P0301 | Code::P0303)
                        && d.span.start >= band.span.start
                        && d.span.end <= band.span.end
                });
                assert!(
                    !flagged,
                    "case {case}: band {i} matches first somewhere, but was reported dead:\n{text}"
                );
            }
        }
    }
    assert!(
        checked_gaps > 10,
        "the generator should produce rules with gaps"
    );
}
