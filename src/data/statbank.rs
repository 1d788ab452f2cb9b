//! Danmarks Statistik Statbank CSV exports, with a mapping the user writes.
//!
//! An export is `;`-separated with one column per variable and the value in `INDHOLD`:
//!
//! ```text
//! OMRÅDE;TID;INDHOLD
//! København;2023;4,9
//! Hele landet;2023;2,9
//! ```
//!
//! The mapping (`--statbank-map MAP.json`) says which rows are which indicator's value and
//! which are its benchmark:
//!
//! ```json
//! {"indicators": [
//!   {"indicator": "ledighed_pct", "where": {"OMRÅDE": "København"}, "benchmark": {"OMRÅDE": "Hele landet"}}
//! ]}
//! ```
//!
//! `benchmark` is the default benchmark (the indicator's first). `benchmark_county`,
//! `benchmark_national`, `benchmark_peers` and `benchmark_group` name the rows of the
//! benchmark of that kind, as the pejl CSV's columns of those names do (a region's rows as
//! the county benchmark, `Hele landet` as the national one): they fill
//! [`Observation::benchmarks`]. Rows of a kind the indicator does not declare are not used
//! (P0708); a key that looks like a benchmark but names no kind is P0701 with *did you mean*.
//!
//! `time` (default `TID`) and `value` (default `INDHOLD`) name other columns. An entry with
//! `"file": "aul01.csv"` reads only the export of that file name (when several exports, one per
//! table, are given to `--data`); without it an entry reads every export. Times are
//! years (`2023`) or parts of a year (`2023M08`, `2023K3`, `2023Q3`, `2023H1`): for a year
//! with several of one kind, the latest part counts; rows of one entry and year for different kinds
//! (`2024` and `2024M12`) are P0705. `..`, `.`, `-` and empty cells are missing values.
//! Rows that match no entry are not used, and a warning (P0708) says how many.

use super::csv::{detect_delimiter, syntax_error, usable_row, Reader, Record};
use super::json::{self, Node};
use super::{
    check_unit, parse_number, read_source, undeclared_kind, unknown_indicator, Catalog, Dataset,
    Observation, ValueKind,
};
use crate::diagnostic::{did_you_mean, suggestions, Code, Diagnostic, Severity};
use crate::i18n::Text;
use crate::sources::{FileLoader, SourceSet};
use crate::span::{FileId, Span};
use crate::syntax::ast::BenchmarkKind;
use crate::text;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

/// A Statbank export has an `INDHOLD` column in its header.
pub fn looks_like_statbank(text: &str) -> bool {
    let line = text.split(['\n', '\r']).next().unwrap_or("");
    line.split([';', ',', '\t'])
        .any(|c| c.trim().trim_matches('"').eq_ignore_ascii_case("INDHOLD"))
}

/// The mapping from an export's rows to indicators.
#[derive(Debug, Clone)]
pub struct Mapping {
    pub time: (String, Span),
    pub value: (String, Span),
    pub entries: Vec<Entry>,
}

#[derive(Debug, Clone)]
pub struct Entry {
    pub indicator: u32,
    /// The export this entry reads (its file name); `None`: every export.
    pub file: Option<String>,
    /// Column = text: the municipality's rows.
    pub own: Vec<Condition>,
    /// Column = text: the default benchmark's rows (empty: no benchmark).
    pub benchmark: Vec<Condition>,
    /// `benchmark_KIND`: the rows of the benchmark of each kind the entry names.
    pub by_kind: Vec<KindRows>,
    pub span: Span,
}

/// `"benchmark_national": {"OMRÅDE": "Hele landet"}`: the rows of one kind of benchmark.
#[derive(Debug, Clone)]
pub struct KindRows {
    /// county, national, peers or group.
    pub kind: &'static str,
    /// Column = text (never empty).
    pub conditions: Vec<Condition>,
    /// Whether the indicator declares a benchmark of this kind. When it does not, the rows
    /// are matched (so they are not reported as unmatched) but not used, and P0708 says so.
    pub declared: bool,
}

