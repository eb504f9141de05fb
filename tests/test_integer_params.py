"""Integer parameters: each has an upper bound, with the usual error above it
on every backend; a long sum or repeated step is a loop whose traced graph
does not grow with the count; and the op at its bound is right."""

import re
import time

import mpmath
import numpy as np
import pytest

BOUNDS = [("fourier_round", "terms", 1000), ("sine_staircase_round", "depth", 16)]
BACKENDS = ["tensorflow", "jax", "torch"]


def backend_input(backend, values):
    if backend == "tensorflow":
        import tensorflow as tf

        return tf.constant(values)
    if backend == "jax":
        import jax.numpy as jnp

        return jnp.asarray(values)
    import torch

    return torch.tensor(values)


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("name,param,bound", BOUNDS)
def test_above_the_bound_the_error_names_op_parameter_value_and_range(dr, backend, name, param, bound):
    op = getattr(getattr(dr, backend), name)
    x = backend_input(backend, np.array([0.25]))
    with pytest.raises(ValueError, match=re.escape(f"{name}: {param} must be an int in [1, {bound}], got {bound + 1}")):
        op(x, **{param: bound + 1})
    with pytest.raises(ValueError, match=re.escape(f"got {10**6}")):
        op(x, **{param: 10**6})
    assert f"Interval(1, {bound})" in op.__doc__ or f"[1, {bound}]" in op.__doc__
    op(x, **{param: bound})  # the bound itself is accepted


def tensorflow_graph_size(tf, dr, name, param, value, compiled):
    """Nodes of a traced forward and backward, the functions it calls included."""
    runtime = dr.tensorflow._runtime
    previous = runtime.XLA
    runtime.set_xla(compiled)
    try:

        @tf.function
        def value_and_gradient(x):
            with tf.GradientTape() as tape:
                tape.watch(x)
                y = getattr(dr.tensorflow, name)(x, **{param: value})
            return y, tape.gradient(y, x)

        graph = value_and_gradient.get_concrete_function(tf.TensorSpec([None], tf.float32)).graph.as_graph_def()
    finally:
        runtime.set_xla(previous)
    return len(graph.node) + sum(len(f.node_def) for f in graph.library.function)


def jaxpr_size(dr, name, param, value):
    """Lines of the printed jaxpr of the value and gradient, the inner jaxprs included."""
    import jax
    import jax.numpy as jnp

    op = getattr(dr.jax, name)
    jaxpr = jax.make_jaxpr(jax.value_and_grad(lambda x: op(x, **{param: value}).sum()))(jnp.zeros(4, jnp.float32))
    return len(str(jaxpr).splitlines())


def torch_compiled_graph_size(dr, name, param, value):
    """Nodes of the forward and backward graphs torch.compile makes."""
    import torch
    from functorch.compile import make_boxed_func
    from torch._dynamo.backends.common import aot_autograd

    sizes = []

    def count(graph_module, inputs):
        sizes.append(len(graph_module.graph.nodes))
        return make_boxed_func(graph_module.forward)

    op = getattr(dr.torch, name)
    torch._dynamo.reset()
    compiled = torch.compile(lambda x: op(x, **{param: value}), backend=aot_autograd(fw_compiler=count, bw_compiler=count))
    x = torch.linspace(-1, 1, 4, requires_grad=True)
    compiled(x).sum().backward()
    torch._dynamo.reset()
    return sum(sizes)


# the smallest count that loops (the runtimes unroll up to 8 steps) and the bound
LOOPED = {"fourier_round": ("terms", 9, 1000), "sine_staircase_round": ("depth", 9, 16)}


@pytest.mark.parametrize("compiled", [True, False], ids=["xla", "no_xla"])
@pytest.mark.parametrize("name", sorted(LOOPED))
def test_tensorflow_graph_does_not_grow_with_the_count(tf, dr, name, compiled):
    param, looped, bound = LOOPED[name]
    small = tensorflow_graph_size(tf, dr, name, param, looped, compiled)
    assert tensorflow_graph_size(tf, dr, name, param, bound, compiled) == small
    # below the loop's threshold the graph is unrolled: it does grow, but only to a bound
    assert tensorflow_graph_size(tf, dr, name, param, 1, compiled) < small * 8


@pytest.mark.parametrize("name", sorted(LOOPED))
def test_jaxpr_does_not_grow_with_the_count(dr, name):
    param, looped, bound = LOOPED[name]
    assert jaxpr_size(dr, name, param, bound) == jaxpr_size(dr, name, param, looped)


