//! The Statbank export reader, with the fixtures' mapping, never panics: every bad byte
//! becomes a diagnostic whose span lies on character boundaries of the file.
#![no_main]

mod common;

use pejl::data::{statbank, Dataset};
use pejl::sources::SourceSet;
use std::path::Path;

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| {
    let mut sources = SourceSet::default();
    let mut diags = Vec::new();
    let Some(mapping) = statbank::read_mapping(
        Path::new("map.json"),
        common::catalog(),
        &common::Loader(bytes),
        &mut sources,
        &mut diags,
    ) else {
        panic!("the fixture mapping has errors: {diags:?}");
    };
    let Some(file) = common::source("AUL01.csv", bytes, &mut sources) else {
        return;
    };
    let text = &sources.get(file).text;
    statbank::read(
        file,
        "AUL01.csv",
        text,
        &mapping,
        common::catalog(),
        &mut Dataset::default(),
        &mut diags,
    );
    common::assert_spans_on_chars(&sources, &diags);
});
