//! The slider state's view: matrices, threshold, curve and levers against
//! the library.

use twolevel_game::{
    Action, Currency, NoThreshold, Orientation, Politicization, RawTwoLevelGame, TwoLevelGame,
    paradox_of_politicization,
};
use twolevel_web::explore::CURVE_STEPS;
use twolevel_web::{HorizonChoice, Sliders, explore};

fn sliders(w: f64, pi: f64) -> Sliders {
    Sliders {
        w,
        pi,
        ..Sliders::default()
    }
}

#[test]
fn the_threshold_is_the_library_grim_threshold() {
    for (w, pi) in [(0.0, 0.0), (0.0, 0.25), (0.5, 0.44), (0.8, 1.0), (1.0, 0.7)] {
        let view = explore(&sliders(w, pi)).unwrap();
        let expected = TwoLevelGame::default()
            .grim_threshold_at(
                Orientation::new(w).unwrap(),
                Politicization::new(pi).unwrap(),
            )
            .unwrap();
        assert_eq!(view.threshold, Some(expected), "w = {w}, pi = {pi}");
        assert_eq!(view.threshold_text, format!("{expected:.4}"));
    }
}

#[test]
fn docs_model_table_values_are_shown() {
    // docs/model.md, section 7: grim, w = 0, pi = 0.1 is 0.4776.
    let view = explore(&sliders(0.0, 0.1)).unwrap();
    assert_eq!(view.threshold_text, "0.4776");
    // A pure politician in a non-politicized issue never cooperates.
    let never = explore(&sliders(1.0, 0.0)).unwrap();
    assert_eq!(never.threshold, None);
    assert_eq!(never.threshold_text, "never");
    assert!(!never.sustained);
}

#[test]
fn matrices_are_the_stage_table_in_each_currency() {
    let s = Sliders {
        w: 0.3,
        pi: 0.6,
        alpha: 0.5,
        gamma: 1.5,
        theta: 6.0,
        horizon: HorizonChoice::Turns { turns: 50 },
    };
    let view = explore(&s).unwrap();
    let game = TwoLevelGame::try_from(RawTwoLevelGame {
        theta: 6.0,
        alpha: 0.5,
        gamma: 1.5,
        ..RawTwoLevelGame::default()
    })
    .unwrap();
    let orientation = Orientation::new(0.3).unwrap();
    let table = game.stage_table(Politicization::new(0.6).unwrap(), [orientation; 2]);
    assert_eq!(view.matrices.len(), 3);
    for (matrix, currency) in view.matrices.iter().zip(Currency::ALL) {
        assert_eq!(matrix.currency, currency.label());
        for (i, own) in [Action::C, Action::D].into_iter().enumerate() {
            for (j, partner) in [Action::C, Action::D].into_iter().enumerate() {
                let cell = table.get(own, partner);
                assert_eq!(
                    matrix.cells[i][j],
                    [cell[0].in_currency(currency), cell[1].in_currency(currency)]
                );
            }
        }
    }
    // The blended matrix's R', T', P' give the threshold shown.
    let utility = &view.matrices[2].cells;
    let (r, t, p) = (utility[0][0][0], utility[1][0][0], utility[1][1][0]);
    assert!((view.threshold.unwrap() - (t - r) / (t - p)).abs() < 1e-12);
    assert_eq!(view.delta, 1.0 - 1.0 / 50.0);
    assert_eq!(
        view.w_eff,
        game.effective_weight(orientation, Politicization::new(0.6).unwrap())
    );
}

