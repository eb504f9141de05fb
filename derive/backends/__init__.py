"""The backends: one per framework, each a printer, a template set
(templates/<name>/) and a runtime template there. The pipeline derives each
op once and hands the lowered kernels to every backend selected.

Adding a backend: a module here with a ``Backend`` subclass (its printer
and how it lays out an op), templates/<name>/ with op, surrogate, runtime and
package templates, and an entry in BACKENDS.
"""

from __future__ import annotations

from .base import Backend
from .jax import JaxBackend
from .tensorflow import TensorFlowBackend
from .torch import TorchBackend

#: Every backend, by the name of its subpackage in a generated package.
BACKENDS: dict[str, Backend] = {b.name: b for b in (TensorFlowBackend(), JaxBackend(), TorchBackend())}


def selected(names=None) -> list[Backend]:
    """The backends named (all when None), in BACKENDS' order; a ValueError
    naming the valid choices for an unknown name."""
    if names is None:
        return list(BACKENDS.values())
    unknown = sorted(set(names) - set(BACKENDS))
    if unknown:
        raise ValueError(f"unknown backend {unknown[0]!r}; choose from {', '.join(BACKENDS)}")
    if not names:
        raise ValueError(f"choose at least one backend of {', '.join(BACKENDS)}")
    return [b for n, b in BACKENDS.items() if n in names]


__all__ = ["BACKENDS", "Backend", "selected"]
