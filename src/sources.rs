//! Source files of one policy: the root file and everything it includes, read through a
//! [`FileLoader`] so that the language server can supply unsaved editor buffers.
// A user-input path: no unchecked indexing, slicing or unwrap (ARCHITECTURE.md, performance notes).
#![deny(clippy::string_slice, clippy::indexing_slicing, clippy::unwrap_used)]

use crate::diagnostic::{Code, Diagnostic};
use crate::i18n::Text;
use crate::span::{FileId, LineCol, LineIndex, Span};
use crate::text;
use std::path::{Component, Path, PathBuf};

/// Reads files for the compiler.
pub trait FileLoader {
    fn read(&self, path: &Path) -> std::io::Result<Vec<u8>>;

    /// The file's real path (absolute, links resolved): what makes two includes the same file
    /// and what must stay inside the policy's folder. Loaders of in-memory files can keep this
    /// default: for a path that is not on disk it is the path made absolute.
    fn real_path(&self, path: &Path) -> PathBuf {
        real_path(path)
    }
}

/// Reads from the file system: regular files of at most [`crate::fsio::MAX_FILE_BYTES`].
pub struct FsLoader;

impl FileLoader for FsLoader {
    fn read(&self, path: &Path) -> std::io::Result<Vec<u8>> {
        crate::fsio::read_file(path, crate::fsio::MAX_FILE_BYTES)
    }
}

#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The path as given or as resolved from an include (lexically normalised); an included
    /// file that links make another file than that path is shown by its real path.
    pub path: PathBuf,
    pub text: String,
    /// Built when first asked for: a data file of millions of lines with nothing to report
    /// never needs one (a line start costs 8 bytes, more than a blank line).
    lines: std::sync::OnceLock<LineIndex>,
}

impl SourceFile {
    pub fn new(path: PathBuf, text: String) -> Self {
        SourceFile {
            path,
            text,
            lines: std::sync::OnceLock::new(),
        }
    }

    /// The file's line index.
    pub fn lines(&self) -> &LineIndex {
        self.lines.get_or_init(|| LineIndex::new(&self.text))
    }

    pub fn line_col(&self, offset: usize) -> LineCol {
        self.lines().line_col(&self.text, offset)
    }

    /// The path as shown to users, with `/` separators.
    pub fn display_path(&self) -> String {
        self.path.to_string_lossy().replace('\\', "/")
    }
}

#[derive(Debug, Clone, Default)]
pub struct SourceSet {
    pub files: Vec<SourceFile>,
}

impl SourceSet {
    /// The file `id` names. An id is a position in `files` (`add`, `find`; the list only
    /// grows), so one from this set is in it; one from another set is a caller's bug.
    // bound: as above; `FileId`s are made by the set (and by `lib.rs` as `files.len()` before
    // the push that makes them true), never from input.
    #[allow(clippy::indexing_slicing)]
    pub fn get(&self, id: FileId) -> &SourceFile {
        &self.files[id.0 as usize]
    }

    pub fn find(&self, path: &Path) -> Option<FileId> {
        let path = normalize(path);
        self.files
            .iter()
            .position(|f| f.path == path)
            .map(|i| FileId(i as u32))
    }

    pub fn add(&mut self, path: PathBuf, text: String) -> FileId {
        self.files.push(SourceFile::new(path, text));
        FileId(self.files.len() as u32 - 1)
    }

    pub fn text(&self, span: Span) -> &str {
        let text = &self.get(span.file).text;
        text.get(span.start..span.end).unwrap_or("")
    }
}

/// Decodes file bytes. Invalid UTF-8 becomes a lossy text plus a P0004 at the first bad byte.
pub fn decode(file: FileId, bytes: Vec<u8>) -> (String, Option<Diagnostic>) {
    match String::from_utf8(bytes) {
        Ok(text) => (text, None),
        Err(error) => {
            let at = error.utf8_error().valid_up_to();
            let text = String::from_utf8_lossy(error.as_bytes()).into_owned();
            let diag = Diagnostic::new(
                Code::P0004,
                Span::new(file, at, at + 1),
                text!("sources-not-utf8"),
            )
            .primary(text!("sources-not-utf8.primary"))
            .help(text!("sources-not-utf8.help"));
            (text, Some(diag))
        }
    }
}

/// Removes `.` and resolves `..` lexically, without touching the file system.
pub fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir => match out.components().next_back() {
                Some(Component::Normal(_)) => {
                    out.pop();
                }
                // `/..` is `/`.
                Some(Component::RootDir | Component::Prefix(_)) => {}
                // A leading `..` (or one after it) is kept: popping it would drop a level.
                _ => out.push(".."),
            },
            other => out.push(other.as_os_str()),
        }
    }
    out
}

/// The absolute path of `path` with links resolved. For a path that does not exist: its
/// folder's real path and its name, or else the absolute path, normalised.
pub fn real_path(path: &Path) -> PathBuf {
    if let Ok(real) = std::fs::canonicalize(path) {
        return real;
    }
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let absolute = normalize(&absolute);
    match (absolute.parent(), absolute.file_name()) {
        (Some(folder), Some(name)) => std::fs::canonicalize(folder)
            .map(|folder| folder.join(name))
            .unwrap_or(absolute),
        _ => absolute,
    }
}

/// Every `.pejl` file under `dir`, in a stable order (by name, folders depth first). Hidden
/// folders, `target` and `node_modules` are skipped (`pejl check FOLDER`, `pejl fmt FOLDER`,
/// `pejl diff OLD NEW` on folders).
pub fn policy_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    walk(dir, &mut files)?;
    Ok(files)
}

/// Whether `pejl` looks into a folder of this name when it walks a folder.
pub fn is_walked_folder(name: &str) -> bool {
    !name.starts_with('.') && name != "target" && name != "node_modules"
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)?.collect::<Result<_, _>>()?;
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let path = entry.path();
        let name = entry.file_name();
        if entry.file_type()?.is_dir() {
            if is_walked_folder(&name.to_string_lossy()) {
                walk(&path, files)?;
            }
        } else if path.extension().is_some_and(|e| e == "pejl") {
            files.push(path);
        }
    }
    Ok(())
}

/// An I/O error in words for people: "the file does not exist" rather than
/// "No such file or directory (os error 2)".
pub fn describe_io_error(error: &std::io::Error) -> Text {
    use std::io::ErrorKind;
    // pejl's own refusal (`fsio`: "it is not a regular file …") says it best.
    if let Some(refused) = error
        .get_ref()
        .and_then(|e| e.downcast_ref::<crate::fsio::Refused>())
    {
        return refused.0.clone();
    }
    match error.kind() {
        ErrorKind::NotFound => text!("io-not-found"),
        ErrorKind::PermissionDenied => text!("io-permission-denied"),
        ErrorKind::IsADirectory => text!("io-is-folder"),
        ErrorKind::AlreadyExists => text!("io-exists"),
        // The system's own words (English) for the rare rest.
        _ => {
            let text = error.to_string();
            Text::verbatim(match text.find(" (os error") {
                Some(i) => text.get(..i).unwrap_or(&text).to_string(),
                None => text,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_keeps_every_leading_parent() {
        assert_eq!(
            normalize(Path::new("../../x.pejl")),
            Path::new("../../x.pejl")
        );
        assert_eq!(
            normalize(Path::new("a/../../x.pejl")),
            Path::new("../x.pejl")
        );
        assert_eq!(normalize(Path::new("./a/./b/../c")), Path::new("a/c"));
        assert_eq!(normalize(Path::new("/../x")), Path::new("/x"));
    }
}
