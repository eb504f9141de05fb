"""Printing: SymPy expressions to a framework's source, strictly.

``KernelPrinting``, a SymPy Python code printer, holds what every backend
prints alike: strictness (anything unknown raises instead of printing
something that would silently compute the wrong thing), numbers and powers,
Piecewise as nested selects, sums, the series helpers and the hard
functions. A backend (derive/backends/) subclasses it and spells the
elementwise functions of ``FUNCTIONS`` in its framework, and its select,
constants and an output filled like x. (SymPy's own TensorFlow and PyTorch
printers import their framework, which the generator must not.)
"""

from __future__ import annotations

import sympy as sp
from sympy.codegen.cfunctions import expm1, log1p
from sympy.printing.precedence import PRECEDENCE
from sympy.printing.pycode import AbstractPythonCodePrinter, PythonCodePrinter

from .functions import _SERIES_VARIABLE, DividedByArgument, hard_round, product_no_nan, sigmoid
from .spec import DefinitionError


class PrintingError(DefinitionError):
    """The printer met an expression it cannot turn into the framework's code."""


#: The elementwise functions a kernel may call, by the name most frameworks
#: give them (tf.math.<name>); a backend maps each to its own spelling.
FUNCTIONS = {
    sp.Abs: "abs", sp.sign: "sign", sp.ceiling: "ceil", sp.floor: "floor", hard_round: "round",
    sp.exp: "exp", expm1: "expm1", sp.log: "log", log1p: "log1p",
    sp.sin: "sin", sp.cos: "cos", sp.tan: "tan", sp.asin: "asin", sp.acos: "acos", sp.atan: "atan",
    sp.atan2: "atan2", sp.sinh: "sinh", sp.cosh: "cosh", sp.tanh: "tanh", sp.asinh: "asinh",
    sp.acosh: "acosh", sp.atanh: "atanh", sp.erf: "erf", sp.erfc: "erfc", sigmoid: "sigmoid",
    product_no_nan: "multiply_no_nan",
    sp.Eq: "equal", sp.Ne: "not_equal", sp.StrictGreaterThan: "greater", sp.StrictLessThan: "less",
    sp.GreaterThan: "greater_equal", sp.LessThan: "less_equal",
    sp.And: "logical_and", sp.Or: "logical_or", sp.Not: "logical_not", sp.Max: "maximum", sp.Min: "minimum",
}  # fmt: skip


def spelled(prefix: str, **exceptions: str) -> dict:
    """FUNCTIONS as prefix + name, except the names given their own spelling."""
    return {cls: exceptions.get(name, prefix + name) for cls, name in FUNCTIONS.items()}


class _ScalarPrinting(PythonCodePrinter):
    """Integer expressions (loop indices, integer parameters) as Python that
    also computes them on a float tensor: a looped sum's index is one."""

    def _print_Pow(self, expr, rational=False):
        # (-1)**j as 1 - 2*(j mod 2): exact for ints and float tensors alike,
        # where a framework's pow of a negative base is not assured
        if expr.base == -1 and expr.exp.is_integer:
            return f"(1 - 2 * ({self.parenthesize(expr.exp, PRECEDENCE['Mul'])} % 2))"
        return super()._print_Pow(expr, rational)


