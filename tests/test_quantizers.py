"""The quantization-aware-training ops (fake_quant, pact_quant, dsq_quant, ternary) on
every backend: values and gradients against their papers' formulas written
out here in NumPy, per-channel (tensor) parameters whose gradients are summed
to their shape, bool parameters. (Their 50-digit verification is
tests/test_verification.py's; fake_quant_minmax's is
tests/test_fake_quant_minmax.py, side by side with TensorFlow.)"""

import numpy as np
import pytest

SEED = 5
CHANNELS = 3


def _lsq(x, s, qmin, qmax, dy):
    """LSQ (Esser et al. 2020, eq. 3): value, d/dx and d/ds (summed over rows)."""
    v = x / s
    y = s * np.clip(np.round(v), qmin, qmax)
    inside = (v > qmin) & (v < qmax)
    ds = np.where(v <= qmin, qmin, np.where(v >= qmax, qmax, np.round(v) - v))
    return y, dy * inside, (dy * ds).sum(axis=0, keepdims=True)


def _pact(x, alpha, bits, dy):
    """PACT (Choi et al. 2018, eq. 1-3): value, d/dx and d/dalpha (summed over rows)."""
    levels = 2**bits - 1
    clipped = np.clip(x, 0, alpha)
    y = np.round(clipped * levels / alpha) * alpha / levels
    return y, dy * ((x >= 0) & (x < alpha)), (dy * (x >= alpha)).sum(axis=0, keepdims=True)


def _dsq_soft(x, alpha, bits, lower, upper):
    """DSQ's curve (Gong et al. 2019, eq. 2-4): value and d/dx. Cell i of
    D = (upper - lower)/(2**bits - 1), midpoint m_i, k = log(2/alpha - 1)/D,
    s = 1/tanh(k*D/2): lower + D*(i + (s*tanh(k*(x - m_i)) + 1)/2), clipped."""
    steps = 2**bits - 1
    d = (upper - lower) / steps
    i = np.clip(np.floor((x - lower) / d), 0, steps - 1)
    k = np.log(2 / alpha - 1) / d
    s = 1 / np.tanh(k * d / 2)
    t = np.tanh(k * (x - lower - (i + 0.5) * d))
    inside = (x > lower) & (x < upper)
    y = np.where(x <= lower, lower, np.where(x >= upper, upper, lower + d * (i + (s * t + 1) / 2)))
    return y, np.where(inside, s * k * d / 2 * (1 - t**2), 0.0)


def _dsq_levels(x, bits, lower, upper):
    """The hard forward: the nearest of the 2**bits levels of [lower, upper]."""
    d = (upper - lower) / (2**bits - 1)
    return np.clip(lower + np.round((x - lower) / d) * d, lower, upper)


def _ternary(x, threshold, clip, dy):
    y = np.where(np.abs(x) <= threshold, 0.0, np.sign(x))
    return y, dy * (np.abs(x) <= clip)


def _data():
    rng = np.random.default_rng(SEED)
    x = rng.normal(0, 2.0, size=(64, CHANNELS))
    dy = rng.normal(size=x.shape)
    return x, dy


