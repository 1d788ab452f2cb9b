//! The formatter: snapshots of representative inputs, idempotence on every example and
//! fixture, line endings and BOM kept, comments kept, syntax errors refused, and the CLI.

use pejl::format::{format, minimal_edit, FormatError};
use std::path::{Path, PathBuf};
use std::process::Command;

fn files_in(dir: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|_| panic!("{dir} exists"))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "pejl"))
        .collect();
    files.sort();
    files
}

fn comments(text: &str) -> Vec<String> {
    let mut found: Vec<String> = pejl::syntax::text::scan(text)
        .into_iter()
        .filter(|(kind, ..)| *kind == pejl::syntax::text::Lexeme::Comment)
        .map(|(_, s, e)| text[s..e].trim_end().to_string())
        .collect();
    found.sort();
    found
}

#[test]
fn snapshots_of_representative_inputs() {
    for path in files_in("tests/fixtures/format") {
        let text = std::fs::read_to_string(&path).unwrap();
        let formatted = format(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        // Show line endings in the snapshot so CRLF is visible.
        insta::assert_snapshot!(format!("format_{name}"), formatted.replace('\r', "␍"));
    }
}

#[test]
fn formatting_is_idempotent_and_keeps_every_comment() {
    let mut files = files_in("examples");
    files.extend(files_in("tests/fixtures/format"));
    files.extend(files_in("tests/fixtures/diagnostics"));
    let mut formatted_count = 0;
    for path in files {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let Ok(once) = format(&text) else { continue };
        formatted_count += 1;
        let twice = format(&once).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert_eq!(once, twice, "{} is not stable", path.display());
        assert_eq!(
            comments(&text),
            comments(&once),
            "{} lost a comment",
            path.display()
        );
    }
    assert!(formatted_count > 40);
}

#[test]
fn examples_are_formatted() {
    for path in files_in("examples") {
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(
            format(&text).unwrap(),
            text,
            "run `pejl fmt {}`",
            path.display()
        );
    }
}

#[test]
fn line_endings_and_bom_are_kept() {
    let lf = "policy p \"P\" {\n period 2024..2027 }\n";
    let out = format(lf).unwrap();
    assert!(!out.contains('\r'));
    let crlf = "\u{feff}policy p \"P\" {\r\n period 2024..2027 }\r\n";
    let out = format(crlf).unwrap();
    assert!(out.starts_with('\u{feff}'));
    assert_eq!(out.matches("\r\n").count(), out.matches('\n').count());
    assert_eq!(
        out,
        "\u{feff}policy p \"P\" {\r\n  period 2024..2027\r\n}\r\n"
    );
}

#[test]
fn syntax_errors_are_refused() {
    for broken in [
        "goal g {\n}\n",
        "goal g \"open {\n}\n",
        "policy p \"P\" { period 2024..2027 }\nrule r { green when value >= 10,5 }\n",
        "goal g \"G\" { ownr KF }\n",
    ] {
        match format(broken) {
            Err(FormatError::Syntax(diags)) => assert!(!diags.is_empty()),
            other => panic!("{broken:?} gave {other:?}"),
        }
    }
}

#[test]
fn minimal_edit_replaces_only_what_changed() {
    assert_eq!(minimal_edit("abc", "abc"), None);
    assert_eq!(minimal_edit("a  b", "a b"), Some((2, 3, String::new())));
    let (start, end, text) = minimal_edit("å  ä", "å ä").unwrap();
    assert!("å  ä".is_char_boundary(start) && "å  ä".is_char_boundary(end));
    let mut rebuilt = "å  ä".to_string();
    rebuilt.replace_range(start..end, &text);
    assert_eq!(rebuilt, "å ä");
}

fn pejl(args: &[&str], dir: &Path, stdin: Option<&str>) -> std::process::Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_pejl"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("pejl runs");
    if let Some(text) = stdin {
        child
            .stdin
            .take()
            .unwrap()
            .write_all(text.as_bytes())
            .unwrap();
    }
    drop(child.stdin.take());
    child.wait_with_output().unwrap()
}

