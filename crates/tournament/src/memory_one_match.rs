//! The match loop between two memory-one players.
//!
//! When both strategies of a match report a rule
//! ([`Strategy::memory_one`]), [`play_match`](crate::play_match) plays them
//! here instead of calling their `decide`: the state of the match is the
//! outcome of the last round as each player saw it, and a round is two
//! look-ups of a cooperation probability, the draws [`random_choice`]
//! makes for them, the noise draws and the payoff. No view is built and no
//! virtual call is made.
//!
//! Everything else is as the general engine does it, bit for bit (the
//! property tests in `tests/memory_one_fast_path.rs` compare the two): the
//! RNG is drawn in the same order (player 0's decision, player 1's, player
//! 0's action noise, player 1's, then player 0's perception, player 1's),
//! a probability of 0 or 1 draws nothing, and the totals are summed with
//! the same floating-point additions in the same order. A match paid from
//! one table (fixed levels, no election, no perception noise) keeps the
//! running utility scores and the counts of the four outcomes, as the
//! static engine does; any other match sums its totals round by round, as
//! the general engine does, but computes only the realised outcome's
//! payoffs ([`StageTableBuilder::outcome_payoffs`]) instead of refilling
//! the whole table when a level or an orientation moves, since memory-one
//! players do not read their payoffs.
//!
//! The moves are written to the [`MatchBuffers`] as the other loops write
//! them.

use rand_core::Rng;
use twolevel_game::{
    Action, MemoryOnePlayer, Outcome, Politicization, StageTable, StageTableBuilder, Strategy,
};
use twolevel_strategies::memory_one::random_choice;

use crate::play::{
    MatchBuffers, MatchConfig, MatchResult, PlayerSettings, PlayerTotals, Window,
    fixed_table_result, moving_levels_result, orientations_at, tremble,
};

/// Plays the match of `turns` rounds when both players are memory-one
/// (after they were reset), and returns `None`, touching nothing, when one
/// of them is not.
pub(crate) fn play_memory_one(
    config: &MatchConfig,
    players: &[&mut dyn Strategy; 2],
    settings: &[PlayerSettings; 2],
    buffers: &mut MatchBuffers,
    rng: &mut dyn Rng,
    turns: u32,
) -> Option<MatchResult> {
    let rules = [players[0].memory_one()?, players[1].memory_one()?];
    let initial = config.politics().initial();
    let pis = settings.map(|s| s.politicization().unwrap_or(initial));
    let orientations = orientations_at(config.election(), 0, settings);
    let builder = StageTableBuilder::new(config.game());
    let mut table = StageTable::default();
    builder.fill(&mut table, pis, orientations);
    let moving = config.politics().is_dynamic() || config.election().is_some();
    let result = if moving || config.perception_noise() > 0.0 {
        let start = Levels {
            builder,
            table,
            pis,
            moving,
        };
        play_summed(config, &rules, start, settings, buffers, rng, turns)
    } else {
        let pis = pis.map(Politicization::value);
        let deterministic = rules.iter().all(MemoryOnePlayer::is_deterministic);
        if deterministic && config.action_noise() == 0.0 {
            play_fixed_path(&rules, &table, pis, buffers, rng, turns)
        } else {
            play_one_table(config, &rules, &table, pis, buffers, rng, turns)
        }
    };
    Some(result)
}

/// Each player's moves, as long as the match, for the loops to write into.
fn move_slices(buffers: &mut MatchBuffers, turns: u32) -> [&mut [Action]; 2] {
    let n = turns as usize;
    buffers.prepare(Window::new(turns, None), false);
    buffers.moves.each_mut().map(|moves| {
        moves.resize(n, Action::C);
        &mut moves[..n]
    })
}

