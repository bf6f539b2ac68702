//! The Rust half of the Python reference test: computes, with the Rust
//! API, the results of a tournament file, an evolution file, a regime file,
//! a society file and some analytic functions for fixed seeds, and checks
//! them against `tests/fixtures/reference.json`, the fixture that
//! `tests/test_reference.py` checks the Python module against. Together
//! the two tests show that Python returns the same numbers as Rust for the
//! same file and seed.
//!
//! When the library's results change on purpose (which the
//! reproducibility promise makes a CHANGELOG entry), regenerate the fixture
//! with `TWOLEVEL_BLESS=1 cargo test -p twolevel-python --test it reference`.

use std::path::{Path, PathBuf};

use rand_pcg::Pcg64Mcg;
use rand_pcg::rand_core::SeedableRng;
use serde_json::{Value, json};
use twolevel::game::{
    Anchor, Orientation, PayoffMatrix, Politicization, TwoLevelGame, paradox_of_politicization_with,
};
use twolevel::tournament::Tournament;
use twolevel::tournament::evolution::{
    EvolutionOutcome, FixationMatrix, PayoffTable, RawEvolutionConfig, Selection, Update,
    conditional_fixation_time, evolve, evolve_tournament, fixation_probability,
};
use twolevel::tournament::regime::RawRegimeTournament;
use twolevel::tournament::society::{Society, SocietyConfig, SocietySweep};

/// The seed of every run in the fixture.
const SEED: u64 = 7;

