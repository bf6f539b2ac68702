//! The six levers of the seed article as experiments (MODEL.md section 9).
//!
//! The article names six ways to "get politics on board": quiet diplomacy,
//! bureaucratic networks, engaging private actors, enhancing knowledge,
//! political buy-in and policy consensus. Each [`Lever`] here is a named
//! transformation of a validated [`RoundRobin`] that sets one parameter of
//! the model to a value:
//!
//! | lever | what [`Lever::apply`] changes | low | high | pulled |
//! | --- | --- | --- | --- | --- |
//! | quiet diplomacy | the politicization dynamics' default `visibility` (players with their own visibility keep it) | 0.2 | 1.0 | low |
//! | bureaucratic networks | every entrant with a political weight above 1/2 becomes a [`Delegation`] of its strategy (the politician) and a default Diffuse Reciprocity bureaucrat with this `autonomy` | 0.0 | 0.8 | high |
//! | engaging private actors | every player's political weight `w` multiplied by this factor | 0.5 | 1.0 | low |
//! | enhancing knowledge | `perception_noise` | 0.0 | 0.1 | low |
//! | political buy-in | the politicization `pi` in the first round (the fixed level, or the initial level of dynamic politics) | 0.0 | 0.3 | high |
//! | policy consensus | `kappa`, the relative-gains sensitivity of the derived political payoff | 0.25 | 1.0 | low |
//!
//! "Pulled" is the setting the article recommends. [`Lever::run`] plays
//! the round robin at the low and at the high setting with the same seed
//! (so both runs share their per-match random streams as far as the
//! players draw alike) and measures each run ([`Measurement`]): the mean
//! over all matches, self-play included, of the cooperation rate, of the
//! payoff per player and turn in each currency (policy, political and own
//! utility), and of the mean politicization; each player's normalised
//! score in each currency; and the cooperation rate of the population
//! that Axelrod's ecological dynamics grow from the run's policy payoffs
//! (its "evolved" cooperation; see [`EVOLVED_FITNESS`]).
//! [`LeverReport::run`] does this for all six levers; its `Display` is a
//! table and it serialises to JSON.
//!
//! A lever that cannot act on the base tournament says so in a note
//! ([`Lever::caveat`]): visibility does nothing under fixed politics,
//! kappa does nothing when the political payoff is given as a matrix, and
//! so on. In those cases [`Lever::apply`] returns the tournament unchanged.
//! A setting that the base tournament cannot take (a kappa of 1 that would
//! push a political payoff beyond the payoff limit of 1e100) is refused by
//! [`Lever::apply`] and [`Lever::run`]; [`LeverReport::run`] checks every
//! lever first ([`Lever::check`]), runs those that can be applied and lists
//! the others in [`LeverReport::not_run`] with the reason ("not run" lines
//! under the table). A lever is never run at another value than its
//! setting, so that reports on different tournaments compare alike.
//!
//! Keep in mind what a round robin can show: its strategies are fixed
//! rules. Levers that act on payoffs alone (`w`, `pi`, `kappa`) change the
//! scores, but they change the moves only of strategies that read the
//! payoffs or the politicization level they see; for the others the
//! cooperation rate stays exactly the same and the effect appears only in
//! the payoffs and, through them, in the evolved cooperation, which
//! weighs each pair's cooperation by the shares of the types that thrive
//! on those payoffs.
//!
//! ```
//! use twolevel_tournament::Tournament;
//! use twolevel_tournament::levers::{Lever, LeverSettings};
//!
//! let base = Tournament::embedded_default()?.round_robin.with_repetitions(1)?;
//! let outcome = Lever::Knowledge.run(&base, LeverSettings { low: 0.0, high: 0.2 })?;
//! assert_eq!(outcome.low.value, 0.0);
//! println!("cooperation {} -> {}", outcome.high.cooperation, outcome.low.cooperation);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use twolevel_game::error::{check_unit_interval, format_number};
use twolevel_game::{
    ByCurrency, Currency, Orientation, ParameterError, PoliticalPayoff, Politicization, Politics,
};
use twolevel_strategies::{Delegation, DiffuseReciprocity};

use crate::evolution::{ecological, payoff_table};
use crate::progress::{NoProgress, Progress};
use crate::report::OutputError;
use crate::round_robin::{Entrant, RoundRobin, RoundRobinResults, total_in};

/// The political weight above which the bureaucratic-networks lever treats
/// an entrant as a politician.
pub const POLITICIAN_WEIGHT: f64 = 0.5;

