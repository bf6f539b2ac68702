//! The analytic anchor: reputation dynamics of a population that follows
//! one standing-based action rule under public assessment.
//!
//! Let every state follow a rule that depends only on its own standing s
//! and the recipient's standing r (the discriminator, a leading eight's
//! rule, ALLC or ALLD). The donor's new standing is good with probability
//!
//! ```text
//! p(s, r) = P(C | s, r) * J(s, C, r) + (1 - P(C | s, r)) * J(s, D, r)
//! P(C | s, r) = (1 - e) [rule(s, r) = C]
//! J(s, a, r)  = 1 - mu if the norm judges (s, a, r) good, else mu
//! ```
//!
//! **Large population.** With a good share g, the expected share after the
//! donor's reassessment obeys `g' = g [g p(G,G) + (1-g) p(G,B)] + (1-g) [g
//! p(B,G) + (1-g) p(B,B)]`. For discriminators under a second-order norm
//! `p(., G) = a = (1-e)(1-mu) + e mu` and `p(., B) = 1 - mu` (stern judging,
//! simple standing) or `mu` (image scoring, shunning), so
//! `g' = g a + (1 - g) p_B` and `g* = p_B / (1 - a + p_B)`:
//! `(1-mu)/(2 - a - mu)` or `mu/(1 - a + mu)`; the cooperation rate is
//! `g* (1 - e)`. [`StandingDynamics::large_population_good_share`] finds
//! the fixed point of the general map by bisection (it is the unique root
//! in [0, 1] of `g' - g`, which is `p(B,B) >= 0` at 0 and `p(G,G) - 1 <= 0`
//! at 1, and a quadratic).
//!
//! **Finite Z.** The number k of good states is a birth-death chain: in a
//! step the donor is drawn among all Z, the recipient among the other
//! Z - 1, so with k good states
//!
//! ```text
//! P(G,G | k) = k/Z (k-1)/(Z-1)     P(G,B | k) = k/Z (Z-k)/(Z-1)
//! P(B,G | k) = (Z-k)/Z k/(Z-1)     P(B,B | k) = (Z-k)/Z (Z-k-1)/(Z-1)
//! T+(k) = q [P(B,G | k) p(B,G) + P(B,B | k) p(B,B)]               (k -> k+1)
//! T-(k) = q [P(G,G | k) (1 - p(G,G)) + P(G,B | k) (1 - p(G,B))]   (k -> k-1)
//! ```
//!
//! and k stays put otherwise. The observation probability q scales both
//! rates, so the stationary distribution does not depend on it:
//! `ln pi(k+1) - ln pi(k) = ln T+(k) - ln T-(k+1)`, normalised in log
//! space. With `0 < mu < 1` every rate between neighbours is positive and
//! the chain has one stationary distribution. The expected cooperation rate
//! is `(1 - e) sum_k pi(k) sum_{s,r} P(s,r | k) [rule(s,r) = C]`; for
//! discriminators the recipient is good with probability k/Z on average
//! over the donor, so it is `(1 - e) E[k/Z]`.

use twolevel_game::error::check_unit_interval;
use twolevel_game::{Action, Norm, ParameterError, Standing};

use super::params::Institution;
use super::params::check_population;

const STANDINGS: [Standing; 2] = [Standing::Good, Standing::Bad];

/// The reputation dynamics of a population with one standing-based rule;
/// see the [module documentation](self).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StandingDynamics {
    norm: Norm,
    /// `rule[own standing][recipient standing]`.
    rule: [[Action; 2]; 2],
    execution_error: f64,
    assessment_error: f64,
}

impl StandingDynamics {
    /// The dynamics of a population following `rule(own, recipient)` under
    /// `norm` with execution error `e` and assessment error `mu` (both in
    /// [0, 1]; fields `execution_error`, `assessment_error`).
    pub fn new(
        norm: Norm,
        rule: impl Fn(Standing, Standing) -> Action,
        execution_error: f64,
        assessment_error: f64,
    ) -> Result<Self, ParameterError> {
        Ok(StandingDynamics {
            norm,
            rule: STANDINGS.map(|own| STANDINGS.map(|recipient| rule(own, recipient))),
            execution_error: check_unit_interval("execution_error", execution_error)?,
            assessment_error: check_unit_interval("assessment_error", assessment_error)?,
        })
    }

