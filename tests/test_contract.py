"""The public contract of every op: dtypes, errors, finiteness, graph modes."""

import numpy as np
import pytest

from derive.catalog import CATALOG
from shared_references import shared_reference
from derive.spec import Approximation

APPROXIMATIONS = {a.name: a for a in CATALOG if isinstance(a, Approximation)}
NAMES = sorted(APPROXIMATIONS)
GRID = np.array([-2.5, -1.0, -0.7, -0.5, 0.0, 0.3, 0.5, 0.5001, 1.5, 2.25, 1e3 + 0.4], np.float64)


def call(dr, name, x, **kwargs):
    return getattr(dr, name)(x, **kwargs)


def modes(name):
    return APPROXIMATIONS[name].modes


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("dtype", ["float16", "bfloat16", "float32", "float64"])
def test_output_has_the_input_dtype_and_finite_gradients(tf, dr, name, dtype):
    x = tf.constant(GRID[:-1], getattr(tf, dtype))
    for mode in modes(name):
        kwargs = {"mode": mode} if len(modes(name)) > 1 else {}
        with tf.GradientTape() as tape:
            tape.watch(x)
            y = call(dr, name, x, **kwargs)
        grad = tape.gradient(y, x)
        assert y.dtype == x.dtype and grad.dtype == x.dtype
        assert np.all(np.isfinite(tf.cast(grad, tf.float32).numpy()))


EXTREMES = [
    ("sigmoid_round", {"steepness": 1e6}),
    ("fast_sigmoid_step", {"steepness": 1e6}),
    ("atan_step", {"alpha": 1e6}),
    ("swish_sign", {"beta": 1e6}),
    ("ste_sign", {"clip": 1e-6}),
    ("sigmoid_step", {"steepness": 1e6}),
    ("sine_round", {"width": 1e-6}),
    ("triangle_step", {"width": 1e-6}),
    ("hard_step", {"gain": 1e12}),
    ("fourier_round", {"terms": 64}),
    ("sine_staircase_round", {"depth": 8}),
]


# Known limit: in float32 the second derivatives of atan_step and swish_sign
# that involve alpha or beta overflow (inf * 0 = NaN) once (alpha*x)**2 exceeds
# the float32 range, i.e. |alpha*x| > ~1.8e19; with alpha = 1e6 they are
# checked up to |x| = 1e12.
LARGE_X = {("atan_step", "float32"): 1e12, ("swish_sign", "float32"): 1e12}


@pytest.mark.parametrize("name,params", EXTREMES, ids=[e[0] for e in EXTREMES])
@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_finite_at_the_ends_of_the_parameter_domains(tf, dr, name, params, dtype):
    large = LARGE_X.get((name, dtype), 1e30)
    xs = np.concatenate([np.linspace(-3, 3, 601), [0.5, -0.5, 1e-7, 0.4999999, 3e4 + 0.5, -large, large]])
    x = tf.constant(xs, getattr(tf, dtype))
    tensors = {k: tf.constant(v, getattr(tf, dtype)) if isinstance(v, float) else v for k, v in params.items()}
    watched = [x] + [v for v in tensors.values() if tf.is_tensor(v)]
    for mode in modes(name):
        with tf.GradientTape(persistent=True) as outer:
            outer.watch(watched)
            with tf.GradientTape() as inner:
                inner.watch(watched)
                y = call(dr, name, x, mode=mode, **tensors)
            firsts = inner.gradient(y, watched)
        seconds = outer.gradient(firsts[0], watched)
        for t in [y, *firsts, *seconds]:
            assert np.all(np.isfinite(t.numpy())), (name, mode)


@pytest.mark.parametrize("name", NAMES)
def test_eager_function_and_xla_agree(tf, dr, name):
    x = tf.constant(GRID, tf.float32)

    def value_and_gradient(x):
        with tf.GradientTape() as tape:
            tape.watch(x)
            y = call(dr, name, x)
        return y, tape.gradient(y, x)

    eager = value_and_gradient(x)
    graph = tf.function(value_and_gradient)(x)
    xla = tf.function(value_and_gradient, jit_compile=True)(x)
    for other in (graph, xla):
        np.testing.assert_allclose(other[0].numpy(), eager[0].numpy(), rtol=2e-6, atol=2e-6)
        np.testing.assert_allclose(other[1].numpy(), eager[1].numpy(), rtol=2e-5, atol=2e-5)



