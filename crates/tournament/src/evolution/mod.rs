//! Evolutionary dynamics on round-robin payoffs.
//!
//! See `docs/evolution.md` for the processes, formulas and references.

pub mod config;
pub mod ecological;
pub mod payoff;
pub mod stochastic;

pub use config::{EvolutionConfig, Fitness, Initial, Process, RawEvolutionConfig, Record};
pub use ecological::{SharesTrajectory, ecological, replicator};
pub use payoff::{MatchPlayer, PayoffSource, PayoffTable, SampledPayoffs};
pub use stochastic::{Fixation, RunOutcome, StochasticParams, Update, simulate};
