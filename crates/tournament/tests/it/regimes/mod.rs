//! Regimes (n-state group games): `play` checks iterated regimes and regime
//! tournaments, `evolution` their analytic evolution against closed forms,
//! the pairwise analytics and simulation.

mod evolution;
mod play;
