//! A tournament file of any kind, loaded once: [`AnyFile`] (a round robin
//! with its optional evolution block, a regime tournament, a society, a
//! parameter sweep, a negotiation, or a fixation file of evolution on
//! graphs or multilevel selection), dispatched on [`FileKind::of`], with the one
//! [`AnyFile::with_seed`] that replaces every seed the file holds, and
//! [`AnyFile::play`], which runs it in memory and returns [`FileResults`].
//!
//! The command-line program, the facade, the examples and the Python
//! package all load files through this type, so a file means the same
//! thing, and a seed replaces the same seeds, wherever it is run.
//!
//! ```
//! use twolevel_tournament::config::FileKind;
//! use twolevel_tournament::file::{AnyFile, FileResults};
//!
//! let text = twolevel_tournament::config::shipped_tournament("climate").unwrap();
//! let file = AnyFile::from_ron(text, "climate.ron")?.with_seed(7);
//! assert_eq!(file.kind(), FileKind::Regime);
//! assert_eq!(file.seed(), 7);
//! assert!(matches!(file.play()?, FileResults::Regime(_)));
//! # Ok::<(), twolevel_tournament::file::FileError>(())
//! ```

use std::path::{Path, PathBuf};

use twolevel_game::ParameterError;
use twolevel_strategies::config::{ConfigError, read_text_file};

use crate::config::{DEFAULT_ORIGIN, DEFAULT_TOURNAMENT, FileKind, PresetCatalog, Tournament};
use crate::evolution::{RawEvolutionConfig, SocietyEvolution, TournamentEvolution, evolve_played};
use crate::fixation_file::{FixationFile, FixationResults};
use crate::negotiation::{NegotiationFile, NegotiationResults};
use crate::progress::{NoProgress, Progress};
use crate::regime::{RawRegimeTournament, RegimeTournament, RegimeTournamentResults};
use crate::round_robin::{RoundRobinResults, TimingResults};
use crate::society::{SocietyConfig, SocietySweep};
use crate::sweep_file::{Sweep, SweepError, SweepResults};

