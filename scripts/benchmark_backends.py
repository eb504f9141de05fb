#!/usr/bin/env python3
"""Time every op of the JAX and PyTorch backends against that framework's own
straight-through round, side by side in one process.

    python scripts/benchmark_backends.py                     # 2^16, 2^20, 2^22 values
    python scripts/benchmark_backends.py --quick             # 2^16 and 2^20, 3 rounds
    python scripts/benchmark_backends.py --backends jax --sizes 1024 --repeats 1 --json out.json
    python scripts/benchmark_backends.py --memory-only --sizes 2^22 --markdown docs/benchmarks/backends.md

Every approximation of the catalog, in each of its modes, every surrogate
of each hard-forward choice (heaviside) and each random op (with a fixed
seed, a Python int) is timed forward+backward (the output
y and the gradient dx for an upstream gradient dy) on float32 arrays:

- JAX: eagerly (jax.vjp op by op) and under jax.jit of the whole
  forward+backward; baseline x + jax.lax.stop_gradient(jnp.round(x) - x).
- PyTorch: eagerly (torch.autograd.grad) and with torch.compile of the op
  (fullgraph=True, dynamic=False; AOTAutograd compiles its backward); where
  fullgraph=True fails, torch._dynamo.explain counts the graph breaks and the
  op is timed compiled with them; baseline x + (torch.round(x) - x).detach().
  When snnTorch is installed, diffround's heaviside surrogates are timed
  against snntorch.surrogate.sigmoid(), fast_sigmoid() and atan() with the
  same parameters.

Each timing is the median of --repeats calls after --warmups calls; the
rounds are interleaved (every case of every backend once per round), so that
a change in the machine's load shifts all cases alike: read the ratios, not
the times.

Memory, per case and execution, in tensors the size of x above the
straight-through round's (the target: at most one):

- jax.jit: output + temporary bytes of XLA's buffer assignment of the
  compiled forward+backward (compiled.memory_analysis()); x and dy excluded.
- eager JAX: the bytes of the residuals jax.vjp keeps for the pullback
  (the arrays held between forward and backward), x and y excluded.
- PyTorch, eager and compiled: the bytes of the tensors autograd saves for
  the backward (torch.autograd.graph.saved_tensors_hooks; for torch.compile
  those of AOTAutograd's compiled forward), each storage once, x and y
  excluded.

The three are deterministic, unlike a run-time peak (JAX's CPU client and
PyTorch on CPU keep no allocator peak statistic). --memory-only measures
memory without the timing rounds; --markdown rewrites the memory table of a
page (between its two marker lines) from the results.

On a machine whose cores are busy with other work, PyTorch's OpenMP threads
wait for each other at every parallel kernel (torch.compile's kernels go
parallel from a few thousand values on): --torch-threads 1 times the kernels
without that wait.
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

import numpy as np  # noqa: E402

from derive.catalog import CATALOG, RANDOM_OPS  # noqa: E402
from derive.random_ops import RandomOp  # noqa: E402
from derive.spec import Approximation, SurrogateChoice  # noqa: E402

DEFAULT_SIZES = (2**16, 2**20, 2**22)
QUICK_SIZES = (2**16, 2**20)
BACKENDS = ("jax", "torch")
STRAIGHT_THROUGH = "straight-through round"
TARGETS = {
    "compiled_vs_straight_through": 1.5,  # at most
    "peak_extra_tensors": 1.0,  # at most, above the straight-through round
    "eager_vs_snntorch": 1.0,  # at most: at least as fast
    "compiled_vs_snntorch": 1.0,  # below: faster
}
# diffround's heaviside surrogate and parameters -> snnTorch's surrogate and
# parameters with the same gradient shape (fast_sigmoid differs by the factor
# steepness/2 that makes diffround's integrate to 1)
SNNTORCH_PAIRS = (
    ("sigmoid", {"steepness": 25.0}, "sigmoid", {"slope": 25}),
    ("fast_sigmoid", {"steepness": 25.0}, "fast_sigmoid", {"slope": 25}),
    ("atan", {"alpha": 2.0}, "atan", {"alpha": 2.0}),
)


@dataclass
class Case:
    """Something timed: ``fn(x) -> y`` in float32."""

    label: str
    kind: str  # "op", "baseline", "surrogate" (diffround, paired with snnTorch), "snntorch"
    fn: Callable
    op: str = ""
    mode: str = ""
    versus: str = STRAIGHT_THROUGH  # the case it is compared with, in the same execution


@dataclass
class Backend:
    """One framework: its cases, how to run them and what it cannot time."""

    name: str
    version: str
    executions: tuple  # (eager, compiled)
    cases: list
    inputs: Callable  # size -> (x, dy)
    prepare: Callable  # (fn, execution, x, dy) -> (run, note, memory bytes or None); see memory_method
    wait: Callable  # outputs -> None, once they are computed
    memory_method: str
    notes: list = field(default_factory=list)

    @property
    def compiled(self):
        return self.executions[1]


# -- the cases -------------------------------------------------------------------------------


def _bind(fn, kwargs):
    def call(x):
        return fn(x, **kwargs)

    return call


# the random ops' seed: a Python int, fixed where jax.jit and torch.compile trace the op
SEED = 2026


def op_cases(module, catalog) -> list[Case]:
    """Every approximation in every mode, every surrogate of every choice,
    every random op in every mode."""
    cases = []
    for entry in catalog:
        fn = getattr(module, entry.name)
        if isinstance(entry, RandomOp):
            for mode in entry.modes:
                cases.append(Case(f"{entry.name} {mode}", "op", _bind(fn, {"seed": SEED, "mode": mode}), entry.name, mode))
        elif isinstance(entry, Approximation):
            for mode in entry.modes:
                cases.append(Case(f"{entry.name} {mode}", "op", _bind(fn, {"mode": mode}), entry.name, mode))
        elif isinstance(entry, SurrogateChoice):
            for label in entry.surrogates:
                cases.append(Case(f"{entry.name} {label}", "op", _bind(fn, {"surrogate": label}), entry.name, label))
    return cases


def _params_text(params) -> str:
    return ", ".join(f"{k}={v:g}" for k, v in params.items())


def snntorch_cases(module, surrogate_module, only) -> list[Case]:
    """diffround's heaviside and snnTorch's surrogate, pair by pair."""
    cases = []
    for ours, params, theirs, their_params in SNNTORCH_PAIRS:
        their_label = f"snntorch {theirs}({_params_text(their_params)})"
        our_label = f"heaviside {ours} {_params_text(params)}"
        if only and only not in our_label:
            continue
        cases.append(
            Case(their_label, "snntorch", getattr(surrogate_module, theirs)(**their_params), "heaviside", ours)
        )
        fn = _bind(module.heaviside, {"surrogate": ours, **params})
        cases.append(Case(our_label, "surrogate", fn, "heaviside", ours, versus=their_label))
    return cases


def random_inputs(size):
    """x spread over several integers (every branch of every op), dy around 1."""
    rng = np.random.default_rng(20260)
    x = rng.uniform(-8.0, 8.0, size).astype(np.float32)
    dy = rng.uniform(0.5, 1.5, size).astype(np.float32)
    return x, dy


# -- JAX ---------------------------------------------------------------------------------------


def load_jax(only) -> tuple[Backend | None, str]:
    try:
        import jax
        import jax.numpy as jnp

        import diffround.jax as dr_jax
    except ImportError as err:
        return None, f"jax: skipped, diffround.jax cannot be imported ({err})"

    def straight_through(x):
        return x + jax.lax.stop_gradient(jnp.round(x) - x)

    def forward_backward(fn):
        def run(x, dy):
            y, pullback = jax.vjp(fn, x)
            return y, pullback(dy)[0]

        return run

    def residual_bytes(fn, x):
        """Bytes of the arrays jax.vjp's pullback holds, each buffer once, x and y excluded."""
        y, pullback = jax.vjp(fn, x)
        held = {x.unsafe_buffer_pointer(), y.unsafe_buffer_pointer()}
        total = 0
        for leaf in jax.tree_util.tree_leaves(pullback):
            if isinstance(leaf, jax.Array) and leaf.unsafe_buffer_pointer() not in held:
                held.add(leaf.unsafe_buffer_pointer())
                total += leaf.nbytes
        return total

    def prepare(fn, execution, x, dy):
        body = forward_backward(fn)
        if execution == "eager":
            return body, "", residual_bytes(fn, x)
        compiled = jax.jit(body).lower(x, dy).compile()
        stats = compiled.memory_analysis()
        peak = None if stats is None else stats.output_size_in_bytes + stats.temp_size_in_bytes
        return compiled, "", peak

    def inputs(size):
        return tuple(jnp.asarray(a) for a in random_inputs(size))

    cases = _selected(op_cases(dr_jax, CATALOG + RANDOM_OPS), only) + [Case(STRAIGHT_THROUGH, "baseline", straight_through)]
    backend = Backend(
        name="jax",
        version=f"jax {jax.__version__}",
        executions=("eager", "jit"),
        cases=cases,
        inputs=inputs,
        prepare=prepare,
        wait=jax.block_until_ready,
        memory_method=(
            "jit: output + temporary bytes of XLA's buffer assignment (compiled.memory_analysis()), "
            "inputs x and dy excluded; eager: bytes of the residuals jax.vjp keeps for the pullback, "
            "x and y excluded (JAX's CPU client keeps no allocator statistics)"
        ),
    )
    return backend, ""


