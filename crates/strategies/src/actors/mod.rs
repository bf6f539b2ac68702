//! The two-level actors: strategies that exist because of domestic
//! politics or exploit reciprocity between states. One strategy per file,
//! re-exported at the crate root.
//!
//! - [`FreeRider`]: learns a reciprocator's tolerance and rides just under
//!   it.
//! - [`NationalistDefector`]: defects for the home audience, optionally
//!   reciprocating while politicization is low.
//! - [`Delegation`]: a state as a politician and a bureaucrat who takes the
//!   wheel with probability `autonomy`.

pub(crate) mod delegation;
pub(crate) mod free_rider;
pub(crate) mod nationalist_defector;

pub use delegation::Delegation;
pub use free_rider::FreeRider;
pub use nationalist_defector::NationalistDefector;
