//! A state at the negotiating table: its ratifiers, threshold,
//! negotiator, resources and leverage, and the strategy it plays the
//! agreement with ([`NegotiatingState`]).

use twolevel_game::error::format_number;
use twolevel_game::{
    Carrot, EstimateNoise, Leverage, Orientation, ParameterError, Politicization, Ratifier,
    Reservation, Resources, Stick, Strategy, Threshold, TwoLevelGame, WinSet,
};

use crate::play::PlayerSettings;

/// One state of a negotiating pair.
///
/// The ratifiers are plain data (a weight and a position each), so that a
/// domestic arena can feed them: one [`Ratifier`] per actor with a vote,
/// its weight the actor's, its position the actor's willingness to concede.
/// A clone plays with a fresh copy of the strategy as it is now.
#[derive(Clone, Debug)]
pub struct NegotiatingState {
    ratifiers: Vec<Ratifier>,
    successors: Vec<Vec<Ratifier>>,
    threshold: Threshold,
    discount: f64,
    noise: EstimateNoise,
    hoarding: u32,
    resources: Resources,
    leverage: Leverage,
    settings: PlayerSettings,
    strategy: Box<dyn Strategy>,
}

impl NegotiatingState {
    /// A state with the given ratifiers (at least one with weight: the
    /// error names `ratifiers`), ratification threshold, negotiator's
    /// discount factor `delta_i` in [0, 1) (the error names `discount`),
    /// the strategy it plays the agreement with, and its player settings.
    /// It has no resources, no leverage, and its partner knows its
    /// reservation exactly until the `with_*` methods say otherwise.
    pub fn new(
        ratifiers: Vec<Ratifier>,
        threshold: Threshold,
        discount: f64,
        strategy: Box<dyn Strategy>,
        settings: PlayerSettings,
    ) -> Result<Self, ParameterError> {
        check_weighted("ratifiers", &ratifiers)?;
        if !(0.0..1.0).contains(&discount) {
            return Err(ParameterError::new(
                "discount",
                format!(
                    "expected a discount factor in [0, 1), got {}",
                    format_number(discount)
                ),
            ));
        }
        Ok(NegotiatingState {
            ratifiers,
            successors: Vec::new(),
            threshold,
            discount,
            noise: EstimateNoise::NONE,
            hoarding: 0,
            resources: Resources::NONE,
            leverage: Leverage::NONE,
            settings,
            strategy,
        })
    }

    /// A state without an arena: its government is its one ratifier, at
    /// position `1 - w_eff` (so that its reservation is `w_eff`, with
    /// `w_eff` from [`TwoLevelGame::effective_weight`] at the state's
    /// orientation and politicization `pi`).
    pub fn government(
        game: &TwoLevelGame,
        orientation: Orientation,
        pi: Politicization,
        discount: f64,
        strategy: Box<dyn Strategy>,
        settings: PlayerSettings,
    ) -> Result<Self, ParameterError> {
        let w_eff = game.effective_weight(orientation, pi);
        NegotiatingState::new(
            vec![Ratifier::new(1.0, 1.0 - w_eff)?],
            Threshold::majority(),
            discount,
            strategy,
            settings,
        )
    }

    /// The same state with the arenas that follow each election: after
    /// the k-th election of the match's election cycle its ratifiers are
    /// `successors[k - 1]` (the last ones stay after the list ends). Each
    /// needs a ratifier with weight (the error names `successors[i]`).
    pub fn with_successors(
        mut self,
        successors: Vec<Vec<Ratifier>>,
    ) -> Result<Self, ParameterError> {
        for (i, ratifiers) in successors.iter().enumerate() {
            check_weighted(&format!("successors[{i}]"), ratifiers)?;
        }
        self.successors = successors;
        Ok(self)
    }

    /// Whether the state's arena changes at elections.
    #[must_use]
    pub fn has_successors(&self) -> bool {
        !self.successors.is_empty()
    }

    /// The ratifiers in term `k` (0 before the first election).
    #[must_use]
    pub fn ratifiers_in_term(&self, k: usize) -> &[Ratifier] {
        match k.checked_sub(1) {
            None => &self.ratifiers,
            Some(i) => self
                .successors
                .get(i)
                .or(self.successors.last())
                .map_or(&self.ratifiers, Vec::as_slice),
        }
    }

