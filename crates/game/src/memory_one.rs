//! Memory-one players and the exact Markov chain of a match between two of
//! them.
//!
//! A memory-one player cooperates with a probability that depends only on
//! the outcome of the previous round, seen from its own side (its own move
//! first, the partner's second): the four-vector
//! `(p_CC, p_CD, p_DC, p_DD)`, plus a probability of cooperating in the
//! first round. Tit-for-tat is `(1, 0, 1, 0)` with first move C,
//! Win-Stay Lose-Shift `(1, 0, 0, 1)`, and the zero-determinant strategies
//! of Press and Dyson (2012) are memory-one players too.
//!
//! Two memory-one players make the outcomes of a match a Markov chain over
//! the four outcomes `CC, CD, DC, DD`, indexed from the first player's (X's)
//! side as in [`Outcome::index`]. With action noise `e` (each chosen move
//! flipped with probability `e`, as in the match engine) a player's
//! effective cooperation probability is `p (1 - e) + (1 - p) e`; with
//! perception noise `q` (each player sees the partner's last move flipped
//! with probability `q`) it conditions on `(own, partner)` with probability
//! `1 - q` and on `(own, not partner)` with probability `q`. Y sees the
//! outcome `CD` of X as `DC`, so its vector is re-indexed before the chain
//! is built. With `x_i` and `y_i` the effective cooperation probabilities
//! of X and Y after X-side outcome `i`, the transition matrix is
//!
//! ```text
//! M[i] = [x_i y_i, x_i (1 - y_i), (1 - x_i) y_i, (1 - x_i)(1 - y_i)]
//! ```
//!
//! and the first round's outcome has the distribution `v0` built the same
//! way from the first-move probabilities. [`MemoryOneChain`] gives
//!
//! - the long-run distribution `lim (1/n) sum_{t < n} v0 M^t` (the Cesàro
//!   limit, always defined, equal to the unique stationary distribution
//!   when the chain has one), and the long-run mean payoffs per round;
//! - the exact expected payoffs of a match of `T` rounds,
//!   `sum_{t < T} v0 M^t f`;
//! - the exact expected payoffs of a match with continuation probability
//!   `delta` ([`HorizonKind::Continuation`]): round `t + 1` is played with
//!   probability `delta^t`, so the expected total is
//!   `v0 (I - delta M)^-1 f`, and per round (divided by the expected length
//!   `1 / (1 - delta)`) it is `(1 - delta) v0 (I - delta M)^-1 f`.
//!
//! Payoffs are given per outcome for each player ([`OutcomePayoffs`]), so
//! blended utilities, policy and political payoffs of the two-level game
//! can all be used. The 4x4 linear systems are solved by Gaussian
//! elimination with partial pivoting; nothing here allocates or panics.
//!
//! ```
//! use twolevel_game::{MemoryOneChain, MemoryOnePlayer, OutcomePayoffs, PayoffMatrix};
//!
//! // Win-Stay Lose-Shift against itself with 5 % action noise.
//! let wsls = MemoryOnePlayer::WIN_STAY_LOSE_SHIFT;
//! let chain = MemoryOneChain::new(&wsls, &wsls, 0.05)?;
//! let [x, y] = chain.long_run_payoffs(&OutcomePayoffs::symmetric(&PayoffMatrix::AXELROD));
//! assert!((x - y).abs() < 1e-12 && x > 2.7);
//! # Ok::<(), twolevel_game::ParameterError>(())
//! ```

use crate::action::Outcome;
use crate::currency::Currency;
use crate::error::{ParameterError, check_finite, check_unit_interval};
use crate::horizon::{Horizon, HorizonKind};
use crate::matrix::PayoffMatrix;
use crate::two_level::StageTable;

/// The configuration names of the four-vector's entries, in table order.
const VECTOR_FIELDS: [&str; 4] = ["p_CC", "p_CD", "p_DC", "p_DD"];

/// The X-side outcome index of the outcome that Y sees at X-side index
/// `i`: `CD` and `DC` trade places.
const SWAP: [usize; 4] = [0, 2, 1, 3];

/// A memory-one player: the probability of cooperating after each outcome
/// of the previous round, seen from its own side, and in the first round.
///
/// Build it with [`MemoryOnePlayer::new`], which checks that every
/// probability lies in [0, 1].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MemoryOnePlayer {
    four_vector: [f64; 4],
    first: f64,
}

impl MemoryOnePlayer {
    /// Tit-for-tat: `(1, 0, 1, 0)`, cooperating first.
    pub const TIT_FOR_TAT: MemoryOnePlayer = MemoryOnePlayer {
        four_vector: [1.0, 0.0, 1.0, 0.0],
        first: 1.0,
    };
    /// Win-Stay Lose-Shift (Pavlov): `(1, 0, 0, 1)`, cooperating first.
    pub const WIN_STAY_LOSE_SHIFT: MemoryOnePlayer = MemoryOnePlayer {
        four_vector: [1.0, 0.0, 0.0, 1.0],
        first: 1.0,
    };
    /// Unconditional cooperation: `(1, 1, 1, 1)`, cooperating first.
    pub const ALWAYS_COOPERATE: MemoryOnePlayer = MemoryOnePlayer {
        four_vector: [1.0; 4],
        first: 1.0,
    };
    /// Unconditional defection: `(0, 0, 0, 0)`, defecting first.
    pub const ALWAYS_DEFECT: MemoryOnePlayer = MemoryOnePlayer {
        four_vector: [0.0; 4],
        first: 0.0,
    };

