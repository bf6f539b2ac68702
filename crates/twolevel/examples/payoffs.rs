//! The default two-level game in numbers: its blended payoff matrices for a
//! few political weights and levels of politicization, and the analytic
//! thresholds of the shadow of the future, which are U-shaped in
//! politicization for every political weight, a pure politician's (w = 1)
//! included (the paradox of politicization).
//!
//! Run it with `cargo run --example payoffs`; it takes no arguments but
//! `--help`.

use std::process::ExitCode;

use twolevel::prelude::*;

/// Formats a threshold, or says why there is none ([`threshold_cell`],
/// as `twolevel payoffs` prints it).
fn show(threshold: Result<f64, NoThreshold>) -> String {
    threshold_cell(threshold)
}

/// Says whether a matrix is a prisoner's dilemma and, if not, why.
fn dilemma(m: &PayoffMatrix) -> String {
    match m.check_prisoners_dilemma() {
        Ok(()) => "yes".to_owned(),
        Err(reason) => format!("no: {reason}"),
    }
}

/// The usage line.
const USAGE: &str =
    "usage: payoffs (prints the default game's matrices and thresholds; no arguments)";

/// What the command line asks for.
#[derive(Debug, PartialEq)]
enum Request {
    /// The tables (no arguments).
    Tables,
    /// The usage line (`-h` or `--help`).
    Help,
}

/// Reads the arguments after the program's name: none prints the tables,
/// `-h` or `--help` the usage; anything else is an error that names it.
fn request(mut args: impl Iterator<Item = String>) -> anyhow::Result<Request> {
    match args.next() {
        None => Ok(Request::Tables),
        Some(arg) if arg == "-h" || arg == "--help" => Ok(Request::Help),
        Some(arg) => anyhow::bail!("unexpected argument `{arg}`; {USAGE}"),
    }
}

fn run() -> anyhow::Result<()> {
    if request(std::env::args().skip(1))? == Request::Help {
        println!("{USAGE}");
        return Ok(());
    }
    let game = TwoLevelGame::default();
    println!(
        "Default two-level game: policy R, S, T, P = 3, 0, 5, 1; kappa = 1, b = 0; theta = {}, beta = {}, alpha = {}, gamma = {}",
        game.theta(),
        game.beta(),
        game.alpha(),
        game.gamma()
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
    println!("(never: no discount factor below 1 sustains cooperation)");
    let weights = [0.0, 0.5, 0.8, 1.0]
        .into_iter()
        .map(Orientation::new)
        .collect::<Result<Vec<_>, _>>()?;
    print!("{:>5} {:>10}", "pi", "TFT, w=0");
    for w in &weights {
        print!(" {:>12}", format!("grim, w={}", w.political_weight()));
    }
    println!();
    for step in 0..=20 {
        let pi = Politicization::new(f64::from(step) / 20.0)?;
        print!(
            "{:>5.2} {:>10}",
            pi.value(),
            show(game.tft_threshold_at(Orientation::POLICY, pi))
        );
        for w in &weights {
            print!(" {:>12}", show(game.grim_threshold_at(*w, pi)));
        }
        println!();
    }

    println!("\nThe paradox of politicization (a threshold of 1 means: never):");
    for &orientation in &weights {
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

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Request, request};

    fn args(list: &[&str]) -> impl Iterator<Item = String> {
        list.iter()
            .map(|arg| (*arg).to_owned())
            .collect::<Vec<_>>()
            .into_iter()
    }

    /// Issue 12 item 10: `--help` prints the usage and unknown arguments are
    /// refused, named, instead of being ignored.
    #[test]
    fn help_is_answered_and_unknown_arguments_are_refused() {
        assert_eq!(request(args(&[])).unwrap(), Request::Tables);
        assert_eq!(request(args(&["--help"])).unwrap(), Request::Help);
        assert_eq!(request(args(&["-h"])).unwrap(), Request::Help);
        for bad in ["--bogus", "tournaments/two-level.ron", "-x"] {
            let message = request(args(&[bad])).unwrap_err().to_string();
            assert!(
                message.contains(&format!("`{bad}`")) && message.contains("usage: payoffs"),
                "{message}"
            );
        }
    }
}
