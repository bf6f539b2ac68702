//! From agreement to play (`docs/model.md` section 13): a ratified share
//! `z` turns the stage game into the bimatrix whose mutual-cooperation
//! payoffs split the joint gain, `R_A = z (R_A0 + R_B0)` and
//! `R_B = (1 - z) (R_A0 + R_B0)` (`2Rz` and `2R(1 - z)` in a symmetric
//! game), with S, T and P unchanged, and adds a compliance cost `psi` to
//! the political payoff of a visible defection from it (the institution
//! monitors every defection). Side payments paid each round of mutual
//! cooperation ([`Agreement::with_side_payments`], the same-round timing
//! of [`carrot_thresholds`](crate::analytic::carrot_thresholds)) move the
//! same entries: the payer's `R` falls by `t`, the receiver's rises by
//! `eta t`. The negotiation engine of `twolevel_tournament` does not put
//! them in the game: it pays an agreement's side payments in play, in the
//! round after each of the partner's cooperations (section 14's
//! conditional carrot, [`carrot_thresholds_in_play`](crate::analytic::carrot_thresholds_in_play)).
//!
//! With `z = 1/2`, `psi = 0` and no side payment the agreement's game is
//! the game it was built from, bit for bit.

use crate::error::{ParameterError, check_non_negative, check_unit_interval};
use crate::matrix::{Bimatrix, PayoffMatrix};
use crate::resources::Carrot;
use crate::two_level::{PoliticalPayoff, TwoLevelGame};

/// The terms of a ratified agreement between states A (the row state) and
/// B (the column state).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Agreement {
    share: f64,
    compliance_cost: f64,
    side_payments: [Carrot; 2],
}

impl Agreement {
    /// An agreement giving A the share `share` in [0, 1] (the error names
    /// `share`) with compliance cost `psi`, finite and non-negative (the
    /// error names `psi`), and no side payment.
    pub fn new(share: f64, psi: f64) -> Result<Self, ParameterError> {
        Ok(Agreement {
            share: check_unit_interval("share", share)?,
            compliance_cost: check_non_negative("psi", psi)?,
            side_payments: [Carrot::NONE; 2],
        })
    }

    /// The same agreement with side payments: `side_payments[i]` is paid by
    /// state i to its partner in each round of mutual cooperation.
    #[must_use]
    pub const fn with_side_payments(mut self, side_payments: [Carrot; 2]) -> Self {
        self.side_payments = side_payments;
        self
    }

    /// A's share `z`.
    #[must_use]
    pub const fn share(&self) -> f64 {
        self.share
    }

    /// The compliance cost `psi`.
    #[must_use]
    pub const fn compliance_cost(&self) -> f64 {
        self.compliance_cost
    }

    /// The side payments, by payer.
    #[must_use]
    pub const fn side_payments(&self) -> &[Carrot; 2] {
        &self.side_payments
    }

    /// The agreement's game built from `game`: the split mutual-cooperation
    /// payoffs, the side payments and the compliance cost, with theta,
    /// beta, alpha and gamma unchanged. Fails (naming the field) only when
    /// the new payoffs leave the bounds every game keeps.
    pub fn game(&self, game: &TwoLevelGame) -> Result<TwoLevelGame, ParameterError> {
        let base = game.policy();
        let joint = base.row.r() + base.column.r();
        let mut rewards = [joint * self.share, joint * (1.0 - self.share)];
        for (payer, carrot) in self.side_payments.iter().enumerate() {
            if !carrot.is_none() {
                rewards[payer] -= carrot.transfer();
                rewards[1 - payer] += carrot.received();
            }
        }
        let with_reward = |m: &PayoffMatrix, r: f64, side: &str| {
            PayoffMatrix::new(r, m.s(), m.t(), m.p())
                .map_err(|e| e.within(&format!("policy.{side}")))
        };
        let policy = Bimatrix {
            row: with_reward(&base.row, rewards[0], "row")?,
            column: with_reward(&base.column, rewards[1], "column")?,
        };
        let political = self.political(game.political())?;
        TwoLevelGame::new(policy, political, game.theta(), game.beta())?
            .with_accountability(game.alpha(), game.gamma())
    }

    /// The political payoff with the compliance cost on every defection:
    /// a derived payoff's audience bonus falls by `psi`, a given matrix's
    /// T and P entries fall by `psi`.
    fn political(&self, political: &PoliticalPayoff) -> Result<PoliticalPayoff, ParameterError> {
        let psi = self.compliance_cost;
        if psi == 0.0 {
            return Ok(*political);
        }
        Ok(match *political {
            PoliticalPayoff::Derived {
                kappa,
                audience_bonus,
            } => PoliticalPayoff::Derived {
                kappa,
                audience_bonus: audience_bonus - psi,
            },
            PoliticalPayoff::Matrix(m) => {
                let costly =
                    |m: &PayoffMatrix| PayoffMatrix::new(m.r(), m.s(), m.t() - psi, m.p() - psi);
                PoliticalPayoff::Matrix(Bimatrix {
                    row: costly(&m.row).map_err(|e| e.within("psi"))?,
                    column: costly(&m.column).map_err(|e| e.within("psi"))?,
                })
            }
        })
    }
}
