//! What a sweep's identity hash covers (issue 27, item 7): the sweep and
//! base files, the definitions of the presets the base names (read from
//! `strategies/`, not only their names) and the CSV actor tables it reads;
//! not the folder the files sit in.

use std::fs;
use std::path::{Path, PathBuf};

use twolevel_tournament::sweep_file::Sweep;

/// A scratch folder for one test, emptied first.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("twolevel-identity-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(dir.join("files")).unwrap();
    fs::create_dir_all(dir.join("strategies")).unwrap();
    dir
}

/// A base with a preset player and a state whose arena is read from
/// `a.csv`.
const BASE: &str = r#"Tournament(
    name: "t",
    players: [
        Inline(name: "A", strategy: (name: "Tit For Tat"),
            arena: Some((actors_csv: "a.csv", position_scale: (0, 100)))),
        Preset("mine"),
    ],
    horizon: Fixed(turns: 20),
)"#;

const TABLE: &str = "actor,kind,capability,position,salience,orientation,channels\n\
police,bureaucrat,2.0,80,0.9,policy,expertise\n\
press,private,1.0,20,0.5,political,media;lobby\n";

fn preset(tolerance: &str) -> String {
    format!(
        r#"(name: "mine", strategy: (name: "Diffuse Reciprocity", params: {{"tolerance": {tolerance}, "lambda": 0.9}}))"#
    )
}

const SWEEP: &str = r#"Sweep(name: "s", base: "base.ron",
    grid: [(path: "action_noise", values: [0.0, 0.1])], replicates: 2)"#;

/// Writes the files under `dir` and returns the sweep's hash.
fn hash(dir: &Path, table: &str, tolerance: &str) -> String {
    fs::write(dir.join("files/base.ron"), BASE).unwrap();
    fs::write(dir.join("files/a.csv"), table).unwrap();
    fs::write(dir.join("strategies/mine.ron"), preset(tolerance)).unwrap();
    fs::write(dir.join("files/sweep.ron"), SWEEP).unwrap();
    Sweep::from_file(dir.join("files/sweep.ron"))
        .unwrap()
        .identity()
        .hash
        .clone()
}

#[test]
fn the_hash_covers_presets_and_csv_tables_but_not_the_folder() {
    let dir = scratch("covers");
    let first = hash(&dir, TABLE, "2.0");
    // Loading again gives the same hash (nothing in it varies by run).
    assert_eq!(hash(&dir, TABLE, "2.0"), first);
    // A preset's definition edited in strategies/.
    assert_ne!(hash(&dir, TABLE, "3.0"), first);
    // A number of the actor table edited.
    assert_ne!(hash(&dir, &TABLE.replace("2.0,80", "2.5,80"), "2.0"), first);
    // The same files in another folder: the same sweep.
    let other = scratch("covers-elsewhere");
    assert_eq!(hash(&other, TABLE, "2.0"), first);
    // A preset the base does not name may change freely.
    fs::write(
        dir.join("strategies/unused.ron"),
        r#"(name: "unused", strategy: (name: "Defector"))"#,
    )
    .unwrap();
    assert_eq!(hash(&dir, TABLE, "2.0"), first);
    let _ = fs::remove_dir_all(&dir);
    let _ = fs::remove_dir_all(&other);
}
