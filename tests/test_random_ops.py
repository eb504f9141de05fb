"""The random ops (derive/random_ops.py): stochastic_round and uniform_noise on
every backend.

What is exact is tested exactly: the declared forward's mean over u is x
(SymPy integrates it), stochastic_round gives floor(x) or ceil(x) and
uniform_noise - x lies in [-1/2, 1/2], the gradient is exactly 1 and the
second derivative 0, the same seed gives the same numbers (in one process,
in another, eagerly and compiled), JAX's and PyTorch's draws are their
frameworks' documented ones. The means over many draws of one fixed seed
are within 6 standard deviations of x (the bound of a binomial or uniform
mean), and a bad seed, mode or x is refused naming the op, the parameter,
the value and the range."""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest
import sympy as sp

from derive import DefinitionError, RandomOp, generate, u, x
from derive.catalog import CATALOG, RANDOM_OPS, ste_round
from derive.functions import evaluated_first

jax = pytest.importorskip("jax")
jax.config.update("jax_enable_x64", True)
import jax.numpy as jnp  # noqa: E402
import torch  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
BACKENDS = ("tensorflow", "jax", "torch")
DTYPES = ("float16", "bfloat16", "float32", "float64")
SEED_RANGE = "[0, 4294967295]"
# values every dtype holds exactly, with fractional parts 0, 1/4, 1/2, 3/4
VALUES = np.array([-2.75, -1.0, -0.5, -0.25, 0.0, 0.25, 0.5, 1.75, 3.0, 6.5], np.float64)


@pytest.fixture(scope="module")
def tf():
    import tensorflow

    return tensorflow


@pytest.fixture(scope="module")
def dr():
    import diffround

    return diffround


def make(tf, backend, values, dtype):
    """values (float64 NumPy) as a tensor of the backend, in dtype."""
    if backend == "tensorflow":
        return tf.cast(tf.constant(values, tf.float64), dtype)
    if backend == "jax":
        return jnp.asarray(values, jnp.float64).astype(dtype)
    return torch.tensor(values, dtype=torch.float64).to(getattr(torch, dtype))


def numpy(y):
    """Any backend's tensor as float64 NumPy."""
    if isinstance(y, torch.Tensor):
        return y.detach().to(torch.float64).numpy()
    if hasattr(y, "numpy") and not isinstance(y, jax.Array):
        y = y.numpy()
    return np.asarray(y).astype(np.float64)


def dtype_name(y):
    if isinstance(y, torch.Tensor):
        return str(y.dtype).removeprefix("torch.")
    return np.dtype(y.dtype).name if isinstance(y, jax.Array) else y.dtype.name


# -- the declarations ----------------------------------------------------------------------


@pytest.mark.parametrize("op", RANDOM_OPS, ids=lambda op: op.name)
@pytest.mark.parametrize("value", [sp.Rational(7, 3), sp.Rational(-5, 4), sp.Integer(2), sp.Rational(-1, 1000)])
def test_the_declared_forward_has_mean_x_over_u(op, value):
    # evaluated_first only orders the float operations: the formula as a reader writes it
    formula = op.expr.replace(lambda e: isinstance(e, evaluated_first), lambda e: e.args[0])
    mean = sp.integrate(formula.subs(x, value), (u, 0, 1))
    assert sp.simplify(mean - op.mean.subs(x, value)) == 0
    assert op.mean == x


def test_a_random_op_without_u_or_with_a_taken_name_or_two_modes_is_refused():
    cases = [
        (RandomOp(name="noisy", expr=x + 1, modes=("soft",)), "noisy: expr must be a SymPy expression in x and the uniform draw u"),
        (RandomOp(name="ste_round", expr=x + u, modes=("soft",)), "ste_round: a catalog entry or random op of this name"),
        (RandomOp(name="noisy", expr=x + u, modes=("soft", "ste")), "noisy: modes must be one of"),
        (RandomOp(name="noisy", expr=x + u + sp.Symbol("k"), modes=("soft",)), "noisy: expr uses symbols other than x and u: ['k']"),
        (RandomOp(name="tf", expr=x + u, modes=("soft",)), "tf: the name 'tf' would shadow the module"),
    ]
    for op, message in cases:
        with pytest.raises(DefinitionError, match=message.replace("[", r"\[").replace("]", r"\]").replace("(", r"\(")):
            generate([ste_round], random_ops=[op], backends=["tensorflow"])


