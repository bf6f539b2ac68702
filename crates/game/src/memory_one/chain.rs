//! The exact Markov chain of a match between two memory-one players,
//! [`MemoryOneChain`], with action and perception noise, and its expected
//! payoffs ([`OutcomePayoffs`] in, [`ExpectedPayoffs`] out): long-run,
//! finite-match and discounted. See the [module documentation](super) for
//! the formulas.

use super::MemoryOnePlayer;
use super::markov4::{
    Classes, IDENTITY, Matrix, Vec4Index, dot, joint, mat_pow, normalized, power_sum, solve,
    vec_mat,
};
use crate::currency::Currency;
use crate::error::{ParameterError, check_finite};
use crate::horizon::{Horizon, HorizonKind};
use crate::matrix::PayoffMatrix;
use crate::two_level::StageTable;

/// The X-side outcome index of the outcome that Y sees at X-side index
/// `i`: `CD` and `DC` trade places.
const SWAP: [usize; 4] = [0, 2, 1, 3];

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

/// The Markov chain of the outcomes of a match between two memory-one
/// players, from the first player's (X's) side. See the
/// [module documentation](super) for the formulas.
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::memory_one::markov4::{joint, vec_mat};

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
