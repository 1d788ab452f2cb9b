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
pub mod diff;
pub mod eval;
pub mod explain;
pub mod format;
pub mod fsio;
pub mod i18n;
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
pub mod testing;
pub mod unit;

pub use diagnostic::{Code, Diagnostic, Severity};
pub use sources::{FileLoader, FsLoader, SourceFile, SourceSet};
pub use span::{FileId, Span};

use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};
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

    /// The language the policy declares (`language da`), if it declares one it knows.
    pub fn language(&self) -> Option<i18n::Lang> {
        self.files
            .iter()
            .flat_map(|f| &f.decls)
            .find_map(|d| match d {
                ast::Decl::Policy(p) => p.language.as_ref(),
                _ => None,
            })
            .and_then(|l| i18n::lang_of_locale(&l.name))
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
    let root = sources::normalize(root);
    let real = loader.real_path(&root);
    let loaded = load(&root, real, loader, &mut |path, _, id| {
        read_and_parse(loader, parse, path, id)
    });
    loaded.analyse()
}

/// The policies among `paths` (`pejl check FOLDER`), in the order of their root files. A
/// file that no other of them includes is a root, analysed with what it includes. Files
/// that no analysis reached (an include cycle, or a file whose includer was refused it) are
/// roots too: first those that no other of them includes, else the first in order.
/// Each file is read and parsed once, unless two policies include it.
pub fn analyze_policies(paths: &[PathBuf], loader: &dyn FileLoader) -> Vec<Analysis> {
    analyze_policies_with(paths, loader, &mut |file, _, text| {
        syntax::parse_file(file, text)
    })
}

