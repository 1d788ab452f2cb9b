//! The server's state and every request, synchronously: open documents, the policies of the
//! workspace (each root file with the files it includes) and their last analysis. Every
//! answer comes from `pejl::ide`; this module only converts between protocol positions and
//! byte offsets and between protocol types and the library's.

use pejl::i18n::{lang_of_locale, Lang};
use pejl::ide::{self, Edit};
use pejl::span::{FileId, LineIndex, Span};
use pejl::{Analysis, FileLoader, FsLoader, Severity};
use std::collections::{HashMap, HashSet};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use tower_lsp_server::ls_types as lsp;

pub mod testing;

/// How the client counts columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf16,
    Utf8,
}

/// An open document.
struct Doc {
    uri: lsp::Uri,
    text: String,
    version: i32,
}

/// One policy: a root file and what it includes.
struct Root {
    path: PathBuf,
    /// Opened without being part of a workspace policy (dropped when closed).
    standalone: bool,
    parser: ide::IncrementalParser,
    analysis: Option<Analysed>,
}

/// An analysis, with positions in the protocol's terms.
pub struct Analysed {
    analysis: Analysis,
}

impl Analysed {
    fn new(mut analysis: Analysis) -> Self {
        // Failed expectations of the policy's tests are diagnostics too (P0801).
        pejl::testing::add_failures(&mut analysis);
        Analysed { analysis }
    }

    fn lines(&self, file: FileId) -> &LineIndex {
        self.analysis.sources.get(file).lines()
    }

    fn text(&self, file: FileId) -> &str {
        &self.analysis.sources.get(file).text
    }

    fn position(&self, file: FileId, offset: usize, encoding: Encoding) -> lsp::Position {
        crate::lines::position(self.lines(file), self.text(file), offset, encoding)
    }

    fn offset(&self, file: FileId, position: lsp::Position, encoding: Encoding) -> usize {
        crate::lines::offset(self.lines(file), self.text(file), position, encoding)
    }
}

impl std::ops::Deref for Analysed {
    type Target = Analysis;

    fn deref(&self) -> &Analysis {
        &self.analysis
    }
}

impl Root {
    fn contains(&self, path: &Path) -> bool {
        self.analysis
            .as_ref()
            .is_some_and(|a| a.sources.find(path).is_some())
    }
}

/// Diagnostics to send for one file.
#[derive(Debug, Clone, PartialEq)]
pub struct Publish {
    pub uri: lsp::Uri,
    pub diagnostics: Vec<lsp::Diagnostic>,
    pub version: Option<i32>,
}

pub struct State {
    pub encoding: Encoding,
    folders: Vec<PathBuf>,
    docs: HashMap<PathBuf, Doc>,
    roots: Vec<Root>,
    /// What was last published per file (so unchanged files are not sent again, and files
    /// that lost their diagnostics get an empty list).
    published: HashMap<PathBuf, Vec<lsp::Diagnostic>>,
    pending: Vec<Publish>,
    /// Documents edited since their policies were last analysed: a burst of edits is
    /// analysed once, when it pauses or when a request needs it ([`State::flush`]).
    dirty: Vec<PathBuf>,
    /// How many analyses have run (for the tests of coalescing).
    pub analyses: usize,
    /// Base of the links to the diagnostic index (`…/diagnostics.md`), with the code's anchor appended.
    docs_url: Option<String>,
    /// The language asked for: the `pejl.language` setting, else the client's locale. Without
    /// either, each policy's own `language`, else English.
    pub lang: Option<Lang>,
}

impl Default for State {
    fn default() -> Self {
        State::new()
    }
}

/// Reads open documents from their buffers and everything else from disk, as the CLI does
/// (`FsLoader`: regular files only, so a FIFO named `*.pejl` cannot block the server).
struct Overlay<'a>(&'a HashMap<PathBuf, Doc>);

impl FileLoader for Overlay<'_> {
    fn read(&self, path: &Path) -> std::io::Result<Vec<u8>> {
        match self.0.get(path) {
            Some(doc) => Ok(doc.text.as_bytes().to_vec()),
            None => FsLoader.read(path),
        }
    }
}

/// The column encoding to use: UTF-8 if the client offers it.
pub fn negotiate(params: &lsp::InitializeParams) -> Encoding {
    let offered = params
        .capabilities
        .general
        .as_ref()
        .and_then(|g| g.position_encodings.as_ref());
    match offered {
        Some(list) if list.contains(&lsp::PositionEncodingKind::UTF8) => Encoding::Utf8,
        _ => Encoding::Utf16,
    }
}

pub fn uri_to_path(uri: &lsp::Uri) -> Option<PathBuf> {
    if uri.scheme().as_str() != "file" {
        return None;
    }
    uri.to_file_path().map(|p| pejl::sources::normalize(&p))
}

pub fn path_to_uri(path: &Path) -> Option<lsp::Uri> {
    lsp::Uri::from_file_path(path)
}

impl State {
    pub fn new() -> Self {
        State {
            encoding: Encoding::Utf16,
            folders: Vec::new(),
            docs: HashMap::new(),
            roots: Vec::new(),
            published: HashMap::new(),
            pending: Vec::new(),
            dirty: Vec::new(),
            analyses: 0,
            docs_url: None,
            lang: None,
        }
    }

    // ------------------------------------------------------------------ lifecycle

