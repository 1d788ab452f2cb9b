//! Diagnostics for people (miette) and for tools (JSON, SARIF 2.1.0, GitHub annotations).

use crate::diagnostic::{Diagnostic, Severity};
use crate::sources::SourceSet;
use serde_json::{json, Value};
use std::sync::Arc;

/// A diagnostic with its file's text, in the shape miette renders.
#[derive(Debug)]
struct Report {
    message: String,
    code: &'static str,
    severity: Severity,
    help: Option<String>,
    labels: Vec<miette::LabeledSpan>,
    source: miette::NamedSource<Arc<str>>,
}

impl std::fmt::Display for Report {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Report {}

impl miette::Diagnostic for Report {
    fn code<'a>(&'a self) -> Option<Box<dyn std::fmt::Display + 'a>> {
        Some(Box::new(self.code))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Hint => miette::Severity::Advice,
        })
    }

    fn help<'a>(&'a self) -> Option<Box<dyn std::fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn std::fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        Some(&self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = miette::LabeledSpan> + '_>> {
        Some(Box::new(self.labels.iter().cloned()))
    }
}

/// Renders diagnostics as text for people. `color` picks a coloured theme for terminals;
/// without it the output is plain Unicode (stable for snapshots). `width` wraps long lines.
pub struct HumanRenderer {
    handler: miette::GraphicalReportHandler,
    texts: Vec<Arc<str>>,
}

impl HumanRenderer {
    pub fn new(sources: &SourceSet, color: bool, width: usize) -> Self {
        let theme = if color {
            miette::GraphicalTheme::unicode()
        } else {
            miette::GraphicalTheme::unicode_nocolor()
        };
        HumanRenderer {
            handler: miette::GraphicalReportHandler::new_themed(theme)
                .with_width(width)
                .with_links(false),
            texts: sources
                .files
                .iter()
                .map(|f| Arc::from(f.text.as_str()))
                .collect(),
        }
    }

    pub fn render(&self, sources: &SourceSet, diag: &Diagnostic) -> String {
        let file = sources.get(diag.span.file);
        let mut help = diag.help.clone();
        let mut labels = vec![miette::LabeledSpan::new_primary_with_span(
            non_empty(&diag.primary_label),
            (diag.span.start, diag.span.len()),
        )];
        // miette can print every line between two labels of a file: a label far from the
        // primary one (a rule 40 lines below the goal) is named in words instead.
        let primary_lines = (
            file.line_col(diag.span.start).line,
            file.line_col(diag.span.end).line,
        );
        let near = |span: crate::Span| {
            let line = file.line_col(span.start).line;
            line + NEAR_LINES >= primary_lines.0 && line <= primary_lines.1 + NEAR_LINES
        };
        for label in &diag.labels {
            if label.span.file == diag.span.file && near(label.span) {
                labels.push(miette::LabeledSpan::new_with_span(
                    non_empty(&label.message),
                    (label.span.start, label.span.len()),
                ));
            } else {
                // Another file, or far away: name the place in words.
                let other = sources.get(label.span.file);
                let at = other.line_col(label.span.start);
                let note = format!(
                    "{}: {}:{}:{}",
                    label.message,
                    other.display_path(),
                    at.line,
                    at.column
                );
                help = Some(match help {
                    Some(h) => format!("{h}\n{note}"),
                    None => note,
                });
            }
        }
        let report = Report {
            message: diag.message.clone(),
            code: diag.code.as_str(),
            severity: diag.severity,
            help,
            labels,
            source: miette::NamedSource::new(
                file.display_path(),
                self.texts[diag.span.file.0 as usize].clone(),
            ),
        };
        let mut out = String::new();
        if self.handler.render_report(&mut out, &report).is_err() {
            out = format!("{}: {}\n", diag.code, diag.message);
        }
        out
    }
}

/// How many lines from the primary label another label may be and still share its excerpt.
const NEAR_LINES: usize = 6;

