//! What a bureaucratic network's autonomy does to politicians: the shipped
//! `tournaments/autonomy-network.ron` (two hawks, four tit for tat and
//! thirty politician-led prudent reciprocators, political weight 0.5,
//! patience 0.6; politicization starting at 0.25 and spreading with
//! `rate = decay = 0.3`; `Autonomy(base: 0.5, rate: 0.5)`) played with its
//! bureaucratic network and without it (the same base autonomy, `rate =
//! 0`), on its 6 x 6 lattice and on the complete graph of the same 36
//! states (well mixed); and, without the politicization rule, at fixed
//! `pi = 0.25` and `pi = 0`. Each seed draws the matches' noise and the
//! placement of the states on the graph. Cooperation is the share of
//! moves (all matches, turn-weighted), autonomy the mean over states, the
//! weight the mean political weight the states played with (`(1 - a_i)
//! w_i`), the policy payoff the mean over states of the per-neighbour
//! average (policy currency, per turn); each is the mean over the last
//! epochs of a run, then the mean over seeds with its standard error.

use rand::SeedableRng;
use rand::seq::SliceRandom;
use rand_pcg::Pcg64Mcg;
use twolevel_game::graph::Graph;
use twolevel_game::{Politicization, Politics};
use twolevel_tournament::progress::NoProgress;
use twolevel_tournament::round_robin::{NetworkRule, NetworkSpread};
use twolevel_tournament::stats::mean_sd_se;

use super::shipped;

const SEEDS: u64 = 10;
const LAST: usize = 3;

/// Per seed, the last epochs' means of one measure.
#[derive(Default)]
struct Measures {
    cooperation: Vec<f64>,
    autonomy: Vec<f64>,
    weight: Vec<f64>,
    policy: Vec<f64>,
}

/// Plays the shipped file's states over the seeds with the spread of
/// `rules` for `epochs`, starting at politicization `pi`, on `graph` (the
/// file's lattice when `None`).
fn measure(pi: f64, rules: Vec<NetworkRule>, epochs: u32, graph: Option<&Graph>) -> Measures {
    let tournament = shipped("autonomy-network.ron");
    let spread = NetworkSpread::new(rules, epochs).unwrap();
    let config = tournament
        .round_robin
        .config()
        .with_politics(Politics::Fixed(Politicization::new(pi).unwrap()));
    let mut out = Measures::default();
    for seed in 0..SEEDS {
        let mut entrants = tournament.round_robin.entrants().to_vec();
        entrants.shuffle(&mut Pcg64Mcg::seed_from_u64(seed));
        let mut rr = tournament
            .round_robin
            .clone()
            .with_config(config)
            .with_entrants(entrants)
            .unwrap()
            .with_seed(seed);
        if let Some(graph) = graph {
            rr = rr.with_graph(graph.clone()).unwrap();
        }
        let run = spread.play(&rr, &NoProgress).unwrap().network;
        let from = run.epochs.len() - LAST;
        let last = &run.epochs[from..];
        let mean = |f: &dyn Fn(&twolevel_tournament::round_robin::EpochSummary) -> f64| {
            last.iter().map(f).sum::<f64>() / LAST as f64
        };
        out.cooperation.push(mean(&|e| e.cooperation));
        out.autonomy.push(mean(&|e| e.mean_autonomy));
        out.policy.push(mean(&|e| e.policy_payoff));
        out.weight.push(
            run.political_weight[from..]
                .iter()
                .map(|w| w.iter().sum::<f64>() / w.len() as f64)
                .sum::<f64>()
                / LAST as f64,
        );
    }
    out
}

fn complete(n: u32) -> Graph {
    let edges: Vec<(u32, u32)> = (0..n)
        .flat_map(|i| (i + 1..n).map(move |j| (i, j)))
        .collect();
    Graph::from_edges(n as usize, &edges).unwrap()
}

fn show(name: &str, m: &Measures) {
    let cell = |v: &[f64]| {
        let (mean, _, se) = mean_sd_se(v);
        format!("{mean:.4} +- {se:.4}")
    };
    println!(
        "| {name} | {} | {} | {} | {} |",
        cell(&m.cooperation),
        cell(&m.autonomy),
        cell(&m.weight),
        cell(&m.policy)
    );
}