class KernelPrinting(AbstractPythonCodePrinter):
    """The backend-neutral kernel printer; each backend subclasses it.

    A backend sets ``framework`` (its name in errors), ``where``, ``sqrt`` and
    ``power`` (function names), ``float64`` (the dtype's name) and
    ``mapping`` (SymPy function -> name, see ``spelled``), and defines
    ``constant(text)`` (a number in the compute dtype of ``dtype_of``) and
    ``filled(text)`` (a tensor shaped like ``dtype_of`` holding it)."""

    framework = ""
    where = sqrt = power = float64 = ""
    mapping: dict = {}

    def __init__(self, dtype_of: str = "x"):
        super().__init__({"strict": True, "allow_unknown_functions": False})
        self.dtype_of = dtype_of
        self._python = _ScalarPrinting({"fully_qualified_modules": False})
        self.series: set[tuple[type, int]] = set()  # the helpers of series called: (class, order)
        self.definitions: dict = {}  # temporary -> value, of the kernel being printed

    def _module_format(self, fqn, register=True):
        return fqn

    def constant(self, text: str) -> str:
        raise NotImplementedError

    def filled(self, text: str) -> str:
        raise NotImplementedError

    def _constant(self, value) -> str:
        return self.constant(self._print(value))

    # -- strictness ----------------------------------------------------------------
    def _print_Function(self, expr):
        if isinstance(expr, DividedByArgument):  # SymPy dispatches no subclass of Function by its base's name
            return self._print_DividedByArgument(expr)
        name = self.mapping.get(type(expr))
        if name is None:
            raise PrintingError(f"no {self.framework} function for {type(expr).__name__} (in {expr})")
        # a function of several arguments (logical_and, maximum) takes two at a time
        printed = self._argument(expr.args[0], True, name)
        for arg in expr.args[1:]:
            printed = f"{self._module_format(name)}({printed}, {self._argument(arg, False, name)})"
        return printed if len(expr.args) > 1 else f"{self._module_format(name)}({printed})"

    def _argument(self, arg, first: bool, function: str) -> str:
        """An argument of ``function``; a backend whose functions take no
        plain number in some places prints a constant there."""
        return self._print(arg)

    _print_Expr = _print_Function
    _print_Application = _print_Function
    _print_Relational = _print_Function
    _print_Not = _print_Function
    _print_And = _print_Function
    _print_Or = _print_Function

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
        text = f"{expr.p}/{expr.q}"
        return repr(float(expr)) if len(text) > 24 else text

    def _print_Pow(self, expr, rational=False):
        base, exp = expr.as_base_exp()
        if expr.is_number:
            return repr(float(expr))
        if self._is_python_scalar(expr):
            return f"({self._python.doprint(expr)})"
        if exp == -1:
            return f"1/{self.parenthesize(base, PRECEDENCE['Mul'])}"
        if exp == sp.S.Half:
            return f"{self.sqrt}({self._print(base)})"
        if exp.is_Integer and 2 <= abs(exp) <= 4:
            factor = self.parenthesize(base, PRECEDENCE["Mul"])
            product = "*".join([factor] * int(abs(exp)))
            return f"({product})" if exp > 0 else f"1/({product})"
        return f"{self.power}({self._print(base)}, {self._print(exp)})"

    # -- control flow ----------------------------------------------------------------
    def _print_Piecewise(self, expr):
        if expr.args[-1].cond != sp.true:
            raise PrintingError(f"Piecewise without a default (True) branch: {expr}")
        result = self._branch(expr.args[-1].expr)
        for value, cond in reversed(expr.args[:-1]):
            result = f"{self.where}({self._print(cond)}, {self._branch(value)}, {result})"
        return result

    def _branch(self, value) -> str:
        # a Python int from the structural parameters (a quantizer's qmax) too
        return self._constant(value) if value.is_number or self._is_python_scalar(value) else self._print(value)

    def _print_product_no_nan(self, expr):
        # where b is a quotient whose numerator is one temporary (the decaying
        # exponential), the zero test is on it, not on b: XLA computes a quotient that
        # a kernel uses twice in a loop of its own, one more pass over memory
        a, b = expr.args
        numerator, denominator = sp.fraction(self.definitions.get(b, b))
        vanishing = numerator.as_coeff_Mul()[1]
        simple = vanishing.is_Symbol or vanishing.is_Function and all(v.is_Atom for v in vanishing.args)
        if denominator == 1 or not simple:
            return self._print_Function(expr)
        factors = (self.parenthesize(f, PRECEDENCE["Mul"]) for f in (a, b))
        return f"{self.where}({self._print(sp.Eq(vanishing, 0))}, {self._constant(0)}, {' * '.join(factors)})"

    def _print_Sum(self, expr):
        # the runtime's summed unrolls a short sum and loops over a long one
        # (a framework loop whose graph does not grow with the count)
        (index, lo, hi) = expr.limits[0]
        return f"_runtime.summed(lambda {index}: {self._print(expr.function)}, {self._print(lo)}, {self._print(hi)})"

    def _print_DividedByArgument(self, expr):
        order, z = expr.args
        self.series.add((type(expr), int(order)))
        return f"{expr.helper_name()}({self._print(z)})"

    def _print_per_dtype(self, expr):
        single, double = (self._print(a) for a in expr.args)
        return f"({double} if {self.dtype_of}.dtype == {self.float64} else {single})"

    def _print_evaluated_first(self, expr):
        return f"({self._print(expr.args[0])})"

    def _print_divided(self, expr):
        numerator, denominator = (self.parenthesize(a, PRECEDENCE["Mul"]) for a in expr.args)
        return f"({numerator} / {denominator})"

    # -- hard functions ----------------------------------------------------------------
    def _print_hard_step(self, expr):
        return f"{self.where}({self._print(expr.args[0] >= 0)}, {self._constant(1)}, {self._constant(0)})"

    def _print_hard_sign(self, expr):
        return f"{self.where}({self._print(expr.args[0] >= 0)}, {self._constant(1)}, {self._constant(-1)})"

    # -- outputs -------------------------------------------------------------------------
    def output(self, expr) -> str:
        """An output must be a tensor shaped like x even when it is a constant."""
        if expr.is_number or self._is_python_scalar(expr):
            return self.filled(self._print(expr))
        return self._print(expr)


