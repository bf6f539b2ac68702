//! Conditional Cooperator: contributes when a quorum of the others did.
//!
//! Rule: cooperate in the first round; afterwards cooperate iff at least
//! `quorum` (m) of the other N - 1 states cooperated in the last round. A
//! quorum of 0 is unconditional cooperation; a quorum above N - 1 is never
//! met, so the state then defects after the first round. With m = N - 1 it
//! is the N-person tit for tat of Boyd and Richerson (1988).
//!
//! Source: `docs/regimes.md`; Boyd and Richerson (1988), "The evolution
//! of reciprocity in sizable groups"; the conditional cooperators of
//! Fischbacher, Gachter and Fehr (2001).

use rand_core::Rng;
use twolevel_game::{Action, Classifier, RegimeStrategy, RegimeView};

use super::registry::RegimeEntry;
use crate::registry::{ParamKind, ParamSpec};

/// Cooperates when at least `quorum` others cooperated last round.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ConditionalCooperator {
    quorum: u32,
}

impl ConditionalCooperator {
    /// The default quorum.
    pub const DEFAULT_QUORUM: u32 = 1;

    /// A conditional cooperator with quorum `quorum` (any whole number).
    #[must_use]
    pub const fn new(quorum: u32) -> Self {
        ConditionalCooperator { quorum }
    }

    /// The quorum m.
    #[must_use]
    pub const fn quorum(&self) -> u32 {
        self.quorum
    }
}

impl RegimeStrategy for ConditionalCooperator {
    fn name(&self) -> &str {
        "Conditional Cooperator"
    }

    fn classifier(&self) -> Classifier {
        Classifier::deterministic(Some(1))
    }

    fn decide(&mut self, view: &RegimeView<'_>, _: &mut dyn Rng) -> Action {
        match view.others_cooperating_last() {
            Some(others) if others < self.quorum => Action::D,
            _ => Action::C,
        }
    }

    fn reset(&mut self) {}
}

/// The registry entry.
pub(crate) const ENTRY: RegimeEntry = RegimeEntry::new(
    "Conditional Cooperator",
    "Cooperates when at least `quorum` others cooperated last round.",
    |params| Ok(Box::new(ConditionalCooperator::new(params.count("quorum")))),
)
.with_aliases(&["Quorum"])
.with_params(&[ParamSpec::new(
    "quorum",
    ParamKind::count(ConditionalCooperator::DEFAULT_QUORUM, 0),
    "The number m of other states that must have cooperated last round.",
)]);
