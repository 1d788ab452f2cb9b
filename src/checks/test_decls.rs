//! The checks of `test` declarations that need no evaluation (P0107, P0501, P0802–P0805): a
//! test that cannot run as written, an input given twice, a value its unit refuses, an input no
//! status reads. Whether a test's expectations hold is `pejl test`'s question (`crate::testing`,
//! P0801), not a check: `pejl check` and `pejl build` never evaluate.

use crate::diagnostic::{Code, Diagnostic};
use crate::i18n::{Arg, Text};
use crate::model::Model;
use crate::span::Span;
use crate::syntax::ast::{InputKind, Test};
use crate::text;
use rustc_hash::FxHashMap as HashMap;

pub fn check(model: &Model) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    if model.tests.is_empty() {
        return diags;
    }
    // The indicators some goal measures (only their values decide a status).
    let measured: std::collections::HashSet<&str> = model
        .goals
        .iter()
        .filter_map(|g| g.measure.as_ref().map(|m| m.name.as_str()))
        .collect();
    for test in &model.tests {
        check_test(model, test, &measured, &mut diags);
    }
    diags
}

fn check_test<'t>(
    model: &Model<'t>,
    test: &'t Test,
    measured: &std::collections::HashSet<&str>,
    diags: &mut Vec<Diagnostic>,
) {
    let title = &test.title.value;
    // What the test lacks: `year`, `report` or both.
    let missing = match (test.year.is_none(), test.report.is_none()) {
        (true, true) => Some("both"),
        (true, false) => Some("year"),
        (false, true) => Some("report"),
        (false, false) => None,
    };
    if let Some(missing) = missing {
        let reports: Vec<String> = model.reports.iter().map(|r| r.id.name.clone()).collect();
        let help = if test.report.is_none() && !reports.is_empty() {
            text!(
                "checks-test-cannot-run.help-reports",
                missing = missing,
                reports = Arg::AndList(reports),
            )
        } else {
            text!("checks-test-cannot-run.help", missing = missing)
        };
        diags.push(
            Diagnostic::new(
                Code::P0803,
                test.header,
                text!("checks-test-cannot-run", title = title, missing = missing),
            )
            .primary(text!("checks-test-cannot-run.primary"))
            .help(help),
        );
    }
    if let (Some(year), Some((from, to))) = (test.year, model.period()) {
        if year.value < from || year.value > to {
            diags.push(
                Diagnostic::new(
                    Code::P0804,
                    year.span,
                    text!(
                        "checks-test-outside-period",
                        title = title,
                        year = year.value,
                        from = from,
                        to = to,
                    ),
                )
                .primary(text!("checks-test-outside-period.primary"))
                .help(text!(
                    "checks-test-outside-period.help",
                    from = from,
                    to = to
                )),
            );
        }
    }
    if test.expects.is_empty() {
        diags.push(
            Diagnostic::new(
                Code::P0802,
                test.header,
                text!("checks-test-expects-nothing", title = title),
            )
            .primary(text!("checks-test-expects-nothing.primary"))
            .help(text!("checks-test-expects-nothing.help")),
        );
    }
    // Each fact once: a value (or `missing`) per indicator, a benchmark per indicator and
    // kind, a motivation per name, an expectation per goal.
    let mut seen: HashMap<(u8, &'t str, &'t str), Span> = HashMap::default();
    let mut twice =
        |key: (u8, &'t str, &'t str), span: Span, what: Text, diags: &mut Vec<Diagnostic>| {
            given_twice(&mut seen, key, span, what, diags)
        };
    for input in &test.inputs {
        let name = input.name.name.as_str();
        if name.is_empty() {
            continue;
        }
        let indicator = model.indicator(name);
        match &input.kind {
            InputKind::Value(_) | InputKind::Missing => {
                if twice(
                    (0, name, ""),
                    input.span,
                    text!("checks-test-twice.value", name = name),
                    diags,
                ) {
                    continue;
                }
                if indicator.is_some() && !measured.contains(name) {
                    diags.push(unused(
                        input.span,
                        text!("checks-test-unused.unmeasured", name = name),
                        text!("checks-test-unused.unmeasured-help", name = name),
                    ));
                }
            }
            InputKind::Benchmark(kind, _) => {
                let Some(indicator) = indicator else { continue };
                let default = indicator.benchmarks.first().map(|b| b.kind.name.as_str());
                let written = kind.as_ref().map(|k| k.name.as_str());
                let key = written.or(default).unwrap_or("");
                if twice(
                    (1, name, key),
                    input.span,
                    match written.or(default) {
                        Some(k) => text!("checks-test-twice.kind", kind = k, name = name),
                        None => text!("checks-test-twice.benchmark", name = name),
                    },
                    diags,
                ) {
                    continue;
                }
                let declared: Vec<String> = indicator
                    .benchmarks
                    .iter()
                    .map(|b| b.kind.name.clone())
                    .collect();
                let is_kind =
                    written.is_none_or(|k| crate::syntax::ast::BenchmarkKind::parse(k).is_some());
                if indicator.benchmarks.is_empty() {
                    diags.push(unused(
                        input.span,
                        text!("checks-test-unused.no-benchmark", name = name),
                        text!("checks-test-unused.no-benchmark-help"),
                    ));
                } else if let Some(k) = written
                    .filter(|k| is_kind && !indicator.benchmarks.iter().any(|b| b.kind.name == *k))
                {
                    diags.push(unused(
                        input.span,
                        text!("checks-test-unused.no-kind", name = name, kind = k),
                        text!(
                            "checks-test-unused.no-kind-help",
                            name = name,
                            kind = k,
                            declared = Arg::AndList(declared),
                        ),
                    ));
                }
            }
            InputKind::Motivation(_) => {
                twice(
                    (2, name, ""),
                    input.span,
                    text!("checks-test-twice.motivation", name = name),
                    diags,
                );
            }
        }
        // A number its unit refuses: a data file's P0706, written in the policy.
        let (InputKind::Value(number) | InputKind::Benchmark(_, number)) = &input.kind else {
            continue;
        };
        let Some(unit) = indicator.and_then(|i| i.unit.as_ref()) else {
            continue;
        };
        let benchmark = matches!(input.kind, InputKind::Benchmark(..));
        // An average over municipalities need not be whole (as in the data readers).
        let problem = if benchmark && unit.unit.whole() {
            let mut rate = unit.unit.clone();
            rate.per = rate.per.or(Some(crate::unit::Per {
                count: None,
                of: String::new(),
            }));
            rate.problem(number.value)
        } else {
            unit.unit.problem(number.value)
        };
        if let Some(problem) = problem {
            let what = if benchmark { "benchmark" } else { "value" };
            diags.push(
                Diagnostic::new(
                    Code::P0501,
                    number.span,
                    text!(
                        "checks-test-unit-misfit",
                        what = what,
                        value = number.value,
                        unit = unit.unit.written(),
                        name = name,
                        problem = problem.clone(),
                    ),
                )
                .primary(problem)
                .label(unit.span, text!("smart-unit-misfit.unit"))
                .help(text!("checks-test-unit-misfit.help")),
            );
        }
    }
    for expect in &test.expects {
        let goal = expect.goal.name.as_str();
        if !goal.is_empty() {
            twice(
                (3, goal, ""),
                expect.span,
                text!("checks-test-twice.expectation", name = goal),
                diags,
            );
        }
    }
}

/// P0107 when `key` was given before in the test (and `true`); else remembers it.
fn given_twice<'t>(
    seen: &mut HashMap<(u8, &'t str, &'t str), Span>,
    key: (u8, &'t str, &'t str),
    span: Span,
    what: Text,
    diags: &mut Vec<Diagnostic>,
) -> bool {
    if let Some(&first) = seen.get(&key) {
        diags.push(
            Diagnostic::new(Code::P0107, span, text!("checks-test-twice", what = what))
                .primary(text!("checks-test-twice.primary"))
                .label(first, text!("checks-test-twice.first"))
                .help(text!("checks-test-twice.help")),
        );
        return true;
    }
    seen.insert(key, span);
    false
}

fn unused(span: Span, message: Text, help: Text) -> Diagnostic {
    Diagnostic::new(Code::P0805, span, message)
        .primary(text!("checks-test-unused.primary"))
        .help(help)
}
