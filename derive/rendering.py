"""Rendering: printed strings into the package's files, through Jinja.

Builds each template's context (names, printed kernels, docstrings) and
renders it. Every file gets a header naming its template and spec; nothing
varies between runs (no timestamps, no absolute paths, sorted where order
is not given).
"""

from __future__ import annotations

import dataclasses
import functools
import re
import subprocess
import textwrap
from pathlib import Path

import jinja2
import sympy as sp
from ruff import find_ruff_bin

from . import lowering
from .functions import HARD_FUNCTIONS, HardFunction, for_fixed_parameters
from .spec import Approximation, DefinitionError, Param, SurrogateChoice

# templates/ beside derive/ in a source checkout; inside the generator once installed
_HERE = Path(__file__).resolve().parent
TEMPLATES = next((p for p in (_HERE / "templates", _HERE.parent / "templates") if p.is_dir()), _HERE / "templates")
REGENERATE = "python scripts/regenerate_ops.py"

ENVIRONMENT = jinja2.Environment(
    loader=jinja2.FileSystemLoader(str(TEMPLATES)),
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
    undefined=jinja2.StrictUndefined,
    autoescape=False,
)


def diffround_version() -> str:
    """The project's version: pyproject.toml's in a source checkout (Python
    3.11+), else the installed distribution's."""
    pyproject = TEMPLATES.parent / "pyproject.toml"
    try:
        import tomllib
    except ImportError:  # Python 3.10
        tomllib = None
    if tomllib is not None and pyproject.is_file():
        return tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["version"]
    from importlib.metadata import version

    return version("diffround")


ENVIRONMENT.globals["diffround_version"] = diffround_version()


def header(template: str, spec: str, command: str) -> str:
    return (
        f"# Generated from template templates/{template} and spec {spec}.\n"
        f"# Do NOT modify by hand: edit the spec or the template, then run\n"
        f"#     {command}"
    )


def _number(value) -> str:
    if value == sp.oo:
        return 'float("inf")'
    if value == -sp.oo:
        return '-float("inf")'
    return repr(float(value))


def _runtime_param(name: str, p: Param) -> str:
    domain = p.valid_set
    if p.is_boolean:
        return f'_runtime.BoolParam("{name}", {p.default!r})'
    if p.is_integer:
        high = "None" if domain.sup == sp.oo else str(int(domain.sup))
        return f'_runtime.IntParam("{name}", {p.default!r}, {int(domain.inf)}, {high})'
    return (
        f'_runtime.FloatParam("{name}", {float(p.default)!r}, {_number(domain.inf)}, {_number(domain.sup)}, '
        f"low_open={bool(domain.left_open)}, high_open={bool(domain.right_open)})"
    )


# docstring lines are wrapped to this width, their indentation included
DOC_WIDTH = 100


# an interval such as (0, inf) or [-1, 1] stays on one line, as the errors write it
_INTERVAL = re.compile(r"([([][^\s()\[\]]+,) ([^\s()\[\]]+[)\]])")
_UNBROKEN_SPACE = "\0"


def _wrapped(line: str) -> str:
    """A docstring line wrapped, its continuation lines indented one more level."""
    lead = line[: len(line) - len(line.lstrip())]
    line = _INTERVAL.sub(rf"\1{_UNBROKEN_SPACE}\2", line)
    wrapped = textwrap.fill(
        line, DOC_WIDTH - 4, subsequent_indent=lead + "    ", break_long_words=False, break_on_hyphens=False
    )
    return wrapped.replace(_UNBROKEN_SPACE, " ")


def _indent(text: str) -> str:
    lines = "\n".join(_wrapped(line) if line.strip() else line for line in text.split("\n"))
    return textwrap.indent(lines, "    ").rstrip()


def _formula(expr: sp.Expr) -> str:
    return sp.sstr(expr)


