//! `pejl test`: running the `test` declarations of a policy (docs/testing.md).
//!
//! A test is an example written in the policy's own language: a year, a report, the values a
//! data file would give, and the statuses the policy must then give to named goals (rollups
//! included). Running it builds a [`Dataset`] from its inputs, as a data reader would, and asks
//! the evaluator of `pejl report` for the statuses ([`eval::evaluate_example`] on the compiled
//! policy): there is no second evaluator, so a test shows what a report would show. A status
//! that differs, or one that the report could not publish for want of a motivation, fails the
//! expectation; the evaluator's explanation of the status it gave is the derivation shown.
//!
//! Tests are never compiled (`ir::compile` reads no test). The command line renders the
//! results ([`render`]); the editor shows a failed expectation as P0801 at its `expect`
//! ([`add_failures`]); [`update`] writes the statuses produced as expectations.

pub mod render;
pub mod update;

use crate::data::{Catalog, Dataset, GoalNote, Observation, ValueKind};
use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::eval::{self, Assessment, GoalResult};
use crate::i18n::Text;
use crate::ir::Compiled;
use crate::span::{FileId, Span};
use crate::syntax::ast::{Decl, InputKind, Test};
use crate::text;
use crate::Analysis;
use schemars::JsonSchema;
use serde::Serialize;

/// What `pejl test --format json` prints; `pejl schema --test` is its JSON Schema.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct TestReport {
    /// Always "pejl-test/1".
    pub format: String,
    /// Tests whose every expectation held.
    pub passed: usize,
    /// Tests with an expectation that did not hold.
    pub failed: usize,
    /// Tests that could not run: an error in the test or in its policy.
    pub errors: usize,
    /// One entry per policy (root file) with tests, in the order of the paths given.
    pub policies: Vec<PolicyTests>,
}

impl TestReport {
    pub fn new(policies: Vec<PolicyTests>) -> Self {
        let count = |o: Outcome| {
            policies
                .iter()
                .flat_map(|p| &p.tests)
                .filter(|t| t.outcome == o)
                .count()
        };
        TestReport {
            format: "pejl-test/1".into(),
            passed: count(Outcome::Passed),
            failed: count(Outcome::Failed),
            errors: count(Outcome::Error),
            policies,
        }
    }

    pub fn tests(&self) -> impl Iterator<Item = &TestResult> {
        self.policies.iter().flat_map(|p| &p.tests)
    }
}

/// The tests of one policy.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct PolicyTests {
    /// The policy's root file.
    pub root: String,
    /// Errors in the policy outside its tests: while there are any, no test of it runs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<Problem>,
    pub tests: Vec<TestResult>,
}

/// An error that kept a test (or a policy's tests) from running.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Problem {
    pub code: String,
    pub message: String,
    pub file: String,
    pub line: usize,
    pub column: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    Passed,
    Failed,
    /// Not run: the test or its policy has errors.
    Error,
}

/// One test's result.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct TestResult {
    pub title: String,
    /// The file that declares the test.
    pub file: String,
    /// Where `test "…"` is (1-based).
    pub line: usize,
    pub column: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub report: Option<String>,
    pub outcome: Outcome,
    /// Why the test did not run (`outcome` is `error`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<Problem>,
    /// Every `expect`, in the order written (empty when the test did not run).
    pub expectations: Vec<Expectation>,
    /// The `test "…"` header.
    #[serde(skip)]
    pub span: Span,
}

/// One `expect GOAL STATUS` and what the evaluation gave.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Expectation {
    pub goal: String,
    pub expected: String,
    /// The expected status's label in the policy's language.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected_label: Option<String>,
    /// The status the policy gives; `null` when the goal gets none (not followed up in the
    /// report, or neither measured nor assessed).
    pub actual: Option<String>,
    pub passed: bool,
    /// Why an expectation failed although the status is the one expected: the report could
    /// not be published without a written motivation (P0707).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub problem: Option<String>,
    /// The same problem in the catalogue, for the diagnostic in the reader's language.
    #[serde(skip)]
    #[schemars(skip)]
    pub problem_text: Option<Text>,
    pub line: usize,
    pub column: usize,
    /// How the evaluator reached the status it gave.
    pub derivation: Derivation,
    /// The `expect` statement.
    #[serde(skip)]
    pub span: Span,
}

