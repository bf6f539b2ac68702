//! The six levers as actors' choices (`twolevel_tournament::levers::actors`,
//! `docs/actors.md`, "The six levers as actors' choices"): each lever run as
//! an actors' choice on `tournaments/actor-levers.ron` and as a parameter
//! on the same tournament without its arenas, with one seed per pair of
//! runs; the directions in which they move cooperation are those the docs
//! report, over several seeds.

use std::path::Path;

use twolevel_game::Currency;
use twolevel_tournament::levers::actors::{
    ActorLever, Direction, LeverComparison, PairedRun, without_arenas,
};
use twolevel_tournament::{RoundRobin, Tournament};

/// The base tournament with `repetitions` and `seed`.
fn base(repetitions: u32, seed: u64) -> RoundRobin {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tournaments/actor-levers.ron");
    Tournament::from_file(path)
        .unwrap()
        .round_robin
        .with_repetitions(repetitions)
        .unwrap()
        .with_seed(seed)
}

/// One line of the docs' table.
fn line(lever: ActorLever, c: &LeverComparison) -> String {
    let run = |r: &PairedRun| {
        let mut s = format!(
            "{} ({}: {} -> {}) | coop {:+.4} ± {:.4} {}",
            r.outcome.parameter,
            r.outcome.name,
            r.outcome.low.value,
            r.outcome.high.value,
            r.cooperation_effect(),
            r.cooperation_standard_error().unwrap_or(f64::NAN),
            r.cooperation_direction().word()
        );
        for currency in Currency::ALL {
            s += &format!(
                " | {currency:?} {:+.4} ± {:.4}",
                r.payoff_effect(currency),
                r.payoff_standard_error(currency).unwrap_or(f64::NAN)
            );
        }
        s
    };
    format!(
        "{}\n  actor: {}\n  param: {}\n  agree: {}",
        lever.name(),
        run(&c.actor),
        run(&c.parameter),
        c.agree_on_cooperation()
    )
}

#[test]
#[ignore = "prints the table of docs/actors.md; run with --ignored --nocapture"]
fn print_the_table() {
    for seed in [7, 1, 2, 3, 4, 5] {
        println!("seed {seed}");
        for (lever, c) in compared(seed) {
            println!("{}", line(lever, &c));
        }
    }
}

/// The seeds the claims of the docs are checked over.
const SEEDS: [u64; 5] = [1, 2, 3, 4, 5];

/// The six levers run both ways on the base with `seed`.
fn compared(seed: u64) -> Vec<(ActorLever, LeverComparison)> {
    let base = base(20, seed);
    ActorLever::ALL
        .into_iter()
        .map(|lever| (lever, lever.compare(&base).unwrap()))
        .collect()
}

#[test]
fn the_parameter_versions_run_on_the_base_without_arenas() {
    let base = base(2, 1);
    assert!(base.domestic().is_some());
    let plain = without_arenas(&base).unwrap();
    assert!(plain.domestic().is_none());
    assert_eq!(plain.entrants().len(), base.entrants().len());
    // Every actor lever acts on the base: none has a caveat.
    for lever in ActorLever::ALL {
        assert_eq!(lever.caveat(&base), None, "{}", lever.name());
        assert!(lever.caveat(&plain).is_some(), "{}", lever.name());
    }
}

#[test]
fn a_setting_outside_the_unit_interval_is_refused_with_its_name() {
    let base = base(2, 1);
    for lever in ActorLever::ALL {
        let error = lever.apply(&base, 1.5).unwrap_err();
        assert_eq!(error.field, lever.parameter());
        let error = lever
            .run(
                &base,
                twolevel_tournament::levers::LeverSettings {
                    low: -0.1,
                    high: 1.0,
                },
            )
            .unwrap_err();
        assert!(error.to_string().contains(lever.name()), "{error}");
    }
}

#[test]
fn where_the_two_versions_agree_on_cooperation_and_where_they_do_not() {
    for seed in SEEDS {
        for (lever, c) in compared(seed) {
            let text = line(lever, &c);
            let (actor, parameter) = (
                c.actor.cooperation_effect(),
                c.parameter.cooperation_effect(),
            );
            match lever {
                // The fixed rules of the base do not read the politicization
                // they see: visibility and the political weight leave every
                // move as it was. The actor versions change the payoffs and,
                // through expertise and pi, move cooperation a little.
                ActorLever::QuietDiplomacy | ActorLever::PrivateActors => {
                    assert_eq!(parameter, 0.0, "{text}");
                    assert!(actor.abs() < 0.05, "{text}");
                }
                // Delegating to a Diffuse Reciprocity bureaucrat and lower
                // noise raise cooperation by tenths; the bureaucrats' access
                // and their expertise never lower it beyond twice its
                // standard error and raise it by less than a quarter of what
                // the parameter does: the versions agree in sign where the
                // actor version's effect is beyond its standard errors, and
                // disagree in size.
                ActorLever::BureaucraticNetworks | ActorLever::Knowledge => {
                    assert_eq!(c.parameter.cooperation_direction(), Direction::Up, "{text}");
                    assert!(parameter > 0.1, "{text}");
                    assert_ne!(c.actor.cooperation_direction(), Direction::Down, "{text}");
                    assert!(actor.abs() < parameter / 4.0, "{text}");
                }
                // Neither pi nor kappa changes a move of these rules, in
                // either version.
                ActorLever::PoliticalBuyIn | ActorLever::PolicyConsensus => {
                    assert_eq!((actor, parameter), (0.0, 0.0), "{text}");
                    assert!(c.agree_on_cooperation(), "{text}");
                }
            }
        }
    }
}

