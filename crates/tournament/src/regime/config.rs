//! Regime tournament files in RON (`tournaments/climate.ron`,
//! `tournaments/mfn.ron`), validated before anything runs.
//!
//! ```ron
//! Regime(
//!     game: (size: 6, policy: CollectiveRisk(endowment: 1.0, cost_share: 0.1, risk: 0.9, threshold: 3)),
//!     horizon: Continuation(delta: 0.9),
//!     action_noise: 0.01,
//!     perception_noise: 0.05,
//!     election: Some((term: 20, lead: 5, boost: 0.5, patience: 0.5)),
//!     politics: Dynamic(initial: 0.0, dynamics: (visibility: 0.5, up: 0.05, down: 0.1)),
//!     risk: Sampled,
//!     repetitions: 5,
//!     seed: 1,
//!     entrants: [
//!         (strategy: (name: "Conditional Cooperator", params: {"quorum": 3})),
//!         (strategy: (name: "MFN Free Rider"), w: 0.2),
//!         (strategy: (name: "Regime Nationalist"), w: 0.8),
//!     ],
//! )
//! ```
//!
//! The struct name `Regime` tells a regime file from a round robin
//! (`Tournament(..)`; see [`FileKind`](crate::config::FileKind)); it may be
//! left out when the file is loaded as a regime. An entrant's `visibility`
//! defaults to its strategy's own (the
//! nationalist's is 1), else the dynamics' default.

use std::path::Path;

use serde::{Deserialize, Serialize};
use twolevel_files::{ConfigError, parse_ron, read_text_file};
use twolevel_game::error::{WholeRange, deserialize_seed};
use twolevel_game::{ElectionCycle, GroupGame, Horizon, Orientation, Politics};
use twolevel_strategies::regime::registry::regime_entry;
use twolevel_strategies::registry::StrategySpec;

use super::play::{RegimeConfig, RegimeMember, RiskMode};
use super::tournament::RegimeTournament;
use crate::play::PlayerSettings;

/// One entrant as written in a regime file.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(rename = "RawRegimeEntrant", deny_unknown_fields)]
pub struct RawRegimeEntrant {
    /// The regime strategy, by name, with parameters.
    pub strategy: StrategySpec,
    /// The political weight `w` (default 0).
    #[serde(default)]
    pub w: Orientation,
    /// The visibility of its defections; `None` takes the strategy's own,
    /// else the dynamics' default.
    #[serde(default)]
    pub visibility: Option<f64>,
}

/// A regime tournament file, as written: `Regime(game: .., entrants: ..)`
/// (the struct name may be left out).
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(rename = "Regime", deny_unknown_fields)]
pub struct RawRegimeTournament {
    /// The group game.
    pub game: GroupGame,
    /// The horizon (default Axelrod's 200 rounds).
    #[serde(default)]
    pub horizon: Horizon,
    /// Action noise (default 0).
    #[serde(default)]
    pub action_noise: f64,
    /// Perception noise: the probability that a member misreads another
    /// member's move (default 0).
    #[serde(default)]
    pub perception_noise: f64,
    /// An election cycle, if any (default none):
    /// `Some((term: 50, lead: 10, boost: 0.5, patience: 0.5))`.
    #[serde(default)]
    pub election: Option<ElectionCycle>,
    /// Fixed or dynamic politicization (default none).
    #[serde(default)]
    pub politics: Politics,
    /// How collective risk is paid (default expected).
    #[serde(default)]
    pub risk: RiskMode,
    /// Repetitions (default 1).
    #[serde(
        default = "one",
        deserialize_with = "crate::config::deserialize_repetitions"
    )]
    pub repetitions: u32,
    /// The master seed (default 0).
    #[serde(default, deserialize_with = "deserialize_seed")]
    pub seed: u64,
    /// The largest number of compositions played in full.
    #[serde(
        default = "default_max_compositions",
        deserialize_with = "deserialize_max_compositions"
    )]
    pub max_compositions: usize,
    /// The entrants.
    pub entrants: Vec<RawRegimeEntrant>,
}

fn one() -> u32 {
    1
}

impl RawRegimeTournament {
    /// The valid range of `max_compositions`.
    pub const MAX_COMPOSITIONS: WholeRange =
        WholeRange::new("max_compositions", "compositions", 1, usize::MAX as u64);
}

/// Reads `max_compositions` ([`RawRegimeTournament::MAX_COMPOSITIONS`]).
fn deserialize_max_compositions<'de, D: serde::Deserializer<'de>>(d: D) -> Result<usize, D::Error> {
    RawRegimeTournament::MAX_COMPOSITIONS.deserialize(d)
}

fn default_max_compositions() -> usize {
    RegimeTournament::DEFAULT_MAX_COMPOSITIONS
}

impl RawRegimeTournament {
    /// Builds the tournament; `origin` names the file in errors. A
    /// tournament too large for the memory or work limit is refused here
    /// ([`RegimeTournament::check_size`]), before anything runs.
    pub fn build(self, origin: impl AsRef<Path>) -> Result<RegimeTournament, ConfigError> {
        let origin = origin.as_ref();
        let invalid = |e| ConfigError::from_parameter(origin, e);
        let config = RegimeConfig::new(self.game, self.horizon)
            .with_action_noise(self.action_noise)
            .and_then(|c| c.with_perception_noise(self.perception_noise))
            .map_err(invalid)?
            .with_election(self.election)
            .with_politics(self.politics)
            .with_risk(self.risk);
        let entrants = self
            .entrants
            .into_iter()
            .enumerate()
            .map(|(index, entrant)| {
                let field = format!("entrants[{index}].strategy");
                let entry = regime_entry(&entrant.strategy.name)
                    .map_err(|e| ConfigError::strategy(origin, &field, e))?;
                let strategy = entry
                    .build_with(&entrant.strategy.params)
                    .map_err(|e| ConfigError::strategy(origin, &field, e))?;
                let visibility = entrant.visibility.or(entry.visibility);
                let settings = PlayerSettings::new(entrant.w, visibility).map_err(|e| {
                    ConfigError::from_parameter(origin, e.within(&format!("entrants[{index}]")))
                })?;
                Ok(RegimeMember { strategy, settings })
            })
            .collect::<Result<Vec<_>, ConfigError>>()?;
        RegimeTournament::new(config, entrants)
            .and_then(|t| t.with_repetitions(self.repetitions))
            .and_then(|t| t.with_max_compositions(self.max_compositions))
            .map(|t| t.with_seed(self.seed))
            .and_then(|t| t.check_size().map(|()| t))
            .map_err(invalid)
    }

    /// Parses and builds a regime tournament from RON text read from
    /// `origin`; every error names `origin` and the line and column of the
    /// field at fault.
    pub fn load(text: &str, origin: impl AsRef<Path>) -> Result<RegimeTournament, ConfigError> {
        let origin = origin.as_ref();
        parse_ron::<RawRegimeTournament>(text, origin)?
            .build(origin)
            .map_err(|error| error.located_in(text))
    }

    /// Reads, parses and builds a regime tournament file.
    pub fn from_file(path: impl AsRef<Path>) -> Result<RegimeTournament, ConfigError> {
        let path = path.as_ref();
        RawRegimeTournament::load(&read_text_file(path)?, path)
    }
}

/// The climate scenario, `tournaments/climate.ron`, compiled in.
pub const CLIMATE: &str = include_str!("../../tournaments/climate.ron");
/// The MFN scenario, `tournaments/mfn.ron`, compiled in.
pub const MFN: &str = include_str!("../../tournaments/mfn.ron");
