//! Which language the command line speaks: `--lang`, else `PEJL_LANG`/`LC_ALL`/`LC_MESSAGES`/
//! `LANG`, else the policy's `language`, else English.

mod common;
use common::{pejl_with_env, stdout, workspace};

const DANISH: &str =
    "policy p \"Politik\" {\n  language da\n}\n\nbody KB \"Kommunalbestyrelsen\"\n";
const UNDECLARED: &str = "policy p \"Politik\"\n\nbody KB \"Kommunalbestyrelsen\"\n";

/// The environment of a machine with no language set.
const NO_LOCALE: &[(&str, Option<&str>)] = &[
    ("PEJL_LANG", None),
    ("LC_ALL", None),
    ("LC_MESSAGES", None),
    ("LANG", None),
];

fn summary(text: &str, args: &[&str], env: &[(&str, Option<&str>)]) -> String {
    let (_dir, folder) = workspace(&[("p.pejl", text)]);
    let mut all = vec!["check"];
    all.extend_from_slice(args);
    all.push("p.pejl");
    let mut vars = NO_LOCALE.to_vec();
    vars.extend_from_slice(env);
    let out = stdout(&pejl_with_env(&all, &folder, &vars));
    out.lines().last().unwrap_or_default().to_string()
}

#[test]
fn the_policy_language_is_spoken_when_nothing_else_is_asked() {
    assert!(summary(DANISH, &[], &[]).starts_with("1 politik kontrolleret: 0 fejl"));
    assert!(summary(UNDECLARED, &[], &[]).starts_with("checked 1 policy: 0 errors"));
}

#[test]
fn the_environment_and_the_flag_win_over_the_policy() {
    let sv = [("LANG", Some("sv_SE.UTF-8"))];
    assert!(summary(DANISH, &[], &sv).starts_with("1 styrdokument kontrollerat: 0 fel"));
    let en = [("PEJL_LANG", Some("en")), ("LANG", Some("sv_SE.UTF-8"))];
    assert!(summary(DANISH, &[], &en).starts_with("checked 1 policy"));
    // POSIX: LC_ALL=C decides over LANG, and C names no language: the policy's is spoken.
    let c = [("LC_ALL", Some("C")), ("LANG", Some("sv_SE.UTF-8"))];
    assert!(summary(DANISH, &[], &c).starts_with("1 politik kontrolleret"));
    assert!(summary(DANISH, &["--lang", "sv"], &en).starts_with("1 styrdokument kontrollerat"));
}

#[test]
fn a_usage_error_is_in_the_language_asked_for() {
    let (_dir, folder) = workspace(&[("p.pejl", DANISH)]);
    let mut vars = NO_LOCALE.to_vec();
    vars.push(("LANG", Some("da_DK.UTF-8")));
    let out = pejl_with_env(&["build", "finnes-ikke.pejl"], &folder, &vars);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        common::stderr(&out).trim_end(),
        "fejl: `finnes-ikke.pejl` er ikke en fil"
    );
}

/// `pejl test` of Dorotea (`language sv`) on a machine with no language set: Swedish, with a
/// failed expectation's derivation in Swedish too.
#[test]
fn pejl_test_speaks_the_policy_language() {
    let policy = std::fs::read_to_string("examples/dorotea.pejl").unwrap();
    let tests = std::fs::read_to_string("examples/dorotea.test.pejl").unwrap();
    let (_dir, folder) = workspace(&[("dorotea.pejl", &policy), ("dorotea.test.pejl", &tests)]);
    let out = pejl_with_env(&["test", "dorotea.test.pejl"], &folder, NO_LOCALE);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(text.starts_with("kör "), "{text}");
    assert!(
        text.contains(" godkända; 0 misslyckade; 0 inte körda"),
        "{text}"
    );
    // A wrong expectation: the failure and its derivation in Swedish.
    let wrong = tests.replacen(" green\n", " red\n", 1);
    assert_ne!(wrong, tests);
    let (_dir, folder) = workspace(&[("dorotea.pejl", &policy), ("dorotea.test.pejl", &wrong)]);
    let out = pejl_with_env(&["test", "dorotea.test.pejl"], &folder, NO_LOCALE);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.contains("  förväntat: red"), "{text}");
    assert!(text.contains("  härledning:"), "{text}");
    assert!(text.contains("testresultat: FEL."), "{text}");
}
