//! A guard in front of the protocol framework. tower-lsp-server stops reading for good after
//! a message it cannot decode (a bad header, a body that is not JSON, an `id` that is not an
//! integer or a string), and it trusts `Content-Length`. This reads the frames itself and
//! passes on only messages the framework can decode; every other message is logged, and a
//! request whose `id` can be read is replaced by a stand-in the server answers with the
//! JSON-RPC error it deserves. After a bad header it finds the next message by its header.
//!
//! A header `Content-Length: <digits>` followed by a line end cannot occur inside a JSON
//! body (a JSON string holds no raw line ends), so finding one inside a body means that
//! the body's `Content-Length` was too long, and the next message starts there.

use crate::state::log;
use serde::{Deserialize, Deserializer};
use serde_json::{json, Value};
use std::time::Duration;
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWriteExt, DuplexStream};
use tokio::sync::oneshot;

/// The largest message read. A 100k-goal policy is about 27 MB of text, sent whole in
/// `didOpen` and in every (full-sync) `didChange`; JSON escaping adds a few percent. 64 MiB
/// leaves room for twice that while bounding what a header can make the server hold.
/// Bodies are read as their bytes arrive, never allocated from the header alone.
pub const MAX_MESSAGE: usize = 64 << 20;

/// A header block longer than this is not one.
const MAX_HEADER: usize = 8 << 10;

/// How much of an oversized message is kept to find its `id` and `method`.
const KEEP: usize = 64 << 10;

/// How long the input may pause inside a body before a complete JSON value received so far
/// is taken for the whole message (a `Content-Length` longer than the body, and nothing
/// after it). Only a complete value is taken, so a slow sender of a long body is safe.
const STALL: Duration = Duration::from_millis(200);

/// The method of the stand-in request, answered with the error in its parameters.
pub const REJECT: &str = "$/pejl/reject";
/// The method of the stand-in notification for an oversized notification, shown to the user.
pub const REJECTED: &str = "$/pejl/rejected";

/// The JSON-RPC error codes used here.
pub const PARSE_ERROR: i64 = -32700;
pub const INVALID_REQUEST: i64 = -32600;

/// Reads LSP frames from `input` and returns a stream of frames the framework can decode,
/// and a signal sent when the client says `exit` (so the process need not wait for work in
/// progress).
pub fn sanitize<R: AsyncRead + Unpin + Send + 'static>(
    input: R,
) -> (DuplexStream, oneshot::Receiver<()>) {
    let (mut tx, rx) = tokio::io::duplex(1 << 20);
    let (exit_tx, exit_rx) = oneshot::channel();
    tokio::spawn(async move {
        let mut exit = Some(exit_tx);
        let mut input = Input::new(input);
        while let Some(message) = input.next().await {
            let body = match message {
                Message::Forward(body) => body,
                Message::Exit(body) => {
                    if let Some(exit) = exit.take() {
                        let _ = exit.send(());
                    }
                    body
                }
                Message::Replace(body) => body,
                Message::Drop => continue,
            };
            let frame = format!("Content-Length: {}\r\n\r\n", body.len());
            if tx.write_all(frame.as_bytes()).await.is_err() || tx.write_all(&body).await.is_err() {
                break;
            }
        }
        let _ = tx.shutdown().await;
    });
    (rx, exit_rx)
}

/// What to pass on for one message read.
#[derive(Debug, PartialEq)]
pub enum Message {
    /// A valid message, unchanged.
    Forward(Vec<u8>),
    /// The `exit` notification, unchanged.
    Exit(Vec<u8>),
    /// A stand-in for a message that is not valid.
    Replace(Vec<u8>),
    /// Nothing (a notification or response that is not valid; logged).
    Drop,
}

/// The input and the bytes read from it but not yet used.
struct Input<R> {
    input: R,
    buf: Vec<u8>,
    chunk: Box<[u8]>,
    eof: bool,
}