/// `a - b` is positive by more than `z` standard errors of the difference
/// of two independent means.
fn above(a: &[f64], b: &[f64], z: f64) -> bool {
    let (ma, _, sa) = mean_sd_se(a);
    let (mb, _, sb) = mean_sd_se(b);
    ma - mb > z * (sa * sa + sb * sb).sqrt().max(1e-3)
}

/// The difference of the means of `a` and `b` is below `bound`.
fn close(a: &[f64], b: &[f64], bound: f64) -> bool {
    (mean_sd_se(a).0 - mean_sd_se(b).0).abs() < bound
}

/// The file's rules with the autonomy rule's rate replaced by `rate`
/// (and without the politicization rule when `spreading` is false).
fn rules(rate: f64, spreading: bool) -> (Vec<NetworkRule>, u32) {
    let tournament = shipped("autonomy-network.ron");
    let spread = tournament.spread.as_ref().unwrap();
    let rules = spread
        .rules()
        .iter()
        .filter_map(|rule| match *rule {
            NetworkRule::Autonomy { base, .. } => Some(NetworkRule::Autonomy { base, rate }),
            NetworkRule::Politicization { .. } => spreading.then_some(*rule),
        })
        .collect();
    (rules, spread.epochs())
}

#[test]
fn a_bureaucratic_network_stops_securitization_spreading_on_a_lattice() {
    let mixed = complete(36);
    let run = |rate: f64, graph: Option<&Graph>| {
        let (rules, epochs) = rules(rate, true);
        measure(0.25, rules, epochs, graph)
    };
    let lattice_without = run(0.0, None);
    let lattice_with = run(0.5, None);
    let mixed_without = run(0.0, Some(&mixed));
    let mixed_with = run(0.5, Some(&mixed));
    println!("| graph, network | cooperation | autonomy | weight | policy payoff |");
    show("lattice, rate 0", &lattice_without);
    show("lattice, rate 0.5", &lattice_with);
    show("complete, rate 0", &mixed_without);
    show("complete, rate 0.5", &mixed_with);
    // On the lattice, without the network the hawks' neighbours leave the
    // band and securitization spreads; with it cooperation survives, and
    // the policy payoff per turn with it.
    assert!(above(
        &lattice_with.cooperation,
        &lattice_without.cooperation,
        4.0
    ));
    assert!(above(&lattice_with.policy, &lattice_without.policy, 4.0));
    assert!(above(
        &lattice_with.autonomy,
        &lattice_without.autonomy,
        4.0
    ));
    assert!(above(&lattice_without.weight, &lattice_with.weight, 4.0));
    // Well mixed the politicians cooperate with or without it (the
    // hawks' defections are diluted and pi stays in the band): the network
    // raises autonomy but moves cooperation by less than 0.01.
    assert!(above(&mixed_with.autonomy, &mixed_without.autonomy, 4.0));
    assert!(close(
        &mixed_with.cooperation,
        &mixed_without.cooperation,
        0.01
    ));
    // Without the network, structure decides (as in
    // politicization-network.ron): the well-mixed states cooperate more.
    assert!(above(
        &mixed_without.cooperation,
        &lattice_without.cooperation,
        4.0
    ));
}

#[test]
fn at_a_fixed_politicization_autonomy_follows_cooperation() {
    let mixed = complete(36);
    for (graph_name, graph) in [("lattice", None), ("complete", Some(&mixed))] {
        let mut at = Vec::new();
        for pi in [0.25, 0.0] {
            let without = measure(pi, rules(0.0, false).0, rules(0.0, false).1, graph);
            let with = measure(pi, rules(0.5, false).0, rules(0.5, false).1, graph);
            show(&format!("{graph_name}, pi {pi}, rate 0"), &without);
            show(&format!("{graph_name}, pi {pi}, rate 0.5"), &with);
            // At a fixed pi the network only raises the autonomy of states
            // that already cooperate: cooperation moves by less than 0.01.
            assert!(close(&with.cooperation, &without.cooperation, 0.01));
            at.push(with);
        }
        // The paradox holds with the network: politicians cooperate at
        // pi = 0.25 and not at pi = 0, and the network's autonomy is
        // higher where they cooperate.
        assert!(above(&at[0].cooperation, &at[1].cooperation, 4.0));
        assert!(above(&at[0].autonomy, &at[1].autonomy, 4.0));
    }
}
