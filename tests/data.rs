//! The data readers (pejl CSV, Kolada JSON v3/v2, Statbank CSV with a mapping): what they
//! read, and every data error with its message, file, line and column.

use pejl::data::{self, Catalog, Dataset, LoadOptions, ValueKind};
use pejl::eval;
use pejl::{Diagnostic, FsLoader, Severity, SourceSet};
use serde_json::Value;
use std::path::{Path, PathBuf};

const DIR: &str = "tests/fixtures/data";

fn policy() -> PathBuf {
    Path::new(DIR).join("policy.pejl")
}

struct Loaded {
    sources: SourceSet,
    data: Dataset,
    catalog: Catalog,
    diagnostics: Vec<Diagnostic>,
}

fn load(files: &[&str], options: LoadOptions) -> Loaded {
    load_with(&policy(), files, options)
}

fn load_with(policy: &Path, files: &[&str], options: LoadOptions) -> Loaded {
    let analysis = pejl::analyze(policy, &FsLoader);
    assert!(!analysis.has_errors(), "the fixture policy compiles");
    let compiled = pejl::ir::compile(&analysis);
    let catalog = Catalog::new(&compiled);
    let mut sources = analysis.sources.clone();
    let paths: Vec<PathBuf> = files.iter().map(|f| Path::new(DIR).join(f)).collect();
    let (data, diagnostics) = data::load(&paths, &catalog, &options, &FsLoader, &mut sources);
    Loaded {
        sources,
        data,
        catalog,
        diagnostics,
    }
}

impl Loaded {
    fn json(&self) -> Vec<Value> {
        self.diagnostics
            .iter()
            .map(|d| pejl::render::to_json(&self.sources, d, pejl::i18n::Lang::En))
            .collect()
    }

    /// Asserts one diagnostic with this code, file, line, column and message.
    fn expect(&self, code: &str, file: &str, line: u64, column: u64, message: &str) -> Value {
        let all = self.json();
        let found = all
            .iter()
            .find(|d| d["code"] == code && d["line"] == line && d["column"] == column);
        let Some(found) = found else {
            panic!("no {code} at {line}:{column}; got {all:#?}");
        };
        assert!(
            found["file"].as_str().unwrap().ends_with(file),
            "{code} is in {} rather than {file}",
            found["file"]
        );
        assert_eq!(found["message"], message, "{found:#?}");
        found.clone()
    }

    fn value(&self, indicator: &str, year: i32, kind: ValueKind) -> (Option<f64>, Option<f64>) {
        let i = self.catalog.indicator(indicator).expect("declared");
        let obs = self.data.get(i, year, kind).expect("an observation");
        (obs.value, obs.benchmark)
    }

    /// The benchmarks by kind of an observation (kind, value), sorted by kind.
    fn named(&self, indicator: &str, year: i32) -> Vec<(String, Option<f64>)> {
        let i = self.catalog.indicator(indicator).expect("declared");
        let obs = self
            .data
            .get(i, year, ValueKind::Actual)
            .expect("an observation");
        let mut named = obs.benchmarks.clone();
        named.sort_by(|a, b| a.0.cmp(&b.0));
        named
    }

    fn errors(&self) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
    }
}

#[test]
fn unknown_indicator_has_did_you_mean() {
    let l = load(&["unknown-indicator.csv"], LoadOptions::default());
    let d = l.expect(
        "P0703",
        "unknown-indicator.csv",
        3,
        1,
        "the indicator `andell` is not in the policy",
    );
    assert_eq!(d["help"], "did you mean `andel`?");
    assert_eq!(l.errors(), 1);
    // The good row is still read.
    assert_eq!(
        l.value("andel", 2024, ValueKind::Actual),
        (Some(64.0), Some(70.0))
    );
}

#[test]
fn non_numeric_value() {
    let l = load(&["not-a-number.csv"], LoadOptions::default());
    l.expect("P0704", "not-a-number.csv", 2, 12, "`n/a` is not a number");
    assert_eq!(l.errors(), 1);
}

#[test]
fn decimal_comma_in_a_comma_separated_file() {
    let l = load(&["decimal-comma.csv"], LoadOptions::default());
    let d = l.expect(
        "P0704",
        "decimal-comma.csv",
        2,
        12,
        "`64,5` is not a number",
    );
    assert!(d["help"]
        .as_str()
        .unwrap()
        .contains("separate the fields with `;`"));
    l.expect(
        "P0702",
        "decimal-comma.csv",
        3,
        1,
        "this row has 7 fields, but the header has 6",
    );
    assert_eq!(l.errors(), 2);
}

#[test]
fn decimal_comma_in_a_semicolon_separated_file() {
    let l = load(&["semicolon.csv"], LoadOptions::default());
    assert!(l.diagnostics.is_empty(), "{:#?}", l.json());
    assert_eq!(
        l.value("andel", 2024, ValueKind::Actual),
        (Some(64.5), Some(70.2))
    );
    assert_eq!(l.value("antal", 2024, ValueKind::Actual), (Some(4.0), None));
}

#[test]
fn duplicate_rows() {
    let l = load(&["duplicate.csv"], LoadOptions::default());
    let d = l.expect(
        "P0705",
        "duplicate.csv",
        4,
        1,
        "`andel` has a second actual value for 2024",
    );
    assert_eq!(d["labels"][0]["line"], 2, "points at the first row");
    assert_eq!(l.errors(), 1);
    assert_eq!(
        l.value("andel", 2024, ValueKind::Actual),
        (Some(64.0), Some(70.0))
    );
}

#[test]
fn values_that_do_not_fit_the_unit() {
    let l = load(&["unit.csv"], LoadOptions::default());
    l.expect(
        "P0706",
        "unit.csv",
        2,
        12,
        "the value 120 does not fit `andel`, whose unit is percent: a percentage lies between 0 and 100",
    );
    l.expect(
        "P0706",
        "unit.csv",
        3,
        12,
        "the value 4.5 does not fit `antal`, whose unit is count: it must be a whole number",
    );
    // A benchmark (an average) of 3.5 for a count is fine.
    assert_eq!(l.errors(), 2);
}

#[test]
fn bad_period_and_kind() {
    let l = load(&["bad-period-kind.csv"], LoadOptions::default());
    l.expect(
        "P0702",
        "bad-period-kind.csv",
        2,
        7,
        "`2024-06` is not a year",
    );
    l.expect(
        "P0702",
        "bad-period-kind.csv",
        3,
        15,
        "`prognos` is not a kind of value",
    );
    assert_eq!(l.errors(), 2);
}

