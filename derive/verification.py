"""Verification of a generated package against the spec.

For each op, mode, dtype and parameter set: evaluate the generated op (its
value, gradients through GradientTape and gradients of gradients) on a grid
of x and compare every output (forward, d/dx, each d/dparam, every second
derivative) with the 50-digit references of ``derive.reference``, computed
at the exact binary values of the inputs. Also check gradients against
finite differences (``tf.test.compute_gradient``) away from breakpoints.

How an error is judged. Let S = sum over the inputs v of |v df/dv|: rounding
every input by one relative rounding (eps/2) moves the exact result by up to
eps*S/2. A point is *well conditioned* when that is at most half an ULP
(eps*S <= ulp(f)); there the error must be at most ``ULP_TARGET`` ULPs of the
exact result. Elsewhere (near a zero of the output, at a window edge, in a
sigmoid's tail) no evaluation in the dtype can promise ULPs, and the error
must be at most ``CONDITION_TARGET`` times eps*(|f| + S), the condition
bound; the report says which grid points those are.

The grids: uniform points, log-spaced magnitudes up to the largest finite
value, integers and half-integers and window edges with their float
neighbours, and parameters at the ends of their domains. ``full=True`` is
the denser grid of ``scripts/verify_derivatives.py``; the default is the
smaller one the test suite runs.
"""

from __future__ import annotations

import itertools
from collections import Counter
from fractions import Fraction
from dataclasses import dataclass, field

import mpmath
import numpy as np
import sympy as sp

from .reference import Reference
from .spec import Approximation, SurrogateChoice, x

ULP_TARGET = 4.0
CONDITION_TARGET = 4.0
FD_TOLERANCE = {"float32": 2e-2, "float64": 1e-5}
FD_DELTA = {"float32": 1e-3, "float64": 1e-6}
DTYPES = ("float32", "float64")
# log-spaced magnitudes: points per decade of the dtype's range
MAGNITUDES_PER_DECADE = {False: {"float32": 0.5, "float64": 0.1}, True: {"float32": 1.0, "float64": 0.25}}
# an open end e of a parameter's domain is taken just inside, at e + INSIDE*max(1, |e|);
# an unbounded one at +-LARGE
INSIDE = 2.0**-20
LARGE = 1e6


@dataclass(frozen=True)
class ParameterSet:
    label: str
    floats: dict
    ints: dict
    at_domain_end: bool = False  # finite differences are taken at the others only


def _domain_ends(domain: sp.Interval) -> list[tuple[str, float]]:
    """(label, value): the closed ends themselves, just inside the open ones,
    +-LARGE for an unbounded side."""
    ends = []
    for end, is_open, inward in ((domain.inf, domain.left_open, 1), (domain.sup, domain.right_open, -1)):
        if end in (sp.oo, -sp.oo):
            ends.append((f"{-inward * LARGE:g}", -inward * LARGE))
        elif is_open:
            value = float(end) + inward * INSIDE * max(1.0, abs(float(end)))
            ends.append((f"just inside {'above' if inward > 0 else 'below'} {float(end):g}", value))
        else:
            ends.append((f"at {float(end):g}", float(end)))
    return ends


def parameter_sets(a: Approximation) -> list[ParameterSet]:
    """The defaults; each float parameter moved (x3), and at both ends of its
    domain; each int parameter at its lowest value and moved up by 2."""
    floats = {n: float(a.params[n].default) for n in a.float_params}
    ints = {n: int(a.params[n].default) for n in a.int_params}
    sets = [ParameterSet("defaults", floats, ints)]
    for name in a.float_params:
        domain = a.params[name].valid_set
        value = floats[name]
        moved = value * 3 if value != 0 else 0.25
        if not domain.contains(moved):
            moved = float(domain.sup) if domain.sup != sp.oo else value / 3
        sets.append(ParameterSet(f"{name}={moved:g}", {**floats, name: moved}, ints))
        for label, end in _domain_ends(domain):
            sets.append(ParameterSet(f"{name} {label}", {**floats, name: end}, ints, at_domain_end=True))
    for name in a.int_params:
        low = int(a.params[name].valid_set.inf)
        if low != ints[name]:
            sets.append(ParameterSet(f"{name}={low}", floats, {**ints, name: low}, at_domain_end=True))
        sets.append(ParameterSet(f"{name}={ints[name] + 2}", floats, {**ints, name: ints[name] + 2}))
    return sets


