//! Reading and writing files for the compiler and the CLI.
//!
//! Reads take regular files only, up to [`MAX_FILE_BYTES`]: a FIFO, a device such as
//! `/dev/zero` or a folder is an error at once, never a hang or unbounded memory.
//!
//! [`write_file`] replaces a file so that readers see the old text or the new, never half of
//! it, and keeps what the file is: a link stays a link (the file it names is written), a file
//! with other hard links or an owner we cannot give a new file is written in place, and
//! devices, FIFOs and standard output are written as streams.
// A user-input path: no unchecked indexing, slicing or unwrap (ARCHITECTURE.md, performance notes).
#![deny(clippy::string_slice, clippy::indexing_slicing, clippy::unwrap_used)]

use crate::i18n::Text;
use crate::text;
use std::fs::{File, Metadata, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

/// The largest file pejl reads (a policy, an include or a data file): 256 MiB, a hundred
/// times the largest policies and data exports in use; analysing a policy takes several times
/// its size in memory.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// Temporary files are `.pejl-XXXXXX.tmp` in the target's folder: hidden, and recognisable
/// if a killed run leaves one behind.
const TEMP_PREFIX: &str = ".pejl-";
const TEMP_SUFFIX: &str = ".tmp";

/// Reads a regular file of at most `limit` bytes.
pub fn read_file(path: &Path, limit: u64) -> io::Result<Vec<u8>> {
    let mut options = OpenOptions::new();
    options.read(true);
    // Opening a FIFO for reading waits for a writer; non-blocking, it opens at once and is
    // refused below. (The flag does nothing to reads of regular files.)
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(rustix::fs::OFlags::NONBLOCK.bits() as i32);
    }
    let file = options.open(path)?;
    // Judged on the opened handle: the path cannot be swapped for something else after the check.
    let meta = file.metadata()?;
    if meta.is_dir() {
        return Err(reason(io::ErrorKind::IsADirectory, text!("io-is-folder")));
    }
    if !meta.is_file() {
        return Err(not_regular());
    }
    if meta.len() > limit {
        return Err(too_large(limit));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    // The length can be wrong (files in /proc say 0) or grow while we read.
    file.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(too_large(limit));
    }
    Ok(bytes)
}

/// Why pejl refuses a file, in words of the catalogue (`sources::describe_io_error` shows it
/// in the reader's language); as an `io::Error` it reads in English.
#[derive(Debug)]
pub struct Refused(pub Text);

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0.en())
    }
}

impl std::error::Error for Refused {}

fn reason(kind: io::ErrorKind, text: Text) -> io::Error {
    io::Error::new(kind, Refused(text))
}

fn not_regular() -> io::Error {
    reason(io::ErrorKind::InvalidInput, text!("io-not-regular"))
}

fn too_large(limit: u64) -> io::Error {
    reason(
        io::ErrorKind::FileTooLarge,
        text!("io-too-large", mib = limit / (1024 * 1024)),
    )
}

/// Whether `a` and `b` name the same existing file (through links, or as hard links).
pub fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::metadata(a), std::fs::metadata(b)) {
        (Ok(a), Ok(b)) => same_inode(&a, &b),
        _ => false,
    }
}

#[cfg(unix)]
fn same_inode(a: &Metadata, b: &Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.dev() == b.dev() && a.ino() == b.ino()
}

#[cfg(not(unix))]
fn same_inode(_: &Metadata, _: &Metadata) -> bool {
    false
}

