//! ZD-Extort-2 v2: extortion factor 2 with the baseline fixed at 1.
//!
//! Rule: the linear-relation player with `l = 1`, `s = 1/2`, `phi = 1/8`,
//! enforcing `s_X - 1 = 2 (s_Y - 1)`; with Axelrod's payoffs its four-vector
//! is `(7/8, 7/16, 3/8, 0)`, cooperating first. EXTORT2 in Kuhn (2017,
//! Stanford Encyclopedia of Philosophy, "Prisoner's Dilemma");
//! `ZDExtort2v2` in the Python `axelrod` library, named
//! `"ZD-Extort-2 v2: 0.125, 0.5, 1"`.
//!
//! The four-vector is computed from the payoffs given at construction
//! (Axelrod's by default); see [`ZeroDeterminant`](super::ZeroDeterminant)
//! for the formula and the valid ranges of `phi` and `s`.

use super::Baseline;

named_zero_determinant! {
    /// Extorts with factor 2 around the fixed baseline 1.
    ZDExtort2v2 {
        name: "ZD-Extort-2 v2",
        phi: 1.0 / 8.0,
        s: 0.5,
        baseline: Baseline::Value(1.0),
        summary: "Extortionate zero-determinant player with factor 2 around the baseline 1: (7/8, 7/16, 3/8, 0) in the classic game.",
    }
}
