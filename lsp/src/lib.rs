//! pejl-lsp: the language server for pejl goal policies, over stdio. A thin adapter over
//! `pejl::ide` (every diagnostic, symbol, reference and fix comes from the compiler library).

pub mod backend;
pub mod framing;
pub mod lines;
pub mod state;

pub use backend::Backend;
pub use state::State;

/// Serves the protocol on standard input and output until the client says `exit`.
pub async fn serve_stdio() {
    let (service, socket) = tower_lsp_server::LspService::new(Backend::new);
    let input = framing::sanitize(tokio::io::stdin());
    tower_lsp_server::Server::new(input, tokio::io::stdout(), socket)
        .serve(service)
        .await;
}
