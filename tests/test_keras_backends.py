"""The Keras layers, the Anneal callback and the quantizer layers on every
Keras backend the package has: train (trainable and annealed parameters,
learned quantizer scales, mixed precision), save to .keras, load in a new
process under each backend, same outputs. One process per backend trains
both models and one per backend loads every saved one: each process starts
Keras, its backend and diffround (seconds each). tests/test_keras.py and
test_keras_quantizers.py cover the layers in depth on the TensorFlow backend."""

import json
import os
import subprocess
import sys

import numpy as np
import pytest

import diffround

# argv: the backend's layer model path ("-" for none), then its quantized model path
TRAIN = """
import json, sys
import numpy as np, keras
import diffround as dr

def layers_model(path):
    rng = np.random.default_rng(0)
    x = (rng.normal(size=(64, 3)) * 2).astype("float32")
    y = np.round(x.sum(axis=1, keepdims=True))
    inputs = keras.Input((3,))
    h = keras.layers.Dense(4, activation="diffround>sigmoid_round")(inputs)
    h = dr.layers.SigmoidRound(steepness=2.0, trainable_params=["steepness"], name="learned")(h)
    h = dr.layers.SigmoidStep(steepness=1.0, name="annealed")(h)
    h = dr.layers.Heaviside(surrogate="atan", alpha=3.0)(h)
    h = dr.layers.FourierRound(terms=3, mode="ste")(h)
    model = keras.Model(inputs, keras.layers.Dense(1)(h))
    model.compile(keras.optimizers.SGD(0.05), "mse")
    anneal = dr.callbacks.Anneal("steepness", 1.0, 8.0, schedule="geometric", layers=[model.get_layer("annealed")])
    history = model.fit(x, y, epochs=4, batch_size=16, verbose=0, callbacks=[anneal])
    model.save(path)
    np.save(path + ".npy", keras.ops.convert_to_numpy(model(x[:8])))
    return {
        "learned": model.get_layer("learned").get_param("steepness"),
        "annealed": model.get_layer("annealed").get_param("steepness"),
        "loss": history.history["loss"],
    }

def quantized_model():
    inputs = keras.Input((6, 6, 1))
    h = dr.layers.QuantizedConv2D(3, 3, kernel_bits=4, input_quantizer=dr.layers.FakeQuant(bits=4, signed=False),
                                  activation="relu", name="conv")(inputs)
    h = dr.layers.PactQuant(alpha="max", bits=3, per_channel_axis=-1, name="pact")(h)
    h = keras.layers.Flatten()(h)
    h = dr.layers.QuantizedDense(8, kernel_bits=3, name="qdense")(h)
    h = dr.layers.FakeQuant(bits=4, per_channel_axis=-1, gradient_scale=True, name="lsq")(h)
    h = dr.layers.DsqQuant(bits=3, per_channel_axis=-1, name="dsq")(h)
    h = dr.layers.PactQuant(alpha=2.0, bits=2, name="pact_out")(h)
    return keras.Model(inputs, keras.layers.Dense(1)(h))

def quantized(path):
    rng = np.random.default_rng(0)
    x = rng.uniform(0, 1, (64, 6, 6, 1)).astype("float32")
    y = x.mean(axis=(1, 2))
    keras.utils.set_random_seed(0)
    m = quantized_model()
    m.compile(keras.optimizers.Adam(0.01), "mse")
    history = m.fit(x, y, epochs=3, batch_size=16, verbose=0)
    m.save(path)
    np.save(path + ".npy", keras.ops.convert_to_numpy(m(x[:8])))
    lsq = m.get_layer("lsq")
    start = keras.ops.convert_to_numpy(lsq.weights[[w.path.split("/")[-1] for w in lsq.weights].index("scale_start")])
    # last: the policy is global
    keras.mixed_precision.set_global_policy("mixed_bfloat16")
    half = quantized_model()
    half.compile(keras.optimizers.Adam(0.01), "mse")
    half_history = half.fit(x, y, epochs=2, batch_size=16, verbose=0)
    return {
        "loss": history.history["loss"],
        "scale": np.ravel(lsq.get_param("scale")).tolist(),
        "scale_start": np.ravel(start).tolist(),
        "half_dtype": str(keras.backend.standardize_dtype(half(x[:4]).dtype)),
        "half_scale_dtype": str(keras.backend.standardize_dtype(half.get_layer("lsq").weights[0].dtype)),
        "half_loss": half_history.history["loss"],
        "dsq": [np.ravel(m.get_layer("dsq").get_param(n)).tolist() for n in ("lower", "upper", "alpha")],
    }

layers_path, quantized_path = sys.argv[1:]
print(json.dumps({
    "backend": keras.backend.backend(),
    "layers": layers_model(layers_path) if layers_path != "-" else None,
    "quantized": quantized(quantized_path),
}))
"""

