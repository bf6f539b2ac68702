//! [`NetworkSpread`]: a spatial tournament played in epochs between which
//! politicization spreads along the edges or a bureaucratic network raises
//! autonomy ([`NetworkRule`]); its documentation derives both updates.

use serde::{Deserialize, Serialize};
use twolevel_game::error::check_unit_interval;
use twolevel_game::{Orientation, ParameterError, Politicization, PoliticizationDynamics};

use super::{Entrant, RoundRobin, RoundRobinResults};
use crate::progress::Progress;
use crate::seeding::derive_seed;

/// The coordinate an epoch's seed is derived from, beside the master seed
/// and the epoch ("network" in ASCII).
const EPOCH_STREAM: u64 = 0x006e_6574_776f_726b;

/// The most epochs a spread plays.
pub const MAX_EPOCHS: u32 = 100_000;

/// A rule that moves a state's two-level parameters between the epochs of
/// a spatial tournament, from what its neighbours did (see
/// [`NetworkSpread`]). In a tournament file:
/// `spread: [Politicization(rate: 0.3, decay: 0.2, cap: 1.0)]` or
/// `spread: [Autonomy(base: 0.1, rate: 0.6)]`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum NetworkRule {
    /// Politicization spreading along edges: a state's `pi_i` rises with
    /// its neighbours' visible defections and decays otherwise.
    Politicization {
        /// How much a neighbourhood that only defected, visibly, raises
        /// `pi_i` in an epoch (at least 0).
        rate: f64,
        /// The share of `pi_i` a calm neighbourhood lets decay in an epoch
        /// (in [0, 1]).
        decay: f64,
        /// The highest level the spread can reach (in [0, 1]; 1 by
        /// default).
        #[serde(default = "one")]
        cap: f64,
    },
    /// A bureaucratic (transgovernmental) network: a state's autonomy
    /// rises with the cooperation of its neighbours, and insulates its
    /// policy by lowering its political weight.
    Autonomy {
        /// The autonomy of a state whose neighbours never cooperate (in
        /// [0, 1]).
        base: f64,
        /// How much a fully cooperative neighbourhood adds to it (at least
        /// 0; the sum is capped at 1).
        rate: f64,
    },
}

fn one() -> f64 {
    1.0
}

fn check_rate(field: &str, value: f64) -> Result<f64, ParameterError> {
    if value.is_finite() && value >= 0.0 {
        Ok(value)
    } else {
        Err(ParameterError::new(
            field,
            format!("expected a finite number of at least 0, got {value}"),
        ))
    }
}

impl NetworkRule {
    /// Checks the rule's parameters; errors name the field (`rate`,
    /// `decay`, `cap`, `base`).
    pub fn check(&self) -> Result<(), ParameterError> {
        match *self {
            NetworkRule::Politicization { rate, decay, cap } => {
                check_rate("rate", rate)?;
                check_unit_interval("decay", decay)?;
                check_unit_interval("cap", cap)?;
            }
            NetworkRule::Autonomy { base, rate } => {
                check_unit_interval("base", base)?;
                check_rate("rate", rate)?;
            }
        }
        Ok(())
    }

    /// The rule's name in a file.
    #[must_use]
    pub const fn kind(&self) -> &'static str {
        match self {
            NetworkRule::Politicization { .. } => "Politicization",
            NetworkRule::Autonomy { .. } => "Autonomy",
        }
    }
}

/// The politicization after an epoch in which the share `seen` of the
/// neighbourhood's play was visible defection:
/// `clamp(pi + rate seen - decay (1 - seen) pi, 0, cap)`.
#[must_use]
pub fn next_politicization(pi: f64, seen: f64, rate: f64, decay: f64, cap: f64) -> f64 {
    (pi + rate * seen - decay * (1.0 - seen) * pi).clamp(0.0, cap)
}

/// The autonomy of a state whose neighbours cooperated a share
/// `cooperation` of their moves: `min(1, base + rate cooperation)`.
#[must_use]
pub fn autonomy(base: f64, rate: f64, cooperation: f64) -> f64 {
    (base + rate * cooperation).min(1.0)
}

