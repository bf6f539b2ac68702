//! Assertions shared by the unit tests of the strategies: cooperation rates
//! of stochastic strategies, replays under a seed, and moves equal to a
//! direct reference implementation.

use twolevel_game::Strategy;

use crate::testing::play_seeded;

/// Asserts that the number of `C` in `moves` is within four standard
/// deviations of its binomial mean for probability `p` (exactly equal when
/// `p` is 0 or 1). A correct strategy fails this with probability below
/// 1e-4 for any seed; the seeds used are fixed, so the tests are
/// reproducible.
pub(crate) fn assert_binomial(moves: &str, p: f64) {
    let n = moves.len() as f64;
    let cooperations = moves.chars().filter(|&m| m == 'C').count() as f64;
    let tolerance = 4.0 * (n * p * (1.0 - p)).sqrt();
    assert!(
        (cooperations - n * p).abs() <= tolerance,
        "{cooperations} cooperations in {n} rounds, expected {} +- {tolerance}",
        n * p
    );
}

/// Plays `turns` rounds with the given seed and asserts that `player`
/// cooperated at a rate consistent with probability `p` in every round.
pub(crate) fn assert_cooperation_rate(
    player: &mut dyn Strategy,
    opponent: &mut dyn Strategy,
    p: f64,
    turns: usize,
    seed: u64,
) {
    let (moves, _) = play_seeded(player, opponent, turns, seed);
    assert_binomial(&moves, p);
}

/// Asserts that the player replays the same moves after a reset under the
/// same seed, that a boxed clone does too, and that another seed changes
/// them (so the strategy really draws from the RNG it is given).
pub(crate) fn assert_replays_identically(
    player: &mut dyn Strategy,
    opponent: &mut dyn Strategy,
    seed: u64,
) {
    const TURNS: usize = 200;
    let first = play_seeded(player, opponent, TURNS, seed);
    player.reset();
    let second = play_seeded(player, opponent, TURNS, seed);
    assert_eq!(
        first,
        second,
        "{} does not replay after reset",
        player.name()
    );
    let mut clone = player.clone_box();
    let third = play_seeded(clone.as_mut(), opponent, TURNS, seed);
    assert_eq!(
        first,
        third,
        "a clone of {} plays differently",
        player.name()
    );
    let other = play_seeded(player, opponent, TURNS, seed + 1);
    assert_ne!(first, other, "{} ignores the RNG", player.name());
}

/// Asserts that `player` makes the same moves as `reference`, a direct
/// implementation of its rule (for example one that rescans the whole
/// history every round), over `turns` rounds against a range of partners:
/// random sequences of moves with cooperation rates from 0.3 to 0.95
/// (drawn from their own seeded generator), `Random` players that draw
/// from the match RNG, and a few deterministic classics. Each pairing is
/// played under several match seeds, with the length unknown and known.
pub(crate) fn assert_same_moves_as_reference(
    player: &mut dyn Strategy,
    reference: &mut dyn Strategy,
    turns: usize,
) {
    use rand::{RngExt, SeedableRng};
    use rand_pcg::Pcg64Mcg;

    use crate::TitForTat;
    use crate::classic::{Alternator, Cooperator, Defector, Random};
    use crate::testing::{SequencePlayer, moves_to_string, play_match_with_length};

    let mut partners: Vec<Box<dyn Strategy>> = vec![
        Box::new(Cooperator),
        Box::new(Defector),
        Box::new(Alternator),
        Box::new(TitForTat),
    ];
    let mut sequences = Pcg64Mcg::seed_from_u64(2026);
    for rate in [0.3, 0.5, 0.5, 0.55, 0.6, 0.7, 0.9, 0.95] {
        let moves = (0..turns)
            .map(|_| {
                if sequences.random_bool(rate) {
                    twolevel_game::Action::C
                } else {
                    twolevel_game::Action::D
                }
            })
            .collect();
        partners.push(Box::new(SequencePlayer::new(moves)));
    }
    for p in [0.5, 0.6, 0.8] {
        partners.push(Box::new(Random::new(p).expect("a valid probability")));
    }
    for partner in &mut partners {
        for seed in 0..3 {
            for known_length in [None, u32::try_from(turns).ok()] {
                let mine =
                    play_match_with_length(player, partner.as_mut(), turns, known_length, seed);
                let expected =
                    play_match_with_length(reference, partner.as_mut(), turns, known_length, seed);
                assert_eq!(
                    moves_to_string(&mine.moves_a),
                    moves_to_string(&expected.moves_a),
                    "{} against {} (seed {seed}, length {known_length:?})",
                    player.name(),
                    partner.name()
                );
            }
        }
    }
}
