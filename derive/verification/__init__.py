"""Verification of a generated package against the spec.

For each op, mode, dtype and parameter set: evaluate the generated op (its
value, gradients through GradientTape and gradients of gradients) on a grid
of x and compare every output (forward, d/dx, each d/dparam, every second
derivative) with the 50-digit references of ``derive.reference``, computed
at the exact binary values of the inputs. Also check gradients against
finite differences (``tf.test.compute_gradient``) away from breakpoints.

How an error is judged. Let S = sum over the inexact inputs v of |v df/dv|:
rounding each of them by one relative rounding (eps/2) moves the exact
result by up to eps*S/2. A point is *well conditioned* when that is at most
half an ULP (eps*S <= ulp(f)); there the error must be at most
``ULP_TARGET`` ULPs of the exact result. Elsewhere (near a zero of the
output, at a window edge, in a sigmoid's tail) no evaluation in the dtype
can promise ULPs, and the error must be at most ``CONDITION_TARGET`` times
eps*(|f| + S), the condition bound; the report says which grid points those
are.

Which inputs are inexact (``conditioning.ConditionRule``). Under STRICT the
parameters are not: the verifier passes each as a value the dtype holds
exactly and evaluates the reference at that value, float(dtype(p)), so a
parameter adds no term. x is exact too, but an evaluation rounds what it
computes from x, once, where it starts computing; S has that one term,
|reduced x| * |df/dx|, with x measured from there: from the nearer of the
integer and the half-integer for a shift-equivariant op (x - round(x) and
1/2 - |x - round(x)| are both exact in floating point), from a location
parameter p (x - p, rounded once), else from 0. STRICT is the rule the
catalog is verified under (DEFAULT_RULE); LENIENT, the rule before it (each
float parameter counted as rounded once, x measured from the nearest
integer), stays for comparison: ``scripts/verify_derivatives.py --lenient``.
A quantizer whose float parameters place its levels (``levels`` in the
spec: DSQ's lower and upper) computes every level from them with roundings
no evaluation avoids: under either rule those parameters count as rounded
once and x is measured from the nearest level.

The grids: uniform points, log-spaced magnitudes up to the largest finite
value, integers, half-integers, breakpoints of a piecewise op, centres, the
hard function's jumps and the levels of such a quantizer, each with both
float neighbours, at every
parameter set (defaults, moved, the ends of the domains); and the
regression points (``regressions.REGRESSION_POINTS``), where a verification
once failed, on every run. ``full=True`` is the denser grid of
``scripts/verify_derivatives.py``; the default is the smaller one the test
suite runs.

A failure names the op, mode, dtype, parameters, output and the worst point,
and adds what kind of point it is and what usually helps
(``diagnosis.hint``). A reference that is complex or NaN (the expression is
not real there) is a failure at that point, not an error of the verifier.

Modules: ``grids`` (parameter sets, x), ``evaluation`` (the op through
its framework's differentiation: evaluate_<backend>), ``conditioning`` (ULPs, S and the bound), ``known_limits``,
``regressions``, ``diagnosis``, ``finite_differences``, ``published``, and
``comparison`` (the catalog loop).
"""

from .comparison import compare_case, verify_catalog
from .conditioning import (
    CONDITION_TARGET,
    DEFAULT_RULE,
    LENIENT,
    STRICT,
    ULP_TARGET,
    UNDERFLOW,
    ConditionRule,
    Verdict,
    accepted_error,
    condition_magnitudes,
    judge,
    reduced_x,
    sensitivity,
    verdict,
)
from .evaluation import evaluate_op, output_label
from .finite_differences import FD_DELTA, FD_TOLERANCE, finite_difference_check
from .grids import (
    DTYPES,
    INSIDE,
    LARGE,
    MAGNITUDES_PER_DECADE,
    ParameterSet,
    breakpoints,
    location_params,
    parameter_sets,
    quantizer_levels,
    x_grid,
)
from .known_limits import KNOWN_LIMITS, KnownLimit, everywhere, near_integers, rational_tail
from .published import PublishedCheck, check_published, surrogate_entries
from .regressions import REGRESSION_POINTS, RegressionPoint, regression_sets
from .results import Measurement, OutputStats

__all__ = [
    "ConditionRule",
    "DEFAULT_RULE",
    "LENIENT",
    "REGRESSION_POINTS",
    "RegressionPoint",
    "STRICT",
    "Verdict",
    "condition_magnitudes",
    "regression_sets",
    "sensitivity",
    "verdict",
    "CONDITION_TARGET",
    "DTYPES",
    "FD_DELTA",
    "FD_TOLERANCE",
    "INSIDE",
    "KNOWN_LIMITS",
    "LARGE",
    "MAGNITUDES_PER_DECADE",
    "Measurement",
    "OutputStats",
    "ParameterSet",
    "PublishedCheck",
    "ULP_TARGET",
    "UNDERFLOW",
    "KnownLimit",
    "accepted_error",
    "breakpoints",
    "check_published",
    "compare_case",
    "evaluate_op",
    "everywhere",
    "finite_difference_check",
    "judge",
    "location_params",
    "near_integers",
    "output_label",
    "parameter_sets",
    "quantizer_levels",
    "rational_tail",
    "reduced_x",
    "surrogate_entries",
    "verify_catalog",
    "x_grid",
]
