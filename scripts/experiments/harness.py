"""Shared by the experiments of docs/experiments.md: data, seeds, batch order,
initial weights, a training loop, timing, statistics, results as JSON, plots.

Every experiment trains each method once per seed. Within a seed every method
sees the same data split, the same initial weights (initializers seeded from
the seed) and the same batches in the same order (index permutations drawn
from the seed before any training), so that the methods differ only in the op
under test.
"""

from __future__ import annotations

import argparse
import datetime
import json
import math
import os
import platform
import sys
import time
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import numpy as np  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "docs" / "experiments"
# Chosen before any result was seen; the quick mode uses the first two.
SEEDS = tuple(range(10))
QUICK_SEEDS = SEEDS[:2]
CONFIDENCE = 0.95


def arguments(description: str, script: str, argv=None) -> argparse.Namespace:
    """The command line every experiment takes; ``script`` is the experiment's file."""
    parser = argparse.ArgumentParser(description=description, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="two seeds, a few epochs: a smoke test of seconds")
    parser.add_argument("--seeds", type=int, default=None, help=f"number of seeds (default {len(SEEDS)})")
    parser.add_argument("--out", type=Path, default=OUT, help="folder for the JSON and PNGs (default docs/experiments)")
    args = parser.parse_args(argv)
    count = args.seeds if args.seeds is not None else (len(QUICK_SEEDS) if args.quick else len(SEEDS))
    if not 1 <= count <= len(SEEDS):
        parser.error(f"--seeds must be in [1, {len(SEEDS)}], got {count}")
    args.seed_list = list(SEEDS[:count])
    args.started = time.perf_counter()
    args.command = "python " + " ".join([_relative(script)] + (sys.argv[1:] if argv is None else list(argv)))
    return args


def _relative(path: str) -> str:
    try:
        return str(Path(path).resolve().relative_to(ROOT))
    except ValueError:
        return path


def digits(seed: int):
    """scikit-learn's 8x8 digits scaled to [0, 1], split 75/25 stratified by label
    (the split of scripts/train_digits.py): x_train, x_test, y_train, y_test,
    the labels as int64."""
    from sklearn.datasets import load_digits
    from sklearn.model_selection import train_test_split

    x, y = load_digits(return_X_y=True)
    x = (x / 16.0).astype(np.float32)
    return train_test_split(x, y.astype(np.int64), test_size=0.25, random_state=seed, stratify=y)


def batch_orders(seed: int, size: int, epochs: int) -> np.ndarray:
    """One permutation of range(size) per epoch, drawn from the seed alone."""
    rng = np.random.default_rng([seed, 1])
    return np.stack([rng.permutation(size) for _ in range(epochs)])


def weight_seed(seed: int, layer: int) -> int:
    """The initializer seed of a layer: the same for every method of a seed."""
    return 1000 * seed + layer


def set_threads() -> None:
    """Deterministic kernels on one thread: the tensors are small, and a second
    thread costs more in handing over than it saves."""
    import tensorflow as tf

    tf.config.experimental.enable_op_determinism()
    try:
        tf.config.threading.set_intra_op_parallelism_threads(1)
        tf.config.threading.set_inter_op_parallelism_threads(1)
    except RuntimeError:  # TensorFlow already runs (in a test process): keep its threads
        pass


def fit_keras(model, loss_fn, x, y, orders, batch, learning_rate, callbacks=(), evaluate=None):
    """Adam on ``model`` over the given batch orders (one row per epoch), with
    Keras callbacks driven by hand (Anneal among them); ``evaluate(epoch)``
    after each epoch returns a dict of metrics. Returns (per-epoch metrics,
    training seconds without the evaluations)."""
    import keras
    import tensorflow as tf

    optimizer = keras.optimizers.Adam(learning_rate)
    callback_list = keras.callbacks.CallbackList(list(callbacks), model=model, epochs=len(orders), verbose=0)
    variables = model.trainable_variables

    @tf.function
    def step(xb, yb):
        with tf.GradientTape() as tape:
            loss = loss_fn(yb, model(xb, training=True))
        grads = tape.gradient(loss, variables)
        optimizer.apply_gradients(zip(grads, variables))

    # one graph per epoch: a Python call per batch would cost more than the batch
    @tf.function
    def run_epoch(x_epoch, y_epoch):
        for start in tf.range(0, tf.shape(x_epoch)[0], batch):
            step(x_epoch[start : start + batch], y_epoch[start : start + batch])

    history = []
    seconds = 0.0
    callback_list.on_train_begin()
    for epoch, order in enumerate(orders):
        started = time.perf_counter()
        callback_list.on_epoch_begin(epoch)
        run_epoch(tf.constant(x[order]), tf.constant(y[order]))
        logs = {}
        callback_list.on_epoch_end(epoch, logs)
        seconds += time.perf_counter() - started
        history.append(evaluate(epoch) if evaluate is not None else {})
    callback_list.on_train_end()
    return history, seconds


