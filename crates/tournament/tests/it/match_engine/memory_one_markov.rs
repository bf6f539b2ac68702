//! The exact payoffs of two memory-one players from the Markov chain of
//! `twolevel_game::memory_one` agree with simulated matches of the match
//! engine: finite matches, continuation horizons, action and perception
//! noise, and two-level utilities. Means are compared within five
//! standard errors, for fixed seeds.

use rand::SeedableRng;
use rand_pcg::Pcg64Mcg;
use twolevel_game::{
    Currency, ExpectedPayoffs, Horizon, MemoryOneChain, MemoryOnePlayer, Orientation,
    OutcomePayoffs, PayoffMatrix, Politicization, Politics, Strategy, TwoLevelGame,
};
use twolevel_strategies::memory_one::{MemoryOne, ZDExtort2, ZDGTFT2};
use twolevel_strategies::{Gtft, TitForTat, WinStayLoseShift};
use twolevel_tournament::play::play_match;
use twolevel_tournament::{MatchBuffers, MatchConfig, PlayerSettings};

/// Sample statistics of both players' totals over many matches.
struct Sample {
    /// Each player's totals, one per match.
    totals: [Vec<f64>; 2],
    /// The number of rounds of each match.
    turns: Vec<f64>,
}

/// Plays `matches` matches of `x` against `y`, seeding match `k` with
/// `seed + k`, and records each player's total in `currency`.
fn simulate(
    config: &MatchConfig,
    x: &mut dyn Strategy,
    y: &mut dyn Strategy,
    settings: &[PlayerSettings; 2],
    currency: Currency,
    matches: u64,
    seed: u64,
) -> Sample {
    let mut buffers = MatchBuffers::new();
    let mut sample = Sample {
        totals: [Vec::new(), Vec::new()],
        turns: Vec::new(),
    };
    for k in 0..matches {
        let mut rng = Pcg64Mcg::seed_from_u64(seed + k);
        let result = play_match(config, [&mut *x, &mut *y], settings, &mut buffers, &mut rng);
        for (player, totals) in result.players.iter().zip(sample.totals.iter_mut()) {
            totals.push(match currency {
                Currency::Policy => player.policy,
                Currency::Political => player.political,
                Currency::Utility => player.utility,
            });
        }
        sample.turns.push(f64::from(result.turns));
    }
    sample
}

/// The mean of `values` and its standard error.
fn mean_and_error(values: &[f64]) -> (f64, f64) {
    let n = values.len() as f64;
    let mean = values.iter().sum::<f64>() / n;
    let variance = values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / (n - 1.0);
    (mean, (variance / n).sqrt())
}

/// Asserts that `observed` agrees with `expected` within five standard
/// errors (and rounding when the sample has no variance).
fn assert_within(label: &str, (observed, error): (f64, f64), expected: f64) {
    assert!(
        (observed - expected).abs() <= 5.0 * error + 1e-9,
        "{label}: simulated {observed} against exact {expected} (standard error {error})"
    );
}

/// Checks each player's mean total and mean payoff per round (total over
/// all matches divided by the rounds of all matches, a ratio estimator
/// whose standard error comes from the residuals `total - rate * turns`).
fn assert_agrees(label: &str, sample: &Sample, exact: &ExpectedPayoffs) {
    let n = sample.turns.len() as f64;
    let mean_turns = sample.turns.iter().sum::<f64>() / n;
    for k in 0..2 {
        let totals = &sample.totals[k];
        assert_within(
            &format!("{label}: player {k} total"),
            mean_and_error(totals),
            exact.total[k],
        );
        let rate = totals.iter().sum::<f64>() / (n * mean_turns);
        let residuals: Vec<f64> = totals
            .iter()
            .zip(&sample.turns)
            .map(|(total, turns)| total - rate * turns)
            .collect();
        let error = mean_and_error(&residuals).1 / mean_turns;
        assert_within(
            &format!("{label}: player {k} per round"),
            (rate, error),
            exact.per_round[k],
        );
    }
}

/// The exact expected payoffs of `x` against `y` over the config's horizon.
fn exact(
    x: &MemoryOnePlayer,
    y: &MemoryOnePlayer,
    horizon: Horizon,
    action_noise: f64,
    perception_noise: f64,
    payoffs: &OutcomePayoffs,
) -> ExpectedPayoffs {
    MemoryOneChain::with_perception_noise(x, y, action_noise, perception_noise)
        .unwrap()
        .horizon_payoffs(&horizon, payoffs)
}

const CLASSIC: [PlayerSettings; 2] = [PlayerSettings::POLICY; 2];

