"""Verification of a generated package against the spec.

For each op, mode, dtype and parameter set: evaluate the generated op (its
value, gradients through GradientTape and gradients of gradients) on a grid
of x and compare every output (forward, d/dx, each d/dparam, every second
derivative) with the 50-digit references of ``derive.reference``, computed
at the exact binary values of the inputs. Also check gradients against
finite differences (``tf.test.compute_gradient``) away from breakpoints.

How an error is judged. Let S = sum over the inputs v of |v df/dv|: rounding
every input by one relative rounding (eps/2) moves the exact result by up to
eps*S/2. A point is *well conditioned* when that is at most half an ULP
(eps*S <= ulp(f)); there the error must be at most ``ULP_TARGET`` ULPs of the
exact result. Elsewhere (near a zero of the output, at a window edge, in a
sigmoid's tail) no evaluation in the dtype can promise ULPs, and the error
must be at most ``CONDITION_TARGET`` times eps*(|f| + S), the condition
bound; the report says which grid points those are.

The grids: uniform points, log-spaced magnitudes up to the largest finite
value, integers and half-integers and window edges with their float
neighbours, and parameters at the ends of their domains. ``full=True`` is
the denser grid of ``scripts/verify_derivatives.py``; the default is the
smaller one the test suite runs.
"""

from .comparison import compare_case, verify_catalog
from .conditioning import CONDITION_TARGET, ULP_TARGET, UNDERFLOW, accepted_error, judge, reduced_x
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
    x_grid,
)
from .known_limits import KNOWN_LIMITS, KnownLimit, everywhere, near_integers, rational_tail
from .published import PublishedCheck, check_published, surrogate_entries
from .results import Measurement, OutputStats

__all__ = [
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
    "rational_tail",
    "reduced_x",
    "surrogate_entries",
    "verify_catalog",
    "x_grid",
]
