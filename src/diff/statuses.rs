//! `pejl diff --data`: every past status the new version would change. The data is read once
//! for each version (each knows its own indicators and goals), and for each year of the data and
//! each report both versions have, every goal is evaluated by both ([`eval::evaluate`], what
//! `pejl report` does); a goal whose status differs is listed with both explanations.

use super::{DataInput, GoalPairs};
use crate::data::{self, Catalog, Dataset};
use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::eval::{self, Evaluation};
use crate::ir::Compiled;
use crate::sources::{FsLoader, SourceSet};
use crate::Analysis;
use schemars::JsonSchema;
use serde::Serialize;
use std::collections::BTreeSet;

/// The past statuses the new version changes.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct PastStatuses {
    /// The data files, as given.
    pub data: Vec<String>,
    /// The reports and years evaluated by both versions.
    pub evaluated: Vec<ReportYear>,
    /// Reports and years not compared, with why ("2023 is outside the policy's period
    /// 2024..2027", "only the old version has the report `interim`").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub not_compared: Vec<NotCompared>,
    /// Every goal whose status differs, by report (the new version's order) and year.
    pub changes: Vec<StatusChange>,
    /// Rows of the data that only one version can use: an indicator or goal the other does
    /// not declare (a goal renamed loses the motivations written for its old ID).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unused_rows: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct ReportYear {
    pub report: String,
    pub report_name: String,
    pub year: i32,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct NotCompared {
    pub report: String,
    /// Absent: every year of the data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    pub reason: String,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct StatusChange {
    pub report: String,
    pub report_name: String,
    pub year: i32,
    /// The goal's ID (new; old for a goal the new version removes).
    pub goal: String,
    /// The old ID of a renamed goal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub old_goal: Option<String>,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// Absent: the old version has no such goal.
    pub old: Option<PastStatus>,
    /// Absent: the new version has no such goal.
    pub new: Option<PastStatus>,
}

#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct PastStatus {
    /// `null`: not evaluated or not followed up.
    pub status: Option<String>,
    /// The status's label in the policy's language.
    pub label: Option<String>,
    /// Why, in the policy's language, as the report says it.
    pub explanation: String,
}

/// The data cannot be compared: a usage error, or errors in the data (to be shown with the
/// sources they point into).
pub struct DataError {
    pub message: String,
    pub sources: SourceSet,
    pub diagnostics: Vec<Diagnostic>,
}

/// One version's data.
struct Loaded {
    catalog: Catalog,
    data: Dataset,
    sources: SourceSet,
    errors: Vec<Diagnostic>,
}

fn load(analysis: &Analysis, compiled: &Compiled, input: &DataInput) -> Loaded {
    let catalog = Catalog::new(compiled);
    let mut sources = analysis.sources.clone();
    let (data, diagnostics) = data::load(
        input.files,
        &catalog,
        input.options,
        &FsLoader,
        &mut sources,
    );
    Loaded {
        catalog,
        data,
        sources,
        errors: diagnostics
            .into_iter()
            .filter(|d| d.severity == Severity::Error)
            .collect(),
    }
}

/// Where a diagnostic points, across the two versions' source sets (whose data files have
/// different file numbers when the versions have different numbers of policy files).
fn place(sources: &SourceSet, d: &Diagnostic) -> (String, usize, Code) {
    (
        sources.get(d.span.file).display_path(),
        d.span.start,
        d.code,
    )
}

