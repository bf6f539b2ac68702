//! Analytic results for finite populations: the fixation probability of a
//! single mutant under the frequency-dependent Moran process and under
//! pairwise comparison, and the stationary distribution over monomorphic
//! states in the limit of rare mutations.
//!
//! Everything is computed in log space, so that fixation probabilities far
//! below the smallest `f64` are still returned accurately as logarithms.
//!
//! Conventions (those of [`simulate`](super::simulate)): a population of
//! `N` individuals, `k` of them of the invading type A, the rest of the
//! resident type B. Self-interaction is excluded, so with the 2x2 payoffs
//! `a = A vs A`, `b = A vs B`, `c = B vs A`, `d = B vs B`
//!
//! ```text
//! pi_A(k) = (a (k - 1) + b (N - k)) / (N - 1)
//! pi_B(k) = (c k + d (N - k - 1)) / (N - 1)
//! ```
//!
//! and the fixation probability of one A (Nowak et al. 2004; Taylor et al.
//! 2004; Traulsen, Nowak & Pacheco 2006) is
//!
//! ```text
//! rho_A = 1 / (1 + sum_{k=1}^{N-1} prod_{j=1}^{k} T-(j) / T+(j))
//! ```
//!
//! where `T-(j)/T+(j) = g_B(j) / f_A(j)` (the ratio of fitnesses) for the
//! Moran process and `exp(-beta (pi_A(j) - pi_B(j)))` for the Fermi rule.

use serde::{Deserialize, Serialize};
use twolevel_game::ParameterError;
use twolevel_game::error::{WholeRange, format_number};

use super::config::SelectionKind;
use super::payoff::PayoffTable;
use super::stochastic::{Update, UpdateKind};

/// The valid range of the population of the analytic functions
/// ([`fixation_probability`], [`conditional_fixation_time`],
/// [`FixationMatrix::new`]): from 2 individuals to `u32::MAX`.
pub const POPULATION: WholeRange = WholeRange::new("population", "individuals", 2, u32::MAX as u64);

/// A probability together with its natural logarithm, which stays accurate
/// when the probability itself underflows to 0.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Probability {
    /// The probability (0 when it is below the smallest `f64`).
    pub value: f64,
    /// Its natural logarithm, always finite for a fixation probability.
    pub ln: f64,
}

/// `ln(sum exp(x_i))` over the terms, stable for any magnitudes, together
/// with the maximum term it factored out.
pub(crate) fn log_sum_exp(terms: impl Iterator<Item = f64> + Clone) -> (f64, f64) {
    let max = terms.clone().fold(f64::NEG_INFINITY, f64::max);
    if max == f64::NEG_INFINITY {
        return (f64::NEG_INFINITY, max);
    }
    let scaled: f64 = terms.map(|t| (t - max).exp()).sum();
    (max + scaled.ln(), max)
}

/// Turns the logarithms of unnormalised weights into the logarithms of
/// probabilities, in place.
///
/// The largest logarithm is subtracted first, so that it becomes exactly 0
/// and the sum of the exponentials lies in `[1, n]`; only then is the log of
/// that sum subtracted. Subtracting `ln(total)` directly from logarithms of
/// magnitude 1e16 or more would lose the whole correction to rounding (the
/// spacing of `f64` there is 2), and the probabilities could sum to 2 or 5.
/// This way they sum to 1 within `n` rounding errors for any finite input.
/// Entries of `-inf` (zero weight) stay `-inf`.
pub(crate) fn normalize_ln(ln: &mut [f64]) {
    let max = ln.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    if !max.is_finite() {
        return;
    }
    for value in ln.iter_mut() {
        *value -= max;
    }
    let ln_total = ln.iter().map(|l| l.exp()).sum::<f64>().ln();
    for value in ln.iter_mut() {
        *value -= ln_total;
    }
}

