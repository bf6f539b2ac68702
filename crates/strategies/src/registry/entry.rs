//! The descriptor every registered player declares itself with, whatever
//! its kind: an [`Entry`] (names, summary, typed parameters, builder and a
//! default visibility) for the pairwise strategies ([`StrategyEntry`]), the
//! regime strategies and the society rules.
//!
//! An entry is a `const`, declared next to the player in its own file and
//! listed once in its kind's [catalogue](super::catalogue). The registry
//! checks every given value against the entry's [`ParamSpec`]s before the
//! builder runs, so a builder only reads typed values of the right kind and
//! in range; what is left to it are constraints between parameters (such
//! as `cap >= initial`), which its constructor reports as a
//! [`ParameterError`](twolevel_game::ParameterError) and
//! [`Params::finish`] turns into a [`StrategyError`].

use std::collections::BTreeMap;
use std::fmt;

use twolevel_game::{Classifier, CloneBoxed, PlayerKind, Strategy};

use super::params::{ParamSpec, Params, check_params};
use super::{ParamValue, StrategyError};

/// How a registered player of trait object `T` (`dyn Strategy`,
/// `dyn RegimeStrategy`, `dyn SocietyRule`) is built from its checked
/// parameters.
pub type Builder<T = dyn Strategy> = fn(&Params<'_>) -> Result<Box<T>, StrategyError>;

/// A registered pairwise strategy: an [`Entry`] of `dyn Strategy`.
pub type StrategyEntry = Entry<dyn Strategy>;

/// One registered player of trait object `T`, declared next to the player
/// in its own file and listed once in its kind's catalogue.
///
/// Entries are `const`, written with the `const` constructor and the
/// `with_*` methods:
///
/// ```
/// use twolevel_strategies::registry::{ParamKind, ParamSpec, StrategyEntry};
/// use twolevel_strategies::Random;
///
/// const ENTRY: StrategyEntry = StrategyEntry::new(
///     "Random",
///     "Cooperates with probability `p` each round.",
///     |params| params.finish(Random::new(params.number("p"))),
/// )
/// .with_params(&[ParamSpec::new(
///     "p",
///     ParamKind::probability(0.5),
///     "The probability of cooperating.",
/// )]);
///
/// let random = ENTRY.build_default()?;
/// assert_eq!(random.name(), "Random: 0.5");
/// # Ok::<(), twolevel_strategies::registry::StrategyError>(())
/// ```
pub struct Entry<T: ?Sized + 'static> {
    /// The display name, equal to the built player's `name()`
    /// (parametrised classic strategies append their parameters to it, as
    /// `axelrod` does).
    pub name: &'static str,
    /// Other accepted names, such as `"TFT"`.
    pub aliases: &'static [&'static str],
    /// A one-line description of the rule.
    pub summary: &'static str,
    /// The parameters the player takes, in the order they are listed.
    pub params: &'static [ParamSpec],
    /// The visibility of its defections when an entrant does not set one;
    /// `None` takes the tournament's default. Regime tournaments read it.
    pub visibility: Option<f64>,
    /// Builds the player from checked parameters.
    pub build: Builder<T>,
}

impl<T: ?Sized> Clone for Entry<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: ?Sized> Copy for Entry<T> {}

impl<T: ?Sized> fmt::Debug for Entry<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Entry")
            .field("name", &self.name)
            .field("aliases", &self.aliases)
            .field("summary", &self.summary)
            .field("params", &self.params)
            .field("visibility", &self.visibility)
            .finish_non_exhaustive()
    }
}

impl<T: ?Sized> Entry<T> {
    /// An entry without aliases, parameters or visibility of its own.
    #[must_use]
    pub const fn new(name: &'static str, summary: &'static str, build: Builder<T>) -> Self {
        Entry {
            name,
            aliases: &[],
            summary,
            params: &[],
            visibility: None,
            build,
        }
    }

    /// The same entry with other accepted names.
    #[must_use]
    pub const fn with_aliases(mut self, aliases: &'static [&'static str]) -> Self {
        self.aliases = aliases;
        self
    }

    /// The same entry with parameters.
    #[must_use]
    pub const fn with_params(mut self, params: &'static [ParamSpec]) -> Self {
        self.params = params;
        self
    }

    /// The same entry with a default visibility in [0, 1].
    #[must_use]
    pub const fn with_visibility(mut self, visibility: f64) -> Self {
        self.visibility = Some(visibility);
        self
    }

    /// The display name and the aliases, the name first.
    pub fn spellings(&self) -> impl Iterator<Item = &'static str> + use<T> {
        std::iter::once(self.name).chain(self.aliases.iter().copied())
    }

    /// The parameter called `name`, if the player takes it.
    #[must_use]
    pub fn param(&self, name: &str) -> Option<&'static ParamSpec> {
        self.params.iter().find(|spec| spec.name == name)
    }

    /// Builds the player from parameter values by name; missing parameters
    /// take their defaults.
    ///
    /// Fails with [`StrategyError::UnknownParameter`] (listing the accepted
    /// parameters) for a parameter the player does not take,
    /// [`StrategyError::WrongType`] for a value of the wrong kind and
    /// [`StrategyError::InvalidParameter`] for a value out of range or
    /// rejected by the player's constructor.
    pub fn build_with(
        &self,
        values: &BTreeMap<String, ParamValue>,
    ) -> Result<Box<T>, StrategyError> {
        (self.build)(&check_params(self.name, self.params, values)?)
    }

    /// Builds the player with every parameter at its default.
    pub fn build_default(&self) -> Result<Box<T>, StrategyError> {
        self.build_with(&BTreeMap::new())
    }
}

impl StrategyEntry {
    /// The [`Classifier`] of the strategy built with default parameters.
    ///
    /// # Panics
    ///
    /// If the defaults do not build, which the registry's tests rule out
    /// for every registered entry.
    #[must_use]
    pub fn default_classifier(&self) -> Classifier {
        self.build_default()
            .unwrap_or_else(|e| panic!("the defaults of `{}` do not build: {e}", self.name))
            .classifier()
    }
}

/// A [`Builder`] for a player without parameters, of any kind: its
/// `Default`, written `default_build::<MyStrategy, _>`.
pub(crate) fn default_build<P: CloneBoxed<K> + Default, K: PlayerKind>(
    _: &Params<'_>,
) -> Result<Box<K::Player>, StrategyError> {
    Ok(P::default().into_boxed())
}
