//! Strategies that answer the two levels (`docs/strategies.md`) change their
//! moves in real matches when the political weight `w`, the politicization
//! `pi`, elections or patience change: the prudent reciprocator carries the
//! paradox of politicization into play, and the learners learn different
//! things from different utilities and discount factors.
//!
//! Rates are means over fixed seeds, so the tests are reproducible; the
//! thresholds leave wide margins around the rates the strategies reach.

use rand::SeedableRng;
use rand_pcg::Pcg64Mcg;
use twolevel_game::{ElectionCycle, Horizon, Orientation, Politicization, Politics, TwoLevelGame};
use twolevel_strategies::registry::{StrategySpec, build};
use twolevel_tournament::{MatchBuffers, MatchConfig, PlayerSettings, play_match};

/// A noiseless match of the default two-level game over `horizon` at the
/// fixed politicization `pi`.
fn config(horizon: Horizon, pi: f64) -> MatchConfig {
    MatchConfig::new(TwoLevelGame::default(), horizon)
        .unwrap()
        .with_politics(Politics::Fixed(Politicization::new(pi).unwrap()))
}

/// Both players' settings: political weight `w` and patience `patience`.
fn settings(w: f64, patience: f64) -> PlayerSettings {
    PlayerSettings::with_orientation(Orientation::new(w).unwrap())
        .with_patience(patience)
        .unwrap()
}

/// The moves of the first player (`name`) against `partner`, both with
/// `player`'s settings, with the match RNG seeded by `seed`.
fn moves(
    name: &str,
    partner: &str,
    config: &MatchConfig,
    player: PlayerSettings,
    seed: u64,
) -> String {
    let mut a = build(&StrategySpec::new(name)).unwrap();
    let mut b = build(&StrategySpec::new(partner)).unwrap();
    let mut buffers = MatchBuffers::new();
    let mut rng = Pcg64Mcg::seed_from_u64(seed);
    play_match(
        config,
        [a.as_mut(), b.as_mut()],
        &[player; 2],
        &mut buffers,
        &mut rng,
    );
    buffers.move_string(0)
}

/// The share of cooperations of `name` against `partner` in the second
/// half of 1000-round matches (length unknown to the players, so
/// `delta_t = 0.999`), averaged over five seeds.
fn late_cooperation(name: &str, partner: &str, w: f64, pi: f64, patience: f64) -> f64 {
    let config = config(Horizon::fixed(1000).unwrap(), pi);
    let seeds = 0..5;
    let total: usize = seeds
        .clone()
        .map(|seed| {
            let played = moves(name, partner, &config, settings(w, patience), seed);
            played[500..].chars().filter(|&m| m == 'C').count()
        })
        .sum();
    total as f64 / (500.0 * seeds.count() as f64)
}

#[test]
fn prudent_reciprocators_play_out_the_paradox_of_politicization() {
    // A continuation horizon with delta = 0.99 and patience 0.48 gives
    // delta_i = 0.4752, between the minimum of the U-shaped grim threshold
    // of a policy maker (about 0.461 near pi = 0.26) and its value at
    // pi = 0 (0.5); at pi = 1 the threshold is about 0.70.
    let game = TwoLevelGame::default();
    let delta_i = 0.99 * 0.48;
    let threshold = |pi: f64| {
        game.grim_threshold_at(Orientation::POLICY, Politicization::new(pi).unwrap())
            .unwrap()
    };
    assert!(threshold(0.25) <= delta_i, "{}", threshold(0.25));
    assert!(threshold(0.0) > delta_i && threshold(1.0) > delta_i);

    let horizon = Horizon::continuation(0.99).unwrap();
    let player = settings(0.0, 0.48);
    for seed in 0..5 {
        let play = |pi: f64| {
            moves(
                "Prudent Reciprocator",
                "Prudent Reciprocator",
                &config(horizon, pi),
                player,
                seed,
            )
        };
        let moderate = play(0.25);
        assert!(moderate.chars().all(|m| m == 'C'), "pi 0.25: {moderate}");
        for pi in [0.0, 1.0] {
            let played = play(pi);
            assert!(played.chars().all(|m| m == 'D'), "pi {pi}: {played}");
        }
    }
}

#[test]
fn a_prudent_politician_defects_where_a_prudent_bureaucrat_cooperates() {
    // At pi = 0.25 and delta_i = 0.99 * 0.6 = 0.594 the grim threshold is
    // about 0.461 for w = 0 and 0.671 for w = 0.5.
    let config = config(Horizon::continuation(0.99).unwrap(), 0.25);
    for seed in 0..3 {
        let bureaucrat = moves(
            "Prudent Reciprocator",
            "Tit For Tat",
            &config,
            settings(0.0, 0.6),
            seed,
        );
        assert!(bureaucrat.chars().all(|m| m == 'C'), "{bureaucrat}");
        let politician = moves(
            "Prudent Reciprocator",
            "Tit For Tat",
            &config,
            settings(0.5, 0.6),
            seed,
        );
        assert!(politician.chars().all(|m| m == 'D'), "{politician}");
    }
}

