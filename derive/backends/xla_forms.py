"""Printing for XLA: kernels in forms XLA on CPU compiles to fast code, for
every backend whose kernels XLA compiles (``XLAForms`` is mixed into its
printer): the TensorFlow backend's XLA kernels (``tf.function(jit_compile=
True)``) and every JAX kernel.

XLA fuses a whole kernel into one loop over the tensor, so a kernel costs
about one pass over its inputs and outputs. But XLA on CPU evaluates a few
functions far more slowly than TensorFlow's own kernels (see docs/speed.md):
sin, cos, atan, asin, acos, atan2 and erfc. The forms print

- sin(2*pi*u) and cos(2*pi*u) through ``sin_cos_turns(u)``: u - round(u)
  and its quarter turns split off exactly, then Taylor polynomials on
  |t| <= pi/4, accurate to float64;
- atan(z) through ``atan_reduced(z)``: atan(1/|z|) beyond 1, then
  pi/4 + atan((b - 1)/(b + 1)) beyond tan(pi/8), then a Taylor polynomial;
- a sum over j of terms in sin(2*pi*j*u) as one ``sin_cos_turns(j*u)`` per
  term: a recurrence by the angle-addition rule is cheaper, but each step
  adds its rounding to the next term's, and a derivative that sums the
  terms to a small result loses several ULPs to them;
- Python-scalar factors (loop indices, constants) grouped before the tensor
  factors, so that a division by j or by pi is one tensor multiplication;
- erfc(z) through ``erfc_exact_square(z)``, for accuracy rather than speed:
  XLA computes erfc beyond z = 1 from exp(-z*z) with z*z rounded, a relative
  error of up to z**2 times half the unit roundoff (tens of ULPs in the
  tail); the helper multiplies by exp(-e) ~ 1 - e, e = z*z - fl(z*z) exact.
  erfc stays in XLA_SLOW: the TensorFlow backend runs a kernel with erfc op
  by op, through TensorFlow's own erfc, which does not round z*z so.

Those helpers are generated here from SymPy like the kernels, into the
package's module ``_xla_forms``, which the op modules import. A kernel that
still calls a function in ``XLA_SLOW`` (an argument that is not a multiple
of pi, a function without a fast form) is not compiled: it runs op by op.
"""

from __future__ import annotations

from dataclasses import dataclass

import mpmath
import sympy as sp
from sympy.printing.precedence import PRECEDENCE

from .. import rendering
from ..functions import hard_round, sigmoid
from .base import Backend

#: Functions XLA on CPU compiles to code at least 4x slower than TensorFlow's
#: eager kernels (TF 2.21; see the module docstring).
XLA_SLOW = (sp.sin, sp.cos, sp.atan, sp.asin, sp.acos, sp.atan2, sp.erfc)

#: Truncation error of the Taylor polynomials, relative, over the whole
#: reduced range: an eighth of the unit roundoff of each compute dtype.
TRUNCATION = {"float64": mpmath.mpf(2) ** -56, "float32": mpmath.mpf(2) ** -27}


def _terms_needed(omitted, dtype) -> int:
    """The number of terms K such that omitted(K), the first term left out
    relative to the result, is below TRUNCATION[dtype] (alternating series:
    the error is at most that term)."""
    k = 1
    while omitted(k) > TRUNCATION[dtype]:
        k += 1
    return k


def _horner(coefficients, w):
    """sum_k coefficients[k] * w**k in Horner form."""
    result = sp.S.Zero
    for c in reversed(coefficients):
        result = result * w + c
    return result


def _by_dtype(series):
    """{dtype: series(dtype)}: printed as one expression that picks by the
    compute dtype when the kernel is traced."""
    return {dtype: series(dtype) for dtype in TRUNCATION}


def _sin_series(t2, dtype):
    """sin(t)/t as a polynomial in t**2 for |t| <= pi/4."""
    with mpmath.workdps(30):
        bound = mpmath.pi / 4
        terms = _terms_needed(lambda k: bound ** (2 * k) / mpmath.factorial(2 * k + 1), dtype)
    return _horner([sp.Integer(-1) ** k / sp.factorial(2 * k + 1) for k in range(terms)], t2)


