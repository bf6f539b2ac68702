//! The entries of Axelrod's second tournament (Axelrod 1980b, "More
//! effective choice in the prisoner's dilemma", Journal of Conflict
//! Resolution 24(3), 379-403), translated rule for rule from Axelrod's own
//! Fortran (the repository `Axelrod-Python/TourExec`, one file a rule,
//! `src/strategies/kNNr.f`). One entry a file, named `"Second by
//! <Author>"` (the name the Python `axelrod` library gives its
//! `SecondBy*` re-implementation where it has one).
//!
//! ## The Fortran interface, kept
//!
//! Every Fortran rule is a function `KnnR(J, M, K, L, R, JA)` called once a
//! move with the partner's previous move `J` (0 cooperate, 1 defect; 0 on
//! the first move), the move number `M` (from 1), its own score `K` and the
//! partner's score `L` so far in the game (Axelrod's integer payoffs
//! R = 3, S = 0, T = 5, P = 1), a uniform random number `R` in [0, 1) and
//! its own previous move `JA`; it returns 0 to cooperate, 1 to defect. Its
//! variables keep their values from call to call (in the tournament as
//! Axelrod ran it every variable is SAVEd and zero at load).
//!
//! Here a rule is a [`FortranRule`]: a struct of the Fortran's SAVEd
//! variables (zero by [`Default`], as at load) and one method,
//! [`FortranRule::choose`], the Fortran's body, called with a [`Call`] of
//! the six arguments. [`SecondEntry`] turns a rule into a
//! [`Strategy`]: it keeps the two scores from the
//! moves (always with Axelrod's payoffs, whatever the tournament's: the
//! rules were written for that matrix and read the integer scores) and, for
//! a rule that reads `R`, draws one `f32` uniform from the match's RNG every
//! move, as the Fortran tournament drew one `RAN(seed)` a move for the row
//! rule. Reset returns the rule to its state at load, so every match starts
//! as in a fresh process. (In `TourExec` a rule that does not reset itself
//! on `M = 1` carries state from one game into the next; here each match
//! starts fresh, which is what a rule written for one game meant.)
//!
//! Because the random number is an argument, the stochastic rules are
//! checked move for move too: the fixture test replays the very numbers the
//! compiled Fortran was given (`tests/it/second_tournament.rs`).
//!
//! ## The ranking
//!
//! [`PUBLISHED_RANKING`] lists the 63 entries in the order of Axelrod
//! (1980b), as `TourExec`'s `KRowFunction` numbers them (row = rank), with
//! their authors, Fortran function and the registry name of those
//! implemented here.

use rand::RngExt;
use rand_core::Rng;
use twolevel_game::{Action, Classifier, Strategy, View};

use crate::registry::{StrategyEntry, default_build};

mod ranking;

// The entries, one a file (the list is kept by scripts/second-entries.py).
// BEGIN entries
pub(crate) mod k31r_grisell;
pub(crate) mod k32r_kluepfel;
pub(crate) mod k33r_rabbie;
pub(crate) mod k34r_friedman;
pub(crate) mod k35r_getzler;
pub(crate) mod k36r_hotz;
pub(crate) mod k37r_lefevre;
pub(crate) mod k38r_weiderman;
pub(crate) mod k39r_almy;
pub(crate) mod k40r_robert_adams;
pub(crate) mod k41r_weiner;
pub(crate) mod k42r_borufsen;
pub(crate) mod k43r_anderson;
pub(crate) mod k44r_wm_adams;
pub(crate) mod k45r_mcgurrin;
pub(crate) mod k46r_eatherley;
pub(crate) mod k47r_richard_hufford;
pub(crate) mod k48r_george_hufford;
pub(crate) mod k49r_cave;
pub(crate) mod k50r_smoody;
pub(crate) mod k51r_colbert;
pub(crate) mod k52r_smith;
pub(crate) mod k53r_nussbacher;
pub(crate) mod k54r_robertson;
pub(crate) mod k55r_newman;
pub(crate) mod k56r_quayle;
pub(crate) mod k57r_nydegger;
pub(crate) mod k58r_rowsam;
pub(crate) mod k59r_downing;
pub(crate) mod k60r_graaskamp_katzen;
pub(crate) mod k61r_champion;
pub(crate) mod k62r_hollander;
pub(crate) mod k63r_duisman;
pub(crate) mod k64r_yamachi;
pub(crate) mod k65r_batell;
pub(crate) mod k66r_mikkelson;
pub(crate) mod k67r_feathers;
pub(crate) mod k68r_leyvraz;
pub(crate) mod k69r_joss;
pub(crate) mod k70r_pebly;
pub(crate) mod k71r_hall;
pub(crate) mod k72r_white;
pub(crate) mod k73r_zimmerman;
pub(crate) mod k74r_friedland;
pub(crate) mod k75r_harrington;
pub(crate) mod k76r_gladstein;
pub(crate) mod k77r_feld;
pub(crate) mod k78r_mauk;
pub(crate) mod k79r_ambuehl_and_hickey;
pub(crate) mod k80r_dawes_and_batell;
pub(crate) mod k81r_jones;
pub(crate) mod k82r_leyland;
pub(crate) mod k83r_black;
pub(crate) mod k84r_tideman_and_chieruzzi;
pub(crate) mod k85r_falk_and_langsted;
pub(crate) mod k86r_grofman;
pub(crate) mod k87r_schurmann;
pub(crate) mod k88r_appold;
pub(crate) mod k89r_snodgrass;
pub(crate) mod k90r_maynard_smith;
pub(crate) mod k91r_pinkley;
pub(crate) mod k92r_rapoport;
pub(crate) mod k93r_random;

