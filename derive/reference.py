"""High-precision references, straight from the spec.

Independent of lowering and code generation: the spec's expression (with
special functions written out in plain SymPy, sums expanded, repeated steps
composed) is differentiated by SymPy and evaluated with mpmath at 50 digits,
at the exact binary values of the inputs.
"""

from __future__ import annotations

import math

import mpmath
import sympy as sp

from . import derivatives
from .functions import HardFunction, LoweredFunction, subclasses
from .spec import Approximation, x

DIGITS = 50
MAX_DIGITS = 3200
AGREEMENT = mpmath.mpf(10) ** -40  # relative; float64 needs 17 digits
ZERO = mpmath.mpf(10) ** -340  # absolute: far below the smallest float64


class NotReal(ArithmeticError):
    """The reference is complex or NaN at a point: the expression is not a
    real function there. ``reason``: "complex (...)" or "NaN"."""

    def __init__(self, message: str, reason: str):
        super().__init__(message)
        self.reason = reason


def _real(value, name: str, wrt, point):
    """value as a real mpf; NotReal for a complex value or NaN."""
    if isinstance(value, mpmath.mpc):
        if value.imag != 0:
            reason = f"complex ({mpmath.nstr(value, 6)})"
            raise NotReal(f"{name}: d{wrt} is {reason} at {point}", reason)
        value = value.real
    if mpmath.isnan(value):
        raise NotReal(f"{name}: d{wrt} is NaN at {point}", "NaN")
    return value


def digits_for(x: float) -> int:
    """Working digits at x: DIGITS, plus three per decade below 1 of |x| and
    of its distance to the nearest integer, since forms like x - sin(x)
    cancel to O(x**3) and the reference must not."""
    distance = min(abs(x), abs(x - round(x))) if math.isfinite(x) else 1.0
    if distance == 0 or distance >= 1:
        return DIGITS
    return DIGITS + 3 * math.ceil(-math.log10(distance))


# functions whose complements cancel at large arguments: 1 - tanh(z)**2 ~ 4*exp(-2*|z|)
GROWING = (sp.exp, sp.tanh, sp.cosh, sp.sinh)
# decades of exp(-z) below which it is negligible: under ZERO after a factor of max(float64)**3
NEGLIGIBLE_DECADES = 340 + 3 * 309


def _evaluated_numerically(cls) -> bool:
    return hasattr(cls, "reference_value")


def written_out(expr: sp.Expr) -> sp.Expr:
    """expr with the pipeline's functions (sigmoid, ...) in plain SymPy,
    except those evaluated by an mpmath routine of their own."""
    return expr.replace(
        lambda e: isinstance(e, LoweredFunction) and not _evaluated_numerically(type(e)), lambda e: e.reference()
    )


def _numeric_functions() -> dict:
    """The functions with an mpmath routine as their reference, by name."""
    classes = subclasses(HardFunction) + subclasses(LoweredFunction)
    return {cls.__name__: cls.reference_value for cls in classes if _evaluated_numerically(cls)}


