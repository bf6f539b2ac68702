//! Deterministic dynamics on population shares: Axelrod's ecological
//! simulation (the discrete replicator map) and the continuous replicator
//! equation.

use serde::{Deserialize, Serialize};
use twolevel_game::ParameterError;
use twolevel_game::error::format_number;

use super::payoff::PayoffTable;

/// A deterministic trajectory: the shares of every type at recorded times.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SharesTrajectory {
    /// The time of each recorded row: the generation for the ecological
    /// map, `step * dt` for the replicator equation.
    pub times: Vec<f64>,
    /// The shares of each type at each recorded time; every row sums to 1.
    pub shares: Vec<Vec<f64>>,
}

impl SharesTrajectory {
    /// The last recorded shares.
    #[must_use]
    pub fn last(&self) -> &[f64] {
        self.shares.last().map_or(&[], Vec::as_slice)
    }
}

fn check_initial(table: &PayoffTable, initial: &[f64]) -> Result<(), ParameterError> {
    if initial.len() != table.len() {
        return Err(ParameterError::new(
            "initial",
            format!(
                "expected one share per player ({}), got {}",
                table.len(),
                initial.len()
            ),
        ));
    }
    let total: f64 = initial.iter().sum();
    if initial.iter().any(|s| !(s.is_finite() && *s >= 0.0)) || (total - 1.0).abs() > 1e-9 {
        return Err(ParameterError::new(
            "initial",
            format!("expected finite shares >= 0 summing to 1, got {initial:?}"),
        ));
    }
    Ok(())
}

/// The fitness vector `f = A x` (into `out`) and the mean `x . A x`.
fn fitness_into(table: &PayoffTable, shift: f64, x: &[f64], out: &mut [f64]) -> f64 {
    let mut mean = 0.0;
    for (i, f) in out.iter_mut().enumerate() {
        *f = table
            .row(i)
            .iter()
            .zip(x)
            .map(|(a, xj)| (a + shift) * xj)
            .sum();
        mean += x[i] * *f;
    }
    mean
}

/// Projects onto the simplex after rounding: clamps tiny negatives to 0 and
/// renormalizes to sum 1.
fn renormalize(x: &mut [f64]) {
    for s in x.iter_mut() {
        *s = s.max(0.0);
    }
    let total: f64 = x.iter().sum();
    if total > 0.0 {
        for s in x.iter_mut() {
            *s /= total;
        }
    }
}

/// The shift added to every payoff by the ecological map so that all are
/// non-negative: `max(0, -min a_ij)`. Axelrod's payoffs need none; blended
/// two-level payoffs can be negative.
#[must_use]
pub fn ecological_shift(table: &PayoffTable) -> f64 {
    (-table.range().0).max(0.0)
}

/// Axelrod's ecological simulation (1984, ch. 3): the discrete replicator
/// map `x_i' = x_i f_i / f_bar` with `f_i = sum_j x_j (a_ij + s)` and
/// `f_bar = sum_i x_i f_i`, iterated for `generations` generations.
///
/// The shift `s` is [`ecological_shift`]: 0 for non-negative tables,
/// otherwise it lifts the smallest payoff to 0 (the discrete map is only
/// defined for non-negative fitness, and unlike the continuous equation it
/// does depend on the shift). If `f_bar` is 0 (every payoff met is 0) the
/// shares stay put. With `record_every_generation` false only the initial
/// and final shares are kept.
pub fn ecological(
    table: &PayoffTable,
    initial: &[f64],
    generations: u64,
    record_every_generation: bool,
) -> Result<SharesTrajectory, ParameterError> {
    check_initial(table, initial)?;
    let shift = ecological_shift(table);
    let mut x = initial.to_vec();
    let mut f = vec![0.0; x.len()];
    let mut trajectory = SharesTrajectory {
        times: vec![0.0],
        shares: vec![x.clone()],
    };
    for generation in 1..=generations {
        let mean = fitness_into(table, shift, &x, &mut f);
        if mean > 0.0 {
            for (s, fi) in x.iter_mut().zip(&f) {
                *s *= fi / mean;
            }
            renormalize(&mut x);
        }
        if record_every_generation || generation == generations {
            trajectory.times.push(generation as f64);
            trajectory.shares.push(x.clone());
        }
    }
    Ok(trajectory)
}

/// The local error allowed per integration step in the log share `ln x_i`
/// of every type in the [replicator equation](replicator), relative to
/// `1 + |ln x_i|`: a share of 1e-4 or more (`|ln x| <= 9.2`) changes its
/// relative error by at most about 1e-9 per step.
pub const REPLICATOR_TOLERANCE: f64 = 1e-10;

