//! In-process tests of every request, through the server's state (the same code the
//! protocol handlers call), with Swedish and Danish IDs, emoji and CRLF line endings.

mod common;

use common::{workspace, POLICY};
use pejl_lsp::State;
use serde_json::json;
use tower_lsp_server::ls_types::*;

fn init(folder: Option<&std::path::Path>, encodings: &[&str]) -> State {
    let mut state = State::new();
    let params: InitializeParams = serde_json::from_value(json!({
        "capabilities": {"general": {"positionEncodings": encodings}},
        "locale": "en",
        "workspaceFolders": folder.map(|f| json!([{"uri": Uri::from_file_path(f).unwrap().as_str(), "name": "ws"}])),
    }))
    .unwrap();
    state.initialize(&params);
    state
}

fn uri_of(path: &std::path::Path) -> Uri {
    Uri::from_file_path(path).unwrap()
}

/// The 0-based line and UTF-16 column of the `nth` occurrence of `needle` plus `inner` characters.
fn pos(text: &str, needle: &str, inner: usize) -> Position {
    let offset = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle} not found"));
    let before = &text[..offset];
    let line = before.matches('\n').count() as u32;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column: usize = text[line_start..offset].encode_utf16().count()
        + needle
            .chars()
            .take(inner)
            .map(char::len_utf16)
            .sum::<usize>();
    Position {
        line,
        character: column as u32,
    }
}

/// One open document at /tmp/…/kommun.pejl (not saved to disk).
fn open(text: &str) -> (State, Uri, common::tempdir::TempDir) {
    let (dir, root) = workspace(&[]);
    let mut state = init(None, &[]);
    let uri = uri_of(&root.join("kommun.pejl"));
    state.did_open(uri.clone(), text.to_string(), 1);
    (state, uri, dir)
}

#[test]
fn diagnostics_are_queued_with_the_version_and_cleared_when_fixed() {
    let text = POLICY.replacen("owner BUN\n  measure", "owner BUM\n  measure", 1);
    let (mut state, uri, _dir) = open(&text);
    let published = state.take_pending();
    assert_eq!(published.len(), 1);
    assert_eq!(published[0].uri, uri);
    assert_eq!(published[0].version, Some(1));
    let d = &published[0].diagnostics[0];
    assert_eq!(d.code, Some(NumberOrString::String("P0101".into())));
    assert_eq!(d.range.start, pos(&text, "BUM", 0));
    assert!(d
        .code_description
        .as_ref()
        .unwrap()
        .href
        .as_str()
        .ends_with(&format!(
            "#L{}",
            pejl::explain::heading_line(pejl::Code::P0101).unwrap()
        )));
    state.did_change(
        &uri,
        2,
        vec![TextDocumentContentChangeEvent {
            range: None,
            range_length: None,
            text: POLICY.into(),
        }],
    );
    let published = state.take_pending();
    assert_eq!(published[0].version, Some(2));
    assert!(published[0].diagnostics.is_empty());
    // An older full text arriving late is ignored.
    state.did_change(
        &uri,
        1,
        vec![TextDocumentContentChangeEvent {
            range: None,
            range_length: None,
            text: text.clone(),
        }],
    );
    assert!(state.take_pending().is_empty());
    assert_eq!(state.text(&uri), Some(POLICY));
    // Closing a file outside the workspace clears its diagnostics.
    state.did_change(
        &uri,
        3,
        vec![TextDocumentContentChangeEvent {
            range: None,
            range_length: None,
            text,
        }],
    );
    state.take_pending();
    state.did_close(&uri);
    let published = state.take_pending();
    assert_eq!(published.len(), 1);
    assert!(published[0].diagnostics.is_empty());
}