    pub fn initialize(&mut self, params: &lsp::InitializeParams) -> lsp::InitializeResult {
        self.encoding = negotiate(params);
        let mut folders: Vec<PathBuf> = params
            .workspace_folders
            .iter()
            .flatten()
            .filter_map(|f| uri_to_path(&f.uri))
            .collect();
        #[allow(deprecated)]
        if folders.is_empty() {
            folders.extend(params.root_uri.as_ref().and_then(uri_to_path));
        }
        self.folders = folders;
        self.docs_url = params
            .initialization_options
            .as_ref()
            .and_then(|o| o.get("diagnosticsUrl"))
            .and_then(|v| v.as_str())
            .map(str::to_string)
            .or_else(default_docs_url);
        // `pejl.language` (sv, da, en; "auto" or unset: the editor's display language).
        self.lang = params
            .initialization_options
            .as_ref()
            .and_then(|o| o.get("language"))
            .and_then(|v| v.as_str())
            .and_then(lang_of_locale)
            .or_else(|| params.locale.as_deref().and_then(lang_of_locale));
        if catch_unwind(AssertUnwindSafe(|| self.discover())).is_err() {
            log(format_args!(
                "internal error while scanning the workspace; going on without it"
            ));
        }
        lsp::InitializeResult {
            capabilities: capabilities(self.encoding),
            server_info: Some(lsp::ServerInfo {
                name: "pejl-lsp".to_string(),
                version: Some(env!("CARGO_PKG_VERSION").to_string()),
            }),
            ..Default::default()
        }
    }

    /// Finds the policies of the workspace folders (every `.pejl` file that no other file
    /// includes) and analyses them.
    fn discover(&mut self) {
        let files = scan(&self.folders);
        let mut included = HashSet::new();
        for file in &files {
            let Ok(bytes) = FsLoader.read(file) else {
                continue;
            };
            let text = String::from_utf8_lossy(&bytes);
            let dir = file.parent().unwrap_or(Path::new(""));
            for line in text.split(['\r', '\n']) {
                let Some(rest) = line.strip_prefix("include") else {
                    continue;
                };
                let rest = rest.trim_start();
                if let Some(path) = rest.strip_prefix('"').and_then(|r| r.split('"').next()) {
                    included.insert(pejl::sources::normalize(&dir.join(path)));
                }
            }
        }
        let mut roots: Vec<&PathBuf> = files.iter().filter(|f| !included.contains(*f)).collect();
        if roots.is_empty() {
            // Only cycles: take every file as a root.
            roots = files.iter().collect();
        }
        // A workspace policy whose file is gone (deleted or moved in the Explorer) is no longer a
        // policy: forget it and clear what was published for its files, rather than report
        // that it cannot be read.
        let gone: Vec<usize> = (0..self.roots.len())
            .filter(|&i| {
                let r = &self.roots[i];
                !r.standalone && !self.docs.contains_key(&r.path) && !files.contains(&r.path)
            })
            .collect();
        for i in gone.into_iter().rev() {
            let root = self.roots.remove(i);
            let files_of_root = root
                .analysis
                .iter()
                .flat_map(|a| a.sources.files.iter().map(|f| f.path.clone()))
                .collect::<Vec<_>>();
            for file in files_of_root {
                if !self.roots.iter().any(|r| r.contains(&file)) {
                    self.queue(&file, Vec::new(), None);
                }
            }
        }
        for path in roots {
            if !self.roots.iter().any(|r| &r.path == path) {
                self.roots.push(Root {
                    path: path.clone(),
                    standalone: false,
                    parser: ide::IncrementalParser::new(),
                    analysis: None,
                });
            }
        }
        // Workspace roots that are now included by another policy are dropped.
        for i in 0..self.roots.len() {
            // One policy the library cannot analyse must not keep the others (or
            // `initialize`) from working.
            let analysed = catch_unwind(AssertUnwindSafe(|| self.analyse(i, None)));
            if analysed.is_err() {
                log(format_args!(
                    "internal error analysing {}",
                    self.roots[i].path.display()
                ));
            }
        }
        self.drop_included_roots();
    }

    fn drop_included_roots(&mut self) {
        let paths: Vec<(usize, PathBuf)> = self
            .roots
            .iter()
            .enumerate()
            .map(|(i, r)| (i, r.path.clone()))
            .collect();
        let mut drop = Vec::new();
        for (i, path) in &paths {
            let included = self.roots.iter().enumerate().any(|(j, other)| {
                j != *i
                    && other
                        .analysis
                        .as_ref()
                        .is_some_and(|a| a.sources.files.iter().skip(1).any(|f| &f.path == path))
            });
            if included {
                drop.push(*i);
            }
        }
        for i in drop.into_iter().rev() {
            self.roots.remove(i);
        }
    }

    /// Analyses root `i` again and queues the diagnostics of its files. `changed` is the file
    /// whose version must be published even when its diagnostics did not change.
    fn analyse(&mut self, i: usize, changed: Option<&Path>) {
        let root = &mut self.roots[i];
        let before: Vec<PathBuf> = root
            .analysis
            .as_ref()
            .map(|a| a.sources.files.iter().map(|f| f.path.clone()).collect())
            .unwrap_or_default();
        let started = std::time::Instant::now();
        self.analyses += 1;
        let previous = root.analysis.take().map(|a| a.analysis);
        let analysis = Analysed::new(root.parser.analyze(
            &root.path,
            &Overlay(&self.docs),
            previous,
        ));
        if timing() {
            log(format_args!(
                "analysed {} in {:.1} ms (parse {:.1} ms: {} bytes parsed, {} kept)",
                root.path.display(),
                started.elapsed().as_secs_f64() * 1000.0,
                root.parser.last_parse_time.as_secs_f64() * 1000.0,
                root.parser.last_reparsed,
                root.parser.last_reused
            ));
        }
        let lang = self.lang_of(&analysis);
        let mut by_file: Vec<Vec<lsp::Diagnostic>> = vec![Vec::new(); analysis.sources.files.len()];
        for d in &analysis.diagnostics {
            if let Some(list) = by_file.get_mut(d.span.file.0 as usize) {
                list.push(convert_diagnostic(
                    &analysis,
                    d,
                    self.encoding,
                    self.docs_url.as_deref(),
                    lang,
                ));
            }
        }
        let mut now = Vec::new();
        for (file, diagnostics) in analysis.sources.files.iter().zip(by_file) {
            now.push(file.path.clone());
            self.queue(&file.path, diagnostics, changed);
        }
        for gone in before.into_iter().filter(|p| !now.contains(p)) {
            // A file no longer included: unless another policy has it, clear it.
            if !self
                .roots
                .iter()
                .enumerate()
                .any(|(j, r)| j != i && r.contains(&gone))
            {
                self.queue(&gone, Vec::new(), None);
            }
        }
        self.roots[i].analysis = Some(analysis);
    }

