"""Lowering: from exact SymPy derivatives to kernels ready to print.

Rewrites each expression into a stable, cheap form (special functions to
their stable elementary forms, expm1/log1p), evaluates shift-equivariant
functions on x - round(x), shares work with common-subexpression
elimination, and splits forward and backward so that the forward pass saves
exactly the intermediates the backward pass reuses (its residuals).
"""

from __future__ import annotations

import functools
from contextlib import contextmanager
from dataclasses import dataclass, field

import sympy as sp
from sympy.codegen.cfunctions import expm1

from . import derivatives
from .functions import (
    LoweredFunction,
    erfc_sum,
    evaluated_first,
    exp_sum,
    fraction_minus,
    half_integer_sigmoid_slope,
    hard_round,
    hard_step,
    product_no_nan,
    sigmoid,
    sigmoid_curvature,
    sigmoid_slope,
    sinhc,
    swish_sign_curvature,
    theta_minus_sin,
)
from .spec import Approximation, DefinitionError, x


def _is_exp_minus_one(e) -> bool:
    """Whether e is exp(w) - 1, exactly: checked on its two terms, which a
    pattern match (SymPy's, through signsimp) would take seconds to decide
    over a whole kernel."""
    return e.is_Add and len(e.args) == 2 and sp.S.NegativeOne in e.args and any(isinstance(a, sp.exp) for a in e.args)


def _expm1_of(e):
    """exp(w) - 1 as expm1(w)."""
    (power,) = [a for a in e.args if isinstance(a, sp.exp)]
    return expm1(power.args[0])


# exp(w) - 1 loses all relative accuracy for small w; expm1 never does. (SymPy's
# own expm1_opt also turns exp(-a) into exp(a) forms that overflow, and
# log(1 + w) -> log1p(w) is only better when w itself is exact, so neither is
# applied blindly.) Each rewrite: (which subexpression, its stable form).
STABLE_REWRITES = ((_is_exp_minus_one, _expm1_of),)
# Hyperbolic functions in operations TensorFlow Lite has built in: cosh as a sum
# of exponentials (no cancellation), sinh(w) as w*sinhc(w) (whose lowering is
# exact near 0, where exp(w) - exp(-w) would cancel).
HYPERBOLIC_REWRITES = (
    (sp.cosh, lambda w: (sp.exp(w) + sp.exp(-w)) / 2),
    (sp.sinh, lambda w: w * sinhc(w)),
)


@dataclass
class Loop:
    """``state = init; for _ in range(count): body; state = update``."""

    count: sp.Symbol
    state: list[sp.Symbol]
    init: list[sp.Expr]
    body: list[tuple[sp.Symbol, sp.Expr]]
    update: list[sp.Expr]


@dataclass
class Kernel:
    """One generated function: ``name(*args) -> outputs (+ residuals)``."""

    name: str
    args: list[sp.Symbol]
    prologue: list[tuple[sp.Symbol, sp.Expr]] = field(default_factory=list)
    loop: Loop | None = None
    body: list[tuple[sp.Symbol, sp.Expr]] = field(default_factory=list)
    outputs: list[tuple[sp.Symbol, sp.Expr]] = field(default_factory=list)
    residuals: list[sp.Symbol] = field(default_factory=list)


@dataclass
class KernelSet:
    """Everything generated for one approximation.

    ``variants`` maps a tag ("x" or "all") to the kernels that differentiate
    with respect to x alone or x and every float parameter.
    """

    hard: Kernel | None
    variants: dict[str, dict[str, Kernel | None]]
    wrt: dict[str, list[str]]


def _lower_tail(cdf):
    """(z, F(-|z|)) for a CDF-like term F(z) in (0, 1) with 1 - F(z) = F(-z),
    or None. F(-|z|) is the side that never cancels."""
    if isinstance(cdf, sigmoid):
        (z,) = cdf.args
        return z, sigmoid(-sp.Abs(z))
    for erf in cdf.atoms(sp.erf):
        (z,) = erf.args
        if sp.simplify(cdf - (1 + erf) / 2) == 0:
            return z, sp.erfc(sp.Abs(z)) / 2
    return None


