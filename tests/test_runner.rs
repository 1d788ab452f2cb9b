//! `pejl test`: tests written in the language (`test "…" { … }`), run by the evaluator of
//! `pejl report`. The examples' tests pass; a failure shows the derivation; JSON (valid
//! against `pejl schema --test`) and JUnit XML; `--update` both ways; names are resolved and
//! checked; tests never reach the compiled JSON; the formatter keeps them and their comments.

mod common;
use common::{pejl, stderr, stdout, workspace};
use std::path::Path;

const DOROTEA: &str = include_str!("../examples/dorotea.pejl");

/// A folder with Dorotea's policy and `tests` as `dorotea.test.pejl` (which includes it).
fn dorotea_with(tests: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let text = format!("include \"dorotea.pejl\"\n\n{tests}");
    let (dir, root) = workspace(&[("dorotea.pejl", DOROTEA), ("dorotea.test.pejl", &text)]);
    (dir, root)
}

const FAILING: &str = r#"// Sjukfrånvaron 8,1 mot länssnittet 7,4 ligger inom 10 %: gult, inte grönt.
test "Sjukfrånvaron är grön" {
  year 2024
  report annual
  value sjukfranvaro 8.1
  benchmark sjukfranvaro 7.4
  expect sjukfranvaro_ned green
  expect arbetsgivare green
}

test "NKI på länssnittet är grönt" {
  year 2024
  report annual
  value nki_foretag 74
  benchmark nki_foretag county 74
  expect nki green
}
"#;

#[test]
fn the_examples_tests_pass() {
    let out = pejl(&["test", "examples/"], Path::new("."));
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
    let text = stdout(&out);
    assert!(
        text.contains("running 22 tests from examples/dorotea.test.pejl"),
        "{text}"
    );
    assert!(
        text.contains("running 6 tests from examples/dragor.test.pejl"),
        "{text}"
    );
    assert!(
        text.ends_with("test result: ok. 28 passed; 0 failed; 0 not run\n"),
        "{text}"
    );
    // The policies without tests are still checked (no errors), and say nothing.
    assert!(!text.contains("kobenhavn"), "{text}");
}

#[test]
fn a_failing_test_shows_expected_actual_and_the_derivation() {
    let (_dir, root) = dorotea_with(FAILING);
    let out = pejl(&["test", "dorotea.test.pejl"], &root);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    insta::assert_snapshot!("test_failing_human", stdout(&out));
    // The rollup's derivation names the child and its numbers.
    let text = stdout(&out);
    assert!(
        text.contains("arbetsgivare is yellow (Gul): gul: delmålen är 1 gul"),
        "{text}"
    );
    assert!(
        text.contains(
            "sjukfranvaro_ned is yellow (Gul): gul: 8,1 ligger inom 10 % av länssnittet 7,4"
        ),
        "{text}"
    );
}

#[test]
fn junit_and_json_for_ci() {
    let (_dir, root) = dorotea_with(FAILING);
    let junit = pejl(&["test", "--format", "junit", "dorotea.test.pejl"], &root);
    assert_eq!(junit.status.code(), Some(1));
    insta::assert_snapshot!("test_failing_junit", stdout(&junit));
    let json = pejl(&["test", "--format", "json", "dorotea.test.pejl"], &root);
    assert_eq!(json.status.code(), Some(1));
    let value: serde_json::Value = serde_json::from_str(&stdout(&json)).expect("JSON");
    let schema = pejl::testing::schema();
    let validator = jsonschema::validator_for(&schema).expect("a valid schema");
    let errors: Vec<String> = validator
        .iter_errors(&value)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    insta::assert_json_snapshot!("test_failing_json", value);
    // `pejl schema --test` prints the same schema.
    let printed = pejl(&["schema", "--test"], &root);
    let printed: serde_json::Value = serde_json::from_str(&stdout(&printed)).unwrap();
    assert_eq!(printed, schema);
    // -o writes the file atomically, and never over a policy file.
    let out = pejl(
        &[
            "test",
            "--format",
            "junit",
            "-o",
            "junit.xml",
            "dorotea.test.pejl",
        ],
        &root,
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        std::fs::read_to_string(root.join("junit.xml")).unwrap(),
        stdout(&junit)
    );
    let out = pejl(&["test", "-o", "dorotea.pejl", "dorotea.test.pejl"], &root);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(root.join("dorotea.pejl")).unwrap(),
        DOROTEA
    );
}

