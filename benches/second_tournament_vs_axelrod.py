#!/usr/bin/env python3
"""Time Axelrod's second tournament on the entries both libraries have: the
23 `SecondBy*` strategies of the Python axelrod library (tested with
axelrod 4.14) that re-implement a TourExec function, against twolevel's
translations of the same 23 functions, side by side in one run.

Both play a round robin of the 23, self-play included (276 pairs), five
repetitions of 151 moves (the 755 moves a pair of Axelrod's five games of
63, 77, 151, 156 and 308 moves), serial, results included:
`axl.Tournament.play` with `processes=None`, and twolevel's
`time_tournament` binary (built with `cargo build --release`) on a
tournament file written to a temporary folder. A third timing plays every
axelrod match with a fresh `axl.Match` (no deterministic cache), the work
twolevel does. The script prints the times and their ratios; it is not run
in CI.

Usage: python3 benches/second_tournament_vs_axelrod.py [--runs N] [--rust-runs N] [--quick]
"""

import argparse
import itertools
import os
import sys
import tempfile
import time
import warnings

import axelrod as axl

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from axelrod_round_robin import best_of, rust_best_ms  # noqa: E402

TURNS = 151
REPETITIONS = 5
# twolevel's registry name of each axelrod class (the same TourExec function).
BOTH = {
    "SecondByChampion": "Second by Champion", "SecondByBorufsen": "Second by Borufsen",
    "SecondByCave": "Second by Cave", "SecondByWmAdams": "Second by WmAdams",
    "SecondByGraaskampKatzen": "Second by GraaskampKatzen", "SecondByWeiner": "Second by Weiner",
    "SecondByHarrington": "Second by Harrington",
    "SecondByTidemanAndChieruzzi": "Second by Tideman and Chieruzzi",
    "SecondByKluepfel": "Second by Kluepfel", "SecondByGetzler": "Second by Getzler",
    "SecondByLeyvraz": "Second by Leyvraz", "SecondByWhite": "Second by White",
    "SecondByEatherley": "Second by Eatherley", "SecondByBlack": "Second by Black",
    "SecondByRichardHufford": "Second by RichardHufford", "SecondByYamachi": "Second by Yamachi",
    "SecondByColbert": "Second by Colbert", "SecondByMikkelson": "Second by Mikkelson",
    "SecondByRowsam": "Second by Rowsam", "SecondByAppold": "Second by Appold",
    "SecondByTranquilizer": "Second by Feathers", "SecondByGrofman": "Second by Grofman",
    "SecondByGladstein": "Second by Gladstein",
}


def players():
    return [getattr(axl, name)() for name in BOTH]


def matches_only(repetitions=REPETITIONS):
    ps = players()
    turns = 0
    for i, j in itertools.combinations_with_replacement(range(len(ps)), 2):
        for _ in range(repetitions):
            turns += len(axl.Match((ps[i].clone(), ps[j].clone()), turns=TURNS).play())
    return turns


def library_tournament():
    tournament = axl.Tournament(players(), turns=TURNS, repetitions=REPETITIONS)
    return tournament.play(progress_bar=False, processes=None)


def tournament_file(folder):
    entries = "\n".join(f'        Inline(name: "{n}", strategy: (name: "{n}")),' for n in BOTH.values())
    path = os.path.join(folder, "second-both-23.ron")
    with open(path, "w") as fh:
        fh.write(f"""Tournament(
    name: "second-both-23",
    players: [
{entries}
    ],
    game: (theta: 0.0, beta: 0.0),
    horizon: Fixed(turns: {TURNS}),
    politics: Fixed(0.0),
    repetitions: {REPETITIONS},
    seed: 1980,
    self_play: true,
    ranking: Policy,
)
""")
    return path


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="timed runs, best kept")
    parser.add_argument("--rust-runs", type=int, default=20,
                        help="timed runs of the twolevel round robin, best kept")
    parser.add_argument("--quick", action="store_true",
                        help="time one repetition of axelrod's matches only (once) "
                             "and twolevel's one-repetition round robin; no Tournament.play")
    args = parser.parse_args()
    warnings.simplefilter("ignore")
    if args.quick:
        start = time.perf_counter()
        turns = matches_only(repetitions=1)
        seconds = time.perf_counter() - start
        with tempfile.TemporaryDirectory() as folder:
            path = tournament_file(folder)
            with open(path) as fh:
                text = fh.read().replace(f"repetitions: {REPETITIONS}", "repetitions: 1")
            with open(path, "w") as fh:
                fh.write(text)
            rust_ms = rust_best_ms(path, args.rust_runs)
        print(f"23 second-tournament entries, {TURNS} turns, one repetition, self-play "
              f"({turns} turns)")
        print(f"  axelrod {axl.__version__} matches only: {seconds * 1e3:10.1f} ms")
        print(f"  twolevel, one thread, results:  {rust_ms:10.3f} ms")
        print(f"  ratio: {seconds * 1e3 / rust_ms:,.0f}x")
        return
    turns = matches_only()
    assert turns == 276 * REPETITIONS * TURNS, turns
    matches = best_of(args.runs, matches_only)
    tournament = best_of(args.runs, library_tournament)
    with tempfile.TemporaryDirectory() as folder:
        rust_ms = rust_best_ms(tournament_file(folder), args.rust_runs)
    print(f"23 second-tournament entries, {TURNS} turns, {REPETITIONS} repetitions, self-play "
          f"({turns} turns)")
    print(f"  axelrod {axl.__version__} matches only:        {matches * 1e3:10.1f} ms")
    print(f"  axelrod axl.Tournament.play (results): {tournament * 1e3:10.1f} ms")
    print(f"  twolevel, one thread, results:         {rust_ms:10.3f} ms")
    print(f"  ratios: {matches * 1e3 / rust_ms:,.0f}x (matches only), "
          f"{tournament * 1e3 / rust_ms:,.0f}x (Tournament.play)")


if __name__ == "__main__":
    main()
