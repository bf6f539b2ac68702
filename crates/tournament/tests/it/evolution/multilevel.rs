//! Multilevel selection (Traulsen and Nowak 2006): parameters refused with
//! the field named, the neutral process at `1 / N`, simulation against the
//! rare-splitting limit, and the donation game's fixation probability
//! crossing `1 / N` near `b / c = 1 + n / (m - 2)`.

use twolevel_game::{
    Bimatrix, Currency, Orientation, PayoffMatrix, PoliticalPayoff, Politicization, TwoLevelGame,
};
use twolevel_tournament::evolution::Selection;
use twolevel_tournament::evolution::multilevel::{
    Aggregation, Multilevel, MultilevelParams, donation_threshold,
};

fn params(n: u32, m: u32, w: f64, q: f64) -> MultilevelParams {
    MultilevelParams::new(n, m, Selection::linear(w).unwrap(), q).unwrap()
}

#[test]
fn bad_parameters_name_their_field() {
    let linear = Selection::linear(0.1).unwrap();
    let field = |r: Result<MultilevelParams, twolevel_game::ParameterError>| r.unwrap_err().field;
    assert_eq!(
        field(MultilevelParams::new(1, 4, linear, 0.5)),
        "max_group_size"
    );
    assert_eq!(field(MultilevelParams::new(4, 0, linear, 0.5)), "groups");
    assert_eq!(
        field(MultilevelParams::new(100_000, 100_000, linear, 0.5)),
        "groups"
    );
    for q in [0.0, -0.1, 1.5, f64::NAN] {
        assert_eq!(
            field(MultilevelParams::new(4, 4, linear, q)),
            "split_probability"
        );
    }
    assert!(MultilevelParams::new(2, 1, linear, 1.0).is_ok());
    // The intensity of selection w is checked by the linear map itself.
    assert_eq!(
        Selection::linear(1.5).unwrap_err().field,
        "selection.Linear"
    );
    assert_eq!(
        Selection::linear(-0.1).unwrap_err().field,
        "selection.Linear"
    );

    let p = params(4, 4, 0.1, 0.5);
    let game_field = |r: Result<Multilevel, twolevel_game::ParameterError>| r.unwrap_err().field;
    assert_eq!(
        game_field(Multilevel::new(p, [1.0, f64::NAN, 0.0, 0.0])),
        "game[1]"
    );
    assert_eq!(
        game_field(Multilevel::new(p, [1e101, 0.0, 0.0, 0.0])),
        "game[0]"
    );
    assert_eq!(
        game_field(Multilevel::donation(p, f64::INFINITY, 1.0)),
        "benefit"
    );
    // w = 1 with accumulated payoffs: a cooperator among defectors earns
    // -c (n - 1) = -3, a fitness of -3.
    let strong = params(4, 4, 1.0, 0.5).with_aggregation(Aggregation::Accumulated);
    assert_eq!(
        game_field(Multilevel::donation(strong, 3.0, 1.0)),
        "selection"
    );
    // Averaged, the lowest payoff is -1: fitness 0, still refused.
    assert_eq!(
        game_field(Multilevel::donation(params(4, 4, 1.0, 0.5), 3.0, 1.0)),
        "selection"
    );

    let model = Multilevel::donation(p, 3.0, 1.0).unwrap();
    assert_eq!(model.fixation(2, 10, 1).unwrap_err().field, "mutant");
    assert_eq!(model.fixation(0, 0, 1).unwrap_err().field, "runs");
    assert_eq!(
        model.rare_splitting_fixation(5).unwrap_err().field,
        "mutant"
    );
    let mut rng = twolevel_tournament::evolution::run_rng(1, 0);
    assert_eq!(model.run(2, &mut rng).unwrap_err().field, "mutant");
}