    fn queue(&mut self, path: &Path, diagnostics: Vec<lsp::Diagnostic>, changed: Option<&Path>) {
        let same = self
            .published
            .get(path)
            .map_or(diagnostics.is_empty(), |d| *d == diagnostics);
        if same && changed != Some(path) {
            return;
        }
        let (uri, version) = match self.docs.get(path) {
            Some(doc) => (Some(doc.uri.clone()), Some(doc.version)),
            None => (path_to_uri(path), None),
        };
        let Some(uri) = uri else { return };
        self.pending.retain(|p| p.uri != uri);
        self.pending.push(Publish {
            uri,
            diagnostics: diagnostics.clone(),
            version,
        });
        self.published.insert(path.to_path_buf(), diagnostics);
    }

    /// The diagnostics to publish now, oldest first.
    pub fn take_pending(&mut self) -> Vec<Publish> {
        std::mem::take(&mut self.pending)
    }

    /// The roots whose policy contains `path`; a file of no policy becomes a policy of its own.
    fn roots_of(&mut self, path: &Path) -> Vec<usize> {
        let found: Vec<usize> = (0..self.roots.len())
            .filter(|&i| self.roots[i].contains(path) || self.roots[i].path == path)
            .collect();
        if !found.is_empty() {
            return found;
        }
        let inside = self.folders.iter().any(|f| path.starts_with(f));
        self.roots.push(Root {
            path: path.to_path_buf(),
            standalone: !inside,
            parser: ide::IncrementalParser::new(),
            analysis: None,
        });
        vec![self.roots.len() - 1]
    }

    fn reanalyse(&mut self, path: &Path) {
        for i in self.roots_of(path) {
            self.analyse(i, Some(path));
        }
        self.drop_included_roots();
    }

    // ------------------------------------------------------------------ documents

    pub fn did_open(&mut self, uri: lsp::Uri, text: String, version: i32) {
        let Some(path) = uri_to_path(&uri) else {
            log(format_args!(
                "ignoring a document that is not a file: {}",
                uri.as_str()
            ));
            return;
        };
        self.docs.insert(path.clone(), Doc { uri, text, version });
        self.reanalyse(&path);
    }

    /// Applies an edit and analyses at once (what [`State::apply_change`] and
    /// [`State::flush`] do in turn).
    pub fn did_change(
        &mut self,
        uri: &lsp::Uri,
        version: i32,
        changes: Vec<lsp::TextDocumentContentChangeEvent>,
    ) {
        self.apply_change(uri, version, changes);
        self.flush();
    }

    /// Whether edits wait for their analysis.
    pub fn is_dirty(&self) -> bool {
        !self.dirty.is_empty()
    }

    /// Analyses the policies of the documents edited since their last analysis, once each.
    pub fn flush(&mut self) {
        let started = std::time::Instant::now();
        let dirty = std::mem::take(&mut self.dirty);
        let edits = dirty.len();
        let mut seen = HashSet::new();
        for path in dirty {
            if seen.insert(path.clone()) {
                self.reanalyse(&path);
            }
        }
        if timing() && edits > 0 {
            log(format_args!(
                "analysed {} edits in {:.1} ms",
                edits,
                started.elapsed().as_secs_f64() * 1000.0
            ));
        }
    }

    /// Applies an edit (whole text or ranges, in order) to an open document; its analysis
    /// waits for [`State::flush`].
    pub fn apply_change(
        &mut self,
        uri: &lsp::Uri,
        version: i32,
        changes: Vec<lsp::TextDocumentContentChangeEvent>,
    ) {
        let Some(path) = uri_to_path(uri) else { return };
        let encoding = self.encoding;
        let Some(doc) = self.docs.get_mut(&path) else {
            log(format_args!(
                "change to a document that is not open: {}",
                uri.as_str()
            ));
            return;
        };
        if version < doc.version && changes.iter().all(|c| c.range.is_none()) {
            log(format_args!(
                "ignoring version {version} of {}: version {} is newer",
                uri.as_str(),
                doc.version
            ));
            return;
        }
        for change in changes {
            match change.range {
                None => doc.text = change.text,
                Some(range) => {
                    let lines = LineIndex::new(&doc.text);
                    let start = crate::lines::offset(&lines, &doc.text, range.start, encoding);
                    let end =
                        crate::lines::offset(&lines, &doc.text, range.end, encoding).max(start);
                    doc.text.replace_range(start..end, &change.text);
                }
            }
        }
        doc.version = version;
        self.dirty.push(path);
    }

    pub fn did_close(&mut self, uri: &lsp::Uri) {
        let Some(path) = uri_to_path(uri) else { return };
        if self.docs.remove(&path).is_none() {
            return;
        }
        self.dirty.retain(|p| *p != path);
        let standalone: Vec<usize> = (0..self.roots.len())
            .filter(|&i| self.roots[i].standalone && self.roots[i].path == path)
            .collect();
        if !standalone.is_empty() {
            // Not part of the workspace: forget it and clear its diagnostics.
            let files: Vec<PathBuf> = standalone
                .iter()
                .filter_map(|&i| self.roots[i].analysis.as_ref())
                .flat_map(|a| a.sources.files.iter().map(|f| f.path.clone()))
                .collect();
            for i in standalone.into_iter().rev() {
                self.roots.remove(i);
            }
            for file in files {
                if !self.roots.iter().any(|r| r.contains(&file)) {
                    self.queue(&file, Vec::new(), None);
                }
            }
            return;
        }
        // A file of the workspace: what is on disk counts again.
        self.reanalyse(&path);
    }