/// Writes `bytes` to `path`: readers see the old content or the new, never a half-written
/// file (except where the file must be written in place, see the module's documentation).
pub fn write_file(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        Err(error) if error.kind() == io::ErrorKind::NotFound => {
            // Renaming onto a dangling link would replace the link; refuse instead of guessing.
            if std::fs::symlink_metadata(path).is_ok() {
                return Err(reason(io::ErrorKind::NotFound, text!("io-dangling-link")));
            }
            return create_new(path, bytes);
        }
        Err(error) => return Err(error),
    };
    if is_stdout(&meta) {
        // `-o /dev/stdout`, or the file standard output goes to: write there, at its position.
        let mut out = io::stdout().lock();
        out.write_all(bytes)?;
        return out.flush();
    }
    if meta.is_dir() {
        return Err(reason(io::ErrorKind::IsADirectory, text!("io-is-folder")));
    }
    if !meta.is_file() {
        // A device or a FIFO: written as a stream, as a shell's `>` would.
        return OpenOptions::new().write(true).open(path)?.write_all(bytes);
    }
    replace(path, &meta, bytes)
}

#[cfg(unix)]
fn is_stdout(target: &Metadata) -> bool {
    use std::os::fd::AsFd;
    let Ok(fd) = io::stdout().as_fd().try_clone_to_owned() else {
        return false;
    };
    File::from(fd)
        .metadata()
        .is_ok_and(|stdout| same_inode(&stdout, target))
}

#[cfg(not(unix))]
fn is_stdout(_: &Metadata) -> bool {
    false
}

/// Replaces the regular file at `path` (whose metadata is `meta`).
fn replace(path: &Path, meta: &Metadata, bytes: &[u8]) -> io::Result<()> {
    // Through links: the link stays and the file it names gets the new content.
    let real = std::fs::canonicalize(path)?;
    // May we write the file itself, not just its folder? Opening it for writing asks the
    // system (ACLs and read-only mounts included) and changes nothing yet.
    let mut in_place = OpenOptions::new().write(true).open(&real)?;
    let folder = real.parent().unwrap_or(Path::new("/"));
    if hard_links(meta) <= 1 {
        match write_through_temp(folder, &real, Some(meta), bytes) {
            Ok(true) => return Ok(()),
            // The temporary file cannot get the file's owner: write in place below.
            Ok(false) => {}
            // The folder is not ours to write, the file is: write in place below.
            Err(error) if error.kind() == io::ErrorKind::PermissionDenied => {}
            Err(error) => return Err(error),
        }
    }
    // In place keeps the other hard links and the owner; the content is complete in memory
    // before the old is cut.
    in_place.set_len(0)?;
    in_place.write_all(bytes)?;
    in_place.sync_all()
}

#[cfg(unix)]
fn hard_links(meta: &Metadata) -> u64 {
    use std::os::unix::fs::MetadataExt;
    meta.nlink()
}

#[cfg(not(unix))]
fn hard_links(_: &Metadata) -> u64 {
    1
}

/// A new file at `path`, complete when it appears, that never replaces one made meanwhile.
fn create_new(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    write_through_temp(folder, path, None, bytes).map(|_| ())
}

/// Writes a temporary file in `folder` and puts it at `target`: replacing the file of metadata
/// `keep` (whose owner and permissions it takes), or as a new file when `keep` is `None`.
/// `Ok(false)`: nothing was written, because the file's owner could not be kept.
fn write_through_temp(
    folder: &Path,
    target: &Path,
    keep: Option<&Metadata>,
    bytes: &[u8],
) -> io::Result<bool> {
    let (mut file, named) = temp_file(folder)?;
    if let Some(meta) = keep {
        if !keep_owner(&file, meta)? {
            return Ok(false);
        }
        // After the owner: changing the owner clears set-user-ID bits.
        file.set_permissions(meta.permissions())?;
    }
    file.write_all(bytes)?;
    file.sync_all()?;
    match (named, keep) {
        (Some(temp), Some(_)) => temp.persist(target).map_err(|e| e.error)?,
        (Some(temp), None) => temp.persist_noclobber(target).map_err(|e| e.error)?,
        (None, None) => link_anonymous(&file, target)?,
        (None, Some(_)) => {
            // rename(2) cannot take an unnamed file: give it a name for the moment of the rename.
            let temp = temp_builder().make_in(folder, |name| link_anonymous(&file, name))?;
            temp.into_temp_path().persist(target).map_err(|e| e.error)?;
        }
    }
    Ok(true)
}

