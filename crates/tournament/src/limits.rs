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
//!
//! Every engine also estimates its work before it runs (match turns, seat
//! rounds of a regime, encounters of a society, events of an evolutionary
//! process, summed over a sweep's cells) and [`check_work`] refuses an
//! estimate above [`work_limit`]: [`DEFAULT_WORK_LIMIT`] units, hours on
//! one core, unless [`WORK_LIMIT_VARIABLE`] holds another number. The
//! error gives the estimate, the limit and the field to lower.

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
    let limit = format!(
        "({} of the budget of {}; set {MEMORY_BUDGET_VARIABLE} to change the budget)",
        USABLE_FRACTION,
        format_bytes(memory_budget() as f64),
    );
    check_bytes(field, what, "of memory", estimate, memory_limit(), &limit)
}

/// Refuses an estimate of `estimate` bytes (`what` would need them, `kind`
/// says of what) above `limit`, naming `field`; `why` explains the limit.
fn check_bytes(
    field: &str,
    what: &str,
    kind: &str,
    estimate: f64,
    limit: u64,
    why: &str,
) -> Result<(), ParameterError> {
    // A u64 limit converts to f64 with at most a rounding of the last bits.
    #[allow(clippy::cast_precision_loss)]
    let limit_f = limit as f64;
    if estimate.is_finite() && estimate <= limit_f {
        Ok(())
    } else {
        Err(ParameterError::new(
            field,
            format!(
                "{what} would need about {} {kind}, more than the limit of {} {why}; lower \
                 `{field}`",
                format_bytes(estimate),
                format_bytes(limit_f),
            ),
        ))
    }
}

/// The output limit when [`OUTPUT_LIMIT_VARIABLE`] is not set: 2 GiB of
/// result files in one output folder (a sweep's cells together).
pub const DEFAULT_OUTPUT_LIMIT: u64 = 2 << 30;

/// The environment variable that overrides the output limit, in bytes
/// (`TWOLEVEL_OUTPUT_LIMIT=20G`).
pub const OUTPUT_LIMIT_VARIABLE: &str = "TWOLEVEL_OUTPUT_LIMIT";

/// The most bytes of result files a run may write: [`OUTPUT_LIMIT_VARIABLE`]
/// if it holds a valid size, otherwise [`DEFAULT_OUTPUT_LIMIT`].
#[must_use]
pub fn output_limit() -> u64 {
    std::env::var(OUTPUT_LIMIT_VARIABLE)
        .ok()
        .and_then(|text| parse_size(&text))
        .unwrap_or(DEFAULT_OUTPUT_LIMIT)
}

/// Refuses, before a run, result files whose estimated size (in bytes, as
/// a float so that it cannot overflow) exceeds [`output_limit`]; `field`
/// is the setting to lower and `what` says what writes the files.
pub fn check_output(field: &str, what: &str, estimate: f64) -> Result<(), ParameterError> {
    let why = format!("(set {OUTPUT_LIMIT_VARIABLE} to change it)");
    check_bytes(
        field,
        what,
        "of result files",
        estimate,
        output_limit(),
        &why,
    )
}

/// The bytes a number takes in the result files, with its separator: the
/// shortest form of an `f64` that reads back the same is at most 24
/// characters and usually about 18 for a mean (a deterministic result such
/// as `3.0` is shorter).
const BYTES_PER_NUMBER: f64 = 20.0;

/// The size of a round robin's result files (in bytes, as a float so that
/// it cannot overflow), plots not included: the matrices (three payoff
/// matrices and the cooperation matrix as CSV; the payoff, win and
/// cooperation matrices in `results.json`, eleven numbers per ordered pair
/// in all), every player's measures per repetition in `results.json`, and
/// with the match records (`--matches`) a row and an object per match.
#[must_use]
pub fn round_robin_output(players: usize, repetitions: u32, match_records: bool) -> f64 {
    let players = players as f64;
    let repetitions = f64::from(repetitions);
    let matrices = 11.0 * players * players * BYTES_PER_NUMBER;
    let per_repetition = 7.0 * players * repetitions * BYTES_PER_NUMBER;
    let records = if match_records {
        // Both role assignments of every pair in every repetition, about
        // 14 numbers and the names, as a CSV row and a JSON object.
        2.0 * players * (players + 1.0) / 2.0 * repetitions * 2.0 * 16.0 * BYTES_PER_NUMBER
    } else {
        0.0
    };
    matrices + per_repetition + records
}

/// The size of an evolution's `evolution.csv` (in bytes, as a float so
/// that it cannot overflow) of `rows` recorded rows over `types` types:
/// each row holds the run, the step and the generation (or the time), a
/// count or share per type and the fitness currency's name.
#[must_use]
pub fn evolution_output(rows: f64, types: usize) -> f64 {
    rows * ((types as f64 + 3.0) * BYTES_PER_NUMBER + 16.0)
}

