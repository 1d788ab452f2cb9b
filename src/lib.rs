//! pejl: a declarative language for municipal goal policies, and its compiler.
//!
//! Data flow: source → [`syntax`] (pest, recovery, AST) → [`model`] (names, references)
//! → [`checks`] (chain, rules, SMART, units) → [`ir`] (compiled JSON) and [`render`]
//! (diagnostics for people and tools). [`analyze`] runs the whole front end; the CLI
//! and the language server both call it.

// pest is built without `std` (no stack probe on every rule call: a third of parse time);
// its generated parser then names `alloc`. Nesting depth is bounded in `syntax::parse`.
extern crate alloc;

pub mod checks;
pub mod data;
pub mod diagnostic;
pub mod eval;
pub mod explain;
pub mod format;
pub mod ide;
pub mod interpret;
pub mod ir;
pub mod model;
pub mod parallel;
pub mod render;
pub mod report;
pub mod sources;
pub mod span;
pub mod syntax;
pub mod templates;

pub use diagnostic::{Code, Diagnostic, Severity};
pub use sources::{FileLoader, FsLoader, SourceFile, SourceSet};
pub use span::{FileId, Span};

use std::path::{Path, PathBuf};
use syntax::ast;

/// Everything the front end knows about one policy.
pub struct Analysis {
    pub sources: SourceSet,
    /// One syntax tree per file of `sources`, same order.
    pub files: Vec<ast::File>,
    pub symbols: model::Symbols,
    /// Sorted by file and position.
    pub diagnostics: Vec<Diagnostic>,
}

impl Analysis {
    pub fn model(&self) -> model::Model<'_> {
        model::Model::build(&self.files)
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }

    pub fn has_errors(&self) -> bool {
        self.count(Severity::Error) > 0
    }
}

/// Analyses the policy whose root file is `root`, reading it and its includes through `loader`.
/// Never fails: unreadable files become diagnostics (P0004, P0105).
pub fn analyze(root: &Path, loader: &dyn FileLoader) -> Analysis {
    analyze_with(root, loader, &mut |file, _, text| {
        syntax::parse_file(file, text)
    })
}

/// How [`analyze_with`] parses one file: (file id, path, text) → syntax tree and syntax diagnostics.
pub type ParseFn<'a> = dyn FnMut(FileId, &Path, &str) -> (ast::File, Vec<Diagnostic>) + 'a;

/// [`analyze`] with a parser of the caller's choice (the language server re-parses only the
/// declarations an edit touched; see [`ide::IncrementalParser`]).
pub fn analyze_with(root: &Path, loader: &dyn FileLoader, parse: &mut ParseFn<'_>) -> Analysis {
    let mut sources = SourceSet::default();
    let mut files = Vec::new();
    let mut diagnostics = Vec::new();
    let root = sources::normalize(root);
    let folder = root.parent().map(Path::to_path_buf).unwrap_or_default();
    let (text, read_error) = match loader.read(&root) {
        Ok(bytes) => sources::decode(FileId(0), bytes),
        Err(error) => (String::new(), Some(unreadable(FileId(0), &root, &error))),
    };
    sources.add(root.clone(), text);
    diagnostics.extend(read_error);
    load_recursive(
        FileId(0),
        &folder,
        loader,
        parse,
        &mut sources,
        &mut files,
        &mut diagnostics,
        &mut vec![FileId(0)],
    );
    finish(sources, files, diagnostics)
}

/// Analyses one text that is not on disk; includes are read from the file system relative to `path`.
pub fn analyze_text(path: &Path, text: &str) -> Analysis {
    struct Overlay<'a> {
        path: PathBuf,
        text: &'a str,
    }
    impl FileLoader for Overlay<'_> {
        fn read(&self, path: &Path) -> std::io::Result<Vec<u8>> {
            if path == self.path {
                Ok(self.text.as_bytes().to_vec())
            } else {
                std::fs::read(path)
            }
        }
    }
    let path = sources::normalize(path);
    analyze(
        &path,
        &Overlay {
            path: path.clone(),
            text,
        },
    )
}

fn unreadable(file: FileId, path: &Path, error: &std::io::Error) -> Diagnostic {
    Diagnostic::new(
        Code::P0004,
        Span::new(file, 0, 0),
        format!(
            "cannot read `{}`: {}",
            path.display(),
            sources::describe_io_error(error)
        ),
    )
    .help("check that the file exists and that you may read it")
}

