//! [`SocietyCounters`]: what the states of a society have done since the
//! counters were last cleared (actions, cooperations, observations,
//! assessments, pairs and steps), and the rates read from them.

/// What the states have done since the counters were last cleared.
#[derive(Clone, Copy, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[non_exhaustive]
pub struct SocietyCounters {
    /// Donor actions taken (one a step in donation mode, two in
    /// simultaneous mode).
    pub actions: u64,
    /// Actions that were intended as C.
    pub intended_cooperations: u64,
    /// Actions executed as C.
    pub cooperations: u64,
    /// The sum over steps of the good count after each step (good
    /// standings, or good images under private assessment).
    pub good_count_sum: u128,
    /// The observer-subject pairs of the society: Z (public assessment) or
    /// Z^2 (private), the count against which the good count is a share.
    pub pairs: u64,
    /// Steps taken.
    pub steps: u64,
}

impl SocietyCounters {
    /// The share of actions executed as C.
    #[must_use]
    pub fn cooperation_rate(&self) -> f64 {
        ratio(self.cooperations, self.actions)
    }

    /// The time average of the good share (see [`Society::good_share`](super::Society::good_share)).
    #[must_use]
    #[allow(clippy::cast_precision_loss)]
    pub fn mean_good_share(&self) -> f64 {
        if self.steps == 0 || self.pairs == 0 {
            0.0
        } else {
            self.good_count_sum as f64 / (self.steps as f64 * self.pairs as f64)
        }
    }

    /// The counters of what happened between `earlier` and `self` (two
    /// readings of the same society).
    #[must_use]
    pub fn since(&self, earlier: &SocietyCounters) -> SocietyCounters {
        SocietyCounters {
            actions: self.actions - earlier.actions,
            intended_cooperations: self.intended_cooperations - earlier.intended_cooperations,
            cooperations: self.cooperations - earlier.cooperations,
            good_count_sum: self.good_count_sum - earlier.good_count_sum,
            pairs: self.pairs,
            steps: self.steps - earlier.steps,
        }
    }

    /// Adds the counters of later steps of the same society.
    pub fn add(&mut self, later: &SocietyCounters) {
        self.actions += later.actions;
        self.intended_cooperations += later.intended_cooperations;
        self.cooperations += later.cooperations;
        self.good_count_sum += later.good_count_sum;
        self.pairs = later.pairs;
        self.steps += later.steps;
    }
}

#[allow(clippy::cast_precision_loss)]
pub(super) fn ratio(numerator: u64, denominator: u64) -> f64 {
    if denominator == 0 {
        0.0
    } else {
        numerator as f64 / denominator as f64
    }
}
