//! Domestic arenas in round-robin tournament files (`docs/actors.md`,
//! docs/actors.md): an `arena` per `Inline` player, written in RON or
//! read from a CSV actor table, the file's cross-border `coalitions`, and
//! an optional `timing` block. Everything is checked, with the file, line
//! and column, before anything runs.
//!
//! ```ron
//! players: [
//!     Inline(name: "A", strategy: (name: "Tit For Tat"), arena: Some((
//!         actors: [
//!             (name: "police", kind: Bureaucrat, capability: 3.0, position: 0.8,
//!              salience: 0.9, channels: [Expertise], coalition: Some("culture")),
//!             (name: "tabloids", kind: Private, capability: 2.0, position: 0.2,
//!              salience: 0.7, orientation: Political, channels: [Media]),
//!         ],
//!         access: (politician: 1.0, bureaucrat: 1.0, private: 0.2),
//!         transitions: [(round: 100, access: (politician: 1.0, bureaucrat: 0.6, private: 1.0))],
//!         rates: (media: 0.02),
//!     ))),
//!     Inline(name: "B", strategy: (name: "Tit For Tat"), arena: Some((
//!         actors_csv: "b-actors.csv",  // relative to this file
//!         position_scale: (0, 100),    // positions in the table run 0..100
//!     ))),
//! ],
//! coalitions: [(name: "culture", members: ["B/police"], phi: 1.2)],
//! timing: Some((actor: "A/tabloids", rules: [Steady, Early, Campaign, Responsive(below: 0.3)])),
//! ```

use std::path::Path;

use serde::{Deserialize, Serialize};
use twolevel_files::{ConfigError, CsvRow, CsvTable};
use twolevel_game::ParameterError;
use twolevel_game::actors::{
    Access, AccessChange, Actor, ActorKind, ActorOrientation, ActorRef, Arena, ArenaRates, Budget,
    Channel, Coalition, SpendingRule,
};

use crate::domestic::Domestic;

/// The columns an actor table must have.
pub const REQUIRED_COLUMNS: [&str; 4] = ["actor", "capability", "position", "salience"];

/// The columns an actor table may have besides the required ones.
pub const OPTIONAL_COLUMNS: [&str; 6] = [
    "kind",
    "orientation",
    "channels",
    "coalition",
    "budget",
    "rule",
];

/// An actor as written in a tournament file's arena (or a row of an actor
/// table): the fields of [`Actor`], its position on the arena's
/// `position_scale`, and the coalition it belongs to, if any.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActorEntry {
    /// The actor's name, unique in its arena.
    pub name: String,
    /// Politician, bureaucrat or private actor (default `Private`).
    #[serde(default = "private")]
    pub kind: ActorKind,
    /// Its capability `c_k >= 0` (resources per round).
    pub capability: f64,
    /// Its position on the arena's scale (`[0, 1]` unless the arena states
    /// another `position_scale`): 0 nothing for the foreigners, the top of
    /// the scale full cooperation.
    pub position: f64,
    /// Its salience `s_k` in `[0, 1]`.
    pub salience: f64,
    /// Political or policy orientation (default `Policy`).
    #[serde(default)]
    pub orientation: ActorOrientation,
    /// Its channels (default none: it counts in the domestic position only).
    #[serde(default)]
    pub channels: Vec<Channel>,
    /// A budget and spending rule instead of a per-round capability.
    #[serde(default)]
    pub budget: Option<Budget>,
    /// The name of a coalition of the file's `coalitions` it belongs to.
    #[serde(default)]
    pub coalition: Option<String>,
}

fn private() -> ActorKind {
    ActorKind::Private
}

