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
//! Each [`View`] tells a player its own level and its partner's, its own
//! blended matrix and effective weight, its own discount factor
//! `delta_k = h_k * delta_t` (MODEL.md section 2; `delta_t` is the
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

use rand::RngExt;
use rand_core::Rng;
use serde::{Deserialize, Serialize};
use twolevel_game::{
    Action, Classifier, ElectionCycle, Horizon, HorizonKind, Orientation, Outcome, PAYOFF_LIMIT,
    ParameterError, PayoffMatrix, Politicization, PoliticizationDynamics, Politics, Situation,
    StageTable, StageTableBuilder, Strategy, TwoLevelGame, View,
    error::{check_positive_fraction, check_unit_interval, format_number},
};

/// Everything about a match except the players: the game, its length, noise,
/// politicization and elections.
///
/// Build it with [`MatchConfig::new`] and the `with_*` methods, which
/// validate every value, so a `MatchConfig` is always playable.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MatchConfig {
    game: TwoLevelGame,
    horizon: Horizon,
    action_noise: f64,
    perception_noise: f64,
    politics: Politics,
    election: Option<ElectionCycle>,
    length_known: bool,
}

impl MatchConfig {
    /// A noiseless match of `game` over `horizon`, with no politicization,
    /// no elections and the length kept from the players.
    ///
    /// Fails when the game's payoffs are so large (above
    /// [`PAYOFF_LIMIT`] in magnitude for some
    /// politicization and orientation) that totals could overflow; a
    /// validated [`TwoLevelGame`] never is.
    pub fn new(game: TwoLevelGame, horizon: Horizon) -> Result<Self, ParameterError> {
        check_payoff_magnitude(&game)?;
        Ok(MatchConfig {
            game,
            horizon,
            action_noise: 0.0,
            perception_noise: 0.0,
            politics: Politics::default(),
            election: None,
            length_known: false,
        })
    }

    /// The same config (horizon, noise, politics, elections, known length)
    /// with another game; fails as [`MatchConfig::new`] does when the
    /// game's payoffs are too large.
    pub fn with_game(self, game: TwoLevelGame) -> Result<Self, ParameterError> {
        check_payoff_magnitude(&game)?;
        Ok(MatchConfig { game, ..self })
    }

    /// Axelrod's classic game (R, S, T, P = 3, 0, 5, 1, no politics) over a
    /// fixed number of turns.
    pub fn classic(turns: u32) -> Result<Self, ParameterError> {
        MatchConfig::new(
            TwoLevelGame::classic(PayoffMatrix::AXELROD),
            Horizon::fixed(turns)?,
        )
    }

    /// The same config with action noise (the probability that a chosen
    /// move is flipped), which must lie in [0, 1].
    pub fn with_action_noise(mut self, action_noise: f64) -> Result<Self, ParameterError> {
        self.action_noise = check_unit_interval("action_noise", action_noise)?;
        Ok(self)
    }

    /// The same config with perception noise (the probability that a
    /// player sees its partner's move flipped), which must lie in [0, 1].
    pub fn with_perception_noise(mut self, perception_noise: f64) -> Result<Self, ParameterError> {
        self.perception_noise = check_unit_interval("perception_noise", perception_noise)?;
        Ok(self)
    }

    /// The same config with the given politicization, fixed or dynamic.
    #[must_use]
    pub fn with_politics(mut self, politics: Politics) -> Self {
        self.politics = politics;
        self
    }

    /// The same config with (or without) an election cycle.
    #[must_use]
    pub fn with_election(mut self, election: Option<ElectionCycle>) -> Self {
        self.election = election;
        self
    }

    /// The same config where players are (or are not) told the number of
    /// rounds. Only a fixed horizon has a known length; under a
    /// continuation horizon the length always stays unknown.
    #[must_use]
    pub fn with_length_known(mut self, length_known: bool) -> Self {
        self.length_known = length_known;
        self
    }

    /// The game.
    #[must_use]
    pub const fn game(&self) -> &TwoLevelGame {
        &self.game
    }

    /// The horizon.
    #[must_use]
    pub const fn horizon(&self) -> Horizon {
        self.horizon
    }

    /// The probability that a chosen move is flipped.
    #[must_use]
    pub const fn action_noise(&self) -> f64 {
        self.action_noise
    }

