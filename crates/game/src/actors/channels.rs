//! What an arena does to its government in a round (docs/actors.md):
//! the [`ChannelSums`] of the weights present in a state's arena, channel
//! by channel, and the [`ArenaEffects`] they have at the arena's
//! [`ArenaRates`]; foreign pressure and sovereignty backlash; epistemic
//! communities.
//!
//! ## Shares
//!
//! Every channel acts through weight *shares*: actor k's weight `w_k` (its
//! influence weight `v_k`, pooled by its coalition, see
//! [`coalition`](super::coalition)) divided by the total weight engaged in
//! the state's arena,
//!
//! ```text
//! D_i = sum_{k domestic} w_k + sum_{f foreign} w_f
//! ```
//!
//! Without foreign pressure and coalitions `D_i = V_i` and the formulas are
//! the model's. With foreign weight pressing, the model is silent about
//! the denominator; the library counts the foreign weight in it, so that
//! the shares of everyone engaged sum to 1 and no channel can push
//! further than it would with the whole arena behind it (a foreign web
//! outweighs the home actors, it does not multiply their effect). When no
//! weight is engaged (`D_i = 0`) the arena does nothing: every effect is
//! neutral.
//!
//! (A share is computed as the sum times `1 / D_i`, one division a round.)
//!
//! ## Channels
//!
//! An actor acts through each of its channels with its whole weight.
//!
//! - **Lobby**: `l_i = rho sum_{k lobby} w_k (2 x_k - 1) / D_i`, added to the
//!   government's political payoff when it cooperates. `2 x_k - 1` runs
//!   from -1 (a nationalist lobby pays for defection) to 1 (a
//!   pro-cooperation lobby pays for cooperation), so `|l_i| <= rho`.
//! - **Media**: every campaigning actor politicizes the issue, whatever its
//!   position: `pi_i` rises by `s_move sum_{k media} w_k / D_i` a round
//!   (added to the securitizing moves of the politicization dynamics;
//!   under fixed politics `pi_i` does not move). Its framing follows its
//!   position: `x_k < 1/2` raises the audience bonus, `db_i = framing sum_{k
//!   media, x_k < 1/2} w_k / D_i` ("us versus them"); `x_k > 1/2` raises
//!   accountability, `da_i = framing sum_{k media, x_k > 1/2} w_k / D_i`; a
//!   neutral `x_k = 1/2` frames neither. Framing does **not accumulate**:
//!   it holds in the rounds the campaign runs (a frame must be kept in the
//!   news to work, and an accumulating bonus would grow without bound);
//!   what accumulates is the politicization the campaigns leave in `pi_i`.
//! - **Expertise**: the government's perception noise is multiplied by
//!   `1 - epsilon sum_{k expertise} w_k / D_i` (with `epsilon <= 1` it stays
//!   non-negative).
//!
//! ## Foreign pressure and sovereignty backlash
//!
//! A cross-border coalition presses on each state where it has a member
//! with its foreign members' (pooled) weight, through those members'
//! channels. Of that weight the share `sigma_i` (the state's sovereignty)
//! turns into backlash, "its sign reversed": politicians invoke
//! sovereignty against the intervention and score domestic points with
//! it. A foreign weight `w_f` thus acts as `(1 - sigma_i) w_f` in its own
//! direction and `sigma_i w_f` reversed:
//!
//! - lobby: the backlash share counts `-(2 x_f - 1)`, so the foreign lobby
//!   term is `(1 - 2 sigma_i) w_f (2 x_f - 1) / D_i`;
//! - media framing: the backlash share frames the other way (a
//!   pro-cooperation foreign campaign, resented, raises the nationalist
//!   audience bonus); the politicization push is **not** reversed (a
//!   sovereignty row politicizes the issue too);
//! - expertise: the backlash share is discounted as interference and
//!   raises the perception noise (`- epsilon sigma_i w_f / D_i` in the
//!   factor's sum).
//!
//! Every effect is affine in `sigma_i`, so `sigma_i = 0` (no backlash) and
//! `sigma_i = 1` (all backlash) bound it; `sigma_i = 1/2` cancels the
//! directed effects of foreign pressure.
//!
//! ## Epistemic communities
//!
//! An epistemic community (a coalition with a consensus, Haas 1992) lowers
//! `kappa` in each state where it has a member by the factor
//! `1 - consensus V_C / (V_C + V_i)` (its pooled weight against the
//! state's own arena weight `V_i`); several communities multiply their
//! factors. It builds consensus rather than pressing, so sovereignty does
//! not reverse it. With `V_C + V_i = 0` the factor is 1.

use super::actor::Channel;
use super::arena::ArenaRates;
use super::influence::positive_and_finite;

/// A set of [`Channel`]s as bits, for arenas' inner loops.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct ChannelSet(u8);

