//! The integration tests of the `twolevel` facade, in one test binary (one
//! link instead of one per file), one module per behaviour:
//!
//! - `any_file`: `run_any_file` runs every shipped file whatever its kind;
//! - `arena_files`: a round-robin file with domestic arenas runs through
//!   the facade like any other;
//! - `file_functions`: the facade's file functions and its one error type;
//! - `reproducibility`: shipped round robins give their pinned numbers;
//! - `third_party_strategy`: a strategy written outside the workspace
//!   enters a round robin.

mod any_file;
mod arena_files;
mod file_functions;
mod reproducibility;
mod third_party_strategy;
