//! The society ledger: diffuse reciprocity towards the society as a whole.
//!
//! Rule: keep one balance with the whole society, the cooperations given
//! as a donor minus the cooperations received as a recipient; cooperate
//! while that balance is at most `tolerance`, defect once the state has
//! given more than `tolerance` beyond what it got. Keohane's (1986,
//! "Reciprocity in international relations", International Organization
//! 40:1-27) diffuse reciprocity, where "the sequence of events need not be
//! closely bounded" and partners are "viewed as a group": the pairwise
//! credit line of `DiffuseReciprocity` held with the society instead of
//! with one partner.

use rand_core::Rng;
use twolevel_game::{Action, ParameterError};

use super::{DonorView, RuleEntry, SocietyRule, cooperate_if};
use crate::registry::{ParamKind, ParamSpec};

/// Cooperates while it has not given the society more than `tolerance`
/// cooperations beyond what it received.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SocietyLedger {
    tolerance: u64,
}

impl SocietyLedger {
    /// The default tolerance: two cooperations ahead of the society.
    pub const DEFAULT_TOLERANCE: u64 = 2;

    /// A ledger rule with the given tolerance, in cooperations.
    #[must_use]
    pub const fn new(tolerance: u64) -> SocietyLedger {
        SocietyLedger { tolerance }
    }

    /// A ledger rule with a tolerance read from a number, which must be a
    /// whole number of cooperations, at least 0 (field `tolerance`): the
    /// check of its registry parameter ([`ParamKind::whole_amount`]).
    pub fn from_number(tolerance: f64) -> Result<SocietyLedger, ParameterError> {
        ParamKind::whole_amount(tolerance, 0)
            .map(SocietyLedger::new)
            .ok_or_else(|| {
                ParameterError::new(
                    "tolerance",
                    format!("expected a whole number of cooperations >= 0, got {tolerance}"),
                )
            })
    }

    /// The tolerance, in cooperations.
    #[must_use]
    pub const fn tolerance(self) -> u64 {
        self.tolerance
    }
}

impl Default for SocietyLedger {
    fn default() -> Self {
        SocietyLedger::new(Self::DEFAULT_TOLERANCE)
    }
}

impl SocietyRule for SocietyLedger {
    fn name(&self) -> &str {
        "Society Ledger"
    }

    #[inline]
    fn decide(&mut self, view: &DonorView, _rng: &mut dyn Rng) -> Action {
        cooperate_if(view.cooperations_given <= view.cooperations_received + self.tolerance)
    }
}

/// The registry entry, with the one parameter `tolerance`.
pub(crate) const ENTRY: RuleEntry = RuleEntry::new(
    "Society Ledger",
    "Cooperates while it has not given the society more than `tolerance` cooperations beyond what it received.",
    |params| Ok(Box::new(SocietyLedger::new(params.amount("tolerance")))),
)
.with_aliases(&["Ledger"])
.with_params(&[ParamSpec::new(
    "tolerance",
    ParamKind::Amount {
        default: SocietyLedger::DEFAULT_TOLERANCE,
        min: 0,
        unit: "cooperations",
    },
    "The credit line: how many cooperations it gives the society beyond those it received.",
)]);

#[cfg(test)]
mod tests {
    use super::super::test_support::{rng, view};
    use super::*;
    use twolevel_game::Standing::Good;

    #[test]
    fn cooperates_within_its_tolerance() {
        let mut rule = SocietyLedger::new(2);
        let mut seen = view(Good, Good);
        seen.cooperations_received = 5;
        seen.cooperations_given = 7;
        assert_eq!(rule.decide(&seen, &mut rng()), Action::C);
        seen.cooperations_given = 8;
        assert_eq!(rule.decide(&seen, &mut rng()), Action::D);
        assert_eq!(SocietyLedger::from_number(3.0), Ok(SocietyLedger::new(3)));
        let error = SocietyLedger::from_number(-1.0).unwrap_err();
        assert_eq!(error.field, "tolerance");
        assert!(SocietyLedger::from_number(0.5).is_err());
        assert!(SocietyLedger::from_number(f64::NAN).is_err());
        assert_eq!(
            SocietyLedger::from_number(ParamKind::MAX_AMOUNT),
            Ok(SocietyLedger::new(1_000_000_000_000_000))
        );
        assert!(SocietyLedger::from_number(2.0 * ParamKind::MAX_AMOUNT).is_err());
    }
}
