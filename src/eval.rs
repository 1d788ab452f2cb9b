//! Evaluation: a policy's goals against measured data, for one report occasion and year.
//!
//! Measured goals go through their compiled rule ([`crate::ir::GoalOut::evaluation`]:
//! plain comparisons with direction, target and baseline already resolved), first match
//! wins. A missing value makes every value comparison *unknown* (three-valued logic), so
//! only a band whose condition holds through `missing` can match it; `otherwise` matches
//! present values only. A comparison with a benchmark the data does not give is unknown
//! too. A milestone for the report year replaces the target (`meets target` compares with
//! the milestone that year). Goals at an `assessed by` level get their status from their
//! children's statuses through the level's rollup, bottom-up; children that the report does
//! not follow up are left out of the count. A goal with neither a rule nor a rollup is
//! listed as not evaluated.
//!
//! Every status carries an explanation in the policy's language that names the numbers
//! that decided it ("gul: 64 ligger inom 10 % av länssnittet 70"). A band that `requires
//! motivation` without a motivation in the data is an error (P0707) naming the goal.

pub mod activities;

use crate::data::{self, Catalog, Dataset, LoadOptions, ValueKind};
use crate::diagnostic::{did_you_mean, suggestions, Code, Diagnostic, Severity};
use crate::interpret::{self, Decision, Tri};
use crate::ir::{
    BandOut, Compiled, Evaluable, GoalOut, IndicatorOut, RollupCondition, RuleCondition, RuleOut,
};
use crate::parallel::{par_map, par_map_owned};
use crate::sources::{FileLoader, SourceSet};
use crate::span::Span;
use crate::syntax::ast::{BenchmarkKind, CmpOp, Decl, Direction};
use crate::Analysis;
pub use activities::ActivityResult;
use rustc_hash::FxHashMap as HashMap;
use schemars::JsonSchema;
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The language of a policy's reports (`language sv|da|en`; Swedish when not given).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Sv,
    Da,
    En,
}

impl Lang {
    pub fn from_code(code: Option<&str>) -> Lang {
        match code {
            Some("da") => Lang::Da,
            Some("en") => Lang::En,
            _ => Lang::Sv,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Sv => "sv",
            Lang::Da => "da",
            Lang::En => "en",
        }
    }

    /// A number as people in this language write it: `84,5` in Swedish and Danish.
    pub fn num(self, value: f64) -> String {
        // At most four decimals, without trailing zeros (the shortest form of the rounded
        // number is exactly that, and much cheaper than formatting with a precision).
        let rounded = (value * 10_000.0).round() / 10_000.0;
        let mut text = if rounded.fract() == 0.0 && rounded.abs() < 1e15 {
            format!("{}", rounded as i64)
        } else {
            format!("{rounded}")
        };
        if self != Lang::En {
            if let Some(dot) = text.find('.') {
                text.replace_range(dot..dot + 1, ",");
            }
        }
        // Thousands grouped from five digits on, as each language writes them: 78 000
        // (a no-break space), 78.000, 78,000.
        let digits_start = usize::from(text.starts_with('-'));
        let int_end = text.find([',', '.']).unwrap_or(text.len());
        if int_end - digits_start >= 5 {
            let separator = match self {
                Lang::Sv => '\u{a0}',
                Lang::Da => '.',
                Lang::En => ',',
            };
            let mut grouped = String::with_capacity(text.len() + 4);
            grouped.push_str(&text[..digits_start]);
            let int = &text[digits_start..int_end];
            for (i, c) in int.chars().enumerate() {
                if i > 0 && (int.len() - i) % 3 == 0 {
                    grouped.push(separator);
                }
                grouped.push(c);
            }
            grouped.push_str(&text[int_end..]);
            text = grouped;
        }
        text
    }

    /// A percentage: `10 %` in Swedish and Danish, `10%` in English.
    pub fn pct(self, fraction: f64) -> String {
        let number = self.num((fraction * 1000.0).round() / 10.0);
        match self {
            Lang::En => format!("{number}%"),
            _ => format!("{number} %"),
        }
    }

    fn and(self) -> &'static str {
        match self {
            Lang::Sv => "och",
            Lang::Da => "og",
            Lang::En => "and",
        }
    }

    /// "a, b och c"
    pub fn list(self, items: &[String]) -> String {
        match items {
            [] => String::new(),
            [one] => one.clone(),
            [init @ .., last] => format!("{} {} {last}", init.join(", "), self.and()),
        }
    }
}

/// The compiled result of one evaluation: what every report format renders.
/// `pejl schema --report` prints its JSON Schema.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Evaluation {
    /// Always "pejl-report/2".
    pub format: String,
    pub policy: PolicyInfo,
    pub language: Lang,
    pub report: ReportInfo,
    /// The year evaluated.
    pub year: i32,
    /// Statuses, best first, with the labels and colours the reports use.
    pub scale: Vec<StatusInfo>,
    /// Chain levels, top first.
    pub levels: Vec<LevelInfo>,
    /// The level whose goals head the report's sections (goal areas), if any.
    pub area_level: Option<String>,
    /// The policy's indicators (goals name theirs by ID).
    pub indicators: Vec<IndicatorInfo>,
    pub summary: Summary,
    /// Every goal, in source order.
    pub goals: Vec<GoalResult>,
    /// The policy's activities, in source order, each under its goal (`goal`), with its
    /// progress on `activities_as_of`. Added in pejl-report/2 (absent when the policy has none).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub activities: Vec<ActivityResult>,
    /// The last day the report covers (ISO): the day the activities' progress is read for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub activities_as_of: Option<String>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct PolicyInfo {
    pub id: String,
    pub title: String,
    /// `version "1.1"`
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// The policy is a draft (`status draft`): not adopted, and every report says so.
    pub draft: bool,
    /// ISO date of adoption.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub adopted: Option<String>,
    /// The adopting body's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub adopted_by: Option<String>,
    /// The latest `revised` decision's ISO date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revised: Option<String>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ReportInfo {
    pub id: String,
    pub name: String,
    /// Which values count: forecasts (interim reports) or outcomes (annual reports).
    pub uses: ValueKind,
    /// The first recipient body's name.
    pub to: Option<String>,
    /// Every recipient's name, in order (`to KS, KF`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recipients: Vec<String>,
    /// When the report of the year evaluated is due, as an ISO date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due: Option<String>,
    /// For the report of one body (`--body`): its name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct StatusInfo {
    pub name: String,
    /// The label in the policy's language (the scale's labels if it declares a scale).
    pub label: String,
    /// green, yellow, red or grey: how the reports colour it.
    pub color: String,
    /// A symbol that tells the statuses apart without colour.
    pub symbol: String,
    pub not_assessable: bool,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct LevelInfo {
    pub name: String,
    pub title: String,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Summary {
    /// Goals per status, in scale order.
    pub statuses: Vec<StatusCount>,
    pub not_evaluated: usize,
    pub not_followed_up: usize,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct StatusCount {
    pub status: String,
    pub count: usize,
}

/// How a goal got (or did not get) its status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Assessment {
    /// Through its rule, from its indicator's value.
    Measured,
    /// Through its level's rollup, from its children's statuses.
    Rollup,
    /// Neither a rule nor a rollup applies.
    NotEvaluated,
    /// The report does not follow the goal up (its `follow-up` names other reports).
    NotFollowedUp,
}

/// Which number a goal's `target` was this year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TargetSource {
    Target,
    /// A milestone for the report year replaced the target.
    Milestone,
    /// `target benchmark`: the benchmark's value.
    Benchmark,
}

/// One goal's result. Fields that do not apply (no value, no indicator, no children) are
/// left out of the JSON; `status` is always there (`null`: not evaluated or not followed up).
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct GoalResult {
    pub id: String,
    pub title: String,
    pub level: String,
    pub level_title: String,
    /// The level's position in the chain (0 = top).
    pub depth: usize,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parents: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<String>,
    /// Goal IDs from the top of the chain down to this goal (first parents).
    pub path: Vec<String>,
    /// The goal area (section) this goal belongs to: a goal at the area level.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub area: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub owner_name: Option<String>,
    /// The other bodies that share the goal (`owner KS, KF`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub shared_with: Vec<BodyRef>,
    /// The number the council's decision gives the goal (`1.1`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// In the report of one body: a goal area shown as the heading of that body's goals, not
    /// one of them (not counted in the summary).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub context: bool,
    pub assessment: Assessment,
    /// The status's name in the scale; `null` when not evaluated or not followed up.
    pub status: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status_label: Option<String>,
    /// The index of the rule's or rollup's band that matched.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub band: Option<usize>,
    /// The band's wording for this report (`annual "Vi har nått målet"`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub wording: Option<String>,
    /// Why: the band and the numbers that made it match.
    pub explanation: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rollup: Option<String>,
    /// The measuring indicator's ID (see [`Evaluation::indicators`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub indicator: Option<String>,
    /// Its unit (percent, percent change, count, currency, named, …).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// What the reports write after the goal's numbers (`%`, `ton CO2e`, `kr per invånare`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit_label: Option<String>,
    /// The unit itself, for writing the numbers.
    #[serde(skip)]
    pub unit_spec: Option<crate::unit::Unit>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    /// The benchmark the goal was compared with: the kind the deciding band reads, else the
    /// indicator's first.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub benchmark: Option<f64>,
    /// Its kind (`county`, `national`, `peers`, `group`), when the indicator declares one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub benchmark_kind: Option<String>,
    /// What the reports write after the benchmark when the indicator declares several
    /// ("riksgenomsnittet"), so that a reader knows which one it is.
    #[serde(skip)]
    pub benchmark_label: Option<String>,
    /// The target in force this year (a milestone replaces the target in its year).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_source: Option<TargetSource>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_year: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub baseline: Option<f64>,
    /// Which values were read: outcomes or forecasts (`kind` before pejl-report/2).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value_kind: Option<ValueKind>,
    /// result, effect or activity (the goal's `kind`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub goal_kind: Option<String>,
    /// Who the goal is for (`target-group`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_group: Option<String>,
    /// The core values the goal serves, by name.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub values: Vec<String>,
    /// The written motivation from the data (required for some bands, such as grey).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub motivation: Option<String>,
    /// The owner's analysis from the data: the words around the number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub analysis: Option<String>,
    /// Where the value came from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<DataLocation>,
    /// For rollups: how many children had each status.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub child_statuses: BTreeMap<String, usize>,
    /// The values of the goal's `indicators` (shown for direction, not assessed).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indicator_values: Vec<IndicatorValue>,
    /// The measured goal's outcomes in earlier years (the baseline year on, oldest first):
    /// every goal is read against its own development over time.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<HistoryPoint>,
    /// This year's value against the latest earlier outcome, by the indicator's direction.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub trend: Option<Trend>,
}

