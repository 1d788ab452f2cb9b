//! Every diagnostic code in the catalogue has a fixture that triggers it: the fixture's first
//! line says `// expect: PNNNN at LINE`. The test checks the code, the line of its primary span
//! and the quality of its message, and snapshots the rendered diagnostics of the whole file.

use pejl::{Code, FsLoader};
use std::path::PathBuf;

fn fixture(code: Code) -> (PathBuf, usize) {
    let path = PathBuf::from(format!("tests/fixtures/diagnostics/{code}.pejl"));
    let bytes = std::fs::read(&path)
        .unwrap_or_else(|_| panic!("{code} has no fixture at {}", path.display()));
    let first = String::from_utf8_lossy(&bytes)
        .lines()
        .next()
        .unwrap_or_default()
        .to_string();
    let expected = first
        .strip_prefix(&format!("// expect: {code} at "))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| {
            panic!(
                "{}: first line must be `// expect: {code} at LINE`",
                path.display()
            )
        });
    (path, expected)
}

#[test]
fn every_code_has_a_fixture_that_triggers_it() {
    let mut failures = Vec::new();
    for &code in Code::ALL {
        // P07xx are data and evaluation errors of `pejl report`, not policy errors: no policy
        // alone triggers them. tests/data.rs triggers each one with its data fixture.
        if code.as_str().starts_with("P07") {
            continue;
        }
        let (path, line) = fixture(code);
        let mut analysis = pejl::analyze(&path, &FsLoader);
        // P0801 comes from running the fixture's tests (`pejl test`, the editor), not from a
        // check: the same diagnostics the editor shows.
        pejl::testing::add_failures(&mut analysis);
        let lines_of_code: Vec<usize> = analysis
            .diagnostics
            .iter()
            .filter(|d| d.code == code)
            .map(|d| {
                analysis
                    .sources
                    .get(d.span.file)
                    .line_col(d.span.start)
                    .line
            })
            .collect();
        if !lines_of_code.contains(&line) {
            failures.push(format!(
                "{code}: expected at line {line}, found {code} at {lines_of_code:?}; all: {:?}",
                analysis
                    .diagnostics
                    .iter()
                    .map(|d| (
                        d.code.as_str(),
                        analysis
                            .sources
                            .get(d.span.file)
                            .line_col(d.span.start)
                            .line
                    ))
                    .collect::<Vec<_>>()
            ));
            continue;
        }
        for d in analysis.diagnostics.iter().filter(|d| d.code == code) {
            assert_eq!(
                d.severity,
                code.severity(),
                "{code} has the catalogue's severity"
            );
            assert!(!d.message.en().is_empty(), "{code}: empty message");
            assert!(
                d.help_en().as_deref().is_some_and(|h| !h.is_empty()),
                "{code}: no help"
            );
            for internal in ["_stmt", "_decl", "ident", "EOI", "Rule::", "bad_stmt"] {
                assert!(
                    !d.message.en().contains(internal)
                        && !d.help_en().as_deref().unwrap_or("").contains(internal),
                    "{code}: grammar name `{internal}` in {:?}",
                    d.message
                );
            }
        }
        let renderer =
            pejl::render::HumanRenderer::new(&analysis.sources, false, 100, pejl::i18n::Lang::En);
        let rendered: String = analysis
            .diagnostics
            .iter()
            .map(|d| renderer.render(&analysis.sources, d))
            .collect();
        insta::assert_snapshot!(format!("diagnostic_{code}"), rendered);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn include_cycle_and_escape_are_reported() {
    let analysis = pejl::analyze(
        std::path::Path::new("tests/fixtures/includes/cycle/main.pejl"),
        &FsLoader,
    );
    let messages: Vec<String> = analysis
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::P0105)
        .map(|d| d.message.en())
        .collect();
    assert!(messages.iter().any(|m| m.contains("cycle")), "{messages:?}");
    assert!(
        messages.iter().any(|m| m.contains("outside")),
        "{messages:?}"
    );
    // The goal in the included file is part of the policy: its unknown owner is found there.
    let unknown = analysis
        .diagnostics
        .iter()
        .find(|d| d.code == Code::P0101)
        .expect("P0101 in the included file");
    assert!(analysis
        .sources
        .get(unknown.span.file)
        .path
        .ends_with("del.pejl"));
}
