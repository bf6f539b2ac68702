//! How the politicization of the issue moves during a match:
//! [`PoliticizationDynamics`] (public defections raise `pi`, calm rounds
//! let it decay, each state with its own level) and [`Politics`], a
//! match's politicization, fixed or dynamic.

use serde::{Deserialize, Serialize};

use crate::action::{Action, Outcome};
use crate::error::{ParameterError, check_unit_interval};
use crate::two_level::Politicization;

/// How politicization evolves during a match.
///
/// Each round, every public defection raises `pi` by `up` and `pi` decays by
/// the share `down`:
///
/// ```text
/// pi_{t+1} = clamp(pi_t + up * public_defections_t - down * pi_t, 0, 1)
/// public_defections_t = sum over both players of visibility_i * [a_i == D]
/// ```
///
/// `visibility` is the diplomacy channel: quiet diplomacy is low, megaphone
/// diplomacy is 1. It is the *default* per-player visibility: the
/// tournament uses it for every player that does not set its own, and
/// [`PoliticizationDynamics::next_after`] uses it for both players.
///
/// All three parameters lie in [0, 1]; construction and deserialization
/// validate them.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(
    try_from = "RawPoliticizationDynamics",
    into = "RawPoliticizationDynamics"
)]
pub struct PoliticizationDynamics {
    visibility: f64,
    up: f64,
    down: f64,
    rally: f64,
}

/// The unvalidated form of [`PoliticizationDynamics`], as written in RON
/// files: `(visibility: 1.0, up: 0.05, down: 0.1)`. Missing fields take the
/// defaults of [`PoliticizationDynamics::DEFAULT`].
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "PoliticizationDynamics", default, deny_unknown_fields)]
pub struct RawPoliticizationDynamics {
    /// The default per-player visibility of a defection, in [0, 1].
    pub visibility: f64,
    /// The rise of `pi` per (fully visible) defection, in [0, 1].
    pub up: f64,
    /// The share of `pi` that decays every round, in [0, 1].
    pub down: f64,
    /// The share of a state's own visible defection that raises its own
    /// `pi_i` (the rally round the flag), in [0, 1]; 1 (the default) counts
    /// it fully, as one shared level does.
    pub rally: f64,
}

impl Default for RawPoliticizationDynamics {
    fn default() -> Self {
        PoliticizationDynamics::DEFAULT.into()
    }
}

impl TryFrom<RawPoliticizationDynamics> for PoliticizationDynamics {
    type Error = ParameterError;

    fn try_from(raw: RawPoliticizationDynamics) -> Result<Self, Self::Error> {
        PoliticizationDynamics::new(raw.visibility, raw.up, raw.down)?.with_rally(raw.rally)
    }
}

impl From<PoliticizationDynamics> for RawPoliticizationDynamics {
    fn from(d: PoliticizationDynamics) -> Self {
        RawPoliticizationDynamics {
            visibility: d.visibility,
            up: d.up,
            down: d.down,
            rally: d.rally,
        }
    }
}

impl PoliticizationDynamics {
    /// The library's default dynamics: megaphone diplomacy (visibility 1),
    /// `up = 0.05`, `down = 0.1`.
    ///
    /// With these values the level settles where `up * public_defections
    /// = down * pi`: at 0 after calm rounds, at 0.5 ("politicized") under
    /// one-sided defection and at 1 ("securitized") under mutual defection.
    pub const DEFAULT: PoliticizationDynamics = PoliticizationDynamics {
        visibility: 1.0,
        up: 0.05,
        down: 0.1,
        rally: 1.0,
    };

    /// Builds dynamics with a full rally share (1), rejecting any
    /// parameter outside [0, 1] (and NaN).
    pub fn new(visibility: f64, up: f64, down: f64) -> Result<Self, ParameterError> {
        Ok(PoliticizationDynamics {
            visibility: check_unit_interval("visibility", visibility)?,
            up: check_unit_interval("up", up)?,
            down: check_unit_interval("down", down)?,
            rally: 1.0,
        })
    }

    /// The same dynamics with another rally share in [0, 1]: how much a
    /// state's own visible defection raises its own politicization.
    pub fn with_rally(mut self, rally: f64) -> Result<Self, ParameterError> {
        self.rally = check_unit_interval("rally", rally)?;
        Ok(self)
    }

    /// The rally share.
    #[inline]
    #[must_use]
    pub const fn rally(&self) -> f64 {
        self.rally
    }

    /// The default per-player visibility of a defection.
    #[inline]
    #[must_use]
    pub const fn visibility(&self) -> f64 {
        self.visibility
    }