    /// A population of discriminators (C to a good recipient).
    pub fn discriminators(norm: Norm, e: f64, mu: f64) -> Result<Self, ParameterError> {
        StandingDynamics::new(
            norm,
            |_, recipient| {
                if recipient.is_good() {
                    Action::C
                } else {
                    Action::D
                }
            },
            e,
            mu,
        )
    }

    /// The probability `p(s, r)` that a donor of standing `donor` meeting a
    /// recipient of standing `recipient` is assessed good.
    #[must_use]
    pub fn good_probability(&self, donor: Standing, recipient: Standing) -> f64 {
        let mu = self.assessment_error;
        let cooperates = self.cooperation_probability(donor, recipient);
        let judged = |action| {
            if self.norm.assess(donor, action, recipient).is_good() {
                1.0 - mu
            } else {
                mu
            }
        };
        cooperates * judged(Action::C) + (1.0 - cooperates) * judged(Action::D)
    }

    /// The probability of an executed C between a donor and a recipient of
    /// these standings.
    fn cooperation_probability(&self, donor: Standing, recipient: Standing) -> f64 {
        if self.rule[donor as usize][recipient as usize] == Action::C {
            1.0 - self.execution_error
        } else {
            0.0
        }
    }

    /// `sum_{s,r} P(s) P(r) f(s, r)` with a good share `g` for both.
    fn average_over_pairs(&self, g: f64, f: impl Fn(Standing, Standing) -> f64) -> f64 {
        let share = |s: Standing| if s.is_good() { g } else { 1.0 - g };
        STANDINGS
            .iter()
            .flat_map(|&s| STANDINGS.iter().map(move |&r| (s, r)))
            .map(|(s, r)| share(s) * share(r) * f(s, r))
            .sum()
    }

    /// The large-population fixed point `g*` of the good share.
    #[must_use]
    pub fn large_population_good_share(&self) -> f64 {
        let excess = |g: f64| self.average_over_pairs(g, |s, r| self.good_probability(s, r)) - g;
        let (mut low, mut high) = (0.0_f64, 1.0_f64);
        for _ in 0..100 {
            let middle = 0.5 * (low + high);
            if excess(middle) > 0.0 {
                low = middle;
            } else {
                high = middle;
            }
        }
        0.5 * (low + high)
    }

    /// The large-population cooperation rate at good share `g`.
    #[must_use]
    pub fn large_population_cooperation(&self, g: f64) -> f64 {
        self.average_over_pairs(g, |s, r| self.cooperation_probability(s, r))
    }

    /// The exact birth-death chain of the good count in a society of
    /// `size` states (field `population`: at least 2); it needs
    /// `0 < mu < 1` to have one stationary distribution (field
    /// `assessment_error`).
    pub fn good_count_chain(&self, size: usize) -> Result<GoodCountChain, ParameterError> {
        check_population(size, Institution::Public)?;
        let mu = self.assessment_error;
        if mu <= 0.0 || mu >= 1.0 {
            return Err(ParameterError::new(
                "assessment_error",
                format!(
                    "the good-count chain needs 0 < mu < 1 to have one stationary \
                     distribution, got {mu}"
                ),
            ));
        }
        let pairs: Vec<[f64; 4]> = (0..=size).map(|k| pair_probabilities(size, k)).collect();
        let p = |s, r| self.good_probability(s, r);
        let (good, bad) = (Standing::Good, Standing::Bad);
        let up: Vec<f64> = pairs
            .iter()
            .map(|[_, _, bg, bb]| bg * p(bad, good) + bb * p(bad, bad))
            .collect();
        let down: Vec<f64> = pairs
            .iter()
            .map(|[gg, gb, _, _]| gg * (1.0 - p(good, good)) + gb * (1.0 - p(good, bad)))
            .collect();
        let mut ln_stationary = vec![0.0; size + 1];
        for k in 0..size {
            ln_stationary[k + 1] = ln_stationary[k] + up[k].ln() - down[k + 1].ln();
        }
        let max = ln_stationary
            .iter()
            .copied()
            .fold(f64::NEG_INFINITY, f64::max);
        let ln_total = max
            + ln_stationary
                .iter()
                .map(|l| (l - max).exp())
                .sum::<f64>()
                .ln();
        for l in &mut ln_stationary {
            *l -= ln_total;
        }
        let cooperation_given_k: Vec<f64> = pairs
            .iter()
            .map(|probabilities| {
                STANDINGS
                    .iter()
                    .flat_map(|&s| STANDINGS.iter().map(move |&r| (s, r)))
                    .zip(probabilities)
                    .map(|((s, r), probability)| probability * self.cooperation_probability(s, r))
                    .sum()
            })
            .collect();
        Ok(GoodCountChain {
            size,
            up,
            down,
            ln_stationary,
            cooperation_given_k,
        })
    }
}