#[derive(Debug, Clone)]
pub struct Condition {
    pub column: String,
    pub value: String,
    pub span: Span,
}

/// Reads and checks a mapping file. `None` when it has errors (reported).
pub fn read_mapping(
    path: &Path,
    catalog: &Catalog,
    loader: &dyn FileLoader,
    sources: &mut SourceSet,
    diags: &mut Vec<Diagnostic>,
) -> Option<Mapping> {
    let file = read_source(path, loader, sources, diags)?;
    let text = sources.get(file).text.clone();
    let span = |n: &Node| Span::new(file, n.start, n.end);
    let root = match json::parse(&text) {
        Ok(root) => root,
        Err(e) => {
            diags.push(
                Diagnostic::new(
                    Code::P0701,
                    Span::char_at(file, &text, e.offset),
                    text!("data-statbank-not-json", reason = e.message),
                )
                .primary(text!("data-csv-syntax.primary"))
                .help(text!("data-statbank-not-json.help")),
            );
            return None;
        }
    };
    let before = diags.len();
    let mut repeats = Vec::new();
    json::repeated_within(&root, &mut repeats);
    for (first, second) in repeats {
        diags.push(
            Diagnostic::new(
                Code::P0701,
                Span::new(file, second.key_start, second.key_end),
                text!("data-statbank-twice", key = &first.key),
            )
            .primary(text!("data-kolada-twice.primary", key = &first.key))
            .label(
                Span::new(file, first.key_start, first.key_end),
                text!("data-kolada-twice.label", key = &first.key),
            )
            .help(text!("data-statbank-twice.help")),
        );
    }
    let bad = |n: &Node, message: Text| {
        Diagnostic::new(Code::P0701, Span::new(file, n.start, n.end), message)
            .primary(text!("data-csv-syntax.primary"))
            .help(text!("data-statbank-shape.help"))
    };
    let column_name = |key: &str, default: &str, diags: &mut Vec<Diagnostic>| match root.get(key) {
        None => (default.to_string(), Span::char_at(file, &text, root.start)),
        Some(n) => match n.as_str() {
            Some(s) => (s.to_string(), span(n)),
            None => {
                diags.push(bad(n, text!("data-statbank-not-column", key = key)));
                (default.to_string(), span(n))
            }
        },
    };
    let time = column_name("time", "TID", diags);
    let value = column_name("value", "INDHOLD", diags);
    let mut entries = Vec::new();
    match root.get("indicators").and_then(Node::as_array) {
        None => diags.push(bad(&root, text!("data-statbank-no-indicators"))),
        Some(items) => {
            let mut cache = HashMap::new();
            for item in items {
                let Some(ind) = item.get("indicator") else {
                    diags.push(bad(item, text!("data-statbank-no-indicator")));
                    continue;
                };
                let Some(id) = ind.as_str() else {
                    diags.push(bad(ind, text!("data-statbank-indicator-id")));
                    continue;
                };
                let Some(indicator) = catalog.indicator(id) else {
                    diags.push(unknown_indicator(
                        span(ind),
                        id,
                        "indicator",
                        catalog.indicator_ids(),
                        &mut cache,
                    ));
                    continue;
                };
                let conditions = |key: &str, diags: &mut Vec<Diagnostic>| -> Vec<Condition> {
                    let Some(node) = item.get(key) else {
                        return Vec::new();
                    };
                    let Some(members) = node.members() else {
                        diags.push(bad(node, text!("data-statbank-not-object", key = key)));
                        return Vec::new();
                    };
                    members
                        .iter()
                        .filter_map(|m| match m.value.as_str() {
                            Some(v) => Some(Condition {
                                column: m.key.clone(),
                                value: v.to_string(),
                                span: Span::new(file, m.key_start, m.value.end),
                            }),
                            None => {
                                diags.push(bad(
                                    &m.value,
                                    text!("data-statbank-not-text", key = &m.key),
                                ));
                                None
                            }
                        })
                        .collect()
                };
                let file_name = match item.get("file") {
                    None => None,
                    Some(f) => match f.as_str() {
                        Some(name) => Some(name.to_string()),
                        None => {
                            diags.push(bad(f, text!("data-statbank-file-name")));
                            continue;
                        }
                    },
                };
                let own = conditions("where", diags);
                let benchmark = conditions("benchmark", diags);
                let entry = catalog.entry(indicator);
                let mut by_kind = Vec::new();
                for m in item.members().unwrap_or_default() {
                    let key = m.key.as_str();
                    if key == "benchmark" || !key.starts_with("benchmark") {
                        continue;
                    }
                    let key_span = Span::new(file, m.key_start, m.key_end);
                    let Some(kind) = key
                        .strip_prefix("benchmark_")
                        .and_then(BenchmarkKind::parse)
                        .map(BenchmarkKind::as_str)
                    else {
                        diags.push(unknown_kind_key(key_span, key));
                        continue;
                    };
                    let rows = conditions(key, diags);
                    if rows.is_empty() {
                        // An empty object (a non-object is reported by `conditions`).
                        if m.value.members().is_some_and(<[_]>::is_empty) {
                            diags.push(bad(
                                &m.value,
                                text!("data-statbank-no-rows", key = key, kind = kind),
                            ));
                        }
                        continue;
                    }
                    let declared = entry.declares(kind);
                    if !declared {
                        diags.push(undeclared_kind(key_span, entry, kind, Some(key)));
                    }
                    by_kind.push(KindRows {
                        kind,
                        conditions: rows,
                        declared,
                    });
                }
                if item.get("where").is_none() {
                    diags.push(bad(item, text!("data-statbank-no-where", id = id)));
                    continue;
                }
                entries.push(Entry {
                    indicator,
                    file: file_name,
                    own,
                    benchmark,
                    by_kind,
                    span: span(item),
                });
            }
        }
    }
    // Warnings (rows of an undeclared kind) do not stop the mapping from being used.
    let failed = diags
        .iter()
        .skip(before)
        .any(|d| d.severity == Severity::Error);
    (!failed).then_some(Mapping {
        time,
        value,
        entries,
    })
}

