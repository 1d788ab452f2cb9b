//! Diagnostics in the reader's language (issue 12): the same mistakes rendered in Swedish,
//! Danish and English, snapshotted; a Danish policy with a typo checked through the binary
//! prints Danish; SARIF and JSON carry the localised message with stable codes.

mod common;
use common::{pejl_with_env, stdout, workspace};
use pejl::i18n::Lang;
use pejl::FsLoader;
use std::path::Path;

const MISTAKES: &str = "tests/fixtures/languages/mistakes.pejl";

fn rendered(lang: Lang) -> String {
    let analysis = pejl::analyze(Path::new(MISTAKES), &FsLoader);
    let renderer = pejl::render::HumanRenderer::new(&analysis.sources, false, 100, lang);
    analysis
        .diagnostics
        .iter()
        .map(|d| renderer.render(&analysis.sources, d))
        .collect()
}

#[test]
fn the_same_mistakes_in_three_languages() {
    insta::assert_snapshot!("mistakes_sv", rendered(Lang::Sv));
    insta::assert_snapshot!("mistakes_da", rendered(Lang::Da));
    insta::assert_snapshot!("mistakes_en", rendered(Lang::En));
}

/// Each diagnostic of the fixture reads differently in Swedish and Danish than in English:
/// no message, label or help of it is left in English.
#[test]
fn no_part_of_these_diagnostics_is_left_in_english() {
    let analysis = pejl::analyze(Path::new(MISTAKES), &FsLoader);
    assert!(analysis.diagnostics.len() >= 5);
    for d in &analysis.diagnostics {
        let mut parts = vec![&d.message];
        parts.extend(d.primary_label.iter());
        parts.extend(d.help.iter());
        parts.extend(d.labels.iter().map(|l| &l.message));
        for part in parts {
            for lang in [Lang::Sv, Lang::Da] {
                assert_ne!(
                    part.render(lang),
                    part.en(),
                    "{}: `{}` is not translated into {lang:?}",
                    d.code,
                    part.en()
                );
            }
        }
    }
}

/// `pejl check` of a Danish policy with a typo, on a machine with no language set: the
/// policy's `language da` decides, and every line is Danish.
#[test]
fn a_danish_policy_with_a_typo_is_checked_in_danish() {
    let text = std::fs::read_to_string(MISTAKES).unwrap();
    let (_dir, root) = workspace(&[("politik.pejl", &text)]);
    let none = [
        ("PEJL_LANG", None),
        ("LC_ALL", None),
        ("LC_MESSAGES", None),
        ("LANG", None),
    ];
    let out = pejl_with_env(&["check", "politik.pejl"], &root, &none);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(
        text.contains("det ansvarlige udvalg `BUU` findes ikke"),
        "{text}"
    );
    assert!(text.contains("  hjælp: mente du `BU`?"), "{text}");
    assert!(
        text.contains("1 politik kontrolleret: 4 fejl, 1 advarsel, 0 tips"),
        "{text}"
    );
    // The same file on a Swedish machine: Swedish.
    let mut sv = none.to_vec();
    sv.push(("LANG", Some("sv_SE.UTF-8")));
    let text = stdout(&pejl_with_env(&["check", "politik.pejl"], &root, &sv));
    assert!(
        text.contains("den ansvariga nämnden `BUU` finns inte"),
        "{text}"
    );
}

/// Machine formats: the message in the language asked for, codes and field names unchanged.
#[test]
fn sarif_and_json_carry_the_localised_message() {
    let text = std::fs::read_to_string(MISTAKES).unwrap();
    let (_dir, root) = workspace(&[("politik.pejl", &text)]);
    let env = [("PEJL_LANG", Some("sv"))];
    let sarif = stdout(&pejl_with_env(
        &["check", "--format", "sarif", "politik.pejl"],
        &root,
        &env,
    ));
    let sarif: serde_json::Value = serde_json::from_str(&sarif).unwrap();
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    let owner = results
        .iter()
        .find(|r| r["ruleId"] == "P0101")
        .expect("P0101 in SARIF");
    let message = owner["message"]["text"].as_str().unwrap();
    assert!(
        message.starts_with("den ansvariga nämnden `BUU` finns inte"),
        "{message}"
    );
    let json = stdout(&pejl_with_env(
        &["check", "--format", "json", "politik.pejl"],
        &root,
        &env,
    ));
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let owner = value["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "P0101")
        .expect("P0101 in JSON");
    assert_eq!(owner["message"], "den ansvariga nämnden `BUU` finns inte");
    assert_eq!(owner["help"], "menade du `BU`?");
    assert_eq!(owner["severity"], "error");
}

/// Every code's fixture (tests/fixtures/diagnostics/): the message of each of its diagnostics
/// reads differently in Swedish and Danish than in English, so nothing a policy officer sees
/// is left in English.
#[test]
fn every_code_speaks_swedish_and_danish() {
    let mut english = Vec::new();
    for &code in pejl::Code::ALL {
        let path = format!("tests/fixtures/diagnostics/{code}.pejl");
        if !Path::new(&path).exists() {
            continue;
        }
        let mut analysis = pejl::analyze(Path::new(&path), &FsLoader);
        pejl::testing::add_failures(&mut analysis);
        for d in analysis.diagnostics.iter().filter(|d| d.code == code) {
            let mut parts = vec![("message", &d.message)];
            parts.extend(d.primary_label.iter().map(|l| ("label", l)));
            parts.extend(d.help.iter().map(|h| ("help", h)));
            parts.extend(d.labels.iter().map(|l| ("label", &l.message)));
            for (what, part) in parts {
                let en = part.en();
                if [Lang::Sv, Lang::Da].iter().any(|&l| part.render(l) == en) {
                    english.push(format!("{code} {what}: {en}"));
                }
            }
        }
    }
    english.dedup();
    assert!(
        english.is_empty(),
        "{} texts are English in Swedish or Danish:\n{}",
        english.len(),
        english.join("\n")
    );
}
