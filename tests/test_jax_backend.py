"""diffround.jax: the same ops as diffround.tensorflow, as jax.custom_jvp
functions. Accuracy against the 50-digit references is tests/test_verification.py's
(every backend); here: JAX's transformations, dtypes, errors, non-finite x,
that the package imports only the framework it is used with, and the
tail of the erfc the kernels call, against mpmath."""

import re
import subprocess
import sys

import jax
import mpmath
import numpy as np
import pytest

jax.config.update("jax_enable_x64", True)
import jax.numpy as jnp  # noqa: E402

import diffround  # noqa: E402
import diffround.jax as drj  # noqa: E402
from diffround.jax._xla_forms import erfc_exact_square  # noqa: E402
from derive.catalog import CATALOG  # noqa: E402

STEEPNESS = 10.0
XS = np.array([-2.7, -1.2, -0.3, 0.1, 0.45, 0.55, 1.9, 3.2])


def logistic(z):
    return 1 / (1 + np.exp(-z))


def sigmoid_round_formulas(x, k):
    """floor(x) + s, s = sigmoid(k*(x - floor(x) - 1/2)), and its derivatives, written out here."""
    r = x - np.floor(x) - 0.5
    s, complement = logistic(k * r), logistic(-k * r)  # 1 - s without cancelling
    slope = s * complement
    return {
        "f": np.floor(x) + s,
        "dx": k * slope,
        "dk": r * slope,
        "dxdx": k * k * slope * (1 - 2 * s),
        "dxdk": slope + k * r * slope * (1 - 2 * s),
    }


EXPECTED = sigmoid_round_formulas(XS, STEEPNESS)


def f(x, k=STEEPNESS):
    return drj.sigmoid_round(x, steepness=k)


def test_every_catalog_entry_is_in_the_jax_backend_with_the_same_signature():
    import inspect

    import diffround.tensorflow as drtf

    for entry in CATALOG:
        ours, theirs = getattr(drj, entry.name), getattr(drtf, entry.name)
        assert inspect.signature(ours) == inspect.signature(theirs), entry.name


def test_values_and_derivatives_through_every_transformation():
    x = jnp.asarray(XS)
    np.testing.assert_allclose(f(x), EXPECTED["f"], rtol=1e-14)
    np.testing.assert_allclose(jax.vmap(jax.grad(f))(x), EXPECTED["dx"], rtol=1e-13)
    np.testing.assert_allclose(jax.jit(jax.vmap(jax.grad(jax.grad(f))))(x), EXPECTED["dxdx"], rtol=1e-12)
    np.testing.assert_allclose(jnp.diag(jax.jacfwd(f)(x)), EXPECTED["dx"], rtol=1e-13)
    np.testing.assert_allclose(jnp.diag(jax.jacrev(f)(x)), EXPECTED["dx"], rtol=1e-13)
    np.testing.assert_allclose(jax.vmap(jax.hessian(f))(x), EXPECTED["dxdx"], rtol=1e-12)
    y, tangent = jax.jvp(f, (x,), (jnp.ones_like(x),))
    np.testing.assert_allclose(tangent, EXPECTED["dx"], rtol=1e-13)
    # forward over reverse and reverse over forward
    np.testing.assert_allclose(jax.vmap(jax.jacfwd(jax.grad(f)))(x), EXPECTED["dxdx"], rtol=1e-12)
    np.testing.assert_allclose(jax.vmap(jax.grad(lambda v: jax.jvp(f, (v,), (1.0,))[1]))(x), EXPECTED["dxdx"], rtol=1e-12)


def test_a_parameter_array_gets_its_exact_partial_derivatives():
    x = jnp.asarray(XS)
    k = jnp.full_like(x, STEEPNESS)
    np.testing.assert_allclose(jax.grad(lambda k: jnp.sum(f(x, k)))(k), EXPECTED["dk"], rtol=1e-13)
    mixed = jax.grad(lambda k: jnp.sum(jax.grad(lambda v: jnp.sum(f(v, k)))(x)))(k)
    np.testing.assert_allclose(mixed, EXPECTED["dxdk"], rtol=1e-12)
    # a scalar parameter: its gradient sums over x's elements
    weights = np.arange(1.0, len(XS) + 1)
    scalar = jax.grad(lambda k: jnp.sum(weights * f(x, k)))(jnp.asarray(STEEPNESS))
    np.testing.assert_allclose(scalar, np.sum(weights * EXPECTED["dk"]), rtol=1e-13)


