//! The end-game rule of `axelrod`'s `FinalTransformer`: defect in the last
//! rounds of a match whose length is known.

use twolevel_game::{Action, View};

/// Whether this round is one of the last `moves` rounds of a match whose
/// length is known, after `axelrod`'s `FinalTransformer`.
///
/// With an unknown length (`None`) this is never the case, as in `axelrod`
/// where a match with a probabilistic end reports an infinite length.
/// Rounds past the known length are not final, as in `axelrod`.
fn in_final_rounds(view: &View<'_>, moves: usize) -> bool {
    match view.known_length {
        Some(length) => {
            let length = length as usize;
            let turn = view.turn();
            turn < length && length - turn <= moves
        }
        None => false,
    }
}

/// The rule's `action`, replaced by a defection in the last `moves` rounds
/// of a match whose length is known ([`in_final_rounds`]), as `axelrod`'s
/// `FinalTransformer` with a sequence of defections does.
pub(crate) fn defect_in_final_rounds(view: &View<'_>, moves: usize, action: Action) -> Action {
    if in_final_rounds(view, moves) {
        Action::D
    } else {
        action
    }
}
