"""The grids: parameter sets and x points where the verifier compares.

Parameter sets are the defaults, each float parameter moved and at the ends
of its domain, each int parameter at its lowest value and moved up. The x
grid holds integers, half-integers, breakpoints and centres with both float
neighbours, uniform points, log-spaced magnitudes up to the largest finite
value and a few large non-integers.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import mpmath
import numpy as np
import sympy as sp

from ..functions import HardFunction, LoweredFunction, hard_round
from ..reference import written_out
from ..spec import Approximation, x

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
    xs: tuple = ()  # a regression set's own points, verified instead of the grid


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
        domain = a.params[name].valid_set
        low = int(domain.inf)
        if low != ints[name]:
            sets.append(ParameterSet(f"{name}={low}", floats, {**ints, name: low}, at_domain_end=True))
        up = ints[name] + 2
        if domain.contains(up):
            sets.append(ParameterSet(f"{name}={up}", floats, {**ints, name: up}))
        elif domain.sup != ints[name]:
            sets.append(ParameterSet(f"{name}={int(domain.sup)}", floats, {**ints, name: int(domain.sup)}, at_domain_end=True))
    return [s for s in sets if meets_constraints(a, s.floats)]


def meets_constraints(a: Approximation, floats: dict) -> bool:
    """Whether the float parameters meet the entry's constraints (min < max)."""
    values = {a.params[n].symbol: sp.Float(v) for n, v in floats.items()}
    return all(bool(c.xreplace(values)) for c in a.constraints)


# SymPy's solve takes up to seconds per condition, and the suite asks for the same grid
# for every mode and backend: each result is kept per expression and parameter values
_SOLVED: dict = {}


def _kept(kind: str, expr, floats: dict, *rest):
    """The cache key of one grid computation; every input it depends on."""
    return (kind, expr, tuple(sorted(floats.items())), *rest)


def breakpoints(a: Approximation, floats: dict, offsets=(-2, 0, 1), ints: dict | None = None) -> list[float]:
    """x where a Piecewise condition of the spec switches, with floor(x) at
    each of ``offsets``."""
    key = _kept("breakpoints", a.expr, floats, tuple(a.params.items()), tuple(offsets), tuple(sorted((ints or {}).items())))
    if key not in _SOLVED:
        _SOLVED[key] = _breakpoints(a, floats, offsets, ints)
    return list(_SOLVED[key])


def _breakpoints(a: Approximation, floats: dict, offsets, ints: dict | None) -> list[float]:
    expr = a.expr
    n = sp.Symbol("n", integer=True)
    points = set()
    values = {a.params[k].symbol: sp.Float(v) for k, v in floats.items()}
    values.update({a.params[k].symbol: sp.Integer(v) for k, v in (ints or {}).items()})
    for piecewise in expr.atoms(sp.Piecewise):
        for _, cond in piecewise.args:
            for rel in cond.atoms(sp.core.relational.Relational):
                equation = _numbers(written_out((rel.lhs - rel.rhs).xreplace(values))).replace(sp.floor, lambda u: n)
                within_period = equation.xreplace({x: x + n})
                if n in equation.free_symbols and n not in within_period.free_symbols:
                    # a condition on x - floor(x) alone: solved once, its roots moved to each offset
                    points |= {offset + root for root in _real_roots(within_period) for offset in offsets}
                    continue
                for offset in offsets:
                    points |= _real_roots(equation.xreplace({n: offset}))
    return sorted(points | _cell_edges(a, values, points, offsets))


# a quantizer's cells between its Piecewise's ends are all boundaries up to this count
MAX_CELLS = 64


