//! The `pejl` command line.

use clap::{Parser, Subcommand, ValueEnum};
use pejl::render::{self, HumanRenderer};
use pejl::{Analysis, Code, Diagnostic, FsLoader, Severity};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use pejl::i18n::Lang;
use pejl::sources::describe_io_error;
use pejl::text;
use std::sync::OnceLock;

mod cli_report;
mod cli_test;

#[derive(Parser)]
#[command(
    name = "pejl",
    version,
    about = "Check and compile municipal goal policies written in pejl"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// The language of messages: sv, da or en (default: PEJL_LANG or LANG, else the policy's `language`, else English)
    #[arg(long, global = true, value_enum)]
    lang: Option<LangArg>,
}

#[derive(Clone, Copy, ValueEnum)]
enum LangArg {
    Sv,
    Da,
    En,
}

impl From<LangArg> for Lang {
    fn from(lang: LangArg) -> Lang {
        match lang {
            LangArg::Sv => Lang::Sv,
            LangArg::Da => Lang::Da,
            LangArg::En => Lang::En,
        }
    }
}

/// The language asked for on the command line or by the environment (set once in `main`).
static ASKED_LANG: OnceLock<Option<Lang>> = OnceLock::new();

/// The language to speak about a policy in: `--lang`, else `PEJL_LANG`/`LC_ALL`/`LC_MESSAGES`/`LANG`,
/// else the policy's own `language`, else English.
pub(crate) fn lang_for(policy: Option<Lang>) -> Lang {
    ASKED_LANG
        .get()
        .copied()
        .flatten()
        .or(policy)
        .unwrap_or(Lang::En)
}