#[test]
fn unknown_column() {
    let l = load(&["unknown-column.csv"], LoadOptions::default());
    let d = l.expect(
        "P0701",
        "unknown-column.csv",
        1,
        24,
        "`benchmak` is not a column of the pejl data format",
    );
    assert!(d["help"]
        .as_str()
        .unwrap()
        .starts_with("did you mean `benchmark`?"));
}

/// `76.500` in a `;`-separated file may be 76500 (Danish and Swedish Excel's thousands
/// separator) or 76.5: an error, for the value and the benchmark alike.
#[test]
fn a_dot_before_three_digits_is_ambiguous_with_a_decimal_comma() {
    let l = load(&["thousands-dot.csv"], LoadOptions::default());
    let d = l.expect(
        "P0704",
        "thousands-dot.csv",
        2,
        12,
        "`76.500` is ambiguous: a dot may be a thousands separator or a decimal point",
    );
    assert!(
        d["help"]
            .as_str()
            .unwrap()
            .ends_with("write 76500 (without a thousands separator) or 76,5"),
        "{d:#?}"
    );
    let d = l.expect(
        "P0704",
        "thousands-dot.csv",
        3,
        17,
        "`70.500` is ambiguous: a dot may be a thousands separator or a decimal point",
    );
    assert!(d["help"]
        .as_str()
        .unwrap()
        .ends_with("write 70500 (without a thousands separator) or 70,5"));
    let d = l.expect(
        "P0704",
        "thousands-dot.csv",
        4,
        12,
        "`1.234.567` is ambiguous: a dot may be a thousands separator or a decimal point",
    );
    assert!(d["help"]
        .as_str()
        .unwrap()
        .ends_with("write 1234567 (without a thousands separator)"));
    assert_eq!(l.errors(), 3, "{:#?}", l.json());
    // `0.500` and `76.50` are decimal points; `1.234,00` has a decimal comma.
    assert_eq!(
        l.value("andel", 2023, ValueKind::Actual),
        (Some(0.5), Some(76.5))
    );
    assert_eq!(
        l.value("antal", 2025, ValueKind::Actual),
        (Some(1234.0), None)
    );
    let andel = l.catalog.indicator("andel").unwrap();
    assert!(l.data.get(andel, 2024, ValueKind::Actual).is_none());
}

#[test]
fn a_dot_before_three_digits_is_ambiguous_in_a_statbank_export() {
    let l = load(
        &["statbank-thousands.csv"],
        statbank_options("statbank-map.json"),
    );
    let d = l.expect(
        "P0704",
        "statbank-thousands.csv",
        2,
        20,
        "`64.500` is ambiguous: a dot may be a thousands separator or a decimal point",
    );
    assert!(d["help"]
        .as_str()
        .unwrap()
        .ends_with("write 64500 (without a thousands separator) or 64,5"));
    assert_eq!(l.errors(), 1);
}

/// A Danish header: one error that gives the header to copy and says what each Danish
/// name is called, not one error per column.
#[test]
fn a_danish_header_is_one_error() {
    let l = load(&["danish-header.csv"], LoadOptions::default());
    let d = l.expect(
        "P0701",
        "danish-header.csv",
        1,
        1,
        "the first line is not a pejl data header: none of its columns is known",
    );
    assert_eq!(
        d["help"],
        "the first line must be the header `indicator;period;value;benchmark;kind;motivation` (copy it; benchmark, kind and motivation may be left out); pejl's column names are English: `indikator` is `indicator`, `periode` is `period`, `værdi` is `value`, `sammenligning` is `benchmark`, `type` is `kind`, `begrundelse` is `motivation`"
    );
    assert_eq!(l.diagnostics.len(), 1, "{:#?}", l.json());
}

#[test]
fn a_swedish_header_is_one_error() {
    let l = load(&["swedish-header.csv"], LoadOptions::default());
    let d = l.expect(
        "P0701",
        "swedish-header.csv",
        1,
        1,
        "the header has no `indicator` and `value` columns",
    );
    assert_eq!(
        d["help"],
        "the first line must be the header `indicator;period;value;benchmark;kind;motivation` (copy it; benchmark, kind and motivation may be left out); pejl's column names are English: `indikator` is `indicator`, `värde` is `value`, `jämförelse` is `benchmark`, `typ` is `kind`, `motivering` is `motivation`"
    );
    assert_eq!(l.diagnostics.len(), 1, "{:#?}", l.json());
}

/// A file without a header (it starts with a data row): one error with the header to
/// copy, tab-separated like the file.
#[test]
fn a_file_without_a_header_is_one_error() {
    let l = load(&["no-header.csv"], LoadOptions::default());
    let d = l.expect(
        "P0701",
        "no-header.csv",
        1,
        1,
        "the first line is not a pejl data header: none of its columns is known",
    );
    assert_eq!(
        d["help"],
        "the first line must be the header `indicator\tperiod\tvalue\tbenchmark\tkind\tmotivation` (separated by tabs; copy it; benchmark, kind and motivation may be left out)"
    );
    assert_eq!(l.diagnostics.len(), 1, "{:#?}", l.json());
}

/// One translated column in an otherwise valid header keeps its message; the help says
/// what the column is called.
#[test]
fn a_translated_column_in_a_valid_header() {
    let l = load(&["translated-column.csv"], LoadOptions::default());
    let d = l.expect(
        "P0701",
        "translated-column.csv",
        1,
        24,
        "`sammenligning` is not a column of the pejl data format",
    );
    assert_eq!(
        d["help"],
        "pejl's column names are English: `sammenligning` is `benchmark`. The columns are indicator, period, value, benchmark, kind and motivation"
    );
    assert_eq!(l.diagnostics.len(), 1, "{:#?}", l.json());
}

#[test]
fn a_goal_row_gives_only_a_motivation() {
    let l = load(&["goal-row-with-value.csv"], LoadOptions::default());
    l.expect(
        "P0702",
        "goal-row-with-value.csv",
        2,
        1,
        "`behorighet` is a goal: a goal's row gives only a motivation, not a value",
    );
}

#[test]
fn missing_file() {
    let l = load(&["no-such-file.csv"], LoadOptions::default());
    let all = l.json();
    assert_eq!(all.len(), 1);
    assert_eq!(all[0]["code"], "P0701");
    assert!(all[0]["message"]
        .as_str()
        .unwrap()
        .starts_with("cannot read the data file"));
}

fn kolada_options() -> LoadOptions {
    LoadOptions {
        municipality: Some("2425".into()),
        benchmark_municipality: Some("0024".into()),
        statbank_map: None,
    }
}

