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

/// What one pass over a match's moves counts: the rounds of mutual
/// cooperation under an agreement, the side payments and the sanctions.
pub(super) struct Ledger {
    pub(super) compliant: u32,
    pub(super) side_payments: [f64; 2],
    pub(super) sanctions: [SanctionTotals; 2],
}

impl Ledger {
    /// Counts over the moves in `buffers` (the whole match), each round
    /// under the regime of `regimes` (the run's course of agreements: a
    /// share from a round on, `None` for the status quo): the compliant rounds (mutual cooperation under an
    /// agreement), the side payments (one in each round after a round in
    /// which the partner cooperated under an agreement) and the
    /// sanctions (one in each round after a round in which the partner
    /// defected under an agreement), as the match engine pays them: what
    /// the last round triggers is never paid.
    pub(super) fn of(
        buffers: &MatchBuffers,
        levers: &Levers,
        regimes: &[(u32, Option<f64>)],
    ) -> Self {
        let moves = [buffers.moves(0), buffers.moves(1)];
        let mut mutual = 0_u32;
        let mut after_cooperation = [0_u32; 2];
        let mut after_defection = [0_u32; 2];
        let (mut next, mut under, mut before) = (0, false, false);
        for (t, (&a, &b)) in moves[0].iter().zip(moves[1]).enumerate() {
            while let Some(&(round, share)) = regimes.get(next)
                && round as usize == t
            {
                under = share.is_some();
                next += 1;
            }
            mutual += u32::from(under && a == Action::C && b == Action::C);
            if t > 0 && before {
                for k in 0..2 {
                    let partner = moves[1 - k][t - 1];
                    after_cooperation[k] += u32::from(partner == Action::C);
                    after_defection[k] += u32::from(partner == Action::D);
                }
            }
            before = under;
        }
        let mut ledger = Ledger {
            compliant: mutual,
            side_payments: [0.0; 2],
            sanctions: [SanctionTotals::default(); 2],
        };
        for k in 0..2 {
            let carrot = &levers.carrots[k];
            if !carrot.is_none() {
                ledger.side_payments[k] = f64::from(after_cooperation[k]) * carrot.transfer();
            }
            let stick = &levers.sticks[k];
            if !stick.is_none() {
                let imposed = after_defection[k];
                ledger.sanctions[k].imposed = imposed;
                ledger.sanctions[k].cost = f64::from(imposed) * stick.cost();
                ledger.sanctions[1 - k].suffered = f64::from(imposed) * stick.size();
            }
        }
        ledger
    }
}
