"""soft_round and soft_round_inverse at the edges of their parameter and range:
the alpha -> 0 limit, very large alpha, the ends of the inverse's range, and
the two ops composed. Exact values come from derive.reference (mpmath)."""

import numpy as np
import pytest

from derive.catalog import CATALOG
from shared_references import shared_reference

APPROXIMATIONS = {a.name: a for a in CATALOG}
DTYPES = ["float32", "float64"]


def _ulps(got, exact, dtype):
    exact = np.asarray([float(e) for e in exact])
    spacing = np.spacing(np.abs(exact).astype(dtype)).astype(np.float64)
    return np.abs(np.asarray(got, np.float64) - exact) / spacing


def _value_and_gradients(tf, op, x, alpha):
    x = tf.constant(x)
    alpha = tf.fill(tf.shape(x), tf.constant(alpha, x.dtype))  # one alpha per element: per-element d/dalpha
    with tf.GradientTape(persistent=True) as tape:
        tape.watch([x, alpha])
        y = op(x, alpha=alpha)
    return y.numpy(), tape.gradient(y, x).numpy(), tape.gradient(y, alpha).numpy()


@pytest.mark.parametrize("dtype", DTYPES)
def test_alpha_zero_is_the_identity_bit_for_bit(tf, dr, dtype):
    x = np.concatenate([np.linspace(-3, 3, 61), [0.5, -0.5, 1e-30, 1e6 + 0.25, -12345.75]]).astype(dtype)
    for op in (dr.soft_round, dr.soft_round_inverse):
        y, dy_dx, dy_dalpha = _value_and_gradients(tf, op, x, 0.0)
        np.testing.assert_array_equal(y, x, err_msg=op.__name__)
        np.testing.assert_array_equal(dy_dx, np.ones_like(x), err_msg=op.__name__)
        assert np.all(np.isfinite(dy_dalpha)), op.__name__


@pytest.mark.parametrize("name", ["soft_round", "soft_round_inverse"])
@pytest.mark.parametrize("alpha", [1e-12, 1e-6, 1e-3])
def test_small_alpha_matches_the_limit_without_a_switch(tf, dr, name, alpha):
    """Near alpha = 0 the value and both first derivatives are within a few
    ULPs of the exact ones: no eps switch with a jump."""
    a = APPROXIMATIONS[name]
    ref = shared_reference(a)
    x = np.linspace(-2.7, 2.7, 37)
    y, dy_dx, dy_dalpha = _value_and_gradients(tf, getattr(dr, name), x, alpha)
    points = [(float(v), alpha) for v in x]
    assert _ulps(y, [ref.evaluate((), p) for p in points], np.float64).max() <= 4
    assert _ulps(dy_dx, [ref.evaluate(("x",), p) for p in points], np.float64).max() <= 4
    exact = np.array([float(ref.evaluate(("alpha",), p)) for p in points])
    # d/dalpha is O(alpha) and vanishes at the integers and half-integers
    assert np.max(np.abs(dy_dalpha - exact)) <= 8 * np.finfo(np.float64).eps * max(np.abs(exact).max(), alpha)


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("alpha", [20.0, 1e3, 1e6])
def test_large_alpha_is_finite_and_approaches_round(tf, dr, dtype, alpha):
    x = np.concatenate([np.linspace(-3, 3, 241), [0.5, -0.5, 2.5, 1e6 + 0.25]]).astype(dtype)
    x = np.concatenate([x, np.nextafter(x, np.inf), np.nextafter(x, -np.inf)])
    y, dy_dx, dy_dalpha = _value_and_gradients(tf, dr.soft_round, x, alpha)
    for name, values in (("value", y), ("d/dx", dy_dx), ("d/dalpha", dy_dalpha)):
        assert np.all(np.isfinite(values)), f"soft_round {name} not finite at alpha={alpha}"
    away = np.abs(np.abs(x - np.floor(x)) - 0.5) > 0.1
    np.testing.assert_allclose(y[away], np.round(x[away]), atol=2 * np.exp(-0.2 * alpha) + 1e-6)


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("alpha", [5.0, 50.0, 1e3, 1e6])
def test_inverse_is_finite_at_the_ends_of_its_range(tf, dr, dtype, alpha):
    """The paper's formula is atanh(+-1) at the half-integers; ours is finite
    there and next to them, value and gradients."""
    ends = np.array([-2.5, -1.5, -0.5, 0.5, 1.5, 2.5], dtype)
    y = np.concatenate([ends, np.nextafter(ends, np.inf), np.nextafter(ends, -np.inf)])
    value, dy_dx, dy_dalpha = _value_and_gradients(tf, dr.soft_round_inverse, y, alpha)
    for name, values in (("value", value), ("d/dy", dy_dx), ("d/dalpha", dy_dalpha)):
        assert np.all(np.isfinite(values)), f"soft_round_inverse {name} not finite at alpha={alpha}"
    # the half-integers are fixed points
    np.testing.assert_array_equal(value[: len(ends)], ends)


