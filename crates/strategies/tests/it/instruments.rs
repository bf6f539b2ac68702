//! The strategies that use carrots and sticks (`docs/model.md` section 14)
//! in the registry: their names, parameters and errors, and how a
//! delegation forwards its members' instruments.

use twolevel_game::{Instruments, Strategy};
use twolevel_strategies::registry::{StrategyError, StrategySpec, build, entries, names};
use twolevel_strategies::{Coercer, Delegation, Hegemon, Retaliation, TitForTat};

fn params_of(name: &str) -> Vec<&'static str> {
    let entry = entries().find(|e| e.name == name).unwrap();
    entry.params.iter().map(|p| p.name).collect()
}

fn invalid_param(error: StrategyError) -> String {
    match error {
        StrategyError::InvalidParameter { param, .. } => param,
        other => panic!("expected an invalid parameter, got {other}"),
    }
}

#[test]
fn hegemon_and_coercer_are_registered_with_their_parameters() {
    let registered: Vec<&str> = names().collect();
    assert!(registered.contains(&"Hegemon") && registered.contains(&"Coercer"));
    assert_eq!(
        params_of("Hegemon"),
        ["transfer", "leakage", "wealth", "reciprocity"]
    );
    assert_eq!(params_of("Coercer"), ["sanction", "might", "reciprocity"]);

    let hegemon = build(&StrategySpec::new("hegemon")).unwrap();
    assert_eq!(hegemon.name(), "Hegemon");
    let carrot = hegemon.instruments().carrot.unwrap();
    assert_eq!((carrot.transfer(), carrot.leakage()), (1.0, 1.0));
    assert_eq!(hegemon.instruments().stick, None);

    let spec = StrategySpec::new("Coercer")
        .with("sanction", 3.0)
        .with("might", 1.5)
        .with("reciprocity", "grim");
    let coercer = build(&spec).unwrap();
    let stick = coercer.instruments().stick.unwrap();
    assert_eq!((stick.size(), stick.cost()), (3.0, 2.0));
    assert_eq!(coercer.classifier().memory_depth, None);
    let expected = Coercer::new(3.0, 1.5, Retaliation::Grim).unwrap();
    assert_eq!(coercer.instruments(), expected.instruments());
}

#[test]
fn bad_parameters_name_the_field() {
    let no_might = StrategySpec::new("Coercer").with("might", 0.0);
    assert_eq!(invalid_param(build(&no_might).unwrap_err()), "might");
    let message = build(&no_might).unwrap_err().to_string();
    assert!(
        message.contains("might") && message.contains("Coercer"),
        "{message}"
    );
    // A sanction of zero needs no might.
    let idle = StrategySpec::new("Coercer")
        .with("might", 0.0)
        .with("sanction", 0.0);
    assert!(build(&idle).unwrap().instruments().is_none());

    let beyond = StrategySpec::new("Hegemon")
        .with("transfer", 3.0)
        .with("wealth", 2.0);
    assert_eq!(invalid_param(build(&beyond).unwrap_err()), "transfer");
    let leaky = StrategySpec::new("Hegemon").with("leakage", 1.5);
    assert_eq!(invalid_param(build(&leaky).unwrap_err()), "leakage");
    let negative = StrategySpec::new("Coercer").with("sanction", -1.0);
    assert_eq!(invalid_param(build(&negative).unwrap_err()), "sanction");
    let rule = StrategySpec::new("Hegemon").with("reciprocity", "tft");
    assert_eq!(invalid_param(build(&rule).unwrap_err()), "reciprocity");
}

#[test]
fn every_other_strategy_declares_no_instruments() {
    for name in names().filter(|n| !["Hegemon", "Coercer", "Delegation"].contains(n)) {
        let player = build(&StrategySpec::new(name)).unwrap();
        assert_eq!(player.instruments(), Instruments::NONE, "{name}");
    }
}

#[test]
fn a_delegation_takes_the_politicians_instruments_then_the_bureaucrats() {
    let coercer = Coercer::new(1.0, 2.0, Retaliation::TitForTat).unwrap();
    let hegemon = Hegemon::new(1.0, 0.5, 1.0, Retaliation::TitForTat).unwrap();
    let both = Delegation::new(Box::new(coercer.clone()), Box::new(hegemon.clone()), 0.5).unwrap();
    assert_eq!(both.instruments().stick, coercer.instruments().stick);
    assert_eq!(both.instruments().carrot, hegemon.instruments().carrot);
    let plain = Delegation::new(Box::new(TitForTat), Box::new(TitForTat), 0.5).unwrap();
    assert_eq!(plain.instruments(), Instruments::NONE);
    let spec = StrategySpec::new("Delegation").with("bureaucrat", "Coercer");
    let built = build(&spec).unwrap();
    assert_eq!(built.instruments().stick.unwrap().size(), 1.0);
}
