# Generated from template templates/tensorflow/op.py.jinja and spec derive/catalog.py:ste_round.
# Do NOT modify by hand: edit the spec or the template, then run
#     python scripts/regenerate_ops.py
"""ste_round: Straight-through round: forward exactly round(x), gradient 1."""

import tensorflow as tf

from . import _runtime


def _hard(x):
    y = tf.math.round(x)
    return (y,), ()


def _gradient_x(x):
    y_D_x = tf.fill(tf.shape(x), tf.constant(1, x.dtype))
    return (y_D_x,), ()


def _hessian_x(x):
    y_D_x_D_x = tf.fill(tf.shape(x), tf.constant(0, x.dtype))
    return (y_D_x_D_x,), ()


_OP = _runtime.Op(
    name="ste_round",
    params=[],
    modes=("ste",),
    hard=_hard,
    hard_xla=None,
    kernels={"x": _runtime.Kernels(None, None, _gradient_x, _hessian_x, xla=(None, _gradient_x))},
)


def ste_round(x, mode="ste", name=None):
    """Straight-through round: forward exactly round(x), gradient 1.

    Smooth forward: x
    Hard function: round(x)
        round(u): round half to even (as tf.round, jnp.round and torch.round).

    Args:
        x: float16, bfloat16, float32 or float64 tensor.
        mode: "ste" (hard forward, the smooth derivative as gradient), the only mode of this op;
            default "ste".
        name: optional name scope.

    Returns:
        A tensor of x's dtype and the broadcast shape of x and the parameters.

    Source: seed 001 (x - stop_gradient(x - round(x))).
    """
    return _OP(x, {}, mode, name)
