//! The language server's input: whatever bytes the client sends, the sanitiser never
//! panics or hangs, and every message it passes on to the framework is one JSON object
//! with `"jsonrpc": "2.0"` in a well-formed frame.
#![no_main]

use tokio::io::AsyncReadExt;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .expect("runtime");
    let out = runtime.block_on(async {
        let (mut frames, _exit) = pejl_lsp::framing::sanitize(std::io::Cursor::new(data.to_vec()));
        let mut out = Vec::new();
        frames.read_to_end(&mut out).await.expect("read");
        out
    });
    let mut rest = &out[..];
    while !rest.is_empty() {
        let header_end = rest
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .expect("a header");
        let header = std::str::from_utf8(&rest[..header_end]).expect("an ASCII header");
        let length: usize = header
            .strip_prefix("Content-Length: ")
            .and_then(|n| n.parse().ok())
            .expect("one Content-Length");
        let body = &rest[header_end + 4..header_end + 4 + length];
        let value: serde_json::Value = serde_json::from_slice(body).expect("JSON");
        assert_eq!(value["jsonrpc"], "2.0", "{value}");
        rest = &rest[header_end + 4 + length..];
    }
});