@pytest.mark.parametrize("alpha", [0.5, 5.0, 15.0])
def test_inverse_undoes_soft_round(tf, dr, alpha):
    x = np.linspace(-2.45, 2.45, 99)
    y = dr.soft_round(tf.constant(x), alpha=alpha)
    back = dr.soft_round_inverse(y, alpha=alpha).numpy()
    # error of y (a few ULPs) times the inverse's slope, at most sinh(alpha)/alpha
    slope = np.sinh(alpha) / alpha
    np.testing.assert_allclose(back, x, rtol=0, atol=8 * np.finfo(np.float64).eps * slope * 3)


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("alpha", [5.0, 50.0, 1e3, 1e6])
def test_inverse_is_finite_at_and_next_to_the_integers(tf, dr, dtype, alpha):
    """Its slope there, sinh(alpha)/alpha, is capped at sinh(80)/80 exactly at an
    integer; next to one every value and first derivative is finite."""
    integers = np.array([-2.0, -1.0, 0.0, 1.0, 2.0], dtype)
    y = np.concatenate([integers, np.nextafter(integers, np.inf), np.nextafter(integers, -np.inf), [1e-30, -1e-30]]).astype(dtype)
    value, dy_dx, dy_dalpha = _value_and_gradients(tf, dr.soft_round_inverse, y, alpha)
    for name, values in (("value", value), ("d/dy", dy_dx), ("d/dalpha", dy_dalpha)):
        assert np.all(np.isfinite(values)), f"soft_round_inverse {name} not finite at alpha={alpha}: {y[~np.isfinite(values)]}"
    np.testing.assert_array_equal(value[: len(integers)], integers)
    capped = np.sinh(min(alpha, 80.0)) / min(alpha, 80.0)
    np.testing.assert_allclose(dy_dx[: len(integers)], capped, rtol=4 * np.finfo(dtype).eps)


def test_reference_series_sum_stops_without_losing_digits():
    """The references' truncated series sums agree with the whole 96-term
    series to the working precision, for every order the verifier uses."""
    import mpmath

    from derive.functions import atanhc, sinhc, tanhc

    rng = np.random.default_rng(3)
    with mpmath.workdps(50):
        for cls in (sinhc, tanhc, atanhc):
            for order in range(5):
                terms = cls._derivative_series(order, mpmath.mp.prec)
                for scale in (0.25, 1e-3, 1e-20):
                    for u in rng.uniform(-1, 1, 40):
                        z = mpmath.mpf(float(u)) * scale
                        whole = mpmath.fsum(c * z**p for p, c in terms)
                        assert abs(cls._series_sum(terms, z) - whole) <= mpmath.mpf(10) ** -49 * abs(whole), (cls, order, z)



def test_a_remembered_reference_value_is_the_one_of_the_working_precision():
    """reference_value remembers its sums (derive/functions.py): asked again
    at another precision, it computes at that precision."""
    import mpmath

    from derive.functions import tanhc

    for z in (mpmath.mpf("0.1"), mpmath.mpf("0.7")):  # the series, and the direct form's derivative
        with mpmath.workdps(50):
            first = tanhc.reference_value(2, z)
        with mpmath.workdps(80):
            finer = tanhc.reference_value(2, z)
            if abs(z) < tanhc.REFERENCE_SERIES_BOUND:
                fresh = tanhc._series_sum(tanhc._derivative_series(2, mpmath.mp.prec), z)
            else:
                fresh = tanhc._direct_derivative(2)(z)
        assert finer == fresh and first != finer
        with mpmath.workdps(50):
            assert tanhc.reference_value(2, z) == first

