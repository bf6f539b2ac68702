"""Issue 26, item 3: every integer argument of every function raises
ValueError, with the text a file gets for the same field (its name and
valid range), for a negative, too large or non-integer value; never
OverflowError or TypeError."""

from pathlib import Path

import pytest

import twolevel

ROOT = Path(__file__).resolve().parent.parent.parent.parent
TOURNAMENTS = ROOT / "tournaments"

SEED = "invalid `seed`: expected a whole number from 0 to 18446744073709551615, got {}"
REPETITIONS = (
    "invalid `repetitions`: expected a whole number of repetitions from 1 to 4294967295, got {}"
)
POPULATION = (
    "invalid `population`: expected a whole number of individuals from 2 to 1000000, got {}"
)
GENERATIONS = (
    "invalid `generations`: expected a whole number of generations from 1 to 100000000, got {}"
)
RUNS = "invalid `runs`: expected a whole number of runs from 1 to 1000000, got {}"
ANALYTIC_POPULATION = (
    "invalid `population`: expected a whole number of individuals from 2 to 4294967295, got {}"
)

# Values no integer field takes, and how each message shows them.
BAD = [(-1, "-1"), (2**64, "18446744073709551616"), (10**40, str(10**40)),
       (2.5, "2.5"), ("ten", "'ten'"), (True, "True")]

ROUND_ROBIN = ["Tit For Tat", "Defector"]
GAME = [3.0, 0.0, 5.0, 1.0]
TABLE = [[3.0, 0.0], [5.0, 1.0]]

# Every function with an integer argument: (name, call with the argument
# set to a value, the expected text).
CALLS = [
    ("run_file seed", lambda v: twolevel.run_file(TOURNAMENTS / "two-level.ron", seed=v), SEED),
    ("run_ron seed", lambda v: twolevel.run_ron(
        (TOURNAMENTS / "two-level.ron").read_text(), seed=v), SEED),
    ("round_robin repetitions", lambda v: twolevel.round_robin(ROUND_ROBIN, repetitions=v),
     REPETITIONS),
    ("round_robin seed", lambda v: twolevel.round_robin(ROUND_ROBIN, seed=v), SEED),
    ("evolve_file seed", lambda v: twolevel.evolve_file(TOURNAMENTS / "evolution.ron", seed=v),
     SEED),
    ("evolve_ron seed", lambda v: twolevel.evolve_ron(
        (TOURNAMENTS / "evolution.ron").read_text(), seed=v), SEED),
    ("evolve_table population", lambda v: twolevel.evolve_table(TABLE, population=v), POPULATION),
    ("evolve_table generations", lambda v: twolevel.evolve_table(TABLE, generations=v),
     GENERATIONS),
    ("evolve_table runs", lambda v: twolevel.evolve_table(TABLE, runs=v), RUNS),
    ("evolve_table seed", lambda v: twolevel.evolve_table(TABLE, seed=v), SEED),
    ("fixation_probability population", lambda v: twolevel.fixation_probability(GAME, v),
     ANALYTIC_POPULATION),
    ("fixation_time population", lambda v: twolevel.fixation_time(GAME, v), ANALYTIC_POPULATION),
    ("fixation_matrix population", lambda v: twolevel.fixation_matrix(TABLE, v),
     ANALYTIC_POPULATION),
    ("stationary_distribution population", lambda v: twolevel.stationary_distribution(TABLE, v),
     ANALYTIC_POPULATION),
    ("run_society_file seed", lambda v: twolevel.run_society_file(
        TOURNAMENTS / "institutions.ron", seed=v), SEED),
    ("run_society_ron seed", lambda v: twolevel.run_society_ron(
        (TOURNAMENTS / "institutions.ron").read_text(), seed=v), SEED),
    ("run_society seed", lambda v: twolevel.run_society(
        {"name": "s", "groups": [{"rule": "ALLD", "count": 5}], "steps": 10}, seed=v), SEED),
    ("run_negotiation_file seed", lambda v: twolevel.run_negotiation_file(
        TOURNAMENTS / "treaty.ron", seed=v), SEED),
    ("run_negotiation_ron seed", lambda v: twolevel.run_negotiation_ron(
        (TOURNAMENTS / "treaty.ron").read_text(), seed=v), SEED),
    ("run_sweep_file seed", lambda v: twolevel.run_sweep_file(
        TOURNAMENTS / "sweep-tau.ron", seed=v), SEED),
]


