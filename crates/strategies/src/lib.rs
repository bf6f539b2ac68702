//! # twolevel-strategies
//!
//! The players of twolevel: specific reciprocity (tit-for-tat and its
//! family), diffuse reciprocity with a credit/debt ledger, free-riders,
//! nationalist defectors, and the classic Axelrod set with the names and
//! behaviour of the Python `axelrod` library.
//!
//! Every strategy implements [`twolevel_game::Strategy`]; one strategy per
//! file, each documented with its rule and its source.
//!
//! - The mission's strategies: [`TitForTat`], [`DiffuseReciprocity`] (on a
//!   credit/debt [`Ledger`]), [`GearShifting`], [`FreeRider`],
//!   [`NationalistDefector`] and [`ContriteTitForTat`].
//! - [`Delegation`]: a state as a politician and a bureaucrat who takes the
//!   wheel with probability `autonomy`.
//! - The classic Axelrod set in [`classic`], re-exported here.
//! - Memory-one players in [`memory_one`], re-exported here: the generic
//!   four-vector [`MemoryOne`] and the zero-determinant strategies of Press
//!   and Dyson (2012) ([`ZeroDeterminant`], [`ZDExtort2`], [`ZDGTFT2`], ...).
//! - [`registry`]: build any of them by name from a [`StrategySpec`](registry::StrategySpec).
//! - [`preset`]: named actors (strategy + political weight + visibility)
//!   from the RON files of the top-level `strategies/` folder, also
//!   compiled in.
//! - [`config`]: RON parsing with errors that give file, line and column.
//! - [`testing`]: helpers to play strategies against each other in tests.
//!
//! ## Quick start
//!
//! ```
//! use twolevel_strategies::{TitForTat, Defector};
//! use twolevel_strategies::testing::play;
//!
//! let (tft, alld) = play(&mut TitForTat, &mut Defector, 5);
//! assert_eq!(tft, "CDDDD");
//! assert_eq!(alld, "DDDDD");
//! ```
//!
//! Building from configuration:
//!
//! ```
//! use twolevel_strategies::config::parse_ron;
//! use twolevel_strategies::registry::{build, StrategySpec};
//!
//! let spec: StrategySpec = parse_ron(
//!     r#"(name: "Diffuse Reciprocity", params: {"tolerance": 2.0, "lambda": 0.9})"#,
//!     "<example>",
//! )?;
//! let bureaucrat = build(&spec)?;
//! assert_eq!(bureaucrat.name(), "Diffuse Reciprocity");
//!
//! let presets = twolevel_strategies::preset::builtin_presets()?;
//! assert_eq!(presets["politician"].political_weight(), 0.8);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod classic;
pub mod config;
pub mod ledger;
pub mod memory_one;
pub mod preset;
pub mod registry;
pub mod testing;

mod contrite_tit_for_tat;
mod delegation;
mod diffuse_reciprocity;
mod free_rider;
mod gear_shifting;
mod nationalist_defector;
mod tit_for_tat;

pub use classic::*;
pub use contrite_tit_for_tat::ContriteTitForTat;
pub use delegation::Delegation;
pub use diffuse_reciprocity::DiffuseReciprocity;
pub use free_rider::FreeRider;
pub use gear_shifting::{GearShifting, GearShiftingParams};
pub use ledger::{Ledger, Valuation};
pub use memory_one::{
    Baseline, MemoryOne, ZDExtort2, ZDExtort2v2, ZDExtort3, ZDExtort4, ZDExtortion, ZDGTFT2,
    ZDGen2, ZDMischief, ZDSet2, ZeroDeterminant,
};
pub use nationalist_defector::NationalistDefector;
pub use tit_for_tat::TitForTat;
