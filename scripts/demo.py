#!/usr/bin/env python3
"""Show every op at work: values and gradients on a few inputs, and the seeds'
bugs next to diffround's answers."""

from __future__ import annotations

import inspect
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the generator, derive
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import numpy as np  # noqa: E402
import tensorflow as tf  # noqa: E402

import diffround  # noqa: E402
from derive import Approximation  # noqa: E402
from derive.catalog import CATALOG, RANDOM_OPS  # noqa: E402

# every op takes mode; these are the modes each one has
MODES = {e.name: e.modes if isinstance(e, Approximation) else ("ste",) for e in CATALOG}
MODES.update({r.name: r.modes for r in RANDOM_OPS})
# the random ops draw from a seed the caller gives (the same seed, the same numbers)
SEED = 7

X = [-0.6, 0.0, 0.25, 0.5, 0.75, 1.4]


def row(values):
    return " ".join(f"{v:8.4f}" for v in values)


def show(name, **kwargs):
    fn = getattr(diffround, name)
    x = tf.constant(X, tf.float64)
    with tf.GradientTape() as tape:
        tape.watch(x)
        y = fn(x, **kwargs)
    grad = tape.gradient(y, x)
    label = f"{name}({', '.join(f'{k}={v!r}' for k, v in kwargs.items())})"
    print(f"{label:<44} y  {row(y.numpy())}")
    print(f"{'':<44} dy {row(grad.numpy())}")


def main():
    print(f"diffround ops on x = {X} (float64)\n")
    for name in diffround.__all__:
        parameters = inspect.signature(getattr(diffround, name)).parameters
        default = parameters["mode"].default
        arguments = {"seed": SEED} if "seed" in parameters else {}
        show(name, **arguments)
        for mode in MODES[name]:
            if mode != default:
                show(name, **arguments, mode=mode)
    show("heaviside", surrogate="triangle")

    print("\nThe seeds' snippets, side by side (float32):")
    x = tf.constant([0.4, 0.5, 0.6])
    k = 10.0
    seed_grad = tf.sigmoid(k * (tf.math.floormod(x, 1.0) - 0.5))
    seed_grad = seed_grad * (1 - seed_grad)
    with tf.GradientTape() as tape:
        tape.watch(x)
        y = diffround.sigmoid_round(x, steepness=k)
    print(f"  seed 000 hand-written gradient at {x.numpy()}: {seed_grad.numpy()} (factor steepness missing)")
    print(f"  diffround.sigmoid_round gradient:              {tape.gradient(y, x).numpy()}")
    x = tf.constant([0.0, 0.5, 0.59, 1.0])
    e = tf.exp(1000 * (x - 0.5))
    print(f"  seed 001 e/(e+1), e = exp(1000(x-0.5)) at {x.numpy()}: {(e / (e + 1)).numpy()}")
    print(f"  diffround.sigmoid_step(steepness=1000, center=0.5):     {diffround.sigmoid_step(x, 1000.0, 0.5).numpy()}")
    x = tf.constant([0.75])
    print(f"  seed 000 half-sine at r = 0.5 + width/2 (width 0.5): 0.0; diffround.sine_round: {diffround.sine_round(x, 0.5).numpy()}")
    print(f"  seed 003 heaviside(0) = tf.sign based: {np.maximum(0.0, np.sign(0.0))}; diffround.heaviside(0.): {diffround.heaviside(tf.constant([0.0])).numpy()}")


if __name__ == "__main__":
    main()
