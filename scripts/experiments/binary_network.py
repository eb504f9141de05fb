#!/usr/bin/env python3
"""Binary network: an MLP on the digits whose weights and hidden activations
are signs, trained through each sign op's gradient.

    python scripts/experiments/binary_network.py [--quick] [--seeds N] [--backend B] [--out DIR]

Input (float, in [0, 1]) -> BinaryDense(128) -> BatchNorm -> sign ->
BinaryDense(128) -> BatchNorm -> sign -> BinaryDense(10) -> BatchNorm ->
softmax. A BinaryDense multiplies by sign(W) of a latent float W, clipped to
[-1, 1] after each step (Larq's weight_clip); weights and activations go
through the same op, in its default mode "ste" (forward sign, the op's smooth
derivative as gradient). Cross-entropy, Adam(0.001), batch 32. Keras 3 on any
of its backends (--backend, default tensorflow: the published numbers' backend).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import harness  # noqa: E402

NAME = "binary_network"
HIDDEN = (128, 128)
BATCH = 32
LEARNING_RATE = 1e-3
EPOCHS = 20
QUICK_EPOCHS = 2
METHODS = {"ste_sign": "SteSign", "approx_sign": "ApproxSign", "swish_sign": "SwishSign"}
BASELINE = "ste_sign"
# Looked up with pip beside this project's pinned TensorFlow; the page prints it.
LARQ = (
    'Larq is not compared: `pip install --dry-run larq` answers "Would install larq-0.14.0 numpy-1.26.4 '
    "terminaltables-3.1.10\" (larq 0.14.0, the newest, replaces this project's NumPy 2 by 1.26.4), and "
    'imported beside TensorFlow 2.21 and Keras 3 it fails: "AttributeError: module '
    "'keras._tf_keras.keras.layers' has no attribute 'LocallyConnected1D'\" (it subclasses Keras 2's "
    "layers). The three ops' derivatives are checked against Larq's published formulas by "
    "scripts/verify_derivatives.py instead."
)


def build(method: str, seed: int):
    import keras

    import diffround

    quantizer_class = getattr(diffround.layers, METHODS[method])

    class BinaryDense(keras.layers.Layer):
        """x @ sign(W): the latent float W is what Adam updates."""

        def __init__(self, units, layer, **kwargs):
            super().__init__(**kwargs)
            self.units = units
            self.layer = layer
            self.quantizer = quantizer_class()

        def build(self, input_shape):
            # Glorot uniform drawn with NumPy from the seed: the same on every backend
            start = harness.glorot_uniform(seed, self.layer, input_shape[-1], self.units)
            self.kernel = self.add_weight(
                name="kernel",
                shape=start.shape,
                initializer=lambda shape, dtype=None: keras.ops.convert_to_tensor(start, dtype=dtype),
                constraint=lambda w: keras.ops.clip(w, -1.0, 1.0),
            )

        def call(self, inputs):
            return keras.ops.matmul(inputs, self.quantizer(self.kernel))

    inputs = keras.Input((64,))
    h = inputs
    for i, width in enumerate(HIDDEN + (10,)):
        h = BinaryDense(width, i)(h)
        h = keras.layers.BatchNormalization(momentum=0.9)(h)
        if width != 10:
            h = quantizer_class()(h)
    return keras.Model(inputs, h)


def train(method: str, seed: int, split, orders) -> dict:
    return harness.train_classifier(build(method, seed), method, seed, split, orders, BATCH, LEARNING_RATE)


def main(argv=None) -> int:
    args = harness.arguments(__doc__, __file__, argv, keras=True)
    harness.set_threads(args.backend)
    planned = QUICK_EPOCHS if args.quick else EPOCHS
    epochs, results = harness.digits_runs(
        args, planned, METHODS, train, lambda r: f"accuracy {r['accuracy']:.3f}", BATCH
    )
    harness.write(
        NAME,
        args.out,
        args,
        {
            "title": "Binary network: sign weights and activations on the digits",
            "short_title": "Binary MLP (digits)",
            "backend": args.backend,
            "backend_text": harness.backend_text(args.backend, keras=True),
            "versions": harness.versions(args.backend, "keras"),
            "setup": (
                "scikit-learn's 8x8 digits (stratified 75/25 split per seed); input -> "
                + " -> ".join(f"BinaryDense({w}) -> BatchNorm -> sign" for w in HIDDEN)
                + " -> BinaryDense(10) -> BatchNorm -> softmax; BinaryDense = x @ sign(W), latent W clipped to "
                f"[-1, 1]; weights and activations through the same op in mode 'ste'; cross-entropy; "
                f"Adam({LEARNING_RATE}), batch {BATCH}, {planned} epochs."
            ),
            "epochs": epochs,
            "planned_epochs": planned,
            "methods": list(METHODS),
            "baseline": BASELINE,
            "metrics": {"accuracy": "held-out accuracy (10 classes)"},
            "percent": ["accuracy"],
            "higher_is_better": {"accuracy": True},
            "plots": {"accuracy": f"{NAME}_accuracy.png"},
            "notes": [LARQ],
            "results": results,
        },
    )
    harness.plot_curves(
        results,
        list(METHODS),
        "accuracy",
        "held-out accuracy",
        f"Binary MLP (digits): mean over {len(args.seed_list)} seeds, band ±1 s.d.",
        args.out / f"{NAME}_accuracy.png",
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
