//! # twolevel-tournament
//!
//! Matches, round-robin tournaments and evolutionary dynamics for twolevel.
pub mod evolution;
