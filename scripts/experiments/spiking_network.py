#!/usr/bin/env python3
"""Spiking network: leaky integrate-and-fire neurons on rate-coded digits,
the spike threshold through heaviside with each of its surrogates, hard_step
as a floor, and snnTorch's own surrogates as a reference.

    python scripts/experiments/spiking_network.py [--quick] [--seeds N] [--backend B] [--out DIR]

Each pixel in [0, 1] is a Bernoulli spike train of that rate over 20 time
steps. 64 inputs -> 128 LIF -> 10 LIF, membrane u <- 0.9 u + W s_in - s_out
(reset by subtraction, the reset detached as in snnTorch's Leaky), a spike
when u >= 1; the class with the most output spikes wins, cross-entropy on the
spike counts. Adam(0.002), batch 64. Written once against harness.Framework,
it runs on every backend (--backend); the default, PyTorch (diffround.torch),
is the published numbers' backend, the one snnTorch's surrogates need.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import numpy as np  # noqa: E402

import harness  # noqa: E402

NAME = "spiking_network"
STEPS = 20
HIDDEN = 128
DECAY = 0.9
THRESHOLD = 1.0
BATCH = 64
LEARNING_RATE = 2e-3
EPOCHS = 10
QUICK_EPOCHS = 2
FLOOR = "hard_step (gain 10000)"
# diffround's heaviside surrogates at their catalog defaults
OURS = ("sigmoid", "triangle", "fast_sigmoid", "atan")
# snnTorch surrogate and its arguments (their defaults)
THEIRS = {"atan": {"alpha": 2.0}, "fast_sigmoid": {"slope": 25}, "sigmoid": {"slope": 25}}


def methods(with_snntorch: bool) -> list[str]:
    names = [f"heaviside, {s}" for s in OURS] + [FLOOR]
    if with_snntorch:
        names += [f"snnTorch {s}" for s in THEIRS]
    return names


def spike_function(method: str, framework):
    """v -> spikes (v = u - threshold), with the method's gradient."""
    ops = framework.ops
    if method == FLOOR:
        return lambda v: ops.hard_step(v, threshold=0.0, mode="ste")
    if method.startswith("heaviside, "):
        surrogate = method.removeprefix("heaviside, ")
        return lambda v: ops.heaviside(v, surrogate=surrogate)
    from snntorch import surrogate as snn_surrogate

    name = method.removeprefix("snnTorch ")
    return getattr(snn_surrogate, name)(**THEIRS[name])


def initial_weights(seed: int) -> list[np.ndarray]:
    """PyTorch's nn.Linear initialisation, U(-1/sqrt(fan_in), 1/sqrt(fan_in)), drawn from the seed."""
    weights = []
    for layer, (fan_in, fan_out) in enumerate(((64, HIDDEN), (HIDDEN, 10))):
        rng = np.random.default_rng([seed, 2, layer])
        bound = 1.0 / np.sqrt(fan_in)
        weights.append(rng.uniform(-bound, bound, (fan_in, fan_out)).astype(np.float32))
    return weights


def encode(x: np.ndarray, seed: int, stream: int) -> np.ndarray:
    """Bernoulli spike trains (steps, batch, 64), the same for every method and backend."""
    rng = np.random.default_rng([seed, 3, stream])
    return (rng.random((STEPS,) + x.shape) < x).astype(np.float32)


def forward(f, weights, spikes, spike):
    """Spike counts of the 10 output neurons."""
    w_hidden, w_out = weights

    def time_step(state, spikes_in):
        u_hidden, u_out, s_hidden, s_out, counts = state
        u_hidden = DECAY * u_hidden + spikes_in @ w_hidden - THRESHOLD * f.stop_gradient(s_hidden)
        s_hidden = spike(u_hidden - THRESHOLD)
        u_out = DECAY * u_out + s_hidden @ w_out - THRESHOLD * f.stop_gradient(s_out)
        s_out = spike(u_out - THRESHOLD)
        return u_hidden, u_out, s_hidden, s_out, counts + s_out

    batch = spikes.shape[1]
    start = tuple(f.zeros((batch, width)) for width in (HIDDEN, 10, HIDDEN, 10, 10))
    return f.fold(time_step, start, spikes)[-1]