/// An arena as written in a player entry: its actors inline (`actors`) or
/// from a CSV actor table (`actors_csv`, relative to the tournament file),
/// the scale of their positions, the access of each kind, its transitions
/// and its rates.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArenaEntry {
    /// The actors, written in place.
    #[serde(default)]
    pub actors: Vec<ActorEntry>,
    /// A CSV actor table, relative to the tournament file, with the
    /// columns `actor, capability, position, salience` and optionally
    /// `kind, orientation, channels, coalition, budget, rule`.
    /// Empty (the default) for none.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub actors_csv: String,
    /// The range positions are written on, `(low, high)`, rescaled to
    /// `[0, 1]` (default `(0, 1)`).
    #[serde(default = "unit_scale")]
    pub position_scale: (f64, f64),
    /// Each kind's access from the first round (default all 1).
    #[serde(default)]
    pub access: Access,
    /// Changes of access at given rounds (a democratisation, a coup).
    #[serde(default)]
    pub transitions: Vec<AccessChange>,
    /// The channels' rates and the sovereignty backlash.
    #[serde(default)]
    pub rates: ArenaRates,
}

/// A coalition as written in the file's `coalitions`: its members named
/// `"Player/actor"`, its pooling exponent and, for an epistemic community,
/// its consensus.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CoalitionEntry {
    /// The coalition's name (actors join it by name too).
    pub name: String,
    /// Its members, `"Player/actor"`; actors with `coalition: Some(name)`
    /// (or that coalition in an actor table) join them.
    #[serde(default)]
    pub members: Vec<String>,
    /// The pooling exponent `phi >= 1` (default 1, additive).
    #[serde(default = "one")]
    pub phi: f64,
    /// For an epistemic community, its consensus in `[0, 1]`.
    #[serde(default)]
    pub epistemic: Option<f64>,
}

fn one() -> f64 {
    1.0
}

fn unit_scale() -> (f64, f64) {
    (0.0, 1.0)
}

/// A `timing` block: the same tournament once per spending rule of one
/// actor (named `"Player/actor"`, with a budget), and once with that
/// actor spending nothing.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimingEntry {
    /// The actor whose spending rule changes, `"Player/actor"`.
    pub actor: String,
    /// The rules to compare.
    pub rules: Vec<SpendingRule>,
}

/// A validated timing experiment: the domestic settings of each rule and
/// of the no-spending baseline, ready to play.
#[derive(Clone, Debug)]
pub struct TimingPlan {
    /// The actor, as written (`"Player/actor"`).
    pub actor: String,
    /// The actor's place.
    pub actor_ref: ActorRef,
    /// The actor's budget (total) in every rule.
    pub budget: f64,
    /// Each rule, with the domestic settings in which the actor follows it.
    pub rules: Vec<(SpendingRule, Domestic)>,
    /// The domestic settings in which the actor spends nothing.
    pub baseline: Domestic,
}

/// What the arena parts of a file gave: the domestic settings (`None`
/// when no player has an arena and there are no coalitions) and the
/// timing plan.
pub(crate) struct DomesticParts {
    pub(crate) domestic: Option<Domestic>,
    pub(crate) timing: Option<TimingPlan>,
}

/// An arena's validated parts, kept to rebuild it with another budget rule.
#[derive(Clone)]
struct ArenaParts {
    actors: Vec<Actor>,
    access: Access,
    transitions: Vec<AccessChange>,
    rates: ArenaRates,
}

impl ArenaParts {
    fn build(&self) -> Result<Arena, ParameterError> {
        Arena::new(
            self.actors.clone(),
            self.access,
            self.transitions.clone(),
            self.rates,
        )
    }
}

/// Where an actor was written: in the RON file (at its `actors[i]`), or in
/// row `row` (from 0) of a CSV table.
#[derive(Clone, Copy)]
enum Source {
    Ron(usize),
    Csv(usize),
}

/// The CSV column an arena-relative field of an actor was read from.
fn csv_column(field: &str) -> &str {
    match field {
        "name" => "actor",
        "budget.total" | "budget" => "budget",
        "budget.rule" => "rule",
        other => other.split(['.', '[']).next().unwrap_or(other),
    }
}

/// One player's arena as read: parts, actor sources, coalition requests.
struct ReadArena {
    parts: ArenaParts,
    sources: Vec<Source>,
    table: Option<CsvTable>,
    /// `(actor index, coalition name)` for each actor that names one.
    joins: Vec<(usize, String)>,
}

