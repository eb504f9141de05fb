"""The declarative form of an approximation: what the catalog and users write.

Nothing here derives or prints anything; ``check_catalog`` only makes sure a
definition is complete and consistent, so that later stages can trust it.
"""

from __future__ import annotations

import keyword
import re
import math
from dataclasses import dataclass, field
from typing import Mapping

import sympy as sp

from .functions import HARD_FUNCTIONS, DividedByArgument, HardFunction, subclasses

#: The input variable of every approximation.
x = sp.Symbol("x", real=True)

MODES = ("soft", "ste")


class DefinitionError(ValueError):
    """A catalog entry the pipeline cannot turn into an op; the message names it."""


#: Statistics of the first batch a quantizer layer sees, over every axis but
#: its channel axis: what a ``QuantizerLayer.init`` expression may use, next to
#: the op's integer parameters.
MEAN_ABS = sp.Symbol("mean_abs", nonnegative=True)
BATCH_MIN = sp.Symbol("batch_min", real=True)
BATCH_MAX = sp.Symbol("batch_max", real=True)
STATISTICS = (MEAN_ABS, BATCH_MIN, BATCH_MAX)
#: How many elements of one example share one value of a learned parameter
#: (all of them per tensor, one channel's per channel): what a
#: ``QuantizerLayer.gradient_scale`` may use, next to the integer parameters.
ELEMENTS = sp.Symbol("elements", positive=True)


@dataclass(frozen=True)
class QuantizerLayer:
    """The Keras layer of a quantizer: float parameters learned per tensor or
    per channel, each starting from a float or from the first batch.

    - ``init``: {param: {label: expression}}: the layer's ``param=label``
      starts the parameter at the expression, in the first batch's
      statistics (MEAN_ABS, BATCH_MIN, BATCH_MAX) and the integer parameters.
    - ``defaults``: the layer's default for a parameter, a label of ``init``
      or a float (else the op's default).
    - ``trainable``: the parameters learned by default.
    - ``gradient_scale``: the factor on a learned parameter's gradient that
      ``gradient_scale=True`` applies, in ELEMENTS and the integer parameters.
    """

    init: Mapping[str, Mapping[str, sp.Expr]] = field(default_factory=dict)
    defaults: Mapping[str, str | float] = field(default_factory=dict)
    trainable: tuple[str, ...] = ()
    gradient_scale: sp.Expr | None = None


@dataclass(frozen=True)
class Param:
    """A parameter of an approximation.

    ``symbol`` is the SymPy symbol used in the expression. An integer symbol
    (``integer=True``) makes a structural parameter: a Python int fixed at
    trace time, never differentiated. ``domain`` is the set of valid values;
    by default it follows the symbol's assumptions (positive: (0, oo),
    nonnegative: [0, oo), integer and positive: integers >= 1, else all reals).
    """

    symbol: sp.Symbol
    default: float | int | bool
    domain: sp.Interval | None = None
    doc: str = ""

    @property
    def is_integer(self) -> bool:
        return bool(self.symbol.is_integer)

    @property
    def is_boolean(self) -> bool:
        """An integer symbol with a bool default: the op takes a Python bool,
        the expression sees 1 or 0 (a quantizer's signed, narrow_range)."""
        return self.is_integer and isinstance(self.default, bool)

    @property
    def valid_set(self) -> sp.Interval:
        if self.is_boolean:
            return sp.Interval(0, 1)
        if self.domain is not None:
            return self.domain
        if self.is_integer:
            low = 1 if self.symbol.is_positive else (0 if self.symbol.is_nonnegative else -sp.oo)
            return sp.Interval(low, sp.oo)
        if self.symbol.is_positive:
            return sp.Interval.open(0, sp.oo)
        if self.symbol.is_nonnegative:
            return sp.Interval(0, sp.oo)
        return sp.Interval(-sp.oo, sp.oo)


