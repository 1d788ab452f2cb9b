//! The editor's side of `pejl test`: failed expectations are diagnostics (P0801) at the
//! `expect`, a code lens runs a test through `workspace/executeCommand`, and the answer says
//! how it went.

mod common;

use common::workspace;
use pejl_lsp::state::testing::{RUN_TEST, RUN_TESTS};
use pejl_lsp::State;
use serde_json::json;
use tower_lsp_server::ls_types::*;

const POLICY: &str = include_str!("../../examples/dorotea.pejl");

const TESTS: &str = r#"include "dorotea.pejl"

test "Sjukfrånvaron är grön" {
  year 2024
  report annual
  value sjukfranvaro 8.1
  benchmark sjukfranvaro 7.4
  expect sjukfranvaro_ned green
}

test "NKI på länssnittet är grönt" {
  year 2024
  report annual
  value nki_foretag 74
  benchmark nki_foretag 74
  expect nki green
}
"#;

fn init(folder: &std::path::Path) -> State {
    let mut state = State::new();
    let params: InitializeParams = serde_json::from_value(json!({
        "capabilities": {},
        "workspaceFolders": [{"uri": Uri::from_file_path(folder).unwrap().as_str(), "name": "ws"}],
    }))
    .unwrap();
    let result = state.initialize(&params);
    assert!(result.capabilities.code_lens_provider.is_some());
    let commands = result
        .capabilities
        .execute_command_provider
        .unwrap()
        .commands;
    assert_eq!(commands, [RUN_TEST, RUN_TESTS]);
    state
}

#[test]
fn a_failed_expectation_is_a_diagnostic_at_the_expect() {
    let (_dir, root) = workspace(&[("dorotea.pejl", POLICY), ("dorotea.test.pejl", TESTS)]);
    let mut state = init(&root);
    let uri = Uri::from_file_path(root.join("dorotea.test.pejl")).unwrap();
    let published = state.take_pending();
    let tests = published
        .iter()
        .find(|p| p.uri == uri)
        .expect("diagnostics of the test file");
    assert_eq!(tests.diagnostics.len(), 1, "{:?}", tests.diagnostics);
    let d = &tests.diagnostics[0];
    assert_eq!(d.code, Some(NumberOrString::String("P0801".into())));
    assert_eq!(
        d.range.start,
        Position {
            line: 7,
            character: 2
        }
    );
    assert!(
        d.message.starts_with(
            // No locale from the client: the policy's `language sv`.
            "`sjukfranvaro_ned` förväntades vara green (Grön) i annual 2024, men är yellow (Gul)"
        ),
        "{}",
        d.message
    );
    assert!(
        d.message
            .contains("8,1 ligger inom 10 % av länssnittet 7,4"),
        "{}",
        d.message
    );
    // Typing the right status clears it.
    let fixed = TESTS.replace(
        "expect sjukfranvaro_ned green",
        "expect sjukfranvaro_ned yellow",
    );
    state.did_open(uri.clone(), fixed, 2);
    let published = state.take_pending();
    let tests = published.iter().find(|p| p.uri == uri).unwrap();
    assert!(tests.diagnostics.is_empty(), "{:?}", tests.diagnostics);
    // The policy file itself is not blamed.
    let policy = Uri::from_file_path(root.join("dorotea.pejl")).unwrap();
    assert!(published
        .iter()
        .all(|p| p.uri != policy || p.diagnostics.is_empty()));
}

#[test]
fn a_code_lens_runs_a_test_and_says_how_it_went() {
    let (_dir, root) = workspace(&[("dorotea.pejl", POLICY), ("dorotea.test.pejl", TESTS)]);
    let mut state = init(&root);
    state.take_pending();
    let uri = Uri::from_file_path(root.join("dorotea.test.pejl")).unwrap();
    let lenses = state.code_lenses(&uri).expect("lenses");
    let described: Vec<(u32, &str)> = lenses
        .iter()
        .map(|l| {
            let c = l.command.as_ref().unwrap();
            (l.range.start.line, c.title.as_str())
        })
        .collect();
    assert_eq!(
        described,
        [
            (2, "▶ Run test"),
            (2, "Run all 2 tests"),
            (10, "▶ Run test")
        ]
    );
    let run = |state: &State, lens: &CodeLens| {
        let c = lens.command.as_ref().unwrap();
        state
            .execute_command(&c.command, c.arguments.as_deref().unwrap_or_default())
            .expect("the command runs")
    };
    let first = run(&state, &lenses[0]);
    assert!(!first.passed);
    assert_eq!(
        first.message,
        "Test \"Sjukfrånvaron är grön\" failed: sjukfranvaro_ned is yellow (Gul), not green (Grön)."
    );
    assert_eq!(first.results["failed"], 1);
    let second = run(&state, &lenses[2]);
    assert!(second.passed);
    assert_eq!(
        second.message,
        "Test \"NKI på länssnittet är grönt\" passed (1 expectation)."
    );
    let all = run(&state, &lenses[1]);
    assert!(!all.passed);
    assert!(
        all.message
            .starts_with("1 of 2 tests did not pass (1 passed):"),
        "{}",
        all.message
    );
    // A policy file has no tests, so no lenses.
    let policy = Uri::from_file_path(root.join("dorotea.pejl")).unwrap();
    assert_eq!(state.code_lenses(&policy), Some(Vec::new()));
    // Other commands and stale arguments are refused, not run.
    assert!(state.execute_command("pejl.other", &[]).is_err());
    assert!(state
        .execute_command(RUN_TEST, &[json!(uri.as_str()), json!(5)])
        .is_err());
}