/// One of the article's six levers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lever {
    /// Quiet diplomacy: the default visibility of defections.
    QuietDiplomacy,
    /// Bureaucratic networks: the autonomy of a bureaucrat inside each
    /// politician's delegation.
    BureaucraticNetworks,
    /// Engaging private actors: a factor on every political weight.
    PrivateActors,
    /// Enhancing knowledge: perception noise.
    Knowledge,
    /// Political buy-in: the politicization in the first round.
    PoliticalBuyIn,
    /// Policy consensus: the relative-gains sensitivity kappa.
    PolicyConsensus,
}

/// Which of a lever's two settings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Setting {
    /// The lower parameter value.
    Low,
    /// The higher parameter value.
    High,
}

/// The two values a lever is run at.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct LeverSettings {
    /// The lower value.
    pub low: f64,
    /// The higher value.
    pub high: f64,
}

impl Lever {
    /// The six levers, in the article's order.
    pub const ALL: [Lever; 6] = [
        Lever::QuietDiplomacy,
        Lever::BureaucraticNetworks,
        Lever::PrivateActors,
        Lever::Knowledge,
        Lever::PoliticalBuyIn,
        Lever::PolicyConsensus,
    ];

    /// The lever's name, as in the article.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Lever::QuietDiplomacy => "quiet diplomacy",
            Lever::BureaucraticNetworks => "bureaucratic networks",
            Lever::PrivateActors => "engaging private actors",
            Lever::Knowledge => "enhancing knowledge",
            Lever::PoliticalBuyIn => "political buy-in",
            Lever::PolicyConsensus => "policy consensus",
        }
    }

    /// The parameter the lever sets.
    #[must_use]
    pub const fn parameter(self) -> &'static str {
        match self {
            Lever::QuietDiplomacy => "visibility",
            Lever::BureaucraticNetworks => "autonomy",
            Lever::PrivateActors => "w factor",
            Lever::Knowledge => "perception_noise",
            Lever::PoliticalBuyIn => "initial pi",
            Lever::PolicyConsensus => "kappa",
        }
    }

    /// The default low and high values (see the [module table](self)).
    #[must_use]
    pub const fn default_settings(self) -> LeverSettings {
        let (low, high) = match self {
            Lever::QuietDiplomacy => (0.2, 1.0),
            Lever::BureaucraticNetworks => (0.0, 0.8),
            Lever::PrivateActors => (0.5, 1.0),
            Lever::Knowledge => (0.0, 0.1),
            Lever::PoliticalBuyIn => (0.0, 0.3),
            Lever::PolicyConsensus => (0.25, 1.0),
        };
        LeverSettings { low, high }
    }

    /// The setting the article recommends: the lever "pulled".
    #[must_use]
    pub const fn pulled(self) -> Setting {
        match self {
            Lever::BureaucraticNetworks | Lever::PoliticalBuyIn => Setting::High,
            Lever::QuietDiplomacy
            | Lever::PrivateActors
            | Lever::Knowledge
            | Lever::PolicyConsensus => Setting::Low,
        }
    }

    /// Why the lever cannot act (fully) on `base`, if it cannot.
    #[must_use]
    pub fn caveat(self, base: &RoundRobin) -> Option<String> {
        let config = base.config();
        match self {
            Lever::QuietDiplomacy => {
                if !config.politics().is_dynamic() {
                    return Some(
                        "politicization is fixed in this tournament, so visibility changes nothing"
                            .to_owned(),
                    );
                }
                let own: Vec<String> = base
                    .entrants()
                    .iter()
                    .filter_map(|e| {
                        e.settings
                            .visibility()
                            .map(|v| format!("{} ({v})", e.name))
                    })
                    .collect();
                (!own.is_empty()).then(|| {
                    format!(
                        "players with their own visibility keep it: {}",
                        own.join(", ")
                    )
                })
            }
            Lever::BureaucraticNetworks => politicians(base).next().is_none().then(|| {
                format!("no entrant has a political weight above {POLITICIAN_WEIGHT}: nothing to delegate")
            }),
            Lever::PrivateActors => base
                .entrants()
                .iter()
                .all(|e| e.settings.orientation().political_weight() == 0.0)
                .then(|| "every political weight is 0, so scaling it changes nothing".to_owned()),
            Lever::Knowledge => None,
            Lever::PoliticalBuyIn => (config.game().theta() == 0.0 && config.game().beta() == 0.0)
                .then(|| "theta and beta are 0, so pi changes no payoff".to_owned()),
            Lever::PolicyConsensus => match config.game().political() {
                PoliticalPayoff::Matrix(_) => Some(
                    "the political payoff is given as a matrix, so kappa changes nothing"
                        .to_owned(),
                ),
                PoliticalPayoff::Derived { .. } => politics_weighs_nothing(base).then(|| {
                    "every political weight is 0 and politicization adds none, so kappa changes \
                     only the political payoff reported, not the utilities"
                        .to_owned()
                }),
            },
        }
    }

    /// `base` with the lever's parameter set to `value`; every other
    /// setting (players, seed, repetitions, ...) is kept. Where the lever
    /// cannot act (see [`Lever::caveat`]) `base` is returned unchanged.
    ///
    /// Fails, naming the parameter, when `value` is out of its range (a
    /// visibility, autonomy, factor, noise or pi outside [0, 1], a kappa
    /// that is not finite).
    pub fn apply(self, base: &RoundRobin, value: f64) -> Result<RoundRobin, ParameterError> {
        let config = *base.config();
        Ok(match self {
            Lever::QuietDiplomacy => match *config.politics() {
                Politics::Fixed(_) => base.clone(),
                Politics::Dynamic { initial, dynamics } => {
                    let dynamics = dynamics.with_visibility(value)?;
                    base.clone()
                        .with_config(config.with_politics(Politics::Dynamic { initial, dynamics }))
                }
            },
            Lever::BureaucraticNetworks => {
                check_unit_interval("autonomy", value)?;
                let entrants = base
                    .entrants()
                    .iter()
                    .map(|entrant| delegated(entrant, value))
                    .collect::<Result<Vec<_>, _>>()?;
                base.clone().with_entrants(entrants)?
            }
            Lever::PrivateActors => {
                check_unit_interval("w factor", value)?;
                let entrants = base
                    .entrants()
                    .iter()
                    .map(|entrant| {
                        let w = entrant.settings.orientation().political_weight() * value;
                        let settings = entrant.settings.reoriented(Orientation::new(w)?);
                        Ok(Entrant {
                            settings,
                            ..entrant.clone()
                        })
                    })
                    .collect::<Result<Vec<_>, ParameterError>>()?;
                base.clone().with_entrants(entrants)?
            }
            Lever::Knowledge => base
                .clone()
                .with_config(config.with_perception_noise(value)?),
            Lever::PoliticalBuyIn => {
                let pi = Politicization::new(value)?;
                let politics = match *config.politics() {
                    Politics::Fixed(_) => Politics::Fixed(pi),
                    Politics::Dynamic { dynamics, .. } => Politics::Dynamic {
                        initial: pi,
                        dynamics,
                    },
                };
                base.clone().with_config(config.with_politics(politics))
            }
            Lever::PolicyConsensus => {
                let game = config.game();
                match *game.political() {
                    PoliticalPayoff::Matrix(_) => base.clone(),
                    PoliticalPayoff::Derived { audience_bonus, .. } => {
                        let game = game.with_political(PoliticalPayoff::Derived {
                            kappa: value,
                            audience_bonus,
                        })?;
                        base.clone().with_config(config.with_game(game)?)
                    }
                }
            }
        })
    }

    /// Plays `base` with the lever at `settings.low` and at
    /// `settings.high`, with `base`'s seed, and measures both runs.
    ///
    /// Fails when a setting cannot be applied (out of its range, or a kappa
    /// that would push the game's payoffs beyond the
    /// [payoff limit](twolevel_game::PAYOFF_LIMIT)); the error names the
    /// lever's parameter and says which lever, which value and why.
    pub fn run(
        self,
        base: &RoundRobin,
        settings: LeverSettings,
    ) -> Result<LeverOutcome, ParameterError> {
        self.run_with_progress(base, settings, &NoProgress)
    }

    /// Runs the lever as [`Lever::run`] does, telling `progress` of its two
    /// settings and of each finished one. The runs sum their matches while
    /// they play ([`Measurement::play`]), so memory does not grow with the
    /// repetitions; the outcome is the same as without progress.
    pub fn run_with_progress(
        self,
        base: &RoundRobin,
        settings: LeverSettings,
        progress: &dyn Progress,
    ) -> Result<LeverOutcome, ParameterError> {
        progress.start(2);
        let measure = |value: f64| -> Result<Measurement, ParameterError> {
            let pulled = self.apply(base, value).map_err(|error| {
                ParameterError::new(
                    self.parameter(),
                    format!(
                        "the {} lever cannot set {} to {} on this tournament: {error}",
                        self.name(),
                        self.parameter(),
                        format_number(value)
                    ),
                )
            })?;
            let measurement = Measurement::play(value, &pulled, &NoProgress);
            progress.advance(1);
            Ok(measurement)
        };
        Ok(LeverOutcome {
            lever: self,
            name: self.name().to_owned(),
            parameter: self.parameter().to_owned(),
            pulled: self.pulled(),
            low: measure(settings.low)?,
            high: measure(settings.high)?,
            note: self.caveat(base),
        })
    }
}

