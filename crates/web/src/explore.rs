//! The explorer's view of a slider state: the blended matrices, the
//! grim-trigger threshold and its U-shaped curve against `pi`
//! (docs/model.md, sections 1.3, 6.1 and 7), and which lever lowers the
//! threshold most ("how best to drive cooperation").

use serde::Serialize;
use twolevel_game::{
    Action, Currency, NoThreshold, Orientation, Politicization, TwoLevelGame,
    paradox_of_politicization, threshold_cell,
};

use crate::sliders::{Sliders, WebError};

/// The number of intervals of the threshold curve: `pi = 0, 0.01, .., 1`.
pub const CURVE_STEPS: u32 = 100;

/// One currency's 2x2 stage game at the sliders' point.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CurrencyMatrix {
    /// The currency: `policy`, `political` or `utility` (the blend with
    /// weight `w_eff`, each player's own yardstick).
    pub currency: &'static str,
    /// `cells[own][partner]` is `[own payoff, partner's payoff]`, with
    /// index 0 for C and 1 for D.
    pub cells: [[[f64; 2]; 2]; 2],
}

/// How far moving one slider by a tenth of its range, in the better
/// direction, moves the grim threshold.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LeverEffect {
    /// The slider: `w`, `pi`, `alpha`, `gamma` or `theta`.
    pub lever: &'static str,
    /// What the lever is in the article's words.
    pub label: &'static str,
    /// The slider's value now.
    pub from: f64,
    /// The value tried, a tenth of the range up or down (clamped to the
    /// range); equal to `from` when neither direction lowers the threshold.
    pub to: f64,
    /// The grim threshold at `to` (1 where no continuation probability
    /// sustains cooperation, as on the curve).
    pub threshold: f64,
    /// `threshold` minus the threshold now: negative when the move helps.
    pub change: f64,
}

/// Everything the explorer shows for a slider state.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Explorer {
    /// The sliders, as validated.
    pub sliders: Sliders,
    /// The effective political weight `w_eff = w + (1 - w) beta pi`.
    pub w_eff: f64,
    /// The stage game in the policy, political and utility currencies.
    pub matrices: Vec<CurrencyMatrix>,
    /// The grim-trigger threshold of the blended (utility) matrix,
    /// `(T' - R') / (T' - P')`, when there is one.
    pub threshold: Option<f64>,
    /// The threshold as the CLI's tables print it (`0.4776`, `never`, or
    /// a bounded range).
    pub threshold_text: String,
    /// The players' continuation probability `delta_t` (docs/model.md,
    /// section 5.1): `delta`, or `1 - 1/T` for `T` turns.
    pub delta: f64,
    /// Whether `delta` clears the threshold: grim trigger sustains
    /// cooperation.
    pub sustained: bool,
    /// The curve `[pi, threshold]` for `pi = 0, 0.01, .., 1`, with the
    /// threshold 1 where no continuation probability sustains cooperation
    /// and `null` where only a bounded range does.
    pub curve: Vec<(f64, Option<f64>)>,
    /// Where the curve is lowest (the paradox of politicization), when it
    /// is defined.
    pub minimum: Option<(f64, f64)>,
    /// Whether the minimum lies strictly inside (0, 1), below both ends.
    pub is_paradox: bool,
    /// Each lever's effect, the most helpful first.
    pub levers: Vec<LeverEffect>,
    /// The answer to "how best to drive cooperation" at this point, in
    /// words.
    pub advice: String,
}

/// The sliders, their ranges on the page and their names in the
/// article's words.
pub const LEVERS: [(&str, f64, f64, &str); 5] = [
    (
        "w",
        0.0,
        1.0,
        "political weight w (bureaucrat 0, politician 1)",
    ),
    ("pi", 0.0, 1.0, "politicization pi"),
    ("alpha", 0.0, 2.0, "domestic accountability alpha"),
    ("gamma", 0.0, 4.0, "securitization gamma"),
    ("theta", 0.0, 10.0, "threat cost theta (the accelerator)"),
];

/// The grim threshold of `game` at orientation `w` and level `pi`, as a
/// point of the curve: 1 where no continuation probability below 1
/// sustains cooperation (as [`paradox_of_politicization`] counts it),
/// `None` where only a bounded range does.
#[must_use]
pub fn curve_point(game: &TwoLevelGame, orientation: Orientation, pi: f64) -> Option<f64> {
    match game.grim_threshold_at(orientation, Politicization::clamped(pi)) {
        Ok(delta) => Some(delta),
        Err(NoThreshold::Never) => Some(1.0),
        Err(NoThreshold::Bounded { .. }) => None,
    }
}

