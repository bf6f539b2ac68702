//! One occupant of a state's domestic arena: an [`Actor`] with its
//! [`ActorKind`], capability, position, salience, [`ActorOrientation`] and
//! [`Channel`]s (docs/actors.md).
//!
//! The columns are those of the actor tables that forecasting models of
//! negotiation use (Bueno de Mesquita's expected utility model, KAPSARC's
//! KTAB): capability `c_k >= 0`, position `x_k` in [0, 1] (0: nothing for
//! the foreigners; 1: full cooperation) and salience `s_k` in [0, 1].
//!
//! Rules where the model is silent:
//!
//! - An actor acts through **each** of its channels with its whole weight
//!   (a firm that lobbies and funds research does both with all it has),
//!   as the model's sums `sum_{k lobby} v_k ...` say. An actor without a
//!   channel still counts in the domestic position (the weighted median)
//!   and in the arena's total weight `V_i`.
//! - An actor with a [`Budget`] spends it as its capability: its
//!   per-round capability is what it spends that round, so its
//!   `capability` field must be 0 (a non-zero value would be a second,
//!   contradictory capability).
//! - A capability is at most [`Actor::MAX_CAPABILITY`]: capabilities are
//!   relative (only shares `v_k / V_i` act), and a larger number is a unit
//!   error that would only cost precision.

use serde::{Deserialize, Serialize};

use super::timing::Budget;
use crate::error::{ParameterError, check_non_negative, check_unit_interval, format_number};

/// What kind of actor an actor is; institutions give each kind its own
/// access to policymaking ([`Access`](super::Access)).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ActorKind {
    /// Elected politicians and the legislature (authority to decide,
    /// votes).
    Politician,
    /// Bureaucrats and agencies (expertise, implementation).
    Bureaucrat,
    /// Private actors: firms, unions, NGOs, media, researchers.
    Private,
}

impl ActorKind {
    /// Every kind, in the order of [`ActorKind::index`].
    pub const ALL: [ActorKind; 3] = [
        ActorKind::Politician,
        ActorKind::Bureaucrat,
        ActorKind::Private,
    ];

    /// The kind's index in [`ActorKind::ALL`] (0, 1, 2).
    #[inline]
    #[must_use]
    pub const fn index(self) -> usize {
        match self {
            ActorKind::Politician => 0,
            ActorKind::Bureaucrat => 1,
            ActorKind::Private => 2,
        }
    }
}

/// What an actor ties its position to: votes and donations (political) or
/// data and analysis (policy). Under politicization the political actors
/// weigh more: `v_k (1 + gamma pi_i^2)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum ActorOrientation {
    /// "Tying their position to donations or votes".
    Political,
    /// "To data or analysis" (the default).
    #[default]
    Policy,
}

/// How an actor's weight reaches its government each round.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Channel {
    /// Money and votes: a term in the government's political payoff when
    /// it cooperates (Grossman and Helpman's contributions).
    Lobby,
    /// Campaigns and protests: securitizing moves that raise `pi_i`, with a
    /// framing that follows the actor's position.
    Media,
    /// Research and policy papers: a lower perception noise.
    Expertise,
}

/// One actor of a state's arena. The fields are public; an
/// [`Arena`](super::Arena) validates them when it is built.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Actor {
    /// The actor's name, unique within its arena.
    pub name: String,
    /// The actor's kind.
    pub kind: ActorKind,
    /// Its resources per round (money, votes, information, organisation),
    /// `c_k >= 0`; 0 when it has a budget.
    pub capability: f64,
    /// Its position on the issue, `x_k` in [0, 1]: 0 nothing for the
    /// foreigners, 1 full cooperation.
    pub position: f64,
    /// How much the issue matters to it, `s_k` in [0, 1].
    pub salience: f64,
    /// What it ties its position to (default policy).
    #[serde(default)]
    pub orientation: ActorOrientation,
    /// The channels its weight acts through.
    #[serde(default)]
    pub channels: Vec<Channel>,
    /// A budget spent over the match instead of a per-round capability.
    #[serde(default)]
    pub budget: Option<Budget>,
}

impl Actor {
    /// The largest capability (and budget) accepted: capabilities are
    /// relative, and a larger number is a unit error.
    pub const MAX_CAPABILITY: f64 = 1e12;