/// One earlier outcome of a measured goal.
#[derive(Debug, Clone, Copy, Serialize, JsonSchema)]
pub struct HistoryPoint {
    pub year: i32,
    pub value: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub benchmark: Option<f64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Trend {
    /// Better than the latest earlier outcome.
    Improving,
    Worsening,
    Unchanged,
}

/// How many earlier years a report looks back at most.
const HISTORY_YEARS: i32 = 30;

/// The earlier outcomes of `indicator` before `year`, from `from` on, oldest first.
fn history(data: &Dataset, indicator: u32, from: i32, year: i32) -> Vec<HistoryPoint> {
    (from.max(year - HISTORY_YEARS)..year)
        .filter_map(|y| {
            let obs = data.get(indicator, y, ValueKind::Actual)?;
            Some(HistoryPoint {
                year: y,
                value: obs.value?,
                benchmark: obs.benchmark,
            })
        })
        .collect()
}

/// `value` against the latest earlier outcome, by the direction (1e-9 apart is unchanged).
fn trend(history: &[HistoryPoint], value: Option<f64>, direction: Direction) -> Option<Trend> {
    let (now, before) = (value?, history.last()?.value);
    let gain = match direction {
        Direction::Higher => now - before,
        Direction::Lower => before - now,
    };
    Some(if gain.abs() <= 1e-9 {
        Trend::Unchanged
    } else if gain > 0.0 {
        Trend::Improving
    } else {
        Trend::Worsening
    })
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct BodyRef {
    pub id: String,
    pub name: Option<String>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct IndicatorInfo {
    pub id: String,
    pub title: String,
    pub unit: Option<String>,
    pub direction: Option<Direction>,
    pub benchmark: Option<String>,
    pub benchmark_description: Option<String>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct IndicatorValue {
    pub id: String,
    pub title: String,
    pub value: Option<f64>,
    pub benchmark: Option<f64>,
    /// The indicator's unit, for writing the numbers.
    #[serde(skip)]
    pub unit_spec: Option<crate::unit::Unit>,
}

#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct DataLocation {
    pub file: String,
    pub line: usize,
}

/// The result of [`evaluate`]: the evaluation, and the errors that keep it from being
/// published (P0707).
pub struct Outcome {
    pub evaluation: Evaluation,
    pub diagnostics: Vec<Diagnostic>,
}

/// What [`evaluate`] reads.
pub struct Input<'a> {
    pub analysis: &'a Analysis,
    pub compiled: &'a Compiled,
    pub catalog: &'a Catalog,
    pub data: &'a Dataset,
    /// The policy's files and the data files (for locations).
    pub sources: &'a SourceSet,
}

/// Evaluates every goal for `report` (a report ID) and `year`. `Err` when the policy has no
/// such report (a usage error, with *did you mean*).
pub fn evaluate(input: &Input, year: i32, report: &str) -> Result<Outcome, String> {
    evaluate_with(input, year, report, true)
}

/// [`evaluate`] for an example (`pejl test`): the data may have no value at all of the report's
/// kind for the year (a test that gives only missing values); the year must still be in the
/// policy's period.
pub fn evaluate_example(input: &Input, year: i32, report: &str) -> Result<Outcome, String> {
    evaluate_with(input, year, report, false)
}

fn evaluate_with(
    input: &Input,
    year: i32,
    report: &str,
    data_for_year: bool,
) -> Result<Outcome, String> {
    let judged = judge(input, year, report, data_for_year)?;
    let parts = input.compiled.goals.iter().map(GoalParts::cloned).collect();
    Ok(assemble(
        judged,
        input.compiled,
        input.catalog,
        input.data,
        parts,
    ))
}

/// The statuses, before they are dressed as [`GoalResult`]s.
struct Judged {
    results: Vec<Option<Partial>>,
    diagnostics: Vec<Diagnostic>,
    scale: Vec<StatusInfo>,
    lang: Lang,
    kind: ValueKind,
    year: i32,
    report: ReportInfo,
    area_level: Option<String>,
    /// Per goal: the ID of its goal area.
    areas: Vec<Option<String>>,
    activities: Vec<ActivityResult>,
    activities_as_of: Option<String>,
}

/// What a [`GoalResult`] takes from the compiled goal: cloned by [`evaluate`], taken by
/// [`run`] (which has no further use for the compiled goals).
struct GoalParts {
    id: String,
    title: String,
    level: String,
    parents: Vec<String>,
    children: Vec<String>,
    path: Vec<String>,
    owner: Option<String>,
    shared_with: Vec<String>,
    number: Option<String>,
    kind: Option<String>,
    target_group: Option<String>,
    values: Vec<String>,
    rule: Option<String>,
    assessed_by: Option<String>,
    measure: Option<String>,
    target_year: Option<i32>,
    baseline: Option<f64>,
    baseline_year: Option<i32>,
    indicators: Vec<String>,
}

impl GoalParts {
    fn cloned(g: &GoalOut) -> GoalParts {
        GoalParts {
            id: g.id.clone(),
            title: g.title.clone(),
            level: g.level.clone(),
            parents: g.parents.clone(),
            children: g.children.clone(),
            path: g.path.clone(),
            owner: g.owner.clone(),
            shared_with: g.shared_with.clone(),
            number: g.number.clone(),
            kind: g.kind.clone(),
            target_group: g.target_group.clone(),
            values: g.values.clone(),
            rule: g.rule.clone(),
            assessed_by: g.assessed_by.clone(),
            measure: g.measure.clone(),
            target_year: g.target.as_ref().and_then(|t| t.year),
            baseline: g.baseline.as_ref().map(|b| b.value),
            baseline_year: g.baseline.as_ref().and_then(|b| b.year),
            indicators: g.indicators.clone(),
        }
    }

    /// Takes the texts out of a compiled goal, leaving empty ones (the rest of the goal is
    /// not dropped here: freeing a large policy's rules per goal is the caller's affair).
    fn taken(g: &mut GoalOut) -> GoalParts {
        use std::mem::take;
        GoalParts {
            id: take(&mut g.id),
            title: take(&mut g.title),
            level: take(&mut g.level),
            parents: take(&mut g.parents),
            children: take(&mut g.children),
            path: take(&mut g.path),
            owner: g.owner.take(),
            shared_with: take(&mut g.shared_with),
            number: g.number.take(),
            kind: g.kind.take(),
            target_group: g.target_group.take(),
            values: take(&mut g.values),
            rule: g.rule.take(),
            assessed_by: g.assessed_by.take(),
            measure: g.measure.take(),
            target_year: g.target.as_ref().and_then(|t| t.year),
            baseline: g.baseline.as_ref().map(|b| b.value),
            baseline_year: g.baseline.as_ref().and_then(|b| b.year),
            indicators: take(&mut g.indicators),
        }
    }
}

/// `data_for_year`: refuse data without a value of the report's kind for the year (a report
/// for a year nobody measured is a slip of the command line; a test need not give a value).
fn judge(input: &Input, year: i32, report: &str, data_for_year: bool) -> Result<Judged, String> {
    let report = &*crate::syntax::text::nfc(report);
    let compiled = input.compiled;
    check_report(compiled, report)?;
    let Some(report_out) = compiled.reports.iter().find(|r| r.id == report) else {
        return Err(format!("the policy has no report `{report}`"));
    };
    let lang = Lang::from_code(compiled.policy.as_ref().and_then(|p| p.language.as_deref()));
    let scale_declared = input
        .analysis
        .files
        .iter()
        .any(|f| f.decls.iter().any(|d| matches!(d, Decl::Scale(_))));
    let scale = status_infos(compiled, lang, scale_declared);
    let kind = match report_out.uses.as_deref() {
        Some("forecast") => ValueKind::Forecast,
        _ => ValueKind::Actual,
    };
    check_year(compiled, input.data, year, kind, data_for_year)?;
    let mut ev = Evaluator {
        input,
        lang,
        year,
        report: report_out.id.as_str(),
        report_name: report_out.name.as_str(),
        kind,
        scale: &scale,
        rules: compiled.rules.iter().map(|r| (r.id.as_str(), r)).collect(),
        rollups: compiled
            .rollups
            .iter()
            .map(|r| (r.id.as_str(), &r.bands))
            .collect(),
        goal_index: compiled
            .goals
            .iter()
            .enumerate()
            .map(|(i, g)| (g.id.as_str(), i))
            .collect(),
        results: vec![None; compiled.goals.len()],
        state: vec![0; compiled.goals.len()],
        diagnostics: Vec::new(),
        goal_spans: std::sync::OnceLock::new(),
        file_names: std::sync::OnceLock::new(),
        lower_labels: scale
            .iter()
            .map(|s| {
                let mut chars = s.label.chars();
                match chars.next() {
                    Some(first) => first.to_lowercase().chain(chars).collect(),
                    None => String::new(),
                }
            })
            .collect(),
    };
    // Measured goals depend on nothing but the data: evaluate them on all cores first.
    let measured: Vec<usize> = (0..compiled.goals.len())
        .filter(|&i| {
            let g = &compiled.goals[i];
            g.assessed_by.is_none() && g.evaluation.is_some() && ev.followed_up(g)
        })
        .collect();
    let shared = &ev;
    let done = par_map(&measured, |&i| {
        let g = &compiled.goals[i];
        let bands = g.evaluation.as_deref().unwrap_or_default();
        shared.measured_goal(i, g, bands)
    });
    for (&i, (partial, problem)) in measured.iter().zip(done) {
        ev.results[i] = Some(partial);
        ev.state[i] = 2;
        ev.diagnostics.extend(problem);
    }
    // Then the rest (rollups bottom-up), in order.
    for i in 0..compiled.goals.len() {
        ev.goal(i);
    }
    ev.diagnostics
        .extend(groups_of_another_year(input, year, &measured));
    // Diagnostics in goal order, whichever thread found them.
    ev.diagnostics.sort_by_key(|d| (d.span.file, d.span.start));
    let Evaluator {
        results,
        diagnostics,
        ..
    } = ev;
    let area_level = area_level(compiled);
    let goal_level: HashMap<&str, &str> = compiled
        .goals
        .iter()
        .map(|g| (g.id.as_str(), g.level.as_str()))
        .collect();
    let areas = compiled
        .goals
        .iter()
        .map(|g| {
            let al = area_level.as_deref()?;
            g.path
                .iter()
                .find(|p| goal_level.get(p.as_str()) == Some(&al))
                .cloned()
        })
        .collect();
    let bodies: HashMap<&str, &str> = compiled
        .bodies
        .iter()
        .map(|b| (b.id.as_str(), b.name.as_str()))
        .collect();
    let until = activities::as_of(compiled, &report_out.id, year);
    let activity_results = activities::evaluate(
        compiled,
        input.catalog,
        input.data,
        input.sources,
        lang,
        until,
    );
    Ok(Judged {
        activities_as_of: (!activity_results.is_empty())
            .then(|| format!("{:04}-{:02}-{:02}", until.0, until.1, until.2)),
        activities: activity_results,
        results,
        diagnostics,
        scale,
        lang,
        kind,
        year,
        report: ReportInfo {
            id: report_out.id.clone(),
            name: report_out.name.clone(),
            uses: kind,
            to: report_out
                .to
                .as_deref()
                .map(|b| bodies.get(b).map_or(b, |n| *n).to_string()),
            recipients: report_out
                .recipients
                .iter()
                .map(|b| {
                    bodies
                        .get(b.as_str())
                        .map_or(b.as_str(), |n| *n)
                        .to_string()
                })
                .collect(),
            due: report_out.due.as_deref().map(|due| {
                // "MM-DD" is in the year reported on, or the next with `due … next year`.
                if due.len() == 5 {
                    let year = year + i32::from(report_out.due_next_year);
                    format!("{year:04}-{due}")
                } else {
                    due.to_string()
                }
            }),
            body: None,
        },
        area_level,
        areas,
    })
}

/// P0709 (a warning): the goals evaluated (`measured`, indices of compiled goals) compare with a
/// group benchmark whose description ends with a year other than the report's. Kolada defines its
/// groups of municipalities anew each year ("Liknande kommuner ekonomi, 2024", `G37329`), so a
/// group of one year is not the comparison the report's year should have. A group is a benchmark
/// of kind `group` or one whose Kolada ID is a group's (`G…`). One warning per declaration.
fn groups_of_another_year(input: &Input, year: i32, measured: &[usize]) -> Vec<Diagnostic> {
    let compiled = input.compiled;
    // (indicator, benchmark) of each stale group a rule compares with, in declaration order.
    let mut stale: std::collections::BTreeSet<(usize, usize)> = Default::default();
    for &g in measured {
        let goal = &compiled.goals[g];
        let Some(ind) = goal
            .measure
            .as_deref()
            .and_then(|m| input.catalog.indicator(m))
        else {
            continue;
        };
        let indicator = &compiled.indicators[ind as usize];
        let stale_here: Vec<usize> = indicator
            .benchmarks
            .iter()
            .enumerate()
            .filter(|(_, b)| {
                let group = b.kind == BenchmarkKind::Group.as_str()
                    || b.kolada
                        .as_deref()
                        .is_some_and(|k| k.trim().starts_with('G'));
                group
                    && b.description
                        .as_deref()
                        .and_then(described_year)
                        .is_some_and(|y| y != year)
            })
            .map(|(i, _)| i)
            .collect();
        if stale_here.is_empty() {
            continue;
        }
        let mut kinds = Vec::new();
        for band in goal.evaluation.iter().flatten() {
            if let Some(when) = &band.when {
                compared_benchmarks(when, &mut kinds);
            }
        }
        for i in stale_here {
            let kind = indicator.benchmarks[i].kind.as_str();
            let compared = kinds.iter().any(|k| match k {
                Some(k) => *k == kind,
                None => i == 0,
            });
            if compared {
                stale.insert((ind as usize, i));
            }
        }
    }
    if stale.is_empty() {
        return Vec::new();
    }
    let model = input.analysis.model();
    stale
        .into_iter()
        .filter_map(|(ind, i)| {
            let decl = model.indicators.get(ind)?.benchmarks.get(i)?;
            let description = decl.description.as_ref()?;
            let defined = described_year(&description.value)?;
            let kolada = decl.kolada.as_ref().map(|k| k.value.trim());
            let id = &compiled.indicators[ind].id;
            let help = match kolada {
                Some(k) => crate::text!(
                    "data-stale-group.help-kolada",
                    kolada = k,
                    defined = defined,
                    year = year
                ),
                None => crate::text!("data-stale-group.help", defined = defined, year = year),
            };
            Some(
                Diagnostic::new(
                    Code::P0709,
                    description.span,
                    crate::text!(
                        "data-stale-group",
                        id = id,
                        group = &description.value,
                        defined = defined,
                        year = year
                    ),
                )
                .primary(crate::text!("data-stale-group.primary", defined = defined))
                .help(help),
            )
        })
        .collect()
}

/// The year at the end of a benchmark's description ("Liknande kommuner ekonomi, 2024",
/// "Sammenlignelige kommuner (2023)"): four digits, not part of a longer number.
fn described_year(description: &str) -> Option<i32> {
    let t =
        description.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ')' | ']' | '.'));
    let start = t.len().checked_sub(4)?;
    let (head, digits) = (t.get(..start)?, t.get(start..)?);
    if head.ends_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    data::parse_year(digits).filter(|y| (1990..=2099).contains(y))
}

