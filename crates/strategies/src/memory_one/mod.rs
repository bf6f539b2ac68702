//! Memory-one strategies: the generic four-vector player and the
//! zero-determinant strategies of Press and Dyson (2012), with the names
//! and defaults of the Python `axelrod` library
//! (`axelrod/strategies/memoryone.py` and `zero_determinant.py`). One
//! strategy per file.
//!
//! - [`MemoryOne`]: any four-vector `(p_CC, p_CD, p_DC, p_DD)` and first
//!   move ("Generic Memory One Player").
//! - [`ZeroDeterminant`]: the linear-relation family with the
//!   extortionate, generous and equalizer constructors.
//! - The named zero-determinant strategies of `axelrod`: [`ZDExtort2`],
//!   [`ZDExtort2v2`], [`ZDExtort3`], [`ZDExtort4`], [`ZDExtortion`],
//!   [`ZDGTFT2`], [`ZDGen2`], [`ZDSet2`] and [`ZDMischief`].
//!
//! Every memory-one strategy exposes its analytic player
//! ([`MemoryOne::player`]), so the exact payoffs of a match between two of
//! them come from [`twolevel_game::MemoryOneChain`]:
//!
//! ```
//! use twolevel_game::{MemoryOneChain, OutcomePayoffs, PayoffMatrix};
//! use twolevel_strategies::memory_one::{MemoryOne, ZDExtort2};
//!
//! let extort = ZDExtort2::default();
//! let partner = MemoryOne::new([0.9, 0.3, 0.8, 0.2], 1.0)?;
//! let chain = MemoryOneChain::new(extort.player(), partner.player(), 0.0)?;
//! let [x, y] = chain.long_run_payoffs(&OutcomePayoffs::symmetric(&PayoffMatrix::AXELROD));
//! // Extort-2 enforces s_X - P = 2 (s_Y - P).
//! assert!(((x - 1.0) - 2.0 * (y - 1.0)).abs() < 1e-9);
//! # Ok::<(), twolevel_game::ParameterError>(())
//! ```

