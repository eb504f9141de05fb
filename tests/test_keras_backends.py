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

# every model saved under the other backends, loaded in one new process per backend
LOAD = """
import json, sys
import numpy as np, keras
import diffround
x = (np.random.default_rng(0).normal(size=(64, 3)) * 2).astype("float32")
differences = {}
for path in sys.argv[1:]:
    m = keras.models.load_model(path)
    differences[path] = float(np.max(np.abs(keras.ops.convert_to_numpy(m(x[:8])) - np.load(path + ".npy"))))
print(json.dumps(differences))
"""

BACKENDS = [b for b in ("tensorflow", "jax", "torch") if b in diffround._dispatch.BACKENDS]


def _start(script, backend, *args):
    env = {**os.environ, "KERAS_BACKEND": backend, "JAX_PLATFORMS": "cpu"}
    command = [sys.executable, "-c", script, *args]
    return subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _results(processes):
    """The JSON each process printed last, once all have ended."""
    outputs = []
    try:
        for process in processes:
            outputs.append(process.communicate(timeout=600))
    finally:
        for process in processes:
            if process.poll() is None:
                process.kill()
                process.communicate()
    for process, (out, err) in zip(processes, outputs):
        assert process.returncode == 0, err[-3000:]
    return [json.loads(out.strip().splitlines()[-1]) for out, _ in outputs]


def test_layers_train_anneal_save_and_load_under_every_keras_backend(tmp_path):
    # one test, not one per training backend: each backend's process loads every saved model
    # (3 loading processes instead of one per pair), and the processes of a stage run side by side
    trainers = [b for b in BACKENDS if b != "tensorflow"]
    paths = {backend: str(tmp_path / f"model_{backend}.keras") for backend in trainers}
    trained = dict(zip(trainers, _results([_start(TRAIN, backend, paths[backend]) for backend in trainers])))
    for backend in trainers:
        assert trained[backend]["backend"] == backend
        assert trained[backend]["learned"] != 2.0, backend  # the trainable steepness moved
        assert trained[backend]["annealed"] == pytest.approx(8.0, rel=1e-6), backend  # the geometric schedule's end
        assert all(v == v for v in trained[backend]["loss"]), backend  # no NaN
    loaded = _results([_start(LOAD, loader, *paths.values()) for loader in BACKENDS])
    for loader, differences in zip(BACKENDS, loaded):  # saved under one backend, loaded under each
        assert sorted(differences) == sorted(paths.values()), loader
        for backend in trainers:
            assert differences[paths[backend]] <= 1e-5, (backend, loader)
