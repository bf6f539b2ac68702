//! Properties of the two-level game that must hold for every parameter:
//! the blend is affine in the political weight, the classic game comes back
//! bit for bit at `w = 0` and `pi = 0`, the analytic thresholds agree with
//! discounted sums of the paths they compare, configurations round-trip
//! through RON, and invalid input is an error naming its field.

use proptest::prelude::*;
use twolevel_game::{
    Action, Bimatrix, ElectionCycle, Horizon, NoThreshold, Orientation, Outcome, ParameterError,
    PayoffMatrix, PoliticalPayoff, Politicization, PoliticizationDynamics, Politics, StageTable,
    StageTableBuilder, TwoLevelGame, grim_paths, grim_threshold, tft_paths, tft_threshold,
};

/// Every finite f64, both signs, including subnormals and `-0.0`.
fn any_finite() -> impl Strategy<Value = f64> + Clone {
    use proptest::num::f64::{NORMAL, SUBNORMAL, ZERO};
    NORMAL | SUBNORMAL | ZERO
}

/// Any f64 at all: NaN, infinities, subnormals, zeros.
fn any_f64() -> impl Strategy<Value = f64> + Clone {
    proptest::num::f64::ANY
}

/// Mostly moderate numbers, sometimes a signed zero (the blend must keep
/// `-0.0` exactly), sometimes any finite number (so that games which fail
/// the magnitude bound are exercised too).
fn mostly_moderate() -> impl Strategy<Value = f64> + Clone {
    prop_oneof![
        4 => -100.0..100.0_f64,
        1 => prop_oneof![Just(0.0), Just(-0.0)],
        1 => any_finite(),
    ]
}

fn matrix_from(
    entries: impl Strategy<Value = f64> + Clone,
) -> impl Strategy<Value = PayoffMatrix> + Clone {
    [entries.clone(), entries.clone(), entries.clone(), entries]
        .prop_map(|e| PayoffMatrix::from_entries(e).expect("the strategy generates finite entries"))
}

fn moderate_matrix() -> impl Strategy<Value = PayoffMatrix> + Clone {
    matrix_from(-100.0..100.0_f64)
}

fn bimatrix(
    matrix: impl Strategy<Value = PayoffMatrix> + Clone,
) -> impl Strategy<Value = Bimatrix> {
    (matrix.clone(), matrix).prop_map(|(row, column)| Bimatrix { row, column })
}

fn political(
    number: impl Strategy<Value = f64> + Clone,
    matrix: impl Strategy<Value = PayoffMatrix> + Clone,
) -> impl Strategy<Value = PoliticalPayoff> {
    prop_oneof![
        (number.clone(), number).prop_map(|(kappa, audience_bonus)| PoliticalPayoff::Derived {
            kappa,
            audience_bonus,
        }),
        bimatrix(matrix).prop_map(PoliticalPayoff::Matrix),
    ]
}

/// Valid games with moderate parameters.
fn moderate_game() -> impl Strategy<Value = TwoLevelGame> {
    (
        bimatrix(moderate_matrix()),
        political(-10.0..10.0_f64, moderate_matrix()),
        0.0..10.0_f64,
        0.0..=1.0_f64,
        prop_oneof![1 => Just(0.0), 3 => 0.0..5.0_f64],
        prop_oneof![1 => Just(0.0), 3 => 0.0..5.0_f64],
    )
        .prop_map(|(policy, political, theta, beta, alpha, gamma)| {
            TwoLevelGame::new(policy, political, theta, beta)
                .and_then(|game| game.with_accountability(alpha, gamma))
                .expect("moderate parameters are within every bound")
        })
}

