//! The negotiation engine's throughput (issue 23): 10,000 pairs of states
//! each negotiate (alternating offers on a noisy estimate of the
//! partner's reservation), ratify (three ratifiers a state, majority or
//! supermajority) and, when ratified, play the agreement for 200 rounds
//! (tit for tat against Random(0.9)); otherwise they play the status quo
//! for 200 rounds. A third of the pairs carry a side payment, another
//! third a sanction. One repetition a pair, one thread.

use std::hint::black_box;

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use twolevel::game::{EstimateNoise, Ratifier, Resources, Threshold};
use twolevel::strategies::{Random, TitForTat};
use twolevel::tournament::negotiation::{
    Bargaining, NegotiatingState, NegotiationConfig, negotiate,
};
use twolevel::tournament::{MatchConfig, PlayerSettings};

const PAIRS: usize = 10_000;
const TURNS: u32 = 200;

/// Pair `p`'s states: ratifier positions spread over pairs so that zones
/// are open, narrow or empty.
fn pair(p: usize) -> [NegotiatingState; 2] {
    let spread = (p % 97) as f64 / 97.0;
    let ratifiers = |shift: f64| {
        [0.8, 0.55, 0.3]
            .iter()
            .zip([3.0, 2.0, 1.0])
            .map(|(&x, w)| Ratifier::new(w, (x - 0.3 * shift).clamp(0.0, 1.0)).unwrap())
            .collect::<Vec<_>>()
    };
    let settings = PlayerSettings::POLICY;
    let a = NegotiatingState::new(
        ratifiers(spread),
        Threshold::majority(),
        0.95,
        Box::new(TitForTat),
        settings,
    )
    .unwrap();
    let b = NegotiatingState::new(
        ratifiers(1.0 - spread),
        Threshold::supermajority(),
        0.9,
        Box::new(Random::new(0.9).unwrap()),
        settings,
    )
    .unwrap()
    .with_noise(EstimateNoise::new(0.1).unwrap());
    let a = match p % 3 {
        0 => a
            .with_resources(Resources::new(1.0, 0.0).unwrap(), 0.2, 0.8, 0.0, 0.0)
            .unwrap(),
        1 => a
            .with_resources(Resources::new(0.0, 2.0).unwrap(), 0.0, 1.0, 0.5, 0.2)
            .unwrap(),
        _ => a,
    };
    [a, b]
}

fn negotiation(c: &mut Criterion) {
    let pairs: Vec<[NegotiatingState; 2]> = (0..PAIRS).map(pair).collect();
    // The classic game (Axelrod's payoffs, w = 0, pi = 0) over 200 rounds.
    let play = MatchConfig::classic(TURNS).unwrap();
    let config = NegotiationConfig::new(Bargaining::AlternatingOffers, play)
        .with_compliance_cost(0.5)
        .unwrap()
        .with_seed(23);
    let mut group = c.benchmark_group("negotiation");
    group.throughput(Throughput::Elements(PAIRS as u64));
    group.sample_size(10);
    group.bench_function("pairs_10000_x200_serial", |b| {
        b.iter_batched(
            || pairs.clone(),
            |mut pairs| black_box(negotiate(&mut pairs, &config).unwrap()),
            BatchSize::LargeInput,
        );
    });
    group.finish();
}

criterion_group!(benches, negotiation);
criterion_main!(benches);
