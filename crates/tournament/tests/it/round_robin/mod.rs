//! The round robin: `axelrod_library` reproduces the Python `axelrod`
//! library's classic round robin exactly, `axelrod_second` plays the
//! shipped second tournament of Axelrod's own entries, `determinism` gives bit-identical
//! results on any number of threads, `match_cache` copies deterministic
//! matches exactly, and `roles` assigns the rows of a bimatrix by role.

mod axelrod_library;
mod axelrod_second;
mod determinism;
mod match_cache;
mod roles;
