"""The quantizers' Keras layers (FakeQuant, PactQuant, DsqQuant: parameters
learned per tensor or per channel, started from the first batch) and
QuantizedDense / QuantizedConv2D: starts and gradients against values computed
here with NumPy from the published formulas (LSQ: Esser et al. 2020), the
layers against the ops they call. Their training, mixed precision, saving and
loading on every Keras backend: tests/test_keras_backends.py."""

import sys

import numpy as np
import pytest

import diffround

RNG = np.random.default_rng(7)
X = (RNG.normal(size=(16, 5)) * np.array([0.5, 1.0, 2.0, 3.0, 0.25])).astype(np.float32)


@pytest.fixture(scope="module")
def keras():
    import keras

    return keras


@pytest.mark.parametrize("bits,signed", [(8, True), (4, True), (2, True), (4, False)])
@pytest.mark.parametrize("per_channel", [False, True])
def test_lsq_start_is_twice_the_mean_magnitude_over_the_root_of_qmax(tf, dr, bits, signed, per_channel):
    layer = dr.layers.FakeQuant(bits=bits, signed=signed, per_channel_axis=-1 if per_channel else None)
    layer(tf.constant(X))
    qmax = 2 ** (bits - 1) - 1 if signed else 2**bits - 1  # LSQ's Q_P
    x = X.astype(np.float64)
    expected = 2 * np.abs(x).mean(axis=0 if per_channel else None) / np.sqrt(qmax)
    got = layer.get_param("scale")
    assert np.shape(got) == ((1, 5) if per_channel else ())
    np.testing.assert_allclose(np.ravel(got), np.ravel(expected), rtol=2e-6)
    layer(tf.constant(X * 10))  # later batches leave the start alone
    np.testing.assert_allclose(np.ravel(layer.get_param("scale")), np.ravel(expected), rtol=2e-6)


def test_pact_starts_from_the_first_batch_maximum(tf, dr):
    pact = dr.layers.PactQuant(alpha="max", bits=3, per_channel_axis=-1)
    pact(tf.constant(X))
    np.testing.assert_array_equal(np.ravel(pact.get_param("alpha")), X.max(axis=0))
    pact = dr.layers.PactQuant(alpha="max", bits=3)
    pact(tf.constant(X))
    assert pact.get_param("alpha") == float(X.max())
    assert dr.layers.PactQuant().get_param("alpha") == 6.0  # the op's default: no first-batch start


def test_dsq_starts_from_the_first_batch_range(tf, dr):
    dsq = dr.layers.DsqQuant(bits=2, per_channel_axis=-1)
    y = dsq(tf.constant(X))
    np.testing.assert_array_equal(np.ravel(dsq.get_param("lower")), X.min(axis=0))
    np.testing.assert_array_equal(np.ravel(dsq.get_param("upper")), X.max(axis=0))
    assert np.ravel(dsq.get_param("alpha")).tolist() == [np.float32(0.2)] * 5
    # each channel's least and greatest x are its end levels, exactly
    rows = np.arange(5)
    np.testing.assert_array_equal(y.numpy()[X.argmin(axis=0), rows], X.min(axis=0))
    np.testing.assert_array_equal(y.numpy()[X.argmax(axis=0), rows], X.max(axis=0))
    assert sorted(dsq.trainable_params) == ["alpha", "lower", "upper"]
    fixed = dr.layers.DsqQuant(lower=-1.0, upper=1.0)  # floats: no first-batch start
    fixed(tf.constant(X))
    assert (fixed.get_param("lower"), fixed.get_param("upper")) == (-1.0, 1.0)


def test_starts_from_the_first_batch_count_its_finite_elements_only(tf, dr):
    bad = X.copy()
    bad[0, 0], bad[1, 0], bad[2, 1] = np.nan, np.inf, -np.inf
    channel_0, channel_1 = bad[2:, 0], np.delete(bad[:, 1], 2)  # each channel's finite elements
    lsq = dr.layers.FakeQuant(bits=4, per_channel_axis=-1)
    lsq(tf.constant(bad))
    scale = np.ravel(lsq.get_param("scale"))
    np.testing.assert_allclose(
        scale[:2],
        [2 * np.abs(c).mean() / np.sqrt(7) for c in (channel_0, channel_1)],
        rtol=2e-6,
    )
    pact = dr.layers.PactQuant(alpha="max", bits=2, per_channel_axis=-1)
    pact(tf.constant(bad))
    np.testing.assert_array_equal(np.ravel(pact.get_param("alpha"))[:2], [channel_0.max(), channel_1.max()])
    assert np.isfinite(dr.layers.FakeQuant(bits=4)(tf.constant(bad))[3:]).all()


