"""The catalog loop: every op, mode, dtype and parameter set compared with
the references."""

from __future__ import annotations

import itertools

import numpy as np

from ..reference import NotReal, Reference
from ..spec import Approximation
from .decisions import applies as decisions_apply
from .decisions import hard_tolerance, near_decisions
from .conditioning import (
    CONDITION_TARGET,
    DEFAULT_RULE,
    ULP_TARGET,
    ConditionRule,
    condition_magnitudes,
    judge,
    sensitivity,
)
from .diagnosis import hint
from .evaluation import evaluator, output_label
from .finite_differences import finite_difference_check
from .grids import DTYPES, ParameterSet, parameter_sets, x_grid
from .known_limits import KNOWN_LIMITS
from .regressions import regression_sets
from .results import Measurement

def _grid(a: Approximation, params: ParameterSet, dtype, full: bool):
    """The x of one parameter set and the kind of each: the grid, or a
    regression set's own points."""
    if params.xs:
        xs = np.unique(np.asarray(params.xs, dtype=np.float64).astype(dtype))
        return xs, ["regression point"] * len(xs)
    return x_grid(a, params.floats, dtype, full, params.ints)


# the fewest points an op is evaluated at (see _evaluated): the quick grids' size or more
SMALLEST_SHAPE = 512


def _evaluated(evaluate, fn, a, xs, floats, ints, mode, dtype_name, tensor_params):
    """The op evaluated at xs filled up with its first value to the next power
    of two, and to SMALLEST_SHAPE at least: XLA, tf.function and jax compile
    a kernel per shape, and so the grids of every parameter set and mode and
    the few regression points share one. The outputs are cut back to xs (one
    of another shape, a broadcasting error the caller reports, is left as it
    is)."""
    size = max(1 << (len(xs) - 1).bit_length(), SMALLEST_SHAPE)
    padded = np.concatenate([xs, np.full(size - len(xs), xs[0], xs.dtype)])
    got = evaluate(fn, a, padded, floats, ints, mode, dtype_name, tensor_params)
    return {wrt: v[: len(xs)] if v.shape == padded.shape else v for wrt, v in got.items()}


def _exact_values(ref, wrt, points):
    """The reference at each point, and (index, reason) where it is not a
    real number or has no value (a pole)."""
    exact, problems = [], []
    for i, point in enumerate(points):
        try:
            exact.append(ref.evaluate(wrt, point))
        except NotReal as error:
            exact.append(None)
            problems.append((i, error.reason))
        except ZeroDivisionError:
            exact.append(None)
            problems.append((i, "a division by zero (a pole)"))
    return exact, problems


def _condition_sums(ref, wrt, points, values, exact, magnitudes, dtype_name, statistics: bool):
    """S at each point (``sensitivity``). Without ``statistics``, only where the
    error exceeds ULP_TARGET / 2 ULPs, 0 elsewhere: an error of at most that many
    ULPs is within both targets whatever S is (an ULP is at most 2 * eps * |f|, so
    the error is then below CONDITION_TARGET * eps * |f|), and S, the next
    derivative at every point, is most of a reference's cost. The verdicts are
    the same; the statistics then count as ill conditioned only the points S
    was needed for."""
    if statistics:
        return sensitivity(ref, wrt, points, magnitudes)
    condition_sum = np.zeros(len(points))
    ulps, _, _ = judge(values, exact, condition_sum, dtype_name)
    needed = np.flatnonzero(ulps > ULP_TARGET / 2)
    if len(needed):
        condition_sum[needed] = sensitivity(ref, wrt, [points[i] for i in needed], [m[needed] for m in magnitudes])
    return condition_sum


