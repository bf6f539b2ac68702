//! Sweep files over bases of every kind run on the one sweep engine: a
//! regime and a society base, whole and as merged shards, their seeds,
//! and the lever paths refused for a base that is not a round robin;
//! a negotiation base, its per-pair measures and their `NaN`s; what a
//! sweep's identity hash covers.

mod identity;
mod negotiation_base;
mod other_bases;