def _published_dalpha(x, alpha):
    """d/dalpha and d2/dalpha dx of Agustsson & Theis's m + tanh(alpha*r)/(2*tanh(alpha/2)),
    m = floor(x) + 1/2, r = x - m, differentiated by hand; mpmath at 50 digits."""
    import mpmath

    with mpmath.workdps(50):
        x, alpha = mpmath.mpf(float(x)), mpmath.mpf(alpha)
        r = x - (mpmath.floor(x) + mpmath.mpf(1) / 2)
        big_t, sech2_r, sech2_half = mpmath.tanh(alpha / 2), mpmath.sech(alpha * r) ** 2, mpmath.sech(alpha / 2) ** 2
        d_alpha = r * sech2_r / (2 * big_t) - mpmath.tanh(alpha * r) * sech2_half / (4 * big_t**2)
        d_alpha_x = (
            sech2_r / (2 * big_t)
            - alpha * r * sech2_r * mpmath.tanh(alpha * r) / big_t
            - alpha * sech2_r * sech2_half / (4 * big_t**2)
        )
        return float(d_alpha), float(d_alpha_x)


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("alpha", [0.5, 1.0, 2.0, 3.9, 4.0, 5.0, 10.0, 30.0])
def test_dalpha_near_the_half_integers_matches_the_published_formula(tf, dr, dtype, alpha):
    """Issue 14, case 2: d/dalpha within 4 ULP of the published formula's on a
    dense grid within 1/20 of the half-integers, wherever x alone makes it well
    conditioned. x enters through its distance v to the half-integer, which
    the op computes exactly; rounding v once moves d/dalpha by
    kappa = v*|d2/dalpha dx|/|d/dalpha| relative roundings, and kappa <= 1
    holds everywhere next to the half-integers. (Before, the product form used
    there for alpha >= 4 cancelled to O(v): up to 1e14 ULP in float64 at
    alpha = 5 next to the half-integers.)"""
    dtype = np.dtype(dtype).type
    finfo = np.finfo(dtype)
    offsets = np.geomspace(4 * float(finfo.eps), 0.05, 120)
    xs = []
    for half_integer in (-2.5, -1.5, -0.5, 0.5, 1.5, 2.5):
        h = dtype(half_integer)
        xs += [np.nextafter(h, dtype(-np.inf)), np.nextafter(h, dtype(np.inf))]
        xs += list((half_integer + np.concatenate([offsets, -offsets])).astype(dtype))
    # the largest float below 1/2 is the period-boundary case of issue 14 (case 1), pinned on its own
    xs = np.array(sorted({v for v in xs if v != np.nextafter(dtype(0.5), dtype(0))}), dtype)
    x = tf.constant(xs)
    alphas = tf.fill(tf.shape(x), tf.constant(alpha, x.dtype))
    with tf.GradientTape() as tape:
        tape.watch(alphas)
        y = dr.soft_round(x, alpha=alphas)
    got = tape.gradient(y, alphas).numpy().astype(np.float64)
    exact, exact_dx = np.array([_published_dalpha(v, alpha) for v in xs]).T
    distance = np.abs(np.abs(xs.astype(np.float64) - np.floor(xs.astype(np.float64))) - 0.5)
    kappa = distance * np.abs(exact_dx) / np.abs(exact)
    well = kappa <= 1
    assert well.sum() >= len(xs) // 2
    ulps = _ulps(got, exact, dtype)
    worst = np.argmax(np.where(well, ulps, 0))
    assert ulps[worst] <= 4, f"{ulps[worst]:.2f} ULP at x={xs[worst]!r} (kappa {kappa[worst]:.2g})"


