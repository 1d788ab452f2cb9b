//! The one keyword table: every keyword of the grammar (`k_…` in `grammar/pejl.pest`), in the
//! grammar's order, so the first twelve are those that start a declaration. The parser's messages,
//! completion, semantic tokens and rename all read it; a test checks it against the grammar.

pub const KEYWORDS: &[&str] = &[
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
    "activity",
    "level",
    "adopted",
    "by",
    "ref",
    "period",
    "language",
    "default",
    "parent",
    "kind",
    "under",
    "exactly",
    "one",
    "at",
    "least",
    "measured",
    "assessed",
    "not",
    "assessable",
    "source",
    "unit",
    "currency",
    "higher",
    "lower",
    "is",
    "better",
    "worse",
    "than",
    "benchmark",
    "kolada",
    "weighted",
    "unweighted",
    "points",
    "frequency",
    "uses",
    "due",
    "to",
    "when",
    "otherwise",
    "requires",
    "motivation",
    "and",
    "or",
    "meets",
    "within",
    "of",
    "missing",
    "target",
    "baseline",
    "all",
    "any",
    "no",
    "share",
    "count",
    "owner",
    "measure",
    "indicators",
    "in",
    "milestone",
    "follow-up",
    "values",
    "target-group",
    "text",
    "number",
    "version",
    "revised",
    "status",
    "percent",
    "change",
    "per",
    "min",
    "max",
    "covers",
    "next",
    "year",
    "followed",
    "up",
    "country",
    "expect",
    "start",
    "deadline",
    "budget",
];

/// `policy`, `include`, `body`, `chain`, `scale`, `indicator`, `value`, `report`, `rule`, `rollup`,
/// `test`, `activity`.
pub const DECLARATION_KEYWORDS: &[&str] = KEYWORDS.split_at(12).0;

pub fn is_keyword(word: &str) -> bool {
    KEYWORDS.contains(&word)
}

/// The keyword a grammar rule `k_…` stands for (`k_follow_up` → `follow-up`).
pub fn of_rule(rule_name: &str) -> Option<&'static str> {
    let word = rule_name.strip_prefix("k_")?;
    KEYWORDS
        .iter()
        .copied()
        .find(|k| k.len() == word.len() && k.replace('-', "_") == word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_the_grammars_keywords_in_order() {
        let grammar = include_str!("../../grammar/pejl.pest");
        let in_grammar: Vec<&str> = grammar
            .lines()
            .filter(|l| l.starts_with("k_"))
            .filter_map(|l| l.split('"').nth(1))
            .collect();
        assert_eq!(in_grammar, KEYWORDS);
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
}