def train(method: str, seed: int, split, orders, f) -> dict:
    import time

    x_train, x_test, y_train, y_test = split
    spike = spike_function(method, f)

    def loss(weights, spikes, one_hot):
        # cross-entropy of the spike counts as logits
        counts = forward(f, weights, spikes, spike)
        return f.mean(f.logsumexp(counts, 1) - f.sum(one_hot * counts, 1))

    step = f.adam(loss, LEARNING_RATE)
    counts_of = f.compile(lambda weights, spikes: forward(f, weights, spikes, spike))
    weights = [f.tensor(w) for w in initial_weights(seed)]
    moments = f.adam_state(weights)
    test_spikes = f.tensor(encode(x_test, seed, stream=0))
    one_hot = np.eye(10, dtype=np.float32)[y_train]
    history, seconds, count, first = [], 0.0, 0, []
    for epoch, order in enumerate(orders):
        started = time.perf_counter()
        losses = []
        for b, start in enumerate(range(0, len(order), BATCH)):
            index = order[start : start + BATCH]
            spikes = encode(x_train[index], seed, stream=1 + epoch * 1000 + b)
            count += 1
            value, weights, moments = step(
                weights, moments, f.tensor(count), f.tensor(spikes), f.tensor(one_hot[index])
            )
            losses.append(value)
        losses = [float(v) for v in losses]
        first += losses[: harness.FIRST_BATCHES - len(first)]
        seconds += time.perf_counter() - started
        counts = f.numpy(counts_of(weights, test_spikes))
        history.append(
            {
                "accuracy": float((counts.argmax(axis=1) == y_test).mean()),
                "output_spikes": float(counts.sum(axis=1).mean()),
                "loss": float(np.mean(losses)),
            }
        )
    return harness.run_result(method, seed, history, seconds, first)


def main(argv=None) -> int:
    args = harness.arguments(__doc__, __file__, argv, backend="torch")
    harness.set_threads(args.backend)
    f = harness.Framework(args.backend)
    if args.backend != "torch":
        with_snntorch, notes = False, [
            f"snnTorch's surrogates are not compared: they run on PyTorch only, not {args.backend}."
        ]
    else:
        try:
            import snntorch  # noqa: F401

            with_snntorch, notes = True, []
        except ImportError as err:
            with_snntorch, notes = False, [
                f"snnTorch's surrogates are not compared: snntorch is not installed ({err})."
            ]
    notes.append(
        "snnTorch's forward is v > 0 (H(0) = 0), diffround's heaviside v >= 0 (H(0) = 1); snnTorch's atan "
        "(alpha 2) has the same gradient as heaviside's atan; its fast_sigmoid (slope 25) is heaviside's "
        "fast_sigmoid times 2/25, which Adam's per-weight scaling all but cancels; its sigmoid has slope 25, "
        "heaviside's sigmoid steepness 1."
    )
    planned = QUICK_EPOCHS if args.quick else EPOCHS
    epochs = harness.epochs_to_train(args, planned)
    names = methods(with_snntorch)
    results = []
    for seed in args.seed_list:
        split = harness.digits(seed)
        orders = harness.batch_orders(seed, len(split[0]), planned)[:epochs]
        for method in names:
            result = train(method, seed, split, orders, f)
            results.append(result)
            harness.log(
                f"seed {seed}  {method:<26} accuracy {result['accuracy']:.3f}  "
                f"output spikes {result['output_spikes']:.1f}  {result['seconds']:.1f} s"
            )
    harness.write(
        NAME,
        args.out,
        args,
        {
            "title": "Spiking network: leaky integrate-and-fire on rate-coded digits",
            "short_title": "Spiking network, LIF (digits)",
            "backend": args.backend,
            "backend_text": harness.backend_text(args.backend, keras=False),
            "versions": harness.versions(args.backend, "snntorch"),
            "setup": (
                f"scikit-learn's 8x8 digits (stratified 75/25 split per seed), each pixel a Bernoulli spike train "
                f"of its intensity over {STEPS} time steps; 64 -> {HIDDEN} LIF -> 10 LIF, u <- {DECAY} u + W s_in "
                f"- s_out (reset by subtraction, detached), spike when u >= {THRESHOLD}; cross-entropy on the "
                f"output spike counts; Adam({LEARNING_RATE}, written out), batch {BATCH}, {planned} epochs. heaviside's "
                "surrogates at their defaults (sigmoid steepness 1, triangle width 1, fast_sigmoid steepness 25, "
                "atan alpha 2); hard_step(v, threshold=0, mode='ste'): gradient 10000 on [0, 1e-4], 0 elsewhere."
            ),
            "epochs": epochs,
            "planned_epochs": planned,
            "methods": names,
            "baseline": FLOOR,
            "metrics": {"accuracy": "held-out accuracy (10 classes, most output spikes)"},
            "percent": ["accuracy"],
            "higher_is_better": {"accuracy": True},
            "plots": {"accuracy": f"{NAME}_accuracy.png"},
            "notes": notes,
            "results": results,
        },
    )
    styles = {name: "--" for name in names if name.startswith("snnTorch")}
    harness.plot_curves(
        results,
        names,
        "accuracy",
        "held-out accuracy",
        f"Spiking network (digits): mean over {len(args.seed_list)} seeds, band ±1 s.d.",
        args.out / f"{NAME}_accuracy.png",
        styles=styles,
        colour_of={f"snnTorch {s}": f"heaviside, {s}" for s in THEIRS},
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
