//! Axelrod's second tournament, played by its 63 entries translated from
//! his Fortran (`tournaments/axelrod-second-full.ron`).
//!
//! - `second_tournament/axelrod_lengths`: every pair (self-play included,
//!   2,016 pairs) plays five matches, of 63, 77, 151, 156 and 308 moves in
//!   Axelrod's draws; here five repetitions of 151 moves, the same 755
//!   moves a pair (1,522,080 moves in all), on one thread, results
//!   included, in moves per second: the size at which Axelrod's compiled
//!   Fortran is timed for `benches/README.md` (same pairs, same 755 moves
//!   a pair).
//! - `second_tournament/continuation_0_99654`: the file as shipped
//!   (`delta = 0.99654`, five repetitions, seed 1980), on one thread.
//!
//! Run with `cargo bench -p twolevel-benches --bench second_tournament`.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use twolevel::game::Horizon;
use twolevel::tournament::{MatchConfig, Tournament};

fn second_tournament(c: &mut Criterion) {
    let mut group = c.benchmark_group("second_tournament");
    group.sample_size(10);
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tournaments/axelrod-second-full.ron"
    );
    let file = Tournament::from_file(path).expect("the second tournament's file loads");
    let shipped = file.round_robin.clone().with_parallel(false);
    let base = &file.round_robin;
    let config = MatchConfig::new(*base.config().game(), Horizon::fixed(151).expect("turns"))
        .expect("the file's game is valid");
    let fixed = base.clone().with_config(config).with_parallel(false);
    let pairs = fixed.pairs().len() as u64;
    group.throughput(Throughput::Elements(pairs * 5 * 151));
    group.bench_function("axelrod_lengths", |bencher| {
        bencher.iter(|| black_box(fixed.play()));
    });
    group.throughput(Throughput::Elements(pairs * 5));
    group.bench_function("continuation_0_99654", |bencher| {
        bencher.iter(|| black_box(shipped.play()));
    });
    group.finish();
}

criterion_group!(benches, second_tournament);
criterion_main!(benches);
