//! The match loop with domestic arenas (docs/actors.md,
//! `docs/actors.md`): [`play_arena_match`].
//!
//! The events of a round and the engines are documented on
//! [`play_arena_match`].

use rand_core::Rng;
use twolevel_game::actors::{SpendingCalendar, SpendingMoment};
use twolevel_game::{
    Action, DomesticTerms, Instruments, Outcome, Politicization, PoliticizationDynamics, Strategy,
};

use super::arena_record::{ArenaRecord, SeriesWriter, SideRecord, SideSummary};
use super::arena_scratch::{Pressure, Scratch, StaticArenas};
use super::general_loop::play_round_moves;
use super::instruments::Ledger;
use super::memory_one_match::write_memory_one_moves;
use super::round::{Calendar, Payoffs, next_levels_securitized};
use super::{
    MatchBuffers, MatchConfig, MatchResult, PlayerSettings, PlayerTotals, draw_length,
    moving_levels_result, orientations_at, play_match_of_length,
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
/// result of a match whose arenas' weights are all zero (every actor
/// without capability, salience or access).
///
/// ```
/// use rand::SeedableRng;
/// use rand_pcg::Pcg64Mcg;
/// use twolevel_game::actors::{Actor, ActorKind, Arena, Channel};
/// use twolevel_strategies::{Cooperator, Defector};
/// use twolevel_tournament::{
///     ArenaRecord, Domestic, MatchBuffers, MatchConfig, PlayerSettings, play_arena_match,
/// };
///
/// // State 0 has a pro-cooperation business lobby and a nationalist party.
/// let arena = Arena::of(vec![
///     Actor::new("exporters", ActorKind::Private, 3.0, 0.9, 1.0).with_channels([Channel::Lobby]),
///     Actor::new("party", ActorKind::Politician, 1.0, 0.1, 1.0).with_channels([Channel::Lobby]),
/// ])?;
/// let domestic = Domestic::new(vec![Some(arena), None], vec![])?;
/// let config = MatchConfig::classic(10)?;
/// let (mut record, mut buffers) = (ArenaRecord::new(), MatchBuffers::new());
/// let mut rng = Pcg64Mcg::seed_from_u64(1);
/// let result = play_arena_match(
///     &config,
///     [&mut Cooperator, &mut Defector],
///     &[PlayerSettings::POLICY; 2],
///     &domestic,
///     [0, 1],
///     &mut buffers,
///     &mut record,
///     &mut rng,
/// );
/// // The domestic position is the exporters' (3 of 4 weight units), and
/// // cooperating earns the lobby term (3 * 0.8 - 1 * 0.8) / 4 = 0.4 a round.
/// assert_eq!(record.side(0).position(0), Some(0.9));
/// assert!((record.side(0).lobby()[0] - 0.4).abs() < 1e-12);
/// assert_eq!(result.players[0].cooperations, 10);
/// # Ok::<(), twolevel_game::ParameterError>(())
/// ```
///
/// Each round `t`, before the players decide, each side's arena acts on
/// its government from the state's current `pi_i`, the round's access,
/// whether the round is an election campaign and whether the partner
/// defected visibly in round `t - 1`:
///
/// 1. budgeted actors spend what their rules say (their capability this
///    round); every actor's influence weight `v_k` follows;
/// 2. the webs that touch the state pool their members' weights, and
///    cross-border webs press with their foreign members' weight (the
///    share `sigma_i` reversed);
/// 3. the channels' effects set the state's [`DomesticTerms`] in the
///    round's stage table (lobby term, framing of `b_i` and `alpha_i`,
///    epistemic factor on `kappa`), its perception noise
///    (`p * noise_factor`, clamped into [0, 1]) and its media push on
///    `pi_i`, added to the players' securitizing moves in the
///    politicization dynamics after the round;
/// 4. the domestic position (the `v`-weighted median) is recorded.
///
/// Everything else (the order of the RNG draws, the calendar, the
/// windows of bounded histories, the totals summed round by round) is the
/// general engine's. Two memory-one players without perception noise do
/// not feel the arena in their moves (they read only the moves), so their
/// moves are written first, with the memory-one engine's draws, and the
/// rounds are paid over them, each outcome's payoffs computed alone
/// ([`StageTableBuilder::oriented_outcome_payoffs_with_terms`]); the bits
/// are those of the general loop.
///
/// A match in which no domestic pressure is possible
/// ([`Domestic::presses_on`] is false: no arena, only inert arenas, no
/// live web) is played by [`play_match`](super::play_match) itself, so it
/// gives its bits and its RNG draws exactly; its record is filled from the
/// moves afterwards.
///
/// Carrots and sticks ([`Instruments`](twolevel_game::Instruments)) are
/// paid as in [`play_match`](super::play_match) (`play/instruments.rs`):
/// a match with instruments takes the general arena loop (never the
/// written memory-one moves), and a transfer's relative gain is read
/// through the state's `kappa_eff_i` times its arena's epistemic factor.
///
/// Each actor's payoff, `sum_t s_k (coop_share_t - 1/2)(2 x_k - 1)` minus
/// what it spent, is computed at the end as `s_k (2 x_k - 1) sum_t
/// (coop_share_t - 1/2)` minus its spending.
///
/// [`StageTableBuilder::oriented_outcome_payoffs_with_terms`]: twolevel_game::StageTableBuilder::oriented_outcome_payoffs_with_terms
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
    record.turns = turns;
    let kept = record.kept_rounds(turns);
    for (k, side) in record.sides.iter_mut().enumerate() {
        let actors = domestic.arena(states[k]).map_or(0, |a| a.actors().len());
        side.start(states[k], domestic.arena(states[k]).is_some(), actors, kept);
    }
    if !domestic.presses_on(states) {
        let args = Args {
            config,
            settings,
            domestic,
            states,
        };
        return play_without_pressure(&args, players, buffers, record, rng, turns);
    }
    let calendar = SpendingCalendar::new(config.horizon, config.election.as_ref());
    record.scratch.load(domestic, states, &calendar);
    for player in players.iter_mut() {
        player.reset();
    }
    let mut ledger = Ledger::of(&players, [Instruments::NONE; 2]);
    let args = Args {
        config,
        settings,
        domestic,
        states,
    };
    let mut arena = ArenaRounds::new(&args, record.series_every);
    let result = if config.perception_noise == 0.0
        && ledger.is_none()
        && write_memory_one_moves(config, &players, buffers, rng, turns)
    {
        pay_written_moves(&args, &mut arena, buffers, record)
    } else {
        let ledger = ledger.as_mut();
        play_arena_general(
            &args, &mut arena, players, buffers, record, rng, turns, ledger,
        )
    };
    arena.finish(record);
    result
}