    /// The probability that a player sees its partner's move flipped.
    #[must_use]
    pub const fn perception_noise(&self) -> f64 {
        self.perception_noise
    }

    /// The politicization, fixed or dynamic.
    #[must_use]
    pub const fn politics(&self) -> &Politics {
        &self.politics
    }

    /// The election cycle, if any.
    #[must_use]
    pub const fn election(&self) -> Option<&ElectionCycle> {
        self.election.as_ref()
    }

    /// Whether players are told the number of rounds of a fixed horizon.
    #[must_use]
    pub const fn length_known(&self) -> bool {
        self.length_known
    }
}

/// Rejects games whose blended payoffs could overflow a match total.
///
/// Every payoff is a product of terms affine in `pi` and `w`, so checking
/// the corners of `[0, 1]^2` against a bound far below `f64::MAX` keeps all
/// intermediate values finite.
fn check_payoff_magnitude(game: &TwoLevelGame) -> Result<(), ParameterError> {
    for pi in [Politicization::NONE, Politicization::SECURITIZED] {
        for w in [Orientation::POLICY, Orientation::POLITICAL] {
            let table = game.stage_table(pi, [w, w]);
            let too_large = table.cells.iter().flatten().any(|payoff| {
                [payoff.utility, payoff.policy, payoff.political]
                    .iter()
                    .any(|v| v.is_nan() || v.abs() > PAYOFF_LIMIT)
            });
            if too_large {
                return Err(ParameterError::new(
                    "game",
                    format!(
                        "payoffs must stay within +-{} for every pi and w",
                        format_number(PAYOFF_LIMIT)
                    ),
                ));
            }
        }
    }
    Ok(())
}

/// One player's standing in a match: its orientation (political weight
/// `w`), how visible its defections are, its patience `h`, its securitizing
/// moves `s_i` and, optionally, its own politicization `pi_i`. Build it
/// with [`PlayerSettings::new`] and the `with_*` methods, which validate.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct PlayerSettings {
    orientation: Orientation,
    visibility: Option<f64>,
    patience: f64,
    securitizing: f64,
    politicization: Option<Politicization>,
}

impl Default for PlayerSettings {
    /// [`PlayerSettings::POLICY`].
    fn default() -> Self {
        PlayerSettings::POLICY
    }
}

impl PlayerSettings {
    /// A pure policy maker (w = 0) with the dynamics' default visibility,
    /// full patience, no securitizing moves and the match's politicization:
    /// the classic game's player.
    pub const POLICY: PlayerSettings = PlayerSettings {
        orientation: Orientation::POLICY,
        visibility: None,
        patience: 1.0,
        securitizing: 0.0,
        politicization: None,
    };

    /// Settings with an orientation and an optional visibility in [0, 1]
    /// (`None` takes the politicization dynamics' default).
    pub fn new(orientation: Orientation, visibility: Option<f64>) -> Result<Self, ParameterError> {
        if let Some(v) = visibility {
            check_unit_interval("visibility", v)?;
        }
        Ok(PlayerSettings {
            orientation,
            visibility,
            ..PlayerSettings::POLICY
        })
    }

    /// Settings with an orientation and the default visibility.
    #[must_use]
    pub const fn with_orientation(orientation: Orientation) -> Self {
        PlayerSettings {
            orientation,
            ..PlayerSettings::POLICY
        }
    }

    /// The same settings with another orientation (political weight).
    #[must_use]
    pub const fn reoriented(mut self, orientation: Orientation) -> Self {
        self.orientation = orientation;
        self
    }

    /// The same settings with patience `h` in (0, 1]: the player discounts
    /// the future with `delta_i = h * delta_t` (MODEL.md section 2).
    /// Politicians are impatient, bureaucrats patient; the default is 1.
    pub fn with_patience(mut self, patience: f64) -> Result<Self, ParameterError> {
        self.patience = check_positive_fraction("patience", patience)?;
        Ok(self)
    }

    /// The same settings with securitizing moves: under dynamic
    /// politicization the player adds `s_i` in [0, 1] to its own state's
    /// politicization every round (politicians seeking votes, bureaucrats
    /// seeking budgets). The default is 0.
    pub fn with_securitizing(mut self, securitizing: f64) -> Result<Self, ParameterError> {
        self.securitizing = check_unit_interval("securitizing", securitizing)?;
        Ok(self)
    }

