#!/usr/bin/env python3
"""Time every op against the straight-through round, the seeds' hand-written
versions and a memory-bound probe, side by side in one process.

    python scripts/benchmark.py                      # 2^16, 2^20, 2^22 values
    python scripts/benchmark.py --sizes 1024 --repeats 1 --memory-size 0 --json out.json
    python scripts/benchmark.py --quick              # 2^16 and 2^20, 3 rounds
    python scripts/benchmark.py --quantizers --markdown docs/benchmarks/quantizers.md

Every approximation of the catalog, in each of its modes, and every surrogate
of each hard-forward choice (heaviside) is timed on float32 tensors: the
forward pass alone and forward+backward (a GradientTape with an upstream
gradient dy), eagerly, inside tf.function and inside
tf.function(jit_compile=True). Baselines timed in the same rounds:

- the straight-through round x - stop_gradient(x - round(x));
- the seeds' own TensorFlow code (tf.math.floormod, one sin per Fourier term,
  e/(e + 1)), differentiated by TensorFlow's autodiff, with the parameters of
  the op each one reproduces;
- a memory-bound probe: one XLA kernel that reads x and writes y, and one that
  reads x and dy and writes dx: the bytes an op's forward+backward must move.

Each timing is the median of --repeats calls after --warmups calls; the
rounds are interleaved (every case once per round), so that a change in the
machine's load shifts all cases alike. Peak memory of one eager
forward+backward over --memory-size values is TensorFlow's own CPU allocator
statistic (tf.config.experimental.get_memory_info), counted above x and dy.

--quantizers times the quantizers instead (fake_quant, pact_quant, dsq_quant, ternary,
fake_quant_minmax, and the random ops
stochastic_round and uniform_noise) against TensorFlow's
tf.quantization.fake_quant_with_min_max_vars (8 bits on [-6, 6], as
fake_quant_minmax's defaults) and the straight-through round, on 2^20 and
2^22 values, eagerly and in tf.function(jit_compile=True), with each op's
forward+backward time over each baseline's in the same execution;
--markdown writes that report as a page.
"""

from __future__ import annotations

import argparse
import datetime
import json
import math
import os
import platform
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import numpy as np  # noqa: E402
import tensorflow as tf  # noqa: E402

import diffround  # noqa: E402
from derive.catalog import CATALOG, RANDOM_OPS  # noqa: E402
from derive.spec import Approximation, SurrogateChoice  # noqa: E402

DEFAULT_SIZES = (2**16, 2**20, 2**22)
QUICK_SIZES = (2**16, 2**20)
EXECUTIONS = ("eager", "function", "jit")
PASSES = ("forward", "forward+backward")
TARGETS = {
    "eager_vs_straight_through": 1.5,  # at most
    "seed_speedup": 5.0,  # at least
    "jit_vs_probe": 1.3,  # at most
    "peak_extra_tensors": 1.0,  # at most, above the straight-through round
}
STRAIGHT_THROUGH = "straight-through round"
PROBE = "memory-bound probe"
TF_FAKE_QUANT = "tf.quantization.fake_quant_with_min_max_vars"
QUANTIZERS = ("fake_quant", "pact_quant", "dsq_quant", "ternary", "fake_quant_minmax")
QUANTIZER_SIZES = (2**20, 2**22)
QUANTIZER_EXECUTIONS = ("eager", "jit")
RANDOM_SEED = 1234


@dataclass
class Case:
    """Something timed: ``fn(x) -> y`` in float32."""

    label: str
    kind: str  # "op", "baseline", "seed"
    fn: Callable
    op: str = ""  # the catalog entry it belongs to, or (seeds) the one it reproduces
    mode: str = ""


# -- the cases -------------------------------------------------------------------------------


