//! Carrots and sticks in play (`docs/model.md` section 14): the arithmetic
//! the match loops apply when a strategy declares
//! [`Instruments`](twolevel_game::Instruments).
//!
//! ## When
//!
//! Each strategy's instruments are read once per match, after the reset.
//! After a round in which the partner cooperated, a player with a carrot
//! pays `t` of policy payoff and the partner gains `eta t`; after a round
//! in which the partner defected, a player with a stick imposes `s` on the
//! partner at a cost `s / M` to itself. A transfer lands in the next
//! round's payoffs, so what the last round triggers is never paid. Against
//! grim trigger that sanctions, a deviation earns `T'` once and `P' - s`
//! afterwards: cooperation is sustained iff `delta >= (T' - R') / (T' - P' +
//! s)` ([`grim_threshold_with_sanction`]). A carrot paid after the
//! partner's cooperation and withheld after its defection works the same
//! way on the receiver: its threshold against a grim payer is `(T' - R') /
//! (T' - P' + eta t)`, the sanction threshold with `s = eta t` (the anchor
//! [`carrot_thresholds`] counts the carrot in the round of mutual
//! cooperation itself and gives the lower `(T' - R' - eta t) / (T' - P')`).
//!
//! ## In every currency
//!
//! Let `d_i` be the net transfer to state `i` in a round: carrots received
//! less carrots paid, less sanctions suffered and the cost of sanctions
//! imposed. It enters the policy payoff, `policy_i' = policy_i + d_i`. The
//! political payoff reads the policy payoffs through relative gains,
//! `political_i = kappa_eff_i (policy_i - policy_j) + ...`, so
//!
//! ```text
//! political_i' = political_i + kappa_eff_i (d_i - d_j)
//! u_i'         = u_i + (1 - w_eff_i) d_i + w_eff_i kappa_eff_i (d_i - d_j)
//! ```
//!
//! A carrot therefore costs its payer politically twice: the payer loses
//! `t` and the partner gains `eta t`, a relative loss of `(1 + eta) t`. A
//! sanction gains the sanctioner `s - s / M` politically: a stick with
//! might above 1 pays at home even where it costs abroad. With a given
//! political matrix the political payoff does not read the policy payoffs
//! and transfers leave it alone (`kappa_eff = 0`); in a domestic arena
//! `kappa_eff_i` carries the arena's factor `f_i`.
//!
//! ## Budgets
//!
//! Wealth and might are per-round budgets and a [`Carrot`] or [`Stick`] is
//! validated against them when it is made (a transfer above the wealth, a
//! sanction without might, are errors naming the field), so every carrot
//! a strategy declares is covered in every round.
//!
//! A match in which neither player has an instrument (or only carrots and
//! sticks of zero) takes exactly the paths it takes without them, bit for
//! bit.
//!
//! [`grim_threshold_with_sanction`]: twolevel_game::analytic::grim_threshold_with_sanction
//! [`carrot_thresholds`]: twolevel_game::analytic::carrot_thresholds
//! [`Carrot`]: twolevel_game::Carrot
//! [`Stick`]: twolevel_game::Stick

use serde::{Deserialize, Serialize};
use twolevel_game::{Action, Carrot, Instruments, Payoff, Stick, Strategy};

/// One player's carrots and sticks over a match, in policy payoff.
#[derive(Clone, Copy, Debug, PartialEq, Default, Serialize, Deserialize)]
pub struct InstrumentTotals {
    /// The side payments the player paid (`t` each).
    pub transfers_paid: f64,
    /// The side payments the player received (`eta t` each).
    pub transfers_received: f64,
    /// The losses the player's sanctions imposed on the partner (`s`
    /// each).
    pub sanctions_imposed: f64,
    /// The losses the partner's sanctions imposed on the player.
    pub sanctions_suffered: f64,
    /// What the player's sanctions cost it (`s / M` each).
    pub sanction_costs: f64,
    /// The number of side payments the player paid.
    pub carrots: u32,
    /// The number of sanctions the player imposed.
    pub sticks: u32,
}

