//! The match loop when the stage table stays the same for the whole match
//! and the players see true moves.

use rand_core::Rng;
use twolevel_game::{Action, Outcome, Politicization, View};

use super::{MatchBuffers, MatchConfig, MatchResult, Start, fixed_table_result, tremble};

/// The match loop when the stage table stays the same for the whole match
/// (fixed politicization, no election) and players see true moves.
///
/// The turn costs two decisions, one table lookup and, with `NOISY`, the
/// action-noise draws. Policy and political totals and cooperation counts
/// are computed at the end from the counts of the four outcomes; the
/// utility totals are the running scores the players saw.
pub(super) fn play_static<const NOISY: bool>(
    config: &MatchConfig,
    start: Start<'_, '_>,
    buffers: &mut MatchBuffers,
    rng: &mut dyn Rng,
) -> MatchResult {
    let Start {
        players: [first, second],
        calendar,
        payoffs,
        window,
    } = start;
    let turns = calendar.turns;
    let n = turns as usize;
    buffers.prepare(window, false);
    let [history0, history1] = &mut buffers.moves;
    history0.resize(window.capacity, Action::C);
    history1.resize(window.capacity, Action::C);
    let (moves0, moves1) = (history0.as_mut_slice(), history1.as_mut_slice());
    // The moves held, the last `held` of the rounds played: every
    // move, unless the window slid.
    let mut held = 0;

    let utility = payoffs
        .table
        .cells
        .map(|cell| [cell[0].utility, cell[1].utility]);
    let pis = payoffs.pis.map(Politicization::value);
    let mut counts = [0_u32; 4];
    // Without an election (a static match has none) the situation is the
    // same in every round except for the score, the last utility and,
    // when the players count the rounds left, the discount factor; each
    // round changes only those, and a view is the two histories and a
    // reference to the player's situation.
    let mut situations = payoffs.situations;
    let counts_rounds_left = calendar.known_length.is_some();
    let mut played = 0;
    while played < n {
        if held == window.capacity {
            window.slide(moves0);
            held = window.slide(moves1);
        }
        // The rounds until the window is full again or the match ends:
        // within them the index in the window runs with the round, as in a
        // match that keeps every move (the bounds checks fold away).
        let end = window.capacity.min(held + (n - played));
        let (segment0, segment1) = (&mut moves0[..end], &mut moves1[..end]);
        let first_round = played - held;
        for i in held..end {
            let t = first_round + i;
            if counts_rounds_left && t > 0 {
                let discount = calendar.round(t as u32).discount;
                situations[0].discount = discount[0];
                situations[1].discount = discount[1];
            }
            let (seen0, seen1) = (&segment0[..i], &segment1[..i]);
            let chosen0 = first.decide(&View::recent(seen0, seen1, t, &situations[0]), rng);
            let chosen1 = second.decide(&View::recent(seen1, seen0, t, &situations[1]), rng);
            let (played0, played1) = if NOISY {
                (
                    tremble(chosen0, config.action_noise, rng),
                    tremble(chosen1, config.action_noise, rng),
                )
            } else {
                (chosen0, chosen1)
            };
            segment0[i] = played0;
            segment1[i] = played1;
            let outcome = Outcome::new(played0, played1).index();
            counts[outcome] += 1;
            let [utility0, utility1] = utility[outcome];
            situations[0].score += utility0;
            situations[1].score += utility1;
            situations[0].last_utility = Some(utility0);
            situations[1].last_utility = Some(utility1);
        }
        played = first_round + end;
        held = end;
    }

    history0.truncate(held);
    history1.truncate(held);

    let scores = [situations[0].score, situations[1].score];
    fixed_table_result(turns, scores, &counts, &payoffs.table, pis)
}