#[allow(clippy::too_many_arguments)]
fn load_recursive(
    file: FileId,
    folder: &Path,
    loader: &dyn FileLoader,
    parse: &mut ParseFn<'_>,
    sources: &mut SourceSet,
    files: &mut Vec<ast::File>,
    diagnostics: &mut Vec<Diagnostic>,
    stack: &mut Vec<FileId>,
) {
    let source = sources.get(file);
    let (tree, diags) = parse(file, &source.path, &source.text);
    diagnostics.extend(diags);
    let includes: Vec<ast::Include> = tree
        .decls
        .iter()
        .filter_map(|d| match d {
            ast::Decl::Include(i) => Some((**i).clone()),
            _ => None,
        })
        .collect();
    while files.len() <= file.0 as usize {
        files.push(ast::File::default());
    }
    files[file.0 as usize] = tree;
    let here = sources
        .get(file)
        .path
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default();
    for include in includes {
        let target = sources::normalize(&here.join(&include.path.value));
        let inside = target.strip_prefix(folder).is_ok_and(|rest| {
            !rest
                .components()
                .any(|c| c == std::path::Component::ParentDir)
        });
        if !inside || Path::new(&include.path.value).is_absolute() {
            diagnostics.push(
                Diagnostic::new(
                    Code::P0105,
                    include.path.span,
                    format!("`{}` is outside the policy's folder", include.path.value),
                )
                .primary("outside the policy's folder")
                .help("a policy's files must all live in the folder of its main file or below it; move the file there"),
            );
            continue;
        }
        if let Some(existing) = sources.find(&target) {
            if stack.contains(&existing) {
                diagnostics.push(
                    Diagnostic::new(
                        Code::P0105,
                        include.path.span,
                        format!(
                            "including `{}` here makes a cycle: it already includes this file",
                            include.path.value
                        ),
                    )
                    .primary("include cycle")
                    .help("remove one of the includes; each file should be included once, from the file above it"),
                );
            }
            continue;
        }
        match loader.read(&target) {
            Ok(bytes) => {
                let id = FileId(sources.files.len() as u32);
                let (text, bad_utf8) = sources::decode(id, bytes);
                sources.add(target, text);
                diagnostics.extend(bad_utf8);
                stack.push(id);
                load_recursive(
                    id,
                    folder,
                    loader,
                    parse,
                    sources,
                    files,
                    diagnostics,
                    stack,
                );
                stack.pop();
            }
            Err(error) => diagnostics.push(
                Diagnostic::new(
                    Code::P0105,
                    include.path.span,
                    format!(
                        "the included file `{}` cannot be read: {}",
                        include.path.value,
                        sources::describe_io_error(&error)
                    ),
                )
                .primary("file not found")
                .help(match same_but_for_case(&target) {
                    // Windows and macOS find `Klima.pejl` as `klima.pejl`; Linux (and CI) do not.
                    Some(name) => format!(
                        "the folder has `{name}`: file names are case-sensitive, so write `{name}`"
                    ),
                    None => "paths are relative to the file that includes them; check the spelling"
                        .into(),
                }),
            ),
        }
    }
}

