//! The example policies: they compile with no errors or warnings, their compiled JSON is
//! snapshotted and valid against the published schema, and a CRLF + BOM copy of an
//! example gives the same diagnostics and the same JSON.

use pejl::{FsLoader, Severity};
use std::path::{Path, PathBuf};

fn examples() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir("examples")
        .expect("examples/ exists")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "pejl"))
        // The examples' tests (`dorotea.test.pejl`) include the policy they test: the same
        // policy, compiled the same (tests/test_runner.rs checks that), run by `pejl test`.
        .filter(|p| !p.to_string_lossy().ends_with(".test.pejl"))
        .collect();
    files.sort();
    assert!(
        files.len() >= 3,
        "expected the example policies in examples/"
    );
    files
}

fn render(analysis: &pejl::Analysis) -> String {
    let renderer =
        pejl::render::HumanRenderer::new(&analysis.sources, false, 100, pejl::i18n::Lang::En);
    analysis
        .diagnostics
        .iter()
        .map(|d| renderer.render(&analysis.sources, d))
        .collect()
}

#[test]
fn examples_compile_clean() {
    for path in examples() {
        let analysis = pejl::analyze(&path, &FsLoader);
        let problems: Vec<_> = analysis
            .diagnostics
            .iter()
            .filter(|d| d.severity != Severity::Hint)
            .collect();
        assert!(
            problems.is_empty(),
            "{} has problems:\n{}",
            path.display(),
            render(&analysis)
        );
    }
}

#[test]
fn compiled_examples_match_snapshots_and_schema() {
    let schema = pejl::ir::schema();
    let validator = jsonschema::validator_for(&schema).expect("the schema is a valid JSON Schema");
    for path in examples() {
        let analysis = pejl::analyze(&path, &FsLoader);
        let compiled = serde_json::to_value(pejl::ir::compile(&analysis)).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&compiled)
            .map(|e| format!("{e} at {}", e.instance_path))
            .collect();
        assert!(errors.is_empty(), "{}: {errors:?}", path.display());
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        insta::assert_json_snapshot!(format!("compiled_{name}"), compiled);
    }
}

#[test]
fn compiling_twice_gives_identical_bytes() {
    let path = Path::new("examples/dorotea.pejl");
    let a =
        serde_json::to_string_pretty(&pejl::ir::compile(&pejl::analyze(path, &FsLoader))).unwrap();
    let b =
        serde_json::to_string_pretty(&pejl::ir::compile(&pejl::analyze(path, &FsLoader))).unwrap();
    assert_eq!(a, b);
}

/// Windows editors save CRLF and sometimes a BOM: the same policy must mean the same.
#[test]
fn crlf_and_bom_give_the_same_result() {
    let path = Path::new("examples/dorotea.pejl");
    let text = std::fs::read_to_string(path).unwrap();
    // Break it a little so there are diagnostics to compare as well.
    let text = text.replacen("ansvarig KS", "ansvarig KSS", 1);
    let windows = format!("\u{feff}{}", text.replace('\n', "\r\n"));
    let unix = pejl::analyze_text(path, &text);
    let crlf = pejl::analyze_text(path, &windows);
    assert!(!unix.diagnostics.is_empty());
    let described = |a: &pejl::Analysis| -> Vec<(String, String, usize, usize, usize, usize)> {
        a.diagnostics
            .iter()
            .map(|d| {
                let file = a.sources.get(d.span.file);
                let start = file.line_col(d.span.start);
                let end = file.line_col(d.span.end);
                (
                    d.code.to_string(),
                    d.message.en(),
                    start.line,
                    start.column,
                    end.line,
                    end.column,
                )
            })
            .collect()
    };
    assert_eq!(described(&unix), described(&crlf));
    let fixed_unix = pejl::analyze_text(path, &text.replacen("owner KSS", "owner KS", 1));
    let fixed_crlf = pejl::analyze_text(path, &windows.replacen("owner KSS", "owner KS", 1));
    let a = serde_json::to_value(pejl::ir::compile(&fixed_unix)).unwrap();
    let b = serde_json::to_value(pejl::ir::compile(&fixed_crlf)).unwrap();
    assert_eq!(a, b);
}