/// Two-level questions on networks (issue 25, item 6): a spatial round
/// robin played in *epochs*, between which a state's politicization or
/// its bureaucracy's autonomy moves with what its neighbours did.
///
/// An epoch is one play of the spatial tournament (every edge's matches,
/// every repetition), each state `i` playing at its own politicization
/// `pi_i` (its
/// [`PlayerSettings::with_politicization`](crate::PlayerSettings::with_politicization): fixed for the
/// epoch's matches under fixed politics, their initial level under dynamic
/// politics) and its own political weight `w_i`. After the epoch, with
/// `d_j` the share of `j`'s moves that were defections (against anyone,
/// every match and repetition of the epoch weighing by its rounds) and
/// `v_j` its visibility:
///
/// - [`NetworkRule::Politicization`]: `s_i = mean over neighbours j of
///   v_j d_j` is the share of the neighbourhood's play that the public of
///   `i` saw as visible defection, and
///   `pi_i' = clamp(pi_i + rate s_i - decay (1 - s_i) pi_i, 0, cap)`:
///   section 3's per-state update with a neighbourhood's visible
///   defections for the partner's, the calm share `1 - s_i` letting the
///   level decay;
/// - [`NetworkRule::Autonomy`]: `a_i = min(1, base + rate c_i)`, `c_i =
///   mean over neighbours j of (1 - d_j)` the share of cooperation in the
///   transgovernmental network around `i` (in epoch 0, `a_i = base`), and
///   the state plays at `w_i (1 - a_i)`: the bureaucrat (political weight
///   0) takes the wheel with probability `a_i` (`docs/model.md`, the
///   delegation's autonomy), and the state's expected blend weight is
///   `(1 - a_i) w_i + a_i 0`.
///
/// The node attributes `politicization` and `political_weight` are the
/// starting `pi_i` and the base `w_i`; without them each player's own
/// (or the tournament's) level and weight. Epoch 0 plays with the
/// tournament's seed, epoch `e > 0` with a seed derived from it and `e`,
/// so that a spread of one epoch, or one whose rules leave every level as
/// it is (`rate = decay = 0`, `base = rate = 0`), plays exactly the
/// spatial tournament without it. Results do not depend on the number of
/// threads: each epoch is a [`RoundRobin::play_observed`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NetworkSpread {
    rules: Vec<NetworkRule>,
    epochs: u32,
}

/// One epoch's aggregates.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct EpochSummary {
    /// The epoch, from 0.
    pub epoch: u32,
    /// The mean over states of the politicization each played at.
    pub mean_politicization: f64,
    /// The mean over states of the autonomy each played with (0 without
    /// an autonomy rule).
    pub mean_autonomy: f64,
    /// The share of all moves of the epoch that were cooperation (every
    /// match weighing by its rounds).
    pub cooperation: f64,
    /// The mean over states of their policy payoff per turn, averaged over
    /// their neighbours (policy currency, comparable between states).
    pub policy_payoff: f64,
}

/// What a spread records: per epoch and per node, the politicization
/// and autonomy each state played at and the share of its moves that were
/// cooperation, and the levels after the last epoch.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NetworkResults {
    /// The rules.
    pub rules: Vec<NetworkRule>,
    /// Each epoch's aggregates.
    pub epochs: Vec<EpochSummary>,
    /// `politicization[e][i]`: the level state `i` played at in epoch `e`.
    pub politicization: Vec<Vec<f64>>,
    /// `autonomy[e][i]`: state `i`'s autonomy in epoch `e`.
    pub autonomy: Vec<Vec<f64>>,
    /// `political_weight[e][i]`: the political weight state `i` played
    /// with in epoch `e` (its base weight times `1 - autonomy`).
    pub political_weight: Vec<Vec<f64>>,
    /// `cooperation[e][i]`: the share of state `i`'s moves in epoch `e`
    /// that were cooperation.
    pub cooperation: Vec<Vec<f64>>,
    /// Each state's politicization after the last epoch's update (the
    /// final map).
    pub final_politicization: Vec<f64>,
}

/// A spread's outcome: the last epoch's tournament results and the
/// network's record.
#[derive(Clone, Debug)]
pub struct NetworkRun {
    /// The results of the last epoch's spatial tournament.
    pub results: RoundRobinResults,
    /// The per-epoch, per-node record.
    pub network: NetworkResults,
}