    /// Files changed on disk (created, changed or deleted).
    pub fn did_change_watched_files(&mut self, changes: &[lsp::FileEvent]) {
        let mut structural = false;
        let mut paths = Vec::new();
        for change in changes {
            let Some(path) = uri_to_path(&change.uri) else {
                continue;
            };
            if change.typ != lsp::FileChangeType::CHANGED {
                structural = true;
            }
            paths.push(path);
        }
        if structural {
            self.discover();
        }
        let mut done = HashSet::new();
        for path in paths {
            if self.docs.contains_key(&path) {
                continue; // the buffer wins over the disk
            }
            for i in 0..self.roots.len() {
                if (self.roots[i].contains(&path) || self.roots[i].path == path) && done.insert(i) {
                    self.analyse(i, None);
                }
            }
        }
        self.drop_included_roots();
    }

    pub fn did_change_workspace_folders(
        &mut self,
        added: &[lsp::WorkspaceFolder],
        removed: &[lsp::WorkspaceFolder],
    ) {
        let removed: Vec<PathBuf> = removed.iter().filter_map(|f| uri_to_path(&f.uri)).collect();
        self.folders.retain(|f| !removed.contains(f));
        self.folders
            .extend(added.iter().filter_map(|f| uri_to_path(&f.uri)));
        self.discover();
    }

    /// The text of an open document (for tests).
    pub fn text(&self, uri: &lsp::Uri) -> Option<&str> {
        self.docs.get(&uri_to_path(uri)?).map(|d| d.text.as_str())
    }

    // ------------------------------------------------------------------ lookups

    /// The analysis that holds `uri`, and the file's id in it.
    fn locate(&self, uri: &lsp::Uri) -> Option<(&Analysed, FileId)> {
        let path = uri_to_path(uri)?;
        let mut best = None;
        for root in &self.roots {
            if let Some(analysis) = &root.analysis {
                if let Some(file) = analysis.sources.find(&path) {
                    if !root.standalone || best.is_none() {
                        best = Some((analysis, file));
                    }
                    if !root.standalone {
                        break;
                    }
                }
            }
        }
        best
    }

    fn offset(&self, analysis: &Analysed, file: FileId, position: lsp::Position) -> usize {
        analysis.offset(file, position, self.encoding)
    }

    fn range(&self, analysis: &Analysed, span: Span) -> lsp::Range {
        range(analysis, span, self.encoding)
    }

    fn location(&self, analysis: &Analysed, span: Span) -> Option<lsp::Location> {
        Some(lsp::Location {
            uri: self.uri_of(analysis, span.file)?,
            range: self.range(analysis, span),
        })
    }

    fn uri_of(&self, analysis: &Analysed, file: FileId) -> Option<lsp::Uri> {
        let path = &analysis.sources.get(file).path;
        match self.docs.get(path) {
            Some(doc) => Some(doc.uri.clone()),
            None => path_to_uri(path),
        }
    }

    // ------------------------------------------------------------------ requests

    pub fn hover(&self, uri: &lsp::Uri, position: lsp::Position) -> Option<lsp::Hover> {
        let (analysis, file) = self.locate(uri)?;
        let offset = self.offset(analysis, file, position);
        let hover = ide::hover(analysis, file, offset, self.lang_of(analysis))?;
        Some(lsp::Hover {
            contents: lsp::HoverContents::Markup(lsp::MarkupContent {
                kind: lsp::MarkupKind::Markdown,
                value: hover.markdown,
            }),
            range: Some(self.range(analysis, hover.span)),
        })
    }

    pub fn definition(&self, uri: &lsp::Uri, position: lsp::Position) -> Option<lsp::Location> {
        let (analysis, file) = self.locate(uri)?;
        let offset = self.offset(analysis, file, position);
        let span = ide::definition(analysis, file, offset)?;
        self.location(analysis, span)
    }

    pub fn references(
        &self,
        uri: &lsp::Uri,
        position: lsp::Position,
        include_declaration: bool,
    ) -> Vec<lsp::Location> {
        let Some((analysis, file)) = self.locate(uri) else {
            return Vec::new();
        };
        let offset = self.offset(analysis, file, position);
        ide::references(analysis, file, offset, include_declaration)
            .into_iter()
            .filter_map(|span| self.location(analysis, span))
            .collect()
    }

    pub fn prepare_rename(
        &self,
        uri: &lsp::Uri,
        position: lsp::Position,
    ) -> Result<(lsp::Range, String), String> {
        let (analysis, file) = self.locate(uri).ok_or("the document is not open")?;
        let offset = self.offset(analysis, file, position);
        let (span, name) = ide::prepare_rename(analysis, file, offset)
            .map_err(|e| e.text().render(self.lang_of(analysis)))?;
        Ok((self.range(analysis, span), name))
    }

    pub fn rename(
        &self,
        uri: &lsp::Uri,
        position: lsp::Position,
        new_name: &str,
    ) -> Result<lsp::WorkspaceEdit, String> {
        let (analysis, file) = self.locate(uri).ok_or("the document is not open")?;
        let offset = self.offset(analysis, file, position);
        let edits = ide::rename(analysis, file, offset, new_name)
            .map_err(|e| e.text().render(self.lang_of(analysis)))?;
        Ok(self.workspace_edit(analysis, &edits))
    }