def test_the_third_derivative_is_a_number():
    third = jax.grad(jax.grad(jax.grad(f)))(jnp.asarray(0.3))
    r = 0.3 - 0.5
    s = logistic(STEEPNESS * r)
    # d3/dx3 of sigmoid(k r): k^3 s (1 - s) (1 - 6 s (1 - s))
    assert third == pytest.approx(STEEPNESS**3 * s * (1 - s) * (1 - 6 * s * (1 - s)), rel=1e-10)


@pytest.mark.parametrize("dtype", ["float16", "bfloat16", "float32", "float64"])
def test_every_float_dtype_computes_and_returns_its_own_dtype(dtype):
    x = jnp.asarray(XS, dtype)
    y = f(x)
    assert y.dtype == x.dtype
    grad = jax.vmap(jax.grad(f))(x)
    assert grad.dtype == x.dtype
    exact = sigmoid_round_formulas(np.asarray(x, np.float64), STEEPNESS)
    tolerance = {"float16": 2e-3, "bfloat16": 2e-2, "float32": 1e-6, "float64": 1e-14}[dtype]
    np.testing.assert_allclose(np.asarray(y, np.float64), exact["f"], rtol=tolerance)
    np.testing.assert_allclose(np.asarray(grad, np.float64), exact["dx"], rtol=tolerance * 4, atol=tolerance)


def test_ste_mode_is_the_hard_function_with_the_smooth_gradient():
    x = jnp.asarray(XS)
    np.testing.assert_array_equal(drj.sigmoid_round(x, mode="ste"), np.round(XS))
    np.testing.assert_allclose(jax.vmap(jax.grad(lambda v: drj.sigmoid_round(v, mode="ste")))(x), EXPECTED["dx"], rtol=1e-13)


def test_integer_parameters_and_surrogate_choices_under_jit():
    x = jnp.asarray(XS)
    for terms in (1, 3):
        y = jax.jit(lambda v, t=terms: drj.fourier_round(v, terms=t))(x)
        j = np.arange(1, terms + 1)[:, None]
        sums = np.sum((-1.0) ** (j + 1) * np.sin(2 * np.pi * j * XS) / (np.pi * j), axis=0)
        np.testing.assert_allclose(y, XS - sums, rtol=1e-13, atol=1e-14)
    hard = drj.heaviside(x, surrogate="sigmoid", steepness=4.0)
    np.testing.assert_array_equal(hard, (XS >= 0).astype(float))
    slope = jax.vmap(jax.grad(lambda v: drj.heaviside(v, surrogate="sigmoid", steepness=4.0)))(x)
    np.testing.assert_allclose(slope, 4.0 * logistic(4.0 * XS) * logistic(-4.0 * XS), rtol=1e-13)


def test_non_finite_x_as_in_tensorflow():
    x = jnp.asarray([np.nan, np.inf, -np.inf, 0.3])
    y = drj.sigmoid_round(x)
    assert np.isnan(y[0]) and y[1] == np.inf and y[2] == -np.inf
    grad = jax.vmap(jax.grad(f))(x)
    np.testing.assert_array_equal(grad[:3], 0.0)
    assert np.all(np.isfinite(jax.vmap(jax.grad(jax.grad(f)))(x)[:3]))


def test_errors_name_the_op_the_parameter_the_value_and_the_range():
    x = jnp.asarray(XS)
    with pytest.raises(ValueError, match=r"sigmoid_round: steepness must be in \(0, inf\), got -1.0"):
        drj.sigmoid_round(x, steepness=-1.0)
    with pytest.raises(ValueError, match=r"sigmoid_round: steepness must be in \(0, inf\), got -2.0"):
        drj.sigmoid_round(x, steepness=jnp.asarray([1.0, -2.0] * 4))
    with pytest.raises(ValueError, match="steepness=1e\\+39 overflows float32"):
        drj.sigmoid_round(x.astype(jnp.float32), steepness=1e39)
    with pytest.raises(ValueError, match="mode must be one of 'soft', 'ste', got 'hard'"):
        drj.sigmoid_round(x, mode="hard")
    with pytest.raises(TypeError, match="x must be a floating array .* got dtype int32"):
        drj.sigmoid_round(jnp.asarray([1, 2], jnp.int32))
    with pytest.raises(ValueError, match="fourier_round: terms must be an int in \\[1, 1000\\], got 0"):
        drj.fourier_round(x, terms=0)
    with pytest.raises(ValueError, match="steepness of shape \\(3,\\) does not broadcast with x of shape \\(8,\\)"):
        drj.sigmoid_round(x, steepness=jnp.ones(3))