impl ChannelSet {
    /// No channel.
    pub const NONE: ChannelSet = ChannelSet(0);

    /// The bit of a channel.
    const fn bit(channel: Channel) -> u8 {
        match channel {
            Channel::Lobby => 1,
            Channel::Media => 2,
            Channel::Expertise => 4,
        }
    }

    /// The set of `channels`.
    #[must_use]
    pub fn of(channels: &[Channel]) -> Self {
        ChannelSet(
            channels
                .iter()
                .fold(0, |bits, &c| bits | ChannelSet::bit(c)),
        )
    }

    /// Whether the set holds `channel`.
    #[inline]
    #[must_use]
    pub const fn has(self, channel: Channel) -> bool {
        self.0 & ChannelSet::bit(channel) != 0
    }
}

/// The weights engaged in a state's arena in a round, summed channel by
/// channel (see the [module documentation](self)).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct ChannelSums {
    /// `D_i`, every engaged weight, domestic and foreign.
    pub total: f64,
    /// `sum_{lobby} w (2 x - 1)`, backlash reversed.
    pub lobby: f64,
    /// `sum_{media} w`.
    pub media: f64,
    /// The media weight framing "us versus them".
    pub nationalist: f64,
    /// The media weight framing accountability.
    pub accountability: f64,
    /// `sum_{expertise} w`, backlash counted negative.
    pub expertise: f64,
}

impl ChannelSums {
    /// Adds a domestic actor's weight `weight` at `position` acting through
    /// `channels`.
    #[inline]
    pub fn add_domestic(&mut self, weight: f64, position: f64, channels: ChannelSet) {
        self.total += weight;
        self.add_directed(weight, position, channels);
    }

    /// Adds a foreign member's weight, of which the share `sovereignty`
    /// acts reversed (backlash).
    #[inline]
    pub fn add_foreign(
        &mut self,
        weight: f64,
        position: f64,
        channels: ChannelSet,
        sovereignty: f64,
    ) {
        self.total += weight;
        let backlash = sovereignty * weight;
        let accepted = weight - backlash;
        self.add_directed(accepted, position, channels);
        // The backlash share: the mirrored position, the expertise
        // discounted against the government.
        if backlash > 0.0 {
            if channels.has(Channel::Lobby) {
                self.lobby -= backlash * (2.0 * position - 1.0);
            }
            if channels.has(Channel::Media) {
                self.media += backlash;
                self.frame(backlash, 1.0 - position);
            }
            if channels.has(Channel::Expertise) {
                self.expertise -= backlash;
            }
        }
    }

    #[inline]
    fn add_directed(&mut self, weight: f64, position: f64, channels: ChannelSet) {
        if channels.has(Channel::Lobby) {
            self.lobby += weight * (2.0 * position - 1.0);
        }
        if channels.has(Channel::Media) {
            self.media += weight;
            self.frame(weight, position);
        }
        if channels.has(Channel::Expertise) {
            self.expertise += weight;
        }
    }

    #[inline]
    fn frame(&mut self, weight: f64, position: f64) {
        if position < 0.5 {
            self.nationalist += weight;
        } else if position > 0.5 {
            self.accountability += weight;
        }
    }

    /// These sums plus `factor` times `other`'s, field by field: the sums
    /// of a group of policy-oriented actors plus those of a group of
    /// political-oriented ones whose weights all carry the factor
    /// `1 + gamma pi^2`.
    #[inline]
    #[must_use]
    pub fn plus_scaled(&self, other: &ChannelSums, factor: f64) -> ChannelSums {
        ChannelSums {
            total: self.total + factor * other.total,
            lobby: self.lobby + factor * other.lobby,
            media: self.media + factor * other.media,
            nationalist: self.nationalist + factor * other.nationalist,
            accountability: self.accountability + factor * other.accountability,
            expertise: self.expertise + factor * other.expertise,
        }
    }

    /// What these weights do at `rates`; neutral when no weight is engaged.
    #[inline]
    #[must_use]
    pub fn effects(&self, rates: &ArenaRates) -> ArenaEffects {
        self.effects_and_inverse(rates).0
    }

    /// [`ChannelSums::effects`] and `1 / D_i` (0 when no weight is
    /// engaged), for a caller that also needs the shares.
    #[inline]
    #[must_use]
    pub fn effects_and_inverse(&self, rates: &ArenaRates) -> (ArenaEffects, f64) {
        if !positive_and_finite(self.total) {
            return (ArenaEffects::NEUTRAL, 0.0);
        }
        // One division: every share is a sum times 1 / D_i.
        let inverse = 1.0 / self.total;
        let share = |sum: f64| sum * inverse;
        let effects = ArenaEffects {
            lobby: rates.lobby * share(self.lobby),
            pi_push: rates.media * share(self.media),
            audience_bonus: rates.framing * share(self.nationalist),
            accountability: rates.framing * share(self.accountability),
            noise_factor: 1.0 - rates.expertise * share(self.expertise),
        };
        (effects, inverse)
    }
}