def _integer_plus_cdf(add):
    """T + F(z) with T integer-valued and F a sigmoid or Gaussian CDF:
    (T + 1) - F(-z) for z > 0, so the sum keeps full relative accuracy next
    to the integers, where F(z) is close to 1 and T = -1 would cancel it."""
    integer = sp.Add(*[t for t in add.args if t.is_integer])
    if integer == 0:
        return add
    tail = _lower_tail(add - integer)
    if tail is None:
        return add
    z, small = tail
    # small taken once, times a sign: XLA computes a quotient that a kernel uses in
    # both branches in a loop of its own (t + (-s) rounds as t - s does)
    side = sp.Piecewise((evaluated_first(integer + 1), z > 0), (integer, True))
    return side + sp.Piecewise((-1, z > 0), (1, True)) * small


def _theta_minus_sin(add):
    """S + c*sin(t) with S = -c*t: -c*theta_minus_sin(t)."""
    for term in add.args:
        sines = [f for f in sp.Mul.make_args(term) if isinstance(f, sp.sin)]
        if len(sines) == 1:
            t = sines[0].args[0]
            c = term / sines[0]
            if sp.simplify(add - term + c * t) == 0:
                return -c * theta_minus_sin(t)
    return add


# a - a*f(t) -> a*g(t): complements that cancel where f(t) is close to 1
COMPLEMENTS = (
    (sp.cos, lambda t: 2 * sp.sin(t / 2) ** 2),  # 1 - cos(t)
    (lambda t: sp.tanh(t) ** 2, lambda t: 4 * sigmoid_slope(2 * t)),  # 1 - tanh(t)**2 = sech(t)**2
)


def _complements(add):
    """Rewrite each pair of terms a and -a*f(t) of a sum as a*g(t)."""
    terms = list(add.args)
    for term in add.args:
        for f, g in COMPLEMENTS:
            for factor in sp.Mul.make_args(term):
                t = _argument_if(factor, f)
                if t is None or term not in terms:
                    continue
                a = -term / factor
                if a in terms:
                    terms.remove(term)
                    terms.remove(a)
                    terms.append(a * g(t))
    return sp.Add(*terms)


def _argument_if(factor, f):
    """t if factor == f(t) for the complement's f, else None."""
    if f is sp.cos:
        return factor.args[0] if isinstance(factor, sp.cos) else None
    if factor.is_Pow and factor.exp == 2 and isinstance(factor.base, sp.tanh):
        return factor.base.args[0]
    return None


def _fraction_first(add):
    """c*x - c*floor(x) + rest: c*(x - floor(x)) + rest, the fractional part
    formed first. It is exact; (x - (floor(x) + 1/2)) is not once |x| is
    past the dtype's last half-integer."""
    x_coefficient = add.coeff(x)
    floors = [t for t in add.atoms(sp.floor) if t.args[0] == x]
    if not floors or x_coefficient == 0 or add.coeff(floors[0]) != -x_coefficient:
        return add
    rest = add - x_coefficient * (x - floors[0])
    offset, others = rest.as_coeff_Add()
    shift = -offset / x_coefficient
    if shift.is_Rational and 0 < shift <= 1:
        return x_coefficient * fraction_minus(x, shift) + others
    return x_coefficient * evaluated_first(x - floors[0]) + rest


def _floor_exactly(floor):
    """floor(w + c), c a non-integer rational: floor(c) + n + [rho >= 1 - f] - [rho < -f]
    with n = round(w), rho = w - n (exact) and f = c - floor(c). The sum w + c
    rounds: next to a boundary (w = 0.49999997, c = 1/2 in float32) it rounds
    onto it and floor steps a period too far; comparing the exact rho with
    1 - f and -f decides on w itself."""
    (argument,) = floor.args
    constant, w = argument.as_coeff_Add()
    if not constant.is_Rational or constant.is_integer or not w.free_symbols:
        return floor
    whole = sp.floor(constant)
    f = constant - whole
    n = hard_round(w)
    rho = w - n
    # |rho| <= 1/2: the step up exists only for f >= 1/2, the step down only for f < 1/2
    steps = []
    if 1 - f <= sp.S.Half:
        steps.append((1, rho >= 1 - f))
    if -f > -sp.S.Half:
        steps.append((-1, rho < -f))
    return whole + n + sp.Piecewise(*steps, (0, True))


# factors that decay faster than any chain-rule factor grows: multiplied last (product_no_nan)
DECAYING = (sigmoid_slope, sigmoid_curvature, swish_sign_curvature, half_integer_sigmoid_slope)


