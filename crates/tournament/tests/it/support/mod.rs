//! Helpers shared by the integration tests that compare twolevel with
//! fixtures written by outside tools (egttools, through the scripts in
//! `scripts/`): reading the JSON and comparing the chain quantities with the
//! tolerances each test file states.
//!
//! The test modules that need them `use crate::support;`; not every module
//! uses every helper, hence the `dead_code` allowance. `fuzz_grammar` holds
//! the fuzzers' generators and mutator.

#![allow(dead_code)]

pub mod fuzz_grammar;

use serde_json::Value;
use twolevel_tournament::evolution::GroupEvolution;

/// The array under `key` of a JSON fixture's text.
pub fn fixture_array(text: &str, key: &str) -> Vec<Value> {
    let fixture: Value = serde_json::from_str(text).expect("the fixture is valid JSON");
    fixture[key]
        .as_array()
        .unwrap_or_else(|| panic!("the fixture has no array `{key}`"))
        .clone()
}

/// A JSON array of numbers as a vector.
pub fn floats(value: &Value) -> Vec<f64> {
    value
        .as_array()
        .expect("a JSON array")
        .iter()
        .map(|x| x.as_f64().expect("a number"))
        .collect()
}

/// A JSON number that must be a 32-bit count.
pub fn count(value: &Value) -> u32 {
    u32::try_from(value.as_u64().expect("a non-negative integer")).expect("a 32-bit count")
}

/// Checks a gradient of selection `G(i)` for `i = 0..=population` against
/// the fixture's values, to 1e-12 absolute (both sides sum the same few
/// terms). `what` says which gradient it is, for the message.
pub fn assert_gradient(
    label: &Value,
    what: &str,
    population: u32,
    gradient: impl Fn(u32) -> f64,
    want: &[f64],
) {
    assert_eq!(
        want.len(),
        population as usize + 1,
        "{label}: the fixture's gradient {what} has one value per state"
    );
    for (i, want) in (0u32..).zip(want) {
        let got = gradient(i);
        assert!(
            (got - want).abs() < 1e-12,
            "{label}: G({i}) {what} = {got}, egttools {want}"
        );
    }
}

/// Checks a fixture case's gradients of selection, with the case's
/// mutation rate and without mutation, on the chains `chain(mutation)`
/// builds.
pub fn assert_case_gradients(case: &Value, chain: impl Fn(f64) -> GroupEvolution) {
    let label = &case["label"];
    let with_mutation = chain(case["mutation"].as_f64().expect("a mutation rate"));
    let without = chain(0.0);
    assert_gradient(
        label,
        "with mutation",
        with_mutation.population(),
        |i| with_mutation.gradient(i),
        &floats(&case["gradient_with_mutation"]),
    );
    assert_gradient(
        label,
        "without mutation",
        without.population(),
        |i| without.gradient(i),
        &floats(&case["gradient_without_mutation"]),
    );
}

/// Checks a stationary distribution over the states of a chain against the
/// fixture's, to 1e-9 absolute plus 1e-6 relative: egttools takes an
/// eigenvector of the transition matrix, twolevel multiplies ratios in log
/// space, so tiny entries differ in their last digits on egttools's side.
pub fn assert_stationary(label: &Value, got: &[f64], want: &[f64]) {
    assert_eq!(got.len(), want.len(), "{label}: number of states");
    for (i, (g, w)) in got.iter().zip(want).enumerate() {
        assert!(
            (g - w).abs() <= 1e-9 + 1e-6 * w.abs(),
            "{label}: p({i}) = {g}, egttools {w}"
        );
    }
}

/// Checks fixation probabilities, given as `(fixture field, value)` pairs,
/// to 1e-9 relative. egttools returns 0 below about 1e-7 and the fixture
/// holds null then: such a value must be below 1e-7 here too. Returns how
/// many values were compared with a number.
pub fn assert_fixation(label: &Value, case: &Value, values: &[(&str, f64)]) -> usize {
    let mut compared = 0;
    for &(field, got) in values {
        if let Some(want) = case[field].as_f64() {
            assert!(
                (got - want).abs() <= 1e-9 * want.abs(),
                "{label}: {field} = {got}, egttools {want}"
            );
            compared += 1;
        } else {
            assert!(got < 1e-7, "{label}: {field} = {got}");
        }
    }
    compared
}
