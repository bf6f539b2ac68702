//! First by Feld: Tit For Tat whose cooperation fades over the match.
//!
//! Rule: cooperate first; after a partner defection defect; after a partner
//! cooperation cooperate with a probability that falls linearly from
//! `start` (1.0) to `end` (0.5) over `rounds_of_decay` (200) rounds and
//! stays at `end` afterwards: in round `n` (counted from 0) it is
//! `max(start + (end - start) n / rounds_of_decay, end)`. Scott Feld's
//! entry, eleventh in Axelrod's first tournament (Axelrod 1980);
//! `FirstByFeld` in the Python `axelrod` library, named
//! `"First by Feld: 1.0, 0.5, 200"`.

use rand_core::Rng;
use twolevel_game::{Action, Classifier, ParameterError, Strategy, View};

use crate::draw::random_choice;
use crate::python_format::python_float;
use crate::registry::{ParamKind, ParamSpec, StrategyEntry};

/// Tit For Tat with a cooperation probability that decays over the match.
#[derive(Clone, Debug)]
pub struct FirstByFeld {
    start: f64,
    end: f64,
    rounds_of_decay: u32,
    name: String,
}

impl FirstByFeld {
    /// A player whose probability of answering a cooperation with a
    /// cooperation falls from `start` to `end` over `rounds_of_decay`
    /// rounds.
    ///
    /// # Errors
    ///
    /// `start` and `end` must be probabilities in [0, 1] and
    /// `rounds_of_decay` at least 1.
    pub fn new(start: f64, end: f64, rounds_of_decay: u32) -> Result<Self, ParameterError> {
        let start = twolevel_game::error::check_unit_interval("start", start)?;
        let end = twolevel_game::error::check_unit_interval("end", end)?;
        if rounds_of_decay == 0 {
            return Err(ParameterError::new(
                "rounds_of_decay",
                "expected at least 1 round",
            ));
        }
        Ok(FirstByFeld {
            start,
            end,
            rounds_of_decay,
            name: format!(
                "First by Feld: {}, {}, {rounds_of_decay}",
                python_float(start),
                python_float(end)
            ),
        })
    }

    /// The probability of answering a cooperation with a cooperation in the
    /// given round (counted from 0).
    #[must_use]
    pub fn cooperation_probability(&self, round: usize) -> f64 {
        let slope = (self.end - self.start) / f64::from(self.rounds_of_decay);
        (self.start + slope * round as f64).max(self.end)
    }
}

impl Default for FirstByFeld {
    /// From 1.0 to 0.5 over 200 rounds, as in Axelrod's report.
    fn default() -> Self {
        FirstByFeld {
            start: 1.0,
            end: 0.5,
            rounds_of_decay: 200,
            name: "First by Feld: 1.0, 0.5, 200".to_owned(),
        }
    }
}

impl Strategy for FirstByFeld {
    fn name(&self) -> &str {
        &self.name
    }

    fn classifier(&self) -> Classifier {
        Classifier::stochastic(Some(self.rounds_of_decay))
    }

    fn decide(&mut self, view: &View<'_>, rng: &mut dyn Rng) -> Action {
        match view.partner_last() {
            None => Action::C,
            Some(Action::D) => Action::D,
            Some(Action::C) => random_choice(self.cooperation_probability(view.turn()), rng),
        }
    }

    fn reset(&mut self) {}
}

/// The registry entry of [`FirstByFeld`].
pub(crate) const ENTRY: StrategyEntry = StrategyEntry::new(
    "First by Feld",
    "Tit For Tat with a cooperation probability that decays over the match.",
    |params| {
        params.finish(FirstByFeld::new(
            params.number("start"),
            params.number("end"),
            params.count("rounds_of_decay"),
        ))
    },
)
.with_params(&[
    ParamSpec::new(
        "start",
        ParamKind::probability(1.0),
        "The probability of answering a cooperation with a cooperation at the start.",
    ),
    ParamSpec::new(
        "end",
        ParamKind::probability(0.5),
        "That probability after the decay.",
    ),
    ParamSpec::new(
        "rounds_of_decay",
        ParamKind::count(200, 1),
        "The number of rounds over which the probability falls from `start` to `end`.",
    ),
]);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assertions::{assert_binomial, assert_replays_identically};
    use crate::classic::{Cooperator, Defector};
    use crate::testing::{play, play_seeded};

    #[test]
    fn probability_decays_linearly_to_the_floor() {
        let feld = FirstByFeld::default();
        assert_eq!(feld.name(), "First by Feld: 1.0, 0.5, 200");
        assert_eq!(feld.cooperation_probability(0), 1.0);
        assert_eq!(feld.cooperation_probability(100), 0.75);
        assert_eq!(feld.cooperation_probability(200), 0.5);
        assert_eq!(feld.cooperation_probability(5_000), 0.5);
    }

    #[test]
    fn answers_defection_with_defection() {
        assert_eq!(
            play(&mut FirstByFeld::default(), &mut Defector, 5).0,
            "CDDDD"
        );
    }

    #[test]
    fn cooperates_at_the_floor_late_in_the_match() {
        let (moves, _) = play_seeded(&mut FirstByFeld::default(), &mut Cooperator, 20_200, 8);
        assert_binomial(&moves[200..], 0.5);
        // The very first rounds are almost surely cooperative.
        assert_eq!(&moves[..2], "CC");
    }

    #[test]
    fn reset_and_replay_is_identical() {
        assert_replays_identically(&mut FirstByFeld::default(), &mut Cooperator, 2);
        assert_eq!(
            FirstByFeld::new(1.0, 0.5, 0).unwrap_err().field,
            "rounds_of_decay"
        );
    }
}
