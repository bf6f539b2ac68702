//! The three currencies of a result (`docs/model.md` section 10): rankings, wins
//! and evolutionary fitness name theirs, the default is the policy payoff,
//! and the output files say which column is which.

use std::path::Path;

use twolevel_game::{Currency, Horizon, Orientation, Politicization, Politics, TwoLevelGame};
use twolevel_strategies::{Defector, TitForTat};
use twolevel_tournament::evolution::{
    EvolutionOutcome, FixationSummary, RawEvolutionConfig, Record, evolve_tournament,
};
use twolevel_tournament::report::OutputOptions;
use twolevel_tournament::{
    Entrant, MatchConfig, PlayerSettings, RankingMetric, RoundRobin, RoundRobinResults, Tournament,
};

/// Three Tit For Tat players with political weights 0.8, 0.4 and 0 (in that
/// order) and a defector, in the default two-level game at a fixed pi = 0.5
/// over 10 turns.
fn same_moves_different_weights() -> RoundRobin {
    let config = MatchConfig::new(TwoLevelGame::default(), Horizon::fixed(10).unwrap())
        .unwrap()
        .with_politics(Politics::Fixed(Politicization::new(0.5).unwrap()));
    let tft = |w: f64| {
        let settings = PlayerSettings::new(Orientation::new(w).unwrap(), None).unwrap();
        Entrant::new(format!("TFT w={w}"), Box::new(TitForTat), settings)
    };
    let defector = Entrant::new(
        "Defector",
        Box::new(Defector),
        PlayerSettings::new(Orientation::new(0.0).unwrap(), None).unwrap(),
    );
    RoundRobin::new(config, vec![tft(0.8), tft(0.4), tft(0.0), defector]).unwrap()
}

#[test]
fn identical_moves_tie_in_policy_payoff_whatever_the_weight() {
    let round_robin = same_moves_different_weights();
    assert_eq!(round_robin.ranking_metric(), RankingMetric::Policy);
    let results = round_robin.play();
    let tft = &results.standings[..3];
    // Same moves, same policy payoff: an exact tie, kept in list order.
    for s in &tft[1..] {
        assert_eq!(s.scores.policy, tft[0].scores.policy, "{}", s.name);
        assert_eq!(s.wins.policy, tft[0].wins.policy, "{}", s.name);
        assert_eq!(s.cooperation_rate, tft[0].cooperation_rate);
    }
    assert_eq!(&results.ranking[..3], &[0, 1, 2]);
    // The utilities differ, each on its own scale: the higher the weight,
    // the lower the number (the mutual cooperation's policy payoff is
    // weighted by 1 - w_eff and its political payoff is 0).
    let utility: Vec<f64> = tft.iter().map(|s| s.scores.utility.mean).collect();
    assert!(
        utility[0] < utility[1] && utility[1] < utility[2],
        "{utility:?}"
    );
    // Ranked by utility, the same three players come out in reverse order.
    let by_utility = round_robin.with_ranking(RankingMetric::Utility).play();
    let tft_order: Vec<usize> = by_utility
        .ranking
        .iter()
        .copied()
        .filter(|&p| p < 3)
        .collect();
    assert_eq!(tft_order, vec![2, 1, 0]);
    assert!(
        by_utility
            .to_string()
            .contains("Ranked by own utility per turn;")
    );
}

#[test]
fn wins_are_counted_per_currency() {
    let results = same_moves_different_weights()
        .with_ranking(RankingMetric::Wins(Currency::Policy))
        .play();
    // The defector out-earns every Tit For Tat in policy and in political
    // payoff (it defects first), so it wins its three matches in both.
    let defector = &results.standings[3];
    assert_eq!(defector.wins.policy.mean, 3.0);
    assert_eq!(defector.wins.political.mean, 3.0);
    assert_eq!(results.ranking[0], 3);
    // Between two Tit For Tats nobody wins in policy or political payoff,
    // but in utility the lower weight "wins" on its own scale.
    assert_eq!(results.standings[2].wins.policy.mean, 0.0);
    assert!(results.standings[2].wins.utility.mean >= 2.0);
    assert!(
        results
            .to_string()
            .contains("Ranked by wins in policy payoff;")
    );
}

#[test]
fn ranking_spellings_in_tournament_files() {
    let catalog = twolevel_tournament::config::PresetCatalog::builtin().unwrap();
    let file = |ranking: &str| {
        format!(
            r#"Tournament(name: "t", players: [Preset("politician"), Preset("nationalist")]{ranking})"#
        )
    };
    for (text, metric) in [
        ("", RankingMetric::Policy),
        (", ranking: Policy", RankingMetric::Policy),
        (", ranking: Political", RankingMetric::Political),
        (", ranking: Utility", RankingMetric::Utility),
        (
            ", ranking: Wins(Policy)",
            RankingMetric::Wins(Currency::Policy),
        ),
        (
            ", ranking: Wins(Utility)",
            RankingMetric::Wins(Currency::Utility),
        ),
    ] {
        let t = Tournament::from_ron(&file(text), "t.ron", &catalog).unwrap();
        assert_eq!(t.round_robin.ranking_metric(), metric, "{text}");
    }
    // The old spelling `Wins` without a currency is refused.
    let err = Tournament::from_ron(&file(", ranking: Wins"), "t.ron", &catalog).unwrap_err();
    assert!(err.to_string().contains("t.ron"), "{err}");
}

fn first_line(path: &Path) -> String {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .next()
        .unwrap()
        .to_owned()
}