/// The benchmarks a compiled condition compares with: the kind it names, or `None` for the
/// indicator's first benchmark.
fn compared_benchmarks<'e>(e: &'e Evaluable, out: &mut Vec<Option<&'e str>>) {
    match e {
        Evaluable::And(items) | Evaluable::Or(items) => {
            for item in items {
                compared_benchmarks(item, out);
            }
        }
        Evaluable::Not(inner) => compared_benchmarks(inner, out),
        Evaluable::Missing => {}
        Evaluable::Compare {
            benchmark_factor,
            benchmark,
            ..
        } => {
            if benchmark_factor.is_some() {
                out.push(benchmark.as_deref());
            }
        }
    }
}

/// Dresses the statuses as [`GoalResult`]s; `parts` has one entry per compiled goal.
fn assemble(
    judged: Judged,
    compiled: &Compiled,
    catalog: &Catalog,
    data: &Dataset,
    parts: Vec<GoalParts>,
) -> Outcome {
    let Judged {
        results,
        diagnostics,
        scale,
        lang,
        kind,
        year,
        report,
        area_level,
        areas,
        activities,
        activities_as_of,
    } = judged;
    let levels: Vec<LevelInfo> = compiled
        .levels
        .iter()
        .map(|l| LevelInfo {
            name: l.name.clone(),
            title: l.title.clone(),
        })
        .collect();
    let bodies: HashMap<&str, &str> = compiled
        .bodies
        .iter()
        .map(|b| (b.id.as_str(), b.name.as_str()))
        .collect();
    let level_index: HashMap<&str, usize> = compiled
        .levels
        .iter()
        .enumerate()
        .map(|(i, l)| (l.name.as_str(), i))
        .collect();
    let triples: Vec<_> = parts.into_iter().zip(results).zip(areas).collect();
    let goals: Vec<GoalResult> = par_map_owned(triples, |((g, r), area)| {
        let r = r.unwrap_or_else(|| Partial::plain(Assessment::NotEvaluated, String::new()));
        let depth = level_index.get(g.level.as_str()).copied().unwrap_or(0);
        let indicator = r
            .indicator
            .or_else(|| g.measure.as_deref().and_then(|m| catalog.indicator(m)))
            .and_then(|i| compiled.indicators.get(i as usize));
        let unit = indicator.and_then(|i| i.unit.clone());
        let unit_spec = indicator.and_then(IndicatorOut::unit);
        // Measured goals: their development over the years before this one.
        let past = match (r.assessment, r.indicator) {
            (Assessment::Measured, Some(ind)) => {
                let from = g.baseline_year.unwrap_or(year - HISTORY_YEARS).min(
                    compiled
                        .policy
                        .as_ref()
                        .and_then(|p| p.period.as_ref())
                        .map_or(year, |p| p.from),
                );
                history(data, ind, from, year)
            }
            _ => Vec::new(),
        };
        let direction = indicator
            .and_then(|i| i.direction)
            .unwrap_or(Direction::Higher);
        GoalResult {
            level_title: compiled
                .levels
                .get(depth)
                .filter(|l| l.name == g.level)
                .map_or_else(|| g.level.clone(), |l| l.title.clone()),
            id: g.id,
            title: g.title,
            level: g.level,
            depth,
            parents: g.parents,
            children: g.children,
            path: g.path,
            area,
            owner_name: g
                .owner
                .as_deref()
                .and_then(|o| bodies.get(o))
                .map(|s| s.to_string()),
            owner: g.owner,
            shared_with: g
                .shared_with
                .into_iter()
                .map(|id| BodyRef {
                    name: bodies.get(id.as_str()).map(|s| s.to_string()),
                    id,
                })
                .collect(),
            number: g.number,
            context: false,
            assessment: r.assessment,
            status_label: r
                .status
                .as_deref()
                .and_then(|s| scale.iter().find(|x| x.name == s))
                .map(|s| s.label.clone()),
            status: r.status,
            band: r.band,
            wording: r.wording,
            explanation: r.explanation,
            rule: if r.assessment == Assessment::Measured {
                g.rule
            } else {
                None
            },
            rollup: g.assessed_by,
            indicator: g.measure,
            unit,
            unit_label: unit_spec.as_ref().and_then(|u| u.suffix(lang)),
            unit_spec,
            value: r.value,
            benchmark: r.benchmark,
            benchmark_kind: r.benchmark_kind.map(str::to_string),
            benchmark_label: r.benchmark_label.map(str::to_string),
            target: r.target,
            target_source: r.target_source,
            target_year: g.target_year,
            baseline: g.baseline,
            value_kind: r.kind,
            goal_kind: g.kind,
            target_group: g.target_group,
            values: g
                .values
                .into_iter()
                .map(|v| {
                    compiled
                        .values
                        .iter()
                        .find(|x| x.id == v)
                        .map_or(v, |x| x.name.clone())
                })
                .collect(),
            motivation: r.motivation,
            analysis: r.analysis,
            source: r.source,
            child_statuses: r.child_statuses,
            indicator_values: g
                .indicators
                .into_iter()
                .filter_map(|id| {
                    let ind = catalog.indicator(&id)?;
                    let obs = data.get(ind, year, kind);
                    let out = compiled.indicators.get(ind as usize);
                    Some(IndicatorValue {
                        id,
                        title: out.map_or_else(String::new, |i| i.title.clone()),
                        value: obs.and_then(|o| o.value),
                        benchmark: obs.and_then(|o| o.benchmark),
                        unit_spec: out.and_then(IndicatorOut::unit),
                    })
                })
                .collect(),
            trend: trend(&past, r.value, direction),
            history: past,
        }
    });
    let summary = summarise(&scale, &goals);
    let evaluation = Evaluation {
        format: "pejl-report/2".into(),
        policy: PolicyInfo {
            id: compiled
                .policy
                .as_ref()
                .map_or_else(String::new, |p| p.id.clone()),
            title: compiled
                .policy
                .as_ref()
                .map_or_else(String::new, |p| p.title.clone()),
            version: compiled.policy.as_ref().and_then(|p| p.version.clone()),
            draft: compiled
                .policy
                .as_ref()
                .is_some_and(|p| p.status.as_deref() == Some("draft")),
            adopted: compiled.policy.as_ref().and_then(|p| p.adopted.clone()),
            adopted_by: compiled
                .policy
                .as_ref()
                .and_then(|p| p.adopted_by.as_deref())
                .map(|b| {
                    compiled
                        .bodies
                        .iter()
                        .find(|x| x.id == b)
                        .map_or(b, |x| x.name.as_str())
                        .to_string()
                }),
            revised: compiled
                .policy
                .as_ref()
                .and_then(|p| p.revisions.iter().map(|r| r.date.clone()).max()),
        },
        language: lang,
        report,
        year,
        scale,
        levels,
        area_level,
        indicators: compiled.indicators.iter().map(indicator_info).collect(),
        summary,
        goals,
        activities,
        activities_as_of,
    };
    Outcome {
        evaluation,
        diagnostics,
    }
}

