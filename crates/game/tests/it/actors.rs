//! Domestic arenas (docs/actors.md): the weighted median beats every
//! position in a weighted pairwise vote, pooling and influence keep their
//! stated properties, and arenas and coalitions round-trip through RON and
//! reject bad input naming the field.

use proptest::prelude::*;
use twolevel_game::actors::{
    Access, AccessChange, Actor, ActorKind, ActorOrientation, ActorRef, Arena, ArenaRates, Budget,
    Channel, Coalition, MedianOrder, SpendingRule, pool, weighted_median,
};

/// The weight of the actors that strictly prefer `a` to `b` (single-peaked
/// preferences: nearer is better).
fn votes_for(a: f64, b: f64, positions: &[f64], weights: &[f64]) -> f64 {
    positions
        .iter()
        .zip(weights)
        .filter(|(x, _)| (*x - a).abs() < (*x - b).abs())
        .map(|(_, w)| w)
        .sum()
}

fn actor_table() -> impl Strategy<Value = (Vec<f64>, Vec<f64>)> {
    (1usize..30).prop_flat_map(|n| {
        (
            proptest::collection::vec(prop_oneof![0.0..=1.0_f64, Just(0.5), Just(0.0)], n),
            proptest::collection::vec(prop_oneof![0.0..10.0_f64, Just(0.0), Just(1.0)], n),
        )
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1024))]

    /// No position wins a weighted pairwise vote against the weighted
    /// median (Black 1948): for every challenger, the weight preferring the
    /// challenger is at most the weight preferring the median.
    #[test]
    fn no_position_beats_the_weighted_median(
        (positions, weights) in actor_table(),
        challenger in 0.0..=1.0_f64,
    ) {
        let total: f64 = weights.iter().sum();
        match weighted_median(&positions, &weights) {
            None => prop_assert!(total == 0.0),
            Some(median) => {
                let mut challengers = positions.clone();
                challengers.push(challenger);
                for y in challengers {
                    let against = votes_for(y, median, &positions, &weights);
                    let for_median = votes_for(median, y, &positions, &weights);
                    prop_assert!(
                        against <= for_median + 1e-9 * total,
                        "{y} beats the median {median}: {against} > {for_median}"
                    );
                }
                // The median is one of the positions, and the smallest
                // one at which half the weight is reached.
                prop_assert!(positions.contains(&median));
                let below: f64 = positions.iter().zip(&weights)
                    .filter(|(x, _)| **x <= median).map(|(_, w)| w).sum();
                prop_assert!(2.0 * below >= total * (1.0 - 1e-12));
                let strictly: f64 = positions.iter().zip(&weights)
                    .filter(|(x, _)| **x < median).map(|(_, w)| w).sum();
                prop_assert!(2.0 * strictly < total * (1.0 + 1e-12));
            }
        }
    }

    /// The order kept by a match finds the same median as the function.
    #[test]
    fn the_kept_order_finds_the_same_median((positions, weights) in actor_table()) {
        let order = MedianOrder::new(&positions);
        prop_assert_eq!(order.median(&positions, &weights), weighted_median(&positions, &weights));
    }

    /// Pooling is additive at phi = 1, never weakens, is homogeneous of
    /// degree one, and a coalition of one weighs its member.
    #[test]
    fn pooling_properties(
        weights in proptest::collection::vec(0.0..10.0_f64, 1..10),
        phi in 1.0..4.0_f64,
        scale in 0.01..100.0_f64,
    ) {
        let sum: f64 = weights.iter().sum();
        let max = weights.iter().copied().fold(0.0, f64::max);
        prop_assert_eq!(pool(sum, max, 1.0), sum);
        let pooled = pool(sum, max, phi);
        prop_assert!(pooled >= sum * (1.0 - 1e-12));
        let scaled = pool(sum * scale, max * scale, phi);
        prop_assert!((scaled - scale * pooled).abs() <= 1e-9 * scaled.abs().max(1.0));
        prop_assert_eq!(pool(weights[0], weights[0], phi), weights[0]);
    }
}

#[test]
fn an_arena_round_trips_through_ron() {
    let budget = Budget {
        total: 20.0,
        rule: SpendingRule::Responsive { below: 0.3 },
    };
    let actors = vec![
        Actor::new("police", ActorKind::Bureaucrat, 3.0, 0.8, 0.9)
            .with_channels([Channel::Expertise]),
        Actor::new("tabloid", ActorKind::Private, 0.0, 0.1, 0.7)
            .oriented(ActorOrientation::Political)
            .with_channels([Channel::Media])
            .with_budget(budget),
    ];
    let arena = Arena::new(
        actors,
        Access {
            politician: 1.0,
            bureaucrat: 0.6,
            private: 0.1,
        },
        vec![AccessChange {
            round: 50,
            access: Access::OPEN,
        }],
        ArenaRates {
            sovereignty: 0.4,
            ..ArenaRates::DEFAULT
        },
    )
    .unwrap();
    let text = ron::to_string(&arena).unwrap();
    let back: Arena = ron::from_str(&text).unwrap();
    assert_eq!(back, arena);
    assert_eq!(back.access_at(49).private, 0.1);
    assert_eq!(back.access_at(50).private, 1.0);
}

#[test]
fn bad_arenas_and_coalitions_name_the_field() {
    let text = |capability: &str| {
        format!(
            r#"(actors: [(name: "a", kind: Private, capability: 1.0, position: 0.5, salience: 1.0),
                         (name: "b", kind: Private, capability: {capability}, position: 0.5, salience: 1.0)])"#
        )
    };
    assert!(ron::from_str::<Arena>(&text("2.0")).is_ok());
    let error = ron::from_str::<Arena>(&text("-2.0"))
        .unwrap_err()
        .to_string();
    assert!(error.contains("actors[1].capability"), "{error}");
    let member = ActorRef { state: 0, actor: 0 };
    let error = Coalition::new("web", vec![member], 0.9, None).unwrap_err();
    assert_eq!(error.field, "phi");
    let coalition: Result<Coalition, _> =
        ron::from_str(r#"(name: "web", members: [(state: 0, actor: 1)], epistemic: Some(2.0))"#);
    assert!(coalition.unwrap_err().to_string().contains("epistemic"));
}
