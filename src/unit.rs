//! What an indicator's unit means: the values it admits and how a value is written with it.
//! One place for it: the parser builds a [`Unit`] from `unit …`, the checks ask it for the range
//! (P0501, the rule analysis), the data readers for what a measured value may be (P0706), and
//! the reports for the text after a number.

/// The kinds of unit. The built-in words keep their fixed meaning; a quoted unit is the
/// policy's own (`unit "ton CO2e"`) and admits any number unless `min`/`max` narrow it.
#[derive(Debug, Clone, PartialEq)]
pub enum UnitKind {
    /// 0–100.
    Percent,
    /// A change in per cent, of any sign (`-0.4` = 0,4 % lower): GDP growth, a budget change.
    PercentChange,
    Count,
    Index,
    Rank,
    Years,
    Days,
    Ratio,
    Score,
    /// `currency "SEK"`
    Currency(String),
    /// `"ton CO2e"`
    Named(String),
}

/// The words `unit WORD` accepts, besides `currency "…"`, `percent change` and a quoted name.
pub const UNIT_WORDS: &[&str] = &[
    "percent", "count", "index", "rank", "years", "days", "ratio", "score", "currency",
];

/// `per 1000 invånare`: the unit is counted per so many of something.
#[derive(Debug, Clone, PartialEq)]
pub struct Per {
    /// `1000` in `per 1000 invånare`; `None` for `per invånare`.
    pub count: Option<f64>,
    pub of: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    pub kind: UnitKind,
    pub per: Option<Per>,
    /// `min N`: the least value the unit admits (narrows the kind's own range).
    pub min: Option<f64>,
    /// `max N`
    pub max: Option<f64>,
}

impl Unit {
    pub fn new(kind: UnitKind) -> Unit {
        Unit {
            kind,
            per: None,
            min: None,
            max: None,
        }
    }

    /// The built-in unit named `word`, if there is one.
    pub fn from_word(word: &str) -> Option<UnitKind> {
        Some(match word {
            "percent" => UnitKind::Percent,
            "count" => UnitKind::Count,
            "index" => UnitKind::Index,
            "rank" => UnitKind::Rank,
            "years" => UnitKind::Years,
            "days" => UnitKind::Days,
            "ratio" => UnitKind::Ratio,
            "score" => UnitKind::Score,
            // `unit currency` without its code: an amount of money.
            "currency" => UnitKind::Currency(String::new()),
            _ => return None,
        })
    }

