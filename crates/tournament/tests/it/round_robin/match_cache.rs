//! A round robin plays a deterministic pair without noise once per match
//! length and copies the result into the other repetitions. These tests
//! check that the copies are what playing every match gives, bit for bit
//! ([`RoundRobin::replay`] plays every match, so it is the uncached
//! reference run), that matches really are skipped, and that no registered
//! strategy classified as deterministic draws from the RNG (the cache
//! relies on that classification).

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use rand_core::Rng;
use twolevel_game::{
    Action, Bimatrix, Classifier, ElectionCycle, Horizon, Orientation, PayoffMatrix,
    PoliticalPayoff, Politicization, PoliticizationDynamics, Politics, Strategy, TwoLevelGame,
    View,
};
use twolevel_strategies::registry::{StrategySpec, build, entries};
use twolevel_strategies::testing::{SequencePlayer, play_match_with_length};
use twolevel_strategies::{TitForTat, classic::Alternator};
use twolevel_tournament::round_robin::MatchRecord;
use twolevel_tournament::{Entrant, MatchConfig, PlayerSettings, RoundRobin};

/// Deterministic and stochastic classics, with different orientations so
/// that the two-level payoffs differ between players.
fn entrants(names: &[&str]) -> Vec<Entrant> {
    names
        .iter()
        .enumerate()
        .map(|(k, &name)| {
            let strategy = build(&StrategySpec::new(name)).unwrap();
            let w = Orientation::new(0.1 * (k % 4) as f64).unwrap();
            Entrant::new(name, strategy, PlayerSettings::with_orientation(w))
        })
        .collect()
}

const MIXED: [&str; 8] = [
    "Tit For Tat",
    "Grudger",
    "Gradual",
    "First by Stein and Rapoport",
    "First by Tideman and Chieruzzi",
    "Random",
    "GTFT",
    "Win-Stay Lose-Shift",
];

/// Every match of `tournament` played, one by one.
fn uncached(tournament: &RoundRobin) -> Vec<MatchRecord> {
    let mut records = Vec::new();
    tournament.replay(|record, _| records.push(*record));
    records
}

fn assert_cache_is_invisible(tournament: &RoundRobin) {
    let reference = uncached(tournament);
    for parallel in [false, true] {
        let results = tournament
            .clone()
            .with_parallel(parallel)
            .with_match_records(true)
            .play();
        assert_eq!(results.matches, reference, "parallel: {parallel}");
        // The same bits, not only equal numbers.
        assert_eq!(
            serde_json::to_string(&results.matches).unwrap(),
            serde_json::to_string(&reference).unwrap()
        );
    }
}

#[test]
fn fixed_horizon_classic_tournament() {
    let config = MatchConfig::classic(60).unwrap().with_length_known(true);
    let tournament = RoundRobin::new(config, entrants(&MIXED))
        .and_then(|t| t.with_repetitions(4))
        .unwrap()
        .with_seed(3);
    assert_cache_is_invisible(&tournament);
}

#[test]
fn copies_cross_the_batches_the_results_are_summed_in() {
    // 3 pairs x 4000 repetitions = 12000 matches: more than one batch, so
    // a pair's copies come in a later batch than the match they repeat.
    let config =
        MatchConfig::new(TwoLevelGame::default(), Horizon::continuation(0.8).unwrap()).unwrap();
    let tournament = RoundRobin::new(config, entrants(&MIXED[..2]))
        .and_then(|t| t.with_repetitions(4000))
        .unwrap()
        .with_seed(11);
    assert_eq!(tournament.match_count(), 12_000);
    assert_cache_is_invisible(&tournament);
}

#[test]
fn continuation_horizon_dynamic_politics_and_elections() {
    // Short matches (mean length 5) make lengths recur between the ten
    // repetitions, so some repetitions are copies and some are played.
    let config = MatchConfig::new(TwoLevelGame::default(), Horizon::continuation(0.8).unwrap())
        .unwrap()
        .with_politics(Politics::Dynamic {
            initial: Politicization::new(0.4).unwrap(),
            dynamics: PoliticizationDynamics::DEFAULT,
        })
        .with_election(Some(ElectionCycle::new(4, 1, 0.3).unwrap()));
    let tournament = RoundRobin::new(config, entrants(&MIXED))
        .and_then(|t| t.with_repetitions(10))
        .unwrap()
        .with_seed(5);
    assert_cache_is_invisible(&tournament);
}

