//! The pejl data CSV: a header, then one row per indicator, period and kind.
//!
//! ```text
//! indicator,period,value,benchmark,kind,motivation
//! nki_foretag,2024,72,74,actual,
//! meritvarde,2024,,,actual,"Värdet är sekretessbelagt: färre än tio elever."
//! ```
//!
//! Fields may be separated by `,`, `;` or tabs (told from the header). With `;` or tabs a
//! decimal comma is accepted (`64,5`), as Swedish and Danish Excel write it. `kind`
//! (actual|forecast, default actual), `benchmark` and `motivation` may be left out. A row
//! whose `indicator` is a goal ID gives that goal a motivation (value and benchmark empty).
//! Benchmarks by kind may be given in `benchmark_county`, `benchmark_national`,
//! `benchmark_peers` and `benchmark_group`; `benchmark` stays the default benchmark.
//! Also the RFC 4180 tokenizer with byte ranges, shared with the Statbank reader.

use super::{
    check_unit, parse_number, parse_year, undeclared_kind, unknown_indicator, Catalog, Dataset,
    GoalNote, Observation, ValueKind,
};
use crate::diagnostic::{did_you_mean, suggestions, Code, Diagnostic};
use crate::i18n::{Arg, Text};
use crate::sources::SourceSet;
use crate::span::{FileId, Span};
use crate::syntax::ast::BenchmarkKind;
use crate::text;
use std::borrow::Cow;
use std::collections::HashMap;

/// One field: the byte range of its raw text (quotes included).
#[derive(Debug, Clone, Copy)]
pub struct Field {
    pub start: usize,
    pub end: usize,
    quoted: bool,
}

impl Field {
    /// The field's text, unquoted.
    pub fn text<'a>(&self, src: &'a str) -> Cow<'a, str> {
        // The reader's ranges lie on ASCII separators of `src`; any other range reads as empty.
        let raw = src.get(self.start..self.end).unwrap_or("");
        if self.quoted {
            // A quoted field starts and ends with its quotes (the reader makes no other).
            let inner = raw
                .strip_prefix('"')
                .and_then(|r| r.strip_suffix('"'))
                .unwrap_or(raw);
            if inner.contains("\"\"") {
                Cow::Owned(inner.replace("\"\"", "\""))
            } else {
                Cow::Borrowed(inner)
            }
        } else {
            Cow::Borrowed(raw)
        }
    }

    pub fn span(&self, file: FileId) -> Span {
        Span::new(file, self.start, self.end)
    }

    pub fn is_empty(&self, src: &str) -> bool {
        self.text(src).trim().is_empty()
    }
}

/// One record (line) with its fields.
#[derive(Debug, Clone)]
pub struct Record {
    pub fields: Vec<Field>,
    pub start: usize,
    pub end: usize,
}

impl Record {
    /// Field `i`; a record without it (narrower than its header) has it empty at its end.
    pub fn field(&self, i: usize) -> Field {
        self.fields.get(i).copied().unwrap_or(Field {
            start: self.end,
            end: self.end,
            quoted: false,
        })
    }

    pub fn span(&self, file: FileId) -> Span {
        Span::new(file, self.start, self.end)
    }

    pub fn is_blank(&self, src: &str) -> bool {
        self.fields.iter().all(|f| f.is_empty(src))
    }

    /// An empty line (no separator, at most spaces): skipped, unlike a row of empty fields.
    pub fn is_blank_line(&self, src: &str) -> bool {
        self.fields.len() == 1 && self.is_blank(src)
    }
}

/// P0702 for a row whose fields are all empty (`,,,` or `;;;`, as Excel writes a row whose
/// cells were cleared): it is reported rather than skipped, so that no row is dropped
/// without a word. An empty line without separators is skipped.
pub(crate) fn empty_row(file: FileId, record: &Record) -> Diagnostic {
    Diagnostic::new(Code::P0702, record.span(file), text!("data-csv-empty-row"))
        .primary(text!("data-csv-empty-row.primary"))
        .help(text!("data-csv-empty-row.help"))
}

