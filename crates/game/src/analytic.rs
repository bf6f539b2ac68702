//! Analytic anchors: when can the shadow of the future sustain cooperation?
//!
//! For a symmetric blended game with entries R', S', T', P' and a
//! continuation probability (discount factor) `delta` in [0, 1):
//!
//! - **Grim trigger** sustains mutual cooperation iff cooperating forever is
//!   worth at least defecting once and being punished by mutual defection
//!   forever: `R' / (1 - delta) >= T' + delta * P' / (1 - delta)`, that is
//!   `delta >= (T' - R') / (T' - P')`.
//! - **Tit for tat** is collectively stable (Axelrod 1984, proposition 2) iff
//!   `delta >= max((T' - R') / (T' - P'), (T' - R') / (R' - S'))`: neither
//!   always defecting nor alternating D and C beats cooperating against it.
//!
//! Both conditions have the form "`(1 - delta) * a + delta * b >= 0`" for
//! two numbers `a` (the one-round gain of cooperating over deviating, which
//! is negative when there is a temptation) and `b` (the long-run gain). This
//! module solves that inequality once, in [`sustaining_deltas`], and says
//! precisely what happens when the answer is not a threshold (see
//! [`NoThreshold`]).
//!
//! With the default two-level game the grim threshold is U-shaped in `pi`
//! for every political weight: for `w = 0` it is 0.5 at `pi = 0`, about
//! 0.461 near `pi = 0.26`, 0.5 at `pi = 0.5` and about 0.703 at `pi = 1`;
//! for `w = 1` it falls from 1 (no cooperation possible) to about 0.752
//! near `pi = 0.71` and rises to about 0.765. Moderate politicization
//! helps, securitization hurts. [`paradox_of_politicization`] finds the
//! minimum.

use crate::error::ParameterError;
use crate::matrix::PayoffMatrix;
use crate::two_level::{Orientation, Politicization, TwoLevelGame};

/// Why a game has no threshold `delta*` such that cooperation is sustained
/// exactly for `delta*` <= `delta` < 1.
#[derive(Clone, Copy, Debug, PartialEq, thiserror::Error)]
pub enum NoThreshold {
    /// No continuation probability in [0, 1) sustains cooperation: the
    /// punishment (or the alternative path) pays at least as much as mutual
    /// cooperation in the long run, and the temptation pays more at once.
    #[error("no continuation probability in [0, 1) sustains cooperation")]
    Never,
    /// Cooperation is sustained only for `from <= delta <= to`, with
    /// `to < 1`: the long run rewards deviating (for example mutual
    /// defection pays more than mutual cooperation), so a longer shadow of
    /// the future hurts instead of helping. This happens only in games that
    /// are not prisoner's dilemmas.
    #[error("cooperation is sustained only for {from} <= delta <= {to}, not by a long shadow")]
    Bounded {
        /// The smallest sustaining continuation probability.
        from: f64,
        /// The largest sustaining continuation probability.
        to: f64,
    },
}

/// A threshold as a table shows it: `0.4776` (four decimals), `never`
/// when no continuation probability sustains cooperation, `[0.20, 0.60]`
/// when only a bounded range does. The `payoffs` example and the
/// `twolevel payoffs` command print their tables with it.
#[must_use]
pub fn threshold_cell(threshold: Result<f64, NoThreshold>) -> String {
    match threshold {
        Ok(delta) => format!("{delta:.4}"),
        Err(NoThreshold::Never) => "never".to_owned(),
        Err(NoThreshold::Bounded { from, to }) => format!("[{from:.2}, {to:.2}]"),
    }
}

/// The continuation probabilities in [0, 1) that satisfy
/// `(1 - delta) * a + delta * b >= 0`, as a threshold when they form an
/// interval `[delta*, 1)`.
///
/// - `a >= 0` and `b >= 0`: every `delta` works, the threshold is 0.
/// - `a < 0 < b`: the threshold is `a / (a - b)`, strictly inside (0, 1).
/// - `a < 0` and `b <= 0`: no `delta` below 1 works ([`NoThreshold::Never`]).
/// - `a >= 0 > b`: only `delta <= a / (a - b)` works
///   ([`NoThreshold::Bounded`]).
///
/// NaN inputs (impossible for validated matrices) give `Never`.
pub fn sustaining_deltas(a: f64, b: f64) -> Result<f64, NoThreshold> {
    if a >= 0.0 && b >= 0.0 {
        Ok(0.0)
    } else if a < 0.0 && b > 0.0 {
        let threshold = a / (a - b);
        // Rounding can push the ratio to 1 when b is tiny next to |a|.
        if threshold < 1.0 {
            Ok(threshold)
        } else {
            Err(NoThreshold::Never)
        }
    } else if a >= 0.0 && b < 0.0 {
        Err(NoThreshold::Bounded {
            from: 0.0,
            to: a / (a - b),
        })
    } else {
        Err(NoThreshold::Never)
    }
}

