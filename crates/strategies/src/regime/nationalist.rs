//! Regime Nationalist: defects visibly, playing to the home crowd.
//!
//! Rule: defect, every round; with `reciprocate_below` (a politicization
//! threshold in [0, 1], default 0 = never) it instead plays as a
//! majority conditional cooperator (cooperates in the first round, then
//! iff at least half of the others cooperated last round) while its own
//! politicization `pi_i` is below the threshold.
//!
//! Its defections are meant to be seen: a tournament entry of this
//! strategy takes visibility 1 by default, so under dynamic politicization
//! each of its defections raises every member's `pi` (`docs/regimes.md`: "the nationalist (defects visibly; raises every member's
//! pi)").
//!
//! Source: `docs/model.md` section 1, `docs/strategies.md` and `docs/regimes.md`; the pairwise
//! [`NationalistDefector`](crate::NationalistDefector).

use rand_core::Rng;
use twolevel_game::error::check_unit_interval;
use twolevel_game::{Action, Classifier, ParameterError, RegimeStrategy, RegimeView};

use super::registry::RegimeEntry;
use crate::registry::{ParamKind, ParamSpec};

/// Defects to score at home; optionally reciprocates while politicization
/// is low.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct RegimeNationalist {
    reciprocate_below: f64,
}

impl RegimeNationalist {
    /// The visibility a nationalist's defections have by default.
    pub const VISIBILITY: f64 = 1.0;

    /// A nationalist that reciprocates while `pi_i < reciprocate_below`
    /// (in [0, 1]).
    pub fn new(reciprocate_below: f64) -> Result<Self, ParameterError> {
        Ok(RegimeNationalist {
            reciprocate_below: check_unit_interval("reciprocate_below", reciprocate_below)?,
        })
    }
}

impl RegimeStrategy for RegimeNationalist {
    fn name(&self) -> &str {
        "Regime Nationalist"
    }

    fn classifier(&self) -> Classifier {
        Classifier {
            uses_politicization: self.reciprocate_below > 0.0,
            ..Classifier::deterministic(Some(1))
        }
    }

    fn decide(&mut self, view: &RegimeView<'_>, _: &mut dyn Rng) -> Action {
        if view.politicization >= self.reciprocate_below {
            return Action::D;
        }
        match view.others_cooperating_last() {
            Some(others) if 2 * (others as usize) < view.others() => Action::D,
            _ => Action::C,
        }
    }

    fn reset(&mut self) {}
}

/// The registry entry.
pub(crate) const ENTRY: RegimeEntry = RegimeEntry::new(
    "Regime Nationalist",
    "Defects visibly; optionally reciprocates with the majority while politicization is low.",
    |params| params.finish(RegimeNationalist::new(params.number("reciprocate_below"))),
)
.with_aliases(&["Nationalist Regime"])
.with_params(&[ParamSpec::new(
    "reciprocate_below",
    ParamKind::probability(0.0),
    "The politicization below which it cooperates with a cooperating majority.",
)])
.with_visibility(RegimeNationalist::VISIBILITY);