def breakpoints(a: Approximation, floats: dict, offsets=(-2, 0, 1)) -> list[float]:
    """x where a Piecewise condition of the spec switches, with floor(x) at
    each of ``offsets``."""
    expr = a.expr
    n = sp.Symbol("n", integer=True)
    points = set()
    values = {a.params[k].symbol: v for k, v in floats.items()}
    for piecewise in expr.atoms(sp.Piecewise):
        for _, cond in piecewise.args:
            for rel in cond.atoms(sp.core.relational.Relational):
                equation = (rel.lhs - rel.rhs).xreplace(values)
                for offset in offsets:
                    eq = equation.replace(sp.floor, lambda u: n).xreplace({n: offset})
                    for root in sp.solve(eq, a.expr.free_symbols & {sp.Symbol("x", real=True)} or [sp.Symbol("x")]):
                        if root.is_real:
                            points.add(float(root))
    return sorted(points)


def location_params(a: Approximation) -> list[str]:
    """Float parameters that enter only as x - p (a centre, a threshold):
    f(x + p; p) does not depend on p."""
    shift = {}
    for name in a.float_params:
        symbol = a.params[name].symbol
        shift[name] = symbol not in a.expr.xreplace({x: x + symbol}).free_symbols
    return [n for n, is_location in shift.items() if is_location]


def reduced_x(a: Approximation, floats: dict, xs) -> np.ndarray:
    """|x| measured from where the op starts computing, exactly or with one
    rounding: x - round(x) for a shift-equivariant op (evaluated there), x -
    p for location parameters p, else x itself. Rounding what any
    evaluation computes from there moves f by about eps * |reduced x| * |df/dx|."""
    if a.shift_equivariant:
        return np.array([abs(float(Fraction(float(v)) - round(Fraction(float(v))))) for v in xs])
    shift = sum(Fraction(floats[n]) for n in location_params(a))
    return np.array([abs(float(Fraction(float(v)) - shift)) for v in xs])


def x_grid(a: Approximation, floats: dict, dtype, full: bool = False) -> tuple[np.ndarray, list[str]]:
    """Sorted distinct x of the dtype and the kind of each point."""
    dtype = np.dtype(dtype).type
    finfo = np.finfo(dtype)
    tagged = []  # (kind, values); earlier kinds win for equal values

    def add(kind, values):
        tagged.append((kind, np.asarray(values, dtype=np.float64).astype(dtype)))

    # integers and half-integers, small and near the end of exact halves
    mantissa = finfo.nmant
    integers = [float(k) for k in range(-3, 4)] + [2.0**10, -(2.0**10), 2.0 ** (mantissa - 1), -(2.0 ** (mantissa - 1))]
    halves = [k + 0.5 for k in range(-4, 4)] + [2.0**10 + 0.5, -(2.0**10) - 0.5, 2.0 ** (mantissa - 1) - 0.5]
    edges = breakpoints(a, floats, offsets=(-2, 0, 1, 2**10, -(2**10), 2 ** (mantissa - 2)))
    centers = [floats[name] for name in location_params(a)]
    specials = [("integer", integers), ("half-integer", halves), ("breakpoint", edges), ("centre", centers)]
    for kind, values in specials:
        add(kind, values)
    for kind, values in specials:
        values = np.asarray(values, dtype=np.float64).astype(dtype)
        add(f"next to {kind}", np.concatenate([np.nextafter(values, dtype(np.inf)), np.nextafter(values, dtype(-np.inf))]))
    add("uniform", np.linspace(-3, 3, 97))
    # TensorFlow's CPU kernels flush subnormal numbers to zero, inputs and
    # intermediates: the smallest magnitudes are taken well inside the normal range
    small = float(finfo.tiny) * 2.0**30
    decades = np.log10(float(finfo.max)) - np.log10(small)
    count = int(np.ceil(decades * MAGNITUDES_PER_DECADE[full][np.dtype(dtype).name])) + 1
    magnitudes = np.geomspace(small, float(finfo.max), count)
    magnitudes[-1] = float(finfo.max)
    add("magnitude", np.concatenate([magnitudes, -magnitudes]))
    large = [1e3 + 0.25, 1e6 + 0.3, 2.0**20 + 0.5, 12345.75, -54321.25]
    add("large", large + [-v for v in large])
    seen = {}
    for kind, values in tagged:
        values = np.where((values != 0) & (np.abs(values) < small), np.sign(values) * small, values).astype(dtype)
        for v in values:
            if np.isfinite(v):
                seen.setdefault(float(v), kind)
    xs = np.array(sorted(seen), dtype=dtype)
    return xs, [seen[float(v)] for v in xs]