#[test]
fn kolada_v3_export() {
    let l = load(&["kolada.json"], kolada_options());
    assert!(l.diagnostics.is_empty(), "{:#?}", l.json());
    // Total (T) only, the county as benchmark; the deleted 2023 value is skipped, and
    // Vilhelmina (2462) is not used.
    assert_eq!(
        l.value("andel", 2024, ValueKind::Actual),
        (Some(64.0), Some(70.0))
    );
    let andel = l.catalog.indicator("andel").unwrap();
    assert!(l.data.get(andel, 2023, ValueKind::Actual).is_none());
}

#[test]
fn kolada_v2_export_with_a_null_value() {
    let l = load(&["kolada-v2.json"], kolada_options());
    assert!(l.diagnostics.is_empty(), "{:#?}", l.json());
    assert_eq!(
        l.value("andel", 2024, ValueKind::Actual),
        (None, Some(70.0))
    );
}

#[test]
fn kolada_errors() {
    let l = load(&["kolada-errors.json"], kolada_options());
    let d = l.expect(
        "P0703",
        "kolada-errors.json",
        2,
        11,
        "the Kolada KPI `N15420` is the source of no indicator in the policy (1 item not used)",
    );
    assert_eq!(d["help"], "did you mean `N15419`?");
    l.expect(
        "P0704",
        "kolada-errors.json",
        5,
        66,
        "`\"64,0\"` is not a number",
    );
}

#[test]
fn kolada_needs_a_municipality_when_it_has_several() {
    let l = load(&["kolada.json"], LoadOptions::default());
    l.expect(
        "P0701",
        "kolada.json",
        1,
        1,
        "the Kolada file has values for several municipalities (`0024`, `2425`, `2462`); which one is the report about?",
    );
}

#[test]
fn kolada_invalid_json() {
    let l = load(&["kolada-broken.json"], kolada_options());
    l.expect(
        "P0701",
        "kolada-broken.json",
        3,
        36,
        "the Kolada file is not valid JSON: expected `,` or `}` in this object",
    );
}

#[test]
fn duplicate_across_files() {
    let l = load(&["kolada.json", "duplicate.csv"], kolada_options());
    l.expect(
        "P0705",
        "duplicate.csv",
        2,
        1,
        "`andel` has a second actual value for 2024",
    );
}

#[test]
fn a_motivation_row_completes_a_kolada_null() {
    let l = load(&["kolada-v2.json", "motivation-only.csv"], kolada_options());
    assert!(l.diagnostics.is_empty(), "{:#?}", l.json());
    let andel = l.catalog.indicator("andel").unwrap();
    let obs = l.data.get(andel, 2024, ValueKind::Actual).unwrap();
    assert_eq!(obs.value, None);
    assert_eq!(obs.benchmark, Some(70.0));
    assert_eq!(
        obs.motivation.as_deref(),
        Some("Värdet är sekretessbelagt.")
    );
}

fn statbank_options(map: &str) -> LoadOptions {
    LoadOptions {
        statbank_map: Some(Path::new(DIR).join(map)),
        ..LoadOptions::default()
    }
}

#[test]
fn statbank_export_with_mapping() {
    let l = load(&["statbank.csv"], statbank_options("statbank-map.json"));
    // Two rows (Kvinder, Mænd) match no entry: one warning that counts them.
    let d = l.expect(
        "P0708",
        "statbank.csv",
        4,
        1,
        "this row and 1 more match no entry of the Statbank mapping and are not used",
    );
    assert_eq!(d["severity"], "warning");
    assert_eq!(l.errors(), 0);
    assert_eq!(
        l.value("andel", 2024, ValueKind::Actual),
        (Some(64.0), Some(70.0))
    );
    // 2023: the latest month counts; `..` is a missing benchmark.
    assert_eq!(
        l.value("andel", 2023, ValueKind::Actual),
        (Some(52.5), None)
    );
}

#[test]
fn statbank_without_mapping() {
    let l = load(&["statbank.csv"], LoadOptions::default());
    l.expect(
        "P0701",
        "statbank.csv",
        1,
        1,
        "`tests/fixtures/data/statbank.csv` looks like a Statbank export (it has an INDHOLD column), but no mapping was given",
    );
}

#[test]
fn statbank_bad_value() {
    let l = load(&["statbank-bad.csv"], statbank_options("statbank-map.json"));
    l.expect(
        "P0704",
        "statbank-bad.csv",
        2,
        20,
        "`ca. 64` is not a number",
    );
}

/// Found by fuzzing (fuzz/fuzz_targets/data.rs): a BOM right after the year in a time cell
/// made the reader panic. Now it is a bad time like any other.
#[test]
fn statbank_time_with_an_odd_character() {
    let l = load(
        &["statbank-odd-time.csv"],
        statbank_options("statbank-map.json"),
    );
    l.expect(
        "P0702",
        "statbank-odd-time.csv",
        6,
        15,
        "`2023\u{feff}` is not a Statbank time",
    );
}

#[test]
fn statbank_mapping_with_unknown_indicator() {
    let l = load(
        &["statbank.csv"],
        statbank_options("statbank-map-unknown.json"),
    );
    let d = l.expect(
        "P0703",
        "statbank-map-unknown.json",
        3,
        19,
        "the indicator `andelen` is not in the policy",
    );
    assert_eq!(d["help"], "did you mean `andel`?");
}

fn evaluate(files: &[&str], report: &str) -> eval::Run {
    let paths: Vec<PathBuf> = files.iter().map(|f| Path::new(DIR).join(f)).collect();
    eval::run(
        &policy(),
        &paths,
        &LoadOptions::default(),
        2024,
        report,
        &FsLoader,
    )
    .expect("the report exists")
}

#[test]
fn grey_without_motivation_is_an_error_naming_the_goal() {
    let run = evaluate(&["missing-motivation.csv"], "annual");
    assert!(run.evaluation.is_none());
    let all: Vec<Value> = run
        .diagnostics
        .iter()
        .map(|d| pejl::render::to_json(&run.sources, d, pejl::i18n::Lang::En))
        .collect();
    // The row exists but has no motivation: the error points at the row.
    let row = all
        .iter()
        .find(|d| {
            d["file"]
                .as_str()
                .unwrap()
                .ends_with("missing-motivation.csv")
        })
        .expect("an error at the row");
    assert_eq!(row["code"], "P0707");
    assert_eq!(
        (row["line"].as_u64(), row["column"].as_u64()),
        (Some(2), Some(1))
    );
    assert_eq!(
        row["message"],
        "goal `behorighet` is grey (Grå) in Årsredovisning 2024, and its rule requires a written motivation, but the data gives none"
    );
    // The suggested row is the row itself, benchmark kept, with a Swedish placeholder.
    assert_eq!(
        row["help"],
        "write the reason in the data's `motivation` column, e.g. the row `andel,2024,,70,actual,\"Skäl till att värdet saknas\"` (or a row for the goal itself: `behorighet,2024,,,actual,\"…\"`)"
    );
    // No row at all for `antal`: the error points at the goal in the policy.
    let goal = all
        .iter()
        .find(|d| d["file"].as_str().unwrap().ends_with("policy.pejl"))
        .expect("an error at the goal");
    assert_eq!(goal["code"], "P0707");
    assert_eq!(goal["line"], 54);
    assert!(goal["message"]
        .as_str()
        .unwrap()
        .starts_with("goal `kurser` is grey"));
    assert_eq!(all.len(), 2);
}

