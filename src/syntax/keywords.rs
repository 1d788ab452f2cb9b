//! The one keyword table: every keyword of the grammar (`k_…` in `grammar/pejl.pest`), in the
//! grammar's order, each in English, Swedish and Danish; the first twelve are those that start a
//! declaration. The parser's messages, completion, semantic tokens, rename, the formatter's
//! `--keywords` and the keyword-language check (P0112) all read it; tests check it against the
//! grammar and against the table in `docs/language.md`.
//!
//! The words are those the officers write in the seeds' own policies (Dorotea: *fastställd*,
//! *målkedja*, *målvärde*, *uppföljning*, *motivering*; Dragør and Copenhagen: *opfølgning*,
//! *udgangspunkt*, *kilde*), one word per keyword, so that recovery and the lexer stay simple.

use crate::i18n::Lang;

/// One keyword: its English, Swedish and Danish spelling.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Keyword {
    pub en: &'static str,
    pub sv: &'static str,
    pub da: &'static str,
}

const fn kw(en: &'static str, sv: &'static str, da: &'static str) -> Keyword {
    Keyword { en, sv, da }
}

/// Every keyword, in the grammar's order.
pub const TABLE: &[Keyword] = &[
    kw("policy", "policy", "politik"),
    kw("include", "inkludera", "inkluder"),
    kw("body", "organ", "organ"),
    kw("chain", "målkedja", "målkæde"),
    kw("scale", "statusskala", "statusskala"),
    kw("indicator", "indikator", "indikator"),
    kw("value", "värde", "værdi"),
    kw("report", "rapport", "rapport"),
    kw("rule", "regel", "regel"),
    kw("rollup", "sammanvägning", "sammenvejning"),
    kw("test", "test", "test"),
    kw("activity", "aktivitet", "aktivitet"),
    kw("level", "nivå", "niveau"),
    kw("adopted", "fastställd", "vedtaget"),
    kw("by", "av", "af"),
    kw("ref", "ref", "ref"),
    kw("period", "period", "periode"),
    kw("language", "språk", "sprog"),
    kw("default", "standard", "standard"),
    kw("parent", "överordnad", "overordnet"),
    kw("kind", "typ", "type"),
    kw("under", "under", "under"),
    kw("exactly", "exakt", "præcis"),
    kw("one", "en", "en"),
    kw("at", "som", "som"),
    kw("least", "minst", "mindst"),
    kw("measured", "mätbar", "målbar"),
    kw("assessed", "bedöms", "vurderes"),
    kw("not", "inte", "ikke"),
    kw("assessable", "bedömbar", "vurderbar"),
    kw("source", "källa", "kilde"),
    kw("unit", "enhet", "enhed"),
    kw("currency", "valuta", "valuta"),
    kw("higher", "högre", "højere"),
    kw("lower", "lägre", "lavere"),
    kw("is", "är", "er"),
    kw("better", "bättre", "bedre"),
    kw("worse", "sämre", "dårligere"),
    kw("than", "än", "end"),
    kw("benchmark", "jämförelsevärde", "sammenligningsgrundlag"),
    kw("kolada", "kolada", "kolada"),
    kw("weighted", "viktat", "vægtet"),
    kw("unweighted", "oviktat", "uvægtet"),
    kw("points", "procentenheter", "procentpoint"),
    kw("frequency", "frekvens", "frekvens"),
    kw("uses", "använder", "bruger"),
    kw("due", "lämnas", "afleveres"),
    kw("to", "till", "til"),
    kw("when", "när", "når"),
    kw("otherwise", "annars", "ellers"),
    kw("requires", "kräver", "kræver"),
    kw("motivation", "motivering", "begrundelse"),
    kw("and", "och", "og"),
    kw("or", "eller", "eller"),
    kw("meets", "uppnår", "opfylder"),
    kw("within", "inom", "indenfor"),
    kw("of", "av", "af"),
    kw("missing", "saknas", "mangler"),
    kw("target", "målvärde", "målværdi"),
    kw("baseline", "utgångsvärde", "udgangspunkt"),
    kw("all", "alla", "alle"),
    kw("any", "någon", "nogen"),
    kw("no", "ingen", "ingen"),
    kw("share", "andel", "andel"),
    kw("count", "antal", "antal"),
    kw("owner", "ansvarig", "ansvarlig"),
    kw("measure", "mäts", "måles"),
    kw("indicators", "indikatorer", "indikatorer"),
    kw("in", "i", "i"),
    kw("milestone", "delmål", "delmål"),
    kw("follow-up", "uppföljning", "opfølgning"),
    kw("values", "värden", "værdier"),
    kw("target-group", "målgrupp", "målgruppe"),
    kw("text", "text", "tekst"),
    kw("number", "nummer", "nummer"),
    kw("version", "version", "version"),
    kw("revised", "reviderad", "revideret"),
    kw("status", "status", "status"),
    kw("percent", "procent", "procent"),
    kw("change", "förändring", "ændring"),
    kw("per", "per", "per"),
    kw("min", "min", "min"),
    kw("max", "max", "maks"),
    kw("covers", "avser", "dækker"),
    kw("next", "nästa", "næste"),
    kw("year", "år", "år"),
    kw("followed", "följs", "følges"),
    kw("up", "upp", "op"),
    kw("country", "land", "land"),
    kw("expect", "förvänta", "forvent"),
    kw("start", "start", "start"),
    kw("deadline", "slutdatum", "frist"),
    kw("budget", "budget", "budget"),
];

