//! Measured data for `pejl report`: readers for the pejl CSV format, Kolada API JSON
//! exports (v3 and v2) and Danmarks Statistik Statbank CSV exports, all producing one
//! [`Dataset`] of observations keyed by indicator, year and kind (actual or forecast).
//!
//! Every problem is a [`Diagnostic`] with a span into the data file, which the caller's
//! [`SourceSet`] holds, so errors show file, line and column like policy errors do. No row
//! is dropped without a diagnostic: a row is either used, or reported, or excluded by a
//! documented selection rule (Kolada: other municipalities, genders K and M, deleted rows;
//! Statbank: earlier parts of a year, of the same kind: an earlier month when there is a
//! later one). An empty line is skipped; a row of only separators is reported.
// A user-input path: no unchecked indexing, slicing or unwrap (ARCHITECTURE.md, performance notes).
#![deny(clippy::string_slice, clippy::indexing_slicing, clippy::unwrap_used)]

pub mod csv;
pub mod json;
pub mod kolada;
pub mod progress;
pub mod statbank;

use crate::diagnostic::{did_you_mean, suggestions, Code, Diagnostic};
use crate::i18n::{Arg, Text};
use crate::ir::Compiled;
use crate::sources::{FileLoader, SourceSet};
use crate::span::{FileId, Span};
use crate::syntax::text::nfc;
use rustc_hash::FxHashMap as HashMap;
use schemars::JsonSchema;
use serde::Serialize;
use std::borrow::Cow;
use std::collections::HashMap as StdHashMap;
use std::path::{Path, PathBuf};

/// Whether a value is an outcome or a forecast. Interim reports (`uses forecast`) read
/// forecasts, annual reports (`uses actual`) read outcomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum ValueKind {
    Actual,
    Forecast,
}

impl ValueKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ValueKind::Actual => "actual",
            ValueKind::Forecast => "forecast",
        }
    }

    pub fn parse(text: &str) -> Option<ValueKind> {
        match text {
            "actual" => Some(ValueKind::Actual),
            "forecast" => Some(ValueKind::Forecast),
            _ => None,
        }
    }
}

/// One indicator's value for one year and kind.
#[derive(Debug, Clone)]
pub struct Observation {
    /// Index into [`Catalog::indicators`].
    pub indicator: u32,
    pub year: i32,
    pub kind: ValueKind,
    /// `None`: the value is missing (an empty cell, `..`, or a Kolada `null`).
    pub value: Option<f64>,
    /// The default benchmark's value for the same period (the indicator's first benchmark).
    pub benchmark: Option<f64>,
    /// Values of benchmarks the data names by kind (`benchmark_national`, a Kolada ID the
    /// policy declares): (kind, value).
    pub benchmarks: Vec<(String, Option<f64>)>,
    pub motivation: Option<String>,
    /// The owner's analysis for the goals the indicator measures.
    pub analysis: Option<String>,
    /// Where the row is (for messages and for the report's references).
    pub span: Span,
}

/// A motivation given for one goal (a CSV row whose `indicator` column names a goal).
#[derive(Debug, Clone)]
pub struct GoalNote {
    /// Index into the compiled goals.
    pub goal: u32,
    pub year: i32,
    pub kind: ValueKind,
    /// The written motivation (required for some bands, such as grey).
    pub motivation: Option<String>,
    /// The owner's analysis of the goal for the report (a number never stands alone).
    pub analysis: Option<String>,
    pub span: Span,
}

/// What the data may refer to: the policy's indicators (by ID and by Kolada ID) and goals.
#[derive(Debug, Clone)]
pub struct Catalog {
    pub indicators: Vec<IndicatorEntry>,
    by_id: HashMap<String, u32>,
    goals: HashMap<String, u32>,
    kolada: HashMap<String, Vec<u32>>,
    /// Activity ID → index into the compiled policy's `activities`.
    activities: HashMap<String, u32>,
}

