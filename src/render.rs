//! Diagnostics for people (miette, in `human`) and for tools (JSON, SARIF 2.1.0, GitHub
//! annotations).
// A user-input path: no unchecked indexing, slicing or unwrap (ARCHITECTURE.md, performance notes).
#![deny(clippy::string_slice, clippy::indexing_slicing, clippy::unwrap_used)]

use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::Lang;
use crate::sources::SourceSet;
use crate::text;
use serde_json::{json, Value};
use std::borrow::Cow;

#[cfg(feature = "fancy")]
mod human;
#[cfg(feature = "fancy")]
pub use human::HumanRenderer;

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

/// One diagnostic in the `check --format json` shape of the product design.
pub fn to_json(sources: &SourceSet, diag: &Diagnostic, lang: Lang) -> Value {
    let file = sources.get(diag.span.file);
    let start = file.line_col(diag.span.start);
    let end = file.line_col(diag.span.end);
    let labels: Vec<Value> = diag
        .labels
        .iter()
        .map(|l| {
            let at = sources.get(l.span.file).line_col(l.span.start);
            json!({"message": l.message.render(lang), "line": at.line, "column": at.column})
        })
        .collect();
    json!({
        "code": diag.code.as_str(),
        "severity": diag.severity.as_str(),
        "message": diag.message.render(lang),
        "file": file.display_path(),
        "line": start.line,
        "column": start.column,
        "end_line": end.line,
        "end_column": end.column,
        "labels": labels,
        "help": diag.help.as_ref().map(|h| h.render(lang)),
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
pub fn to_sarif(results: &[(&SourceSet, &Diagnostic)], lang: Lang) -> Value {
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
            let mut message = d.message.render(lang);
            if let Some(help) = &d.help {
                let word = text!("help-word").render(lang);
                message.push_str(&format!("\n{word}: {}", help.render(lang)));
            }
            let related: Vec<Value> = d
                .labels
                .iter()
                .enumerate()
                .map(|(i, l)| {
                    let mut loc = sarif_location(sources, l.span);
                    if let Some(fields) = loc.as_object_mut() {
                        fields.insert("id".into(), json!(i));
                        fields.insert("message".into(), json!({"text": l.message.render(lang)}));
                    }
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
pub fn to_github(sources: &SourceSet, diag: &Diagnostic, lang: Lang) -> String {
    let file = sources.get(diag.span.file);
    let start = file.line_col(diag.span.start);
    let end = file.line_col(diag.span.end);
    let command = match diag.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Hint => "notice",
    };
    let mut message = diag.message.render(lang);
    if let Some(help) = &diag.help {
        let word = text!("help-word").render(lang).to_lowercase();
        message.push_str(&format!("\n{word}: {}", help.render(lang)));
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
