//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

/// The `shared/` folder beside the checkout (or `$NEWSLENS_SHARED`), which
/// holds the gold corpora, fixtures and the reference scorer.
pub fn shared_dir() -> PathBuf {
    let dir = std::env::var_os("NEWSLENS_SHARED").map(PathBuf::from).unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"));
    assert!(dir.join("README.md").is_file(), "the shared data folder is missing at {}: check it out beside the project or set NEWSLENS_SHARED", dir.display());
    dir
}

/// Runs the `newslens` binary with `args`, feeding `stdin`.
pub fn newslens(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_newslens"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("newslens runs");
    let mut input = child.stdin.take().unwrap();
    let data = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&data);
    });
    let out = child.wait_with_output().expect("newslens finishes");
    writer.join().unwrap();
    out
}

/// The JSON values of each stdout line.
pub fn json_lines(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8(out.stdout.clone())
        .expect("stdout is UTF-8")
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("stdout line is not JSON ({e}): {l}")))
        .collect()
}
