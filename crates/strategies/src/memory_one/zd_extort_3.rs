//! ZD-Extort3: Press and Dyson's extortionate example, extortion factor 3.
//!
//! Rule: the linear-relation player with `l = 1`, `s = 1/3`, `phi = 3/26`,
//! enforcing `s_X - 1 = 3 (s_Y - 1)`; with Axelrod's payoffs its four-vector
//! is `(11/13, 1/2, 7/26, 0)`, cooperating first. The example of Press and
//! Dyson (2012); `ZDExtort3` in the Python `axelrod` library (name by Marc
//! Harper), named `"ZD-Extort3: 0.11538461538461539, 0.3333333333333333, 1"`.
//!
//! The four-vector is computed from the payoffs given at construction
//! (Axelrod's by default); see [`ZeroDeterminant`](super::ZeroDeterminant)
//! for the formula and the valid ranges of `phi` and `s`.

use super::Baseline;

named_zero_determinant! {
    /// Extorts with factor 3, as in Press and Dyson's example.
    ZDExtort3 {
        name: "ZD-Extort3",
        phi: 3.0 / 26.0,
        s: 1.0 / 3.0,
        baseline: Baseline::Value(1.0),
        summary: "Extortionate zero-determinant player with factor 3, Press and Dyson's example: (11/13, 1/2, 7/26, 0).",
    }
}
