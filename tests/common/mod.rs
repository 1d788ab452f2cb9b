//! What the command-line and file tests share: a valid policy, a folder of files, and
//! running the `pejl` binary. (Each test file uses part of it.)
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// A small policy that checks clean.
pub const VALID: &str = r#"policy p "Policy" { period 2024..2027  default rule r }
body KF "Kommunfullmäktige"
chain {
  level area "Område"
  level goal "Mål" under area measured
}
report annual "Årsredovisning" { uses actual  due 12-31  to KF }
indicator ind "Andel" { unit percent  higher is better }
rule r "Regel" {
  green when meets target
  red   otherwise
  grey  when missing
}
area a "Område A" { owner KF }
goal g "Andelen ska öka" {
  under a
  owner KF
  measure ind
  baseline 50 in 2023
  target 60 by 2026
  follow-up annual
}
"#;

/// A temporary folder holding `files` (name, text); the folder is removed when dropped.
pub fn workspace(files: &[(&str, &str)]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, text) in files {
        let path = dir.path().join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("folder");
        }
        std::fs::write(path, text).expect("write fixture");
    }
    let root = dir.path().to_path_buf();
    (dir, root)
}

/// What a run printed on standard output and standard error.
pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Runs pejl in `dir`; fails the test if it takes more than 30 s (a hang on a FIFO). Its
/// output is read while it runs, so a large output cannot fill the pipe and stall it.
pub fn pejl(args: &[&str], dir: &Path) -> Output {
    // English unless a test asks for another language (the examples declare `language sv`).
    pejl_with_env(args, dir, &[("PEJL_LANG", Some("en"))])
}

/// [`pejl`] with these environment variables set (`Some`) or removed (`None`).
#[allow(dead_code)]
pub fn pejl_with_env(args: &[&str], dir: &Path, env: &[(&str, Option<&str>)]) -> Output {
    use std::io::Read;
    let mut command = Command::new(env!("CARGO_BIN_EXE_pejl"));
    command.args(args).current_dir(dir).env("NO_COLOR", "1");
    for (name, value) in env {
        match value {
            Some(value) => command.env(name, value),
            None => command.env_remove(name),
        };
    }
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the pejl binary runs");
    let drain = |mut pipe: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            let _ = pipe.read_to_end(&mut bytes);
            bytes
        })
    };
    let stdout = drain(Box::new(child.stdout.take().expect("stdout")));
    let stderr = drain(Box::new(child.stderr.take().expect("stderr")));
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if started.elapsed() > Duration::from_secs(30) {
            let _ = child.kill();
            panic!("pejl {args:?} hangs");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    Output {
        status,
        stdout: stdout.join().expect("stdout read"),
        stderr: stderr.join().expect("stderr read"),
    }
}
