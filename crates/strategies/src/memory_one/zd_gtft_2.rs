//! ZD-GTFT-2: a generous zero-determinant strategy with factor 2.
//!
//! Rule: the linear-relation player with `l = R`, `s = 1/2`, `phi = 1/4`,
//! enforcing `s_X - R = 2 (s_Y - R)` (it loses twice what the partner
//! loses below mutual cooperation); with Axelrod's payoffs its four-vector
//! is `(1, 1/8, 1, 1/4)`, cooperating first. ZDGTFT-2 in Stewart and
//! Plotkin (2012); `ZDGTFT2` in the Python `axelrod` library, named
//! `"ZD-GTFT-2: 0.25, 0.5"`. The baseline follows the payoffs (`l = R`).
//!
//! The four-vector is computed from the payoffs given at construction
//! (Axelrod's by default); see [`ZeroDeterminant`](super::ZeroDeterminant)
//! for the formula and the valid ranges of `phi` and `s`.

use super::Baseline;

named_zero_determinant! {
    /// Generous: shares the loss below mutual cooperation, taking twice the partner's share.
    ZDGTFT2 {
        name: "ZD-GTFT-2",
        phi: 0.25,
        s: 0.5,
        baseline: Baseline::Reward,
        summary: "Generous zero-determinant player enforcing s_X - R = 2 (s_Y - R): (1, 1/8, 1, 1/4) in the classic game.",
    }
}
