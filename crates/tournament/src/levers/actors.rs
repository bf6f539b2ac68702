//! The six levers as actors' choices (docs/actors.md, last paragraph;
//! `docs/actors.md`, "The six levers as actors' choices").
//!
//! Each [`ActorLever`] mirrors a [`Lever`]: instead of setting a parameter
//! of the model it changes what the actors of every domestic arena of a
//! round robin do or may do:
//!
//! | lever | what [`ActorLever::apply`] changes in every arena | low | high | pulled |
//! | --- | --- | --- | --- | --- |
//! | quiet diplomacy | the media and framing rates, multiplied by this "media factor" (0: no media) | 0.0 | 1.0 | low |
//! | bureaucratic networks | the bureaucrats' access (their autonomy), initially and after every transition | 0.0 | 0.8 | high |
//! | engaging private actors | the private actors' access, initially and after every transition | 0.0 | 1.0 | high |
//! | enhancing knowledge | the expertise rate `epsilon` | 0.0 | 0.5 | high |
//! | political buy-in | the position `x_k` of every private actor that campaigns in the media | 0.25 | 0.75 | high |
//! | policy consensus | the consensus of every epistemic community among the coalitions | 0.0 | 0.9 | high |
//!
//! The parameter version of each lever ([`Lever`]) runs on the same
//! tournament with its arenas and coalitions taken out
//! ([`without_arenas`]), so that both versions play the same states,
//! strategies, seed and repetitions. [`ActorLever::compare`] runs both,
//! each at its two settings with one seed (paired runs: repetition `r` of
//! the low run is paired with repetition `r` of the high run), and says
//! in which direction pulling each version moves cooperation
//! ([`Direction`], judged against twice the paired standard error) and
//! whether the two versions agree.
//!
//! Every number is in a named currency: cooperation is a share of moves;
//! the payoffs are per player and turn in the policy, political and
//! utility currencies of [`Currency`] (the utility on each player's own
//! scale), as in [`Measurement`].

use serde::{Deserialize, Serialize};
use twolevel_game::actors::{Access, AccessChange, ActorKind, Arena, Channel, Coalition};
use twolevel_game::error::check_unit_interval;
use twolevel_game::{ByCurrency, Currency, ParameterError};

use super::lever::refused;
use super::{Lever, LeverOutcome, LeverSettings, Measurement, Setting};
use crate::domestic::Domestic;
use crate::round_robin::{MatchMeans, RoundRobin, RoundRobinResults};
use crate::stats::paired_standard_error;

/// One of the six levers as actors' choices.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActorLever {
    /// Quiet diplomacy: low visibility and no media; here the media.
    QuietDiplomacy,
    /// Bureaucratic networks: the bureaucrats' access (autonomy).
    BureaucraticNetworks,
    /// Engaging private actors: the private actors' access.
    PrivateActors,
    /// Enhancing knowledge: the expertise channel's rate.
    Knowledge,
    /// Political buy-in: media campaigners with a position above 1/2.
    PoliticalBuyIn,
    /// Policy consensus: an epistemic community's consensus.
    PolicyConsensus,
}

impl ActorLever {
    /// The six levers, in the article's order (that of [`Lever::ALL`]).
    pub const ALL: [ActorLever; 6] = [
        ActorLever::QuietDiplomacy,
        ActorLever::BureaucraticNetworks,
        ActorLever::PrivateActors,
        ActorLever::Knowledge,
        ActorLever::PoliticalBuyIn,
        ActorLever::PolicyConsensus,
    ];

    /// The parameter version of the same lever.
    #[must_use]
    pub const fn lever(self) -> Lever {
        match self {
            ActorLever::QuietDiplomacy => Lever::QuietDiplomacy,
            ActorLever::BureaucraticNetworks => Lever::BureaucraticNetworks,
            ActorLever::PrivateActors => Lever::PrivateActors,
            ActorLever::Knowledge => Lever::Knowledge,
            ActorLever::PoliticalBuyIn => Lever::PoliticalBuyIn,
            ActorLever::PolicyConsensus => Lever::PolicyConsensus,
        }
    }

