//! The `pejl` command line and the files around it: what writes keep (links, hard links,
//! owners, devices, standard output), outputs that are inputs, reads that must not hang,
//! includes that leave the folder, folders with include cycles, and closed pipes.

use std::io::Read;
use std::path::Path;
use std::process::{Command, Output, Stdio};

mod common;
use common::{pejl, stderr, stdout, workspace, VALID};

/// VALID with a layout `pejl fmt` changes.
fn messy() -> String {
    VALID.replace("  owner KF\n  measure", "      owner KF\n  measure")
}

/// What `pejl fmt` makes of [`messy`].
fn formatted() -> String {
    let text = pejl::format::format(&messy()).expect("formats");
    assert_ne!(text, messy());
    text
}

/// Runs pejl as the user `nobody`, when we are root and can (`setpriv`); `dir` is opened to all.
#[cfg(unix)]
fn pejl_as_nobody(args: &[&str], dir: &Path) -> Option<Output> {
    use std::os::unix::fs::PermissionsExt;
    let root = std::fs::metadata("/proc/self").is_ok_and(|m| {
        use std::os::unix::fs::MetadataExt;
        m.uid() == 0
    });
    if !root {
        return None;
    }
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o777)).expect("chmod");
    Command::new("setpriv")
        .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
        .arg(env!("CARGO_BIN_EXE_pejl"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .ok()
        .filter(|out| !stderr(out).contains("setpriv:"))
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).expect("read")
}

/// The names in `dir`, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("list")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(status.success());
}

#[cfg(unix)]
#[test]
fn fmt_of_a_link_formats_the_file_and_keeps_the_link() {
    let (_dir, root) = workspace(&[("real/policy.pejl", &messy())]);
    std::os::unix::fs::symlink("real/policy.pejl", root.join("link.pejl")).expect("link");
    let out = pejl(&["fmt", "link.pejl"], &root);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let link = std::fs::symlink_metadata(root.join("link.pejl")).expect("link");
    assert!(link.file_type().is_symlink(), "the link was replaced");
    assert_eq!(read(&root.join("real/policy.pejl")), formatted());
    // The temporary file was made next to the real file, and is gone.
    assert_eq!(names(&root.join("real")), ["policy.pejl"]);
    assert_eq!(names(&root), ["link.pejl", "real"]);
}

#[cfg(unix)]
#[test]
fn output_to_dev_stdout_a_device_or_a_fifo_is_written_as_a_stream() {
    let (_dir, root) = workspace(&[("p.pejl", VALID)]);
    let out = pejl(&["build", "p.pejl", "-o", "/dev/stdout"], &root);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("\"format\": \"pejl/1\""));
    assert!(std::fs::symlink_metadata("/dev/stdout")
        .expect("/dev/stdout")
        .file_type()
        .is_symlink());
    let out = pejl(&["graph", "p.pejl", "-o", "/dev/null"], &root);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    use std::os::unix::fs::FileTypeExt;
    assert!(std::fs::metadata("/dev/null")
        .expect("/dev/null")
        .file_type()
        .is_char_device());
    // A FIFO gets the JSON as a stream and stays a FIFO.
    let fifo = root.join("out.fifo");
    mkfifo(&fifo);
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || {
            let mut text = String::new();
            std::fs::File::open(fifo)
                .expect("open the FIFO")
                .read_to_string(&mut text)
                .expect("read the FIFO");
            text
        })
    };
    let out = pejl(&["build", "p.pejl", "-o", "out.fifo"], &root);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(reader
        .join()
        .expect("reader")
        .contains("\"format\": \"pejl/1\""));
    assert!(std::fs::symlink_metadata(&fifo)
        .expect("fifo")
        .file_type()
        .is_fifo());
}

