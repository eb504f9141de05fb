"""Shared by the experiments of docs/experiments.md: data, seeds, batch order,
initial weights, a training loop, timing, statistics, results as JSON, plots.

Every experiment trains each method once per seed. Within a seed every method
sees the same data split, the same initial weights (initializers seeded from
the seed) and the same batches in the same order (index permutations drawn
from the seed before any training), so that the methods differ only in the op
under test.

Every experiment runs on each backend the package has (--backend). Initial
weights, batch orders, spike trains and samples are drawn with NumPy from the
seed, so that a seed starts from the same point on every backend and the
backends differ only by their float32 arithmetic. The Keras experiments choose
their backend through KERAS_BACKEND, which must be set before Keras is
imported; the others write their model once against ``Framework``, a few
tensor functions, a gradient and a compiler per framework.
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
BACKENDS = ("tensorflow", "jax", "torch")
BACKEND_NAMES = {"tensorflow": "TensorFlow", "jax": "JAX", "torch": "PyTorch"}


def arguments(description: str, script: str, argv=None, backend: str = "tensorflow", keras: bool = False):
    """The command line every experiment takes; ``script`` is the experiment's
    file, ``backend`` the one its published numbers use, ``keras`` whether it
    runs on Keras (whose backend is then chosen here, before Keras loads)."""
    parser = argparse.ArgumentParser(description=description, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--quick", action="store_true", help="two seeds, a few epochs, whole batches only: a smoke test of seconds"
    )
    parser.add_argument("--seeds", type=int, default=None, help=f"number of seeds (default {len(SEEDS)})")
    parser.add_argument(
        "--stop-after",
        type=int,
        default=None,
        metavar="N",
        help="train only the first N epochs of the run (its schedules stay those of the whole run); "
        "the backends' agreement check trains one",
    )
    parser.add_argument(
        "--backend", choices=BACKENDS, default=backend, help=f"the framework to train on (default {backend})"
    )
    parser.add_argument("--out", type=Path, default=OUT, help="folder for the JSON and PNGs (default docs/experiments)")
    args = parser.parse_args(argv)
    count = args.seeds if args.seeds is not None else (len(QUICK_SEEDS) if args.quick else len(SEEDS))
    if not 1 <= count <= len(SEEDS):
        parser.error(f"--seeds must be in [1, {len(SEEDS)}], got {count}")
    if args.stop_after is not None and args.stop_after < 1:
        parser.error(f"--stop-after must be >= 1, got {args.stop_after}")
    if args.backend == "jax" and argv is None and "jax" not in sys.modules:
        # XLA reads its flags when JAX loads: its kernels on one thread, as set_threads gives the others
        # (from the command line only: a test process keeps the flags its other tests run with)
        os.environ["XLA_FLAGS"] = (os.environ.get("XLA_FLAGS", "") + " --xla_cpu_multi_thread_eigen=false").strip()
    if keras:
        try:
            use_keras_backend(args.backend)
        except RuntimeError as err:
            parser.error(str(err))
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


def use_keras_backend(backend: str) -> None:
    """Keras on ``backend``: KERAS_BACKEND, read once when Keras is imported."""
    if "keras" in sys.modules:
        current = sys.modules["keras"].backend.backend()
        if current != backend:
            raise RuntimeError(
                f"--backend {backend}: Keras is already imported on {current} in this process, and KERAS_BACKEND "
                "is read only on import; run the experiment in a new process"
            )
        return
    os.environ["KERAS_BACKEND"] = backend


def set_threads(backend: str) -> None:
    """Deterministic kernels on one thread: the tensors are small, and a second
    thread costs more in handing over than it saves."""
    if backend == "tensorflow":
        import tensorflow as tf

        tf.config.experimental.enable_op_determinism()
        try:
            tf.config.threading.set_intra_op_parallelism_threads(1)
            tf.config.threading.set_inter_op_parallelism_threads(1)
        except RuntimeError:  # TensorFlow already runs (in a test process): keep its threads
            pass
    elif backend == "torch":
        import torch

        torch.use_deterministic_algorithms(True)
        torch.set_num_threads(1)


def glorot_uniform(seed: int, layer: int, fan_in: int, fan_out: int) -> np.ndarray:
    """Keras's default kernel initializer, U(-sqrt(6/(in + out)), +sqrt(6/(in + out))), drawn with
    NumPy from the seed: the same numbers on every backend."""
    limit = math.sqrt(6.0 / (fan_in + fan_out))
    return np.random.default_rng([seed, 0, layer]).uniform(-limit, limit, (fan_in, fan_out)).astype(np.float32)


def epochs_to_train(args, planned: int) -> int:
    """The epochs a run trains: all ``planned``, or the first --stop-after."""
    return planned if args.stop_after is None else min(planned, args.stop_after)


def digits_runs(args, planned: int, methods, train, figures, batch: int) -> tuple[int, list[dict]]:
    """A Keras experiment on the digits: each seed's split and batch orders,
    every method trained on them in a fresh Keras session
    (``train(method, seed, split, orders)``) and logged with
    ``figures(result)``. Returns the epochs trained and the results. The
    quick mode trains on whole batches of ``batch`` only: a last, smaller
    batch makes Keras trace its train step once more per run, which is most
    of a smoke test's few epochs."""
    import keras

    epochs = epochs_to_train(args, planned)
    width = max(len(m) for m in methods)
    results = []
    for seed in args.seed_list:
        split = digits(seed)
        orders = batch_orders(seed, len(split[0]), planned)[:epochs]
        if args.quick:
            orders = orders[:, : orders.shape[1] - orders.shape[1] % batch]
        for method in methods:
            keras.backend.clear_session()
            result = train(method, seed, split, orders)
            results.append(result)
            log(f"seed {seed}  {method:<{width}} {figures(result)}  {result['seconds']:.1f} s")
    return epochs, results


