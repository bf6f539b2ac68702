//! The six levers of the seed article as experiments (`docs/guide.md` section 6).
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
//!
//! ## Files
//!
//! - `lever.rs`: the six [`Lever`]s, what each sets ([`Lever::apply`])
//!   and how it runs ([`Lever::run`]), and [`LeverNotRun`].
//! - `measurement.rs`: what a run measures ([`Measurement`]) and a lever's
//!   two runs ([`LeverOutcome`]).
//! - `report.rs`: [`LeverReport`], the six levers on one tournament;
//!   its table is rendered in [`crate::report`].
//!
//! The means over a round robin's matches that a run measures are
//! [`MatchMeans`](crate::round_robin::MatchMeans), which the sweeps use
//! too.
//!
//! [`RoundRobin`]: crate::round_robin::RoundRobin
//! [`Delegation`]: twolevel_strategies::Delegation

pub mod actors;
mod lever;
mod measurement;
mod report;

pub use lever::{Lever, LeverNotRun, LeverSettings, POLITICIAN_WEIGHT, Setting};
pub use measurement::{
    ECOLOGICAL_GENERATIONS, EVOLVED_FITNESS, LeverOutcome, Measurement, PlayerScores,
};
pub use report::LeverReport;

#[cfg(test)]
use crate::round_robin::RoundRobin;

/// The default tournament, cut to its first five players and two
/// repetitions, so that twelve lever settings play quickly.
#[cfg(test)]
pub(crate) fn small() -> RoundRobin {
    let base = crate::Tournament::embedded_default()
        .unwrap()
        .round_robin
        .with_repetitions(2)
        .unwrap();
    let players = base.entrants()[..5].to_vec();
    base.with_entrants(players).unwrap()
}
