//! Domestic arenas: the car's occupants as agents (docs/actors.md).
//!
//! The article is "actor-centric rather than state-centric": "the capacity
//! of a given actor to influence international negotiations depends on
//! their available resources, and the nature of that influence depends on
//! their interests. Their ability to exert influence depends on the
//! institutional context." A state (a tournament entrant) may have an
//! [`Arena`] of [`Actor`]s; a state without one plays exactly as before.
//!
//! One concept a file, each deriving its formulas:
//!
//! - `actor.rs`: [`Actor`], its [`ActorKind`], [`ActorOrientation`] and
//!   [`Channel`]s;
//! - `access.rs`: institutions, [`Access`] by kind and the
//!   [`AccessChange`]s of transitions;
//! - `arena.rs`: a state's [`Arena`] and its [`ArenaRates`];
//! - `coalition.rs`: webs of influence, [`Coalition`]s of [`ActorRef`]s
//!   and their pooled weight;
//! - `influence.rs`: the influence weight `v_k`;
//! - `median.rs`: the domestic position, [`weighted_median`];
//! - `channels.rs`: what an arena does to its government in a round
//!   (lobby, media, expertise, foreign pressure and backlash, epistemic
//!   communities);
//! - `timing.rs`: [`Budget`]s, [`SpendingRule`]s and the actors' payoff.

pub mod access;
pub mod actor;
pub mod arena;
pub mod channels;
pub mod coalition;
pub mod influence;
pub mod median;
pub mod timing;

pub use access::{Access, AccessChange};
pub use actor::{Actor, ActorKind, ActorOrientation, Channel};
pub use arena::{Arena, ArenaRates, RawArena};
pub use channels::{ArenaEffects, ChannelSet, ChannelSums, epistemic_factor};
pub use coalition::{ActorRef, Coalition, RawCoalition, pool};
pub use influence::{influence_weight, politicization_factor, positive_and_finite};
pub use median::{MedianOrder, weighted_median};
pub use timing::{
    Budget, SpendingCalendar, SpendingMoment, SpendingPlan, SpendingRule, actor_payoff,
};
