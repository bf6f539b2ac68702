//! Evolution on tournaments: the round robin's payoff table, matches played
//! afresh, the shipped tournament files.

use rand::SeedableRng;
use rand_pcg::Pcg64Mcg;
use twolevel_game::Currency;
use twolevel_strategies::{Defector, Random, TitForTat};
use twolevel_tournament::Tournament;
use twolevel_tournament::evolution::{
    EvolutionConfig, EvolutionOutcome, FixationSummary, Initial, MatchPlayer, PayoffMode, Process,
    RawEvolutionConfig, Record, RoundRobinMatches, Selection, Update, evolve_played,
    evolve_tournament, fixation_probability, payoff_table,
};
use twolevel_tournament::play::MatchConfig;
use twolevel_tournament::progress::Counter;
use twolevel_tournament::round_robin::{Entrant, RoundRobin};

/// TFT and ALLD in the classic game over a fixed number of turns.
fn tft_alld(turns: u32) -> RoundRobin {
    RoundRobin::new(
        MatchConfig::classic(turns).unwrap(),
        vec![
            Entrant::classic(Box::new(TitForTat)),
            Entrant::classic(Box::new(Defector)),
        ],
    )
    .unwrap()
}

fn config(raw: RawEvolutionConfig) -> EvolutionConfig {
    EvolutionConfig::try_from(raw).unwrap()
}

#[test]
fn the_round_robin_gives_the_payoff_table() {
    let results = tft_alld(10).play();
    // TFT-TFT: R every turn; TFT-ALLD: S then P; ALLD-TFT: T then P. In the
    // classic game the policy payoff is the utility.
    for currency in [Currency::Policy, Currency::Utility] {
        let table = payoff_table(&results, currency).unwrap();
        assert_eq!(table.to_rows(), vec![vec![3.0, 0.9], vec![1.4, 1.0]]);
    }

    let no_self_play = tft_alld(10).with_self_play(false).unwrap();
    assert_eq!(
        payoff_table(&no_self_play.play(), Currency::Policy)
            .unwrap_err()
            .field,
        "self_play"
    );
}

#[test]
fn round_robin_matches_pay_per_turn() {
    let mut matches = RoundRobinMatches::new(&tft_alld(10), Currency::Policy);
    let mut rng = Pcg64Mcg::seed_from_u64(0);
    assert_eq!(matches.play(0, 1, &mut rng), (0.9, 1.4));
    assert_eq!(matches.play(1, 0, &mut rng), (1.4, 0.9));
    assert_eq!(matches.play(0, 0, &mut rng), (3.0, 3.0));
}

#[test]
fn played_matches_fix_as_often_as_the_analytic_probability() {
    // Deterministic strategies over a fixed horizon: every played match pays
    // the table, so the fixation frequency of one TFT among ALLD matches the
    // analytic value for the table.
    let population = 10;
    let runs = 4000;
    let cfg = config(RawEvolutionConfig {
        process: Process::Moran,
        population,
        initial: Initial::Counts(vec![1, population - 1]),
        selection: Selection::linear(0.5).unwrap(),
        payoffs: PayoffMode::Matches,
        // Far more than fixation takes (the summary checks that every
        // run fixed).
        generations: 100_000,
        runs,
        record: Record::Final,
        seed: Some(3),
        ..RawEvolutionConfig::default()
    });
    let evolution = evolve_tournament(&tft_alld(10), &cfg).unwrap();
    let EvolutionOutcome::Runs(outcomes) = &evolution.outcome else {
        panic!("a Moran process gives runs");
    };
    let summary = FixationSummary::new(outcomes, 2);
    assert_eq!(summary.unfixed, 0);
    let rho = fixation_probability(
        Update::moran(Selection::linear(0.5).unwrap()),
        [3.0, 0.9, 1.4, 1.0],
        population,
    )
    .unwrap()
    .value;
    assert_eq!(evolution.fixation.as_ref().unwrap().get(0, 1).value, rho);
    let sigma = (rho * (1.0 - rho) / f64::from(runs)).sqrt();
    let frequency = summary.frequencies()[0];
    assert!(
        (frequency - rho).abs() <= 4.0 * sigma,
        "simulated {frequency}, analytic {rho}"
    );
}

