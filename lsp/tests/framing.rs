//! Protocol transcripts with broken frames and messages, fed to the built `pejl-lsp` binary:
//! each broken message is answered with a JSON-RPC error when it has an id, and the server
//! goes on answering the messages after it.

mod common;

use common::{uri, workspace, Client, POLICY};
use serde_json::{json, Value};
use std::time::{Duration, Instant};

/// A server with `kommun.pejl` open, and the file's path.
fn serving() -> (Client, std::path::PathBuf, common::tempdir::TempDir) {
    let (dir, root) = workspace(&[]);
    let path = root.join("kommun.pejl");
    let mut client = Client::spawn();
    client.initialize(None, &[]);
    client.open(&path, POLICY, 1);
    client.diagnostics(&path);
    (client, path, dir)
}

/// A hover request with `id`, as JSON text.
fn hover(id: i64, path: &std::path::Path) -> String {
    json!({"jsonrpc": "2.0", "id": id, "method": "textDocument/hover",
           "params": {"textDocument": {"uri": uri(path)}, "position": {"line": 0, "character": 8}}})
    .to_string()
}

fn framed(body: &str) -> String {
    format!("Content-Length: {}\r\n\r\n{body}", body.len())
}

/// The server still answers: a hover with `id` gets its result.
fn answers(client: &mut Client, id: i64, path: &std::path::Path) {
    client.write_bytes(framed(&hover(id, path)).as_bytes());
    let response = client.response_to(&json!(id));
    assert!(
        response["result"]["contents"]["value"]
            .as_str()
            .is_some_and(|v| v.contains("kommun")),
        "{response}"
    );
}

fn error_code(response: &Value) -> i64 {
    response["error"]["code"]
        .as_i64()
        .unwrap_or_else(|| panic!("not an error: {response}"))
}

