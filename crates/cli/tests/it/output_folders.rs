//! Regressions of issue 27, items 6 to 10, at the command line: every
//! result folder trustworthy. Cells carry their identity and merge checks
//! it (a shard holding another cell's folder, a value edited to `NaN`);
//! the identity covers the presets a sweep uses; an output path that is a
//! symbolic link is written through; a run killed between the two renames
//! of a replacement is repaired by the next one; a folder in use by
//! another run is refused, naming its process.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A scratch folder for one test, emptied first.
pub(crate) fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("twolevel-outdir-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs the binary, quietly, with `args`.
pub(crate) fn twolevel(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_twolevel"))
        .arg("-q")
        .args(args)
        .output()
        .expect("the binary runs")
}

fn ok(args: &[&str]) {
    let out = twolevel(args);
    assert!(
        out.status.success(),
        "twolevel {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn fails(args: &[&str]) -> String {
    let out = twolevel(args);
    assert!(!out.status.success(), "twolevel {args:?} should fail");
    assert_ne!(out.status.code(), Some(101), "twolevel {args:?} panicked");
    String::from_utf8(out.stderr).unwrap()
}

fn text(path: &Path) -> &str {
    path.to_str().expect("a UTF-8 path")
}

/// A small round robin with a player from the folder's own preset `mine`
/// (in `strategies/`, beside the file's folder).
pub(crate) const BASE: &str = r#"Tournament(
    name: "small",
    players: [
        Inline(name: "TFT", strategy: (name: "Tit For Tat")),
        Preset("mine"),
        Inline(name: "Random", strategy: (name: "Random")),
    ],
    horizon: Fixed(turns: 10),
    repetitions: 2,
    seed: 3,
)"#;

/// The preset `mine`, forgiving `tolerance` unreciprocated cooperations.
pub(crate) fn preset(tolerance: f64) -> String {
    format!(
        r#"(name: "mine", strategy: (name: "Diffuse Reciprocity", params: {{"tolerance": {tolerance:?}, "lambda": 0.9}}))"#
    )
}

/// A sweep of 2 points x 2 replicates over [`BASE`].
pub(crate) const SWEEP: &str = r#"Sweep(name: "noise", base: "base.ron",
    grid: [(path: "action_noise", values: [0.0, 0.1])], replicates: 2)"#;

/// Writes the sweep's files under `dir` (`files/base.ron`,
/// `files/sweep.ron`, `strategies/mine.ron`) and returns the sweep file.
pub(crate) fn sweep_files(dir: &Path, tolerance: f64) -> PathBuf {
    fs::create_dir_all(dir.join("files")).unwrap();
    fs::create_dir_all(dir.join("strategies")).unwrap();
    fs::write(dir.join("strategies/mine.ron"), preset(tolerance)).unwrap();
    fs::write(dir.join("files/base.ron"), BASE).unwrap();
    let sweep = dir.join("files/sweep.ron");
    fs::write(&sweep, SWEEP).unwrap();
    sweep
}

/// Runs shard `k` of 2 of `sweep` into `out`.
pub(crate) fn shard(sweep: &Path, out: &Path, k: u32) -> Output {
    twolevel(&[
        "-o",
        text(out),
        "sweep",
        text(sweep),
        "--shard",
        &format!("{k}/2"),
        "--no-plots",
    ])
}

