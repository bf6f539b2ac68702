//! Shared building blocks of the classic strategies: incremental tallies of
//! the partner's moves, the Python rendering of parameters in names, the
//! chi-squared randomness test of the first-tournament entries, and the
//! "defect on the last moves" end-game rule.

use rand::RngExt;
use rand_core::Rng;
use twolevel_game::{Action, View};

/// Renders a float the way Python's `str(float)` does for the parameter
/// values that appear in `axelrod` names: the shortest representation that
/// round-trips, with a trailing `.0` for integral values (`1.0`, `0.5`), and
/// scientific notation with a two-digit exponent below 1e-4 or from 1e16 on
/// (`1e-05`, `1.5e+16`).
pub(crate) fn python_float(value: f64) -> String {
    let magnitude = value.abs();
    if value.is_finite() && value != 0.0 && !(1e-4..1e16).contains(&magnitude) {
        let scientific = format!("{value:e}");
        let (mantissa, exponent) = scientific.split_once('e').unwrap_or((&scientific, "0"));
        let (sign, digits) = match exponent.strip_prefix('-') {
            Some(digits) => ('-', digits),
            None => ('+', exponent),
        };
        return format!("{mantissa}e{sign}{digits:0>2}");
    }
    let text = format!("{value}");
    if value.is_finite() && !text.contains('.') {
        format!("{text}.0")
    } else {
        text
    }
}

/// Returns `C` with probability `p` and `D` otherwise, after `axelrod`'s
/// `random_choice`: no random number is drawn when `p` is 0 or 1, and a
/// single uniform draw `r` gives `C` exactly when `r < p`.
///
/// This is the draw of every memory-one strategy
/// ([`Strategy::memory_one`](twolevel_game::Strategy::memory_one)), and the
/// match engine's memory-one fast path plays such strategies with it.
#[inline]
pub fn random_choice(p: f64, rng: &mut dyn Rng) -> Action {
    if p <= 0.0 {
        return Action::D;
    }
    if p >= 1.0 {
        return Action::C;
    }
    if rng.random::<f64>() < p {
        Action::C
    } else {
        Action::D
    }
}

/// The move of a reactive strategy, which looks only at the partner's last
/// move (`axelrod`'s memory-one player with the four-vector
/// `(after_cooperation, after_defection, after_cooperation,
/// after_defection)`): cooperate first, then cooperate with probability
/// `after_cooperation` after a partner cooperation and `after_defection`
/// after a partner defection, drawn as [`random_choice`] draws.
pub(crate) fn reactive_choice(
    view: &View<'_>,
    after_cooperation: f64,
    after_defection: f64,
    rng: &mut dyn Rng,
) -> Action {
    match view.partner_last() {
        None => Action::C,
        Some(Action::C) => random_choice(after_cooperation, rng),
        Some(Action::D) => random_choice(after_defection, rng),
    }
}

/// Defects when the partner defected in any of its last `window` moves (as
/// perceived), and cooperates otherwise: the retaliation rule shared by
/// Two Tits For Tat (window 2) and Hard Tit For Tat (window 3).
pub(crate) fn retaliate_within(partner: &[Action], window: usize) -> Action {
    let recent = &partner[partner.len().saturating_sub(window)..];
    if recent.contains(&Action::D) {
        Action::D
    } else {
        Action::C
    }
}

/// Counts the partner's cooperations and defections incrementally, so that
/// strategies that need totals over the whole match do constant work per
/// round.
///
/// The tally remembers how many moves it has seen; if it is handed a shorter
/// history than before (a new match without a reset), it recounts from the
/// start, so it never reports stale counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct MoveCounts {
    seen: usize,
    cooperations: usize,
    defections: usize,
}

impl MoveCounts {
    /// Brings the tally up to date with `moves` and returns it.
    pub(crate) fn update(&mut self, moves: &[Action]) -> &Self {
        if moves.len() < self.seen {
            *self = MoveCounts::default();
        }
        for action in &moves[self.seen..] {
            match action {
                Action::C => self.cooperations += 1,
                Action::D => self.defections += 1,
            }
        }
        self.seen = moves.len();
        self
    }

    /// The number of cooperations seen.
    pub(crate) fn cooperations(&self) -> usize {
        self.cooperations
    }

    /// The number of defections seen.
    pub(crate) fn defections(&self) -> usize {
        self.defections
    }
}

