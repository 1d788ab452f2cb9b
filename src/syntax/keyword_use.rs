//! Where a file writes its keywords, and in which language: the keyword tokens of pest's parse
//! (every `k_…` rule, with the statement it belongs to), the file's keyword language (P0112 when
//! it mixes languages) and the translation of a file into one language (`pejl fmt --keywords`,
//! the fix of P0112). Comments, strings, IDs and numbers are never touched: only the keyword
//! tokens pest found are replaced.

use super::keywords::{row_of_rule, Keyword, LANGS};
use super::parse::{parse_declaration, recovery_point, skip_trivia, Rule};
use super::text::{scan, Lexeme};
use crate::diagnostic::{Code, Diagnostic};
use crate::i18n::Lang;
use crate::span::{FileId, Span};
use pest::iterators::Pair;

/// One keyword as the file writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeywordUse {
    pub start: usize,
    pub end: usize,
    pub keyword: &'static Keyword,
    /// The grammar rule of the statement it is part of (`target_stmt`), when a spelling depends on it.
    pub statement: Option<&'static str>,
}

impl KeywordUse {
    /// Its spelling in `lang` where it stands.
    pub fn spelling(&self, lang: Lang) -> &'static str {
        self.keyword.spelling_in(lang, self.statement)
    }

    fn languages(&self, word: &str) -> u8 {
        LANGS
            .iter()
            .enumerate()
            .filter(|(_, &lang)| self.keyword.is_spelt_in(word, lang))
            .fold(0, |set, (i, _)| set | 1 << i)
    }
}

/// Every keyword of the declarations that parse, in order. A declaration pest cannot parse
/// keeps its words (the parser reports it).
pub fn keyword_uses(text: &str) -> Vec<KeywordUse> {
    let deep: Vec<(usize, usize)> = scan(text)
        .into_iter()
        .filter(|l| l.0 == Lexeme::TooDeep)
        .map(|(_, s, e)| (s, e))
        .collect();
    let mut out = Vec::new();
    let mut pos = if text.starts_with('\u{feff}') { 3 } else { 0 };
    loop {
        pos = skip_trivia(text, pos);
        if pos >= text.len() {
            break;
        }
        // pest never reads into a place nested too deeply (as in the parser's driver).
        let limit = deep
            .iter()
            .find(|&&(_, end)| end > pos)
            .map_or(text.len(), |&(start, _)| start.max(pos));
        let parsed = (limit > pos).then(|| parse_declaration(text, pos, limit));
        match parsed {
            Some(Ok(mut pairs)) => {
                let Some(pair) = pairs.next() else { break };
                let end = pos + pair.as_span().end();
                collect(pair, pos, None, &mut out);
                pos = end.max(pos + 1);
            }
            _ => {
                let shallow = deep
                    .iter()
                    .find(|&&(start, end)| start <= pos.max(limit) && end > pos)
                    .map_or(pos, |&(_, end)| end);
                pos = recovery_point(text, shallow.max(pos));
            }
        }
    }
    out
}

fn collect(pair: Pair<'_, Rule>, base: usize, parent: Option<Rule>, out: &mut Vec<KeywordUse>) {
    let rule = pair.as_rule();
    let name = format!("{rule:?}");
    if name.starts_with("k_") {
        if let Some(keyword) = row_of_rule(&name) {
            let span = pair.as_span();
            let statement = parent.map(|p| format!("{p:?}")).and_then(|p| {
                super::keywords::IN_PLACE
                    .iter()
                    .find(|ip| ip.en == keyword.en && ip.statement == p)
                    .map(|ip| ip.statement)
            });
            out.push(KeywordUse {
                start: base + span.start(),
                end: base + span.end(),
                keyword,
                statement,
            });
        }
        return;
    }
    for inner in pair.into_inner() {
        collect(inner, base, Some(rule), out);
    }
}

/// The language of a file's keywords: the language of its first keywords (while they could be
/// more than one, `declared`, the policy's `language`, if it is one of them; else English, then
/// Swedish). `None` when the file has no keywords.
pub fn file_language(text: &str, uses: &[KeywordUse], declared: Option<Lang>) -> Option<Lang> {
    uses.first()?;
    let langs = uses
        .iter()
        .map(|u| u.languages(text.get(u.start..u.end).unwrap_or_default()));
    super::keywords::shared_language(langs, declared)
}

/// Whether any word of `text` outside strings and comments is a keyword spelling that is not
/// English: without one, every keyword of the file is English (no parse needed to know).
fn may_have_other_keywords(text: &str) -> bool {
    crate::ide::lex(text, 0, text.len())
        .into_iter()
        .filter(|t| t.0 == crate::ide::Tok::Word)
        .filter_map(|(_, s, e)| text.get(s..e))
        .any(|w| super::keywords::is_keyword(w) && !super::keywords::KEYWORDS.contains(&w))
}

