//! [`DomesticTerms`]: what a state's domestic arena adds to, or changes in,
//! its own political payoff in a round (docs/actors.md).
//!
//! With terms `(l_i, db_i, da_i, f_i)` state i's derived political payoff
//! becomes
//!
//! ```text
//! political_i = f_i * kappa_eff_i * (policy_i - policy_j)
//!               + (b + db_i) * [a_i == D]
//!               - (alpha + da_i) * theta * pi_i * (1 - coop_share)
//!               + l_i * [a_i == C]
//! ```
//!
//! - `l_i`, the lobby term `rho sum_{k lobby} v_k (2 x_k - 1) / V_i`, paid
//!   to a government that cooperates (negative for nationalist lobbies);
//! - `db_i`, media framing's rise of the audience bonus `b` ("us versus
//!   them");
//! - `da_i`, media framing's rise of accountability `alpha` (the public
//!   holds the government to account for the unsolved problem);
//! - `f_i`, the factor by which epistemic communities lower the
//!   relative-gains sensitivity `kappa` ("build policy consensus").
//!
//! With a given political matrix there is no `kappa`, `b` or `alpha` to
//! act on: only the lobby term is added. The neutral terms
//! ([`DomesticTerms::NEUTRAL`], `(0, 0, 0, 1)`) leave the payoffs bit for
//! bit as they are.

use crate::error::{ParameterError, check_finite, check_unit_interval};

/// What a domestic arena does to its state's political payoff in a round:
/// `political_i = f_i kappa_eff_i (policy_i - policy_j) + (b + db_i) [a_i == D]
/// - (alpha + da_i) theta pi_i (1 - coop_share) + l_i [a_i == C]`
/// (see [`StageTableBuilder::fill_with_terms`](super::StageTableBuilder::fill_with_terms)).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DomesticTerms {
    /// The lobby term `l_i`, added to the political payoff of a
    /// cooperation.
    pub lobby: f64,
    /// The rise `db_i` of the audience bonus for a visible defection.
    pub audience_bonus: f64,
    /// The rise `da_i` of accountability `alpha`.
    pub accountability: f64,
    /// The factor `f_i` in [0, 1] on `kappa_eff`.
    pub kappa_factor: f64,
}

impl Default for DomesticTerms {
    fn default() -> Self {
        DomesticTerms::NEUTRAL
    }
}

impl DomesticTerms {
    /// No domestic term: the game's own payoffs.
    pub const NEUTRAL: DomesticTerms = DomesticTerms {
        lobby: 0.0,
        audience_bonus: 0.0,
        accountability: 0.0,
        kappa_factor: 1.0,
    };

    /// The largest magnitude of a term accepted by
    /// [`DomesticTerms::new`].
    pub const MAX_TERM: f64 = 1e6;

    /// Builds terms, checking that each is finite and at most
    /// [`DomesticTerms::MAX_TERM`] in magnitude, the rises non-negative and
    /// the kappa factor in [0, 1]. Errors name `lobby`, `audience_bonus`,
    /// `accountability` or `kappa_factor`.
    pub fn new(
        lobby: f64,
        audience_bonus: f64,
        accountability: f64,
        kappa_factor: f64,
    ) -> Result<Self, ParameterError> {
        let bounded = |field: &str, value: f64, low: f64| {
            check_finite(field, value)?;
            if value < low || value.abs() > DomesticTerms::MAX_TERM {
                Err(ParameterError::new(
                    field,
                    format!(
                        "expected a number in [{low}, {}], got {value}",
                        DomesticTerms::MAX_TERM
                    ),
                ))
            } else {
                Ok(value)
            }
        };
        Ok(DomesticTerms {
            lobby: bounded("lobby", lobby, -DomesticTerms::MAX_TERM)?,
            audience_bonus: bounded("audience_bonus", audience_bonus, 0.0)?,
            accountability: bounded("accountability", accountability, 0.0)?,
            kappa_factor: check_unit_interval("kappa_factor", kappa_factor)?,
        })
    }

    /// Whether the terms change nothing.
    #[inline]
    #[must_use]
    pub fn is_neutral(&self) -> bool {
        self.lobby == 0.0
            && self.audience_bonus == 0.0
            && self.accountability == 0.0
            && self.kappa_factor == 1.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validation_and_neutrality() {
        assert!(DomesticTerms::NEUTRAL.is_neutral());
        assert!(DomesticTerms::new(0.0, 0.0, 0.0, 1.0).unwrap().is_neutral());
        assert!(
            !DomesticTerms::new(-0.5, 0.0, 0.0, 1.0)
                .unwrap()
                .is_neutral()
        );
        let field = |r: Result<DomesticTerms, ParameterError>| r.unwrap_err().field;
        assert_eq!(field(DomesticTerms::new(f64::NAN, 0.0, 0.0, 1.0)), "lobby");
        assert_eq!(
            field(DomesticTerms::new(0.0, -1.0, 0.0, 1.0)),
            "audience_bonus"
        );
        assert_eq!(
            field(DomesticTerms::new(0.0, 0.0, 1e7, 1.0)),
            "accountability"
        );
        assert_eq!(
            field(DomesticTerms::new(0.0, 0.0, 0.0, 1.5)),
            "kappa_factor"
        );
    }
}
