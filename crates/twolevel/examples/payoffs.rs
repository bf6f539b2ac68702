//! The default two-level game in numbers: its blended payoff matrices for a
//! few political weights and levels of politicization, and the analytic
//! thresholds of the shadow of the future, which are U-shaped in
//! politicization (the paradox of politicization).
//!
//! Run it with `cargo run --example payoffs`.

use twolevel::prelude::*;

/// Formats a threshold, or says why there is none.
fn show(threshold: Result<f64, NoThreshold>) -> String {
    match threshold {
        Ok(delta) => format!("{delta:.4}"),
        Err(NoThreshold::Never) => "never".to_owned(),
        Err(NoThreshold::Bounded { from, to }) => format!("[{from:.2}, {to:.2}]"),
    }
}

/// Says whether a matrix is a prisoner's dilemma and, if not, why.
fn dilemma(m: &PayoffMatrix) -> String {
    match m.check_prisoners_dilemma() {
        Ok(()) => "yes".to_owned(),
        Err(reason) => format!("no: {reason}"),
    }
}

fn main() -> anyhow::Result<()> {
    let game = TwoLevelGame::default();
    println!(
        "Default two-level game: policy R, S, T, P = 3, 0, 5, 1; kappa = 1, b = 0; theta = {}, beta = {}",
        game.theta(),
        game.beta()
    );

    println!("\nBlended matrices (R', S', T', P') of a player with political weight w");
    println!(
        "{:>5} {:>5} {:>6} {:>8} {:>8} {:>8} {:>8}  prisoner's dilemma?",
        "w", "pi", "w_eff", "R'", "S'", "T'", "P'"
    );
    for w in [0.0, 0.5, 1.0] {
        let orientation = Orientation::new(w)?;
        for pi in [0.0, 0.25, 0.5, 1.0] {
            let pi = Politicization::new(pi)?;
            let m = game.blended_matrix(orientation, pi);
            println!(
                "{:>5.2} {:>5.2} {:>6.2} {:>8.3} {:>8.3} {:>8.3} {:>8.3}  {}",
                w,
                pi.value(),
                game.effective_weight(orientation, pi),
                m.r(),
                m.s(),
                m.t(),
                m.p(),
                dilemma(&m)
            );
        }
    }

    println!("\nShadow of the future needed to sustain cooperation, by politicization");
    println!("(grim: (T'-R')/(T'-P'); TFT: max of that and (T'-R')/(R'-S'))");
    let policy_maker = Orientation::POLICY;
    let half_politician = Orientation::new(0.5)?;
    println!(
        "{:>5} {:>12} {:>12} {:>14} {:>14}",
        "pi", "grim, w=0", "TFT, w=0", "grim, w=0.5", "TFT, w=0.5"
    );
    for step in 0..=20 {
        let pi = Politicization::new(f64::from(step) / 20.0)?;
        println!(
            "{:>5.2} {:>12} {:>12} {:>14} {:>14}",
            pi.value(),
            show(game.grim_threshold_at(policy_maker, pi)),
            show(game.tft_threshold_at(policy_maker, pi)),
            show(game.grim_threshold_at(half_politician, pi)),
            show(game.tft_threshold_at(half_politician, pi)),
        );
    }

    println!("\nThe paradox of politicization:");
    for orientation in [policy_maker, half_politician] {
        for (name, anchor) in [
            ("grim trigger", Anchor::GrimTrigger),
            ("tit for tat", Anchor::TitForTat),
        ] {
            let paradox = paradox_of_politicization_with(&game, orientation, anchor)?;
            println!(
                "  w = {:.1}, {name:<12}: {:.4} at pi = 0, minimum {:.4} at pi = {:.4}, {:.4} at pi = 1 ({})",
                orientation.political_weight(),
                paradox.threshold_at_0,
                paradox.threshold_min,
                paradox.pi_min,
                paradox.threshold_at_1,
                if paradox.is_paradox() {
                    "U-shaped"
                } else {
                    "no interior minimum"
                }
            );
        }
    }
    Ok(())
}