/// A data row to read, or `None` once its problem is reported: a CSV syntax error, a row of
/// empty fields, or a row whose fields do not match the header's `width` (`help` says how to
/// fix that in the file's format). An empty line is skipped without a word. Every CSV reader
/// (pejl CSV, Statbank, activities) takes its rows through here.
pub(crate) fn usable_row(
    record: Result<Record, CsvError>,
    text: &str,
    file: FileId,
    width: usize,
    help: Text,
    diags: &mut Vec<Diagnostic>,
) -> Option<Record> {
    let record = match record {
        Ok(r) => r,
        Err(e) => {
            diags.push(syntax_error(file, text, &e));
            return None;
        }
    };
    if record.is_blank_line(text) {
        return None;
    }
    if record.is_blank(text) {
        diags.push(empty_row(file, &record));
        return None;
    }
    let n = record.fields.len();
    if n != width {
        diags.push(
            Diagnostic::new(
                Code::P0702,
                record.span(file),
                text!("data-csv-width", count = n, width = width),
            )
            .primary(text!("data-csv-width.primary"))
            .help(help),
        );
        return None;
    }
    Some(record)
}

/// A CSV syntax error: byte offset and message.
#[derive(Debug, Clone)]
pub struct CsvError {
    pub offset: usize,
    pub message: Text,
}

/// The separator the header line uses most: `,`, `;` or a tab.
pub fn detect_delimiter(text: &str) -> u8 {
    let line = text.split(['\n', '\r']).next().unwrap_or("");
    let mut counts = [(b',', 0usize), (b';', 0), (b'\t', 0)];
    let mut quoted = false;
    for b in line.bytes() {
        if b == b'"' {
            quoted = !quoted;
        } else if !quoted {
            for c in counts.iter_mut() {
                if c.0 == b {
                    c.1 += 1;
                }
            }
        }
    }
    // Ties go to the first: the comma.
    counts
        .into_iter()
        .reduce(|best, c| if c.1 > best.1 { c } else { best })
        .map_or(b',', |best| best.0)
}

/// Iterates over the records of a CSV text.
pub struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
    delim: u8,
    failed: bool,
}

impl<'a> Reader<'a> {
    pub fn new(text: &'a str, delim: u8) -> Self {
        Reader {
            bytes: text.as_bytes(),
            pos: 0,
            delim,
            failed: false,
        }
    }
}

impl Iterator for Reader<'_> {
    type Item = Result<Record, CsvError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed || self.pos >= self.bytes.len() {
            return None;
        }
        let b = self.bytes;
        let start = self.pos;
        let mut fields = Vec::with_capacity(8);
        loop {
            let field_start = self.pos;
            if b.get(self.pos) == Some(&b'"') {
                self.pos += 1;
                loop {
                    match b
                        .get(self.pos..)
                        .and_then(|rest| rest.iter().position(|&c| c == b'"'))
                    {
                        None => {
                            self.failed = true;
                            return Some(Err(CsvError {
                                offset: field_start,
                                message: text!("data-csv-unclosed-quote"),
                            }));
                        }
                        Some(i) => {
                            self.pos += i + 1;
                            if b.get(self.pos) == Some(&b'"') {
                                self.pos += 1; // "" inside quotes
                            } else {
                                break;
                            }
                        }
                    }
                }
                fields.push(Field {
                    start: field_start,
                    end: self.pos,
                    quoted: true,
                });
                match b.get(self.pos) {
                    None | Some(b'\n' | b'\r') => {}
                    Some(&c) if c == self.delim => {}
                    Some(_) => {
                        // Skip to the end of the line so the next record starts cleanly.
                        let offset = self.pos;
                        while b.get(self.pos).is_some_and(|&c| c != b'\n') {
                            self.pos += 1;
                        }
                        self.pos = (self.pos + 1).min(b.len());
                        return Some(Err(CsvError {
                            offset,
                            message: text!("data-csv-after-quote"),
                        }));
                    }
                }
            } else {
                while let Some(&c) = b.get(self.pos) {
                    if c == self.delim || c == b'\n' || c == b'\r' {
                        break;
                    }
                    self.pos += 1;
                }
                fields.push(Field {
                    start: field_start,
                    end: self.pos,
                    quoted: false,
                });
            }
            match b.get(self.pos) {
                Some(&c) if c == self.delim => self.pos += 1,
                Some(b'\r') => {
                    let end = self.pos;
                    self.pos += 1;
                    if b.get(self.pos) == Some(&b'\n') {
                        self.pos += 1;
                    }
                    return Some(Ok(Record { fields, start, end }));
                }
                Some(b'\n') => {
                    let end = self.pos;
                    self.pos += 1;
                    return Some(Ok(Record { fields, start, end }));
                }
                _ => {
                    return Some(Ok(Record {
                        fields,
                        start,
                        end: self.pos,
                    }))
                }
            }
        }
    }
}