impl InstrumentTotals {
    /// The net transfer to the player over the match: received less paid,
    /// less sanctions suffered and their own costs. It is what the
    /// instruments added to the player's policy total.
    #[must_use]
    pub fn net(&self) -> f64 {
        self.transfers_received
            - self.transfers_paid
            - self.sanctions_suffered
            - self.sanction_costs
    }

    /// Adds `other`'s totals (another match of the same players) to these.
    pub fn add(&mut self, other: &InstrumentTotals) {
        self.transfers_paid += other.transfers_paid;
        self.transfers_received += other.transfers_received;
        self.sanctions_imposed += other.sanctions_imposed;
        self.sanctions_suffered += other.sanctions_suffered;
        self.sanction_costs += other.sanction_costs;
        self.carrots += other.carrots;
        self.sticks += other.sticks;
    }
}

/// Both players' [`InstrumentTotals`] over a match, in the order the
/// players were given (all zero in a match without instruments).
#[derive(Clone, Copy, Debug, PartialEq, Default, Serialize, Deserialize)]
pub struct InstrumentRecord {
    /// Each player's totals.
    pub players: [InstrumentTotals; 2],
}

impl InstrumentRecord {
    /// Adds `other`'s totals (another match of the same players, in the
    /// same order) to these.
    pub fn add(&mut self, other: &InstrumentRecord) {
        for (mine, theirs) in self.players.iter_mut().zip(&other.players) {
            mine.add(theirs);
        }
    }

    /// Returns `true` when nothing was paid or sanctioned.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        *self == InstrumentRecord::default()
    }
}

/// What a match with instruments keeps from round to round: the players'
/// policies, the moves of the round before and the totals.
pub(super) struct Ledger {
    /// What each player declared itself, read once after the reset.
    own: [Instruments; 2],
    /// The instruments in force this round.
    carrots: [Option<Carrot>; 2],
    sticks: [Option<Stick>; 2],
    /// The instruments that were in force in the round before, which pay
    /// what that round triggered.
    carrots_before: [Option<Carrot>; 2],
    sticks_before: [Option<Stick>; 2],
    last: Option<[Action; 2]>,
    pub(super) record: InstrumentRecord,
}

impl Ledger {
    /// The ledger of a match between `players` (read once, after their
    /// reset), or `None` when neither has an instrument that changes
    /// anything.
    /// Each player's `outside` instruments (an agreement's) come first,
    /// its own declared ones fill what they leave open.
    pub(super) fn of(
        players: &[&mut dyn Strategy; 2],
        outside: [Instruments; 2],
    ) -> Option<Ledger> {
        let ledger = Ledger::always(players, outside);
        let declared = [0, 1].map(|k| outside[k].or(ledger.own[k]));
        if declared.iter().all(Instruments::is_none) {
            return None;
        }
        Some(ledger)
    }

    /// The ledger of a match between `players` with `outside`
    /// instruments, even when no one has an instrument (a match whose
    /// outside instruments change at given rounds, [`Ledger::set_outside`]).
    pub(super) fn always(players: &[&mut dyn Strategy; 2], outside: [Instruments; 2]) -> Ledger {
        let own = [players[0].instruments(), players[1].instruments()];
        let mut ledger = Ledger {
            own,
            carrots: [None; 2],
            sticks: [None; 2],
            carrots_before: [None; 2],
            sticks_before: [None; 2],
            last: None,
            record: InstrumentRecord::default(),
        };
        ledger.set_outside(outside);
        ledger
    }

    /// From this round on each player's `outside` instruments come first
    /// and its own declared ones fill what they leave open (called before
    /// the round's moves). A transfer that the round before triggered is
    /// still paid under the instruments of the round that triggered it.
    pub(super) fn set_outside(&mut self, outside: [Instruments; 2]) {
        let declared = [0, 1].map(|k| outside[k].or(self.own[k]));
        self.carrots = declared.map(|d| d.carrot.filter(|c| !c.is_none()));
        self.sticks = declared.map(|d| d.stick.filter(|s| !s.is_none()));
        if self.last.is_none() {
            self.carrots_before = self.carrots;
            self.sticks_before = self.sticks;
        }
    }

