#!/usr/bin/env python3
"""Plays the Python `axelrod` library's `SecondBy*` strategies (tested with
axelrod 4.14) against the partner moves recorded in the fixture of Axelrod's
compiled Fortran (crates/strategies/tests/fixtures/second_tournament_moves.json)
and prints, for each, the fixture games it plays move for move like the
Fortran and the first move where it does not.

A deterministic strategy that matches the Fortran plays every game alike;
a stochastic one draws its own random numbers, so only its deterministic
stretches can match (it is marked "stochastic"). The Rust entries match
every game (tests/it/second_tournament.rs). Not run in CI.

Usage: python3 scripts/second_vs_axelrod_library.py
"""
import json
import pathlib

import axelrod as axl

FIXTURE = (pathlib.Path(__file__).resolve().parent.parent
           / "crates/strategies/tests/fixtures/second_tournament_moves.json")
# The axelrod class of each Fortran function (its documentation's table).
CLASSES = {
    "K61R": "SecondByChampion", "K42R": "SecondByBorufsen", "K49R": "SecondByCave",
    "K44R": "SecondByWmAdams", "K60R": "SecondByGraaskampKatzen", "K41R": "SecondByWeiner",
    "K75R": "SecondByHarrington", "K84R": "SecondByTidemanAndChieruzzi",
    "K32R": "SecondByKluepfel", "K35R": "SecondByGetzler", "K68R": "SecondByLeyvraz",
    "K72R": "SecondByWhite", "K46R": "SecondByEatherley", "K83R": "SecondByBlack",
    "K47R": "SecondByRichardHufford", "K64R": "SecondByYamachi", "K51R": "SecondByColbert",
    "K66R": "SecondByMikkelson", "K58R": "SecondByRowsam", "K88R": "SecondByAppold",
    "K67R": "SecondByTranquilizer", "K86R": "SecondByGrofman", "K76R": "SecondByGladstein",
}
C, D = axl.Action.C, axl.Action.D


def play(cls, partner_moves, seed):
    partner = [C if m == "C" else D for m in partner_moves]
    match = axl.Match((cls(), axl.MockPlayer(actions=partner)), turns=len(partner), seed=seed)
    return "".join(str(a) for a, _ in match.play())


def main():
    fixture = json.loads(FIXTURE.read_text())
    for fortran, name in CLASSES.items():
        cls = getattr(axl, name)
        games = fixture[fortran]["games"]
        same, first = 0, None
        for game in games:
            moves = play(cls, game["opponent_moves"], game["seed"])
            if moves == game["moves"]:
                same += 1
            elif first is None:
                at = next(i for i, (a, b) in enumerate(zip(moves, game["moves"])) if a != b)
                first = f"against {game['opponent']}, move {at + 1}: {moves[at]} (Fortran {game['moves'][at]})"
        kind = "stochastic" if cls().classifier["stochastic"] else "deterministic"
        print(f"{fortran} {name} ({kind}): {same}/{len(games)} games as the Fortran"
              + (f"; first difference {first}" if first else ""))


if __name__ == "__main__":
    main()