#[test]
fn two_level_games_enter_by_their_stage_payoffs_and_asymmetric_ones_are_refused() {
    let p = params(4, 4, 0.1, 0.5);
    let classic = TwoLevelGame::classic(PayoffMatrix::AXELROD);
    let pi = Politicization::clamped(0.0);
    let model =
        Multilevel::from_two_level(p, &classic, pi, Orientation::POLICY, Currency::Policy).unwrap();
    assert_eq!(model.game(), [3.0, 0.0, 5.0, 1.0]);
    // An asymmetric game has roles, which members of a group do not.
    let column = PayoffMatrix::new(4.0, 0.0, 5.0, 1.0).unwrap();
    let asymmetric = TwoLevelGame::new(
        Bimatrix {
            row: PayoffMatrix::AXELROD,
            column,
        },
        PoliticalPayoff::Derived {
            kappa: 0.0,
            audience_bonus: 0.0,
        },
        0.0,
        0.0,
    )
    .unwrap();
    let refused =
        Multilevel::from_two_level(p, &asymmetric, pi, Orientation::POLICY, Currency::Policy);
    assert_eq!(refused.unwrap_err().field, "game");
}

#[test]
fn the_threshold_is_one_plus_n_over_m_minus_two() {
    assert_eq!(donation_threshold(3, 6), Some(1.75));
    assert_eq!(donation_threshold(10, 12), Some(2.0));
    assert_eq!(donation_threshold(4, 2), None);
    // The weak-selection fixation probability is neutral exactly there,
    // for either aggregation, and the reverse mutant mirrors it.
    for aggregation in [Aggregation::Averaged, Aggregation::Accumulated] {
        let p = params(3, 6, 0.01, 0.01).with_aggregation(aggregation);
        let at = Multilevel::donation(p, 1.75, 1.0).unwrap();
        assert!((at.weak_selection_fixation(0) - at.neutral_fixation()).abs() < 1e-15);
        let above = Multilevel::donation(p, 2.0, 1.0).unwrap();
        assert!(above.weak_selection_fixation(0) > above.neutral_fixation());
        assert!(above.weak_selection_fixation(1) < above.neutral_fixation());
        assert!(above.rare_splitting_fixation(0).unwrap() > above.neutral_fixation());
        let below = Multilevel::donation(p, 1.5, 1.0).unwrap();
        assert!(below.weak_selection_fixation(0) < below.neutral_fixation());
        assert!(below.rare_splitting_fixation(0).unwrap() < below.neutral_fixation());
    }
}

/// Prints an estimate beside its reference values (visible with
/// `--nocapture`; the notes quote these lines).
fn report(label: &str, f: &twolevel_tournament::evolution::multilevel::MultilevelFixation) {
    eprintln!(
        "{label}: rho = {:.5} +- {:.5} (runs {}, unfinished {}), 1/N = {:.5}, \
         rare splitting {:.5}, weak selection {:.5}",
        f.probability,
        f.standard_error,
        f.runs,
        f.unfinished,
        f.neutral,
        f.rare_splitting,
        f.weak_selection
    );
}

#[test]
fn neutral_runs_fix_at_one_over_n_whatever_the_splitting() {
    // With w = 0 every initial individual is equally likely to be the
    // ancestor of all: 1/N exactly, for any q (here a frequent 0.3).
    let model = Multilevel::donation(params(3, 6, 0.0, 0.3), 3.0, 1.0).unwrap();
    assert_eq!(model.neutral_fixation(), 1.0 / 18.0);
    assert!((model.rare_splitting_fixation(0).unwrap() - 1.0 / 18.0).abs() < 1e-12);
    assert_eq!(model.weak_selection_fixation(0), 1.0 / 18.0);
    let f = model.fixation(0, 20_000, 3).unwrap();
    report("neutral, n 3, m 6, q 0.3", &f);
    assert_eq!(f.unfinished, 0);
    assert!((f.probability - f.neutral).abs() < 4.0 * f.standard_error);
    // Seeded: the same seed gives the same estimate.
    assert_eq!(
        model.fixation(0, 2_000, 3).unwrap(),
        model.fixation(0, 2_000, 3).unwrap()
    );
    let mut rng = twolevel_tournament::evolution::run_rng(5, 0);
    let run = model.run(1, &mut rng).unwrap();
    assert!(run.winner.is_some() && run.steps > 0);
}

