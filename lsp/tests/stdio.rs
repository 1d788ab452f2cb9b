//! End-to-end tests over stdio against the built `pejl-lsp` binary, with a real JSON-RPC
//! client: open → diagnostics; a burst of rapid edits; a policy split over files; rename
//! across files; robustness against malformed requests; shutdown and exit.

mod common;

use common::{codes, uri, workspace, Client, POLICY};
use serde_json::{json, Value};

#[test]
fn open_publishes_diagnostics_with_code_link_and_version() {
    let text = POLICY.replacen("  owner BUN\n  measure", "  owner BUM\n  measure", 1);
    let (_dir, root) = workspace(&[]);
    let path = root.join("kommun.pejl");
    let mut client = Client::spawn();
    let init = client.initialize(None, &[]);
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-16");
    client.open(&path, &text, 1);
    let params = client.diagnostics(&path);
    assert_eq!(params["version"], 1);
    assert_eq!(codes(&params), vec!["P0101"]);
    let d = &params["diagnostics"][0];
    assert_eq!(d["source"], "pejl");
    assert_eq!(d["severity"], 1);
    assert!(d["message"]
        .as_str()
        .unwrap()
        .starts_with("the owner `BUM` does not exist\nhelp: did you mean `BUN`?"));
    let href = d["codeDescription"]["href"].as_str().unwrap();
    assert!(
        href.starts_with("file://")
            && href.ends_with(&format!(
                "diagnostics.md#L{}",
                pejl::explain::heading_line(pejl::Code::P0101).unwrap()
            )),
        "{href}"
    );
    // The range is on the line of `owner BUM`, in UTF-16 units.
    let line = text[..text.find("owner BUM").unwrap()]
        .matches('\n')
        .count();
    assert_eq!(
        d["range"],
        json!({"start": {"line": line, "character": 8}, "end": {"line": line, "character": 11}})
    );
    // Fixing it clears the list, for the new version.
    client.change(&path, POLICY, 2);
    let params = client.diagnostics(&path);
    assert_eq!(params["version"], 2);
    assert!(codes(&params).is_empty());
    assert!(client.shutdown().success());
}

#[test]
fn a_burst_of_edits_ends_with_the_diagnostics_of_the_last_text_and_version() {
    let (_dir, root) = workspace(&[]);
    let path = root.join("kommun.pejl");
    let mut client = Client::spawn();
    client.initialize(None, &[]);
    client.open(&path, POLICY, 0);
    client.diagnostics(&path);
    // 200 edits without waiting: type a misspelt owner letter by letter, then some noise.
    let mut last = String::new();
    for version in 1..=200 {
        let owner: String = "BUNXYZ".chars().cycle().take(version % 7).collect();
        last = POLICY.replacen(
            "  owner BUN\n  measure",
            &format!("  owner {owner}\n  measure"),
            1,
        );
        if version % 10 == 0 {
            last.push_str(&format!("\n// edit {version} 🎯\n"));
        }
        client.change(&path, &last, version as i64);
    }
    let params = client.diagnostics_where(&path, |p| p["version"] == 200);
    // What the library says about the final text, converted, is what was published.
    let expected = pejl::analyze_text(&path, &last);
    let expected_codes: Vec<&str> = expected
        .diagnostics
        .iter()
        .map(|d| d.code.as_str())
        .collect();
    assert_eq!(codes(&params), expected_codes);
    assert!(
        !expected_codes.is_empty(),
        "version 200 has a misspelt owner"
    );
    // Nothing older arrives after it.
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri(&path)}, "position": {"line": 0, "character": 8}}),
    );
    assert!(hover["contents"]["value"]
        .as_str()
        .unwrap()
        .contains("**policy** `kommun`"));
    // Versions were published in order, and none after 200.
    let versions: Vec<i64> = client
        .published
        .iter()
        .filter(|(u, _)| *u == uri(&path))
        .filter_map(|(_, v)| *v)
        .collect();
    assert!(versions.windows(2).all(|w| w[0] <= w[1]), "{versions:?}");
    assert_eq!(versions.last(), Some(&200));
    assert!(client.shutdown().success());
}

/// A root policy and an included file with the goals; an error in the included file.
fn split_policy() -> (String, String) {
    let start = POLICY.find("mål företagsklimat").unwrap();
    let end = POLICY.find("indicator nki").unwrap();
    let goals = POLICY[start..end].replacen("measure nki", "measure nkj", 1);
    let root = format!(
        "{}include \"mål/verksamhet.pejl\"\n\n{}",
        &POLICY[..start],
        &POLICY[end..]
    );
    (root, goals)
}

