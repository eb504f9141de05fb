"""Properties of every op at points hypothesis draws, decided generically:
from the catalog (hard function, modes, the declared ``monotone``) and from
the 50-digit reference, never from per-op expectations.

- finite value, first derivatives and d2/dx2 on finite input (unless the
  exact value overflows the dtype, or a documented known limit applies);
- monotone ops are non-decreasing, and so is their reference;
- where the reference equals the hard function at an integer, the op
  returns exactly that value (a quantizer composed with roundings, scale,
  clip and round: its level as the verifier accepts, see rounded_on_the_way);
- the symmetry of the hard function's family (round and sign: f(-x) = -f(x);
  step: f(c - d) = 1 - f(c + d)) holds for the op, within the error the
  verifier accepts at the two points (exactly in ste mode), wherever the
  reference says it holds;
- ste mode's forward is bit-equal to the hard function (a quantizer: as above);
- NaN in gives NaN out, +-inf the hard function's value there (a clipped
  quantizer's clip value), with zero gradients, in eager mode and in tf.function.

Drawn parameters keep to the entry's constraints (min < max) and draw a bool
parameter as 0 or 1, passed as False or True.
"""

import math

import mpmath
import numpy as np
import pytest
import sympy as sp
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from derive.catalog import CATALOG
from derive.functions import HardFunction, hard_step
from derive.reference import written_out
from derive.spec import Approximation, x
from derive.verification import INSIDE, KNOWN_LIMITS, LARGE, accepted_error, output_label
from derive.verification.evaluation import call_op
from derive.verification.decisions import applies as decisions_apply
from derive.verification.decisions import hard_tolerance, near_decisions
from derive.verification.grids import meets_constraints
from shared_references import shared_reference

