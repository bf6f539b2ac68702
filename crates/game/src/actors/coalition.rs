//! Webs of influence (Braithwaite and Drahos 2000): a [`Coalition`] is a
//! named set of actors, possibly from several states ([`ActorRef`]), that
//! pools its members' weights (docs/actors.md).
//!
//! ## Pooling
//!
//! The model as first written has the pooled weight `V_C = (sum_{k in C} v_k)^phi` with
//! `phi >= 1` ("weak private actors can become strong"; `phi = 1`
//! additive). Read literally the power depends on the unit capabilities
//! are counted in: with weights below 1 a coalition with `phi > 1` would
//! weigh *less* than its members, and a coalition of one would not equal
//! its member. The library uses the unit-free form, with the strongest
//! member's weight `m = max_{k in C} v_k` as the unit:
//!
//! ```text
//! V_C = m * (S / m)^phi,   S = sum_{k in C} v_k      (V_C = 0 when S = 0)
//! ```
//!
//! which is the model's formula whenever the strongest member's weight is
//! the unit of weight. It is homogeneous of degree 1 (doubling every
//! capability doubles `V_C`, so only shares matter, as everywhere else in
//! the arena), `V_C = S` for `phi = 1` (additive), `V_C >= S` (pooling
//! never weakens), and a coalition of one weighs exactly its member
//! (`S = m`). Ten equal actors with `phi = 2` weigh 100 times one of them
//! instead of 10.
//!
//! The coalition acts through each member's channels in proportion to the
//! member's share: member `k` acts with the weight `v_k V_C / S`.
//!
//! ## Rules where the model is silent
//!
//! - An actor belongs to at most one coalition (a web names its members
//!   once; two coalitions sharing a member would pool its weight twice).
//! - A coalition's members are checked against the arenas by the
//!   tournament's `Domestic`, which knows the states.
//! - `phi` is at most [`Coalition::MAX_PHI`]: with `n` equal members the
//!   pooled weight is `n^phi` times one member, already `10^10` for ten
//!   members at the cap.

use serde::{Deserialize, Serialize};

use crate::error::{ParameterError, check_finite, check_unit_interval, format_number};

/// An actor of some state's arena: the state (an entrant index) and the
/// actor's index in that arena.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActorRef {
    /// The state: an entrant index.
    pub state: usize,
    /// The actor's index in the state's arena.
    pub actor: usize,
}

/// A coalition (web of influence), validated: a name, distinct members,
/// `phi` in [1, [`Coalition::MAX_PHI`]] and an optional epistemic
/// consensus in [0, 1].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "RawCoalition", into = "RawCoalition")]
pub struct Coalition {
    name: String,
    members: Vec<ActorRef>,
    phi: f64,
    epistemic: Option<f64>,
}

/// The unvalidated form of a [`Coalition`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Coalition", deny_unknown_fields)]
pub struct RawCoalition {
    /// The coalition's name.
    pub name: String,
    /// Its members.
    pub members: Vec<ActorRef>,
    /// The pooling exponent (default 1, additive).
    #[serde(default = "one")]
    pub phi: f64,
    /// An epistemic community's consensus, if it is one.
    #[serde(default)]
    pub epistemic: Option<f64>,
}

const fn one() -> f64 {
    1.0
}

impl TryFrom<RawCoalition> for Coalition {
    type Error = ParameterError;

    fn try_from(raw: RawCoalition) -> Result<Self, Self::Error> {
        Coalition::new(raw.name, raw.members, raw.phi, raw.epistemic)
    }
}

impl From<Coalition> for RawCoalition {
    fn from(c: Coalition) -> Self {
        RawCoalition {
            name: c.name,
            members: c.members,
            phi: c.phi,
            epistemic: c.epistemic,
        }
    }
}

impl Coalition {
    /// The largest pooling exponent accepted.
    pub const MAX_PHI: f64 = 10.0;

