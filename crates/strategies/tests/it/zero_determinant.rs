//! Zero-determinant strategies enforce their linear relations exactly, by
//! the Markov chain of `twolevel_game::memory_one`, against any memory-one
//! partner.

use proptest::prelude::*;
use twolevel_game::{MemoryOneChain, MemoryOnePlayer, OutcomePayoffs, PayoffMatrix};
use twolevel_strategies::memory_one::{MemoryOne, ZDExtort2, ZDGTFT2, ZDSet2, ZeroDeterminant};

/// A probability strictly inside (0, 1), so that the chain is ergodic.
fn inner_probability() -> impl Strategy<Value = f64> {
    0.001..0.999_f64
}

/// Any memory-one partner with probabilities strictly inside (0, 1).
fn partner() -> impl Strategy<Value = MemoryOnePlayer> {
    (prop::array::uniform4(inner_probability()), 0.0..=1.0_f64)
        .prop_map(|(v, first)| MemoryOnePlayer::new(v, first).expect("probabilities"))
}

/// A prisoner's dilemma `T > R > P > S`, `2R > T + S`.
fn dilemma() -> impl Strategy<Value = PayoffMatrix> {
    (-2.0..2.0_f64, 0.1..3.0_f64, 0.1..3.0_f64, 0.1..1.0_f64).prop_map(|(s, gap, reward, frac)| {
        let p = s + gap;
        let r = p + reward;
        // T in (R, 2R - S), so that 2R > T + S.
        let t = r + frac * (r - s) * 0.99;
        PayoffMatrix::new(r, s, t, p).expect("finite")
    })
}

/// Both players' long-run payoffs per round of `x` against `y`.
fn long_run(x: &MemoryOnePlayer, y: &MemoryOnePlayer, m: &PayoffMatrix) -> [f64; 2] {
    MemoryOneChain::new(x, y, 0.0)
        .expect("no noise")
        .long_run_payoffs(&OutcomePayoffs::symmetric(m))
}

/// A zero-determinant player's analytic side.
fn analytic(zd: &ZeroDeterminant) -> MemoryOnePlayer {
    *zd.memory_one().player()
}

proptest! {
    /// Extortion with chi = 3: `s_X - P = 3 (s_Y - P)` against any partner.
    #[test]
    fn extortion_with_chi_3_is_enforced(y in partner(), fraction in 0.01..=1.0_f64) {
        let m = PayoffMatrix::AXELROD;
        let phi = fraction * ZeroDeterminant::max_phi(1.0 / 3.0, m.p(), &m).unwrap();
        let zd = ZeroDeterminant::extortionate(3.0, phi, &m).unwrap();
        let [sx, sy] = long_run(&analytic(&zd), &y, &m);
        prop_assert!(((sx - 1.0) - 3.0 * (sy - 1.0)).abs() < 1e-9, "s_X = {}, s_Y = {}", sx, sy);
        // Extortion never loses: s_X >= s_Y.
        prop_assert!(sx >= sy - 1e-9);
    }

    /// Generosity with chi = 3: `s_X - R = 3 (s_Y - R)` against any partner.
    #[test]
    fn generosity_with_chi_3_is_enforced(y in partner(), fraction in 0.01..=1.0_f64) {
        let m = PayoffMatrix::AXELROD;
        let phi = fraction * ZeroDeterminant::max_phi(1.0 / 3.0, m.r(), &m).unwrap();
        let zd = ZeroDeterminant::generous(3.0, phi, &m).unwrap();
        let [sx, sy] = long_run(&analytic(&zd), &y, &m);
        prop_assert!(((sx - 3.0) - 3.0 * (sy - 3.0)).abs() < 1e-9, "s_X = {}, s_Y = {}", sx, sy);
        prop_assert!(sx <= sy + 1e-9);
    }

    /// Any chi >= 1 in any prisoner's dilemma, extortionate and generous,
    /// and the equalizer pins the partner's payoff.
    #[test]
    fn relations_hold_for_any_chi_and_dilemma(
        y in partner(),
        m in dilemma(),
        chi in 1.0..10.0_f64,
        fraction in 0.01..=1.0_f64,
        level in 0.0..=1.0_f64,
    ) {
        let scale = m.t() - m.s();
        let tolerance = 1e-9 * scale.max(1.0);
        for l in [m.p(), m.r()] {
            let phi = fraction * ZeroDeterminant::max_phi(1.0 / chi, l, &m).unwrap();
            let zd = if l == m.p() {
                ZeroDeterminant::extortionate(chi, phi, &m).unwrap()
            } else {
                ZeroDeterminant::generous(chi, phi, &m).unwrap()
            };
            let [sx, sy] = long_run(&analytic(&zd), &y, &m);
            prop_assert!(((sx - l) - chi * (sy - l)).abs() < tolerance * chi,
                "l = {}: s_X = {}, s_Y = {}", l, sx, sy);
        }
        let target = m.p() + level * (m.r() - m.p());
        let phi = fraction * ZeroDeterminant::max_phi(0.0, target, &m).unwrap();
        let equalizer = ZeroDeterminant::equalizer(target, phi, &m).unwrap();
        let [_, sy] = long_run(&analytic(&equalizer), &y, &m);
        prop_assert!((sy - target).abs() < tolerance, "s_Y = {} against target {}", sy, target);
    }

    /// Invalid scales are rejected with the valid range, never a panic.
    #[test]
    fn out_of_range_phi_is_rejected(chi in 1.0..10.0_f64, excess in 1.0001..10.0_f64) {
        let m = PayoffMatrix::AXELROD;
        let max = ZeroDeterminant::max_phi(1.0 / chi, m.p(), &m).unwrap();
        let err = ZeroDeterminant::extortionate(chi, excess * max, &m).unwrap_err();
        prop_assert_eq!(&err.field, "phi");
        prop_assert!(err.reason.contains(&format!("(0, {max}]")), "{}", err);
    }
}

#[test]
fn axelrods_named_strategies_enforce_their_relations() {
    let m = PayoffMatrix::AXELROD;
    let partner = MemoryOne::new([0.7, 0.2, 0.9, 0.4], 0.5).unwrap();
    let y = partner.player();
    // Extort-2: s_X - P = 2 (s_Y - P).
    let [sx, sy] = long_run(ZDExtort2::default().player(), y, &m);
    assert!(((sx - 1.0) - 2.0 * (sy - 1.0)).abs() < 1e-9);
    // ZDGTFT-2: s_X - R = 2 (s_Y - R).
    let [sx, sy] = long_run(ZDGTFT2::default().player(), y, &m);
    assert!(((sx - 3.0) - 2.0 * (sy - 3.0)).abs() < 1e-9);
    // SET-2: the partner gets 2.
    let [_, sy] = long_run(ZDSet2::default().player(), y, &m);
    assert!((sy - 2.0).abs() < 1e-9);
}
