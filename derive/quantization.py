"""What a quantizer's definition needs beyond the smooth stand-ins: a value
taken from one expression and a derivative from another, and the rounding of
TensorFlow's nudged zero point.

A quantizer's gradient, as its paper publishes it, comes from one of two
rules for the round inside it:

- round keeps its value, its derivative is 1 (LSQ's d/dscale:
  round(x/s) - x/s): ``round_ste(z)``, which is
  ``straight_through(hard_round(z), z)``;
- round is the identity in the backward (PACT, TensorFlow's fake quant):
  the whole expression's derivative is that of the same expression with each
  round replaced by its argument: ``identity_backward(e)``.

Both are ``straight_through(hard, smooth)``: the value of ``hard``, the
derivative of ``smooth``. The pipeline lowers it to ``hard`` (printed as
the framework's round, floor, ...); the references evaluate ``hard`` with
the hard functions' own mpmath routines and differentiate ``smooth``.
"""

from __future__ import annotations

import mpmath
import sympy as sp

from .functions import HardFunction, LoweredFunction, evaluated_first, hard_round, hard_step


class straight_through(LoweredFunction):
    """The value of its first argument, the derivative of its second."""

    nargs = 2

    def _eval_derivative(self, s):
        # the hard part is never differentiated (hard functions refuse it)
        return sp.diff(self.args[1], s)

    def fdiff(self, argindex=1):
        return sp.S.Zero if argindex == 1 else sp.S.One

    def reference(self):
        return self.args[0]

    def lowered(self):
        return self.args[0]

    def _sympystr(self, printer):
        return printer._print(self.args[0])


class divided(LoweredFunction):
    """a / b, one division as written: never a product with a reciprocal
    that common-subexpression elimination shares (a*(1/b) rounds twice),
    where a quantizer must reproduce another framework's kernel bit for bit."""

    nargs = 2

    def fdiff(self, argindex=1):
        a, b = self.args
        return 1 / b if argindex == 1 else -a / b**2

    def reference(self):
        a, b = self.args
        return a / b

    def lowered(self):
        return self  # printed as one division


def round_ste(z: sp.Expr) -> sp.Expr:
    """round(z) in value, derivative 1: LSQ's rule."""
    return straight_through(hard_round(z), z)


def identity_backward(expr: sp.Expr) -> sp.Expr:
    """expr in value; in the backward each hard function in it is the
    identity (round(z) -> z): PACT's and TensorFlow's fake quant's rule.
    A ``divided`` there is the quotient, so that SymPy simplifies what
    cancels (alpha*(n*x/alpha)/n is x)."""
    smooth = expr.replace(lambda e: isinstance(e, HardFunction), lambda e: e.args[0])
    smooth = smooth.replace(lambda e: isinstance(e, divided), lambda e: e.args[0] / e.args[1])
    return straight_through(expr, smooth)


class round_half_away(HardFunction, LoweredFunction):
    """Round half away from zero (C's round, which TensorFlow's fake quant
    uses for its zero point): round half to even, except that a tie goes
    away from zero. Lowered through the framework's round, with a 0-or-1
    factor for the tie (no Piecewise: it may stand in a condition): z -
    round(z) is exact, and so is z + sign(z)/2 at a tie."""

    @staticmethod
    def reference_value(u):
        n = mpmath.floor(abs(u) + mpmath.mpf(1) / 2)
        return n if u >= 0 else -n

    def lowered(self):
        (z,) = self.args
        nearest = evaluated_first(hard_round(z))
        tie = hard_step(sp.Abs(z - nearest) - sp.S.Half)
        return nearest + tie * evaluated_first(z + sp.sign(z) / 2 - nearest)


class clamp(LoweredFunction):
    """min(max(z, low), high) for low <= high, printed as the framework's
    minimum and maximum (no Piecewise: it may stand in a condition)."""

    nargs = 3

    def fdiff(self, argindex=1):
        z, low, high = self.args
        inside = (z >= low) & (z <= high)
        if argindex == 1:
            return sp.Piecewise((1, inside), (0, True))
        if argindex == 2:
            return sp.Piecewise((1, z < low), (0, True))
        return sp.Piecewise((1, z > high), (0, True))

    def reference(self):
        z, low, high = self.args
        return sp.Piecewise((low, z < low), (high, z > high), (z, True))

    def lowered(self):
        z, low, high = self.args
        return sp.Max(sp.Min(z, high), low)


def quantization_range(bits: sp.Expr, signed: sp.Expr) -> tuple[sp.Expr, sp.Expr]:
    """(qmin, qmax) of a ``bits``-bit integer grid: -2**(bits-1) and
    2**(bits-1) - 1 when ``signed`` is 1, 0 and 2**bits - 1 when it is 0."""
    return -signed * 2 ** (bits - 1), 2 ** (bits - signed) - 1