/// The P0707 errors of a run, as JSON.
fn p0707(policy: &str, files: &[&str], options: LoadOptions) -> Vec<Value> {
    let paths: Vec<PathBuf> = files.iter().map(|f| Path::new(DIR).join(f)).collect();
    let run = eval::run(
        &Path::new(DIR).join(policy),
        &paths,
        &options,
        2024,
        "annual",
        &FsLoader,
    )
    .expect("the report exists");
    run.diagnostics
        .iter()
        .map(|d| pejl::render::to_json(&run.sources, d, pejl::i18n::Lang::En))
        .filter(|d| d["code"] == "P0707")
        .collect()
}

fn help_at<'a>(all: &'a [Value], file: &str, line: u64, column: u64) -> &'a str {
    let found = all
        .iter()
        .find(|d| {
            d["file"].as_str().unwrap().ends_with(file)
                && d["line"] == line
                && d["column"] == column
        })
        .unwrap_or_else(|| panic!("no P0707 at {file}:{line}:{column}; got {all:#?}"));
    found["help"].as_str().unwrap()
}

/// P0707's suggested row uses the data file's separator and keeps the row's benchmark,
/// written with a decimal comma as the file writes it.
#[test]
fn missing_motivation_suggests_a_row_with_the_files_separator() {
    let all = p0707(
        "policy.pejl",
        &["missing-motivation-semicolon.csv"],
        LoadOptions::default(),
    );
    assert_eq!(
        all[0]["message"],
        "goal `behorighet` is grey (Grå) in Årsredovisning 2024, and its rule requires a written motivation, but the data gives none"
    );
    assert_eq!(
        help_at(&all, "missing-motivation-semicolon.csv", 2, 1),
        "write the reason in the data's `motivation` column, e.g. the row `andel;2024;;70,5;actual;\"Skäl till att värdet saknas\"` (or a row for the goal itself: `behorighet;2024;;;actual;\"…\"`)"
    );
    assert_eq!(all.len(), 1, "{all:#?}");
    // A file without a `motivation` column: the row gets one more field, and the help
    // says to add the column.
    let all = p0707(
        "policy.pejl",
        &["missing-motivation-column.csv"],
        LoadOptions::default(),
    );
    assert_eq!(
        help_at(&all, "missing-motivation-column.csv", 2, 1),
        "write the reason in the data's `motivation` column, e.g. the row `andel;2024;;70,5;\"Skäl till att värdet saknas\"` after adding the column `motivation` to the header (or a row for the goal itself: `behorighet;2024;;;actual;\"…\"`)"
    );
}

/// A tab-separated file with its own columns, and a Danish policy: the row keeps the
/// file's layout and the placeholder is Danish.
#[test]
fn missing_motivation_in_a_danish_policy_and_a_tab_separated_file() {
    let all = p0707(
        "policy-da.pejl",
        &["missing-motivation-tab.csv"],
        LoadOptions::default(),
    );
    assert_eq!(
        help_at(&all, "missing-motivation-tab.csv", 2, 1),
        "write the reason in the data's `motivation` column, e.g. the row `andel\t2024\t\t70\t\"Begrundelse for at værdien mangler\"` (or a row for the goal itself: `behorighet\t2024\t\t\t\"…\"`)"
    );
    // No row for `kurser`'s indicator: the error is at the goal, the row a new one.
    assert_eq!(
        help_at(&all, "policy-da.pejl", 54, 1),
        "write the reason in the data's `motivation` column, e.g. the row `antal\t2024\t\t\t\"Begrundelse for at værdien mangler\"` (or a row for the goal itself: `kurser\t2024\t\t\t\"…\"`)"
    );
}

/// A Kolada value cannot be edited: the suggested row is a new row that gives only the
/// motivation (a benchmark on it would be a duplicate of Kolada's), in the layout of the
/// pejl CSV given, or the standard one with commas when none is given.
#[test]
fn missing_motivation_for_a_kolada_value_in_an_english_policy() {
    let all = p0707("policy-en.pejl", &["kolada-v2.json"], kolada_options());
    assert_eq!(
        help_at(&all, "kolada-v2.json", 2, 3),
        "write the reason in the data's `motivation` column, e.g. the row `andel,2024,,,actual,\"Why no value can be given\"` (or a row for the goal itself: `behorighet,2024,,,actual,\"…\"`)"
    );
    let all = p0707(
        "policy-en.pejl",
        &["kolada-v2.json", "no-benchmark-column.csv"],
        kolada_options(),
    );
    assert_eq!(
        help_at(&all, "kolada-v2.json", 2, 3),
        "write the reason in the data's `motivation` column, e.g. the row `andel;2024;;\"Why no value can be given\"` (or a row for the goal itself: `behorighet;2024;;\"…\"`)"
    );
}

#[test]
fn unknown_report_is_a_usage_error() {
    let paths = vec![Path::new(DIR).join("semicolon.csv")];
    let err = eval::run(
        &policy(),
        &paths,
        &LoadOptions::default(),
        2024,
        "anual",
        &FsLoader,
    )
    .err()
    .expect("an error");
    assert_eq!(
        err,
        "the policy has no report `anual`: did you mean `annual`? (its reports are annual, interim)"
    );
}

#[test]
fn a_year_outside_the_period_or_without_data_is_a_usage_error() {
    let paths = vec![Path::new(DIR).join("semicolon.csv")];
    let run = |year| {
        eval::run(
            &policy(),
            &paths,
            &LoadOptions::default(),
            year,
            "annual",
            &FsLoader,
        )
        .err()
        .expect("an error")
    };
    assert_eq!(run(1999), "1999 is outside the policy's period 2024..2027");
    assert_eq!(
        run(2026),
        "the data has no actual values for 2026, only for 2024"
    );
}