pub use k31r_grisell::Grisell;
pub use k32r_kluepfel::Kluepfel;
pub use k33r_rabbie::Rabbie;
pub use k34r_friedman::Friedman;
pub use k35r_getzler::Getzler;
pub use k36r_hotz::Hotz;
pub use k37r_lefevre::Lefevre;
pub use k38r_weiderman::Weiderman;
pub use k39r_almy::Almy;
pub use k40r_robert_adams::RobertAdams;
pub use k41r_weiner::Weiner;
pub use k42r_borufsen::Borufsen;
pub use k43r_anderson::Anderson;
pub use k44r_wm_adams::WmAdams;
pub use k45r_mcgurrin::McGurrin;
pub use k46r_eatherley::Eatherley;
pub use k47r_richard_hufford::RichardHufford;
pub use k48r_george_hufford::GeorgeHufford;
pub use k49r_cave::Cave;
pub use k50r_smoody::Smoody;
pub use k51r_colbert::Colbert;
pub use k52r_smith::Smith;
pub use k53r_nussbacher::Nussbacher;
pub use k54r_robertson::Robertson;
pub use k55r_newman::Newman;
pub use k56r_quayle::Quayle;
pub use k57r_nydegger::Nydegger;
pub use k58r_rowsam::Rowsam;
pub use k59r_downing::Downing;
pub use k60r_graaskamp_katzen::GraaskampKatzen;
pub use k61r_champion::Champion;
pub use k62r_hollander::Hollander;
pub use k63r_duisman::Duisman;
pub use k64r_yamachi::Yamachi;
pub use k65r_batell::Batell;
pub use k66r_mikkelson::Mikkelson;
pub use k67r_feathers::Feathers;
pub use k68r_leyvraz::Leyvraz;
pub use k69r_joss::Joss;
pub use k70r_pebly::Pebly;
pub use k71r_hall::Hall;
pub use k72r_white::White;
pub use k73r_zimmerman::Zimmerman;
pub use k74r_friedland::Friedland;
pub use k75r_harrington::Harrington;
pub use k76r_gladstein::Gladstein;
pub use k77r_feld::Feld;
pub use k78r_mauk::Mauk;
pub use k79r_ambuehl_and_hickey::AmbuehlAndHickey;
pub use k80r_dawes_and_batell::DawesAndBatell;
pub use k81r_jones::Jones;
pub use k82r_leyland::Leyland;
pub use k83r_black::Black;
pub use k84r_tideman_and_chieruzzi::TidemanAndChieruzzi;
pub use k85r_falk_and_langsted::FalkAndLangsted;
pub use k86r_grofman::Grofman;
pub use k87r_schurmann::Schurmann;
pub use k88r_appold::Appold;
pub use k89r_snodgrass::Snodgrass;
pub use k90r_maynard_smith::MaynardSmith;
pub use k91r_pinkley::Pinkley;
pub use k92r_rapoport::Rapoport;
pub use k93r_random::RandomEntry;
// END entries
pub use ranking::{PUBLISHED_RANKING, PublishedEntry};

/// The six arguments of a Fortran rule's call, as `TourExec` passes them.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Call {
    /// `J`: the partner's previous move, 0 (cooperate) or 1 (defect); 0 on
    /// the first move.
    pub partner_last: i32,
    /// `M`: the move number, 1 on the first move.
    pub move_number: i32,
    /// `K`: this rule's score so far in the game.
    pub own_score: i32,
    /// `L`: the partner's score so far in the game.
    pub partner_score: i32,
    /// `R`: a uniform random number in [0, 1), in single precision as in
    /// the Fortran (0 for a rule that does not read it).
    pub random: f32,
    /// `JA`: this rule's own previous move, 0 or 1; 0 on the first move.
    pub own_last: i32,
}

