//! Throughput of evolution on a graph: death-birth (and, for comparison,
//! birth-death and imitation) updates per second on a 100 x 100 periodic
//! lattice with von Neumann neighbourhoods (k = 4), the donation game with
//! b = 3, c = 1 at weak selection (linear, w = 0.1), accumulated payoffs,
//! started from a half-and-half random state, on one core.
//!
//! **Target (issue 25): at least 20 million death-birth updates per
//! second.** A death-birth update draws the dead node, sums its four
//! neighbours' cached fitnesses, draws the parent and, when the strategy
//! changes, updates the counts, payoffs and fitnesses of the changed node
//! and its four neighbours; nothing allocates.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use rand::SeedableRng;
use rand_pcg::Pcg64Mcg;
use twolevel::tournament::evolution::graph::{GraphPopulation, UpdateRule};
use twolevel_benches::lattice_bench;

const UPDATES: u64 = 1_000_000;

fn updates(c: &mut Criterion) {
    let mut group = c.benchmark_group("graph_updates_lattice_100x100");
    group.throughput(Throughput::Elements(UPDATES));
    group.sample_size(20);
    for (name, rule) in [
        ("death_birth", UpdateRule::DeathBirth),
        ("birth_death", UpdateRule::BirthDeath),
        ("imitation", UpdateRule::Imitation),
    ] {
        let mut rng = Pcg64Mcg::seed_from_u64(1);
        let (graph, table, dynamics, start) = lattice_bench(rule, &mut rng);
        let mut population = GraphPopulation::new(&graph, &table, dynamics).expect("valid");
        group.bench_function(name, |b| {
            b.iter(|| {
                // Back to the mixed start, so that every sample measures
                // updates that change strategies, not a fixed lattice.
                population.set_states(&start).expect("one a node");
                population.run(UPDATES, &mut rng);
                black_box(population.counts()[0])
            });
        });
    }
    group.finish();
}

criterion_group!(benches, updates);
criterion_main!(benches);