def test_the_random_ops_are_not_in_the_derived_catalog_and_the_package_exports_them(dr):
    names = {op.name for op in RANDOM_OPS}
    assert names == {"stochastic_round", "uniform_noise"}
    assert not names & {e.name for e in CATALOG}
    assert names <= set(dr.__all__)
    for backend in BACKENDS:
        module = getattr(dr, backend)
        assert names <= set(module.__all__)


# -- values --------------------------------------------------------------------------------


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("backend", BACKENDS)
def test_stochastic_round_gives_floor_or_ceil_and_integers_unchanged(tf, dr, backend, dtype):
    values = np.tile(VALUES, 500).reshape(50, -1)
    y = dr.stochastic_round(make(tf, backend, values, dtype), 11)
    assert dtype_name(y) == dtype and tuple(y.shape) == values.shape
    got = numpy(y)
    assert np.all((got == np.floor(values)) | (got == np.ceil(values)))
    integers = values == np.floor(values)
    assert np.array_equal(got[integers], values[integers])
    # every non-integer value rounds both ways somewhere among its 500 draws
    for value in VALUES[VALUES != np.floor(VALUES)]:
        assert {np.floor(value), np.ceil(value)} == set(got[values == value])


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("backend", BACKENDS)
def test_stochastic_round_is_unbiased_over_many_draws_of_one_seed(tf, dr, backend, dtype):
    n = 1 << 16
    for value in (0.25, -1.75, 2.5):
        got = numpy(dr.stochastic_round(make(tf, backend, np.full(n, value), dtype), 2024))
        p = value - np.floor(value)
        assert abs(got.mean() - value) <= 6 * np.sqrt(p * (1 - p) / n), (value, got.mean())


@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("backend", BACKENDS)
def test_uniform_noise_adds_noise_in_half_a_step_with_mean_0_and_variance_1_12(tf, dr, backend, dtype):
    n = 1 << 16
    values = np.resize(VALUES, n)
    y = dr.uniform_noise(make(tf, backend, values, dtype), 5)
    assert dtype_name(y) == dtype
    noise = numpy(y) - values
    # one rounding of the sum to the dtype: at most half a spacing of |x| + 1/2 (|x| <= 6.5 < 8)
    slack = {"float16": 2.0**-8, "bfloat16": 2.0**-5, "float32": 2.0**-21, "float64": 2.0**-50}[dtype]
    assert noise.min() >= -0.5 - slack and noise.max() <= 0.5 + slack
    assert abs(noise.mean()) <= 6 * np.sqrt(1 / 12 / n) + slack
    # the variance of a uniform on [-1/2, 1/2): 1/12; its estimate's sd is sqrt(1/180/n)
    assert abs(noise.var() - 1 / 12) <= 6 * np.sqrt(1 / 180 / n) + slack
    # a quarter of the draws in each quarter of the interval
    quarters = np.histogram(noise, bins=[-1, -0.25, 0, 0.25, 1])[0] / n
    assert np.all(np.abs(quarters - 0.25) <= 6 * np.sqrt(0.25 * 0.75 / n) + 0.01 * (dtype in ("float16", "bfloat16")))


# -- gradients -----------------------------------------------------------------------------


@pytest.mark.parametrize("op", ["stochastic_round", "uniform_noise"])
@pytest.mark.parametrize("dtype", DTYPES)
def test_gradient_is_the_upstream_gradient_exactly_and_second_derivative_zero_tensorflow(tf, dr, op, dtype):
    x_ = tf.Variable(make(tf, "tensorflow", VALUES, dtype))
    weights = make(tf, "tensorflow", np.arange(1, 11) / 8, dtype)
    with tf.GradientTape() as outer:
        with tf.GradientTape() as inner:
            y = tf.reduce_sum(getattr(dr, op)(x_, 3) * weights)
        grad = inner.gradient(y, x_)
        second = tf.reduce_sum(grad * weights)
    assert grad.dtype == x_.dtype and np.array_equal(numpy(grad), numpy(weights))
    hessian = outer.gradient(second, x_)
    assert hessian is None or not np.any(numpy(hessian))
    with tf.autodiff.ForwardAccumulator(x_, weights) as accumulator:
        y = getattr(dr, op)(x_, 3)
    assert np.array_equal(numpy(accumulator.jvp(y)), numpy(weights))


