"""Printing: SymPy expressions to TensorFlow source, strictly.

SymPy's TensorflowPrinter, extended with the functions the catalog needs and
made strict: anything it does not know (an unevaluated derivative, a
Heaviside, an unknown function, a Piecewise without a default branch) raises
instead of printing something that would silently compute the wrong thing.
"""

from __future__ import annotations

import sympy as sp
from sympy.codegen.cfunctions import expm1, log1p
from sympy.printing.pycode import PythonCodePrinter
from sympy.printing.tensorflow import TensorflowPrinter

from .functions import _SERIES_VARIABLE, DividedByArgument, hard_round, product_no_nan, sigmoid
from .spec import DefinitionError


class PrintingError(DefinitionError):
    """The printer met an expression it cannot turn into TensorFlow code."""


class TFPrinter(TensorflowPrinter):
    """Prints with the ``tf.`` prefix; ``dtype_of`` names a tensor whose
    dtype constants take where TensorFlow would not infer it."""

    mapping = {
        **TensorflowPrinter.mapping,
        sigmoid: "tensorflow.math.sigmoid",
        expm1: "tensorflow.math.expm1",
        log1p: "tensorflow.math.log1p",
        hard_round: "tensorflow.math.round",
        sp.erfc: "tensorflow.math.erfc",
        product_no_nan: "tensorflow.math.multiply_no_nan",
    }

    def __init__(self, dtype_of: str = "x"):
        super().__init__({"strict": True, "allow_unknown_functions": False, "tensorflow_version": "2"})
        self.dtype_of = dtype_of
        self._python = PythonCodePrinter({"fully_qualified_modules": False})
        self.series: set[tuple[type, int]] = set()  # the helpers of series called: (class, order)

    def _module_format(self, fqn, register=True):
        return "tf." + fqn.removeprefix("tensorflow.")

    def _constant(self, value) -> str:
        return f"tf.constant({self._print(value)}, {self.dtype_of}.dtype)"

    # -- strictness ----------------------------------------------------------------
    def _print_Function(self, expr):
        if isinstance(expr, DividedByArgument):  # SymPy dispatches no subclass of Function by its base's name
            return self._print_DividedByArgument(expr)
        if type(expr) not in self.mapping:
            raise PrintingError(f"no TensorFlow function for {type(expr).__name__} (in {expr})")
        return super()._print_Function(expr)

    _print_Expr = _print_Function
    _print_Application = _print_Function

    def _print_Derivative(self, expr):
        raise PrintingError(f"unevaluated derivative reached the printer: {expr}")

    def _print_Subs(self, expr):
        raise PrintingError(f"unevaluated substitution reached the printer: {expr}")

    def _print_NaN(self, expr):
        raise PrintingError("the expression evaluates to NaN")

    def _print_Infinity(self, expr):
        raise PrintingError("the expression contains infinity")

    _print_NegativeInfinity = _print_Infinity
    _print_ComplexInfinity = _print_Infinity

    # -- numbers and powers ----------------------------------------------------------
    def _is_python_scalar(self, expr) -> bool:
        """Integer loop indices and structural parameters are Python ints."""
        return all(s.is_integer for s in expr.free_symbols)

    def _print_Rational(self, expr):
        # series coefficients have numerators and denominators of 60 digits; Python
        # would round p/q to the same double that repr(float) spells out briefly
        text = super()._print_Rational(expr)
        return repr(float(expr)) if len(text) > 24 else text

    def _print_Pow(self, expr, rational=False):
        base, exp = expr.as_base_exp()
        if expr.is_number:
            return repr(float(expr))
        if self._is_python_scalar(expr):
            return f"({self._python.doprint(expr)})"
        if exp == -1:
            return f"1/{self.parenthesize(base, sp.printing.precedence.PRECEDENCE['Mul'])}"
        if exp == sp.S.Half:
            return f"tf.math.sqrt({self._print(base)})"
        if exp.is_Integer and 2 <= abs(exp) <= 4:
            factor = self.parenthesize(base, sp.printing.precedence.PRECEDENCE["Mul"])
            product = "*".join([factor] * int(abs(exp)))
            return f"({product})" if exp > 0 else f"1/({product})"
        return f"tf.math.pow({self._print(base)}, {self._print(exp)})"

    # -- control flow ----------------------------------------------------------------
    def _print_Piecewise(self, expr):
        if expr.args[-1].cond != sp.true:
            raise PrintingError(f"Piecewise without a default (True) branch: {expr}")
        result = self._branch(expr.args[-1].expr)
        for value, cond in reversed(expr.args[:-1]):
            result = f"tf.where({self._print(cond)}, {self._branch(value)}, {result})"
        return result

    def _branch(self, value) -> str:
        return self._constant(value) if value.is_number else self._print(value)

    def _print_Sum(self, expr):
        (index, lo, hi) = expr.limits[0]
        return f"sum({self._print(expr.function)} for {index} in range({self._print(lo)}, {self._print(hi)} + 1))"

    def _print_DividedByArgument(self, expr):
        order, z = expr.args
        self.series.add((type(expr), int(order)))
        return f"{expr.helper_name()}({self._print(z)})"

    def _print_evaluated_first(self, expr):
        return f"({self._print(expr.args[0])})"

    # TFLite has no builtin ATAN but has ATAN2, whose operands must have one shape
    # (no broadcasting): the argument's, which is x's where the op is used elementwise
    def _print_atan(self, expr):
        return f"tf.math.atan2({self._print(expr.args[0])}, tf.ones_like({self.dtype_of}))"

    # -- hard functions ----------------------------------------------------------------
    def _print_hard_step(self, expr):
        return f"tf.where({self._print(expr.args[0] >= 0)}, {self._constant(1)}, {self._constant(0)})"

    def _print_hard_sign(self, expr):
        return f"tf.where({self._print(expr.args[0] >= 0)}, {self._constant(1)}, {self._constant(-1)})"

    # -- outputs -------------------------------------------------------------------------
    def output(self, expr) -> str:
        """An output must be a tensor shaped like x even when it is a constant."""
        if expr.is_number:
            return f"tf.fill(tf.shape({self.dtype_of}), {self._constant(expr)})"
        return self._print(expr)