def test_per_channel_scale_gradient_has_the_channel_shape_lsq_value_and_gradient_scale(tf, dr):
    bits, scale = 4, np.array([0.1, 0.2, 0.3, 0.4, 0.05], np.float32)
    gradients = {}
    for scaled in (False, True):
        layer = dr.layers.FakeQuant(scale=0.5, bits=bits, per_channel_axis=-1, gradient_scale=scaled)
        layer.build(X.shape)
        layer.set_param("scale", scale.reshape(1, 5))
        with tf.GradientTape() as tape:
            y = tf.reduce_sum(layer(tf.constant(X)))
        (weight,) = layer.trainable_weights
        gradients[scaled] = tape.gradient(y, weight).numpy()
        assert gradients[scaled].shape == (1, 5)
    # LSQ, eq. (3): d/ds of s*clip(round(x/s), -Q_N, Q_P) is round(x/s) - x/s inside, -Q_N or Q_P outside
    v = X.astype(np.float64) / scale.astype(np.float64)
    qn, qp = 2 ** (bits - 1), 2 ** (bits - 1) - 1
    expected = np.where(v <= -qn, -qn, np.where(v >= qp, qp, np.round(v) - v)).sum(axis=0)
    np.testing.assert_allclose(gradients[False].ravel(), expected, rtol=1e-5, atol=1e-5)
    # LSQ's gradient scale g = 1/sqrt(N*Q_P), N the elements of one example per scale: 1 here
    np.testing.assert_allclose(gradients[True], gradients[False] / np.sqrt(1 * qp), rtol=1e-6)


def test_per_tensor_gradient_scale_counts_the_elements_of_one_example(tf, dr):
    grads = []
    for scaled in (False, True):
        layer = dr.layers.FakeQuant(scale=0.3, bits=8, gradient_scale=scaled)
        with tf.GradientTape() as tape:
            y = tf.reduce_sum(layer(tf.constant(X)) ** 2)
        grads.append(tape.gradient(y, layer.trainable_weights[0]).numpy())
    np.testing.assert_allclose(grads[1], grads[0] / np.sqrt(5 * 127), rtol=1e-6)


@pytest.mark.parametrize(
    "cls,op,arguments,params",
    [
        ("FakeQuant", "fake_quant", {"bits": 3, "signed": False}, ["scale"]),
        ("PactQuant", "pact_quant", {"bits": 2}, ["alpha"]),
        ("DsqQuant", "dsq_quant", {"bits": 2}, ["alpha", "lower", "upper"]),
        ("DsqQuant", "dsq_quant", {"bits": 3, "mode": "soft"}, ["alpha", "lower", "upper"]),
    ],
)
def test_layers_give_their_ops_values_and_gradients(tf, dr, cls, op, arguments, params):
    layer = getattr(dr.layers, cls)(**arguments, per_channel_axis=1)
    x = tf.constant(X)
    with tf.GradientTape(persistent=True) as tape:
        tape.watch(x)
        y = layer(x)
        values = {n: tf.Variable(layer.get_param(n)) for n in params}
        expected = getattr(dr, op)(x, **values, **arguments)
    np.testing.assert_array_equal(y.numpy(), expected.numpy())
    np.testing.assert_array_equal(tape.gradient(y, x).numpy(), tape.gradient(expected, x).numpy())
    weights = {w.path.split("/")[-1]: w for w in layer.trainable_weights}
    assert sorted(weights) == sorted(params)
    for n in params:
        np.testing.assert_allclose(
            tape.gradient(y, weights[n]).numpy(),
            tape.gradient(expected, values[n]).numpy(),
            rtol=1e-6,
        )


