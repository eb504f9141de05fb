"""The derived derivatives against formulas published elsewhere."""

from __future__ import annotations

from dataclasses import dataclass

import mpmath
import numpy as np

from ..reference import Reference
from ..spec import Approximation, SurrogateChoice
from .grids import breakpoints, x_grid

def surrogate_entries(catalog):
    return [e for e in catalog if isinstance(e, SurrogateChoice)]


@dataclass
class PublishedCheck:
    """The derived derivative against a formula published elsewhere."""

    op: str
    wrt: str
    citation: str
    points: int
    max_difference: float

    @property
    def ok(self) -> bool:
        return self.max_difference <= 1e-40


def check_published(a: Approximation) -> list[PublishedCheck]:
    """Compare SymPy's derivative with each published formula at 50 digits on
    the verification grid, away from the breakpoints where the two may take
    different one-sided values."""
    floats = {n: float(a.params[n].default) for n in a.float_params}
    ints = {n: int(a.params[n].default) for n in a.int_params}
    ref = Reference(a, ints)
    checks = []
    for wrt, (formula, citation) in a.published.items():
        published = Reference(
            Approximation(name=a.name, hard=a.hard, expr=formula, params=a.params, modes=a.modes), ints
        )
        kinks = breakpoints(a, floats) + [0.0]
        xs, _ = x_grid(a, floats, np.float64)
        grid = [v for v in xs if abs(v) < 1e6 and min(abs(v - k) for k in kinks) > 1e-9]
        worst = mpmath.mpf(0)
        for v in grid:
            point = (float(v), *floats.values())
            derived = ref.evaluate(() if wrt == "y" else (wrt,), point)
            given = published.evaluate((), point)
            worst = max(worst, abs(derived - given) / max(1, abs(given)))
        checks.append(PublishedCheck(a.name, wrt, citation, len(grid), float(worst)))
    return checks