    /// Writes each player's [`incentives`](Self::incentives) into its
    /// situation, the weights read from the situations themselves.
    #[inline]
    pub(super) fn write_incentives(
        &self,
        situations: &mut [twolevel_game::Situation; 2],
        kappas: impl Fn(usize) -> f64,
    ) {
        let weights = situations.map(|s| s.political_weight);
        let incentives = self.incentives(kappas, weights);
        for (situation, incentive) in situations.iter_mut().zip(incentives) {
            situation.incentive = incentive;
        }
    }

    /// Each player's [`Situation::incentive`](twolevel_game::Situation::incentive)
    /// under the instruments in force: what the partner's carrot (received
    /// `eta t` after a cooperation, the partner paying `t`) and stick
    /// (suffered `s` after a defection, the partner paying `s / M`) add to
    /// the player's gain from cooperating, in policy `eta t + s` and in
    /// relative gains `eta t + t + s - s / M`, blended with the player's
    /// relative-gains sensitivity `kappas[k]` and weight `weights[k]` as
    /// the transfers themselves are.
    #[inline]
    pub(super) fn incentives(&self, kappas: impl Fn(usize) -> f64, weights: [f64; 2]) -> [f64; 2] {
        [0, 1].map(|k| {
            let partner = 1 - k;
            let (mut policy, mut relative) = (0.0, 0.0);
            if let Some(carrot) = self.carrots[partner] {
                policy += carrot.received();
                relative += carrot.received() + carrot.transfer();
            }
            if let Some(stick) = self.sticks[partner] {
                policy += stick.size();
                relative += stick.size() - stick.cost();
            }
            if relative == 0.0 {
                return (1.0 - weights[k]) * policy;
            }
            (1.0 - weights[k]) * policy + weights[k] * kappas(k) * relative
        })
    }

    /// Pays into `cell` (the payoffs of this round's moves `played`) the
    /// transfers the round before triggered, in every currency, with each
    /// state's relative-gains sensitivity `kappas[k]` (0 for a given
    /// political matrix) and effective political weight `weights[k]`;
    /// then remembers `played`.
    #[inline]
    pub(super) fn settle(
        &mut self,
        cell: &mut [Payoff; 2],
        played: [Action; 2],
        kappas: impl Fn(usize) -> f64,
        weights: [f64; 2],
    ) {
        let last = self.last.replace(played);
        let (carrots, sticks) = (self.carrots_before, self.sticks_before);
        self.carrots_before = self.carrots;
        self.sticks_before = self.sticks;
        let Some(last) = last else {
            return;
        };
        let mut net = [0.0; 2];
        for payer in 0..2 {
            let partner = 1 - payer;
            let [own, other] = if payer == 0 {
                let [a, b] = &mut self.record.players;
                [a, b]
            } else {
                let [a, b] = &mut self.record.players;
                [b, a]
            };
            match (last[partner], carrots[payer], sticks[payer]) {
                (Action::C, Some(carrot), _) => {
                    net[payer] -= carrot.transfer();
                    net[partner] += carrot.received();
                    own.transfers_paid += carrot.transfer();
                    own.carrots += 1;
                    other.transfers_received += carrot.received();
                }
                (Action::D, _, Some(stick)) => {
                    net[partner] -= stick.size();
                    net[payer] -= stick.cost();
                    own.sanctions_imposed += stick.size();
                    own.sanction_costs += stick.cost();
                    own.sticks += 1;
                    other.sanctions_suffered += stick.size();
                }
                _ => {}
            }
        }
        if net == [0.0; 2] {
            return;
        }
        for k in 0..2 {
            let relative = kappas(k) * (net[k] - net[1 - k]);
            let payoff = &mut cell[k];
            payoff.policy += net[k];
            payoff.political += relative;
            payoff.utility += (1.0 - weights[k]) * net[k] + weights[k] * relative;
        }
    }
}
