//! The six [`Lever`]s: what each sets on a round robin, whether it can
//! act on it, and its run at two settings.

use std::fmt;

use serde::{Deserialize, Serialize};
use twolevel_game::error::{check_unit_interval, format_number};
use twolevel_game::{Orientation, ParameterError, PoliticalPayoff, Politicization, Politics};
use twolevel_strategies::{Delegation, DiffuseReciprocity};

use super::{LeverOutcome, Measurement};
use crate::progress::{NoProgress, Progress};
use crate::round_robin::{Entrant, RoundRobin};

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

    /// The default low and high values (see the [module table](crate::levers)).
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
            let pulled = self
                .apply(base, value)
                .map_err(|error| refused(self.name(), self.parameter(), value, &error))?;
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

/// A lever that [`LeverReport::run`](super::LeverReport::run) did not run because one of its
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

/// The error of a setting a lever (of parameters or of actors) cannot
/// take on a tournament: the parameter, the value and the reason.
pub(crate) fn refused(
    name: &str,
    parameter: &str,
    value: f64,
    error: &ParameterError,
) -> ParameterError {
    ParameterError::new(
        parameter,
        format!(
            "the {name} lever cannot set {parameter} to {} on this tournament: {error}",
            format_number(value)
        ),
    )
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
