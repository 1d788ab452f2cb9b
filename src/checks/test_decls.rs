//! The checks of `test` declarations that need no evaluation (P0107, P0501, P0802–P0805): a
//! test that cannot run as written, an input given twice, a value its unit refuses, an input no
//! status reads. Whether a test's expectations hold is `pejl test`'s question (`crate::testing`,
//! P0801), not a check: `pejl check` and `pejl build` never evaluate.

use super::smart::{fmt_num, join_words};
use crate::diagnostic::{Code, Diagnostic};
use crate::model::Model;
use crate::span::Span;
use crate::syntax::ast::{InputKind, Test};
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
    let missing: Vec<&str> = [
        test.year.is_none().then_some("`year`"),
        test.report.is_none().then_some("`report`"),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !missing.is_empty() {
        let example = match (test.year.is_none(), test.report.is_none()) {
            (true, true) => "`year 2024` and `report annual`",
            (true, false) => "`year 2024`",
            _ => "`report annual`",
        };
        let reports: Vec<String> = model
            .reports
            .iter()
            .map(|r| format!("`{}`", r.id.name))
            .collect();
        let mut help = format!(
            "a test evaluates the policy for one year and one report, as `pejl report` does: add {example}"
        );
        if test.report.is_none() && !reports.is_empty() {
            help.push_str(&format!(
                " (the policy's reports are {})",
                join_words(&reports)
            ));
        }
        diags.push(
            Diagnostic::new(
                Code::P0803,
                test.header,
                format!("test \"{title}\" has no {}", missing.join(" and no ")),
            )
            .primary("cannot be run")
            .help(help),
        );
    }
    if let (Some(year), Some((from, to))) = (test.year, model.period()) {
        if year.value < from || year.value > to {
            diags.push(
                Diagnostic::new(
                    Code::P0804,
                    year.span,
                    format!(
                        "test \"{title}\" is for {}, outside the policy's period {from}..{to}",
                        year.value
                    ),
                )
                .primary("outside the period")
                .help(format!(
                    "a report is made only for a year of the policy's period: test a year from {from} to {to}"
                )),
            );
        }
    }
    if test.expects.is_empty() {
        diags.push(
            Diagnostic::new(
                Code::P0802,
                test.header,
                format!("test \"{title}\" expects nothing, so it can never fail"),
            )
            .primary("no `expect`")
            .help("add the statuses the inputs must give, such as `expect GOAL green`; `pejl test --update` writes them from what the policy gives now"),
        );
    }
    // Each fact once: a value (or `missing`) per indicator, a benchmark per indicator and
    // kind, a motivation per name, an expectation per goal.
    let mut seen: HashMap<(u8, &'t str, &'t str), Span> = HashMap::default();
    let mut twice =
        |key: (u8, &'t str, &'t str), span: Span, what: String, diags: &mut Vec<Diagnostic>| {
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
                    format!("the value of `{name}`"),
                    diags,
                ) {
                    continue;
                }
                if indicator.is_some() && !measured.contains(name) {
                    diags.push(unused(
                        input.span,
                        format!("no goal measures `{name}`, so its value decides no status"),
                        format!("remove the line, or test a goal whose `measure` is `{name}`"),
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
                        Some(k) => format!("the {k} benchmark of `{name}`"),
                        None => format!("the benchmark of `{name}`"),
                    },
                    diags,
                ) {
                    continue;
                }
                let declared: Vec<String> = indicator
                    .benchmarks
                    .iter()
                    .map(|b| format!("`{}`", b.kind.name))
                    .collect();
                let is_kind =
                    written.is_none_or(|k| crate::syntax::ast::BenchmarkKind::parse(k).is_some());
                if indicator.benchmarks.is_empty() {
                    diags.push(unused(
                        input.span,
                        format!("`{name}` declares no benchmark, so this value is not used"),
                        "declare one in the indicator (`benchmark county \"…\"`), or remove the line".to_string(),
                    ));
                } else if let Some(k) = written
                    .filter(|k| is_kind && !indicator.benchmarks.iter().any(|b| b.kind.name == *k))
                {
                    diags.push(unused(
                        input.span,
                        format!("`{name}` declares no {k} benchmark, so this value is not used"),
                        format!(
                            "declare `benchmark {k} \"…\"` for `{name}` in the policy, or give a benchmark it declares: {}",
                            join_words(&declared)
                        ),
                    ));
                }
            }
            InputKind::Motivation(_) => {
                twice(
                    (2, name, ""),
                    input.span,
                    format!("the motivation of `{name}`"),
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
                    format!(
                        "the {what} {} does not fit the unit `{}` of `{name}`: {problem}",
                        fmt_num(number.value),
                        unit.unit.written()
                    ),
                )
                .primary(problem.clone())
                .label(unit.span, "the indicator's unit")
                .help("correct the test's value: no data file could give it"),
            );
        }
    }
    for expect in &test.expects {
        let goal = expect.goal.name.as_str();
        if !goal.is_empty() {
            twice(
                (3, goal, ""),
                expect.span,
                format!("an expectation for `{goal}`"),
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
    what: String,
    diags: &mut Vec<Diagnostic>,
) -> bool {
    if let Some(&first) = seen.get(&key) {
        diags.push(
            Diagnostic::new(Code::P0107, span, format!("{what} is given twice in the same test"))
                .primary("second time")
                .label(first, "first given here")
                .help("keep one of them: a test gives each fact once, as a data file has one row per indicator, year and kind"),
        );
        return true;
    }
    seen.insert(key, span);
    false
}

fn unused(span: Span, message: String, help: String) -> Diagnostic {
    Diagnostic::new(Code::P0805, span, message)
        .primary("not used")
        .help(help)
}