/// A noiseless match between two deterministic memory-one players, paid
/// from one table: each outcome determines the next, so a round is one
/// look-up of the next outcome, the two moves, the count and the two
/// scores.
fn play_fixed_path(
    rules: &[MemoryOnePlayer; 2],
    table: &StageTable,
    pis: [f64; 2],
    buffers: &mut MatchBuffers,
    rng: &mut dyn Rng,
    turns: u32,
) -> MatchResult {
    let (first, next) = fixed_path(rules, rng);
    let utility = table.cells.map(|cell| [cell[0].utility, cell[1].utility]);
    let [moves0, moves1] = move_slices(buffers, turns);
    let mut counts = [0_u32; 4];
    let mut scores = [0.0; 2];
    let mut outcome = first;
    for (move0, move1) in moves0.iter_mut().zip(moves1.iter_mut()) {
        let Outcome { own, partner } = Outcome::ALL[outcome];
        *move0 = own;
        *move1 = partner;
        counts[outcome] += 1;
        scores[0] += utility[outcome][0];
        scores[1] += utility[outcome][1];
        outcome = next[outcome];
    }
    fixed_table_result(turns, scores, &counts, table, pis)
}

/// The path of a noiseless match between two deterministic memory-one
/// players: the index of the first round's outcome and, for each outcome,
/// the index of the outcome that follows it.
fn fixed_path(rules: &[MemoryOnePlayer; 2], rng: &mut dyn Rng) -> (usize, [usize; 4]) {
    // Deterministic probabilities are 0 or 1, for which `random_choice`
    // draws nothing.
    let mut choose = |p: f64| random_choice(p, rng);
    let first = Outcome::new(
        choose(rules[0].first_cooperation()),
        choose(rules[1].first_cooperation()),
    );
    let next = Outcome::ALL.map(|outcome| {
        Outcome::new(
            choose(rules[0].cooperation_after(outcome)),
            choose(rules[1].cooperation_after(outcome.swap())),
        )
        .index()
    });
    (first.index(), next)
}

/// A match paid from one table in which a player draws (a stochastic rule
/// or action noise) and both see true moves.
fn play_one_table(
    config: &MatchConfig,
    rules: &[MemoryOnePlayer; 2],
    table: &StageTable,
    pis: [f64; 2],
    buffers: &mut MatchBuffers,
    rng: &mut dyn Rng,
    turns: u32,
) -> MatchResult {
    let noise = config.action_noise();
    let vectors = rules.map(|rule| rule.four_vector());
    let utility = table.cells.map(|cell| [cell[0].utility, cell[1].utility]);
    let [moves0, moves1] = move_slices(buffers, turns);
    let mut counts = [0_u32; 4];
    let mut scores = [0.0; 2];
    let mut p = rules.map(|rule| rule.first_cooperation());
    for (move0, move1) in moves0.iter_mut().zip(moves1.iter_mut()) {
        let chosen0 = random_choice(p[0], rng);
        let chosen1 = random_choice(p[1], rng);
        let played0 = tremble(chosen0, noise, rng);
        let played1 = tremble(chosen1, noise, rng);
        *move0 = played0;
        *move1 = played1;
        let outcome = Outcome::new(played0, played1).index();
        counts[outcome] += 1;
        scores[0] += utility[outcome][0];
        scores[1] += utility[outcome][1];
        p = [
            vectors[0][outcome],
            vectors[1][Outcome::new(played1, played0).index()],
        ];
    }
    fixed_table_result(turns, scores, &counts, table, pis)
}

/// The payoffs of a match whose totals are summed round by round.
struct Levels {
    /// The level-free parts of the game's tables.
    builder: StageTableBuilder,
    /// The table of the first round's levels and orientations, used in
    /// every round when nothing moves.
    table: StageTable,
    /// The first round's levels.
    pis: [Politicization; 2],
    /// Whether a level or an orientation may move (dynamic politics or an
    /// election cycle).
    moving: bool,
}