    fn workspace_edit(&self, analysis: &Analysed, edits: &[Edit]) -> lsp::WorkspaceEdit {
        let mut changes: HashMap<lsp::Uri, Vec<lsp::TextEdit>> = HashMap::new();
        for edit in edits {
            if let Some(uri) = self.uri_of(analysis, edit.span.file) {
                changes.entry(uri).or_default().push(lsp::TextEdit {
                    range: self.range(analysis, edit.span),
                    new_text: edit.text.clone(),
                });
            }
        }
        lsp::WorkspaceEdit {
            changes: Some(changes),
            ..Default::default()
        }
    }

    pub fn completion(
        &self,
        uri: &lsp::Uri,
        position: lsp::Position,
    ) -> Option<lsp::CompletionResponse> {
        let (analysis, file) = self.locate(uri)?;
        let offset = self.offset(analysis, file, position);
        let found = ide::completions(analysis, file, offset);
        let range = self.range(analysis, found.replace);
        let items = found
            .items
            .into_iter()
            .enumerate()
            .map(|(i, item)| lsp::CompletionItem {
                kind: Some(completion_kind(item.kind)),
                detail: item.detail.clone(),
                label_details: item
                    .detail
                    .as_ref()
                    .map(|d| lsp::CompletionItemLabelDetails {
                        detail: None,
                        description: Some(d.clone()),
                    }),
                sort_text: Some(format!("{i:05}")),
                filter_text: Some(item.label.clone()),
                text_edit: Some(lsp::CompletionTextEdit::Edit(lsp::TextEdit {
                    range,
                    new_text: item.label.clone(),
                })),
                label: item.label,
                ..Default::default()
            })
            .collect();
        Some(lsp::CompletionResponse::List(lsp::CompletionList {
            is_incomplete: false,
            items,
        }))
    }

    pub fn document_symbols(&self, uri: &lsp::Uri) -> Option<Vec<lsp::DocumentSymbol>> {
        let (analysis, file) = self.locate(uri)?;
        fn convert(
            state: &State,
            analysis: &Analysed,
            s: ide::DocumentSymbol,
        ) -> lsp::DocumentSymbol {
            #[allow(deprecated)]
            lsp::DocumentSymbol {
                name: if s.name.is_empty() {
                    "?".to_string()
                } else {
                    s.name
                },
                detail: Some(s.detail).filter(|d| !d.is_empty()),
                kind: s.kind.map_or(lsp::SymbolKind::NAMESPACE, symbol_kind),
                tags: None,
                deprecated: None,
                range: state.range(analysis, s.span),
                selection_range: state.range(analysis, s.selection),
                children: Some(
                    s.children
                        .into_iter()
                        .map(|c| convert(state, analysis, c))
                        .collect(),
                )
                .filter(|c: &Vec<_>| !c.is_empty()),
            }
        }
        Some(
            ide::document_symbols(analysis, file)
                .into_iter()
                .map(|s| convert(self, analysis, s))
                .collect(),
        )
    }

    pub fn workspace_symbols(&self, query: &str) -> Vec<lsp::SymbolInformation> {
        let mut out = Vec::new();
        let mut seen = HashSet::new();
        for root in &self.roots {
            let Some(analysis) = &root.analysis else {
                continue;
            };
            for s in ide::workspace_symbols(analysis, query, 500) {
                let Some(location) = self.location(analysis, s.span) else {
                    continue;
                };
                if !seen.insert((location.uri.as_str().to_string(), location.range.start)) {
                    continue;
                }
                #[allow(deprecated)]
                out.push(lsp::SymbolInformation {
                    name: s.name,
                    kind: symbol_kind(s.kind),
                    tags: None,
                    deprecated: None,
                    location,
                    container_name: Some(s.container).filter(|c| !c.is_empty()),
                });
            }
        }
        out.truncate(500);
        out
    }

    pub fn semantic_tokens(&self, uri: &lsp::Uri) -> Option<lsp::SemanticTokens> {
        let (analysis, file) = self.locate(uri)?;
        let mut data = Vec::new();
        let (mut prev_line, mut prev_col) = (0u32, 0u32);
        for token in ide::semantic_tokens(analysis, file) {
            let start = analysis.position(file, token.span.start, self.encoding);
            let end = analysis.position(file, token.span.end, self.encoding);
            if end.line != start.line || end.character <= start.character {
                continue;
            }
            let delta_line = start.line - prev_line;
            let delta_start = if delta_line == 0 {
                start.character - prev_col
            } else {
                start.character
            };
            data.push(lsp::SemanticToken {
                delta_line,
                delta_start,
                length: end.character - start.character,
                token_type: ide::TokenKind::ALL
                    .iter()
                    .position(|k| *k == token.kind)
                    .unwrap_or(0) as u32,
                token_modifiers_bitset: u32::from(token.declaration),
            });
            (prev_line, prev_col) = (start.line, start.character);
        }
        Some(lsp::SemanticTokens {
            result_id: None,
            data,
        })
    }

    pub fn folding_ranges(&self, uri: &lsp::Uri) -> Option<Vec<lsp::FoldingRange>> {
        let (analysis, file) = self.locate(uri)?;
        Some(
            ide::folding_ranges(analysis, file)
                .into_iter()
                .map(|r| lsp::FoldingRange {
                    start_line: r.start_line,
                    end_line: r.end_line,
                    kind: Some(match r.kind {
                        ide::FoldKind::Comment => lsp::FoldingRangeKind::Comment,
                        ide::FoldKind::Region => lsp::FoldingRangeKind::Region,
                    }),
                    ..Default::default()
                })
                .collect(),
        )
    }