def test_autograph_does_not_convert_the_runtime(tf, dr):
    """A tf.function converts with autograph whatever it calls, unless that
    is marked not to be: the ops' entry points are (the runtime and the
    kernels take no branch on a tensor's value), so a user's first trace does
    not convert them; the graph and XLA results above are taken this way."""
    from tensorflow.python.autograph.impl.api import is_autograph_artifact

    assert is_autograph_artifact(dr.tensorflow._runtime.Op.__call__)
    assert is_autograph_artifact(dr.tensorflow._random.RandomOp.__call__)

STE_HARD = {"round": np.round, "step": lambda v: (v >= 0).astype(v.dtype)}


@pytest.mark.parametrize("name", NAMES)
def test_ste_forward_is_bit_exact(tf, dr, name):
    a = APPROXIMATIONS[name]
    if "ste" not in a.modes:
        pytest.skip(f"{name} has no ste mode")
    xs = np.concatenate([GRID, np.arange(-5, 5) + 0.5, np.nextafter(np.arange(-5, 5) + 0.5, 9)]).astype(np.float32)
    kwargs = {"mode": "ste"} if len(a.modes) > 1 else {}
    got = call(dr, name, tf.constant(xs), **kwargs).numpy()
    ref = shared_reference(a)
    params = tuple(float(np.float32(a.params[n].default)) for n in a.float_params)
    expected = np.array([float(ref.hard((float(v), *params))) for v in xs], np.float32)
    np.testing.assert_array_equal(got, expected)


def test_heaviside_is_one_at_zero_and_its_gradients_are_the_surrogates(tf, dr):
    x = tf.constant([-1.5, -0.5, 0.0, 0.25, 2.0], tf.float64)
    surrogates = (
        ("sigmoid", "sigmoid_step", (1.0, 0.0)),
        ("triangle", "triangle_step", (1.0, 0.0)),
        ("fast_sigmoid", "fast_sigmoid_step", (25.0, 0.0)),
        ("atan", "atan_step", (2.0, 0.0)),
    )
    for surrogate, op, params in surrogates:
        with tf.GradientTape() as tape:
            tape.watch(x)
            y = dr.heaviside(x, surrogate=surrogate)
        np.testing.assert_array_equal(y.numpy(), [0, 0, 1, 1, 1])
        ref = shared_reference(APPROXIMATIONS[op])
        expected = [float(ref.evaluate(("x",), (float(v), *params))) for v in x.numpy()]
        np.testing.assert_allclose(tape.gradient(y, x).numpy(), expected, rtol=1e-14, atol=1e-300)