impl NetworkSpread {
    /// A spread of `epochs` (1 to [`MAX_EPOCHS`]) epochs under `rules`
    /// (at most one rule of each kind). Errors name `epochs` or
    /// `spread[k]` and the rule's field.
    pub fn new(rules: Vec<NetworkRule>, epochs: u32) -> Result<Self, ParameterError> {
        if epochs == 0 || epochs > MAX_EPOCHS {
            return Err(ParameterError::new(
                "epochs",
                format!("expected 1 to {MAX_EPOCHS} epochs, got {epochs}"),
            ));
        }
        for (k, rule) in rules.iter().enumerate() {
            rule.check()
                .map_err(|e| e.within(&format!("spread[{k}]")))?;
            if rules[..k].iter().any(|r| r.kind() == rule.kind()) {
                return Err(ParameterError::new(
                    format!("spread[{k}]"),
                    format!("a second {} rule; give each kind once", rule.kind()),
                ));
            }
        }
        Ok(NetworkSpread { rules, epochs })
    }

    /// The rules.
    #[must_use]
    pub fn rules(&self) -> &[NetworkRule] {
        &self.rules
    }

    /// The number of epochs.
    #[must_use]
    pub const fn epochs(&self) -> u32 {
        self.epochs
    }

    /// Plays `round_robin` (a spatial tournament) for the spread's epochs,
    /// telling `progress` about every epoch's matches.
    ///
    /// Fails, naming `spread`, when the tournament has no graph, and
    /// naming `node_attributes.NAME` when a `politicization` or
    /// `political_weight` attribute lies outside [0, 1].
    pub fn play(
        &self,
        round_robin: &RoundRobin,
        progress: &dyn Progress,
    ) -> Result<NetworkRun, ParameterError> {
        let Some(graph) = round_robin.graph() else {
            return Err(ParameterError::new(
                "spread",
                "a spread needs a spatial tournament: give a `graph` or an `edges` file",
            ));
        };
        let n = graph.node_count();
        // The record: four numbers a node and an epoch, and the final map.
        crate::limits::check_memory(
            "epochs",
            "the spread's record",
            8.0 * (4.0 * f64::from(self.epochs) + 1.0) * n as f64,
        )?;
        let entrants = round_robin.entrants();
        let politics = *round_robin.config().politics();
        let default_visibility = politics
            .dynamics()
            .map_or(PoliticizationDynamics::DEFAULT.visibility(), |d| {
                d.visibility()
            });
        let attribute = |name: &str| -> Result<Option<&[f64]>, ParameterError> {
            match graph.attribute(name) {
                Some(values) => {
                    for &v in values {
                        check_unit_interval(&format!("node_attributes.{name}"), v)?;
                    }
                    Ok(Some(values))
                }
                None => Ok(None),
            }
        };
        let start_pi = attribute("politicization")?;
        let start_w = attribute("political_weight")?;
        let mut pi: Vec<f64> = (0..n)
            .map(|i| match start_pi {
                Some(values) => values[i],
                None => entrants[i]
                    .settings
                    .politicization()
                    .unwrap_or(politics.initial())
                    .value(),
            })
            .collect();
        let base_w: Vec<f64> = (0..n)
            .map(|i| match start_w {
                Some(values) => values[i],
                None => entrants[i].settings.orientation().political_weight(),
            })
            .collect();
        let visibility: Vec<f64> = entrants
            .iter()
            .map(|e| e.settings.visibility().unwrap_or(default_visibility))
            .collect();
        let spread_pi = self.rules.iter().find_map(|r| match *r {
            NetworkRule::Politicization { rate, decay, cap } => Some((rate, decay, cap)),
            NetworkRule::Autonomy { .. } => None,
        });
        let spread_autonomy = self.rules.iter().find_map(|r| match *r {
            NetworkRule::Autonomy { base, rate } => Some((base, rate)),
            NetworkRule::Politicization { .. } => None,
        });
        let mut auto = vec![spread_autonomy.map_or(0.0, |(base, _)| base); n];
        let epochs = self.epochs as usize;
        let mut record = NetworkResults {
            rules: self.rules.clone(),
            epochs: Vec::with_capacity(epochs),
            politicization: Vec::with_capacity(epochs),
            autonomy: Vec::with_capacity(epochs),
            political_weight: Vec::with_capacity(epochs),
            cooperation: Vec::with_capacity(epochs),
            final_politicization: Vec::new(),
        };
        let mut cooperations = vec![0.0; n];
        let mut moves = vec![0.0; n];
        let mut last = None;
        for epoch in 0..self.epochs {
            let weights: Vec<f64> = base_w
                .iter()
                .zip(&auto)
                .map(|(w, a)| w * (1.0 - a))
                .collect();
            // Without attributes and with levels that have not moved, the
            // entrants are the tournament's own, so that such an epoch is
            // the tournament without the spread, bit for bit.
            let players: Vec<Entrant> = entrants
                .iter()
                .enumerate()
                .map(|(i, entrant)| {
                    let mut entrant = entrant.clone();
                    let own_pi = entrant
                        .settings
                        .politicization()
                        .unwrap_or(politics.initial())
                        .value();
                    if pi[i] != own_pi {
                        entrant.settings = entrant
                            .settings
                            .with_politicization(Some(Politicization::new(pi[i])?));
                    }
                    if weights[i] != entrant.settings.orientation().political_weight() {
                        entrant.settings =
                            entrant.settings.reoriented(Orientation::new(weights[i])?);
                    }
                    Ok(entrant)
                })
                .collect::<Result<_, ParameterError>>()?;
            let seed = if epoch == 0 {
                round_robin.seed()
            } else {
                derive_seed(round_robin.seed(), &[EPOCH_STREAM, u64::from(epoch)])
            };
            let tournament = round_robin.clone().with_entrants(players)?.with_seed(seed);
            cooperations.fill(0.0);
            moves.fill(0.0);
            let results = tournament.play_observed(progress, &mut |record| {
                let turns = f64::from(record.result.turns) * record.share;
                for (k, &player) in record.players.iter().enumerate() {
                    cooperations[player] +=
                        f64::from(record.result.players[k].cooperations) * record.share;
                    moves[player] += turns;
                }
            });
            let share: Vec<f64> = cooperations
                .iter()
                .zip(&moves)
                .map(|(c, m)| if *m > 0.0 { c / m } else { 1.0 })
                .collect();
            let total_moves: f64 = moves.iter().sum();
            let policy_payoff = results
                .spatial
                .as_ref()
                .map_or(0.0, |s| s.averaged.policy.iter().sum::<f64>() / n as f64);
            record.epochs.push(EpochSummary {
                epoch,
                mean_politicization: pi.iter().sum::<f64>() / n as f64,
                mean_autonomy: auto.iter().sum::<f64>() / n as f64,
                cooperation: if total_moves > 0.0 {
                    cooperations.iter().sum::<f64>() / total_moves
                } else {
                    1.0
                },
                policy_payoff,
            });
            record.politicization.push(pi.clone());
            record.autonomy.push(auto.clone());
            record.political_weight.push(weights);
            record.cooperation.push(share.clone());
            // The updates, each node from its neighbours' epoch.
            let neighbourhood_mean = |i: usize, value: &dyn Fn(usize) -> f64| {
                let neighbours = graph.neighbours(i);
                neighbours.iter().map(|&j| value(j as usize)).sum::<f64>() / neighbours.len() as f64
            };
            if let Some((rate, decay, cap)) = spread_pi {
                let next: Vec<f64> = (0..n)
                    .map(|i| {
                        let seen = neighbourhood_mean(i, &|j| visibility[j] * (1.0 - share[j]));
                        next_politicization(pi[i], seen, rate, decay, cap)
                    })
                    .collect();
                pi = next;
            }
            if let Some((base, rate)) = spread_autonomy {
                auto = (0..n)
                    .map(|i| autonomy(base, rate, neighbourhood_mean(i, &|j| share[j])))
                    .collect();
            }
            last = Some(results);
        }
        record.final_politicization = pi;
        Ok(NetworkRun {
            results: last.expect("at least one epoch"),
            network: record,
        })
    }
}