/// `ln(exp(x) + exp(y))`, stable for any magnitudes.
pub(crate) fn ln_add(x: f64, y: f64) -> f64 {
    let (high, low) = if x >= y { (x, y) } else { (y, x) };
    if low == f64::NEG_INFINITY {
        high
    } else {
        high + (low - high).exp().ln_1p()
    }
}

/// The payoffs `(pi_A, pi_B)` with `k` A individuals among `N`,
/// self-interaction excluded.
fn payoffs([a, b, c, d]: [f64; 4], population: u32, k: u32) -> (f64, f64) {
    let n = f64::from(population);
    let k = f64::from(k);
    let pi_a = (a * (k - 1.0) + b * (n - k)) / (n - 1.0);
    let pi_b = (c * k + d * (n - k - 1.0)) / (n - 1.0);
    (pi_a, pi_b)
}

/// The log of `T+(k)`, the probability that one step takes the number of
/// A individuals from `k` to `k + 1`.
fn ln_increase(update: Update, game: [f64; 4], population: u32, k: u32) -> f64 {
    let (pi_a, pi_b) = payoffs(game, population, k);
    let n = f64::from(population);
    let (ln_k, ln_rest) = (f64::from(k).ln(), (n - f64::from(k)).ln());
    match update.kind() {
        // An A is born, then a B dies.
        UpdateKind::Moran(selection) => {
            let ln_a = ln_k + selection.ln_of(pi_a);
            let ln_b = ln_rest + selection.ln_of(pi_b);
            ln_a - ln_add(ln_a, ln_b) + ln_rest - n.ln()
        }
        // A B focal meets an A model and imitates it:
        // ln(1 / (1 + exp(-x))) = -softplus(-x).
        UpdateKind::Fermi(beta) => {
            let x = beta * (pi_a - pi_b);
            let softplus = (-x).max(0.0) + (-x.abs()).exp().ln_1p();
            ln_rest - n.ln() + ln_k - (n - 1.0).ln() - softplus
        }
    }
}

/// The log of the ratio `T-(k) / T+(k)` for `k` invaders.
fn ln_ratio(update: Update, game: [f64; 4], population: u32, k: u32) -> f64 {
    let (pi_a, pi_b) = payoffs(game, population, k);
    match update.kind() {
        UpdateKind::Moran(selection) => match selection.kind() {
            SelectionKind::Exponential(beta) => beta * (pi_b - pi_a),
            SelectionKind::Linear(_) => selection.ln_of(pi_b) - selection.ln_of(pi_a),
        },
        UpdateKind::Fermi(beta) => -beta * (pi_a - pi_b),
    }
}

fn check_update(update: Update, game: [f64; 4]) -> Result<(), ParameterError> {
    if let UpdateKind::Moran(selection) = update.kind()
        && let SelectionKind::Linear(_) = selection.kind()
    {
        let low = game.iter().copied().fold(f64::INFINITY, f64::min);
        let high = game.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        selection.check_range(low, high)?;
    }
    if let Some(bad) = game.iter().find(|x| !x.is_finite()) {
        return Err(ParameterError::new(
            "payoffs",
            format!("expected finite payoffs, got {bad}"),
        ));
    }
    Ok(())
}

/// Checks the population, update rule and game, then returns the partial
/// sums `L_k = sum_{j<=k} ln(T-(j) / T+(j)) = ln prod_{j<=k} gamma_j` for
/// `k = 0..N-1`, with `L_0 = 0`.
fn ln_ratio_partial_sums(
    update: Update,
    game: [f64; 4],
    population: u32,
) -> Result<Vec<f64>, ParameterError> {
    if population < 2 {
        return Err(ParameterError::new(
            "population",
            format!("expected a population of at least 2 individuals, got {population}"),
        ));
    }
    check_update(update, game)?;
    let mut partial = Vec::with_capacity(population as usize);
    partial.push(0.0);
    let mut running = 0.0;
    for k in 1..population {
        running += ln_ratio(update, game, population, k);
        if !running.is_finite() {
            // An intensity of selection so strong that the log-ratios leave
            // the floating-point range: no finite answer can be given, so
            // the caller gets an error rather than a NaN.
            let field = match update.kind() {
                UpdateKind::Fermi(_) => "fermi_beta",
                UpdateKind::Moran(_) => "selection",
            };
            return Err(ParameterError::new(
                field,
                format!(
                    "the intensity of selection times the payoff differences leaves the \
                     floating-point range (log-ratio {running} at {k} mutants of \
                     {population}); lower the intensity of selection"
                ),
            ));
        }
        partial.push(running);
    }
    Ok(partial)
}

