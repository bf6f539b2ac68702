//! Where the evolutionary processes get their payoffs from: a fixed table of
//! mean payoffs (deterministic strategies, or expected payoffs) or matches
//! played afresh with the run's RNG (stochastic strategies).

use rand_core::Rng;
use serde::{Deserialize, Serialize};
use twolevel_game::ParameterError;

/// An `n x n` table of payoffs: `get(i, j)` is the payoff to a player of
/// type `i` against a player of type `j`.
///
/// The evolutionary processes read the entries as payoffs *per turn* (the
/// round robin's mean utility per turn), so that the selection intensity
/// means the same whatever the length of the matches. (Payoffs per match
/// would be about the mean match length times larger, which for the
/// exponential fitness map and the Fermi rule amounts to multiplying `beta`
/// by the mean length.)
///
/// It serializes as its rows; deserializing validates them as
/// [`PayoffTable::new`] does.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "Vec<Vec<f64>>", into = "Vec<Vec<f64>>")]
pub struct PayoffTable {
    n: usize,
    entries: Vec<f64>,
}

impl TryFrom<Vec<Vec<f64>>> for PayoffTable {
    type Error = ParameterError;

    fn try_from(rows: Vec<Vec<f64>>) -> Result<Self, ParameterError> {
        PayoffTable::new(rows)
    }
}

impl From<PayoffTable> for Vec<Vec<f64>> {
    fn from(table: PayoffTable) -> Self {
        table.to_rows()
    }
}

impl PayoffTable {
    /// A table from its rows; it must be square, non-empty and finite.
    pub fn new(rows: Vec<Vec<f64>>) -> Result<Self, ParameterError> {
        let n = rows.len();
        if n == 0 {
            return Err(ParameterError::new(
                "payoffs",
                "expected at least one strategy, got an empty table",
            ));
        }
        let mut entries = Vec::with_capacity(n * n);
        for (i, row) in rows.into_iter().enumerate() {
            if row.len() != n {
                return Err(ParameterError::new(
                    format!("payoffs[{i}]"),
                    format!("expected a square table: {n} entries, got {}", row.len()),
                ));
            }
            if let Some(j) = row.iter().position(|a| !a.is_finite()) {
                return Err(ParameterError::new(
                    format!("payoffs[{i}][{j}]"),
                    format!("expected a finite payoff, got {}", row[j]),
                ));
            }
            entries.extend(row);
        }
        Ok(PayoffTable { n, entries })
    }

    /// A table from a closure `payoff(i, j)` over `n` strategies.
    pub fn from_fn(
        n: usize,
        mut payoff: impl FnMut(usize, usize) -> f64,
    ) -> Result<Self, ParameterError> {
        Self::new(
            (0..n)
                .map(|i| (0..n).map(|j| payoff(i, j)).collect())
                .collect(),
        )
    }

    /// The table of a symmetric 2x2 game with the row player's payoffs
    /// `a = A vs A`, `b = A vs B`, `c = B vs A`, `d = B vs B`.
    pub fn two_by_two(a: f64, b: f64, c: f64, d: f64) -> Result<Self, ParameterError> {
        Self::new(vec![vec![a, b], vec![c, d]])
    }

    /// The number of strategies `n`.
    #[inline]
    #[must_use]
    pub fn len(&self) -> usize {
        self.n
    }

    /// Always false: a table has at least one strategy.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.n == 0
    }

    /// The payoff to type `i` against type `j`.
    ///
    /// # Panics
    /// If `i` or `j` is not below [`len`](Self::len).
    #[inline]
    #[must_use]
    pub fn get(&self, i: usize, j: usize) -> f64 {
        assert!(j < self.n, "column {j} out of range");
        self.entries[i * self.n + j]
    }

    /// Row `i`: the payoffs of type `i` against every type.
    #[inline]
    #[must_use]
    pub fn row(&self, i: usize) -> &[f64] {
        &self.entries[i * self.n..(i + 1) * self.n]
    }

    /// The smallest and largest entries.
    #[must_use]
    pub fn range(&self) -> (f64, f64) {
        self.entries
            .iter()
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &a| {
                (lo.min(a), hi.max(a))
            })
    }

    /// The 2x2 sub-game between types `i` (as A) and `j` (as B):
    /// `[a, b, c, d] = [A vs A, A vs B, B vs A, B vs B]`.
    #[must_use]
    pub fn pair(&self, i: usize, j: usize) -> [f64; 4] {
        [
            self.get(i, i),
            self.get(i, j),
            self.get(j, i),
            self.get(j, j),
        ]
    }

    /// The rows of the table.
    #[must_use]
    pub fn to_rows(&self) -> Vec<Vec<f64>> {
        self.entries.chunks(self.n).map(<[f64]>::to_vec).collect()
    }
}

