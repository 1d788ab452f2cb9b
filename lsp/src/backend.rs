//! The tower-lsp-server adapter. The state lives on a thread of its own that runs one job at
//! a time, in the order the handlers queue them; a handler queues its job when first polled,
//! that is in the order the messages arrive. The protocol's tasks only wait for the answers:
//! a long analysis holds up neither reading nor `exit`. A panic in a job is caught, logged
//! and answered with an error; the server goes on.
//!
//! Concurrency model: `didChange` only applies the edit. The analysis runs when the queue
//! is empty (so a burst of keystrokes that arrived while the last analysis ran is analysed
//! once) or before a request is answered (so every answer is about the text the client
//! has: positions never refer to an older version, and nothing needs `ContentModified`).
//! Diagnostics leave through one channel to one task, in the order they were computed, and
//! only after `initialized`.

use crate::state::{log, Publish, State};
use std::panic::{catch_unwind, AssertUnwindSafe};
use tower_lsp_server::jsonrpc::{Error, ErrorCode, Result};
use tower_lsp_server::ls_types::*;
use tower_lsp_server::{Client, LanguageServer};

static SHUT_DOWN: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Whether the client asked for `shutdown` (the exit code is 0 then, else 1).
pub fn shut_down() -> bool {
    SHUT_DOWN.load(std::sync::atomic::Ordering::SeqCst)
}

type Job = Box<dyn FnOnce(&mut State) + Send>;

/// The state thread's stack: parsing and analysis recurse on a policy's nesting (the main
/// thread, where they used to run, has 8 MiB).
const STACK: usize = 64 << 20;

pub struct Backend {
    client: Client,
    jobs: std::sync::mpsc::Sender<Job>,
    /// Lets the diagnostics go out once the client has said `initialized`.
    initialized: std::sync::Arc<tokio::sync::Notify>,
}

/// The error a stand-in request from [`crate::framing`] is answered with.
#[derive(serde::Deserialize)]
pub struct Rejection {
    code: i64,
    message: String,
}

impl Backend {
    pub fn new(client: Client) -> Self {
        let (jobs, queue) = std::sync::mpsc::channel::<Job>();
        let (outbox, mut batches) = tokio::sync::mpsc::unbounded_channel::<Vec<Publish>>();
        let initialized = std::sync::Arc::new(tokio::sync::Notify::new());
        let spawned = std::thread::Builder::new()
            .name("pejl-state".to_string())
            .stack_size(STACK)
            .spawn(move || run_state(queue, outbox));
        if let Err(error) = spawned {
            log(format_args!("cannot start the state thread: {error}"));
        }
        let publisher = client.clone();
        let ready = initialized.clone();
        match tokio::runtime::Handle::try_current() {
            Ok(runtime) => {
                runtime.spawn(async move {
                    ready.notified().await;
                    while let Some(batch) = batches.recv().await {
                        for p in batch {
                            publisher
                                .publish_diagnostics(p.uri, p.diagnostics, p.version)
                                .await;
                        }
                    }
                });
            }
            Err(error) => log(format_args!("no runtime to publish diagnostics: {error}")),
        }
        Backend {
            client,
            jobs,
            initialized,
        }
    }

    /// Runs `f` on the state, after the jobs queued before it; a panic is logged and
    /// becomes `None`.
    async fn with<T: Send + 'static>(
        &self,
        what: &'static str,
        f: impl FnOnce(&mut State) -> T + Send + 'static,
    ) -> Option<T> {
        let (answer, answered) = tokio::sync::oneshot::channel();
        let job: Job = Box::new(
            move |state| match catch_unwind(AssertUnwindSafe(|| f(state))) {
                Ok(value) => {
                    let _ = answer.send(value);
                }
                Err(panic) => {
                    let message = panic
                        .downcast_ref::<&str>()
                        .map(|s| s.to_string())
                        .or_else(|| panic.downcast_ref::<String>().cloned())
                        .unwrap_or_default();
                    log(format_args!("internal error in {what}: {message}"));
                }
            },
        );
        if self.jobs.send(job).is_err() {
            log(format_args!("{what}: the state thread is gone"));
            return None;
        }
        answered.await.ok()
    }

    /// A request, answered about the newest text (edits waiting for their analysis are
    /// analysed first); a panic becomes an internal-error response.
    async fn request<T: Send + 'static>(
        &self,
        what: &'static str,
        f: impl FnOnce(&mut State) -> T + Send + 'static,
    ) -> Result<T> {
        self.with(what, move |s| {
            s.flush();
            f(s)
        })
        .await
        .ok_or_else(Error::internal_error)
    }

    /// The stand-in for a request that [`crate::framing`] refused: answered with its error.
    pub async fn reject(&self, rejection: Rejection) -> Result<()> {
        Err(Error {
            code: ErrorCode::from(rejection.code),
            message: rejection.message.into(),
            data: None,
        })
    }

    /// The stand-in for a notification too large to read: the user is told.
    pub async fn rejected(&self, rejection: Rejection) {
        self.client
            .show_message(MessageType::ERROR, format!("pejl: {}", rejection.message))
            .await;
    }
}

impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        let encoding = crate::state::negotiate(&params);
        match self
            .with("initialize", move |s| s.initialize(&params))
            .await
        {
            Some(result) => Ok(result),
            // The client would get "not initialized" for every request after an error.
            None => Ok(InitializeResult {
                capabilities: crate::state::capabilities(encoding),
                ..Default::default()
            }),
        }
    }

    async fn initialized(&self, _: InitializedParams) {
        // Information, not an error: the client shows standard error as errors.
        self.client
            .log_message(
                MessageType::INFO,
                format!("pejl-lsp {} ready", env!("CARGO_PKG_VERSION")),
            )
            .await;
        self.initialized.notify_one();
    }

    async fn shutdown(&self) -> Result<()> {
        SHUT_DOWN.store(true, std::sync::atomic::Ordering::SeqCst);
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        let doc = params.text_document;
        self.with("didOpen", move |s| {
            s.did_open(doc.uri, doc.text, doc.version)
        })
        .await;
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        let doc = params.text_document;
        self.with("didChange", move |s| {
            s.apply_change(&doc.uri, doc.version, params.content_changes)
        })
        .await;
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        self.with("didClose", move |s| s.did_close(&params.text_document.uri))
            .await;
    }

    async fn did_save(&self, _: DidSaveTextDocumentParams) {}

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        self.with("didChangeWatchedFiles", move |s| {
            s.did_change_watched_files(&params.changes)
        })
        .await;
    }

    async fn did_change_workspace_folders(&self, params: DidChangeWorkspaceFoldersParams) {
        self.with("didChangeWorkspaceFolders", move |s| {
            s.did_change_workspace_folders(&params.event.added, &params.event.removed)
        })
        .await;
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        let p = params.text_document_position_params;
        self.request("hover", move |s| s.hover(&p.text_document.uri, p.position))
            .await
    }

    async fn goto_definition(
        &self,
        params: GotoDefinitionParams,
    ) -> Result<Option<GotoDefinitionResponse>> {
        let p = params.text_document_position_params;
        self.request("definition", move |s| {
            s.definition(&p.text_document.uri, p.position)
                .map(GotoDefinitionResponse::Scalar)
        })
        .await
    }

    async fn references(&self, params: ReferenceParams) -> Result<Option<Vec<Location>>> {
        let p = params.text_document_position;
        let include_declaration = params.context.include_declaration;
        self.request("references", move |s| {
            Some(s.references(&p.text_document.uri, p.position, include_declaration))
        })
        .await
    }

    async fn prepare_rename(
        &self,
        params: TextDocumentPositionParams,
    ) -> Result<Option<PrepareRenameResponse>> {
        match self
            .request("prepareRename", move |s| {
                s.prepare_rename(&params.text_document.uri, params.position)
            })
            .await?
        {
            Ok((range, placeholder)) => Ok(Some(PrepareRenameResponse::RangeWithPlaceholder {
                range,
                placeholder,
            })),
            Err(message) => Err(Error::invalid_params(message)),
        }
    }

    async fn rename(&self, params: RenameParams) -> Result<Option<WorkspaceEdit>> {
        let p = params.text_document_position;
        let new_name = params.new_name;
        match self
            .request("rename", move |s| {
                s.rename(&p.text_document.uri, p.position, &new_name)
            })
            .await?
        {
            Ok(edit) => Ok(Some(edit)),
            Err(message) => Err(Error::invalid_params(message)),
        }
    }

    async fn completion(&self, params: CompletionParams) -> Result<Option<CompletionResponse>> {
        let p = params.text_document_position;
        self.request("completion", move |s| {
            s.completion(&p.text_document.uri, p.position)
        })
        .await
    }

    async fn document_symbol(
        &self,
        params: DocumentSymbolParams,
    ) -> Result<Option<DocumentSymbolResponse>> {
        self.request("documentSymbol", move |s| {
            s.document_symbols(&params.text_document.uri)
                .map(DocumentSymbolResponse::Nested)
        })
        .await
    }

    async fn symbol(
        &self,
        params: WorkspaceSymbolParams,
    ) -> Result<Option<WorkspaceSymbolResponse>> {
        self.request("workspaceSymbol", move |s| {
            Some(WorkspaceSymbolResponse::Flat(
                s.workspace_symbols(&params.query),
            ))
        })
        .await
    }

    async fn formatting(&self, params: DocumentFormattingParams) -> Result<Option<Vec<TextEdit>>> {
        match self
            .request("formatting", move |s| {
                s.formatting(&params.text_document.uri)
            })
            .await?
        {
            Ok(edits) => Ok(edits),
            Err(message) => Err(Error::invalid_params(message)),
        }
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        self.request("codeAction", move |s| {
            s.code_actions(&params.text_document.uri, params.range)
        })
        .await
    }

    async fn semantic_tokens_full(
        &self,
        params: SemanticTokensParams,
    ) -> Result<Option<SemanticTokensResult>> {
        self.request("semanticTokens", move |s| {
            s.semantic_tokens(&params.text_document.uri)
                .map(SemanticTokensResult::Tokens)
        })
        .await
    }

    async fn folding_range(&self, params: FoldingRangeParams) -> Result<Option<Vec<FoldingRange>>> {
        self.request("foldingRange", move |s| {
            s.folding_ranges(&params.text_document.uri)
        })
        .await
    }

    async fn inlay_hint(&self, params: InlayHintParams) -> Result<Option<Vec<InlayHint>>> {
        self.request("inlayHint", move |s| {
            s.inlay_hints(&params.text_document.uri, params.range)
        })
        .await
    }

    async fn code_lens(&self, params: CodeLensParams) -> Result<Option<Vec<CodeLens>>> {
        self.request("codeLens", move |s| {
            s.code_lenses(&params.text_document.uri)
        })
        .await
    }

    /// "Run test": runs the test in the library, tells the user how it went, and answers with
    /// the results (`pejl test --format json`).
    async fn execute_command(&self, params: ExecuteCommandParams) -> Result<Option<LSPAny>> {
        let ran = self
            .request("executeCommand", move |s| {
                s.execute_command(&params.command, &params.arguments)
            })
            .await?
            .map_err(Error::invalid_params)?;
        let kind = if ran.passed {
            MessageType::INFO
        } else {
            MessageType::ERROR
        };
        self.client.show_message(kind, ran.message).await;
        Ok(Some(ran.results))
    }
}

/// The state thread: runs the jobs in order; when the queue is empty, analyses the edits
/// that wait; after each step, hands the diagnostics it produced to the publisher.
fn run_state(
    queue: std::sync::mpsc::Receiver<Job>,
    outbox: tokio::sync::mpsc::UnboundedSender<Vec<Publish>>,
) {
    let mut state = State::new();
    let send = |state: &mut State| {
        let batch = state.take_pending();
        if !batch.is_empty() {
            let _ = outbox.send(batch);
        }
    };
    loop {
        let job = match queue.try_recv() {
            Ok(job) => job,
            Err(std::sync::mpsc::TryRecvError::Disconnected) => return,
            Err(std::sync::mpsc::TryRecvError::Empty) => {
                if state.is_dirty() {
                    if catch_unwind(AssertUnwindSafe(|| state.flush())).is_err() {
                        log(format_args!("internal error in the analysis"));
                    }
                    send(&mut state);
                }
                match queue.recv() {
                    Ok(job) => job,
                    Err(_) => return,
                }
            }
        };
        job(&mut state);
        send(&mut state);
    }
}
