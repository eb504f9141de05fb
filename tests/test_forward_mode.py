"""Forward mode (tf.autodiff.ForwardAccumulator) and higher derivatives.

Expected values are the SymPy/mpmath derivatives of the catalog's formulas
(derive.reference); the reverse-mode gradient of the same call is checked to
agree with the forward mode too.
"""

import contextlib
import functools

import numpy as np
import pytest

from derive.catalog import CATALOG
from shared_references import off_the_boundaries as shared_off_the_boundaries
from shared_references import shared_reference
from derive.spec import Approximation

APPROXIMATIONS = {a.name: a for a in CATALOG if isinstance(a, Approximation)}
NAMES = sorted(APPROXIMATIONS)
WITH_FLOAT_PARAMS = [n for n in NAMES if APPROXIMATIONS[n].float_params]
# away from the kinks of the piecewise ops (triangle_step, hard_step, ste_sign, sine_round)
XS = np.array([-2.3, -0.7, -0.2, 0.1, 0.3, 0.45, 0.6, 1.2, 2.7])
TANGENT = np.linspace(0.5, 1.5, len(XS))


@contextlib.contextmanager
def xla(dr, enabled):
    previous = dr.tensorflow._runtime.XLA
    dr.tensorflow._runtime.set_xla(enabled)
    try:
        yield
    finally:
        dr.tensorflow._runtime.set_xla(previous)


def reference(name, wrt, param_values=None, xs=XS):
    """d^n op / d wrt at xs (float64) with the default parameters, or ``param_values``."""
    a = APPROXIMATIONS[name]
    ref = shared_reference(a)
    floats = [float(a.params[n].default) for n in a.float_params]
    rows = []
    for i, x in enumerate(xs):
        point = [float(x)] + [param_values[i] if param_values is not None and k == 0 else v for k, v in enumerate(floats)]
        rows.append(float(ref.evaluate(wrt, tuple(point))))
    return np.array(rows)


@functools.lru_cache(maxsize=None)
def off_the_boundaries(name):
    return shared_off_the_boundaries(APPROXIMATIONS[name], XS)


def call(dr, name, x, mode, **params):
    a = APPROXIMATIONS[name]
    chosen = {"mode": mode} if len(a.modes) > 1 else {}
    return getattr(dr, name)(x, **chosen, **params)


def run(tf, function, graph, *args):
    return (tf.function(function) if graph else function)(*args)


def check_jvp(tf, dr, compiled, graph, primal, tangent, expected, mode, function):
    """The JVP of ``function`` at ``primal`` along ``tangent``: the expected
    values, and the reverse-mode gradient times the tangent."""

    def jvp_and_gradient(primal, tangent):
        with tf.autodiff.ForwardAccumulator(primal, tangent) as acc:
            with tf.GradientTape() as tape:
                tape.watch(primal)
                y = function(primal)
        return acc.jvp(y), tape.gradient(y, primal)

    with xla(dr, compiled):
        jvp, gradient = run(tf, jvp_and_gradient, graph, primal, tangent)
    assert jvp is not None, mode
    np.testing.assert_allclose(jvp.numpy(), expected, rtol=1e-12, atol=1e-14, err_msg=mode)
    np.testing.assert_allclose(jvp.numpy(), gradient.numpy() * TANGENT, rtol=1e-14, atol=1e-15, err_msg=mode)


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("compiled", [True, False], ids=["xla", "no_xla"])
@pytest.mark.parametrize("graph", [False, True], ids=["eager", "function"])
def test_jvp_in_x_is_the_derivative_times_the_tangent(tf, dr, name, compiled, graph):
    x = tf.constant(XS, tf.float64)
    tangent = tf.constant(TANGENT, tf.float64)
    expected = reference(name, ("x",)) * TANGENT
    for mode in APPROXIMATIONS[name].modes:
        check_jvp(tf, dr, compiled, graph, x, tangent, expected, mode, lambda x: call(dr, name, x, mode))


@pytest.mark.parametrize("name", WITH_FLOAT_PARAMS)
@pytest.mark.parametrize("compiled", [True, False], ids=["xla", "no_xla"])
@pytest.mark.parametrize("graph", [False, True], ids=["eager", "function"])
def test_jvp_in_a_tensor_parameter(tf, dr, name, compiled, graph):
    a = APPROXIMATIONS[name]
    pname = a.float_params[0]
    values = float(a.params[pname].default) * np.linspace(0.8, 1.25, len(XS))
    x = tf.constant(XS, tf.float64)
    param = tf.constant(values, tf.float64)
    tangent = tf.constant(TANGENT, tf.float64)
    expected = reference(name, (pname,), values) * TANGENT
    for mode in a.modes:
        check_jvp(tf, dr, compiled, graph, param, tangent, expected, mode, lambda p: call(dr, name, x, mode, **{pname: p}))


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("compiled", [True, False], ids=["xla", "no_xla"])
@pytest.mark.parametrize("graph", [False, True], ids=["eager", "function"])
def test_forward_over_reverse_hessian_vector_product(tf, dr, name, compiled, graph):
    xs = off_the_boundaries(name)
    x = tf.constant(xs, tf.float64)
    tangent = tf.constant(TANGENT, tf.float64)
    expected = reference(name, ("x", "x"), xs=xs) * TANGENT
    for mode in APPROXIMATIONS[name].modes:

        def hvp_and_reverse(x, tangent):
            with tf.autodiff.ForwardAccumulator(x, tangent) as acc:
                with tf.GradientTape() as outer:
                    outer.watch(x)
                    with tf.GradientTape() as inner:
                        inner.watch(x)
                        y = call(dr, name, x, mode)
                    gradient = inner.gradient(y, x)
            return acc.jvp(gradient), outer.gradient(gradient, x)

        with xla(dr, compiled):
            hvp, second = run(tf, hvp_and_reverse, graph, x, tangent)
        assert hvp is not None, mode
        np.testing.assert_allclose(hvp.numpy(), expected, rtol=1e-11, atol=1e-13, err_msg=mode)
        np.testing.assert_allclose(hvp.numpy(), second.numpy() * TANGENT, rtol=1e-14, atol=1e-15, err_msg=mode)