enum Header {
    Length(usize),
    /// A header block that says no usable length (consumed).
    Bad(String),
    /// Bytes that do not start a header block (not consumed).
    Garbage,
    End,
}

enum Body {
    Whole(Vec<u8>),
    /// The next header starts before `Content-Length` bytes, or the input paused after a
    /// complete JSON value: the message is shorter than its header says.
    Short(Vec<u8>),
    /// More than [`MAX_MESSAGE`] bytes (skipped); the first [`KEEP`] of them.
    TooLarge(Vec<u8>),
    End,
}

impl<R: AsyncRead + Unpin> Input<R> {
    fn new(input: R) -> Self {
        Input {
            input,
            buf: Vec::new(),
            chunk: vec![0; 1 << 16].into_boxed_slice(),
            eof: false,
        }
    }

    /// Reads more bytes; `false` at the end of the input.
    async fn fill(&mut self) -> bool {
        if self.eof {
            return false;
        }
        match self.input.read(&mut self.chunk).await {
            Ok(n) if n > 0 => {
                self.buf.extend_from_slice(&self.chunk[..n]);
                true
            }
            _ => {
                self.eof = true;
                false
            }
        }
    }

    /// Like [`Input::fill`], `None` if nothing arrives within [`STALL`]. (Dropping a
    /// pending read loses no bytes.)
    async fn fill_or_stall(&mut self) -> Option<bool> {
        tokio::time::timeout(STALL, self.fill()).await.ok()
    }

    fn take(&mut self, n: usize) -> Vec<u8> {
        let rest = self.buf.split_off(n.min(self.buf.len()));
        std::mem::replace(&mut self.buf, rest)
    }

    /// The next message to pass on; `None` at the end of the input.
    async fn next(&mut self) -> Option<Message> {
        loop {
            let length = match self.header().await {
                Header::Length(length) => length,
                Header::End => return None,
                Header::Bad(reason) => {
                    log(format_args!("bad message header: {reason}"));
                    let body = self.unframed(0).await;
                    return Some(reject_unframed(&body, &reason));
                }
                Header::Garbage => {
                    let body = self.unframed(1).await;
                    let preview = preview(&body);
                    log(format_args!(
                        "{} bytes that are not a message skipped: {preview}",
                        body.len()
                    ));
                    if body.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    return Some(reject_unframed(&body, "no Content-Length header"));
                }
            };
            return Some(match self.body(length).await {
                Body::Whole(body) => check(body),
                Body::Short(body) => {
                    let reason = format!(
                        "Content-Length {length} is longer than the message ({} bytes)",
                        body.len()
                    );
                    log(format_args!("{reason}; reading the next message after it"));
                    reject_unframed(&body, &reason)
                }
                Body::TooLarge(prefix) => too_large(&prefix, length),
                Body::End => {
                    log(format_args!("the input ended inside a message"));
                    return None;
                }
            });
        }
    }

    /// Reads a header block.
    async fn header(&mut self) -> Header {
        loop {
            // Line ends between messages are tolerated.
            let blank = self
                .buf
                .iter()
                .take_while(|b| b.is_ascii_whitespace())
                .count();
            self.buf.drain(..blank);
            if let Some((block, end)) = header_block(&self.buf) {
                let header = match parse_header(&self.buf[..block]) {
                    Ok(length) => Header::Length(length),
                    Err(reason) => Header::Bad(reason),
                };
                self.buf.drain(..end);
                return header;
            }
            if self.buf.len() > MAX_HEADER || !may_start_header(&self.buf) {
                return Header::Garbage;
            }
            if !self.fill().await {
                return if self.buf.is_empty() {
                    Header::End
                } else {
                    Header::Garbage
                };
            }
        }
    }

