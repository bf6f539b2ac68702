//! The domestic position: the weighted median of the actors' positions
//! (docs/actors.md; Black 1948).
//!
//! With weights `v_k` summing to `V`, the weighted median is the smallest
//! position `x_k` at which the weight of the actors at or below it reaches
//! half the total:
//!
//! ```text
//! median = min { x_k : sum_{l : x_l <= x_k} v_l >= V / 2 }
//! ```
//!
//! With single-peaked preferences (each actor prefers positions nearer its
//! own) no position wins a weighted pairwise vote against it: for `y` above
//! the median, the actors at or below it, weighing at least `V / 2`, all
//! prefer the median; for `y` below, the actors strictly below the median
//! weigh less than `V / 2` (it is the smallest such position), so those at
//! or above it, who all prefer the median, weigh more than `V / 2`.
//!
//! There is no domestic position when the total weight is 0 (nobody with
//! any influence), and none for malformed input (lengths that differ, a
//! negative or non-finite weight, a position that is NaN).
//!
//! Matches keep a [`MedianOrder`], the actors sorted by position once, and
//! find the median each round by one walk with no allocation; the totals
//! are summed in that order, so the comparison with `V / 2` is exact.

/// The weighted median of `positions` under `weights` (see the [module
/// documentation](self)), or `None` when the total weight is 0 or the
/// input is malformed.
#[must_use]
pub fn weighted_median(positions: &[f64], weights: &[f64]) -> Option<f64> {
    if positions.len() != weights.len()
        || positions.iter().any(|x| x.is_nan())
        || weights.iter().any(|w| !(w.is_finite() && *w >= 0.0))
    {
        return None;
    }
    MedianOrder::new(positions).median(positions, weights)
}

/// The actors' indices sorted by position, for finding the weighted median
/// each round of a match without sorting or allocating.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MedianOrder {
    order: Vec<usize>,
}

impl MedianOrder {
    /// The order of `positions` (ascending; NaN positions last).
    #[must_use]
    pub fn new(positions: &[f64]) -> Self {
        let mut order = MedianOrder::default();
        order.reset(positions);
        order
    }

    /// Sorts again for new `positions`, reusing the allocation.
    pub fn reset(&mut self, positions: &[f64]) {
        self.order.clear();
        self.order.extend(0..positions.len());
        self.order
            .sort_by(|&a, &b| positions[a].total_cmp(&positions[b]));
    }

    /// The actors' indices, in ascending order of position.
    #[must_use]
    pub fn indices(&self) -> &[usize] {
        &self.order
    }

    /// The weighted median of `positions` (those this order was made for)
    /// under non-negative `weights`, or `None` when their total is not
    /// positive and finite.
    #[inline]
    #[must_use]
    pub fn median(&self, positions: &[f64], weights: &[f64]) -> Option<f64> {
        let total: f64 = self.order.iter().map(|&k| weights[k]).sum();
        if !super::influence::positive_and_finite(total) {
            return None;
        }
        let mut below = 0.0;
        for &k in &self.order {
            below += weights[k];
            if below + below >= total {
                return Some(positions[k]);
            }
        }
        // The running sum ends at the total, so the loop always returns.
        self.order.last().map(|&k| positions[k])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn smallest_position_reaching_half() {
        assert_eq!(
            weighted_median(&[0.1, 0.5, 0.9], &[1.0, 1.0, 1.0]),
            Some(0.5)
        );
        assert_eq!(
            weighted_median(&[0.9, 0.1, 0.5], &[5.0, 1.0, 1.0]),
            Some(0.9)
        );
        // Exactly half at or below 0.2: the smaller position.
        assert_eq!(weighted_median(&[0.2, 0.8], &[1.0, 1.0]), Some(0.2));
        assert_eq!(weighted_median(&[0.2, 0.8], &[0.0, 1.0]), Some(0.8));
    }

    #[test]
    fn no_position_without_weight_or_with_bad_input() {
        assert_eq!(weighted_median(&[], &[]), None);
        assert_eq!(weighted_median(&[0.3], &[0.0]), None);
        assert_eq!(weighted_median(&[0.3], &[1.0, 2.0]), None);
        assert_eq!(weighted_median(&[0.3], &[-1.0]), None);
        assert_eq!(weighted_median(&[f64::NAN], &[1.0]), None);
        assert_eq!(weighted_median(&[0.3], &[f64::INFINITY]), None);
    }
}