/// The evaluator's account of one goal's status: its explanation, and for a goal assessed by
/// a rollup the same for each child.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Derivation {
    pub goal: String,
    pub title: String,
    pub assessment: Assessment,
    pub status: Option<String>,
    /// The status's label in the policy's language.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status_label: Option<String>,
    /// The evaluator's explanation, in the policy's language ("gul: 8,1 ligger inom 10 % av
    /// länssnittet 7,4").
    pub explanation: String,
    /// The band's wording for the report.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub wording: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub motivation: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<Derivation>,
}

impl TestResult {
    pub fn failures(&self) -> impl Iterator<Item = &Expectation> {
        self.expectations.iter().filter(|e| !e.passed)
    }
}

/// The JSON Schema of [`TestReport`].
pub fn schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(TestReport)).unwrap_or_default()
}

/// What to run.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Only tests whose title contains this text (case-insensitive).
    pub filter: Option<String>,
    /// Only the tests whose `test "…"` header is one of these (the editor's "Run test").
    pub only: Option<Vec<Span>>,
}

impl Options {
    fn selects(&self, test: &Test) -> bool {
        let by_title = match &self.filter {
            None => true,
            Some(f) => test.title.value.to_lowercase().contains(&f.to_lowercase()),
        };
        by_title
            && self
                .only
                .as_ref()
                .is_none_or(|only| only.contains(&test.header))
    }
}

/// Every test of the analysis, with the file it is in, in file and source order.
pub fn tests_of(analysis: &Analysis) -> Vec<(FileId, &Test)> {
    analysis
        .files
        .iter()
        .enumerate()
        .flat_map(|(i, f)| {
            f.decls.iter().filter_map(move |d| match d {
                Decl::Test(t) => Some((FileId(i as u32), &**t)),
                _ => None,
            })
        })
        .collect()
}

fn problem(analysis: &Analysis, d: &Diagnostic) -> Problem {
    let file = analysis.sources.get(d.span.file);
    let at = file.line_col(d.span.start);
    Problem {
        code: d.code.as_str().to_string(),
        message: d.message.to_string(),
        file: file.display_path(),
        line: at.line,
        column: at.column,
    }
}

fn inside(outer: Span, inner: Span) -> bool {
    outer.file == inner.file && outer.start <= inner.start && inner.end <= outer.end
}

/// The errors of the analysis that are not in a test: they keep every test from running.
pub fn blocking_errors(analysis: &Analysis) -> Vec<&Diagnostic> {
    let tests: Vec<Span> = tests_of(analysis).iter().map(|(_, t)| t.span).collect();
    analysis
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error && d.code != Code::P0801)
        .filter(|d| !tests.iter().any(|&t| inside(t, d.span)))
        .collect()
}