def _density_collected(add):
    """a*D + b*D + c: (a + b)*D + c for a logistic density D = sigmoid_slope(z):
    one rounding of the sum of the cofactors instead of one per term. A term
    in the density's slope sigmoid_curvature(z) = -tanh(z/2)*D joins them as
    that product: the sum of cofactors cancels where the terms would."""
    for density in sorted(add.atoms(sigmoid_slope), key=sp.default_sort_key):
        (z,) = density.args
        slope = sigmoid_curvature(z)
        if any(slope in sp.Mul.make_args(t) for t in add.args):
            add = add.xreplace({slope: -sp.tanh(z / 2) * density})
        having = [t for t in add.args if density in sp.Mul.make_args(t)]
        if len(having) > 1:
            others = [t for t in add.args if t not in having]
            return sp.Add(*others) + density * sp.Add(*[t / density for t in having])
    return add


def _density_distributed(mul):
    """c * (a*D1 + b*D2), D decaying factors (``DECAYING``), c a monomial: c*a*D1 + c*b*D2, so that each
    term's density can come last (a chain-rule factor c = x*x overflows where
    the densities underflow, at |x| = 1e300)."""
    for i, factor in enumerate(mul.args):
        if factor.is_Add and factor.has(*DECAYING):
            rest = sp.Mul(*(mul.args[:i] + mul.args[i + 1 :]))
            # only a chain-rule monomial in x (x**2 from d2/dbeta2 of f(beta*x)), on terms
            # that each decay
            if rest.atoms(sp.Function, sp.Piecewise) or not rest.has(x) or not all(t.has(*DECAYING) for t in factor.args):
                return mul
            return sp.Add(*[rest * term for term in factor.args])
    return mul


def _decaying_last(mul):
    """c * sigmoid_slope(z): product_no_nan(c, sigmoid_slope(z)) (and so for
    the other ``DECAYING`` factors), so that a factor c that overflows where
    the density has underflowed (z*(x - c)**2 at |x| = 1e300) gives 0, not
    inf * 0 = NaN."""
    density = sp.Mul(*[f for f in mul.args if f.is_Pow and f.has(sigmoid_slope) or isinstance(f, DECAYING)])
    rest = mul / density
    if density == 1 or rest.is_number:
        return mul
    return product_no_nan(rest, density)


def _exponent_split(y):
    """(a, b) with a + b = y for y = -|c*fraction_minus(w, 1/2)|, c >= 0 free
    of w, else None: the exponent of a logistic tail taken from the half-
    integer. Next to the integers |fraction_minus| = 1/2 - |rho| rounds (rho
    = w - round(w), exact) and c times it rounds again, each by up to half
    an ULP of a value near c/2, which exp turns into a relative error of
    |y| times that. Written -c/2 + c*|rho| its first term is exact and its
    second is rho's, rounded once; ``exp_sum`` undoes the sum's rounding."""
    halves = [f for f in y.atoms(fraction_minus) if f.args[1] == sp.S.Half]
    if len(halves) != 1:
        return None
    (fraction,) = halves
    w = fraction.args[0]
    c = sp.simplify(-y / sp.Abs(fraction))
    if c.has(fraction) or c.free_symbols & w.free_symbols or not c.is_nonnegative:
        return None
    return -c / 2, c * sp.Abs(evaluated_first(w - hard_round(w)))


def _logistic_tail_split(e):
    """sigmoid(-|z|) as E/(1 + E), sigmoid_slope(z) as E/(1 + E)**2 and
    sigmoid_curvature(z) in E, with E = exp(-|z|) an ``exp_sum`` where
    ``_exponent_split`` applies (else e)."""
    y = e.args[0] if isinstance(e, sigmoid) else -sp.Abs(e.args[0])
    split = _exponent_split(y)
    if split is None:
        return e
    tail = exp_sum(*split)
    if isinstance(e, sigmoid):
        return tail / (1 + tail)
    if isinstance(e, sigmoid_curvature):
        return sigmoid_curvature.form(e.args[0], tail)
    # (1 + E)**2 as 1 + E*(2 + E): one rounding where (1 + E)*(1 + E) has three
    return tail / (1 + tail * (2 + tail))