def _cos_series(t2, dtype):
    """cos(t) as a polynomial in t**2 for |t| <= pi/4."""
    with mpmath.workdps(30):
        bound = mpmath.pi / 4
        terms = _terms_needed(lambda k: bound ** (2 * k) / mpmath.factorial(2 * k) / mpmath.cos(bound), dtype)
    return _horner([sp.Integer(-1) ** k / sp.factorial(2 * k) for k in range(terms)], t2)


def _atan_series(c2, dtype):
    """atan(c)/c as a polynomial in c**2 for |c| <= tan(pi/8)."""
    with mpmath.workdps(30):
        bound = mpmath.tan(mpmath.pi / 8)
        terms = _terms_needed(lambda k: bound ** (2 * k) / (2 * k + 1), dtype)
    return _horner([sp.Integer(-1) ** k / (2 * k + 1) for k in range(terms)], c2)


def _symbols(names):
    return [sp.Symbol(n, real=True) for n in names.split()]


@dataclass
class Helper:
    """A generated function the XLA kernels call: straight-line ``body``,
    then ``returns``; or, with ``loop``, a generator."""

    name: str
    args: list[str]
    doc: str
    # (target, value): a SymPy expression, {dtype: expression}, or a call printed as is
    body: list[tuple[str, object]]
    returns: sp.Expr | tuple | None = None
    loop: dict | None = None  # {"count", "state", "updates"}
    needs: tuple[str, ...] = ()


def _sin_cos_turns() -> Helper:
    (u,) = _symbols("u")
    r, q, s, t, t2, sin_s, cos_s = _symbols("_r _q _s _t _t2 _sin _cos")
    body = [
        (r, u - hard_round(u)),  # exact
        (q, hard_round(4 * r)),  # quarter turns, -2..2
        (s, r - q / 4),  # exact, |s| <= 1/8
        (t, 2 * sp.pi * s),
        (t2, t * t),
        (sin_s, _by_dtype(lambda dtype: t * _sin_series(t2, dtype))),
        (cos_s, _by_dtype(lambda dtype: _cos_series(t2, dtype))),
    ]
    # sin(t + q*pi/2) and cos(t + q*pi/2), q = -2..2
    sin = sp.Piecewise((cos_s, sp.Eq(q, 1)), (-cos_s, sp.Eq(q, -1)), (sin_s, sp.Eq(q, 0)), (-sin_s, True))
    cos = sp.Piecewise((-sin_s, sp.Eq(q, 1)), (sin_s, sp.Eq(q, -1)), (cos_s, sp.Eq(q, 0)), (-cos_s, True))
    return Helper(
        name="sin_cos_turns",
        args=["u"],
        doc="(sin(2*pi*u), cos(2*pi*u)): whole and quarter turns split off exactly, then Taylor polynomials.",
        body=body,
        returns=(sin, cos),
    )


def _atan() -> Helper:
    (z,) = _symbols("z")
    a, b, c, c2, p, inner, outer = _symbols("_a _b _c _c2 _p _inner _outer")
    shifted = b > sp.sqrt(2) - 1  # tan(pi/8)
    body = [
        (a, sp.Abs(z)),
        (b, sp.Piecewise((1 / a, a > 1), (a, True))),  # atan(a) = pi/2 - atan(1/a)
        (c, sp.Piecewise(((b - 1) / (b + 1), shifted), (b, True))),  # atan(b) = pi/4 + atan(c)
        (c2, c * c),
        (p, _by_dtype(lambda dtype: c * _atan_series(c2, dtype))),
        (inner, sp.Piecewise((sp.pi / 4 + p, shifted), (p, True))),
        (outer, sp.Piecewise((sp.pi / 2 - inner, a > 1), (inner, True))),
    ]
    return Helper(
        name="atan_reduced",
        args=["z"],
        doc="atan(z): reduced to |c| <= tan(pi/8), then a Taylor polynomial.",
        body=body,
        returns=sp.Piecewise((-outer, z < 0), (outer, True)),
    )


