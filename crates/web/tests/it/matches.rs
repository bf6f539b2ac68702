//! A match against the student, replayed move by move, against the
//! library's match engine.

use twolevel_game::{Politics, TwoLevelGame};
use twolevel_strategies::Cycler;
use twolevel_strategies::registry::{self, StrategySpec};
use twolevel_tournament::seeding::match_rng;
use twolevel_tournament::{MatchBuffers, MatchConfig, PlayerSettings, play_match};
use twolevel_web::{HorizonChoice, MatchRequest, Sliders, play};

fn request(opponent: &str, moves: &str, horizon: HorizonChoice) -> MatchRequest {
    MatchRequest {
        sliders: Sliders {
            w: 0.2,
            pi: 0.3,
            horizon,
            ..Sliders::default()
        },
        opponent: opponent.to_owned(),
        moves: moves.to_owned(),
        seed: 7,
    }
}

/// The whole match as the library plays it: the student's moves as a
/// cycler, the same seed.
fn library_match(opponent: &str, moves: &str, turns: u32) -> twolevel_tournament::MatchResult {
    let game = TwoLevelGame::default();
    let config = MatchConfig::new(game, twolevel_game::Horizon::fixed(turns).unwrap())
        .unwrap()
        .with_politics(Politics::Fixed(
            twolevel_game::Politicization::new(0.3).unwrap(),
        ));
    let settings =
        [PlayerSettings::new(twolevel_game::Orientation::new(0.2).unwrap(), None).unwrap(); 2];
    let mut you = Cycler::new(moves).unwrap();
    let mut them = registry::build(&StrategySpec::new(opponent)).unwrap();
    play_match(
        &config,
        [&mut you, them.as_mut()],
        &settings,
        &mut MatchBuffers::new(),
        &mut match_rng(7, 0, 1, 0),
    )
}

#[test]
fn a_finished_match_equals_the_library_match() {
    for opponent in [
        "Tit For Tat",
        "Random",
        "First by Joss",
        "Prudent Reciprocator",
    ] {
        let Ok(_) = registry::build(&StrategySpec::new(opponent)) else {
            continue;
        };
        let moves = "CDCCD";
        let state = play(&request(opponent, moves, HorizonChoice::Turns { turns: 5 })).unwrap();
        assert!(state.finished);
        let expected = library_match(opponent, moves, 5);
        assert_eq!(state.you.policy, expected.players[0].policy, "{opponent}");
        assert_eq!(state.you.political, expected.players[0].political);
        assert_eq!(state.you.utility, expected.players[0].utility);
        assert_eq!(state.them.policy, expected.players[1].policy);
        assert_eq!(state.them.utility, expected.players[1].utility);
    }
}

#[test]
fn earlier_moves_never_change_as_the_match_goes_on() {
    // Seed 7 draws a match of 8 rounds at delta = 0.99: the replays grow
    // one round at a time until the match is over, and a ninth move is
    // refused.
    let horizon = HorizonChoice::Continuation { delta: 0.99 };
    let moves = "CCDCDDCCCD".repeat(4);
    let mut previous: Option<twolevel_web::MatchState> = None;
    for k in 0..=moves.len() {
        match play(&request("Random", &moves[..k], horizon)) {
            Ok(state) => {
                assert_eq!(state.turns as usize, k);
                assert_eq!(state.moves, moves[..k]);
                assert_eq!(state.length, None);
                if let Some(before) = &previous {
                    assert!(!before.finished);
                    assert!(state.opponent_moves.starts_with(&before.opponent_moves));
                }
                previous = Some(state);
            }
            Err(error) => {
                assert_eq!(error.field, "moves");
                assert!(previous.as_ref().is_some_and(|p| p.finished), "{error:?}");
                assert_eq!(k, 9);
                return;
            }
        }
    }
    panic!("the match never ended");
}

#[test]
fn tit_for_tat_copies_and_words_name_the_currencies() {
    let state = play(&request(
        "Tit For Tat",
        "CDD",
        HorizonChoice::Turns { turns: 10 },
    ))
    .unwrap();
    assert_eq!(state.opponent_moves, "CCD");
    assert_eq!(state.length, Some(10));
    assert!(!state.finished);
    assert!(
        state.words.starts_with("After 3 rounds: you have"),
        "{}",
        state.words
    );
    for currency in ["policy payoff", "political payoff", "utility"] {
        assert!(state.words.contains(currency), "{}", state.words);
    }
}

#[test]
fn bad_requests_name_their_field() {
    let turns = HorizonChoice::Turns { turns: 3 };
    assert_eq!(
        play(&request("No Such Strategy", "C", turns))
            .unwrap_err()
            .field,
        "opponent"
    );
    assert_eq!(
        play(&request("Tit For Tat", "CX", turns))
            .unwrap_err()
            .field,
        "moves"
    );
    assert_eq!(
        play(&request("Tit For Tat", "CCCC", turns))
            .unwrap_err()
            .field,
        "moves"
    );
    let empty = play(&request("Tit For Tat", "", turns)).unwrap();
    assert_eq!((empty.turns, empty.you.policy), (0, 0.0));
}
