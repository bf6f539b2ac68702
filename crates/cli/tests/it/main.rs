//! The integration tests of the `twolevel` command, in one test binary (one
//! link instead of one per file); both run the built binary
//! (`CARGO_BIN_EXE_twolevel`):
//!
//! - `arenas`: a file with domestic arenas writes its arena tables,
//!   timing table and plots, and a file without arenas none;
//! - `commands`: end-to-end checks of every subcommand and its output
//!   files;
//! - `other_bases`: sweeps over regime and society bases, with plots,
//!   shards and `twolevel run`;
//! - `sweep_fuzzer`: generated and mutated sweep files run or are refused
//!   with an error, never a panic.

mod arenas;
mod commands;
mod other_bases;
mod sweep_fuzzer;