# The hard functions in words, as the README and the errors name them.
HARD_FUNCTION_WORDS = {
    "round": "round(u): round half to even (as tf.round, jnp.round and torch.round)",
    "step": "step(u): 1 where u >= 0, else 0",
    "sign": "sign(u): +1 where u >= 0, else -1",
}
MODE_WORDS = {
    "soft": '"soft" (smooth forward, exact derivative)',
    "ste": '"ste" (hard forward, the smooth derivative as gradient)',
}


def _hard_in_words(hard: sp.Expr) -> tuple[str, list[str]]:
    """The hard expression with hard_round/step/sign printed as round/step/sign,
    and a line saying what each of those is."""
    names = {cls: name for name, cls in HARD_FUNCTIONS.items()}
    hard = _without_order(hard)
    used = sorted({names.get(type(f), type(f).__name__) for f in hard.atoms(HardFunction)})
    plain = hard.replace(lambda e: type(e) in names, lambda e: sp.Function(names[type(e)])(*e.args))
    # a hard function of a user's own is described by its docstring's first sentence
    others = {type(f).__name__: type(f) for f in hard.atoms(HardFunction)}
    words = [HARD_FUNCTION_WORDS.get(n) or f"{n}(u): {_first_sentence(others[n])}" for n in used]
    return _formula(plain), words


def _first_sentence(cls) -> str:
    text = " ".join((cls.__doc__ or cls.__name__).split())
    sentence = text.split(": ")[0].split(". ")[0].rstrip(".")
    return sentence[0].lower() + sentence[1:]


def domain_text(p: Param) -> str:
    """A parameter's domain written as the runtime's errors write it: (0, inf), an int >= 1."""
    domain = p.valid_set
    if p.is_boolean:
        return "a bool (True or False)"
    if p.is_integer:
        low = int(domain.inf)
        return f"an int >= {low}" if domain.sup == sp.oo else f"an int in [{low}, {int(domain.sup)}]"
    left, right = "(" if domain.left_open else "[", ")" if domain.right_open else "]"
    return f"{left}{float(domain.inf):g}, {float(domain.sup):g}{right}"


def _mode_line(a: Approximation) -> str:
    if len(a.modes) > 1:
        return f'    mode: {" or ".join(MODE_WORDS[m] for m in a.modes)}; default "{a.mode}".'
    return f'    mode: {MODE_WORDS[a.mode]}, the only mode of this op; default "{a.mode}".'


def _without_order(expr: sp.Expr) -> sp.Expr:
    """expr without the functions that only fix the order of operations
    (evaluated_first, divided): the formula as a reader writes it."""
    from .functions import evaluated_first
    from .quantization import divided

    expr = expr.replace(lambda e: isinstance(e, evaluated_first), lambda e: e.args[0])
    return expr.replace(lambda e: isinstance(e, divided), lambda e: e.args[0] / e.args[1])


def _smooth_line(a: Approximation) -> str:
    """"Smooth forward: ..." or, for an expression that takes its value from a
    hard one (straight_through: the quantizers), "Gradient from: ..." with
    the expression whose derivative the gradient is."""
    from .quantization import straight_through

    # a form that only a regime's kernels take says nothing the general one does not
    expr = a.expr.replace(lambda e: isinstance(e, for_fixed_parameters), lambda e: e.args[1])
    if not expr.has(straight_through):
        return f"Smooth forward: {_formula(expr)}"
    if isinstance(expr, straight_through):
        expr = expr.args[1]
    expr = expr.replace(
        lambda e: isinstance(e, straight_through) and e.args[0] == HARD_FUNCTIONS["round"](e.args[1]),
        lambda e: sp.Function("round_ste")(e.args[1]),
    )
    expr = _without_order(expr)
    expr = expr.replace(lambda e: isinstance(e, straight_through), lambda e: sp.Function("straight_through")(*e.args))
    names = {cls: name for name, cls in HARD_FUNCTIONS.items()}
    expr = expr.replace(lambda e: type(e) in names, lambda e: sp.Function(names[type(e)])(*e.args))
    return f"Gradient from: {_formula(expr)}"