    /// The rise of `pi` per fully visible defection.
    #[inline]
    #[must_use]
    pub const fn up(&self) -> f64 {
        self.up
    }

    /// The share of `pi` that decays every round.
    #[inline]
    #[must_use]
    pub const fn down(&self) -> f64 {
        self.down
    }

    /// The same dynamics with another default visibility.
    pub fn with_visibility(self, visibility: f64) -> Result<Self, ParameterError> {
        PoliticizationDynamics::new(visibility, self.up, self.down)?.with_rally(self.rally)
    }

    /// The weighted count of public defections in a round: the sum over
    /// both players of that player's visibility times 1 if it defected.
    /// The result lies in [0, 2] when both visibilities lie in [0, 1].
    #[inline]
    #[must_use]
    pub fn public_defections(visibilities: [f64; 2], actions: [Action; 2]) -> f64 {
        let visible = |i: usize| {
            if actions[i].is_defection() {
                visibilities[i]
            } else {
                0.0
            }
        };
        visible(0) + visible(1)
    }

    /// The next level of politicization,
    /// `clamp(pi + up * public_defections - down * pi, 0, 1)`.
    ///
    /// The caller computes `public_defections` with
    /// [`PoliticizationDynamics::public_defections`] (or passes any number;
    /// the result is clamped into [0, 1], and NaN yields 0).
    #[inline]
    #[must_use]
    pub fn next(&self, pi: Politicization, public_defections: f64) -> Politicization {
        let pi = pi.value();
        Politicization::clamped(pi + self.up * public_defections - self.down * pi)
    }

    /// The next level of one state's own politicization (`docs/model.md`
    /// section 2):
    ///
    /// ```text
    /// pi_i' = clamp(pi_i + up * (partner_visible + rally * own_visible)
    ///               + securitizing - down * pi_i, 0, 1)
    /// ```
    ///
    /// where `partner_visible` is `vis_j * [a_j == D]`, `own_visible` is
    /// `vis_i * [a_i == D]` and `securitizing` the state's securitizing
    /// move `s_i`. With `rally = 1`, `s_i = 0` and equal levels, both
    /// states' levels equal [`PoliticizationDynamics::next`] of the shared
    /// level, bit for bit.
    #[inline]
    #[must_use]
    pub fn next_for_state(
        &self,
        pi: Politicization,
        partner_visible: f64,
        own_visible: f64,
        securitizing: f64,
    ) -> Politicization {
        let public = partner_visible + self.rally * own_visible;
        self.next_lifted(pi, self.up * public, securitizing)
    }

    /// For each outcome (indexed by [`Outcome::index`], state 0's move
    /// first) and each state, the rise of the state's level from the
    /// round's public defections, `up * (partner_visible + rally *
    /// own_visible)`, when the states' defections have these
    /// `visibilities`: what [`PoliticizationDynamics::next_for_state`]
    /// adds, computed once for a match instead of once per round.
    #[must_use]
    pub fn lifts(&self, visibilities: [f64; 2]) -> [[f64; 2]; 4] {
        Outcome::ALL.map(|outcome| {
            let actions = [outcome.own, outcome.partner];
            let visible = [0, 1].map(|k| {
                if actions[k].is_defection() {
                    visibilities[k]
                } else {
                    0.0
                }
            });
            [
                self.up * (visible[1] + self.rally * visible[0]),
                self.up * (visible[0] + self.rally * visible[1]),
            ]
        })
    }

    /// [`PoliticizationDynamics::next_for_state`] with the rise from the
    /// round's public defections given (one of
    /// [`PoliticizationDynamics::lifts`]): `clamp(pi + lift + securitizing
    /// - down * pi, 0, 1)`, bit for bit.
    #[inline]
    #[must_use]
    pub fn next_lifted(&self, pi: Politicization, lift: f64, securitizing: f64) -> Politicization {
        let pi = pi.value();
        Politicization::clamped(pi + lift + securitizing - self.down * pi)
    }

    /// The next level after a round in which both players have this
    /// dynamics' default visibility.
    #[inline]
    #[must_use]
    pub fn next_after(&self, pi: Politicization, actions: [Action; 2]) -> Politicization {
        self.next(pi, Self::public_defections([self.visibility; 2], actions))
    }
}

impl Default for PoliticizationDynamics {
    fn default() -> Self {
        PoliticizationDynamics::DEFAULT
    }
}