#[derive(Debug, Clone)]
pub struct IndicatorEntry {
    pub id: String,
    pub unit: Option<crate::unit::Unit>,
    /// The benchmarks the indicator declares, the default first.
    pub benchmarks: Vec<BenchmarkEntry>,
}

/// One declared benchmark: its kind (county, national, peers or group) and the Kolada
/// municipality or group ID whose value it is, if the policy names one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BenchmarkEntry {
    pub kind: String,
    pub kolada: Option<String>,
}

impl IndicatorEntry {
    /// Whether the indicator declares a benchmark of this kind.
    pub fn declares(&self, kind: &str) -> bool {
        self.benchmarks.iter().any(|b| b.kind == kind)
    }

    /// The default benchmark's kind (the first declared).
    pub fn default_kind(&self) -> Option<&str> {
        self.benchmarks.first().map(|b| b.kind.as_str())
    }
}

impl Catalog {
    pub fn new(compiled: &Compiled) -> Self {
        let mut by_id = HashMap::default();
        by_id.reserve(compiled.indicators.len());
        let mut kolada: HashMap<String, Vec<u32>> = HashMap::default();
        let indicators = compiled
            .indicators
            .iter()
            .enumerate()
            .map(|(i, ind)| {
                by_id.entry(ind.id.clone()).or_insert(i as u32);
                if ind.source_kind.as_deref() == Some("kolada") {
                    if let Some(id) = &ind.source_id {
                        kolada
                            .entry(id.trim().to_string())
                            .or_default()
                            .push(i as u32);
                    }
                }
                IndicatorEntry {
                    id: ind.id.clone(),
                    unit: ind.unit(),
                    benchmarks: ind
                        .benchmarks
                        .iter()
                        .map(|b| BenchmarkEntry {
                            kind: b.kind.clone(),
                            kolada: b
                                .kolada
                                .as_deref()
                                .map(str::trim)
                                .filter(|k| !k.is_empty())
                                .map(str::to_string),
                        })
                        .collect(),
                }
            })
            .collect();
        let goals = compiled
            .goals
            .iter()
            .enumerate()
            .map(|(i, g)| (g.id.clone(), i as u32))
            .collect();
        let activities = compiled
            .activities
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.clone(), i as u32))
            .collect();
        Catalog {
            indicators,
            by_id,
            goals,
            kolada,
            activities,
        }
    }

    /// An indicator's index by its ID, compared as the policy compares names (after NFC:
    /// a data file may spell `å` decomposed).
    pub fn indicator(&self, id: &str) -> Option<u32> {
        self.by_id.get(&*nfc(id)).copied()
    }

    /// A goal's index: the same as its index in the compiled policy's `goals`. The ID is
    /// compared after NFC, as [`Catalog::indicator`].
    pub fn goal(&self, id: &str) -> Option<u32> {
        self.goals.get(&*nfc(id)).copied()
    }

    /// An activity's index in the compiled policy's `activities`, by its ID (after NFC).
    pub fn activity(&self, id: &str) -> Option<u32> {
        self.activities.get(&*nfc(id)).copied()
    }

    pub fn activity_ids(&self) -> impl Iterator<Item = &str> {
        self.activities.keys().map(String::as_str)
    }

    /// The indicators whose source is `kolada "ID"`.
    pub fn kolada(&self, kpi: &str) -> &[u32] {
        self.kolada.get(kpi).map_or(&[], Vec::as_slice)
    }

    pub fn kolada_ids(&self) -> impl Iterator<Item = &str> {
        self.kolada.keys().map(String::as_str)
    }

    /// The indicator at an index this catalog gave ([`Catalog::indicator`], [`Catalog::kolada`]).
    // bound: those indices are positions in `indicators`, taken by `new` when it built
    // `by_id` and `kolada` from the same list; the readers hold the catalog by `&`.
    #[allow(clippy::indexing_slicing)]
    pub fn entry(&self, indicator: u32) -> &IndicatorEntry {
        &self.indicators[indicator as usize]
    }

    pub fn indicator_ids(&self) -> impl Iterator<Item = &str> {
        self.indicators.iter().map(|i| i.id.as_str())
    }
}

