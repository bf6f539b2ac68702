//! A strategy written outside the workspace's crates (as a third party
//! would, against `twolevel-game`'s trait alone) enters a round robin.

use twolevel::prelude::*;
use twolevel::strategies::{Defector, TitForTat};

/// Cooperates unless the partner defected in both of the last two rounds
/// (the example of docs/guide.md).
#[derive(Clone, Default)]
struct Forgiving;

impl Strategy for Forgiving {
    fn name(&self) -> &str {
        "Forgiving"
    }

    fn classifier(&self) -> Classifier {
        Classifier::deterministic(Some(2))
    }

    fn decide(&mut self, view: &View<'_>, _rng: &mut dyn Rng) -> Action {
        match view.partner {
            [.., Action::D, Action::D] => Action::D,
            _ => Action::C,
        }
    }

    fn reset(&mut self) {}
}

#[test]
fn a_third_party_strategy_plays_a_round_robin() {
    let config = MatchConfig::classic(10).expect("10 turns is a valid horizon");
    let players = vec![
        Entrant::classic(Box::new(Forgiving)),
        Entrant::classic(Box::new(TitForTat)),
        Entrant::classic(Box::new(Defector)),
    ];
    let results = RoundRobin::new(config, players)
        .expect("three players make a valid round robin")
        .play();
    // Against Defector, Forgiving plays C C D D ... : 0 + 0 + 8 * 1 = 8 in
    // 10 turns; against Tit For Tat it always cooperates: 3 a turn.
    assert_eq!(results.payoff_matrices.policy[0][2], Some(8.0 / 10.0));
    assert_eq!(results.payoff_matrices.policy[0][1], Some(3.0));
    // The defector earns 5 + 5 + 8 * 1 = 18 against it.
    assert_eq!(results.payoff_matrices.policy[2][0], Some(18.0 / 10.0));
}

#[test]
fn a_boxed_third_party_strategy_clones_through_the_blanket_impl() {
    let boxed: Box<dyn Strategy> = Box::new(Forgiving);
    let copy = boxed.clone();
    assert_eq!(copy.name(), "Forgiving");
}
