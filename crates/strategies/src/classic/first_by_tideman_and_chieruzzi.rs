//! First by Tideman and Chieruzzi: escalating Tit For Tat with fresh starts.
//!
//! Rule, as `axelrod` implements Axelrod's (1980) description: cooperate
//! first; answer a partner defection with a retaliation one defection longer
//! than the previous one (1, 2, 3, ...), ignoring partner defections while
//! retaliating. Give the partner a fresh start (cooperate twice and forget
//! the retaliation length and the counted defections) when all of these
//! hold: at least 20 rounds have passed since the last fresh start (or
//! there was none), this player is at least 10 points ahead, at least 10
//! rounds remain, the partner cooperated in the last round, and the
//! partner's defections since the last fresh start are at least three
//! standard deviations away from half of all its moves. Defect in the last
//! two rounds. Nicolaus Tideman and Paula Chieruzzi's entry, second in
//! Axelrod's first tournament; `FirstByTidemanAndChieruzzi` in the Python
//! `axelrod` library, named `"First by Tideman and Chieruzzi: (D, D)"` (the
//! suffix is the two final defections).
//!
//! The scores are counted with the player's own current payoffs
//! ([`Situation::payoffs`](twolevel_game::Situation::payoffs)) for both sides, as `axelrod` counts them with the
//! (symmetric) game. The rounds remaining and the final defections need the
//! match length: with [`Situation::known_length`](twolevel_game::Situation::known_length) `None` the rule behaves as in
//! an `axelrod` match with a probabilistic end (infinite known length):
//! enough rounds always remain for a fresh start and there are no final
//! defections.

use rand_core::Rng;
use twolevel_game::{Action, Classifier, Strategy, View};

use super::support::{MoveCounts, Retaliation, defect_in_final_rounds};
use crate::registry::{StrategyEntry, default_build};

/// Rounds that must pass between two fresh starts.
const ROUNDS_BETWEEN_FRESH_STARTS: usize = 20;
/// The lead in points that allows a fresh start.
const LEAD_FOR_FRESH_START: f64 = 10.0;
/// Rounds that must remain for a fresh start.
const ROUNDS_LEFT_FOR_FRESH_START: usize = 10;
/// How many standard deviations from a fair coin the partner must be.
const DEVIATIONS_FOR_FRESH_START: f64 = 3.0;
/// Defections at the end of a match of known length.
const FINAL_DEFECTIONS: usize = 2;

/// Escalating retaliation with occasional fresh starts and a defecting end.
#[derive(Clone, Debug, Default)]
pub struct FirstByTidemanAndChieruzzi {
    retaliation: Retaliation,
    own_score: f64,
    partner_score: f64,
    /// The round (1-based) of the last fresh start, 0 if none.
    last_fresh_start: usize,
    /// Whether the second cooperation of a fresh start is due.
    second_fresh_cooperation_due: bool,
    /// Partner defections counted since the last fresh start.
    remembered_defections: usize,
    partner: MoveCounts,
}

impl FirstByTidemanAndChieruzzi {
    /// The move of the rule before the final defections are applied; it
    /// also updates the state, which `axelrod` does in every round.
    fn rule(&mut self, view: &View<'_>) -> Action {
        let (Some(own_last), Some(partner_last)) = (view.own_last(), view.partner_last()) else {
            return Action::C;
        };
        let partner_moves = self.partner.update(view.partner);
        let partner_moves_total = partner_moves.cooperations() + partner_moves.defections();
        if partner_last.is_defection() {
            self.remembered_defections += 1;
        }
        self.own_score += view.payoffs.payoff(own_last, partner_last);
        self.partner_score += view.payoffs.payoff(partner_last, own_last);

        if self.second_fresh_cooperation_due {
            self.second_fresh_cooperation_due = false;
            return Action::C;
        }

        let current_round = view.turn() + 1;
        let fresh_start_allowed = self.last_fresh_start == 0
            || current_round - self.last_fresh_start >= ROUNDS_BETWEEN_FRESH_STARTS;
        if fresh_start_allowed
            && self.own_score - self.partner_score >= LEAD_FOR_FRESH_START
            && enough_rounds_left(view.known_length, current_round)
            && partner_last.is_cooperation()
            && self.defections_look_unfair(partner_moves_total)
        {
            self.last_fresh_start = current_round;
            self.retaliation = Retaliation::default();
            self.remembered_defections = 0;
            self.second_fresh_cooperation_due = true;
            return Action::C;
        }

        if self.retaliation.is_active() {
            self.retaliation.serve();
            return Action::D;
        }
        if partner_last.is_defection() {
            self.retaliation.escalate();
            return Action::D;
        }
        Action::C
    }

