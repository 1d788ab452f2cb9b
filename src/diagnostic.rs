//! The one diagnostic type of pejl: every check produces these; the CLI renders them
//! with miette for people or serialises them for tools, and the language server maps them.

use crate::i18n::{Arg, Text};
use crate::span::Span;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Hint,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Hint => "hint",
        }
    }
}

macro_rules! codes {
    ($($name:ident = $code:literal, $sev:ident, $summary:literal;)*) => {
        /// A stable diagnostic code. The meaning of a code never changes.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code { $($name,)* }

        impl Code {
            pub const ALL: &'static [Code] = &[$(Code::$name,)*];

            pub fn as_str(self) -> &'static str {
                match self { $(Code::$name => $code,)* }
            }

            pub fn severity(self) -> Severity {
                match self { $(Code::$name => Severity::$sev,)* }
            }

            pub fn summary(self) -> &'static str {
                match self { $(Code::$name => $summary,)* }
            }
        }
    };
}

codes! {
    P0001 = "P0001", Error, "syntax error";
    P0002 = "P0002", Error, "unterminated string or text block";
    P0003 = "P0003", Error, "decimal comma in a number";
    P0004 = "P0004", Error, "file cannot be read or is not valid UTF-8";
    P0005 = "P0005", Error, "number written with thousands separators";
    P0101 = "P0101", Error, "unknown reference";
    P0102 = "P0102", Error, "duplicate ID";
    P0103 = "P0103", Error, "reference to the wrong kind of thing";
    P0104 = "P0104", Error, "goal at a level the chain does not have";
    P0105 = "P0105", Error, "include not found, include cycle, or include outside the policy folder";
    P0106 = "P0106", Error, "more than one policy, chain or scale declaration";
    P0107 = "P0107", Error, "statement given twice";
    P0108 = "P0108", Error, "indicator without direction";
    P0109 = "P0109", Warning, "name repeated in a list";
    P0110 = "P0110", Warning, "no policy declaration";
    P0111 = "P0111", Warning, "two goals with the same number";
    P0112 = "P0112", Warning, "keywords of more than one language";
    P0201 = "P0201", Error, "`under` points to a goal of the wrong level";
    P0202 = "P0202", Error, "parent cardinality broken";
    P0203 = "P0203", Error, "cycle in the goal chain";
    P0204 = "P0204", Error, "goal below the top level without `under`";
    P0205 = "P0205", Warning, "assessed goal without children";
    P0206 = "P0206", Warning, "level without goals";
    P0207 = "P0207", Error, "broken chain levels";
    P0208 = "P0208", Error, "goal both measured and assessed by a rollup";
    P0301 = "P0301", Error, "band can never match";
    P0302 = "P0302", Error, "rule leaves values without a status";
    P0303 = "P0303", Error, "band condition can never hold";
    P0304 = "P0304", Warning, "threshold contradicts the indicator's direction";
    P0305 = "P0305", Error, "status not in the scale";
    P0306 = "P0306", Error, "rule refers to a target, baseline or benchmark the goal does not have";
    P0307 = "P0307", Warning, "rule has no band for missing data";
    P0308 = "P0308", Error, "rollup leaves child statuses without a status";
    P0309 = "P0309", Error, "rollup band can never match";
    P0310 = "P0310", Warning, "a better value gets a worse status";
    P0311 = "P0311", Warning, "rule or rollup too large to check completely";
    P0401 = "P0401", Error, "measured goal lacks measure, target or rule";
    P0402 = "P0402", Warning, "target without a deadline";
    P0403 = "P0403", Warning, "deadline or milestone outside the policy period";
    P0404 = "P0404", Warning, "target no better than the baseline";
    P0405 = "P0405", Hint, "implausible yearly improvement";
    P0406 = "P0406", Warning, "goal without owner";
    P0407 = "P0407", Hint, "vague wording in a measured goal";
    P0408 = "P0408", Warning, "unmeasured goal with a target";
    P0501 = "P0501", Error, "value does not fit the unit";
    P0502 = "P0502", Error, "invalid date, year or month-day";
    P0503 = "P0503", Error, "years out of order";
    P0504 = "P0504", Error, "relative target without a baseline";
    P0505 = "P0505", Hint, "percentage written as a fraction";
    P0601 = "P0601", Error, "unknown report or report recipient";
    P0602 = "P0602", Warning, "measured goal followed up in no report";
    P0603 = "P0603", Error, "report without `uses`, `due` or `to`";
    P0604 = "P0604", Error, "goal to be followed up where none of its children is";
    P0605 = "P0605", Warning, "interim report covers less than half or more than two thirds of the year";
    P0606 = "P0606", Warning, "interim report due more than two months after its period";
    P0610 = "P0610", Warning, "activity date outside the policy period";
    P0611 = "P0611", Error, "activity starts after its deadline";
    P0612 = "P0612", Warning, "activity without owner";
    P0613 = "P0613", Warning, "activity without deadline";
    P0614 = "P0614", Error, "activity without a goal";
    P0615 = "P0615", Error, "budget that is not a whole, positive amount";
    P0701 = "P0701", Error, "data file cannot be read or has the wrong shape";
    P0702 = "P0702", Error, "malformed data row";
    P0703 = "P0703", Error, "unknown indicator in the data";
    P0704 = "P0704", Error, "data value is not a number";
    P0705 = "P0705", Error, "duplicate value in the data";
    P0706 = "P0706", Error, "data value does not fit the indicator's unit";
    P0707 = "P0707", Error, "status requires a motivation the data does not give";
    P0708 = "P0708", Warning, "data rows not used";
    P0709 = "P0709", Warning, "benchmark group defined for another year";
    P0710 = "P0710", Error, "activity progress without a date";
    P0711 = "P0711", Error, "unknown activity in the data";
    P0801 = "P0801", Error, "test expectation not met";
    P0802 = "P0802", Warning, "test without expectations";
    P0803 = "P0803", Error, "test without a year or a report";
    P0804 = "P0804", Error, "test year outside the policy period";
    P0805 = "P0805", Warning, "test input that no status reads";
}

