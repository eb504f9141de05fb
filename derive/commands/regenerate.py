"""Regenerate a package from a catalog: a subpackage per backend
(tensorflow, jax, torch) and a top level that dispatches on the input.

    diffround-regenerate --catalog my_ops.py --out some/dir [--backends jax,torch]
    diffround-regenerate --catalog my_ops.py --out some/dir --check   # exit 1 with a diff if stale

In a source checkout, ``python scripts/regenerate_ops.py`` (this command)
without --catalog rewrites generated/diffround, and with --check compares.

With --catalog, the package is written to --out (its name is the folder's).
A definition the pipeline cannot handle fails with a message naming it and
leaves the output folder exactly as it was. Progress (each entry as it is
derived) goes to stderr, the result to stdout. ``--jobs`` derives that many
entries at a time (default: one per CPU, at most four).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import jinja2

from ..backends import BACKENDS, selected
from ..catalog import CATALOG, RANDOM_OPS
from ..loading import load_catalog, load_random_ops
from ..pipeline import generate
from ..spec import DefinitionError
from ..writing import compare, write_tree

# the built-in catalog's package, in a source checkout (an installed generator has none)
DEFAULT_OUT = Path(__file__).resolve().parent.parent.parent / "generated" / "diffround"


def _progress(index: int, count: int, name: str) -> None:
    print(f"deriving {name} ({index + 1}/{count})", file=sys.stderr, flush=True)


# each worker holds its own SymPy caches, and a container may list all of its
# host's CPUs while it is given a few of them
MOST_DEFAULT_JOBS = 4


def _default_jobs() -> int:
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # no affinity where the platform has none
        cpus = os.cpu_count() or 1
    return min(cpus, MOST_DEFAULT_JOBS)


def main(argv=None, command: str = "diffround-regenerate") -> int:
    """``command`` is how the generated files' headers say to run this again."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--catalog", help="a Python file defining CATALOG (default: the built-in catalog)")
    parser.add_argument("--out", help="package folder to write (default: generated/diffround)")
    parser.add_argument("--check", action="store_true", help="compare with the folder instead of writing")
    parser.add_argument(
        "--backends", help=f"comma-separated backends to write (default: all of {', '.join(BACKENDS)})"
    )
    parser.add_argument(
        "--jobs",
        type=int,
        default=_default_jobs(),
        help=f"entries derived at a time, in forked processes (default: the CPUs here, at most {MOST_DEFAULT_JOBS})",
    )
    args = parser.parse_args(argv)
    if args.jobs < 1:
        parser.error(f"--jobs must be at least 1, got {args.jobs}")
    if args.catalog and not args.out:
        parser.error("--catalog needs --out: generated/diffround holds the built-in catalog only")
    if not args.out and not DEFAULT_OUT.parent.is_dir():
        parser.error("--out is needed outside a source checkout of diffround (no generated/ folder here)")
    if args.backends and not args.out:
        parser.error("--backends needs --out: generated/diffround holds every backend")
    backends = None
    if args.backends:
        backends = [b.strip() for b in args.backends.split(",") if b.strip()]
        try:
            selected(backends)
        except ValueError as err:
            parser.error(str(err))

    started = time.perf_counter()
    if args.catalog:
        command += f" --catalog {Path(args.catalog).name} --out {Path(args.out).name}"
    if backends:
        command += f" --backends {','.join(backends)}"
    out = Path(args.out) if args.out else DEFAULT_OUT
    try:
        catalog = load_catalog(args.catalog) if args.catalog else CATALOG
        random_ops = load_random_ops(args.catalog) if args.catalog else RANDOM_OPS
        spec_file = Path(args.catalog).name if args.catalog else "derive/catalog.py"
        what = "checking" if args.check else "writing"
        print(f"{what} {out} from {spec_file}: each entry is derived first", file=sys.stderr, flush=True)
        files = generate(
            catalog,
            spec_file=spec_file,
            command=command,
            progress=_progress,
            backends=backends,
            random_ops=random_ops,
            workers=args.jobs,
        )
    except (DefinitionError, jinja2.TemplateError) as err:
        cause = err if isinstance(err, DefinitionError) else f"template error ({type(err).__name__}): {err}"
        print(f"error: {cause}", file=sys.stderr)
        print(f"nothing was written to {out}", file=sys.stderr)
        return 2
    elapsed = time.perf_counter() - started
    if args.check:
        comparison = compare(files, out, out.name)
        if not comparison.clean:
            print(comparison.report(command + (" (without --check)" if not args.catalog else "")))
            return 1
        print(f"{out.name}: {len(files)} files up to date ({elapsed:.1f} s)")
        return 0
    try:
        changed = write_tree(files, out)
    except OSError as err:
        print(f"error: {err}", file=sys.stderr)
        print(f"{out} was left as it was", file=sys.stderr)
        return 2
    print(f"{out.name}: {len(files)} files, {len(changed)} changed ({elapsed:.1f} s)")
    for name in changed:
        print(f"  {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