    /// The same settings with the player's own initial (or, under fixed
    /// politics, fixed) politicization `pi_i`; `None` takes the match's.
    #[must_use]
    pub const fn with_politicization(mut self, politicization: Option<Politicization>) -> Self {
        self.politicization = politicization;
        self
    }

    /// The player's patience `h`.
    #[must_use]
    pub const fn patience(&self) -> f64 {
        self.patience
    }

    /// The player's securitizing move `s_i` per round.
    #[must_use]
    pub const fn securitizing(&self) -> f64 {
        self.securitizing
    }

    /// The player's own politicization, if it sets one.
    #[must_use]
    pub const fn politicization(&self) -> Option<Politicization> {
        self.politicization
    }

    /// The player's base orientation (political weight).
    #[must_use]
    pub const fn orientation(&self) -> Orientation {
        self.orientation
    }

    /// The player's own visibility, if it sets one.
    #[must_use]
    pub const fn visibility(&self) -> Option<f64> {
        self.visibility
    }
}

/// One player's totals over a match.
#[derive(Clone, Copy, Debug, PartialEq, Default, Serialize, Deserialize)]
pub struct PlayerTotals {
    /// The sum of the blended utilities.
    pub utility: f64,
    /// The sum of the policy (international, absolute-gains) payoffs.
    pub policy: f64,
    /// The sum of the political (domestic) payoffs.
    pub political: f64,
    /// The number of rounds in which the player cooperated (as played,
    /// after action noise).
    pub cooperations: u32,
}

impl PlayerTotals {
    #[inline]
    pub(crate) fn add(&mut self, payoff: &twolevel_game::Payoff, own: Action) {
        self.utility += payoff.utility;
        self.policy += payoff.policy;
        self.political += payoff.political;
        self.cooperations += u32::from(own.is_cooperation());
    }
}

/// The outcome of one match.
#[derive(Clone, Copy, Debug, PartialEq, Default, Serialize, Deserialize)]
pub struct MatchResult {
    /// The number of rounds played.
    pub turns: u32,
    /// Each player's totals, in the order the players were given.
    pub players: [PlayerTotals; 2],
    /// The mean politicization over the rounds played (the level each
    /// round was paid at), averaged over the two states.
    pub mean_politicization: f64,
    /// The politicization after the last round, averaged over the two
    /// states.
    pub final_politicization: f64,
    /// Each state's own mean politicization `pi_i` over the rounds played,
    /// in the order the players were given.
    pub mean_politicization_by_state: [f64; 2],
    /// Each state's own politicization after the last round.
    pub final_politicization_by_state: [f64; 2],
}

impl MatchResult {
    /// Player `k`'s mean utility per round.
    #[must_use]
    pub fn utility_per_turn(&self, k: usize) -> f64 {
        self.players[k].utility / f64::from(self.turns)
    }

    /// Player `k`'s share of rounds in which it cooperated.
    #[must_use]
    pub fn cooperation_rate(&self, k: usize) -> f64 {
        f64::from(self.players[k].cooperations) / f64::from(self.turns)
    }
}

/// Reusable histories for [`play_match`], so that playing many matches does
/// not allocate once the buffers have grown to the longest match.
///
/// Buffers made by [`MatchBuffers::new`] keep every move of a match; read
/// them afterwards with [`MatchBuffers::moves`] or
/// [`MatchBuffers::move_string`]. Buffers made by
/// [`MatchBuffers::without_moves`], for callers that read only the
/// results, keep a match between two strategies of bounded
/// [memory depth](twolevel_game::Classifier::memory_depth) in a window of
/// its last moves, so that the match takes the same memory however long it
/// is; the results are bit-identical.
#[derive(Clone, Debug, Default)]
pub struct MatchBuffers {
    /// Each player's moves as played.
    pub(crate) moves: [Vec<Action>; 2],
    /// `perceived[k]`: player `k`'s partner's moves as player `k` saw them.
    /// Used only under perception noise.
    perceived: [Vec<Action>; 2],
    /// Whether a match may keep only a window of its moves.
    windowed: bool,
    /// Whether the last match kept every move (it did unless `windowed`
    /// buffers played it in a window).
    complete: bool,
}

