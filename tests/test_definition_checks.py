"""Catalog entries the generated code could not hold are refused with a message
naming the approximation (keywords, names the generated code uses, an
expression without x), and a repeated step with floor in it works."""

import ast
import importlib
import os
import subprocess
import sys
from pathlib import Path

import mpmath
import numpy as np
import pytest
import sympy as sp

from derive import Approximation, DefinitionError, Param, generate, x
from derive.catalog import CATALOG
from derive.rendering import class_name
from derive.writing import write_tree

ROOT = Path(__file__).resolve().parent.parent
k = sp.Symbol("k", positive=True)


def approximation(**overrides):
    fields = dict(name="my_round", hard="round", expr=sp.floor(x) + sp.tanh(k * x), params={"k": Param(k, 2.0)})
    fields.update(overrides)
    return Approximation(**fields)


def test_a_parameter_named_like_a_keyword_is_refused_as_a_keyword():
    with pytest.raises(DefinitionError, match="my_round: parameter name 'lambda' is a Python keyword"):
        generate([approximation(params={"lambda": Param(k, 2.0)})])


def test_an_approximation_named_like_a_keyword_is_refused_as_a_keyword():
    with pytest.raises(DefinitionError, match="lambda: the name 'lambda' is a Python keyword"):
        generate([approximation(name="lambda")])


def test_regenerate_refuses_a_keyword_parameter_and_writes_nothing(tmp_path):
    catalog = tmp_path / "keyword_ops.py"
    catalog.write_text(
        "import sympy as sp\nfrom derive import Approximation, Param, x\n"
        "k = sp.Symbol('k', positive=True)\n"
        "CATALOG = [Approximation(name='my_round', hard='round', expr=sp.floor(x) + sp.tanh(k * x),"
        " params={'lambda': Param(k, 2.0)})]\n"
    )
    out = tmp_path / "keyword_ops_tf"
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "regenerate_ops.py"), "--catalog", str(catalog), "--out", str(out)],
        capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert done.returncode == 2, done.stderr
    assert "my_round: parameter name 'lambda' is a Python keyword" in done.stderr
    assert not out.exists()


def _names_the_generated_code_uses(files: dict[str, str]) -> set[str]:
    """Every name that a parameter could shadow where it is in scope: in an op's
    module (its kernels and its function) and in its layer's constructor, the
    names read without being bound there (globals, builtins), the other
    arguments, and the modules and helpers the op modules import."""
    ops = [e for e in CATALOG if isinstance(e, Approximation)]
    params = {n for e in ops for n in e.params}
    entries = {e.name for e in CATALOG}
    functions = []
    backends = {name.split("/")[0] for name in files if "/" in name}
    for op, backend in ((op, backend) for op in ops for backend in sorted(backends)):
        tree = ast.parse(files[f"{backend}/{op.name}.py"])
        for node in tree.body:
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                names = {(a.asname or a.name).split(".")[0] for a in node.names}
                functions.append((names - entries, set()))
        functions += [(set(), f) for f in ast.walk(tree) if isinstance(f, ast.FunctionDef)]
    layers = ast.parse(files["layers.py"])
    for node in layers.body:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            functions.append(({(a.asname or a.name).split(".")[0] for a in node.names} - entries, set()))
        if isinstance(node, ast.ClassDef) and node.name in {class_name(e) for e in entries}:
            functions += [(set(), f) for f in node.body if isinstance(f, ast.FunctionDef) and f.name == "__init__"]
    names = set()
    for imported, function in functions:
        names |= imported
        if not function:
            continue
        arguments = {a.arg for a in function.args.args + function.args.kwonlyargs}
        arguments |= {a.arg for a in (function.args.vararg, function.args.kwarg) if a is not None}
        bound = {n.id for n in ast.walk(function) if isinstance(n, ast.Name) and not isinstance(n.ctx, ast.Load)}
        read = {n.id for n in ast.walk(function) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}
        names |= read - bound - arguments
        if arguments & (params | {"x"}):  # a kernel, an op or a layer: the parameters' own scope
            names |= arguments - params
    return names


def test_the_names_the_generated_code_uses_are_derived_from_it(catalog_files):
    entries = {e.name for e in CATALOG}
    names = _names_the_generated_code_uses(catalog_files)
    # what the printer and the templates are known to emit, as a check on the walk itself
    assert {"tf", "sin_cos_turns", "_runtime", "_OP", "super", "self", "x", "mode"} <= names
    assert not names & entries


@pytest.fixture
def generated_names(catalog_files):
    return sorted(_names_the_generated_code_uses(catalog_files))


def test_a_parameter_named_like_any_name_the_generated_code_uses_is_refused(generated_names):
    accepted = []
    for name in generated_names:
        try:
            generate([approximation(params={name: Param(k, 2.0)})])
        except DefinitionError as err:
            assert str(err).startswith("my_round: parameter"), err
            assert repr(name) in str(err), err
        else:
            accepted.append(name)
    assert not accepted