#[test]
fn ranged_changes_are_applied_in_utf16_units() {
    let (mut state, uri, _dir) = open(POLICY);
    state.take_pending();
    // Replace the `2040` after the emoji-free ID with `2050` on a line with an emoji further on.
    let at = pos(POLICY, "Kommunen 2040 🌲", 9);
    let change = TextDocumentContentChangeEvent {
        range: Some(Range {
            start: at,
            end: Position {
                line: at.line,
                character: at.character + 4,
            },
        }),
        range_length: None,
        text: "2050".into(),
    };
    state.did_change(&uri, 2, vec![change]);
    assert!(state.text(&uri).unwrap().contains("Kommunen 2050 🌲"));
    // After the emoji (two UTF-16 units): insert at the closing quote.
    let after = pos(state.text(&uri).unwrap(), "🌲\" {", 1);
    let change = TextDocumentContentChangeEvent {
        range: Some(Range {
            start: after,
            end: after,
        }),
        range_length: None,
        text: "!".into(),
    };
    state.did_change(&uri, 3, vec![change]);
    assert!(state.text(&uri).unwrap().contains("Kommunen 2050 🌲!\" {"));
}

#[test]
fn hover_definition_and_references() {
    let (state, uri, _dir) = open(POLICY);
    let hover = state
        .hover(&uri, pos(POLICY, "under näringsliv", 8))
        .unwrap();
    let HoverContents::Markup(markup) = hover.contents else {
        panic!()
    };
    assert!(markup
        .value
        .contains("*Chain:* vision Kommunen 2040 🌲 (`kommun2040`) › område Näringsliv och fællesskab 🚀 (`näringsliv`)"));
    assert_eq!(
        hover.range.unwrap().start,
        pos(POLICY, "under näringsliv", 6)
    );
    let def = state
        .definition(&uri, pos(POLICY, "under näringsliv", 9))
        .unwrap();
    assert_eq!(def.uri, uri);
    assert_eq!(def.range.start, pos(POLICY, "område näringsliv", 7));
    assert_eq!(def.range.end, pos(POLICY, "område näringsliv", 17));
    let refs = state.references(&uri, pos(POLICY, "body KF", 5), true);
    assert_eq!(refs.len(), 6, "{refs:#?}");
    assert!(state
        .hover(
            &uri,
            Position {
                line: 9999,
                character: 0
            }
        )
        .is_none());
}

#[test]
fn rename_returns_a_workspace_edit_or_a_reason() {
    let (state, uri, _dir) = open(POLICY);
    let (range, placeholder) = state
        .prepare_rename(&uri, pos(POLICY, "values fællesskab", 9))
        .unwrap();
    assert_eq!(placeholder, "fællesskab");
    assert_eq!(range.start, pos(POLICY, "values fællesskab", 7));
    let edit = state
        .rename(&uri, pos(POLICY, "values fællesskab", 9), "gemenskap")
        .unwrap();
    let edits = &edit.changes.unwrap()[&uri];
    assert_eq!(edits.len(), 2);
    assert!(edits.iter().all(|e| e.new_text == "gemenskap"));
    assert!(state
        .rename(&uri, pos(POLICY, "values fællesskab", 9), "KF")
        .unwrap_err()
        .contains("already the ID"));
    assert!(state
        .prepare_rename(
            &uri,
            Position {
                line: 0,
                character: 0
            }
        )
        .is_err());
}

#[test]
fn completion_replaces_the_typed_part_in_utf16_units() {
    // On a line with an emoji before the cursor.
    let text = POLICY.replacen(
        "mål företagsklimat \"Företagsklimatet ska förbättras 📈\" {\n  under näringsliv\n",
        "mål företagsklimat \"Företagsklimatet 📈\" { under när\n",
        1,
    );
    let (state, uri, _dir) = open(&text);
    let at = pos(&text, "under när", 9);
    let Some(CompletionResponse::List(list)) = state.completion(&uri, at) else {
        panic!()
    };
    assert_eq!(list.items.len(), 1);
    let item = &list.items[0];
    assert_eq!(item.label, "näringsliv");
    assert_eq!(item.kind, Some(CompletionItemKind::CLASS));
    assert_eq!(item.detail.as_deref(), Some("Näringsliv och fællesskab 🚀"));
    let Some(CompletionTextEdit::Edit(edit)) = &item.text_edit else {
        panic!()
    };
    assert_eq!(edit.range.start, pos(&text, "under när", 6));
    assert_eq!(
        edit.range.start.character,
        "mål företagsklimat \"Företagsklimatet 📈\" { under "
            .encode_utf16()
            .count() as u32
    );
    assert_eq!(edit.range.end, at);
}