#[derive(Subcommand)]
enum Command {
    /// Check policies and report problems. A folder means every `.pejl` file under it.
    Check {
        /// Files or folders (default: the current folder)
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// Treat warnings as errors
        #[arg(long)]
        deny_warnings: bool,
    },
    /// Compile a policy to JSON ("format": "pejl/1")
    Build {
        file: PathBuf,
        /// Write the JSON here (atomically) instead of to standard output
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Print the JSON Schema of the compiled output (with --report: of the report JSON; with --diff: of `pejl diff --format json`; with --test: of `pejl test --format json`)
    Schema {
        /// The schema of `pejl report --format json` instead
        #[arg(long, conflicts_with_all = ["diff", "test"])]
        report: bool,
        /// The schema of `pejl diff --format json` instead
        #[arg(long, conflicts_with = "test")]
        diff: bool,
        /// The schema of `pejl test --format json` instead
        #[arg(long)]
        test: bool,
    },
    /// Explain a diagnostic code, such as P0101
    Explain { code: String },
    /// Format policies in place in the one canonical layout (a folder means every .pejl under it; `-` reads standard input)
    Fmt {
        /// Files or folders (default: the current folder), or `-` for standard input
        paths: Vec<PathBuf>,
        /// Write nothing; list the files that would change and exit with 1 if any would
        #[arg(long)]
        check: bool,
        /// Print the formatted text of a single file instead of writing it
        #[arg(long)]
        stdout: bool,
        /// Write every keyword in this language (sv, da or en); comments, texts, IDs and numbers
        /// stay as they are. Without it each file keeps its own keywords
        #[arg(long, value_enum)]
        keywords: Option<LangArg>,
    },
    /// Evaluate the goals against measured data and write the report (html, md, json, csv, xlsx)
    Report(cli_report::ReportArgs),
    /// Draw the goal chain (dot, mermaid or svg)
    Graph(cli_report::GraphArgs),
    /// Run the policy's tests (`test "…" { … }`: inputs and the statuses they must give).
    /// Exit 0: every test passes; 1: a test fails; 2: errors keep tests from running
    Test(cli_test::TestArgs),
    /// Compare two versions of a policy: what changes in meaning, and which statuses change
    /// (exit 0: they mean the same, 1: they differ)
    Diff(DiffArgs),
    /// Start a new policy NAME.pejl from a template (one of the example policies)
    New {
        /// The policy's name: writes NAME.pejl (or NAME itself when it ends in .pejl)
        name: String,
        /// dorotea (Swedish goal chain), dragor or hedensted (Danish core tasks), kobenhavn (Danish effect goals)
        #[arg(long, default_value = "dorotea")]
        template: String,
    },
}

#[derive(clap::Args)]
struct DiffArgs {
    /// The old version: a policy file, a folder of policies, or git:REV:PATH (PATH as it is
    /// in revision REV of the git repository it is in, e.g. git:HEAD~1:policy.pejl)
    #[arg(value_name = "OLD")]
    old: String,
    /// The new version, given the same ways
    #[arg(value_name = "NEW")]
    new: String,
    /// Measured data (as for `pejl report`): also list every past status the new version
    /// changes, for each year of the data and each report. Repeat for several files.
    #[arg(long, value_name = "DATA")]
    data: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = DiffFormat::Human)]
    format: DiffFormat,
    /// Kolada: the municipality whose values count, e.g. 2425
    #[arg(long, value_name = "ID")]
    municipality: Option<String>,
    /// Kolada: the municipality, county (e.g. 0024) or group (G…) whose values are the benchmark
    #[arg(long, value_name = "ID")]
    benchmark_municipality: Option<String>,
    /// Statbank: a JSON mapping from the export's rows to indicators (see docs/reports.md)
    #[arg(long, value_name = "MAP")]
    statbank_map: Option<PathBuf>,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum DiffFormat {
    Human,
    Md,
    Json,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum Format {
    Human,
    Json,
    Sarif,
    Github,
}

/// Why a command stopped early.
enum Failure {
    /// Exit 2: the command could not run (usage or I/O).
    Usage(pejl::i18n::Text),
    /// Standard output was closed before we were done (`pejl explain P0302 | head -1`).
    OutputClosed,
}

fn usage(message: impl Into<pejl::i18n::Text>) -> Failure {
    Failure::Usage(message.into())
}

/// A failed write to standard output.
fn output_error(error: std::io::Error) -> Failure {
    if error.kind() == std::io::ErrorKind::BrokenPipe {
        Failure::OutputClosed
    } else {
        usage(text!(
            "cli-cannot-write-output",
            reason = describe_io_error(&error)
        ))
    }
}

/// A failed write to the file `path` (which can be `/dev/stdout`).
fn write_error(path: &Path, error: std::io::Error) -> Failure {
    if error.kind() == std::io::ErrorKind::BrokenPipe {
        Failure::OutputClosed
    } else {
        usage(text!(
            "cli-cannot-write",
            path = path.display().to_string(),
            reason = describe_io_error(&error)
        ))
    }
}

/// The status when standard output is closed early: 141 (128 + SIGPIPE), what a shell reports
/// for `git`, `cat` or `grep` killed by the signal. Not 0 (as `rg` does): `pejl check | head`
/// under `set -o pipefail` must not pass when the errors were cut off.
const EXIT_OUTPUT_CLOSED: u8 = 141;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let asked = cli.lang.map(Lang::from);
    let _ = ASKED_LANG.set(asked.or_else(pejl::i18n::lang_from_env));
    let result = match cli.command {
        Command::Check {
            paths,
            format,
            deny_warnings,
        } => check(paths, format, deny_warnings),
        Command::Build { file, output } => build(&file, output.as_deref()),
        Command::Schema { report, diff, test } => print_json(&if report {
            pejl::report::schema()
        } else if diff {
            pejl::diff::schema()
        } else if test {
            pejl::testing::schema()
        } else {
            pejl::ir::schema()
        })
        .map(|_| true),
        Command::Explain { code } => explain(&code),
        Command::Fmt {
            paths,
            check,
            stdout,
            keywords,
        } => fmt(paths, check, stdout, keywords.map(Lang::from)),
        Command::Report(args) => cli_report::report(args),
        Command::Graph(args) => cli_report::graph(args),
        Command::Test(args) => cli_test::test(args),
        Command::Diff(args) => diff(args),
        Command::New { name, template } => new_policy(&name, &template),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(Failure::Usage(message)) => {
            // Messages name files and IDs the user gave: no control character reaches the terminal.
            let lang = lang_for(None);
            eprintln!(
                "{}: {}",
                text!("cli-error").render(lang),
                render::escape_for_terminal(&message.render(lang))
            );
            ExitCode::from(2)
        }
        Err(Failure::OutputClosed) => ExitCode::from(EXIT_OUTPUT_CLOSED),
    }
}

fn print_json(value: &serde_json::Value) -> Result<(), Failure> {
    let text = serde_json::to_string_pretty(value).map_err(|e| usage(e.to_string()))?;
    let mut out = std::io::stdout().lock();
    writeln!(out, "{text}").map_err(output_error)
}

/// Writes the output to the file `output`, or else to standard output.
fn write_output(output: Option<&Path>, bytes: &[u8]) -> Result<(), Failure> {
    match output {
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(bytes).map_err(output_error)?;
            out.flush().map_err(output_error)
        }
        Some(path) => pejl::fsio::write_file(path, bytes).map_err(|e| write_error(path, e)),
    }
}