class framework_erfc(sp.Function):
    """erfc as the framework computes it: the XLA printers print erfc as a
    call of ``erfc_exact_square``, which calls this."""

    nargs = 1


#: erfc_exact_square splits z on a fixed grid of 2**-bits over [1, 32]: the
#: high part has at most half the significand's bits and the low part so few
#: that every product but lo*lo (negligible) is exact, whatever a fused
#: multiply-add contracts (a Veltkamp split by 2**k + 1 is not safe from that).
SQUARE_SPLIT_BITS = {"float64": 21, "float32": 7}


def _erfc_exact_square() -> Helper:
    (z,) = _symbols("z")
    t, hi, lo, p, d, d2, e = _symbols("_t _hi _lo _p _d _d2 _e")
    grid = {dtype: sp.Integer(2) ** bits for dtype, bits in SQUARE_SPLIT_BITS.items()}
    body = [
        # 1 outside [1, 32]: e = 0 there (erfc is 1 - erf below 1 and 0 beyond 32), no overflow
        (t, sp.Piecewise((z, (z >= 1) & (z <= 32)), (1, True))),
        (hi, {dtype: hard_round(t * g) / g for dtype, g in grid.items()}),
        (lo, t - hi),  # exact
        (p, t * t),
        (d, hi * hi - p),  # exact
        (d2, d + 2 * hi * lo),
        (e, d2 + lo * lo),  # t*t - p
    ]
    return Helper(
        name="erfc_exact_square",
        args=["z"],
        doc="erfc(z) with the rounding of z*z in the framework's exp(-z*z) undone: times exp(-e) ~ 1 - e.",
        body=body,
        # not erfc - erfc*e: next to the smallest normal number erfc*e is subnormal, which XLA flushes to 0
        returns=framework_erfc(z) * (1 - e),
    )


HELPERS = {h.name: h for h in (_sin_cos_turns(), _atan(), _erfc_exact_square())}

#: Functions that cost more than a pass over memory when XLA compiles them:
#: worth evaluating once on a selected argument rather than once per branch.
COSTLY = (*XLA_SLOW, sp.exp, sp.log, sp.tanh, sp.erf, sigmoid)


class XLAForms:
    """Mixed into a backend's printer for kernels that XLA compiles (the
    TensorFlow backend's XLA kernels, every JAX kernel); it sees through the
    kernel's temporaries (``definitions``) to a multiple of pi. After
    printing, ``helpers`` names the helpers used and ``slow`` the functions
    in XLA_SLOW left as they were."""

    def __init__(self, dtype_of: str = "x"):
        super().__init__(dtype_of)
        self.helpers: set[str] = set()
        self.slow: set[str] = set()

    def turns(self, angle):
        """u with angle = 2*pi*u and u free of pi, or None; through as few
        of the kernel's temporaries as needed."""
        for _ in range(len(self.definitions) + 1):
            u = sp.factor_terms(angle) / (2 * sp.pi)
            if not u.has(sp.pi):
                return u
            expanded = angle.xreplace(self.definitions)
            if expanded == angle:
                return None
            angle = expanded
        return None

    def _print_Function(self, expr):
        if isinstance(expr, XLA_SLOW):
            self.slow.add(type(expr).__name__)
        return super()._print_Function(expr)

    def _trig(self, expr, index):
        u = self.turns(expr.args[0])
        if u is None:
            return self._print_Function(expr)
        self.helpers.add("sin_cos_turns")
        return f"sin_cos_turns({self._print(u)})[{index}]"

    def _print_sin(self, expr):
        return self._trig(expr, 0)

    def _print_cos(self, expr):
        return self._trig(expr, 1)

    def _print_atan(self, expr):
        self.helpers.add("atan_reduced")
        return f"atan_reduced({self._print(expr.args[0])})"

    def _print_erfc(self, expr):
        self.slow.add("erfc")  # the helper still calls the framework's erfc
        self.helpers.add("erfc_exact_square")
        return f"erfc_exact_square({self._print(expr.args[0])})"

    def _print_framework_erfc(self, expr):
        return self._print_Function(sp.erfc(expr.args[0]))

    def _print_Piecewise(self, expr):
        return super()._print_Piecewise(_shared_call(expr))

    def _print_Mul(self, expr):
        """Python-scalar factors first, as one group Python evaluates, where
        they would otherwise divide a tensor or multiply it late."""
        scalars = [f for f in expr.args if self._is_python_scalar(f)]
        tensors = [f for f in expr.args if not self._is_python_scalar(f)]
        late = any(f.free_symbols or (f.is_Pow and f.exp.is_negative) for f in scalars)
        if not tensors or not late:
            return super()._print_Mul(expr)
        scalar = sp.Mul(*scalars)
        tensor = self.parenthesize(sp.Mul(*tensors), PRECEDENCE["Mul"])
        return f"({super()._print_Mul(scalar) if scalar.is_Mul else self._print(scalar)})*{tensor}"


