//! Progress reports from long computations.
//!
//! The engines that run for a while (a round robin's matches, an evolution
//! block's runs) take a [`Progress`]: they announce the work they are about
//! to do with [`Progress::start`] and report each finished unit with
//! [`Progress::advance`], from whichever rayon thread finished it. A report
//! never changes what is computed: the results are bit-identical with any
//! progress, or with [`NoProgress`], on any number of threads.
//!
//! ```
//! use twolevel_strategies::{Defector, TitForTat};
//! use twolevel_tournament::progress::Counter;
//! use twolevel_tournament::{Entrant, MatchConfig, RoundRobin};
//!
//! let players = vec![
//!     Entrant::classic(Box::new(TitForTat)),
//!     Entrant::classic(Box::new(Defector)),
//! ];
//! let tournament = RoundRobin::new(MatchConfig::classic(20)?, players)?.with_repetitions(4)?;
//! let counter = Counter::default();
//! let results = tournament.play_with_progress(&counter);
//! // Three pairs with self-play, four repetitions each.
//! assert_eq!((counter.total(), counter.done()), (12, 12));
//! assert_eq!(results, tournament.play());
//! # Ok::<(), twolevel_game::ParameterError>(())
//! ```

use std::sync::atomic::{AtomicU64, Ordering};

/// Receives progress reports; shared between the threads of a run, so its
/// methods take `&self` (count with atomics, or hand over to a progress
/// bar that does).
pub trait Progress: Sync {
    /// `total` more units of work are about to run (called before their
    /// [`Progress::advance`] calls; a run in phases calls it once a phase,
    /// so totals add up).
    fn start(&self, total: u64);

    /// `done` more units of work have finished.
    fn advance(&self, done: u64);
}

/// A [`Progress`] that ignores every report: what the engines' plain entry
/// points use.
#[derive(Clone, Copy, Debug, Default)]
pub struct NoProgress;

impl Progress for NoProgress {
    fn start(&self, _total: u64) {}

    fn advance(&self, _done: u64) {}
}

/// A [`Progress`] that counts, with atomics: the total announced and the
/// units done so far, readable from any thread while the run goes on.
#[derive(Debug, Default)]
pub struct Counter {
    total: AtomicU64,
    done: AtomicU64,
}

impl Counter {
    /// The units of work announced so far.
    #[must_use]
    pub fn total(&self) -> u64 {
        self.total.load(Ordering::Relaxed)
    }

    /// The units of work finished so far.
    #[must_use]
    pub fn done(&self) -> u64 {
        self.done.load(Ordering::Relaxed)
    }
}

impl Progress for Counter {
    fn start(&self, total: u64) {
        self.total.fetch_add(total, Ordering::Relaxed);
    }

    fn advance(&self, done: u64) {
        self.done.fetch_add(done, Ordering::Relaxed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::regime::RawRegimeTournament;
    use crate::regime::config::CLIMATE;

    #[test]
    fn progress_sees_every_regime_game_and_changes_nothing() {
        let tournament = RawRegimeTournament::load(CLIMATE, "climate.ron")
            .unwrap()
            .with_repetitions(2)
            .unwrap()
            .with_max_compositions(6)
            .unwrap();
        let counter = Counter::default();
        let results = tournament.play_with_progress(&counter);
        let games = tournament.schedule().0.len() as u64 * 2;
        assert_eq!((counter.total(), counter.done()), (games, games));
        assert_eq!(results, tournament.play());
    }

    #[test]
    fn progress_sees_every_society_point_and_changes_nothing() {
        let mut config = crate::society::SocietyConfig::embedded_default().unwrap();
        config.steps = config.steps.min(20);
        config.replicates = 1;
        let counter = Counter::default();
        let sweep = crate::society::SocietySweep::run_with_progress(&config, &counter).unwrap();
        let points = (config.q_levels.len() * config.mu_levels.len()) as u64;
        assert_eq!((counter.total(), counter.done()), (points, points));
        assert_eq!(sweep.points.len() as u64, points);
        assert_eq!(sweep, crate::society::SocietySweep::run(&config).unwrap());
    }

    #[test]
    fn progress_sees_every_sweep_cell_and_changes_nothing() {
        let folder = std::env::temp_dir().join(format!("progress-sweep-{}", std::process::id()));
        std::fs::create_dir_all(&folder).unwrap();
        let base = crate::config::shipped_tournament("axelrod-first")
            .unwrap()
            .replace("repetitions: 5", "repetitions: 1");
        std::fs::write(folder.join("base.ron"), base).unwrap();
        let text = r#"Sweep(name: "n", base: "base.ron", replicates: 2,
            grid: [(path: "action_noise", values: [0.0, 0.1])])"#;
        let sweep = crate::sweep_file::Sweep::from_ron(text, folder.join("n.ron")).unwrap();
        let counter = Counter::default();
        let results = sweep.run_in_memory(&counter).unwrap();
        assert_eq!((counter.total(), counter.done()), (4, 4));
        assert_eq!(results, sweep.run_in_memory(&NoProgress).unwrap());
        std::fs::remove_dir_all(&folder).unwrap();
    }
}
