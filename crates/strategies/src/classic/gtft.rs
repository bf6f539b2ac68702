//! GTFT (Generous Tit For Tat): Tit For Tat that forgives a defection with
//! probability `p`.
//!
//! Rule: cooperate first; after a partner cooperation cooperate; after a
//! partner defection cooperate with probability `p`. Nowak and Sigmund
//! (1992); `GTFT` in the Python `axelrod` library, a memory-one player with
//! the four-vector `(1, p, 1, p)`.
//!
//! By default `p` is computed from the payoffs, as in `axelrod`:
//! `p = min(1 - (T - R) / (R - S), (R - P) / (T - P))`, the most generous
//! forgiveness that still deters exploitation. Here it is computed each
//! round from the player's own current payoffs ([`Situation::payoffs`](twolevel_game::Situation::payoffs)), so it
//! follows politicization in a two-level game; with Axelrod's payoffs it is
//! 1/3. A value outside [0, 1] (possible for payoffs that are not a
//! prisoner's dilemma, where `axelrod` would raise an error) is clamped into
//! [0, 1], and an undefined value (`R = S` or `T = P`) is taken as 0, which
//! is Tit For Tat.
//!
//! The name is `"GTFT: <p rounded to 2 places>"` as in `axelrod`; for the
//! payoff-derived default it is `"GTFT: 0.33"`, the value in the classic
//! game.

use rand_core::Rng;
use twolevel_game::{
    Action, Classifier, MemoryOnePlayer, ParameterError, PayoffMatrix, Strategy, View,
};

use crate::draw::reactive_choice;
use crate::python_format::python_float;
use crate::registry::{Limit, ParamKind, ParamSpec, StrategyEntry};

/// Where the forgiveness probability comes from.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Generosity {
    /// Computed from the player's current payoffs each round.
    FromPayoffs,
    /// A fixed probability.
    Fixed(f64),
}

/// Copies a cooperation, forgives a defection with probability `p`.
#[derive(Clone, Debug)]
pub struct Gtft {
    generosity: Generosity,
    name: String,
}

/// `axelrod`'s spelling of the type name.
pub type GTFT = Gtft;

impl Gtft {
    /// A player that forgives a defection with the fixed probability `p`.
    ///
    /// # Errors
    ///
    /// `p` must be a probability in [0, 1].
    pub fn new(p: f64) -> Result<Self, ParameterError> {
        let p = twolevel_game::error::check_unit_interval("p", p)?;
        Ok(Gtft {
            generosity: Generosity::Fixed(p),
            name: gtft_name(p),
        })
    }

    /// The forgiveness probability this player uses with the given payoffs.
    #[must_use]
    pub fn forgiveness(&self, payoffs: &PayoffMatrix) -> f64 {
        match self.generosity {
            Generosity::Fixed(p) => p,
            Generosity::FromPayoffs => generous_probability(payoffs),
        }
    }
}

impl Default for Gtft {
    /// The payoff-derived forgiveness of `axelrod`'s default.
    fn default() -> Self {
        Gtft {
            generosity: Generosity::FromPayoffs,
            name: gtft_name(generous_probability(&PayoffMatrix::AXELROD)),
        }
    }
}

/// `min(1 - (T - R) / (R - S), (R - P) / (T - P))`, clamped into [0, 1],
/// and 0 when undefined.
fn generous_probability(payoffs: &PayoffMatrix) -> f64 {
    let (r, s, t, p) = (payoffs.r(), payoffs.s(), payoffs.t(), payoffs.p());
    let value = (1.0 - (t - r) / (r - s)).min((r - p) / (t - p));
    if value.is_nan() {
        0.0
    } else {
        value.clamp(0.0, 1.0)
    }
}

/// `"GTFT: "` and `p` rounded to two decimals, printed as Python prints it.
fn gtft_name(p: f64) -> String {
    let rounded: f64 = format!("{p:.2}").parse().unwrap_or(p);
    format!("GTFT: {}", python_float(rounded))
}

impl Strategy for Gtft {
    fn name(&self) -> &str {
        &self.name
    }

    fn classifier(&self) -> Classifier {
        Classifier::stochastic(Some(1))
    }

    fn decide(&mut self, view: &View<'_>, rng: &mut dyn Rng) -> Action {
        reactive_choice(view, 1.0, self.forgiveness(&view.payoffs), rng)
    }

    fn reset(&mut self) {}

    fn memory_one(&self) -> Option<MemoryOnePlayer> {
        // A forgiveness computed from the payoffs follows the view's payoffs,
        // which may change from round to round.
        match self.generosity {
            Generosity::Fixed(p) => MemoryOnePlayer::reactive(1.0, 1.0, p).ok(),
            Generosity::FromPayoffs => None,
        }
    }
}

/// The registry entry of [`Gtft`].
pub(crate) const ENTRY: StrategyEntry = StrategyEntry::new(
    "GTFT",
    "Copies a cooperation, forgives a defection with probability `p`.",
    |params| match params.optional_number("p") {
        Some(p) => params.finish(Gtft::new(p)),
        None => params.finish(Ok(Gtft::default())),
    },
)
.with_aliases(&["Generous Tit For Tat", "Generous TFT"])
.with_params(&[ParamSpec::new(
    "p",
    ParamKind::Number {
        default: None,
        min: Limit::Closed(0.0),
        max: Limit::Closed(1.0),
    },
    "The probability of forgiving a defection (default: computed from the payoffs, 1/3 in the classic game).",
)]);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assertions::{assert_binomial, assert_replays_identically};
    use crate::classic::Defector;
    use crate::testing::{play, play_seeded};

    #[test]
    fn default_forgiveness_is_one_third_in_the_classic_game() {
        let gtft = Gtft::default();
        assert_eq!(gtft.name(), "GTFT: 0.33");
        assert!((gtft.forgiveness(&PayoffMatrix::AXELROD) - 1.0 / 3.0).abs() < 1e-15);
        // R, S, T, P = 4, 0, 5, 1: min(1 - 1/4, 3/4) = 0.75.
        let generous = PayoffMatrix::new(4.0, 0.0, 5.0, 1.0).unwrap();
        assert_eq!(gtft.forgiveness(&generous), 0.75);
    }

    #[test]
    fn forgives_defections_at_rate_p() {
        let (moves, _) = play_seeded(&mut Gtft::default(), &mut Defector, 20_001, 11);
        assert_eq!(&moves[..1], "C");
        assert_binomial(&moves[1..], 1.0 / 3.0);
        let mut fixed = Gtft::new(0.1).unwrap();
        assert_eq!(fixed.name(), "GTFT: 0.1");
        // Python's round(0.125, 2) is 0.12 (the tie goes to even).
        assert_eq!(Gtft::new(0.125).unwrap().name(), "GTFT: 0.12");
        assert_eq!(Gtft::new(1.0).unwrap().name(), "GTFT: 1.0");
        let (moves, _) = play_seeded(&mut fixed, &mut Defector, 20_001, 12);
        assert_binomial(&moves[1..], 0.1);
    }

    #[test]
    fn zero_generosity_is_tit_for_tat() {
        let mut tft_like = Gtft::new(0.0).unwrap();
        assert_eq!(play(&mut tft_like, &mut Defector, 5).0, "CDDDD");
    }

    #[test]
    fn reset_and_replay_is_identical() {
        assert_replays_identically(&mut Gtft::default(), &mut Defector, 5);
    }

    #[test]
    fn rejects_probabilities_outside_the_unit_interval() {
        assert_eq!(Gtft::new(-0.1).unwrap_err().field, "p");
    }
}
