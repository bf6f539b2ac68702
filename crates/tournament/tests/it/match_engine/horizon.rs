//! The shadow of the future: under a continuation probability delta, match
//! lengths are geometric with mean 1 / (1 - delta), and expected payoffs
//! agree with their closed forms. Sample means are compared with the
//! closed forms within five standard errors, for fixed seeds.

use rand::SeedableRng;
use rand_pcg::Pcg64Mcg;
use twolevel_game::{Horizon, PayoffMatrix, Strategy, TwoLevelGame};
use twolevel_strategies::{Cooperator, Defector, TitForTat};
use twolevel_tournament::{
    Entrant, MatchBuffers, MatchConfig, MatchResult, PlayerSettings, RoundRobin, play_match,
};

const R: f64 = 3.0;
const S: f64 = 0.0;
const P: f64 = 1.0;

fn continuation(delta: f64) -> MatchConfig {
    MatchConfig::new(
        TwoLevelGame::classic(PayoffMatrix::AXELROD),
        Horizon::continuation(delta).unwrap(),
    )
    .unwrap()
}

/// Plays `n` matches between fresh copies of two strategies, each with its
/// own seed.
fn sample(
    config: &MatchConfig,
    first: &mut dyn Strategy,
    second: &mut dyn Strategy,
    n: u64,
) -> Vec<MatchResult> {
    let mut buffers = MatchBuffers::new();
    (0..n)
        .map(|seed| {
            let mut rng = Pcg64Mcg::seed_from_u64(seed);
            play_match(
                config,
                [&mut *first, &mut *second],
                &[PlayerSettings::POLICY; 2],
                &mut buffers,
                &mut rng,
            )
        })
        .collect()
}

/// The sample mean and its standard error.
fn mean_and_error(values: impl Iterator<Item = f64>) -> (f64, f64) {
    let values: Vec<f64> = values.collect();
    let n = values.len() as f64;
    let mean = values.iter().sum::<f64>() / n;
    let variance = values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / (n - 1.0);
    (mean, (variance / n).sqrt())
}

fn assert_within(label: &str, (mean, error): (f64, f64), expected: f64, errors: f64) {
    assert!(
        (mean - expected).abs() <= errors * error,
        "{label}: sample mean {mean} (standard error {error}) against the closed form {expected}"
    );
}

#[test]
fn mean_length_is_one_over_one_minus_delta() {
    for (delta, n) in [(0.5, 20_000), (0.9, 20_000), (0.99654, 4_000)] {
        let results = sample(&continuation(delta), &mut Cooperator, &mut Cooperator, n);
        let lengths = mean_and_error(results.iter().map(|r| f64::from(r.turns)));
        assert_within("mean length", lengths, 1.0 / (1.0 - delta), 5.0);
        assert!(results.iter().all(|r| r.turns >= 1));
        // The standard deviation of a geometric length is sqrt(delta) / (1 - delta).
        let sd = lengths.1 * (n as f64).sqrt();
        let expected_sd = delta.sqrt() / (1.0 - delta);
        assert!(
            (sd / expected_sd - 1.0).abs() < 0.1,
            "sd {sd} against {expected_sd}"
        );
    }
}

#[test]
fn share_of_one_round_matches_is_one_minus_delta() {
    let delta = 0.75;
    let n = 40_000;
    let results = sample(&continuation(delta), &mut Cooperator, &mut Cooperator, n);
    let ones = mean_and_error(results.iter().map(|r| if r.turns == 1 { 1.0 } else { 0.0 }));
    assert_within("P(length = 1)", ones, 1.0 - delta, 5.0);
}

#[test]
fn tft_against_alld_closed_form() {
    let delta = 0.9;
    let results = sample(&continuation(delta), &mut TitForTat, &mut Defector, 20_000);
    // Total: S in the first round, P in each of the (n - 1) others.
    let totals = mean_and_error(results.iter().map(|r| r.players[0].utility));
    assert_within("TFT total", totals, S + P * delta / (1.0 - delta), 5.0);
    // Per turn: P + (S - P) / n, and E[1/n] = -(1 - delta) ln(1 - delta) / delta.
    let per_turn = mean_and_error(results.iter().map(|r| r.utility_per_turn(0)));
    let mean_inverse_length = -(1.0 - delta) * (1.0 - delta).ln() / delta;
    assert_within(
        "TFT per turn",
        per_turn,
        P + (S - P) * mean_inverse_length,
        5.0,
    );
    // The defector gets T then P.
    let defector = mean_and_error(results.iter().map(|r| r.players[1].utility));
    assert_within("ALLD total", defector, 5.0 + P * delta / (1.0 - delta), 5.0);
}

#[test]
fn allc_against_allc_closed_form() {
    let delta = 0.95;
    let results = sample(
        &continuation(delta),
        &mut Cooperator,
        &mut Cooperator,
        20_000,
    );
    let totals = mean_and_error(results.iter().map(|r| r.players[0].utility));
    assert_within("ALLC total", totals, R / (1.0 - delta), 5.0);
    // Every round pays R, so the per-turn mean is R in every match.
    assert!(results.iter().all(|r| r.utility_per_turn(0) == R));
}

#[test]
fn round_robin_match_lengths_under_axelrods_second_delta() {
    let tournament = RoundRobin::new(
        MatchConfig::new(
            TwoLevelGame::classic(PayoffMatrix::AXELROD),
            Horizon::AXELROD_SECOND,
        )
        .unwrap(),
        vec![
            Entrant::classic(Box::new(TitForTat)),
            Entrant::classic(Box::new(Defector)),
        ],
    )
    .and_then(|t| t.with_repetitions(1000))
    .unwrap()
    .with_seed(2024)
    .with_match_records(true);
    let results = tournament.play();
    let lengths = mean_and_error(results.match_lengths().map(f64::from));
    assert_eq!(results.match_lengths().count(), 3000);
    assert_within(
        "round-robin mean length",
        lengths,
        1.0 / (1.0 - 0.99654),
        5.0,
    );
    assert!((results.mean_match_length - lengths.0).abs() < 1e-9);
}