#[test]
fn xml_is_escaped_and_without_control_characters() {
    let escaped = pejl::testing::render::xml_escape("a <b> & \"c\" 'd'\u{1}\te");
    assert_eq!(
        escaped,
        "a &lt;b&gt; &amp; &quot;c&quot; &apos;d&apos;\u{fffd}\te"
    );
    let (_dir, root) = dorotea_with(
        "test \"<&> \\\"citat\\\"\" {\n  year 2024\n  report annual\n  value nki_foretag 60\n  benchmark nki_foretag 74\n  expect nki green\n}\n",
    );
    let out = stdout(&pejl(
        &["test", "--format", "junit", "dorotea.test.pejl"],
        &root,
    ));
    assert!(
        out.contains("<testcase name=\"&lt;&amp;&gt; &quot;citat&quot;\""),
        "{out}"
    );
}

#[test]
fn filter_and_exit_codes() {
    let (_dir, root) = dorotea_with(FAILING);
    let out = pejl(&["test", "--filter", "nki", "dorotea.test.pejl"], &root);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(stdout(&out).ends_with("1 passed; 0 failed; 0 not run; 1 filtered out\n"));
    // No tests at all is not a failure.
    let out = pejl(&["test", "dorotea.pejl"], &root);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        stdout(&out).starts_with("no tests found"),
        "{}",
        stdout(&out)
    );
    // Usage errors.
    assert_eq!(
        pejl(&["test", "missing.pejl"], &root).status.code(),
        Some(2)
    );
    let out = pejl(
        &["test", "--update", "--data", "x.csv", "dorotea.test.pejl"],
        &root,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("needs --year"), "{}", stderr(&out));
    // An error in the policy keeps its tests from running: exit 2, the error shown as in `pejl check`.
    let broken = DOROTEA.replacen(
        "ansvarig KS\n  mäts nki_foretag",
        "ansvarig KX\n  mäts nki_foretag",
        1,
    );
    std::fs::write(root.join("dorotea.pejl"), broken).unwrap();
    let out = pejl(&["test", "dorotea.test.pejl"], &root);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("the owner `KX` does not exist"),
        "{}",
        stderr(&out)
    );
    assert!(
        stdout(&out).contains("... error: not run: the policy has 1 error"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn unknown_names_in_a_test_are_errors_and_the_other_tests_still_run() {
    let (_dir, root) = dorotea_with(
        r#"test "Fel namn" {
  year 2024
  report anual
  value nki_foretagg 74
  motivation nkii "…"
  expect nki gren
  expect nkk green
}

test "NKI på länssnittet är grönt" {
  year 2024
  report annual
  value nki_foretag 74
  benchmark nki_foretag 74
  expect nki green
}
"#,
    );
    let analysis = pejl::analyze(&root.join("dorotea.test.pejl"), &pejl::FsLoader);
    let found: Vec<(&str, &str)> = analysis
        .diagnostics
        .iter()
        .map(|d| (d.code.as_str(), analysis.sources.text(d.span)))
        .collect();
    assert_eq!(
        found,
        [
            ("P0601", "anual"),
            ("P0101", "nki_foretagg"),
            ("P0101", "nkii"),
            ("P0305", "gren"),
            ("P0101", "nkk"),
        ]
    );
    let suggested: Vec<Option<&str>> = analysis
        .diagnostics
        .iter()
        .map(|d| d.fix.as_ref().map(|f| f.replacement.as_str()))
        .collect();
    assert_eq!(
        suggested,
        [
            Some("annual"),
            Some("nki_foretag"),
            Some("nki"),
            Some("green"),
            Some("nki")
        ]
    );
    let out = pejl(&["test", "dorotea.test.pejl"], &root);
    assert_eq!(out.status.code(), Some(2));
    let text = stdout(&out);
    assert!(
        text.contains("test \"Fel namn\" ... error: the test's report `anual` does not exist"),
        "{text}"
    );
    assert!(
        text.contains("test \"NKI på länssnittet är grönt\" ... ok"),
        "{text}"
    );
}

#[test]
fn names_in_tests_are_references_for_the_editor() {
    let (_dir, root) = dorotea_with(FAILING);
    let path = root.join("dorotea.test.pejl");
    let analysis = pejl::analyze(&path, &pejl::FsLoader);
    let file = pejl::ide::file_of(&analysis, &path).unwrap();
    let text = &analysis.sources.get(file).text;
    let at = text.find("expect arbetsgivare").unwrap() + "expect ".len() + 2;
    let target = pejl::ide::definition(&analysis, file, at).expect("a definition");
    assert_eq!(analysis.sources.text(target), "arbetsgivare");
    assert!(analysis
        .sources
        .get(target.file)
        .path
        .ends_with("dorotea.pejl"));
    // Renaming the indicator renames its uses in the test.
    let indicator = text.find("value sjukfranvaro").unwrap() + "value ".len();
    let edits = pejl::ide::rename(&analysis, file, indicator, "sjukfranvaro_andel").unwrap();
    let in_test = edits.iter().filter(|e| e.span.file == file).count();
    assert_eq!(in_test, 2, "{edits:?}");
    // The outline lists the tests with their expectations.
    let outline = pejl::ide::document_symbols(&analysis, file);
    let names: Vec<&str> = outline.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "include \"dorotea.pejl\"",
            "test \"Sjukfrånvaron är grön\"",
            "test \"NKI på länssnittet är grönt\""
        ]
    );
    assert_eq!(outline[1].detail, "2024 annual");
    assert_eq!(outline[1].children[0].name, "expect sjukfranvaro_ned green");
}