/// The most integration steps one [`replicator`] run may take; a run that
/// would need more is refused with an error rather than left running.
pub const REPLICATOR_MAX_STEPS: u64 = 50_000_000;

/// The Dormand-Prince 5(4) tableau: the nodes `c`, the stage weights `a`,
/// the fifth-order weights `b` and the differences `b - b*` from the
/// embedded fourth-order weights (Dormand & Prince 1980; Hairer, Norsett &
/// Wanner, *Solving ODEs I*, table 5.2).
mod dormand_prince {
    pub(super) const A: [&[f64]; 6] = [
        &[1.0 / 5.0],
        &[3.0 / 40.0, 9.0 / 40.0],
        &[44.0 / 45.0, -56.0 / 15.0, 32.0 / 9.0],
        &[
            19372.0 / 6561.0,
            -25360.0 / 2187.0,
            64448.0 / 6561.0,
            -212.0 / 729.0,
        ],
        &[
            9017.0 / 3168.0,
            -355.0 / 33.0,
            46732.0 / 5247.0,
            49.0 / 176.0,
            -5103.0 / 18656.0,
        ],
        &[
            35.0 / 384.0,
            0.0,
            500.0 / 1113.0,
            125.0 / 192.0,
            -2187.0 / 6784.0,
            11.0 / 84.0,
        ],
    ];
    /// `b - b*` for the seven stages (the last stage is the first of the
    /// next step).
    pub(super) const ERROR: [f64; 7] = [
        71.0 / 57600.0,
        0.0,
        -71.0 / 16695.0,
        71.0 / 1920.0,
        -17253.0 / 339200.0,
        22.0 / 525.0,
        -1.0 / 40.0,
    ];
}

/// The shares `x = softmax(y)` of log shares `y` (entries of `-inf` are
/// extinct types with share 0).
fn softmax_into(y: &[f64], x: &mut [f64]) {
    let max = y.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let mut total = 0.0;
    for (xi, yi) in x.iter_mut().zip(y) {
        *xi = (yi - max).exp();
        total += *xi;
    }
    for xi in x.iter_mut() {
        *xi /= total;
    }
}

/// The replicator equation in log shares, `dy_i/dt = (A x)_i - x . A x`
/// with `x = softmax(y)`. Subtracting the mean fitness (common to every
/// type, so it does not move the shares) keeps the derivative of the
/// leading types small, so that their log shares stay near 0.
struct LogReplicator<'a> {
    table: &'a PayoffTable,
    shares: Vec<f64>,
}

impl LogReplicator<'_> {
    fn derivative(&mut self, y: &[f64], out: &mut [f64]) {
        softmax_into(y, &mut self.shares);
        let mean = fitness_into(self.table, 0.0, &self.shares, out);
        for f in out.iter_mut() {
            *f -= mean;
        }
    }
}

