//! Negotiation files in RON (`tournaments/paris.ron`,
//! `tournaments/trade-war.ron`): states that negotiate an agreement in
//! pairs, ratify it and play it ([`RawNegotiation`], validated into a
//! [`NegotiationFile`]).
//!
//! ```ron
//! Negotiation(
//!     name: "example",
//!     states: [
//!         (
//!             player: Inline(name: "North", strategy: (name: "Tit For Tat"), political_weight: 0.2),
//!             discount: 0.95,
//!             threshold: Supermajority,
//!             ratifiers: Inline([(weight: 2.0, position: 0.7), (weight: 1.0, position: 0.3)]),
//!             noise: 0.1,
//!             resources: (wealth: 1.0, might: 2.0),
//!             side_payment: (transfer: 0.2, leakage: 0.8),
//!             sanction: (size: 0.5, defiance: 0.2),
//!         ),
//!         (player: Preset("politician")),
//!     ],
//!     protocol: AlternatingOffers,
//!     psi: 0.5,
//!     horizon: Fixed(turns: 200),
//!     repetitions: 100,
//!     seed: 7,
//! )
//! ```
//!
//! The struct name `Negotiation` tells a negotiation file from the other
//! kinds ([`FileKind`](crate::config::FileKind)). Only `name` and `states`
//! are required.
//!
//! | field | default | meaning |
//! |-------|---------|---------|
//! | `description` | `""` | free text |
//! | `states` | | at least two states (below) |
//! | `pairs` | every pair `(i, j)` with `i < j` | `Some([("North", "South"), ..])`: which states negotiate, A first |
//! | `protocol` | `AlternatingOffers` | or `Nash(weight: 0.5)`, A's bargaining power |
//! | `psi` | `0.0` | compliance cost of a visible defection from an agreement |
//! | `game`, `horizon`, `politics`, `election`, `action_noise`, `perception_noise`, `length_known` | as in a round-robin file | the match the agreement is played in; its game is the status quo |
//! | `repetitions` | `1` | runs per pair |
//! | `seed` | `0` | master seed |
//! | `output` | `None` | folder for the CSV and JSON results |
//!
//! A state:
//!
//! | field | default | meaning |
//! |-------|---------|---------|
//! | `player` | | a round-robin player entry: `Preset("name")` or `Inline(name: .., strategy: (name: .., params: {..}), political_weight: .., politicization: ..)`; its name names the state, its orientation and politicization set the government's reservation |
//! | `discount` | `0.9` | the negotiator's discount factor `delta_i` in [0, 1) |
//! | `threshold` | `Majority` | `Supermajority` (2/3), `Unanimity`, or `Tau(0.6)`: any `tau` in (0, 1] |
//! | `ratifiers` | `Government` | `Inline([(weight: .., position: ..)])`, or `Arena((actors: [..]))`, an arena as round-robin players write it |
//! | `noise` | `0.0` | `epsilon`: the partner sees this state's reservation up to a uniform error in `[-epsilon, epsilon]` |
//! | `hoarding` | `0` | rounds for which the negotiator hoards its bargaining chips: every ratified agreement (the first and any after an election) takes effect only after both states' hoarding rounds of the status quo, and is lost when they outlast the match (Keohane's "deadlocks resulting from parties hoarding bargaining chips") |
//! | `resources` | `(wealth: 0, might: 0)` | per-round budgets |
//! | `side_payment` | `None` | `Some((transfer: t, leakage: eta))`, paid to the partner (who gains `eta t`) in the round after each of its cooperations under an agreement, through the match engine's instruments |
//! | `sanction` | `None` | `Some((size: s, defiance: sigma))`, imposed after each partner defection under an agreement, at a cost `s / might` |
//! | `successors` | `[]` | the ratifiers after each election, in the same forms |
//!
//! `Government` ratifies alone with reservation `w_eff` (the state's
//! orientation and initial politicization); an arena's actors ratify with
//! their influence weights `v_k` at the initial politicization (a
//! budgeted actor with its mean spending per round) and positions `x_k`.
//! Every error names the file and the line and column of the field at
//! fault.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use twolevel_files::{ConfigError, parse_ron, read_text_file};
use twolevel_game::actors::{Arena, RawArena, influence_weight};
use twolevel_game::error::{WholeRange, deserialize_seed};
use twolevel_game::{
    ElectionCycle, EstimateNoise, Horizon, ParameterError, Politicization, Politics, Ratifier,
    Resources, Threshold, TwoLevelGame,
};