/// The explorer's view of `sliders`, every number from the library.
pub fn explore(sliders: &Sliders) -> Result<Explorer, WebError> {
    let (game, orientation, pi, horizon) = sliders.check()?;
    let table = game.stage_table(pi, [orientation; 2]);
    let actions = [Action::C, Action::D];
    let matrices = Currency::ALL
        .into_iter()
        .map(|currency| {
            let cells = actions.map(|own| {
                actions.map(|partner| {
                    table
                        .get(own, partner)
                        .map(|payoff| payoff.in_currency(currency))
                })
            });
            CurrencyMatrix {
                currency: currency.label(),
                cells,
            }
        })
        .collect();
    let threshold = game.grim_threshold_at(orientation, pi);
    let delta = horizon.continuation_probability();
    let curve = (0..=CURVE_STEPS)
        .map(|k| {
            let level = f64::from(k) / f64::from(CURVE_STEPS);
            (level, curve_point(&game, orientation, level))
        })
        .collect();
    let paradox = paradox_of_politicization(&game, orientation).ok();
    let levers = lever_effects(sliders);
    let advice = advice(threshold, delta, &levers);
    Ok(Explorer {
        sliders: *sliders,
        w_eff: game.effective_weight(orientation, pi),
        matrices,
        threshold: threshold.ok(),
        threshold_text: threshold_cell(threshold),
        delta,
        sustained: threshold.is_ok_and(|t| delta >= t),
        curve,
        minimum: paradox.map(|p| (p.pi_min, p.threshold_min)),
        is_paradox: paradox.is_some_and(|p| p.is_paradox()),
        levers,
        advice,
    })
}

/// The slider `lever` of `sliders`, mutably.
fn slider<'s>(sliders: &'s mut Sliders, lever: &str) -> Option<&'s mut f64> {
    match lever {
        "w" => Some(&mut sliders.w),
        "pi" => Some(&mut sliders.pi),
        "alpha" => Some(&mut sliders.alpha),
        "gamma" => Some(&mut sliders.gamma),
        "theta" => Some(&mut sliders.theta),
        _ => None,
    }
}

/// The curve point at `sliders`, `None` when the sliders are invalid or
/// only a bounded range of continuation probabilities sustains
/// cooperation.
fn point(sliders: &Sliders) -> Option<f64> {
    let game = sliders.game().ok()?;
    let orientation = sliders.orientation().ok()?;
    curve_point(&game, orientation, sliders.pi)
}

/// Each lever moved by a tenth of its range up and down (within the
/// range), keeping the move that lowers the grim threshold most; sorted by
/// the change, the most helpful first (ties in the order of [`LEVERS`]).
#[must_use]
pub fn lever_effects(sliders: &Sliders) -> Vec<LeverEffect> {
    let Some(now) = point(sliders) else {
        return Vec::new();
    };
    let mut effects: Vec<LeverEffect> = LEVERS
        .iter()
        .filter_map(|&(lever, low, high, label)| {
            let mut probe = *sliders;
            let from = *slider(&mut probe, lever)?;
            let step = (high - low) / 10.0;
            let mut best = (from, now);
            for to in [(from - step).max(low), (from + step).min(high)] {
                *slider(&mut probe, lever)? = to;
                if let Some(threshold) = point(&probe)
                    && threshold < best.1
                {
                    best = (to, threshold);
                }
            }
            Some(LeverEffect {
                lever,
                label,
                from,
                to: best.0,
                threshold: best.1,
                change: best.1 - now,
            })
        })
        .collect();
    effects.sort_by(|a, b| a.change.total_cmp(&b.change));
    effects
}

/// "How best to drive cooperation" at this point, in words.
fn advice(threshold: Result<f64, NoThreshold>, delta: f64, levers: &[LeverEffect]) -> String {
    let standing = match threshold {
        Ok(t) if delta >= t => format!(
            "Grim trigger sustains cooperation here: the shadow of the future delta = {delta:.4} \
             clears the threshold {t:.4}."
        ),
        Ok(t) => format!(
            "Grim trigger does not sustain cooperation here: the shadow of the future \
             delta = {delta:.4} is below the threshold {t:.4}; a longer horizon (delta of at \
             least {t:.4}) would."
        ),
        Err(reason) => format!("No long shadow of the future helps here: {reason}."),
    };
    match levers.first() {
        Some(best) if best.change < 0.0 => {
            let verb = if best.to > best.from {
                "raising"
            } else {
                "lowering"
            };
            format!(
                "{standing} The lever that lowers the threshold most is the {}: {verb} it from \
                 {:.2} to {:.2} moves the threshold by {:.4} (to {:.4}).",
                best.label, best.from, best.to, best.change, best.threshold
            )
        }
        Some(_) => format!(
            "{standing} No lever moved by a tenth of its range lowers the threshold: this is \
             the lowest point nearby."
        ),
        None => standing,
    }
}
