"""Keras: layers, activations, saving, annealing, SavedModel, mixed precision,
XLA, distribution and TFLite, for every catalog entry."""

import dataclasses
import importlib
import inspect
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from keras_models import data, every_layer_model, layer_variants, make_layers

from derive import DefinitionError, generate
from derive.catalog import CATALOG, sigmoid_round
from derive.half_precision import HALF_DTYPES, measure_catalog
from derive.rendering import class_name, layers_context
from derive.spec import Approximation
from derive.writing import write_tree

ROOT = Path(__file__).resolve().parent.parent
ENTRIES = {e.name: e for e in CATALOG}
VARIANTS = layer_variants(CATALOG)
X = np.array([[-1.3, -0.45, 0.0], [0.3, 0.5, 0.62], [1.49905, 2.2, -2.7]], np.float32)


@pytest.fixture(scope="module")
def keras():
    import keras

    return keras


def layer_class(dr, name):
    return getattr(dr.layers, class_name(name))


def call_op(dr, cls_name, arguments, x, **params):
    """The op behind a layer variant, called as a function."""
    name = next(e.name for e in CATALOG if class_name(e.name) == cls_name)
    arguments = {k: v for k, v in arguments.items() if k != "trainable_params"}
    return getattr(dr, name)(x, **arguments, **params)


# -- layers ------------------------------------------------------------------------------


@pytest.mark.parametrize("name", list(ENTRIES))
def test_every_entry_has_a_registered_layer_taking_its_parameters(keras, dr, name):
    cls = layer_class(dr, name)
    function = inspect.signature(getattr(dr, name)).parameters
    layer = inspect.signature(cls.__init__).parameters
    expected = [p for p in function if p not in ("x", "name", "params")]
    entry = ENTRIES[name]
    if not isinstance(entry, Approximation):
        expected += list(dict.fromkeys(k for s in entry.surrogates.values() for k in s.defaults))
    elif entry.layer is not None:  # a quantizer's layer (tests/test_keras_quantizers.py)
        expected += ["per_channel_axis"] + (["gradient_scale"] if entry.layer.gradient_scale is not None else [])
    assert sorted(p for p in layer if p not in ("self", "trainable_params", "kwargs")) == sorted(expected)
    assert keras.saving.get_registered_name(cls) == f"diffround>{cls.__name__}"
    assert keras.saving.get_registered_object(f"diffround>{cls.__name__}") is cls


@pytest.mark.parametrize("cls_name,arguments", VARIANTS, ids=[f"{c}-{a}" for c, a in VARIANTS])
def test_layer_matches_its_op_and_its_config_round_trips(tf, keras, dr, cls_name, arguments):
    cls = getattr(dr.layers, cls_name)
    floats = cls(**arguments).float_params
    layer = cls(**arguments, trainable_params=floats)
    x = tf.constant(X)
    with tf.GradientTape(persistent=True) as tape:
        tape.watch(x)
        y = layer(x)
        params = {n: tf.Variable(layer.get_param(n)) for n in floats}
        expected = call_op(dr, cls_name, arguments, x, **params)
    np.testing.assert_array_equal(y.numpy(), expected.numpy())
    np.testing.assert_array_equal(tape.gradient(y, x).numpy(), tape.gradient(expected, x).numpy())
    weights = {w.path.split("/")[-1]: w for w in layer.trainable_weights}
    assert sorted(weights) == sorted(floats)
    for n in floats:
        np.testing.assert_allclose(tape.gradient(y, weights[n]).numpy(), tape.gradient(expected, params[n]).numpy(), rtol=1e-6)
    config = layer.get_config()
    clone = cls.from_config(config)
    assert clone.get_config() == config
    np.testing.assert_array_equal(clone(x).numpy(), y.numpy())


def domain_cases():
    cases = []
    for cls_name, arguments in VARIANTS:
        if "mode" in arguments and arguments["mode"] != "soft":
            continue
        entry = ENTRIES[next(e for e in ENTRIES if class_name(e) == cls_name)]
        if isinstance(entry, Approximation):
            # a quantizer's layer clips the parameter's value, not its weight (tests/test_keras_quantizers.py)
            cases += [(cls_name, arguments, n) for n in entry.float_params if entry.layer is None]
        else:
            label = arguments["surrogate"]
            cases += [(cls_name, arguments, n) for n in entry.surrogates[label].defaults]
    return cases