#[test]
fn simulation_matches_the_rare_splitting_limit() {
    // q = 0.02 is rare enough: a mutant fixes in its group long before the
    // group splits. Tolerance: 4 standard errors.
    let cases = [
        // (label, aggregation, w, b, mutant)
        (
            "cooperator, b/c 3, averaged",
            Aggregation::Averaged,
            0.1,
            3.0,
            0,
        ),
        (
            "defector, b/c 1, averaged",
            Aggregation::Averaged,
            0.1,
            1.0,
            1,
        ),
        (
            "cooperator, b/c 3, accumulated",
            Aggregation::Accumulated,
            0.05,
            3.0,
            0,
        ),
    ];
    for (label, aggregation, w, b, mutant) in cases {
        let p = params(3, 6, w, 0.02).with_aggregation(aggregation);
        let f = Multilevel::donation(p, b, 1.0)
            .unwrap()
            .fixation(mutant, 20_000, 17)
            .unwrap();
        report(label, &f);
        assert_eq!(f.unfinished, 0);
        assert!(
            (f.probability - f.rare_splitting).abs() < 4.0 * f.standard_error,
            "{label}: {} against {}",
            f.probability,
            f.rare_splitting
        );
        // Selection is visible: more than 3 standard errors from 1/N.
        assert!(
            (f.probability - f.neutral).abs() > 3.0 * f.standard_error,
            "{label}"
        );
    }
}

#[test]
fn donation_sweep_crosses_neutral_near_b_over_c_one_plus_n_over_m_minus_two() {
    // n = 3, m = 6: the weak-selection threshold is 1 + 3/4 = 1.75
    // (Traulsen and Nowak's large-m form 1 + n/m gives 1.5). w = 0.1 and
    // q = 0.02; 20 000 runs per point.
    let (n, m) = (3, 6);
    let threshold = donation_threshold(n, m).unwrap();
    let benefits = [1.0, 1.5, 2.0, 2.5, 3.0];
    let mut points = Vec::new();
    for (i, b) in benefits.into_iter().enumerate() {
        let model = Multilevel::donation(params(n, m, 0.1, 0.02), b, 1.0).unwrap();
        let f = model.fixation(0, 20_000, 100 + i as u64).unwrap();
        report(&format!("sweep b/c {b}"), &f);
        points.push((b, f.probability - f.neutral, f.standard_error));
    }
    // Well below the threshold a cooperator does worse than neutral, well
    // above it better, each by more than 3 standard errors.
    let (_, low, low_se) = points[0];
    let (_, high, high_se) = points[points.len() - 1];
    assert!(low < -3.0 * low_se, "b/c 1: {low} (se {low_se})");
    assert!(high > 3.0 * high_se, "b/c 3: {high} (se {high_se})");
    // The least-squares line through (b, rho - 1/N) crosses 0 near the
    // threshold: within 0.4 (stated tolerance; the exact rare-splitting
    // crossing at w = 0.1 lies about 0.2 above the first-order 1.75).
    let k = points.len() as f64;
    let mean_b = points.iter().map(|p| p.0).sum::<f64>() / k;
    let mean_y = points.iter().map(|p| p.1).sum::<f64>() / k;
    let slope = points
        .iter()
        .map(|p| (p.0 - mean_b) * (p.1 - mean_y))
        .sum::<f64>()
        / points.iter().map(|p| (p.0 - mean_b).powi(2)).sum::<f64>();
    let crossing = mean_b - mean_y / slope;
    // The exact rare-splitting crossing, by bisection.
    let rare = |b: f64| {
        let model = Multilevel::donation(params(n, m, 0.1, 0.02), b, 1.0).unwrap();
        model.rare_splitting_fixation(0).unwrap() - model.neutral_fixation()
    };
    let (mut lo, mut hi) = (1.0, 3.0);
    for _ in 0..60 {
        let mid = 0.5 * (lo + hi);
        if rare(mid) < 0.0 { lo = mid } else { hi = mid }
    }
    eprintln!(
        "sweep crossing: simulated {crossing:.3}, rare-splitting exact {lo:.3}, \
         weak-selection threshold {threshold}"
    );
    assert!(slope > 0.0);
    assert!((crossing - threshold).abs() < 0.4, "crossing {crossing}");
    assert!(
        (crossing - lo).abs() < 0.25,
        "crossing {crossing} against {lo}"
    );
}