@dataclass(frozen=True)
class Approximation:
    """A smooth stand-in for a hard function, defined once in SymPy.

    - ``expr``: the smooth forward expression in ``x`` and the parameters'
      symbols. With ``repeat="p"`` it is one step, applied p times to x.
    - ``hard``: "round", "step", "sign" (that function of x) or an
      expression built from ``hard_round``/``hard_step``/``hard_sign``.
    - ``modes``: "soft" (smooth forward, exact derivative) and/or "ste"
      (hard forward, the smooth function's exact derivative as gradient).
    - ``shift_equivariant``: f(x + 1) = f(x) + 1. The pipeline proves it and
      then evaluates on x - round(x), so that periodic parts stay accurate
      at large |x|.
    - ``published``: {"y": (formula, citation)} for the function itself,
      {"x": ...} or {param: ...} for its derivatives, as published elsewhere;
      the verifier shows that ours agree.
    - ``hard=None`` with ``modes=("soft",)``: no hard counterpart.
    - ``monotone``: f is non-decreasing in x, jumps included; the property
      tests check the op (and the reference) against it.
    - ``regimes``: conditions on one float parameter alone (alpha < 4). When
      every float parameter is a Python number the op runs the kernels of the
      first regime that holds, derived from ``expr`` with each condition on
      that parameter alone that the regime decides (for the values no earlier
      regime takes) replaced by its truth value, and each
      ``for_fixed_parameters(fixed, general)`` by ``fixed``: one branch where
      every element would evaluate every branch.
    - ``constraints``: comparisons between float parameters that a valid
      call meets (min < max); the verifier's parameter sets keep to them.
    - ``layer``: a QuantizerLayer, for a quantizer whose Keras layer learns
      its parameters per tensor or per channel from a first-batch start.
    - ``clipped``: beyond a finite range of x the op is constant in x (a
      quantizer's clip), so its derivatives have limits at +-inf: the op
      gives there those at the largest finite float (d/dmax of a clip at max
      is 1 at +inf, as in TensorFlow's fake quant). Other ops give 0 for every
      derivative at +-inf. The tests check the claim against the reference.
    - ``levels``: for a quantizer whose float parameters place its levels
      (DSQ's lower and upper), x's position in steps, linear in x: the levels
      are where it is an integer. The verifier then puts the levels on its
      grid, measures x from the nearest level and counts the parameters that
      place the levels as rounded once (see verification/conditioning.py).
    """

    name: str
    hard: str | sp.Expr
    expr: sp.Expr
    params: Mapping[str, Param] = field(default_factory=dict)
    doc: str = ""
    source: str = ""
    modes: tuple[str, ...] = MODES
    default_mode: str | None = None
    repeat: str | None = None
    shift_equivariant: bool = False
    published: Mapping[str, tuple] = field(default_factory=dict)
    monotone: bool = False
    regimes: tuple[sp.Basic, ...] = ()
    constraints: tuple[sp.Basic, ...] = ()
    layer: QuantizerLayer | None = None
    clipped: bool = False
    levels: sp.Expr | None = None

    @property
    def mode(self) -> str:
        return self.default_mode or self.modes[0]

    @property
    def hard_expr(self) -> sp.Expr | None:
        if self.hard is None:
            return None
        if isinstance(self.hard, str):
            return HARD_FUNCTIONS[self.hard](x)
        return self.hard

    @property
    def float_params(self) -> list[str]:
        return [n for n, p in self.params.items() if not p.is_integer]

    @property
    def int_params(self) -> list[str]:
        return [n for n, p in self.params.items() if p.is_integer]