    pub fn inlay_hints(&self, uri: &lsp::Uri, range: lsp::Range) -> Option<Vec<lsp::InlayHint>> {
        let (analysis, file) = self.locate(uri)?;
        let from = self.offset(analysis, file, range.start);
        let to = self.offset(analysis, file, range.end);
        Some(
            ide::inlay_hints(analysis, file, from, to)
                .into_iter()
                .map(|h| lsp::InlayHint {
                    position: analysis.position(file, h.offset, self.encoding),
                    label: lsp::InlayHintLabel::String(h.label),
                    kind: None,
                    text_edits: None,
                    tooltip: Some(lsp::InlayHintTooltip::String(h.tooltip)),
                    padding_left: Some(true),
                    padding_right: None,
                    data: None,
                })
                .collect(),
        )
    }

    /// The language to speak about this analysis in (see [`State::lang`]).
    pub fn lang_of(&self, analysis: &Analysis) -> Lang {
        self.lang
            .or_else(|| analysis.language())
            .unwrap_or(Lang::En)
    }

    pub fn code_actions(
        &self,
        uri: &lsp::Uri,
        range: lsp::Range,
    ) -> Option<Vec<lsp::CodeActionOrCommand>> {
        let (analysis, file) = self.locate(uri)?;
        let lang = self.lang_of(analysis);
        let start = self.offset(analysis, file, range.start);
        let end = self.offset(analysis, file, range.end);
        Some(
            ide::code_actions(analysis, file, start, end)
                .into_iter()
                .map(|action| {
                    let diagnostics = action
                        .diagnostic
                        .and_then(|i| analysis.diagnostics.get(i))
                        .map(|d| {
                            vec![convert_diagnostic(
                                analysis,
                                d,
                                self.encoding,
                                self.docs_url.as_deref(),
                                lang,
                            )]
                        });
                    lsp::CodeActionOrCommand::CodeAction(lsp::CodeAction {
                        title: action.title.render(lang),
                        kind: Some(lsp::CodeActionKind::QUICKFIX),
                        diagnostics,
                        edit: Some(self.workspace_edit(analysis, &action.edits)),
                        command: None,
                        is_preferred: Some(action.preferred),
                        disabled: None,
                        data: None,
                    })
                })
                .collect(),
        )
    }

    /// The whole-document formatting edit: the formatter's output, as the smallest replacement.
    pub fn formatting(&self, uri: &lsp::Uri) -> Result<Option<Vec<lsp::TextEdit>>, String> {
        let path = uri_to_path(uri).ok_or("not a file")?;
        let text = match self.docs.get(&path) {
            Some(doc) => doc.text.clone(),
            None => return Ok(None),
        };
        let formatted = pejl::format::format(&text).map_err(|e| format!("cannot format: {e}"))?;
        let Some((start, end, replacement)) = pejl::format::minimal_edit(&text, &formatted) else {
            return Ok(Some(Vec::new()));
        };
        let lines = LineIndex::new(&text);
        Ok(Some(vec![lsp::TextEdit {
            range: lsp::Range {
                start: crate::lines::position(&lines, &text, start, self.encoding),
                end: crate::lines::position(&lines, &text, end, self.encoding),
            },
            new_text: replacement,
        }]))
    }
}

// ---------------------------------------------------------------------- conversions

pub fn capabilities(encoding: Encoding) -> lsp::ServerCapabilities {
    lsp::ServerCapabilities {
        position_encoding: Some(match encoding {
            Encoding::Utf16 => lsp::PositionEncodingKind::UTF16,
            Encoding::Utf8 => lsp::PositionEncodingKind::UTF8,
        }),
        text_document_sync: Some(lsp::TextDocumentSyncCapability::Options(
            lsp::TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(lsp::TextDocumentSyncKind::INCREMENTAL),
                save: Some(lsp::TextDocumentSyncSaveOptions::Supported(true)),
                ..Default::default()
            },
        )),
        hover_provider: Some(lsp::HoverProviderCapability::Simple(true)),
        definition_provider: Some(lsp::OneOf::Left(true)),
        references_provider: Some(lsp::OneOf::Left(true)),
        rename_provider: Some(lsp::OneOf::Right(lsp::RenameOptions {
            prepare_provider: Some(true),
            work_done_progress_options: Default::default(),
        })),
        completion_provider: Some(lsp::CompletionOptions {
            trigger_characters: Some(vec![" ".to_string(), ",".to_string()]),
            ..Default::default()
        }),
        document_symbol_provider: Some(lsp::OneOf::Left(true)),
        workspace_symbol_provider: Some(lsp::OneOf::Left(true)),
        document_formatting_provider: Some(lsp::OneOf::Left(true)),
        code_action_provider: Some(lsp::CodeActionProviderCapability::Options(
            lsp::CodeActionOptions {
                code_action_kinds: Some(vec![lsp::CodeActionKind::QUICKFIX]),
                ..Default::default()
            },
        )),
        semantic_tokens_provider: Some(
            lsp::SemanticTokensServerCapabilities::SemanticTokensOptions(
                lsp::SemanticTokensOptions {
                    legend: legend(),
                    full: Some(lsp::SemanticTokensFullOptions::Bool(true)),
                    range: None,
                    work_done_progress_options: Default::default(),
                },
            ),
        ),
        folding_range_provider: Some(lsp::FoldingRangeProviderCapability::Simple(true)),
        code_lens_provider: Some(lsp::CodeLensOptions {
            resolve_provider: Some(false),
        }),
        execute_command_provider: Some(lsp::ExecuteCommandOptions {
            commands: vec![
                testing::RUN_TEST.to_string(),
                testing::RUN_TESTS.to_string(),
            ],
            ..Default::default()
        }),
        inlay_hint_provider: Some(lsp::OneOf::Left(true)),
        workspace: Some(lsp::WorkspaceServerCapabilities {
            workspace_folders: Some(lsp::WorkspaceFoldersServerCapabilities {
                supported: Some(true),
                change_notifications: Some(lsp::OneOf::Left(true)),
            }),
            file_operations: None,
        }),
        ..Default::default()
    }
}