/// The shortest window a match of bounded memory depth keeps: a window of
/// twice the depth would slide too often for short depths.
pub const MIN_WINDOW: usize = 4096;

/// How much of each history a match keeps: buffers of `capacity` moves;
/// when they are full, their last `keep` moves move to the front. With
/// `capacity` the match length they never fill up, and every move is
/// kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Window {
    /// The most moves a history holds.
    pub(crate) capacity: usize,
    /// The moves kept when the window slides: the memory depth.
    keep: usize,
}

impl Window {
    /// The window of a match of `turns` rounds whose players read at most
    /// the last `memory_depth` moves: `max(2 * depth, MIN_WINDOW)` moves, or
    /// every move when that is no shorter than the match or the depth is
    /// unbounded. Each slide copies `depth` moves and frees at least as many
    /// places, so keeping the window costs at most one copied move per
    /// round.
    pub(crate) fn new(turns: u32, memory_depth: Option<u32>) -> Self {
        let turns = turns as usize;
        match memory_depth {
            Some(depth) => {
                let keep = depth as usize;
                let capacity = keep.saturating_mul(2).max(MIN_WINDOW);
                if capacity < turns {
                    Window { capacity, keep }
                } else {
                    Window::whole(turns)
                }
            }
            None => Window::whole(turns),
        }
    }

    /// The window that keeps every move of a match of `turns` rounds.
    const fn whole(turns: usize) -> Self {
        Window {
            capacity: turns,
            keep: turns,
        }
    }

    /// Whether the window keeps every move.
    const fn is_whole(&self) -> bool {
        self.keep == self.capacity
    }

    /// Moves the last [`Window::keep`] moves of a full history to its front,
    /// returning the history's new length.
    #[inline]
    fn slide(&self, history: &mut [Action]) -> usize {
        history.copy_within(history.len() - self.keep.., 0);
        self.keep
    }
}

impl MatchBuffers {
    /// Empty buffers that keep every move of a match.
    #[must_use]
    pub fn new() -> Self {
        MatchBuffers::default()
    }

    /// Empty buffers for callers that do not read the moves: a match
    /// between two strategies of bounded memory depth `k` keeps only a
    /// window of its last moves (`max(2k, MIN_WINDOW)` per history), so
    /// its memory does not grow with its length. [`MatchBuffers::moves`]
    /// then holds only the last moves; [`MatchBuffers::holds_every_move`]
    /// tells.
    #[must_use]
    pub fn without_moves() -> Self {
        MatchBuffers {
            windowed: true,
            ..MatchBuffers::default()
        }
    }

    /// Whether the buffers hold every move of the last match (always, for
    /// buffers made by [`MatchBuffers::new`]).
    #[must_use]
    pub const fn holds_every_move(&self) -> bool {
        !self.windowed || self.complete
    }

    /// Player `k`'s moves in the last match, as played: every move, or
    /// the last ones when [`MatchBuffers::holds_every_move`] is false.
    ///
    /// # Panics
    ///
    /// Panics if `k` is not 0 or 1.
    #[must_use]
    pub fn moves(&self, k: usize) -> &[Action] {
        &self.moves[k]
    }

    /// Player `k`'s moves in the last match as a string of `C` and `D`
    /// (the last ones only when [`MatchBuffers::holds_every_move`] is
    /// false).
    ///
    /// # Panics
    ///
    /// Panics if `k` is not 0 or 1.
    #[must_use]
    pub fn move_string(&self, k: usize) -> String {
        self.moves[k].iter().map(|a| a.to_string()).collect()
    }

    /// The window of a match of `turns` rounds between `players`: the
    /// deeper of their memory depths with buffers that allow it, every
    /// move otherwise.
    fn window(&self, players: &[&mut dyn Strategy; 2], turns: u32) -> Window {
        if self.windowed {
            let [first, second] = players.each_ref().map(|p| p.classifier().memory_depth);
            Window::new(turns, Classifier::deeper_memory(first, second))
        } else {
            Window::new(turns, None)
        }
    }

    /// Clears the histories for a match kept in `window`, reserving its
    /// capacity (the perceived moves only under perception noise).
    pub(crate) fn prepare(&mut self, window: Window, perception: bool) {
        self.complete = window.is_whole();
        for history in self.moves.iter_mut() {
            history.clear();
            history.reserve(window.capacity);
        }
        for history in self.perceived.iter_mut() {
            history.clear();
            if perception {
                history.reserve(window.capacity);
            }
        }
    }
}

