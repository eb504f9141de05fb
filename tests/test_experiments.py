"""make experiments (scripts/experiments/): each experiment's quick mode, the
harness's seeding and statistics, and the page rendered from the JSON."""

import importlib
import json
import math
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

FOLDER = Path(__file__).resolve().parent.parent / "scripts" / "experiments"


def _module(name):
    if str(FOLDER) not in sys.path:
        sys.path.insert(0, str(FOLDER))
    return importlib.import_module(name)


@pytest.fixture(scope="module")
def harness():
    return _module("harness")


@pytest.fixture(scope="module")
def quick_results(once_per_run, dr):
    """Every experiment's quick mode (two seeds, a few epochs), once per test run."""
    import torch

    def run_quick_modes(out):
        threads = torch.get_num_threads()
        try:
            for name in ("integer_labels", "binary_network", "spiking_network", "compression", "quantization"):
                assert _module(name).main(["--quick", "--out", str(out)]) == 0
        finally:
            torch.set_num_threads(threads)

    return once_per_run("experiments_quick", run_quick_modes)


BACKENDS = ("tensorflow", "jax", "torch")
# the backend of each experiment's published numbers (its default): the quick mode above runs it
REFERENCE = {
    "integer_labels": "tensorflow",
    "binary_network": "tensorflow",
    "spiking_network": "torch",
    "compression": "tensorflow",
    "quantization": "tensorflow",
}
FIRST_EPOCH = ["--quick", "--seeds", "1", "--stop-after", "1"]
KERAS_RUN = """
import sys
sys.path.insert(0, sys.argv[1])
import binary_network, integer_labels, quantization
for experiment in (integer_labels, binary_network, quantization):
    assert experiment.main(sys.argv[2:]) == 0
"""