def _gaussian_tail_split(e):
    """exp(-c*u**2) and erfc(c*|u|), u = fraction_minus(w, 1/2) and c >= 0
    free of w (a Gaussian density and tail centred on the half-integer), in
    a = |rho|, rho = w - round(w) (exact), where a < 1/4. Next to the
    integers u = +-(1/2 - a) rounds by up to half an ULP of 1/2 and c*u**2
    or c*|u| rounds again by half an ULP of a value near c/4 or c/2; exp and
    erfc turn that into a relative error of about c/2 or (c/2)**2 ULPs.
    Written -c/4 + c*a*(1 - a) (``exp_sum``) and c/2 - c*a (``erfc_sum``)
    their first terms are exact where c is and their second terms are a's,
    rounded a few times. Nearer the half-integers the second term would
    cancel the first, and u is exact there (Sterbenz), so e stays."""
    halves = [f for f in e.atoms(fraction_minus) if f.args[1] == sp.S.Half]
    if len(halves) != 1:
        return e
    (u,) = halves
    w = u.args[0]
    (argument,) = e.args
    c = sp.simplify(-argument / u**2 if isinstance(e, sp.exp) else argument / sp.Abs(u))
    if c.has(u) or c.free_symbols & w.free_symbols or not c.is_nonnegative:
        return e
    a = sp.Abs(evaluated_first(w - hard_round(w)))
    split = exp_sum(-c / 4, c * a * (1 - a)) if isinstance(e, sp.exp) else erfc_sum(c / 2, -c * a)
    return sp.Piecewise((split, a < sp.Rational(1, 4)), (e, True))


# Piecewise(...) rewritten as ITE(...), by the arguments of the Piecewise: see _folds_remembered
_ITE_FOLDS: dict[tuple, sp.Basic] = {}


@contextmanager
def _folds_remembered():
    """SymPy folds a Piecewise inside a condition (u < 1/4, u a reduced
    argument) into an ITE each time it builds a Piecewise on that condition,
    deciding the set of every branch anew (periodicity, inequalities); the
    same few conditions recur in every kernel and every rebuild. The fold is
    a function of the Piecewise's arguments alone: remember it while
    lowering. (Without this, the folds are most of the derivation's time.)"""
    fold = sp.Piecewise._eval_rewrite_as_ITE
    if getattr(fold, "remembered", False):  # lower() within lower()
        yield
        return

    def remembered(self, *args, **hints):
        if args not in _ITE_FOLDS:
            _ITE_FOLDS[args] = fold(self, *args, **hints)
        return _ITE_FOLDS[args]

    remembered.remembered = True
    sp.Piecewise._eval_rewrite_as_ITE = remembered
    try:
        yield
    finally:
        sp.Piecewise._eval_rewrite_as_ITE = fold


# the same expression is lowered again: a gradient by joint() and by the gradient
# kernel, the "x" variant's outputs within the "all" variant's
@functools.lru_cache(maxsize=4096)
def lower(expr: sp.Expr) -> sp.Expr:
    """Stable elementary form of ``expr``."""
    with _folds_remembered():
        return _lowered(expr)


def _lowered(expr: sp.Expr) -> sp.Expr:
    expr = expr.replace(lambda e: e.is_Add and e.has(sigmoid, sp.erf) and e.has(sp.floor), _integer_plus_cdf)
    expr = expr.replace(lambda e: e.is_Add and e.has(sp.floor), _fraction_first)
    expr = expr.replace(lambda e: e.is_Add and e.has(sp.sin), _theta_minus_sin)
    expr = expr.replace(lambda e: e.is_Add and e.has(sp.cos, sp.tanh), _complements)
    expr = expr.replace(
        lambda e: e.is_Mul and not any(isinstance(f, DECAYING) for f in e.args) and e.has(*DECAYING),
        _density_distributed,
    )
    expr = expr.replace(lambda e: e.is_Add and e.has(sigmoid_slope), _density_collected)
    expr = expr.replace(lambda e: e.is_Mul and e.has(*DECAYING), _decaying_last)
    expr = expr.replace(lambda e: isinstance(e, sp.floor), _floor_exactly)
    expr = expr.replace(
        lambda e: isinstance(e, (sigmoid, sigmoid_slope, sigmoid_curvature)) and e.has(fraction_minus), _logistic_tail_split
    )
    expr = expr.replace(lambda e: isinstance(e, (sp.exp, sp.erfc)) and e.has(fraction_minus), _gaussian_tail_split)
    for function, form in HYPERBOLIC_REWRITES:
        expr = expr.replace(function, form)
    # before the special functions are written out: pattern matching is slow on
    # their long series, and their lowered forms are already stable
    for which, stable in STABLE_REWRITES:
        expr = expr.replace(which, stable)
    while True:
        lowered = expr.replace(lambda e: isinstance(e, LoweredFunction), lambda e: e.lowered())
        if lowered == expr:
            break
        expr = lowered
    return expr


