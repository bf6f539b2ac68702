//! Match and round-robin throughput.
//!
//! - `match_200_turns/*`: one 200-turn classic match between memory-one
//!   strategies, reported in turns per second (`Throughput::Elements(200)`).
//!   Target: at least 100 million turns per second on one core.
//!   `tft_vs_wsls_dynamic_pi` times the general loop (dynamic
//!   politicization) for comparison, and `tft_vs_wsls_dynamic_pi_arenas_10`
//!   the same match with a domestic arena of 10 actors in each state
//!   (`play_arena_match`; target: a third of the dynamic-politicization
//!   rate), `..._webs` with coalitions besides.
//! - `round_robin/classic_15_x10_serial`: 15 classic strategies, 200 turns,
//!   10 repetitions, self-play, on one thread. Target: under 20 ms.
//! - `first_tournament_per_turn/*`: Axelrod's first tournament at 200,
//!   2,000 and 20,000 turns, in turns per second (flat when every
//!   strategy does constant work per round).
//!
//! Run with `cargo bench -p twolevel-benches --bench matches`; see
//! `benches/README.md` for the numbers measured and the Python comparison.

use std::hint::black_box;

use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, Criterion, Throughput, criterion_group, criterion_main};
use rand::SeedableRng;
use rand_pcg::Pcg64Mcg;
use twolevel::game::{
    Horizon, Politicization, PoliticizationDynamics, Politics, Strategy, TwoLevelGame,
};
use twolevel::strategies::TitForTat;
use twolevel::strategies::classic::WinStayLoseShift;
use twolevel::strategies::registry::{StrategySpec, build};
use twolevel::tournament::{
    ArenaRecord, Entrant, MatchBuffers, MatchConfig, PlayerSettings, RoundRobin, Tournament,
    play_arena_match, play_match,
};
use twolevel_benches::ten_actor_arenas;

/// The 15 deterministic classic strategies of the round-robin bench.
const CLASSIC_15: [&str; 15] = [
    "Cooperator",
    "Defector",
    "Tit For Tat",
    "Tit For 2 Tats",
    "Two Tits For Tat",
    "Grudger",
    "Win-Stay Lose-Shift",
    "Suspicious Tit For Tat",
    "Alternator",
    "Hard Tit For Tat",
    "Bully",
    "Prober",
    "Go By Majority",
    "Gradual",
    "Cycler CCD",
];

fn strategy(name: &str) -> Box<dyn Strategy> {
    match build(&StrategySpec::new(name)) {
        Ok(strategy) => strategy,
        Err(error) => panic!("the bench needs `{name}`: {error}"),
    }
}

/// Times one match of `config` between two strategies.
fn bench_match(
    group: &mut BenchmarkGroup<'_, WallTime>,
    label: &str,
    config: &MatchConfig,
    mut first: Box<dyn Strategy>,
    mut second: Box<dyn Strategy>,
) {
    let mut buffers = MatchBuffers::new();
    let mut rng = Pcg64Mcg::seed_from_u64(1);
    group.bench_function(label, |bencher| {
        bencher.iter(|| {
            black_box(play_match(
                black_box(config),
                [first.as_mut(), second.as_mut()],
                &[PlayerSettings::POLICY; 2],
                &mut buffers,
                &mut rng,
            ))
        });
    });
}

