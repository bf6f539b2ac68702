//! The donation game as the policy payoff of a society, blended with the
//! political payoff as the two-level game does it (`docs/model.md` section 1).
//!
//! ## The mapping
//!
//! The policy game is the donation game written as a prisoner's dilemma:
//! `R = b - c`, `S = -c`, `T = b`, `P = 0`. A donation is *half* of one of
//! its rounds, the half in which only the donor moves, and it is split so
//! that two donations in opposite directions add up exactly to the
//! two-level round of [`TwoLevelGame::payoffs_uneven`] (a tested identity):
//!
//! ```text
//! unsolved       = [a = D] / 2        (the donor's half of 1 - coop_share)
//! policy_donor   = -c [a = C] - theta * pi_donor * unsolved
//! policy_recip   =  b [a = C] - theta * pi_recip * unsolved
//! political_i    = kappa_eff(pi_i) * (policy_i - policy_other)
//!                  + audience_bonus * [i is the donor and a = D]
//!                  - alpha * theta * pi_i * unsolved
//! utility_i      = (1 - w_eff_i) policy_i + w_eff_i political_i
//! w_eff_i        = w_i + (1 - w_i) beta pi_i
//! ```
//!
//! So relative gains are counted against the state met (the donor loses
//! `c` and the recipient gains `b`: a donation costs the donor
//! `kappa_eff (b + c)` at home), a politicized donor is held to account
//! for the half of the problem its defection leaves unsolved, and the
//! recipient, which makes no move, earns no audience bonus. With `w = 0`
//! and `pi = 0` every currency is the classic donation game. The political
//! payoff must be the derived one (a 2x2 political matrix has no halves).

use twolevel_game::ParameterError;
use twolevel_game::error::check_non_negative;
use twolevel_game::{
    Action, Bimatrix, Orientation, Payoff, PayoffMatrix, PoliticalPayoff, Politicization,
    StageTable, TwoLevelGame, blend,
};

/// The donation game (benefit `b`, cost `c`) with the two-level blend; see
/// the [module documentation](self).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DonationGame {
    benefit: f64,
    cost: f64,
    game: TwoLevelGame,
}

impl DonationGame {
    /// The donation game with benefit `b` and cost `c` (finite, `>= 0`;
    /// fields `benefit`, `cost`), taking everything but the policy matrix
    /// (theta, beta, alpha, gamma, kappa, audience bonus) from `levels`,
    /// whose political payoff must be derived (field `political`).
    pub fn new(benefit: f64, cost: f64, levels: &TwoLevelGame) -> Result<Self, ParameterError> {
        check_non_negative("benefit", benefit)?;
        check_non_negative("cost", cost)?;
        if !matches!(levels.political(), PoliticalPayoff::Derived { .. }) {
            return Err(ParameterError::new(
                "political",
                "a society needs the derived political payoff (a one-sided donation is not a \
                 2x2 outcome)",
            ));
        }
        let policy = PayoffMatrix::new(benefit - cost, -cost, benefit, 0.0)?;
        let game = TwoLevelGame::new(
            Bimatrix::symmetric(policy),
            *levels.political(),
            levels.theta(),
            levels.beta(),
        )?
        .with_accountability(levels.alpha(), levels.gamma())?;
        Ok(DonationGame {
            benefit,
            cost,
            game,
        })
    }

    /// The donation game with the library's default two-level parameters
    /// (theta = 4, beta = 0.8, alpha = 1, gamma = 2, kappa = 1, no audience
    /// bonus); with `w = 0` and `pi = 0` it is the classic donation game.
    pub fn with_defaults(benefit: f64, cost: f64) -> Result<Self, ParameterError> {
        DonationGame::new(benefit, cost, &TwoLevelGame::default())
    }

    /// The benefit b.
    #[must_use]
    pub const fn benefit(&self) -> f64 {
        self.benefit
    }

    /// The cost c.
    #[must_use]
    pub const fn cost(&self) -> f64 {
        self.cost
    }

    /// The two-level game whose policy payoff is the donation game as a
    /// prisoner's dilemma (`R = b - c, S = -c, T = b, P = 0`).
    #[must_use]
    pub const fn game(&self) -> &TwoLevelGame {
        &self.game
    }

