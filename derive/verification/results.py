"""What a verification run collects: errors per output, failures, counts."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import numpy as np

@dataclass
class OutputStats:
    """Errors of one output of one op, mode and dtype, over every grid point
    and parameter set: ULPs everywhere, and at the ill-conditioned points the
    error relative to the condition bound."""

    ulps: list[float] = field(default_factory=list)
    well_ulps: list[float] = field(default_factory=list)
    ill_ratios: list[float] = field(default_factory=list)
    ill_kinds: Counter = field(default_factory=Counter)
    worst_well: str = ""
    worst_ill: str = ""
    # per KnownLimit (op, label): points inside its region that missed a target, and their worst ULPs
    limited: Counter = field(default_factory=Counter)
    limited_worst: dict = field(default_factory=dict)

    @property
    def points(self) -> int:
        return len(self.ulps)

    def note_limit(self, limit, missed, worst_ulps: float):
        count = int(np.count_nonzero(missed))
        if count:
            key = (limit.op, limit.label)
            self.limited[key] += count
            self.limited_worst[key] = max(self.limited_worst.get(key, 0.0), worst_ulps)

    @property
    def max_ulp(self) -> float:
        """Largest error in ULPs at the well-conditioned points."""
        return max(self.well_ulps, default=0.0)

    @property
    def median_ulp(self) -> float:
        """Median error in ULPs over all points."""
        return float(np.median(self.ulps)) if self.ulps else 0.0

    @property
    def ill(self) -> int:
        return len(self.ill_ratios)

    @property
    def max_condition(self) -> float:
        """Largest error / condition bound at the ill-conditioned points."""
        return max(self.ill_ratios, default=0.0)

    def add(self, ulps, ratios, well, kinds, describe):
        self.ulps += ulps.tolist()
        if np.any(well):
            worst = int(np.argmax(np.where(well, ulps, -1.0)))
            if ulps[worst] >= self.max_ulp:
                self.worst_well = describe(worst)
            self.well_ulps += ulps[well].tolist()
        if np.any(~well):
            worst = int(np.argmax(np.where(well, -1.0, ratios)))
            if ratios[worst] >= self.max_condition:
                self.worst_ill = describe(worst)
            self.ill_ratios += ratios[~well].tolist()
            self.ill_kinds.update(k for k, w in zip(kinds, well) if not w)


@dataclass
class Measurement:
    """Errors of one op, mode and dtype over its grids and parameter sets."""

    outputs: dict[tuple[str, ...], OutputStats] = field(default_factory=dict)
    finite_difference: float = 0.0
    failures: list[str] = field(default_factory=list)
    points: int = 0

    def output(self, wrt) -> OutputStats:
        return self.outputs.setdefault(tuple(wrt), OutputStats())

    @property
    def ulps(self) -> dict[str, float]:
        """Largest well-conditioned ULP error by derivative order."""
        by_order = {"forward": 0.0, "first": 0.0, "second": 0.0}
        for wrt, stats in self.outputs.items():
            kind = ("forward", "first", "second")[len(wrt)]
            by_order[kind] = max(by_order[kind], stats.max_ulp)
        return by_order

    @property
    def condition(self) -> float:
        return max((s.max_condition for s in self.outputs.values()), default=0.0)