/// Every data and evaluation code (P07xx) is triggered by one of the fixtures above.
#[test]
fn every_data_code_is_triggered() {
    let mut seen = std::collections::BTreeSet::new();
    let cases: &[(&[&str], LoadOptions)] = &[
        (&["unknown-column.csv"], LoadOptions::default()),
        (&["bad-period-kind.csv"], LoadOptions::default()),
        (&["unknown-indicator.csv"], LoadOptions::default()),
        (&["not-a-number.csv"], LoadOptions::default()),
        (&["duplicate.csv"], LoadOptions::default()),
        (&["unit.csv"], LoadOptions::default()),
        (&["statbank.csv"], statbank_options("statbank-map.json")),
    ];
    for (files, options) in cases {
        let l = load(files, options.clone());
        seen.extend(l.diagnostics.iter().map(|d| d.code));
    }
    // The activity file's codes (P0710, P0711), with the activities' policy.
    let l = load_with(
        Path::new("tests/fixtures/activities/policy.pejl"),
        &["../activities/progress-errors.csv"],
        LoadOptions::default(),
    );
    seen.extend(l.diagnostics.iter().map(|d| d.code));
    let run = evaluate(&["missing-motivation.csv"], "annual");
    seen.extend(run.diagnostics.iter().map(|d| d.code));
    let run = group_year_report(2025);
    seen.extend(run.diagnostics.iter().map(|d| d.code));
    for &code in pejl::Code::ALL {
        if code.as_str().starts_with("P07") {
            assert!(
                seen.contains(&code),
                "{code} is not triggered by any data fixture"
            );
            assert!(
                pejl::explain::explain(code, pejl::i18n::Lang::En).is_some(),
                "{code} is explained"
            );
        }
    }
}

// Several typed benchmarks (`benchmark national "Riket" kolada "0000"`): CSV columns
// `benchmark_KIND` and Kolada IDs declared in the policy. Dorotea-like data: Nöjd
// Region-Index (U07451) and population (N00090) for Dorotea (2425), the county's
// municipalities (0024), the nation (0000) and a group of similar municipalities (G37329).

fn benchmark_policy() -> PathBuf {
    Path::new(DIR).join("policy-benchmarks.pejl")
}

fn named(pairs: &[(&str, Option<f64>)]) -> Vec<(String, Option<f64>)> {
    pairs.iter().map(|&(k, v)| (k.to_string(), v)).collect()
}

#[test]
fn csv_benchmark_national_is_read_by_kind() {
    let l = load_with(
        &benchmark_policy(),
        &["benchmarks-national.csv"],
        LoadOptions::default(),
    );
    assert!(l.diagnostics.is_empty(), "{:#?}", l.json());
    // `benchmark` stays the default (county) benchmark; the national one is named.
    assert_eq!(
        l.value("nojdhet", 2024, ValueKind::Actual),
        (Some(58.0), Some(61.0))
    );
    assert_eq!(l.named("nojdhet", 2024), named(&[("national", Some(63.0))]));
}

#[test]
fn csv_empty_benchmark_cells_are_missing() {
    let l = load_with(
        &benchmark_policy(),
        &["benchmarks-national.csv"],
        LoadOptions::default(),
    );
    assert_eq!(l.value("nojdhet", 2025, ValueKind::Actual), (None, None));
    assert_eq!(l.named("nojdhet", 2025), named(&[("national", None)]));
    // `skatt` declares no national benchmark: its empty cell is simply nothing.
    assert_eq!(
        l.value("skatt", 2024, ValueKind::Actual),
        (Some(23.5), Some(22.9))
    );
    assert!(l.named("skatt", 2024).is_empty());
}

#[test]
fn csv_bad_number_in_benchmark_county_is_reported_at_its_cell() {
    let l = load_with(
        &benchmark_policy(),
        &["benchmarks-county-bad.csv"],
        LoadOptions::default(),
    );
    l.expect(
        "P0704",
        "benchmarks-county-bad.csv",
        3,
        17,
        "`6l,0` is not a number",
    );
    assert_eq!(l.errors(), 1, "{:#?}", l.json());
    // The good row: a decimal comma, and `benchmark_county` (the default kind) is also
    // the default benchmark when there is no `benchmark` column.
    assert_eq!(
        l.value("nojdhet", 2024, ValueKind::Actual),
        (Some(58.5), Some(61.2))
    );
    assert_eq!(
        l.named("nojdhet", 2024),
        named(&[("county", Some(61.2)), ("national", Some(63.0))])
    );
    let i = l.catalog.indicator("nojdhet").unwrap();
    assert!(l.data.get(i, 2025, ValueKind::Actual).is_none());
}

#[test]
fn csv_benchmark_of_an_undeclared_kind_is_a_warning() {
    let l = load_with(
        &benchmark_policy(),
        &["benchmarks-undeclared.csv"],
        LoadOptions::default(),
    );
    let d = l.expect(
        "P0708",
        "benchmarks-undeclared.csv",
        2,
        28,
        "`befolkning` declares no national benchmark, so this value is not used",
    );
    assert_eq!(d["severity"], "warning", "{d:#?}");
    assert_eq!(l.errors(), 0);
    assert_eq!(
        l.value("befolkning", 2024, ValueKind::Actual),
        (Some(2650.0), Some(18400.0))
    );
    assert!(l.named("befolkning", 2024).is_empty());
}

#[test]
fn csv_default_benchmark_given_twice_differently() {
    let l = load_with(
        &benchmark_policy(),
        &["benchmarks-conflict.csv"],
        LoadOptions::default(),
    );
    let d = l.expect(
        "P0705",
        "benchmarks-conflict.csv",
        2,
        20,
        "`nojdhet` has two different values for its default benchmark (county) in 2024",
    );
    assert_eq!(d["labels"][0]["column"], 17, "{d:#?}");
    assert_eq!(l.errors(), 1);
}

#[test]
fn csv_unknown_benchmark_column_has_did_you_mean() {
    let l = load_with(
        &benchmark_policy(),
        &["benchmarks-unknown-column.csv"],
        LoadOptions::default(),
    );
    let d = l.expect(
        "P0701",
        "benchmarks-unknown-column.csv",
        1,
        24,
        "`benchmark_nationell` is not a column of the pejl data format",
    );
    let help = d["help"].as_str().unwrap();
    assert!(
        help.starts_with("did you mean `benchmark_national`"),
        "{help}"
    );
}

#[test]
fn kolada_benchmarks_from_declared_ids() {
    // --benchmark-municipality 0024 is only the fallback; `nojdhet` declares 0024 and 0000.
    let l = load_with(
        &benchmark_policy(),
        &["kolada-benchmarks.json"],
        kolada_options(),
    );
    assert!(l.diagnostics.is_empty(), "{:#?}", l.json());
    assert_eq!(
        l.value("nojdhet", 2024, ValueKind::Actual),
        (Some(58.0), Some(61.0))
    );
    assert_eq!(
        l.named("nojdhet", 2024),
        named(&[("county", Some(61.0)), ("national", Some(63.0))])
    );
    // Benchmarks without Dorotea's own value: the value is missing.
    assert_eq!(
        l.value("nojdhet", 2023, ValueKind::Actual),
        (None, Some(60.0))
    );
    assert_eq!(
        l.named("nojdhet", 2023),
        named(&[("county", Some(60.0)), ("national", Some(62.5))])
    );
}