/// The continuous replicator equation `dx_i/dt = x_i (f_i - f_bar)` with
/// `f = A x`, recorded every `dt` for `steps` intervals (up to time
/// `steps * dt`).
///
/// The equation is integrated in log shares, `y_i = ln x_i`, where it reads
/// `dy_i/dt = f_i` up to a term common to every type, so the shares
/// `x = softmax(y)` stay exactly on the simplex (and extinct types stay
/// extinct) whatever the payoffs. Within each interval the Dormand-Prince
/// 5(4) pair chooses its own steps, keeping the local error of every log
/// share `y_i` below [`REPLICATOR_TOLERANCE`] times `1 + |y_i|` (tested
/// against the logistic closed form to 1e-8 in the shares): `dt` sets only when the shares are
/// recorded, never the accuracy. A run that would take more than
/// [`REPLICATOR_MAX_STEPS`] steps is an error naming `step`. Adding a
/// constant to the payoffs does not change this flow. With
/// `record_every_step` false only the initial and final shares are kept.
pub fn replicator(
    table: &PayoffTable,
    initial: &[f64],
    dt: f64,
    steps: u64,
    record_every_step: bool,
) -> Result<SharesTrajectory, ParameterError> {
    check_initial(table, initial)?;
    if !(dt.is_finite() && dt > 0.0) {
        return Err(ParameterError::new(
            "step",
            format!(
                "expected a finite integration step > 0, got {}",
                format_number(dt)
            ),
        ));
    }
    let length = dt * steps as f64;
    if length > super::EvolutionConfig::MAX_REPLICATOR_TIME {
        return Err(ParameterError::new(
            "step",
            format!(
                "expected a time span (steps x step) of at most {}, got {}",
                format_number(super::EvolutionConfig::MAX_REPLICATOR_TIME),
                format_number(length)
            ),
        ));
    }
    let n = initial.len();
    let mut system = LogReplicator {
        table,
        shares: vec![0.0; n],
    };
    let mut y: Vec<f64> = initial.iter().map(|s| s.ln()).collect();
    let mut x = initial.to_vec();
    let mut stage = vec![0.0; n];
    let mut k: [Vec<f64>; 7] = std::array::from_fn(|_| vec![0.0; n]);
    let mut trajectory = SharesTrajectory {
        times: vec![0.0],
        shares: vec![x.clone()],
    };
    system.derivative(&y, &mut k[0]);
    let mut h = dt;
    let mut taken: u64 = 0;
    for interval in 1..=steps {
        let mut left = dt;
        while left > 0.0 {
            if taken >= REPLICATOR_MAX_STEPS {
                return Err(ParameterError::new(
                    "step",
                    format!(
                        "the replicator equation needed more than {REPLICATOR_MAX_STEPS} \
                         integration steps to reach time {} of {}; shorten the run \
                         (generations times step) or use smaller payoff differences",
                        format_number((interval - 1) as f64 * dt + (dt - left)),
                        format_number(steps as f64 * dt)
                    ),
                ));
            }
            let last = h >= left;
            let step = if last { left } else { h };
            for (s, row) in dormand_prince::A.iter().enumerate() {
                for i in 0..n {
                    let increment: f64 = row.iter().zip(&k).map(|(a, ks)| a * ks[i]).sum();
                    stage[i] = y[i] + step * increment;
                }
                system.derivative(&stage, &mut k[s + 1]);
            }
            // The error estimate over the types still present; extinct
            // types (log share -inf) cannot change. A step so long that a
            // stage left the range of f64 (a NaN or infinite estimate, or
            // a new log share that is not finite) counts as an infinite
            // error: it is rejected and shortened, never accepted (f64::max
            // would pass over a NaN).
            let error = (0..n)
                .filter(|&i| y[i].is_finite())
                .map(|i| {
                    let e: f64 = dormand_prince::ERROR
                        .iter()
                        .zip(&k)
                        .map(|(w, ks)| w * ks[i])
                        .sum();
                    let scale = 1.0 + y[i].abs().max(stage[i].abs());
                    let error = (step * e).abs() / (REPLICATOR_TOLERANCE * scale);
                    if error.is_finite() && stage[i].is_finite() {
                        error
                    } else {
                        f64::INFINITY
                    }
                })
                .fold(0.0, f64::max);
            taken += 1;
            if error <= 1.0 {
                // Accept: the stage at a = b is the new state (first same
                // as last), shifted so that the largest log share is 0.
                let max = stage.iter().copied().fold(f64::NEG_INFINITY, f64::max);
                for (yi, si) in y.iter_mut().zip(&stage) {
                    *yi = si - max;
                }
                let (first, rest) = k.split_at_mut(1);
                first[0].copy_from_slice(&rest[5]);
                left = if last { 0.0 } else { left - step };
            }
            // The usual controller: safety 0.9, growth in [0.2, 5].
            let factor = if error == 0.0 {
                5.0
            } else {
                (0.9 * error.powf(-0.2)).clamp(0.2, 5.0)
            };
            h = step * factor;
            if !(h.is_finite() && h > 0.0) {
                return Err(ParameterError::new(
                    "payoffs",
                    "the replicator equation cannot be integrated with these payoffs \
                     (the step size underflowed); use smaller payoffs",
                ));
            }
        }
        if record_every_step || interval == steps {
            softmax_into(&y, &mut x);
            trajectory.times.push(interval as f64 * dt);
            trajectory.shares.push(x.clone());
        }
    }
    Ok(trajectory)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_must_match_the_table() {
        let t = PayoffTable::two_by_two(3.0, 0.0, 5.0, 1.0).unwrap();
        assert_eq!(
            ecological(&t, &[1.0], 3, true).unwrap_err().field,
            "initial"
        );
        assert!(ecological(&t, &[0.7, 0.7], 3, true).is_err());
        assert_eq!(
            replicator(&t, &[0.5, 0.5], 0.0, 3, true).unwrap_err().field,
            "step"
        );
    }

    #[test]
    fn one_ecological_generation_by_hand() {
        // x = (1/2, 1/2): f = (1.5, 3), f_bar = 2.25, x' = (1/3, 2/3).
        let t = PayoffTable::two_by_two(3.0, 0.0, 5.0, 1.0).unwrap();
        let run = ecological(&t, &[0.5, 0.5], 1, true).unwrap();
        assert!((run.last()[0] - 1.0 / 3.0).abs() < 1e-15);
        assert_eq!(run.times, vec![0.0, 1.0]);
    }

    /// The logistic closed form: with `a - c = b - d = s` the share of the
    /// first type is `x0 e^(s t) / (1 - x0 + x0 e^(s t))`.
    #[test]
    fn replicator_matches_the_logistic_solution() {
        for (scale, dt, generations) in [(1.0, 0.01, 1000), (1000.0, 0.01, 100), (1.0, 5.0, 4)] {
            let t = PayoffTable::two_by_two(2.0 * scale, 2.0 * scale, scale, scale).unwrap();
            let x0: f64 = 0.01;
            let run = replicator(&t, &[x0, 1.0 - x0], dt, generations, true).unwrap();
            for (time, shares) in run.times.iter().zip(&run.shares) {
                let grow = (scale * time).exp();
                let exact = if grow.is_finite() {
                    x0 * grow / (1.0 - x0 + x0 * grow)
                } else {
                    1.0
                };
                assert!(
                    (shares[0] - exact).abs() < 1e-8,
                    "scale {scale}, t {time}: {} vs {exact}",
                    shares[0]
                );
                assert!((shares.iter().sum::<f64>() - 1.0).abs() < 1e-12);
            }
        }
    }

    /// Issue 12 item 2: with payoffs in the thousands (theta 1000) and the
    /// default step 0.01 the fixed-step integrator sent the defector to
    /// 1.000; the answer must agree with a tiny-step reference.
    #[test]
    fn replicator_is_accurate_whatever_the_step() {
        // Cooperator, defector, Tit For Tat over 200 turns, times 1000.
        let table = PayoffTable::new(vec![
            vec![3000.0, 0.0, 3000.0],
            vec![5000.0, 1000.0, 1020.0],
            vec![3000.0, 995.0, 3000.0],
        ])
        .unwrap();
        let initial = [1.0 / 3.0; 3];
        let horizon: f64 = 0.5;
        // The reference: classical Runge-Kutta in log shares with h = 1e-5.
        let mut y: Vec<f64> = initial.iter().map(|s: &f64| s.ln()).collect();
        let mut system = LogReplicator {
            table: &table,
            shares: vec![0.0; 3],
        };
        let h: f64 = 1e-5;
        let mut k = [[0.0; 3]; 4];
        let mut stage = [0.0; 3];
        for _ in 0..(horizon / h).round() as usize {
            system.derivative(&y, &mut k[0]);
            for (s, weight) in [(1, 0.5), (2, 0.5), (3, 1.0)] {
                for i in 0..3 {
                    stage[i] = y[i] + weight * h * k[s - 1][i];
                }
                system.derivative(&stage, &mut k[s]);
            }
            for i in 0..3 {
                y[i] += h / 6.0 * (k[0][i] + 2.0 * k[1][i] + 2.0 * k[2][i] + k[3][i]);
            }
        }
        let mut reference = vec![0.0; 3];
        softmax_into(&y, &mut reference);
        for dt in [0.01, 0.1, 0.5] {
            let steps = (horizon / dt).round() as u64;
            let run = replicator(&table, &initial, dt, steps, false).unwrap();
            for (got, want) in run.last().iter().zip(&reference) {
                assert!(
                    (got - want).abs() < 1e-7,
                    "dt {dt}: {:?} vs {reference:?}",
                    run.last()
                );
            }
        }
        // The defector does not take over: cooperators and Tit For Tat share
        // the population.
        assert!(reference[1] < 1e-3, "{reference:?}");
    }

    #[test]
    fn replicator_stays_on_the_simplex_with_huge_payoffs() {
        let t = PayoffTable::two_by_two(1e100, -1e100, 0.0, 1e99).unwrap();
        let run = replicator(&t, &[0.5, 0.5], 1e6, 10, true).unwrap();
        for shares in &run.shares {
            assert!(shares.iter().all(|s| (0.0..=1.0).contains(s)), "{shares:?}");
            assert!(
                (shares.iter().sum::<f64>() - 1.0).abs() < 1e-12,
                "{shares:?}"
            );
        }
        // An extinct type stays extinct.
        let run = replicator(&t, &[1.0, 0.0], 0.1, 10, false).unwrap();
        assert_eq!(run.last(), &[1.0, 0.0]);
    }
}