    /// A player with the four-vector `(p_CC, p_CD, p_DC, p_DD)` (the
    /// probability to cooperate after each outcome, own move first) and the
    /// probability `first` of cooperating in the first round.
    ///
    /// # Errors
    ///
    /// Every probability must lie in [0, 1]; the error names the entry
    /// (`p_CC`, `p_CD`, `p_DC`, `p_DD` or `first`).
    pub fn new(four_vector: [f64; 4], first: f64) -> Result<Self, ParameterError> {
        for (field, p) in VECTOR_FIELDS.iter().zip(four_vector) {
            check_unit_interval(field, p)?;
        }
        check_unit_interval("first", first)?;
        Ok(MemoryOnePlayer { four_vector, first })
    }

    /// A reactive player, which looks only at the partner's last move:
    /// cooperate with probability `after_c` after a partner cooperation and
    /// `after_d` after a partner defection, that is the four-vector
    /// `(after_c, after_d, after_c, after_d)`.
    ///
    /// # Errors
    ///
    /// As [`MemoryOnePlayer::new`].
    pub fn reactive(first: f64, after_c: f64, after_d: f64) -> Result<Self, ParameterError> {
        MemoryOnePlayer::new([after_c, after_d, after_c, after_d], first)
    }

    /// The four-vector `(p_CC, p_CD, p_DC, p_DD)`.
    #[inline]
    #[must_use]
    pub const fn four_vector(&self) -> [f64; 4] {
        self.four_vector
    }

    /// The probability of cooperating in the first round.
    #[inline]
    #[must_use]
    pub const fn first_cooperation(&self) -> f64 {
        self.first
    }

    /// The probability of cooperating after `outcome` (from this player's
    /// side).
    #[inline]
    #[must_use]
    pub const fn cooperation_after(&self, outcome: Outcome) -> f64 {
        self.four_vector[outcome.index()]
    }

    /// Whether every probability, the first move's included, is 0 or 1.
    #[must_use]
    pub fn is_deterministic(&self) -> bool {
        self.four_vector
            .iter()
            .chain(std::iter::once(&self.first))
            .all(|&p| p == 0.0 || p == 1.0)
    }

    /// The player as it acts under noise: the probability that the move
    /// *played* is C after each outcome (and in the first round), when
    /// each perceived partner move is flipped with probability
    /// `perception_noise` and each chosen move is flipped with probability
    /// `action_noise`.
    ///
    /// # Errors
    ///
    /// Both noise levels must lie in [0, 1].
    pub fn under_noise(
        &self,
        action_noise: f64,
        perception_noise: f64,
    ) -> Result<Self, ParameterError> {
        let e = check_unit_interval("action_noise", action_noise)?;
        let q = check_unit_interval("perception_noise", perception_noise)?;
        let tremble = |p: f64| (p * (1.0 - e) + (1.0 - p) * e).clamp(0.0, 1.0);
        let v = self.four_vector;
        // Index i ^ 1 is the same own move with the partner's move flipped.
        let perceived = [0, 1, 2, 3].map(|i| (1.0 - q) * v[i] + q * v[i ^ 1]);
        Ok(MemoryOnePlayer {
            four_vector: perceived.map(tremble),
            first: tremble(self.first),
        })
    }
}

/// Each player's payoff for each of the four outcomes, both indexed from
/// the first player's (X's) side in table order (`CC, CD, DC, DD`).
///
/// Y's payoffs are stored re-indexed: `y[1]` is Y's payoff when X
/// cooperates and Y defects (Y's temptation in a prisoner's dilemma).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct OutcomePayoffs {
    x: [f64; 4],
    y: [f64; 4],
}

impl OutcomePayoffs {
    /// Both players' payoffs from their own 2x2 matrices (`R, S, T, P`).
    #[must_use]
    pub fn from_matrices(x: &PayoffMatrix, y: &PayoffMatrix) -> Self {
        OutcomePayoffs::from_finite(x.entries(), y.entries())
    }

    /// The symmetric game in which both players have the matrix `m`.
    #[must_use]
    pub fn symmetric(m: &PayoffMatrix) -> Self {
        OutcomePayoffs::from_matrices(m, m)
    }

    /// Payoffs from generic per-outcome vectors, each given from its own
    /// player's side (own move first, in table order `CC, CD, DC, DD`).
    ///
    /// # Errors
    ///
    /// Every entry must be finite; the error names it (`x[2]`, `y[0]`, ...).
    pub fn from_own_sides(x: [f64; 4], y: [f64; 4]) -> Result<Self, ParameterError> {
        for (i, (a, b)) in x.iter().zip(y).enumerate() {
            check_finite(&format!("x[{i}]"), *a)?;
            check_finite(&format!("y[{i}]"), b)?;
        }
        Ok(OutcomePayoffs::from_finite(x, y))
    }