#[test]
fn kolada_declared_ids_need_no_benchmark_municipality() {
    let options = LoadOptions {
        municipality: None,
        benchmark_municipality: None,
        statbank_map: None,
    };
    let l = load_with(&benchmark_policy(), &["kolada-benchmarks.json"], options);
    // 0024, 0000 and G37329 are declared benchmarks, so only 2425 and 2462 are candidates.
    assert!(
        l.json()[0]["message"]
            .as_str()
            .unwrap()
            .contains("(`2425`, `2462`)"),
        "{:#?}",
        l.json()
    );
    let options = LoadOptions {
        municipality: Some("2425".into()),
        benchmark_municipality: None,
        statbank_map: None,
    };
    let l = load_with(&benchmark_policy(), &["kolada-benchmarks.json"], options);
    assert!(l.diagnostics.is_empty(), "{:#?}", l.json());
    assert_eq!(
        l.value("nojdhet", 2024, ValueKind::Actual),
        (Some(58.0), Some(61.0))
    );
    // `befolkning`'s default (county) has no ID and no option was given: no default value.
    assert_eq!(
        l.value("befolkning", 2024, ValueKind::Actual),
        (Some(2650.0), None)
    );
    assert_eq!(
        l.named("befolkning", 2024),
        named(&[("group", Some(3104.2))])
    );
}

#[test]
fn kolada_benchmark_municipality_is_the_fallback_without_an_id() {
    let l = load_with(
        &benchmark_policy(),
        &["kolada-benchmarks.json"],
        kolada_options(),
    );
    // `befolkning`: county without a Kolada ID, so --benchmark-municipality 0024 gives the
    // default benchmark; its group benchmark comes from G37329.
    assert_eq!(
        l.value("befolkning", 2024, ValueKind::Actual),
        (Some(2650.0), Some(18421.5))
    );
    assert_eq!(
        l.named("befolkning", 2024),
        named(&[("group", Some(3104.2))])
    );
}

#[test]
fn kolada_conflicting_benchmark_municipality_is_ignored_with_a_warning() {
    let options = LoadOptions {
        municipality: Some("2425".into()),
        benchmark_municipality: Some("2462".into()),
        statbank_map: None,
    };
    let l = load_with(&benchmark_policy(), &["kolada-benchmarks.json"], options);
    let d = l.expect(
        "P0708",
        "kolada-benchmarks.json",
        10,
        3,
        "the values of --benchmark-municipality `2462` are not used for `nojdhet`: the policy declares the Kolada ID `0024` for its default benchmark (county)",
    );
    assert_eq!(d["severity"], "warning");
    assert_eq!(l.diagnostics.len(), 1, "{:#?}", l.json());
    assert_eq!(
        l.value("nojdhet", 2024, ValueKind::Actual),
        (Some(58.0), Some(61.0))
    );
}

#[test]
fn kolada_second_value_for_a_declared_benchmark_id() {
    let l = load_with(
        &benchmark_policy(),
        &["kolada-benchmarks-duplicate.json"],
        kolada_options(),
    );
    l.expect(
        "P0705",
        "kolada-benchmarks-duplicate.json",
        6,
        3,
        "the Kolada KPI `U07451` has a second value for 2024 and the benchmark `0000`",
    );
    assert_eq!(l.errors(), 1);
    assert_eq!(l.named("nojdhet", 2024), named(&[("national", Some(63.0))]));
}

// Issue 15: nothing in the data is resolved silently; each of these was a silent choice.

/// A row of only separators (`,,,,,` or fewer) is P0702 at its line; an empty line is
/// still skipped.
#[test]
fn csv_row_of_empty_fields_is_reported() {
    let l = load(&["empty-row.csv"], LoadOptions::default());
    let d = l.expect(
        "P0702",
        "empty-row.csv",
        4,
        1,
        "this row has only empty fields",
    );
    assert_eq!(
        d["help"],
        "delete the empty row (a spreadsheet writes one for a row whose cells were cleared)"
    );
    l.expect(
        "P0702",
        "empty-row.csv",
        6,
        1,
        "this row has only empty fields",
    );
    assert_eq!(
        l.errors(),
        2,
        "the empty line 3 is skipped: {:#?}",
        l.json()
    );
    assert_eq!(
        l.value("andel", 2024, ValueKind::Actual),
        (Some(64.0), Some(70.0))
    );
    assert_eq!(l.value("antal", 2024, ValueKind::Actual), (Some(4.0), None));
}

/// Two totals (gender T) in one item, and two items for the same KPI, year and
/// municipality (the first with a null value): P0705 at the second, naming the first,
/// which is kept.
#[test]
fn kolada_second_total_for_the_same_kpi_period_and_municipality() {
    let l = load(&["kolada-two-totals.json"], kolada_options());
    let d = l.expect(
        "P0705",
        "kolada-two-totals.json",
        4,
        66,
        "the Kolada KPI `N15419` has a second total (gender T) for 2024 and the municipality `2425`",
    );
    assert_eq!(d["labels"][0]["line"], 3, "points at the first value");
    assert_eq!(d["labels"][0]["column"], 66);
    assert_eq!(d["labels"][0]["message"], "the first value");
    let d = l.expect(
        "P0705",
        "kolada-two-totals.json",
        7,
        3,
        "the Kolada KPI `N15419` has a second value for 2023 and the municipality `2425`",
    );
    assert_eq!(d["labels"][0]["line"], 5, "points at the first item");
    assert_eq!(l.errors(), 2, "{:#?}", l.json());
    assert_eq!(
        l.value("andel", 2024, ValueKind::Actual),
        (Some(64.0), None)
    );
    assert_eq!(l.value("andel", 2023, ValueKind::Actual), (None, None));
}

/// A member name twice in one object: P0701 at the top level, P0702 in an item, which is
/// not used; each at the second name, with the first as a label.
#[test]
fn kolada_repeated_member_names_are_reported() {
    let l = load(&["kolada-repeated-keys.json"], kolada_options());
    let d = l.expect(
        "P0701",
        "kolada-repeated-keys.json",
        6,
        4,
        "`values` appears twice at the top level of the Kolada file",
    );
    assert_eq!(d["labels"][0]["line"], 1);
    assert_eq!(d["labels"][0]["column"], 2);
    let d = l.expect(
        "P0702",
        "kolada-repeated-keys.json",
        2,
        61,
        "`kpi` appears twice in the same object of this item",
    );
    assert_eq!(d["labels"][0]["line"], 2);
    assert_eq!(d["labels"][0]["column"], 4);
    assert!(d["help"]
        .as_str()
        .unwrap()
        .starts_with("JSON does not say which of the two counts"));
    l.expect(
        "P0702",
        "kolada-repeated-keys.json",
        5,
        46,
        "`value` appears twice in the same object of this item",
    );
    assert_eq!(l.errors(), 3, "{:#?}", l.json());
    let andel = l.catalog.indicator("andel").unwrap();
    assert!(l.data.get(andel, 2024, ValueKind::Actual).is_none());
    assert!(l.data.get(andel, 2023, ValueKind::Actual).is_none());
}