/// The grim-trigger threshold `(T' - R') / (T' - P')` of a symmetric game.
///
/// `Ok(delta*)` means: against grim trigger, cooperating forever is worth at
/// least defecting once and then facing mutual defection forever exactly
/// when `delta* <= delta < 1`. Precisely (see [`sustaining_deltas`] with
/// `a = R' - T'`, `b = R' - P'`):
///
/// - `T' > R'` and `R' > P'` (every prisoner's dilemma):
///   `Ok((T' - R') / (T' - P'))`, strictly inside (0, 1);
/// - `T' <= R'` and `P' <= R'`: `Ok(0.0)`, cooperation is self-enforcing;
/// - `T' > R'` and `P' >= R'`: `Err(Never)`, the punishment punishes nothing;
/// - `T' <= R' < P'`: `Err(Bounded { from: 0, to: (R' - T') / (P' - T') })`.
pub fn grim_threshold(m: &PayoffMatrix) -> Result<f64, NoThreshold> {
    sustaining_deltas(m.r() - m.t(), m.r() - m.p())
}

/// The alternation threshold `(T' - R') / (R' - S')`: the smallest `delta`
/// at which cooperating with tit for tat beats exploiting it every other
/// round (D, C, D, C, ... earns T', S', T', S', ...), from
/// `R' * (1 + delta) >= T' + delta * S'`. Cases as in [`sustaining_deltas`]
/// with `a = R' - T'`, `b = 2R' - T' - S'`.
pub fn alternation_threshold(m: &PayoffMatrix) -> Result<f64, NoThreshold> {
    sustaining_deltas(m.r() - m.t(), 2.0 * m.r() - m.t() - m.s())
}

/// Axelrod's (1984) condition for tit for tat to be collectively stable:
/// `delta >= max((T' - R') / (T' - P'), (T' - R') / (R' - S'))`, the larger of
/// [`grim_threshold`] (always defecting against tit for tat earns T' then P'
/// forever, exactly like defecting against grim trigger) and
/// [`alternation_threshold`].
///
/// Axelrod proves that these two deviations are the only ones to check in a
/// prisoner's dilemma. When either condition has no threshold, the sets of
/// sustaining `delta` are intersected: an empty intersection is
/// [`NoThreshold::Never`], a bounded one [`NoThreshold::Bounded`].
pub fn tft_threshold(m: &PayoffMatrix) -> Result<f64, NoThreshold> {
    let [grim, alternation] = [grim_threshold(m), alternation_threshold(m)].map(DeltaSet::from);
    grim.intersect(alternation).into()
}

/// A set of continuation probabilities `[from, to]`, or `[from, 1)` when
/// `to` is `None`; empty when `from > to`.
#[derive(Clone, Copy, Debug)]
struct DeltaSet {
    from: f64,
    to: Option<f64>,
}

impl DeltaSet {
    const EMPTY: DeltaSet = DeltaSet {
        from: 1.0,
        to: Some(0.0),
    };

    fn intersect(self, other: DeltaSet) -> DeltaSet {
        let to = match (self.to, other.to) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        DeltaSet {
            from: self.from.max(other.from),
            to,
        }
    }
}

impl From<Result<f64, NoThreshold>> for DeltaSet {
    fn from(result: Result<f64, NoThreshold>) -> Self {
        match result {
            Ok(from) => DeltaSet { from, to: None },
            Err(NoThreshold::Never) => DeltaSet::EMPTY,
            Err(NoThreshold::Bounded { from, to }) => DeltaSet { from, to: Some(to) },
        }
    }
}

impl From<DeltaSet> for Result<f64, NoThreshold> {
    fn from(set: DeltaSet) -> Self {
        match set.to {
            None if set.from < 1.0 => Ok(set.from),
            Some(to) if set.from <= to => Err(NoThreshold::Bounded { from: set.from, to }),
            _ => Err(NoThreshold::Never),
        }
    }
}

/// Checks that `delta` is a continuation probability in [0, 1).
fn check_delta(delta: f64) -> Result<f64, ParameterError> {
    if (0.0..1.0).contains(&delta) {
        Ok(delta)
    } else {
        Err(ParameterError::new(
            "delta",
            format!("expected a continuation probability in [0, 1), got {delta}"),
        ))
    }
}

/// The discounted value `sum_t delta^t * x_t` of a path of per-round
/// payoffs that plays `prefix` and then earns `tail` in every round forever:
///
/// ```text
/// sum_{t < n} delta^t * prefix[t]  +  delta^n * tail / (1 - delta)
/// ```
///
/// `delta` must lie in [0, 1) (the field `delta` of the error otherwise).
/// Used to check the thresholds against first principles.
pub fn discounted_value(prefix: &[f64], tail: f64, delta: f64) -> Result<f64, ParameterError> {
    let delta = check_delta(delta)?;
    let (head, weight) = prefix.iter().fold((0.0, 1.0), |(sum, weight), &x| {
        (sum + weight * x, weight * delta)
    });
    Ok(head + weight * tail / (1.0 - delta))
}