#[test]
fn a_policy_split_over_files_works_across_files() {
    let (root_text, goals_text) = split_policy();
    let (_dir, root) = workspace(&[
        ("kommun.pejl", &root_text),
        ("mål/verksamhet.pejl", &goals_text),
    ]);
    let main = root.join("kommun.pejl");
    let goals = root.join("mål/verksamhet.pejl");
    let mut client = Client::spawn();
    client.initialize(Some(&root), &[]);
    // The included file is not open, and its error is published.
    let params = client.diagnostics(&goals);
    assert_eq!(codes(&params), vec!["P0101"]);
    assert!(params["version"].is_null());
    assert!(params["diagnostics"][0]["message"]
        .as_str()
        .unwrap()
        .contains("did you mean `nki`?"));
    // Open it: the buffer wins over the disk; fix it in the buffer.
    client.open(&goals, &goals_text, 1);
    client.change(&goals, &goals_text.replace("measure nkj", "measure nki"), 2);
    let params = client.diagnostics_where(&goals, |p| p["version"] == 2);
    assert!(codes(&params).is_empty());
    // Definition from the included file to the root file.
    let line = goals_text[..goals_text.find("under näringsliv").unwrap()]
        .matches('\n')
        .count();
    let def = client.request(
        "textDocument/definition",
        json!({"textDocument": {"uri": uri(&goals)}, "position": {"line": line, "character": 9}}),
    );
    assert_eq!(def["uri"], uri(&main));
    let decl_line = root_text[..root_text.find("område näringsliv").unwrap()]
        .matches('\n')
        .count();
    assert_eq!(
        def["range"]["start"],
        json!({"line": decl_line, "character": 7})
    );
    // References of the body KF include both files.
    let refs = client.request(
        "textDocument/references",
        json!({"textDocument": {"uri": uri(&main)}, "position": {"line": 7, "character": 6}, "context": {"includeDeclaration": true}}),
    );
    let files: Vec<&str> = refs
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["uri"].as_str().unwrap())
        .collect();
    assert!(files.contains(&uri(&main).as_str()));
    // An error made in the root shows in the root only; the included file stays clean.
    client.open(&main, &root_text, 1);
    client.change(&main, &root_text.replace("body BUN", "body BUX"), 2);
    let params = client.diagnostics_where(&main, |p| p["version"] == 2);
    assert!(codes(&params).is_empty(), "{params}");
    let params = client.diagnostics_where(&goals, |p| !codes(p).is_empty());
    assert_eq!(codes(&params), vec!["P0101"]);
    assert_eq!(
        params["version"], 2,
        "the included file is open at version 2"
    );
    assert!(client.shutdown().success());
}

#[test]
fn rename_across_files_and_refusals() {
    let (root_text, goals_text) = split_policy();
    let goals_text = goals_text.replace("measure nkj", "measure nki");
    let (_dir, root) = workspace(&[
        ("kommun.pejl", &root_text),
        ("mål/verksamhet.pejl", &goals_text),
    ]);
    let main = root.join("kommun.pejl");
    let goals = root.join("mål/verksamhet.pejl");
    let mut client = Client::spawn();
    client.initialize(Some(&root), &[]);
    client.open(&main, &root_text, 1);
    client.diagnostics(&main);
    let line = root_text[..root_text.find("område näringsliv").unwrap()]
        .matches('\n')
        .count();
    let at = json!({"line": line, "character": 10});
    let prepared = client.request(
        "textDocument/prepareRename",
        json!({"textDocument": {"uri": uri(&main)}, "position": at}),
    );
    assert_eq!(prepared["placeholder"], "näringsliv");
    assert_eq!(
        prepared["range"]["start"],
        json!({"line": line, "character": 7})
    );
    assert_eq!(
        prepared["range"]["end"],
        json!({"line": line, "character": 17})
    );
    let edit = client.request(
        "textDocument/rename",
        json!({"textDocument": {"uri": uri(&main)}, "position": at, "newName": "næringsliv"}),
    );
    let changes = edit["changes"].as_object().unwrap();
    assert_eq!(changes.len(), 2, "{edit}");
    assert_eq!(changes[&uri(&goals)][0]["newText"], "næringsliv");
    assert_eq!(changes[&uri(&main)][0]["newText"], "næringsliv");
    // Invalid names and collisions are refused with a message.
    for (name, message) in [
        ("9liv", "not a valid ID"),
        ("KF", "already the ID of a body"),
        ("under", "keyword"),
    ] {
        let response = client.request_raw(
            "textDocument/rename",
            json!({"textDocument": {"uri": uri(&main)}, "position": at, "newName": name}),
        );
        let error = response["error"]["message"]
            .as_str()
            .unwrap_or_else(|| panic!("{response}"));
        assert!(error.contains(message), "{name}: {error}");
    }
    assert!(client.shutdown().success());
}

