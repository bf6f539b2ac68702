//! Prudent Reciprocator: tit for tat while cooperation is self-enforcing.
//!
//! Rule: each round, from its own current blended matrix `(R', S', T', P')`
//! ([`Situation::payoffs`](twolevel_game::Situation::payoffs)) and its own discount factor `delta_i`
//! ([`Situation::discount`](twolevel_game::Situation::discount)), decide whether cooperation is self-enforcing, that
//! is whether `delta_i >= (T' - R') / (T' - P') + margin` (the grim-trigger
//! threshold of [`twolevel_game::grim_threshold`] (with the partner's
//! instruments in force, [`twolevel_game::grim_threshold_with_sanction`]
//! at the view's `incentive`), raised by a safety
//! `margin`). While it is, play tit for tat (cooperate first, then copy the
//! partner's last perceived move); otherwise defect.
//!
//! The threshold is not always a number (see
//! [`NoThreshold`](twolevel_game::analytic::NoThreshold)):
//!
//! - a threshold of 0 (no temptation: `T' <= R'` and `P' <= R'`) means
//!   cooperation is always self-enforcing, so it plays tit for tat;
//! - `Never` (the punishment punishes nothing) means it defects;
//! - `Bounded { from, to }` (a game in which only a short shadow of the
//!   future sustains cooperation) means it plays tit for tat while
//!   `from + margin <= delta_i <= to`.
//!
//! Source: the folk-theorem condition for grim trigger (Friedman 1971;
//! Axelrod 1984, chapter 1 and proposition 2) applied each round by the
//! player to its own two-level payoffs and its own patience (`docs/model.md`
//! section 5 and `docs/strategies.md`, "Strategies that answer the two levels"). Because the
//! grim threshold of the default two-level game is U-shaped in the
//! politicization `pi`, a prudent reciprocator whose `delta_i` lies between
//! the minimum of the threshold and its value at `pi = 0` cooperates at
//! moderate politicization but not in a non-politicized or securitized
//! issue: the paradox of politicization, in play. In the last round of a
//! match of known length `delta_i` is 0 and it defects.
//!
//! Parameters (registry names): `margin` (a finite number >= 0, default 0):
//! how far above the threshold `delta_i` must lie.

use rand_core::Rng;
use twolevel_game::analytic::NoThreshold;
use twolevel_game::error::check_non_negative;
use twolevel_game::{
    Action, Classifier, ParameterError, Strategy, View, grim_threshold_with_sanction,
};

use crate::registry::{Limit, ParamKind, ParamSpec, StrategyEntry};

/// Plays tit for tat while its own discount factor makes cooperation
/// self-enforcing under its own blended payoffs, and defects otherwise.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PrudentReciprocator {
    margin: f64,
}

impl PrudentReciprocator {
    /// A prudent reciprocator that requires `delta_i` to exceed the grim
    /// threshold by `margin` (a finite number >= 0).
    ///
    /// # Errors
    ///
    /// A negative or non-finite `margin` (the error names `margin`).
    pub fn new(margin: f64) -> Result<Self, ParameterError> {
        Ok(PrudentReciprocator {
            margin: check_non_negative("margin", margin)?,
        })
    }

    /// The safety margin above the grim threshold.
    #[must_use]
    pub fn margin(&self) -> f64 {
        self.margin
    }

    /// Whether cooperation is self-enforcing for this player in `view`:
    /// its own `delta_i` clears the grim threshold of its own blended
    /// matrix by the margin.
    #[must_use]
    pub fn cooperation_is_self_enforcing(&self, view: &View<'_>) -> bool {
        let delta = view.discount;
        // The partner's instruments in force (a carrot after cooperation,
        // a sanction after defection) lower the threshold; without them
        // this is `grim_threshold`, bit for bit.
        match grim_threshold_with_sanction(&view.payoffs, view.incentive) {
            Ok(threshold) => delta >= threshold + self.margin,
            Err(NoThreshold::Never) => false,
            Err(NoThreshold::Bounded { from, to }) => delta >= from + self.margin && delta <= to,
        }
    }
}

impl Strategy for PrudentReciprocator {
    fn name(&self) -> &str {
        "Prudent Reciprocator"
    }

    fn classifier(&self) -> Classifier {
        Classifier {
            // The discount factor encodes the rounds left when the length
            // is known.
            uses_length: true,
            uses_politicization: true,
            ..Classifier::deterministic(Some(1))
        }
    }

    fn decide(&mut self, view: &View<'_>, _rng: &mut dyn Rng) -> Action {
        if self.cooperation_is_self_enforcing(view) {
            view.partner_last().unwrap_or(Action::C)
        } else {
            Action::D
        }
    }

