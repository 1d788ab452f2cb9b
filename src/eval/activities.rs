//! Activities in a report: each activity's progress as the data gives it on the last day the
//! report covers (`covers 01-01..08-31` in the report's year; the whole year without
//! `covers`), and whether it is late: its deadline has passed by that day and it is neither
//! done nor cancelled. An activity the data says nothing about is *not reported*.

use super::{BodyRef, DataLocation, Lang};
use crate::data::progress::State;
use crate::data::{Catalog, Dataset};
use crate::ir::Compiled;
use crate::sources::SourceSet;
use rustc_hash::FxHashMap as HashMap;
use schemars::JsonSchema;
use serde::Serialize;

/// One activity in a report (listed under its goal).
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ActivityResult {
    pub id: String,
    pub title: String,
    /// The goal it serves (a goal ID of [`super::Evaluation::goals`]).
    pub goal: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub owner_name: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub shared_with: Vec<BodyRef>,
    /// ISO date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start: Option<String>,
    /// ISO date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deadline: Option<String>,
    /// In whole kronor (kroner), see `currency`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub budget: Option<u64>,
    /// "SEK" or "DKK".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// Where the activity stands on the last day the report covers; `null`: the data says
    /// nothing of it (not reported).
    pub progress: Option<State>,
    /// `progress` in the policy's language ("Påbörjad", "Ej rapporterad").
    pub progress_label: String,
    /// The date of the progress row (when it started, was done or was cancelled), ISO.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub progress_date: Option<String>,
    /// The comment of the progress row.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// The deadline has passed by the last day the report covers, and the activity is neither
    /// done nor cancelled.
    pub late: bool,
    /// Where the progress row is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<DataLocation>,
}

/// The fixed words of activities in a report, per language.
pub struct ActivityWords {
    pub heading: &'static str,
    /// planned, started, done, cancelled, not reported.
    pub states: [&'static str; 5],
    pub start: &'static str,
    pub deadline: &'static str,
    pub budget: &'static str,
    pub late: &'static str,
    /// "Försenade": the late activities, in the summary.
    pub late_heading: &'static str,
    pub comment: &'static str,
    pub progress: &'static str,
}

pub fn words(lang: Lang) -> &'static ActivityWords {
    match lang {
        Lang::Sv => &ActivityWords {
            heading: "Aktiviteter",
            states: ["Planerad", "Påbörjad", "Klar", "Avbruten", "Ej rapporterad"],
            start: "start",
            deadline: "slutdatum",
            budget: "budget",
            late: "försenad: slutdatumet har passerat",
            late_heading: "Försenade",
            comment: "Kommentar",
            progress: "Läge",
        },
        Lang::Da => &ActivityWords {
            heading: "Aktiviteter",
            states: [
                "Planlagt",
                "Igangsat",
                "Afsluttet",
                "Aflyst",
                "Ikke rapporteret",
            ],
            start: "start",
            deadline: "frist",
            budget: "budget",
            late: "forsinket: fristen er overskredet",
            late_heading: "Forsinkede",
            comment: "Kommentar",
            progress: "Status",
        },
        Lang::En => &ActivityWords {
            heading: "Activities",
            states: ["Planned", "Started", "Done", "Cancelled", "Not reported"],
            start: "start",
            deadline: "deadline",
            budget: "budget",
            late: "late: the deadline has passed",
            late_heading: "Late",
            comment: "Comment",
            progress: "Progress",
        },
    }
}

/// The label of a progress state ("Påbörjad"), or "not reported" for `None`.
pub fn state_label(lang: Lang, state: Option<State>) -> &'static str {
    let w = words(lang);
    match state {
        Some(State::Planned) => w.states[0],
        Some(State::Started) => w.states[1],
        Some(State::Done) => w.states[2],
        Some(State::Cancelled) => w.states[3],
        None => w.states[4],
    }
}

/// The last day a report of `year` covers: the end of its `covers`, else December 31.
pub fn as_of(compiled: &Compiled, report: &str, year: i32) -> (i32, u32, u32) {
    let end = compiled
        .reports
        .iter()
        .find(|r| r.id == report)
        .and_then(|r| r.covers.as_ref())
        .and_then(|c| {
            let (m, d) = c.to.split_once('-')?;
            Some((m.parse().ok()?, d.parse().ok()?))
        });
    let (month, day) = end.unwrap_or((12, 31));
    (year, month, day)
}

