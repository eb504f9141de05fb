#!/usr/bin/env python3
"""Neural compression, small: a learned scalar quantizer of a Laplacian source,
trained for rate + lambda * distortion, three ways through the rounding.

    python scripts/experiments/compression.py [--quick] [--seeds N] [--backend B] [--out DIR]

x ~ Laplace(0, 1); y = encoder(x), 1 -> 16 softplus -> 1; the decoder, the
same shape, reconstructs x from the quantized y. The rate is -log2 of the
probability of the quantized value under a factorized density written here: a
mixture of four logistics, its CDF c, P(k) = c(k + 1/2) - c(k - 1/2). Training:

- additive uniform noise: y + u, u ~ U(-1/2, 1/2), for the rate and the decoder;
- straight-through round: ste_round(y) for both;
- soft_round with noise (Agustsson & Theis 2020): z = soft_round(y, alpha) + u,
  rate from the density of soft_round(y) + u, c(soft_round_inverse(z +- 1/2)),
  the decoder fed the conditional mean soft_round_inverse(z - 1/2) + 1/2;
  alpha from 1 to 12, linearly over the steps.

At test every method rounds: the decoder gets round(y), the rate is
-log2 P(round(y)); reported per lambda: rate (bits per sample), distortion
(mean squared error) and their sum rate + lambda * distortion. Written once
against harness.Framework, it runs on every backend (--backend); the default,
TensorFlow (diffround.tensorflow), is the published numbers' backend. The
samples and the noise are drawn with NumPy from the seed, the same on every
backend.
"""

from __future__ import annotations

import math
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import numpy as np  # noqa: E402

import harness  # noqa: E402

NAME = "compression"
LAMBDAS = (0.5, 4.0, 32.0)
STEPS = 1500
QUICK_STEPS = 150
# the steps whose training loss the history averages, and which --stop-after counts as an epoch
EPOCH_STEPS = 50
BATCH = 1024
TEST_SAMPLES = 100_000
HIDDEN = 16
COMPONENTS = 4
LEARNING_RATE = 1e-2
ALPHA = (1.0, 12.0)
METHODS = ("additive uniform noise", "ste_round", "soft_round + noise + soft_round_inverse, alpha 1 -> 12")
BASELINE = METHODS[0]


def initial_values(seed: int) -> dict:
    """Every parameter's starting value, drawn from the seed alone."""
    rng = np.random.default_rng([seed, 4])
    values = {}
    for part in ("encoder", "decoder"):
        values[f"{part}_w1"] = rng.normal(0.0, 1.0, (1, HIDDEN))
        values[f"{part}_b1"] = rng.normal(0.0, 1.0, (HIDDEN,))
        values[f"{part}_w2"] = rng.normal(0.0, 1.0 / np.sqrt(HIDDEN), (HIDDEN, 1))
        values[f"{part}_b2"] = np.zeros((1,))
    values["density_mean"] = rng.normal(0.0, 1.0, (COMPONENTS,))
    values["density_log_scale"] = np.zeros((COMPONENTS,))
    values["density_logit"] = np.zeros((COMPONENTS,))
    return {k: v.astype(np.float32) for k, v in values.items()}


def samples(seed: int, step: int, size: int):
    """x ~ Laplace(0, 1) and the training noise u ~ U(-1/2, 1/2) of one step (step 0: the test set)."""
    uniform = np.random.default_rng([seed, 5, step]).random((2, size)) - 0.5
    # inverse CDF of the unit Laplacian. The draw may be exactly -1/2, whose inverse is infinite:
    # |x| is capped at 24 log 2 (a tail of 6e-8)
    x = -np.sign(uniform[0]) * np.log(np.maximum(1.0 - 2.0 * np.abs(uniform[0]), 2.0**-24))
    return x.astype(np.float32), uniform[1].astype(np.float32)


def alphas(steps: int) -> np.ndarray:
    """soft_round's alpha at steps 1..steps: diffround.callbacks.Anneal's linear schedule, per step."""
    t = np.arange(steps) / max(steps - 1, 1)
    return (ALPHA[0] + (ALPHA[1] - ALPHA[0]) * t).astype(np.float32)