    /// The payoffs `[donor, recipient]` of one donation.
    #[must_use]
    pub fn donation(
        &self,
        action: Action,
        pis: [Politicization; 2],
        orientations: [Orientation; 2],
    ) -> [Payoff; 2] {
        let game = &self.game;
        let cooperates = f64::from(u8::from(action.is_cooperation()));
        let unsolved = if action.is_defection() { 0.5 } else { 0.0 };
        let policy = [
            -self.cost * cooperates - game.theta() * pis[0].value() * unsolved,
            self.benefit * cooperates - game.theta() * pis[1].value() * unsolved,
        ];
        let bonus = match *game.political() {
            PoliticalPayoff::Derived { audience_bonus, .. } if action.is_defection() => {
                audience_bonus
            }
            _ => 0.0,
        };
        let side = |own: usize| {
            let pi = pis[own].value();
            let kappa = game.effective_kappa(pis[own]).unwrap_or(0.0);
            let political = kappa * (policy[own] - policy[1 - own])
                + if own == 0 { bonus } else { 0.0 }
                - game.alpha() * game.theta() * pi * unsolved;
            let weight = game.effective_weight(orientations[own], pis[own]);
            Payoff {
                utility: blend(weight, policy[own], political),
                policy: policy[own],
                political,
            }
        };
        [side(0), side(1)]
    }
}

/// One state's place in the payoff tables: its politicization and
/// orientation.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct PayoffClass {
    pub(crate) pi: Politicization,
    pub(crate) orientation: Orientation,
}

/// The payoffs of every pair of classes, precomputed so that an
/// interaction costs table lookups only.
#[derive(Clone, Debug)]
pub(crate) struct PayoffTables {
    classes: usize,
    /// `[donor class * classes + recipient class][action] = [donor, recipient]`.
    donation: Vec<[[Payoff; 2]; 2]>,
    /// `[row class * classes + column class]`: the simultaneous round.
    rounds: Vec<StageTable>,
    /// How many donation payoffs (of any cells, repeated) can be summed in
    /// floating point with every partial sum exact; see
    /// [`PayoffTables::exact_donation_terms`].
    exact_donation_terms: u64,
}

/// The exponent of the lowest set bit of a finite nonzero `value`: `value`
/// is an integer multiple of `2^exponent`.
fn lowest_bit_exponent(value: f64) -> i32 {
    let bits = value.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let fraction = bits & ((1_u64 << 52) - 1);
    let (significand, exponent) = if biased == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1_u64 << 52), biased - 1075)
    };
    exponent + significand.trailing_zeros() as i32
}

/// How many values of `values` (each any of them, repeated) can be summed
/// in floating point, starting from 0 and in any order, with every partial
/// sum exact: all are integer multiples of the unit `2^g` of the finest
/// of them, so a sum of `n` of them is an integer multiple of `2^g` of
/// magnitude at most `n max|v|`, exact while that is at most `2^53 2^g`.
/// 0 when a value is not finite.
#[allow(
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    reason = "the bound is a non-negative float clamped to the u64 range"
)]
fn exact_sum_terms(values: impl Iterator<Item = f64>) -> u64 {
    let mut finest = i32::MAX;
    let mut largest = 0.0_f64;
    for value in values {
        if !value.is_finite() {
            return 0;
        }
        if value != 0.0 {
            finest = finest.min(lowest_bit_exponent(value));
            largest = largest.max(value.abs());
        }
    }
    if largest == 0.0 {
        return u64::MAX;
    }
    // The largest value in units of 2^finest (a power-of-two scaling).
    let units = largest * 2_f64.powi(-finest);
    // Rounded down below 2^53 / units, with margin for the division.
    (9_007_199_254_740_992.0 / units * (1.0 - 1e-9)).min(u64::MAX as f64) as u64
}

impl PayoffTables {
    pub(crate) fn new(game: &DonationGame, classes: &[PayoffClass]) -> PayoffTables {
        let mut donation = Vec::with_capacity(classes.len() * classes.len());
        let mut rounds = Vec::with_capacity(classes.len() * classes.len());
        for first in classes {
            for second in classes {
                let pis = [first.pi, second.pi];
                let orientations = [first.orientation, second.orientation];
                donation.push(Action::ALL.map(|a| game.donation(a, pis, orientations)));
                rounds.push(game.game.stage_table_uneven(pis, orientations));
            }
        }
        let exact_donation_terms = exact_sum_terms(
            donation
                .iter()
                .flatten()
                .flatten()
                .flat_map(|payoff| [payoff.policy, payoff.political, payoff.utility]),
        );
        PayoffTables {
            classes: classes.len(),
            donation,
            rounds,
            exact_donation_terms,
        }
    }

    /// The number of payoff classes.
    #[inline]
    pub(crate) const fn classes(&self) -> usize {
        self.classes
    }

    /// How many donation payoffs (of any cells, in any order, in any one
    /// currency) can be added up from 0 in floating point with every
    /// partial sum exact. Up to that many, a sum does not depend on the
    /// order of its terms, so `n` equal terms may be added as `n` times
    /// the term: the classic donation game with integer `b` and `c` (and
    /// `w = pi = 0`) allows about 2^53 / max(b, c, b + c) terms.
    pub(crate) const fn exact_donation_terms(&self) -> u64 {
        self.exact_donation_terms
    }

