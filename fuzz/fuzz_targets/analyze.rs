//! The whole front end must never panic, whatever the input.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let analysis = pejl::analyze_text(std::path::Path::new("fuzz.pejl"), text);
        if !analysis.has_errors() {
            let _ = pejl::ir::compile(&analysis);
        }
    }
});
