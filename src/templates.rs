//! `pejl new`: a new policy started from one of the example policies, which are known to
//! check clean. The template's policy ID becomes the new policy's name.

use crate::i18n::{Arg, Lang, Text};
use crate::ide::{is_keyword, is_valid_id};
use crate::text;

/// The templates `pejl new --template` offers: name, what it shows, text.
pub const TEMPLATES: &[(&str, &str, &str)] = &[
    (
        "dorotea",
        "Swedish: vision, goal areas, strategic and operational goals, Kolada indicators, traffic lights",
        include_str!("../examples/dorotea.pejl"),
    ),
    (
        "dragor",
        "Danish: core tasks with result and effect goals and a core value",
        include_str!("../examples/dragor.pejl"),
    ),
    (
        "hedensted",
        "Danish: four core tasks",
        include_str!("../examples/hedensted.pejl"),
    ),
    (
        "kobenhavn",
        "Danish: cross-cutting effect goals that several efforts contribute to",
        include_str!("../examples/kobenhavn.pejl"),
    ),
];

/// The text of a new policy named `id`, from the template `template`, with its keywords
/// in `keywords` (`None`: the template's own, Swedish for Dorotea, Danish for the others).
pub fn new_policy(template: &str, id: &str, keywords: Option<Lang>) -> Result<String, Text> {
    let Some(&(_, _, text)) = TEMPLATES.iter().find(|t| t.0 == template) else {
        let names: Vec<String> = TEMPLATES.iter().map(|t| t.0.to_string()).collect();
        return Err(text!(
            "template-unknown",
            template = template,
            names = Arg::OrList(names)
        ));
    };
    // Written composed, as `pejl fmt` writes every ID (a name taken from a macOS file name is
    // often decomposed).
    let id = &*crate::syntax::text::nfc(id);
    if !is_valid_id(id) || is_keyword(id) {
        return Err(text!("template-bad-name", name = id));
    }
    let text = match keywords {
        Some(lang) => crate::format::format_keywords(text, Some(lang))
            .map_err(|_| text!("template-broken", template = template))?,
        None => text.to_string(),
    };
    // The template's policy ID, found by the parser, whatever the keywords' language.
    let (file, _) = crate::syntax::parse::parse_file(crate::FileId(0), &text);
    let policy_id = file.decls.iter().find_map(|d| match d {
        crate::syntax::ast::Decl::Policy(p) => Some(p.id.span),
        _ => None,
    });
    let (Some(span), Some(comment_lang)) = (policy_id, keywords.or_else(|| language_of(&text)))
    else {
        return Err(text!("template-broken", template = template));
    };
    let (Some(before), Some(after)) = (text.get(..span.start), text.get(span.end..)) else {
        return Err(text!("template-broken", template = template));
    };
    let mut out = String::with_capacity(text.len() + 200);
    for line in text!("template-started", template = template)
        .render(comment_lang)
        .lines()
    {
        out.push_str("// ");
        out.push_str(line);
        out.push('\n');
    }
    out.push_str(before);
    out.push_str(id);
    out.push_str(after);
    Ok(out)
}

/// The language of a template's keywords.
fn language_of(text: &str) -> Option<Lang> {
    let uses = crate::syntax::keyword_use::keyword_uses(text);
    crate::syntax::keyword_use::file_language(text, &uses, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_template_checks_clean_under_a_new_name_in_every_keyword_language() {
        for &(name, _, _) in TEMPLATES {
            for keywords in [None, Some(Lang::Sv), Some(Lang::Da), Some(Lang::En)] {
                let text = new_policy(name, "ystad", keywords).unwrap();
                let policy = match keywords.or_else(|| language_of(&text)) {
                    Some(Lang::Da) => "politik",
                    _ => "policy",
                };
                assert!(
                    text.contains(&format!("\n{policy} ystad \"")),
                    "{name} {keywords:?}"
                );
                let analysis = crate::analyze_text(std::path::Path::new("ystad.pejl"), &text);
                assert!(
                    analysis.diagnostics.is_empty(),
                    "{name} {keywords:?}: {:?}",
                    analysis.diagnostics
                );
            }
        }
    }

    #[test]
    fn the_note_on_top_is_in_the_keywords_language() {
        let sv = new_policy("dorotea", "ystad", None).unwrap();
        assert!(sv.starts_with("// Påbörjad med `pejl new`"), "{sv}");
        let en = new_policy("dorotea", "ystad", Some(Lang::En)).unwrap();
        assert!(en.starts_with("// Started with `pejl new`"), "{en}");
        assert!(en.contains("\n  owner KS\n"), "{en}");
    }

    #[test]
    fn bad_names_and_templates_are_refused() {
        assert!(new_policy("dorotea", "9kommun", None).is_err());
        assert!(new_policy("dorotea", "policy", None).is_err());
        assert!(new_policy("dorotea", "ansvarig", None).is_err());
        assert!(new_policy("dorotea", "två ord", None).is_err());
        assert!(new_policy("dorotea", "höör", None).is_ok());
        // A name typed decomposed (`o` + U+0308) is written composed.
        let text = new_policy("dorotea", "ho\u{308}o\u{308}r", None).unwrap();
        assert!(text.contains("\npolicy höör \""));
        let err = new_policy("malmo", "x", None).unwrap_err();
        assert_eq!(
            err.render(Lang::En),
            "there is no template `malmo`: choose `dorotea`, `dragor`, `hedensted` or `kobenhavn`"
        );
        assert_eq!(
            err.render(Lang::Sv),
            "det finns ingen mall `malmo`: välj `dorotea`, `dragor`, `hedensted` eller `kobenhavn`"
        );
    }
}