/// The bytes a count takes in a CSV file, with its separator, for counts
/// up to `largest`.
fn count_bytes(largest: f64) -> f64 {
    largest.max(1.0).log10().floor() + 2.0
}

/// The size of a regime tournament's `regime.json` (in bytes, as a float
/// so that it cannot overflow), plots not included (they hold one bar per
/// entrant): every played composition's seats and, per seat, its payoffs in
/// three currencies and its cooperation (with their keys, about 8 numbers
/// a seat), and every entrant's standing.
#[must_use]
pub fn regime_output(compositions: usize, size: u32, entrants: usize) -> f64 {
    let seats = f64::from(size);
    compositions as f64 * (8.0 * seats + 4.0) * BYTES_PER_NUMBER
        + entrants as f64 * 12.0 * BYTES_PER_NUMBER
}

/// The size of a society file's result files (in bytes, as a float so that
/// it cannot overflow), plots not included (one point per grid point):
/// `society_sweep.csv` and `society_sweep.json` (16 numbers per grid point,
/// the JSON with their keys) and, with an evolution block,
/// `society_evolution.csv`: a row per generation (and one for the start)
/// holding the generation and each of the `traits` counts (each at most
/// the society's size `states`).
#[must_use]
pub fn society_output(points: usize, generations: u64, traits: usize, states: usize) -> f64 {
    let sweep = points as f64 * 16.0 * 3.0 * BYTES_PER_NUMBER;
    let rows = generations as f64 + 1.0;
    let evolution = if generations == 0 {
        0.0
    } else {
        rows * (count_bytes(rows) + traits as f64 * count_bytes(states as f64))
    };
    sweep + evolution
}

/// The size of a negotiation file's result files (in bytes, as a float so
/// that it cannot overflow): `negotiation_pairs.csv` (about 36 numbers a
/// pair), `negotiation_runs.csv` (about 20 numbers a run: a pair's
/// negotiation, ratification and play, once per repetition) and
/// `negotiation.json` holding both again with their keys; each row also
/// names the pair's two states (`names` bytes, the longest pair's).
#[must_use]
pub fn negotiation_output(pairs: usize, repetitions: u32, names: usize) -> f64 {
    let pairs = pairs as f64;
    let runs = pairs * f64::from(repetitions);
    let names = names as f64;
    pairs * (3.0 * 36.0 * BYTES_PER_NUMBER + 2.0 * names)
        + runs * (3.0 * 20.0 * BYTES_PER_NUMBER + names)
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

/// The work limit when [`WORK_LIMIT_VARIABLE`] is not set: 10^12 units
/// of work (a match turn, a seat's round in a regime, a society's
/// encounter, an event of an evolutionary process), hours on one core at
/// the engines' speed of about 10^8 units a second.
pub const DEFAULT_WORK_LIMIT: f64 = 1e12;

/// The environment variable that overrides the work limit, in units of
/// work (`TWOLEVEL_WORK_LIMIT=1e14`).
pub const WORK_LIMIT_VARIABLE: &str = "TWOLEVEL_WORK_LIMIT";

/// The work one run may do: [`WORK_LIMIT_VARIABLE`] if it holds a finite
/// positive number, otherwise [`DEFAULT_WORK_LIMIT`].
#[must_use]
pub fn work_limit() -> f64 {
    std::env::var(WORK_LIMIT_VARIABLE)
        .ok()
        .and_then(|text| text.trim().parse::<f64>().ok())
        .filter(|limit| limit.is_finite() && *limit > 0.0)
        .unwrap_or(DEFAULT_WORK_LIMIT)
}

/// A setting a run's work grows with: its field, and the work the run
/// would take with that setting at its smallest value (for a work
/// proportional to `repetitions: 40`, a fortieth of the estimate).
pub type WorkFactor<'a> = (&'a str, f64);

/// The work with a setting of value `factor` that multiplies all of
/// `estimate` at its smallest value, 1: `estimate / factor`.
#[must_use]
pub fn at_one(estimate: f64, factor: f64) -> f64 {
    estimate / factor.max(1.0)
}

