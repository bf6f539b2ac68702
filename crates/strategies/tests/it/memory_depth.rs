//! Every strategy that declares a bounded memory depth `k` decides the same
//! on a view that holds only the last `k` moves of each history (with the
//! rounds played told by `View::turn`) as on the view of the whole history:
//! the promise the match engine's bounded-history mode relies on. A
//! strategy that reads further back, or counts rounds by the length of a
//! history, fails here.

use proptest::prelude::*;
use rand::{RngExt, SeedableRng};
use rand_pcg::Pcg64Mcg;
use twolevel_game::{Action, PayoffMatrix, Situation, Strategy, View};
use twolevel_strategies::registry::{self, StrategySpec};

/// Every registered strategy whose default build declares a bounded memory
/// depth, plus parametrised builds of the strategies whose depth is a
/// parameter.
fn bounded_strategies() -> Vec<Box<dyn Strategy>> {
    let mut strategies: Vec<Box<dyn Strategy>> = registry::entries()
        .filter_map(|entry| entry.build_default().ok())
        .filter(|strategy| strategy.classifier().memory_depth.is_some())
        .collect();
    let specs = [
        StrategySpec::new("Go By Majority").with("memory_depth", 1_u32),
        StrategySpec::new("Go By Majority").with("memory_depth", 5_u32),
        StrategySpec::new("Go By Majority").with("memory_depth", 40_u32),
        StrategySpec::new("Diffuse Reciprocity").with("tolerance", f64::INFINITY),
        StrategySpec::new("Nationalist Defector").with("reciprocate_below", 0.5),
    ];
    strategies.extend(
        specs
            .iter()
            .map(|spec| registry::build(spec).expect("a valid spec")),
    );
    strategies
}

/// Plays `strategy` for `turns` rounds against random partner moves (its
/// own moves flipped with probability `noise`), showing one copy whole
/// views and another the last moves only: `min(t, k + extra)` of them in
/// round `t`, where `extra` is drawn each round from `0..=slack`. Returns
/// the first round where the two copies disagree, if any.
fn first_disagreement(
    strategy: &dyn Strategy,
    turns: usize,
    noise: f64,
    slack: usize,
    known_length: bool,
    seed: u64,
) -> Option<usize> {
    let depth = strategy.classifier().memory_depth.expect("a bounded depth") as usize;
    let (mut whole, mut windowed) = (strategy.clone_box(), strategy.clone_box());
    whole.reset();
    windowed.reset();
    let (mut whole_rng, mut windowed_rng) =
        (Pcg64Mcg::seed_from_u64(seed), Pcg64Mcg::seed_from_u64(seed));
    let mut world = Pcg64Mcg::seed_from_u64(seed ^ 0x5eed);
    let mut situation = Situation::classic(PayoffMatrix::AXELROD);
    if known_length {
        situation.known_length = u32::try_from(turns).ok();
    }
    let (mut own, mut partner) = (Vec::new(), Vec::new());
    for t in 0..turns {
        let held = t.min(depth + world.random_range(0..=slack));
        let recent = View::recent(&own[t - held..], &partner[t - held..], t, &situation);
        let chosen = whole.decide(&View::new(&own, &partner, &situation), &mut whole_rng);
        if windowed.decide(&recent, &mut windowed_rng) != chosen {
            return Some(t);
        }
        let played = if world.random_bool(noise) {
            chosen.flip()
        } else {
            chosen
        };
        let partner_move = if world.random_bool(0.5) {
            Action::C
        } else {
            Action::D
        };
        own.push(played);
        partner.push(partner_move);
        situation.score += 1.0;
        situation.last_utility = Some(1.0);
    }
    None
}

#[test]
fn the_test_catches_a_strategy_that_reads_beyond_its_depth() {
    // Tit For 2 Tats reads two moves back: shown one, it errs.
    let strategy = registry::build(&StrategySpec::new("Tit For 2 Tats")).unwrap();
    let mut caught = false;
    for seed in 0..20 {
        let depth = strategy.classifier().memory_depth.unwrap() as usize;
        let (mut whole, mut short) = (strategy.clone_box(), strategy.clone_box());
        let mut rng = Pcg64Mcg::seed_from_u64(seed);
        let situation = Situation::classic(PayoffMatrix::AXELROD);
        let partner: Vec<Action> = (0..50)
            .map(|_| {
                if rng.random_bool(0.5) {
                    Action::C
                } else {
                    Action::D
                }
            })
            .collect();
        let own = [Action::C; 50];
        for t in depth..50 {
            let shorter = View::recent(&own[t - 1..t], &partner[t - 1..t], t, &situation);
            let full = View::new(&own[..t], &partner[..t], &situation);
            caught |= whole.decide(&full, &mut rng) != short.decide(&shorter, &mut rng);
        }
    }
    assert!(caught, "a view one move too short went unnoticed");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Whole and windowed views give the same decisions for every bounded
    /// strategy, over random histories, action noise, known or unknown
    /// lengths and windows of exactly the depth or a little longer.
    #[test]
    fn bounded_strategies_decide_the_same_on_the_last_moves(
        turns in 1_usize..300,
        noise in prop_oneof![Just(0.0), 0.0..0.3_f64],
        slack in 0_usize..4,
        known_length in any::<bool>(),
        seed in any::<u64>(),
    ) {
        for strategy in bounded_strategies() {
            let disagreement =
                first_disagreement(strategy.as_ref(), turns, noise, slack, known_length, seed);
            prop_assert_eq!(disagreement, None, "{} ({:?})", strategy.name(), strategy.classifier());
        }
    }
}