#[test]
fn csv_and_json_name_the_currencies() {
    let results = same_moves_different_weights()
        .with_match_records(true)
        .play();
    let dir = std::env::temp_dir().join(format!("twolevel-currencies-{}", std::process::id()));
    results
        .write_with(&dir, OutputOptions { matches: true })
        .unwrap();
    assert_eq!(
        first_line(&dir.join("ranking.csv")),
        "rank,player,policy_mean,policy_sd,political_mean,political_sd,utility_mean,utility_sd,\
         wins_policy_mean,wins_policy_sd,wins_political_mean,wins_political_sd,\
         wins_utility_mean,wins_utility_sd,cooperation_rate"
    );
    assert_eq!(
        first_line(&dir.join("matches.csv")),
        "player,partner,repetition,turns,policy,partner_policy,political,partner_political,\
         utility,partner_utility,cooperations,partner_cooperations,mean_politicization"
    );
    for currency in Currency::ALL {
        let path = dir.join(format!("payoff_matrix_{}.csv", currency.label()));
        assert!(first_line(&path).starts_with("player,TFT w=0.8,"));
    }
    let text = std::fs::read_to_string(dir.join("results.json")).unwrap();
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(json["metric"], "Policy");
    let standing = &json["standings"][0];
    for key in ["policy", "political", "utility"] {
        assert!(standing["scores"][key]["mean"].is_number(), "{standing}");
        assert!(standing["wins"][key]["mean"].is_number(), "{standing}");
        assert!(json["payoff_matrices"][key][0][0].is_number(), "{key}");
    }
    let back: RoundRobinResults = serde_json::from_str(&text).unwrap();
    assert_eq!(back.payoff_matrices.policy.len(), 4);
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The shipped `tournaments/evolution.ron` (bureaucrats, politicians,
/// free-riders and nationalists in a Moran process), with selection on
/// `fitness` and `runs` runs that record only their end.
/// With `first_version` the game loses accountability and securitization
/// (alpha = gamma = 0), as in the model's first version.
fn nationalist_fixation(fitness: Currency, runs: u32, first_version: bool) -> (f64, f64) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tournaments/evolution.ron");
    let mut tournament = Tournament::from_file(path).unwrap();
    if first_version {
        let config = tournament.round_robin.config();
        let game = config.game().with_accountability(0.0, 0.0).unwrap();
        let config = config.with_game(game).unwrap();
        tournament.round_robin = tournament.round_robin.with_config(config);
    }
    let mut raw: RawEvolutionConfig = tournament.evolution.unwrap().into();
    raw.fitness = fitness;
    raw.runs = runs;
    raw.record = Record::Final;
    raw.output = None;
    let config = raw.try_into().unwrap();
    let evolution = evolve_tournament(&tournament.round_robin, &config).unwrap();
    assert_eq!(evolution.fitness, fitness);
    let nationalist = evolution
        .names
        .iter()
        .position(|n| n == "nationalist")
        .unwrap();
    let EvolutionOutcome::Runs(outcome) = &evolution.outcome else {
        panic!("a Moran process gives runs");
    };
    let summary = FixationSummary::new(outcome, evolution.names.len());
    let stationary = evolution.stationary.unwrap()[nationalist];
    (summary.frequencies()[nationalist], stationary)
}

#[test]
fn nationalists_fix_only_when_selection_rewards_relative_gains() {
    // The numbers (200 runs, release build) are in docs/evolution.md. In
    // the model's first version (no accountability) nationalists fix in 0
    // runs under policy fitness, 200 under political fitness and 195 under
    // utility fitness. Fewer runs here, same story.
    let (policy, policy_stationary) = nationalist_fixation(Currency::Policy, 40, true);
    assert_eq!(policy, 0.0);
    assert!(policy_stationary < 1e-6, "{policy_stationary}");
    for fitness in [Currency::Political, Currency::Utility] {
        let (frequency, stationary) = nationalist_fixation(fitness, 40, true);
        assert!(frequency >= 0.9, "{fitness}: {frequency}");
        assert!(stationary > 0.99, "{fitness}: {stationary}");
    }
}

#[test]
fn accountability_turns_the_home_crowd_against_the_nationalist() {
    // With the default accountability (alpha = 1) and securitization
    // (gamma = 2) a nationalist answers at home for the securitized,
    // unsolved problem it creates: among its own kind it earns a political
    // payoff of about -2.1 per turn, so even selection on political payoff
    // favours the politicians (200 runs: 13 nationalist fixations, 186
    // politician; stationary share about 0.25), and selection on own
    // utility favours the bureaucrats (200 of 200).
    let (policy, _) = nationalist_fixation(Currency::Policy, 40, false);
    assert_eq!(policy, 0.0);
    let (political, political_stationary) = nationalist_fixation(Currency::Political, 40, false);
    assert!(political < 0.3, "{political}");
    assert!(political_stationary < 0.5, "{political_stationary}");
    let (utility, utility_stationary) = nationalist_fixation(Currency::Utility, 40, false);
    assert!(utility < 0.1, "{utility}");
    assert!(utility_stationary < 1e-3, "{utility_stationary}");
}

#[test]
fn a_very_long_player_name_is_cut_in_the_table_and_kept_in_the_results() {
    // Formatting widths above 65,535 used to panic.
    let name = "n".repeat(70_000);
    let players = vec![Entrant::new(
        name.clone(),
        Box::new(twolevel_strategies::TitForTat),
        twolevel_tournament::PlayerSettings::POLICY,
    )];
    let results = RoundRobin::new(MatchConfig::classic(5).unwrap(), players)
        .unwrap()
        .play();
    let table = results.to_string();
    assert!(
        table.contains(&format!("{}...", "n".repeat(45))),
        "{}",
        &table[..200]
    );
    assert!(table.len() < 2_000);
    assert_eq!(results.standings[0].name, name);
}