/// Copies a folder recursively.
pub(crate) fn copy_folder(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_folder(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// The hidden entries of `dir` (leftovers of runs, locks).
fn hidden(dir: &Path) -> Vec<String> {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect()
}

/// Item 6: a shard holding another cell's folder under its own number, or
/// a value edited to `NaN`, is refused, naming the shard, the cell and
/// the field; both used to merge with exit 0.
#[test]
fn tampered_cells_are_refused_naming_shard_cell_and_field() {
    let dir = scratch("tampered");
    let sweep = sweep_files(&dir, 2.0);
    let (one, two) = (dir.join("one"), dir.join("two"));
    for (k, out) in [(1, &one), (2, &two)] {
        assert!(shard(&sweep, out, k).status.success());
    }
    let merged = dir.join("merged");
    ok(&[
        "-o",
        text(&merged),
        "merge",
        text(&one),
        text(&two),
        "--no-plots",
    ]);
    let reference = fs::read(merged.join("sweep.csv")).unwrap();

    // Shard 1 holds cells 0 and 2: cell 0's folder under cell 2's number.
    let moved = dir.join("moved");
    copy_folder(&one, &moved);
    fs::remove_dir_all(moved.join("cells/000002")).unwrap();
    copy_folder(&moved.join("cells/000000"), &moved.join("cells/000002"));
    let out = dir.join("out-moved");
    let err = fails(&["-o", text(&out), "merge", text(&moved), text(&two)]);
    assert!(
        err.contains("moved/cells/000002") && err.contains("cell 2") && err.contains("`cell`"),
        "{err}"
    );

    // A value edited to NaN, its cell.json left alone.
    let edited = dir.join("edited");
    copy_folder(&two, &edited);
    let rows = edited.join("cells/000001/rows.csv");
    let original = fs::read_to_string(&rows).unwrap();
    let first_line = original.lines().next().unwrap();
    let (head, _) = first_line.rsplit_once(',').unwrap();
    fs::write(
        &rows,
        original.replacen(first_line, &format!("{head},NaN"), 1),
    )
    .unwrap();
    let out = dir.join("out-nan");
    let err = fails(&["-o", text(&out), "merge", text(&one), text(&edited)]);
    assert!(
        err.contains("edited/cells/000001") && err.contains("cell 1") && err.contains("`value`"),
        "{err}"
    );
    // Another number in its place: the rows' hash differs.
    fs::write(
        &rows,
        original.replacen(first_line, &format!("{head},0.125"), 1),
    )
    .unwrap();
    let err = fails(&["-o", text(&out), "merge", text(&one), text(&edited)]);
    assert!(
        err.contains("cell 1") && err.contains("hash of `rows.csv`"),
        "{err}"
    );
    // The same check guards a whole sweep being finished again.
    let err = fails(&["-o", text(&moved), "merge", text(&moved), text(&two)]);
    assert!(err.contains("cell 2"), "{err}");
    assert_eq!(fs::read(merged.join("sweep.csv")).unwrap(), reference);
    fs::remove_dir_all(&dir).unwrap();
}

/// Item 7: a preset edited in `strategies/` between shards, or before a
/// resume, makes another sweep: merge and resume refuse to mix them.
#[test]
fn an_edited_preset_makes_another_sweep() {
    let dir = scratch("preset");
    let sweep = sweep_files(&dir, 2.0);
    let (one, two) = (dir.join("one"), dir.join("two"));
    assert!(shard(&sweep, &one, 1).status.success());
    let hash = |out: &Path| {
        let text = fs::read_to_string(out.join("sweep.json")).unwrap();
        let json: serde_json::Value = serde_json::from_str(&text).unwrap();
        json["hash"].as_str().unwrap().to_owned()
    };
    fs::write(dir.join("strategies/mine.ron"), preset(3.0)).unwrap();
    assert!(shard(&sweep, &two, 2).status.success());
    assert_ne!(hash(&one), hash(&two));
    let out = dir.join("merged");
    let err = fails(&["-o", text(&out), "merge", text(&one), text(&two)]);
    assert!(
        err.contains("another sweep") && err.contains("presets"),
        "{err}"
    );
    // Resuming shard 1 under the edited preset is refused too.
    let resumed = shard(&sweep, &one, 1);
    assert!(!resumed.status.success());
    let err = String::from_utf8_lossy(&resumed.stderr);
    assert!(err.contains("another sweep"), "{err}");
    // Put back, the preset gives the first hash again.
    fs::write(dir.join("strategies/mine.ron"), preset(2.0)).unwrap();
    let again = dir.join("again");
    assert!(shard(&sweep, &again, 2).status.success());
    assert_eq!(hash(&one), hash(&again));
    ok(&[
        "-o",
        text(&out),
        "merge",
        text(&one),
        text(&again),
        "--no-plots",
    ]);
    fs::remove_dir_all(&dir).unwrap();
}

/// The results of `twolevel run` on [`BASE`] into `out`.
fn run(dir: &Path, out: &Path) -> Output {
    let base = dir.join("files/base.ron");
    twolevel(&["-o", text(out), "run", text(&base), "--no-plots"])
}

/// Item 8: `--output` naming a symbolic link to a folder of earlier
/// results writes into the link's target; the link stays a link and the
/// user's `notes.txt` survives. A link to nowhere is refused before the
/// run.
#[cfg(unix)]
#[test]
fn a_symlinked_output_is_written_through() {
    let dir = scratch("symlink");
    sweep_files(&dir, 2.0);
    let real = dir.join("real");
    assert!(run(&dir, &real).status.success());
    fs::write(real.join("notes.txt"), "mine").unwrap();
    fs::write(real.join("ranking.csv"), "stale").unwrap();
    let link = dir.join("link");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    assert!(run(&dir, &link).status.success());
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(fs::read_to_string(real.join("notes.txt")).unwrap(), "mine");
    assert_ne!(
        fs::read_to_string(real.join("ranking.csv")).unwrap(),
        "stale"
    );
    assert_eq!(hidden(&dir), Vec::<String>::new());
    // A sweep writes through a link as well.
    let sweep = dir.join("files/sweep.ron");
    let sweeps = dir.join("sweeps");
    fs::create_dir_all(&sweeps).unwrap();
    let sweep_link = dir.join("sweep-link");
    std::os::unix::fs::symlink(&sweeps, &sweep_link).unwrap();
    ok(&["-o", text(&sweep_link), "sweep", text(&sweep), "--no-plots"]);
    assert!(sweeps.join("sweep.csv").is_file());
    assert!(
        fs::symlink_metadata(&sweep_link)
            .unwrap()
            .file_type()
            .is_symlink()
    );

    let dangling = dir.join("dangling");
    std::os::unix::fs::symlink(dir.join("nowhere"), &dangling).unwrap();
    let err = String::from_utf8_lossy(&run(&dir, &dangling).stderr).into_owned();
    assert!(
        err.contains("symbolic link") && err.contains("nowhere"),
        "{err}"
    );
    assert!(!dir.join("nowhere").exists());
    fs::remove_dir_all(&dir).unwrap();
}

/// A process id that no process has (above Linux's largest, 2^22).
const GONE: u32 = 4_000_000_000;

/// Item 9 and the leftovers: killed between the two renames of a
/// replacement, a run leaves the old results in `.out.previous-*` and no
/// `out`; the next run puts them back (the user's file with them) before
/// replacing them, and removes the staging folders killed runs left.
#[cfg(target_os = "linux")]
#[test]
fn a_run_killed_between_the_renames_is_repaired_by_the_next() {
    let dir = scratch("killed");
    sweep_files(&dir, 2.0);
    let out = dir.join("out");
    assert!(run(&dir, &out).status.success());
    fs::write(out.join("notes.txt"), "mine").unwrap();
    fs::rename(&out, dir.join(format!(".out.previous-{GONE}-7"))).unwrap();
    fs::create_dir_all(dir.join(format!(".out.staging-{GONE}-8"))).unwrap();
    fs::write(
        dir.join(format!(".out.staging-{GONE}-8/ranking.csv")),
        "half",
    )
    .unwrap();
    assert!(run(&dir, &out).status.success());
    assert_eq!(fs::read_to_string(out.join("notes.txt")).unwrap(), "mine");
    assert!(out.join("ranking.csv").is_file());
    assert_eq!(hidden(&dir), Vec::<String>::new());

    // A sweep's folder: a killed cell's staging folder and a half-written
    // file are removed by the next run (a live process's are kept).
    let sweep = dir.join("files/sweep.ron");
    let sweeps = dir.join("sweeps");
    ok(&["-o", text(&sweeps), "sweep", text(&sweep), "--no-plots"]);
    let staged = sweeps.join(format!("cells/.000001.staging-{GONE}-1"));
    fs::create_dir_all(&staged).unwrap();
    let partial = sweeps.join(format!(".sweep.csv.partial-{GONE}-2"));
    fs::write(&partial, "half").unwrap();
    ok(&["-o", text(&sweeps), "sweep", text(&sweep), "--no-plots"]);
    assert!(!staged.exists() && !partial.exists());
    fs::remove_dir_all(&dir).unwrap();
}

/// The name of this machine, as the lock file records it.
fn host() -> String {
    fs::read_to_string("/proc/sys/kernel/hostname")
        .unwrap()
        .trim()
        .to_owned()
}

/// Item 10: a run into a folder another run is writing is refused,
/// saying which process holds it; once that process is gone its lock is
/// stale and the next run proceeds. The same holds for sweeps and merges.
#[cfg(target_os = "linux")]
#[test]
fn a_folder_in_use_is_refused_naming_the_process() {
    let dir = scratch("in-use");
    let sweep = sweep_files(&dir, 2.0);
    let out = dir.join("out");
    assert!(run(&dir, &out).status.success());
    fs::write(out.join("notes.txt"), "mine").unwrap();
    let mut other = Command::new("sleep").arg("60").spawn().unwrap();
    let pid = other.id();
    let lock = dir.join(".out.lock");
    fs::write(&lock, format!("pid {pid}\nhost {}\n", host())).unwrap();
    let err = String::from_utf8_lossy(&run(&dir, &out).stderr).into_owned();
    assert!(
        err.contains(&format!("the folder is in use by pid {pid}")),
        "{err}"
    );
    // A sweep's folder is locked from inside (its parent may not be
    // writable).
    let sweeps = dir.join("sweeps");
    fs::create_dir_all(&sweeps).unwrap();
    fs::write(
        sweeps.join(".twolevel.lock"),
        format!("pid {pid}\nhost {}\n", host()),
    )
    .unwrap();
    let err = fails(&["-o", text(&sweeps), "sweep", text(&sweep)]);
    assert!(err.contains(&format!("in use by pid {pid}")), "{err}");
    other.kill().unwrap();
    other.wait().unwrap();
    assert!(run(&dir, &out).status.success());
    assert!(!lock.exists());
    ok(&["-o", text(&sweeps), "sweep", text(&sweep), "--no-plots"]);
    assert!(!sweeps.join(".twolevel.lock").exists());
    assert_eq!(fs::read_to_string(out.join("notes.txt")).unwrap(), "mine");
    fs::remove_dir_all(&dir).unwrap();
}

/// Item 10 with real runs: several `twolevel run`s started at once into
/// one folder each finish or are refused as "in use by pid"; at least one
/// writes its results, and the user's `notes.txt` stays in the folder
/// (it used to end up only in a hidden `.out.previous-*`).
#[test]
fn concurrent_runs_into_one_folder_keep_the_users_file() {
    let dir = scratch("concurrent");
    sweep_files(&dir, 2.0);
    let base = dir.join("files/base.ron");
    let out = dir.join("out");
    assert!(run(&dir, &out).status.success());
    fs::write(out.join("notes.txt"), "mine").unwrap();
    for round in 0..3 {
        let children: Vec<_> = (0..3)
            .map(|_| {
                Command::new(env!("CARGO_BIN_EXE_twolevel"))
                    .args(["-q", "-o", text(&out), "run", text(&base), "--no-plots"])
                    .stdout(std::process::Stdio::piped())
                    .stderr(std::process::Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        let mut finished = 0;
        for child in children {
            let output = child.wait_with_output().unwrap();
            let stderr = String::from_utf8_lossy(&output.stderr);
            if output.status.success() {
                finished += 1;
            } else {
                assert!(
                    stderr.contains("the folder is in use by pid"),
                    "round {round}: {stderr}"
                );
            }
        }
        assert!(finished >= 1, "round {round}: no run finished");
        assert_eq!(fs::read_to_string(out.join("notes.txt")).unwrap(), "mine");
        assert!(out.join("ranking.csv").is_file());
        assert_eq!(hidden(&dir), Vec::<String>::new(), "round {round}");
    }
    fs::remove_dir_all(&dir).unwrap();
}