#[test]
fn outline_symbols_tokens_folding_and_hints() {
    let (state, uri, _dir) = open(POLICY);
    let symbols = state.document_symbols(&uri).unwrap();
    let vision = symbols.iter().find(|s| s.name == "kommun2040").unwrap();
    assert_eq!(vision.kind, SymbolKind::CLASS);
    let area = &vision.children.as_ref().unwrap()[0];
    assert_eq!(area.name, "näringsliv");
    assert_eq!(area.children.as_ref().unwrap()[0].name, "företagsklimat");
    assert_eq!(
        area.selection_range.start,
        pos(POLICY, "område näringsliv", 7)
    );

    let found = state.workspace_symbols("företag");
    assert_eq!(found[0].name, "företagsklimat");
    assert_eq!(found[0].location.uri, uri);

    // Semantic tokens: decode the relative encoding and check a few.
    let tokens = state.semantic_tokens(&uri).unwrap().data;
    let legend = pejl_lsp::state::legend();
    let (mut line, mut col) = (0, 0);
    let mut absolute = Vec::new();
    for t in &tokens {
        if t.delta_line > 0 {
            line += t.delta_line;
            col = t.delta_start;
        } else {
            col += t.delta_start;
        }
        absolute.push((
            line,
            col,
            t.length,
            legend.token_types[t.token_type as usize]
                .as_str()
                .to_string(),
            t.token_modifiers_bitset,
        ));
    }
    let at = |needle: &str, inner: usize| {
        let p = pos(POLICY, needle, inner);
        absolute
            .iter()
            .find(|t| t.0 == p.line && t.1 == p.character)
            .cloned()
            .unwrap_or_else(|| panic!("no token at {needle}"))
    };
    assert_eq!(at("mål företagsklimat", 0).3, "type");
    assert_eq!(
        at("mål företagsklimat", 4),
        (
            pos(POLICY, "företagsklimat", 0).line,
            4,
            14,
            "class".to_string(),
            1
        )
    );
    assert_eq!(at("under näringsliv", 0).3, "keyword");
    assert_eq!(at("measure nki", 8).3, "property");
    assert_eq!(at("yellow when", 0).3, "enumMember");

    let folds = state.folding_ranges(&uri).unwrap();
    assert!(folds.iter().any(|f| f.start_line == 0 && f.end_line == 4));

    let hints = state
        .inlay_hints(
            &uri,
            Range {
                start: Position {
                    line: 0,
                    character: 0,
                },
                end: Position {
                    line: 999,
                    character: 0,
                },
            },
        )
        .unwrap();
    assert_eq!(hints.len(), 2);
    assert_eq!(hints[1].position, pos(POLICY, "under näringsliv", 16));
    assert!(
        matches!(&hints[1].label, InlayHintLabel::String(s) if s == "Näringsliv och fællesskab 🚀")
    );
}

#[test]
fn code_actions_carry_edits_and_their_diagnostic() {
    let text = POLICY.replacen("under näringsliv", "under näringslif", 1);
    let (state, uri, _dir) = open(&text);
    let at = pos(&text, "näringslif", 2);
    let actions = state
        .code_actions(&uri, Range { start: at, end: at })
        .unwrap();
    let CodeActionOrCommand::CodeAction(fix) = &actions[0] else {
        panic!()
    };
    assert_eq!(fix.title, "Change to `näringsliv`");
    assert_eq!(fix.kind, Some(CodeActionKind::QUICKFIX));
    assert_eq!(fix.is_preferred, Some(true));
    assert_eq!(
        fix.diagnostics.as_ref().unwrap()[0].code,
        Some(NumberOrString::String("P0101".into()))
    );
    let edit = &fix.edit.as_ref().unwrap().changes.as_ref().unwrap()[&uri][0];
    assert_eq!(edit.new_text, "näringsliv");
    assert_eq!(edit.range.start, pos(&text, "näringslif", 0));
    assert!(actions.iter().any(
        |a| matches!(a, CodeActionOrCommand::CodeAction(a) if a.title == "Create goal `näringslif`")
    ));
}

