//! The size of a regime, society or negotiation file's result files is
//! estimated before it runs (as for round robins and sweeps) and refused
//! above `TWOLEVEL_OUTPUT_LIMIT` with the estimate and the field to lower;
//! the estimate bounds what is written (plots aside). Time-series plots
//! of very long runs are sampled.

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

/// An evolution of `generations` generations of three simple types.
fn evolution_file(generations: u32) -> String {
    format!(
        r#"Tournament(
    name: "long",
    players: [
        Inline(name: "TFT", strategy: (name: "Tit For Tat")),
        Inline(name: "ALLD", strategy: (name: "Defector")),
        Inline(name: "Random", strategy: (name: "Random")),
    ],
    horizon: Fixed(turns: 10),
    repetitions: 1,
    seed: 5,
    evolution: Some((process: Ecological, initial: Equal, generations: {generations}, record: Generation)),
)"#
    )
}

/// A 10^5-generation evolution keeps every generation in its CSV, but its
/// time-series plots draw at most 2,000 points of each series and say so
/// in their titles: the SVGs stay small and well-formed. A 500-generation
/// evolution is drawn whole, its title unchanged.
#[test]
fn long_evolutions_are_sampled_in_their_plots_and_whole_in_their_csv() {
    let dir = std::env::temp_dir().join(format!("twolevel-thin-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    for (generations, sampled) in [(100_000_u32, true), (500, false)] {
        let file = dir.join(format!("long-{generations}.ron"));
        fs::write(&file, evolution_file(generations)).unwrap();
        let out = dir.join(format!("out-{generations}"));
        let ran = Command::new(env!("CARGO_BIN_EXE_twolevel"))
            .args(["-q", "-o"])
            .arg(&out)
            .arg("run")
            .arg(&file)
            .output()
            .unwrap();
        assert!(
            ran.status.success(),
            "{}",
            String::from_utf8_lossy(&ran.stderr)
        );
        let csv = fs::read_to_string(out.join("evolution.csv")).unwrap();
        // A header and a row per generation, the start included.
        assert_eq!(
            csv.lines().count(),
            generations as usize + 2,
            "{generations}"
        );
        for plot in ["evolution_shares.svg", "evolution_stack.svg"] {
            let path = out.join(plot);
            let text = fs::read_to_string(&path).unwrap();
            let document = roxmltree::Document::parse(&text)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let titles: String = document
                .descendants()
                .filter(|n| n.is_text())
                .filter_map(|n| n.text())
                .collect();
            let said = format!("of {} points drawn", generations + 1);
            assert_eq!(titles.contains(&said), sampled, "{plot}: {titles}");
            assert!(
                text.len() < 600_000,
                "{plot}: {} bytes for {generations} generations",
                text.len()
            );
        }
    }
    fs::remove_dir_all(&dir).unwrap();
}

/// A round robin's evolution block counts in its estimate: a
/// 10^5-generation evolution (its `evolution.csv` some megabytes) is
/// refused under a limit that the round robin's own files fit in, naming
/// `evolution.generations`; at a limit of ten times the CSV's size it runs,
/// and the files it writes stay within that limit.
#[test]
fn an_evolution_block_counts_in_the_round_robin_estimate() {
    let dir = std::env::temp_dir().join(format!("twolevel-evo-size-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    let file = dir.join("long.ron");
    fs::write(&file, evolution_file(100_000)).unwrap();
    let refused = run_under(&file, &dir.join("refused"), 1_000_000);
    let said = String::from_utf8_lossy(&refused.stderr);
    assert!(!refused.status.success(), "{said}");
    assert!(
        said.contains("long.ron") && said.contains("evolution.generations"),
        "{said}"
    );
    assert!(!dir.join("refused").exists());
    let limit = 100_000_000;
    let out = dir.join("ran");
    let ran = run_under(&file, &out, limit);
    assert!(
        ran.status.success(),
        "{}",
        String::from_utf8_lossy(&ran.stderr)
    );
    let csv = fs::metadata(out.join("evolution.csv")).unwrap().len();
    assert!(csv > 1_000_000, "evolution.csv has {csv} bytes");
    assert!(written(&out) <= limit);
    fs::remove_dir_all(&dir).unwrap();
}
