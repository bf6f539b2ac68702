//! The player traits of every kind of game, one file a kind, and the one
//! boxing helper they share.
//!
//! - [`pairwise`]: the [`Strategy`] of an iterated two-state match, its
//!   [`View`] (with its [`Situation`]) and its [`Classifier`].
//! - [`regime`]: the [`RegimeStrategy`] of an iterated N-state regime and
//!   its [`RegimeView`] of the whole action profile history.
//! - [`society`]: the [`SocietyRule`] of a society of states that meet at
//!   random, the [`DonorView`] the society engine builds, and the
//!   [`StandingTable`] of a rule that reads standings only.
//!
//! The traits live in `twolevel-game`, the smallest crate, so that a
//! third-party player depends on nothing but this crate (and `rand_core`
//! for the RNG it is handed). Each is object-safe: engines hold players as
//! `Box<dyn Strategy>`, `Box<dyn RegimeStrategy>` or `Box<dyn SocietyRule>`,
//! and give every match, regime or run its own copy. That copy comes from
//! [`CloneBoxed`], a supertrait of each player trait implemented for every
//! player type that is `Clone`, so an implementor derives `Clone` and
//! writes nothing more; `Clone` for the box and `Debug` for the trait
//! object (the player's name) are written once, in this module, for every
//! kind, each kind named by a marker type ([`PlayerKind`]).
//!
//! A new kind of player gets a file here with its trait (whose supertrait
//! is `CloneBoxed<ItsKind>` and which has a `fn name(&self) -> &str`), one
//! `boxed_player!` line in this module naming its marker, and a re-export
//! in `lib.rs`.

pub mod pairwise;
pub mod regime;
pub mod society;

pub use pairwise::{Classifier, Situation, Strategy, View};
pub use regime::{RegimeStrategy, RegimeView};
pub use society::{DonorView, SocietyRule, StandingTable, standing_table};

/// A kind of player, named by a marker type ([`PairwiseKind`],
/// [`RegimeKind`], [`SocietyKind`]): its trait object, the type engines
/// box.
///
/// [`CloneBoxed`] is generic over the marker rather than over the trait
/// object itself because a trait cannot name its own trait object among its
/// supertraits (`trait Strategy: CloneBoxed<dyn Strategy>` is a cycle).
pub trait PlayerKind: 'static {
    /// The trait object of this kind's players, such as `dyn Strategy`.
    type Player: ?Sized + 'static;
}

/// Boxing for the players of one kind `K` ([`PairwiseKind`],
/// [`RegimeKind`], [`SocietyKind`]), so that an engine can give each match
/// its own copy of a configured player and a registry can box what a
/// builder made.
///
/// It is implemented for every `Clone` player of each kind; nobody needs to
/// implement it by hand.
pub trait CloneBoxed<K: PlayerKind> {
    /// A boxed copy of this player, in its current state.
    fn clone_box(&self) -> Box<K::Player>;

    /// This player, boxed as a player of its kind.
    fn into_boxed(self) -> Box<K::Player>
    where
        Self: Sized;
}

/// For the player trait `$trait`: its kind marker `$kind` (documented by
/// `$doc`), [`CloneBoxed`] for every `Clone` player, `Clone` for
/// `Box<dyn $trait>` and a `Debug` for `dyn $trait` that shows the
/// player's name.
macro_rules! boxed_player {
    ($(#[doc = $doc:literal])* $kind:ident => $trait:ident) => {
        $(#[doc = $doc])*
        #[derive(Clone, Copy, Debug)]
        pub enum $kind {}

        impl PlayerKind for $kind {
            type Player = dyn $trait;
        }

        impl<P: $trait + Clone + 'static> CloneBoxed<$kind> for P {
            fn clone_box(&self) -> Box<dyn $trait> {
                Box::new(self.clone())
            }

            fn into_boxed(self) -> Box<dyn $trait> {
                Box::new(self)
            }
        }

        impl Clone for Box<dyn $trait> {
            fn clone(&self) -> Self {
                self.clone_box()
            }
        }

        impl std::fmt::Debug for dyn $trait {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.debug_struct(stringify!($trait))
                    .field("name", &self.name())
                    .finish_non_exhaustive()
            }
        }
    };
}

boxed_player! {
    /// The players of an iterated two-state match: [`Strategy`].
    PairwiseKind => Strategy
}
boxed_player! {
    /// The players of an iterated N-state regime: [`RegimeStrategy`].
    RegimeKind => RegimeStrategy
}
boxed_player! {
    /// The action rules of a society of states: [`SocietyRule`].
    SocietyKind => SocietyRule
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Action;
    use rand_core::Rng;

    #[derive(Clone)]
    struct Always(Action);

    impl Strategy for Always {
        fn name(&self) -> &str {
            "Always"
        }
        fn classifier(&self) -> Classifier {
            Classifier::deterministic(Some(0))
        }
        fn decide(&mut self, _: &View<'_>, _: &mut dyn Rng) -> Action {
            self.0
        }
        fn reset(&mut self) {}
    }

    #[test]
    fn boxes_clone_and_show_their_name() {
        let boxed: Box<dyn Strategy> = Always(Action::D).into_boxed();
        let _: Box<dyn Strategy> = CloneBoxed::<PairwiseKind>::clone_box(&Always(Action::C));
        let copy = boxed.clone();
        assert_eq!(copy.name(), "Always");
        assert_eq!(format!("{copy:?}"), "Strategy { name: \"Always\", .. }");
        assert_eq!(boxed.clone_box().name(), "Always");
    }
}