/// What every loop of an arena match is given.
struct Args<'a> {
    config: &'a MatchConfig,
    settings: &'a [PlayerSettings; 2],
    domestic: &'a Domestic,
    states: [usize; 2],
}

/// What the arena part of a match keeps from round to round.
struct ArenaRounds {
    gamma: f64,
    /// How visible each side's defection is to the other's responsive
    /// actors: as visible as to the politicization dynamics, fully
    /// without them.
    seen: [f64; 2],
    /// The politicization dynamics, if any, with each outcome's rise of
    /// both levels from its public defections
    /// ([`PoliticizationDynamics::lifts`], computed once a match).
    dynamics: Option<(PoliticizationDynamics, [[f64; 2]; 4])>,
    /// `sum_t (coop_share_t - 1/2)`.
    cooperation_excess: f64,
    /// The next round the record's series keep, and every how many rounds
    /// they keep one.
    samples: Samples,
}

/// Which rounds a record's series keep: a countdown rather than a
/// remainder a round.
struct Samples {
    next: u32,
    every: u32,
    /// The rounds kept so far.
    kept: usize,
}

impl Samples {
    /// From round 0, every `every`-th round (none for 0).
    fn new(every: u32) -> Self {
        Samples {
            next: if every == 0 { u32::MAX } else { 0 },
            every,
            kept: 0,
        }
    }

