//! Evolutionary dynamics on round-robin payoffs.
//!
//! See `docs/evolution.md` for the processes, formulas and references.

pub mod analytic;
pub mod config;
pub mod ecological;
pub mod payoff;
pub mod run;
pub mod stochastic;
pub mod tournament;

pub use analytic::{FixationMatrix, Probability, fixation_probability};
pub use config::{
    EvolutionConfig, Fitness, Initial, PayoffMode, Process, RawEvolutionConfig, Record,
};
pub use ecological::{SharesTrajectory, ecological, replicator};
pub use payoff::{MatchPlayer, PayoffSource, PayoffTable, SampledPayoffs};
pub use run::{
    EvolutionError, EvolutionOutcome, FixationSummary, analytic_fixation, evolve, evolve_sampled,
    run_rng, run_seed, simulate_runs, write_csv, write_csv_file,
};
pub use stochastic::{Fixation, RunOutcome, StochasticParams, Update, simulate};
pub use tournament::{RoundRobinMatches, TournamentEvolution, evolve_tournament, payoff_table};
