//! The two-level model in play (docs/model.md): `levers` checks that each of
//! the six levers changes what it names, `scenarios` that the shipped
//! scenarios tell the model's story, and `responsive_strategies` that
//! strategies answering the two levels change their moves with them.

mod levers;
mod responsive_strategies;
mod scenarios;