    /// The same state, whose reservation its partner sees with noise
    /// `epsilon` (Iida 1993).
    #[must_use]
    pub fn with_noise(mut self, noise: EstimateNoise) -> Self {
        self.noise = noise;
        self
    }

    /// The same state with wealth and might, and leverage over its
    /// partner: a side payment `transfer` with leakage `leakage` (drawn
    /// from the wealth), a sanction `sanction` (drawn from the might) and
    /// the defiant share `defiance` of the partner's ratifiers. Errors
    /// name `transfer`, `leakage`, `sanction`, `might` or `defiance`.
    pub fn with_resources(
        mut self,
        resources: Resources,
        transfer: f64,
        leakage: f64,
        sanction: f64,
        defiance: f64,
    ) -> Result<Self, ParameterError> {
        let carrot = resources.carrot(transfer, leakage)?;
        let stick = resources.stick(sanction)?;
        self.leverage = Leverage::new(carrot, stick, defiance)?;
        self.resources = resources;
        Ok(self)
    }

    /// The ratifiers.
    #[must_use]
    pub fn ratifiers(&self) -> &[Ratifier] {
        &self.ratifiers
    }

    /// The ratification threshold.
    #[must_use]
    pub const fn threshold(&self) -> Threshold {
        self.threshold
    }

    /// The negotiator's discount factor.
    #[must_use]
    pub const fn discount(&self) -> f64 {
        self.discount
    }

    /// The same state, whose negotiator hoards its bargaining chips for
    /// `rounds` rounds (Keohane's "deadlocks resulting from parties
    /// hoarding bargaining chips"): it withholds its concessions to trade
    /// them later, so every ratified agreement (the first, and any reached
    /// at an election) takes effect only after the two
    /// negotiators' hoarding rounds (summed: each trades its chips in turn)
    /// of the status quo; see [`negotiate`](super::negotiate). 0 (the
    /// default) delays nothing.
    #[must_use]
    pub fn with_hoarding(mut self, rounds: u32) -> Self {
        self.hoarding = rounds;
        self
    }

    /// The rounds for which this state's negotiator hoards its
    /// bargaining chips.
    #[must_use]
    pub const fn hoarding(&self) -> u32 {
        self.hoarding
    }

    /// The noise of the partner's estimate of this state's reservation.
    #[must_use]
    pub const fn noise(&self) -> EstimateNoise {
        self.noise
    }

    /// The resources.
    #[must_use]
    pub const fn resources(&self) -> &Resources {
        &self.resources
    }

    /// The leverage over the partner.
    #[must_use]
    pub const fn leverage(&self) -> &Leverage {
        &self.leverage
    }

    /// The side payment to the partner.
    #[must_use]
    pub const fn carrot(&self) -> &Carrot {
        self.leverage.side_payment()
    }

    /// The sanction of the partner's defections.
    #[must_use]
    pub const fn stick(&self) -> &Stick {
        self.leverage.sanction()
    }

    /// The player settings in play.
    #[must_use]
    pub const fn settings(&self) -> &PlayerSettings {
        &self.settings
    }

    /// The strategy's name.
    #[must_use]
    pub fn strategy_name(&self) -> &str {
        self.strategy.name()
    }

    /// The strategy, to play with.
    pub(super) fn strategy_mut(&mut self) -> &mut dyn Strategy {
        self.strategy.as_mut()
    }

    /// This state's win-set under the partner's leverage, before the
    /// first election.
    #[must_use]
    pub fn win_set_under(&self, partner: &Leverage) -> WinSet {
        self.win_set_in_term(0, partner)
    }

    /// This state's win-set in term `k` under the partner's leverage.
    #[must_use]
    pub fn win_set_in_term(&self, k: usize, partner: &Leverage) -> WinSet {
        let reservations: Vec<Reservation> =
            partner.partner_reservations(self.ratifiers_in_term(k));
        WinSet::of_reservations(&reservations, self.threshold)
    }
}

/// Checks that `ratifiers` hold some weight.
fn check_weighted(field: &str, ratifiers: &[Ratifier]) -> Result<(), ParameterError> {
    if ratifiers.iter().any(|r| r.weight() > 0.0) {
        Ok(())
    } else {
        Err(ParameterError::new(
            field,
            "expected at least one ratifier with a weight above 0",
        ))
    }
}
