//! The zone of agreement: the shares of state A that both states ratify.

use super::WinSet;

/// The shares `z` of state A (B gets `1 - z`) that both states ratify:
/// `[R_A, 1 - R_B]`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Zone {
    /// Every share `z` with `low <= z <= high` is ratified in both states.
    Open {
        /// A's reservation `R_A`, the smallest share A ratifies.
        low: f64,
        /// `1 - R_B`, the largest share B leaves to A.
        high: f64,
    },
    /// No share is ratified in both states.
    Empty(NoZone),
}

/// Why the zone of agreement is empty.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum NoZone {
    /// State `state` (0 for A, 1 for B) ratifies no share at all.
    EmptyWinSet {
        /// The state whose win-set is empty.
        state: usize,
    },
    /// Both win-sets exist but do not overlap: `R_A + R_B > 1`, by
    /// `shortfall = R_A + R_B - 1`.
    Disjoint {
        /// How much the demands exceed the whole gain.
        shortfall: f64,
    },
}

impl Zone {
    /// The zone of agreement of A's and B's win-sets.
    #[must_use]
    pub fn new(a: WinSet, b: WinSet) -> Self {
        match (a, b) {
            (WinSet::Empty, _) => Zone::Empty(NoZone::EmptyWinSet { state: 0 }),
            (_, WinSet::Empty) => Zone::Empty(NoZone::EmptyWinSet { state: 1 }),
            (WinSet::From(r_a), WinSet::From(r_b)) => {
                let high = 1.0 - r_b;
                if r_a <= high {
                    Zone::Open { low: r_a, high }
                } else {
                    Zone::Empty(NoZone::Disjoint {
                        shortfall: r_a + r_b - 1.0,
                    })
                }
            }
        }
    }

    /// Returns `true` when some share is ratified in both states.
    #[must_use]
    pub const fn is_open(&self) -> bool {
        matches!(self, Zone::Open { .. })
    }

    /// The share of the zone closest to `z`, `min(max(z, R_A), 1 - R_B)`,
    /// or `None` when the zone is empty.
    #[must_use]
    pub fn clamp(&self, z: f64) -> Option<f64> {
        match *self {
            Zone::Open { low, high } => Some(z.max(low).min(high)),
            Zone::Empty(_) => None,
        }
    }
}
