//! The full chain of two-player games (`GroupEvolution::pairwise`) against
//! egttools's two-player `PairwiseComparison` with `Matrix2PlayerGameHolder`
//! (`scripts/gen_pairwise_chain_fixture.py`, fixture
//! `fixtures/pairwise_chain.json`): the gradient of selection with and
//! without mutation, the stationary distribution over all Z + 1 states and
//! the fixation probabilities, for a prisoner's dilemma, a stag hunt, a
//! snowdrift game and a neutral game, Z from 20 to 100.
//!
//! Tolerances: gradients to 1e-12 absolute; the stationary distribution to
//! 1e-9 absolute plus 1e-6 relative (egttools takes an eigenvector, twolevel
//! multiplies ratios in log space); fixation probabilities to 1e-9
//! relative (egttools returns 0 below about 1e-7; the fixture holds null).

use crate::support;

use serde_json::Value;
use support::{assert_fixation, assert_stationary, count, floats};
use twolevel_tournament::evolution::{GroupEvolution, Update, fixation_probability};

fn cases() -> Vec<Value> {
    support::fixture_array(include_str!("../../fixtures/pairwise_chain.json"), "cases")
}

fn game(case: &Value) -> [f64; 4] {
    floats(&case["game"]).try_into().unwrap()
}

fn chain(case: &Value, mutation: f64) -> GroupEvolution {
    GroupEvolution::pairwise(
        game(case),
        count(&case["population"]),
        case["beta"].as_f64().unwrap(),
        mutation,
    )
    .unwrap()
}

#[test]
fn two_player_gradient_matches_egttools() {
    for case in cases() {
        support::assert_case_gradients(&case, |mutation| chain(&case, mutation));
    }
}

#[test]
fn two_player_stationary_distribution_matches_egttools() {
    for case in cases() {
        let label = &case["label"];
        let got = chain(&case, case["mutation"].as_f64().unwrap())
            .stationary()
            .unwrap();
        assert_stationary(label, &got, &floats(&case["stationary"]));
    }
}

/// The fixation probabilities of the two-player chain agree with egttools
/// and with the pairwise analytics of `fixation_probability`.
#[test]
fn two_player_fixation_matches_egttools_and_the_pairwise_analytics() {
    let mut compared = 0;
    for case in cases() {
        let label = &case["label"];
        let evolution = chain(&case, 0.0);
        let (rho_a, rho_b) = evolution.fixation_probabilities().unwrap();
        let pairwise = fixation_probability(
            Update::fermi(case["beta"].as_f64().unwrap()).unwrap(),
            game(&case),
            evolution.population(),
        )
        .unwrap();
        assert!((rho_a.ln - pairwise.ln).abs() < 1e-9, "{label}");
        compared += assert_fixation(
            label,
            &case,
            &[
                ("rho_a_invades", rho_a.value),
                ("rho_b_invades", rho_b.value),
            ],
        );
    }
    assert!(compared >= 6, "only {compared} compared");
}