    /// The kind as the compiled JSON names it (`percent`, `percent change`, `currency`, `named`, …).
    pub fn kind_word(&self) -> &'static str {
        match &self.kind {
            UnitKind::Percent => "percent",
            UnitKind::PercentChange => "percent change",
            UnitKind::Count => "count",
            UnitKind::Index => "index",
            UnitKind::Rank => "rank",
            UnitKind::Years => "years",
            UnitKind::Days => "days",
            UnitKind::Ratio => "ratio",
            UnitKind::Score => "score",
            UnitKind::Currency(_) => "currency",
            UnitKind::Named(_) => "named",
        }
    }

    /// The reverse of [`Unit::kind_word`] with the name a currency or named unit carries.
    pub fn from_kind_word(word: &str, name: Option<&str>) -> Option<UnitKind> {
        Some(match word {
            "percent change" => UnitKind::PercentChange,
            "currency" => UnitKind::Currency(name.unwrap_or_default().to_string()),
            "named" => UnitKind::Named(name.unwrap_or_default().to_string()),
            other => Unit::from_word(other)?,
        })
    }

    /// The currency code or the policy's own name of the unit.
    pub fn name(&self) -> Option<&str> {
        match &self.kind {
            UnitKind::Currency(n) | UnitKind::Named(n) => Some(n),
            _ => None,
        }
    }

    /// How the policy writes the unit (`percent`, `"ton CO2e" per 1000 invånare`), for messages.
    pub fn written(&self) -> String {
        let mut text = match &self.kind {
            UnitKind::Currency(code) if code.is_empty() => "currency".to_string(),
            UnitKind::Currency(code) => format!("currency \"{code}\""),
            UnitKind::Named(name) => format!("\"{name}\""),
            _ => self.kind_word().to_string(),
        };
        if let Some(per) = &self.per {
            text.push_str(" per ");
            if let Some(n) = per.count {
                text.push_str(&crate::checks::smart::fmt_num(n));
                text.push(' ');
            }
            text.push_str(&per.of);
        }
        text
    }

    /// The values the unit admits: the kind's range narrowed by `min` and `max`.
    pub fn range(&self) -> (Option<f64>, Option<f64>) {
        let (low, high) = match self.kind {
            UnitKind::Percent => (Some(0.0), Some(100.0)),
            UnitKind::Count
            | UnitKind::Years
            | UnitKind::Days
            | UnitKind::Ratio
            | UnitKind::Index
            | UnitKind::Score => (Some(0.0), None),
            UnitKind::Rank => (Some(1.0), None),
            UnitKind::PercentChange | UnitKind::Currency(_) | UnitKind::Named(_) => (None, None),
        };
        let max_of = |a: Option<f64>, b: Option<f64>| match (a, b) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        };
        let min_of = |a: Option<f64>, b: Option<f64>| match (a, b) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        (max_of(low, self.min), min_of(high, self.max))
    }

    /// Only whole numbers (counts and ranks; not per capita, where a count becomes a rate).
    pub fn whole(&self) -> bool {
        self.per.is_none() && matches!(self.kind, UnitKind::Count | UnitKind::Rank)
    }

    /// Why `value` cannot be a value of this unit, in words for the policy's author (the
    /// checks, test inputs and the data readers all ask here).
    pub fn problem(&self, value: f64) -> Option<crate::i18n::Text> {
        use crate::text;
        let (low, high) = self.range();
        if self.whole() && value.fract() != 0.0 {
            return Some(text!("smart-unit-problem.whole"));
        }
        let below = low.is_some_and(|l| value < l);
        let above = high.is_some_and(|h| value > h);
        if !(below || above) {
            return None;
        }
        let bounded = self.min.is_some() || self.max.is_some();
        Some(match (&self.kind, bounded) {
            (UnitKind::Percent, false) => text!("smart-unit-problem.percent"),
            (UnitKind::Rank, false) => text!("smart-unit-problem.rank"),
            (_, false) => text!("smart-unit-problem.negative"),
            (_, true) => match (low, high) {
                (Some(l), Some(h)) => text!("smart-unit-problem.range", low = l, high = h),
                (Some(l), None) => text!("smart-unit-problem.below", low = l),
                (None, Some(h)) => text!("smart-unit-problem.above", high = h),
                (None, None) => return None,
            },
        })
    }

    /// The text written after a number in a report (`%`, `SEK`, `ton CO2e per 1 000 invånare`);
    /// `None` when the number stands alone (counts, indexes, …).
    pub fn suffix(&self, lang: crate::eval::Lang) -> Option<String> {
        let base = match &self.kind {
            UnitKind::Percent | UnitKind::PercentChange => Some("%".to_string()),
            UnitKind::Currency(c) | UnitKind::Named(c) if !c.is_empty() => Some(c.clone()),
            _ => None,
        };
        let per = self.per.as_ref().map(|per| {
            let word = match lang {
                crate::eval::Lang::Da => "pr.",
                _ => "per",
            };
            match per.count {
                Some(n) => format!("{word} {} {}", lang.num(n), per.of),
                None => format!("{word} {}", per.of),
            }
        });
        match (base, per) {
            (Some(b), Some(p)) => Some(format!("{b} {p}")),
            (b, p) => b.or(p),
        }
    }

    /// A value with its sign shown even when positive (`+1,2 %`).
    pub fn signed(&self) -> bool {
        self.kind == UnitKind::PercentChange
    }

    /// A value written with its unit as the report's language writes it: `84,5 %`, `+1,2 %`,
    /// `12,5 ton CO2e`, `4200 kr per 1000 invånare`.
    pub fn format(&self, lang: crate::eval::Lang, value: f64) -> String {
        let mut text = lang.num(value);
        if self.signed() && value > 0.0 {
            text.insert(0, '+');
        }
        match self.suffix(lang) {
            Some(s) if s == "%" && lang == crate::eval::Lang::En => format!("{text}%"),
            Some(s) => format!("{text} {s}"),
            None => text,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::Lang;

    #[test]
    fn ranges_follow_the_kind_and_its_bounds() {
        assert_eq!(
            Unit::new(UnitKind::Percent).range(),
            (Some(0.0), Some(100.0))
        );
        assert_eq!(Unit::new(UnitKind::PercentChange).range(), (None, None));
        let mut tonnes = Unit::new(UnitKind::Named("ton CO2e".into()));
        assert_eq!(tonnes.range(), (None, None));
        tonnes.min = Some(0.0);
        assert_eq!(tonnes.range(), (Some(0.0), None));
        assert!(tonnes.problem(-1.5).is_some());
        assert!(tonnes.problem(1.5).is_none());
        let mut share = Unit::new(UnitKind::Percent);
        share.max = Some(50.0);
        assert_eq!(share.range(), (Some(0.0), Some(50.0)));
        assert_eq!(
            share.problem(60.0).map(|t| t.en()).as_deref(),
            Some("the unit admits 0 to 50")
        );
    }

    #[test]
    fn counts_per_capita_may_be_decimals() {
        let count = Unit::new(UnitKind::Count);
        assert!(count.problem(2.5).is_some());
        let mut rate = Unit::new(UnitKind::Count);
        rate.per = Some(Per {
            count: Some(1000.0),
            of: "invånare".into(),
        });
        assert!(rate.problem(2.5).is_none());
        assert!(rate.problem(-2.5).is_some());
    }

    #[test]
    fn reports_write_the_unit_after_the_number() {
        assert_eq!(
            Unit::new(UnitKind::PercentChange).format(Lang::Sv, 1.2),
            "+1,2 %"
        );
        assert_eq!(
            Unit::new(UnitKind::PercentChange).format(Lang::Da, -0.4),
            "-0,4 %"
        );
        assert_eq!(Unit::new(UnitKind::Percent).format(Lang::En, 84.5), "84.5%");
        let mut kr = Unit::new(UnitKind::Named("kr".into()));
        kr.per = Some(Per {
            count: Some(1000.0),
            of: "invånare".into(),
        });
        assert_eq!(kr.format(Lang::Sv, 4200.0), "4200 kr per 1000 invånare");
        assert_eq!(kr.format(Lang::Da, 4200.0), "4200 kr pr. 1000 invånare");
        assert_eq!(Unit::new(UnitKind::Count).format(Lang::Sv, 12.0), "12");
    }
}
