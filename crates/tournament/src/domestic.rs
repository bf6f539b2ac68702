//! [`Domestic`]: everything domestic a round robin knows, one optional
//! [`Arena`] per entrant (a state) and the [`Coalition`]s across them
//! (docs/actors.md, `docs/actors.md`).
//!
//! A match between entrants `a` and `b` ([`play_arena_match`]) sees the
//! arenas of `a` and `b` and every coalition with a member in either. A
//! coalition member in a third state (an entrant not in the match) still
//! brings its weight to the web: its standing weight, `access c_k s_k` at
//! the round's access of its own arena, with no politicization factor
//! (its own public is not watching this match) and, if it has a budget,
//! the steady rate `B / T`.
//!
//! [`play_arena_match`]: crate::play::play_arena_match

use serde::{Deserialize, Serialize};
use twolevel_game::ParameterError;
use twolevel_game::actors::{ActorRef, Arena, Coalition};

/// One optional arena per entrant (indexed like the entrants) and the
/// coalitions across them. Build it with [`Domestic::new`], which checks
/// that every coalition member names an actor of an arena and that no
/// actor is in two coalitions. (The fields are public, as the contract
/// with the file layer says; a `Domestic` built by hand with a member
/// naming no actor plays as if that member were absent.)
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Domestic {
    /// `arenas[i]`: entrant i's arena, if it has one.
    pub arenas: Vec<Option<Arena>>,
    /// The coalitions, with members in any arenas.
    pub coalitions: Vec<Coalition>,
}

impl Domestic {
    /// Checks the coalitions against the arenas. Errors name
    /// `coalitions[i].members[j].state` (no such entrant, or an entrant
    /// without an arena), `coalitions[i].members[j].actor` (no such actor)
    /// or `coalitions[i].members[j]` (an actor already in another
    /// coalition).
    pub fn new(
        arenas: Vec<Option<Arena>>,
        coalitions: Vec<Coalition>,
    ) -> Result<Self, ParameterError> {
        for (i, coalition) in coalitions.iter().enumerate() {
            for (j, member) in coalition.members().iter().enumerate() {
                let at = format!("coalitions[{i}].members[{j}]");
                let arena = match arenas.get(member.state) {
                    None => {
                        return Err(ParameterError::new(
                            format!("{at}.state"),
                            format!(
                                "no state {}: there are {} entrants",
                                member.state,
                                arenas.len()
                            ),
                        ));
                    }
                    Some(None) => {
                        return Err(ParameterError::new(
                            format!("{at}.state"),
                            format!("state {} has no arena", member.state),
                        ));
                    }
                    Some(Some(arena)) => arena,
                };
                if member.actor >= arena.actors().len() {
                    return Err(ParameterError::new(
                        format!("{at}.actor"),
                        format!(
                            "no actor {} in state {}'s arena of {} actors",
                            member.actor,
                            member.state,
                            arena.actors().len()
                        ),
                    ));
                }
                if let Some(other) = coalitions[..i]
                    .iter()
                    .position(|c| c.members().contains(member))
                {
                    return Err(ParameterError::new(
                        at,
                        format!(
                            "`{}` of state {} is already a member of coalitions[{other}] (`{}`)",
                            arena.actors()[member.actor].name,
                            member.state,
                            coalitions[other].name()
                        ),
                    ));
                }
            }
        }
        Ok(Domestic { arenas, coalitions })
    }

    /// No arena and no coalition for `entrants` entrants: every match
    /// plays as [`play_match`](crate::play_match).
    #[must_use]
    pub fn none(entrants: usize) -> Self {
        Domestic {
            arenas: vec![None; entrants],
            coalitions: Vec::new(),
        }
    }

    /// Whether no entrant has an arena.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.arenas.iter().all(Option::is_none)
    }

    /// Entrant `state`'s arena, if it has one.
    #[must_use]
    pub fn arena(&self, state: usize) -> Option<&Arena> {
        self.arenas.get(state).and_then(Option::as_ref)
    }

    /// The actor a reference names, if any.
    #[must_use]
    pub fn actor(&self, member: ActorRef) -> Option<&twolevel_game::actors::Actor> {
        self.arena(member.state)
            .and_then(|arena| arena.actors().get(member.actor))
    }

    /// Whether a match between `states` can feel any domestic pressure:
    /// one of the two states has an arena that is not
    /// [inert](Arena::is_inert), or a coalition with a member in one of
    /// them has a member that is not inert. When it cannot, the match
    /// plays exactly as [`play_match`](crate::play_match).
    #[must_use]
    pub fn presses_on(&self, states: [usize; 2]) -> bool {
        let live = |member: &ActorRef| {
            self.arena(member.state)
                .is_some_and(|arena| arena.can_weigh(member.actor))
        };
        states
            .iter()
            .any(|&s| self.arena(s).is_some_and(|arena| !arena.is_inert()))
            || self.coalitions.iter().any(|c| {
                c.members().iter().any(|m| states.contains(&m.state))
                    && c.members().iter().any(live)
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use twolevel_game::actors::{Actor, ActorKind};

    fn arena() -> Arena {
        Arena::of(vec![
            Actor::new("police", ActorKind::Bureaucrat, 1.0, 0.7, 1.0),
            Actor::new("press", ActorKind::Private, 0.0, 0.2, 1.0),
        ])
        .unwrap()
    }

    fn web(members: &[(usize, usize)]) -> Coalition {
        let members = members
            .iter()
            .map(|&(state, actor)| ActorRef { state, actor })
            .collect();
        Coalition::new("web", members, 1.0, None).unwrap()
    }

    #[test]
    fn coalition_members_are_checked_against_the_arenas() {
        let arenas = || vec![Some(arena()), None, Some(arena())];
        let field = |coalitions| Domestic::new(arenas(), coalitions).unwrap_err().field;
        assert_eq!(
            field(vec![web(&[(0, 0), (5, 0)])]),
            "coalitions[0].members[1].state"
        );
        assert_eq!(
            field(vec![web(&[(1, 0)])]),
            "coalitions[0].members[0].state"
        );
        assert_eq!(
            field(vec![web(&[(2, 2)])]),
            "coalitions[0].members[0].actor"
        );
        assert_eq!(
            field(vec![web(&[(0, 0)]), web(&[(2, 1), (0, 0)])]),
            "coalitions[1].members[1]"
        );
        let domestic = Domestic::new(arenas(), vec![web(&[(0, 1), (2, 1)])]).unwrap();
        assert!(!domestic.is_empty());
        assert!(Domestic::none(3).is_empty());
        assert_eq!(
            domestic
                .actor(ActorRef { state: 2, actor: 0 })
                .unwrap()
                .name,
            "police"
        );
    }

    #[test]
    fn pressure_needs_a_live_actor() {
        let quiet = Arena::of(
            arena()
                .actors()
                .iter()
                .cloned()
                .map(|mut a| {
                    a.capability = 0.0;
                    a
                })
                .collect(),
        )
        .unwrap();
        let domestic =
            Domestic::new(vec![Some(quiet.clone()), None, Some(arena())], vec![]).unwrap();
        assert!(!domestic.presses_on([0, 1]));
        assert!(domestic.presses_on([0, 2]));
        // A web reaches state 0 with state 2's live member.
        let webbed = Domestic::new(
            vec![Some(quiet), None, Some(arena())],
            vec![web(&[(0, 0), (2, 0)])],
        )
        .unwrap();
        assert!(webbed.presses_on([0, 1]));
    }
}
