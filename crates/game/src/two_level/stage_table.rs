//! The precomputed [`StageTable`] (both players' payoffs for the four
//! outcomes at fixed levels), which a match reads once per round, and the
//! [`StageTableBuilder`] that refills it cheaply when the levels move.

use super::game::{StateLevels, audience_bonus_for, threatened, unsolved_share};
use super::{
    DomesticTerms, Orientation, Payoff, PoliticalPayoff, Politicization, TwoLevelGame, blend,
};
use crate::action::{Action, Outcome};
use crate::lanes::Lanes;
use crate::matrix::PayoffMatrix;

/// Both players' payoffs for each of the four outcomes, at a fixed
/// politicization and fixed orientations, indexed by
/// [`Outcome::index`] of the row player's outcome.
///
/// Matches precompute this table so that a turn costs one lookup.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct StageTable {
    /// `cells[outcome.index()]` holds `[row player's payoff, column player's payoff]`.
    pub cells: [[Payoff; 2]; 4],
}

impl StageTable {
    /// Both players' payoffs when the row player plays `row` and the column
    /// player plays `column`.
    #[inline]
    #[must_use]
    pub fn get(&self, row: Action, column: Action) -> &[Payoff; 2] {
        &self.cells[Outcome::new(row, column).index()]
    }

    /// The row player's blended utilities as a payoff matrix (R, S, T, P).
    #[must_use]
    pub fn row_utilities(&self) -> [f64; 4] {
        [0, 1, 2, 3].map(|i| self.cells[i][0].utility)
    }

    /// The column player's blended utilities, from its own side (R, S, T, P).
    #[must_use]
    pub fn column_utilities(&self) -> [f64; 4] {
        // The column player's own-action-first outcome (own, partner) is the
        // row outcome (partner, own).
        Outcome::ALL.map(|o| self.cells[o.swap().index()][1].utility)
    }

    /// The row player's blended utilities as a [`PayoffMatrix`].
    ///
    /// A table built by [`TwoLevelGame::stage_table`] holds finite payoffs
    /// (the game bounds them by [`TwoLevelGame::MAX_PAYOFF`]), so this
    /// cannot fail.
    #[must_use]
    pub fn row_matrix(&self) -> PayoffMatrix {
        PayoffMatrix::from_finite_entries(self.row_utilities())
    }

    /// The column player's blended utilities, from its own side, as a
    /// [`PayoffMatrix`]; see [`StageTable::row_matrix`].
    #[must_use]
    pub fn column_matrix(&self) -> PayoffMatrix {
        PayoffMatrix::from_finite_entries(self.column_utilities())
    }
}

/// What a game's stage tables share whatever the politicization levels and
/// orientations: each cell's base policy payoffs, unsolved share and
/// audience bonuses (or given political payoffs), computed once.
///
/// A match whose levels move every round (dynamic politicization) keeps one
/// builder and refills its table with [`StageTableBuilder::fill`], which
/// does only the arithmetic that depends on the levels and orientations,
/// cell by cell in the order [`TwoLevelGame::payoffs_uneven`] does it, so
/// the table is the same bit for bit.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StageTableBuilder {
    game: TwoLevelGame,
    /// `base[outcome][k]`: state k's policy payoff before any threat cost.
    base: [[f64; 2]; 4],
    /// The unsolved share of each outcome.
    unsolved: [f64; 4],
    /// `political[outcome][k]`: a derived rule's audience bonus (0.0 for a
    /// cooperation), or a given matrix's political payoff.
    political: [[f64; 2]; 4],
    /// Whether the political payoff is derived (or given as a matrix).
    derived: bool,
    /// theta, the threat cost.
    threat_cost: f64,
    /// `alpha * theta`, so that a state's accountability rate is this
    /// times its level.
    accountability_rate: f64,
    /// Whether alpha is not 0.
    accountable: bool,
    /// A derived political payoff's kappa (0.0 for a given matrix).
    kappa: f64,
}