/// Runs the tests of one analysed policy.
pub fn run(analysis: &Analysis, options: &Options) -> PolicyTests {
    let root = analysis
        .sources
        .files
        .first()
        .map(|f| f.display_path())
        .unwrap_or_default();
    let tests: Vec<(FileId, &Test)> = tests_of(analysis)
        .into_iter()
        .filter(|(_, t)| options.selects(t))
        .collect();
    let blocking = blocking_errors(analysis);
    if !blocking.is_empty() {
        let errors: Vec<Problem> = blocking.iter().map(|d| problem(analysis, d)).collect();
        let why = Problem {
            code: errors[0].code.clone(),
            message: format!(
                "not run: the policy has {} error{} (the first: {})",
                errors.len(),
                if errors.len() == 1 { "" } else { "s" },
                errors[0].message
            ),
            file: errors[0].file.clone(),
            line: errors[0].line,
            column: errors[0].column,
        };
        let tests = tests
            .iter()
            .map(|&(_, t)| not_run(analysis, t, vec![why.clone()]))
            .collect();
        return PolicyTests {
            root,
            errors,
            tests,
        };
    }
    if tests.is_empty() {
        return PolicyTests {
            root,
            errors: Vec::new(),
            tests: Vec::new(),
        };
    }
    let compiled = crate::ir::compile(analysis);
    let catalog = Catalog::new(&compiled);
    let results = tests
        .iter()
        .map(|&(_, t)| run_one(analysis, &compiled, &catalog, t))
        .collect();
    PolicyTests {
        root,
        errors: Vec::new(),
        tests: results,
    }
}

fn not_run(analysis: &Analysis, test: &Test, errors: Vec<Problem>) -> TestResult {
    let mut result = header(analysis, test);
    result.outcome = Outcome::Error;
    result.errors = errors;
    result
}

fn header(analysis: &Analysis, test: &Test) -> TestResult {
    let file = analysis.sources.get(test.span.file);
    let at = file.line_col(test.span.start);
    TestResult {
        title: test.title.value.clone(),
        file: file.display_path(),
        line: at.line,
        column: at.column,
        year: test.year.map(|y| y.value),
        report: test.report.as_ref().map(|r| r.name.clone()),
        outcome: Outcome::Passed,
        errors: Vec::new(),
        expectations: Vec::new(),
        span: test.header,
    }
}

/// The kind of value a report reads (`uses forecast`: forecasts).
pub(crate) fn report_kind(compiled: &Compiled, report: &str) -> ValueKind {
    match compiled
        .reports
        .iter()
        .find(|r| r.id == report)
        .and_then(|r| r.uses.as_deref())
    {
        Some("forecast") => ValueKind::Forecast,
        _ => ValueKind::Actual,
    }
}

/// The data a test gives, as a data reader would have read it: one observation per indicator
/// it names (value, default benchmark, benchmarks by kind, motivation), one note per goal it
/// gives a motivation for.
pub fn dataset(catalog: &Catalog, test: &Test, year: i32, kind: ValueKind) -> Dataset {
    let mut observations: Vec<Observation> = Vec::new();
    let mut notes: Vec<(GoalNote, String)> = Vec::new();
    for input in &test.inputs {
        let name = input.name.name.as_str();
        if let InputKind::Motivation(text) = &input.kind {
            if let Some(goal) = catalog.goal(name) {
                notes.push((
                    GoalNote {
                        goal,
                        year,
                        kind,
                        motivation: Some(text.value.clone()),
                        analysis: None,
                        span: input.span,
                    },
                    name.to_string(),
                ));
                continue;
            }
        }
        let Some(indicator) = catalog.indicator(name) else {
            continue;
        };
        let at = match observations.iter().position(|o| o.indicator == indicator) {
            Some(at) => at,
            None => {
                observations.push(Observation {
                    indicator,
                    year,
                    kind,
                    value: None,
                    benchmark: None,
                    benchmarks: Vec::new(),
                    motivation: None,
                    analysis: None,
                    span: input.span,
                });
                observations.len() - 1
            }
        };
        let obs = &mut observations[at];
        let entry = &catalog.indicators[indicator as usize];
        match &input.kind {
            InputKind::Value(n) => {
                obs.value = Some(n.value);
                // The report names the row of the value.
                obs.span = input.span;
            }
            InputKind::Missing => obs.span = input.span,
            InputKind::Benchmark(named, n) => {
                let kind = named.as_ref().map(|k| k.name.as_str());
                let default = entry.default_kind();
                if kind.is_none() || kind == default {
                    obs.benchmark = Some(n.value);
                }
                if let Some(k) = kind.or(default) {
                    obs.benchmarks.push((k.to_string(), Some(n.value)));
                }
            }
            InputKind::Motivation(text) => obs.motivation = Some(text.value.clone()),
        }
    }
    let mut data = Dataset::default();
    // The inputs were checked (P0107): nothing here is a duplicate.
    let mut ignored = Vec::new();
    for obs in observations {
        data.add(obs, catalog, &mut ignored);
    }
    for (note, id) in notes {
        data.add_note(note, &id, &mut ignored);
    }
    data
}