/// Plays one match between a player of type `i` and one of type `j` with
/// the given RNG and returns each side's payoff (per turn, like a
/// [`PayoffTable`]), `(to i, to j)`.
///
/// Any `FnMut(usize, usize, &mut dyn Rng) -> (f64, f64)` closure is a
/// match player; the round robin's match engine is wrapped this way.
pub trait MatchPlayer: Send {
    /// Plays a match between types `i` and `j`.
    fn play(&mut self, i: usize, j: usize, rng: &mut dyn Rng) -> (f64, f64);
}

impl<F> MatchPlayer for F
where
    F: FnMut(usize, usize, &mut dyn Rng) -> (f64, f64) + Send,
{
    fn play(&mut self, i: usize, j: usize, rng: &mut dyn Rng) -> (f64, f64) {
        self(i, j, rng)
    }
}

/// The source of payoffs for a stochastic process.
///
/// Before each elementary step the process calls [`refresh`](Self::refresh);
/// a fixed table does nothing there, a [`SampledPayoffs`] plays fresh
/// matches between the types present.
pub trait PayoffSource {
    /// The number of types.
    fn len(&self) -> usize;

    /// Whether there are no types (never, for the sources of this module).
    fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The current payoff of type `i` against type `j`.
    fn payoff(&self, i: usize, j: usize) -> f64;

    /// Updates the payoffs before a step given the current counts; returns
    /// whether they changed.
    fn refresh(&mut self, counts: &[u32], rng: &mut dyn Rng) -> bool;

    /// The smallest and largest payoff the source can ever give, when known
    /// in advance (a fixed table); `None` when payoffs are sampled and must
    /// be checked as they come.
    fn payoff_range(&self) -> Option<(f64, f64)>;
}

impl PayoffSource for PayoffTable {
    #[inline]
    fn len(&self) -> usize {
        self.n
    }

    #[inline]
    fn payoff(&self, i: usize, j: usize) -> f64 {
        self.entries[i * self.n + j]
    }

    #[inline]
    fn refresh(&mut self, _counts: &[u32], _rng: &mut dyn Rng) -> bool {
        false
    }

    fn payoff_range(&self) -> Option<(f64, f64)> {
        Some(self.range())
    }
}

/// Payoffs of stochastic strategies, sampled from matches actually played.
///
/// Before every elementary step, one match is played between every pair of
/// types present in the population (including a type against itself when
/// it has at least two individuals), and the sampled payoffs replace the
/// table entries for that step. With `k` types present a step thus costs
/// `k (k + 1) / 2` matches, each as long as the horizon: far slower than a
/// fixed table, which costs a few nanoseconds per step.
pub struct SampledPayoffs<M> {
    player: M,
    table: PayoffTable,
}

impl<M: MatchPlayer> SampledPayoffs<M> {
    /// Sampled payoffs over `n` types; the table starts at zero and is
    /// filled by the first refresh.
    pub fn new(n: usize, player: M) -> Result<Self, ParameterError> {
        Ok(SampledPayoffs {
            player,
            table: PayoffTable::new(vec![vec![0.0; n]; n])?,
        })
    }

    /// The payoffs sampled by the last refresh.
    #[must_use]
    pub fn table(&self) -> &PayoffTable {
        &self.table
    }
}

impl<M: MatchPlayer> PayoffSource for SampledPayoffs<M> {
    fn len(&self) -> usize {
        self.table.n
    }

    fn payoff(&self, i: usize, j: usize) -> f64 {
        self.table.entries[i * self.table.n + j]
    }

    fn refresh(&mut self, counts: &[u32], rng: &mut dyn Rng) -> bool {
        let n = self.table.n;
        for i in 0..n {
            if counts[i] == 0 {
                continue;
            }
            for j in i..n {
                let present = if i == j {
                    counts[i] >= 2
                } else {
                    counts[j] > 0
                };
                if present {
                    let (to_i, to_j) = self.player.play(i, j, rng);
                    self.table.entries[i * n + j] = to_i;
                    self.table.entries[j * n + i] = to_j;
                }
            }
        }
        true
    }

    fn payoff_range(&self) -> Option<(f64, f64)> {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_shape_is_checked() {
        assert_eq!(PayoffTable::new(vec![]).unwrap_err().field, "payoffs");
        assert_eq!(
            PayoffTable::new(vec![vec![1.0, 2.0], vec![3.0]])
                .unwrap_err()
                .field,
            "payoffs[1]"
        );
        assert_eq!(
            PayoffTable::new(vec![vec![1.0, f64::NAN], vec![3.0, 4.0]])
                .unwrap_err()
                .field,
            "payoffs[0][1]"
        );
        let t = PayoffTable::two_by_two(3.0, 0.0, 5.0, 1.0).unwrap();
        assert_eq!(t.get(1, 0), 5.0);
        assert_eq!(t.row(1), &[5.0, 1.0]);
        assert_eq!(t.range(), (0.0, 5.0));
        assert_eq!(t.pair(1, 0), [1.0, 5.0, 0.0, 3.0]);
    }
}
