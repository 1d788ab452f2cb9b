//! The CSV readers (the pejl data CSV and the activity file) never panic: every bad byte
//! becomes a diagnostic whose span lies on character boundaries of the file.
#![no_main]

mod common;

use pejl::data::{csv, progress, Dataset};
use pejl::sources::SourceSet;

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| {
    let mut sources = SourceSet::default();
    let Some(file) = common::source("data.csv", bytes, &mut sources) else {
        return;
    };
    let text = &sources.get(file).text;
    let mut diags = Vec::new();
    csv::read(
        file,
        text,
        common::catalog(),
        &mut Dataset::default(),
        &mut diags,
    );
    progress::read(
        file,
        text,
        common::activity_catalog(),
        &mut Dataset::default(),
        &mut diags,
    );
    common::assert_spans_on_chars(&sources, &diags);
});
