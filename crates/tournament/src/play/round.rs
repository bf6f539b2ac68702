//! What a match keeps from round to round: the payoffs of the current
//! levels and orientations, the calendar of the coming round, each
//! player's orientation under an election cycle, and the levels' moves.

use twolevel_game::{
    Action, DomesticTerms, ElectionCycle, Orientation, PayoffMatrix, Politicization,
    PoliticizationDynamics, Situation, StageTable, StageTableBuilder, TwoLevelGame,
};

use super::{MatchConfig, PlayerSettings};

/// The payoffs of the current round's politicization levels and
/// orientations: the stage table, and each player's [`Situation`] with its
/// own blended matrix, effective weight and both levels.
pub(super) struct Payoffs {
    /// The level-free parts of the game's tables, for rebuilding the table
    /// when a level or an orientation moves.
    pub(super) builder: StageTableBuilder,
    pub(super) pis: [Politicization; 2],
    pub(super) orientations: [Orientation; 2],
    pub(super) table: StageTable,
    /// Each player's situation; the match loops fill in the calendar, the
    /// score and the last utility.
    pub(super) situations: [Situation; 2],
}

impl Payoffs {
    pub(super) fn new(
        game: &TwoLevelGame,
        pis: [Politicization; 2],
        orientations: [Orientation; 2],
        round: &Round,
    ) -> Self {
        let builder = StageTableBuilder::new(game);
        let mut table = StageTable::default();
        let weights = builder.fill(&mut table, pis, orientations);
        let own = own_matrices(&table);
        let situations = [0, 1].map(|k| Situation {
            politicization: pis[k].value(),
            partner_politicization: pis[1 - k].value(),
            payoffs: own[k],
            political_weight: weights[k],
            discount: round.discount[k],
            rounds_to_election: round.rounds_to_election,
            campaign: round.campaign,
            last_utility: None,
            score: 0.0,
            known_length: round.known_length,
            incentive: 0.0,
        });
        Payoffs {
            builder,
            pis,
            orientations,
            table,
            situations,
        }
    }

    /// Rebuilds the table and the situations' payoffs, in place, if a level
    /// or an orientation changed.
    #[inline]
    pub(super) fn update(&mut self, pis: [Politicization; 2], orientations: [Orientation; 2]) {
        if pis != self.pis || orientations != self.orientations {
            self.refill(pis, orientations, None);
        }
    }

    /// Switches to `game` (a match whose game changes, [`GameSwitch`](super::GameSwitch)):
    /// rebuilds the level-free parts, then the table and the situations'
    /// payoffs at the current levels and orientations.
    pub(super) fn switch_game(&mut self, game: &TwoLevelGame) {
        self.builder = StageTableBuilder::new(game);
        self.refill(self.pis, self.orientations, None);
    }

    /// Rebuilds the table and the situations' payoffs, in place, at these
    /// levels and orientations, with each state's domestic terms if given
    /// (`None` is the game's own table).
    #[inline]
    pub(super) fn refill(
        &mut self,
        pis: [Politicization; 2],
        orientations: [Orientation; 2],
        terms: Option<&[DomesticTerms; 2]>,
    ) {
        self.pis = pis;
        self.orientations = orientations;
        let weights = match terms {
            None => self.builder.fill(&mut self.table, pis, orientations),
            Some(terms) => self
                .builder
                .fill_with_terms(&mut self.table, pis, orientations, terms),
        };
        let own = own_matrices(&self.table);
        for (k, situation) in self.situations.iter_mut().enumerate() {
            situation.politicization = pis[k].value();
            situation.partner_politicization = pis[1 - k].value();
            situation.payoffs = own[k];
            situation.political_weight = weights[k];
        }
    }
}

/// What the players know about the calendar of the coming round: each
/// one's discount factor `delta_i`, the election calendar and the known
/// length.
pub(super) struct Round {
    pub(super) discount: [f64; 2],
    pub(super) rounds_to_election: Option<u32>,
    pub(super) campaign: bool,
    pub(super) known_length: Option<u32>,
}

