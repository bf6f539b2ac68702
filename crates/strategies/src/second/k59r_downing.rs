//! Second by Downing: revised Downing, the best reply to a partner that
//! answers its moves with fixed probabilities.
//!
//! Rule: the rule of [`Quayle`](super::Quayle) (`K56R`), which Axelrod
//! retyped as this entry in 1993: estimate the partner's probabilities of
//! cooperating after its own cooperation and after its own defection, and
//! play the move with the better expected payoff against them. Leslie
//! Downing's entry, fortieth in Axelrod's second tournament (Axelrod 1980b),
//! "same as round one rev. Downing"; Fortran `K59R.f`, a copy of `k56r.f`.
//! The Python `axelrod` library's `RevisedDowning` is its reading of the
//! rule.

use super::k56r_quayle::K56R;
use super::{Call, FortranRule, SecondEntry, entry};
use crate::registry::StrategyEntry;

/// Leslie Downing's rule (`K59R`).
pub type Downing = SecondEntry<K59R>;

/// The SAVEd variables of `K59R`: those of `K56R`, whose code it copies.
#[derive(Clone, Debug, Default)]
pub struct K59R(K56R);

impl FortranRule for K59R {
    const NAME: &'static str = "Second by Downing";
    const SUMMARY: &'static str = "Revised Downing, as Quayle's entry: the best reply to the partner's estimated answers (K59R).";
    const STOCHASTIC: bool = false;

    fn choose(&mut self, call: &Call) -> i32 {
        self.0.choose(call)
    }
}

/// The registry entry of [`Downing`].
pub(crate) const ENTRY: StrategyEntry = entry::<K59R>();
