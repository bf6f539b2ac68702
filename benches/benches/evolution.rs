//! Throughput of the finite-population processes on a payoff table: Moran
//! birth-death steps and Fermi imitation steps per second in a population
//! of N = 1000, and the analytic fixation probability for large N.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use rand::SeedableRng;
use rand_pcg::Pcg64Mcg;
use twolevel::tournament::evolution::{
    PayoffTable, Record, Selection, StochasticParams, Update, fixation_probability, simulate,
};

const STEPS: u64 = 1_000_000;
const POPULATION: u32 = 1000;

/// Per-turn payoffs among ALLC, ALLD, TFT and Grudger over 200 rounds.
fn four_strategy_table() -> PayoffTable {
    let sucker = 199.0 / 200.0;
    let exploit = 204.0 / 200.0;
    PayoffTable::new(vec![
        vec![3.0, 0.0, 3.0, 3.0],
        vec![5.0, 1.0, exploit, exploit],
        vec![3.0, sucker, 3.0, 3.0],
        vec![3.0, sucker, 3.0, 3.0],
    ])
    .expect("a valid table")
}

fn steps(c: &mut Criterion) {
    let two = PayoffTable::two_by_two(3.0, 0.0, 5.0, 1.0).expect("a valid table");
    let four = four_strategy_table();
    let mut group = c.benchmark_group("evolution_steps_n1000");
    group.throughput(Throughput::Elements(STEPS));
    group.sample_size(20);
    let cases = [
        (
            "moran_linear_2types",
            &two,
            Update::moran(Selection::linear(0.1).unwrap()),
        ),
        (
            "moran_exponential_2types",
            &two,
            Update::moran(Selection::exponential(0.1).unwrap()),
        ),
        (
            "moran_linear_4types",
            &four,
            Update::moran(Selection::linear(0.1).unwrap()),
        ),
        ("fermi_2types", &two, Update::fermi(0.1).unwrap()),
        ("fermi_4types", &four, Update::fermi(0.1).unwrap()),
    ];
    for (name, table, update) in cases {
        // Mutation keeps every run going for exactly STEPS steps.
        let params = StochasticParams {
            update,
            mutation: 0.001,
            max_steps: STEPS,
            record: Record::Final,
        };
        let n = table.len();
        let per_type = POPULATION / u32::try_from(n).expect("few types");
        let initial = vec![per_type; n];
        let mut rng = Pcg64Mcg::seed_from_u64(1);
        let mut source = table.clone();
        group.bench_function(name, |b| {
            b.iter(|| {
                let run = simulate(&mut source, black_box(&initial), &params, &mut rng)
                    .expect("valid parameters");
                black_box(run.final_counts)
            });
        });
    }
    group.finish();
}

fn analytic(c: &mut Criterion) {
    c.bench_function("fixation_probability_fermi_n10000", |b| {
        b.iter(|| {
            fixation_probability(
                Update::fermi(black_box(1.0)).unwrap(),
                black_box([3.0, 0.9, 1.4, 1.0]),
                10_000,
            )
            .expect("valid parameters")
        });
    });
}

criterion_group!(benches, steps, analytic);
criterion_main!(benches);