#[test]
fn stochastic_strategies_evolve_reproducibly() {
    let round_robin = RoundRobin::new(
        MatchConfig::classic(20)
            .unwrap()
            .with_action_noise(0.05)
            .unwrap(),
        vec![
            Entrant::classic(Box::new(TitForTat)),
            Entrant::classic(Box::new(Random::new(0.5).unwrap())),
            Entrant::classic(Box::new(Defector)),
        ],
    )
    .unwrap()
    .with_seed(11);
    let cfg = config(RawEvolutionConfig {
        process: Process::PairwiseComparison,
        population: 30,
        fermi_beta: 2.0,
        payoffs: PayoffMode::Matches,
        mutation: 0.01,
        generations: 20,
        runs: 3,
        ..RawEvolutionConfig::default()
    });
    let first = evolve_tournament(&round_robin, &cfg).unwrap();
    let second = evolve_tournament(&round_robin, &cfg).unwrap();
    assert_eq!(first.outcome, second.outcome);
    // A progress hook sees the round robin's matches and the runs, and
    // changes nothing.
    let counter = Counter::default();
    let results = round_robin.play_with_progress(&counter);
    let reported = evolve_played(&round_robin, &results, &cfg, &counter).unwrap();
    assert_eq!(reported, first);
    // Six pairs with self-play, one repetition; then three runs.
    assert_eq!((counter.total(), counter.done()), (6 + 3, 6 + 3));
    let other = evolve_tournament(&round_robin.clone().with_seed(12), &cfg).unwrap();
    assert_ne!(first.outcome, other.outcome);
    let EvolutionOutcome::Runs(runs) = &first.outcome else {
        panic!("pairwise comparison gives runs");
    };
    for run in runs {
        assert_eq!(run.steps_taken, 20 * 30);
        assert_eq!(run.steps.len(), 21);
        assert!(
            run.rows()
                .all(|(_, counts)| counts.iter().sum::<u32>() == 30)
        );
    }
}

fn shipped(name: &str) -> Tournament {
    let path = format!("{}/../../tournaments/{name}", env!("CARGO_MANIFEST_DIR"));
    Tournament::from_file(path).unwrap()
}

#[test]
fn the_shipped_evolution_tournaments_run() {
    let tournament = shipped("evolution.ron");
    let names: Vec<&str> = tournament
        .round_robin
        .entrants()
        .iter()
        .map(|e| e.name.as_str())
        .collect();
    assert_eq!(
        names,
        ["bureaucrat", "politician", "free-rider", "nationalist"]
    );
    let configured = tournament.evolution.clone().unwrap();
    assert_eq!(configured.process(), Process::Moran);
    // Fewer runs than the file's, for speed.
    let mut raw: RawEvolutionConfig = configured.into();
    raw.runs = 10;
    raw.record = Record::Final;
    let cfg = config(raw);
    let evolution = evolve_tournament(&tournament.round_robin, &cfg).unwrap();
    let EvolutionOutcome::Runs(runs) = &evolution.outcome else {
        panic!("a Moran process gives runs");
    };
    assert_eq!(runs.len(), 10);
    assert!(runs.iter().all(|r| r.fixation.is_some()));
    let stationary = evolution.stationary.unwrap();
    assert!((stationary.iter().sum::<f64>() - 1.0).abs() < 1e-12);

    let ecological = shipped("evolution-ecological.ron");
    let cfg = ecological.evolution.clone().unwrap();
    let evolution = evolve_tournament(&ecological.round_robin, &cfg).unwrap();
    let EvolutionOutcome::Shares(trajectory) = &evolution.outcome else {
        panic!("the ecological map gives shares");
    };
    assert_eq!(trajectory.shares.len(), 201);
    assert!(evolution.fixation.is_none());
}

#[test]
fn bad_evolution_blocks_are_reported() {
    let catalog = twolevel_tournament::config::PresetCatalog::builtin().unwrap();
    let file = |block: &str| {
        format!(
            r#"Tournament(name: "t", players: [Preset("politician"), Preset("nationalist")],
                evolution: Some({block}))"#
        )
    };
    for (block, field) in [
        ("(mutation: 2.0)", "mutation"),
        ("(population: 1)", "population"),
        ("(selection: Linear(-0.5))", "selection.Linear"),
        (
            "(population: 10, initial: Counts([4, 4]))",
            "initial.Counts",
        ),
        ("(generatons: 5)", "generatons"),
    ] {
        let err = Tournament::from_ron(&file(block), "bad.ron", &catalog).unwrap_err();
        let text = err.to_string();
        assert!(
            text.contains(field) && text.contains("bad.ron"),
            "{block}: {text}"
        );
    }
    // Before the currencies `fitness` was the payoff-to-fitness map, now
    // `selection`; an old block fails naming the file, the currencies it
    // expects and where the map went.
    let err = Tournament::from_ron(&file("(fitness: Exponential(0.5))"), "old.ron", &catalog)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("old.ron")
            && err.contains("selection: Exponential(0.5)")
            && ["Policy", "Political", "Utility"]
                .iter()
                .all(|c| err.contains(c)),
        "{err}"
    );
    // One count per player is only known with the players: checked when
    // the file is loaded, before anything runs, with the file named.
    let err = Tournament::from_ron(
        &file("(population: 10, initial: Counts([4, 3, 3]))"),
        "t.ron",
        &catalog,
    )
    .unwrap_err()
    .to_string();
    assert!(err.contains("t.ron") && err.contains("initial"), "{err}");
}
