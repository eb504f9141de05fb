# Generated from template templates/tensorflow/random.py.jinja and spec derive/catalog.py:uniform_noise.
# Do NOT modify by hand: edit the spec or the template, then run
#     python scripts/regenerate_ops.py
"""uniform_noise: x + u - 1/2, u uniform on [0, 1)."""

import tensorflow as tf

from . import _random


def _forward(x, u):
    return x + (u - 1 / 2)


_OP = _random.RandomOp(name="uniform_noise", modes=("soft",), forward=_forward)


def uniform_noise(x, seed, mode="soft", name=None):
    """x + u - 1/2, u uniform on [0, 1): additive uniform noise, the training proxy of quantization.

    Forward: u + x - 1/2
        with u uniform on [0, 1), one draw per element of x, from seed.
    Gradient: 1 in x (the derivative of the mean over u, x).

    Args:
        x: float16, bfloat16, float32 or float64 tensor.
        seed: a Python int in [0, 4294967295] (the stateless seed [seed, 0]), or an int32 or int64
            tensor of shape [2], the seed of tf.random.stateless_uniform: inside a tf.function a
            Python int is a constant (the same draw every step), a tensor seed an input (e.g. a
            column of tf.random.Generator.make_seeds(), or [step, 0]).
        mode: "soft" (the noisy forward, whose derivative in x is 1), the only mode of this op;
            default "soft".
        name: optional name scope.

    Returns:
        A tensor of x's dtype and shape. The same seed gives the same numbers on the same backend
            and device type; each framework has its own generator, so the numbers differ between
            backends.

    Source: Balle et al. 2017, End-to-end Optimized Image Compression; Agustsson & Theis 2020.
    """
    return _OP(x, seed, mode, name)