impl StageTableBuilder {
    /// The level-free parts of `game`'s stage tables.
    #[must_use]
    pub fn new(game: &TwoLevelGame) -> Self {
        let mut base = [[0.0; 2]; 4];
        let mut unsolved = [0.0; 4];
        let mut political = [[0.0; 2]; 4];
        for outcome in Outcome::ALL {
            let (row, column) = (outcome.own, outcome.partner);
            let cell = outcome.index();
            base[cell] = game.policy.payoffs(row, column);
            unsolved[cell] = unsolved_share(row, column);
            political[cell] = match game.political {
                PoliticalPayoff::Derived { audience_bonus, .. } => [
                    audience_bonus_for(row, audience_bonus),
                    audience_bonus_for(column, audience_bonus),
                ],
                PoliticalPayoff::Matrix(m) => m.payoffs(row, column),
            };
        }
        StageTableBuilder {
            game: *game,
            base,
            unsolved,
            political,
            derived: matches!(game.political, PoliticalPayoff::Derived { .. }),
            threat_cost: game.threat_cost,
            accountability_rate: game.accountability * game.threat_cost,
            accountable: game.accountability != 0.0,
            kappa: match game.political {
                PoliticalPayoff::Derived { kappa, .. } => kappa,
                PoliticalPayoff::Matrix(_) => 0.0,
            },
        }
    }

    /// The game the tables are built for.
    #[must_use]
    pub const fn game(&self) -> &TwoLevelGame {
        &self.game
    }

    /// Fills `table` with both players' payoffs for all four outcomes when
    /// each state has its own politicization: the table of
    /// [`TwoLevelGame::stage_table_uneven`], bit for bit. Returns each
    /// state's effective political weight `w_eff` at its own level (the
    /// weights the utilities were blended with).
    ///
    /// Every value is computed with the same floating-point operations, in
    /// the same order, as [`TwoLevelGame::payoffs_uneven`] computes it; only
    /// what the cells share is computed once: each state's weight, levels
    /// and `1 - w_eff`, and the choice between the exact ends of the blend
    /// (`w_eff` 0 or 1) and the mixture, made once per state instead of once
    /// per cell.
    #[inline]
    pub fn fill(
        &self,
        table: &mut StageTable,
        pis: [Politicization; 2],
        orientations: [Orientation; 2],
    ) -> [f64; 2] {
        let weights = self.weights(pis, orientations);
        let levels = self.game.levels(pis);
        let accountable = self.game.accountability != 0.0;
        for cell in 0..4 {
            let [policy, political] = self.policy_and_political(cell, &levels, accountable);
            for k in 0..2 {
                table.cells[cell][k].policy = policy[k];
                table.cells[cell][k].political = political[k];
            }
        }
        for (k, &w_eff) in weights.iter().enumerate() {
            // `blend`, with its tests of the ends made once per state.
            if w_eff == 0.0 {
                for cell in &mut table.cells {
                    cell[k].utility = cell[k].policy;
                }
            } else if w_eff == 1.0 {
                for cell in &mut table.cells {
                    cell[k].utility = cell[k].political;
                }
            } else {
                let keep = 1.0 - w_eff;
                for cell in &mut table.cells {
                    cell[k].utility = keep * cell[k].policy + w_eff * cell[k].political;
                }
            }
        }
        weights
    }

    /// Fills `table` as [`StageTableBuilder::fill`] does, then applies each
    /// state's [`DomesticTerms`] to its own political payoffs and
    /// re-blends its utilities (`docs/actors.md`):
    ///
    /// ```text
    /// political_i = f_i kappa_eff_i (policy_i - policy_j) + (b + db_i) [a_i == D]
    ///               - (alpha + da_i) theta pi_i (1 - coop_share) + l_i [a_i == C]
    /// ```
    ///
    /// A state whose terms are neutral keeps [`StageTableBuilder::fill`]'s
    /// payoffs bit for bit. With a given political matrix only the lobby
    /// term applies. Returns each state's effective political weight.
    #[inline]
    pub fn fill_with_terms(
        &self,
        table: &mut StageTable,
        pis: [Politicization; 2],
        orientations: [Orientation; 2],
        terms: &[DomesticTerms; 2],
    ) -> [f64; 2] {
        let weights = self.fill(table, pis, orientations);
        for (k, terms) in terms.iter().enumerate() {
            if !terms.is_neutral() {
                for outcome in Outcome::ALL {
                    let cell = &mut table.cells[outcome.index()];
                    self.apply_terms(cell, outcome, k, pis[k], weights[k], terms);
                }
            }
        }
        weights
    }