#[test]
fn the_editor_gets_p0801_at_the_expect_with_a_fix() {
    let (_dir, root) = dorotea_with(FAILING);
    let path = root.join("dorotea.test.pejl");
    let mut analysis = pejl::analyze(&path, &pejl::FsLoader);
    assert!(analysis.diagnostics.is_empty());
    pejl::testing::add_failures(&mut analysis);
    let failures: Vec<&pejl::Diagnostic> = analysis.diagnostics.iter().collect();
    assert_eq!(failures.len(), 2);
    let d = failures[0];
    assert_eq!(d.code, pejl::Code::P0801);
    assert_eq!(
        analysis.sources.text(d.span),
        "expect sjukfranvaro_ned green"
    );
    assert_eq!(
        d.message,
        "expected `sjukfranvaro_ned` to be green (Grön) in annual 2024, but it is yellow (Gul)"
    );
    assert_eq!(
        d.fix.as_ref().unwrap().replacement,
        "expect sjukfranvaro_ned yellow"
    );
    assert!(d
        .help_en()
        .as_deref()
        .unwrap()
        .contains("8,1 ligger inom 10 % av länssnittet 7,4"));
    // The quick fix is a code action.
    let file = d.span.file;
    let actions = pejl::ide::code_actions(&analysis, file, d.span.start, d.span.start);
    assert!(
        actions.iter().any(|a| a.title == "Expect `yellow`"),
        "{actions:?}"
    );
}

#[test]
fn a_missing_motivation_fails_an_expected_grey() {
    let (_dir, root) = dorotea_with(
        "test \"Utfall saknas\" {\n  year 2024\n  report annual\n  missing trygghet_index\n  expect trygga_invanare grey\n  expect trygghet grey\n}\n",
    );
    let out = pejl(&["test", "dorotea.test.pejl"], &root);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(
        text.contains(
            "problem:  the rule requires a written motivation for grey, and the test gives none"
        ),
        "{text}"
    );
    // The rollup has no such band: only the measured goal fails.
    assert!(!text.contains("expect trygghet grey"), "{text}");
}

#[test]
fn update_accepts_the_statuses_given_and_keeps_everything_else() {
    let (_dir, root) = dorotea_with(FAILING);
    let before = std::fs::read_to_string(root.join("dorotea.test.pejl")).unwrap();
    let out = pejl(&["test", "--update", "dorotea.test.pejl"], &root);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
    assert!(stderr(&out)
        .contains("updated dorotea.test.pejl: 2 expectations now expect what the policy gives"));
    let after = std::fs::read_to_string(root.join("dorotea.test.pejl")).unwrap();
    assert_eq!(
        after,
        before
            .replace(
                "expect sjukfranvaro_ned green",
                "expect sjukfranvaro_ned yellow"
            )
            .replace("expect arbetsgivare green", "expect arbetsgivare yellow")
    );
    // Nothing left to update.
    let out = pejl(&["test", "--update", "dorotea.test.pejl"], &root);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        std::fs::read_to_string(root.join("dorotea.test.pejl")).unwrap(),
        after
    );
}

