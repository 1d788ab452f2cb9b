//! The `pejl` command line, run as a user would: exit codes, output formats, atomic builds.

mod common;
use common::{pejl, stdout, workspace, VALID};

#[test]
fn check_exit_codes() {
    let broken = VALID.replace("owner KF\n  measure", "owner KX\n  measure");
    let (_dir, root) = workspace(&[("ok.pejl", VALID), ("bad/broken.pejl", &broken)]);
    assert_eq!(pejl(&["check", "ok.pejl"], &root).status.code(), Some(0));
    let out = pejl(&["check", "bad/broken.pejl"], &root);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("P0101"), "{}", stdout(&out));
    assert!(
        stdout(&out).contains("did you mean `KF`?"),
        "{}",
        stdout(&out)
    );
    // A folder means every .pejl under it.
    assert_eq!(pejl(&["check", "."], &root).status.code(), Some(1));
    assert_eq!(
        pejl(&["check", "missing.pejl"], &root).status.code(),
        Some(2)
    );
}

#[test]
fn deny_warnings_fails_on_warnings() {
    let warned = VALID.replace("  owner KF\n  measure", "  measure");
    let (_dir, root) = workspace(&[("w.pejl", &warned)]);
    assert_eq!(pejl(&["check", "w.pejl"], &root).status.code(), Some(0));
    assert_eq!(
        pejl(&["check", "--deny-warnings", "w.pejl"], &root)
            .status
            .code(),
        Some(1)
    );
}

#[test]
fn check_json_has_the_documented_shape() {
    let broken = VALID.replace("owner KF\n  measure", "owner KX\n  measure");
    let (_dir, root) = workspace(&[("b.pejl", &broken)]);
    let out = pejl(&["check", "--format", "json", "b.pejl"], &root);
    assert_eq!(out.status.code(), Some(1));
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON object");
    assert_eq!(value["errors"], 1);
    assert_eq!(value["warnings"], 0);
    assert_eq!(value["hints"], 0);
    let d = &value["diagnostics"][0];
    let keys: Vec<&str> = d.as_object().unwrap().keys().map(String::as_str).collect();
    for key in [
        "code",
        "severity",
        "message",
        "file",
        "line",
        "column",
        "end_line",
        "end_column",
        "labels",
        "help",
    ] {
        assert!(keys.contains(&key), "missing {key} in {d}");
    }
    assert_eq!(d["code"], "P0101");
    assert_eq!(d["severity"], "error");
    assert_eq!(d["file"], "b.pejl");
    assert_eq!(d["line"], 17);
    assert_eq!(d["column"], 9);
    assert_eq!(d["end_column"], 11);
}

#[test]
fn check_sarif_and_github() {
    let broken = VALID.replace("owner KF\n  measure", "owner KX\n  measure");
    let (_dir, root) = workspace(&[("b.pejl", &broken)]);
    let out = pejl(&["check", "--format", "sarif", "b.pejl"], &root);
    let sarif: serde_json::Value = serde_json::from_slice(&out.stdout).expect("SARIF is JSON");
    assert_eq!(sarif["version"], "2.1.0");
    let result = &sarif["runs"][0]["results"][0];
    assert_eq!(result["ruleId"], "P0101");
    assert_eq!(result["level"], "error");
    assert_eq!(
        result["locations"][0]["physicalLocation"]["region"]["startLine"],
        17
    );
    let out = pejl(&["check", "--format", "github", "b.pejl"], &root);
    let text = stdout(&out);
    assert!(
        text.starts_with("::error file=b.pejl,line=17,col=9,endLine=17,endColumn=11,title=P0101"),
        "{text}"
    );
}

#[test]
fn build_writes_json_atomically_and_not_on_errors() {
    let broken = VALID.replace("owner KF\n  measure", "owner KX\n  measure");
    let (_dir, root) = workspace(&[("ok.pejl", VALID), ("bad.pejl", &broken)]);
    let out = pejl(&["build", "ok.pejl", "-o", "out.json"], &root);
    assert_eq!(out.status.code(), Some(0));
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root.join("out.json")).unwrap()).unwrap();
    assert_eq!(json["format"], "pejl/1");
    // A failed build leaves the previous output as it was.
    let out = pejl(&["build", "bad.pejl", "-o", "out.json"], &root);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("P0101"));
    let again: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root.join("out.json")).unwrap()).unwrap();
    assert_eq!(json, again);
    // No temporary files are left behind.
    let leftovers: Vec<_> = std::fs::read_dir(&root)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| !["ok.pejl", "bad.pejl", "out.json"].contains(&n.as_str()))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    // Without -o the JSON goes to standard output, the same bytes each time.
    let first = pejl(&["build", "ok.pejl"], &root);
    let second = pejl(&["build", "ok.pejl"], &root);
    assert_eq!(first.stdout, second.stdout);
    assert!(stdout(&first).contains("\"format\": \"pejl/1\""));
}