/// P0701 for a key of a mapping entry that looks like a benchmark (`benchmark_nationel`,
/// `benchmarks`) but is none of the keys the mapping knows.
fn unknown_kind_key(span: Span, key: &str) -> Diagnostic {
    // `benchmark_nationel`, `benchmark-national`: the kind is what is misspelt.
    let kind = key
        .trim_start_matches("benchmark")
        .trim_start_matches(|c: char| !c.is_alphanumeric());
    let kinds = BenchmarkKind::ALL.map(BenchmarkKind::as_str);
    let mut close: Vec<String> = suggestions(kind, kinds)
        .into_iter()
        .map(|k| format!("benchmark_{k}"))
        .collect();
    if close.is_empty() {
        let keys = kinds.map(|k| format!("benchmark_{k}"));
        let keys = std::iter::once("benchmark").chain(keys.iter().map(String::as_str));
        close = suggestions(key, keys);
    }
    let help = match did_you_mean(&close) {
        Some(d) => d.then(text!("data-statbank-unknown-key.help-capital")),
        None => text!("data-statbank-unknown-key.help"),
    };
    Diagnostic::new(
        Code::P0701,
        span,
        text!("data-statbank-unknown-key", key = key),
    )
    .primary(text!("data-statbank-unknown-key.primary"))
    .help(help)
}

/// What a Statbank time is for: a whole year, or a half-year, quarter or month of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Frequency {
    Year,
    Half,
    Quarter,
    Month,
}

impl Frequency {
    /// For messages: what one such period is, its value's, and the periods.
    /// The selector of the catalogue's texts about periods (`data-statbank-periods`).
    fn key(self) -> &'static str {
        match self {
            Frequency::Year => "year",
            Frequency::Half => "half",
            Frequency::Quarter => "quarter",
            Frequency::Month => "month",
        }
    }
}