/// The politicization of a match: fixed for the whole match, or starting at
/// a level and moved by public defections.
///
/// Both variants hold validated values, so deserializing validates too. In
/// RON: `Fixed(0.5)` or
/// `Dynamic(initial: 0.0, dynamics: (visibility: 1.0, up: 0.05, down: 0.1))`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum Politics {
    /// The level stays the same in every round.
    Fixed(Politicization),
    /// The level starts at `initial` and follows `dynamics`.
    Dynamic {
        /// The level in the first round.
        #[serde(deserialize_with = "initial_level")]
        initial: Politicization,
        /// How the level moves from round to round.
        dynamics: PoliticizationDynamics,
    },
}

/// Deserializes the `initial` level of dynamic politics, naming `initial`
/// (rather than the generic `pi`) when it is outside [0, 1].
fn initial_level<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Politicization, D::Error> {
    let value = f64::deserialize(deserializer)?;
    Politicization::new(value).map_err(|error| {
        serde::de::Error::custom(ParameterError {
            field: "initial".to_owned(),
            ..error
        })
    })
}

impl Default for Politics {
    /// No politicization, fixed: the classic game.
    fn default() -> Self {
        Politics::Fixed(Politicization::NONE)
    }
}

impl Politics {
    /// The level in the first round.
    #[inline]
    #[must_use]
    pub const fn initial(&self) -> Politicization {
        match *self {
            Politics::Fixed(pi) => pi,
            Politics::Dynamic { initial, .. } => initial,
        }
    }

    /// The dynamics, if the level moves.
    #[inline]
    #[must_use]
    pub const fn dynamics(&self) -> Option<&PoliticizationDynamics> {
        match self {
            Politics::Fixed(_) => None,
            Politics::Dynamic { dynamics, .. } => Some(dynamics),
        }
    }

    /// Returns `true` when the level moves during a match.
    #[inline]
    #[must_use]
    pub const fn is_dynamic(&self) -> bool {
        matches!(self, Politics::Dynamic { .. })
    }