/// [`analyze_policies`] with a parser of the caller's choice.
pub fn analyze_policies_with(
    paths: &[PathBuf],
    loader: &dyn FileLoader,
    parse: &mut ParseFn<'_>,
) -> Vec<Analysis> {
    // Each file once (by its real path), in the given order.
    let mut candidates: Vec<(PathBuf, PathBuf)> = Vec::new();
    let mut index: HashMap<PathBuf, usize> = HashMap::new();
    for path in paths {
        let shown = sources::normalize(path);
        let real = loader.real_path(&shown);
        if !index.contains_key(&real) {
            index.insert(real.clone(), candidates.len());
            candidates.push((shown, real));
        }
    }
    // Read and parse every file once, as file 0 of its own; its includes tell the roots.
    let mut parsed: HashMap<PathBuf, Parsed> = HashMap::new();
    let mut included_by: Vec<Vec<usize>> = vec![Vec::new(); candidates.len()];
    for (i, (shown, real)) in candidates.iter().enumerate() {
        let Ok(file) = read_and_parse(loader, parse, shown, FileId(0)) else {
            continue; // read again, and reported, as a root
        };
        let folder = real.parent().unwrap_or(Path::new(""));
        for include in includes_of(&file.tree) {
            let target = loader.real_path(&folder.join(&include.path.value));
            if let Some(&j) = index.get(&target) {
                if j != i {
                    included_by[j].push(i);
                }
            }
        }
        parsed.insert(real.clone(), file);
    }
    // Each parse is used where it is first needed, moved to the file id it has there.
    let mut fetch = |path: &Path, real: &Path, id: FileId| match parsed.remove(real) {
        Some(file) => Ok(file.moved_to(id)),
        None => read_and_parse(loader, parse, path, id),
    };
    let mut covered = vec![false; candidates.len()];
    let mut analyses: Vec<(usize, Analysis)> = Vec::new();
    let mut analyse = |i: usize, covered: &mut Vec<bool>| {
        let (shown, real) = &candidates[i];
        let loaded = load(shown, real.clone(), loader, &mut fetch);
        for real in &loaded.real {
            if let Some(&j) = index.get(real) {
                covered[j] = true;
            }
        }
        analyses.push((i, loaded.analyse()));
    };
    for (i, includers) in included_by.iter().enumerate() {
        if includers.is_empty() {
            analyse(i, &mut covered);
        }
    }
    loop {
        let left: Vec<usize> = (0..candidates.len()).filter(|&i| !covered[i]).collect();
        let Some(&first) = left.first() else {
            break;
        };
        let root = left
            .iter()
            .copied()
            .find(|&i| included_by[i].iter().all(|&j| covered[j]))
            .unwrap_or(first);
        analyse(root, &mut covered);
    }
    analyses.sort_by_key(|(i, _)| *i);
    analyses.into_iter().map(|(_, analysis)| analysis).collect()
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
                FsLoader.read(path)
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

/// One file's text, syntax tree, and diagnostics of its syntax and encoding.
struct Parsed {
    text: String,
    tree: ast::File,
    diagnostics: Vec<Diagnostic>,
}

impl Parsed {
    /// The same parse as file `id` (parsed as file 0 for another policy).
    fn moved_to(self, id: FileId) -> Parsed {
        if id == FileId(0) {
            return self;
        }
        let (tree, diagnostics) = ide::restamped(self.tree, self.diagnostics, id);
        Parsed {
            text: self.text,
            tree,
            diagnostics,
        }
    }
}

fn read_and_parse(
    loader: &dyn FileLoader,
    parse: &mut ParseFn<'_>,
    path: &Path,
    id: FileId,
) -> std::io::Result<Parsed> {
    let (text, bad_utf8) = sources::decode(id, loader.read(path)?);
    let (tree, mut diagnostics) = parse(id, path, &text);
    diagnostics.extend(bad_utf8);
    Ok(Parsed {
        text,
        tree,
        diagnostics,
    })
}

/// How [`load`] gets a file (shown path, real path, the id it will have).
type FetchFn<'a> = dyn FnMut(&Path, &Path, FileId) -> std::io::Result<Parsed> + 'a;

/// A policy's files, before names and checks.
#[derive(Default)]
struct Loaded {
    sources: SourceSet,
    files: Vec<ast::File>,
    diagnostics: Vec<Diagnostic>,
    /// The real path of each file of `sources`: what makes two includes the same file.
    real: Vec<PathBuf>,
    root_unreadable: bool,
}

impl Loaded {
    fn analyse(self) -> Analysis {
        let root_unreadable = self.root_unreadable;
        let mut analysis = finish(self.sources, self.files, self.diagnostics);
        // Checks of an empty text ("declares no policy") would only repeat that.
        if root_unreadable {
            analysis.diagnostics.retain(|d| d.code == Code::P0004);
        }
        analysis
    }

    fn add(&mut self, path: PathBuf, real: PathBuf, file: Parsed) -> FileId {
        let id = self.sources.add(path, file.text);
        self.files.push(file.tree);
        self.diagnostics.extend(file.diagnostics);
        self.real.push(real);
        id
    }
}

fn includes_of(tree: &ast::File) -> Vec<ast::Include> {
    tree.decls
        .iter()
        .filter_map(|d| match d {
            ast::Decl::Include(i) => Some((**i).clone()),
            _ => None,
        })
        .collect()
}

/// Reads the root file and, depth first, everything it includes. The walk keeps its own
/// stack: a chain of thousands of includes must not overflow the thread's.
fn load(
    root: &Path,
    root_real: PathBuf,
    loader: &dyn FileLoader,
    fetch: &mut FetchFn<'_>,
) -> Loaded {
    // Includes must stay in the root's real folder, whatever links lead there.
    let folder = root_real
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default();
    let mut loaded = Loaded::default();
    let root_file = fetch(root, &root_real, FileId(0)).unwrap_or_else(|error| {
        loaded.diagnostics.push(unreadable(FileId(0), root, &error));
        loaded.root_unreadable = true;
        Parsed {
            text: String::new(),
            tree: ast::File::default(),
            diagnostics: Vec::new(),
        }
    });
    let mut ids: HashMap<PathBuf, FileId> = HashMap::from([(root_real.clone(), FileId(0))]);
    let includes = includes_of(&root_file.tree);
    loaded.add(root.to_path_buf(), root_real, root_file);
    // The files whose includes are being followed, each with the includes still to follow;
    // `open[id]` says a file is on it (an include of such a file is a cycle).
    let mut stack = vec![(FileId(0), includes.into_iter())];
    let mut open = vec![true];
    while let Some((file, includes)) = stack.last_mut() {
        let file = *file;
        let Some(include) = includes.next() else {
            open[file.0 as usize] = false;
            stack.pop();
            continue;
        };
        let (path, real) = match locate(&loaded, file, &include, &folder, loader) {
            Ok(found) => found,
            Err(outside) => {
                loaded.diagnostics.push(*outside);
                continue;
            }
        };
        if let Some(&existing) = ids.get(&real) {
            if open[existing.0 as usize] {
                loaded.diagnostics.push(
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
        let id = FileId(loaded.sources.files.len() as u32);
        match fetch(&path, &real, id) {
            Ok(parsed) => {
                let includes = includes_of(&parsed.tree);
                ids.insert(real.clone(), id);
                loaded.add(path, real, parsed);
                open.push(true);
                stack.push((id, includes.into_iter()));
            }
            Err(error) => loaded
                .diagnostics
                .push(unreadable_include(&include, &path, &error)),
        }
    }
    loaded
}

/// Where `include` (in `file`) leads: the path to show and read, and the real path. It is
/// resolved from the real folder of the including file, and must lead into `folder` (the
/// root's real folder) after links are followed; else the P0105 to report.
fn locate(
    loaded: &Loaded,
    file: FileId,
    include: &ast::Include,
    folder: &Path,
    loader: &dyn FileLoader,
) -> Result<(PathBuf, PathBuf), Box<Diagnostic>> {
    let written = Path::new(&include.path.value);
    let outside = |message: String| {
        Box::new(Diagnostic::new(Code::P0105, include.path.span, message)
            .primary("outside the policy's folder")
            .help("a policy's files must all live in the folder of its main file or below it; move the file there"))
    };
    let plainly_outside = format!("`{}` is outside the policy's folder", include.path.value);
    if written.is_absolute() {
        return Err(outside(plainly_outside));
    }
    let real_folder = loaded.real[file.0 as usize]
        .parent()
        .unwrap_or(Path::new(""));
    let real = loader.real_path(&real_folder.join(written));
    let shown_folder = loaded
        .sources
        .get(file)
        .path
        .parent()
        .unwrap_or(Path::new(""));
    let shown = sources::normalize(&shown_folder.join(written));
    if !real.starts_with(folder) {
        let lexically_outside = shown.components().any(|c| c == Component::ParentDir)
            || written.components().any(|c| c == Component::ParentDir);
        return Err(outside(if lexically_outside {
            plainly_outside
        } else {
            format!(
                "`{}` is outside the policy's folder: it leads to `{}`",
                include.path.value,
                real.display()
            )
        }));
    }
    // Shown as written from the including file, unless links make that another file.
    let path = if loader.real_path(&shown) == real {
        shown
    } else {
        real.clone()
    };
    Ok((path, real))
}

/// An include that cannot be read: not there (P0105), or not a readable file (P0004).
fn unreadable_include(include: &ast::Include, path: &Path, error: &std::io::Error) -> Diagnostic {
    let reason = sources::describe_io_error(error);
    if error.kind() != std::io::ErrorKind::NotFound {
        return Diagnostic::new(
            Code::P0004,
            include.path.span,
            format!(
                "cannot read the included file `{}`: {reason}",
                include.path.value
            ),
        )
        .primary("cannot be read")
        .help(format!(
            "an included file must be a regular file you may read, of at most {} MiB",
            fsio::MAX_FILE_BYTES / (1024 * 1024)
        ));
    }
    Diagnostic::new(
        Code::P0105,
        include.path.span,
        format!(
            "the included file `{}` cannot be read: {reason}",
            include.path.value,
        ),
    )
    .primary("file not found")
    .help(match same_but_for_case(path) {
        // Windows and macOS find `Klima.pejl` as `klima.pejl`; Linux (and CI) do not.
        Some(name) => {
            format!("the folder has `{name}`: file names are case-sensitive, so write `{name}`")
        }
        None => "paths are relative to the file that includes them; check the spelling".into(),
    })
}

/// A statement that does not parse is reported once, as a syntax error. The checks then see
/// a declaration without it and would report it missing too ("no owner" under `ejer KMU`,
/// "no deadline" under `target 60 by`): in a declaration with a syntax error such
/// consequences are left out, and come back once the statement parses.
///
/// Likewise a declaration that does not parse at all (`kerneopgave klima Klima og grøn
/// omstilling {`, a title without quotes) is reported once: references to its ID are not
/// also reported as unknown, a level it would have used is not "without goals" (P0206), and a
/// goal it names (`under strategi`) is not "without goals under it" (P0205): the broken
/// declaration may well be the missing child.
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
        Code::P0408, // a target but no measure (the `measure` line may not have parsed)
        Code::P0504, // relative target without a baseline
        Code::P0602, // followed up in no report
        Code::P0603, // report without `uses`, `due` or `to`
        Code::P0604, // no child followed up where the goal must be
        Code::P0802, // a test without `expect` (an `expect` line may not have parsed)
        Code::P0803, // a test without `year` or `report` (the line may not have parsed)
        Code::P0612, // activity without owner
        Code::P0613, // activity without deadline
        Code::P0614, // activity without a goal
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
        Code::P0505,
        Code::P0615,
    ];
    // Declarations in order of (file, start): a diagnostic's declaration is found by
    // binary search (a declaration holds no other), so the filter is linear in the output.
    let mut sorted: Vec<&ast::Decl> = files.iter().flat_map(|f| &f.decls).collect();
    sorted.sort_by_key(|d| (d.span().file, d.span().start));
    let decls: Vec<Span> = sorted.iter().map(|d| d.span()).collect();
    let declaration_of = |span: Span| -> Option<usize> {
        let after = decls.partition_point(|d| (d.file, d.start) <= (span.file, span.start));
        let at = after.checked_sub(1)?;
        decls.get(at).filter(|&&d| contains(d, span)).map(|_| at)
    };
    let declarations_with = |codes: &[Code]| -> Vec<bool> {
        let mut marked = vec![false; decls.len()];
        for d in diagnostics.iter().filter(|d| codes.contains(&d.code)) {
            if let Some(at) = declaration_of(d.span) {
                marked[at] = true;
            }
        }
        marked
    };
    let broken = declarations_with(&[Code::P0001, Code::P0002]);
    // A number with thousands separators (P0005) may not mean its whole-number reading, and
    // a declaration with a syntax error may hold a number read as 0 (one too large, say).
    let unsure = declarations_with(&[Code::P0001, Code::P0002, Code::P0005]);
    let unparsed = unparsed_ids(sources, diagnostics);
    if !unsure.contains(&true) && unparsed.is_empty() {
        return;
    }
    // The names written in the code of each goal declaration with a syntax error, and of each
    // stretch of text that did not parse as a declaration (from its line to the next
    // declaration that did): a goal named there may have a child the parser did not see.
    let mut uncertain_parents = std::collections::HashSet::new();
    if diagnostics.iter().any(|d| d.code == Code::P0205) {
        let mut seen = std::collections::HashSet::new();
        for d in diagnostics
            .iter()
            .filter(|d| matches!(d.code, Code::P0001 | Code::P0002))
        {
            let region = match declaration_of(d.span) {
                Some(at) if matches!(sorted[at], ast::Decl::Goal(_)) => decls[at],
                Some(_) => continue,
                None => {
                    let text = &sources.get(d.span.file).text;
                    let start = declaration_line(text, d.span.start);
                    let next = decls.partition_point(|s| (s.file, s.start) <= (d.span.file, start));
                    let end = decls
                        .get(next)
                        .filter(|s| s.file == d.span.file)
                        .map_or(text.len(), |s| s.start);
                    Span::new(d.span.file, start, end)
                }
            };
            if seen.insert((region.file, region.start)) {
                let text = &sources.get(region.file).text;
                let code = text.get(region.start..region.end).unwrap_or("");
                uncertain_parents.extend(code_words(code).map(syntax::text::nfc));
            }
        }
    }
    let touches = |d: &Diagnostic, marked: &[bool]| {
        std::iter::once(d.span)
            .chain(d.labels.iter().map(|l| l.span))
            .any(|span| declaration_of(span).is_some_and(|at| marked[at]))
    };
    diagnostics.retain(|d| {
        if matches!(d.code, Code::P0101 | Code::P0601 | Code::P0206) {
            let file = &sources.get(d.span.file).text;
            let name = file.get(d.span.start..d.span.end).unwrap_or("");
            return !unparsed.contains(&syntax::text::nfc(name));
        }
        if d.code == Code::P0205 {
            let goal = declaration_of(d.span).and_then(|at| match sorted[at] {
                ast::Decl::Goal(g) => Some(g.id.name.as_str()),
                _ => None,
            });
            return !goal.is_some_and(|id| uncertain_parents.contains(id));
        }
        !(CONSEQUENCES.contains(&d.code) && touches(d, &broken)
            || VALUE_JUDGMENTS.contains(&d.code) && touches(d, &unsure))
    });
}

/// The probable level names and IDs of declarations with syntax errors: the first two words of the line, at column 0,
/// where the declaration starts (`LEVEL ID "title"`, `indicator ID …`). A declaration that did
/// parse has its ID declared anyway, so taking its ID too does no harm. Names in NFC, as the
/// parser gives them.
fn unparsed_ids<'a>(
    sources: &'a SourceSet,
    diagnostics: &[Diagnostic],
) -> std::collections::HashSet<std::borrow::Cow<'a, str>> {
    use diagnostic::Code;
    let mut ids = std::collections::HashSet::new();
    for d in diagnostics
        .iter()
        .filter(|d| matches!(d.code, Code::P0001 | Code::P0002))
    {
        let text = &sources.get(d.span.file).text;
        let start = declaration_line(text, d.span.start);
        let line = text[start..].lines().next().unwrap_or("");
        // The level name and the ID (a level left without goals is a consequence too).
        for word in line.split_whitespace().take(2) {
            let word = word.trim_end_matches(['{', '"']);
            if ide::is_valid_id(word) {
                ids.insert(syntax::text::nfc(word));
            }
        }
    }
    ids
}

