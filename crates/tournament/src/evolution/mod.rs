//! Evolutionary dynamics on round-robin payoffs.
//!
//! Four processes run on a [`PayoffTable`] of payoffs per turn (the round
//! robin's mean payoff matrix, see [`payoff_table`]):
//!
//! - [`ecological`](mod@ecological): Axelrod's ecological simulation (1984, ch. 3), the
//!   discrete replicator map on population shares;
//! - [`replicator`]: the continuous replicator equation, integrated in log shares by
//!   the adaptive Dormand-Prince 5(4) pair;
//! - [`simulate`] with [`Update::moran`]: the frequency-dependent Moran
//!   birth-death process in a finite population, with mutation;
//! - [`simulate`] with [`Update::fermi`]: pairwise comparison (imitation)
//!   with the Fermi rule, with mutation.
//!
//! [`fixation_probability`] and [`FixationMatrix`] give the analytic
//! fixation probabilities of the finite-population processes (in log space)
//! and the stationary distribution in the limit of rare mutations.
//! [`group`] gives the same analytics for groups of N (`docs/regimes.md`): [`GroupEvolution`] of two strategies, with the gradient of
//! selection, the full stationary distribution and group achievement.
//! [`EvolutionConfig`] is the `evolution` block of a tournament file, and
//! [`evolve_tournament`] runs it on a round robin; [`SocietyEvolution`]
//! runs a society file's own block; [`Selection`] (in
//! [`selection`]) maps a payoff to a reproductive fitness. See `docs/evolution.md`
//! for the formulas, conventions and references.
//!
//! ```
//! use twolevel_tournament::evolution::{
//!     Selection, PayoffTable, Record, StochasticParams, Update, fixation_probability, run_rng,
//!     simulate,
//! };
//!
//! // Tit-for-tat (0) and always-defect (1) over 10 rounds, per turn.
//! let mut table = PayoffTable::two_by_two(3.0, 0.9, 1.4, 1.0)?;
//! let moran = Update::moran(Selection::linear(0.5)?);
//!
//! // One TFT among 19 defectors takes over with probability rho, better
//! // than a neutral mutant (1/N) since TFTs do well among themselves; one
//! // defector among 19 TFTs does far worse than neutral.
//! let tft_invades = fixation_probability(moran, table.pair(0, 1), 20)?;
//! let alld_invades = fixation_probability(moran, table.pair(1, 0), 20)?;
//! assert!((tft_invades.value - 0.10593).abs() < 1e-5);
//! assert!(alld_invades.value < 0.001);
//!
//! // ...and a seeded run shows one possible history.
//! let params = StochasticParams {
//!     update: moran,
//!     mutation: 0.0,
//!     max_steps: 1_000_000,
//!     record: Record::Generation,
//! };
//! let run = simulate(&mut table, &[1, 19], &params, &mut run_rng(42, 0))?;
//! assert!(run.fixation.is_some());
//! # Ok::<(), twolevel_game::ParameterError>(())
//! ```

pub mod analytic;
pub mod config;
pub mod ecological;
pub mod graph;
pub mod group;
pub mod multilevel;
pub mod payoff;
pub mod run;
pub mod selection;
pub mod society;
pub mod stochastic;
pub mod tournament;

pub use analytic::{FixationMatrix, Probability, conditional_fixation_time, fixation_probability};
pub use config::{
    EvolutionConfig, Initial, PayoffMode, Process, RawEvolutionConfig, Record, Selection,
    SelectionKind,
};
pub use ecological::{
    REPLICATOR_MAX_STEPS, REPLICATOR_TOLERANCE, SharesTrajectory, ecological, replicator,
};
pub use group::{GroupEvolution, GroupPayoffs};
pub use payoff::{MatchPlayer, PayoffSource, PayoffTable, SampledPayoffs};
pub use run::{
    EvolutionError, EvolutionOutcome, FixationSummary, analytic_fixation, evolve, evolve_sampled,
    run_rng, run_seed, simulate_runs, write_csv, write_csv_file,
};
pub use society::SocietyEvolution;
pub use stochastic::{Fixation, RunOutcome, StochasticParams, Update, UpdateKind, simulate};
pub use tournament::{
    RoundRobinMatches, TournamentEvolution, check_every_pair_meets, evolve_played,
    evolve_tournament, payoff_table, stage_payoff_range,
};
