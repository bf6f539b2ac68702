//! The bounded-history mode of the match engine: a match
//! between two strategies of bounded memory depth, played with
//! [`MatchBuffers::without_moves`], keeps only a window of its last moves
//! and gives results bit-identical to the match that keeps every move; the
//! memory estimate counts the window, not the length.

use proptest::prelude::*;
use rand::SeedableRng;
use rand_pcg::Pcg64Mcg;
use twolevel_files::ConfigError;
use twolevel_game::{
    Horizon, Politicization, PoliticizationDynamics, Politics, Strategy, TwoLevelGame,
};
use twolevel_strategies::registry::{self, StrategySpec};
use twolevel_tournament::config::PresetCatalog;
use twolevel_tournament::limits::match_history_memory;
use twolevel_tournament::play::MIN_WINDOW;
use twolevel_tournament::{
    MatchBuffers, MatchConfig, MatchResult, PlayerSettings, Tournament, play_match,
};

/// Every registered strategy whose default build declares a bounded memory
/// depth, plus parametrised builds whose depths make windows longer than
/// [`MIN_WINDOW`] or sit just below it.
fn bounded_strategies() -> Vec<Box<dyn Strategy>> {
    let mut strategies: Vec<Box<dyn Strategy>> = registry::entries()
        .filter_map(|entry| entry.build_default().ok())
        .filter(|strategy| strategy.classifier().memory_depth.is_some())
        .collect();
    for memory in [1_u32, 7, 2047, 2500] {
        let spec = StrategySpec::new("Go By Majority").with("memory_depth", memory);
        strategies.push(registry::build(&spec).expect("a valid memory depth"));
    }
    strategies
}

/// The bits of every number of a result, so that equal bits are compared
/// rather than equal values.
fn bits(result: &MatchResult) -> Vec<u64> {
    let mut bits = vec![
        u64::from(result.turns),
        result.mean_politicization.to_bits(),
        result.final_politicization.to_bits(),
    ];
    bits.extend(result.mean_politicization_by_state.map(f64::to_bits));
    bits.extend(result.final_politicization_by_state.map(f64::to_bits));
    for player in &result.players {
        bits.extend([
            player.utility.to_bits(),
            player.policy.to_bits(),
            player.political.to_bits(),
            u64::from(player.cooperations),
        ]);
    }
    bits
}

/// The match config of a test case: the default two-level game (or the
/// classic one), a fixed horizon, noise, and fixed or dynamic politics.
fn config(turns: u32, action: f64, perception: f64, dynamic: bool) -> MatchConfig {
    let config = MatchConfig::new(TwoLevelGame::default(), Horizon::fixed(turns).unwrap())
        .unwrap()
        .with_action_noise(action)
        .unwrap()
        .with_perception_noise(perception)
        .unwrap()
        .with_length_known(turns.is_multiple_of(2));
    if dynamic {
        config.with_politics(Politics::Dynamic {
            initial: Politicization::new(0.3).unwrap(),
            dynamics: PoliticizationDynamics::DEFAULT,
        })
    } else {
        config.with_politics(Politics::Fixed(Politicization::new(0.2).unwrap()))
    }
}