/// The columns of the pejl data CSV.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Indicator,
    Period,
    Value,
    Benchmark,
    Kind,
    Motivation,
    /// The owner's analysis (`analysis`, or `comment`).
    Analysis,
    /// `benchmark_county` etc.: the value of the benchmark of that kind.
    BenchmarkOf(&'static str),
}

/// The column a (lower-case) header name is.
fn column(name: &str) -> Option<Column> {
    if let Some(c) = COLUMNS.iter().find(|(n, _)| *n == name) {
        return Some(c.1);
    }
    let kind = name.strip_prefix("benchmark_")?;
    BenchmarkKind::parse(kind).map(|k| Column::BenchmarkOf(k.as_str()))
}

/// The column names to suggest for an unknown `name`: the benchmarks by kind only for a
/// name that looks like one (`benchmark_nationell`), so that `benchmak` is `benchmark`.
fn column_names(name: &str) -> impl Iterator<Item = String> {
    let by_kind = name.contains('_');
    COLUMNS.iter().map(|c| c.0.to_string()).chain(
        BenchmarkKind::ALL
            .iter()
            .filter(move |_| by_kind)
            .map(|k| format!("benchmark_{}", k.as_str())),
    )
}

/// The header to copy: the first six of [`COLUMNS`] (the analysis is an optional extra).
const STANDARD: usize = 6;

const COLUMNS: [(&str, Column); 8] = [
    ("indicator", Column::Indicator),
    ("period", Column::Period),
    ("value", Column::Value),
    ("benchmark", Column::Benchmark),
    ("kind", Column::Kind),
    ("motivation", Column::Motivation),
    ("analysis", Column::Analysis),
    ("comment", Column::Analysis),
];