/// The discounted value `sum_t delta^t * x_t` of a path that repeats
/// `cycle` forever: `sum_{k < n} delta^k * cycle[k] / (1 - delta^n)`.
///
/// `delta` must lie in [0, 1) and the cycle must not be empty (the error
/// names `delta` or `cycle`).
pub fn periodic_value(cycle: &[f64], delta: f64) -> Result<f64, ParameterError> {
    let delta = check_delta(delta)?;
    if cycle.is_empty() {
        return Err(ParameterError::new(
            "cycle",
            "expected at least one payoff in the repeated cycle",
        ));
    }
    let (sum, weight) = cycle.iter().fold((0.0, 1.0), |(sum, weight), &x| {
        (sum + weight * x, weight * delta)
    });
    Ok(sum / (1.0 - weight))
}

/// The discounted values, against tit for tat, of cooperating forever
/// (`R'` every round), of always defecting (`T'`, then `P'` forever) and of
/// alternating D and C (`T', S', T', S', ...`), in that order. Tit for tat
/// is collectively stable exactly when the first is at least the other two
/// (Axelrod 1984); [`tft_threshold`] solves that for `delta`.
pub fn tft_paths(m: &PayoffMatrix, delta: f64) -> Result<[f64; 3], ParameterError> {
    let [cooperate, always_defect] = grim_paths(m, delta)?;
    Ok([
        cooperate,
        always_defect,
        periodic_value(&[m.t(), m.s()], delta)?,
    ])
}

/// The discounted values, against grim trigger, of cooperating forever
/// (`R'` every round) and of defecting once and then being punished by
/// mutual defection forever (`T'`, then `P'` every round), in that order.
pub fn grim_paths(m: &PayoffMatrix, delta: f64) -> Result<[f64; 2], ParameterError> {
    Ok([
        discounted_value(&[], m.r(), delta)?,
        discounted_value(&[m.t()], m.p(), delta)?,
    ])
}

/// Which analytic anchor to evaluate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Anchor {
    /// [`grim_threshold`].
    GrimTrigger,
    /// [`tft_threshold`].
    TitForTat,
}

impl Anchor {
    /// The anchor's threshold for a matrix.
    pub fn threshold(self, m: &PayoffMatrix) -> Result<f64, NoThreshold> {
        match self {
            Anchor::GrimTrigger => grim_threshold(m),
            Anchor::TitForTat => tft_threshold(m),
        }
    }
}

impl TwoLevelGame {
    /// The threshold of `anchor` for the blended matrix of a player with
    /// `orientation` at politicization `pi`.
    ///
    /// For an asymmetric game the blended matrix is the row state's, so this
    /// is the row state's incentive only; evaluate the column state's matrix
    /// (from [`TwoLevelGame::stage_table`]) for the other side.
    pub fn threshold_at(
        &self,
        anchor: Anchor,
        orientation: Orientation,
        pi: Politicization,
    ) -> Result<f64, NoThreshold> {
        anchor.threshold(&self.blended_matrix(orientation, pi))
    }

    /// [`grim_threshold`] of the blended matrix at `orientation` and `pi`.
    pub fn grim_threshold_at(
        &self,
        orientation: Orientation,
        pi: Politicization,
    ) -> Result<f64, NoThreshold> {
        self.threshold_at(Anchor::GrimTrigger, orientation, pi)
    }

    /// [`tft_threshold`] of the blended matrix at `orientation` and `pi`.
    pub fn tft_threshold_at(
        &self,
        orientation: Orientation,
        pi: Politicization,
    ) -> Result<f64, NoThreshold> {
        self.threshold_at(Anchor::TitForTat, orientation, pi)
    }
}

/// Where a threshold is smallest as politicization varies, and how it
/// compares with the two ends of the scale.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PoliticizationParadox {
    /// The politicization that minimises the threshold.
    pub pi_min: f64,
    /// The threshold at `pi_min`.
    pub threshold_min: f64,
    /// The threshold without politicization (`pi = 0`).
    pub threshold_at_0: f64,
    /// The threshold under full securitization (`pi = 1`).
    pub threshold_at_1: f64,
}

impl PoliticizationParadox {
    /// Returns `true` when the minimum lies strictly inside (0, 1) and is
    /// strictly below both ends: some politicization lowers the bar for
    /// cooperation, full securitization raises it again.
    #[must_use]
    pub fn is_paradox(&self) -> bool {
        self.pi_min > 0.0
            && self.pi_min < 1.0
            && self.threshold_min < self.threshold_at_0
            && self.threshold_min < self.threshold_at_1
    }
}

/// A threshold that is undefined at some politicization.
#[derive(Clone, Copy, Debug, PartialEq, thiserror::Error)]
#[error("no threshold at pi = {pi}: {reason}")]
pub struct ParadoxError {
    /// The politicization at which the threshold is undefined.
    pub pi: f64,
    /// Why.
    pub reason: NoThreshold,
}

/// Grid points used by [`paradox_of_politicization`] before refinement.
const PARADOX_GRID: u32 = 1000;
/// The width below which golden-section refinement stops.
const PARADOX_TOLERANCE: f64 = 1e-12;