def _cell_edges(a: Approximation, values: dict, ends: set[float], offsets) -> set[float]:
    """x where a floor of a computed argument (a quantizer's cell, such as
    floor((x - lower)/delta)) jumps: every jump between the other
    breakpoints where they bound at most MAX_CELLS cells, else those at the
    offsets (derivatives may jump there, as at a Piecewise's switch)."""
    from .decisions import _computed_cells

    found = set()
    for cell in _computed_cells(a.expr):
        if not isinstance(cell, sp.floor):
            continue
        # a floor of a rounded value (a nudged zero point) is no cell of x; without the
        # integer parameters (bits) the cells are not placed
        if cell.args[0].has(HardFunction) or cell.args[0].xreplace(values).free_symbols != {x}:
            continue
        argument = _numbers(written_out(cell.args[0].xreplace(values)))
        levels = set(offsets)
        if len(ends) >= 2:
            at_ends = [float(argument.xreplace({x: e})) for e in (min(ends), max(ends))]
            low, high = math.floor(min(at_ends)), math.ceil(max(at_ends))
            if high - low <= MAX_CELLS:
                levels = set(range(low, high + 1))
        for level in sorted(levels):
            found |= _real_roots(argument - level)
    return found


def level_position(a: Approximation, values: dict) -> tuple:
    """x's position in steps (``levels``, linear in x: the spec checks it) with
    ``values`` put in, its slope in x and its value at x = 0: level n is at
    x = (n - start)/slope."""
    position = a.levels.xreplace(values)
    return position, sp.diff(position, x), position.xreplace({x: 0})


_BEYOND = sp.Integer(10) ** 400  # past every float: a clipped quantizer's ends there