@pytest.mark.parametrize("name,call,expected", CALLS, ids=[c[0] for c in CALLS])
@pytest.mark.parametrize("value,shown", BAD, ids=[b[1] for b in BAD])
def test_bad_integer_arguments_raise_value_error_naming_the_field_and_range(
    name, call, expected, value, shown
):
    with pytest.raises(ValueError) as error:
        call(value)
    assert str(error.value) == expected.format(shown), (name, str(error.value))


def test_good_integer_arguments_still_work():
    # numpy integers and whole floats are whole numbers too.
    np = pytest.importorskip("numpy")
    a = twolevel.round_robin(ROUND_ROBIN, repetitions=np.int64(2), seed=np.uint64(7))
    b = twolevel.round_robin(ROUND_ROBIN, repetitions=2.0, seed=7)
    assert a.repetitions == b.repetitions == 2 and a.seed == b.seed == 7
    assert twolevel.fixation_probability(GAME, np.int32(10)) == twolevel.fixation_probability(
        GAME, 10
    )
    assert twolevel.run_file(TOURNAMENTS / "two-level.ron", seed=2**64 - 1).seed == 2**64 - 1
    # The defaults the help text shows.
    assert twolevel.round_robin(ROUND_ROBIN).repetitions == 1
    assert twolevel.round_robin(ROUND_ROBIN).seed == 0
    assert "repetitions=1, seed=0" in twolevel.round_robin.__text_signature__
    assert "population=100" in twolevel.evolve_table.__text_signature__
    assert "generations=10000" in twolevel.evolve_table.__text_signature__


def file_error(text):
    """The reason of the ValueError a tournament's RON text raises: the
    message after `<string>:LINE:COLUMN: `."""
    with pytest.raises(ValueError) as error:
        twolevel.run_ron(text)
    return str(error.value).split(": ", 1)[1]


@pytest.mark.parametrize("value", [-1, 2**64])
def test_arguments_and_file_fields_give_the_same_text(value):
    text = f'Tournament(name: "t", players: [Inline(name: "a", strategy: (name: "Defector"))], '
    shown = str(value)
    assert file_error(text + f"repetitions: {value})") == REPETITIONS.format(shown)
    assert file_error(text + f"seed: {value})") == SEED.format(shown)
    evolution = text + "evolution: Some(({}: " + str(value) + ")))"
    assert file_error(evolution.format("population")) == POPULATION.format(shown)
    assert file_error(evolution.format("generations")) == GENERATIONS.format(shown)
    assert file_error(evolution.format("runs")) == RUNS.format(shown)
    # A dict of a society file is read as the file is.
    spec = {"name": "s", "groups": [{"rule": "ALLD", "count": 5}], "steps": value}
    with pytest.raises(ValueError) as error:
        twolevel.run_society(spec)
    assert str(error.value).endswith(
        f"invalid `steps`: expected a whole number of steps from 1 to 18446744073709551615, "
        f"got {shown}"
    ), str(error.value)


INITIAL = (
    "invalid `initial`: expected a whole number of individuals from 0 to 1000000, got {}"
)


@pytest.mark.parametrize("value", [-1, 2**64, 10**40])
def test_initial_counts_are_whole_numbers_like_a_files_counts(value):
    with pytest.raises(ValueError) as error:
        twolevel.evolve_table(TABLE, population=100, initial=[value, 50])
    assert str(error.value) == INITIAL.format(value)
    if value < 10**30:
        text = (
            'Tournament(name: "t", players: [Inline(name: "a", strategy: (name: "Defector")), '
            'Inline(name: "b", strategy: (name: "Tit For Tat"))], '
            f"evolution: Some((initial: Counts([{value}, 50]))))"
        )
        assert file_error(text) == INITIAL.format(value)


def test_initial_counts_and_shares_still_work():
    np = pytest.importorskip("numpy")
    counts = twolevel.evolve_table(TABLE, population=10, initial=[3, 7], generations=5, seed=1)
    same = twolevel.evolve_table(
        TABLE, population=10, initial=np.array([3, 7]), generations=5, seed=1
    )
    shares = twolevel.evolve_table(
        TABLE, population=10, initial=[0.3, 0.7], generations=5, seed=1
    )
    assert counts["runs"][0]["counts"].tolist() == same["runs"][0]["counts"].tolist()
    assert counts["runs"][0]["counts"].tolist() == shares["runs"][0]["counts"].tolist()