/// Reads a pejl data CSV into `data`.
pub fn read(
    file: FileId,
    text: &str,
    catalog: &Catalog,
    data: &mut Dataset,
    diags: &mut Vec<Diagnostic>,
) {
    let delim = detect_delimiter(text);
    let decimal_comma = delim != b',';
    let mut records = Reader::new(text, delim);
    let header = loop {
        match records.next() {
            None => {
                diags.push(
                    Diagnostic::new(
                        Code::P0701,
                        Span::new(file, 0, 0),
                        text!("data-csv-empty-file"),
                    )
                    .help(text!("data-csv-empty-file.help")),
                );
                return;
            }
            Some(Err(e)) => {
                diags.push(syntax_error(file, text, &e));
                return;
            }
            Some(Ok(r)) if r.is_blank_line(text) => continue,
            Some(Ok(r)) if r.is_blank(text) => {
                diags.push(empty_row(file, &r));
                continue;
            }
            Some(Ok(r)) => break r,
        }
    };
    let names: Vec<String> = header
        .fields
        .iter()
        .map(|f| f.text(text).trim().to_lowercase())
        .collect();
    let known = column;
    let has = |c: Column| names.iter().any(|n| known(n) == Some(c));
    // A header that names none of the columns, or lacks `indicator` or `value` (a
    // translated header, or no header at all): one error that gives the header to copy,
    // rather than one per column.
    if !has(Column::Indicator) || !has(Column::Value) {
        diags.push(not_a_header(file, &header, &names, delim, &known));
        return;
    }
    let mut columns: Vec<Option<Column>> = Vec::with_capacity(header.fields.len());
    let mut bad_header = false;
    for (field, name) in header.fields.iter().zip(&names) {
        match known(name) {
            Some(c) if columns.contains(&Some(c)) => {
                diags.push(
                    Diagnostic::new(
                        Code::P0701,
                        field.span(file),
                        text!("data-csv-column-twice", name = name),
                    )
                    .primary(text!("data-csv-column-twice.primary"))
                    .help(text!("data-csv-column-twice.help")),
                );
                bad_header = true;
            }
            Some(c) => columns.push(Some(c)),
            None if name.is_empty() => columns.push(None),
            None => {
                let names: Vec<String> = column_names(name).collect();
                let close = suggestions(name, names.iter().map(String::as_str));
                let kinds = if name.starts_with("benchmark") {
                    "yes"
                } else {
                    "no"
                };
                let help = match (did_you_mean(&close), translation(name)) {
                    (Some(d), _) => d.then(text!("data-csv-columns-are.capital", kinds = kinds)),
                    (None, Some(c)) => {
                        text!(
                            "data-csv-unknown-column.help-translated",
                            name = name,
                            column = c
                        )
                    }
                    (None, None) => text!("data-csv-columns-are", kinds = kinds),
                };
                diags.push(
                    Diagnostic::new(
                        Code::P0701,
                        field.span(file),
                        text!("data-csv-unknown-column", name = name),
                    )
                    .primary(text!("data-csv-unknown-column.primary"))
                    .help(help),
                );
                bad_header = true;
                columns.push(None);
            }
        }
    }
    if !columns.contains(&Some(Column::Period)) {
        diags.push(
            Diagnostic::new(Code::P0701, header.span(file), text!("data-csv-no-period"))
                .primary(text!("data-csv-header"))
                .help(text!("data-csv-no-period.help")),
        );
        bad_header = true;
    }
    if bad_header {
        return;
    }
    data.csv_files.push(Layout {
        file,
        delim,
        columns: columns.clone(),
    });
    let position = |c: Column| columns.iter().position(|&x| x == Some(c));
    let pos_indicator = position(Column::Indicator).unwrap_or(0);
    let pos_period = position(Column::Period).unwrap_or(0);
    let pos_value = position(Column::Value).unwrap_or(0);
    let pos_benchmark = position(Column::Benchmark);
    let pos_kind = position(Column::Kind);
    let pos_motivation = position(Column::Motivation);
    let pos_analysis = position(Column::Analysis);
    let named: Vec<(usize, &'static str)> = columns
        .iter()
        .enumerate()
        .filter_map(|(i, c)| match c {
            Some(Column::BenchmarkOf(kind)) => Some((i, *kind)),
            _ => None,
        })
        .collect();
    let width = columns.len();
    let mut cache = HashMap::new();
    for record in records {
        let help = if delim == b',' {
            text!("data-csv-width.help-comma")
        } else {
            text!("data-csv-width.help")
        };
        let Some(record) = usable_row(record, text, file, width, help, diags) else {
            continue;
        };
        read_row(
            file,
            text,
            &record,
            catalog,
            data,
            diags,
            &mut cache,
            RowColumns {
                indicator: pos_indicator,
                period: pos_period,
                value: pos_value,
                benchmark: pos_benchmark,
                kind: pos_kind,
                motivation: pos_motivation,
                analysis: pos_analysis,
                named: &named,
                decimal_comma,
            },
        );
    }
}

struct RowColumns<'a> {
    indicator: usize,
    period: usize,
    value: usize,
    benchmark: Option<usize>,
    kind: Option<usize>,
    motivation: Option<usize>,
    analysis: Option<usize>,
    /// The `benchmark_KIND` columns: (position, kind).
    named: &'a [(usize, &'static str)],
    decimal_comma: bool,
}

