use super::*;
use fluent_syntax::ast;
use std::collections::BTreeSet;

/// The variables a message (or attribute) uses: `$name` anywhere in its pattern.
fn variables(pattern: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_variables(expression, out);
        }
    }
}

fn expression_variables(expression: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            inline_variables(selector, out);
            for variant in variants {
                variables(&variant.value, out);
            }
        }
        ast::Expression::Inline(inline) => inline_variables(inline, out),
    }
}

fn inline_variables(inline: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        ast::InlineExpression::Placeable { expression } => expression_variables(expression, out),
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for argument in &arguments.positional {
                inline_variables(argument, out);
            }
        }
        _ => {}
    }
}

/// Every message and attribute of one language with the variables it uses.
fn catalogue(lang: Lang) -> Vec<(String, BTreeSet<String>)> {
    let mut out = Vec::new();
    for resource in resources() {
        let parsed = match fluent_syntax::parser::parse(resource.text(lang)) {
            Ok(parsed) => parsed,
            Err((_, errors)) => panic!("{}/{}.ftl: {errors:?}", lang.code(), resource.name),
        };
        for entry in parsed.body {
            if let ast::Entry::Message(message) = entry {
                if let Some(value) = &message.value {
                    let mut vars = BTreeSet::new();
                    variables(value, &mut vars);
                    out.push((message.id.name.to_string(), vars));
                }
                for attribute in &message.attributes {
                    let mut vars = BTreeSet::new();
                    variables(&attribute.value, &mut vars);
                    out.push((format!("{}.{}", message.id.name, attribute.id.name), vars));
                }
            }
        }
    }
    out
}

#[test]
fn every_message_has_all_three_languages_with_the_same_arguments() {
    let english = catalogue(Lang::En);
    let ids: BTreeSet<&String> = english.iter().map(|(id, _)| id).collect();
    assert_eq!(ids.len(), english.len(), "a message ID is defined twice");
    for lang in [Lang::Sv, Lang::Da] {
        let other = catalogue(lang);
        let other_ids: BTreeSet<&String> = other.iter().map(|(id, _)| id).collect();
        let missing: Vec<_> = ids.difference(&other_ids).collect();
        let extra: Vec<_> = other_ids.difference(&ids).collect();
        assert!(
            missing.is_empty(),
            "missing in {}: {missing:?}",
            lang.code()
        );
        assert!(extra.is_empty(), "only in {}: {extra:?}", lang.code());
        for (id, en_vars) in &english {
            let other_vars = other
                .iter()
                .find(|(other_id, _)| other_id == id)
                .map(|(_, vars)| vars);
            assert_eq!(
                Some(en_vars),
                other_vars,
                "`{id}` uses other arguments in {} than in English",
                lang.code()
            );
        }
    }
}

/// Every `text!("…")` and `Text::new("…", …)` in the sources names a message of the catalogue
/// (the IDs are literals, so the sources can be read for them).
#[test]
fn every_text_the_code_builds_is_in_the_catalogue() {
    let ids: BTreeSet<String> = message_ids(Lang::En).into_iter().collect();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut unknown = Vec::new();
    let mut stack = vec![root.join("src"), root.join("lsp/src")];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let source = std::fs::read_to_string(&path).unwrap_or_default();
                for marker in ["text!(\"", "Text::new(\"", "Text::new(\n            \""] {
                    for (at, _) in source.match_indices(marker) {
                        let rest = source.get(at + marker.len()..).unwrap_or_default();
                        let id = rest.split('"').next().unwrap_or_default();
                        // The macro's own definition and this test's examples.
                        let placeholder = id == "message-id" || id == "…";
                        if !placeholder && !ids.contains(id) {
                            unknown.push(format!("{}: {id}", path.display()));
                        }
                    }
                }
            }
        }
    }
    assert!(unknown.is_empty(), "not in the catalogue: {unknown:#?}");
}

#[test]
fn a_text_is_rendered_in_each_language() {
    let names = vec!["KS".to_string(), "KF".to_string(), "BUN".to_string()];
    let text = Text::new("did-you-mean", vec![("names", Arg::OrList(names))]);
    assert_eq!(text.render(Lang::En), "did you mean `KS`, `KF` or `BUN`?");
    assert_eq!(text.render(Lang::Sv), "menade du `KS`, `KF` eller `BUN`?");
    assert_eq!(text.render(Lang::Da), "mente du `KS`, `KF` eller `BUN`?");
    assert_eq!(text.to_string(), text.en());
}

#[test]
fn numbers_are_written_as_each_language_writes_them() {
    let text = |value: Arg| Text::new("verbatim", vec![("text", value)]);
    assert_eq!(text(Arg::Num(84.5)).render(Lang::Sv), "84,5");
    assert_eq!(text(Arg::Num(84.5)).render(Lang::En), "84.5");
    assert_eq!(text(Arg::Num(68000.0)).render(Lang::Da), "68.000");
    // Years and counts are never grouped.
    assert_eq!(text(Arg::Int(2026)).render(Lang::Sv), "2026");
    assert_eq!(text(Arg::Int(12000)).render(Lang::Sv), "12000");
}

#[test]
fn locales_name_languages() {
    assert_eq!(lang_of_locale("sv_SE.UTF-8"), Some(Lang::Sv));
    assert_eq!(lang_of_locale("da-DK"), Some(Lang::Da));
    assert_eq!(lang_of_locale("en"), Some(Lang::En));
    assert_eq!(lang_of_locale("nb_NO"), Some(Lang::Da));
    assert_eq!(lang_of_locale("C"), None);
    assert_eq!(lang_of_locale("POSIX"), None);
    assert_eq!(lang_of_locale(""), None);
}
