//! Zero-determinant strategies: memory-one players that enforce a linear
//! relation between the two players' long-run payoffs.
//!
//! Rule: a memory-one player whose four-vector, for the payoffs
//! `R, S, T, P`, a baseline `l`, a slope `s` and a scale `phi > 0`, is
//!
//! ```text
//! p_CC = 1 - phi (1 - s) (R - l)
//! p_CD = 1 - phi (s (l - S) + (T - l))
//! p_DC = phi ((l - S) + s (T - l))
//! p_DD = phi (1 - s) (l - P)
//! ```
//!
//! Against *any* partner whose moves make the long-run outcome frequencies
//! converge, the long-run payoffs per round then obey
//! `s_Y - l = s (s_X - l)`, that is `s_X - l = chi (s_Y - l)` with the
//! extortion factor `chi = 1 / s`. Press and Dyson (2012) found these
//! strategies; Stewart and Plotkin (2012) named the extortionate
//! (`l = P`) and generous (`l = R`) families; this parameterization is
//! equation 14 of Hilbe, Nowak and Sigmund (2013) and `LRPlayer`
//! (`"LinearRelation"`) in the Python `axelrod` library, whose names and
//! defaults the named strategies of this module follow.
//!
//! - **Extortionate** ([`ZeroDeterminant::extortionate`]): `l = P`,
//!   `chi >= 1`; `s_X - P = chi (s_Y - P)`, so the partner's every gain
//!   above mutual defection gives this player `chi` times as much.
//! - **Generous** ([`ZeroDeterminant::generous`]): `l = R`, `chi >= 1`;
//!   `s_X - R = chi (s_Y - R)`, so this player's loss below mutual
//!   cooperation is `chi` times the partner's.
//! - **Equalizer** ([`ZeroDeterminant::equalizer`]): `s = 0`; the
//!   partner's long-run payoff is pinned to `l` in [P, R], whatever it
//!   does.
//!
//! The relation holds for the payoffs the vector was computed from: by
//! default Axelrod's `3, 0, 5, 1`; pass a blended matrix
//! (`TwoLevelGame::blended_matrix`) to enforce it on two-level utilities.
//! The vector is computed once, at construction: the player does not read
//! [`Situation::payoffs`](twolevel_game::Situation::payoffs).
//!
//! Validity: `l` must lie in [P, R], `s` in
//! `[-min((T - l) / (l - S), (l - S) / (T - l)), 1]`, and `phi` in
//! `(0, phi_max]` with `phi_max = 1 / max(c_CC, c_CD, c_DC, c_DD)`, the
//! `c` being the factors of `phi` above, so that every probability lies in
//! [0, 1]. The first move is C, as in `axelrod`.

use rand_core::Rng;
use twolevel_game::{Action, Classifier, ParameterError, PayoffMatrix, Strategy, View};

use super::generic::MemoryOne;
use crate::python_format::python_float;
use crate::registry::{Limit, ParamKind, ParamSpec, Params, StrategyEntry, StrategyError};

/// A zero-determinant (linear relation) memory-one player.
#[derive(Clone, Debug)]
pub struct ZeroDeterminant {
    inner: MemoryOne,
    phi: f64,
    slope: f64,
    baseline: f64,
}

/// The baseline payoff `l` of a linear relation.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Baseline {
    /// `l = P`, the extortionate family.
    Punishment,
    /// `l = R`, the generous family.
    Reward,
    /// A given value, which must lie in [P, R].
    Value(f64),
}

impl Baseline {
    /// The baseline's value for the given payoffs.
    #[must_use]
    pub fn value(self, payoffs: &PayoffMatrix) -> f64 {
        match self {
            Baseline::Punishment => payoffs.p(),
            Baseline::Reward => payoffs.r(),
            Baseline::Value(l) => l,
        }
    }
}

/// The factors `c` of `phi` in the four-vector (see the module
/// documentation), in table order.
fn phi_factors(s: f64, l: f64, m: &PayoffMatrix) -> [f64; 4] {
    let (r, sucker, t, p) = (m.r(), m.s(), m.t(), m.p());
    [
        (1.0 - s) * (r - l),
        s * (l - sucker) + (t - l),
        (l - sucker) + s * (t - l),
        (1.0 - s) * (l - p),
    ]
}