    /// Both players' payoffs in `currency` from a two-level stage table,
    /// X being the table's row player.
    #[must_use]
    pub fn from_stage_table(table: &StageTable, currency: Currency) -> Self {
        let x = [0, 1, 2, 3].map(|i| table.cells[i][0].in_currency(currency));
        let y = [0, 1, 2, 3].map(|i| table.cells[i][1].in_currency(currency));
        OutcomePayoffs { x, y }
    }

    /// Builds from finite own-side vectors, re-indexing Y's.
    fn from_finite(x: [f64; 4], y_own: [f64; 4]) -> Self {
        OutcomePayoffs {
            x,
            y: SWAP.map(|j| y_own[j]),
        }
    }

    /// X's payoff for each X-side outcome.
    #[must_use]
    pub const fn x(&self) -> [f64; 4] {
        self.x
    }

    /// Y's payoff for each X-side outcome (re-indexed from Y's own side).
    #[must_use]
    pub const fn y(&self) -> [f64; 4] {
        self.y
    }

    /// Both players' expected payoff under a weighting of the outcomes
    /// (a distribution, or expected counts).
    #[must_use]
    pub fn value(&self, weights: &[f64; 4]) -> [f64; 2] {
        [dot(weights, &self.x), dot(weights, &self.y)]
    }
}

/// Expected payoffs of a match: the total and the mean per round.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ExpectedPayoffs {
    /// Each player's expected total payoff, X first.
    pub total: [f64; 2],
    /// Each player's expected total divided by the expected number of
    /// rounds.
    pub per_round: [f64; 2],
    /// The expected number of rounds.
    pub rounds: f64,
}

impl ExpectedPayoffs {
    /// Divides expected totals by the expected number of rounds.
    fn new(total: [f64; 2], rounds: f64) -> Self {
        ExpectedPayoffs {
            total,
            per_round: total.map(|t| t / rounds),
            rounds,
        }
    }
}

/// A 4x4 matrix, rows first.
type Matrix = [[f64; 4]; 4];

/// The 4x4 identity.
const IDENTITY: Matrix = [
    [1.0, 0.0, 0.0, 0.0],
    [0.0, 1.0, 0.0, 0.0],
    [0.0, 0.0, 1.0, 0.0],
    [0.0, 0.0, 0.0, 1.0],
];

/// The Markov chain of the outcomes of a match between two memory-one
/// players, from the first player's (X's) side. See the
/// [module documentation](self) for the formulas.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MemoryOneChain {
    transition: Matrix,
    initial: [f64; 4],
}

impl MemoryOneChain {
    /// The chain of `x` against `y` when each chosen move is flipped with
    /// probability `action_noise`.
    ///
    /// # Errors
    ///
    /// `action_noise` must lie in [0, 1].
    pub fn new(
        x: &MemoryOnePlayer,
        y: &MemoryOnePlayer,
        action_noise: f64,
    ) -> Result<Self, ParameterError> {
        MemoryOneChain::with_perception_noise(x, y, action_noise, 0.0)
    }

    /// The chain of `x` against `y` with action noise and perception noise
    /// (each player sees the partner's last move flipped with probability
    /// `perception_noise`, independently), as in the match engine.
    ///
    /// # Errors
    ///
    /// Both noise levels must lie in [0, 1].
    pub fn with_perception_noise(
        x: &MemoryOnePlayer,
        y: &MemoryOnePlayer,
        action_noise: f64,
        perception_noise: f64,
    ) -> Result<Self, ParameterError> {
        let x = x.under_noise(action_noise, perception_noise)?;
        let y = y.under_noise(action_noise, perception_noise)?;
        let transition = [0, 1, 2, 3].map(|i| joint(x.four_vector[i], y.four_vector[SWAP[i]]));
        Ok(MemoryOneChain {
            transition,
            initial: joint(x.first, y.first),
        })
    }

    /// The transition matrix: `transition()[i][j]` is the probability that
    /// X-side outcome `j` follows outcome `i`.
    #[must_use]
    pub const fn transition(&self) -> [[f64; 4]; 4] {
        self.transition
    }

    /// The distribution of the first round's outcome, `v0`.
    #[must_use]
    pub const fn initial(&self) -> [f64; 4] {
        self.initial
    }

    /// The distribution of the outcome of round `round` (0 is the first
    /// round): `v0 M^round`.
    #[must_use]
    pub fn distribution_at(&self, round: u32) -> [f64; 4] {
        vec_mat(&self.initial, &mat_pow(&self.transition, round))
    }

    /// The expected number of rounds with each outcome in a match of
    /// `turns` rounds: `sum_{t < turns} v0 M^t`.
    #[must_use]
    pub fn expected_outcomes(&self, turns: u32) -> [f64; 4] {
        vec_mat(&self.initial, &power_sum(&self.transition, turns))
    }

