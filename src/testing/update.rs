//! `pejl test --update`: writing the statuses the policy gives as expectations, snapshot style.
//!
//! - Without data ([`accept`]): each `expect` that does not hold gets the status the policy
//!   gives (a one-word edit; nothing else in the file changes).
//! - With data ([`snapshot`]): for each report, the test `"snapshot REPORT YEAR"` gets the
//!   data's values for that year and report as its inputs and every status they give as its
//!   expectations. A test of that title is rewritten where it is (its comments kept beside the
//!   statements they belong to); otherwise the test is added at the end of the file given.
//!
//! Both return the new text of each file they change; the caller writes them.
// A user-input path: no unchecked indexing, slicing or unwrap (ARCHITECTURE.md, performance notes).
#![deny(clippy::string_slice, clippy::indexing_slicing, clippy::unwrap_used)]

use super::{report_kind, tests_of, PolicyTests};
use crate::data::{Catalog, Dataset, ValueKind};
use crate::eval::{self, Assessment};
use crate::ir::Compiled;
use crate::span::{FileId, Span};
use crate::syntax::ast::{InputKind, Test};
use crate::Analysis;
use std::fmt::Write as _;

/// A file's new text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rewrite {
    pub file: FileId,
    pub text: String,
    /// What changed, for people ("3 expectations", "test \"snapshot annual 2024\" added").
    pub changes: Vec<String>,
}

/// Replacements of byte ranges of one file: (start, end, new text).
type Edits = Vec<(usize, usize, String)>;

/// Replaces byte ranges of `text` (they must not overlap); insertions at one place keep
/// their order.
fn apply(text: &str, edits: Edits) -> String {
    let mut edits: Vec<(usize, (usize, usize, String))> = edits.into_iter().enumerate().collect();
    edits.sort_by_key(|(i, e)| std::cmp::Reverse((e.0, *i)));
    let mut out = text.to_string();
    for (_, (start, end, replacement)) in edits {
        out.replace_range(start..end, &replacement);
    }
    out
}

/// The edits that make every failed expectation of `results` expect the status the policy
/// gives. An expectation whose goal gets no status, or that failed for want of a motivation,
/// is left as it is (nothing could be written that would hold).
pub fn accept(analysis: &Analysis, results: &PolicyTests) -> Vec<Rewrite> {
    let mut by_file: Vec<(FileId, Edits)> = Vec::new();
    let tests = tests_of(analysis);
    for result in &results.tests {
        for e in result.failures() {
            let (Some(actual), None) = (&e.actual, &e.problem) else {
                continue;
            };
            let Some(expect) = tests
                .iter()
                .flat_map(|(_, t)| &t.expects)
                .find(|x| x.span == e.span)
            else {
                continue;
            };
            let span = expect.status.span;
            let edit = (span.start, span.end, actual.clone());
            match by_file.iter_mut().find(|(f, _)| *f == span.file) {
                Some((_, edits)) => edits.push(edit),
                None => by_file.push((span.file, vec![edit])),
            }
        }
    }
    by_file
        .into_iter()
        .map(|(file, edits)| {
            let n = edits.len();
            Rewrite {
                file,
                text: apply(&analysis.sources.get(file).text, edits),
                changes: vec![format!(
                    "{n} expectation{} now expect{} what the policy gives",
                    if n == 1 { "" } else { "s" },
                    if n == 1 { "s" } else { "" }
                )],
            }
        })
        .collect()
}

/// The title of the snapshot test of a report and year.
pub fn snapshot_title(report: &str, year: i32) -> String {
    format!("snapshot {report} {year}")
}

/// A number as pejl writes it (`8.1`, `72`, `-0.4`).
fn number(value: f64) -> String {
    format!("{value}")
}