#[test]
fn formatting_returns_the_smallest_edit() {
    let messy = POLICY.replacen(
        "  owner BUN\n  measure nki",
        "owner   BUN\n      measure nki",
        1,
    );
    let (state, uri, _dir) = open(&messy);
    let edits = state.formatting(&uri).unwrap().unwrap();
    assert_eq!(edits.len(), 1);
    // Apply the edit and compare with the formatter's own output.
    let lines: Vec<&str> = messy.split_inclusive('\n').collect();
    let offset = |p: Position| {
        let start: usize = lines[..p.line as usize].iter().map(|l| l.len()).sum();
        let line = lines[p.line as usize];
        let mut units = 0;
        let mut at = line.len();
        for (i, c) in line.char_indices() {
            if units >= p.character as usize {
                at = i;
                break;
            }
            units += c.len_utf16();
        }
        start + at
    };
    let mut formatted = messy.clone();
    formatted.replace_range(
        offset(edits[0].range.start)..offset(edits[0].range.end),
        &edits[0].new_text,
    );
    assert_eq!(formatted, pejl::format::format(&messy).unwrap());
    // A formatted text gives no edit.
    let (state, uri, _dir) = open(&formatted);
    assert_eq!(state.formatting(&uri).unwrap(), Some(Vec::new()));
}

#[test]
fn crlf_and_utf8_positions() {
    let text = POLICY.replace('\n', "\r\n");
    let (dir, root) = workspace(&[]);
    let mut state = init(None, &["utf-8"]);
    let uri = uri_of(&root.join("crlf.pejl"));
    state.did_open(uri.clone(), text.clone(), 1);
    assert!(state
        .take_pending()
        .iter()
        .all(|p| p.diagnostics.is_empty()));
    // UTF-8 columns count bytes: `område ` is 8 bytes.
    let line = text[..text.find("område näringsliv").unwrap()]
        .matches('\n')
        .count() as u32;
    let def = state
        .definition(
            &uri,
            Position {
                line: line + 1,
                character: 12,
            },
        )
        .unwrap();
    assert_eq!(
        def.range.start,
        Position {
            line: 20,
            character: 7
        },
        "kommun2040 is declared on line 21"
    );
    let hover = state.hover(&uri, Position { line, character: 9 }).unwrap();
    assert_eq!(hover.range.unwrap().start, Position { line, character: 8 });
    // A position past the end of a CRLF line is clamped before the CR.
    let hover = state.hover(
        &uri,
        Position {
            line,
            character: 500,
        },
    );
    assert!(hover.is_none() || hover.unwrap().range.unwrap().end.line == line);
    drop(dir);
}

#[test]
fn the_workspace_is_analysed_including_files_not_open() {
    let (root_text, goals_text) = {
        let start = POLICY.find("mål företagsklimat").unwrap();
        let end = POLICY.find("indicator nki").unwrap();
        (
            format!(
                "{}include \"mål.pejl\"\n\n{}",
                &POLICY[..start],
                &POLICY[end..]
            ),
            POLICY[start..end].replace("owner BUN", "owner BUM"),
        )
    };
    let (_dir, root) = workspace(&[
        ("kommun.pejl", &root_text),
        ("mål.pejl", &goals_text),
        ("annan.pejl", "policy x \"X\"\nbody A \"A\" { parent B }\n"),
    ]);
    let mut state = init(Some(&root), &[]);
    let published = state.take_pending();
    let goals = published
        .iter()
        .find(|p| p.uri == uri_of(&root.join("mål.pejl")))
        .expect("the included file's error");
    assert_eq!(
        goals.diagnostics[0].code,
        Some(NumberOrString::String("P0101".into()))
    );
    assert_eq!(goals.version, None);
    assert!(
        published
            .iter()
            .any(|p| p.uri == uri_of(&root.join("annan.pejl"))),
        "a second policy in the folder"
    );
    assert!(
        !published
            .iter()
            .any(|p| p.uri == uri_of(&root.join("kommun.pejl"))),
        "the root is clean"
    );
    // Fixing the included file on disk (a watched-file change) clears it.
    std::fs::write(
        root.join("mål.pejl"),
        goals_text.replace("owner BUM", "owner BUN"),
    )
    .unwrap();
    state.did_change_watched_files(&[FileEvent {
        uri: uri_of(&root.join("mål.pejl")),
        typ: FileChangeType::CHANGED,
    }]);
    let published = state.take_pending();
    assert_eq!(published.len(), 1);
    assert!(published[0].diagnostics.is_empty());
}

