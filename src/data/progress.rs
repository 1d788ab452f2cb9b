//! The activity CSV: the progress of a policy's activities, one row each time an activity
//! changes state (planned, started, done, cancelled), with the date and a comment.
//!
//! ```text
//! activity;status;date;comment
//! nki_dialog;påbörjad;2024-02-15;Första frukosten hölls i februari.
//! nki_dialog;klar;2024-11-28;Fyra frukostar under året, 25 företag i snitt.
//! ```
//!
//! A file is an activity CSV when its header has an `activity` column (and no `indicator`).
//! The status is a word in Swedish, Danish or English ([`State::parse`]); the date is written
//! `2024-02-15` (Danish Excel's `15-02-2024` and `15.02.2024` are read too). A row that says an
//! activity started, was done or was cancelled needs its date (P0710); a `planned` row may go
//! without one (it holds from the start). A report reads each activity's latest row up to the
//! end of the period it covers ([`Dataset::progress_at`]).

use super::csv::{detect_delimiter, syntax_error, usable_row, Reader};
use super::{Catalog, Dataset};
use crate::diagnostic::{did_you_mean, suggestions, Code, Diagnostic};
use crate::span::{FileId, Span};
use crate::text;
use schemars::JsonSchema;
use serde::Serialize;
use std::collections::HashMap;

/// Where an activity stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum State {
    Planned,
    Started,
    Done,
    Cancelled,
}

/// The words a status cell may hold, per state (compared in lower case): English, Swedish,
/// Danish.
const WORDS: &[(State, &[&str])] = &[
    (
        State::Planned,
        &[
            "planned",
            "not started",
            "planerad",
            "planerat",
            "ej påbörjad",
            "ej startad",
            "planlagt",
            "planlagd",
            "ikke startet",
            "ikke påbegyndt",
        ],
    ),
    (
        State::Started,
        &[
            "started",
            "in progress",
            "ongoing",
            "påbörjad",
            "påbörjat",
            "pågår",
            "pågående",
            "startad",
            "igangsat",
            "i gang",
            "påbegyndt",
            "startet",
        ],
    ),
    (
        State::Done,
        &[
            "done",
            "completed",
            "finished",
            "klar",
            "klart",
            "genomförd",
            "genomfört",
            "slutförd",
            "avslutad",
            "afsluttet",
            "gennemført",
            "færdig",
        ],
    ),
    (
        State::Cancelled,
        &[
            "cancelled",
            "canceled",
            "avbruten",
            "avbrutet",
            "inställd",
            "struken",
            "aflyst",
            "annulleret",
            "opgivet",
        ],
    ),
];

impl State {
    pub fn as_str(self) -> &'static str {
        match self {
            State::Planned => "planned",
            State::Started => "started",
            State::Done => "done",
            State::Cancelled => "cancelled",
        }
    }

    /// The state a status word names, in any case: `planned`/`planerad`/`planlagt`,
    /// `started`/`påbörjad`/`pågår`/`igangsat`, `done`/`klar`/`genomförd`/`afsluttet`,
    /// `cancelled`/`avbruten`/`aflyst` (see `WORDS` for every word).
    pub fn parse(word: &str) -> Option<State> {
        let word = word.trim().to_lowercase();
        let word = word.split_whitespace().collect::<Vec<_>>().join(" ");
        WORDS
            .iter()
            .find(|(_, words)| words.contains(&word.as_str()))
            .map(|(state, _)| *state)
    }
}

/// A calendar date: (year, month, day).
pub type Date = (i32, u32, u32);

/// One row of an activity CSV.
#[derive(Debug, Clone)]
pub struct Progress {
    /// Index into the compiled policy's `activities`.
    pub activity: u32,
    pub state: State,
    /// (year, month, day); `None` only for a `planned` row.
    pub date: Option<Date>,
    pub comment: Option<String>,
    pub span: Span,
}

impl Dataset {
    /// The latest progress row of `activity` on or before `until` (undated `planned` rows
    /// first; of two rows on one date, the later in the data), if there is one.
    pub fn progress_at(&self, activity: u32, until: Date) -> Option<&Progress> {
        self.progress
            .iter()
            .filter(|p| p.activity == activity && p.date.is_none_or(|d| d <= until))
            .enumerate()
            .max_by_key(|(i, p)| (p.date, *i))
            .map(|(_, p)| p)
    }
}

