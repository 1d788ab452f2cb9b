//! What the data targets share: the indicators of a fixed policy, and a loader that serves
//! the fuzzer's bytes (or a fixed Statbank mapping).
#![allow(dead_code)] // each target uses part of it

use pejl::data::Catalog;
use pejl::sources::{FileLoader, SourceSet};
use pejl::span::FileId;
use pejl::Diagnostic;
use std::path::Path;
use std::sync::OnceLock;

pub const POLICY: &str = include_str!("../../../tests/fixtures/data/policy.pejl");
pub const ACTIVITIES: &str = include_str!("../../../tests/fixtures/activities/policy.pejl");
pub const MAP: &str = include_str!("../../../tests/fixtures/data/statbank-map.json");

fn catalog_of(text: &str) -> Catalog {
    let analysis = pejl::analyze_text(Path::new("policy.pejl"), text);
    Catalog::new(&pejl::ir::compile(&analysis))
}

/// The data fixtures' policy, compiled once.
pub fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| catalog_of(POLICY))
}

/// A policy with activities, for the activity file.
pub fn activity_catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| catalog_of(ACTIVITIES))
}

/// Serves `bytes` for every path except a `map.json`, which is the fixed mapping.
pub struct Loader<'a>(pub &'a [u8]);

impl FileLoader for Loader<'_> {
    fn read(&self, path: &Path) -> std::io::Result<Vec<u8>> {
        Ok(if path.ends_with("map.json") {
            MAP.as_bytes().to_vec()
        } else {
            self.0.to_vec()
        })
    }
}

/// `bytes` as a source file (invalid UTF-8 is P0004, as when pejl reads a file).
pub fn source(name: &str, bytes: &[u8], sources: &mut SourceSet) -> Option<FileId> {
    let mut diags = Vec::new();
    pejl::data::read_source(Path::new(name), &Loader(bytes), sources, &mut diags)
}

/// Every span of every diagnostic (primary and labels) lies on character boundaries of the
/// file it names.
pub fn assert_spans_on_chars(sources: &SourceSet, diags: &[Diagnostic]) {
    for d in diags {
        for span in std::iter::once(d.span).chain(d.labels.iter().map(|l| l.span)) {
            let text = &sources.get(span.file).text;
            assert!(
                text.get(span.start..span.end).is_some(),
                "{span:?} in {d:?}"
            );
        }
    }
}
