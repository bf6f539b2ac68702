//! A society sweep as an aligned text table ([`Display`]).

use std::fmt::{self, Display};

use crate::society::SocietySweep;

impl Display for SocietySweep {
    /// One row per point of the sweep (monitoring q, assessment error mu):
    /// the share of states in good standing, the cooperation rate and the
    /// policy payoff per interaction, each a mean over the replicates; then
    /// what the society was and which currency the payoff is in.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{:>8}  {:>8}  {:>10}  {:>11}  {:>18}",
            "q", "mu", "Good share", "Cooperation", "Policy/interaction"
        )?;
        for point in &self.points {
            writeln!(
                f,
                "{:>8}  {:>8}  {:>10.4}  {:>11.4}  {:>18.4}",
                point.q,
                point.mu,
                point.good_share,
                point.cooperation,
                point.policy_per_interaction
            )?;
        }
        write!(
            f,
            "Society {}: norm {}, {:?} assessment, Z = {}, execution error {}, {} steps and {} \
             replicate(s) per point, seed {}. Policy/interaction: the policy payoff (absolute gains) \
             per interaction, donor and recipient together.",
            self.society,
            self.norm,
            self.institution,
            self.size,
            self.e,
            self.steps,
            self.replicates,
            self.seed
        )
    }
}
