"""Where a quantizer's result is decided by a comparison that rounding can flip.

A quantizer's hard function is a composition (scale, offset, clip, round):
the round or floor, the clip's comparisons and the gradient's conditions
are each decided on an argument the op computes with a few roundings. Where
that argument lies within those roundings of a jump, the dtype's result may
take the level on the other side, as every framework's quantizer does; the
50-digit reference decides on the exact argument. Such points are left out
of the comparison (and counted); everywhere else the op must agree.

The rounding of an argument u is bounded by ``ROUNDINGS`` * eps * |u|_abs,
where |u|_abs evaluates u with every term and factor by its magnitude (the
classical bound on a sum's or product's accumulated rounding). This applies
to ops whose definition has a ``straight_through`` (a value from one
expression, a derivative from another), and to the floors and rounds of a
computed argument (a quantizer's cells); the others are compared exactly at their
jumps, as before.
"""

from __future__ import annotations

import mpmath
import numpy as np
import sympy as sp

from ..functions import HardFunction, evaluated_first, hard_round, hard_sign, hard_step
from ..quantization import divided, round_half_away, straight_through
from ..reference import _numeric_functions, written_out
from ..spec import Approximation, x

# a bound on the roundings in one decided argument (a few operations each,
# with their own inputs rounded): generous, so that only points at a jump go
ROUNDINGS = 16


def applies(a: Approximation) -> bool:
    return _quantizer(a) or bool(_computed_cells(a.expr)) or (a.hard_expr is not None and bool(_computed_cells(a.hard_expr)))


def _quantizer(a: Approximation) -> bool:
    return a.expr.has(straight_through) or (a.hard_expr is not None and a.hard_expr.has(straight_through))


def _computed_cells(expr: sp.Expr) -> list:
    """The floors and rounds of an argument the op computes with roundings
    (such as (x - lower)/delta), not x plus a constant, which the pipeline
    decides exactly: where they jump, a derivative that is discontinuous
    there (a second one) takes either side."""
    cells = []
    for f in expr.atoms(sp.floor, hard_round):
        constant, rest = f.args[0].as_coeff_Add()
        if f.args[0].has(x) and rest != x:
            cells.append(f)
    return cells


def _computed_signs(a: Approximation, expr: sp.Expr) -> list:
    """The signs of an argument computed from x and the float parameters with
    roundings (x - L for a level L that lower and upper place), not x - p,
    which the pipeline decides exactly: where such an argument crosses 0 the
    op's side of it, and so a second derivative that jumps there, is the
    rounded argument's."""
    parameters = {a.params[n].symbol for n in a.float_params}
    return [
        f
        for f in expr.atoms(sp.sign)
        if f.args[0].has(x) and f.args[0].free_symbols & parameters and not _exact_comparison(f.args[0])
    ]


def _magnitude(e: sp.Expr) -> sp.Expr:
    """e with each term and factor by its magnitude."""
    if e.is_Add:
        return sp.Add(*[_magnitude(t) for t in e.args])
    if e.is_Mul:
        return sp.Mul(*[_magnitude(f) for f in e.args])
    if e.is_Pow and e.exp.is_number:
        return _magnitude(e.base) ** e.exp
    if isinstance(e, (evaluated_first, straight_through)):
        return _magnitude(e.args[0])
    if isinstance(e, divided):
        return _magnitude(e.args[0]) / sp.Abs(e.args[1])
    if isinstance(e, sp.Piecewise):
        return sp.Piecewise(*[(_magnitude(value), condition) for value, condition in e.args])
    return sp.Abs(e)