#[test]
fn where_the_two_versions_agree_on_the_payoffs() {
    for seed in SEEDS {
        for (lever, c) in compared(seed) {
            let text = line(lever, &c);
            match lever {
                // Buy-in by the press lowers the political payoff per turn,
                // as a higher initial pi does: they agree.
                ActorLever::PoliticalBuyIn => {
                    assert_eq!(
                        c.actor.payoff_direction(Currency::Political),
                        Direction::Down,
                        "{text}"
                    );
                    assert!(c.agree_on_payoff(Currency::Political), "{text}");
                }
                // Access for private actors costs the governments political
                // payoff (the exporters' lobby and the press's campaign push
                // pi up); the w factor changes no political payoff.
                ActorLever::PrivateActors => {
                    assert_eq!(
                        c.actor.payoff_direction(Currency::Political),
                        Direction::Down,
                        "{text}"
                    );
                    assert_eq!(
                        c.parameter.payoff_effect(Currency::Political),
                        0.0,
                        "{text}"
                    );
                }
                // Bureaucrats' access raises the political payoff per turn,
                // as delegation does: they agree (by a third to a half of the
                // parameter's effect).
                ActorLever::BureaucraticNetworks => {
                    assert_eq!(
                        c.actor.payoff_direction(Currency::Political),
                        Direction::Up,
                        "{text}"
                    );
                    assert!(c.agree_on_payoff(Currency::Political), "{text}");
                }
                // The epistemic community and kappa change no payoff summed
                // over both players in these symmetric states.
                ActorLever::PolicyConsensus => {
                    for currency in [Currency::Policy, Currency::Political] {
                        assert!(c.actor.payoff_effect(currency).abs() < 1e-12, "{text}");
                        assert!(c.parameter.payoff_effect(currency).abs() < 1e-12, "{text}");
                    }
                }
                // Quiet diplomacy raises every payoff per turn both ways: no
                // media (a lower pi) by a tenth of what a low visibility does.
                ActorLever::QuietDiplomacy => {
                    for currency in Currency::ALL {
                        assert_eq!(c.actor.payoff_direction(currency), Direction::Up, "{text}");
                        assert!(c.agree_on_payoff(currency), "{text}");
                    }
                }
                // Expertise at these rates moves the payoffs within about
                // twice their standard errors, up on some seeds and down on
                // others; nothing is claimed.
                ActorLever::Knowledge => {}
            }
        }
    }
}

#[test]
fn each_actor_lever_sets_what_it_says_and_nothing_else() {
    use twolevel_game::actors::{ActorKind, Channel};
    let base = base(2, 1);
    let domestic = |t: &RoundRobin| t.domestic().unwrap().clone();
    // At the base's own values the arenas are those of the base.
    assert_eq!(
        domestic(&ActorLever::QuietDiplomacy.apply(&base, 1.0).unwrap()),
        domestic(&base)
    );
    assert_eq!(
        domestic(&ActorLever::Knowledge.apply(&base, 0.5).unwrap()),
        domestic(&base)
    );
    assert_eq!(
        domestic(&ActorLever::PrivateActors.apply(&base, 0.5).unwrap()),
        domestic(&base)
    );
    assert_eq!(
        domestic(&ActorLever::PolicyConsensus.apply(&base, 0.7).unwrap()),
        domestic(&base)
    );
    for lever in ActorLever::ALL {
        let pulled = domestic(&lever.apply(&base, 0.3).unwrap());
        for (arena, before) in pulled
            .arenas
            .iter()
            .flatten()
            .zip(domestic(&base).arenas.iter().flatten())
        {
            let rates = arena.rates();
            match lever {
                ActorLever::QuietDiplomacy => {
                    assert!((rates.media - 0.3 * before.rates().media).abs() < 1e-15);
                    assert!((rates.framing - 0.3 * before.rates().framing).abs() < 1e-15);
                }
                ActorLever::BureaucraticNetworks => assert_eq!(arena.access().bureaucrat, 0.3),
                ActorLever::PrivateActors => assert_eq!(arena.access().private, 0.3),
                ActorLever::Knowledge => assert_eq!(rates.expertise, 0.3),
                ActorLever::PoliticalBuyIn => {
                    for (actor, old) in arena.actors().iter().zip(before.actors()) {
                        let campaigner = actor.kind == ActorKind::Private
                            && actor.channels.contains(&Channel::Media);
                        assert_eq!(actor.position, if campaigner { 0.3 } else { old.position });
                    }
                }
                ActorLever::PolicyConsensus => assert_eq!(arena, before),
            }
        }
        let consensus = pulled.coalitions[0].epistemic();
        let expected = if lever == ActorLever::PolicyConsensus {
            0.3
        } else {
            0.7
        };
        assert_eq!(consensus, Some(expected), "{}", lever.name());
    }
    // A tournament without arenas is left as it is.
    let plain = without_arenas(&base).unwrap();
    let same = ActorLever::PrivateActors.apply(&plain, 1.0).unwrap();
    assert!(same.domestic().is_none());
}
