//! ZD-Mischief: an equalizer that holds the partner's long-run payoff at 1.
//!
//! Rule: the linear-relation player with `l = 1`, `s = 0`, `phi = 0.1`: the
//! partner's long-run payoff per round is 1 (mutual defection's) whatever
//! it plays; with Axelrod's payoffs its four-vector is `(0.8, 0.6, 0.1, 0)`,
//! cooperating first. Roemheld (2013), "Evolutionary extortion and
//! mischief: zero determinant strategies in iterated 2x2 games";
//! `ZDMischief` in the Python `axelrod` library, named
//! `"ZD-Mischief: 0.1, 0.0, 1"`.
//!
//! The four-vector is computed from the payoffs given at construction
//! (Axelrod's by default); see [`ZeroDeterminant`](super::ZeroDeterminant)
//! for the formula and the valid ranges of `phi` and `s`.

use super::Baseline;

named_zero_determinant! {
    /// Holds the partner's long-run payoff at 1.
    ZDMischief {
        name: "ZD-Mischief",
        phi: 0.1,
        s: 0.0,
        baseline: Baseline::Value(1.0),
        summary: "Equalizer holding the partner's long-run payoff at 1: (0.8, 0.6, 0.1, 0) in the classic game.",
    }
}