@pytest.fixture(scope="module")
def first_epochs(quick_results, tmp_path_factory):
    """Seed 0's first epoch of every experiment on every backend: name ->
    backend -> record. The published backend's is the quick mode's (its first
    epoch is the same: the schedules run over the quick mode's epochs either
    way); the Keras experiments run on the other backends in a new process
    each, since Keras reads KERAS_BACKEND when it is imported."""
    import torch

    outs = {backend: tmp_path_factory.mktemp(f"first_epoch_{backend}") for backend in BACKENDS}
    processes = [
        subprocess.Popen(
            [
                sys.executable,
                "-c",
                KERAS_RUN,
                str(FOLDER),
                *FIRST_EPOCH,
                "--backend",
                backend,
                "--out",
                str(outs[backend]),
            ],
            env={**os.environ, "JAX_PLATFORMS": "cpu"},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for backend in BACKENDS
        if backend != REFERENCE["integer_labels"]
    ]
    threads = torch.get_num_threads()
    try:
        for name in ("spiking_network", "compression"):
            for backend in BACKENDS:
                if backend != REFERENCE[name]:
                    arguments = FIRST_EPOCH + ["--backend", backend, "--out", str(outs[backend])]
                    assert _module(name).main(arguments) == 0
        for process in processes:
            _, err = process.communicate(timeout=600)
            assert process.returncode == 0, err[-3000:]
    finally:
        torch.set_num_threads(threads)
        for process in processes:
            if process.poll() is None:
                process.kill()
                process.communicate()
    return {
        name: {
            backend: _record(quick_results if backend == REFERENCE[name] else outs[backend], name)
            for backend in BACKENDS
        }
        for name in REFERENCE
    }


def _record(out, name):
    return json.loads((out / f"{name}.json").read_text())


def _check_structure(record, metrics):
    """Every method once per seed, the metrics in [0, 1], one history entry per epoch."""
    assert record["quick"] is True and record["seeds"] == [0, 1]
    assert record["command"].startswith("python scripts/experiments/") and "--quick" in record["command"]
    for seed in record["seeds"]:
        assert sorted(r["method"] for r in record["results"] if r["seed"] == seed) == sorted(record["methods"])
    for result in record["results"]:
        assert len(result["history"]) == record["epochs"]
        assert result["seconds"] > 0
        for metric in metrics:
            assert 0.0 <= result[metric] <= 1.0, (result["method"], metric, result[metric])
            assert result[metric] == result["history"][-1][metric]


def _mean(record, method, metric):
    return np.mean([r[metric] for r in record["results"] if r["method"] == method])


@pytest.mark.parametrize("quick, trained", [(True, 1344), (False, 1347)])
def test_the_quick_mode_trains_whole_batches_only(harness, dr, quick, trained):
    """1347 training images in batches of 32: the quick mode leaves the last 3
    out of each epoch (a smaller batch would trace Keras's train step again),
    the published runs train on all."""
    orders = []

    def train(method, seed, split, epoch_orders):
        orders.append(epoch_orders)
        return {"seconds": 0.0}

    argv = ["--seeds", "1", "--out", "unused"] + (["--quick"] if quick else [])
    args = harness.arguments("", __file__, argv)
    epochs, _ = harness.digits_runs(args, 2, ["ste_round"], train, lambda r: "", 32)
    assert epochs == 2 and orders[0].shape == (2, trained)
    assert all(len(set(epoch)) == trained for epoch in orders[0])  # still a permutation's prefix, no repeats
    full = harness.batch_orders(0, 1347, 2)
    np.testing.assert_array_equal(orders[0], full[:, :trained])


def test_t_interval_is_the_student_t_interval(harness):
    # two degrees of freedom: the t quantile has the closed form (2p - 1)/sqrt(2p(1 - p))
    p = 0.975
    quantile = (2 * p - 1) / math.sqrt(2 * p * (1 - p))
    mean, low, high = harness.t_interval([1.0, 2.0, 3.0])  # sample s.d. 1
    assert mean == 2.0
    assert high - mean == pytest.approx(quantile / math.sqrt(3), rel=1e-12)
    assert mean - low == pytest.approx(quantile / math.sqrt(3), rel=1e-12)


def test_batch_orders_are_permutations_fixed_by_the_seed(harness):
    orders = harness.batch_orders(3, 50, epochs=4)
    assert orders.shape == (4, 50)
    assert all(sorted(order) == list(range(50)) for order in orders)
    assert np.array_equal(orders, harness.batch_orders(3, 50, epochs=4))
    assert not np.array_equal(orders[0], orders[1])
    assert not np.array_equal(orders, harness.batch_orders(4, 50, epochs=4))


def test_every_method_of_a_seed_starts_from_the_same_weights(dr):
    import keras

    integer_labels = _module("integer_labels")
    binary_network = _module("binary_network")
    kernels = [
        keras.ops.convert_to_numpy(integer_labels.build(m, 5)[0].layers[0].kernel) for m in integer_labels.METHODS
    ]
    assert all(np.array_equal(k, kernels[0]) for k in kernels)
    other_seed = keras.ops.convert_to_numpy(integer_labels.build(integer_labels.BASELINE, 6)[0].layers[0].kernel)
    assert not np.array_equal(other_seed, kernels[0])
    binary = [binary_network.build(m, 5) for m in binary_network.METHODS]
    latent = [keras.ops.convert_to_numpy(model.layers[1].kernel) for model in binary]
    assert all(np.array_equal(k, latent[0]) for k in latent)
    quantization = _module("quantization")
    for layer in (1, 2):  # float Dense and QuantizedDense alike
        kernels = [keras.ops.convert_to_numpy(quantization.build(m, 5).layers[layer].kernel) for m in quantization.METHODS]
        assert all(np.array_equal(k, kernels[0]) for k in kernels)


def test_integer_labels_quick(quick_results):
    record = _record(quick_results, "integer_labels")
    integer_labels = _module("integer_labels")
    assert record["methods"] == list(integer_labels.METHODS)
    _check_structure(record, ("accuracy", "integer"))
    # ten digits: a constant prediction rounds to one label, about 10%
    assert _mean(record, integer_labels.BASELINE, "accuracy") > 0.15
    assert _mean(record, integer_labels.BASELINE, "integer") == 0.0  # a float output is almost never an integer
    assert _mean(record, "ste_round", "integer") == 1.0  # its forward is round
    for png in record["plots"].values():
        assert (quick_results / png).read_bytes().startswith(b"\x89PNG")


def test_binary_network_quick(quick_results):
    record = _record(quick_results, "binary_network")
    assert record["methods"] == ["ste_sign", "approx_sign", "swish_sign"]
    _check_structure(record, ("accuracy",))
    for method in record["methods"]:
        assert _mean(record, method, "accuracy") > 0.3, method  # chance is 0.1


def test_spiking_network_quick(quick_results):
    record = _record(quick_results, "spiking_network")
    spiking_network = _module("spiking_network")
    assert record["methods"][:5] == [f"heaviside, {s}" for s in spiking_network.OURS] + [spiking_network.FLOOR]
    _check_structure(record, ("accuracy",))
    floor = _mean(record, spiking_network.FLOOR, "accuracy")
    for surrogate in ("sigmoid", "fast_sigmoid", "atan"):
        assert _mean(record, f"heaviside, {surrogate}", "accuracy") > max(0.3, floor), surrogate


def test_quantization_quick(quick_results):
    record = _record(quick_results, "quantization")
    quantization = _module("quantization")
    assert record["methods"] == list(quantization.METHODS) and record["baseline"] == "float"
    assert len(record["methods"]) == 10  # float, and each of three quantizers at 8, 4 and 2 bits
    _check_structure(record, ("accuracy",))
    for method in record["methods"]:
        assert _mean(record, method, "accuracy") > 0.3, method  # chance is 0.1
    assert (quick_results / record["plots"]["accuracy"]).read_bytes().startswith(b"\x89PNG")


def test_compression_quick(quick_results):
    record = _record(quick_results, "compression")
    compression = _module("compression")
    assert record["methods"] == list(compression.METHODS)
    for seed in record["seeds"]:
        assert sorted(r["method"] for r in record["results"] if r["seed"] == seed) == sorted(record["methods"])
    for result in record["results"]:
        for lam in compression.LAMBDAS:
            rate, distortion = result[compression.key("rate", lam)], result[compression.key("distortion", lam)]
            assert rate >= 0 and distortion > 0
            assert result[compression.key("loss", lam)] == pytest.approx(rate + lam * distortion)
        # sending nothing costs 0 bits and the source's variance, 2 (Laplace(0, 1)): at the largest
        # lambda even a short training does far better
        lam = max(compression.LAMBDAS)
        assert result[compression.key("loss", lam)] < 0.5 * 2 * lam, result["method"]
    assert (quick_results / record["plots"]["rate-distortion"]).read_bytes().startswith(b"\x89PNG")


def test_snntorch_atan_has_heavisides_atan_gradient(dr):
    # the spiking experiment's reference: the same gradient, so the same training up to H(0)
    surrogate = pytest.importorskip("snntorch.surrogate", reason="snnTorch is the reference's own library")
    import torch

    import diffround.torch as drt

    v = torch.linspace(-3.0, 3.0, 601, dtype=torch.float32, requires_grad=True)
    drt.heaviside(v, surrogate="atan").sum().backward()
    ours = v.grad.clone()
    v.grad = None
    surrogate.atan(alpha=2.0)(v).sum().backward()
    # snnTorch's formula, (alpha/2)/(1 + (pi/2 alpha v)^2), in float64
    exact = 1.0 / (1.0 + (math.pi * v.detach().double()) ** 2)
    assert torch.allclose(ours.double(), exact, rtol=1e-6, atol=0)
    assert torch.allclose(v.grad.double(), exact, rtol=1e-6, atol=0)


def test_the_page_marks_overlaps_from_the_intervals(tmp_path, harness):
    render = _module("render")
    record = {
        "name": "binary_network",
        "title": "A made-up experiment",
        "command": "python scripts/experiments/binary_network.py",
        "date": "2026-01-01 00:00 UTC",
        "quick": False,
        "seeds": [0, 1, 2],
        "machine": "x86_64, 2 cores",
        "backend": "Keras, TensorFlow backend",
        "setup": "none",
        "epochs": 1,
        "methods": ["a", "b", "c"],
        "baseline": "b",
        "metrics": {"accuracy": "accuracy"},
        "percent": ["accuracy"],
        "higher_is_better": {"accuracy": True},
        "plots": {},
        "results": [
            {"method": m, "seed": s, "accuracy": v, "seconds": 1.0, "history": [{"accuracy": v}]}
            for m, values in {"a": (0.90, 0.91, 0.92), "b": (0.50, 0.51, 0.52), "c": (0.86, 0.90, 0.93)}.items()
            for s, v in enumerate(values)
        ],
    }
    (tmp_path / "binary_network.json").write_text(json.dumps(record))
    page = tmp_path / "experiments.md"
    guide = tmp_path / "choosing.md"
    guide.write_text(f"before\n{render.GUIDE_START}\nold text\n{render.GUIDE_END}\nafter\n")
    text = render.render(tmp_path, page, "python scripts/experiments/render.py", guide)
    assert page.read_text() == text
    # a: mean 0.91, s.d. 0.01, half-width t(0.975, 2) * 0.01 / sqrt(3) = 0.02484
    assert "| `a` | **91.0% [88.5%, 93.5%]** (best) |" in text
    assert "| `b` (baseline) | 51.0% [48.5%, 53.5%] |" in text
    assert "`c` overlap it" in text and "Wholly on the worse side of it: `b`." in text
    # paired by seed: a - b is 0.40 in every seed, c - b is 0.36, 0.39, 0.41
    assert "paired by seed" in text and "better: `a` (+40.0 pt [+40.0 pt, +40.0 pt]), `c` (+38.7 pt [" in text
    assert "Not run: `docs/experiments/integer_labels.json` is missing." in text
    assert (tmp_path / "summary.png").read_bytes().startswith(b"\x89PNG")
    lines = guide.read_text().splitlines()
    assert lines[0] == "before" and lines[-1] == "after" and "old text" not in lines
    assert lines[2].startswith("- [A made-up experiment](experiments.md#a-made-up-experiment), accuracy, 3 seeds: ")
    assert (
        "best mean `a` (91.0% [88.5%, 93.5%]); not told apart from it: `c`; better than `b` (paired by seed): `a`, `c`."
        in lines[2]
    )


# Float32 rounding alone: the backends' kernels, reductions and fusions round
# differently, and nothing else differs (the same data, batches, initial
# weights, gradient formulas and Adam). Measured on seed 0, the largest
# relative difference from the published backend: the first three batches'
# losses 1.3e-7; the first epoch's mean loss 8e-4 (the spiking network with
# fast_sigmoid, where a spike flips at the threshold), 6e-6 elsewhere.
FIRST_BATCHES_RTOL = 1e-5
FIRST_EPOCH_RTOL = 1e-2
# Where the first epoch amplifies those roundings, the tolerance it gets and why:
AMPLIFIED = {
    # each of fourier_round's five sine terms steepens the loss: batch by batch the backends part
    # from 1e-7 at batch 4 to 4e-3 at batch 12; measured 4.1e-2 on the epoch's mean
    ("integer_labels", "fourier_round, 5 terms", "epoch"): 0.2,
}
# The binary network on JAX: in its first forward pass some batch-normalised
# pre-activations are exactly 0 (sums of +-1 and of multiples of 1/16 that
# equal the batch mean); XLA's fused batch norm leaves them 1 ULP from 0, so
# their sign flips. Measured: the first batches' losses 7.8e-2 apart, the
# first epoch's 9.4e-3. TensorFlow and PyTorch agree within the tolerances above.
BINARY_ON_JAX = {"first": 0.25, "epoch": 0.05}
# Quantization-aware training: the quantized forward is a staircase, so after
# the first Adam step a float32 difference in a weight or a learned scale can
# put a value on the other side of a level, a step in the loss. Measured on
# seed 0 against TensorFlow: the first batch equal on both backends, the
# second and third up to 4.6e-3 apart (pact_quant 2-bit on PyTorch), the
# first epoch 2.8e-3 (pact_quant 2-bit on JAX); float 0 and 5e-9.
QUANTIZED_FIRST_BATCHES_RTOL = 2e-2


def _first_epoch_losses(name, record):
    """method -> (first batches' losses, first epoch's loss(es)), seed 0."""
    losses = {}
    for result in record["results"]:
        if result["seed"] != 0:
            continue
        epoch = [v for k, v in sorted(result["history"][0].items()) if "loss" in k]
        losses[result["method"]] = (result.get("first_batch_losses", []), epoch)
    return losses


def test_the_backends_agree_on_the_first_epoch(first_epochs):
    compared = 0
    for name, records in first_epochs.items():
        reference = _first_epoch_losses(name, records[REFERENCE[name]])
        for backend, record in records.items():
            assert record["backend"] == backend
            if backend == REFERENCE[name]:
                continue
            losses = _first_epoch_losses(name, record)
            # every method that runs on this backend (snnTorch's surrogates run on PyTorch only)
            assert set(losses) == {m for m in reference if not m.startswith("snnTorch")}
            for method, (first, epoch) in losses.items():
                first_rtol, epoch_rtol = FIRST_BATCHES_RTOL, AMPLIFIED.get((name, method, "epoch"), FIRST_EPOCH_RTOL)
                if name == "binary_network" and backend == "jax":
                    first_rtol, epoch_rtol = BINARY_ON_JAX["first"], BINARY_ON_JAX["epoch"]
                if name == "quantization" and method != "float":
                    first_rtol = QUANTIZED_FIRST_BATCHES_RTOL
                where = (name, method, backend)
                assert len(first) == (0 if name == "compression" else 3), where
                assert first == pytest.approx(reference[method][0], rel=first_rtol), where
                assert len(epoch) == (3 if name == "compression" else 1), where
                assert epoch == pytest.approx(reference[method][1], rel=epoch_rtol), where
                compared += 1
    # 7 + 3 + 5 + 3 + 10 methods, on the two other backends each
    assert compared == 56


def test_a_keras_experiment_refuses_a_backend_other_than_the_loaded_keras(capsys, dr):
    # KERAS_BACKEND is read once, when Keras is imported: a second backend needs a new process
    import keras

    loaded = keras.backend.backend()
    other = next(b for b in BACKENDS if b != loaded)
    with pytest.raises(SystemExit):
        _module("integer_labels").main(["--quick", "--backend", other, "--out", "unused"])
    assert f"--backend {other}: Keras is already imported on {loaded} in this process" in capsys.readouterr().err
