//! The classic Axelrod strategies, with the names and behaviour of the
//! Python `axelrod` library (4.x). One strategy per file.

mod cooperator;
mod defector;

pub use cooperator::Cooperator;
pub use defector::Defector;