/// Refuses an output file that is one of the inputs (through a link or a hard link too):
/// `pejl build p.pejl -o p.pejl` would replace the policy with its JSON.
fn refuse_overwriting_inputs<'a>(
    output: Option<&Path>,
    inputs: impl IntoIterator<Item = &'a Path>,
) -> Result<(), Failure> {
    let Some(output) = output else {
        return Ok(());
    };
    match inputs
        .into_iter()
        .find(|input| pejl::fsio::same_file(output, input))
    {
        Some(input) => Err(usage(text!(
            "cli-output-is-input",
            output = output.display().to_string(),
            input = input.display().to_string()
        ))),
        None => Ok(()),
    }
}

/// `pejl diff`: exit 0 when the versions mean the same, 1 when they differ; a version or the
/// data with errors cannot be compared (exit 2, the errors on standard error).
fn diff(args: DiffArgs) -> Result<bool, Failure> {
    let old = pejl::diff::load(&args.old).map_err(usage)?;
    let new = pejl::diff::load(&args.new).map_err(usage)?;
    let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let mut errors = 0;
    for version in [&old, &new] {
        for (_, analysis) in &version.policies {
            let renderer =
                HumanRenderer::new(&analysis.sources, color, 100, lang_for(analysis.language()));
            let mut err = std::io::stderr().lock();
            for d in analysis
                .diagnostics
                .iter()
                .filter(|d| d.severity == Severity::Error)
            {
                errors += 1;
                let _ = write!(err, "{}", renderer.render(&analysis.sources, d));
            }
        }
    }
    if errors > 0 {
        return Err(usage(text!("cli-diff-errors", count = errors)));
    }
    let options = pejl::data::LoadOptions {
        municipality: args.municipality,
        benchmark_municipality: args.benchmark_municipality,
        statbank_map: args.statbank_map,
    };
    let data = (!args.data.is_empty()).then(|| pejl::diff::DataInput {
        files: &args.data,
        options: &options,
    });
    let found = pejl::diff::diff(&old, &new, data.as_ref()).map_err(|e| {
        let renderer = HumanRenderer::new(&e.sources, color, 100, lang_for(None));
        let mut err = std::io::stderr().lock();
        for d in &e.diagnostics {
            let _ = write!(err, "{}", renderer.render(&e.sources, d));
        }
        usage(e.message)
    })?;
    let text = match args.format {
        DiffFormat::Human => render::terminal_safe(&pejl::diff::render::human(&found)).into_owned(),
        // Texts of the policy reach a terminal only with its controls replaced.
        DiffFormat::Md if std::io::stdout().is_terminal() => {
            render::terminal_safe(&pejl::diff::render::markdown(&found)).into_owned()
        }
        DiffFormat::Md => pejl::diff::render::markdown(&found),
        DiffFormat::Json => {
            let mut text =
                serde_json::to_string_pretty(&found).map_err(|e| usage(e.to_string()))?;
            text.push('\n');
            text
        }
    };
    write_output(None, text.as_bytes())?;
    Ok(found.same)
}

fn new_policy(name: &str, template: &str) -> Result<bool, Failure> {
    let path = PathBuf::from(if name.ends_with(".pejl") {
        name.to_string()
    } else {
        format!("{name}.pejl")
    });
    let id = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let text = pejl::templates::new_policy(template, &id).map_err(usage)?;
    if path.exists() {
        return Err(usage(text!(
            "cli-new-exists",
            path = path.display().to_string()
        )));
    }
    if let Some(folder) = path
        .parent()
        .filter(|f| !f.as_os_str().is_empty() && !f.is_dir())
    {
        return Err(usage(text!(
            "cli-no-folder",
            folder = folder.display().to_string()
        )));
    }
    pejl::fsio::write_file(&path, text.as_bytes()).map_err(|e| write_error(&path, e))?;
    writeln!(
        std::io::stdout().lock(),
        "wrote {} from the {template} template; check it with `pejl check {}`",
        path.display(),
        path.display()
    )
    .map_err(output_error)?;
    Ok(true)
}

fn explain(code: &str) -> Result<bool, Failure> {
    let parsed = Code::parse(code).ok_or_else(|| {
        usage(format!(
            "`{code}` is not a pejl diagnostic code (they look like P0101); `pejl explain P0001` is one"
        ))
    })?;
    let (title, body) = pejl::explain::explain(parsed)
        .ok_or_else(|| usage(format!("{parsed} has no explanation yet")))?;
    writeln!(std::io::stdout().lock(), "{parsed}: {title}\n\n{body}").map_err(output_error)?;
    Ok(true)
}