/// Semantic token types, in the order of [`ide::TokenKind::ALL`]: standard types so every theme colours them.
pub fn legend() -> lsp::SemanticTokensLegend {
    use lsp::SemanticTokenType as T;
    let types = ide::TokenKind::ALL
        .iter()
        .map(|k| match k {
            ide::TokenKind::Keyword => T::KEYWORD,
            ide::TokenKind::Level => T::TYPE,
            ide::TokenKind::Goal => T::CLASS,
            ide::TokenKind::Indicator => T::PROPERTY,
            ide::TokenKind::Status => T::ENUM_MEMBER,
            ide::TokenKind::Body => T::NAMESPACE,
            ide::TokenKind::Rule => T::FUNCTION,
            ide::TokenKind::Rollup => T::METHOD,
            ide::TokenKind::Report => T::EVENT,
            ide::TokenKind::Value => T::ENUM,
            ide::TokenKind::Policy => T::STRUCT,
        })
        .collect();
    lsp::SemanticTokensLegend {
        token_types: types,
        token_modifiers: vec![lsp::SemanticTokenModifier::DECLARATION],
    }
}

fn completion_kind(kind: ide::CompletionKind) -> lsp::CompletionItemKind {
    use ide::CompletionKind as C;
    use lsp::CompletionItemKind as K;
    match kind {
        C::Keyword => K::KEYWORD,
        C::Goal => K::CLASS,
        C::Level => K::TYPE_PARAMETER,
        C::Body => K::MODULE,
        C::Indicator => K::FIELD,
        C::Rule | C::Rollup => K::FUNCTION,
        C::Report => K::EVENT,
        C::Value => K::ENUM,
        C::Status => K::ENUM_MEMBER,
        C::Unit => K::UNIT,
        C::Constant => K::CONSTANT,
    }
}

fn symbol_kind(kind: pejl::model::Kind) -> lsp::SymbolKind {
    use lsp::SymbolKind as S;
    use pejl::model::Kind as K;
    match kind {
        K::Policy => S::FILE,
        K::Body => S::MODULE,
        K::Indicator => S::FIELD,
        K::Value => S::ENUM,
        K::Report => S::EVENT,
        K::Rule | K::Rollup => S::FUNCTION,
        K::Goal => S::CLASS,
        K::Activity => S::EVENT,
        K::Level => S::TYPE_PARAMETER,
        K::Status => S::ENUM_MEMBER,
    }
}

fn range(analysis: &Analysed, span: Span, encoding: Encoding) -> lsp::Range {
    lsp::Range {
        start: analysis.position(span.file, span.start, encoding),
        end: analysis.position(span.file, span.end, encoding),
    }
}

/// The index of `lang` next to the English one at `base` (`…/docs/diagnostics.md` →
/// `…/docs/sv/diagnostics.md`); a base of another shape is the English index only.
pub fn docs_url_in(base: &str, lang: Lang) -> String {
    let english = pejl::explain::index_path(Lang::En);
    match base.strip_suffix(english) {
        Some(folder) if lang != Lang::En && folder.ends_with('/') => {
            format!("{folder}{}", pejl::explain::index_path(lang))
        }
        _ => base.to_string(),
    }
}

/// The link of a code: its section in the index of `lang`, if `base` has one for it.
pub fn code_link(base: &str, code: pejl::Code, lang: Lang) -> String {
    let page = docs_url_in(base, lang);
    let lang = if page == base { Lang::En } else { lang };
    format!("{page}#{}", fragment(&page, code, lang))
}

/// Where a code's link lands: an editor opens a `file:` index as text, at the line of
/// `#L120` (VS Code ignores a heading anchor there and showed line 1); a web page has anchors.
pub fn fragment(base: &str, code: pejl::Code, lang: Lang) -> String {
    match pejl::explain::heading_line_in(code, lang) {
        Some(line) if base.starts_with("file:") => format!("L{line}"),
        _ => anchor(code, lang),
    }
}

/// The anchor of a code's section in the diagnostic index of `lang` (`p0101-unknown-reference`).
pub fn anchor(code: pejl::Code, lang: Lang) -> String {
    let title = pejl::explain::explain(code, lang)
        .map(|(t, _)| t)
        .unwrap_or_default();
    let heading = format!("{}: {}", code.as_str(), title).to_lowercase();
    let mut slug = String::new();
    for c in heading.chars() {
        if c.is_alphanumeric() || c == '-' || c == '_' {
            slug.push(c);
        } else if c == ' ' {
            slug.push('-');
        }
    }
    slug
}

/// The diagnostic index as a file: the repository's `docs/diagnostics.md` when the server runs
/// from a checkout, else a copy of the indexes built into the server (English, with the Swedish
/// and Danish ones in `sv/` and `da/` beside it), written to a temporary folder.
fn default_docs_url() -> Option<String> {
    let checkout = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../docs/diagnostics.md"
    ));
    let path = if checkout.exists() {
        pejl::sources::normalize(checkout)
    } else {
        let dir = std::env::temp_dir().join(format!("pejl-lsp-{}", env!("CARGO_PKG_VERSION")));
        for lang in [Lang::Sv, Lang::Da, Lang::En] {
            let path = dir.join(pejl::explain::index_path(lang));
            if !path.exists() {
                std::fs::create_dir_all(path.parent()?).ok()?;
                std::fs::write(&path, pejl::explain::index(lang)).ok()?;
            }
        }
        dir.join(pejl::explain::index_path(Lang::En))
    };
    Some(path_to_uri(&path)?.as_str().to_string())
}