/// A Statbank mapping with a column twice in `where`: P0701 at the second.
#[test]
fn statbank_mapping_with_a_repeated_column() {
    let l = load(
        &["statbank.csv"],
        statbank_options("statbank-map-repeated.json"),
    );
    l.expect(
        "P0701",
        "statbank-map-repeated.json",
        3,
        75,
        "`OMRÅDE` appears twice in the same object of the Statbank mapping",
    );
    assert_eq!(l.errors(), 1, "{:#?}", l.json());
}

/// `2024` and `2024M12` for the same indicator are different measurements (a year's value
/// and December's): P0705 at the second, for the value and across value and benchmark. A
/// row of only separators is P0702 as in the pejl CSV.
#[test]
fn statbank_year_and_month_for_the_same_year() {
    let l = load(
        &["statbank-year-and-month.csv"],
        statbank_options("statbank-map.json"),
    );
    let d = l.expect(
        "P0705",
        "statbank-year-and-month.csv",
        4,
        1,
        "the rows for `andel` in 2024 are for different periods: `2024` (the whole year) and `2024M12` (a month)",
    );
    assert_eq!(d["labels"][0]["line"], 2);
    assert_eq!(d["labels"][0]["message"], "the first row, for `2024`");
    assert_eq!(
        d["help"],
        "a whole year's value and a month's are different measurements, and the mapping does not say which one `andel` reads: export the table again with only years or only months"
    );
    let d = l.expect(
        "P0705",
        "statbank-year-and-month.csv",
        6,
        1,
        "the rows for `andel` in 2023 are for different periods: `2023` (the whole year) and `2023K4` (a quarter)",
    );
    assert_eq!(d["labels"][0]["line"], 5);
    l.expect(
        "P0702",
        "statbank-year-and-month.csv",
        7,
        1,
        "this row has only empty fields",
    );
    assert_eq!(l.errors(), 3, "{:#?}", l.json());
    assert_eq!(
        l.value("andel", 2024, ValueKind::Actual),
        (Some(64.0), Some(70.0))
    );
    assert_eq!(
        l.value("andel", 2023, ValueKind::Actual),
        (Some(50.0), None)
    );
}

// Statbank mappings name benchmarks by kind (`benchmark_county`, `benchmark_national`), as a
// Danish municipality compares itself with its region and with the whole country.

fn gentofte() -> PathBuf {
    Path::new(DIR).join("policy-gentofte.pejl")
}

#[test]
fn statbank_region_and_whole_country_are_the_county_and_national_benchmarks() {
    let l = load_with(
        &gentofte(),
        &["statbank-aul01.csv"],
        statbank_options("statbank-map-regions.json"),
    );
    assert!(l.diagnostics.is_empty(), "{:#?}", l.json());
    // `benchmark_county` (Region Hovedstaden) is also the default benchmark: county is
    // `ledighed`'s first.
    assert_eq!(
        l.value("ledighed", 2024, ValueKind::Actual),
        (Some(2.0), Some(3.0))
    );
    assert_eq!(
        l.named("ledighed", 2024),
        named(&[("county", Some(3.0)), ("national", Some(2.9))])
    );
    assert_eq!(
        l.named("ledighed", 2023),
        named(&[("county", Some(2.9)), ("national", Some(2.8))])
    );
}

/// The rule compares with the national benchmark first: the value from the `Hele landet` row
/// decides, and the explanation names it.
#[test]
fn statbank_national_benchmark_decides_the_status() {
    let paths = vec![Path::new(DIR).join("statbank-aul01.csv")];
    let run = eval::run(
        &gentofte(),
        &paths,
        &statbank_options("statbank-map-regions.json"),
        2024,
        "årsrapport",
        &FsLoader,
    )
    .expect("the report exists");
    assert!(!run.has_errors(), "{:#?}", run.diagnostics);
    let evaluation = run.evaluation.expect("an evaluation");
    let goal = evaluation
        .goals
        .iter()
        .find(|g| g.id == "lav_ledighed")
        .expect("the goal");
    assert_eq!(goal.status.as_deref(), Some("green"));
    assert_eq!(goal.explanation, "grøn: 2 når landsgennemsnittet 2,9");
}

#[test]
fn statbank_unknown_kind_of_benchmark_has_did_you_mean() {
    let l = load_with(
        &gentofte(),
        &["statbank-aul01.csv"],
        statbank_options("statbank-map-unknown-kind.json"),
    );
    let d = l.expect(
        "P0701",
        "statbank-map-unknown-kind.json",
        6,
        7,
        "`benchmark_nationel` is not a key of the Statbank mapping",
    );
    assert_eq!(
        d["help"],
        "did you mean `benchmark_national`? In an entry, `benchmark` gives the rows of the default benchmark, and `benchmark_county`, `benchmark_national`, `benchmark_peers` and `benchmark_group` the rows of the benchmark of that kind"
    );
    assert_eq!(l.errors(), 1, "{:#?}", l.json());
    // The mapping has an error, so nothing is read.
    let i = l.catalog.indicator("ledighed").unwrap();
    assert!(l.data.get(i, 2024, ValueKind::Actual).is_none());
}

/// `beskæftigelse` declares only a county benchmark: the mapping's national rows (by
/// Statbank's area codes: 157 Gentofte, 084 Region Hovedstaden, 000 Hele landet) are not
/// used, with one warning at the mapping, and are not reported again as unmatched rows.
#[test]
fn statbank_rows_of_an_undeclared_kind_are_not_used() {
    let l = load_with(
        &gentofte(),
        &["statbank-ras200-koder.csv"],
        statbank_options("statbank-map-undeclared.json"),
    );
    let d = l.expect(
        "P0708",
        "statbank-map-undeclared.json",
        6,
        7,
        "`beskæftigelse` declares no national benchmark, so the rows of `benchmark_national` are not used",
    );
    assert_eq!(d["severity"], "warning");
    assert_eq!(
        d["help"],
        "declare `benchmark national \"…\"` for `beskæftigelse` in the policy, or take `benchmark_national` out of the mapping; `beskæftigelse` declares `benchmark_county`"
    );
    assert_eq!(l.diagnostics.len(), 1, "{:#?}", l.json());
    assert_eq!(
        l.value("beskæftigelse", 2024, ValueKind::Actual),
        (Some(78.1), Some(76.0))
    );
    assert_eq!(
        l.named("beskæftigelse", 2024),
        named(&[("county", Some(76.0))])
    );
}