# every model saved under every backend, loaded in one new process per backend
LOAD = """
import json, sys
import numpy as np, keras
import diffround
inputs = {
    "layers": (np.random.default_rng(0).normal(size=(64, 3)) * 2).astype("float32"),
    "quantized": np.random.default_rng(0).uniform(0, 1, (64, 6, 6, 1)).astype("float32"),
}
differences = {}
for kind, path in zip(sys.argv[1::2], sys.argv[2::2]):
    m = keras.models.load_model(path)
    x = inputs[kind][:8]
    differences[path] = float(np.max(np.abs(keras.ops.convert_to_numpy(m(x)) - np.load(path + ".npy"))))
print(json.dumps(differences))
"""

BACKENDS = [b for b in ("tensorflow", "jax", "torch") if b in diffround._dispatch.BACKENDS]
# the layers' model trains on the other backends: tests/test_keras.py trains it on TensorFlow
LAYER_TRAINERS = [b for b in BACKENDS if b != "tensorflow"]


def _start(script, backend, *args):
    env = {**os.environ, "KERAS_BACKEND": backend, "JAX_PLATFORMS": "cpu"}
    command = [sys.executable, "-c", script, *args]
    return subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _results(processes):
    """The JSON each process printed last, once all have ended."""
    outputs = []
    try:
        for process in processes:
            outputs.append(process.communicate(timeout=900))
    finally:
        for process in processes:
            if process.poll() is None:
                process.kill()
                process.communicate()
    for process, (out, err) in zip(processes, outputs):
        assert process.returncode == 0, err[-3000:]
    return [json.loads(out.strip().splitlines()[-1]) for out, _ in outputs]


@pytest.mark.heavy  # the longest of the Keras tests: started first, not last beside nothing
def test_layers_and_quantizer_layers_train_save_and_load_under_every_keras_backend(tmp_path):
    layer_paths = {b: str(tmp_path / f"model_{b}.keras") for b in LAYER_TRAINERS}
    quantized_paths = {b: str(tmp_path / f"quantized_{b}.keras") for b in BACKENDS}
    starts = [_start(TRAIN, b, layer_paths.get(b, "-"), quantized_paths[b]) for b in BACKENDS]
    trained = dict(zip(BACKENDS, _results(starts)))
    for backend, result in trained.items():
        assert result["backend"] == backend
        layers = result["layers"]
        if backend in LAYER_TRAINERS:
            assert layers["learned"] != 2.0, backend  # the trainable steepness moved
            assert layers["annealed"] == pytest.approx(8.0, rel=1e-6), backend  # the geometric schedule's end
            assert all(v == v for v in layers["loss"]), backend  # no NaN
        else:
            assert layers is None
        q = result["quantized"]
        assert np.all(np.isfinite(q["loss"])) and np.all(np.isfinite(q["half_loss"])), backend
        # the start came from the first batch (never left at 0), and training moved the scale off it
        assert all(s > 0 for s in q["scale_start"]), backend
        assert q["scale"] != q["scale_start"], backend
        assert q["half_dtype"] == "bfloat16" and q["half_scale_dtype"] == "float32", backend
        lower, upper, alpha = (np.array(v) for v in q["dsq"])  # DSQ's range and alpha, learned per channel
        assert lower.shape == upper.shape == (8,) and np.all(lower < upper) and np.all((alpha > 0) & (alpha <= 0.5))
    saved = [("layers", p) for p in layer_paths.values()] + [("quantized", p) for p in quantized_paths.values()]
    arguments = [part for pair in saved for part in pair]
    loaded = _results([_start(LOAD, loader, *arguments) for loader in BACKENDS])
    for loader, differences in zip(BACKENDS, loaded):  # saved under one backend, loaded under each
        assert sorted(differences) == sorted(path for _, path in saved), loader
        for path, difference in differences.items():
            assert difference <= 1e-5, (path, loader)