impl StandingDynamics {
    /// A rare invader following `invader(own, recipient)` in a large
    /// population of this rule at its fixed point `g*`, judged by the same
    /// norm with the same errors (the invader meets residents only, and
    /// the residents almost never meet it): [`StandingDynamics::one_invader`]
    /// without the invader's weight among the residents' partners.
    #[must_use]
    pub fn rare_invader(&self, invader: impl Fn(Standing, Standing) -> Action) -> RareInvader {
        self.invader_with_share(0.0, invader)
    }

    /// One invader following `invader(own, recipient)` among `size - 1`
    /// residents of this rule (`size` at least 3), judged by the same norm
    /// with the same errors, in the large-population approximation of
    /// each one's standing: a resident's partner is the invader with
    /// probability `s = 1 / (size - 1)`, the invader's partner is always a
    /// resident.
    ///
    /// With a good share `g` among the residents and `h` for the invader,
    /// a resident's recipient is good with probability `rho = (1 - s) g +
    /// s h`, and each one's standing is a two-state chain: a good donor
    /// stays good with probability `A = rho p(G,G) + (1 - rho) p(G,B)`, a
    /// bad one becomes good with probability `B = rho p(B,G) + (1 - rho)
    /// p(B,B)`, so its long-run good share is `B / (1 - A + B)` (1 when
    /// both standings are absorbing); the invader's uses its own `p_I` and
    /// `rho = g`. The pair `(g, h)` is the fixed point of these two maps,
    /// found by iteration from `(g*, 1)`. The invader's weight matters
    /// where the residents' standing is sensitive to their partners: under
    /// image scoring one ALLD among 99 discriminators lowers their good
    /// share from 0.25 to 0.20 (e = 0.02, mu = 0.01).
    #[must_use]
    pub fn one_invader(
        &self,
        size: usize,
        invader: impl Fn(Standing, Standing) -> Action,
    ) -> RareInvader {
        let share = 1.0 / (size.max(3) - 1) as f64;
        self.invader_with_share(share, invader)
    }

    /// [`StandingDynamics::one_invader`] with the invader's share `s` of
    /// the residents' partners given (0 for a rare invader).
    fn invader_with_share(
        &self,
        share: f64,
        invader: impl Fn(Standing, Standing) -> Action,
    ) -> RareInvader {
        let mutant = StandingDynamics {
            rule: STANDINGS.map(|own| STANDINGS.map(|recipient| invader(own, recipient))),
            ..*self
        };
        let (good, bad) = (Standing::Good, Standing::Bad);
        // The long-run good share of a donor whose recipients are good
        // with probability `rho`.
        let standing = |dynamics: &StandingDynamics, rho: f64| {
            let stay = rho * dynamics.good_probability(good, good)
                + (1.0 - rho) * dynamics.good_probability(good, bad);
            let regain = rho * dynamics.good_probability(bad, good)
                + (1.0 - rho) * dynamics.good_probability(bad, bad);
            let denominator = 1.0 - stay + regain;
            if denominator > 0.0 {
                regain / denominator
            } else {
                1.0
            }
        };
        let mut g = self.large_population_good_share();
        let mut h = standing(&mutant, g);
        if share > 0.0 {
            for _ in 0..10_000 {
                let next_g = standing(self, (1.0 - share) * g + share * h);
                let next_h = standing(&mutant, next_g);
                let converged = (next_g - g).abs() < 1e-15 && (next_h - h).abs() < 1e-15;
                (g, h) = (next_g, next_h);
                if converged {
                    break;
                }
            }
        }
        // The probability of an executed C from a donor of `from` (good
        // share `x`) to a recipient with good share `y`.
        let gives = |from: &StandingDynamics, x: f64, y: f64| {
            let weight = |s: Standing, z: f64| if s.is_good() { z } else { 1.0 - z };
            STANDINGS
                .iter()
                .flat_map(|&s| STANDINGS.iter().map(move |&r| (s, r)))
                .map(|(s, r)| weight(s, x) * weight(r, y) * from.cooperation_probability(s, r))
                .sum::<f64>()
        };
        let among_residents = gives(self, g, g);
        RareInvader {
            resident_good_share: g,
            invader_good_share: h,
            resident_gives: (1.0 - share) * among_residents + share * gives(self, g, h),
            resident_receives: (1.0 - share) * among_residents + share * gives(&mutant, h, g),
            invader_gives: gives(&mutant, h, g),
            invader_receives: gives(self, g, h),
        }
    }
}

