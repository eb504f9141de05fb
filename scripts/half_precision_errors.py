#!/usr/bin/env python3
"""The error of every op in float16 and bfloat16 against the exact value.

    python scripts/half_precision_errors.py

Half-precision inputs are computed in float32 and rounded once to their
dtype. One row per op and mode: the largest error of the forward value and of
d/dx, in units in the last place of the half dtype, at the default
parameters on x from -3 to 3 in steps of 1/64 and a few large magnitudes,
against the 50-digit references. Rounding the exact value once costs at most
0.5 ULP. "bound": the largest error relative to 0.5 ULP plus the float32
evaluation's allowance (see derive/half_precision.py); at most 1 is right.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

from derive.catalog import CATALOG  # noqa: E402
from derive.half_precision import HALF_DTYPES, measure_catalog  # noqa: E402


def main() -> int:
    import tensorflow as tf

    import diffround

    results = measure_catalog(tf, diffround, CATALOG, step=1 / 64)
    header = ["op", "mode"] + [f"{d} {part}" for d in HALF_DTYPES for part in ("fwd", "d/dx")] + ["bound"]
    rows = [header]
    for (name, mode), by_dtype in results.items():
        row, bound = [name, mode], 0.0
        for d in HALF_DTYPES:
            fwd = by_dtype[d].get("forward")
            row += ["exact" if fwd is None else f"{fwd['ulps']:.3f}", f"{by_dtype[d]['x']['ulps']:.3f}"]
            bound = max([bound] + [m["bound"] for m in by_dtype[d].values()])
        rows.append(row + [f"{bound:.2f}"])
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths)) for r in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    print("Largest error in ULPs of the half dtype, against the exact value (mpmath, 50 digits):")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