@pytest.mark.parametrize("op", ["stochastic_round", "uniform_noise"])
@pytest.mark.parametrize("dtype", DTYPES)
def test_gradient_is_the_upstream_gradient_exactly_and_second_derivative_zero_jax(dr, op, dtype):
    x_ = make(None, "jax", VALUES, dtype)
    weights = make(None, "jax", np.arange(1, 11) / 8, dtype)
    function = getattr(dr, op)
    grad = jax.grad(lambda v: jnp.sum(function(v, 3) * weights))(x_)
    assert grad.dtype == x_.dtype and np.array_equal(numpy(grad), numpy(weights))
    _, tangent = jax.jvp(lambda v: function(v, 3), (x_,), (weights,))
    assert np.array_equal(numpy(tangent), numpy(weights))
    if dtype in ("float32", "float64"):
        hessian = jax.hessian(lambda v: jnp.sum(function(v, 3)))(x_)
        assert not np.any(numpy(hessian))


@pytest.mark.parametrize("op", ["stochastic_round", "uniform_noise"])
@pytest.mark.parametrize("dtype", DTYPES)
def test_gradient_is_the_upstream_gradient_exactly_and_second_derivative_zero_torch(dr, op, dtype):
    x_ = make(None, "torch", VALUES, dtype).requires_grad_()
    weights = make(None, "torch", np.arange(1, 11) / 8, dtype)
    function = getattr(dr, op)
    (grad,) = torch.autograd.grad((function(x_, 3) * weights).sum(), x_, create_graph=True)
    assert grad.dtype == x_.dtype and torch.equal(grad, weights)
    # the gradient does not depend on x (as autograd's own for a linear function): second derivative 0
    assert not grad.requires_grad
    _, tangent = torch.func.jvp(lambda v: function(v, 3), (x_.detach(),), (weights,))
    assert torch.equal(tangent, weights)
    assert torch.equal(torch.func.grad(lambda v: (function(v, 3) * weights).sum())(x_.detach()), weights)


# -- seeds ---------------------------------------------------------------------------------


@pytest.mark.parametrize("op", ["stochastic_round", "uniform_noise"])
@pytest.mark.parametrize("backend", BACKENDS)
def test_the_same_seed_gives_the_same_numbers_and_another_seed_others(tf, dr, backend, op):
    values = np.linspace(-4, 4, 4001)
    function = getattr(dr, op)
    first = numpy(function(make(tf, backend, values, "float32"), 42))
    again = numpy(function(make(tf, backend, values, "float32"), 42))
    other = numpy(function(make(tf, backend, values, "float32"), 43))
    assert np.array_equal(first, again)
    assert np.mean(first != other) > 0.1


SAME_IN_ANOTHER_PROCESS = """
import hashlib, numpy as np, diffround as dr, tensorflow as tf, jax.numpy as jnp, torch
values = np.linspace(-4, 4, 4001).astype(np.float32)
for make in (tf.constant, jnp.asarray, torch.from_numpy):
    for op in (dr.stochastic_round, dr.uniform_noise):
        print(hashlib.sha256(np.asarray(op(make(values), 42)).tobytes()).hexdigest())
"""


def test_the_same_seed_gives_the_same_numbers_in_another_process(tf, dr):
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "generated"), str(ROOT)]), "PYTHONHASHSEED": "7"}
    result = subprocess.run([sys.executable, "-c", SAME_IN_ANOTHER_PROCESS], env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-2000:]
    import hashlib

    values = np.linspace(-4, 4, 4001).astype(np.float32)
    here = [
        hashlib.sha256(np.asarray(numpy(op(make(values), 42)).astype(np.float32)).tobytes()).hexdigest()
        for make in (tf.constant, jnp.asarray, torch.from_numpy)
        for op in (dr.stochastic_round, dr.uniform_noise)
    ]
    assert result.stdout.split() == here