    /// The expected number of rounds with each outcome in a match that
    /// continues after each round with probability `delta`:
    /// `v0 (I - delta M)^-1`. The entries sum to `1 / (1 - delta)`.
    ///
    /// # Errors
    ///
    /// `delta` must lie in [0, 1).
    pub fn discounted_outcomes(&self, delta: f64) -> Result<[f64; 4], ParameterError> {
        Horizon::continuation(delta)?;
        // Solve w (I - delta M) = v0, that is (I - delta M)^T w^T = v0^T.
        // I - delta M is strictly diagonally dominant by rows for delta < 1,
        // so the system is regular.
        let mut a = [[0.0; 4]; 4];
        for (i, row) in a.iter_mut().enumerate() {
            for (j, entry) in row.iter_mut().enumerate() {
                *entry = IDENTITY[j][i] - delta * self.transition[j][i];
            }
        }
        Ok(solve(a, self.initial, 4).unwrap_or_else(|| {
            // Unreachable for delta < 1; keep a finite answer regardless:
            // the truncated series sum_{t < 2^20} delta^t v0 M^t.
            let mut w = [0.0; 4];
            let mut v = self.initial;
            let mut weight = 1.0;
            for _ in 0..(1 << 20) {
                for k in 0..4 {
                    w[k] += weight * v[k];
                }
                v = vec_mat(&v, &self.transition);
                weight *= delta;
            }
            w
        }))
    }

    /// The unique stationary distribution, when the chain has exactly one
    /// closed communicating class (every noisy chain does); `None` when it
    /// has several (for example tit-for-tat against itself without noise,
    /// where `CC` and `DD` are both absorbing).
    #[must_use]
    pub fn stationary_distribution(&self) -> Option<[f64; 4]> {
        // With a single closed class the Cesàro limit from any start is the
        // stationary distribution.
        (Classes::of(&self.transition).count == 1).then(|| self.long_run_distribution())
    }

    /// The long-run distribution of the outcomes from the first round's
    /// distribution: the Cesàro limit `lim (1/n) sum_{t < n} v0 M^t`, the
    /// long-run share of rounds with each outcome. It is always defined.
    ///
    /// It is computed exactly by decomposing the chain into its closed
    /// communicating classes: each class `C` has its own stationary
    /// distribution `pi_C`, the solution of `pi_C (I - M_C + 1 1^T) = 1^T`
    /// (for an ergodic chain this is the whole chain); the chain ends up in
    /// `C` with probability `h_C` (from `v0` and the absorption
    /// probabilities of the transient outcomes, `(I - M_TT) h = M_TC 1`);
    /// and the limit is `sum_C h_C pi_C`. Periodic classes (suspicious
    /// tit-for-tat against tit-for-tat alternating `CD`, `DC`) get their
    /// time average. If a linear solve breaks down numerically (for
    /// transition probabilities that differ from 0 by less than rounding
    /// error), the documented fallback is the average over the first 2^32
    /// rounds, computed by repeated squaring.
    #[must_use]
    pub fn long_run_distribution(&self) -> [f64; 4] {
        let classes = Classes::of(&self.transition);
        self.cesaro(&classes).unwrap_or_else(|| {
            let turns = u32::MAX;
            self.expected_outcomes(turns)
                .map(|count| count / f64::from(turns))
        })
    }

    /// Each player's long-run mean payoff per round (X first), from the
    /// [long-run distribution](MemoryOneChain::long_run_distribution).
    #[must_use]
    pub fn long_run_payoffs(&self, payoffs: &OutcomePayoffs) -> [f64; 2] {
        payoffs.value(&self.long_run_distribution())
    }

    /// The exact expected payoffs of a match of `turns` rounds.
    ///
    /// # Errors
    ///
    /// `turns` must be at least 1.
    pub fn finite_payoffs(
        &self,
        turns: u32,
        payoffs: &OutcomePayoffs,
    ) -> Result<ExpectedPayoffs, ParameterError> {
        Horizon::fixed(turns)?;
        let total = payoffs.value(&self.expected_outcomes(turns));
        Ok(ExpectedPayoffs::new(total, f64::from(turns)))
    }

    /// The exact expected payoffs of a match that continues after each
    /// round with probability `delta` ([`HorizonKind::Continuation`]): the
    /// total `v0 (I - delta M)^-1 f` (the discounted value of the match)
    /// and, per round, `(1 - delta)` times it.
    ///
    /// # Errors
    ///
    /// `delta` must lie in [0, 1).
    pub fn discounted_payoffs(
        &self,
        delta: f64,
        payoffs: &OutcomePayoffs,
    ) -> Result<ExpectedPayoffs, ParameterError> {
        let total = payoffs.value(&self.discounted_outcomes(delta)?);
        Ok(ExpectedPayoffs::new(total, 1.0 / (1.0 - delta)))
    }

    /// The exact expected payoffs of a match over `horizon`:
    /// [`MemoryOneChain::finite_payoffs`] or
    /// [`MemoryOneChain::discounted_payoffs`].
    #[must_use]
    pub fn horizon_payoffs(&self, horizon: &Horizon, payoffs: &OutcomePayoffs) -> ExpectedPayoffs {
        match horizon.kind() {
            HorizonKind::Fixed { turns } => {
                let total = payoffs.value(&self.expected_outcomes(turns));
                ExpectedPayoffs::new(total, f64::from(turns.max(1)))
            }
            HorizonKind::Continuation { delta } => {
                // A Horizon's delta is validated to lie in [0, 1).
                let total = payoffs.value(&self.discounted_outcomes(delta).unwrap_or([0.0; 4]));
                ExpectedPayoffs::new(total, 1.0 / (1.0 - delta))
            }
        }
    }

