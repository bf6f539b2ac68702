//! Axelrod's second tournament: every implemented entry plays, move for
//! move, what Axelrod's compiled Fortran (`TourExec`) played in the
//! fixture `tests/fixtures/second_tournament_moves.json`.
//!
//! The fixture holds, for each of the 63 rules, games against Cooperator,
//! Defector, an alternator, the Fortran column rules (tit for tat over
//! 308 moves, tit for two tats, Pavlov, three random players), itself and
//! four top entries, each with the seed of the random numbers the rule was
//! given. A rule's random number on move `m` is `k / 2^24`, `k` the top 24
//! bits of the `m`-th output of SplitMix64 from the seed; the test replays
//! that stream through the RNG, so the stochastic rules are checked move
//! for move as well. The partner's recorded moves are replayed as they
//! were (they depend on the rule's moves only through the game, which is
//! the same when the rule's moves are). How the fixture was made is in
//! `tests/fixtures/README-second-tournament.md`.

use std::convert::Infallible;

use rand_core::TryRng;
use serde_json::Value;
use twolevel_game::{Action, PayoffMatrix, Situation, View};
use twolevel_strategies::registry::{self, StrategySpec};
use twolevel_strategies::second::PUBLISHED_RANKING;

/// The random numbers the Fortran rule was given: SplitMix64 from the
/// game's seed, of which `f32` draws read the top 24 bits.
struct Replay {
    state: u64,
}

impl Replay {
    fn next(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

impl TryRng for Replay {
    type Error = Infallible;

    fn try_next_u32(&mut self) -> Result<u32, Infallible> {
        // `rand` makes an f32 in [0, 1) from the top 24 bits of a u32.
        Ok(((self.next() >> 40) as u32) << 8)
    }

    fn try_next_u64(&mut self) -> Result<u64, Infallible> {
        Ok(self.next())
    }

    fn try_fill_bytes(&mut self, dst: &mut [u8]) -> Result<(), Infallible> {
        for chunk in dst.chunks_mut(8) {
            let bytes = self.next().to_le_bytes();
            chunk.copy_from_slice(&bytes[..chunk.len()]);
        }
        Ok(())
    }
}

fn fixture() -> Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/second_tournament_moves.json"
    );
    serde_json::from_str(&std::fs::read_to_string(path).expect("fixture exists"))
        .expect("fixture is JSON")
}

fn actions(moves: &str) -> Vec<Action> {
    moves
        .chars()
        .map(|c| if c == 'C' { Action::C } else { Action::D })
        .collect()
}

/// The first move where the named entry's play differs from the
/// Fortran's in one fixture game, if any.
fn first_difference(name: &str, game: &Value) -> Option<String> {
    let mut strategy = registry::build(&StrategySpec::new(name)).expect("registered");
    let expected = actions(game["moves"].as_str().expect("moves"));
    let partner = actions(game["opponent_moves"].as_str().expect("opponent moves"));
    let mut rng = Replay {
        state: game["seed"].as_u64().expect("seed"),
    };
    let situation = Situation::classic(PayoffMatrix::AXELROD);
    strategy.reset();
    let mut own = Vec::with_capacity(expected.len());
    assert_eq!(
        expected.len(),
        partner.len(),
        "{name}: a game's two records"
    );
    for (turn, &want) in expected.iter().enumerate() {
        let view = View::new(&own, &partner[..turn], &situation);
        let got = strategy.decide(&view, &mut rng);
        if got != want {
            return Some(format!(
                "{name} against {}: move {} is {got}, the Fortran played {want}",
                game["opponent"],
                turn + 1
            ));
        }
        own.push(got);
    }
    None
}

#[test]
fn implemented_entries_play_the_fortran_moves() {
    let fixture = fixture();
    let mut checked = 0;
    let mut failures = Vec::new();
    for entry in &PUBLISHED_RANKING {
        if registry::entry(entry.name).is_err() {
            continue;
        }
        let games = fixture[entry.fortran]["games"]
            .as_array()
            .expect("every rule has games");
        assert!(games.len() >= 10, "{}", entry.fortran);
        failures.extend(
            games
                .iter()
                .filter_map(|game| first_difference(entry.name, game)),
        );
        checked += 1;
    }
    assert!(failures.is_empty(), "{failures:#?}");
    assert!(checked >= 5, "only {checked} entries checked");
}

#[test]
fn the_ranking_lists_63_entries_in_order_with_unique_names() {
    let mut names: Vec<&str> = PUBLISHED_RANKING.iter().map(|e| e.name).collect();
    for (i, entry) in PUBLISHED_RANKING.iter().enumerate() {
        assert_eq!(entry.rank as usize, i + 1);
    }
    assert_eq!(PUBLISHED_RANKING[0].fortran, "K92R");
    assert_eq!(PUBLISHED_RANKING[1].author, "Danny C Champion");
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), 63);
    let fixture = fixture();
    for entry in &PUBLISHED_RANKING {
        assert_eq!(
            fixture[entry.fortran]["rank"].as_u64(),
            Some(u64::from(entry.rank)),
            "{}",
            entry.fortran
        );
    }
}

#[test]
fn every_registered_second_tournament_entry_is_ranked() {
    for name in registry::names().filter(|n| n.starts_with("Second by ")) {
        assert!(
            PUBLISHED_RANKING.iter().any(|e| e.name == name),
            "{name} is not in the published ranking"
        );
    }
}
