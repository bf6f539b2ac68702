//! The integration tests of the `twolevel` command, in one test binary (one
//! link instead of one per file); both run the built binary
//! (`CARGO_BIN_EXE_twolevel`):
//!
//! - `arenas`: a file with domestic arenas writes its arena tables,
//!   timing table and plots, and a file without arenas none;
//! - `conventions`: every shipped file run by every subcommand under the
//!   same rules (output folder, one "written to" line, headline and
//!   footer, the example's table, no option that does nothing, errors
//!   naming field and range);
//! - `commands`: end-to-end checks of every subcommand and its output
//!   files;
//! - `other_bases`: sweeps over regime and society bases, with plots,
//!   shards and `twolevel run`;
//! - `sweep_fuzzer`: generated and mutated sweep files run or are refused
//!   with an error, never a panic;
//! - `hardening`: regressions of issue 27 (plots of huge payoffs, names
//!   with control characters, read-back results validated, a society's
//!   evolution block run);
//! - `reproduce`: `twolevel reproduce`: the list, a quick run's files and
//!   the errors;
//! - `plots`: every kind of plot rendered and its content checked against
//!   its data (Tukey's whiskers, viridis heatmaps, whole-number ticks,
//!   legends beside the data, words for identifiers, PNG images);
//! - `plot_fuzzer`: tampered output folders plot or are refused, never a
//!   panic, a hang or an SVG that is not well-formed;
//! - `output_folders`: regressions of issue 27, items 6 to 10 (cells'
//!   identities checked by merge, presets in a sweep's identity, symlinked
//!   outputs, runs killed between renames, folders in use); the shard
//!   fuzzer in `sweep_fuzzer` uses its helpers;
//! - `output_sizes`: regime, society and negotiation result files
//!   estimated before the run and refused one byte over the limit; time
//!   series plots of 10^5 generations sampled (small, well-formed SVGs).

/// The generators and the mutator of the file fuzzers, shared by the two
/// fuzzers here.
#[path = "../../../tournament/tests/it/support/fuzz_grammar.rs"]
mod fuzz_grammar;

mod arenas;
mod commands;
mod conventions;
mod hardening;
mod other_bases;
mod output_folders;
mod output_sizes;
mod plot_fuzzer;
mod plots;
mod reproduce;
mod support;
mod sweep_fuzzer;