/// Whether no player's utility ever includes the political payoff: every
/// political weight is 0 and politicization never raises it (the brake
/// beta is 0, or pi stays fixed at 0).
fn politics_weighs_nothing(base: &RoundRobin) -> bool {
    let config = base.config();
    let pi_stays_zero =
        !config.politics().is_dynamic() && config.politics().initial().value() == 0.0;
    let no_election_boost = config.election().is_none();
    base.entrants()
        .iter()
        .all(|e| e.settings.orientation().political_weight() == 0.0)
        && no_election_boost
        && (config.game().beta() == 0.0 || pi_stays_zero)
}

/// The entrants the bureaucratic-networks lever delegates: those with a
/// political weight above [`POLITICIAN_WEIGHT`] that are not delegations
/// already.
fn politicians(base: &RoundRobin) -> impl Iterator<Item = &Entrant> {
    base.entrants().iter().filter(|e| is_politician(e))
}

fn is_politician(entrant: &Entrant) -> bool {
    entrant.settings.orientation().political_weight() > POLITICIAN_WEIGHT
        && !entrant.strategy.name().starts_with("Delegation")
}

/// The entrant with a default Diffuse Reciprocity bureaucrat at its side
/// (taking the wheel with probability `autonomy`) when it is a politician;
/// unchanged otherwise. Name and settings are kept.
fn delegated(entrant: &Entrant, autonomy: f64) -> Result<Entrant, ParameterError> {
    if !is_politician(entrant) {
        return Ok(entrant.clone());
    }
    let delegation = Delegation::new(
        entrant.strategy.clone(),
        Box::new(DiffuseReciprocity::default()),
        autonomy,
    )?;
    Ok(Entrant {
        strategy: Box::new(delegation),
        ..entrant.clone()
    })
}