/// An invader's standing and donations among residents of one rule
/// ([`StandingDynamics::rare_invader`], [`StandingDynamics::one_invader`]).
/// Donations are probabilities of an executed C per encounter in that
/// role.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RareInvader {
    /// The residents' good share.
    pub resident_good_share: f64,
    /// The invader's long-run probability of good standing.
    pub invader_good_share: f64,
    /// The probability that a resident donor gives to its recipient.
    pub resident_gives: f64,
    /// The probability that a resident recipient is given to.
    pub resident_receives: f64,
    /// The probability that the invader, as donor, gives to a resident.
    pub invader_gives: f64,
    /// The probability that a resident donor gives to the invader.
    pub invader_receives: f64,
}

impl RareInvader {
    /// The invader's expected payoff minus a resident's, per pair of
    /// encounters (one as donor, one as recipient), in the donation game
    /// with `benefit` b and `cost` c: `b (receives_I - receives_R) - c
    /// (gives_I - gives_R)`. The residents resist the invader when it is
    /// negative.
    #[must_use]
    pub fn advantage(&self, benefit: f64, cost: f64) -> f64 {
        benefit * (self.invader_receives - self.resident_receives)
            - cost * (self.invader_gives - self.resident_gives)
    }

    /// The benefit-to-cost ratio at which the advantage is zero, `None`
    /// when the invader receives as much as a resident (the advantage,
    /// `c [(b/c) (receives_I - receives_R) - (gives_I - gives_R)]`, is
    /// then the same at every ratio). The residents resist the invader
    /// above this ratio when it receives less than they do, and only
    /// below it when it receives more.
    #[must_use]
    pub fn break_even_ratio(&self) -> Option<f64> {
        let slope = self.invader_receives - self.resident_receives;
        let offset = self.invader_gives - self.resident_gives;
        (slope.abs() > 1e-12).then(|| offset / slope)
    }
}

/// `[P(G,G), P(G,B), P(B,G), P(B,B)]` for (donor, recipient) with `k` good
/// states among `size`, the recipient drawn among the other `size - 1`.
#[allow(clippy::cast_precision_loss)]
fn pair_probabilities(size: usize, k: usize) -> [f64; 4] {
    let (z, k) = (size as f64, k as f64);
    let others = z - 1.0;
    let good_donor = k / z;
    let bad_donor = (z - k) / z;
    [
        good_donor * (k - 1.0).max(0.0) / others,
        good_donor * (z - k) / others,
        bad_donor * k / others,
        bad_donor * (z - k - 1.0).max(0.0) / others,
    ]
}

/// The birth-death chain of the good count k in a finite society (per
/// step, with q = 1); see the [module documentation](self).
#[derive(Clone, Debug, PartialEq)]
pub struct GoodCountChain {
    size: usize,
    up: Vec<f64>,
    down: Vec<f64>,
    ln_stationary: Vec<f64>,
    cooperation_given_k: Vec<f64>,
}

impl GoodCountChain {
    /// The probability `T+(k)` that a step takes k to k + 1 (with q = 1).
    #[must_use]
    pub fn up(&self, k: usize) -> f64 {
        self.up[k]
    }

    /// The probability `T-(k)` that a step takes k to k - 1 (with q = 1).
    #[must_use]
    pub fn down(&self, k: usize) -> f64 {
        self.down[k]
    }

    /// `ln pi(k)` for k = 0..=Z.
    #[must_use]
    pub fn ln_stationary(&self) -> &[f64] {
        &self.ln_stationary
    }

    /// The stationary distribution `pi(k)` for k = 0..=Z.
    #[must_use]
    pub fn stationary(&self) -> Vec<f64> {
        self.ln_stationary.iter().map(|l| l.exp()).collect()
    }

    /// The stationary mean of the good share, `E[k] / Z`.
    #[must_use]
    #[allow(clippy::cast_precision_loss)]
    pub fn mean_good_share(&self) -> f64 {
        self.expect(|k| k as f64 / self.size as f64)
    }

    /// The stationary cooperation rate per donor action.
    #[must_use]
    pub fn cooperation_rate(&self) -> f64 {
        self.expect(|k| self.cooperation_given_k[k])
    }