# -- PyTorch -------------------------------------------------------------------------------------


def load_torch(only, threads=None) -> tuple[Backend | None, str]:
    try:
        import torch
    except ImportError as err:
        return None, f"torch: skipped, PyTorch is not installed ({err})"
    if threads:
        torch.set_num_threads(threads)
    try:
        import diffround.torch as dr_torch
    except ImportError as err:
        return None, f"torch: skipped, diffround.torch cannot be imported ({err})"
    import torch._dynamo

    # every case calls the same closure code: let dynamo keep one graph per case and size
    torch._dynamo.config.recompile_limit = 1024
    torch._dynamo.config.accumulated_recompile_limit = 1 << 16

    def straight_through(x):
        return x + (torch.round(x) - x).detach()

    def forward_backward(fn):
        def run(x, dy):
            y = fn(x)
            return y, torch.autograd.grad(y, x, dy)[0]

        return run

    def prepare(fn, execution, x, dy):
        if execution == "eager":
            run, note = forward_backward(fn), ""
        else:
            run, note = compile_forward_backward(torch, fn, x, dy, forward_backward)
        return run, note, saved_bytes(torch, run, x, dy)

    def inputs(size):
        x, dy = (torch.from_numpy(a) for a in random_inputs(size))
        return x.requires_grad_(True), dy

    cases = _selected(op_cases(dr_torch, CATALOG + RANDOM_OPS), only) + [Case(STRAIGHT_THROUGH, "baseline", straight_through)]
    notes = []
    try:
        from snntorch import surrogate
    except ImportError as err:
        notes.append(f"snnTorch comparison skipped: snntorch is not installed ({err})")
    else:
        import snntorch

        cases += snntorch_cases(dr_torch, surrogate, only)
        notes.append(f"snnTorch {snntorch.__version__}: its forward is x > 0 (H(0) = 0), diffround's x >= 0")
    backend = Backend(
        name="torch",
        version=f"torch {torch.__version__} ({torch.get_num_threads()} threads)",
        executions=("eager", "compile"),
        cases=cases,
        inputs=inputs,
        prepare=prepare,
        wait=lambda outputs: None,  # CPU tensors are computed when the call returns
        memory_method=(
            "eager and compiled: bytes of the tensors autograd saves for the backward "
            "(torch.autograd.graph.saved_tensors_hooks), each storage once, x and y excluded "
            "(PyTorch keeps no peak statistic for CPU memory)"
        ),
        notes=notes,
    )
    return backend, ""


