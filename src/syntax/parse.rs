//! The parser: pest parses one top-level declaration at a time; this driver skips past a
//! declaration that fails (to the next line that starts at column 0) and goes on, and the
//! lowering turns pest pairs into the owned AST, reporting `bad_stmt` nodes as it meets them.

use super::ast::{
    Activity, Adopted, Atom, Band, BandLabel, Baseline, BenchmarkDecl, BenchmarkKind, Body, Budget,
    Cardinality, Chain, CmpOp, Cond, CoreValue, Covers, DateLit, Decl, Direction, Expect, File,
    Goal, Ident, Include, Indicator, InputKind, Level, Milestone, MonthDay, Number, Period, Policy,
    Reference, Report, Scale, ScaleEntry, Source, Target, TargetValue, Test, TestInput, Text,
    UnitDecl, Year,
};
use super::text::{dedent, line_end, next_line, scan, unescape, Lexeme, MAX_NESTING};
use crate::data::{groups_thousands, GROUP_SPACES};
use crate::diagnostic::{did_you_mean, suggestions, Code, Diagnostic};
use crate::i18n::Text as Msg;
use crate::span::{FileId, Span};
use crate::text;
use crate::unit::{Per, Unit, UnitKind, UNIT_WORDS};
use pest::iterators::Pair;
use pest::Parser as _;

#[derive(pest_derive::Parser)]
#[grammar = "../grammar/pejl.pest"]
pub struct PejlParser;

/// Parses one file. Never fails: what cannot be parsed becomes diagnostics.
///
/// Large files are parsed in two halves on two threads: the second half starts at a
/// line that looks like a declaration, and its results are used from the point where the
/// first half's last declaration ends (a wrong guess only costs a sequential re-parse).
pub fn parse_file(file: FileId, text: &str) -> (File, Vec<Diagnostic>) {
    parse_file_split(file, text, parallel_split(text))
}

/// Where a large text is cut in two to be read on two threads (the parser's and the
/// formatter's one choice), or `None` for a small text or a single core. The cut is at the
/// start of a line that starts at column 0 near the middle: a character and line boundary.
pub(crate) fn parallel_split(text: &str) -> Option<usize> {
    let parallel = text.len() > PARALLEL_THRESHOLD
        && std::thread::available_parallelism().is_ok_and(|n| n.get() > 1);
    let split = split_near(text, text.len() / 2);
    (parallel && split < text.len()).then_some(split)
}

/// The start of the first line at or after `from` where a declaration can start (any byte
/// offset, also one inside a character): where the parser and the formatter cut a text.
pub fn split_near(text: &str, from: usize) -> usize {
    recovery_point(text, from)
}

/// Runs `work` on a second thread with the main thread's stack size: pest recurses once
/// per nesting level, and the limits in this module are measured on the main thread.
pub(crate) fn on_second_thread<'scope, T: Send + 'scope>(
    scope: &'scope std::thread::Scope<'scope, '_>,
    work: impl FnOnce() -> T + Send + 'scope,
) -> std::io::Result<std::thread::ScopedJoinHandle<'scope, T>> {
    std::thread::Builder::new()
        .stack_size(8 * 1024 * 1024)
        .spawn_scoped(scope, work)
}

/// [`parse_file`] with the second thread starting at `split` (if any): the result must not
/// depend on it (tests/recovery.rs proves it for every split of its inputs).
pub fn parse_file_split(file: FileId, text: &str, split: Option<usize>) -> (File, Vec<Diagnostic>) {
    let lexemes = scan(text);
    let comments = lexemes
        .iter()
        .filter(|(kind, ..)| *kind == Lexeme::Comment)
        .map(|&(_, s, e)| Span::new(file, s, e))
        .collect();
    let begin = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let split = split.filter(|&s| s > begin && s < text.len() && text.is_char_boundary(s));
    let mut entries = if let Some(split) = split {
        let (mut first, second) = std::thread::scope(|scope| {
            let second = on_second_thread(scope, || {
                parse_range(file, text, split, text.len(), &lexemes)
            });
            let first = parse_range(file, text, begin, split, &lexemes);
            (first, second.ok().and_then(|s| s.join().ok()))
        });
        let resume = skip_trivia(text, first.last().map_or(begin, |e| e.end));
        match second.and_then(|s| {
            let at = s.iter().position(|e| e.start == resume)?;
            Some(s.into_iter().skip(at))
        }) {
            Some(rest) => first.extend(rest),
            None => first.extend(parse_range(file, text, resume, text.len(), &lexemes)),
        }
        first
    } else {
        parse_range(file, text, begin, text.len(), &lexemes)
    };
    let mut decls = Vec::with_capacity(entries.len());
    let mut diags = Vec::new();
    for entry in entries.drain(..) {
        decls.extend(entry.decl);
        diags.extend(entry.diags);
    }
    (File { decls, comments }, diags)
}

/// Where pest's attempt got furthest before it failed, relative to its input.
fn furthest(error: &pest::error::Error<Rule>) -> usize {
    match error.location {
        pest::error::InputLocation::Pos(p) => p,
        pest::error::InputLocation::Span((_, e)) => e,
    }
}

/// Parses the declaration at `pos`, reading no further than `limit`. pest is given a window
/// that ends at a line where a declaration can start, first the next such line, then twice
/// as many lines each time its attempt runs into the window's end. A failure inside the window
/// is the failure a parse of the whole rest would give (no attempt reached further), and pest
/// builds its error by scanning its input from the end: a window keeps that, and so the cost
/// of each broken declaration, to its own size instead of the rest of the file.
pub(crate) fn parse_declaration(
    text: &str,
    pos: usize,
    limit: usize,
) -> Result<pest::iterators::Pairs<'_, Rule>, pest::error::Error<Rule>> {
    let mut end = recovery_point(text, pos).min(limit);
    let mut lines = 1usize;
    loop {
        let input = text.get(pos..end).unwrap_or_default();
        let result = PejlParser::parse(Rule::decl, input);
        match &result {
            Err(error)
                if end < limit
                    && furthest(error) >= input.trim_end().len()
                    && (inside_text_block(input) || !starts_declaration(text, end)) =>
            {
                lines *= 2;
                for _ in 0..lines {
                    end = recovery_point(text, end).min(limit);
                }
            }
            _ => return result,
        }
    }
}

/// Whether a line that looks like the start of a declaration starts at `at` (the grammar's
/// `decl_start`): a declaration attempt that runs into one has failed, whatever follows. Only
/// that line is given to pest (its error for a failed match scans its whole input).
fn starts_declaration(text: &str, at: usize) -> bool {
    let line = text.get(at..line_end(text, at)).unwrap_or_default();
    PejlParser::parse(Rule::declaration_start, line).is_ok()
}

/// Whether `input` ends inside a `"""` text block (its lines may start at column 0).
fn inside_text_block(input: &str) -> bool {
    memchr::memmem::find_iter(input.as_bytes(), b"\"\"\"").count() % 2 == 1
}

/// The first place at or after `pos` where conditions nest too deeply: (start, end).
fn deep_place(deep_places: &[(usize, usize)], pos: usize) -> Option<(usize, usize)> {
    let first = deep_places.partition_point(|&(_, end)| end <= pos);
    deep_places
        .get(first)
        .map(|&(start, end)| (start.max(pos), end))
}

/// The largest number a policy may write (in absolute value).
const MAX_NUMBER: f64 = 1e15;

/// Files above this size are parsed on two threads.
const PARALLEL_THRESHOLD: usize = 256 * 1024;

/// One top-level declaration attempt: what it produced and where it lay.
pub struct Entry {
    pub start: usize,
    pub end: usize,
    pub decl: Option<Decl>,
    pub diags: Vec<Diagnostic>,
}

/// Parses declarations starting at `from` until one starts at or after `stop`.
/// (Public for the language server's incremental re-parse, `ide::IncrementalParser`.)
pub fn parse_range(
    file: FileId,
    text: &str,
    from: usize,
    stop: usize,
    lexemes: &[(Lexeme, usize, usize)],
) -> Vec<Entry> {
    let mut entries = Vec::new();
    let mut lower = Lower {
        file,
        base: 0,
        diags: Vec::new(),
    };
    let deep_places: Vec<(usize, usize)> = lexemes
        .iter()
        .filter(|l| l.0 == Lexeme::TooDeep)
        .map(|&(_, start, end)| (start, end))
        .collect();
    let mut pos = from;
    loop {
        pos = skip_trivia(text, pos);
        if pos >= text.len() || pos >= stop {
            break;
        }
        let start = pos;
        // pest never reads into a place nested too deeply: its input ends there.
        let deep = deep_place(&deep_places, pos);
        let limit = deep.map_or(text.len(), |(start, _)| start);
        let parsed = (limit > pos).then(|| parse_declaration(text, pos, limit));
        let reached_deep = |parsed: &Option<Result<_, pest::error::Error<Rule>>>| match parsed {
            None => true,
            Some(Ok(_)) => false,
            Some(Err(error)) => deep.is_some() && pos + furthest(error) >= limit,
        };
        if reached_deep(&parsed) {
            let (at, shallow) = deep.unwrap_or((pos, text.len()));
            lower.diags.push(
                Diagnostic::new(
                    Code::P0001,
                    Span::new(file, at, point_end(text, at)),
                    text!("syntax-too-deep", depth = MAX_NESTING),
                )
                .primary(text!("syntax-too-deep.label"))
                .help(text!("syntax-too-deep.help")),
            );
            pos = recovery_point(text, shallow.max(pos));
            entries.push(Entry {
                start,
                end: pos,
                decl: None,
                diags: std::mem::take(&mut lower.diags),
            });
            continue;
        }
        let decl = match parsed {
            None => None,
            Some(Ok(mut pairs)) => {
                let Some(pair) = pairs.next() else { break };
                let end = pos + pair.as_span().end();
                lower.base = pos;
                let decl = lower.decl(pair);
                pos = end.max(pos + 1);
                decl
            }
            Some(Err(error)) => {
                let resume = recovery_point(text, pos);
                let region = Span::new(file, pos, resume);
                lower
                    .diags
                    .push(declaration_error(text, region, &error, lexemes));
                pos = resume;
                None
            }
        };
        entries.push(Entry {
            start,
            end: pos,
            decl,
            diags: std::mem::take(&mut lower.diags),
        });
    }
    entries
}

/// Skips blanks, line breaks and comments between declarations (also the incremental re-parse's).
pub(crate) fn skip_trivia(text: &str, mut pos: usize) -> usize {
    let bytes = text.as_bytes();
    while pos < bytes.len() {
        match bytes[pos] {
            b' ' | b'\t' | b'\r' | b'\n' => pos += 1,
            b'/' if bytes.get(pos + 1) == Some(&b'/') => pos = line_end(text, pos),
            _ => break,
        }
    }
    pos
}

/// Where to resume after a declaration that failed: the next line that starts at column 0
/// with something other than a brace or a blank (declarations start at column 0; their
/// contents are indented).
pub(crate) fn recovery_point(text: &str, from: usize) -> usize {
    let bytes = text.as_bytes();
    let mut pos = from;
    while let Some(next) = next_line(text, pos) {
        pos = next;
        match bytes.get(pos) {
            None => return text.len(),
            Some(b' ' | b'\t' | b'\r' | b'\n' | b'}' | b'{') => continue,
            Some(b'/') if bytes.get(pos + 1) == Some(&b'/') => continue,
            Some(_) => return pos,
        }
    }
    text.len()
}

/// What the user wrote at an error position, in words.
/// The offset of the first `{` that is never closed in `text`, skipping strings, text blocks
/// and comments.
fn unclosed_brace(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut open: Vec<usize> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                i = text[i..].find('\n').map_or(bytes.len(), |n| i + n);
            }
            b'"' if text[i..].starts_with("\"\"\"") => {
                i = text[i + 3..]
                    .find("\"\"\"")
                    .map_or(bytes.len(), |n| i + 3 + n + 3);
                continue;
            }
            b'"' => {
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' && bytes[i] != b'\n' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
            }
            b'{' => open.push(i),
            b'}' => {
                open.pop();
            }
            _ => {}
        }
        i += 1;
    }
    open.first().copied()
}

/// Slips that the generic "expected …, but found …" would explain badly: typographic quotes
/// pasted from a word processor, and `60%` where a number is expected. (message, help, length).
fn common_slip(text: &str, offset: usize) -> Option<(Msg, Msg, usize)> {
    let rest = text[offset.min(text.len())..].trim_start_matches([' ', '\t']);
    let skipped = text.len().saturating_sub(offset) - rest.len();
    let first = rest.chars().next()?;
    if matches!(first, '“' | '”' | '„' | '«' | '»' | '‘' | '’' | '‚') {
        return Some((
            text!("syntax-typographic-quote", quote = first.to_string()),
            text!("syntax-typographic-quote.help"),
            skipped + first.len_utf8(),
        ));
    }
    let digits = rest
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(rest.len());
    if digits > 0 && rest[digits..].starts_with('%') {
        let number = &rest[..digits];
        return Some((
            text!("syntax-percent-sign", number = number),
            text!("syntax-percent-sign.help", number = number),
            skipped + digits + 1,
        ));
    }
    None
}

