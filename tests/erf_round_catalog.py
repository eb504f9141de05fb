"""The README's example of a user's own approximation, as a catalog file for
the tests (scripts/regenerate_ops.py --catalog, derive.load_catalog)."""

import sympy as sp

from derive import Approximation, Param, x

k = sp.Symbol("k", positive=True)
erf_round = Approximation(
    name="erf_round",
    hard="round",  # or "step" or "sign"
    expr=sp.floor(x) + (1 + sp.erf(k * (x - sp.floor(x) - sp.Rational(1, 2)))) / 2,
    params={"steepness": Param(k, default=10.0)},
    doc="floor plus a Gaussian-CDF transition",
)
CATALOG = [erf_round]