APPROXIMATIONS = {a.name: a for a in CATALOG if isinstance(a, Approximation)}
NAMES = sorted(APPROXIMATIONS)
MONOTONE = [n for n in NAMES if APPROXIMATIONS[n].monotone]
WITH_STE = [n for n in NAMES if "ste" in APPROXIMATIONS[n].modes]
DTYPES = ("float32", "float64")
PROPERTIES = settings(
    max_examples=12,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


# -- strategies --------------------------------------------------------------------------
def finite(dtype):
    width = 32 if dtype == "float32" else 64
    near = st.floats(-4, 4, width=width)
    anywhere = st.floats(allow_nan=False, allow_infinity=False, allow_subnormal=False, width=width)
    steps = st.integers(-4000, 4000).map(lambda k: k / 2)
    neighbour = steps.map(lambda v: float(np.nextafter(np.array(v, dtype), np.array(np.inf, dtype))))
    finfo = np.finfo(dtype)
    ends = [float(finfo.max), float(finfo.tiny) * 2.0**30, 2.0 ** (finfo.nmant + 1), 0.5 - float(finfo.epsneg) / 2]
    extremes = st.sampled_from(ends + [-v for v in ends])
    return st.one_of(near, anywhere, steps, neighbour, extremes)


def float_param(a, name, dtype):
    """The domain, cut to [-LARGE, LARGE], open ends moved in by INSIDE (as the verifier's ends)."""
    domain = a.params[name].valid_set
    low = -LARGE if domain.inf == -sp.oo else float(domain.inf)
    high = LARGE if domain.sup == sp.oo else float(domain.sup)
    if domain.left_open and domain.inf != -sp.oo:
        low += INSIDE * max(1.0, abs(low))
    if domain.right_open and domain.sup != sp.oo:
        high -= INSIDE * max(1.0, abs(high))
    width = 32 if dtype == "float32" else 64
    return st.floats(low, high, width=width)


PADDED_LENGTH = 16  # the longest xs drawn (monotone: 8 points and their neighbours)


@st.composite
def cases(draw, name, size=6):
    """(dtype, xs, float params, int params)."""
    a = APPROXIMATIONS[name]
    dtype = draw(st.sampled_from(DTYPES))
    xs = draw(st.lists(finite(dtype), min_size=1, max_size=size))
    floats = {n: draw(float_param(a, n, dtype)) for n in a.float_params}
    # the parameter sets a valid call takes (min < max), as the verifier's
    assume(meets_constraints(a, floats))
    # the lowest few values of each int (0 and 1 of a bool, which call passes as False and True)
    ints = {}
    for n in a.int_params:
        domain = a.params[n].valid_set
        ints[n] = draw(st.integers(int(domain.inf), int(min(domain.inf + 2, domain.sup))))
    return dtype, np.array(xs, dtype), floats, ints


# -- evaluation --------------------------------------------------------------------------
def call(tf, dr, a, x, floats, ints, mode):
    return call_op(getattr(dr, a.name), a, x, floats, ints, mode)


def padded(xs):
    """xs repeated to at least PADDED_LENGTH values: XLA compiles each kernel
    once per shape, and hypothesis draws many lengths (cut results to len(xs))."""
    return np.resize(xs, max(PADDED_LENGTH, len(xs)))


def call_padded(tf, dr, a, xs, floats, ints, mode):
    """op(xs) as NumPy, through padded(xs)."""
    if len(xs) == 0:
        return xs
    return call(tf, dr, a, tf.constant(padded(xs)), floats, ints, mode).numpy()[: len(xs)]


def value_and_derivatives(tf, dr, a, xs, floats, ints, mode, dtype):
    """{output label: values} for f, every first derivative and d2/dx dx, through padded(xs)."""
    x = tf.constant(padded(xs), getattr(tf, dtype))
    params = {n: tf.fill(tf.shape(x), tf.constant(v, x.dtype)) for n, v in floats.items()}
    watched = [x, *params.values()]
    with tf.GradientTape(persistent=True) as outer:
        outer.watch(watched)
        with tf.GradientTape() as inner:
            inner.watch(watched)
            y = call(tf, dr, a, x, params, ints, mode)
        firsts = inner.gradient(y, watched)
    second = outer.gradient(firsts[0], x)
    names = ["x", *floats]
    out = {(): y, **{(n,): g for n, g in zip(names, firsts)}, ("x", "x"): second}
    return {wrt: v.numpy().astype(np.float64)[: len(xs)] for wrt, v in out.items()}


def point(xs_value, a, floats, dtype):
    return (float(xs_value), *[float(np.dtype(dtype).type(floats[n])) for n in a.float_params])


def rounded_on_the_way(a, ref, xs, floats, ints, dtype):
    """Where the op's hard value may differ from the 50-digit hard function:
    a quantizer composed with roundings (scale, clip, round: derive/verification/
    decisions.py) takes either level within its argument's rounding of a jump,
    and elsewhere its level within the condition bound of the level's magnitude,
    as the verifier accepts; (mask, tolerance), all False and 0 for other ops."""
    if not decisions_apply(a):
        return np.zeros(len(xs), dtype=bool), np.zeros(len(xs))
    points = [point(v, a, floats, dtype) for v in xs]
    return near_decisions(a, floats, ints, xs, dtype), hard_tolerance(ref, points, dtype)


def assert_hard_values(a, ref, xs, floats, ints, dtype, got, label):
    """got is the hard function at xs: exactly, or as rounded_on_the_way allows."""
    with np.errstate(over="ignore"):
        expected = np.array([float(ref.hard(point(v, a, floats, dtype))) for v in xs], dtype).astype(np.float64)
    near, tolerance = rounded_on_the_way(a, ref, xs, floats, ints, dtype)
    wrong = (got != expected) & ~near & ~(np.abs(got - expected) <= tolerance)
    assert not np.any(wrong), (
        f"{label}: f({xs[wrong][0]!r}) = {got[wrong][0]!r}, the hard function {expected[wrong][0]!r} {floats}{ints}"
    )


def known_limit(a, floats, dtype, wrt, value) -> bool:
    return any(
        lim.applies(a, floats, dtype, wrt) and lim.region(a, floats, np.array([value]), dtype)[0]
        for lim in KNOWN_LIMITS
    )


# -- properties ----------------------------------------------------------------------------
@pytest.mark.parametrize("name", NAMES)
def test_finite_on_finite_input(tf, dr, name):
    a = APPROXIMATIONS[name]

    @PROPERTIES
    @given(cases(name))
    def check(case):
        dtype, xs, floats, ints = case
        largest = float(np.finfo(dtype).max)
        for mode in a.modes:
            for wrt, values in value_and_derivatives(tf, dr, a, xs, floats, ints, mode, dtype).items():
                for v, got in zip(xs, values):
                    if np.isfinite(got) or known_limit(a, floats, dtype, wrt, v):
                        continue
                    if wrt == () and mode == "ste":
                        exact = shared_reference(a, ints).hard(point(v, a, floats, dtype))
                    else:
                        exact = shared_reference(a, ints).evaluate(wrt, point(v, a, floats, dtype))
                    assert abs(exact) > largest and got == math.copysign(math.inf, float(exact)), (
                        f"{name} {mode} {dtype} {output_label(wrt)} = {got} at x={v!r} {floats}{ints}, exact {exact}"
                    )

    check()


@pytest.mark.parametrize("name", MONOTONE)
def test_monotone_ops_never_decrease(tf, dr, name):
    a = APPROXIMATIONS[name]

    @PROPERTIES
    @given(cases(name, size=8), st.integers(1, 64))
    def check(case, ulps):
        dtype, xs, floats, ints = case
        # only parameters the entry admits (lower < upper: monotone), as the verifier's parameter sets
        assume(all(bool(c.xreplace({a.params[n].symbol: sp.Float(v) for n, v in floats.items()})) for c in a.constraints))
        # each drawn x and a neighbour a few ULPs up: the close pairs where rounding could invert the order
        with np.errstate(over="ignore"):
            xs = np.sort(np.concatenate([xs, xs + ulps * np.spacing(xs)]).astype(dtype))
        # TensorFlow's CPU kernels flush subnormal inputs to zero
        xs = xs[np.isfinite(xs) & ((xs == 0) | (np.abs(xs) >= np.finfo(dtype).tiny))]
        ref = shared_reference(a, ints)
        exact = [ref.evaluate((), point(v, a, floats, dtype)) for v in xs]
        # to the reference's 40 digits
        with mpmath.workdps(60):
            slack = mpmath.mpf(10) ** -40
            assert all(lo - hi <= slack * max(1, abs(hi)) for lo, hi in zip(exact, exact[1:])), (
                f"{name} is declared monotone; its reference is not"
            )
        for mode in a.modes:
            got = call_padded(tf, dr, a, xs, floats, ints, mode)
            drops = np.flatnonzero(got[1:] < got[:-1])
            assert drops.size == 0, f"{name} {mode} {dtype}: f({xs[drops[0] + 1]!r}) < f({xs[drops[0]]!r})"

    check()


@pytest.mark.parametrize("name", NAMES)
def test_exact_where_the_reference_is_the_hard_value_at_an_integer(tf, dr, name):
    a = APPROXIMATIONS[name]
    if a.hard is None:
        pytest.skip(f"{name} has no hard function")

    checked = []

    @PROPERTIES
    @given(cases(name), st.lists(st.integers(-(2**20), 2**20), min_size=1, max_size=6))
    def check(case, integers):
        dtype, _, floats, ints = case
        xs = np.array(integers, dtype)
        ref = shared_reference(a, ints)
        for mode in a.modes:
            got = call_padded(tf, dr, a, xs, floats, ints, mode).astype(np.float64)
            exact = np.array([ref.evaluate((), point(v, a, floats, dtype)) == ref.hard(point(v, a, floats, dtype)) for v in xs])
            checked.extend(xs[exact])
            assert_hard_values(a, ref, xs[exact], floats, ints, dtype, got[exact], f"{name} {mode} {dtype}")

    check()


def _family(a):
    """The hard function's symmetry as (centre of x, transform of f), or None."""
    if a.hard is None:
        return None
    # the one hard function of x (TensorFlow's fake quant rounds its zero point, of the parameters alone)
    of_x = [h for h in a.hard_expr.atoms(HardFunction) if h.args[0].has(x)]
    if len(of_x) != 1:
        return None
    (h,) = of_x
    roots = sp.solve(written_out(h.args[0]), x)  # a quantizer's divided(a, b) as a / b
    if len(roots) != 1:
        return None
    centre = roots[0]
    if isinstance(h, hard_step):
        return centre, lambda f: 1 - f
    return centre, lambda f: -f


@pytest.mark.parametrize("name", NAMES)
def test_symmetry_of_the_hard_family_where_the_reference_has_it(tf, dr, name):
    a = APPROXIMATIONS[name]
    family = _family(a)
    if family is None:
        pytest.skip(f"{name}: no symmetric hard function")
    centre_expr, transform = family
    symbols = {a.params[n].symbol: n for n in a.float_params}

    checked = []

    @PROPERTIES
    @given(cases(name))
    def check(case):
        dtype, xs, floats, ints = case
        values = {s: float(np.dtype(dtype).type(floats[n])) for s, n in symbols.items()}
        centre = float(centre_expr.xreplace(values))
        mirrored = (2 * centre - xs.astype(np.float64)).astype(dtype)
        ref = shared_reference(a, ints)
        for mode in a.modes:
            got = call_padded(tf, dr, a, xs, floats, ints, mode).astype(np.float64)
            back = call_padded(tf, dr, a, mirrored, floats, ints, mode).astype(np.float64)
            for v, m, f, g in zip(xs, mirrored, got, back):
                if mpmath.mpf(float(m)) != 2 * mpmath.mpf(centre) - mpmath.mpf(float(v)) or not np.isfinite(f):
                    continue  # the mirror point is not exactly representable
                if any(0 < abs(float(t)) < np.finfo(dtype).tiny for t in (v, m)):
                    continue  # TensorFlow's CPU kernels flush subnormal inputs to zero
                p, q = point(v, a, floats, dtype), point(m, a, floats, dtype)
                exact = ref.hard(p) if mode == "ste" else ref.evaluate((), p)
                exact_m = ref.hard(q) if mode == "ste" else ref.evaluate((), q)
                with mpmath.workdps(60):
                    # relative to the values: a quantizer's range may be 1e-200 wide
                    if abs(exact_m - transform(exact)) > mpmath.mpf(10) ** -40 * max(abs(exact), abs(exact_m)):
                        continue  # not symmetric here (e.g. at a jump, or sign(0) = +1)
                checked.append(v)
                if mode == "ste":
                    allowed = 0.0  # the hard function is exact
                else:
                    allowed = accepted_error(a, ref, p, floats, dtype) + accepted_error(a, ref, q, floats, dtype)
                assert abs(g - transform(f)) <= allowed, (
                    f"{name} {mode} {dtype}: f({m!r}) = {g!r} but the symmetric value is {transform(f)!r}"
                )

    check()
    if name != "hard_step":  # its ramp starts at the threshold: no symmetry to check
        assert checked, f"{name}: no drawn point was symmetric by the reference"


@pytest.mark.parametrize("name", WITH_STE)
def test_ste_forward_is_bit_equal_to_the_hard_function(tf, dr, name):
    a = APPROXIMATIONS[name]

    @PROPERTIES
    @given(cases(name, size=12))
    def check(case):
        dtype, xs, floats, ints = case
        got = call_padded(tf, dr, a, xs, floats, ints, "ste").astype(np.float64)
        # at x as the kernels see it: TensorFlow's CPU kernels flush subnormal inputs to zero
        seen = np.where(np.abs(xs) < np.finfo(dtype).tiny, np.zeros_like(xs), xs)
        # the hard function rounded to the dtype: exact, or what a quantizer's roundings allow
        assert_hard_values(a, shared_reference(a, ints), seen, floats, ints, dtype, got, f"{name} ste {dtype}")

    check()


@pytest.mark.parametrize("name", NAMES)
def test_nan_gives_nan_and_infinities_the_hard_value_with_zero_gradients_or_their_limits(tf, dr, name):
    """NaN x: NaN, and nothing added to any gradient. +-inf: the hard
    function's value there, and zero gradients, but for a clipped op, whose
    gradients at +-inf are their limits: those at the largest floats."""
    a = APPROXIMATIONS[name]
    floats = {n: float(a.params[n].default) for n in a.float_params}
    ints = {n: int(a.params[n].default) for n in a.int_params}
    ref = shared_reference(a, ints)
    specials = [math.nan, math.inf, -math.inf]
    for dtype in DTYPES:
        xs = np.array(specials + [0.3, -2.75], dtype)
        largest = np.finfo(dtype).max
        for mode in a.modes:

            def run(x, mode=mode):
                params = {n: tf.constant(v, x.dtype) for n, v in floats.items()}
                with tf.GradientTape() as tape:
                    tape.watch([x, *params.values()])
                    y = call(tf, dr, a, x, params, ints, mode)
                return y, tape.gradient(y, [x, *params.values()])

            def run_with_numbers(x, mode=mode):
                # Python-float parameters: the kernels of x alone, or of the parameters' regime
                with tf.GradientTape() as tape:
                    tape.watch(x)
                    y = call(tf, dr, a, x, floats, ints, mode)
                return y, [tape.gradient(y, x)]

            x = tf.constant(xs)
            # the finite entries alone: the values and parameter gradients to compare with
            finite_only = call(tf, dr, a, tf.constant(xs[3:]), floats, ints, mode).numpy()
            finite_gradients = run(tf.constant(xs[3:]))[1][1:]
            at_infinities = np.zeros(2, dtype)  # d/dx at +inf and -inf
            if a.clipped:
                # the largest floats' gradients, added to the finite entries' sums
                x_largest, *largest_gradients = run(tf.constant([largest, -largest], dtype))[1]
                at_infinities = x_largest.numpy()
                finite_gradients = [f + g for f, g in zip(finite_gradients, largest_gradients)]
            for y, grads in (run(x), tf.function(run)(x), run_with_numbers(x), tf.function(run_with_numbers)(x)):
                y = y.numpy()
                assert np.isnan(y[0]), (name, mode, dtype)
                for i, v in ((1, math.inf), (2, -math.inf)):
                    expected = v if a.hard is None else float(ref.hard((v, *floats.values())))
                    assert y[i] == expected, (name, mode, dtype, v, y[i])
                # Python-float parameters run the kernels without parameter derivatives,
                # whose shared subexpressions may round differently (soft_round: 1 ULP)
                np.testing.assert_array_max_ulp(y[3:], finite_only, maxulp=2)
                assert grads[0].numpy()[0] == 0.0, (name, mode, dtype)
                np.testing.assert_array_equal(grads[0].numpy()[1:3], at_infinities)
                for g, only in zip(grads[1:], finite_gradients):
                    # a parameter's gradient sums over x: NaN adds nothing, +-inf their limits or nothing
                    np.testing.assert_allclose(g.numpy(), only.numpy(), rtol=1e-6)


@pytest.mark.parametrize("name", [n for n in NAMES if APPROXIMATIONS[n].clipped])
def test_a_clipped_op_is_constant_in_x_beyond_a_finite_range(name):
    """``clipped`` claims that the derivatives have limits at +-inf, which the
    op gives there: by the reference, every first and second derivative is the
    same at +-1e30 and at +-the largest float64."""
    a = APPROXIMATIONS[name]
    floats = {n: float(a.params[n].default) for n in a.float_params}
    ref = shared_reference(a)
    names = ref.names
    outputs = [(n,) for n in names] + [(n, m) for i, n in enumerate(names) for m in names[i:]]
    largest = float(np.finfo(np.float64).max)
    for side in (1.0, -1.0):
        for wrt in outputs:
            far, farthest = (ref.evaluate(wrt, (side * v, *floats.values())) for v in (1e30, largest))
            assert far == farthest, (name, side, wrt, far, farthest)
        # and the value there is the hard function's, whatever x
        assert ref.hard((side * 1e30, *floats.values())) == ref.hard((side * largest, *floats.values()))


@pytest.mark.parametrize("name", NAMES)
def test_no_nan_gradient_through_a_masking_where(tf, dr, name):
    """tf.where(mask, op(x), 0): the masked-out entries (NaN inputs, huge
    inputs) add nothing to any gradient."""
    a = APPROXIMATIONS[name]
    floats = {n: tf.Variable(float(a.params[n].default), dtype=tf.float32) for n in a.float_params}
    x = tf.constant([math.nan, 0.3, 1e30, -0.7, math.inf])
    keep = tf.constant([False, True, False, True, False])
    with tf.GradientTape() as tape:
        tape.watch(x)
        y = tf.where(keep, call(tf, dr, a, x, floats, {}, a.mode), 0.0)
        loss = tf.reduce_sum(y)
    grads = tape.gradient(loss, [x, *floats.values()])
    for g in grads:
        assert np.all(np.isfinite(g.numpy())), (name, g)
