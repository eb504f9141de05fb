#!/usr/bin/env python3
"""Integer labels, trained for: the first seed's use case, on real data.

    python scripts/train_digits.py [--epochs 60] [--seed 0]

scikit-learn's 8x8 handwritten digits (shipped inside the package, no
download): the same small model predicts the digit 0-9 as one number, by
regression, four ways:

- plain regression, rounded at the end;
- ste_round on the output (forward round, gradient 1);
- sigmoid_round on the output, its steepness annealed from 1 to 50
  (linearly, per epoch);
- soft_round on the output (alpha 5, Agustsson & Theis 2020).

For each: the exact-integer accuracy on a held-out quarter (the output rounded
equals the label), the share of raw outputs that are integers already, the mean
absolute error of the raw output, and the training time.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import numpy as np  # noqa: E402

METHODS = (
    "regression, rounded at the end",
    "ste_round",
    "sigmoid_round, steepness 1 -> 50",
    "soft_round",
)
HIDDEN = (128, 128)
BATCH = 32
LEARNING_RATE = 3e-3


def load(seed: int):
    """The digits, scaled to [0, 1], split 75/25 stratified by label."""
    from sklearn.datasets import load_digits
    from sklearn.model_selection import train_test_split

    x, y = load_digits(return_X_y=True)
    x = (x / 16.0).astype(np.float32)
    y = y.astype(np.float32)[:, None]
    return train_test_split(x, y, test_size=0.25, random_state=seed, stratify=y[:, 0])


def head(method: str):
    """The output layer of a method (None: linear) and its callbacks."""
    import diffround

    if method == METHODS[0]:
        return None, []
    if method == METHODS[1]:
        return diffround.layers.SteRound(), []
    if method == METHODS[2]:
        anneal = diffround.callbacks.Anneal("steepness", 1.0, 50.0, schedule="linear")
        return diffround.layers.SigmoidRound(steepness=1.0), [anneal]
    return diffround.layers.SoftRound(), []


def progress(keras, label: str, epochs: int, every: int):
    """One short line every ``every`` epochs."""

    def report(epoch, logs):
        if (epoch + 1) % every == 0 or epoch + 1 == epochs:
            extra = "".join(f"  {k} {v:.3g}" for k, v in logs.items() if k != "loss")
            print(f"  {label:<34} epoch {epoch + 1:>3}/{epochs}  loss {logs['loss']:.4f}{extra}", flush=True)

    return keras.callbacks.LambdaCallback(on_epoch_end=report)


def train(method: str, epochs: int, seed: int, every: int = 10, split=None) -> dict:
    import keras
    import tensorflow as tf

    x_train, x_test, y_train, y_test = split if split is not None else load(seed)
    keras.utils.set_random_seed(seed)
    tf.config.experimental.enable_op_determinism()
    output, callbacks = head(method)
    layers = [keras.Input((x_train.shape[1],))]
    for width in HIDDEN:
        layers.append(keras.layers.Dense(width, activation="relu"))
    layers.append(keras.layers.Dense(1))
    model = keras.Sequential(layers + ([output] if output is not None else []))
    model.compile(optimizer=keras.optimizers.Adam(LEARNING_RATE), loss="mse")
    started = time.perf_counter()
    model.fit(
        x_train,
        y_train,
        batch_size=BATCH,
        epochs=epochs,
        verbose=0,
        callbacks=callbacks + [progress(keras, method, epochs, every)],
    )
    seconds = time.perf_counter() - started
    raw = model.predict(x_test, batch_size=len(x_test), verbose=0).astype(np.float64)
    return {
        "method": method,
        "accuracy": float(np.mean(np.round(raw) == y_test)),
        "integer": float(np.mean(raw == np.round(raw))),
        "mae": float(np.mean(np.abs(raw - y_test))),
        "seconds": seconds,
        "model": model,
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--epochs", type=int, default=60)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    split = load(args.seed)
    print(
        f"Digits 0-9 by regression: {len(split[0])} training and {len(split[1])} held-out images, "
        f"{' -> '.join(f'Dense({w}, relu)' for w in HIDDEN)} -> Dense(1) -> output op, "
        f"Adam({LEARNING_RATE}), batch {BATCH}, "
        f"{args.epochs} epochs, seed {args.seed}"
    )
    rows = [train(method, args.epochs, args.seed, split=split) for method in METHODS]
    print()
    print("| output | exact-integer accuracy (held out) | raw outputs already integers | mean abs error | train s |")
    print("| --- | --- | --- | --- | --- |")
    for r in rows:
        print(f"| {r['method']} | {r['accuracy']:.1%} | {r['integer']:.1%} | {r['mae']:.3f} | {r['seconds']:.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