/// All observations and goal motivations read from the data files.
#[derive(Debug, Clone, Default)]
pub struct Dataset {
    pub observations: Vec<Observation>,
    pub notes: Vec<GoalNote>,
    /// Activities' progress rows (an activity CSV), in the order read.
    pub progress: Vec<progress::Progress>,
    index: HashMap<(u32, i32, ValueKind), u32>,
    note_index: HashMap<(u32, i32, ValueKind), u32>,
    /// The pejl CSV files read (separator and columns), in the order read: for suggesting
    /// rows in the file's own layout.
    pub(crate) csv_files: Vec<csv::Layout>,
}

impl Dataset {
    pub fn get(&self, indicator: u32, year: i32, kind: ValueKind) -> Option<&Observation> {
        self.index
            .get(&(indicator, year, kind))
            .and_then(|&i| self.observations.get(i as usize))
    }

    pub fn note(&self, goal: u32, year: i32, kind: ValueKind) -> Option<&GoalNote> {
        self.note_index
            .get(&(goal, year, kind))
            .and_then(|&i| self.notes.get(i as usize))
    }

    /// Adds an observation. Two rows for the same indicator, period and kind are merged
    /// when they complement each other (a Kolada value and a CSV row with only the
    /// motivation); when both give the same field it is a duplicate (P0705) and the first
    /// row is kept.
    pub fn add(&mut self, obs: Observation, catalog: &Catalog, diags: &mut Vec<Diagnostic>) {
        let key = (obs.indicator, obs.year, obs.kind);
        let first = self.index.get(&key);
        if let Some(existing) = first.and_then(|&i| self.observations.get_mut(i as usize)) {
            let bench_overlap = obs.benchmarks.iter().any(|(k, v)| {
                v.is_some()
                    && existing
                        .benchmarks
                        .iter()
                        .any(|(ek, ev)| ek == k && ev.is_some())
            });
            let overlap = (existing.value.is_some() && obs.value.is_some())
                || (existing.benchmark.is_some() && obs.benchmark.is_some())
                || (existing.motivation.is_some() && obs.motivation.is_some())
                || bench_overlap;
            let empty = obs.value.is_none()
                && obs.benchmark.is_none()
                && obs.motivation.is_none()
                && obs.benchmarks.iter().all(|(_, v)| v.is_none());
            if !overlap && !empty {
                existing.value = existing.value.or(obs.value);
                existing.benchmark = existing.benchmark.or(obs.benchmark);
                for (kind, value) in obs.benchmarks {
                    match existing.benchmarks.iter_mut().find(|(k, _)| *k == kind) {
                        Some((_, v)) => *v = v.or(value),
                        None => existing.benchmarks.push((kind, value)),
                    }
                }
                if existing.motivation.is_none() {
                    existing.motivation = obs.motivation;
                }
                return;
            }
            let earlier = existing.span;
            diags.push(duplicate(
                obs.span,
                earlier,
                &catalog.entry(obs.indicator).id,
                obs.year,
                obs.kind,
            ));
            return;
        }
        self.index.insert(key, self.observations.len() as u32);
        self.observations.push(obs);
    }

    pub fn add_note(&mut self, note: GoalNote, goal_id: &str, diags: &mut Vec<Diagnostic>) {
        let key = (note.goal, note.year, note.kind);
        let first = self.note_index.get(&key);
        if let Some(earlier) = first.and_then(|&i| self.notes.get(i as usize)) {
            let earlier = earlier.span;
            diags.push(duplicate(note.span, earlier, goal_id, note.year, note.kind));
            return;
        }
        self.note_index.insert(key, self.notes.len() as u32);
        self.notes.push(note);
    }
}

fn duplicate(span: Span, earlier: Span, id: &str, year: i32, kind: ValueKind) -> Diagnostic {
    Diagnostic::new(
        Code::P0705,
        span,
        crate::text!("data-duplicate", id = id, kind = kind.as_str(), year = year),
    )
    .primary(crate::text!("data-duplicate.primary"))
    .label(earlier, crate::text!("data-duplicate.label"))
    .help(crate::text!("data-duplicate.help"))
}