def op_docstring(a: Approximation, backend) -> str:
    lines = [a.doc, ""]
    lines.append(_smooth_line(a))
    if a.repeat:
        lines.append(f"    applied {a.repeat} times, x being the previous result.")
    symbols = {p.symbol: sp.Symbol(n) for n, p in a.params.items()}
    if a.hard is not None:
        hard, meanings = _hard_in_words(a.hard_expr.xreplace(symbols))
        lines.append(f"Hard function: {hard}")
        lines += [f"    {m}." for m in meanings]
    if symbols:
        lines.append("  with " + ", ".join(f"{p.symbol} = {n}" for n, p in a.params.items()))
    lines += ["", "Args:", f"    x: {backend.tensor_words}."]
    for name, p in a.params.items():
        if p.is_integer:
            kind = domain_text(p).replace("an int", "a Python int", 1).replace("a bool", "a Python bool", 1)
        else:
            kind = f"float or float tensor broadcasting with x (differentiable), in {domain_text(p)}"
        lines.append(f"    {name}: {p.doc or name}; {kind}, default {p.default!r}.")
    lines.append(_mode_line(a))
    lines.append(f"    name: {backend.name_words}")
    lines += ["", "Returns:", "    A tensor of x's dtype and the broadcast shape of x and the parameters."]
    if a.source:
        lines += ["", f"Source: {a.source}."]
    return _indent("\n".join(lines)).lstrip()


# A forward that would save more tensors of x's size than this for its backward
# saves none: the backward recomputes from x (as the XLA kernels always do).
MAX_RESIDUALS = 8


def without_many_residuals(group: dict) -> dict:
    value = group.get("value")
    if value is None or len(value.residuals) <= MAX_RESIDUALS:
        return group
    return {**group, "value": dataclasses.replace(value, residuals=[]), "gradient_from_residuals": None}


def specialised(expr: sp.Expr, regime, region=None) -> sp.Expr:
    """expr with each comparison of the regime's parameter alone that the
    regime decides (alpha < 40 where alpha < 4) replaced by True or False;
    ``region``, the set of the parameter's values where the regime is
    taken, is the regime's own by default."""
    (symbol,) = regime.free_symbols
    region = regime.as_set() if region is None else region
    expr = expr.replace(lambda e: isinstance(e, for_fixed_parameters), lambda e: e.args[0])

    def decide(comparison):
        if comparison.free_symbols != {symbol}:
            return comparison
        holds = comparison.as_set()
        if region.is_subset(holds):
            return sp.true
        if region.intersect(holds).is_empty:
            return sp.false
        return comparison

    return expr.replace(lambda e: isinstance(e, sp.core.relational.Relational), decide)


_COMPARISON_WORDS = {"<": "below", "<=": "to", ">": "above", ">=": "from"}


def _regime_tag(condition) -> str:
    """An identifier for a regime: alpha < 4 -> alpha_below_4."""
    bound = str(condition.rhs).replace(".", "_").replace("/", "_over_").replace("-", "minus_")
    return f"{condition.lhs}_{_COMPARISON_WORDS[condition.rel_op]}_{bound}"


def regime_kernels(a: Approximation) -> list[tuple[str, str, dict]]:
    """(tag, predicate, kernels) for each regime: the "x" kernels of the
    expression specialised to it, and the predicate that selects it, as
    Python source over the float parameters' values."""
    public = {a.params[n].symbol: sp.Symbol(n) for n in a.float_params}
    out = []
    taken = {}  # per parameter, the values an earlier regime takes
    for regime in a.regimes:
        condition = regime.xreplace(public)
        tag = _regime_tag(condition)
        (symbol,) = regime.free_symbols
        region = regime.as_set() - taken.get(symbol, sp.S.EmptySet)
        taken[symbol] = taken.get(symbol, sp.S.EmptySet) | regime.as_set()
        single = dataclasses.replace(a, expr=specialised(a.expr, regime, region), regimes=())
        kernels = without_many_residuals(lowering.build(single, params=False).variants["x"])
        kernels = {
            role: None if k is None else dataclasses.replace(k, name=k.name.removesuffix("_x") + "_" + tag)
            for role, k in kernels.items()
        }
        out.append((tag, f"lambda {', '.join(a.float_params)}: {sp.sstr(condition)}", kernels))
    return out


