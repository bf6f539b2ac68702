//! Throughput of multilateral regimes: rounds per second of an iterated
//! public goods regime of 10 states (the per-round cost of N decisions and
//! the O(N) payoff pass), a regime tournament of 6 strategies in groups of
//! 10 (all 3 003 compositions, 200 rounds, 10 repetitions, one thread), and
//! the analytic group evolution (the full-chain stationary distribution
//! alone, and with the group achievement) for a population of 10 000 in
//! groups of 10.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use rand::SeedableRng;
use rand_pcg::Pcg64Mcg;
use twolevel::prelude::*;
use twolevel::strategies::regime::{
    ConditionalCooperator, MfnFreeRider, RegimeCooperator, RegimeDefector, RegimeGearShifting,
    RegimeReciprocity,
};
use twolevel::tournament::regime::{RegimeBuffers, RegimeTournament, play_regime};

const TURNS: u32 = 1000;
const SIZE: u32 = 10;

fn iterated_regime(c: &mut Criterion) {
    let game = GroupGame::new(SIZE, GroupPolicy::public_goods(3.0, 1.0)).expect("a valid game");
    let config = RegimeConfig::new(game, Horizon::fixed(TURNS).expect("a valid horizon"))
        .with_action_noise(0.01)
        .expect("a valid noise");
    let mut members: Vec<RegimeMember> = (0..SIZE)
        .map(|seat| -> Box<dyn RegimeStrategy> {
            match seat % 3 {
                0 => Box::new(ConditionalCooperator::new(5)),
                1 => Box::new(RegimeReciprocity::new(1.0, 0.9).expect("valid parameters")),
                _ => Box::new(MfnFreeRider::default()),
            }
        })
        .map(RegimeMember::new)
        .collect();
    let mut buffers = RegimeBuffers::new();
    let mut group = c.benchmark_group("regime_n10");
    group.throughput(Throughput::Elements(u64::from(TURNS)));
    group.bench_function("public_goods_1000_rounds", |b| {
        b.iter(|| {
            let mut rng = Pcg64Mcg::seed_from_u64(1);
            black_box(play_regime(&config, &mut members, &mut rng, &mut buffers))
        });
    });
    group.finish();
}

fn regime_tournament(c: &mut Criterion) {
    let game = GroupGame::new(SIZE, GroupPolicy::public_goods(3.0, 1.0)).expect("a valid game");
    let config = RegimeConfig::new(game, Horizon::fixed(200).expect("a valid horizon"))
        .with_action_noise(0.01)
        .expect("a valid noise");
    let entrants: Vec<RegimeMember> = vec![
        RegimeMember::new(Box::new(RegimeCooperator)),
        RegimeMember::new(Box::new(RegimeDefector)),
        RegimeMember::new(Box::new(ConditionalCooperator::new(5))),
        RegimeMember::new(Box::new(
            RegimeReciprocity::new(1.0, 0.9).expect("valid parameters"),
        )),
        RegimeMember::new(Box::new(RegimeGearShifting::default())),
        RegimeMember::new(Box::new(MfnFreeRider::default())),
    ];
    let tournament = RegimeTournament::new(config, entrants)
        .expect("entrants")
        .with_repetitions(10)
        .expect("repetitions")
        .with_max_compositions(3_003)
        .expect("a cap")
        .with_parallel(false);
    let mut group = c.benchmark_group("regime_tournament");
    group.sample_size(10);
    group.bench_function("six_n10_3003_x200_x10_serial", |b| {
        b.iter(|| black_box(tournament.play()));
    });
    group.finish();
}

fn group_evolution(c: &mut Criterion) {
    let game = GroupGame::new(
        SIZE,
        GroupPolicy::CollectiveRisk {
            endowment: 1.0,
            cost_share: 0.1,
            risk: 0.9,
            threshold: 5,
        },
    )
    .expect("a valid game");
    let payoffs = GroupPayoffs::from_game(
        &game,
        Politicization::NONE,
        Orientation::POLICY,
        Currency::Policy,
    )
    .expect("a valid table");
    let evolution = GroupEvolution::new(payoffs, 10_000, 5.0, 1e-3, 5).expect("valid parameters");
    c.bench_function("stationary_z10000_n10", |b| {
        b.iter(|| black_box(evolution.ln_stationary()));
    });
    c.bench_function("group_achievement_z10000_n10", |b| {
        b.iter(|| black_box(evolution.group_achievement()));
    });
}

criterion_group!(benches, iterated_regime, regime_tournament, group_evolution);
criterion_main!(benches);
