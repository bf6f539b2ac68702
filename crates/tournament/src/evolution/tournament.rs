//! Evolution on a tournament: the round robin's payoffs feed the configured
//! process.

use rand_core::Rng;
use serde::{Deserialize, Serialize};
use twolevel_game::{Currency, Orientation, Outcome, ParameterError, Politicization, Strategy};

use super::analytic::FixationMatrix;
use super::config::{EvolutionConfig, PayoffMode};
use super::payoff::{MatchPlayer, PayoffTable};
use super::run::{EvolutionOutcome, analytic_fixation, evolve_reporting, evolve_sampled_reporting};
use crate::play::{MatchBuffers, MatchConfig, PlayerSettings, play_match};
use crate::progress::{NoProgress, Progress};
use crate::round_robin::{RoundRobin, RoundRobinResults, total_in};

/// The payoff table of a round robin in `currency`: its mean payoff per
/// turn of every player against every other, over the repetitions.
///
/// Every pair must have met, the diagonal included: the evolutionary
/// processes need the payoff of a type against its own kind, so the round
/// robin must be played with self-play.
pub fn payoff_table(
    results: &RoundRobinResults,
    currency: Currency,
) -> Result<PayoffTable, ParameterError> {
    let rows = results.payoff_matrices[currency]
        .iter()
        .enumerate()
        .map(|(i, row)| {
            row.iter()
                .enumerate()
                .map(|(j, cell)| {
                    cell.ok_or_else(|| {
                        ParameterError::new(
                            "self_play",
                            format!(
                                "players {i} and {j} did not meet; evolution needs every pair, \
                                 itself included: set `self_play: true`"
                            ),
                        )
                    })
                })
                .collect::<Result<Vec<f64>, _>>()
        })
        .collect::<Result<Vec<_>, _>>()?;
    PayoffTable::new(rows)
}

/// Refuses, before anything is played, a round robin whose payoff table
/// would miss the diagonal: evolution needs the payoff of every type
/// against its own kind, so the round robin must be played with
/// self-play. The error names `self_play`, so that a file's loader can
/// point at it; [`payoff_table`] gives the same refusal after the play.
pub fn check_every_pair_meets(round_robin: &RoundRobin) -> Result<(), ParameterError> {
    if round_robin.self_play() {
        Ok(())
    } else {
        Err(ParameterError::new(
            "self_play",
            "an evolution block needs every pair of players to meet, each player with itself \
             included (the payoff of a type against its own kind): set `self_play: true` or \
             remove the `evolution` block",
        ))
    }
}

/// The range of the stage payoffs per turn in `currency` that a match
/// under `config` can pay: the extremes over the four outcomes, both
/// states' politicization on a grid of the scale `[0, 1]` (the ends
/// included) and both political weights 0 and 1 (a utility is a blend of
/// the policy and the political payoff, so these bound every weight).
///
/// Every entry of a round robin's payoff table is a mean of such stage
/// payoffs, so a payoff-to-fitness map that is valid on this range is
/// valid on any table the round robin can produce; [`EvolutionConfig::check_fitness`]
/// uses it to refuse, before anything runs, a `selection` that could give
/// a non-positive or infinite fitness. The grid finds the extremes exactly
/// when the payoffs are monotone in politicization (the policy payoffs and
/// the classic game always are); a political payoff with an extreme
/// inside the scale is still caught, with the file named, when the
/// process meets the table.
#[must_use]
pub fn stage_payoff_range(config: &MatchConfig, currency: Currency) -> (f64, f64) {
    const LEVELS: [f64; 5] = [0.0, 0.25, 0.5, 0.75, 1.0];
    let game = config.game();
    let weights = [Orientation::POLICY, Orientation::POLITICAL];
    let mut range = (f64::INFINITY, f64::NEG_INFINITY);
    for row_pi in LEVELS.map(Politicization::clamped) {
        for column_pi in LEVELS.map(Politicization::clamped) {
            for outcome in Outcome::ALL {
                for row_w in weights {
                    for column_w in weights {
                        let payoffs = game.payoffs_uneven(
                            outcome.own,
                            outcome.partner,
                            [row_pi, column_pi],
                            [row_w, column_w],
                        );
                        for payoff in payoffs {
                            let value = payoff.in_currency(currency);
                            range = (range.0.min(value), range.1.max(value));
                        }
                    }
                }
            }
        }
    }
    range
}

/// Plays matches between the entrants of a round robin, under its match
/// configuration, and pays each side its payoff per turn in one currency:
/// the [`MatchPlayer`] of stochastic strategies.
///
/// Each side keeps its own copy of every strategy, so a type can meet its
/// own kind, and the move buffers are reused: playing a match allocates
/// nothing once the buffers have grown to the longest match.
#[derive(Clone, Debug)]
pub struct RoundRobinMatches {
    config: MatchConfig,
    sides: [Vec<Box<dyn Strategy>>; 2],
    settings: Vec<PlayerSettings>,
    buffers: MatchBuffers,
    currency: Currency,
}