    /// The stationary variance of the good share k / Z.
    #[must_use]
    pub fn good_share_variance(&self) -> f64 {
        let mean = self.mean_good_share();
        #[allow(clippy::cast_precision_loss)]
        let share = |k: usize| k as f64 / self.size as f64;
        self.expect(|k| (share(k) - mean).powi(2))
    }

    fn expect(&self, f: impl Fn(usize) -> f64) -> f64 {
        self.ln_stationary
            .iter()
            .enumerate()
            .map(|(k, l)| l.exp() * f(k))
            .sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closed_forms_of_the_second_order_norms() {
        let (e, mu) = (0.07, 0.03);
        let a = (1.0 - e) * (1.0 - mu) + e * mu;
        for (norm, expected) in [
            (Norm::STERN_JUDGING, (1.0 - mu) / (2.0 - a - mu)),
            (Norm::SIMPLE_STANDING, (1.0 - mu) / (2.0 - a - mu)),
            (Norm::IMAGE_SCORING, mu / (1.0 - a + mu)),
        ] {
            let dynamics = StandingDynamics::discriminators(norm, e, mu).unwrap();
            let g = dynamics.large_population_good_share();
            assert!((g - expected).abs() < 1e-12, "{norm}: {g} vs {expected}");
            let cooperation = dynamics.large_population_cooperation(g);
            assert!((cooperation - g * (1.0 - e)).abs() < 1e-12);
        }
    }

    #[test]
    fn second_order_chain_mean_is_the_large_population_fixed_point() {
        // The expected drift of k is linear in k under a second-order norm,
        // so the stationary mean is g* for every Z; only the spread differs.
        let dynamics = StandingDynamics::discriminators(Norm::STERN_JUDGING, 0.05, 0.02).unwrap();
        let limit = dynamics.large_population_good_share();
        let mut previous_variance = f64::INFINITY;
        for size in [10, 100, 1000, 10_000] {
            let chain = dynamics.good_count_chain(size).unwrap();
            let total: f64 = chain.stationary().iter().sum();
            assert!((total - 1.0).abs() < 1e-9);
            assert_eq!(chain.up(size), 0.0);
            assert_eq!(chain.down(0), 0.0);
            assert!((chain.mean_good_share() - limit).abs() < 1e-9, "Z = {size}");
            let cooperation = chain.cooperation_rate();
            assert!((cooperation - 0.95 * chain.mean_good_share()).abs() < 1e-9);
            let variance = chain.good_share_variance();
            assert!(variance < previous_variance, "Z = {size}: {variance}");
            previous_variance = variance;
        }
    }

    #[test]
    fn third_order_chain_approaches_the_large_population_limit() {
        let l1 = Norm::LEADING_EIGHT[0];
        let dynamics =
            StandingDynamics::new(l1, |s, r| l1.prescribed_action(s, r), 0.1, 0.05).unwrap();
        let limit = dynamics.large_population_good_share();
        let gaps: Vec<f64> = [10, 100, 1000]
            .iter()
            .map(|&size| (dynamics.good_count_chain(size).unwrap().mean_good_share() - limit).abs())
            .collect();
        assert!(
            gaps[0] > 1e-5 && gaps[1] < gaps[0] / 5.0 && gaps[2] < gaps[1] / 5.0,
            "{gaps:?}"
        );
        assert!(gaps[2] < 1e-5, "{gaps:?}");
    }

    #[test]
    fn detailed_balance_holds() {
        let dynamics = StandingDynamics::discriminators(Norm::IMAGE_SCORING, 0.1, 0.1).unwrap();
        let chain = dynamics.good_count_chain(30).unwrap();
        let pi = chain.stationary();
        for k in 0..30 {
            let forward = pi[k] * chain.up(k);
            let backward = pi[k + 1] * chain.down(k + 1);
            assert!((forward - backward).abs() < 1e-12 * forward.max(1e-300).max(backward));
        }
    }

    #[test]
    fn bad_input_is_an_error_naming_the_field() {
        let error = StandingDynamics::discriminators(Norm::SHUNNING, 1.5, 0.1).unwrap_err();
        assert_eq!(error.field, "execution_error");
        let dynamics = StandingDynamics::discriminators(Norm::SHUNNING, 0.1, 0.0).unwrap();
        assert_eq!(
            dynamics.good_count_chain(10).unwrap_err().field,
            "assessment_error"
        );
        let dynamics = StandingDynamics::discriminators(Norm::SHUNNING, 0.1, 0.1).unwrap();
        assert_eq!(
            dynamics.good_count_chain(1).unwrap_err().field,
            "population"
        );
    }
}