use super::results::NegotiationResults;
use super::{Bargaining, NegotiatingState, NegotiationConfig, negotiate};
use crate::config::{PlayerEntry, PresetCatalog, entrant};
use crate::play::MatchConfig;

/// A ratification threshold as written: a named one or `Tau(value)`.
#[derive(Clone, Copy, Debug, PartialEq, Default, Serialize, Deserialize)]
pub enum RawThreshold {
    /// A simple majority, 1/2.
    #[default]
    Majority,
    /// A treaty supermajority, 2/3.
    Supermajority,
    /// Unanimity, 1.
    Unanimity,
    /// Any share `tau` in (0, 1].
    Tau(f64),
}

impl RawThreshold {
    /// The threshold; a `Tau` outside (0, 1] is refused (the error names
    /// `threshold`).
    pub fn threshold(self) -> Result<Threshold, ParameterError> {
        match self {
            RawThreshold::Majority => Ok(Threshold::majority()),
            RawThreshold::Supermajority => Ok(Threshold::supermajority()),
            RawThreshold::Unanimity => Ok(Threshold::unanimity()),
            RawThreshold::Tau(tau) => {
                Threshold::new(tau).map_err(|e| ParameterError::new("threshold", e.reason))
            }
        }
    }
}

/// One ratifier as written.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRatifier {
    /// Its weight `v_k`, non-negative.
    pub weight: f64,
    /// Its position `x_k` in [0, 1]; its reservation is `1 - x_k`.
    pub position: f64,
}

/// A state's ratifiers as written.
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
pub enum RawRatifiers {
    /// The government alone, with reservation `w_eff`.
    #[default]
    Government,
    /// Ratifiers listed in place.
    Inline(Vec<RawRatifier>),
    /// A domestic arena, whose actors ratify.
    Arena(RawArena),
}

/// Resources as written.
#[derive(Clone, Copy, Debug, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawResources {
    /// The wealth `W_i`, per round.
    #[serde(default)]
    pub wealth: f64,
    /// The might `M_i`, per round.
    #[serde(default)]
    pub might: f64,
}

/// A side payment as written.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSidePayment {
    /// The transfer `t` paid after each of the partner's cooperations, within the
    /// wealth.
    pub transfer: f64,
    /// The share `eta` in [0, 1] that reaches the partner (default 1).
    #[serde(default = "one_f64")]
    pub leakage: f64,
}

/// A sanction as written.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSanction {
    /// The loss `s` imposed after each partner defection; above 0 it needs
    /// might.
    pub size: f64,
    /// The share `sigma` in [0, 1] of the partner's ratifiers that answer
    /// the threat with defiance (default 0).
    #[serde(default)]
    pub defiance: f64,
}

/// A negotiating state as written; see the [module documentation](self).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawNegotiatingState {
    /// The player: its name, strategy, orientation and settings.
    pub player: PlayerEntry,
    /// The negotiator's discount factor.
    #[serde(default = "default_discount")]
    pub discount: f64,
    /// The ratification threshold.
    #[serde(default)]
    pub threshold: RawThreshold,
    /// The ratifiers.
    #[serde(default)]
    pub ratifiers: RawRatifiers,
    /// The noise `epsilon` of the partner's estimate of this state's
    /// reservation.
    #[serde(default)]
    pub noise: f64,
    /// The rounds for which the negotiator hoards its bargaining chips
    /// (a whole number >= 0; 0 by default).
    #[serde(default, deserialize_with = "deserialize_hoarding")]
    pub hoarding: u32,
    /// Wealth and might.
    #[serde(default)]
    pub resources: RawResources,
    /// A side payment to the partner, if any.
    #[serde(default)]
    pub side_payment: Option<RawSidePayment>,
    /// A sanction of the partner's defections, if any.
    #[serde(default)]
    pub sanction: Option<RawSanction>,
    /// The ratifiers after each election.
    #[serde(default)]
    pub successors: Vec<RawRatifiers>,
}

