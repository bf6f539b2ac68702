//! The registry of reproductions and what an outcome renders.

use std::path::Path;

use twolevel_repro::{
    REPRODUCTION_FILES, REPRODUCTIONS, ReproError, Table, find, mean_absolute_error,
    reproduction_file, spearman_rho,
};
use twolevel_strategies::testing::embedded_copy_problems;

#[test]
fn names_are_unique_and_found() {
    for (k, entry) in REPRODUCTIONS.iter().enumerate() {
        assert!(
            REPRODUCTIONS[k + 1..].iter().all(|e| e.name != entry.name),
            "{} twice",
            entry.name
        );
        assert_eq!(find(entry.name).unwrap().name, entry.name);
        assert_eq!(
            find(&format!(" {} ", entry.name.to_uppercase()))
                .unwrap()
                .name,
            entry.name
        );
        assert!(!entry.paper.is_empty() && !entry.claim.is_empty());
    }
    match find("axelrod-1984") {
        Err(ReproError::Unknown { name, known }) => {
            assert_eq!(name, "axelrod-1984");
            assert!(known.contains("axelrod-1980a"), "{known}");
        }
        other => panic!("expected an unknown name, got {other:?}"),
    }
}

/// The crate embeds its own copy of `reproductions/` (a published crate
/// cannot read outside its folder); the two folders must hold the same
/// files, byte for byte, and [`REPRODUCTION_FILES`] every one.
#[test]
fn the_embedded_files_are_a_byte_identical_copy_of_reproductions() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let problems = embedded_copy_problems(
        REPRODUCTION_FILES,
        root.join("reproductions"),
        root.join("../../reproductions"),
    )
    .unwrap();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(reproduction_file("ohtsuki-iwasa-2004").is_some());
    assert!(reproduction_file("no-such-file").is_none());
}

#[test]
fn rank_statistics_match_hand_computed_values() {
    // Identical orders give 1, reversed ones -1.
    assert_eq!(
        spearman_rho(&[1.0, 2.0, 3.0], &[10.0, 20.0, 30.0]),
        Some(1.0)
    );
    assert_eq!(spearman_rho(&[1.0, 2.0, 3.0], &[3.0, 2.0, 1.0]), Some(-1.0));
    // One swap among four: 1 - 6 * 2 / (4 * 15) = 0.8.
    let rho = spearman_rho(&[1.0, 2.0, 3.0, 4.0], &[1.0, 3.0, 2.0, 4.0]).unwrap();
    assert!((rho - 0.8).abs() < 1e-12, "{rho}");
    // Ties take their mean rank; a constant list has no correlation.
    assert_eq!(spearman_rho(&[1.0, 1.0, 2.0], &[1.0, 1.0, 2.0]), Some(1.0));
    assert_eq!(spearman_rho(&[1.0, 1.0], &[1.0, 2.0]), None);
    assert_eq!(spearman_rho(&[1.0], &[1.0]), None);
    assert_eq!(mean_absolute_error(&[1.0, 2.0], &[2.0, 0.0]), Some(1.5));
    assert_eq!(mean_absolute_error(&[], &[]), None);
}

#[test]
fn tables_render_as_csv_and_markdown() {
    let mut table = Table::new("t", "A caption.", &["a", "b"]);
    table.push(vec!["1".to_owned(), "x, \"y\"".to_owned()]);
    table.push(vec!["2".to_owned()]);
    assert_eq!(table.to_csv(), "a,b\n1,\"x, \"\"y\"\"\"\n2,\n");
    assert_eq!(
        table.to_markdown(),
        "A caption.\n\n| a | b |\n| --- | --- |\n| 1 | x, \"y\" |\n| 2 |  |\n"
    );
}