impl ZeroDeterminant {
    /// The largest valid scale `phi` for slope `s` and baseline `l` with
    /// the given payoffs: `1 / max(c_CC, c_CD, c_DC, c_DD)`. Every `phi`
    /// in `(0, max_phi]` gives probabilities in [0, 1].
    ///
    /// # Errors
    ///
    /// `l` must lie in [P, R] and `s` in `[s_min, 1]` (the error gives the
    /// range for these payoffs), and the payoffs must have `T > S`.
    pub fn max_phi(s: f64, l: f64, payoffs: &PayoffMatrix) -> Result<f64, ParameterError> {
        let (r, sucker, t, p) = (payoffs.r(), payoffs.s(), payoffs.t(), payoffs.p());
        if !(l >= p && l <= r) {
            return Err(ParameterError::new(
                "l",
                format!("expected a baseline payoff in [P, R] = [{p}, {r}], got {l}"),
            ));
        }
        let s_min = -((t - l) / (l - sucker)).min((l - sucker) / (t - l));
        if !(s <= 1.0 && s >= s_min) {
            return Err(ParameterError::new(
                "s",
                format!("expected a slope in [{s_min}, 1] for l = {l} and these payoffs, got {s}"),
            ));
        }
        let largest = phi_factors(s, l, payoffs)
            .into_iter()
            .fold(0.0_f64, f64::max);
        if largest > 0.0 && largest.is_finite() {
            Ok(1.0 / largest)
        } else {
            Err(ParameterError::new(
                "payoffs",
                format!(
                    "expected T > S for a zero-determinant strategy, got T = {t}, S = {sucker}"
                ),
            ))
        }
    }

    /// The four-vector of the linear relation `(phi, s, l)` for the given
    /// payoffs (see the module documentation).
    ///
    /// # Errors
    ///
    /// As [`ZeroDeterminant::max_phi`], and `phi` must lie in
    /// `(0, max_phi]`; the error gives that range.
    pub fn four_vector_for(
        phi: f64,
        s: f64,
        l: f64,
        payoffs: &PayoffMatrix,
    ) -> Result<[f64; 4], ParameterError> {
        let max = ZeroDeterminant::max_phi(s, l, payoffs)?;
        if !(phi > 0.0 && phi <= max) {
            return Err(ParameterError::new(
                "phi",
                format!(
                    "expected a scale in (0, {max}] for s = {s}, l = {l} and these payoffs, got {phi}"
                ),
            ));
        }
        let [cc, cd, dc, dd] = phi_factors(s, l, payoffs);
        // Clamping only removes rounding error: the range check above
        // keeps every entry in [0, 1] up to it.
        Ok([1.0 - phi * cc, 1.0 - phi * cd, phi * dc, phi * dd].map(|p| p.clamp(0.0, 1.0)))
    }

    /// The linear-relation player `(phi, s, l)` of `axelrod`'s `LRPlayer`,
    /// named `"LinearRelation: phi, s, l"`; it enforces
    /// `s_Y - l = s (s_X - l)` for the given payoffs.
    ///
    /// # Errors
    ///
    /// See [`ZeroDeterminant::four_vector_for`].
    pub fn linear_relation(
        phi: f64,
        s: f64,
        l: f64,
        payoffs: &PayoffMatrix,
    ) -> Result<Self, ParameterError> {
        let name = format!(
            "LinearRelation: {}, {}, {}",
            python_float(phi),
            python_float(s),
            baseline_text(l)
        );
        ZeroDeterminant::build(name, phi, s, l, payoffs)
    }

    /// An extortionate strategy: `s_X - P = chi (s_Y - P)` (Press and Dyson
    /// 2012; Stewart and Plotkin 2012), named `"ZD-Extortionate: chi, phi"`.
    /// `chi = 1` with `phi = 1 / (T - S)` is Tit For Tat.
    ///
    /// # Errors
    ///
    /// `chi` must be finite and at least 1, `phi` in `(0, phi_max]` (see
    /// [`ZeroDeterminant::max_phi`] with `s = 1 / chi`, `l = P`).
    pub fn extortionate(
        chi: f64,
        phi: f64,
        payoffs: &PayoffMatrix,
    ) -> Result<Self, ParameterError> {
        let s = 1.0 / check_chi(chi)?;
        let name = format!(
            "ZD-Extortionate: {}, {}",
            python_float(chi),
            python_float(phi)
        );
        ZeroDeterminant::build(name, phi, s, payoffs.p(), payoffs)
    }

