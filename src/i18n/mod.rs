//! The one message catalogue: every text pejl says to people, in Swedish, Danish and English.
//!
//! The texts live in Project Fluent files, `locales/{sv,da,en}/*.ftl` (the single source; a test
//! checks that every message has all three languages with the same arguments). The library builds
//! language-neutral [`Text`]s (a message ID and its arguments); a front end renders them in the
//! language it was asked for, so one analysis serves a Danish reviewer and an English tool alike.

mod catalogue;

pub use crate::eval::Lang;
pub use catalogue::{message_ids, resources, Resource};

use std::fmt;

/// A text of the catalogue with its arguments, rendered when the language is known.
#[derive(Debug, Clone, PartialEq)]
pub struct Text {
    /// `message-id` or `message-id.attribute`.
    id: &'static str,
    args: Vec<(&'static str, Arg)>,
}

/// An argument of a [`Text`]: rendered as the language writes it.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    /// A name, an ID or words from the policy: written as it is.
    Str(String),
    /// A measured number: `84,5` in Swedish and Danish, `84.5` in English.
    Num(f64),
    /// A count or a year: selects plural forms; written without grouping (`2026`).
    Int(i64),
    /// Another text of the catalogue (a reason, a kind of thing), in the same language.
    Text(Box<Text>),
    /// Names in backticks joined as the language joins alternatives: "`a`, `b` eller `c`".
    OrList(Vec<String>),
    /// Names in backticks joined with "and" in the language.
    AndList(Vec<String>),
}

impl Text {
    pub fn new(id: &'static str, args: Vec<(&'static str, Arg)>) -> Text {
        Text { id, args }
    }

    /// Words that are the same in every language (a name, an excerpt of the policy).
    pub fn verbatim(text: String) -> Text {
        Text::new("verbatim", vec![("text", Arg::Str(text))])
    }

    pub fn id(&self) -> &'static str {
        self.id
    }

    pub fn args(&self) -> &[(&'static str, Arg)] {
        &self.args
    }

    /// The text in `lang` (a message missing there falls back to English, then to its ID;
    /// the catalogue test keeps that from happening).
    pub fn render(&self, lang: Lang) -> String {
        catalogue::format(lang, self)
    }

    /// This text followed by another, as one ("did you mean `x`? then …").
    pub fn then(self, next: Text) -> Text {
        Text::new(
            "joined",
            vec![("first", Arg::from(self)), ("second", Arg::from(next))],
        )
    }

    /// A total order for sorting diagnostics deterministically (IDs, then arguments).
    pub fn total_cmp(&self, other: &Text) -> std::cmp::Ordering {
        self.id
            .cmp(other.id)
            .then_with(|| format!("{:?}", self.args).cmp(&format!("{:?}", other.args)))
    }

    /// The English text (what tests and logs compare).
    pub fn en(&self) -> String {
        self.render(Lang::En)
    }
}

/// Tests compare a text with its English words.
impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        self.en() == *other
    }
}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        self.en() == other
    }
}

/// English, for logs and tests; people get [`Text::render`] in their language.
impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.en())
    }
}

/// A text that is not in the catalogue (yet): shown as written, whatever the language.
impl From<String> for Text {
    fn from(value: String) -> Text {
        Text::verbatim(value)
    }
}

impl From<&str> for Text {
    fn from(value: &str) -> Text {
        Text::verbatim(value.to_string())
    }
}

impl From<String> for Arg {
    fn from(value: String) -> Arg {
        Arg::Str(value)
    }
}

impl From<&String> for Arg {
    fn from(value: &String) -> Arg {
        Arg::Str(value.clone())
    }
}

impl From<&str> for Arg {
    fn from(value: &str) -> Arg {
        Arg::Str(value.to_string())
    }
}

impl From<f64> for Arg {
    fn from(value: f64) -> Arg {
        Arg::Num(value)
    }
}

macro_rules! int_args {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(value: $t) -> Arg {
                Arg::Int(i64::try_from(value).unwrap_or(i64::MAX))
            }
        }
    )*};
}
int_args!(i32, i64, u32, u16, u64, usize);

impl From<Text> for Arg {
    fn from(value: Text) -> Arg {
        Arg::Text(Box::new(value))
    }
}

/// `text!("message-id", name = value, …)`: a [`Text`] of the catalogue.
#[macro_export]
macro_rules! text {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::i18n::Text::new(
            $id,
            vec![$((stringify!($name), $crate::i18n::Arg::from($value))),*],
        )
    };
}

/// The language a locale name stands for: `sv`, `sv-SE`, `sv_FI.UTF-8`, `da_DK`, `en-GB` and
/// the Norwegian Bokmål `nb` (closest to Danish in writing) are understood; `C` and `POSIX` are not.
pub fn lang_of_locale(locale: &str) -> Option<Lang> {
    let primary = locale
        .split(['-', '_', '.', '@'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    match primary.as_str() {
        "sv" => Some(Lang::Sv),
        "da" | "nb" | "no" => Some(Lang::Da),
        "en" => Some(Lang::En),
        _ => None,
    }
}

/// The language asked for by the environment: `PEJL_LANG`, else the first of `LC_ALL`,
/// `LC_MESSAGES` and `LANG` that is set.
pub fn lang_from_env() -> Option<Lang> {
    let set = |name: &str| std::env::var(name).ok().filter(|value| !value.is_empty());
    if let Some(lang) = set("PEJL_LANG").and_then(|value| lang_of_locale(&value)) {
        return Some(lang);
    }
    // POSIX: the first of these that is set decides, even when it is `C`.
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .find_map(|name| set(name))
        .and_then(|value| lang_of_locale(&value))
}

#[cfg(test)]
mod tests;
