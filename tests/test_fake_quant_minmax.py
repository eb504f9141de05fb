"""fake_quant_minmax side by side with TensorFlow's own
tf.quantization.fake_quant_with_min_max_vars: bit for bit in the value and in
the gradients of x, min and max, for every bit width 2..16 and both
narrow_range, float32, on the TensorFlow, JAX and PyTorch backends; and with
keras.quantizers.fake_quant_with_min_max_vars under Keras's TensorFlow
backend (which calls TensorFlow's op)."""

import numpy as np
import pytest

tf = pytest.importorskip("tensorflow")

import diffround.tensorflow as drtf  # noqa: E402

BITS = range(2, 17)
# (min, max): around 0, all above 0 (nudged min 0), all below 0 (nudged max 0),
# tiny, wide, and a zero point that is a tie before nudging
RANGES = [(-6.0, 6.0), (-1.0, 3.0), (0.25, 4.0), (-5.0, -0.5), (-1e-3, 2e-3), (-300.0, 100.0), (-0.5, 0.5)]
SEED = 17


def _random_ranges(rng, count):
    ranges = []
    for _ in range(count):
        low, high = np.sort(rng.normal(0.0, 4.0, size=2))
        ranges.append((float(low), float(high)))
    return ranges


def _inputs(rng, low, high, bits, narrow_range):
    """Random x over and beyond the range, the nudged bounds themselves and
    the grid's midpoints (as TensorFlow computes them), each with both float32
    neighbours, and +-inf and the largest floats."""
    width = high - low
    x = rng.uniform(low - width / 2, high + width / 2, size=600).astype(np.float32)
    far = np.array([-1e30, 1e30], np.float32)
    bounds = tf.quantization.fake_quant_with_min_max_vars(far, low, high, num_bits=bits, narrow_range=narrow_range)
    nudged_min, nudged_max = (np.float32(v) for v in bounds.numpy())
    levels = 2**bits - 1 - int(narrow_range)
    scale = (np.float32(high) - np.float32(low)) / np.float32(levels)
    k = rng.integers(0, levels, size=200)
    midpoints = (nudged_min + (k + np.float32(0.5)) * scale).astype(np.float32)
    exact = np.concatenate([[nudged_min, nudged_max, 0.0], midpoints]).astype(np.float32)
    up = np.nextafter(exact, np.float32(np.inf))
    down = np.nextafter(exact, np.float32(-np.inf))
    # beyond every range: the largest floats and the infinities (min's and max's gradients count them)
    largest = np.finfo(np.float32).max
    ends = np.array([-np.inf, -largest, largest, np.inf], np.float32)
    return np.concatenate([x, exact, up, down, ends]).astype(np.float32)


def _cases():
    rng = np.random.default_rng(SEED)
    cases = []
    for bits in BITS:
        for narrow_range in (False, True):
            for low, high in RANGES + _random_ranges(rng, 3):
                cases.append((bits, narrow_range, low, high))
    return cases


CASES = _cases()


def _tensorflow_reference(x, low, high, bits, narrow_range, upstream):
    """TensorFlow's op: value and the gradients of x, min and max."""
    xv = tf.constant(x)
    lv, hv = tf.Variable(np.float32(low)), tf.Variable(np.float32(high))
    with tf.GradientTape() as tape:
        tape.watch(xv)
        y = tf.quantization.fake_quant_with_min_max_vars(xv, lv, hv, num_bits=bits, narrow_range=narrow_range)
        loss = tf.reduce_sum(y * upstream)
    grads = tape.gradient(loss, [xv, lv, hv])
    return [y.numpy()] + [g.numpy() for g in grads]


def _diffround_tensorflow(x, low, high, bits, narrow_range, upstream):
    xv = tf.constant(x)
    lv, hv = tf.Variable(np.float32(low)), tf.Variable(np.float32(high))
    with tf.GradientTape() as tape:
        tape.watch(xv)
        y = drtf.fake_quant_minmax(xv, min=lv, max=hv, bits=bits, narrow_range=narrow_range)
        loss = tf.reduce_sum(y * upstream)
    grads = tape.gradient(loss, [xv, lv, hv])
    return [y.numpy()] + [g.numpy() for g in grads]


def _diffround_jax(x, low, high, bits, narrow_range, upstream):
    import jax
    import jax.numpy as jnp

    import diffround.jax as drj

    def forward(xv, lv, hv):
        return drj.fake_quant_minmax(xv, min=lv, max=hv, bits=bits, narrow_range=narrow_range)

    args = (jnp.asarray(x), jnp.asarray(np.float32(low)), jnp.asarray(np.float32(high)))
    y, pullback = jax.vjp(forward, *args)
    return [np.asarray(y)] + [np.asarray(g) for g in pullback(jnp.asarray(upstream))]


