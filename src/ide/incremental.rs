//! Incremental re-parsing for the language server. The parser works one top-level
//! declaration at a time, each attempt starting where the last one ended and depending only
//! on the text from there on. So after an edit, parsing starts again at the last declaration
//! that starts before the edit and goes on (on the whole new text, with the parser's own
//! stepping) until it reaches the start of an old declaration after the edit: from there on
//! the old declarations are kept, their spans moved by the edit's change in length. Only when
//! an edit moves the unterminated strings outside that stretch is the whole file parsed again.

use crate::diagnostic::Diagnostic;
use crate::span::{FileId, Span};
use crate::syntax::ast::*;
use crate::syntax::parse::{parse_range, skip_trivia, Entry};
use crate::syntax::parse_file;
use crate::syntax::text::{scan, Lexeme};
use crate::{Analysis, FileLoader};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Keeps what the last analysis parsed, so the next one re-parses only what changed.
#[derive(Default)]
pub struct IncrementalParser {
    /// Per file: the syntax diagnostics of the last parse, and where its unterminated strings were.
    cache: HashMap<PathBuf, (Vec<Diagnostic>, Vec<Unterminated>)>,
    /// Bytes parsed again and bytes kept by the last analysis (for tests and benchmarks).
    pub last_reparsed: usize,
    pub last_reused: usize,
    /// Time spent parsing in the last analysis (the rest is names and checks).
    pub last_parse_time: std::time::Duration,
}

impl IncrementalParser {
    pub fn new() -> Self {
        Self::default()
    }

    /// Analyses the policy at `root` like [`crate::analyze`], reusing the syntax trees of
    /// `previous` (the last analysis of the same root, given back) where the text did not change.
    pub fn analyze(
        &mut self,
        root: &Path,
        loader: &dyn FileLoader,
        previous: Option<Analysis>,
    ) -> Analysis {
        let mut old: HashMap<PathBuf, (String, File)> = HashMap::new();
        if let Some(previous) = previous {
            for (source, tree) in previous.sources.files.into_iter().zip(previous.files) {
                old.insert(source.path, (source.text, tree));
            }
        }
        let mut new_cache = HashMap::new();
        let mut work = Work::default();
        let mut parse_time = std::time::Duration::ZERO;
        let cache = &self.cache;
        let analysis = crate::analyze_with(root, loader, &mut |id, path, text| {
            let started = std::time::Instant::now();
            let (tree, diags, strings) = match (old.remove(path), cache.get(path)) {
                (Some((old_text, old_tree)), Some((old_diags, old_strings))) => reparse(
                    id,
                    &old_text,
                    old_tree,
                    old_diags,
                    old_strings,
                    text,
                    &mut work,
                ),
                _ => {
                    work.reparsed += text.len();
                    let (tree, diags) = parse_file(id, text);
                    (tree, diags, unterminated(&scan(text), 0))
                }
            };
            new_cache.insert(path.to_path_buf(), (diags.clone(), strings));
            let result = (tree, diags);
            parse_time += started.elapsed();
            result
        });
        self.cache = new_cache;
        self.last_reparsed = work.reparsed;
        self.last_reused = work.reused;
        self.last_parse_time = parse_time;
        analysis
    }
}

/// Bytes re-parsed and bytes reused in one analysis.
#[derive(Default)]
struct Work {
    reparsed: usize,
    reused: usize,
}

