//! The match loop with domestic arenas (MODEL section 12,
//! `docs/actors.md`): [`play_arena_match`].
//!
//! Each round `t`, before the players decide, each side's arena acts on
//! its government from the state's current `pi_i`, the round's access,
//! whether the round is an election campaign and whether the partner
//! defected visibly in round `t - 1`:
//!
//! 1. budgeted actors spend what their rules say (their capability this
//!    round); every actor's influence weight `v_k` follows;
//! 2. the webs that touch the state pool their members' weights, and
//!    cross-border webs press with their foreign members' weight (the
//!    share `sigma_i` reversed);
//! 3. the channels' effects set the state's [`DomesticTerms`] in the
//!    round's stage table (lobby term, framing of `b_i` and `alpha_i`,
//!    epistemic factor on `kappa`), its perception noise
//!    (`p * noise_factor`, clamped into [0, 1]) and its media push on
//!    `pi_i`, added to the players' securitizing moves in the
//!    politicization dynamics after the round;
//! 4. the domestic position (the `v`-weighted median) is recorded.
//!
//! Everything else (the order of the RNG draws, the calendar, the
//! windows of bounded histories, the totals summed round by round) is the
//! general engine's. A match in which no domestic pressure is possible
//! ([`Domestic::presses_on`] is false: no arena, only inert arenas, no
//! live web) is played by [`play_match`](super::play_match) itself, so it
//! gives its bits and its RNG draws exactly; its record is filled from the
//! moves afterwards.

use rand_core::Rng;
use twolevel_game::actors::{SpendingCalendar, SpendingMoment, actor_payoff};
use twolevel_game::{Action, DomesticTerms, Outcome, Politicization, Strategy, View};

use super::arena_record::ArenaRecord;
use super::round::{Calendar, Payoffs, next_levels_securitized};
use super::{
    MatchBuffers, MatchConfig, MatchResult, PlayerSettings, PlayerTotals, draw_length,
    moving_levels_result, orientations_at, play_match_of_length, tremble,
};
use crate::domestic::Domestic;