def test_a_learned_value_is_clipped_into_the_domain(tf, dr):
    layer = dr.layers.PactQuant(alpha=1.0)
    layer(tf.constant(X))
    layer.trainable_weights[0].assign(-5.0)  # the learned change takes alpha below 0
    assert 0.0 < layer.get_param("alpha") < 1e-30
    assert np.all(np.isfinite(layer(tf.constant(X)).numpy()))


def test_quantized_dense_and_conv2d_call_the_quantizers_on_kernel_and_inputs(tf, keras, dr):
    dense = dr.layers.QuantizedDense(3, kernel_bits=4, input_quantizer="fake_quant", input_bits=6, activation="relu")
    y = dense(tf.constant(X))
    kernel_scale = dense.kernel_quantizer.get_param("scale")
    assert kernel_scale.shape == (1, 1, 3)  # one scale per output unit
    np.testing.assert_allclose(
        kernel_scale.ravel(),
        2 * np.abs(dense.kernel.numpy()).mean(axis=0) / np.sqrt(7),
        rtol=2e-6,
    )
    x_q = dr.fake_quant(X, scale=dense.input_quantizer.get_param("scale"), bits=6)
    w_q = dr.fake_quant(dense.kernel, scale=kernel_scale[0], bits=4)
    np.testing.assert_allclose(
        y.numpy(),
        np.maximum(x_q.numpy() @ w_q.numpy() + dense.bias.numpy(), 0),
        rtol=1e-6,
    )

    images = tf.constant(RNG.uniform(0, 1, (2, 6, 6, 2)).astype(np.float32))
    pact = dr.layers.PactQuant(alpha=1.0, bits=2)
    conv = dr.layers.QuantizedConv2D(4, 3, kernel_bits=3, input_quantizer=pact)
    y = conv(images)
    kernel_scale = conv.kernel_quantizer.get_param("scale")
    assert kernel_scale.shape == (1, 1, 1, 1, 4)  # one scale per filter
    w_q = dr.fake_quant(conv.kernel, scale=kernel_scale[0], bits=3)
    x_q = dr.pact_quant(images, alpha=1.0, bits=2)
    expected = tf.nn.conv2d(x_q, w_q, 1, "VALID") + conv.bias
    np.testing.assert_allclose(y.numpy(), expected.numpy(), rtol=1e-5, atol=1e-6)


def test_bad_quantizer_arguments_raise_named_errors(dr):
    with pytest.raises(ValueError, match=r'FakeQuant: scale must be "lsq" or a float, got \'mean\''):
        dr.layers.FakeQuant(scale="mean")
    with pytest.raises(ValueError, match=r"fake_quant: scale must be in \(0, inf\), got -1.0"):
        dr.layers.FakeQuant(scale=-1.0)
    with pytest.raises(ValueError, match=r"fake_quant: bits must be an int in \[2, 16\], got 1"):
        dr.layers.FakeQuant(bits=1)
    with pytest.raises(
        TypeError,
        match=r"PactQuant: per_channel_axis must be None or an int, got 'last'",
    ):
        dr.layers.PactQuant(per_channel_axis="last")
    with pytest.raises(ValueError, match=r"PactQuant: gradient_scale must be a bool .* got True"):
        dr.layers.PactQuant(gradient_scale=True)
    with pytest.raises(
        ValueError,
        match=r"FakeQuant: per_channel_axis must be an axis of x other than the batch axis 0",
    ):
        dr.layers.FakeQuant(per_channel_axis=0)(X)
    with pytest.raises(
        ValueError,
        match=r'QuantizedDense: kernel_quantizer must be None, a quantizer layer or one of "fake_quant"',
    ):
        dr.layers.QuantizedDense(2, kernel_quantizer="ternary")