/// A time such as `2023`, `2023M08`, `2023K3`, `2023Q3` or `2023H1`: (year, what it is for,
/// part; 0 for a whole year).
pub fn parse_time(text: &str) -> Option<(i32, Frequency, u32)> {
    let t = text.trim();
    let (year, rest) = t.split_at_checked(4)?;
    let year = super::parse_year(year)?;
    if rest.is_empty() {
        return Some((year, Frequency::Year, 0));
    }
    // `split_at_checked`: the rest may start with any character, not only an ASCII letter.
    let (kind, number) = rest.split_at_checked(1)?;
    let part: u32 = number.parse().ok()?;
    let (frequency, max) = match kind {
        "M" => (Frequency::Month, 12),
        "K" | "Q" => (Frequency::Quarter, 4),
        "H" => (Frequency::Half, 2),
        _ => return None,
    };
    (1..=max).contains(&part).then_some((year, frequency, part))
}

fn resolve<'m>(
    conds: &'m [Condition],
    column: &dyn Fn(&str) -> Option<usize>,
) -> Vec<(usize, &'m str)> {
    conds
        .iter()
        .filter_map(|c| column(&c.column).map(|i| (i, c.value.as_str())))
        .collect()
}

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Role {
    Own,
    /// `benchmark`: the default benchmark.
    Default,
    /// `benchmark_KIND`.
    Kind(&'static str),
}

impl Role {
    /// For messages: "a second {} row".
    /// The selector of `data-statbank-second-row` and the benchmark's kind.
    fn key(self) -> (&'static str, &'static str) {
        match self {
            Role::Own => ("value", ""),
            Role::Default => ("benchmark", ""),
            Role::Kind(kind) => ("kind", kind),
        }
    }
}

/// An entry's conditions as (column index, text).
type Conditions<'m> = Vec<(usize, &'m str)>;

/// An entry's conditions resolved against an export's header.
struct Resolved<'m> {
    own: Conditions<'m>,
    default: Conditions<'m>,
    /// (kind, conditions, whether the indicator declares the kind).
    kinds: Vec<(&'static str, Conditions<'m>, bool)>,
}

struct Cell {
    part: u32,
    value: Option<f64>,
    span: Span,
    value_span: Span,
}