    /// [`StageTableBuilder::oriented_outcome_payoffs`] with each state's
    /// [`DomesticTerms`]: the payoffs of one outcome of the table
    /// [`StageTableBuilder::fill_with_terms`] fills, bit for bit.
    #[inline(always)]
    #[must_use]
    pub fn oriented_outcome_payoffs_with_terms(
        &self,
        outcome: Outcome,
        pis: [Politicization; 2],
        oriented: &OrientedWeights,
        terms: &[DomesticTerms; 2],
    ) -> [Payoff; 2] {
        // One pass: each state's policy payoff once, then its political
        // payoff and utility in their final form, with or without its
        // terms (the operations of `oriented_outcome_payoffs` for a
        // neutral side, of `apply_terms` for the other: the same bits as
        // computing the first and then recomputing with the terms).
        let pi = pis.map(Politicization::value);
        let index = outcome.index();
        let unsolved = self.unsolved[index];
        let base = self.base[index];
        let policy = [
            threatened(base[0], self.threat_cost * pi[0], unsolved),
            threatened(base[1], self.threat_cost * pi[1], unsolved),
        ];
        let own = [outcome.own, outcome.partner];
        if self.derived && !terms[0].is_neutral() && !terms[1].is_neutral() {
            return self.both_sides_with_terms(index, own, pi, policy, oriented, terms);
        }
        // A method inlined always rather than a closure: LLVM called the
        // closure once a side.
        [
            self.side_with_terms(index, 0, own[0], pi[0], policy, oriented, &terms[0]),
            self.side_with_terms(index, 1, own[1], pi[1], policy, oriented, &terms[1]),
        ]
    }

    /// State `k`'s payoffs in outcome `index` (its own move `own`, its
    /// level `pi`) from both states' policy payoffs `policy`: the political
    /// payoff with or without its `terms` and the utility blended at its
    /// oriented weight, for
    /// [`StageTableBuilder::oriented_outcome_payoffs_with_terms`].
    #[inline(always)]
    #[allow(clippy::too_many_arguments)]
    fn side_with_terms(
        &self,
        index: usize,
        k: usize,
        own: Action,
        pi: f64,
        policy: [f64; 2],
        oriented: &OrientedWeights,
        terms: &DomesticTerms,
    ) -> Payoff {
        let gap = policy[k] - policy[1 - k];
        let political = if !terms.is_neutral() {
            self.political_with_terms(index, k, own, pi, gap, terms)
        } else if self.derived {
            // `policy_and_political` for one side.
            let audience = self.game.kappa_at(self.kappa, pi) * gap + self.political[index][k];
            if self.accountable {
                audience - self.accountability_rate * pi * self.unsolved[index]
            } else {
                audience
            }
        } else {
            self.political[index][k]
        };
        let weight = oriented.weights[k] + oriented.slopes[k] * pi;
        Payoff {
            utility: blend(weight, policy[k], political),
            policy: policy[k],
            political,
        }
    }