def _whole_turns(angle):
    """(m, v) with angle = 2*pi*m*v, m the integer factors of the angle (a
    loop index, an integer constant) and v free of pi; None for an angle
    that is no rational multiple of pi."""
    turns = sp.factor_terms(angle) / (2 * sp.pi)
    if turns.has(sp.pi) or not turns.free_symbols:
        return None
    coefficient, rest = turns.as_coeff_Mul()
    if not coefficient.is_Rational:
        return None
    whole = sp.Mul(*[f for f in sp.Mul.make_args(rest) if f.is_integer])
    return coefficient.p * whole, rest / whole / coefficient.q


class QuarterTurnOffset(sp.Symbol):
    """A symbol whose value the kernel keeps within a quarter of 0: folding
    a whole number of turns of it (``fold_half_turns``) would change nothing."""


def _exactly_scaled_symbol(v) -> bool:
    """v = s/2**k for a symbol s: exact where s is."""
    coefficient, rest = v.as_coeff_Mul()
    return rest.is_Symbol and coefficient.is_Rational and coefficient.p == 1 and sp.log(coefficient.q, 2).is_Integer


def _half_turns_folded(trig):
    """sin(2*pi*m*v) or cos(2*pi*m*v), m an integer: evaluated on v's offset
    from the nearer of the integer and the half-integer, e = rho or
    rho - sign(rho)/2 with rho = v - round(v), both exact (the second by
    Sterbenz's lemma, |rho| >= 1/4), times (-1)**m where e is the latter.
    Next to a half-turn the angle 2*pi*m*v itself rounds by about an ULP of
    pi*m, which swamps a sine that is close to 0 (and at the half-turn gives
    sin(pi) = 1e-16, not 0); from e it keeps its relative accuracy."""
    turns = _whole_turns(trig.args[0])
    # an argument computed with roundings of its own (a quotient by a parameter)
    # has lost its distance to the half-turn before any fold could keep it
    if turns is None or not _exactly_scaled_symbol(turns[1]) or turns[1].has(QuarterTurnOffset):
        return trig
    m, v = turns
    rho = evaluated_first(v - hard_round(v))
    # 0 or 1, a step rather than a Piecewise: SymPy folds a Piecewise into the
    # enclosing one's branches (every term of a sum over m evaluated twice)
    far = hard_step(sp.Abs(rho) - sp.Rational(1, 4))
    offset = rho - far * sp.sign(rho) / 2
    parity = 1 - (1 - (-1) ** m) * far
    return parity * type(trig)(2 * sp.pi * m * offset)


def fold_half_turns(expr: sp.Expr) -> sp.Expr:
    """Every sine and cosine of a whole number of turns of v evaluated on
    v's exact offset from the nearer integer or half-integer (see
    ``_half_turns_folded``). Applied after the other rewrites, which match
    cos(t) and sin(t) themselves."""
    return expr.replace(lambda e: isinstance(e, (sp.sin, sp.cos)), _half_turns_folded)


def _whole_half_turns_out(expr, k, parity):
    """expr with each sine and cosine of pi*m*k + t (k an integer symbol, m an
    integer) written as (-1)**(m*k) times that of t, (-1)**k as ``parity``;
    None for a multiple of k that is no integer multiple of pi."""

    def split(f):
        argument = sp.expand(f.args[0])
        whole = argument.coeff(k)
        if whole == 0:
            return f
        m = whole / sp.pi
        if not m.is_integer:
            raise ValueError(f)
        return (parity if m % 2 else 1) * type(f)(argument - whole * k)

    try:
        return sp.expand(expr.replace(lambda e: isinstance(e, (sp.sin, sp.cos)), split), deep=False)
    except ValueError:
        return None


def _output_symbol(name: str) -> sp.Symbol:
    return sp.Symbol(name, real=True)


def output_name(wrt: tuple[str, ...]) -> str:
    """``y``, ``y_D_x``, ``y_D_x_D_steepness``: one naming rule everywhere."""
    return "y" + "".join(f"_D_{v}" for v in wrt)


class _Namer:
    """Public symbols for printing: parameters by their public names."""

    def __init__(self, a: Approximation):
        self.symbols = {x: x}
        for pname, p in a.params.items():
            self.symbols[p.symbol] = sp.Symbol(pname, **p.symbol.assumptions0)
        self.public = {name: self.symbols[p.symbol] for name, p in a.params.items()}

    def __call__(self, expr: sp.Expr) -> sp.Expr:
        return expr.xreplace(self.symbols)