    /// The index in the series of round `turn`, if they keep it (asked
    /// once a round, in order).
    #[inline(always)]
    fn keeps(&mut self, turn: u32) -> Option<usize> {
        if turn != self.next {
            return None;
        }
        self.next = self.next.saturating_add(self.every);
        self.kept += 1;
        Some(self.kept - 1)
    }
}

/// What a match's loop carries from round to round besides its totals:
/// the levels of the round being played, their sum over the rounds
/// played, the levels the last round was paid at, and each side's summary
/// (held by the loop and written back at its end: kept in memory every
/// round otherwise).
#[derive(Clone, Copy)]
struct Levels {
    now: [Politicization; 2],
    sums: [f64; 2],
    paid: [Politicization; 2],
    summaries: [SideSummary; 2],
}

impl Levels {
    /// The levels of a match that starts at `initial`, its sides'
    /// summaries from `sides`.
    fn new(initial: [Politicization; 2], sides: &[SideRecord; 2]) -> Self {
        Levels {
            now: initial,
            sums: [0.0; 2],
            paid: initial,
            summaries: [sides[0].summary, sides[1].summary],
        }
    }
}

impl ArenaRounds {
    fn new(args: &Args<'_>, every: u32) -> Self {
        let dynamics = args.config.politics.dynamics();
        let visibilities = dynamics.map(|d| {
            args.settings
                .map(|s| s.visibility.unwrap_or(d.visibility()))
        });
        ArenaRounds {
            gamma: args.config.game.gamma(),
            seen: visibilities.unwrap_or([1.0; 2]),
            dynamics: dynamics.zip(visibilities).map(|(d, v)| (*d, d.lifts(v))),
            cooperation_excess: 0.0,
            samples: Samples::new(every),
        }
    }

    /// What the arenas do in round `turn` at the levels `pis`, after the
    /// moves `last` of the round before (if any).
    #[inline(always)]
    fn pressures(
        &self,
        args: &Args<'_>,
        scratch: &mut Scratch,
        turn: u32,
        campaign: bool,
        pis: [Politicization; 2],
        last: Option<[Action; 2]>,
    ) -> [Pressure; 2] {
        // Written out rather than mapped over [0, 1]: `array::map` was
        // not inlined here, and cost a seventh of the round.
        let defected = |k: usize| {
            last.is_some_and(|l: [Action; 2]| l[1 - k].is_defection() && self.seen[1 - k] > 0.0)
        };
        let moment = |k: usize| SpendingMoment {
            round: turn,
            campaign,
            partner_defected: defected(k),
            pi: pis[k].value(),
        };
        let moments = [moment(0), moment(1)];
        scratch.step(args.domestic, args.states, &moments, self.gamma)
    }

