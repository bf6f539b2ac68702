//! Generic Memory One Player: cooperates with a probability that depends
//! only on the previous round's outcome.
//!
//! Rule: in the first round cooperate with probability `first`; then, after
//! the outcome `(own, partner)` of the previous round (own move as played,
//! partner's move as perceived), cooperate with probability `p_CC`, `p_CD`,
//! `p_DC` or `p_DD`. Nowak and Sigmund (1990, 1993); `MemoryOnePlayer` in
//! the Python `axelrod` library, named
//! `"Generic Memory One Player: (p_CC, p_CD, p_DC, p_DD), C"` (the last
//! entry is the first move, `C` or `D`, or its probability when it is
//! neither 0 nor 1). Tit For Tat is `(1, 0, 1, 0), C`, Win-Stay Lose-Shift
//! `(1, 0, 0, 1), C` (the default, as in `axelrod`).
//!
//! As `axelrod`'s `random_choice`, a move with probability 0 or 1 draws no
//! random number, so a player whose probabilities are all 0 or 1 is
//! deterministic and never touches the RNG. The exact payoffs of a match
//! between two memory-one players are given by
//! [`twolevel_game::MemoryOneChain`]; [`MemoryOne::player`] is the
//! analytic side of this strategy.

use rand_core::Rng;
use twolevel_game::{Action, Classifier, MemoryOnePlayer, Outcome, ParameterError, Strategy, View};

use crate::draw::random_choice;
use crate::python_format::python_float;
use crate::registry::{ParamKind, ParamSpec, StrategyEntry};

/// A memory-one player given by its four-vector and first move.
#[derive(Clone, Debug)]
pub struct MemoryOne {
    player: MemoryOnePlayer,
    name: String,
}

impl MemoryOne {
    /// A player with the four-vector `(p_CC, p_CD, p_DC, p_DD)` (the
    /// probability to cooperate after each outcome, own move first) that
    /// cooperates in the first round with probability `first`.
    ///
    /// # Errors
    ///
    /// Every probability must lie in [0, 1]; the error names the entry
    /// (`p_CC`, `p_CD`, `p_DC`, `p_DD` or `first`).
    pub fn new(four_vector: [f64; 4], first: f64) -> Result<Self, ParameterError> {
        MemoryOnePlayer::new(four_vector, first).map(MemoryOne::from_player)
    }

    /// The strategy of an analytic memory-one player, with the generic
    /// name.
    #[must_use]
    pub fn from_player(player: MemoryOnePlayer) -> Self {
        let name = generic_name(&player);
        MemoryOne { player, name }
    }

    /// The same player under another display name (used by the named
    /// memory-one strategies, such as the zero-determinant ones).
    #[must_use]
    pub fn with_name(mut self, name: impl Into<String>) -> Self {
        self.name = name.into();
        self
    }

    /// The analytic player, for [`twolevel_game::MemoryOneChain`].
    #[must_use]
    pub const fn player(&self) -> &MemoryOnePlayer {
        &self.player
    }

    /// The four-vector `(p_CC, p_CD, p_DC, p_DD)`.
    #[must_use]
    pub const fn four_vector(&self) -> [f64; 4] {
        self.player.four_vector()
    }

    /// The probability of cooperating in the first round.
    #[must_use]
    pub const fn first_cooperation(&self) -> f64 {
        self.player.first_cooperation()
    }
}

impl Default for MemoryOne {
    /// `axelrod`'s default: Win-Stay Lose-Shift, `(1, 0, 0, 1)`, C first.
    fn default() -> Self {
        MemoryOne::from_player(MemoryOnePlayer::WIN_STAY_LOSE_SHIFT)
    }
}

/// A probability as `axelrod` prints the entries of a four-vector that are
/// usually written as integers: `0` and `1` bare, others as Python floats.
pub(crate) fn probability_text(p: f64) -> String {
    if p == 0.0 || p == 1.0 {
        format!("{p}")
    } else {
        python_float(p)
    }
}

/// `"Generic Memory One Player: (p_CC, p_CD, p_DC, p_DD), first"`.
fn generic_name(player: &MemoryOnePlayer) -> String {
    let [cc, cd, dc, dd] = player.four_vector().map(probability_text);
    let first = match player.first_cooperation() {
        1.0 => "C".to_owned(),
        0.0 => "D".to_owned(),
        p => python_float(p),
    };
    format!("Generic Memory One Player: ({cc}, {cd}, {dc}, {dd}), {first}")
}

impl Strategy for MemoryOne {
    fn name(&self) -> &str {
        &self.name
    }

    fn classifier(&self) -> Classifier {
        if self.player.is_deterministic() {
            Classifier::deterministic(Some(1))
        } else {
            Classifier::stochastic(Some(1))
        }
    }