def saved_bytes(torch, run, x, dy) -> int:
    """Bytes of the tensors autograd saves between run's forward and its
    backward, each storage once, x and y excluded (they are held anyway)."""
    saved = []

    def pack(tensor):
        saved.append(tensor)
        return tensor

    with torch.autograd.graph.saved_tensors_hooks(pack, lambda tensor: tensor):
        y, _ = run(x, dy)
    held = {x.untyped_storage().data_ptr(), y.untyped_storage().data_ptr()}
    total = 0
    for tensor in saved:
        storage = tensor.untyped_storage()
        if storage.data_ptr() not in held:
            held.add(storage.data_ptr())
            total += storage.nbytes()
    return total


def compile_forward_backward(torch, fn, x, dy, forward_backward):
    """torch.compile(fn, fullgraph=True) run once; if that fails, fn compiled
    with its graph breaks (dynamo's graph_break counter tells how many)."""
    compiled = forward_backward(torch.compile(fn, fullgraph=True, dynamic=False))
    try:
        compiled(x, dy)
        return compiled, ""
    except Exception as err:  # any dynamo or inductor failure becomes a row note
        reason = _first_line(err)
    counters = torch._dynamo.utils.counters["graph_break"]
    before = sum(counters.values())
    fallback = forward_backward(torch.compile(fn, fullgraph=False, dynamic=False))
    try:
        fallback(x, dy)
    except Exception as err:
        raise RuntimeError(f"compile failed: fullgraph=True: {reason}; fullgraph=False: {_first_line(err)}") from None
    breaks = sum(counters.values()) - before
    return fallback, f"fullgraph=True failed ({reason}); timed with {breaks} graph break(s)"


