//! The pairwise player: the [`Strategy`] trait, the one thing a player of
//! an iterated two-state match must implement, with its [`View`] of the
//! match, the [`Situation`] behind the view and the [`Classifier`] of what
//! a strategy uses.
//!
//! The trait is object-safe: tournaments hold players as
//! `Box<dyn Strategy>` (see the [module above](super) for why it lives in
//! `twolevel-game` and how boxes are cloned).

use rand_core::Rng;

use super::{CloneBoxed, PairwiseKind};
use crate::action::Action;
use crate::instruments::Instruments;
use crate::matrix::PayoffMatrix;
use crate::memory_one::MemoryOnePlayer;

/// What a player may know about a strategy without running it, after the
/// Python `axelrod` library's classifier.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Classifier {
    /// How many past rounds a move can depend on; `None` means unbounded.
    ///
    /// `Some(k)` is a promise the match engine relies on: every decision
    /// (and every change to the strategy's own state) reads at most the
    /// last `k` moves of each history and nothing derived from the
    /// histories' length (the rounds played are [`View::turn`]). A match
    /// between two such strategies keeps only a window of the last moves
    /// (see [`View`]), so its memory does not grow with its length; a
    /// strategy that reads further back must say `None`.
    pub memory_depth: Option<u32>,
    /// Whether the strategy draws from the RNG.
    pub stochastic: bool,
    /// Whether the strategy reads the match length when it is known.
    pub uses_length: bool,
    /// Whether the strategy reads the politicization level.
    pub uses_politicization: bool,
}

impl Classifier {
    /// A deterministic strategy with the given memory depth that reads
    /// neither the length nor politicization.
    #[must_use]
    pub const fn deterministic(memory_depth: Option<u32>) -> Self {
        Classifier {
            memory_depth,
            stochastic: false,
            uses_length: false,
            uses_politicization: false,
        }
    }

    /// A stochastic strategy with the given memory depth.
    #[must_use]
    pub const fn stochastic(memory_depth: Option<u32>) -> Self {
        Classifier {
            memory_depth,
            stochastic: true,
            uses_length: false,
            uses_politicization: false,
        }
    }

    /// The memory depth that covers two: the larger of two bounded depths,
    /// unbounded (`None`) when either is. It is what a player made of two
    /// strategies reads, and what a match between two strategies must keep.
    #[must_use]
    pub const fn deeper_memory(first: Option<u32>, second: Option<u32>) -> Option<u32> {
        match (first, second) {
            (Some(a), Some(b)) => Some(if a > b { a } else { b }),
            _ => None,
        }
    }
}

/// A read-only view of a match from one player's side, at the start of a
/// round: the two histories, the number of rounds played, and everything
/// else the player knows in its [`Situation`].
///
/// The histories may be suffixes: when both players of a match declare a
/// bounded [`Classifier::memory_depth`] `k`, the match engine may keep only
/// the last moves (at least the last `k`, or all of them before round `k`),
/// so that a match's memory does not grow with its length. A strategy that
/// declares `Some(k)` therefore reads only the last `k` moves of each
/// history, and takes the number of rounds played from [`View::turn`], never
/// from the length of a history.
///
/// A view is four words wide, so that the match engine builds one per
/// player and round at the cost of a few stores: the histories as slices,
/// the rounds played, and a reference to the player's [`Situation`], which the engine keeps
/// and changes only where it changed (the score and last utility every
/// round, the payoffs when a politicization level moves). A view
/// dereferences to its situation, so `view.score`, `view.payoffs` or
/// `view.discount` read the situation's fields.
///
/// Build one with [`View::new`]; a test that needs a classic round builds
/// its situation with [`Situation::classic`]:
///
/// ```
/// use twolevel_game::{Action, PayoffMatrix, Situation, View};
///
/// let situation = Situation::classic(PayoffMatrix::AXELROD);
/// let (own, partner) = ([Action::C], [Action::D]);
/// let view = View::new(&own, &partner, &situation);
/// assert_eq!(view.partner_last(), Some(Action::D));
/// assert_eq!(view.payoffs.t(), 5.0);
/// ```
#[derive(Clone, Copy, Debug)]
pub struct View<'a> {
    /// This player's own moves so far, as played (after any action noise).
    pub own: &'a [Action],
    /// The partner's moves so far, as this player perceived them (after any
    /// perception noise).
    pub partner: &'a [Action],
    /// The number of rounds already played (0 in the first round); at
    /// least the length of the histories, which may hold only the last
    /// moves.
    pub rounds_played: usize,
    /// Everything else this player knows at the start of the round.
    pub situation: &'a Situation,
}

