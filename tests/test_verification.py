"""Every op, both modes, float32 and float64, against SymPy/mpmath at 50 digits
and against finite differences (the same comparisons as
scripts/verify_derivatives.py, on its smaller --quick grids), and the
verifier's own rules: what the grid holds, which inputs count as inexact,
and the verdicts at the points where wrong values once passed."""

import math
import types
import warnings
from fractions import Fraction

import mpmath
import numpy as np
import pytest
import sympy as sp

from derive.catalog import CATALOG
from derive.functions import hard_round
from derive.reference import Reference
from derive.spec import Approximation, Param, x
from derive.verification import (
    DTYPES,
    KNOWN_LIMITS,
    LENIENT,
    REGRESSION_POINTS,
    STRICT,
    breakpoints,
    condition_magnitudes,
    location_params,
    parameter_sets,
    quantizer_levels,
    regression_sets,
    verdict,
    verify_catalog,
    x_grid,
)
from diffround import _dispatch as dispatch

APPROXIMATIONS = [a for a in CATALOG if isinstance(a, Approximation)]
BY_NAME = {a.name: a for a in APPROXIMATIONS}
BACKENDS = dispatch.BACKENDS  # the generated package's; importing it imports no framework

# issue 14's points, as measured (derive/verification/regressions.py holds them)
FOURIER_X = -0.0075003644  # float32, d/dx 6.52 ULP (terms = 5) and 5.59 ULP (terms = 7)
SOFT_ROUND_DALPHA_X, SOFT_ROUND_DALPHA_ULPS = -0.5009999999999999, 28.2  # float64, alpha = 5
SWISH_SIGN_F32_X, SWISH_SIGN_F32_ULPS = 1.11899995803833, 6.6  # beta = 3
SWISH_SIGN_F64_X, SWISH_SIGN_F64_ULPS = -1.164, 8.11  # beta = 3


# soft_round's, soft_round_inverse's and dsq_quant's tests are the longest of this file, on every backend
# and for their grids: marked heavy, they run first (conftest.py), not last beside nothing
HEAVY = {"soft_round", "soft_round_inverse", "dsq_quant"}
OPS = [pytest.param(a, id=a.name, marks=[pytest.mark.heavy] if a.name in HEAVY else []) for a in APPROXIMATIONS]


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("approximation", OPS)
def test_op_matches_the_reference(tf, dr, references, approximation, dtype, backend):
    # one test per op, dtype and backend: the pieces of the slowest ops spread over the workers;
    # the reference values are computed once per test process for every backend (conftest.py),
    # by the first piece of an op (the backends of an op and dtype are neighbours in the order)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        results = verify_catalog(
            dr, [approximation], dtypes=(dtype,), backend=backend, references=references, statistics=False
        )
    failures = [f for by_dtype in results.values() for m in by_dtype.values() for f in m.failures]
    assert not failures, f"{backend}:\n" + "\n".join(failures[:10])
    checked = sum(m.points for by_dtype in results.values() for m in by_dtype.values())
    assert checked > 100
    # every documented known limit of this op and dtype still shows on the grid, or it must go
    seen = {key for by_dtype in results.values() for m in by_dtype.values() for s in m.outputs.values() for key in s.limited}
    for limit in KNOWN_LIMITS:
        if limit.applies_to(approximation.name, dtype, backend) and limit.quick_grid:
            assert (limit.op, limit.label) in seen, f"{backend}: known limit no longer measured in {dtype}: {limit.op} [{limit.label}]"
    # overflows the verifier provokes (the largest floats, far tails) are expected, not printed
    assert not [w for w in caught if issubclass(w.category, RuntimeWarning)], [str(w.message) for w in caught]


# -- the grid --------------------------------------------------------------------------------


def neighbours(values, dtype) -> set[float]:
    values = np.asarray(values, dtype=np.float64).astype(dtype)
    return {float(v) for v in np.concatenate([np.nextafter(values, dtype(np.inf)), np.nextafter(values, dtype(-np.inf))])}