/// Parses `text` (the new text of a file whose old text `old_text` parsed to `old_tree` and
/// `old_diags`), re-parsing only the declarations the change touched.
fn reparse(
    id: FileId,
    old_text: &str,
    mut old_tree: File,
    old_diags: &[Diagnostic],
    old_strings: &[Unterminated],
    text: &str,
    work: &mut Work,
) -> (File, Vec<Diagnostic>, Vec<Unterminated>) {
    if old_text == text {
        restamp(&mut old_tree, id);
        let mut diags = old_diags.to_vec();
        for d in &mut diags {
            move_diag(d, id, 0, 0);
        }
        work.reused += text.len();
        return (old_tree, diags, old_strings.to_vec());
    }
    let full = |work: &mut Work| {
        work.reparsed += text.len();
        let (tree, diags) = parse_file(id, text);
        (tree, diags, unterminated(&scan(text), 0))
    };
    let (old_bytes, new_bytes) = (old_text.as_bytes(), text.as_bytes());
    let max = old_bytes.len().min(new_bytes.len());
    let mut prefix = old_bytes
        .iter()
        .zip(new_bytes)
        .take_while(|(a, b)| a == b)
        .count();
    let mut suffix = old_bytes
        .iter()
        .rev()
        .zip(new_bytes.iter().rev())
        .take(max - prefix)
        .take_while(|(a, b)| a == b)
        .count();
    while prefix > 0 && !(old_text.is_char_boundary(prefix) && text.is_char_boundary(prefix)) {
        prefix -= 1;
    }
    while suffix > 0
        && !(old_text.is_char_boundary(old_text.len() - suffix)
            && text.is_char_boundary(text.len() - suffix))
    {
        suffix -= 1;
    }
    let delta = text.len() as isize - old_text.len() as isize;
    let decls = std::mem::take(&mut old_tree.decls);
    // Parse again from the start of the last declaration that starts before the change, on
    // the whole new text, until the parse reaches the start of an old declaration that lies
    // after the change: from there on, everything is as it was, moved by `delta`.
    let first = decls.partition_point(|d| d.span().start < prefix);
    let j = first.saturating_sub(1);
    let mut a = if first == 0 { 0 } else { decls[j].span().start };
    if a == 0 && text.starts_with('\u{feff}') {
        a = 3;
    }
    let changed_end_old = old_text.len() - suffix;
    let moved = |start: usize| (start as isize + delta) as usize;
    let lexemes = scan(text);
    let mut entries: Vec<Entry> = Vec::new();
    let mut pos = a;
    let mut k = first + decls[first..].partition_point(|d| d.span().start < changed_end_old);
    let m = loop {
        while k < decls.len() && moved(decls[k].span().start) < pos {
            k += 1;
        }
        let stop = decls.get(k).map_or(text.len(), |d| moved(d.span().start));
        let got = parse_range(id, text, pos, stop, &lexemes);
        pos = skip_trivia(text, got.last().map_or(pos, |e| e.end));
        entries.extend(got);
        if k >= decls.len() {
            break decls.len();
        }
        if pos == stop {
            break k;
        }
    };
    let old_b = decls.get(m).map_or(old_text.len(), |d| d.span().start);
    let b = moved(old_b);
    // Messages about unterminated strings come from a scan of the whole file: those outside
    // the re-parsed stretch must be where they were (an edit that opens a text block moves them).
    let now = unterminated(&lexemes, 0);
    let outside_now: Vec<Unterminated> = now
        .iter()
        .copied()
        .filter(|l| l.1 < a || l.1 >= b)
        .collect();
    let mut outside_old: Vec<Unterminated> =
        old_strings.iter().copied().filter(|l| l.1 < a).collect();
    outside_old.extend(
        old_strings
            .iter()
            .filter(|l| l.1 >= old_b)
            .map(|&(block, s, e)| (block, moved(s), moved(e))),
    );
    if outside_now != outside_old {
        return full(work);
    }
    work.reparsed += b - a;
    work.reused += text.len() - (b - a);
    let mut window_decls = Vec::new();
    let mut window_diags = Vec::new();
    for entry in entries {
        window_decls.extend(entry.decl);
        window_diags.extend(entry.diags);
    }
    let mut out = Vec::with_capacity(decls.len() + window_decls.len());
    let mut iter = decls.into_iter();
    for mut decl in iter.by_ref().take(j) {
        if decl.span().file != id {
            decl_spans(&mut decl, &mut |s| s.file = id);
        }
        out.push(decl);
    }
    let mut rest = iter.skip(m - j);
    out.extend(window_decls);
    for mut decl in rest.by_ref() {
        decl_spans(&mut decl, &mut |s| shift(s, id, delta));
        out.push(decl);
    }
    let mut diags = Vec::new();
    // A declaration that failed points at the start of the next one: the diagnostics at `a`
    // belong to what comes before it, those at `old_b` to the window.
    for d in old_diags
        .iter()
        .filter(|d| d.span.start < a || (first > 0 && d.span.start == a))
    {
        let mut d = d.clone();
        move_diag(&mut d, id, 0, text.len());
        diags.push(d);
    }
    diags.extend(window_diags);
    for d in old_diags.iter().filter(|d| d.span.start > old_b) {
        let mut d = d.clone();
        move_diag(&mut d, id, delta, text.len());
        diags.push(d);
    }
    // Comments depend on every string before them: take them from the scan of the whole text.
    let comments = lexemes
        .into_iter()
        .filter(|(kind, ..)| *kind == Lexeme::Comment)
        .map(|(_, s, e)| Span::new(id, s, e))
        .collect();
    (
        File {
            decls: out,
            comments,
        },
        diags,
        now,
    )
}