impl ReadArena {
    /// The error for an arena-relative `field` (`actors[2].capability`,
    /// `transitions[0].round`) of the arena of `player` (`players[k]`): at
    /// its place in the CSV table for an actor read from one, else at the
    /// field in the RON file.
    fn error(&self, origin: &Path, player: &str, error: ParameterError) -> ConfigError {
        if let Some(rest) = error.field.strip_prefix("actors[")
            && let Some((index, after)) = rest.split_once(']')
            && let Ok(index) = index.parse::<usize>()
            && let Some(Source::Csv(row)) = self.sources.get(index)
            && let Some(table) = &self.table
            && let Some(row) = table.rows().nth(*row)
        {
            let column = csv_column(after.trim_start_matches('.'));
            return row.error(column, error.reason);
        }
        let field = ron_field(&error.field, &self.sources);
        ConfigError::invalid(origin, format!("{player}.arena.{field}"), error.reason)
    }
}

/// The RON path of an arena-relative field: an actor's index counts the
/// actors written in RON (the same index when the arena has no table).
fn ron_field(field: &str, sources: &[Source]) -> String {
    if let Some(rest) = field.strip_prefix("actors[")
        && let Some((index, after)) = rest.split_once(']')
        && let Ok(index) = index.parse::<usize>()
        && let Some(Source::Ron(written)) = sources.get(index)
    {
        return format!("actors[{written}]{after}");
    }
    field.to_owned()
}

/// Reads the arena of player `player` (its field path, `players[k]`).
fn read_arena(
    entry: ArenaEntry,
    player: &str,
    origin: &Path,
    horizon_rounds: u32,
) -> Result<ReadArena, ConfigError> {
    let invalid = |field: String, reason: String| {
        ConfigError::invalid(origin, format!("{player}.arena.{field}"), reason)
    };
    let (low, high) = entry.position_scale;
    if !(low.is_finite() && high.is_finite() && low < high) {
        return Err(invalid(
            "position_scale".to_owned(),
            format!("expected a range (low, high) with low < high, got ({low}, {high})"),
        ));
    }
    let scale = |position: f64| (position - low) / (high - low);
    let outside = |position: f64| {
        format!(
            "position {position} is outside the stated scale [{low}, {high}]{}",
            if entry.position_scale == unit_scale() {
                " (state another one with `position_scale: (low, high)`)"
            } else {
                ""
            }
        )
    };
    let mut actors = Vec::new();
    let mut sources = Vec::new();
    let mut joins = Vec::new();
    for (i, written) in entry.actors.into_iter().enumerate() {
        let at = |field: &str| format!("actors[{i}].{field}");
        if !(written.position >= low && written.position <= high) {
            return Err(invalid(at("position"), outside(written.position)));
        }
        if !(written.capability >= 0.0 && written.capability.is_finite()) {
            return Err(invalid(
                at("capability"),
                format!("expected a capability >= 0, got {}", written.capability),
            ));
        }
        if let Some(coalition) = written.coalition.clone() {
            joins.push((actors.len(), coalition));
        }
        sources.push(Source::Ron(i));
        actors.push(Actor {
            name: written.name,
            kind: written.kind,
            capability: written.capability,
            position: scale(written.position),
            salience: written.salience,
            orientation: written.orientation,
            channels: written.channels,
            budget: written.budget,
        });
    }
    let mut table = None;
    if !entry.actors_csv.is_empty() {
        let file = &entry.actors_csv;
        let path = origin.parent().unwrap_or(Path::new("")).join(file);
        let csv = CsvTable::from_file(&path).map_err(|error| match error {
            // A table that cannot be read is an error of the field naming it.
            ConfigError::Io { source, .. } => invalid(
                "actors_csv".to_owned(),
                format!("cannot read the actor table {}: {source}", path.display()),
            ),
            other => other,
        })?;
        csv.require_columns(&REQUIRED_COLUMNS)?;
        let known: Vec<&str> = REQUIRED_COLUMNS
            .iter()
            .chain(OPTIONAL_COLUMNS.iter())
            .copied()
            .collect();
        csv.refuse_unknown_columns(&known)?;
        for (r, row) in csv.rows().enumerate() {
            row.refuse_extra_fields()?;
            let position = row.number("position")?;
            if !(position >= low && position <= high) {
                return Err(row.error("position", outside(position)));
            }
            let capability = row.number("capability")?;
            if capability < 0.0 {
                return Err(row.error(
                    "capability",
                    format!("expected a capability >= 0, got {capability}"),
                ));
            }
            if let Some(coalition) = row.optional_text("coalition") {
                joins.push((actors.len(), coalition.to_owned()));
            }
            sources.push(Source::Csv(r));
            actors.push(actor_of_row(&row, scale(position), capability)?);
        }
        table = Some(csv);
    }
    if actors.is_empty() {
        return Err(invalid(
            "actors".to_owned(),
            "expected at least one actor, written in `actors: [..]` or read from `actors_csv`"
                .to_owned(),
        ));
    }
    let read = ReadArena {
        parts: ArenaParts {
            actors,
            access: entry.access,
            transitions: entry.transitions,
            rates: entry.rates,
        },
        sources,
        table,
        joins,
    };
    // The arena's own checks (names, saliences, access levels, rates,
    // transitions within the horizon), placed in the RON file or the table.
    read.parts
        .build()
        .and_then(|arena| arena.check_transitions_within(horizon_rounds))
        .map_err(|e| read.error(origin, player, e))?;
    Ok(read)
}

