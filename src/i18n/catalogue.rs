//! Loading the Fluent files once per language and formatting a [`Text`] with them.

use super::{Arg, Lang, Text};
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::sync::OnceLock;

/// One area of the catalogue: the same file in each language.
pub struct Resource {
    pub name: &'static str,
    pub sv: &'static str,
    pub da: &'static str,
    pub en: &'static str,
}

macro_rules! resources {
    ($($name:literal),* $(,)?) => {
        &[$(Resource {
            name: $name,
            sv: include_str!(concat!("../../locales/sv/", $name, ".ftl")),
            da: include_str!(concat!("../../locales/da/", $name, ".ftl")),
            en: include_str!(concat!("../../locales/en/", $name, ".ftl")),
        }),*]
    };
}

/// Every file of the catalogue (`locales/<lang>/<name>.ftl`).
const RESOURCES: &[Resource] = resources![
    "common", "checks", "syntax", "names", "data", "testing", "ide", "complete", "cli", "keywords",
];

pub fn resources() -> &'static [Resource] {
    RESOURCES
}

impl Resource {
    pub fn text(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Sv => self.sv,
            Lang::Da => self.da,
            Lang::En => self.en,
        }
    }
}

type Bundle = FluentBundle<FluentResource>;

fn bundle(lang: Lang) -> &'static Bundle {
    static BUNDLES: [OnceLock<Bundle>; 3] = [OnceLock::new(), OnceLock::new(), OnceLock::new()];
    let slot = match lang {
        Lang::Sv => &BUNDLES[0],
        Lang::Da => &BUNDLES[1],
        Lang::En => &BUNDLES[2],
    };
    slot.get_or_init(|| {
        let id = lang.code().parse().unwrap_or_default();
        let mut bundle = Bundle::new_concurrent(vec![id]);
        // Unicode isolation marks would end up in terminals, JSON and SARIF as invisible bytes.
        bundle.set_use_isolating(false);
        for resource in RESOURCES {
            // A file that does not parse is a test failure (catalogue tests); what did parse
            // is still used.
            let parsed = match FluentResource::try_new(resource.text(lang).to_string()) {
                Ok(parsed) => parsed,
                Err((parsed, _)) => parsed,
            };
            let _ = bundle.add_resource(parsed);
        }
        bundle
    })
}

/// The IDs (with `.attribute`s) of every message of `lang`, for the catalogue tests.
pub fn message_ids(lang: Lang) -> Vec<String> {
    let mut ids = Vec::new();
    for resource in RESOURCES {
        let parsed = match FluentResource::try_new(resource.text(lang).to_string()) {
            Ok(parsed) => parsed,
            Err((parsed, _)) => parsed,
        };
        for entry in parsed.entries() {
            if let fluent_syntax::ast::Entry::Message(message) = entry {
                if message.value.is_some() {
                    ids.push(message.id.name.to_string());
                }
                for attribute in &message.attributes {
                    ids.push(format!("{}.{}", message.id.name, attribute.id.name));
                }
            }
        }
    }
    ids
}

pub fn format(lang: Lang, text: &Text) -> String {
    let found = find(lang, text).or_else(|| find(Lang::En, text));
    found.unwrap_or_else(|| text.id.to_string())
}

fn find(lang: Lang, text: &Text) -> Option<String> {
    let bundle = bundle(lang);
    let (id, attribute) = match text.id.split_once('.') {
        Some((id, attribute)) => (id, Some(attribute)),
        None => (text.id, None),
    };
    let message = bundle.get_message(id)?;
    let pattern = match attribute {
        Some(attribute) => message.get_attribute(attribute)?.value(),
        None => message.value()?,
    };
    let mut args = FluentArgs::new();
    for (name, arg) in &text.args {
        args.set(*name, value(lang, arg));
    }
    let mut errors = Vec::new();
    let formatted = bundle.format_pattern(pattern, Some(&args), &mut errors);
    Some(formatted.into_owned())
}

fn value(lang: Lang, arg: &Arg) -> FluentValue<'static> {
    match arg {
        Arg::Str(text) => FluentValue::from(text.clone()),
        Arg::Num(number) => FluentValue::from(lang.num(*number)),
        // A number value, so that `[one]`/`[other]` select; written without grouping.
        Arg::Int(count) => FluentValue::from(*count),
        Arg::Text(text) => FluentValue::from(text.render(lang)),
        Arg::OrList(names) => FluentValue::from(join(lang, names, "list-or")),
        Arg::AndList(names) => FluentValue::from(join(lang, names, "list-and")),
    }
}

/// "`a`, `b` or `c`" with the language's word for `or`/`and` (`common.ftl`).
fn join(lang: Lang, names: &[String], word: &'static str) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    match quoted.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => {
            let word = format(lang, &Text::new(word, Vec::new()));
            format!("{} {word} {last}", init.join(", "))
        }
    }
}