def quantizer_levels(a: Approximation, floats: dict, ints: dict | None = None) -> list[float]:
    """The levels of a quantizer whose float parameters place them (``levels``
    in the spec: x where it is an integer), between the hard function's limits
    at -inf and inf where both are numbers (a clip's ends), else between the
    breakpoints: all of them up to MAX_CELLS + 1, else the three at either end
    and the middle one."""
    if a.levels is None:
        return []
    ints = {**{n: int(a.params[n].default) for n in a.int_params}, **(ints or {})}
    values = {a.params[k].symbol: sp.Rational(float(v)) for k, v in floats.items()}
    values.update({a.params[k].symbol: sp.Integer(v) for k, v in ints.items()})
    position, slope, start = level_position(a, values)
    hard = a.hard_expr.xreplace(values) if a.hard_expr is not None else None
    limits = [hard.xreplace({x: v}) for v in (-_BEYOND, _BEYOND)] if hard is not None else []
    if limits and all(v.is_Number for v in limits):  # numbers, not an unevaluated hard_round(10**400)
        ends = [position.xreplace({x: v}) for v in limits]
    else:
        ends = [position.xreplace({x: sp.Rational(e)}) for e in breakpoints(a, floats, ints=ints)]
    if not ends:
        return []
    low, high = math.ceil(min(ends)), math.floor(max(ends))
    indices = range(low, high + 1)
    if high - low > MAX_CELLS:
        indices = [low, low + 1, low + 2, (low + high) // 2, high - 2, high - 1, high]
    return [float((n - start) / slope) for n in indices]


def _numbers(expr: sp.Expr) -> sp.Expr:
    """expr with each function of the parameters alone (sigmoid_slope(alpha),
    exp(-alpha)) replaced by its value as a float: SymPy can solve for x
    then, and a value below the float64 range is 0, not a rational of
    400000 digits."""
    # a Float SymPy computed already (exp(-1e6)) goes through _float too
    expr = expr.replace(lambda e: e.is_Float, _float)
    return expr.replace(
        lambda e: isinstance(e, (LoweredFunction, HardFunction, sp.exp)) and not e.free_symbols,
        lambda e: _float(_value_of(e)),
    )


def _float(value) -> sp.Float:
    """value to 30 digits (a nudged range's end rounded to float64 first would miss the
    switch by ULPs); outside the float64 range, as float64 rounds it (0 or inf)."""
    value = sp.Float(value, 30)
    if _FLOAT64_TINY <= abs(value) <= _FLOAT64_MAX:
        return value
    return sp.Float(float(value))


_FLOAT64_TINY, _FLOAT64_MAX = (sp.Float(v, 30) for v in (np.finfo(np.float64).tiny, np.finfo(np.float64).max))


def _value_of(function: sp.Expr):
    """A function of numbers as a number; one that SymPy leaves unevaluated
    (round_half_away(127.5) in a quantizer's nudged range) through its mpmath reference."""
    if not hasattr(type(function), "reference_value"):
        return written_out(function).evalf(30)
    with mpmath.workdps(30):
        return type(function).reference_value(*[mpmath.mpf(str(arg.evalf(30))) for arg in function.args])


def _real_roots(equation: sp.Expr) -> set[float]:
    """The real x where ``equation`` is 0, as far as SymPy can solve it."""
    # a root that depends on another symbol (an integer parameter not given) is not placed
    if equation.free_symbols != {x}:
        return set()
    try:
        roots = sp.solve(equation, x)
    except NotImplementedError:  # a transcendental condition: its switch is not on the grid
        return set()
    # a root that stays symbolic (a hard function of the parameters) is not placed
    return {float(root) for root in roots if root.is_real and root.is_number and not root.has(HardFunction)}


def hard_jumps(a: Approximation, floats: dict) -> list[float]:
    """x where the hard function of a step or sign jumps (its argument is
    0); a round's jumps are the half-integers, on the grid anyway."""
    if a.hard_expr is None:
        return []
    key = _kept("jumps", a.hard_expr, floats, tuple(a.params.items()))
    if key not in _SOLVED:
        _SOLVED[key] = _hard_jumps(a, floats)
    return list(_SOLVED[key])


def _hard_jumps(a: Approximation, floats: dict) -> list[float]:
    values = {a.params[k].symbol: sp.Float(v) for k, v in floats.items()}
    points = set()
    for function in a.hard_expr.atoms(HardFunction):
        argument = function.args[0].xreplace(values)
        if not isinstance(function, hard_round):
            points |= _real_roots(argument)
        elif argument != x:
            # a round of a scaled x (a quantizer's x/scale): its first jumps each side of 0
            for k in range(-3, 3):
                points |= _real_roots(argument - k - sp.Rational(1, 2))
    return sorted(points)


def location_params(a: Approximation) -> list[str]:
    """Float parameters that enter only as x - p (a centre, a threshold):
    f(x + p; p) does not depend on p."""
    shift = {}
    for name in a.float_params:
        symbol = a.params[name].symbol
        shift[name] = symbol not in a.expr.xreplace({x: x + symbol}).free_symbols
    return [n for n, is_location in shift.items() if is_location]



def x_grid(a: Approximation, floats: dict, dtype, full: bool = False, ints: dict | None = None) -> tuple[np.ndarray, list[str]]:
    """Sorted distinct x of the dtype and the kind of each point; with the
    integer parameters, also the breakpoints that depend on them (a
    quantizer's clip edges and cells, which move with bits)."""
    dtype = np.dtype(dtype).type
    finfo = np.finfo(dtype)
    tagged = []  # (kind, values); earlier kinds win for equal values

    def add(kind, values):
        tagged.append((kind, np.asarray(values, dtype=np.float64).astype(dtype)))

    # integers and half-integers, small and near the end of exact halves
    mantissa = finfo.nmant
    integers = [float(k) for k in range(-3, 4)] + [2.0**10, -(2.0**10), 2.0 ** (mantissa - 1), -(2.0 ** (mantissa - 1))]
    halves = [k + 0.5 for k in range(-4, 4)] + [2.0**10 + 0.5, -(2.0**10) - 0.5, 2.0 ** (mantissa - 1) - 0.5]
    edges = breakpoints(a, floats, offsets=(-2, 0, 1, 2**10, -(2**10), 2 ** (mantissa - 2)), ints=ints)
    centers = [floats[name] for name in location_params(a)]
    jumps = hard_jumps(a, floats)
    specials = [
        ("level", quantizer_levels(a, floats, ints)),
        ("integer", integers),
        ("half-integer", halves),
        ("breakpoint", edges),
        ("centre", centers),
        ("jump of the hard function", jumps),
    ]
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
    with np.errstate(over="ignore"):  # geomspace's last power passes the largest float64 on the way
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
