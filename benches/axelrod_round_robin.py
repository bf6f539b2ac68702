#!/usr/bin/env python3
"""Time the round robin of the `round_robin/classic_15_x10_serial` bench in
the Python axelrod library (tested with axelrod 4.14).

The same 15 deterministic classic strategies, 200 turns, 10 repetitions,
self-interactions included (axelrod always plays them), one process.

Two timings are printed, each the best of several runs:

- "matches only": every one of the 120 pairs x 10 repetitions = 1200
  matches is played with a fresh `axl.Match` (so axelrod's per-match
  deterministic cache cannot replay a repetition); this is the work the
  Rust bench does.
- "axl.Tournament.play": the library's own tournament, serial
  (`processes=None`), which also writes the interactions to a temporary CSV
  file and builds the `ResultSet` with pandas, and which plays each
  deterministic pair once and replays the cached moves for the other nine
  repetitions.

Usage: python3 benches/axelrod_round_robin.py [--runs N]
"""

import argparse
import itertools
import os
import sys
import time
import warnings

import axelrod as axl

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "scripts"))
from axelrod_players import simple_classics  # noqa: E402

TURNS = 200
REPETITIONS = 10


def players():
    """The 15 strategies, in the order of the Rust bench (CLASSIC_15)."""
    return simple_classics() + [
        axl.Bully(),
        axl.Prober(),
        axl.GoByMajority(),
        axl.Gradual(),
        axl.CyclerCCD(),
    ]


def matches_only():
    """Plays every match of the round robin with a fresh Match; returns the
    number of turns played."""
    ps = players()
    turns = 0
    for i, j in itertools.combinations_with_replacement(range(len(ps)), 2):
        for _ in range(REPETITIONS):
            match = axl.Match((ps[i].clone(), ps[j].clone()), turns=TURNS)
            turns += len(match.play())
    return turns


def library_tournament():
    """The library's own serial tournament with results."""
    tournament = axl.Tournament(players(), turns=TURNS, repetitions=REPETITIONS)
    return tournament.play(progress_bar=False, processes=None)


def best_of(runs, function):
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - start)
    return best


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="timed runs, best kept")
    args = parser.parse_args()
    warnings.simplefilter("ignore")

    turns = matches_only()
    assert turns == 120 * REPETITIONS * TURNS, turns
    matches = best_of(args.runs, matches_only)
    tournament = best_of(args.runs, library_tournament)
    print(f"axelrod {axl.__version__}: 15 strategies, {TURNS} turns, "
          f"{REPETITIONS} repetitions, self-play, one process")
    print(f"  matches only (1200 fresh matches): {matches * 1e3:9.1f} ms "
          f"({turns / matches / 1e6:.3f} million turns/s)")
    print(f"  axl.Tournament.play (with results): {tournament * 1e3:9.1f} ms")


if __name__ == "__main__":
    main()
