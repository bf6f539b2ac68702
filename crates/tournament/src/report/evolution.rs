//! What an evolution block produced, as text ([`Display`]).

use std::fmt::{self, Display};

use super::table_name;
use crate::evolution::{EvolutionOutcome, FixationSummary, TournamentEvolution};

impl Display for TournamentEvolution {
    /// What the evolution block produced, in its fitness currency: the
    /// final shares of a deterministic dynamic, or the fixations counted
    /// over the runs of a stochastic process; then, for a stochastic
    /// process, the stationary distribution in the limit of rare mutations.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.outcome {
            EvolutionOutcome::Shares(trajectory) => {
                writeln!(
                    f,
                    "Evolution ({} fitness): shares at time {}",
                    self.fitness,
                    trajectory.times.last().copied().unwrap_or(0.0)
                )?;
                for (name, share) in self.names.iter().zip(trajectory.last()) {
                    writeln!(f, "  {:<30} {share:.6}", table_name(name))?;
                }
            }
            EvolutionOutcome::Runs(runs) => {
                let summary = FixationSummary::new(runs, self.names.len());
                writeln!(
                    f,
                    "Evolution ({} fitness): fixations over {} run(s), {} not fixed",
                    self.fitness, summary.runs, summary.unfixed
                )?;
                for (name, (wins, frequency)) in self
                    .names
                    .iter()
                    .zip(summary.wins.iter().zip(summary.frequencies()))
                {
                    writeln!(f, "  {:<30} {wins:>6} ({frequency:.3})", table_name(name))?;
                }
            }
        }
        if let Some(stationary) = &self.stationary {
            writeln!(f, "Stationary distribution for rare mutations:")?;
            for (name, share) in self.names.iter().zip(stationary) {
                writeln!(f, "  {:<30} {share:.6}", table_name(name))?;
            }
        }
        Ok(())
    }
}