/// Goals per status, and how many have none of their own.
fn summarise(scale: &[StatusInfo], goals: &[GoalResult]) -> Summary {
    let counted = |g: &&GoalResult| !g.context;
    Summary {
        statuses: scale
            .iter()
            .map(|s| StatusCount {
                status: s.name.clone(),
                count: goals
                    .iter()
                    .filter(counted)
                    .filter(|g| g.status.as_deref() == Some(&s.name))
                    .count(),
            })
            .collect(),
        not_evaluated: goals
            .iter()
            .filter(counted)
            .filter(|g| g.assessment == Assessment::NotEvaluated)
            .count(),
        not_followed_up: goals
            .iter()
            .filter(counted)
            .filter(|g| g.assessment == Assessment::NotFollowedUp)
            .count(),
    }
}

impl Evaluation {
    /// The report of one body (`pejl report --body BUN`): the goals it owns or shares, under
    /// their goal areas (kept as headings, marked `context` and not counted in the summary).
    pub fn for_body(&mut self, body: &str, name: Option<String>) {
        let ours = |g: &GoalResult| {
            g.owner.as_deref() == Some(body) || g.shared_with.iter().any(|b| b.id == body)
        };
        // The goals of the body's own activities stand as headings of them, as goal areas do.
        let ours_activity = |a: &ActivityResult| {
            a.owner.as_deref() == Some(body) || a.shared_with.iter().any(|b| b.id == body)
        };
        let activity_goals: std::collections::HashSet<String> = self
            .activities
            .iter()
            .filter(|a| ours_activity(a))
            .map(|a| a.goal.clone())
            .collect();
        let areas: std::collections::HashSet<String> = self
            .goals
            .iter()
            .filter(|g| ours(g) || activity_goals.contains(&g.id))
            .filter_map(|g| g.area.clone())
            .collect();
        self.goals.retain_mut(|g| {
            if ours(g) {
                true
            } else if areas.contains(&g.id) || activity_goals.contains(&g.id) {
                g.context = true;
                true
            } else {
                false
            }
        });
        let kept: std::collections::HashSet<&str> = self
            .goals
            .iter()
            .filter(|g| !g.context)
            .map(|g| g.id.as_str())
            .collect();
        self.activities
            .retain(|a| kept.contains(a.goal.as_str()) || ours_activity(a));
        self.summary = summarise(&self.scale, &self.goals);
        self.report.body = Some(name.unwrap_or_else(|| body.to_string()));
    }
}

/// `Err` with a *did you mean* message when the policy has no report `report`.
pub fn check_report(compiled: &Compiled, report: &str) -> Result<(), String> {
    // A report ID given on the command line is compared as the policy's names are.
    let report = &*crate::syntax::text::nfc(report);
    if compiled.reports.iter().any(|r| r.id == report) {
        return Ok(());
    }
    let names: Vec<&str> = compiled.reports.iter().map(|r| r.id.as_str()).collect();
    let close = suggestions(report, names.iter().copied());
    let known = if names.is_empty() {
        "it declares no reports".to_string()
    } else {
        format!("its reports are {}", names.join(", "))
    };
    Err(match did_you_mean(&close) {
        Some(d) => format!("the policy has no report `{report}`: {d} ({known})"),
        None => format!("the policy has no report `{report}`: {known}"),
    })
}

/// A year outside the policy's period, or one the data has no values of the report's kind
/// for, is a mistake in the command line: say so once instead of reporting every goal.
fn check_year(
    compiled: &Compiled,
    data: &Dataset,
    year: i32,
    kind: ValueKind,
    data_for_year: bool,
) -> Result<(), String> {
    if let Some(period) = compiled.policy.as_ref().and_then(|p| p.period.as_ref()) {
        if year < period.from || year > period.to {
            return Err(format!(
                "{year} is outside the policy's period {}..{}",
                period.from, period.to
            ));
        }
    }
    if !data_for_year
        || data
            .observations
            .iter()
            .any(|o| o.year == year && o.kind == kind)
    {
        return Ok(());
    }
    let years: std::collections::BTreeSet<i32> = data
        .observations
        .iter()
        .filter(|o| o.kind == kind)
        .map(|o| o.year)
        .collect();
    let kind = kind.as_str();
    Err(match (years.first(), years.last()) {
        (Some(first), Some(last)) if first == last => {
            format!("the data has no {kind} values for {year}, only for {first}")
        }
        (Some(first), Some(last)) => {
            format!("the data has no {kind} values for {year}, only for {first}–{last}")
        }
        _ => format!("the data has no {kind} values at all (the report uses {kind} values)"),
    })
}

/// Everything `pejl report` does before rendering: analyse the policy, read the data,
/// evaluate. `Err` is a usage error (no such report); policy and data problems are
/// diagnostics in the result, and `evaluation` is `None` when there are errors.
pub struct Run {
    /// The policy's files followed by the data files.
    pub sources: SourceSet,
    pub diagnostics: Vec<Diagnostic>,
    pub evaluation: Option<Evaluation>,
    /// How long each phase took (analyse, compile, read data, evaluate), for benchmarks.
    pub timings: Vec<(&'static str, std::time::Duration)>,
    /// The analysis, compiled policy and data the evaluation was made from. Kept so that
    /// dropping them is the caller's choice (a CLI about to exit may skip freeing them).
    pub inputs: Option<Box<Inputs>>,
}

/// What [`run`] evaluated: kept in [`Run::inputs`].
pub struct Inputs {
    pub analysis: Analysis,
    /// The compiled policy; its goals' IDs, titles and links were moved into the evaluation.
    pub compiled: Compiled,
    pub catalog: Catalog,
    pub data: Dataset,
}

impl Run {
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }
}

pub fn run(
    policy: &Path,
    data_files: &[PathBuf],
    options: &LoadOptions,
    year: i32,
    report: &str,
    loader: &dyn FileLoader,
) -> Result<Run, String> {
    let mut timings = Vec::new();
    let mut clock = std::time::Instant::now();
    let mut lap = |name: &'static str, timings: &mut Vec<_>| {
        let now = std::time::Instant::now();
        timings.push((name, now - clock));
        clock = now;
    };
    let analysis = crate::analyze(policy, loader);
    lap("analyse", &mut timings);
    if analysis.has_errors() {
        let diagnostics = analysis
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .cloned()
            .collect();
        return Ok(Run {
            sources: analysis.sources,
            diagnostics,
            evaluation: None,
            timings,
            inputs: None,
        });
    }
    let mut compiled = crate::ir::compile(&analysis);
    check_report(&compiled, report)?;
    let catalog = Catalog::new(&compiled);
    lap("compile", &mut timings);
    let mut sources = analysis.sources.clone();
    let (dataset, mut diagnostics) =
        data::load(data_files, &catalog, options, loader, &mut sources);
    lap("read data", &mut timings);
    if diagnostics.iter().any(|d| d.severity == Severity::Error) {
        return Ok(Run {
            sources,
            diagnostics,
            evaluation: None,
            timings,
            inputs: None,
        });
    }
    let input = Input {
        analysis: &analysis,
        compiled: &compiled,
        catalog: &catalog,
        data: &dataset,
        sources: &sources,
    };
    let judged = judge(&input, year, report, true)?;
    // The compiled goals are not needed any more: move their texts into the results
    // instead of copying them (a large policy has millions).
    let parts = compiled.goals.iter_mut().map(GoalParts::taken).collect();
    let outcome = assemble(judged, &compiled, &catalog, &dataset, parts);
    lap("evaluate", &mut timings);
    diagnostics.extend(outcome.diagnostics);
    let failed = diagnostics.iter().any(|d| d.severity == Severity::Error);
    Ok(Run {
        sources,
        diagnostics,
        evaluation: (!failed).then_some(outcome.evaluation),
        timings,
        inputs: Some(Box::new(Inputs {
            analysis,
            compiled,
            catalog,
            data: dataset,
        })),
    })
}

fn indicator_info(i: &IndicatorOut) -> IndicatorInfo {
    IndicatorInfo {
        id: i.id.clone(),
        title: i.title.clone(),
        unit: i.unit.clone(),
        direction: i.direction,
        benchmark: i.benchmark.clone(),
        benchmark_description: i.benchmark_description.clone(),
    }
}

/// The level whose goals head the report's sections: the first level with more than one
/// goal (so a single vision at the top is not a section of its own).
fn area_level(compiled: &Compiled) -> Option<String> {
    let mut counts: HashMap<&str, usize> = HashMap::default();
    for g in &compiled.goals {
        *counts.entry(g.level.as_str()).or_default() += 1;
    }
    compiled
        .levels
        .iter()
        .find(|l| counts.get(l.name.as_str()).copied().unwrap_or(0) > 1)
        .or_else(|| compiled.levels.first())
        .map(|l| l.name.clone())
}

/// The scale with labels, colours and symbols for the reports.
pub fn status_infos(compiled: &Compiled, lang: Lang, scale_declared: bool) -> Vec<StatusInfo> {
    let assessable: Vec<&str> = compiled
        .scale
        .iter()
        .filter(|s| !s.not_assessable)
        .map(|s| s.name.as_str())
        .collect();
    compiled
        .scale
        .iter()
        .map(|s| {
            let color = match s.name.as_str() {
                "green" | "yellow" | "red" | "grey" => s.name.clone(),
                _ if s.not_assessable => "grey".into(),
                name => {
                    let rank = assessable.iter().position(|a| *a == name).unwrap_or(0);
                    if rank == 0 {
                        "green".into()
                    } else if rank + 1 == assessable.len() {
                        "red".into()
                    } else {
                        "yellow".into()
                    }
                }
            };
            let label = if scale_declared {
                s.label.clone()
            } else {
                colour_word(lang, &s.name).map_or_else(|| s.label.clone(), str::to_string)
            };
            let symbol = match color.as_str() {
                "green" => "✓",
                "yellow" => "!",
                "red" => "✗",
                _ => "?",
            };
            StatusInfo {
                name: s.name.clone(),
                label,
                symbol: symbol.into(),
                color,
                not_assessable: s.not_assessable,
            }
        })
        .collect()
}

fn colour_word(lang: Lang, name: &str) -> Option<&'static str> {
    let words = match lang {
        Lang::Sv => ["Grön", "Gul", "Röd", "Grå"],
        Lang::Da => ["Grøn", "Gul", "Rød", "Grå"],
        Lang::En => ["Green", "Yellow", "Red", "Grey"],
    };
    let i = ["green", "yellow", "red", "grey"]
        .iter()
        .position(|n| *n == name)?;
    Some(words[i])
}

