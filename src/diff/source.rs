//! The two versions `pejl diff` compares: a policy file, a folder of policies, or
//! `git:REV:PATH` — the file or folder as it is in revision REV of the git repository PATH is
//! in, its includes read from the same revision.
//!
//! Git is read with the `git` command (`rev-parse`, `ls-tree`, `cat-file`, plumbing whose
//! output is stable), not a library: a machine with a repository has git, it understands
//! every revision syntax (`HEAD~1`, `v2.0`, `origin/main`), worktrees, packs and partial
//! clones as the user's own git does, and pejl gains no dependency (libgit2 is C built from
//! source, gix a hundred crates). A file of a revision is known by the path
//! `git:REV:/path/from/the/repository's/top`, so includes resolve, and are confined, inside
//! that revision exactly as they are on disk.
// A user-input path: no unchecked indexing, slicing or unwrap (ARCHITECTURE.md, performance notes).
#![deny(clippy::string_slice, clippy::indexing_slicing, clippy::unwrap_used)]

use crate::sources::{self, FileLoader, FsLoader};
use crate::Analysis;
use std::io;
use std::path::{Component, Path, PathBuf};
use std::process::Command;

/// One side of a diff, as the command line gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Spec {
    Path(PathBuf),
    Git { rev: String, path: PathBuf },
}

impl Spec {
    /// `git:REV:PATH` or a path. `git:REV` alone is the folder the command runs in.
    pub fn parse(text: &str) -> Spec {
        match text.strip_prefix("git:") {
            Some(rest) => {
                let (rev, path) = rest.split_once(':').unwrap_or((rest, ""));
                let path = if path.is_empty() { "." } else { path };
                Spec::Git {
                    rev: rev.to_string(),
                    path: PathBuf::from(path),
                }
            }
            None => Spec::Path(PathBuf::from(text)),
        }
    }
}

/// One version: its policies, analysed.
pub struct Version {
    /// As the command line gave it.
    pub label: String,
    /// The policies, each with the key that pairs it with the other version's: the policy's
    /// ID, else its root file's path inside the folder given.
    pub policies: Vec<(String, Analysis)>,
}

/// Reads and analyses one side. `Err` is a usage error (no such file, not a repository, no
/// such revision, no policies in a folder).
pub fn load(label: &str) -> Result<Version, String> {
    let (policies, folder) = match Spec::parse(label) {
        Spec::Path(path) => {
            let meta = std::fs::metadata(&path).map_err(|e| {
                format!(
                    "cannot read `{}`: {}",
                    path.display(),
                    sources::describe_io_error(&e)
                )
            })?;
            if meta.is_dir() {
                let files = sources::policy_files(&path).map_err(|e| {
                    format!(
                        "cannot read folder `{}`: {}",
                        path.display(),
                        sources::describe_io_error(&e)
                    )
                })?;
                if files.is_empty() {
                    return Err(format!("`{}` holds no .pejl files", path.display()));
                }
                (crate::analyze_policies(&files, &FsLoader), Some(path))
            } else {
                (vec![crate::analyze(&path, &FsLoader)], None)
            }
        }
        Spec::Git { rev, path } => {
            let git = GitLoader::open(&rev, &path)?;
            let root = git.path_of(&git.relative);
            match git.entry(&git.relative).map_err(|e| e.to_string())? {
                Entry::Tree => {
                    let files = git.policy_files(&git.relative)?;
                    if files.is_empty() {
                        return Err(format!("`{label}` holds no .pejl files"));
                    }
                    (crate::analyze_policies(&files, &git), Some(root))
                }
                Entry::Blob(_) => (vec![crate::analyze(&root, &git)], None),
            }
        }
    };
    let policies = policies
        .into_iter()
        .map(|analysis| (key(&analysis, folder.as_deref()), analysis))
        .collect();
    Ok(Version {
        label: label.to_string(),
        policies,
    })
}

/// What pairs a policy with the other version's: `policy ID`, else the root's path in the
/// folder.
fn key(analysis: &Analysis, folder: Option<&Path>) -> String {
    let model = analysis.model();
    if let Some(policy) = model.policy {
        return format!("policy {}", policy.id.name);
    }
    // The root is the first file read; an analysis without one has an empty path.
    let root = analysis
        .sources
        .files
        .first()
        .map_or(Path::new(""), |f| f.path.as_path());
    let inside = folder
        .and_then(|f| root.strip_prefix(sources::normalize(f)).ok())
        .unwrap_or(root);
    format!("file {}", inside.to_string_lossy().replace('\\', "/"))
}

