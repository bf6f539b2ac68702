//! The validated parameters of a society: institution, errors, encounter
//! mode and the population's groups.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use twolevel_game::error::check_unit_interval;
use twolevel_game::{Norm, Orientation, ParameterError, Politicization};

/// Who keeps the standings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Institution {
    /// Public assessment: one standing per state, kept by an institution
    /// that observes each interaction with probability `q` and that every
    /// state believes.
    #[default]
    Public,
    /// Private assessment: every state keeps its own image of every other
    /// (and of itself), observing each interaction independently with
    /// probability `q`; held as a bit matrix of `Z^2` bits.
    Private,
}

/// How states meet.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum EncounterMode {
    /// Each step one donor and one recipient, drawn uniformly (recipient !=
    /// donor); only the donor acts.
    #[default]
    Donation,
    /// Each step a random pair plays the donation game simultaneously:
    /// each is donor to the other, and both actions are assessed.
    SimultaneousPd,
}

/// The largest society, in states.
pub const MAX_POPULATION: usize = u32::MAX as usize;

/// The largest society under private assessment: its image matrix of
/// `Z^2` bits is then at most 512 MiB.
pub const MAX_PRIVATE_POPULATION: usize = 1 << 16;

/// The institution, error and encounter parameters of a society.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SocietyParams {
    norm: Norm,
    institution: Institution,
    observation: f64,
    execution_error: f64,
    assessment_error: f64,
    mode: EncounterMode,
}

impl SocietyParams {
    /// Validated parameters: `observation` (q), `execution_error` (e: an
    /// intended C becomes D) and `assessment_error` (mu: the assigned
    /// standing is flipped) must lie in [0, 1]; the error names the field.
    pub fn new(
        norm: Norm,
        institution: Institution,
        observation: f64,
        execution_error: f64,
        assessment_error: f64,
    ) -> Result<Self, ParameterError> {
        Ok(SocietyParams {
            norm,
            institution,
            observation: check_unit_interval("observation", observation)?,
            execution_error: check_unit_interval("execution_error", execution_error)?,
            assessment_error: check_unit_interval("assessment_error", assessment_error)?,
            mode: EncounterMode::Donation,
        })
    }

    /// The same parameters with another encounter mode.
    #[must_use]
    pub const fn with_mode(mut self, mode: EncounterMode) -> Self {
        self.mode = mode;
        self
    }

    /// The assessment norm.
    #[must_use]
    pub const fn norm(&self) -> Norm {
        self.norm
    }

    /// Public or private assessment.
    #[must_use]
    pub const fn institution(&self) -> Institution {
        self.institution
    }

    /// The observation probability q.
    #[must_use]
    pub const fn observation(&self) -> f64 {
        self.observation
    }

    /// The execution error e.
    #[must_use]
    pub const fn execution_error(&self) -> f64 {
        self.execution_error
    }

    /// The assessment error mu.
    #[must_use]
    pub const fn assessment_error(&self) -> f64 {
        self.assessment_error
    }

    /// The encounter mode.
    #[must_use]
    pub const fn mode(&self) -> EncounterMode {
        self.mode
    }
}

/// A group of states that start with the same action rule and share an
/// orientation and a politicization.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    /// The action rule's registered name (see
    /// [`build_rule`](twolevel_strategies::society::build_rule)).
    pub rule: String,
    /// How many states.
    #[serde(deserialize_with = "super::config::deserialize_count")]
    pub count: u32,
    /// The political weight `w` of its states (default 0).
    #[serde(default)]
    pub political_weight: Orientation,
    /// The politicization `pi` of the issue before its states' publics
    /// (default 0).
    #[serde(default)]
    pub politicization: Politicization,
    /// The norm by which its states judge others under private
    /// assessment (default: the society's norm). Under public assessment
    /// the institution judges everyone by the society's norm, so a group
    /// norm must be the same or absent (field `groups[k].norm`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub norm: Option<Norm>,
    /// The rule's parameters by name, if it takes any (see
    /// [`build_rule_with`](twolevel_strategies::society::build_rule_with):
    /// the society ledger's `tolerance`); empty by default.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub params: BTreeMap<String, f64>,
}

impl Group {
    /// A group of `count` states following `rule`, with `w = 0` and
    /// `pi = 0` (the classic donation game).
    pub fn new(rule: impl Into<String>, count: u32) -> Group {
        Group {
            rule: rule.into(),
            count,
            political_weight: Orientation::POLICY,
            politicization: Politicization::NONE,
            norm: None,
            params: BTreeMap::new(),
        }
    }

    /// The same group judging by its own norm (private assessment).
    #[must_use]
    pub fn with_norm(mut self, norm: Norm) -> Group {
        self.norm = Some(norm);
        self
    }

    /// The same group with a rule parameter set.
    #[must_use]
    pub fn with_param(mut self, name: impl Into<String>, value: f64) -> Group {
        self.params.insert(name.into(), value);
        self
    }

    /// The same group with political weight `w` and politicization `pi`.
    #[must_use]
    pub fn with_politics(mut self, w: Orientation, pi: Politicization) -> Group {
        self.political_weight = w;
        self.politicization = pi;
        self
    }
}

/// The distinct norms of a society (its own first, then the groups' in
/// order) and the index of each group's norm among them.
///
/// Errors: a group norm other than the society's under public assessment
/// (field `groups[k].norm`).
pub(crate) fn norm_kinds(
    params: &SocietyParams,
    groups: &[Group],
) -> Result<(Vec<Norm>, Vec<u32>), ParameterError> {
    let mut kinds = vec![params.norm()];
    let mut of_group = Vec::with_capacity(groups.len());
    for (k, group) in groups.iter().enumerate() {
        let norm = group.norm.unwrap_or(params.norm());
        if params.institution() == Institution::Public && norm != params.norm() {
            return Err(ParameterError::new(
                format!("groups[{k}].norm"),
                format!(
                    "under public assessment the institution judges everyone by the society's \
                     norm ({}); a group's own norm needs `institution: Private`",
                    params.norm()
                ),
            ));
        }
        let index = kinds.iter().position(|&n| n == norm).unwrap_or_else(|| {
            kinds.push(norm);
            kinds.len() - 1
        });
        of_group.push(index as u32);
    }
    Ok((kinds, of_group))
}

/// Checks a population size against the institution's limit.
pub(crate) fn check_population(
    size: usize,
    institution: Institution,
) -> Result<(), ParameterError> {
    let limit = match institution {
        Institution::Public => MAX_POPULATION,
        Institution::Private => MAX_PRIVATE_POPULATION,
    };
    if size < 2 {
        Err(ParameterError::new(
            "population",
            format!("a society needs at least 2 states, got {size}"),
        ))
    } else if size > limit {
        Err(ParameterError::new(
            "population",
            format!("at most {limit} states under {institution:?} assessment, got {size}"),
        ))
    } else {
        Ok(())
    }
}