/// What a player knows at the start of a round besides the two histories:
/// politicization, its own blended payoffs and weight, its discount factor,
/// the election calendar, its last utility and score, and the match length
/// when it is known. A [`View`] holds a reference to it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Situation {
    /// This state's own politicization `pi_i` in [0, 1]: the level of the
    /// problem in front of its own public (with one shared level, the
    /// shared level).
    pub politicization: f64,
    /// The partner state's politicization `pi_j` in [0, 1].
    pub partner_politicization: f64,
    /// This player's own blended utilities (R', S', T', P') this round,
    /// from its own side: its own `w_eff`, its own `pi_i` and the partner's
    /// `pi_j`.
    pub payoffs: PayoffMatrix,
    /// This player's effective political weight `w_eff` this round
    /// (including any campaign boost and the brake of its own `pi_i`).
    pub political_weight: f64,
    /// This player's own discount factor `delta_i = h * delta_t` this
    /// round (`docs/model.md` section 5): its patience `h` (lowered during a
    /// campaign) times the horizon's continuation probability `delta_t`
    /// (`delta` of a continuation horizon; `1 - 1/T` for a fixed horizon
    /// of unknown length `T`; `1 - 1/r` with `r` rounds left, this one
    /// included, when the length is known).
    pub discount: f64,
    /// The rounds left before the next election, this one included (1 in
    /// the last round of a term); `None` without an election cycle.
    pub rounds_to_election: Option<u32>,
    /// Whether this round falls in an election campaign.
    pub campaign: bool,
    /// The utility this player received in the previous round (its true
    /// payoff, whatever it perceived); `None` in the first round.
    pub last_utility: Option<f64>,
    /// This player's total utility so far.
    pub score: f64,
    /// The number of rounds of the match, when the horizon is fixed and the
    /// tournament makes it known; `None` otherwise.
    pub known_length: Option<u32>,
    /// What the partner's carrots and sticks in force this round add to
    /// this player's gain from cooperating over defecting, a round later,
    /// in its own utility (`docs/model.md` section 14): the carrot it
    /// receives after a cooperation plus the sanction it suffers after a
    /// defection, each through this player's blend. 0 without
    /// instruments. Against grim trigger, cooperation is then sustained
    /// iff `delta_i >= (T' - R') / (T' - P' + incentive)`
    /// ([`grim_threshold_with_sanction`](crate::analytic::grim_threshold_with_sanction)).
    pub incentive: f64,
}

impl Situation {
    /// The discount factor a situation reports when nothing else is known:
    /// a fixed horizon of Axelrod's 200 rounds, `1 - 1/200`.
    pub const DEFAULT_DISCOUNT: f64 = 1.0 - 1.0 / 200.0;

    /// The situation of a classic game with the given payoffs: no
    /// politicization, political weight 0, the
    /// [`Situation::DEFAULT_DISCOUNT`], no election, no last utility, score
    /// 0, unknown length, no partner's instruments.
    #[must_use]
    pub const fn classic(payoffs: PayoffMatrix) -> Self {
        Situation {
            politicization: 0.0,
            partner_politicization: 0.0,
            payoffs,
            political_weight: 0.0,
            discount: Self::DEFAULT_DISCOUNT,
            rounds_to_election: None,
            campaign: false,
            last_utility: None,
            score: 0.0,
            known_length: None,
            incentive: 0.0,
        }
    }
}

impl<'a> View<'a> {
    /// A view of the round after the given (whole) histories, in the given
    /// situation: the rounds played are the length of `own`.
    #[inline]
    #[must_use]
    pub const fn new(own: &'a [Action], partner: &'a [Action], situation: &'a Situation) -> Self {
        View {
            own,
            partner,
            rounds_played: own.len(),
            situation,
        }
    }