@pytest.mark.parametrize("dtype", [np.float32, np.float64], ids=["float32", "float64"])
@pytest.mark.parametrize("approximation", OPS)
def test_the_grid_holds_both_neighbours_of_every_special_point(approximation, dtype):
    special = [float(k) for k in range(-3, 4)] + [k + 0.5 for k in range(-4, 4)]
    for params in parameter_sets(approximation):
        for full in (False, True):
            xs, _ = x_grid(approximation, params.floats, dtype, full)
            held = {float(v) for v in xs}
            centres = [params.floats[n] for n in location_params(approximation)]
            levels = quantizer_levels(approximation, params.floats)  # a quantizer's that its parameters place
            points = special + breakpoints(approximation, params.floats) + centres + levels
            # next to 0 the grid holds 2**30 times the smallest normal number instead (TensorFlow's
            # CPU kernels flush subnormal numbers to zero)
            missing = sorted(v for v in neighbours(points, dtype) - held if abs(v) >= np.finfo(dtype).tiny)
            assert not missing, f"{approximation.name} [{params.label}] {dtype.__name__}: {missing[:5]}"


@pytest.mark.heavy  # soft_round_inverse's grids
def test_the_grid_holds_an_alpha_dependent_switch():
    # soft_round_inverse leaves its atanh(z)/z form where 4*u*T = 4*sigmoid_slope(alpha) + 2*u*T**2
    # (u = |x - round(x)|, T = tanh(alpha/2)): at u = 2*s/(T*(2 - T)), s = sigmoid(alpha)*sigmoid(-alpha)
    a = BY_NAME["soft_round_inverse"]
    for alpha in (5.0, 15.0):  # at alpha = 1e6 the switch is at the integers
        with mpmath.workdps(40):
            t = mpmath.tanh(mpmath.mpf(alpha) / 2)
            s = 1 / ((1 + mpmath.exp(-alpha)) * (1 + mpmath.exp(alpha)))
            switch = float(2 * s / (t * (2 - t)))
        for dtype in (np.float32, np.float64):
            xs, kinds = x_grid(a, {"alpha": alpha}, dtype)
            held = {float(v) for v in xs}
            for centre in (switch, -switch, 1 + switch):
                # a breakpoint within 1e-12 (relative; SymPy solves it to about 12 digits) and both its neighbours
                near = [v for v, k in zip(xs, kinds) if k == "breakpoint" and abs(v - centre) <= 1e-12 * abs(centre)]
                assert near, (alpha, dtype.__name__, centre)
                assert neighbours(near[:1], dtype) <= held


def _nudged_range(low, high, bits, narrow_range):
    """TensorFlow's fake quant range, nudged so that 0 is a level (its published algorithm),
    in exact arithmetic: the verifier's reference switches there."""
    quant_min, quant_max = (1 if narrow_range else 0), 2**bits - 1
    scale = (Fraction(high) - Fraction(low)) / (quant_max - quant_min)
    zero_point = quant_min - Fraction(low) / scale
    nudged = math.floor(min(max(zero_point, quant_min), quant_max) + Fraction(1, 2))  # half away from zero: >= 0
    return float((quant_min - nudged) * scale), float((quant_max - nudged) * scale)


@pytest.mark.parametrize("dtype", [np.float32, np.float64], ids=["float32", "float64"])
def test_the_grid_holds_the_clip_edges_that_move_with_the_integer_parameters(dtype):
    # a quantizer's clip edges depend on bits: the verifier's grid for a parameter set holds them
    # and both their neighbours (fake_quant: scale*qmin and scale*qmax; fake_quant_minmax: the nudged range)
    checked = 0
    for name in ("fake_quant", "fake_quant_minmax"):
        a = BY_NAME[name]
        for params in parameter_sets(a):
            if name == "fake_quant":
                bits, signed, scale = params.ints["bits"], params.ints["signed"], params.floats["scale"]
                edges = [scale * -(2 ** (bits - 1)), scale * (2 ** (bits - 1) - 1)] if signed else [scale * (2**bits - 1)]
            else:
                edges = list(_nudged_range(params.floats["min"], params.floats["max"], params.ints["bits"], params.ints["narrow_range"]))
            held = {float(v) for v in x_grid(a, params.floats, dtype, ints=params.ints)[0]}
            edges = [e for e in edges if abs(e) <= np.finfo(dtype).max]
            wanted = neighbours(edges, dtype) | {float(dtype(e)) for e in edges}
            # next to 0 (a nudged range that ends there) the grid holds small normal numbers instead
            missing = sorted(v for v in wanted - held if abs(v) >= np.finfo(dtype).tiny)
            assert not missing, (name, params.label, edges, missing)
            checked += len(edges)
    assert checked >= 25