/// The compiled policy as reporting tools read it, with the places in the source (file
/// and line) left out: a translation may lay a long line out on two.
fn compiled_without_places(analysis: &pejl::Analysis) -> serde_json::Value {
    fn strip(value: &mut serde_json::Value) {
        match value {
            serde_json::Value::Object(map) => {
                map.retain(|key, _| !matches!(key.as_str(), "file" | "line" | "files"));
                map.values_mut().for_each(strip);
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(strip),
            _ => {}
        }
    }
    let mut value = serde_json::to_value(pejl::ir::compile(analysis)).unwrap();
    strip(&mut value);
    value
}

/// The examples are written in their municipality's keywords (Dorotea Swedish, Dragør and
/// Copenhagen Danish); `tests/fixtures/keywords/` holds them translated by
/// `pejl fmt --keywords`. Whichever keywords a policy uses, it compiles to the same JSON,
/// byte for byte, and its diagnostics are the same.
#[test]
fn translated_examples_compile_to_the_same_json() {
    let translations: Vec<PathBuf> = {
        let mut files: Vec<PathBuf> = std::fs::read_dir("tests/fixtures/keywords")
            .expect("tests/fixtures/keywords exists")
            .filter_map(Result::ok)
            .map(|e| e.path())
            .collect();
        files.sort();
        files
    };
    assert!(translations.len() >= 5, "{translations:?}");
    for translated in &translations {
        let name = translated
            .file_name()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        let example =
            Path::new("examples").join(format!("{}.pejl", name.split('.').next().unwrap()));
        let original = pejl::analyze(&example, &FsLoader);
        // Read under the example's own name, so the file names in the JSON agree.
        let text = std::fs::read_to_string(translated).unwrap();
        let copy = pejl::analyze_text(&example, &text);
        assert_eq!(
            serde_json::to_string_pretty(&pejl::ir::compile(&original)).unwrap(),
            serde_json::to_string_pretty(&pejl::ir::compile(&copy)).unwrap(),
            "{name} compiles to other JSON than {}",
            example.display()
        );
        assert_eq!(render(&original), render(&copy), "{name}");
        // And the checked-in translation is what `pejl fmt --keywords` writes today.
        let language = match name.split('.').nth(1) {
            Some("sv") => pejl::i18n::Lang::Sv,
            Some("da") => pejl::i18n::Lang::Da,
            _ => pejl::i18n::Lang::En,
        };
        let source = std::fs::read_to_string(&example).unwrap();
        assert_eq!(
            pejl::format::format_keywords(&source, Some(language)).unwrap(),
            text,
            "{name} is not what `pejl fmt --keywords` writes"
        );
    }
}

/// Every example into every keyword language and back: the meaning (the compiled JSON
/// without source places) never changes, and translating back gives the formatted original.
#[test]
fn every_example_means_the_same_in_every_keyword_language() {
    use pejl::i18n::Lang;
    for path in examples() {
        let source = std::fs::read_to_string(&path).unwrap();
        let original = compiled_without_places(&pejl::analyze(&path, &FsLoader));
        for language in [Lang::Sv, Lang::Da, Lang::En] {
            let translated = pejl::format::format_keywords(&source, Some(language)).unwrap();
            let analysis = pejl::analyze_text(&path, &translated);
            assert!(
                !analysis.has_errors(),
                "{} in {language:?} keywords:\n{}",
                path.display(),
                render(&analysis)
            );
            assert_eq!(
                original,
                compiled_without_places(&analysis),
                "{} means something else in {language:?} keywords",
                path.display()
            );
        }
    }
}
