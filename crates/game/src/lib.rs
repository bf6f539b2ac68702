//! # twolevel-game
//!
//! The two-level game that every twolevel tournament plays: a policy payoff
//! (international, absolute gains) blended with a political payoff
//! (domestic, relative gains) by each state's political weight and the
//! politicization of the issue; the shadow of the future; the analytic
//! thresholds that say when it sustains cooperation; and the player traits
//! ([`Strategy`], [`RegimeStrategy`], [`SocietyRule`]) that players
//! implement. `docs/model.md` derives every formula.
//!
//! ## Modules
//!
//! - [`action`]: [`Action`] (C or D) and [`Outcome`].
//! - [`actors`]: domestic arenas (docs/actors.md): [`actors::Actor`]s
//!   with capability, position and salience, institutions' access,
//!   coalitions, channels, budgets and the weighted-median domestic
//!   position.
//! - [`matrix`]: validated 2x2 [`PayoffMatrix`] and [`Bimatrix`].
//! - [`two_level`]: [`TwoLevelGame`], [`Orientation`] (the political weight
//!   `w`), [`Politicization`] (`pi`), per-round [`Payoff`]s and the
//!   precomputed [`StageTable`].
//! - [`dynamics`]: [`Politics`] (fixed or dynamic `pi`),
//!   [`PoliticizationDynamics`] (public defections raise `pi`, calm rounds
//!   let it decay) and [`ElectionCycle`] (campaigns raise `w`).
//! - [`currency`]: the three [`Currency`]s a result is counted in (policy,
//!   political, own utility) and [`ByCurrency`] values.
//! - [`horizon`]: [`Horizon`], a fixed number of rounds or a continuation
//!   probability.
//! - [`analytic`]: grim-trigger and tit-for-tat thresholds, discounted path
//!   values and the paradox of politicization.
//! - [`memory_one`]: [`MemoryOnePlayer`]s (four-vector and first move) and
//!   the exact [`MemoryOneChain`] of a match between two of them, with
//!   noise: long-run, finite-match and discounted expected payoffs.
//! - [`norms`]: assessment [`Norm`]s of indirect reciprocity (image
//!   scoring, simple standing, stern judging, shunning, the leading eight)
//!   and [`Standing`].
//! - [`negotiation`]: Putnam's Level I and Level II: [`Ratifier`]s,
//!   [`Threshold`]s, [`WinSet`]s, the [`Zone`] of agreement, bargaining
//!   [`Protocol`]s, involuntary defection under an [`EstimateNoise`],
//!   [`Leverage`] and the [`Agreement`]'s game.
//! - [`resources`]: wealth and might ([`Resources`]), carrots ([`Carrot`])
//!   and sticks ([`Stick`]).
//! - [`instruments`]: the carrots and sticks a strategy declares
//!   ([`Instruments`]), which the match engine applies.
//! - [`graph`]: [`graph::Graph`] (compressed sparse rows) and the
//!   seeded families of [`graph::GraphSpec`] for structured populations.
//! - [`group`]: N-state stage games ([`GroupGame`]): public goods,
//!   collective risk and threshold public goods, with both levels.
//! - [`players`]: the player traits, one file a kind of game, sharing one
//!   boxing helper ([`CloneBoxed`]): [`players::pairwise`] (the
//!   [`Strategy`] trait, [`View`] with its [`Situation`], [`Classifier`]),
//!   [`players::regime`] ([`RegimeStrategy`] and its [`RegimeView`] of the
//!   whole action profile history) and [`players::society`]
//!   ([`SocietyRule`], its [`DonorView`] and [`StandingTable`]). The old
//!   paths [`strategy`] and [`regime`] name the first two.
//!
//! ## Invariants
//!
//! - **No IO and no randomness of its own.** This crate reads no files;
//!   it draws random numbers only from an RNG it is handed: a [`Strategy`]
//!   and a graph generator ([`graph::GraphSpec::generate`]) take the
//!   caller's.
//! - **Validated values.** Every parameter type is built by a constructor
//!   or deserializer that validates it, so a [`TwoLevelGame`],
//!   [`Politicization`], [`Horizon`], ... never holds NaN or an
//!   out-of-range value, and every payoff stays finite (within
//!   [`TwoLevelGame::MAX_PAYOFF`]). Bad input is a [`ParameterError`] naming
//!   the field, never a panic; through RON the error message carries the
//!   field name too.
//! - **The classic game is exact.** With `w = 0` and `pi = 0` every utility
//!   is the policy payoff bit for bit, so Axelrod's results are reproduced
//!   exactly.
//!
//! ## Quick start
//!
//! ```
//! use twolevel_game::{Action, Orientation, Politicization, TwoLevelGame};
//!
//! // The default game: Axelrod's payoffs, theta = 4, beta = 0.8.
//! let game = TwoLevelGame::default();
//!
//! // With w = 0 and pi = 0 it is exactly the classic prisoner's dilemma.
//! let classic = game.blended_matrix(Orientation::POLICY, Politicization::NONE);
//! assert_eq!((classic.r(), classic.s(), classic.t(), classic.p()), (3.0, 0.0, 5.0, 1.0));
//!
//! // A politician (w = 0.8) in a politicized issue (pi = 0.5).
//! let pi = Politicization::new(0.5)?;
//! let politician = Orientation::new(0.8)?;
//! let [row, column] = game.payoffs(Action::D, Action::C, pi, [politician, Orientation::POLICY]);
//! assert!(row.political > 0.0 && column.political < 0.0);
//! # Ok::<(), twolevel_game::ParameterError>(())
//! ```
//!
//! ## The shadow of the future and the paradox of politicization
//!
//! ```
//! use twolevel_game::{Orientation, Politicization, TwoLevelGame, paradox_of_politicization};
//!
//! let game = TwoLevelGame::default();
//! // Grim trigger sustains cooperation iff delta >= (T' - R') / (T' - P').
//! let classic = game.grim_threshold_at(Orientation::POLICY, Politicization::NONE);
//! assert_eq!(classic, Ok(0.5));
//! // Moderate politicization lowers the threshold, securitization raises it.
//! let paradox = paradox_of_politicization(&game, Orientation::POLICY)?;
//! assert!(paradox.is_paradox());
//! assert!(paradox.threshold_min < 0.47 && paradox.threshold_at_1 > 0.7);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## Politicization over time
//!
//! ```
//! use twolevel_game::{Action, Politicization, PoliticizationDynamics};
//!
//! // Megaphone diplomacy: each defection is fully public.
//! let dynamics = PoliticizationDynamics::new(1.0, 0.05, 0.1)?;
//! let mut pi = Politicization::NONE;
//! for _ in 0..10 {
//!     pi = dynamics.next_after(pi, [Action::D, Action::D]);
//! }
//! assert!(pi.value() > 0.6);
//! // Quiet diplomacy: the same defections, out of the political glare.
//! let quiet = dynamics.with_visibility(0.0)?;
//! assert_eq!(quiet.next_after(Politicization::NONE, [Action::D, Action::D]), Politicization::NONE);
//! # Ok::<(), twolevel_game::ParameterError>(())
//! ```