fn found_at(text: &str, offset: usize) -> Msg {
    let rest = text.get(offset.min(text.len())..).unwrap_or_default();
    let rest = rest.trim_start_matches([' ', '\t']);
    match rest.chars().next() {
        None => text!("syntax-found-end-of-file"),
        Some('\r' | '\n') => text!("syntax-found-end-of-line"),
        Some(c) if c.is_alphanumeric() || c == '_' => {
            let word: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '-' || *c == '.')
                .collect();
            text!("syntax-found-word", word = word)
        }
        Some(c) => text!("syntax-found-word", word = c.to_string()),
    }
}

/// What `line` (one statement's line) holds at `offset`: its end is the line's, not the file's.
fn found_in_line(line: &str, offset: usize) -> Msg {
    if line.get(offset..).is_none_or(|rest| rest.trim().is_empty()) {
        text!("syntax-found-end-of-line")
    } else {
        found_at(line, offset)
    }
}

fn describe(rule: Rule) -> Option<Msg> {
    use Rule::*;
    Some(match rule {
        ident | ref_name | level_name | band_status | test_ref => text!("syntax-expected-name"),
        ident_list => text!("syntax-expected-names"),
        string => text!("syntax-expected-string"),
        title | text_block => text!("syntax-expected-title"),
        number => text!("syntax-expected-number"),
        percent => text!("syntax-expected-percent"),
        signed_pct => text!("syntax-expected-change"),
        year | year_lo | year_hi => text!("syntax-expected-year"),
        date | full_date | misspelt_date => text!("syntax-expected-date"),
        deadline => text!("syntax-expected-deadline"),
        month_day | due_date => text!("syntax-expected-month-day"),
        unit_per => text!("syntax-expected-unit-per"),
        unit_bound => text!("syntax-expected-unit-bound"),
        year_range => text!("syntax-expected-year-range"),
        cmp_op => text!("syntax-expected-comparison"),
        rule_cond | rule_and | rule_unary | rule_atom | negation => {
            text!("syntax-expected-condition")
        }
        rollup_cond | rollup_and | rollup_unary | rollup_atom | rollup_negation => {
            text!("syntax-expected-rollup-condition")
        }
        reference | ref_target | ref_benchmark | ref_baseline => {
            text!("syntax-expected-reference")
        }
        target_value => text!("syntax-expected-target-value"),
        otherwise | k_otherwise | k_when => text!("syntax-expected-otherwise"),
        budget_currency => text!("syntax-expected-currency"),
        decl | goal_decl | policy_decl | include_decl | body_decl | chain_decl | scale_decl
        | indicator_decl | value_decl | report_decl | rule_decl | rollup_decl | test_decl
        | activity_decl => text!("syntax-expected-declaration"),
        bad_stmt => return None,
        other => {
            let keyword = super::keywords::of_rule(&format!("{other:?}"))?;
            return Some(text!("syntax-keyword", keyword = keyword));
        }
    })
}

fn expected_words(positives: &[Rule]) -> Msg {
    let mut words: Vec<Msg> = Vec::new();
    for rule in positives {
        if let Some(word) = describe(*rule) {
            if !words.contains(&word) {
                words.push(word);
            }
        }
    }
    // "a, b, c or d": at most four, the rest left out.
    words.truncate(4);
    let Some(last) = words.pop() else {
        return text!("syntax-expected-else");
    };
    let mut init = words.into_iter();
    let Some(first) = init.next() else {
        return last;
    };
    let listed = init.fold(first, |list, word| {
        text!("syntax-expected-comma", first = list, rest = word)
    });
    text!("syntax-expected-or", first = listed, last = last)
}

/// The first word of a region, to say what kind of declaration it was meant to be.
fn first_word(text: &str) -> &str {
    let end = text
        .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-'))
        .unwrap_or(text.len());
    &text[..end]
}

fn what_decl(word: &str) -> Msg {
    match word {
        "policy" => text!("syntax-decl-policy"),
        "include" => text!("syntax-decl-include"),
        "body" => text!("syntax-decl-body"),
        "chain" => text!("syntax-decl-chain"),
        "scale" => text!("syntax-decl-scale"),
        "indicator" => text!("syntax-decl-indicator"),
        "value" => text!("syntax-decl-value"),
        "report" => text!("syntax-decl-report"),
        "rule" => text!("syntax-decl-rule"),
        "rollup" => text!("syntax-decl-rollup"),
        "test" => text!("syntax-decl-test"),
        "activity" => text!("syntax-decl-activity"),
        _ => text!("syntax-decl-goal"),
    }
}

/// An unterminated string inside `region`, if there is one: it explains every other error there.
fn unterminated_in(region: Span, lexemes: &[(Lexeme, usize, usize)]) -> Option<Diagnostic> {
    lexemes.iter().find_map(|&(kind, start, end)| {
        let Lexeme::Unterminated { block } = kind else {
            return None;
        };
        if start < region.start || start >= region.end {
            return None;
        }
        let span = Span::new(region.file, start, if block { start + 3 } else { end });
        Some(if block {
            Diagnostic::new(Code::P0002, span, text!("syntax-text-block-unclosed"))
                .primary(text!("syntax-text-block-unclosed.label"))
                .help(text!("syntax-text-block-unclosed.help"))
        } else {
            Diagnostic::new(Code::P0002, span, text!("syntax-string-unclosed"))
                .primary(text!("syntax-string-unclosed.label"))
                .help(text!("syntax-string-unclosed.help"))
        })
    })
}

fn declaration_error(
    text: &str,
    region: Span,
    error: &pest::error::Error<Rule>,
    lexemes: &[(Lexeme, usize, usize)],
) -> Diagnostic {
    if let Some(diag) = unterminated_in(region, lexemes) {
        return diag;
    }
    let offset = region.start
        + match error.location {
            pest::error::InputLocation::Pos(p) => p,
            pest::error::InputLocation::Span((s, _)) => s,
        };
    let offset = offset.min(region.end);
    let word = first_word(&text[region.start..]);
    let what = what_decl(word);
    let positives = match &error.variant {
        pest::error::ErrorVariant::ParsingError { positives, .. } => positives.clone(),
        pest::error::ErrorVariant::CustomError { .. } => Vec::new(),
    };
    let found = found_at(text, offset);
    let at = Span::new(region.file, offset, point_end(text, offset));
    if positives.contains(&Rule::bad_stmt) && !positives.contains(&Rule::title) {
        // Every statement alternative failed and the block did not close.
        let open = text[region.start..region.end]
            .find('{')
            .map(|i| region.start + i);
        let id = first_word(text[region.start + word.len()..].trim_start());
        let mut diag = Diagnostic::new(
            Code::P0001,
            at,
            text!("syntax-block-unclosed", what = what, id = id),
        )
        .primary(text!("syntax-block-unclosed.label"))
        .help(text!("syntax-block-unclosed.help"));
        if let Some(open) = open {
            diag = diag.label(
                Span::new(region.file, open, open + 1),
                text!("syntax-block-opened"),
            );
        }
        return diag;
    }
    let at_end = skip_trivia(text, offset) >= text.len();
    if let (true, Some(open)) = (at_end, unclosed_brace(&text[region.start..region.end])) {
        let id = first_word(text[region.start + word.len()..].trim_start());
        let open = region.start + open;
        return Diagnostic::new(
            Code::P0001,
            Span::new(region.file, open, open + 1),
            text!("syntax-block-unclosed-at-end", what = what, id = id),
        )
        .primary(text!("syntax-block-unclosed-at-end.label"))
        .help(text!("syntax-block-unclosed.help"));
    }
    let expected = expected_words(&positives);
    if word.is_empty() {
        return Diagnostic::new(
            Code::P0001,
            at,
            text!("syntax-not-a-declaration", found = found),
        )
        .primary(text!("syntax-not-a-declaration.label"))
        .help(text!("syntax-not-a-declaration.help"));
    }
    if let Some((message, help, len)) = common_slip(text, offset) {
        return Diagnostic::new(
            Code::P0001,
            Span::new(region.file, offset, offset + len),
            message,
        )
        .primary(text!("syntax-here"))
        .help(help);
    }
    let id = first_word(text[region.start + word.len()..].trim_start());
    let subject = if id.is_empty() || offset <= region.start + word.len() {
        what
    } else {
        text!("syntax-decl-named", what = what, id = id)
    };
    Diagnostic::new(
        Code::P0001,
        at,
        text!(
            "syntax-expected-for",
            expected = expected.clone(),
            subject = subject,
            found = found
        ),
    )
    .primary(text!("syntax-expected-for.label", expected = expected))
    .label(
        Span::new(region.file, region.start, line_end(text, region.start)),
        text!("syntax-declaration-skipped"),
    )
    .help(decl_help(word))
}

fn decl_help(word: &str) -> Msg {
    match word {
        "policy" => text!("syntax-how-policy"),
        "include" => text!("syntax-how-include"),
        "body" => text!("syntax-how-body"),
        "chain" => text!("syntax-how-chain"),
        "scale" => text!("syntax-how-scale"),
        "indicator" => text!("syntax-how-indicator"),
        "value" => text!("syntax-how-value"),
        "report" => text!("syntax-how-report"),
        "rule" => text!("syntax-how-rule"),
        "rollup" => text!("syntax-how-rollup"),
        "test" => text!("syntax-how-test"),
        "activity" => text!("syntax-how-activity"),
        _ => text!("syntax-how-goal"),
    }
}

/// The end of a one-token span at `offset`, for underlining.
fn point_end(text: &str, offset: usize) -> usize {
    let rest = &text[offset..];
    let len = rest
        .char_indices()
        .find(|&(i, c)| i > 0 && (c.is_whitespace() || "{}\",".contains(c)))
        .map_or(rest.len(), |(i, _)| i);
    let len = if len == 0 {
        rest.chars().next().map_or(0, char::len_utf8)
    } else {
        len
    };
    offset + len
}

/// Which statements a block accepts: keyword → rule, for messages about a `bad_stmt`.
#[derive(Clone, Copy, PartialEq, Eq)]
enum BlockKind {
    Policy,
    Body,
    Chain,
    Scale,
    Indicator,
    Report,
    Rule,
    Rollup,
    Labels,
    Goal,
    Test,
    Activity,
}