def test_quantizer_layer_declarations_are_checked():
    import dataclasses

    import sympy as sp

    from derive import DefinitionError
    from derive.catalog import fake_quant
    from derive.spec import MEAN_ABS, QuantizerLayer, check_catalog

    def check(layer):
        check_catalog([dataclasses.replace(fake_quant, layer=layer)])

    with pytest.raises(
        DefinitionError,
        match=r"fake_quant: layer: 'bits' is not a float parameter \(scale\)",
    ):
        check(QuantizerLayer(trainable=("bits",)))
    with pytest.raises(
        DefinitionError,
        match=r"fake_quant: layer: the start 'rms' of 'scale' uses \['q'\]",
    ):
        check(QuantizerLayer(init={"scale": {"rms": MEAN_ABS * sp.Symbol("q")}}))
    with pytest.raises(
        DefinitionError,
        match=r"fake_quant: layer: the default 'max' of 'scale' is no start",
    ):
        check(QuantizerLayer(init={"scale": {"lsq": MEAN_ABS}}, defaults={"scale": "max"}))
    with pytest.raises(DefinitionError, match=r"fake_quant: layer: gradient_scale uses \['mean_abs'\]"):
        check(QuantizerLayer(gradient_scale=MEAN_ABS))


# -- a user's quantizer started from the first batch's least and greatest values -------------------

RANGE_CATALOG = """
import sympy as sp
from derive import BATCH_MAX, BATCH_MIN, Approximation, Param, QuantizerLayer, hard_round, round_ste, x

lo, hi = sp.Symbol("lo", real=True), sp.Symbol("hi", real=True)
b = sp.Symbol("b", integer=True, positive=True)
step = (hi - lo) / (2**b - 1)


def clipped(inside):
    return sp.Piecewise((lo, x <= lo), (hi, x >= hi), (inside, True))


range_quant = Approximation(
    name="range_quant",
    hard=clipped(lo + step * hard_round((x - lo) / step)),
    expr=clipped(lo + step * round_ste((x - lo) / step)),
    params={"lower": Param(lo, -1.0), "upper": Param(hi, 1.0), "bits": Param(b, 4, domain=sp.Interval(1, 16))},
    modes=("ste",),
    constraints=(lo < hi,),
    layer=QuantizerLayer(
        init={"lower": {"range": BATCH_MIN}, "upper": {"range": BATCH_MAX}},
        defaults={"lower": "range", "upper": "range"},
        trainable=("lower", "upper"),
    ),
)
CATALOG = [range_quant]
"""


@pytest.fixture(scope="module")
def range_quantizers(tmp_path_factory):
    import importlib

    from derive import generate, load_catalog
    from derive.writing import write_tree

    folder = tmp_path_factory.mktemp("range_quant")
    (folder / "range_catalog.py").write_text(RANGE_CATALOG)
    write_tree(generate(load_catalog(folder / "range_catalog.py")), folder / "range_quantizers")
    sys.path.insert(0, str(folder))
    try:
        yield importlib.import_module("range_quantizers")
    finally:
        sys.path.remove(str(folder))
        sys.modules.pop("range_quantizers", None)


def test_a_user_quantizer_starts_from_the_first_batch_minimum_and_maximum(tf, range_quantizers):
    bad = X.copy()
    bad[0, 0], bad[1, 0], bad[2, 1] = np.nan, np.inf, -np.inf
    bad[:, 4] = np.nan  # a channel without one finite element starts at 0
    finite = [np.delete(bad[:, c], np.flatnonzero(~np.isfinite(bad[:, c]))) for c in range(4)]
    layer = range_quantizers.layers.RangeQuant(bits=3, per_channel_axis=-1)
    layer(tf.constant(bad))
    assert np.shape(layer.get_param("lower")) == (1, 5)
    np.testing.assert_array_equal(np.ravel(layer.get_param("lower")), [c.min() for c in finite] + [0.0])
    np.testing.assert_array_equal(np.ravel(layer.get_param("upper")), [c.max() for c in finite] + [0.0])
    layer = range_quantizers.layers.RangeQuant(bits=3)
    y = layer(tf.constant(X))
    assert layer.get_param("lower") == float(X.min()) and layer.get_param("upper") == float(X.max())
    layer(tf.constant(X * 10))  # later batches leave the start alone
    assert layer.get_param("lower") == float(X.min()) and layer.get_param("upper") == float(X.max())
    # the range's ends are levels: the least and greatest x come out as themselves
    np.testing.assert_array_equal(np.asarray(y).ravel()[[X.argmin(), X.argmax()]], [X.min(), X.max()])
    assert sorted(layer.trainable_params) == ["lower", "upper"]
