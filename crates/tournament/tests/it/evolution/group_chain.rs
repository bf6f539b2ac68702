//! `GroupEvolution` against egttools (`scripts/gen_group_fixture.py`,
//! fixture `fixtures/group_evolution.json`): the stage games' payoff
//! columns, the gradient of selection with and without mutation, the
//! stationary distribution of the full chain, the group achievement and the
//! fixation probabilities, for collective risk, linear and threshold public
//! goods games with Z from 50 to 100 and N from 4 to 10.
//!
//! Tolerances: payoffs and gradients to 1e-12 absolute (both sides sum the
//! same few hypergeometric terms); the stationary distribution to 1e-9
//! absolute plus 1e-6 relative (egttools takes an eigenvector of the
//! transition matrix, twolevel multiplies ratios in log space, so tiny
//! entries differ in their last digits on egttools's side); the group
//! achievement to 1e-9 absolute; fixation probabilities to 1e-9 relative.

use crate::support;

use serde_json::Value;
use support::{assert_fixation, assert_stationary, count, floats};
use twolevel_game::{Currency, GroupGame, GroupPolicy, Orientation, Politicization};
use twolevel_tournament::evolution::{GroupEvolution, GroupPayoffs};

/// The twolevel stage game that the fixture's game description names.
fn game_of(desc: &Value) -> GroupGame {
    let number = |field: &str| desc[field].as_f64().unwrap();
    let policy = match desc["kind"].as_str().unwrap() {
        "collective_risk" => GroupPolicy::CollectiveRisk {
            endowment: number("endowment"),
            cost_share: number("cost_share"),
            risk: number("risk"),
            threshold: count(&desc["threshold"]),
        },
        "threshold_public_goods" => GroupPolicy::ThresholdPublicGoods {
            factor: number("factor"),
            cost: number("cost"),
            threshold: count(&desc["threshold"]),
        },
        "public_goods" => GroupPolicy::public_goods(number("factor"), number("cost")),
        other => panic!("unknown game kind {other}"),
    };
    GroupGame::new(count(&desc["size"]), policy).unwrap()
}

fn payoffs_of(game: &GroupGame) -> GroupPayoffs {
    GroupPayoffs::from_game(
        game,
        Politicization::NONE,
        Orientation::POLICY,
        Currency::Policy,
    )
    .unwrap()
}

fn evolution(case: &Value, mutation: f64) -> GroupEvolution {
    GroupEvolution::new(
        payoffs_of(&game_of(&case["game"])),
        count(&case["population"]),
        case["beta"].as_f64().unwrap(),
        mutation,
        count(&case["threshold"]),
    )
    .unwrap()
}

fn cases() -> Vec<Value> {
    support::fixture_array(include_str!("../../fixtures/group_evolution.json"), "cases")
}

#[test]
fn payoff_columns_match_egttools() {
    for case in cases() {
        let game = game_of(&case["game"]);
        let size = game.size();
        let column = |action, k| {
            game.symmetric_payoff(action, k, Politicization::NONE, Orientation::POLICY)
                .unwrap()
                .in_currency(Currency::Policy)
        };
        let defector = floats(&case["payoff_defector_by_k"]);
        let cooperator = floats(&case["payoff_cooperator_by_k"]);
        // k counts the focal state: a D sees k = 0..N-1, a C sees k = 1..N.
        for k in 0..size {
            let want = defector[k as usize];
            let got = column(twolevel_game::Action::D, k);
            assert!((got - want).abs() < 1e-12, "{}: D, k = {k}", case["label"]);
        }
        for k in 1..=size {
            let want = cooperator[k as usize];
            let got = column(twolevel_game::Action::C, k);
            assert!((got - want).abs() < 1e-12, "{}: C, k = {k}", case["label"]);
        }
    }
}

#[test]
fn gradient_of_selection_matches_egttools() {
    for case in cases() {
        support::assert_case_gradients(&case, |mutation| evolution(&case, mutation));
    }
}

#[test]
fn stationary_distribution_and_group_achievement_match_egttools() {
    for case in cases() {
        let label = &case["label"];
        let evolution = evolution(&case, case["mutation"].as_f64().unwrap());
        assert_stationary(
            label,
            &evolution.stationary().unwrap(),
            &floats(&case["stationary"]),
        );
        let eta = evolution.group_achievement().unwrap();
        let want_eta = case["group_achievement"].as_f64().unwrap();
        assert!(
            (eta - want_eta).abs() < 1e-9,
            "{label}: eta_G = {eta}, egttools {want_eta}"
        );
    }
}

#[test]
fn fixation_probabilities_match_egttools() {
    let mut compared = 0;
    for case in cases() {
        let label = &case["label"];
        let (rho_c, rho_d) = evolution(&case, 0.0).fixation_probabilities().unwrap();
        compared += assert_fixation(
            label,
            &case,
            &[
                ("rho_cooperator_invades", rho_c.value),
                ("rho_defector_invades", rho_d.value),
            ],
        );
    }
    assert!(
        compared >= 8,
        "only {compared} fixation probabilities compared"
    );
}
