//! The match engine: two strategies play one iterated two-level game.
//!
//! [`play_match`] runs one match under a validated [`MatchConfig`]. The
//! semantics follow the Python `axelrod` library wherever it has the same
//! concept:
//!
//! 1. Before the first round both strategies are reset, the histories in the
//!    [`MatchBuffers`] are cleared, and the length of the match is fixed:
//!    `turns` for [`HorizonKind::Fixed`]; for [`HorizonKind::Continuation`] the
//!    length is drawn **up front** by inversion from one uniform number `x`
//!    of the match RNG, `n = max(1, ceil(ln(1 - x) / ln(delta)))`, the
//!    geometric law `P(n) = (1 - delta) * delta^(n - 1)` with mean
//!    `1 / (1 - delta)` (the same inversion as `axelrod.match.sample_length`).
//! 2. Each round, player 0 then player 1 decides from its [`View`].
//! 3. Action noise flips each chosen move with probability `action_noise`
//!    (player 0's draw first); the flipped move is the move played and
//!    recorded, as in `axelrod`.
//! 4. Perception noise flips what each player *sees* of its partner's move
//!    with probability `perception_noise` (player 0's perception first);
//!    the true moves decide the payoffs.
//! 5. Both players are paid from the [`StageTable`] of the current
//!    politicization levels and orientations. Each state has its own level
//!    `pi_k` (its [`PlayerSettings::politicization`], or the match's). The
//!    table is computed once per match when they stay fixed, and
//!    recomputed only in rounds where one of them changed.
//! 6. Under dynamic politics each state's level moves after the round
//!    ([`PoliticizationDynamics::next_for_state`](twolevel_game::PoliticizationDynamics::next_for_state)):
//!    `pi_k <- clamp(pi_k + up * (visible_partner + rally * visible_own) + s_k - down * pi_k)`,
//!    where `visible_k` is player k's visibility if it defected (its own
//!    visibility or, if it has none, the dynamics' default) and `s_k` its
//!    securitizing move. With a rally share of 1, no securitizing moves and
//!    equal starting levels both levels stay equal: one shared `pi`. Under
//!    an election cycle each player's orientation in round `t` is
//!    [`ElectionCycle::orientation_at`]`(t, base)` and its patience
//!    [`ElectionCycle::patience_at`]`(t, h)`.
//!
//! 7. Carrots and sticks: each strategy's
//!    [`Instruments`] are read once, after
//!    the reset. When either player has one, the match is played by the
//!    general loop, and after a round in which the partner cooperated a
//!    carrot is paid (`t` from the payer, `eta t` to the partner), after a
//!    round in which it defected a sanction imposed (`s` on the partner at
//!    a cost `s / M`), both landing in the next round's payoffs in every
//!    currency (`play/instruments.rs` derives the political payoff and the
//!    blend); [`play_match_with_instruments`] also returns what was paid.
//!    A match without instruments takes the paths and bits it takes
//!    without them.
//!
//! Each [`View`] tells a player its own level and its partner's, its own
//! blended matrix and effective weight, its own discount factor
//! `delta_k = h_k * delta_t` (`docs/model.md` section 5; `delta_t` is the
//! continuation probability, `1 - 1/T` for a fixed horizon of unknown
//! length `T`, `1 - 1/r` with `r` rounds left when the length is known),
//! the rounds to the next election, whether it is campaigning, and the
//! utility it received in the previous round.
//!
//! The match RNG is drawn from only where randomness is needed: once for a
//! continuation length, by stochastic strategies, and by noise that is not
//! zero. A noiseless match between deterministic strategies with a fixed
//! horizon never touches the RNG.
//!
//! With [`MatchBuffers::without_moves`] (the round robin's and the
//! evolution engines' buffers), a match between two strategies whose
//! [memory depth](twolevel_game::Classifier::memory_depth) is bounded by
//! `k` keeps each history in a window of `max(2k, MIN_WINDOW)` moves that
//! moves its last `k` moves to its front when it is full, and shows the
//! players [`View::recent`] views of what it holds; the results are the
//! same bits as with every move kept.
//!
//! ## Files
//!
//! - `config.rs`: [`MatchConfig`], everything about a match but the players.
//! - `settings.rs`: [`PlayerSettings`], each player's own settings.
//! - `buffers.rs`: [`MatchBuffers`], the histories a match keeps, whole
//!   or in a window of its last moves.
//! - `draws.rs`: what a match draws from its RNG (its length and noise).
//! - `round.rs`: the payoffs and the calendar a match keeps from round to
//!   round, and how the levels move.
//! - `static_loop.rs`: the loop for a stage table fixed over the match.
//! - `general_loop.rs`: the loop for everything else (perception noise,
//!   dynamic politicization, elections).
//! - `memory_one_match.rs`: the fast path for two memory-one players.
//! - `arena_loop.rs`: [`play_arena_match`], the loop with domestic arenas
//!   (docs/actors.md); `arena_scratch.rs`, what it precomputes per
//!   match and computes per round; `arena_record.rs`, the
//!   [`ArenaRecord`] it leaves.
//! - `instruments.rs`: carrots and sticks in play (docs/negotiation.md):
//!   what the loops pay when a strategy declares
//!   [`Instruments`], in every currency, and
//!   the [`InstrumentRecord`] of [`play_match_with_instruments`].
//! - `results.rs`: [`MatchResult`] and [`PlayerTotals`], and the results
//!   the loops make from their sums.
//!
//! [`HorizonKind::Fixed`]: twolevel_game::HorizonKind::Fixed
//! [`HorizonKind::Continuation`]: twolevel_game::HorizonKind::Continuation
//! [`View`]: twolevel_game::View
//! [`View::recent`]: twolevel_game::View::recent
//! [`StageTable`]: twolevel_game::StageTable
//! [`ElectionCycle::orientation_at`]: twolevel_game::ElectionCycle::orientation_at
//! [`ElectionCycle::patience_at`]: twolevel_game::ElectionCycle::patience_at