def test_the_grid_holds_the_jump_of_a_step_without_a_location_parameter():
    from derive import hard_step
    from derive.spec import x

    import sympy as sp

    a = Approximation(name="shifted_step", hard=hard_step(x - sp.Rational(3, 4)), expr=1 / (1 + sp.exp(-8 * (x - sp.Rational(3, 4)))))
    for dtype in (np.float32, np.float64):
        xs, kinds = x_grid(a, {}, dtype)
        assert neighbours([0.75], dtype) <= {float(v) for v in xs}
        assert kinds[list(xs).index(dtype(0.75))] == "jump of the hard function"



def test_every_parameter_set_of_an_op_is_evaluated_at_one_shape(dr, references, monkeypatch):
    """The grids and the regression sets of one op and dtype are padded to
    one shape (comparison.SMALLEST_SHAPE): jax, XLA and tf.function compile
    a kernel per shape. The padding is cut off again: every set is compared
    at its own points alone."""
    from derive.verification import comparison

    shapes, lengths = [], []
    evaluate = comparison.evaluator("torch")

    def recording(fn, a, xs, *args):
        shapes.append(len(xs))
        got = evaluate(fn, a, xs, *args)
        lengths.append({len(v) for v in got.values()})
        return got

    monkeypatch.setattr(comparison, "evaluator", lambda backend: recording)
    a = BY_NAME["sigmoid_round"]
    results = verify_catalog(dr, [a], dtypes=("float32",), backend="torch", references=references)
    failures = [f for by_dtype in results.values() for m in by_dtype.values() for f in m.failures]
    assert not failures, failures[:5]
    # the quick grid and regression sets of 1 and 2 points alike
    assert len(shapes) > 4 and set(shapes) == {comparison.SMALLEST_SHAPE}
    assert all(n == {comparison.SMALLEST_SHAPE} for n in lengths)
    assert min(len(s.xs) for s in regression_sets(a, "float32")) < 4


@pytest.mark.parametrize("ulps", [0, 3, 6])
def test_without_statistics_the_verdicts_are_the_same(tf, dr, references, ulps):
    # the suite verifies without statistics: the condition bound only where an error exceeds
    # 2 ULPs. An op off by a few ULPs everywhere fails at the same points either way, and the
    # right op passes either way
    a = BY_NAME["sigmoid_round"]

    def off_by(x, **kwargs):
        return dr.sigmoid_round(x, **kwargs) * (1 + ulps * float(np.finfo(x.dtype.as_numpy_dtype).eps))

    package = types.SimpleNamespace(sigmoid_round=off_by)
    by_mode = {}
    for statistics in (True, False):
        results = verify_catalog(package, [a], dtypes=("float32",), references=references, statistics=statistics)
        measurements = [m for by_dtype in results.values() for m in by_dtype.values()]
        limited = {key for m in measurements for s in m.outputs.values() for key in s.limited}
        by_mode[statistics] = ([f for m in measurements for f in m.failures], limited)
    assert by_mode[False] == by_mode[True]
    if ulps != 3:  # 3 ULPs on top of the op's own error: some points over the target, some not
        assert bool(by_mode[True][0]) == (ulps > 4), by_mode[True][0][:3]


# -- regression points -------------------------------------------------------------------------