/// What an arena does to its government in a round.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ArenaEffects {
    /// The lobby term added to the political payoff of a cooperation.
    pub lobby: f64,
    /// The rise of `pi_i` from media campaigns.
    pub pi_push: f64,
    /// The rise of the audience bonus `b_i`.
    pub audience_bonus: f64,
    /// The rise of accountability `alpha_i`.
    pub accountability: f64,
    /// The factor on the government's perception noise (below 1 with
    /// expertise, above 1 with expertise rejected as foreign).
    pub noise_factor: f64,
}

impl ArenaEffects {
    /// No effect.
    pub const NEUTRAL: ArenaEffects = ArenaEffects {
        lobby: 0.0,
        pi_push: 0.0,
        audience_bonus: 0.0,
        accountability: 0.0,
        noise_factor: 1.0,
    };
}

/// An epistemic community's factor on `kappa` in a state:
/// `1 - consensus V_C / (V_C + V_i)`, 1 when `V_C + V_i` is 0.
#[inline]
#[must_use]
pub fn epistemic_factor(consensus: f64, pooled: f64, arena_weight: f64) -> f64 {
    let both = pooled + arena_weight;
    if positive_and_finite(both) {
        1.0 - consensus * pooled / both
    } else {
        1.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOBBY: &[Channel] = &[Channel::Lobby];

    #[test]
    fn lobby_term_is_rho_times_the_weighted_lean() {
        let mut sums = ChannelSums::default();
        sums.add_domestic(3.0, 1.0, ChannelSet::of(LOBBY));
        sums.add_domestic(1.0, 0.0, ChannelSet::of(LOBBY));
        let effects = sums.effects(&ArenaRates::DEFAULT);
        assert_eq!(effects.lobby, 0.5);
        assert_eq!(effects.pi_push, 0.0);
        assert_eq!(effects.noise_factor, 1.0);
    }

    #[test]
    fn media_pushes_and_frames_by_position() {
        let media = ChannelSet::of(&[Channel::Media]);
        let mut sums = ChannelSums::default();
        sums.add_domestic(1.0, 0.2, media);
        sums.add_domestic(1.0, 0.5, media);
        sums.add_domestic(2.0, 0.9, ChannelSet::NONE);
        let effects = sums.effects(&ArenaRates::DEFAULT);
        assert_eq!(effects.pi_push, 0.05 * 0.5);
        assert_eq!(effects.audience_bonus, 0.25);
        assert_eq!(effects.accountability, 0.0);
    }

    #[test]
    fn expertise_cuts_noise_and_backlash_reverses() {
        let experts = ChannelSet::of(&[Channel::Expertise, Channel::Lobby]);
        let mut home = ChannelSums::default();
        home.add_domestic(1.0, 1.0, experts);
        assert_eq!(home.effects(&ArenaRates::DEFAULT).noise_factor, 0.5);
        let at = |sigma| {
            let mut sums = ChannelSums::default();
            sums.add_foreign(1.0, 1.0, experts, sigma);
            sums.effects(&ArenaRates::DEFAULT)
        };
        assert_eq!(at(0.0).lobby, 1.0);
        assert_eq!(at(1.0).lobby, -1.0);
        assert_eq!(at(0.5).lobby, 0.0);
        assert_eq!(at(1.0).noise_factor, 1.5);
        let media = ChannelSet::of(&[Channel::Media]);
        let mut resented = ChannelSums::default();
        resented.add_foreign(1.0, 0.9, media, 1.0);
        let effects = resented.effects(&ArenaRates::DEFAULT);
        assert_eq!((effects.audience_bonus, effects.accountability), (1.0, 0.0));
        assert_eq!(effects.pi_push, 0.05);
    }

    #[test]
    fn groups_combine_linearly() {
        let lobby = ChannelSet::of(LOBBY);
        let mut policy = ChannelSums::default();
        policy.add_domestic(1.0, 1.0, lobby);
        let mut political = ChannelSums::default();
        political.add_domestic(2.0, 0.0, lobby);
        let mut direct = ChannelSums::default();
        direct.add_domestic(1.0, 1.0, lobby);
        direct.add_domestic(2.0 * 1.5, 0.0, lobby);
        assert_eq!(policy.plus_scaled(&political, 1.5), direct);
    }

    #[test]
    fn nothing_engaged_does_nothing() {
        assert_eq!(
            ChannelSums::default().effects(&ArenaRates::DEFAULT),
            ArenaEffects::NEUTRAL
        );
        assert_eq!(epistemic_factor(1.0, 0.0, 0.0), 1.0);
        assert_eq!(epistemic_factor(0.5, 1.0, 1.0), 0.75);
    }
}