    /// Reads a body of `length` bytes, or less if the next header comes sooner.
    async fn body(&mut self, length: usize) -> Body {
        if length > MAX_MESSAGE {
            return self.skip(length).await;
        }
        let mut scanned = 0;
        let mut checked = false;
        loop {
            let limit = length.min(self.buf.len());
            let undecided = match find_header(&self.buf, scanned, limit) {
                Found::At(at) => return Body::Short(self.take(at)),
                Found::None => {
                    scanned = limit;
                    false
                }
                Found::Undecided(at) => {
                    scanned = at;
                    true
                }
            };
            if self.buf.len() >= length && !undecided {
                return Body::Whole(self.take(length));
            }
            match self.fill_or_stall().await {
                Some(true) => checked = false,
                Some(false) if self.buf.len() >= length => return Body::Whole(self.take(length)),
                Some(false) => return Body::End,
                None if self.buf.len() >= length => return Body::Whole(self.take(length)),
                None => {
                    if !checked {
                        checked = true;
                        if complete_json(&self.buf[..scanned]) {
                            return Body::Short(self.take(scanned));
                        }
                    }
                }
            }
        }
    }

    /// Skips an oversized body without holding it, keeping its start.
    async fn skip(&mut self, length: usize) -> Body {
        let mut kept = Vec::new();
        let mut skipped = 0;
        let mut checked = false;
        loop {
            let limit = (length - skipped).min(self.buf.len());
            let (used, found) = match find_header(&self.buf, 0, limit) {
                Found::At(at) => (at, true),
                Found::None => (limit, false),
                Found::Undecided(at) => (at, false),
            };
            let room = KEEP.saturating_sub(kept.len()).min(used);
            kept.extend_from_slice(&self.buf[..room]);
            self.buf.drain(..used);
            skipped += used;
            if found {
                // Not oversized after all: a message shorter than its header says.
                return Body::Short(kept);
            }
            if skipped == length {
                return Body::TooLarge(kept);
            }
            match self.fill_or_stall().await {
                Some(true) => checked = false,
                Some(false) => return Body::End,
                None => {
                    if !checked && skipped == kept.len() && self.buf.is_empty() {
                        checked = true;
                        if complete_json(&kept) {
                            return Body::Short(kept);
                        }
                    }
                }
            }
        }
    }

    /// The bytes up to the next header, after a bad one (`from` 0) or from bytes that are
    /// not a header (`from` 1, so the scan moves on); they end at the end of the input, or
    /// when the input pauses after what cannot be the start of a longer message.
    async fn unframed(&mut self, from: usize) -> Vec<u8> {
        let mut scanned = from.min(self.buf.len());
        let mut checked = false;
        let mut dropped = 0;
        loop {
            match find_header(&self.buf, scanned, self.buf.len()) {
                Found::At(at) => return self.take(at),
                Found::None => scanned = self.buf.len(),
                Found::Undecided(at) => scanned = at,
            }
            if self.buf.len() > MAX_MESSAGE {
                // Nothing like a message for too long: forget it, keep looking.
                dropped += scanned;
                self.buf.drain(..scanned);
                scanned = 0;
            }
            match self.fill_or_stall().await {
                Some(true) => checked = false,
                Some(false) => return self.take(self.buf.len()),
                None => {
                    if !checked && scanned > 0 {
                        checked = true;
                        if dropped > 0 || finished_json(&self.buf[..scanned]) {
                            return self.take(scanned);
                        }
                    }
                }
            }
        }
    }
}

/// The end of a header block's lines and of its blank line, if the block is complete.
fn header_block(buf: &[u8]) -> Option<(usize, usize)> {
    let mut line_start = 0;
    for (i, &b) in buf.iter().enumerate() {
        if b != b'\n' {
            continue;
        }
        let line = &buf[line_start..i];
        if line.is_empty() || line == b"\r" {
            return Some((line_start, i + 1));
        }
        line_start = i + 1;
    }
    None
}

