//! The language server's message loop, behind the framing: a document opened, then any
//! sequence of ranged edits (at any line and UTF-16 column, in or past the text, inside a
//! surrogate pair) and requests at any position. Nothing may panic, and after the last edit
//! the diagnostics published for the document must be those a fresh server gives for the
//! same final text (the incremental path and the full one agree).
//!
//! Input: the bytes up to the first NUL are the opened text (invalid UTF-8 replaced); then
//! operations of four bytes each: what, line, column, and a third byte (how many columns an
//! edit removes, and which piece of text it inserts).
#![no_main]

use pejl_lsp::State;
use tower_lsp_server::ls_types as lsp;

/// What an edit may insert: keywords, statement starts, braces, quotes, line ends of every
/// kind and characters of one to four UTF-8 bytes (two UTF-16 units for the emoji).
const PIECES: &[&str] = &[
    "",
    " ",
    "\n",
    "\r\n",
    "\r",
    "{",
    "}",
    "\"",
    "ö",
    "😀",
    "æøå",
    "under ",
    "  owner KS\n",
    "measure ",
    "target 70 by 2027",
    "baseline 2023 60",
    "operational g \"G\" {\n",
    "rule r { green when value >= target\n red otherwise }\n",
    "// note\n",
    "include \"other.pejl\"\n",
    "not (",
    "1,5",
    "senast ",
    "mål ",
];

fn uri() -> lsp::Uri {
    "file:///fuzz/kommun.pejl".parse().expect("a file URI")
}

fn position(line: u8, column: u8) -> lsp::Position {
    lsp::Position {
        line: u32::from(line % 64),
        character: u32::from(column),
    }
}

fn server(text: &str) -> State {
    let mut state = State::new();
    let params: lsp::InitializeParams = serde_json::from_value(serde_json::json!({
        "capabilities": {},
        "locale": "sv",
    }))
    .expect("initialize params");
    state.initialize(&params);
    state.did_open(uri(), text.to_string(), 1);
    state
}

/// The last diagnostics published for the document, by version.
fn last_published(state: &mut State) -> Option<(Option<i32>, Vec<lsp::Diagnostic>)> {
    state
        .take_pending()
        .into_iter()
        .filter(|p| p.uri == uri())
        .map(|p| (p.version, p.diagnostics))
        .last()
}

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let (text, ops) = match data.iter().position(|&b| b == 0) {
        Some(nul) => (&data[..nul], &data[nul + 1..]),
        None => (data, &[][..]),
    };
    let text = String::from_utf8_lossy(text);
    let mut state = server(&text);
    let mut published = last_published(&mut state);
    let mut version = 1;
    let uri = uri();
    for op in ops.chunks_exact(4) {
        let [what, line, column, extra] = [op[0], op[1], op[2], op[3]];
        let at = position(line, column);
        match what % 12 {
            0..=3 => {
                version += 1;
                let end = lsp::Position {
                    character: at.character + u32::from(extra % 8),
                    ..at
                };
                let piece = PIECES[usize::from(extra / 8) % PIECES.len()];
                let change = lsp::TextDocumentContentChangeEvent {
                    range: Some(lsp::Range { start: at, end }),
                    range_length: None,
                    text: piece.to_string(),
                };
                // Most edits wait for the analysis, as a burst of keystrokes does.
                state.apply_change(&uri, version, vec![change]);
                if what % 12 == 0 {
                    state.flush();
                }
            }
            4 => drop(state.hover(&uri, at)),
            5 => drop(state.completion(&uri, at)),
            6 => drop((state.definition(&uri, at), state.references(&uri, at, true))),
            7 => {
                if state.prepare_rename(&uri, at).is_ok() {
                    drop(state.rename(&uri, at, "nytt_namn"));
                }
            }
            8 => drop((
                state.document_symbols(&uri),
                state.semantic_tokens(&uri),
                state.folding_ranges(&uri),
            )),
            9 => {
                let range = lsp::Range {
                    start: lsp::Position {
                        line: 0,
                        character: 0,
                    },
                    end: at,
                };
                drop((
                    state.inlay_hints(&uri, range),
                    state.code_actions(&uri, range),
                ));
            }
            10 => drop((state.formatting(&uri), state.code_lenses(&uri))),
            _ => drop(state.workspace_symbols("a")),
        }
        if let Some(p) = last_published(&mut state) {
            published = Some(p);
        }
    }
    state.flush();
    if let Some(p) = last_published(&mut state) {
        published = Some(p);
    }
    let final_text = state.text(&uri).expect("the document is open").to_string();
    let (published_version, diagnostics) = published.expect("the document's diagnostics");
    assert_eq!(
        published_version,
        Some(version),
        "diagnostics of an older version"
    );
    let mut fresh = server(&final_text);
    let (_, expected) = last_published(&mut fresh).expect("a fresh server's diagnostics");
    assert_eq!(
        diagnostics, expected,
        "after the edits, diagnostics differ from a fresh analysis of the same text"
    );
});