def compare_case(fn, a: Approximation, mode, dtype_name, params: ParameterSet, measurement: Measurement,
                 ref: Reference | None = None, full: bool = False, rule: ConditionRule = DEFAULT_RULE,
                 backend: str = "tensorflow", statistics: bool = True):
    """One op, mode, dtype and parameter set of ``backend`` against the
    reference; finite differences too for TensorFlow (the derivation's own
    check: the other backends print the same derivatives). Without
    ``statistics`` the same verdicts for less (``_condition_sums``)."""
    floats, ints = params.floats, params.ints
    dtype = np.dtype(dtype_name).type
    evaluate = evaluator(backend)
    largest = float(np.finfo(dtype).max)
    xs, kinds = _grid(a, params, dtype, full)
    ref = ref or Reference(a, ints)
    # the parameters as the dtype holds them: the reference is evaluated there, so they are exact inputs
    param_values = [float(dtype(floats[n])) for n in a.float_params]
    points = [(float(v), *param_values) for v in xs]
    magnitudes = condition_magnitudes(a, floats, xs, param_values, rule, ints)
    label = f"{a.name} {mode} {dtype_name} [{params.label}]"
    measurement.points += len(points)

    def describe(i):
        return f"x={xs[i]!r} [{kinds[i]}; {params.label}]"

    # points where rounding may flip a quantizer's decision (decisions.py), or None
    near = near_decisions(a, floats, ints, xs, dtype_name) if decisions_apply(a) else None

    for tensor_params in (False, True) if a.float_params else (False,):
        got = _evaluated(evaluate, fn, a, xs, floats, ints, mode, dtype_name, tensor_params)
        for wrt, values in got.items():
            if values.shape != xs.shape:
                measurement.failures.append(
                    f"{label}: {output_label(wrt)} has shape {values.shape} for x of shape {xs.shape}: "
                    "an op's output has the shape of x broadcast with the parameters (compared here broadcast)"
                )
                values = np.broadcast_to(values, xs.shape)
            if wrt == () and mode == "ste":
                expected = np.array([float(ref.hard(p)) for p in points])
                wrong = values != expected
                if np.any(wrong) and near is not None:
                    # a composition (scale, clip, round) rounds on its way to the level: at
                    # a jump within that rounding either level, elsewhere the level itself
                    # within the condition bound of its magnitude
                    wrong &= ~near & ~(np.abs(values - expected) <= hard_tolerance(ref, points, dtype_name))
                if np.any(wrong):
                    measurement.failures.append(f"{label}: ste forward differs from the hard function at x={xs[wrong][0]!r}")
                continue
            exact, problems = _exact_values(ref, wrt, points)
            if problems:
                i, reason = problems[0]
                measurement.failures.append(
                    f"{label}: {output_label(wrt)} at x={xs[i]!r}: the exact value is {reason} "
                    f"({len(problems)} of {len(points)} points): the expression is not a real function of x there; "
                    "restrict x in the expression (e.g. sqrt(Abs(x)) or a Piecewise) or leave such points out of the op"
                )
            real = np.array([e is not None for e in exact])
            exact_f = np.array([float(e) if e is not None else np.nan for e in exact])
            stats = measurement.output(wrt)
            regions = [
                (lim, lim.region(a, floats, xs, dtype_name))
                for lim in KNOWN_LIMITS
                if lim.applies(a, floats, dtype_name, wrt, backend)
            ]
            # an exact result beyond the dtype's range correctly comes out as inf
            overflows = np.abs(np.where(real, exact_f, 0.0)) > largest
            right_inf = overflows & (values == np.where(exact_f > 0, np.inf, -np.inf))
            bad = ~np.isfinite(values) & ~right_inf & real
            for lim, region in regions:
                stats.note_limit(lim, bad & region, np.inf)
                if lim.ulps is None:
                    bad &= ~region
            if np.any(bad):
                i = int(np.flatnonzero(bad)[0])
                measurement.failures.append(
                    f"{label}: {output_label(wrt)} is {values[i]!r} at x={xs[i]!r}, exact {exact_f[i]:.6g}"
                    + hint(xs[i], kinds[i], well=True, finite=False)
                )
            keep = np.isfinite(values) & ~overflows & real
            if near is not None:
                keep &= ~near
            if not np.any(keep):
                continue
            index = np.flatnonzero(keep)
            kept_values, kept_exact = values[index], [exact[i] for i in index]
            condition_sum = _condition_sums(
                ref, wrt, [points[i] for i in index], kept_values, kept_exact, [m[index] for m in magnitudes],
                dtype_name, statistics,
            )
            ulps, ratios, well = judge(kept_values, kept_exact, condition_sum, dtype_name)
            missed = np.where(well, ulps > ULP_TARGET, ratios > CONDITION_TARGET)
            excused = np.zeros(len(index), dtype=bool)
            for lim, region in regions:
                inside = missed & region[index]
                if lim.ulps is not None:
                    within = ulps <= lim.ulps
                    if lim.ratio is not None:
                        within = np.where(well, within, ratios <= lim.ratio)
                    inside &= within
                stats.note_limit(lim, inside, float(np.max(np.where(inside, ulps, 0.0))))
                excused |= inside
            judged = np.flatnonzero(~excused)
            stats.add(ulps[judged], ratios[judged], well[judged], [kinds[index[j]] for j in judged],
                      lambda j: describe(index[judged[j]]))
            failing = missed & ~excused
            if np.any(failing):
                worst = int(np.argmax(np.where(failing, np.where(well, ulps, ratios), -1.0)))
                i = index[worst]
                measurement.failures.append(
                    f"{label}: {output_label(wrt)} at x={xs[i]!r} ({kinds[i]}): got {values[i]!r}, "
                    f"exact {exact_f[i]!r} ({ulps[worst]:.3g} ULP, {ratios[worst]:.3g} x the condition bound, "
                    f"{'well' if well[worst] else 'ill'} conditioned; {np.count_nonzero(failing)} points)"
                    + hint(xs[i], kinds[i], well=bool(well[worst]), finite=True)
                )
    if backend == "tensorflow" and not params.at_domain_end:
        finite_difference_check(fn, a, mode, dtype_name, floats, ints, ref, xs, measurement, label)


def verify_catalog(
    package, catalog, dtypes=DTYPES, progress=None, full: bool = False, rule: ConditionRule = DEFAULT_RULE,
    backend: str = "tensorflow", references: dict | None = None, statistics: bool = True,
):
    """{(op, mode): {dtype: Measurement}} for every op and mode of ``catalog``
    in ``backend`` (its ops: ``package``'s subpackage of that name, or
    ``package``'s own where it has none): every parameter set's grid, and the
    regression points of the op and dtype. ``references``, shared between
    calls, computes each reference value once for every backend. Without
    ``statistics`` (the test suite) the same failures, sooner: the condition
    bound only where an error needs it (``_condition_sums``)."""
    ops = getattr(package, backend, package)
    results = {}
    cases = []
    for entry in catalog:
        if isinstance(entry, Approximation):
            for mode, dtype in itertools.product(entry.modes, dtypes):
                cases.append((entry, mode, dtype))
    references = {} if references is None else references
    for index, (entry, mode, dtype) in enumerate(cases):
        if progress:
            progress(index, len(cases), f"{entry.name} {mode} {dtype}")
        fn = getattr(ops, entry.name)
        measurement = results.setdefault((entry.name, mode), {}).setdefault(dtype, Measurement())
        for params in parameter_sets(entry) + regression_sets(entry, dtype):
            key = (entry.name, tuple(sorted(params.ints.items())))
            if key not in references:
                references[key] = Reference(entry, params.ints)
            compare_case(fn, entry, mode, dtype, params, measurement, references[key], full, rule, backend, statistics)
    return results