/// A change with a range.
fn edit(start: (u32, u32), end: (u32, u32), text: &str) -> TextDocumentContentChangeEvent {
    TextDocumentContentChangeEvent {
        range: Some(Range {
            start: Position {
                line: start.0,
                character: start.1,
            },
            end: Position {
                line: end.0,
                character: end.1,
            },
        }),
        range_length: None,
        text: text.into(),
    }
}

#[test]
fn lone_cr_line_ends_count_as_lines_for_changes_and_positions() {
    // Line ends as the protocol knows them: lone `\r`, `\r\n` and `\n`, mixed.
    let ends = ["\r", "\r\n", "\n"];
    let mut text = String::new();
    for (i, line) in POLICY.split('\n').enumerate() {
        if i > 0 {
            text.push_str(ends[i % 3]);
        }
        text.push_str(line);
    }
    let (mut state, uri, _dir) = open(&text);
    state.take_pending();
    // Line 2 is `  period 2024..2027`: replace `2027`.
    state.did_change(&uri, 2, vec![edit((2, 15), (2, 19), "2028")]);
    let expected = text.replacen("period 2024..2027", "period 2024..2028", 1);
    assert_eq!(state.text(&uri), Some(expected.as_str()));
    // With lone `\r` only, an insertion at the start of line 3 and one past its end.
    let text = POLICY.replace('\n', "\r");
    let (mut state, uri, _dir) = open(&text);
    state.did_change(&uri, 2, vec![edit((3, 0), (3, 0), "  ")]);
    state.did_change(&uri, 3, vec![edit((3, 99), (3, 99), " // sv")]);
    let expected = text.replacen("\r  language sv\r", "\r    language sv // sv\r", 1);
    assert_eq!(state.text(&uri), Some(expected.as_str()));
    // Positions the server sends count the same lines.
    let symbols = state.document_symbols(&uri).unwrap();
    let policy = &symbols[0];
    assert_eq!(policy.range.start.line, 0);
    assert_eq!(policy.range.end.line, 5, "the policy block ends on line 5");
}

#[test]
fn the_workspace_scan_does_not_follow_links_to_folders() {
    let (_dir, root) = workspace(&[
        ("kommun.pejl", POLICY),
        (
            "del/annan.pejl",
            "policy x \"X\"\nbody A \"A\" { parent B }\n",
        ),
    ]);
    for name in ["loop1", "loop2", "loop3"] {
        std::os::unix::fs::symlink(".", root.join(name)).unwrap();
    }
    std::os::unix::fs::symlink("..", root.join("del/upp")).unwrap();
    std::os::unix::fs::symlink("/", root.join("rot")).unwrap();
    let started = std::time::Instant::now();
    let files = pejl_lsp::state::scan(std::slice::from_ref(&root));
    assert_eq!(
        files,
        vec![root.join("del/annan.pejl"), root.join("kommun.pejl")]
    );
    let mut state = init(Some(&root), &[]);
    let published: Vec<Uri> = state.take_pending().into_iter().map(|p| p.uri).collect();
    assert_eq!(published, vec![uri_of(&root.join("del/annan.pejl"))]);
    assert!(started.elapsed() < std::time::Duration::from_secs(5));
}

/// Runs `f` on a thread, failing the test if it takes longer than `limit` (instead of hanging).
fn within<T: Send + 'static>(
    limit: std::time::Duration,
    f: impl FnOnce() -> T + Send + 'static,
) -> T {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.recv_timeout(limit)
        .unwrap_or_else(|_| panic!("did not finish within {limit:?}"))
}