impl RoundRobinMatches {
    /// A match player for the entrants of `round_robin`, paying payoffs in
    /// `currency`.
    #[must_use]
    pub fn new(round_robin: &RoundRobin, currency: Currency) -> Self {
        let entrants = round_robin.entrants();
        let strategies: Vec<Box<dyn Strategy>> =
            entrants.iter().map(|e| e.strategy.clone()).collect();
        RoundRobinMatches {
            config: *round_robin.config(),
            sides: [strategies.clone(), strategies],
            settings: entrants.iter().map(|e| e.settings).collect(),
            buffers: MatchBuffers::without_moves(),
            currency,
        }
    }
}

impl MatchPlayer for RoundRobinMatches {
    fn play(&mut self, i: usize, j: usize, rng: &mut dyn Rng) -> (f64, f64) {
        let [first, second] = &mut self.sides;
        let result = play_match(
            &self.config,
            [first[i].as_mut(), second[j].as_mut()],
            &[self.settings[i], self.settings[j]],
            &mut self.buffers,
            rng,
        );
        let turns = f64::from(result.turns);
        let [mine, theirs] = &result.players;
        (
            total_in(mine, self.currency) / turns,
            total_in(theirs, self.currency) / turns,
        )
    }
}

/// An evolutionary process run on a tournament.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TournamentEvolution {
    /// The players' names, in order.
    pub names: Vec<String>,
    /// The currency selection acted on (the block's `fitness`).
    pub fitness: Currency,
    /// The round robin's mean payoffs per turn in that currency.
    pub table: PayoffTable,
    /// The round robin's mean number of rounds per match.
    pub mean_match_length: f64,
    /// What the process produced.
    pub outcome: EvolutionOutcome,
    /// For the stochastic processes, the analytic fixation probabilities of
    /// one mutant of each type among residents of each other type, on the
    /// mean payoff table.
    pub fixation: Option<FixationMatrix>,
    /// For the stochastic processes, the stationary distribution over the
    /// monomorphic states in the limit of rare mutations.
    pub stationary: Option<Vec<f64>>,
}

/// Plays the round robin, then runs the configured process on its payoffs
/// in the block's `fitness` currency (the mean table or freshly played
/// matches, as configured), seeded with the block's seed or else the round
/// robin's.
///
/// The block is checked against the round robin before anything is played:
/// one initial entry per player, and a `selection` that gives every payoff
/// the game can pay a positive, finite fitness
/// ([`EvolutionConfig::check_fitness`] on [`stage_payoff_range`]).
pub fn evolve_tournament(
    round_robin: &RoundRobin,
    config: &EvolutionConfig,
) -> Result<TournamentEvolution, ParameterError> {
    check_before_playing(round_robin, config)?;
    evolve_checked(round_robin, &round_robin.play(), config, &NoProgress)
}

/// The checks of an evolution block against its round robin that need no
/// play: one initial entry per player, a work estimate within the limit
/// ([`EvolutionConfig::check_work`]), and a `selection` that gives every
/// payoff the game can pay a positive, finite fitness.
fn check_before_playing(
    round_robin: &RoundRobin,
    config: &EvolutionConfig,
) -> Result<(), ParameterError> {
    check_every_pair_meets(round_robin)?;
    config.check_players(round_robin.entrants().len())?;
    config.check_work(
        round_robin.entrants().len(),
        round_robin.config().horizon(),
        crate::limits::round_robin_work(round_robin),
    )?;
    let (low, high) = stage_payoff_range(round_robin.config(), config.fitness());
    config.check_fitness(low, high)
}

/// Runs the configured process as [`evolve_tournament`] does, on `results`
/// (the round robin already played, as [`RoundRobin::play`] gives them),
/// telling `progress` the runs of a stochastic process and each finished
/// run (the deterministic dynamics count as one unit). The outcome is the
/// same as [`evolve_tournament`]'s, with any progress.
pub fn evolve_played(
    round_robin: &RoundRobin,
    results: &RoundRobinResults,
    config: &EvolutionConfig,
    progress: &dyn Progress,
) -> Result<TournamentEvolution, ParameterError> {
    check_before_playing(round_robin, config)?;
    evolve_checked(round_robin, results, config, progress)
}

/// The body of [`evolve_played`] and [`evolve_tournament`], which have run
/// [`check_before_playing`] already.
fn evolve_checked(
    round_robin: &RoundRobin,
    results: &RoundRobinResults,
    config: &EvolutionConfig,
    progress: &dyn Progress,
) -> Result<TournamentEvolution, ParameterError> {
    let fitness = config.fitness();
    let table = payoff_table(results, fitness)?;
    let seed = round_robin.seed();
    let outcome = match config.payoffs() {
        PayoffMode::Matches if config.process().is_stochastic() => evolve_sampled_reporting(
            config,
            table.len(),
            || RoundRobinMatches::new(round_robin, fitness),
            seed,
            progress,
        )?,
        // The deterministic dynamics need expected payoffs: the mean table.
        PayoffMode::Mean | PayoffMode::Matches => evolve_reporting(config, &table, seed, progress)?,
    };
    let fixation = analytic_fixation(config, &table)?;
    let stationary = fixation
        .as_ref()
        .map(FixationMatrix::stationary_distribution);
    Ok(TournamentEvolution {
        names: round_robin
            .entrants()
            .iter()
            .map(|e| e.name.clone())
            .collect(),
        fitness,
        table,
        mean_match_length: results.mean_match_length,
        outcome,
        fixation,
        stationary,
    })
}