/// Whether `buf` can be the start of a header block: lines of `Name: value`.
fn may_start_header(buf: &[u8]) -> bool {
    let mut lines = buf.split(|&b| b == b'\n').peekable();
    while let Some(line) = lines.next() {
        let complete = lines.peek().is_some();
        let name = line.iter().take_while(|&&b| is_token(b)).count();
        let colon = line.get(name) == Some(&b':');
        let ok = if complete {
            name > 0 && colon
        } else {
            name == line.len() || (name > 0 && colon)
        };
        if !ok {
            return false;
        }
    }
    true
}

/// A character of a header name (RFC 9110 `tchar`).
fn is_token(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b)
}

/// The `Content-Length` of a header block.
fn parse_header(block: &[u8]) -> Result<usize, String> {
    let text = std::str::from_utf8(block).map_err(|_| "the header is not UTF-8".to_string())?;
    let mut length = None;
    for line in text.lines() {
        let Some((name, value)) = line.split_once(':') else {
            return Err(format!("not a header line: {:?}", clip(line)));
        };
        if !name.trim().eq_ignore_ascii_case("content-length") {
            continue;
        }
        let value = value.trim();
        let parsed = Some(value)
            .filter(|v| !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|v| v.parse::<usize>().ok())
            .ok_or_else(|| format!("Content-Length {:?} is not a length", clip(value)))?;
        match length {
            Some(earlier) if earlier != parsed => {
                return Err(format!(
                    "two different Content-Length headers ({earlier} and {parsed})"
                ))
            }
            _ => length = Some(parsed),
        }
    }
    length.ok_or_else(|| "no Content-Length header".to_string())
}

enum Found {
    At(usize),
    None,
    /// A header may start here; the bytes after it have not arrived yet.
    Undecided(usize),
}

/// Where the first header (`Content-Length: <digits>` and a line end, the name in any case)
/// starting in `buf[from..to]` is.
fn find_header(buf: &[u8], from: usize, to: usize) -> Found {
    let to = to.min(buf.len());
    let mut i = from;
    while i < to {
        match buf[i..to].iter().position(|b| b | 0x20 == b'c') {
            None => return Found::None,
            Some(p) => i += p,
        }
        match header_at(&buf[i..]) {
            Some(true) => return Found::At(i),
            None => return Found::Undecided(i),
            Some(false) => i += 1,
        }
    }
    Found::None
}

/// Whether `s` starts with a `Content-Length` header line; `None` if `s` ends too soon to say.
fn header_at(s: &[u8]) -> Option<bool> {
    const NAME: &[u8] = b"content-length:";
    let n = NAME.len().min(s.len());
    if !s[..n].eq_ignore_ascii_case(&NAME[..n]) {
        return Some(false);
    }
    let mut j = n;
    if j < NAME.len() {
        return None;
    }
    let skip_blanks = |j: &mut usize| {
        let start = *j;
        while *j < s.len() && matches!(s[*j], b' ' | b'\t') && *j - start < 16 {
            *j += 1;
        }
    };
    skip_blanks(&mut j);
    let digits = s[j..].iter().take_while(|b| b.is_ascii_digit()).count();
    if digits > 20 {
        return Some(false);
    }
    j += digits;
    if j == s.len() {
        return None;
    }
    if digits == 0 {
        return Some(false);
    }
    skip_blanks(&mut j);
    match s.get(j) {
        None => None,
        Some(b'\n') => Some(true),
        Some(b'\r') => s.get(j + 1).map(|next| *next == b'\n'),
        Some(_) => Some(false),
    }
}

/// Whether `bytes` are one complete JSON value.
fn complete_json(bytes: &[u8]) -> bool {
    serde_json::from_slice::<serde::de::IgnoredAny>(bytes).is_ok()
}

/// Whether `bytes` are a complete JSON value or no JSON at all (not a value cut short).
fn finished_json(bytes: &[u8]) -> bool {
    match serde_json::from_slice::<serde::de::IgnoredAny>(bytes) {
        Ok(_) => true,
        Err(error) => !error.is_eof(),
    }
}

