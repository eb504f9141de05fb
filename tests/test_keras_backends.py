"""The Keras layers and the Anneal callback on every Keras backend the package
has: train with a trainable parameter and an annealed one, save to .keras,
load in a new process under each backend, same outputs. (tests/test_keras.py
covers the layers in depth on the TensorFlow backend.)"""

import json
import os
import subprocess
import sys

import pytest

import diffround

TRAIN = """
import json, sys
import numpy as np, keras
import diffround as dr

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
model.save(sys.argv[1])
np.save(sys.argv[1] + ".npy", keras.ops.convert_to_numpy(model(x[:8])))
print(json.dumps({
    "backend": keras.backend.backend(),
    "learned": model.get_layer("learned").get_param("steepness"),
    "annealed": model.get_layer("annealed").get_param("steepness"),
    "loss": history.history["loss"],
}))
"""

LOAD = """
import json, sys
import numpy as np, keras
import diffround
m = keras.models.load_model(sys.argv[1])
x = (np.random.default_rng(0).normal(size=(64, 3)) * 2).astype("float32")
print(json.dumps(float(np.max(np.abs(keras.ops.convert_to_numpy(m(x[:8])) - np.load(sys.argv[1] + ".npy"))))))
"""

BACKENDS = [b for b in ("tensorflow", "jax", "torch") if b in diffround._dispatch.BACKENDS]


def _run(script, backend, *args):
    env = {**os.environ, "KERAS_BACKEND": backend, "JAX_PLATFORMS": "cpu"}
    done = subprocess.run([sys.executable, "-c", script, *args], env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("backend", [b for b in BACKENDS if b != "tensorflow"])
def test_layers_train_anneal_save_and_load_under_every_keras_backend(backend, tmp_path):
    path = str(tmp_path / f"model_{backend}.keras")
    trained = _run(TRAIN, backend, path)
    assert trained["backend"] == backend
    assert trained["learned"] != 2.0  # the trainable steepness moved
    assert trained["annealed"] == pytest.approx(8.0, rel=1e-6)  # the geometric schedule's end
    assert all(v == v for v in trained["loss"])  # no NaN
    for loader in BACKENDS:  # saved under one backend, loaded under each
        assert _run(LOAD, loader, path) <= 1e-5, loader