@pytest.mark.parametrize("graph", [False, True], ids=["eager", "function"])
def test_mixed_hessian_vector_product_with_a_parameter_tangent(tf, dr, graph):
    """d/dk of dy/dx along a steepness tangent: the Hessian's off-diagonal entry."""
    values = 10.0 * np.linspace(0.8, 1.25, len(XS))
    x = tf.constant(XS, tf.float64)
    steepness = tf.constant(values, tf.float64)
    tangent = tf.constant(TANGENT, tf.float64)

    def mixed(steepness, tangent):
        with tf.autodiff.ForwardAccumulator(steepness, tangent) as acc:
            with tf.GradientTape() as tape:
                tape.watch(x)
                y = dr.sigmoid_round(x, steepness=steepness)
            gradient = tape.gradient(y, x)
        return acc.jvp(gradient)

    expected = reference("sigmoid_round", ("x", "steepness"), values) * TANGENT
    np.testing.assert_allclose(run(tf, mixed, graph, steepness, tangent).numpy(), expected, rtol=1e-12, atol=1e-14)


def test_untaped_calls_inside_an_accumulator_match_plain_calls(tf, dr):
    """An accumulator counts as recording: the wiring (not the fast path) runs, same values."""
    x = tf.constant(XS, tf.float32)
    with tf.autodiff.ForwardAccumulator(x, tf.ones_like(x)):
        inside = dr.sigmoid_round(x)
    np.testing.assert_array_equal(inside.numpy(), dr.sigmoid_round(x).numpy())


@pytest.mark.parametrize("graph", [False, True], ids=["eager", "function"])
def test_third_derivative_of_sigmoid_round(tf, dr, graph):
    x = tf.constant(XS, tf.float64)

    def third(x):
        with tf.GradientTape() as t3:
            t3.watch(x)
            with tf.GradientTape() as t2:
                t2.watch(x)
                with tf.GradientTape() as t1:
                    t1.watch(x)
                    y = dr.sigmoid_round(x)
                first = t1.gradient(y, x)
            second = t2.gradient(first, x)
        return t3.gradient(second, x)

    for compiled in (True, False):
        with xla(dr, compiled):
            got = run(tf, third, graph, x)
        assert got is not None
        np.testing.assert_allclose(got.numpy(), reference("sigmoid_round", ("x", "x", "x")), rtol=1e-11, atol=1e-12)


@pytest.mark.parametrize("name", NAMES)
def test_third_derivative_is_the_hessian_kernels_autodiff(tf, dr, name):
    """Never None: zeros where the Hessian kernel does not depend on x
    (piecewise polynomial ops), where the reference is 0 too. Off the
    Hessian's jumps (a DSQ level: there the op gives the mean of the two
    one-sided Hessians, whose derivative is no one-sided third derivative)."""
    xs = off_the_boundaries(name)
    x = tf.constant(xs, tf.float64)
    with tf.GradientTape() as t3:
        t3.watch(x)
        with tf.GradientTape() as t2:
            t2.watch(x)
            with tf.GradientTape() as t1:
                t1.watch(x)
                y = call(dr, name, x, APPROXIMATIONS[name].modes[0])
            first = t1.gradient(y, x)
        second = t2.gradient(first, x)
    third = t3.gradient(second, x)
    assert third is not None
    np.testing.assert_allclose(third.numpy(), reference(name, ("x", "x", "x"), xs=xs), rtol=1e-9, atol=1e-10)


@pytest.mark.parametrize("graph", [False, True], ids=["eager", "function"])
def test_forward_over_forward_and_reverse_over_forward_second_derivatives(tf, dr, graph):
    x = tf.constant(XS, tf.float64)
    tangent = tf.constant(TANGENT, tf.float64)

    def second_derivatives(x, tangent):
        with tf.GradientTape() as tape:
            tape.watch(x)
            with tf.autodiff.ForwardAccumulator(x, tangent) as outer:
                with tf.autodiff.ForwardAccumulator(x, tf.ones_like(x)) as inner:
                    y = dr.sigmoid_round(x)
                jvp = inner.jvp(y)
        return outer.jvp(jvp), tape.gradient(jvp, x)

    expected = reference("sigmoid_round", ("x", "x"))
    for compiled in (True, False):
        with xla(dr, compiled):
            forward_forward, reverse_forward = run(tf, second_derivatives, graph, x, tangent)
        np.testing.assert_allclose(forward_forward.numpy(), expected * TANGENT, rtol=1e-12, atol=1e-14)
        np.testing.assert_allclose(reverse_forward.numpy(), expected, rtol=1e-12, atol=1e-14)