    /// A generous strategy: `s_X - R = chi (s_Y - R)` (Stewart and Plotkin
    /// 2012, 2013), named `"ZD-Generous: chi, phi"`.
    ///
    /// # Errors
    ///
    /// `chi` must be finite and at least 1, `phi` in `(0, phi_max]` (see
    /// [`ZeroDeterminant::max_phi`] with `s = 1 / chi`, `l = R`).
    pub fn generous(chi: f64, phi: f64, payoffs: &PayoffMatrix) -> Result<Self, ParameterError> {
        let s = 1.0 / check_chi(chi)?;
        let name = format!("ZD-Generous: {}, {}", python_float(chi), python_float(phi));
        ZeroDeterminant::build(name, phi, s, payoffs.r(), payoffs)
    }

    /// An equalizer: the partner's long-run payoff is `target`, whatever
    /// it plays (Press and Dyson 2012; slope `s = 0`), named
    /// `"ZD-Equalizer: target, phi"`.
    ///
    /// # Errors
    ///
    /// `target` must lie in [P, R] and `phi` in `(0, phi_max]` (see
    /// [`ZeroDeterminant::max_phi`] with `s = 0`, `l = target`).
    pub fn equalizer(
        target: f64,
        phi: f64,
        payoffs: &PayoffMatrix,
    ) -> Result<Self, ParameterError> {
        let name = format!(
            "ZD-Equalizer: {}, {}",
            python_float(target),
            python_float(phi)
        );
        ZeroDeterminant::build(name, phi, 0.0, target, payoffs).map_err(|mut e| {
            if e.field == "l" {
                e.field = "target".to_owned();
            }
            e
        })
    }

    /// A named linear relation, as the strategies of `axelrod`'s
    /// `zero_determinant.py` are built: `name` is the display name
    /// without parameters, to which `": phi, s"` is appended (and `", l"`
    /// for a [`Baseline::Value`]), as `axelrod` prints them.
    ///
    /// # Errors
    ///
    /// See [`ZeroDeterminant::four_vector_for`].
    pub fn named(
        name: &str,
        phi: f64,
        s: f64,
        baseline: Baseline,
        payoffs: &PayoffMatrix,
    ) -> Result<Self, ParameterError> {
        let mut full = format!("{name}: {}, {}", python_float(phi), python_float(s));
        if let Baseline::Value(l) = baseline {
            full = format!("{full}, {}", baseline_text(l));
        }
        ZeroDeterminant::build(full, phi, s, baseline.value(payoffs), payoffs)
    }

    /// Builds and names the player.
    fn build(
        name: String,
        phi: f64,
        s: f64,
        l: f64,
        payoffs: &PayoffMatrix,
    ) -> Result<Self, ParameterError> {
        let four_vector = ZeroDeterminant::four_vector_for(phi, s, l, payoffs)?;
        let inner = MemoryOne::new(four_vector, 1.0)?.with_name(name);
        Ok(ZeroDeterminant {
            inner,
            phi,
            slope: s,
            baseline: l,
        })
    }

    /// The scale `phi`.
    #[must_use]
    pub const fn phi(&self) -> f64 {
        self.phi
    }

    /// The slope `s` of `s_Y - l = s (s_X - l)`.
    #[must_use]
    pub const fn slope(&self) -> f64 {
        self.slope
    }

    /// The baseline payoff `l`.
    #[must_use]
    pub const fn baseline(&self) -> f64 {
        self.baseline
    }

    /// The extortion factor `chi = 1 / s` of `s_X - l = chi (s_Y - l)`
    /// (infinite for an equalizer).
    #[must_use]
    pub fn chi(&self) -> f64 {
        1.0 / self.slope
    }

    /// The four-vector `(p_CC, p_CD, p_DC, p_DD)`.
    #[must_use]
    pub const fn four_vector(&self) -> [f64; 4] {
        self.inner.four_vector()
    }

    /// The player as a generic memory-one strategy (and, through
    /// [`MemoryOne::player`], as an analytic player).
    #[must_use]
    pub const fn memory_one(&self) -> &MemoryOne {
        &self.inner
    }
}

/// Checks an extortion factor: finite and at least 1.
fn check_chi(chi: f64) -> Result<f64, ParameterError> {
    if chi.is_finite() && chi >= 1.0 {
        Ok(chi)
    } else {
        Err(ParameterError::new(
            "chi",
            format!("expected a finite factor chi >= 1, got {chi}"),
        ))
    }
}