impl BlockKind {
    fn statements(self) -> &'static [(&'static str, Rule)] {
        match self {
            BlockKind::Policy => &[
                ("adopted", Rule::adopted_stmt),
                ("revised", Rule::revised_stmt),
                ("version", Rule::version_stmt),
                ("status", Rule::status_stmt),
                ("period", Rule::period_stmt),
                ("language", Rule::language_stmt),
                ("country", Rule::country_stmt),
                ("default", Rule::default_rule_stmt),
            ],
            BlockKind::Body => &[("parent", Rule::parent_stmt), ("kind", Rule::kind_stmt)],
            BlockKind::Chain => &[("level", Rule::level_stmt)],
            BlockKind::Indicator => &[
                ("source", Rule::source_stmt),
                ("unit", Rule::unit_stmt),
                ("higher", Rule::direction_stmt),
                ("lower", Rule::direction_stmt),
                ("benchmark", Rule::benchmark_stmt),
                ("frequency", Rule::frequency_stmt),
            ],
            BlockKind::Report => &[
                ("uses", Rule::uses_stmt),
                ("due", Rule::due_stmt),
                ("to", Rule::to_stmt),
                ("covers", Rule::covers_stmt),
            ],
            BlockKind::Goal => &[
                ("under", Rule::under_stmt),
                ("owner", Rule::owner_stmt),
                ("kind", Rule::goal_kind_stmt),
                ("number", Rule::number_stmt),
                ("measure", Rule::measure_stmt),
                ("indicators", Rule::indicators_stmt),
                ("baseline", Rule::baseline_stmt),
                ("target", Rule::target_stmt),
                ("milestone", Rule::milestone_stmt),
                ("rule", Rule::goal_rule_stmt),
                ("follow-up", Rule::follow_up_stmt),
                ("values", Rule::values_stmt),
                ("target-group", Rule::target_group_stmt),
                ("text", Rule::text_stmt),
            ],
            BlockKind::Test => &[
                ("year", Rule::test_year),
                ("report", Rule::test_report),
                ("value", Rule::test_value),
                ("benchmark", Rule::test_benchmark),
                ("missing", Rule::test_missing),
                ("motivation", Rule::test_motivation),
                ("expect", Rule::test_expect),
            ],
            BlockKind::Activity => &[
                ("under", Rule::activity_under_stmt),
                ("owner", Rule::owner_stmt),
                ("start", Rule::start_stmt),
                ("deadline", Rule::deadline_stmt),
                ("budget", Rule::budget_stmt),
            ],
            BlockKind::Scale | BlockKind::Rule | BlockKind::Rollup | BlockKind::Labels => &[],
        }
    }

    /// The rule a whole line of this block must match when it has no keyword of its own.
    fn entry_rule(self) -> Option<Rule> {
        match self {
            BlockKind::Scale => Some(Rule::scale_entry),
            BlockKind::Rule => Some(Rule::rule_band),
            BlockKind::Rollup => Some(Rule::rollup_band),
            BlockKind::Labels => Some(Rule::band_label),
            _ => None,
        }
    }

    fn name(self) -> Msg {
        match self {
            BlockKind::Policy => text!("syntax-block-policy"),
            BlockKind::Body => text!("syntax-block-body"),
            BlockKind::Chain => text!("syntax-block-chain"),
            BlockKind::Scale => text!("syntax-block-scale"),
            BlockKind::Indicator => text!("syntax-block-indicator"),
            BlockKind::Report => text!("syntax-block-report"),
            BlockKind::Rule => text!("syntax-block-rule"),
            BlockKind::Rollup => text!("syntax-block-rollup"),
            BlockKind::Labels => text!("syntax-block-labels"),
            BlockKind::Goal => text!("syntax-block-goal"),
            BlockKind::Test => text!("syntax-block-test"),
            BlockKind::Activity => text!("syntax-block-activity"),
        }
    }

    /// The block's key in texts that select on it (`syntax-accepts`).
    fn key(self) -> &'static str {
        match self {
            BlockKind::Policy => "policy",
            BlockKind::Body => "body",
            BlockKind::Chain => "chain",
            BlockKind::Scale => "scale",
            BlockKind::Indicator => "indicator",
            BlockKind::Report => "report",
            BlockKind::Rule => "rule",
            BlockKind::Rollup => "rollup",
            BlockKind::Labels => "labels",
            BlockKind::Goal => "goal",
            BlockKind::Test => "test",
            BlockKind::Activity => "activity",
        }
    }
}

struct Lower {
    file: FileId,
    /// Offset of the parsed slice in the file.
    base: usize,
    diags: Vec<Diagnostic>,
}

type P<'a> = Pair<'a, Rule>;

impl Lower {
    /// The pair's span without trailing whitespace: pest's implicit whitespace before an optional
    /// last part (`baseline 68 (in 2022)?`, a band's labels) stays in the pair when the part is
    /// absent, and a label must end at the last word, not on the next line.
    fn span(&self, pair: &P) -> Span {
        let s = pair.as_span();
        let end = s.start() + pair.as_str().trim_end().len();
        Span::new(self.file, self.base + s.start(), self.base + end)
    }

    /// An ID or keyword-like word, its name in NFC (see [`super::text::nfc`]); the span keeps the
    /// bytes as written.
    fn ident(&self, pair: P) -> Ident {
        Ident {
            name: super::text::nfc(pair.as_str()).into_owned(),
            span: self.span(&pair),
        }
    }

    fn ident_list(&self, pair: P) -> Vec<Ident> {
        pair.into_inner().map(|p| self.ident(p)).collect()
    }

    /// A `title`, `string` or `text_block` pair.
    fn text(&self, pair: P) -> Text {
        let span = self.span(&pair);
        let pair = if pair.as_rule() == Rule::title {
            match pair.into_inner().next() {
                Some(inner) => inner,
                None => {
                    return Text {
                        value: String::new(),
                        span,
                        block: false,
                    }
                }
            }
        } else {
            pair
        };
        let block = pair.as_rule() == Rule::text_block;
        let inner = pair.into_inner().next().map(|p| p.as_str()).unwrap_or("");
        Text {
            value: if block {
                dedent(inner)
            } else {
                unescape(inner)
            },
            span,
            block,
        }
    }

    fn number(&mut self, pair: P) -> Number {
        let span = self.span(&pair);
        let raw = pair.as_str();
        if let Some(grouped) = thousands_groups(raw) {
            self.diags.push(grouped.diagnostic(span, raw, ""));
            return Number {
                value: self.in_range(&grouped.whole, span),
                span,
                grouped: true,
            };
        }
        if raw.contains(',') {
            let fixed = raw.replace(',', ".");
            self.diags.push(
                Diagnostic::new(Code::P0003, span, text!("syntax-decimal-comma", raw = raw))
                    .primary(text!("syntax-decimal-comma.label"))
                    .help(text!("syntax-decimal-comma.help", fixed = &fixed))
                    .fix(text!("fix-write", to = &fixed), fixed.clone()),
            );
        }
        Number {
            value: self.in_range(&raw.replace(',', "."), span),
            span,
            grouped: false,
        }
    }

    /// The value of a number as written (digits and a decimal point). Numbers beyond
    /// [`MAX_NUMBER`] are refused: a double cannot hold them exactly, and past about 10^308
    /// they would become infinity, which JSON cannot write.
    fn in_range(&mut self, digits: &str, span: Span) -> f64 {
        let value = digits.parse::<f64>().unwrap_or(0.0);
        if value.is_finite() && value.abs() <= MAX_NUMBER {
            return value;
        }
        self.diags.push(
            Diagnostic::new(
                Code::P0001,
                span,
                text!(
                    "syntax-number-too-large",
                    digits = digits.chars().filter(char::is_ascii_digit).count()
                ),
            )
            .primary(text!("syntax-number-too-large.label"))
            .help(text!("syntax-number-too-large.help")),
        );
        0.0
    }

    /// A percentage as a fraction (`10%` → 0.10).
    fn percent(&mut self, pair: P) -> f64 {
        let span = self.span(&pair);
        let raw = pair.as_str().trim_end_matches('%');
        if let Some(grouped) = thousands_groups(raw) {
            self.diags
                .push(grouped.diagnostic(span, pair.as_str(), "%"));
            return self.in_range(&grouped.whole, span) / 100.0;
        }
        if raw.contains(',') {
            let fixed = raw.replace(',', ".");
            self.diags.push(
                Diagnostic::new(
                    Code::P0003,
                    span,
                    text!("syntax-decimal-comma", raw = format!("{raw}%")),
                )
                .primary(text!("syntax-decimal-comma.label"))
                .help(text!(
                    "syntax-decimal-comma.help",
                    fixed = format!("{fixed}%")
                ))
                .fix(
                    text!("fix-write", to = format!("{fixed}%")),
                    format!("{fixed}%"),
                ),
            );
        }
        self.in_range(&raw.replace(',', "."), span) / 100.0
    }

    fn year(&mut self, pair: P) -> Year {
        let span = self.span(&pair);
        let raw = pair.as_str();
        let value = raw.parse::<i32>().unwrap_or(0);
        if raw.len() != 4 || !(1900..=2200).contains(&value) {
            self.diags.push(
                Diagnostic::new(Code::P0502, span, text!("syntax-bad-year", raw = raw))
                    .primary(text!("syntax-bad-year.label"))
                    .help(text!("syntax-bad-year.help")),
            );
        }
        Year { value, span }
    }

    fn date(&mut self, pair: P) -> DateLit {
        let span = self.span(&pair);
        let raw = pair.as_str();
        let parts: Vec<u32> = raw.split('-').map(|p| p.parse().unwrap_or(0)).collect();
        let (year, month, day) = (parts[0] as i32, parts[1], parts[2]);
        let year_ok = raw.split('-').next().is_some_and(|y| y.len() == 4);
        if !year_ok || !valid_day(year, month, day) {
            let mut diag = Diagnostic::new(Code::P0502, span, text!("syntax-bad-date", raw = raw))
                .primary(text!("syntax-bad-date.label"))
                .help(text!("syntax-bad-date.help"));
            // 13-12-2023, as Danish and Swedish dates are often written.
            let last_is_year = raw.rsplit('-').next().is_some_and(|y| y.len() == 4);
            if last_is_year && valid_day(day as i32, month, year as u32) {
                let fixed = format!("{day:04}-{month:02}-{year:02}");
                diag.help = Some(text!("syntax-bad-date-turned", fixed = &fixed));
                diag = diag.fix(text!("fix-change-to", to = &fixed), fixed);
            }
            self.diags.push(diag);
        }
        DateLit {
            year,
            month,
            day,
            span,
        }
    }

    fn month_day(&mut self, pair: P) -> MonthDay {
        let span = self.span(&pair);
        let raw = pair.as_str();
        let parts: Vec<u32> = raw.split('-').map(|p| p.parse().unwrap_or(0)).collect();
        let (month, day) = (parts[0], parts[1]);
        // Any year: 02-29 is a valid due date.
        if !valid_day(2024, month, day) {
            let mut diag =
                Diagnostic::new(Code::P0502, span, text!("syntax-bad-month-day", raw = raw))
                    .primary(text!("syntax-bad-month-day.label"))
                    .help(text!("syntax-bad-month-day.help"));
            // 31-12, day first.
            if valid_day(2024, day, month) {
                let fixed = format!("{day:02}-{month:02}");
                diag.help = Some(text!("syntax-bad-month-day-turned", fixed = &fixed));
                diag = diag.fix(text!("fix-change-to", to = &fixed), fixed);
            }
            self.diags.push(diag);
        }
        MonthDay {
            year: None,
            month,
            day,
            span,
        }
    }

    /// A date written with `/` or `.` (`31/12/2026`, `31.12.2026`, `2026/12/31`, `15.4.`): one
    /// P0502 with the ISO form as the fix. Returns the date it stands for, when that is clear, so
    /// that nothing follows from it.
    fn misspelt_date(&mut self, pair: &P, full: bool) -> Option<(Option<i32>, u32, u32)> {
        let span = self.span(pair);
        let raw = pair.as_str();
        let groups: Vec<&str> = raw.trim_end_matches('.').split(['/', '.']).collect();
        let n = |g: &str| g.parse::<u32>().ok();
        let meant = match groups.as_slice() {
            [y, m, d] if y.len() == 4 => Some((Some(n(y)? as i32), n(m)?, n(d)?)),
            [d, m, y] if y.len() == 4 => Some((Some(n(y)? as i32), n(m)?, n(d)?)),
            [d, m] if d.len() <= 2 && m.len() <= 2 && !full => Some((None, n(m)?, n(d)?)),
            _ => None,
        }
        .filter(|&(y, m, d)| valid_day(y.unwrap_or(2024), m, d));
        let example = if full {
            text!("syntax-date-example-full")
        } else {
            text!("syntax-date-example-due")
        };
        let mut diag = match meant {
            Some((year, month, day)) => {
                let iso = match year {
                    Some(y) => format!("{y:04}-{month:02}-{day:02}"),
                    None => format!("{month:02}-{day:02}"),
                };
                Diagnostic::new(
                    Code::P0502,
                    span,
                    text!("syntax-date-not-iso", raw = raw, iso = &iso),
                )
                .primary(text!("syntax-date-not-iso.label", iso = &iso))
                .help(text!("syntax-date-not-iso.help", example = example))
                .fix(text!("fix-change-to", to = &iso), iso)
            }
            None => Diagnostic::new(Code::P0502, span, text!("syntax-not-a-date", raw = raw))
                .primary(text!("syntax-not-a-date.label"))
                .help(text!("syntax-not-a-date.help", example = example)),
        };
        if full && groups.len() == 2 {
            diag.help = Some(text!("syntax-date-needs-year"));
        }
        self.diags.push(diag);
        meant
    }

    /// A `full_date`: `2023-12-04` (or a misspelt one, reported).
    fn full_date(&mut self, pair: P) -> Option<DateLit> {
        let p = pair.into_inner().next()?;
        if p.as_rule() == Rule::misspelt_date {
            let span = self.span(&p);
            let (year, month, day) = self.misspelt_date(&p, true)?;
            return Some(DateLit {
                year: year?,
                month,
                day,
                span,
            });
        }
        Some(self.date(p))
    }

    /// A `deadline`: `2026` or `2026-12-31`; the year, and the date when one is given.
    fn deadline(&mut self, pair: P) -> Option<(Year, Option<DateLit>)> {
        let p = pair.into_inner().next()?;
        match p.as_rule() {
            Rule::year => Some((self.year(p), None)),
            Rule::date => {
                let date = self.date(p);
                let year = Year {
                    value: date.year,
                    span: date.span,
                };
                Some((year, Some(date)))
            }
            _ => {
                let span = self.span(&p);
                let (year, month, day) = self.misspelt_date(&p, true)?;
                let date = DateLit {
                    year: year?,
                    month,
                    day,
                    span,
                };
                let year = Year {
                    value: date.year,
                    span,
                };
                Some((year, Some(date)))
            }
        }
    }