def rational_tail(a: Approximation, floats: dict, xs, dtype_name: str) -> np.ndarray:
    """max(|d|, |s*d|) > max**(1/5), d the reduced x and s the product of the
    scale parameters: where a rational function's derivatives form powers
    that overflow in the dtype."""
    scale = float(np.prod([abs(v) for n, v in floats.items() if n not in location_params(a)] or [1.0]))
    reduced = reduced_x(a, floats, xs)
    with np.errstate(over="ignore"):
        return np.maximum(reduced, scale * reduced) > float(np.finfo(dtype_name).max) ** 0.2


def near_integers(a: Approximation, floats: dict, xs, dtype_name: str) -> np.ndarray:
    """|x - round(x)| < 2**-6."""
    xs = np.asarray(xs, dtype=np.float64)
    return np.abs(xs - np.round(xs)) < 2.0**-6


def everywhere(a: Approximation, floats: dict, xs, dtype_name: str) -> np.ndarray:
    return np.ones(len(xs), dtype=bool)


@dataclass(frozen=True)
class KnownLimit:
    """Where an op misses the targets, measured and documented (README,
    Known limits): inside ``region`` the listed outputs are reported, not
    failed, unless their error exceeds ``ulps`` (when given)."""

    op: str
    label: str
    outputs: tuple[str, ...]
    region: object  # (approximation, floats, xs, dtype name) -> bool array
    reason: str
    dtypes: tuple[str, ...] = DTYPES
    params: dict = field(default_factory=dict)  # applies only at these parameter values
    ulps: float | None = None
    quick_grid: bool = True  # shows on the --quick grids too (tests/test_verification.py checks it does)

    def applies(self, a, floats, dtype_name, wrt) -> bool:
        return (
            a.name == self.op
            and output_label(wrt) in self.outputs
            and dtype_name in self.dtypes
            and all(floats.get(k) == v for k, v in self.params.items())
        )


