//! Nationalist Defector: pure politics.
//!
//! Rule: defect, every round. In the two-level game a defection always
//! gains relative to the partner (`political = kappa * (policy_i -
//! policy_j) + b * [a_i == D]` is higher after `D` whatever the partner
//! does), so defection maximises the political payoff; the nationalist
//! plays to the home crowd, publicly (its preset has visibility 1, so its
//! defections raise politicization).
//!
//! The parameter `reciprocate_below` (a politicization threshold in [0, 1],
//! default 0 = never) makes it play Tit For Tat while the current
//! politicization `pi` is below the threshold: a nationalist that only
//! plays to the crowd once the crowd is watching.
//!
//! Source: `docs/model.md` section 1 and `docs/strategies.md`; the seed article ("politics is about
//! relative gains"; megaphone diplomacy).

use rand_core::Rng;
use twolevel_game::error::check_unit_interval;
use twolevel_game::{Action, Classifier, ParameterError, Strategy, View};

use crate::registry::{ParamKind, ParamSpec, StrategyEntry};

/// Defects to score at home; optionally reciprocates while politicization
/// is low.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct NationalistDefector {
    reciprocate_below: f64,
}

impl NationalistDefector {
    /// A nationalist that plays Tit For Tat while `pi < reciprocate_below`
    /// (in [0, 1]) and defects otherwise.
    pub fn new(reciprocate_below: f64) -> Result<Self, ParameterError> {
        Ok(NationalistDefector {
            reciprocate_below: check_unit_interval("reciprocate_below", reciprocate_below)?,
        })
    }

    /// The politicization threshold below which it reciprocates.
    #[must_use]
    pub fn reciprocate_below(&self) -> f64 {
        self.reciprocate_below
    }
}

impl Strategy for NationalistDefector {
    fn name(&self) -> &str {
        "Nationalist Defector"
    }

    fn classifier(&self) -> Classifier {
        let reciprocates = self.reciprocate_below > 0.0;
        Classifier {
            memory_depth: Some(u32::from(reciprocates)),
            uses_politicization: true,
            ..Classifier::deterministic(None)
        }
    }

    fn decide(&mut self, view: &View<'_>, _rng: &mut dyn Rng) -> Action {
        if view.politicization < self.reciprocate_below {
            view.partner_last().unwrap_or(Action::C)
        } else {
            Action::D
        }
    }

    fn reset(&mut self) {}
}

/// The registry entry of [`NationalistDefector`].
pub(crate) const ENTRY: StrategyEntry = StrategyEntry::new(
    "Nationalist Defector",
    "Defects to score at home; optionally reciprocates while politicization is low.",
    |params| params.finish(NationalistDefector::new(params.number("reciprocate_below"))),
)
.with_aliases(&["Nationalist"])
.with_params(&[ParamSpec::new(
    "reciprocate_below",
    ParamKind::probability(0.0),
    "It plays tit for tat while politicization is below this level (0: it always defects).",
)]);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{SequencePlayer, play};
    use crate::{Cooperator, TitForTat};
    use rand::SeedableRng;
    use rand_pcg::Pcg64Mcg;
    use twolevel_game::{PayoffMatrix, Situation};

    #[test]
    fn defects_whatever_the_partner_does() {
        let (own, _) = play(&mut NationalistDefector::default(), &mut Cooperator, 4);
        assert_eq!(own, "DDDD");
        let (own, other) = play(&mut NationalistDefector::default(), &mut TitForTat, 4);
        assert_eq!((own.as_str(), other.as_str()), ("DDDD", "CDDD"));
    }

    #[test]
    fn reciprocates_only_while_politicization_is_low() {
        let payoffs = PayoffMatrix::AXELROD;
        let own = [Action::C, Action::C];
        let partner = [Action::C, Action::D];
        let mut rng = Pcg64Mcg::seed_from_u64(0);
        let mut player = NationalistDefector::new(0.5).unwrap();
        let at = |pi: f64| Situation {
            politicization: pi,
            ..Situation::classic(payoffs)
        };
        let (low, high) = (at(0.2), at(0.5));
        let view = |situation| View::new(&own[..1], &partner[..1], situation);
        assert_eq!(player.decide(&view(&low), &mut rng), Action::C);
        assert_eq!(player.decide(&view(&high), &mut rng), Action::D);
        // At pi = 0 (the classic game) it is Tit For Tat.
        let mut partner = SequencePlayer::from_letters("CDCC");
        let (own, _) = play(&mut player, &mut partner, 5);
        assert_eq!(own, "CCDCC");
    }

    #[test]
    fn reads_politicization_and_validates_the_threshold() {
        assert!(
            NationalistDefector::default()
                .classifier()
                .uses_politicization
        );
        assert_eq!(
            NationalistDefector::new(1.5).unwrap_err().field,
            "reciprocate_below"
        );
    }
}