/// A negotiation file as written; see the [module documentation](self).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Negotiation", deny_unknown_fields)]
pub struct RawNegotiation {
    /// The negotiation's name.
    pub name: String,
    /// Free text.
    #[serde(default)]
    pub description: String,
    /// The states.
    pub states: Vec<RawNegotiatingState>,
    /// The pairs that negotiate, by state name, A first; `None` for every
    /// pair in file order.
    #[serde(default)]
    pub pairs: Option<Vec<(String, String)>>,
    /// The bargaining protocol.
    #[serde(default)]
    pub protocol: Bargaining,
    /// The compliance cost `psi`.
    #[serde(default)]
    pub psi: f64,
    /// The status-quo game.
    #[serde(default)]
    pub game: TwoLevelGame,
    /// The horizon.
    #[serde(default)]
    pub horizon: Horizon,
    /// Fixed or dynamic politicization.
    #[serde(default)]
    pub politics: Politics,
    /// An election cycle, if any.
    #[serde(default)]
    pub election: Option<ElectionCycle>,
    /// The probability that a chosen move is flipped.
    #[serde(default)]
    pub action_noise: f64,
    /// The probability that a player misreads its partner's move.
    #[serde(default)]
    pub perception_noise: f64,
    /// Whether players are told the number of turns.
    #[serde(default)]
    pub length_known: bool,
    /// Runs per pair.
    #[serde(
        default = "one_u32",
        deserialize_with = "crate::config::deserialize_repetitions"
    )]
    pub repetitions: u32,
    /// The master seed.
    #[serde(default, deserialize_with = "deserialize_seed")]
    pub seed: u64,
    /// The folder for the result files, if any.
    #[serde(default)]
    pub output: Option<String>,
}

impl RawNegotiatingState {
    /// The valid range of `hoarding`.
    pub const HOARDING: WholeRange = WholeRange::new("hoarding", "rounds", 0, u32::MAX as u64);
}

/// Reads `hoarding` ([`RawNegotiatingState::HOARDING`]).
fn deserialize_hoarding<'de, D: serde::Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
    RawNegotiatingState::HOARDING.deserialize(d)
}

fn default_discount() -> f64 {
    0.9
}

fn one_f64() -> f64 {
    1.0
}

fn one_u32() -> u32 {
    1
}

/// A validated negotiation file, ready to run.
#[derive(Clone, Debug)]
pub struct NegotiationFile {
    /// The negotiation's name.
    pub name: String,
    /// Free text.
    pub description: String,
    /// The states' names, in file order.
    pub names: Vec<String>,
    /// The pairs, as indices into the states, A first.
    pub pairs: Vec<[usize; 2]>,
    /// The folder for the result files, if any.
    pub output: Option<PathBuf>,
    states: Vec<NegotiatingState>,
    config: NegotiationConfig,
}

impl NegotiationFile {
    /// Parses and validates negotiation RON text read from `origin`, with
    /// presets from `catalog`; every error names `origin` and the line and
    /// column of the field at fault.
    pub fn from_ron(
        text: &str,
        origin: impl AsRef<Path>,
        catalog: &PresetCatalog,
    ) -> Result<Self, ConfigError> {
        let origin = origin.as_ref();
        parse_ron::<RawNegotiation>(text, origin)?
            .validate(origin, catalog)
            .map_err(|error| error.located_in(text))
    }

    /// Reads, parses and validates a negotiation file, with the presets
    /// next to it ([`PresetCatalog::for_tournament_file`]).
    pub fn from_file(path: impl AsRef<Path>) -> Result<Self, ConfigError> {
        let path = path.as_ref();
        let text = read_text_file(path)?;
        NegotiationFile::from_ron(&text, path, &PresetCatalog::for_tournament_file(path)?)
    }

    /// The states, in file order.
    #[must_use]
    pub fn states(&self) -> &[NegotiatingState] {
        &self.states
    }

    /// The protocol, compliance cost, match, repetitions and seed.
    #[must_use]
    pub const fn config(&self) -> &NegotiationConfig {
        &self.config
    }

