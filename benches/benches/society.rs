//! Throughput of the society engine: donor-recipient interactions per
//! second in a society of Z = 10,000 discriminators under stern judging,
//! with public assessment (one standing per state) and with private
//! assessment (every state's image of every state: Z^2 = 10^8 bits, about
//! 12.5 MB).

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use rand::SeedableRng;
use rand_pcg::Pcg64Mcg;
use twolevel::game::Norm;
use twolevel::tournament::society::{DonationGame, Group, Institution, Society, SocietyParams};

const SIZE: u32 = 10_000;
const STEPS: u64 = 1_000_000;

fn society(institution: Institution, q: f64) -> Society {
    let params = SocietyParams::new(Norm::STERN_JUDGING, institution, q, 0.02, 0.02)
        .expect("valid parameters");
    let game = DonationGame::with_defaults(2.0, 1.0).expect("a valid game");
    Society::new(params, &game, &[Group::new("Discriminator", SIZE)]).expect("a valid society")
}

fn interactions(c: &mut Criterion) {
    let mut group = c.benchmark_group("society_z10000");
    group.throughput(Throughput::Elements(STEPS));
    group.sample_size(10);
    group.bench_function("public_q1", |b| {
        let mut society = society(Institution::Public, 1.0);
        let mut rng = Pcg64Mcg::seed_from_u64(1);
        b.iter(|| black_box(society.run(STEPS, &mut rng)));
    });
    group.finish();

    // Under private assessment every observer judges with probability q,
    // so an interaction costs O(qZ): the bench uses q = 0.001 (about 10
    // observers an interaction) and counts fewer interactions.
    let mut group = c.benchmark_group("society_z10000_private");
    let steps = STEPS / 100;
    group.throughput(Throughput::Elements(steps));
    group.sample_size(10);
    group.bench_function("private_q0.001", |b| {
        let mut society = society(Institution::Private, 0.001);
        let mut rng = Pcg64Mcg::seed_from_u64(1);
        b.iter(|| black_box(society.run(steps, &mut rng)));
    });
    group.finish();
}

criterion_group!(benches, interactions);
criterion_main!(benches);
