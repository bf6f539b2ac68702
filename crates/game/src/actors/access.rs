//! Institutions: each kind of actor's [`Access`] to policymaking, and the
//! [`AccessChange`]s that transitions (a democratisation, a coup) make at
//! given rounds (docs/actors.md).
//!
//! `access_i(kind)` in [0, 1] multiplies the weight of every actor of that
//! kind: a democracy opens policymaking to the legislature and private
//! actors, an authoritarian state closes it, bureaucratic autonomy is the
//! bureaucrats' access. The default, 1 for every kind, is an arena whose
//! weights are its actors' own.

use serde::{Deserialize, Serialize};

use super::actor::ActorKind;
use crate::error::{ParameterError, WholeRange, check_unit_interval};

/// Each kind of actor's access to policymaking, in [0, 1].
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Access {
    /// The politicians' (and legislature's) access.
    pub politician: f64,
    /// The bureaucrats' access (their autonomy).
    pub bureaucrat: f64,
    /// The private actors' access.
    pub private: f64,
}

impl Default for Access {
    /// Full access for every kind.
    fn default() -> Self {
        Access::OPEN
    }
}

impl Access {
    /// Full access for every kind.
    pub const OPEN: Access = Access {
        politician: 1.0,
        bureaucrat: 1.0,
        private: 1.0,
    };

    /// The access of actors of `kind`.
    #[inline]
    #[must_use]
    pub const fn of(&self, kind: ActorKind) -> f64 {
        match kind {
            ActorKind::Politician => self.politician,
            ActorKind::Bureaucrat => self.bureaucrat,
            ActorKind::Private => self.private,
        }
    }

    /// The three accesses in the order of [`ActorKind::ALL`].
    #[inline]
    #[must_use]
    pub const fn by_kind(&self) -> [f64; 3] {
        [self.politician, self.bureaucrat, self.private]
    }

    /// Checks that each access lies in [0, 1]; errors name `politician`,
    /// `bureaucrat` or `private`.
    pub fn validate(&self) -> Result<(), ParameterError> {
        check_unit_interval("politician", self.politician)?;
        check_unit_interval("bureaucrat", self.bureaucrat)?;
        check_unit_interval("private", self.private)?;
        Ok(())
    }
}

/// A transition: from `round` (counted from 0) on, the arena's access is
/// `access`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AccessChange {
    /// The first round (from 0) played under the new access; at least 1
    /// (round 0 is played under the arena's initial access).
    #[serde(deserialize_with = "deserialize_round")]
    pub round: u32,
    /// The access from that round on.
    pub access: Access,
}

impl AccessChange {
    /// The valid range of `round`.
    pub const ROUND: WholeRange = WholeRange::new("round", "rounds", 1, u32::MAX as u64);
}

/// Reads `round` ([`AccessChange::ROUND`]).
fn deserialize_round<'de, D: serde::Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
    AccessChange::ROUND.deserialize(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn access_by_kind_and_validation() {
        let access = Access {
            politician: 0.2,
            bureaucrat: 0.5,
            private: 0.0,
        };
        assert_eq!(access.of(ActorKind::Bureaucrat), 0.5);
        assert_eq!(access.by_kind(), [0.2, 0.5, 0.0]);
        assert_eq!(access.validate(), Ok(()));
        let bad = Access {
            private: 1.5,
            ..access
        };
        assert_eq!(bad.validate().unwrap_err().field, "private");
        assert_eq!(Access::default(), Access::OPEN);
    }
}
