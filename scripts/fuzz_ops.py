#!/usr/bin/env python3
"""Coverage-guided fuzzing of the public ops with atheris, for a bounded time.

    python scripts/fuzz_ops.py --seconds 300
    python scripts/fuzz_ops.py --seconds 60 --findings fuzz-findings.jsonl

Each input picks an op (or heaviside), a dtype (sometimes an invalid one), x
of any shape with any float values (NaN, +-inf, subnormals, the largest
floats), parameters of any value, type and shape, and a mode or surrogate;
then calls the op eagerly with gradients (x and tensor parameters), and now
and then inside a tf.function. A call must either raise a TypeError or
ValueError whose message starts with the op's name, or return a tensor of
x's dtype and the broadcast shape that keeps the contract:

- finite x: finite value and gradients (exact values that overflow aside,
  and the documented known limits of derive.verification);
- NaN x: NaN value; +-inf x: the ste-mode (hard) value; zero gradients there.

Anything else is a finding: recorded (one line of JSON per distinct kind)
and counted; the run goes on. Not part of `make test`; the report gives the
executions, the coverage libFuzzer reached and the findings.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

DTYPES = ["float16", "bfloat16", "float32", "float64", "int32", "complex64"]
SPECIAL = [0.0, -0.0, 0.5, -0.5, 1.0, float("nan"), float("inf"), -float("inf"), 5e-324, 1e-45, 3.4e38, 1.7976931348623157e308]


def run_child(args) -> None:
    import atheris
    import numpy as np

    with atheris.instrument_imports(include=["diffround"]):
        import diffround
    import tensorflow as tf

    from derive.catalog import CATALOG
    from derive.spec import Approximation, SurrogateChoice
    from derive.verification import KNOWN_LIMITS, output_label

    entries = [e for e in CATALOG if isinstance(e, (Approximation, SurrogateChoice))]
    approximations = {e.name: e for e in entries if isinstance(e, Approximation)}
    findings_path = Path(args.findings)
    counts_path = Path(args.counts)
    seen = set()
    counter = {"calls": 0, "errors": 0, "returns": 0}

    def tally(outcome: str):
        # written as it goes: libFuzzer ends the process from C at the time limit
        counter[outcome] += 1
        if counter["calls"] % 50 == 0 or outcome != "calls":
            counts_path.write_text(json.dumps(counter))

    def finding(kind: str, **details):
        if kind in seen:
            return
        seen.add(kind)
        with open(findings_path, "a") as handle:
            handle.write(json.dumps({"kind": kind, **{k: repr(v) for k, v in details.items()}}) + "\n")

    def number(fdp):
        choice = fdp.ConsumeIntInRange(0, 3)
        if choice == 0:
            return SPECIAL[fdp.ConsumeIntInRange(0, len(SPECIAL) - 1)]
        if choice == 1:
            return fdp.ConsumeFloatInRange(-4.0, 4.0)
        return fdp.ConsumeFloat()

    def parameter(fdp, shape):
        kind = fdp.ConsumeIntInRange(0, 9)
        if kind <= 4:
            return number(fdp)
        if kind == 5:
            return fdp.ConsumeIntInRange(-3, 200)
        if kind == 6:
            return [None, "1.0", True, 1 + 0j, [1.0]][fdp.ConsumeIntInRange(0, 4)]
        size = fdp.ConsumeIntInRange(1, 3)
        values = [number(fdp) for _ in range(size)]
        dtype = DTYPES[fdp.ConsumeIntInRange(0, len(DTYPES) - 1)]
        if kind == 7 and len(shape) >= 1:
            values = [number(fdp)] * (shape[-1] or 1)
        try:
            return tf.constant(values, dtype=dtype)
        except (TypeError, ValueError):  # e.g. a float out of an int dtype's range
            return tf.constant(np.array(values, dtype=np.float64))

    def limited(entry, floats, dtype, wrt, x_value):
        return any(
            lim.applies(entry, floats, dtype, wrt) and lim.region(entry, floats, np.array([x_value]), dtype)[0]
            for lim in KNOWN_LIMITS
        )

    def check(entry, name, kwargs, x, y, grads, tensor_params):
        shown = {**kwargs, **{k: f"tensor {v.dtype.name} {tuple(v.shape)}" for k, v in tensor_params.items()}}
        shown["x"] = f"tensor {x.dtype.name} {tuple(x.shape)}"
        if y.dtype != x.dtype:
            finding("wrong output dtype", op=name, kwargs=shown, got=y.dtype, x=x.dtype)
        expected_shape = x.shape
        for value in tensor_params.values():
            expected_shape = tf.broadcast_static_shape(expected_shape, value.shape)
        if y.shape != expected_shape:
            finding("wrong output shape", op=name, kwargs=shown, got=y.shape, expected=expected_shape)
        xv = tf.cast(x, tf.float64).numpy()
        yv = np.broadcast_to(tf.cast(y, tf.float64).numpy(), expected_shape)
        xb = np.broadcast_to(xv, expected_shape)
        scalars_ok = all(
            isinstance(v, float) and np.isfinite(v) for k, v in kwargs.items() if k not in ("mode", "surrogate")
        )
        if np.any(np.isnan(xb) & ~np.isnan(yv)):
            finding("NaN in, not NaN out", op=name, kwargs=shown)
        entry_a = approximations.get(name)
        if entry_a is not None and "ste" in entry_a.modes and kwargs.get("mode", entry_a.mode) == "soft":
            hard = getattr(diffround, name)(x, **{**kwargs, **tensor_params, "mode": "ste"})
            hv = np.broadcast_to(tf.cast(hard, tf.float64).numpy(), expected_shape)
            inf = np.isinf(xb)
            if np.any(inf & (yv != hv)):
                finding("inf in, not the hard value out", op=name, kwargs=shown)
        if grads is not None:
            for label, g in grads.items():
                if g is None:
                    continue
                source = x if label == "x" else tensor_params[label]
                if g.shape != source.shape or g.dtype != source.dtype:
                    finding("gradient of another shape or dtype", op=name, kwargs=shown, wrt=label, got=(g.dtype, g.shape))
                    continue
                gv = tf.cast(g, tf.float64).numpy()
                if label == "x":
                    gx = gv
                    if np.any(~np.isfinite(xv) & (gx != 0)):
                        finding("non-finite x, nonzero gradient", op=name, kwargs=shown)
                    if scalars_ok and entry_a is not None:
                        floats = {k: v for k, v in kwargs.items() if k in entry_a.float_params}
                        bad = np.isfinite(xv) & ~np.isfinite(gx)
                        for v in xv[bad]:
                            if not limited(entry_a, floats, x.dtype.name, ("x",), v):
                                finding(f"{name}: non-finite d/dx at finite x", op=name, kwargs=shown, x=v)
        if scalars_ok and entry_a is not None and x.dtype in (tf.float32, tf.float64):
            floats = {k: v for k, v in kwargs.items() if k in entry_a.float_params}
            bad = np.isfinite(xb) & ~np.isfinite(yv)
            for v in xb[bad]:
                if not limited(entry_a, floats, x.dtype.name, (), v):
                    finding(f"{name}: non-finite value at finite x", op=name, kwargs=shown, x=v)

    def test_one_input(data):
        fdp = atheris.FuzzedDataProvider(data)
        entry = entries[fdp.ConsumeIntInRange(0, len(entries) - 1)]
        name = entry.name
        rank = fdp.ConsumeIntInRange(0, 2)
        shape = [fdp.ConsumeIntInRange(0, 3) for _ in range(rank)]
        count = int(np.prod(shape)) if shape else 1
        values = [number(fdp) for _ in range(count)]
        dtype = DTYPES[fdp.ConsumeIntInRange(0, len(DTYPES) - 1)]
        try:
            x = tf.constant(np.array(values, dtype=np.float64).reshape(shape), dtype=dtype)
        except (TypeError, ValueError):
            return
        kwargs, tensor_params = {}, {}
        if isinstance(entry, Approximation):
            names = list(entry.params)
            if len(entry.modes) > 1 and fdp.ConsumeBool():
                kwargs["mode"] = ["soft", "ste", "hard", ""][fdp.ConsumeIntInRange(0, 3)]
        else:
            labels = list(entry.surrogates)
            kwargs["surrogate"] = (labels + ["relu"])[fdp.ConsumeIntInRange(0, len(labels))]
            names = sorted({p for a in approximations.values() for p in a.float_params})
        for pname in names:
            if fdp.ConsumeBool():
                value = parameter(fdp, shape)
                if tf.is_tensor(value):
                    tensor_params[pname] = value
                else:
                    kwargs[pname] = value
        use_function = fdp.ConsumeIntInRange(0, 15) == 0
        tally("calls")
        fn = getattr(diffround, name)

        def call(x):
            with tf.GradientTape() as tape:
                tape.watch(x)
                for value in tensor_params.values():
                    if value.dtype.is_floating:
                        tape.watch(value)
                y = fn(x, **kwargs, **tensor_params)
            sources = {"x": x, **{k: v for k, v in tensor_params.items() if v.dtype.is_floating}}
            grads = dict(zip(sources, tape.gradient(y, list(sources.values())))) if x.dtype.is_floating else None
            return y, grads

        try:
            y, grads = tf.function(call)(x) if use_function else call(x)
        except (TypeError, ValueError) as err:
            tally("errors")
            # inside tf.function, TensorFlow puts the traceback of the user code first
            message = str(err).strip().splitlines()[-1].strip().removeprefix(f"{type(err).__name__}: ")
            if not message.startswith((f"{name}:", f"{name} (", f"{name}()")):
                finding(f"unclear {type(err).__name__}", op=name, kwargs=kwargs, params=tensor_params, message=message[:300])
            return
        except tf.errors.InvalidArgumentError as err:
            # inside tf.function a bad tensor parameter value is a tf.debugging.Assert (docs/known-limits.md)
            tally("errors")
            if not (use_function and "must be in" in str(err)):
                finding("InvalidArgumentError", op=name, kwargs=kwargs, message=str(err)[:300])
            return
        except Exception as err:  # noqa: BLE001 - any other exception is a finding
            finding(f"{type(err).__name__}", op=name, kwargs=kwargs, message=str(err)[:300])
            return
        tally("returns")
        check(entry, name, kwargs, x, y, grads, tensor_params)

    atheris.Setup([sys.argv[0], *args.libfuzzer], test_one_input)
    atheris.Fuzz()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=int, default=300, help="time budget (default 300)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--findings", default=str(ROOT / "fuzz-findings.jsonl"))
    parser.add_argument("--max-len", type=int, default=256, help="longest input in bytes (default 256)")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--counts", help=argparse.SUPPRESS)
    parser.add_argument("libfuzzer", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        run_child(args)
        return 0
    args.counts = str(Path(args.findings).with_suffix(".counts.json"))
    Path(args.findings).unlink(missing_ok=True)
    Path(args.counts).unlink(missing_ok=True)
    started = time.perf_counter()
    command = [
        sys.executable, __file__, "--child", "--findings", args.findings, "--counts", args.counts, "--",
        f"-max_total_time={args.seconds}", f"-seed={args.seed}", "-rss_limit_mb=0", "-timeout=120",
        f"-max_len={args.max_len}", "-len_control=0", "-print_final_stats=1",
        f"-artifact_prefix={Path(args.findings).parent}/fuzz-crash-",
    ]
    result = subprocess.run(command, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    stats = [line for line in result.stderr.splitlines() if line.startswith(("stat::", "#")) and ("cov:" in line or "stat::" in line)]
    findings = [json.loads(line) for line in Path(args.findings).read_text().splitlines()] if Path(args.findings).exists() else []
    counts = json.loads(Path(args.counts).read_text()) if Path(args.counts).exists() else {}
    print(f"fuzzed for {elapsed:.0f} s (budget {args.seconds} s), libFuzzer exit status {result.returncode}")
    if counts:
        print(f"  calls {counts['calls']}: {counts['returns']} returned and checked, {counts['errors']} raised a named error")
    for line in stats[-8:]:
        print(f"  {line}")
    print(f"{len(findings)} distinct findings" + (f", in {args.findings}:" if findings else ""))
    for f in findings:
        print(f"  {f['kind']}: {f}")
    if result.returncode != 0:
        # an uncaught exception or a crash of the process: libFuzzer saved the input
        start = result.stderr.find("=== Uncaught Python exception")
        print(result.stderr[start:][:4000] if start >= 0 else result.stderr[-4000:])
    return 1 if findings or result.returncode != 0 else 0


if __name__ == "__main__":
    sys.exit(main())
