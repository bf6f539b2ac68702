//! A state's win-set: the shares of the gains its ratifiers pass
//! ([`WinSet`]), computed from weighted reservations ([`Reservation`]) and
//! a [`Threshold`].

use super::{Ratifier, Threshold};
use crate::two_level::{Orientation, Politicization, TwoLevelGame};

/// A weight of ratifiers and the smallest share it accepts, `r` (which
/// side payments and sanctions move, so it may leave [0, 1]).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Reservation {
    /// The weight in the vote.
    pub weight: f64,
    /// The smallest share accepted.
    pub reservation: f64,
}

impl From<&Ratifier> for Reservation {
    fn from(ratifier: &Ratifier) -> Self {
        Reservation {
            weight: ratifier.weight(),
            reservation: ratifier.reservation(),
        }
    }
}

/// The shares `z_i` of the gains that state i ratifies.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum WinSet {
    /// Every share `z_i >= reservation` passes; the reservation `R_i` lies
    /// in [0, 1].
    From(f64),
    /// No share passes, not even the whole gain: the accepting weight never
    /// reaches the threshold.
    Empty,
}

impl WinSet {
    /// The win-set of ratifiers with the given weights and reservations at
    /// threshold `tau`: `R_i` is the smallest reservation `r_k` such that
    /// the weight of the ratifiers with reservations at or below it reaches
    /// `tau * V_i` (a weighted quantile). A reservation below 0 (a
    /// ratifier paid to accept anything) counts as 0; the win-set is
    /// [`WinSet::Empty`] when the quantile exceeds 1 or no ratifier has
    /// weight.
    ///
    /// Sorts a copy of the reservations: one allocation per negotiation.
    #[must_use]
    pub fn of_reservations(reservations: &[Reservation], tau: Threshold) -> Self {
        let mut sorted: Vec<Reservation> = reservations
            .iter()
            .copied()
            .filter(|r| r.weight > 0.0)
            .collect();
        sorted.sort_by(|a, b| a.reservation.total_cmp(&b.reservation));
        // The total is the last partial sum, so that unanimity compares a
        // sum with itself and no rounding separates them.
        let total = sorted.iter().fold(0.0, |sum, r| sum + r.weight);
        let target = tau.value() * total;
        let mut accepting = 0.0;
        for r in &sorted {
            accepting += r.weight;
            if accepting >= target {
                return WinSet::at(r.reservation);
            }
        }
        // The last partial sum is the total and tau <= 1, so the loop
        // returns unless no ratifier has weight.
        WinSet::Empty
    }

    /// The win-set of a state's ratifiers at threshold `tau`.
    #[must_use]
    pub fn of_ratifiers(ratifiers: &[Ratifier], tau: Threshold) -> Self {
        let reservations: Vec<Reservation> = ratifiers.iter().map(Reservation::from).collect();
        WinSet::of_reservations(&reservations, tau)
    }

    /// The win-set of a state without an arena, which ratifies by its
    /// government alone: the reservation is the government's effective
    /// political weight `w_eff = w + (1 - w) * beta * pi` (a pure
    /// politician demands the whole gain, a pure bureaucrat accepts any
    /// share, politicization raises the demand through the brake).
    #[must_use]
    pub fn of_government(
        game: &TwoLevelGame,
        orientation: Orientation,
        pi: Politicization,
    ) -> Self {
        WinSet::at(game.effective_weight(orientation, pi))
    }

    /// The win-set from a reservation `r`: [`WinSet::Empty`] above 1 (or
    /// NaN), from `max(r, 0)` otherwise.
    #[must_use]
    pub fn at(reservation: f64) -> Self {
        if reservation <= 1.0 {
            WinSet::From(reservation.max(0.0))
        } else {
            WinSet::Empty
        }
    }

    /// The reservation `R_i`, or `None` for an empty win-set.
    #[must_use]
    pub const fn reservation(self) -> Option<f64> {
        match self {
            WinSet::From(r) => Some(r),
            WinSet::Empty => None,
        }
    }

    /// Returns `true` when the state ratifies leaving its partner the
    /// share `z` (keeping `1 - z`), tested as `z <= 1 - R_i`, the
    /// comparison that defines the [`Zone`](super::Zone) (`1 - z >= R_i`
    /// can round the other way at the zone's edge).
    #[must_use]
    pub fn leaves(self, z: f64) -> bool {
        match self {
            WinSet::From(r) => z <= 1.0 - r,
            WinSet::Empty => false,
        }
    }

    /// Returns `true` when the state ratifies the share `z` of the gains.
    #[must_use]
    pub fn accepts(self, z: f64) -> bool {
        match self {
            WinSet::From(r) => z >= r,
            WinSet::Empty => false,
        }
    }
}
