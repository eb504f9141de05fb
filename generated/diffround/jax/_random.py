# Generated from template templates/jax/_random.py.jinja and spec derive/catalog.py.
# Do NOT modify by hand: edit the spec or the template, then run
#     python scripts/regenerate_ops.py
"""The random ops' runtime: the seed checked and turned into a JAX key, one
uniform draw on [0, 1) per element of x (jax.random.uniform, in the compute
dtype: float32 for float16 and bfloat16 x), the forward printed from the
catalog, and a jax.custom_jvp whose tangent is x's: gradient 1 under
jax.grad, jax.jvp, jax.vmap and jax.jit, second derivatives 0. Under
jax.vmap over x alone every element of the batch gets the same draw (the
key is not batched); vmap over keys as well for different draws."""

import numbers

import jax
import jax.numpy as jnp
import numpy as np

from . import _runtime
from .._arguments import check_int_seed, check_mode

SEED_WORDS = "a Python int in [0, 4294967295], a typed JAX key (jax.random.key) or a raw uint32 key of shape (2,)"


def key(op, seed):
    """A typed JAX key: jax.random.key(seed) for a Python int."""
    if isinstance(seed, (bool, np.bool_, numbers.Integral)):
        return jax.random.key(check_int_seed(op, seed, SEED_WORDS))
    if not isinstance(seed, (jax.Array, np.ndarray)):
        raise TypeError(f"{op}: seed must be {SEED_WORDS}, got {seed!r} ({type(seed).__name__})")
    if jnp.issubdtype(seed.dtype, jax.dtypes.prng_key):
        if seed.shape != ():
            raise ValueError(f"{op}: seed must be one key, got a key array of shape {seed.shape}")
        return seed
    if seed.dtype == jnp.uint32 and seed.shape == (2,):
        return jax.random.wrap_key_data(seed)
    raise TypeError(f"{op}: seed must be {SEED_WORDS}, got an array of dtype {seed.dtype.name} and shape {seed.shape}")


def _with_gradient_one(forward):
    """forward(x, u) whose tangent is x's tangent."""

    @jax.custom_jvp
    def function(x, u):
        return forward(x, u)

    @function.defjvp
    def jvp(primals, tangents):
        return function(*primals), tangents[0]

    return function


class RandomOp:
    """One random op: checks its arguments, draws u, the gradient 1."""

    def __init__(self, name, modes, forward):
        self.name = name
        self.modes = modes
        self.function = _with_gradient_one(forward)

    def __call__(self, x, seed, mode, name=None):
        check_mode(self.name, self.modes, mode)
        x = _runtime.as_float_array(self.name, x)
        seed = key(self.name, seed)
        compute = jnp.float32 if any(x.dtype == d for d in _runtime.HALF_DTYPES) else x.dtype
        with jax.named_scope(name or self.name):
            u = jax.random.uniform(seed, x.shape, compute)
            return self.function(x.astype(compute), u).astype(x.dtype)
