//! Carrots and sticks (`docs/model.md` section 14): budgets are validated
//! with the field named, and the grim thresholds with a sanction or a
//! carrot agree with the discounted sums of the paths they compare
//! (cooperate forever against deviate once and be punished forever).

use twolevel_game::{
    NoThreshold, PayoffMatrix, Resources, carrot_thresholds, discounted_value, grim_threshold,
    grim_threshold_with_sanction, sanctioned_grim_paths,
};

fn matrices() -> Vec<PayoffMatrix> {
    vec![
        PayoffMatrix::AXELROD,
        PayoffMatrix::new(4.0, -1.0, 6.0, 0.5).unwrap(),
        PayoffMatrix::new(1.8, -4.0, 5.0, -1.4).unwrap(),
    ]
}

/// Checks that `threshold` separates the discount factors at which
/// `cooperate(delta) >= deviate(delta)` from those at which it fails.
fn separates(threshold: Result<f64, NoThreshold>, values: impl Fn(f64) -> [f64; 2]) {
    let sustained = |delta: f64| {
        let [cooperate, deviate] = values(delta);
        cooperate >= deviate - 1e-9
    };
    match threshold {
        Ok(star) => {
            if star > 1e-3 {
                assert!(!sustained(star - 1e-3), "below {star}");
            }
            assert!(sustained(star), "at {star}");
            assert!(sustained(star + (1.0 - star) / 2.0), "above {star}");
        }
        Err(NoThreshold::Never) => {
            for delta in [0.0, 0.5, 0.9, 0.999] {
                assert!(!sustained(delta), "Never, but sustained at {delta}");
            }
        }
        Err(other) => panic!("unexpected {other:?}"),
    }
}

#[test]
fn grim_with_a_sanction_agrees_with_discounted_sums() {
    for m in matrices() {
        for s in [0.0, 0.5, 2.0, 10.0] {
            let threshold = grim_threshold_with_sanction(&m, s);
            let expected = (m.t() - m.r()) / (m.t() - m.p() + s);
            assert!((threshold.unwrap() - expected).abs() < 1e-15);
            separates(threshold, |delta| {
                sanctioned_grim_paths(&m, s, delta).unwrap()
            });
        }
        // A larger sanction lowers the threshold; none is the plain one.
        assert_eq!(grim_threshold_with_sanction(&m, 0.0), grim_threshold(&m));
        assert!(grim_threshold_with_sanction(&m, 1.0).unwrap() < grim_threshold(&m).unwrap());
    }
}

#[test]
fn carrots_agree_with_discounted_sums() {
    for m in matrices() {
        for (t, eta) in [(0.0, 0.5), (0.5, 1.0), (1.0, 0.5), (3.0, 0.8), (8.0, 1.0)] {
            let [payer, receiver] = carrot_thresholds(&m, t, eta);
            let clamp = |x: f64| x.clamp(0.0, 1.0);
            let ratio = |r: f64| clamp((m.t() - r) / (m.t() - m.p()));
            for (threshold, r) in [(payer, m.r() - t), (receiver, m.r() + eta * t)] {
                match threshold {
                    Ok(x) => assert!((x - ratio(r)).abs() < 1e-15 && x < 1.0),
                    Err(NoThreshold::Never) => assert_eq!(ratio(r), 1.0),
                    Err(other) => panic!("unexpected {other:?}"),
                }
                separates(threshold, |delta| {
                    [
                        discounted_value(&[], r, delta).unwrap(),
                        discounted_value(&[m.t()], m.p(), delta).unwrap(),
                    ]
                });
            }
        }
        // A carrot of zero changes nothing, bit for bit.
        let plain = grim_threshold(&m).unwrap().to_bits();
        for threshold in carrot_thresholds(&m, 0.0, 0.3) {
            assert_eq!(threshold.unwrap().to_bits(), plain);
        }
        // The payer's threshold rises, the receiver's falls.
        let [payer, receiver] = carrot_thresholds(&m, 0.5, 0.5);
        assert!(payer.unwrap() > grim_threshold(&m).unwrap());
        assert!(receiver.unwrap() < grim_threshold(&m).unwrap());
    }
    // A receiver paid enough cooperates at any discount factor.
    assert_eq!(
        carrot_thresholds(&PayoffMatrix::AXELROD, 2.0, 1.0)[1],
        Ok(0.0)
    );
}

#[test]
fn invalid_budgets_name_their_field() {
    assert_eq!(Resources::new(-1.0, 0.0).unwrap_err().field, "wealth");
    assert_eq!(Resources::new(0.0, -0.5).unwrap_err().field, "might");
    assert_eq!(Resources::new(f64::NAN, 0.0).unwrap_err().field, "wealth");
    let poor = Resources::new(1.0, 0.0).unwrap();
    assert_eq!(poor.stick(0.5).unwrap_err().field, "might");
    assert_eq!(poor.stick(-0.5).unwrap_err().field, "sanction");
    assert_eq!(poor.carrot(-0.5, 1.0).unwrap_err().field, "transfer");
    assert_eq!(poor.carrot(1.5, 1.0).unwrap_err().field, "transfer");
    assert_eq!(poor.carrot(0.5, 1.5).unwrap_err().field, "leakage");
    let tiny = Resources::new(0.0, 1e-320).unwrap();
    assert_eq!(tiny.stick(1e300).unwrap_err().field, "might");
}