/// Whether a CSV's header names an `activity` column and no `indicator` column.
pub fn looks_like_progress(text: &str) -> bool {
    let delim = detect_delimiter(text);
    let Some(Ok(header)) = Reader::new(text, delim).find(|r| match r {
        Ok(r) => !r.is_blank(text),
        Err(_) => true,
    }) else {
        return false;
    };
    let names: Vec<String> = header
        .fields
        .iter()
        .map(|f| f.text(text).trim().to_lowercase())
        .collect();
    names.iter().any(|n| n == "activity") && !names.iter().any(|n| n == "indicator")
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Column {
    Activity,
    Status,
    Date,
    Comment,
}

const COLUMNS: [(&str, Column); 5] = [
    ("activity", Column::Activity),
    ("status", Column::Status),
    ("date", Column::Date),
    ("comment", Column::Comment),
    ("analysis", Column::Comment),
];

/// Reads an activity CSV into `data.progress`.
pub fn read(
    file: FileId,
    text: &str,
    catalog: &Catalog,
    data: &mut Dataset,
    diags: &mut Vec<Diagnostic>,
) {
    let delim = detect_delimiter(text);
    let mut records = Reader::new(text, delim);
    let header = loop {
        match records.next() {
            None => return,
            Some(Err(e)) => {
                diags.push(syntax_error(file, text, &e));
                return;
            }
            Some(Ok(r)) if r.is_blank(text) => continue,
            Some(Ok(r)) => break r,
        }
    };
    let mut columns: Vec<Option<Column>> = Vec::new();
    let mut bad_header = false;
    for field in &header.fields {
        let name = field.text(text).trim().to_lowercase();
        match COLUMNS.iter().find(|(n, _)| *n == name).map(|c| c.1) {
            Some(c) if columns.contains(&Some(c)) => {
                diags.push(
                    Diagnostic::new(
                        Code::P0701,
                        field.span(file),
                        text!("data-csv-column-twice", name = &name),
                    )
                    .primary(text!("data-csv-column-twice.primary"))
                    .help(text!("data-csv-column-twice.help")),
                );
                bad_header = true;
                columns.push(None);
            }
            Some(c) => columns.push(Some(c)),
            None if name.is_empty() => columns.push(None),
            None => {
                let close = suggestions(&name, COLUMNS.iter().map(|c| c.0));
                diags.push(
                    Diagnostic::new(
                        Code::P0701,
                        field.span(file),
                        text!("data-progress-unknown-column", name = &name),
                    )
                    .primary(text!("data-csv-unknown-column.primary"))
                    .help(match did_you_mean(&close) {
                        Some(d) => d.then(text!("data-progress-unknown-column.help-capital")),
                        None => text!("data-progress-unknown-column.help"),
                    }),
                );
                bad_header = true;
                columns.push(None);
            }
        }
    }
    if !columns.contains(&Some(Column::Status)) {
        diags.push(
            Diagnostic::new(
                Code::P0701,
                header.span(file),
                text!("data-progress-no-status"),
            )
            .primary(text!("data-csv-header"))
            .help(text!("data-progress-no-status.help")),
        );
        bad_header = true;
    }
    if bad_header {
        return;
    }
    let position = |c: Column| columns.iter().position(|&x| x == Some(c));
    let (Some(pos_activity), Some(pos_status)) =
        (position(Column::Activity), position(Column::Status))
    else {
        return;
    };
    let pos_date = position(Column::Date);
    let pos_comment = position(Column::Comment);
    let width = columns.len();
    // (activity, date) → the row that gave it first, for duplicates.
    let mut seen: HashMap<(u32, Option<Date>), Span> = HashMap::new();
    for record in records {
        let help = text!("data-progress-width.help");
        let Some(record) = usable_row(record, text, file, width, help, diags) else {
            continue;
        };
        // `usable_row` passed only records as wide as the header, whose positions these are.
        let field = |i: usize| record.field(i);
        let errors_before = diags.len();
        let id_field = field(pos_activity);
        let id = id_field.text(text);
        let id = id.trim();
        let activity = if id.is_empty() {
            diags.push(
                Diagnostic::new(
                    Code::P0702,
                    id_field.span(file),
                    text!("data-progress-no-activity"),
                )
                .primary(text!("data-csv-no-indicator.primary"))
                .help(text!("data-progress-no-activity.help")),
            );
            None
        } else if let Some(a) = catalog.activity(id) {
            Some(a)
        } else {
            let close = suggestions(id, catalog.activity_ids());
            let mut diag = Diagnostic::new(
                Code::P0711,
                id_field.span(file),
                text!("data-progress-unknown-activity", id = id),
            )
            .primary(text!("data-progress-unknown-activity.primary"))
            .help(match did_you_mean(&close) {
                Some(d) => d,
                None => text!("data-progress-unknown-activity.help", id = id),
            });
            if let Some(best) = close.first() {
                diag = diag.fix(text!("fix-change-to", to = best), best.clone());
            }
            diags.push(diag);
            None
        };
        let status_field = field(pos_status);
        let word = status_field.text(text);
        let state = State::parse(&word);
        if state.is_none() {
            let word = word.trim();
            let all = WORDS.iter().flat_map(|(_, w)| w.iter().copied());
            let close = suggestions(&word.to_lowercase(), all);
            let mut diag = Diagnostic::new(
                Code::P0702,
                status_field.span(file),
                if word.is_empty() {
                    text!("data-progress-no-status-given")
                } else {
                    text!("data-progress-not-a-status", word = word)
                },
            )
            .primary(text!("data-progress-not-a-status.primary"))
            .help(match did_you_mean(&close) {
                Some(d) => d.then(text!("data-progress-not-a-status.help-capital")),
                None => text!("data-progress-not-a-status.help"),
            });
            if let Some(best) = close.first() {
                diag = diag.fix(text!("fix-change-to", to = best), best.clone());
            }
            diags.push(diag);
        }
        let date_field = pos_date.map(field);
        let date_text = date_field.map(|f| f.text(text)).unwrap_or_default();
        let date_text = date_text.trim();
        let date = if date_text.is_empty() {
            None
        } else {
            let date = parse_date(date_text);
            if date.is_none() {
                diags.push(
                    Diagnostic::new(
                        Code::P0702,
                        date_field.map_or(record.span(file), |f| f.span(file)),
                        text!("data-progress-not-a-date", text = date_text),
                    )
                    .primary(text!("data-progress-not-a-date.primary"))
                    .help(text!("data-progress-not-a-date.help")),
                );
            }
            date
        };
        if let (Some(state), None, true) = (state, date, date_text.is_empty()) {
            if state != State::Planned {
                let state = match state {
                    State::Started => "started",
                    State::Done => "done",
                    _ => "cancelled",
                };
                let at = date_field.map_or(status_field.span(file), |f| f.span(file));
                diags.push(
                    Diagnostic::new(
                        Code::P0710,
                        at,
                        text!("data-progress-no-date", id = id, state = state),
                    )
                    .primary(text!("data-progress-no-date.primary"))
                    .label(
                        status_field.span(file),
                        text!("data-progress-no-date.label", state = state),
                    )
                    .help(text!("data-progress-no-date.help", state = state)),
                );
            }
        }
        if diags.len() > errors_before {
            continue;
        }
        let (Some(activity), Some(state)) = (activity, state) else {
            continue;
        };
        let span = record.span(file);
        if let Some(&first) = seen.get(&(activity, date)) {
            let message = match date {
                None => text!("data-progress-second-row.undated", id = id),
                Some((y, m, d)) => text!(
                    "data-progress-second-row",
                    id = id,
                    date = format!("{y:04}-{m:02}-{d:02}")
                ),
            };
            diags.push(
                Diagnostic::new(Code::P0705, span, message)
                    .primary(text!("data-statbank-second-row.primary"))
                    .label(first, text!("data-progress-second-row.label"))
                    .help(text!("data-progress-second-row.help")),
            );
            continue;
        }
        seen.insert((activity, date), span);
        let comment = pos_comment
            .map(|i| field(i).text(text).trim().to_string())
            .filter(|c| !c.is_empty());
        data.progress.push(Progress {
            activity,
            state,
            date,
            comment,
            span,
        });
    }
}

/// `2024-03-15`, or as Danish and Swedish spreadsheets may write it, `15-03-2024`,
/// `15.03.2024` or `15/03/2024` (the year last, in four digits): (year, month, day).
pub fn parse_date(text: &str) -> Option<Date> {
    let parts: Vec<&str> = text.split(['-', '.', '/']).collect();
    let [a, b, c] = parts.as_slice() else {
        return None;
    };
    let digits = |s: &str| !s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit());
    if !(digits(a) && digits(b) && digits(c)) {
        return None;
    }
    let (y, m, d) = if a.len() == 4 && text.contains('-') {
        (a, b, c)
    } else if c.len() == 4 && a.len() <= 2 {
        (c, b, a)
    } else {
        return None;
    };
    if m.len() > 2 || d.len() > 2 {
        return None;
    }
    let (y, m, d) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (1..=days).contains(&d).then_some((y, m, d))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_as_spreadsheets_write_them() {
        assert_eq!(parse_date("2024-03-15"), Some((2024, 3, 15)));
        assert_eq!(parse_date("15-03-2024"), Some((2024, 3, 15)));
        assert_eq!(parse_date("15.3.2024"), Some((2024, 3, 15)));
        assert_eq!(parse_date("2024-02-30"), None);
        assert_eq!(parse_date("2024/03/15"), None);
        assert_eq!(parse_date("mars"), None);
        assert_eq!(parse_date("2024-03"), None);
    }

    #[test]
    fn status_words_in_three_languages() {
        for (word, state) in [
            ("planned", State::Planned),
            ("Planerad", State::Planned),
            ("planlagt", State::Planned),
            ("started", State::Started),
            ("påbörjad", State::Started),
            ("Pågår", State::Started),
            ("igangsat", State::Started),
            ("DONE", State::Done),
            ("klar", State::Done),
            ("afsluttet", State::Done),
            ("cancelled", State::Cancelled),
            ("avbruten", State::Cancelled),
            ("aflyst", State::Cancelled),
            ("in  progress", State::Started),
        ] {
            assert_eq!(State::parse(word), Some(state), "{word}");
        }
        assert_eq!(State::parse("klar?"), None);
    }
}
