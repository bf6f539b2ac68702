//! The classic strategies against the Python `axelrod` library (4.14), by
//! fixtures its scripts in `scripts/` wrote to `tests/fixtures/`:
//! `classic` replays every pair of a panel move for move (and the
//! stochastic strategies statistically), `contrite` replays Contrite Tit
//! For Tat under noise.

mod classic;
mod contrite;
