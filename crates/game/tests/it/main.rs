//! The integration tests of `twolevel-game`, in one test binary (one link
//! instead of one per file).
//!
//! - `actors`: domestic arenas: the weighted median against every
//!   challenger, pooling, RON round trips and named errors;
//! - `two_level_game`: properties of the two-level game that hold for
//!   every parameter (the blend, the classic game, the thresholds, RON
//!   round trips, invalid input).

mod actors;
mod two_level_game;