/// A spelling one statement uses instead of its keyword's own (Swedish writes `målvärde 75 senast
/// 2026` but `fastställd … av KF`, and `utgångsvärde 68 år 2022` but `följs upp i …`): the English
/// keyword, the grammar rule of the statement, its Swedish and its Danish spelling there. The
/// grammar accepts both spellings anywhere the keyword goes; the formatter writes this one here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InPlace {
    pub en: &'static str,
    pub statement: &'static str,
    pub sv: &'static str,
    pub da: &'static str,
}

pub const IN_PLACE: &[InPlace] = &[
    InPlace {
        en: "by",
        statement: "target_stmt",
        sv: "senast",
        da: "senest",
    },
    InPlace {
        en: "in",
        statement: "baseline_stmt",
        sv: "år",
        da: "i",
    },
    InPlace {
        en: "in",
        statement: "milestone_stmt",
        sv: "år",
        da: "i",
    },
];

/// The three keyword languages, in the table's order.
pub const LANGS: [Lang; 3] = [Lang::En, Lang::Sv, Lang::Da];

/// The English keywords, in the grammar's order.
pub const KEYWORDS: [&str; TABLE.len()] = {
    let mut out = [""; TABLE.len()];
    let mut i = 0;
    while i < TABLE.len() {
        out[i] = TABLE[i].en;
        i += 1;
    }
    out
};

/// The number of keywords that start a declaration.
const DECLARATIONS: usize = 12;

/// `policy`, `include`, `body`, `chain`, `scale`, `indicator`, `value`, `report`, `rule`, `rollup`,
/// `test`, `activity`.
pub const DECLARATION_KEYWORDS: &[&str] = KEYWORDS.split_at(DECLARATIONS).0;

/// The keywords that start a declaration, in every language.
pub fn declaration_keywords() -> &'static [Keyword] {
    TABLE.split_at(DECLARATIONS).0
}

impl Keyword {
    /// The keyword's spelling in `lang`.
    pub fn spelling(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::Sv => self.sv,
            Lang::Da => self.da,
        }
    }

    /// Its spelling in `lang` inside the statement `statement` (a grammar rule's name).
    pub fn spelling_in(&self, lang: Lang, statement: Option<&str>) -> &'static str {
        IN_PLACE
            .iter()
            .find(|p| p.en == self.en && Some(p.statement) == statement)
            .map_or(self.spelling(lang), |p| match lang {
                Lang::En => p.en,
                Lang::Sv => p.sv,
                Lang::Da => p.da,
            })
    }

    /// Every spelling the grammar accepts for it (its own three and its in-place ones), once each.
    pub fn spellings(&self) -> Vec<&'static str> {
        let mut out: Vec<&'static str> = Vec::new();
        let in_place = IN_PLACE
            .iter()
            .filter(|p| p.en == self.en)
            .flat_map(|p| [p.sv, p.da]);
        for word in [self.en, self.sv, self.da].into_iter().chain(in_place) {
            if !out.contains(&word) {
                out.push(word);
            }
        }
        out
    }

    /// Whether `word` is its spelling in `lang` (anywhere: also an in-place spelling).
    pub fn is_spelt_in(&self, word: &str, lang: Lang) -> bool {
        self.spelling(lang) == word
            || IN_PLACE.iter().any(|p| {
                p.en == self.en
                    && match lang {
                        Lang::En => p.en == word,
                        Lang::Sv => p.sv == word,
                        Lang::Da => p.da == word,
                    }
            })
    }
}