/// The calendar of a match: the horizon's continuation probability, each
/// player's patience and the election cycle.
pub(super) struct Calendar<'c> {
    pub(super) turns: u32,
    pub(super) known_length: Option<u32>,
    /// `delta_t` when it is the same in every round: a continuation
    /// horizon's `delta`, or `1 - 1/T` for a fixed horizon of unknown
    /// length.
    pub(super) constant_delta: f64,
    pub(super) patience: [f64; 2],
    pub(super) election: Option<&'c ElectionCycle>,
}

impl<'c> Calendar<'c> {
    pub(super) fn new(
        config: &'c MatchConfig,
        turns: u32,
        known_length: Option<u32>,
        settings: &[PlayerSettings; 2],
    ) -> Self {
        let constant_delta = config.horizon.continuation_probability();
        Calendar {
            turns,
            known_length,
            constant_delta,
            patience: [settings[0].patience, settings[1].patience],
            election: config.election.as_ref(),
        }
    }

    /// The calendar of round `turn` (from 0).
    #[inline]
    pub(super) fn round(&self, turn: u32) -> Round {
        let delta_t = if self.known_length.is_some() {
            // The rounds left, this one included, act as the expected
            // remaining length: 0 in the last round.
            1.0 - 1.0 / f64::from(self.turns - turn)
        } else {
            self.constant_delta
        };
        let (patience, rounds_to_election, campaign) = match self.election {
            None => (self.patience, None, false),
            Some(cycle) => (
                self.patience.map(|h| cycle.patience_at(turn, h)),
                Some(cycle.rounds_to_election(turn)),
                cycle.is_campaign(turn),
            ),
        };
        Round {
            discount: [patience[0] * delta_t, patience[1] * delta_t],
            rounds_to_election,
            campaign,
            known_length: self.known_length,
        }
    }
}

/// Each player's own blended matrix (R', S', T', P') from a stage table.
#[inline]
fn own_matrices(table: &StageTable) -> [PayoffMatrix; 2] {
    // The game's magnitude check keeps every entry finite.
    [table.row_matrix(), table.column_matrix()]
}

/// Each player's orientation in round `turn`.
#[inline]
pub(crate) fn orientations_at(
    election: Option<&ElectionCycle>,
    turn: u32,
    settings: &[PlayerSettings; 2],
) -> [Orientation; 2] {
    match election {
        None => [settings[0].orientation, settings[1].orientation],
        Some(cycle) => settings.map(|s| cycle.orientation_at(turn, s.orientation)),
    }
}

/// Each state's level after a round in which the players played `played`:
/// moved by `dynamics` (each player's defection as visible as
/// `visibilities` says, plus its securitizing move), or unchanged without
/// dynamics.
#[inline]
pub(crate) fn next_levels(
    dynamics: Option<&PoliticizationDynamics>,
    visibilities: Option<[f64; 2]>,
    pis: [Politicization; 2],
    played: [Action; 2],
    settings: &[PlayerSettings; 2],
) -> [Politicization; 2] {
    let securitizing = [settings[0].securitizing, settings[1].securitizing];
    next_levels_securitized(dynamics, visibilities, pis, played, securitizing)
}

/// [`next_levels`] with each state's securitizing moves given: the
/// players' own, plus what a domestic arena's media campaigns add.
#[inline]
pub(crate) fn next_levels_securitized(
    dynamics: Option<&PoliticizationDynamics>,
    visibilities: Option<[f64; 2]>,
    pis: [Politicization; 2],
    played: [Action; 2],
    securitizing: [f64; 2],
) -> [Politicization; 2] {
    match (dynamics, visibilities) {
        (Some(dynamics), Some(visibilities)) => {
            let visible = |k: usize| {
                if played[k].is_defection() {
                    visibilities[k]
                } else {
                    0.0
                }
            };
            let visible = [visible(0), visible(1)];
            [
                dynamics.next_for_state(pis[0], visible[1], visible[0], securitizing[0]),
                dynamics.next_for_state(pis[1], visible[0], visible[1], securitizing[1]),
            ]
        }
        _ => pis,
    }
}
