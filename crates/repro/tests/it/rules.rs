//! The building blocks of Nowak's (2006) kin-selection and
//! indirect-reciprocity rules, with numbers worked by hand.

use rand::SeedableRng;
use rand_pcg::Pcg64Mcg;
use twolevel_repro::nowak_2006::{indirect, kin};

/// The inclusive-fitness table for b = 4, c = 1, r = 0.5: CC = 3 * 1.5,
/// CD = 2 - 1, DC = 4 - 0.5, DD = 0; cooperation dominates because
/// r = 0.5 > c / b = 0.25.
#[test]
fn the_inclusive_fitness_table_is_hamiltons_rule() {
    let table = kin::transformed_payoffs(4.0, 1.0, 0.5).unwrap();
    assert_eq!(table.pair(0, 1), [4.5, 1.0, 3.5, 0.0]);
    // At r = c / b the two rows are the same against either partner.
    let neutral = kin::transformed_payoffs(4.0, 1.0, 0.25).unwrap();
    assert_eq!(neutral.get(0, 0), neutral.get(1, 0));
    assert_eq!(neutral.get(0, 1), neutral.get(1, 1));
    // The finite-population threshold: (49 + 4) / (196 + 1) for N = 50,
    // above c / b and tending to it.
    let r50 = kin::finite_threshold(4.0, 1.0, 50);
    assert!((r50 - 53.0 / 197.0).abs() < 1e-15);
    assert!(r50 > 0.25 && kin::finite_threshold(4.0, 1.0, 100_000) - 0.25 < 1e-4);
}

/// Kin selection in the Fermi process: one point on each side of the
/// finite threshold, exact and simulated.
#[test]
fn relatives_cooperate_above_c_over_b() {
    let mut rng = Pcg64Mcg::seed_from_u64(7);
    let points = kin::grid(2.0, 1.0, &[0.3, 0.8], 400, &mut rng).unwrap();
    let (below, above) = (&points[0], &points[1]);
    assert!(!below.formula && above.formula);
    assert!(below.exact_cooperator < 0.1 && below.exact_defector > 1.0);
    assert!(above.exact_cooperator > 1.0 && above.exact_defector < 0.1);
    for p in &points {
        assert!((p.simulated_cooperator - p.exact_cooperator).abs() <= 4.5 * p.se[0].max(0.05));
        assert!((p.simulated_defector - p.exact_defector).abs() <= 4.5 * p.se[1].max(0.05));
    }
}

/// The discriminator table for b = 4, c = 1, q = 0.5: DISC vs DISC 3,
/// DISC vs ALLD -0.5, ALLD vs DISC 2, ALLD vs ALLD 0; the simulation
/// recovers it, and discriminators resist (3 > 2) since q > c / b.
#[test]
fn discriminators_resist_defectors_above_c_over_b() {
    assert_eq!(indirect::formula(4.0, 1.0, 0.5), [[3.0, -0.5], [2.0, 0.0]]);
    let mut rng = Pcg64Mcg::seed_from_u64(11);
    let simulated = indirect::simulate(4.0, 1.0, 0.5, 400_000, &mut rng);
    let formula = indirect::formula(4.0, 1.0, 0.5);
    let z = simulated.largest_gap_in_se(&formula);
    assert!(z <= 4.5, "{z}");
    // Discriminators always help each other and defectors never help.
    assert_eq!(simulated.table[0][0], 3.0);
    assert_eq!(simulated.table[1][1], 0.0);
    assert!(simulated.table[0][0] > simulated.table[1][0] + 0.5);
    // Below c / b (q = 0.1) ALLD earns more against discriminators:
    // 4 * 0.9 = 3.6 > 3.
    let low = indirect::simulate(4.0, 1.0, 0.1, 400_000, &mut rng);
    assert!(low.table[1][0] > low.table[0][0] + 0.3);
}
