//! `pejl explain CODE` in the language asked for: `--lang`, else `PEJL_LANG`/`LANG`.

mod common;
use common::{pejl, pejl_env, stdout};

#[test]
fn explain_speaks_the_language_of_the_terminal() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = pejl_env(
        &["explain", "P0302"],
        dir.path(),
        &[("LANG", "sv_SE.UTF-8")],
    );
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert!(
        text.starts_with("P0302: Regeln lämnar värden utan status\n\nAllvarlighetsgrad: fel"),
        "{text}"
    );
    assert!(text.contains("får ingen status"), "{text}");

    // PEJL_LANG wins over LANG.
    let out = pejl_env(
        &["explain", "P0302"],
        dir.path(),
        &[("LANG", "sv_SE.UTF-8"), ("PEJL_LANG", "en")],
    );
    assert!(
        stdout(&out).starts_with("P0302: Rule leaves values without a status"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn explain_speaks_the_language_asked_for() {
    let dir = tempfile::tempdir().expect("temp dir");
    // --lang wins over the environment (the helper sets PEJL_LANG=en).
    let out = pejl(&["explain", "P0302", "--lang", "da"], dir.path());
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert!(text.starts_with("P0302: "), "{text}");
    assert!(text.contains("Alvorlighed: fejl"), "{text}");
    let out = pejl(&["explain", "P0302", "--lang", "sv"], dir.path());
    assert!(
        stdout(&out).contains("Allvarlighetsgrad: fel"),
        "{}",
        stdout(&out)
    );
    let out = pejl(&["explain", "P0302"], dir.path());
    assert!(stdout(&out).contains("Severity: error"), "{}", stdout(&out));
}
