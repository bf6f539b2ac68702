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
//! property tests in `tests/it/match_engine/memory_one_fast_path.rs` compare the two): the
//! RNG is drawn in the same order (player 0's decision, player 1's, player
//! 0's action noise, player 1's, then player 0's perception, player 1's),
//! a probability of 0 or 1 draws nothing, and the totals are summed with
//! the same floating-point additions in the same order. A match paid from
//! one table (fixed levels, no election, no perception noise) keeps the
//! running utility scores and the counts of the four outcomes, as the
//! static engine does; any other match sums its totals round by round, as
//! the general engine does, but computes only the realised outcome's
//! payoffs ([`StageTableBuilder::oriented_outcome_payoffs`]) instead of
//! refilling the whole table when a level or an orientation moves, since
//! memory-one players do not read their payoffs.
//!
//! The moves are written to the [`MatchBuffers`] as the other loops write
//! them.

use rand_core::Rng;
use twolevel_game::{
    Action, ElectionCycle, MemoryOnePlayer, Outcome, Politicization, PoliticizationDynamics,
    StageTable, StageTableBuilder, Strategy,
};
use twolevel_strategies::draw::random_choice;

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
///
/// One pass, on purpose: writing the path in blocks first
/// ([`write_fixed_path`], which pays in the moving-levels match) and then
/// counting over the moves measured about half as fast here (criterion,
/// 2026-12-01: 204 to 235 against 413 to 419 million turns/s).
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
    write_moves(config, rules, moves0, moves1, rng);
    sum_payoffs(config, start, settings, moves0, moves1)
}

/// Writes every move of a match of `turns` rounds between two memory-one
/// players (after they were reset) into `buffers`, with the RNG draws of
/// [`play_memory_one`]; returns `false`, touching nothing, when one of
/// them is not memory-one. A match whose payoffs do not feel its players'
/// moves until after the round (a domestic arena without perception
/// noise) is then paid over the written moves.
pub(crate) fn write_memory_one_moves(
    config: &MatchConfig,
    players: &[&mut dyn Strategy; 2],
    buffers: &mut MatchBuffers,
    rng: &mut dyn Rng,
    turns: u32,
) -> bool {
    let (Some(first), Some(second)) = (players[0].memory_one(), players[1].memory_one()) else {
        return false;
    };
    let [moves0, moves1] = move_slices(buffers, turns);
    write_moves(config, &[first, second], moves0, moves1, rng);
    true
}

/// Writes the moves of a match between two memory-one players: the
/// path of two deterministic players in a noiseless match, the drawn
/// moves otherwise.
fn write_moves(
    config: &MatchConfig,
    rules: &[MemoryOnePlayer; 2],
    moves0: &mut [Action],
    moves1: &mut [Action],
    rng: &mut dyn Rng,
) {
    let noiseless = config.action_noise() == 0.0 && config.perception_noise() == 0.0;
    if noiseless && rules.iter().all(MemoryOnePlayer::is_deterministic) {
        let (first, next) = fixed_path(rules, rng);
        write_fixed_path(first, &next, moves0, moves1);
    } else {
        draw_moves(config, rules, moves0, moves1, rng);
    }
}

/// Writes the moves of a noiseless match between deterministic memory-one
/// players whose first outcome and successors are `first` and `next` (see
/// [`fixed_path`]).
///
/// A path through four outcomes repeats itself, with a period of at most
/// four rounds, from one of its first four rounds on; so the rounds up to
/// the first repeat are followed one by one and the rest is copied in
/// blocks of the repeating part, instead of looking up every round's
/// successor after the last.
fn write_fixed_path(first: usize, next: &[usize; 4], moves0: &mut [Action], moves1: &mut [Action]) {
    // The outcomes up to the first repeat, and where the repeat starts.
    let mut path = [0_usize; 4];
    let mut seen = [None; 4];
    let mut length = 0;
    let mut outcome = first;
    let cycle_start = loop {
        if let Some(round) = seen[outcome] {
            break round;
        }
        seen[outcome] = Some(length);
        path[length] = outcome;
        length += 1;
        outcome = next[outcome];
    };
    let period = length - cycle_start;
    let head = length.min(moves0.len());
    for (round, &outcome) in path[..head].iter().enumerate() {
        moves0[round] = Outcome::ALL[outcome].own;
        moves1[round] = Outcome::ALL[outcome].partner;
    }
    // A block of whole periods (48 is a multiple of 1, 2, 3 and 4) that
    // starts where the path first comes back to `path[cycle_start]`.
    const BLOCK: usize = 48;
    let block = |k: usize| -> [Action; BLOCK] {
        std::array::from_fn(|i| {
            let Outcome { own, partner } = Outcome::ALL[path[cycle_start + i % period]];
            [own, partner][k]
        })
    };
    for (moves, k) in [(moves0, 0), (moves1, 1)] {
        let block = block(k);
        for chunk in moves[head..].chunks_mut(BLOCK) {
            chunk.copy_from_slice(&block[..chunk.len()]);
        }
    }
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
    let election = config.election();
    let dynamics = config.politics().dynamics();
    // The dynamics, with each outcome's rise of both levels computed once
    // (no rise without dynamics, where they are not used).
    let lifts = dynamics.map_or([[0.0; 2]; 4], |d| {
        d.lifts(settings.map(|s| s.visibility().unwrap_or(d.visibility())))
    });
    let rounds = Rounds {
        dynamics: dynamics.copied().unwrap_or_default(),
        lifts,
        securitizing: settings.map(|s| s.securitizing()),
        election,
        settings,
    };
    // Each kind of match gets its own copy of the loop, without the tests
    // of what it does not have.
    let (totals, pi_sums, pis) = match (start.moving, dynamics.is_some(), election.is_some()) {
        (false, _, _) => rounds.sum::<false, false>(&start, moves0, moves1),
        (true, true, false) => rounds.sum::<true, false>(&start, moves0, moves1),
        (true, true, true) => rounds.sum::<true, true>(&start, moves0, moves1),
        (true, false, _) => rounds.sum::<false, true>(&start, moves0, moves1),
    };
    let turns = u32::try_from(moves0.len()).unwrap_or(u32::MAX);
    moving_levels_result(turns, totals, pi_sums, pis)
}

