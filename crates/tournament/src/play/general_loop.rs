//! The match loop for everything else: perception noise, dynamic
//! politicization, election cycles.

use rand_core::Rng;
use twolevel_game::{Action, Outcome, Situation, Strategy, View};

use super::instruments::Ledger;
use super::{
    GameSwitch, MatchBuffers, MatchConfig, MatchResult, PlayerSettings, PlayerTotals, Start,
    Window, moving_levels_result, next_levels, orientations_at, tremble,
};

/// The match loop for everything else: perception noise, dynamic
/// politicization, election cycles, carrots and sticks (paid by `ledger`,
/// if any), a game that switches at the rounds of `schedule` (a ledger is
/// then given). Totals are summed round by round.
pub(super) fn play_general(
    config: &MatchConfig,
    start: Start<'_, '_>,
    settings: &[PlayerSettings; 2],
    buffers: &mut MatchBuffers,
    rng: &mut dyn Rng,
    (mut ledger, schedule): (Option<&mut Ledger>, &[GameSwitch]),
) -> MatchResult {
    let Start {
        players: [first, second],
        calendar,
        mut payoffs,
        window,
    } = start;
    let turns = calendar.turns;
    let perception = config.perception_noise > 0.0;
    buffers.prepare(window, perception);
    let dynamics = config.politics.dynamics();
    let visibilities = dynamics.map(|d| settings.map(|s| s.visibility.unwrap_or(d.visibility())));
    let election = config.election.as_ref();

    let MatchBuffers {
        moves, perceived, ..
    } = buffers;
    let mut totals = [PlayerTotals::default(); 2];
    let mut pi_sums = [0.0; 2];
    // The game in play and the next switch of the schedule.
    let mut game = &config.game;
    let mut next_switch = 0;

    for turn in 0..turns {
        let switch = schedule
            .get(next_switch)
            .filter(|switch| switch.round == turn);
        if let Some(switch) = switch {
            next_switch += 1;
            game = &switch.game;
            payoffs.switch_game(game);
            if let Some(ledger) = ledger.as_deref_mut() {
                ledger.set_outside(switch.instruments);
            }
        }
        if turn > 0 {
            let round = calendar.round(turn);
            for (k, situation) in payoffs.situations.iter_mut().enumerate() {
                situation.discount = round.discount[k];
                situation.rounds_to_election = round.rounds_to_election;
                situation.campaign = round.campaign;
            }
        }
        if let Some(ledger) = ledger.as_deref() {
            let pis = payoffs.pis;
            ledger.write_incentives(&mut payoffs.situations, |k| {
                game.effective_kappa(pis[k]).unwrap_or(0.0)
            });
        }
        let [played0, played1] = play_round_moves(
            [&mut *first, &mut *second],
            moves,
            perceived,
            window,
            &payoffs.situations,
            turn,
            config.action_noise,
            perception.then_some([config.perception_noise; 2]),
            rng,
        );

        let mut cell = payoffs.table.cells[Outcome::new(played0, played1).index()];
        if let Some(ledger) = ledger.as_deref_mut() {
            let kappas = |k: usize| game.effective_kappa(payoffs.pis[k]).unwrap_or(0.0);
            let weights = payoffs.situations.map(|s| s.political_weight);
            ledger.settle(&mut cell, [played0, played1], kappas, weights);
        }
        totals[0].add(&cell[0], played0);
        totals[1].add(&cell[1], played1);
        for (k, situation) in payoffs.situations.iter_mut().enumerate() {
            situation.score = totals[k].utility;
            situation.last_utility = Some(cell[k].utility);
        }
        pi_sums[0] += payoffs.pis[0].value();
        pi_sums[1] += payoffs.pis[1].value();

        let next_pis = next_levels(
            dynamics,
            visibilities,
            payoffs.pis,
            [played0, played1],
            settings,
        );
        let orientations = orientations_at(election, turn + 1, settings);
        payoffs.update(next_pis, orientations);
    }

    moving_levels_result(turns, totals, pi_sums, payoffs.pis)
}

/// One round's moves in the loops that ask the players each round (this
/// one and the arena loop): histories that filled the window slide to its
/// front, both players decide from their views (player 0 first), action
/// noise trembles the chosen moves (player 0's draw first), the played
/// moves are recorded and, with `perception` noise `[p0, p1]`, what each
/// player sees of its partner's move (player 0's perception first, each
/// with its own noise). Returns the moves played.
#[allow(clippy::too_many_arguments)]
#[inline]
pub(super) fn play_round_moves(
    [first, second]: [&mut dyn Strategy; 2],
    moves: &mut [Vec<Action>; 2],
    perceived: &mut [Vec<Action>; 2],
    window: Window,
    situations: &[Situation; 2],
    turn: u32,
    action_noise: f64,
    perception: Option<[f64; 2]>,
    rng: &mut dyn Rng,
) -> [Action; 2] {
    let [moves0, moves1] = moves;
    let [perceived0, perceived1] = perceived;
    if moves0.len() == window.capacity {
        for history in [&mut *moves0, moves1, perceived0, perceived1] {
            if !history.is_empty() {
                let held = window.slide(history);
                history.truncate(held);
            }
        }
    }
    let (seen_by0, seen_by1) = if perception.is_some() {
        (perceived0.as_slice(), perceived1.as_slice())
    } else {
        (moves1.as_slice(), moves0.as_slice())
    };
    let [situation0, situation1] = situations;
    let played = turn as usize;
    let chosen0 = first.decide(&View::recent(moves0, seen_by0, played, situation0), rng);
    let chosen1 = second.decide(&View::recent(moves1, seen_by1, played, situation1), rng);
    let played0 = tremble(chosen0, action_noise, rng);
    let played1 = tremble(chosen1, action_noise, rng);
    moves0.push(played0);
    moves1.push(played1);
    if let Some([noise0, noise1]) = perception {
        perceived0.push(tremble(played1, noise0, rng));
        perceived1.push(tremble(played0, noise1, rng));
    }
    [played0, played1]
}