fn run_one(analysis: &Analysis, compiled: &Compiled, catalog: &Catalog, test: &Test) -> TestResult {
    let mut result = header(analysis, test);
    let own_errors: Vec<Problem> = analysis
        .diagnostics
        .iter()
        // A P0801 is a result of running the test (the editor's analysis holds them), not a
        // reason not to run it.
        .filter(|d| d.severity == Severity::Error && d.code != Code::P0801)
        .filter(|d| inside(test.span, d.span))
        .map(|d| problem(analysis, d))
        .collect();
    if !own_errors.is_empty() {
        result.outcome = Outcome::Error;
        result.errors = own_errors;
        return result;
    }
    let (Some(year), Some(report)) = (test.year, &test.report) else {
        // Reported as P0803, an error above; kept for safety.
        result.outcome = Outcome::Error;
        return result;
    };
    let kind = report_kind(compiled, &report.name);
    let data = dataset(catalog, test, year.value, kind);
    let input = eval::Input {
        analysis,
        compiled,
        catalog,
        data: &data,
        sources: &analysis.sources,
    };
    let outcome = match eval::evaluate_example(&input, year.value, &report.name) {
        Ok(outcome) => outcome,
        Err(message) => {
            let at = analysis
                .sources
                .get(test.span.file)
                .line_col(year.span.start);
            result.outcome = Outcome::Error;
            result.errors = vec![Problem {
                code: Code::P0801.as_str().to_string(),
                message,
                file: result.file.clone(),
                line: at.line,
                column: at.column,
            }];
            return result;
        }
    };
    let goals = &outcome.evaluation.goals;
    for expect in &test.expects {
        let Some(index) = catalog.goal(&expect.goal.name) else {
            continue; // P0101, an error above
        };
        let goal = &goals[index as usize];
        let actual = goal.status.clone();
        let mut passed = actual.as_deref() == Some(expect.status.name.as_str());
        let mut problem_text = None;
        if passed && goal.motivation.is_none() && requires_motivation(compiled, index, goal) {
            passed = false;
            let status = expect.status.name.as_str();
            problem_text = Some(text!(
                "testing-requires-motivation",
                by = if goal.assessment == Assessment::Rollup {
                    "rollup"
                } else {
                    "rule"
                },
                status = status,
                goal = &expect.goal.name
            ));
        }
        let at = analysis
            .sources
            .get(expect.span.file)
            .line_col(expect.span.start);
        let expected_label = outcome
            .evaluation
            .scale
            .iter()
            .find(|s| s.name == expect.status.name)
            .map(|s| s.label.clone());
        result.expectations.push(Expectation {
            goal: expect.goal.name.clone(),
            expected: expect.status.name.clone(),
            expected_label,
            actual,
            passed,
            problem: problem_text.as_ref().map(Text::en),
            problem_text,
            line: at.line,
            column: at.column,
            derivation: derivation(&outcome.evaluation, catalog, index as usize, 0),
            span: expect.span,
        });
    }
    if result.expectations.iter().any(|e| !e.passed) {
        result.outcome = Outcome::Failed;
    }
    result
}

