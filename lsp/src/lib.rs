//! pejl-lsp: the language server for pejl goal policies, over stdio. A thin adapter over
//! `pejl::ide` (every diagnostic, symbol, reference and fix comes from the compiler library).

pub mod backend;
pub mod framing;
pub mod lines;
pub mod state;

pub use backend::Backend;
use state::log;
pub use state::State;

/// After `exit`, how long the framework may take to answer what it has read before the
/// process ends anyway (an analysis in progress is not waited for).
const EXIT_GRACE: std::time::Duration = std::time::Duration::from_millis(200);

/// Serves the protocol on standard input and output until the client says `exit`.
pub async fn serve_stdio() {
    let (service, socket) = tower_lsp_server::LspService::build(Backend::new)
        .custom_method(framing::REJECT, Backend::reject)
        .custom_method(framing::REJECTED, Backend::rejected)
        .finish();
    let (input, exit) = framing::sanitize(tokio::io::stdin());
    let serve = tower_lsp_server::Server::new(input, tokio::io::stdout(), socket).serve(service);
    tokio::select! {
        () = serve => {}
        () = after_exit(exit) => log(format_args!("exit: not waiting for the work in progress")),
    }
}

/// Resolves a little after the client says `exit`; never if the input just ends.
async fn after_exit(exit: tokio::sync::oneshot::Receiver<()>) {
    if exit.await.is_err() {
        std::future::pending::<()>().await;
    }
    tokio::time::sleep(EXIT_GRACE).await;
}
