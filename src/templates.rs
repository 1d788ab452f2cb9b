//! `pejl new`: a new policy started from one of the example policies, which are known to
//! check clean. The template's policy ID becomes the new policy's name.

use crate::ide::{is_keyword, is_valid_id};

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

/// The text of a new policy named `id`, from the template `template`.
pub fn new_policy(template: &str, id: &str) -> Result<String, String> {
    let Some(&(_, _, text)) = TEMPLATES.iter().find(|t| t.0 == template) else {
        let names: Vec<&str> = TEMPLATES.iter().map(|t| t.0).collect();
        return Err(format!(
            "there is no template `{template}`: choose one of {}",
            names.join(", ")
        ));
    };
    // Written composed, as `pejl fmt` writes every ID (a name taken from a macOS file name is
    // often decomposed).
    let id = &*crate::syntax::text::nfc(id);
    if !is_valid_id(id) || is_keyword(id) {
        return Err(format!(
            "`{id}` cannot name a policy: a name starts with a letter or `_` and has only letters, digits, `_` and `-`, and is not a keyword"
        ));
    }
    // The template's `policy ID "title"` line is the first line starting with `policy `.
    let mut out = String::with_capacity(text.len() + 200);
    out.push_str(&format!(
        "// Started with `pejl new` from the {template} template: replace its goals, indicators and\n// numbers with your own, and check with `pejl check`.\n"
    ));
    let mut renamed = false;
    for line in text.split_inclusive('\n') {
        if !renamed {
            if let Some(rest) = line.strip_prefix("policy ") {
                let old_len = rest.find([' ', '"', '{']).unwrap_or(rest.len());
                out.push_str("policy ");
                out.push_str(id);
                out.push_str(&rest[old_len..]);
                renamed = true;
                continue;
            }
        }
        out.push_str(line);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_template_checks_clean_under_a_new_name() {
        for &(name, _, _) in TEMPLATES {
            let text = new_policy(name, "ystad").unwrap();
            assert!(text.contains("\npolicy ystad \""), "{name}");
            let analysis = crate::analyze_text(std::path::Path::new("ystad.pejl"), &text);
            assert!(
                analysis.diagnostics.is_empty(),
                "{name}: {:?}",
                analysis.diagnostics
            );
        }
    }

    #[test]
    fn bad_names_and_templates_are_refused() {
        assert!(new_policy("dorotea", "9kommun").is_err());
        assert!(new_policy("dorotea", "policy").is_err());
        assert!(new_policy("dorotea", "två ord").is_err());
        assert!(new_policy("dorotea", "höör").is_ok());
        // A name typed decomposed (`o` + U+0308) is written composed.
        let text = new_policy("dorotea", "ho\u{308}o\u{308}r").unwrap();
        assert!(text.contains("\npolicy höör \""));
        let err = new_policy("malmo", "x").unwrap_err();
        assert!(
            err.contains("dorotea, dragor, hedensted, kobenhavn"),
            "{err}"
        );
    }
}