#[allow(clippy::too_many_arguments)]
fn read_row(
    file: FileId,
    text: &str,
    record: &Record,
    catalog: &Catalog,
    data: &mut Dataset,
    diags: &mut Vec<Diagnostic>,
    cache: &mut HashMap<String, Vec<String>>,
    cols: RowColumns<'_>,
) {
    // `usable_row` passed only records as wide as the header, whose positions these are.
    let field = |i: usize| record.field(i);
    let ind_field = field(cols.indicator);
    let id = ind_field.text(text);
    let id = id.trim();
    let errors_before = diags.len();
    enum Target {
        Indicator(u32),
        Goal(u32),
    }
    let target = if id.is_empty() {
        diags.push(
            Diagnostic::new(
                Code::P0702,
                ind_field.span(file),
                text!("data-csv-no-indicator"),
            )
            .primary(text!("data-csv-no-indicator.primary"))
            .help(text!("data-csv-no-indicator.help")),
        );
        None
    } else if let Some(i) = catalog.indicator(id) {
        Some(Target::Indicator(i))
    } else if let Some(g) = catalog.goal(id) {
        Some(Target::Goal(g))
    } else {
        diags.push(unknown_indicator(
            ind_field.span(file),
            id,
            "indicator",
            catalog.indicator_ids(),
            cache,
        ));
        None
    };
    let period_field = field(cols.period);
    let period_text = period_field.text(text);
    let year = parse_year(&period_text);
    if year.is_none() {
        diags.push(
            Diagnostic::new(
                Code::P0702,
                period_field.span(file),
                text!("data-csv-not-a-year", text = period_text.trim()),
            )
            .primary(text!("data-csv-not-a-year.primary"))
            .help(text!("data-csv-not-a-year.help")),
        );
    }
    let kind = match cols.kind.map(field) {
        None => Some(ValueKind::Actual),
        Some(f) => {
            let k = f.text(text).trim().to_lowercase();
            if k.is_empty() {
                Some(ValueKind::Actual)
            } else if let Some(kind) = ValueKind::parse(&k) {
                Some(kind)
            } else {
                diags.push(
                    Diagnostic::new(
                        Code::P0702,
                        f.span(file),
                        text!("data-csv-not-a-kind", text = &k),
                    )
                    .primary(text!("data-csv-not-a-kind.primary"))
                    .help(text!("data-csv-not-a-kind.help")),
                );
                None
            }
        }
    };
    let number = |f: Field, diags: &mut Vec<Diagnostic>| -> Option<Option<f64>> {
        match parse_number(&f.text(text), cols.decimal_comma) {
            Ok(v) => Some(v),
            Err(e) => {
                diags.push(
                    Diagnostic::new(Code::P0704, f.span(file), e.message)
                        .primary(if e.ambiguous {
                            text!("data-ambiguous-dots.primary")
                        } else {
                            text!("data-not-a-number.primary")
                        })
                        .help(e.help),
                );
                None
            }
        }
    };
    let value_field = field(cols.value);
    let value = number(value_field, diags);
    let bench_field = cols.benchmark.map(field);
    let benchmark = match bench_field {
        Some(f) => number(f, diags),
        None => Some(None),
    };
    let mut named: Vec<(&'static str, Option<f64>, Field)> = Vec::with_capacity(cols.named.len());
    for &(i, kind) in cols.named {
        let f = field(i);
        // A cell that is not a number is reported by `number`, which the check below sees.
        if let Some(v) = number(f, diags) {
            named.push((kind, v, f));
        }
    }
    let motivation = cols
        .motivation
        .map(|i| field(i).text(text).trim().to_string())
        .filter(|m| !m.is_empty());
    let analysis = cols
        .analysis
        .map(|i| field(i).text(text).trim().to_string())
        .filter(|m| !m.is_empty());
    let (Some(target), Some(year), Some(kind), Some(value), Some(benchmark)) =
        (target, year, kind, value, benchmark)
    else {
        return;
    };
    if diags.len() > errors_before {
        return;
    }
    match target {
        Target::Indicator(indicator) => {
            let mut ok = true;
            if let Some(v) = value {
                ok &= check_unit(catalog, indicator, v, false, value_field.span(file), diags);
            }
            if let (Some(b), Some(f)) = (benchmark, bench_field) {
                ok &= check_unit(catalog, indicator, b, true, f.span(file), diags);
            }
            let entry = catalog.entry(indicator);
            let mut benchmark = benchmark;
            let mut benchmarks = Vec::with_capacity(named.len());
            for &(bkind, v, f) in &named {
                if !entry.declares(bkind) {
                    if v.is_some() {
                        diags.push(undeclared_kind(f.span(file), entry, bkind, None));
                    }
                    continue;
                }
                if let Some(v) = v {
                    ok &= check_unit(catalog, indicator, v, true, f.span(file), diags);
                }
                if entry.default_kind() == Some(bkind) {
                    match (benchmark, v, bench_field) {
                        (Some(b), Some(v), Some(bf)) if b != v => {
                            diags.push(two_defaults(file, bf, f, &entry.id, bkind, year));
                            ok = false;
                        }
                        (None, Some(_), _) => benchmark = v,
                        _ => {}
                    }
                }
                benchmarks.push((bkind.to_string(), v));
            }
            if ok {
                data.add(
                    Observation {
                        indicator,
                        year,
                        kind,
                        value,
                        benchmark,
                        benchmarks,
                        motivation,
                        analysis,
                        span: record.span(file),
                    },
                    catalog,
                    diags,
                );
            }
        }
        Target::Goal(goal) => {
            if value.is_some() || benchmark.is_some() || named.iter().any(|n| n.1.is_some()) {
                diags.push(
                    Diagnostic::new(
                        Code::P0702,
                        record.span(file),
                        text!("data-csv-goal-value", id = id),
                    )
                    .primary(text!("data-csv-goal-value.primary"))
                    .help(text!("data-csv-goal-value.help")),
                );
                return;
            }
            if motivation.is_none() && analysis.is_none() {
                diags.push(
                    Diagnostic::new(
                        Code::P0702,
                        record.span(file),
                        text!("data-csv-goal-no-motivation", id = id),
                    )
                    .primary(text!("data-csv-goal-no-motivation.primary"))
                    .help(text!("data-csv-goal-no-motivation.help")),
                );
                return;
            }
            data.add_note(
                GoalNote {
                    goal,
                    year,
                    kind,
                    motivation,
                    analysis,
                    span: record.span(file),
                },
                id,
                diags,
            );
        }
    }
}

/// P0705 for a row whose `benchmark` and `benchmark_KIND` (KIND the default kind) differ.
fn two_defaults(
    file: FileId,
    bench: Field,
    f: Field,
    id: &str,
    kind: &str,
    year: i32,
) -> Diagnostic {
    Diagnostic::new(
        Code::P0705,
        f.span(file),
        text!("data-csv-two-defaults", id = id, kind = kind, year = year),
    )
    .primary(text!("data-csv-two-defaults.primary", kind = kind))
    .label(bench.span(file), text!("data-csv-two-defaults.label"))
    .help(text!("data-csv-two-defaults.help", id = id, kind = kind))
}

/// A pejl CSV's separator and columns, kept in the [`Dataset`] so that help texts can
/// suggest a row the way the user's file writes it.
#[derive(Debug, Clone)]
pub struct Layout {
    file: FileId,
    delim: u8,
    columns: Vec<Option<Column>>,
}

/// A row to suggest for a motivation (P0707's help), in the layout of the user's data.
#[derive(Debug, Clone, PartialEq)]
pub struct MotivationRow {
    /// The row, fields separated as the file separates them.
    pub row: String,
    /// The file has no `motivation` column: the row has an extra last field, and the
    /// header needs the column too.
    pub adds_column: bool,
}

/// The row to suggest for giving `id` (an indicator or a goal) a motivation. When `row` is
/// a row of a pejl CSV, that row with `motivation` (quoted) in its motivation column and
/// every other field as the file has it. Otherwise (no row, or a Kolada or Statbank
/// value) a new row with only the ID, year, kind and motivation, in the layout of the
/// first pejl CSV read, or else `indicator,period,value,benchmark,kind,motivation`.
pub fn motivation_row(
    data: &Dataset,
    sources: &SourceSet,
    row: Option<Span>,
    id: &str,
    year: i32,
    kind: ValueKind,
    motivation: &str,
) -> MotivationRow {
    let quoted = format!("\"{}\"", motivation.replace('"', "\"\""));
    let from_row = row.and_then(|span| {
        let layout = data.csv_files.iter().find(|l| l.file == span.file)?;
        let text = sources.get(span.file).text.get(span.start..span.end)?;
        let record = Reader::new(text, layout.delim).next()?.ok()?;
        if record.fields.len() != layout.columns.len() {
            return None;
        }
        let mut fields: Vec<String> = record
            .fields
            .iter()
            .map(|f| text.get(f.start..f.end).unwrap_or("").to_string())
            .collect();
        let at = layout
            .columns
            .iter()
            .position(|&c| c == Some(Column::Motivation));
        match at.and_then(|i| fields.get_mut(i)) {
            Some(field) => *field = quoted.clone(),
            None => fields.push(quoted.clone()),
        }
        Some(MotivationRow {
            row: fields.join(&(layout.delim as char).to_string()),
            adds_column: at.is_none(),
        })
    });
    if let Some(row) = from_row {
        return row;
    }
    let standard: Vec<Option<Column>> = COLUMNS[..STANDARD].iter().map(|c| Some(c.1)).collect();
    let (delim, columns) = match data.csv_files.first() {
        // A file without a `kind` column holds only actual values.
        Some(l)
            if l.columns.contains(&Some(Column::Motivation))
                && (kind == ValueKind::Actual || l.columns.contains(&Some(Column::Kind))) =>
        {
            (l.delim, &l.columns[..])
        }
        Some(l) => (l.delim, &standard[..]),
        None => (b',', &standard[..]),
    };
    let fields: Vec<String> = columns
        .iter()
        .map(|c| match c {
            Some(Column::Indicator) => id.to_string(),
            Some(Column::Period) => year.to_string(),
            Some(Column::Kind) => kind.as_str().to_string(),
            Some(Column::Motivation) => quoted.clone(),
            _ => String::new(),
        })
        .collect();
    MotivationRow {
        row: fields.join(&(delim as char).to_string()),
        adds_column: false,
    }
}

/// Danish and Swedish (and a few English) names people give the columns, for the help of
/// a header pejl cannot read. They are only explained, never accepted.
const TRANSLATIONS: [(&str, &str); 40] = [
    ("indikator", "indicator"),
    ("indikatorer", "indicator"),
    ("nøgletal", "indicator"),
    ("nyckeltal", "indicator"),
    ("kpi", "indicator"),
    ("periode", "period"),
    ("år", "period"),
    ("aar", "period"),
    ("year", "period"),
    ("tid", "period"),
    ("værdi", "value"),
    ("vaerdi", "value"),
    ("värde", "value"),
    ("varde", "value"),
    ("utfall", "value"),
    ("udfald", "value"),
    ("resultat", "value"),
    ("sammenligning", "benchmark"),
    ("sammenligningsværdi", "benchmark"),
    ("referenceværdi", "benchmark"),
    ("jämförelse", "benchmark"),
    ("jämförelsevärde", "benchmark"),
    ("jamforelse", "benchmark"),
    ("referensvärde", "benchmark"),
    ("comparison", "benchmark"),
    ("type", "kind"),
    ("typ", "kind"),
    ("art", "kind"),
    ("værditype", "kind"),
    ("värdetyp", "kind"),
    ("begrundelse", "motivation"),
    ("motivering", "motivation"),
    ("kommentar", "motivation"),
    ("bemærkning", "motivation"),
    ("forklaring", "motivation"),
    ("förklaring", "motivation"),
    ("anmärkning", "motivation"),
    ("comment", "motivation"),
    ("reason", "motivation"),
    ("note", "motivation"),
];

/// The pejl column a Danish or Swedish column name means (`værdi` → `value`).
fn translation(name: &str) -> Option<&'static str> {
    TRANSLATIONS
        .iter()
        .find(|(t, _)| *t == name)
        .map(|&(_, column)| column)
}