    /// The level after a round with the given weighted count of public
    /// defections: unchanged when fixed, [`PoliticizationDynamics::next`]
    /// when dynamic.
    #[inline]
    #[must_use]
    pub fn next(&self, pi: Politicization, public_defections: f64) -> Politicization {
        match self {
            Politics::Fixed(_) => pi,
            Politics::Dynamic { dynamics, .. } => dynamics.next(pi, public_defections),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pi(value: f64) -> Politicization {
        Politicization::new(value).unwrap()
    }

    proptest::proptest! {
        /// The per-match lifts give every state's next level bit for bit as
        /// `next_for_state` computes it round by round.
        #[test]
        fn lifted_levels_equal_the_round_by_round_rule(
            level in 0.0_f64..=1.0,
            visibilities in [0.0_f64..=1.0, 0.0_f64..=1.0],
            up in 0.0_f64..=1.0,
            down in 0.0_f64..=1.0,
            rally in 0.0_f64..=1.0,
            securitizing in 0.0_f64..=0.5,
        ) {
            let Ok(d) = PoliticizationDynamics::new(visibilities[0], up, down)
                .and_then(|d| d.with_rally(rally))
            else {
                return Ok(());
            };
            let lifts = d.lifts(visibilities);
            for outcome in Outcome::ALL {
                let actions = [outcome.own, outcome.partner];
                let visible = [0, 1].map(|k| {
                    if actions[k].is_defection() { visibilities[k] } else { 0.0 }
                });
                for k in 0..2 {
                    let expected = d.next_for_state(pi(level), visible[1 - k], visible[k], securitizing);
                    let lifted = d.next_lifted(pi(level), lifts[outcome.index()][k], securitizing);
                    proptest::prop_assert_eq!(lifted.value().to_bits(), expected.value().to_bits());
                }
            }
        }
    }

    #[test]
    fn update_rule_worked_numbers() {
        let d = PoliticizationDynamics::new(1.0, 0.05, 0.1).unwrap();
        // 0.2 + 0.05 * 2 - 0.1 * 0.2 = 0.28
        let next = d.next_after(pi(0.2), [Action::D, Action::D]);
        assert!((next.value() - 0.28).abs() < 1e-12);
        // Calm round: 0.2 - 0.02 = 0.18.
        let next = d.next_after(pi(0.2), [Action::C, Action::C]);
        assert!((next.value() - 0.18).abs() < 1e-12);
        // Clamped at both ends.
        assert_eq!(d.next(pi(1.0), 2.0), Politicization::SECURITIZED);
        assert_eq!(d.next(pi(0.0), -5.0), Politicization::NONE);
        assert_eq!(d.next(pi(0.5), f64::NAN), Politicization::NONE);
    }

    #[test]
    fn visibility_weights_each_players_defection() {
        let v = [0.25, 1.0];
        assert_eq!(
            PoliticizationDynamics::public_defections(v, [Action::D, Action::C]),
            0.25
        );
        assert_eq!(
            PoliticizationDynamics::public_defections(v, [Action::C, Action::D]),
            1.0
        );
        assert_eq!(
            PoliticizationDynamics::public_defections(v, [Action::D, Action::D]),
            1.25
        );
        // Quiet diplomacy: invisible defections leave pi to decay.
        let quiet = PoliticizationDynamics::DEFAULT
            .with_visibility(0.0)
            .unwrap();
        let next = quiet.next_after(pi(0.5), [Action::D, Action::D]);
        assert!((next.value() - 0.45).abs() < 1e-12);
    }

    #[test]
    fn default_dynamics_settle_at_documented_levels() {
        let d = PoliticizationDynamics::DEFAULT;
        let settle = |actions: [Action; 2]| {
            (0..2000)
                .fold(pi(0.3), |p, _| d.next_after(p, actions))
                .value()
        };
        assert!(settle([Action::C, Action::C]) < 1e-9);
        assert!((settle([Action::D, Action::C]) - 0.5).abs() < 1e-9);
        assert!((settle([Action::D, Action::D]) - 1.0).abs() < 1e-9);
    }

    #[test]
    fn invalid_dynamics_name_the_field() {
        assert_eq!(
            PoliticizationDynamics::new(1.5, 0.1, 0.1)
                .unwrap_err()
                .field,
            "visibility"
        );
        assert_eq!(
            PoliticizationDynamics::new(1.0, f64::NAN, 0.1)
                .unwrap_err()
                .field,
            "up"
        );
        assert_eq!(
            PoliticizationDynamics::new(1.0, 0.1, -0.1)
                .unwrap_err()
                .field,
            "down"
        );
        let err = ron::from_str::<PoliticizationDynamics>("(up: 2.0)").unwrap_err();
        assert!(err.to_string().contains("up"), "{err}");
    }

    #[test]
    fn politics_fixed_and_dynamic() {
        let fixed = Politics::Fixed(pi(0.5));
        assert_eq!(fixed.next(pi(0.5), 2.0), pi(0.5));
        assert!(!fixed.is_dynamic());
        let dynamic = Politics::Dynamic {
            initial: pi(0.1),
            dynamics: PoliticizationDynamics::DEFAULT,
        };
        assert_eq!(dynamic.initial(), pi(0.1));
        assert!((dynamic.next(pi(0.1), 1.0).value() - 0.14).abs() < 1e-12);
        let parsed: Politics = ron::from_str(
            "Dynamic(initial: 0.1, dynamics: (visibility: 1.0, up: 0.05, down: 0.1))",
        )
        .unwrap();
        assert_eq!(parsed, dynamic);
        assert_eq!(ron::from_str::<Politics>("Fixed(0.5)").unwrap(), fixed);
        let err = ron::from_str::<Politics>("Fixed(1.5)").unwrap_err();
        assert!(err.to_string().contains("pi"), "{err}");
    }

    #[test]
    fn each_state_has_its_own_level() {
        let d = PoliticizationDynamics::new(1.0, 0.05, 0.1)
            .unwrap()
            .with_rally(0.5)
            .unwrap();
        // The partner defected visibly, the state itself too (half counts),
        // and it makes a securitizing move of 0.01:
        // 0.2 + 0.05 * (1 + 0.5) + 0.01 - 0.02 = 0.265.
        let next = d.next_for_state(pi(0.2), 1.0, 1.0, 0.01);
        assert!((next.value() - 0.265).abs() < 1e-12);
        // A shared level is the case rally = 1, no securitizing, equal
        // levels: bit for bit the shared update.
        let shared = PoliticizationDynamics::DEFAULT;
        for (a, b) in [(0.0, 0.0), (1.0, 0.0), (0.0, 0.5), (0.25, 1.0)] {
            let level = pi(0.37);
            let expected = shared.next(level, a + b);
            assert_eq!(shared.next_for_state(level, b, a, 0.0), expected);
            assert_eq!(shared.next_for_state(level, a, b, 0.0), expected);
        }
        let parsed: PoliticizationDynamics = ron::from_str("(rally: 0.25)").unwrap();
        assert_eq!(parsed.rally(), 0.25);
        let err = ron::from_str::<PoliticizationDynamics>("(rally: 1.5)").unwrap_err();
        assert!(err.to_string().contains("rally"), "{err}");
    }
}
