//! # twolevel
//!
//! Axelrod-style iterated-game tournaments in which each state's payoff
//! blends a domestic political payoff with an international policy payoff.
//!
//! This facade re-exports the four crates of the workspace:
//! [`game`] (the two-level game and the `Strategy` trait),
//! [`strategies`] (the players), [`tournament`] (matches, round robins
//! and evolutionary dynamics) and [`files`] (reading the RON files, with
//! errors that give the file, line and column). Most users want the
//! [`prelude`]; [`society`] gathers the society of states in one import,
//! and [`AnyFile`] loads a file of any kind.
//!
//! ## Quick start
//!
//! The two-level game reduces to Axelrod's when nobody plays politics:
//!
//! ```
//! use twolevel::prelude::*;
//!
//! let game = TwoLevelGame::default();
//! let m = game.blended_matrix(Orientation::POLICY, Politicization::NONE);
//! assert!(m.is_prisoners_dilemma());
//! assert_eq!((m.r(), m.s(), m.t(), m.p()), (3.0, 0.0, 5.0, 1.0));
//! ```
//!
//! The main job, a round robin from a tournament file (here the embedded
//! default, `tournaments/two-level.ron`), gives the same numbers for the
//! same seed on any number of threads:
//!
//! ```
//! use twolevel::prelude::*;
//!
//! let tournament = Tournament::embedded_default()?;
//! let results = tournament.round_robin.play();
//! println!("{results}"); // the ranking table
//! let again = tournament.round_robin.play();
//! assert_eq!(results.ranked_names().collect::<Vec<_>>(), again.ranked_names().collect::<Vec<_>>());
//! # Ok::<(), twolevel::files::ConfigError>(())
//! ```
//!
//! ## Running files, and one error type
//!
//! [`run_file`] plays the round robin of a tournament file,
//! [`evolve_file`] also runs its evolutionary block and
//! [`run_regime_file`] plays a regime tournament. Every fallible function
//! of this crate returns [`Error`], which every error type of the
//! workspace converts into, so `?` works across crates:
//!
//! ```
//! use twolevel::prelude::*;
//!
//! fn best_in(path: &std::path::Path) -> Result<String, twolevel::Error> {
//!     let results = twolevel::run_file(path, 7)?; // seed 7 replaces the file's
//!     let tft = results.player("Tit For Tat").expect("a player of the file");
//!     assert!(tft.rank() >= 1 && tft.against("Grudger").is_some());
//!     let m = PayoffMatrix::new(3.0, 0.0, 5.0, 1.0)?; // a ParameterError converts too
//!     m.check_prisoners_dilemma()?; // and so does NotPrisonersDilemma
//!     Ok(results.ranked().next().expect("players").name().to_owned())
//! }
//!
//! let path = std::env::temp_dir().join(format!("axelrod-first-{}.ron", std::process::id()));
//! let text = twolevel::tournament::config::shipped_tournament("axelrod-first").unwrap();
//! std::fs::write(&path, text).unwrap();
//! println!("{} wins", best_in(&path)?);
//! // A missing file names itself.
//! let missing = twolevel::run_file("no/such/file.ron", None).unwrap_err();
//! assert!(matches!(missing, twolevel::Error::Config(_)));
//! assert!(missing.to_string().contains("no/such/file.ron"));
//! # std::fs::remove_file(&path).unwrap();
//! # Ok::<(), twolevel::Error>(())
//! ```

use std::path::Path;

pub use twolevel_files as files;
use twolevel_tournament::config::FileKind;
pub use twolevel_tournament::file::{AnyFile, FileResults};

pub use twolevel_game as game;
pub use twolevel_strategies as strategies;
pub use twolevel_tournament as tournament;

/// The names most programs need, in one import.
pub mod prelude {
    pub use crate::Error;
    pub use twolevel_game::rand_core::Rng;
    pub use twolevel_game::{
        Action, Bimatrix, ByCurrency, Classifier, CloneBoxed, Currency, ElectionCycle, Horizon,
        HorizonKind, Orientation, Outcome, Payoff, PayoffMatrix, PoliticalPayoff, Politicization,
        PoliticizationDynamics, Politics, Situation, Strategy, TwoLevelGame, View,
    };
    pub use twolevel_game::{
        Agreement, EstimateNoise, Leverage, Protocol, Ratifier, Resources, Threshold, WinSet, Zone,
    };
    pub use twolevel_game::{
        Anchor, NoThreshold, PoliticizationParadox, grim_threshold, paradox_of_politicization,
        paradox_of_politicization_with, tft_threshold, threshold_cell,
    };
    pub use twolevel_game::{GroupGame, GroupPolicy, RegimeStrategy, RegimeView};
    pub use twolevel_tournament::evolution::{EvolutionOutcome, TournamentEvolution};
    pub use twolevel_tournament::evolution::{GroupEvolution, GroupPayoffs};
    pub use twolevel_tournament::negotiation::{
        Bargaining, NegotiatingState, NegotiationConfig, NegotiationFile, NegotiationResults,
        PairNegotiation, negotiate,
    };
    pub use twolevel_tournament::regime::{
        RawRegimeTournament, RegimeConfig, RegimeMember, RegimeTournament, RegimeTournamentResults,
    };
    pub use twolevel_tournament::{
        ArenaRecord, Domestic, Entrant, MatchBuffers, MatchConfig, MatchResult, Matchup,
        PlayerResults, PlayerSettings, RankingMetric, RoundRobin, RoundRobinResults, Tournament,
        play_arena_match, play_match,
    };
    // Domestic arenas in round-robin files (docs/actors.md): their
    // results, and the timing tournament of a file's `timing` block.
    pub use twolevel_tournament::round_robin::{ArenaResults, TimingResults};
}

