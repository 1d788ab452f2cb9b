//! Diagnostics for people (miette) and for tools (JSON, SARIF 2.1.0, GitHub annotations).

use crate::diagnostic::{Diagnostic, Severity};
use crate::sources::{SourceFile, SourceSet};
use miette::{MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};
use serde_json::{json, Value};
use std::borrow::Cow;

/// A diagnostic with its file's text, in the shape miette renders.
#[derive(Debug)]
struct Report<'a> {
    message: String,
    code: &'static str,
    severity: Severity,
    help: Option<String>,
    labels: Vec<miette::LabeledSpan>,
    source: Excerpt<'a>,
}

/// A file's text as miette reads it. miette's own reading of a `str` scans from the start
/// of the file for every label (rendering cost diagnostics × file size); this one looks the
/// lines up in the file's line index. Lines longer than [`LONG_LINE`] are shown as a window
/// around the label (miette cannot pad past column 65 535), and the text is the one made
/// harmless for terminals by [`terminal_safe`].
#[derive(Debug)]
struct Excerpt<'a> {
    file: &'a SourceFile,
    text: &'a str,
    name: String,
}

/// A line longer than this (in bytes) is shown as a window around the label.
const LONG_LINE: usize = 1000;
/// How much of a long line is shown before and after the label's start.
const WINDOW_BEFORE: usize = 60;
const WINDOW_AFTER: usize = 120;

impl Excerpt<'_> {
    fn floor(&self, offset: usize) -> usize {
        crate::span::clamp_to_char_boundary(self.text, offset)
    }

    fn is_long(&self, line: usize) -> bool {
        let lines = &self.file.lines();
        lines.line_end(self.text, line) - lines.line_start(line) > LONG_LINE
    }

    /// The start of the line after `line`, or the end of the text.
    fn after_line(&self, line: usize) -> usize {
        crate::syntax::text::next_line(self.text, self.file.lines().line_start(line))
            .unwrap_or(self.text.len())
    }
}

impl SourceCode for Excerpt<'_> {
    fn read_span<'b>(
        &'b self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'b> + 'b>, MietteError> {
        let lines = &self.file.lines();
        let start = span.offset();
        let end = start + span.len();
        if end > self.text.len() {
            return Err(MietteError::OutOfBounds);
        }
        let first = lines.line_of(start);
        let last = lines.line_of(end.saturating_sub(1).max(start));
        let (from, to, line, column) = if self.is_long(first) {
            // One window of the long line, whatever the span's length.
            let line_start = lines.line_start(first);
            let from = self.floor(start.saturating_sub(WINDOW_BEFORE).max(line_start));
            let to = self.floor((start + WINDOW_AFTER).min(lines.line_end(self.text, first)));
            (from, to, first, from - line_start)
        } else if before == 0 && after == 0 {
            // The header's location: the label's own line and column.
            let column = self.file.line_col(start).column - 1;
            (start, end.max(start), first, column)
        } else {
            let top = first.saturating_sub(before);
            let mut bottom = (last + after).min(lines.line_count() - 1);
            // Context lines stop before a long line.
            while bottom > last && self.is_long(bottom) {
                bottom -= 1;
            }
            let top = (top..=first)
                .find(|&l| l == first || !self.is_long(l))
                .unwrap_or(first);
            (lines.line_start(top), self.after_line(bottom), top, 0)
        };
        let data = self.text.as_bytes().get(from..to).unwrap_or_default();
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            data,
            (from, to - from).into(),
            line,
            column,
            lines.line_of(to),
        )))
    }
}

/// The text with what a terminal would obey replaced, byte for byte, so spans stay valid:
/// control characters (ESC, BEL, …) become `?`, C1 controls `¿`, bidirectional overrides
/// U+FFFD; a lone `\r` becomes `\n`, the line break it is everywhere else in pejl.
pub fn terminal_safe(text: &str) -> Cow<'_, str> {
    let text = crate::syntax::text::lone_carriage_returns_as_newlines(text);
    if !text.chars().any(is_unsafe_in_terminal) {
        return text;
    }
    Cow::Owned(
        text.chars()
            .map(|c| match c {
                c if !is_unsafe_in_terminal(c) => c,
                c if c.len_utf8() == 1 => '?',
                c if c.len_utf8() == 2 => '¿',
                _ => '\u{fffd}',
            })
            .collect(),
    )
}

