//! Memory-one players and the exact Markov chain of a match between two of
//! them.
//!
//! A memory-one player cooperates with a probability that depends only on
//! the outcome of the previous round, seen from its own side (its own move
//! first, the partner's second): the four-vector
//! `(p_CC, p_CD, p_DC, p_DD)`, plus a probability of cooperating in the
//! first round. Tit-for-tat is `(1, 0, 1, 0)` with first move C,
//! Win-Stay Lose-Shift `(1, 0, 0, 1)`, and the zero-determinant strategies
//! of Press and Dyson (2012) are memory-one players too.
//!
//! Two memory-one players make the outcomes of a match a Markov chain over
//! the four outcomes `CC, CD, DC, DD`, indexed from the first player's (X's)
//! side as in [`Outcome::index`]. With action noise `e` (each chosen move
//! flipped with probability `e`, as in the match engine) a player's
//! effective cooperation probability is `p (1 - e) + (1 - p) e`; with
//! perception noise `q` (each player sees the partner's last move flipped
//! with probability `q`) it conditions on `(own, partner)` with probability
//! `1 - q` and on `(own, not partner)` with probability `q`. Y sees the
//! outcome `CD` of X as `DC`, so its vector is re-indexed before the chain
//! is built. With `x_i` and `y_i` the effective cooperation probabilities
//! of X and Y after X-side outcome `i`, the transition matrix is
//!
//! ```text
//! M[i] = [x_i y_i, x_i (1 - y_i), (1 - x_i) y_i, (1 - x_i)(1 - y_i)]
//! ```
//!
//! and the first round's outcome has the distribution `v0` built the same
//! way from the first-move probabilities. [`MemoryOneChain`] gives
//!
//! - the long-run distribution `lim (1/n) sum_{t < n} v0 M^t` (the Cesàro
//!   limit, always defined, equal to the unique stationary distribution
//!   when the chain has one), and the long-run mean payoffs per round;
//! - the exact expected payoffs of a match of `T` rounds,
//!   `sum_{t < T} v0 M^t f`;
//! - the exact expected payoffs of a match with continuation probability
//!   `delta` ([`HorizonKind::Continuation`]): round `t + 1` is played with
//!   probability `delta^t`, so the expected total is
//!   `v0 (I - delta M)^-1 f`, and per round (divided by the expected length
//!   `1 / (1 - delta)`) it is `(1 - delta) v0 (I - delta M)^-1 f`.
//!
//! Payoffs are given per outcome for each player ([`OutcomePayoffs`]), so
//! blended utilities, policy and political payoffs of the two-level game
//! can all be used. The 4x4 linear systems are solved by Gaussian
//! elimination with partial pivoting; nothing here allocates or panics.
//!
//! ```
//! use twolevel_game::{MemoryOneChain, MemoryOnePlayer, OutcomePayoffs, PayoffMatrix};
//!
//! // Win-Stay Lose-Shift against itself with 5 % action noise.
//! let wsls = MemoryOnePlayer::WIN_STAY_LOSE_SHIFT;
//! let chain = MemoryOneChain::new(&wsls, &wsls, 0.05)?;
//! let [x, y] = chain.long_run_payoffs(&OutcomePayoffs::symmetric(&PayoffMatrix::AXELROD));
//! assert!((x - y).abs() < 1e-12 && x > 2.7);
//! # Ok::<(), twolevel_game::ParameterError>(())
//! ```
//!
//! The module holds the players (`player.rs`), the chain of a match with
//! its payoffs (`chain.rs`) and the 4x4 arithmetic the chain rests on
//! (`markov4.rs`).
//!
//! [`Outcome::index`]: crate::Outcome::index
//! [`HorizonKind::Continuation`]: crate::HorizonKind::Continuation

mod chain;
mod markov4;
mod player;

pub use chain::{ExpectedPayoffs, MemoryOneChain, OutcomePayoffs};
pub use player::MemoryOnePlayer;
