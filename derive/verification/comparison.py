"""The catalog loop: every op, mode, dtype and parameter set compared with
the references."""

from __future__ import annotations

import itertools

import numpy as np

from ..reference import Reference
from ..spec import Approximation
from .conditioning import CONDITION_TARGET, ULP_TARGET, judge, reduced_x
from .evaluation import evaluate_op, output_label
from .finite_differences import finite_difference_check
from .grids import DTYPES, ParameterSet, location_params, parameter_sets, x_grid
from .known_limits import KNOWN_LIMITS
from .results import Measurement

def compare_case(tf, fn, a: Approximation, mode, dtype_name, params: ParameterSet, measurement: Measurement,
                 ref: Reference | None = None, full: bool = False):
    floats, ints = params.floats, params.ints
    dtype = np.dtype(dtype_name).type
    tf_dtype = getattr(tf, dtype_name)
    largest = float(np.finfo(dtype).max)
    xs, kinds = x_grid(a, floats, dtype, full)
    ref = ref or Reference(a, ints)
    param_values = [float(dtype(floats[n])) for n in a.float_params]
    points = [(float(v), *param_values) for v in xs]
    names = ref.names
    # the x term of the condition: |reduced x| * |df/dx|; a location
    # parameter's rounding is the same x - p, so it adds no term of its own
    magnitudes = [reduced_x(a, floats, xs)] + [
        np.zeros(len(xs)) if n in location_params(a) else np.full(len(xs), abs(v))
        for n, v in zip(a.float_params, param_values)
    ]
    label = f"{a.name} {mode} {dtype_name} [{params.label}]"
    measurement.points += len(points)

    def describe(i):
        return f"x={xs[i]!r} [{kinds[i]}; {params.label}]"

    for tensor_params in (False, True) if a.float_params else (False,):
        got = evaluate_op(tf, fn, a, xs, floats, ints, mode, tf_dtype, tensor_params)
        for wrt, values in got.items():
            if wrt == () and mode == "ste":
                expected = np.array([float(ref.hard(p)) for p in points])
                wrong = values != expected
                if np.any(wrong):
                    measurement.failures.append(f"{label}: ste forward differs from the hard function at x={xs[wrong][0]!r}")
                continue
            exact = [ref.evaluate(wrt, p) for p in points]
            exact_f = np.array([float(e) for e in exact])
            stats = measurement.output(wrt)
            regions = [
                (lim, lim.region(a, floats, xs, dtype_name))
                for lim in KNOWN_LIMITS
                if lim.applies(a, floats, dtype_name, wrt)
            ]
            # an exact result beyond the dtype's range correctly comes out as inf
            overflows = np.abs(exact_f) > largest
            right_inf = overflows & (values == np.where(exact_f > 0, np.inf, -np.inf))
            bad = ~np.isfinite(values) & ~right_inf
            for lim, region in regions:
                stats.note_limit(lim, bad & region, np.inf)
                if lim.ulps is None:
                    bad &= ~region
            if np.any(bad):
                measurement.failures.append(
                    f"{label}: {output_label(wrt)} is {values[bad][0]!r} at x={xs[bad][0]!r}, exact {exact_f[bad][0]:.6g}"
                )
            keep = np.isfinite(values) & ~overflows
            if not np.any(keep):
                continue
            index = np.flatnonzero(keep)
            sensitivity = np.zeros(len(index))
            for k, v in enumerate(names):
                magnitude = magnitudes[k][index]
                if not np.any(magnitude):
                    continue
                deriv = np.array([abs(float(ref.evaluate(wrt + (v,), points[i]))) for i in index])
                sensitivity += np.where(magnitude == 0, 0.0, magnitude * deriv)
            ulps, ratios, well = judge(values[index], [exact[i] for i in index], sensitivity, dtype_name)
            missed = np.where(well, ulps > ULP_TARGET, ratios > CONDITION_TARGET)
            excused = np.zeros(len(index), dtype=bool)
            for lim, region in regions:
                inside = missed & region[index]
                if lim.ulps is not None:
                    inside &= ulps <= lim.ulps
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
                    f"{'well' if well[worst] else 'ill'} conditioned)"
                )
    if not params.at_domain_end:
        finite_difference_check(tf, fn, a, mode, dtype_name, floats, ints, ref, xs, measurement, label)


def verify_catalog(tf, package, catalog, dtypes=DTYPES, progress=None, full: bool = False):
    """{(op, mode): {dtype: Measurement}} for every op and mode of ``catalog``."""
    results = {}
    cases = []
    for entry in catalog:
        if isinstance(entry, Approximation):
            for mode, dtype in itertools.product(entry.modes, dtypes):
                cases.append((entry, mode, dtype))
    references = {}
    for index, (entry, mode, dtype) in enumerate(cases):
        if progress:
            progress(index, len(cases), f"{entry.name} {mode} {dtype}")
        fn = getattr(package, entry.name)
        measurement = results.setdefault((entry.name, mode), {}).setdefault(dtype, Measurement())
        for params in parameter_sets(entry):
            key = (entry.name, tuple(sorted(params.ints.items())))
            if key not in references:
                references[key] = Reference(entry, params.ints)
            compare_case(tf, fn, entry, mode, dtype, params, measurement, references[key], full)
    return results