/// The baseline as `axelrod` prints its defaults: integers bare (`1`),
/// others as Python floats.
fn baseline_text(l: f64) -> String {
    if l.fract() == 0.0 && l.abs() < 1e15 {
        format!("{l}")
    } else {
        python_float(l)
    }
}

impl Strategy for ZeroDeterminant {
    fn name(&self) -> &str {
        self.inner.name()
    }

    fn classifier(&self) -> Classifier {
        self.inner.classifier()
    }

    fn decide(&mut self, view: &View<'_>, rng: &mut dyn Rng) -> Action {
        self.inner.decide(view, rng)
    }

    fn reset(&mut self) {}

    fn memory_one(&self) -> Option<twolevel_game::MemoryOnePlayer> {
        self.inner.memory_one()
    }
}

/// The payoffs the registered zero-determinant families are built for:
/// Axelrod's `3, 0, 5, 1`.
const REGISTRY_PAYOFFS: PayoffMatrix = PayoffMatrix::AXELROD;

/// The registry parameter `chi` of a zero-determinant family.
const fn chi_param(default: f64) -> ParamSpec {
    ParamSpec::new(
        "chi",
        ParamKind::Number {
            default: Some(default),
            min: Limit::Closed(1.0),
            max: Limit::Open(f64::INFINITY),
        },
        "The extortion factor chi of the enforced relation s_X - l = chi (s_Y - l).",
    )
}

/// The registry parameter `phi` of a zero-determinant family, whose
/// default is computed from the largest valid scale.
const fn computed_phi_param(doc: &'static str) -> ParamSpec {
    ParamSpec::new(
        "phi",
        ParamKind::Number {
            default: None,
            min: Limit::Open(0.0),
            max: Limit::Open(f64::INFINITY),
        },
        doc,
    )
}

/// The scale `phi` given, or `share` of [`ZeroDeterminant::max_phi`] for
/// slope `s` and baseline `l` with the registry's payoffs.
fn phi_or_share_of_max(
    params: &Params<'_>,
    s: f64,
    l: f64,
    share: f64,
) -> Result<f64, StrategyError> {
    match params.optional_number("phi") {
        Some(phi) => Ok(phi),
        None => ZeroDeterminant::max_phi(s, l, &REGISTRY_PAYOFFS)
            .map(|max| share * max)
            .map_err(|error| params.invalid(&error.field, error.reason)),
    }
}

/// A constructor of a family with an extortion factor: `(chi, phi,
/// payoffs)`.
type ChiFamily = fn(f64, f64, &PayoffMatrix) -> Result<ZeroDeterminant, ParameterError>;

/// Builds a member of a family with an extortion factor and the baseline
/// `l` from the registry's `chi` and `phi`, `phi` defaulting to `share` of
/// its largest valid value.
fn build_chi_family(
    params: &Params<'_>,
    l: f64,
    share: f64,
    make: ChiFamily,
) -> Result<Box<dyn Strategy>, StrategyError> {
    let chi = params.number("chi");
    let phi = phi_or_share_of_max(params, 1.0 / chi, l, share)?;
    params.finish(make(chi, phi, &REGISTRY_PAYOFFS))
}

/// The registry entry of [`ZeroDeterminant::extortionate`] (Axelrod's
/// payoffs); `phi` defaults to half its largest valid value, which for
/// `chi = 3` is Press and Dyson's `3/26`.
pub(crate) const EXTORTIONATE_ENTRY: StrategyEntry = StrategyEntry::new(
    "ZD-Extortionate",
    "Extortionate zero-determinant player: enforces s_X - P = chi (s_Y - P).",
    |params| {
        build_chi_family(
            params,
            REGISTRY_PAYOFFS.p(),
            0.5,
            ZeroDeterminant::extortionate,
        )
    },
)
.with_aliases(&["Extortionate ZD"])
.with_params(&[
    chi_param(3.0),
    computed_phi_param(
        "The scale, in (0, phi_max] (default: phi_max / 2 for chi and the classic payoffs).",
    ),
]);