/// Any error of the twolevel crates: what every fallible function of this
/// facade returns. Each crate's error type converts into it with `From`,
/// so `?` works on all of them; the message is the inner error's (it names
/// the field, and the file, line and column where there is one).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A parameter was rejected ([`game::ParameterError`]).
    #[error(transparent)]
    Parameter(#[from] twolevel_game::ParameterError),
    /// A file could not be read, parsed or accepted
    /// ([`files::ConfigError`]).
    #[error(transparent)]
    Config(#[from] twolevel_files::ConfigError),
    /// A strategy could not be built ([`strategies::registry::StrategyError`]).
    #[error(transparent)]
    Strategy(#[from] twolevel_strategies::registry::StrategyError),
    /// An evolutionary process could not run or be written
    /// ([`tournament::evolution::EvolutionError`]).
    #[error(transparent)]
    Evolution(#[from] twolevel_tournament::evolution::EvolutionError),
    /// Results could not be written ([`tournament::OutputError`]).
    #[error(transparent)]
    Output(#[from] twolevel_tournament::OutputError),
    /// A matrix is not a prisoner's dilemma
    /// ([`game::NotPrisonersDilemma`]).
    #[error(transparent)]
    NotPrisonersDilemma(#[from] twolevel_game::NotPrisonersDilemma),
    /// A game has no cooperation threshold ([`game::NoThreshold`]).
    #[error(transparent)]
    NoThreshold(#[from] twolevel_game::NoThreshold),
    /// The paradox of politicization is undefined somewhere
    /// ([`game::ParadoxError`]).
    #[error(transparent)]
    Paradox(#[from] twolevel_game::ParadoxError),
    /// A parameter sweep could not be loaded, run or merged
    /// ([`tournament::sweep_file::SweepError`]).
    #[error(transparent)]
    Sweep(#[from] twolevel_tournament::sweep_file::SweepError),
}

impl From<twolevel_tournament::file::FileError> for Error {
    /// The inner error, in the variant of its own type.
    fn from(error: twolevel_tournament::file::FileError) -> Self {
        use twolevel_tournament::file::FileError;
        match error {
            FileError::Config(error) => Error::Config(error),
            FileError::Sweep(error) => Error::Sweep(error),
            FileError::Parameter(error) => Error::Parameter(error),
        }
    }
}

/// Reads and validates the round-robin tournament file at `path`
/// (`tournaments/*.ron`; presets resolve as
/// [`Tournament::from_file`](tournament::Tournament::from_file) says), with
/// its seeds (the round robin's and its evolution block's) replaced by
/// `seed` when one is given ([`AnyFile::with_seed`]).
pub fn load_tournament(
    path: impl AsRef<Path>,
    seed: impl Into<Option<u64>>,
) -> Result<twolevel_tournament::Tournament, Error> {
    let file = AnyFile::from_file_as(path, FileKind::RoundRobin)?.with_seed_option(seed.into());
    Ok(file
        .into_tournament()
        .expect("a file loaded as a round robin holds one"))
}

/// Plays the round robin of the tournament file at `path`, with its seed
/// replaced by `seed` when one is given (`run_file(path, 42)`, or
/// `run_file(path, None)` for the file's own), and returns the results;
/// it writes no file (see
/// [`RoundRobinResults::write_to`](tournament::RoundRobinResults::write_to)).
/// The same file and seed give the same results on every run and thread
/// count. A regime or society file is refused with a message that says how
/// to run it; [`run_any_file`] runs a file of any kind.
pub fn run_file(
    path: impl AsRef<Path>,
    seed: impl Into<Option<u64>>,
) -> Result<twolevel_tournament::RoundRobinResults, Error> {
    Ok(load_tournament(path, seed)?.round_robin.play())
}

/// Plays the round robin of the tournament file at `path` (with `seed` as
/// in [`run_file`]) and runs the file's `evolution` block on its payoffs.
/// Fails, naming the file and the field, when the file has no such block.
///
/// ```
/// let path = std::env::temp_dir().join(format!("ecological-{}.ron", std::process::id()));
/// let text = twolevel::tournament::config::shipped_tournament("evolution-ecological").unwrap();
/// std::fs::write(&path, text).unwrap();
/// let evolution = twolevel::evolve_file(&path, None)?;
/// assert_eq!(evolution.names.len(), 4);
/// # std::fs::remove_file(&path).unwrap();
/// # Ok::<(), twolevel::Error>(())
/// ```
pub fn evolve_file(
    path: impl AsRef<Path>,
    seed: impl Into<Option<u64>>,
) -> Result<twolevel_tournament::evolution::TournamentEvolution, Error> {
    let path = path.as_ref();
    let tournament = load_tournament(path, seed)?;
    let Some(config) = tournament.evolution else {
        let error = twolevel_files::ConfigError::invalid(
            &tournament.origin,
            "evolution",
            "expected an `evolution: Some((..))` block to run (see docs/evolution.md)",
        );
        // The file was read a moment ago; it is read again only to say
        // where the block is missing (its `evolution: None`, or the
        // tournament itself).
        return Err(match twolevel_files::read_text_file(path) {
            Ok(text) => error.located_in(&text),
            Err(_) => error,
        }
        .into());
    };
    Ok(twolevel_tournament::evolution::evolve_tournament(
        &tournament.round_robin,
        &config,
    )?)
}

/// Plays the regime tournament file at `path` (`Regime(..)`, such as
/// `tournaments/climate.ron`) and returns its results.
pub fn run_regime_file(
    path: impl AsRef<Path>,
) -> Result<twolevel_tournament::regime::RegimeTournamentResults, Error> {
    let tournament = AnyFile::from_file_as(path, FileKind::Regime)?
        .into_regime()
        .expect("a file loaded as a regime tournament holds one");
    Ok(tournament.play())
}

/// Runs the tournament file at `path` whatever its kind
/// ([`FileKind::of`](tournament::config::FileKind::of)): a round robin
/// (and its `evolution` block when it has one), a regime tournament, a
/// society or a parameter sweep, with the file's seeds replaced by `seed`
/// when one is given ([`AnyFile::with_seed`]). The file is read once;
/// this is [`AnyFile::from_file`], then [`AnyFile::play`].
///
/// It writes no file. A sweep runs every cell in memory and returns the
/// tidy table and its summary ([`FileResults::Sweep`]), the same bytes
/// `twolevel sweep` writes to `sweep.csv` and `summary.csv`; to write the
/// per-cell folders, resume an interrupted sweep or run one shard of it,
/// use [`Sweep::run`](tournament::sweep_file::Sweep::run) with an output
/// folder.
///
/// ```
/// let path = std::env::temp_dir().join(format!("climate-{}.ron", std::process::id()));
/// let text = twolevel::tournament::config::shipped_tournament("climate").unwrap();
/// std::fs::write(&path, text).unwrap();
/// let results = twolevel::run_any_file(&path, 7)?;
/// assert!(matches!(results, twolevel::FileResults::Regime(_)));
/// # std::fs::remove_file(&path).unwrap();
/// # Ok::<(), twolevel::Error>(())
/// ```
pub fn run_any_file(
    path: impl AsRef<Path>,
    seed: impl Into<Option<u64>>,
) -> Result<FileResults, Error> {
    Ok(AnyFile::from_file(path)?
        .with_seed_option(seed.into())
        .play()?)
}

/// Putnam's two-level game (`docs/negotiation.md`) in one import:
/// ratifiers, win-sets, the zone of agreement, bargaining, involuntary
/// defection, carrots and sticks, the engine and its files.
pub mod negotiation {
    pub use twolevel_game::negotiation::*;
    pub use twolevel_game::{Carrot, Resources, Stick};
    pub use twolevel_tournament::negotiation::*;
}

/// The society of states (`docs/society.md`) in one import: norms,
/// action rules, the engine, its files, sweeps, anchor and evolution.
pub mod society {
    pub use twolevel_game::{Norm, Standing};
    pub use twolevel_strategies::society::{
        DonorView, SocietyRule, build_rule, build_rule_with, rule_names,
    };
    pub use twolevel_tournament::society::{
        CSV_HEADER, DonationGame, EncounterMode, GoodCountChain, Group, Institution, RuleEvolution,
        Society, SocietyConfig, SocietyCounters, SocietyParams, SocietyPoint, SocietySweep,
        StandingDynamics,
    };
}