def _strictly(method, expr, owner, dtype_of, printer=None):
    try:
        return method(printer or TFPrinter(dtype_of), expr)
    except PrintingError as err:
        raise PrintingError(f"{owner}: {err}") from None
    except NotImplementedError:  # SymPy's strict mode: no print method at all
        raise PrintingError(f"{owner}: no TensorFlow code for {type(expr).__name__} in {expr}") from None


def print_expr(expr, owner: str, dtype_of: str = "x") -> str:
    return _strictly(TFPrinter.doprint, expr, owner, dtype_of)


def print_output(expr, owner: str, dtype_of: str = "x") -> str:
    return _strictly(TFPrinter.output, expr, owner, dtype_of)


def print_kernel(kernel, owner: str, printer: TFPrinter | None = None) -> dict:
    """A kernel as the strings its template lays out, printed by ``printer``
    (default: a TFPrinter; derive.xla has the one for XLA)."""

    def expr(value):
        return _strictly(TFPrinter.doprint, value, owner, "x", printer)

    def assignments(pairs):
        return [(str(t), expr(v)) for t, v in pairs]

    loop = None
    if kernel.loop is not None:
        loop = {
            "count": str(kernel.loop.count),
            "state": ", ".join(map(str, kernel.loop.state)),
            "init": ", ".join(expr(v) for v in kernel.loop.init),
            "body": assignments(kernel.loop.body),
            "updates": ", ".join(expr(v) for v in kernel.loop.update),
        }
    outputs = [(str(t), _strictly(TFPrinter.output, v, owner, "x", printer)) for t, v in kernel.outputs]
    names = "".join(f"{t}, " for t, _ in outputs)
    residuals = "".join(f"{r}, " for r in kernel.residuals)
    return {
        "name": kernel.name,
        "args": ", ".join(map(str, kernel.args)),
        "prologue": assignments(kernel.prologue),
        "loop": loop,
        "body": assignments(kernel.body),
        "outputs": outputs,
        "returns": f"({names.rstrip()}), ({residuals.rstrip()})",
    }


def print_series_helper(cls: type, order: int) -> dict:
    """The helper function of ``cls(order, z)`` (a DividedByArgument) as the
    strings templates/package/series.py.jinja lays out: the coefficients of
    its Taylor polynomial for each compute dtype and, unless the class is
    series-only, the direct form beyond the bound, one tf.where choosing."""
    owner = f"{cls.__name__} helper"
    z, name = sp.Symbol("z", real=True), cls(order, _SERIES_VARIABLE).helper_name()
    parts = cls.helper(order)
    printer = TFPrinter("z")
    series = {dtype: [printer.doprint(c) for c in coefficients] for dtype, coefficients in parts["series"].items()}
    ordinal = {0: "", 1: "first derivative of ", 2: "second derivative of ", 3: "third derivative of "}
    function = ordinal.get(order, f"derivative {order} of ") + cls.quotient
    bound = parts["bound"]
    series_form = "its Taylor series" + (", odd" if parts["odd"] else "")
    context = {"name": name, "series": series, "odd": parts["odd"], "direct": None}
    if parts["direct"] is None:
        context["doc"] = f"{function[0].upper()}{function[1:]}, |z| < {bound} (callers keep it there): {series_form}."
        return context
    context["doc"] = f"{function[0].upper()}{function[1:]}: {series_form} for |z| < {bound}, the direct form beyond."
    to_z = {_SERIES_VARIABLE: z}
    temps, (direct,) = sp.cse([parts["direct"].xreplace(to_z)], symbols=sp.numbered_symbols("_d", real=True))
    context["direct"] = [(str(t), print_expr(v, owner, "z")) for t, v in temps]
    context["direct_value"] = print_expr(direct, owner, "z")
    context["condition"] = print_expr(sp.Abs(z) < bound, owner, "z")
    return context