/// The repository's root folder.
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A path inside the repository, as written in the fixture (relative to
/// the root, with forward slashes).
fn file(relative: &str) -> PathBuf {
    root().join(relative)
}

/// The round robin of `tournaments/two-level.ron` with the seed: the
/// results as the library serializes them, without the list of matches
/// (the matrices and standings summarize them).
fn tournament() -> Value {
    let mut tournament = Tournament::from_file(file("tournaments/two-level.ron")).unwrap();
    tournament.round_robin = tournament.round_robin.with_seed(SEED);
    let mut results = serde_json::to_value(tournament.round_robin.play()).unwrap();
    results.as_object_mut().unwrap().remove("matches");
    json!({ "file": "tournaments/two-level.ron", "seed": SEED, "results": results })
}

/// The evolution block of `tournaments/evolution.ron` with the seed
/// replacing the round robin's and the runs' seeds.
fn evolution() -> Value {
    let tournament = Tournament::from_file(file("tournaments/evolution.ron")).unwrap();
    let round_robin = tournament.round_robin.with_seed(SEED);
    let mut raw: RawEvolutionConfig = tournament.evolution.unwrap().into();
    raw.seed = Some(SEED);
    let evolution = evolve_tournament(&round_robin, &raw.try_into().unwrap()).unwrap();
    let EvolutionOutcome::Runs(runs) = &evolution.outcome else {
        panic!("tournaments/evolution.ron runs a Moran process");
    };
    let fixation = evolution.fixation.as_ref().unwrap();
    let n = evolution.names.len();
    json!({
        "file": "tournaments/evolution.ron",
        "seed": SEED,
        "names": evolution.names,
        "fitness": evolution.fitness.label(),
        "table": evolution.table.to_rows(),
        "fixation": (0..n)
            .map(|i| (0..n).map(|j| fixation.get(i, j).value).collect::<Vec<_>>())
            .collect::<Vec<_>>(),
        "stationary": evolution.stationary,
        "final_counts": runs.iter().map(|r| r.final_counts.clone()).collect::<Vec<_>>(),
        "winners": runs.iter().map(|r| r.fixation.map(|f| (f.winner, f.step))).collect::<Vec<_>>(),
    })
}

/// A Fermi run on a payoff table and the analytic functions on it.
fn analytic() -> Value {
    let table = vec![vec![3.0, 0.9], vec![1.4, 1.0]];
    let game = [3.0, 0.9, 1.4, 1.0];
    let moran = Update::moran(Selection::linear(0.5).unwrap());
    let fermi = Update::fermi(2.0).unwrap();
    let config = RawEvolutionConfig {
        process: twolevel::tournament::evolution::Process::PairwiseComparison,
        population: 20,
        fermi_beta: 2.0,
        mutation: 0.01,
        generations: 50,
        runs: 3,
        seed: Some(SEED),
        ..RawEvolutionConfig::default()
    };
    let payoffs = PayoffTable::new(table.clone()).unwrap();
    let EvolutionOutcome::Runs(runs) = evolve(&config.try_into().unwrap(), &payoffs, SEED).unwrap()
    else {
        panic!("a pairwise-comparison process gives runs");
    };
    let three = PayoffTable::new(vec![
        vec![3.0, 0.0, 3.0],
        vec![5.0, 1.0, 1.2],
        vec![3.0, 0.9, 3.0],
    ])
    .unwrap();
    let matrix = FixationMatrix::new(
        Update::moran(Selection::exponential(1.0).unwrap()),
        &three,
        50,
    )
    .unwrap();
    let game_2l = TwoLevelGame::default();
    let w = Orientation::new(0.5).unwrap();
    let stage = game_2l.blended_matrix(w, Politicization::new(0.3).unwrap());
    let classic = PayoffMatrix::new(3.0, 0.0, 5.0, 1.0).unwrap();
    let paradox = paradox_of_politicization_with(&game_2l, w, Anchor::GrimTrigger).unwrap();
    json!({
        "game": game,
        "moran_linear_half_n20": fixation_probability(moran, game, 20).unwrap().value,
        "fermi_2_n20_ln": fixation_probability(fermi, game, 20).unwrap().ln,
        "moran_time_n20": conditional_fixation_time(moran, game, 20).unwrap(),
        "fermi_runs": {
            "table": table,
            "final_counts": runs.iter().map(|r| r.final_counts.clone()).collect::<Vec<_>>(),
            "steps_taken": runs.iter().map(|r| r.steps_taken).collect::<Vec<_>>(),
        },
        "three": three.to_rows(),
        "three_fixation_n50": (0..3)
            .map(|i| (0..3).map(|j| matrix.get(i, j).value).collect::<Vec<_>>())
            .collect::<Vec<_>>(),
        "three_stationary_n50": matrix.stationary_distribution(),
        "classic_grim": Anchor::GrimTrigger.threshold(&classic).unwrap(),
        "classic_tft": Anchor::TitForTat.threshold(&classic).unwrap(),
        "default_w05_pi03": [stage.r(), stage.s(), stage.t(), stage.p()],
        "default_w05_pi03_grim": Anchor::GrimTrigger.threshold(&stage).ok(),
        "paradox_w05": [paradox.pi_min, paradox.threshold_min, paradox.threshold_at_0, paradox.threshold_at_1],
    })
}

/// The regime tournament of `tournaments/climate.ron` (its own seed): the
/// results without the composition of every group (210 of them), with
/// their number.
fn regime() -> Value {
    let tournament = RawRegimeTournament::from_file(file("tournaments/climate.ron")).unwrap();
    let mut results = serde_json::to_value(tournament.play()).unwrap();
    let compositions = results
        .as_object_mut()
        .unwrap()
        .remove("compositions")
        .unwrap();
    json!({
        "file": "tournaments/climate.ron",
        "compositions": compositions.as_array().unwrap().len(),
        "results": results,
    })
}

/// The society of `tests/fixtures/society.ron` with the seed: its sweep
/// and, as the `society` example runs it, its evolution of rules.
fn society() -> Value {
    let mut config =
        SocietyConfig::from_file(file("crates/python/tests/fixtures/society.ron")).unwrap();
    config.seed = SEED;
    let sweep = SocietySweep::run(&config).unwrap();
    let plan = config.evolution.unwrap();
    let mut society = Society::new(config.params, &config.game, &config.groups).unwrap();
    let mut rng = Pcg64Mcg::seed_from_u64(config.seed);
    society.run(config.warmup, &mut rng);
    let history = plan.process.run(&mut society, plan.generations, &mut rng);
    json!({
        "file": "crates/python/tests/fixtures/society.ron",
        "seed": SEED,
        "sweep": sweep,
        "rules": society.kind_names(),
        "counts": history,
    })
}

#[test]
fn python_reference_fixture_matches_the_rust_api() {
    let reference = json!({
        "tournament": tournament(),
        "evolution": evolution(),
        "analytic": analytic(),
        "regime": regime(),
        "society": society(),
    });
    let text = serde_json::to_string_pretty(&reference).unwrap() + "\n";
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/reference.json");
    if std::env::var_os("TWOLEVEL_BLESS").is_some() {
        std::fs::write(&path, &text).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == text,
        "the Rust API's results differ from {}; if the change is intended (a CHANGELOG entry), \
         regenerate it with `TWOLEVEL_BLESS=1 cargo test -p twolevel-python --test it reference`",
        path.display()
    );
}
