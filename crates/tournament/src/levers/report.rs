//! [`LeverReport`]: the six levers run on one base tournament.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use twolevel_game::ParameterError;

use super::{Lever, LeverNotRun, LeverOutcome};
use crate::progress::{NoProgress, Progress};
use crate::report::OutputError;
use crate::round_robin::RoundRobin;

/// The six levers run on one base tournament.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LeverReport {
    /// The base tournament's name.
    pub tournament: String,
    /// The seed every run used.
    pub seed: u64,
    /// The repetitions of every match.
    pub repetitions: u32,
    /// One outcome per lever that was run, in the order of [`Lever::ALL`].
    pub levers: Vec<LeverOutcome>,
    /// The levers that were not run, because a setting cannot be applied
    /// to this tournament, with the reason.
    #[serde(default)]
    pub not_run: Vec<LeverNotRun>,
}

impl LeverReport {
    /// Runs every lever at its [default settings](Lever::default_settings)
    /// on `base`, a round robin named `tournament`.
    ///
    /// Every lever is [checked](Lever::check) before anything is played; a
    /// lever with a setting that cannot be applied to `base` is not run
    /// and is listed in [`LeverReport::not_run`] with the reason, while
    /// the others run.
    pub fn run(tournament: impl Into<String>, base: &RoundRobin) -> Result<Self, ParameterError> {
        LeverReport::run_with_progress(tournament, base, &NoProgress)
    }

    /// Runs every lever as [`LeverReport::run`] does, telling `progress`
    /// of the lever settings to run (two per lever that is run) and of
    /// each finished one. The report is the same as without progress.
    ///
    /// Refused before anything is played when two round robins per lever,
    /// each counted at `base`'s work
    /// ([`round_robin_work`](crate::limits::round_robin_work)), would pass
    /// the [work limit](crate::limits::work_limit), naming `repetitions`
    /// or `horizon`.
    pub fn run_with_progress(
        tournament: impl Into<String>,
        base: &RoundRobin,
        progress: &dyn Progress,
    ) -> Result<Self, ParameterError> {
        let mut not_run = Vec::new();
        let runnable: Vec<Lever> = Lever::ALL
            .into_iter()
            .filter(|lever| match lever.check(base, lever.default_settings()) {
                Ok(()) => true,
                Err(reason) => {
                    not_run.push(reason);
                    false
                }
            })
            .collect();
        let one = crate::limits::round_robin_work(base);
        let work = 2.0 * runnable.len() as f64 * one;
        let expected = base
            .config()
            .horizon()
            .expected_length()
            .min(f64::from(u32::MAX));
        let at_one = crate::limits::at_one;
        crate::limits::check_work(
            "the levers' round robins (two per lever)",
            "match turns",
            work,
            &[
                ("repetitions", at_one(work, f64::from(base.repetitions()))),
                ("horizon", at_one(work, expected)),
            ],
        )?;
        Ok(LeverReport {
            tournament: tournament.into(),
            seed: base.seed(),
            repetitions: base.repetitions(),
            levers: runnable
                .iter()
                .map(|lever| lever.run_with_progress(base, lever.default_settings(), progress))
                .collect::<Result<_, _>>()?,
            not_run,
        })
    }

    /// The outcome of `lever`, if it was run.
    #[must_use]
    pub fn outcome(&self, lever: Lever) -> Option<&LeverOutcome> {
        self.levers.iter().find(|o| o.lever == lever)
    }

    /// Writes the report as pretty-printed JSON to `path`.
    pub fn write_json(&self, path: impl AsRef<Path>) -> Result<PathBuf, OutputError> {
        crate::report::write_json_file(self, path.as_ref())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::levers::small;
    use crate::progress::Counter;

    #[test]
    fn progress_sees_every_lever_setting_and_changes_nothing() {
        let tournament = small();
        let counter = Counter::default();
        let report = LeverReport::run_with_progress("small", &tournament, &counter).unwrap();
        assert_eq!((counter.total(), counter.done()), (12, 12));
        assert_eq!(report, LeverReport::run("small", &tournament).unwrap());
    }
}