    /// The lever's name, as in the article.
    #[must_use]
    pub const fn name(self) -> &'static str {
        self.lever().name()
    }

    /// What the actor version sets in every arena.
    #[must_use]
    pub const fn parameter(self) -> &'static str {
        match self {
            ActorLever::QuietDiplomacy => "media factor",
            ActorLever::BureaucraticNetworks => "bureaucrat access",
            ActorLever::PrivateActors => "private access",
            ActorLever::Knowledge => "expertise rate",
            ActorLever::PoliticalBuyIn => "media campaigners' position",
            ActorLever::PolicyConsensus => "epistemic consensus",
        }
    }

    /// The default low and high values (see the [module table](self)).
    #[must_use]
    pub const fn default_settings(self) -> LeverSettings {
        let (low, high) = match self {
            ActorLever::QuietDiplomacy | ActorLever::PrivateActors => (0.0, 1.0),
            ActorLever::BureaucraticNetworks => (0.0, 0.8),
            ActorLever::Knowledge => (0.0, 0.5),
            ActorLever::PoliticalBuyIn => (0.25, 0.75),
            ActorLever::PolicyConsensus => (0.0, 0.9),
        };
        LeverSettings { low, high }
    }

    /// The setting that pulls the lever: the actors' choice the article
    /// recommends (no media for quiet diplomacy, more access, expertise,
    /// buy-in and consensus for the others).
    #[must_use]
    pub const fn pulled(self) -> Setting {
        match self {
            ActorLever::QuietDiplomacy => Setting::Low,
            _ => Setting::High,
        }
    }

    /// Why the actor version cannot act on `base`, if it cannot: no arena,
    /// no media campaigner, no epistemic community.
    #[must_use]
    pub fn caveat(self, base: &RoundRobin) -> Option<String> {
        let Some(domestic) = base.domestic() else {
            return Some("the tournament has no arena, so no actor can pull it".to_owned());
        };
        let arenas = || domestic.arenas.iter().flatten();
        match self {
            ActorLever::PoliticalBuyIn => arenas()
                .all(|arena| !arena.actors().iter().any(is_media_campaigner))
                .then(|| "no private actor campaigns in the media".to_owned()),
            ActorLever::PolicyConsensus => domestic
                .coalitions
                .iter()
                .all(|c| c.epistemic().is_none())
                .then(|| "no coalition is an epistemic community".to_owned()),
            _ => arenas()
                .next()
                .is_none()
                .then(|| "no entrant has an arena".to_owned()),
        }
    }

    /// `base` with the actors' choice set to `value` in every arena (or
    /// every epistemic community); everything else is kept. A tournament
    /// without arenas is returned unchanged ([`ActorLever::caveat`]).
    ///
    /// Fails, naming the setting, when `value` is outside `[0, 1]`.
    pub fn apply(self, base: &RoundRobin, value: f64) -> Result<RoundRobin, ParameterError> {
        check_unit_interval(self.parameter(), value)?;
        let Some(domestic) = base.domestic() else {
            return Ok(base.clone());
        };
        let arenas = domestic
            .arenas
            .iter()
            .map(|arena| arena.as_ref().map(|a| self.arena(a, value)).transpose())
            .collect::<Result<Vec<_>, _>>()?;
        let coalitions = domestic
            .coalitions
            .iter()
            .map(|c| match (self, c.epistemic()) {
                (ActorLever::PolicyConsensus, Some(_)) => {
                    Coalition::new(c.name(), c.members().to_vec(), c.phi(), Some(value))
                }
                _ => Ok(c.clone()),
            })
            .collect::<Result<Vec<_>, _>>()?;
        base.clone()
            .with_domestic(Domestic::new(arenas, coalitions)?)
    }

    /// One arena with the actors' choice set to `value`.
    fn arena(self, arena: &Arena, value: f64) -> Result<Arena, ParameterError> {
        let mut actors = arena.actors().to_vec();
        let mut access = *arena.access();
        let mut transitions = arena.transitions().to_vec();
        let mut rates = *arena.rates();
        let mut set_access = |set: fn(&mut Access, f64)| {
            set(&mut access, value);
            for AccessChange { access, .. } in &mut transitions {
                set(access, value);
            }
        };
        match self {
            ActorLever::QuietDiplomacy => {
                rates.media *= value;
                rates.framing *= value;
            }
            ActorLever::BureaucraticNetworks => set_access(|a, v| a.bureaucrat = v),
            ActorLever::PrivateActors => set_access(|a, v| a.private = v),
            ActorLever::Knowledge => rates.expertise = value,
            ActorLever::PoliticalBuyIn => {
                for actor in actors.iter_mut().filter(|a| is_media_campaigner(a)) {
                    actor.position = value;
                }
            }
            ActorLever::PolicyConsensus => {}
        }
        Arena::new(actors, access, transitions, rates)
    }

    /// Plays `base` with the actors' choice at `settings.low` and at
    /// `settings.high`, with `base`'s seed, and measures both runs.
    ///
    /// Fails when a setting is outside `[0, 1]`; the error names the
    /// setting and says which lever and which value.
    pub fn run(
        self,
        base: &RoundRobin,
        settings: LeverSettings,
    ) -> Result<PairedRun, ParameterError> {
        let measure = |value: f64| {
            self.apply(base, value)
                .map_err(|error| refused(self.name(), self.parameter(), value, &error))
                .map(|pulled| RunAt::play(value, &pulled))
        };
        let (low, high) = (measure(settings.low)?, measure(settings.high)?);
        Ok(PairedRun::new(
            LeverOutcome {
                lever: self.lever(),
                name: self.name().to_owned(),
                parameter: self.parameter().to_owned(),
                pulled: self.pulled(),
                low: low.measurement,
                high: high.measurement,
                note: self.caveat(base),
            },
            [low.payoffs, high.payoffs],
        ))
    }

    /// Runs the actor version on `base` and the parameter version on
    /// `base` [without its arenas](without_arenas), each at its default
    /// settings, and compares the directions in which they move
    /// cooperation.
    pub fn compare(self, base: &RoundRobin) -> Result<LeverComparison, ParameterError> {
        let actor = self.run(base, self.default_settings())?;
        let plain = without_arenas(base)?;
        let lever = self.lever();
        let settings = lever.default_settings();
        let measure = |value: f64| {
            lever
                .apply(&plain, value)
                .map_err(|error| refused(lever.name(), lever.parameter(), value, &error))
                .map(|pulled| RunAt::play(value, &pulled))
        };
        let (low, high) = (measure(settings.low)?, measure(settings.high)?);
        let parameter = PairedRun::new(
            LeverOutcome {
                lever,
                name: lever.name().to_owned(),
                parameter: lever.parameter().to_owned(),
                pulled: lever.pulled(),
                low: low.measurement,
                high: high.measurement,
                note: lever.caveat(&plain),
            },
            [low.payoffs, high.payoffs],
        );
        Ok(LeverComparison { actor, parameter })
    }
}

