"""Shared pieces of the scripts that compare twolevel with the Python
`axelrod` library (tested with axelrod 4.14): the classic players they
start from, the checks and fields every fixture carries, and writing a
fixture into the repository.

Imported by the `scripts/gen_*` fixture generators and by
`benches/axelrod_round_robin.py` (which adds this folder to `sys.path`).
`str(player)` of every player here is the name the twolevel strategy's
`Strategy::name` returns.
"""

import json
import os

import axelrod as axl

# The repository root (this file is in scripts/).
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def simple_classics():
    """Fresh instances of the ten simple deterministic classic strategies
    that every comparison with axelrod starts with, in this order."""
    return [
        axl.Cooperator(),
        axl.Defector(),
        axl.TitForTat(),
        axl.TitFor2Tats(),
        axl.TwoTitsForTat(),
        axl.Grudger(),
        axl.WinStayLoseShift(),
        axl.SuspiciousTitForTat(),
        axl.Alternator(),
        axl.HardTitForTat(),
    ]


def assert_deterministic(players):
    """Fails unless axelrod classifies every player as deterministic."""
    for player in players:
        assert not axl.Classifiers["stochastic"](player), str(player)


def classic_game():
    """axelrod's default game as the fixture field {"R": 3, "P": 1, "S": 0, "T": 5}."""
    return {k: int(v) for k, v in zip("RPST", axl.Game().RPST())}


def write_fixture(relative_path, fixture):
    """Writes `fixture` as JSON (indent 1, final newline) to the path
    relative to the repository root; returns the absolute path."""
    path = os.path.join(ROOT, *relative_path.split("/"))
    with open(path, "w") as handle:
        json.dump(fixture, handle, indent=1)
        handle.write("\n")
    return path
