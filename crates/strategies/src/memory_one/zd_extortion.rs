//! ZD-Extortion: a strongly extortionate zero-determinant strategy (factor 10).
//!
//! Rule: the linear-relation player with `l = 1`, `s = 0.1`, `phi = 0.2`,
//! enforcing `s_X - 1 = 10 (s_Y - 1)`; with Axelrod's payoffs its
//! four-vector is `(0.64, 0.18, 0.28, 0)`, cooperating first. Roemheld
//! (2013), "Evolutionary extortion and mischief: zero determinant strategies
//! in iterated 2x2 games"; `ZDExtortion` in the Python `axelrod` library,
//! named `"ZD-Extortion: 0.2, 0.1, 1"`.
//!
//! The four-vector is computed from the payoffs given at construction
//! (Axelrod's by default); see [`ZeroDeterminant`](super::ZeroDeterminant)
//! for the formula and the valid ranges of `phi` and `s`.

use super::Baseline;

named_zero_determinant! {
    /// Extorts with factor 10.
    ZDExtortion {
        name: "ZD-Extortion",
        phi: 0.2,
        s: 0.1,
        baseline: Baseline::Value(1.0),
        summary: "Extortionate zero-determinant player with factor 10: (0.64, 0.18, 0.28, 0) in the classic game.",
    }
}