/// Whether `actor` is a private actor that campaigns in the media: the
/// actors whose position the political buy-in lever sets.
fn is_media_campaigner(actor: &twolevel_game::actors::Actor) -> bool {
    actor.kind == ActorKind::Private && actor.channels.contains(&Channel::Media)
}

/// `base` with its arenas and coalitions taken out: the tournament the
/// parameter versions run on.
pub fn without_arenas(base: &RoundRobin) -> Result<RoundRobin, ParameterError> {
    base.clone().with_domestic(Domestic::default())
}

/// One measured run and its payoffs per repetition.
struct RunAt {
    measurement: Measurement,
    payoffs: Vec<ByCurrency<f64>>,
}

impl RunAt {
    /// Plays `tournament` with its match records and measures it.
    fn play(value: f64, tournament: &RoundRobin) -> Self {
        let results = tournament.clone().with_match_records(true).play();
        RunAt {
            measurement: Measurement::of(value, &results),
            payoffs: payoffs_by_repetition(&results),
        }
    }
}

/// The payoff per player and turn in each currency in each repetition:
/// the mean over that repetition's matches, as [`MatchMeans`] sums them.
fn payoffs_by_repetition(results: &RoundRobinResults) -> Vec<ByCurrency<f64>> {
    (0..results.repetitions)
        .map(|r| {
            let mut means = MatchMeans::new(1);
            for record in results.matches.iter().filter(|m| m.repetition == r) {
                means.add(record);
            }
            ByCurrency::from_fn(|c| means.payoff(c))
        })
        .collect()
}

/// Which way pulling a lever moved a quantity: beyond twice the paired
/// standard error up or down, or within it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// Up by more than twice its standard error.
    Up,
    /// Down by more than twice its standard error.
    Down,
    /// Within twice its standard error of no change (or exactly none).
    Flat,
}

