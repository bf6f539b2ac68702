//! Limits on the size of a run, checked before anything runs.
//!
//! A run whose memory estimate exceeds the usable part of the memory budget
//! is refused with an error that gives the estimate and the limit, instead
//! of crashing the process part-way through. The budget is
//! [`DEFAULT_MEMORY_BUDGET`] (8 GiB) unless the environment variable
//! [`MEMORY_BUDGET_VARIABLE`] holds another number of bytes (a plain
//! integer, or one ending in `K`, `M`, `G` or `T` for binary multiples);
//! a run may use [`USABLE_FRACTION`] of it, leaving the rest to the
//! operating system and the caller. Sizes with no memory cost but no end
//! either (generations, runs, populations) have fixed upper bounds next to
//! their fields; `docs/guide.md` lists them all.

use twolevel_game::ParameterError;

/// The memory budget when [`MEMORY_BUDGET_VARIABLE`] is not set: 8 GiB.
pub const DEFAULT_MEMORY_BUDGET: u64 = 8 << 30;

/// The environment variable that overrides the memory budget, in bytes
/// (`TWOLEVEL_MEMORY_BUDGET=16G` for 16 GiB).
pub const MEMORY_BUDGET_VARIABLE: &str = "TWOLEVEL_MEMORY_BUDGET";

/// The fraction of the budget one run may use.
pub const USABLE_FRACTION: f64 = 0.5;

/// The memory budget: [`MEMORY_BUDGET_VARIABLE`] if it holds a valid size,
/// otherwise [`DEFAULT_MEMORY_BUDGET`].
#[must_use]
pub fn memory_budget() -> u64 {
    std::env::var(MEMORY_BUDGET_VARIABLE)
        .ok()
        .and_then(|text| parse_size(&text))
        .unwrap_or(DEFAULT_MEMORY_BUDGET)
}

/// Parses a size in bytes: digits, optionally followed by `K`, `M`, `G` or
/// `T` (binary multiples); `None` for anything else or an overflow.
fn parse_size(text: &str) -> Option<u64> {
    let text = text.trim();
    let (digits, shift) = match text.chars().last()?.to_ascii_uppercase() {
        'K' => (&text[..text.len() - 1], 10),
        'M' => (&text[..text.len() - 1], 20),
        'G' => (&text[..text.len() - 1], 30),
        'T' => (&text[..text.len() - 1], 40),
        _ => (text, 0),
    };
    digits.trim().parse::<u64>().ok()?.checked_mul(1 << shift)
}

/// The memory one run may use: [`USABLE_FRACTION`] of [`memory_budget`].
#[must_use]
pub fn memory_limit() -> u64 {
    // The budget is far below 2^53, so the product is exact enough.
    #[allow(
        clippy::cast_precision_loss,
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss
    )]
    let limit = (memory_budget() as f64 * USABLE_FRACTION) as u64;
    limit
}

/// Formats a number of bytes for a message (`1.5 GiB`).
#[must_use]
pub fn format_bytes(bytes: f64) -> String {
    const UNITS: [&str; 7] = ["bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"];
    let mut value = bytes;
    let mut unit = 0;
    while value >= 1024.0 && unit + 1 < UNITS.len() {
        value /= 1024.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{value:.0} {}", UNITS[0])
    } else if value < 1e6 {
        format!("{value:.1} {}", UNITS[unit])
    } else {
        format!("{value:.1e} {}", UNITS[unit])
    }
}

/// Refuses a run whose memory estimate (in bytes, as a float so that it
/// cannot overflow) exceeds [`memory_limit`]; `field` is the setting to
/// lower and `what` says what takes the memory.
pub fn check_memory(field: &str, what: &str, estimate: f64) -> Result<(), ParameterError> {
    let limit = memory_limit();
    // A u64 limit converts to f64 with at most a rounding of the last bits.
    #[allow(clippy::cast_precision_loss)]
    let limit_f = limit as f64;
    if estimate.is_finite() && estimate <= limit_f {
        Ok(())
    } else {
        Err(ParameterError::new(
            field,
            format!(
                "{what} would need about {} of memory, more than the limit of {} \
                 ({} of the budget of {}; set {MEMORY_BUDGET_VARIABLE} to change the \
                 budget); lower `{field}`",
                format_bytes(estimate),
                format_bytes(limit_f),
                USABLE_FRACTION,
                format_bytes(memory_budget() as f64),
            ),
        ))
    }
}