pub fn convert_diagnostic(
    analysis: &Analysed,
    d: &pejl::Diagnostic,
    encoding: Encoding,
    docs_url: Option<&str>,
    lang: Lang,
) -> lsp::Diagnostic {
    let mut message = d.message.render(lang);
    if let Some(help) = &d.help {
        let word = pejl::text!("help-word").render(lang).to_lowercase();
        message.push_str(&format!("\n{word}: {}", help.render(lang)));
    }
    let related: Vec<lsp::DiagnosticRelatedInformation> = d
        .labels
        .iter()
        .filter_map(|label| {
            let path = &analysis.sources.get(label.span.file).path;
            Some(lsp::DiagnosticRelatedInformation {
                location: lsp::Location {
                    uri: path_to_uri(path)?,
                    range: range(analysis, label.span, encoding),
                },
                message: label.message.render(lang),
            })
        })
        .collect();
    lsp::Diagnostic {
        range: range(analysis, d.span, encoding),
        severity: Some(match d.severity {
            Severity::Error => lsp::DiagnosticSeverity::ERROR,
            Severity::Warning => lsp::DiagnosticSeverity::WARNING,
            // Hints are suggestions; VS Code hides the hint severity from the Problems panel.
            Severity::Hint => lsp::DiagnosticSeverity::INFORMATION,
        }),
        code: Some(lsp::NumberOrString::String(d.code.as_str().to_string())),
        code_description: docs_url
            .and_then(|base| code_link(base, d.code, lang).parse().ok())
            .map(|href| lsp::CodeDescription { href }),
        source: Some("pejl".to_string()),
        message,
        related_information: Some(related).filter(|r| !r.is_empty()),
        tags: None,
        data: None,
    }
}

/// Bounds of the workspace scan, so that a folder at `/` or a huge tree cannot hold up
/// `initialize`: the depth of folders, the directory entries looked at, the policy files kept.
pub const SCAN_DEPTH: usize = 16;
pub const SCAN_ENTRIES: usize = 100_000;
pub const SCAN_FILES: usize = 200;

/// Every `.pejl` file under the folders, each once, in a stable order; not in hidden folders,
/// `node_modules` or `target`, and not through symbolic links to folders (a link to `.` or
/// `/` would repeat or widen the scan).
pub fn scan(folders: &[PathBuf]) -> Vec<PathBuf> {
    let mut scan = Scan::default();
    for folder in folders {
        scan.dir(folder, 0);
    }
    if scan.truncated {
        log(format_args!(
            "workspace scan stopped early ({} entries, {} policy files; at most {SCAN_ENTRIES} \
             entries, {SCAN_FILES} files, {SCAN_DEPTH} folders deep)",
            scan.entries,
            scan.files.len()
        ));
    }
    scan.files
}

#[derive(Default)]
struct Scan {
    files: Vec<PathBuf>,
    seen: HashSet<PathBuf>,
    entries: usize,
    truncated: bool,
}

impl Scan {
    fn dir(&mut self, dir: &Path, depth: usize) {
        if depth > SCAN_DEPTH {
            self.truncated = true;
            return;
        }
        let Ok(read) = std::fs::read_dir(dir) else {
            return;
        };
        let mut entries = Vec::new();
        for entry in read.flatten() {
            if self.entries >= SCAN_ENTRIES {
                self.truncated = true;
                break;
            }
            self.entries += 1;
            // The entry's own type: a symbolic link is not followed here.
            if let Ok(kind) = entry.file_type() {
                entries.push((entry.path(), kind));
            }
        }
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        for (path, kind) in entries {
            if self.files.len() >= SCAN_FILES {
                self.truncated = true;
                return;
            }
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if kind.is_dir() {
                if !name.starts_with('.') && name != "node_modules" && name != "target" {
                    self.dir(&path, depth + 1);
                }
            } else if name.ends_with(".pejl") {
                // A link to a regular file counts; FIFOs, devices and sockets do not.
                let regular = kind.is_file()
                    || (kind.is_symlink() && std::fs::metadata(&path).is_ok_and(|m| m.is_file()));
                let path = pejl::sources::normalize(&path);
                if regular && self.seen.insert(path.clone()) {
                    self.files.push(path);
                }
            }
        }
    }
}

/// Whether to log how long each analysis takes (`PEJL_LSP_TIMING=1`).
fn timing() -> bool {
    static ON: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("PEJL_LSP_TIMING").is_some_and(|v| v != "0"))
}

pub fn log(args: std::fmt::Arguments<'_>) {
    eprintln!("[pejl-lsp] {args}");
}

#[cfg(test)]
mod code_link_tests {
    use super::*;

    /// A diagnostic's link opens the index of the server's language, at the code's section.
    #[test]
    fn the_code_link_is_the_page_of_the_language() {
        let code = pejl::Code::P0302;
        let line = |lang| pejl::explain::heading_line_in(code, lang).expect("a section");
        let file = "file:///repo/docs/diagnostics.md";
        assert_eq!(
            code_link(file, code, Lang::Sv),
            format!("file:///repo/docs/sv/diagnostics.md#L{}", line(Lang::Sv))
        );
        assert_eq!(
            code_link(file, code, Lang::Da),
            format!("file:///repo/docs/da/diagnostics.md#L{}", line(Lang::Da))
        );
        assert_eq!(
            code_link(file, code, Lang::En),
            format!("file:///repo/docs/diagnostics.md#L{}", line(Lang::En))
        );
        let web = "https://example.org/pejl/docs/diagnostics.md";
        assert_eq!(
            code_link(web, code, Lang::Sv),
            "https://example.org/pejl/docs/sv/diagnostics.md#p0302-regeln-lämnar-värden-utan-status"
        );
        assert_eq!(
            code_link(web, code, Lang::En),
            "https://example.org/pejl/docs/diagnostics.md#p0302-rule-leaves-values-without-a-status"
        );
        // A base of another shape has no language pages beside it: the English section.
        let other = "https://example.org/pejl-diagnostics.md";
        assert_eq!(
            code_link(other, code, Lang::Da),
            format!("{other}#p0302-rule-leaves-values-without-a-status")
        );
    }
}
