//! Helpers for testing strategies: play two strategies against each other
//! in the classic game, without noise, and read the moves as strings.

use rand_pcg::Pcg64Mcg;
use twolevel_game::{Action, PayoffMatrix, Strategy, View};

/// Renders moves as a string of `C` and `D`.
pub fn moves_to_string(moves: &[Action]) -> String {
    moves.iter().map(|a| a.to_string()).collect()
}

/// Plays `turns` rounds of the classic game (Axelrod's payoffs, w = 0,
/// pi = 0, no noise) with a fixed seed, and returns both players' moves.
pub fn play(a: &mut dyn Strategy, b: &mut dyn Strategy, turns: usize) -> (String, String) {
    play_seeded(a, b, turns, 0)
}

/// As [`play`], with the seed of the match RNG given.
pub fn play_seeded(
    a: &mut dyn Strategy,
    b: &mut dyn Strategy,
    turns: usize,
    seed: u64,
) -> (String, String) {
    use rand::SeedableRng;
    let mut rng = Pcg64Mcg::seed_from_u64(seed);
    let payoffs = PayoffMatrix::AXELROD;
    let (mut moves_a, mut moves_b) = (Vec::new(), Vec::new());
    let (mut score_a, mut score_b) = (0.0, 0.0);
    a.reset();
    b.reset();
    for _ in 0..turns {
        let view_a = View {
            score: score_a,
            ..View::with_history(&moves_a, &moves_b, &payoffs)
        };
        let view_b = View {
            score: score_b,
            ..View::with_history(&moves_b, &moves_a, &payoffs)
        };
        let move_a = a.decide(&view_a, &mut rng);
        let move_b = b.decide(&view_b, &mut rng);
        score_a += payoffs.payoff(move_a, move_b);
        score_b += payoffs.payoff(move_b, move_a);
        moves_a.push(move_a);
        moves_b.push(move_b);
    }
    (moves_to_string(&moves_a), moves_to_string(&moves_b))
}