#[test]
fn update_with_data_writes_a_snapshot_that_passes_and_rewrites_it_in_place() {
    let csv = std::fs::read_to_string("examples/data/dorotea.csv").unwrap();
    let (_dir, root) = workspace(&[
        ("dorotea.pejl", DOROTEA),
        (
            "dorotea.test.pejl",
            "// Doroteas tester.\ninclude \"dorotea.pejl\"\n",
        ),
        ("dorotea.csv", &csv),
    ]);
    let update = [
        "test",
        "--update",
        "--data",
        "dorotea.csv",
        "--year",
        "2024",
        "dorotea.test.pejl",
    ];
    let out = pejl(&update, &root);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
    assert!(stdout(&out).contains("test \"snapshot interim 2024\" ... ok"));
    assert!(stdout(&out).contains("test \"snapshot annual 2024\" ... ok"));
    let written = std::fs::read_to_string(root.join("dorotea.test.pejl")).unwrap();
    insta::assert_snapshot!("test_snapshot_written", written);
    // What it wrote is formatted, and the expectations are those of `pejl report`.
    assert_eq!(pejl::format::format(&written).unwrap(), written);
    let report = pejl(
        &[
            "report",
            "dorotea.pejl",
            "--data",
            "dorotea.csv",
            "--year",
            "2024",
            "--report",
            "annual",
            "--format",
            "json",
        ],
        &root,
    );
    let report: serde_json::Value = serde_json::from_str(&stdout(&report)).unwrap();
    for goal in report["goals"].as_array().unwrap() {
        if let Some(status) = goal["status"].as_str() {
            let line = format!("  expect {} {status}\n", goal["id"].as_str().unwrap());
            let annual = &written[written.find("test \"snapshot annual 2024\"").unwrap()..];
            assert!(annual.contains(&line), "{line}");
        }
    }
    // Again: nothing changes.
    let out = pejl(&update, &root);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        std::fs::read_to_string(root.join("dorotea.test.pejl")).unwrap(),
        written
    );
    // Edited by hand, with comments: rewritten where it is, the comments kept beside their lines.
    let edited = written
        .replace(
            "  value nki_foretag 72\n",
            "  // Kolada U07451\n  value nki_foretag 60  // rättat för hand\n",
        )
        .replace(
            "test \"snapshot annual 2024\" {",
            "test \"snapshot annual 2024\" {  // årsredovisningen",
        )
        .replace(
            "  expect nki green\n}",
            "  expect nki red\n  expect dorotea2040 green  // har ingen status\n}",
        );
    std::fs::write(root.join("dorotea.test.pejl"), &edited).unwrap();
    let out = pejl(
        &[
            "test",
            "--update",
            "--data",
            "dorotea.csv",
            "--year",
            "2024",
            "--report",
            "annual",
            "dorotea.test.pejl",
        ],
        &root,
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
    let rewritten = std::fs::read_to_string(root.join("dorotea.test.pejl")).unwrap();
    let expected = written
        .replace(
            "  value nki_foretag 72\n",
            "  // Kolada U07451\n  value nki_foretag 72  // rättat för hand\n",
        )
        .replace(
            "test \"snapshot annual 2024\" {",
            "test \"snapshot annual 2024\" {  // årsredovisningen",
        )
        .replace(
            "  expect nki green\n}",
            "  expect nki green\n  // har ingen status\n}",
        );
    assert_eq!(rewritten, expected);
}

