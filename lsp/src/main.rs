//! `pejl-lsp`: the pejl language server on standard input and output.

fn main() {
    if std::env::args().any(|a| a == "--version" || a == "-V") {
        println!("pejl-lsp {}", env!("CARGO_PKG_VERSION"));
        return;
    }
    if std::env::args().any(|a| a == "--help" || a == "-h") {
        println!("pejl-lsp {}: the pejl language server; speaks the Language Server Protocol on standard input and output.", env!("CARGO_PKG_VERSION"));
        return;
    }
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("pejl-lsp: cannot start: {error}");
            std::process::exit(2);
        }
    };
    runtime.block_on(pejl_lsp::serve_stdio());
    // Standard input may still be open (the client need not close it after `exit`): do not
    // wait for the thread that reads it, nor (exiting the process) for an analysis in progress.
    runtime.shutdown_background();
    std::process::exit(if pejl_lsp::backend::shut_down() { 0 } else { 1 });
}
