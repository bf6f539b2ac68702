//! Regime strategies: players of an iterated N-state regime (`docs/regimes.md`), implementing [`RegimeStrategy`].
//!
//! A state in a regime sees who did what but answers the whole group with
//! one action: it cannot punish one member of a public good without
//! punishing all, which is the crux of diffuse reciprocity.
//!
//! - [`RegimeCooperator`] and [`RegimeDefector`]: unconditional.
//! - [`ConditionalCooperator`]: cooperates when at least `quorum` others
//!   did last round.
//! - [`RegimeReciprocity`]: diffuse reciprocity on a [`RegimeLedger`],
//!   `balance = lambda balance + (my_C - mean of the others' C)`.
//! - [`RegimeGearShifting`]: the same ledger with a tolerance that climbs
//!   with runs of full cooperation and collapses on a breach.
//! - [`MfnFreeRider`]: takes the benefits, contributes only when the
//!   others' cooperation falls, when pivotal, or to stay within the
//!   members' credit line.
//! - [`RegimeNationalist`]: defects visibly.
//! - [`registry`]: build any of them by name ([`registry::build_regime`]).
//! - [`preset`]: the regime presets of `strategies/regime/`.
//!
//! ```
//! use twolevel_strategies::regime::{play_group, ConditionalCooperator, RegimeDefector};
//! use twolevel_game::RegimeStrategy;
//!
//! let mut players: Vec<Box<dyn RegimeStrategy>> = vec![
//!     Box::new(ConditionalCooperator::new(2)),
//!     Box::new(ConditionalCooperator::new(2)),
//!     Box::new(RegimeDefector),
//! ];
//! // Each conditional cooperator sees only one other cooperator: quorum missed.
//! assert_eq!(play_group(&mut players, 3, 3), ["CDD", "CDD", "DDD"]);
//! ```

pub(crate) mod conditional_cooperator;
pub(crate) mod cooperator;
pub(crate) mod defector;
pub(crate) mod diffuse_reciprocity;
pub(crate) mod gear_shifting;
pub mod ledger;
pub(crate) mod mfn_free_rider;
pub(crate) mod nationalist;
pub mod preset;
pub mod registry;

pub use conditional_cooperator::ConditionalCooperator;
pub use cooperator::RegimeCooperator;
pub use defector::RegimeDefector;
pub use diffuse_reciprocity::RegimeReciprocity;
pub use gear_shifting::RegimeGearShifting;
pub use ledger::RegimeLedger;
pub use mfn_free_rider::MfnFreeRider;
pub use nationalist::RegimeNationalist;

use rand::SeedableRng;
use rand_pcg::Pcg64Mcg;
use twolevel_game::{Action, RegimeStrategy, RegimeView, cooperator_count};

