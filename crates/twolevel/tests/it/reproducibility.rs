//! The reproducibility promise (README, CHANGELOG.md): the same file and
//! seed give the same results within a minor version, and any change of
//! results is a CHANGELOG entry.
//!
//! This test pins the numbers of three shipped round robins with random
//! elements (random strategies, stochastic learners, dynamic politicization)
//! to `fixtures/pinned_results.txt`, every float written exactly (Rust's
//! shortest round-trip form). When a change alters them on purpose,
//! regenerate the file with
//! `TWOLEVEL_WRITE_PINNED=1 cargo test -p twolevel --test it reproducibility`
//! and describe the change under "Changed results" in CHANGELOG.md.

use std::fmt::Write;
use std::path::PathBuf;

/// The shipped files pinned, with the seed each is run with (`None`: the
/// file's own).
const PINNED: [(&str, Option<u64>); 3] = [
    ("axelrod-first", None),
    ("two-level", None),
    ("two-level", Some(2026)),
];

/// Every player's payoffs per turn in the three currencies and its
/// cooperation rate, in the order of the file, for each pinned run.
fn pinned_text() -> String {
    let mut text = String::new();
    for (stem, seed) in PINNED {
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../../tournaments")
            .join(format!("{stem}.ron"));
        let results = twolevel::run_file(&path, seed).unwrap();
        writeln!(text, "{stem}.ron seed {}", results.seed).unwrap();
        for player in results.players() {
            let scores = player.scores();
            writeln!(
                text,
                "  {} | policy {:?} | political {:?} | utility {:?} | cooperation {:?}",
                player.name(),
                scores.policy,
                scores.political,
                scores.utility,
                player.cooperation_rate()
            )
            .unwrap();
        }
    }
    text
}

#[test]
fn shipped_tournaments_give_their_pinned_numbers() {
    let fixture =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pinned_results.txt");
    let text = pinned_text();
    if std::env::var_os("TWOLEVEL_WRITE_PINNED").is_some() {
        std::fs::write(&fixture, &text).unwrap();
    }
    let pinned = std::fs::read_to_string(&fixture).unwrap();
    assert!(
        text == pinned,
        "results changed against {}; if on purpose, regenerate it (see this file's header) and add a \
         CHANGELOG entry. Now:\n{text}",
        fixture.display()
    );
}