/// Counts the defections among the last `window` moves incrementally: each
/// new move enters the count and the move `window` rounds older leaves it,
/// so the work per round is constant however long the window.
///
/// The history it is handed may hold only the last moves (a windowed
/// [`View`] holds at least the last `window`): when a move that leaves the
/// count is no longer there, it recounts the last `window` moves, which
/// the match engine's window makes rare (once per slide of the window).
/// Like [`MoveCounts`], it recounts from the start when it is handed fewer
/// rounds than before (a new match without a reset).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct RecentDefections {
    seen: usize,
    defections: usize,
}

impl RecentDefections {
    /// Brings the count up to date with `moves`, the last moves of a
    /// history of `played` rounds, and returns the number of defections
    /// among the last `window` of them.
    pub(crate) fn update(&mut self, moves: &[Action], played: usize, window: usize) -> usize {
        if played < self.seen {
            *self = RecentDefections::default();
        }
        // The round of `moves[0]`.
        let offset = played - moves.len();
        // The oldest round the incremental step reads: the first new one,
        // or the first that leaves the count.
        let first_read = if self.seen.max(window) < played {
            self.seen.max(window) - window
        } else {
            self.seen
        };
        if first_read < offset {
            let recent = &moves[moves.len().saturating_sub(window)..];
            self.defections = recent.iter().filter(|a| a.is_defection()).count();
        } else {
            for index in self.seen..played {
                self.defections += usize::from(moves[index - offset].is_defection());
                if index >= window {
                    self.defections -= usize::from(moves[index - window - offset].is_defection());
                }
            }
        }
        self.seen = played;
        self.defections
    }
}

/// Whether a sequence with the given counts of `C` and `D` passes as a fair
/// coin at significance level `alpha`: the p-value of Pearson's chi-squared
/// test against equal expected counts (`scipy.stats.chisquare([c, d])`, one
/// degree of freedom) is at least `alpha`.
///
/// With no moves at all the statistic is undefined (`nan` in scipy) and the
/// sequence does not pass, as in Python where `nan >= alpha` is false.
///
/// This evaluates the survival function every time: it is the reference
/// for the tests. Strategies use [`RandomnessTest`], which gives the same
/// answers from a critical value computed once.
#[cfg(test)]
pub(crate) fn looks_random(cooperations: usize, defections: usize, alpha: f64) -> bool {
    chi_squared_statistic(cooperations, defections)
        .is_some_and(|statistic| chi_squared_one_dof_survival(statistic) >= alpha)
}

/// Pearson's chi-squared statistic of `c` cooperations and `d` defections
/// against a fair coin, `(c - d)^2 / (c + d)`; `None` without any moves.
fn chi_squared_statistic(cooperations: usize, defections: usize) -> Option<f64> {
    let total = cooperations + defections;
    if total == 0 {
        return None;
    }
    let difference = cooperations as f64 - defections as f64;
    Some(difference * difference / total as f64)
}

/// The fair-coin test of [`looks_random`] at a fixed significance level,
/// with its critical value computed once, so that a test costs a division
/// and two comparisons instead of an evaluation of the incomplete gamma
/// function.
///
/// The survival function falls as the statistic grows, so the test passes
/// exactly for statistics up to a critical value. [`RandomnessTest::new`]
/// finds that value by bisection on the very function [`looks_random`]
/// evaluates, and keeps a band of relative width [`Self::BAND`] on either
/// side of it in which the survival function is still evaluated: rounding
/// can make the computed function wobble only within a few units in the
/// last place of the critical value, far inside the band. Outside the band
/// the answer is that of [`looks_random`], which the tests check
/// exhaustively for small counts.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct RandomnessTest {
    /// The significance level.
    alpha: f64,
    /// Statistics at or below this pass without evaluating the survival
    /// function.
    passes_up_to: f64,
    /// Statistics at or above this fail without evaluating it.
    fails_from: f64,
}

impl RandomnessTest {
    /// The relative half-width of the band around the critical value in
    /// which the survival function is evaluated.
    const BAND: f64 = 1e-7;
    /// The bisection stops after this many halvings (or when the bracket
    /// cannot be split any further).
    const BISECTIONS: usize = 200;

    /// The test at significance level `alpha` in [0, 1].
    pub(crate) fn new(alpha: f64) -> Self {
        let passes = |statistic: f64| chi_squared_one_dof_survival(statistic) >= alpha;
        // The survival function is 1 at 0, so 0 always passes; find a
        // statistic that fails, if any does (none does when alpha is 0).
        let mut failing = 1.0_f64;
        while passes(failing) {
            failing *= 2.0;
            if failing.is_infinite() {
                return RandomnessTest {
                    alpha,
                    passes_up_to: f64::INFINITY,
                    fails_from: f64::INFINITY,
                };
            }
        }
        let mut passing = 0.0_f64;
        for _ in 0..Self::BISECTIONS {
            let middle = passing + (failing - passing) / 2.0;
            if middle <= passing || middle >= failing {
                break;
            }
            if passes(middle) {
                passing = middle;
            } else {
                failing = middle;
            }
        }
        RandomnessTest {
            alpha,
            passes_up_to: passing * (1.0 - Self::BAND),
            fails_from: failing * (1.0 + Self::BAND),
        }
    }

