//! The electoral calendar of the governments: an [`ElectionCycle`] raises
//! the incumbents' political weight and lowers their patience in the
//! campaign rounds before each election.

use serde::{Deserialize, Serialize};

use crate::error::{ParameterError, WholeRange, check_positive_fraction, check_unit_interval};
use crate::two_level::Orientation;

/// Elections every `term` rounds; in the last `lead` rounds before each
/// election the incumbents' political weight rises ("narrow time horizons in
/// the lead up to an election"):
///
/// ```text
/// w_campaign = w + (1 - w) * boost
/// ```
///
/// Rounds are counted from 0. The elections fall after rounds `term - 1`,
/// `2 * term - 1`, ...; round `turn` is in a campaign when
/// `turn % term >= term - lead`. A `lead` of 0 never campaigns; `lead` must
/// be smaller than `term` (a term that is all campaign is just a higher `w`).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "RawElectionCycle", into = "RawElectionCycle")]
pub struct ElectionCycle {
    term: u32,
    lead: u32,
    boost: f64,
    patience: f64,
}

/// The unvalidated form of an [`ElectionCycle`], as written in RON files:
/// `(term: 50, lead: 10, boost: 0.5)`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "ElectionCycle", deny_unknown_fields)]
pub struct RawElectionCycle {
    /// Rounds between elections, at least 1.
    #[serde(deserialize_with = "deserialize_term")]
    pub term: u32,
    /// Campaign rounds before each election, smaller than `term`.
    #[serde(deserialize_with = "deserialize_lead")]
    pub lead: u32,
    /// How far the campaign moves `w` towards 1, in [0, 1].
    pub boost: f64,
    /// The factor in (0, 1] that multiplies a player's patience during a
    /// campaign ("narrow time horizons in the lead up to an election");
    /// default 1, no change.
    #[serde(default = "full_patience")]
    pub patience: f64,
}

impl RawElectionCycle {
    /// The valid range of `term`.
    pub const TERM: WholeRange = WholeRange::new("term", "rounds", 1, u32::MAX as u64);
    /// The widest range of `lead`: from 0 to one less than `term`.
    pub const LEAD: WholeRange = WholeRange::new("lead", "rounds", 0, u32::MAX as u64 - 1);
}

/// Reads `term` ([`RawElectionCycle::TERM`]).
fn deserialize_term<'de, D: serde::Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
    RawElectionCycle::TERM.deserialize(d)
}

/// Reads `lead` ([`RawElectionCycle::LEAD`]).
fn deserialize_lead<'de, D: serde::Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
    RawElectionCycle::LEAD.deserialize(d)
}

fn full_patience() -> f64 {
    1.0
}

impl TryFrom<RawElectionCycle> for ElectionCycle {
    type Error = ParameterError;

    fn try_from(raw: RawElectionCycle) -> Result<Self, Self::Error> {
        ElectionCycle::new(raw.term, raw.lead, raw.boost)?.with_patience(raw.patience)
    }
}

impl From<ElectionCycle> for RawElectionCycle {
    fn from(e: ElectionCycle) -> Self {
        RawElectionCycle {
            term: e.term,
            lead: e.lead,
            boost: e.boost,
            patience: e.patience,
        }
    }
}

impl ElectionCycle {
    /// Builds a cycle: `term >= 1`, `lead < term`, `boost` in [0, 1].
    pub fn new(term: u32, lead: u32, boost: f64) -> Result<Self, ParameterError> {
        if term == 0 {
            return Err(ParameterError::new(
                "term",
                "expected at least 1 round between elections, got 0",
            ));
        }
        if lead >= term {
            return Err(ParameterError::new(
                "lead",
                format!("expected fewer campaign rounds than the term ({term}), got {lead}"),
            ));
        }
        Ok(ElectionCycle {
            term,
            lead,
            boost: check_unit_interval("boost", boost)?,
            patience: 1.0,
        })
    }

    /// The same cycle with a campaign patience factor in (0, 1]: during a
    /// campaign each player's patience `h` is multiplied by it.
    pub fn with_patience(mut self, patience: f64) -> Result<Self, ParameterError> {
        self.patience = check_positive_fraction("patience", patience)?;
        Ok(self)
    }

