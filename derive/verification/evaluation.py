"""Evaluating a generated op: its value and its first and second
derivatives at each x, through its framework's own differentiation. Each
backend's evaluator is a module evaluate_<backend>.py here with

    evaluate_op(fn, a, xs, floats, ints, mode, dtype_name, tensor_params)
        -> {(): values, (name,): first derivatives, (name, other): second}

(float64 NumPy arrays shaped like xs; with ``tensor_params`` each float
parameter is a tensor shaped like x, so that per-point partial derivatives
come out; an output that does not depend on an input has derivative 0)."""

from __future__ import annotations

import importlib

#: The backends an evaluator exists for.
EVALUATED_BACKENDS = ("tensorflow", "jax", "torch")


def output_label(wrt: tuple[str, ...]) -> str:
    """"f", "d/dx", "d2/dx dsteepness": one name per output."""
    if not wrt:
        return "f"
    if len(wrt) == 1:
        return f"d/d{wrt[0]}"
    return f"d{len(wrt)}/" + " ".join(f"d{v}" for v in wrt)


def call_op(fn, a, x, floats, ints, mode):
    # a bool parameter goes in as the bool the op takes (the grid holds 0 or 1)
    kwargs = {**floats, **{n: bool(v) if a.params[n].is_boolean else v for n, v in ints.items()}}
    if len(a.modes) > 1:
        kwargs["mode"] = mode
    return fn(x, **kwargs)


def evaluator(backend: str):
    """The evaluate_op of ``backend`` (importing its framework)."""
    if backend not in EVALUATED_BACKENDS:
        raise ValueError(f"no evaluator for backend {backend!r}; choose from {', '.join(EVALUATED_BACKENDS)}")
    return importlib.import_module(f"{__package__}.evaluate_{backend}").evaluate_op


def evaluate_op(fn, a, xs, floats, ints, mode, dtype_name: str, tensor_params: bool, backend: str = "tensorflow"):
    """``backend``'s evaluate_op (see the module docstring)."""
    return evaluator(backend)(fn, a, xs, floats, ints, mode, dtype_name, tensor_params)
