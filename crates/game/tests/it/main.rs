//! The integration tests of `twolevel-game`, in one test binary (one link
//! instead of one per file).
//!
//! - `actors`: domestic arenas: the weighted median against every
//!   challenger, pooling, RON round trips and named errors;
//! - `graph`: graphs for structured populations: each family's structure,
//!   seeded generators, named errors and linear memory;
//! - `negotiation`: win-sets, the zone of agreement, bargaining,
//!   involuntary defection, leverage and the agreement's game
//!   (`docs/model.md` section 13);
//! - `resources`: carrots, sticks and their grim thresholds against
//!   discounted sums (section 14);
//! - `two_level_game`: properties of the two-level game that hold for
//!   every parameter (the blend, the classic game, the thresholds, RON
//!   round trips, invalid input).

mod actors;
mod graph;
mod negotiation;
mod resources;
mod two_level_game;
