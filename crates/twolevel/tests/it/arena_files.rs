//! The facade runs a round-robin file with domestic arenas like any
//! other: `run_file` gives the arena results, the same for the same seed.

use std::path::Path;

#[test]
fn run_file_plays_an_arena_file() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tournaments/climate-webs.ron");
    let results = twolevel::run_file(&path, 5).unwrap();
    let arenas = results.arenas.as_ref().expect("arena results");
    assert_eq!(arenas.states.len(), results.standings.len());
    let coalbury = arenas.state("Coalbury").expect("a state with an arena");
    assert!(coalbury.has_arena);
    assert_eq!(coalbury.actors.len(), 5);
    assert!(
        !arenas
            .state("Prudent Reciprocator (no arena)")
            .unwrap()
            .has_arena
    );
    assert_eq!(arenas.coalitions.len(), 4);
    assert_eq!(twolevel::run_file(&path, 5).unwrap(), results);
    // The timing block is loaded with the file.
    let tournament = twolevel::load_tournament(&path, 5).unwrap();
    assert_eq!(tournament.timing.expect("a timing block").rules.len(), 4);
}
