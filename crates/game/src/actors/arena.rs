//! A state's domestic [`Arena`]: its actors, its institutions' access by
//! kind with the transitions that change it, and the [`ArenaRates`] at
//! which its channels act (docs/actors.md).

use serde::{Deserialize, Serialize};

use super::access::{Access, AccessChange};
use super::actor::Actor;
use crate::error::{ParameterError, check_non_negative, check_unit_interval, format_number};

/// The rates at which an arena's channels act on its government.
///
/// | field | symbol | default | range | what it scales |
/// |---|---|---|---|---|
/// | `lobby` | `rho` | 1 | [0, 1000] | the lobby term in the political payoff |
/// | `media` | `s_move` | 0.05 | [0, 1] | the rise of `pi_i` per round of campaigning at full weight share |
/// | `framing` | | 1 | [0, 1000] | the rise of `b_i` (or `alpha_i`) at full weight share |
/// | `expertise` | `epsilon` | 0.5 | [0, 1] | the cut in perception noise at full weight share |
/// | `sovereignty` | `sigma_i` | 0 | [0, 1] | the share of foreign pressure that turns into backlash |
///
/// The media default equals the default dynamics' `up`: a campaign with
/// the whole arena behind it politicizes like one visible defection a
/// round. The expertise default halves the perception noise when every
/// actor provides expertise. The caps of 1000 keep every payoff far within
/// [`PAYOFF_LIMIT`](crate::PAYOFF_LIMIT).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ArenaRates {
    /// `rho`, the weight of the lobby term.
    pub lobby: f64,
    /// `s_move`, the pi push per round of campaigning at full weight share.
    pub media: f64,
    /// The framing rate for the audience bonus `b_i` and accountability
    /// `alpha_i`.
    pub framing: f64,
    /// `epsilon`, the perception-noise reduction factor.
    pub expertise: f64,
    /// `sigma_i`, the state's sovereignty: the share of foreign pressure
    /// that turns into backlash.
    pub sovereignty: f64,
}

impl Default for ArenaRates {
    fn default() -> Self {
        ArenaRates::DEFAULT
    }
}

impl ArenaRates {
    /// The documented defaults.
    pub const DEFAULT: ArenaRates = ArenaRates {
        lobby: 1.0,
        media: 0.05,
        framing: 1.0,
        expertise: 0.5,
        sovereignty: 0.0,
    };

    /// The largest `lobby` and `framing` rates accepted.
    pub const MAX_RATE: f64 = 1000.0;

    /// Checks every rate; errors name the field (`lobby`, `media`, ...).
    pub fn validate(&self) -> Result<(), ParameterError> {
        check_rate("lobby", self.lobby)?;
        check_unit_interval("media", self.media)?;
        check_rate("framing", self.framing)?;
        check_unit_interval("expertise", self.expertise)?;
        check_unit_interval("sovereignty", self.sovereignty)?;
        Ok(())
    }
}

fn check_rate(field: &str, value: f64) -> Result<f64, ParameterError> {
    check_non_negative(field, value)?;
    if value > ArenaRates::MAX_RATE {
        return Err(ParameterError::new(
            field,
            format!(
                "expected at most {}, got {}",
                format_number(ArenaRates::MAX_RATE),
                format_number(value)
            ),
        ));
    }
    Ok(value)
}

/// A state's domestic arena, validated: actors with unique names and valid
/// fields, access in [0, 1], transitions at strictly increasing rounds
/// from round 1 on, valid rates.
///
/// In RON: `(actors: [...], access: (...), transitions: [...], rates:
/// (...))`; every field but `actors` may be left out.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "RawArena", into = "RawArena")]
pub struct Arena {
    actors: Vec<Actor>,
    access: Access,
    transitions: Vec<AccessChange>,
    rates: ArenaRates,
}

/// The unvalidated form of an [`Arena`], as written in files.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Arena", deny_unknown_fields)]
pub struct RawArena {
    /// The actors.
    pub actors: Vec<Actor>,
    /// The initial access by kind (default: open).
    #[serde(default)]
    pub access: Access,
    /// The transitions, in order of their rounds.
    #[serde(default)]
    pub transitions: Vec<AccessChange>,
    /// The channels' rates.
    #[serde(default)]
    pub rates: ArenaRates,
}

impl TryFrom<RawArena> for Arena {
    type Error = ParameterError;

    fn try_from(raw: RawArena) -> Result<Self, Self::Error> {
        Arena::new(raw.actors, raw.access, raw.transitions, raw.rates)
    }
}

