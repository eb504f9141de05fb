"""The pipeline end to end: catalog -> {file name: text} of one package.

Each entry is derived and lowered once; every selected backend prints it
into its subpackage (tensorflow/, jax/, torch/). The package's top level
dispatches each op on the framework of its input."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

from . import lowering, rendering
from .backends import selected
from .random_ops import check_random_ops
from .spec import Approximation, DefinitionError, check_catalog


def generate(
    catalog,
    spec_file: str = "derive/catalog.py",
    command: str = rendering.REGENERATE,
    progress=None,
    backends=None,
    random_ops=(),
    workers: int = 1,
) -> dict[str, str]:
    """Render the package for ``catalog`` with the named ``backends`` (all
    when None); raise DefinitionError naming the entry that fails, before
    anything is written. ``progress(index, count, name)`` is called before
    each entry's files are taken. ``random_ops`` (derive/random_ops.py) are
    printed, not derived, into every backend beside the catalog's ops.
    ``workers`` > 1 derives that many entries at a time in forked processes,
    with the same result, where the calling process runs no other thread
    (Linux, where that can be told; a fork copies no thread, but may copy a
    lock one of them holds, and hang); else one at a time."""
    check_catalog(catalog)
    check_random_ops(random_ops, catalog)
    chosen = selected(backends)
    files = {}
    exports = []
    helpers = {b.name: set() for b in chosen}  # the package-level helpers each backend's ops call
    derived = _derived_entries(catalog, chosen, spec_file, command, workers)
    for index, entry in enumerate(catalog):
        if progress is not None:
            progress(index, len(catalog), entry.name)
        texts, used = next(derived)
        for backend, names in used.items():
            helpers[backend] |= names
        files.update({f"{backend}/{entry.name}.py": text for backend, text in texts.items()})
        exports.append((entry.name, entry.name))
    for op in random_ops:
        spec = f"{spec_file}:{op.name}"
        files.update({f"{b.name}/{op.name}.py": b.random_file(op, spec, command) for b in chosen})
        exports.append((op.name, op.name))
    for backend in chosen:
        for name, text in backend.package_files(exports, spec_file, command, helpers[backend.name]).items():
            files[f"{backend.name}/{name}"] = text
    files.update(rendering.front_files(catalog, chosen, spec_file, command, random_ops))
    return files


def _entry_files(entry, chosen, spec_file: str, command: str) -> tuple[dict, dict]:
    """({backend: text of the entry's module}, {backend: package helpers it calls})."""
    spec = f"{spec_file}:{entry.name}"
    try:
        if not isinstance(entry, Approximation):
            return {b.name: b.choice_file(entry, spec, command) for b in chosen}, {}
        # derived and lowered once; every backend prints the same kernels
        kernel_set, regimes = lowering.build(entry), rendering.regime_kernels(entry)
        texts, used = {}, {}
        for b in chosen:
            texts[b.name], used[b.name] = b.op_file(entry, kernel_set, regimes, spec, command)
        return texts, used
    except DefinitionError:
        raise
    except Exception as err:  # SymPy's own failures, named after the entry
        raise DefinitionError(f"{entry.name}: {type(err).__name__}: {err}") from err


# what forked workers derive from: set before the fork, read in the children
_FORKED_JOB: tuple = ()


def _forked_entry_files(index: int) -> tuple[dict, dict]:
    catalog, *rest = _FORKED_JOB
    return _entry_files(catalog[index], *rest)


def _single_threaded() -> bool:
    """Whether this process runs one thread, counted by the system (a
    framework's and a test runner's threads are not all Python's)."""
    tasks = Path("/proc/self/task")
    return tasks.is_dir() and len(list(tasks.iterdir())) == 1


def _derived_entries(catalog, chosen, spec_file: str, command: str, workers: int):
    """Each entry's _entry_files, in catalog order, derived as they are taken
    (one process) or ahead by ``workers`` forked processes."""
    workers = min(workers, len(catalog))
    if workers <= 1 or not _single_threaded():
        for entry in catalog:
            yield _entry_files(entry, chosen, spec_file, command)
        return
    global _FORKED_JOB
    _FORKED_JOB = (catalog, chosen, spec_file, command)
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            yield from pool.imap(_forked_entry_files, range(len(catalog)))
    finally:
        _FORKED_JOB = ()