/// P0701 for a first line that is not a pejl header: none of its columns is known, or it
/// has no `indicator` or `value` column. The help gives the header to copy (with the
/// file's separator) and says what the Danish or Swedish names it has are called.
fn not_a_header(
    file: FileId,
    header: &Record,
    names: &[String],
    delim: u8,
    known: &dyn Fn(&str) -> Option<Column>,
) -> Diagnostic {
    let sep = (delim as char).to_string();
    let expected = COLUMNS[..STANDARD]
        .iter()
        .map(|c| c.0)
        .collect::<Vec<_>>()
        .join(&sep);
    let message = if names.iter().all(|n| known(n).is_none()) {
        text!("data-csv-not-a-header")
    } else {
        let missing: Vec<String> = [Column::Indicator, Column::Value]
            .iter()
            .filter(|&&c| !names.iter().any(|n| known(n) == Some(c)))
            .filter_map(|&c| COLUMNS.iter().find(|x| x.1 == c))
            .map(|c| c.0.to_string())
            .collect();
        text!(
            "data-csv-header-missing",
            count = missing.len(),
            columns = Arg::AndList(missing)
        )
    };
    let mut seen = Vec::new();
    let explained: Option<Text> = names
        .iter()
        .filter(|n| known(n).is_none())
        .filter_map(|n| translation(n).map(|c| (n.clone(), c)))
        .filter(|t| {
            let new = !seen.contains(t);
            seen.push(t.clone());
            new
        })
        .map(|(name, column)| text!("data-csv-column-is", name = name, column = column))
        .reduce(|first, second| text!("data-csv-comma", first = first, second = second));
    let tabs = if delim == b'\t' { "yes" } else { "no" };
    let help = match explained {
        None => text!(
            "data-csv-not-a-header.help",
            expected = expected,
            tabs = tabs
        ),
        Some(explained) => text!(
            "data-csv-not-a-header.help-translated",
            expected = expected,
            tabs = tabs,
            explained = explained
        ),
    };
    Diagnostic::new(Code::P0701, header.span(file), message)
        .primary(text!("data-csv-header"))
        .help(help)
}