/// A goal's result before it is dressed for output.
#[derive(Debug, Clone)]
struct Partial {
    assessment: Assessment,
    /// The measuring indicator's index in the catalog.
    indicator: Option<u32>,
    status: Option<String>,
    band: Option<usize>,
    wording: Option<String>,
    explanation: String,
    value: Option<f64>,
    benchmark: Option<f64>,
    benchmark_kind: Option<&'static str>,
    benchmark_label: Option<&'static str>,
    target: Option<f64>,
    target_source: Option<TargetSource>,
    kind: Option<ValueKind>,
    motivation: Option<String>,
    analysis: Option<String>,
    source: Option<DataLocation>,
    child_statuses: BTreeMap<String, usize>,
}

impl Partial {
    fn plain(assessment: Assessment, explanation: String) -> Self {
        Partial {
            assessment,
            indicator: None,
            status: None,
            band: None,
            wording: None,
            explanation,
            value: None,
            benchmark: None,
            benchmark_kind: None,
            benchmark_label: None,
            target: None,
            target_source: None,
            kind: None,
            motivation: None,
            analysis: None,
            source: None,
            child_statuses: BTreeMap::new(),
        }
    }
}

/// The numbers one measured goal is judged by.
struct Facts<'a> {
    value: Option<f64>,
    benchmark: Option<f64>,
    /// (milestone value) when a milestone applies this year.
    milestone: Option<f64>,
    target: Option<f64>,
    target_is_benchmark: bool,
    baseline: Option<f64>,
    direction: Direction,
    benchmark_kind: Option<&'a str>,
    /// The benchmarks by kind, as the interpreter reads them.
    benchmarks: Vec<(&'a str, Option<f64>)>,
}

impl Facts<'_> {
    fn interpreted(&self) -> interpret::Facts<'_> {
        interpret::Facts {
            value: self.value,
            milestone: self.milestone,
            benchmarks: &self.benchmarks,
        }
    }
}

struct Evaluator<'a> {
    input: &'a Input<'a>,
    lang: Lang,
    year: i32,
    report: &'a str,
    report_name: &'a str,
    kind: ValueKind,
    scale: &'a [StatusInfo],
    rules: HashMap<&'a str, &'a RuleOut>,
    rollups: HashMap<&'a str, &'a Vec<BandOut<RollupCondition>>>,
    goal_index: HashMap<&'a str, usize>,
    results: Vec<Option<Partial>>,
    /// 0 not started, 1 in progress, 2 done (cycles cannot occur in a checked policy).
    state: Vec<u8>,
    diagnostics: Vec<Diagnostic>,
    /// The goals' headers in the policy, for errors (built on first use).
    goal_spans: std::sync::OnceLock<Vec<Span>>,
    file_names: std::sync::OnceLock<Vec<String>>,
    /// The scale's labels with a lower-case first letter, in scale order.
    lower_labels: Vec<String>,
}

impl<'a> Evaluator<'a> {
    fn file_name(&self, file: crate::span::FileId) -> String {
        let names = self.file_names.get_or_init(|| {
            self.input
                .sources
                .files
                .iter()
                .map(|f| f.display_path())
                .collect()
        });
        names[file.0 as usize].clone()
    }

    fn goal_span(&self, i: usize) -> Span {
        self.goal_spans.get_or_init(|| {
            let model = self.input.analysis.model();
            model.goals.iter().map(|g| g.header).collect()
        })[i]
    }

    fn label(&self, status: &str) -> String {
        self.scale
            .iter()
            .find(|s| s.name == status)
            .map_or_else(|| status.to_string(), |s| s.label.clone())
    }

    /// "gul" for the start of an explanation.
    fn lower_label(&self, status: &str) -> String {
        match self.scale.iter().position(|s| s.name == status) {
            Some(i) => self.lower_labels[i].clone(),
            None => status.to_string(),
        }
    }