@pytest.mark.parametrize("cls_name,arguments,param", domain_cases())
def test_trainable_parameters_are_constrained_into_their_domain(tf, dr, cls_name, arguments, param):
    layer = getattr(dr.layers, cls_name)(**arguments, trainable_params=[param])
    layer.build((None, 3))
    (weight,) = layer.trainable_weights
    for value in (-3.0, -1e-30, 0.0, 0.5, 1.0, 7.0, 1e30, -1e30):
        constrained = float(weight.constraint(tf.constant(value)))
        layer.set_param(param, constrained)  # raises the op's ValueError outside the domain
        assert layer.get_param(param) == constrained
        try:
            layer.set_param(param, value)
        except ValueError:
            continue
        assert constrained == np.float32(value), "a value inside the domain must not move"


def test_bad_layer_arguments_raise_named_errors(dr):
    with pytest.raises(ValueError, match=r"sigmoid_round: steepness must be in \(0, inf\), got -1.0"):
        dr.layers.SigmoidRound(steepness=-1.0)
    with pytest.raises(ValueError, match=r"sine_round: mode must be one of 'soft', 'ste', got 'hard'"):
        dr.layers.SineRound(mode="hard")
    with pytest.raises(ValueError, match=r"SigmoidRound: trainable_params must name float parameters \(steepness\), got 'k'"):
        dr.layers.SigmoidRound(trainable_params=["k"])
    with pytest.raises(ValueError, match=r"FourierRound: trainable_params must name float parameters \(none\), got 'terms'"):
        dr.layers.FourierRound(trainable_params=["terms"])
    with pytest.raises(TypeError, match=r"SigmoidRound: trainable_params must be a list or tuple .* got 'steepness'"):
        dr.layers.SigmoidRound(trainable_params="steepness")
    with pytest.raises(TypeError, match=r"heaviside: surrogate 'sigmoid' takes the parameters \(steepness\), got width"):
        dr.layers.Heaviside(width=0.5)
    with pytest.raises(ValueError, match=r"heaviside: surrogate must be one of .* got 'box'"):
        dr.layers.Heaviside(surrogate="box")


def test_layer_class_names_must_be_distinct_and_parameters_must_not_clash():
    assert class_name("sigmoid_round") == "SigmoidRound" and class_name("ste_sign") == "SteSign"
    twin = dataclasses.replace(sigmoid_round, name="sigmoid__round")
    with pytest.raises(DefinitionError, match="sigmoid__round: its layer class name SigmoidRound is taken by sigmoid_round"):
        layers_context([sigmoid_round, twin])
    params = {"dtype": sigmoid_round.params["steepness"]}
    clash = dataclasses.replace(sigmoid_round, name="clash", params=params)
    with pytest.raises(DefinitionError, match="clash: parameter 'dtype' clashes with a Keras layer argument"):
        layers_context([clash])


# -- activations and .keras files -----------------------------------------------------------


def gradients(tf, model, x, y):
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean((model(x) - y) ** 2)
    return [g.numpy() for g in tape.gradient(loss, model.trainable_weights)]


def assert_same_model(tf, model, loaded, x, y):
    np.testing.assert_array_equal(loaded(x).numpy(), model(x).numpy())
    for got, want in zip(gradients(tf, loaded, x, y), gradients(tf, model, x, y)):
        np.testing.assert_allclose(got, want, rtol=1e-6, atol=1e-7)


def test_every_op_is_an_activation_by_function_and_by_name_and_saves(tmp_path, tf, keras, dr):
    x, y = data()
    inputs = keras.Input((4,))
    branches = []
    for name in ENTRIES:
        branches.append(keras.layers.Dense(2, activation=getattr(dr, name))(inputs))
        branches.append(keras.layers.Dense(2, activation=name)(inputs))
    model = keras.Model(inputs, keras.layers.Dense(1)(keras.layers.Concatenate()(branches)))
    assert [layer.activation for layer in model.layers[1:-2]] == [getattr(dr, n) for n in ENTRIES for _ in (0, 1)]
    model.save(tmp_path / "activations.keras")
    loaded = keras.models.load_model(tmp_path / "activations.keras")
    assert [layer.activation for layer in loaded.layers[1:-2]] == [getattr(dr, n) for n in ENTRIES for _ in (0, 1)]
    assert_same_model(tf, model, loaded, x, y)