#[test]
fn a_prudent_reciprocator_defects_in_campaigns_that_shorten_its_horizon() {
    // A 200-round match of unknown length has delta_t = 0.995; campaigns
    // (the last 5 of every 20 rounds) halve patience, so delta_i = 0.4975
    // falls below the classic threshold 0.5 exactly in campaign rounds.
    let election = ElectionCycle::new(20, 5, 0.0)
        .and_then(|e| e.with_patience(0.5))
        .unwrap();
    let config = config(Horizon::fixed(200).unwrap(), 0.0).with_election(Some(election));
    let played = moves(
        "Prudent Reciprocator",
        "Cooperator",
        &config,
        settings(0.0, 1.0),
        0,
    );
    for (turn, m) in (0..).zip(played.chars()) {
        let expected = if election.is_campaign(turn) { 'D' } else { 'C' };
        assert_eq!(m, expected, "round {turn}: {played}");
    }
}

#[test]
fn fictitious_play_cooperates_with_tit_for_tat_only_when_patient_and_policy_minded() {
    // delta_i = 0.999 clears the classic grim threshold (0.5), 0.3 * 0.999
    // does not; a politician's (w = 0.8) threshold is about 0.917 and its
    // early beliefs never make cooperation worth trying again.
    assert_eq!(
        late_cooperation("Fictitious Play", "Tit For Tat", 0.0, 0.0, 1.0),
        1.0
    );
    assert_eq!(
        late_cooperation("Fictitious Play", "Tit For Tat", 0.0, 0.0, 0.3),
        0.0
    );
    assert_eq!(
        late_cooperation("Fictitious Play", "Tit For Tat", 0.8, 0.0, 1.0),
        0.0
    );
}

#[test]
fn q_learners_learn_mutual_cooperation_only_with_a_long_shadow_and_low_weight() {
    // Self-play: about 0.84 with full patience, 0.1 with patience 0.3 and
    // 0.15 for politicians (w = 0.8).
    let patient = late_cooperation("Q-Learner", "Q-Learner", 0.0, 0.0, 1.0);
    let impatient = late_cooperation("Q-Learner", "Q-Learner", 0.0, 0.0, 0.3);
    let politicians = late_cooperation("Q-Learner", "Q-Learner", 0.8, 0.0, 1.0);
    assert!(patient > 0.6, "{patient}");
    assert!(impatient < 0.3, "{impatient}");
    assert!(politicians < 0.3, "{politicians}");
}

#[test]
fn aspiration_learners_cooperate_less_as_politicians_and_in_securitized_issues() {
    // Against tit for tat: about 0.73 as a policy maker, 0.13 with
    // w = 0.8 and 0.22 at pi = 1 (where w_eff = 0.8 too).
    let policy = late_cooperation("Bush-Mosteller", "Tit For Tat", 0.0, 0.0, 1.0);
    let politician = late_cooperation("Bush-Mosteller", "Tit For Tat", 0.8, 0.0, 1.0);
    let securitized = late_cooperation("Bush-Mosteller", "Tit For Tat", 0.0, 1.0, 1.0);
    assert!(policy > 0.5, "{policy}");
    assert!(politician < 0.3, "{politician}");
    assert!(securitized < 0.4, "{securitized}");
}

#[test]
fn roth_erev_moves_change_with_the_political_weight_and_politicization() {
    // Its rewards are its own shifted utilities, so the same seed plays
    // other moves for a politician or in a securitized issue. (Its
    // cooperation rate against tit for tat moves only a little: about
    // 0.27 as a policy maker, 0.23 as a politician.)
    let config_at = |pi: f64| config(Horizon::fixed(300).unwrap(), pi);
    let policy = moves(
        "Roth-Erev",
        "Tit For Tat",
        &config_at(0.0),
        settings(0.0, 1.0),
        1,
    );
    let politician = moves(
        "Roth-Erev",
        "Tit For Tat",
        &config_at(0.0),
        settings(0.8, 1.0),
        1,
    );
    let securitized = moves(
        "Roth-Erev",
        "Tit For Tat",
        &config_at(1.0),
        settings(0.0, 1.0),
        1,
    );
    assert_ne!(policy, politician);
    assert_ne!(policy, securitized);
}