    /// Whether `cooperations` and `defections` pass as a fair coin: the
    /// answer of [`looks_random`] at this test's level.
    pub(crate) fn looks_random(&self, cooperations: usize, defections: usize) -> bool {
        match chi_squared_statistic(cooperations, defections) {
            None => false,
            Some(statistic) if statistic <= self.passes_up_to => true,
            Some(statistic) if statistic >= self.fails_from => false,
            Some(statistic) => chi_squared_one_dof_survival(statistic) >= self.alpha,
        }
    }
}

/// The survival function of the chi-squared distribution with one degree of
/// freedom, `P(X >= x) = Q(1/2, x/2)`, the regularized upper incomplete gamma
/// function, evaluated by its series or its continued fraction (Numerical
/// Recipes, section 6.2) to about 1e-15.
fn chi_squared_one_dof_survival(x: f64) -> f64 {
    const A: f64 = 0.5;
    const EPSILON: f64 = 1e-16;
    const TINY: f64 = 1e-300;
    const MAX_ITERATIONS: usize = 1000;
    // ln Gamma(1/2) = ln sqrt(pi).
    let ln_gamma_a = 0.5 * std::f64::consts::PI.ln();
    let z = x / 2.0;
    if z <= 0.0 {
        return 1.0;
    }
    let prefactor = (-z + A * z.ln() - ln_gamma_a).exp();
    if z < A + 1.0 {
        // Series for the lower function P(a, z).
        let mut term = 1.0 / A;
        let mut sum = term;
        let mut denominator = A;
        for _ in 0..MAX_ITERATIONS {
            denominator += 1.0;
            term *= z / denominator;
            sum += term;
            if term.abs() < sum.abs() * EPSILON {
                break;
            }
        }
        1.0 - sum * prefactor
    } else {
        // Modified Lentz continued fraction for Q(a, z).
        let mut b = z + 1.0 - A;
        let mut c = 1.0 / TINY;
        let mut d = 1.0 / b;
        let mut h = d;
        for i in 1..MAX_ITERATIONS {
            let an = -(i as f64) * (i as f64 - A);
            b += 2.0;
            d = an * d + b;
            if d.abs() < TINY {
                d = TINY;
            }
            c = b + an / c;
            if c.abs() < TINY {
                c = TINY;
            }
            d = 1.0 / d;
            let delta = d * c;
            h *= delta;
            if (delta - 1.0).abs() < EPSILON {
                break;
            }
        }
        prefactor * h
    }
}

/// Whether this round is one of the last `moves` rounds of a match whose
/// length is known, after `axelrod`'s `FinalTransformer`.
///
/// With an unknown length (`None`) this is never the case, as in `axelrod`
/// where a match with a probabilistic end reports an infinite length.
/// Rounds past the known length are not final, as in `axelrod`.
fn in_final_rounds(view: &View<'_>, moves: usize) -> bool {
    match view.known_length {
        Some(length) => {
            let length = length as usize;
            let turn = view.turn();
            turn < length && length - turn <= moves
        }
        None => false,
    }
}

/// The rule's `action`, replaced by a defection in the last `moves` rounds
/// of a match whose length is known ([`in_final_rounds`]), as `axelrod`'s
/// `FinalTransformer` with a sequence of defections does.
pub(crate) fn defect_in_final_rounds(view: &View<'_>, moves: usize, action: Action) -> Action {
    if in_final_rounds(view, moves) {
        Action::D
    } else {
        action
    }
}

/// An escalating retaliation, shared by Shubik's and Tideman and
/// Chieruzzi's first-tournament entries: each new provocation is answered
/// with one more defection than the last.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Retaliation {
    /// The length of the latest retaliation.
    length: u32,
    /// The defections still owed after this round's.
    remaining: u32,
}

impl Retaliation {
    /// Whether a retaliation is under way.
    pub(crate) fn is_active(&self) -> bool {
        self.remaining > 0
    }

    /// Serves one round of an active retaliation.
    pub(crate) fn serve(&mut self) {
        self.remaining = self.remaining.saturating_sub(1);
    }

