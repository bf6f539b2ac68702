//! Validated 2x2 payoff matrices and bimatrices.

use serde::{Deserialize, Serialize};

use crate::action::{Action, Outcome};
use crate::error::{ParameterError, check_finite};

/// A symmetric 2x2 payoff matrix in the classic notation, seen from the
/// focal (row) player.
///
/// - `r`: reward for mutual cooperation (C, C),
/// - `s`: sucker's payoff for cooperating against a defector (C, D),
/// - `t`: temptation to defect against a cooperator (D, C),
/// - `p`: punishment for mutual defection (D, D).
///
/// A value of this type always holds finite numbers: build it with
/// [`PayoffMatrix::new`] (or deserialize it, which validates too).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "RawPayoffMatrix", into = "RawPayoffMatrix")]
pub struct PayoffMatrix {
    r: f64,
    s: f64,
    t: f64,
    p: f64,
}

/// The unvalidated form of a [`PayoffMatrix`], exactly as written in a
/// configuration file: `(R: 3, S: 0, T: 5, P: 1)`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[allow(non_snake_case)]
pub struct RawPayoffMatrix {
    /// Reward for mutual cooperation.
    pub R: f64,
    /// Sucker's payoff.
    pub S: f64,
    /// Temptation to defect.
    pub T: f64,
    /// Punishment for mutual defection.
    pub P: f64,
}

impl TryFrom<RawPayoffMatrix> for PayoffMatrix {
    type Error = ParameterError;

    fn try_from(raw: RawPayoffMatrix) -> Result<Self, Self::Error> {
        PayoffMatrix::new(raw.R, raw.S, raw.T, raw.P)
    }
}

impl From<PayoffMatrix> for RawPayoffMatrix {
    fn from(m: PayoffMatrix) -> Self {
        RawPayoffMatrix {
            R: m.r,
            S: m.s,
            T: m.t,
            P: m.p,
        }
    }
}

/// Why a matrix is not a prisoner's dilemma.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum NotPrisonersDilemma {
    /// The temptation does not exceed the reward (T <= R).
    #[error("T must exceed R (the temptation to defect)")]
    NoTemptation,
    /// The reward does not exceed the punishment (R <= P).
    #[error("R must exceed P (mutual cooperation must beat mutual defection)")]
    NoGainFromCooperation,
    /// The punishment does not exceed the sucker's payoff (P <= S).
    #[error("P must exceed S (being exploited must be worst)")]
    NoFear,
    /// Alternating exploitation pays at least as well as mutual cooperation
    /// (2R <= T + S).
    #[error("2R must exceed T + S (taking turns exploiting must not beat cooperating)")]
    AlternationPays,
}

impl PayoffMatrix {
    /// Axelrod's (1984) payoffs: R = 3, S = 0, T = 5, P = 1.
    pub const AXELROD: PayoffMatrix = PayoffMatrix {
        r: 3.0,
        s: 0.0,
        t: 5.0,
        p: 1.0,
    };

    /// Builds a matrix, rejecting NaN and infinite entries.
    pub fn new(r: f64, s: f64, t: f64, p: f64) -> Result<Self, ParameterError> {
        Ok(PayoffMatrix {
            r: check_finite("R", r)?,
            s: check_finite("S", s)?,
            t: check_finite("T", t)?,
            p: check_finite("P", p)?,
        })
    }

    /// Builds a matrix from entries in table order that the crate has
    /// computed from validated, bounded inputs and that are therefore
    /// finite. A non-finite entry (a bug in this crate) is replaced by 0 in
    /// release builds rather than propagating NaN.
    pub(crate) fn from_finite_entries(entries: [f64; 4]) -> Self {
        debug_assert!(entries.iter().all(|e| e.is_finite()), "{entries:?}");
        let [r, s, t, p] = entries.map(|e| if e.is_finite() { e } else { 0.0 });
        PayoffMatrix { r, s, t, p }
    }

    /// The reward for mutual cooperation, R.
    #[inline]
    #[must_use]
    pub const fn r(&self) -> f64 {
        self.r
    }

    /// The sucker's payoff, S.
    #[inline]
    #[must_use]
    pub const fn s(&self) -> f64 {
        self.s
    }

    /// The temptation to defect, T.
    #[inline]
    #[must_use]
    pub const fn t(&self) -> f64 {
        self.t
    }

    /// The punishment for mutual defection, P.
    #[inline]
    #[must_use]
    pub const fn p(&self) -> f64 {
        self.p
    }

    /// The entries in table order (CC, CD, DC, DD), that is `[R, S, T, P]`.
    #[inline]
    #[must_use]
    pub const fn entries(&self) -> [f64; 4] {
        [self.r, self.s, self.t, self.p]
    }

    /// Builds a matrix from entries in table order (CC, CD, DC, DD).
    pub fn from_entries(entries: [f64; 4]) -> Result<Self, ParameterError> {
        PayoffMatrix::new(entries[0], entries[1], entries[2], entries[3])
    }

    /// The focal player's payoff for playing `own` against `partner`.
    #[inline]
    #[must_use]
    pub const fn payoff(&self, own: Action, partner: Action) -> f64 {
        match (own, partner) {
            (Action::C, Action::C) => self.r,
            (Action::C, Action::D) => self.s,
            (Action::D, Action::C) => self.t,
            (Action::D, Action::D) => self.p,
        }
    }