def op_cases(catalog) -> list[Case]:
    """Every approximation in every mode, every surrogate of every choice."""
    cases = []
    for entry in catalog:
        fn = getattr(diffround, entry.name)
        if isinstance(entry, Approximation):
            for mode in entry.modes:
                kwargs = {"mode": mode} if len(entry.modes) > 1 else {}
                cases.append(Case(f"{entry.name} {mode}", "op", _bind(fn, kwargs), entry.name, mode))
        elif isinstance(entry, SurrogateChoice):
            for label in entry.surrogates:
                cases.append(Case(f"{entry.name} {label}", "op", _bind(fn, {"surrogate": label}), entry.name, label))
    return cases


def quantizer_cases(catalog, random_ops) -> list[Case]:
    """The quantizers of the catalog in each of their modes, and the random ops
    with the seed a tensor, as a training step passes it: an input of a
    tf.function, where a Python int would be a constant that XLA folds the
    whole draw into (a constant of x's size)."""
    cases = [c for c in op_cases([e for e in catalog if e.name in QUANTIZERS])]
    seed = tf.constant([RANDOM_SEED, 0], tf.int64)
    for op in random_ops:
        fn = getattr(diffround, op.name)
        cases.append(Case(f"{op.name} {op.mode}", "op", _bind(fn, {"seed": seed}), op.name, op.mode))
    return cases


def tf_fake_quant(x):
    """TensorFlow's own fake quant, 8 bits on [-6, 6] (fake_quant_minmax's defaults)."""
    return tf.quantization.fake_quant_with_min_max_vars(x, -6.0, 6.0, num_bits=8)


def _bind(fn, kwargs):
    def call(x):
        return fn(x, **kwargs)

    return call


def straight_through(x):
    return x - tf.stop_gradient(x - tf.round(x))


# The seeds' code, as they wrote it (tf.mod is tf.math.floormod in TF 2), with
# TensorFlow's autodiff. Each reproduces a catalog op and takes its parameters.


def seed_sigmoid_round(x, steepness):
    """seed 000: floor(x) + sigmoid(steepness*(mod(x, 1) - 0.5))."""
    floor_part = tf.floor(x)
    remainder = tf.math.floormod(x, 1.0)
    return floor_part + tf.sigmoid(steepness * (remainder - 0.5))


def seed_sine_round(x, width):
    """seed 000: floor(x) + clipped half-sine of mod(x, 1)."""
    floor_part = tf.floor(x)
    remainder = tf.math.floormod(x, 1.0)
    half_width = width / 2
    sin_part = (1 + tf.sin(np.pi * ((remainder - 0.5) / width))) / 2
    whole = sin_part * tf.cast(tf.abs(remainder - 0.5) < half_width, tf.float32)
    whole += tf.cast(remainder > 0.5 + half_width, tf.float32)
    return floor_part + whole


def seed_fourier_round(x, terms):
    """seed 001: x + 1/pi sum_n (-1)^n sin(2 pi n x)/n, one sin per term."""
    total = 0.0
    for n in range(1, terms + 1):
        total += (-1) ** n * tf.sin(2 * np.pi * n * x) / n
    return x + total / np.pi


def seed_sigmoid_step(x, steepness, center):
    """seed 001: e/(e + 1) with e = exp(slope*(x - center))."""
    e = tf.exp(steepness * (x - center))
    return e / (e + 1)


SEEDS = (
    ("seed 000 sigmoid round", "sigmoid_round", seed_sigmoid_round),
    ("seed 000 half-sine round", "sine_round", seed_sine_round),
    ("seed 001 Fourier round", "fourier_round", seed_fourier_round),
    ("seed 001 sigmoid step", "sigmoid_step", seed_sigmoid_step),
)


def baseline_cases(catalog) -> list[Case]:
    cases = [Case(STRAIGHT_THROUGH, "baseline", straight_through)]
    approximations = {a.name: a for a in catalog if isinstance(a, Approximation)}
    for label, op, fn in SEEDS:
        a = approximations.get(op)
        if a is None:
            continue
        defaults = {name: p.default for name, p in a.params.items()}
        cases.append(Case(label, "seed", _bind(fn, defaults), op))
    return cases