/// The fields that make a message, each as given (`null` included); the rest (a document's
/// whole text) is only validated.
#[derive(Deserialize)]
struct Probe {
    #[serde(default, deserialize_with = "given")]
    jsonrpc: Option<Value>,
    #[serde(default, deserialize_with = "given")]
    method: Option<Value>,
    #[serde(default, deserialize_with = "given")]
    id: Option<Value>,
    // Present so that a field given twice is refused here, not by the framework.
    #[serde(default, rename = "params")]
    _params: Present,
    #[serde(default)]
    result: Present,
    #[serde(default)]
    error: Present,
}

fn given<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Value>, D::Error> {
    Value::deserialize(d).map(Some)
}

/// Whether a field is there at all (`"result": null` is).
#[derive(Default)]
struct Present(bool);

impl<'de> Deserialize<'de> for Present {
    /// Read in full, not skipped: skipping does not check that strings are UTF-8 (found by
    /// fuzzing: such a body was passed on, and the framework, failing to decode it, stopped
    /// reading). The value is dropped at once; a document's text is held twice for a moment.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Value::deserialize(d).map(|_| Present(true))
    }
}

/// An `id` the framework accepts: a 64-bit integer or a string (or `null`).
fn valid_id(id: &Value) -> bool {
    id.is_i64() || id.is_string() || id.is_null()
}

/// What to pass on for a complete body (which is moved, not copied, into the message).
pub fn check(body: Vec<u8>) -> Message {
    match judge(&body) {
        Message::Forward(_) => Message::Forward(body),
        Message::Exit(_) => Message::Exit(body),
        other => other,
    }
}