/// Draws a geometric match length with continuation probability `delta`
/// (at least 1, mean `1 / (1 - delta)`) by inversion of the uniform `x` in
/// [0, 1): `n = max(1, ceil(ln(1 - x) / ln(delta)))`, capped at `u32::MAX`.
#[must_use]
pub fn geometric_length(delta: f64, x: f64) -> u32 {
    if delta <= 0.0 {
        return 1;
    }
    let n = ((1.0 - x).ln() / delta.ln()).ceil();
    if n >= f64::from(u32::MAX) {
        u32::MAX
    } else if n >= 1.0 {
        n as u32
    } else {
        1
    }
}

/// The number of rounds of a match: fixed, or drawn from `rng`.
pub(crate) fn draw_length(horizon: Horizon, rng: &mut dyn Rng) -> u32 {
    match horizon.kind() {
        HorizonKind::Fixed { turns } => turns,
        HorizonKind::Continuation { delta } => geometric_length(delta, rng.random::<f64>()),
    }
}

/// Flips `action` with probability `p`, drawing from `rng` only when `p`
/// is positive.
#[inline]
pub(crate) fn tremble(action: Action, p: f64, rng: &mut dyn Rng) -> Action {
    if p > 0.0 && rng.random::<f64>() < p {
        action.flip()
    } else {
        action
    }
}

/// The payoffs of the current round's politicization levels and
/// orientations: the stage table, and each player's [`Situation`] with its
/// own blended matrix, effective weight and both levels.
struct Payoffs {
    /// The level-free parts of the game's tables, for rebuilding the table
    /// when a level or an orientation moves.
    builder: StageTableBuilder,
    pis: [Politicization; 2],
    orientations: [Orientation; 2],
    table: StageTable,
    /// Each player's situation; the match loops fill in the calendar, the
    /// score and the last utility.
    situations: [Situation; 2],
}

impl Payoffs {
    fn new(
        game: &TwoLevelGame,
        pis: [Politicization; 2],
        orientations: [Orientation; 2],
        round: &Round,
    ) -> Self {
        let builder = StageTableBuilder::new(game);
        let mut table = StageTable::default();
        let weights = builder.fill(&mut table, pis, orientations);
        let own = own_matrices(&table);
        let situations = [0, 1].map(|k| Situation {
            politicization: pis[k].value(),
            partner_politicization: pis[1 - k].value(),
            payoffs: own[k],
            political_weight: weights[k],
            discount: round.discount[k],
            rounds_to_election: round.rounds_to_election,
            campaign: round.campaign,
            last_utility: None,
            score: 0.0,
            known_length: round.known_length,
        });
        Payoffs {
            builder,
            pis,
            orientations,
            table,
            situations,
        }
    }

    /// Rebuilds the table and the situations' payoffs, in place, if a level
    /// or an orientation changed.
    #[inline]
    fn update(&mut self, pis: [Politicization; 2], orientations: [Orientation; 2]) {
        if pis != self.pis || orientations != self.orientations {
            self.pis = pis;
            self.orientations = orientations;
            let weights = self.builder.fill(&mut self.table, pis, orientations);
            let own = own_matrices(&self.table);
            for (k, situation) in self.situations.iter_mut().enumerate() {
                situation.politicization = pis[k].value();
                situation.partner_politicization = pis[1 - k].value();
                situation.payoffs = own[k];
                situation.political_weight = weights[k];
            }
        }
    }
}

/// What the players know about the calendar of the coming round: each
/// one's discount factor `delta_i`, the election calendar and the known
/// length.
struct Round {
    discount: [f64; 2],
    rounds_to_election: Option<u32>,
    campaign: bool,
    known_length: Option<u32>,
}

/// The calendar of a match: the horizon's continuation probability, each
/// player's patience and the election cycle.
struct Calendar<'c> {
    turns: u32,
    known_length: Option<u32>,
    /// `delta_t` when it is the same in every round: a continuation
    /// horizon's `delta`, or `1 - 1/T` for a fixed horizon of unknown
    /// length.
    constant_delta: f64,
    patience: [f64; 2],
    election: Option<&'c ElectionCycle>,
}