def op_context(a: Approximation, kernel_set: lowering.KernelSet, regimes, backend) -> dict:
    """What every backend's op template needs besides the printed kernels."""
    params = [{"name": n, "runtime": _runtime_param(n, p)} for n, p in a.params.items()]
    # every op takes mode, one with a single mode too (refusing the other by name)
    signature = ["x"] + [f"{n}={p.default!r}" for n, p in a.params.items()] + [f'mode="{a.mode}"', "name=None"]
    values = ", ".join(f'"{n}": {n}' for n in a.params)
    return {
        "name": a.name,
        "summary": a.doc.split(".")[0] + ".",
        "params": params,
        "modes": list(a.modes),
        "signature": ", ".join(signature),
        "docstring": op_docstring(a, backend),
        "call": f"_OP(x, {{{values}}}, mode, name)",
        "hard": "_hard" if kernel_set.hard is not None else "None",
        "regimes": [(tag, predicate) for tag, predicate, _ in regimes],
        "clipped": a.clipped,
    }


def choice_context(c: SurrogateChoice, backend) -> dict:
    lines = [c.doc, "", "Args:", f"    x: {backend.tensor_words}."]
    labels = ", ".join(f'"{label}"' for label in c.surrogates)
    lines.append(f'    surrogate: which gradient: {labels}; default "{c.default}".')
    lines.append(f'    mode: {MODE_WORDS["ste"]}, the only mode of this op; default "ste".')
    lines.append(f"    name: {backend.name_words}")
    lines.append("    **params: the surrogate's parameters:")
    for label, s in c.surrogates.items():
        defaults = ", ".join(f"{k}={v!r}" for k, v in s.defaults.items()) or "none"
        lines.append(f'        "{label}": {s.approximation} in ste mode, {defaults}.')
    if c.source:
        lines += ["", f"Source: {c.source}."]
    surrogates = [
        (label, s.approximation, "{" + ", ".join(f'"{k}": {float(v)!r}' for k, v in s.defaults.items()) + "}")
        for label, s in c.surrogates.items()
    ]
    return {
        "name": c.name,
        "summary": c.doc.split(".")[0] + ".",
        "imports": sorted({s.approximation for s in c.surrogates.values()}),
        "surrogates": surrogates,
        "default": c.default,
        "docstring": _indent("\n".join(lines)).lstrip(),
    }


# A layer's constructor takes the op's parameters next to these; an op parameter
# of one of these names would be ambiguous there.
LAYER_ARGUMENTS = {
    "mode", "surrogate", "trainable_params", "kwargs", "name", "dtype", "trainable", "autocast",
    "input_shape", "input_dim", "batch_size", "batch_input_shape", "activity_regularizer",
    "per_channel_axis", "gradient_scale",  # a quantizer layer's
}
# Names that layers.py.jinja defines besides the layer classes.
LAYER_MODULE_NAMES = {"InDomain", "PACKAGE", "BACKEND", "BACKENDS", "QuantizedDense", "QuantizedConv2D", "QUANTIZERS"}


def class_name(name: str) -> str:
    """The Keras layer class of an op: sigmoid_round -> SigmoidRound."""
    return "".join(part[:1].upper() + part[1:] for part in name.split("_"))


def _layer_docstring(entry, param_lines: list[str], trainable: str) -> str:
    lines = [f"Keras layer applying {entry.name} elementwise: {entry.doc}", "", "Args:"]
    lines += param_lines
    lines.append(
        f"    trainable_params: names of float parameters to learn ({trainable}); each becomes a "
        "trainable weight kept in its domain by an InDomain constraint. The other float parameters "
        "are non-trainable weights, which the Anneal callback can schedule."
    )
    lines.append("    **kwargs: keras.layers.Layer arguments (name, dtype, ...).")
    return _indent("\n".join(lines)).lstrip()


