//! Round robins and evolutions built from the page's requests, against
//! the library run on the equivalent tournament file.

use twolevel_game::Currency;
use twolevel_tournament::config::{PresetCatalog, Tournament, shipped_tournament};
use twolevel_web::tournament::axelrod_first_players;
use twolevel_web::{
    EvolutionRequest, HorizonChoice, RoundRobinRequest, Sliders, evolution, round_robin,
};

fn classic_request(players: Vec<String>) -> RoundRobinRequest {
    RoundRobinRequest {
        sliders: Sliders {
            w: 0.0,
            pi: 0.0,
            horizon: HorizonChoice::Turns { turns: 200 },
            ..Sliders::default()
        },
        players,
        repetitions: 5,
        seed: 1980,
    }
}

#[test]
fn axelrod_first_players_are_the_shipped_files() {
    let players = axelrod_first_players().unwrap();
    assert_eq!(players.len(), 15);
    assert_eq!(players[0], "Tit For Tat");
    assert!(players.contains(&"First by Joss".to_owned()));
}

#[test]
fn the_round_robin_equals_the_same_tournament_file() {
    let players = vec![
        "Tit For Tat".to_owned(),
        "Grudger".to_owned(),
        "Random".to_owned(),
        "Defector".to_owned(),
    ];
    let view = round_robin(&classic_request(players.clone())).unwrap();
    let entries: Vec<String> = players
        .iter()
        .map(|p| format!("Inline(name: {p:?}, strategy: (name: {p:?}))"))
        .collect();
    let text = format!(
        "Tournament(name: \"same\", players: [{}], horizon: Fixed(turns: 200), \
         politics: Fixed(0.0), repetitions: 5, seed: 1980)",
        entries.join(", ")
    );
    let tournament =
        Tournament::from_ron(&text, "<test>", &PresetCatalog::builtin().unwrap()).unwrap();
    let results = tournament.round_robin.play();
    assert_eq!(view.names, players);
    assert_eq!(view.payoffs, results.payoff_matrices[Currency::Policy]);
    assert_eq!(view.ranking.len(), 4);
    for (line, &player) in view.ranking.iter().zip(&results.ranking) {
        let row = &results.standings[player];
        assert_eq!(line.name, row.name);
        assert_eq!(line.policy, row.scores[Currency::Policy].mean);
        assert_eq!(line.cooperation, row.cooperation_rate);
    }
    assert_eq!(view.matches, tournament.round_robin.match_count());
}

#[test]
fn the_fifteen_player_round_robin_runs() {
    let view = round_robin(&classic_request(axelrod_first_players().unwrap())).unwrap();
    assert_eq!(view.ranking.len(), 15);
    assert_eq!(view.mean_match_length, 200.0);
    // The shipped file (which tells the entries the length) ranks the
    // same players; here the length is not told, so only the set is
    // compared.
    assert!(shipped_tournament("axelrod-first").is_some());
}

#[test]
fn evolutions_run_and_their_shares_sum_to_one() {
    let base = classic_request(vec![
        "Tit For Tat".to_owned(),
        "Defector".to_owned(),
        "Cooperator".to_owned(),
    ]);
    for process in ["moran", "replicator"] {
        let view = evolution(&EvolutionRequest {
            round_robin: base.clone(),
            process: process.to_owned(),
            population: 30,
            generations: 200,
        })
        .unwrap();
        assert_eq!(view.fitness, "policy");
        assert_eq!(view.times.len(), view.shares.len());
        assert!(view.times.len() > 1, "{process}");
        for shares in &view.shares {
            assert!((shares.iter().sum::<f64>() - 1.0).abs() < 1e-9, "{process}");
        }
        for share in &view.shares[0] {
            assert!((share - 1.0 / 3.0).abs() < 1e-12, "{process}: {share}");
        }
    }
}

#[test]
fn bad_requests_name_their_field() {
    let mut request = classic_request(vec!["Tit For Tat".to_owned()]);
    request.repetitions = 0;
    assert_eq!(round_robin(&request).unwrap_err().field, "repetitions");
    request.repetitions = 1;
    request.players = Vec::new();
    assert_eq!(round_robin(&request).unwrap_err().field, "players");
    request.players = vec!["No Such Strategy".to_owned()];
    let error = round_robin(&request).unwrap_err();
    assert!(error.reason.contains("No Such Strategy"), "{error:?}");
    let evolve = EvolutionRequest {
        round_robin: classic_request(vec!["Tit For Tat".to_owned(), "Defector".to_owned()]),
        process: "birth-death".to_owned(),
        population: 10,
        generations: 10,
    };
    assert_eq!(evolution(&evolve).unwrap_err().field, "process");
    let tiny = EvolutionRequest {
        process: "moran".to_owned(),
        population: 1,
        ..evolve
    };
    let error = evolution(&tiny).unwrap_err();
    assert!(error.reason.contains("population"), "{error:?}");
}