/// The English spelling of a keyword written in any language (`ansvarig` → `owner`,
/// `senast` → `by`); `None` for a word that is no keyword. A word that is a spelling of
/// more than one keyword gives the first in the table.
pub fn english(word: &str) -> Option<&'static str> {
    TABLE
        .iter()
        .find(|k| k.en == word || k.sv == word || k.da == word)
        .map(|k| k.en)
        .or_else(|| {
            IN_PLACE
                .iter()
                .find(|p| p.sv == word || p.da == word)
                .map(|p| p.en)
        })
}

/// The languages whose keywords `word` is (a set of bits in the order of [`LANGS`]).
pub fn languages_of(word: &str) -> u8 {
    LANGS
        .iter()
        .enumerate()
        .filter(|(_, &lang)| TABLE.iter().any(|k| k.is_spelt_in(word, lang)))
        .fold(0, |set, (i, _)| set | 1 << i)
}

/// English keywords (`higher is better`) written in `lang`, word by word; a word that is no
/// keyword stays as it is.
pub fn phrase_in(english_words: &str, lang: Lang) -> String {
    english_words
        .split(' ')
        .map(|w| {
            TABLE
                .iter()
                .find(|k| k.en == w)
                .map_or(w, |k| k.spelling(lang))
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The language of the keywords among `words` (the first words of a file): the one all of
/// them share as far as they go, `declared` (the policy's `language`) if it is one of those,
/// else English, then Swedish.
pub fn language_of_words<'w>(words: impl Iterator<Item = &'w str>, declared: Option<Lang>) -> Lang {
    let langs = words.map(languages_of).filter(|&l| l != 0).take(64);
    shared_language(langs, declared).unwrap_or(Lang::En)
}

/// The language the keywords share as far as they go (`langs`: each one's set of languages,
/// in order): `declared` if it is one of them, else English, then Swedish.
pub fn shared_language(langs: impl Iterator<Item = u8>, declared: Option<Lang>) -> Option<Lang> {
    let mut candidates = 0b111u8;
    for langs in langs {
        if candidates & langs == 0 {
            break;
        }
        candidates &= langs;
    }
    let of = |lang: Lang| LANGS.iter().position(|&l| l == lang).unwrap_or(0);
    declared
        .filter(|&l| candidates & (1 << of(l)) != 0)
        .or_else(|| {
            LANGS
                .iter()
                .enumerate()
                .find(|(i, _)| candidates & (1 << i) != 0)
                .map(|(_, &l)| l)
        })
}

/// Whether `word` is a keyword in any of the three languages.
pub fn is_keyword(word: &str) -> bool {
    TABLE
        .iter()
        .any(|k| k.en == word || k.sv == word || k.da == word)
        || IN_PLACE.iter().any(|p| p.sv == word || p.da == word)
}

/// The keyword a grammar rule `k_…` stands for (`k_follow_up` → its row, `follow-up`).
pub fn row_of_rule(rule_name: &str) -> Option<&'static Keyword> {
    let word = rule_name.strip_prefix("k_")?;
    TABLE
        .iter()
        .find(|k| k.en.len() == word.len() && k.en.replace('-', "_") == word)
}

/// The English keyword a grammar rule `k_…` stands for (`k_follow_up` → `follow-up`).
pub fn of_rule(rule_name: &str) -> Option<&'static str> {
    row_of_rule(rule_name).map(|k| k.en)
}