/// An actor from a row of an actor table whose position (rescaled) and
/// capability are already read and checked.
fn actor_of_row(row: &CsvRow<'_>, position: f64, capability: f64) -> Result<Actor, ConfigError> {
    let kind = match row
        .optional_text("kind")
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        None | Some("private") => ActorKind::Private,
        Some("politician") => ActorKind::Politician,
        Some("bureaucrat") => ActorKind::Bureaucrat,
        Some(other) => {
            return Err(row.error(
                "kind",
                format!("expected politician, bureaucrat or private, got `{other}`"),
            ));
        }
    };
    let orientation = match row
        .optional_text("orientation")
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        None | Some("policy") => ActorOrientation::Policy,
        Some("political") => ActorOrientation::Political,
        Some(other) => {
            return Err(row.error(
                "orientation",
                format!("expected political or policy, got `{other}`"),
            ));
        }
    };
    let mut channels = Vec::new();
    for name in row
        .optional_text("channels")
        .unwrap_or("")
        .split([';', '|', ' '])
        .map(str::trim)
        .filter(|c| !c.is_empty())
    {
        let channel = match name.to_ascii_lowercase().as_str() {
            "lobby" => Channel::Lobby,
            "media" => Channel::Media,
            "expertise" => Channel::Expertise,
            other => {
                return Err(row.error(
                    "channels",
                    format!(
                        "expected channels among lobby, media and expertise separated by `;`, \
                         got `{other}`"
                    ),
                ));
            }
        };
        if !channels.contains(&channel) {
            channels.push(channel);
        }
    }
    let budget = match row.optional_number("budget")? {
        None => {
            if row.optional_text("rule").is_some() {
                return Err(row.error("rule", "a spending rule needs a `budget` in the same row"));
            }
            None
        }
        Some(total) => Some(Budget {
            total,
            rule: spending_rule(row)?,
        }),
    };
    Ok(Actor {
        name: row.text("actor")?.to_owned(),
        kind,
        capability,
        position,
        salience: row.number("salience")?,
        orientation,
        channels,
        budget,
    })
}