/// How to read the data files.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// Kolada: whose values count (e.g. `2425`).
    pub municipality: Option<String>,
    /// Kolada: whose values are the default benchmark (a county such as `0024`, or a group
    /// `G…`) when the policy declares no Kolada ID for it (`benchmark county "…" kolada
    /// "0024"`); a declared ID wins.
    pub benchmark_municipality: Option<String>,
    /// Statbank: the mapping from the export's rows to indicators.
    pub statbank_map: Option<PathBuf>,
}

/// Reads every data file (CSV, Kolada JSON or Statbank CSV, told apart by their content)
/// into one dataset. The files are added to `sources`; every diagnostic points into them.
pub fn load(
    paths: &[PathBuf],
    catalog: &Catalog,
    options: &LoadOptions,
    loader: &dyn FileLoader,
    sources: &mut SourceSet,
) -> (Dataset, Vec<Diagnostic>) {
    let mut data = Dataset::default();
    let mut diags = Vec::new();
    let mut map: Option<Result<statbank::Mapping, ()>> = None;
    for path in paths {
        let Some(file) = read_source(path, loader, sources, &mut diags) else {
            continue;
        };
        // The text stays in `sources` (no copy: a data file may be 256 MiB); only the
        // Statbank mapping needs `sources` to change, and it is read before the export.
        let text = &sources.get(file).text;
        let is_json = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("json"))
            || text.trim_start().starts_with(['{', '[']);
        if is_json {
            kolada::read(file, text, catalog, options, &mut data, &mut diags);
        } else if statbank::looks_like_statbank(text) {
            let Some(map_path) = &options.statbank_map else {
                diags.push(
                    Diagnostic::new(
                        Code::P0701,
                        Span::new(file, 0, first_line_len(text)),
                        crate::text!("data-statbank-no-map", path = path.display().to_string()),
                    )
                    .primary(crate::text!("data-statbank-no-map.primary"))
                    .help(crate::text!("data-statbank-no-map.help")),
                );
                continue;
            };
            let mapping = map.get_or_insert_with(|| {
                statbank::read_mapping(map_path, catalog, loader, sources, &mut diags).ok_or(())
            });
            if let Ok(mapping) = mapping {
                let name = path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                let text = &sources.get(file).text;
                statbank::read(file, &name, text, mapping, catalog, &mut data, &mut diags);
            }
        } else if progress::looks_like_progress(text) {
            progress::read(file, text, catalog, &mut data, &mut diags);
        } else {
            csv::read(file, text, catalog, &mut data, &mut diags);
        }
    }
    (data, diags)
}

/// Reads a file into `sources`: UTF-8 (a BOM is dropped), or else Windows-1252, which
/// Swedish and Danish Excel use for "CSV (semikolonavgränsad)". An unreadable file is P0701.
pub fn read_source(
    path: &Path,
    loader: &dyn FileLoader,
    sources: &mut SourceSet,
    diags: &mut Vec<Diagnostic>,
) -> Option<FileId> {
    match loader.read(path) {
        Ok(bytes) => Some(sources.add(path.to_path_buf(), decode(bytes))),
        Err(error) => {
            let file = sources.add(path.to_path_buf(), String::new());
            diags.push(
                Diagnostic::new(
                    Code::P0701,
                    Span::new(file, 0, 0),
                    crate::text!(
                        "data-cannot-read",
                        path = path.display().to_string(),
                        reason = crate::sources::describe_io_error(&error)
                    ),
                )
                .help(crate::text!("data-cannot-read.help")),
            );
            None
        }
    }
}

fn decode(bytes: Vec<u8>) -> String {
    let mut text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => error.into_bytes().iter().map(|&b| cp1252(b)).collect(),
    };
    // In place: a copy would hold the text twice.
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    text
}

