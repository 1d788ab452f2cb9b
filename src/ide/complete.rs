//! Completion in context. The context is read from the text before the cursor (which is
//! often half-typed and does not parse): which block the cursor is in, and which keyword
//! comes before it. The candidates come from the analysis: after `under`, only goals of the
//! level above; after `measure`, indicators; after `owner`, bodies; and so on.

use super::{chain, is_ident_char, lex, policy, scale, symbol_title, Tok};
use crate::model::Kind;
use crate::span::{FileId, Span};
use crate::syntax::ast::{BenchmarkKind, Decl, Indicator};
use crate::syntax::text::nfc;
use crate::Analysis;
use std::collections::HashMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CompletionKind {
    Keyword,
    Goal,
    Level,
    Body,
    Indicator,
    Rule,
    Rollup,
    Report,
    Value,
    Status,
    Unit,
    /// A fixed word choice (`council`, `kolada`, `forecast`, …).
    Constant,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Completion {
    pub label: String,
    pub kind: CompletionKind,
    /// The title of what the label names.
    pub detail: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Completions {
    /// The part of the word before the cursor, which a candidate replaces.
    pub replace: Span,
    pub items: Vec<Completion>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Block<'t> {
    Policy,
    Body,
    Chain,
    Scale,
    Indicator,
    Report,
    Rule,
    Rollup,
    Activity,
    Other,
    Goal(&'t str),
    Test,
}

const GOAL_STATEMENTS: &[&str] = &[
    "under",
    "owner",
    "kind",
    "number",
    "measure",
    "indicators",
    "baseline",
    "target",
    "milestone",
    "rule",
    "follow-up",
    "values",
    "target-group",
    "text",
];
use crate::syntax::keywords::{self, DECLARATION_KEYWORDS as TOP_KEYWORDS};

/// The completion candidates at `offset` of `file`.
pub fn completions(analysis: &Analysis, file: FileId, offset: usize) -> Completions {
    let text = analysis.sources.get(file).text.as_str();
    let offset = crate::span::clamp_to_char_boundary(text, offset);
    let word_start = text[..offset]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_ident_char(c))
        .last()
        .map_or(offset, |(i, _)| i);
    let replace = Span::new(file, word_start, offset);
    let mut items = candidates(analysis, text, word_start);
    // Keywords offered in the file's own keyword language (the context above reads every
    // language's keywords as English).
    let lang = file_keyword_language(analysis, text);
    if lang != crate::i18n::Lang::En {
        for item in items
            .iter_mut()
            .filter(|i| i.kind == CompletionKind::Keyword)
        {
            item.label = keywords::phrase_in(&item.label, lang);
        }
    }
    Completions { replace, items }
}

/// The language of the file's keywords, from its first words (the lexer only: cheap on a
/// large file).
fn file_keyword_language(analysis: &Analysis, text: &str) -> crate::i18n::Lang {
    let head = crate::span::clamp_to_char_boundary(text, text.len().min(16 * 1024));
    let tokens = lex(text, 0, head);
    let words = tokens
        .iter()
        .filter(|t| t.0 == Tok::Word)
        .filter_map(|&(_, s, e)| text.get(s..e));
    keywords::language_of_words(words, analysis.language())
}

fn candidates(analysis: &Analysis, text: &str, at: usize) -> Vec<Completion> {
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    if line_start == at {
        return top_level(analysis);
    }
    // The declaration the cursor is in starts at the nearest line above that starts at column 0.
    let mut region_start = 0;
    let mut pos = line_start;
    loop {
        let line = &text[pos..];
        if !line.starts_with([' ', '\t', '\r', '\n', '}', '{'])
            && !line.starts_with("//")
            && !line.is_empty()
        {
            region_start = pos;
            break;
        }
        if pos == 0 {
            break;
        }
        pos = text[..pos - 1].rfind('\n').map_or(0, |i| i + 1);
    }
    let tokens: Vec<(Tok, &str, usize)> = lex(text, region_start, at)
        .into_iter()
        .filter(|(t, ..)| *t != Tok::Comment)
        .map(|(t, s, e)| {
            let word = &text[s..e];
            // Swedish and Danish keywords read as their English row.
            let word = match t {
                Tok::Word => keywords::english(word).unwrap_or(word),
                _ => word,
            };
            (t, word, s)
        })
        .collect();
    let mut depth = 0usize;
    let mut header: Vec<&str> = Vec::new();
    let mut stmt: Vec<(Tok, &str, usize)> = Vec::new();
    let mut present: Vec<&str> = Vec::new();
    for &(tok, word, start) in &tokens {
        match tok {
            Tok::Open => {
                depth += 1;
                stmt.clear();
            }
            Tok::Close => {
                depth = depth.saturating_sub(1);
                stmt.clear();
                if depth == 0 {
                    header.clear();
                    present.clear();
                }
            }
            _ => {
                if depth == 0 {
                    header.push(word);
                } else {
                    stmt.push((tok, word, start));
                    if depth == 1 && tok == Tok::Word {
                        present.push(word);
                    }
                }
            }
        }
    }
    if depth == 0 {
        return Vec::new();
    }
    let block = match header.first().copied().unwrap_or("") {
        "policy" => Block::Policy,
        "body" => Block::Body,
        "chain" => Block::Chain,
        "scale" => Block::Scale,
        "indicator" => Block::Indicator,
        "report" => Block::Report,
        "rule" => Block::Rule,
        "rollup" => Block::Rollup,
        "activity" => Block::Activity,
        "value" | "include" | "" => Block::Other,
        // `test "…" {`: a goal's header has an ID before its title.
        "test" if header.get(1).is_some_and(|w| w.starts_with('"')) => Block::Test,
        level => Block::Goal(level),
    };
    let own_id = header.get(1).copied().unwrap_or("");
    let last = stmt.last().map(|&(t, w, _)| (t, w));
    let before_last = stmt.len().checked_sub(2).map(|i| stmt[i].1).unwrap_or("");
    // The keyword that a comma-separated list continues.
    let list_keyword = || {
        let mut i = stmt.len();
        while i > 0 {
            i -= 1;
            let (tok, word, _) = stmt[i];
            if tok == Tok::Word
                && matches!(
                    word,
                    "under" | "owner" | "indicators" | "follow-up" | "values"
                )
            {
                return word;
            }
            // Another statement's keyword: the list is not one of these.
            if !matches!(tok, Tok::Word | Tok::Comma)
                || (tok == Tok::Word && GOAL_STATEMENTS.contains(&word))
            {
                break;
            }
        }
        ""
    };
    let line_tokens: Vec<(Tok, &str)> = stmt
        .iter()
        .filter(|(_, _, s)| *s >= line_start)
        .map(|&(t, w, _)| (t, w))
        .collect();
    match block {
        Block::Goal(level) => {
            let keyword = match last {
                Some((Tok::Comma, _)) => list_keyword(),
                Some((Tok::Word, w)) => w,
                _ => "",
            };
            match keyword {
                "under" => goals_above(analysis, level, own_id),
                "owner" => symbols_of(analysis, Kind::Body, CompletionKind::Body),
                "measure" | "indicators" => {
                    symbols_of(analysis, Kind::Indicator, CompletionKind::Indicator)
                }
                "rule" => symbols_of(analysis, Kind::Rule, CompletionKind::Rule),
                "follow-up" => symbols_of(analysis, Kind::Report, CompletionKind::Report),
                "values" => symbols_of(analysis, Kind::Value, CompletionKind::Value),
                "kind" => constants(&["result", "effect", "activity"]),
                "target" => constants(&["benchmark"]),
                "benchmark" if before_last == "target" => {
                    constants(&BenchmarkKind::ALL.map(BenchmarkKind::as_str))
                }
                // A number or a text follows: no list to offer.
                "baseline" | "milestone" | "number" | "in" | "by" => Vec::new(),
                _ => GOAL_STATEMENTS
                    .iter()
                    .filter(|k| **k == "milestone" || !present.contains(k))
                    .map(|k| keyword_item(k))
                    .collect(),
            }
        }
        Block::Policy => match last {
            Some((Tok::Word, "by")) => symbols_of(analysis, Kind::Body, CompletionKind::Body),
            Some((Tok::Word, "rule")) => symbols_of(analysis, Kind::Rule, CompletionKind::Rule),
            Some((Tok::Word, "default")) => keywords(&["rule"]),
            Some((Tok::Word, "language")) => constants(&["sv", "da", "en"]),
            Some((Tok::Word, "status")) => constants(&["draft", "adopted"]),
            Some((Tok::Word, "version" | "adopted" | "revised" | "ref")) => Vec::new(),
            _ => {
                let mut items = statements(
                    &[
                        "version",
                        "status",
                        "adopted",
                        "period",
                        "language",
                        "default rule",
                    ],
                    &present,
                );
                // A policy may be revised many times.
                items.push(keyword_item("revised"));
                items
            }
        },
        Block::Body => match last {
            Some((Tok::Word, "parent")) => symbols_of(analysis, Kind::Body, CompletionKind::Body),
            Some((Tok::Word, "kind")) => {
                constants(&["council", "committee", "administration", "institution"])
            }
            _ => statements(&["parent", "kind"], &present),
        },
        Block::Indicator => match last {
            Some((Tok::Word, "unit")) => crate::unit::UNIT_WORDS
                .iter()
                .copied()
                .chain(["percent change"])
                .map(|u| Completion {
                    label: u.to_string(),
                    kind: CompletionKind::Unit,
                    detail: None,
                })
                .collect(),
            Some((Tok::Word, "percent")) if before_last == "unit" => keywords(&["change"]),
            Some((Tok::Word, "source")) => constants(&["kolada", "statbank", "internal", "survey"]),
            Some((Tok::Word, "benchmark")) => {
                constants(&BenchmarkKind::ALL.map(BenchmarkKind::as_str))
            }
            Some((Tok::Word, "frequency")) => {
                constants(&["annual", "tertial", "quarterly", "monthly"])
            }
            Some((Tok::Word, "higher" | "lower")) => keywords(&["is better"]),
            Some((Tok::Word, "is")) => keywords(&["better"]),
            _ => {
                // `benchmark county "…" |`: the rest of the benchmark first.
                let mut items = match benchmark_rest(&line_tokens) {
                    Some(rest) if rest.is_empty() => return rest,
                    Some(rest) => rest,
                    None => Vec::new(),
                };
                // An indicator may declare several benchmarks.
                items.extend(
                    ["source", "unit", "benchmark", "frequency"]
                        .iter()
                        .filter(|w| **w == "benchmark" || !present.contains(w))
                        .map(|w| keyword_item(w)),
                );
                if !present.contains(&"higher") && !present.contains(&"lower") {
                    items.extend(keywords(&["higher is better", "lower is better"]));
                }
                items
            }
        },
        Block::Activity => match last {
            Some((Tok::Word, "under")) => symbols_of(analysis, Kind::Goal, CompletionKind::Goal),
            Some((Tok::Word, "owner")) => symbols_of(analysis, Kind::Body, CompletionKind::Body),
            Some((Tok::Comma, _)) if list_keyword() == "owner" => {
                symbols_of(analysis, Kind::Body, CompletionKind::Body)
            }
            Some((Tok::Number, _)) if before_last == "budget" => {
                constants(crate::syntax::ast::BUDGET_CURRENCIES)
            }
            Some((Tok::Word, "start" | "deadline" | "budget")) => Vec::new(),
            _ => statements(&["under", "owner", "start", "deadline", "budget"], &present),
        },
        Block::Report => match last {
            Some((Tok::Word, "uses")) => constants(&["forecast", "actual"]),
            Some((Tok::Word, "to")) => symbols_of(analysis, Kind::Body, CompletionKind::Body),
            _ => statements(&["uses", "due", "to"], &present),
        },
        Block::Chain => match (line_tokens.first(), last) {
            (_, Some((Tok::Word, "under"))) => {
                symbols_of(analysis, Kind::Level, CompletionKind::Level)
            }
            (_, Some((Tok::Word, "by"))) if before_last == "assessed" => {
                symbols_of(analysis, Kind::Rollup, CompletionKind::Rollup)
            }
            (_, Some((Tok::Word, "assessed"))) => keywords(&["by"]),
            (None, _) => keywords(&["level"]),
            (Some((Tok::Word, "level")), _) if line_tokens.len() >= 3 => keywords(&[
                "under",
                "exactly one parent",
                "at least one parent",
                "measured",
                "assessed by",
            ]),
            _ => Vec::new(),
        },
        Block::Rule | Block::Rollup if depth >= 2 => {
            if line_tokens.is_empty() {
                symbols_of(analysis, Kind::Report, CompletionKind::Report)
            } else {
                Vec::new()
            }
        }
        Block::Rule | Block::Rollup => band(analysis, block == Block::Rollup, own_id, &line_tokens),
        Block::Test => test_statement(analysis, &line_tokens, &present),
        Block::Scale | Block::Other => Vec::new(),
    }
}

/// The statements of a test, and the names each one takes: an indicator after `value`,
/// `missing` and `benchmark` (then the kinds that indicator declares), a goal after `expect`
/// (then the statuses), a goal or an indicator after `motivation`, a report after `report`.
fn test_statement(analysis: &Analysis, line: &[(Tok, &str)], present: &[&str]) -> Vec<Completion> {
    let indicators = || symbols_of(analysis, Kind::Indicator, CompletionKind::Indicator);
    match line {
        [] => {
            let mut items = statements(&["year", "report"], present);
            items.extend(keywords(&[
                "value",
                "benchmark",
                "missing",
                "motivation",
                "expect",
            ]));
            items
        }
        [(Tok::Word, "value" | "missing" | "benchmark")] => indicators(),
        [(Tok::Word, "report")] => symbols_of(analysis, Kind::Report, CompletionKind::Report),
        [(Tok::Word, "expect")] => symbols_of(analysis, Kind::Goal, CompletionKind::Goal),
        [(Tok::Word, "motivation")] => {
            let mut items = symbols_of(analysis, Kind::Goal, CompletionKind::Goal);
            items.extend(indicators());
            items
        }
        [(Tok::Word, "expect"), (Tok::Word, _)] => scale(analysis)
            .into_iter()
            .map(|s| Completion {
                label: s.name,
                kind: CompletionKind::Status,
                detail: Some(s.label),
            })
            .collect(),
        [(Tok::Word, "benchmark"), (Tok::Word, indicator)] => super::all_decls(analysis)
            .find_map(|d| match d {
                Decl::Indicator(i) if i.id.name == nfc(indicator) => Some(
                    i.benchmarks
                        .iter()
                        .map(|b| Completion {
                            label: b.kind.name.clone(),
                            kind: CompletionKind::Constant,
                            detail: b.description.as_ref().map(|d| d.value.clone()),
                        })
                        .collect(),
                ),
                _ => None,
            })
            .unwrap_or_default(),
        _ => Vec::new(),
    }
}

/// After `benchmark KIND ["description"] [kolada "ID"]` on this line, in an indicator: what
/// may follow in the same statement (`kolada`, `weighted`, `unweighted`; nothing after
/// `kolada`, where the ID in quotes follows). `None` when the line is not such a statement.
fn benchmark_rest(line: &[(Tok, &str)]) -> Option<Vec<Completion>> {
    let at = line.iter().rposition(|t| *t == (Tok::Word, "benchmark"))?;
    let (kind, mut rest) = line[at + 1..].split_first()?;
    if kind.0 != Tok::Word {
        return None;
    }
    if let [(Tok::Str, _), more @ ..] = rest {
        rest = more;
    }
    let mut kolada = false;
    if let [(Tok::Word, "kolada"), more @ ..] = rest {
        kolada = true;
        rest = match more {
            [] => return Some(Vec::new()),
            [(Tok::Str, _), more @ ..] => more,
            _ => return None,
        };
    }
    if !rest.is_empty() {
        // `weighted`, `unweighted` or another statement: the benchmark is complete.
        return None;
    }
    let words: &[&str] = if kolada {
        &["weighted", "unweighted"]
    } else {
        &["kolada", "weighted", "unweighted"]
    };
    Some(keywords(words))
}

/// The kinds a rule can compare with (`meets benchmark national`): those declared by the
/// indicators of the goals that use the rule (its own, or the policy's default rule); when no
/// such indicator declares one, those of every indicator; else all kinds. With the first
/// declaration's description as detail.
fn rule_benchmark_kinds(analysis: &Analysis, rule: &str) -> Vec<Completion> {
    let indicators: HashMap<&str, &Indicator> = super::all_decls(analysis)
        .filter_map(|d| match d {
            Decl::Indicator(i) => Some((i.id.name.as_str(), &**i)),
            _ => None,
        })
        .collect();
    let default = policy(analysis)
        .and_then(|p| p.default_rule.as_ref())
        .map(|r| r.name.as_str());
    let used: Vec<&Indicator> = super::all_decls(analysis)
        .filter_map(|d| match d {
            Decl::Goal(g) => Some(g),
            _ => None,
        })
        .filter(|g| match &g.rule {
            Some(r) => r.name == rule,
            None => default == Some(rule),
        })
        .filter_map(|g| indicators.get(g.measure.as_ref()?.name.as_str()).copied())
        .collect();
    let declared = |pool: &[&Indicator]| -> Vec<Completion> {
        BenchmarkKind::ALL
            .iter()
            .filter_map(|k| {
                let first = pool
                    .iter()
                    .flat_map(|i| &i.benchmarks)
                    .find(|b| b.kind.name == k.as_str())?;
                Some(Completion {
                    label: k.as_str().to_string(),
                    kind: CompletionKind::Constant,
                    detail: first.description.as_ref().map(|d| d.value.clone()),
                })
            })
            .collect()
    };
    let mut items = declared(&used);
    if items.is_empty() {
        let all: Vec<&Indicator> = indicators.values().copied().collect();
        items = declared(&all);
    }
    if items.is_empty() {
        items = constants(&BenchmarkKind::ALL.map(BenchmarkKind::as_str));
    }
    items
}

/// Inside a rule or rollup: statuses, `when`/`otherwise`, and the words of conditions.
fn band(analysis: &Analysis, rollup: bool, rule: &str, line: &[(Tok, &str)]) -> Vec<Completion> {
    let statuses = || {
        scale(analysis)
            .into_iter()
            .map(|s| Completion {
                label: s.name,
                kind: CompletionKind::Status,
                detail: Some(s.label),
            })
            .collect::<Vec<_>>()
    };
    let Some(&(tok, last)) = line.last() else {
        return statuses();
    };
    if line.len() == 1 && tok == Tok::Word {
        return keywords(&["when", "otherwise"]);
    }
    let atoms: &[&str] = if rollup {
        &["all", "any", "no", "share", "count", "not"]
    } else {
        &[
            "meets",
            "within",
            "better than",
            "worse than",
            "value",
            "missing",
            "not",
        ]
    };
    let before = line.len().checked_sub(2).map_or("", |i| line[i].1);
    match last {
        "when" | "and" | "or" | "not" | "(" => keywords(atoms),
        "all" | "any" | "no" | "share" | "count" if rollup => statuses(),
        "meets" | "than" | "of" if !rollup => keywords(&["target", "benchmark", "baseline"]),
        // `within 10% of`, `within 5 points of`: a number comes first.
        "within" if !rollup => Vec::new(),
        _ if !rollup && tok == Tok::Number && before == "within" => {
            keywords(if last.ends_with('%') {
                &["of"]
            } else {
                &["points"]
            })
        }
        "points" if !rollup => keywords(&["of"]),
        // `meets benchmark national`: the kinds the rule's goals can compare with.
        "benchmark" if !rollup => {
            let mut items = rule_benchmark_kinds(analysis, rule);
            items.extend(keywords(&["and", "or", "requires motivation"]));
            items
        }
        "better" | "worse" => keywords(&["than"]),
        "requires" => keywords(&["motivation"]),
        "otherwise" | "motivation" => Vec::new(),
        _ => keywords(&["and", "or", "requires motivation"]),
    }
}

fn top_level(analysis: &Analysis) -> Vec<Completion> {
    let mut items = keywords(TOP_KEYWORDS);
    if let Some(chain) = chain(analysis) {
        items.extend(chain.levels.iter().map(|l| Completion {
            label: l.name.name.clone(),
            kind: CompletionKind::Level,
            detail: Some(format!("a goal at level {}", l.title.value)),
        }));
    }
    items
}

fn keyword_item(word: &str) -> Completion {
    Completion {
        label: word.to_string(),
        kind: CompletionKind::Keyword,
        detail: None,
    }
}

fn keywords(words: &[&str]) -> Vec<Completion> {
    words.iter().map(|w| keyword_item(w)).collect()
}

/// Statement keywords not yet given in the block.
fn statements(words: &[&str], present: &[&str]) -> Vec<Completion> {
    words
        .iter()
        .filter(|w| !present.contains(&w.split(' ').next().unwrap_or(w)))
        .map(|w| keyword_item(w))
        .collect()
}

fn constants(words: &[&str]) -> Vec<Completion> {
    words
        .iter()
        .map(|w| Completion {
            label: w.to_string(),
            kind: CompletionKind::Constant,
            detail: None,
        })
        .collect()
}

fn symbols_of(analysis: &Analysis, kind: Kind, as_kind: CompletionKind) -> Vec<Completion> {
    let mut items: Vec<Completion> = analysis
        .symbols
        .symbols
        .iter()
        .enumerate()
        .filter(|(_, s)| s.kind == kind)
        .map(|(i, s)| Completion {
            label: s.name.clone(),
            kind: as_kind,
            detail: Some(symbol_title(analysis, i)).filter(|t| !t.is_empty()),
        })
        .collect();
    if kind == Kind::Level && items.is_empty() {
        if let Some(chain) = chain(analysis) {
            items = chain
                .levels
                .iter()
                .map(|l| Completion {
                    label: l.name.name.clone(),
                    kind: as_kind,
                    detail: Some(l.title.value.clone()),
                })
                .collect();
        }
    }
    items
}

/// The goals a goal at `level` may be under: those of the level above it (all goals when
/// the level is unknown).
fn goals_above(analysis: &Analysis, level: &str, own_id: &str) -> Vec<Completion> {
    // Words read from the source: compared as names are, after NFC.
    let (level, own_id) = (nfc(level), nfc(own_id));
    let (level, own_id) = (&*level, &*own_id);
    let above = chain(analysis).and_then(|c| {
        c.levels
            .iter()
            .find(|l| l.name.name == level)
            .map(|l| l.under.as_ref().map(|u| u.name.as_str()))
    });
    super::all_decls(analysis)
        .filter_map(|d| match d {
            Decl::Goal(g) => Some(g),
            _ => None,
        })
        .filter(|g| g.id.name != own_id && !g.id.name.is_empty())
        .filter(|g| match above {
            Some(Some(above)) => g.level.name == above,
            Some(None) => false,
            None => true,
        })
        .map(|g| Completion {
            label: g.id.name.clone(),
            kind: CompletionKind::Goal,
            detail: Some(g.numbered_title()),
        })
        .collect()
}