    /// The master seed.
    #[must_use]
    pub const fn seed(&self) -> u64 {
        self.config.seed()
    }

    /// The same file with master seed `seed`.
    #[must_use]
    pub fn with_seed(mut self, seed: u64) -> Self {
        self.config = self.config.with_seed(seed);
        self
    }

    /// The work of the file, in match turns: every pair's runs, each
    /// negotiating and then playing a match over the horizon's expected
    /// length.
    #[must_use]
    pub fn work(&self) -> f64 {
        let runs = self.pairs.len() as f64 * f64::from(self.config.repetitions);
        crate::limits::games_work(runs, self.config.play().horizon(), 1.0)
    }

    /// The estimated size of the file's result files (in bytes;
    /// [`negotiation_output`](crate::limits::negotiation_output)): a row a
    /// pair and a row a run (a pair's repetition).
    #[must_use]
    pub fn output_bytes(&self) -> f64 {
        let names = self
            .pairs
            .iter()
            .map(|[a, b]| self.names[*a].len() + self.names[*b].len())
            .max()
            .unwrap_or(0);
        crate::limits::negotiation_output(self.pairs.len(), self.config.repetitions, names)
    }

    /// Refuses, before anything runs, a file whose [result
    /// files](Self::output_bytes) would exceed the [output
    /// limit](crate::limits::output_limit), naming `repetitions` (a row
    /// per pair and repetition) or, with one repetition, `pairs`.
    pub fn check_output(&self) -> Result<(), ParameterError> {
        let field = if self.config.repetitions > 1 {
            "repetitions"
        } else {
            "pairs"
        };
        crate::limits::check_output(field, "the negotiation's result files", self.output_bytes())
    }

    /// Refuses a file whose [work](Self::work) exceeds the [work
    /// limit](crate::limits::work_limit), naming `repetitions` or
    /// `horizon`.
    pub fn check_work(&self) -> Result<(), ParameterError> {
        let expected = self
            .config
            .play()
            .horizon()
            .expected_length()
            .min(f64::from(u32::MAX));
        let work = self.work();
        let at_one = crate::limits::at_one;
        crate::limits::check_work(
            "the negotiation",
            "match turns",
            work,
            &[
                (
                    "repetitions",
                    at_one(work, f64::from(self.config.repetitions)),
                ),
                ("horizon", at_one(work, expected)),
            ],
        )
    }

    /// Negotiates, ratifies and plays every pair ([`negotiate`]), each
    /// state a fresh copy of the file's.
    pub fn play(&self) -> Result<NegotiationResults, ParameterError> {
        let mut pairs: Vec<[NegotiatingState; 2]> = self
            .pairs
            .iter()
            .map(|&[a, b]| [self.states[a].clone(), self.states[b].clone()])
            .collect();
        let negotiations = negotiate(&mut pairs, &self.config)?;
        Ok(NegotiationResults::new(
            &self.name,
            &self.names,
            &self.pairs,
            &self.config,
            negotiations,
        ))
    }
}