    fn decide(&mut self, view: &View<'_>, rng: &mut dyn Rng) -> Action {
        let p = match (view.own_last(), view.partner_last()) {
            (Some(own), Some(partner)) => self.player.cooperation_after(Outcome::new(own, partner)),
            _ => self.player.first_cooperation(),
        };
        random_choice(p, rng)
    }

    fn reset(&mut self) {}

    fn memory_one(&self) -> Option<MemoryOnePlayer> {
        Some(self.player)
    }
}

/// The registry entry of [`MemoryOne`], registered under the name of
/// `axelrod`'s generic player (its display name appends the vector).
pub(crate) const ENTRY: StrategyEntry = StrategyEntry::new(
    "Generic Memory One Player",
    "Cooperates with probability p_CC, p_CD, p_DC or p_DD after the last outcome, with probability `first` in the first round.",
    |params| {
        let vector = ["p_CC", "p_CD", "p_DC", "p_DD"].map(|name| params.number(name));
        params.finish(MemoryOne::new(vector, params.number("first")))
    },
)
.with_aliases(&["MemoryOne"])
.with_params(&[
    ParamSpec::new(
        "p_CC",
        ParamKind::probability(1.0),
        "The probability of cooperating after mutual cooperation.",
    ),
    ParamSpec::new(
        "p_CD",
        ParamKind::probability(0.0),
        "The probability of cooperating after its cooperation met a defection.",
    ),
    ParamSpec::new(
        "p_DC",
        ParamKind::probability(0.0),
        "The probability of cooperating after its defection met a cooperation.",
    ),
    ParamSpec::new(
        "p_DD",
        ParamKind::probability(1.0),
        "The probability of cooperating after mutual defection.",
    ),
    ParamSpec::new(
        "first",
        ParamKind::probability(1.0),
        "The probability of cooperating in the first round.",
    ),
]);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assertions::{assert_binomial, assert_replays_identically};
    use crate::classic::{Alternator, Cooperator, Defector};
    use crate::testing::{play, play_seeded};

    #[test]
    fn names_follow_axelrod() {
        assert_eq!(
            MemoryOne::new([0.0, 0.0, 1.0, 1.0], 1.0).unwrap().name(),
            "Generic Memory One Player: (0, 0, 1, 1), C"
        );
        assert_eq!(
            MemoryOne::new([1.0, 0.5, 1.0, 0.5], 0.0).unwrap().name(),
            "Generic Memory One Player: (1, 0.5, 1, 0.5), D"
        );
        assert_eq!(
            MemoryOne::default().name(),
            "Generic Memory One Player: (1, 0, 0, 1), C"
        );
    }

    #[test]
    fn deterministic_vectors_reproduce_classic_strategies() {
        // Tit For Tat, Win-Stay Lose-Shift and Alternator as four-vectors.
        let mut tft = MemoryOne::new([1.0, 0.0, 1.0, 0.0], 1.0).unwrap();
        assert_eq!(play(&mut tft, &mut Alternator, 6).0, "CCDCDC");
        let mut wsls = MemoryOne::default();
        assert_eq!(play(&mut wsls, &mut Defector, 5).0, "CDCDC");
        let mut alternator = MemoryOne::new([0.0, 0.0, 1.0, 1.0], 1.0).unwrap();
        assert_eq!(play(&mut alternator, &mut Cooperator, 5).0, "CDCDC");
        assert_eq!(tft.classifier(), Classifier::deterministic(Some(1)));
    }

    #[test]
    fn cooperates_at_the_probability_of_the_last_outcome() {
        // Against ALLD every round after the first follows CD or DD.
        let mut player = MemoryOne::new([1.0, 0.3, 1.0, 0.3], 1.0).unwrap();
        assert!(player.classifier().stochastic);
        let (moves, _) = play_seeded(&mut player, &mut Defector, 20_001, 3);
        assert_eq!(&moves[..1], "C");
        assert_binomial(&moves[1..], 0.3);
        let mut first = MemoryOne::new([1.0; 4], 0.25).unwrap();
        let firsts: String = (0..4000)
            .map(|seed| play_seeded(&mut first, &mut Cooperator, 1, seed).0)
            .collect();
        assert_binomial(&firsts, 0.25);
    }

    #[test]
    fn reset_and_replay_is_identical() {
        let mut player = MemoryOne::new([0.9, 0.2, 0.6, 0.1], 0.5).unwrap();
        assert_replays_identically(&mut player, &mut Alternator, 5);
    }

    #[test]
    fn rejects_probabilities_outside_the_unit_interval() {
        let err = MemoryOne::new([1.0, 0.0, -0.5, 0.0], 1.0).unwrap_err();
        assert_eq!(err.field, "p_DC");
        assert!(err.to_string().contains("[0, 1]"), "{err}");
        assert_eq!(MemoryOne::new([1.0; 4], 2.0).unwrap_err().field, "first");
    }
}
