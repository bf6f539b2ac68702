//! ZD-Extort-2: an extortionate zero-determinant strategy with extortion factor 2.
//!
//! Rule: the linear-relation player with `l = P`, `s = 1/2`, `phi = 1/9`,
//! enforcing `s_X - P = 2 (s_Y - P)`; with Axelrod's payoffs its four-vector
//! is `(8/9, 1/2, 1/3, 0)`, cooperating first. Extort-2 in Stewart and
//! Plotkin (2012); `ZDExtort2` in the Python `axelrod` library, named
//! `"ZD-Extort-2: 0.1111111111111111, 0.5"`. The baseline follows the
//! payoffs (`l = P`).
//!
//! The four-vector is computed from the payoffs given at construction
//! (Axelrod's by default); see [`ZeroDeterminant`](super::ZeroDeterminant)
//! for the formula and the valid ranges of `phi` and `s`.

use super::Baseline;

named_zero_determinant! {
    /// Extorts: the partner's every gain above mutual defection earns it twice as much.
    ZDExtort2 {
        name: "ZD-Extort-2",
        phi: 1.0 / 9.0,
        s: 0.5,
        baseline: Baseline::Punishment,
        summary: "Extortionate zero-determinant player enforcing s_X - P = 2 (s_Y - P): (8/9, 1/2, 1/3, 0) in the classic game.",
    }
}