    /// Both states' payoffs in outcome `index` when both have terms and the
    /// political payoff is derived: [`StageTableBuilder::side_with_terms`]
    /// for the two states at once, in [`Lanes`] (the same operations in the
    /// same order, lane by lane, so the same bits).
    #[inline(always)]
    fn both_sides_with_terms(
        &self,
        index: usize,
        own: [Action; 2],
        pi: [f64; 2],
        policy: [f64; 2],
        oriented: &OrientedWeights,
        terms: &[DomesticTerms; 2],
    ) -> [Payoff; 2] {
        let pi = Lanes(pi);
        let policy = Lanes(policy);
        let gap = policy - policy.swap();
        let cooperated = own.map(Action::is_cooperation);
        let lane = |f: fn(&DomesticTerms) -> f64| Lanes([f(&terms[0]), f(&terms[1])]);
        let lobby = lane(|t| t.lobby).or_zero(cooperated);
        let bonus = lane(|t| t.audience_bonus).or_zero(cooperated.map(|c| !c));
        // `TwoLevelGame::kappa_at` in lanes.
        let kappa = if self.game.securitization == 0.0 {
            Lanes::splat(self.kappa)
        } else {
            Lanes::splat(self.kappa)
                * (Lanes::splat(1.0) + Lanes::splat(self.game.securitization) * pi * pi)
        } * lane(|t| t.kappa_factor);
        let accountable = (Lanes::splat(self.game.accountability) + lane(|t| t.accountability))
            * Lanes::splat(self.threat_cost)
            * pi;
        let unsolved = Lanes::splat(self.unsolved[index]);
        let political =
            kappa * gap + (Lanes(self.political[index]) + bonus) - accountable * unsolved + lobby;
        let weight = Lanes(oriented.weights) + Lanes(oriented.slopes) * pi;
        // `blend` in lanes: the general formula, then its exact ends.
        let general = (Lanes::splat(1.0) - weight) * policy + weight * political;
        let side = |k: usize| {
            let w = weight.0[k];
            let utility = if w == 0.0 {
                policy.0[k]
            } else if w == 1.0 {
                political.0[k]
            } else {
                general.0[k]
            };
            Payoff {
                utility,
                policy: policy.0[k],
                political: political.0[k],
            }
        };
        [side(0), side(1)]
    }

    /// Applies state `k`'s domestic `terms` to its payoffs in `cell` (the
    /// payoffs of `outcome`), re-blending its utility at `weight`.
    #[inline]
    fn apply_terms(
        &self,
        cell: &mut [Payoff; 2],
        outcome: Outcome,
        k: usize,
        pi: Politicization,
        weight: f64,
        terms: &DomesticTerms,
    ) {
        let own = if k == 0 { outcome.own } else { outcome.partner };
        let policy = cell[k].policy;
        let political = self.political_with_terms(
            outcome.index(),
            k,
            own,
            pi.value(),
            policy - cell[1 - k].policy,
            terms,
        );
        cell[k].political = political;
        cell[k].utility = blend(weight, policy, political);
    }

    /// State `k`'s political payoff in table cell `index` with its domestic
    /// `terms`, when it played `own` at level `pi` and its policy payoff
    /// exceeds its partner's by `gap`.
    #[inline(always)]
    fn political_with_terms(
        &self,
        index: usize,
        k: usize,
        own: Action,
        pi: f64,
        gap: f64,
        terms: &DomesticTerms,
    ) -> f64 {
        let lobby = if own.is_cooperation() {
            terms.lobby
        } else {
            0.0
        };
        if self.derived {
            let kappa = self.game.kappa_at(self.kappa, pi) * terms.kappa_factor;
            let accountable =
                (self.game.accountability + terms.accountability) * self.threat_cost * pi;
            let bonus = audience_bonus_for(own, terms.audience_bonus);
            kappa * gap + (self.political[index][k] + bonus) - accountable * self.unsolved[index]
                + lobby
        } else {
            self.political[index][k] + lobby
        }
    }

    /// Both players' payoffs in one outcome of the table that
    /// [`StageTableBuilder::fill`] would fill for these levels and
    /// orientations, bit for bit, without computing the other three
    /// outcomes: what a match needs when its players do not read their
    /// payoffs (memory-one players) and the levels move every round.
    ///
    /// A match whose orientations stay fixed computes
    /// [`StageTableBuilder::oriented`] once and calls
    /// [`StageTableBuilder::oriented_outcome_payoffs`] instead.
    #[inline]
    #[must_use]
    pub fn outcome_payoffs(
        &self,
        outcome: Outcome,
        pis: [Politicization; 2],
        orientations: [Orientation; 2],
    ) -> [Payoff; 2] {
        self.oriented_outcome_payoffs(outcome, pis, &self.oriented(orientations))
    }

    /// What the payoffs of two states with these orientations share
    /// whatever their levels.
    #[inline]
    #[must_use]
    pub fn oriented(&self, orientations: [Orientation; 2]) -> OrientedWeights {
        let weights = orientations.map(Orientation::political_weight);
        OrientedWeights {
            weights,
            slopes: weights.map(|w| (1.0 - w) * self.game.brake),
        }
    }