def _diffround_torch(x, low, high, bits, narrow_range, upstream):
    import torch

    import diffround.torch as drt

    xv = torch.tensor(x, requires_grad=True)
    lv = torch.tensor(np.float32(low), requires_grad=True)
    hv = torch.tensor(np.float32(high), requires_grad=True)
    y = drt.fake_quant_minmax(xv, min=lv, max=hv, bits=bits, narrow_range=narrow_range)
    (y * torch.tensor(upstream)).sum().backward()
    return [y.detach().numpy(), xv.grad.numpy(), lv.grad.numpy(), hv.grad.numpy()]


BACKENDS = {"tensorflow": _diffround_tensorflow, "jax": _diffround_jax, "torch": _diffround_torch}
OUTPUTS = ("value", "d/dx", "d/dmin", "d/dmax")


def _bitwise_mismatches(got, expected):
    got, expected = np.asarray(got, np.float32), np.asarray(expected, np.float32)
    return np.flatnonzero(got.reshape(-1).view(np.uint32) != expected.reshape(-1).view(np.uint32))


@pytest.mark.parametrize("backend", list(BACKENDS))
def test_bit_for_bit_with_tensorflow(backend):
    if backend != "tensorflow":
        pytest.importorskip(backend)
    rng = np.random.default_rng(SEED + 1)
    compare = BACKENDS[backend]
    for bits, narrow_range, low, high in CASES:
        x = _inputs(rng, low, high, bits, narrow_range)
        # small integers: every sum for min and max is exact, in any order
        upstream = rng.integers(-3, 4, size=x.shape).astype(np.float32)
        expected = _tensorflow_reference(x, low, high, bits, narrow_range, upstream)
        if backend == "torch":
            # TensorFlow's and XLA's CPU kernels flush subnormal numbers to zero, PyTorch's
            # do not: x = -1e-45 is below a nudged bound of 0 in PyTorch, on it in
            # TensorFlow. PyTorch gets x as TensorFlow sees it.
            x_seen = np.where(np.abs(x) < np.finfo(np.float32).tiny, np.float32(0), x)
            got = compare(x_seen, low, high, bits, narrow_range, upstream)
        else:
            got = compare(x, low, high, bits, narrow_range, upstream)
        for label, g, e in zip(OUTPUTS, got, expected):
            bad = _bitwise_mismatches(g, e)
            assert bad.size == 0, (
                f"{backend} {label} differs from TensorFlow's at {bad.size} of {np.size(e)} points "
                f"(bits={bits}, narrow_range={narrow_range}, min={low!r}, max={high!r}); first at "
                f"x={x.reshape(-1)[bad[0]] if np.size(e) > 1 else None!r}: got {np.ravel(g)[bad[0]]!r}, "
                f"TensorFlow {np.ravel(e)[bad[0]]!r}"
            )


def test_bit_for_bit_with_tensorflow_in_a_tf_function():
    """Inside a tf.function, where Grappler's constant folding turns a division
    by a constant (a Python float min and max, the bit width's level count)
    into a product with its reciprocal: the value with min and max as Python
    floats, and the value and gradients with them as variables, against
    TensorFlow's op run eagerly. The variables' function is traced once per
    bit width and narrow_range, and reads each range's min and max when it runs."""
    rng = np.random.default_rng(SEED + 3)
    lv, hv = tf.Variable(np.float32(0)), tf.Variable(np.float32(1))
    with_variables = {}
    for bits, narrow_range, low, high in CASES[::3]:
        x = _inputs(rng, low, high, bits, narrow_range)
        upstream = rng.integers(-3, 4, size=x.shape).astype(np.float32)
        expected = _tensorflow_reference(x, low, high, bits, narrow_range, upstream)

        @tf.function
        def with_floats(xv):
            return drtf.fake_quant_minmax(xv, min=low, max=high, bits=bits, narrow_range=narrow_range)

        if (bits, narrow_range) not in with_variables:

            @tf.function
            def gradients(xv, upstream, bits=bits, narrow_range=narrow_range):
                with tf.GradientTape() as tape:
                    tape.watch(xv)
                    y = drtf.fake_quant_minmax(xv, min=lv, max=hv, bits=bits, narrow_range=narrow_range)
                    loss = tf.reduce_sum(y * upstream)
                return [y, *tape.gradient(loss, [xv, lv, hv])]

            with_variables[bits, narrow_range] = gradients
        lv.assign(np.float32(low))
        hv.assign(np.float32(high))
        got = [with_floats(tf.constant(x)), *with_variables[bits, narrow_range](tf.constant(x), tf.constant(upstream))]
        for label, g, e in zip(("value (Python floats)",) + OUTPUTS, got, expected[:1] + expected):
            bad = _bitwise_mismatches(g.numpy(), e)
            assert bad.size == 0, (
                f"{label} differs from TensorFlow's at {bad.size} points (bits={bits}, narrow_range={narrow_range}, "
                f"min={low!r}, max={high!r}); first at x={x[bad[0]]!r}: got {np.ravel(g)[bad[0]]!r}, "
                f"TensorFlow {np.ravel(e)[bad[0]]!r}"
            )
    assert len(with_variables) < len(CASES[::3]) / 2  # the function was reused