def _shared_call(piecewise):
    """Piecewise((g1(f(a1)), c1), (g2(f(a2)), c2), ...) with one call of the
    same costly f in every branch as the same with f(Piecewise((a1, c1), ...)):
    every branch of a tf.where is evaluated, so this evaluates f once."""
    for cls in COSTLY:
        calls = [b.expr.atoms(cls) for b in piecewise.args]
        if len(calls) < 2 or any(len(c) != 1 for c in calls):
            continue
        calls = [next(iter(c)) for c in calls]
        if len(set(calls)) == 1 or any(len(f.args) != 1 for f in calls):
            continue
        shared = cls(sp.Piecewise(*[(f.args[0], b.cond) for f, b in zip(calls, piecewise.args)]))
        return sp.Piecewise(*[(b.expr.xreplace({f: shared}), b.cond) for f, b in zip(calls, piecewise.args)])
    return piecewise


def ordered_helpers(names=None) -> list[Helper]:
    """The helpers named (every helper when None) and those they call, each
    once, after those it calls."""
    ordered: list[str] = []

    def visit(name):
        for needed in HELPERS[name].needs:
            visit(needed)
        if name not in ordered:
            ordered.append(name)

    for name in (n for n in HELPERS if names is None or n in names):
        visit(name)
    return [HELPERS[n] for n in ordered]


def print_helper(helper: Helper, printer_class) -> dict:
    """A helper as the strings templates/common/helper.py.jinja lays out."""
    printer = printer_class(dtype_of=helper.args[0])

    def text(value):
        if isinstance(value, dict):  # by compute dtype, chosen when traced
            dtype = f"{helper.args[0]}.dtype == {printer.float64}"
            return f"{text(value['float64'])} if {dtype} else {text(value['float32'])}"
        return value if isinstance(value, str) else printer.doprint(value)

    returns = helper.returns
    if isinstance(returns, tuple):
        returns = "(" + ", ".join(text(v) for v in returns) + ")"
    elif returns is not None:
        returns = text(returns)
    loop = None
    if helper.loop is not None:
        loop = {**helper.loop, "updates": ", ".join(text(v) for v in helper.loop["updates"])}
    return {
        "name": helper.name,
        "args": ", ".join(helper.args),
        "doc": helper.doc,
        "body": [(str(t), text(v)) for t, v in helper.body],
        "returns": returns,
        "loop": loop,
    }


def forms_module(backend, printer_class, command: str, used) -> str | None:
    """The backend's ``_xla_forms.py``: the helpers ``used`` by its op modules
    (and those they call) printed by ``printer_class``; None where none is."""
    if not used:
        return None
    forms = {"helpers": [print_helper(h, printer_class) for h in ordered_helpers(used)]}
    template = backend.template("_xla_forms.py")
    return rendering.render(template, "derive/backends/xla_forms.py", forms=forms, command=command)


class XLABackend(Backend):
    """A backend whose kernels XLA compiles: its package gets the module
    ``_xla_forms.py`` of the helpers its ops call, printed by ``xla_printer``."""

    xla_printer: type = None

    def package_files(self, exports, spec_file, command, helpers):
        files = super().package_files(exports, spec_file, command, helpers)
        forms = forms_module(self, self.xla_printer, command, helpers)
        if forms is not None:
            files["_xla_forms.py"] = forms
        return files
