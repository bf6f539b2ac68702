//! The statistics module against values computed by hand, and the two
//! standard-error formulas that differ only in rounding.

use twolevel_tournament::stats::{
    Summary, mean, mean_and_standard_error_from_variance, mean_sd_se, paired_differences,
    paired_standard_error, sample_sd, standard_error, standard_error_from_variance,
};

#[test]
fn mean_sd_and_standard_error_match_hand_computed_values() {
    // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, squares sum to 32, s^2 = 32/7.
    let values = [2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0];
    assert_eq!(mean(&values), 5.0);
    let sd = sample_sd(&values, 5.0);
    assert_eq!(sd, (32.0_f64 / 7.0).sqrt());
    assert_eq!(
        standard_error(sd, 8),
        (32.0_f64 / 7.0).sqrt() / 8.0_f64.sqrt()
    );
    assert_eq!(mean_sd_se(&values), (5.0, sd, sd / 8.0_f64.sqrt()));
    // The society's formula: sqrt(s^2 / n).
    assert_eq!(
        standard_error_from_variance(&values, 5.0),
        Some((32.0_f64 / 7.0 / 8.0).sqrt())
    );
    assert_eq!(
        mean_and_standard_error_from_variance(&values),
        (5.0, Some((32.0_f64 / 7.0 / 8.0).sqrt()))
    );
    // Both formulas agree to rounding.
    let a = standard_error(sd, 8);
    let b = standard_error_from_variance(&values, 5.0).unwrap();
    assert!((a - b).abs() <= 1e-15);
}

#[test]
fn one_value_has_no_spread() {
    assert_eq!(sample_sd(&[3.0], 3.0), 0.0);
    assert_eq!(standard_error_from_variance(&[3.0], 3.0), None);
    assert_eq!(mean_sd_se(&[3.0]), (3.0, 0.0, 0.0));
    let summary = Summary::of(vec![3.0]);
    assert_eq!((summary.mean, summary.std), (3.0, 0.0));
    assert_eq!(summary.standard_error(), 0.0);
}

#[test]
fn summary_is_mean_and_sample_sd() {
    let summary = Summary::of(vec![1.0, 2.0, 3.0, 4.0]);
    assert_eq!(summary.mean, 2.5);
    assert_eq!(summary.std, (5.0_f64 / 3.0).sqrt());
    assert_eq!(summary.standard_error(), (5.0_f64 / 3.0).sqrt() / 2.0);
    assert_eq!(summary.per_repetition, vec![1.0, 2.0, 3.0, 4.0]);
    // The old path still names the same type.
    let _: twolevel_tournament::round_robin::Summary = summary;
}

#[test]
fn paired_differences_and_their_standard_error() {
    let with = [0.5, 0.75, 1.0];
    let without = [0.25, 0.25, 0.25];
    // Differences 0.25, 0.5, 0.75: mean 0.5, s^2 = 0.0625, s = 0.25.
    assert_eq!(paired_differences(&with, &without), vec![0.25, 0.5, 0.75]);
    assert_eq!(
        paired_standard_error(&with, &without),
        Some(0.25 / 3.0_f64.sqrt())
    );
    assert_eq!(paired_standard_error(&[1.0], &[0.0]), None);
}