/// The paradox of politicization for the grim trigger: where in [0, 1] the
/// grim threshold of `game` for a player of `orientation` is smallest.
///
/// See [`paradox_of_politicization_with`].
pub fn paradox_of_politicization(
    game: &TwoLevelGame,
    orientation: Orientation,
) -> Result<PoliticizationParadox, ParadoxError> {
    paradox_of_politicization_with(game, orientation, Anchor::GrimTrigger)
}

/// Where in [0, 1] the threshold of `anchor` is smallest, by a grid of 1001
/// levels of politicization followed by golden-section refinement between
/// the grid neighbours of the best grid point.
///
/// The refinement assumes the threshold is unimodal between those two
/// neighbours, which holds for the smooth thresholds of the model.
///
/// Where no continuation probability below 1 sustains cooperation
/// ([`NoThreshold::Never`], for example a pure politician in a
/// non-politicized issue, who plays a zero-sum game) the curve counts the
/// threshold as 1, its ceiling. An error names the first politicization at
/// which the threshold is undefined otherwise (a bounded set of
/// sustaining deltas), or `pi = 0` when it is `Never` at every level.
pub fn paradox_of_politicization_with(
    game: &TwoLevelGame,
    orientation: Orientation,
    anchor: Anchor,
) -> Result<PoliticizationParadox, ParadoxError> {
    let threshold = |pi: f64| {
        let level = Politicization::clamped(pi);
        match game.threshold_at(anchor, orientation, level) {
            Ok(delta) => Ok(delta),
            // No continuation probability below 1 sustains cooperation: the
            // curve is at its ceiling.
            Err(NoThreshold::Never) => Ok(1.0),
            Err(reason) => Err(ParadoxError {
                pi: level.value(),
                reason,
            }),
        }
    };
    let grid = |k: u32| f64::from(k) / f64::from(PARADOX_GRID);

    let defined = (0..=PARADOX_GRID).any(|k| {
        let level = Politicization::clamped(grid(k));
        game.threshold_at(anchor, orientation, level).is_ok()
    });
    if !defined {
        return Err(ParadoxError {
            pi: 0.0,
            reason: NoThreshold::Never,
        });
    }
    let mut best = (0, threshold(0.0)?);
    for k in 1..=PARADOX_GRID {
        let value = threshold(grid(k))?;
        if value < best.1 {
            best = (k, value);
        }
    }
    let lo = grid(best.0.saturating_sub(1));
    let hi = grid((best.0 + 1).min(PARADOX_GRID));
    let (pi_refined, value_refined) = golden_section_minimum(lo, hi, threshold)?;
    let (pi_min, threshold_min) = if value_refined < best.1 {
        (pi_refined, value_refined)
    } else {
        (grid(best.0), best.1)
    };
    Ok(PoliticizationParadox {
        pi_min,
        threshold_min,
        threshold_at_0: threshold(0.0)?,
        threshold_at_1: threshold(1.0)?,
    })
}

/// Golden-section search for the minimum of a unimodal `f` on `[lo, hi]`,
/// down to [`PARADOX_TOLERANCE`]. Returns the best point and its value.
fn golden_section_minimum<E>(
    mut lo: f64,
    mut hi: f64,
    f: impl Fn(f64) -> Result<f64, E>,
) -> Result<(f64, f64), E> {
    let ratio = (5.0_f64.sqrt() - 1.0) / 2.0;
    let mut x1 = hi - ratio * (hi - lo);
    let mut x2 = lo + ratio * (hi - lo);
    let (mut f1, mut f2) = (f(x1)?, f(x2)?);
    while hi - lo > PARADOX_TOLERANCE {
        if f1 <= f2 {
            hi = x2;
            (x2, f2) = (x1, f1);
            x1 = hi - ratio * (hi - lo);
            f1 = f(x1)?;
        } else {
            lo = x1;
            (x1, f1) = (x2, f2);
            x2 = lo + ratio * (hi - lo);
            f2 = f(x2)?;
        }
    }
    Ok(if f1 <= f2 { (x1, f1) } else { (x2, f2) })
}

/// The grim-trigger threshold when the punisher also imposes a sanction
/// `s` in every punishment round (`docs/model.md` section 14): the deviator
/// earns `T'` once and then `P' - s` forever, so cooperation is sustained
/// iff `R' / (1 - delta) >= T' + delta (P' - s) / (1 - delta)`, that is
/// `delta >= (T' - R') / (T' - P' + s)`. Cases as in [`sustaining_deltas`]
/// with `a = R' - T'`, `b = R' - P' + s`; with `s = 0` this is
/// [`grim_threshold`] bit for bit.
pub fn grim_threshold_with_sanction(m: &PayoffMatrix, sanction: f64) -> Result<f64, NoThreshold> {
    if sanction == 0.0 {
        return grim_threshold(m);
    }
    sustaining_deltas(m.r() - m.t(), m.r() - m.p() + sanction)
}

