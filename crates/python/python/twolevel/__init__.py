"""Two-level Axelrod tournaments: each state's payoff blends a domestic
political payoff with an international policy payoff.

Round robins from a tournament file (`run_file`), RON text (`run_ron`) or
Python objects (`round_robin`); evolution (`evolve_file`, `evolve_table`)
and its analytic functions; the regime, society and negotiation engines;
parameter sweeps (`run_sweep_file`). Every function calls the Rust library,
so the same file and seed give the same numbers as the `twolevel` command.

For notebooks, results become pandas data frames (`results.to_pandas()`,
`results.payoff_frame("policy")`, `evolution_frame`, `sweep_frame`, ...)
and plots (`results.plot("boxplot")`, `plot_evolution`, `plot_sweep`,
`plot_thresholds`, `plot_regime`, `plot_society`),
shown inline in Jupyter; pandas and matplotlib are optional and imported
when first used.

Currencies are named "policy" (the international, absolute-gains payoff,
comparable between all players), "political" (the domestic payoff) and
"utility" (each player's own blend, on its own scale). Every error of the
library raises ValueError naming the file, line and column, or the field.
See docs/python.md and `help(twolevel.<function>)`.
"""

from . import _twolevel
from ._notebook import (
    Plot,
    evolution_frame,
    fixation_frame,
    negotiation_frame,
    plot_evolution,
    plot_regime,
    plot_society,
    plot_sweep,
    plot_thresholds,
    regime_frame,
    society_frame,
    sweep_frame,
    thresholds_frame,
)
from ._twolevel import *  # noqa: F401,F403 (the extension's functions and classes)
from ._twolevel import CURRENCIES, TournamentResults, __version__

__all__ = sorted(
    [name for name in dir(_twolevel) if not name.startswith("_")]
    + [
        "Plot",
        "evolution_frame",
        "fixation_frame",
        "negotiation_frame",
        "plot_evolution",
        "plot_regime",
        "plot_society",
        "plot_sweep",
        "plot_thresholds",
        "regime_frame",
        "society_frame",
        "sweep_frame",
        "thresholds_frame",
    ]
)
