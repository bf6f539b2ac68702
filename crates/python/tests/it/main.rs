//! The Rust-side integration tests of `twolevel-python`, in one test binary:
//!
//! - `reference`: the Rust API gives the numbers of
//!   `tests/fixtures/reference.json`, the fixture the Python tests
//!   (`tests/test_reference.py`, run by pytest) check the module against.

mod reference;
