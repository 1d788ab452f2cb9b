//! A guard in front of the protocol framework: tower-lsp-server stops reading after a
//! message it cannot decode (a body that is not JSON, a message that is neither a request
//! nor a notification). This reads the frames itself and replaces such a message by one the
//! framework answers with an error (a request whose `id` can be recovered) or ignores, and
//! logs it. Well-formed messages pass through unchanged.

use crate::state::log;
use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWriteExt, BufReader, DuplexStream};

/// Bodies larger than this are not read into memory (and are treated as malformed).
const MAX_BODY: usize = 512 * 1024 * 1024;

/// Reads LSP frames from `input` and returns a stream of sanitised frames.
pub fn sanitize<R: AsyncRead + Unpin + Send + 'static>(input: R) -> DuplexStream {
    let (mut tx, rx) = tokio::io::duplex(1 << 20);
    tokio::spawn(async move {
        let mut reader = BufReader::new(input);
        loop {
            let Some(body) = read_frame(&mut reader).await else {
                break;
            };
            let body = match body {
                Ok(body) => check(body),
                Err(reason) => {
                    log(format_args!("malformed message ignored: {reason}"));
                    continue;
                }
            };
            let frame = format!("Content-Length: {}\r\n\r\n", body.len());
            if tx.write_all(frame.as_bytes()).await.is_err() || tx.write_all(&body).await.is_err() {
                break;
            }
        }
        let _ = tx.shutdown().await;
    });
    rx
}

/// One frame's body; `None` at the end of the input; `Err` for a frame whose header is unusable.
async fn read_frame<R: AsyncRead + Unpin>(
    reader: &mut BufReader<R>,
) -> Option<Result<Vec<u8>, String>> {
    let mut length: Option<usize> = None;
    let mut saw_header = false;
    loop {
        let mut line = Vec::new();
        let n = reader.read_until(b'\n', &mut line).await.ok()?;
        if n == 0 {
            return None;
        }
        let line = String::from_utf8_lossy(&line);
        let line = line.trim();
        if line.is_empty() {
            if saw_header {
                break;
            }
            continue;
        }
        saw_header = true;
        if let Some((name, value)) = line.split_once(':') {
            if name.trim().eq_ignore_ascii_case("content-length") {
                length = value.trim().parse().ok();
            }
        }
    }
    let Some(length) = length else {
        return Some(Err("no valid Content-Length header".to_string()));
    };
    if length > MAX_BODY {
        let mut rest = length;
        let mut chunk = vec![0; 1 << 16];
        while rest > 0 {
            let take = rest.min(chunk.len());
            reader.read_exact(&mut chunk[..take]).await.ok()?;
            rest -= take;
        }
        return Some(Err(format!("a message of {length} bytes is too large")));
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body).await.ok()?;
    Some(Ok(body))
}

/// The body itself if it is a JSON-RPC request, notification or response; otherwise a
/// stand-in request (answered with "method not found") or notification (ignored).
fn check(body: Vec<u8>) -> Vec<u8> {
    /// The fields that make a message; the rest (a document's whole text) is only validated.
    #[derive(serde::Deserialize)]
    struct Probe {
        jsonrpc: Option<String>,
        method: Option<String>,
        id: Option<serde_json::Value>,
        #[serde(default)]
        result: Present,
        #[serde(default)]
        error: Present,
    }
    /// Whether a field is there at all (`"result": null` is).
    #[derive(Default)]
    struct Present(bool);
    impl<'de> serde::Deserialize<'de> for Present {
        fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            serde::de::IgnoredAny::deserialize(d).map(|_| Present(true))
        }
    }
    let parsed: Option<Probe> = serde_json::from_slice(&body).ok();
    if let Some(p) = &parsed {
        let ok = p.jsonrpc.as_deref() == Some("2.0")
            && (p.method.is_some() || (p.id.is_some() && (p.result.0 || p.error.0)));
        if ok {
            return body;
        }
    }
    let text = String::from_utf8_lossy(&body);
    let id = parsed
        .and_then(|p| p.id)
        .filter(|id| id.is_number() || id.is_string())
        .or_else(|| recover_id(&text));
    let preview: String = text.chars().take(120).collect();
    log(format_args!(
        "malformed message (answered with an error if it had an id): {preview}"
    ));
    let replacement = match id {
        Some(id) => serde_json::json!({"jsonrpc": "2.0", "id": id, "method": "$/pejl/malformed"}),
        None => serde_json::json!({"jsonrpc": "2.0", "method": "$/pejl/malformed"}),
    };
    replacement.to_string().into_bytes()
}

/// The `"id": N` of a message that is not valid JSON, when it can be read.
fn recover_id(text: &str) -> Option<serde_json::Value> {
    let at = text.find("\"id\"")?;
    let rest = text[at + 4..].trim_start().strip_prefix(':')?.trim_start();
    let digits: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
    if !digits.is_empty() {
        return digits.parse::<i64>().ok().map(serde_json::Value::from);
    }
    let quoted = rest.strip_prefix('"')?;
    let end = quoted.find('"')?;
    Some(serde_json::Value::from(&quoted[..end]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn malformed_bodies_are_replaced() {
        let good = br#"{"jsonrpc":"2.0","id":1,"method":"shutdown"}"#.to_vec();
        assert_eq!(check(good.clone()), good);
        let broken =
            check(br#"{"jsonrpc":"2.0","id":999,"method":"textDocument/hover","params":"#.to_vec());
        assert_eq!(
            String::from_utf8(broken).unwrap(),
            r#"{"id":999,"jsonrpc":"2.0","method":"$/pejl/malformed"}"#
        );
        let empty = check(b"{}".to_vec());
        assert_eq!(
            String::from_utf8(empty).unwrap(),
            r#"{"jsonrpc":"2.0","method":"$/pejl/malformed"}"#
        );
        let response = br#"{"jsonrpc":"2.0","id":3,"result":null}"#.to_vec();
        assert_eq!(check(response.clone()), response);
        let bytes = check(vec![0xff, 0xfe]);
        assert!(String::from_utf8(bytes).unwrap().contains("malformed"));
    }
}
