"""The pipeline end to end: catalog -> {file name: text} of one package.

Each entry is derived and lowered once; every selected backend prints it
into its subpackage (tensorflow/, jax/, torch/). The package's top level
dispatches each op on the framework of its input."""

from __future__ import annotations

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
) -> dict[str, str]:
    """Render the package for ``catalog`` with the named ``backends`` (all
    when None); raise DefinitionError naming the entry that fails, before
    anything is written. ``progress(index, count, name)`` is called before
    each entry is derived. ``random_ops`` (derive/random_ops.py) are printed,
    not derived, into every backend beside the catalog's ops."""
    check_catalog(catalog)
    check_random_ops(random_ops, catalog)
    chosen = selected(backends)
    files = {}
    exports = []
    helpers = {b.name: set() for b in chosen}  # the package-level helpers each backend's ops call
    for index, entry in enumerate(catalog):
        if progress is not None:
            progress(index, len(catalog), entry.name)
        spec = f"{spec_file}:{entry.name}"
        try:
            if isinstance(entry, Approximation):
                # derived and lowered once; every backend prints the same kernels
                kernel_set, regimes = lowering.build(entry), rendering.regime_kernels(entry)
                texts = {}
                for b in chosen:
                    texts[b.name], used = b.op_file(entry, kernel_set, regimes, spec, command)
                    helpers[b.name] |= used
            else:
                texts = {b.name: b.choice_file(entry, spec, command) for b in chosen}
        except DefinitionError:
            raise
        except Exception as err:  # SymPy's own failures, named after the entry
            raise DefinitionError(f"{entry.name}: {type(err).__name__}: {err}") from err
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