# the losses of a run's first batches that each result keeps: the backends' check compares them,
# before float32 differences have had steps to grow
FIRST_BATCHES = 3


def fit_keras(model, loss, x, y, orders, batch, learning_rate, callbacks=(), evaluate=None, planned=None):
    """Adam on ``model`` over the given batch orders (one row per epoch), one
    train_on_batch per batch (the compiled step of the backend Keras runs on),
    with Keras callbacks driven by hand (Anneal among them, scheduled over
    ``planned`` epochs, default all); ``evaluate(epoch)`` after each epoch
    returns a dict of metrics, to which the epoch's training loss (the mean
    over its batches) is added. Returns (per-epoch metrics, training seconds
    without the evaluations, the losses of the first FIRST_BATCHES batches)."""
    import keras

    model.compile(optimizer=keras.optimizers.Adam(learning_rate), loss=loss)
    # the optimizer's variables made before the first step: made inside it, they would have
    # TensorFlow trace the step twice (once to make them)
    model.optimizer.build(model.trainable_variables)
    callback_list = keras.callbacks.CallbackList(list(callbacks), model=model, epochs=planned or len(orders), verbose=0)
    history, first = [], []
    seconds = 0.0
    callback_list.on_train_begin()
    for epoch, order in enumerate(orders):
        started = time.perf_counter()
        callback_list.on_epoch_begin(epoch)
        x_epoch, y_epoch = x[order], y[order]
        losses = []
        for start in range(0, len(order), batch):
            # reset before each batch: train_on_batch then returns this batch's loss, not a running mean
            model.reset_metrics()
            losses.append(float(model.train_on_batch(x_epoch[start : start + batch], y_epoch[start : start + batch])))
        first += losses[: FIRST_BATCHES - len(first)]
        logs = {}
        callback_list.on_epoch_end(epoch, logs)
        seconds += time.perf_counter() - started
        history.append({**(evaluate(epoch) if evaluate is not None else {}), "loss": float(np.mean(losses))})
    callback_list.on_train_end()
    return history, seconds, first


def run_result(method: str, seed: int, history: list[dict], seconds: float, first: list[float]) -> dict:
    """One run's entry of an experiment's results: its last epoch's metrics
    at the top, every epoch's under "history"."""
    return {
        "method": method,
        "seed": seed,
        **history[-1],
        "seconds": seconds,
        "first_batch_losses": first,
        "history": history,
    }


def train_classifier(model, method: str, seed: int, split, orders, batch: int, learning_rate: float) -> dict:
    """A Keras digits classifier (logits out) trained with cross-entropy by
    fit_keras, its held-out accuracy after each epoch: the run's result."""
    import keras

    x_train, x_test, y_train, y_test = split

    def evaluate(epoch):
        logits = keras.ops.convert_to_numpy(model(x_test, training=False))
        return {"accuracy": float(np.mean(np.argmax(logits, axis=1) == y_test))}

    loss = keras.losses.SparseCategoricalCrossentropy(from_logits=True)
    history, seconds, first = fit_keras(model, loss, x_train, y_train, orders, batch, learning_rate, (), evaluate)
    return run_result(method, seed, history, seconds, first)


