# Generated from template templates/jax/random.py.jinja and spec derive/catalog.py:stochastic_round.
# Do NOT modify by hand: edit the spec or the template, then run
#     python scripts/regenerate_ops.py
"""stochastic_round: floor(x + u), u uniform on [0, 1)."""

import jax.numpy as jnp

from . import _random


def _forward(x, u):
    return jnp.where(jnp.less(u, x - jnp.floor(x)), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype)) + jnp.floor(x)


_OP = _random.RandomOp(name="stochastic_round", modes=("ste",), forward=_forward)


def stochastic_round(x, seed, mode="ste", name=None):
    """floor(x + u), u uniform on [0, 1): floor(x) or ceil(x), ceil(x) with probability x - floor(x)
        (unbiased).

    Forward: Piecewise((1, u < x - floor(x)), (0, True)) + floor(x)
        with u uniform on [0, 1), one draw per element of x, from seed.
    Gradient: 1 in x (the derivative of the mean over u, x).

    Args:
        x: float16, bfloat16, float32 or float64 jax.Array (float64 with jax_enable_x64).
        seed: a Python int in [0, 4294967295] (jax.random.key(seed)), or a JAX key: a typed key
            (jax.random.key) or a raw uint32 key of shape (2,) (jax.random.PRNGKey); under jax.jit a
            Python int is a constant (the same draw every step), a key an argument.
        mode: "ste" (the random hard forward, gradient 1: the derivative of its mean x), the only
            mode of this op; default "ste".
        name: optional name (a jax.named_scope).

    Returns:
        A tensor of x's dtype and shape. The same seed gives the same numbers on the same backend
            and device type; each framework has its own generator, so the numbers differ between
            backends.

    Source: Gupta et al. 2015, Deep Learning with Limited Numerical Precision; QKeras, Brevitas.
    """
    return _OP(x, seed, mode, name)