/// Why a file could not be loaded or run.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    /// The file could not be read, parsed or accepted, or its evolution
    /// block could not run; the error names the file, the line and the
    /// column.
    #[error(transparent)]
    Config(#[from] ConfigError),
    /// A sweep file could not be loaded or run.
    #[error(transparent)]
    Sweep(#[from] SweepError),
    /// A society's sweep level is invalid.
    #[error(transparent)]
    Parameter(#[from] ParameterError),
}

/// What a file holds, by kind ([`AnyFile::loaded`]).
#[derive(Debug)]
#[non_exhaustive]
pub enum Loaded {
    /// A round robin, with its evolution block if it has one.
    RoundRobin(Box<Tournament>),
    /// A regime tournament.
    Regime(Box<RegimeTournament>),
    /// A society and its sweep over q and mu.
    Society(Box<SocietyConfig>),
    /// A parameter sweep over a base file.
    Sweep(Box<Sweep>),
    /// A negotiation between states.
    Negotiation(Box<NegotiationFile>),
    /// Evolution on graphs or multilevel selection: the fixation of one
    /// mutant ([`FixationFile`]).
    Fixation(Box<FixationFile>),
}

impl Loaded {
    /// The work of running the file once, in the units of
    /// [`limits::check_work`](crate::limits::check_work) (match turns, seat
    /// rounds, encounters, events): what each loader checked against the
    /// work limit, and what a sweep adds up over its cells.
    #[must_use]
    pub fn work(&self) -> f64 {
        match self {
            Loaded::RoundRobin(tournament) => tournament.work(),
            Loaded::Regime(tournament) => tournament.work(),
            Loaded::Society(config) => config.work(),
            Loaded::Sweep(sweep) => sweep.work(),
            Loaded::Negotiation(file) => file.work(),
            Loaded::Fixation(file) => file.work(),
        }
    }
}

/// A tournament file of any kind, read once and validated (see the
/// [module documentation](self)).
#[derive(Debug)]
pub struct AnyFile {
    origin: PathBuf,
    text: String,
    loaded: Loaded,
}

impl AnyFile {
    /// Reads the file at `path` once and loads it by its kind
    /// ([`FileKind::of`]); presets resolve as [`Tournament::from_file`]
    /// says, and a sweep's base file relative to `path`'s folder.
    pub fn from_file(path: impl AsRef<Path>) -> Result<AnyFile, FileError> {
        let path = path.as_ref();
        let text = read_text_file(path)?;
        AnyFile::from_ron_as(&text, path, FileKind::of(&text), None)
    }

    /// Reads the file at `path` once and loads it as a file of `kind`,
    /// whatever it starts with: a file of another kind is refused by that
    /// kind's loader (a round robin's says how to run the file).
    pub fn from_file_as(path: impl AsRef<Path>, kind: FileKind) -> Result<AnyFile, FileError> {
        let path = path.as_ref();
        AnyFile::from_ron_as(&read_text_file(path)?, path, kind, None)
    }

    /// Loads `text` read from `origin` by its kind ([`FileKind::of`]), as
    /// [`AnyFile::from_file`] does.
    pub fn from_ron(text: &str, origin: impl AsRef<Path>) -> Result<AnyFile, FileError> {
        AnyFile::from_ron_as(text, origin, FileKind::of(text), None)
    }

    /// Loads `text` read from `origin` as a file of `kind`, as
    /// [`AnyFile::from_file_as`] does. A round robin's presets come from
    /// `catalog`, or with `None` from the folders next to `origin`
    /// ([`PresetCatalog::for_tournament_file`]).
    pub fn from_ron_as(
        text: &str,
        origin: impl AsRef<Path>,
        kind: FileKind,
        catalog: Option<&PresetCatalog>,
    ) -> Result<AnyFile, FileError> {
        let origin = origin.as_ref();
        let loaded = match kind {
            FileKind::Regime => Loaded::Regime(Box::new(RawRegimeTournament::load(text, origin)?)),
            FileKind::Society => Loaded::Society(Box::new(SocietyConfig::from_ron(text, origin)?)),
            FileKind::Sweep => Loaded::Sweep(Box::new(Sweep::from_ron(text, origin)?)),
            FileKind::Negotiation => Loaded::Negotiation(Box::new(match catalog {
                Some(catalog) => NegotiationFile::from_ron(text, origin, catalog)?,
                None => NegotiationFile::from_ron(
                    text,
                    origin,
                    &PresetCatalog::for_tournament_file(origin)?,
                )?,
            })),
            FileKind::GraphEvolution | FileKind::Multilevel => {
                Loaded::Fixation(Box::new(FixationFile::from_ron(text, origin)?))
            }
            FileKind::RoundRobin => {
                let tournament = match catalog {
                    Some(catalog) => Tournament::from_ron(text, origin, catalog)?,
                    None => Tournament::from_ron(
                        text,
                        origin,
                        &PresetCatalog::for_tournament_file(origin)?,
                    )?,
                };
                Loaded::RoundRobin(Box::new(tournament))
            }
        };
        Ok(AnyFile {
            origin: origin.to_path_buf(),
            text: text.to_owned(),
            loaded,
        })
    }

    /// A file already loaded: `loaded`, read from `origin` as `text` (a
    /// sweep's modified base file, built once per grid point).
    pub(crate) fn from_loaded(origin: &Path, text: &str, loaded: Loaded) -> AnyFile {
        AnyFile {
            origin: origin.to_path_buf(),
            text: text.to_owned(),
            loaded,
        }
    }

    /// The embedded default tournament (`tournaments/two-level.ron`) with
    /// the built-in presets.
    pub fn embedded_default() -> Result<AnyFile, FileError> {
        AnyFile::from_ron_as(
            DEFAULT_TOURNAMENT,
            DEFAULT_ORIGIN,
            FileKind::RoundRobin,
            Some(&PresetCatalog::builtin()?),
        )
    }

    /// The file's kind.
    #[must_use]
    pub fn kind(&self) -> FileKind {
        match &self.loaded {
            Loaded::RoundRobin(_) => FileKind::RoundRobin,
            Loaded::Regime(_) => FileKind::Regime,
            Loaded::Society(_) => FileKind::Society,
            Loaded::Sweep(_) => FileKind::Sweep,
            Loaded::Negotiation(_) => FileKind::Negotiation,
            Loaded::Fixation(file) if file.is_graph() => FileKind::GraphEvolution,
            Loaded::Fixation(_) => FileKind::Multilevel,
        }
    }

    /// Where the file was read from (the origin named in its errors).
    #[must_use]
    pub fn origin(&self) -> &Path {
        &self.origin
    }

    /// The file's text, as read.
    #[must_use]
    pub fn text(&self) -> &str {
        &self.text
    }

    /// What the file holds.
    #[must_use]
    pub fn loaded(&self) -> &Loaded {
        &self.loaded
    }

    /// What the file holds, taken out of it.
    #[must_use]
    pub fn into_loaded(self) -> Loaded {
        self.loaded
    }

    /// The round-robin tournament a round-robin file holds, or `None` for a
    /// file of another kind.
    #[must_use]
    pub fn into_tournament(self) -> Option<Tournament> {
        match self.loaded {
            Loaded::RoundRobin(tournament) => Some(*tournament),
            _ => None,
        }
    }

    /// The regime tournament a regime file holds, or `None` for a file of
    /// another kind.
    #[must_use]
    pub fn into_regime(self) -> Option<RegimeTournament> {
        match self.loaded {
            Loaded::Regime(tournament) => Some(*tournament),
            _ => None,
        }
    }

    /// The society a society file holds, or `None` for a file of another
    /// kind.
    #[must_use]
    pub fn into_society(self) -> Option<SocietyConfig> {
        match self.loaded {
            Loaded::Society(config) => Some(*config),
            _ => None,
        }
    }

    /// The sweep a sweep file holds, or `None` for a file of another kind.
    #[must_use]
    pub fn into_sweep(self) -> Option<Sweep> {
        match self.loaded {
            Loaded::Sweep(sweep) => Some(*sweep),
            _ => None,
        }
    }

    /// The fixation file (graph evolution or multilevel selection) a file
    /// holds, or `None` for a file of another kind.
    #[must_use]
    pub fn into_fixation(self) -> Option<FixationFile> {
        match self.loaded {
            Loaded::Fixation(file) => Some(*file),
            _ => None,
        }
    }

    /// The negotiation a negotiation file holds, or `None` for a file of
    /// another kind.
    #[must_use]
    pub fn into_negotiation(self) -> Option<NegotiationFile> {
        match self.loaded {
            Loaded::Negotiation(file) => Some(*file),
            _ => None,
        }
    }

    /// The file's master seed: the round robin's, the regime tournament's,
    /// the society's first replicate's, the sweep's or the negotiation's.
    #[must_use]
    pub fn seed(&self) -> u64 {
        match &self.loaded {
            Loaded::RoundRobin(tournament) => tournament.round_robin.seed(),
            Loaded::Regime(tournament) => tournament.seed(),
            Loaded::Society(config) => config.seed,
            Loaded::Sweep(sweep) => sweep.identity().seed,
            Loaded::Negotiation(file) => file.seed(),
            Loaded::Fixation(file) => file.seed,
        }
    }

    /// The file with every seed it holds replaced by `seed`: a round
    /// robin's and its evolution block's own, a regime tournament's, a
    /// society's, or a sweep's master seed (which changes the sweep's
    /// identity hash, [`Sweep::with_seed`]).
    #[must_use]
    pub fn with_seed(mut self, seed: u64) -> Self {
        self.loaded = match self.loaded {
            Loaded::RoundRobin(mut tournament) => {
                tournament.round_robin = tournament.round_robin.with_seed(seed);
                if let Some(config) = tournament.evolution.take() {
                    let mut raw: RawEvolutionConfig = config.into();
                    raw.seed = Some(seed);
                    tournament.evolution = Some(
                        raw.try_into()
                            .expect("a valid evolution block stays valid with another seed"),
                    );
                }
                Loaded::RoundRobin(tournament)
            }
            Loaded::Regime(tournament) => Loaded::Regime(Box::new(tournament.with_seed(seed))),
            Loaded::Society(config) => Loaded::Society(Box::new(config.with_seed(seed))),
            Loaded::Sweep(sweep) => Loaded::Sweep(Box::new(sweep.with_seed(seed))),
            Loaded::Negotiation(file) => Loaded::Negotiation(Box::new(file.with_seed(seed))),
            Loaded::Fixation(file) => Loaded::Fixation(Box::new(file.with_seed(seed))),
        };
        self
    }

    /// [`AnyFile::with_seed`] when a seed is given, else the file as it is.
    #[must_use]
    pub fn with_seed_option(self, seed: Option<u64>) -> Self {
        match seed {
            Some(seed) => self.with_seed(seed),
            None => self,
        }
    }

    /// Runs the file in memory and returns its results; it writes no file.
    /// A round robin plays, then its evolution block if it has one; a
    /// society runs its sweep, then its evolution block if it has one
    /// ([`SocietyEvolution::run`]); a sweep runs every cell in memory
    /// ([`Sweep::run_in_memory`]).
    pub fn play(&self) -> Result<FileResults, FileError> {
        self.play_with_progress(&NoProgress)
    }

    /// [`AnyFile::play`], telling `progress` how the run advances (matches
    /// of a round robin, regime games, society grid points or sweep
    /// cells). The results are the same as without it.
    pub fn play_with_progress(&self, progress: &dyn Progress) -> Result<FileResults, FileError> {
        Ok(match &self.loaded {
            Loaded::Regime(tournament) => {
                FileResults::Regime(Box::new(tournament.play_with_progress(progress)))
            }
            Loaded::Society(config) => {
                let located =
                    |error| ConfigError::from_parameter(&self.origin, error).located_in(&self.text);
                // A block too large is refused before the sweep runs.
                SocietyEvolution::check(config).map_err(located)?;
                let sweep = SocietySweep::run_with_progress(config, progress)?;
                // The block runs after the sweep, at the base q and mu.
                let evolution = SocietyEvolution::run(config).map_err(located)?;
                FileResults::Society {
                    sweep: Box::new(sweep),
                    evolution: evolution.map(Box::new),
                }
            }
            Loaded::Sweep(sweep) => FileResults::Sweep(Box::new(sweep.run_in_memory(progress)?)),
            Loaded::Negotiation(file) => {
                FileResults::Negotiation(Box::new(file.play().map_err(|error| {
                    ConfigError::from_parameter(&self.origin, error).located_in(&self.text)
                })?))
            }
            Loaded::Fixation(file) => {
                FileResults::Fixation(Box::new(file.play().map_err(|error| {
                    ConfigError::from_parameter(&self.origin, error).located_in(&self.text)
                })?))
            }
            Loaded::RoundRobin(tournament) => {
                let results = tournament.round_robin.play_with_progress(progress);
                let evolution = match &tournament.evolution {
                    Some(config) => Some(Box::new(
                        evolve_played(&tournament.round_robin, &results, config, &NoProgress)
                            .map_err(|error| {
                                ConfigError::from_parameter(&self.origin, error.within("evolution"))
                                    .located_in(&self.text)
                            })?,
                    )),
                    None => None,
                };
                // A timing block replays the round robin once per spending
                // rule, as `twolevel run` does.
                let timing = match &tournament.timing {
                    Some(plan) => Some(Box::new(plan.run(&tournament.round_robin).map_err(
                        |error| {
                            ConfigError::from_parameter(&self.origin, error.within("timing"))
                                .located_in(&self.text)
                        },
                    )?)),
                    None => None,
                };
                FileResults::RoundRobin {
                    results: Box::new(results),
                    evolution,
                    timing,
                }
            }
        })
    }
}

/// What a tournament file of any kind gave ([`AnyFile::play`]). Each kind
/// prints as its results table (`{}`), which names the currency it ranks
/// by.
#[derive(Debug)]
#[non_exhaustive]
pub enum FileResults {
    /// A round robin's results; `evolution` holds the outcome of the
    /// file's `evolution` block when it has one.
    RoundRobin {
        /// The round robin's results.
        results: Box<RoundRobinResults>,
        /// The evolution block's outcome, on the round robin's payoffs.
        evolution: Option<Box<TournamentEvolution>>,
        /// The timing block's outcome: the cooperation each spending rule
        /// of one actor buys per unit spent.
        timing: Option<Box<TimingResults>>,
    },
    /// A regime tournament's results.
    Regime(Box<RegimeTournamentResults>),
    /// A society's sweep over monitoring and assessment error; `evolution`
    /// holds the outcome of the file's `evolution` block when it has one.
    Society {
        /// The sweep over q and mu.
        sweep: Box<SocietySweep>,
        /// The evolution of rules (or norms) at the base q and mu.
        evolution: Option<Box<SocietyEvolution>>,
    },
    /// A parameter sweep file's results, run in memory
    /// ([`Sweep::run_in_memory`]): the tidy table (the bytes
    /// `twolevel sweep` writes to `sweep.csv`) and its summary over
    /// replicates.
    Sweep(Box<SweepResults>),
    /// A negotiation file's results: per pair the win-sets, the zone, the
    /// shares and the rates of agreement, ratification, involuntary
    /// defection, compliance and withdrawal, in every currency.
    Negotiation(Box<NegotiationResults>),
    /// A graph-evolution or multilevel file's results: per unit (graph or
    /// group setting) the mutant's fixation probability, its standard
    /// error, the neutral `1/N` and the analytic values.
    Fixation(Box<FixationResults>),
}

impl std::fmt::Display for FileResults {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FileResults::RoundRobin {
                results,
                evolution,
                timing,
            } => {
                write!(f, "{results}")?;
                if let Some(timing) = timing {
                    write!(f, "\n\n{timing}")?;
                }
                if let Some(evolution) = evolution {
                    write!(f, "\n\n{evolution}")?;
                }
                Ok(())
            }
            FileResults::Regime(results) => write!(f, "{results}"),
            FileResults::Society { sweep, evolution } => {
                write!(f, "{sweep}")?;
                if let Some(evolution) = evolution {
                    write!(f, "\n\n{evolution}")?;
                }
                Ok(())
            }
            FileResults::Sweep(sweep) => write!(f, "{sweep}"),
            FileResults::Negotiation(results) => write!(f, "{results}"),
            FileResults::Fixation(results) => write!(f, "{results}"),
        }
    }
}