/// The memory a round robin takes while it plays (in bytes, as a float so
/// that it cannot overflow): the sums it keeps per ordered pair of players,
/// per player and repetition (and the scores and wins summarised from
/// them), the batch of matches in flight, and, only with
/// [`RoundRobin::with_match_records`](crate::RoundRobin::with_match_records),
/// the record of every match (every pair, both role assignments of an
/// asymmetric game, every repetition). Without the records the estimate
/// grows with the players times the repetitions, not with their product
/// with the players again.
#[must_use]
pub fn round_robin_memory(players: usize, repetitions: u32, match_records: bool) -> f64 {
    let players = players as f64;
    let repetitions = f64::from(repetitions);
    let pairs = players * (players + 1.0) / 2.0;
    let record = std::mem::size_of::<crate::round_robin::MatchRecord>() as f64;
    // Per ordered pair: the sums of every currency, wins, cooperations and
    // turns, and the four matrices of results (a generous 192 bytes).
    let cells = players * players * 192.0;
    // Per player and repetition: the running sums (56 bytes) and the six
    // summaries' values (48 bytes), rounded up.
    let per_repetition = players * repetitions * 128.0;
    let batch = 2.0 * crate::round_robin::BATCH as f64 * record;
    let records = if match_records {
        2.0 * pairs * repetitions * record
    } else {
        0.0
    };
    cells + per_repetition + batch + records
}

/// The memory the move histories of the matches played at once take (in
/// bytes, as a float so that it cannot overflow): `threads` matches of up
/// to `planned_length` rounds, each keeping one byte per move of each
/// player and, under `perception` noise, one more per perceived move. A
/// match whose players all read a bounded `memory_depth` keeps only the
/// window of its last moves that the match engine keeps (see
/// [`MatchBuffers::without_moves`](crate::MatchBuffers::without_moves)),
/// so its memory does not grow with its length; with `None` (some player
/// reads the whole history) it keeps every move.
#[must_use]
pub fn match_history_memory(
    planned_length: f64,
    memory_depth: Option<u32>,
    perception: bool,
    threads: usize,
) -> f64 {
    let per_move = if perception { 4.0 } else { 2.0 };
    let held = match memory_depth {
        None => planned_length,
        Some(_) => {
            // No match is longer than `u32::MAX` rounds.
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            let turns = planned_length.ceil().clamp(0.0, f64::from(u32::MAX)) as u32;
            crate::play::Window::new(turns, memory_depth).capacity as f64
        }
    };
    per_move * held * threads as f64
}

/// The most worker threads a run accepts (`--threads`); more only add
/// overhead on any machine this library targets.
pub const MAX_THREADS: usize = 1024;

/// Checks a requested thread count: from 1 to [`MAX_THREADS`], naming
/// `threads`.
pub fn check_threads(threads: usize) -> Result<usize, ParameterError> {
    if (1..=MAX_THREADS).contains(&threads) {
        Ok(threads)
    } else {
        Err(ParameterError::new(
            "threads",
            format!("expected from 1 to {MAX_THREADS} threads, got {threads}"),
        ))
    }
}

/// Runs `work` on a new rayon pool of `threads` threads: every engine's
/// `play_on_threads` goes through it. Results do not depend on the number
/// (each engine seeds by coordinates and combines in a fixed order).
///
/// Fails when the pool cannot be built.
pub fn on_threads<T: Send>(
    threads: usize,
    work: impl FnOnce() -> T + Send,
) -> Result<T, rayon::ThreadPoolBuildError> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()?;
    Ok(pool.install(work))
}

/// Checks that `value` is at most `max`, naming `field` and `what` it counts.
pub fn check_at_most(field: &str, what: &str, value: u64, max: u64) -> Result<(), ParameterError> {
    if value <= max {
        Ok(())
    } else {
        Err(ParameterError::new(
            field,
            format!("expected at most {max} {what}, got {value}"),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_parse_with_binary_suffixes() {
        assert_eq!(parse_size("1024"), Some(1024));
        assert_eq!(parse_size("16G"), Some(16 << 30));
        assert_eq!(parse_size("3k"), Some(3 << 10));
        assert_eq!(parse_size("x"), None);
        assert_eq!(parse_size("99999999999999T"), None);
    }

    #[test]
    fn estimates_over_the_limit_name_both_numbers() {
        assert!(check_memory("repetitions", "the results", 1024.0).is_ok());
        let err = check_memory("repetitions", "the results", 672e9).unwrap_err();
        assert_eq!(err.field, "repetitions");
        assert!(err.reason.contains("625.8 GiB"), "{}", err.reason);
        assert!(err.reason.contains("limit of"), "{}", err.reason);
        assert!(check_memory("runs", "the runs", f64::INFINITY).is_err());
        assert_eq!(format_bytes(1536.0), "1.5 KiB");
        assert!(check_threads(100_000).is_err());
        // Without the records, 10 times the repetitions take less than 10
        // times the memory; with them, the records dominate.
        let (small, large) = (
            round_robin_memory(200, 100, false),
            round_robin_memory(200, 1000, false),
        );
        assert!(large < 10.0 * small && large > small, "{small} {large}");
        assert!(round_robin_memory(200, 1000, true) > 20.0 * large);
        assert!(check_threads(0).is_err());
        assert_eq!(check_threads(8), Ok(8));
    }
}