/// `benchmark` (the default, county for `ledighed`) and `benchmark_county` pick different
/// rows with different values: P0705 at the county row, naming the other, as in the CSV.
#[test]
fn statbank_default_benchmark_given_twice_differently() {
    let l = load_with(
        &gentofte(),
        &["statbank-aul01.csv"],
        statbank_options("statbank-map-two-defaults.json"),
    );
    let d = l.expect(
        "P0705",
        "statbank-aul01.csv",
        6,
        31,
        "`ledighed` has two different values for its default benchmark (county) in 2024",
    );
    assert_eq!(d["labels"][0]["line"], 7, "{d:#?}");
    assert_eq!(
        d["labels"][0]["message"],
        "the `benchmark` row, the default benchmark"
    );
    assert_eq!(l.errors(), 2, "{:#?}", l.json());
}

// Kolada's groups of similar municipalities are defined per year (`G37329`, "Liknande kommuner
// ekonomi, 2024"): a report for another year gets a warning at the group's description.

fn group_year_report(year: i32) -> eval::Run {
    let paths = vec![Path::new(DIR).join("kolada-group-year.json")];
    let options = LoadOptions {
        municipality: Some("2425".into()),
        ..LoadOptions::default()
    };
    eval::run(
        &Path::new(DIR).join("policy-group-year.pejl"),
        &paths,
        &options,
        year,
        "annual",
        &FsLoader,
    )
    .expect("the report exists")
}

#[test]
fn a_group_of_another_year_is_a_warning_and_the_report_is_made() {
    let run = group_year_report(2025);
    let all: Vec<Value> = run
        .diagnostics
        .iter()
        .map(|d| pejl::render::to_json(&run.sources, d, pejl::i18n::Lang::En))
        .collect();
    // One warning: `befolkning`'s group is of 2024 too, but its goal's rule compares with the
    // county only.
    assert_eq!(all.len(), 1, "{all:#?}");
    let d = &all[0];
    assert_eq!(d["code"], "P0709");
    assert_eq!(d["severity"], "warning");
    assert!(d["file"]
        .as_str()
        .unwrap()
        .ends_with("policy-group-year.pejl"));
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(23), Some(19))
    );
    assert_eq!(
        d["message"],
        "`nojdhet` is compared with the group \"Liknande kommuner ekonomi, 2024\", which is defined for 2024, but the report is for 2025"
    );
    assert_eq!(
        d["help"],
        "Kolada defines its groups of municipalities anew each year, and `G37329` is the group of 2024: in the policy, give the Kolada ID of the group for 2025 and write 2025 at the end of the description, or, if this group is still the right one, update the description"
    );
    // A warning: the report is made, with the group's value.
    let evaluation = run.evaluation.expect("the report is made");
    let goal = evaluation.goals.iter().find(|g| g.id == "nojda").unwrap();
    assert_eq!(goal.status.as_deref(), Some("yellow"));
    assert_eq!(goal.explanation, "gul: 59 når liknande kommuner 58");
}

#[test]
fn a_group_of_the_report_year_is_no_warning() {
    let run = group_year_report(2024);
    assert!(run.diagnostics.is_empty(), "{:#?}", run.diagnostics);
    assert!(run.evaluation.is_some());
}

/// Data errors speak the reader's language like every other diagnostic: each code triggered
/// by these fixtures reads differently in Swedish and Danish than in English.
#[test]
fn data_errors_in_swedish_and_danish() {
    use pejl::i18n::Lang;
    let l = load(&["unknown-indicator.csv"], LoadOptions::default());
    let d = l
        .diagnostics
        .iter()
        .find(|d| d.code.as_str() == "P0703")
        .expect("P0703");
    assert_eq!(
        d.help.as_ref().unwrap().render(Lang::Sv),
        "menade du `andel`?"
    );
    for files in [
        &["unknown-indicator.csv"][..],
        &["not-a-number.csv"],
        &["duplicate.csv"],
        &["bad-period-kind.csv"],
        &["danish-header.csv"],
        &["kolada-errors.json"],
        &["kolada-broken.json"],
        &["no-header.csv"],
    ] {
        let l = load(files, LoadOptions::default());
        assert!(!l.diagnostics.is_empty(), "{files:?}");
        for d in &l.diagnostics {
            for lang in [Lang::Sv, Lang::Da] {
                assert_ne!(d.message.render(lang), d.message.en(), "{}", d.code);
            }
        }
    }
}

/// Found by the data fuzz targets: a reader pointing at one bad character covered only its
/// first byte, so a multibyte character (`ö`, `ž`) gave a span inside it.
#[test]
fn a_bad_multibyte_character_is_covered_whole() {
    let analysis = pejl::analyze(&policy(), &FsLoader);
    let catalog = Catalog::new(&pejl::ir::compile(&analysis));
    let mut sources = SourceSet::default();
    let mut diags = Vec::new();
    let mapping = data::statbank::read_mapping(
        &Path::new(DIR).join("statbank-map.json"),
        &catalog,
        &FsLoader,
        &mut sources,
        &mut diags,
    )
    .expect("the fixture mapping reads");
    let csv = sources.add("data.csv".into(), "\"\"ö".into());
    data::csv::read(csv, "\"\"ö", &catalog, &mut Dataset::default(), &mut diags);
    let json = sources.add("data.json".into(), "ö".into());
    let options = LoadOptions::default();
    data::kolada::read(
        json,
        "ö",
        &catalog,
        &options,
        &mut Dataset::default(),
        &mut diags,
    );
    let export = sources.add("AUL01.csv".into(), "ž\n".into());
    let export_text = "ž\n";
    data::statbank::read(
        export,
        "AUL01.csv",
        export_text,
        &mapping,
        &catalog,
        &mut Dataset::default(),
        &mut diags,
    );
    for d in &diags {
        let text = &sources.get(d.span.file).text;
        assert!(text.get(d.span.start..d.span.end).is_some(), "{d:?}");
    }
    let spans: Vec<(u32, usize, usize)> = diags
        .iter()
        .filter(|d| d.span.file != mapping.time.1.file)
        .map(|d| (d.span.file.0, d.span.start, d.span.end))
        .collect();
    assert_eq!(spans, [(csv.0, 2, 4), (json.0, 0, 2)]);
}