#[cfg(unix)]
#[test]
fn hard_links_and_the_owner_are_kept() {
    use std::os::unix::fs::MetadataExt;
    let (_dir, root) = workspace(&[("p.pejl", &messy())]);
    std::fs::hard_link(root.join("p.pejl"), root.join("same.pejl")).expect("hard link");
    let out = pejl(&["fmt", "p.pejl"], &root);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        read(&root.join("same.pejl")),
        formatted(),
        "the hard link was cut"
    );
    let (a, b) = (
        std::fs::metadata(root.join("p.pejl")).expect("p"),
        std::fs::metadata(root.join("same.pejl")).expect("same"),
    );
    assert_eq!((a.ino(), a.nlink()), (b.ino(), 2));
    // Another owner: kept by whichever way the file is written (only root can set one up).
    std::fs::remove_file(root.join("same.pejl")).expect("remove");
    std::fs::write(root.join("p.pejl"), messy()).expect("write");
    let nobody = 65534;
    if std::os::unix::fs::chown(root.join("p.pejl"), Some(nobody), Some(nobody)).is_ok() {
        let out = pejl(&["fmt", "p.pejl"], &root);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let meta = std::fs::metadata(root.join("p.pejl")).expect("p");
        assert_eq!((meta.uid(), meta.gid()), (nobody, nobody));
        assert_eq!(read(&root.join("p.pejl")), formatted());
    }
    // A user who may write the file but cannot give a new file its owner writes it in place.
    std::fs::write(root.join("p.pejl"), messy()).expect("write");
    std::os::unix::fs::chown(root.join("p.pejl"), Some(0), Some(0)).expect("chown");
    use std::os::unix::fs::PermissionsExt;
    let everyone = std::fs::Permissions::from_mode(0o666);
    std::fs::set_permissions(root.join("p.pejl"), everyone).expect("chmod");
    if let Some(out) = pejl_as_nobody(&["fmt", "p.pejl"], &root) {
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let meta = std::fs::metadata(root.join("p.pejl")).expect("p");
        assert_eq!((meta.uid(), meta.gid()), (0, 0));
        assert_eq!(read(&root.join("p.pejl")), formatted());
        assert_eq!(names(&root), ["p.pejl"]);
    }
}

#[cfg(unix)]
#[test]
fn a_file_we_may_not_write_is_refused() {
    use std::os::unix::fs::PermissionsExt;
    let (_dir, root) = workspace(&[("p.pejl", &messy())]);
    let policy = root.join("p.pejl");
    std::fs::set_permissions(&policy, std::fs::Permissions::from_mode(0o444)).expect("chmod");
    // Root may write any file: then fmt writes it, and it stays read-only.
    let privileged = std::fs::OpenOptions::new()
        .write(true)
        .open(&policy)
        .is_ok();
    let out = pejl(&["fmt", "p.pejl"], &root);
    let mode = std::fs::metadata(&policy).expect("p").permissions().mode() & 0o777;
    assert_eq!(mode, 0o444);
    let refused = |out: &Output| {
        assert_eq!(out.status.code(), Some(2), "{}", stderr(out));
        assert!(
            stderr(out).contains("cannot write `p.pejl`: permission denied"),
            "{}",
            stderr(out)
        );
        assert_eq!(read(&policy), messy());
    };
    if !privileged {
        refused(&out);
        return;
    }
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // As another user, in a folder everyone may write: the file is still not theirs to write.
    std::fs::write(&policy, messy()).expect("write");
    if let Some(out) = pejl_as_nobody(&["fmt", "p.pejl"], &root) {
        refused(&out);
    }
}

#[test]
fn an_output_that_is_an_input_is_refused_before_anything_is_written() {
    let main = VALID.replacen('\n', "\ninclude \"part.pejl\"\n", 1);
    let data = "indicator,period,value\nind,2025,55\n";
    let (_dir, root) = workspace(&[
        ("p.pejl", &main),
        ("part.pejl", "// part\n"),
        ("data.csv", data),
    ]);
    let refused = |args: &[&str], input: &str| {
        let out = pejl(args, &root);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(
            stderr(&out).contains(&format!("is the input `{input}`")),
            "{args:?}: {}",
            stderr(&out)
        );
    };
    refused(&["build", "p.pejl", "-o", "p.pejl"], "p.pejl");
    refused(&["build", "p.pejl", "-o", "part.pejl"], "part.pejl");
    refused(&["graph", "p.pejl", "-o", "./p.pejl"], "p.pejl");
    refused(
        &[
            "report", "p.pejl", "--data", "data.csv", "--year", "2025", "--report", "annual",
            "--format", "csv", "-o", "data.csv",
        ],
        "data.csv",
    );
    refused(
        &[
            "report",
            "p.pejl",
            "--data",
            "data.csv",
            "--year",
            "2025",
            "--report",
            "annual",
            "-o",
            "part.pejl",
        ],
        "part.pejl",
    );
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink("p.pejl", root.join("link.pejl")).expect("link");
        std::fs::hard_link(root.join("data.csv"), root.join("copy.csv")).expect("hard link");
        refused(&["build", "p.pejl", "-o", "link.pejl"], "p.pejl");
        refused(
            &[
                "report", "p.pejl", "--data", "data.csv", "--year", "2025", "--report", "annual",
                "-o", "copy.csv",
            ],
            "data.csv",
        );
    }
    assert_eq!(read(&root.join("p.pejl")), main);
    assert_eq!(read(&root.join("part.pejl")), "// part\n");
    assert_eq!(read(&root.join("data.csv")), data);
}

