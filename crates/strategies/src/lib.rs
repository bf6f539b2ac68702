//! # twolevel-strategies
//!
//! The players of twolevel: specific reciprocity (tit-for-tat and its
//! family), diffuse reciprocity with a credit/debt ledger, free-riders,
//! nationalist defectors, and the classic Axelrod set with the names and
//! behaviour of the Python `axelrod` library.
//!
//! Every strategy implements [`twolevel_game::Strategy`]; one strategy per
//! file, each documented with its rule and its source, grouped in folders by
//! family and re-exported here:
//!
//! - [`reciprocity`]: [`TitForTat`], [`ContriteTitForTat`],
//!   [`DiffuseReciprocity`] (on a credit/debt [`Ledger`]) and
//!   [`GearShifting`].
//! - [`actors`], the two-level actors: [`FreeRider`], [`NationalistDefector`],
//!   [`Delegation`] (a state as a politician and a bureaucrat who takes
//!   the wheel with probability `autonomy`), and the states that use
//!   carrots and sticks in play: [`Hegemon`] and [`Coercer`].
//! - [`PrudentReciprocator`] (in [`reciprocity`]): tit for tat while its
//!   own discount factor makes cooperation self-enforcing under its own
//!   blended payoffs.
//! - [`learning`], learners that adapt to the utilities they receive:
//!   [`BushMosteller`], [`RothErev`], [`FictitiousPlay`] and [`QLearner`].
//! - [`classic`]: the classic Axelrod set.
//! - [`second`]: the entries of Axelrod's second tournament, translated
//!   from his Fortran, and their published ranking
//!   ([`PUBLISHED_RANKING`](second::PUBLISHED_RANKING)).
//! - [`memory_one`]: the generic four-vector [`MemoryOne`] and the
//!   zero-determinant strategies of Press and Dyson (2012)
//!   ([`ZeroDeterminant`], [`ZDExtort2`], [`ZDGTFT2`], ...).
//! - [`society`]: action rules of a society of states that meet at random
//!   (discriminator, generalized reciprocity, society ledger, the leading
//!   eight's rules, ...), implementing [`SocietyRule`](society::SocietyRule)
//!   of `twolevel-game`, built by name with [`society::build_rule`].
//! - [`regime`]: regime strategies for N-state groups (conditional
//!   cooperators, regime ledgers, the MFN free-rider, ...), built by name
//!   with [`regime::registry::build_regime`].
//! - [`registry`]: the one generic registry of every kind of player: build
//!   any of them by name from a [`StrategySpec`](registry::StrategySpec),
//!   and list them with their parameters ([`registry::entries`], one
//!   [`Catalogue`](registry::Catalogue) per kind).
//! - [`preset`]: named actors (strategy + political weight + visibility)
//!   from the RON files of the top-level `strategies/` folder, also
//!   compiled in.
//! - [`config`]: RON parsing with errors that give file, line and column
//!   (the crate [`twolevel_files`], re-exported under its former name).
//! - [`draw`]: how a stochastic strategy draws its move from a probability
//!   ([`draw::random_choice`], which the match engine uses too).
//! - [`testing`]: helpers to play strategies against each other in tests.
//!
//! ## Quick start
//!
//! ```
//! use twolevel_strategies::{TitForTat, Defector};
//! use twolevel_strategies::testing::play;
//!
//! let (tft, alld) = play(&mut TitForTat, &mut Defector, 5);
//! assert_eq!(tft, "CDDDD");
//! assert_eq!(alld, "DDDDD");
//! ```
//!
//! Building from configuration:
//!
//! ```
//! use twolevel_files::parse_ron;
//! use twolevel_strategies::registry::{build, StrategySpec};
//!
//! let spec: StrategySpec = parse_ron(
//!     r#"(name: "Diffuse Reciprocity", params: {"tolerance": 2.0, "lambda": 0.9})"#,
//!     "<example>",
//! )?;
//! let bureaucrat = build(&spec)?;
//! assert_eq!(bureaucrat.name(), "Diffuse Reciprocity");
//!
//! let presets = twolevel_strategies::preset::builtin_presets()?;
//! assert_eq!(presets["politician"].political_weight(), 0.8);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

//!
//! ## How to add a strategy
//!
//! One file, one entry, one line in the registry's list (a regime strategy
//! or a society rule likewise, in its kind's list):
//!
//! 1. Write the strategy in its own file in its family's folder (say
//!    `reciprocity/my_strategy.rs`), add `pub(crate) mod my_strategy;` and a
//!    `pub use` to the folder's `mod.rs`, and document its rule and source.
//! 2. In the same file, declare its registry entry: a
//!    `pub(crate) const ENTRY:` [`StrategyEntry`](registry::StrategyEntry)
//!    with its name, aliases, a one-line summary, one
//!    [`ParamSpec`](registry::ParamSpec) per parameter (kind, default, valid
//!    range, one-line doc) and a builder. The registry checks kinds and
//!    ranges before the builder runs, so the builder only reads typed
//!    values:
//!
//!    ```ignore
//!    pub(crate) const ENTRY: StrategyEntry = StrategyEntry::new(
//!        "Diffuse Reciprocity",
//!        "Cooperates while the partner's net debt stays within a tolerance.",
//!        |params| {
//!            params.finish(DiffuseReciprocity::new(
//!                params.number("tolerance"),
//!                params.number("lambda"),
//!                valuation_param(params),
//!            ))
//!        },
//!    )
//!    .with_aliases(&["Diffuse"])
//!    .with_params(&[
//!        ParamSpec::new(
//!            "tolerance",
//!            tolerance_kind(DiffuseReciprocity::DEFAULT_TOLERANCE),
//!            "The credit line: the largest net debt of the partner it still cooperates under.",
//!        ),
//!        lambda_param(0.9, "The decay of old debts per round (1: nothing is forgotten)."),
//!        VALUATION_PARAM,
//!    ]);
//!    ```
//!
//!    A strategy without parameters is `StrategyEntry::new(name, summary,
//!    default_build::<MyStrategy, _>)`.
//! 3. Add `&family::my_strategy::ENTRY,` to the end of the list
//!    [`STRATEGIES`](registry::STRATEGIES) in `registry/catalogue.rs`, and a
//!    row to `docs/strategies.md` (a test checks that every registered name
//!    has one).
//!
//! The registry's tests then build the strategy with its defaults, give
//! every declared default explicitly, and check that no name or alias
//! collides with another.

pub mod actors;
pub mod classic;
pub mod draw;
pub mod learning;
pub mod memory_one;
pub mod preset;
pub mod reciprocity;
pub mod regime;
pub mod registry;
pub mod second;
pub mod society;
pub mod testing;

#[cfg(test)]
mod assertions;
mod python_format;

/// RON parsing with errors that give file, line and column: the crate
/// [`twolevel_files`], kept under its former path
/// `twolevel_strategies::config`.
pub use twolevel_files as config;

pub use actors::{Coercer, Delegation, FreeRider, Hegemon, NationalistDefector, Retaliation};
pub use classic::*;
pub use learning::{BushMosteller, FictitiousPlay, QLearner, RothErev};
pub use memory_one::{
    Baseline, MemoryOne, ZDExtort2, ZDExtort2v2, ZDExtort3, ZDExtort4, ZDExtortion, ZDGTFT2,
    ZDGen2, ZDMischief, ZDSet2, ZeroDeterminant,
};
pub use reciprocity::ledger::{self, Ledger, Valuation};
pub use reciprocity::{
    ContriteTitForTat, DiffuseReciprocity, GearShifting, GearShiftingParams, PrudentReciprocator,
    TitForTat,
};