#[test]
fn the_curve_is_u_shaped_with_the_library_minimum() {
    let view = explore(&sliders(0.0, 0.5)).unwrap();
    assert_eq!(view.curve.len(), CURVE_STEPS as usize + 1);
    let paradox =
        paradox_of_politicization(&TwoLevelGame::default(), Orientation::new(0.0).unwrap())
            .unwrap();
    assert_eq!(view.minimum, Some((paradox.pi_min, paradox.threshold_min)));
    assert!(view.is_paradox);
    let at = |k: usize| view.curve[k].1.unwrap();
    // 0.5 at pi = 0, lower near pi = 0.26, 0.7027 at pi = 1 (docs/model.md).
    assert_eq!(at(0), 0.5);
    assert!(at(26) < at(0) && at(26) < at(100));
    assert!((at(100) - 0.7027).abs() < 1e-4);
    for (pi, threshold) in &view.curve {
        let expected = match TwoLevelGame::default().grim_threshold_at(
            Orientation::new(0.0).unwrap(),
            Politicization::new(*pi).unwrap(),
        ) {
            Ok(t) => Some(t),
            Err(NoThreshold::Never) => Some(1.0),
            Err(NoThreshold::Bounded { .. }) => None,
        };
        assert_eq!(*threshold, expected);
    }
}

#[test]
fn levers_rank_the_best_move_first_and_say_so() {
    // At pi = 0 a policy maker's threshold falls with politicization: the
    // best lever lowers the threshold, and the advice names it.
    let view = explore(&sliders(0.5, 0.0)).unwrap();
    assert_eq!(view.levers.len(), 5);
    let best = &view.levers[0];
    assert!(best.change < 0.0, "{best:?}");
    assert!(view.levers.windows(2).all(|p| p[0].change <= p[1].change));
    assert!(view.advice.contains(best.label), "{}", view.advice);
    // Each lever's figure is the library's threshold at the value tried.
    for lever in &view.levers {
        let mut moved = sliders(0.5, 0.0);
        match lever.lever {
            "w" => moved.w = lever.to,
            "pi" => moved.pi = lever.to,
            "alpha" => moved.alpha = lever.to,
            "gamma" => moved.gamma = lever.to,
            "theta" => moved.theta = lever.to,
            other => panic!("unknown lever {other}"),
        }
        assert_eq!(explore(&moved).unwrap().threshold, Some(lever.threshold));
    }
    // The more political the player, the longer the shadow it needs
    // (docs/model.md, section 7): the helpful move of `w` is down.
    let w = view.levers.iter().find(|l| l.lever == "w").unwrap();
    assert!(w.to < w.from);
}

#[test]
fn bad_sliders_name_their_field() {
    let mut s = sliders(1.5, 0.0);
    assert_eq!(explore(&s).unwrap_err().field, "w");
    s.w = 0.0;
    s.pi = -0.1;
    assert_eq!(explore(&s).unwrap_err().field, "pi");
    s.pi = 0.0;
    s.theta = -1.0;
    assert_eq!(explore(&s).unwrap_err().field, "theta");
    s.theta = 4.0;
    s.horizon = HorizonChoice::Continuation { delta: 1.0 };
    assert_eq!(explore(&s).unwrap_err().field, "horizon.delta");
    s.horizon = HorizonChoice::Turns { turns: 0 };
    assert_eq!(explore(&s).unwrap_err().field, "horizon.turns");
}

#[test]
fn the_best_lever_depends_on_the_point() {
    // Pinned against an independent evaluation of docs/model.md's blended
    // matrix (section 1.3) in Python: at w = 0.5, pi = 0 a little
    // politicization helps most (0.7778 to 0.7247), just ahead of a lower
    // political weight (to 0.7273); under securitization (w = 0,
    // pi = 0.9) a higher threat cost does (0.6632 to 0.6047), ahead of
    // de-securitizing (pi to 0.8).
    let low = explore(&sliders(0.5, 0.0)).unwrap();
    let order: Vec<_> = low.levers.iter().map(|l| l.lever).collect();
    assert_eq!(&order[..2], ["pi", "w"]);
    assert!((low.levers[0].change - -0.05312195800305952).abs() < 1e-12);
    assert!((low.levers[1].change - -0.0505050505050505).abs() < 1e-12);
    let high = explore(&sliders(0.0, 0.9)).unwrap();
    let order: Vec<_> = high.levers.iter().map(|l| l.lever).collect();
    assert_eq!(&order[..2], ["theta", "pi"]);
    assert!((high.levers[0].change - -0.058463177304711955).abs() < 1e-12);
    assert_eq!(high.levers[0].to, 5.0);
    assert!(high.advice.contains("threat cost theta"), "{}", high.advice);
}
