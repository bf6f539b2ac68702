//! The statistics every kind of run reports over its repetitions or
//! replicates: the mean, the sample standard deviation, the standard error
//! of the mean and the standard error of paired differences, and
//! [`Summary`], a quantity measured once per repetition.
//!
//! Round robins ([`Summary`] of scores and wins), levers (paired
//! differences), politicization sweeps, sweep files and society sweeps all
//! compute them here. The operations are done in one fixed order, so every
//! caller gets the same bits for the same values:
//!
//! - [`mean`] sums the values in order, then divides by their number;
//! - [`sample_sd`] is `sqrt(sum((x - mean)^2) / (n - 1))`, 0 for fewer than
//!   two values;
//! - [`standard_error`] divides a standard deviation by `sqrt(n)`;
//! - [`standard_error_from_variance`] is `sqrt(variance / n)`, the same
//!   number in exact arithmetic but not always in the last bit: the society
//!   sweeps report it this way, and keep doing so.
//!
//! ```
//! use twolevel_tournament::stats::{mean, sample_sd, standard_error};
//!
//! let values = [1.0, 2.0, 3.0, 4.0];
//! let m = mean(&values);
//! assert_eq!(m, 2.5);
//! let sd = sample_sd(&values, m);
//! assert_eq!(sd, (5.0_f64 / 3.0).sqrt());
//! assert_eq!(standard_error(sd, values.len()), sd / 2.0);
//! ```

use serde::{Deserialize, Serialize};

/// The mean of `values`: their sum, in order, divided by their number
/// (NaN for none).
#[must_use]
#[allow(clippy::cast_precision_loss)]
pub fn mean(values: &[f64]) -> f64 {
    values.iter().sum::<f64>() / values.len() as f64
}

/// The sample standard deviation of `values` around their `mean`:
/// `sqrt(sum((x - mean)^2) / (n - 1))`, or 0 for fewer than two values.
#[must_use]
#[allow(clippy::cast_precision_loss)]
pub fn sample_sd(values: &[f64], mean: f64) -> f64 {
    if values.len() > 1 {
        let squares: f64 = values.iter().map(|v| (v - mean).powi(2)).sum();
        (squares / (values.len() as f64 - 1.0)).sqrt()
    } else {
        0.0
    }
}

/// The standard error of a mean of `n` values whose sample standard
/// deviation is `sd`: `sd / sqrt(n)`.
#[must_use]
#[allow(clippy::cast_precision_loss)]
pub fn standard_error(sd: f64, n: usize) -> f64 {
    sd / (n as f64).sqrt()
}

/// How many standard errors `estimate` lies above `reference` (negative
/// below); `None` when the standard error is 0.
///
/// ```
/// use twolevel_tournament::stats::z_score;
///
/// assert_eq!(z_score(0.3, 0.1, 0.05), Some((0.3 - 0.1) / 0.05));
/// assert_eq!(z_score(0.3, 0.1, 0.0), None);
/// ```
#[must_use]
pub fn z_score(estimate: f64, reference: f64, standard_error: f64) -> Option<f64> {
    (standard_error > 0.0).then(|| (estimate - reference) / standard_error)
}

/// The mean of `values` and, for two or more, the standard error of that
/// mean computed as `sqrt(s^2 / n)` from the sample variance `s^2` (the
/// society sweeps' formula; [`standard_error`] divides `s` by `sqrt(n)`,
/// which may differ in the last bit).
#[must_use]
#[allow(clippy::cast_precision_loss)]
pub fn mean_and_standard_error_from_variance(values: &[f64]) -> (f64, Option<f64>) {
    let mean = mean(values);
    (mean, standard_error_from_variance(values, mean))
}

/// The standard error of the mean of `values` around their `mean` as
/// `sqrt(s^2 / n)`, with `s^2` the sample variance; `None` for fewer than
/// two values.
#[must_use]
#[allow(clippy::cast_precision_loss)]
pub fn standard_error_from_variance(values: &[f64], mean: f64) -> Option<f64> {
    let n = values.len() as f64;
    (values.len() >= 2).then(|| {
        let variance = values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / (n - 1.0);
        (variance / n).sqrt()
    })
}

/// The differences `a[r] - b[r]` of paired values (the same repetition of
/// two runs that share their seed), as many as the shorter list has.
#[must_use]
pub fn paired_differences(a: &[f64], b: &[f64]) -> Vec<f64> {
    a.iter().zip(b).map(|(a, b)| a - b).collect()
}

/// The standard error of the mean paired difference of `a` and `b`: the
/// sample standard deviation of [`paired_differences`] divided by the
/// square root of their number; `None` with fewer than two pairs.
#[must_use]
pub fn paired_standard_error(a: &[f64], b: &[f64]) -> Option<f64> {
    let differences = paired_differences(a, b);
    let n = differences.len();
    (n >= 2).then(|| standard_error(Summary::of(differences).std, n))
}

/// A quantity measured once per repetition, with its mean and standard
/// deviation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Summary {
    /// The mean over repetitions.
    pub mean: f64,
    /// The sample standard deviation over repetitions (0 for one).
    pub std: f64,
    /// The value in each repetition.
    pub per_repetition: Vec<f64>,
}

impl Summary {
    /// Summarises the values of each repetition ([`mean`] and
    /// [`sample_sd`]).
    #[must_use]
    pub fn of(per_repetition: Vec<f64>) -> Self {
        let mean = mean(&per_repetition);
        let std = sample_sd(&per_repetition, mean);
        Summary {
            mean,
            std,
            per_repetition,
        }
    }

    /// The standard error of the mean: [`Summary::std`] over the square
    /// root of the number of repetitions.
    #[must_use]
    pub fn standard_error(&self) -> f64 {
        standard_error(self.std, self.per_repetition.len())
    }
}

/// The mean, sample standard deviation and standard error (`sd / sqrt(n)`)
/// of `values`.
#[must_use]
pub fn mean_sd_se(values: &[f64]) -> (f64, f64, f64) {
    let mean = mean(values);
    let sd = sample_sd(values, mean);
    (mean, sd, standard_error(sd, values.len()))
}
