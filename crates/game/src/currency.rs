//! The three currencies in which a two-level result can be counted
//! (`docs/model.md` section 10).
//!
//! - [`Currency::Policy`]: the policy payoff, absolute gains, national
//!   welfare. It is on one scale for every player, so it is the currency in
//!   which players are compared by default.
//! - [`Currency::Political`]: the domestic political payoff (relative gains
//!   at home, audience, accountability): electoral survival.
//! - [`Currency::Utility`]: the player's own blend of the two with its own
//!   effective political weight. Each player's utility is on its own scale,
//!   so utilities of players with different weights are **not** comparable:
//!   two tit-for-tat players with `w = 0` and `w = 0.8` make the same moves
//!   and earn the same policy payoff, yet their utilities differ.
//!
//! Rankings, win counts and evolutionary fitness name their currency.
//!
//! ```
//! use twolevel_game::{ByCurrency, Currency, Payoff};
//!
//! let payoff = Payoff { utility: 1.0, policy: 3.0, political: -2.0 };
//! assert_eq!(payoff.in_currency(Currency::Policy), 3.0);
//! let totals = ByCurrency::from_fn(|c| payoff.in_currency(c) * 2.0);
//! assert_eq!(totals[Currency::Political], -4.0);
//! assert_eq!(Currency::default(), Currency::Policy);
//! ```

use std::fmt;
use std::ops::{Index, IndexMut};

use serde::{Deserialize, Serialize};

/// A currency in which payoffs are counted; see the [module
/// documentation](self). The default is [`Currency::Policy`].
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
pub enum Currency {
    /// The policy (international, absolute-gains) payoff: comparable
    /// between all players.
    #[default]
    Policy,
    /// The political (domestic) payoff.
    Political,
    /// The player's own blended utility, on its own scale.
    Utility,
}

impl Currency {
    /// The three currencies, policy first.
    pub const ALL: [Currency; 3] = [Currency::Policy, Currency::Political, Currency::Utility];

    /// The currency's name in lower case, as used in file headers
    /// (`"policy"`, `"political"`, `"utility"`).
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Currency::Policy => "policy",
            Currency::Political => "political",
            Currency::Utility => "utility",
        }
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Currency::Policy => "policy payoff",
            Currency::Political => "political payoff",
            Currency::Utility => "own utility",
        })
    }
}

/// One value for each [`Currency`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ByCurrency<T> {
    /// The value in policy payoff.
    pub policy: T,
    /// The value in political payoff.
    pub political: T,
    /// The value in own utility.
    pub utility: T,
}

impl<T> ByCurrency<T> {
    /// Builds the three values from a function of the currency.
    pub fn from_fn(mut value: impl FnMut(Currency) -> T) -> Self {
        ByCurrency {
            policy: value(Currency::Policy),
            political: value(Currency::Political),
            utility: value(Currency::Utility),
        }
    }

    /// Applies `f` to each value.
    pub fn map<U>(self, mut f: impl FnMut(T) -> U) -> ByCurrency<U> {
        ByCurrency {
            policy: f(self.policy),
            political: f(self.political),
            utility: f(self.utility),
        }
    }

    /// The values with their currencies, policy first.
    pub fn iter(&self) -> impl Iterator<Item = (Currency, &T)> {
        [
            (Currency::Policy, &self.policy),
            (Currency::Political, &self.political),
            (Currency::Utility, &self.utility),
        ]
        .into_iter()
    }
}

impl<T> Index<Currency> for ByCurrency<T> {
    type Output = T;

    fn index(&self, currency: Currency) -> &T {
        match currency {
            Currency::Policy => &self.policy,
            Currency::Political => &self.political,
            Currency::Utility => &self.utility,
        }
    }
}

impl<T> IndexMut<Currency> for ByCurrency<T> {
    fn index_mut(&mut self, currency: Currency) -> &mut T {
        match currency {
            Currency::Policy => &mut self.policy,
            Currency::Political => &mut self.political,
            Currency::Utility => &mut self.utility,
        }
    }
}