def test_every_layer_saves_and_loads_with_its_weights(tmp_path, tf, keras, dr):
    x, y = data()
    model = every_layer_model(keras, dr, CATALOG)
    model.compile(optimizer=keras.optimizers.SGD(0.05), loss="mse")
    model.fit(x, y, batch_size=8, epochs=1, shuffle=False, verbose=0)  # parameters move off their defaults
    model.save(tmp_path / "layers.keras")
    loaded = keras.models.load_model(tmp_path / "layers.keras")
    for original, copy in zip(model.layers, loaded.layers):
        assert type(copy) is type(original) and copy.get_config() == original.get_config()
    for original, copy in zip(model.weights, loaded.weights):
        np.testing.assert_array_equal(copy.numpy(), original.numpy())
    assert_same_model(tf, model, loaded, x, y)


# -- annealing ------------------------------------------------------------------------------


def steepness_model(keras, dr):
    """Every layer with a steepness, none trainable, on a fixed input."""
    inputs = keras.Input((3,))
    layers = [dr.layers.SigmoidRound(steepness=1.0), dr.layers.SigmoidStep(), dr.layers.Heaviside(surrogate="sigmoid")]
    outputs = keras.layers.Concatenate()([layer(inputs) for layer in layers])
    return keras.Model(inputs, outputs), layers


@pytest.mark.parametrize("schedule,reference", [("linear", np.linspace), ("geometric", np.geomspace)])
def test_anneal_sets_the_parameter_of_every_layer_each_epoch(tf, keras, dr, schedule, reference):
    model, layers = steepness_model(keras, dr)
    model.compile(optimizer="sgd", loss="mse")
    x = np.tile(X, (2, 1))
    anneal = dr.callbacks.Anneal("steepness", 1.0, 50.0, schedule=schedule)
    history = model.fit(x, np.zeros((6, 9), np.float32), batch_size=6, epochs=5, verbose=0, callbacks=[anneal])
    expected = reference(1.0, 50.0, 5)
    np.testing.assert_allclose(history.history["steepness"], expected, rtol=1e-12)
    assert [layer.get_param("steepness") for layer in layers] == [50.0] * 3
    # the compiled training step read each epoch's value: its loss is the op's at that value
    for loss, k in zip(history.history["loss"], expected):
        outputs = [dr.sigmoid_round(x, k), dr.sigmoid_step(x, k), dr.heaviside(x, steepness=k)]
        np.testing.assert_allclose(loss, np.mean(np.concatenate(outputs, axis=1) ** 2), rtol=1e-5)


def test_anneal_per_step(keras, dr):
    model, layers = steepness_model(keras, dr)
    model.compile(optimizer="sgd", loss="mse")
    seen = []
    record = keras.callbacks.LambdaCallback(on_train_batch_begin=lambda batch, logs: seen.append(layers[0].get_param("steepness")))
    anneal = dr.callbacks.Anneal("steepness", 2.0, 32.0, schedule="geometric", per="step")
    x = np.tile(X, (4, 1))
    model.fit(x, np.zeros((12, 9), np.float32), batch_size=3, epochs=2, verbose=0, callbacks=[anneal, record])
    np.testing.assert_allclose(seen, np.geomspace(2.0, 32.0, 8), rtol=1e-6)


def test_anneal_errors_name_the_cause(keras, dr):
    model, _ = steepness_model(keras, dr)
    model.compile(optimizer="sgd", loss="mse")
    x, y = X, np.zeros((3, 9), np.float32)
    with pytest.raises(ValueError, match="Anneal: no layer of the model has a float parameter 'alpha'"):
        model.fit(x, y, verbose=0, callbacks=[dr.callbacks.Anneal("alpha", 1.0, 5.0)])
    with pytest.raises(ValueError, match=r"sigmoid_round: steepness must be in \(0, inf\), got -1.0"):
        model.fit(x, y, verbose=0, callbacks=[dr.callbacks.Anneal("steepness", -1.0, 5.0)])
    with pytest.raises(ValueError, match="Anneal: a geometric schedule needs start and end of one sign"):
        dr.callbacks.Anneal("steepness", 0.0, 5.0, schedule="geometric")
    with pytest.raises(ValueError, match="Anneal: per must be one of 'epoch', 'step', got 'batch'"):
        dr.callbacks.Anneal("steepness", 1.0, 5.0, per="batch")
    inputs = keras.Input((3,))
    trained = keras.Model(inputs, dr.layers.SigmoidRound(trainable_params=["steepness"], name="learned")(inputs))
    trained.compile(optimizer="sgd", loss="mse")
    with pytest.raises(ValueError, match="Anneal: 'steepness' is a trainable weight of layer 'learned'"):
        trained.fit(x, x, verbose=0, callbacks=[dr.callbacks.Anneal("steepness", 1.0, 5.0)])


