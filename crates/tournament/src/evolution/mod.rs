//! Evolutionary dynamics on round-robin payoffs.
//!
//! See `docs/evolution.md` for the processes, formulas and references.

pub mod config;

pub use config::{EvolutionConfig, Fitness, Initial, Process, RawEvolutionConfig, Record};