/// The first version of the model's payoffs (no accountability, no
/// securitization), written out independently of the library: policy
/// `base - theta * pi * unsolved`, political `kappa * (own - other) + b`,
/// blended with `w_eff = w + (1 - w) * beta * pi`.
fn first_version_payoffs(
    game: &TwoLevelGame,
    row: Action,
    column: Action,
    pi: f64,
    weights: [f64; 2],
) -> [[f64; 3]; 2] {
    let base = game.policy().payoffs(row, column);
    let cooperators = f64::from(u8::from(row == Action::C) + u8::from(column == Action::C));
    let threat = game.theta() * pi * (1.0 - cooperators / 2.0);
    let policy = [base[0] - threat, base[1] - threat];
    let political = match *game.political() {
        PoliticalPayoff::Derived {
            kappa,
            audience_bonus,
        } => {
            let bonus = |a: Action| if a == Action::D { audience_bonus } else { 0.0 };
            [
                kappa * (policy[0] - policy[1]) + bonus(row),
                kappa * (policy[1] - policy[0]) + bonus(column),
            ]
        }
        PoliticalPayoff::Matrix(m) => m.payoffs(row, column),
    };
    [0, 1].map(|k| {
        let w = weights[k];
        let w_eff = w + (1.0 - w) * game.beta() * pi;
        [
            twolevel_game::blend(w_eff, policy[k], political[k]),
            policy[k],
            political[k],
        ]
    })
}

fn unit() -> impl Strategy<Value = f64> {
    prop_oneof![1 => Just(0.0), 1 => Just(1.0), 8 => 0.0..=1.0_f64]
}

fn outcomes() -> [(Action, Action); 4] {
    [
        (Action::C, Action::C),
        (Action::C, Action::D),
        (Action::D, Action::C),
        (Action::D, Action::D),
    ]
}

/// The fields a game's validation may name.
const GAME_FIELDS: &[&str] = &[
    "theta",
    "beta",
    "alpha",
    "gamma",
    "political.Derived.kappa",
    "political.Derived.audience_bonus",
    "policy.row.R",
    "policy.row.S",
    "policy.row.T",
    "policy.row.P",
    "policy.column.R",
    "policy.column.S",
    "policy.column.T",
    "policy.column.P",
    "political.Matrix.row.R",
    "political.Matrix.row.S",
    "political.Matrix.row.T",
    "political.Matrix.row.P",
    "political.Matrix.column.R",
    "political.Matrix.column.S",
    "political.Matrix.column.T",
    "political.Matrix.column.P",
];

