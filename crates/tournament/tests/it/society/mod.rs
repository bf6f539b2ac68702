//! Societies of random encounters (indirect reciprocity): `engine` checks
//! the engine against its analytic anchor and the known qualitative
//! results, `evolution` the evolution of action rules, `files` the society
//! files and their sweep.

mod engine;
mod evolution;
mod files;