    /// The Cesàro limit from `v0` by the class decomposition, or `None` if a
    /// linear solve breaks down.
    fn cesaro(&self, classes: &Classes) -> Option<[f64; 4]> {
        let m = &self.transition;
        let transient: Vec4Index = classes.members(None);
        let mut limit = [0.0; 4];
        for c in 0..classes.count {
            let pi = self.class_distribution_checked(classes, c)?;
            let members = classes.members(Some(c));
            // The probability of ending in class c: the initial mass on it
            // plus the mass on transient outcomes times their absorption
            // probabilities, from (I - M_TT) h = M_TC 1.
            let mut weight: f64 = members.iter().map(|&i| self.initial[i]).sum();
            if transient.len > 0 {
                let mut a = [[0.0; 4]; 4];
                let mut b = [0.0; 4];
                for (r, &i) in transient.iter().enumerate() {
                    for (s, &j) in transient.iter().enumerate() {
                        a[r][s] = IDENTITY[i][j] - m[i][j];
                    }
                    b[r] = members.iter().map(|&j| m[i][j]).sum();
                }
                let h = solve(a, b, transient.len)?;
                weight += transient
                    .iter()
                    .enumerate()
                    .map(|(r, &i)| self.initial[i] * h[r])
                    .sum::<f64>();
            }
            for k in 0..4 {
                limit[k] += weight * pi[k];
            }
        }
        Some(normalized(limit))
    }

    /// The stationary distribution of closed class `c` (zero outside the
    /// class): the solution of `pi (I - M_C + 1 1^T) = 1^T`, regular for an
    /// irreducible class.
    fn class_distribution_checked(&self, classes: &Classes, c: usize) -> Option<[f64; 4]> {
        let members = classes.members(Some(c));
        let m = &self.transition;
        let mut a = [[0.0; 4]; 4];
        for (r, &i) in members.iter().enumerate() {
            for (s, &j) in members.iter().enumerate() {
                // Transposed: row r of the system is column i of the matrix.
                a[r][s] = IDENTITY[j][i] - m[j][i] + 1.0;
            }
        }
        let solution = solve(a, [1.0; 4], members.len)?;
        let mut pi = [0.0; 4];
        for (r, &i) in members.iter().enumerate() {
            pi[i] = solution[r].max(0.0);
        }
        Some(normalized(pi))
    }
}

/// The joint distribution of two independent moves, X cooperating with
/// probability `x` and Y with `y`, in table order.
fn joint(x: f64, y: f64) -> [f64; 4] {
    [x * y, x * (1.0 - y), (1.0 - x) * y, (1.0 - x) * (1.0 - y)]
}

/// The dot product of two 4-vectors.
fn dot(a: &[f64; 4], b: &[f64; 4]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// Rescales a non-negative vector to sum to 1 (left as is if it sums to 0).
fn normalized(v: [f64; 4]) -> [f64; 4] {
    let sum: f64 = v.iter().sum();
    if sum > 0.0 { v.map(|x| x / sum) } else { v }
}

/// The row vector `v` times the matrix `m`.
fn vec_mat(v: &[f64; 4], m: &Matrix) -> [f64; 4] {
    let mut out = [0.0; 4];
    for (i, vi) in v.iter().enumerate() {
        for j in 0..4 {
            out[j] += vi * m[i][j];
        }
    }
    out
}

/// The product `a b` of two 4x4 matrices.
fn mat_mul(a: &Matrix, b: &Matrix) -> Matrix {
    let mut out = [[0.0; 4]; 4];
    for i in 0..4 {
        for k in 0..4 {
            for j in 0..4 {
                out[i][j] += a[i][k] * b[k][j];
            }
        }
    }
    out
}

/// The sum `a + b` of two 4x4 matrices.
fn mat_add(a: &Matrix, b: &Matrix) -> Matrix {
    let mut out = *a;
    for i in 0..4 {
        for j in 0..4 {
            out[i][j] += b[i][j];
        }
    }
    out
}

/// `m^n` by repeated squaring.
fn mat_pow(m: &Matrix, n: u32) -> Matrix {
    power_and_sum(m, n).0
}

/// `sum_{t < n} m^t` by repeated squaring.
fn power_sum(m: &Matrix, n: u32) -> Matrix {
    power_and_sum(m, n).1
}

/// `(m^n, sum_{t < n} m^t)`, from the most significant bit of `n` down:
/// doubling uses `P_2k = P_k P_k` and `S_2k = S_k + P_k S_k`, a step up
/// uses `P_k+1 = P_k m` and `S_k+1 = S_k + P_k`. About `4 log2 n` matrix
/// products.
fn power_and_sum(m: &Matrix, n: u32) -> (Matrix, Matrix) {
    let mut power = IDENTITY;
    let mut sum = [[0.0; 4]; 4];
    for bit in (0..32).rev() {
        if n >> bit == 0 {
            continue;
        }
        sum = mat_add(&sum, &mat_mul(&power, &sum));
        power = mat_mul(&power, &power);
        if (n >> bit) & 1 == 1 {
            sum = mat_add(&sum, &power);
            power = mat_mul(&power, m);
        }
    }
    (power, sum)
}

/// Solves the `n x n` system in the top-left corner of `a` (with right-hand
/// side `b`, `n <= 4`) by Gaussian elimination with partial pivoting.
/// Returns `None` when a pivot vanishes (a singular system) or the
/// solution is not finite.
fn solve(mut a: Matrix, mut b: [f64; 4], n: usize) -> Option<[f64; 4]> {
    let scale = a
        .iter()
        .take(n)
        .flat_map(|row| row.iter().take(n))
        .fold(0.0_f64, |acc, x| acc.max(x.abs()));
    if scale == 0.0 {
        return if n == 0 { Some([0.0; 4]) } else { None };
    }
    for col in 0..n {
        // Partial pivoting: the row with the largest entry in this column.
        let pivot_row = (col..n).max_by(|&r, &s| a[r][col].abs().total_cmp(&a[s][col].abs()))?;
        if a[pivot_row][col].abs() <= scale * 1e-14 {
            return None;
        }
        a.swap(col, pivot_row);
        b.swap(col, pivot_row);
        let pivot = a[col];
        for row in col + 1..n {
            let factor = a[row][col] / pivot[col];
            if factor != 0.0 {
                for (entry, p) in a[row][col..n].iter_mut().zip(&pivot[col..n]) {
                    *entry -= factor * p;
                }
                b[row] -= factor * b[col];
            }
        }
    }
    let mut x = [0.0; 4];
    for row in (0..n).rev() {
        let tail: f64 = (row + 1..n).map(|k| a[row][k] * x[k]).sum();
        x[row] = (b[row] - tail) / a[row][row];
    }
    x.iter().all(|v| v.is_finite()).then_some(x)
}

/// A set of outcome indices, stored without allocation.
#[derive(Clone, Copy, Debug, Default)]
struct Vec4Index {
    items: [usize; 4],
    len: usize,
}

impl Vec4Index {
    /// The indices in increasing order.
    fn iter(&self) -> std::slice::Iter<'_, usize> {
        self.items[..self.len].iter()
    }
}

