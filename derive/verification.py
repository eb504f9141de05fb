"""Verification of a generated package against the spec.

For each op, mode, dtype and parameter set: evaluate the generated op (its
value, gradients through GradientTape and gradients of gradients) on a grid
that includes integers, half-integers, their float neighbours, window edges
and large magnitudes, and compare with the 50-digit references of
``derive.reference``. Also check gradients against finite differences
(``tf.test.compute_gradient``) away from breakpoints.

Errors are reported in ULPs of the result. A point passes when its error is
within ``TOLERANCE_ULPS`` of the error bound an evaluation in the dtype must
accept: one rounding of the result plus the function's sensitivity to a
relative rounding of each input and intermediate,
eps * (|f| + sum_v |v df/dv|) (its condition).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

import mpmath
import numpy as np
import sympy as sp

from .reference import Reference
from .spec import Approximation, SurrogateChoice

TOLERANCE_ULPS = 8.0
FD_TOLERANCE = {"float32": 2e-2, "float64": 1e-5}
FD_DELTA = {"float32": 1e-3, "float64": 1e-6}
DTYPES = ("float32", "float64")


def parameter_sets(a: Approximation) -> list[tuple[dict, dict]]:
    """(float params, int params): the defaults, then each parameter moved."""
    floats = {n: float(a.params[n].default) for n in a.float_params}
    ints = {n: int(a.params[n].default) for n in a.int_params}
    sets = [(floats, ints)]
    for name in a.float_params:
        domain = a.params[name].valid_set
        if domain.inf.is_finite and not domain.left_open:
            # a closed end, often a limit the function must reach smoothly (alpha -> 0)
            low = float(domain.inf)
            sets += [({**floats, name: low + step}, ints) for step in (0.0, 1e-12, 1e-6, 1e-3)]
        value = floats[name]
        moved = value * 3 if value != 0 else 0.25
        if not domain.contains(moved):
            moved = float(domain.sup) if domain.sup != sp.oo else value / 3
        sets.append(({**floats, name: moved}, ints))
    for name in a.int_params:
        sets.append((floats, {**ints, name: ints[name] + 2}))
    return sets


def breakpoints(a: Approximation, floats: dict) -> list[float]:
    """x where a Piecewise condition of the spec switches, near the origin."""
    expr = a.expr
    n = sp.Symbol("n", integer=True)
    points = set()
    values = {a.params[k].symbol: v for k, v in floats.items()}
    for piecewise in expr.atoms(sp.Piecewise):
        for _, cond in piecewise.args:
            for rel in cond.atoms(sp.core.relational.Relational):
                equation = (rel.lhs - rel.rhs).xreplace(values)
                for offset in (-2, 0, 1):
                    eq = equation.replace(sp.floor, lambda u: n).xreplace({n: offset})
                    for root in sp.solve(eq, a.expr.free_symbols & {sp.Symbol("x", real=True)} or [sp.Symbol("x")]):
                        if root.is_real:
                            points.add(float(root))
    return sorted(points)


def x_grid(a: Approximation, floats: dict, dtype) -> np.ndarray:
    base = [np.linspace(-3, 3, 97)]
    specials = [k / 2 for k in range(-6, 7)] + breakpoints(a, floats)
    for name in ("center", "threshold"):
        if name in floats:
            specials.append(floats[name])
    specials = np.array(specials, dtype=dtype)
    neighbours = [specials, np.nextafter(specials, dtype(np.inf)), np.nextafter(specials, dtype(-np.inf))]
    large = np.array([1e3 + 0.25, 1e6 + 0.3, 2.0**20 + 0.5, 12345.75, -54321.25, 1e-30, -1e-30], dtype=dtype)
    grid = np.concatenate(base + neighbours + [large, -large]).astype(dtype)
    # TensorFlow's CPU kernels flush subnormal numbers to zero, inputs and
    # intermediates; the neighbours of 0 are taken well inside the normal range.
    small = np.finfo(dtype).tiny * 2.0**30
    grid = np.where((grid != 0) & (np.abs(grid) < small), np.sign(grid) * small, grid).astype(dtype)
    return np.unique(grid)


@dataclass
class Measurement:
    """Worst errors of one op, mode and dtype over its grids and parameter sets."""

    ulps: dict[str, float] = field(default_factory=lambda: {"forward": 0.0, "first": 0.0, "second": 0.0})
    condition: float = 0.0
    finite_difference: float = 0.0
    failures: list[str] = field(default_factory=list)
    points: int = 0


# Results below this may have passed through subnormal intermediates, which
# TensorFlow's CPU kernels flush to zero: the smallest normal number / eps.
UNDERFLOW = {name: float(np.finfo(name).tiny / np.finfo(name).eps) for name in ("float32", "float64")}


def _ulp(values: np.ndarray, dtype) -> np.ndarray:
    """Spacing of the dtype at each value, at least UNDERFLOW."""
    finfo = np.finfo(dtype)
    spacing = np.spacing(np.abs(values).astype(dtype)).astype(np.float64)
    return np.maximum(spacing, UNDERFLOW[np.dtype(dtype).name])


def _call(fn, a, x, floats, ints, mode):
    kwargs = {**floats, **ints}
    if len(a.modes) > 1:
        kwargs["mode"] = mode
    return fn(x, **kwargs)


def evaluate_op(tf, fn, a: Approximation, xs, floats, ints, mode, dtype, tensor_params: bool):
    """Value, first and second derivatives of the generated op at each x.

    With ``tensor_params`` each float parameter is a tensor shaped like x, so
    that per-point partial derivatives come out of the tape."""
    x = tf.constant(xs, dtype=dtype)
    names = ["x"] + (list(floats) if tensor_params else [])
    variables = [x] + [tf.fill(tf.shape(x), tf.constant(floats[n], dtype)) for n in names[1:]]
    params = {n: v for n, v in zip(names[1:], variables[1:])}
    params = {**floats, **params}
    with tf.GradientTape(persistent=True) as outer:
        outer.watch(variables)
        with tf.GradientTape() as inner:
            inner.watch(variables)
            y = _call(fn, a, x, params, ints, mode)
        firsts = inner.gradient(y, variables)
    results = {(): y.numpy().astype(np.float64)}
    for i, name in enumerate(names):
        results[(name,)] = firsts[i].numpy().astype(np.float64)
        seconds = outer.gradient(firsts[i], variables)
        for k, other in enumerate(names):
            if k >= i:
                results[(name, other)] = seconds[k].numpy().astype(np.float64)
    return results


def _reference_arrays(ref: Reference, wrt, points):
    return [ref.evaluate(wrt, p) for p in points]


_REFERENCES: dict = {}


def shared_reference(a: Approximation, ints: dict) -> Reference:
    """One Reference (and its evaluated points) per approximation and integer
    parameters, shared by every mode, dtype and parameter form."""
    key = (id(a), tuple(sorted(ints.items())))
    if key not in _REFERENCES:
        _REFERENCES[key] = (a, Reference(a, ints))  # a kept alive: its id stays unique
    return _REFERENCES[key][1]


def compare_case(tf, fn, a: Approximation, mode, dtype_name, floats, ints, measurement: Measurement):
    dtype = np.dtype(dtype_name).type
    tf_dtype = getattr(tf, dtype_name)
    eps = float(np.finfo(dtype).eps)
    xs = x_grid(a, floats, dtype)
    ref = shared_reference(a, ints)
    param_values = [float(dtype(floats[n])) for n in a.float_params]
    points = [(float(v), *param_values) for v in xs]
    names = ref.names
    label = f"{a.name} {mode} {dtype_name} {floats or ''}{ints or ''}"
    measurement.points += len(points)
    for tensor_params in (False, True) if a.float_params else (False,):
        got = evaluate_op(tf, fn, a, xs, floats, ints, mode, tf_dtype, tensor_params)
        for wrt, values in got.items():
            if not np.all(np.isfinite(values)):
                bad = xs[~np.isfinite(values)][0]
                measurement.failures.append(f"{label}: d{wrt} is not finite at x={bad!r}")
                continue
            if wrt == () and mode == "ste":
                expected = np.array([float(ref.hard(p)) for p in points])
                wrong = values != expected
                if np.any(wrong):
                    measurement.failures.append(f"{label}: ste forward differs from the hard function at x={xs[wrong][0]!r}")
                continue
            exact = _reference_arrays(ref, wrt, points)
            sensitivity = np.zeros(len(points))
            for k, v in enumerate(names):
                deriv = np.abs(np.array([float(d) for d in _reference_arrays(ref, wrt + (v,), points)]))
                magnitude = np.abs(np.array([p[k] for p in points]))
                sensitivity += magnitude * deriv
            with mpmath.workdps(30):
                error = np.array([float(abs(mpmath.mpf(c) - e)) for c, e in zip(values, exact)])
            exact_f = np.array([float(e) for e in exact])
            ulps = error / _ulp(exact_f, dtype)
            condition = error / (eps * (np.abs(exact_f) + sensitivity) + UNDERFLOW[dtype_name])
            kind = {0: "forward", 1: "first", 2: "second"}[len(wrt)]
            measurement.ulps[kind] = max(measurement.ulps[kind], float(ulps.max()))
            measurement.condition = max(measurement.condition, float(condition.max()))
            if condition.max() > TOLERANCE_ULPS:
                worst = int(condition.argmax())
                measurement.failures.append(
                    f"{label}: d{wrt} at x={xs[worst]!r}: got {values[worst]!r}, exact {exact_f[worst]!r} "
                    f"({ulps[worst]:.3g} ULP, {condition[worst]:.3g} x the condition bound)"
                )
    finite_difference_check(tf, fn, a, mode, dtype_name, floats, ints, ref, xs, measurement, label)


def finite_difference_check(tf, fn, a, mode, dtype_name, floats, ints, ref, xs, measurement, label):
    """tf.test.compute_gradient at smooth points: gradients, and (second
    order) the gradient of the x-derivative."""
    delta = FD_DELTA[dtype_name]
    tf_dtype = getattr(tf, dtype_name)
    param_values = [float(np.dtype(dtype_name).type(floats[n])) for n in a.float_params]
    smooth = []
    for v in xs[(np.abs(xs) < 4)]:
        point = (float(v), *param_values)
        # smooth here: f, df/dx and d2f/dx2 agree with their own central differences
        # (soft_round is C1 but not C2 at the integers: the second check is not enough)
        agree = True
        for order in ((), ("x",), ("x", "x")):
            lo = ref.evaluate(order, (point[0] - 2 * delta, *point[1:]))
            hi = ref.evaluate(order, (point[0] + 2 * delta, *point[1:]))
            slope = ref.evaluate(order + ("x",), point)
            agree = agree and abs((hi - lo) / (4 * delta) - slope) <= 1e-3 * max(1, abs(slope))
        if agree:
            smooth.append(float(v))
    smooth = np.array(smooth[:: max(1, len(smooth) // 12)][:12])
    if smooth.size == 0:
        return
    x0 = tf.constant(smooth, tf_dtype)

    def value(x):
        return _call(fn, a, x, floats, ints, mode)

    def slope(x):
        with tf.GradientTape() as tape:
            tape.watch(x)
            y = value(x)
        return tape.gradient(y, x)

    functions = [slope] if mode == "ste" else [value, slope]
    worst = 0.0
    for f in functions:
        theoretical, numerical = tf.test.compute_gradient(f, [x0], delta=delta)
        t, n = np.diag(theoretical[0]), np.diag(numerical[0])
        worst = max(worst, float(np.max(np.abs(t - n) / np.maximum(1.0, np.abs(t)))))
    # in ste mode the forward is the hard function: only its gradient is smooth
    for name in a.float_params if mode == "soft" else ():
        domain = a.params[name].valid_set
        if not (domain.contains(floats[name] - delta) and domain.contains(floats[name] + delta)):
            continue  # central differences would leave the domain
        p0 = tf.constant(floats[name], tf_dtype)

        def of_param(p, name=name):
            return _call(fn, a, x0, {**floats, name: p}, ints, mode)

        theoretical, numerical = tf.test.compute_gradient(of_param, [p0], delta=delta)
        t, n = theoretical[0].ravel(), numerical[0].ravel()
        worst = max(worst, float(np.max(np.abs(t - n) / np.maximum(1.0, np.abs(t)))))
    measurement.finite_difference = max(measurement.finite_difference, worst)
    if worst > FD_TOLERANCE[dtype_name]:
        measurement.failures.append(f"{label}: finite differences disagree by {worst:.3g} (relative)")


def verify_catalog(tf, package, catalog, dtypes=DTYPES, progress=None):
    """{(op, mode): {dtype: Measurement}} for every op and mode of ``catalog``."""
    results = {}
    cases = []
    for entry in catalog:
        if isinstance(entry, Approximation):
            for mode, dtype in itertools.product(entry.modes, dtypes):
                cases.append((entry, mode, dtype))
    for index, (entry, mode, dtype) in enumerate(cases):
        if progress:
            progress(index, len(cases), f"{entry.name} {mode} {dtype}")
        fn = getattr(package, entry.name)
        measurement = results.setdefault((entry.name, mode), {}).setdefault(dtype, Measurement())
        for floats, ints in parameter_sets(entry):
            compare_case(tf, fn, entry, mode, dtype, floats, ints, measurement)
    return results


def surrogate_entries(catalog):
    return [e for e in catalog if isinstance(e, SurrogateChoice)]


@dataclass
class PublishedCheck:
    """The derived derivative against a formula published elsewhere."""

    op: str
    wrt: str
    citation: str
    points: int
    max_difference: float

    @property
    def ok(self) -> bool:
        return self.max_difference <= 1e-40


def check_published(a: Approximation) -> list[PublishedCheck]:
    """Compare SymPy's derivative with each published formula at 50 digits on
    the verification grid, away from the breakpoints where the two may take
    different one-sided values."""
    floats = {n: float(a.params[n].default) for n in a.float_params}
    ints = {n: int(a.params[n].default) for n in a.int_params}
    ref = Reference(a, ints)
    checks = []
    for wrt, (formula, citation) in a.published.items():
        published = Reference(
            Approximation(name=a.name, hard=a.hard, expr=formula, params=a.params, modes=a.modes), ints
        )
        kinks = breakpoints(a, floats) + [0.0]
        grid = [v for v in x_grid(a, floats, np.float64) if min(abs(v - k) for k in kinks) > 1e-9]
        worst = mpmath.mpf(0)
        for v in grid:
            point = (float(v), *floats.values())
            derived = ref.evaluate(() if wrt == "y" else (wrt,), point)
            given = published.evaluate((), point)
            worst = max(worst, abs(derived - given) / max(1, abs(given)))
        checks.append(PublishedCheck(a.name, wrt, citation, len(grid), float(worst)))
    return checks