mod arena_loop;
mod arena_record;
mod arena_scratch;
mod buffers;
mod config;
mod draws;
mod general_loop;
mod instruments;
mod memory_one_match;
mod results;
mod round;
mod settings;
mod static_loop;

use rand_core::Rng;
use twolevel_game::{Instruments, Strategy, TwoLevelGame};

pub use arena_loop::play_arena_match;
pub use arena_record::{ActorRecord, ArenaRecord, SideRecord, SideSummary};
pub(crate) use buffers::Window;
pub use buffers::{MIN_WINDOW, MatchBuffers};
pub use config::MatchConfig;
pub(crate) use draws::tremble;
pub use draws::{draw_length, geometric_length};
use general_loop::play_general;
use instruments::Ledger;
pub use instruments::{InstrumentRecord, InstrumentTotals};
pub use results::{MatchResult, PlayerTotals};
pub(crate) use results::{fixed_table_result, moving_levels_result};
use round::{Calendar, Payoffs};
pub(crate) use round::{next_levels, orientations_at};
pub use settings::PlayerSettings;
use static_loop::play_static;

/// Plays one match between two strategies and returns its totals.
///
/// `players[k]` plays with `settings[k]`; both strategies are reset first.
/// The moves of the match stay in `buffers` afterwards. See the
/// [module documentation](self) for the exact order of events and RNG
/// draws.
///
/// The players are any two mutable borrows of strategies: concrete ones
/// written in place, boxed ones, or an array built beforehand:
///
/// ```
/// use rand::SeedableRng;
/// use rand_pcg::Pcg64Mcg;
/// use twolevel_game::Strategy;
/// use twolevel_strategies::{Defector, TitForTat};
/// use twolevel_tournament::{MatchBuffers, MatchConfig, PlayerSettings, play_match};
///
/// let config = MatchConfig::classic(10)?;
/// let settings = [PlayerSettings::POLICY; 2];
/// let mut buffers = MatchBuffers::new();
/// let mut rng = Pcg64Mcg::seed_from_u64(1);
///
/// // Concrete strategies, borrowed in place.
/// let (mut tft, mut defector) = (TitForTat, Defector);
/// let result = play_match(&config, [&mut tft, &mut defector], &settings, &mut buffers, &mut rng);
/// assert_eq!((result.players[0].policy, result.players[1].policy), (9.0, 14.0));
///
/// // Boxed strategies, the array built beforehand.
/// let mut first: Box<dyn Strategy> = Box::new(TitForTat);
/// let mut second: Box<dyn Strategy> = Box::new(Defector);
/// let players = [first.as_mut(), second.as_mut()];
/// let again = play_match(&config, players, &settings, &mut buffers, &mut rng);
/// assert_eq!(again, result);
///
/// // Two entries of a list of players.
/// let mut list: Vec<Box<dyn Strategy>> = vec![Box::new(TitForTat), Box::new(Defector)];
/// if let [a, b] = list.as_mut_slice() {
///     let from_list = play_match(&config, [a.as_mut(), b.as_mut()], &settings, &mut buffers, &mut rng);
///     assert_eq!(from_list, result);
/// }
/// # Ok::<(), twolevel_game::ParameterError>(())
/// ```
pub fn play_match<'p>(
    config: &MatchConfig,
    players: [&'p mut (dyn Strategy + '_); 2],
    settings: &[PlayerSettings; 2],
    buffers: &mut MatchBuffers,
    rng: &mut dyn Rng,
) -> MatchResult {
    // The strategies' own lifetime may outlive the borrow (a boxed
    // strategy is `'static`); shorten it to the borrow's.
    let [first, second] = players;
    let players: [&'p mut dyn Strategy; 2] = [first, second];
    let turns = draw_length(config.horizon, rng);
    play_match_of_length(config, players, settings, buffers, rng, turns)
}

/// Plays one match as [`play_match`] does, and also returns each player's
/// carrots and sticks ([`InstrumentRecord`], all zero when neither
/// player declares [`Instruments`]). The
/// [`MatchResult`] is the one [`play_match`] returns, bit for bit.
pub fn play_match_with_instruments<'p>(
    config: &MatchConfig,
    players: [&'p mut (dyn Strategy + '_); 2],
    settings: &[PlayerSettings; 2],
    buffers: &mut MatchBuffers,
    rng: &mut dyn Rng,
) -> (MatchResult, InstrumentRecord) {
    let [first, second] = players;
    let players: [&'p mut dyn Strategy; 2] = [first, second];
    play_match_under(
        config,
        players,
        settings,
        buffers,
        rng,
        [Instruments::NONE; 2],
    )
}

/// Plays one match as [`play_match_with_instruments`] does, with each
/// player's carrots and sticks taken first from `outside` (what an
/// agreement binds the state to) and, where `outside` has none, from the
/// strategy's own [`Strategy::instruments`]. With `outside` of
/// [`Instruments::NONE`] (or of zero instruments) this is
/// [`play_match_with_instruments`], bit for bit.
pub fn play_match_under<'p>(
    config: &MatchConfig,
    players: [&'p mut (dyn Strategy + '_); 2],
    settings: &[PlayerSettings; 2],
    buffers: &mut MatchBuffers,
    rng: &mut dyn Rng,
    outside: [Instruments; 2],
) -> (MatchResult, InstrumentRecord) {
    let [first, second] = players;
    let players: [&'p mut dyn Strategy; 2] = [first, second];
    let turns = draw_length(config.horizon, rng);
    play_match_scheduled(
        config,
        players,
        settings,
        buffers,
        rng,
        (turns, outside, &[]),
    )
}

/// A change of the stage game in the middle of a match: from round
/// `round` (from 0) on, the match is played with `game` and each player's
/// outside instruments are `instruments` (as
/// [`play_match_under`]'s `outside`). The negotiation engine's agreements
/// take and leave effect so, within one match.
#[derive(Clone, Copy, Debug)]
pub(crate) struct GameSwitch {
    /// The first round played with the new game.
    pub(crate) round: u32,
    /// The game from that round on.
    pub(crate) game: TwoLevelGame,
    /// Each player's outside instruments from that round on.
    pub(crate) instruments: [Instruments; 2],
}

/// Plays one match of `turns` rounds as [`play_match_under`] does after
/// its draw of the length, the game and the outside instruments changing
/// at the rounds of `schedule` (in increasing order, each after round 0;
/// `config`'s game and `outside` hold until the first). The strategies
/// are reset once, before the first round, and keep their state over
/// every switch; so do the politicization levels and the calendar. At a
/// switch the stage table is rebuilt from the new game at the current
/// levels and orientations, and what the round before triggered is paid
/// under the instruments of that round; a round's check for a switch is
/// one comparison, and nothing is allocated. With an empty schedule this
/// is the match [`play_match_under`] plays, bit for bit.
pub(crate) fn play_match_scheduled(
    config: &MatchConfig,
    players: [&mut dyn Strategy; 2],
    settings: &[PlayerSettings; 2],
    buffers: &mut MatchBuffers,
    rng: &mut dyn Rng,
    (turns, outside, schedule): (u32, [Instruments; 2], &[GameSwitch]),
) -> (MatchResult, InstrumentRecord) {
    let mut record = InstrumentRecord::default();
    let result = play_recorded(
        config,
        players,
        settings,
        buffers,
        rng,
        turns,
        (outside, schedule, &mut record),
    );
    (result, record)
}

/// Plays one match of `turns` rounds, the length [`play_match`] draws
/// (first, from `rng`) for `config`'s horizon: resets both strategies and
/// plays exactly as [`play_match`] does after its draw.
///
/// With the length drawn by [`draw_length`] from the same `rng`, this is
/// [`play_match`] bit for bit; with a shorter `turns` it plays the first
/// `turns` rounds of that match (the web explorer replays a match against
/// a human this way, one round longer after every move).
pub fn play_match_of_length(
    config: &MatchConfig,
    players: [&mut dyn Strategy; 2],
    settings: &[PlayerSettings; 2],
    buffers: &mut MatchBuffers,
    rng: &mut dyn Rng,
    turns: u32,
) -> MatchResult {
    let mut record = InstrumentRecord::default();
    play_recorded(
        config,
        players,
        settings,
        buffers,
        rng,
        turns,
        ([Instruments::NONE; 2], &[], &mut record),
    )
}

/// [`play_match_of_length`], writing the players' carrots and sticks to
/// `record`, with the `outside` instruments before the players' own, the
/// game and the outside instruments switching as `schedule` says. A
/// match with instruments or a schedule is played by the general loop.
fn play_recorded(
    config: &MatchConfig,
    mut players: [&mut dyn Strategy; 2],
    settings: &[PlayerSettings; 2],
    buffers: &mut MatchBuffers,
    rng: &mut dyn Rng,
    turns: u32,
    (outside, schedule, record): ([Instruments; 2], &[GameSwitch], &mut InstrumentRecord),
) -> MatchResult {
    for player in players.iter_mut() {
        player.reset();
    }
    // A schedule may bring instruments later in the match, so it keeps a
    // ledger from the start.
    let mut ledger = if schedule.is_empty() {
        Ledger::of(&players, outside)
    } else {
        Some(Ledger::always(&players, outside))
    };
    let window = buffers.window(&players, turns);
    // The memory-one loops keep every move; a match that keeps only a
    // window of its moves (a long one, with buffers that allow it) is
    // played by the loops below, whose memory does not grow with its
    // length.
    if window.is_whole()
        && ledger.is_none()
        && let Some(result) =
            memory_one_match::play_memory_one(config, &players, settings, buffers, rng, turns)
    {
        return result;
    }
    let known_length = config.horizon.turns().filter(|_| config.length_known);
    let initial = config.politics.initial();
    let pis = settings.map(|s| s.politicization.unwrap_or(initial));
    let calendar = Calendar::new(config, turns, known_length, settings);
    let payoffs = Payoffs::new(
        &config.game,
        pis,
        orientations_at(config.election.as_ref(), 0, settings),
        &calendar.round(0),
    );
    let static_payoffs = !config.politics.is_dynamic() && config.election.is_none();
    let start = Start {
        players,
        calendar,
        payoffs,
        window,
    };
    if ledger.is_some() || !static_payoffs || config.perception_noise > 0.0 {
        let result = play_general(
            config,
            start,
            settings,
            buffers,
            rng,
            (ledger.as_mut(), schedule),
        );
        if let Some(ledger) = ledger {
            *record = ledger.record;
        }
        result
    } else if config.action_noise > 0.0 {
        play_static::<true>(config, start, buffers, rng)
    } else {
        play_static::<false>(config, start, buffers, rng)
    }
}

/// What every match loop starts from.
struct Start<'p, 'c> {
    players: [&'p mut dyn Strategy; 2],
    calendar: Calendar<'c>,
    payoffs: Payoffs,
    /// How much of the histories the match keeps.
    window: Window,
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;
    use rand_pcg::Pcg64Mcg;
    use twolevel_game::{Horizon, Orientation, Politicization, Politics, TwoLevelGame};
    use twolevel_strategies::{Cooperator, Defector, TitForTat};

    fn classic(turns: u32) -> MatchConfig {
        MatchConfig::classic(turns).unwrap()
    }

    #[test]
    fn tft_against_alld_pays_s_then_p() {
        let mut buffers = MatchBuffers::new();
        let mut rng = Pcg64Mcg::seed_from_u64(1);
        let result = play_match(
            &classic(10),
            [&mut TitForTat, &mut Defector],
            &[PlayerSettings::POLICY; 2],
            &mut buffers,
            &mut rng,
        );
        assert_eq!(result.turns, 10);
        assert_eq!(result.players[0].utility, 9.0);
        assert_eq!(result.players[1].utility, 5.0 + 9.0);
        assert_eq!(result.players[0].cooperations, 1);
        assert_eq!(buffers.move_string(0), "CDDDDDDDDD");
        assert_eq!(buffers.move_string(1), "DDDDDDDDDD");
    }

    #[test]
    fn fixed_politicization_uses_the_blended_table() {
        let game = TwoLevelGame::default();
        let pi = Politicization::new(0.5).unwrap();
        let config = MatchConfig::new(game, Horizon::fixed(3).unwrap())
            .unwrap()
            .with_politics(Politics::Fixed(pi));
        let mut buffers = MatchBuffers::new();
        let mut rng = Pcg64Mcg::seed_from_u64(1);
        let result = play_match(
            &config,
            [&mut Cooperator, &mut Cooperator],
            &[PlayerSettings::POLICY; 2],
            &mut buffers,
            &mut rng,
        );
        let r = game.blended_matrix(Orientation::POLICY, pi).r();
        assert!((result.players[0].utility - 3.0 * r).abs() < 1e-12);
        assert_eq!(result.mean_politicization, 0.5);
    }
}