# -- timing ------------------------------------------------------------------------------------


def forward_backward(fn):
    def run(x, dy):
        with tf.GradientTape() as tape:
            tape.watch(x)
            y = fn(x)
        return y, tape.gradient(y, x, output_gradients=dy)

    return run


def forward_only(fn):
    def run(x, dy):
        return fn(x)

    return run


def runner(case_fn, execution, pass_):
    body = forward_only(case_fn) if pass_ == "forward" else forward_backward(case_fn)
    if execution == "eager":
        return body
    return tf.function(body, jit_compile=execution == "jit", autograph=False)


def probe_runner(pass_):
    """The bytes an op must move, in XLA kernels: read x, write y; then read
    x and dy, write dx."""
    write_y = tf.function(lambda x: x + 1.0, jit_compile=True, autograph=False)
    write_dx = tf.function(lambda x, dy: x * dy, jit_compile=True, autograph=False)
    if pass_ == "forward":
        return lambda x, dy: write_y(x)
    return lambda x, dy: (write_y(x), write_dx(x, dy))


class Progress:
    def __init__(self):
        self.tty = sys.stderr.isatty()

    def __call__(self, text):
        if self.tty:
            print(f"\r\033[K{text}", end="", file=sys.stderr, flush=True)
        else:
            print(text, file=sys.stderr, flush=True)

    def done(self):
        if self.tty:
            print("\r\033[K", end="", file=sys.stderr, flush=True)


def inputs(size):
    x = tf.random.stateless_uniform([size], seed=(1, 2), minval=-8.0, maxval=8.0, dtype=tf.float32)
    dy = tf.random.stateless_uniform([size], seed=(3, 4), minval=0.5, maxval=1.5, dtype=tf.float32)
    return x, dy


def time_size(cases, size, repeats, warmups, progress, executions=EXECUTIONS, probe=True) -> dict:
    """{(label, execution, pass): [seconds per call]} for one size, the
    probe under the execution "xla"."""
    x, dy = inputs(size)
    runs = {}
    for case in cases:
        for execution in executions:
            for pass_ in PASSES:
                runs[(case.label, execution, pass_)] = runner(case.fn, execution, pass_)
    for pass_ in PASSES if probe else ():
        runs[(PROBE, "xla", pass_)] = probe_runner(pass_)
    for index, (key, run) in enumerate(runs.items()):
        progress(f"2^{int(math.log2(size))}: warm-up {index + 1}/{len(runs)} {' '.join(key)}")
        for _ in range(warmups):
            run(x, dy)
    times = {key: [] for key in runs}
    for round_ in range(repeats):
        progress(f"2^{int(math.log2(size))}: round {round_ + 1}/{repeats}")
        for key, run in runs.items():
            start = time.perf_counter()
            run(x, dy)
            times[key].append(time.perf_counter() - start)
    return times


def peak_memory(cases, size, progress) -> dict:
    """{label: bytes}: TensorFlow's CPU allocator peak during one eager
    forward+backward, above the inputs x and dy that already exist."""
    x, dy = inputs(size)
    peaks = {}
    for index, case in enumerate(cases):
        progress(f"peak memory 2^{int(math.log2(size))}: {index + 1}/{len(cases)} {case.label}")
        run = forward_backward(case.fn)
        run(x, dy)  # warm-up: first-call allocations are not the op's
        tf.config.experimental.reset_memory_stats("CPU:0")
        before = tf.config.experimental.get_memory_info("CPU:0")["current"]
        outputs = run(x, dy)
        peaks[case.label] = tf.config.experimental.get_memory_info("CPU:0")["peak"] - before
        del outputs
    return peaks


# -- report --------------------------------------------------------------------------------------


def machine() -> dict:
    cpu = platform.processor()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return {
        "cores": usable,
        "cpu_count": os.cpu_count(),
        "cpu": cpu,
        "python": platform.python_version(),
        "tensorflow": tf.__version__,
        "numpy": np.__version__,
        "platform": platform.platform(),
    }


