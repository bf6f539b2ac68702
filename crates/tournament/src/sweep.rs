//! Sweeps of politicization: one round robin played at each of several
//! fixed levels of `pi`, measuring what the players do (`docs/model.md`
//! section 5 and `docs/strategies.md`).
//!
//! A sweep makes the paradox of politicization visible in play: players
//! whose moves answer their own blended payoffs and shadow of the future
//! (the prudent reciprocator, the learners) cooperate more at moderate
//! politicization than in a quiet or a securitized issue, as the U-shaped
//! grim threshold predicts. Every point uses the base tournament's seed,
//! so the points differ only by `pi`.
//!
//! ```
//! use twolevel_tournament::Tournament;
//! use twolevel_tournament::sweep::politicization_sweep;
//!
//! let base = Tournament::embedded_default()?.round_robin.with_repetitions(2)?;
//! let points = politicization_sweep(&base, &[0.0, 0.5])?;
//! assert_eq!(points.len(), 2);
//! assert!(points.iter().all(|p| (0.0..=1.0).contains(&p.cooperation)));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use serde::{Deserialize, Serialize};
use twolevel_game::{Currency, ParameterError, Politicization, Politics};

use crate::progress::NoProgress;
use crate::round_robin::{MatchMeans, RoundRobin, RoundRobinResults};
use crate::stats::{Summary, standard_error};
use crate::sweep_file::{Axis, Cells, ReplicateSeeds};

/// What one level of a sweep measured.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SweepPoint {
    /// The fixed politicization of this run.
    pub pi: f64,
    /// The share of moves that were cooperations, over all matches
    /// (self-play included), each match weighing the same.
    pub cooperation: f64,
    /// The standard error of [`SweepPoint::cooperation`] over repetitions
    /// (the standard deviation of the per-repetition rates divided by the
    /// square root of their number); 0 for one repetition.
    pub cooperation_standard_error: f64,
    /// The policy payoff per player and turn, over all matches.
    pub policy: f64,
    /// Each player's cooperation rate in its scored matches, in the order
    /// the players were given.
    pub player_cooperation: Vec<f64>,
}

impl SweepPoint {
    /// Measures the results of the run at `pi`, played
    /// [with its match records](RoundRobin::with_match_records).
    #[must_use]
    pub fn of(pi: f64, results: &RoundRobinResults) -> Self {
        SweepPoint::from_means(pi, results, &MatchMeans::of_records(results))
    }

    /// Plays `tournament` at `pi`, summing its matches while they play (no
    /// match records are kept), and measures it: the same point as
    /// [`SweepPoint::of`] on the results played with records.
    #[must_use]
    pub fn play(pi: f64, tournament: &RoundRobin) -> Self {
        let (results, means) = MatchMeans::play(tournament, &NoProgress);
        SweepPoint::from_means(pi, &results, &means)
    }

    /// The point from a run's results and its match means.
    fn from_means(pi: f64, results: &RoundRobinResults, means: &MatchMeans) -> Self {
        let repetitions = results.repetitions as usize;
        let summary = Summary::of(means.cooperation_by_repetition());
        SweepPoint {
            pi,
            cooperation: summary.mean,
            cooperation_standard_error: standard_error(summary.std, repetitions),
            policy: means.payoff(Currency::Policy),
            player_cooperation: results
                .standings
                .iter()
                .map(|s| s.cooperation_rate)
                .collect(),
        }
    }
}

/// The levels `0, 1/steps, ..., 1`: `steps + 1` evenly spaced levels of
/// politicization (just `[0]` for `steps = 0`).
#[must_use]
pub fn even_levels(steps: u32) -> Vec<f64> {
    if steps == 0 {
        return vec![0.0];
    }
    (0..=steps)
        .map(|k| f64::from(k) / f64::from(steps))
        .collect()
}

/// Plays `base` at each fixed politicization in `levels` (every player at
/// that level, unless it sets its own) and measures each run.
///
/// Fails, naming the level, when one lies outside [0, 1].
pub fn politicization_sweep(
    base: &RoundRobin,
    levels: &[f64],
) -> Result<Vec<SweepPoint>, ParameterError> {
    // The cells of the sweep engine's grid: one axis, one replicate, and
    // every point on the base tournament's own seed.
    let grid = [Axis {
        path: "politics".to_owned(),
        values: levels.to_vec(),
    }];
    Cells::new(&grid, 1, base.seed(), ReplicateSeeds::Shared)
        .iter()
        .map(|cell| {
            let level = cell.values[0];
            let pi = Politicization::new(level)
                .map_err(|e| e.within(&format!("levels[{}]", cell.point)))?;
            let config = base.config().with_politics(Politics::Fixed(pi));
            Ok(SweepPoint::play(
                level,
                &base.clone().with_config(config).with_seed(cell.seed),
            ))
        })
        .collect()
}

/// A sweep with what it was run on, for writing to a file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SweepReport {
    /// The base tournament's name.
    pub tournament: String,
    /// The seed every point used.
    pub seed: u64,
    /// The players, in the order of [`SweepPoint::player_cooperation`].
    pub players: Vec<String>,
    /// One point per level.
    pub points: Vec<SweepPoint>,
}

impl SweepReport {
    /// Sweeps `base` over `levels` ([`politicization_sweep`]) and keeps
    /// the names.
    pub fn run(
        tournament: impl Into<String>,
        base: &RoundRobin,
        levels: &[f64],
    ) -> Result<Self, ParameterError> {
        Ok(SweepReport {
            tournament: tournament.into(),
            seed: base.seed(),
            players: base.entrants().iter().map(|e| e.name.clone()).collect(),
            points: politicization_sweep(base, levels)?,
        })
    }

    /// Writes the report as JSON to `path`; errors name the path.
    pub fn write_json(
        &self,
        path: impl AsRef<std::path::Path>,
    ) -> Result<std::path::PathBuf, crate::report::OutputError> {
        crate::report::write_json_file(self, path.as_ref())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Tournament;

    #[test]
    fn points_summed_while_playing_equal_those_from_records() {
        let base = Tournament::embedded_default()
            .unwrap()
            .round_robin
            .with_repetitions(2)
            .unwrap();
        let players = base.entrants()[..4].to_vec();
        let base = base.with_entrants(players).unwrap();
        let played = SweepPoint::play(0.3, &base);
        let from_records = SweepPoint::of(0.3, &base.clone().with_match_records(true).play());
        assert_eq!(played, from_records);
        assert_eq!(played.policy.to_bits(), from_records.policy.to_bits());
    }
}