fn temp_builder() -> tempfile::Builder<'static, 'static> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(TEMP_PREFIX).suffix(TEMP_SUFFIX);
    // The result gets the permissions a new file gets, not a temporary file's private 0600.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    builder
}

/// A temporary file in `folder`. On Linux it has no name until it is complete (O_TMPFILE):
/// a run killed while writing leaves nothing behind. Elsewhere, or where the file system
/// cannot do that, it is a named `.pejl-XXXXXX.tmp`, removed on errors.
fn temp_file(folder: &Path) -> io::Result<(File, Option<tempfile::TempPath>)> {
    #[cfg(target_os = "linux")]
    {
        use rustix::fs::{Mode, OFlags};
        // Naming it later goes through /proc/self/fd.
        if Path::new("/proc/self/fd").is_dir() {
            match rustix::fs::open(
                folder,
                OFlags::TMPFILE | OFlags::WRONLY | OFlags::CLOEXEC,
                Mode::from_raw_mode(0o666),
            ) {
                Ok(fd) => return Ok((File::from(fd), None)),
                Err(rustix::io::Errno::ACCESS) => {
                    return Err(io::ErrorKind::PermissionDenied.into())
                }
                // Not supported here (EOPNOTSUPP, EISDIR on old kernels…): use a named file.
                Err(_) => {}
            }
        }
    }
    let (file, path) = temp_builder().tempfile_in(folder)?.into_parts();
    Ok((file, Some(path)))
}

/// Gives an unnamed temporary file the name `target` (fails if `target` exists).
#[cfg(target_os = "linux")]
fn link_anonymous(file: &File, target: &Path) -> io::Result<()> {
    use rustix::fs::{AtFlags, CWD};
    use std::os::fd::AsRawFd;
    let fd = PathBuf::from(format!("/proc/self/fd/{}", file.as_raw_fd()));
    rustix::fs::linkat(CWD, fd.as_path(), CWD, target, AtFlags::SYMLINK_FOLLOW)?;
    Ok(())
}

#[cfg(not(target_os = "linux"))]
fn link_anonymous(_: &File, _: &Path) -> io::Result<()> {
    Err(io::ErrorKind::Unsupported.into())
}

/// Gives the temporary file the owner and group of the file it replaces; false if we may not.
#[cfg(unix)]
fn keep_owner(temp: &File, target: &Metadata) -> io::Result<bool> {
    use std::os::unix::fs::MetadataExt;
    let ours = temp.metadata()?;
    if ours.uid() == target.uid() && ours.gid() == target.gid() {
        return Ok(true);
    }
    Ok(std::os::unix::fs::fchown(temp, Some(target.uid()), Some(target.gid())).is_ok())
}

#[cfg(not(unix))]
fn keep_owner(_: &File, _: &Metadata) -> io::Result<bool> {
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_are_capped_and_regular_files_only() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("p.pejl");
        std::fs::write(&file, "0123456789").expect("write");
        assert_eq!(read_file(&file, 10).expect("read").len(), 10);
        let error = read_file(&file, 9).expect_err("too large");
        assert_eq!(error.kind(), io::ErrorKind::FileTooLarge);
        let error = read_file(dir.path(), 10).expect_err("a folder");
        assert_eq!(error.kind(), io::ErrorKind::IsADirectory);
        #[cfg(unix)]
        {
            let error = read_file(Path::new("/dev/zero"), 10).expect_err("a device");
            assert_eq!(error.kind(), io::ErrorKind::InvalidInput);
        }
    }

    #[test]
    fn new_files_never_replace_and_leave_no_temporary_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("out.json");
        write_file(&file, b"one").expect("new file");
        write_file(&file, b"two").expect("replaced");
        assert_eq!(std::fs::read(&file).expect("read"), b"two");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .expect("list")
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(names, ["out.json"]);
        let error = create_new(&file, b"three").expect_err("exists");
        assert_eq!(error.kind(), io::ErrorKind::AlreadyExists);
    }
}
