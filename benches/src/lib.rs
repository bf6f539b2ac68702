//! Criterion benchmarks for twolevel live in `benches/benches/`; this
//! library holds what they share with the instruction-counting binaries
//! of `src/bin/`.

use rand::SeedableRng;
use rand_pcg::Pcg64Mcg;
use twolevel::game::actors::{
    Access, Actor, ActorKind, ActorOrientation, ActorRef, Arena, ArenaRates, Channel, Coalition,
};
use twolevel::game::graph::{Graph, GraphSpec, Neighbourhood, below};
use twolevel::tournament::Domestic;
use twolevel::tournament::evolution::graph::{GraphDynamics, UpdateRule, donation_game};
use twolevel::tournament::evolution::{PayoffTable, Selection};

/// Two states with 10 actors each and, with `webs`, a coalition in state
/// 0 and an epistemic web across both: the arenas of the
/// `match_200_turns/tft_vs_wsls_dynamic_pi_arenas_10` benches.
///
/// # Panics
///
/// Only if these fixed arenas were invalid (they are not).
pub fn ten_actor_arenas(webs: bool) -> Domestic {
    let channels = [
        vec![Channel::Lobby],
        vec![Channel::Media],
        vec![Channel::Expertise],
        vec![Channel::Lobby, Channel::Media],
        vec![Channel::Lobby, Channel::Expertise],
    ];
    let kinds = [
        ActorKind::Politician,
        ActorKind::Bureaucrat,
        ActorKind::Private,
    ];
    let arena = |shift: f64| {
        let actors = (0..10)
            .map(|k| {
                let x = f64::from(k);
                let actor = Actor::new(
                    format!("actor {k}"),
                    kinds[k as usize % 3],
                    1.0 + x,
                    (0.05 + 0.1 * x + shift) % 1.0,
                    0.3 + 0.07 * x,
                )
                .with_channels(channels[k as usize % 5].clone());
                if k % 4 == 0 {
                    actor.oriented(ActorOrientation::Political)
                } else {
                    actor
                }
            })
            .collect();
        let rates = ArenaRates {
            sovereignty: 0.3,
            ..ArenaRates::DEFAULT
        };
        Arena::new(actors, Access::OPEN, Vec::new(), rates).expect("a valid arena")
    };
    let member = |state, actor| ActorRef { state, actor };
    let coalitions = if !webs {
        Vec::new()
    } else {
        vec![
            Coalition::new("home", vec![member(0, 1), member(0, 4)], 1.5, None),
            Coalition::new(
                "web",
                vec![member(0, 7), member(1, 7), member(1, 2)],
                1.2,
                Some(0.5),
            ),
        ]
        .into_iter()
        .collect::<Result<Vec<_>, _>>()
        .expect("valid coalitions")
    };
    Domestic::new(vec![Some(arena(0.0)), Some(arena(0.33))], coalitions)
        .expect("valid domestic arenas")
}

/// The setting of the graph benches (`benches/graph.rs` and the
/// `graph_loop` binary): a 100 x 100 periodic lattice with von Neumann
/// neighbourhoods (k = 4), the donation game with b = 3, c = 1 (policy
/// payoffs per interaction), `Linear(0.1)` selection and accumulated
/// payoffs under `rule`, and a half-and-half random start drawn from
/// `rng` (one `below(2)` a node).
///
/// # Panics
///
/// Only if this fixed setting were invalid (it is not).
pub fn lattice_bench<R: rand::Rng + ?Sized>(
    rule: UpdateRule,
    rng: &mut R,
) -> (Graph, PayoffTable, GraphDynamics, Vec<u8>) {
    let graph = GraphSpec::Lattice {
        width: 100,
        height: 100,
        neighbourhood: Neighbourhood::VonNeumann,
    }
    .generate(&mut Pcg64Mcg::seed_from_u64(0))
    .expect("a valid lattice");
    let table = donation_game(3.0, 1.0).expect("a valid table");
    let dynamics = GraphDynamics::new(rule, Selection::linear(0.1).expect("valid"));
    let start = (0..graph.node_count())
        .map(|_| below(rng, 2) as u8)
        .collect();
    (graph, table, dynamics, start)
}
