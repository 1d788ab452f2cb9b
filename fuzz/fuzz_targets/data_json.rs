//! The JSON readers (a Kolada export and a Statbank mapping) never panic: every bad byte
//! becomes a diagnostic whose span lies on character boundaries of the file.
#![no_main]

mod common;

use pejl::data::{kolada, statbank, Dataset, LoadOptions};
use pejl::sources::SourceSet;
use std::path::Path;

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| {
    let mut sources = SourceSet::default();
    let Some(file) = common::source("data.json", bytes, &mut sources) else {
        return;
    };
    let text = sources.get(file).text.clone();
    let mut diags = Vec::new();
    let options = LoadOptions::default();
    kolada::read(
        file,
        &text,
        common::catalog(),
        &options,
        &mut Dataset::default(),
        &mut diags,
    );
    let _ = statbank::read_mapping(
        Path::new("mapping.json"),
        common::catalog(),
        &common::Loader(bytes),
        &mut sources,
        &mut diags,
    );
    common::assert_spans_on_chars(&sources, &diags);
});
