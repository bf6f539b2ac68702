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

pub mod classic;
pub mod config;
pub mod ledger;
pub mod preset;
pub mod registry;
pub mod testing;

mod contrite_tit_for_tat;
mod diffuse_reciprocity;
mod free_rider;
mod gear_shifting;
mod nationalist_defector;
mod tit_for_tat;

pub use classic::*;
pub use contrite_tit_for_tat::ContriteTitForTat;
pub use diffuse_reciprocity::DiffuseReciprocity;
pub use free_rider::FreeRider;
pub use gear_shifting::{GearShifting, GearShiftingParams};
pub use ledger::{Ledger, Valuation};
pub use nationalist_defector::NationalistDefector;
pub use tit_for_tat::TitForTat;
