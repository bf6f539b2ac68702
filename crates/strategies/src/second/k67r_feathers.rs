//! Second by Feathers ("Tranquilizer"): cooperate while doing well,
//! defecting now and then with a probability that learns how the partner
//! takes it.
//!
//! Rule: while its score is at least 2.25 points a move, defect with
//! probability `1 - p`, `p = 0.95 - (AD + NO - 5) / 15 + 1 / M^2 - J / 4`,
//! where `AD` and `NO` are running means of its payoff-like returns one and
//! two moves after such a defection (no new defection until both are in);
//! between 1.75 and 2.25 points a move, defect with probability `1 - p`, `p
//! = 0.25 + C / M - S / 4 + (K - L) / 100 + 4 / M` (`C` the partner's
//! cooperations, `S` its current run of defections); below 1.75, play tit
//! for tat. Craig Feathers's entry, twenty-seventh in Axelrod's second
//! tournament (Axelrod 1980b); Fortran `k67r.f`. The Python `axelrod`
//! library's `SecondByTranquilizer` (this name is accepted as an alias;
//! stochastic, so compared by rates) cooperates as often as the Fortran
//! against Cooperator, Defector and Alternator (200 moves, 150 games each;
//! Fortran and `axelrod` rates 0.838 and 0.837, 0.005 and 0.005, 0.579 and
//! 0.578, all within one standard error).

use super::{Call, FortranRule, SecondEntry, entry};
use crate::registry::StrategyEntry;

/// Craig Feathers's rule (`K67R`).
pub type Feathers = SecondEntry<K67R>;

/// The SAVEd variables of `K67R` (all REALs, as `f32`).
#[derive(Clone, Debug, Default)]
pub struct K67R {
    /// `S`: the partner's current run of defections.
    run: f32,
    /// `AD`: the mean return one move after its defection.
    ad: f32,
    /// `NO`: the mean return two moves after it.
    no: f32,
    /// `NK`: the count behind `NO`, plus 1.
    nk: f32,
    /// `AK`: the count behind `AD`, plus 1.
    ak: f32,
    /// `FD`: 1 right after its defection, 2 the move after, 0 otherwise.
    fd: f32,
    /// `C`: the partner's cooperations.
    cooperations: f32,
}

impl FortranRule for K67R {
    const NAME: &'static str = "Second by Feathers";
    const SUMMARY: &'static str = "Cooperates while doing well, defecting now and then as the partner's answers allow (K67R).";
    const ALIASES: &'static [&'static str] = &["Second by Tranquilizer"];
    const STOCHASTIC: bool = true;

    fn choose(&mut self, call: &Call) -> i32 {
        let (m, j) = (call.move_number, call.partner_last);
        // K67R holds JA, its own previous move, until it is set.
        let own = call.own_last as f32;
        let jf = j as f32;
        if m == 1 {
            *self = K67R {
                ad: 5.0,
                nk: 1.0,
                ak: 1.0,
                ..K67R::default()
            };
        }
        if self.fd == 2.0 {
            self.fd = 0.0;
            self.no = (self.no * self.nk + 3.0 - 3.0 * jf + 2.0 * own - own * jf) / (self.nk + 1.0);
            self.nk += 1.0;
        }
        if self.fd == 1.0 {
            self.fd = 2.0;
            self.ad = (self.ad * self.ak + 3.0 - 3.0 * jf + 2.0 * own - own * jf) / (self.ak + 1.0);
            self.ak += 1.0;
        }
        if j != 0 {
            self.run += 1.0;
        } else {
            self.run = 0.0;
            self.cooperations += 1.0;
        }
        if (self.fd - 1.5).abs() == 0.5 {
            return 0;
        }
        let (mf, k) = (m as f32, call.own_score as f32);
        if k >= 2.25 * mf {
            let p = 0.95 - (self.ad + self.no - 5.0) / 15.0 + 1.0 / (mf * mf) - jf / 4.0;
            if call.random <= p {
                return 0;
            }
            self.fd = 1.0;
            return 1;
        }
        if k >= 1.75 * mf {
            let p = 0.25 + self.cooperations / mf - self.run * 0.25
                + (call.own_score - call.partner_score) as f32 / 100.0
                + 4.0 / mf;
            return i32::from(call.random > p);
        }
        j
    }
}

/// The registry entry of [`Feathers`].
pub(crate) const ENTRY: StrategyEntry = entry::<K67R>();