def t_interval(values) -> tuple[float, float, float]:
    """Mean and the two-sided 95% Student-t interval of the mean over seeds
    (one seed: the interval is the mean itself, marked by n = 1 in the page)."""
    from scipy import stats

    values = np.asarray(values, dtype=np.float64)
    mean = float(np.mean(values))
    if len(values) < 2:
        return mean, mean, mean
    half = float(stats.t.ppf(0.5 + CONFIDENCE / 2, len(values) - 1) * np.std(values, ddof=1) / math.sqrt(len(values)))
    return mean, mean - half, mean + half


def versions(*modules: str) -> dict:
    found = {"python": platform.python_version()}
    for name in modules:
        try:
            found[name] = __import__(name).__version__
        except Exception:  # noqa: BLE001 - an optional reference library that is absent
            found[name] = None
    return found


def write(name: str, out: Path, args: argparse.Namespace, payload: dict) -> Path:
    """docs/experiments/<name>.json: the payload plus how and when it was made."""
    out.mkdir(parents=True, exist_ok=True)
    record = {
        "name": name,
        "command": args.command,
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "quick": bool(args.quick),
        "seeds": args.seed_list,
        "machine": f"{platform.machine()}, {os.cpu_count()} cores",
        "wall_seconds": time.perf_counter() - args.started if hasattr(args, "started") else None,
        **payload,
    }
    path = out / f"{name}.json"
    # one run per line: readable in a diff, a fraction of the size of one number per line
    results = record.pop("results")
    head = json.dumps(record, indent=1)
    runs_text = ",\n".join("  " + json.dumps(r) for r in results)
    path.write_text(head[: -len("\n}")] + ',\n "results": [\n' + runs_text + "\n ]\n}\n")
    return path


def runs(results: list[dict], method: str) -> list[dict]:
    return [r for r in results if r["method"] == method]


def plot_curves(results, methods, metric, ylabel, title, path: Path, ylim=None, styles=None, colour_of=None):
    """metric against epoch: the mean over seeds as a line, the mean +- one
    standard deviation across seeds as a band, one colour per method (or the
    colour of the method named by ``colour_of``, for a reference drawn dashed)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, axes = plt.subplots(figsize=(7.0, 4.2), dpi=110)
    colours = plt.get_cmap("tab10").colors
    for method in methods:
        curves = np.array([[epoch[metric] for epoch in r["history"]] for r in runs(results, method)], dtype=float)
        if curves.size == 0:
            continue
        epochs = np.arange(1, curves.shape[1] + 1)
        mean, spread = curves.mean(axis=0), curves.std(axis=0)
        style = (styles or {}).get(method, "-")
        colour = colours[methods.index((colour_of or {}).get(method, method)) % 10]
        axes.plot(epochs, mean, style, color=colour, label=method, linewidth=1.8)
        axes.fill_between(epochs, mean - spread, mean + spread, color=colour, alpha=0.15, linewidth=0)
    axes.set_xlabel("epoch")
    axes.set_ylabel(ylabel)
    axes.set_title(title, fontsize=11)
    if ylim is not None:
        axes.set_ylim(*ylim)
    axes.grid(alpha=0.3)
    axes.legend(fontsize=8, loc="best", framealpha=0.85)
    figure.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path)
    plt.close(figure)
    return path


def log(message: str) -> None:
    print(message, flush=True)
