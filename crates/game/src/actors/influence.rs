//! Influence weights (docs/actors.md): what an actor's resources,
//! interest and institutional access make of its voice in a round.
//!
//! ```text
//! v_k = access_i(kind_k) * c_k * s_k                 (policy-oriented)
//! v_k = access_i(kind_k) * c_k * s_k * (1 + gamma pi_i^2)   (political-oriented)
//! V_i = sum_k v_k
//! ```
//!
//! Resources (`c_k`) give an actor its capacity, salience (`s_k`) how much
//! of it the issue receives, access how much of it the institutions let
//! through. Politicization is the brake again: the more the issue is
//! politicized in front of the state's public (`pi_i`), the more the actors
//! who tie their positions to votes and donations weigh, with the game's
//! `gamma`, the same amplification that turns `kappa` into
//! `kappa (1 + gamma pi^2)`. A budgeted actor's `c_k` in a round is what it
//! spends that round (see [`timing`](super::timing)).

use super::actor::Actor;

/// The factor `1 + gamma pi^2` by which politicization multiplies the
/// weight of political-oriented actors.
#[inline]
#[must_use]
pub fn politicization_factor(gamma: f64, pi: f64) -> f64 {
    1.0 + gamma * pi * pi
}

/// An actor's influence weight in a round: `access * capability * s_k`,
/// times `1 + gamma pi^2` if it is political-oriented. `access` is its
/// kind's access this round and `capability` its capability this round
/// (its `capability`, or what it spends).
#[inline]
#[must_use]
pub fn influence_weight(actor: &Actor, access: f64, capability: f64, gamma: f64, pi: f64) -> f64 {
    let base = access * capability * actor.salience;
    if actor.is_political() {
        base * politicization_factor(gamma, pi)
    } else {
        base
    }
}

/// Whether a total weight `x` is positive and finite: `x > 0 && x <
/// inf`, false for NaN. The same test as `x > 0.0 && x.is_finite()`,
/// written on the bits: the positive finite numbers are exactly those
/// whose bits, minus one, are below `f64::MAX`'s (zero wraps around,
/// negative numbers, infinity and NaN are above). In an arena's round the
/// float tests compiled to about twenty integer instructions (LLVM's
/// floating-point class test); this is one subtraction and one
/// comparison.
///
/// ```
/// use twolevel_game::actors::positive_and_finite;
///
/// assert!(positive_and_finite(1e-300));
/// assert!(!positive_and_finite(0.0) && !positive_and_finite(-1.0));
/// assert!(!positive_and_finite(f64::INFINITY) && !positive_and_finite(f64::NAN));
/// assert!(positive_and_finite(f64::MAX) && positive_and_finite(f64::from_bits(1)));
/// assert!(!positive_and_finite(-0.0) && !positive_and_finite(-f64::NAN));
/// ```
#[inline(always)]
#[must_use]
pub fn positive_and_finite(x: f64) -> bool {
    x.to_bits().wrapping_sub(1) < f64::MAX.to_bits()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actors::{ActorKind, ActorOrientation};

    #[test]
    fn weight_is_access_capability_salience_and_the_brake() {
        let firm = Actor::new("firm", ActorKind::Private, 4.0, 0.8, 0.5);
        assert_eq!(influence_weight(&firm, 0.5, 4.0, 2.0, 0.5), 1.0);
        let party = firm.clone().oriented(ActorOrientation::Political);
        assert_eq!(influence_weight(&party, 0.5, 4.0, 2.0, 0.5), 1.5);
        assert_eq!(influence_weight(&party, 0.5, 4.0, 2.0, 0.0), 1.0);
        assert_eq!(influence_weight(&party, 0.0, 4.0, 2.0, 1.0), 0.0);
    }

    #[test]
    fn positive_and_finite_is_the_float_test_on_every_class() {
        let cases = [
            0.0,
            -0.0,
            f64::from_bits(1),
            f64::MIN_POSITIVE,
            1.0,
            f64::MAX,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
            -f64::NAN,
            -1.0,
            -f64::MAX,
            -f64::from_bits(1),
        ];
        for x in cases {
            assert_eq!(positive_and_finite(x), x > 0.0 && x.is_finite(), "{x:e}");
        }
    }
}