/// What one run of a lever measured: means over all matches of the round
/// robin (self-play included), each match weighing the same, and each
/// player's scores.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Measurement {
    /// The lever's parameter value in this run.
    pub value: f64,
    /// The share of moves that were cooperations (both players).
    pub cooperation: f64,
    /// The same share in each repetition (the mean over that repetition's
    /// matches), from which the standard error of an effect is computed.
    pub cooperation_by_repetition: Vec<f64>,
    /// The payoff per player and turn in each currency: the policy
    /// (international, absolute-gains) payoff, the political (domestic)
    /// payoff and the players' own blended utilities. The mean utility
    /// mixes numbers on each player's own scale; the policy payoff is the
    /// one comparable between runs whose political weights differ. (With a
    /// derived political payoff and no audience bonus the political payoff
    /// is zero-sum, so its mean over both players is 0.)
    pub payoffs: ByCurrency<f64>,
    /// The mean politicization over the rounds of a match.
    pub politicization: f64,
    /// The cooperation rate of the population that Axelrod's ecological
    /// dynamics grow from this run's payoffs: starting from equal shares,
    /// [`ECOLOGICAL_GENERATIONS`] generations of the discrete replicator
    /// map on the payoff matrix in [`EVOLVED_FITNESS`] per turn, then
    /// `sum_ij x_i x_j c_ij` with `c_ij` the share of rounds in which `i`
    /// cooperated against `j`. `None` without self-play (the dynamics need
    /// the payoff of a type against its own kind).
    pub evolved_cooperation: Option<f64>,
    /// Each player's normalised score per turn in each currency (the
    /// round robin's standings), in the order the players were given.
    pub players: Vec<PlayerScores>,
}

/// One player's normalised scores per turn in one lever run.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlayerScores {
    /// The player's name.
    pub name: String,
    /// The mean over repetitions of the normalised payoff per turn in each
    /// currency; the utility is on the player's own scale.
    pub scores: ByCurrency<f64>,
}

/// The currency the ecological dynamics behind
/// [`Measurement::evolved_cooperation`] select on: the policy payoff, as
/// in the evolutionary processes by default.
pub const EVOLVED_FITNESS: Currency = Currency::Policy;

/// The generations of the ecological dynamics behind
/// [`Measurement::evolved_cooperation`].
pub const ECOLOGICAL_GENERATIONS: u64 = 1000;

