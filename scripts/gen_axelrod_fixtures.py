#!/usr/bin/env python3
"""Generate crates/strategies/tests/fixtures/axelrod_moves.json.

Plays every deterministic classic strategy implemented in
`twolevel_strategies::classic` (plus Tit For Tat, which lives at the crate
root) against a panel of opponents with the Python `axelrod` library, and
records the moves, so that `crates/strategies/tests/it/axelrod_library/classic.rs` can
check our strategies move for move without Python.

Usage (from the repository root, with axelrod 4.14 installed):

    python3 scripts/gen_axelrod_fixtures.py

Format of the JSON file (also stored under its "format" key):

    {
      "format": <this description>,
      "axelrod_version": "4.14.0",
      "turns": 200,
      "game": {"R": 3, "S": 0, "T": 5, "P": 1},
      "noise": 0,
      "players": [<str(player) of every player in the panel>],
      "matches": [
        {
          "player1": <str(player 1)>, "player2": <str(player 2)>,
          "known_length": 200 or null,
          "moves1": "CDC...", "moves2": "DDC..."
        }, ...
      ]
    }

Every unordered pair of panel players is played once, including each
player against a copy of itself. "known_length" is the match length the
strategies are told: 200 for an ordinary `axl.Match(turns=200)`, null for
the extra matches of the length-reading strategies in which axelrod is told
an infinite length (as for a match with a probabilistic end), which is what
our `View::known_length == None` reproduces.
"""

import axelrod as axl

from axelrod_players import assert_deterministic, classic_game, simple_classics, write_fixture

TURNS = 200

# The panel: str(player) is the name our `Strategy::name` returns.
PANEL = simple_classics() + [
    axl.Bully(),
    axl.Prober(),
    axl.GoByMajority(),
    axl.GoByMajority(memory_depth=10, soft=False),
    axl.GoByMajority(memory_depth=5),
    axl.Gradual(),
    axl.CyclerCCD(),
    axl.Cycler("CCDDC"),
    axl.Cycler("DDDCCD"),
    axl.Cycler("CDDDCCCCDC"),
    axl.ForgetfulGrudger(),
    axl.FirstByDavis(),
    axl.FirstByDavis(rounds_to_cooperate=3),
    axl.FirstByShubik(),
    axl.FirstByNydegger(),
    axl.FirstByTidemanAndChieruzzi(),
    axl.FirstBySteinAndRapoport(),
    axl.FirstByDowning(),
]

# Strategies whose play depends on the known match length.
LENGTH_READERS = ["First by Tideman and Chieruzzi: (D, D)", "First by Stein and Rapoport: 0.05: (D, D)"]

FORMAT = (
    "Moves of axelrod matches: every unordered pair of 'players' (including a player "
    "against a copy of itself) plays 'turns' rounds of the game 'game' without noise; "
    "'moves1'/'moves2' are the moves of 'player1'/'player2' ('C' or 'D', one per round). "
    "'known_length' is the match length the players are told: 200 as in "
    "axl.Match(turns=200), or null for extra matches of the length-reading strategies "
    "in which axelrod is told an infinite length (a probabilistic end). Player names "
    "are str(player) in axelrod, which is what the Rust Strategy::name returns."
)


def play(player1, player2, known_length):
    """Plays one match and returns both move strings."""
    attributes = None
    if known_length is None:
        attributes = {"length": float("inf"), "game": axl.Game(), "noise": 0}
    match = axl.Match(
        (player1.clone(), player2.clone()),
        turns=TURNS,
        match_attributes=attributes,
    )
    match.play()
    moves1 = "".join(a.name for a, _ in match.result)
    moves2 = "".join(b.name for _, b in match.result)
    return moves1, moves2


def main():
    assert_deterministic(PANEL)
    matches = []
    for i, player1 in enumerate(PANEL):
        for player2 in PANEL[i:]:
            moves1, moves2 = play(player1, player2, TURNS)
            matches.append(
                {
                    "player1": str(player1),
                    "player2": str(player2),
                    "known_length": TURNS,
                    "moves1": moves1,
                    "moves2": moves2,
                }
            )
    for player1 in PANEL:
        if str(player1) not in LENGTH_READERS:
            continue
        for player2 in PANEL:
            moves1, moves2 = play(player1, player2, None)
            matches.append(
                {
                    "player1": str(player1),
                    "player2": str(player2),
                    "known_length": None,
                    "moves1": moves1,
                    "moves2": moves2,
                }
            )
    fixture = {
        "format": FORMAT,
        "axelrod_version": axl.__version__,
        "turns": TURNS,
        "game": classic_game(),
        "noise": 0,
        "players": [str(p) for p in PANEL],
        "matches": matches,
    }
    path = write_fixture("crates/strategies/tests/fixtures/axelrod_moves.json", fixture)
    print(f"wrote {len(matches)} matches to {path}")


if __name__ == "__main__":
    main()
