//! Second by Tideman and Chieruzzi: tit for tat with escalating retaliation
//! and fresh starts.
//!
//! Rule: cooperate while its score, less the partner's, less the lead it had
//! at the last fresh start, is at least `5 * n (n - 1) / 2`, where `n`
//! counts the partner's runs of defections since the fresh start; defect
//! otherwise. When it would defect, the partner did not just defect, at
//! least ten moves passed since the last fresh start and the partner's
//! defections differ from half its moves by at least 1.5 standard
//! deviations, it offers a fresh start instead: it cooperates twice and
//! forgets the runs. T. Nicolaus Tideman and Paula Chieruzzi's entry, ninth
//! in Axelrod's second tournament (Axelrod 1980b); Fortran `k84r.f`. The
//! Python `axelrod` library's `SecondByTidemanAndChieruzzi` plays the same
//! moves on every game of the fixture
//! (`scripts/second_vs_axelrod_library.py`, axelrod 4.14).

use super::{Call, FortranRule, SecondEntry, entry};
use crate::registry::StrategyEntry;

/// T. Nicolaus Tideman and Paula Chieruzzi's rule (`K84R`).
pub type TidemanAndChieruzzi = SecondEntry<K84R>;

/// The SAVEd variables of `K84R` (REALs as `f32`, as in the Fortran).
#[derive(Clone, Debug, Default)]
pub struct K84R {
    /// `ISIG`: 1 right after a fresh start was offered, then the move of
    /// the fresh start.
    signal: i32,
    /// `DS`: its lead at the last fresh start.
    lead_at_start: f32,
    /// `JQ`: the partner's previous move, as the rule remembers it.
    partner_before: i32,
    /// `FJD`: the partner's defections.
    partner_defections: f32,
    /// `JDR`: the partner's runs of defections since the fresh start.
    runs: i32,
    /// `FM`: the move number, as last recorded.
    moves: f32,
}

impl FortranRule for K84R {
    const NAME: &'static str = "Second by Tideman and Chieruzzi";
    const SUMMARY: &'static str =
        "Tit for tat with escalating retaliation and fresh starts (K84R).";
    const STOCHASTIC: bool = false;

    fn choose(&mut self, call: &Call) -> i32 {
        let (m, jp) = (call.move_number, call.partner_last);
        if m <= 1 {
            *self = K84R::default();
        } else {
            if jp == 1 {
                self.partner_defections += 1.0;
            }
            if self.signal == 1 {
                // Label 5: the second cooperation of a fresh start.
                self.signal = m;
                self.partner_before = 0;
                self.runs = 0;
                self.lead_at_start = (call.own_score - call.partner_score) as f32;
                return 0;
            }
            self.moves = m as f32;
            if self.partner_before == 0 && jp == 1 {
                self.runs += 1;
            }
        }
        let margin = (call.own_score - call.partner_score) as f32
            - self.lead_at_start
            - (5 * i64::from(self.runs) * i64::from(self.runs - 1) / 2) as f32;
        if margin >= 0.0 {
            self.partner_before = jp;
            return 0;
        }
        if self.partner_before - jp < 0 || m - self.signal < 10 {
            self.partner_before = jp;
            return 1;
        }
        let deviation = (self.partner_defections - (self.moves - 1.0) / 2.0).abs();
        if deviation < 1.5 * (self.moves - 1.0).sqrt() {
            self.partner_before = jp;
            return 1;
        }
        self.signal = 1;
        self.partner_before = jp;
        0
    }
}

/// The registry entry of [`TidemanAndChieruzzi`].
pub(crate) const ENTRY: StrategyEntry = entry::<K84R>();
