//! Configuration files as users write them: `any_file` checks that every
//! kind of file loads through one type with one seed, `tournament_files` that
//! the shipped files load and bad input is refused before anything runs,
//! `error_positions` that every error names the file, line, column and
//! field, `size_limits` that sizes beyond the limits are refused with the
//! estimate and the limit, `work_estimates` that every engine's memory and
//! work are estimated at load (regime, society, evolution with played
//! matches, negotiation, sweeps summed over their cells), and `fuzzing`
//! that no generated or mutated file makes the loaders or the runs panic.

mod any_file;
mod error_positions;
mod fuzzing;
mod integer_fields;
mod size_limits;
mod tournament_files;
mod work_estimates;
