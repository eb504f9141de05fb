"""Every op next to the boundaries of its periods and pieces: both float
neighbours of integers and half-integers, small and large, and of each
breakpoint, in every mode and dtype, value and first derivatives, against the
50-digit reference of ``derive.reference``.

A reduction that rounds across a boundary (floor(r + 1/2) of r = 0.49999997
rounding to 1) evaluates the next period's piece: its error is of the size of
the function's jump or of its slope times a period, and it hides behind the
usual condition bound, which counts x's own rounding, eps*|x|*|f'|. The
inputs here are exact, and next to a boundary b an exact reduction leaves
x - b exact (Sterbenz): the bound counts the rounding of that distance,
eps*|x - b|*|f'|, and of the reduced x where that is smaller, plus
ULP_TARGET ULPs. Elsewhere (other ops, breakpoints of a window) the bound is
the verifier's for x alone, eps*|reduced x|*|f'|, plus ULP_TARGET ULPs. For
a quantizer whose parameters place its levels (DSQ's lower and upper) their
rounding counts too, eps*|p|*|df/dp| each, as the verifier counts it.
"""

import mpmath
import numpy as np
import pytest

from derive import Approximation
from derive.catalog import CATALOG
from derive.verification import breakpoints, evaluate_op, reduced_x
from derive.verification.conditioning import levels_params
from derive.verification.decisions import near_decisions

APPROXIMATIONS = [a for a in CATALOG if isinstance(a, Approximation)]
CASES = [(a.name, mode, dtype) for a in APPROXIMATIONS for mode in a.modes for dtype in ("float32", "float64")]
# A reduction that crosses a boundary errs by the function's jump or its slope
# over a period: thousands of ULPs and more. Within a period the verifier holds
# the kernels to 4 ULPs; here a little more is allowed for an exp of a product
# of exact parameters (4.75 ULP in sigmoid_round's d/dsteepness).
ULP_TARGET = 8.0


def periodic(a):
    """Ops that stand for round: their pieces repeat at every integer and half-integer."""
    return a.hard == "round" or a.shift_equivariant


def points(a, floats, dtype, ints=None):
    """Both float neighbours of each boundary (and the boundary itself), and
    the distance of each to a boundary of a period (inf for other points):
    integers and half-integers, small, 2**20 + 1/2 and the largest
    half-integer of the dtype, and the spec's breakpoints, on both sides of 0."""
    top = 2.0 ** (np.finfo(dtype).nmant - 1)
    periods = [0.0, 0.5, 1.0, 1.5, 2.5, 2.0**20, 2.0**20 + 0.5, top - 0.5, top]
    pieces = breakpoints(a, floats, offsets=(-2, 0, 1, 2**10), ints=ints)  # with a quantizer's cell edges
    xs, distances = [], []
    for values, is_period in ((periods, periodic(a)), (pieces, False)):
        base = np.array(sorted({abs(v) for v in values} | {-abs(v) for v in values}), dtype=dtype)
        for neighbour in (base, np.nextafter(base, np.array(np.inf, dtype)), np.nextafter(base, np.array(-np.inf, dtype))):
            xs.append(neighbour)
            distance = np.abs(neighbour.astype(np.float64) - base.astype(np.float64))
            distances.append(distance if is_period else np.full(len(base), np.inf))
    xs, distances = np.concatenate(xs), np.concatenate(distances)
    tiny = np.finfo(dtype).tiny * 2.0**30  # TensorFlow's CPU kernels flush subnormals
    keep = (np.abs(xs) >= tiny) | (xs == 0)
    xs, distances = xs[keep], distances[keep]
    order = np.lexsort((distances, xs))
    xs, distances = xs[order], distances[order]
    first = np.concatenate([[True], xs[1:] != xs[:-1]])
    return xs[first], distances[first]


def boundary_failures(tf, dr, references, name, mode, dtype):
    a = next(a for a in APPROXIMATIONS if a.name == name)
    floats = {n: float(np.array(a.params[n].default, dtype)) for n in a.float_params}
    ints = {n: int(a.params[n].default) for n in a.int_params}
    ref = references.get_for(a, ints)  # shared by both modes and with the verifier's grid (conftest.py)
    xs, distance = points(a, floats, dtype, ints)
    magnitude = np.minimum(reduced_x(a, floats, xs, ints=ints), distance)  # x; the parameters: placing, below
    got = evaluate_op(getattr(dr, name), a, xs, floats, ints, mode, dtype, tensor_params=bool(floats))
    # a hard function decided on a computed argument ((x - lower)/delta) may take either level
    # within that argument's rounding of a jump (the verifier's decisions); next to a clip decided
    # so (x against a nudged range's end), either side, with its derivatives
    near = near_decisions(a, floats, ints, xs, dtype)  # all False for an op without such decisions
    sides = near_decisions(a, floats, ints, xs, dtype, comparisons_only=True)
    eps = float(np.finfo(dtype).eps)
    placing = levels_params(a)  # DSQ's lower and upper, as the verifier counts them
    failures = []
    for wrt, values in got.items():
        if len(wrt) > 1:
            continue
        for x, m, value, decided, side in zip(xs, magnitude, values, near, sides):
            if side:
                continue
            point = (float(x), *floats.values())
            if wrt == () and mode == "ste":
                if decided:
                    continue
                exact = ref.hard(point)
            else:
                exact = ref.evaluate(wrt, point)
            exact_f = float(exact)
            if not np.isfinite(exact_f) or abs(exact_f) > float(np.finfo(dtype).max):
                continue
            hard = wrt == () and mode == "ste"
            slope = 0.0 if hard else abs(float(ref.evaluate(wrt + ("x",), point)))
            # the parameters that place a quantizer's levels are rounded where the levels are computed
            placed = sum(abs(floats[p] * float(ref.evaluate(wrt + (p,), point))) for p in placing if not hard)
            ulp = float(np.spacing(np.array(abs(exact_f), dtype)))
            ulp = max(ulp, float(np.finfo(dtype).tiny / np.finfo(dtype).eps))
            allowed = ULP_TARGET * (ulp + eps * (m * slope + placed))
            error = float(abs(mpmath.mpf(float(value)) - exact))
            if not error <= allowed:
                failures.append(f"{wrt or 'f'} at x={x!r}: got {value!r}, exact {exact_f!r} ({error / ulp:.3g} ULP)")
    return f"{name} {mode} {dtype}: {len(failures)} points, e.g.\n" + "\n".join(failures[:8]) if failures else ""


@pytest.mark.parametrize("name,mode,dtype", CASES)
def test_exact_next_to_every_boundary(tf, dr, references, name, mode, dtype):
    failures = boundary_failures(tf, dr, references, name, mode, dtype)
    assert not failures, failures