def strictly(method, printer, expr, owner: str):
    """``method(printer, expr)``, a failure named after ``owner``."""
    try:
        return method(printer, expr)
    except PrintingError as err:
        raise PrintingError(f"{owner}: {err}") from None
    except NotImplementedError:  # SymPy's strict mode: no print method at all
        raise PrintingError(f"{owner}: no {printer.framework} code for {type(expr).__name__} in {expr}") from None


def print_kernel(kernel, owner: str, printer: KernelPrinting) -> dict:
    """A kernel as the strings templates/common/kernel.py.jinja lays out."""
    printer.definitions.update(kernel_definitions(kernel))

    def expr(value):
        return strictly(type(printer).doprint, printer, value, owner)

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
    outputs = [(str(t), strictly(type(printer).output, printer, v, owner)) for t, v in kernel.outputs]
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


def print_series_helper(cls: type, order: int, printer_class) -> dict:
    """The helper function of ``cls(order, z)`` (a DividedByArgument) as the
    strings templates/common/series.py.jinja lays out: the coefficients of
    its Taylor polynomial for each compute dtype and, unless the class is
    series-only, the direct form beyond the bound, one select choosing."""
    owner = f"{cls.__name__} helper"
    z, name = sp.Symbol("z", real=True), cls(order, _SERIES_VARIABLE).helper_name()
    parts = cls.helper(order)
    printer = printer_class("z")

    def text(value):
        return strictly(printer_class.doprint, printer_class("z"), value, owner)

    series = {dtype: [printer.doprint(c) for c in coefficients] for dtype, coefficients in parts["series"].items()}
    ordinal = {0: "", 1: "first derivative of ", 2: "second derivative of ", 3: "third derivative of "}
    function = ordinal.get(order, f"derivative {order} of ") + cls.quotient
    bound = parts["bound"]
    series_form = "its Taylor series" + (", odd" if parts["odd"] else "")
    context = {"name": name, "series": series, "odd": parts["odd"], "direct": None, "where": printer.where}
    context["float64"] = printer.float64
    if parts["direct"] is None:
        context["doc"] = f"{function[0].upper()}{function[1:]}, |z| < {bound} (callers keep it there): {series_form}."
        return context
    context["doc"] = f"{function[0].upper()}{function[1:]}: {series_form} for |z| < {bound}, the direct form beyond."
    to_z = {_SERIES_VARIABLE: z}
    temps, (direct,) = sp.cse([parts["direct"].xreplace(to_z)], symbols=sp.numbered_symbols("_d", real=True))
    context["direct"] = [(str(t), text(v)) for t, v in temps]
    context["direct_value"] = text(direct)
    context["condition"] = text(sp.Abs(z) < bound)
    # where the series is chosen the direct form is evaluated at z + 2*bound, never at its 0/0 (z = 0):
    # the select's gradient there is 0 times the direct form's, which must be finite, not NaN
    context["away"] = text(z + 2 * bound)
    return context


def print_expr(expr, owner: str, printer_class, dtype_of: str = "x") -> str:
    """One expression printed by a backend's printer, a failure named after ``owner``."""
    return strictly(printer_class.doprint, printer_class(dtype_of), expr, owner)


def kernel_definitions(kernel) -> dict:
    """symbol -> value for every assignment of a lowered kernel."""
    pairs = list(kernel.prologue) + list(kernel.body)
    if kernel.loop is not None:
        pairs += list(kernel.loop.body)
    return dict(pairs)