_SECOND = ("d2/dx dx", "d2/dx d{p}", "d2/dx dcenter", "d2/d{p} d{p}", "d2/d{p} dcenter", "d2/dcenter dcenter")
KNOWN_LIMITS = [
    KnownLimit(
        "soft_round",
        "float64 rounding",
        ("d2/dx dalpha",),
        everywhere,
        "float64: sigmoid, tanh and exp factors and their alpha-derivatives, each rounded; 4.44 ULP at "
        "t = x - round(x) = 0.25, alpha = 5",
        dtypes=("float64",),
        ulps=4.5,
    ),
    KnownLimit(
        "soft_round_inverse",
        "float32 next to the integers",
        ("d2/dalpha dalpha",),
        near_integers,
        "float32: the atanh(z)/z form's alpha-derivatives next to an integer; 13.7 ULP (5.1 times the "
        "condition bound) at x = -3.0000002, alpha = 15",
        dtypes=("float32",),
        ulps=16.0,
    ),
    *[
        KnownLimit(
            "soft_round_inverse",
            f"{dtype}, large alpha, next to the integers",
            ("d2/dx dx", "d2/dx dalpha", "d2/dalpha dalpha"),
            near_integers,
            f"{dtype}, alpha = 1e6: within about {distance} of an integer the second derivatives reach {size}, "
            "and their intermediate terms overflow to inf",
            dtypes=(dtype,),
            params={"alpha": 1e6},
            quick_grid=quick_grid,
        )
        # float64's overflow is that close to an integer only on the full grid
        for dtype, distance, size, quick_grid in (("float32", "1e-21", "1e35", True), ("float64", "1e-155", "3e303", False))
    ],
    *[
        KnownLimit(
            op,
            "rational tail",
            tuple(o.format(p=p) for o in (f"d/d{p}",) + _SECOND),
            rational_tail,
            f"powers of {p}*(x - center) up to the fifth overflow and terms cancel: the derivative in {p} and "
            "the second derivatives lose their relative accuracy, underflow to 0 or, at |x| near the largest "
            "float, come out NaN; the exact values there are below 1e-20 (float32) or 1e-100 (float64)",
        )
        for op, p in (("atan_step", "alpha"), ("fast_sigmoid_step", "steepness"))
    ],
    KnownLimit(
        "sine_round",
        "width 1: edges at the integers",
        ("f", "d2/dx dx", "d2/dx dwidth", "d2/dwidth dwidth"),
        near_integers,
        "with width 1 the window's edges are the integers: next to them f = n + sin(pi*r/2)**2 is formed as "
        "n + (1 + sin(pi*(r - 1/2)))/2, which cancels (and x - floor(x) = 1 + x rounds just below 0), and the "
        "window test 1 - 2r >= width rounds onto the flat side within eps of an integer",
        params={"width": 1.0},
    ),
    KnownLimit(
        "atan_step",
        "cancellation near |z| = 1",
        ("d2/dx dalpha", "d2/dalpha dcenter"),
        everywhere,
        "1/(2*(1 + z**2)) - z**2/(1 + z**2)**2 cancels for |z| near 1: up to 8.5 ULP (float32) and 8.6 ULP "
        "(float64)",
        ulps=9.0,
    ),
    KnownLimit(
        "swish_sign",
        "float32 rounding",
        ("d2/dx dbeta",),
        everywhere,
        "float32: a sum of four rounded terms; 4.08 ULP at x = -1, beta = 5",
        dtypes=("float32",),
        ulps=5.0,
    ),
]


# Results below this may have passed through subnormal intermediates, which
# TensorFlow's CPU kernels flush to zero: the smallest normal number / eps.
UNDERFLOW = {name: float(np.finfo(name).tiny / np.finfo(name).eps) for name in ("float32", "float64")}


def _ulp(values: np.ndarray, dtype) -> np.ndarray:
    """Spacing of the dtype at each value, at least UNDERFLOW."""
    name = np.dtype(dtype).name
    magnitude = np.minimum(np.abs(values), float(np.finfo(name).max))
    typed = magnitude.astype(name)
    with np.errstate(over="ignore"):
        spacing = np.spacing(typed).astype(np.float64)
    # numpy's spacing at the largest float is inf: the gap below it instead
    below = (typed - np.nextafter(typed, np.zeros_like(typed))).astype(np.float64)
    spacing = np.where(np.isinf(spacing), below, spacing)
    return np.maximum(spacing, UNDERFLOW[name])


def output_label(wrt: tuple[str, ...]) -> str:
    """"f", "d/dx", "d2/dx dsteepness": one name per output."""
    if not wrt:
        return "f"
    if len(wrt) == 1:
        return f"d/d{wrt[0]}"
    return f"d{len(wrt)}/" + " ".join(f"d{v}" for v in wrt)


@dataclass
class OutputStats:
    """Errors of one output of one op, mode and dtype, over every grid point
    and parameter set: ULPs everywhere, and at the ill-conditioned points the
    error relative to the condition bound."""

    ulps: list[float] = field(default_factory=list)
    well_ulps: list[float] = field(default_factory=list)
    ill_ratios: list[float] = field(default_factory=list)
    ill_kinds: Counter = field(default_factory=Counter)
    worst_well: str = ""
    worst_ill: str = ""
    # per KnownLimit (op, label): points inside its region that missed a target, and their worst ULPs
    limited: Counter = field(default_factory=Counter)
    limited_worst: dict = field(default_factory=dict)

    @property
    def points(self) -> int:
        return len(self.ulps)

    def note_limit(self, limit, missed, worst_ulps: float):
        count = int(np.count_nonzero(missed))
        if count:
            key = (limit.op, limit.label)
            self.limited[key] += count
            self.limited_worst[key] = max(self.limited_worst.get(key, 0.0), worst_ulps)

    @property
    def max_ulp(self) -> float:
        """Largest error in ULPs at the well-conditioned points."""
        return max(self.well_ulps, default=0.0)

    @property
    def median_ulp(self) -> float:
        """Median error in ULPs over all points."""
        return float(np.median(self.ulps)) if self.ulps else 0.0

    @property
    def ill(self) -> int:
        return len(self.ill_ratios)

    @property
    def max_condition(self) -> float:
        """Largest error / condition bound at the ill-conditioned points."""
        return max(self.ill_ratios, default=0.0)

    def add(self, ulps, ratios, well, kinds, describe):
        self.ulps += ulps.tolist()
        if np.any(well):
            worst = int(np.argmax(np.where(well, ulps, -1.0)))
            if ulps[worst] >= self.max_ulp:
                self.worst_well = describe(worst)
            self.well_ulps += ulps[well].tolist()
        if np.any(~well):
            worst = int(np.argmax(np.where(well, -1.0, ratios)))
            if ratios[worst] >= self.max_condition:
                self.worst_ill = describe(worst)
            self.ill_ratios += ratios[~well].tolist()
            self.ill_kinds.update(k for k, w in zip(kinds, well) if not w)