def _run(backend, op, x, params, tensor_name, dy):
    """(y, dx, d tensor parameter) through the backend's own differentiation."""
    if backend == "tensorflow":
        tf = pytest.importorskip("tensorflow")
        import diffround.tensorflow as ops

        xv = tf.constant(x)
        pv = tf.Variable(params[tensor_name])
        with tf.GradientTape() as tape:
            tape.watch(xv)
            y = getattr(ops, op)(xv, **{**params, tensor_name: pv})
            loss = tf.reduce_sum(y * dy)
        dx, dp = tape.gradient(loss, [xv, pv])
        return y.numpy(), dx.numpy(), dp.numpy()
    if backend == "jax":
        jax = pytest.importorskip("jax")
        jax.config.update("jax_enable_x64", True)
        import jax.numpy as jnp

        import diffround.jax as ops

        def forward(xv, pv):
            return getattr(ops, op)(xv, **{**params, tensor_name: pv})

        y, pullback = jax.vjp(forward, jnp.asarray(x), jnp.asarray(params[tensor_name]))
        dx, dp = pullback(jnp.asarray(dy))
        return np.asarray(y), np.asarray(dx), np.asarray(dp)
    torch = pytest.importorskip("torch")
    import diffround.torch as ops

    xv = torch.tensor(x, requires_grad=True)
    pv = torch.tensor(params[tensor_name], requires_grad=True)
    tensors = {k: torch.tensor(v) for k, v in params.items() if isinstance(v, np.ndarray)}
    y = getattr(ops, op)(xv, **{**params, **tensors, tensor_name: pv})
    (y * torch.tensor(dy)).sum().backward()
    return y.detach().numpy(), xv.grad.numpy(), pv.grad.numpy()


BACKENDS = ("tensorflow", "jax", "torch")


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("bits,signed", [(8, True), (4, False), (2, True)])
def test_fake_quant_per_channel_scale(backend, bits, signed):
    x, dy = _data()
    scale = np.array([[0.05, 0.3, 1.1]])  # one per channel, shape (1, channels)
    qmin, qmax = (-(2 ** (bits - 1)), 2 ** (bits - 1) - 1) if signed else (0, 2**bits - 1)
    y, dx, ds = _run(backend, "fake_quant", x, {"scale": scale, "bits": bits, "signed": signed}, "scale", dy)
    want_y, want_dx, want_ds = _lsq(x, scale, qmin, qmax, dy)
    assert ds.shape == scale.shape
    np.testing.assert_array_equal(y, want_y)
    np.testing.assert_array_equal(dx, want_dx)
    np.testing.assert_allclose(ds, want_ds, rtol=1e-12)


@pytest.mark.parametrize("backend", BACKENDS)
def test_pact_per_channel_alpha(backend):
    x, dy = _data()
    alpha = np.array([[0.5, 2.0, 6.0]])
    y, dx, da = _run(backend, "pact_quant", x, {"alpha": alpha, "bits": 3}, "alpha", dy)
    want_y, want_dx, want_da = _pact(x, alpha, 3, dy)
    assert da.shape == alpha.shape
    np.testing.assert_allclose(y, want_y, rtol=1e-15, atol=0)
    np.testing.assert_array_equal(dx, want_dx)
    np.testing.assert_allclose(da, want_da, rtol=1e-12)


