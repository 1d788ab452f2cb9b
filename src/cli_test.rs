//! `pejl test`: a thin front end over [`pejl::testing`]. Exit 0 when every test passes (or
//! there are none), 1 when a test fails, 2 for usage and I/O errors and for errors (in a policy
//! or in a test) that keep tests from running.

use clap::{Args, ValueEnum};
use pejl::data::{Catalog, LoadOptions};
use pejl::render::HumanRenderer;
use pejl::testing::{self, update, Options, PolicyTests, TestReport};
use pejl::{Analysis, Diagnostic, FsLoader, Severity};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use crate::{collect_files, output_error, plural, usage, write_error, write_output, Failure};

#[derive(Args)]
pub struct TestArgs {
    /// Files or folders (default: the current folder); a folder means every policy under it
    pub paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = TestFormat::Human)]
    pub format: TestFormat,
    /// Run only the tests whose title contains TEXT (case-insensitive)
    #[arg(long, value_name = "TEXT")]
    pub filter: Option<String>,
    /// Write the results here (atomically) instead of to standard output
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// Write the statuses the policy gives as the expectations: without --data, every `expect`
    /// that fails is changed to the status given; with --data, the test "snapshot REPORT YEAR"
    /// gets the data's values and statuses (rewritten where it is, else added to the one FILE given)
    #[arg(long)]
    pub update: bool,
    /// With --update: measured data, as for `pejl report` (repeat for several files)
    #[arg(long, value_name = "DATA", requires = "update")]
    pub data: Vec<PathBuf>,
    /// With --update --data: the year whose values become the snapshot
    #[arg(long, value_name = "YYYY", requires = "data")]
    pub year: Option<i32>,
    /// With --update --data: the report(s) to snapshot (default: every report the data has
    /// values of its kind for in the year)
    #[arg(long, value_name = "REPORT_ID", requires = "data")]
    pub report: Vec<String>,
    /// Kolada: the municipality whose values count, e.g. 2425
    #[arg(long, value_name = "ID", requires = "data")]
    pub municipality: Option<String>,
    /// Kolada: the municipality, county (e.g. 0024) or group (G…) whose values are the benchmark
    #[arg(long, value_name = "ID", requires = "data")]
    pub benchmark_municipality: Option<String>,
    /// Statbank: a JSON mapping from the export's rows to indicators (see docs/reports.md)
    #[arg(long, value_name = "MAP", requires = "data")]
    pub statbank_map: Option<PathBuf>,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum TestFormat {
    Human,
    Json,
    Junit,
}

fn color() -> bool {
    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none()
}

/// Shows diagnostics on standard error, as `pejl check` shows them.
fn show(analysis: &Analysis, diagnostics: &[&Diagnostic]) {
    if diagnostics.is_empty() {
        return;
    }
    let renderer = HumanRenderer::new(
        &analysis.sources,
        color(),
        100,
        crate::lang_for(analysis.language()),
    );
    let mut err = std::io::stderr().lock();
    for d in diagnostics {
        let _ = write!(err, "{}", renderer.render(&analysis.sources, d));
    }
}

/// What of an analysis `pejl test` shows: every error, and the warnings of its tests.
fn worth_showing(analysis: &Analysis) -> Vec<&Diagnostic> {
    let tests: Vec<pejl::Span> = testing::tests_of(analysis)
        .iter()
        .map(|(_, t)| t.span)
        .collect();
    analysis
        .diagnostics
        .iter()
        .filter(|d| {
            d.severity == Severity::Error
                || (d.severity == Severity::Warning
                    && tests.iter().any(|t| {
                        t.file == d.span.file && t.start <= d.span.start && d.span.end <= t.end
                    }))
        })
        .collect()
}

pub fn test(args: TestArgs) -> Result<bool, Failure> {
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    if !args.data.is_empty() {
        if args.year.is_none() {
            return Err(usage(
                "--update --data needs --year: the year whose values become the snapshot",
            ));
        }
        return snapshot(&args, &paths);
    }
    let files = collect_files(&paths)?;
    if files.is_empty() {
        return Err(usage("no .pejl files found"));
    }
    let options = Options {
        filter: args.filter.clone(),
        only: None,
    };
    let mut analyses = pejl::analyze_policies(&files, &FsLoader);
    if args.update {
        let mut written = 0;
        for analysis in &analyses {
            let results = testing::run(analysis, &options);
            for rewrite in update::accept(analysis, &results) {
                write_rewrite(analysis, &rewrite)?;
                written += 1;
            }
        }
        if written > 0 {
            analyses = pejl::analyze_policies(&files, &FsLoader);
        }
    }
    finish(&args, &analyses, &options)
}