/// An unterminated string or text block: (text block, start, end of what a message points at).
type Unterminated = (bool, usize, usize);

fn unterminated(lexemes: &[(Lexeme, usize, usize)], shift: isize) -> Vec<Unterminated> {
    lexemes
        .iter()
        .filter_map(|&(kind, s, e)| match kind {
            Lexeme::Unterminated { block } => {
                let s = (s as isize + shift) as usize;
                Some((
                    block,
                    s,
                    if block {
                        s + 3
                    } else {
                        (e as isize + shift) as usize
                    },
                ))
            }
            Lexeme::Comment | Lexeme::TooDeep => None,
        })
        .collect()
}

fn shift(span: &mut Span, id: FileId, delta: isize) {
    span.file = id;
    span.start = (span.start as isize + delta) as usize;
    span.end = (span.end as isize + delta) as usize;
}

fn move_diag(d: &mut Diagnostic, id: FileId, delta: isize, len: usize) {
    let clamp = |s: &mut Span| {
        if len > 0 {
            s.end = s.end.min(len);
            s.start = s.start.min(s.end);
        }
    };
    shift(&mut d.span, id, delta);
    clamp(&mut d.span);
    for label in &mut d.labels {
        shift(&mut label.span, id, delta);
        clamp(&mut label.span);
    }
}

/// A syntax tree and its diagnostics, parsed as another file, as file `id` (the same text in
/// another policy: `pejl check FOLDER` parses each file once).
pub(crate) fn restamped(
    mut tree: File,
    mut diags: Vec<Diagnostic>,
    id: FileId,
) -> (File, Vec<Diagnostic>) {
    restamp(&mut tree, id);
    for d in &mut diags {
        move_diag(d, id, 0, 0);
    }
    (tree, diags)
}

fn restamp(tree: &mut File, id: FileId) {
    for decl in &mut tree.decls {
        if decl.span().file != id {
            decl_spans(decl, &mut |s| s.file = id);
        }
    }
    for c in &mut tree.comments {
        c.file = id;
    }
}

type Visit<'a> = dyn FnMut(&mut Span) + 'a;