fn single_match(c: &mut Criterion) {
    let classic = MatchConfig::classic(200).expect("200 turns is a valid horizon");
    let mut group = c.benchmark_group("match_200_turns");
    group.throughput(Throughput::Elements(200));
    let tft = || -> Box<dyn Strategy> { Box::new(TitForTat) };
    let wsls = || -> Box<dyn Strategy> { Box::new(WinStayLoseShift) };
    bench_match(&mut group, "tft_vs_tft", &classic, tft(), tft());
    bench_match(&mut group, "tft_vs_wsls", &classic, tft(), wsls());

    // The general loop: dynamic politicization recomputes the stage table
    // whenever pi moves, and totals are summed round by round. From 0.5, pi
    // decays in every round of mutual cooperation, so the table is
    // recomputed every turn: the worst case.
    let dynamic = MatchConfig::new(TwoLevelGame::default(), Horizon::AXELROD_FIRST)
        .expect("the default game is valid")
        .with_politics(Politics::Dynamic {
            initial: Politicization::new(0.5).expect("0.5 is a valid level"),
            dynamics: PoliticizationDynamics::DEFAULT,
        });
    bench_match(
        &mut group,
        "tft_vs_wsls_dynamic_pi",
        &dynamic,
        tft(),
        wsls(),
    );

    // The same match with a domestic arena of 10 actors in each state: all
    // three channels, political- and policy-oriented actors of every
    // kind, sovereignty; then with a domestic coalition and an epistemic
    // web across both states besides.
    for (label, webs) in [
        ("tft_vs_wsls_dynamic_pi_arenas_10", false),
        ("tft_vs_wsls_dynamic_pi_arenas_10_webs", true),
    ] {
        let domestic = ten_actor_arenas(webs);
        let (mut first, mut second) = (tft(), wsls());
        let mut buffers = MatchBuffers::new();
        let mut record = ArenaRecord::new();
        let mut rng = Pcg64Mcg::seed_from_u64(1);
        group.bench_function(label, |bencher| {
            bencher.iter(|| {
                black_box(play_arena_match(
                    black_box(&dynamic),
                    [first.as_mut(), second.as_mut()],
                    &[PlayerSettings::POLICY; 2],
                    &domestic,
                    [0, 1],
                    &mut buffers,
                    &mut record,
                    &mut rng,
                ))
            });
        });
    }
    group.finish();
}

fn round_robin(c: &mut Criterion) {
    let mut group = c.benchmark_group("round_robin");
    group.sample_size(20);
    group.bench_function("classic_15_x10_serial", |bencher| {
        // Built here so that filtering this bench out skips the set-up.
        let config = MatchConfig::classic(200).expect("200 turns is a valid horizon");
        let entrants = CLASSIC_15
            .iter()
            .map(|name| Entrant::classic(strategy(name)))
            .collect();
        let tournament = RoundRobin::new(config, entrants)
            .and_then(|t| t.with_repetitions(10))
            .expect("a valid tournament")
            .with_parallel(false);
        bencher.iter(|| black_box(tournament.play()));
    });
    group.finish();
}

/// The round robin of Axelrod's first tournament
/// (`tournaments/axelrod-first.ron`: 15 players, length known, one
/// repetition so that no match is a copy, serial) at 200, 2,000 and 20,000
/// turns, in turns per second: a rate that stays flat shows that no
/// strategy's work per round grows with the history.
fn first_tournament_per_turn(c: &mut Criterion) {
    let mut group = c.benchmark_group("first_tournament_per_turn");
    group.sample_size(10);
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tournaments/axelrod-first.ron"
    );
    let file = Tournament::from_file(path).expect("the first tournament's file loads");
    for turns in [200_u32, 2_000, 20_000] {
        let base = &file.round_robin;
        let config = MatchConfig::new(*base.config().game(), Horizon::fixed(turns).expect("turns"))
            .expect("the file's game is valid")
            .with_length_known(true);
        let tournament = base
            .clone()
            .with_config(config)
            .with_repetitions(1)
            .expect("one repetition")
            .with_parallel(false);
        let matches = tournament.pairs().len() as u64;
        group.throughput(Throughput::Elements(matches * u64::from(turns)));
        group.bench_function(format!("{turns}_turns"), |bencher| {
            bencher.iter(|| black_box(tournament.play()));
        });
    }
    group.finish();
}

criterion_group!(
    benches,
    single_match,
    round_robin,
    first_tournament_per_turn
);
criterion_main!(benches);