/// Defines a named zero-determinant strategy of `axelrod`: a newtype over
/// [`ZeroDeterminant`] with `axelrod`'s name, default `phi` and `s`, and
/// baseline, delegating [`Strategy`](twolevel_game::Strategy) to it.
macro_rules! named_zero_determinant {
    (
        $(#[$meta:meta])*
        $ty:ident {
            name: $name:literal,
            phi: $phi:expr,
            s: $s:expr,
            baseline: $baseline:expr,
            summary: $summary:literal $(,)?
        }
    ) => {
        /// The registry entry of the strategy, with `axelrod`'s defaults
        /// for `phi` and `s`.
        pub(crate) const ENTRY: $crate::registry::StrategyEntry =
            $crate::registry::StrategyEntry::new($name, $summary, |params| {
                params.finish($ty::new(params.number("phi"), params.number("s")))
            })
            .with_params(&[super::phi_param($phi), super::slope_param($s)]);

        $(#[$meta])*
        #[derive(Clone, Debug)]
        pub struct $ty(super::ZeroDeterminant);

        impl $ty {
            /// The display name without parameters, as in `axelrod`.
            pub const NAME: &'static str = $name;
            /// `axelrod`'s default scale `phi`.
            pub const DEFAULT_PHI: f64 = $phi;
            /// `axelrod`'s default slope `s` (the inverse of the extortion
            /// factor).
            pub const DEFAULT_SLOPE: f64 = $s;
            /// The baseline payoff `l`.
            pub const BASELINE: super::Baseline = $baseline;

            /// The strategy with scale `phi` and slope `s` for Axelrod's
            /// payoffs `3, 0, 5, 1`.
            ///
            /// # Errors
            ///
            /// See [`ZeroDeterminant::four_vector_for`](super::ZeroDeterminant::four_vector_for):
            /// the error names `phi` or `s` and gives the valid range.
            pub fn new(phi: f64, s: f64) -> Result<Self, twolevel_game::ParameterError> {
                Self::with_payoffs(phi, s, &twolevel_game::PayoffMatrix::AXELROD)
            }

            /// The strategy with scale `phi` and slope `s`, its four-vector
            /// computed from `payoffs`.
            ///
            /// # Errors
            ///
            /// See [`ZeroDeterminant::four_vector_for`](super::ZeroDeterminant::four_vector_for).
            pub fn with_payoffs(
                phi: f64,
                s: f64,
                payoffs: &twolevel_game::PayoffMatrix,
            ) -> Result<Self, twolevel_game::ParameterError> {
                super::ZeroDeterminant::named($name, phi, s, $baseline, payoffs).map($ty)
            }

            /// The underlying zero-determinant player.
            #[must_use]
            pub const fn zero_determinant(&self) -> &super::ZeroDeterminant {
                &self.0
            }

            /// The four-vector `(p_CC, p_CD, p_DC, p_DD)`.
            #[must_use]
            pub const fn four_vector(&self) -> [f64; 4] {
                self.0.four_vector()
            }

            /// The analytic player, for
            /// [`MemoryOneChain`](twolevel_game::MemoryOneChain).
            #[must_use]
            pub const fn player(&self) -> &twolevel_game::MemoryOnePlayer {
                self.0.memory_one().player()
            }
        }

        impl Default for $ty {
            /// `axelrod`'s defaults for Axelrod's payoffs.
            fn default() -> Self {
                Self::new($phi, $s).expect("the default parameters are valid for Axelrod's payoffs")
            }
        }

        impl twolevel_game::Strategy for $ty {
            fn name(&self) -> &str {
                self.0.name()
            }

            fn classifier(&self) -> twolevel_game::Classifier {
                self.0.classifier()
            }

            fn decide(
                &mut self,
                view: &twolevel_game::View<'_>,
                rng: &mut dyn rand_core::Rng,
            ) -> twolevel_game::Action {
                self.0.decide(view, rng)
            }

            fn reset(&mut self) {}

            fn memory_one(&self) -> Option<twolevel_game::MemoryOnePlayer> {
                Some(*self.player())
            }
        }
    };
}

/// The registry parameter `phi` of a named zero-determinant strategy.
const fn phi_param(default: f64) -> crate::registry::ParamSpec {
    crate::registry::ParamSpec::new(
        "phi",
        crate::registry::ParamKind::Number {
            default: Some(default),
            min: crate::registry::Limit::Open(0.0),
            max: crate::registry::Limit::Open(f64::INFINITY),
        },
        "The scale of the four-vector, in (0, phi_max] for the slope and payoffs.",
    )
}

/// The registry parameter `s` of a named zero-determinant strategy.
const fn slope_param(default: f64) -> crate::registry::ParamSpec {
    crate::registry::ParamSpec::new(
        "s",
        crate::registry::ParamKind::Number {
            default: Some(default),
            min: crate::registry::Limit::Open(f64::NEG_INFINITY),
            max: crate::registry::Limit::Closed(1.0),
        },
        "The slope of the enforced relation s_Y - l = s (s_X - l): the inverse of the extortion factor.",
    )
}

pub(crate) mod generic;
pub(crate) mod zd_extort_2;
pub(crate) mod zd_extort_2_v2;
pub(crate) mod zd_extort_3;
pub(crate) mod zd_extort_4;
pub(crate) mod zd_extortion;
pub(crate) mod zd_gen_2;
pub(crate) mod zd_gtft_2;
pub(crate) mod zd_mischief;
pub(crate) mod zd_set_2;
pub(crate) mod zero_determinant;

pub use crate::draw::random_choice;
pub use generic::MemoryOne;
pub use zd_extort_2::ZDExtort2;
pub use zd_extort_2_v2::ZDExtort2v2;
pub use zd_extort_3::ZDExtort3;
pub use zd_extort_4::ZDExtort4;
pub use zd_extortion::ZDExtortion;
pub use zd_gen_2::ZDGen2;
pub use zd_gtft_2::ZDGTFT2;
pub use zd_mischief::ZDMischief;
pub use zd_set_2::ZDSet2;
pub use zero_determinant::{Baseline, ZeroDeterminant};

#[cfg(test)]
mod tests {
    use twolevel_game::Strategy;

    use super::*;

    /// Asserts a four-vector to 1e-12.
    fn assert_vector(label: &str, got: [f64; 4], expected: [f64; 4]) {
        assert!(
            got.iter().zip(expected).all(|(a, b)| (a - b).abs() < 1e-12),
            "{label}: got {got:?}, expected {expected:?}"
        );
    }

    #[test]
    fn named_strategies_have_axelrods_names_and_vectors() {
        // Names as `str(player)` prints them in axelrod 4.x; vectors from
        // LRPlayer's formula with R, S, T, P = 3, 0, 5, 1.
        let cases: [(Box<dyn Strategy>, [f64; 4], &str); 9] = [
            (
                Box::new(ZDExtort2::default()),
                [8.0 / 9.0, 0.5, 1.0 / 3.0, 0.0],
                "ZD-Extort-2: 0.1111111111111111, 0.5",
            ),
            (
                Box::new(ZDExtort2v2::default()),
                [7.0 / 8.0, 7.0 / 16.0, 3.0 / 8.0, 0.0],
                "ZD-Extort-2 v2: 0.125, 0.5, 1",
            ),
            (
                Box::new(ZDExtort3::default()),
                [11.0 / 13.0, 0.5, 7.0 / 26.0, 0.0],
                "ZD-Extort3: 0.11538461538461539, 0.3333333333333333, 1",
            ),
            (
                Box::new(ZDExtort4::default()),
                [11.0 / 17.0, 0.0, 8.0 / 17.0, 0.0],
                "ZD-Extort-4: 0.23529411764705882, 0.25, 1",
            ),
            (
                Box::new(ZDExtortion::default()),
                [0.64, 0.18, 0.28, 0.0],
                "ZD-Extortion: 0.2, 0.1, 1",
            ),
            (
                Box::new(ZDGTFT2::default()),
                [1.0, 0.125, 1.0, 0.25],
                "ZD-GTFT-2: 0.25, 0.5",
            ),
            (
                Box::new(ZDGen2::default()),
                [1.0, 9.0 / 16.0, 0.5, 1.0 / 8.0],
                "ZD-GEN-2: 0.125, 0.5, 3",
            ),
            (
                Box::new(ZDSet2::default()),
                [0.75, 0.25, 0.5, 0.25],
                "ZD-SET-2: 0.25, 0.0, 2",
            ),
            (
                Box::new(ZDMischief::default()),
                [0.8, 0.6, 0.1, 0.0],
                "ZD-Mischief: 0.1, 0.0, 1",
            ),
        ];
        for (player, _, name) in &cases {
            assert_eq!(player.name(), *name);
            assert!(player.classifier().stochastic);
            assert_eq!(player.classifier().memory_depth, Some(1));
        }
        let vectors = [
            ZDExtort2::default().four_vector(),
            ZDExtort2v2::default().four_vector(),
            ZDExtort3::default().four_vector(),
            ZDExtort4::default().four_vector(),
            ZDExtortion::default().four_vector(),
            ZDGTFT2::default().four_vector(),
            ZDGen2::default().four_vector(),
            ZDSet2::default().four_vector(),
            ZDMischief::default().four_vector(),
        ];
        for ((_, expected, name), got) in cases.iter().zip(vectors) {
            assert_vector(name, got, *expected);
        }
    }

    #[test]
    fn named_strategies_validate_their_parameters() {
        let err = ZDExtort2::new(0.5, 0.5).unwrap_err();
        assert_eq!(err.field, "phi");
        assert!(err.reason.contains("(0, 0.2222222222222222]"), "{err}");
        assert_eq!(ZDGTFT2::new(0.25, 1.5).unwrap_err().field, "s");
        // A fixed baseline l = 1 lies outside [P, R] when P = 2.
        let high_p = twolevel_game::PayoffMatrix::new(4.0, 0.0, 5.0, 2.0).unwrap();
        assert_eq!(
            ZDExtort4::with_payoffs(0.1, 0.25, &high_p)
                .unwrap_err()
                .field,
            "l"
        );
        // l = P follows the payoffs.
        assert!(ZDExtort2::with_payoffs(0.1, 0.5, &high_p).is_ok());
    }
}