/// The probability that a single A mutant takes over a population of
/// `population - 1` B residents, for the 2x2 game `[a, b, c, d]` (see the
/// module docs).
///
/// With no selection (linear `w = 0`, `beta = 0`) it is exactly `1 / N`.
pub fn fixation_probability(
    update: Update,
    game: [f64; 4],
    population: u32,
) -> Result<Probability, ParameterError> {
    let partial = ln_ratio_partial_sums(update, game, population)?;
    let (ln_sum, max) = log_sum_exp(partial.iter().copied());
    let ln = -ln_sum;
    // Without rescaling (max = 0, so every term is at most 1) the direct sum
    // is as accurate, and exact in the neutral case where every term is 1.
    let value = if max == 0.0 {
        1.0 / partial.iter().map(|l| l.exp()).sum::<f64>()
    } else {
        ln.exp()
    };
    Ok(Probability { value, ln })
}

/// The mean number of elementary steps a single A mutant takes to take
/// over a population of B, given that it does (the *conditional fixation
/// time*; divide by `N` for generations).
///
/// For the birth-death chain of the module docs, with `gamma_k = T-(k) /
/// T+(k)` and `phi_l` the probability that A fixes from `l` individuals
/// (Antal & Scheuring 2006; Traulsen & Hauert 2009),
///
/// ```text
/// t_1 = sum_{k=1}^{N-1} sum_{l=1}^{k} (phi_l / T+(l)) prod_{m=l+1}^{k} gamma_m
/// ```
///
/// evaluated in O(N) and in log space. Neutral drift gives `N (N - 1)`.
pub fn conditional_fixation_time(
    update: Update,
    game: [f64; 4],
    population: u32,
) -> Result<f64, ParameterError> {
    let partial = ln_ratio_partial_sums(update, game, population)?;
    let (ln_total, _) = log_sum_exp(partial.iter().copied());
    // prefix = ln sum_{j<l} exp(L_j), so that ln phi_l = prefix - ln_total;
    // inner = ln S_k with S_k = S_{k-1} gamma_k + phi_k / T+(k).
    let mut prefix = f64::NEG_INFINITY;
    let mut inner = f64::NEG_INFINITY;
    let mut time = f64::NEG_INFINITY;
    for k in 1..population {
        let index = k as usize;
        prefix = ln_add(prefix, partial[index - 1]);
        let ln_term = prefix - ln_total - ln_increase(update, game, population, k);
        let ln_gamma = partial[index] - partial[index - 1];
        inner = ln_add(inner + ln_gamma, ln_term);
        time = ln_add(time, inner);
    }
    let ln_time = time;
    let time = ln_time.exp();
    if time.is_finite() {
        Ok(time)
    } else {
        Err(ParameterError::new(
            match update.kind() {
                UpdateKind::Fermi(_) => "fermi_beta",
                UpdateKind::Moran(_) => "selection",
            },
            format!(
                "the mean fixation time exceeds the floating-point range (its logarithm is \
                 {}); lower the intensity of selection or the population",
                format_number(ln_time)
            ),
        ))
    }
}