/// Visits every span of a declaration. Structs are destructured in full, so a new field
/// with a span fails to compile here until it is visited.
pub(crate) fn decl_spans(decl: &mut Decl, f: &mut Visit<'_>) {
    match decl {
        Decl::Policy(p) => {
            let Policy {
                id,
                title,
                adopted,
                revisions,
                version,
                status,
                period,
                language,
                country,
                default_rule,
                span,
            } = &mut **p;
            ident(id, f);
            text(title, f);
            for Adopted {
                date,
                by,
                reference,
                span,
            } in adopted.iter_mut().chain(revisions.iter_mut())
            {
                let DateLit {
                    span: date_span, ..
                } = date;
                f(date_span);
                opt_ident(by, f);
                if let Some(r) = reference {
                    text(r, f);
                }
                f(span);
            }
            if let Some(v) = version {
                text(v, f);
            }
            opt_ident(status, f);
            if let Some(Period { from, to, span }) = period {
                f(&mut from.span);
                f(&mut to.span);
                f(span);
            }
            opt_ident(language, f);
            opt_ident(country, f);
            opt_ident(default_rule, f);
            f(span);
        }
        Decl::Include(i) => {
            let Include { path, span } = &mut **i;
            text(path, f);
            f(span);
        }
        Decl::Body(b) => {
            let Body {
                id,
                name,
                parent,
                kind,
                span,
            } = &mut **b;
            ident(id, f);
            text(name, f);
            opt_ident(parent, f);
            opt_ident(kind, f);
            f(span);
        }
        Decl::Chain(c) => {
            let Chain { levels, span } = &mut **c;
            for level in levels {
                let Level {
                    name,
                    title,
                    under,
                    cardinality,
                    measured,
                    assessed_by,
                    followed_up,
                    span,
                } = level;
                ident(name, f);
                text(title, f);
                opt_ident(under, f);
                if let Some((_, s)) = cardinality {
                    f(s);
                }
                if let Some(s) = measured {
                    f(s);
                }
                opt_ident(assessed_by, f);
                followed_up.iter_mut().for_each(|i| ident(i, f));
                f(span);
            }
            f(span);
        }
        Decl::Scale(s) => {
            let Scale { statuses, span } = &mut **s;
            for entry in statuses {
                let ScaleEntry {
                    name,
                    label,
                    not_assessable: _,
                    span,
                } = entry;
                ident(name, f);
                text(label, f);
                f(span);
            }
            f(span);
        }
        Decl::Indicator(i) => {
            let Indicator {
                id,
                title,
                source,
                unit,
                direction,
                benchmarks,
                frequency,
                span,
            } = &mut **i;
            ident(id, f);
            text(title, f);
            if let Some(Source {
                kind,
                reference,
                span,
            }) = source
            {
                ident(kind, f);
                text(reference, f);
                f(span);
            }
            if let Some(UnitDecl { unit: _, span }) = unit {
                f(span);
            }
            if let Some((_, s)) = direction {
                f(s);
            }
            for BenchmarkDecl {
                kind,
                description,
                kolada,
                weighting,
                span,
            } in benchmarks
            {
                ident(kind, f);
                if let Some(d) = description {
                    text(d, f);
                }
                if let Some(k) = kolada {
                    text(k, f);
                }
                opt_ident(weighting, f);
                f(span);
            }
            opt_ident(frequency, f);
            f(span);
        }
        Decl::Value(v) => {
            let CoreValue {
                id,
                name,
                text: body,
                span,
            } = &mut **v;
            ident(id, f);
            text(name, f);
            if let Some(t) = body {
                text(t, f);
            }
            f(span);
        }
        Decl::Report(r) => {
            let Report {
                id,
                name,
                uses,
                due,
                due_next_year: _,
                to,
                covers,
                span,
            } = &mut **r;
            ident(id, f);
            text(name, f);
            opt_ident(uses, f);
            if let Some(MonthDay { span, .. }) = due {
                f(span);
            }
            to.iter_mut().for_each(|i| ident(i, f));
            if let Some(Covers { from, to, span }) = covers {
                f(&mut from.span);
                f(&mut to.span);
                f(span);
            }
            f(span);
        }
        Decl::Rule(r) | Decl::Rollup(r) => {
            let Rule {
                id,
                title,
                bands,
                span,
            } = &mut **r;
            ident(id, f);
            if let Some(t) = title {
                text(t, f);
            }
            for band in bands {
                let Band {
                    status,
                    condition,
                    requires_motivation: _,
                    labels,
                    span,
                } = band;
                ident(status, f);
                if let Some(c) = condition {
                    cond(c, f);
                }
                for label in labels {
                    let BandLabel {
                        report,
                        text: t,
                        span,
                    } = label;
                    ident(report, f);
                    text(t, f);
                    f(span);
                }
                f(span);
            }
            f(span);
        }
        Decl::Goal(g) => {
            let Goal {
                level,
                id,
                title,
                under,
                owner,
                shared_with,
                number,
                kind,
                measure,
                indicators,
                baseline,
                target,
                milestones,
                rule,
                follow_up,
                values,
                target_group,
                text: body,
                span,
                header,
            } = &mut **g;
            ident(level, f);
            ident(id, f);
            text(title, f);
            under.iter_mut().for_each(|i| ident(i, f));
            opt_ident(owner, f);
            shared_with.iter_mut().for_each(|i| ident(i, f));
            if let Some(n) = number {
                text(n, f);
            }
            opt_ident(kind, f);
            opt_ident(measure, f);
            indicators.iter_mut().for_each(|i| ident(i, f));
            if let Some(Baseline { value, year, span }) = baseline {
                f(&mut value.span);
                if let Some(y) = year {
                    f(&mut y.span);
                }
                f(span);
            }
            if let Some(Target {
                value,
                year,
                date,
                span,
            }) = target
            {
                match value {
                    TargetValue::Number(n) => f(&mut n.span),
                    TargetValue::Benchmark(_, s) | TargetValue::Relative(_, s) => f(s),
                }
                if let Some(y) = year {
                    f(&mut y.span);
                }
                if let Some(DateLit { span, .. }) = date {
                    f(span);
                }
                f(span);
            }
            for Milestone { value, year, span } in milestones {
                f(&mut value.span);
                if let Some(y) = year {
                    f(&mut y.span);
                }
                f(span);
            }
            opt_ident(rule, f);
            follow_up.iter_mut().for_each(|i| ident(i, f));
            values.iter_mut().for_each(|i| ident(i, f));
            if let Some(t) = target_group {
                text(t, f);
            }
            if let Some(t) = body {
                text(t, f);
            }
            f(span);
            f(header);
        }
        Decl::Test(t) => {
            let Test {
                title,
                year,
                report,
                inputs,
                expects,
                span,
                header,
            } = &mut **t;
            text(title, f);
            if let Some(y) = year {
                f(&mut y.span);
            }
            opt_ident(report, f);
            for TestInput { name, kind, span } in inputs {
                ident(name, f);
                match kind {
                    InputKind::Value(n) => f(&mut n.span),
                    InputKind::Benchmark(k, n) => {
                        opt_ident(k, f);
                        f(&mut n.span);
                    }
                    InputKind::Missing => {}
                    InputKind::Motivation(t) => text(t, f),
                }
                f(span);
            }
            for Expect { goal, status, span } in expects {
                ident(goal, f);
                ident(status, f);
                f(span);
            }
            f(span);
            f(header);
        }
        Decl::Activity(a) => {
            let Activity {
                id,
                title,
                under,
                owner,
                shared_with,
                start,
                deadline,
                budget,
                span,
                header,
            } = &mut **a;
            ident(id, f);
            text(title, f);
            opt_ident(under, f);
            opt_ident(owner, f);
            shared_with.iter_mut().for_each(|i| ident(i, f));
            for DateLit { span, .. } in start.iter_mut().chain(deadline.iter_mut()) {
                f(span);
            }
            if let Some(Budget {
                amount,
                currency,
                span,
            }) = budget
            {
                f(&mut amount.span);
                opt_ident(currency, f);
                f(span);
            }
            f(span);
            f(header);
        }
    }
}

fn ident(id: &mut Ident, f: &mut Visit<'_>) {
    f(&mut id.span);
}

fn opt_ident(id: &mut Option<Ident>, f: &mut Visit<'_>) {
    if let Some(id) = id {
        f(&mut id.span);
    }
}

fn text(t: &mut Text, f: &mut Visit<'_>) {
    f(&mut t.span);
}

fn cond(c: &mut Cond, f: &mut Visit<'_>) {
    match c {
        Cond::And(items) | Cond::Or(items) => items.iter_mut().for_each(|c| cond(c, f)),
        Cond::Not(inner, span) => {
            cond(inner, f);
            f(span);
        }
        Cond::Atom(atom, span) => {
            match atom {
                Atom::All(s)
                | Atom::Any(s)
                | Atom::NoneOf(s)
                | Atom::Share(s, ..)
                | Atom::Count(s, ..) => ident(s, f),
                Atom::Meets(_)
                | Atom::Within(..)
                | Atom::WithinPoints(..)
                | Atom::BetterThan(_)
                | Atom::WorseThan(_)
                | Atom::Value(..)
                | Atom::Missing => {}
            }
            f(span);
        }
    }
}