/// Whether the band that gave the goal its status requires a motivation.
fn requires_motivation(compiled: &Compiled, index: u32, goal: &GoalResult) -> bool {
    let Some(band) = goal.band else {
        return false;
    };
    let compiled_goal = &compiled.goals[index as usize];
    match goal.assessment {
        Assessment::Measured => compiled_goal
            .evaluation
            .as_ref()
            .and_then(|bands| bands.get(band))
            .is_some_and(|b| b.requires_motivation),
        Assessment::Rollup => compiled_goal
            .assessed_by
            .as_deref()
            .and_then(|r| compiled.rollups.iter().find(|x| x.id == r))
            .and_then(|r| r.bands.get(band))
            .is_some_and(|b| b.requires_motivation),
        _ => false,
    }
}

/// How deep a derivation follows a rollup's children.
const DERIVATION_DEPTH: usize = 4;

fn derivation(
    evaluation: &eval::Evaluation,
    catalog: &Catalog,
    index: usize,
    depth: usize,
) -> Derivation {
    let goal = &evaluation.goals[index];
    let children = if goal.assessment == Assessment::Rollup && depth < DERIVATION_DEPTH {
        goal.children
            .iter()
            .filter_map(|c| catalog.goal(c))
            .map(|c| derivation(evaluation, catalog, c as usize, depth + 1))
            .collect()
    } else {
        Vec::new()
    };
    Derivation {
        goal: goal.id.clone(),
        title: goal.title.clone(),
        assessment: goal.assessment,
        status: goal.status.clone(),
        status_label: goal.status_label.clone(),
        explanation: goal.explanation.clone(),
        wording: goal.wording.clone(),
        motivation: goal.motivation.clone(),
        children,
    }
}

/// Runs the tests of `analysis` and adds a P0801 at each `expect` that does not hold, for the
/// editor (the command line prints the results instead). Nothing happens for a policy without
/// tests or with errors outside its tests.
pub fn add_failures(analysis: &mut Analysis) {
    // Once: the results of an earlier run are replaced.
    analysis.diagnostics.retain(|d| d.code != Code::P0801);
    let failures = failures(analysis);
    if failures.is_empty() {
        return;
    }
    analysis.diagnostics.extend(failures);
    analysis.diagnostics.sort_by(|a, b| {
        (a.span.file, a.span.start, a.code)
            .cmp(&(b.span.file, b.span.start, b.code))
            .then_with(|| a.message.total_cmp(&b.message))
    });
}

/// A P0801 for each `expect` of the analysis's tests that does not hold.
pub fn failures(analysis: &Analysis) -> Vec<Diagnostic> {
    if tests_of(analysis).is_empty() {
        return Vec::new();
    }
    let results = run(analysis, &Options::default());
    results
        .tests
        .iter()
        .flat_map(|t| t.failures().map(move |e| (t, e)))
        .map(|(t, e)| failure_diagnostic(analysis, t, e))
        .collect()
}

/// The P0801 of a failed expectation: at the `expect`, with the derivation as help and, when
/// the goal has a status, the fix that expects it.
pub fn failure_diagnostic(analysis: &Analysis, test: &TestResult, e: &Expectation) -> Diagnostic {
    let context = match (test.year, &test.report) {
        (Some(y), Some(r)) => text!("testing-context", report = r, year = y),
        _ => Text::verbatim(String::new()),
    };
    let actual = render::status_text(e.actual.as_deref(), e.derivation.status_label.as_deref());
    let expected = render::status_text(Some(&e.expected), e.expected_label.as_deref());
    let message = match (&e.problem, &e.actual) {
        (Some(_), _) => text!(
            "testing-expected-needs-motivation",
            goal = &e.goal,
            expected = expected,
            context = context
        ),
        (None, Some(_)) => text!(
            "testing-expected-but",
            goal = &e.goal,
            expected = expected,
            context = context,
            actual = actual.clone()
        ),
        (None, None) => text!(
            "testing-expected-but-none",
            goal = &e.goal,
            expected = expected,
            context = context,
            reason = render::no_status_text(e.derivation.assessment)
        ),
    };
    let derivation = render::derivation_lines(&e.derivation, "");
    let help = match &e.problem {
        Some(_) => render::lines_text(vec![
            e.problem_text
                .clone()
                .unwrap_or_else(|| Text::verbatim(String::new())),
            derivation,
        ]),
        None => derivation,
    };
    let mut diag = Diagnostic::new(Code::P0801, e.span, message)
        .primary(match &e.problem {
            Some(_) => text!("testing-no-motivation"),
            None => text!("testing-policy-gives", actual = actual),
        })
        .label(test.span, text!("testing-in-test", title = &test.title))
        .help(help);
    if let (Some(status), None) = (&e.actual, &e.problem) {
        let written = analysis.sources.text(e.span);
        // `expect GOAL STATUS`: keep the keyword and the goal as written.
        let keep = written
            .trim_end()
            .rsplit_once(char::is_whitespace)
            .map_or("", |(head, _)| head);
        if !keep.is_empty() {
            diag = diag.fix(
                text!("testing-fix-expect", status = status),
                format!("{keep} {status}"),
            );
        }
    }
    diag
}