/// What a path of a revision is.
enum Entry {
    Tree,
    /// A file, with its object name.
    Blob(String),
}

/// Reads the files of one git revision.
pub struct GitLoader {
    /// The repository's top folder.
    top: PathBuf,
    /// The revision's commit (a full object name: never taken for an option).
    commit: String,
    /// The path prefix of this revision's files: `git:REV:`.
    root: PathBuf,
    /// The path asked for, from the repository's top.
    relative: String,
}

fn git_failed(error: io::Error) -> String {
    if error.kind() == io::ErrorKind::NotFound {
        "cannot run `git` (is it installed?): pejl reads git:REV:PATH with the git command".into()
    } else {
        format!("cannot run `git`: {}", sources::describe_io_error(&error))
    }
}

impl GitLoader {
    /// The revision `rev` of the repository `path` (a path of the working tree, relative to
    /// the current folder) is in.
    pub fn open(rev: &str, path: &Path) -> Result<GitLoader, String> {
        if rev.is_empty() || rev.starts_with('-') {
            return Err(format!(
                "`git:{rev}:…` needs a revision such as HEAD, HEAD~1 or a tag before the second `:`"
            ));
        }
        let absolute = sources::normalize(&std::path::absolute(path).map_err(|e| {
            format!(
                "cannot read `{}`: {}",
                path.display(),
                sources::describe_io_error(&e)
            )
        })?);
        // The nearest folder that exists in the working tree (the file may exist only in the
        // revision), and the rest of the path below it.
        let mut existing = absolute.as_path();
        let mut rest: Vec<&std::ffi::OsStr> = Vec::new();
        while !existing.is_dir() {
            match (existing.parent(), existing.file_name()) {
                (Some(parent), Some(name)) => {
                    rest.push(name);
                    existing = parent;
                }
                _ => break,
            }
        }
        let output = Command::new("git")
            .arg("-C")
            .arg(existing)
            .args(["rev-parse", "--show-toplevel"])
            .output()
            .map_err(git_failed)?;
        if !output.status.success() {
            return Err(format!(
                "`{}` is not in a git repository, so `git:{rev}:{}` cannot be read",
                path.display(),
                path.display()
            ));
        }
        let top =
            PathBuf::from(String::from_utf8_lossy(&output.stdout).trim_end_matches(['\n', '\r']));
        let real = std::fs::canonicalize(existing).unwrap_or_else(|_| existing.to_path_buf());
        let top_real = std::fs::canonicalize(&top).unwrap_or_else(|_| top.clone());
        let mut relative = real
            .strip_prefix(&top_real)
            .map_err(|_| format!("`{}` is outside the repository", path.display()))?
            .to_path_buf();
        for name in rest.iter().rev() {
            relative.push(name);
        }
        let relative = relative
            .components()
            .filter_map(|c| match c {
                Component::Normal(part) => Some(part.to_string_lossy().into_owned()),
                _ => None,
            })
            .collect::<Vec<_>>()
            .join("/");
        let output = Command::new("git")
            .arg("-C")
            .arg(&top)
            .args(["rev-parse", "--verify", "--quiet", "--end-of-options"])
            .arg(format!("{rev}^{{commit}}"))
            .output()
            .map_err(git_failed)?;
        if !output.status.success() {
            return Err(format!(
                "`{rev}` is not a commit of the repository at `{}`",
                top.display()
            ));
        }
        let commit = String::from_utf8_lossy(&output.stdout).trim().to_string();
        let loader = GitLoader {
            top,
            commit,
            root: PathBuf::from(format!("git:{rev}:")),
            relative,
        };
        if let Err(error) = loader.entry(&loader.relative) {
            return Err(format!("`git:{rev}:{}`: {error}", path.display()));
        }
        Ok(loader)
    }

    /// The path pejl knows a file of the revision by.
    fn path_of(&self, relative: &str) -> PathBuf {
        if relative.is_empty() {
            self.root.clone()
        } else {
            self.root.join(relative)
        }
    }

    fn git(&self) -> Command {
        let mut command = Command::new("git");
        command.arg("--literal-pathspecs").arg("-C").arg(&self.top);
        command
    }