/// One entry of Axelrod's second tournament, as its Fortran function: the
/// SAVEd variables are the struct's fields (zero by [`Default`]) and
/// [`choose`](Self::choose) is the function's body.
pub trait FortranRule: Clone + Default + std::fmt::Debug + Send + Sync + 'static {
    /// The registry name, `"Second by <Author>"`.
    const NAME: &'static str;
    /// A one-line summary of the rule for the registry.
    const SUMMARY: &'static str;
    /// Other names the registry accepts (the `axelrod` library's, where it
    /// names the entry otherwise).
    const ALIASES: &'static [&'static str] = &[];
    /// Whether the rule reads the random number `R`: then one `f32` is
    /// drawn from the match's RNG every move, whether or not the move
    /// needs it, as the Fortran tournament drew one.
    const STOCHASTIC: bool;

    /// The rule's choice for this call: 0 to cooperate, 1 to defect (any
    /// other value is read as a defection, as `TourExec` would tally it).
    fn choose(&mut self, call: &Call) -> i32;
}

/// Axelrod's payoffs to the row player of one move, as the Fortran
/// tournament adds them to the scores: R = 3, S = 0, T = 5, P = 1.
#[must_use]
pub const fn axelrod_points(own: Action, partner: Action) -> i32 {
    match (own, partner) {
        (Action::C, Action::C) => 3,
        (Action::C, Action::D) => 0,
        (Action::D, Action::C) => 5,
        (Action::D, Action::D) => 1,
    }
}

/// The Fortran encoding of a move: 0 for C, 1 for D.
#[must_use]
pub const fn fortran_move(action: Action) -> i32 {
    match action {
        Action::C => 0,
        Action::D => 1,
    }
}

/// A second-tournament rule as a [`Strategy`]: the rule, the two game
/// scores kept from the moves, and the number of moves they count.
#[derive(Clone, Debug, Default)]
pub struct SecondEntry<R: FortranRule> {
    rule: R,
    own_score: i32,
    partner_score: i32,
    /// The number of moves the scores count.
    counted: usize,
}

impl<R: FortranRule> SecondEntry<R> {
    /// The rule, in its state at load (every variable zero).
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// The scores `(K, L)` after the view's histories: added from the last
    /// move when the previous call counted all but it, recounted from the
    /// histories otherwise.
    fn scores(&mut self, view: &View<'_>) -> (i32, i32) {
        let turn = view.turn();
        if turn == self.counted + 1 && turn <= view.own.len() {
            let own = view.own[turn - 1];
            let partner = view.partner[turn - 1];
            self.own_score += axelrod_points(own, partner);
            self.partner_score += axelrod_points(partner, own);
        } else if turn != self.counted {
            self.own_score = 0;
            self.partner_score = 0;
            for (&own, &partner) in view.own.iter().zip(view.partner) {
                self.own_score += axelrod_points(own, partner);
                self.partner_score += axelrod_points(partner, own);
            }
        }
        self.counted = turn;
        (self.own_score, self.partner_score)
    }
}

impl<R: FortranRule> Strategy for SecondEntry<R> {
    fn name(&self) -> &str {
        R::NAME
    }

    fn classifier(&self) -> Classifier {
        // The rules read the game scores, so the whole history.
        if R::STOCHASTIC {
            Classifier::stochastic(None)
        } else {
            Classifier::deterministic(None)
        }
    }

    fn decide(&mut self, view: &View<'_>, rng: &mut dyn Rng) -> Action {
        let (own_score, partner_score) = self.scores(view);
        let random = if R::STOCHASTIC {
            rng.random::<f32>()
        } else {
            0.0
        };
        let call = Call {
            partner_last: view.partner_last().map_or(0, fortran_move),
            move_number: i32::try_from(view.turn() + 1).unwrap_or(i32::MAX),
            own_score,
            partner_score,
            random,
            own_last: view.own_last().map_or(0, fortran_move),
        };
        if self.rule.choose(&call) == 0 {
            Action::C
        } else {
            Action::D
        }
    }

    fn reset(&mut self) {
        *self = Self::default();
    }
}

/// The registry entry of a second-tournament rule.
pub(crate) const fn entry<R: FortranRule>() -> StrategyEntry {
    StrategyEntry::new(R::NAME, R::SUMMARY, default_build::<SecondEntry<R>, _>)
        .with_aliases(R::ALIASES)
}