impl RawNegotiation {
    /// Validates the file (read from `origin`) against the presets of
    /// `catalog`.
    pub fn validate(
        self,
        origin: impl AsRef<Path>,
        catalog: &PresetCatalog,
    ) -> Result<NegotiationFile, ConfigError> {
        let origin = origin.as_ref();
        let invalid = |e: ParameterError| ConfigError::from_parameter(origin, e);
        if self.name.trim().is_empty() {
            return Err(ConfigError::invalid(
                origin,
                "name",
                "expected a non-empty name",
            ));
        }
        if self.length_known && self.horizon.turns().is_none() {
            return Err(ConfigError::invalid(
                origin,
                "length_known",
                "a continuation horizon has no length to tell the players",
            ));
        }
        if self.output.as_deref().is_some_and(|o| o.trim().is_empty()) {
            return Err(ConfigError::invalid(
                origin,
                "output",
                "expected a folder name (or `None` for no files), got an empty one",
            ));
        }
        if self.states.len() < 2 {
            return Err(ConfigError::invalid(
                origin,
                "states",
                format!("expected at least two states, got {}", self.states.len()),
            ));
        }
        let play = MatchConfig::new(self.game, self.horizon)
            .and_then(|c| c.with_action_noise(self.action_noise))
            .and_then(|c| c.with_perception_noise(self.perception_noise))
            .map_err(invalid)?
            .with_politics(self.politics)
            .with_election(self.election)
            .with_length_known(self.length_known);
        self.protocol
            .protocol([0.5, 0.5])
            .map_err(|e| invalid(e.within("protocol")))?;
        let config = NegotiationConfig::new(self.protocol, play)
            .with_compliance_cost(self.psi)
            .and_then(|c| c.with_repetitions(self.repetitions))
            .map_err(invalid)?
            .with_seed(self.seed);
        let mut names = Vec::with_capacity(self.states.len());
        let mut states = Vec::with_capacity(self.states.len());
        for (i, raw) in self.states.into_iter().enumerate() {
            let field = format!("states[{i}]");
            let (name, state) = raw.build(&field, origin, catalog, &play)?;
            if let Some(first) = names.iter().position(|n| *n == name) {
                return Err(ConfigError::invalid(
                    origin,
                    format!("{field}.player.name"),
                    format!("\"{name}\" already names states[{first}]"),
                ));
            }
            names.push(name);
            states.push(state);
        }
        let pairs = match self.pairs {
            None => (0..names.len())
                .flat_map(|a| (a + 1..names.len()).map(move |b| [a, b]))
                .collect(),
            Some(pairs) => pairs
                .iter()
                .enumerate()
                .map(|(k, (a, b))| {
                    let index = |name: &str| {
                        names.iter().position(|n| n == name).ok_or_else(|| {
                            ConfigError::invalid(
                                origin,
                                format!("pairs[{k}]"),
                                format!(
                                    "no state is named \"{name}\"; the states are {}",
                                    names.join(", ")
                                ),
                            )
                        })
                    };
                    let pair = [index(a)?, index(b)?];
                    if pair[0] == pair[1] {
                        return Err(ConfigError::invalid(
                            origin,
                            format!("pairs[{k}]"),
                            "a state cannot negotiate with itself",
                        ));
                    }
                    Ok(pair)
                })
                .collect::<Result<Vec<_>, _>>()?,
        };
        if pairs.is_empty() {
            return Err(ConfigError::invalid(
                origin,
                "pairs",
                "expected at least one pair",
            ));
        }
        let runs = pairs.len() as f64 * f64::from(self.repetitions);
        crate::limits::check_memory(
            "repetitions",
            "the negotiation's runs",
            runs * std::mem::size_of::<super::NegotiationRun>() as f64,
        )
        .map_err(invalid)?;
        let file = NegotiationFile {
            name: self.name,
            description: self.description,
            names,
            pairs,
            output: self.output.map(PathBuf::from),
            states,
            config,
        };
        file.check_work().map_err(invalid)?;
        Ok(file)
    }
}