# -- SavedModel, mixed precision, XLA, distribution, TFLite ------------------------------------


@pytest.fixture(params=[True, False], ids=["xla", "op_by_op"])
def xla(dr, request):
    """Kernels compiled with XLA (the default) or run op by op (set_xla(False))."""
    previous = dr.tensorflow._runtime.XLA
    dr.set_xla(request.param)
    yield request.param
    dr.set_xla(previous)


def test_saved_model_keeps_the_custom_gradients(tmp_path, tf, dr, xla):
    """A module applying every op variant to its own row of x, with its float
    parameters as variables: after saving and loading, the gradients of x and
    of every variable are those of the original, and none is all zero."""
    variants = []
    for name, entry in ENTRIES.items():
        if isinstance(entry, Approximation):
            for mode in entry.modes:
                kwargs = {"mode": mode} if len(entry.modes) > 1 else {}
                variants.append((name, kwargs, {n: float(entry.params[n].default) for n in entry.float_params}))
        else:
            for label, surrogate in entry.surrogates.items():
                variants.append((name, {"surrogate": label}, dict(surrogate.defaults)))
    points = [-0.6, -0.05, 0.0, 0.3, 0.49905, 0.55, 1.2]

    class Ops(tf.Module):
        def __init__(self):
            super().__init__()
            self.params = [{n: tf.Variable(v) for n, v in floats.items()} for _, _, floats in variants]

        @tf.function(input_signature=[tf.TensorSpec([len(variants), len(points)], tf.float32)])
        def __call__(self, x):
            rows = [getattr(dr, name)(x[i], **kwargs, **self.params[i]) for i, (name, kwargs, _) in enumerate(variants)]
            return tf.stack(rows)

    def grads(module, x):
        with tf.GradientTape() as tape:
            tape.watch(x)
            y = module(x)
        variables = [v for p in module.params for v in p.values()]
        return tape.gradient(y, [x] + variables)

    module = Ops()
    tf.saved_model.save(module, str(tmp_path / "ops"))
    loaded = tf.saved_model.load(str(tmp_path / "ops"))
    x = tf.constant([points] * len(variants), tf.float32)
    np.testing.assert_array_equal(loaded(x).numpy(), module(x).numpy())
    got, want = grads(loaded, x), grads(module, x)
    assert all(g is not None for g in got)
    for g, w in zip(got, want):
        np.testing.assert_array_equal(g.numpy(), w.numpy())
    for (name, kwargs, _), row in zip(variants, got[0].numpy()):
        assert np.any(row != 0), f"{name} {kwargs}: all gradients zero"


@pytest.fixture
def policy(keras, request):
    keras.mixed_precision.set_global_policy(request.param)
    yield request.param
    keras.mixed_precision.set_global_policy("float32")


@pytest.mark.parametrize("policy", ["mixed_float16", "mixed_bfloat16"], indirect=True)
def test_mixed_precision_training_with_every_layer(tf, keras, dr, policy):
    compute = policy.removeprefix("mixed_")
    x, y = data()
    for layer in make_layers(dr, CATALOG):
        assert layer(tf.constant(X)).dtype == compute, layer.name
    model = every_layer_model(keras, dr, CATALOG)
    assert model(x).dtype == compute
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean((tf.cast(model(x), tf.float32) - y) ** 2)
    for grad in tape.gradient(loss, model.trainable_weights):
        assert np.all(np.isfinite(grad.numpy()))
    initial = [w.numpy() for w in model.trainable_weights]
    model.compile(optimizer=keras.optimizers.SGD(0.01), loss="mse")
    # float16 starts with a large loss scale and skips the steps whose gradients overflow
    history = model.fit(x, y, batch_size=8, epochs=2, shuffle=False, verbose=0)
    assert np.all(np.isfinite(history.history["loss"]))
    assert any(np.any(w.numpy() != w0) for w, w0 in zip(model.trainable_weights, initial))


