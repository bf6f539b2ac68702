//! The size of a regime, society or negotiation file's result files is
//! estimated before it runs (as for round robins and sweeps) and refused
//! above `TWOLEVEL_OUTPUT_LIMIT` with the estimate and the field to lower;
//! the estimate bounds what is written (plots aside).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use twolevel_tournament::file::{AnyFile, Loaded};

/// The shipped file `tournaments/STEM.ron`, as an absolute path.
fn shipped(stem: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tournaments")
        .join(format!("{stem}.ron"))
        .canonicalize()
        .unwrap()
}

/// `twolevel -q -o OUT run FILE --no-plots` under the output limit
/// `limit` bytes.
fn run_under(file: &Path, out: &Path, limit: u64) -> Output {
    Command::new(env!("CARGO_BIN_EXE_twolevel"))
        .args(["-q", "-o"])
        .arg(out)
        .arg("run")
        .arg(file)
        .arg("--no-plots")
        .env("TWOLEVEL_OUTPUT_LIMIT", limit.to_string())
        .output()
        .unwrap()
}

/// The bytes of the result files in `folder` (its manifest aside).
fn written(folder: &Path) -> u64 {
    fs::read_dir(folder)
        .unwrap()
        .map(Result::unwrap)
        .filter(|e| e.file_name() != "MANIFEST.txt")
        .map(|e| e.metadata().unwrap().len())
        .sum()
}

/// For a regime, a society (with an evolution block) and a negotiation
/// file: at a limit of the estimate rounded up the run goes ahead and
/// writes at most the estimate; one byte less and it is refused before
/// anything runs, naming the file, the result files and the field.
#[test]
fn estimates_are_refused_one_byte_over_the_limit_and_bound_what_is_written() {
    let dir = std::env::temp_dir().join(format!("twolevel-estimates-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    for (stem, field) in [
        ("climate", "max_compositions"),
        ("institutions", "evolution.generations"),
        ("paris", "repetitions"),
    ] {
        let file = shipped(stem);
        let loaded = AnyFile::from_file(&file).unwrap();
        let estimate = match loaded.loaded() {
            Loaded::Regime(regime) => regime.output_bytes(),
            Loaded::Society(society) => society.output_bytes(),
            Loaded::Negotiation(negotiation) => negotiation.output_bytes(),
            _ => panic!("{stem} is not a regime, society or negotiation file"),
        };
        assert!(estimate.is_finite() && estimate > 0.0, "{stem}: {estimate}");
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let limit = estimate.ceil() as u64;

        let out = dir.join(format!("{stem}-over"));
        let refused = run_under(&file, &out, limit - 1);
        let stderr = String::from_utf8_lossy(&refused.stderr);
        assert!(!refused.status.success(), "{stem}: accepted over the limit");
        assert_ne!(refused.status.code(), Some(101), "{stem}: {stderr}");
        assert!(
            stderr.contains(&format!("{stem}.ron"))
                && stderr.contains("of result files")
                && stderr.contains(&format!("lower `{field}`")),
            "{stem}: {stderr}"
        );
        assert!(!out.exists(), "{stem}: nothing is written");

        let out = dir.join(format!("{stem}-at"));
        let ran = run_under(&file, &out, limit);
        assert!(
            ran.status.success(),
            "{stem}: {}",
            String::from_utf8_lossy(&ran.stderr)
        );
        let bytes = written(&out);
        assert!(
            bytes as f64 <= estimate,
            "{stem}: {bytes} bytes written, estimated {estimate}"
        );
        // Not a bound so loose that it says nothing.
        assert!(
            estimate <= 8.0 * bytes as f64,
            "{stem}: {bytes} bytes written, estimated {estimate}"
        );
    }
    fs::remove_dir_all(&dir).unwrap();
}