/// `text` with every keyword written in `lang` (and nothing else changed).
pub fn translate(text: &str, lang: Lang) -> String {
    let uses = keyword_uses(text);
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for u in &uses {
        out.push_str(text.get(at..u.start).unwrap_or_default());
        out.push_str(u.spelling(lang));
        at = u.end;
    }
    out.push_str(text.get(at..).unwrap_or_default());
    out
}

/// The English name of a keyword language, for the catalogue's selectors (`sv`, `da`, `en`).
fn code(lang: Lang) -> &'static str {
    lang.code()
}

/// P0112: a file whose keywords are of more than one language. One warning per file, at its
/// first keyword of another language, whose fix rewrites every such keyword into the file's.
pub fn check(file: FileId, text: &str, declared: Option<Lang>) -> Option<Diagnostic> {
    if !may_have_other_keywords(text) {
        return None;
    }
    let uses = keyword_uses(text);
    let lang = file_language(text, &uses, declared)?;
    let mut wrong = uses.iter().filter(|u| {
        let word = text.get(u.start..u.end).unwrap_or_default();
        !u.keyword.is_spelt_in(word, lang)
    });
    let first = wrong.next()?;
    let word = text.get(first.start..first.end).unwrap_or_default();
    let word_lang = LANGS
        .iter()
        .copied()
        .find(|&l| first.keyword.is_spelt_in(word, l))
        .unwrap_or(Lang::En);
    let rest: Vec<&KeywordUse> = wrong.collect();
    let mut diag = Diagnostic::new(
        Code::P0112,
        Span::new(file, first.start, first.end),
        crate::text!(
            "keywords-mixed",
            word = word,
            word_lang = code(word_lang),
            lang = code(lang)
        ),
    )
    .primary(crate::text!(
        "keywords-mixed.label",
        word_lang = code(word_lang),
        keyword = first.spelling(lang)
    ))
    .help(crate::text!(
        "keywords-mixed.help",
        lang = code(lang),
        count = rest.len() + 1
    ))
    .fix(
        crate::text!("keywords-mixed.fix", lang = code(lang)),
        first.spelling(lang),
    );
    for u in rest {
        diag = diag.fix_also(Span::new(file, u.start, u.end), u.spelling(lang));
    }
    Some(diag)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SWEDISH: &str = "indikator nki \"NKI\" { källa kolada \"U07451\"  enhet index  högre är bättre }\n\
        operational x \"X\" {\n  under y\n  ansvarig KS\n  mäts nki\n  utgångsvärde 68 år 2022\n  målvärde 75 senast 2026\n}\n";

    #[test]
    fn a_swedish_file_translates_to_english_and_back() {
        let english = translate(SWEDISH, Lang::En);
        assert!(english.contains("owner KS"), "{english}");
        assert!(english.contains("baseline 68 in 2022"), "{english}");
        assert!(english.contains("target 75 by 2026"), "{english}");
        assert!(english.contains("source kolada \"U07451\""), "{english}");
        assert_eq!(translate(&english, Lang::Sv), SWEDISH);
        let danish = translate(&english, Lang::Da);
        assert!(danish.contains("målværdi 75 senest 2026"), "{danish}");
        assert!(danish.contains("udgangspunkt 68 i 2022"), "{danish}");
        assert_eq!(translate(&danish, Lang::En), english);
    }

    #[test]
    fn the_first_keywords_decide_the_language() {
        let uses = keyword_uses(SWEDISH);
        assert_eq!(file_language(SWEDISH, &uses, None), Some(Lang::Sv));
        assert!(check(FileId(0), SWEDISH, None).is_none());
        let english = translate(SWEDISH, Lang::En);
        assert!(check(FileId(0), &english, Some(Lang::Sv)).is_none());
        // `policy` is English and Swedish: the declared language decides.
        let policy = "policy p \"P\"\n";
        let uses = keyword_uses(policy);
        assert_eq!(file_language(policy, &uses, Some(Lang::Sv)), Some(Lang::Sv));
        assert_eq!(file_language(policy, &uses, None), Some(Lang::En));
    }

    #[test]
    fn mixing_is_reported_once_with_a_fix_for_every_keyword() {
        let mixed = SWEDISH
            .replace("ansvarig KS", "owner KS")
            .replace("mäts nki", "measure nki");
        let Some(diag) = check(FileId(0), &mixed, None) else {
            panic!("no P0112")
        };
        assert_eq!(diag.code, Code::P0112);
        assert_eq!(&mixed[diag.span.start..diag.span.end], "owner");
        let Some(fix) = &diag.fix else {
            panic!("no fix")
        };
        assert_eq!(fix.replacement, "ansvarig");
        assert_eq!(fix.also.len(), 1);
        assert_eq!(fix.also[0].1, "mäts");
    }
}
