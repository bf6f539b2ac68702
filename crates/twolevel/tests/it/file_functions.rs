//! The facade's file functions and its one error type: the same file and
//! seed give the same results, a seed replaces the file's, and every
//! failure arrives as a `twolevel::Error` that names the file.

use std::path::PathBuf;

use twolevel::Error;
use twolevel::tournament::Tournament;

fn shipped(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tournaments")
        .join(name)
}

#[test]
fn the_same_file_and_seed_give_the_same_results() {
    let path = shipped("axelrod-first.ron");
    let first = twolevel::run_file(&path, 11).unwrap();
    let again = twolevel::run_file(&path, Some(11)).unwrap();
    assert_eq!(first, again);
    assert_eq!(first.seed, 11);
    // Random and First by Joss draw from the match RNG: another seed
    // changes their scores.
    let other = twolevel::run_file(&path, 12).unwrap();
    assert_ne!(first.standings, other.standings);
}

#[test]
fn without_a_seed_the_file_keeps_its_own() {
    let path = shipped("axelrod-first.ron");
    let results = twolevel::run_file(&path, None).unwrap();
    let direct = Tournament::from_file(&path).unwrap().round_robin.play();
    assert_eq!(results, direct);
    assert_eq!(results.seed, 1980);
}

#[test]
fn failures_are_twolevel_errors_that_name_the_file() {
    let missing = twolevel::run_file("no/such/tournament.ron", None).unwrap_err();
    assert!(matches!(missing, Error::Config(_)), "{missing:?}");
    assert!(missing.to_string().contains("no/such/tournament.ron"));

    let regime = shipped("climate.ron");
    let wrong_kind = twolevel::run_file(&regime, None).unwrap_err().to_string();
    assert!(wrong_kind.contains("--example regimes"), "{wrong_kind}");

    let no_block = twolevel::evolve_file(shipped("axelrod-first.ron"), None)
        .unwrap_err()
        .to_string();
    assert!(
        no_block.contains("axelrod-first.ron") && no_block.contains("`evolution`"),
        "{no_block}"
    );

    // Every crate's error converts.
    let parameter: Error = twolevel::game::PayoffMatrix::new(f64::NAN, 0.0, 5.0, 1.0)
        .unwrap_err()
        .into();
    assert!(parameter.to_string().contains("`R`"), "{parameter}");
    let strategy: Error = twolevel::strategies::registry::build(
        &twolevel::strategies::registry::StrategySpec::new("Tit For Twat"),
    )
    .unwrap_err()
    .into();
    assert!(matches!(strategy, Error::Strategy(_)));
    let dilemma: Error = twolevel::game::PayoffMatrix::new(3.0, 1.0, 5.0, 0.0)
        .unwrap()
        .check_ordering()
        .unwrap_err()
        .into();
    assert!(matches!(dilemma, Error::NotPrisonersDilemma(_)));
}

#[test]
fn regime_files_run_through_the_facade() {
    let results = twolevel::run_regime_file(shipped("mfn.ron")).unwrap();
    let again = twolevel::run_regime_file(shipped("mfn.ron")).unwrap();
    assert_eq!(results, again);
    assert!(!results.standings.is_empty());
}