def _atomize_sums(exprs, prefix):
    """Replace each Sum by a symbol (CSE must not hoist terms out of a Sum's
    scope); return the assignments (the parts of the Sums' terms free of the
    index, computed once before the Sums, then the Sums) and the rewritten
    expressions."""
    sums: dict[sp.Sum, sp.Symbol] = {}
    invariants: dict[sp.Expr, tuple] = {}

    def symbol(summed):
        if summed not in sums:
            sums[summed] = (sp.Symbol(f"{prefix}s{len(sums)}", real=True), summed)
        return sums[summed][0]

    def invariant(e):
        if e not in invariants:
            invariants[e] = (sp.Symbol(f"{prefix}i{len(invariants)}", real=True), e)
        return invariants[e][0]

    def atom(e):
        (index, lo, hi) = e.limits[0]
        loop_index = sp.Symbol("_j", integer=True, positive=True)
        body = lower(e.function.xreplace({index: loop_index}))
        # factors free of the index multiply the sum once, so that they cancel
        # against factors outside it (1/pi * sum of pi*...) instead of rounding each term
        factor, body = body.as_independent(loop_index, as_Add=False)
        constant, body = _cosines_complemented(body, loop_index, lo, hi)
        body = fold_half_turns(body)
        # functions, branches and sums free of the index, on tensors: once, not once per
        # term (inner ones first)
        body = body.replace(
            lambda s: isinstance(s, (sp.Function, sp.Piecewise, sp.Add))
            and not isinstance(s, evaluated_first)  # parentheses, not work
            and not s.has(loop_index)
            and not all(v.is_integer for v in s.free_symbols),
            invariant,
        )
        return factor * (constant + symbol(sp.Sum(body, (loop_index, lo, hi))))

    out = [e.replace(lambda s: isinstance(s, sp.Sum), atom) for e in exprs]
    return list(invariants.values()) + list(sums.values()), out


def _cosines_complemented(body, j, lo, hi):
    """(C, B) with sum(body) = C + sum(B): for body = c(j)*cos(t(j)) whose sum of
    c(j) has a closed form C, B = -2*c(j)*sin(t(j)/2)**2. Next to t = 0 every
    cos(t) rounds to within an ULP of 1 and the sum of their roundings swamps
    a result that is itself small against the terms; 1 - cos(t) = 2*sin(t/2)**2
    keeps each term's full relative accuracy there (the cosine's complement)."""
    cosines = [f for f in sp.Mul.make_args(body) if isinstance(f, sp.cos)]
    if len(cosines) != 1 or not cosines[0].has(j):
        return sp.S.Zero, body
    coefficient = body / cosines[0]
    if coefficient.has(sp.sin, sp.cos):
        return sp.S.Zero, body
    closed = sp.Sum(coefficient, (j, lo, hi)).doit()
    if closed.has(sp.Sum):
        return sp.S.Zero, body
    (t,) = cosines[0].args
    return closed, -coefficient * dict(COMPLEMENTS)[sp.cos](t)


def _cse(exprs, prefix):
    sums, exprs = _atomize_sums(exprs, prefix)
    exprs = [fold_half_turns(e) for e in exprs]
    temps, reduced = sp.cse(exprs, symbols=sp.numbered_symbols(prefix, real=True), order="canonical")
    return _integer_temps(sums + list(temps), reduced)


def _integer_temps(temps, reduced):
    """A temporary of the structural parameters alone (2**bits - 1) is a Python
    int where the kernel runs: an integer symbol, so that the printer knows it."""
    renamed = {}
    out = []
    for target, value in temps:
        value = value.xreplace(renamed)
        if value.free_symbols and all(s.is_integer for s in value.free_symbols):
            renamed[target] = sp.Symbol(target.name, integer=True)
            target = renamed[target]
        out.append((target, value))
    return out, [e.xreplace(renamed) for e in reduced]


def _needed(assignments, roots):
    """The assignments that ``roots`` depend on, in order."""
    wanted = set().union(*(r.free_symbols for r in roots)) if roots else set()
    keep = []
    for target, value in reversed(assignments):
        if target in wanted:
            keep.append((target, value))
            wanted |= value.free_symbols
    return list(reversed(keep))