#[test]
fn cli_check_stdout_stdin_and_write() {
    let dir = tempfile::tempdir().unwrap();
    let messy = "body KF   \"KF\"\n\n\n\nbody KS \"KS\" // styrelsen\n";
    let tidy = "body KF \"KF\"\n\nbody KS \"KS\"  // styrelsen\n";
    std::fs::write(dir.path().join("a.pejl"), messy).unwrap();
    std::fs::write(dir.path().join("b.pejl"), tidy).unwrap();
    std::fs::write(dir.path().join("bad.pejl"), "goal g {\n").unwrap();

    let out = pejl(&["fmt", "--check", "a.pejl", "b.pejl"], dir.path(), None);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "a.pejl");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("a.pejl")).unwrap(),
        messy
    );

    let out = pejl(&["fmt", "--stdout", "a.pejl"], dir.path(), None);
    assert_eq!(String::from_utf8_lossy(&out.stdout), tidy);

    let out = pejl(&["fmt", "-"], dir.path(), Some(messy));
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stdout), tidy);

    let out = pejl(&["fmt", "a.pejl", "b.pejl"], dir.path(), None);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("a.pejl")).unwrap(),
        tidy
    );

    // A file with syntax errors is left alone and its errors are shown.
    let out = pejl(&["fmt", "bad.pejl"], dir.path(), None);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("P0001"));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("bad.pejl")).unwrap(),
        "goal g {\n"
    );

    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 3, "no temporary files left: {names:?}");
}

/// Lone carriage returns are line ends (as editors show them): a comment ends at one, the
/// result is idempotent, and nothing panics.
#[test]
fn lone_carriage_returns_are_line_ends() {
    let once = format("chain //\r{}\nbody KF \"K\" {}\n").expect("formats");
    assert_eq!(format(&once).expect("formats again"), once);
    assert!(once.contains("body KF"), "{once}");
    let text = "vision v \"V\" {\n  // c\r  owner KF\n}\n";
    let once = format(text).expect("formats");
    assert_eq!(once, "vision v \"V\" {\n  // c\n  owner KF\n}\n");
    assert_eq!(format(&once).expect("formats again"), once);
}

fn decomposed(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    text.nfd().collect()
}

/// IDs typed decomposed (`a` + U+030A for `å`, from a PDF or a Mac) are written composed (NFC),
/// the spelling every name is compared in; titles and comments keep their bytes. The result is
/// the same as for the composed input, aligned columns included, and stable.
#[test]
fn decomposed_ids_are_written_composed() {
    let title = decomposed("Företagsklimatet ska förbättras");
    let comment = decomposed("// Målen från kommunfullmäktige, § 88");
    let composed = format!(
        "policy kommun \"Kommunens mål\" {{ period 2024..2027  default rule trafikljus }}\n\
         body KF \"Kommunfullmäktige\"\n\
         chain {{\n  level vision \"Vision\"\n  level område \"Målområde\" under vision\n  level mål \"Mål\" under område measured\n}}\n\
         report årsredovisning \"Årsredovisning\" {{ uses actual  due 12-31  to KF }}\n\
         indicator nki \"Nöjd-Kund-Index\" {{ unit index  higher is better }}\n\
         rule trafikljus \"Trafikljus\" {{\n  green when meets target\n  red otherwise\n  grey when missing\n}}\n\
         vision kommun2040 \"Kommunen 2040\" {{ owner KF }}\n\
         område näringsliv \"Näringsliv\" {{ under kommun2040  owner KF }}\n\
         {comment}\n\
         mål företagsklimat \"{title}\" {{\n  under näringsliv\n  owner KF\n  measure nki\n  baseline 68 in 2022\n  target 75 by 2026\n  follow-up årsredovisning\n}}\n"
    );
    let mut typed = composed.clone();
    for words in [
        "level område",
        "under område",
        "level mål",
        "område näringsliv",
        "under näringsliv",
        "mål företagsklimat",
        "report årsredovisning",
        "follow-up årsredovisning",
    ] {
        assert_eq!(typed.matches(words).count(), 1, "{words}");
        typed = typed.replace(words, &decomposed(words));
    }
    assert_ne!(typed, composed);
    let analysis = pejl::analyze_text(Path::new("kommun.pejl"), &typed);
    assert!(
        analysis.diagnostics.is_empty(),
        "{:#?}",
        analysis.diagnostics
    );

    let expected = format(&composed).unwrap();
    let once = format(&typed).unwrap();
    assert_eq!(once, expected);
    assert!(
        once.contains("  level område \"Målområde\"  under vision\n"),
        "{once}"
    );
    assert!(
        once.contains(&format!("mål företagsklimat \"{title}\" {{")),
        "{once}"
    );
    assert!(once.contains(&comment), "{once}");
    assert_eq!(format(&once).unwrap(), once);
    // A title copied decomposed is aligned by the columns it shows in.
    let title_typed = typed.replacen("\"Målområde\"", &decomposed("\"Målområde\""), 1);
    let title_expected = expected.replacen("\"Målområde\"", &decomposed("\"Målområde\""), 1);
    assert_eq!(format(&title_typed).unwrap(), title_expected);
    // A file already laid out, but with one decomposed ID, is still rewritten.
    let laid_out = once.replacen("under näringsliv", &decomposed("under näringsliv"), 1);
    assert_eq!(format(&laid_out).unwrap(), once);
}