pub fn past_statuses(
    (old_analysis, old): (&Analysis, &Compiled),
    (new_analysis, new): (&Analysis, &Compiled),
    pairs: &GoalPairs,
    input: &DataInput,
) -> Result<PastStatuses, DataError> {
    for file in input.files.iter().chain(&input.options.statbank_map) {
        if !file.is_file() {
            return Err(DataError {
                message: format!("`{}` is not a file", file.display()),
                sources: SourceSet::default(),
                diagnostics: Vec::new(),
            });
        }
    }
    let mut o = load(old_analysis, old, input);
    let mut n = load(new_analysis, new, input);
    // A row of an indicator or goal only one version declares is not used by the other: that
    // is what the versions differ in, not an error in the data.
    let old_places: BTreeSet<_> = o.errors.iter().map(|d| place(&o.sources, d)).collect();
    let new_places: BTreeSet<_> = n.errors.iter().map(|d| place(&n.sources, d)).collect();
    let mut unused_rows = Vec::new();
    for (side, other, which) in [
        (&mut o, &new_places, "the old version"),
        (&mut n, &old_places, "the new version"),
    ] {
        let sources = &side.sources;
        side.errors.retain(|d| {
            let only_here = d.code == Code::P0703 && !other.contains(&place(sources, d));
            if only_here {
                let file = sources.get(d.span.file);
                unused_rows.push(format!(
                    "{which} does not use {}:{}: {}",
                    file.display_path(),
                    file.line_col(d.span.start).line,
                    d.message
                ));
            }
            !only_here
        });
    }
    let failed = |side: Loaded| {
        let count = side.errors.len();
        DataError {
            message: format!(
                "the data has {count} error{}: no past statuses compared",
                if count == 1 { "" } else { "s" }
            ),
            sources: side.sources,
            diagnostics: side.errors,
        }
    };
    if !n.errors.is_empty() {
        return Err(failed(n));
    }
    if !o.errors.is_empty() {
        return Err(failed(o));
    }
    let mut years: Vec<i32> = o
        .data
        .observations
        .iter()
        .chain(&n.data.observations)
        .map(|obs| obs.year)
        .collect();
    years.sort_unstable();
    years.dedup();
    let mut out = PastStatuses {
        data: input
            .files
            .iter()
            .map(|f| f.to_string_lossy().replace('\\', "/"))
            .collect(),
        evaluated: Vec::new(),
        not_compared: Vec::new(),
        changes: Vec::new(),
        unused_rows,
    };
    for report in &old.reports {
        if !new.reports.iter().any(|r| r.id == report.id) {
            out.not_compared.push(NotCompared {
                report: report.id.clone(),
                year: None,
                reason: format!("only the old version has the report `{}`", report.id),
            });
        }
    }
    for report in &new.reports {
        if !old.reports.iter().any(|r| r.id == report.id) {
            out.not_compared.push(NotCompared {
                report: report.id.clone(),
                year: None,
                reason: format!("only the new version has the report `{}`", report.id),
            });
            continue;
        }
        for &year in &years {
            let run = |a: &Analysis, c: &Compiled, l: &Loaded| {
                eval::evaluate(
                    &eval::Input {
                        analysis: a,
                        compiled: c,
                        catalog: &l.catalog,
                        data: &l.data,
                        sources: &l.sources,
                    },
                    year,
                    &report.id,
                )
                .map(|outcome| outcome.evaluation)
            };
            let (before, after) = (run(old_analysis, old, &o), run(new_analysis, new, &n));
            let (before, after) = match (before, after) {
                (Ok(b), Ok(a)) => (b, a),
                (Err(b), Err(a)) => {
                    out.not_compared.push(NotCompared {
                        report: report.id.clone(),
                        year: Some(year),
                        reason: if a == b {
                            a
                        } else {
                            format!("the old version: {b}; the new version: {a}")
                        },
                    });
                    continue;
                }
                (Err(b), Ok(_)) => {
                    out.not_compared.push(NotCompared {
                        report: report.id.clone(),
                        year: Some(year),
                        reason: format!("the old version cannot be evaluated: {b}"),
                    });
                    continue;
                }
                (Ok(_), Err(a)) => {
                    out.not_compared.push(NotCompared {
                        report: report.id.clone(),
                        year: Some(year),
                        reason: format!("the new version cannot be evaluated: {a}"),
                    });
                    continue;
                }
            };
            out.evaluated.push(ReportYear {
                report: report.id.clone(),
                report_name: report.name.clone(),
                year,
            });
            compare(&before, &after, pairs, report, year, &mut out.changes);
        }
    }
    Ok(out)
}

fn status(ev: &Evaluation, i: usize) -> Option<PastStatus> {
    let g = ev.goals.get(i)?;
    Some(PastStatus {
        status: g.status.clone(),
        label: g.status_label.clone(),
        explanation: g.explanation.clone(),
    })
}

fn compare(
    before: &Evaluation,
    after: &Evaluation,
    pairs: &GoalPairs,
    report: &crate::ir::ReportOut,
    year: i32,
    out: &mut Vec<StatusChange>,
) {
    let change = |g: &eval::GoalResult, old_goal, old: Option<PastStatus>, new| StatusChange {
        report: report.id.clone(),
        report_name: report.name.clone(),
        year,
        goal: g.id.clone(),
        old_goal,
        title: g.title.clone(),
        number: g.number.clone(),
        old,
        new,
    };
    // The evaluation lists the goals in the compiled order, as `pairs` counts them.
    for (n, g) in after.goals.iter().enumerate() {
        let new = status(after, n);
        match pairs.new_to_old.get(n).copied().flatten() {
            Some(o) => {
                let old = status(before, o);
                let (a, b) = (
                    old.as_ref().and_then(|s| s.status.as_ref()),
                    new.as_ref().and_then(|s| s.status.as_ref()),
                );
                if a != b {
                    let old_id = before.goals.get(o).map(|x| x.id.clone());
                    let renamed = old_id.filter(|id| *id != g.id);
                    out.push(change(g, renamed, old, new));
                }
            }
            None if g.status.is_some() => out.push(change(g, None, None, new)),
            None => {}
        }
    }
    for (o, g) in before.goals.iter().enumerate() {
        if pairs.old_to_new.get(o).copied().flatten().is_none() && g.status.is_some() {
            out.push(change(g, None, status(before, o), None));
        }
    }
}