/// The start of the line where the declaration holding `offset` starts: the nearest line at or
/// above it that starts at column 0 with neither `}` nor a comment.
fn declaration_line(text: &str, offset: usize) -> usize {
    let mut at = offset.min(text.len());
    loop {
        let line = text[..at].rfind('\n').map_or(0, |nl| nl + 1);
        let first = text[line..].chars().next();
        if first.is_some_and(|c| !c.is_whitespace() && c != '}' && c != '/') || line == 0 {
            return line;
        }
        at = line - 1;
    }
}

/// The words of `text` that are code: not in a comment or a closed string. A quote left open
/// (a title missing its closing quote) hides nothing: the words after it are read as code.
fn code_words(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() {
            let rest = &text[i..];
            if rest.starts_with("//") {
                i = syntax::text::line_end(text, i);
            } else if let Some(inner) = rest.strip_prefix("\"\"\"") {
                i += inner.find("\"\"\"").map_or(3, |n| 3 + n + 3);
            } else if rest.starts_with('"') {
                let line = &text[i + 1..syntax::text::line_end(text, i + 1)];
                let mut escaped = false;
                let close = line.char_indices().find(|&(_, c)| {
                    let end = c == '"' && !escaped;
                    escaped = c == '\\' && !escaped;
                    end
                });
                i += close.map_or(1, |(n, _)| 1 + n + 1);
            } else {
                let c = rest.chars().next().unwrap_or(' ');
                if c.is_alphabetic() || c == '_' {
                    let len = rest
                        .char_indices()
                        .find(|&(_, c)| !ide::is_ident_char(c))
                        .map_or(rest.len(), |(n, _)| n);
                    i += len;
                    return Some(&rest[..len]);
                }
                i += c.len_utf8();
            }
        }
        None
    })
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

/// P0112: each file's keywords in one language (`syntax::keyword_use`); the policy's
/// `language` decides between languages whose keywords a file's first words share.
fn keyword_language(sources: &SourceSet, files: &[ast::File]) -> Vec<Diagnostic> {
    let declared = files
        .iter()
        .flat_map(|f| &f.decls)
        .find_map(|d| match d {
            ast::Decl::Policy(p) => p.language.as_ref(),
            _ => None,
        })
        .and_then(|l| i18n::lang_of_locale(&l.name));
    sources
        .files
        .iter()
        .enumerate()
        .filter_map(|(i, source)| {
            let id = FileId(u32::try_from(i).ok()?);
            syntax::keyword_use::check(id, &source.text, declared)
        })
        .collect()
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
    diagnostics.extend(keyword_language(&sources, &files));
    drop_consequences_of_syntax_errors(&sources, &files, &mut diagnostics);
    diagnostics.sort_by(|a, b| {
        (a.span.file, a.span.start, a.code)
            .cmp(&(b.span.file, b.span.start, b.code))
            .then_with(|| a.message.total_cmp(&b.message))
    });
    diagnostics.dedup();
    Analysis {
        sources,
        files,
        symbols,
        diagnostics,
    }
}
