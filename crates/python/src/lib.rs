//! # twolevel (Python)
//!
//! The Python package `twolevel`, built with PyO3 and maturin: two-level
//! Axelrod tournaments (from a RON file, RON text or Python objects),
//! their rankings and matrices in every currency, evolution and its
//! analytic functions, the regime, society and negotiation engines and
//! parameter sweeps. See `docs/python.md` for a quick start.
//!
//! The package is a maturin mixed project: this crate is its extension
//! module `twolevel._twolevel`, and `python/twolevel/` holds the Python
//! side: `__init__.py` re-exports the extension (so `import twolevel`
//! gives every function), `_notebook.py` builds pandas data frames and
//! matplotlib figures (both optional, imported when first used), and the
//! extension's type stub (`_twolevel.pyi`) with a `py.typed` marker.
//!
//! Build and install it into the active virtual environment with
//! `maturin develop --release` in this folder. The Rust side holds no
//! model code: every function calls the `twolevel` library, so Python
//! gets the same numbers as Rust for the same file and seed
//! (`tests/it/reference.rs` and `tests/test_reference.py` check it).
//!
//! Errors of the library (files, fields, parameters) are raised as
//! `ValueError` with the library's message, which names the file, line
//! and column, or the field, and what is expected.
//!
//! Modules:
//!
//! - `tournament`: round robins from a file, RON text or Python objects,
//!   and their results;
//! - `evolution`: the evolutionary process of a tournament file, Moran and
//!   Fermi runs and the deterministic dynamics on a payoff table, and the
//!   analytic functions;
//! - `engines`: the regime, society and negotiation engines and sweeps;
//! - `convert`: conversions between Python objects and the library's types
//!   (errors, currencies, numpy matrices, tournaments), everything the
//!   bindings know about the library's file formats.

mod convert;
mod engines;
mod evolution;
mod tournament;

use pyo3::prelude::*;

/// The compiled part of the package `twolevel` (`twolevel._twolevel`):
/// two-level Axelrod tournaments, where each state's payoff blends a
/// domestic political payoff with an international policy payoff.
/// `python/twolevel/__init__.py` re-exports everything it holds.
#[pymodule(name = "_twolevel")]
fn twolevel_module(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add("__version__", env!("CARGO_PKG_VERSION"))?;
    module.add("CURRENCIES", ["policy", "political", "utility"])?;
    module.add_class::<tournament::TournamentResults>()?;
    module.add_function(wrap_pyfunction!(tournament::run_file, module)?)?;
    module.add_function(wrap_pyfunction!(tournament::run_ron, module)?)?;
    module.add_function(wrap_pyfunction!(tournament::round_robin, module)?)?;
    module.add_function(wrap_pyfunction!(tournament::strategies, module)?)?;
    module.add_function(wrap_pyfunction!(tournament::presets, module)?)?;
    module.add_function(wrap_pyfunction!(evolution::evolve_file, module)?)?;
    module.add_function(wrap_pyfunction!(evolution::evolve_ron, module)?)?;
    module.add_function(wrap_pyfunction!(evolution::evolve_table, module)?)?;
    module.add_function(wrap_pyfunction!(
        evolution::fixation_probability_of,
        module
    )?)?;
    module.add_function(wrap_pyfunction!(evolution::fixation_time, module)?)?;
    module.add_function(wrap_pyfunction!(evolution::fixation_matrix, module)?)?;
    module.add_function(wrap_pyfunction!(
        evolution::stationary_distribution,
        module
    )?)?;
    module.add_function(wrap_pyfunction!(evolution::thresholds, module)?)?;
    module.add_function(wrap_pyfunction!(
        evolution::paradox_of_politicization,
        module
    )?)?;
    module.add_function(wrap_pyfunction!(engines::run_regime_file, module)?)?;
    module.add_function(wrap_pyfunction!(engines::run_regime_ron, module)?)?;
    module.add_function(wrap_pyfunction!(engines::run_regime, module)?)?;
    module.add_function(wrap_pyfunction!(engines::run_society_file, module)?)?;
    module.add_function(wrap_pyfunction!(engines::run_society_ron, module)?)?;
    module.add_function(wrap_pyfunction!(engines::run_society, module)?)?;
    module.add_function(wrap_pyfunction!(engines::run_negotiation_file, module)?)?;
    module.add_function(wrap_pyfunction!(engines::run_negotiation_ron, module)?)?;
    module.add_function(wrap_pyfunction!(engines::run_sweep_file, module)?)?;
    Ok(())
}
