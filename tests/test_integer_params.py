"""Integer parameters are unrolled into the traced graph: each has an upper
bound, with the usual error above it, and the op at its bound stays cheap
and right."""

import re
import time

import mpmath
import numpy as np
import pytest

BOUNDS = [("fourier_round", "terms", 64), ("sine_staircase_round", "depth", 16)]


@pytest.mark.parametrize("name,param,bound", BOUNDS)
def test_above_the_bound_the_error_names_op_parameter_value_and_range(tf, dr, name, param, bound):
    op = getattr(dr, name)
    with pytest.raises(ValueError, match=re.escape(f"{name}: {param} must be an int in [1, {bound}], got {bound + 1}")):
        op(tf.constant([0.25]), **{param: bound + 1})
    with pytest.raises(ValueError, match=re.escape(f"got {10**6}")):
        op(tf.constant([0.25]), **{param: 10**6})
    assert f"Interval(1, {bound})" in op.__doc__ or f"[1, {bound}]" in op.__doc__


def test_fourier_round_at_its_bound_is_right(tf, dr):
    """terms = 64, traced, compiled and differentiated: the gradient against
    1 + 2*sum_j (-1)**j cos(2*pi*j*x) at 50 digits."""
    xs = np.array([-2.3, -0.49, 0.001, 0.37, 1e3 + 0.2], np.float64)
    started = time.perf_counter()
    x = tf.constant(xs)
    with tf.GradientTape() as tape:
        tape.watch(x)
        y = dr.fourier_round(x, terms=64)
    slope = tape.gradient(y, x).numpy()
    seconds = time.perf_counter() - started
    with mpmath.workdps(50):
        for xi, got in zip(xs, slope):
            u = mpmath.mpf(float(xi))
            exact = 1 + 2 * mpmath.fsum((-1) ** j * mpmath.cos(2 * mpmath.pi * j * u) for j in range(1, 65))
            # the slope reaches 2*64 + 1: its rounding is relative to the terms, not to the sum
            assert abs(got - float(exact)) <= 1e-12 * 129, (xi, got, exact)
    print(f"fourier_round terms=64, first call with its gradient: {seconds:.1f} s")


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