def _decisions(expr: sp.Expr) -> list[tuple[sp.Expr, str]]:
    """(argument, kind) of each decision in expr: "half" for a round (jumps at
    the half-integers), "integer" for floor, "zero" for a step or sign,
    "comparison" for a Piecewise condition's (a clip's or a gradient's side)."""
    found = []
    for f in expr.atoms(hard_round, round_half_away):
        found.append((f.args[0], "half"))
    for f in expr.atoms(hard_step, hard_sign):
        found.append((f.args[0], "zero"))
    for f in expr.atoms(sp.floor):
        found.append((f.args[0], "integer"))
    for relation in expr.atoms(sp.core.relational.Relational):
        if not _exact_comparison(relation.lhs - relation.rhs):
            found.append((relation.lhs - relation.rhs, "comparison"))
    return [(u, kind) for u, kind in found if u.has(x)]


def _exact_comparison(u: sp.Expr) -> bool:
    """Whether u = 0 compares x with a parameter or a number as given (x >= alpha):
    decided without rounding, as the reference decides it."""
    given, varying = u.as_independent(x, as_Add=True)
    return varying in (x, -x) and (given.is_Symbol or given.is_Number or (-given).is_Symbol)


def _distance(u, kind):
    if kind == "half":
        return abs(u - mpmath.floor(u) - mpmath.mpf(1) / 2)
    if kind == "integer":
        return min(u - mpmath.floor(u), mpmath.ceil(u) - u)
    return abs(u)


def near_decisions(a: Approximation, floats: dict, ints: dict, xs, dtype_name: str, comparisons_only=False) -> np.ndarray:
    """True where some decision of the op (its hard function's or its
    gradient's) is within its arguments' rounding of a jump; with
    ``comparisons_only``, a decision of a Piecewise condition (the side of
    a clip, where the derivatives change too)."""
    near = np.zeros(len(xs), dtype=bool)
    if not applies(a):
        return near
    values = {a.params[n].symbol: sp.Float(v, 30) for n, v in floats.items()}
    values.update({a.params[n].symbol: sp.Integer(v) for n, v in ints.items()})
    exprs = [a.expr] + ([a.hard_expr] if a.hard_expr is not None else [])
    if _quantizer(a):
        decisions = {d for e in exprs for d in _decisions(e.xreplace(values))}
    else:
        cells = sp.Add(*[c for e in exprs for c in _computed_cells(e)]).xreplace(values)
        decisions = {d for d in _decisions(cells) if d[1] not in ("zero", "comparison")}
        decisions |= {(f.args[0].xreplace(values), "zero") for e in exprs for f in _computed_signs(a, e)}
    if comparisons_only:
        decisions = {d for d in decisions if d[1] == "comparison"}
    eps = mpmath.mpf(float(np.finfo(dtype_name).eps))
    modules = [_numeric_functions(), "mpmath"]
    for u, kind in sorted(decisions, key=lambda d: sp.default_sort_key(d[0])):
        argument = sp.lambdify([x], written_out(u), modules=modules)
        magnitude = sp.lambdify([x], written_out(_magnitude(u)), modules=modules)
        with mpmath.workdps(40):
            for i, v in enumerate(xs):
                if near[i] or not np.isfinite(v):
                    continue
                try:
                    value, size = argument(mpmath.mpf(float(v))), magnitude(mpmath.mpf(float(v)))
                except (ZeroDivisionError, ValueError):
                    continue
                near[i] = _distance(value, kind) <= ROUNDINGS * eps * abs(size)
    return near


def hard_tolerance(ref, points, dtype_name: str) -> np.ndarray:
    """The error a composed hard value may have away from its jumps: the
    condition bound with its magnitude, CONDITION_TARGET * eps * |y|_abs."""
    from .conditioning import CONDITION_TARGET

    a = ref.a
    symbols = {a.params[n].symbol: sp.Integer(v) for n, v in ref.ints.items()}
    magnitude = sp.lambdify(ref.symbols, written_out(_magnitude(a.hard_expr.xreplace(symbols))), modules=[_numeric_functions(), "mpmath"])
    eps = float(np.finfo(dtype_name).eps)
    with mpmath.workdps(30):
        sizes = np.array([float(abs(magnitude(*[mpmath.mpf(v) for v in p]))) for p in points])
    return CONDITION_TARGET * eps * sizes