fn cp1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    // 0x80..=0x9f are the table's; every other byte is the code point of its value.
    HIGH.get(usize::from(b.wrapping_sub(0x80)))
        .copied()
        .unwrap_or(char::from(b))
}

fn first_line_len(text: &str) -> usize {
    text.find(['\n', '\r']).unwrap_or(text.len())
}

/// Parses a year such as `2024` (also `2024-12-31`-free: only a plain year).
pub fn parse_year(text: &str) -> Option<i32> {
    let t = text.trim();
    if t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit()) {
        t.parse().ok()
    } else {
        None
    }
}

/// Why a number could not be read, for P0704.
#[derive(Debug, Clone, PartialEq)]
pub struct NumberError {
    pub message: Text,
    pub help: Text,
    /// The text is a number, but it is not clear which (`76.500` where a decimal comma is
    /// accepted): the help says what to write, and readers should keep it.
    pub ambiguous: bool,
}

/// The spaces that group thousands: a space, a no-break space and a narrow no-break space (as
/// word processors and Excel in Danish and Swedish write `12 500`).
pub(crate) const GROUP_SPACES: [char; 3] = [' ', '\u{a0}', '\u{202f}'];

/// Whether digit groups read as thousands: one to three digits not starting with `0`, then at
/// least one group of exactly three digits (`76|500`, `1|234|567`). The one rule behind P0704
/// in data and P0005 in the policy; `76.5`, `76.5000`, `1234.500` and `0.500` are not groupings.
pub(crate) fn groups_thousands(head: &str, tail: &[&str]) -> bool {
    let digits = |g: &str| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit());
    !tail.is_empty()
        && (1..=3).contains(&head.len())
        && digits(head)
        && !head.starts_with('0')
        && tail.iter().all(|g| g.len() == 3 && digits(g))
}

/// Reads a number from a data cell. Empty → `Ok(None)` (a missing value). With
/// `decimal_comma`, `64,5` and `1 234,5` are accepted (files separated by `;` or tabs),
/// and a value whose only separators are dots each followed by exactly three digits
/// (`76.500`, `1.234.567`) is an error: Danish and Swedish Excel write 76500 as `76.500`,
/// so it cannot be told from 76.5. A leading `0.` (`0.500`) is not a thousands grouping.
pub fn parse_number(text: &str, decimal_comma: bool) -> Result<Option<f64>, NumberError> {
    let trimmed = text.trim_matches(|c: char| c.is_whitespace() || c == '\u{a0}');
    if trimmed.is_empty() {
        return Ok(None);
    }
    let mut t: Cow<str> = Cow::Borrowed(trimmed);
    if decimal_comma {
        if t.contains(GROUP_SPACES) {
            t = Cow::Owned(t.replace(GROUP_SPACES, ""));
        }
        if let Some(error) = ambiguous_dots(trimmed, &t) {
            return Err(error);
        }
        if t.contains(',') {
            let owned = match (t.rfind(','), t.rfind('.')) {
                // 1.234,5: dots group thousands
                (Some(c), Some(d)) if c > d => t.replace('.', "").replace(',', "."),
                // 1,234.5: commas group thousands
                (Some(_), Some(_)) => t.replace(',', ""),
                _ => t.replace(',', "."),
            };
            t = Cow::Owned(owned);
        }
    }
    if is_plain_number(&t) {
        if let Ok(n) = t.parse::<f64>() {
            if n.is_finite() {
                return Ok(Some(n));
            }
        }
    }
    let shown = trimmed;
    let help = if trimmed.contains(',') && !decimal_comma {
        crate::text!("data-not-a-number.help-comma")
    } else if trimmed.ends_with('%') {
        crate::text!("data-not-a-number.help-percent")
    } else {
        crate::text!("data-not-a-number.help")
    };
    Err(NumberError {
        message: crate::text!("data-not-a-number", text = shown),
        help,
        ambiguous: false,
    })
}