/// The spending rule of a row: `steady` (the default), `early`,
/// `campaign`, or `responsive(0.3)`.
fn spending_rule(row: &CsvRow<'_>) -> Result<SpendingRule, ConfigError> {
    let Some(text) = row.optional_text("rule") else {
        return Ok(SpendingRule::Steady);
    };
    let lower = text.to_ascii_lowercase().replace(' ', "");
    let rule = match lower.as_str() {
        "steady" => Some(SpendingRule::Steady),
        "early" => Some(SpendingRule::Early),
        "campaign" => Some(SpendingRule::Campaign),
        other => other
            .strip_prefix("responsive(")
            .and_then(|rest| rest.strip_suffix(')'))
            .map(|level| level.trim_start_matches("below:"))
            .and_then(|level| level.parse::<f64>().ok())
            .map(|below| SpendingRule::Responsive { below }),
    };
    rule.ok_or_else(|| {
        row.error(
            "rule",
            format!("expected steady, early, campaign or responsive(LEVEL), got `{text}`"),
        )
    })
}

/// Finds the actor `"Player/actor"`: the player whose name followed by
/// `/` starts the text and whose arena has an actor named by the rest.
fn find_actor(
    name: &str,
    players: &[String],
    arenas: &[Option<ReadArena>],
) -> Result<ActorRef, String> {
    let mut player_found = None;
    for (state, player) in players.iter().enumerate() {
        let Some(actor) = name
            .strip_prefix(player.as_str())
            .and_then(|rest| rest.strip_prefix('/'))
        else {
            continue;
        };
        let Some(arena) = &arenas[state] else {
            player_found = Some(format!("player \"{player}\" has no arena"));
            continue;
        };
        if let Some(index) = arena.parts.actors.iter().position(|a| a.name == actor) {
            return Ok(ActorRef {
                state,
                actor: index,
            });
        }
        let known: Vec<&str> = arena.parts.actors.iter().map(|a| a.name.as_str()).collect();
        player_found = Some(format!(
            "the arena of player \"{player}\" has no actor \"{actor}\"; its actors: {}",
            known.join(", ")
        ));
    }
    Err(match player_found {
        Some(reason) => format!("unknown actor \"{name}\": {reason}"),
        None => format!(
            "unknown actor \"{name}\": expected \"Player/actor\" with a player of this file \
             ({})",
            players.join(", ")
        ),
    })
}

