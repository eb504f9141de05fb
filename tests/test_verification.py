"""Every op, both modes, float32 and float64, against SymPy/mpmath at 50 digits
and against finite differences (the same comparisons as
scripts/verify_derivatives.py, on its smaller --quick grids)."""

import pytest

from derive.catalog import CATALOG
from derive.spec import Approximation
from derive.verification import DTYPES, KNOWN_LIMITS, verify_catalog

APPROXIMATIONS = [a for a in CATALOG if isinstance(a, Approximation)]


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("approximation", APPROXIMATIONS, ids=lambda a: a.name)
def test_op_matches_the_reference(tf, dr, approximation, dtype):
    # one dtype per test: the two halves of the slowest ops run on both workers
    results = verify_catalog(tf, dr, [approximation], dtypes=(dtype,))
    failures = [f for by_dtype in results.values() for m in by_dtype.values() for f in m.failures]
    assert not failures, "\n".join(failures[:10])
    checked = sum(m.points for by_dtype in results.values() for m in by_dtype.values())
    assert checked > 100
    # every documented known limit of this op and dtype still shows on the grid, or it must go
    seen = {key for by_dtype in results.values() for m in by_dtype.values() for s in m.outputs.values() for key in s.limited}
    for limit in KNOWN_LIMITS:
        if limit.op == approximation.name and dtype in limit.dtypes and limit.quick_grid:
            assert (limit.op, limit.label) in seen, f"known limit no longer measured in {dtype}: {limit.op} [{limit.label}]"