#[test]
fn malformed_requests_are_answered_and_the_server_goes_on() {
    let (_dir, root) = workspace(&[]);
    let path = root.join("kommun.pejl");
    let mut client = Client::spawn();
    client.initialize(None, &[]);
    client.open(&path, POLICY, 1);
    client.diagnostics(&path);
    // Unknown document, position far past the end, missing parameters, unknown method.
    let unknown = root.join("nowhere.pejl");
    let r = client.request_raw(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri(&unknown)}, "position": {"line": 0, "character": 0}}),
    );
    assert_eq!(r["result"], Value::Null);
    let r = client.request_raw("textDocument/hover", json!({"textDocument": {"uri": uri(&path)}, "position": {"line": 99999, "character": 99999}}));
    assert!(r.get("error").is_none(), "{r}");
    let r = client.request_raw(
        "textDocument/completion",
        json!({"textDocument": {"uri": uri(&path)}, "position": {"line": 3, "character": 4000}}),
    );
    assert!(r.get("error").is_none(), "{r}");
    let r = client.request_raw("textDocument/hover", json!({"textDocument": 42}));
    assert!(r.get("error").is_some(), "{r}");
    let r = client.request_raw("pejl/unknown", json!({}));
    assert!(r.get("error").is_some(), "{r}");
    client
        .send_raw("{\"jsonrpc\":\"2.0\",\"id\":999,\"method\":\"textDocument/hover\",\"params\":");
    client.send_raw("{}");
    client.notify("textDocument/didChange", json!({"textDocument": {"uri": uri(&unknown), "version": 3}, "contentChanges": [{"text": "x"}]}));
    client.notify("textDocument/didChange", json!({"nonsense": true}));
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri(&path), "version": 2}, "contentChanges": [{"range": {"start": {"line": 500, "character": 0}, "end": {"line": 400, "character": 3}}, "text": "ö"}]}),
    );
    // Still alive and answering.
    let r = client.request(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": uri(&path)}}),
    );
    assert!(r.as_array().unwrap().len() > 3);
    // A file deleted while open, and invalid UTF-8 on disk in the workspace.
    let (_dir2, ws) = workspace(&[("trasig.pejl", "")]);
    std::fs::write(ws.join("trasig.pejl"), b"policy p \"\xff\xfe\"\n").unwrap();
    let mut other = Client::spawn();
    other.initialize(Some(&ws), &[]);
    let params = other.diagnostics(&ws.join("trasig.pejl"));
    assert!(codes(&params).contains(&"P0004".to_string()), "{params}");
    let gone = ws.join("borta.pejl");
    std::fs::write(&gone, POLICY).unwrap();
    other.open(&gone, POLICY, 1);
    other.diagnostics(&gone);
    std::fs::remove_file(&gone).unwrap();
    other.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": uri(&gone), "type": 3}]}),
    );
    other.change(&gone, &POLICY.replace("owner BUN", "owner BUM"), 2);
    assert_eq!(
        codes(&other.diagnostics_where(&gone, |p| p["version"] == 2)),
        vec!["P0101"]
    );
    assert!(other.shutdown().success());
    assert!(client.shutdown().success());
}

#[test]
fn utf8_positions_when_the_client_offers_them() {
    let (_dir, root) = workspace(&[]);
    let path = root.join("kommun.pejl");
    let text = POLICY.replacen("  owner BUN\n  measure", "  owner BUM\n  measure", 1);
    let mut client = Client::spawn();
    let init = client.initialize(None, &["utf-8", "utf-16"]);
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-8");
    client.open(&path, &text, 1);
    let params = client.diagnostics(&path);
    assert_eq!(params["diagnostics"][0]["range"]["start"]["character"], 8);
    // On a line with å and an emoji, UTF-8 columns count bytes.
    let line = text[..text.find("vision kommun2040").unwrap()]
        .matches('\n')
        .count();
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri(&path)}, "position": {"line": line, "character": 8}}),
    );
    assert!(hover["contents"]["value"]
        .as_str()
        .unwrap()
        .contains("Kommunen 2040 🌲"));
    assert!(client.shutdown().success());
}

#[test]
fn a_workspace_at_the_root_of_the_disk_initializes_and_serves() {
    let (_dir, root) = workspace(&[]);
    let path = root.join("kommun.pejl");
    let mut client = Client::spawn();
    let started = std::time::Instant::now();
    let init = client.initialize(Some(std::path::Path::new("/")), &[]);
    assert!(init["capabilities"]["hoverProvider"] == true, "{init}");
    assert!(started.elapsed() < std::time::Duration::from_secs(30));
    client.open(&path, POLICY, 1);
    let symbols = client.request(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": uri(&path)}}),
    );
    assert!(symbols.as_array().is_some_and(|s| !s.is_empty()));
    assert!(client.shutdown().success());
}