def test_half_precision_results_are_rounded_once_from_float32(tf, dr):
    """Every op's float16 and bfloat16 forward and d/dx against the exact value:
    within half a unit in the last place plus the float32 evaluation's allowance."""
    results = measure_catalog(tf, dr, CATALOG, step=1 / 16)
    assert {name for name, _ in results} == {e.name for e in CATALOG if isinstance(e, Approximation)}
    worst = {(key, d, part): m["bound"] for key, r in results.items() for d in HALF_DTYPES for part, m in r[d].items()}
    assert max(worst.values()) <= 1.0, max(worst.items(), key=lambda item: item[1])


def test_xla_training_with_every_layer_matches_the_graph_run(keras, dr):
    # fixed initial weights: with 2 of 40 seeds, op by op and with the XLA kernels alike,
    # the two runs' float32 rounding differences grow past the tolerance in 16 steps
    keras.utils.set_random_seed(0)
    x, y = data()
    initial = every_layer_model(keras, dr, CATALOG).get_weights()
    weights = []
    for jit_compile in (True, False):
        model = every_layer_model(keras, dr, CATALOG)
        model.set_weights(initial)
        model.compile(optimizer=keras.optimizers.SGD(0.01), loss="mse", jit_compile=jit_compile)
        model.fit(x, y, batch_size=8, epochs=2, shuffle=False, verbose=0)
        weights.append(model.get_weights())
    assert any(np.any(w != w0) for w, w0 in zip(weights[0], initial))
    for xla, graph in zip(*weights):
        np.testing.assert_allclose(xla, graph, rtol=1e-5, atol=1e-6)


def test_mirrored_strategy_over_two_cpus_reaches_the_one_device_weights():
    result = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "distributed_training.py")], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["replicas"] == 2 and report["finite"]
    assert report["difference"] < 1e-5
    assert sum(change > 1e-4 for change in report["changes"]) > len(report["changes"]) // 2


def test_tflite_builtin_ops_run_every_layer_in_every_mode(tf, keras, dr, xla):
    """The converter inlines the XLA-compiled kernels: their forms of sin, cos
    and atan are builtin arithmetic; op by op, atan is printed as ATAN2."""
    x, _ = data()
    model = every_layer_model(keras, dr, CATALOG)
    converter = tf.lite.TFLiteConverter.from_keras_model(model)
    converter.target_spec.supported_ops = [tf.lite.OpsSet.TFLITE_BUILTINS]
    interpreter = tf.lite.Interpreter(model_content=converter.convert())
    (source,), (target,) = interpreter.get_input_details(), interpreter.get_output_details()
    interpreter.resize_tensor_input(source["index"], x.shape)
    interpreter.allocate_tensors()
    interpreter.set_tensor(source["index"], x)
    interpreter.invoke()
    np.testing.assert_allclose(interpreter.get_tensor(target["index"]), model(x).numpy(), rtol=1e-5, atol=1e-5)


# -- a user's catalog ------------------------------------------------------------------------------

CATALOG_FILE = ROOT / "tests" / "erf_round_catalog.py"  # the README's erf_round


def test_a_user_catalog_gets_layers_registered_under_its_package(tmp_path, tf, keras):
    from derive import load_catalog

    write_tree(generate(load_catalog(CATALOG_FILE)), tmp_path / "keras_ready_ops")
    sys.path.insert(0, str(tmp_path))
    try:
        package = importlib.import_module("keras_ready_ops")
    finally:
        sys.path.remove(str(tmp_path))
    layer = package.layers.ErfRound(steepness=4.0, trainable_params=["steepness"])
    x = tf.constant(X)
    np.testing.assert_array_equal(layer(x).numpy(), package.erf_round(x, steepness=4.0).numpy())
    assert keras.saving.get_registered_name(package.layers.ErfRound) == "keras_ready_ops>ErfRound"
    assert keras.saving.get_registered_object("keras_ready_ops>erf_round") is package.erf_round
    assert keras.layers.Dense(2, activation="erf_round").activation is package.erf_round
    model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(3, activation="erf_round"), layer])
    model.save(tmp_path / "user.keras")
    np.testing.assert_array_equal(keras.models.load_model(tmp_path / "user.keras")(X).numpy(), model(X).numpy())
