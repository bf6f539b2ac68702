//! The integration tests of `twolevel-tournament`, in one test binary (one
//! link instead of one per file), one module per behaviour:
//!
//! - `arena_files`: domestic arenas in tournament files (inline or from a
//!   CSV actor table), their located errors, and round robins with arenas
//!   (unchanged without them, the same on any number of threads);
//! - `arenas`: domestic arenas in play: no arena and zero weights are
//!   `play_match` bit for bit, coalitions of one, sovereignty bounds,
//!   each channel's sign over seeds, transitions and budgets;
//! - `currencies`: rankings, wins and fitness name their currency, and the
//!   output files say which column is which;
//! - `evolution`: evolutionary dynamics against closed forms, egttools and
//!   simulation, and evolution on tournaments;
//! - `files`: tournament files load, errors name the file, line, column
//!   and field, sizes beyond the limits are refused, and no generated or
//!   mutated file makes the loader panic;
//! - `graphs`: structured populations: evolution on graphs against the
//!   neutral 1/N and the `b/c > k` rule, exact incremental payoffs, and
//!   spatial tournaments against `axelrod`'s `edges`;
//! - `instruments`: carrots and sticks in play: the hegemon's and the
//!   coercer's transfers booked in every currency against hand-computed
//!   sums, zero instruments and matches without them bit for bit, and the
//!   grim thresholds with a sanction or a carrot in discounted payoffs;
//! - `keohane_pitfalls`: Keohane's pitfalls of specific reciprocity in
//!   play (`docs/negotiation/pitfalls.ron`): the reciprocators' `bias` and
//!   a negotiator's `hoarding`, what each costs in cooperation, hoarding
//!   across election terms, and no hoarding as before;
//! - `match_engine`: the match engine against a reference loop, its fast
//!   paths, noise, horizons and bounded histories;
//! - `negotiation`: negotiate, ratify and play: involuntary defection
//!   against its closed form, the even agreement bit for bit today's
//!   game, carrots and sanctions booked and of zero changing nothing,
//!   elections that keep, renegotiate or withdraw from an agreement, a
//!   lopsided deal failing in play;
//! - `negotiation_files`: negotiation files: the shipped scenarios'
//!   findings, located errors, an arena's actors as ratifiers, the
//!   report's files and seeds;
//! - `network_politics`: politicization spreading along a spatial
//!   tournament's edges and a bureaucratic network's autonomy, between
//!   epochs: exact updates, today's tournament when nothing moves,
//!   threads, located errors, and what structure does to the paradox of
//!   politicization over seeds;
//! - `numerical_invariants`: shares, probabilities and stationary
//!   distributions stay valid across the accepted parameter space;
//! - `regimes`: iterated regimes, regime tournaments and their evolution;
//! - `round_robin`: the round robin against `axelrod`, its determinism,
//!   its match cache and roles;
//! - `society`: the society engine, its evolution and its files;
//! - `statistics`: means, standard deviations and standard errors against
//!   values computed by hand;
//! - `sweeps`: sweep files over regime and society bases on the one sweep
//!   engine (shards, merging, seeds, refused lever paths);
//! - `two_level_model`: the levers, the shipped scenarios and the
//!   strategies that answer the two levels tell the model's story in play.
//!
//! `support` holds the shared set-up: the readers of the egttools fixtures
//! and the fuzzers' generators.

mod actor_levers;
mod arena_files;
mod arenas;
mod currencies;
mod evolution;
mod files;
mod graphs;
mod instruments;
mod keohane_pitfalls;
mod match_engine;
mod negotiation;
mod negotiation_files;
mod network_politics;
mod numerical_invariants;
mod regimes;
mod round_robin;
mod society;
mod statistics;
mod support;
mod sweeps;
mod two_level_model;
