//! ZD-SET-2: an equalizer that sets the partner's long-run payoff to 2.
//!
//! Rule: the linear-relation player with `l = 2`, `s = 0`, `phi = 1/4`: the
//! partner's long-run payoff per round is 2 whatever it plays (an equalizer
//! of Press and Dyson 2012); with Axelrod's payoffs its four-vector is
//! `(3/4, 1/4, 1/2, 1/4)`, cooperating first. SET2 in Kuhn (2017, Stanford
//! Encyclopedia of Philosophy, "Prisoner's Dilemma"); `ZDSet2` in the
//! Python `axelrod` library, named `"ZD-SET-2: 0.25, 0.0, 2"`.
//!
//! The four-vector is computed from the payoffs given at construction
//! (Axelrod's by default); see [`ZeroDeterminant`](super::ZeroDeterminant)
//! for the formula and the valid ranges of `phi` and `s`.

use super::Baseline;

named_zero_determinant! {
    /// Sets the partner's long-run payoff to 2.
    ZDSet2 {
        name: "ZD-SET-2",
        phi: 0.25,
        s: 0.0,
        baseline: Baseline::Value(2.0),
        summary: "Equalizer setting the partner's long-run payoff to 2: (3/4, 1/4, 1/2, 1/4) in the classic game.",
    }
}
