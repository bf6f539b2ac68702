//! The chi-squared randomness test of Axelrod's first-tournament entries
//! (Graaskamp, Stein and Rapoport): whether the partner's moves pass as a
//! fair coin, [`RandomnessTest`], with the survival function it rests on.

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