/// The cooperation rate of the population grown by the ecological
/// dynamics from `results`; `None` when a pair did not meet.
fn evolved_cooperation(results: &RoundRobinResults) -> Option<f64> {
    let table = payoff_table(results, EVOLVED_FITNESS).ok()?;
    let n = table.len();
    let equal = vec![1.0 / n as f64; n];
    let trajectory = ecological(&table, &equal, ECOLOGICAL_GENERATIONS, false).ok()?;
    let shares = trajectory.last();
    let mut rate = 0.0;
    for (i, row) in results.cooperation_matrix.iter().enumerate() {
        for (j, cell) in row.iter().enumerate() {
            rate += shares[i] * shares[j] * (*cell)?;
        }
    }
    Some(rate)
}

/// Means over the matches of a round robin, each match weighing the same,
/// summed while it plays ([`MatchMeans::play`], through
/// [`RoundRobin::play_observed`](crate::RoundRobin::play_observed)) or
/// from its records ([`MatchMeans::of_records`]): the same sums in the same
/// order, so both give bit-identical means. The memory taken grows with
/// the repetitions only (one running sum each), not with the matches.
#[derive(Clone, Debug, PartialEq)]
pub struct MatchMeans {
    matches: usize,
    cooperation: f64,
    payoffs: ByCurrency<f64>,
    politicization: f64,
    /// Per repetition, the sum of the matches' cooperation rates and their
    /// number.
    by_repetition: Vec<(f64, u32)>,
}

impl MatchMeans {
    /// Empty sums for a round robin of `repetitions` repetitions.
    #[must_use]
    pub fn new(repetitions: u32) -> Self {
        // Sums start at -0.0, as `Iterator::sum` of floats does, so that
        // the means are those of summing the records' values.
        MatchMeans {
            matches: 0,
            cooperation: -0.0,
            payoffs: ByCurrency::from_fn(|_| -0.0),
            politicization: -0.0,
            by_repetition: vec![(0.0, 0); repetitions as usize],
        }
    }

    /// Adds one match.
    pub fn add(&mut self, record: &crate::round_robin::MatchRecord) {
        let m = &record.result;
        let both_turns = 2.0 * f64::from(m.turns);
        let [first, second] = &m.players;
        self.matches += 1;
        self.cooperation +=
            (f64::from(first.cooperations) + f64::from(second.cooperations)) / both_turns;
        for currency in twolevel_game::Currency::ALL {
            self.payoffs[currency] +=
                (total_in(first, currency) + total_in(second, currency)) / both_turns;
        }
        self.politicization += m.mean_politicization;
        let rate = f64::from(first.cooperations + second.cooperations) / both_turns;
        if let Some(slot) = self.by_repetition.get_mut(record.repetition as usize) {
            slot.0 += rate;
            slot.1 += 1;
        }
    }

    /// The sums over the match records of `results` (played
    /// [with its match records](crate::RoundRobin::with_match_records)).
    #[must_use]
    pub fn of_records(results: &RoundRobinResults) -> Self {
        let mut means = MatchMeans::new(results.repetitions);
        for record in &results.matches {
            means.add(record);
        }
        means
    }

    /// Plays `tournament` (without keeping its match records), reporting
    /// each match to `progress`, and sums its matches while they play.
    #[must_use]
    pub fn play(tournament: &RoundRobin, progress: &dyn Progress) -> (RoundRobinResults, Self) {
        let mut means = MatchMeans::new(tournament.repetitions());
        let results = tournament.play_observed(progress, &mut |record| means.add(record));
        (results, means)
    }

    /// The number of matches summed.
    #[must_use]
    pub fn matches(&self) -> usize {
        self.matches
    }

    /// The mean over the matches (0 matches count as 1).
    fn mean(&self, sum: f64) -> f64 {
        sum / self.matches.max(1) as f64
    }

    /// The share of moves that were cooperations (both players), the mean
    /// over matches.
    #[must_use]
    pub fn cooperation(&self) -> f64 {
        self.mean(self.cooperation)
    }

    /// The payoff per player and turn in `currency`, the mean over matches.
    #[must_use]
    pub fn payoff(&self, currency: twolevel_game::Currency) -> f64 {
        self.mean(self.payoffs[currency])
    }

    /// The mean politicization of a match, the mean over matches.
    #[must_use]
    pub fn politicization(&self) -> f64 {
        self.mean(self.politicization)
    }

    /// The cooperation share in each repetition: the mean over that
    /// repetition's matches.
    #[must_use]
    pub fn cooperation_by_repetition(&self) -> Vec<f64> {
        self.by_repetition
            .iter()
            .map(|&(sum, count)| sum / f64::from(count.max(1)))
            .collect()
    }
}