pub(crate) fn syntax_error(file: FileId, text: &str, e: &CsvError) -> Diagnostic {
    Diagnostic::new(
        Code::P0702,
        Span::char_at(file, text, e.offset),
        e.message.clone(),
    )
    .primary(text!("data-csv-syntax.primary"))
    .help(text!("data-csv-syntax.help"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(text: &str, delim: u8) -> Vec<Vec<String>> {
        Reader::new(text, delim)
            .map(|r| {
                r.unwrap()
                    .fields
                    .iter()
                    .map(|f| f.text(text).into_owned())
                    .collect()
            })
            .collect()
    }

    #[test]
    fn tokenizes_rfc4180() {
        let rows = fields("a,b,c\r\n1,\"x, \"\"y\"\"\",\n\"line\nbreak\",2,3", b',');
        assert_eq!(rows[0], ["a", "b", "c"]);
        assert_eq!(rows[1], ["1", "x, \"y\"", ""]);
        assert_eq!(rows[2], ["line\nbreak", "2", "3"]);
    }

    #[test]
    fn detects_delimiters() {
        assert_eq!(detect_delimiter("a;b;c\n1,5;2;3"), b';');
        assert_eq!(detect_delimiter("a,b,c"), b',');
        assert_eq!(detect_delimiter("a\tb\tc"), b'\t');
        assert_eq!(detect_delimiter("\"a;b\",c"), b',');
    }

    #[test]
    fn unterminated_quote_is_an_error() {
        let mut r = Reader::new("a,\"b\n", b',');
        assert!(r.next().unwrap().is_err());
        assert!(r.next().is_none());
    }
}
