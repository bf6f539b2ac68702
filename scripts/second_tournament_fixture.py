#!/usr/bin/env python3
"""Makes crates/strategies/tests/fixtures/second_tournament_moves.json: the
moves Axelrod's own Fortran rules for his second tournament (TourExec,
repository Axelrod-Python/TourExec) play against a fixed set of partners.

The rules are called, through ctypes, in a shared library of TourExec's
rule functions (`K92R` ... `K36R` and the column rules `KTitForTatC`,
`KTF2TC`, `KPavlovC`, `KRandomC`) that the user has built themselves and
names with --library; this repository does not contain that code or say how
to build it. What is played, the random numbers and the format are
described in crates/strategies/tests/fixtures/README-second-tournament.md.

Each game loads a fresh copy of the library for each side (the .so is
copied to a temporary file per load, so that every SAVEd variable starts
at zero, as in a fresh process) and unloads it afterwards.

Python 3.11, standard library only. Not run in CI: the Rust test
(crates/strategies/tests/it/second_tournament.rs) only reads the output.

Usage: python3 scripts/second_tournament_fixture.py --library PATH --out PATH
"""
import argparse
import ctypes
import json
import os
import shutil
import sys
import tempfile

# The 63 entries in the order of the published ranking (TourExec's
# KRowFunction: row = rank).
RANKING = (
    "K92R K61R K42R K49R K44R K60R K41R K75R K84R K32R K35R K68R K72R K46R "
    "K83R K47R K64R K51R K78R K66R K58R K88R K31R K90R K39R K79R K67R K86R "
    "K69R K91R K57R K70R K85R K38R K40R K80R K37R K56R K43R K59R K73R K55R "
    "K81R K87R K53R K76R K65R K52R K82R K45R K62R K34R K48R K50R K77R K89R "
    "K63R K54R K33R K71R K74R K93R K36R"
).split()
# The four top entries every entry also meets (not itself).
TOP = ["K61R", "K42R", "K49R", "K46R"]
# The partners before `Self` and the top entries, with their game lengths.
FIXED = [
    ("Cooperator", 200), ("Defector", 200), ("Alternator", 200),
    ("TFT", 308), ("TF2T", 200), ("Pavlov", 200),
    ("Random0", 200), ("Random1", 200), ("Random2", 200),
]
MOVES = 200
# Axelrod's points for (own move, partner's move), 0 = C, 1 = D.
POINTS = {(0, 0): 3, (0, 1): 0, (1, 0): 5, (1, 1): 1}
# The seed of the partner's random numbers, added to 1000 * rank: the
# random players 500, 501, 502, the top entries 700, the entry's second copy
# 900. The other partners ignore R and are given 0.
PARTNER_SEEDS = {"Random0": 500, "Random1": 501, "Random2": 502, "Self": 900}
PARTNER_SEEDS.update({top: 700 for top in TOP})

MASK = (1 << 64) - 1


def splitmix64(seed):
    """Yields R = k / 2^24, k the top 24 bits of each SplitMix64 output."""
    state = seed & MASK
    while True:
        state = (state + 0x9E3779B97F4A7C15) & MASK
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        z ^= z >> 31
        yield (z >> 40) / 2.0**24


class FreshLibrary:
    """A freshly loaded copy of the library (all SAVEd variables zero)."""

    def __init__(self, library, workdir):
        fd, self.path = tempfile.mkstemp(suffix=".so", dir=workdir)
        os.close(fd)
        shutil.copyfile(library, self.path)
        self.dll = ctypes.CDLL(self.path, mode=ctypes.RTLD_LOCAL)

    def function(self, name):
        """The Fortran function `name` (gfortran's lower-case name + '_')."""
        f = getattr(self.dll, name.lower() + "_")
        f.restype = ctypes.c_int
        return f

    def close(self):
        """Unloads the copy and deletes its file."""
        import _ctypes

        _ctypes.dlclose(self.dll._handle)
        os.remove(self.path)