def test_a_traced_parameter_out_of_its_domain_gives_nan_under_jit():
    x = jnp.asarray(XS)
    y = jax.jit(lambda k: drj.sigmoid_round(x, steepness=k))(jnp.asarray(-1.0))
    assert np.all(np.isnan(y))
    good = jax.jit(lambda k: drj.sigmoid_round(x, steepness=k))(jnp.asarray(STEEPNESS))
    np.testing.assert_allclose(good, EXPECTED["f"], rtol=1e-14)


def test_the_top_level_returns_the_kind_of_its_input():
    y = diffround.sigmoid_round(jnp.asarray(XS))
    assert isinstance(y, jax.Array)
    np.testing.assert_allclose(y, EXPECTED["f"], rtol=1e-14)
    assert isinstance(diffround.soft_round(jnp.asarray(XS), alpha=jnp.asarray(3.0)), jax.Array)


@pytest.mark.parametrize(
    "statement,absent",
    [
        ("import diffround", ("tensorflow", "jax", "torch")),
        ("import diffround.jax as d, jax.numpy as jnp; d.soft_round(jnp.ones(3))", ("tensorflow", "torch")),
    ],
)
def test_importing_imports_only_the_framework_in_use(statement, absent):
    check = f"import sys; {statement}; print(sorted(m for m in {absent!r} if m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


@pytest.mark.parametrize("name", ["sine_round", "fourier_round", "sine_staircase_round", "atan_step"])
def test_kernels_use_the_xla_forms_not_sin_cos_or_atan(name):
    """XLA on CPU compiles sin, cos and atan to slow code: every JAX kernel
    of these ops, value and first and second derivatives, computes them
    through the generated forms (an exact reduction and polynomials)."""
    op = getattr(drj, name)
    x = jnp.linspace(-3.0, 3.0, 16)

    def second(v):
        return jax.grad(lambda u: jax.grad(lambda w: op(w).sum())(u).sum())(v)

    # the primitive of an equation follows its "=" (nested jaxprs, custom_jvp_call and
    # pjit, hold the kernels, so the whole printed jaxpr is scanned)
    slow = re.compile(r"= (sin|cos|tan|atan|atan2)[\[ ]")
    for function in (op, jax.grad(lambda v: op(v).sum()), second):
        text = str(jax.make_jaxpr(function)(x))
        assert "custom_jvp_call" in text and not slow.search(text), (name, slow.findall(text))


def erfc_ulps(z, got, dtype):
    with mpmath.workdps(50):
        exact = mpmath.erfc(mpmath.mpf(float(z)))
        return float(abs(mpmath.mpf(float(got)) - exact) / float(np.spacing(np.array(float(exact), dtype))))


# up to where erfc(z) leaves the normal numbers: XLA flushes subnormal results to zero
@pytest.mark.parametrize("dtype,top,bound", [("float32", 9.19, 4), ("float64", 26.5, 7)])
def test_erfc_is_accurate_in_its_tail(dtype, top, bound):
    """XLA computes erfc beyond z = 1 from exp(-z*z) with z*z rounded, a
    relative error that grows as z**2 (tens of ULPs by z = 5); the kernels'
    form undoes that rounding. Eagerly (op by op) and compiled (fused)."""
    rng = np.random.default_rng(3)
    zs = np.concatenate([np.arange(1, top, 1 / 64), rng.uniform(1, top, 2000), [top]]).astype(dtype)
    for erfc in (erfc_exact_square, jax.jit(erfc_exact_square)):
        got = np.asarray(erfc(jnp.asarray(zs)))
        worst = max((erfc_ulps(z, g, dtype), z) for z, g in zip(zs, got))
        assert worst[0] <= bound, (erfc, worst)


@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_erfc_is_xlas_own_below_one_and_finite_far_out(dtype):
    """Below z = 1 XLA computes erfc as 1 - erf(z), without exp(-z*z): left
    as it is. Far out the correction neither overflows nor turns 0 into NaN."""
    near = np.concatenate([np.linspace(-30, 1, 997, endpoint=False), [np.nextafter(1, 0)]]).astype(dtype)
    np.testing.assert_array_equal(np.asarray(erfc_exact_square(jnp.asarray(near))), np.asarray(jax.lax.erfc(near)))
    far = np.array([32, 40, 1e30, np.finfo(dtype).max, np.inf, -np.inf, np.nan], dtype)
    got = np.asarray(jax.jit(erfc_exact_square)(jnp.asarray(far)))
    np.testing.assert_array_equal(got[:5], 0)
    assert got[5] == 2 and np.isnan(got[6])
