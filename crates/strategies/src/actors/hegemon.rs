//! Hegemon: a state that pays for cooperation.
//!
//! Rule: play tit for tat (or grim trigger, the parameter `reciprocity`),
//! and after every round in which the partner cooperated pay it a side
//! payment `t` of policy payoff, of which the partner gains `eta t`
//! (`docs/model.md` section 14; the match engine pays it, see
//! `twolevel_tournament::play`). The carrot is the state's standing policy
//! (its [`Instruments`]); its wealth `W` is a per-round budget and a
//! transfer above it is rejected (the error names `transfer`).
//!
//! Sources: Kindleberger (1973) and the theory of hegemonic stability: a
//! hegemon underwrites cooperation by paying for it; Keohane (1984, *After
//! Hegemony*) on side payments among states; Putnam (1988) on side
//! payments that enlarge a partner's win-set; the seed article ("wealth
//! enables the state to buy influence ... One is a carrot").

use rand_core::Rng;
use twolevel_game::error::check_non_negative;
use twolevel_game::{
    Action, Carrot, Classifier, Instruments, ParameterError, Resources, Strategy, View,
};

use super::retaliation::Retaliation;
use crate::registry::{Limit, ParamKind, ParamSpec, StrategyEntry};

/// Tit for tat (or grim) that pays a carrot after each of the partner's
/// cooperations.
#[derive(Clone, Debug, PartialEq)]
pub struct Hegemon {
    carrot: Carrot,
    wealth: f64,
    reciprocity: Retaliation,
    grudge: bool,
}

impl Hegemon {
    /// A hegemon with per-round `wealth` that pays `transfer` after each
    /// of the partner's cooperations, of which the partner gains
    /// `leakage * transfer`. Errors name `wealth` (negative), `transfer`
    /// (negative or above the wealth) or `leakage` (outside [0, 1]).
    pub fn new(
        transfer: f64,
        leakage: f64,
        wealth: f64,
        reciprocity: Retaliation,
    ) -> Result<Self, ParameterError> {
        let wealth = check_non_negative("wealth", wealth)?;
        let carrot = Resources::new(wealth, 0.0)?.carrot(transfer, leakage)?;
        Ok(Hegemon {
            carrot,
            wealth,
            reciprocity,
            grudge: false,
        })
    }

    /// The carrot it pays.
    #[must_use]
    pub fn carrot(&self) -> Carrot {
        self.carrot
    }

    /// Its per-round wealth `W`.
    #[must_use]
    pub fn wealth(&self) -> f64 {
        self.wealth
    }

    /// How its moves reciprocate.
    #[must_use]
    pub fn reciprocity(&self) -> Retaliation {
        self.reciprocity
    }
}

impl Strategy for Hegemon {
    fn name(&self) -> &str {
        "Hegemon"
    }

    fn classifier(&self) -> Classifier {
        Classifier::deterministic(self.reciprocity.memory_depth())
    }

    fn decide(&mut self, view: &View<'_>, _rng: &mut dyn Rng) -> Action {
        self.reciprocity.decide(view, &mut self.grudge)
    }

    fn reset(&mut self) {
        self.grudge = false;
    }

    fn instruments(&self) -> Instruments {
        Instruments {
            carrot: Some(self.carrot),
            stick: None,
        }
    }
}

/// The registry entry of [`Hegemon`].
pub(crate) const ENTRY: StrategyEntry = StrategyEntry::new(
    "Hegemon",
    "Tit for tat (or grim) that pays a side payment after each of the partner's cooperations.",
    |params| {
        let reciprocity = match Retaliation::from_name(params.text("reciprocity")) {
            Ok(rule) => rule,
            Err(error) => return Err(params.invalid(&error.field, error.reason)),
        };
        params.finish(Hegemon::new(
            params.number("transfer"),
            params.number("leakage"),
            params.number("wealth"),
            reciprocity,
        ))
    },
)
.with_params(&[
    ParamSpec::new(
        "transfer",
        ParamKind::Number {
            default: Some(1.0),
            min: Limit::Closed(0.0),
            max: Limit::Open(f64::INFINITY),
        },
        "The side payment t paid after each round in which the partner cooperated (at most the wealth).",
    ),
    ParamSpec::new(
        "leakage",
        ParamKind::probability(1.0),
        "The share eta of the side payment that reaches the partner.",
    ),
    ParamSpec::new(
        "wealth",
        ParamKind::Number {
            default: Some(1.0),
            min: Limit::Closed(0.0),
            max: Limit::Open(f64::INFINITY),
        },
        "The per-round wealth W that bounds the side payment.",
    ),
    ParamSpec::new(
        "reciprocity",
        Retaliation::PARAM,
        "How its moves reciprocate: tit for tat or grim trigger.",
    ),
]);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::SequencePlayer;
    use crate::testing::play;
    use crate::{Cooperator, Defector};

    #[test]
    fn plays_tit_for_tat_or_grim_and_declares_its_carrot() {
        let mut tft = Hegemon::new(1.0, 0.5, 2.0, Retaliation::TitForTat).unwrap();
        let (own, _) = play(&mut tft, &mut SequencePlayer::from_letters("CDCC"), 5);
        assert_eq!(own, "CCDCC");
        let mut grim = Hegemon::new(1.0, 0.5, 2.0, Retaliation::Grim).unwrap();
        let (own, _) = play(&mut grim, &mut SequencePlayer::from_letters("CDCC"), 5);
        assert_eq!(own, "CCDDD");
        assert_eq!(play(&mut grim, &mut Cooperator, 3).0, "CCC");
        assert_eq!(play(&mut tft, &mut Defector, 3).0, "CDD");
        let carrot = tft.instruments().carrot.unwrap();
        assert_eq!((carrot.transfer(), carrot.received()), (1.0, 0.5));
        assert_eq!(tft.instruments().stick, None);
    }

    #[test]
    fn a_transfer_above_the_wealth_is_rejected_by_name() {
        let err = Hegemon::new(2.0, 1.0, 1.0, Retaliation::TitForTat).unwrap_err();
        assert_eq!(err.field, "transfer");
        let err = Hegemon::new(0.5, 1.5, 1.0, Retaliation::TitForTat).unwrap_err();
        assert_eq!(err.field, "leakage");
        let err = Hegemon::new(0.0, 1.0, -1.0, Retaliation::TitForTat).unwrap_err();
        assert_eq!(err.field, "wealth");
    }
}