/// The grim-trigger thresholds of the payer and of the receiver of a
/// carrot `transfer` paid from one state to the other in each round of
/// mutual cooperation, of which the receiver gains `leakage * transfer`
/// (`docs/model.md` section 14), in that order: the payer's mutual
/// cooperation pays `R' - t`, the receiver's `R' + eta t`, so
///
/// ```text
/// payer:    delta >= (T' - R' + t) / (T' - P')
/// receiver: delta >= (T' - R' - eta t) / (T' - P')
/// ```
///
/// In a game with `T' > P'` a ratio at or below 0 is `Ok(0.0)` and one at
/// or above 1 is [`NoThreshold::Never`] (no discount factor sustains
/// cooperation): the thresholds clamped to [0, 1]. Other cases as in
/// [`sustaining_deltas`]; with `t = 0` both are [`grim_threshold`] bit for
/// bit.
pub fn carrot_thresholds(
    m: &PayoffMatrix,
    transfer: f64,
    leakage: f64,
) -> [Result<f64, NoThreshold>; 2] {
    if transfer == 0.0 {
        return [grim_threshold(m), grim_threshold(m)];
    }
    let payer = m.r() - transfer;
    let receiver = m.r() + leakage * transfer;
    [payer, receiver].map(|r| sustaining_deltas(r - m.t(), r - m.p()))
}

/// The discounted values, against grim trigger with a sanction `s` in
/// every punishment round, of cooperating forever (`R'` every round) and
/// of defecting once and then being punished (`T'`, then `P' - s` every
/// round), in that order.
pub fn sanctioned_grim_paths(
    m: &PayoffMatrix,
    sanction: f64,
    delta: f64,
) -> Result<[f64; 2], ParameterError> {
    Ok([
        discounted_value(&[], m.r(), delta)?,
        discounted_value(&[m.t()], m.p() - sanction, delta)?,
    ])
}

/// The grim-trigger thresholds of the payer and of the receiver of a
/// carrot paid in play (`docs/model.md` section 14, the match engine's
/// instruments): the payer pays `transfer` after each round in which the
/// receiver cooperated, the receiver gains `leakage * transfer` in the
/// next round, and nothing is paid after a defection. Payer first.
///
/// Unlike [`carrot_thresholds`], which counts the carrot in the round of
/// mutual cooperation itself, the carrot here lands a round later:
///
/// - The receiver cooperating earns `R'`, then `R' + eta t` forever;
///   deviating earns `T'` once and `P'` forever (no carrot follows a
///   defection), so cooperation is sustained iff
///   `delta >= (T' - R') / (T' - P' + eta t)`, the sanction threshold
///   [`grim_threshold_with_sanction`] with `s = eta t`.
/// - The payer cooperating earns `R'`, then `R' - t` forever; deviating
///   earns `T'`, then `P' - t` once (it still pays for the receiver's
///   cooperation in the round of the deviation), then `P'` forever. In
///   discounted sums the condition is
///   `(R' - T') + delta (T' - P') - delta^2 t >= 0`, a quadratic: the
///   threshold is its smaller root
///   `2 (T' - R') / ((T' - P') + sqrt((T' - P')^2 - 4 t (T' - R')))`,
///   when `R' - P' - t >= 0` (paying the carrot forever still beats
///   mutual defection in the long run). Otherwise cooperation is sustained
///   only between the two roots ([`NoThreshold::Bounded`]), or never
///   ([`NoThreshold::Never`], when the roots are not real or not below 1).
///
/// `transfer` is a carrot's transfer (at least 0, as a
/// [`Carrot`](crate::Carrot) is validated); a negative or NaN one gives
/// [`NoThreshold::Never`] for the payer. With `t = 0` both are
/// [`grim_threshold`] bit for bit.
pub fn carrot_thresholds_in_play(
    m: &PayoffMatrix,
    transfer: f64,
    leakage: f64,
) -> [Result<f64, NoThreshold>; 2] {
    if transfer == 0.0 {
        return [grim_threshold(m), grim_threshold(m)];
    }
    let receiver = grim_threshold_with_sanction(m, leakage * transfer);
    [carrot_payer_in_play(m, transfer), receiver]
}