class Trainer:
    """One method's model, compiled once and started afresh for every seed and lambda."""

    def __init__(self, method: str, f):
        self.method, self.f = method, f
        dr = f.ops
        names = list(initial_values(0))

        def mlp(v, part, x):
            h = f.softplus(x[:, None] @ v[f"{part}_w1"] + v[f"{part}_b1"])
            return (h @ v[f"{part}_w2"] + v[f"{part}_b2"])[:, 0]

        def cdf(v, y):
            scale = f.exp(v["density_log_scale"])
            weights = f.softmax(v["density_logit"])
            return f.sum(weights * f.sigmoid((y[:, None] - v["density_mean"]) / scale), 1)

        def bits(v, upper, lower):
            # a Python float: a NumPy scalar would make JAX compute in float64 under jax_enable_x64
            return -f.log(f.maximum(cdf(v, upper) - cdf(v, lower), 1e-9)) / math.log(2.0)

        def loss(params, x, u, alpha, lam):
            v = dict(zip(names, params))
            y = mlp(v, "encoder", x)
            if method == METHODS[0]:
                noisy = y + u
                rate, decoded = bits(v, noisy + 0.5, noisy - 0.5), mlp(v, "decoder", noisy)
            elif method == METHODS[1]:
                rounded = dr.ste_round(y)
                rate, decoded = bits(v, rounded + 0.5, rounded - 0.5), mlp(v, "decoder", rounded)
            else:
                z = dr.soft_round(y, alpha=alpha) + u
                upper, lower = dr.soft_round_inverse(z + 0.5, alpha=alpha), dr.soft_round_inverse(z - 0.5, alpha=alpha)
                rate, decoded = bits(v, upper, lower), mlp(v, "decoder", lower + 0.5)
            return f.mean(rate) + lam * f.mean(f.square(x - decoded))

        step = f.adam(loss, LEARNING_RATE, compiled=False)

        def epoch(params, moments, count, lam, xs, us, alpha_steps):
            """EPOCH_STEPS steps in one compiled call: a call per step would cost more than the step."""

            def body(carry, inputs):
                params, moments, count, total = carry
                value, params, moments = step(params, moments, count, *inputs, lam)
                return params, moments, count + 1.0, total + value

            params, moments, count, total = f.fold(body, (params, moments, count, f.zeros(())), (xs, us, alpha_steps))
            return params, moments, count, total / xs.shape[0]

        def test(params, x):
            v = dict(zip(names, params))
            rounded = f.round(mlp(v, "encoder", x))
            return f.mean(bits(v, rounded + 0.5, rounded - 0.5)), f.mean(f.square(x - mlp(v, "decoder", rounded)))

        self._epoch, self._test = f.compile(epoch), f.compile(test)

    def train(self, seed: int, lam: float, planned: int, steps: int) -> tuple[dict, list[float]]:
        """The first ``steps`` of ``planned`` (alpha's schedule runs over all of
        these): the test point and its seconds, and the training loss per epoch."""
        f = self.f
        params = [f.tensor(v) for v in initial_values(seed).values()]
        moments, count = f.adam_state(params), f.tensor(1.0)
        schedule = alphas(planned)
        history, seconds = [], 0.0
        for first in range(0, steps, EPOCH_STEPS):
            block = range(first + 1, min(first + EPOCH_STEPS, steps) + 1)
            drawn = [samples(seed, s, BATCH) for s in block]
            xs, us = f.tensor(np.stack([d[0] for d in drawn])), f.tensor(np.stack([d[1] for d in drawn]))
            started = time.perf_counter()
            params, moments, count, mean = self._epoch(
                params, moments, count, f.tensor(lam), xs, us, f.tensor(schedule[first : first + len(block)])
            )
            history.append(float(mean))
            seconds += time.perf_counter() - started
        rate, distortion = (float(v) for v in self._test(params, f.tensor(samples(seed, 0, TEST_SAMPLES)[0])))
        return {"rate": rate, "distortion": distortion, "loss": rate + lam * distortion, "seconds": seconds}, history


def key(metric: str, lam: float) -> str:
    return f"{metric} at lambda {lam:g}"