/// The closed communicating classes of a chain: `class[i]` is the class of
/// recurrent outcome `i`, or `None` for a transient outcome.
#[derive(Clone, Copy, Debug)]
struct Classes {
    class: [Option<usize>; 4],
    count: usize,
}

impl Classes {
    /// Finds the closed classes from the reachability relation of the
    /// positive transition probabilities: an outcome is recurrent when every
    /// outcome it can reach can reach it back.
    fn of(m: &Matrix) -> Classes {
        let mut reach = [[false; 4]; 4];
        for i in 0..4 {
            for j in 0..4 {
                reach[i][j] = i == j || m[i][j] > 0.0;
            }
        }
        // Warshall's transitive closure.
        for k in 0..4 {
            for i in 0..4 {
                for j in 0..4 {
                    reach[i][j] = reach[i][j] || (reach[i][k] && reach[k][j]);
                }
            }
        }
        let mut class = [None; 4];
        let mut count = 0;
        for i in 0..4 {
            let recurrent = (0..4).all(|j| !reach[i][j] || reach[j][i]);
            if !recurrent || class[i].is_some() {
                continue;
            }
            for j in 0..4 {
                if reach[i][j] {
                    class[j] = Some(count);
                }
            }
            count += 1;
        }
        Classes { class, count }
    }

    /// The outcomes in class `c` (`Some`) or the transient ones (`None`).
    fn members(&self, c: Option<usize>) -> Vec4Index {
        let mut set = Vec4Index::default();
        for i in 0..4 {
            if self.class[i] == c {
                set.items[set.len] = i;
                set.len += 1;
            }
        }
        set
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const AXELROD: OutcomePayoffs = OutcomePayoffs {
        x: [3.0, 0.0, 5.0, 1.0],
        y: [3.0, 5.0, 0.0, 1.0],
    };

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-10
    }

    fn assert_close(label: &str, got: &[f64], expected: &[f64]) {
        assert!(
            got.iter().zip(expected).all(|(a, b)| close(*a, *b)),
            "{label}: got {got:?}, expected {expected:?}"
        );
    }

    fn chain(x: MemoryOnePlayer, y: MemoryOnePlayer, e: f64) -> MemoryOneChain {
        MemoryOneChain::new(&x, &y, e).unwrap()
    }

    #[test]
    fn y_payoffs_are_re_indexed() {
        assert_eq!(OutcomePayoffs::symmetric(&PayoffMatrix::AXELROD), AXELROD);
    }

