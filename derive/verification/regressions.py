"""Points where a verification once failed: verified on every run, the
test suite's --quick grids included, so that a regression there fails
``make test`` and not only the full grid.

Each entry names the op, the dtype, the parameters moved from their
defaults and the x (values the dtype holds exactly). Their failures are
reported like any other point's; a kernel fix must not remove the entry.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from ..spec import Approximation
from .grids import DTYPES, ParameterSet



def inside_half_integers(dtype_name: str, halves=(0.5, -0.5, 1.5, -2.5)) -> tuple[float, ...]:
    """The float next to each half-integer on the side of 0: 0.49999997 in float32,
    0.49999999999999994 in float64."""
    dtype = np.dtype(dtype_name).type
    return tuple(float(np.nextafter(dtype(h), dtype(0))) for h in halves)


@dataclass(frozen=True)
class RegressionPoint:
    op: str
    dtype: str
    xs: tuple[float, ...]
    found: str  # what was wrong there, and where it was found
    floats: dict = field(default_factory=dict)  # parameters moved from their defaults
    ints: dict = field(default_factory=dict)


def _largest_below_half(op: str, alphas=(5.0, 1000.0)) -> list[RegressionPoint]:
    found = (
        "x - round(x) + 1/2 rounds up to 1 at the largest float below a half-integer: the value was "
        "the half-integer itself (500 ULP off at alpha = 1000) and d/dalpha 0 or -0.0 (issue 14, case 1)"
    )
    points = []
    for alpha in alphas:
        for dtype in ("float32", "float64"):
            points.append(RegressionPoint(op, dtype, inside_half_integers(dtype), found, floats={"alpha": alpha}))
    return points


_FOURIER_DX = (
    "d/dx 6.52 ULP (terms = 5) and 5.59 ULP (terms = 7) through the XLA kernel, on the full grid only "
    "(issue 14: `make demo` failed)"
)
_SOFT_ROUND_DALPHA = (
    "d/dalpha near the half-integers, alpha = 5: up to 60 ULP (float64) and 34 ULP (float32) where the "
    "published formula is within 1 ULP (issue 14, case 2); well conditioned 5.4 ULP further in"
)
_SWISH_SIGN_DX = (
    "d/dx up to 8.1 ULP (float64) and 6.6 ULP (float32) at points well conditioned once the parameter "
    "is taken as exact (issue 14, case 3)"
)
_SIGMOID_ROUND_TAIL = (
    "every output 5 to 6 ULP next to 0 from below under --strict (steepness exact): the tail's exponent "
    "-steepness*(1/2 - |x|) rounded twice"
)
_SWISH_SIGN_D2_DBETA = "d2/dbeta dbeta 4.1 ULP under --strict: the differentiated Hessian's tanh terms cancel"
_SINE_ROUND_WIDTH_ONE = (
    "width 1, next to the integers (the window's edges): d/dx and d/dwidth 0 instead of about x "
    "(5.85e6 ULP in float32, 1.08e14 in float64) and f 16 ULP at x = -0.0625, under --strict (issue 14)"
)
_SINE_SERIES_CURVATURE = (
    "d2/dx dx at a half-integer of large magnitude, exactly 0 there: 1e-6 to 4e-5 (float32) and 1e-15 to "
    "2e-13 (float64) returned, up to 4e26 and 2e279 ULP, under --strict (issue 14)"
)

_SOFT_ROUND_STRICT = (
    "missed the stricter rule (--strict) on the full grid: next to the integers exp(-2*alpha*v) from a "
    "rounded alpha*v (d/dx 5 to 6 ULP at alpha = 15, d2/dx dx 7.2 ULP in float64 at alpha = 5), and at "
    "alpha = 0 next to the half-integers d2/dalpha dalpha cancelled (1.5e15 ULP in float64)"
)
_SOFT_ROUND_INVERSE_STRICT = (
    "missed the stricter rule (--strict) on the full grid: next to the integers 1/2 - atanh(w)/alpha "
    "cancelled (f 8.6 ULP in float32 at alpha = 15, fixed), and the second derivatives there sum terms "
    "larger than the result (d2/dalpha dalpha up to 14.7 ULP, d2/dx dx 5.93 ULP: a known limit); "
    "docs/accuracy.md"
)
_SIGMOID_STEP_CURVATURE = (
    "d2/dsteepness dsteepness 4.45 ULP (float64) under --strict: -(x - c)**2*tanh(z/2)*sigmoid_slope(z) "
    "with TensorFlow's vectorised tanh and (1 + e)*(1 + e) rounding apart"
)
_SOFT_ROUND_INVERSE_VALUE = (
    "f 10.6 ULP (float32, alpha a tensor; 8.64 as a float) under --strict, next to the integers past the "
    "first form: 1/2 - atanh(w)/alpha cancelled"
)
_FOURIER_SUM = (
    "f 5.21 ULP (float32, TensorFlow) and 4.59 ULP (float64, JAX and PyTorch), terms = 7, under --strict: "
    "x + S/pi with |S/pi| about 6 times |f| "
    "(docs/known-limits.md)"
)

REGRESSION_POINTS = [
    RegressionPoint("fourier_round", "float32", (-0.0075003644451498985, 0.0075003644451498985), _FOURIER_DX),
    RegressionPoint("fourier_round", "float32", (-0.0075003644451498985,), _FOURIER_DX, ints={"terms": 7}),
    *_largest_below_half("soft_round"),
    *_largest_below_half("soft_round_inverse"),
    RegressionPoint(
        "soft_round",
        "float64",
        (2.4990000000000006, -2.502, 0.4980000000000002, -0.5009999999999999, -1.668, -0.621),
        _SOFT_ROUND_DALPHA,
        floats={"alpha": 5.0},
    ),
    RegressionPoint(
        "soft_round",
        "float32",
        (-0.5009999871253967, 2.499000072479248, -2.502000093460083, -0.3569999933242798),
        _SOFT_ROUND_DALPHA,
        floats={"alpha": 5.0},
    ),
    RegressionPoint("soft_round", "float32", (-8.101575872387912e-07, -3.000000238418579), _SOFT_ROUND_STRICT, floats={"alpha": 15.0}),
    RegressionPoint("soft_round", "float64", (-0.0006780523157298256,), _SOFT_ROUND_STRICT, floats={"alpha": 15.0}),
    RegressionPoint(
        "soft_round", "float64", (-6.896914465920188e-08, -1024.2499999999998), _SOFT_ROUND_STRICT, floats={"alpha": 5.0}
    ),
    RegressionPoint("soft_round", "float32", (-0.9999999403953552, -1024.2498779296875), _SOFT_ROUND_STRICT, floats={"alpha": 5.0}),
    *[
        RegressionPoint("soft_round", dtype, inside_half_integers(dtype), _SOFT_ROUND_STRICT, floats={"alpha": 0.0})
        for dtype in ("float32", "float64")
    ],
    RegressionPoint("soft_round_inverse", "float32", (-6.118042961134051e-07, -2.000000476837158), _SOFT_ROUND_INVERSE_STRICT, floats={"alpha": 15.0}),
    RegressionPoint("soft_round_inverse", "float32", (-0.0007646349840797484,), _SOFT_ROUND_INVERSE_STRICT, floats={"alpha": 5.0}),
    RegressionPoint(
        "soft_round_inverse", "float64", (-0.0006780523157298256,), _SOFT_ROUND_INVERSE_STRICT, floats={"alpha": 5.0}
    ),
    RegressionPoint(
        "soft_round_inverse", "float32", (-0.0075003644451498985,), _SOFT_ROUND_INVERSE_STRICT, floats={"alpha": 5.0}
    ),
    RegressionPoint(
        "soft_round_inverse", "float32", (-1.9999998807907104,), _SOFT_ROUND_INVERSE_STRICT, floats={"alpha": 15.0}
    ),
    RegressionPoint(
        "soft_round_inverse", "float64", (-6.896914465920188e-08, -1.9999993881957334), _SOFT_ROUND_INVERSE_STRICT,
        floats={"alpha": 15.0},
    ),
    RegressionPoint(
        "sigmoid_step", "float64", (-0.0006780523157298256,), _SIGMOID_STEP_CURVATURE, floats={"center": 0.25}
    ),
    RegressionPoint(
        "soft_round_inverse",
        "float32",
        (-6.118042961134051e-07, -0.0003000000142492354),
        _SOFT_ROUND_INVERSE_VALUE,
        floats={"alpha": 15.0},
    ),
    *[RegressionPoint("fourier_round", dtype, (-0.4375, 0.4375), _FOURIER_SUM, ints={"terms": 7}) for dtype in DTYPES],
    RegressionPoint("swish_sign", "float32", (1.11899995803833, -1.1519999504089355), _SWISH_SIGN_DX, floats={"beta": 3.0}),
    RegressionPoint("swish_sign", "float32", (0.33212628960609436,), _SWISH_SIGN_DX, floats={"beta": 10.0}),
    RegressionPoint("swish_sign", "float64", (-1.164, 1.1070000000000002), _SWISH_SIGN_DX, floats={"beta": 3.0}),
    RegressionPoint("swish_sign", "float64", (0.726, -0.726), _SWISH_SIGN_DX),
    RegressionPoint("swish_sign", "float64", (-0.348,), _SWISH_SIGN_DX, floats={"beta": 10.0}),
    RegressionPoint("sigmoid_round", "float32", (-8.101575872387912e-07,), _SIGMOID_ROUND_TAIL, floats={"steepness": 30.0}),
    RegressionPoint("sigmoid_round", "float32", (-7.94689913163893e-06, -0.0075003644451498985), _SIGMOID_ROUND_TAIL),
    RegressionPoint("sigmoid_round", "float64", (-6.896914465920188e-08,), _SIGMOID_ROUND_TAIL),
    RegressionPoint("sigmoid_round", "float64", (-0.0006780523157298256,), _SIGMOID_ROUND_TAIL, floats={"steepness": 30.0}),
    RegressionPoint("swish_sign", "float32", (-1.0625, -0.375), _SWISH_SIGN_D2_DBETA),
    RegressionPoint(
        "sine_round",
        "float32",
        (-1.168512295291235e-25, -8.420018460242318e-09, -0.0625),
        _SINE_ROUND_WIDTH_ONE,
        floats={"width": 1.0},
    ),
    RegressionPoint("sine_round", "float64", (-7.638439773880448e-32,), _SINE_ROUND_WIDTH_ONE, floats={"width": 1.0}),
    *[
        RegressionPoint(op, dtype, (x,), _SINE_SERIES_CURVATURE, ints=ints)
        for op, ints in (
            ("fourier_round", {}),
            ("fourier_round", {"terms": 7}),
            ("sine_staircase_round", {}),
            ("sine_staircase_round", {"depth": 3}),
        )
        for dtype, x in (("float32", -6305744.5), ("float64", -2251799813685248.5))
    ],
]


def regression_sets(a: Approximation, dtype_name: str) -> list[ParameterSet]:
    """The regression points of one op and dtype, one parameter set per
    distinct parameters."""
    sets: dict[tuple, ParameterSet] = {}
    for point in REGRESSION_POINTS:
        if point.op != a.name or point.dtype != dtype_name:
            continue
        floats = {n: float(a.params[n].default) for n in a.float_params} | point.floats
        ints = {n: int(a.params[n].default) for n in a.int_params} | point.ints
        moved = ", ".join(f"{k}={v:g}" for k, v in {**point.floats, **point.ints}.items()) or "defaults"
        key = (tuple(sorted(floats.items())), tuple(sorted(ints.items())))
        xs = sets[key].xs if key in sets else ()
        sets[key] = ParameterSet(f"regression {moved}", floats, ints, at_domain_end=True, xs=xs + point.xs)
    return list(sets.values())