def ratios(results, memory, cases, size) -> list[dict]:
    """The targets' ratios for every op case at one size."""

    def median(label, execution, pass_="forward+backward"):
        return results.get((size, label, execution, pass_))

    straight = median(STRAIGHT_THROUGH, "eager")
    probe = median(PROBE, "xla")
    seeds = {c.op: c.label for c in cases if c.kind == "seed"}
    x_bytes = memory.get("size", 0) * 4
    st_peak = memory.get("peaks", {}).get(STRAIGHT_THROUGH)
    rows = []
    for case in cases:
        if case.kind != "op":
            continue
        eager = median(case.label, "eager")
        row = {
            "case": case.label,
            "op": case.op,
            "mode": case.mode,
            "eager_vs_straight_through": eager / straight,
            "jit_vs_probe": median(case.label, "jit") / probe,
            "function_vs_probe": median(case.label, "function") / probe,
            "eager_vs_probe": eager / probe,
            "seed": None,
            "seed_speedup": None,
            "peak_bytes": memory.get("peaks", {}).get(case.label),
            "peak_extra_tensors": None,
        }
        # the seed reproduces the smooth function: compare with the soft mode
        if case.op in seeds and case.mode == "soft":
            row["seed"] = seeds[case.op]
            row["seed_speedup"] = median(seeds[case.op], "eager") / eager
        if row["peak_bytes"] is not None and st_peak is not None:
            row["peak_extra_tensors"] = (row["peak_bytes"] - st_peak) / x_bytes
        rows.append(row)
    return rows


