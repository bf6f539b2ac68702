//! What a pass over a match's moves books: the rounds without a
//! defection, the side payments and the sanctions ([`Ledger`]).

use twolevel_game::{Action, Carrot, Stick};

use super::SanctionTotals;
use crate::play::MatchBuffers;

/// The side payments and sanctions of a pair, by payer or sanctioner.
pub(super) struct Levers {
    pub(super) carrots: [Carrot; 2],
    pub(super) sticks: [Stick; 2],
}

/// What one pass over a match's moves counts: the rounds without a
/// defection, the side payments and the sanctions.
pub(super) struct Ledger {
    pub(super) compliant: u32,
    pub(super) side_payments: [f64; 2],
    pub(super) sanctions: [SanctionTotals; 2],
}

impl Ledger {
    /// Counts over the moves in `buffers`; compliant rounds, side payments (each round of
    /// mutual cooperation) and sanctions (each round after the partner
    /// defected) only under an agreement with `levers`.
    pub(super) fn of(buffers: &MatchBuffers, levers: Option<&Levers>) -> Self {
        let moves = [buffers.moves(0), buffers.moves(1)];
        let mut mutual = 0_u32;
        let mut after_defection = [0_u32; 2];
        for (t, (&a, &b)) in moves[0].iter().zip(moves[1]).enumerate() {
            mutual += u32::from(a == Action::C && b == Action::C);
            if t > 0 {
                for (k, count) in after_defection.iter_mut().enumerate() {
                    *count += u32::from(moves[1 - k][t - 1] == Action::D);
                }
            }
        }
        let mut ledger = Ledger {
            compliant: if levers.is_some() { mutual } else { 0 },
            side_payments: [0.0; 2],
            sanctions: [SanctionTotals::default(); 2],
        };
        let Some(levers) = levers else {
            return ledger;
        };
        for (k, &imposed) in after_defection.iter().enumerate() {
            if !levers.carrots[k].is_none() {
                ledger.side_payments[k] = f64::from(mutual) * levers.carrots[k].transfer();
            }
            let stick = &levers.sticks[k];
            if !stick.is_none() {
                ledger.sanctions[k].imposed = imposed;
                ledger.sanctions[k].cost = f64::from(imposed) * stick.cost();
                ledger.sanctions[1 - k].suffered = f64::from(imposed) * stick.size();
            }
        }
        ledger
    }

    /// Nothing booked yet.
    pub(super) const fn empty() -> Self {
        Ledger {
            compliant: 0,
            side_payments: [0.0; 2],
            sanctions: [SanctionTotals {
                imposed: 0,
                cost: 0.0,
                suffered: 0.0,
            }; 2],
        }
    }

    /// Adds another segment's ledger.
    pub(super) fn add(&mut self, other: &Ledger) {
        self.compliant += other.compliant;
        for k in 0..2 {
            self.side_payments[k] += other.side_payments[k];
            let (mine, theirs) = (&mut self.sanctions[k], &other.sanctions[k]);
            mine.imposed += theirs.imposed;
            mine.cost += theirs.cost;
            mine.suffered += theirs.suffered;
        }
    }
}