/// The payer's side of [`carrot_thresholds_in_play`]: the continuation
/// probabilities in [0, 1) with `a + b delta - c delta^2 >= 0`, for
/// `a = R' - T'`, `b = T' - P'` and `c = transfer > 0`.
fn carrot_payer_in_play(m: &PayoffMatrix, transfer: f64) -> Result<f64, NoThreshold> {
    if transfer.is_nan() || transfer < 0.0 {
        return Err(NoThreshold::Never);
    }
    let (a, b, c) = (m.r() - m.t(), m.t() - m.p(), transfer);
    // The long run at delta -> 1: paying the carrot forever against
    // mutual defection.
    let at_one = a + b - c;
    let discriminant = b * b + 4.0 * a * c;
    if discriminant < 0.0 {
        return Err(NoThreshold::Never);
    }
    let root = discriminant.sqrt();
    let upper = (b + root) / (2.0 * c);
    if a >= 0.0 {
        // No temptation: every delta up to the upper root works.
        return if at_one >= 0.0 {
            Ok(0.0)
        } else {
            Err(NoThreshold::Bounded {
                from: 0.0,
                to: upper,
            })
        };
    }
    if b <= 0.0 {
        return Err(NoThreshold::Never);
    }
    // The smaller root, written without cancellation.
    let lower = -2.0 * a / (b + root);
    if lower >= 1.0 {
        Err(NoThreshold::Never)
    } else if at_one >= 0.0 {
        Ok(lower)
    } else {
        Err(NoThreshold::Bounded {
            from: lower,
            to: upper,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pi(value: f64) -> Politicization {
        Politicization::new(value).unwrap()
    }

    /// The default game of the model's first version: no accountability,
    /// no securitization (alpha = gamma = 0).
    fn first_version() -> TwoLevelGame {
        TwoLevelGame::default()
            .with_accountability(0.0, 0.0)
            .unwrap()
    }

    fn matrix(r: f64, s: f64, t: f64, p: f64) -> PayoffMatrix {
        PayoffMatrix::new(r, s, t, p).unwrap()
    }

    #[test]
    fn axelrod_thresholds() {
        let m = PayoffMatrix::AXELROD;
        assert_eq!(grim_threshold(&m), Ok(0.5));
        assert_eq!(alternation_threshold(&m), Ok(2.0 / 3.0));
        assert_eq!(tft_threshold(&m), Ok(2.0 / 3.0));
    }

    #[test]
    fn thresholds_outside_the_dilemma() {
        // No temptation: cooperation enforces itself.
        assert_eq!(grim_threshold(&matrix(5.0, 0.0, 4.0, 1.0)), Ok(0.0));
        // Mutual defection pays as much as cooperation: no threat.
        assert_eq!(
            grim_threshold(&matrix(1.0, 0.0, 5.0, 1.0)),
            Err(NoThreshold::Never)
        );
        // Defection pays more in the long run: only short shadows work.
        // R - T = 1, R - P = -1, so delta <= 1 / 2.
        assert_eq!(
            grim_threshold(&matrix(3.0, 0.0, 2.0, 4.0)),
            Err(NoThreshold::Bounded { from: 0.0, to: 0.5 })
        );
        // Alternation pays better than cooperating (2R < T + S), so tit for
        // tat is never stable although grim trigger is.
        let m = matrix(3.0, 0.0, 7.0, 1.0);
        assert_eq!(grim_threshold(&m), Ok(4.0 / 6.0));
        assert_eq!(tft_threshold(&m), Err(NoThreshold::Never));
    }

    #[test]
    fn discounted_values_worked_numbers() {
        // 5 + 0.5 * 1 / (1 - 0.5) = 6, and 3 / (1 - 0.5) = 6: the boundary.
        let [cooperate, deviate] = grim_paths(&PayoffMatrix::AXELROD, 0.5).unwrap();
        assert!((cooperate - 6.0).abs() < 1e-12);
        assert!((deviate - 6.0).abs() < 1e-12);
        // 1 + 0.5 * 2 + 0.25 * 4 / 0.5 = 4.
        assert!((discounted_value(&[1.0, 2.0], 4.0, 0.5).unwrap() - 4.0).abs() < 1e-12);
        assert_eq!(discounted_value(&[], 1.0, 1.0).unwrap_err().field, "delta");
        // Alternating 5 and 0 at delta = 0.5: 5 / (1 - 0.25) = 20 / 3.
        let value = periodic_value(&[5.0, 0.0], 0.5).unwrap();
        assert!((value - 20.0 / 3.0).abs() < 1e-12);
        assert_eq!(periodic_value(&[], 0.5).unwrap_err().field, "cycle");
        // At Axelrod's TFT threshold 2/3 alternation ties with cooperation:
        // 3 / (1/3) = 9 and (5 + 0) / (1 - 4/9) = 9.
        let [cooperate, _, alternate] = tft_paths(&PayoffMatrix::AXELROD, 2.0 / 3.0).unwrap();
        assert!((cooperate - 9.0).abs() < 1e-9 && (alternate - 9.0).abs() < 1e-9);
        assert!(discounted_value(&[], 1.0, f64::NAN).is_err());
    }

    #[test]
    fn first_version_game_grim_thresholds_follow_the_u() {
        let game = first_version();
        let at = |p: f64| game.grim_threshold_at(Orientation::POLICY, pi(p)).unwrap();
        assert!((at(0.0) - 0.5).abs() < 1e-12);
        // pi = 0.25: R' = 2.4, T' = 4.6, P' = 0 -> 2.2 / 4.6.
        assert!((at(0.25) - 2.2 / 4.6).abs() < 1e-12);
        // pi = 0.5: R' = 1.8, T' = 4.4, P' = -0.6 -> 2.6 / 5.
        assert!((at(0.5) - 0.52).abs() < 1e-12);
        // pi = 1: R' = 0.6, T' = 4.6, P' = -0.6 -> 4 / 5.2.
        assert!((at(1.0) - 4.0 / 5.2).abs() < 1e-12);
        // tit for tat at pi = 1: max(4 / 5.2, 4 / (0.6 + 4.4)) = 0.8.
        let tft = game.tft_threshold_at(Orientation::POLICY, pi(1.0)).unwrap();
        assert!((tft - 0.8).abs() < 1e-12);
    }

    #[test]
    fn first_version_paradox_of_politicization_() {
        let game = first_version();
        let paradox = paradox_of_politicization(&game, Orientation::POLICY).unwrap();
        assert!(paradox.is_paradox(), "{paradox:?}");
        // The minimum found independently with a 100 001-point grid in
        // Python: pi ~= 0.19789, threshold ~= 0.4768660.
        assert!((paradox.pi_min - 0.19789).abs() < 1e-4, "{paradox:?}");
        assert!(
            (paradox.threshold_min - 0.476_866).abs() < 1e-6,
            "{paradox:?}"
        );
        assert!((paradox.threshold_at_0 - 0.5).abs() < 1e-12);
        assert!((paradox.threshold_at_1 - 4.0 / 5.2).abs() < 1e-12);

        // Decreasing before the minimum, increasing after it.
        let at = |p: f64| game.grim_threshold_at(Orientation::POLICY, pi(p)).unwrap();
        let steps = 50;
        let before: Vec<f64> = (0..=steps)
            .map(|k| paradox.pi_min * f64::from(k) / f64::from(steps))
            .map(at)
            .collect();
        assert!(before.windows(2).all(|w| w[1] < w[0]));
        let after: Vec<f64> = (0..=steps)
            .map(|k| paradox.pi_min + (1.0 - paradox.pi_min) * f64::from(k) / f64::from(steps))
            .map(at)
            .collect();
        assert!(after.windows(2).all(|w| w[1] > w[0]));
    }

    #[test]
    fn first_version_tit_for_tat_paradox_() {
        let game = first_version();
        let paradox =
            paradox_of_politicization_with(&game, Orientation::POLICY, Anchor::TitForTat).unwrap();
        assert!(paradox.is_paradox(), "{paradox:?}");
        assert!((paradox.pi_min - 0.33114).abs() < 1e-4, "{paradox:?}");
        assert!((paradox.threshold_at_0 - 2.0 / 3.0).abs() < 1e-12);
        assert!((paradox.threshold_at_1 - 0.8).abs() < 1e-12);
    }

    #[test]
    fn the_default_game_is_u_shaped_for_every_political_weight() {
        // Reference values from an independent Python evaluation of the
        // formulas of `docs/model.md` section 1 on a 1001-point grid (alpha = 1,
        // gamma = 2, theta = 4, beta = 0.8): the threshold at pi = 0, the
        // grid minimum and where it lies, and the threshold at pi = 1.
        let game = TwoLevelGame::default();
        let cases = [
            (0.0, 0.5, 0.461_033, 0.262, 0.702_703),
            (0.5, 0.777_778, 0.649_222, 0.44, 0.735_849),
            (0.8, 0.916_667, 0.720_141, 0.584, 0.753_623),
            (1.0, 1.0, 0.752_201, 0.707, 0.764_706),
        ];
        for (w, at_0, min, pi_min, at_1) in cases {
            let orientation = Orientation::new(w).unwrap();
            let paradox = paradox_of_politicization(&game, orientation).unwrap();
            assert!(paradox.is_paradox(), "w = {w}: {paradox:?}");
            assert!(
                (paradox.threshold_at_0 - at_0).abs() < 1e-6,
                "w = {w}: {paradox:?}"
            );
            assert!(
                (paradox.threshold_at_1 - at_1).abs() < 1e-6,
                "w = {w}: {paradox:?}"
            );
            // The refined minimum lies at or below the grid minimum, close to it.
            assert!(paradox.threshold_min <= min + 1e-6, "w = {w}: {paradox:?}");
            assert!(paradox.threshold_min > min - 1e-4, "w = {w}: {paradox:?}");
            assert!(
                (paradox.pi_min - pi_min).abs() < 2e-3,
                "w = {w}: {paradox:?}"
            );
        }
        // A pure politician at pi = 0 plays a zero-sum game: no shadow of
        // the future sustains cooperation, which the curve counts as 1.
        let politician = game.grim_threshold_at(Orientation::POLITICAL, pi(0.0));
        assert_eq!(politician, Err(NoThreshold::Never));
    }

    #[test]
    fn without_accountability_a_pure_politician_never_cooperates() {
        // alpha = gamma = 0: the threat cost cancels in the relative gains,
        // so a w = 1 player faces the zero-sum game at every pi.
        let game = first_version();
        for p in [0.0, 0.3, 0.7, 1.0] {
            assert_eq!(
                game.grim_threshold_at(Orientation::POLITICAL, pi(p)),
                Err(NoThreshold::Never),
                "pi = {p}"
            );
        }
    }

    #[test]
    fn the_classic_game_has_no_paradox() {
        // Without threat cost or brake, pi changes nothing at w = 0.
        let game = TwoLevelGame::classic(PayoffMatrix::AXELROD);
        let paradox = paradox_of_politicization(&game, Orientation::POLICY).unwrap();
        assert!(!paradox.is_paradox());
        assert_eq!(paradox.threshold_min, 0.5);
    }

    #[test]
    fn undefined_thresholds_name_the_politicization() {
        // A policy game where mutual defection pays as much as cooperation.
        let flat = matrix(1.0, 0.0, 5.0, 1.0);
        let game = TwoLevelGame::classic(flat);
        let err = paradox_of_politicization(&game, Orientation::POLICY).unwrap_err();
        assert_eq!(err.pi, 0.0);
        assert_eq!(err.reason, NoThreshold::Never);
    }

    /// The discounted values of cooperating and of deviating against a grim
    /// partner when a carrot is paid in play, for the payer and the
    /// receiver: `[[payer cooperates, payer deviates], [receiver
    /// cooperates, receiver deviates]]`.
    fn carrot_in_play_paths(m: &PayoffMatrix, t: f64, eta: f64, delta: f64) -> [[f64; 2]; 2] {
        let value = |prefix: &[f64], tail| discounted_value(prefix, tail, delta).unwrap();
        [
            [
                value(&[m.r()], m.r() - t),
                value(&[m.t(), m.p() - t], m.p()),
            ],
            [value(&[m.r()], m.r() + eta * t), value(&[m.t()], m.p())],
        ]
    }

    #[test]
    fn carrots_paid_in_play_agree_with_discounted_sums() {
        let m = PayoffMatrix::AXELROD;
        let (t, eta) = (0.5, 0.8);
        let [payer, receiver] = carrot_thresholds_in_play(&m, t, eta);
        // Receiver: (5 - 3) / (5 - 1 + 0.4).
        let receiver = receiver.unwrap();
        assert!((receiver - 2.0 / 4.4).abs() < 1e-15);
        // Payer: 2 * 2 / (4 + sqrt(16 - 4 * 0.5 * 2)).
        let payer = payer.unwrap();
        assert!((payer - 4.0 / (4.0 + 12.0_f64.sqrt())).abs() < 1e-15);
        // The carrot after cooperation helps the receiver and hurts the
        // payer, each less than the same-round anchor says.
        let [same_payer, same_receiver] = carrot_thresholds(&m, t, eta);
        assert!(receiver < 0.5 && receiver > same_receiver.unwrap());
        assert!(payer > 0.5 && payer < same_payer.unwrap());
        // At each threshold the two paths tie; just above cooperation pays
        // more, just below deviating does.
        for (k, threshold) in [payer, receiver].into_iter().enumerate() {
            let [cooperate, deviate] = carrot_in_play_paths(&m, t, eta, threshold)[k];
            assert!((cooperate - deviate).abs() < 1e-9, "{k}");
            let [cooperate, deviate] = carrot_in_play_paths(&m, t, eta, threshold + 1e-3)[k];
            assert!(cooperate > deviate, "{k}");
            let [cooperate, deviate] = carrot_in_play_paths(&m, t, eta, threshold - 1e-3)[k];
            assert!(cooperate < deviate, "{k}");
        }
        // No carrot: grim trigger, bit for bit.
        assert_eq!(carrot_thresholds_in_play(&m, 0.0, eta), [Ok(0.5), Ok(0.5)]);
        // A carrot the long run cannot carry (R - P - t < 0, no real
        // root): the payer never cooperates, the receiver does.
        let [payer, receiver] = carrot_thresholds_in_play(&m, 2.5, eta);
        assert_eq!(payer, Err(NoThreshold::Never));
        assert!(receiver.is_ok());
        assert_eq!(
            carrot_thresholds_in_play(&m, -1.0, eta)[0],
            Err(NoThreshold::Never)
        );
    }

    #[test]
    fn a_payer_in_play_can_be_held_only_by_a_middling_shadow() {
        // R - T = -2, T - P = 10, t = 9: roots 4 / (10 + sqrt 28) and
        // (10 + sqrt 28) / 18; R - P - t = -1 < 0.
        let m = matrix(3.0, -6.0, 5.0, -5.0);
        let root = 28.0_f64.sqrt();
        let [payer, _] = carrot_thresholds_in_play(&m, 9.0, 1.0);
        let Err(NoThreshold::Bounded { from, to }) = payer else {
            panic!("expected a bounded set, got {payer:?}");
        };
        assert!((from - 4.0 / (10.0 + root)).abs() < 1e-15);
        assert!((to - (10.0 + root) / 18.0).abs() < 1e-15);
        let gain = |delta| {
            let [cooperate, deviate] = carrot_in_play_paths(&m, 9.0, 1.0, delta)[0];
            cooperate - deviate
        };
        assert!(gain(from - 1e-3) < 0.0 && gain(0.5) > 0.0 && gain(to + 1e-3) < 0.0);
        assert!(gain(from).abs() < 1e-9 && gain(to).abs() < 1e-9);
    }
}