/// Whether a set of continuation probabilities described by a threshold
/// result clearly contains `delta` (`Some(true)`), clearly excludes it
/// (`Some(false)`), or `delta` lies within `margin` of a boundary (`None`).
fn clearly_sustained(result: Result<f64, NoThreshold>, delta: f64, margin: f64) -> Option<bool> {
    let (from, to) = match result {
        Ok(from) => (from, f64::INFINITY),
        Err(NoThreshold::Never) => return Some(false),
        Err(NoThreshold::Bounded { from, to }) => (from, to),
    };
    let near = |boundary: f64| (delta - boundary).abs() < margin;
    if (from > 0.0 && near(from)) || near(to) {
        None
    } else {
        Some(from <= delta && delta <= to)
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// The stage table that matches read holds exactly, bit for bit, what
    /// `TwoLevelGame::payoffs` gives for each outcome.
    #[test]
    fn stage_table_equals_payoffs_bit_for_bit(
        game in moderate_game(),
        pi in unit(),
        w in unit(),
        partner_w in unit(),
    ) {
        let pi = Politicization::new(pi).unwrap();
        let orientations = [w, partner_w].map(|x| Orientation::new(x).unwrap());
        let table = game.stage_table(pi, orientations);
        for (row, column) in outcomes() {
            let direct = game.payoffs(row, column, pi, orientations);
            let cell = table.get(row, column);
            for k in 0..2 {
                prop_assert_eq!(cell[k].utility.to_bits(), direct[k].utility.to_bits());
                prop_assert_eq!(cell[k].policy.to_bits(), direct[k].policy.to_bits());
                prop_assert_eq!(cell[k].political.to_bits(), direct[k].political.to_bits());
            }
        }
    }

    /// With `alpha = gamma = 0` the game is the model's first version bit
    /// for bit, whatever the other parameters.
    #[test]
    fn first_version_is_reproduced_bit_for_bit(
        game in moderate_game(),
        pi in unit(),
        w in unit(),
        partner_w in unit(),
    ) {
        let game = game.with_accountability(0.0, 0.0).unwrap();
        let level = Politicization::new(pi).unwrap();
        let orientations = [w, partner_w].map(|x| Orientation::new(x).unwrap());
        for (row, column) in outcomes() {
            let expected = first_version_payoffs(&game, row, column, pi, [w, partner_w]);
            let actual = game.payoffs(row, column, level, orientations);
            for k in 0..2 {
                prop_assert_eq!(actual[k].utility.to_bits(), expected[k][0].to_bits());
                prop_assert_eq!(actual[k].policy.to_bits(), expected[k][1].to_bits());
                prop_assert_eq!(actual[k].political.to_bits(), expected[k][2].to_bits());
            }
        }
    }

    /// Each state's own politicization: the uneven stage table holds what
    /// `payoffs_uneven` gives, and equal levels give the shared-pi table
    /// bit for bit.
    #[test]
    fn uneven_stage_table_is_consistent(
        game in moderate_game(),
        pis in (unit(), unit()),
        w in unit(),
        partner_w in unit(),
    ) {
        let pis = [pis.0, pis.1].map(|x| Politicization::new(x).unwrap());
        let orientations = [w, partner_w].map(|x| Orientation::new(x).unwrap());
        let table = game.stage_table_uneven(pis, orientations);
        for (row, column) in outcomes() {
            let direct = game.payoffs_uneven(row, column, pis, orientations);
            prop_assert_eq!(table.get(row, column), &direct);
        }
        let shared = game.stage_table(pis[0], orientations);
        prop_assert_eq!(game.stage_table_uneven([pis[0]; 2], orientations), shared);
    }

    /// One outcome's payoffs from the builder (what a match between
    /// memory-one players computes when the levels move every round) are
    /// the table's cell bit for bit, for uneven levels and orientations.
    #[test]
    fn outcome_payoffs_equal_the_filled_table_bit_for_bit(
        game in moderate_game(),
        pis in (unit(), unit()),
        w in unit(),
        partner_w in unit(),
    ) {
        let pis = [pis.0, pis.1].map(|x| Politicization::new(x).unwrap());
        let orientations = [w, partner_w].map(|x| Orientation::new(x).unwrap());
        let builder = StageTableBuilder::new(&game);
        let mut table = StageTable::default();
        builder.fill(&mut table, pis, orientations);
        for (row, column) in outcomes() {
            let outcome = Outcome::new(row, column);
            let single = builder.outcome_payoffs(outcome, pis, orientations);
            let cell = table.get(row, column);
            for k in 0..2 {
                prop_assert_eq!(single[k].utility.to_bits(), cell[k].utility.to_bits());
                prop_assert_eq!(single[k].policy.to_bits(), cell[k].policy.to_bits());
                prop_assert_eq!(single[k].political.to_bits(), cell[k].political.to_bits());
            }
        }
    }

    /// `w_eff` is affine in `w` and the utility affine in `w_eff`, so the
    /// utility is affine in `w` at fixed `pi`, for both players and every
    /// outcome.
    #[test]
    fn blend_is_affine_in_the_political_weight(
        game in moderate_game(),
        pi in unit(),
        w in unit(),
        partner_w in unit(),
    ) {
        let pi = Politicization::new(pi).unwrap();
        let [w, partner_w] = [w, partner_w].map(|x| Orientation::new(x).unwrap());
        let table = |own: Orientation| game.stage_table(pi, [own, partner_w]);
        let (at_0, at_1, at_w) = (
            table(Orientation::POLICY),
            table(Orientation::POLITICAL),
            table(w),
        );
        for i in 0..4 {
            let (u0, u1, uw) = (
                at_0.cells[i][0].utility,
                at_1.cells[i][0].utility,
                at_w.cells[i][0].utility,
            );
            let expected = u0 + w.political_weight() * (u1 - u0);
            let scale = u0.abs().max(u1.abs()).max(1.0);
            prop_assert!(
                (uw - expected).abs() <= 1e-9 * scale,
                "cell {i}: u(w) = {uw}, affine {expected}"
            );
            // The partner's utility does not depend on this player's weight.
            prop_assert_eq!(at_0.cells[i][1], at_w.cells[i][1]);
        }
    }

    /// With `w = 0` and `pi = 0` every utility is the classic policy payoff,
    /// bit for bit, whatever the political payoff, theta and beta.
    #[test]
    fn classic_game_is_exact_at_w0_pi0(
        policy in bimatrix(matrix_from(mostly_moderate())),
        political in political(mostly_moderate(), matrix_from(mostly_moderate())),
        theta in prop_oneof![3 => 0.0..100.0_f64, 1 => any_finite().prop_map(f64::abs)],
        beta in 0.0..=1.0_f64,
    ) {
        match TwoLevelGame::new(policy, political, theta, beta) {
            Ok(game) => {
                let table = game.stage_table(Politicization::NONE, [Orientation::POLICY; 2]);
                let bits = |entries: [f64; 4]| entries.map(f64::to_bits);
                prop_assert_eq!(bits(table.row_utilities()), bits(policy.row.entries()));
                prop_assert_eq!(bits(table.column_utilities()), bits(policy.column.entries()));
                let blended = game.blended_matrix(Orientation::POLICY, Politicization::NONE);
                prop_assert_eq!(bits(blended.entries()), bits(policy.row.entries()));
                for (row, column) in outcomes() {
                    let [a, b] = game.payoffs(row, column, Politicization::NONE, [Orientation::POLICY; 2]);
                    prop_assert_eq!(a.policy.to_bits(), policy.row.payoff(row, column).to_bits());
                    prop_assert_eq!(b.policy.to_bits(), policy.column.payoff(column, row).to_bits());
                }
            }
            Err(err) => prop_assert!(GAME_FIELDS.contains(&err.field.as_str()), "{err}"),
        }
    }

    /// The grim-trigger threshold agrees with comparing the discounted sums
    /// of cooperating forever and of defecting once then being punished.
    #[test]
    fn grim_threshold_agrees_with_discounted_sums(
        m in moderate_matrix(),
        delta in 0.0..0.999_f64,
    ) {
        let [cooperate, deviate] = grim_paths(&m, delta).unwrap();
        let tolerance = 1e-9 * 100.0 / (1.0 - delta);
        match clearly_sustained(grim_threshold(&m), delta, 1e-3) {
            Some(true) => prop_assert!(
                cooperate >= deviate - tolerance,
                "{m:?} at {delta}: {cooperate} < {deviate}"
            ),
            Some(false) => prop_assert!(
                cooperate < deviate + tolerance,
                "{m:?} at {delta}: {cooperate} >= {deviate}"
            ),
            None => {}
        }
    }

    /// In a strict prisoner's dilemma the grim comparison is strict on both
    /// sides of the threshold, away from it.
    #[test]
    fn grim_threshold_is_sharp_in_prisoners_dilemmas(
        m in proptest::array::uniform4(-100.0..100.0_f64)
            .prop_map(|mut e| {
                // Sorted ascending, the entries are S < P < R < T.
                e.sort_by(f64::total_cmp);
                PayoffMatrix::new(e[2], e[0], e[3], e[1]).unwrap()
            })
            .prop_filter("a prisoner's dilemma with room", |m| {
                m.is_prisoners_dilemma() && m.t() - m.p() > 0.1
            }),
        delta in 0.0..0.999_f64,
    ) {
        let threshold = grim_threshold(&m).unwrap();
        prop_assert!(threshold > 0.0 && threshold < 1.0);
        let [cooperate, deviate] = grim_paths(&m, delta).unwrap();
        if delta > threshold + 1e-3 {
            prop_assert!(cooperate > deviate);
        } else if delta < threshold - 1e-3 {
            prop_assert!(cooperate < deviate);
        }
    }

    /// Axelrod's condition for tit for tat agrees with comparing cooperation
    /// against the two deviations his proof considers.
    #[test]
    fn tft_threshold_agrees_with_discounted_sums(
        m in moderate_matrix(),
        delta in 0.0..0.999_f64,
    ) {
        let [cooperate, always_defect, alternate] = tft_paths(&m, delta).unwrap();
        let best_deviation = always_defect.max(alternate);
        let tolerance = 1e-9 * 100.0 / (1.0 - delta);
        match clearly_sustained(tft_threshold(&m), delta, 1e-3) {
            Some(true) => prop_assert!(
                cooperate >= best_deviation - tolerance,
                "{m:?} at {delta}: {cooperate} < {best_deviation}"
            ),
            Some(false) => prop_assert!(
                cooperate < best_deviation + tolerance,
                "{m:?} at {delta}: {cooperate} >= {best_deviation}"
            ),
            None => {}
        }
    }

    #[test]
    fn games_round_trip_through_ron(game in moderate_game()) {
        let text = ron::to_string(&game).unwrap();
        prop_assert_eq!(ron::from_str::<TwoLevelGame>(&text).unwrap(), game);
    }

    #[test]
    fn horizons_round_trip_through_ron(
        horizon in prop_oneof![
            (1..=100_000_u32).prop_map(|turns| Horizon::fixed(turns).unwrap()),
            (0.0..1.0_f64).prop_map(|delta| Horizon::continuation(delta).unwrap()),
        ]
    ) {
        let text = ron::to_string(&horizon).unwrap();
        prop_assert_eq!(ron::from_str::<Horizon>(&text).unwrap(), horizon);
    }

    #[test]
    fn dynamics_and_politics_round_trip_through_ron(
        visibility in unit(),
        up in unit(),
        down in unit(),
        initial in unit(),
        dynamic in any::<bool>(),
    ) {
        let dynamics = PoliticizationDynamics::new(visibility, up, down).unwrap();
        let text = ron::to_string(&dynamics).unwrap();
        prop_assert_eq!(ron::from_str::<PoliticizationDynamics>(&text).unwrap(), dynamics);
        let initial = Politicization::new(initial).unwrap();
        let politics = if dynamic {
            Politics::Dynamic { initial, dynamics }
        } else {
            Politics::Fixed(initial)
        };
        let text = ron::to_string(&politics).unwrap();
        prop_assert_eq!(ron::from_str::<Politics>(&text).unwrap(), politics);
    }

    #[test]
    fn election_cycles_round_trip_through_ron(
        (term, lead) in (1..10_000_u32).prop_flat_map(|term| (Just(term), 0..term)),
        boost in unit(),
    ) {
        let cycle = ElectionCycle::new(term, lead, boost).unwrap();
        let text = ron::to_string(&cycle).unwrap();
        prop_assert_eq!(ron::from_str::<ElectionCycle>(&text).unwrap(), cycle);
    }

    /// Unit-interval parameters accept exactly [0, 1] and otherwise name
    /// their field; NaN and infinities included.
    #[test]
    fn unit_parameters_reject_everything_else(x in any_f64()) {
        let valid = (0.0..=1.0).contains(&x);
        let check = |result: Result<(), ParameterError>, field: &str| -> Result<(), TestCaseError> {
            match result {
                Ok(()) => prop_assert!(valid, "{field} accepted {x}"),
                Err(err) => {
                    prop_assert!(!valid, "{field} rejected {x}");
                    prop_assert_eq!(&err.field, field);
                    prop_assert!(err.to_string().contains(field));
                }
            }
            Ok(())
        };
        check(Orientation::new(x).map(drop), "w")?;
        check(Politicization::new(x).map(drop), "pi")?;
        check(PoliticizationDynamics::new(x, 0.1, 0.1).map(drop), "visibility")?;
        check(PoliticizationDynamics::new(1.0, x, 0.1).map(drop), "up")?;
        check(PoliticizationDynamics::new(1.0, 0.1, x).map(drop), "down")?;
        check(ElectionCycle::new(10, 2, x).map(drop), "boost")?;
        check(
            TwoLevelGame::new(Bimatrix::default(), PoliticalPayoff::default(), 4.0, x).map(drop),
            "beta",
        )?;
    }

    /// The continuation probability accepts exactly [0, 1).
    #[test]
    fn delta_rejects_everything_outside_0_1(delta in any_f64()) {
        match Horizon::continuation(delta) {
            Ok(_) => prop_assert!((0.0..1.0).contains(&delta)),
            Err(err) => {
                prop_assert!(!(0.0..1.0).contains(&delta));
                prop_assert_eq!(err.field, "delta");
            }
        }
        prop_assert_eq!(grim_paths(&PayoffMatrix::AXELROD, delta).is_ok(), (0.0..1.0).contains(&delta));
    }

    /// Payoff entries reject NaN and infinities, naming the first bad entry.
    #[test]
    fn payoff_entries_reject_non_finite_numbers(entries in [any_f64(), any_f64(), any_f64(), any_f64()]) {
        match PayoffMatrix::from_entries(entries) {
            Ok(m) => prop_assert_eq!(m.entries().map(f64::to_bits), entries.map(f64::to_bits)),
            Err(err) => {
                let first_bad = entries.iter().position(|e| !e.is_finite());
                prop_assert!(first_bad.is_some());
                prop_assert_eq!(err.field, ["R", "S", "T", "P"][first_bad.unwrap()]);
            }
        }
    }

    /// theta must be finite and non-negative; the error names it, also when
    /// it comes from a RON file.
    #[test]
    fn theta_must_be_finite_and_non_negative(theta in any_f64()) {
        let result = TwoLevelGame::new(Bimatrix::default(), PoliticalPayoff::default(), theta, 0.8);
        // The largest payoff in magnitude is the punishment under full
        // securitization, P - theta, so theta may reach MAX_PAYOFF (up to
        // rounding) and no further; well below it every theta is valid.
        let non_negative = theta.is_finite() && theta >= 0.0;
        let valid = non_negative && theta <= 1e99;
        match result {
            Ok(game) => {
                prop_assert!(
                    non_negative && theta <= TwoLevelGame::MAX_PAYOFF * (1.0 + 1e-12),
                    "accepted {theta}"
                );
                prop_assert_eq!(game.theta().to_bits(), theta.to_bits());
            }
            Err(err) => {
                prop_assert!(!valid || theta > 1e99, "rejected {theta}: {err}");
                prop_assert_eq!(err.field, "theta");
            }
        }
        let text = format!("(theta: {theta:?})");
        match ron::from_str::<TwoLevelGame>(&text) {
            Ok(game) => prop_assert_eq!(game.theta().to_bits(), theta.to_bits()),
            Err(err) => prop_assert!(err.to_string().contains("theta"), "{text}: {err}"),
        }
    }
}

/// A RON configuration error carries the field name and the reason.
#[test]
fn ron_errors_name_the_field() {
    let err = ron::from_str::<TwoLevelGame>("(theta: -1)").unwrap_err();
    let message = err.to_string();
    assert!(message.contains("theta"), "{message}");
    assert!(message.contains(">= 0"), "{message}");
    let err = ron::from_str::<TwoLevelGame>("(beta: 1.5)").unwrap_err();
    assert!(err.to_string().contains("beta"), "{err}");
    let err = ron::from_str::<TwoLevelGame>(
        "(policy: (row: (R: 3, S: 0, T: inf, P: 1), column: (R: 3, S: 0, T: 5, P: 1)))",
    )
    .unwrap_err();
    assert!(err.to_string().contains("`T`"), "{err}");
    let err =
        ron::from_str::<TwoLevelGame>("(political: Derived(kappa: 1e305, audience_bonus: 0))")
            .unwrap_err();
    assert!(err.to_string().contains("political.Derived.kappa"), "{err}");
    println!(
        "{}",
        ron::from_str::<TwoLevelGame>("(theta: -1)").unwrap_err()
    );
}

fn domestic_terms() -> impl Strategy<Value = twolevel_game::DomesticTerms> {
    (
        prop_oneof![1 => Just(0.0), 3 => -3.0..3.0_f64],
        prop_oneof![1 => Just(0.0), 3 => 0.0..3.0_f64],
        prop_oneof![1 => Just(0.0), 3 => 0.0..3.0_f64],
        prop_oneof![1 => Just(1.0), 3 => 0.0..=1.0_f64],
    )
        .prop_map(|(l, b, a, f)| twolevel_game::DomesticTerms::new(l, b, a, f).unwrap())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Neutral domestic terms leave the stage table bit for bit as the
    /// builder fills it without terms (a state without an arena plays as
    /// today).
    #[test]
    fn neutral_domestic_terms_keep_the_table_bit_for_bit(
        game in moderate_game(),
        pis in [unit(), unit()],
        w in [unit(), unit()],
    ) {
        let pis = pis.map(|p| Politicization::new(p).unwrap());
        let orientations = w.map(|x| Orientation::new(x).unwrap());
        let builder = StageTableBuilder::new(&game);
        let mut plain = StageTable::default();
        let mut with_terms = StageTable::default();
        let weights = builder.fill(&mut plain, pis, orientations);
        let neutral = [twolevel_game::DomesticTerms::NEUTRAL; 2];
        let same = builder.fill_with_terms(&mut with_terms, pis, orientations, &neutral);
        prop_assert_eq!(weights.map(f64::to_bits), same.map(f64::to_bits));
        for cell in 0..4 {
            for k in 0..2 {
                let (a, b) = (plain.cells[cell][k], with_terms.cells[cell][k]);
                prop_assert_eq!(a.utility.to_bits(), b.utility.to_bits());
                prop_assert_eq!(a.policy.to_bits(), b.policy.to_bits());
                prop_assert_eq!(a.political.to_bits(), b.political.to_bits());
            }
        }
    }

    /// Domestic terms act as the game with `b + db`, `alpha + da` and
    /// `f kappa` would, plus the lobby term on a cooperation; a given
    /// political matrix takes only the lobby term. Only the state that has
    /// the terms is changed.
    #[test]
    fn domestic_terms_act_as_the_shifted_game(
        game in moderate_game(),
        pis in [unit(), unit()],
        w in [unit(), unit()],
        terms in domestic_terms(),
        side in 0usize..2,
    ) {
        let levels = pis.map(|p| Politicization::new(p).unwrap());
        let orientations = w.map(|x| Orientation::new(x).unwrap());
        let builder = StageTableBuilder::new(&game);
        let mut table = StageTable::default();
        let mut all = [twolevel_game::DomesticTerms::NEUTRAL; 2];
        all[side] = terms;
        builder.fill_with_terms(&mut table, levels, orientations, &all);
        let plain = game.stage_table_uneven(levels, orientations);
        let shifted = match *game.political() {
            PoliticalPayoff::Derived { kappa, audience_bonus } => game
                .with_political(PoliticalPayoff::Derived {
                    kappa: kappa * terms.kappa_factor,
                    audience_bonus: audience_bonus + terms.audience_bonus,
                })
                .and_then(|g| g.with_accountability(g.alpha() + terms.accountability, g.gamma()))
                .unwrap(),
            PoliticalPayoff::Matrix(_) => game,
        };
        let expected = shifted.stage_table_uneven(levels, orientations);
        for (row, column) in outcomes() {
            let own = if side == 0 { row } else { column };
            let lobby = if own.is_cooperation() { terms.lobby } else { 0.0 };
            let got = table.get(row, column);
            let want = expected.get(row, column)[side].political + lobby;
            prop_assert!((got[side].political - want).abs() <= 1e-9 * want.abs().max(1.0),
                "{:?} {:?}: {} vs {}", row, column, got[side].political, want);
            prop_assert_eq!(got[side].policy.to_bits(), plain.get(row, column)[side].policy.to_bits());
            let other = plain.get(row, column)[1 - side];
            prop_assert_eq!(got[1 - side].utility.to_bits(), other.utility.to_bits());
            prop_assert_eq!(got[1 - side].political.to_bits(), other.political.to_bits());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// One outcome's payoffs with domestic terms are the cell of the
    /// table filled with them, bit for bit.
    #[test]
    fn outcome_payoffs_with_terms_equal_the_filled_table(
        game in moderate_game(),
        pis in [unit(), unit()],
        w in [unit(), unit()],
        terms in [domestic_terms(), domestic_terms()],
    ) {
        let levels = pis.map(|p| Politicization::new(p).unwrap());
        let orientations = w.map(|x| Orientation::new(x).unwrap());
        let builder = StageTableBuilder::new(&game);
        let mut table = StageTable::default();
        builder.fill_with_terms(&mut table, levels, orientations, &terms);
        let oriented = builder.oriented(orientations);
        for outcome in Outcome::ALL {
            let one = builder.oriented_outcome_payoffs_with_terms(outcome, levels, &oriented, &terms);
            let cell = table.cells[outcome.index()];
            for k in 0..2 {
                prop_assert_eq!(one[k].utility.to_bits(), cell[k].utility.to_bits());
                prop_assert_eq!(one[k].political.to_bits(), cell[k].political.to_bits());
                prop_assert_eq!(one[k].policy.to_bits(), cell[k].policy.to_bits());
            }
        }
    }
}