/// A string as pejl writes it, in quotes.
pub fn quoted(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.replace("\r\n", "\n").replace('\r', "\n").chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A statement of a test, with what identifies it (so a rewrite knows which old one it is).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Statement {
    key: String,
    text: String,
}

/// The statements of the snapshot of `report`: the data's values for the year and the report's
/// kind (as the evaluator reads them: a forecast takes the year's benchmarks from the outcome
/// when its own row has none), and the statuses of every goal that gets one.
fn snapshot_statements(
    compiled: &Compiled,
    catalog: &Catalog,
    data: &Dataset,
    evaluation: &eval::Evaluation,
    year: i32,
    report: &str,
) -> Vec<Statement> {
    let kind = report_kind(compiled, report);
    let stmt = |key: String, text: String| Statement { key, text };
    let mut out = vec![
        stmt("year".into(), format!("year {year}")),
        stmt("report".into(), format!("report {report}")),
    ];
    let measured: std::collections::HashSet<&str> = compiled
        .goals
        .iter()
        .filter_map(|g| g.measure.as_deref())
        .collect();
    for (i, entry) in catalog.indicators.iter().enumerate() {
        let id = entry.id.as_str();
        if !measured.contains(id) {
            continue;
        }
        let obs = data.get(i as u32, year, kind);
        let fallback = match kind {
            ValueKind::Forecast => data.get(i as u32, year, ValueKind::Actual),
            ValueKind::Actual => None,
        };
        let named = |o: Option<&crate::data::Observation>, k: &str| {
            o.and_then(|o| o.benchmarks.iter().find(|(x, _)| x == k))
                .and_then(|(_, v)| *v)
        };
        let default = obs
            .and_then(|o| o.benchmark)
            .or_else(|| fallback.and_then(|o| o.benchmark));
        let mut benchmarks: Vec<Statement> = Vec::new();
        for (b, declared) in entry.benchmarks.iter().enumerate() {
            let value = named(obs, &declared.kind)
                .or_else(|| named(fallback, &declared.kind))
                .or(if b == 0 { default } else { None });
            if let Some(v) = value {
                benchmarks.push(if b == 0 {
                    stmt(
                        format!("benchmark {id} {}", declared.kind),
                        format!("benchmark {id} {}", number(v)),
                    )
                } else {
                    stmt(
                        format!("benchmark {id} {}", declared.kind),
                        format!("benchmark {id} {} {}", declared.kind, number(v)),
                    )
                });
            }
        }
        if entry.benchmarks.is_empty() {
            if let Some(v) = default {
                benchmarks.push(stmt(
                    format!("benchmark {id} "),
                    format!("benchmark {id} {}", number(v)),
                ));
            }
        }
        let motivation = obs.and_then(|o| o.motivation.as_deref());
        if obs.is_none() && benchmarks.is_empty() {
            continue;
        }
        out.push(match obs.and_then(|o| o.value) {
            Some(v) => stmt(format!("value {id}"), format!("value {id} {}", number(v))),
            None => stmt(format!("value {id}"), format!("missing {id}")),
        });
        out.extend(benchmarks);
        if let Some(m) = motivation {
            out.push(stmt(
                format!("motivation {id}"),
                format!("motivation {id} {}", quoted(m)),
            ));
        }
    }
    for (g, goal) in compiled.goals.iter().enumerate() {
        if let Some(m) = data
            .note(g as u32, year, kind)
            .and_then(|n| n.motivation.as_deref())
        {
            out.push(stmt(
                format!("motivation {}", goal.id),
                format!("motivation {} {}", goal.id, quoted(m)),
            ));
        }
    }
    for goal in &evaluation.goals {
        if !matches!(goal.assessment, Assessment::Measured | Assessment::Rollup) {
            continue;
        }
        if let Some(status) = &goal.status {
            out.push(stmt(
                format!("expect {}", goal.id),
                format!("expect {} {status}", goal.id),
            ));
        }
    }
    out
}

/// The key of an old test's input, as [`snapshot_statements`] makes them.
fn input_key(analysis: &Analysis, kind: &InputKind, name: &str) -> String {
    match kind {
        InputKind::Value(_) | InputKind::Missing => format!("value {name}"),
        InputKind::Motivation(_) => format!("motivation {name}"),
        InputKind::Benchmark(k, _) => {
            let model = analysis.model();
            let default = model
                .indicator(name)
                .and_then(|i| i.benchmarks.first())
                .map(|b| b.kind.name.clone())
                .unwrap_or_default();
            let kind = k.as_ref().map_or(default, |k| k.name.clone());
            format!("benchmark {name} {kind}")
        }
    }
}

/// The statements of an old test: (key, start, end).
fn old_statements(analysis: &Analysis, test: &Test) -> Vec<(String, usize, usize)> {
    let text = &analysis.sources.get(test.span.file).text;
    let mut out = Vec::new();
    // `year 2024`: the statement starts at its keyword, before the number.
    let keyword_before = |span: Span, keyword: &str| {
        text.get(..span.start)
            .unwrap_or_default()
            .trim_end()
            .strip_suffix(keyword)
            .map_or(span.start, |head| head.len())
    };
    if let Some(y) = test.year {
        out.push((
            "year".to_string(),
            keyword_before(y.span, "year"),
            y.span.end,
        ));
    }
    if let Some(r) = &test.report {
        out.push((
            "report".to_string(),
            keyword_before(r.span, "report"),
            r.span.end,
        ));
    }
    for input in &test.inputs {
        out.push((
            input_key(analysis, &input.kind, &input.name.name),
            input.span.start,
            input.span.end,
        ));
    }
    for e in &test.expects {
        out.push((format!("expect {}", e.goal.name), e.span.start, e.span.end));
    }
    out.sort_by_key(|s| s.1);
    out
}

/// The test `title` with `statements`, in the canonical layout (`pejl fmt`'s). The comments
/// of `old` (a test being rewritten) stay with the statement they were above or beside; those
/// of a statement that is gone go to the end of the block.
fn test_text(
    analysis: &Analysis,
    title: &str,
    statements: &[Statement],
    old: Option<&Test>,
) -> String {
    let mut leading: std::collections::HashMap<String, Vec<String>> = Default::default();
    let mut trailing: std::collections::HashMap<String, Vec<String>> = Default::default();
    let mut after_open: Vec<String> = Vec::new();
    let mut at_end: Vec<String> = Vec::new();
    if let Some(old) = old {
        let file = old.span.file;
        let text = &analysis.sources.get(file).text;
        let stmts = old_statements(analysis, old);
        let open = text
            .get(old.header.end..old.span.end)
            .and_then(|block| block.find('{'))
            .map_or(old.header.end, |i| old.header.end + i);
        let comments = analysis
            .files
            .get(file.0 as usize)
            .map_or(&[][..], |f| f.comments.as_slice());
        for c in comments
            .iter()
            .filter(|c| c.start > open && c.end <= old.span.end)
        {
            let comment = text
                .get(c.start..c.end)
                .unwrap_or_default()
                .trim_end()
                .to_string();
            let previous = stmts.iter().rev().find(|s| s.2 <= c.start);
            let previous_end = previous.map_or(open + 1, |s| s.2);
            let same_line = !text
                .get(previous_end..c.start)
                .is_some_and(|between| between.contains('\n'));
            match (previous, same_line) {
                (Some(p), true) => trailing.entry(p.0.clone()).or_default().push(comment),
                (None, true) => after_open.push(comment),
                _ => match stmts.iter().find(|s| s.1 >= c.end) {
                    Some(n) => leading.entry(n.0.clone()).or_default().push(comment),
                    None => at_end.push(comment),
                },
            }
        }
        let kept: std::collections::HashSet<&str> =
            statements.iter().map(|s| s.key.as_str()).collect();
        for (key, ..) in &stmts {
            if !kept.contains(key.as_str()) {
                at_end.extend(leading.remove(key).unwrap_or_default());
                at_end.extend(trailing.remove(key).unwrap_or_default());
            }
        }
    }
    let mut out = format!("test {} {{", quoted(title));
    for c in &after_open {
        let _ = write!(out, "  {c}");
    }
    out.push('\n');
    for s in statements {
        for c in leading.remove(&s.key).unwrap_or_default() {
            let _ = writeln!(out, "  {c}");
        }
        let _ = write!(out, "  {}", s.text);
        for c in trailing.remove(&s.key).unwrap_or_default() {
            let _ = write!(out, "  {c}");
        }
        out.push('\n');
    }
    for c in at_end {
        let _ = writeln!(out, "  {c}");
    }
    out.push('}');
    out
}

/// For each report in `reports` (none: every report of the policy that the data has values of
/// its kind for in `year`), the snapshot test of `input`'s data: rewritten where a test of its
/// title is, else added to `into`. (`input.sources` holds the policy's files and the data
/// files.) `data_names` are the data files' names, for the comment above a
/// new test. `Err` when no report can be made of the data (a usage error).
pub fn snapshot(
    input: &eval::Input,
    year: i32,
    reports: &[String],
    into: FileId,
    data_names: &[String],
) -> Result<Vec<Rewrite>, String> {
    let (analysis, compiled, catalog, data) =
        (input.analysis, input.compiled, input.catalog, input.data);
    let chosen: Vec<String> = if reports.is_empty() {
        compiled
            .reports
            .iter()
            .filter(|r| {
                let kind = report_kind(compiled, &r.id);
                data.observations
                    .iter()
                    .any(|o| o.year == year && o.kind == kind)
            })
            .map(|r| r.id.clone())
            .collect()
    } else {
        reports.to_vec()
    };
    if chosen.is_empty() {
        return Err(format!(
            "the data has no values for {year} of the kind any report uses (forecast or actual)"
        ));
    }
    let tests = tests_of(analysis);
    let mut edits: Vec<(FileId, Edits, Vec<String>)> = Vec::new();
    let mut push = |file: FileId, edit: (usize, usize, String), change: String| match edits
        .iter_mut()
        .find(|(f, ..)| *f == file)
    {
        Some((_, list, changes)) => {
            list.push(edit);
            changes.push(change);
        }
        None => edits.push((file, vec![edit], vec![change])),
    };
    for report in &chosen {
        let outcome = eval::evaluate(input, year, report)?;
        if let Some(d) = outcome
            .diagnostics
            .iter()
            .find(|d| d.severity == crate::Severity::Error)
        {
            return Err(format!(
                "the data cannot be reported for {report} {year}: {} ({})",
                d.message, d.code
            ));
        }
        let statements =
            snapshot_statements(compiled, catalog, data, &outcome.evaluation, year, report);
        let title = snapshot_title(report, year);
        let expects = statements
            .iter()
            .filter(|s| s.key.starts_with("expect "))
            .count();
        match tests.iter().find(|(_, t)| t.title.value == title) {
            Some(&(file, old)) => {
                let text = test_text(analysis, &title, &statements, Some(old));
                push(
                    file,
                    (old.span.start, old.span.end, text),
                    format!("test \"{title}\" rewritten: {expects} expectations"),
                );
            }
            None => {
                let existing = &analysis.sources.get(into).text;
                let mut text = String::new();
                if !existing.is_empty() && !existing.ends_with('\n') {
                    text.push('\n');
                }
                if !existing.trim().is_empty() {
                    text.push('\n');
                }
                let from = |word: &str| match data_names {
                    [] => String::new(),
                    names => format!(" {word} {}", names.join(", ")),
                };
                let language = compiled.policy.as_ref().and_then(|p| p.language.as_deref());
                let _ = match eval::Lang::from_code(language) {
                    eval::Lang::Sv => writeln!(
                        text,
                        "// Statusarna som policyn ger värdena{}, {report} {year}\n// (skrivet av `pejl test --update`).",
                        from("i")
                    ),
                    eval::Lang::Da => writeln!(
                        text,
                        "// De statusser, politikken giver værdierne{}, {report} {year}\n// (skrevet af `pejl test --update`).",
                        from("i")
                    ),
                    eval::Lang::En => writeln!(
                        text,
                        "// The statuses the policy gives the values{}, {report} {year}\n// (written by `pejl test --update`).",
                        from("of")
                    ),
                };
                text.push_str(&test_text(analysis, &title, &statements, None));
                text.push('\n');
                push(
                    into,
                    (existing.len(), existing.len(), text),
                    format!("test \"{title}\" added: {expects} expectations"),
                );
            }
        }
    }
    Ok(edits
        .into_iter()
        .map(|(file, list, changes)| Rewrite {
            file,
            text: apply(&analysis.sources.get(file).text, list),
            changes,
        })
        .collect())
}