def test_parameters_broadcast_and_their_gradients_sum_back(tf, dr):
    x = tf.constant(np.linspace(-1, 1, 12).reshape(3, 4), tf.float64)
    steepness = tf.Variable([[2.0], [5.0], [9.0]], dtype=tf.float64)
    with tf.GradientTape() as tape:
        y = dr.sigmoid_round(x, steepness=steepness)
    grad = tape.gradient(y, steepness)
    assert grad.shape == (3, 1)
    ref = shared_reference(APPROXIMATIONS["sigmoid_round"])
    expected = [
        [sum(float(ref.evaluate(("steepness",), (float(v), float(k)))) for v in row)]
        for row, k in zip(x.numpy(), [2.0, 5.0, 9.0])
    ]
    np.testing.assert_allclose(grad.numpy(), expected, rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize("name", [n for n in NAMES if APPROXIMATIONS[n].float_params])
def test_every_mode_returns_the_broadcast_shape(tf, dr, name):
    """Also where the hard forward ignores a parameter (found by scripts/fuzz_ops.py)."""
    a = APPROXIMATIONS[name]
    x = tf.constant([0.3, -0.2], tf.float32)
    for mode in a.modes:
        chosen = {"mode": mode} if len(a.modes) > 1 else {}  # a soft-only op takes no mode
        for pname in a.float_params:
            value = tf.fill([3, 1], float(a.params[pname].default))
            y = call(dr, name, x, **chosen, **{pname: value})
            assert y.shape == (3, 2), (mode, pname)
            alone = call(dr, name, x, **chosen)
            # a tensor parameter runs the kernels that also give its derivatives, whose
            # shared subexpressions may round differently (soft_round: 1 ULP)
            np.testing.assert_array_max_ulp(y.numpy(), np.broadcast_to(alone.numpy(), (3, 2)), maxulp=2)


def test_seed_gradient_bug_is_fixed(tf, dr):
    """Seed 000's hand-written gradient sig*(1 - sig) forgets the factor steepness."""
    x = tf.constant([0.4, 0.5, 0.6], tf.float64)
    with tf.GradientTape() as tape:
        tape.watch(x)
        y = dr.sigmoid_round(x, steepness=10.0)
    ref = shared_reference(APPROXIMATIONS["sigmoid_round"])
    expected = [float(ref.evaluate(("x",), (float(v), 10.0))) for v in x.numpy()]
    grad = tape.gradient(y, x).numpy()
    np.testing.assert_allclose(grad, expected, rtol=1e-14)
    assert grad[1] == pytest.approx(2.5)


def test_seed_overflow_is_gone(tf, dr):
    """Seed 001's e/(e+1) with e = exp(1000*(x - 0.5)) is NaN for x >= 0.59; ours is not."""
    x = tf.constant([0.0, 0.59, 1.0, 10.0], tf.float32)
    e = tf.exp(1000 * (x - 0.5))
    assert np.isnan((e / (e + 1)).numpy()[-1])
    with tf.GradientTape() as tape:
        tape.watch(x)
        y = dr.sigmoid_step(x, steepness=1000.0, center=0.5)
    assert np.all(np.isfinite(y.numpy())) and np.all(np.isfinite(tape.gradient(y, x).numpy()))
    np.testing.assert_array_equal(y.numpy()[1:], [1.0, 1.0, 1.0])


def test_sine_round_upper_window_edge_is_one(tf, dr):
    """Seed 000's clipped_sin drops r == 0.5 + width/2 to 0; the window ends at 1."""
    width = 0.5
    x = tf.constant([0.75, 2.75], tf.float64)
    np.testing.assert_array_equal(dr.sine_round(x, width=width).numpy(), [1.0, 3.0])


def test_sign_family_defaults_to_ste_and_sign_of_zero_is_one(tf, dr):
    x = tf.constant([-2.0, -0.3, 0.0, 0.3, 2.0])
    for name in ("ste_sign", "approx_sign", "swish_sign"):
        np.testing.assert_array_equal(call(dr, name, x).numpy(), [-1, -1, 1, 1, 1])
        assert call(dr, name, x, mode="soft").numpy()[2] == 0.0


def test_derived_derivatives_agree_with_the_published_formulas():
    from derive.verification import check_published

    checks = [c for a in APPROXIMATIONS.values() for c in check_published(a)]
    # every formula an entry declares is checked (the quantizers' papers' gradients among them)
    declared = {(a.name, wrt) for a in APPROXIMATIONS.values() for wrt in a.published}
    assert {(c.op, c.wrt) for c in checks} == declared
    published = {"sine_round", "soft_round", "fake_quant", "pact_quant", "dsq_quant", "ternary"}
    assert published <= {op for op, _ in declared}
    for c in checks:
        assert c.points > 100 and c.ok, (c.op, c.max_difference)


@pytest.mark.parametrize("name", NAMES)
def test_untaped_calls_match_taped_calls(tf, dr, name):
    """An eager call no tape records skips the gradient wiring: same values."""
    x = tf.constant(GRID, tf.float32)
    for mode in modes(name):
        kwargs = {"mode": mode} if len(modes(name)) > 1 else {}
        with tf.GradientTape() as tape:
            tape.watch(x)
            taped = call(dr, name, x, **kwargs)
        np.testing.assert_array_equal(call(dr, name, x, **kwargs).numpy(), taped.numpy())