@dataclass(frozen=True)
class Surrogate:
    """One choice of gradient for a hard-forward function: a catalog op in
    ste mode, with the parameters a caller may set and their defaults here."""

    approximation: str
    defaults: Mapping[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class SurrogateChoice:
    """A hard function whose gradient comes from a named surrogate, e.g.
    ``heaviside(x, surrogate="sigmoid", steepness=1.0)``."""

    name: str
    hard: str
    surrogates: Mapping[str, Surrogate]
    default: str
    doc: str = ""
    source: str = ""


def _fail(name: str, cause: str):
    raise DefinitionError(f"{name}: {cause}")


# Names the generated modules use where an op's parameters are in scope, besides
# the XLA helpers (derive/xla.py), which generated_names() adds: the builtins the
# printer and the templates call, the modules they import (the printer writes
# tf.math..., layers.py uses keras, math, ml_dtypes and warnings), the layer
# constructor's own argument, and the package's other modules and function. Other
# builtins stay free (a quantizer's min and max). tests/test_definition_checks.py
# checks this against every name the generated package uses.
GENERATED_NAMES = {
    **dict.fromkeys(("abs", "enumerate", "range", "reversed", "sum", "super"), "Python builtin"),
    **dict.fromkeys(
        ("tf", "jax", "jnp", "torch", "np", "math", "keras", "ml_dtypes", "warnings", "contextlib", "importlib"),
        "module",
    ),
    **dict.fromkeys(("layers", "callbacks", "tensorflow"), "package module"),
    "set_xla": "package function",
    **dict.fromkeys(("BACKEND", "BACKENDS"), "layers module constant"),
    "self": "layer method argument",
}


def generated_names() -> dict[str, str]:
    """{name: what it is} for every name a parameter or an op must not take."""
    from .backends.xla_forms import HELPERS  # which imports this module

    names = dict.fromkeys(HELPERS, "XLA helper")
    names.update(GENERATED_NAMES)
    return names


def _is_series_helper(name: str) -> bool:
    """Whether an op module may define a function of this name: the series
    helpers (sinhc, tanhc_small_d2, ...: any derivative order) and their polynomial."""
    if name == "polynomial":
        return True
    functions = "|".join(sorted(c.__name__ for c in subclasses(DividedByArgument)))
    return re.fullmatch(rf"({functions})(_small)?(_d[0-9]+)?", name) is not None


def _name_problem(name: str) -> str | None:
    """Why ``name`` cannot name an op or a parameter in the generated code, or None."""
    if keyword.iskeyword(name):
        return f"{name!r} is a Python keyword"
    if _is_series_helper(name):
        return f"{name!r} would shadow the series helper of that name in the generated code"
    if name.startswith("_"):
        return f"{name!r} starts with an underscore, as the generated code's private names do"
    taken = generated_names().get(name)
    if taken is not None:
        return f"{name!r} would shadow the {taken} of that name in the generated code"
    return None


def check_approximation(a: Approximation) -> None:
    """Raise DefinitionError naming ``a`` if the definition is incomplete."""
    name = a.name if isinstance(a.name, str) else repr(a.name)
    if not (isinstance(a.name, str) and a.name.isidentifier()):
        _fail(name, "the name must be a Python identifier")
    problem = _name_problem(a.name)
    if problem is not None:
        _fail(name, f"the name {problem}; choose another")
    if not isinstance(a.expr, sp.Expr):
        _fail(name, f"expr must be a SymPy expression, got {type(a.expr).__name__}")
    if x not in a.expr.free_symbols:
        _fail(name, f"expr {a.expr} is not a function of x; the op would not depend on its input")
    if a.hard is None:
        if "ste" in a.modes:
            _fail(name, "ste mode needs a hard function")
    elif isinstance(a.hard, str):
        if a.hard not in HARD_FUNCTIONS:
            _fail(name, f"hard must be one of {sorted(HARD_FUNCTIONS)} or an expression, got {a.hard!r}")
    elif not (isinstance(a.hard, sp.Expr) and a.hard.atoms(HardFunction)):
        _fail(name, "hard must name a hard function or be an expression using hard_round/hard_step/hard_sign")
    if not a.modes or any(m not in MODES for m in a.modes):
        _fail(name, f"modes must be a non-empty subset of {MODES}, got {a.modes!r}")
    if a.mode not in a.modes:
        _fail(name, f"default_mode {a.mode!r} is not one of its modes {a.modes!r}")
    symbols = {x}
    for pname, p in a.params.items():
        if not (isinstance(pname, str) and pname.isidentifier()):
            _fail(name, f"parameter name {pname!r} must be a Python identifier")
        if pname in ("x", "mode", "name"):
            _fail(name, f"parameter name {pname!r} is not allowed: the op takes it already")
        problem = _name_problem(pname)
        if problem is not None:
            _fail(name, f"parameter name {problem}; choose another")
        if not isinstance(p, Param) or not isinstance(p.symbol, sp.Symbol):
            _fail(name, f"parameter {pname!r} must be a Param with a SymPy symbol")
        if p.symbol in symbols:
            _fail(name, f"parameter {pname!r} reuses the symbol {p.symbol}")
        symbols.add(p.symbol)
        used = a.expr.free_symbols | (a.hard.free_symbols if isinstance(a.hard, sp.Expr) else set())
        if p.symbol not in used and pname != a.repeat:
            _fail(name, f"parameter {pname!r} has no symbol {p.symbol} in the expression")
        default = p.default
        if p.is_boolean:
            if p.domain is not None:
                _fail(name, f"parameter {pname!r} is a bool (its default is {default!r}); it takes no domain")
        elif p.is_integer:
            if isinstance(default, bool) or not isinstance(default, int):
                _fail(name, f"parameter {pname!r} is an integer; its default must be a Python int, got {default!r}")
        elif isinstance(default, bool) or not isinstance(default, (int, float)) or not math.isfinite(default):
            _fail(name, f"parameter {pname!r} needs a finite number as default, got {default!r}")
        if not p.valid_set.contains(sp.sympify(int(default) if isinstance(default, bool) else default)):
            _fail(name, f"default {pname}={default!r} is outside its domain {p.valid_set}")
    hard_symbols = a.hard_expr.free_symbols if a.hard is not None else set()
    extra = (a.expr.free_symbols | hard_symbols) - symbols
    if extra:
        _fail(name, f"the expression uses symbols that are neither x nor a parameter: {sorted(map(str, extra))}")
    for wrt, entry in a.published.items():
        if wrt not in ["y", "x"] + a.float_params or not (isinstance(entry, tuple) and len(entry) == 2):
            _fail(name, f"published[{wrt!r}] must be (formula, citation) for y (the value), x or a float parameter")
    float_symbols = {a.params[n].symbol for n in a.float_params}
    for regime in a.regimes:
        if not (isinstance(regime, sp.core.relational.Relational) and len(regime.free_symbols) == 1):
            _fail(name, f"regime {regime} must be a comparison of one float parameter with a number")
        if not regime.free_symbols <= float_symbols:
            _fail(name, f"regime {regime} must be a condition on a float parameter alone")
    for constraint in a.constraints:
        if not (isinstance(constraint, sp.core.relational.Relational) and constraint.free_symbols <= float_symbols):
            _fail(name, f"constraint {constraint} must be a comparison between float parameters")
    if a.levels is not None:
        all_symbols = {x} | {p.symbol for p in a.params.values()}
        levels = sp.sympify(a.levels)
        slope = sp.diff(levels, x)
        if not levels.free_symbols <= all_symbols or slope == 0 or slope.has(x):
            _fail(name, f"levels={a.levels} must be linear in x, in x and the parameters (x's position in steps)")
    if a.repeat is not None:
        if a.repeat not in a.int_params:
            _fail(name, f"repeat={a.repeat!r} must name an integer parameter")
        if a.float_params:
            _fail(name, "a repeated expression cannot have float parameters")
    if a.layer is not None:
        _check_quantizer_layer(a)


def _check_quantizer_layer(a: Approximation) -> None:
    layer, name = a.layer, a.name
    integers = {a.params[n].symbol for n in a.int_params}
    for pname in [*layer.init, *layer.defaults, *layer.trainable]:
        if pname not in a.float_params:
            _fail(name, f"layer: {pname!r} is not a float parameter ({', '.join(a.float_params) or 'none'})")
    for pname, rules in layer.init.items():
        for label, expression in rules.items():
            if not (isinstance(label, str) and label.isidentifier()):
                _fail(name, f"layer: the start of {pname!r} needs an identifier as label, got {label!r}")
            extra = sp.sympify(expression).free_symbols - integers - set(STATISTICS)
            if extra:
                _fail(name, f"layer: the start {label!r} of {pname!r} uses {sorted(map(str, extra))}, "
                      "neither first-batch statistics nor integer parameters")
    for pname, default in layer.defaults.items():
        if isinstance(default, str) and default not in layer.init.get(pname, {}):
            _fail(name, f"layer: the default {default!r} of {pname!r} is no start of init[{pname!r}]")
    if layer.gradient_scale is not None:
        extra = sp.sympify(layer.gradient_scale).free_symbols - integers - {ELEMENTS}
        if extra:
            _fail(name, f"layer: gradient_scale uses {sorted(map(str, extra))}, neither ELEMENTS nor integer parameters")


def check_catalog(catalog) -> None:
    """Check every entry and that names are unique and surrogates resolve."""
    names: set[str] = set()
    approximations = {}
    for entry in catalog:
        if isinstance(entry, Approximation):
            check_approximation(entry)
            approximations[entry.name] = entry
        elif not isinstance(entry, SurrogateChoice):
            raise DefinitionError(
                f"catalog entries must be Approximation or SurrogateChoice, got {type(entry).__name__}"
            )
        if entry.name in names:
            _fail(entry.name, "a catalog entry of this name is defined twice")
        names.add(entry.name)
    for entry in catalog:
        if isinstance(entry, SurrogateChoice):
            if not (isinstance(entry.name, str) and entry.name.isidentifier()):
                _fail(repr(entry.name), "the name must be a Python identifier")
            problem = _name_problem(entry.name)
            if problem is not None:
                _fail(entry.name, f"the name {problem}; choose another")
            if entry.default not in entry.surrogates:
                _fail(entry.name, f"default surrogate {entry.default!r} is not among {sorted(entry.surrogates)}")
            for label, s in entry.surrogates.items():
                target = approximations.get(s.approximation)
                if target is None:
                    _fail(entry.name, f"surrogate {label!r} names unknown approximation {s.approximation!r}")
                if "ste" not in target.modes or target.int_params:
                    _fail(entry.name, f"surrogate {label!r}: {target.name} needs ste mode and no integer parameters")
                unknown = set(s.defaults) - set(target.float_params)
                if unknown:
                    _fail(entry.name, f"surrogate {label!r}: {target.name} has no parameters {sorted(unknown)}")
