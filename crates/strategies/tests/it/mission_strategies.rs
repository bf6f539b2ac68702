//! Property tests of the mission's strategies and of the registry.

use proptest::prelude::*;
use rand::SeedableRng;
use rand_pcg::Pcg64Mcg;
use twolevel_game::{Action, Strategy};
use twolevel_game::{PayoffMatrix, Situation, View};
use twolevel_strategies::registry::{self, StrategySpec};
use twolevel_strategies::testing::{SequencePlayer, play_match};
use twolevel_strategies::{
    DiffuseReciprocity, FreeRider, GearShifting, GearShiftingParams, TitForTat, Valuation,
};

fn action() -> impl proptest::strategy::Strategy<Value = Action> {
    prop_oneof![Just(Action::C), Just(Action::D)]
}

fn sequence(max: usize) -> impl proptest::strategy::Strategy<Value = Vec<Action>> {
    prop::collection::vec(action(), 1..max)
}

fn diffuse(tolerance: f64, lambda: f64, valuation: Valuation) -> DiffuseReciprocity {
    DiffuseReciprocity::new(tolerance, lambda, valuation).expect("valid parameters")
}

proptest! {
    /// With tolerance 0 and no decay, each move is C exactly when the
    /// partner is not in net debt (balance computed here from the moves).
    #[test]
    fn tolerance_zero_retaliates_as_soon_as_the_partner_is_in_debt(moves in sequence(80)) {
        let turns = moves.len();
        let mut player = diffuse(0.0, 1.0, Valuation::Counts);
        let record = play_match(&mut player, &mut SequencePlayer::new(moves), turns, 0);
        let mut balance = 0i64;
        for (own, partner) in record.moves_a.iter().zip(&record.moves_b) {
            prop_assert_eq!(own.is_cooperation(), balance <= 0);
            balance += i64::from(own.is_cooperation()) - i64::from(partner.is_cooperation());
        }
    }

    /// Diffuse reciprocity with tolerance 0 and no decay is Tit For Tat,
    /// move for move, against any sequence.
    #[test]
    fn tolerance_zero_is_tit_for_tat(moves in sequence(80)) {
        let turns = moves.len();
        let mut partner = SequencePlayer::new(moves);
        let diffuse = play_match(&mut diffuse(0.0, 1.0, Valuation::Counts), &mut partner, turns, 0);
        let tft = play_match(&mut TitForTat, &mut partner, turns, 0);
        prop_assert_eq!(diffuse.moves_a, tft.moves_a);
    }

    /// The gear shifter's tolerance stays in [0, cap], grows only after a
    /// mutual cooperation, and is 0 right after a breach.
    #[test]
    fn gear_shifting_tolerance_follows_its_rule(
        moves in sequence(120),
        step in 0.1f64..2.0,
        cap in 0.0f64..6.0,
        patience in 1u32..5,
        lambda in 0.3f64..=1.0,
    ) {
        let params = GearShiftingParams { initial: 0.0, step, cap, patience, lambda, ..GearShiftingParams::default() };
        let mut player = GearShifting::new(params).expect("valid");
        let payoffs = PayoffMatrix::AXELROD;
        let mut rng = Pcg64Mcg::seed_from_u64(0);
        let mut own = Vec::new();
        let mut previous_tolerance = 0.0;
        for turn in 0..moves.len() {
            let action = player.decide(&View::new(&own, &moves[..turn], &Situation::classic(payoffs)), &mut rng);
            let tolerance = player.tolerance();
            prop_assert!((0.0..=cap).contains(&tolerance));
            prop_assert_eq!(action.is_cooperation(), player.balance() <= tolerance);
            if turn > 0 {
                let (mine, theirs) = (own[turn - 1], moves[turn - 1]);
                if tolerance > previous_tolerance {
                    prop_assert!(mine.is_cooperation() && theirs.is_cooperation());
                }
                if mine.is_cooperation() && theirs.is_defection() && player.balance() > previous_tolerance {
                    prop_assert_eq!(tolerance, 0.0);
                }
            }
            previous_tolerance = tolerance;
            own.push(action);
        }
    }

    /// An unbounded tolerance never defects, against any sequence, whatever
    /// the decay and valuation.
    #[test]
    fn unbounded_tolerance_never_defects(
        moves in sequence(120),
        lambda in 0.01f64..=1.0,
        by_payoffs in any::<bool>(),
    ) {
        let valuation = if by_payoffs { Valuation::Payoffs } else { Valuation::Counts };
        let turns = moves.len();
        let mut player = diffuse(f64::INFINITY, lambda, valuation);
        let record = play_match(&mut player, &mut SequencePlayer::new(moves), turns, 0);
        prop_assert!(record.moves_a.iter().all(|a| a.is_cooperation()));
    }

    /// Every registered strategy, reset, replays the same moves under the
    /// same seed, even after playing a different match in between.
    #[test]
    fn a_reset_strategy_replays_identically(
        first in sequence(60),
        second in sequence(60),
        seed in any::<u64>(),
    ) {
        let turns = first.len();
        for name in registry::names() {
            let mut player = registry::build(&StrategySpec::new(name)).expect("registered");
            let mut partner = SequencePlayer::new(first.clone());
            let before = play_match(player.as_mut(), &mut partner, turns, seed);
            play_match(player.as_mut(), &mut SequencePlayer::new(second.clone()), turns, !seed);
            let again = play_match(player.as_mut(), &mut partner, turns, seed);
            prop_assert_eq!(&before.moves_a, &again.moves_a, "{}", name);
            // A fresh copy plays the same too.
            let mut copy = player.clone_box();
            let fresh = play_match(copy.as_mut(), &mut partner, turns, seed);
            prop_assert_eq!(&before.moves_a, &fresh.moves_a, "{} (clone)", name);
        }
    }

    /// The free rider (default parameters) earns more against diffuse
    /// reciprocity with a credit line of at least one move than against
    /// Tit For Tat, over 200 rounds.
    ///
    /// Genuine limit: below one move of tolerance a diffuse reciprocator
    /// calls in the first unreciprocated defection at once, which is Tit
    /// For Tat's answer, so the free rider earns the same against both
    /// (checked: tolerance 0 fails the strict inequality).
    #[test]
    fn free_rider_earns_more_against_diffuse_reciprocity_than_tit_for_tat(
        tolerance in 1.0f64..30.0,
        lambda in 0.3f64..=1.0,
    ) {
        let against_diffuse = free_rider_score(
            FreeRider::default(),
            &mut diffuse(tolerance, lambda, Valuation::Counts),
        );
        let against_tft = free_rider_score(FreeRider::default(), &mut TitForTat);
        prop_assert!(against_diffuse > against_tft, "{} <= {}", against_diffuse, against_tft);
    }

    /// The same with payoff valuation, where one move is worth T - P = 4,
    /// and for free riders with other parameters.
    ///
    /// Genuine limit: with a credit line of one move or barely more, and
    /// a decaying partner, a free rider with other parameters (a small
    /// margin, frequent probes, an assumed decay off the partner's) can
    /// overdraw as often as it gains and earn no more than against Tit For
    /// Tat (found: tolerance 1.0, lambda 0.98, assumed lambda 0.95, margin
    /// 0.1, probe_every 2 scores 594 against 599). From 1.2 moves on the
    /// inequality held in 10,000 cases; the property starts at 1.5.
    #[test]
    fn free_riders_earn_more_against_diffuse_reciprocity_than_tit_for_tat(
        tolerance in 1.5f64..30.0,
        lambda in 0.3f64..=1.0,
        by_payoffs in any::<bool>(),
        assumed_lambda in 0.5f64..=1.0,
        margin in 0.1f64..3.0,
        probe_every in 2u32..8,
    ) {
        let (valuation, unit) = if by_payoffs {
            (Valuation::Payoffs, 4.0)
        } else {
            (Valuation::Counts, 1.0)
        };
        let free_rider = FreeRider::new(assumed_lambda, margin, probe_every).expect("valid");
        let against_diffuse = free_rider_score(
            free_rider.clone(),
            &mut diffuse(tolerance * unit, lambda, valuation),
        );
        let against_tft = free_rider_score(free_rider, &mut TitForTat);
        prop_assert!(against_diffuse > against_tft, "{} <= {}", against_diffuse, against_tft);
    }
}

fn free_rider_score(mut free_rider: FreeRider, partner: &mut dyn Strategy) -> f64 {
    play_match(&mut free_rider, partner, 200, 0).score_a
}