@pytest.mark.parametrize("op", ["stochastic_round", "uniform_noise"])
@pytest.mark.parametrize("dtype", ["bfloat16", "float32", "float64"])
def test_tensorflow_tensor_seed_in_a_graph_and_with_xla_gives_the_eager_numbers(tf, dr, op, dtype):
    function = getattr(dr, op)
    x_ = make(tf, "tensorflow", np.linspace(-4, 4, 801), dtype)
    eager = numpy(function(x_, 9))
    seed = tf.constant([9, 0], tf.int64)
    for jit in (False, True):
        compiled = tf.function(lambda v, s: function(v, s), jit_compile=jit, autograph=False)
        assert np.array_equal(numpy(compiled(x_, seed)), eager), jit
        assert np.array_equal(numpy(compiled(x_, tf.constant([9, 0], tf.int32))), eager), jit
    # a seed that is an input: another step's seed, another draw, without tracing again
    other = numpy(compiled(x_, tf.constant([10, 0], tf.int64)))
    assert np.array_equal(other, numpy(function(x_, 10))) and not np.array_equal(other, eager)
    assert compiled.experimental_get_tracing_count() == 2  # int64 and int32 seeds


@pytest.mark.parametrize("op", ["stochastic_round", "uniform_noise"])
def test_jax_draw_is_jax_random_uniform_of_the_key_and_jit_and_vmap_agree(dr, op):
    function = getattr(dr, op)
    values = jnp.linspace(-4, 4, 801, dtype=jnp.float32)
    drawn = jax.random.uniform(jax.random.key(5), values.shape, jnp.float32)
    expected = np.where(drawn < values - jnp.floor(values), 1, 0) + np.floor(values) if op == "stochastic_round" else values + (drawn - 0.5)
    eager = numpy(function(values, 5))
    assert np.array_equal(eager, numpy(expected))
    assert np.array_equal(numpy(function(values, jax.random.key(5))), eager)
    assert np.array_equal(numpy(function(values, jax.random.PRNGKey(5))), eager)
    assert np.array_equal(numpy(jax.jit(function)(values, jax.random.key(5))), eager)
    keys = jax.random.split(jax.random.key(1), 3)
    batched = numpy(jax.vmap(function, in_axes=(None, 0))(values, keys))
    assert all(np.array_equal(batched[i], numpy(function(values, keys[i]))) for i in range(3))
    # vmap over x alone: the key is not batched, every row gets the same draw
    rows = numpy(jax.vmap(lambda v: function(v, 5))(jnp.stack([values, values])))
    assert np.array_equal(rows[0], eager) and np.array_equal(rows[1], eager)


@pytest.mark.parametrize("op", ["stochastic_round", "uniform_noise"])
def test_torch_draw_is_torch_rand_of_a_seeded_generator_and_compile_and_vmap_agree(dr, op):
    function = getattr(dr, op)
    values = torch.linspace(-4, 4, 801, dtype=torch.float32)
    drawn = torch.rand(values.shape, generator=torch.Generator().manual_seed(5), dtype=torch.float32)
    if op == "stochastic_round":
        expected = torch.floor(values) + (drawn < values - torch.floor(values)).to(values.dtype)
    else:
        expected = values + (drawn - 0.5)
    eager = function(values, 5)
    assert torch.equal(eager, expected)
    compiled = torch.compile(lambda v: function(v, 5) * 2, backend="aot_eager")
    assert torch.equal(compiled(values), eager * 2)
    leaf = values.clone().requires_grad_()
    compiled(leaf).sum().backward()
    assert torch.equal(leaf.grad, torch.full_like(values, 2))
    same = torch.func.vmap(lambda v: function(v, 5), randomness="same")(torch.stack([values, values]))
    assert torch.equal(same[0], eager) and torch.equal(same[1], eager)
    different = torch.func.vmap(lambda v: function(v, 5), randomness="different")(torch.stack([values, values]))
    assert not torch.equal(different[0], different[1])
    if op == "stochastic_round":
        assert torch.all((different == torch.floor(values)) | (different == torch.ceil(values)))


# -- bad input -----------------------------------------------------------------------------


