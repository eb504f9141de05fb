#!/usr/bin/env python3
"""Integer labels: the digits model of scripts/train_digits.py, predicting the
digit 0-9 as one number, with its output through each rounding op.

    python scripts/experiments/integer_labels.py [--quick] [--seeds N] [--backend B] [--out DIR]

Dense(128, relu) -> Dense(128, relu) -> Dense(1) -> output op, MSE against the
label, Adam(0.003), batch 32. Per seed and method: the exact-integer accuracy
on the held-out quarter (the raw output rounded equals the label), the share of
raw outputs that are integers already, the mean absolute error, and the
training time. Keras 3 on any of its backends (--backend, default
tensorflow: the published numbers' backend).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import numpy as np  # noqa: E402

import harness  # noqa: E402

NAME = "integer_labels"
HIDDEN = (128, 128)
BATCH = 32
LEARNING_RATE = 3e-3
EPOCHS = 60
QUICK_EPOCHS = 4
BASELINE = "regression, rounded at the end"
# method -> (layer class name and its arguments, or None for a linear output; annealed parameter, start, end, schedule)
METHODS = {
    BASELINE: (None, None),
    "ste_round": (("SteRound", {}), None),
    "sigmoid_round, steepness 1 -> 50": (("SigmoidRound", {"steepness": 1.0}), ("steepness", 1.0, 50.0, "linear")),
    "sine_staircase_round, depth 1": (("SineStaircaseRound", {}), None),
    "sine_round, width 1 -> 0.05": (("SineRound", {"width": 1.0}), ("width", 1.0, 0.05, "geometric")),
    "fourier_round, 5 terms": (("FourierRound", {}), None),
    "soft_round, alpha 1 -> 20": (("SoftRound", {"alpha": 1.0}), ("alpha", 1.0, 20.0, "geometric")),
}


def build(method: str, seed: int):
    """The model and its callbacks; the Dense layers start from the seed's
    weights (Glorot uniform kernels drawn with NumPy, zero biases)."""
    import keras

    import diffround

    output, anneal = METHODS[method]
    dense = [keras.layers.Dense(width, activation="relu" if width != 1 else None) for width in HIDDEN + (1,)]
    layers = [keras.Input((64,)), *dense]
    if output is not None:
        layer_class, kwargs = output
        layers.append(getattr(diffround.layers, layer_class)(**kwargs))
    model = keras.Sequential(layers)
    fan_in = 64
    for i, layer in enumerate(dense):
        layer.set_weights([harness.glorot_uniform(seed, i, fan_in, layer.units), np.zeros(layer.units, np.float32)])
        fan_in = layer.units
    callbacks = []
    if anneal is not None:
        param, start, end, schedule = anneal
        callbacks.append(diffround.callbacks.Anneal(param, start, end, schedule=schedule))
    return model, callbacks


def train(method: str, seed: int, planned: int, split, orders) -> dict:
    import keras

    x_train, x_test, y_train, y_test = split
    model, callbacks = build(method, seed)
    labels = y_test.astype(np.float64)

    def evaluate(epoch):
        raw = keras.ops.convert_to_numpy(model(x_test, training=False))[:, 0].astype(np.float64)
        return {
            "accuracy": float(np.mean(np.round(raw) == labels)),
            "integer": float(np.mean(raw == np.round(raw))),
            "mae": float(np.mean(np.abs(raw - labels))),
        }

    history, seconds, first = harness.fit_keras(
        model,
        keras.losses.MeanSquaredError(),
        x_train,
        y_train.astype(np.float32)[:, None],
        orders,
        BATCH,
        LEARNING_RATE,
        callbacks,
        evaluate,
        planned=planned,
    )
    return harness.run_result(method, seed, history, seconds, first)


def main(argv=None) -> int:
    args = harness.arguments(__doc__, __file__, argv, keras=True)
    harness.set_threads(args.backend)
    planned = QUICK_EPOCHS if args.quick else EPOCHS

    def figures(result):
        return f"accuracy {result['accuracy']:.3f}  integers {result['integer']:.3f}"

    def train_planned(method, seed, split, orders):
        return train(method, seed, planned, split, orders)

    epochs, results = harness.digits_runs(args, planned, METHODS, train_planned, figures, BATCH)
    harness.write(
        NAME,
        args.out,
        args,
        {
            "title": "Integer labels: digits by regression",
            "short_title": "Integer labels (digits by regression)",
            "backend": args.backend,
            "backend_text": harness.backend_text(args.backend, keras=True),
            "versions": harness.versions(args.backend, "keras"),
            "setup": (
                f"scikit-learn's 8x8 digits, 1347 training and 450 held-out images (stratified split per seed); "
                f"{' -> '.join(f'Dense({w}, relu)' for w in HIDDEN)} -> Dense(1) -> output op; MSE; "
                f"Adam({LEARNING_RATE}), batch {BATCH}, {planned} epochs; annealed parameters set before each epoch "
                "by diffround.callbacks.Anneal."
            ),
            "epochs": epochs,
            "planned_epochs": planned,
            "methods": list(METHODS),
            "baseline": BASELINE,
            "metrics": {
                "accuracy": "exact-integer accuracy (held out): round(output) == label",
                "integer": "share of raw held-out outputs that are integers",
            },
            "percent": ["accuracy", "integer"],
            "higher_is_better": {"accuracy": True, "integer": True},
            "plots": {"accuracy": f"{NAME}_accuracy.png", "integer": f"{NAME}_integer.png"},
            "results": results,
        },
    )
    harness.plot_curves(
        results,
        list(METHODS),
        "accuracy",
        "exact-integer accuracy (held out)",
        f"Integer labels (digits): mean over {len(args.seed_list)} seeds, band ±1 s.d.",
        args.out / f"{NAME}_accuracy.png",
        ylim=(0, 1),
    )
    harness.plot_curves(
        results,
        list(METHODS),
        "integer",
        "share of raw outputs that are integers",
        f"Integer labels (digits): mean over {len(args.seed_list)} seeds, band ±1 s.d.",
        args.out / f"{NAME}_integer.png",
        ylim=(-0.02, 1.02),
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