    /// Records round `turn`, `played` at `levels.now` under `pressures`
    /// (in the series and the summaries of `levels`), and moves `levels`
    /// to the next round.
    #[inline(always)]
    fn close(
        &mut self,
        args: &Args<'_>,
        series: &mut [SeriesWriter<'_>; 2],
        turn: u32,
        pressures: &[Pressure; 2],
        levels: &mut Levels,
        played: [Action; 2],
    ) {
        let pis = levels.now;
        levels.sums[0] += pis[0].value();
        levels.sums[1] += pis[1].value();
        levels.paid = pis;
        let sample = self.samples.keeps(turn);
        for (k, side) in series.iter_mut().enumerate() {
            let pressure = &pressures[k];
            levels.summaries[k].add_pressure(
                pressure.position,
                pressure.effects.lobby,
                pressure.effects.pi_push,
            );
            side.keep(
                sample,
                pressure.position,
                pis[k].value(),
                played[k].is_cooperation(),
                pressure.effects.lobby,
                pressure.effects.pi_push,
            );
        }
        // `next_levels_securitized`'s rule with the rises computed once.
        if let Some((dynamics, lifts)) = &self.dynamics {
            let lift = lifts[Outcome::new(played[0], played[1]).index()];
            let securitizing = [
                args.settings[0].securitizing + pressures[0].effects.pi_push,
                args.settings[1].securitizing + pressures[1].effects.pi_push,
            ];
            levels.now = [
                dynamics.next_lifted(pis[0], lift[0], securitizing[0]),
                dynamics.next_lifted(pis[1], lift[1], securitizing[1]),
            ];
        }
    }

    /// Ends a match of `turns` rounds whose loop added only the pressures
    /// to the summaries each round ([`ArenaRounds::close`]): counts its
    /// rounds, cooperations and levels (their sum and the levels the last
    /// round was paid at, in `levels`) from the loop's totals, sets
    /// `sum_t (coop_share_t - 1/2)`, and writes the summaries into
    /// `sides`. Each is the number a sum over the rounds gives: the
    /// level sums are the same additions, and the cooperation excess a
    /// sum of halves, exact.
    fn settle(
        &mut self,
        sides: &mut [SideRecord; 2],
        totals: &[PlayerTotals; 2],
        levels: &Levels,
        turns: u32,
    ) {
        debug_assert!(
            sides
                .iter()
                .all(|side| side.positions.len() == self.samples.kept),
            "every place of the series is written by the match"
        );
        let cooperations = totals[0].cooperations + totals[1].cooperations;
        self.cooperation_excess = f64::from(cooperations) * 0.5 - f64::from(turns) * 0.5;
        for (k, (side, mut summary)) in sides.iter_mut().zip(levels.summaries).enumerate() {
            let last = (turns > 0).then(|| levels.paid[k].value());
            summary.count(turns, totals[k].cooperations, levels.sums[k], last);
            side.summary = summary;
        }
    }

    /// Writes each actor's mean share, spending and payoff.
    fn finish(&self, record: &mut ArenaRecord) {
        record.scratch.finish();
        let turns = f64::from(record.turns.max(1));
        let ArenaRecord { sides, scratch, .. } = record;
        for (side, scratch) in sides.iter_mut().zip(&scratch.sides) {
            for (a, actor) in side.actors.iter_mut().enumerate() {
                actor.mean_share = scratch.shares[a] / turns;
                actor.spent = scratch.spent[a];
                actor.payoff = scratch.salience[a]
                    * (2.0 * scratch.position[a] - 1.0)
                    * self.cooperation_excess
                    - actor.spent;
            }
        }
    }
}

/// Each side's domestic terms under `pressures`.
#[inline]
fn terms_of(pressures: &[Pressure; 2]) -> [DomesticTerms; 2] {
    let terms = |p: &Pressure| DomesticTerms {
        lobby: p.effects.lobby,
        audience_bonus: p.effects.audience_bonus,
        accountability: p.effects.accountability,
        kappa_factor: p.kappa_factor,
    };
    [terms(&pressures[0]), terms(&pressures[1])]
}

/// The arena match over moves already written (two memory-one players, no
/// perception noise): each round's outcome paid at its levels,
/// orientations and domestic terms.
fn pay_written_moves(
    args: &Args<'_>,
    arena: &mut ArenaRounds,
    buffers: &MatchBuffers,
    record: &mut ArenaRecord,
) -> MatchResult {
    let ArenaRecord { sides, scratch, .. } = record;
    let gamma = arena.gamma;
    match StaticArenas::of(scratch, args.domestic, args.states, gamma) {
        // Every actor static: the arenas' sums held by value in the loop.
        Some(mut arenas) => {
            let result = pay_written(args, arena, buffers, sides, |turn, _, pis, _, _| {
                arenas.step(turn, pis)
            });
            arenas.finish();
            result
        }
        None => pay_written(
            args,
            arena,
            buffers,
            sides,
            |turn, campaign, pis, last, arena: &ArenaRounds| {
                arena.pressures(args, scratch, turn, campaign, pis, last)
            },
        ),
    }
}

/// [`pay_written_moves`]'s rounds, with each round's pressures from
/// `pressures` (given the round, whether it is a campaign round, the
/// levels, the moves of the round before and the match's arena state).
fn pay_written(
    args: &Args<'_>,
    arena: &mut ArenaRounds,
    buffers: &MatchBuffers,
    sides: &mut [SideRecord; 2],
    mut pressures: impl FnMut(
        u32,
        bool,
        [Politicization; 2],
        Option<[Action; 2]>,
        &ArenaRounds,
    ) -> [Pressure; 2],
) -> MatchResult {
    let config = args.config;
    let election = config.election.as_ref();
    let builder = twolevel_game::StageTableBuilder::new(&config.game);
    let initial = config.politics.initial();
    let start = args.settings.map(|s| s.politicization.unwrap_or(initial));
    let mut levels = Levels::new(start, sides);
    let mut oriented = builder.oriented(orientations_at(election, 0, args.settings));
    let mut totals = [PlayerTotals::default(); 2];
    let mut last = None;
    let mut series = sides.each_mut().map(SideRecord::series);
    let [moves0, moves1] = &buffers.moves;
    for (turn, (&played0, &played1)) in (0..).zip(moves0.iter().zip(moves1)) {
        let campaign = election.is_some_and(|cycle| cycle.is_campaign(turn));
        let pis = levels.now;
        let pressures = pressures(turn, campaign, pis, last, arena);
        let terms = terms_of(&pressures);
        let outcome = Outcome::new(played0, played1);
        let cell = builder.oriented_outcome_payoffs_with_terms(outcome, pis, &oriented, &terms);
        totals[0].add(&cell[0], played0);
        totals[1].add(&cell[1], played1);
        let played = [played0, played1];
        arena.close(args, &mut series, turn, &pressures, &mut levels, played);
        last = Some(played);
        if election.is_some() {
            oriented = builder.oriented(orientations_at(election, turn + 1, args.settings));
        }
    }
    let turns = u32::try_from(moves0.len()).unwrap_or(u32::MAX);
    arena.settle(sides, &totals, &levels, turns);
    moving_levels_result(turns, totals, levels.sums, levels.now)
}

/// The arena match in the general engine's loop: players decide from
/// their views, the stage table is refilled when the levels, the
/// orientations or the domestic terms move.
#[allow(clippy::too_many_arguments)]
fn play_arena_general(
    args: &Args<'_>,
    arena: &mut ArenaRounds,
    players: [&mut dyn Strategy; 2],
    buffers: &mut MatchBuffers,
    record: &mut ArenaRecord,
    rng: &mut dyn Rng,
    turns: u32,
    mut ledger: Option<&mut Ledger>,
) -> MatchResult {
    let (config, settings) = (args.config, args.settings);
    let window = buffers.window(&players, turns);
    let known_length = config.horizon.turns().filter(|_| config.length_known);
    let initial = config.politics.initial();
    let start = settings.map(|s| s.politicization.unwrap_or(initial));
    let mut levels = Levels::new(start, &record.sides);
    let mut orientations = orientations_at(config.election.as_ref(), 0, settings);
    let calendar = Calendar::new(config, turns, known_length, settings);
    let mut payoffs = Payoffs::new(&config.game, levels.now, orientations, &calendar.round(0));
    let perception = config.perception_noise > 0.0;
    buffers.prepare(window, perception);
    let election = config.election.as_ref();

    let MatchBuffers {
        moves, perceived, ..
    } = buffers;
    let [first, second] = players;
    let mut totals = [PlayerTotals::default(); 2];
    let mut terms = [DomesticTerms::NEUTRAL; 2];
    let mut last = None;
    let mut series = record.sides.each_mut().map(SideRecord::series);

    for turn in 0..turns {
        let round = calendar.round(turn);
        let pis = levels.now;
        if turn > 0 {
            for (k, situation) in payoffs.situations.iter_mut().enumerate() {
                situation.discount = round.discount[k];
                situation.rounds_to_election = round.rounds_to_election;
                situation.campaign = round.campaign;
            }
        }
        let pressures = arena.pressures(args, &mut record.scratch, turn, round.campaign, pis, last);
        let next_terms = terms_of(&pressures);
        // One rebuild of the table a round at most: when the levels, the
        // orientations or the domestic terms moved.
        if pis != payoffs.pis || orientations != payoffs.orientations || next_terms != terms {
            terms = next_terms;
            payoffs.refill(pis, orientations, Some(&terms));
        }
        let noise_of = |p: &Pressure| {
            if perception {
                (config.perception_noise * p.effects.noise_factor).clamp(0.0, 1.0)
            } else {
                0.0
            }
        };
        let noise = [noise_of(&pressures[0]), noise_of(&pressures[1])];

        if let Some(ledger) = ledger.as_deref() {
            let kappa = |k: usize| config.game.effective_kappa(pis[k]).unwrap_or(0.0);
            ledger.write_incentives(&mut payoffs.situations, |k| {
                kappa(k) * terms[k].kappa_factor
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
            perception.then_some(noise),
            rng,
        );

        let mut cell = payoffs.table.cells[Outcome::new(played0, played1).index()];
        if let Some(ledger) = ledger.as_deref_mut() {
            let kappa = |k: usize| config.game.effective_kappa(pis[k]).unwrap_or(0.0);
            let kappas = |k: usize| kappa(k) * terms[k].kappa_factor;
            let weights = payoffs.situations.map(|s| s.political_weight);
            ledger.settle(&mut cell, [played0, played1], kappas, weights);
        }
        totals[0].add(&cell[0], played0);
        totals[1].add(&cell[1], played1);
        for (k, situation) in payoffs.situations.iter_mut().enumerate() {
            situation.score = totals[k].utility;
            situation.last_utility = Some(cell[k].utility);
        }
        let played = [played0, played1];
        arena.close(args, &mut series, turn, &pressures, &mut levels, played);
        last = Some(played);
        orientations = orientations_at(election, turn + 1, settings);
    }
    arena.settle(&mut record.sides, &totals, &levels, turns);
    moving_levels_result(turns, totals, levels.sums, levels.now)
}

/// A match no arena presses on: played by the engine of
/// [`play_match`](super::play_match), then recorded from its moves.
fn play_without_pressure(
    args: &Args<'_>,
    players: [&mut dyn Strategy; 2],
    buffers: &mut MatchBuffers,
    record: &mut ArenaRecord,
    rng: &mut dyn Rng,
    turns: u32,
) -> MatchResult {
    let (config, settings) = (args.config, args.settings);
    // The record needs every move; buffers that would keep only a
    // window are swapped for the record's own (the results do not depend
    // on the window).
    let whole = buffers.window(&players, turns).is_whole();
    let ArenaRecord {
        sides,
        scratch,
        series_every,
        ..
    } = record;
    let held = if whole { buffers } else { &mut scratch.whole };
    let result = play_match_of_length(config, players, settings, held, rng, turns);
    let dynamics = config.politics.dynamics();
    let visibilities = dynamics.map(|d| settings.map(|s| s.visibility.unwrap_or(d.visibility())));
    let initial = config.politics.initial();
    let mut pis: [Politicization; 2] = settings.map(|s| s.politicization.unwrap_or(initial));
    let securitizing = [settings[0].securitizing, settings[1].securitizing];
    let mut excess = 0.0;
    let mut samples = Samples::new(*series_every);
    for (turn, t) in (0..turns).zip(0..) {
        let played = [held.moves[0][t], held.moves[1][t]];
        excess += f64::from(Outcome::new(played[0], played[1]).cooperators()) / 2.0 - 0.5;
        let sample = samples.keeps(turn);
        for (k, side) in sides.iter_mut().enumerate() {
            side.add(
                sample,
                f64::NAN,
                pis[k].value(),
                played[k].is_cooperation(),
                0.0,
                0.0,
            );
        }
        pis = next_levels_securitized(dynamics, visibilities, pis, played, securitizing);
    }
    for (k, side) in sides.iter_mut().enumerate() {
        if let Some(arena) = args.domestic.arena(args.states[k]) {
            for (actor, out) in arena.actors().iter().zip(side.actors.iter_mut()) {
                out.payoff = actor.salience * (2.0 * actor.position - 1.0) * excess;
            }
        }
    }
    result
}
