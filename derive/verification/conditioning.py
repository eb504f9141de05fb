"""How an error is judged: ULPs where a point is well conditioned, the
condition bound elsewhere (see the package docstring)."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

import mpmath
import numpy as np
import sympy as sp

from ..spec import Approximation, x
from .grids import level_position, location_params

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


@dataclass(frozen=True)
class ConditionRule:
    """Which inputs the condition bound counts as inexact.

    The verifier passes each parameter as a value the dtype holds exactly and
    evaluates the reference there, at float(dtype(p)): the parameters are
    exact inputs and add no term. x is exact too, but every evaluation
    rounds what it computes from x, once, where it starts computing: that
    is the one term, eps * |reduced x| * |d out/dx| (see ``reduced_x``)."""

    parameters_inexact: bool = False
    # a shift-equivariant op's x - round(x) and 1/2 - |x - round(x)| are both exact
    # in floating point: x is measured from the nearer of an integer and a half-integer
    half_integers_exact: bool = True


STRICT = ConditionRule()
# every float parameter rounded once, x measured from the nearest integer only: the
# rule before STRICT, which `scripts/verify_derivatives.py --lenient` applies
# (tests/test_verification.py shows what LENIENT accepts and STRICT does not)
LENIENT = ConditionRule(parameters_inexact=True, half_integers_exact=False)
DEFAULT_RULE = STRICT


def reduced_x(a: Approximation, floats: dict, xs, rule: ConditionRule = DEFAULT_RULE, ints=None) -> np.ndarray:
    """|x| measured from where the op starts computing, exactly or with one
    rounding: for a shift-equivariant op (evaluated on t = x - round(x)) the
    distance to the nearer of the integer and the half-integer, min(|t|,
    1/2 - |t|), both exact; x - p for location parameters p; for an op whose
    float parameters place its levels (``levels`` in the spec), the distance
    to the nearest level (the levels' own rounding is that of the parameters
    that place them: ``condition_magnitudes``); else x itself. Rounding what
    any evaluation computes from there moves f by about
    eps * |reduced x| * |df/dx|."""
    if a.levels is not None:
        return _from_nearest_level(a, floats, ints or {}, xs)
    if a.shift_equivariant:
        reduced = []
        for v in xs:
            t = abs(Fraction(float(v)) - round(Fraction(float(v))))
            reduced.append(float(min(t, Fraction(1, 2) - t) if rule.half_integers_exact else t))
        return np.array(reduced)
    shift = sum(Fraction(floats[n]) for n in location_params(a))
    return np.array([abs(float(Fraction(float(v)) - shift)) for v in xs])


_INDEX = sp.Symbol("level_index", integer=True)


_LEVEL_FORMS: dict = {}


def _level_forms(a: Approximation, ints: tuple):
    """(position of x in steps, level n) as mpmath functions of x or n and the
    float parameters, the integer parameters fixed at ``ints``."""
    key = (a.name, a.levels, tuple(a.float_params), ints)
    if key not in _LEVEL_FORMS:
        _LEVEL_FORMS[key] = _derived_level_forms(a, ints)
    return _LEVEL_FORMS[key]


def _derived_level_forms(a: Approximation, ints: tuple):
    t, slope, start = level_position(a, {a.params[n].symbol: v for n, v in ints})
    symbols = [a.params[n].symbol for n in a.float_params]
    position = sp.lambdify([x, *symbols], t, modules="mpmath")
    at = sp.lambdify([_INDEX, *symbols], (_INDEX - start) / slope, modules="mpmath")
    return position, at


def _from_nearest_level(a: Approximation, floats: dict, ints: dict, xs) -> np.ndarray:
    ints = {**{n: a.params[n].default for n in a.int_params}, **ints}
    position, at = _level_forms(a, tuple(sorted((n, int(v)) for n, v in ints.items())))
    out = []
    with mpmath.workdps(60):
        values = [mpmath.mpf(float(floats[n])) for n in a.float_params]
        for v in xs:
            v = mpmath.mpf(float(v))
            nearest = at(int(mpmath.nint(position(v, *values))), *values)
            out.append(float(abs(v - nearest)))
    return np.array(out)


def levels_params(a: Approximation) -> set:
    """The float parameters that place the levels of ``a`` (none without ``levels``):
    every evaluation computes the levels from them, so each is rounded once there."""
    if a.levels is None:
        return set()
    return {n for n in a.float_params if a.levels.has(a.params[n].symbol)}


def condition_magnitudes(
    a: Approximation, floats: dict, xs, param_values, rule: ConditionRule = DEFAULT_RULE, ints=None
) -> list:
    """|v| for each input v of the reference (x, then the float parameters),
    per point, 0 for an exact input: S = sum |v| * |d out/dv| over these. A
    location parameter's rounding is the same x - p: never a term of its own."""
    magnitudes = [reduced_x(a, floats, xs, rule, ints)]
    placing = levels_params(a)
    for name, value in zip(a.float_params, param_values):
        inexact = (rule.parameters_inexact or name in placing) and name not in location_params(a)
        magnitudes.append(np.full(len(xs), abs(value) if inexact else 0.0))
    return magnitudes


