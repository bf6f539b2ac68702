//! Deterministic dynamics on population shares: Axelrod's ecological
//! simulation (the discrete replicator map) and the continuous replicator
//! equation.

use serde::{Deserialize, Serialize};
use twolevel_game::ParameterError;

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

/// The continuous replicator equation `dx_i/dt = x_i (f_i - f_bar)` with
/// `f = A x`, integrated by the classical fourth-order Runge-Kutta method
/// with step `dt` for `steps` steps (up to time `steps * dt`).
///
/// After each step the shares are clamped at 0 and renormalized, which only
/// removes rounding errors (the exact flow stays on the simplex) unless `dt`
/// is far too large. Adding a constant to the payoffs does not change this
/// flow. With `record_every_step` false only the initial and final shares
/// are kept.
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
            format!("expected a finite integration step > 0, got {dt}"),
        ));
    }
    let n = initial.len();
    let mut x = initial.to_vec();
    let mut fitness = vec![0.0; n];
    let mut stage = vec![0.0; n];
    let mut k = [vec![0.0; n], vec![0.0; n], vec![0.0; n], vec![0.0; n]];
    let mut trajectory = SharesTrajectory {
        times: vec![0.0],
        shares: vec![x.clone()],
    };
    let derivative = |at: &[f64], fitness: &mut [f64], out: &mut [f64]| {
        let mean = fitness_into(table, 0.0, at, fitness);
        for ((o, xi), fi) in out.iter_mut().zip(at).zip(fitness.iter()) {
            *o = xi * (fi - mean);
        }
    };
    for step in 1..=steps {
        derivative(&x, &mut fitness, &mut k[0]);
        for (h, weight) in [(1, 0.5), (2, 0.5), (3, 1.0)] {
            let (done, rest) = k.split_at_mut(h);
            for ((s, xi), ki) in stage.iter_mut().zip(&x).zip(&done[h - 1]) {
                *s = xi + weight * dt * ki;
            }
            derivative(&stage, &mut fitness, &mut rest[0]);
        }
        for i in 0..n {
            x[i] += dt / 6.0 * (k[0][i] + 2.0 * k[1][i] + 2.0 * k[2][i] + k[3][i]);
        }
        renormalize(&mut x);
        if record_every_step || step == steps {
            trajectory.times.push(step as f64 * dt);
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
}