class Reference:
    """Forward, first, second and third derivatives of one approximation at
    fixed integer parameters, as mpmath functions of (x, *float params)."""

    def __init__(self, a: Approximation, ints: dict[str, int]):
        self.a = a
        self.names = ["x"] + a.float_params
        self.symbols = [x] + [a.params[n].symbol for n in a.float_params]
        # a bool parameter's True and False are the expression's 1 and 0
        self.ints = {n: int(v) for n, v in ints.items()}
        int_values = {a.params[n].symbol: v for n, v in self.ints.items()}
        expr = derivatives.normalize(a.expr)
        if a.repeat is not None:
            step, expr = expr, x
            for _ in range(self.ints[a.repeat]):
                expr = step.xreplace({x: expr})
        expr = expr.xreplace(int_values).doit()
        # derivatives are taken before special functions are written out: their
        # fdiff forms (e.g. -tanh(z/2)*sigmoid_slope(z)) do not cancel
        self.expr = expr
        self._exprs = {(): self.expr}
        self._functions = {}
        self._values = {}  # the verifier asks again for each mode, dtype and tensor form
        self._arguments = {}
        self._hard = None if a.hard_expr is None else self._lambdify(a.hard_expr.xreplace(int_values))

    def _lambdify(self, expr):
        modules = [_numeric_functions(), "mpmath"]
        plain = written_out(expr)
        shared = sp.lambdify(self.symbols, plain, modules=modules, cse=True)
        separate = sp.lambdify(self.symbols, plain, modules=modules)

        def function(*args):
            # common subexpressions are hoisted out of Piecewise branches, so one
            # of a branch not taken may divide by zero: then evaluate without CSE
            try:
                return shared(*args)
            except ZeroDivisionError:
                return separate(*args)

        return function

    def symbolic(self, wrt: tuple[str, ...]) -> sp.Expr:
        """d^len(wrt) f / d wrt[0] d wrt[1] ..., almost everywhere."""
        if wrt not in self._exprs:
            var = self.symbols[self.names.index(wrt[-1])]
            self._exprs[wrt] = derivatives.differentiate(self.symbolic(wrt[:-1]), var, self.a.name)
        return self._exprs[wrt]

    def slope(self, wrt: tuple[str, ...], name: str, point) -> float:
        """|d/d name| of output ``wrt`` at the point, as rounding an input
        moves it: a straight_through takes its value's derivative here (0
        almost everywhere: a quantizer's round(x/s) - x/s moves with x/s
        alone), where ``symbolic`` takes the derivative it stands for."""
        from .quantization import straight_through

        expr = self.symbolic(tuple(wrt))
        if not expr.has(straight_through):
            # in the order the outputs are taken (x first): d/dalpha of d/dx is d/dx of d/dalpha,
            # and the verifier has the value already where the slope is an output of its own
            ordered = tuple(sorted(tuple(wrt) + (name,), key=self.names.index))
            return abs(float(self.evaluate(ordered, tuple(point))))
        key = ("slope", tuple(wrt), name)
        if key not in self._functions:
            var = self.symbols[self.names.index(name)]
            held = expr.replace(lambda e: isinstance(e, straight_through), lambda e: e.args[0])
            frozen = {h: sp.Dummy(real=True) for h in held.atoms(HardFunction)}
            slope = derivatives.differentiate(held.xreplace(frozen), var, self.a.name)
            self._functions[key] = self._lambdify(slope.xreplace({v: k for k, v in frozen.items()}))
        with mpmath.workdps(DIGITS):
            return abs(float(_real(self._functions[key](*[mpmath.mpf(v) for v in point]), self.a.name, wrt, point)))

    def _exponent_digits(self, wrt, point) -> int:
        """Digits to resolve exp(-z) next to 1 for the largest argument z of
        an exponential or hyperbolic function at this point; none where
        exp(-z) times the cube of the largest float is below ZERO anyway."""
        if wrt not in self._arguments:
            arguments = sorted({a for f in written_out(self.symbolic(wrt)).atoms(*GROWING) for a in f.args}, key=sp.default_sort_key)
            self._arguments[wrt] = [self._lambdify(argument) for argument in arguments]
        values = []
        with mpmath.workdps(30):
            for argument in self._arguments[wrt]:
                try:
                    values.append(argument(*[mpmath.mpf(v) for v in point]))
                except ZeroDivisionError:  # the argument of a Piecewise branch not taken here
                    continue
        largest = max((abs(v) for v in values if mpmath.isfinite(v)), default=0)
        needed = int(largest / math.log(10))
        return needed if needed <= NEGLIGIBLE_DECADES else 0

    def evaluate(self, wrt: tuple[str, ...], point: tuple[float, ...]):
        wrt = tuple(wrt)
        key = (wrt, point)
        if key not in self._values:
            self._values[key] = self._evaluate(wrt, point)
        return self._values[key]

    def _evaluate(self, wrt: tuple[str, ...], point: tuple[float, ...]):
        if wrt not in self._functions:
            self._functions[wrt] = self._lambdify(self.symbolic(wrt))
        function = self._functions[wrt]
        digits = max(digits_for(point[0]), DIGITS + self._exponent_digits(wrt, point))
        while True:
            # the same value at twice the digits (to 40 digits, or to within
            # ZERO for a zero), else cancellation ate them
            with mpmath.workdps(digits):
                low = _real(function(*[mpmath.mpf(v) for v in point]), self.a.name, wrt, point)
            with mpmath.workdps(2 * digits):
                high = _real(function(*[mpmath.mpf(v) for v in point]), self.a.name, wrt, point)
                # an exact zero at both precisions may be a total cancellation
                # (x - sin(x) composed): it must survive four times the digits,
                # or be within ZERO there (1 - (1 - exp(-z)) for a large z)
                if high == 0 and low == 0:
                    with mpmath.workdps(4 * digits):
                        closer = function(*[mpmath.mpf(v) for v in point])
                        if abs(closer) <= ZERO:
                            return closer
                elif low == high or abs(low - high) <= max(abs(high) * AGREEMENT, ZERO):
                    return high
            if digits > MAX_DIGITS:
                raise ArithmeticError(f"{self.a.name}: no stable reference for d{wrt} at {point}")
            digits *= 4

    def hard(self, point: tuple[float, ...]):
        with mpmath.workdps(DIGITS):
            return self._hard(*[mpmath.mpf(v) for v in point])