/// What moves the levels and orientations of a match from round to round.
struct Rounds<'a> {
    /// The politicization dynamics (unused without them).
    dynamics: PoliticizationDynamics,
    /// Each outcome's rise of both levels ([`PoliticizationDynamics::lifts`]).
    lifts: [[f64; 2]; 4],
    /// Each player's securitizing move.
    securitizing: [f64; 2],
    /// The election cycle, if any.
    election: Option<&'a ElectionCycle>,
    /// The players' settings.
    settings: &'a [PlayerSettings; 2],
}

impl Rounds<'_> {
    /// Sums the totals and levels of the rounds whose moves are written,
    /// with the levels moved by the dynamics when `DYNAMIC` and the
    /// orientations by the election cycle when `ELECTION`; each round's
    /// payoffs come from the first round's table when neither moves.
    /// Returns the totals, the sums of the levels and the last levels.
    #[inline]
    fn sum<const DYNAMIC: bool, const ELECTION: bool>(
        &self,
        start: &Levels,
        moves0: &[Action],
        moves1: &[Action],
    ) -> ([PlayerTotals; 2], [f64; 2], [Politicization; 2]) {
        let builder = &start.builder;
        let mut pis = start.pis;
        let mut totals = [PlayerTotals::default(); 2];
        let mut pi_sums = [0.0; 2];
        let mut oriented = builder.oriented(orientations_at(self.election, 0, self.settings));
        for (turn, (&played0, &played1)) in (0..).zip(moves0.iter().zip(moves1)) {
            let outcome = Outcome::new(played0, played1);
            let cell = if DYNAMIC || ELECTION {
                builder.oriented_outcome_payoffs(outcome, pis, &oriented)
            } else {
                start.table.cells[outcome.index()]
            };
            totals[0].add(&cell[0], played0);
            totals[1].add(&cell[1], played1);
            pi_sums[0] += pis[0].value();
            pi_sums[1] += pis[1].value();
            if DYNAMIC {
                let lift = self.lifts[outcome.index()];
                pis = [
                    self.dynamics
                        .next_lifted(pis[0], lift[0], self.securitizing[0]),
                    self.dynamics
                        .next_lifted(pis[1], lift[1], self.securitizing[1]),
                ];
            }
            if ELECTION {
                oriented =
                    builder.oriented(orientations_at(self.election, turn + 1, self.settings));
            }
        }
        (totals, pi_sums, pis)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every successor table, first outcome and length: the block-copied
    /// path equals the path followed round by round.
    #[test]
    fn fixed_paths_written_in_blocks_equal_the_rounds_followed_one_by_one() {
        for code in 0..256_usize {
            let next = [0, 1, 2, 3].map(|k| (code >> (2 * k)) & 3);
            for first in 0..4 {
                for length in [0, 1, 2, 3, 4, 5, 7, 47, 48, 49, 52, 100, 200] {
                    let mut written = [vec![Action::C; length], vec![Action::C; length]];
                    let [moves0, moves1] = &mut written;
                    write_fixed_path(first, &next, moves0, moves1);
                    let mut followed = [Vec::new(), Vec::new()];
                    let mut outcome = first;
                    for _ in 0..length {
                        followed[0].push(Outcome::ALL[outcome].own);
                        followed[1].push(Outcome::ALL[outcome].partner);
                        outcome = next[outcome];
                    }
                    assert_eq!(
                        written, followed,
                        "next {next:?}, first {first}, {length} rounds"
                    );
                }
            }
        }
    }
}
