//! Second by Robertson: cooperate, test the partner with a defection every
//! twelve (then fewer) steps, and defect against a partner that defects too
//! often.
//!
//! Rule: the Fortran names its fourth argument `M`, so that what the rule
//! calls the move number is the partner's score `L` (and it restarts
//! whenever that score is at most 1). With that "move number": defect after
//! a partner defection on one of the first four, and when the partner's
//! defections (from the fifth on) exceed 20 % (10 % from 20 on) of it or
//! come three in a row, unless 20 times the partner's defections are at most
//! its current run of cooperations times the number; and defect once when
//! the number is a multiple of a period (12, shortened by one every sixth
//! such test). Cooperate otherwise. William H. Robertson's entry,
//! fifty-eighth in Axelrod's second tournament (Axelrod 1980b); Fortran
//! `k54r.f`. The Python `axelrod` library has no class for it.

use super::{Call, FortranRule, SecondEntry, entry};
use crate::registry::StrategyEntry;

/// William H. Robertson's rule (`K54R`).
pub type Robertson = SecondEntry<K54R>;

/// The SAVEd variables of `K54R`.
#[derive(Clone, Debug, Default)]
pub struct K54R {
    /// `OPDEF`: the partner's defections.
    defections: i32,
    /// `STDEF`: its current run of defections.
    run: i32,
    /// `DL`: the tolerated share of defections.
    share: f32,
    /// `COOPS`: its current run of cooperations.
    cooperations: i32,
    /// `NODEF`: the test defections made.
    tests: i32,
    /// `ND`: the period of the test defections.
    period: i32,
}

impl K54R {
    /// Label 20: defect unless the partner's cooperations make up for it.
    fn excessive(&self, m: i32) -> i32 {
        i32::from(20 * self.defections > self.cooperations * m)
    }
}

impl FortranRule for K54R {
    const NAME: &'static str = "Second by Robertson";
    const SUMMARY: &'static str =
        "Cooperates, tests the partner now and then, defects when it defects often (K54R).";
    const STOCHASTIC: bool = false;

    fn choose(&mut self, call: &Call) -> i32 {
        // The Fortran's `M` is its fourth argument, the partner's score.
        let (m, j) = (call.partner_score, call.partner_last);
        if m <= 1 {
            *self = K54R {
                share: 0.2,
                period: 12,
                ..K54R::default()
            };
            return 0;
        }
        if m == 20 {
            self.share = 0.1;
        }
        if j != 1 {
            self.run = 0;
            self.cooperations += 1;
            if self.defections as f32 > m as f32 * self.share {
                return self.excessive(m);
            }
            if m % self.period.max(1) == 0 {
                self.tests += 1;
                if self.tests % 6 == 0 {
                    self.period = (self.period - 1).max(1);
                }
                return 1;
            }
            return 0;
        }
        self.cooperations = 0;
        if m <= 4 {
            return 1;
        }
        self.run += 1;
        self.defections += 1;
        if self.defections as f32 > m as f32 * self.share || self.run > 2 {
            return self.excessive(m);
        }
        0
    }
}

/// The registry entry of [`Robertson`].
pub(crate) const ENTRY: StrategyEntry = entry::<K54R>();