impl Measurement {
    /// Measures the results of a run with the lever at `value`, played
    /// [with its match records](crate::RoundRobin::with_match_records).
    #[must_use]
    pub fn of(value: f64, results: &RoundRobinResults) -> Self {
        Measurement::from_means(value, results, &MatchMeans::of_records(results))
    }

    /// Plays `tournament`, with the lever at `value`, summing its matches
    /// while they play (no match records are kept), and measures it: the
    /// same measurement as [`Measurement::of`] on the results played with
    /// records. Each match is reported to `progress`.
    #[must_use]
    pub fn play(value: f64, tournament: &RoundRobin, progress: &dyn Progress) -> Self {
        let (results, means) = MatchMeans::play(tournament, progress);
        Measurement::from_means(value, &results, &means)
    }

    /// The measurement from a run's results and its match means.
    fn from_means(value: f64, results: &RoundRobinResults, means: &MatchMeans) -> Self {
        Measurement {
            value,
            cooperation: means.cooperation(),
            cooperation_by_repetition: means.cooperation_by_repetition(),
            payoffs: ByCurrency::from_fn(|c| means.payoff(c)),
            politicization: means.politicization(),
            evolved_cooperation: evolved_cooperation(results),
            players: results
                .standings
                .iter()
                .map(|s| PlayerScores {
                    name: s.name.clone(),
                    scores: s.scores.clone().map(|summary| summary.mean),
                })
                .collect(),
        }
    }
}

/// A lever run at its two settings.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LeverOutcome {
    /// The lever.
    pub lever: Lever,
    /// Its name, as in the article.
    pub name: String,
    /// The parameter it sets.
    pub parameter: String,
    /// The setting the article recommends.
    pub pulled: Setting,
    /// The run at the low value.
    pub low: Measurement,
    /// The run at the high value.
    pub high: Measurement,
    /// Why the lever cannot act (fully) on this tournament, if it cannot.
    pub note: Option<String>,
}

impl LeverOutcome {
    /// The run with the lever pulled and the other one, in that order.
    #[must_use]
    pub fn pulled_and_not(&self) -> (&Measurement, &Measurement) {
        match self.pulled {
            Setting::Low => (&self.low, &self.high),
            Setting::High => (&self.high, &self.low),
        }
    }

    /// The effect of pulling the lever on `quantity`: its value with the
    /// lever pulled minus its value without.
    #[must_use]
    pub fn effect(&self, quantity: fn(&Measurement) -> f64) -> f64 {
        let (pulled, not) = self.pulled_and_not();
        quantity(pulled) - quantity(not)
    }

    /// The standard error of the effect on cooperation over repetitions:
    /// the two runs share their seed, so repetition `r` of one is paired
    /// with repetition `r` of the other, and the error is the sample
    /// standard deviation of the paired differences divided by the square
    /// root of their number. `None` with fewer than two repetitions.
    #[must_use]
    pub fn cooperation_effect_standard_error(&self) -> Option<f64> {
        let (pulled, not) = self.pulled_and_not();
        crate::stats::paired_standard_error(
            &pulled.cooperation_by_repetition,
            &not.cooperation_by_repetition,
        )
    }
}

/// A lever that [`LeverReport::run`] did not run because one of its
/// settings cannot be applied to the base tournament (a kappa of 1 that
/// would push a payoff of the game beyond the
/// [payoff limit](twolevel_game::PAYOFF_LIMIT), say). The lever is not run
/// at a nearby value instead: a report compares the same settings on every
/// tournament, or says why it cannot.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LeverNotRun {
    /// The lever.
    pub lever: Lever,
    /// Its name, as in the article.
    pub name: String,
    /// The parameter it sets.
    pub parameter: String,
    /// The first of its settings that cannot be applied.
    pub value: f64,
    /// Why that setting cannot be applied.
    pub reason: String,
}

impl fmt::Display for LeverNotRun {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the {} lever cannot set {} to {} on this tournament: {}",
            self.name,
            self.parameter,
            format_number(self.value),
            self.reason
        )
    }
}

impl Lever {
    /// Checks, without playing anything, that both `settings` can be
    /// applied to `base` ([`Lever::apply`]); otherwise says which value
    /// cannot and why.
    pub fn check(self, base: &RoundRobin, settings: LeverSettings) -> Result<(), LeverNotRun> {
        for value in [settings.low, settings.high] {
            if let Err(error) = self.apply(base, value) {
                return Err(LeverNotRun {
                    lever: self,
                    name: self.name().to_owned(),
                    parameter: self.parameter().to_owned(),
                    value,
                    reason: error.to_string(),
                });
            }
        }
        Ok(())
    }
}