/// Plays one match between two states' strategies with their domestic
/// arenas and the webs across them, and fills `record` with its per-round
/// series and per-actor totals.
///
/// `states` are the entrant indices of the two sides in `domestic`
/// (equal in self-play: each side then has its own copy of the arena).
/// When neither state can feel domestic pressure the result is exactly
/// [`play_match`](super::play_match)'s, with the same RNG draws; so is the
/// result of a match whose arenas' weights are all zero. See the [module
/// documentation](self) for the order of events.
#[allow(clippy::too_many_arguments)]
pub fn play_arena_match<'p>(
    config: &MatchConfig,
    players: [&'p mut (dyn Strategy + '_); 2],
    settings: &[PlayerSettings; 2],
    domestic: &Domestic,
    states: [usize; 2],
    buffers: &mut MatchBuffers,
    record: &mut ArenaRecord,
    rng: &mut dyn Rng,
) -> MatchResult {
    let [first, second] = players;
    let mut players: [&'p mut dyn Strategy; 2] = [first, second];
    let turns = draw_length(config.horizon, rng);
    let calendar = SpendingCalendar::new(config.horizon, config.election.as_ref());
    record.turns = turns;
    for (k, side) in record.sides.iter_mut().enumerate() {
        let actors = domestic.arena(states[k]).map_or(0, |a| a.actors().len());
        side.start(
            states[k],
            domestic.arena(states[k]).is_some(),
            actors,
            turns,
        );
    }
    if !domestic.presses_on(states) {
        return play_without_pressure(
            config, players, settings, domestic, states, buffers, record, rng, turns,
        );
    }
    record.scratch.load(domestic, states, &calendar);
    for player in players.iter_mut() {
        player.reset();
    }
    let window = buffers.window(&players, turns);
    let known_length = config.horizon.turns().filter(|_| config.length_known);
    let initial = config.politics.initial();
    let mut pis = settings.map(|s| s.politicization.unwrap_or(initial));
    let mut orientations = orientations_at(config.election.as_ref(), 0, settings);
    let round_calendar = Calendar::new(config, turns, known_length, settings);
    let mut payoffs = Payoffs::new(&config.game, pis, orientations, &round_calendar.round(0));
    let perception = config.perception_noise > 0.0;
    buffers.prepare(window, perception);
    let dynamics = config.politics.dynamics();
    let visibilities = dynamics.map(|d| settings.map(|s| s.visibility.unwrap_or(d.visibility())));
    // How visible each side's defection is to the other's responsive
    // actors: as visible as to the politicization dynamics, or fully
    // without them.
    let seen = visibilities.unwrap_or([1.0; 2]);
    let election = config.election.as_ref();
    let gamma = config.game.gamma();

    let MatchBuffers {
        moves, perceived, ..
    } = buffers;
    let [moves0, moves1] = moves;
    let [perceived0, perceived1] = perceived;
    let [first, second] = players;
    let mut totals = [PlayerTotals::default(); 2];
    let mut pi_sums = [0.0; 2];
    let mut terms = [DomesticTerms::NEUTRAL; 2];
    let mut last = [Action::C; 2];

    for turn in 0..turns {
        let round = round_calendar.round(turn);
        if turn > 0 {
            for (k, situation) in payoffs.situations.iter_mut().enumerate() {
                situation.discount = round.discount[k];
                situation.rounds_to_election = round.rounds_to_election;
                situation.campaign = round.campaign;
            }
        }
        // The arenas act.
        let moments = [0, 1].map(|k| SpendingMoment {
            round: turn,
            campaign: round.campaign,
            partner_defected: turn > 0 && last[1 - k].is_defection() && seen[1 - k] > 0.0,
            pi: pis[k].value(),
        });
        let scratch = &mut record.scratch;
        scratch.weigh(domestic, states, &moments, gamma);
        let pressures = [0, 1].map(|k| scratch.press(domestic, k, turn));
        let next_terms = pressures.map(|p| DomesticTerms {
            lobby: p.effects.lobby,
            audience_bonus: p.effects.audience_bonus,
            accountability: p.effects.accountability,
            kappa_factor: p.kappa_factor,
        });
        // One rebuild of the table a round at most: when the levels, the
        // orientations or the domestic terms moved.
        if pis != payoffs.pis || orientations != payoffs.orientations || next_terms != terms {
            terms = next_terms;
            payoffs.refill(pis, orientations, Some(&terms));
        }
        let noise = pressures.map(|p| {
            if perception {
                (config.perception_noise * p.effects.noise_factor).clamp(0.0, 1.0)
            } else {
                0.0
            }
        });

        if moves0.len() == window.capacity {
            for history in [&mut *moves0, moves1, perceived0, perceived1] {
                if !history.is_empty() {
                    let held = window.slide(history);
                    history.truncate(held);
                }
            }
        }
        let (seen_by0, seen_by1) = if perception {
            (perceived0.as_slice(), perceived1.as_slice())
        } else {
            (moves1.as_slice(), moves0.as_slice())
        };
        let [situation0, situation1] = &payoffs.situations;
        let played = turn as usize;
        let chosen0 = first.decide(&View::recent(moves0, seen_by0, played, situation0), rng);
        let chosen1 = second.decide(&View::recent(moves1, seen_by1, played, situation1), rng);
        let played0 = tremble(chosen0, config.action_noise, rng);
        let played1 = tremble(chosen1, config.action_noise, rng);
        moves0.push(played0);
        moves1.push(played1);
        if perception {
            perceived0.push(tremble(played1, noise[0], rng));
            perceived1.push(tremble(played0, noise[1], rng));
        }

        let outcome = Outcome::new(played0, played1);
        let cell = &payoffs.table.cells[outcome.index()];
        totals[0].add(&cell[0], played0);
        totals[1].add(&cell[1], played1);
        for (k, situation) in payoffs.situations.iter_mut().enumerate() {
            situation.score = totals[k].utility;
            situation.last_utility = Some(cell[k].utility);
        }
        pi_sums[0] += payoffs.pis[0].value();
        pi_sums[1] += payoffs.pis[1].value();
        last = [played0, played1];
        let coop_share = f64::from(outcome.cooperators()) / 2.0;
        for k in 0..2 {
            let side = &mut record.sides[k];
            let scratch = &record.scratch.sides[k];
            let pressure = &pressures[k];
            side.positions.push(pressure.position);
            side.politicization.push(payoffs.pis[k].value());
            side.cooperation.push(last[k].is_cooperation());
            side.lobby.push(pressure.effects.lobby);
            side.pi_push.push(pressure.effects.pi_push);
            for (a, actor) in side.actors.iter_mut().enumerate() {
                if pressure.engaged > 0.0 {
                    actor.mean_share += scratch.effective[a] / pressure.engaged;
                }
                actor.spent += scratch.spent[a];
                actor.payoff += actor_payoff(
                    scratch.salience[a],
                    scratch.position[a],
                    coop_share,
                    scratch.spent[a],
                );
            }
        }

        let securitizing = [0, 1].map(|k| settings[k].securitizing + pressures[k].effects.pi_push);
        let next_pis = next_levels_securitized(
            dynamics,
            visibilities,
            payoffs.pis,
            [played0, played1],
            securitizing,
        );
        pis = next_pis;
        orientations = orientations_at(election, turn + 1, settings);
    }
    finish_shares(record, turns);
    moving_levels_result(turns, totals, pi_sums, pis)
}

/// Turns the summed shares into means.
fn finish_shares(record: &mut ArenaRecord, turns: u32) {
    let turns = f64::from(turns.max(1));
    for side in record.sides.iter_mut() {
        for actor in side.actors.iter_mut() {
            actor.mean_share /= turns;
        }
    }
}

/// A match no arena presses on: played by the engine of
/// [`play_match`](super::play_match), then recorded from its moves.
#[allow(clippy::too_many_arguments)]
fn play_without_pressure(
    config: &MatchConfig,
    players: [&mut dyn Strategy; 2],
    settings: &[PlayerSettings; 2],
    domestic: &Domestic,
    states: [usize; 2],
    buffers: &mut MatchBuffers,
    record: &mut ArenaRecord,
    rng: &mut dyn Rng,
    turns: u32,
) -> MatchResult {
    // The record needs every move; buffers that would keep only a
    // window are swapped for the record's own (the results do not depend
    // on the window).
    let whole = buffers.window(&players, turns).is_whole();
    let ArenaRecord { sides, scratch, .. } = record;
    let held = if whole { buffers } else { &mut scratch.whole };
    let result = play_match_of_length(config, players, settings, held, rng, turns);
    let dynamics = config.politics.dynamics();
    let visibilities = dynamics.map(|d| settings.map(|s| s.visibility.unwrap_or(d.visibility())));
    let initial = config.politics.initial();
    let mut pis: [Politicization; 2] = settings.map(|s| s.politicization.unwrap_or(initial));
    let securitizing = [settings[0].securitizing, settings[1].securitizing];
    for t in 0..turns as usize {
        let played = [held.moves[0][t], held.moves[1][t]];
        let coop_share = f64::from(Outcome::new(played[0], played[1]).cooperators()) / 2.0;
        for (k, side) in sides.iter_mut().enumerate() {
            side.positions.push(f64::NAN);
            side.politicization.push(pis[k].value());
            side.cooperation.push(played[k].is_cooperation());
            side.lobby.push(0.0);
            side.pi_push.push(0.0);
            if let Some(arena) = domestic.arena(states[k]) {
                for (actor, out) in arena.actors().iter().zip(side.actors.iter_mut()) {
                    out.payoff += actor_payoff(actor.salience, actor.position, coop_share, 0.0);
                }
            }
        }
        pis = next_levels_securitized(dynamics, visibilities, pis, played, securitizing);
    }
    result
}