    /// Starts a retaliation one round longer than the last one and serves
    /// its first round.
    pub(crate) fn escalate(&mut self) {
        self.length += 1;
        self.remaining = self.length - 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn python_float_matches_python_str() {
        assert_eq!(python_float(0.5), "0.5");
        assert_eq!(python_float(1.0), "1.0");
        assert_eq!(python_float(0.0), "0.0");
        assert_eq!(python_float(0.05), "0.05");
        assert_eq!(python_float(0.33), "0.33");
        assert_eq!(python_float(0.0001), "0.0001");
        assert_eq!(python_float(1e-5), "1e-05");
        assert_eq!(python_float(2.5e-7), "2.5e-07");
        assert_eq!(python_float(1e16), "1e+16");
        assert_eq!(python_float(123.0), "123.0");
    }

    #[test]
    fn chi_squared_survival_matches_scipy() {
        // Values from scipy.stats.chi2.sf(x, 1).
        let cases = [
            (0.0, 1.0),
            (0.5, 0.479_500_122_186_953_5),
            (1.0, 0.317_310_507_862_914_1),
            (3.841_458_820_694_124, 0.05),
            (10.0, 0.001_565_402_258_002_549_5),
        ];
        for (x, expected) in cases {
            let got = chi_squared_one_dof_survival(x);
            assert!(
                (got - expected).abs() < 1e-12,
                "sf({x}) = {got}, expected {expected}"
            );
        }
    }

    #[test]
    fn randomness_test_at_five_percent() {
        // 60 C and 40 D: statistic 4, p = 0.0455 < 0.05.
        assert!(!looks_random(60, 40, 0.05));
        // 55 C and 45 D: statistic 1, p = 0.317.
        assert!(looks_random(55, 45, 0.05));
        assert!(!looks_random(0, 0, 0.05));
    }

    #[test]
    fn the_critical_value_test_agrees_with_the_survival_function() {
        // Every count of up to 400 moves, at levels from 0 to 1, including
        // the extremes where the critical value is tiny or infinite.
        let levels = [
            0.0, 1e-300, 1e-12, 0.001, 0.01, 0.05, 0.1, 0.3173, 0.5, 0.9, 0.999_99, 1.0,
        ];
        for alpha in levels {
            let test = RandomnessTest::new(alpha);
            assert_eq!(test.alpha, alpha);
            for total in 0..=400_usize {
                for cooperations in 0..=total {
                    let defections = total - cooperations;
                    assert_eq!(
                        test.looks_random(cooperations, defections),
                        looks_random(cooperations, defections, alpha),
                        "alpha {alpha}, {cooperations} C and {defections} D"
                    );
                }
            }
        }
    }

    #[test]
    fn the_critical_value_is_the_chi_squared_quantile() {
        // scipy.stats.chi2.isf(0.05, 1) = 3.841458820694124: the band around
        // it is narrow.
        let test = RandomnessTest::new(0.05);
        assert!(test.passes_up_to < 3.841_458_820_694_124);
        assert!(test.fails_from > 3.841_458_820_694_124);
        assert!((test.fails_from - test.passes_up_to) < 1e-5);
        assert_eq!(RandomnessTest::new(0.0).passes_up_to, f64::INFINITY);
    }

    #[test]
    fn recent_defections_count_the_window() {
        let moves = crate::testing::parse_moves("DDCDCCDDDCDC");
        for window in [0, 1, 3, 5, 12, 20] {
            let mut recent = RecentDefections::default();
            for end in 0..=moves.len() {
                let start = end.saturating_sub(window);
                let expected = moves[start..end]
                    .iter()
                    .filter(|a| a.is_defection())
                    .count();
                assert_eq!(
                    recent.update(&moves[..end], end, window),
                    expected,
                    "window {window}, {end} moves"
                );
                // The same count from only the last `window` moves of the
                // `end` rounds, in a new count (which recounts them).
                let mut fresh = RecentDefections::default();
                assert_eq!(fresh.update(&moves[start..end], end, window), expected);
            }
            // Fewer rounds start over.
            assert_eq!(recent.update(&moves[..2], 2, window), 2.min(window));
        }
    }

    #[test]
    fn tally_counts_incrementally_and_recounts_on_shorter_history() {
        let mut tally = MoveCounts::default();
        let moves = [Action::C, Action::D, Action::D];
        tally.update(&moves[..2]);
        assert_eq!((tally.cooperations(), tally.defections()), (1, 1));
        tally.update(&moves);
        assert_eq!((tally.cooperations(), tally.defections()), (1, 2));
        tally.update(&moves[..1]);
        assert_eq!((tally.cooperations(), tally.defections()), (1, 0));
    }
}
