//! A match between the student and a registry strategy, move by move.
//!
//! The page keeps only the student's moves. Every request replays the
//! match from its start with the library's engine
//! ([`play_match_of_length`]): the student is a `Cycler` of the moves
//! made, the opponent the chosen strategy, the length is drawn from the
//! seed as [`play_match`](twolevel_tournament::play_match) draws it, and
//! the match runs for as many rounds as the student has moved. The
//! opponent sees the same history and the same random numbers in every
//! replay, so its earlier moves never change.

use serde::{Deserialize, Serialize};
use twolevel_game::{Currency, Politics};
use twolevel_strategies::Cycler;
use twolevel_strategies::registry::{self, StrategySpec};
use twolevel_tournament::play::draw_length;
use twolevel_tournament::seeding::match_rng;
use twolevel_tournament::{MatchBuffers, MatchConfig, PlayerSettings, play_match_of_length};

use crate::sliders::{Sliders, WebError};

/// The most rounds a match against the student may last.
pub const MAX_MOVES: usize = 10_000;

/// A match: the sliders, the opponent, the student's moves so far and the
/// seed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MatchRequest {
    /// The game, the players' political weight and the horizon.
    pub sliders: Sliders,
    /// The opponent: any registry strategy name.
    pub opponent: String,
    /// The student's moves, `C` and `D`, oldest first.
    pub moves: String,
    /// The seed of the match (its length and the opponent's random moves).
    pub seed: u64,
}

/// A player's totals over the rounds played, in each currency.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Totals {
    /// The policy payoff (absolute gains), comparable between players.
    pub policy: f64,
    /// The political (domestic) payoff.
    pub political: f64,
    /// The utility, blended with the player's `w_eff`.
    pub utility: f64,
}

impl Totals {
    /// The total in `currency`.
    #[must_use]
    pub fn get(&self, currency: Currency) -> f64 {
        match currency {
            Currency::Policy => self.policy,
            Currency::Political => self.political,
            Currency::Utility => self.utility,
        }
    }
}

/// The match so far.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MatchState {
    /// The opponent's name.
    pub opponent: String,
    /// The student's moves, as played.
    pub moves: String,
    /// The opponent's moves, as played.
    pub opponent_moves: String,
    /// The rounds played.
    pub turns: u32,
    /// The length of a fixed horizon (`None` for a continuation horizon,
    /// whose drawn length the student does not know).
    pub length: Option<u32>,
    /// Whether the match is over: the last round was played.
    pub finished: bool,
    /// The student's totals.
    pub you: Totals,
    /// The opponent's totals.
    pub them: Totals,
    /// The scores in words, with their currencies.
    pub words: String,
}

/// Replays the match of `request` up to the student's moves.
pub fn play(request: &MatchRequest) -> Result<MatchState, WebError> {
    let (game, orientation, pi, horizon) = request.sliders.check()?;
    let opponent = registry::build(&StrategySpec::new(request.opponent.as_str()))
        .map_err(|e| WebError::new("opponent", e.to_string()))?;
    let moves = request.moves.trim();
    if moves.len() > MAX_MOVES {
        return Err(WebError::new(
            "moves",
            format!("expected at most {MAX_MOVES} moves, got {}", moves.len()),
        ));
    }
    let config = MatchConfig::new(game, horizon)?.with_politics(Politics::Fixed(pi));
    let mut rng = match_rng(request.seed, 0, 1, 0);
    let length = draw_length(horizon, &mut rng);
    let turns = u32::try_from(moves.len()).unwrap_or(u32::MAX);
    if turns > length {
        return Err(WebError::new(
            "moves",
            format!("the match ended after {length} rounds, got {turns} moves"),
        ));
    }
    let mut state = MatchState {
        opponent: opponent.name().to_owned(),
        moves: String::new(),
        opponent_moves: String::new(),
        turns,
        length: horizon.turns(),
        finished: turns == length,
        you: Totals::default(),
        them: Totals::default(),
        words: String::new(),
    };
    if turns > 0 {
        let mut you = Cycler::new(moves).map_err(|e| WebError::new("moves", e.reason))?;
        let mut them = opponent;
        let settings = [PlayerSettings::new(orientation, None)?; 2];
        let mut buffers = MatchBuffers::new();
        let result = play_match_of_length(
            &config,
            [&mut you, them.as_mut()],
            &settings,
            &mut buffers,
            &mut rng,
            turns,
        );
        let totals = |k: usize| Totals {
            policy: result.players[k].policy,
            political: result.players[k].political,
            utility: result.players[k].utility,
        };
        state.moves = buffers.move_string(0);
        state.opponent_moves = buffers.move_string(1);
        state.you = totals(0);
        state.them = totals(1);
    }
    state.words = words(&state);
    Ok(state)
}

/// The scores of `state` in words, with their currencies.
fn words(state: &MatchState) -> String {
    let rounds = match state.turns {
        1 => "1 round".to_owned(),
        n => format!("{n} rounds"),
    };
    let side = |who: &str, totals: &Totals| {
        format!(
            "{who} {:.2} in policy payoff, {:.2} in political payoff and {:.2} in utility",
            totals.policy, totals.political, totals.utility
        )
    };
    let end = match (state.finished, state.length) {
        (false, _) => "",
        (true, Some(_)) => " The match is over.",
        (true, None) => {
            " The match is over: no other round followed this one (the continuation draw); \
             start a new match or change the seed to play again."
        }
    };
    format!(
        "After {rounds}: {}; {}.{end}",
        side("you have", &state.you),
        side(&format!("{} has", state.opponent), &state.them)
    )
}
