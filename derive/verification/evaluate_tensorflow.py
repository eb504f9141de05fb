"""TensorFlow: values and derivatives through nested GradientTapes."""

from __future__ import annotations

import numpy as np
import tensorflow as tf

from .evaluation import call_op


def evaluate_op(fn, a, xs, floats, ints, mode, dtype_name: str, tensor_params: bool):
    x = tf.constant(xs, dtype=getattr(tf, dtype_name))
    names = ["x"] + (list(floats) if tensor_params else [])
    variables = [x] + [tf.fill(tf.shape(x), tf.constant(floats[n], x.dtype)) for n in names[1:]]
    params = {**floats, **dict(zip(names[1:], variables[1:]))}
    with tf.GradientTape(persistent=True) as outer:
        outer.watch(variables)
        with tf.GradientTape() as inner:
            inner.watch(variables)
            y = call_op(fn, a, x, params, ints, mode)
        firsts = inner.gradient(y, variables, unconnected_gradients=tf.UnconnectedGradients.ZERO)
    results = {(): y.numpy().astype(np.float64)}
    for i, name in enumerate(names):
        results[(name,)] = firsts[i].numpy().astype(np.float64)
        seconds = outer.gradient(firsts[i], variables, unconnected_gradients=tf.UnconnectedGradients.ZERO)
        for k, other in enumerate(names):
            if k >= i:
                results[(name, other)] = seconds[k].numpy().astype(np.float64)
    return results