@pytest.mark.parametrize("op", ["stochastic_round", "uniform_noise"])
@pytest.mark.parametrize("backend", BACKENDS)
def test_a_bad_seed_is_refused_naming_the_op_the_seed_its_value_and_the_range(tf, dr, backend, op):
    x_ = make(tf, backend, VALUES, "float32")
    function = getattr(dr, op)
    for seed, error in ((-1, ValueError), (2**32, ValueError)):
        with pytest.raises(error, match=rf"^{op}: seed must be an int in \[0, 4294967295\] \(2\*\*32 - 1\), got {seed}$"):
            function(x_, seed)
    for seed, shown in ((1.5, "1.5 (float)"), (True, "True (bool)"), ("7", "'7' (str)"), (None, "None (NoneType)")):
        with pytest.raises(TypeError, match=rf"^{op}: seed must be .*{SEED_RANGE.replace('[', '.').replace(']', '.')}.*got {shown.replace('(', '.').replace(')', '.')}$"):
            function(x_, seed)
    other_mode = "soft" if op == "stochastic_round" else "ste"
    mode = "ste" if op == "stochastic_round" else "soft"
    with pytest.raises(ValueError, match=rf"^{op}: mode must be one of '{mode}', got '{other_mode}'$"):
        function(x_, 1, mode=other_mode)
    integers = {"tensorflow": tf.constant, "jax": jnp.asarray, "torch": torch.tensor}[backend](np.arange(3, dtype=np.int32))
    with pytest.raises(TypeError, match=rf"^{op}: x must be a floating .*got dtype int32$"):
        function(integers, 1)


def test_a_tensor_or_key_seed_of_the_wrong_kind_is_refused(tf, dr):
    x_ = tf.constant(VALUES)
    with pytest.raises(ValueError, match=r"^stochastic_round: seed must be .* shape \[2\], got a tensor of shape \[3\]$"):
        dr.stochastic_round(x_, tf.constant([1, 2, 3]))
    with pytest.raises(TypeError, match=r"^stochastic_round: seed must be .*, got a tensor of dtype float32$"):
        dr.stochastic_round(x_, tf.constant([1.0, 2.0]))
    keys = jax.random.split(jax.random.key(0), 2)
    with pytest.raises(ValueError, match=r"^uniform_noise: seed must be one key, got a key array of shape \(2,\)$"):
        dr.uniform_noise(jnp.asarray(VALUES), keys)
    with pytest.raises(TypeError, match=r"^uniform_noise: seed must be .*, got an array of dtype int32 and shape \(3,\)$"):
        dr.uniform_noise(jnp.asarray(VALUES), jnp.asarray([1, 2, 3], jnp.int32))


# -- a user's catalog ----------------------------------------------------------------------

USER_CATALOG = """
import sympy as sp
from derive import RandomOp, u, x
from derive.catalog import ste_round

CATALOG = [ste_round]
# dithered rounding: round(x + u - 1/2), unbiased as stochastic rounding is
RANDOM_OPS = [RandomOp(name="dither_round", expr=sp.floor(x + u), modes=("ste",), doc="floor(x + u).")]
"""


def test_a_users_catalog_declares_its_own_random_op(tmp_path):
    catalog = tmp_path / "user_noise.py"
    catalog.write_text(USER_CATALOG)
    out = tmp_path / "user_ops"
    command = [sys.executable, str(ROOT / "scripts" / "regenerate_ops.py"), "--catalog", str(catalog), "--out", str(out)]
    subprocess.run(command + ["--backends", "tensorflow,torch"], check=True, capture_output=True)
    assert (out / "torch" / "dither_round.py").is_file()
    script = textwrap.dedent("""
        import numpy as np, torch, user_ops
        x = torch.linspace(-3, 3, 601, requires_grad=True)
        y = user_ops.dither_round(x, 3)
        y.sum().backward()
        drawn = torch.rand(x.shape, generator=torch.Generator().manual_seed(3))
        print(torch.equal(y, torch.floor(x + drawn)), torch.equal(x.grad, torch.ones_like(x)))
        print(user_ops.dither_round.__doc__.splitlines()[0])
    """)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), str(ROOT)])}
    result = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.split("\n")[:2] == ["True True", "floor(x + u)."]