def test_both_zero_as_tensorflow():
    """min = max = 0: TensorFlow's output is 0 and x's gradient 1."""
    x = np.array([-2.0, -0.1, 0.0, 0.3, 5.0], np.float32)
    upstream = np.array([1.0, 2.0, -1.0, 3.0, 1.0], np.float32)
    expected = _tensorflow_reference(x, 0.0, 0.0, 8, False, upstream)
    got = _diffround_tensorflow(x, 0.0, 0.0, 8, False, upstream)
    for label, g, e in zip(OUTPUTS, got, expected):
        assert _bitwise_mismatches(g, e).size == 0, (label, g, e)


def test_keras_tensorflow_backend_matches():
    """keras.quantizers.fake_quant_with_min_max_vars under the TensorFlow
    backend, value and gradients, against diffround's op."""
    keras = pytest.importorskip("keras")
    if keras.backend.backend() != "tensorflow":
        pytest.skip("Keras runs on another backend here")
    rng = np.random.default_rng(SEED + 2)
    for bits, narrow_range, low, high in CASES[::7]:
        x = _inputs(rng, low, high, bits, narrow_range)
        upstream = rng.integers(-3, 4, size=x.shape).astype(np.float32)
        xv = tf.constant(x)
        lv, hv = tf.Variable(np.float32(low)), tf.Variable(np.float32(high))
        with tf.GradientTape() as tape:
            tape.watch(xv)
            y = keras.quantizers.fake_quant_with_min_max_vars(xv, lv, hv, num_bits=bits, narrow_range=narrow_range)
            loss = tf.reduce_sum(y * upstream)
        expected = [y.numpy()] + [g.numpy() for g in tape.gradient(loss, [xv, lv, hv])]
        got = _diffround_tensorflow(x, low, high, bits, narrow_range, upstream)
        for label, g, e in zip(OUTPUTS, got, expected):
            assert _bitwise_mismatches(g, e).size == 0, (label, bits, narrow_range, low, high)


def test_values_on_the_grid():
    """An independent check of the nudging: with min = -1, max = 3 and 8
    bits, scale = 4/255, the zero point 63.75 nudges to 64, so the levels are
    (k - 64)*4/255 for k = 0..255, and 0 is one of them exactly."""
    levels = (np.arange(256) - 64) * (4.0 / 255.0)
    x = np.float32(levels)
    y = drtf.fake_quant_minmax(x, min=-1.0, max=3.0, bits=8).numpy()
    np.testing.assert_allclose(y, levels, rtol=0, atol=1e-6)
    assert y[64] == 0.0
    assert drtf.fake_quant_minmax(np.float32([100.0]), min=-1.0, max=3.0).numpy()[0] == pytest.approx(
        191 * 4 / 255, abs=1e-6
    )


@pytest.mark.parametrize("backend", list(BACKENDS))
def test_nan_as_tensorflow(backend):
    """NaN x: NaN out, and no share of the gradients of x, min and max (as TensorFlow's
    op), next to +-inf, whose min and max gradients count."""
    if backend != "tensorflow":
        pytest.importorskip(backend)
    x = np.array([np.nan, -np.inf, 0.3, np.inf, np.nan, 9.0], np.float32)
    upstream = np.array([1.0, 2.0, -1.0, 3.0, 1.0, 1.0], np.float32)
    expected = _tensorflow_reference(x, -2.0, 4.0, 8, False, upstream)
    got = BACKENDS[backend](x, -2.0, 4.0, 8, False, upstream)
    np.testing.assert_array_equal(np.isnan(got[0]), np.isnan(x))
    assert _bitwise_mismatches(got[0][~np.isnan(x)], expected[0][~np.isnan(x)]).size == 0
    assert float(got[2]) == float(expected[2]) == 2.0 and float(got[3]) == float(expected[3]) == 4.0
    for label, g, e in zip(OUTPUTS[1:], got[1:], expected[1:]):
        assert _bitwise_mismatches(g, e).size == 0, (label, g, e)