def _table(rows, header) -> str:
    rows = [header] + rows
    widths = [max(len(str(r[i])) for r in rows) for i in range(len(header))]
    lines = ["  ".join(str(c).rjust(w) if i else str(c).ljust(w) for i, (c, w) in enumerate(zip(r, widths))) for r in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _ms(seconds) -> str:
    if seconds is None:
        return "-"
    ms = seconds * 1e3
    return f"{ms:.3f}" if ms < 1 else f"{ms:.2f}" if ms < 100 else f"{ms:.0f}"


def _mark(value, limit, at_most=True, digits=2) -> str:
    if value is None:
        return "-"
    ok = value <= limit if at_most else value >= limit
    return f"{value:.{digits}f}" + ("" if ok else " !")


def times_table(results, cases, size) -> str:
    header = ["case"] + [f"{p[:3] if p == 'forward' else 'f+b'} {e}" for p in PASSES for e in EXECUTIONS] + ["f+b eager/ST"]
    straight = results[(size, STRAIGHT_THROUGH, "eager", "forward+backward")]
    rows = []
    for case in cases:
        row = [case.label]
        for pass_ in PASSES:
            row += [_ms(results[(size, case.label, e, pass_)]) for e in EXECUTIONS]
        row.append(f"{results[(size, case.label, 'eager', 'forward+backward')] / straight:.2f}")
        rows.append(row)
    probe = [PROBE] + [_ms(results[(size, PROBE, "xla", p)]) for p in PASSES for _ in EXECUTIONS] + ["-"]
    rows.append(probe)
    return _table(rows, header)


def targets_table(rows, size, memory_size) -> str:
    header = [
        "op",
        "eager/ST (<=1.5)",
        "seed/op eager (>=5)",
        "jit/probe (<=1.3)",
        "fn/probe",
        f"peak MiB 2^{int(math.log2(memory_size))}" if memory_size else "peak MiB",
        "peak - ST (x, <=1)",
    ]
    table = []
    for r in rows:
        table.append(
            [
                r["case"],
                _mark(r["eager_vs_straight_through"], TARGETS["eager_vs_straight_through"]),
                _mark(r["seed_speedup"], TARGETS["seed_speedup"], at_most=False, digits=1),
                _mark(r["jit_vs_probe"], TARGETS["jit_vs_probe"]),
                f"{r['function_vs_probe']:.2f}",
                "-" if r["peak_bytes"] is None else f"{r['peak_bytes'] / 2**20:.0f}",
                _mark(r["peak_extra_tensors"], TARGETS["peak_extra_tensors"], digits=1),
            ]
        )
    return _table(table, header)


def comparison_table(before: dict, after_rows) -> str:
    """The targets' ratios of an earlier run (its JSON) next to this run's."""
    earlier = {r["case"]: r for r in before["ratios"]["rows"]}
    columns = (
        ("eager/ST", "eager_vs_straight_through", 2),
        ("seed/op eager", "seed_speedup", 1),
        ("jit/probe", "jit_vs_probe", 2),
        ("peak - ST (x)", "peak_extra_tensors", 1),
    )

    def cell(row, key, digits):
        value = None if row is None else row.get(key)
        return "-" if value is None else f"{value:.{digits}f}"

    table = []
    for row in after_rows:
        old = earlier.get(row["case"])
        table.append([row["case"]] + [f"{cell(old, k, d)} -> {cell(row, k, d)}" for _, k, d in columns])
    return _table(table, ["op"] + [c for c, _, _ in columns])


def quantizer_rows(results, cases, size) -> list[dict]:
    """Each quantizer's forward+backward times and its ratios to the two baselines, per execution."""
    rows = []
    for case in cases:
        if case.kind != "op":
            continue
        row = {"case": case.label, "op": case.op, "mode": case.mode, "size": size}
        for execution in QUANTIZER_EXECUTIONS:
            time_ = results[(size, case.label, execution, "forward+backward")]
            row[f"{execution}_s"] = time_
            for key, baseline in (("tf_fake_quant", TF_FAKE_QUANT), ("straight_through", STRAIGHT_THROUGH)):
                row[f"{execution}_vs_{key}"] = time_ / results[(size, baseline, execution, "forward+backward")]
        rows.append(row)
    return rows


def quantizer_table(results, cases, size) -> str:
    header = ["case", "f+b eager", "f+b jit", "eager/TF fq", "eager/ST", "jit/TF fq", "jit/ST"]
    table = []
    for row in quantizer_rows(results, cases, size):
        table.append(
            [row["case"], _ms(row["eager_s"]), _ms(row["jit_s"])]
            + [f"{row[f'{e}_vs_{k}']:.2f}" for e in QUANTIZER_EXECUTIONS for k in ("tf_fake_quant", "straight_through")]
        )
    for label in (TF_FAKE_QUANT, STRAIGHT_THROUGH):
        table.append([label] + [_ms(results[(size, label, e, "forward+backward")]) for e in QUANTIZER_EXECUTIONS] + ["-"] * 4)
    return _table(table, header)


def quantizers_main(args, command) -> int:
    """--quantizers: every quantizer against TensorFlow's fake quant and the straight-through round."""
    sizes = args.sizes or QUANTIZER_SIZES
    repeats = args.repeats or 7
    ops = [c for c in quantizer_cases(CATALOG, RANDOM_OPS) if not args.only or args.only in c.label]
    cases = ops + [Case(TF_FAKE_QUANT, "baseline", tf_fake_quant), Case(STRAIGHT_THROUGH, "baseline", straight_through)]
    info = machine()
    started = datetime.datetime.now(datetime.timezone.utc)
    progress = Progress()
    clock = time.perf_counter()
    results = {}
    for size in sizes:
        timed = time_size(cases, size, repeats, args.warmups, progress, QUANTIZER_EXECUTIONS, probe=False)
        for (label, execution, pass_), samples in timed.items():
            results[(size, label, execution, pass_)] = statistics.median(samples)
    progress.done()
    elapsed = time.perf_counter() - clock
    lines = [
        f"diffround quantizer benchmark, {started:%Y-%m-%d %H:%M} UTC: {info['cores']} cores ({info['cpu']}), "
        f"TensorFlow {info['tensorflow']}, Python {info['python']}",
        f"float32; forward+backward (GradientTape, upstream gradient dy); median of {repeats} interleaved calls "
        f"after {args.warmups} warm-up calls; times in ms",
        f"command: {command}",
    ]
    for size in sizes:
        lines += ["", f"{size} = 2^{math.log2(size):g} values:", quantizer_table(results, cases, size)]
    lines += [
        "",
        f"eager/TF fq, jit/TF fq: the op's time over {TF_FAKE_QUANT}(x, -6, 6, num_bits=8)'s in the same execution;",
        "eager/ST, jit/ST: over the straight-through round x - stop_gradient(x - round(x))'s;",
        "jit: inside tf.function(jit_compile=True). Parameters at their defaults (Python numbers: x's gradient only);",
        f"random ops with seed=tf.constant([{RANDOM_SEED}, 0]), made outside the tf.function (an input there).",
        f"{len(cases)} cases in {elapsed:.0f} s",
    ]
    report = "\n".join(lines)
    print(report)
    document = {
        "date": started.isoformat(timespec="seconds"),
        "command": command,
        "machine": info,
        "dtype": "float32",
        "sizes": list(sizes),
        "repeats": repeats,
        "warmups": args.warmups,
        "cases": [{"label": c.label, "kind": c.kind, "op": c.op, "mode": c.mode} for c in cases],
        "times": [
            {"size": size, "case": label, "execution": execution, "pass": pass_, "median_s": value}
            for (size, label, execution, pass_), value in results.items()
        ],
        "ratios": [row for size in sizes for row in quantizer_rows(results, cases, size)],
        "elapsed_s": elapsed,
    }
    Path(args.json).write_text(json.dumps(document, indent=1) + "\n")
    print(f"results written to {args.json}")
    if args.markdown:
        page = [
            "# Quantizer benchmark",
            "",
            f"Written by `{command}`; the raw medians are in the JSON file beside this page.",
            "",
            "```",
            report,
            "```",
            "",
        ]
        Path(args.markdown).write_text("\n".join(page))
        print(f"report written to {args.markdown}")
    return 0


def parse_size(part) -> int:
    part = part.strip()
    try:
        return 2 ** int(part[2:]) if part.startswith("2^") else int(part)
    except ValueError:
        raise argparse.ArgumentTypeError(f"a size is an int or 2^k, got {part!r}") from None


def parse_sizes(text) -> tuple[int, ...]:
    sizes = tuple(parse_size(part) for part in text.split(","))
    if any(size < 1 for size in sizes):
        raise argparse.ArgumentTypeError(f"every size must be >= 1, got {text}")
    return sizes


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=parse_sizes, help="comma-separated sizes, e.g. 65536,2^20 (default 2^16,2^20,2^22)")
    parser.add_argument("--repeats", type=int, help="timed calls per case (default 7; --quick 3)")
    parser.add_argument("--warmups", type=int, default=2, help="untimed calls per case first (default 2)")
    parser.add_argument("--memory-size", type=parse_size, help="values for the peak memory run (default 2^24; --quick 2^20); 0: skip")
    parser.add_argument("--only", help="time only cases whose label contains this text (baselines always)")
    parser.add_argument("--quick", action="store_true", help="sizes 2^16 and 2^20, 3 rounds, memory at 2^20")
    parser.add_argument(
        "--json", help="where to write the results (default benchmark.json; --quantizers benchmark-quantizers.json)"
    )
    parser.add_argument("--compare", help="an earlier run's JSON: print its target ratios before this run's")
    parser.add_argument(
        "--quantizers",
        action="store_true",
        help="time the quantizers against tf.quantization.fake_quant_with_min_max_vars and the straight-through round",
    )
    parser.add_argument("--markdown", help="--quantizers: also write the report as a Markdown page here")
    args = parser.parse_args(argv)
    if args.markdown and not args.quantizers:
        parser.error("--markdown goes with --quantizers")
    if args.quantizers:
        args.json = args.json or "benchmark-quantizers.json"
        command = "python scripts/benchmark.py " + " ".join(sys.argv[1:] if argv is None else argv)
        return quantizers_main(args, command.strip())
    args.json = args.json or "benchmark.json"
    sizes = args.sizes or (QUICK_SIZES if args.quick else DEFAULT_SIZES)
    repeats = args.repeats or (3 if args.quick else 7)
    memory_size = args.memory_size if args.memory_size is not None else (2**20 if args.quick else 2**24)
    if repeats < 1 or args.warmups < 0:
        parser.error("--repeats must be >= 1 and --warmups >= 0")

    ops = [c for c in op_cases(CATALOG) if not args.only or args.only in c.label]
    cases = ops + baseline_cases(CATALOG)
    info = machine()
    started = datetime.datetime.now(datetime.timezone.utc)
    command = "python scripts/benchmark.py " + " ".join(sys.argv[1:] if argv is None else argv)
    print(
        f"diffround benchmark, {started:%Y-%m-%d %H:%M} UTC: {info['cores']} cores ({info['cpu']}), "
        f"TensorFlow {info['tensorflow']}, Python {info['python']}\n"
        f"float32; median of {repeats} interleaved calls after {args.warmups} warm-up calls; times in ms\n"
        f"command: {command.strip()}"
    )
    progress = Progress()
    clock = time.perf_counter()
    results = {}
    for size in sizes:
        for (label, execution, pass_), samples in time_size(cases, size, repeats, args.warmups, progress).items():
            results[(size, label, execution, pass_)] = statistics.median(samples)
    memory = {}
    if memory_size:
        memory = {"size": memory_size, "peaks": peak_memory(cases, memory_size, progress)}
    progress.done()
    elapsed = time.perf_counter() - clock

    for size in sizes:
        print(f"\n{size} = 2^{math.log2(size):g} values:")
        print(times_table(results, cases, size))
    largest = max(sizes)
    target_rows = ratios(results, memory, cases, largest)
    print(f"\nTargets at {largest} = 2^{math.log2(largest):g} values, forward+backward ('!' misses the target):")
    print(targets_table(target_rows, largest, memory_size))
    print(
        "\neager/ST: eager time over the straight-through round's; seed/op eager: the seed's eager time over the op's;"
        "\njit/probe, fn/probe: time inside tf.function(jit_compile=True) / tf.function over the memory-bound probe's;"
        "\npeak: TensorFlow CPU allocator peak of one eager forward+backward above x and dy;"
        " peak - ST: above the straight-through round's, in tensors the size of x."
    )
    if memory:
        for case in cases:
            if case.kind != "op":
                print(f"  peak {case.label}: {memory['peaks'][case.label] / 2**20:.0f} MiB")
    if args.compare:
        before = json.loads(Path(args.compare).read_text())
        print(f"\nBefore ({before['command']}, {before['date']}) -> now:")
        print(comparison_table(before, target_rows))
    print(f"\n{len(cases)} cases in {elapsed:.0f} s")

    document = {
        "date": started.isoformat(timespec="seconds"),
        "command": command.strip(),
        "machine": info,
        "dtype": "float32",
        "sizes": list(sizes),
        "repeats": repeats,
        "warmups": args.warmups,
        "targets": TARGETS,
        "cases": [{"label": c.label, "kind": c.kind, "op": c.op, "mode": c.mode} for c in cases],
        "times": [
            {"size": size, "case": label, "execution": execution, "pass": pass_, "median_s": value}
            for (size, label, execution, pass_), value in results.items()
        ],
        "memory": {
            "size": memory.get("size"),
            "method": "tf.config.experimental.get_memory_info('CPU:0') peak, after reset_memory_stats, above x and dy",
            "peak_bytes": memory.get("peaks", {}),
        },
        "ratios": {"size": largest, "rows": target_rows},
        "elapsed_s": elapsed,
    }
    Path(args.json).write_text(json.dumps(document, indent=1) + "\n")
    print(f"results written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