def test_regression_points_are_exact_in_their_dtype_and_verified_on_the_quick_grid():
    for point in REGRESSION_POINTS:
        dtype = np.dtype(point.dtype).type
        assert all(float(dtype(v)) == v for v in point.xs), point
        a = BY_NAME[point.op]
        sets = regression_sets(a, point.dtype)
        assert any(set(point.xs) <= set(s.xs) and all(s.floats[k] == v for k, v in point.floats.items()) for s in sets)


@pytest.mark.parametrize(
    "op, dtype, floats, ints, x",
    [
        ("fourier_round", "float32", {}, {}, FOURIER_X),
        ("fourier_round", "float32", {}, {"terms": 7}, FOURIER_X),
        ("soft_round", "float32", {"alpha": 1000.0}, {}, 0.49999997),
        ("soft_round", "float64", {"alpha": 1000.0}, {}, 0.49999999999999994),
        ("soft_round", "float32", {"alpha": 5.0}, {}, 0.49999997),
        ("soft_round", "float64", {"alpha": 5.0}, {}, 0.49999999999999994),
        ("soft_round_inverse", "float32", {"alpha": 1000.0}, {}, 0.49999997),
        ("soft_round_inverse", "float64", {"alpha": 1000.0}, {}, 0.49999999999999994),
        ("soft_round", "float64", {"alpha": 5.0}, {}, SOFT_ROUND_DALPHA_X),
        ("swish_sign", "float32", {"beta": 3.0}, {}, SWISH_SIGN_F32_X),
        ("swish_sign", "float64", {"beta": 3.0}, {}, SWISH_SIGN_F64_X),
    ],
)
def test_the_points_where_wrong_values_once_passed_are_regression_points(op, dtype, floats, ints, x):
    x = float(np.dtype(dtype).type(x))
    a = BY_NAME[op]
    held = [s for s in regression_sets(a, dtype) if all(s.floats[k] == v for k, v in floats.items())]
    held = [s for s in held if all(s.ints[k] == v for k, v in ints.items())]
    assert any(x in s.xs for s in held), (op, dtype, floats, ints, x)


# -- issue 14's three cases, as verdicts -----------------------------------------------------
# Each feeds the judge a value off the way a kernel once was, at the point where it was, and
# requires a failure under the verifier's rule (STRICT) where the rule before (LENIENT:
# parameters rounded, x measured from the integer only) accepted it.


def judged(op, dtype, x, floats, wrt, value):
    a = BY_NAME[op]
    ref = Reference(a, {})
    point = (float(np.dtype(dtype).type(x)), *[float(np.dtype(dtype).type(floats[n])) for n in a.float_params])
    return (
        ref.evaluate(tuple(wrt), point),
        verdict(a, ref, point, floats, dtype, wrt, value, STRICT),
        verdict(a, ref, point, floats, dtype, wrt, value, LENIENT),
    )


@pytest.mark.parametrize("dtype, x", [("float32", 0.49999997), ("float64", 0.49999999999999994)])
def test_case_1_the_half_integer_returned_below_it_fails(dtype, x):
    # soft_round at the largest float below 1/2, alpha = 1000: exactly 1/2 - tanh(1000*d)/(2*tanh(500)),
    # d = 1/2 - x; a reduction that rounds x - round(x) + 1/2 up to 1 returned 1/2 itself
    exact, strict, lenient = judged("soft_round", dtype, x, {"alpha": 1000.0}, (), 0.5)
    with mpmath.workdps(50):
        d = mpmath.mpf(0.5) - mpmath.mpf(float(np.dtype(dtype).type(x)))
        assert abs(exact - (mpmath.mpf(0.5) - mpmath.tanh(1000 * d) / (2 * mpmath.tanh(500)))) < 1e-40
    assert not strict.accepted and strict.well_conditioned and strict.ulps > 400
    assert lenient.accepted
    # its d/dalpha came out 0 (exact about -1.5e-8 in float32)
    exact, strict, lenient = judged("soft_round", dtype, x, {"alpha": 1000.0}, ("alpha",), 0.0)
    assert exact < 0 and not strict.accepted and lenient.accepted
    # and soft_round_inverse's d/dalpha -0.0 (exact positive)
    exact, strict, lenient = judged("soft_round_inverse", dtype, x, {"alpha": 1000.0}, ("alpha",), -0.0)
    assert exact > 0 and not strict.accepted and lenient.accepted


