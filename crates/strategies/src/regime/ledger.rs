//! The regime ledger: diffuse reciprocity towards a group.
//!
//! After each round a state's ledger is updated with
//!
//! ```text
//! balance = lambda * balance + (my_C - mean of the others' C)
//! ```
//!
//! so a positive balance is what the group owes the state (it gave more
//! than the others did on average) and a negative one what it owes the
//! group (`docs/regimes.md`). Partners are "viewed as a group rather than
//! as particular actors" (Keohane 1986): one defector among `N - 1` others
//! adds only `1 / (N - 1)` to a cooperating member's balance, which is
//! what lets free-riders hide in large regimes.
//!
//! The ledger reads the view's profile history and catches up on every
//! round it has not yet seen, so it never misses a round and allocates
//! nothing.

use twolevel_game::{Action, ParameterError, RegimeView};

use crate::ledger::check_lambda;

/// A regime ledger kept from one state's side; see the module
/// documentation.
#[derive(Clone, Debug, PartialEq)]
pub struct RegimeLedger {
    lambda: f64,
    balance: f64,
    seen: usize,
}

impl RegimeLedger {
    /// An empty ledger with decay `lambda` in (0, 1].
    pub fn new(lambda: f64) -> Result<Self, ParameterError> {
        Ok(RegimeLedger {
            lambda: check_lambda("lambda", lambda)?,
            balance: 0.0,
            seen: 0,
        })
    }

    /// The decay of old balances per round.
    #[must_use]
    pub const fn lambda(&self) -> f64 {
        self.lambda
    }

    /// The current balance: positive when the group owes this state.
    #[must_use]
    pub const fn balance(&self) -> f64 {
        self.balance
    }

    /// Empties the ledger.
    pub fn reset(&mut self) {
        self.balance = 0.0;
        self.seen = 0;
    }

    /// Records every round of `view` not yet recorded, calling
    /// `on_round(own action, the others' cooperation share, balance after)`
    /// for each.
    pub fn catch_up(&mut self, view: &RegimeView<'_>, mut on_round: impl FnMut(Action, f64, f64)) {
        let turn = view.turn();
        while self.seen < turn {
            let own = view
                .own_action(self.seen)
                .expect("a round before the view's turn has a profile");
            let others_share = others_cooperation_share(view, self.seen);
            let own_cooperation = if own.is_cooperation() { 1.0 } else { 0.0 };
            self.balance = self.lambda * self.balance + (own_cooperation - others_share);
            self.seen += 1;
            on_round(own, others_share, self.balance);
        }
    }
}

/// The share of the other states that cooperated in past round `round`:
/// the mean of the others' C.
#[must_use]
pub fn others_cooperation_share(view: &RegimeView<'_>, round: usize) -> f64 {
    let Some(others) = view.others_cooperating(round) else {
        return 0.0;
    };
    #[allow(clippy::cast_precision_loss)]
    let share = f64::from(others) / view.others() as f64;
    share
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn balance_follows_the_group_mean() {
        // Three states; I (0) cooperate twice, the others cooperate 1 of 2,
        // then 0 of 2: balance 0.5, then 0.5 * 0.5 + 1 = 1.25.
        let history = [
            Action::C,
            Action::C,
            Action::D,
            Action::C,
            Action::D,
            Action::D,
        ];
        let view = RegimeView {
            history: &history,
            cooperators: &[2, 1],
            ..RegimeView::first_round(0, 3, 3)
        };
        let mut ledger = RegimeLedger::new(0.5).unwrap();
        let mut shares = Vec::new();
        ledger.catch_up(&view, |_, share, _| shares.push(share));
        assert_eq!(shares, [0.5, 0.0]);
        assert!((ledger.balance() - 1.25).abs() < 1e-12);
        ledger.catch_up(&view, |_, _, _| panic!("no new round"));
        assert_eq!(RegimeLedger::new(0.0).unwrap_err().field, "lambda");
    }
}