#[cfg(unix)]
#[test]
fn a_fifo_or_a_folder_as_a_policy_is_one_clear_error() {
    let (_dir, root) = workspace(&[("ok/p.pejl", VALID), ("folder.pejl/x.txt", "")]);
    mkfifo(&root.join("pipe.pejl"));
    mkfifo(&root.join("ok/pipe.pejl"));
    let not_regular = "cannot read `pipe.pejl`: it is not a regular file";
    for args in [
        &["check", "pipe.pejl"][..],
        &["build", "pipe.pejl"],
        &["graph", "pipe.pejl"],
        &["fmt", "pipe.pejl"],
    ] {
        let out = pejl(args, &root);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        let said = stderr(&out);
        assert!(
            said.contains(not_regular) || said.contains("`pipe.pejl` is not a file"),
            "{args:?}: {said}"
        );
    }
    // Found in a folder: a P0004, and the command cannot run.
    let out = pejl(&["check", "ok"], &root);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stdout(&out).contains("P0004"), "{}", stdout(&out));
    assert!(
        stderr(&out).contains("cannot read `ok/pipe.pejl`: it is not a regular file"),
        "{}",
        stderr(&out)
    );
    let out = pejl(&["build", "folder.pejl"], &root);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("`folder.pejl` is not a file"));
}

/// From `a/b`, `../../x.pejl` is `x.pejl` of the folder above `a`: outside the policy's
/// folder, and never `a/b/x.pejl` (a `..` dropped).
#[test]
fn an_include_with_one_parent_too_many_is_refused() {
    let main = VALID.replacen('\n', "\ninclude \"../../x.pejl\"\n", 1);
    let (_dir, root) = workspace(&[
        ("a/b/p.pejl", &main),
        ("a/b/x.pejl", "area x \"X\" { owner KF }\n"),
        ("x.pejl", "area y \"Y\" { owner KF }\n"),
    ]);
    let out = pejl(&["check", "--format", "json", "p.pejl"], &root.join("a/b"));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let diagnostics = json["diagnostics"].as_array().expect("diagnostics");
    assert_eq!(diagnostics.len(), 1, "{json}");
    assert_eq!(diagnostics[0]["code"], "P0105");
    assert_eq!(
        diagnostics[0]["message"],
        "`../../x.pejl` is outside the policy's folder"
    );
}

#[test]
fn a_folder_whose_files_include_each_other_fails() {
    let a = VALID.replacen('\n', "\ninclude \"b.pejl\"\n", 1);
    let (_dir, root) = workspace(&[("a.pejl", &a), ("b.pejl", "include \"a.pejl\"\n")]);
    let out = pejl(&["check", "."], &root);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    assert!(stdout(&out).contains("makes a cycle"), "{}", stdout(&out));
    assert!(
        stdout(&out).contains("checked 1 policy: 1 error"),
        "{}",
        stdout(&out)
    );
}

/// Output to a pipe whose reader is gone ends quietly: no panic, status 141 (128 + SIGPIPE),
/// or 0 when everything was written before the reader left.
#[test]
fn a_closed_standard_output_ends_quietly() {
    let (_dir, root) = workspace(&[("p.pejl", VALID)]);
    let commands: [&[&str]; 4] = [
        &["explain", "P0302"],
        &["schema"],
        &["build", "p.pejl"],
        &["check", "p.pejl", "--format", "sarif"],
    ];
    for run in 0..20 {
        let args = commands[run % commands.len()];
        let mut child = Command::new(env!("CARGO_BIN_EXE_pejl"))
            .args(args)
            .current_dir(&root)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the pejl binary runs");
        drop(child.stdout.take());
        let out = child.wait_with_output().expect("output");
        let said = stderr(&out);
        assert!(!said.contains("panicked"), "{args:?}: {said}");
        assert!(
            matches!(out.status.code(), Some(0 | 141)),
            "{args:?}: {:?} {said}",
            out.status
        );
        if out.status.code() == Some(141) {
            assert_eq!(said, "", "{args:?}");
        }
    }
}