/// Every `.pejl` file under the given paths, in a stable order.
fn collect_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, Failure> {
    let mut files = Vec::new();
    for path in paths {
        let meta = std::fs::metadata(path).map_err(|e| {
            usage(format!(
                "cannot read `{}`: {}",
                path.display(),
                describe_io_error(&e)
            ))
        })?;
        if meta.is_dir() {
            let found = pejl::sources::policy_files(path).map_err(|e| {
                usage(format!(
                    "cannot read folder `{}`: {}",
                    path.display(),
                    describe_io_error(&e)
                ))
            })?;
            files.extend(found);
        } else {
            files.push(path.clone());
        }
    }
    Ok(files)
}

fn check(paths: Vec<PathBuf>, format: Format, deny_warnings: bool) -> Result<bool, Failure> {
    let paths = if paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        paths
    };
    let files = collect_files(&paths)?;
    if files.is_empty() {
        return Err(usage(text!("cli-no-files")));
    }
    // A file another file includes is checked as part of that policy, not on its own.
    let mut analyses: Vec<Analysis> = pejl::analyze_policies(&files, &FsLoader);
    for analysis in &mut analyses {
        if deny_warnings {
            for d in &mut analysis.diagnostics {
                if d.severity == Severity::Warning {
                    d.severity = Severity::Error;
                }
            }
        }
    }
    let all: Vec<(&Analysis, &Diagnostic)> = analyses
        .iter()
        .flat_map(|a| a.diagnostics.iter().map(move |d| (a, d)))
        .collect();
    let (errors, warnings, hints) = render::counts(all.iter().map(|(_, d)| *d));
    let mut out = std::io::stdout().lock();
    let io = output_error;
    match format {
        Format::Human => {
            let color = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
            for analysis in &analyses {
                let renderer = HumanRenderer::new(
                    &analysis.sources,
                    color,
                    100,
                    lang_for(analysis.language()),
                );
                for d in &analysis.diagnostics {
                    write!(out, "{}", renderer.render(&analysis.sources, d)).map_err(io)?;
                }
            }
            let summary = text!(
                "cli-checked",
                policies = analyses.len(),
                errors = errors,
                warnings = warnings,
                hints = hints
            );
            let lang = lang_for(analyses.first().and_then(Analysis::language));
            writeln!(out, "{}", summary.render(lang)).map_err(io)?;
        }
        Format::Json => {
            let diagnostics: Vec<_> = all
                .iter()
                .map(|(a, d)| render::to_json(&a.sources, d, lang_for(a.language())))
                .collect();
            let value = serde_json::json!({
                "diagnostics": diagnostics,
                "errors": errors,
                "warnings": warnings,
                "hints": hints,
            });
            writeln!(out, "{value}").map_err(io)?;
        }
        Format::Sarif => {
            let results: Vec<_> = all.iter().map(|(a, d)| (&a.sources, *d)).collect();
            let text = serde_json::to_string_pretty(&render::to_sarif(
                &results,
                lang_for(all.first().and_then(|(a, _)| a.language())),
            ))
            .map_err(|e| usage(e.to_string()))?;
            writeln!(out, "{text}").map_err(io)?;
        }
        Format::Github => {
            for (a, d) in &all {
                writeln!(
                    out,
                    "{}",
                    render::to_github(&a.sources, d, lang_for(a.language()))
                )
                .map_err(io)?;
            }
        }
    }
    out.flush().map_err(io)?;
    // An unreadable root file is an I/O problem, not a policy problem.
    if let Some(unreadable) = analyses.iter().find_map(|a| {
        a.diagnostics.iter().find(|d| {
            d.code == Code::P0004
                && d.span.file.0 == 0
                && d.span.start == d.span.end
                && a.sources.files[0].text.is_empty()
        })
    }) {
        return Err(usage(unreadable.message.render(lang_for(None))));
    }
    Ok(errors == 0)
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

