"""Every op, both modes, float32 and float64, against SymPy/mpmath at 50 digits
and against finite differences (the same comparisons as
scripts/verify_derivatives.py)."""

import pytest

from derive.catalog import CATALOG
from derive.spec import Approximation
from derive.verification import verify_catalog

APPROXIMATIONS = [a for a in CATALOG if isinstance(a, Approximation)]


@pytest.mark.parametrize("approximation", APPROXIMATIONS, ids=lambda a: a.name)
def test_op_matches_the_reference(tf, dr, approximation):
    results = verify_catalog(tf, dr, [approximation])
    failures = [f for by_dtype in results.values() for m in by_dtype.values() for f in m.failures]
    assert not failures, "\n".join(failures[:10])
    checked = sum(m.points for by_dtype in results.values() for m in by_dtype.values())
    assert checked > 100
