//! Loading a policy's files through the library: what is read (regular files, up to a size),
//! where includes may lead (the policy's real folder), deep include chains, and which files
//! of a folder are policies (`pejl check FOLDER`).

use pejl::{Analysis, Code, FileLoader, FsLoader};
use std::cell::RefCell;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

mod common;
use common::workspace;

const POLICY: &str = r#"policy p "Policy" { period 2024..2027 }
body KF "Kommunfullmäktige"
"#;

/// Analyses `root` on another thread, failing the test (instead of hanging it) after 20 s.
fn analyze_in_time(root: PathBuf) -> Analysis {
    let (done, result) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = done.send(pejl::analyze(&root, &FsLoader));
    });
    result
        .recv_timeout(Duration::from_secs(20))
        .expect("the analysis finished (no hang on a FIFO or a device)")
}

fn codes(analysis: &Analysis) -> Vec<(Code, String)> {
    analysis
        .diagnostics
        .iter()
        .filter(|d| d.severity == pejl::Severity::Error)
        .map(|d| (d.code, d.message.en()))
        .collect()
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(status.success());
}

#[cfg(unix)]
#[test]
fn a_fifo_or_a_device_as_an_include_is_one_p0004_without_hanging() {
    let main = format!("{POLICY}include \"pipe.pejl\"\ninclude \"sub/zero.pejl\"\n");
    let (_dir, root) = workspace(&[("main.pejl", &main)]);
    mkfifo(&root.join("pipe.pejl"));
    std::fs::create_dir(root.join("sub")).expect("folder");
    std::os::unix::fs::symlink("/dev/zero", root.join("sub/zero.pejl")).expect("link");
    let analysis = analyze_in_time(root.join("main.pejl"));
    let errors = codes(&analysis);
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert_eq!(errors[0].0, Code::P0004, "{errors:?}");
    assert!(
        errors[0]
            .1
            .contains("cannot read the included file `pipe.pejl`: it is not a regular file"),
        "{errors:?}"
    );
    // /dev/zero is outside the policy's folder, which is said first.
    assert_eq!(errors[1].0, Code::P0105, "{errors:?}");
    assert!(
        errors[1].1.contains("it leads to `/dev/zero`"),
        "{errors:?}"
    );
    assert_eq!(analysis.sources.files.len(), 1);
}

#[cfg(unix)]
#[test]
fn a_fifo_as_the_root_is_p0004_without_hanging() {
    let (_dir, root) = workspace(&[]);
    mkfifo(&root.join("pipe.pejl"));
    let analysis = analyze_in_time(root.join("pipe.pejl"));
    let errors = codes(&analysis);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].0, Code::P0004);
    assert!(
        errors[0].1.contains("it is not a regular file"),
        "{errors:?}"
    );
    // Nothing else is said about the empty text (such as "declares no policy").
    assert_eq!(analysis.diagnostics.len(), 1, "{:?}", analysis.diagnostics);
}

#[test]
fn a_folder_or_a_huge_file_as_an_include_is_p0004() {
    let main = format!("{POLICY}include \"sub\"\ninclude \"huge.pejl\"\n");
    let (_dir, root) = workspace(&[("main.pejl", &main), ("sub/x.pejl", "")]);
    // Sparse: 257 MiB long, nothing on disk; refused by its length, before any byte is read.
    let huge = std::fs::File::create(root.join("huge.pejl")).expect("create");
    huge.set_len(pejl::fsio::MAX_FILE_BYTES + 1)
        .expect("length");
    let analysis = analyze_in_time(root.join("main.pejl"));
    let errors = codes(&analysis);
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(errors.iter().all(|(code, _)| *code == Code::P0004));
    assert!(
        errors[0].1.contains("it is a folder, not a file"),
        "{errors:?}"
    );
    assert!(errors[1].1.contains("larger than 256 MiB"), "{errors:?}");
}

#[cfg(unix)]
#[test]
fn includes_are_confined_by_their_real_path() {
    let main = format!(
        "{POLICY}include \"escape.pejl\"\ninclude \"out/x.pejl\"\ninclude \"a.pejl\"\ninclude \"same.pejl\"\n"
    );
    let (_dir, root) = workspace(&[
        ("policy/main.pejl", &main),
        ("policy/a.pejl", "// a\n"),
        ("elsewhere/x.pejl", "// outside\n"),
    ]);
    let policy = root.join("policy");
    let link = std::os::unix::fs::symlink;
    // A link to a file outside, and a link to a folder outside: both lead out.
    link("../elsewhere/x.pejl", policy.join("escape.pejl")).expect("link");
    link("../elsewhere", policy.join("out")).expect("link");
    // A second name for a file inside: the same file, loaded once.
    link("a.pejl", policy.join("same.pejl")).expect("link");
    let analysis = analyze_in_time(policy.join("main.pejl"));
    let errors = codes(&analysis);
    assert_eq!(errors.len(), 2, "{errors:?}");
    for (code, message) in &errors {
        assert_eq!(*code, Code::P0105);
        assert!(message.contains("is outside the policy's folder: it leads to `"));
    }
    let files: Vec<_> = analysis
        .sources
        .files
        .iter()
        .map(|f| f.display_path())
        .collect();
    assert_eq!(files.len(), 2, "{files:?}");
    assert!(files[1].ends_with("policy/a.pejl"), "{files:?}");
}