def _first_line(err) -> str:
    text = str(err).strip().splitlines()
    line = f"{type(err).__name__}: {text[0] if text else ''}" if isinstance(err, BaseException) else text[0]
    return line[:200]


def _selected(cases, only):
    return [c for c in cases if not only or only in c.label]


# -- timing ------------------------------------------------------------------------------------


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


@dataclass
class Prepared:
    run: Callable
    wait: Callable
    x: object
    dy: object
    first_call_s: float
    note: str
    memory_bytes: int | None


def prepare_size(backends, inputs, size, warmups, progress) -> tuple[dict, dict]:
    """({key: Prepared}, {key: note of a case that cannot run}) for one size,
    key = (backend, case label, execution); the first call (compilation
    included) is timed apart, then the warm-up calls."""
    prepared, failures = {}, {}
    keys = [(b, c, e) for b in backends for c in b.cases for e in b.executions]
    for index, (backend, case, execution) in enumerate(keys):
        key = (backend.name, case.label, execution)
        progress(f"2^{math.log2(size):g}: first call {index + 1}/{len(keys)} {' '.join(key)}")
        x, dy = inputs[backend.name]
        try:
            start = time.perf_counter()
            run, note, memory = backend.prepare(case.fn, execution, x, dy)
            backend.wait(run(x, dy))
            first = time.perf_counter() - start
            for _ in range(warmups):
                backend.wait(run(x, dy))
        except Exception as err:  # a case that cannot run is a row, not the end of the run
            failures[key] = _first_line(err)
            continue
        prepared[key] = Prepared(run, backend.wait, x, dy, first, note, memory)
    return prepared, failures


def time_rounds(prepared, repeats, size, progress) -> dict:
    """{key: [seconds per call]}: every case once per round."""
    times = {key: [] for key in prepared}
    for round_ in range(repeats):
        progress(f"2^{math.log2(size):g}: round {round_ + 1}/{repeats}")
        for key, p in prepared.items():
            start = time.perf_counter()
            p.wait(p.run(p.x, p.dy))
            times[key].append(time.perf_counter() - start)
    return times


# -- rows --------------------------------------------------------------------------------------


def rows_for_size(backend, size, medians, firsts, failures, notes, memory) -> list[dict]:
    """One row per case and execution: its time, the ratio to the case it is
    compared with, and whether the target holds."""
    rows = []
    x_bytes = 4 * size
    for case in backend.cases:
        for execution in backend.executions:
            key = (backend.name, case.label, execution)
            median = medians.get(key)
            versus = medians.get((backend.name, case.versus, execution))
            ratio = median / versus if median is not None and versus else None
            target, meets = row_target(case, execution, backend.compiled, ratio)
            held = memory.get(key)
            st_held = memory.get((backend.name, STRAIGHT_THROUGH, execution))
            extra = (held - st_held) / x_bytes if held is not None and st_held is not None else None
            rows.append(
                {
                    "backend": backend.name,
                    "size": size,
                    "case": case.label,
                    "kind": case.kind,
                    "op": case.op,
                    "mode": case.mode,
                    "execution": execution,
                    "median_s": median,
                    "first_call_s": firsts.get(key),
                    "versus": case.versus,
                    "ratio": ratio,
                    "target": target,
                    "meets_target": meets,
                    "memory_bytes": held,
                    "memory_extra_tensors": extra,
                    "memory_meets_target": None if extra is None else extra <= TARGETS["peak_extra_tensors"],
                    "note": failures.get(key) or notes.get(key, ""),
                }
            )
    return rows