/// The registry entry of [`ZeroDeterminant::generous`] (Axelrod's payoffs);
/// `phi` defaults to its largest valid value, which for `chi = 2` is
/// ZD-GTFT-2's `1/4`.
pub(crate) const GENEROUS_ENTRY: StrategyEntry = StrategyEntry::new(
    "ZD-Generous",
    "Generous zero-determinant player: enforces s_X - R = chi (s_Y - R).",
    |params| build_chi_family(params, REGISTRY_PAYOFFS.r(), 1.0, ZeroDeterminant::generous),
)
.with_aliases(&["Generous ZD"])
.with_params(&[
    chi_param(2.0),
    computed_phi_param(
        "The scale, in (0, phi_max] (default: phi_max for chi and the classic payoffs).",
    ),
]);

/// The registry entry of [`ZeroDeterminant::equalizer`] (Axelrod's
/// payoffs); `target` defaults to `(R + P) / 2 = 2` and `phi` to half its
/// largest valid value.
pub(crate) const EQUALIZER_ENTRY: StrategyEntry = StrategyEntry::new(
    "ZD-Equalizer",
    "Equalizer zero-determinant player: holds the partner's long-run payoff at `target`.",
    |params| {
        let target = params.number("target");
        let phi = phi_or_share_of_max(params, 0.0, target, 0.5)
            .map_err(|error| rename_baseline(error, "target"))?;
        params.finish(ZeroDeterminant::equalizer(target, phi, &REGISTRY_PAYOFFS))
    },
)
.with_aliases(&["Equalizer ZD"])
.with_params(&[
    ParamSpec::new(
        "target",
        ParamKind::Number {
            default: Some((REGISTRY_PAYOFFS.r() + REGISTRY_PAYOFFS.p()) / 2.0),
            min: Limit::Closed(1.0),
            max: Limit::Closed(3.0),
        },
        "The partner's long-run payoff it enforces, in [P, R] = [1, 3].",
    ),
    computed_phi_param(
        "The scale, in (0, phi_max] (default: phi_max / 2 for the target and the classic payoffs).",
    ),
]);

