//! What `pejl check` prints for people is safe for a terminal and costs the same per
//! diagnostic whatever the file's size.

use pejl::{analyze_text, Code};
use std::path::Path;

fn rendered(text: &str) -> Vec<String> {
    let analysis = analyze_text(Path::new("t.pejl"), text);
    let renderer =
        pejl::render::HumanRenderer::new(&analysis.sources, false, 100, pejl::i18n::Lang::En);
    analysis
        .diagnostics
        .iter()
        .map(|d| renderer.render(&analysis.sources, d))
        .collect()
}

#[test]
fn a_label_past_column_65535_is_shown_in_a_window() {
    let text = format!(
        "policy p \"P\" {{ period 2024..2027 }}\nbody KF \"{}\" {{ }} body KX \"ö\" {{}}\nbody KF \"Igen\" {{}}\n",
        "å".repeat(66_000)
    );
    let shown = rendered(&text);
    assert!(!shown.is_empty());
    for out in &shown {
        assert!(out.lines().all(|l| l.chars().count() < 400), "{out}");
    }
}

#[test]
fn control_characters_from_the_policy_are_not_sent_to_the_terminal() {
    let text = "policy p \"P\" { period 2024..2027 }\nbody KF \"K\" {}\nbody KF \"\u{1b}]0;pwned\u{7}\u{1b}[2J\u{202e}\" {}\ngoal g \"G\" { owner K\u{1b}[8mX }\n";
    let shown = rendered(text).join("\n");
    assert!(
        !shown.contains('\u{1b}') && !shown.contains('\u{7}') && !shown.contains('\u{202e}'),
        "{shown:?}"
    );
    assert!(
        shown.contains("\\u{1b}"),
        "the message shows the escape: {shown}"
    );
    let analysis = analyze_text(Path::new("t.pejl"), text);
    for d in &analysis.diagnostics {
        let github = pejl::render::to_github(&analysis.sources, d, pejl::i18n::Lang::En);
        assert!(
            !github.contains('\u{1b}') && !github.contains('\u{7}'),
            "{github:?}"
        );
    }
    assert!(analysis.diagnostics.iter().any(|d| d.code == Code::P0102));
}

#[test]
fn rendering_reads_only_the_lines_it_shows() {
    // The same diagnostic at the end of a small and of a 200 times larger file renders the
    // same excerpt; the renderer looks lines up instead of scanning from the start.
    let tail = "body KF \"Igen\" {}\n";
    let head = "policy p \"P\" { period 2024..2027 }\nbody KF \"K\" {}\n";
    let small = format!("{head}{}{tail}", "// rad\n".repeat(10));
    let large = format!("{head}{}{tail}", "// rad\n".repeat(2_000));
    let last = |text: &str| rendered(text).pop().unwrap_or_default();
    let strip = |s: String| {
        s.lines()
            .filter(|l| {
                !l.contains("t.pejl") && !l.trim_start().starts_with(|c: char| c.is_ascii_digit())
            })
            .map(|l| l.trim().to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(strip(last(&small)), strip(last(&large)));
}

#[test]
fn file_names_with_control_characters_are_escaped_in_cli_messages() {
    let dir = tempfile::tempdir().expect("temp dir");
    let name = dir.path().join("x\u{1b}]0;pwned\u{7}.pejl");
    for args in [vec!["check"], vec!["fmt", "--check"]] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_pejl"))
            .args(&args)
            .arg(&name)
            .output()
            .expect("runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.is_empty(), "{args:?}");
        assert!(
            !stderr.contains('\u{1b}') && !stderr.contains('\u{7}'),
            "{args:?}: {stderr:?}"
        );
        assert!(stderr.contains("\\u{1b}"), "{args:?}: {stderr}");
    }
}
