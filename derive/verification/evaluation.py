"""Evaluating a generated op: its value and its first and second derivatives
through nested GradientTapes."""

from __future__ import annotations

import numpy as np

from ..spec import Approximation

def output_label(wrt: tuple[str, ...]) -> str:
    """"f", "d/dx", "d2/dx dsteepness": one name per output."""
    if not wrt:
        return "f"
    if len(wrt) == 1:
        return f"d/d{wrt[0]}"
    return f"d{len(wrt)}/" + " ".join(f"d{v}" for v in wrt)


def _call(fn, a, x, floats, ints, mode):
    kwargs = {**floats, **ints}
    if len(a.modes) > 1:
        kwargs["mode"] = mode
    return fn(x, **kwargs)


def evaluate_op(tf, fn, a: Approximation, xs, floats, ints, mode, dtype, tensor_params: bool):
    """Value, first and second derivatives of the generated op at each x.

    With ``tensor_params`` each float parameter is a tensor shaped like x, so
    that per-point partial derivatives come out of the tape. An output that
    does not depend on an input has derivative 0 there, not None."""
    x = tf.constant(xs, dtype=dtype)
    names = ["x"] + (list(floats) if tensor_params else [])
    variables = [x] + [tf.fill(tf.shape(x), tf.constant(floats[n], dtype)) for n in names[1:]]
    params = {n: v for n, v in zip(names[1:], variables[1:])}
    params = {**floats, **params}
    with tf.GradientTape(persistent=True) as outer:
        outer.watch(variables)
        with tf.GradientTape() as inner:
            inner.watch(variables)
            y = _call(fn, a, x, params, ints, mode)
        firsts = inner.gradient(y, variables, unconnected_gradients=tf.UnconnectedGradients.ZERO)
    results = {(): y.numpy().astype(np.float64)}
    for i, name in enumerate(names):
        results[(name,)] = firsts[i].numpy().astype(np.float64)
        seconds = outer.gradient(firsts[i], variables, unconnected_gradients=tf.UnconnectedGradients.ZERO)
        for k, other in enumerate(names):
            if k >= i:
                results[(name, other)] = seconds[k].numpy().astype(np.float64)
    return results