    /// The factor that multiplies a player's patience during a campaign.
    #[inline]
    #[must_use]
    pub const fn patience(&self) -> f64 {
        self.patience
    }

    /// The rounds left before the next election in round `turn`, this one
    /// included: `term - turn % term` (1 in the last round of a term).
    #[inline]
    #[must_use]
    pub const fn rounds_to_election(&self, turn: u32) -> u32 {
        self.term - turn % self.term
    }

    /// A patience `h` in round `turn`: `h` outside campaigns, `h` times
    /// the campaign factor during them.
    #[inline]
    #[must_use]
    pub fn patience_at(&self, turn: u32, base: f64) -> f64 {
        if self.is_campaign(turn) {
            base * self.patience
        } else {
            base
        }
    }

    /// Rounds between elections.
    #[inline]
    #[must_use]
    pub const fn term(&self) -> u32 {
        self.term
    }

    /// Campaign rounds before each election.
    #[inline]
    #[must_use]
    pub const fn lead(&self) -> u32 {
        self.lead
    }

    /// How far a campaign moves the political weight towards 1.
    #[inline]
    #[must_use]
    pub const fn boost(&self) -> f64 {
        self.boost
    }

    /// Returns `true` when round `turn` (counted from 0) is one of the last
    /// `lead` rounds before an election.
    #[inline]
    #[must_use]
    pub const fn is_campaign(&self, turn: u32) -> bool {
        turn % self.term >= self.term - self.lead
    }

    /// The orientation in round `turn`: `base` outside campaigns,
    /// `w + (1 - w) * boost` during them.
    #[inline]
    #[must_use]
    pub fn orientation_at(&self, turn: u32, base: Orientation) -> Orientation {
        if self.is_campaign(turn) {
            let w = base.political_weight();
            Orientation::clamped(w + (1.0 - w) * self.boost())
        } else {
            base
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn election_cycle_campaign_rounds() {
        let e = ElectionCycle::new(10, 3, 0.5).unwrap();
        let campaign: Vec<u32> = (0..20).filter(|&t| e.is_campaign(t)).collect();
        assert_eq!(campaign, vec![7, 8, 9, 17, 18, 19]);
        let base = Orientation::new(0.2).unwrap();
        assert_eq!(e.orientation_at(0, base), base);
        // 0.2 + 0.8 * 0.5 = 0.6
        let boosted = e.orientation_at(8, base).political_weight();
        assert!((boosted - 0.6).abs() < 1e-12);
        let never = ElectionCycle::new(10, 0, 1.0).unwrap();
        assert!((0..30).all(|t| !never.is_campaign(t)));
    }

    #[test]
    fn campaigns_lower_patience() {
        let e = ElectionCycle::new(10, 3, 0.5)
            .unwrap()
            .with_patience(0.5)
            .unwrap();
        assert_eq!(e.patience_at(0, 0.9), 0.9);
        assert_eq!(e.patience_at(8, 0.9), 0.45);
        assert_eq!(e.rounds_to_election(0), 10);
        assert_eq!(e.rounds_to_election(9), 1);
        assert_eq!(e.rounds_to_election(10), 10);
        assert_eq!(
            ElectionCycle::new(10, 3, 0.5)
                .unwrap()
                .with_patience(0.0)
                .unwrap_err()
                .field,
            "patience"
        );
        let parsed: ElectionCycle =
            ron::from_str("(term: 10, lead: 3, boost: 0.5, patience: 0.5)").unwrap();
        assert_eq!(parsed, e);
        let old: ElectionCycle = ron::from_str("(term: 10, lead: 3, boost: 0.5)").unwrap();
        assert_eq!(old.patience(), 1.0);
    }

    #[test]
    fn invalid_cycles_name_the_field() {
        assert_eq!(ElectionCycle::new(0, 0, 0.5).unwrap_err().field, "term");
        assert_eq!(ElectionCycle::new(5, 5, 0.5).unwrap_err().field, "lead");
        assert_eq!(
            ElectionCycle::new(5, 1, f64::INFINITY).unwrap_err().field,
            "boost"
        );
        let err = ron::from_str::<ElectionCycle>("(term: 4, lead: 9, boost: 0.5)").unwrap_err();
        assert!(err.to_string().contains("lead"), "{err}");
    }
}
