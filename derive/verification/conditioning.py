"""How an error is judged: ULPs where a point is well conditioned, the
condition bound elsewhere (see the package docstring)."""

from __future__ import annotations

from fractions import Fraction

import mpmath
import numpy as np

from ..spec import Approximation
from .grids import location_params

ULP_TARGET = 4.0
CONDITION_TARGET = 4.0


# Results below this may have passed through subnormal intermediates, which
# TensorFlow's CPU kernels flush to zero: the smallest normal number / eps.
UNDERFLOW = {name: float(np.finfo(name).tiny / np.finfo(name).eps) for name in ("float32", "float64")}


def _ulp(values: np.ndarray, dtype) -> np.ndarray:
    """Spacing of the dtype at each value, at least UNDERFLOW."""
    name = np.dtype(dtype).name
    magnitude = np.minimum(np.abs(values), float(np.finfo(name).max))
    typed = magnitude.astype(name)
    with np.errstate(over="ignore"):
        spacing = np.spacing(typed).astype(np.float64)
    # numpy's spacing at the largest float is inf: the gap below it instead
    below = (typed - np.nextafter(typed, np.zeros_like(typed))).astype(np.float64)
    spacing = np.where(np.isinf(spacing), below, spacing)
    return np.maximum(spacing, UNDERFLOW[name])


def reduced_x(a: Approximation, floats: dict, xs) -> np.ndarray:
    """|x| measured from where the op starts computing, exactly or with one
    rounding: x - round(x) for a shift-equivariant op (evaluated there), x -
    p for location parameters p, else x itself. Rounding what any
    evaluation computes from there moves f by about eps * |reduced x| * |df/dx|."""
    if a.shift_equivariant:
        return np.array([abs(float(Fraction(float(v)) - round(Fraction(float(v))))) for v in xs])
    shift = sum(Fraction(floats[n]) for n in location_params(a))
    return np.array([abs(float(Fraction(float(v)) - shift)) for v in xs])


def judge(values, exact, sensitivity, dtype_name):
    """(ULPs, error / condition bound, well conditioned?) at each point."""
    eps = float(np.finfo(dtype_name).eps)
    with mpmath.workdps(30):
        error = np.array([float(abs(mpmath.mpf(c) - e)) for c, e in zip(values, exact)])
    exact_f = np.array([float(e) for e in exact])
    ulp = _ulp(exact_f, dtype_name)
    ulps = error / ulp
    ratios = error / (eps * (np.abs(exact_f) + sensitivity) + UNDERFLOW[dtype_name])
    well = eps * sensitivity <= ulp
    return ulps, ratios, well


def accepted_error(a: Approximation, ref, point, floats: dict, dtype_name: str, wrt=()) -> float:
    """The largest error ``compare_case`` accepts for output ``wrt`` at one
    point: ULP_TARGET ULPs where well conditioned, else CONDITION_TARGET
    times the condition bound."""
    eps = float(np.finfo(dtype_name).eps)
    exact = float(ref.evaluate(tuple(wrt), point))
    magnitudes = [reduced_x(a, floats, [point[0]])[0]] + [
        0.0 if n in location_params(a) else abs(v) for n, v in zip(a.float_params, point[1:])
    ]
    sensitivity = sum(m * abs(float(ref.evaluate(tuple(wrt) + (v,), point))) for m, v in zip(magnitudes, ref.names) if m)
    ulp = float(_ulp(np.array([exact]), dtype_name)[0])
    if eps * sensitivity <= ulp:
        return ULP_TARGET * ulp
    return CONDITION_TARGET * eps * (abs(exact) + sensitivity) + UNDERFLOW[dtype_name]