#[test]
fn fifos_devices_and_huge_files_named_pejl_are_not_read() {
    let including = format!("include \"rör.pejl\"\ninclude \"noll.pejl\"\n{POLICY}");
    let (dir, root) = workspace(&[("kommun.pejl", &including)]);
    let status = std::process::Command::new("mkfifo")
        .arg(root.join("rör.pejl"))
        .status()
        .unwrap();
    assert!(status.success());
    std::os::unix::fs::symlink("/dev/zero", root.join("noll.pejl")).unwrap();
    // A sparse file past the size limit.
    let huge = std::fs::File::create(root.join("stor.pejl")).unwrap();
    huge.set_len(pejl::fsio::MAX_FILE_BYTES + 1).unwrap();
    let files = pejl_lsp::state::scan(std::slice::from_ref(&root));
    assert_eq!(
        files,
        vec![root.join("kommun.pejl"), root.join("stor.pejl")]
    );
    let folder = root.clone();
    let published = within(std::time::Duration::from_secs(30), move || {
        init(Some(&folder), &[]).take_pending()
    });
    let messages = |name: &str| -> Vec<String> {
        published
            .iter()
            .filter(|p| p.uri == uri_of(&root.join(name)))
            .flat_map(|p| p.diagnostics.iter().map(|d| d.message.clone()))
            .collect()
    };
    let kommun = messages("kommun.pejl");
    assert_eq!(
        kommun
            .iter()
            .filter(|m| m.contains("not a regular file") || m.contains("leads to `/dev/zero`"))
            .count(),
        2,
        "{kommun:?}"
    );
    let stor = messages("stor.pejl");
    assert!(stor.iter().any(|m| m.contains("256 MiB")), "{stor:?}");
    drop(dir);
}

#[test]
fn a_workspace_at_the_root_of_the_disk_is_scanned_within_bounds() {
    let files = within(std::time::Duration::from_secs(60), || {
        pejl_lsp::state::scan(&[std::path::PathBuf::from("/")])
    });
    assert!(files.len() <= pejl_lsp::state::SCAN_FILES);
    let unique: std::collections::HashSet<_> = files.iter().collect();
    assert_eq!(unique.len(), files.len());
}

/// A burst of keystrokes (ranged edits, as incremental sync sends them) is applied one by
/// one and analysed once; the diagnostics then are those of the last text and version, and
/// equal to what a full analysis of that text gives.
#[test]
fn a_burst_of_ranged_edits_is_analysed_once_with_the_last_version() {
    let (mut state, uri, _dir) = open(POLICY);
    state.take_pending();
    let before = state.analyses;
    // Type "BUMX" after `owner ` letter by letter, replacing `BUN`, as a user would.
    let start = pos(POLICY, "owner BUN\n  measure", 6);
    let mut version = 1;
    state.apply_change(
        &uri,
        {
            version += 1;
            version
        },
        vec![edit(
            (start.line, start.character),
            (start.line, start.character + 3),
            "",
        )],
    );
    for (i, letter) in ["B", "U", "M", "X", "ö"].iter().enumerate() {
        version += 1;
        let column = start.character + i as u32;
        state.apply_change(
            &uri,
            version,
            vec![edit((start.line, column), (start.line, column), letter)],
        );
    }
    assert!(state.is_dirty());
    assert_eq!(state.analyses, before, "edits alone do not analyse");
    state.flush();
    assert_eq!(state.analyses, before + 1, "one analysis for the burst");
    assert!(!state.is_dirty());
    let text = POLICY.replacen("owner BUN\n  measure", "owner BUMXö\n  measure", 1);
    assert_eq!(state.text(&uri), Some(text.as_str()));
    let published = state.take_pending();
    assert_eq!(published.len(), 1);
    assert_eq!(published[0].version, Some(version));
    let expected = pejl::analyze_text(&uri_to_path(&uri), &text);
    let codes: Vec<String> = published[0]
        .diagnostics
        .iter()
        .filter_map(|d| match &d.code {
            Some(NumberOrString::String(c)) => Some(c.clone()),
            _ => None,
        })
        .collect();
    let expected_codes: Vec<String> = expected
        .diagnostics
        .iter()
        .map(|d| d.code.as_str().to_string())
        .collect();
    assert_eq!(codes, expected_codes);
    assert!(codes.contains(&"P0101".to_string()), "{codes:?}");
}