class KernelBuilder:
    def __init__(self, a: Approximation):
        self.a = a
        self.name = _Namer(a)
        self.expr = derivatives.normalize(a.expr)
        self.args = [x] + [self.name.public[p] for p in a.params]
        self.prologue = []
        self.shift = None
        if a.shift_equivariant:
            self._prove_shift_equivariance()
            n, r = sp.Symbol("_n", real=True), sp.Symbol("_r", real=True)
            self.prologue = [(n, hard_round(x)), (r, x - n)]
            self.shift = (n, r)

    def _prove_shift_equivariance(self):
        step = self.expr
        shifted = step.xreplace({x: x + 1})
        # floor(g(x + 1)) = floor(g(x)) + k where g(x + 1) - g(x) is an integer k;
        # SymPy does not apply this by itself (e.g. to floor(x + 3/2))
        for floor in step.atoms(sp.floor):
            (g,) = floor.args
            k = sp.simplify(g.xreplace({x: x + 1}) - g)
            if k.is_integer:
                shifted = shifted.xreplace({sp.floor(g.xreplace({x: x + 1})): floor + k})
        if sp.simplify(shifted - step - 1) != 0:
            raise DefinitionError(f"{self.a.name}: shift_equivariant=True but SymPy cannot prove f(x + 1) = f(x) + 1")

    def _reduced(self, e, is_value):
        """Evaluate on r = x - round(x) when f(x + 1) = f(x) + 1."""
        if self.shift is None:
            return e
        n, r = self.shift
        e = e.xreplace({x: r})
        return e + n if is_value else e

    def wrt_symbols(self, names):
        return [x if v == "x" else self.a.params[v].symbol for v in names]

    # -- plain kernels -------------------------------------------------------------
    def kernel(self, name, outputs: list[tuple[str, sp.Expr, tuple]]) -> Kernel:
        exprs = [lower(self.name(self._reduced(e, False))) for _, e in outputs]
        temps, reduced = _cse(exprs, "_t")
        return Kernel(
            name=name,
            args=self.args,
            prologue=self.prologue,
            body=temps,
            outputs=[(_output_symbol(o), e) for (o, _), e in zip(outputs, reduced)],
        )

    def joint(self, wrt_names, tag) -> tuple[Kernel, Kernel]:
        """Forward and backward from one CSE: the forward saves the shared
        intermediates the backward reads."""
        wrt = self.wrt_symbols(wrt_names)
        grads = derivatives.gradient(self.expr, wrt, self.a.name)
        exprs = [lower(self.name(self._reduced(self.expr, True)))]
        exprs += [lower(self.name(self._reduced(g, False))) for g in grads]
        temps, reduced = _cse(exprs, "_t")
        forward_temps = _needed(temps, reduced[:1])
        forward_targets = {t for t, _ in forward_temps}
        # a constant the CSE shared (1/sqrt(pi)) is computed again, not saved
        backward_temps = [(t, v) for t, v in _needed(temps, reduced[1:]) if t not in forward_targets or v.is_number]
        read = set().union(*(e.free_symbols for e in reduced[1:]), *(v.free_symbols for _, v in backward_temps))
        residuals = [t for t, v in forward_temps if t in read and not v.is_number]
        for n_r in self.prologue:
            if n_r[0] in read and n_r[0] not in residuals:
                residuals.append(n_r[0])
        forward = Kernel(
            name=f"_value_{tag}",
            args=self.args,
            prologue=self.prologue,
            body=forward_temps,
            outputs=[(_output_symbol("y"), reduced[0])],
            residuals=residuals,
        )
        backward = Kernel(
            name=f"_gradient_from_residuals_{tag}",
            args=self.args + residuals,
            body=backward_temps,
            outputs=[(_output_symbol(output_name((v,))), e) for v, e in zip(wrt_names, reduced[1:])],
        )
        return forward, backward

    # -- repeated kernels --------------------------------------------------------------
    def repeated(self, name, order) -> Kernel:
        """u <- step(u) applied ``repeat`` times, carrying d^k u/dx^k, k <= order."""
        state, updates = derivatives.chain_rule_step(self.expr, x, order)
        offsets = self._offset_loop(state, updates, order) if self.shift is not None else None
        if offsets is not None:
            state, init, updates, final = offsets
        else:
            start = self.shift[1] if self.shift is not None else x
            init = [start, sp.S.One, sp.S.Zero][: order + 1]
            final = state[order]
            if order == 0 and self.shift is not None:
                final = final + self.shift[0]
        temps, reduced = _cse([lower(self.name(u)) for u in updates], "_t")
        count = self.name.public[self.a.repeat]
        loop = Loop(count=count, state=state, init=init, body=temps, update=reduced)
        out = output_name(("x",) * order)
        return Kernel(name=name, args=self.args, prologue=self.prologue, loop=loop, outputs=[(_output_symbol(out), final)])

    def _offset_loop(self, state, updates, order):
        """The loop of a shift-equivariant step carrying u = k/2 + e: e, the
        offset from the nearer integer or half-integer (|e| <= 1/4, folded
        exactly after each step), the parity p = (-1)**k, and for the value
        the half-turns k. A state u next to a half-integer holds its distance
        to it only to an ULP of 1/2, which each further step doubles (the
        sine staircase's second derivative at depth 3 lost all its digits
        next to the half-integers); e holds it to its own ULP. The step
        from k/2 + e is step(e) or step(1/2 + e) - 1/2 by shift-equivariance,
        one branch per parity; None where SymPy does not write it with k
        only in (-1)**k (then the loop carries u)."""
        u = state[0]
        k = sp.Dummy("k", integer=True)
        offset = QuarterTurnOffset("_e", real=True)
        parity, half_turns = sp.Symbol("_p", real=True), sp.Symbol("_k", real=True)
        stepped = [updates[0].xreplace({u: k / 2 + offset}) - k / 2]
        stepped += [d.xreplace({u: k / 2 + offset}) for d in updates[1:]]
        stepped = [_whole_half_turns_out(e, k, parity) for e in stepped]
        if any(e is None or e.has(k) for e in stepped):
            return None
        by_parity = [sp.Piecewise((e.xreplace({parity: 1}), parity > 0), (e.xreplace({parity: -1}), True)) for e in stepped]

        def folded(e):
            """(e - taken/2, |taken|, taken): taken = sign(e) where |e| >= 1/4, else 0."""
            e = evaluated_first(e)  # once: the CSE then shares it
            quarter = sp.Rational(1, 4)
            up, down = hard_step(e - quarter), hard_step(-e - quarter)
            return e - (up - down) / 2, up + down, up - down

        n, r = self.shift
        start, far, taken = folded(r)
        new_offset, new_far, new_taken = folded(by_parity[0])
        loop_state = [offset, parity, *state[1:]]
        init = [start, 1 - 2 * far, *[sp.S.One, sp.S.Zero][:order]]
        loop_updates = [new_offset, parity * (1 - 2 * new_far), *by_parity[1:]]
        final = state[order]
        if order == 0:
            loop_state.append(half_turns)
            init.append(taken)
            loop_updates.append(half_turns + new_taken)
            final = evaluated_first(n + half_turns / 2) + offset
        return loop_state, init, loop_updates, final