fn iso((y, m, d): (i32, u32, u32)) -> String {
    format!("{y:04}-{m:02}-{d:02}")
}

fn parse_iso(text: &str) -> Option<(i32, u32, u32)> {
    crate::data::progress::parse_date(text)
}

/// Every activity whose goal is in the policy, in source order, with its progress on `until`.
pub fn evaluate(
    compiled: &Compiled,
    catalog: &Catalog,
    data: &Dataset,
    sources: &SourceSet,
    lang: Lang,
    until: (i32, u32, u32),
) -> Vec<ActivityResult> {
    let bodies: HashMap<&str, &str> = compiled
        .bodies
        .iter()
        .map(|b| (b.id.as_str(), b.name.as_str()))
        .collect();
    // Each activity's rows, in the order read (one pass over the data, not one per activity).
    let mut rows: Vec<Vec<&crate::data::progress::Progress>> =
        vec![Vec::new(); compiled.activities.len()];
    for p in &data.progress {
        if let Some(list) = rows.get_mut(p.activity as usize) {
            list.push(p);
        }
    }
    compiled
        .activities
        .iter()
        .filter_map(|a| {
            let goal = a.goal.clone()?;
            // The latest row on or before `until`, as [`Dataset::progress_at`] reads it.
            let row = catalog
                .activity(&a.id)
                .and_then(|i| rows.get(i as usize))
                .and_then(|list| {
                    list.iter()
                        .enumerate()
                        .filter(|(_, p)| p.date.is_none_or(|d| d <= until))
                        .max_by_key(|(i, p)| (p.date, *i))
                        .map(|(_, p)| *p)
                });
            let progress = row.map(|r| r.state);
            let deadline = a.deadline.as_deref().and_then(parse_iso);
            let late = deadline.is_some_and(|d| d < until)
                && !matches!(progress, Some(State::Done | State::Cancelled));
            Some(ActivityResult {
                id: a.id.clone(),
                title: a.title.clone(),
                goal,
                owner_name: a
                    .owner
                    .as_deref()
                    .and_then(|o| bodies.get(o))
                    .map(|s| s.to_string()),
                owner: a.owner.clone(),
                shared_with: a
                    .shared_with
                    .iter()
                    .map(|id| BodyRef {
                        name: bodies.get(id.as_str()).map(|s| s.to_string()),
                        id: id.clone(),
                    })
                    .collect(),
                start: a.start.clone(),
                deadline: a.deadline.clone(),
                budget: a.budget.as_ref().map(|b| b.amount),
                currency: a.budget.as_ref().and_then(|b| b.currency.clone()),
                progress,
                progress_label: state_label(lang, progress).to_string(),
                progress_date: row.and_then(|r| r.date).map(iso),
                comment: row.and_then(|r| r.comment.clone()),
                late,
                source: row.map(|r| {
                    let file = sources.get(r.span.file);
                    DataLocation {
                        file: file.display_path(),
                        line: file.line_col(r.span.start).line,
                    }
                }),
            })
        })
        .collect()
}

/// The budget as the report writes it: "250 000 kr" (Swedish, Danish), "SEK 250,000" (English).
pub fn budget_text(lang: Lang, a: &ActivityResult) -> Option<String> {
    let amount = lang.num(a.budget? as f64);
    Some(match (lang, a.currency.as_deref()) {
        (Lang::En, Some(code)) => format!("{code} {amount}"),
        (Lang::Da, _) => format!("{amount} kr."),
        _ => format!("{amount} kr"),
    })
}

/// The facts of an activity after its state, in the report's language:
/// "påbörjad 2024-02-15", "slutdatum 2026-06-30", "budget 250 000 kr", "försenad: …".
pub fn details(lang: Lang, a: &ActivityResult) -> Vec<String> {
    let w = words(lang);
    let mut out = Vec::new();
    if let Some(date) = &a.progress_date {
        out.push(format!(
            "{} {date}",
            state_label(lang, a.progress).to_lowercase()
        ));
    }
    if let Some(start) = &a.start {
        out.push(format!("{} {start}", w.start));
    }
    if let Some(deadline) = &a.deadline {
        out.push(format!("{} {deadline}", w.deadline));
    }
    if let Some(budget) = budget_text(lang, a) {
        out.push(format!("{} {budget}", w.budget));
    }
    if a.late {
        out.push(w.late.to_string());
    }
    out
}
