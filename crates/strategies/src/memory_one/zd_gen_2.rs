//! ZD-GEN-2: generous with factor 2 and the baseline fixed at 3.
//!
//! Rule: the linear-relation player with `l = 3`, `s = 1/2`, `phi = 1/8`,
//! enforcing `s_X - 3 = 2 (s_Y - 3)`; with Axelrod's payoffs its four-vector
//! is `(1, 9/16, 1/2, 1/8)`, cooperating first. GEN2 in Kuhn (2017,
//! Stanford Encyclopedia of Philosophy, "Prisoner's Dilemma"); `ZDGen2` in
//! the Python `axelrod` library, named `"ZD-GEN-2: 0.125, 0.5, 3"`.
//!
//! The four-vector is computed from the payoffs given at construction
//! (Axelrod's by default); see [`ZeroDeterminant`](super::ZeroDeterminant)
//! for the formula and the valid ranges of `phi` and `s`.

use super::Baseline;

named_zero_determinant! {
    /// Generous with factor 2 around the fixed baseline 3.
    ZDGen2 {
        name: "ZD-GEN-2",
        phi: 1.0 / 8.0,
        s: 0.5,
        baseline: Baseline::Value(3.0),
        summary: "Generous zero-determinant player with factor 2 around the baseline 3: (1, 9/16, 1/2, 1/8) in the classic game.",
    }
}