/// P0704 for `76.500` or `1.234.567` where a decimal comma is accepted: dots, each followed
/// by exactly three digits, after one to three digits that do not start with `0`. Such a
/// dot is a thousands separator in Danish and Swedish Excel, and a decimal point elsewhere.
/// `76.5`, `76.50`, `76.5000`, `1234.500` and `0.500` are not groupings (decimal points).
fn ambiguous_dots(shown: &str, t: &str) -> Option<NumberError> {
    let (sign, unsigned) = t
        .split_at_checked(usize::from(t.starts_with(['-', '+'])))
        .unwrap_or(("", t));
    let mut groups = unsigned.split('.');
    let head = groups.next()?;
    let tail: Vec<&str> = groups.collect();
    if !groups_thousands(head, &tail) {
        return None;
    }
    let whole: String = std::iter::once(head).chain(tail.iter().copied()).collect();
    let help = if let [fraction] = tail.as_slice() {
        let fraction = fraction.trim_end_matches('0');
        let decimal = if fraction.is_empty() {
            format!("{sign}{head}")
        } else {
            format!("{sign}{head},{fraction}")
        };
        crate::text!(
            "data-ambiguous-dots.help-one",
            whole = format!("{sign}{whole}"),
            decimal = decimal
        )
    } else {
        crate::text!("data-ambiguous-dots.help", whole = format!("{sign}{whole}"))
    };
    Some(NumberError {
        message: crate::text!("data-ambiguous-dots", text = shown),
        help,
        ambiguous: true,
    })
}

fn is_plain_number(t: &str) -> bool {
    let b = t.as_bytes();
    let mut i = 0;
    if let Some(b'-' | b'+') = b.first() {
        i += 1;
    }
    let int_start = i;
    while b.get(i).is_some_and(u8::is_ascii_digit) {
        i += 1;
    }
    let mut digits = i - int_start;
    if b.get(i) == Some(&b'.') {
        i += 1;
        let frac_start = i;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        digits += i - frac_start;
    }
    if digits == 0 {
        return false;
    }
    if let Some(b'e' | b'E') = b.get(i) {
        i += 1;
        if let Some(b'-' | b'+') = b.get(i) {
            i += 1;
        }
        let exp_start = i;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        if i == exp_start {
            return false;
        }
    }
    i == b.len()
}

/// Checks a value (or, with `benchmark`, a comparison group's average) against the
/// indicator's unit: P0706.
pub fn check_unit(
    catalog: &Catalog,
    indicator: u32,
    value: f64,
    benchmark: bool,
    span: Span,
    diags: &mut Vec<Diagnostic>,
) -> bool {
    let entry = catalog.entry(indicator);
    let Some(unit) = entry.unit.as_ref() else {
        return true;
    };
    // An average over municipalities need not be whole.
    let problem = if benchmark && unit.whole() {
        let mut rate = unit.clone();
        rate.per = rate.per.or(Some(crate::unit::Per {
            count: None,
            of: String::new(),
        }));
        rate.problem(value)
    } else {
        unit.problem(value)
    };
    match problem {
        None => true,
        Some(problem) => {
            let what = if benchmark { "benchmark" } else { "value" };
            diags.push(
                Diagnostic::new(
                    Code::P0706,
                    span,
                    crate::text!(
                        "data-unit-misfit",
                        what = what,
                        value = value,
                        id = &entry.id,
                        unit = unit.written(),
                        problem = problem
                    ),
                )
                .primary(crate::text!(
                    "data-unit-misfit.primary",
                    unit = unit.written()
                ))
                .help(crate::text!(
                    "data-unit-misfit.help",
                    what = what,
                    id = &entry.id
                )),
            );
            false
        }
    }
}