/// The RNG traits that [`Strategy::decide`] takes, re-exported so that a
/// third-party strategy uses the same `rand_core` version as the library.
pub use rand_core;

pub mod action;
pub mod actors;
pub mod analytic;
pub mod currency;
pub mod dynamics;
pub mod error;
pub mod graph;
pub mod group;
pub mod horizon;
pub mod instruments;
pub mod lanes;
pub mod matrix;
pub mod memory_one;
pub mod negotiation;
pub mod norms;
pub mod players;
pub mod resources;
pub mod two_level;

pub use players::pairwise as strategy;
pub use players::regime;

pub use action::{Action, Outcome};
pub use analytic::{
    Anchor, NoThreshold, ParadoxError, PoliticizationParadox, alternation_threshold,
    discounted_value, grim_paths, grim_threshold, paradox_of_politicization,
    paradox_of_politicization_with, periodic_value, tft_paths, tft_threshold, threshold_cell,
};
pub use analytic::{
    carrot_thresholds, carrot_thresholds_in_play, grim_threshold_with_sanction,
    sanctioned_grim_paths,
};
pub use currency::{ByCurrency, Currency};
pub use dynamics::{ElectionCycle, PoliticizationDynamics, Politics};
pub use error::ParameterError;
pub use group::{
    ActionPayoffs, GroupGame, GroupPolicy, RawGroupGame, Realization, StateLevels, cooperator_count,
};
pub use horizon::{Horizon, HorizonKind};
pub use instruments::Instruments;
pub use matrix::{Bimatrix, NotPrisonersDilemma, PayoffMatrix};
pub use memory_one::{ExpectedPayoffs, MemoryOneChain, MemoryOnePlayer, OutcomePayoffs};
pub use negotiation::{
    Agreement, EstimateNoise, Leverage, NoZone, Protocol, Ratifier, Reservation, Threshold, WinSet,
    Zone, alternating_offers_share, involuntary_defection_probability, proposal_probability,
    propose, rubinstein_share,
};
pub use norms::{Norm, Standing};
pub use players::{
    Classifier, CloneBoxed, DonorView, PairwiseKind, PlayerKind, RegimeKind, RegimeStrategy,
    RegimeView, Situation, SocietyKind, SocietyRule, StandingTable, Strategy, View, standing_table,
};
pub use resources::{Carrot, Resources, Stick};
pub use two_level::{
    DomesticTerms, Orientation, OrientedWeights, PAYOFF_LIMIT, Payoff, PoliticalPayoff,
    Politicization, RawTwoLevelGame, Role, StageTable, StageTableBuilder, TwoLevelGame, blend,
};
