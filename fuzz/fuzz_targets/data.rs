//! The data readers (pejl CSV, Kolada JSON, Statbank CSV) must never panic: every bad byte
//! becomes a diagnostic. The policy and the Statbank mapping are fixed fixtures; the fuzzer
//! writes the data file, read once as CSV and once as JSON.
#![no_main]

use pejl::data::{self, Catalog, LoadOptions};
use pejl::sources::{FileLoader, SourceSet};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

const POLICY: &str = include_str!("../../tests/fixtures/data/policy.pejl");
const MAP: &str = include_str!("../../tests/fixtures/data/statbank-map.json");

struct Loader<'a>(&'a [u8]);

impl FileLoader for Loader<'_> {
    fn read(&self, path: &Path) -> std::io::Result<Vec<u8>> {
        Ok(if path.ends_with("map.json") {
            MAP.as_bytes().to_vec()
        } else {
            self.0.to_vec()
        })
    }
}

/// The policy's indicators, built once (the policy never changes).
fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| {
        let analysis = pejl::analyze_text(Path::new("policy.pejl"), POLICY);
        Catalog::new(&pejl::ir::compile(&analysis))
    })
}

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| {
    let catalog = catalog();
    let options = LoadOptions {
        statbank_map: Some(PathBuf::from("map.json")),
        ..LoadOptions::default()
    };
    for name in ["data.csv", "data.json"] {
        let mut sources = SourceSet::default();
        let _ = data::load(
            &[PathBuf::from(name)],
            catalog,
            &options,
            &Loader(bytes),
            &mut sources,
        );
    }
});
