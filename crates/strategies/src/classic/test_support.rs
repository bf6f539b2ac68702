//! Assertions shared by the tests of the stochastic classic strategies.

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