/// The fixation probabilities between every pair of strategies of a table:
/// `get(invader, resident)` is the probability that one `invader` takes
/// over a population of `resident`s.
///
/// It serializes as its rows, `[invader][resident]`; deserializing checks
/// that they are square.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "Vec<Vec<Probability>>", into = "Vec<Vec<Probability>>")]
pub struct FixationMatrix {
    n: usize,
    entries: Vec<Probability>,
}

impl TryFrom<Vec<Vec<Probability>>> for FixationMatrix {
    type Error = ParameterError;

    /// The matrix of the rows `[invader][resident]`, which must be square.
    fn try_from(rows: Vec<Vec<Probability>>) -> Result<Self, ParameterError> {
        let n = rows.len();
        if let Some(i) = rows.iter().position(|row| row.len() != n) {
            return Err(ParameterError::new(
                format!("fixation[{i}]"),
                format!(
                    "expected a square matrix: {n} entries, got {}",
                    rows[i].len()
                ),
            ));
        }
        Ok(FixationMatrix {
            n,
            entries: rows.into_iter().flatten().collect(),
        })
    }
}

impl From<FixationMatrix> for Vec<Vec<Probability>> {
    fn from(matrix: FixationMatrix) -> Self {
        matrix
            .entries
            .chunks(matrix.n.max(1))
            .map(<[Probability]>::to_vec)
            .collect()
    }
}

impl FixationMatrix {
    /// Computes all pairwise fixation probabilities of the table under the
    /// update rule in a population of `population`.
    pub fn new(
        update: Update,
        table: &PayoffTable,
        population: u32,
    ) -> Result<Self, ParameterError> {
        let n = table.len();
        let neutral = Probability {
            value: 1.0 / f64::from(population.max(1)),
            ln: -f64::from(population.max(1)).ln(),
        };
        let mut entries = vec![neutral; n * n];
        for invader in 0..n {
            for resident in 0..n {
                if invader != resident {
                    entries[invader * n + resident] =
                        fixation_probability(update, table.pair(invader, resident), population)?;
                }
            }
        }
        Ok(FixationMatrix { n, entries })
    }

    /// The number of strategies.
    #[must_use]
    pub fn len(&self) -> usize {
        self.n
    }