/// A match with perception noise, dynamic politicization or an election
/// cycle: totals and levels summed round by round, the payoffs of the
/// realised outcome computed at the round's levels and orientations.
///
/// A memory-one player's move depends on the moves it saw, never on its
/// payoffs, so the match is played in two passes: first the moves (every
/// RNG draw, in the engine's order), then the payoffs, levels and totals
/// over the written moves. The second pass draws nothing and does the same
/// floating-point operations in the same order as a single pass would.
fn play_summed(
    config: &MatchConfig,
    rules: &[MemoryOnePlayer; 2],
    start: Levels,
    settings: &[PlayerSettings; 2],
    buffers: &mut MatchBuffers,
    rng: &mut dyn Rng,
    turns: u32,
) -> MatchResult {
    let [moves0, moves1] = move_slices(buffers, turns);
    let noiseless = config.action_noise() == 0.0 && config.perception_noise() == 0.0;
    if noiseless && rules.iter().all(MemoryOnePlayer::is_deterministic) {
        let (first, next) = fixed_path(rules, rng);
        let mut outcome = first;
        for (move0, move1) in moves0.iter_mut().zip(moves1.iter_mut()) {
            let Outcome { own, partner } = Outcome::ALL[outcome];
            *move0 = own;
            *move1 = partner;
            outcome = next[outcome];
        }
    } else {
        draw_moves(config, rules, moves0, moves1, rng);
    }
    sum_payoffs(config, start, settings, moves0, moves1)
}

/// Writes the moves of a match in which a player draws (a stochastic rule,
/// action or perception noise), drawing in the engine's order: both
/// decisions, both action-noise draws, both perception-noise draws.
fn draw_moves(
    config: &MatchConfig,
    rules: &[MemoryOnePlayer; 2],
    moves0: &mut [Action],
    moves1: &mut [Action],
    rng: &mut dyn Rng,
) {
    let action_noise = config.action_noise();
    let perception_noise = config.perception_noise();
    let vectors = rules.map(|rule| rule.four_vector());
    let mut p = rules.map(|rule| rule.first_cooperation());
    for (move0, move1) in moves0.iter_mut().zip(moves1.iter_mut()) {
        let chosen0 = random_choice(p[0], rng);
        let chosen1 = random_choice(p[1], rng);
        let played0 = tremble(chosen0, action_noise, rng);
        let played1 = tremble(chosen1, action_noise, rng);
        *move0 = played0;
        *move1 = played1;
        // What each player saw of its partner's move.
        let seen_by0 = tremble(played1, perception_noise, rng);
        let seen_by1 = tremble(played0, perception_noise, rng);
        p = [
            vectors[0][Outcome::new(played0, seen_by0).index()],
            vectors[1][Outcome::new(played1, seen_by1).index()],
        ];
    }
}

/// The totals of a match whose moves are written: each round's realised
/// outcome paid at the round's levels and orientations, and the levels
/// moved by the round's public defections.
fn sum_payoffs(
    config: &MatchConfig,
    start: Levels,
    settings: &[PlayerSettings; 2],
    moves0: &[Action],
    moves1: &[Action],
) -> MatchResult {
    let Levels {
        builder,
        table,
        mut pis,
        moving,
    } = start;
    // The dynamics, with each outcome's rise of both levels computed once.
    let dynamics = config.politics().dynamics().map(|d| {
        let visibilities = settings.map(|s| s.visibility().unwrap_or(d.visibility()));
        (d, d.lifts(visibilities))
    });
    let securitizing = settings.map(|s| s.securitizing());
    let election = config.election();
    let mut totals = [PlayerTotals::default(); 2];
    let mut pi_sums = [0.0; 2];
    let mut oriented = builder.oriented(orientations_at(election, 0, settings));
    for (turn, (&played0, &played1)) in (0..).zip(moves0.iter().zip(moves1)) {
        let outcome = Outcome::new(played0, played1);
        let cell = if moving {
            builder.oriented_outcome_payoffs(outcome, pis, &oriented)
        } else {
            table.cells[outcome.index()]
        };
        totals[0].add(&cell[0], played0);
        totals[1].add(&cell[1], played1);
        pi_sums[0] += pis[0].value();
        pi_sums[1] += pis[1].value();

        if let Some((dynamics, lifts)) = &dynamics {
            let lift = lifts[outcome.index()];
            pis = [
                dynamics.next_lifted(pis[0], lift[0], securitizing[0]),
                dynamics.next_lifted(pis[1], lift[1], securitizing[1]),
            ];
        }
        if election.is_some() {
            oriented = builder.oriented(orientations_at(election, turn + 1, settings));
        }
    }
    let turns = u32::try_from(moves0.len()).unwrap_or(u32::MAX);
    moving_levels_result(turns, totals, pi_sums, pis)
}
