//! The round robin: `axelrod_library` reproduces the Python `axelrod`
//! library's classic round robin exactly, `determinism` gives bit-identical
//! results on any number of threads, `match_cache` copies deterministic
//! matches exactly, and `roles` assigns the rows of a bimatrix by role.

mod axelrod_library;
mod determinism;
mod match_cache;
mod roles;
