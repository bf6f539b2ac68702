//! The shipped `axelrod-second-full.ron` (Axelrod's second tournament,
//! the entries translated from his Fortran) plays at a small size: one
//! repetition of 63-move matches, the length of Axelrod's first game.

use twolevel_strategies::second::PUBLISHED_RANKING;
use twolevel_tournament::config::{PresetCatalog, Tournament, shipped_tournament};

fn small() -> Tournament {
    let text = shipped_tournament("axelrod-second-full")
        .expect("shipped")
        .replace("repetitions: 5", "repetitions: 1")
        .replace("Continuation(delta: 0.99654)", "Fixed(turns: 63)");
    assert!(
        text.contains("Fixed(turns: 63)"),
        "the horizon was replaced"
    );
    Tournament::from_ron(
        &text,
        "axelrod-second-full.ron",
        &PresetCatalog::builtin().unwrap(),
    )
    .unwrap()
}

#[test]
fn the_second_tournament_plays_its_entries_in_rank_order() {
    let results = small().round_robin.play();
    let names: Vec<&str> = results.names().collect();
    assert_eq!(names.len(), 63, "every entry of the second tournament");
    // The file lists the implemented entries in the published order.
    let published: Vec<&str> = PUBLISHED_RANKING
        .iter()
        .map(|entry| entry.name)
        .filter(|name| names.contains(name))
        .collect();
    assert_eq!(names, published);
    for player in results.ranked() {
        let score = player.scores().policy;
        assert!((0.0..=5.0).contains(&score), "{}: {score}", player.name());
    }
    // Two nice rules cooperate throughout: 3 points a move each.
    for partner in [
        "Second by Champion",
        "Second by Borufsen",
        "Second by Maynard Smith",
    ] {
        let matchup = results.matchup("Second by Rapoport", partner).unwrap();
        assert_eq!(matchup.payoff.policy, 3.0, "{partner}");
        assert_eq!(matchup.cooperation, 1.0, "{partner}");
    }
    assert_eq!(
        results,
        small().round_robin.play(),
        "a seed fixes the results"
    );
}
