"""Verify every generated op, in every backend, against SymPy/mpmath at 50 digits.

    diffround-verify --catalog my_ops.py --out some/dir   # a package generated from a catalog
    diffround-verify --catalog ... --quick                # the test suite's smaller grids
    diffround-verify --catalog ... --ops sine_round,atan_step --backends jax
    diffround-verify --catalog ... --lenient              # the condition rule before the strict one

In a source checkout, ``python scripts/verify_derivatives.py`` (this
command) without --catalog verifies the built-in package, diffround.

Prints one row per op, mode and output (forward f, each first derivative,
each second derivative): per dtype the largest error in ULPs at the
well-conditioned points (target <= 4), the median error in ULPs over all
points, the number of ill-conditioned points and their largest error
relative to the condition bound (target <= 4); then which kinds of grid
points were ill-conditioned, the finite-difference checks, and every
failure. Exits 1 if any check fails.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import time
from pathlib import Path

from ..catalog import CATALOG
from ..loading import load_catalog
from ..spec import Approximation
from ..verification import (
    CONDITION_TARGET,
    DTYPES,
    KNOWN_LIMITS,
    LENIENT,
    STRICT,
    ULP_TARGET,
    check_published,
    output_label,
    verify_catalog,
)


def import_package(out: Path):
    sys.path.insert(0, str(out.resolve().parent))
    return importlib.import_module(out.name)


def progress(index, total, label):
    if sys.stderr.isatty():
        print(f"\r[{index + 1}/{total}] {label:<48}", end="", file=sys.stderr, flush=True)
    else:
        print(f"[{index + 1}/{total}] {label}", file=sys.stderr, flush=True)


def _columns(rows) -> str:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _short(dtype: str) -> str:
    return dtype.replace("float", "f")


def table(results) -> str:
    """One row per op, mode and output."""
    header = ["op", "mode", "output"]
    for dtype in DTYPES:
        header += [f"{_short(dtype)} max", "med", "ill", "ill/cond"]
    header.append("status")
    rows = [header]
    for (name, mode), by_dtype in results.items():
        outputs = []
        for m in by_dtype.values():
            outputs += [w for w in m.outputs if w not in outputs]
        if mode == "ste":
            rows.append([name, mode, "f"] + ["exact", "", "", ""] * len(DTYPES) + [_status(by_dtype, ())])
        for wrt in sorted(outputs, key=lambda w: (len(w), w)):
            row = [name, mode, output_label(wrt)]
            for dtype in DTYPES:
                stats = by_dtype[dtype].outputs.get(wrt)
                if stats is None:
                    row += ["-"] * 4
                    continue
                row += [f"{stats.max_ulp:.3g}", f"{stats.median_ulp:.2g}", str(stats.ill), f"{stats.max_condition:.3g}"]
            row.append(_status(by_dtype, wrt))
            rows.append(row)
    return _columns(rows)


def _status(by_dtype, wrt) -> str:
    label = f": {output_label(wrt)} "
    failed = any(label in f for m in by_dtype.values() for f in m.failures)
    if wrt == ():
        failed = failed or any("ste forward" in f for m in by_dtype.values() for f in m.failures)
    return "FAIL" if failed else "ok"


def ill_conditioned(results) -> str:
    """Which grid points were judged against the condition bound, by kind."""
    lines = []
    for (name, mode), by_dtype in results.items():
        for dtype, m in by_dtype.items():
            for wrt, stats in sorted(m.outputs.items(), key=lambda item: (len(item[0]), item[0])):
                if stats.ill:
                    kinds = ", ".join(f"{k} {c}" for k, c in stats.ill_kinds.most_common())
                    lines.append(
                        f"  {name} {mode} {_short(dtype)} {output_label(wrt)}: {stats.ill} of {stats.points} ({kinds}); "
                        f"worst {stats.max_condition:.3g} at {stats.worst_ill}"
                    )
    return "\n".join(lines)


def known_limits(results) -> str:
    """Points inside a documented known limit that missed a target."""
    lines = []
    for (name, mode), by_dtype in results.items():
        for dtype, m in by_dtype.items():
            for wrt, stats in sorted(m.outputs.items(), key=lambda item: (len(item[0]), item[0])):
                for (op, label), count in stats.limited.items():
                    worst = stats.limited_worst[(op, label)]
                    shown = "NaN or inf" if worst == float("inf") else f"{worst:.3g} ULP"
                    lines.append(
                        f"  {name} {mode} {_short(dtype)} {output_label(wrt)} [{label}]: {count} points, worst {shown}"
                    )
    reasons = [f"  {lim.op} [{lim.label}] ({', '.join(lim.outputs)}): {lim.reason}" for lim in KNOWN_LIMITS]
    return "\n".join(lines + ["", "Why (docs/known-limits.md):"] + reasons) if lines else ""


def _worst(by_dtype, dtype, attribute) -> float:
    stats = by_dtype[dtype].outputs.values() if dtype in by_dtype else ()
    return max((getattr(s, attribute) for s in stats), default=0.0)


def markdown(by_backend, *, command: str, seconds: float, grid: str, rule_name: str) -> str:
    """The page docs/verification.md: per backend, one row per op with its worst
    well-conditioned ULP error and worst error / condition bound over both modes
    and every output (f, first and second derivatives), from this run only."""
    dated = time.strftime("%Y-%m-%d", time.gmtime())
    lines = [
        "# Verification: every op on every backend",
        "",
        f"Written by `{command}` on {dated} ({seconds:.0f} s, {grid} grids, {rule_name} condition rule);",
        "do not edit by hand. Per op, the worst over both modes and every output (the value, each first",
        "and each second derivative) of: the error in ULPs at the well-conditioned points (target <= "
        f"{ULP_TARGET:g}),",
        f"and the error relative to the condition bound at the ill-conditioned points (target <= {CONDITION_TARGET:g}),",
        "outside the known limits ([known-limits.md](known-limits.md)). How the points and the condition",
        "bound are chosen: [how-it-is-built.md](how-it-is-built.md).",
    ]
    for backend, results in by_backend.items():
        ops = {}
        for (name, _mode), by_dtype in results.items():
            ops.setdefault(name, []).append(by_dtype)
        lines += ["", f"## {backend}", ""]
        header = ["op"]
        header += [f"{d} max ULP" for d in DTYPES] + [f"{d} error / bound" for d in DTYPES] + ["status"]
        lines.append("| " + " | ".join(header) + " |")
        lines.append("| " + " | ".join("---" for _ in header) + " |")
        for name, modes in ops.items():
            ulps = [max(_worst(m, d, "max_ulp") for m in modes) for d in DTYPES]
            bounds = [max(_worst(m, d, "max_condition") for m in modes) for d in DTYPES]
            failed = any(m[d].failures for m in modes for d in m)
            cells = [name] + [f"{v:.3g}" for v in ulps + bounds] + ["FAIL" if failed else "ok"]
            lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def finite_differences(results) -> str:
    rows = [["op", "mode"] + [f"{_short(d)} points" for d in DTYPES] + [f"{_short(d)} fd" for d in DTYPES]]
    for (name, mode), by_dtype in results.items():
        rows.append(
            [name, mode]
            + [str(by_dtype[d].points) for d in DTYPES]
            + [f"{by_dtype[d].finite_difference:.1e}" for d in DTYPES]
        )
    return _columns(rows)


def main(argv=None) -> int:
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--catalog", help="a Python file defining CATALOG (default: the built-in catalog)")
    parser.add_argument("--out", help="the package folder generated from it")
    parser.add_argument("--quick", action="store_true", help="the smaller grids of the test suite")
    parser.add_argument("--ops", help="comma-separated op names (default: all)")
    parser.add_argument("--details", action="store_true", help="list the ill-conditioned points of every output")
    rules = parser.add_mutually_exclusive_group()
    rules.add_argument(
        "--strict", action="store_true",
        help="the strict condition rule (exact parameters, x from the nearer integer or half-integer): the default",
    )
    rules.add_argument(
        "--lenient", action="store_true",
        help="the rule before it: each float parameter counted as rounded once, x measured from the nearest integer",
    )
    parser.add_argument("--backends", help="comma-separated backends (default: every backend the package has)")
    parser.add_argument("--markdown", metavar="PATH", help="also write the per-backend summary as a Markdown page")
    args = parser.parse_args(argv)
    if bool(args.catalog) != bool(args.out):
        parser.error("--catalog and --out go together")

    catalog = load_catalog(args.catalog) if args.catalog else CATALOG
    if args.ops:
        wanted = set(args.ops.split(","))
        unknown = wanted - {e.name for e in catalog}
        if unknown:
            parser.error(f"unknown ops: {', '.join(sorted(unknown))}")
        catalog = [e for e in catalog if e.name in wanted]
    package = import_package(Path(args.out)) if args.out else importlib.import_module("diffround")
    available = list(importlib.import_module(f"{package.__name__}._dispatch").BACKENDS)
    backends = args.backends.split(",") if args.backends else available
    missing = sorted(set(backends) - set(available))
    if missing:
        parser.error(f"the package has no backend {missing[0]!r} (it has {', '.join(available)})")
    started = time.perf_counter()
    rule = LENIENT if args.lenient else STRICT
    by_backend, references = {}, {}  # the references are computed once, for every backend
    for backend in backends:
        by_backend[backend] = verify_catalog(
            package, catalog, progress=progress, full=not args.quick, rule=rule, backend=backend, references=references
        )
        if sys.stderr.isatty():
            print(file=sys.stderr)
    for backend, results in by_backend.items():
        print(f"== {backend}")
        print(table(results))
    print(
        f"\nmax: largest error in ULPs of the exact result (mpmath, 50 digits) at the well-conditioned points,"
        f" target <= {ULP_TARGET:g};"
        f"\nmed: median error in ULPs over all points;"
        f"\nill: points where rounding x costs more than half an ULP (eps*S > ulp(f), S = |x df/dx| with x"
        f" measured from where the op starts computing; the parameters are exact inputs);"
        f"\nill/cond: their largest error / (eps*(|f| + S)), target <= {CONDITION_TARGET:g}."
    )
    if args.details:
        print("\nIll-conditioned points, by kind of grid point:")
        print(ill_conditioned(results))
    for backend, results in by_backend.items():
        limits = known_limits(results)
        if limits:
            print(f"\nKnown limits ({backend}): points where a target is missed, inside a documented region (not failures):")
            print(limits)
    if "tensorflow" in by_backend:
        print("\nFinite differences (tf.test.compute_gradient, largest relative disagreement at smooth points):")
        print(finite_differences(by_backend["tensorflow"]))
    grid = "quick" if args.quick else "full"
    combinations = sum(len(d) for results in by_backend.values() for d in results.values())
    print(f"\n{combinations} backend/op/mode/dtype combinations, {grid} grids, in {time.perf_counter() - started:.0f} s")
    if args.markdown:
        command = "python scripts/verify_derivatives.py " + " ".join(argv if argv is not None else sys.argv[1:])
        page = markdown(
            by_backend, command=command.strip(), seconds=time.perf_counter() - started, grid=grid,
            rule_name="lenient" if args.lenient else "strict",
        )
        Path(args.markdown).write_text(page)
    failures = [
        f"{backend}: {f}"
        for backend, results in by_backend.items()
        for by_dtype in results.values()
        for m in by_dtype.values()
        for f in m.failures
    ]
    published = [c for a in catalog if isinstance(a, Approximation) for c in check_published(a)]
    if published:
        print("\nDerived derivatives (and values) against the published formulas (50 digits, relative):")
        for c in published:
            what = "value" if c.wrt == "y" else f"d/d{c.wrt}"
            print(f"  {c.op:<20} {what:<6} {c.max_difference:8.1e} over {c.points} points  {'ok' if c.ok else 'FAIL'}  {c.citation}")
            if not c.ok:
                failures.append(f"{c.op}: {what} differs from {c.citation} by {c.max_difference:.3g}")
    for failure in failures[:40]:
        print(f"FAIL {failure}")
    if len(failures) > 40:
        print(f"... and {len(failures) - 40} more failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