@pytest.mark.parametrize("backend", BACKENDS)
def test_pact_levels_never_pass_alpha(backend):
    """Just below alpha x rounds to the top level, alpha*(2**bits - 1)/(2**bits - 1),
    which the two roundings of float32 may put one ULP above alpha: the op
    stays at or below its value at alpha (which is alpha), so that it is
    monotone, and gives the levels alpha*k/(2**bits - 1) of PACT's eq. (1)
    within the rounding of a product and a quotient below it."""
    rng = np.random.default_rng(SEED + 1)
    alphas = rng.uniform(0.01, 100.0, size=(200, 1)).astype(np.float32)
    below = np.nextafter(alphas, np.float32(0))
    for bits in (2, 4, 8):
        levels = 2**bits - 1
        k = rng.integers(0, levels, size=(200, 1))
        # the level's centre, k steps of alpha/levels (each within a few ULPs of it)
        centres = (alphas.astype(np.float64) * k / levels).astype(np.float32)
        x = np.concatenate([below, alphas, centres], axis=1)
        dy = np.zeros(x.shape, np.float32)
        y, _, _ = _run(backend, "pact_quant", x, {"alpha": alphas, "bits": bits}, "alpha", dy)
        assert np.all(y[:, 0] <= alphas[:, 0]) and np.all(y[:, 1] == alphas[:, 0]), bits
        exact = alphas.astype(np.float64)[:, 0] * k[:, 0] / levels
        np.testing.assert_allclose(y[:, 2], exact, rtol=4 * np.finfo(np.float32).eps, atol=0)


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("mode", ["ste", "soft"])
def test_dsq_per_channel_range(backend, mode):
    """Values and d/dx from the paper's formula; d/dlower and d/dupper, one per
    channel, against central differences of that formula (no closed form is
    published for them)."""
    x, dy = _data()
    alpha, bits = 0.2, 3
    lower, upper = np.array([[-1.5, -0.5, -4.0]]), np.array([[1.0, 2.5, 0.25]])
    params = {"alpha": alpha, "bits": bits, "lower": lower, "upper": upper, "mode": mode}
    y, dx, dlower = _run(backend, "dsq_quant", x, params, "lower", dy)
    _, _, dupper = _run(backend, "dsq_quant", x, params, "upper", dy)
    soft, want_dx = _dsq_soft(x, alpha, bits, lower, upper)
    want_y = _dsq_levels(x, bits, lower, upper) if mode == "ste" else soft
    np.testing.assert_allclose(y, want_y, rtol=1e-13, atol=1e-15)
    np.testing.assert_allclose(dx, dy * want_dx, rtol=1e-11, atol=1e-14)
    h = 1e-6
    for got, name in ((dlower, "lower"), (dupper, "upper")):
        assert got.shape == (1, CHANNELS)
        plus = _dsq_soft(x, alpha, bits, **{"lower": lower, "upper": upper, name: params[name] + h})[0]
        minus = _dsq_soft(x, alpha, bits, **{"lower": lower, "upper": upper, name: params[name] - h})[0]
        want = (dy * (plus - minus) / (2 * h)).sum(axis=0, keepdims=True)
        np.testing.assert_allclose(got, want, rtol=1e-6, atol=1e-8)


@pytest.mark.parametrize("backend", BACKENDS)
def test_dsq_levels_reach_lower_and_upper_exactly(backend):
    """float32, ranges drawn at random: at and next to lower and upper the hard
    forward gives lower and upper themselves, never a level past them, and
    inside the levels of lower + k*D within the roundings that place them."""
    rng = np.random.default_rng(SEED + 2)
    lowers = rng.uniform(-50.0, 0.0, size=(200, 1)).astype(np.float32)
    uppers = (lowers + rng.uniform(0.01, 50.0, size=(200, 1))).astype(np.float32)
    for bits in (1, 4, 8):
        steps = 2**bits - 1
        k = rng.integers(0, steps + 1, size=(200, 1))
        levels = lowers.astype(np.float64) + k * (uppers.astype(np.float64) - lowers) / steps
        x = np.concatenate(
            [
                lowers,
                np.nextafter(lowers, np.float32(np.inf)),
                np.nextafter(uppers, np.float32(-np.inf)),
                uppers,
                levels.astype(np.float32),
            ],
            axis=1,
        )
        dy = np.zeros(x.shape, np.float32)
        y, _, _ = _run(backend, "dsq_quant", x, {"bits": bits, "lower": lowers, "upper": uppers}, "lower", dy)
        np.testing.assert_array_equal(y[:, :2], np.broadcast_to(lowers, (200, 2)))
        np.testing.assert_array_equal(y[:, 2:4], np.broadcast_to(uppers, (200, 2)))
        width = np.abs(lowers) + np.abs(uppers)
        assert np.all(np.abs(y[:, 4:] - levels) <= 4 * np.finfo(np.float32).eps * width), bits


