//! Second by Zimmerman: hold a posture and change it only after enough of
//! the partner's moves against it.
//!
//! Rule: start cooperating. While cooperating, it turns to defection after a
//! number of partner defections (4 at first; then 1 plus its mean points a
//! move, less 3, added to the last tolerance, at least 1); while defecting,
//! it turns back after `floor(1.6667 (tolerance + 1))` partner cooperations
//! (8 at first). George Zimmerman's entry, forty-first in Axelrod's second
//! tournament (Axelrod 1980b); Fortran `K73R.f`. The Python `axelrod`
//! library has no class for it.

use super::{Call, FortranRule, SecondEntry, entry};
use crate::registry::StrategyEntry;

/// George Zimmerman's rule (`K73R`).
pub type Zimmerman = SecondEntry<K73R>;

/// The SAVEd variables of `K73R`.
#[derive(Clone, Debug, Default)]
pub struct K73R {
    /// `IAGGD`: the partner defections it tolerates.
    tolerated: i32,
    /// `IDUNU`: partner defections counted against its cooperation.
    defections: i32,
    /// `IDUNB`: partner cooperations counted against its defection.
    cooperations: i32,
    /// `IPAYB`: the partner cooperations that end its defection.
    payback: i32,
    /// `ITEST`: the partner move that counts (1 while it cooperates).
    watched: i32,
    /// `IPOST`: its posture, 0 or 1.
    posture: i32,
}

impl FortranRule for K73R {
    const NAME: &'static str = "Second by Zimmerman";
    const SUMMARY: &'static str =
        "Holds a posture and changes it only after enough partner moves against it (K73R).";
    const STOCHASTIC: bool = false;

    fn choose(&mut self, call: &Call) -> i32 {
        let (m, j) = (call.move_number, call.partner_last);
        if m <= 1 {
            *self = K73R {
                tolerated: 4,
                payback: 8,
                watched: 1,
                ..K73R::default()
            };
        }
        if j != self.watched {
            return self.posture;
        }
        if self.watched == 1 {
            self.defections += 1;
        }
        if self.watched == 0 {
            self.cooperations += 1;
        }
        if self.defections < self.tolerated && self.cooperations < self.payback {
            return self.posture;
        }
        self.defections = 0;
        self.cooperations = 0;
        self.posture = i32::from(j == 1);
        self.watched = i32::from(self.posture == 0);
        if self.watched == 0 {
            self.payback = (1.6667f32 * (self.tolerated + 1) as f32) as i32;
        } else {
            self.tolerated = (self.tolerated - 3 + call.own_score / m.max(1)).max(1);
        }
        self.posture
    }
}

/// The registry entry of [`Zimmerman`].
pub(crate) const ENTRY: StrategyEntry = entry::<K73R>();