def _slope(ref, wrt, point) -> float:
    """|d out/dv| at the point; inf where it has no finite real value (sqrt(x) at 0)."""
    try:
        if hasattr(ref, "slope"):
            return ref.slope(tuple(wrt[:-1]), wrt[-1], point)
        return abs(float(ref.evaluate(wrt, point)))
    except ArithmeticError:
        return np.inf


def sensitivity(ref, wrt, points, magnitudes) -> np.ndarray:
    """S = sum over the inexact inputs v of |v| * |d out/dv| at each point."""
    total = np.zeros(len(points))
    for k, name in enumerate(ref.names):
        magnitude = magnitudes[k]
        if not np.any(magnitude):
            continue
        deriv = np.array([_slope(ref, tuple(wrt) + (name,), p) if m else 0.0 for m, p in zip(magnitude, points)])
        with np.errstate(over="ignore"):  # a product past the float64 range is an infinitely ill-conditioned point
            total += magnitude * deriv
    return total


def judge(values, exact, condition_sum, dtype_name):
    """(ULPs, error / condition bound, well conditioned?) at each point;
    ``condition_sum`` is S (``sensitivity``)."""
    eps = float(np.finfo(dtype_name).eps)
    with mpmath.workdps(30):
        error = np.array([float(abs(mpmath.mpf(c) - e)) for c, e in zip(values, exact)])
    exact_f = np.array([float(e) for e in exact])
    ulp = _ulp(exact_f, dtype_name)
    ulps = error / ulp
    with np.errstate(over="ignore"):  # an infinite bound: any finite error is within it
        ratios = error / (eps * (np.abs(exact_f) + condition_sum) + UNDERFLOW[dtype_name])
    well = eps * condition_sum <= ulp
    return ulps, ratios, well


@dataclass(frozen=True)
class Verdict:
    """The verifier's judgement of one value at one point."""

    ulps: float
    ratio: float  # error / condition bound
    well_conditioned: bool

    @property
    def accepted(self) -> bool:
        return self.ulps <= ULP_TARGET if self.well_conditioned else self.ratio <= CONDITION_TARGET


def verdict(
    a: Approximation, ref, point, floats: dict, dtype_name: str, wrt, value, rule: ConditionRule = DEFAULT_RULE
) -> Verdict:
    """Judge ``value`` as output ``wrt`` at ``point`` (x, then the float
    parameters as the dtype holds them) as ``compare_case`` does."""
    magnitudes = condition_magnitudes(a, floats, [point[0]], point[1:], rule, ref.ints)
    s = sensitivity(ref, tuple(wrt), [point], magnitudes)
    ulps, ratios, well = judge(np.array([float(value)]), [ref.evaluate(tuple(wrt), point)], s, dtype_name)
    return Verdict(float(ulps[0]), float(ratios[0]), bool(well[0]))


def accepted_error(
    a: Approximation, ref, point, floats: dict, dtype_name: str, wrt=(), rule: ConditionRule = DEFAULT_RULE
) -> float:
    """The largest error ``compare_case`` accepts for output ``wrt`` at one
    point: ULP_TARGET ULPs where well conditioned, else CONDITION_TARGET
    times the condition bound."""
    eps = float(np.finfo(dtype_name).eps)
    exact = float(ref.evaluate(tuple(wrt), point))
    magnitudes = condition_magnitudes(a, floats, [point[0]], point[1:], rule, ref.ints)
    s = float(sensitivity(ref, tuple(wrt), [point], magnitudes)[0])
    ulp = float(_ulp(np.array([exact]), dtype_name)[0])
    if eps * s <= ulp:
        return ULP_TARGET * ulp
    return CONDITION_TARGET * eps * (abs(exact) + s) + UNDERFLOW[dtype_name]