/// The six levers run on one base tournament.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LeverReport {
    /// The base tournament's name.
    pub tournament: String,
    /// The seed every run used.
    pub seed: u64,
    /// The repetitions of every match.
    pub repetitions: u32,
    /// One outcome per lever that was run, in the order of [`Lever::ALL`].
    pub levers: Vec<LeverOutcome>,
    /// The levers that were not run, because a setting cannot be applied
    /// to this tournament, with the reason.
    #[serde(default)]
    pub not_run: Vec<LeverNotRun>,
}

impl LeverReport {
    /// Runs every lever at its [default settings](Lever::default_settings)
    /// on `base`, a round robin named `tournament`.
    ///
    /// Every lever is [checked](Lever::check) before anything is played; a
    /// lever with a setting that cannot be applied to `base` is not run
    /// and is listed in [`LeverReport::not_run`] with the reason, while
    /// the others run.
    pub fn run(tournament: impl Into<String>, base: &RoundRobin) -> Result<Self, ParameterError> {
        LeverReport::run_with_progress(tournament, base, &NoProgress)
    }

    /// Runs every lever as [`LeverReport::run`] does, telling `progress`
    /// of the lever settings to run (two per lever that is run) and of
    /// each finished one. The report is the same as without progress.
    pub fn run_with_progress(
        tournament: impl Into<String>,
        base: &RoundRobin,
        progress: &dyn Progress,
    ) -> Result<Self, ParameterError> {
        let mut not_run = Vec::new();
        let runnable: Vec<Lever> = Lever::ALL
            .into_iter()
            .filter(|lever| match lever.check(base, lever.default_settings()) {
                Ok(()) => true,
                Err(reason) => {
                    not_run.push(reason);
                    false
                }
            })
            .collect();
        Ok(LeverReport {
            tournament: tournament.into(),
            seed: base.seed(),
            repetitions: base.repetitions(),
            levers: runnable
                .iter()
                .map(|lever| lever.run_with_progress(base, lever.default_settings(), progress))
                .collect::<Result<_, _>>()?,
            not_run,
        })
    }

    /// The outcome of `lever`, if it was run.
    #[must_use]
    pub fn outcome(&self, lever: Lever) -> Option<&LeverOutcome> {
        self.levers.iter().find(|o| o.lever == lever)
    }

    /// Writes the report as pretty-printed JSON to `path`.
    pub fn write_json(&self, path: impl AsRef<Path>) -> Result<PathBuf, OutputError> {
        crate::report::write_json_file(self, path.as_ref())
    }
}

/// A value for the table, or `-` when there is none.
/// A standard error in parentheses, 8 characters wide; `-` when unknown.
fn standard_error(value: Option<f64>) -> String {
    match value {
        Some(se) => format!("{:>8}", format!("({se:.4})")),
        None => format!("{:>8}", "-"),
    }
}

fn cell(value: Option<f64>, width: usize, signed: bool) -> String {
    match value {
        Some(v) if signed => format!("{v:>+width$.4}"),
        Some(v) => format!("{v:>width$.4}"),
        None => format!("{:>width$}", "-"),
    }
}