impl Direction {
    /// The direction of `effect` given its standard error (`None`: fewer
    /// than two repetitions, when only an exact 0 is flat).
    #[must_use]
    pub fn of(effect: f64, standard_error: Option<f64>) -> Self {
        let band = 2.0 * standard_error.unwrap_or(0.0);
        if effect > band {
            Direction::Up
        } else if effect < -band {
            Direction::Down
        } else {
            Direction::Flat
        }
    }

    /// The direction as a word for tables.
    #[must_use]
    pub const fn word(self) -> &'static str {
        match self {
            Direction::Up => "up",
            Direction::Down => "down",
            Direction::Flat => "flat",
        }
    }
}

/// A lever run at its two settings with one seed, and each run's payoffs
/// per repetition, from which the standard errors of the effects on the
/// payoffs are computed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PairedRun {
    /// The two runs' measurements.
    pub outcome: LeverOutcome,
    /// The payoff per player and turn in each currency in each repetition
    /// of the low run (index 0) and of the high run (index 1).
    pub payoffs_by_repetition: [Vec<ByCurrency<f64>>; 2],
}

impl PairedRun {
    fn new(outcome: LeverOutcome, payoffs_by_repetition: [Vec<ByCurrency<f64>>; 2]) -> Self {
        PairedRun {
            outcome,
            payoffs_by_repetition,
        }
    }

    /// The effect of pulling the lever on cooperation (a share of moves):
    /// pulled minus not pulled.
    #[must_use]
    pub fn cooperation_effect(&self) -> f64 {
        self.outcome.effect(|m| m.cooperation)
    }

    /// The paired standard error of [`PairedRun::cooperation_effect`].
    #[must_use]
    pub fn cooperation_standard_error(&self) -> Option<f64> {
        self.outcome.cooperation_effect_standard_error()
    }

    /// The direction in which pulling the lever moves cooperation.
    #[must_use]
    pub fn cooperation_direction(&self) -> Direction {
        Direction::of(self.cooperation_effect(), self.cooperation_standard_error())
    }

    /// The payoffs per repetition with the lever pulled and without, in
    /// that order.
    fn pulled_and_not(&self) -> (&[ByCurrency<f64>], &[ByCurrency<f64>]) {
        let [low, high] = &self.payoffs_by_repetition;
        match self.outcome.pulled {
            Setting::Low => (low, high),
            Setting::High => (high, low),
        }
    }

    /// The effect of pulling the lever on the payoff per player and turn
    /// in `currency`.
    #[must_use]
    pub fn payoff_effect(&self, currency: Currency) -> f64 {
        let (pulled, not) = self.outcome.pulled_and_not();
        pulled.payoffs[currency] - not.payoffs[currency]
    }

    /// The paired standard error of [`PairedRun::payoff_effect`] over
    /// repetitions; `None` with fewer than two.
    #[must_use]
    pub fn payoff_standard_error(&self, currency: Currency) -> Option<f64> {
        let (pulled, not) = self.pulled_and_not();
        let column =
            |runs: &[ByCurrency<f64>]| runs.iter().map(|p| p[currency]).collect::<Vec<_>>();
        paired_standard_error(&column(pulled), &column(not))
    }

    /// The direction in which pulling the lever moves the payoff in
    /// `currency`.
    #[must_use]
    pub fn payoff_direction(&self, currency: Currency) -> Direction {
        Direction::of(
            self.payoff_effect(currency),
            self.payoff_standard_error(currency),
        )
    }
}

/// One lever run both ways: as actors' choices on a tournament with
/// arenas and as a parameter on the same tournament without them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LeverComparison {
    /// The actor version.
    pub actor: PairedRun,
    /// The parameter version.
    pub parameter: PairedRun,
}

impl LeverComparison {
    /// Whether pulling both versions moves cooperation the same way (both
    /// up, both down, or both within twice their standard errors).
    #[must_use]
    pub fn agree_on_cooperation(&self) -> bool {
        self.actor.cooperation_direction() == self.parameter.cooperation_direction()
    }

    /// Whether pulling both versions moves the payoff in `currency` the
    /// same way.
    #[must_use]
    pub fn agree_on_payoff(&self, currency: Currency) -> bool {
        self.actor.payoff_direction(currency) == self.parameter.payoff_direction(currency)
    }
}