fn build(file: &Path, output: Option<&Path>) -> Result<bool, Failure> {
    if !file.is_file() {
        return Err(usage(text!(
            "cli-not-a-file",
            path = file.display().to_string()
        )));
    }
    refuse_overwriting_inputs(output, [file])?;
    let analysis = pejl::analyze(file, &FsLoader);
    refuse_overwriting_inputs(
        output,
        analysis.sources.files.iter().map(|f| f.path.as_path()),
    )?;
    if analysis.has_errors() {
        let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
        let renderer =
            HumanRenderer::new(&analysis.sources, color, 100, lang_for(analysis.language()));
        let mut err = std::io::stderr().lock();
        for d in analysis
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
        {
            let _ = write!(err, "{}", renderer.render(&analysis.sources, d));
        }
        let _ = writeln!(
            err,
            "not built: {} error{} in the policy",
            analysis.count(Severity::Error),
            plural(analysis.count(Severity::Error))
        );
        return Ok(false);
    }
    let compiled = pejl::ir::compile(&analysis);
    let mut text = serde_json::to_string_pretty(&compiled).map_err(|e| usage(e.to_string()))?;
    text.push('\n');
    write_output(output, text.as_bytes())?;
    Ok(true)
}

fn fmt(
    paths: Vec<PathBuf>,
    check: bool,
    to_stdout: bool,
    keywords: Option<Lang>,
) -> Result<bool, Failure> {
    let format = |text: &str| pejl::format::format_keywords(text, keywords);
    if paths.len() == 1 && paths[0].as_os_str() == "-" {
        let text = read_stdin()?;
        return match format(&text) {
            Ok(out) => {
                write_output(None, out.as_bytes())?;
                Ok(true)
            }
            Err(error) => {
                report_format_error(Path::new("<stdin>"), &text, &error);
                Ok(false)
            }
        };
    }
    let paths = if paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        paths
    };
    let files = collect_files(&paths)?;
    if to_stdout && files.len() != 1 {
        return Err(usage("--stdout formats exactly one file"));
    }
    let mut ok = true;
    let mut changed = 0;
    for file in &files {
        let text = read_policy(file)?;
        let formatted = match format(&text) {
            Ok(formatted) => formatted,
            Err(error) => {
                report_format_error(file, &text, &error);
                ok = false;
                continue;
            }
        };
        if to_stdout {
            write_output(None, formatted.as_bytes())?;
        } else if formatted != text {
            changed += 1;
            if check {
                let name = file.display().to_string();
                writeln!(
                    std::io::stdout().lock(),
                    "{}",
                    render::escape_for_terminal(&name)
                )
                .map_err(output_error)?;
            } else {
                write_output(Some(file), formatted.as_bytes())?;
            }
        }
    }
    if check && changed > 0 {
        eprintln!(
            "{changed} file{} would be reformatted; run `pejl fmt` to do it",
            plural(changed)
        );
        ok = false;
    }
    Ok(ok)
}

/// A policy file's text: a regular file of at most `fsio::MAX_FILE_BYTES`, in UTF-8.
fn read_policy(file: &Path) -> Result<String, Failure> {
    let cannot_read = |reason: pejl::i18n::Text| {
        usage(text!(
            "cli-cannot-read",
            path = file.display().to_string(),
            reason = reason
        ))
    };
    let bytes = pejl::fsio::read_file(file, pejl::fsio::MAX_FILE_BYTES)
        .map_err(|e| cannot_read(describe_io_error(&e).into()))?;
    String::from_utf8(bytes).map_err(|_| cannot_read(text!("cli-not-utf8")))
}

/// Standard input as text, up to the size of a policy file.
fn read_stdin() -> Result<String, Failure> {
    use std::io::Read;
    let limit = pejl::fsio::MAX_FILE_BYTES;
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| {
            usage(text!(
                "cli-cannot-read-stdin",
                reason = describe_io_error(&e)
            ))
        })?;
    if bytes.len() as u64 > limit {
        return Err(usage(text!(
            "cli-stdin-too-large",
            mib = limit / (1024 * 1024)
        )));
    }
    String::from_utf8(bytes).map_err(|_| usage(text!("cli-stdin-not-utf8")))
}

fn report_format_error(file: &Path, text: &str, error: &pejl::format::FormatError) {
    match error {
        pejl::format::FormatError::Syntax(diags) => {
            let mut sources = pejl::SourceSet::default();
            let body = text.strip_prefix('\u{feff}').unwrap_or(text);
            sources.add(file.to_path_buf(), body.to_string());
            let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
            let renderer = HumanRenderer::new(&sources, color, 100, lang_for(None));
            let mut err = std::io::stderr().lock();
            for d in diags {
                let _ = write!(err, "{}", renderer.render(&sources, d));
            }
            let name = file.display().to_string();
            let _ = writeln!(
                err,
                "{} was not formatted: fix its syntax errors first",
                render::escape_for_terminal(&name)
            );
        }
        pejl::format::FormatError::Unsafe(_) => {
            let name = file.display().to_string();
            eprintln!("error: {}: {error}", render::escape_for_terminal(&name));
        }
    }
}