    /// A `due_date`: `04-15` or `2025-04-15`.
    fn due_date(&mut self, pair: P) -> Option<MonthDay> {
        let p = pair.into_inner().next()?;
        match p.as_rule() {
            Rule::month_day => Some(self.month_day(p)),
            Rule::date => {
                let d = self.date(p);
                Some(MonthDay {
                    year: Some(d.year),
                    month: d.month,
                    day: d.day,
                    span: d.span,
                })
            }
            _ => {
                let span = self.span(&p);
                let (year, month, day) = self.misspelt_date(&p, false)?;
                Some(MonthDay {
                    year,
                    month,
                    day,
                    span,
                })
            }
        }
    }

    fn once<T>(&mut self, slot: &mut Option<T>, value: T, keyword: &str, span: Span) {
        if slot.is_some() {
            self.given_twice(keyword, span);
        } else {
            *slot = Some(value);
        }
    }

    /// P0107 on the second `keyword` statement of a block.
    fn given_twice(&mut self, keyword: &str, span: Span) {
        self.diags.push(
            Diagnostic::new(
                Code::P0107,
                span,
                text!("syntax-given-twice", keyword = keyword),
            )
            .primary(text!("syntax-given-twice.label"))
            .help(text!("syntax-given-twice.help", keyword = keyword)),
        );
    }

    fn decl(&mut self, pair: P) -> Option<Decl> {
        let pair = pair.into_inner().next()?;
        let span = self.span(&pair);
        Some(match pair.as_rule() {
            Rule::policy_decl => Decl::Policy(Box::new(self.policy(pair, span))),
            Rule::include_decl => {
                let path = self.text(pair.into_inner().nth(1)?);
                Decl::Include(Box::new(Include { path, span }))
            }
            Rule::body_decl => Decl::Body(Box::new(self.body(pair, span))),
            Rule::chain_decl => Decl::Chain(Box::new(self.chain(pair, span))),
            Rule::scale_decl => Decl::Scale(Box::new(self.scale(pair, span))),
            Rule::indicator_decl => Decl::Indicator(Box::new(self.indicator(pair, span))),
            Rule::value_decl => {
                let mut inner = pair.into_inner().skip(1);
                let id = self.ident(inner.next()?);
                let name = self.text(inner.next()?);
                let text = inner.next().map(|p| self.text(p));
                Decl::Value(Box::new(CoreValue {
                    id,
                    name,
                    text,
                    span,
                }))
            }
            Rule::report_decl => Decl::Report(Box::new(self.report(pair, span))),
            Rule::rule_decl => Decl::Rule(Box::new(self.rule(pair, span, BlockKind::Rule))),
            Rule::rollup_decl => Decl::Rollup(Box::new(self.rule(pair, span, BlockKind::Rollup))),
            Rule::goal_decl => Decl::Goal(Box::new(self.goal(pair, span)?)),
            Rule::test_decl => Decl::Test(Box::new(self.test(pair, span))),
            Rule::activity_decl => Decl::Activity(Box::new(self.activity(pair, span)?)),
            _ => return None,
        })
    }

    /// `target 60 in 2026` or `baseline 50 by 2023`: the year word of the other statement.
    fn year_word_slip(&self, pair: &P, word: &str, span: Span) -> Option<Diagnostic> {
        let input = pair.get_input();
        let local = pair.as_span().start();
        let before = input[..local].rsplit('\n').next()?.trim();
        let statement = first_word(before);
        let (right, example) = match (statement, word) {
            ("target", "in") => ("by", "target 60 by 2026"),
            ("baseline", "by") => ("in", "baseline 50 in 2023"),
            ("milestone", "by") => ("in", "milestone 55 in 2025"),
            _ => return None,
        };
        Some(
            Diagnostic::new(
                Code::P0001,
                Span::new(self.file, span.start, span.start + word.len()),
                text!(
                    "syntax-year-word",
                    statement = statement,
                    right = right,
                    word = word
                ),
            )
            .primary(text!("syntax-year-word.label", right = right))
            .help(text!("syntax-year-word.help", example = example))
            .fix(text!("fix-change-to", to = right), right.to_string()),
        )
    }

