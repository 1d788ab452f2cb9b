//! The tower-lsp-server adapter: each handler locks the state, does its work synchronously
//! (for `didOpen`/`didChange`: apply the change and analyse before any `.await`, so edits
//! are analysed in the order they arrive), and only then talks to the client. A panic in a
//! handler is caught, logged and answered with an error; the server goes on.

use crate::state::{log, State};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::{Arc, Mutex, MutexGuard};
use tower_lsp_server::jsonrpc::{Error, Result};
use tower_lsp_server::ls_types::*;
use tower_lsp_server::{Client, LanguageServer};

static SHUT_DOWN: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Whether the client asked for `shutdown` (the exit code is 0 then, else 1).
pub fn shut_down() -> bool {
    SHUT_DOWN.load(std::sync::atomic::Ordering::SeqCst)
}

pub struct Backend {
    client: Client,
    state: Arc<Mutex<State>>,
    /// Held while diagnostics are sent, so they leave in the order they were computed.
    publishing: tokio::sync::Mutex<()>,
}

impl Backend {
    pub fn new(client: Client) -> Self {
        Backend {
            client,
            state: Arc::new(Mutex::new(State::new())),
            publishing: tokio::sync::Mutex::new(()),
        }
    }

    fn state(&self) -> MutexGuard<'_, State> {
        self.state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Runs `f` on the state; a panic is logged and becomes `None`.
    fn with<T>(&self, what: &str, f: impl FnOnce(&mut State) -> T) -> Option<T> {
        let mut state = self.state();
        match catch_unwind(AssertUnwindSafe(|| f(&mut state))) {
            Ok(value) => Some(value),
            Err(panic) => {
                let message = panic
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| panic.downcast_ref::<String>().cloned())
                    .unwrap_or_default();
                log(format_args!("internal error in {what}: {message}"));
                None
            }
        }
    }

    /// A request: a panic becomes an internal-error response.
    fn request<T>(&self, what: &str, f: impl FnOnce(&mut State) -> T) -> Result<T> {
        self.with(what, f).ok_or_else(Error::internal_error)
    }

    /// Sends the diagnostics the state has queued, in order.
    async fn publish(&self) {
        let _order = self.publishing.lock().await;
        let batch = self
            .with("publish", |s| s.take_pending())
            .unwrap_or_default();
        for p in batch {
            self.client
                .publish_diagnostics(p.uri, p.diagnostics, p.version)
                .await;
        }
    }
}

impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        self.request("initialize", |s| s.initialize(&params))
    }

    async fn initialized(&self, _: InitializedParams) {
        log(format_args!("pejl-lsp {} ready", env!("CARGO_PKG_VERSION")));
        self.publish().await;
    }

    async fn shutdown(&self) -> Result<()> {
        SHUT_DOWN.store(true, std::sync::atomic::Ordering::SeqCst);
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        let doc = params.text_document;
        self.with("didOpen", |s| s.did_open(doc.uri, doc.text, doc.version));
        self.publish().await;
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        let doc = params.text_document;
        self.with("didChange", |s| {
            s.did_change(&doc.uri, doc.version, params.content_changes)
        });
        self.publish().await;
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        self.with("didClose", |s| s.did_close(&params.text_document.uri));
        self.publish().await;
    }

    async fn did_save(&self, _: DidSaveTextDocumentParams) {}

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        self.with("didChangeWatchedFiles", |s| {
            s.did_change_watched_files(&params.changes)
        });
        self.publish().await;
    }

    async fn did_change_workspace_folders(&self, params: DidChangeWorkspaceFoldersParams) {
        self.with("didChangeWorkspaceFolders", |s| {
            s.did_change_workspace_folders(&params.event.added, &params.event.removed)
        });
        self.publish().await;
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        let p = params.text_document_position_params;
        self.request("hover", |s| s.hover(&p.text_document.uri, p.position))
    }

    async fn goto_definition(
        &self,
        params: GotoDefinitionParams,
    ) -> Result<Option<GotoDefinitionResponse>> {
        let p = params.text_document_position_params;
        self.request("definition", |s| {
            s.definition(&p.text_document.uri, p.position)
                .map(GotoDefinitionResponse::Scalar)
        })
    }

    async fn references(&self, params: ReferenceParams) -> Result<Option<Vec<Location>>> {
        let p = params.text_document_position;
        self.request("references", |s| {
            Some(s.references(
                &p.text_document.uri,
                p.position,
                params.context.include_declaration,
            ))
        })
    }

    async fn prepare_rename(
        &self,
        params: TextDocumentPositionParams,
    ) -> Result<Option<PrepareRenameResponse>> {
        match self.request("prepareRename", |s| {
            s.prepare_rename(&params.text_document.uri, params.position)
        })? {
            Ok((range, placeholder)) => Ok(Some(PrepareRenameResponse::RangeWithPlaceholder {
                range,
                placeholder,
            })),
            Err(message) => Err(Error::invalid_params(message)),
        }
    }

    async fn rename(&self, params: RenameParams) -> Result<Option<WorkspaceEdit>> {
        let p = params.text_document_position;
        match self.request("rename", |s| {
            s.rename(&p.text_document.uri, p.position, &params.new_name)
        })? {
            Ok(edit) => Ok(Some(edit)),
            Err(message) => Err(Error::invalid_params(message)),
        }
    }

    async fn completion(&self, params: CompletionParams) -> Result<Option<CompletionResponse>> {
        let p = params.text_document_position;
        self.request("completion", |s| {
            s.completion(&p.text_document.uri, p.position)
        })
    }

    async fn document_symbol(
        &self,
        params: DocumentSymbolParams,
    ) -> Result<Option<DocumentSymbolResponse>> {
        self.request("documentSymbol", |s| {
            s.document_symbols(&params.text_document.uri)
                .map(DocumentSymbolResponse::Nested)
        })
    }

    async fn symbol(
        &self,
        params: WorkspaceSymbolParams,
    ) -> Result<Option<WorkspaceSymbolResponse>> {
        self.request("workspaceSymbol", |s| {
            Some(WorkspaceSymbolResponse::Flat(
                s.workspace_symbols(&params.query),
            ))
        })
    }

    async fn formatting(&self, params: DocumentFormattingParams) -> Result<Option<Vec<TextEdit>>> {
        match self.request("formatting", |s| s.formatting(&params.text_document.uri))? {
            Ok(edits) => Ok(edits),
            Err(message) => Err(Error::invalid_params(message)),
        }
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        self.request("codeAction", |s| {
            s.code_actions(&params.text_document.uri, params.range)
        })
    }

    async fn semantic_tokens_full(
        &self,
        params: SemanticTokensParams,
    ) -> Result<Option<SemanticTokensResult>> {
        self.request("semanticTokens", |s| {
            s.semantic_tokens(&params.text_document.uri)
                .map(SemanticTokensResult::Tokens)
        })
    }

    async fn folding_range(&self, params: FoldingRangeParams) -> Result<Option<Vec<FoldingRange>>> {
        self.request("foldingRange", |s| {
            s.folding_ranges(&params.text_document.uri)
        })
    }

    async fn inlay_hint(&self, params: InlayHintParams) -> Result<Option<Vec<InlayHint>>> {
        self.request("inlayHint", |s| {
            s.inlay_hints(&params.text_document.uri, params.range)
        })
    }
}