@pytest.mark.parametrize(
    "name,message",
    [
        ("tf", "parameter name 'tf' would shadow the module of that name in the generated code"),
        ("np", "would shadow the module"),
        ("math", "would shadow the module"),
        ("sum", "would shadow the Python builtin"),
        ("range", "would shadow the Python builtin"),
        ("abs", "would shadow the Python builtin"),
        ("sin_cos_turns", "would shadow the XLA helper"),
        ("_runtime", "starts with an underscore"),
        ("_t0", "starts with an underscore"),
        ("dtype", "clashes with a Keras layer argument"),
    ],
)
def test_a_shadowing_parameter_name_says_what_it_would_shadow(name, message):
    with pytest.raises(DefinitionError, match=f"my_round: .*{message}"):
        generate([approximation(params={name: Param(k, 2.0)})])


def test_a_builtin_the_generated_code_does_not_use_is_a_fine_parameter_name():
    # a quantizer's range is naturally (min, max); shadowing them in the op's scope is harmless
    files = generate([approximation(params={"min": Param(k, 2.0)})])
    assert "def my_round(x, min=2.0" in files["tensorflow/my_round.py"]


def test_an_expression_that_is_not_a_function_of_x_is_refused():
    with pytest.raises(DefinitionError, match=r"my_round: expr k/\(k \+ 1\) is not a function of x"):
        generate([approximation(expr=k / (1 + k))])


@pytest.mark.parametrize("levels", [x**2, k, x * sp.Symbol("q")])
def test_levels_that_are_not_linear_in_x_and_the_parameters_are_refused(levels):
    with pytest.raises(DefinitionError, match=r"my_round: levels=.* must be linear in x"):
        generate([approximation(levels=levels)])


# -- repeat= with floor in the step ---------------------------------------------------
n = sp.Symbol("n", integer=True, positive=True)
_r = x - sp.floor(x)
SMOOTHSTEP_ROUND = Approximation(
    name="smoothstep_round",
    hard="round",
    expr=sp.floor(x) + 3 * _r**2 - 2 * _r**3,
    params={"depth": Param(n, 2, doc="how many times the step is applied")},
    doc="floor(x) plus the smoothstep of frac(x), composed depth times.",
    repeat="depth",
)


def _smoothstep_composed(v, depth):
    for _ in range(depth):
        m = mpmath.floor(v)
        r = v - m
        v = m + 3 * r**2 - 2 * r**3
    return v


@pytest.fixture(scope="module")
def smoothstep_package(tmp_path_factory):
    root = tmp_path_factory.mktemp("repeat")
    write_tree(generate([SMOOTHSTEP_ROUND]), root / "smoothstep_ops")
    sys.path.insert(0, str(root))
    try:
        yield importlib.import_module("smoothstep_ops")
    finally:
        sys.path.remove(str(root))


@pytest.mark.parametrize("depth", [1, 2, 3])
def test_a_repeated_step_with_floor_matches_the_composed_function_and_its_derivatives(tf, smoothstep_package, depth):
    points = [-1.3, -0.45, 0.2, 0.45, 0.8, 2.7, 5.05]
    xs = tf.constant(points, tf.float64)
    with tf.GradientTape() as outer:
        outer.watch(xs)
        with tf.GradientTape() as inner:
            inner.watch(xs)
            y = smoothstep_package.smoothstep_round(xs, depth=depth)
        dy = inner.gradient(y, xs)
    d2y = outer.gradient(dy, xs)
    with mpmath.workdps(50):
        def f(v):
            return _smoothstep_composed(v, depth)

        expected = [[float(mpmath.diff(f, mpmath.mpf(p), order)) for p in points] for order in (0, 1, 2)]
    np.testing.assert_allclose(y.numpy(), expected[0], rtol=1e-14)
    np.testing.assert_allclose(dy.numpy(), expected[1], rtol=1e-12, atol=1e-14)
    np.testing.assert_allclose(d2y.numpy(), expected[2], rtol=1e-11, atol=1e-12)
    np.testing.assert_array_equal(
        smoothstep_package.smoothstep_round(xs, depth=depth, mode="ste").numpy(), np.round(points)
    )


@pytest.mark.parametrize("name,message", [("lambda", "is a Python keyword"), ("tf", "would shadow the module")])
def test_a_surrogate_choice_named_like_a_keyword_or_a_generated_name_is_refused(name, message):
    from derive import Surrogate, SurrogateChoice
    from derive.catalog import sigmoid_step

    choice = SurrogateChoice(name=name, hard="step", surrogates={"sigmoid": Surrogate("sigmoid_step")}, default="sigmoid")
    with pytest.raises(DefinitionError, match=f"{name}: the name '{name}' {message}"):
        generate([sigmoid_step, choice])