def plot(results, path: Path, seeds: int) -> Path:
    """Rate against distortion: per method and lambda the mean over seeds, bars +- one s.d."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, axes = plt.subplots(figsize=(7.0, 4.2), dpi=110)
    colours = plt.get_cmap("tab10").colors
    for i, method in enumerate(METHODS):
        rows = harness.runs(results, method)
        rates = np.array([[r[key("rate", lam)] for lam in LAMBDAS] for r in rows])
        distortions = np.array([[r[key("distortion", lam)] for lam in LAMBDAS] for r in rows])
        axes.errorbar(
            rates.mean(axis=0),
            distortions.mean(axis=0),
            xerr=rates.std(axis=0),
            yerr=distortions.std(axis=0),
            fmt="o-",
            color=colours[i],
            label=method,
            capsize=3,
            markersize=4,
            linewidth=1.4,
        )
    axes.set_yscale("log")
    axes.set_xlabel("rate (bits per sample, at test: round)")
    axes.set_ylabel("distortion (mean squared error)")
    axes.set_title(
        f"Laplacian scalar quantizer, lambda {', '.join(f'{v:g}' for v in LAMBDAS)}: mean over {seeds} seeds, bars ±1 s.d.",
        fontsize=9,
    )
    axes.grid(alpha=0.3, which="both")
    axes.legend(fontsize=8)
    figure.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path)
    plt.close(figure)
    return path


def main(argv=None) -> int:
    args = harness.arguments(__doc__, __file__, argv)
    harness.set_threads(args.backend)
    f = harness.Framework(args.backend)
    planned = QUICK_STEPS if args.quick else STEPS
    steps = planned if args.stop_after is None else min(planned, args.stop_after * EPOCH_STEPS)
    results = []
    trainers = {method: Trainer(method, f) for method in METHODS}
    for seed in args.seed_list:
        for method in METHODS:
            result = {"method": method, "seed": seed, "seconds": 0.0}
            losses = {}
            for lam in LAMBDAS:
                point, losses[lam] = trainers[method].train(seed, lam, planned, steps)
                result["seconds"] += point.pop("seconds")
                result.update({key(metric, lam): v for metric, v in point.items()})
            # per epoch of EPOCH_STEPS steps: the training loss (rate + lambda * distortion, noisy or
            # soft as the method trains) at each lambda
            result["history"] = [
                {key("training loss", lam): losses[lam][i] for lam in LAMBDAS} for i in range(len(losses[LAMBDAS[0]]))
            ]
            results.append(result)
            harness.log(
                f"seed {seed}  {method:<56} "
                + "  ".join(f"lambda {lam:g}: {result[key('loss', lam)]:.3f}" for lam in LAMBDAS)
                + f"  {result['seconds']:.1f} s"
            )
    metrics = {key("loss", lam): f"rate + {lam:g} x distortion (test, rounded)" for lam in LAMBDAS}
    harness.write(
        NAME,
        args.out,
        args,
        {
            "title": "Neural compression, small: a learned scalar quantizer",
            "short_title": "Compression (Laplacian scalar quantizer)",
            "summary_metric": key("loss", LAMBDAS[1]),
            "backend": args.backend,
            "backend_text": harness.backend_text(args.backend, keras=False),
            "versions": harness.versions(args.backend),
            "setup": (
                f"x ~ Laplace(0, 1); encoder and decoder 1 -> {HIDDEN} softplus -> 1; factorized density: a mixture "
                f"of {COMPONENTS} logistics; loss rate (bits) + lambda * MSE for lambda in "
                f"{', '.join(f'{v:g}' for v in LAMBDAS)}, one model per lambda; Adam({LEARNING_RATE}, written out), {planned} steps of "
                f"{BATCH} fresh samples (the same for every method of a seed); soft_round's alpha from {ALPHA[0]:g} "
                f"to {ALPHA[1]:g}, linear over the steps; at test every method rounds, on {TEST_SAMPLES} samples. "
                "The seconds are the three lambdas' together."
            ),
            "epochs": steps,
            "planned_epochs": planned,
            "epoch_steps": EPOCH_STEPS,
            "methods": list(METHODS),
            "baseline": BASELINE,
            "metrics": metrics,
            "higher_is_better": {m: False for m in metrics},
            "plots": {"rate-distortion": f"{NAME}_rate_distortion.png"},
            "lambdas": list(LAMBDAS),
            "results": results,
        },
    )
    plot(results, args.out / f"{NAME}_rate_distortion.png", len(args.seed_list))
    return 0


if __name__ == "__main__":
    sys.exit(main())
