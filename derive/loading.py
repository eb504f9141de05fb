"""Loading a user's catalog file: a Python module that defines CATALOG (and RANDOM_OPS)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from .spec import DefinitionError


def _load_module(path: Path):
    path = Path(path)
    if not path.is_file():
        raise DefinitionError(f"{path}: no such catalog file")
    spec = importlib.util.spec_from_file_location(f"diffround_user_catalog_{path.stem}", path)
    module = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(path.resolve().parent))
    try:
        spec.loader.exec_module(module)
    except DefinitionError:
        raise
    except Exception as err:
        raise DefinitionError(f"{path.name}: the catalog file failed to load: {type(err).__name__}: {err}") from err
    finally:
        sys.path.pop(0)
    return module


def load_catalog(path: str | Path) -> list:
    path = Path(path)
    module = _load_module(path)
    catalog = getattr(module, "CATALOG", None)
    if not isinstance(catalog, (list, tuple)) or not catalog:
        raise DefinitionError(f"{path.name}: the file must define CATALOG, a non-empty list of approximations")
    return list(catalog)


def load_random_ops(path: str | Path) -> list:
    """RANDOM_OPS of a user's catalog file (derive/random_ops.py), none if it defines none."""
    path = Path(path)
    random_ops = getattr(_load_module(path), "RANDOM_OPS", [])
    if not isinstance(random_ops, (list, tuple)):
        raise DefinitionError(f"{path.name}: RANDOM_OPS must be a list of RandomOp, got {type(random_ops).__name__}")
    return list(random_ops)