    /// The focal player's payoff for an outcome.
    #[inline]
    #[must_use]
    pub const fn outcome(&self, outcome: Outcome) -> f64 {
        self.payoff(outcome.own, outcome.partner)
    }

    /// Checks the ordering of a prisoner's dilemma, T > R > P > S, alone
    /// (without the condition 2R > T + S of the iterated game), and says
    /// which inequality fails first.
    ///
    /// ```
    /// use twolevel_game::{NotPrisonersDilemma, PayoffMatrix};
    ///
    /// assert_eq!(PayoffMatrix::AXELROD.check_ordering(), Ok(()));
    /// // T > R > P > S holds, but taking turns exploiting (7 + 0) beats
    /// // cooperating twice (2 * 3): ordered, yet no iterated dilemma.
    /// let alternation = PayoffMatrix::new(3.0, 0.0, 7.0, 1.0)?;
    /// assert!(alternation.has_dilemma_ordering());
    /// assert!(!alternation.is_prisoners_dilemma());
    /// // Chicken: being exploited (S = 1) beats mutual defection (P = 0).
    /// let chicken = PayoffMatrix::new(3.0, 1.0, 5.0, 0.0)?;
    /// assert_eq!(chicken.check_ordering(), Err(NotPrisonersDilemma::NoFear));
    /// # Ok::<(), twolevel_game::ParameterError>(())
    /// ```
    pub fn check_ordering(&self) -> Result<(), NotPrisonersDilemma> {
        if self.t <= self.r {
            Err(NotPrisonersDilemma::NoTemptation)
        } else if self.r <= self.p {
            Err(NotPrisonersDilemma::NoGainFromCooperation)
        } else if self.p <= self.s {
            Err(NotPrisonersDilemma::NoFear)
        } else {
            Ok(())
        }
    }

    /// Returns `true` when T > R > P > S ([`PayoffMatrix::check_ordering`]).
    #[must_use]
    pub fn has_dilemma_ordering(&self) -> bool {
        self.check_ordering().is_ok()
    }

    /// Checks the prisoner's dilemma conditions T > R > P > S and 2R > T + S,
    /// and says which one fails first.
    pub fn check_prisoners_dilemma(&self) -> Result<(), NotPrisonersDilemma> {
        self.check_ordering()?;
        if 2.0 * self.r <= self.t + self.s {
            Err(NotPrisonersDilemma::AlternationPays)
        } else {
            Ok(())
        }
    }

    /// Returns `true` when [`PayoffMatrix::check_prisoners_dilemma`] passes.
    #[must_use]
    pub fn is_prisoners_dilemma(&self) -> bool {
        self.check_prisoners_dilemma().is_ok()
    }
}

impl Default for PayoffMatrix {
    fn default() -> Self {
        PayoffMatrix::AXELROD
    }
}

/// Payoffs of an asymmetric stage game: each state has its own matrix, each
/// seen from that state's side (its own action first).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Bimatrix {
    /// The row (first) state's payoffs.
    pub row: PayoffMatrix,
    /// The column (second) state's payoffs.
    pub column: PayoffMatrix,
}

impl Bimatrix {
    /// A symmetric game: both states have the same matrix.
    #[must_use]
    pub const fn symmetric(matrix: PayoffMatrix) -> Self {
        Bimatrix {
            row: matrix,
            column: matrix,
        }
    }

    /// Returns `true` when both states have the same matrix.
    #[must_use]
    pub fn is_symmetric(&self) -> bool {
        self.row == self.column
    }

    /// Both states' payoffs for the row state's action and the column
    /// state's action.
    #[inline]
    #[must_use]
    pub const fn payoffs(&self, row: Action, column: Action) -> [f64; 2] {
        [
            self.row.payoff(row, column),
            self.column.payoff(column, row),
        ]
    }
}

impl Default for Bimatrix {
    fn default() -> Self {
        Bimatrix::symmetric(PayoffMatrix::AXELROD)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn axelrod_matrix_is_a_prisoners_dilemma() {
        assert_eq!(PayoffMatrix::AXELROD.check_prisoners_dilemma(), Ok(()));
    }

    #[test]
    fn non_dilemmas_say_why() {
        let chicken = PayoffMatrix::new(3.0, 1.0, 5.0, 0.0).unwrap();
        assert_eq!(
            chicken.check_prisoners_dilemma(),
            Err(NotPrisonersDilemma::NoFear)
        );
        let alternation = PayoffMatrix::new(3.0, 0.0, 7.0, 1.0).unwrap();
        assert_eq!(
            alternation.check_prisoners_dilemma(),
            Err(NotPrisonersDilemma::AlternationPays)
        );
    }

    #[test]
    fn nan_and_infinite_entries_are_rejected_with_the_field() {
        let err = PayoffMatrix::new(3.0, f64::NAN, 5.0, 1.0).unwrap_err();
        assert_eq!(err.field, "S");
        assert!(PayoffMatrix::new(f64::INFINITY, 0.0, 5.0, 1.0).is_err());
    }

    #[test]
    fn ron_round_trip_and_validation() {
        let m: PayoffMatrix = ron::from_str("(R: 3, S: 0, T: 5, P: 1)").unwrap();
        assert_eq!(m, PayoffMatrix::AXELROD);
        let text = ron::to_string(&m).unwrap();
        assert_eq!(ron::from_str::<PayoffMatrix>(&text).unwrap(), m);
        assert!(ron::from_str::<PayoffMatrix>("(R: 3, S: 0, T: inf, P: 1)").is_err());
    }
}
