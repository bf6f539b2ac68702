//! Reciprocity: strategies that answer the partner's moves in kind, from
//! strict tit for tat to diffuse reciprocity on a credit line. One strategy
//! per file, re-exported at the crate root.
//!
//! - [`TitForTat`]: specific reciprocity, move for move.
//! - [`ContriteTitForTat`]: tit for tat that forgives the retaliation its own
//!   accidental defection provoked.
//! - [`DiffuseReciprocity`]: cooperation on a credit line, kept in a
//!   [`Ledger`](ledger::Ledger).
//! - [`GearShifting`]: diffuse reciprocity whose tolerance grows with
//!   sustained cooperation.
//! - [`PrudentReciprocator`]: tit for tat while its own discount factor
//!   makes cooperation self-enforcing under its own blended payoffs.
//! - [`ledger`]: the credit/debt ledger shared by the ledger strategies (and
//!   by the [`FreeRider`](crate::FreeRider)).

pub(crate) mod contrite_tit_for_tat;
pub(crate) mod diffuse_reciprocity;
pub(crate) mod gear_shifting;
pub mod ledger;
pub(crate) mod prudent_reciprocator;
pub(crate) mod tit_for_tat;

pub use contrite_tit_for_tat::ContriteTitForTat;
pub use diffuse_reciprocity::DiffuseReciprocity;
pub use gear_shifting::{GearShifting, GearShiftingParams};
pub use prudent_reciprocator::PrudentReciprocator;
pub use tit_for_tat::TitForTat;