def row_target(case, execution, compiled, ratio):
    """(target text, whether the ratio meets it) or (None, None)."""
    if case.kind == "op" and execution == compiled:
        limit = TARGETS["compiled_vs_straight_through"]
        return f"<= {limit}", None if ratio is None else ratio <= limit
    if case.kind == "surrogate" and execution == compiled:
        limit = TARGETS["compiled_vs_snntorch"]
        return f"< {limit}", None if ratio is None else ratio < limit
    if case.kind == "surrogate":
        limit = TARGETS["eager_vs_snntorch"]
        return f"<= {limit}", None if ratio is None else ratio <= limit
    return None, None


# -- report ------------------------------------------------------------------------------------


def machine(backends) -> dict:
    cpu = platform.processor()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    info = {
        "cores": usable,
        "cpu_count": os.cpu_count(),
        "cpu": cpu,
        "python": platform.python_version(),
        "numpy": np.__version__,
        "platform": platform.platform(),
    }
    info.update({b.name: b.version for b in backends})
    return info


def _table(rows, header) -> str:
    rows = [header] + rows
    widths = [max(len(str(r[i])) for r in rows) for i in range(len(header))]
    lines = [
        "  ".join(str(c).rjust(w) if i else str(c).ljust(w) for i, (c, w) in enumerate(zip(r, widths))) for r in rows
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _ms(seconds) -> str:
    if seconds is None:
        return "-"
    ms = seconds * 1e3
    return f"{ms:.3f}" if ms < 1 else f"{ms:.2f}" if ms < 100 else f"{ms:.0f}"


def _ratio(row, digits=2) -> str:
    if row["ratio"] is None:
        return "-"
    return f"{row['ratio']:.{digits}f}" + (" !" if row["meets_target"] is False else "")


def _extra(row, bold=False) -> str:
    """Memory above the straight-through round's, in tensors the size of x."""
    extra = row["memory_extra_tensors"]
    if extra is None:
        return "-"
    text = f"{extra:.2f}".rstrip("0").rstrip(".")
    if row["memory_meets_target"] is False:
        return f"**{text}**" if bold else text + " !"
    return text


def backend_table(backend, rows) -> str:
    """Times and ratios to the straight-through round, per case."""
    eager, compiled = backend.executions
    by_key = {(r["case"], r["execution"]): r for r in rows}
    header = ["case", f"{eager} ms", f"{compiled} ms", f"{eager}/ST", f"{compiled}/ST (<=1.5)"]
    header += [f"{eager} mem-ST (x)", f"{compiled} mem-ST (x)", "note"]
    table = []
    for case in backend.cases:
        if case.kind not in ("op", "baseline"):
            continue
        e, c = by_key[(case.label, eager)], by_key[(case.label, compiled)]
        note = "; ".join(n for n in (e["note"], c["note"]) if n)
        line = [case.label, _ms(e["median_s"]), _ms(c["median_s"]), _ratio(e), _ratio(c), _extra(e), _extra(c), note]
        table.append(line)
    return _table(table, header)


def snntorch_table(backend, rows) -> str:
    eager, compiled = backend.executions
    by_key = {(r["case"], r["execution"]): r for r in rows}
    header = [
        "diffround vs snnTorch",
        f"{eager} ms",
        "snnTorch",
        "ratio (<=1)",
        f"{compiled} ms",
        "snnTorch",
        "ratio (<1)",
    ]
    table = []
    for case in backend.cases:
        if case.kind != "surrogate":
            continue
        line = [case.label]
        for execution in (eager, compiled):
            ours, theirs = by_key[(case.label, execution)], by_key[(case.versus, execution)]
            line += [_ms(ours["median_s"]), _ms(theirs["median_s"]), _ratio(ours)]
        table.append(line)
    return _table(table, header)


MEMORY_BEGIN = "<!-- memory table: generated by scripts/benchmark_backends.py --markdown"
MEMORY_END = "<!-- end of the memory table -->"


def memory_markdown(backends, rows) -> str:
    """A Markdown table: one row per case, one column per backend and
    execution, memory above the straight-through round's in tensors the size
    of x; bold misses the target."""
    by_key = {(r["backend"], r["case"], r["execution"]): r for r in rows}
    columns = [(b, e) for b in backends for e in b.executions]
    names = {"jax": "JAX", "torch": "PyTorch"}
    header = "| case | " + " | ".join(f"{names.get(b.name, b.name)} {e}" for b, e in columns) + " |"
    lines = [header, "|---|" + "---:|" * len(columns)]
    labels = []
    for backend in backends:
        labels += [c.label for c in backend.cases if c.kind in ("op", "baseline") and c.label not in labels]
    labels.sort(key=lambda label: label == STRAIGHT_THROUGH)  # ST last
    for label in labels:
        cells = []
        for backend, execution in columns:
            row = by_key.get((backend.name, label, execution))
            cells.append("-" if row is None else _extra(row, bold=True))
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def write_memory_table(page: Path, header: str, table: str):
    """Replace what lies between the page's two marker lines."""
    text = page.read_text()
    head, rest = text.split(MEMORY_BEGIN, 1)
    begin_line, rest = rest.split("\n", 1)
    _, tail = rest.split(MEMORY_END, 1)
    page.write_text(f"{head}{MEMORY_BEGIN}{begin_line}\n{header}\n\n{table}\n{MEMORY_END}{tail}")


def print_report(backends, rows, sizes):
    for backend in backends:
        for size in sizes:
            size_rows = [r for r in rows if r["backend"] == backend.name and r["size"] == size]
            print(
                f"\n{backend.version}, {size} = 2^{math.log2(size):g} values, forward+backward ('!' misses the target):"
            )
            print(backend_table(backend, size_rows))
            if any(c.kind == "surrogate" for c in backend.cases):
                print(snntorch_table(backend, size_rows))
        print(f"{backend.name} memory: {backend.memory_method}")
        for note in backend.notes:
            print(f"{backend.name}: {note}")


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


def parse_backends(text) -> tuple[str, ...]:
    names = tuple(name.strip() for name in text.split(",") if name.strip())
    unknown = [name for name in names if name not in BACKENDS]
    if unknown or not names:
        raise argparse.ArgumentTypeError(f"backends are some of {', '.join(BACKENDS)}, got {text!r}")
    return names


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--sizes", type=parse_sizes, help="comma-separated sizes, e.g. 65536,2^20 (default 2^16,2^20,2^22)"
    )
    parser.add_argument("--repeats", type=int, help="timed calls per case (default 7; --quick 3)")
    parser.add_argument("--warmups", type=int, default=2, help="untimed calls per case after the first (default 2)")
    parser.add_argument(
        "--backends", type=parse_backends, default=BACKENDS, help="comma-separated: jax,torch (default both)"
    )
    parser.add_argument("--only", help="time only ops whose label contains this text (baselines always)")
    parser.add_argument(
        "--torch-threads",
        type=int,
        help="torch.set_num_threads (default: PyTorch's, one per core); see the description above",
    )
    parser.add_argument("--quick", action="store_true", help="sizes 2^16 and 2^20, 3 rounds")
    parser.add_argument("--memory-only", action="store_true", help="measure memory only: no warm-up, no timed rounds")
    parser.add_argument(
        "--markdown",
        help="a page whose memory table (between its marker lines) is rewritten from the largest size's results",
    )
    parser.add_argument("--json", default="benchmark_backends.json", help="where to write the results")
    args = parser.parse_args(argv)
    args.sizes = args.sizes or (QUICK_SIZES if args.quick else DEFAULT_SIZES)
    args.repeats = args.repeats or (3 if args.quick else 7)
    if args.repeats < 1 or args.warmups < 0:
        parser.error("--repeats must be >= 1 and --warmups >= 0")
    if args.memory_only:
        args.repeats, args.warmups = 0, 0
    if args.markdown and MEMORY_BEGIN not in Path(args.markdown).read_text():
        parser.error(f"--markdown {args.markdown}: the page has no line starting {MEMORY_BEGIN!r}")
    return args