/// An error about the baseline `l` reported under the parameter that sets
/// it.
fn rename_baseline(error: StrategyError, param: &str) -> StrategyError {
    match error {
        StrategyError::InvalidParameter {
            strategy,
            param: field,
            reason,
        } if field == "l" => StrategyError::InvalidParameter {
            strategy,
            param: param.to_owned(),
            reason,
        },
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const AXELROD: PayoffMatrix = PayoffMatrix::AXELROD;

    fn assert_vector(got: [f64; 4], expected: [f64; 4]) {
        assert!(
            got.iter().zip(expected).all(|(a, b)| (a - b).abs() < 1e-12),
            "got {got:?}, expected {expected:?}"
        );
    }

    #[test]
    fn press_and_dyson_extort_3() {
        // Press and Dyson's example: chi = 3, phi = 3/26 gives
        // (11/13, 1/2, 7/26, 0).
        let zd = ZeroDeterminant::extortionate(3.0, 3.0 / 26.0, &AXELROD).unwrap();
        assert_vector(zd.four_vector(), [11.0 / 13.0, 0.5, 7.0 / 26.0, 0.0]);
        assert!((zd.chi() - 3.0).abs() < 1e-12);
        assert_eq!(zd.name(), "ZD-Extortionate: 3.0, 0.11538461538461539");
        // The valid range of phi is (0, 3/13].
        let max = ZeroDeterminant::max_phi(1.0 / 3.0, 1.0, &AXELROD).unwrap();
        assert!((max - 3.0 / 13.0).abs() < 1e-15);
    }

    #[test]
    fn fair_extortion_is_tit_for_tat() {
        let zd = ZeroDeterminant::extortionate(1.0, 0.2, &AXELROD).unwrap();
        assert_vector(zd.four_vector(), [1.0, 0.0, 1.0, 0.0]);
    }

    #[test]
    fn generous_and_equalizer_vectors() {
        let gtft2 = ZeroDeterminant::generous(2.0, 0.25, &AXELROD).unwrap();
        assert_vector(gtft2.four_vector(), [1.0, 0.125, 1.0, 0.25]);
        assert_eq!(gtft2.name(), "ZD-Generous: 2.0, 0.25");
        // Press and Dyson's equalizer family with s = 0 pins the partner at
        // l: (1 - phi (R - l), 1 - phi (T - l), phi (l - S), phi (l - P)).
        let eq = ZeroDeterminant::equalizer(2.0, 0.25, &AXELROD).unwrap();
        assert_vector(eq.four_vector(), [0.75, 0.25, 0.5, 0.25]);
        assert!(eq.chi().is_infinite());
        let lr = ZeroDeterminant::linear_relation(0.2, 0.1, 1.0, &AXELROD).unwrap();
        assert_eq!(lr.name(), "LinearRelation: 0.2, 0.1, 1");
        assert_vector(lr.four_vector(), [0.64, 0.18, 0.28, 0.0]);
    }

    #[test]
    fn invalid_parameters_name_the_field_and_the_range() {
        let err = ZeroDeterminant::extortionate(0.5, 0.1, &AXELROD).unwrap_err();
        assert_eq!(err.field, "chi");
        assert!(err.reason.contains(">= 1"), "{err}");
        let err = ZeroDeterminant::extortionate(3.0, 0.3, &AXELROD).unwrap_err();
        assert_eq!(err.field, "phi");
        assert!(err.reason.contains("(0, 0.23076923076923"), "{err}");
        assert_eq!(
            ZeroDeterminant::extortionate(3.0, 0.0, &AXELROD)
                .unwrap_err()
                .field,
            "phi"
        );
        assert_eq!(
            ZeroDeterminant::generous(f64::NAN, 0.1, &AXELROD)
                .unwrap_err()
                .field,
            "chi"
        );
        let err = ZeroDeterminant::equalizer(4.0, 0.1, &AXELROD).unwrap_err();
        assert_eq!(err.field, "target");
        assert!(err.reason.contains("[1, 3]"), "{err}");
        let err = ZeroDeterminant::linear_relation(0.1, -2.0, 2.0, &AXELROD).unwrap_err();
        assert_eq!(err.field, "s");
        assert!(err.reason.contains("[-0.6666666666666666, 1]"), "{err}");
        assert_eq!(
            ZeroDeterminant::linear_relation(0.1, 0.5, 2.0, &AXELROD)
                .unwrap()
                .baseline(),
            2.0
        );
    }

    #[test]
    fn registered_families_default_to_the_classic_examples() {
        use crate::registry::{StrategySpec, build};
        let name = |spec: StrategySpec| build(&spec).unwrap().name().to_owned();
        // Press and Dyson's Extort-3, ZD-GTFT-2, and an equalizer at 2.
        assert_eq!(
            name(StrategySpec::new("ZD-Extortionate")),
            "ZD-Extortionate: 3.0, 0.11538461538461539"
        );
        assert_eq!(
            name(StrategySpec::new("ZD-Generous")),
            "ZD-Generous: 2.0, 0.25"
        );
        assert_eq!(
            name(StrategySpec::new("ZD-Equalizer")),
            "ZD-Equalizer: 2.0, 0.16666666666666666"
        );
        assert_eq!(
            name(
                StrategySpec::new("Extortionate ZD")
                    .with("chi", 2.0)
                    .with("phi", 0.1)
            ),
            "ZD-Extortionate: 2.0, 0.1"
        );
        let message = |spec: StrategySpec| build(&spec).unwrap_err().to_string();
        assert_eq!(
            message(StrategySpec::new("ZD-Extortionate").with("chi", 0.5)),
            "invalid `chi` for strategy `ZD-Extortionate`: expected a finite number >= 1, got 0.5"
        );
        assert!(
            message(StrategySpec::new("ZD-Generous").with("phi", 0.5)).starts_with(
                "invalid `phi` for strategy `ZD-Generous`: expected a scale in (0, 0.25]"
            ),
        );
        assert!(
            message(StrategySpec::new("ZD-Extort-2").with("phi", 0.5))
                .starts_with("invalid `phi` for strategy `ZD-Extort-2`: expected a scale in (0, 0.2222222222222222]"),
        );
        assert_eq!(
            message(StrategySpec::new("ZD-Equalizer").with("target", 4.0)),
            "invalid `target` for strategy `ZD-Equalizer`: expected a number in [1, 3], got 4"
        );
        assert_eq!(
            message(StrategySpec::new("Generic Memory One Player").with("p_DD", 1.5)),
            "invalid `p_DD` for strategy `Generic Memory One Player`: expected a number in [0, 1], got 1.5"
        );
        assert_eq!(
            name(
                StrategySpec::new("MemoryOne")
                    .with("p_DC", 1.0)
                    .with("p_DD", 0.0)
            ),
            "Generic Memory One Player: (1, 0, 1, 0), C"
        );
    }
}
