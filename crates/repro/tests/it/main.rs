//! The integration tests of the reproductions, in one test binary:
//!
//! - `registry`: names are unique and found, the embedded reproduction
//!   files are a byte-identical copy of `reproductions/`, tables render;
//! - `claims`: every entry run at `--quick` size, with the numbers its
//!   claim rests on;
//! - `rules`: Nowak's (2006) kin-selection and indirect-reciprocity
//!   models, with numbers worked by hand.

mod claims;
mod registry;
mod rules;