    /// What `relative` (from the repository's top) is in the revision.
    fn entry(&self, relative: &str) -> io::Result<Entry> {
        if relative.is_empty() {
            return Ok(Entry::Tree);
        }
        let output = self
            .git()
            .args(["ls-tree", "-z", &self.commit, "--", relative])
            .output()?;
        if !output.status.success() {
            return Err(io::Error::other(
                String::from_utf8_lossy(&output.stderr).trim().to_string(),
            ));
        }
        let listing = String::from_utf8_lossy(&output.stdout);
        let line = listing.split('\0').next().unwrap_or("");
        let (meta, name) = line.split_once('\t').unwrap_or(("", ""));
        let mut fields = meta.split(' ');
        let (mode, kind, object) = (fields.next(), fields.next(), fields.next());
        if name != relative {
            return Err(io::Error::new(
                io::ErrorKind::NotFound,
                format!("there is no `{relative}` in this revision"),
            ));
        }
        match (mode, kind, object) {
            (_, Some("tree"), _) => Ok(Entry::Tree),
            (Some("120000"), _, _) => Err(io::Error::other(format!(
                "`{relative}` is a symbolic link in this revision: pejl reads only regular files from git"
            ))),
            (_, Some("blob"), Some(object)) => Ok(Entry::Blob(object.to_string())),
            _ => Err(io::Error::other(format!(
                "`{relative}` is not a file in this revision"
            ))),
        }
    }

    /// Every `.pejl` file of the revision under `relative`, as [`sources::policy_files`]
    /// finds them on disk.
    fn policy_files(&self, relative: &str) -> Result<Vec<PathBuf>, String> {
        let mut command = self.git();
        command.args(["ls-tree", "-r", "-z", "--name-only", &self.commit]);
        if !relative.is_empty() {
            command.args(["--", relative]);
        }
        let output = command.output().map_err(git_failed)?;
        if !output.status.success() {
            return Err(String::from_utf8_lossy(&output.stderr).trim().to_string());
        }
        let listing = String::from_utf8_lossy(&output.stdout);
        let mut files: Vec<&str> = listing
            .split('\0')
            .filter(|name| name.ends_with(".pejl"))
            .filter(|name| {
                let inside = name
                    .strip_prefix(relative)
                    .unwrap_or(name)
                    .trim_start_matches('/');
                // The folders on the way (every part but the file's name) are walked ones.
                inside
                    .rsplit_once('/')
                    .is_none_or(|(folders, _)| folders.split('/').all(sources::is_walked_folder))
            })
            .collect();
        files.sort_unstable();
        Ok(files.into_iter().map(|f| self.path_of(f)).collect())
    }
}

impl FileLoader for GitLoader {
    fn read(&self, path: &Path) -> io::Result<Vec<u8>> {
        let relative = sources::normalize(path)
            .strip_prefix(&self.root)
            .map(|r| r.to_string_lossy().replace('\\', "/"))
            .map_err(|_| {
                io::Error::new(
                    io::ErrorKind::NotFound,
                    "outside the revision's files".to_string(),
                )
            })?;
        let Entry::Blob(object) = self.entry(&relative)? else {
            return Err(io::Error::new(
                io::ErrorKind::IsADirectory,
                format!("`{relative}` is a folder in this revision"),
            ));
        };
        let output = self.git().args(["cat-file", "blob", &object]).output()?;
        if !output.status.success() {
            return Err(io::Error::other(
                String::from_utf8_lossy(&output.stderr).trim().to_string(),
            ));
        }
        if output.stdout.len() as u64 > crate::fsio::MAX_FILE_BYTES {
            return Err(io::Error::other(format!(
                "it is larger than {} MiB, the most pejl reads from one file",
                crate::fsio::MAX_FILE_BYTES / (1024 * 1024)
            )));
        }
        Ok(output.stdout)
    }

    /// A revision's files are known by their paths in it (no links to follow).
    fn real_path(&self, path: &Path) -> PathBuf {
        sources::normalize(path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specs() {
        assert_eq!(
            Spec::parse("git:HEAD~1:examples/dorotea.pejl"),
            Spec::Git {
                rev: "HEAD~1".into(),
                path: "examples/dorotea.pejl".into()
            }
        );
        assert_eq!(
            Spec::parse("git:v2"),
            Spec::Git {
                rev: "v2".into(),
                path: ".".into()
            }
        );
        assert_eq!(
            Spec::parse("examples/dorotea.pejl"),
            Spec::Path("examples/dorotea.pejl".into())
        );
    }
}
