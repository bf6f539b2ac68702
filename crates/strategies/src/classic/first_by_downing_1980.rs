//! First by Downing (1980 description): Downing's outcome maximiser with
//! the pessimistic initial estimates Axelrod (1980a) describes.
//!
//! Axelrod (1980a) describes Downing's first-tournament rule: it assumes
//! the other player cooperates with a fixed probability that depends only
//! on its own previous move, keeps the two estimates up to date, and
//! maximises its expected payoff; "initially, they are both assumed to be
//! .5, which amounts to the pessimistic assumption that the other player
//! is not responsive". Downing's program survives in Axelrod's Fortran as
//! the revised version he re-entered in the second tournament (function
//! `K59R` of Axelrod-Python/TourExec, "same as round one rev. Downing"),
//! whose only revision Axelrod names is the optimistic start (1 and 0).
//! This player is that Fortran rule with the 1980 start:
//!
//! - `good` estimates P(partner C | own C) and `bad` P(partner C | own D),
//!   both 0.5 until the first observation of each; from the third round on,
//!   the partner's last move is counted as a reply to the player's move one
//!   round before it, and each estimate is the share of cooperative
//!   replies;
//! - with `c = 6 good - 8 bad - 2` and `alt = 4 good - 5 bad - 1` (twice
//!   the expected gain per round of always cooperating, and of alternating,
//!   over always defecting, for R, S, T, P = 3, 0, 5, 1, as the Fortran
//!   writes them): cooperate if `c >= 0` and `c >= alt`; otherwise repeat
//!   the opposite of its own last move if `c >= 0` or `alt >= 0`; otherwise
//!   defect.
//!
//! With both estimates at 0.5 the rule defects on the first two moves,
//! which the `axelrod` library's `First by Downing` also does but derives
//! from a different estimator (phantom counts, the game's payoffs, no
//! alternation branch).

use rand_core::Rng;
use twolevel_game::{Action, Classifier, Strategy, View};

use crate::registry::{StrategyEntry, default_build};

/// The initial estimate of both response probabilities.
const INITIAL_ESTIMATE: f64 = 0.5;

/// Downing's first-tournament rule as Axelrod (1980a) describes it.
#[derive(Clone, Debug)]
pub struct FirstByDowning1980 {
    /// The estimate of P(partner C | own C).
    good: f64,
    /// The estimate of P(partner C | own D).
    bad: f64,
    /// Partner cooperations that answered an own cooperation.
    nice_after_cooperation: u32,
    /// Partner cooperations that answered an own defection.
    nice_after_defection: u32,
    /// Own cooperations whose reply has been seen.
    cooperations: u32,
    /// Own defections whose reply has been seen.
    defections: u32,
}

impl Default for FirstByDowning1980 {
    fn default() -> Self {
        FirstByDowning1980 {
            good: INITIAL_ESTIMATE,
            bad: INITIAL_ESTIMATE,
            nice_after_cooperation: 0,
            nice_after_defection: 0,
            cooperations: 0,
            defections: 0,
        }
    }
}

impl Strategy for FirstByDowning1980 {
    fn name(&self) -> &str {
        "First by Downing (1980 description)"
    }

    fn classifier(&self) -> Classifier {
        Classifier::deterministic(None)
    }

    fn decide(&mut self, view: &View<'_>, _rng: &mut dyn Rng) -> Action {
        let turn = view.turn();
        if turn >= 2 {
            let replied = view.partner[turn - 1].is_cooperation();
            match view.own[turn - 2] {
                Action::C => {
                    self.cooperations += 1;
                    self.nice_after_cooperation += u32::from(replied);
                    self.good =
                        f64::from(self.nice_after_cooperation) / f64::from(self.cooperations);
                }
                Action::D => {
                    self.defections += 1;
                    self.nice_after_defection += u32::from(replied);
                    self.bad = f64::from(self.nice_after_defection) / f64::from(self.defections);
                }
            }
        }
        let cooperate = 6.0 * self.good - 8.0 * self.bad - 2.0;
        let alternate = 4.0 * self.good - 5.0 * self.bad - 1.0;
        if cooperate >= 0.0 && cooperate >= alternate {
            Action::C
        } else if cooperate >= 0.0 || alternate >= 0.0 {
            // The Fortran's own previous move starts as a cooperation.
            view.own.last().map_or(Action::D, |last| last.flip())
        } else {
            Action::D
        }
    }

    fn reset(&mut self) {
        *self = FirstByDowning1980::default();
    }
}

/// The registry entry of [`FirstByDowning1980`].
pub(crate) const ENTRY: StrategyEntry = StrategyEntry::new(
    "First by Downing (1980 description)",
    "Downing's outcome maximiser (Axelrod's Fortran) with the 1980 start: both response estimates 0.5.",
    default_build::<FirstByDowning1980, _>,
)
.with_aliases(&["First by Downing 1980"]);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::TitForTat;
    use crate::classic::{Alternator, Cooperator, Cycler, Defector};
    use crate::testing::play;

    #[test]
    fn expected_sequences() {
        let mut player = FirstByDowning1980::default();
        // Against a cooperator: bad = 1 after the first reply, so c = -7.
        assert_eq!(play(&mut player, &mut Cooperator, 6).0, "DDDDDD");
        // Against a defector: bad = 0 makes cooperation pay (c = 1) until
        // the replies to its cooperations set good = 0.
        assert_eq!(play(&mut player, &mut Defector, 8).0, "DDCCDDDD");
        // Against tit for tat: the two opening defections are answered, then
        // bad = 0, good = 1 and mutual cooperation follows.
        let (own, partner) = play(&mut player, &mut TitForTat, 8);
        assert_eq!(own, "DDCCCCCC");
        assert_eq!(partner, "CDDCCCCC");
    }

    #[test]
    fn alternates_when_alternation_pays() {
        // Against the cycle CDDD the estimates pass through values where
        // c < 0 <= alt or 0 <= c < alt, and the rule flips its own last
        // move (the C, C, D, C, D after the opening). The sequences were
        // worked out independently with a transcription of the Fortran
        // rule.
        let mut cycler = Cycler::new("CDDD").unwrap();
        let (own, _) = play(&mut FirstByDowning1980::default(), &mut cycler, 16);
        assert_eq!(own, "DDCCDCCDCDDDDDDD");
        assert_eq!(
            play(&mut FirstByDowning1980::default(), &mut Alternator, 12).0,
            "DDCDDDDDDDDD"
        );
    }

    #[test]
    fn reset_forgets_the_estimates() {
        let mut player = FirstByDowning1980::default();
        let first = play(&mut player, &mut Defector, 10).0;
        player.reset();
        assert_eq!(play(&mut player, &mut Defector, 10).0, first);
    }
}