_BOUNDARY_CASES = (
    [("soft_round", a, "alpha_below_4" if a < 4 else "alpha_from_4") for a in (3.9999999, 4.0, 4.0000001)]
    # soft_round_inverse's regimes: alpha < 4, then alpha < 40 (from 4 on), then alpha >= 40
    + [("soft_round_inverse", a, "alpha_below_4" if a < 4 else "alpha_below_40") for a in (3.9999999, 4.0, 4.0000001)]
    + [("soft_round_inverse", a, "alpha_below_40" if a < 40 else "alpha_from_40") for a in (39.999999, 40.0, 40.000001)]
)


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("name, alpha, expected", _BOUNDARY_CASES)
def test_python_alpha_at_a_regime_boundary_is_accurate(tf, dr, dtype, name, alpha, expected):
    """A Python float alpha runs the kernels of the first regime that holds
    (soft_round: alpha < 4 or not; soft_round_inverse: alpha < 4, < 40 or
    not), chosen by the Python value, which the compute dtype may round onto
    the boundary itself (3.9999999 -> 4 in float32): value and d/dx stay
    within the verifier's bound of the 50-digit reference."""
    from derive.verification import KNOWN_LIMITS, accepted_error

    a = APPROXIMATIONS[name]
    op = getattr(dr, name)
    assert getattr(dr.tensorflow, name).__globals__["_OP"]._variant([alpha], [False]) == expected
    ref = shared_reference(a)
    xs = np.concatenate([np.linspace(-2.45, 2.45, 50), [0.0, 1.0, 0.25, -1.75, 1e-3, 0.499, -1.501]]).astype(dtype)
    x = tf.constant(xs)
    with tf.GradientTape() as tape:
        tape.watch(x)
        y = op(x, alpha=alpha)
    dy_dx = tape.gradient(y, x).numpy()
    computed_alpha = float(np.dtype(dtype).type(alpha))
    for wrt, got in (((), y.numpy()), (("x",), dy_dx)):
        # a documented known limit of this output and alpha sets the bound instead (at most its ULPs)
        limits = [lim.ulps for lim in KNOWN_LIMITS if lim.applies(a, {"alpha": alpha}, dtype, wrt, "tensorflow")]
        for v, g in zip(xs, got):
            point = (float(v), computed_alpha)
            exact = float(ref.evaluate(wrt, point))
            bound = accepted_error(a, ref, point, {"alpha": computed_alpha}, dtype, wrt)
            if limits:
                bound = max(bound, min(limits) * float(np.spacing(np.dtype(dtype).type(abs(exact)))))
            assert abs(float(g) - exact) <= bound, f"{name} d{wrt} at x={v!r}, alpha={alpha}: {g!r} vs {exact!r}"


@pytest.mark.parametrize("alpha", [4, 5, 15, 39])
@pytest.mark.parametrize(
    "function, points",
    [
        ("inverse_near_integer", ("1e-30", "1e-7", "0.01", "0.1", "0.2", "0.2499")),
        ("inverse_near_half_integer", ("0.25", "0.3", "0.4", "0.49", "0.4999999", "0.5")),
    ],
)
def test_the_inverse_forms_of_a_number_alpha_are_their_references(function, points, alpha):
    """soft_round_inverse for 4 <= alpha < 40 (a Python float alpha), next to
    the integers (one log1p) and the half-integers (atanh(w)/w's series):
    their forms and hand-written u-derivatives are the reference functions
    and their derivatives, to 35 digits."""
    import mpmath
    import sympy as sp

    from derive import functions
    from derive.reference import _numeric_functions, written_out

    a, u = sp.symbols("a u", positive=True)
    f = getattr(functions, function)(a, u)
    modules = [_numeric_functions(), "mpmath"]
    lowered = sp.lambdify((a, u), written_out(f.lowered()), modules=modules)
    slope = sp.lambdify((a, u), written_out(f.fdiff(2)), modules=modules)
    reference = sp.lambdify((a, u), f.reference(), modules=["mpmath"])
    reference_slope = sp.lambdify((a, u), sp.diff(f.reference(), u), modules=["mpmath"])
    # 60 digits: the reference's 1 - tanh(alpha/2)**2 loses 17 of them at alpha = 39
    with mpmath.workdps(60):
        for point in points:
            args = (mpmath.mpf(alpha), mpmath.mpf(point))
            assert abs(lowered(*args) / reference(*args) - 1) < mpmath.mpf("1e-35"), point
            assert abs(slope(*args) / reference_slope(*args) - 1) < mpmath.mpf("1e-35"), point