/// The most memory the process has held, in bytes (Linux).
fn peak_memory(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

#[test]
fn requests_with_ids_the_protocol_cannot_use_are_invalid_requests_answered_with_id_null() {
    let (mut client, path, _dir) = serving();
    for id in [
        "{}",
        "true",
        "1.5",
        "[]",
        "18446744073709551616",
        "-9223372036854775809",
    ] {
        let body =
            format!(r#"{{"jsonrpc":"2.0","id":{id},"method":"textDocument/hover","params":{{}}}}"#);
        client.write_bytes(framed(&body).as_bytes());
        let response = client.response_to(&Value::Null);
        assert_eq!(error_code(&response), -32600, "id {id}: {response}");
    }
    answers(&mut client, 1000, &path);
    assert!(client.shutdown().success());
}

#[test]
fn invalid_json_with_a_readable_id_and_jsonrpc_1_0_are_answered_with_the_id() {
    let (mut client, path, _dir) = serving();
    client.send_raw(r#"{"jsonrpc":"2.0","id":77,"method":"textDocument/hover","params":{"#);
    assert_eq!(error_code(&client.response_to(&json!(77))), -32700);
    client.send_raw(r#"{"jsonrpc":"2.0","id":"s-78","method":"textDocument/hover",}"#);
    assert_eq!(error_code(&client.response_to(&json!("s-78"))), -32700);
    client.send_raw(r#"{"jsonrpc":"1.0","id":79,"method":"textDocument/hover","params":{}}"#);
    assert_eq!(error_code(&client.response_to(&json!(79))), -32600);
    client.send_raw(r#"{"id":80,"method":"textDocument/hover","params":{}}"#);
    assert_eq!(error_code(&client.response_to(&json!(80))), -32600);
    client.send_raw(r#"{"jsonrpc":"2.0","id":81}"#);
    assert_eq!(error_code(&client.response_to(&json!(81))), -32600);
    client.send_raw(r#"[{"jsonrpc":"2.0","id":82,"method":"shutdown"}]"#);
    assert_eq!(error_code(&client.response_to(&Value::Null)), -32600);
    // A response the framework could not decode is dropped, not fatal.
    client.send_raw(r#"{"jsonrpc":"2.0","id":{},"result":1}"#);
    answers(&mut client, 1000, &path);
    assert!(client.shutdown().success());
}

#[test]
fn a_non_numeric_content_length_is_answered_and_the_next_message_is_read() {
    let (mut client, path, _dir) = serving();
    let bad = hover(90, &path);
    client.write_bytes(format!("Content-Length: abc\r\n\r\n{bad}").as_bytes());
    client.write_bytes(framed(&hover(91, &path)).as_bytes());
    assert_eq!(error_code(&client.response_to(&json!(90))), -32700);
    answers(&mut client, 92, &path);
    // Also when nothing follows at once (the error comes when the input pauses).
    client.write_bytes(format!("Content-Length: 1e3\r\n\r\n{}", hover(93, &path)).as_bytes());
    assert_eq!(error_code(&client.response_to(&json!(93))), -32700);
    answers(&mut client, 94, &path);
    assert!(client.shutdown().success());
}

#[test]
fn two_different_content_lengths_are_answered_and_the_next_message_is_read() {
    let (mut client, path, _dir) = serving();
    let bad = hover(95, &path);
    client.write_bytes(
        format!(
            "Content-Length: 10\r\nContent-Length: {}\r\n\r\n{bad}",
            bad.len()
        )
        .as_bytes(),
    );
    client.write_bytes(framed(&hover(96, &path)).as_bytes());
    assert_eq!(error_code(&client.response_to(&json!(95))), -32700);
    answers(&mut client, 97, &path);
    // The same length twice is one length.
    let good = hover(98, &path);
    client.write_bytes(
        format!(
            "Content-Length: {0}\r\nContent-Length: {0}\r\n\r\n{good}",
            good.len()
        )
        .as_bytes(),
    );
    assert!(client.response_to(&json!(98))["result"].is_object());
    assert!(client.shutdown().success());
}

#[test]
fn a_content_length_longer_than_the_body_is_answered_and_the_next_message_is_read() {
    let (mut client, path, _dir) = serving();
    // The next message follows at once, inside the declared length.
    let short = hover(100, &path);
    client.write_bytes(format!("Content-Length: {}\r\n\r\n{short}", short.len() + 40).as_bytes());
    client.write_bytes(framed(&hover(101, &path)).as_bytes());
    assert_eq!(error_code(&client.response_to(&json!(100))), -32700);
    assert!(client.response_to(&json!(101))["result"].is_object());
    // Nothing follows: the input pauses after a complete message.
    let short = hover(102, &path);
    client.write_bytes(format!("Content-Length: {}\r\n\r\n{short}", short.len() + 4000).as_bytes());
    assert_eq!(error_code(&client.response_to(&json!(102))), -32700);
    answers(&mut client, 103, &path);
    // A body without any header, and bytes that are no message at all.
    client.write_bytes(hover(104, &path).as_bytes());
    assert_eq!(error_code(&client.response_to(&json!(104))), -32700);
    client.write_bytes(b"hello\r\n\r\n\x00\xff");
    answers(&mut client, 105, &path);
    assert!(client.shutdown().success());
}

#[test]
fn a_message_larger_than_the_limit_is_refused_without_holding_it() {
    let (mut client, path, _dir) = serving();
    let limit = pejl_lsp::framing::MAX_MESSAGE;
    // A request of 65 MiB, streamed: answered with an error naming the limit.
    let head = r#"{"jsonrpc":"2.0","id":110,"method":"textDocument/hover","params":{"pad":""#;
    let tail = r#""}}"#;
    let length = limit + (1 << 20);
    client.write_bytes(format!("Content-Length: {length}\r\n\r\n{head}").as_bytes());
    let chunk = vec![b'a'; 1 << 20];
    let mut left = length - head.len() - tail.len();
    while left > 0 {
        let n = left.min(chunk.len());
        client.write_bytes(&chunk[..n]);
        left -= n;
    }
    client.write_bytes(tail.as_bytes());
    let response = client.response_to(&json!(110));
    assert_eq!(error_code(&response), -32600);
    assert!(
        response["error"]["message"]
            .as_str()
            .unwrap()
            .contains("64 MiB"),
        "{response}"
    );
    answers(&mut client, 111, &path);
    // A header claiming 512 MiB before a short request: nothing of that size is reserved.
    let short = hover(112, &path);
    client.write_bytes(format!("Content-Length: {}\r\n\r\n{short}", 512 << 20).as_bytes());
    assert_eq!(error_code(&client.response_to(&json!(112))), -32700);
    answers(&mut client, 113, &path);
    if let Some(peak) = peak_memory(client.pid()) {
        assert!(peak < (limit as u64) / 2, "peak memory {peak} bytes");
    }
    assert!(client.shutdown().success());
}

#[test]
fn an_oversized_notification_is_reported_to_the_user() {
    let (mut client, path, _dir) = serving();
    let length = pejl_lsp::framing::MAX_MESSAGE + 1;
    let head = r#"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"text":""#;
    client.write_bytes(format!("Content-Length: {length}\r\n\r\n{head}").as_bytes());
    let chunk = vec![b'a'; 1 << 20];
    let mut left = length - head.len();
    while left > 0 {
        let n = left.min(chunk.len());
        client.write_bytes(&chunk[..n]);
        left -= n;
    }
    let shown = client
        .message_where(|m| m["method"] == "window/showMessage")
        .expect("a message for the user");
    let text = shown["params"]["message"].as_str().unwrap();
    assert!(
        text.contains("textDocument/didOpen") && text.contains("64 MiB"),
        "{text}"
    );
    answers(&mut client, 120, &path);
    assert!(client.shutdown().success());
}

/// A valid policy with `goals` goals (about 190 bytes each).
fn large_policy(goals: usize) -> String {
    let mut text = POLICY.to_string();
    for i in 0..goals {
        text.push_str(&format!(
            "\nmål g{i} \"Mål nummer {i}\" {{\n  under näringsliv\n  owner BUN\n  measure nki\n  \
             baseline 68 in 2022\n  target 75 by 2026\n  follow-up årsredovisning\n}}\n"
        ));
    }
    text
}

#[test]
fn exit_ends_the_process_without_waiting_for_an_analysis_in_progress() {
    let (_dir, root) = workspace(&[]);
    let path = root.join("stor.pejl");
    let text = large_policy(20_000);
    // How long the analysis takes here (the test's library is built like the server's).
    let started = Instant::now();
    let _ = pejl::analyze_text(&path, &text);
    let analysis = started.elapsed();
    let mut client = Client::spawn();
    client.initialize(None, &[]);
    client.open(&path, &text, 1);
    let opened = Instant::now();
    // Let the server start on it; `shutdown` is answered meanwhile; then say exit.
    std::thread::sleep(Duration::from_millis(300));
    let response = client.request_raw("shutdown", Value::Null);
    assert!(response.get("error").is_none(), "{response}");
    client.notify("exit", Value::Null);
    let asked = Instant::now();
    let status = client
        .wait_exit(Duration::from_secs(60))
        .expect("the server exits");
    let (exiting, open) = (asked.elapsed(), opened.elapsed());
    eprintln!("analysis {analysis:?}, exit {exiting:?}, since didOpen {open:?}");
    assert!(status.success(), "{status:?}");
    assert!(
        exiting < Duration::from_secs(2) && open < analysis / 2,
        "exit took {exiting:?}, {open:?} after didOpen; an analysis takes {analysis:?}"
    );
}
