//! `pejl explain CODE` in the language asked for: `--lang`, else `PEJL_LANG`, else
//! `LC_ALL`/`LC_MESSAGES`/`LANG`, else English.

mod common;
use common::{pejl_with_env, stdout};
use std::path::Path;
use std::process::Output;

/// `pejl explain` with only these language variables set (the others removed).
fn explain(args: &[&str], dir: &Path, env: &[(&str, &str)]) -> Output {
    let vars: Vec<(&str, Option<&str>)> = ["PEJL_LANG", "LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .map(|name| {
            let value = env.iter().find(|(n, _)| *n == name).map(|(_, v)| *v);
            (name, value)
        })
        .collect();
    let mut command = vec!["explain"];
    command.extend_from_slice(args);
    pejl_with_env(&command, dir, &vars)
}

#[test]
fn explain_speaks_swedish_to_a_swedish_terminal() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = explain(&["P0302"], dir.path(), &[("LANG", "sv_SE.UTF-8")]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let text = stdout(&out);
    assert!(
        text.starts_with("P0302: Regeln lämnar värden utan status\n\nAllvarlighetsgrad: fel\n"),
        "{text}"
    );
    assert!(text.contains("får ingen status"), "{text}");
    assert!(text.contains("Åtgärd: "), "{text}");
    // The example is the same policy text as in English.
    assert!(text.contains("  green when meets target\n"), "{text}");
    assert!(!text.contains("Severity"), "{text}");
}

#[test]
fn explain_speaks_danish_to_a_danish_terminal() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = explain(&["P0101"], dir.path(), &[("LANG", "da_DK.UTF-8")]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let text = stdout(&out);
    assert!(
        text.starts_with("P0101: Ukendt henvisning\n\nAlvorlighed: fejl\n"),
        "{text}"
    );
    assert!(text.contains("Sådan retter du: "), "{text}");
    // A section the previous, partial translation did not have is Danish too.
    let out = explain(&["P0805"], dir.path(), &[("LC_ALL", "da_DK.UTF-8")]);
    let text = stdout(&out);
    assert!(
        text.starts_with(
            "P0805: Oplysning i testen, som ingen status bygger på\n\nAlvorlighed: advarsel\n"
        ),
        "{text}"
    );
}

#[test]
fn explain_speaks_english_by_default_and_when_asked() {
    let dir = tempfile::tempdir().expect("temp dir");
    let english = "P0302: Rule leaves values without a status\n\nSeverity: error\n";
    // No language in the environment.
    let out = explain(&["P0302"], dir.path(), &[]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(stdout(&out).starts_with(english), "{}", stdout(&out));
    // PEJL_LANG wins over LANG.
    let out = explain(
        &["P0302"],
        dir.path(),
        &[("PEJL_LANG", "en"), ("LANG", "sv_SE.UTF-8")],
    );
    assert!(stdout(&out).starts_with(english), "{}", stdout(&out));
    // A language pejl does not speak falls back to English.
    let out = explain(&["P0302"], dir.path(), &[("LANG", "fr_FR.UTF-8")]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(stdout(&out).starts_with(english), "{}", stdout(&out));
    let out = explain(&["P0302"], dir.path(), &[("LANG", "C")]);
    assert!(stdout(&out).starts_with(english), "{}", stdout(&out));
}

#[test]
fn explain_speaks_the_language_asked_for_on_the_command_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    // --lang wins over the environment.
    let out = explain(
        &["P0302", "--lang", "da"],
        dir.path(),
        &[("PEJL_LANG", "sv"), ("LANG", "en_US.UTF-8")],
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(
        stdout(&out)
            .starts_with("P0302: Reglen efterlader værdier uden status\n\nAlvorlighed: fejl\n"),
        "{}",
        stdout(&out)
    );
    let out = explain(&["--lang", "sv", "P0302"], dir.path(), &[("LANG", "da_DK")]);
    assert!(
        stdout(&out).starts_with("P0302: Regeln lämnar värden utan status\n"),
        "{}",
        stdout(&out)
    );
    let out = explain(&["P0302", "--lang", "en"], dir.path(), &[("LANG", "sv_SE")]);
    assert!(
        stdout(&out).starts_with("P0302: Rule leaves values without a status\n"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn every_code_is_explained_in_every_language() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (lang, severity) in [
        ("en", "Severity: "),
        ("sv", "Allvarlighetsgrad: "),
        ("da", "Alvorlighed: "),
    ] {
        for code in [
            "P0001", "P0112", "P0311", "P0401", "P0615", "P0711", "P0805",
        ] {
            let out = explain(&[code, "--lang", lang], dir.path(), &[]);
            assert_eq!(out.status.code(), Some(0), "{code} {lang}: {out:?}");
            let text = stdout(&out);
            let second = text.split("\n\n").nth(1).unwrap_or_default();
            assert!(
                text.starts_with(&format!("{code}: ")) && second.starts_with(severity),
                "{code} in {lang}: {text}"
            );
        }
    }
}