#[test]
fn explain_and_schema() {
    let dir = tempfile::tempdir().unwrap();
    let out = pejl(&["explain", "P0101"], dir.path());
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).starts_with("P0101: "), "{}", stdout(&out));
    let out = pejl(&["explain", "p0302"], dir.path());
    assert_eq!(out.status.code(), Some(0));
    let out = pejl(&["explain", "X1"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    let out = pejl(&["schema"], dir.path());
    let schema: serde_json::Value = serde_json::from_slice(&out.stdout).expect("schema is JSON");
    assert!(schema["properties"]["goals"].is_object(), "{schema}");
}

#[cfg(unix)]
#[test]
fn written_files_keep_their_permissions_and_new_ones_are_not_private() {
    use std::os::unix::fs::PermissionsExt;
    let messy = VALID.replace("  owner KF", "      owner KF");
    let (_dir, root) = workspace(&[("shared.pejl", &messy)]);
    let policy = root.join("shared.pejl");
    std::fs::set_permissions(&policy, std::fs::Permissions::from_mode(0o664)).unwrap();
    let out = pejl(&["fmt", "shared.pejl"], &root);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_ne!(std::fs::read_to_string(&policy).unwrap(), messy);
    let mode = std::fs::metadata(&policy).unwrap().permissions().mode() & 0o777;
    assert_eq!(
        mode, 0o664,
        "fmt changed the policy's permissions to {mode:o}"
    );
    // A new output file is readable by others (as the umask allows), not 0600 like a temp file.
    let out = pejl(&["build", "shared.pejl", "-o", "out.json"], &root);
    assert_eq!(out.status.code(), Some(0));
    let mode = std::fs::metadata(root.join("out.json"))
        .unwrap()
        .permissions()
        .mode()
        & 0o777;
    assert_ne!(mode & 0o044, 0, "out.json was written with mode {mode:o}");
}

#[test]
fn new_starts_a_policy_from_a_template_and_never_overwrites() {
    let (_dir, root) = workspace(&[]);
    let out = pejl(&["new", "ystad", "--template", "dragor"], &root);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(root.join("ystad.pejl")).unwrap();
    assert!(text.contains("\npolitik ystad \""), "{text}");
    let out = pejl(&["check", "--deny-warnings", "ystad.pejl"], &root);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    // A second time: the file exists, nothing is written.
    std::fs::write(root.join("ystad.pejl"), "// mine\n").unwrap();
    let out = pejl(&["new", "ystad"], &root);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        std::fs::read_to_string(root.join("ystad.pejl")).unwrap(),
        "// mine\n"
    );
    let out = pejl(&["new", "9x"], &root);
    assert_eq!(out.status.code(), Some(2));
    let out = pejl(&["new", "x", "--template", "malmo"], &root);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("`dorotea`, `dragor`"));
}

#[test]
fn graph_takes_its_format_from_the_output_file() {
    let (_dir, root) = workspace(&[("p.pejl", VALID)]);
    for (file, start) in [
        ("g.svg", "<svg "),
        ("g.mmd", "flowchart"),
        ("g.dot", "digraph"),
    ] {
        let out = pejl(&["graph", "p.pejl", "-o", file], &root);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = std::fs::read_to_string(root.join(file)).unwrap();
        assert!(
            text.starts_with(start),
            "{file}: {}",
            &text[..40.min(text.len())]
        );
    }
    let out = pejl(&["new", "no/such/folder/x"], &root);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("the folder `no/such/folder` does not exist")
    );
}

#[test]
fn a_missing_data_file_is_a_usage_error() {
    let (_dir, root) = workspace(&[("p.pejl", VALID)]);
    let out = pejl(
        &[
            "report", "p.pejl", "--data", "nope.csv", "--year", "2025", "--report", "annual",
        ],
        &root,
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim(),
        "error: `nope.csv` is not a file"
    );
    let out = pejl(&["check", "nope.pejl"], &root);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no such file or folder"));
}

/// `include "Klima.pejl"` works on Windows and macOS when the file is `klima.pejl`, but not on
/// Linux or in CI: the help names the file as it is spelt.
#[test]
fn include_with_the_wrong_case_names_the_file() {
    let main = VALID.replacen('\n', "\ninclude \"Klima.pejl\"\n", 1);
    let (_dir, root) = workspace(&[("main.pejl", &main), ("klima.pejl", "// klima\n")]);
    let out = pejl(&["check", "--format", "json", "main.pejl"], &root);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let d = &json["diagnostics"][0];
    assert_eq!(d["code"], "P0105");
    assert_eq!(
        d["help"],
        "the folder has `klima.pejl`: file names are case-sensitive, so write `klima.pejl`"
    );
}