pub fn read(
    file: FileId,
    name: &str,
    text: &str,
    mapping: &Mapping,
    catalog: &Catalog,
    data: &mut Dataset,
    diags: &mut Vec<Diagnostic>,
) {
    // The entries that read this export.
    let entries: Vec<&Entry> = mapping
        .entries
        .iter()
        .filter(|e| e.file.as_deref().is_none_or(|f| f == name))
        .collect();
    let delim = detect_delimiter(text);
    let mut records = Reader::new(text, delim);
    let header = match records.next() {
        Some(Ok(h)) => h,
        Some(Err(e)) => {
            diags.push(syntax_error(file, text, &e));
            return;
        }
        None => return,
    };
    let names: Vec<String> = header
        .fields
        .iter()
        .map(|f| f.text(text).trim().to_string())
        .collect();
    let column = |name: &str| names.iter().position(|n| n.eq_ignore_ascii_case(name));
    let missing_column = |name: &str, at: Span, diags: &mut Vec<Diagnostic>| {
        diags.push(
            Diagnostic::new(
                Code::P0701,
                at,
                text!("data-statbank-no-column", name = name),
            )
            .primary(text!("data-statbank-no-column.primary"))
            .label(header.span(file), text!("data-statbank-no-column.label"))
            .help(text!(
                "data-statbank-no-column.help",
                columns = names.join(", ")
            )),
        );
    };
    let Some(time_col) = column(&mapping.time.0) else {
        missing_column(&mapping.time.0, mapping.time.1, diags);
        return;
    };
    let Some(value_col) = column(&mapping.value.0) else {
        missing_column(&mapping.value.0, mapping.value.1, diags);
        return;
    };
    // Each entry's conditions as (column index, text); an unknown column is an error.
    // Every column the mapping names must exist.
    let mut ok = true;
    for c in entries.iter().flat_map(|e| {
        e.own
            .iter()
            .chain(&e.benchmark)
            .chain(e.by_kind.iter().flat_map(|k| &k.conditions))
    }) {
        if column(&c.column).is_none() {
            missing_column(&c.column, c.span, diags);
            ok = false;
        }
    }
    if !ok {
        return;
    }
    // Per entry: the (column, text) conditions of its own rows and of its benchmarks' rows.
    let resolved: Vec<Resolved> = entries
        .iter()
        .map(|e| Resolved {
            own: resolve(&e.own, &column),
            default: resolve(&e.benchmark, &column),
            kinds: e
                .by_kind
                .iter()
                .map(|k| (k.kind, resolve(&k.conditions, &column), k.declared))
                .collect(),
        })
        .collect();
    // The conditions' columns are positions in the header, and `usable_row` passes only
    // records as wide as it.
    let matches = |record: &Record, conds: &[(usize, &str)]| {
        conds
            .iter()
            .all(|(i, v)| record.field(*i).text(text).trim() == v.trim())
    };
    // `e`, a position in `resolved`, made from `entries` one for one: its indicator's ID.
    let id_of = |e: usize| {
        entries
            .get(e)
            .map_or("", |x| catalog.entry(x.indicator).id.as_str())
    };
    let width = names.len();
    let mut cells: BTreeMap<(usize, Role, i32), Cell> = BTreeMap::new();
    // Per (entry, year): the kind of period of its first row, where it is, and its time.
    let mut periods: HashMap<(usize, i32), (Frequency, Span, String)> = HashMap::new();
    let mut unmatched: Option<(Span, usize)> = None;
    for record in records {
        let help = text!("data-statbank-width.help");
        let Some(record) = usable_row(record, text, file, width, help, diags) else {
            continue;
        };
        let mut roles = Vec::new();
        // A row of a benchmark kind the indicator does not declare: matched, not used
        // (P0708 at the mapping said so).
        let mut undeclared = false;
        for (e, r) in resolved.iter().enumerate() {
            if matches(&record, &r.own) {
                roles.push((e, Role::Own));
                continue;
            }
            if !r.default.is_empty() && matches(&record, &r.default) {
                roles.push((e, Role::Default));
            }
            for (kind, conditions, declared) in &r.kinds {
                if matches(&record, conditions) {
                    if *declared {
                        roles.push((e, Role::Kind(kind)));
                    } else {
                        undeclared = true;
                    }
                }
            }
        }
        if roles.is_empty() {
            if !undeclared {
                match &mut unmatched {
                    Some((_, n)) => *n += 1,
                    None => unmatched = Some((record.span(file), 1)),
                }
            }
            continue;
        }
        let time_field = record.field(time_col);
        let Some((year, frequency, part)) = parse_time(&time_field.text(text)) else {
            diags.push(
                Diagnostic::new(
                    Code::P0702,
                    time_field.span(file),
                    text!(
                        "data-statbank-not-a-time",
                        text = time_field.text(text).trim()
                    ),
                )
                .primary(text!("data-statbank-not-a-time.primary"))
                .help(text!("data-statbank-not-a-time.help")),
            );
            continue;
        };
        let value_field = record.field(value_col);
        let raw = value_field.text(text);
        let value = match raw.trim() {
            "" | ".." | "." | "-" | "…" | "..." => None,
            t => match parse_number(t, true) {
                Ok(v) => v,
                Err(e) => {
                    let d = Diagnostic::new(Code::P0704, value_field.span(file), e.message);
                    diags.push(if e.ambiguous {
                        d.primary(text!("data-ambiguous-dots.primary")).help(e.help)
                    } else {
                        d.primary(text!("data-not-a-number.primary"))
                            .help(text!("data-statbank-not-a-number.help"))
                    });
                    continue;
                }
            },
        };
        let time = time_field.text(text);
        let time = time.trim();
        for (e, role) in roles {
            // One kind of period per indicator and year: a year's value and a month's (or
            // a quarter's) are different measurements, and the mapping does not say which
            // one the indicator reads.
            match periods.get(&(e, year)) {
                Some((first, first_span, first_time)) if *first != frequency => {
                    let id = id_of(e);
                    let (this, that) = (frequency.key(), first.key());
                    diags.push(
                        Diagnostic::new(
                            Code::P0705,
                            record.span(file),
                            text!(
                                "data-statbank-periods",
                                id = id,
                                year = year,
                                first = first_time.as_str(),
                                that = that,
                                time = time,
                                this = this
                            ),
                        )
                        .primary(text!("data-statbank-periods.primary"))
                        .label(
                            *first_span,
                            text!("data-statbank-periods.label", first = first_time.as_str()),
                        )
                        .help(text!(
                            "data-statbank-periods.help",
                            id = id,
                            that = that,
                            this = this
                        )),
                    );
                    continue;
                }
                Some(_) => {}
                None => {
                    periods.insert((e, year), (frequency, record.span(file), time.to_string()));
                }
            }
            let key = (e, role, year);
            let cell = Cell {
                part,
                value,
                span: record.span(file),
                value_span: value_field.span(file),
            };
            match cells.get(&key) {
                Some(existing) if existing.part == part => {
                    diags.push(
                        Diagnostic::new(
                            Code::P0705,
                            record.span(file),
                            text!(
                                "data-statbank-second-row",
                                role = role.key().0,
                                kind = role.key().1,
                                id = id_of(e),
                                time = time_field.text(text).trim()
                            ),
                        )
                        .primary(text!("data-statbank-second-row.primary"))
                        .label(existing.span, text!("data-statbank-second-row.label"))
                        .help(text!("data-statbank-second-row.help")),
                    );
                }
                Some(existing) if existing.part > part => {}
                _ => {
                    cells.insert(key, cell);
                }
            }
        }
    }
    if let Some((span, n)) = unmatched {
        diags.push(
            Diagnostic::new(
                Code::P0708,
                span,
                text!("data-statbank-unmatched", more = n - 1),
            )
            .primary(text!("data-undeclared-kind.primary"))
            .help(text!("data-statbank-unmatched.help")),
        );
    }
    // One observation per (entry, year).
    let mut years: BTreeMap<(usize, i32), Slot> = BTreeMap::new();
    for ((e, role, year), cell) in &cells {
        let slot = years.entry((*e, *year)).or_default();
        match role {
            Role::Own => slot.own = Some(cell),
            Role::Default => slot.default = Some(cell),
            Role::Kind(kind) => slot.kinds.push((*kind, cell)),
        }
    }
    for ((e, year), slot) in years {
        // `e` is a position in `resolved`, made from `entries` one for one.
        let Some(indicator) = entries.get(e).map(|x| x.indicator) else {
            continue;
        };
        let entry = catalog.entry(indicator);
        let value = slot.own.and_then(|c| c.value);
        let mut benchmark = slot.default.and_then(|c| c.value);
        let mut good = true;
        if let (Some(v), Some(c)) = (value, slot.own) {
            good &= check_unit(catalog, indicator, v, false, c.value_span, diags);
        }
        if let (Some(b), Some(c)) = (benchmark, slot.default) {
            good &= check_unit(catalog, indicator, b, true, c.value_span, diags);
        }
        // As in the pejl CSV: the rows of the default's kind give the default benchmark when
        // `benchmark` does not; when both do, with different values, it is P0705.
        let mut benchmarks = Vec::with_capacity(slot.kinds.len());
        for &(kind, cell) in &slot.kinds {
            if let Some(v) = cell.value {
                good &= check_unit(catalog, indicator, v, true, cell.value_span, diags);
            }
            if entry.default_kind() == Some(kind) {
                match (benchmark, cell.value, slot.default) {
                    (Some(b), Some(v), Some(first)) if b != v => {
                        diags.push(two_defaults(cell, first, &entry.id, kind, year));
                        good = false;
                    }
                    (None, Some(_), _) => benchmark = cell.value,
                    _ => {}
                }
            }
            benchmarks.push((kind.to_string(), cell.value));
        }
        if !good {
            continue;
        }
        let span = slot
            .own
            .or(slot.default)
            .or(slot.kinds.first().map(|k| k.1))
            .map(|c| c.span)
            .unwrap_or_default();
        data.add(
            Observation {
                indicator,
                year,
                kind: ValueKind::Actual,
                value,
                benchmark,
                benchmarks,
                motivation: None,
                analysis: None,
                span,
            },
            catalog,
            diags,
        );
    }
}