/// [`check`], with `Forward` and `Exit` left empty.
fn judge(body: &[u8]) -> Message {
    let object = body.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{');
    if !object && complete_json(body) {
        // A batch, or a bare value: JSON-RPC answers it with id null.
        return reject(
            Some(Value::Null),
            INVALID_REQUEST,
            "Invalid request: a message is a JSON object (the protocol has no batches)",
            body,
        );
    }
    if let Err(error) = std::str::from_utf8(body) {
        // JSON is UTF-8; the framework could not decode such a message (fuzzing found one in
        // the name of an unknown field, which the probe below skips).
        return reject(
            recover_id(&String::from_utf8_lossy(body)),
            PARSE_ERROR,
            &format!("Parse error: the message is not UTF-8 ({error})"),
            body,
        );
    }
    let probe = match serde_json::from_slice::<Probe>(body) {
        Ok(probe) => probe,
        Err(error) if error.is_data() => {
            // JSON, but not an object of the fields a message has.
            return reject(
                recover_id(&String::from_utf8_lossy(body)),
                INVALID_REQUEST,
                &format!("Invalid request: {error}"),
                body,
            );
        }
        Err(error) => {
            return reject(
                recover_id(&String::from_utf8_lossy(body)),
                PARSE_ERROR,
                &format!("Parse error: {error}"),
                body,
            )
        }
    };
    let id = probe.id.clone().filter(valid_id);
    if probe.jsonrpc != Some(json!("2.0")) {
        return reject(
            id,
            INVALID_REQUEST,
            "Invalid request: \"jsonrpc\" must be \"2.0\"",
            body,
        );
    }
    match (&probe.method, &probe.id) {
        (Some(Value::String(method)), given) => {
            if given.as_ref().is_some_and(|id| !valid_id(id)) {
                return reject(
                    Some(Value::Null),
                    INVALID_REQUEST,
                    "Invalid request: an id must be an integer or a string",
                    body,
                );
            }
            if method == "exit" {
                Message::Exit(Vec::new())
            } else {
                Message::Forward(Vec::new())
            }
        }
        (Some(_), _) => reject(
            id,
            INVALID_REQUEST,
            "Invalid request: \"method\" must be a string",
            body,
        ),
        (None, Some(_)) if probe.result.0 || probe.error.0 => {
            // A response to a request of the server: pass it on only if the framework can
            // decode it (an error object of the right shape, a valid id).
            if serde_json::from_slice::<tower_lsp_server::jsonrpc::Response>(body).is_ok() {
                Message::Forward(Vec::new())
            } else {
                log(format_args!(
                    "malformed response ignored: {}",
                    preview(body)
                ));
                Message::Drop
            }
        }
        (None, _) => reject(
            id,
            INVALID_REQUEST,
            "Invalid request: neither a request (no \"method\") nor a response",
            body,
        ),
    }
}

/// A stand-in that the server answers with `code` and `message` if the message had an id;
/// else nothing. Either way the message is logged.
fn reject(id: Option<Value>, code: i64, message: &str, body: &[u8]) -> Message {
    log(format_args!(
        "{message} ({}): {}",
        match &id {
            Some(id) => format!("answered with an error, id {id}"),
            None => "ignored, no id".to_string(),
        },
        preview(body)
    ));
    match id {
        Some(id) => Message::Replace(
            json!({
                "jsonrpc": "2.0",
                "id": id,
                "method": REJECT,
                "params": {"code": code, "message": message},
            })
            .to_string()
            .into_bytes(),
        ),
        None => Message::Drop,
    }
}

/// A message whose frame was bad (the header, or a length longer than the message).
fn reject_unframed(body: &[u8], reason: &str) -> Message {
    let id = recover_id(&String::from_utf8_lossy(body));
    reject(id, PARSE_ERROR, &format!("Parse error: {reason}"), body)
}

/// A message longer than [`MAX_MESSAGE`], of which `prefix` is the start.
fn too_large(prefix: &[u8], length: usize) -> Message {
    let text = String::from_utf8_lossy(prefix);
    let method = recover_string(&text, "method").unwrap_or_else(|| "a".to_string());
    let message = format!(
        "the {method} message ({} MiB) was ignored: the language server reads messages of at \
         most {} MiB",
        length >> 20,
        MAX_MESSAGE >> 20
    );
    match recover_id(&text) {
        Some(id) => reject(Some(id), INVALID_REQUEST, &message, prefix),
        None => {
            log(format_args!("{message}"));
            Message::Replace(
                json!({
                    "jsonrpc": "2.0",
                    "method": REJECTED,
                    "params": {"code": INVALID_REQUEST, "message": message},
                })
                .to_string()
                .into_bytes(),
            )
        }
    }
}

/// The `"id"` of a message that is not valid JSON, when it can be read and is valid.
fn recover_id(text: &str) -> Option<Value> {
    let rest = after_key(text, "id")?;
    if let Some(quoted) = rest.strip_prefix('"') {
        let end = quoted.find('"')?;
        return Some(Value::from(&quoted[..end]));
    }
    let sign = usize::from(rest.starts_with('-'));
    let digits = rest[sign..].bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 {
        return None;
    }
    // `1.5` or `1e3` is not an id; nor is an integer outside 64 bits.
    if matches!(rest.as_bytes().get(sign + digits), Some(b'.' | b'e' | b'E')) {
        return None;
    }
    rest[..sign + digits].parse::<i64>().ok().map(Value::from)
}

/// The string value of `"key"` in a message that may be cut short.
fn recover_string(text: &str, key: &str) -> Option<String> {
    let quoted = after_key(text, key)?.strip_prefix('"')?;
    let end = quoted.find('"')?;
    Some(clip(&quoted[..end]).to_string())
}

/// What follows `"key":` in `text`.
fn after_key<'a>(text: &'a str, key: &str) -> Option<&'a str> {
    let needle = format!("\"{key}\"");
    let at = text.find(&needle)?;
    text[at + needle.len()..]
        .trim_start()
        .strip_prefix(':')
        .map(str::trim_start)
}

/// The start of a message, for the log.
fn preview(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(&bytes[..bytes.len().min(240)]);
    clip(&text).to_string()
}