/// Refuses a run whose work estimate (`estimate` units of `units`, as a
/// float so that it cannot overflow) exceeds [`work_limit`]; `what` says
/// what does the work. The error names the first of `factors` whose
/// smallest value alone would bring the work under the limit, or else the
/// one that would lower it most, and its message lists them all. Every
/// engine's estimate goes through this one check.
pub fn check_work(
    what: &str,
    units: &str,
    estimate: f64,
    factors: &[WorkFactor<'_>],
) -> Result<(), ParameterError> {
    let limit = work_limit();
    if estimate.is_finite() && estimate <= limit {
        return Ok(());
    }
    let enough = factors.iter().find(|(_, at_least)| *at_least <= limit);
    let most = factors
        .iter()
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .copied()
        .unwrap_or(("", estimate));
    let field = enough.copied().unwrap_or(most).0;
    let listed: Vec<String> = factors
        .iter()
        .map(|(name, _)| format!("`{name}`"))
        .collect();
    Err(ParameterError::new(
        field,
        format!(
            "{what} would take about {} {units}, more than the work limit of {} (hours on \
             one core; set {WORK_LIMIT_VARIABLE} to change it); lower `{field}` (the work \
             grows with {})",
            format_count(estimate),
            format_count(limit),
            listed.join(", "),
        ),
    ))
}

/// Formats a count of work for a message: an integer below a million,
/// three significant digits in scientific notation above (`4.29e21`).
#[must_use]
pub fn format_count(count: f64) -> String {
    if !count.is_finite() {
        "an unbounded number of".to_owned()
    } else if count < 1e6 {
        format!("{count:.0}")
    } else {
        format!("{count:.2e}")
    }
}

/// The work of `games` games (matches, regimes or negotiations) over
/// `horizon`, each costing `per_round` units a round: their expected
/// number of rounds (the mean length of a continuation horizon, at most
/// the longest possible match of `u32::MAX` rounds) times `per_round`.
#[must_use]
pub fn games_work(games: f64, horizon: twolevel_game::Horizon, per_round: f64) -> f64 {
    games * horizon.expected_length().min(f64::from(u32::MAX)) * per_round
}

/// The work of one play of a round robin, in match turns: every match it
/// plays (every pair's role assignments times the repetitions; a
/// deterministic pair's repetitions, copied rather than played, are
/// counted too, so this is an upper bound) times the expected match
/// length. With arenas a turn also moves every actor of both sides'
/// arenas, counted as one unit each.
#[must_use]
pub fn round_robin_work(round_robin: &crate::RoundRobin) -> f64 {
    let actors = round_robin.domestic().map_or(0, |domestic| {
        domestic
            .arenas
            .iter()
            .flatten()
            .map(|arena| arena.actors().len())
            .max()
            .unwrap_or(0)
    });
    games_work(
        round_robin.match_count() as f64,
        round_robin.config().horizon(),
        1.0 + 2.0 * actors as f64,
    )
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
///
/// On `wasm32` (the web explorer, `crates/web`), where no thread can be
/// spawned, `work` runs on the calling thread instead: the results are the
/// same for the reason above.
pub fn on_threads<T: Send>(
    threads: usize,
    work: impl FnOnce() -> T + Send,
) -> Result<T, rayon::ThreadPoolBuildError> {
    #[cfg(target_arch = "wasm32")]
    {
        let _ = threads;
        Ok(work())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()?;
        Ok(pool.install(work))
    }
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
        // 3,000 players write matrices of about 2 GB (1.8 GB with two
        // heatmaps of 774 MB each, issue 27): within the limit only just.
        let output = round_robin_output(3000, 10, false);
        assert!(output > 1.5e9 && output < 2.5e9, "{output}");
        assert!(check_output("players", "the files", output).is_ok());
        let err =
            check_output("players", "the files", round_robin_output(5000, 10, false)).unwrap_err();
        assert!(err.reason.contains("of result files"), "{}", err.reason);
        assert!(
            err.reason.contains("TWOLEVEL_OUTPUT_LIMIT"),
            "{}",
            err.reason
        );
        assert!(check_threads(0).is_err());
        assert_eq!(check_threads(8), Ok(8));
    }

    #[test]
    fn work_over_the_limit_names_the_field_that_can_bring_it_under() {
        let factors = |work: f64| {
            [
                ("repetitions", at_one(work, 10.0)),
                ("horizon", at_one(work, 1e9)),
            ]
        };
        assert!(check_work("the round robin", "match turns", 1e11, &factors(1e11)).is_ok());
        // Ten times the limit: one repetition would do.
        let err = check_work("the round robin", "match turns", 1e13, &factors(1e13)).unwrap_err();
        assert_eq!(err.field, "repetitions");
        assert!(err.reason.contains("1.00e13 match turns"), "{}", err.reason);
        assert!(
            err.reason.contains("`repetitions`, `horizon`"),
            "{}",
            err.reason
        );
        // Past what one repetition can fix: the one that lowers it most.
        let err = check_work("the round robin", "match turns", 1e20, &factors(1e20)).unwrap_err();
        assert_eq!(err.field, "horizon");
        assert!(check_work("x", "units", f64::NAN, &factors(1.0)).is_err());
        assert!(check_work("x", "units", f64::INFINITY, &factors(1.0)).is_err());
        let long = twolevel_game::Horizon::continuation(0.999_999_999_9).unwrap();
        assert_eq!(games_work(2.0, long, 3.0), 6.0 * f64::from(u32::MAX));
    }
}
