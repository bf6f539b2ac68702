//! The `evolution` block of a society file, run: [`SocietyEvolution`].
//!
//! A society file (`docs/society.md`) may end with an evolution block: the
//! states' rules (or, with `evolving: Norm`, their norms) then evolve by
//! pairwise comparison ([`RuleEvolution`](crate::society::RuleEvolution))
//! at the base q and mu, after the file's warm-up. [`AnyFile::play`]
//! runs it after the society's sweep, so `twolevel run`, the facade and the
//! `society` example give the same counts for the same file and seed.
//!
//! [`AnyFile::play`]: crate::file::AnyFile::play

use std::fmt;
use std::path::{Path, PathBuf};

use rand::SeedableRng;
use rand_pcg::Pcg64Mcg;
use serde::{Deserialize, Serialize};
use twolevel_game::{Currency, ParameterError};

use crate::limits::check_memory;
use crate::report::{OutputError, write_csv};
use crate::society::{Society, SocietyConfig, Trait};

/// The outcome of a society file's evolution block: how many states
/// followed each rule (or norm) after every generation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SocietyEvolution {
    /// What evolved: the rules or the norms.
    pub evolving: Trait,
    /// The rules (the groups' kinds) or the norms, in the order of the
    /// counts.
    pub names: Vec<String>,
    /// The currency the states compared.
    pub currency: Currency,
    /// The monitoring q the society evolved at (the file's base q).
    pub q: f64,
    /// The assessment error mu it evolved at (the file's base mu).
    pub mu: f64,
    /// The counts of each name before the first generation and after each
    /// generation (`generations + 1` rows).
    pub history: Vec<Vec<u32>>,
}

impl SocietyEvolution {
    /// Runs the evolution block of `config`, as the `society` example does:
    /// the society is built from the file's groups at its base parameters,
    /// warmed up for `warmup` steps with an RNG seeded with the file's
    /// seed, then evolved for the block's generations with the same RNG.
    /// `None` when the file has no evolution block. A history that would
    /// not fit in the [memory limit](crate::limits::memory_limit) is
    /// refused before anything runs, naming `evolution.generations`.
    pub fn run(config: &SocietyConfig) -> Result<Option<SocietyEvolution>, ParameterError> {
        SocietyEvolution::check(config)?;
        let Some(plan) = config.evolution else {
            return Ok(None);
        };
        let mut society = Society::new(config.params, &config.game, &config.groups)?;
        let evolving = plan.process.trait_evolving();
        let names: Vec<String> = match evolving {
            Trait::Rule => society.kind_names().to_vec(),
            Trait::Norm => society.norms().iter().map(ToString::to_string).collect(),
        };
        let mut rng = Pcg64Mcg::seed_from_u64(config.seed);
        society.run(config.warmup, &mut rng);
        let history = plan.process.run(&mut society, plan.generations, &mut rng);
        Ok(Some(SocietyEvolution {
            evolving,
            names,
            currency: plan.currency,
            q: config.params.observation(),
            mu: config.params.assessment_error(),
            history,
        }))
    }

    /// Refuses, before anything runs, an evolution block whose history (a
    /// row of counts per generation) would not fit in the [memory
    /// limit](crate::limits::memory_limit), naming `evolution.generations`.
    /// A file without a block passes. [`AnyFile::play`](crate::file::AnyFile::play)
    /// checks this before the society's sweep runs.
    pub fn check(config: &SocietyConfig) -> Result<(), ParameterError> {
        let Some(plan) = config.evolution else {
            return Ok(());
        };
        // A row holds a count per variant of the evolving trait (a rule per
        // group, or the norms: at most one per group and the society's
        // own) and the row's vector itself.
        #[allow(clippy::cast_precision_loss)]
        let row = 4.0 * (config.groups.len() + 1) as f64 + 24.0;
        #[allow(clippy::cast_precision_loss)]
        let rows = plan.generations as f64 + 1.0;
        check_memory(
            "generations",
            "the counts of every generation of the society's evolution",
            rows * row,
        )
        .map_err(|e| e.within("evolution"))
    }

    /// The number of generations run.
    #[must_use]
    pub fn generations(&self) -> usize {
        self.history.len().saturating_sub(1)
    }

    /// Writes the history as CSV: a header `generation,<name>...` and a row
    /// per generation (0 before the first) with the counts.
    pub fn write_csv(&self, path: impl AsRef<Path>) -> Result<PathBuf, OutputError> {
        write_csv(path.as_ref(), |writer| {
            writer.write_record(
                std::iter::once("generation").chain(self.names.iter().map(String::as_str)),
            )?;
            for (generation, counts) in self.history.iter().enumerate() {
                writer.write_record(
                    std::iter::once(generation.to_string())
                        .chain(counts.iter().map(ToString::to_string)),
                )?;
            }
            Ok(())
        })
    }
}

/// The table the `society` example prints: for each rule or norm, its
/// count at the start and the end and its mean count over the generations.
impl fmt::Display for SocietyEvolution {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "Evolution at q = {}, mu = {}: {} generations, fitness = {} per encounter, Fermi \
             imitation and mutation between {}:",
            self.q,
            self.mu,
            self.generations(),
            self.currency,
            match self.evolving {
                Trait::Rule => "rules",
                Trait::Norm => "norms",
            },
        )?;
        let first = self.history.first();
        let last = self.history.last();
        #[allow(clippy::cast_precision_loss)]
        let rows = self.history.len().max(1) as f64;
        for (k, name) in self.names.iter().enumerate() {
            let count = |row: Option<&Vec<u32>>| row.and_then(|r| r.get(k)).copied().unwrap_or(0);
            let mean = self
                .history
                .iter()
                .map(|h| f64::from(h.get(k).copied().unwrap_or(0)))
                .sum::<f64>()
                / rows;
            writeln!(
                f,
                "  {name:<24} start {:>5}  end {:>5}  mean {:>8.1}",
                count(first),
                count(last),
                mean
            )?;
        }
        Ok(())
    }
}
