"""Exact derivatives, with explicit almost-everywhere rules.

floor, ceiling, sign and Heaviside are locally constant: their derivative is
zero wherever it exists. We freeze them into plain symbols while SymPy
differentiates, so no ``Derivative(floor(x), x)`` or ``DiracDelta`` is ever
produced. Piecewise expressions differentiate branch by branch, keeping the
forward pass's conditions (the one-sided derivative at a breakpoint).
"""

from __future__ import annotations

import functools

import sympy as sp
from sympy.logic.boolalg import ITE

from .spec import DefinitionError

LOCALLY_CONSTANT = (sp.floor, sp.ceiling, sp.sign, sp.Heaviside)


def normalize(expr: sp.Expr) -> sp.Expr:
    """One canonical form before differentiation and lowering.

    frac(u) and Mod(u, 1) become u - floor(u) (cheaper than floormod and
    exact), Min/Max become Piecewise so their derivatives stay printable.
    """
    expr = expr.replace(sp.frac, lambda u: u - sp.floor(u))
    expr = expr.replace(
        lambda e: isinstance(e, sp.Mod) and e.args[1] == 1, lambda e: e.args[0] - sp.floor(e.args[0])
    )
    if expr.has(sp.Min, sp.Max):
        expr = sp.piecewise_fold(expr.rewrite(sp.Piecewise))
        expr = expr.replace(lambda e: isinstance(e, ITE), lambda e: e.to_nnf())
    return expr


# the pipeline takes each first derivative again for the Hessian and for each
# kernel that outputs it, and the references take the same ones again
@functools.lru_cache(maxsize=4096)
def _diff_almost_everywhere(expr: sp.Expr, var: sp.Symbol) -> sp.Expr:
    """sp.diff with locally constant functions held fixed (derivative 0)."""
    frozen = {}

    def freeze(e):
        if e not in frozen:
            frozen[e] = sp.Dummy(f"const{len(frozen)}", real=True)
        return frozen[e]

    held = expr.replace(lambda e: isinstance(e, LOCALLY_CONSTANT), freeze)
    result = sp.diff(held, var)
    # nested ones (sign(x - floor(x))) were frozen inside out: thaw until none is left
    thaw = {v: k for k, v in frozen.items()}
    while result.has(*thaw):
        result = result.xreplace(thaw)
    return result.replace(sp.DiracDelta, lambda *args: sp.S.Zero)


def differentiate(expr: sp.Expr, var: sp.Symbol, owner: str) -> sp.Expr:
    """d expr / d var almost everywhere; raise naming ``owner`` if SymPy leaves
    anything unevaluated."""
    result = _diff_almost_everywhere(expr, var)
    leftover = result.atoms(sp.Derivative, sp.Subs)
    if leftover:
        raise DefinitionError(
            f"{owner}: SymPy cannot evaluate the derivative with respect to {var}: {sorted(map(str, leftover))[0]}"
        )
    return result


def gradient(expr: sp.Expr, wrt: list[sp.Symbol], owner: str) -> list[sp.Expr]:
    return [differentiate(expr, v, owner) for v in wrt]


def hessian_upper(expr: sp.Expr, wrt: list[sp.Symbol], owner: str) -> list[sp.Expr]:
    """Second derivatives d2/(dv_i dv_j) for i <= j, row by row."""
    first = gradient(expr, wrt, owner)
    return [differentiate(first[i], wrt[k], owner) for i in range(len(wrt)) for k in range(i, len(wrt))]


def chain_rule_step(step: sp.Expr, var: sp.Symbol, order: int):
    """For u_next = step(u): the update of (u, du/dx, d2u/dx2) through one
    application, as expressions in symbols (u, D1, D2) (up to ``order``).
    floor(u) and the other locally constant functions of u differentiate to 0,
    as in ``differentiate``."""
    u = sp.Function("u")(var)
    composed = step.xreplace({var: u})
    updates = [composed]
    for _ in range(order):
        updates.append(_diff_almost_everywhere(updates[-1], var))
    state = sp.symbols("_u _D1 _D2", real=True)[: order + 1]
    derivs = [sp.Derivative(u, (var, k)) for k in range(order, 0, -1)]
    replacements = dict(zip(derivs, reversed(state[1:])))
    out = []
    for e in updates:
        e = e.subs(replacements).subs(u, state[0])
        out.append(e)
    return list(state), out