def test_case_2_soft_round_dalpha_near_a_half_integer_fails():
    # float64, alpha = 5: d/dalpha was 28 ULP off next to a half-integer, where the distance to
    # the half-integer is exact and the point only mildly ill-conditioned
    exact, _, _ = judged("soft_round", "float64", SOFT_ROUND_DALPHA_X, {"alpha": 5.0}, ("alpha",), 0.0)
    off = float(exact) + SOFT_ROUND_DALPHA_ULPS * float(np.spacing(abs(float(exact))))
    _, strict, lenient = judged("soft_round", "float64", SOFT_ROUND_DALPHA_X, {"alpha": 5.0}, ("alpha",), off)
    assert not strict.accepted
    assert lenient.accepted


@pytest.mark.parametrize(
    "dtype, x, ulps", [("float32", SWISH_SIGN_F32_X, SWISH_SIGN_F32_ULPS), ("float64", SWISH_SIGN_F64_X, SWISH_SIGN_F64_ULPS)]
)
def test_case_3_swish_sign_dx_off_by_several_ulps_fails(dtype, x, ulps):
    exact, _, _ = judged("swish_sign", dtype, x, {"beta": 3.0}, ("x",), 0.0)
    spacing = float(np.spacing(np.dtype(dtype).type(abs(float(exact)))))
    off = float(exact) + ulps * spacing
    _, strict, lenient = judged("swish_sign", dtype, x, {"beta": 3.0}, ("x",), off)
    # x alone is inexact: well conditioned, and 8 ULPs are past the target
    assert strict.well_conditioned and not strict.accepted
    assert lenient.accepted


@pytest.mark.parametrize(
    "bits,level",
    # lower = -3, upper = 1: the steps are 4/15 (4 bits) and 4/3 (2 bits); x = -2**-17 lies
    # 11.25 - 15*2**-19 and 2.25 - 3*2**-19 steps above lower, nearest level 11 and 2
    [(4, Fraction(-3) + 11 * Fraction(4, 15)), (2, Fraction(-3) + 2 * Fraction(4, 3))],
)
def test_a_quantizer_whose_parameters_place_its_levels_measures_x_from_the_nearest_level(bits, level):
    a = BY_NAME["dsq_quant"]
    v = -(2.0**-17)
    floats = {"alpha": 0.2, "lower": -3.0, "upper": 1.0}
    magnitudes = condition_magnitudes(a, floats, [v], [0.2, -3.0, 1.0], STRICT, {"bits": bits})
    # x from the level (-1/15, -1/3), exact; lower and upper, which place the levels, rounded once
    # where any evaluation computes the levels from them; alpha exact, as under STRICT
    assert magnitudes[0][0] == float(abs(Fraction(v) - level))
    assert [m[0] for m in magnitudes[1:]] == [0.0, 3.0, 1.0]


def test_the_levels_of_an_unclipped_quantizer_lie_between_its_breakpoints():
    # hard = s*round(x/s) has no limit at +-inf (round of 10**400 stays unevaluated): its levels
    # come from the breakpoints, here those of its one switch at x = 1
    s = sp.Symbol("s", positive=True)
    a = Approximation(
        name="steps",
        hard=s * hard_round(x / s),
        expr=sp.Piecewise((x, x < 1), (x - s * sp.sin(2 * sp.pi * x / s) / (2 * sp.pi), True)),
        params={"s": Param(s, 0.5)},
        modes=("soft",),
        levels=x / s,
    )
    levels = quantizer_levels(a, {"s": 0.5})
    assert levels and all(min(breakpoints(a, {"s": 0.5})) <= v <= max(breakpoints(a, {"s": 0.5})) for v in levels)
    assert all(float(Fraction(v) / Fraction(1, 2)).is_integer() for v in levels)