/// P0708 (a warning) for a benchmark of a kind the indicator does not declare (a CSV cell in
/// `benchmark_national`, a Statbank mapping's `benchmark_national`): `key` is the mapping's
/// key whose rows are not used, `None` for a CSV cell.
pub(crate) fn undeclared_kind(
    span: Span,
    entry: &IndicatorEntry,
    kind: &str,
    key: Option<&str>,
) -> Diagnostic {
    let id = &entry.id;
    let declared: Vec<String> = entry
        .benchmarks
        .iter()
        .map(|b| format!("benchmark_{}", b.kind))
        .collect();
    let (message, instead) = match key {
        None => (
            crate::text!("data-undeclared-kind", id = id, kind = kind),
            crate::text!("data-undeclared-kind.instead-cell"),
        ),
        Some(key) => (
            crate::text!("data-undeclared-kind-rows", id = id, kind = kind, key = key),
            crate::text!("data-undeclared-kind-rows.instead", key = key),
        ),
    };
    let help = if declared.is_empty() {
        crate::text!(
            "data-undeclared-kind.help-none",
            id = id,
            kind = kind,
            instead = instead
        )
    } else {
        crate::text!(
            "data-undeclared-kind.help",
            id = id,
            kind = kind,
            instead = instead,
            declared = Arg::AndList(declared)
        )
    };
    Diagnostic::new(Code::P0708, span, message)
        .primary(crate::text!("data-undeclared-kind.primary"))
        .help(help)
}