impl From<Arena> for RawArena {
    fn from(arena: Arena) -> Self {
        RawArena {
            actors: arena.actors,
            access: arena.access,
            transitions: arena.transitions,
            rates: arena.rates,
        }
    }
}

impl Arena {
    /// The most actors an arena holds.
    pub const MAX_ACTORS: usize = 10_000;

    /// Builds an arena, validating everything. Errors name the field
    /// relative to the arena: `actors[2].capability`, `access.private`,
    /// `transitions[0].round`, `rates.lobby`.
    pub fn new(
        actors: Vec<Actor>,
        access: Access,
        transitions: Vec<AccessChange>,
        rates: ArenaRates,
    ) -> Result<Self, ParameterError> {
        if actors.len() > Arena::MAX_ACTORS {
            return Err(ParameterError::new(
                "actors",
                format!("at most {} actors, got {}", Arena::MAX_ACTORS, actors.len()),
            ));
        }
        for (i, actor) in actors.iter().enumerate() {
            actor
                .validate()
                .map_err(|e| e.within(&format!("actors[{i}]")))?;
            if let Some(first) = actors[..i].iter().position(|a| a.name == actor.name) {
                return Err(ParameterError::new(
                    format!("actors[{i}].name"),
                    format!("`{}` already names actors[{first}]", actor.name),
                ));
            }
        }
        access.validate().map_err(|e| e.within("access"))?;
        let mut previous = 0;
        for (i, change) in transitions.iter().enumerate() {
            if change.round <= previous {
                let reason = if i == 0 {
                    "a transition's round must be at least 1 (round 0 is the initial access)"
                        .to_string()
                } else {
                    format!(
                        "transitions must come in order of their rounds: {} does not follow {previous}",
                        change.round
                    )
                };
                return Err(ParameterError::new(
                    format!("transitions[{i}].round"),
                    reason,
                ));
            }
            previous = change.round;
            change
                .access
                .validate()
                .map_err(|e| e.within(&format!("transitions[{i}].access")))?;
        }
        rates.validate().map_err(|e| e.within("rates"))?;
        Ok(Arena {
            actors,
            access,
            transitions,
            rates,
        })
    }

    /// An arena of `actors` with open access, no transition and the
    /// default rates.
    pub fn of(actors: Vec<Actor>) -> Result<Self, ParameterError> {
        Arena::new(actors, Access::OPEN, Vec::new(), ArenaRates::DEFAULT)
    }

    /// The actors.
    #[must_use]
    pub fn actors(&self) -> &[Actor] {
        &self.actors
    }

    /// The initial access (before any transition).
    #[must_use]
    pub const fn access(&self) -> &Access {
        &self.access
    }

    /// The access in round `round` (from 0): that of the last transition
    /// at or before it, or the initial access.
    #[must_use]
    pub fn access_at(&self, round: u32) -> &Access {
        self.transitions
            .iter()
            .rev()
            .find(|change| change.round <= round)
            .map_or(&self.access, |change| &change.access)
    }

    /// The transitions, in order of their rounds.
    #[must_use]
    pub fn transitions(&self) -> &[AccessChange] {
        &self.transitions
    }

    /// The channels' rates.
    #[must_use]
    pub const fn rates(&self) -> &ArenaRates {
        &self.rates
    }

    /// Index of the actor named `name`.
    #[must_use]
    pub fn position_of(&self, name: &str) -> Option<usize> {
        self.actors.iter().position(|a| a.name == name)
    }

    /// Checks that every transition falls within a match of `turns`
    /// rounds (its round is below `turns`); the error names
    /// `transitions[i].round`. A transition after the horizon would never
    /// happen, which is almost always a mistake in a file.
    pub fn check_transitions_within(&self, turns: u32) -> Result<(), ParameterError> {
        match self.transitions.iter().position(|c| c.round >= turns) {
            Some(i) => Err(ParameterError::new(
                format!("transitions[{i}].round"),
                format!(
                    "round {} is after the horizon: a match has {turns} rounds (0 to {})",
                    self.transitions[i].round,
                    turns.saturating_sub(1)
                ),
            )),
            None => Ok(()),
        }
    }