/// One indicator's cells for one year: its value, its default benchmark and its benchmarks
/// by kind.
#[derive(Default)]
struct Slot<'c> {
    own: Option<&'c Cell>,
    default: Option<&'c Cell>,
    kinds: Vec<(&'static str, &'c Cell)>,
}

/// P0705 for an entry whose `benchmark` and `benchmark_KIND` rows (KIND the default kind)
/// give different values for one year.
fn two_defaults(cell: &Cell, first: &Cell, id: &str, kind: &str, year: i32) -> Diagnostic {
    Diagnostic::new(
        Code::P0705,
        cell.value_span,
        text!("data-csv-two-defaults", id = id, kind = kind, year = year),
    )
    .primary(text!("data-statbank-two-defaults.primary", kind = kind))
    .label(first.value_span, text!("data-statbank-two-defaults.label"))
    .help(text!(
        "data-statbank-two-defaults.help",
        id = id,
        kind = kind
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The catalogue's English is what these messages said before it.
    #[test]
    fn english_texts() {
        assert_eq!(
            text!("data-statbank-unmatched", more = 0).en(),
            "this row matches no entry of the Statbank mapping and is not used"
        );
        assert_eq!(
            text!("data-statbank-unmatched", more = 2).en(),
            "this row and 2 more match no entry of the Statbank mapping and are not used"
        );
        assert_eq!(
            text!("data-statbank-periods.help", id = "x", that = "year", this = "month").en(),
            "a whole year's value and a month's are different measurements, and the mapping does not say which one `x` reads: export the table again with only years or only months"
        );
        assert_eq!(
            text!(
                "data-statbank-second-row",
                role = "kind",
                kind = "county",
                id = "x",
                time = "2023"
            )
            .en(),
            "a second county benchmark row for `x` and the time `2023`"
        );
        assert_eq!(
            text!("data-statbank-no-rows", key = "benchmark_county", kind = "county").en(),
            "`benchmark_county` names no rows: say which rows are the county benchmark, e.g. {\"OMRÅDE\": \"Hele landet\"}"
        );
        assert!(text!("data-statbank-shape.help")
            .en()
            .starts_with("the mapping is {\"indicators\": [{\"indicator\": \"ID\", \"where\": {\"COLUMN\": \"text\"}, \"benchmark\": {\"COLUMN\": \"text\"}}]}; "));
    }

    #[test]
    fn times() {
        assert_eq!(parse_time("2023"), Some((2023, Frequency::Year, 0)));
        assert_eq!(parse_time("2023M08"), Some((2023, Frequency::Month, 8)));
        assert_eq!(parse_time("2023K3"), Some((2023, Frequency::Quarter, 3)));
        assert_eq!(parse_time("2023Q4"), Some((2023, Frequency::Quarter, 4)));
        assert_eq!(parse_time("2023H2"), Some((2023, Frequency::Half, 2)));
        assert_eq!(parse_time("2023M13"), None);
        assert_eq!(parse_time("23"), None);
        // Found by fuzzing: a multi-byte character right after the year.
        assert_eq!(parse_time("2023\u{feff}"), None);
        assert_eq!(parse_time("2023é1"), None);
    }

    #[test]
    fn recognises_exports() {
        assert!(looks_like_statbank("OMRÅDE;TID;INDHOLD\n"));
        assert!(!looks_like_statbank("indicator,period,value\n"));
    }
}
