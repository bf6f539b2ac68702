"""Type stubs of the extension module twolevel._twolevel, which the package
twolevel re-exports (see docs/python.md).

Currencies are named "policy" (the international, absolute-gains payoff,
comparable between all players), "political" (the domestic payoff) and
"utility" (each player's own blend, on its own scale). Every error of the
library raises ValueError with the library's message, which names the file,
line and column, or the field, and what is expected.
"""

from os import PathLike
from typing import Any, Literal, Mapping, Optional, Sequence, TypedDict, Union

import numpy as np
import numpy.typing as npt

__version__: str
CURRENCIES: list[str]

Currency = Literal["policy", "political", "utility"]
Ranking = Literal[
    "policy", "political", "utility", "wins_policy", "wins_political", "wins_utility"
]
StrPath = Union[str, PathLike[str]]
FloatMatrix = npt.NDArray[np.float64]
Table = Union[Sequence[Sequence[float]], FloatMatrix]

class PlayerDict(TypedDict, total=False):
    """A player of `round_robin`: a registry strategy with its settings
    (only "strategy" is required), or {"preset": name}."""

    strategy: str
    params: Mapping[str, Union[float, bool, str]]
    name: str
    political_weight: float
    visibility: Optional[float]
    patience: float
    securitizing: float
    politicization: Optional[float]
    role: Optional[Literal["A", "B"]]
    preset: str

class TournamentResults:
    """The results of a round robin."""

    @property
    def name(self) -> str: ...
    @property
    def names(self) -> list[str]:
        """The player names, in the order the players were given."""
    @property
    def ranked_names(self) -> list[str]:
        """The player names from best to worst."""
    @property
    def metric(self) -> Ranking:
        """What the ranking sorts by."""
    @property
    def repetitions(self) -> int: ...
    @property
    def seed(self) -> int: ...
    @property
    def mean_match_length(self) -> float: ...
    def ranking(self) -> list[dict[str, Any]]:
        """One dict per player, best first: "rank", "player", "<x>_mean" and
        "<x>_sd" for x in the currencies and "wins_" + currency, and
        "cooperation_rate" (the columns of the Rust ranking.csv)."""
    def payoff_matrix(self, currency: Currency = "policy") -> FloatMatrix:
        """[i, j]: player i's mean payoff per turn against j; NaN where
        they did not meet."""
    def payoff_matrices(self) -> dict[str, FloatMatrix]:
        """The payoff matrix of every currency, keyed by currency."""
    def cooperation_matrix(self) -> FloatMatrix:
        """[i, j]: the share of rounds i cooperated against j."""
    def scores(self, currency: Currency = "policy") -> FloatMatrix:
        """[i, r]: player i's payoff per turn in repetition r."""
    def wins(self, currency: Currency = "policy") -> FloatMatrix:
        """[i, r]: the matches player i won in repetition r."""
    def to_pandas(self) -> Any:
        """The ranking as a pandas DataFrame indexed by player (needs pandas)."""
    def payoff_frame(self, currency: Currency = "policy") -> Any:
        """The payoff matrix as a DataFrame, player by opponent."""
    def cooperation_frame(self) -> Any:
        """The cooperation matrix as a DataFrame, player by opponent."""
    def scores_frame(self, currency: Currency = "policy") -> Any:
        """The payoffs per turn as a DataFrame, player by repetition."""
    def plot(
        self,
        kind: Literal["boxplot", "wins", "payoff", "cooperation"] = "boxplot",
        currency: Currency = "policy",
    ) -> Any:
        """A twolevel.Plot (a matplotlib Figure shown inline in Jupyter)."""
    def arenas(self) -> Optional[dict[str, Any]]:
        """The domestic arenas' results (states, pairs, coalitions), or None."""
    def to_dict(self) -> dict[str, Any]:
        """Everything, in the shape of the Rust results.json."""
    def to_json(self) -> str:
        """Everything as JSON, the same as the Rust results.json."""

def run_file(path: StrPath, *, seed: Optional[int] = None) -> TournamentResults:
    """Plays the round robin of a tournament file; `seed` replaces its seed."""

def run_ron(
    text: str, *, origin: str = "<string>", seed: Optional[int] = None
) -> TournamentResults:
    """Plays the round robin of tournament RON text."""

def round_robin(
    players: Sequence[Union[str, PlayerDict]],
    *,
    game: Optional[Mapping[str, Any]] = None,
    turns: Optional[int] = None,
    delta: Optional[float] = None,
    politics: Union[float, Mapping[str, float], None] = None,
    election: Optional[Mapping[str, float]] = None,
    action_noise: float = 0.0,
    perception_noise: float = 0.0,
    length_known: bool = False,
    repetitions: int = 1,
    seed: int = 0,
    self_play: bool = True,
    ranking: Ranking = "policy",
    name: str = "python",
) -> TournamentResults:
    """Builds and plays a round robin from registry names and parameters."""