fn non_empty(text: &str) -> Option<String> {
    (!text.is_empty()).then(|| text.to_string())
}

/// One diagnostic in the `check --format json` shape of the product design.
pub fn to_json(sources: &SourceSet, diag: &Diagnostic) -> Value {
    let file = sources.get(diag.span.file);
    let start = file.line_col(diag.span.start);
    let end = file.line_col(diag.span.end);
    let labels: Vec<Value> = diag
        .labels
        .iter()
        .map(|l| {
            let at = sources.get(l.span.file).line_col(l.span.start);
            json!({"message": l.message, "line": at.line, "column": at.column})
        })
        .collect();
    json!({
        "code": diag.code.as_str(),
        "severity": diag.severity.as_str(),
        "message": diag.message,
        "file": file.display_path(),
        "line": start.line,
        "column": start.column,
        "end_line": end.line,
        "end_column": end.column,
        "labels": labels,
        "help": diag.help,
    })
}

/// Counts by severity: (errors, warnings, hints).
pub fn counts<'a>(diags: impl IntoIterator<Item = &'a Diagnostic>) -> (usize, usize, usize) {
    diags
        .into_iter()
        .fold((0, 0, 0), |(e, w, h), d| match d.severity {
            Severity::Error => (e + 1, w, h),
            Severity::Warning => (e, w + 1, h),
            Severity::Hint => (e, w, h + 1),
        })
}

/// SARIF 2.1.0 for code-review tools.
pub fn to_sarif(results: &[(&SourceSet, &Diagnostic)]) -> Value {
    let rules: Vec<Value> = crate::diagnostic::Code::ALL
        .iter()
        .map(|c| {
            json!({
                "id": c.as_str(),
                "shortDescription": {"text": c.summary()},
                "defaultConfiguration": {"level": sarif_level(c.severity())},
            })
        })
        .collect();
    let results: Vec<Value> = results
        .iter()
        .map(|(sources, d)| {
            let mut message = d.message.clone();
            if let Some(help) = &d.help {
                message.push_str(&format!("\nHelp: {help}"));
            }
            let related: Vec<Value> = d
                .labels
                .iter()
                .enumerate()
                .map(|(i, l)| {
                    let mut loc = sarif_location(sources, l.span);
                    loc["id"] = json!(i);
                    loc["message"] = json!({"text": l.message});
                    loc
                })
                .collect();
            json!({
                "ruleId": d.code.as_str(),
                "level": sarif_level(d.severity),
                "message": {"text": message},
                "locations": [sarif_location(sources, d.span)],
                "relatedLocations": related,
            })
        })
        .collect();
    json!({
        "$schema": "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "pejl",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    })
}

fn sarif_level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Hint => "note",
    }
}

fn sarif_location(sources: &SourceSet, span: crate::span::Span) -> Value {
    let file = sources.get(span.file);
    let start = file.line_col(span.start);
    let end = file.line_col(span.end);
    json!({"physicalLocation": {
        "artifactLocation": {"uri": file.display_path()},
        "region": {
            "startLine": start.line,
            "startColumn": start.column,
            "endLine": end.line,
            "endColumn": end.column,
        },
    }})
}

/// A GitHub Actions workflow command (`::error file=…::message`).
pub fn to_github(sources: &SourceSet, diag: &Diagnostic) -> String {
    let file = sources.get(diag.span.file);
    let start = file.line_col(diag.span.start);
    let end = file.line_col(diag.span.end);
    let command = match diag.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Hint => "notice",
    };
    let mut message = diag.message.clone();
    if let Some(help) = &diag.help {
        message.push_str(&format!("\nhelp: {help}"));
    }
    format!(
        "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}",
        escape_property(&file.display_path()),
        start.line,
        start.column,
        end.line,
        end.column,
        escape_property(&format!("{} {}", diag.code, diag.code.summary())),
        escape_data(&message)
    )
}

fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}