/// Plays `first` against `second` with whole histories and with a window,
/// under the same seed, and returns both results and both buffers.
fn both_ways(
    config: &MatchConfig,
    first: &dyn Strategy,
    second: &dyn Strategy,
    seed: u64,
) -> [(MatchResult, MatchBuffers); 2] {
    [MatchBuffers::new(), MatchBuffers::without_moves()].map(|mut buffers| {
        let (mut a, mut b) = (first.clone_box(), second.clone_box());
        let result = play_match(
            config,
            [a.as_mut(), b.as_mut()],
            &[PlayerSettings::POLICY; 2],
            &mut buffers,
            &mut Pcg64Mcg::seed_from_u64(seed),
        );
        (result, buffers)
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Random pairs of bounded-memory strategies, with and without action
    /// and perception noise, fixed or dynamic politics, and lengths on both
    /// sides of the window's capacity (so that it slides several times):
    /// the windowed match gives the same bits, and its buffers hold the end
    /// of the whole match's moves.
    #[test]
    fn windowed_matches_are_bit_identical(
        pair in (any::<prop::sample::Index>(), any::<prop::sample::Index>()),
        turns in prop_oneof![1_u32..200, (MIN_WINDOW as u32 - 50)..(MIN_WINDOW as u32 + 50), 4_000_u32..14_000],
        action in prop_oneof![Just(0.0), 0.0..0.2_f64],
        perception in prop_oneof![Just(0.0), 0.0..0.2_f64],
        dynamic in any::<bool>(),
        seed in any::<u64>(),
    ) {
        let strategies = bounded_strategies();
        let (first, second) = (pair.0.get(&strategies), pair.1.get(&strategies));
        let config = config(turns, action, perception, dynamic);
        let [(whole, full_buffers), (windowed, window_buffers)] =
            both_ways(&config, first.as_ref(), second.as_ref(), seed);
        prop_assert_eq!(bits(&whole), bits(&windowed), "{} vs {}", first.name(), second.name());
        prop_assert!(full_buffers.holds_every_move());
        for k in 0..2 {
            let (all, kept) = (full_buffers.moves(k), window_buffers.moves(k));
            prop_assert_eq!(all.len(), turns as usize);
            prop_assert!(all.ends_with(kept), "the window is not the end of the moves");
            prop_assert_eq!(window_buffers.holds_every_move(), kept.len() == all.len());
        }
    }
}

#[test]
fn a_long_match_of_bounded_strategies_keeps_a_window() {
    let strategies = bounded_strategies();
    let (tit_for_tat, win_stay) = (
        strategies
            .iter()
            .find(|s| s.name() == "Tit For Tat")
            .unwrap(),
        strategies
            .iter()
            .find(|s| s.name() == "Win-Stay Lose-Shift")
            .unwrap(),
    );
    let config = config(100_000, 0.05, 0.05, true);
    let [(whole, _), (windowed, buffers)] =
        both_ways(&config, tit_for_tat.as_ref(), win_stay.as_ref(), 7);
    assert_eq!(bits(&whole), bits(&windowed));
    assert!(!buffers.holds_every_move());
    assert!(buffers.moves(0).len() <= MIN_WINDOW);
    assert!(!buffers.moves(0).is_empty());
}

#[test]
fn an_unbounded_strategy_keeps_every_move() {
    let grudger = registry::build(&StrategySpec::new("Grudger")).unwrap();
    let tit_for_tat = registry::build(&StrategySpec::new("Tit For Tat")).unwrap();
    let config = config(10_000, 0.05, 0.05, false);
    let [(whole, _), (windowed, buffers)] =
        both_ways(&config, grudger.as_ref(), tit_for_tat.as_ref(), 3);
    assert_eq!(bits(&whole), bits(&windowed));
    assert!(buffers.holds_every_move());
    assert_eq!(buffers.moves(1).len(), 10_000);
}

/// A tournament file of two inline players of the given strategies over
/// `Fixed(turns: 4294967295)` with perception noise.
fn endless(first: &str, second: &str) -> Result<Tournament, ConfigError> {
    let text = format!(
        "Tournament(\n    name: \"t\",\n    players: [\n        \
         Inline(name: \"a\", strategy: (name: \"{first}\")),\n        \
         Inline(name: \"b\", strategy: (name: \"{second}\")),\n    ],\n    \
         horizon: Fixed(turns: 4294967295),\n    perception_noise: 0.01,\n)\n"
    );
    Tournament::from_ron(&text, "endless.ron", &PresetCatalog::builtin().unwrap())
}

#[test]
fn endless_matches_of_bounded_strategies_are_accepted_and_unbounded_ones_refused() {
    // Tit For Tat and Win-Stay Lose-Shift read one move back: each match
    // keeps a window of MIN_WINDOW moves whatever its length.
    assert!(endless("Tit For Tat", "Win-Stay Lose-Shift").is_ok());
    let message = endless("Tit For Tat", "Grudger").unwrap_err().to_string();
    for words in [
        "endless.ron",
        "horizon",
        "move histories",
        "GiB",
        "limit of",
    ] {
        assert!(message.contains(words), "{words:?} not in {message}");
    }
}

#[test]
fn the_history_estimate_counts_the_window_not_the_length() {
    let length = f64::from(u32::MAX);
    // Four bytes per round under perception noise, per match at once.
    assert_eq!(match_history_memory(length, None, true, 2), 8.0 * length);
    assert_eq!(
        match_history_memory(length, Some(1), true, 2),
        8.0 * MIN_WINDOW as f64
    );
    assert_eq!(
        match_history_memory(length, Some(10_000), false, 1),
        2.0 * 20_000.0
    );
    // A match shorter than the window keeps all of its moves.
    assert_eq!(match_history_memory(100.0, Some(1), false, 1), 200.0);
}