@pytest.mark.parametrize("backend", BACKENDS)
def test_ternary(backend):
    x, dy = _data()
    x[0, :] = [0.05, -0.05, 0.0]  # 0 at the threshold itself
    clip = np.array([[0.5, 1.0, 2.0]])
    y, dx, dclip = _run(backend, "ternary", x, {"threshold": 0.05, "clip": clip}, "clip", dy)
    want_y, want_dx = _ternary(x, 0.05, clip, dy)
    np.testing.assert_array_equal(y, want_y)
    np.testing.assert_array_equal(dx, want_dx)
    # d/dclip of clip(x, -clip, clip), the gradient's source, as ste_sign's: sign(x) beyond clip
    np.testing.assert_allclose(dclip, (dy * np.sign(x) * (np.abs(x) > clip)).sum(axis=0, keepdims=True), rtol=1e-12)


def test_bool_parameters_take_bools_only():
    tf = pytest.importorskip("tensorflow")
    import diffround as dr

    x = tf.constant([0.3, -2.0])
    with pytest.raises(TypeError, match=r"fake_quant: signed must be a Python bool \(True or False\), got 1 \(int\)"):
        dr.fake_quant(x, signed=1)
    with pytest.raises(TypeError, match=r"fake_quant_minmax: narrow_range must be a Python bool \(True or False\)"):
        dr.fake_quant_minmax(x, narrow_range="yes")
    # NumPy's bools are bools: the same levels as Python's (the unsigned grid has no negative level)
    for flag in (False, np.False_):
        assert dr.fake_quant(x, scale=0.1, signed=flag).numpy().tolist() == pytest.approx([0.3, 0.0])
    # narrow_range: levels 1..255 of step 3/254 on [-1, 2], the zero point 1 + 254/3 nudged to 86, so -2.0
    # clips to (1 - 86)*3/254 (to -85*3/255 = -1 with levels 0..255)
    for flag, low in ((True, -255 / 254), (np.True_, -255 / 254), (np.False_, -1.0)):
        assert dr.fake_quant_minmax(x, min=-1.0, max=2.0, narrow_range=flag).numpy()[1] == pytest.approx(low, rel=1e-6)
    with pytest.raises(ValueError, match=r"fake_quant: bits must be an int in \[2, 16\], got 17"):
        dr.fake_quant(x, bits=17)
    # unsigned: negative inputs go to level 0
    assert dr.fake_quant(x, scale=0.1, signed=False).numpy().tolist() == pytest.approx([0.3, 0.0])


def test_half_precision_values():
    """float16 computes in float32 and returns float16: the levels of 4 bits at scale 1/4."""
    tf = pytest.importorskip("tensorflow")
    import diffround as dr

    x = tf.constant([0.3, 1.1, -5.0, 3.0], tf.float16)
    y = dr.fake_quant(x, scale=0.25, bits=4)
    assert y.dtype == tf.float16
    np.testing.assert_array_equal(y.numpy(), np.float16([0.25, 1.0, -2.0, 1.75]))


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    "op, params, name",
    [
        ("fake_quant", {"scale": 0.25, "bits": 4}, "scale"),
        ("pact_quant", {"alpha": 2.0, "bits": 3}, "alpha"),
        ("ternary", {"threshold": 0.05, "clip": 1.0}, "clip"),
    ],
)
def test_infinities_give_the_gradients_at_the_largest_floats_and_nan_none(backend, op, params, name):
    """A clipped op at +-inf: the gradients at the largest floats (their
    limits: LSQ's qmax for the scale, PACT's 1 for alpha), not 0; NaN adds
    nothing."""
    largest = np.finfo(np.float64).max
    params = {**params, name: np.float64(params[name])}

    def gradients(v):
        return _run(backend, op, np.array([v]), params, name, np.ones(1))[1:]

    for special, limit in ((np.inf, largest), (-np.inf, -largest)):
        (dx, dp), (dx_limit, dp_limit) = gradients(special), gradients(limit)
        assert dx[0] == dx_limit[0] == 0.0 and dp == dp_limit, (special, dx, dp, dp_limit)
    assert gradients(np.inf)[1] != 0.0  # the parameter sets the clip level there
    dx, dp = gradients(np.nan)
    assert dx[0] == 0.0 and dp == 0.0