    fn reset(&mut self) {}
}

/// The registry entry of [`PrudentReciprocator`].
pub(crate) const ENTRY: StrategyEntry = StrategyEntry::new(
    "Prudent Reciprocator",
    "Plays tit for tat while its own discount clears the grim threshold of its own blended payoffs; defects otherwise.",
    |params| params.finish(PrudentReciprocator::new(params.number("margin"))),
)
.with_aliases(&["Prudent"])
.with_params(&[ParamSpec::new(
    "margin",
    ParamKind::Number {
        default: Some(0.0),
        min: Limit::Closed(0.0),
        max: Limit::Open(f64::INFINITY),
    },
    "How far above the grim threshold its own discount factor must lie for it to cooperate.",
)]);

#[cfg(test)]
mod tests {
    use rand::SeedableRng;
    use rand_pcg::Pcg64Mcg;
    use twolevel_game::{Orientation, PayoffMatrix, Politicization, Situation, TwoLevelGame};

    use super::*;
    use crate::testing::{SequencePlayer, play};

    /// The move of a fresh prudent reciprocator after the given histories,
    /// with the given payoffs and discount.
    fn decide_with(
        player: &mut PrudentReciprocator,
        partner: &str,
        payoffs: &PayoffMatrix,
        discount: f64,
    ) -> Action {
        let partner = crate::testing::parse_moves(partner);
        let own = vec![Action::C; partner.len()];
        let situation = Situation {
            discount,
            ..Situation::classic(*payoffs)
        };
        let view = View::new(&own, &partner, &situation);
        player.decide(&view, &mut Pcg64Mcg::seed_from_u64(0))
    }

    #[test]
    fn plays_tit_for_tat_in_the_classic_game_with_a_long_shadow() {
        // Classic game, default discount 0.995 >= (5 - 3) / (5 - 1) = 0.5.
        let mut partner = SequencePlayer::from_letters("CDDCCDC");
        let (own, _) = play(&mut PrudentReciprocator::default(), &mut partner, 7);
        assert_eq!(own, "CCDDCCD");
    }

    #[test]
    fn defects_below_the_threshold_and_cooperates_above_it() {
        let payoffs = PayoffMatrix::AXELROD;
        let mut player = PrudentReciprocator::default();
        assert_eq!(decide_with(&mut player, "C", &payoffs, 0.49), Action::D);
        assert_eq!(decide_with(&mut player, "C", &payoffs, 0.5), Action::C);
        // Above the threshold it still answers a defection in kind.
        assert_eq!(decide_with(&mut player, "D", &payoffs, 0.9), Action::D);
        // The margin raises the bar.
        let mut careful = PrudentReciprocator::new(0.1).unwrap();
        assert_eq!(decide_with(&mut careful, "C", &payoffs, 0.55), Action::D);
        assert_eq!(decide_with(&mut careful, "C", &payoffs, 0.6), Action::C);
        // The last round of a known-length match has discount 0.
        assert_eq!(decide_with(&mut player, "C", &payoffs, 0.0), Action::D);
    }

    #[test]
    fn answers_its_own_blended_payoffs() {
        // The same history and discount, three blended matrices.
        let mut player = PrudentReciprocator::default();
        // No temptation: always self-enforcing.
        let harmony = PayoffMatrix::new(3.0, 1.0, 2.0, 0.0).unwrap();
        assert_eq!(decide_with(&mut player, "C", &harmony, 0.0), Action::C);
        // A punishment that punishes nothing (P' >= R' < T'): never.
        let deadlock = PayoffMatrix::new(1.0, 0.0, 3.0, 2.0).unwrap();
        assert_eq!(decide_with(&mut player, "C", &deadlock, 0.99), Action::D);
        // Political weight: a pure politician's matrix (w = 1, pi = 0) of
        // the default game has no threshold, a bureaucrat's (w = 0) does.
        let game = TwoLevelGame::default();
        let pi = Politicization::NONE;
        let bureaucrat = game.blended_matrix(Orientation::POLICY, pi);
        let politician = game.blended_matrix(Orientation::POLITICAL, pi);
        assert_eq!(decide_with(&mut player, "C", &bureaucrat, 0.9), Action::C);
        assert_eq!(decide_with(&mut player, "C", &politician, 0.9), Action::D);
    }

    #[test]
    fn invalid_margins_are_named() {
        assert_eq!(PrudentReciprocator::new(-0.1).unwrap_err().field, "margin");
        assert_eq!(
            PrudentReciprocator::new(f64::NAN).unwrap_err().field,
            "margin"
        );
    }
}
