#!/usr/bin/env python3
"""Verify every generated op against SymPy/mpmath at 50 digits.

    python scripts/verify_derivatives.py
    python scripts/verify_derivatives.py --catalog my_ops.py --out some/dir

Prints one row per op and mode: the largest error in ULPs of the forward
value, the first derivatives (x and every float parameter) and the second
derivatives, in float32 and float64; the largest error relative to the
condition bound; the largest finite-difference disagreement. Exits 1 if any
check fails.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

from derive import load_catalog  # noqa: E402
from derive.catalog import CATALOG  # noqa: E402
from derive.spec import Approximation  # noqa: E402
from derive.verification import DTYPES, TOLERANCE_ULPS, check_published, verify_catalog  # noqa: E402


def import_package(out: Path):
    sys.path.insert(0, str(out.resolve().parent))
    return importlib.import_module(out.name)


def progress(index, total, label):
    if sys.stderr.isatty():
        print(f"\r[{index + 1}/{total}] {label:<48}", end="", file=sys.stderr, flush=True)
    else:
        print(f"[{index + 1}/{total}] {label}", file=sys.stderr, flush=True)


def table(results) -> str:
    header = ["op", "mode"]
    for dtype in DTYPES:
        short = dtype.replace("float", "f")
        header += [f"{short} fwd", f"{short} d1", f"{short} d2", f"{short} cond", f"{short} fd"]
    header.append("status")
    rows = [header]
    for (name, mode), by_dtype in results.items():
        row = [name, mode]
        ok = True
        for dtype in DTYPES:
            m = by_dtype[dtype]
            fwd = "exact" if mode == "ste" else f"{m.ulps['forward']:.3g}"
            row += [fwd, f"{m.ulps['first']:.3g}", f"{m.ulps['second']:.3g}", f"{m.condition:.3g}", f"{m.finite_difference:.1e}"]
            ok = ok and not m.failures
        row.append("ok" if ok else "FAIL")
        rows.append(row)
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths)) for r in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--catalog", help="a Python file defining CATALOG (default: the built-in catalog)")
    parser.add_argument("--out", help="the package folder generated from it")
    args = parser.parse_args(argv)
    if bool(args.catalog) != bool(args.out):
        parser.error("--catalog and --out go together")
    import tensorflow as tf

    catalog = load_catalog(args.catalog) if args.catalog else CATALOG
    package = import_package(Path(args.out)) if args.out else importlib.import_module("diffround")
    started = time.perf_counter()
    results = verify_catalog(tf, package, catalog, progress=progress)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    print(table(results))
    print(
        f"\nULP columns: largest error in units in the last place of the exact result (mpmath, 50 digits);"
        f"\ncond: largest error / (eps * (|f| + sum |v df/dv|)), must be <= {TOLERANCE_ULPS:g};"
        f"\nfd: largest relative disagreement with tf.test.compute_gradient at smooth points."
        f"\n{sum(len(d) for d in results.values())} op/mode/dtype combinations in {time.perf_counter() - started:.0f} s"
    )
    failures = [f for by_dtype in results.values() for m in by_dtype.values() for f in m.failures]
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
