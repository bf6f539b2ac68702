//! Evolution of action rules, or of norms, in a society by pairwise
//! comparison.
//!
//! A generation: the payoffs are cleared, the society runs
//! `steps_per_generation` encounters (reputations carry over), and then
//! one state (the focal) revises its trait ([`Trait::Rule`], its action
//! rule, by default; or [`Trait::Norm`], the norm by which it judges
//! others under private assessment). With probability `mutation` it
//! adopts a variant chosen uniformly among the others (the kinds of
//! rule, or the society's norms); otherwise it compares itself with a
//! model drawn uniformly among the other Z - 1 states and adopts the
//! model's variant with the Fermi probability
//! `1 / (1 + exp(-beta (f_model - f_focal)))`, where `f` is the mean
//! payoff per encounter of the generation in the chosen [`Currency`]
//! (Traulsen, Nowak and Pacheco 2006). Only the rule is imitated: a
//! state's orientation and politicization are its own (its payoff class
//! stays), as in the indirect evolutionary approach of `docs/model.md` section 10.
//!
//! Norm evolution is the model of Kessinger, Tarnita and Plotkin (2023,
//! "Evolution of norms for judging social behavior", PNAS
//! 120(24):e2219480120) and of Radzvilavicius, Stewart and Plotkin (2019,
//! eLife 8:e44269): under private assessment each state judges by its own
//! norm, and a norm spreads when the states that judge by it earn more
//! (a state's norm sets both whom it sees as good, and so whom a
//! discriminator helps, and how it is seen through its actions). Under
//! public assessment the institution's norm is everyone's, so there is
//! one variant and nothing to evolve.
//! Everything is drawn from the RNG passed in, so a seed fixes the run.

use rand::RngExt;
use rand_core::Rng;
use twolevel_game::error::check_unit_interval;
use twolevel_game::{Currency, ParameterError};

use super::engine::{Society, Trait};
use crate::evolution::stochastic::fermi;

/// The parameters of pairwise-comparison evolution of rules.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RuleEvolution {
    beta: f64,
    mutation: f64,
    steps_per_generation: u64,
    currency: Currency,
    evolving: Trait,
}

impl RuleEvolution {
    /// Validated parameters: selection intensity `beta` (in [0,
    /// [`Selection::MAX_INTENSITY`](crate::evolution::Selection::MAX_INTENSITY)]),
    /// `mutation` in [0, 1], at least one step per generation (field
    /// `steps_per_generation`); fitness is counted in `currency`.
    pub fn new(
        beta: f64,
        mutation: f64,
        steps_per_generation: u64,
        currency: Currency,
    ) -> Result<Self, ParameterError> {
        crate::evolution::config::check_intensity("beta", beta)?;
        check_unit_interval("mutation", mutation)?;
        if steps_per_generation == 0 {
            return Err(ParameterError::new(
                "steps_per_generation",
                "expected at least 1 encounter per generation",
            ));
        }
        Ok(RuleEvolution {
            beta,
            mutation,
            steps_per_generation,
            currency,
            evolving: Trait::Rule,
        })
    }

    /// The same process evolving another trait (the rule by default).
    #[must_use]
    pub const fn evolving(mut self, which: Trait) -> Self {
        self.evolving = which;
        self
    }

    /// The trait that evolves.
    #[must_use]
    pub const fn trait_evolving(&self) -> Trait {
        self.evolving
    }

    /// The encounters per generation.
    #[must_use]
    pub const fn steps_per_generation(&self) -> u64 {
        self.steps_per_generation
    }

    /// Runs `generations` generations and returns the number of states
    /// holding each variant of the evolving trait (each kind of rule, or
    /// each of [`Society::norms`]) before the first and after every
    /// generation.
    pub fn run<R: Rng>(
        &self,
        society: &mut Society,
        generations: u64,
        rng: &mut R,
    ) -> Vec<Vec<u32>> {
        let mut history = Vec::with_capacity(usize::try_from(generations).unwrap_or(0) + 1);
        history.push(society.counts(self.evolving));
        for _ in 0..generations {
            self.generation(society, rng);
            history.push(society.counts(self.evolving));
        }
        history
    }

    /// One generation: play, then one revision.
    pub fn generation<R: Rng>(&self, society: &mut Society, rng: &mut R) {
        society.clear_payoffs();
        society.run(self.steps_per_generation, rng);
        let size = society.size() as u32;
        let focal = rng.random_range(0..size) as usize;
        let which = self.evolving;
        let variants = society.variants(which) as u32;
        if self.mutation > 0.0 && rng.random_bool(self.mutation) {
            if variants > 1 {
                let current = society.traits(which)[focal];
                let mut other = rng.random_range(0..variants - 1);
                if other >= current {
                    other += 1;
                }
                society.set_trait(which, focal, other);
            }
            return;
        }
        let mut model = rng.random_range(0..size - 1) as usize;
        if model >= focal {
            model += 1;
        }
        let difference =
            society.mean_payoff(model, self.currency) - society.mean_payoff(focal, self.currency);
        let adopt = fermi(self.beta, difference);
        if rng.random::<f64>() < adopt {
            let variant = society.traits(which)[model];
            society.set_trait(which, focal, variant);
        }
    }
}