    fn not_assessable(&self) -> Option<&'a StatusInfo> {
        self.scale.iter().find(|s| s.not_assessable)
    }

    /// Whether the goal is followed up in this report: it is named in the goal's (or its
    /// level's) follow-up. A goal with none is followed up nowhere (P0602 warns of it); for a
    /// goal assessed by a rollup, see `rollup_goal`.
    fn followed_up(&self, goal: &GoalOut) -> bool {
        goal.follow_up.iter().any(|r| r == self.report)
    }

    fn goal(&mut self, i: usize) {
        if self.state[i] != 0 {
            return;
        }
        self.state[i] = 1;
        let goal = &self.input.compiled.goals[i];
        let result = if let Some(rollup) = goal.assessed_by.as_deref() {
            self.rollup_goal(i, goal, rollup)
        } else if let Some(bands) = &goal.evaluation {
            if self.followed_up(goal) {
                let (partial, problem) = self.measured_goal(i, goal, bands);
                self.diagnostics.extend(problem);
                partial
            } else {
                Partial::plain(
                    Assessment::NotFollowedUp,
                    self.words().not_followed_up(self.report_name),
                )
            }
        } else {
            Partial::plain(Assessment::NotEvaluated, self.words().not_evaluated())
        };
        self.results[i] = Some(result);
        self.state[i] = 2;
    }

    fn words(&self) -> Words {
        Words { lang: self.lang }
    }

    fn measured_goal(
        &self,
        i: usize,
        goal: &GoalOut,
        bands: &[BandOut<Evaluable>],
    ) -> (Partial, Option<Diagnostic>) {
        let mut problem = None;
        let w = self.words();
        let lang = self.lang;
        let input = self.input;
        let ind_index = goal
            .measure
            .as_deref()
            .and_then(|m| input.catalog.indicator(m));
        let indicator = ind_index.and_then(|i| input.compiled.indicators.get(i as usize));
        let obs = ind_index.and_then(|ind| input.data.get(ind, self.year, self.kind));
        let mut benchmark = obs.and_then(|o| o.benchmark);
        // A forecast is compared with the year's known benchmarks, if the forecast row has none.
        let forecast_fallback = if self.kind == ValueKind::Forecast {
            ind_index.and_then(|ind| input.data.get(ind, self.year, ValueKind::Actual))
        } else {
            None
        };
        if benchmark.is_none() {
            benchmark = forecast_fallback.and_then(|o| o.benchmark);
        }
        let milestone = goal
            .milestones
            .iter()
            .find(|m| m.year == Some(self.year))
            .map(|m| m.value);
        let target = goal.target.as_ref();
        let facts = Facts {
            value: obs.and_then(|o| o.value),
            benchmark,
            milestone,
            target: target.and_then(|t| t.value),
            target_is_benchmark: target.is_some_and(|t| t.benchmark),
            baseline: goal.baseline.as_ref().map(|b| b.value),
            direction: indicator
                .and_then(|i| i.direction)
                .unwrap_or(Direction::Higher),
            benchmark_kind: indicator.and_then(|i| i.benchmark.as_deref()),
            benchmarks: benchmarks_by_kind(indicator, obs, benchmark, forecast_fallback),
        };
        let rule = goal
            .rule
            .as_deref()
            .and_then(|r| self.rules.get(r).copied());
        let rule_cond = |b: usize| {
            rule.and_then(|r| r.bands.get(b))
                .and_then(|b| b.when.as_ref())
        };
        let decision = interpret::decide(bands, &facts.interpreted());
        let matched = match decision {
            Decision::Band(b) => Some(b),
            _ => None,
        };
        let (target_value, target_source) = match (facts.milestone, facts.target_is_benchmark) {
            (Some(m), _) => (Some(m), Some(TargetSource::Milestone)),
            (None, true) => {
                // `target benchmark national`: that kind's value, else the default benchmark.
                let named = target
                    .and_then(|t| t.benchmark_kind.as_deref())
                    .map(|kind| {
                        facts
                            .benchmarks
                            .iter()
                            .find(|(k, _)| *k == kind)
                            .and_then(|(_, v)| *v)
                    });
                (
                    named.unwrap_or(facts.benchmark),
                    Some(TargetSource::Benchmark),
                )
            }
            (None, false) => (facts.target, facts.target.map(|_| TargetSource::Target)),
        };
        // The benchmark the reports show: the one the deciding band compares with.
        let compared = match decision {
            Decision::Band(b) | Decision::Undecided(b) => bands
                .get(b)
                .and_then(|band| band.when.as_ref())
                .and_then(compared_benchmark),
            _ => None,
        };
        let shown_kind = compared
            .flatten()
            .and_then(BenchmarkKind::parse)
            .or_else(|| facts.benchmark_kind.and_then(BenchmarkKind::parse))
            .map(BenchmarkKind::as_str);
        let shown_benchmark = match shown_kind {
            Some(kind) if facts.benchmarks.len() > 1 => facts
                .benchmarks
                .iter()
                .find(|(k, _)| *k == kind)
                .and_then(|(_, v)| *v),
            _ => facts.benchmark,
        };
        let mut partial = Partial {
            assessment: Assessment::Measured,
            indicator: ind_index,
            status: None,
            band: matched,
            wording: None,
            explanation: String::new(),
            value: facts.value,
            benchmark: shown_benchmark,
            benchmark_kind: shown_kind,
            benchmark_label: shown_kind
                .filter(|_| facts.benchmarks.len() > 1)
                .map(|k| w.benchmark_noun(Some(k))),
            target: target_value,
            target_source,
            kind: Some(self.kind),
            motivation: None,
            analysis: None,
            source: obs.map(|o| {
                let file = input.sources.get(o.span.file);
                DataLocation {
                    file: self.file_name(o.span.file),
                    line: file.lines().line_of(o.span.start) + 1,
                }
            }),
            child_statuses: BTreeMap::new(),
        };
        // The catalog numbers goals as the compiled policy does.
        let note = input.data.note(i as u32, self.year, self.kind);
        partial.motivation = note
            .and_then(|n| n.motivation.clone())
            .or_else(|| obs.and_then(|o| o.motivation.clone()));
        partial.analysis = note
            .and_then(|n| n.analysis.clone())
            .or_else(|| obs.and_then(|o| o.analysis.clone()));
        let ctx = Ctx {
            facts: &facts,
            lang,
            year: self.year,
        };
        match matched {
            Some(b) => {
                let band = &bands[b];
                partial.status = Some(band.status.clone());
                partial.wording = band.labels.get(self.report).cloned();
                let mut reasons = Vec::new();
                let mut notes = Vec::new();
                match &band.when {
                    Some(cond) => {
                        explain_rule(cond, rule_cond(b), &ctx, true, &mut reasons, &mut notes)
                    }
                    None => {
                        // otherwise: why every earlier band did not match.
                        for (e, earlier) in bands[..b].iter().enumerate() {
                            if let Some(cond) = &earlier.when {
                                explain_rule(
                                    cond,
                                    rule_cond(e),
                                    &ctx,
                                    false,
                                    &mut reasons,
                                    &mut notes,
                                );
                            }
                        }
                    }
                }
                let label = self.lower_label(&band.status);
                partial.explanation = match facts.value {
                    Some(v) => w.measured(&label, &lang.num(v), &dedup(reasons), &dedup(notes)),
                    None => w.missing(&label, self.year, self.kind, false),
                };
                if band.requires_motivation && partial.motivation.is_none() {
                    let span = note
                        .map(|n| n.span)
                        .or_else(|| obs.map(|o| o.span))
                        .unwrap_or_else(|| self.goal_span(i));
                    problem = Some(self.no_motivation(goal, &band.status, span, obs));
                }
            }
            None => {
                let fallback = self.not_assessable();
                partial.status = fallback.map(|s| s.name.clone());
                let label = fallback.map_or_else(String::new, |s| self.lower_label(&s.name));
                partial.explanation = match (decision, facts.value) {
                    (Decision::Undecided(b), Some(v)) => {
                        // Not assessable: what the band needed is missing. The rule's own band
                        // for that status (`grey when missing requires motivation`) says
                        // whether a written reason is required, and its wording applies.
                        let mut reasons = Vec::new();
                        let mut notes = Vec::new();
                        if let Some(cond) = &bands[b].when {
                            explain_rule(cond, rule_cond(b), &ctx, false, &mut reasons, &mut notes);
                        }
                        let own = fallback
                            .and_then(|s| bands.iter().position(|band| band.status == s.name));
                        if let Some(g) = own {
                            partial.band = Some(g);
                            partial.wording = bands[g].labels.get(self.report).cloned();
                            if bands[g].requires_motivation && partial.motivation.is_none() {
                                let span = note
                                    .map(|n| n.span)
                                    .or_else(|| obs.map(|o| o.span))
                                    .unwrap_or_else(|| self.goal_span(i));
                                problem =
                                    Some(self.no_motivation(goal, &bands[g].status, span, obs));
                            }
                        }
                        w.undecided(&label, &lang.num(v), &dedup(notes))
                    }
                    (_, None) => w.missing(&label, self.year, self.kind, true),
                    (_, Some(v)) => {
                        let mut reasons = Vec::new();
                        let mut notes = Vec::new();
                        for (e, band) in bands.iter().enumerate() {
                            if let Some(cond) = &band.when {
                                explain_rule(
                                    cond,
                                    rule_cond(e),
                                    &ctx,
                                    false,
                                    &mut reasons,
                                    &mut notes,
                                );
                            }
                        }
                        w.no_band(&label, &lang.num(v), &dedup(notes))
                    }
                };
            }
        }
        (partial, problem)
    }

    fn no_motivation(
        &self,
        goal: &GoalOut,
        status: &str,
        span: Span,
        obs: Option<&data::Observation>,
    ) -> Diagnostic {
        let has_row = obs.is_some();
        let ind = goal.measure.as_deref().unwrap_or("INDICATOR");
        // The suggested rows follow the user's data file: its separator and columns, and
        // the row's own fields (its benchmark, for one); the placeholder is in the
        // policy's language.
        let placeholder = match (obs.is_some_and(|o| o.value.is_some()), self.lang) {
            (false, Lang::Sv) => "Skäl till att värdet saknas",
            (false, Lang::Da) => "Begrundelse for at værdien mangler",
            (false, Lang::En) => "Why no value can be given",
            (true, Lang::Sv) => "Skäl till statusen",
            (true, Lang::Da) => "Begrundelse for status",
            (true, Lang::En) => "Why the goal has this status",
        };
        let (dataset, sources) = (self.input.data, self.input.sources);
        let row = data::csv::motivation_row(
            dataset,
            sources,
            obs.map(|o| o.span),
            ind,
            self.year,
            self.kind,
            placeholder,
        );
        let goal_row =
            data::csv::motivation_row(dataset, sources, None, &goal.id, self.year, self.kind, "…");
        let mut d = Diagnostic::new(
            Code::P0707,
            span,
            crate::text!(
                "data-no-motivation",
                goal = &goal.id,
                status = status,
                label = self.label(status),
                report = self.report_name,
                year = self.year,
                by = "rule"
            ),
        )
        .primary(if has_row {
            crate::text!("data-no-motivation.primary-row")
        } else {
            crate::text!("data-no-motivation.primary")
        })
        .help(crate::text!(
            "data-no-motivation.help",
            row = &row.row,
            adds = if row.adds_column { "yes" } else { "no" },
            goal_row = &goal_row.row
        ));
        if has_row {
            d = d.label(
                self.goal_span(self.goal_index[goal.id.as_str()]),
                crate::text!("data-no-motivation.label"),
            );
        }
        d
    }

    fn rollup_goal(&mut self, i: usize, goal: &GoalOut, rollup: &str) -> Partial {
        let w = self.words();
        let children: Vec<usize> = goal
            .children
            .iter()
            .filter_map(|c| self.goal_index.get(c.as_str()).copied())
            .collect();
        let mut statuses: Vec<String> = Vec::new();
        let mut any_not_followed = false;
        for &c in &children {
            if self.state[c] == 1 {
                continue; // a cycle: checked policies have none
            }
            self.goal(c);
            if let Some(r) = &self.results[c] {
                match &r.status {
                    Some(s) => statuses.push(s.clone()),
                    None => any_not_followed |= r.assessment == Assessment::NotFollowedUp,
                }
            }
        }
        if !goal.follow_up.is_empty() && !self.followed_up(goal) {
            return Partial::plain(
                Assessment::NotFollowedUp,
                w.not_followed_up(self.report_name),
            );
        }
        if statuses.is_empty() {
            return if any_not_followed {
                Partial::plain(
                    Assessment::NotFollowedUp,
                    w.no_children_assessed(self.report_name),
                )
            } else {
                Partial::plain(
                    Assessment::NotEvaluated,
                    w.no_children_assessed(self.report_name),
                )
            };
        }
        let mut tally: BTreeMap<String, usize> = BTreeMap::new();
        for s in &statuses {
            *tally.entry(s.clone()).or_default() += 1;
        }
        let total = statuses.len();
        let Some(bands) = self.rollups.get(rollup).copied() else {
            return Partial::plain(Assessment::NotEvaluated, w.not_evaluated());
        };
        let count = |s: &str| tally.get(s).copied().unwrap_or(0);
        let matched = interpret::decide_rollup(
            bands,
            &Counted {
                count: &count,
                total,
            },
        );
        let mut partial = Partial::plain(Assessment::Rollup, String::new());
        partial.child_statuses = tally.clone();
        partial.kind = Some(self.kind);
        let input = self.input;
        let note = input.data.note(i as u32, self.year, self.kind);
        partial.motivation = note.and_then(|n| n.motivation.clone());
        partial.analysis = note.and_then(|n| n.analysis.clone());
        let labels: HashMap<String, String> = self
            .scale
            .iter()
            .map(|s| (s.name.clone(), self.lower_label(&s.name)))
            .collect();
        let rctx = RollupCtx {
            count: &count,
            total,
            labels: &labels,
            lang: self.lang,
        };
        match matched {
            Some(b) => {
                let band = &bands[b];
                partial.status = Some(band.status.clone());
                partial.band = Some(b);
                partial.wording = band.labels.get(self.report).cloned();
                let mut reasons = Vec::new();
                match &band.when {
                    Some(c) => explain_rollup(c, &rctx, true, &mut reasons),
                    None => {
                        for earlier in &bands[..b] {
                            if let Some(c) = &earlier.when {
                                explain_rollup(c, &rctx, false, &mut reasons);
                            }
                        }
                    }
                }
                let tally_text = self.tally_text(&tally);
                partial.explanation = w.rollup(
                    &self.lower_label(&band.status),
                    &tally_text,
                    &dedup(reasons),
                );
                if band.requires_motivation && partial.motivation.is_none() {
                    let d = Diagnostic::new(
                        Code::P0707,
                        self.goal_span(i),
                        crate::text!(
                            "data-no-motivation",
                            goal = &goal.id,
                            status = &band.status,
                            label = self.label(&band.status),
                            report = self.report_name,
                            year = self.year,
                            by = "rollup"
                        ),
                    )
                    .primary(crate::text!("data-no-motivation.primary"))
                    .help({
                        let placeholder = match self.lang {
                            Lang::Sv => "Skäl till statusen",
                            Lang::Da => "Begrundelse for status",
                            Lang::En => "Why the goal has this status",
                        };
                        let row = data::csv::motivation_row(
                            self.input.data,
                            self.input.sources,
                            None,
                            &goal.id,
                            self.year,
                            self.kind,
                            placeholder,
                        );
                        crate::text!("data-no-motivation.help-rollup", row = &row.row)
                    });
                    self.diagnostics.push(d);
                }
            }
            None => {
                let fallback = self.not_assessable();
                partial.status = fallback.map(|s| s.name.clone());
                let label = fallback.map_or_else(String::new, |s| self.lower_label(&s.name));
                partial.explanation = w.rollup(&label, &self.tally_text(&tally), &[]);
            }
        }
        partial
    }

    /// "1 grön och 1 gul" in scale order.
    fn tally_text(&self, tally: &BTreeMap<String, usize>) -> String {
        let parts: Vec<String> = self
            .scale
            .iter()
            .filter_map(|s| {
                tally
                    .get(&s.name)
                    .map(|n| format!("{n} {}", self.lower_label(&s.name)))
            })
            .collect();
        self.lang.list(&parts)
    }
}

/// Each benchmark the indicator declares, the default first, with its value for the year: a
/// value the data names by kind, else (for the default) the data's plain benchmark.
/// The benchmark the first benchmark comparison of a condition reads: `Some(Some(kind))` when
/// it names one, `Some(None)` for the indicator's first.
fn compared_benchmark(e: &Evaluable) -> Option<Option<&str>> {
    match e {
        Evaluable::And(items) | Evaluable::Or(items) => items.iter().find_map(compared_benchmark),
        Evaluable::Not(inner) => compared_benchmark(inner),
        Evaluable::Missing => None,
        Evaluable::Compare {
            benchmark_factor: Some(_),
            benchmark,
            ..
        } => Some(benchmark.as_deref()),
        Evaluable::Compare { .. } => None,
    }
}

fn benchmarks_by_kind<'a>(
    indicator: Option<&'a IndicatorOut>,
    obs: Option<&data::Observation>,
    default: Option<f64>,
    fallback: Option<&data::Observation>,
) -> Vec<(&'a str, Option<f64>)> {
    let named = |o: Option<&data::Observation>, kind: &str| {
        o.and_then(|o| o.benchmarks.iter().find(|(k, _)| k == kind))
            .and_then(|(_, v)| *v)
    };
    let Some(indicator) = indicator.filter(|i| !i.benchmarks.is_empty()) else {
        return vec![("", default)];
    };
    indicator
        .benchmarks
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let kind = b.kind.as_str();
            let value = named(obs, kind)
                .or_else(|| named(fallback, kind))
                .or(if i == 0 { default } else { None });
            (kind, value)
        })
        .collect()
}

fn dedup(items: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(items.len());
    for item in items {
        if !out.contains(&item) {
            out.push(item);
        }
    }
    out
}

