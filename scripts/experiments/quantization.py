#!/usr/bin/env python3
"""Quantization-aware training: the digits MLP with its kernels and inputs
quantized to 8, 4 and 2 bits by each quantizer layer, against float.

    python scripts/experiments/quantization.py [--quick] [--seeds N] [--backend B] [--out DIR]

Input (float, in [0, 1]) -> QuantizedDense(64, relu) -> QuantizedDense(10)
-> softmax, both layers with quantized kernels (per output unit) and inputs:
- fake_quant (LSQ, Esser et al. 2020): kernels and inputs (unsigned) through
  FakeQuant, scale started and gradient-scaled as LSQ;
- pact_quant (PACT, Choi et al. 2018): inputs through PactQuant, alpha
  started at the first batch's maximum, kernels through FakeQuant as above
  (PACT quantizes activations only);
- dsq_quant (DSQ, Gong et al. 2019): kernels (per output unit) and inputs
  through DsqQuant, each range started at the first batch's least and
  greatest value and learned with alpha.
The model of scripts/train_qat.py (the demo, 5 seeds), trained here one
method at a time from the seed's Glorot weights and batch order, as every
experiment of docs/experiments.md. Cross-entropy, Adam(0.003), batch 128.
Keras 3 on any of its backends (--backend, default tensorflow).
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import harness  # noqa: E402

NAME = "quantization"
HIDDEN = 64
BATCH = 128
LEARNING_RATE = 3e-3
EPOCHS = 20
QUICK_EPOCHS = 2
BITS = (8, 4, 2)
QUANTIZERS = ("fake_quant", "pact_quant", "dsq_quant")
METHODS = ("float",) + tuple(f"{q} {b}-bit" for q in QUANTIZERS for b in BITS)
BASELINE = "float"


def quantizers(method: str):
    """(kernel quantizer, input quantizer) layer factories of a method; None for float."""
    import diffround as dr

    if method == "float":
        return None
    name, bits = method.split(" ")
    bits = int(bits.removesuffix("-bit"))

    def kernel():
        return dr.layers.FakeQuant(bits=bits, per_channel_axis=-1, gradient_scale=True)

    if name == "fake_quant":
        return kernel, lambda: dr.layers.FakeQuant(bits=bits, signed=False, gradient_scale=True)
    if name == "dsq_quant":
        return lambda: dr.layers.DsqQuant(bits=bits, per_channel_axis=-1), lambda: dr.layers.DsqQuant(bits=bits)
    return kernel, lambda: dr.layers.PactQuant(alpha="max", bits=bits)


def build(method: str, seed: int):
    import keras

    import diffround as dr

    made = quantizers(method)
    inputs = keras.Input((64,))
    h = inputs
    for index, (fan_in, width, activation) in enumerate([(64, HIDDEN, "relu"), (HIDDEN, 10, None)]):
        # Glorot uniform drawn with NumPy from the seed: the same on every backend and method
        start = harness.glorot_uniform(seed, index, fan_in, width)
        initial = {"kernel_initializer": lambda shape, dtype=None, start=start: keras.ops.convert_to_tensor(start, dtype)}
        if made is None:
            layer = keras.layers.Dense(width, activation=activation, **initial)
        else:
            kernel, inp = made
            layer = dr.layers.QuantizedDense(
                width, activation=activation, kernel_quantizer=kernel(), input_quantizer=inp(), **initial
            )
        h = layer(h)
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
            "title": "Quantization-aware training: 8, 4 and 2 bits on the digits",
            "short_title": "QAT MLP (digits)",
            "backend": args.backend,
            "backend_text": harness.backend_text(args.backend, keras=True),
            "versions": harness.versions(args.backend, "keras"),
            "setup": (
                f"scikit-learn's 8x8 digits (stratified 75/25 split per seed); input -> QuantizedDense({HIDDEN}, "
                "relu) -> QuantizedDense(10) -> softmax, kernels (per output unit) and inputs of both layers "
                "quantized: `fake_quant` = LSQ's FakeQuant on both (inputs unsigned; scale started at "
                "2 mean|x| / sqrt(qmax), gradient scale on); `pact_quant` = PactQuant on the inputs (alpha started "
                "at the first batch's maximum), FakeQuant on the kernels; `dsq_quant` = DsqQuant on both (range "
                "started at the first batch's least and greatest value, learned with alpha); float = plain Dense; "
                "cross-entropy; "
                f"Adam({LEARNING_RATE}), batch {BATCH}, {planned} epochs. The model of `scripts/train_qat.py`."
            ),
            "epochs": epochs,
            "planned_epochs": planned,
            "methods": list(METHODS),
            "baseline": BASELINE,
            "metrics": {"accuracy": "held-out accuracy (10 classes)"},
            "percent": ["accuracy"],
            "higher_is_better": {"accuracy": True},
            "plots": {"accuracy": f"{NAME}_accuracy.png"},
            "results": results,
        },
    )
    harness.plot_curves(
        results,
        list(METHODS),
        "accuracy",
        "held-out accuracy",
        f"QAT MLP (digits): mean over {len(args.seed_list)} seeds, band ±1 s.d.",
        args.out / f"{NAME}_accuracy.png",
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