#[test]
fn finite_matches_with_action_noise() {
    // Extort-2 against a stochastic memory-one partner, 60 rounds, 5 %
    // action noise.
    let noise = 0.05;
    let config = MatchConfig::classic(60)
        .unwrap()
        .with_action_noise(noise)
        .unwrap();
    let mut x = ZDExtort2::default();
    let mut y = MemoryOne::new([0.8, 0.3, 0.6, 0.2], 1.0).unwrap();
    let expected = exact(
        x.player(),
        y.player(),
        config.horizon(),
        noise,
        0.0,
        &OutcomePayoffs::symmetric(&PayoffMatrix::AXELROD),
    );
    let sample = simulate(&config, &mut x, &mut y, &CLASSIC, Currency::Policy, 2000, 1);
    assert_agrees("Extort-2 vs memory-one", &sample, &expected);
}

#[test]
fn continuation_matches_of_library_strategies() {
    // The classic Win-Stay Lose-Shift and GTFT implementations against
    // their four-vectors, with a geometric length (delta = 0.9) and noise.
    let noise = 0.03;
    let horizon = Horizon::continuation(0.9).unwrap();
    let config = MatchConfig::new(TwoLevelGame::classic(PayoffMatrix::AXELROD), horizon)
        .unwrap()
        .with_action_noise(noise)
        .unwrap();
    let g = 1.0 / 3.0;
    let gtft = MemoryOnePlayer::reactive(1.0, 1.0, g).unwrap();
    let expected = exact(
        &MemoryOnePlayer::WIN_STAY_LOSE_SHIFT,
        &gtft,
        horizon,
        noise,
        0.0,
        &OutcomePayoffs::symmetric(&PayoffMatrix::AXELROD),
    );
    assert!((expected.rounds - 10.0).abs() < 1e-12);
    let sample = simulate(
        &config,
        &mut WinStayLoseShift,
        &mut Gtft::new(g).unwrap(),
        &CLASSIC,
        Currency::Policy,
        4000,
        10_000,
    );
    assert_agrees("WSLS vs GTFT, delta = 0.9", &sample, &expected);
}

#[test]
fn perception_noise_is_modelled() {
    let (action, perception) = (0.02, 0.1);
    let config = MatchConfig::classic(40)
        .unwrap()
        .with_action_noise(action)
        .unwrap()
        .with_perception_noise(perception)
        .unwrap();
    let mut x = ZDGTFT2::default();
    let expected = exact(
        x.player(),
        &MemoryOnePlayer::TIT_FOR_TAT,
        config.horizon(),
        action,
        perception,
        &OutcomePayoffs::symmetric(&PayoffMatrix::AXELROD),
    );
    let sample = simulate(
        &config,
        &mut x,
        &mut TitForTat,
        &CLASSIC,
        Currency::Policy,
        2000,
        20_000,
    );
    assert_agrees("ZDGTFT-2 vs TFT, perception noise", &sample, &expected);
}

#[test]
fn two_level_utilities_and_political_payoffs() {
    // A politician (w = 0.8) against a bureaucrat (w = 0) in a politicized
    // issue (pi = 0.5): blended utilities and political payoffs from the
    // stage table.
    let game = TwoLevelGame::default();
    let pi = Politicization::new(0.5).unwrap();
    let orientations = [Orientation::new(0.8).unwrap(), Orientation::POLICY];
    let settings = orientations.map(PlayerSettings::with_orientation);
    let noise = 0.05;
    let config = MatchConfig::new(game, Horizon::fixed(30).unwrap())
        .unwrap()
        .with_politics(Politics::Fixed(pi))
        .with_action_noise(noise)
        .unwrap();
    let table = game.stage_table(pi, orientations);
    let mut x = MemoryOne::new([0.9, 0.1, 0.7, 0.3], 0.8).unwrap();
    let mut y = ZDExtort2::default();
    for currency in [Currency::Utility, Currency::Political] {
        let expected = exact(
            x.player(),
            y.player(),
            config.horizon(),
            noise,
            0.0,
            &OutcomePayoffs::from_stage_table(&table, currency),
        );
        let sample = simulate(&config, &mut x, &mut y, &settings, currency, 2000, 30_000);
        assert_agrees(&format!("two-level {currency}"), &sample, &expected);
    }
}

#[test]
fn long_matches_approach_the_long_run_payoffs() {
    // Not a simulation: the exact per-round payoff of a T-round match tends
    // to the long-run payoff, with an error of order 1/T.
    let x = MemoryOnePlayer::new([0.9, 0.2, 0.6, 0.1], 1.0).unwrap();
    let chain = MemoryOneChain::new(&x, &MemoryOnePlayer::TIT_FOR_TAT, 0.01).unwrap();
    let payoffs = OutcomePayoffs::symmetric(&PayoffMatrix::AXELROD);
    let long_run = chain.long_run_payoffs(&payoffs);
    let finite = chain.finite_payoffs(1_000_000, &payoffs).unwrap().per_round;
    for k in 0..2 {
        assert!(
            (finite[k] - long_run[k]).abs() < 1e-4,
            "{finite:?} vs {long_run:?}"
        );
    }
}