def _layer_op(a: Approximation) -> dict:
    params = []
    for n, p in a.params.items():
        if p.is_integer:
            kind = domain_text(p).replace("an int", "a Python int", 1).replace("a bool", "a Python bool", 1) + ", fixed"
        else:
            kind = f"float; the initial value of its weight, in {domain_text(p)}"
        params.append(f"    {n}: {p.doc or n}; {kind}, default {p.default!r}.")
    # mode as the op takes it: an op with one mode too
    signature = [f"{n}={p.default!r}" for n, p in a.params.items()] + [f'mode="{a.mode}"']
    params.append(_mode_line(a))
    trainable = ", ".join(f'"{n}"' for n in a.float_params) or "none"
    return {
        "kind": "op",
        "names": list(a.params),
        "signature": signature,
        "arguments": "{" + ", ".join(f'"{n}": {n}' for n in a.params) + "}",
        "mode": "mode",
        "docstring": _layer_docstring(a, params, trainable),
    }


def _layer_python(a: Approximation, expression: sp.Expr) -> tuple[list[str], str]:
    """A QuantizerLayer expression as a Python lambda's arguments and body:
    the integer parameters by their names, then the statistics it uses."""
    names = {a.params[n].symbol: sp.Symbol(n) for n in a.int_params}
    expression = sp.sympify(expression).xreplace(names)
    used = sorted(str(s) for s in expression.free_symbols if s not in names.values())
    return a.int_params + used, sp.pycode(expression)


def _layer_quantizer(a: Approximation) -> dict:
    """A quantizer's layer: its float parameters learned per tensor or per channel."""
    layer = a.layer
    defaults = {n: layer.defaults.get(n, p.default) for n, p in a.params.items()}
    params = []
    for n, p in a.params.items():
        if p.is_integer:
            kind = domain_text(p).replace("an int", "a Python int", 1).replace("a bool", "a Python bool", 1) + ", fixed"
            params.append(f"    {n}: {p.doc or n}; {kind}, default {p.default!r}.")
            continue
        starts = " or ".join(
            f'"{label}" ({_plain(a, expression)} of the first batch)' for label, expression in layer.init.get(n, {}).items()
        )
        start = f"a float in {domain_text(p)}" + (f", or {starts}" if starts else "")
        params.append(f"    {n}: {p.doc or n}; its start: {start}; default {defaults[n]!r}.")
    params.append(
        "    per_channel_axis: None for one value of each float parameter per tensor, or the axis of x whose "
        "channels each get their own (e.g. -1)."
    )
    signature = [f"{n}={defaults[n]!r}" for n in a.params] + ["per_channel_axis=None"]
    gradient_scale = None
    if layer.gradient_scale is not None:
        arguments, body = _layer_python(a, layer.gradient_scale)
        gradient_scale = f"lambda {', '.join(arguments)}: {body}"
        params.append(
            f"    gradient_scale: if True, each learned parameter's gradient is multiplied by "
            f"{_plain(a, layer.gradient_scale)}, elements being how many elements of one example share its value; "
            "default False."
        )
        signature.append("gradient_scale=False")
    signature.append(f'mode="{a.mode}"')
    params.append(_mode_line(a))
    starts = {}
    for n, rules in layer.init.items():
        starts[n] = {}
        for label, expression in rules.items():
            arguments, body = _layer_python(a, expression)
            statistics = tuple(arguments[len(a.int_params):])
            starts[n][label] = f"({statistics!r}, lambda {', '.join(arguments)}: {body})"
    trainable = ", ".join(f'"{n}"' for n in a.float_params)
    lines = [f"Keras layer applying {a.name} elementwise: {a.doc}", "", "Args:", *params]
    lines.append(
        f"    trainable_params: names of float parameters to learn ({trainable}); default "
        f"{tuple(layer.trainable)!r}. Each is held as a weight of one value per tensor or per channel, kept in "
        "its domain; the others as non-trainable weights, which the Anneal callback can schedule."
    )
    lines.append("    **kwargs: keras.layers.Layer arguments (name, dtype, ...).")
    return {
        "kind": "quantizer",
        "names": list(a.params),
        "signature": signature,
        "trainable_default": repr(tuple(layer.trainable)),
        "arguments": "{" + ", ".join(f'"{n}": {n}' for n in a.params) + "}",
        "mode": "mode",
        "gradient_scale": gradient_scale,
        "starts": starts,
        "docstring": _indent("\n".join(lines)).lstrip(),
    }