/// The reference a comparison uses, as (number, what it is).
#[derive(Debug, Clone, Copy, PartialEq)]
enum RefKind {
    Target,
    Milestone,
    Baseline,
    /// The benchmark compared with: the kind the rule names, else the indicator's first.
    Benchmark(Option<&'static str>),
    Number,
}

/// The threshold of a compiled comparison for this goal and year (`None` when the number it
/// needs, a benchmark, is missing), and what kind of number it is, for explanations.
fn threshold(e: &Evaluable, r: Option<&RuleCondition>, f: &Facts) -> (Option<f64>, RefKind) {
    let Evaluable::Compare { target_factor, .. } = e else {
        return (None, RefKind::Number);
    };
    let value = interpret::threshold(e, &f.interpreted());
    if target_factor.is_some() && f.milestone.is_some() {
        return (value, RefKind::Milestone);
    }
    let reference = match r {
        Some(RuleCondition::Relative { reference, .. }) => reference.as_str(),
        _ => "number",
    };
    let named = match e {
        Evaluable::Compare {
            benchmark: Some(k), ..
        } => BenchmarkKind::parse(k),
        _ => None,
    };
    let benchmark = named
        .or_else(|| f.benchmark_kind.and_then(BenchmarkKind::parse))
        .map(BenchmarkKind::as_str);
    let kind = match reference {
        "target" if f.target_is_benchmark => RefKind::Benchmark(benchmark),
        "target" => RefKind::Target,
        "baseline" => RefKind::Baseline,
        "benchmark" => RefKind::Benchmark(benchmark),
        _ => RefKind::Number,
    };
    (value, kind)
}

fn child(r: Option<&RuleCondition>, i: usize) -> Option<&RuleCondition> {
    match r {
        Some(RuleCondition::And(items) | RuleCondition::Or(items)) => items.get(i),
        _ => None,
    }
}

fn eval_rule(e: &Evaluable, f: &Facts) -> Tri {
    interpret::eval(e, &f.interpreted())
}

struct Ctx<'a> {
    facts: &'a Facts<'a>,
    lang: Lang,
    year: i32,
}

/// Collects the phrases that make `e` come out as `want` (for `true`: why the band matched;
/// for `false`: why it did not). Comparisons whose reference is missing add a note.
fn explain_rule(
    e: &Evaluable,
    r: Option<&RuleCondition>,
    ctx: &Ctx,
    want: bool,
    out: &mut Vec<String>,
    notes: &mut Vec<String>,
) {
    let f = ctx.facts;
    let result = eval_rule(e, f);
    match e {
        Evaluable::Missing => {}
        Evaluable::Compare { op, .. } => {
            let (t, kind) = threshold(e, r, f);
            let w = Words { lang: ctx.lang };
            match (result, t) {
                (Tri::Unknown, _) | (_, None) if f.value.is_some() => {
                    notes.push(w.reference_missing(kind, ctx.year));
                }
                (Tri::Unknown, _) | (_, None) => {}
                (res, Some(_)) if (res == Tri::True) == want => {
                    out.push(w.predicate(r, *op, kind, f, res == Tri::True, ctx.year));
                }
                _ => {}
            }
        }
        Evaluable::Not(inner) => {
            let r = match r {
                Some(RuleCondition::Not(x)) => Some(&**x),
                _ => None,
            };
            explain_rule(inner, r, ctx, !want, out, notes);
        }
        Evaluable::And(items) | Evaluable::Or(items) => {
            let is_and = matches!(e, Evaluable::And(_));
            // And-true and or-false need every part; and-false and or-true need one.
            let all = is_and == want;
            if all {
                for (i, item) in items.iter().enumerate() {
                    explain_rule(item, child(r, i), ctx, want, out, notes);
                }
            } else {
                let decisive = if want { Tri::True } else { Tri::False };
                match items
                    .iter()
                    .enumerate()
                    .find(|(_, item)| eval_rule(item, f) == decisive)
                {
                    Some((i, item)) => explain_rule(item, child(r, i), ctx, want, out, notes),
                    None => {
                        for (i, item) in items.iter().enumerate() {
                            explain_rule(item, child(r, i), ctx, want, out, notes);
                        }
                    }
                }
            }
        }
    }
}

/// Child statuses counted, as the interpreter reads them.
struct Counted<'a> {
    count: &'a dyn Fn(&str) -> usize,
    total: usize,
}

impl interpret::Tally for Counted<'_> {
    fn count(&self, status: &str) -> usize {
        (self.count)(status)
    }
    fn total(&self) -> usize {
        self.total
    }
}

fn eval_rollup(c: &RollupCondition, count: &dyn Fn(&str) -> usize, total: usize) -> bool {
    interpret::eval_rollup(c, &Counted { count, total })
}

struct RollupCtx<'a> {
    count: &'a dyn Fn(&str) -> usize,
    total: usize,
    labels: &'a HashMap<String, String>,
    lang: Lang,
}

fn explain_rollup(c: &RollupCondition, ctx: &RollupCtx, want: bool, out: &mut Vec<String>) {
    let result = eval_rollup(c, ctx.count, ctx.total);
    match c {
        RollupCondition::Not(inner) => explain_rollup(inner, ctx, !want, out),
        RollupCondition::And(items) | RollupCondition::Or(items) => {
            let is_and = matches!(c, RollupCondition::And(_));
            if is_and == want {
                for item in items {
                    explain_rollup(item, ctx, want, out);
                }
            } else if let Some(item) = items
                .iter()
                .find(|i| eval_rollup(i, ctx.count, ctx.total) == want)
            {
                explain_rollup(item, ctx, want, out);
            }
        }
        RollupCondition::Count { status, op, number } => {
            if result == want {
                let label = ctx
                    .labels
                    .get(status)
                    .cloned()
                    .unwrap_or_else(|| status.clone());
                out.push(Words { lang: ctx.lang }.count(
                    &label,
                    (ctx.count)(status),
                    ctx.total,
                    *op,
                    *number,
                    result,
                ));
            }
        }
        RollupCondition::Share {
            status,
            op,
            fraction,
        } => {
            if result == want {
                let label = ctx
                    .labels
                    .get(status)
                    .cloned()
                    .unwrap_or_else(|| status.clone());
                out.push(Words { lang: ctx.lang }.share(
                    &label,
                    (ctx.count)(status),
                    ctx.total,
                    *op,
                    *fraction,
                    result,
                ));
            }
        }
    }
}

/// The explanations' wording per language.
struct Words {
    lang: Lang,
}

fn op_symbol(op: CmpOp, holds: bool) -> &'static str {
    let op = if holds {
        op
    } else {
        match op {
            CmpOp::Ge => CmpOp::Lt,
            CmpOp::Gt => CmpOp::Le,
            CmpOp::Le => CmpOp::Gt,
            CmpOp::Lt => CmpOp::Ge,
            CmpOp::Eq => CmpOp::Ne,
            CmpOp::Ne => CmpOp::Eq,
        }
    };
    match op {
        CmpOp::Ge => "≥",
        CmpOp::Gt => ">",
        CmpOp::Le => "≤",
        CmpOp::Lt => "<",
        CmpOp::Eq => "=",
        CmpOp::Ne => "≠",
    }
}