/// The headers of the tests in `file`, in order: where the editor puts "Run test".
pub fn headers_in(analysis: &Analysis, file: FileId) -> Vec<Span> {
    tests_of(analysis)
        .into_iter()
        .filter(|(f, _)| *f == file)
        .map(|(_, t)| t.header)
        .collect()
}

/// One sentence on the results, for a message in the editor: whether all passed, and what.
pub fn summary(results: &PolicyTests) -> (bool, String) {
    let passed = results
        .tests
        .iter()
        .filter(|t| t.outcome == Outcome::Passed)
        .count();
    let not_passed: Vec<&TestResult> = results
        .tests
        .iter()
        .filter(|t| t.outcome != Outcome::Passed)
        .collect();
    if let Some(first) = results.errors.first() {
        return (
            false,
            format!(
                "The tests were not run: the policy has errors ({}:{}: {})",
                first.file, first.line, first.message
            ),
        );
    }
    let describe = |t: &TestResult| -> String {
        match t.outcome {
            Outcome::Error => format!(
                "\"{}\" could not be run: {}",
                t.title,
                t.errors
                    .first()
                    .map_or("it has errors", |p| p.message.as_str())
            ),
            _ => {
                let failed: Vec<String> = t
                    .failures()
                    .map(|e| {
                        let expected =
                            render::status_words(Some(&e.expected), e.expected_label.as_deref());
                        match (&e.problem, &e.actual) {
                            (Some(_), _) => format!("{} needs a motivation", e.goal),
                            (None, Some(_)) => format!(
                                "{} is {}, not {expected}",
                                e.goal,
                                render::status_words(
                                    e.actual.as_deref(),
                                    e.derivation.status_label.as_deref()
                                )
                            ),
                            (None, None) => format!("{} has no status", e.goal),
                        }
                    })
                    .collect();
                format!("\"{}\" failed: {}", t.title, failed.join("; "))
            }
        }
    };
    match (results.tests.len(), not_passed.as_slice()) {
        (0, _) => (true, "No tests to run.".to_string()),
        (1, []) => (
            true,
            format!(
                "Test \"{}\" passed ({} expectation{}).",
                results.tests[0].title,
                results.tests[0].expectations.len(),
                if results.tests[0].expectations.len() == 1 {
                    ""
                } else {
                    "s"
                }
            ),
        ),
        (n, []) => (true, format!("All {n} tests passed.")),
        (1, [one]) => (false, format!("Test {}.", describe(one))),
        (n, failed) => (
            false,
            format!(
                "{} of {n} tests did not pass ({passed} passed): {}.",
                failed.len(),
                failed
                    .iter()
                    .map(|t| describe(t))
                    .collect::<Vec<_>>()
                    .join(" ")
            ),
        ),
    }
}