fn uri_to_path(uri: &Uri) -> std::path::PathBuf {
    pejl_lsp::state::uri_to_path(uri).expect("a file URI")
}

/// A policy deleted in the Explorer is forgotten: its problems are cleared, and no "cannot
/// read" (P0004) stays behind.
#[test]
fn a_deleted_policy_file_leaves_no_problem_behind() {
    let (_dir, root) = workspace(&[
        ("kommun.pejl", POLICY),
        ("annan.pejl", "policy x \"X\"\nbody A \"A\" { parent B }\n"),
    ]);
    let mut state = init(Some(&root), &[]);
    let published = state.take_pending();
    let other = uri_of(&root.join("annan.pejl"));
    assert!(published
        .iter()
        .any(|p| p.uri == other && !p.diagnostics.is_empty()));
    std::fs::remove_file(root.join("annan.pejl")).unwrap();
    state.did_change_watched_files(&[FileEvent {
        uri: other.clone(),
        typ: FileChangeType::DELETED,
    }]);
    let published = state.take_pending();
    let cleared = published
        .iter()
        .filter(|p| p.uri == other)
        .collect::<Vec<_>>();
    assert_eq!(cleared.len(), 1, "{published:?}");
    assert!(cleared[0].diagnostics.is_empty(), "{published:?}");
    assert!(published.iter().all(|p| p
        .diagnostics
        .iter()
        .all(|d| d.code != Some(NumberOrString::String("P0004".into())))));
}

/// A client whose display language is Danish (`locale: "da"`), editing a policy written in
/// Danish keywords: diagnostics, hover and quick fixes all speak Danish.
#[test]
fn a_danish_client_is_answered_in_danish() {
    let text = include_str!("../../examples/dragor.pejl");
    let owner = text.find("ansvarlig ").expect("a Danish `ansvarlig`") + "ansvarlig ".len();
    let end = owner + text[owner..].find(['\n', ' ']).unwrap();
    let name = text[owner..end].to_string();
    let broken = format!("{}{name}X{}", &text[..owner], &text[end..]);
    let (dir, root) = workspace(&[]);
    let mut state = State::new();
    let params: InitializeParams = serde_json::from_value(json!({
        "capabilities": {},
        "locale": "da",
    }))
    .unwrap();
    state.initialize(&params);
    let uri = uri_of(&root.join("dragoer.pejl"));
    state.did_open(uri.clone(), broken.clone(), 1);
    let published = state.take_pending();
    let d = published[0]
        .diagnostics
        .iter()
        .find(|d| d.code == Some(NumberOrString::String("P0101".into())))
        .expect("the unknown owner");
    assert!(
        d.message
            .starts_with(&format!("det ansvarlige udvalg `{name}X` findes ikke")),
        "{}",
        d.message
    );
    assert!(d.message.contains("hjælp: mente du"), "{}", d.message);
    let at = pos(&broken, &format!("{name}X"), 1);
    let actions = state
        .code_actions(&uri, Range { start: at, end: at })
        .unwrap();
    let CodeActionOrCommand::CodeAction(fix) = &actions[0] else {
        panic!()
    };
    assert_eq!(fix.title, format!("Ret til `{name}`"));
    // Hover on a goal's owner: the labels in Danish.
    let goal_owner = pos(text, &format!("ansvarlig {name}"), 12);
    state.did_change(
        &uri,
        2,
        vec![TextDocumentContentChangeEvent {
            range: None,
            range_length: None,
            text: text.to_string(),
        }],
    );
    let hover = state.hover(&uri, goal_owner).expect("a hover on the owner");
    let HoverContents::Markup(markup) = hover.contents else {
        panic!()
    };
    assert!(
        markup
            .value
            .contains("*Overordnet:* `KB` — Kommunalbestyrelsen"),
        "{}",
        markup.value
    );
    assert!(
        markup.value.contains("*Ansvarlig for* "),
        "{}",
        markup.value
    );
    drop(dir);
}
