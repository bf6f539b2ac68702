//! `AnyFile` loads every kind of file once, and its one `with_seed`
//! replaces every seed the file holds, the same way on every kind.

use twolevel_tournament::config::{FileKind, SHIPPED_TOURNAMENTS, shipped_tournament};
use twolevel_tournament::file::{AnyFile, FileResults, Loaded};
use twolevel_tournament::regime::RawRegimeTournament;
use twolevel_tournament::society::SocietyConfig;
use twolevel_tournament::sweep_file::Sweep;

/// A folder of its own for each test, holding shipped files as a user's.
fn folder(test: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("twolevel-anyfile-{test}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for &(stem, text) in SHIPPED_TOURNAMENTS {
        std::fs::write(dir.join(format!("{stem}.ron")), text).unwrap();
    }
    dir
}

#[test]
fn every_shipped_file_loads_as_its_kind_and_takes_the_seed() {
    let dir = folder("kinds");
    for &(stem, text) in SHIPPED_TOURNAMENTS {
        let path = dir.join(format!("{stem}.ron"));
        let file = AnyFile::from_file(&path).unwrap();
        assert_eq!(file.kind(), FileKind::of(text), "{stem}");
        assert_eq!(file.origin(), path.as_path());
        assert_eq!(file.text(), text);
        let seeded = file.with_seed(4242);
        assert_eq!(seeded.seed(), 4242, "{stem}");
        match seeded.loaded() {
            Loaded::RoundRobin(tournament) => {
                assert_eq!(tournament.round_robin.seed(), 4242);
                // The evolution block's own seed is replaced too.
                if let Some(config) = &tournament.evolution {
                    assert_eq!(config.seed(), Some(4242), "{stem}");
                }
            }
            Loaded::Regime(tournament) => assert_eq!(tournament.seed(), 4242),
            Loaded::Society(config) => assert_eq!(config.seed, 4242),
            Loaded::Sweep(sweep) => assert_eq!(sweep.identity().seed, 4242),
            Loaded::Negotiation(file) => assert_eq!(file.config().seed(), 4242),
            Loaded::Fixation(file) => assert_eq!(file.seed, 4242),
            other => panic!("{stem}: {other:?}"),
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn with_seed_sets_each_kind_as_its_own_loader_does() {
    let dir = folder("seed");
    // A regime tournament.
    let path = dir.join("climate.ron");
    let direct = RawRegimeTournament::from_file(&path)
        .unwrap()
        .with_seed(9)
        .play();
    let Ok(FileResults::Regime(results)) = AnyFile::from_file(&path).unwrap().with_seed(9).play()
    else {
        panic!("climate is a regime file")
    };
    assert_eq!(*results, direct);
    // A round robin.
    let path = dir.join("axelrod-first.ron");
    let mut tournament = twolevel_tournament::Tournament::from_file(&path).unwrap();
    tournament.round_robin = tournament.round_robin.with_seed(9);
    let direct = tournament.round_robin.play();
    let Ok(FileResults::RoundRobin {
        results, evolution, ..
    }) = AnyFile::from_file(&path).unwrap().with_seed(9).play()
    else {
        panic!("axelrod-first is a round robin")
    };
    assert!(evolution.is_none());
    assert_eq!(*results, direct);
    // A society, on a small grid.
    let text = shipped_tournament("institutions").unwrap();
    let mut config = SocietyConfig::from_ron(text, "institutions.ron").unwrap();
    config.seed = 9;
    config.steps = config.steps.min(2_000);
    config.warmup = config.warmup.min(500);
    let direct = twolevel_tournament::society::SocietySweep::run(&config).unwrap();
    let mut file = AnyFile::from_ron(text, "institutions.ron")
        .unwrap()
        .with_seed(9);
    let Loaded::Society(_) = file.loaded() else {
        panic!("institutions is a society")
    };
    let mut loaded = file.into_society().unwrap();
    assert_eq!(loaded.seed, 9);
    loaded.steps = config.steps;
    loaded.warmup = config.warmup;
    assert_eq!(
        twolevel_tournament::society::SocietySweep::run(&loaded).unwrap(),
        direct
    );
    file = AnyFile::from_ron(text, "institutions.ron").unwrap();
    assert_ne!(file.seed(), 9);
    // A sweep: the seed changes the identity's hash as `Sweep::with_seed`.
    let path = dir.join("sweep-theta.ron");
    let direct = Sweep::from_file(&path).unwrap().with_seed(9);
    let loaded = AnyFile::from_file(&path)
        .unwrap()
        .with_seed(9)
        .into_sweep()
        .unwrap();
    assert_eq!(loaded.identity(), direct.identity());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn loading_as_a_kind_refuses_other_kinds_as_that_kind_does() {
    let dir = folder("as");
    let path = dir.join("climate.ron");
    let error = AnyFile::from_file_as(&path, FileKind::RoundRobin)
        .unwrap_err()
        .to_string();
    let expected = twolevel_tournament::Tournament::from_file(&path)
        .unwrap_err()
        .to_string();
    assert_eq!(error, expected);
    assert!(error.contains("regime"), "{error}");
    assert!(
        AnyFile::from_file("no/such/file.ron")
            .unwrap_err()
            .to_string()
            .contains("no/such/file.ron")
    );
    assert_eq!(
        AnyFile::embedded_default().unwrap().kind(),
        FileKind::RoundRobin
    );
    let _ = std::fs::remove_dir_all(&dir);
}