@dataclass
class Measurement:
    """Errors of one op, mode and dtype over its grids and parameter sets."""

    outputs: dict[tuple[str, ...], OutputStats] = field(default_factory=dict)
    finite_difference: float = 0.0
    failures: list[str] = field(default_factory=list)
    points: int = 0

    def output(self, wrt) -> OutputStats:
        return self.outputs.setdefault(tuple(wrt), OutputStats())

    @property
    def ulps(self) -> dict[str, float]:
        """Largest well-conditioned ULP error by derivative order."""
        by_order = {"forward": 0.0, "first": 0.0, "second": 0.0}
        for wrt, stats in self.outputs.items():
            kind = ("forward", "first", "second")[len(wrt)]
            by_order[kind] = max(by_order[kind], stats.max_ulp)
        return by_order

    @property
    def condition(self) -> float:
        return max((s.max_condition for s in self.outputs.values()), default=0.0)


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


def judge(values, exact, sensitivity, dtype_name):
    """(ULPs, error / condition bound, well conditioned?) at each point."""
    eps = float(np.finfo(dtype_name).eps)
    with mpmath.workdps(30):
        error = np.array([float(abs(mpmath.mpf(c) - e)) for c, e in zip(values, exact)])
    exact_f = np.array([float(e) for e in exact])
    ulp = _ulp(exact_f, dtype_name)
    ulps = error / ulp
    ratios = error / (eps * (np.abs(exact_f) + sensitivity) + UNDERFLOW[dtype_name])
    well = eps * sensitivity <= ulp
    return ulps, ratios, well


def accepted_error(a: Approximation, ref, point, floats: dict, dtype_name: str, wrt=()) -> float:
    """The largest error ``compare_case`` accepts for output ``wrt`` at one
    point: ULP_TARGET ULPs where well conditioned, else CONDITION_TARGET
    times the condition bound."""
    eps = float(np.finfo(dtype_name).eps)
    exact = float(ref.evaluate(tuple(wrt), point))
    magnitudes = [reduced_x(a, floats, [point[0]])[0]] + [
        0.0 if n in location_params(a) else abs(v) for n, v in zip(a.float_params, point[1:])
    ]
    sensitivity = sum(m * abs(float(ref.evaluate(tuple(wrt) + (v,), point))) for m, v in zip(magnitudes, ref.names) if m)
    ulp = float(_ulp(np.array([exact]), dtype_name)[0])
    if eps * sensitivity <= ulp:
        return ULP_TARGET * ulp
    return CONDITION_TARGET * eps * (abs(exact) + sensitivity) + UNDERFLOW[dtype_name]


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
        xs, _ = x_grid(a, floats, np.float64)
        grid = [v for v in xs if abs(v) < 1e6 and min(abs(v - k) for k in kinks) > 1e-9]
        worst = mpmath.mpf(0)
        for v in grid:
            point = (float(v), *floats.values())
            derived = ref.evaluate(() if wrt == "y" else (wrt,), point)
            given = published.evaluate((), point)
            worst = max(worst, abs(derived - given) / max(1, abs(given)))
        checks.append(PublishedCheck(a.name, wrt, citation, len(grid), float(worst)))
    return checks