    #[test]
    fn tft_against_alld() {
        let c = chain(
            MemoryOnePlayer::TIT_FOR_TAT,
            MemoryOnePlayer::ALWAYS_DEFECT,
            0.0,
        );
        assert_eq!(c.initial(), [0.0, 1.0, 0.0, 0.0]);
        assert_close(
            "long run",
            &c.long_run_distribution(),
            &[0.0, 0.0, 0.0, 1.0],
        );
        assert_eq!(c.stationary_distribution(), Some([0.0, 0.0, 0.0, 1.0]));
        assert_close("payoffs", &c.long_run_payoffs(&AXELROD), &[1.0, 1.0]);
        // S then P for ever: the sucker's payoff once.
        let finite = c.finite_payoffs(10, &AXELROD).unwrap();
        assert_close("finite", &finite.total, &[9.0, 14.0]);
        assert_close("per round", &finite.per_round, &[0.9, 1.4]);
        let delta = 0.9;
        let discounted = c.discounted_payoffs(delta, &AXELROD).unwrap();
        let tail = delta / (1.0 - delta);
        assert_close("discounted", &discounted.total, &[tail, 5.0 + tail]);
        assert!(close(discounted.rounds, 10.0));
    }

    #[test]
    fn tft_against_alld_with_noise() {
        // ALLD cooperates with probability e, independently each round; TFT
        // copies it through two trembles, so it cooperates with
        // probability 2 e (1 - e), independently of ALLD's current move.
        let e = 0.1;
        let c = chain(
            MemoryOnePlayer::TIT_FOR_TAT,
            MemoryOnePlayer::ALWAYS_DEFECT,
            e,
        );
        let (x, y) = (2.0 * e * (1.0 - e), e);
        let expected = joint(x, y);
        assert_close(
            "stationary",
            &c.stationary_distribution().unwrap(),
            &expected,
        );
        assert_close("long run", &c.long_run_distribution(), &expected);
        let sx = 3.0 * x * y + 5.0 * (1.0 - x) * y + (1.0 - x) * (1.0 - y);
        let sy = 3.0 * x * y + 5.0 * x * (1.0 - y) + (1.0 - x) * (1.0 - y);
        assert_close("payoffs", &c.long_run_payoffs(&AXELROD), &[sx, sy]);
    }

    #[test]
    fn wsls_against_itself_with_noise() {
        // Mismatched outcomes arise with probability 2 e (1 - e) from any
        // outcome; after a match WSLS intends C, after a mismatch D.
        let e = 0.05;
        let wsls = MemoryOnePlayer::WIN_STAY_LOSE_SHIFT;
        let c = chain(wsls, wsls, e);
        let v = 2.0 * e * (1.0 - e);
        let m = 1.0 - v;
        let cc = m * (1.0 - e).powi(2) + v * e * e;
        let dd = m * e * e + v * (1.0 - e).powi(2);
        let expected = [cc, v / 2.0, v / 2.0, dd];
        assert_close("long run", &c.long_run_distribution(), &expected);
        let s = 3.0 * cc + 5.0 * v / 2.0 + dd;
        assert_close("payoffs", &c.long_run_payoffs(&AXELROD), &[s, s]);
    }

    #[test]
    fn reactive_players_with_noise() {
        // Two reactive players move independently of each other in every
        // round; the cooperation rates solve x = a2 + (a1 - a2) y and
        // y = b2 + (b1 - b2) x (Nowak and Sigmund 1990).
        let e = 0.05;
        let tremble = |p: f64| p * (1.0 - e) + (1.0 - p) * e;
        let g = 1.0 / 3.0;
        let gtft = MemoryOnePlayer::reactive(1.0, 1.0, g).unwrap();
        let c = chain(gtft, MemoryOnePlayer::TIT_FOR_TAT, e);
        let (a1, a2) = (tremble(1.0), tremble(g));
        let (b1, b2) = (tremble(1.0), tremble(0.0));
        let x = (a2 + (a1 - a2) * b2) / (1.0 - (a1 - a2) * (b1 - b2));
        let y = b2 + (b1 - b2) * x;
        assert_close("long run", &c.long_run_distribution(), &joint(x, y));
        // Without noise both cooperate for ever.
        let quiet = chain(gtft, MemoryOnePlayer::TIT_FOR_TAT, 0.0);
        assert_close("quiet", &quiet.long_run_payoffs(&AXELROD), &[3.0, 3.0]);
        let finite = quiet.finite_payoffs(200, &AXELROD).unwrap();
        assert_close("quiet finite", &finite.total, &[600.0, 600.0]);
    }

    #[test]
    fn non_ergodic_chains_use_the_cesaro_limit() {
        // Suspicious TFT against TFT alternates CD, DC for ever.
        let stft = MemoryOnePlayer::new([1.0, 0.0, 1.0, 0.0], 0.0).unwrap();
        let c = chain(stft, MemoryOnePlayer::TIT_FOR_TAT, 0.0);
        assert_close("alternation", &c.long_run_payoffs(&AXELROD), &[2.5, 2.5]);
        assert_close(
            "alternation",
            &c.long_run_distribution(),
            &[0.0, 0.5, 0.5, 0.0],
        );
        // "Repeat your own last move" from a fair coin against ALLC: half
        // the matches end in CC, half in DC. Two closed classes, no unique
        // stationary distribution.
        let repeat = MemoryOnePlayer::new([1.0, 1.0, 0.0, 0.0], 0.5).unwrap();
        let c = chain(repeat, MemoryOnePlayer::ALWAYS_COOPERATE, 0.0);
        assert_eq!(c.stationary_distribution(), None);
        assert_close(
            "two classes",
            &c.long_run_distribution(),
            &[0.5, 0.0, 0.5, 0.0],
        );
        assert_close("two classes", &c.long_run_payoffs(&AXELROD), &[4.0, 1.5]);
        // A transient start: GTFT-like X forgives with 1/2 against TFT
        // starting with D: CD is transient, absorbed into CC.
        let forgiving = MemoryOnePlayer::reactive(1.0, 1.0, 0.5).unwrap();
        let stft_c = MemoryOnePlayer::new([1.0, 0.0, 1.0, 0.0], 0.0).unwrap();
        let c = chain(forgiving, stft_c, 0.0);
        assert_close(
            "absorbed",
            &c.long_run_distribution(),
            &[1.0, 0.0, 0.0, 0.0],
        );
    }