fn clip(text: &str) -> &str {
    match text.char_indices().nth(120) {
        Some((i, _)) => &text[..i],
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(message: Message) -> String {
        match message {
            Message::Replace(bytes) | Message::Forward(bytes) | Message::Exit(bytes) => {
                String::from_utf8(bytes).unwrap()
            }
            Message::Drop => String::new(),
        }
    }

    /// The stand-in's id, code and message.
    fn rejection(message: Message) -> (Value, i64, String) {
        let value: Value = serde_json::from_str(&text(message)).unwrap();
        assert_eq!(value["method"], REJECT, "{value}");
        (
            value["id"].clone(),
            value["params"]["code"].as_i64().unwrap(),
            value["params"]["message"].as_str().unwrap().to_string(),
        )
    }

    #[test]
    fn valid_messages_pass_unchanged() {
        for body in [
            r#"{"jsonrpc":"2.0","id":1,"method":"shutdown"}"#,
            r#"{"jsonrpc":"2.0","id":"x","method":"hover","params":{"a":[1,2]}}"#,
            r#"{"jsonrpc":"2.0","id":-5,"method":"hover"}"#,
            r#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#,
            r#"{"jsonrpc":"2.0","id":3,"result":null}"#,
            r#"{"jsonrpc":"2.0","id":3,"error":{"code":-1,"message":"no"}}"#,
        ] {
            assert_eq!(
                check(body.as_bytes().to_vec()),
                Message::Forward(body.into())
            );
        }
        let exit = br#"{"jsonrpc":"2.0","method":"exit"}"#;
        assert_eq!(check(exit.to_vec()), Message::Exit(exit.to_vec()));
    }

    #[test]
    fn requests_with_an_invalid_id_are_invalid_requests_with_id_null() {
        for id in [
            "{}",
            "true",
            "1.5",
            "[]",
            "18446744073709551616",
            "9223372036854775808",
        ] {
            let body = format!(r#"{{"jsonrpc":"2.0","id":{id},"method":"shutdown"}}"#);
            let (got, code, _) = rejection(check(body.as_bytes().to_vec()));
            assert_eq!((got, code), (Value::Null, INVALID_REQUEST), "{id}");
        }
    }

    #[test]
    fn invalid_json_and_wrong_versions_are_answered_with_their_id() {
        let broken = br#"{"jsonrpc":"2.0","id":999,"method":"textDocument/hover","params":"#;
        let (id, code, _) = rejection(check(broken.to_vec()));
        assert_eq!((id, code), (json!(999), PARSE_ERROR));
        let broken = br#"{"jsonrpc":"2.0","id":"a-1","method":"x", oops}"#;
        assert_eq!(rejection(check(broken.to_vec())).0, json!("a-1"));
        let old = br#"{"jsonrpc":"1.0","id":7,"method":"shutdown"}"#;
        let (id, code, message) = rejection(check(old.to_vec()));
        assert_eq!((id, code), (json!(7), INVALID_REQUEST), "{message}");
        let neither = br#"{"jsonrpc":"2.0","id":8}"#;
        assert_eq!(rejection(check(neither.to_vec())).1, INVALID_REQUEST);
        let twice = br#"{"jsonrpc":"2.0","id":9,"method":"x","params":1,"params":2}"#;
        assert_eq!(rejection(check(twice.to_vec())).0, json!(9));
        let batch = br#"[{"jsonrpc":"2.0","id":11,"method":"x"}]"#;
        assert_eq!(rejection(check(batch.to_vec())).0, Value::Null);
        let method = br#"{"jsonrpc":"2.0","id":10,"method":null}"#;
        assert_eq!(rejection(check(method.to_vec())).1, INVALID_REQUEST);
        // Without an id there is nobody to answer.
        assert_eq!(check(b"{}".to_vec()), Message::Drop);
        assert_eq!(check(vec![0xff, 0xfe]), Message::Drop);
        assert_eq!(
            check(br#"{"jsonrpc":"2.0","id":{},"result":1}"#.to_vec()),
            Message::Drop
        );
        assert_eq!(
            check(br#"{"jsonrpc":"2.0","id":1,"error":"x"}"#.to_vec()),
            Message::Drop
        );
    }

    #[test]
    fn ids_are_recovered_only_when_valid() {
        assert_eq!(recover_id(r#"{"id": -12, "x"#), Some(json!(-12)));
        assert_eq!(recover_id(r#"{"id":"abc"#), None);
        assert_eq!(recover_id(r#"{"id":1.5,"#), None);
        assert_eq!(recover_id(r#"{"id":99999999999999999999,"#), None);
        assert_eq!(recover_id(r#"{"id":true,"#), None);
    }

    #[test]
    fn headers_are_found_only_with_a_length_and_a_line_end() {
        assert!(matches!(
            find_header(b"xx Content-Length: 12\r\n", 0, 99),
            Found::At(3)
        ));
        assert!(matches!(
            find_header(b"content-length:5\n", 0, 99),
            Found::At(0)
        ));
        assert!(matches!(
            find_header(b"\"Content-Length: 12\"", 0, 99),
            Found::None
        ));
        assert!(matches!(
            find_header(b"} Content-Len", 0, 99),
            Found::Undecided(2)
        ));
        assert!(matches!(
            find_header(b"Content-Length: 12", 0, 99),
            Found::Undecided(0)
        ));
        assert!(matches!(
            find_header(b"Content-Length: x\r\n", 0, 99),
            Found::None
        ));
        assert_eq!(
            parse_header(b"Content-Length: 12\r\nContent-Length: 12\r\n"),
            Ok(12)
        );
        assert!(parse_header(b"Content-Length: 12\r\nContent-Length: 13\r\n").is_err());
        assert!(parse_header(b"Content-Length: 1x\r\n").is_err());
        assert!(parse_header(b"Content-Type: x\r\n").is_err());
        assert!(may_start_header(b"Content-Length: 5\r\nConte"));
        assert!(!may_start_header(b"{\"jsonrpc\""));
    }
}

#[cfg(test)]
mod fuzz_findings {
    use super::*;
    use tokio::io::AsyncReadExt;

    /// Found by the `lsp_framing` fuzz target: a body whose string holds bytes that are not
    /// UTF-8 passed the check, and the framework, failing to decode it, stopped reading.
    #[test]
    fn bodies_with_invalid_utf8_in_a_string_are_not_passed_on() {
        let mut body = br#"{"jsonrpc":"2.0","id":1,"method":"x","params":{"t":""#.to_vec();
        body.push(0xff);
        body.extend_from_slice(br#""}}"#);
        assert!(!matches!(check(body), Message::Forward(_)));

        for input in [
            &include_bytes!("../tests/fixtures/fuzz-framing-invalid-utf8.bin")[..],
            &include_bytes!("../tests/fixtures/fuzz-framing-invalid-utf8-in-a-key.bin")[..],
        ] {
            every_frame_passed_on_is_json(input.to_vec());
        }
    }

    fn every_frame_passed_on_is_json(input: Vec<u8>) {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .build()
            .expect("runtime");
        let out = runtime.block_on(async {
            let (mut frames, _exit) = sanitize(std::io::Cursor::new(input));
            let mut out = Vec::new();
            frames.read_to_end(&mut out).await.expect("read");
            out
        });
        let mut rest = &out[..];
        while let Some(header) = rest.windows(4).position(|w| w == b"\r\n\r\n") {
            let length: usize = std::str::from_utf8(&rest[..header])
                .ok()
                .and_then(|h| h.strip_prefix("Content-Length: "))
                .and_then(|n| n.parse().ok())
                .expect("one Content-Length");
            let body = &rest[header + 4..header + 4 + length];
            let value: Value = serde_json::from_slice(body).expect("every frame passed on is JSON");
            assert_eq!(value["jsonrpc"], "2.0");
            rest = &rest[header + 4 + length..];
        }
        assert!(rest.is_empty());
    }
}