/// P0703 for an ID the policy does not declare, with *did you mean*.
pub fn unknown_indicator<'a>(
    span: Span,
    id: &str,
    what: &'static str,
    candidates: impl IntoIterator<Item = &'a str>,
    cache: &mut StdHashMap<String, Vec<String>>,
) -> Diagnostic {
    // Suggestions over a large policy are not free: compute them once per unknown name,
    // and only for the first hundred names.
    let limit = cache.len() < 100;
    let close = match cache.get(id) {
        Some(c) => c.clone(),
        None if limit => {
            let c = suggestions(id, candidates);
            cache.insert(id.to_string(), c.clone());
            c
        }
        None => Vec::new(),
    };
    let mut diag = Diagnostic::new(
        Code::P0703,
        span,
        crate::text!("data-unknown-indicator", what = what, id = id),
    )
    .primary(crate::text!("data-unknown-indicator.primary"));
    diag.help = Some(match did_you_mean(&close) {
        Some(d) => d,
        None => crate::text!("data-unknown-indicator.help", id = id),
    });
    if let Some(best) = close.first() {
        diag = diag.fix(crate::text!("fix-change-to", to = best), best.clone());
    }
    diag
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A data file may spell an ID decomposed (`o` + U+0308 for `ö`, as an export from a Mac
    /// or a copy from a PDF may): it names the same indicator or goal as the policy's `ö`.
    #[test]
    fn decomposed_ids_in_a_data_file_match_the_policy() {
        let policy = r#"policy p "Målpolicy" { period 2024..2027  default rule r }
body SN "Socialnämnden"
chain {
  level område "Målområde"
  level mål "Mål" under område measured
}
report årsredovisning "Årsredovisning" { uses actual  due 12-31  to SN }
indicator nöjdhet "Brukare i hemtjänsten som är nöjda, andel (%)" { unit percent  higher is better }
rule r "Målvärde" {
  green when meets target
  red   otherwise
  grey  when missing requires motivation
}
område omsorg "Omsorg" { owner SN }
mål nöjda_brukare "Brukarna ska vara nöjda med hemtjänsten" {
  under omsorg
  owner SN
  measure nöjdhet
  baseline 84 in 2023
  target 90 by 2026
  follow-up årsredovisning
}
"#;
        let analysis = crate::analyze_text(Path::new("policy.pejl"), policy);
        assert!(
            analysis.diagnostics.is_empty(),
            "{:#?}",
            analysis.diagnostics
        );
        let compiled = crate::ir::compile(&analysis);
        let catalog = Catalog::new(&compiled);
        // So does a report named on the command line (`--report årsredovisning`).
        assert_eq!(
            crate::eval::check_report(&compiled, "a\u{30a}rsredovisning"),
            Ok(())
        );
        struct Csv(String);
        impl FileLoader for Csv {
            fn read(&self, _: &Path) -> std::io::Result<Vec<u8>> {
                Ok(self.0.as_bytes().to_vec())
            }
        }
        let csv = "indicator,period,value,benchmark,kind,motivation\n\
                   no\u{308}jdhet,2024,86,,actual,\n\
                   no\u{308}jda_brukare,2025,,,actual,Enkäten gjordes inte 2025\n";
        let mut sources = analysis.sources.clone();
        let (data, diags) = load(
            &[PathBuf::from("utfall.csv")],
            &catalog,
            &LoadOptions::default(),
            &Csv(csv.to_string()),
            &mut sources,
        );
        assert!(diags.is_empty(), "{diags:#?}");
        let indicator = catalog.indicator("nöjdhet").expect("declared");
        assert_eq!(
            catalog.indicator("no\u{308}jdhet"),
            Some(indicator),
            "the lookup itself compares after NFC"
        );
        let obs = data.get(indicator, 2024, ValueKind::Actual).expect("read");
        assert_eq!(obs.value, Some(86.0));
        let goal = catalog.goal("nöjda_brukare").expect("declared");
        let note = data
            .note(goal, 2025, ValueKind::Actual)
            .expect("a motivation");
        assert_eq!(
            note.motivation.as_deref(),
            Some("Enkäten gjordes inte 2025")
        );
    }

    #[test]
    fn numbers() {
        assert_eq!(parse_number(" 64 ", false), Ok(Some(64.0)));
        assert_eq!(parse_number("", false), Ok(None));
        assert_eq!(parse_number("64,5", true), Ok(Some(64.5)));
        assert_eq!(parse_number("1 234,5", true), Ok(Some(1234.5)));
        assert_eq!(parse_number("1.234,5", true), Ok(Some(1234.5)));
        assert_eq!(parse_number("-3.5", true), Ok(Some(-3.5)));
        assert!(parse_number("64,5", false).is_err());
        assert!(parse_number("inf", false).is_err());
        assert!(parse_number("NaN", false).is_err());
        assert!(parse_number("n/a", false).is_err());
        assert!(parse_number("64 %", true).is_err());
    }

    #[test]
    fn dots_that_may_group_thousands() {
        let ambiguous = |t: &str| parse_number(t, true).is_err_and(|e| e.ambiguous);
        for t in [
            "76.500",
            "1.234.567",
            "-76.500",
            "1.000",
            "999.999",
            " 76.500 ",
        ] {
            assert!(ambiguous(t), "{t}");
        }
        // Not a grouping: a decimal point.
        assert_eq!(parse_number("76.5", true), Ok(Some(76.5)));
        assert_eq!(parse_number("76.50", true), Ok(Some(76.5)));
        assert_eq!(parse_number("76.5000", true), Ok(Some(76.5)));
        assert_eq!(parse_number("1234.500", true), Ok(Some(1234.5)));
        assert_eq!(parse_number("0.500", true), Ok(Some(0.5)));
        assert_eq!(parse_number("-0.125", true), Ok(Some(-0.125)));
        assert_eq!(parse_number("76.500,50", true), Ok(Some(76500.5)));
        // With commas as the field separator there is no decimal comma, so no doubt.
        assert_eq!(parse_number("76.500", false), Ok(Some(76.5)));
        // Not a number at all: the usual error.
        assert!(parse_number("1.23.456", true).is_err_and(|e| !e.ambiguous));
        let e = parse_number("76.500", true).unwrap_err();
        assert!(e
            .help
            .en()
            .ends_with("write 76500 (without a thousands separator) or 76,5"));
        let e = parse_number("2.000", true).unwrap_err();
        assert!(e
            .help
            .en()
            .ends_with("write 2000 (without a thousands separator) or 2"));
        let e = parse_number("1.234.567", true).unwrap_err();
        assert!(e
            .help
            .en()
            .ends_with("write 1234567 (without a thousands separator)"));
    }

    #[test]
    fn windows_1252() {
        assert_eq!(decode(b"G\xe4vle \x80".to_vec()), "Gävle €");
        assert_eq!(decode("\u{feff}å".as_bytes().to_vec()), "å");
    }
}
