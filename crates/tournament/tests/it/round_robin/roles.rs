//! Roles in asymmetric games (`docs/model.md` section 10): which entrant gets the
//! row payoffs of a bimatrix is a role of the entrant, never its position
//! in the list; without roles every pair plays both assignments equally
//! often.

use twolevel_game::{
    Bimatrix, Currency, Horizon, PayoffMatrix, PoliticalPayoff, Role, TwoLevelGame,
};
use twolevel_strategies::{Cooperator, TitForTat};
use twolevel_tournament::{Entrant, MatchConfig, PlayerSettings, RankingMetric, RoundRobin};

/// A policy bimatrix where the column state gains more from everything:
/// row R, S, T, P = 3, 0, 5, 1; column 4, 1, 7, 2.
fn asymmetric_config() -> MatchConfig {
    let policy = Bimatrix {
        row: PayoffMatrix::AXELROD,
        column: PayoffMatrix::new(4.0, 1.0, 7.0, 2.0).unwrap(),
    };
    let game = TwoLevelGame::new(policy, PoliticalPayoff::default(), 0.0, 0.0).unwrap();
    MatchConfig::new(game, Horizon::fixed(20).unwrap()).unwrap()
}

fn tit_for_tat(name: &str) -> Entrant {
    Entrant::new(name, Box::new(TitForTat), PlayerSettings::POLICY)
}

#[test]
fn identical_players_score_identically_in_any_list_order() {
    let entrants = vec![tit_for_tat("a"), tit_for_tat("b"), tit_for_tat("c")];
    let results = RoundRobin::new(asymmetric_config(), entrants.clone())
        .unwrap()
        .with_match_records(true)
        .play();
    for currency in Currency::ALL {
        let scores: Vec<f64> = results
            .standings
            .iter()
            .map(|s| s.scores[currency].mean)
            .collect();
        assert!(
            scores.iter().all(|&x| x == scores[0]),
            "{currency}: {scores:?}"
        );
    }
    // Mutual cooperation every round: half the meetings at the row's R = 3,
    // half at the column's R = 4.
    assert_eq!(results.standings[0].scores.policy.mean, 3.5);
    // Every pair plays both assignments: 6 pairs with self-play, twice.
    assert_eq!(results.matches.len(), 12);
    let reversed: Vec<Entrant> = entrants.into_iter().rev().collect();
    let again = RoundRobin::new(asymmetric_config(), reversed)
        .unwrap()
        .with_match_records(true)
        .play();
    assert_eq!(
        again.standings[2].scores.policy.mean,
        results.standings[0].scores.policy.mean
    );
}

#[test]
fn roles_decide_who_gets_the_row_payoffs() {
    // B listed first: it still takes the column payoffs.
    let entrants = vec![
        Entrant::classic(Box::new(Cooperator)).with_role(Some(Role::B)),
        Entrant::classic(Box::new(Cooperator)).with_role(Some(Role::A)),
    ];
    let results = RoundRobin::new(asymmetric_config(), entrants)
        .unwrap()
        .with_self_play(false)
        .unwrap()
        .with_ranking(RankingMetric::Policy)
        .with_match_records(true)
        .play();
    assert_eq!(results.matches.len(), 1);
    assert_eq!(results.matches[0].players, [1, 0]);
    assert_eq!(results.standings[0].scores.policy.mean, 4.0);
    assert_eq!(results.standings[1].scores.policy.mean, 3.0);
    // One role and none: the other takes the remaining role.
    let entrants = vec![
        Entrant::classic(Box::new(Cooperator)),
        Entrant::classic(Box::new(Cooperator)).with_role(Some(Role::A)),
    ];
    let results = RoundRobin::new(asymmetric_config(), entrants)
        .unwrap()
        .with_self_play(false)
        .unwrap()
        .with_match_records(true)
        .play();
    assert_eq!(results.standings[0].scores.policy.mean, 4.0);
}

#[test]
fn symmetric_games_ignore_roles() {
    let entrants = vec![
        Entrant::classic(Box::new(Cooperator)).with_role(Some(Role::B)),
        Entrant::classic(Box::new(TitForTat)).with_role(Some(Role::B)),
    ];
    let results = RoundRobin::new(MatchConfig::classic(10).unwrap(), entrants)
        .unwrap()
        .with_match_records(true)
        .play();
    assert_eq!(results.matches.len(), 3);
    assert!(results.matches.iter().all(|m| m.share == 1.0));
}
