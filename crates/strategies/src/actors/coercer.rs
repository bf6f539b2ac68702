//! Coercer: a state that sanctions defection.
//!
//! Rule: play tit for tat (or grim trigger, the parameter `reciprocity`),
//! and after every round in which the partner defected impose a sanction
//! `s` on it, at a cost `s / M` to itself, `M` its might (`docs/model.md`
//! section 14; the match engine imposes it, see `twolevel_tournament::play`).
//! The stick is the state's standing policy (its [`Instruments`]). A
//! sanction above 0 needs might above 0: a sanction without might is
//! rejected (the error names `might`). Against a coercer that plays grim
//! trigger a deviation earns `T` once and `P - s` afterwards, so
//! cooperation is sustained from `delta >= (T - R) / (T - P + s)`
//! ([`grim_threshold_with_sanction`]).
//!
//! Sources: Schelling (1966, *Arms and Influence*) on compellence and
//! coercion; Drezner (1999, *The Sanctions Paradox*) on costly economic
//! sanctions; Axelrod (1984) on the provocable reciprocator; the seed
//! article ("military assets enable the state to project influence ... the
//! other a stick").
//!
//! [`grim_threshold_with_sanction`]: twolevel_game::analytic::grim_threshold_with_sanction

use rand_core::Rng;
use twolevel_game::{
    Action, Classifier, Instruments, ParameterError, Resources, Stick, Strategy, View,
};

use super::retaliation::Retaliation;
use crate::registry::{Limit, ParamKind, ParamSpec, StrategyEntry};

/// Tit for tat (or grim) that sanctions each of the partner's defections.
#[derive(Clone, Debug, PartialEq)]
pub struct Coercer {
    stick: Stick,
    might: f64,
    reciprocity: Retaliation,
    grudge: bool,
}

impl Coercer {
    /// A coercer with might `might` that imposes `sanction` after each of
    /// the partner's defections at a cost `sanction / might`. Errors name
    /// `might` (negative, or 0 with a sanction above 0) or `sanction`
    /// (negative or not finite).
    pub fn new(
        sanction: f64,
        might: f64,
        reciprocity: Retaliation,
    ) -> Result<Self, ParameterError> {
        let resources = Resources::new(0.0, might)?;
        Ok(Coercer {
            stick: resources.stick(sanction)?,
            might: resources.might(),
            reciprocity,
            grudge: false,
        })
    }

    /// The sanction it imposes.
    #[must_use]
    pub fn stick(&self) -> Stick {
        self.stick
    }

    /// Its might `M`.
    #[must_use]
    pub fn might(&self) -> f64 {
        self.might
    }

    /// How its moves reciprocate.
    #[must_use]
    pub fn reciprocity(&self) -> Retaliation {
        self.reciprocity
    }
}

impl Strategy for Coercer {
    fn name(&self) -> &str {
        "Coercer"
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
            carrot: None,
            stick: Some(self.stick),
        }
    }
}

/// The registry entry of [`Coercer`].
pub(crate) const ENTRY: StrategyEntry = StrategyEntry::new(
    "Coercer",
    "Tit for tat (or grim) that sanctions each of the partner's defections at a cost.",
    |params| {
        let reciprocity = match Retaliation::from_name(params.text("reciprocity")) {
            Ok(rule) => rule,
            Err(error) => return Err(params.invalid(&error.field, error.reason)),
        };
        params.finish(Coercer::new(
            params.number("sanction"),
            params.number("might"),
            reciprocity,
        ))
    },
)
.with_params(&[
    ParamSpec::new(
        "sanction",
        ParamKind::Number {
            default: Some(1.0),
            min: Limit::Closed(0.0),
            max: Limit::Open(f64::INFINITY),
        },
        "The loss s imposed on the partner after each round in which it defected.",
    ),
    ParamSpec::new(
        "might",
        ParamKind::Number {
            default: Some(2.0),
            min: Limit::Closed(0.0),
            max: Limit::Open(f64::INFINITY),
        },
        "The might M: a sanction s costs s / M (a sanction above 0 needs might above 0).",
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
    use crate::testing::{SequencePlayer, play};

    #[test]
    fn plays_tit_for_tat_or_grim_and_declares_its_stick() {
        let mut tft = Coercer::new(1.0, 4.0, Retaliation::TitForTat).unwrap();
        let (own, _) = play(&mut tft, &mut SequencePlayer::from_letters("CDCC"), 5);
        assert_eq!(own, "CCDCC");
        let mut grim = Coercer::new(1.0, 4.0, Retaliation::Grim).unwrap();
        let (own, _) = play(&mut grim, &mut SequencePlayer::from_letters("CDCC"), 5);
        assert_eq!(own, "CCDDD");
        let stick = tft.instruments().stick.unwrap();
        assert_eq!((stick.size(), stick.cost()), (1.0, 0.25));
        assert_eq!(tft.instruments().carrot, None);
    }

    #[test]
    fn a_sanction_without_might_is_rejected_by_name() {
        let err = Coercer::new(1.0, 0.0, Retaliation::Grim).unwrap_err();
        assert_eq!(err.field, "might");
        assert_eq!(
            Coercer::new(-1.0, 1.0, Retaliation::Grim)
                .unwrap_err()
                .field,
            "sanction"
        );
        // A sanction of zero needs no might and changes nothing.
        assert!(
            Coercer::new(0.0, 0.0, Retaliation::Grim)
                .unwrap()
                .instruments()
                .is_none()
        );
    }
}