impl Words {
    fn benchmark_noun(&self, kind: Option<&str>) -> &'static str {
        match (self.lang, kind) {
            (Lang::Sv, Some("county")) => "länssnittet",
            (Lang::Sv, Some("national")) => "riksgenomsnittet",
            (Lang::Sv, Some("peers")) => "jämförelsegruppen",
            (Lang::Sv, Some("group")) => "liknande kommuner",
            (Lang::Sv, _) => "jämförelsevärdet",
            (Lang::Da, Some("county")) => "regionsgennemsnittet",
            (Lang::Da, Some("national")) => "landsgennemsnittet",
            (Lang::Da, Some("peers")) => "sammenligningsgruppen",
            (Lang::Da, Some("group")) => "sammenlignelige kommuner",
            (Lang::Da, _) => "sammenligningsværdien",
            (Lang::En, Some("county")) => "the county average",
            (Lang::En, Some("national")) => "the national average",
            (Lang::En, Some("peers")) => "the peer group",
            (Lang::En, Some("group")) => "similar municipalities",
            (Lang::En, _) => "the benchmark",
        }
    }

    /// "målvärdet 75", "delmålet 71 för 2024", "länssnittet 70".
    fn reference(&self, kind: RefKind, number: f64, year: i32) -> String {
        let n = self.lang.num(number);
        match (self.lang, kind) {
            (Lang::Sv, RefKind::Target) => format!("målvärdet {n}"),
            (Lang::Da, RefKind::Target) => format!("målværdien {n}"),
            (Lang::En, RefKind::Target) => format!("the target {n}"),
            (Lang::Sv, RefKind::Milestone) => format!("delmålet {n} för {year}"),
            (Lang::Da, RefKind::Milestone) => format!("delmålet {n} for {year}"),
            (Lang::En, RefKind::Milestone) => format!("the milestone {n} for {year}"),
            (Lang::Sv, RefKind::Baseline) => format!("utgångsvärdet {n}"),
            (Lang::Da, RefKind::Baseline) => format!("udgangspunktet {n}"),
            (Lang::En, RefKind::Baseline) => format!("the baseline {n}"),
            (_, RefKind::Benchmark(kind)) => format!("{} {n}", self.benchmark_noun(kind)),
            (_, RefKind::Number) => n,
        }
    }

    fn predicate(
        &self,
        r: Option<&RuleCondition>,
        op: CmpOp,
        kind: RefKind,
        f: &Facts,
        holds: bool,
        year: i32,
    ) -> String {
        let lang = self.lang;
        let (relation, within, points) = match r {
            Some(RuleCondition::Relative {
                relation,
                within,
                points,
                ..
            }) => (relation.as_str(), *within, *points),
            _ => ("value", None, None),
        };
        // The reference's own number (before a `within` factor).
        let base = match kind {
            RefKind::Milestone => f.milestone,
            RefKind::Target => f.target,
            RefKind::Baseline => f.baseline,
            RefKind::Benchmark(kind) => f.interpreted().benchmark(kind),
            RefKind::Number => match r {
                Some(RuleCondition::Relative { number, .. }) => *number,
                Some(RuleCondition::Value { number, .. }) => Some(*number),
                _ => None,
            },
        };
        let reference = self.reference(kind, base.unwrap_or(0.0), year);
        match (relation, lang, holds) {
            ("meets", Lang::Sv, true) => format!("når {reference}"),
            ("meets", Lang::Sv, false) => format!("når inte {reference}"),
            ("meets", Lang::Da, true) => format!("når {reference}"),
            ("meets", Lang::Da, false) => format!("når ikke {reference}"),
            ("meets", Lang::En, true) => format!("meets {reference}"),
            ("meets", Lang::En, false) => format!("does not meet {reference}"),
            ("within", _, _) => {
                // `within 5 points of`: procentenheter / procentpoint / percentage points.
                let p = match (points, lang) {
                    (Some(n), Lang::Sv) => format!("{} procentenheter", lang.num(n)),
                    (Some(n), Lang::Da) => format!("{} procentpoint", lang.num(n)),
                    (Some(n), Lang::En) => format!("{} percentage points", lang.num(n)),
                    (None, _) => lang.pct(within.unwrap_or(0.0)),
                };
                let higher = f.direction == Direction::Higher;
                match (lang, holds) {
                    (Lang::Sv, true) => format!("ligger inom {p} av {reference}"),
                    (Lang::Sv, false) => format!(
                        "ligger mer än {p} {} {reference}",
                        if higher { "under" } else { "över" }
                    ),
                    (Lang::Da, true) => format!("ligger inden for {p} af {reference}"),
                    (Lang::Da, false) => format!(
                        "ligger mere end {p} {} {reference}",
                        if higher { "under" } else { "over" }
                    ),
                    (Lang::En, true) => format!("is within {p} of {reference}"),
                    (Lang::En, false) => format!(
                        "is more than {p} {} {reference}",
                        if higher { "below" } else { "above" }
                    ),
                }
            }
            ("better_than", Lang::Sv, true) => format!("är bättre än {reference}"),
            ("better_than", Lang::Sv, false) => format!("är inte bättre än {reference}"),
            ("better_than", Lang::Da, true) => format!("er bedre end {reference}"),
            ("better_than", Lang::Da, false) => format!("er ikke bedre end {reference}"),
            ("better_than", Lang::En, true) => format!("is better than {reference}"),
            ("better_than", Lang::En, false) => format!("is not better than {reference}"),
            ("worse_than", Lang::Sv, true) => format!("är sämre än {reference}"),
            ("worse_than", Lang::Sv, false) => format!("är inte sämre än {reference}"),
            ("worse_than", Lang::Da, true) => format!("er dårligere end {reference}"),
            ("worse_than", Lang::Da, false) => format!("er ikke dårligere end {reference}"),
            ("worse_than", Lang::En, true) => format!("is worse than {reference}"),
            ("worse_than", Lang::En, false) => format!("is not worse than {reference}"),
            (_, _, _) => {
                let verb = match lang {
                    Lang::Sv => "är",
                    Lang::Da => "er",
                    Lang::En => "is",
                };
                format!("{verb} {} {reference}", op_symbol(op, holds))
            }
        }
    }

    fn reference_missing(&self, kind: RefKind, year: i32) -> String {
        let noun = match (self.lang, kind) {
            (Lang::Sv, RefKind::Target | RefKind::Milestone) => "målvärdet",
            (Lang::Da, RefKind::Target | RefKind::Milestone) => "målværdien",
            (Lang::En, RefKind::Target | RefKind::Milestone) => "the target",
            (Lang::Sv, RefKind::Baseline) => "utgångsvärdet",
            (Lang::Da, RefKind::Baseline) => "udgangspunktet",
            (Lang::En, RefKind::Baseline) => "the baseline",
            (_, RefKind::Benchmark(benchmark)) => self.benchmark_noun(benchmark),
            _ => self.benchmark_noun(None),
        };
        match self.lang {
            Lang::Sv => format!("{noun} saknas för {year}"),
            Lang::Da => format!("{noun} mangler for {year}"),
            Lang::En => format!("{noun} is missing for {year}"),
        }
    }

    /// "gul: 64 ligger inom 10 % av länssnittet 70"
    fn measured(&self, label: &str, value: &str, reasons: &[String], notes: &[String]) -> String {
        let mut text = format!("{label}: {value}");
        if !reasons.is_empty() {
            text.push(' ');
            text.push_str(&self.lang.list(reasons));
        }
        if !notes.is_empty() {
            text.push_str(&format!(" ({})", notes.join("; ")));
        }
        text
    }

    fn missing(&self, label: &str, year: i32, kind: ValueKind, no_band: bool) -> String {
        let what = match (self.lang, kind) {
            (Lang::Sv, ValueKind::Actual) => format!("utfall saknas för {year}"),
            (Lang::Sv, ValueKind::Forecast) => format!("prognos saknas för {year}"),
            (Lang::Da, ValueKind::Actual) => format!("resultat mangler for {year}"),
            (Lang::Da, ValueKind::Forecast) => format!("prognose mangler for {year}"),
            (Lang::En, ValueKind::Actual) => format!("no actual value for {year}"),
            (Lang::En, ValueKind::Forecast) => format!("no forecast for {year}"),
        };
        let rest = if no_band {
            match self.lang {
                Lang::Sv => " (regeln har inget band för saknade värden)",
                Lang::Da => " (reglen har intet bånd for manglende værdier)",
                Lang::En => " (the rule has no band for missing values)",
            }
        } else {
            ""
        };
        format!("{label}: {what}{rest}")
    }

    /// "grå: 64 kan inte bedömas (länssnittet saknas för 2024)"
    fn undecided(&self, label: &str, value: &str, notes: &[String]) -> String {
        let text = match self.lang {
            Lang::Sv => format!("{label}: {value} kan inte bedömas"),
            Lang::Da => format!("{label}: {value} kan ikke vurderes"),
            Lang::En => format!("{label}: {value} cannot be assessed"),
        };
        if notes.is_empty() {
            text
        } else {
            format!("{text} ({})", notes.join("; "))
        }
    }

    fn no_band(&self, label: &str, value: &str, notes: &[String]) -> String {
        let text = match self.lang {
            Lang::Sv => format!("{label}: ingen del av regeln gäller för {value}"),
            Lang::Da => format!("{label}: ingen del af reglen gælder for {value}"),
            Lang::En => format!("{label}: no band of the rule applies to {value}"),
        };
        if notes.is_empty() {
            text
        } else {
            format!("{text} ({})", notes.join("; "))
        }
    }

    fn rollup(&self, label: &str, tally: &str, reasons: &[String]) -> String {
        let counted = match self.lang {
            Lang::Sv => format!("delmålen är {tally}"),
            Lang::Da => format!("delmålene er {tally}"),
            Lang::En => format!("sub-goals: {tally}"),
        };
        if reasons.is_empty() {
            format!("{label}: {counted}")
        } else {
            format!("{label}: {counted}; {}", self.lang.list(reasons))
        }
    }

    fn share(
        &self,
        label: &str,
        k: usize,
        n: usize,
        op: CmpOp,
        fraction: f64,
        holds: bool,
    ) -> String {
        let lang = self.lang;
        if op == CmpOp::Eq && (fraction - 1.0).abs() < 1e-9 {
            return match (lang, holds) {
                (Lang::Sv, true) => format!("alla delmål är {label} ({k} av {n})"),
                (Lang::Sv, false) => format!("inte alla delmål är {label} ({k} av {n})"),
                (Lang::Da, true) => format!("alle delmål er {label} ({k} af {n})"),
                (Lang::Da, false) => format!("ikke alle delmål er {label} ({k} af {n})"),
                (Lang::En, true) => format!("all sub-goals are {label} ({k} of {n})"),
                (Lang::En, false) => format!("not all sub-goals are {label} ({k} of {n})"),
            };
        }
        let share = if n == 0 { 0.0 } else { k as f64 / n as f64 };
        let of = match lang {
            Lang::Sv => "av",
            Lang::Da => "af",
            Lang::En => "of",
        };
        let word = match lang {
            Lang::Sv | Lang::Da => "andel",
            Lang::En => "share",
        };
        format!(
            "{word} {label} {} ({k} {of} {n}) {} {}",
            lang.pct(share),
            op_symbol(op, holds),
            lang.pct(fraction)
        )
    }

    fn count(
        &self,
        label: &str,
        k: usize,
        n: usize,
        op: CmpOp,
        number: f64,
        holds: bool,
    ) -> String {
        let lang = self.lang;
        let any = op == CmpOp::Ge && (number - 1.0).abs() < 1e-9;
        let none = op == CmpOp::Eq && number.abs() < 1e-9;
        if (any && holds) || (none && !holds) {
            return match lang {
                Lang::Sv => format!("{k} av {n} delmål är {label}"),
                Lang::Da => format!("{k} af {n} delmål er {label}"),
                Lang::En => format!("{k} of {n} sub-goals are {label}"),
            };
        }
        if (any && !holds) || (none && holds) {
            return match lang {
                Lang::Sv => format!("inget delmål är {label}"),
                Lang::Da => format!("intet delmål er {label}"),
                Lang::En => format!("no sub-goal is {label}"),
            };
        }
        let word = match lang {
            Lang::Sv | Lang::Da => "antal",
            Lang::En => "number",
        };
        format!(
            "{word} {label} {k} {} {}",
            op_symbol(op, holds),
            lang.num(number)
        )
    }

    fn not_evaluated(&self) -> String {
        match self.lang {
            Lang::Sv => "ingen egen status: målet mäts inte och vägs inte samman av sina delmål".into(),
            Lang::Da => "ingen egen status: målet måles ikke og vejes ikke sammen af sine delmål".into(),
            Lang::En => "no status of its own: the goal is not measured and not rolled up from its sub-goals".into(),
        }
    }

    fn not_followed_up(&self, report: &str) -> String {
        match self.lang {
            Lang::Sv => format!("följs inte upp i {report}"),
            Lang::Da => format!("følges ikke op i {report}"),
            Lang::En => format!("not followed up in {report}"),
        }
    }

    fn no_children_assessed(&self, report: &str) -> String {
        match self.lang {
            Lang::Sv => format!("inget delmål bedöms i {report}"),
            Lang::Da => format!("intet delmål vurderes i {report}"),
            Lang::En => format!("no sub-goal is assessed in {report}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_each_language() {
        assert_eq!(Lang::Sv.num(84.5), "84,5");
        assert_eq!(Lang::En.num(84.5), "84.5");
        assert_eq!(Lang::Sv.num(78000.0), "78\u{a0}000");
        assert_eq!(Lang::Da.num(-1234567.25), "-1.234.567,25");
        assert_eq!(Lang::En.num(12345.5), "12,345.5");
        assert_eq!(Lang::Da.num(4700.0), "4700");
        assert_eq!(Lang::Da.pct(0.1), "10 %");
        assert_eq!(Lang::En.pct(2.0 / 3.0), "66.7%");
        assert_eq!(
            Lang::Sv.list(&["a".into(), "b".into(), "c".into()]),
            "a, b och c"
        );
    }

    #[test]
    fn the_year_a_group_is_defined_for() {
        assert_eq!(
            described_year("Liknande kommuner ekonomi, 2024"),
            Some(2024)
        );
        assert_eq!(
            described_year("Sammenlignelige kommuner (2023)"),
            Some(2023)
        );
        assert_eq!(described_year("Kommungrupp 2022. "), Some(2022));
        assert_eq!(described_year("Liknande kommuner"), None);
        assert_eq!(described_year("2024"), Some(2024));
        // Not a year: part of a longer number, or outside the years Kolada has groups for.
        assert_eq!(described_year("Kommuner över 12024"), None);
        assert_eq!(described_year("Kommuner under 8000"), None);
        assert_eq!(described_year("Grupp 2024å"), None);
        assert_eq!(described_year("år"), None);
    }
}