def load_backends(names, only, torch_threads) -> tuple[list, list]:
    backends, skipped = [], []
    for name in names:
        backend, reason = load_jax(only) if name == "jax" else load_torch(only, torch_threads)
        if backend is None:
            print(reason)
            skipped.append(reason)
        else:
            backends.append(backend)
    return backends, skipped


def run_sizes(backends, sizes, repeats, warmups, progress) -> list[dict]:
    """Rows of every size; repeats = 0 measures memory only (no timed rounds)."""
    rows = []
    for size in sizes:
        inputs = {b.name: b.inputs(size) for b in backends}  # the same x and dy for every case
        prepared, failures = prepare_size(backends, inputs, size, warmups, progress)
        times = time_rounds(prepared, repeats, size, progress) if repeats else {}
        memory = {key: p.memory_bytes for key, p in prepared.items() if p.memory_bytes is not None}
        medians = {key: statistics.median(samples) for key, samples in times.items()}
        firsts = {key: p.first_call_s for key, p in prepared.items()}
        notes = {key: p.note for key, p in prepared.items() if p.note}
        for backend in backends:
            rows += rows_for_size(backend, size, medians, firsts, failures, notes, memory)
    return rows


def main(argv=None) -> int:
    args = parse_args(argv)
    backends, skipped = load_backends(args.backends, args.only, args.torch_threads)
    info = machine(backends)
    started = datetime.datetime.now(datetime.timezone.utc)
    command = "python scripts/benchmark_backends.py " + " ".join(sys.argv[1:] if argv is None else argv)
    versions = ", ".join(b.version for b in backends) or "no backend"
    timing = "memory only, no timing" if args.memory_only else (
        f"median of {args.repeats} interleaved calls after {args.warmups} warm-up calls"
    )
    print(
        f"diffround backends benchmark, {started:%Y-%m-%d %H:%M} UTC: {info['cores']} cores ({info['cpu']}), "
        f"{versions}, Python {info['python']}\n"
        f"float32 forward+backward; {timing}\n"
        f"command: {command.strip()}"
    )
    progress = Progress()
    clock = time.perf_counter()
    rows = run_sizes(backends, args.sizes, args.repeats, args.warmups, progress)
    progress.done()
    elapsed = time.perf_counter() - clock
    print_report(backends, rows, args.sizes)
    if args.markdown:
        size = max(args.sizes)
        table = memory_markdown(backends, [r for r in rows if r["size"] == size])
        header = f"{size} = 2^{math.log2(size):g} float32 values, {started:%Y-%m-%d %H:%M} UTC, {versions}"
        write_memory_table(Path(args.markdown), header, table)
        print(f"memory table written to {args.markdown}")
    print(
        "\nST: the framework's straight-through round in the same execution; ratio: time over ST's"
        "\n(snnTorch table: diffround's time over snnTorch's). Target: compiled within 1.5x of ST."
    )
    print(f"\n{sum(len(b.cases) for b in backends)} cases in {elapsed:.0f} s")
    document = {
        "date": started.isoformat(timespec="seconds"),
        "command": command.strip(),
        "machine": info,
        "dtype": "float32",
        "pass": "forward+backward",
        "sizes": list(args.sizes),
        "repeats": args.repeats,
        "warmups": args.warmups,
        "targets": TARGETS,
        "backends": {
            b.name: {
                "version": b.version,
                "executions": list(b.executions),
                "memory_method": b.memory_method,
                "notes": b.notes,
                "cases": [
                    {"label": c.label, "kind": c.kind, "op": c.op, "mode": c.mode, "versus": c.versus} for c in b.cases
                ],
            }
            for b in backends
        },
        "skipped": skipped,
        "rows": rows,
        "elapsed_s": elapsed,
    }
    Path(args.json).write_text(json.dumps(document, indent=1) + "\n")
    print(f"results written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