    /// A policy-oriented actor with no channel and no budget.
    #[must_use]
    pub fn new(
        name: impl Into<String>,
        kind: ActorKind,
        capability: f64,
        position: f64,
        salience: f64,
    ) -> Self {
        Actor {
            name: name.into(),
            kind,
            capability,
            position,
            salience,
            orientation: ActorOrientation::Policy,
            channels: Vec::new(),
            budget: None,
        }
    }

    /// The same actor with an orientation.
    #[must_use]
    pub fn oriented(mut self, orientation: ActorOrientation) -> Self {
        self.orientation = orientation;
        self
    }

    /// The same actor with its channels.
    #[must_use]
    pub fn with_channels(mut self, channels: impl Into<Vec<Channel>>) -> Self {
        self.channels = channels.into();
        self
    }

    /// The same actor with a budget (its capability must then be 0).
    #[must_use]
    pub fn with_budget(mut self, budget: Budget) -> Self {
        self.budget = Some(budget);
        self
    }

    /// Whether the actor acts through `channel`.
    #[inline]
    #[must_use]
    pub fn uses(&self, channel: Channel) -> bool {
        self.channels.contains(&channel)
    }

    /// Whether the actor is political-oriented.
    #[inline]
    #[must_use]
    pub fn is_political(&self) -> bool {
        self.orientation == ActorOrientation::Political
    }

    /// Checks every field; errors name the field relative to the actor
    /// (`capability`, `budget.total`, `channels[1]`, ...).
    pub fn validate(&self) -> Result<(), ParameterError> {
        if self.name.trim().is_empty() {
            return Err(ParameterError::new("name", "an actor needs a name"));
        }
        check_capped("capability", self.capability)?;
        check_unit_interval("position", self.position)?;
        check_unit_interval("salience", self.salience)?;
        for (i, channel) in self.channels.iter().enumerate() {
            if self.channels[..i].contains(channel) {
                return Err(ParameterError::new(
                    format!("channels[{i}]"),
                    format!("the channel {channel:?} is listed twice"),
                ));
            }
        }
        if let Some(budget) = &self.budget {
            budget.validate().map_err(|e| e.within("budget"))?;
            if self.capability != 0.0 {
                return Err(ParameterError::new(
                    "capability",
                    format!(
                        "an actor with a budget spends it as its capability; expected 0, got {}",
                        format_number(self.capability)
                    ),
                ));
            }
        }
        Ok(())
    }
}

/// Checks a capability or a budget: finite, at least 0, at most
/// [`Actor::MAX_CAPABILITY`].
pub(super) fn check_capped(field: &str, value: f64) -> Result<f64, ParameterError> {
    check_non_negative(field, value)?;
    if value > Actor::MAX_CAPABILITY {
        return Err(ParameterError::new(
            field,
            format!(
                "expected at most {} (capabilities are relative: rescale them), got {}",
                format_number(Actor::MAX_CAPABILITY),
                format_number(value)
            ),
        ));
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actors::SpendingRule;

    #[test]
    fn bad_fields_are_named() {
        let good = Actor::new("firm", ActorKind::Private, 2.0, 0.8, 0.5);
        assert_eq!(good.validate(), Ok(()));
        let field = |a: Actor| a.validate().unwrap_err().field;
        assert_eq!(
            field(Actor {
                capability: -1.0,
                ..good.clone()
            }),
            "capability"
        );
        assert_eq!(
            field(Actor {
                capability: f64::NAN,
                ..good.clone()
            }),
            "capability"
        );
        assert_eq!(
            field(Actor {
                capability: 1e13,
                ..good.clone()
            }),
            "capability"
        );
        assert_eq!(
            field(Actor {
                position: 1.5,
                ..good.clone()
            }),
            "position"
        );
        assert_eq!(
            field(Actor {
                salience: -0.1,
                ..good.clone()
            }),
            "salience"
        );
        assert_eq!(
            field(Actor {
                name: " ".into(),
                ..good.clone()
            }),
            "name"
        );
        assert_eq!(
            field(good.clone().with_channels([Channel::Lobby, Channel::Lobby])),
            "channels[1]"
        );
        let budget = Budget {
            total: 10.0,
            rule: SpendingRule::Steady,
        };
        assert_eq!(field(good.clone().with_budget(budget)), "capability");
        let zero = Actor {
            capability: 0.0,
            ..good
        };
        assert_eq!(zero.clone().with_budget(budget).validate(), Ok(()));
        let negative = Budget {
            total: -1.0,
            rule: SpendingRule::Steady,
        };
        assert_eq!(field(zero.with_budget(negative)), "budget.total");
    }
}