    /// Whether actor `k` can ever have a positive weight: it has
    /// resources (a capability or a budget), salience, and its kind has
    /// access in some period (initially or after a transition). `false`
    /// for an index out of range.
    #[must_use]
    pub fn can_weigh(&self, k: usize) -> bool {
        self.actors.get(k).is_some_and(|actor| {
            let resources = actor.budget.map_or(actor.capability, |b| b.total);
            resources > 0.0
                && actor.salience > 0.0
                && std::iter::once(&self.access)
                    .chain(self.transitions.iter().map(|c| &c.access))
                    .any(|access| access.of(actor.kind) > 0.0)
        })
    }

    /// Whether no actor can ever have a positive weight
    /// ([`Arena::can_weigh`]): such an arena does nothing, and a match
    /// plays as without it.
    #[must_use]
    pub fn is_inert(&self) -> bool {
        !(0..self.actors.len()).any(|k| self.can_weigh(k))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actors::ActorKind;

    fn actors() -> Vec<Actor> {
        vec![
            Actor::new("police", ActorKind::Bureaucrat, 3.0, 0.7, 0.8),
            Actor::new("press", ActorKind::Private, 1.0, 0.2, 0.5),
        ]
    }

    #[test]
    fn errors_name_the_field_within_the_arena() {
        let field = |r: Result<Arena, ParameterError>| r.unwrap_err().field;
        let mut bad = actors();
        bad[1].capability = -2.0;
        assert_eq!(field(Arena::of(bad)), "actors[1].capability");
        let mut twins = actors();
        twins[1].name = "police".into();
        assert_eq!(field(Arena::of(twins)), "actors[1].name");
        let change = |round| AccessChange {
            round,
            access: Access::OPEN,
        };
        let new = |t| Arena::new(actors(), Access::OPEN, t, ArenaRates::DEFAULT);
        assert_eq!(field(new(vec![change(0)])), "transitions[0].round");
        assert_eq!(
            field(new(vec![change(5), change(5)])),
            "transitions[1].round"
        );
        let closed = AccessChange {
            round: 3,
            access: Access {
                private: 2.0,
                ..Access::OPEN
            },
        };
        assert_eq!(field(new(vec![closed])), "transitions[0].access.private");
        let rates = ArenaRates {
            sovereignty: 1.5,
            ..ArenaRates::DEFAULT
        };
        assert_eq!(
            field(Arena::new(actors(), Access::OPEN, vec![], rates)),
            "rates.sovereignty"
        );
    }

    #[test]
    fn access_changes_at_its_round() {
        let closed = Access {
            politician: 0.0,
            bureaucrat: 1.0,
            private: 0.0,
        };
        let arena = Arena::new(
            actors(),
            closed,
            vec![AccessChange {
                round: 10,
                access: Access::OPEN,
            }],
            ArenaRates::DEFAULT,
        )
        .unwrap();
        assert_eq!(arena.access_at(9), &closed);
        assert_eq!(arena.access_at(10), &Access::OPEN);
        assert_eq!(arena.access_at(1000), &Access::OPEN);
        assert_eq!(arena.check_transitions_within(11), Ok(()));
        assert_eq!(
            arena.check_transitions_within(10).unwrap_err().field,
            "transitions[0].round"
        );
        assert!(!arena.is_inert());
    }

    #[test]
    fn inert_arenas() {
        let mut zero = actors();
        zero[0].salience = 0.0;
        zero[1].capability = 0.0;
        assert!(Arena::of(zero).unwrap().is_inert());
        let shut = Access {
            politician: 1.0,
            bureaucrat: 0.0,
            private: 0.0,
        };
        assert!(
            Arena::new(actors(), shut, vec![], ArenaRates::DEFAULT)
                .unwrap()
                .is_inert()
        );
        assert!(Arena::of(vec![]).unwrap().is_inert());
    }

    #[test]
    fn ron_round_trip_and_defaults() {
        let text = r#"(actors: [(name: "police", kind: Bureaucrat, capability: 3.0, position: 0.7, salience: 0.8, channels: [Expertise])])"#;
        let arena: Arena = ron::from_str(text).unwrap();
        assert_eq!(arena.rates(), &ArenaRates::DEFAULT);
        assert_eq!(arena.access(), &Access::OPEN);
        let back: Arena = ron::from_str(&ron::to_string(&arena).unwrap()).unwrap();
        assert_eq!(back, arena);
        let bad = r#"(actors: [(name: "police", kind: Bureaucrat, capability: 3.0, position: 1.7, salience: 0.8)])"#;
        let error = ron::from_str::<Arena>(bad).unwrap_err().to_string();
        assert!(error.contains("actors[0].position"), "{error}");
    }
}