impl RawNegotiatingState {
    /// Builds the state and its name; `field` names it in errors.
    fn build(
        self,
        field: &str,
        origin: &Path,
        catalog: &PresetCatalog,
        play: &MatchConfig,
    ) -> Result<(String, NegotiatingState), ConfigError> {
        let invalid = |e: ParameterError| ConfigError::from_parameter(origin, e.within(field));
        // A player's own arena (an `Inline` player's or a `Preset((..))`'s)
        // is played only by round robins; here it would be silently
        // ignored, so it is refused where it is written.
        let has_arena = match &self.player {
            PlayerEntry::Preset(entry) => entry.arena.is_some(),
            PlayerEntry::Inline { arena, .. } => arena.is_some(),
        };
        if has_arena {
            return Err(ConfigError::invalid(
                origin,
                format!("{field}.player.arena"),
                "arenas are not played in negotiation files: give the state's actors as \
                 its ratifiers instead, `ratifiers: Arena((actors: [..]))`",
            ));
        }
        let player = entrant(self.player, &format!("{field}.player"), origin, catalog)?;
        let game = play.game();
        let pi = player
            .settings
            .politicization()
            .unwrap_or_else(|| play.politics().initial());
        let planned = play.horizon().expected_length();
        let government = || {
            let w_eff = game.effective_weight(player.settings.orientation(), pi);
            Ratifier::new(1.0, 1.0 - w_eff).map(|r| vec![r])
        };
        let ratifiers_of = |raw: &RawRatifiers, at: &str| match raw {
            RawRatifiers::Government => government().map_err(|e| e.within(at)),
            RawRatifiers::Inline(list) => list
                .iter()
                .enumerate()
                .map(|(k, r)| {
                    Ratifier::new(r.weight, r.position).map_err(|e| e.within(&format!("{at}[{k}]")))
                })
                .collect(),
            RawRatifiers::Arena(raw) => {
                let arena = Arena::try_from(raw.clone()).map_err(|e| e.within(at))?;
                arena_ratifiers(&arena, game.gamma(), pi, planned).map_err(|e| e.within(at))
            }
        };
        let threshold = self.threshold.threshold().map_err(invalid)?;
        let ratifiers = ratifiers_of(&self.ratifiers, "ratifiers").map_err(invalid)?;
        let successors = self
            .successors
            .iter()
            .enumerate()
            .map(|(k, raw)| ratifiers_of(raw, &format!("successors[{k}]")))
            .collect::<Result<Vec<_>, _>>()
            .map_err(invalid)?;
        let noise = EstimateNoise::new(self.noise)
            .map_err(|e| invalid(ParameterError::new("noise", e.reason)))?;
        let resources = Resources::new(self.resources.wealth, self.resources.might)
            .map_err(|e| invalid(e.within("resources")))?;
        let (transfer, leakage) = self
            .side_payment
            .map_or((0.0, 1.0), |p| (p.transfer, p.leakage));
        let (sanction, defiance) = self.sanction.map_or((0.0, 0.0), |s| (s.size, s.defiance));
        // The checks of `with_resources`, one by one, so that each error
        // names the field as written.
        resources
            .carrot(transfer, leakage)
            .map_err(|e| invalid(e.within("side_payment")))?;
        resources
            .stick(sanction)
            .map_err(|e| invalid(ParameterError::new("sanction.size", e.reason)))?;
        let state = NegotiatingState::new(
            ratifiers,
            threshold,
            self.discount,
            player.strategy,
            player.settings,
        )
        .and_then(|s| s.with_successors(successors))
        .map_err(invalid)?
        .with_noise(noise)
        .with_hoarding(self.hoarding)
        .with_resources(resources, transfer, leakage, sanction, defiance)
        .map_err(|e| {
            invalid(if e.field == "defiance" {
                e.within("sanction")
            } else {
                e
            })
        })?;
        Ok((player.name, state))
    }
}

/// An arena's actors as ratifiers: each actor's influence weight
/// `v_k = access(kind) c_k s_k` (times `1 + gamma pi^2` if it is
/// political-oriented) at politicization `pi` and the arena's initial
/// access, with `c_k` its capability, or for a budgeted actor its budget
/// spread over the `planned` rounds of a match; its position `x_k`. Fails
/// (naming `actors`) when no actor weighs anything.
pub fn arena_ratifiers(
    arena: &Arena,
    gamma: f64,
    pi: Politicization,
    planned: f64,
) -> Result<Vec<Ratifier>, ParameterError> {
    let ratifiers = arena
        .actors()
        .iter()
        .enumerate()
        .map(|(k, actor)| {
            let capability = actor
                .budget
                .map_or(actor.capability, |b| b.total / planned.max(1.0));
            let weight = influence_weight(
                actor,
                arena.access().of(actor.kind),
                capability,
                gamma,
                pi.value(),
            );
            Ratifier::new(weight, actor.position).map_err(|e| e.within(&format!("actors[{k}]")))
        })
        .collect::<Result<Vec<_>, _>>()?;
    if ratifiers.iter().any(|r| r.weight() > 0.0) {
        Ok(ratifiers)
    } else {
        Err(ParameterError::new(
            "actors",
            "no actor weighs anything at the start (capability, salience and access \
             all above 0 for at least one): the arena cannot ratify",
        ))
    }
}