    /// Reports a line of a block that is not a statement of that block.
    fn bad_stmt(&mut self, pair: P, block: BlockKind) {
        let span = self.span(&pair);
        let line = pair.as_str().trim_end();
        let lexemes = scan(line);
        if let Some(&(kind, start, _)) = lexemes
            .iter()
            .find(|(k, ..)| matches!(k, Lexeme::Unterminated { .. }))
        {
            let region = Span::new(self.file, span.start + start, span.end);
            let lex = [(kind, region.start, region.end)];
            if let Some(diag) = unterminated_in(region, &lex) {
                self.diags.push(diag);
                return;
            }
        }
        let word = first_word(line);
        // The statement's keyword in any of its spellings (`ansvarig`, `opfølgning`): its English row.
        let keyword = block.statements().iter().find(|(k, _)| {
            *k == word
                || super::keywords::TABLE
                    .iter()
                    .any(|row| row.en == *k && row.spellings().contains(&word))
        });
        let english = keyword.map_or(word, |(k, _)| *k);
        let rule = keyword.map(|(_, r)| *r).or(block.entry_rule());
        if let Some(diag) = self.year_word_slip(&pair, word, span) {
            self.diags.push(diag);
            return;
        }
        let Some(rule) = rule else {
            let known: Vec<&str> = block.statements().iter().map(|(k, _)| *k).collect();
            let close = suggestions(word, known.iter().copied());
            let mut diag = Diagnostic::new(
                Code::P0001,
                Span::new(self.file, span.start, span.start + word.len().max(1)),
                if word.is_empty() {
                    text!(
                        "syntax-unexpected-in",
                        char = line.chars().next().unwrap_or(' ').to_string(),
                        block = block.name()
                    )
                } else {
                    text!("syntax-not-a-statement", word = word, block = block.name())
                },
            )
            .primary(text!("syntax-not-a-statement.label"))
            .help(text!(
                "syntax-accepts",
                block = block.key(),
                list = known
                    .iter()
                    .map(|k| format!("`{k}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
            if let Some(best) = close.first() {
                if let Some(mean) = did_you_mean(&close) {
                    diag.help = Some(match diag.help.take() {
                        Some(help) => mean.then(help),
                        None => mean,
                    });
                }
                diag = diag.fix(text!("fix-change-to", to = best), best.clone());
            }
            self.diags.push(diag);
            return;
        };
        let diag = match PejlParser::parse(rule, line) {
            Ok(pairs) => {
                let used = pairs.last().map_or(0, |p| p.as_span().end());
                let rest_at =
                    span.start + used + (line[used..].len() - line[used..].trim_start().len());
                Diagnostic::new(
                    Code::P0001,
                    Span::new(self.file, rest_at, span.start + line.len()),
                    text!(
                        "syntax-after-statement",
                        found = found_in_line(line, used),
                        word = word,
                        block = block.name()
                    ),
                )
                .primary(text!("syntax-after-statement.label"))
                .help(text!("syntax-after-statement.help"))
            }
            Err(error) => {
                let at = match error.location {
                    pest::error::InputLocation::Pos(p) => p,
                    pest::error::InputLocation::Span((s, _)) => s,
                };
                let positives = match &error.variant {
                    pest::error::ErrorVariant::ParsingError { positives, .. } => positives.clone(),
                    pest::error::ErrorVariant::CustomError { .. } => Vec::new(),
                };
                let expected = expected_words(&positives);
                let offset = span.start + at;
                if let Some((message, help, len)) = common_slip(line, at) {
                    self.diags.push(
                        Diagnostic::new(
                            Code::P0001,
                            Span::new(self.file, offset, offset + len),
                            message,
                        )
                        .primary(text!("syntax-here"))
                        .help(help),
                    );
                    return;
                }
                let what = if keyword.is_some() {
                    text!("syntax-keyword", keyword = word)
                } else {
                    match block {
                        BlockKind::Scale => text!("syntax-the-status"),
                        BlockKind::Labels => text!("syntax-the-label"),
                        _ => text!("syntax-the-band", word = word),
                    }
                };
                Diagnostic::new(
                    Code::P0001,
                    Span::new(self.file, offset, offset + point_len(line, at)),
                    text!(
                        "syntax-expected-after",
                        expected = expected.clone(),
                        what = what,
                        found = found_in_line(line, at)
                    ),
                )
                .primary(text!("syntax-expected-after.label", expected = expected))
                .help(stmt_help(english, block))
            }
        };
        self.diags.push(diag);
    }

    fn policy(&mut self, pair: P, span: Span) -> Policy {
        let mut inner = pair.into_inner().skip(1);
        let id = inner
            .next()
            .map(|p| self.ident(p))
            .unwrap_or_else(|| missing_ident(span));
        let title = inner
            .next()
            .map(|p| self.text(p))
            .unwrap_or_else(|| missing_text(span));
        let mut policy = Policy {
            id,
            title,
            adopted: None,
            revisions: Vec::new(),
            version: None,
            status: None,
            period: None,
            language: None,
            country: None,
            default_rule: None,
            span,
        };
        if let Some(block) = inner.next() {
            for stmt in block.into_inner() {
                let s = self.span(&stmt);
                match stmt.as_rule() {
                    Rule::adopted_stmt | Rule::revised_stmt => {
                        let revised = stmt.as_rule() == Rule::revised_stmt;
                        let mut date = None;
                        let mut by = None;
                        let mut reference = None;
                        for p in stmt.into_inner() {
                            match p.as_rule() {
                                Rule::full_date => date = self.full_date(p),
                                Rule::ident => by = Some(self.ident(p)),
                                Rule::string => reference = Some(self.text(p)),
                                _ => {}
                            }
                        }
                        if let Some(date) = date {
                            let decision = Adopted {
                                date,
                                by,
                                reference,
                                span: s,
                            };
                            if revised {
                                policy.revisions.push(decision);
                            } else {
                                self.once(&mut policy.adopted, decision, "adopted", s);
                            }
                        }
                    }
                    Rule::version_stmt => {
                        if let Some(p) = stmt.into_inner().nth(1) {
                            let version = self.text(p);
                            self.once(&mut policy.version, version, "version", s);
                        }
                    }
                    Rule::status_stmt => {
                        if let Some(p) = stmt.into_inner().nth(1) {
                            let status = self.ident(p);
                            self.check_choice(&status, &["draft", "adopted"], "policy status");
                            self.once(&mut policy.status, status, "status", s);
                        }
                    }
                    Rule::period_stmt => {
                        let mut years = stmt.into_inner().skip(1).flat_map(|p| p.into_inner());
                        if let (Some(a), Some(b)) = (years.next(), years.next()) {
                            let period = Period {
                                from: self.year(a),
                                to: self.year(b),
                                span: s,
                            };
                            self.once(&mut policy.period, period, "period", s);
                        }
                    }
                    Rule::language_stmt => {
                        if let Some(p) = stmt.into_inner().nth(1) {
                            let lang = self.ident(p);
                            if !["sv", "da", "en"].contains(&lang.name.as_str()) {
                                self.diags.push(
                                    Diagnostic::new(
                                        Code::P0001,
                                        lang.span,
                                        text!("syntax-unknown-language", language = &lang.name),
                                    )
                                    .primary(text!("syntax-unknown-language.label"))
                                    .help(text!("syntax-unknown-language.help")),
                                );
                            }
                            self.once(&mut policy.language, lang, "language", s);
                        }
                    }
                    Rule::country_stmt => {
                        if let Some(p) = stmt.into_inner().nth(1) {
                            let country = self.ident(p);
                            self.check_choice(&country, &["se", "dk"], "country");
                            self.once(&mut policy.country, country, "country", s);
                        }
                    }
                    Rule::default_rule_stmt => {
                        if let Some(p) = stmt.into_inner().nth(2) {
                            let rule = self.ident(p);
                            self.once(&mut policy.default_rule, rule, "default rule", s);
                        }
                    }
                    Rule::bad_stmt => self.bad_stmt(stmt, BlockKind::Policy),
                    _ => {}
                }
            }
        }
        policy
    }

    fn body(&mut self, pair: P, span: Span) -> Body {
        let mut inner = pair.into_inner().skip(1);
        let id = inner
            .next()
            .map(|p| self.ident(p))
            .unwrap_or_else(|| missing_ident(span));
        let name = inner
            .next()
            .map(|p| self.text(p))
            .unwrap_or_else(|| missing_text(span));
        let mut body = Body {
            id,
            name,
            parent: None,
            kind: None,
            span,
        };
        if let Some(block) = inner.next() {
            for stmt in block.into_inner() {
                let s = self.span(&stmt);
                match stmt.as_rule() {
                    Rule::parent_stmt => {
                        if let Some(p) = stmt.into_inner().nth(1) {
                            let v = self.ident(p);
                            self.once(&mut body.parent, v, "parent", s);
                        }
                    }
                    Rule::kind_stmt => {
                        if let Some(p) = stmt.into_inner().nth(1) {
                            let v = self.ident(p);
                            self.check_choice(
                                &v,
                                &["council", "committee", "administration", "institution"],
                                "body kind",
                            );
                            self.once(&mut body.kind, v, "kind", s);
                        }
                    }
                    Rule::bad_stmt => self.bad_stmt(stmt, BlockKind::Body),
                    _ => {}
                }
            }
        }
        body
    }

    /// Reports a word that must be one of a fixed set (`kind result`, `unit percent`, …).
    fn check_choice(&mut self, word: &Ident, choices: &[&str], what: &str) -> bool {
        if choices.contains(&word.name.as_str()) {
            return true;
        }
        let close = suggestions(&word.name, choices.iter().copied());
        let list = choices
            .iter()
            .map(|c| format!("`{c}`"))
            .collect::<Vec<_>>()
            .join(", ");
        let what = choice_noun(what);
        let mut diag = Diagnostic::new(
            Code::P0001,
            word.span,
            text!(
                "syntax-not-a-choice",
                word = &word.name,
                what = what.clone()
            ),
        )
        .primary(text!("syntax-not-a-choice.label", what = what.clone()))
        .help(match did_you_mean(&close) {
            Some(dym) => text!(
                "syntax-not-a-choice-dym",
                dym = dym,
                what = what,
                list = list
            ),
            None => text!("syntax-not-a-choice.help", what = what, list = list),
        });
        if let Some(best) = close.first() {
            diag = diag.fix(text!("fix-change-to", to = best), best.clone());
        }
        self.diags.push(diag);
        false
    }

    /// `unit percent`, `unit percent change`, `unit currency "SEK"`, `unit "ton CO2e" min 0`,
    /// `unit "kr" per 1000 invånare`.
    fn unit(&mut self, stmt: P) -> Option<Unit> {
        let mut parts = stmt.into_inner().skip(1);
        let kind_pair = parts.next()?;
        let kind = match kind_pair.as_rule() {
            Rule::currency_unit => {
                UnitKind::Currency(self.text(kind_pair.into_inner().nth(1)?).value)
            }
            Rule::percent_change => UnitKind::PercentChange,
            Rule::named_unit => UnitKind::Named(self.text(kind_pair.into_inner().next()?).value),
            _ => {
                let word = self.ident(kind_pair);
                match Unit::from_word(&word.name) {
                    Some(kind) => kind,
                    None => {
                        self.unknown_unit(&word);
                        UnitKind::Named(word.name)
                    }
                }
            }
        };
        let mut unit = Unit::new(kind);
        for part in parts {
            match part.as_rule() {
                Rule::unit_per => {
                    let mut count = None;
                    let mut of = String::new();
                    for p in part.into_inner().skip(1) {
                        match p.as_rule() {
                            Rule::number => count = Some(self.number(p).value),
                            Rule::string => of = self.text(p).value,
                            _ => of = p.as_str().to_string(),
                        }
                    }
                    unit.per = Some(Per { count, of });
                }
                Rule::unit_bound => {
                    let mut inner = part.into_inner();
                    let (Some(word), Some(n)) = (inner.next(), inner.next()) else {
                        continue;
                    };
                    let n = self.number(n).value;
                    let slot = if word.as_str() == "min" {
                        &mut unit.min
                    } else {
                        &mut unit.max
                    };
                    if slot.is_some() {
                        let span = self.span(&word);
                        self.given_twice(word.as_str(), span);
                    } else {
                        *slot = Some(n);
                    }
                }
                _ => {}
            }
        }
        Some(unit)
    }

    /// `unit tonnes`: not a built-in unit; the policy's own is written in quotes.
    fn unknown_unit(&mut self, word: &Ident) {
        let close = suggestions(&word.name, UNIT_WORDS.iter().copied());
        let list = UNIT_WORDS
            .iter()
            .map(|c| format!("`{c}`"))
            .collect::<Vec<_>>()
            .join(", ");
        let own = format!("\"{}\"", word.name);
        let mut diag = Diagnostic::new(
            Code::P0001,
            word.span,
            text!("syntax-unknown-unit", unit = &word.name),
        )
        .primary(text!("syntax-unknown-unit.label"));
        diag = match close.first() {
            Some(best) => diag
                .help(text!(
                    "syntax-unknown-unit.help",
                    best = best,
                    list = &list,
                    own = &own
                ))
                .fix(text!("fix-change-to", to = best), best.clone()),
            None => diag
                .help(text!("syntax-unknown-unit-own", list = &list, own = &own))
                .fix(text!("fix-write", to = &own), own.clone()),
        };
        self.diags.push(diag);
    }

    fn chain(&mut self, pair: P, span: Span) -> Chain {
        let mut levels = Vec::new();
        for stmt in pair.into_inner().skip(1) {
            match stmt.as_rule() {
                Rule::level_stmt => {
                    let s = self.span(&stmt);
                    let mut inner = stmt.into_inner().skip(1);
                    let Some(name) = inner.next().map(|p| self.ident(p)) else {
                        continue;
                    };
                    let title = inner
                        .next()
                        .map(|p| self.text(p))
                        .unwrap_or_else(|| missing_text(s));
                    let mut level = Level {
                        name,
                        title,
                        under: None,
                        cardinality: None,
                        measured: None,
                        assessed_by: None,
                        followed_up: Vec::new(),
                        span: s,
                    };
                    for part in inner {
                        let ps = self.span(&part);
                        match part.as_rule() {
                            Rule::level_under => {
                                if let Some(p) = part.into_inner().nth(1) {
                                    let v = self.ident(p);
                                    self.once(&mut level.under, v, "under", ps);
                                }
                            }
                            Rule::cardinality => {
                                let kind = match part.into_inner().next().map(|p| p.as_rule()) {
                                    Some(Rule::exactly_one) => Cardinality::ExactlyOne,
                                    _ => Cardinality::AtLeastOne,
                                };
                                self.once(&mut level.cardinality, (kind, ps), "parent count", ps);
                            }
                            Rule::measured_flag => {
                                self.once(&mut level.measured, ps, "measured", ps)
                            }
                            Rule::assessed_by => {
                                if let Some(p) = part.into_inner().nth(2) {
                                    let v = self.ident(p);
                                    self.once(&mut level.assessed_by, v, "assessed by", ps);
                                }
                            }
                            Rule::followed_up_in => {
                                if let Some(p) = part.into_inner().nth(3) {
                                    if level.followed_up.is_empty() {
                                        level.followed_up = self.ident_list(p);
                                    } else {
                                        self.given_twice("followed up in", ps);
                                    }
                                }
                            }
                            _ => {}
                        }
                    }
                    levels.push(level);
                }
                Rule::bad_stmt => self.bad_stmt(stmt, BlockKind::Chain),
                _ => {}
            }
        }
        Chain { levels, span }
    }

    fn scale(&mut self, pair: P, span: Span) -> Scale {
        let mut statuses = Vec::new();
        for stmt in pair.into_inner().skip(1) {
            match stmt.as_rule() {
                Rule::scale_entry => {
                    let s = self.span(&stmt);
                    let mut inner = stmt.into_inner();
                    let (Some(name), Some(label)) = (inner.next(), inner.next()) else {
                        continue;
                    };
                    statuses.push(ScaleEntry {
                        name: self.ident(name),
                        label: self.text(label),
                        not_assessable: inner.next().is_some(),
                        span: s,
                    });
                }
                Rule::bad_stmt => self.bad_stmt(stmt, BlockKind::Scale),
                _ => {}
            }
        }
        Scale { statuses, span }
    }

    fn indicator(&mut self, pair: P, span: Span) -> Indicator {
        let mut inner = pair.into_inner().skip(1);
        let id = inner
            .next()
            .map(|p| self.ident(p))
            .unwrap_or_else(|| missing_ident(span));
        let title = inner
            .next()
            .map(|p| self.text(p))
            .unwrap_or_else(|| missing_text(span));
        let mut ind = Indicator {
            id,
            title,
            source: None,
            unit: None,
            direction: None,
            benchmarks: Vec::new(),
            frequency: None,
            span,
        };
        let Some(block) = inner.next() else {
            return ind;
        };
        for stmt in block.into_inner() {
            let s = self.span(&stmt);
            match stmt.as_rule() {
                Rule::source_stmt => {
                    let mut parts = stmt.into_inner().skip(1);
                    if let (Some(kind), Some(reference)) = (parts.next(), parts.next()) {
                        let kind = self.ident(kind);
                        self.check_choice(
                            &kind,
                            &["kolada", "statbank", "internal", "survey"],
                            "source kind",
                        );
                        let source = Source {
                            kind,
                            reference: self.text(reference),
                            span: s,
                        };
                        self.once(&mut ind.source, source, "source", s);
                    }
                }
                Rule::unit_stmt => {
                    if let Some(unit) = self.unit(stmt) {
                        let unit = UnitDecl { unit, span: s };
                        self.once(&mut ind.unit, unit, "unit", s);
                    }
                }
                Rule::direction_stmt => {
                    let dir = match stmt.into_inner().next().map(|p| p.as_rule()) {
                        Some(Rule::lower) => Direction::Lower,
                        _ => Direction::Higher,
                    };
                    self.once(&mut ind.direction, (dir, s), "higher/lower is better", s);
                }
                Rule::benchmark_stmt => {
                    let mut parts = stmt.into_inner().skip(1);
                    let Some(kind) = parts.next().map(|p| self.ident(p)) else {
                        continue;
                    };
                    self.check_choice(
                        &kind,
                        &BenchmarkKind::ALL.map(BenchmarkKind::as_str),
                        "benchmark kind",
                    );
                    let mut bench = BenchmarkDecl {
                        kind,
                        description: None,
                        kolada: None,
                        weighting: None,
                        span: s,
                    };
                    for part in parts {
                        match part.as_rule() {
                            Rule::benchmark_kolada => {
                                bench.kolada = part.into_inner().nth(1).map(|p| self.text(p));
                            }
                            Rule::benchmark_weighting => {
                                bench.weighting = Some(self.ident(part));
                            }
                            _ => bench.description = Some(self.text(part)),
                        }
                    }
                    if ind
                        .benchmarks
                        .iter()
                        .any(|b| b.kind.name == bench.kind.name)
                    {
                        self.given_twice(&format!("benchmark {}", bench.kind.name), s);
                    } else {
                        ind.benchmarks.push(bench);
                    }
                }
                Rule::frequency_stmt => {
                    let Some(p) = stmt.into_inner().nth(1) else {
                        continue;
                    };
                    let freq = self.ident(p);
                    self.check_choice(
                        &freq,
                        &["annual", "tertial", "quarterly", "monthly"],
                        "frequency",
                    );
                    self.once(&mut ind.frequency, freq, "frequency", s);
                }
                Rule::bad_stmt => self.bad_stmt(stmt, BlockKind::Indicator),
                _ => {}
            }
        }
        ind
    }

    fn report(&mut self, pair: P, span: Span) -> Report {
        let mut inner = pair.into_inner().skip(1);
        let id = inner
            .next()
            .map(|p| self.ident(p))
            .unwrap_or_else(|| missing_ident(span));
        let name = inner
            .next()
            .map(|p| self.text(p))
            .unwrap_or_else(|| missing_text(span));
        let mut report = Report {
            id,
            name,
            uses: None,
            due: None,
            due_next_year: false,
            to: Vec::new(),
            covers: None,
            span,
        };
        if let Some(block) = inner.next() {
            for stmt in block.into_inner() {
                let s = self.span(&stmt);
                match stmt.as_rule() {
                    Rule::uses_stmt => {
                        let Some(p) = stmt.into_inner().nth(1) else {
                            continue;
                        };
                        let uses = self.ident(p);
                        self.check_choice(
                            &uses,
                            &["forecast", "actual"],
                            "kind of value for `uses`",
                        );
                        self.once(&mut report.uses, uses, "uses", s);
                    }
                    Rule::due_stmt => {
                        let mut parts = stmt.into_inner().skip(1);
                        let Some(p) = parts.next() else {
                            continue;
                        };
                        let next_year = parts.next().map(|n| self.span(&n));
                        if let Some(due) = self.due_date(p) {
                            if let (Some(span), Some(year)) = (next_year, due.year) {
                                self.diags.push(
                                    Diagnostic::new(
                                        Code::P0502,
                                        span,
                                        text!(
                                            "syntax-due-year-twice",
                                            date = format!(
                                                "{year:04}-{:02}-{:02}",
                                                due.month, due.day
                                            )
                                        ),
                                    )
                                    .primary(text!("syntax-due-year-twice.label"))
                                    .help(text!(
                                        "syntax-due-year-twice.help",
                                        monthday = format!("{:02}-{:02}", due.month, due.day)
                                    )),
                                );
                            }
                            report.due_next_year = next_year.is_some();
                            self.once(&mut report.due, due, "due", s);
                        }
                    }
                    Rule::to_stmt => {
                        let Some(p) = stmt.into_inner().nth(1) else {
                            continue;
                        };
                        if report.to.is_empty() {
                            report.to = self.ident_list(p);
                        } else {
                            self.given_twice("to", s);
                        }
                    }
                    Rule::covers_stmt => {
                        let Some(range) = stmt.into_inner().nth(1) else {
                            continue;
                        };
                        let mut ends = range.into_inner();
                        if let (Some(a), Some(b)) = (ends.next(), ends.next()) {
                            let covers = Covers {
                                from: self.month_day(a),
                                to: self.month_day(b),
                                span: s,
                            };
                            self.once(&mut report.covers, covers, "covers", s);
                        }
                    }
                    Rule::bad_stmt => self.bad_stmt(stmt, BlockKind::Report),
                    _ => {}
                }
            }
        }
        report
    }

    fn rule(&mut self, pair: P, span: Span, kind: BlockKind) -> Rule_ {
        let mut inner = pair.into_inner().skip(1).peekable();
        let id = inner
            .next()
            .map(|p| self.ident(p))
            .unwrap_or_else(|| missing_ident(span));
        let title = match inner.peek().map(|p| p.as_rule()) {
            Some(Rule::title) => inner.next().map(|p| self.text(p)),
            _ => None,
        };
        let mut bands = Vec::new();
        for stmt in inner {
            match stmt.as_rule() {
                Rule::rule_band | Rule::rollup_band => {
                    if let Some(band) = self.band(stmt) {
                        bands.push(band);
                    }
                }
                Rule::bad_stmt => self.bad_stmt(stmt, kind),
                _ => {}
            }
        }
        Rule_ {
            id,
            title,
            bands,
            span,
        }
    }

    fn band(&mut self, pair: P) -> Option<Band> {
        let span = self.span(&pair);
        let mut inner = pair.into_inner();
        let status = self.ident(inner.next()?.into_inner().next()?);
        let mut band = Band {
            status,
            condition: None,
            requires_motivation: false,
            labels: Vec::new(),
            span,
        };
        for part in inner {
            match part.as_rule() {
                Rule::rule_cond | Rule::rollup_cond => band.condition = self.cond(part),
                Rule::requires_motivation => band.requires_motivation = true,
                Rule::band_labels => {
                    for label in part.into_inner() {
                        let s = self.span(&label);
                        match label.as_rule() {
                            Rule::band_label => {
                                let mut l = label.into_inner();
                                if let (Some(report), Some(text)) = (l.next(), l.next()) {
                                    band.labels.push(BandLabel {
                                        report: self.ident(report),
                                        text: self.text(text),
                                        span: s,
                                    });
                                }
                            }
                            Rule::bad_stmt => self.bad_stmt(label, BlockKind::Labels),
                            _ => {}
                        }
                    }
                }
                _ => {}
            }
        }
        Some(band)
    }

    fn cond(&mut self, pair: P) -> Option<Cond> {
        let span = self.span(&pair);
        match pair.as_rule() {
            Rule::rule_cond | Rule::rollup_cond => {
                let mut items: Vec<Cond> = pair
                    .into_inner()
                    .filter(|p| p.as_rule() != Rule::k_or)
                    .filter_map(|p| self.cond(p))
                    .collect();
                if items.len() == 1 {
                    items.pop()
                } else {
                    Some(Cond::Or(items))
                }
            }
            Rule::rule_and | Rule::rollup_and => {
                let mut items: Vec<Cond> = pair
                    .into_inner()
                    .filter(|p| p.as_rule() != Rule::k_and)
                    .filter_map(|p| self.cond(p))
                    .collect();
                if items.len() == 1 {
                    items.pop()
                } else {
                    Some(Cond::And(items))
                }
            }
            Rule::rule_unary | Rule::rollup_unary => self.cond(pair.into_inner().next()?),
            Rule::negation | Rule::rollup_negation => {
                let inner = self.cond(pair.into_inner().nth(1)?)?;
                Some(Cond::Not(Box::new(inner), span))
            }
            Rule::rule_atom | Rule::rollup_atom => {
                let atom = pair.into_inner().next()?;
                let atom = self.atom(atom)?;
                Some(Cond::Atom(atom, span))
            }
            _ => None,
        }
    }

    fn reference(&mut self, pair: P) -> Option<Reference> {
        let inner = pair.into_inner().next()?;
        Some(match inner.as_rule() {
            Rule::ref_target => Reference::Target,
            Rule::ref_benchmark => {
                let named = inner
                    .into_inner()
                    .find(|p| p.as_rule() == Rule::benchmark_kind)
                    .map(|k| self.ident(k));
                match named {
                    Some(kind) => {
                        let kinds = BenchmarkKind::ALL.map(BenchmarkKind::as_str);
                        self.check_choice(&kind, &kinds, "benchmark kind");
                        // An unknown kind is reported above; the policy does not compile.
                        Reference::Benchmark(BenchmarkKind::parse(&kind.name))
                    }
                    None => Reference::Benchmark(None),
                }
            }
            Rule::ref_baseline => Reference::Baseline,
            _ => Reference::Number(self.number(inner).value),
        })
    }

    fn atom(&mut self, pair: P) -> Option<Atom> {
        let rule = pair.as_rule();
        let parts: Vec<P> = pair
            .into_inner()
            .filter(|p| !format!("{:?}", p.as_rule()).starts_with("k_"))
            .collect();
        let mut parts = parts.into_iter();
        Some(match rule {
            Rule::meets => Atom::Meets(self.reference(parts.next()?)?),
            Rule::within => {
                let amount = parts.next()?;
                if amount.as_rule() == Rule::points {
                    let n = self.number(amount.into_inner().next()?).value;
                    Atom::WithinPoints(n, self.reference(parts.next()?)?)
                } else {
                    let pct = self.percent(amount);
                    Atom::Within(pct, self.reference(parts.next()?)?)
                }
            }
            Rule::better_than => Atom::BetterThan(self.reference(parts.next()?)?),
            Rule::worse_than => Atom::WorseThan(self.reference(parts.next()?)?),
            Rule::value_cmp => {
                let op = cmp_op(parts.next()?.as_str());
                Atom::Value(op, self.number(parts.next()?).value)
            }
            Rule::missing => Atom::Missing,
            Rule::all_of => Atom::All(self.ident(parts.next()?)),
            Rule::any_of => Atom::Any(self.ident(parts.next()?)),
            Rule::none_of => Atom::NoneOf(self.ident(parts.next()?)),
            Rule::share_of => {
                let status = self.ident(parts.next()?);
                let op = cmp_op(parts.next()?.as_str());
                Atom::Share(status, op, self.percent(parts.next()?))
            }
            Rule::count_of => {
                let status = self.ident(parts.next()?);
                let op = cmp_op(parts.next()?.as_str());
                Atom::Count(status, op, self.number(parts.next()?).value)
            }
            _ => return None,
        })
    }

    fn test(&mut self, pair: P, span: Span) -> Test {
        let mut inner = pair.into_inner().skip(1);
        let title = inner
            .next()
            .map(|p| self.text(p))
            .unwrap_or_else(|| missing_text(span));
        let header = Span::new(self.file, span.start, title.span.end.max(span.start));
        let mut test = Test {
            title,
            year: None,
            report: None,
            inputs: Vec::new(),
            expects: Vec::new(),
            span,
            header,
        };
        let Some(block) = inner.next() else {
            return test;
        };
        for stmt in block.into_inner() {
            let s = self.span(&stmt);
            let rule = stmt.as_rule();
            if rule == Rule::bad_stmt {
                self.bad_stmt(stmt, BlockKind::Test);
                continue;
            }
            let mut parts = stmt.into_inner().skip(1);
            match rule {
                Rule::test_year => {
                    if let Some(p) = parts.next() {
                        let year = self.year(p);
                        self.once(&mut test.year, year, "year", s);
                    }
                }
                Rule::test_report => {
                    if let Some(p) = parts.next() {
                        let report = self.ident(p);
                        self.once(&mut test.report, report, "report", s);
                    }
                }
                Rule::test_expect => {
                    if let (Some(goal), Some(status)) = (parts.next(), parts.next()) {
                        test.expects.push(Expect {
                            goal: self.ident(goal),
                            status: self.ident(status),
                            span: s,
                        });
                    }
                }
                Rule::test_value
                | Rule::test_missing
                | Rule::test_benchmark
                | Rule::test_motivation => {
                    let Some(name) = parts.next().map(|p| self.ident(p)) else {
                        continue;
                    };
                    let rest: Vec<P> = parts.collect();
                    let kind = match rule {
                        Rule::test_missing => InputKind::Missing,
                        Rule::test_motivation => match rest.into_iter().next() {
                            Some(p) => InputKind::Motivation(self.text(p)),
                            None => continue,
                        },
                        Rule::test_value => match rest.into_iter().next() {
                            Some(p) => InputKind::Value(self.number(p)),
                            None => continue,
                        },
                        _ => {
                            let mut rest = rest.into_iter();
                            let (kind, number) = match (rest.next(), rest.next()) {
                                (Some(k), Some(n)) => {
                                    let kind = self.ident(k);
                                    let kinds = BenchmarkKind::ALL.map(BenchmarkKind::as_str);
                                    self.check_choice(&kind, &kinds, "benchmark kind");
                                    (Some(kind), n)
                                }
                                (Some(n), None) => (None, n),
                                _ => continue,
                            };
                            InputKind::Benchmark(kind, self.number(number))
                        }
                    };
                    test.inputs.push(TestInput {
                        name,
                        kind,
                        span: s,
                    });
                }
                _ => {}
            }
        }
        test
    }

    fn goal(&mut self, pair: P, span: Span) -> Option<Goal> {
        let mut inner = pair.into_inner();
        let level = self.ident(inner.next()?.into_inner().next()?);
        let id = self.ident(inner.next()?);
        let title = self.text(inner.next()?);
        let header = level.span.join(title.span);
        let mut goal = Goal {
            level,
            id,
            title,
            under: Vec::new(),
            owner: None,
            shared_with: Vec::new(),
            number: None,
            kind: None,
            measure: None,
            indicators: Vec::new(),
            baseline: None,
            target: None,
            milestones: Vec::new(),
            rule: None,
            follow_up: Vec::new(),
            values: Vec::new(),
            target_group: None,
            text: None,
            span,
            header,
        };
        let Some(block) = inner.next() else {
            return Some(goal);
        };
        for stmt in block.into_inner() {
            let s = self.span(&stmt);
            let rule = stmt.as_rule();
            if rule == Rule::bad_stmt {
                self.bad_stmt(stmt, BlockKind::Goal);
                continue;
            }
            let mut parts = stmt.into_inner().skip(1);
            let Some(first) = parts.next() else { continue };
            match rule {
                Rule::under_stmt => {
                    let list = self.ident_list(first);
                    goal.under.extend(list);
                }
                Rule::owner_stmt => {
                    let owners = self.ident_list(first);
                    // The list's pair also holds a comment after it; the statement ends at its
                    // last name.
                    let s = owners.last().map_or(s, |last| Span {
                        end: last.span.end,
                        ..s
                    });
                    let mut owners = owners.into_iter();
                    if goal.owner.is_some() {
                        self.given_twice("owner", s);
                    } else {
                        goal.owner = owners.next();
                        goal.shared_with.extend(owners);
                    }
                }
                Rule::number_stmt => {
                    let v = Box::new(self.text(first));
                    self.once(&mut goal.number, v, "number", s);
                }
                Rule::goal_kind_stmt => {
                    let v = self.ident(first);
                    self.check_choice(&v, &["result", "effect", "activity"], "goal kind");
                    self.once(&mut goal.kind, v, "kind", s);
                }
                Rule::measure_stmt => {
                    let v = self.ident(first);
                    self.once(&mut goal.measure, v, "measure", s);
                }
                Rule::indicators_stmt => goal.indicators.extend(self.ident_list(first)),
                Rule::baseline_stmt => {
                    let value = self.number(first);
                    let year = parts.nth(1).map(|y| self.year(y));
                    let b = Baseline {
                        value,
                        year,
                        span: s,
                    };
                    self.once(&mut goal.baseline, b, "baseline", s);
                }
                Rule::target_stmt => {
                    let Some(tv) = first.into_inner().next() else {
                        continue;
                    };
                    let value = match tv.as_rule() {
                        Rule::target_benchmark => {
                            let span = self.span(&tv);
                            let kind = tv.into_inner().nth(1).map(|k| self.ident(k));
                            let kind = kind.and_then(|k| {
                                let kinds = BenchmarkKind::ALL.map(BenchmarkKind::as_str);
                                // An unknown kind is reported; the policy does not compile.
                                self.check_choice(&k, &kinds, "benchmark kind");
                                BenchmarkKind::parse(&k.name)
                            });
                            TargetValue::Benchmark(kind, span)
                        }
                        Rule::signed_pct => {
                            let ts = self.span(&tv);
                            let fraction = self.percent(tv);
                            TargetValue::Relative(fraction, ts)
                        }
                        _ => TargetValue::Number(self.number(tv)),
                    };
                    let deadline = parts.nth(1).and_then(|d| self.deadline(d));
                    let t = Target {
                        value,
                        year: deadline.map(|d| d.0),
                        date: deadline.and_then(|d| d.1),
                        span: s,
                    };
                    self.once(&mut goal.target, t, "target", s);
                }
                Rule::milestone_stmt => {
                    let value = self.number(first);
                    let year = parts.nth(1).map(|y| self.year(y));
                    goal.milestones.push(Milestone {
                        value,
                        year,
                        span: s,
                    });
                }
                Rule::goal_rule_stmt => {
                    let v = self.ident(first);
                    self.once(&mut goal.rule, v, "rule", s);
                }
                Rule::follow_up_stmt => goal.follow_up.extend(self.ident_list(first)),
                Rule::values_stmt => goal.values.extend(self.ident_list(first)),
                Rule::target_group_stmt => {
                    let v = Box::new(self.text(first));
                    self.once(&mut goal.target_group, v, "target-group", s);
                }
                Rule::text_stmt => {
                    let v = Box::new(self.text(first));
                    self.once(&mut goal.text, v, "text", s);
                }
                _ => {}
            }
        }
        Some(goal)
    }
}

impl Lower {
    /// `activity ID "title" { under GOAL  owner BODY  start DATE  deadline DATE  budget N kr }`
    fn activity(&mut self, pair: P, span: Span) -> Option<Activity> {
        let mut inner = pair.into_inner().skip(1);
        let id = self.ident(inner.next()?);
        let title = self.text(inner.next()?);
        let header = Span::new(self.file, span.start, title.span.end);
        let mut activity = Activity {
            id,
            title,
            under: None,
            owner: None,
            shared_with: Vec::new(),
            start: None,
            deadline: None,
            budget: None,
            span,
            header,
        };
        let Some(block) = inner.next() else {
            return Some(activity);
        };
        for stmt in block.into_inner() {
            let s = self.span(&stmt);
            let rule = stmt.as_rule();
            if rule == Rule::bad_stmt {
                self.bad_stmt(stmt, BlockKind::Activity);
                continue;
            }
            let mut parts = stmt.into_inner().skip(1);
            let Some(first) = parts.next() else { continue };
            match rule {
                Rule::activity_under_stmt => {
                    let v = self.ident(first);
                    self.once(&mut activity.under, v, "under", s);
                }
                Rule::owner_stmt => {
                    let owners = self.ident_list(first);
                    let s = owners.last().map_or(s, |last| Span {
                        end: last.span.end,
                        ..s
                    });
                    let mut owners = owners.into_iter();
                    if activity.owner.is_some() {
                        self.given_twice("owner", s);
                    } else {
                        activity.owner = owners.next();
                        activity.shared_with.extend(owners);
                    }
                }
                Rule::start_stmt => {
                    if let Some(date) = self.full_date(first) {
                        self.once(&mut activity.start, date, "start", s);
                    }
                }
                Rule::deadline_stmt => {
                    if let Some(date) = self.full_date(first) {
                        self.once(&mut activity.deadline, date, "deadline", s);
                    }
                }
                Rule::budget_stmt => {
                    let amount = self.number(first);
                    let currency = parts.next().and_then(|c| c.into_inner().next()).map(|c| {
                        let word = self.ident(c);
                        self.check_choice(&word, super::ast::BUDGET_CURRENCIES, "budget currency");
                        word
                    });
                    let budget = Budget {
                        amount,
                        currency,
                        span: s,
                    };
                    self.once(&mut activity.budget, budget, "budget", s);
                }
                _ => {}
            }
        }
        Some(activity)
    }
}

/// A number written with thousands separators (P0005): `68.000`, `1.234.567`, `-1.200`, `1 200`,
/// `12 500 000`, optionally with a fraction (`1.234,5`, `1 234.5`). The reading rule is the data
/// readers' ([`groups_thousands`]): one to three digits not starting with `0`,
/// then groups of exactly three digits; `76.5`, `76.50`, `76.5000`, `1234.500` and `0.500` are
/// decimals, not groupings.
#[derive(Debug, PartialEq)]
struct Grouped {
    /// The number without separators, with a decimal point: `68000`, `1234567`, `1234.5`.
    whole: String,
    /// A single dot group without a fraction may also be a decimal point: `68.000` → `68`,
    /// `76.500` → `76.5`.
    decimal: Option<String>,
    /// The groups are separated by spaces rather than dots.
    spaces: bool,
    /// More than one separator (`1.234.567`, `12 500 000`).
    several: bool,
    /// The fraction is written with a decimal comma (`1.234,5`).
    decimal_comma: bool,
}

fn thousands_groups(raw: &str) -> Option<Grouped> {
    let unsigned = raw.strip_prefix(['-', '+']).unwrap_or(raw);
    let sign = &raw[..raw.len() - unsigned.len()];
    let spaces = unsigned.contains(GROUP_SPACES);
    let (int, fraction) = if spaces {
        unsigned.split_once(['.', ','])
    } else {
        unsigned.split_once(',')
    }
    .map_or((unsigned, None), |(i, f)| (i, Some(f)));
    let separator = |c: char| {
        if spaces {
            GROUP_SPACES.contains(&c)
        } else {
            c == '.'
        }
    };
    let mut groups = int.split(separator);
    let head = groups.next()?;
    let tail: Vec<&str> = groups.collect();
    let digits = |g: &str| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit());
    if !groups_thousands(head, &tail) || !fraction.is_none_or(digits) {
        return None;
    }
    let mut whole = format!("{sign}{head}{}", tail.concat());
    if let Some(fraction) = fraction {
        whole.push('.');
        whole.push_str(fraction);
    }
    let decimal = match (spaces, tail.as_slice(), fraction) {
        (false, [group], None) => Some(match group.trim_end_matches('0') {
            "" => format!("{sign}{head}"),
            kept => format!("{sign}{head}.{kept}"),
        }),
        _ => None,
    };
    Some(Grouped {
        whole,
        decimal,
        spaces,
        several: tail.len() > 1,
        decimal_comma: fraction.is_some() && unsigned.contains(','),
    })
}

impl Grouped {
    /// P0005 on the number at `span`, written `shown`; `suffix` is `%` for a percentage.
    fn diagnostic(&self, span: Span, shown: &str, suffix: &str) -> Diagnostic {
        let whole = format!("{}{suffix}", self.whole);
        let separators = match (self.spaces, self.several) {
            (false, false) => text!("syntax-separator-one"),
            (false, true) => text!("syntax-separator-several"),
            (true, false) => text!("syntax-separator-space"),
            (true, true) => text!("syntax-separator-spaces"),
        };
        let (message, help) = match &self.decimal {
            Some(decimal) => {
                let decimal = format!("{decimal}{suffix}");
                (
                    text!(
                        "syntax-separators-or-decimal",
                        shown = shown,
                        separators = separators,
                        whole = &whole,
                        decimal = &decimal
                    ),
                    text!(
                        "syntax-separators-or-decimal.help",
                        whole = &whole,
                        decimal = &decimal
                    ),
                )
            }
            None if self.decimal_comma => (
                text!(
                    "syntax-separators-comma",
                    shown = shown,
                    separators = separators,
                    whole = &whole
                ),
                text!("syntax-separators-comma.help", whole = &whole),
            ),
            None => (
                text!(
                    "syntax-separators",
                    shown = shown,
                    separators = separators,
                    whole = &whole
                ),
                text!("syntax-separators.help", whole = &whole),
            ),
        };
        Diagnostic::new(Code::P0005, span, message)
            .primary(text!(
                "syntax-separator-label",
                several = if self.several { "yes" } else { "no" }
            ))
            .help(help)
            .fix(text!("fix-write", to = &whole), whole)
    }
}

/// The AST's rule type, named apart from pest's generated `Rule`.
type Rule_ = super::ast::Rule;

fn cmp_op(text: &str) -> CmpOp {
    match text {
        ">=" => CmpOp::Ge,
        ">" => CmpOp::Gt,
        "<=" => CmpOp::Le,
        "<" => CmpOp::Lt,
        "!=" => CmpOp::Ne,
        _ => CmpOp::Eq,
    }
}

fn valid_day(year: i32, month: u32, day: u32) -> bool {
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}

fn point_len(line: &str, at: usize) -> usize {
    let at = at.min(line.len());
    point_end(line, at) - at
}

/// The noun of a word that must be one of a few ("`x` is not a goal kind").
fn choice_noun(what: &str) -> Msg {
    match what {
        "policy status" => text!("syntax-choice-policy-status"),
        "country" => text!("syntax-choice-country"),
        "body kind" => text!("syntax-choice-body-kind"),
        "source kind" => text!("syntax-choice-source-kind"),
        "benchmark kind" => text!("syntax-choice-benchmark-kind"),
        "frequency" => text!("syntax-choice-frequency"),
        "kind of value for `uses`" => text!("syntax-choice-uses"),
        "budget currency" => text!("syntax-choice-budget-currency"),
        _ => text!("syntax-choice-goal-kind"),
    }
}

fn stmt_help(word: &str, block: BlockKind) -> Msg {
    // Forms that are only code are the same in every language; the others are texts.
    let code = |form: &'static str| crate::i18n::Arg::from(form);
    let said = |form: Msg| crate::i18n::Arg::from(form);
    let form = match (block, word) {
        (BlockKind::Goal, "under") => said(text!("syntax-form-goal-under")),
        (BlockKind::Goal, "owner") => said(text!("syntax-form-goal-owner")),
        (BlockKind::Goal, "number") => code("`number \"1.1\"`"),
        (BlockKind::Goal, "kind") => said(text!("syntax-form-goal-kind")),
        (BlockKind::Goal, "measure") => code("`measure INDICATOR_ID`"),
        (BlockKind::Goal, "indicators") => code("`indicators ID1, ID2`"),
        (BlockKind::Goal, "baseline") => code("`baseline 68 in 2022`"),
        (BlockKind::Goal, "target") => said(text!("syntax-form-goal-target")),
        (BlockKind::Goal, "milestone") => code("`milestone 71 in 2024`"),
        (BlockKind::Goal, "rule") => code("`rule RULE_ID`"),
        (BlockKind::Goal, "follow-up") => code("`follow-up interim, annual`"),
        (BlockKind::Goal, "values") => code("`values VALUE_ID`"),
        (BlockKind::Goal, "target-group") => code("`target-group \"…\"`"),
        (BlockKind::Goal, "text") => said(text!("syntax-form-goal-text")),
        (BlockKind::Policy, "adopted") => code("`adopted 2023-12-04 by KF ref \"§ 88\"`"),
        (BlockKind::Policy, "revised") => code("`revised 2025-03-12 by KF ref \"§ 12\"`"),
        (BlockKind::Policy, "version") => code("`version \"1.1\"`"),
        (BlockKind::Policy, "status") => said(text!("syntax-form-policy-status")),
        (BlockKind::Policy, "period") => code("`period 2024..2027`"),
        (BlockKind::Policy, "language") => said(text!("syntax-form-policy-language")),
        (BlockKind::Policy, "default") => code("`default rule RULE_ID`"),
        (BlockKind::Chain, _) => {
            code("`level NAME \"display name\" under LEVEL exactly one parent measured`")
        }
        (BlockKind::Indicator, "source") => code("`source kolada \"N15419\"`"),
        (BlockKind::Indicator, "unit") => said(text!("syntax-form-indicator-unit")),
        (BlockKind::Indicator, "higher" | "lower") => {
            said(text!("syntax-form-indicator-direction"))
        }
        (BlockKind::Indicator, "benchmark") => code("`benchmark county \"Västerbottens län\"`"),
        (BlockKind::Indicator, "frequency") => code("`frequency annual`"),
        (BlockKind::Report, "uses") => said(text!("syntax-form-report-uses")),
        (BlockKind::Report, "due") => said(text!("syntax-form-report-due")),
        (BlockKind::Report, "to") => said(text!("syntax-form-report-to")),
        (BlockKind::Report, "covers") => code("`covers 01-01..08-31`"),
        (BlockKind::Policy, "country") => said(text!("syntax-form-policy-country")),
        (BlockKind::Body, "parent") => code("`parent BODY_ID`"),
        (BlockKind::Body, "kind") => code("`kind committee`"),
        (BlockKind::Scale, _) => said(text!("syntax-form-scale")),
        (BlockKind::Rule, _) => said(text!("syntax-form-rule")),
        (BlockKind::Rollup, _) => said(text!("syntax-form-rollup")),
        (BlockKind::Labels, _) => said(text!("syntax-form-labels")),
        (BlockKind::Test, "year") => code("`year 2024`"),
        (BlockKind::Test, "report") => code("`report REPORT_ID`"),
        (BlockKind::Test, "value") => code("`value INDICATOR_ID 74`"),
        (BlockKind::Test, "benchmark") => said(text!("syntax-form-test-benchmark")),
        (BlockKind::Test, "missing") => code("`missing INDICATOR_ID`"),
        (BlockKind::Test, "motivation") => code("`motivation GOAL_ID \"…\"`"),
        (BlockKind::Test, "expect") => code("`expect GOAL_ID green`"),
        (BlockKind::Activity, "under") => said(text!("syntax-form-activity-under")),
        (BlockKind::Activity, "owner") => said(text!("syntax-form-activity-owner")),
        (BlockKind::Activity, "start") => code("`start 2024-01-01`"),
        (BlockKind::Activity, "deadline") => code("`deadline 2026-06-30`"),
        (BlockKind::Activity, "budget") => said(text!("syntax-form-activity-budget")),
        _ => return text!("syntax-check-reference", word = word),
    };
    crate::i18n::Text::new("syntax-write-it-as", vec![("form", form)])
}

fn missing_ident(span: Span) -> Ident {
    Ident {
        name: String::new(),
        span,
    }
}

fn missing_text(span: Span) -> Text {
    Text {
        value: String::new(),
        span,
        block: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::ast::{Atom, Cond, Decl, TargetValue};

    fn parse(text: &str) -> (File, Vec<Diagnostic>) {
        parse_file(FileId(0), text)
    }

    fn goal(decl: &Decl) -> &Goal {
        match decl {
            Decl::Goal(goal) => goal,
            _ => panic!("not a goal"),
        }
    }

    /// A goal whose statements are `body`, after a multibyte title.
    fn goal_with(body: &str) -> String {
        format!("strategic g \"Äldreomsorg – nöjdhet ska öka\" {{\n{body}\n}}\n")
    }

    #[test]
    fn thousands_groups_follow_the_data_readers_rule() {
        let whole = |raw: &str| thousands_groups(raw).map(|g| (g.whole, g.decimal));
        let s = |t: &str| t.to_string();
        assert_eq!(whole("68.000"), Some((s("68000"), Some(s("68")))));
        assert_eq!(whole("76.500"), Some((s("76500"), Some(s("76.5")))));
        assert_eq!(whole("-1.200"), Some((s("-1200"), Some(s("-1.2")))));
        assert_eq!(whole("+1.050"), Some((s("+1050"), Some(s("+1.05")))));
        assert_eq!(whole("1.234.567"), Some((s("1234567"), None)));
        assert_eq!(whole("1.234,5"), Some((s("1234.5"), None)));
        assert_eq!(whole("1 200"), Some((s("1200"), None)));
        assert_eq!(whole("12 500 000"), Some((s("12500000"), None)));
        assert_eq!(whole("1\u{a0}200"), Some((s("1200"), None)));
        assert_eq!(whole("1\u{202f}234,5"), Some((s("1234.5"), None)));
        for decimal in [
            "76.5", "76.50", "76.5000", "1234.500", "0.500", "-0.500", "68", "2026", "10,5",
        ] {
            assert_eq!(whole(decimal), None, "{decimal}");
        }
    }

    #[test]
    fn every_spelling_with_separators_is_one_p0005_on_the_number() {
        for (written, message) in [
            (
                "68.000",
                "`68.000` has a thousands separator: write 68000, or 68 if you meant a decimal",
            ),
            (
                "-1.200",
                "`-1.200` has a thousands separator: write -1200, or -1.2 if you meant a decimal",
            ),
            (
                "1.234.567",
                "`1.234.567` has thousands separators: write 1234567",
            ),
            (
                "1.234,5",
                "`1.234,5` has a thousands separator and a decimal comma: write 1234.5",
            ),
            (
                "1 200",
                "`1 200` has a space as a thousands separator: write 1200",
            ),
            (
                "12 500 000",
                "`12 500 000` has spaces as thousands separators: write 12500000",
            ),
            (
                "1\u{a0}200",
                "`1\u{a0}200` has a space as a thousands separator: write 1200",
            ),
            (
                "12\u{202f}500\u{202f}000",
                "`12\u{202f}500\u{202f}000` has spaces as thousands separators: write 12500000",
            ),
        ] {
            let text = goal_with(&format!(
                "  baseline {written} in 2022\n  target 75 by 2026"
            ));
            let (file, diags) = parse(&text);
            let start = text.find(written).unwrap();
            assert!(text.is_char_boundary(start) && text.is_char_boundary(start + written.len()));
            assert_eq!(diags.len(), 1, "{written}: {diags:?}");
            let d = &diags[0];
            assert_eq!((d.code, d.message.en().as_str()), (Code::P0005, message));
            assert_eq!(
                (d.span.start, d.span.end),
                (start, start + written.len()),
                "{written}"
            );
            assert!(d
                .help_en()
                .as_deref()
                .is_some_and(|h| h.starts_with("pejl writes numbers")));
            let fix = d.fix.as_ref().expect("a quick fix");
            let whole = thousands_groups(written).unwrap().whole;
            assert_eq!(
                (fix.title.en(), fix.replacement.clone()),
                (format!("Write `{whole}`"), whole.clone())
            );
            // The rest of the statement and of the goal is understood.
            let g = goal(&file.decls[0]);
            let baseline = g.baseline.expect("the baseline is kept");
            assert_eq!(baseline.value.value, whole.parse::<f64>().unwrap());
            assert!(baseline.value.grouped);
            assert_eq!(baseline.year.map(|y| y.value), Some(2022));
            assert!(g.target.is_some());
        }
    }

    #[test]
    fn decimals_are_not_groupings() {
        for written in [
            "76.5", "76.50", "76.5000", "1234.500", "0.500", "-0.500", "68",
        ] {
            let text = goal_with(&format!("  baseline {written} in 2022"));
            let (file, diags) = parse(&text);
            assert!(diags.is_empty(), "{written}: {diags:?}");
            let baseline = goal(&file.decls[0]).baseline.unwrap();
            assert_eq!(baseline.value.value, written.parse::<f64>().unwrap());
            assert!(!baseline.value.grouped);
        }
    }

    #[test]
    fn every_number_position_is_checked() {
        let text = "\
goal g \"Invånare\" {
  baseline 2 450 in 2022
  target 2.600 by 2026
  milestone 2 500 in 2024
}
goal h \"Andel\" { target +1.000% by 2026 }
rule r \"Regel\" {
  green when value >= 1.234.567 and meets 12 500
  yellow when within 1.000% of target or better than 1 000
  red otherwise
}
rollup u \"Rollup\" {
  green when count green >= 1 000
  red otherwise
}
";
        let (file, diags) = parse(text);
        let flagged: Vec<(&str, usize)> = diags
            .iter()
            .map(|d| (&text[d.span.start..d.span.end], d.span.start))
            .collect();
        let at = |s: &str| text.find(s).unwrap();
        assert_eq!(
            flagged,
            [
                ("2 450", at("2 450")),
                ("2.600", at("2.600")),
                ("2 500", at("2 500")),
                ("+1.000%", at("+1.000%")),
                ("1.234.567", at("1.234.567")),
                ("12 500", at("12 500")),
                ("1.000%", at("1.000% of")),
                ("1 000", at("1 000\n")),
                ("1 000", text.rfind("1 000").unwrap()),
            ]
        );
        assert!(diags.iter().all(|d| d.code == Code::P0005));
        assert_eq!(
            diags[3].message,
            "`+1.000%` has a thousands separator: write +1000%, or +1% if you meant a decimal"
        );
        assert_eq!(diags[3].fix.as_ref().unwrap().replacement, "+1000%");
        let h = goal(&file.decls[1]);
        assert!(
            matches!(h.target.unwrap().value, TargetValue::Relative(f, _) if (f - 10.0).abs() < 1e-9)
        );
        let Decl::Rule(rule) = &file.decls[2] else {
            panic!("not a rule")
        };
        let Some(Cond::And(items)) = &rule.bands[0].condition else {
            panic!("not an and")
        };
        assert!(matches!(items[0], Cond::Atom(Atom::Value(CmpOp::Ge, v), _) if v == 1234567.0));
    }

    /// The grammar around numbers reads as before: years, dates, month-days, year ranges,
    /// percentages and numbers followed by a year.
    #[test]
    fn neighbours_of_numbers_parse_as_before() {
        let text = "\
policy p \"P\" { adopted 2023-12-04 by KF  period 2024..2027 }
report annual \"År\" { uses actual  due 08-31  to KF }
goal g \"Mål\" {
  baseline 68 in 2022
  target 75 by 2026
  milestone 70 in 2025
  milestone 71.5 in 2025
}
goal h \"Mål\" { baseline 5 in 2022  target 6 by 2026 }
rule r \"Regel\" {
  green when value >= 80 and within 10% of target
  yellow when meets 75
  red otherwise
}
rollup u \"Rollup\" {
  green when count green >= 3
  yellow when share green >= 50%
  red otherwise
}
";
        let (file, diags) = parse(text);
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(file.decls.len(), 6);
        let g = goal(&file.decls[2]);
        assert_eq!(g.baseline.unwrap().value.value, 68.0);
        assert_eq!(g.baseline.unwrap().year.unwrap().value, 2022);
        let t = g.target.unwrap();
        assert!(matches!(t.value, TargetValue::Number(n) if n.value == 75.0));
        assert_eq!(t.year.unwrap().value, 2026);
        let years: Vec<(f64, i32)> = g
            .milestones
            .iter()
            .map(|m| (m.value.value, m.year.unwrap().value))
            .collect();
        assert_eq!(years, [(70.0, 2025), (71.5, 2025)]);
        let h = goal(&file.decls[3]);
        assert_eq!(h.baseline.unwrap().year.unwrap().value, 2022);
        assert_eq!(h.target.unwrap().year.unwrap().value, 2026);
    }

    /// `baseline 5 2022` (a missing `in`) is still a syntax error, not a number `5 202…`.
    #[test]
    fn a_year_after_a_number_is_not_a_group() {
        let (_, diags) = parse(&goal_with("  baseline 5 2022"));
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert_eq!(diags[0].code, Code::P0001);
    }

    /// In a whole policy, a number with separators gets P0005 and nothing else: the goal is not
    /// told that it lacks a baseline, and the whole-number reading (68000 for a percentage) is
    /// not judged against the unit or the target.
    #[test]
    fn no_follow_on_diagnostics_in_a_policy() {
        let text = "\
policy p \"P\" { period 2024..2027  default rule r }
body KF \"Kommunfullmäktige\"
report annual \"Årsredovisning\" { uses actual  due 12-31  to KF }
chain {
  level area \"Målområde\"
  level goal \"Mål\" under area measured
}
indicator ind \"Andel nöjda (%)\" { unit percent  higher is better }
rule r \"Regel\" {
  green when meets target
  red   otherwise
  grey  when missing
}
area a \"Område\" { owner KF }
goal g \"Andelen nöjda brukare i äldreomsorgen ska öka\" {
  under a
  owner KF
  measure ind
  baseline 68.000 in 2022
  target 75.000 by 2026
  milestone 1 200 in 2024
  follow-up annual
}
";
        let analysis = crate::analyze_text(std::path::Path::new("p.pejl"), text);
        let codes: Vec<(Code, &str)> = analysis
            .diagnostics
            .iter()
            .map(|d| (d.code, &text[d.span.start..d.span.end]))
            .collect();
        assert_eq!(
            codes,
            [
                (Code::P0005, "68.000"),
                (Code::P0005, "75.000"),
                (Code::P0005, "1 200")
            ]
        );
    }
}