/// A root reached through a link: its includes are found next to the real file.
#[cfg(unix)]
#[test]
fn includes_are_resolved_from_the_real_file() {
    let main = format!("{POLICY}include \"part.pejl\"\n");
    let (_dir, root) = workspace(&[
        ("real/main.pejl", &main),
        ("real/part.pejl", "// the real part\n"),
        ("view/part.pejl", "// a decoy next to the link\n"),
    ]);
    std::os::unix::fs::symlink("../real/main.pejl", root.join("view/main.pejl")).expect("link");
    let analysis = analyze_in_time(root.join("view/main.pejl"));
    assert!(codes(&analysis).is_empty(), "{:?}", codes(&analysis));
    assert_eq!(analysis.sources.files[1].text, "// the real part\n");
}

/// 7 000 files, each including the next: loaded without overflowing the test thread's stack.
#[test]
fn a_chain_of_7000_includes_is_loaded() {
    const FILES: usize = 7000;
    let (_dir, root) = workspace(&[]);
    for i in 0..FILES {
        let text = if i + 1 < FILES {
            format!("include \"f{:04}.pejl\"\n", i + 1)
        } else {
            POLICY.to_string()
        };
        std::fs::write(root.join(format!("f{i:04}.pejl")), text).expect("write");
    }
    let analysis = analyze_in_time(root.join("f0000.pejl"));
    assert_eq!(analysis.sources.files.len(), FILES);
    assert!(codes(&analysis).is_empty(), "{:?}", codes(&analysis));
    // Depth first, in include order.
    assert!(analysis.sources.files[FILES - 1]
        .display_path()
        .ends_with("f6999.pejl"));
}

#[test]
fn files_that_include_each_other_are_one_policy_with_its_cycle() {
    let (_dir, root) = workspace(&[
        ("a.pejl", &format!("{POLICY}include \"b.pejl\"\n")),
        ("b.pejl", "include \"a.pejl\"\n"),
    ]);
    let analyses = pejl::analyze_policies(&[root.join("a.pejl"), root.join("b.pejl")], &FsLoader);
    assert_eq!(analyses.len(), 1);
    let errors = codes(&analyses[0]);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].0, Code::P0105);
    assert!(errors[0].1.contains("makes a cycle"), "{errors:?}");
}

/// Reads through the disk, counting how often each file is read.
struct Counting(RefCell<HashMap<PathBuf, usize>>);

impl FileLoader for Counting {
    fn read(&self, path: &Path) -> std::io::Result<Vec<u8>> {
        *self.0.borrow_mut().entry(path.to_path_buf()).or_default() += 1;
        FsLoader.read(path)
    }
}

/// `pejl check FOLDER` on a chain of includes: one policy, every file read and parsed once,
/// whichever way the chain runs through the sorted file names.
#[test]
fn a_folder_with_an_include_chain_reads_and_parses_each_file_once() {
    const FILES: usize = 300;
    for backwards in [false, true] {
        let (_dir, root) = workspace(&[]);
        let name = |i: usize| {
            let n = if backwards { FILES - 1 - i } else { i };
            root.join(format!("f{n:03}.pejl"))
        };
        for i in 0..FILES {
            let text = if i + 1 < FILES {
                let next = name(i + 1);
                let next = next.file_name().expect("name").to_string_lossy();
                format!("include \"{next}\"\n")
            } else {
                POLICY.to_string()
            };
            std::fs::write(name(i), text).expect("write");
        }
        let mut paths: Vec<PathBuf> = (0..FILES).map(name).collect();
        paths.sort();
        let loader = Counting(RefCell::new(HashMap::new()));
        let mut parses: HashMap<PathBuf, usize> = HashMap::new();
        let analyses = pejl::analyze_policies_with(&paths, &loader, &mut |id, path, text| {
            *parses.entry(path.to_path_buf()).or_default() += 1;
            pejl::syntax::parse_file(id, text)
        });
        assert_eq!(analyses.len(), 1, "backwards: {backwards}");
        assert_eq!(analyses[0].sources.files[0].path, name(0));
        assert_eq!(analyses[0].sources.files.len(), FILES);
        assert!(codes(&analyses[0]).is_empty());
        let reads = loader.0.into_inner();
        assert_eq!(reads.len(), FILES);
        assert!(reads.values().all(|&n| n == 1), "{reads:?}");
        assert_eq!(parses.len(), FILES);
        assert!(parses.values().all(|&n| n == 1), "{parses:?}");
    }
}

/// A file whose includer refuses it (it lies outside the includer's root folder) is still
/// checked, as a policy of its own.
#[test]
fn a_file_no_policy_takes_is_checked_on_its_own() {
    let (_dir, root) = workspace(&[
        ("main.pejl", POLICY),
        ("sub/part.pejl", "include \"../main.pejl\"\n"),
    ]);
    let paths = [root.join("main.pejl"), root.join("sub/part.pejl")];
    let analyses = pejl::analyze_policies(&paths, &FsLoader);
    assert_eq!(analyses.len(), 2);
    assert_eq!(analyses[0].sources.files[0].path, paths[0]);
    assert_eq!(analyses[1].sources.files[0].path, paths[1]);
    assert_eq!(codes(&analyses[1])[0].0, Code::P0105);
}