/// Plays `rounds` rounds of a regime among `players` (no noise, no
/// politicization, threshold `threshold`, a fixed seed) and returns each
/// player's moves as a string of `C` and `D`: a helper for tests and
/// examples. The tournament crate's engine plays real regimes.
#[must_use]
pub fn play_group(
    players: &mut [Box<dyn RegimeStrategy>],
    rounds: usize,
    threshold: u32,
) -> Vec<String> {
    let size = players.len();
    let mut rng = Pcg64Mcg::seed_from_u64(0);
    let mut history = Vec::with_capacity(rounds * size);
    let mut cooperators = Vec::with_capacity(rounds);
    for player in players.iter_mut() {
        player.reset();
    }
    for _ in 0..rounds {
        for (me, player) in players.iter_mut().enumerate() {
            let view = RegimeView {
                history: &history[..cooperators.len() * size],
                cooperators: &cooperators,
                ..RegimeView::first_round(me, size, threshold)
            };
            let action = player.decide(&view, &mut rng);
            history.push(action);
        }
        cooperators.push(cooperator_count(&history[history.len() - size..]));
    }
    (0..size)
        .map(|me| {
            history
                .iter()
                .skip(me)
                .step_by(size)
                .map(|a: &Action| if a.is_cooperation() { 'C' } else { 'D' })
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn group(players: Vec<Box<dyn RegimeStrategy>>, rounds: usize, threshold: u32) -> Vec<String> {
        let mut players = players;
        play_group(&mut players, rounds, threshold)
    }

    #[test]
    fn conditional_cooperators_sustain_a_quorum() {
        let moves = group(
            vec![
                Box::new(ConditionalCooperator::new(1)),
                Box::new(ConditionalCooperator::new(1)),
                Box::new(RegimeDefector),
            ],
            4,
            3,
        );
        assert_eq!(moves, ["CCCC", "CCCC", "DDDD"]);
    }

    #[test]
    fn regime_ledger_calls_the_debt_in_and_forgives_with_decay() {
        // Against two defectors each round adds 1: balance 1 (<= 1, C),
        // then 1.9 (D), then 0.9 * 1.9 + 0 = 1.71 (D), ...
        let moves = group(
            vec![
                Box::new(RegimeReciprocity::new(1.0, 0.9).unwrap()),
                Box::new(RegimeDefector),
                Box::new(RegimeDefector),
            ],
            4,
            3,
        );
        assert_eq!(moves[0], "CCDD");
        // Among cooperators the balance stays 0.
        let moves = group(
            vec![
                Box::new(RegimeReciprocity::new(0.0, 0.9).unwrap()),
                Box::new(RegimeCooperator),
                Box::new(RegimeCooperator),
            ],
            5,
            3,
        );
        assert_eq!(moves[0], "CCCCC");
    }

    #[test]
    fn gear_shifting_climbs_and_collapses() {
        let mut shifter = RegimeGearShifting::default();
        let history: Vec<Action> = std::iter::repeat_n(Action::C, 9).collect();
        let view = RegimeView {
            history: &history,
            cooperators: &[3, 3, 3],
            ..RegimeView::first_round(0, 3, 3)
        };
        let mut rng = Pcg64Mcg::seed_from_u64(1);
        assert_eq!(shifter.decide(&view, &mut rng), Action::C);
        assert_eq!(shifter.tolerance(), 1.0);
        // Two breach rounds (I cooperate, both others defect) take the
        // balance to 1 (within the new tolerance 1), then to 1.9 (a breach).
        let mut breach = history.clone();
        breach.extend([
            Action::C,
            Action::D,
            Action::D,
            Action::C,
            Action::D,
            Action::D,
        ]);
        let view = RegimeView {
            history: &breach,
            cooperators: &[3, 3, 3, 1, 1],
            ..view
        };
        assert_eq!(shifter.decide(&view, &mut rng), Action::D);
        assert_eq!(shifter.tolerance(), 0.0);
    }

    #[test]
    fn mfn_free_rider_exploits_a_large_regime_more_than_a_small_one() {
        let defections = |size: usize| {
            let mut players: Vec<Box<dyn RegimeStrategy>> = vec![Box::new(MfnFreeRider::default())];
            for _ in 1..size {
                players.push(Box::new(RegimeReciprocity::new(1.0, 0.9).unwrap()));
            }
            let moves = play_group(&mut players, 100, size as u32);
            let rider = moves[0].matches('D').count();
            let members_defected = moves[1..].iter().any(|m| m.contains('D'));
            (rider, members_defected)
        };
        let (small, small_retaliated) = defections(3);
        let (large, large_retaliated) = defections(10);
        assert!(large > small, "{large} vs {small}");
        assert!(large > 80, "{large}");
        // It stays within the members' credit line: they never retaliate.
        assert!(!small_retaliated && !large_retaliated);
    }

    #[test]
    fn mfn_free_rider_contributes_when_pivotal_or_when_cooperation_falls() {
        let mut rider = MfnFreeRider::default();
        let mut rng = Pcg64Mcg::seed_from_u64(1);
        // Threshold 3 of 4: two others cooperated last round, so it is pivotal.
        let history = [Action::C, Action::C, Action::C, Action::D];
        let view = RegimeView {
            history: &history,
            cooperators: &[3],
            ..RegimeView::first_round(0, 4, 3)
        };
        assert_eq!(rider.decide(&view, &mut rng), Action::C);
        // Public goods (threshold N = 4): the others' cooperation fell from 3 to 2.
        rider.reset();
        let history = [
            Action::D,
            Action::C,
            Action::C,
            Action::C,
            Action::D,
            Action::C,
            Action::C,
            Action::D,
        ];
        let view = RegimeView {
            history: &history,
            cooperators: &[3, 2],
            ..RegimeView::first_round(0, 4, 4)
        };
        assert_eq!(rider.decide(&view, &mut rng), Action::C);
    }

    #[test]
    fn nationalist_defects_unless_reciprocating_at_low_politicization() {
        let mut nationalist = RegimeNationalist::default();
        let mut rng = Pcg64Mcg::seed_from_u64(1);
        let first = RegimeView::first_round(0, 3, 3);
        assert_eq!(nationalist.decide(&first, &mut rng), Action::D);
        let mut moderate = RegimeNationalist::new(0.5).unwrap();
        assert_eq!(moderate.decide(&first, &mut rng), Action::C);
        let hot = RegimeView {
            politicization: 0.6,
            ..first
        };
        assert_eq!(moderate.decide(&hot, &mut rng), Action::D);
        assert!(RegimeNationalist::new(2.0).is_err());
    }
}
