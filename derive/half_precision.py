"""Half precision: the error of float16 and bfloat16 results.

The ops compute a half-precision input in float32 and round the result (and
the gradient) once to the input's dtype. This measures how far that lands
from the exact value: the largest error, in units in the last place of the
half dtype, of the forward value and of d/dx at the default parameters, on a
grid of x exactly representable in the dtype, against the 50-digit references
of ``derive.reference``. Rounding an exact value once costs at most 0.5 ULP.

Where a result is close to 0 while its inputs are not, the float32 evaluation's
own error (which the verifier bounds by CONDITION_TARGET times the condition
bound eps32 * (|f| + sum over inputs v of |v df/dv|)) can be many ULPs of the
tiny result: ``bound`` is the largest error relative to 0.5 ULP of the half
dtype plus that float32 allowance, and is at most 1 where the op is right.
"""

from __future__ import annotations

import ml_dtypes
import mpmath
import numpy as np

from .reference import Reference
from .spec import Approximation
from .verification import CONDITION_TARGET, UNDERFLOW

HALF_DTYPES = ("float16", "bfloat16")


def _numpy_dtype(name: str):
    return np.dtype(ml_dtypes.bfloat16) if name == "bfloat16" else np.dtype(name)


def ulp(values: np.ndarray, dtype_name: str) -> np.ndarray:
    """Spacing of the half dtype at each (float64) value, subnormals included."""
    info = ml_dtypes.finfo(_numpy_dtype(dtype_name))
    _, exponent = np.frexp(np.abs(values))
    exponent = np.where(values == 0, info.minexp, np.maximum(exponent - 1, info.minexp))
    return np.ldexp(1.0, exponent - info.nmant)


def x_grid(dtype_name: str, step: float = 1 / 16, limit: float = 3.0) -> np.ndarray:
    """Points from -limit to limit and a few large magnitudes, each exactly
    representable in the dtype."""
    points = np.concatenate([np.arange(-limit, limit + step, step), [-100.25, 100.75, 1000.5]])
    return np.unique(points.astype(_numpy_dtype(dtype_name)).astype(np.float64))


def measure(tf, fn, a: Approximation, mode: str, dtype_name: str, xs: np.ndarray) -> dict:
    """{"forward": {"ulps": ..., "bound": ...}, "x": {...}}: the largest error
    in ULPs of the dtype, and relative to the allowance above; the forward of
    ste mode is the hard function, exact in any dtype, and is left out."""
    ints = {n: int(a.params[n].default) for n in a.int_params}
    floats = [float(a.params[n].default) for n in a.float_params]
    ref = Reference(a, ints)
    points = [(float(v), *floats) for v in xs]
    x = tf.constant(xs, dtype=getattr(tf, dtype_name))
    kwargs = {"mode": mode} if len(a.modes) > 1 else {}
    with tf.GradientTape() as tape:
        tape.watch(x)
        y = fn(x, **kwargs)
    got = {(): y, ("x",): tape.gradient(y, x)}
    eps32 = float(np.finfo(np.float32).eps)
    errors = {}
    for wrt, values in got.items():
        if wrt == () and mode == "ste":
            continue
        values = tf.cast(values, tf.float64).numpy()
        exact = [ref.evaluate(wrt, p) for p in points]
        with mpmath.workdps(30):
            error = np.array([float(abs(mpmath.mpf(float(c)) - e)) for c, e in zip(values, exact)])
        exact = np.array([float(e) for e in exact])
        sensitivity = np.abs(exact)
        for k, v in enumerate(ref.names):
            slope = np.array([float(ref.evaluate(wrt + (v,), p)) for p in points])
            sensitivity += np.abs([p[k] for p in points]) * np.abs(slope)
        half = ulp(np.maximum(np.abs(exact), np.abs(values)), dtype_name)
        allowed = 0.5 * half + CONDITION_TARGET * eps32 * sensitivity + UNDERFLOW["float32"]
        errors["forward" if wrt == () else "x"] = {
            "ulps": float((error / ulp(exact, dtype_name)).max()),
            "bound": float((error / allowed).max()),
        }
    return errors


def measure_catalog(tf, package, catalog, step: float = 1 / 16) -> dict:
    """{(op, mode): {dtype: measure(...)}} for every approximation."""
    grids = {d: x_grid(d, step) for d in HALF_DTYPES}
    results = {}
    for a in catalog:
        if not isinstance(a, Approximation):
            continue
        for mode in a.modes:
            results[(a.name, mode)] = {
                d: measure(tf, getattr(package, a.name), a, mode, d, grids[d]) for d in HALF_DTYPES
            }
    return results