class Framework:
    """The few tensor functions, the gradient and the compiler that the
    experiments without Keras need, for one backend: their model and Adam are
    written once against these. Tensors are float32. ``fold(body, carry, xs)``
    is carry = body(carry, x) for x along the first axis of xs (a tensor, or
    a tuple of tensors sliced together)."""

    def __init__(self, backend: str):
        self.name = backend
        self.ops = __import__(f"diffround.{backend}", fromlist=["_"])  # diffround's ops on this framework
        getattr(self, f"_{backend}")()

    def _tensorflow(self):
        import tensorflow as tf

        tf.get_logger().setLevel("ERROR")  # a function traced per method is meant, not a retracing to warn of
        self.tensor = lambda a: tf.constant(a, tf.float32)
        self.numpy = lambda t: np.asarray(t)
        self.zeros = lambda shape: tf.zeros(shape)
        self.stop_gradient = tf.stop_gradient
        self.exp, self.log, self.sqrt, self.square, self.round = tf.exp, tf.math.log, tf.sqrt, tf.square, tf.round
        self.sigmoid, self.softplus = tf.sigmoid, tf.math.softplus
        self.softmax = tf.nn.softmax
        self.mean = tf.reduce_mean
        self.sum = lambda t, axis: tf.reduce_sum(t, axis=axis)
        self.logsumexp = lambda t, axis: tf.reduce_logsumexp(t, axis=axis)
        self.maximum = tf.maximum

        def value_and_grad(fn):
            def both(params, *args):
                with tf.GradientTape() as tape:
                    tape.watch(params)
                    value = fn(params, *args)
                return value, tape.gradient(value, params)

            return both

        self.value_and_grad = value_and_grad
        self.compile = lambda fn: tf.function(fn, autograph=False)
        # a loop in the graph: traced once, not once per time step
        self.fold = lambda body, carry, xs: tf.foldl(body, xs, initializer=carry)

    def _jax(self):
        import jax
        import jax.numpy as jnp

        self.tensor = lambda a: jnp.asarray(a, jnp.float32)
        self.numpy = lambda t: np.asarray(t)
        self.zeros = lambda shape: jnp.zeros(shape, jnp.float32)
        self.stop_gradient = jax.lax.stop_gradient
        self.exp, self.log, self.sqrt, self.square, self.round = jnp.exp, jnp.log, jnp.sqrt, jnp.square, jnp.round
        self.sigmoid, self.softplus = jax.nn.sigmoid, jax.nn.softplus
        self.softmax = jax.nn.softmax
        self.mean = jnp.mean
        self.sum = lambda t, axis: jnp.sum(t, axis=axis)
        self.logsumexp = lambda t, axis: jax.nn.logsumexp(t, axis=axis)
        self.maximum = jnp.maximum
        self.value_and_grad = jax.value_and_grad
        self.compile = jax.jit
        self.fold = lambda body, carry, xs: jax.lax.scan(lambda c, x: (body(c, x), None), carry, xs)[0]

    def _torch(self):
        import torch

        self.tensor = lambda a: torch.as_tensor(np.asarray(a, np.float32))
        self.numpy = lambda t: t.detach().numpy()
        self.zeros = lambda shape: torch.zeros(shape)
        self.stop_gradient = lambda t: t.detach()
        self.exp, self.log, self.sqrt, self.square, self.round = (
            torch.exp,
            torch.log,
            torch.sqrt,
            torch.square,
            torch.round,
        )
        self.sigmoid, self.softplus = torch.sigmoid, torch.nn.functional.softplus
        self.softmax = lambda t: torch.softmax(t, dim=-1)
        self.mean = torch.mean
        self.sum = lambda t, axis: torch.sum(t, dim=axis)
        self.logsumexp = lambda t, axis: torch.logsumexp(t, dim=axis)
        self.maximum = lambda t, floor: torch.clamp(t, min=floor)

        def value_and_grad(fn):
            def both(params, *args):
                leaves = [p.detach().requires_grad_(True) for p in params]
                value = fn(leaves, *args)
                return value.detach(), [g.detach() for g in torch.autograd.grad(value, leaves)]

            return both

        self.value_and_grad = value_and_grad
        self.compile = lambda fn: fn  # eager: PyTorch's autograd needs no tracing

        def fold(body, carry, xs):
            for x in zip(*xs) if isinstance(xs, (tuple, list)) else xs:
                carry = body(carry, x)
            return carry

        self.fold = fold

    def adam(self, loss, learning_rate, beta1=0.9, beta2=0.999, epsilon=1e-7, compiled=True):
        """A training step (compiled, or to be compiled into a larger function):
        (params, moments, count, *batch) -> (loss, params, moments), Adam
        (Keras's epsilon) written once for every backend; ``moments`` start as
        adam_state(params), ``count`` (a tensor) at 1."""
        gradient = self.value_and_grad(loss)

        def step(params, moments, count, *batch):
            value, grads = gradient(params, *batch)
            new_params, new_moments = [], []
            for w, g, (m, v) in zip(params, grads, moments):
                m = beta1 * m + (1 - beta1) * g
                v = beta2 * v + (1 - beta2) * self.square(g)
                m_hat, v_hat = m / (1 - beta1**count), v / (1 - beta2**count)
                new_params.append(w - learning_rate * m_hat / (self.sqrt(v_hat) + epsilon))
                new_moments.append((m, v))
            return value, new_params, new_moments

        return self.compile(step) if compiled else step

    def adam_state(self, params):
        return [(self.zeros(tuple(p.shape)), self.zeros(tuple(p.shape))) for p in params]


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


def backend_text(backend: str, keras: bool) -> str:
    """The backend as the page names it, with its version."""
    import importlib

    framework = f"{BACKEND_NAMES[backend]} {importlib.import_module(backend).__version__}"
    if keras:
        return f"Keras {importlib.import_module('keras').__version__} on {framework}"
    return f"{framework} (diffround.{backend})"


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