def call(f, j, m, k, l, r, own, six):
    """One call: every argument a fresh copy passed by reference, so a rule
    that writes to an argument (K77R writes to its J) changes nothing here,
    as the Python axelrod_fortran wrapper does."""
    args = [ctypes.c_int(j), ctypes.c_int(m), ctypes.c_int(k), ctypes.c_int(l),
            ctypes.c_float(r)]
    if six:
        args.append(ctypes.c_int(own))
    return f(*[ctypes.byref(a) for a in args])


class FortranSide:
    """A side played by a Fortran function of a fresh library copy."""

    def __init__(self, library, workdir, name, six):
        self.lib = FreshLibrary(library, workdir)
        self.f = self.lib.function(name)
        self.six = six

    def move(self, j, m, k, l, r, own):
        return call(self.f, j, m, k, l, r, own, self.six)

    def close(self):
        self.lib.close()


class PythonSide:
    """Cooperator, Defector or the alternator (C D C D ...)."""

    def __init__(self, kind):
        self.kind = kind

    def move(self, j, m, k, l, r, own):
        if self.kind == "Cooperator":
            return 0
        if self.kind == "Defector":
            return 1
        return (m - 1) % 2

    def close(self):
        pass


def partner(name, library, workdir):
    if name in ("Cooperator", "Defector", "Alternator"):
        return PythonSide(name)
    if name == "TFT":
        return FortranSide(library, workdir, "KTitForTatC", False)
    if name == "TF2T":
        return FortranSide(library, workdir, "KTF2TC", False)
    if name == "Pavlov":
        return FortranSide(library, workdir, "KPavlovC", True)
    if name.startswith("Random"):
        return FortranSide(library, workdir, "KRandomC", False)
    return FortranSide(library, workdir, name, True)


def zeros():
    """R for the partners that ignore it."""
    while True:
        yield 0.0


def play(entry, opponent, moves, rank, seed, library, workdir):
    """One game: the entry's and the partner's moves as strings of C and D."""
    me = FortranSide(library, workdir, entry, True)
    other = partner(entry if opponent == "Self" else opponent, library, workdir)
    mine, theirs = [], []
    my_score = their_score = 0
    my_last = their_last = 0
    my_r = splitmix64(seed)
    if opponent in PARTNER_SEEDS:
        their_r = splitmix64(1000 * rank + PARTNER_SEEDS[opponent])
    else:
        their_r = zeros()
    try:
        for m in range(1, moves + 1):
            a = me.move(their_last, m, my_score, their_score, next(my_r), my_last)
            b = other.move(my_last, m, their_score, my_score, next(their_r), their_last)
            for who, x in ((entry, a), (opponent, b)):
                if x not in (0, 1):
                    sys.exit(f"{who} returned {x} on move {m} against {opponent}")
            my_score += POINTS[(a, b)]
            their_score += POINTS[(b, a)]
            my_last, their_last = a, b
            mine.append("CD"[a])
            theirs.append("CD"[b])
    finally:
        me.close()
        other.close()
    return "".join(mine), "".join(theirs)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--library", required=True,
                        help="shared library of TourExec's rule functions")
    parser.add_argument("--out", required=True, help="the JSON file to write")
    args = parser.parse_args()
    library = os.path.abspath(args.library)
    fixture = {}
    with tempfile.TemporaryDirectory() as workdir:
        for rank, entry in enumerate(RANKING, start=1):
            opponents = FIXED + [("Self", MOVES)]
            opponents += [(t, MOVES) for t in TOP if t != entry]
            games = []
            for index, (opponent, moves) in enumerate(opponents):
                seed = 1000 * rank + index
                mine, theirs = play(entry, opponent, moves, rank, seed, library,
                                    workdir)
                games.append({"opponent": opponent, "seed": seed,
                              "moves": mine, "opponent_moves": theirs})
            fixture[entry] = {"rank": rank, "games": games}
            print(f"{rank:2} {entry}: {len(games)} games", file=sys.stderr)
    with open(args.out, "w", encoding="utf-8") as out:
        out.write(json.dumps(fixture, indent=0))
        out.write("\n")


if __name__ == "__main__":
    main()
