//! Cooperation in and out of election campaigns (`docs/model.md` section 5):
//! "narrow time horizons in the lead up to an election". Under an
//! [`ElectionCycle`](twolevel_game::ElectionCycle) each player's political
//! weight rises and its patience falls in the last rounds of every term;
//! players whose moves answer their own weight and shadow of the future
//! (the prudent reciprocator, the learners) then defect in campaign
//! seasons. [`campaign_cooperation`] measures it.
//!
//! ```
//! use twolevel_tournament::Tournament;
//! use twolevel_tournament::campaigns::campaign_cooperation;
//!
//! let file = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tournaments/election-cycle.ron");
//! let tournament = Tournament::from_file(file)?;
//! let base = tournament.round_robin.with_repetitions(1)?;
//! let rates = campaign_cooperation(&base)?.expect("the file has an election cycle");
//! let prudent = rates.iter().find(|r| r.name == "prudent reciprocator").unwrap();
//! assert!(prudent.campaign < prudent.calm);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use serde::{Deserialize, Serialize};
use twolevel_game::ParameterError;

use crate::round_robin::RoundRobin;

/// One player's cooperation in and out of campaign rounds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CampaignCooperation {
    /// The player's name.
    pub name: String,
    /// The share of its moves in campaign rounds that were cooperations,
    /// over all its matches (self-play included).
    pub campaign: f64,
    /// The same share in the other rounds.
    pub calm: f64,
}

/// Plays `base` (as [`RoundRobin::replay`] does: the same matches and
/// seeds as [`RoundRobin::play`]) and measures each player's cooperation in
/// campaign rounds and in the other rounds. `Ok(None)` when the tournament
/// has no election cycle.
///
/// The replay keeps every move of the match it plays (one match at a
/// time, whatever the players' memory), so a tournament whose longest
/// match would not fit in the [memory limit](crate::limits::memory_limit)
/// is refused before anything runs, naming `horizon`, the estimate and the
/// limit.
pub fn campaign_cooperation(
    base: &RoundRobin,
) -> Result<Option<Vec<CampaignCooperation>>, ParameterError> {
    let Some(&cycle) = base.config().election() else {
        return Ok(None);
    };
    let config = base.config();
    crate::limits::check_memory(
        "horizon",
        "replaying a match with every one of its moves (to tell campaign rounds apart)",
        crate::limits::match_history_memory(
            crate::config::planned_match_length(config.horizon()),
            None,
            config.perception_noise() > 0.0,
            1,
        ),
    )?;
    let n = base.entrants().len();
    // counts[p] = [campaign cooperations, campaign moves, calm ..., calm ...].
    let mut counts = vec![[0_u64; 4]; n];
    base.replay(|record, buffers| {
        for (side, &player) in record.players.iter().enumerate() {
            for (turn, action) in buffers.moves(side).iter().enumerate() {
                let slot = if cycle.is_campaign(turn as u32) { 0 } else { 2 };
                counts[player][slot] += u64::from(action.is_cooperation());
                counts[player][slot + 1] += 1;
            }
        }
    });
    let share = |cooperations: u64, moves: u64| cooperations as f64 / moves.max(1) as f64;
    Ok(Some(
        base.entrants()
            .iter()
            .zip(counts)
            .map(|(entrant, c)| CampaignCooperation {
                name: entrant.name.clone(),
                campaign: share(c[0], c[1]),
                calm: share(c[2], c[3]),
            })
            .collect(),
    ))
}