    /// Whether the remembered defections are at least three standard
    /// deviations from the mean of a fair coin over all the partner's moves.
    fn defections_look_unfair(&self, partner_moves: usize) -> bool {
        let n = partner_moves as f64;
        let deviation = n.sqrt() / 2.0;
        let lower = n / 2.0 - DEVIATIONS_FOR_FRESH_START * deviation;
        let upper = n / 2.0 + DEVIATIONS_FOR_FRESH_START * deviation;
        let defections = self.remembered_defections as f64;
        defections <= lower || defections >= upper
    }
}

/// Whether at least ten rounds remain after `current_round`; always true
/// when the length is unknown.
fn enough_rounds_left(known_length: Option<u32>, current_round: usize) -> bool {
    known_length.is_none_or(|length| {
        length as i64 - current_round as i64 >= ROUNDS_LEFT_FOR_FRESH_START as i64
    })
}

impl Strategy for FirstByTidemanAndChieruzzi {
    fn name(&self) -> &str {
        "First by Tideman and Chieruzzi: (D, D)"
    }

    fn classifier(&self) -> Classifier {
        Classifier {
            uses_length: true,
            ..Classifier::deterministic(None)
        }
    }

    fn decide(&mut self, view: &View<'_>, _rng: &mut dyn Rng) -> Action {
        // The rule runs in every round, final or not: it updates the state.
        let action = self.rule(view);
        defect_in_final_rounds(view, FINAL_DEFECTIONS, action)
    }

    fn reset(&mut self) {
        *self = FirstByTidemanAndChieruzzi::default();
    }
}

/// The registry entry of [`FirstByTidemanAndChieruzzi`].
pub(crate) const ENTRY: StrategyEntry = StrategyEntry::new(
    "First by Tideman and Chieruzzi",
    "Escalating retaliation with occasional fresh starts and a defecting end.",
    default_build::<FirstByTidemanAndChieruzzi>,
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classic::{Cooperator, Cycler, Defector};
    use crate::testing::play;

    #[test]
    fn expected_sequences() {
        let mut player = FirstByTidemanAndChieruzzi::default();
        assert_eq!(play(&mut player, &mut Cooperator, 6).0, "CCCCCC");
        // Retaliations of 1, 2, 3, ... defections against Defector; the
        // player is never ahead, so there is no fresh start.
        assert_eq!(play(&mut player, &mut Defector, 8).0, "CDDDDDDD");
        let mut cycler = Cycler::new("DCCCCCCCCD").unwrap();
        assert_eq!(play(&mut player, &mut cycler, 14).0, "CDCCCCCCCCDDCC");
    }

    #[test]
    fn gives_bully_a_fresh_start() {
        // From `axelrod` 4.14 with an infinite known length: the runs of
        // defections grow (3, 3, 4, 5, 6, 7, 8) as the retaliations
        // escalate, until the fresh start (the two cooperations at indices
        // 49 and 50) resets them to the length of the opening runs.
        let mut player = FirstByTidemanAndChieruzzi::default();
        let (own, _) = play(&mut player, &mut crate::classic::Bully, 60);
        assert_eq!(
            own,
            "CDDDCCDDDCCDDDDCCDDDDDCCDDDDDDCCDDDDDDDCCDDDDDDDDCCDDDCCDDDC"
        );
    }

    #[test]
    fn unknown_length_allows_fresh_starts() {
        assert!(enough_rounds_left(None, 1_000_000));
        assert!(enough_rounds_left(Some(200), 190));
        assert!(!enough_rounds_left(Some(200), 191));
    }
}