fn is_unsafe_in_terminal(c: char) -> bool {
    (c.is_control() && !matches!(c, '\n' | '\t' | '\r'))
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// A message or name for a terminal: control characters shown as `\u{1b}` escapes.
pub fn escape_for_terminal(text: &str) -> Cow<'_, str> {
    let escaped = |c: char| c == '\r' || is_unsafe_in_terminal(c);
    if !text.chars().any(escaped) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| {
                if escaped(c) {
                    c.escape_unicode().to_string()
                } else {
                    c.to_string()
                }
            })
            .collect(),
    )
}

impl std::fmt::Display for Report<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Report<'_> {}

impl miette::Diagnostic for Report<'_> {
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
    /// Each file's text made safe for a terminal, once per file.
    texts: Vec<String>,
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
                .map(|f| terminal_safe(&f.text).into_owned())
                .collect(),
        }
    }

    pub fn render(&self, sources: &SourceSet, diag: &Diagnostic) -> String {
        let file = sources.get(diag.span.file);
        let Some(text) = self.texts.get(diag.span.file.0 as usize) else {
            return format!("{}: {}\n", diag.code, escape_for_terminal(&diag.message));
        };
        let source = Excerpt {
            file,
            text,
            name: escape_for_terminal(&file.display_path()).into_owned(),
        };
        let mut help = diag
            .help
            .as_deref()
            .map(|h| escape_for_terminal(h).into_owned());
        let mut labels = vec![miette::LabeledSpan::new_primary_with_span(
            non_empty(&diag.primary_label),
            source.label_span(diag.span),
        )];
        // miette can print every line between two labels of a file: a label far from the
        // primary one (a rule 40 lines below the goal) is named in words instead.
        let primary_lines = (
            file.lines().line_of(diag.span.start),
            file.lines().line_of(diag.span.end),
        );
        let near = |span: crate::Span| {
            let line = file.lines().line_of(span.start);
            line + NEAR_LINES >= primary_lines.0 && line <= primary_lines.1 + NEAR_LINES
        };
        for label in &diag.labels {
            if label.span.file == diag.span.file && near(label.span) {
                labels.push(miette::LabeledSpan::new_with_span(
                    non_empty(&label.message),
                    source.label_span(label.span),
                ));
            } else {
                // Another file, or far away: name the place in words.
                let other = sources.get(label.span.file);
                let at = other.line_col(label.span.start);
                let note = format!(
                    "{}: {}:{}:{}",
                    escape_for_terminal(&label.message),
                    escape_for_terminal(&other.display_path()),
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
            message: escape_for_terminal(&diag.message).into_owned(),
            code: diag.code.as_str(),
            severity: diag.severity,
            help,
            labels,
            source,
        };
        let mut out = String::new();
        if self.handler.render_report(&mut out, &report).is_err() {
            out = format!("{}: {}\n", diag.code, report.message);
        }
        out
    }
}

impl Excerpt<'_> {
    /// A label's span for miette: on a long line, cut to the window that is shown.
    fn label_span(&self, span: crate::Span) -> (usize, usize) {
        let start = span.start.min(self.text.len());
        let end = span.end.clamp(start, self.text.len());
        let line = self.file.lines().line_of(start);
        let end = if self.is_long(line) {
            self.floor(
                end.min(start + WINDOW_AFTER / 2)
                    .min(self.file.lines().line_end(self.text, line)),
            )
            .max(start)
        } else {
            end
        };
        (start, end - start)
    }
}

/// How many lines from the primary label another label may be and still share its excerpt.
const NEAR_LINES: usize = 6;

fn non_empty(text: &str) -> Option<String> {
    (!text.is_empty()).then(|| escape_for_terminal(text).into_owned())
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
    let message = escape_for_terminal(&message);
    format!(
        "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}",
        escape_property(&escape_for_terminal(&file.display_path())),
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