/// A statement that does not parse is reported once, as a syntax error. The checks then see
/// a declaration without it and would report it missing too ("no owner" under `ejer KMU`,
/// "no deadline" under `target 60 by`): in a declaration with a syntax error such
/// consequences are left out, and come back once the statement parses.
///
/// Likewise a declaration that does not parse at all (`kerneopgave klima Klima og grøn
/// omstilling {`, a title without quotes) is reported once: references to its ID are not
/// also reported as unknown.
fn drop_consequences_of_syntax_errors(
    sources: &SourceSet,
    files: &[ast::File],
    diagnostics: &mut Vec<Diagnostic>,
) {
    use diagnostic::Code;
    const CONSEQUENCES: &[Code] = &[
        Code::P0108, // indicator without direction
        Code::P0204, // goal without `under`
        Code::P0302, // rule leaves values without a status
        Code::P0306, // rule refers to a target or baseline the goal lacks
        Code::P0307, // no band for missing data
        Code::P0308, // rollup leaves combinations without a status
        Code::P0401, // measured goal lacks measure, target or rule
        Code::P0402, // target without a deadline
        Code::P0406, // goal without owner
        Code::P0504, // relative target without a baseline
        Code::P0602, // followed up in no report
    ];
    // Judgments of a number's value: a number written with thousands separators (P0005) may
    // not mean its whole-number reading, so its declaration is not judged by it.
    const VALUE_JUDGMENTS: &[Code] = &[
        Code::P0301,
        Code::P0302,
        Code::P0303,
        Code::P0304,
        Code::P0308,
        Code::P0309,
        Code::P0310,
        Code::P0404,
        Code::P0405,
        Code::P0501,
    ];
    let declarations_with = |codes: &[Code]| -> Vec<Span> {
        files
            .iter()
            .flat_map(|f| &f.decls)
            .map(ast::Decl::span)
            .filter(|decl| {
                diagnostics
                    .iter()
                    .any(|d| codes.contains(&d.code) && contains(*decl, d.span))
            })
            .collect()
    };
    let broken = declarations_with(&[Code::P0001, Code::P0002]);
    let unsure = declarations_with(&[Code::P0005]);
    let unparsed = unparsed_ids(sources, diagnostics);
    if broken.is_empty() && unsure.is_empty() && unparsed.is_empty() {
        return;
    }
    let touches = |d: &Diagnostic, decls: &[Span]| {
        std::iter::once(d.span)
            .chain(d.labels.iter().map(|l| l.span))
            .any(|span| decls.iter().any(|&decl| contains(decl, span)))
    };
    diagnostics.retain(|d| {
        if matches!(d.code, Code::P0101 | Code::P0601 | Code::P0206) {
            let file = &sources.get(d.span.file).text;
            let name = file.get(d.span.start..d.span.end).unwrap_or("");
            return !unparsed.contains(name);
        }
        !(CONSEQUENCES.contains(&d.code) && touches(d, &broken)
            || VALUE_JUDGMENTS.contains(&d.code) && touches(d, &unsure))
    });
}

/// The probable level names and IDs of declarations with syntax errors: the first two words of the line, at column 0,
/// where the declaration starts (`LEVEL ID "title"`, `indicator ID …`). A declaration that did
/// parse has its ID declared anyway, so taking its ID too does no harm.
fn unparsed_ids<'a>(
    sources: &'a SourceSet,
    diagnostics: &[Diagnostic],
) -> std::collections::HashSet<&'a str> {
    use diagnostic::Code;
    let mut ids = std::collections::HashSet::new();
    for d in diagnostics
        .iter()
        .filter(|d| matches!(d.code, Code::P0001 | Code::P0002))
    {
        let text = &sources.get(d.span.file).text;
        let mut at = d.span.start.min(text.len());
        let start = loop {
            let line = text[..at].rfind('\n').map_or(0, |nl| nl + 1);
            let first = text[line..].chars().next();
            if first.is_some_and(|c| !c.is_whitespace() && c != '}' && c != '/') || line == 0 {
                break line;
            }
            at = line - 1;
        };
        let line = text[start..].lines().next().unwrap_or("");
        // The level name and the ID (a level left without goals is a consequence too).
        for word in line.split_whitespace().take(2) {
            let word = word.trim_end_matches(['{', '"']);
            if ide::is_valid_id(word) {
                ids.insert(word);
            }
        }
    }
    ids
}

fn contains(outer: Span, inner: Span) -> bool {
    outer.file == inner.file && outer.start <= inner.start && inner.end <= outer.end
}

/// A file in `path`'s folder whose name differs from `path`'s only in upper and lower case.
fn same_but_for_case(path: &Path) -> Option<String> {
    let wanted = path.file_name()?.to_str()?.to_lowercase();
    let folder = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::read_dir(folder)
        .ok()?
        .flatten()
        .filter_map(|entry| entry.file_name().into_string().ok())
        .find(|name| name.to_lowercase() == wanted)
}

fn finish(sources: SourceSet, files: Vec<ast::File>, mut diagnostics: Vec<Diagnostic>) -> Analysis {
    let model = model::Model::build(&files);
    // Name resolution and the checks only read the model: run them on two threads.
    let ((symbols, name_diags), check_diags) = std::thread::scope(|scope| {
        let second = scope.spawn(|| checks::run_second_half(&model));
        let names = model::resolve(&files, &model);
        let mut diags = checks::run_first_half(&model);
        diags.extend(
            second
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
        );
        (names, diags)
    });
    diagnostics.extend(name_diags);
    diagnostics.extend(check_diags);
    drop(model);
    drop_consequences_of_syntax_errors(&sources, &files, &mut diagnostics);
    diagnostics.sort_by(|a, b| {
        (a.span.file, a.span.start, a.code, &a.message).cmp(&(
            b.span.file,
            b.span.start,
            b.code,
            &b.message,
        ))
    });
    diagnostics.dedup();
    Analysis {
        sources,
        files,
        symbols,
        diagnostics,
    }
}
