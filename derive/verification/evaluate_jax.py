"""JAX: values and derivatives through jax.grad (second derivatives as
JVPs of it, one per input). The ops are elementwise, so the gradient of the
sum of the outputs is each output's derivative by its own point's inputs (x,
and each parameter shaped like x)."""

from __future__ import annotations

import jax
import jax.numpy as jnp
import numpy as np

from .evaluation import call_op

jax.config.update("jax_enable_x64", True)  # float64 references need float64 arrays


def evaluate_op(fn, a, xs, floats, ints, mode, dtype_name: str, tensor_params: bool):
    names = ["x"] + (list(floats) if tensor_params else [])
    dtype = jnp.dtype(dtype_name)
    inputs = [jnp.asarray(xs, dtype)] + [jnp.full(len(xs), floats[n], dtype) for n in names[1:]]

    def total(*values):
        params = {**floats, **dict(zip(names[1:], values[1:]))}
        y = call_op(fn, a, values[0], params, ints, mode)
        return jnp.sum(jnp.broadcast_to(y, values[0].shape)), y

    def firsts(*values):
        """Every first derivative, in one backward pass."""
        return jax.grad(total, argnums=tuple(range(len(names))), has_aux=True)(*values)

    def along(k):
        """d/d input k of every first derivative, forward over reverse (jax.hessian's
        order): one JVP of the gradient in the direction of input k."""

        def gradient(value):
            return firsts(*inputs[:k], value, *inputs[k + 1 :])[0]

        return jax.jvp(gradient, (inputs[k],), (jnp.ones_like(inputs[k]),))[1]

    gradient, y = firsts(*inputs)
    results = {(): np.asarray(jnp.broadcast_to(y, inputs[0].shape), np.float64)}
    for i, name in enumerate(names):
        results[(name,)] = np.asarray(gradient[i], np.float64)
    for k, other in enumerate(names):
        seconds = along(k)
        for i in range(k + 1):
            results[(names[i], other)] = np.asarray(seconds[i], np.float64)
    return results