def test_a_regime_takes_the_parameter_values_no_earlier_regime_takes():
    """soft_round_inverse's regimes are alpha < 4, alpha < 40 and alpha >= 40:
    the value kernel of the second (4 <= alpha < 40) computes one log1p and
    one series per element (for_fixed_parameters' fixed form), none of the
    forms that alpha < 4 or alpha >= 40 take next to the integers, and its
    gradient kernel neither."""
    import sympy as sp

    from derive.rendering import regime_kernels

    def calls(kernel):
        counts = {}
        for _, e in kernel.body + kernel.outputs:
            for f in e.atoms(sp.Function):
                counts[type(f).__name__] = counts.get(type(f).__name__, 0) + 1
        return counts

    regimes = regime_kernels(APPROXIMATIONS["soft_round_inverse"])
    assert [tag for tag, _, _ in regimes] == ["alpha_below_4", "alpha_below_40", "alpha_from_40"]
    counts = {tag: calls(group["value"]) for tag, _, group in regimes}
    assert (counts["alpha_below_40"]["log1p"], counts["alpha_below_40"]["atanhc_small"]) == (1, 1)
    assert "log" not in counts["alpha_below_40"]
    assert counts["alpha_below_4"]["atanhc_small"] == 2 and counts["alpha_from_40"]["log1p"] > 1
    # and its gradient one quotient per form: no series, no logarithm
    gradient = calls(dict((tag, group) for tag, _, group in regimes)["alpha_below_40"]["gradient"])
    assert not {"atanhc_small", "atanhc_small_d1", "log", "log1p"} & set(gradient), gradient


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("alpha", [79.0, 81.0, 100.0, 300.0])
@pytest.mark.parametrize("as_tensor", [False, True], ids=["python", "tensor"])
def test_large_alpha_next_to_the_integers_is_accurate(tf, dr, dtype, alpha, as_tensor):
    """Next to 0 the result is the small term itself, so its relative error shows:
    beyond alpha = 80 the form used to take 1 - exp(-2*alpha*u), which cancels
    as u -> 0 (a relative error of 3.4e-12 in float64 at alpha = 81, x = 1e-7),
    and alpha*(1 - 2*u) rounded next to alpha (tens of ULPs in float64). Value
    and d/dx within the verifier's bound of the reference, where it is a
    normal number; with alpha a Python float (its regime's kernels) and a
    tensor."""
    from derive.verification import accepted_error

    a = APPROXIMATIONS["soft_round"]
    ref = shared_reference(a)
    xs = np.array([1e-7, -1e-5, 1e-3, -0.01, 0.05, 0.1, -0.2, 0.24, 0.26, -0.3, 0.4, 1.001, -2.2], dtype)
    x = tf.constant(xs)
    param = tf.constant(alpha, x.dtype) if as_tensor else alpha
    with tf.GradientTape() as tape:
        tape.watch(x)
        y = dr.soft_round(x, alpha=param)
    dy_dx = tape.gradient(y, x).numpy()
    tiny = np.finfo(dtype).tiny
    checked = 0
    for wrt, got in (((), y.numpy()), (("x",), dy_dx)):
        for v, g in zip(xs, got):
            point = (float(v), alpha)
            exact = float(ref.evaluate(wrt, point))
            if abs(exact) < tiny:
                assert abs(float(g)) <= 2 * tiny, f"d{wrt} at x={v!r}: {g!r} vs {exact!r}"
                continue
            bound = accepted_error(a, ref, point, {"alpha": alpha}, dtype, wrt)
            assert abs(float(g) - exact) <= bound, f"d{wrt} at x={v!r}, alpha={alpha}: {g!r} vs {exact!r}"
            checked += 1
    assert checked >= 4


# -- points where the stricter rule (verify_derivatives.py --strict) once failed -------
# References here are the published formulas at 60 digits, differentiated with mpmath.


def _published(name, x, alpha):
    """Agustsson & Theis 2020: soft_round m + tanh(alpha*r)/(2*tanh(alpha/2)) and its
    inverse m + atanh(2*r*tanh(alpha/2))/alpha, m = floor(x) + 1/2, r = x - m."""
    import mpmath

    m = mpmath.floor(x) + mpmath.mpf(1) / 2
    big_t = mpmath.tanh(alpha / 2)
    if name == "soft_round":
        return m + mpmath.tanh(alpha * (x - m)) / (2 * big_t)
    return m + mpmath.atanh(2 * (x - m) * big_t) / alpha


def _published_derivative(name, x, alpha, wrt):
    """d/d(wrt) of the published formula at (x, alpha), wrt a tuple of "x" and "alpha"."""
    import mpmath

    with mpmath.workdps(60):
        orders = (wrt.count("x"), wrt.count("alpha"))
        point = (mpmath.mpf(float(x)), mpmath.mpf(alpha))
        return mpmath.diff(lambda u, a: _published(name, u, a), point, orders)


def _op_outputs(tf, op, xs, alpha):
    """Value, first and second derivatives at each x, alpha a tensor shaped like x
    (so that per-point alpha-derivatives come out of the tape)."""
    x = tf.constant(xs)
    a = tf.fill(tf.shape(x), tf.constant(alpha, x.dtype))
    with tf.GradientTape(persistent=True) as outer:
        outer.watch([x, a])
        with tf.GradientTape() as inner:
            inner.watch([x, a])
            y = op(x, alpha=a)
        dx, da = inner.gradient(y, [x, a])
    dxx, dxa = outer.gradient(dx, [x, a])
    daa = outer.gradient(da, a)
    return {(): y, ("x",): dx, ("alpha",): da, ("x", "x"): dxx, ("x", "alpha"): dxa, ("alpha", "alpha"): daa}


