//! What every module of the command's tests shares: scratch folders and
//! running the binary.

use std::ffi::OsStr;
use std::fmt::Debug;
use std::fs;
use std::path::PathBuf;
use std::process::{Command, Output};

/// A scratch folder for one test of `module`, emptied first.
pub fn scratch(module: &str, name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("twolevel-{module}-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs the binary with `args` in the crate's folder.
pub fn twolevel<S: AsRef<OsStr> + Debug>(args: &[S]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_twolevel"))
        .args(args)
        .output()
        .expect("the binary runs")
}

/// Runs the binary and expects success; returns standard output.
pub fn ok<S: AsRef<OsStr> + Debug>(args: &[S]) -> String {
    let out = twolevel(args);
    assert!(
        out.status.success(),
        "twolevel {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}