def test_torch_compiled_graph_does_not_grow_with_terms(dr):
    """A long sum is one reduction under torch.compile (a repeated step is
    unrolled there: depth keeps a small bound)."""
    param, looped, bound = LOOPED["fourier_round"]
    assert torch_compiled_graph_size(dr, "fourier_round", param, bound) == torch_compiled_graph_size(
        dr, "fourier_round", param, looped
    )


@pytest.mark.parametrize("backend", BACKENDS)
def test_looped_sum_matches_the_series_at_50_digits(dr, backend):
    """terms = 200 (a loop on every backend): value and gradient in float64
    against the series at 50 digits."""
    xs = np.array([-2.3, -0.49, 0.001, 0.37, 3.2], np.float64)
    terms = 200
    op = getattr(dr, backend).fourier_round
    if backend == "tensorflow":
        import tensorflow as tf

        x = tf.constant(xs)
        with tf.GradientTape() as tape:
            tape.watch(x)
            y = op(x, terms=terms)
        y, slope = y.numpy(), tape.gradient(y, x).numpy()
    elif backend == "jax":
        import jax

        jax.config.update("jax_enable_x64", True)
        import jax.numpy as jnp

        x = jnp.asarray(xs, jnp.float64)
        y = np.asarray(op(x, terms=terms))
        slope = np.asarray(jax.vmap(jax.grad(lambda u: op(u, terms=terms)))(x))
    else:
        import torch

        x = torch.tensor(xs, requires_grad=True)
        out = op(x, terms=terms)
        (grad,) = torch.autograd.grad(out.sum(), x)
        y, slope = out.detach().numpy(), grad.numpy()
    with mpmath.workdps(50):
        for xi, got_y, got_slope in zip(xs, y, slope):
            u = mpmath.mpf(float(xi))
            series = mpmath.fsum((-1) ** j * mpmath.sin(2 * mpmath.pi * j * u) / j for j in range(1, terms + 1))
            exact_slope = 1 + 2 * mpmath.fsum((-1) ** j * mpmath.cos(2 * mpmath.pi * j * u) for j in range(1, terms + 1))
            assert abs(got_y - float(u + series / mpmath.pi)) <= 1e-13, (backend, xi, got_y)
            # the slope reaches 2*terms + 1: its rounding is relative to the terms, not to the sum
            assert abs(got_slope - float(exact_slope)) <= 1e-12 * (2 * terms + 1), (backend, xi, got_slope)


def test_fourier_round_at_its_bound_is_right(tf, dr):
    """terms = 1000, traced, compiled and differentiated: the gradient against
    1 + 2*sum_j (-1)**j cos(2*pi*j*x) at 50 digits."""
    xs = np.array([-2.3, -0.49, 0.001, 0.37, 1e3 + 0.2], np.float64)
    started = time.perf_counter()
    x = tf.constant(xs)
    with tf.GradientTape() as tape:
        tape.watch(x)
        y = dr.fourier_round(x, terms=1000)
    slope = tape.gradient(y, x).numpy()
    seconds = time.perf_counter() - started
    with mpmath.workdps(50):
        for xi, got in zip(xs, slope):
            u = mpmath.mpf(float(xi))
            exact = 1 + 2 * mpmath.fsum((-1) ** j * mpmath.cos(2 * mpmath.pi * j * u) for j in range(1, 1001))
            # the slope reaches 2*1000 + 1: its rounding is relative to the terms, not to the sum
            assert abs(got - float(exact)) <= 1e-12 * 2001, (xi, got, exact)
    print(f"fourier_round terms=1000, first call with its gradient: {seconds:.1f} s")


def test_sine_staircase_round_at_its_bound_is_right(tf, dr):
    """depth = 16: the value against g composed 16 times at 50 digits."""
    xs = np.array([-1.3, 0.2, 0.45, 0.499], np.float64)
    y = dr.sine_staircase_round(tf.constant(xs), depth=16).numpy()
    with mpmath.workdps(50):
        for xi, got in zip(xs, y):
            u = mpmath.mpf(float(xi))
            for _ in range(16):
                u = u - mpmath.sin(2 * mpmath.pi * u) / (2 * mpmath.pi)
            # 16 compositions multiply x's rounding by the slope, up to 2**16 at the half-integers
            assert abs(got - float(u)) <= 2.0**16 * 1e-16 + 1e-15, (xi, got, u)
