//! `pejl report` and `pejl graph`: thin front ends over [`pejl::eval`] and [`pejl::report`].
//! Each returns `Ok(true)` on success, `Ok(false)` when the policy or the data has errors
//! (exit 1), and `Err` for usage and I/O errors (exit 2) or a closed standard output.

use clap::{Args, ValueEnum};
use pejl::data::LoadOptions;
use pejl::render::HumanRenderer;
use pejl::report::graph::{self, Graph};
use pejl::report::Format;
use pejl::{FsLoader, Severity};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use crate::{refuse_overwriting_inputs, usage, write_output, Failure};

#[derive(Args)]
pub struct ReportArgs {
    /// The policy's main file
    pub file: PathBuf,
    /// Measured data: a pejl CSV (indicator,period,value,benchmark,kind,motivation), a Kolada
    /// JSON export or a Statbank CSV export. Repeat --data to combine several files.
    #[arg(long, required = true, value_name = "DATA")]
    pub data: Vec<PathBuf>,
    /// The year to evaluate
    #[arg(long, value_name = "YYYY")]
    pub year: i32,
    /// The report occasion: a `report` ID of the policy (its `uses forecast|actual` decides
    /// which values count)
    #[arg(long, value_name = "REPORT_ID")]
    pub report: String,
    /// Output format (default: from the -o file's extension, else html)
    #[arg(long, value_enum)]
    pub format: Option<ReportFormat>,
    /// Write the report here (atomically) instead of to standard output
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// Kolada: the municipality whose values count, e.g. 2425
    #[arg(long, value_name = "ID")]
    pub municipality: Option<String>,
    /// Kolada: the municipality, county (e.g. 0024) or group (G…) whose values are the benchmark
    #[arg(long, value_name = "ID")]
    pub benchmark_municipality: Option<String>,
    /// Statbank: a JSON mapping from the export's rows to indicators (see docs/reports.md)
    #[arg(long, value_name = "MAP")]
    pub statbank_map: Option<PathBuf>,
    /// The report of one body: only the goals it owns or shares (`owner KS, KF`), under their
    /// goal areas
    #[arg(long, value_name = "BODY_ID")]
    pub body: Option<String>,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum ReportFormat {
    Html,
    Md,
    Json,
    Csv,
    Xlsx,
}

#[derive(Args)]
pub struct GraphArgs {
    /// The policy's main file
    pub file: PathBuf,
    /// Picture format (default: from the -o file's extension — .svg, .mmd/.mermaid, .dot/.gv — else dot)
    #[arg(long, value_enum)]
    pub format: Option<GraphFormat>,
    /// Write the picture here (atomically) instead of to standard output
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum GraphFormat {
    Dot,
    Mermaid,
    Svg,
}

fn print_diagnostics(
    sources: &pejl::SourceSet,
    diagnostics: &[pejl::Diagnostic],
    lang: pejl::i18n::Lang,
) {
    let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let renderer = HumanRenderer::new(sources, color, 100, lang);
    let mut err = std::io::stderr().lock();
    for d in diagnostics {
        let _ = write!(err, "{}", renderer.render(sources, d));
    }
}

pub fn report(args: ReportArgs) -> Result<bool, Failure> {
    if !args.file.is_file() {
        return Err(usage(format!("`{}` is not a file", args.file.display())));
    }
    // A data file that is not there is a mistake in the command line (exit 2), like the policy.
    for data in args.data.iter().chain(&args.statbank_map) {
        if !data.is_file() {
            return Err(usage(format!("`{}` is not a file", data.display())));
        }
    }
    let inputs = || {
        std::iter::once(args.file.as_path())
            .chain(args.data.iter().map(PathBuf::as_path))
            .chain(args.statbank_map.as_deref())
    };
    refuse_overwriting_inputs(args.output.as_deref(), inputs())?;
    let format = match args.format {
        Some(ReportFormat::Html) => Format::Html,
        Some(ReportFormat::Md) => Format::Md,
        Some(ReportFormat::Json) => Format::Json,
        Some(ReportFormat::Csv) => Format::Csv,
        Some(ReportFormat::Xlsx) => Format::Xlsx,
        None => args
            .output
            .as_deref()
            .and_then(Format::from_path)
            .unwrap_or(Format::Html),
    };
    if format == Format::Xlsx && args.output.is_none() && std::io::stdout().is_terminal() {
        return Err(usage(
            "an XLSX report is a binary file: write it with -o REPORT.xlsx",
        ));
    }
    let options = LoadOptions {
        municipality: args.municipality,
        benchmark_municipality: args.benchmark_municipality,
        statbank_map: args.statbank_map,
    };
    let mut run = pejl::eval::run(
        &args.file,
        &args.data,
        &options,
        args.year,
        &args.report,
        &FsLoader,
    )
    .map_err(usage)?;
    // The policy's includes are inputs too.
    refuse_overwriting_inputs(
        args.output.as_deref(),
        run.sources.files.iter().map(|f| f.path.as_path()),
    )?;
    let policy_lang = run
        .inputs
        .as_ref()
        .and_then(|i| i.compiled.policy.as_ref())
        .and_then(|p| p.language.as_deref())
        .and_then(pejl::i18n::lang_of_locale);
    print_diagnostics(&run.sources, &run.diagnostics, crate::lang_for(policy_lang));
    if let (Some(body), Some(evaluation), Some(inputs)) =
        (&args.body, run.evaluation.as_mut(), run.inputs.as_ref())
    {
        let bodies = &inputs.compiled.bodies;
        let Some(found) = bodies.iter().find(|b| &b.id == body) else {
            let close = pejl::diagnostic::suggestions(body, bodies.iter().map(|b| b.id.as_str()));
            let hint = pejl::diagnostic::did_you_mean(&close)
                .map(|h| {
                    let h = h.render(crate::lang_for(policy_lang));
                    let mut chars = h.chars();
                    chars
                        .next()
                        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
                })
                .unwrap_or_else(|| {
                    let ids: Vec<String> = bodies.iter().map(|b| format!("`{}`", b.id)).collect();
                    format!("Its bodies are {}.", ids.join(", "))
                });
            return Err(usage(format!("the policy has no body `{body}`. {hint}")));
        };
        evaluation.for_body(body, Some(found.name.clone()));
    }
    let Some(evaluation) = &run.evaluation else {
        let errors = run
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count();
        eprintln!(
            "no report made: {errors} error{}",
            if errors == 1 { "" } else { "s" }
        );
        return Ok(false);
    };
    let started = std::time::Instant::now();
    let bytes = pejl::report::render(evaluation, format).map_err(usage)?;
    write_output(args.output.as_deref(), &bytes)?;
    // PEJL_TIMING=1 prints the time of each phase (for bench/).
    if std::env::var_os("PEJL_TIMING").is_some() {
        let mut phases: Vec<String> = run
            .timings
            .iter()
            .map(|(name, d)| format!("{name} {:.3} s", d.as_secs_f64()))
            .collect();
        phases.push(format!(
            "render and write {:.3} s",
            started.elapsed().as_secs_f64()
        ));
        eprintln!("{}", phases.join(", "));
    }
    // The process ends now: freeing a large policy's millions of strings would only cost time.
    std::mem::forget(run);
    std::mem::forget(bytes);
    Ok(true)
}

pub fn graph(args: GraphArgs) -> Result<bool, Failure> {
    if !args.file.is_file() {
        return Err(usage(format!("`{}` is not a file", args.file.display())));
    }
    refuse_overwriting_inputs(args.output.as_deref(), [args.file.as_path()])?;
    let analysis = pejl::analyze(&args.file, &FsLoader);
    refuse_overwriting_inputs(
        args.output.as_deref(),
        analysis.sources.files.iter().map(|f| f.path.as_path()),
    )?;
    if analysis.has_errors() {
        let errors: Vec<_> = analysis
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .cloned()
            .collect();
        print_diagnostics(
            &analysis.sources,
            &errors,
            crate::lang_for(analysis.language()),
        );
        eprintln!(
            "no graph made: {} error{} in the policy",
            errors.len(),
            if errors.len() == 1 { "" } else { "s" }
        );
        return Ok(false);
    }
    let compiled = pejl::ir::compile(&analysis);
    let g = Graph::from_compiled(&compiled);
    let format = args.format.unwrap_or_else(|| {
        let ext = args
            .output
            .as_deref()
            .and_then(|p| p.extension())
            .map(|e| e.to_string_lossy().to_ascii_lowercase());
        match ext.as_deref() {
            Some("svg") => GraphFormat::Svg,
            Some("mmd" | "mermaid") => GraphFormat::Mermaid,
            _ => GraphFormat::Dot,
        }
    });
    let text = match format {
        GraphFormat::Dot => graph::dot(&g),
        GraphFormat::Mermaid => graph::mermaid(&g),
        GraphFormat::Svg => graph::svg(&g),
    };
    write_output(args.output.as_deref(), text.as_bytes())?;
    Ok(true)
}
