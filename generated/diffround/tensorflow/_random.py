# Generated from template templates/tensorflow/_random.py.jinja and spec derive/catalog.py.
# Do NOT modify by hand: edit the spec or the template, then run
#     python scripts/regenerate_ops.py
"""The random ops' runtime: the seed checked and turned into the seed of
tf.random.stateless_uniform, one uniform draw on [0, 1) per element of x
(in the compute dtype: float32 for float16 and bfloat16 x; from Philox's
raw bits, which XLA draws as TensorFlow does, so that a tf.function with
jit_compile=True gives the numbers of an eager call), the forward
printed from the catalog, and a gradient of 1 in x, for GradientTapes and
ForwardAccumulators alike (second derivatives 0)."""

import numbers

import numpy as np
import tensorflow as tf

from . import _runtime
from .._arguments import check_int_seed, check_mode

SEED_WORDS = "a Python int in [0, 4294967295] or an int32 or int64 tensor of shape [2]"
SEED_DTYPES = (tf.int32, tf.int64)


def stateless_seed(op, seed):
    """The seed of tf.random.stateless_uniform: [seed, 0] for a Python int."""
    if isinstance(seed, (bool, np.bool_)) or isinstance(seed, numbers.Integral):
        return tf.constant([check_int_seed(op, seed, SEED_WORDS), 0], tf.int64)
    if not (tf.is_tensor(seed) or isinstance(seed, (tf.Variable, np.ndarray))):
        raise TypeError(f"{op}: seed must be {SEED_WORDS}, got {seed!r} ({type(seed).__name__})")
    seed = tf.convert_to_tensor(seed)
    if seed.dtype not in SEED_DTYPES:
        raise TypeError(f"{op}: seed must be {SEED_WORDS}, got a tensor of dtype {seed.dtype.name}")
    if (
        seed.shape.rank is not None
        and seed.shape != tf.TensorShape([2])
        and not (seed.shape.rank == 1 and seed.shape[0] is None)
    ):
        raise ValueError(f"{op}: seed must be {SEED_WORDS}, got a tensor of shape {seed.shape.as_list()}")
    return seed


# the draw's bits: the float's significand, so that every value k * 2**-bits of [0, 1) is equally likely
_BITS = {tf.float32: (tf.uint32, 24), tf.float64: (tf.uint64, 53)}


def uniform(shape, seed, dtype):
    """Uniform on [0, 1) in float32 or float64: Philox's bits, the top ones as a fraction."""
    unsigned, bits = _BITS[dtype]
    raw = tf.random.stateless_uniform(shape, seed, minval=None, maxval=None, dtype=unsigned, alg="philox")
    shift = tf.constant(unsigned.size * 8 - bits, unsigned)
    return tf.cast(tf.bitwise.right_shift(raw, shift), dtype) * tf.constant(2.0**-bits, dtype)


class RandomOp:
    """One random op: checks its arguments, draws u, wires the gradient 1."""

    def __init__(self, name, modes, forward):
        self.name = name
        self.modes = modes
        self.forward = forward

    @tf.autograph.experimental.do_not_convert  # as _runtime.Op.__call__
    def __call__(self, x, seed, mode, name=None):
        check_mode(self.name, self.modes, mode)
        x = _runtime.as_float_tensor(self.name, x)
        seed = stateless_seed(self.name, seed)
        compute = tf.float32 if x.dtype in _runtime.HALF_DTYPES else x.dtype
        forward = self.forward

        def function(x):
            u = uniform(tf.shape(x), seed, compute)
            y = tf.cast(forward(tf.cast(x, compute), u), x.dtype)
            return [y], lambda dy: [dy], lambda tangent: [tangent]

        with tf.name_scope(name or self.name):
            return _runtime._operation(self.name, function, [x])[0]