impl Code {
    pub fn parse(text: &str) -> Option<Code> {
        let wanted = text.trim().to_ascii_uppercase();
        Code::ALL.iter().copied().find(|c| c.as_str() == wanted)
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    pub span: Span,
    pub message: Text,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    pub code: Code,
    pub severity: Severity,
    /// What is wrong, in the catalogue's words (rendered in the reader's language).
    pub message: Text,
    pub span: Span,
    /// The primary span's label (none when the message says it all).
    pub primary_label: Option<Text>,
    pub labels: Vec<Label>,
    pub help: Option<Text>,
    /// A replacement for the primary span that fixes the problem (for *did you mean* and editors).
    pub fix: Option<Fix>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Fix {
    pub title: Text,
    pub replacement: String,
    /// Replacements elsewhere that belong to the same fix (every number of a goal written as a
    /// fraction, not only the one the diagnostic points at), applied with it as one edit.
    pub also: Vec<(Span, String)>,
}

impl Diagnostic {
    pub fn new(code: Code, span: Span, message: impl Into<Text>) -> Self {
        Diagnostic {
            code,
            severity: code.severity(),
            message: message.into(),
            span,
            primary_label: None,
            labels: Vec::new(),
            help: None,
            fix: None,
        }
    }

    pub fn primary(mut self, label: impl Into<Text>) -> Self {
        self.primary_label = Some(label.into());
        self
    }

    pub fn label(mut self, span: Span, message: impl Into<Text>) -> Self {
        self.labels.push(Label {
            span,
            message: message.into(),
        });
        self
    }

    pub fn help(mut self, help: impl Into<Text>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn fix(mut self, title: impl Into<Text>, replacement: impl Into<String>) -> Self {
        self.fix = Some(Fix {
            title: title.into(),
            replacement: replacement.into(),
            also: Vec::new(),
        });
        self
    }

    /// The help in English (for tests and logs).
    pub fn help_en(&self) -> Option<String> {
        self.help.as_ref().map(Text::en)
    }

    /// A further replacement made by the fix (set with [`Diagnostic::fix`] first).
    pub fn fix_also(mut self, span: Span, replacement: impl Into<String>) -> Self {
        if let Some(fix) = &mut self.fix {
            fix.also.push((span, replacement.into()));
        }
        self
    }
}

/// The closest names to `wanted` among `candidates`, best first, for *did you mean*.
pub fn suggestions<'a>(wanted: &str, candidates: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let wanted_lower = wanted.to_lowercase();
    let mut scored: Vec<(f64, &str)> = candidates
        .into_iter()
        .filter(|c| *c != wanted)
        .map(|c| {
            let lower = c.to_lowercase();
            let mut score = strsim::jaro_winkler(&wanted_lower, &lower);
            if lower == wanted_lower {
                score = 1.0;
            } else {
                // Short IDs (KF, KS, BUN) are one keystroke apart; longer ones may be two.
                let distance = strsim::damerau_levenshtein(&wanted_lower, &lower);
                if distance <= 1 || (distance == 2 && wanted.chars().count() > 3) {
                    score = score.max(0.85);
                }
            }
            (score, c)
        })
        .filter(|(score, _)| *score >= 0.8)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
    scored.dedup_by(|a, b| a.1 == b.1);
    scored
        .into_iter()
        .take(3)
        .map(|(_, c)| c.to_string())
        .collect()
}

/// "did you mean `a`?" / "did you mean `a`, `b` or `c`?"
pub fn did_you_mean(names: &[String]) -> Option<Text> {
    if names.is_empty() {
        return None;
    }
    Some(Text::new(
        "did-you-mean",
        vec![("names", Arg::OrList(names.to_vec()))],
    ))
}