/// Reads and checks the arenas of the players (`arenas[k]` for
/// `players[k]`, named `names[k]`), the coalitions and the timing block,
/// and builds the domestic settings. `horizon_rounds` bounds the access
/// transitions: the rounds of a fixed horizon, or the longest match a
/// continuation horizon is planned for.
pub(crate) fn domestic_parts(
    arenas: Vec<Option<ArenaEntry>>,
    names: &[String],
    coalitions: Vec<CoalitionEntry>,
    timing: Option<TimingEntry>,
    origin: &Path,
    horizon_rounds: u32,
) -> Result<DomesticParts, ConfigError> {
    let read: Vec<Option<ReadArena>> = arenas
        .into_iter()
        .enumerate()
        .map(|(k, entry)| {
            entry
                .map(|entry| read_arena(entry, &format!("players[{k}]"), origin, horizon_rounds))
                .transpose()
        })
        .collect::<Result<_, _>>()?;
    if read.iter().all(Option::is_none) && coalitions.is_empty() {
        if timing.is_some() {
            return Err(ConfigError::invalid(
                origin,
                "timing",
                "a timing block needs an actor with a budget in some player's arena",
            ));
        }
        return Ok(DomesticParts {
            domestic: None,
            timing: None,
        });
    }
    // The coalitions' members: written ones, then the actors that join.
    let mut members: Vec<Vec<ActorRef>> = Vec::with_capacity(coalitions.len());
    for (c, coalition) in coalitions.iter().enumerate() {
        if coalitions[..c].iter().any(|o| o.name == coalition.name) {
            return Err(ConfigError::invalid(
                origin,
                format!("coalitions[{c}].name"),
                format!("the coalition \"{}\" is declared twice", coalition.name),
            ));
        }
        let refs = coalition
            .members
            .iter()
            .enumerate()
            .map(|(m, name)| {
                find_actor(name, names, &read).map_err(|reason| {
                    ConfigError::invalid(origin, format!("coalitions[{c}].members[{m}]"), reason)
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        members.push(refs);
    }
    for (state, arena) in read.iter().enumerate() {
        let Some(arena) = arena else { continue };
        for (actor, name) in &arena.joins {
            let Some(c) = coalitions.iter().position(|o| &o.name == name) else {
                let reason = format!(
                    "the coalition \"{name}\" is not declared in the file's `coalitions` \
                     (add `(name: \"{name}\")` there, with its `phi`)"
                );
                return Err(arena.error(
                    origin,
                    &format!("players[{state}]"),
                    ParameterError::new(format!("actors[{actor}].coalition"), reason),
                ));
            };
            let member = ActorRef {
                state,
                actor: *actor,
            };
            if !members[c].contains(&member) {
                members[c].push(member);
            }
        }
    }
    let coalition_values = |members: &[Vec<ActorRef>]| -> Result<Vec<Coalition>, ConfigError> {
        coalitions
            .iter()
            .zip(members)
            .enumerate()
            .map(|(c, (entry, refs))| {
                Coalition::new(entry.name.clone(), refs.clone(), entry.phi, entry.epistemic)
                    .map_err(|e| {
                        let field = if e.field.starts_with("coalitions[") {
                            e.field
                        } else {
                            format!("coalitions[{c}].{}", e.field)
                        };
                        ConfigError::invalid(origin, field, e.reason)
                    })
            })
            .collect()
    };
    let coalition_list = coalition_values(&members)?;
    let parts: Vec<Option<ArenaParts>> = read
        .iter()
        .map(|arena| arena.as_ref().map(|a| a.parts.clone()))
        .collect();
    let build = |parts: &[Option<ArenaParts>]| -> Result<Domestic, ConfigError> {
        let arenas = parts
            .iter()
            .enumerate()
            .map(|(k, p)| {
                p.as_ref().map(ArenaParts::build).transpose().map_err(|e| {
                    ConfigError::from_parameter(origin, e.within(&format!("players[{k}].arena")))
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        Domestic::new(arenas, coalition_list.clone())
            .map_err(|e| ConfigError::from_parameter(origin, e))
    };
    let domestic = build(&parts)?;
    let timing = timing
        .map(|entry| {
            let actor_ref = find_actor(&entry.actor, names, &read)
                .map_err(|reason| ConfigError::invalid(origin, "timing.actor", reason))?;
            let actor = &read[actor_ref.state]
                .as_ref()
                .map(|a| &a.parts.actors[actor_ref.actor])
                .ok_or_else(|| ConfigError::invalid(origin, "timing.actor", "no arena"))?;
            let Some(budget) = actor.budget else {
                return Err(ConfigError::invalid(
                    origin,
                    "timing.actor",
                    format!(
                        "the actor \"{}\" has no budget to time; give it `budget: Some((total: .., \
                         rule: Steady))`",
                        entry.actor
                    ),
                ));
            };
            if entry.rules.is_empty() {
                return Err(ConfigError::invalid(
                    origin,
                    "timing.rules",
                    "expected at least one spending rule to compare",
                ));
            }
            let with_budget = |budget: Budget| -> Result<Domestic, ConfigError> {
                let mut parts = parts.clone();
                if let Some(arena) = &mut parts[actor_ref.state] {
                    arena.actors[actor_ref.actor].budget = Some(budget);
                }
                build(&parts).map_err(|e| match e {
                    ConfigError::Invalid { reason, .. } => {
                        ConfigError::invalid(origin, "timing.rules", reason)
                    }
                    other => other,
                })
            };
            let rules = entry
                .rules
                .iter()
                .map(|&rule| {
                    with_budget(Budget {
                        total: budget.total,
                        rule,
                    })
                    .map(|d| (rule, d))
                })
                .collect::<Result<Vec<_>, _>>()?;
            let baseline = with_budget(Budget {
                total: 0.0,
                rule: SpendingRule::Steady,
            })?;
            Ok(TimingPlan {
                actor: entry.actor,
                actor_ref,
                budget: budget.total,
                rules,
                baseline,
            })
        })
        .transpose()?;
    Ok(DomesticParts {
        domestic: Some(domestic),
        timing,
    })
}