#[test]
fn tests_are_never_compiled() {
    let with_tests = pejl::analyze(Path::new("examples/dorotea.test.pejl"), &pejl::FsLoader);
    let policy = pejl::analyze(Path::new("examples/dorotea.pejl"), &pejl::FsLoader);
    assert!(with_tests.diagnostics.is_empty());
    let mut a = serde_json::to_value(pejl::ir::compile(&with_tests)).unwrap();
    let b = serde_json::to_value(pejl::ir::compile(&policy)).unwrap();
    // The file list names the test file (it was read); nothing else differs.
    assert_eq!(
        a["files"],
        serde_json::json!(["examples/dorotea.test.pejl", "examples/dorotea.pejl"])
    );
    a["files"] = b["files"].clone();
    assert_eq!(a, b);
    let built = stdout(&pejl(
        &["build", "examples/dorotea.test.pejl"],
        Path::new("."),
    ));
    assert!(
        !built.contains("länssnittet är grönt") && !built.contains("expect"),
        "a test in the output"
    );
}

#[test]
fn the_formatter_lays_out_tests_and_keeps_their_comments() {
    let messy = "include \"dorotea.pejl\"\ntest   \"A\"{year 2024 report annual\n      value nki_foretag 74 // värdet\n  // länssnittet\n benchmark nki_foretag county 74\nexpect nki green}\n\ntest \"B\" { year 2024  report interim  missing nki_foretag  expect nki grey }\n";
    let formatted = pejl::format::format(messy).unwrap();
    assert_eq!(
        formatted,
        "include \"dorotea.pejl\"\n\ntest \"A\" {\n  year 2024\n  report annual\n  value nki_foretag 74  // värdet\n  // länssnittet\n  benchmark nki_foretag county 74\n  expect nki green\n}\n\ntest \"B\" { year 2024  report interim  missing nki_foretag  expect nki grey }\n"
    );
    assert_eq!(pejl::format::format(&formatted).unwrap(), formatted);
}

#[test]
fn a_test_is_parsed_with_recovery() {
    let (_dir, root) = dorotea_with(
        "test \"Trasig\" {\n  year 2024\n  report annual\n  valu nki_foretag 74\n  expect nki\n}\n\ntest \"Hel\" {\n  year 2024\n  report annual\n  value nki_foretag 74\n  benchmark nki_foretag 74\n  expect nki green\n}\n",
    );
    let analysis = pejl::analyze(&root.join("dorotea.test.pejl"), &pejl::FsLoader);
    let messages: Vec<String> = analysis
        .diagnostics
        .iter()
        .map(|d| d.message.en())
        .collect();
    assert_eq!(
        messages,
        [
            "`valu` is not a statement of a test",
            "expected a name after `expect`, but found the end of the line",
        ]
    );
    assert_eq!(
        analysis.diagnostics[0]
            .fix
            .as_ref()
            .map(|f| f.replacement.as_str()),
        Some("value")
    );
    let out = pejl(&["test", "dorotea.test.pejl"], &root);
    assert!(
        stdout(&out).contains("test \"Hel\" ... ok"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn completion_in_a_test() {
    let body = "test \"Ny\" {\n  year 2024\n  expect \n  expect nki \n  benchmark nki_foretag \n  value \n  \n}\n";
    let (_dir, root) = dorotea_with(body);
    let path = root.join("dorotea.test.pejl");
    let analysis = pejl::analyze(&path, &pejl::FsLoader);
    let file = pejl::ide::file_of(&analysis, &path).unwrap();
    let text = analysis.sources.get(file).text.clone();
    let labels = |needle: &str| -> Vec<String> {
        let at = text.find(needle).unwrap() + needle.len();
        pejl::ide::completions(&analysis, file, at)
            .items
            .into_iter()
            .map(|c| c.label)
            .collect()
    };
    let goals = labels("  expect ");
    assert!(
        goals.contains(&"nki".to_string()) && goals.contains(&"skola".to_string()),
        "{goals:?}"
    );
    assert!(!goals.contains(&"nki_foretag".to_string()), "{goals:?}");
    assert_eq!(labels("  expect nki "), ["green", "yellow", "red", "grey"]);
    assert_eq!(labels("  benchmark nki_foretag "), ["county", "national"]);
    assert!(labels("  value ").contains(&"nki_foretag".to_string()));
    assert_eq!(
        labels("  value \n  "),
        [
            "report",
            "value",
            "benchmark",
            "missing",
            "motivation",
            "expect"
        ]
    );
}
