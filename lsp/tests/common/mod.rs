//! A small JSON-RPC client for end-to-end tests: spawns the built `pejl-lsp` binary and
//! speaks the Language Server Protocol to it over stdio, as an editor would.
#![allow(dead_code)]

use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

pub struct Client {
    child: Child,
    stdin: Option<ChildStdin>,
    incoming: Receiver<Value>,
    next_id: i64,
    /// Notifications and server requests received while waiting for something else.
    pub backlog: Vec<Value>,
    /// Every `publishDiagnostics` received: (uri, version), in order.
    pub published: Vec<(String, Option<i64>)>,
}

/// A file URI, percent-encoded as VS Code writes them (`å` → `%C3%A5`).
pub fn uri(path: &Path) -> String {
    let mut out = String::from("file://");
    for b in path.to_string_lossy().bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// A fresh temporary folder with the given files.
pub fn workspace(files: &[(&str, &str)]) -> (tempdir::TempDir, PathBuf) {
    let dir = tempdir::TempDir::new();
    let root = dir.path().to_path_buf();
    for (name, text) in files {
        let path = root.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    (dir, root)
}

pub mod tempdir {
    use std::path::{Path, PathBuf};
    use std::sync::atomic::{AtomicUsize, Ordering};

    pub struct TempDir(PathBuf);

    impl TempDir {
        pub fn new() -> Self {
            static COUNT: AtomicUsize = AtomicUsize::new(0);
            let path = std::env::temp_dir().join(format!(
                "pejl-lsp-test-{}-{}",
                std::process::id(),
                COUNT.fetch_add(1, Ordering::SeqCst)
            ));
            let _ = std::fs::remove_dir_all(&path);
            std::fs::create_dir_all(&path).unwrap();
            TempDir(path)
        }

        pub fn path(&self) -> &Path {
            &self.0
        }
    }

    impl Drop for TempDir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
}

impl Client {
    pub fn spawn() -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_pejl-lsp"))
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("the pejl-lsp binary starts");
        let stdout = child.stdout.take().unwrap();
        let stdin = child.stdin.take();
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            loop {
                let mut length = None;
                loop {
                    let mut line = String::new();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(n) = line.strip_prefix("Content-Length: ") {
                        length = n.parse::<usize>().ok();
                    }
                }
                let Some(length) = length else { return };
                let mut body = vec![0; length];
                if reader.read_exact(&mut body).is_err() {
                    return;
                }
                let Ok(value) = serde_json::from_slice::<Value>(&body) else {
                    return;
                };
                if tx.send(value).is_err() {
                    return;
                }
            }
        });
        Client {
            child,
            stdin,
            incoming: rx,
            next_id: 1,
            backlog: Vec::new(),
            published: Vec::new(),
        }
    }

    pub fn send_raw(&mut self, body: &str) {
        let stdin = self.stdin.as_mut().expect("stdin open");
        write!(stdin, "Content-Length: {}\r\n\r\n{}", body.len(), body).unwrap();
        stdin.flush().unwrap();
    }

    /// Writes bytes as they are, without a header.
    pub fn write_bytes(&mut self, bytes: &[u8]) {
        let stdin = self.stdin.as_mut().expect("stdin open");
        stdin.write_all(bytes).unwrap();
        stdin.flush().unwrap();
    }

    /// The response whose id is `id` (any JSON value, `null` included).
    pub fn response_to(&mut self, id: &Value) -> Value {
        self.message_where(|m| m.get("id") == Some(id) && m.get("method").is_none())
            .unwrap_or_else(|| panic!("no response with id {id}"))
    }

    /// The next message that satisfies `accept`, within 30 s; others are handled as usual.
    pub fn message_where(&mut self, accept: impl Fn(&Value) -> bool) -> Option<Value> {
        if let Some(i) = self.backlog.iter().position(&accept) {
            return Some(self.backlog.remove(i));
        }
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let message = self.next_message(deadline)?;
            if accept(&message) {
                return Some(message);
            }
            self.handle_incoming(message);
        }
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Waits up to `limit` for the process to end.
    pub fn wait_exit(&mut self, limit: Duration) -> Option<std::process::ExitStatus> {
        let deadline = Instant::now() + limit;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return Some(status);
            }
            if Instant::now() > deadline {
                return None;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    pub fn send(&mut self, message: Value) {
        self.send_raw(&message.to_string());
    }

    pub fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Sends a request and returns the whole response (with `result` or `error`).
    pub fn request_raw(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        self.wait_response(id)
    }

    pub fn wait_response(&mut self, id: i64) -> Value {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let message = self
                .next_message(deadline)
                .unwrap_or_else(|| panic!("no response to request {id}"));
            if message.get("id") == Some(&json!(id)) && message.get("method").is_none() {
                return message;
            }
            self.handle_incoming(message);
        }
    }

    /// Answers requests from the server (configuration, registration) and keeps notifications.
    fn handle_incoming(&mut self, message: Value) {
        if message["method"] == "textDocument/publishDiagnostics" {
            self.published.push((
                message["params"]["uri"].as_str().unwrap_or("").to_string(),
                message["params"]["version"].as_i64(),
            ));
        }
        if message.get("method").is_some() && message.get("id").is_some() {
            let id = message["id"].clone();
            self.send(json!({"jsonrpc": "2.0", "id": id, "result": null}));
        } else {
            self.backlog.push(message);
        }
    }

    fn next_message(&mut self, deadline: Instant) -> Option<Value> {
        let left = deadline.saturating_duration_since(Instant::now());
        match self.incoming.recv_timeout(left) {
            Ok(v) => Some(v),
            Err(RecvTimeoutError::Timeout) | Err(RecvTimeoutError::Disconnected) => None,
        }
    }

    pub fn request(&mut self, method: &str, params: Value) -> Value {
        let response = self.request_raw(method, params);
        assert!(
            response.get("error").is_none(),
            "{method} failed: {response}"
        );
        response["result"].clone()
    }

    pub fn initialize(&mut self, folder: Option<&Path>, encodings: &[&str]) -> Value {
        let folders = folder
            .map(|f| json!([{"uri": uri(f), "name": "ws"}]))
            .unwrap_or(Value::Null);
        let result = self.request(
            "initialize",
            json!({
                "processId": null,
                // VS Code sends its display language; these tests read English.
                "locale": "en",
                "rootUri": folder.map(uri),
                "workspaceFolders": folders,
                "capabilities": {
                    "general": {"positionEncodings": encodings},
                    "textDocument": {"publishDiagnostics": {"versionSupport": true}}
                }
            }),
        );
        self.notify("initialized", json!({}));
        result
    }

    pub fn open(&mut self, path: &Path, text: &str, version: i64) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri(path), "languageId": "pejl", "version": version, "text": text}}),
        );
    }

    pub fn change(&mut self, path: &Path, text: &str, version: i64) {
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri(path), "version": version}, "contentChanges": [{"text": text}]}),
        );
    }

    /// Waits for a `publishDiagnostics` for `path` that satisfies `accept`; returns its params.
    pub fn diagnostics_where(&mut self, path: &Path, accept: impl Fn(&Value) -> bool) -> Value {
        let wanted = uri(path);
        let matches = |m: &Value| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == wanted.as_str()
                && accept(&m["params"])
        };
        if let Some(i) = self.backlog.iter().rposition(&matches) {
            let found = self.backlog[i]["params"].clone();
            self.backlog.drain(..=i);
            return found;
        }
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let message = self.next_message(deadline).unwrap_or_else(|| {
                panic!(
                    "no matching diagnostics for {wanted}; got {:#?}",
                    self.backlog
                )
            });
            if message["method"] == "textDocument/publishDiagnostics" {
                self.published.push((
                    message["params"]["uri"].as_str().unwrap_or("").to_string(),
                    message["params"]["version"].as_i64(),
                ));
            }
            if matches(&message) {
                // What came before for the same file is older: drop it.
                self.backlog.retain(|m| {
                    !(m["method"] == "textDocument/publishDiagnostics"
                        && m["params"]["uri"] == wanted.as_str())
                });
                return message["params"].clone();
            }
            self.handle_incoming(message);
        }
    }

    /// The next `publishDiagnostics` for `path`.
    pub fn diagnostics(&mut self, path: &Path) -> Value {
        self.diagnostics_where(path, |_| true)
    }

    pub fn shutdown(mut self) -> std::process::ExitStatus {
        let response = self.request_raw("shutdown", Value::Null);
        assert!(response.get("error").is_none(), "{response}");
        self.notify("exit", Value::Null);
        drop(self.stdin.take());
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            assert!(Instant::now() < deadline, "the server did not exit");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The codes of a `publishDiagnostics`.
pub fn codes(params: &Value) -> Vec<String> {
    params["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap_or("").to_string())
        .collect()
}

/// The policy the tests use: Swedish and Danish IDs, an emoji in a title.
pub const POLICY: &str = include_str!("../../vscode/test-fixtures/kommun.pejl");