    /// [`StageTableBuilder::outcome_payoffs`] at the orientations `oriented`
    /// was made for, bit for bit, with only the arithmetic that depends on
    /// the levels: the same floating-point operations in the same order as
    /// [`TwoLevelGame::payoffs_uneven`].
    #[inline]
    #[must_use]
    pub fn oriented_outcome_payoffs(
        &self,
        outcome: Outcome,
        pis: [Politicization; 2],
        oriented: &OrientedWeights,
    ) -> [Payoff; 2] {
        let pis = pis.map(Politicization::value);
        let weights = [
            oriented.weights[0] + oriented.slopes[0] * pis[0],
            oriented.weights[1] + oriented.slopes[1] * pis[1],
        ];
        let levels = StateLevels {
            threat: [self.threat_cost * pis[0], self.threat_cost * pis[1]],
            accountable: [
                self.accountability_rate * pis[0],
                self.accountability_rate * pis[1],
            ],
            kappa_eff: if self.derived {
                [
                    self.game.kappa_at(self.kappa, pis[0]),
                    self.game.kappa_at(self.kappa, pis[1]),
                ]
            } else {
                [0.0; 2]
            },
        };
        let [policy, political] =
            self.policy_and_political(outcome.index(), &levels, self.accountable);
        [0, 1].map(|k| Payoff {
            utility: blend(weights[k], policy[k], political[k]),
            policy: policy[k],
            political: political[k],
        })
    }

    /// Each state's effective political weight `w_eff` at its own level.
    #[inline]
    fn weights(&self, pis: [Politicization; 2], orientations: [Orientation; 2]) -> [f64; 2] {
        [
            self.game.effective_weight(orientations[0], pis[0]),
            self.game.effective_weight(orientations[1], pis[1]),
        ]
    }

    /// Both states' policy and political payoffs in table cell `cell`, with
    /// the same floating-point operations in the same order as
    /// [`TwoLevelGame::payoffs_uneven`]; `accountable` is the test of alpha,
    /// made once by the caller.
    #[inline]
    fn policy_and_political(
        &self,
        cell: usize,
        levels: &StateLevels,
        accountable: bool,
    ) -> [[f64; 2]; 2] {
        let unsolved = self.unsolved[cell];
        let base = self.base[cell];
        let policy = [
            threatened(base[0], levels.threat[0], unsolved),
            threatened(base[1], levels.threat[1], unsolved),
        ];
        let given = self.political[cell];
        let political = if self.derived {
            // `derived_political`, with its test of alpha made once.
            let gaps = [policy[0] - policy[1], policy[1] - policy[0]];
            let audience = [
                levels.kappa_eff[0] * gaps[0] + given[0],
                levels.kappa_eff[1] * gaps[1] + given[1],
            ];
            if accountable {
                [
                    audience[0] - levels.accountable[0] * unsolved,
                    audience[1] - levels.accountable[1] * unsolved,
                ]
            } else {
                audience
            }
        } else {
            given
        };
        [policy, political]
    }
}

/// What the payoffs of two states with fixed orientations share whatever
/// their politicization levels (made by [`StageTableBuilder::oriented`]
/// and used by [`StageTableBuilder::oriented_outcome_payoffs`]): each
/// state's political weight `w` and the slope `(1 - w) * beta` of its
/// effective weight in its level, so that `w_eff = w + slope * pi` with
/// the same rounding as [`TwoLevelGame::effective_weight`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct OrientedWeights {
    /// Each state's political weight `w`.
    weights: [f64; 2],
    /// Each state's `(1 - w) * beta`.
    slopes: [f64; 2],
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classic_case_is_exact() {
        let game = TwoLevelGame::default();
        let table = game.stage_table(Politicization::NONE, [Orientation::POLICY; 2]);
        assert_eq!(table.row_utilities(), [3.0, 0.0, 5.0, 1.0]);
        assert_eq!(table.column_utilities(), [3.0, 0.0, 5.0, 1.0]);
    }
}