    /// Builds a coalition. Errors name `name`, `members`, `members[i]`
    /// (a member listed twice), `phi` or `epistemic`.
    pub fn new(
        name: impl Into<String>,
        members: Vec<ActorRef>,
        phi: f64,
        epistemic: Option<f64>,
    ) -> Result<Self, ParameterError> {
        let name = name.into();
        if name.trim().is_empty() {
            return Err(ParameterError::new("name", "a coalition needs a name"));
        }
        if members.is_empty() {
            return Err(ParameterError::new(
                "members",
                "a coalition needs at least one member",
            ));
        }
        for (i, member) in members.iter().enumerate() {
            if members[..i].contains(member) {
                return Err(ParameterError::new(
                    format!("members[{i}]"),
                    format!(
                        "actor {} of state {} is listed twice",
                        member.actor, member.state
                    ),
                ));
            }
        }
        check_finite("phi", phi)?;
        if !(1.0..=Coalition::MAX_PHI).contains(&phi) {
            return Err(ParameterError::new(
                "phi",
                format!(
                    "expected a pooling exponent in [1, {}], got {}",
                    format_number(Coalition::MAX_PHI),
                    format_number(phi)
                ),
            ));
        }
        if let Some(consensus) = epistemic {
            check_unit_interval("epistemic", consensus)?;
        }
        Ok(Coalition {
            name,
            members,
            phi,
            epistemic,
        })
    }

    /// The coalition's name.
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Its members.
    #[must_use]
    pub fn members(&self) -> &[ActorRef] {
        &self.members
    }

    /// The pooling exponent `phi`.
    #[must_use]
    pub const fn phi(&self) -> f64 {
        self.phi
    }

    /// The consensus of an epistemic community, or `None`.
    #[must_use]
    pub const fn epistemic(&self) -> Option<f64> {
        self.epistemic
    }

    /// Whether the members come from more than one state.
    #[must_use]
    pub fn is_cross_border(&self) -> bool {
        self.members
            .iter()
            .any(|m| m.state != self.members[0].state)
    }

    /// The pooled weight `V_C = m (S / m)^phi` of members whose weights sum
    /// to `sum` with the largest `max` (see the [module
    /// documentation](self)); 0 when `sum` is 0.
    #[inline]
    #[must_use]
    pub fn pooled(&self, sum: f64, max: f64) -> f64 {
        pool(sum, max, self.phi)
    }
}

/// The pooled weight `m (S / m)^phi` of weights summing to `sum` with the
/// largest `max`; exactly `sum` when `phi = 1` or one member holds it all,
/// 0 when `sum` is not positive.
#[inline]
#[must_use]
pub fn pool(sum: f64, max: f64, phi: f64) -> f64 {
    if sum <= 0.0 || max <= 0.0 {
        0.0
    } else if phi == 1.0 || sum == max {
        sum
    } else {
        max * (sum / max).powf(phi)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn member(state: usize, actor: usize) -> ActorRef {
        ActorRef { state, actor }
    }

    #[test]
    fn validation_names_the_field() {
        let field = |r: Result<Coalition, ParameterError>| r.unwrap_err().field;
        assert_eq!(
            field(Coalition::new("", vec![member(0, 0)], 1.0, None)),
            "name"
        );
        assert_eq!(field(Coalition::new("web", vec![], 1.0, None)), "members");
        let twice = vec![member(0, 0), member(1, 0), member(0, 0)];
        assert_eq!(field(Coalition::new("web", twice, 1.0, None)), "members[2]");
        assert_eq!(
            field(Coalition::new("web", vec![member(0, 0)], 0.5, None)),
            "phi"
        );
        assert_eq!(
            field(Coalition::new("web", vec![member(0, 0)], f64::NAN, None)),
            "phi"
        );
        assert_eq!(
            field(Coalition::new("web", vec![member(0, 0)], 1.0, Some(1.2))),
            "epistemic"
        );
        let web = Coalition::new("web", vec![member(0, 0), member(1, 2)], 2.0, Some(0.5)).unwrap();
        assert!(web.is_cross_border());
        let back: Coalition = ron::from_str(&ron::to_string(&web).unwrap()).unwrap();
        assert_eq!(back, web);
    }

    #[test]
    fn pooling_is_unit_free_additive_at_one_and_never_weakens() {
        assert_eq!(pool(10.0, 1.0, 2.0), 100.0);
        assert_eq!(pool(3.0, 1.0, 1.0), 3.0);
        assert_eq!(pool(0.7, 0.7, 3.0), 0.7);
        assert_eq!(pool(0.0, 0.0, 2.0), 0.0);
        // Homogeneous of degree one.
        let small = pool(0.03, 0.01, 2.0);
        let large = pool(3.0, 1.0, 2.0);
        assert!((large - 100.0 * small).abs() < 1e-9);
        assert!(pool(0.3, 0.1, 1.5) >= 0.3);
    }
}