def strategies() -> list[dict[str, Any]]:
    """The registry: "name", "aliases", "summary", "params" per strategy."""

def presets() -> list[str]:
    """The names of the built-in presets."""

Process = Literal["moran", "fermi", "ecological", "replicator"]
SelectionMap = Literal["exponential", "linear"]

def evolve_file(path: StrPath, *, seed: Optional[int] = None) -> dict[str, Any]:
    """Plays a tournament file's round robin and runs its evolution block."""

def evolve_ron(
    text: str, *, origin: str = "<string>", seed: Optional[int] = None
) -> dict[str, Any]:
    """`evolve_file` on RON text."""

def evolve_table(
    table: Table,
    *,
    process: Process = "moran",
    population: int = 100,
    initial: Union[Sequence[int], Sequence[float], None] = None,
    mutation: float = 0.0,
    selection: SelectionMap = "exponential",
    intensity: float = 1.0,
    generations: int = 10_000,
    step: float = 0.01,
    runs: int = 1,
    record: Literal["generation", "step", "final"] = "generation",
    seed: int = 0,
) -> dict[str, Any]:
    """Runs an evolutionary process on a payoff table."""

def fixation_probability(
    game: Sequence[float],
    population: int,
    *,
    process: Literal["moran", "fermi"] = "moran",
    selection: SelectionMap = "exponential",
    intensity: float = 1.0,
    log: bool = False,
) -> float:
    """The probability that one A mutant takes over N - 1 B residents,
    game = [a, b, c, d]."""

def fixation_time(
    game: Sequence[float],
    population: int,
    *,
    process: Literal["moran", "fermi"] = "moran",
    selection: SelectionMap = "exponential",
    intensity: float = 1.0,
) -> float:
    """The conditional fixation time in elementary steps."""

def fixation_matrix(
    table: Table,
    population: int,
    *,
    process: Literal["moran", "fermi"] = "moran",
    selection: SelectionMap = "exponential",
    intensity: float = 1.0,
) -> FloatMatrix:
    """[i, j]: the probability that one i takes over a population of j."""

def stationary_distribution(
    table: Table,
    population: int,
    *,
    process: Literal["moran", "fermi"] = "moran",
    selection: SelectionMap = "exponential",
    intensity: float = 1.0,
    log: bool = False,
) -> npt.NDArray[np.float64]:
    """The rare-mutation stationary distribution (Fudenberg and Imhof 2006)."""

def thresholds(
    *,
    matrix: Optional[Sequence[float]] = None,
    game: Optional[Mapping[str, Any]] = None,
    political_weight: float = 0.0,
    politicization: float = 0.0,
) -> dict[str, Any]:
    """The grim-trigger and tit-for-tat thresholds: "grim", "tft", "matrix"."""

def paradox_of_politicization(
    *,
    game: Optional[Mapping[str, Any]] = None,
    political_weight: float = 0.5,
    anchor: Literal["grim", "tft"] = "grim",
) -> dict[str, float]:
    """Where politicization minimises the threshold: "pi_min",
    "threshold_min", "threshold_at_0", "threshold_at_1"."""

def run_regime_file(path: StrPath, *, ranking: Currency = "policy") -> dict[str, Any]:
    """Plays a regime tournament file (n-state groups)."""

def run_regime_ron(
    text: str, *, origin: str = "<string>", ranking: Currency = "policy"
) -> dict[str, Any]:
    """`run_regime_file` on RON text."""

def run_regime(spec: Mapping[str, Any], *, ranking: Currency = "policy") -> dict[str, Any]:
    """`run_regime_file` on a dict with the fields of a regime file."""

def run_society_file(path: StrPath, *, seed: Optional[int] = None) -> dict[str, Any]:
    """Runs a society file's sweep over q and mu (and its evolution)."""

def run_society_ron(
    text: str, *, origin: str = "<string>", seed: Optional[int] = None
) -> dict[str, Any]:
    """`run_society_file` on RON text."""

def run_society(spec: Mapping[str, Any], *, seed: Optional[int] = None) -> dict[str, Any]:
    """`run_society_file` on a dict with the fields of a society file."""

def run_negotiation_file(path: StrPath, *, seed: Optional[int] = None) -> dict[str, Any]:
    """Negotiates, ratifies and plays a negotiation file's pairs of states."""

def run_negotiation_ron(
    text: str, *, origin: str = "<string>", seed: Optional[int] = None
) -> dict[str, Any]:
    """`run_negotiation_file` on RON text."""

def run_sweep_file(path: StrPath, *, seed: Optional[int] = None) -> dict[str, Any]:
    """Runs a sweep file's grid in memory: "name", "seed", "replicates",
    "grid", "players", "tidy" and "summary" (CSV text)."""
