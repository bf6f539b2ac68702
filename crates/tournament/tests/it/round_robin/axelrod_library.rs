//! The classic case (w = 0, pi = 0, no noise, 200 fixed turns) reproduces
//! the Python `axelrod` library's round robin exactly.
//!
//! The fixture `fixtures/axelrod_round_robin.json` was produced by
//! `scripts/gen_round_robin_fixture.py` with axelrod 4.14: 15 deterministic
//! strategies, one repetition, self-interactions played, match length known
//! to the players.

use serde_json::Value;
use twolevel_strategies::registry::{StrategySpec, build};
use twolevel_tournament::{
    Entrant, MatchConfig, PlayerSettings, RankingMetric, RoundRobin, RoundRobinResults,
};

fn fixture() -> Value {
    let text = include_str!("../../fixtures/axelrod_round_robin.json");
    serde_json::from_str(text).expect("the fixture is valid JSON")
}

/// The registry name of an axelrod player. axelrod appends the parameters
/// of a few strategies to their names; the registry knows them by the bare
/// name.
fn registry_name(axelrod_name: &str) -> &str {
    axelrod_name
        .split_once(": ")
        .map_or(axelrod_name, |(bare, _)| bare)
}

fn numbers(value: &Value) -> Vec<f64> {
    value
        .as_array()
        .expect("an array")
        .iter()
        .map(|v| v.as_f64().expect("a number"))
        .collect()
}

fn indices(value: &Value) -> Vec<usize> {
    numbers(value).into_iter().map(|v| v as usize).collect()
}

fn play(fixture: &Value) -> (Vec<String>, RoundRobinResults) {
    let names: Vec<String> = fixture["players"]
        .as_array()
        .expect("players")
        .iter()
        .map(|v| v.as_str().expect("a name").to_owned())
        .collect();
    let entrants = names
        .iter()
        .map(|name| {
            let strategy = build(&StrategySpec::new(registry_name(name)))
                .unwrap_or_else(|e| panic!("the registry lacks {name}: {e}"));
            Entrant::new(name.clone(), strategy, PlayerSettings::POLICY)
        })
        .collect();
    let turns = fixture["turns"].as_u64().expect("turns") as u32;
    let config = MatchConfig::classic(turns)
        .expect("a valid horizon")
        .with_length_known(true);
    let results = RoundRobin::new(config, entrants)
        .and_then(|t| t.with_repetitions(1))
        .and_then(|t| t.with_self_play(true))
        .expect("a valid tournament")
        .with_match_records(true)
        .play();
    (names, results)
}

#[test]
fn match_totals_equal_axelrod() {
    let fixture = fixture();
    let (names, results) = play(&fixture);
    let totals = &fixture["match_totals"];
    for record in &results.matches {
        let [i, j] = record.players;
        for (side, (me, partner)) in [(i, j), (j, i)].into_iter().enumerate() {
            let expected = totals[me][partner].as_f64().expect("a total");
            assert_eq!(
                record.result.players[side].utility, expected,
                "{} against {}",
                names[me], names[partner]
            );
            // In the classic case the utility is the policy payoff exactly.
            assert_eq!(record.result.players[side].policy, expected);
        }
    }
    assert_eq!(results.matches.len(), names.len() * (names.len() + 1) / 2);
}

#[test]
fn payoff_matrix_equals_axelrod() {
    let fixture = fixture();
    let (_, results) = play(&fixture);
    let expected = &fixture["payoff_matrix"];
    // Axelrod's payoffs are the policy payoffs; in the classic game the
    // utilities are the same numbers bit for bit.
    assert_eq!(
        results.payoff_matrices.utility,
        results.payoff_matrices.policy
    );
    for (i, row) in results.payoff_matrices.policy.iter().enumerate() {
        assert_eq!(
            row.iter()
                .map(|v| v.expect("every pair met"))
                .collect::<Vec<_>>(),
            numbers(&expected[i])
        );
    }
}

#[test]
fn scores_ranking_and_wins_equal_axelrod() {
    let fixture = fixture();
    let (_, results) = play(&fixture);
    let turns = fixture["turns"].as_f64().expect("turns");
    let n = results.standings.len();
    let expected_totals = numbers(&fixture["total_scores"]);
    let expected_normalised = numbers(&fixture["normalised_scores"]);
    let expected_wins = numbers(&fixture["wins"]);
    // The default ranking is by policy payoff, which in the classic game is
    // the utility (and its wins) bit for bit.
    assert_eq!(results.metric, RankingMetric::Policy);
    for (i, standing) in results.standings.iter().enumerate() {
        assert_eq!(standing.scores.utility, standing.scores.policy);
        assert_eq!(standing.wins.utility, standing.wins.policy);
        let score = &standing.scores.policy;
        // The normalised score is the total over the n - 1 other players
        // per turn; the totals are integers, so this is exact.
        let total = score.mean * turns * (n as f64 - 1.0);
        assert_eq!(total.round(), expected_totals[i], "{}", standing.name);
        // The normalised score is a mean of 14 per-turn scores; pandas sums
        // them in another order, so the last bit may differ (it does for
        // Suspicious Tit For Tat). The totals above are compared exactly.
        assert!(
            (score.mean - expected_normalised[i]).abs() <= 4.0 * f64::EPSILON,
            "{}: {} against axelrod's {}",
            standing.name,
            score.mean,
            expected_normalised[i]
        );
        assert_eq!(
            standing.wins.policy.mean, expected_wins[i],
            "{}",
            standing.name
        );
    }
    assert_eq!(results.ranking, indices(&fixture["ranking"]));
    let ranked: Vec<&str> = results.ranked_names().collect();
    let expected_ranked: Vec<String> = fixture["ranked_names"]
        .as_array()
        .expect("names")
        .iter()
        .map(|v| v.as_str().expect("a name").to_owned())
        .collect();
    assert_eq!(ranked, expected_ranked);
}