@pytest.mark.parametrize("xla", [True, False])
@pytest.mark.parametrize(
    "name, dtype, alpha, xs, wrt",
    [
        # soft_round next to the integers: exp(-2*alpha*v) from a rounded alpha*v, and
        # (compiled) XLA's merge of exp(-alpha)*exp(2*alpha*u) into it: 5 to 7 ULP
        ("soft_round", "float32", 15.0, (-8.101576e-07, -3.0000002), ("x",)),
        ("soft_round", "float64", 15.0, (-0.0006780523157298256,), ("x",)),
        ("soft_round", "float64", 5.0, (-6.896914465920188e-08,), ("x", "x")),
        ("soft_round", "float64", 5.0, (-6.896914465920188e-08,), ("x", "alpha")),
        ("soft_round", "float32", 5.0, (-0.99999994, -1023.99994), ("x", "x")),
        ("soft_round", "float64", 5.0, (-1.668,), ("alpha",)),
        ("soft_round", "float64", 5.0, (-1024.2499999999998,), ("alpha", "alpha")),
        # soft_round_inverse next to an integer past its first form: 1/2 - atanh(w)/alpha
        # cancelled (8.6 ULP, 10.6 with alpha a tensor as here)
        ("soft_round_inverse", "float32", 15.0, (-6.118043e-07, -0.0003), ()),
    ],
)
def test_well_conditioned_points_within_four_ulp(tf, dr, name, dtype, alpha, xs, wrt, xla):
    """soft_round(_inverse): at these points rounding x (measured from the nearer integer or half-integer)
    moves the output by less than half an ULP, and alpha is exact: the stricter rule
    holds the op to 4 ULP of the published formula there."""
    xs = np.array(xs, dtype)
    try:
        dr.set_xla(xla)
        got = _op_outputs(tf, getattr(dr, name), xs, alpha)[wrt].numpy()
    finally:
        dr.set_xla(True)
    exact = [_published_derivative(name, v, alpha, wrt) for v in xs]
    ulps = _ulps(got, exact, dtype)
    assert ulps.max() <= 4, f"{name} d{wrt} at {xs[np.argmax(ulps)]!r}: {ulps.max():.2f} ULP"


@pytest.mark.parametrize("dtype", DTYPES)
def test_d2_dalpha2_at_alpha_zero_next_to_the_half_integers(tf, dr, dtype):
    """At alpha = 0 next to a half-integer d2/dalpha2 = -t*v*(1 + 2*v)/3, t = x - round(x),
    v = 1/2 - |t| (the alpha**2 coefficient of the published formula, by hand: tanh(a*r)
    /(2*tanh(a/2)) = r*(1 + a**2*(1/12 - r**2)/3 + ...), r = -sign(t)*v, twice): 2*t*(u**2/6 -
    1/24 - v**2/2), u = |t|, cancelled to O(v) and was 1.5e15 ULP off in float64. Both
    formulas are checked against mpmath's derivative of the published form at alpha = 1e-20."""
    import mpmath

    dtype_ = np.dtype(dtype).type
    halves = np.array([0.5, -0.5, 2.5, -1.5], dtype)
    xs = np.concatenate([np.nextafter(halves, dtype_(0)), np.nextafter(halves, dtype_(10) * halves)])
    xs = np.concatenate([xs, np.array([0.3, -0.45, 1.26], dtype)])
    got = _op_outputs(tf, dr.soft_round, xs, 0.0)[("alpha", "alpha")].numpy()
    exact = []
    with mpmath.workdps(60):
        for v in xs:
            x = mpmath.mpf(float(v))
            t = x - mpmath.floor(x + mpmath.mpf(1) / 2)
            distance = mpmath.mpf(1) / 2 - abs(t)
            closed = -t * distance * (1 + 2 * distance) / 3
            tiny = mpmath.mpf(10) ** -20
            numeric = mpmath.diff(lambda a: _published("soft_round", x, a), tiny, 2)
            assert abs(numeric - closed) <= mpmath.mpf(10) ** -30 * abs(closed), (v, numeric, closed)
            exact.append(closed)
    ulps = _ulps(got, exact, dtype)
    assert ulps.max() <= 4, f"{ulps.max():.3g} ULP at x={xs[np.argmax(ulps)]!r}"