impl fmt::Display for LeverReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "The six levers on \"{}\" (seed {}, {} repetitions; both settings of a lever use the same seed)",
            self.tournament, self.seed, self.repetitions
        )?;
        let header = |f: &mut fmt::Formatter<'_>, cells: [&str; 15]| {
            let [a, b, c, d, e, g, h, se, i, j, k, l, m, n, o] = cells;
            writeln!(
                f,
                "{a:<23} {b:<16} {c:>5} {d:>5} | {e:>6} {g:>6} {h:>7} {se:>8} | {i:>6} {j:>6} {k:>7} | {l:>6} {m:>6} {n:>7} | {o:>11}"
            )
        };
        header(
            f,
            [
                "lever",
                "parameter",
                "low",
                "high",
                "coop",
                "coop",
                "",
                "",
                "evolved",
                "coop",
                "",
                "policy",
                "policy",
                "",
                "pi",
            ],
        )?;
        header(
            f,
            [
                "",
                "",
                "",
                "",
                "low",
                "high",
                "effect",
                "(se)",
                "low",
                "high",
                "effect",
                "low",
                "high",
                "effect",
                "low / high",
            ],
        )?;
        writeln!(f, "{}", "-".repeat(137))?;
        for outcome in &self.levers {
            let marked = |setting: Setting, value: f64| {
                let star = if outcome.pulled == setting { "*" } else { "" };
                format!("{value}{star}")
            };
            let evolved_effect = match (
                outcome.pulled_and_not().0.evolved_cooperation,
                outcome.pulled_and_not().1.evolved_cooperation,
            ) {
                (Some(pulled), Some(not)) => Some(pulled - not),
                _ => None,
            };
            writeln!(
                f,
                "{:<23} {:<16} {:>5} {:>5} | {} {} {} {} | {} {} {} | {} {} {} | {:>5.3} {:>5.3}",
                outcome.name,
                outcome.parameter,
                marked(Setting::Low, outcome.low.value),
                marked(Setting::High, outcome.high.value),
                cell(Some(outcome.low.cooperation), 6, false),
                cell(Some(outcome.high.cooperation), 6, false),
                cell(Some(outcome.effect(|m| m.cooperation)), 7, true),
                standard_error(outcome.cooperation_effect_standard_error()),
                cell(outcome.low.evolved_cooperation, 6, false),
                cell(outcome.high.evolved_cooperation, 6, false),
                cell(evolved_effect, 7, true),
                cell(Some(outcome.low.payoffs.policy), 6, false),
                cell(Some(outcome.high.payoffs.policy), 6, false),
                cell(Some(outcome.effect(|m| m.payoffs.policy)), 7, true),
                outcome.low.politicization,
                outcome.high.politicization,
            )?;
        }
        writeln!(
            f,
            "*: the setting the article recommends (the lever pulled); effect: pulled minus not pulled;\n\
             (se): the effect's standard error over the paired repetitions.\n\
             coop: cooperation rate, mean over all matches; evolved coop: the cooperation rate of the\n\
             population after {ECOLOGICAL_GENERATIONS} generations of Axelrod's ecological dynamics on the run's {EVOLVED_FITNESS}s;\n\
             policy: policy payoff per player and turn; pi: mean politicization. The JSON report adds the\n\
             political payoff and own utility (each player's on its own scale), per run and per player."
        )?;
        for outcome in &self.levers {
            if let Some(note) = &outcome.note {
                writeln!(f, "note ({}): {note}", outcome.name)?;
            }
        }
        for skipped in &self.not_run {
            writeln!(f, "not run ({}): {skipped}", skipped.name)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::Counter;
    use crate::{MatchConfig, Tournament};

    /// The default tournament, cut to its first five players and two
    /// repetitions, so that twelve lever settings play quickly.
    fn small() -> RoundRobin {
        let base = Tournament::embedded_default()
            .unwrap()
            .round_robin
            .with_repetitions(2)
            .unwrap();
        let players = base.entrants()[..5].to_vec();
        base.with_entrants(players).unwrap()
    }

    #[test]
    fn measurements_summed_while_playing_equal_those_from_records() {
        let tournament = small();
        let counter = Counter::default();
        let played = Measurement::play(0.5, &tournament, &counter);
        let from_records =
            Measurement::of(0.5, &tournament.clone().with_match_records(true).play());
        assert_eq!(played, from_records);
        assert_eq!(
            (counter.total(), counter.done()),
            (tournament.match_count(), tournament.match_count())
        );
        // Bit for bit, not only up to rounding.
        assert_eq!(
            played.cooperation.to_bits(),
            from_records.cooperation.to_bits()
        );
        assert!(played.cooperation > 0.0 && played.cooperation < 1.0);
    }

    #[test]
    fn progress_sees_every_lever_setting_and_changes_nothing() {
        let tournament = small();
        let counter = Counter::default();
        let report = LeverReport::run_with_progress("small", &tournament, &counter).unwrap();
        assert_eq!((counter.total(), counter.done()), (12, 12));
        assert_eq!(report, LeverReport::run("small", &tournament).unwrap());
    }

    #[test]
    fn match_means_take_no_memory_per_match() {
        // Only the per-repetition sums grow: with the records off the
        // results keep no match, yet the means count every one.
        let tournament = RoundRobin::new(
            MatchConfig::classic(10).unwrap(),
            small().entrants()[..2].to_vec(),
        )
        .unwrap()
        .with_repetitions(50)
        .unwrap();
        let (results, means) = MatchMeans::play(&tournament, &crate::progress::NoProgress);
        assert!(results.matches.is_empty());
        assert_eq!(means.matches() as u64, tournament.match_count());
        assert_eq!(means.cooperation_by_repetition().len(), 50);
    }
}
