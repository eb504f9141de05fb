#!/usr/bin/env python3
"""Neural compression, small: a learned scalar quantizer of a Laplacian source,
trained for rate + lambda * distortion, three ways through the rounding.

    python scripts/experiments/compression.py [--quick] [--seeds N] [--out DIR]

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
(mean squared error) and their sum rate + lambda * distortion. TensorFlow
(diffround.tensorflow through the top-level ops).
"""

from __future__ import annotations

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


class Trainer:
    """One method's model, traced once and reset for every seed and lambda."""

    def __init__(self, method: str):
        import tensorflow as tf

        import diffround as dr

        self.method = method
        # the backend's modules load on the first call: eagerly here, not inside AutoGraph
        for op in (dr.ste_round, dr.soft_round, dr.soft_round_inverse):
            op(tf.zeros((0,)))
        self.variables = {k: tf.Variable(v, name=k) for k, v in initial_values(0).items()}
        trainable = list(self.variables.values())
        # Adam written out, so that its state is reset in place rather than traced again
        self.moments = [(tf.Variable(tf.zeros_like(w)), tf.Variable(tf.zeros_like(w))) for w in trainable]
        self.seed = tf.Variable(0, dtype=tf.int64)
        self.lam = tf.Variable(1.0)
        variables = self.variables

        def mlp(part, v):
            h = tf.nn.softplus(v[:, None] @ variables[f"{part}_w1"] + variables[f"{part}_b1"])
            return (h @ variables[f"{part}_w2"] + variables[f"{part}_b2"])[:, 0]

        def cdf(v):
            scale = tf.exp(variables["density_log_scale"])
            weights = tf.nn.softmax(variables["density_logit"])
            return tf.reduce_sum(weights * tf.sigmoid((v[:, None] - variables["density_mean"]) / scale), axis=1)

        def bits(upper, lower):
            return -tf.math.log(tf.maximum(cdf(upper) - cdf(lower), 1e-9)) / tf.math.log(2.0)

        def samples(step, size):
            seed = tf.stack([self.seed, tf.cast(step, tf.int64)])
            uniform = tf.random.stateless_uniform((2, size), seed=seed, minval=-0.5, maxval=0.5)
            # inverse CDF of the unit Laplacian; the second row is the training noise. The draw may be
            # exactly -1/2, whose inverse is infinite: |x| is capped at 24 log 2 (a tail of 6e-8)
            x = -tf.sign(uniform[0]) * tf.math.log(tf.maximum(1.0 - 2.0 * tf.abs(uniform[0]), 2.0**-24))
            return x, uniform[1]

        # the ops dispatch in Python (the method is fixed): no AutoGraph conversion needed
        @tf.autograph.experimental.do_not_convert
        def loss(x, u, alpha):
            y = mlp("encoder", x)
            if method == METHODS[0]:
                noisy = y + u
                rate, decoded = bits(noisy + 0.5, noisy - 0.5), mlp("decoder", noisy)
            elif method == METHODS[1]:
                rounded = dr.ste_round(y)
                rate, decoded = bits(rounded + 0.5, rounded - 0.5), mlp("decoder", rounded)
            else:
                z = dr.soft_round(y, alpha=alpha) + u
                rate = bits(dr.soft_round_inverse(z + 0.5, alpha=alpha), dr.soft_round_inverse(z - 0.5, alpha=alpha))
                decoded = mlp("decoder", dr.soft_round_inverse(z - 0.5, alpha=alpha) + 0.5)
            return tf.reduce_mean(rate) + self.lam * tf.reduce_mean(tf.square(x - decoded))

        @tf.function
        def fit(steps):
            beta1, beta2, epsilon = 0.9, 0.999, 1e-7
            for step in tf.range(steps):
                # diffround.callbacks.Anneal's linear schedule, per step
                t = tf.cast(step, tf.float32) / tf.cast(tf.maximum(steps - 1, 1), tf.float32)
                alpha = ALPHA[0] + (ALPHA[1] - ALPHA[0]) * t
                x, u = samples(step + 1, BATCH)
                with tf.GradientTape() as tape:
                    value = loss(x, u, alpha)
                count = tf.cast(step + 1, tf.float32)
                for w, g, (m, v) in zip(trainable, tape.gradient(value, trainable), self.moments):
                    m.assign(beta1 * m + (1 - beta1) * g)
                    v.assign(beta2 * v + (1 - beta2) * tf.square(g))
                    m_hat, v_hat = m / (1 - beta1**count), v / (1 - beta2**count)
                    w.assign_sub(LEARNING_RATE * m_hat / (tf.sqrt(v_hat) + epsilon))

        @tf.function
        def test():
            x, _ = samples(0, TEST_SAMPLES)
            rounded = tf.round(mlp("encoder", x))
            return tf.reduce_mean(bits(rounded + 0.5, rounded - 0.5)), tf.reduce_mean(
                tf.square(x - mlp("decoder", rounded))
            )

        self._fit, self._test = fit, test

    def train(self, seed: int, lam: float, steps: int) -> dict:
        import tensorflow as tf

        for name, value in initial_values(seed).items():
            self.variables[name].assign(value)
        for m, v in self.moments:
            m.assign(tf.zeros_like(m))
            v.assign(tf.zeros_like(v))
        self.seed.assign(seed)
        self.lam.assign(lam)
        started = time.perf_counter()
        self._fit(tf.constant(steps))
        seconds = time.perf_counter() - started
        rate, distortion = (float(v) for v in self._test())
        return {"rate": rate, "distortion": distortion, "loss": rate + lam * distortion, "seconds": seconds}


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
    import tensorflow as tf

    harness.set_threads()
    steps = QUICK_STEPS if args.quick else STEPS
    results = []
    trainers = {method: Trainer(method) for method in METHODS}
    for seed in args.seed_list:
        for method in METHODS:
            result = {"method": method, "seed": seed, "seconds": 0.0, "history": []}
            for lam in LAMBDAS:
                point = trainers[method].train(seed, lam, steps)
                result["seconds"] += point.pop("seconds")
                result.update({key(metric, lam): v for metric, v in point.items()})
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
            "backend": f"TensorFlow {tf.__version__}",
            "versions": harness.versions("tensorflow"),
            "setup": (
                f"x ~ Laplace(0, 1); encoder and decoder 1 -> {HIDDEN} softplus -> 1; factorized density: a mixture "
                f"of {COMPONENTS} logistics; loss rate (bits) + lambda * MSE for lambda in "
                f"{', '.join(f'{v:g}' for v in LAMBDAS)}, one model per lambda; Adam({LEARNING_RATE}, written out), {steps} steps of "
                f"{BATCH} fresh samples (the same for every method of a seed); soft_round's alpha from {ALPHA[0]:g} "
                f"to {ALPHA[1]:g}, linear over the steps; at test every method rounds, on {TEST_SAMPLES} samples. "
                "The seconds are the three lambdas' together."
            ),
            "epochs": steps,
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