    #[test]
    fn finite_sums_match_step_by_step_iteration() {
        let x = MemoryOnePlayer::new([0.9, 0.2, 0.6, 0.1], 0.7).unwrap();
        let y = MemoryOnePlayer::new([0.8, 0.3, 0.5, 0.4], 0.2).unwrap();
        let c = chain(x, y, 0.02);
        let mut v = c.initial();
        let mut sum = [0.0; 4];
        for t in 1..=300_u32 {
            for k in 0..4 {
                sum[k] += v[k];
            }
            v = vec_mat(&v, &c.transition());
            if t % 37 == 0 || t < 5 {
                assert_close("sum", &c.expected_outcomes(t), &sum);
                assert_close("power", &c.distribution_at(t), &v);
            }
        }
        // Discounted sums approach the long run as delta goes to 1.
        let long = c.long_run_payoffs(&AXELROD);
        let near = c.discounted_payoffs(0.999_999, &AXELROD).unwrap().per_round;
        assert!((long[0] - near[0]).abs() < 1e-4 && (long[1] - near[1]).abs() < 1e-4);
        let d = c.discounted_outcomes(0.9).unwrap();
        assert!(close(d.iter().sum::<f64>(), 10.0));
    }

    #[test]
    fn perception_noise_conditions_on_the_flipped_partner_move() {
        let tft = MemoryOnePlayer::TIT_FOR_TAT;
        let seen = tft.under_noise(0.0, 0.1).unwrap();
        assert_close("perceived", &seen.four_vector(), &[0.9, 0.1, 0.9, 0.1]);
        let both = tft.under_noise(0.1, 0.1).unwrap();
        assert!(close(both.four_vector()[0], 0.9 * 0.9 + 0.1 * 0.1));
        assert!(close(both.first_cooperation(), 0.9));
    }

    proptest::proptest! {
        /// The long-run distribution of a noisy chain is a probability
        /// vector that the transition matrix leaves unchanged, and the
        /// discounted counts sum to the expected length.
        #[test]
        fn long_run_distribution_is_stationary(
            vx in proptest::array::uniform4(0.0..=1.0_f64),
            vy in proptest::array::uniform4(0.0..=1.0_f64),
            first in proptest::array::uniform2(0.0..=1.0_f64),
            noise in 0.0..0.5_f64,
            delta in 0.0..0.99_f64,
        ) {
            let x = MemoryOnePlayer::new(vx, first[0]).unwrap();
            let y = MemoryOnePlayer::new(vy, first[1]).unwrap();
            let c = MemoryOneChain::new(&x, &y, noise).unwrap();
            let pi = c.long_run_distribution();
            proptest::prop_assert!((pi.iter().sum::<f64>() - 1.0).abs() < 1e-12);
            proptest::prop_assert!(pi.iter().all(|&p| p >= 0.0));
            let next = vec_mat(&pi, &c.transition());
            for k in 0..4 {
                proptest::prop_assert!((next[k] - pi[k]).abs() < 1e-9, "{:?} -> {:?}", pi, next);
            }
            let counts = c.discounted_outcomes(delta).unwrap();
            proptest::prop_assert!((counts.iter().sum::<f64>() - 1.0 / (1.0 - delta)).abs() < 1e-9);
        }
    }

    #[test]
    fn invalid_parameters_are_rejected_with_the_field() {
        let err = MemoryOnePlayer::new([1.0, 1.5, 0.0, 0.0], 1.0).unwrap_err();
        assert_eq!(err.field, "p_CD");
        assert!(err.reason.contains("[0, 1]"), "{err}");
        assert_eq!(
            MemoryOnePlayer::new([1.0; 4], f64::NAN).unwrap_err().field,
            "first"
        );
        let tft = MemoryOnePlayer::TIT_FOR_TAT;
        assert_eq!(
            MemoryOneChain::new(&tft, &tft, -0.1).unwrap_err().field,
            "action_noise"
        );
        let c = chain(tft, tft, 0.0);
        let err = c.discounted_payoffs(1.0, &AXELROD).unwrap_err();
        assert_eq!(err.field, "delta");
        assert!(err.reason.contains("[0, 1)"), "{err}");
        assert_eq!(c.finite_payoffs(0, &AXELROD).unwrap_err().field, "turns");
        assert_eq!(
            OutcomePayoffs::from_own_sides([0.0, 1.0, f64::INFINITY, 0.0], [0.0; 4])
                .unwrap_err()
                .field,
            "x[2]"
        );
    }
}