/// The table as `docs/language.md` lists it (a test checks that the docs say exactly this).
pub fn docs_table() -> String {
    let mut out = String::from("| English | Swedish | Danish |\n|---|---|---|\n");
    for k in TABLE {
        let mut cells = [k.en, k.sv, k.da].map(|w| format!("`{w}`"));
        for p in IN_PLACE.iter().filter(|p| p.en == k.en) {
            let statement = p.statement.trim_end_matches("_stmt");
            let note = |w: &str| format!(" (`{w}` in `{statement}`)");
            if !cells[1].contains(&note(p.sv)) && p.sv != k.sv {
                cells[1].push_str(&note(p.sv));
            }
            if !cells[2].contains(&note(p.da)) && p.da != k.da {
                cells[2].push_str(&note(p.da));
            }
        }
        out.push_str(&format!("| {} | {} | {} |\n", cells[0], cells[1], cells[2]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The grammar's alternatives of a keyword: its spellings, longest first (pest takes the
    /// first that matches, so a spelling that begins another must come after it).
    fn grammar_alternatives(k: &Keyword) -> Vec<&'static str> {
        let mut words = k.spellings();
        words.sort_by_key(|w| std::cmp::Reverse(w.len()));
        words
    }

    #[test]
    fn the_table_is_the_grammars_keywords_in_order() {
        let grammar = include_str!("../../grammar/pejl.pest");
        let rules: Vec<(&str, Vec<&str>)> = grammar
            .lines()
            .filter(|l| l.starts_with("k_"))
            .filter_map(|l| {
                let (name, rest) = l.split_once(" = ")?;
                let words = rest.split('"').skip(1).step_by(2).collect();
                Some((name, words))
            })
            .collect();
        assert_eq!(rules.len(), TABLE.len());
        for ((name, words), k) in rules.iter().zip(TABLE) {
            assert_eq!(*name, format!("k_{}", k.en.replace('-', "_")));
            assert_eq!(*words, grammar_alternatives(k), "{name}");
            assert_eq!(row_of_rule(name), Some(k));
            for (i, earlier) in words.iter().enumerate() {
                for later in &words[i + 1..] {
                    assert!(
                        !later.starts_with(earlier),
                        "{name}: {earlier} before {later}"
                    );
                }
            }
        }
        assert_eq!(
            DECLARATION_KEYWORDS,
            [
                "policy",
                "include",
                "body",
                "chain",
                "scale",
                "indicator",
                "value",
                "report",
                "rule",
                "rollup",
                "test",
                "activity"
            ]
        );
        assert_eq!(of_rule("k_follow_up"), Some("follow-up"));
        assert_eq!(of_rule("k_target"), Some("target"));
        assert_eq!(of_rule("k_nothing"), None);
    }

    #[test]
    fn every_keyword_has_three_spellings_of_one_word() {
        for k in TABLE {
            for lang in LANGS {
                let w = k.spelling(lang);
                assert!(!w.is_empty() && !w.contains(char::is_whitespace), "{w}");
                assert!(is_keyword(w));
                assert!(k.is_spelt_in(w, lang));
            }
        }
        assert!(is_keyword("ansvarig") && is_keyword("ansvarlig") && is_keyword("owner"));
        assert!(is_keyword("senast") && !is_keyword("nki"));
    }

    #[test]
    fn in_place_spellings_belong_to_keywords_of_their_statements() {
        let grammar = include_str!("../../grammar/pejl.pest");
        for p in IN_PLACE {
            let row = TABLE.iter().find(|k| k.en == p.en);
            assert!(row.is_some(), "{}", p.en);
            let rule = format!("k_{}", p.en);
            let statement = grammar
                .lines()
                .find(|l| l.starts_with(&format!("{} = ", p.statement)));
            assert!(
                statement.is_some_and(|l| l.contains(&rule)),
                "{}",
                p.statement
            );
            if let Some(k) = row {
                assert_eq!(k.spelling_in(Lang::Sv, Some(p.statement)), p.sv);
                assert_eq!(k.spelling_in(Lang::Sv, None), k.sv);
            }
        }
    }

    #[test]
    fn the_docs_list_every_row() {
        let docs = include_str!("../../docs/language.md");
        assert!(
            docs.contains(&docs_table()),
            "docs/language.md must list the keyword table:\n{}",
            docs_table()
        );
    }
}