/// Runs the tests of `analyses` and prints the results: the common end of every form.
fn finish(args: &TestArgs, analyses: &[Analysis], options: &Options) -> Result<bool, Failure> {
    let mut policies: Vec<PolicyTests> = Vec::new();
    let mut errors = false;
    let mut filtered = 0;
    for analysis in analyses {
        let shown = worth_showing(analysis);
        errors |= shown.iter().any(|d| d.severity == Severity::Error);
        show(analysis, &shown);
        let results = testing::run(analysis, options);
        filtered += testing::tests_of(analysis).len() - results.tests.len();
        if !results.tests.is_empty() || !results.errors.is_empty() {
            policies.push(results);
        }
    }
    let report = TestReport::new(policies);
    let text = match args.format {
        TestFormat::Human => {
            // The language of the first policy when the command line names none (as `check` does).
            let lang = crate::lang_for(analyses.first().and_then(|a| a.language()));
            let mut text = testing::render::human(&report, filtered, lang);
            if report.tests().next().is_none() && filtered == 0 {
                text.insert_str(0, "no tests found (a test is written `test \"title\" { … }`; see docs/testing.md)\n");
            }
            pejl::render::terminal_safe(&text).into_owned()
        }
        TestFormat::Json => {
            let mut text =
                serde_json::to_string_pretty(&report).map_err(|e| usage(e.to_string()))?;
            text.push('\n');
            text
        }
        TestFormat::Junit => testing::render::junit(&report),
    };
    if let Some(output) = &args.output {
        if analyses
            .iter()
            .flat_map(|a| &a.sources.files)
            .any(|f| pejl::fsio::same_file(output, &f.path))
        {
            return Err(usage(format!(
                "the output `{}` is one of the policy's files: pejl does not write over its inputs",
                output.display()
            )));
        }
    }
    write_output(args.output.as_deref(), text.as_bytes())?;
    if errors || report.errors > 0 {
        let n = report.errors;
        return Err(usage(if n > 0 {
            format!(
                "{n} test{} could not be run: fix the errors shown above",
                plural(n)
            )
        } else {
            "the policy has errors (shown above)".to_string()
        }));
    }
    Ok(report.failed == 0)
}

/// Writes a rewrite of a test file, after checking that it still reads without a syntax error.
fn write_rewrite(analysis: &Analysis, rewrite: &update::Rewrite) -> Result<(), Failure> {
    let path = &analysis.sources.get(rewrite.file).path;
    let (_, diags) = pejl::syntax::parse_file(pejl::FileId(0), &rewrite.text);
    if let Some(d) = diags
        .iter()
        .find(|d| matches!(d.code, pejl::Code::P0001 | pejl::Code::P0002))
    {
        return Err(usage(format!(
            "not written: the updated `{}` would not read ({}); please report this",
            path.display(),
            d.message
        )));
    }
    pejl::fsio::write_file(path, rewrite.text.as_bytes()).map_err(|e| write_error(path, e))?;
    let mut err = std::io::stderr().lock();
    for change in &rewrite.changes {
        writeln!(err, "updated {}: {change}", path.display()).map_err(output_error)?;
    }
    Ok(())
}

/// `pejl test --update --data DATA --year Y FILE`.
fn snapshot(args: &TestArgs, paths: &[PathBuf]) -> Result<bool, Failure> {
    let [file] = paths else {
        return Err(usage(
            "--update --data writes one file: give the test file the snapshot goes into (it includes the policy, or is the policy)",
        ));
    };
    if !file.is_file() {
        return Err(usage(format!("`{}` is not a file", file.display())));
    }
    let year = args.year.unwrap_or_default();
    let analysis = pejl::analyze(file, &FsLoader);
    let blocking = testing::blocking_errors(&analysis);
    if !blocking.is_empty() {
        show(&analysis, &blocking);
        return Err(usage("the policy has errors (shown above): fix them first"));
    }
    let compiled = pejl::ir::compile(&analysis);
    for report in &args.report {
        pejl::eval::check_report(&compiled, report).map_err(usage)?;
    }
    let catalog = Catalog::new(&compiled);
    let mut sources = analysis.sources.clone();
    let options = LoadOptions {
        municipality: args.municipality.clone(),
        benchmark_municipality: args.benchmark_municipality.clone(),
        statbank_map: args.statbank_map.clone(),
    };
    let (data, diags) = pejl::data::load(&args.data, &catalog, &options, &FsLoader, &mut sources);
    if !diags.is_empty() {
        let renderer =
            HumanRenderer::new(&sources, color(), 100, crate::lang_for(analysis.language()));
        let mut err = std::io::stderr().lock();
        for d in &diags {
            let _ = write!(err, "{}", renderer.render(&sources, d));
        }
    }
    if diags.iter().any(|d| d.severity == Severity::Error) {
        return Err(usage("the data has errors (shown above): fix them first"));
    }
    let names: Vec<String> = args
        .data
        .iter()
        .map(|p| {
            p.file_name().map_or_else(
                || p.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            )
        })
        .collect();
    let reports: Vec<String> = args
        .report
        .iter()
        .map(|r| pejl::syntax::text::nfc(r).into_owned())
        .collect();
    let input = pejl::eval::Input {
        analysis: &analysis,
        compiled: &compiled,
        catalog: &catalog,
        data: &data,
        sources: &sources,
    };
    let rewrites =
        update::snapshot(&input, year, &reports, pejl::FileId(0), &names).map_err(usage)?;
    for rewrite in &rewrites {
        write_rewrite(&analysis, rewrite)?;
    }
    let analysis = pejl::analyze(file, &FsLoader);
    let options = Options {
        filter: args.filter.clone(),
        only: None,
    };
    finish(args, std::slice::from_ref(&analysis), &options)
}
