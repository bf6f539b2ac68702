//! ZD-Extort-4: an extortionate zero-determinant strategy with extortion factor 4.
//!
//! Rule: the linear-relation player with `l = 1`, `s = 1/4`, `phi = 4/17`,
//! enforcing `s_X - 1 = 4 (s_Y - 1)`; with Axelrod's payoffs its four-vector
//! is `(11/17, 0, 8/17, 0)`, cooperating first (Tit For Tat is the other
//! extreme, `l = 3`, `s = 1`). `ZDExtort4` in the Python `axelrod` library
//! (name by Marc Harper), named `"ZD-Extort-4: 0.23529411764705882, 0.25, 1"`;
//! after Press and Dyson (2012).
//!
//! The four-vector is computed from the payoffs given at construction
//! (Axelrod's by default); see [`ZeroDeterminant`](super::ZeroDeterminant)
//! for the formula and the valid ranges of `phi` and `s`.

use super::Baseline;

named_zero_determinant! {
    /// Extorts with factor 4.
    ZDExtort4 {
        name: "ZD-Extort-4",
        phi: 4.0 / 17.0,
        s: 0.25,
        baseline: Baseline::Value(1.0),
        summary: "Extortionate zero-determinant player with factor 4: (11/17, 0, 8/17, 0) in the classic game.",
    }
}