    /// The payoffs `[donor, recipient]` of a donation.
    #[inline]
    pub(crate) fn donation(&self, donor: usize, recipient: usize, action: Action) -> &[Payoff; 2] {
        &self.donation[donor * self.classes + recipient][action.index()]
    }

    /// The payoffs `[row, column]` of a simultaneous round.
    #[inline]
    pub(crate) fn round(&self, row: usize, column: usize, actions: [Action; 2]) -> &[Payoff; 2] {
        self.rounds[row * self.classes + column].get(actions[0], actions[1])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: Payoff, b: Payoff) -> bool {
        (a.policy - b.policy).abs() < 1e-12
            && (a.political - b.political).abs() < 1e-12
            && (a.utility - b.utility).abs() < 1e-12
    }

    fn add(a: Payoff, b: Payoff) -> Payoff {
        Payoff {
            utility: a.utility + b.utility,
            policy: a.policy + b.policy,
            political: a.political + b.political,
        }
    }

    #[test]
    fn two_donations_make_one_two_level_round() {
        let levels = TwoLevelGame::default()
            .with_political(PoliticalPayoff::Derived {
                kappa: 1.5,
                audience_bonus: 0.7,
            })
            .unwrap();
        let game = DonationGame::new(3.0, 1.0, &levels).unwrap();
        let pis = [
            Politicization::new(0.3).unwrap(),
            Politicization::new(0.8).unwrap(),
        ];
        let ws = [
            Orientation::new(0.2).unwrap(),
            Orientation::new(0.9).unwrap(),
        ];
        for first in Action::ALL {
            for second in Action::ALL {
                let forward = game.donation(first, pis, ws);
                let backward = game.donation(second, [pis[1], pis[0]], [ws[1], ws[0]]);
                let round = game.game().payoffs_uneven(first, second, pis, ws);
                assert!(
                    close(add(forward[0], backward[1]), round[0]),
                    "{first}{second}"
                );
                assert!(
                    close(add(forward[1], backward[0]), round[1]),
                    "{first}{second}"
                );
            }
        }
    }

    #[test]
    fn sums_are_exact_only_for_values_on_a_coarse_grid() {
        assert_eq!(lowest_bit_exponent(3.0), 0);
        assert_eq!(lowest_bit_exponent(-6.0), 1);
        assert_eq!(lowest_bit_exponent(0.75), -2);
        assert_eq!(lowest_bit_exponent(f64::from_bits(1)), -1074);
        // Integers up to 3: partial sums exact up to 2^53 / 3 terms.
        let terms = exact_sum_terms([-1.0, 2.0, 0.0, 3.0, -3.0].into_iter());
        assert!(
            terms <= (1_u64 << 53) / 3 && terms > (1_u64 << 53) / 4,
            "{terms}"
        );
        // 0.3 has 52 significant bits below 1: hardly any term is safe.
        assert!(exact_sum_terms([0.3, 1.0].into_iter()) < 8);
        assert_eq!(exact_sum_terms([0.0].into_iter()), u64::MAX);
        assert_eq!(exact_sum_terms([f64::NAN].into_iter()), 0);
        // The classic game's tables qualify; a politicized class does not.
        let game = DonationGame::with_defaults(2.0, 1.0).unwrap();
        let classic = PayoffClass {
            pi: Politicization::NONE,
            orientation: Orientation::POLICY,
        };
        assert!(PayoffTables::new(&game, &[classic]).exact_donation_terms() > 1 << 50);
        let politicized = PayoffClass {
            pi: Politicization::new(0.3).unwrap(),
            orientation: Orientation::new(0.2).unwrap(),
        };
        assert!(PayoffTables::new(&game, &[classic, politicized]).exact_donation_terms() < 1 << 20);
    }

    #[test]
    fn classic_case_is_the_donation_game() {
        let game = DonationGame::with_defaults(2.0, 1.0).unwrap();
        let none = [Politicization::NONE; 2];
        let policy = [Orientation::POLICY; 2];
        let [donor, recipient] = game.donation(Action::C, none, policy);
        assert_eq!((donor.policy, recipient.policy), (-1.0, 2.0));
        assert_eq!((donor.utility, recipient.utility), (-1.0, 2.0));
        assert_eq!(donor.political, -3.0);
        let [donor, recipient] = game.donation(Action::D, none, policy);
        assert_eq!(
            (donor.policy, recipient.policy, donor.utility),
            (0.0, 0.0, 0.0)
        );
        let error = DonationGame::with_defaults(-1.0, 0.0).unwrap_err();
        assert_eq!(error.field, "benefit");
    }
}
