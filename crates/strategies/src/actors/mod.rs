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
//! - [`Hegemon`]: tit for tat (or grim) that pays a carrot after each of
//!   the partner's cooperations (`docs/model.md` section 14).
//! - [`Coercer`]: tit for tat (or grim) that sanctions each of the
//!   partner's defections at a cost (`docs/model.md` section 14).
//! - [`Retaliation`]: the rule of the hegemon's and the coercer's moves.

pub(crate) mod coercer;
pub(crate) mod delegation;
pub(crate) mod free_rider;
pub(crate) mod hegemon;
pub(crate) mod nationalist_defector;
pub(crate) mod retaliation;

pub use coercer::Coercer;
pub use delegation::Delegation;
pub use free_rider::FreeRider;
pub use hegemon::Hegemon;
pub use nationalist_defector::NationalistDefector;
pub use retaliation::Retaliation;