impl<'c> Calendar<'c> {
    fn new(
        config: &'c MatchConfig,
        turns: u32,
        known_length: Option<u32>,
        settings: &[PlayerSettings; 2],
    ) -> Self {
        let constant_delta = match config.horizon.kind() {
            HorizonKind::Continuation { delta } => delta,
            HorizonKind::Fixed { turns } => 1.0 - 1.0 / f64::from(turns),
        };
        Calendar {
            turns,
            known_length,
            constant_delta,
            patience: [settings[0].patience, settings[1].patience],
            election: config.election.as_ref(),
        }
    }

    /// The calendar of round `turn` (from 0).
    #[inline]
    fn round(&self, turn: u32) -> Round {
        let delta_t = if self.known_length.is_some() {
            // The rounds left, this one included, act as the expected
            // remaining length: 0 in the last round.
            1.0 - 1.0 / f64::from(self.turns - turn)
        } else {
            self.constant_delta
        };
        let (patience, rounds_to_election, campaign) = match self.election {
            None => (self.patience, None, false),
            Some(cycle) => (
                self.patience.map(|h| cycle.patience_at(turn, h)),
                Some(cycle.rounds_to_election(turn)),
                cycle.is_campaign(turn),
            ),
        };
        Round {
            discount: [patience[0] * delta_t, patience[1] * delta_t],
            rounds_to_election,
            campaign,
            known_length: self.known_length,
        }
    }
}

/// Each player's own blended matrix (R', S', T', P') from a stage table.
#[inline]
fn own_matrices(table: &StageTable) -> [PayoffMatrix; 2] {
    // The game's magnitude check keeps every entry finite.
    [table.row_matrix(), table.column_matrix()]
}

/// Each player's orientation in round `turn`.
#[inline]
pub(crate) fn orientations_at(
    election: Option<&ElectionCycle>,
    turn: u32,
    settings: &[PlayerSettings; 2],
) -> [Orientation; 2] {
    match election {
        None => [settings[0].orientation, settings[1].orientation],
        Some(cycle) => settings.map(|s| cycle.orientation_at(turn, s.orientation)),
    }
}

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