def build(a: Approximation, params: bool = True) -> KernelSet:
    """The kernels of ``a``; with ``params`` False only those of x (the "x"
    variant), as a regime's specialised kernels need."""
    b = KernelBuilder(a)
    hard = None
    if a.hard is not None:
        # the hard function is evaluated on x itself, never on a reduced argument
        temps, reduced = _cse([lower(b.name(a.hard_expr))], "_t")
        hard = Kernel(name="_hard", args=b.args, body=temps, outputs=[(_output_symbol("y"), reduced[0])])

    tags = {"x": ["x"]}
    if a.float_params and params:
        tags["all"] = ["x"] + a.float_params
    variants = {}
    for tag, names in tags.items():
        kernels: dict[str, Kernel | None] = {}
        if a.repeat is not None:
            kernels["value"] = b.repeated(f"_value_{tag}", 0) if "soft" in a.modes else None
            kernels["gradient_from_residuals"] = None
            kernels["gradient"] = b.repeated(f"_gradient_{tag}", 1)
            kernels["hessian"] = b.repeated(f"_hessian_{tag}", 2)
        else:
            wrt = b.wrt_symbols(names)
            if "soft" in a.modes:
                kernels["value"], kernels["gradient_from_residuals"] = b.joint(names, tag)
            else:
                kernels["value"] = kernels["gradient_from_residuals"] = None
            grads = derivatives.gradient(b.expr, wrt, a.name)
            kernels["gradient"] = b.kernel(f"_gradient_{tag}", [(output_name((v,)), g) for v, g in zip(names, grads)])
            hess = derivatives.hessian_upper(b.expr, wrt, a.name)
            pairs = [(names[i], names[k]) for i in range(len(names)) for k in range(i, len(names))]
            kernels["hessian"] = b.kernel(
                f"_hessian_{tag}", [(output_name(pair), h) for pair, h in zip(pairs, hess)]
            )
        variants[tag] = kernels
    return KernelSet(hard=hard, variants=variants, wrt=tags)