def _plain(a: Approximation, expression: sp.Expr) -> str:
    """A QuantizerLayer expression as the docstring writes it, in the parameters' names."""
    names = {a.params[n].symbol: sp.Symbol(n) for n in a.int_params}
    return str(sp.sympify(expression).xreplace(names)).replace("**", "^")


def _layer_choice(c: SurrogateChoice) -> dict:
    names = list(dict.fromkeys(k for s in c.surrogates.values() for k in s.defaults))
    labels = ", ".join(f'"{label}"' for label in c.surrogates)
    params = [f'    surrogate: which gradient: {labels}; default "{c.default}".']
    params.append(f'    mode: {MODE_WORDS["ste"]}, the only mode of this op; default "ste".')
    for n in names:
        users = ", ".join(f'"{label}"' for label, s in c.surrogates.items() if n in s.defaults)
        params.append(f"    {n}: parameter of the surrogates {users}; None for the surrogate's default.")
    return {
        "kind": "choice",
        "names": names,
        "signature": [f'surrogate="{c.default}"', 'mode="ste"'] + [f"{n}=None" for n in names],
        "arguments": "{" + ", ".join(f'"{n}": {n}' for n in names) + "}",
        "surrogates": [(label, s.approximation) for label, s in c.surrogates.items()],
        "docstring": _layer_docstring(c, params, "of the chosen surrogate"),
    }


def layers_context(catalog) -> dict:
    """One Keras layer class per catalog entry; DefinitionError if two entries
    give the same class name or a parameter name a layer cannot take."""
    layers, owners = [], {}
    for entry in catalog:
        if isinstance(entry, Approximation):
            layer = _layer_op(entry) if entry.layer is None else _layer_quantizer(entry)
        else:
            layer = _layer_choice(entry)
        clashing = sorted(set(layer["names"]) & LAYER_ARGUMENTS)
        if clashing:
            raise DefinitionError(f"{entry.name}: parameter {clashing[0]!r} clashes with a Keras layer argument")
        cls = class_name(entry.name)
        if cls in owners or cls in LAYER_MODULE_NAMES:
            other = owners.get(cls, "the layers module")
            raise DefinitionError(f"{entry.name}: its layer class name {cls} is taken by {other}")
        owners[cls] = entry.name
        layer.update(
            class_name=cls,
            function=entry.name,
            signature=", ".join(
                layer["signature"] + [f"trainable_params={layer.get('trainable_default', '()')}", "**kwargs"]
            ),
        )
        layers.append(layer)
    quantizers = ", ".join(f'"{layer["function"]}"' for layer in layers if layer["kind"] == "quantizer")
    return {"layers": layers, "quantizer_names": quantizers or "none"}


# Generated modules are formatted by ruff's formatter (pinned in pyproject.toml's
# dev extra, as the generator's own dependency): the same text on every machine.
# It runs as a program, on the text alone: no configuration file is read.
LINE_LENGTH = 120
FORMAT_COMMAND = (
    "format",
    "--isolated",
    f"--line-length={LINE_LENGTH}",
    "--target-version=py310",
    "--config=format.skip-magic-trailing-comma = true",
    "--config=lint.isort.split-on-trailing-comma = false",  # else ruff warns of the line above
    "-",
)


