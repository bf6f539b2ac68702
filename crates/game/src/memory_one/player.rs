//! A memory-one player: its probability of cooperating after each outcome
//! of the previous round and in the first round.

use crate::action::Outcome;
use crate::error::{ParameterError, check_unit_interval};

/// The configuration names of the four-vector's entries, in table order.
const VECTOR_FIELDS: [&str; 4] = ["p_CC", "p_CD", "p_DC", "p_DD"];

/// A memory-one player: the probability of cooperating after each outcome
/// of the previous round, seen from its own side, and in the first round.
///
/// Build it with [`MemoryOnePlayer::new`], which checks that every
/// probability lies in [0, 1].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MemoryOnePlayer {
    pub(super) four_vector: [f64; 4],
    pub(super) first: f64,
}

impl MemoryOnePlayer {
    /// Tit-for-tat: `(1, 0, 1, 0)`, cooperating first.
    pub const TIT_FOR_TAT: MemoryOnePlayer = MemoryOnePlayer {
        four_vector: [1.0, 0.0, 1.0, 0.0],
        first: 1.0,
    };
    /// Win-Stay Lose-Shift (Pavlov): `(1, 0, 0, 1)`, cooperating first.
    pub const WIN_STAY_LOSE_SHIFT: MemoryOnePlayer = MemoryOnePlayer {
        four_vector: [1.0, 0.0, 0.0, 1.0],
        first: 1.0,
    };
    /// Unconditional cooperation: `(1, 1, 1, 1)`, cooperating first.
    pub const ALWAYS_COOPERATE: MemoryOnePlayer = MemoryOnePlayer {
        four_vector: [1.0; 4],
        first: 1.0,
    };
    /// Unconditional defection: `(0, 0, 0, 0)`, defecting first.
    pub const ALWAYS_DEFECT: MemoryOnePlayer = MemoryOnePlayer {
        four_vector: [0.0; 4],
        first: 0.0,
    };

    /// A player with the four-vector `(p_CC, p_CD, p_DC, p_DD)` (the
    /// probability to cooperate after each outcome, own move first) and the
    /// probability `first` of cooperating in the first round.
    ///
    /// # Errors
    ///
    /// Every probability must lie in [0, 1]; the error names the entry
    /// (`p_CC`, `p_CD`, `p_DC`, `p_DD` or `first`).
    pub fn new(four_vector: [f64; 4], first: f64) -> Result<Self, ParameterError> {
        for (field, p) in VECTOR_FIELDS.iter().zip(four_vector) {
            check_unit_interval(field, p)?;
        }
        check_unit_interval("first", first)?;
        Ok(MemoryOnePlayer { four_vector, first })
    }

    /// A reactive player, which looks only at the partner's last move:
    /// cooperate with probability `after_c` after a partner cooperation and
    /// `after_d` after a partner defection, that is the four-vector
    /// `(after_c, after_d, after_c, after_d)`.
    ///
    /// # Errors
    ///
    /// As [`MemoryOnePlayer::new`].
    pub fn reactive(first: f64, after_c: f64, after_d: f64) -> Result<Self, ParameterError> {
        MemoryOnePlayer::new([after_c, after_d, after_c, after_d], first)
    }

    /// The four-vector `(p_CC, p_CD, p_DC, p_DD)`.
    #[inline]
    #[must_use]
    pub const fn four_vector(&self) -> [f64; 4] {
        self.four_vector
    }

    /// The probability of cooperating in the first round.
    #[inline]
    #[must_use]
    pub const fn first_cooperation(&self) -> f64 {
        self.first
    }

    /// The probability of cooperating after `outcome` (from this player's
    /// side).
    #[inline]
    #[must_use]
    pub const fn cooperation_after(&self, outcome: Outcome) -> f64 {
        self.four_vector[outcome.index()]
    }

    /// Whether every probability, the first move's included, is 0 or 1.
    #[must_use]
    pub fn is_deterministic(&self) -> bool {
        self.four_vector
            .iter()
            .chain(std::iter::once(&self.first))
            .all(|&p| p == 0.0 || p == 1.0)
    }

    /// The player as it acts under noise: the probability that the move
    /// *played* is C after each outcome (and in the first round), when
    /// each perceived partner move is flipped with probability
    /// `perception_noise` and each chosen move is flipped with probability
    /// `action_noise`.
    ///
    /// # Errors
    ///
    /// Both noise levels must lie in [0, 1].
    pub fn under_noise(
        &self,
        action_noise: f64,
        perception_noise: f64,
    ) -> Result<Self, ParameterError> {
        let e = check_unit_interval("action_noise", action_noise)?;
        let q = check_unit_interval("perception_noise", perception_noise)?;
        let tremble = |p: f64| (p * (1.0 - e) + (1.0 - p) * e).clamp(0.0, 1.0);
        let v = self.four_vector;
        // Index i ^ 1 is the same own move with the partner's move flipped.
        let perceived = [0, 1, 2, 3].map(|i| (1.0 - q) * v[i] + q * v[i ^ 1]);
        Ok(MemoryOnePlayer {
            four_vector: perceived.map(tremble),
            first: tremble(self.first),
        })
    }
}
