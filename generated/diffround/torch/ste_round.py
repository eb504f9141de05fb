# Generated from template templates/torch/op.py.jinja and spec derive/catalog.py:ste_round.
# Do NOT modify by hand: edit the spec or the template, then run
#     python scripts/regenerate_ops.py
"""ste_round: Straight-through round: forward exactly round(x), gradient 1."""

import torch

from . import _runtime


def _hard(x):
    y = torch.round(x)
    return (y,), ()


def _gradient_x(x):
    y_D_x = torch.full_like(x, 1)
    return (y_D_x,), ()


def _hessian_x(x):
    y_D_x_D_x = torch.full_like(x, 0)
    return (y_D_x_D_x,), ()


_OP = _runtime.Op(
    name="ste_round",
    params=[],
    modes=("ste",),
    hard=_hard,
    kernels={"x": _runtime.Kernels(None, None, _gradient_x, _hessian_x)},
)


def ste_round(x, mode="ste", name=None):
    """Straight-through round: forward exactly round(x), gradient 1.

    Smooth forward: x
    Hard function: round(x)
        round(u): round half to even (as tf.round, jnp.round and torch.round).

    Args:
        x: float16, bfloat16, float32 or float64 torch.Tensor.
        mode: "ste" (hard forward, the smooth derivative as gradient), the only mode of this op;
            default "ste".
        name: unused; accepted for the same signature as the other backends.

    Returns:
        A tensor of x's dtype and the broadcast shape of x and the parameters.

    Source: seed 001 (x - stop_gradient(x - round(x))).
    """
    return _OP(x, {}, mode, name)