/// Plays one match of `turns` rounds, the length [`play_match`] draws
/// (first, from `rng`) for `config`'s horizon: resets both strategies and
/// plays exactly as [`play_match`] does after its draw.
pub(crate) fn play_match_of_length(
    config: &MatchConfig,
    mut players: [&mut dyn Strategy; 2],
    settings: &[PlayerSettings; 2],
    buffers: &mut MatchBuffers,
    rng: &mut dyn Rng,
    turns: u32,
) -> MatchResult {
    for player in players.iter_mut() {
        player.reset();
    }
    let window = buffers.window(&players, turns);
    // The memory-one loops keep every move; a match that keeps only a
    // window of its moves (a long one, with buffers that allow it) is
    // played by the loops below, whose memory does not grow with its
    // length.
    if window.is_whole()
        && let Some(result) = crate::memory_one_match::play_memory_one(
            config, &players, settings, buffers, rng, turns,
        )
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
    if !static_payoffs || config.perception_noise > 0.0 {
        play_general(config, start, settings, buffers, rng)
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

/// The match loop when the stage table stays the same for the whole match
/// (fixed politicization, no election) and players see true moves.
///
/// The turn costs two decisions, one table lookup and, with `NOISY`, the
/// action-noise draws. Policy and political totals and cooperation counts
/// are computed at the end from the counts of the four outcomes; the
/// utility totals are the running scores the players saw.
fn play_static<const NOISY: bool>(
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

/// The result of a match paid from one table at fixed levels `pis`: the
/// utility totals are the running `scores`, the policy and political totals
/// and the cooperations come from the `counts` of the four outcomes.
pub(crate) fn fixed_table_result(
    turns: u32,
    scores: [f64; 2],
    counts: &[u32; 4],
    table: &StageTable,
    pis: [f64; 2],
) -> MatchResult {
    let totals = [0, 1].map(|k| {
        let mut totals = PlayerTotals {
            utility: scores[k],
            ..PlayerTotals::default()
        };
        for outcome in Outcome::ALL {
            let count = counts[outcome.index()];
            let payoff = &table.cells[outcome.index()][k];
            totals.policy += f64::from(count) * payoff.policy;
            totals.political += f64::from(count) * payoff.political;
            let own = if k == 0 { outcome.own } else { outcome.partner };
            if own.is_cooperation() {
                totals.cooperations += count;
            }
        }
        totals
    });
    let mean = (pis[0] + pis[1]) / 2.0;
    MatchResult {
        turns,
        players: totals,
        mean_politicization: mean,
        final_politicization: mean,
        mean_politicization_by_state: pis,
        final_politicization_by_state: pis,
    }
}

/// The match loop for everything else: perception noise, dynamic
/// politicization, election cycles. Totals are summed round by round.
fn play_general(
    config: &MatchConfig,
    start: Start<'_, '_>,
    settings: &[PlayerSettings; 2],
    buffers: &mut MatchBuffers,
    rng: &mut dyn Rng,
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
    let [moves0, moves1] = moves;
    let [perceived0, perceived1] = perceived;
    let mut totals = [PlayerTotals::default(); 2];
    let mut pi_sums = [0.0; 2];

    for turn in 0..turns {
        if turn > 0 {
            let round = calendar.round(turn);
            for (k, situation) in payoffs.situations.iter_mut().enumerate() {
                situation.discount = round.discount[k];
                situation.rounds_to_election = round.rounds_to_election;
                situation.campaign = round.campaign;
            }
        }
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
            perceived0.push(tremble(played1, config.perception_noise, rng));
            perceived1.push(tremble(played0, config.perception_noise, rng));
        }

        let cell = &payoffs.table.cells[Outcome::new(played0, played1).index()];
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

/// Each state's level after a round in which the players played `played`:
/// moved by `dynamics` (each player's defection as visible as
/// `visibilities` says, plus its securitizing move), or unchanged without
/// dynamics.
#[inline]
pub(crate) fn next_levels(
    dynamics: Option<&PoliticizationDynamics>,
    visibilities: Option<[f64; 2]>,
    pis: [Politicization; 2],
    played: [Action; 2],
    settings: &[PlayerSettings; 2],
) -> [Politicization; 2] {
    match (dynamics, visibilities) {
        (Some(dynamics), Some(visibilities)) => {
            let visible = |k: usize| {
                if played[k].is_defection() {
                    visibilities[k]
                } else {
                    0.0
                }
            };
            let visible = [visible(0), visible(1)];
            [
                dynamics.next_for_state(pis[0], visible[1], visible[0], settings[0].securitizing),
                dynamics.next_for_state(pis[1], visible[0], visible[1], settings[1].securitizing),
            ]
        }
        _ => pis,
    }
}

/// The result of a match summed round by round: the totals, and the levels
/// from their sums over the rounds (`pi_sums`) and their values after the
/// last round (`finals`).
pub(crate) fn moving_levels_result(
    turns: u32,
    totals: [PlayerTotals; 2],
    pi_sums: [f64; 2],
    finals: [Politicization; 2],
) -> MatchResult {
    let means = pi_sums.map(|sum| sum / f64::from(turns));
    let finals = finals.map(Politicization::value);
    MatchResult {
        turns,
        players: totals,
        mean_politicization: (means[0] + means[1]) / 2.0,
        final_politicization: (finals[0] + finals[1]) / 2.0,
        mean_politicization_by_state: means,
        final_politicization_by_state: finals,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;
    use rand_pcg::Pcg64Mcg;
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
    fn geometric_inversion() {
        assert_eq!(geometric_length(0.0, 0.7), 1);
        assert_eq!(geometric_length(0.5, 0.0), 1);
        // P(n <= 1) = 0.5: x just below 0.5 gives 1, just above gives 2.
        assert_eq!(geometric_length(0.5, 0.49), 1);
        assert_eq!(geometric_length(0.5, 0.51), 2);
        assert_eq!(geometric_length(0.5, 0.76), 3);
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

    #[test]
    fn noise_outside_the_unit_interval_is_rejected() {
        assert_eq!(
            classic(5).with_action_noise(1.5).unwrap_err().field,
            "action_noise"
        );
        assert_eq!(
            classic(5)
                .with_perception_noise(f64::NAN)
                .unwrap_err()
                .field,
            "perception_noise"
        );
        assert!(PlayerSettings::new(Orientation::POLICY, Some(-0.1)).is_err());
    }
}