    /// A view of round `rounds_played` (from 0) whose histories hold only
    /// the last moves: `own` and `partner` are the ends of the two
    /// histories, of equal length no greater than `rounds_played`. The
    /// match engine builds these for strategies of bounded memory depth.
    #[inline]
    #[must_use]
    pub const fn recent(
        own: &'a [Action],
        partner: &'a [Action],
        rounds_played: usize,
        situation: &'a Situation,
    ) -> Self {
        debug_assert!(own.len() == partner.len() && own.len() <= rounds_played);
        View {
            own,
            partner,
            rounds_played,
            situation,
        }
    }

    /// The number of rounds already played (0 in the first round):
    /// [`View::rounds_played`], which the histories' length may fall short
    /// of.
    #[inline]
    #[must_use]
    pub const fn turn(&self) -> usize {
        self.rounds_played
    }

    /// The partner's last move as perceived, if any.
    #[inline]
    #[must_use]
    pub fn partner_last(&self) -> Option<Action> {
        self.partner.last().copied()
    }

    /// This player's own last move, if any.
    #[inline]
    #[must_use]
    pub fn own_last(&self) -> Option<Action> {
        self.own.last().copied()
    }
}

impl std::ops::Deref for View<'_> {
    type Target = Situation;

    /// The view's situation, so that its fields read as the view's own.
    #[inline]
    fn deref(&self) -> &Situation {
        self.situation
    }
}

/// A player of the iterated game.
///
/// A move depends only on the [`View`] and the RNG it is given, plus state
/// that the strategy built from earlier views. [`Strategy::reset`] returns
/// the strategy to its state before the first round, so that a reset
/// strategy replays identically under the same seed.
///
/// Implementors derive (or implement) `Clone`; the supertrait
/// [`CloneBoxed`] then gives them [`CloneBoxed::clone_box`] for free.
pub trait Strategy: CloneBoxed<PairwiseKind> + Send + Sync {
    /// The strategy's display name, as in the Python `axelrod` library for
    /// the classic strategies (for example `"Tit For Tat"`).
    fn name(&self) -> &str;

    /// What the strategy uses; see [`Classifier`].
    fn classifier(&self) -> Classifier;

    /// Chooses this round's action.
    fn decide(&mut self, view: &View<'_>, rng: &mut dyn Rng) -> Action;

    /// Forgets everything learned in a match.
    fn reset(&mut self);

    /// The strategy as a [`MemoryOnePlayer`], when it is exactly one; `None`
    /// (the default) otherwise.
    ///
    /// Return `Some(player)` only when [`Strategy::decide`] is, for every
    /// view, the following rule and nothing else: in the first round
    /// (empty histories) cooperate with probability `p =`
    /// [`player.first_cooperation()`](MemoryOnePlayer::first_cooperation),
    /// afterwards with `p =`
    /// [`player.cooperation_after(outcome)`](MemoryOnePlayer::cooperation_after),
    /// where `outcome` is the player's own last move (as played) and the
    /// partner's last move (as perceived); a `p` of 0 or 1 gives D or C
    /// without touching the RNG, any other `p` draws one `f64` from the RNG
    /// (`rand`'s standard uniform, `rng.random::<f64>()`) and cooperates
    /// when it is below `p`. Such a strategy keeps no state, and reads
    /// nothing else of the view (no payoffs, no politicization, no
    /// discount).
    ///
    /// The match engine then plays the strategy without calling `decide`
    /// (a tight loop over the four outcomes when both players are
    /// memory-one), with the same moves, draws and payoffs, bit for bit.
    fn memory_one(&self) -> Option<MemoryOnePlayer> {
        None
    }

    /// The strategy's standing policy of carrots and sticks
    /// (`docs/model.md` section 14): [`Instruments::NONE`] by default.
    ///
    /// The match engine reads it once per match, after
    /// [`Strategy::reset`]: a carrot is paid after every round in which
    /// the partner cooperated, a sanction imposed after every round in
    /// which it defected, whatever the strategy decides in between.
    fn instruments(&self) -> Instruments {
        Instruments::NONE
    }
}