def render(template: str, spec: str, **context) -> str:
    head = header(template, spec, context.pop("command"))
    text = ENVIRONMENT.get_template(template).render(header=head, **context)
    body = text.removeprefix(head + "\n")
    # the formatter leaves comment lines without trailing spaces as they are, so the
    # code under the header is formatted alone: regenerations that name another spec
    # or command (a user's catalog, the tests) then reuse the runtime files' formatting
    if body != text and not body.startswith("\n") and all(line == line.rstrip() for line in head.splitlines()):
        return head + "\n" + formatted(body)
    return formatted(text)


# every regeneration in a process renders the runtime and package files to the same text
@functools.lru_cache(maxsize=512)
def formatted(text: str) -> str:
    """The text as ruff's formatter writes it; ValueError with its message
    where the text is no Python it can read."""
    run = subprocess.run([find_ruff_bin(), *FORMAT_COMMAND], input=text, capture_output=True, text=True)
    if run.returncode != 0:
        raise ValueError(f"ruff format could not format the generated code: {run.stderr.strip()}")
    return run.stdout


class _Front:
    """How the package's top level describes x and the name: any backend's."""

    def __init__(self, backends):
        self.backend_names = [b.name for b in backends]
        self.tensor_words = " or ".join(b.tensor_type for b in backends) + " (float16, bfloat16, float32 or float64)"
        if backends[0].name == "tensorflow":
            self.tensor_words += "; a NumPy array or a Python number goes to TensorFlow"
        self.name_words = "optional name scope (TensorFlow, JAX)." if len(backends) > 1 else backends[0].name_words


def _front_op(entry, front) -> dict:
    if isinstance(entry, Approximation):
        return {
            "name": entry.name,
            "signature": ", ".join(
                ["x"] + [f"{n}={p.default!r}" for n, p in entry.params.items()] + [f'mode="{entry.mode}"', "name=None"]
            ),
            "docstring": op_docstring(entry, front),
            "tensors": ", ".join(["x", *entry.float_params]),
            "arguments": ", ".join(["x", *entry.params, "mode=mode", "name=name"]),
        }
    return {
        "name": entry.name,
        "signature": f'x, surrogate="{entry.default}", mode="ste", name=None, **params',
        "docstring": choice_context(entry, front)["docstring"],
        "tensors": "x, *params.values()",
        "arguments": "x, surrogate, mode, name, **params",
    }


def front_files(catalog, backends, spec_file: str, command: str, random_ops=()) -> dict[str, str]:
    """The package's top level: the ops dispatching on their input's
    framework, and the Keras layers and callbacks, which run on the backend
    Keras runs on (the catalog's ops; a random op with a fixed seed draws
    the same noise at every step, so it has no layer of its own)."""
    from .random_ops import front_op

    names = [b.name for b in backends]
    front = _Front(backends)
    exports = [(e.name, e.name) for e in [*catalog, *random_ops]]
    lazy = names + ["layers", "callbacks"]
    package = {
        "docstring": "Differentiable rounding, step and sign functions, generated by diffround.",
        "exports": exports,
        "backends": "the subpackages " + ", ".join(names),
        "lazy": lazy,
        "tensorflow": "tensorflow" in names,
    }
    modules = [(m, b.name) for b in backends for m in b.tensor_modules]
    dispatch = {"modules": modules, "default": names[0], "backends": names}
    files = {
        "__init__.py": render("package/__init__.py.jinja", spec_file, package=package, command=command),
        "_dispatch.py": render("package/_dispatch.py.jinja", spec_file, dispatch=dispatch, command=command),
        "_arguments.py": render("package/_arguments.py.jinja", spec_file, command=command),
        "_ops.py": render(
            "package/_ops.py.jinja", spec_file, front={"ops": [_front_op(e, front) for e in catalog] + [front_op(r, front) for r in random_ops]},
            command=command,
        ),
    }
    keras = layers_context(catalog)
    files["layers.py"] = render("keras/layers.py.jinja", spec_file, keras=keras, command=command)
    files["callbacks.py"] = render("keras/callbacks.py.jinja", spec_file, command=command)
    return files