    /// Whether there are no strategies.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.n == 0
    }

    /// The probability that one `invader` takes over a population of
    /// `resident`s (the neutral `1 / N` on the diagonal).
    #[must_use]
    pub fn get(&self, invader: usize, resident: usize) -> Probability {
        self.entries[invader * self.n + resident]
    }

    /// The stationary distribution over the monomorphic states in the limit
    /// of rare mutations (Fudenberg & Imhof 2006).
    ///
    /// The embedded chain moves from all-`i` to all-`j` with probability
    /// `rho(j invades i) / (n - 1)` (a mutant of a uniformly chosen other
    /// type arises and fixes); its stationary vector is computed with the
    /// Grassmann-Taksar-Heyman algorithm in log space, which needs no
    /// subtraction and so stays accurate however small the fixation
    /// probabilities are.
    #[must_use]
    pub fn stationary_distribution(&self) -> Vec<f64> {
        self.ln_stationary_distribution()
            .into_iter()
            .map(f64::exp)
            .collect()
    }

    /// The natural logarithms of the [stationary
    /// distribution](Self::stationary_distribution), accurate even for
    /// states whose probability is below the smallest `f64`.
    #[must_use]
    pub fn ln_stationary_distribution(&self) -> Vec<f64> {
        let n = self.n;
        if n <= 1 {
            return vec![0.0; n];
        }
        // The common factor 1/(n - 1) cancels out of the stationary vector.
        let mut p: Vec<Vec<f64>> = (0..n)
            .map(|from| {
                (0..n)
                    .map(|to| {
                        if from == to {
                            f64::NEG_INFINITY
                        } else {
                            self.get(to, from).ln
                        }
                    })
                    .collect()
            })
            .collect();
        let add = |x: f64, y: f64| log_sum_exp([x, y].into_iter()).0;
        for last in (1..n).rev() {
            let (out, _) = log_sum_exp(p[last][..last].iter().copied());
            for row in p.iter_mut().take(last) {
                row[last] -= out;
            }
            for i in 0..last {
                for j in 0..last {
                    if i != j {
                        let through = p[i][last] + p[last][j];
                        p[i][j] = add(p[i][j], through);
                    }
                }
            }
        }
        let mut ln_pi = vec![0.0; n];
        for j in 1..n {
            let (value, _) = log_sum_exp((0..j).map(|i| ln_pi[i] + p[i][j]));
            ln_pi[j] = value;
        }
        normalize_ln(&mut ln_pi);
        ln_pi
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evolution::Selection;

    #[test]
    fn neutral_is_one_over_n() {
        for population in [2, 3, 10, 1000] {
            for update in [
                Update::moran(Selection::linear(0.0).unwrap()),
                Update::fermi(0.0).unwrap(),
            ] {
                let rho = fixation_probability(update, [3.0, 0.0, 5.0, 1.0], population).unwrap();
                assert_eq!(rho.value, 1.0 / f64::from(population));
            }
        }
    }

    #[test]
    fn two_individuals_by_hand() {
        // N = 2, one A and one B: pi_A = b, pi_B = c; rho = f_A / (f_A + f_B).
        let rho = fixation_probability(
            Update::moran(Selection::linear(1.0).unwrap()),
            [3.0, 2.0, 4.0, 1.0],
            2,
        )
        .unwrap();
        assert!((rho.value - 2.0 / 6.0).abs() < 1e-15);
    }

    #[test]
    fn bad_input_is_named() {
        let moran = Update::moran(Selection::linear(1.0).unwrap());
        assert_eq!(
            fixation_probability(moran, [1.0; 4], 1).unwrap_err().field,
            "population"
        );
        assert_eq!(
            fixation_probability(moran, [-1.0, 0.0, 0.0, 0.0], 10)
                .unwrap_err()
                .field,
            "selection"
        );
        assert_eq!(Update::fermi(-1.0).unwrap_err().field, "fermi_beta");
    }

    #[test]
    fn overwhelming_selection_is_an_error_never_a_nan() {
        // fermi_beta = 1e308 times a payoff difference of 4 overflows: the
        // answer used to be Ok(NaN).
        let axelrod = [3.0, 0.0, 5.0, 1.0];
        // Such an intensity can no longer be built at all.
        assert_eq!(Update::fermi(1e308).unwrap_err().field, "fermi_beta");
        assert_eq!(
            Selection::exponential(1e308).unwrap_err().field,
            "selection.Exponential"
        );
        // The largest accepted intensity on payoffs beyond the payoff limit
        // still overflows: an error naming the intensity, never a NaN.
        let huge = [3e300, 0.0, 5e300, 1.0];
        let fermi = Update::fermi(Selection::MAX_INTENSITY).unwrap();
        let err = fixation_probability(fermi, huge, 10).unwrap_err();
        assert_eq!(err.field, "fermi_beta");
        assert!(conditional_fixation_time(fermi, huge, 10).is_err());
        let exponential = Update::moran(Selection::exponential(Selection::MAX_INTENSITY).unwrap());
        let err = fixation_probability(exponential, huge, 10).unwrap_err();
        assert_eq!(err.field, "selection");
        // Every accepted intensity gives a finite probability in [0, 1].
        for beta in [0.0, 1e-300, 1.0, 1e3, 1e50, Selection::MAX_INTENSITY] {
            for game in [axelrod, [1.0, 0.0, 0.0, 1.0], [1e100, -1e100, 0.0, 1.0]] {
                if let Ok(rho) = fixation_probability(Update::fermi(beta).unwrap(), game, 50) {
                    assert!(
                        rho.value.is_finite() && (0.0..=1.0).contains(&rho.value),
                        "beta {beta}, game {game:?}: {rho:?}"
                    );
                    assert!(!rho.ln.is_nan(), "beta {beta}, game {game:?}: {rho:?}");
                }
            }
        }
    }

    #[test]
    fn stationary_of_two_strategies() {
        // With two strategies the stationary vector is proportional to
        // (rho_BA, rho_AB): the rate into each state.
        let table = PayoffTable::two_by_two(3.0, 0.0, 5.0, 1.0).unwrap();
        let m = FixationMatrix::new(Update::fermi(0.5).unwrap(), &table, 20).unwrap();
        let pi = m.stationary_distribution();
        let into_a = m.get(0, 1).value;
        let into_b = m.get(1, 0).value;
        assert!((pi[0] - into_a / (into_a + into_b)).abs() < 1e-14);
        assert!((pi.iter().sum::<f64>() - 1.0).abs() < 1e-14);
    }

    /// Issue 12 item 3: with fermi_beta 1e15, or exponential selection 7.5
    /// on payoffs near 1e100, the logarithms reach 1e16 and more and the
    /// distribution used to sum to 2 or 5.
    #[test]
    fn stationary_sums_to_one_under_overwhelming_selection() {
        // Found by replaying the algorithm: two states with weights near
        // e^(1.45e17) each came out with probability 1 (sum 2).
        let ties = PayoffTable::new(vec![
            vec![0.0, 3.0, 1.0],
            vec![1.0, 5.0, 5.0],
            vec![0.0, 5.0, 5.0],
        ])
        .unwrap();
        let huge = PayoffTable::new(vec![
            vec![0.0, 3e99, 1e99],
            vec![1e99, 5e99, 5e99],
            vec![0.0, 5e99, 5e99],
        ])
        .unwrap();
        let cases = [
            (Update::fermi(1e15).unwrap(), &ties),
            (Update::fermi(1e14).unwrap(), &ties),
            (Update::moran(Selection::exponential(7.5).unwrap()), &huge),
            (Update::fermi(7.5).unwrap(), &huge),
        ];
        for (update, table) in cases {
            for population in [2, 10, 100] {
                let matrix = FixationMatrix::new(update, table, population).unwrap();
                let pi = matrix.stationary_distribution();
                let sum: f64 = pi.iter().sum();
                assert!(
                    (sum - 1.0).abs() < 1e-12,
                    "{update:?}, N = {population}: {pi:?}"
                );
                assert!(pi.iter().all(|p| (0.0..=1.0).contains(p)), "{pi:?}");
            }
        }
    }

    #[test]
    fn normalize_ln_keeps_huge_logarithms_summing_to_one() {
        let mut ln = vec![-1e17, -1e17, -1e17 - 1.0, f64::NEG_INFINITY];
        normalize_ln(&mut ln);
        let sum: f64 = ln.iter().map(|l| l.exp()).sum();
        assert!((sum - 1.0).abs() < 1e-15, "{ln:?}");
        assert_eq!(ln[3], f64::NEG_INFINITY);
        assert!((ln[0] - ln[1]).abs() < 1e-15);
    }

    #[test]
    fn fixation_time_beyond_the_floating_point_range_is_an_error() {
        // A snowdrift game (b > d, c > a) keeps both types at a stable mix:
        // leaving it takes a time exponential in beta N, beyond f64 here;
        // it used to come back as Ok(inf).
        let snowdrift = [1.0, 2.0, 2.0, 0.0];
        let err =
            conditional_fixation_time(Update::fermi(1e3).unwrap(), snowdrift, 2000).unwrap_err();
        assert_eq!(err.field, "fermi_beta");
        let time = conditional_fixation_time(Update::fermi(0.01).unwrap(), snowdrift, 20).unwrap();
        assert!(time.is_finite() && time > 0.0, "{time}");
    }
}