#[test]
fn asymmetric_game_with_both_role_assignments() {
    let policy = Bimatrix {
        row: PayoffMatrix::AXELROD,
        column: PayoffMatrix::new(4.0, 1.0, 7.0, 2.0).unwrap(),
    };
    let game = TwoLevelGame::new(policy, PoliticalPayoff::default(), 1.0, 0.5).unwrap();
    let config = MatchConfig::new(game, Horizon::fixed(30).unwrap()).unwrap();
    let tournament = RoundRobin::new(config, entrants(&MIXED[..5]))
        .and_then(|t| t.with_repetitions(3))
        .unwrap();
    assert_cache_is_invisible(&tournament);
}

#[test]
fn noise_turns_the_cache_off() {
    let config = MatchConfig::classic(40)
        .and_then(|c| c.with_action_noise(0.05))
        .unwrap();
    let tournament = RoundRobin::new(config, entrants(&MIXED[..4]))
        .and_then(|t| t.with_repetitions(3))
        .unwrap();
    assert_cache_is_invisible(&tournament);
    // With noise, repetitions of a deterministic pair differ.
    let results = tournament.with_match_records(true).play();
    let first_pair: Vec<_> = results
        .matches
        .iter()
        .filter(|m| m.players == [0, 1])
        .map(|m| m.result)
        .collect();
    assert!(first_pair.windows(2).any(|w| w[0] != w[1]));
}

/// Tit For Tat that counts how many matches it starts (resets), across
/// all its clones: a third-party strategy as the engine sees it.
#[derive(Clone, Debug)]
struct CountingTitForTat {
    resets: Arc<AtomicUsize>,
    stochastic: bool,
}

impl Strategy for CountingTitForTat {
    fn name(&self) -> &str {
        "Counting Tit For Tat"
    }

    fn classifier(&self) -> Classifier {
        Classifier {
            stochastic: self.stochastic,
            ..Classifier::deterministic(Some(1))
        }
    }

    fn decide(&mut self, view: &View<'_>, _rng: &mut dyn Rng) -> Action {
        view.partner_last().unwrap_or(Action::C)
    }

    fn reset(&mut self) {
        self.resets.fetch_add(1, Ordering::Relaxed);
    }
}

/// The number of resets of the counting player in a three-player round
/// robin of 10 repetitions, classified as deterministic or not: one per
/// match it plays against another player, two per match against itself.
fn resets_in_round_robin(stochastic: bool) -> usize {
    let resets = Arc::new(AtomicUsize::new(0));
    let counting = CountingTitForTat {
        resets: Arc::clone(&resets),
        stochastic,
    };
    let entrants = vec![
        Entrant::classic(Box::new(counting)),
        Entrant::classic(Box::new(TitForTat)),
        Entrant::classic(Box::new(Alternator)),
    ];
    let results = RoundRobin::new(MatchConfig::classic(20).unwrap(), entrants)
        .and_then(|t| t.with_repetitions(10))
        .unwrap()
        .with_match_records(true)
        .play();
    assert_eq!(results.matches.len(), 6 * 10);
    resets.load(Ordering::Relaxed)
}

#[test]
fn deterministic_pairs_are_played_once() {
    // The counting player meets itself, Tit For Tat and Alternator: each
    // match once when cached (2 + 1 + 1 resets), ten times when not.
    assert_eq!(resets_in_round_robin(false), 4);
    assert_eq!(resets_in_round_robin(true), 40);
}

#[test]
fn strategies_classified_deterministic_never_draw_from_the_rng() {
    let partners = || -> Vec<Box<dyn Strategy>> {
        vec![
            Box::new(TitForTat),
            Box::new(Alternator),
            Box::new(SequencePlayer::from_letters(
                "CCDCDDDCCCDCDCCDDDCDCDDCCCCDCDDDCDCCDDCCDCDDDDCCC",
            )),
        ]
    };
    let mut checked = 0;
    for entry in entries() {
        let Ok(mut strategy) = entry.build_default() else {
            continue;
        };
        if strategy.classifier().stochastic {
            continue;
        }
        for mut partner in partners() {
            for known_length in [None, Some(150)] {
                let a = play_match_with_length(
                    strategy.as_mut(),
                    partner.as_mut(),
                    150,
                    known_length,
                    1,
                );
                let b = play_match_with_length(
                    strategy.as_mut(),
                    partner.as_mut(),
                    150,
                    known_length,
                    2,
                );
                assert_eq!(
                    a.moves_a,
                    b.moves_a,
                    "{} is classified deterministic but its moves depend on the seed",
                    strategy.name()
                );
            }
        }
        checked += 1;
    }
    assert!(checked > 20, "only {checked} deterministic strategies");
}
