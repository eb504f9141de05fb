# Generated from template templates/torch/op.py.jinja and spec derive/catalog.py:ste_sign.
# Do NOT modify by hand: edit the spec or the template, then run
#     python scripts/regenerate_ops.py
"""ste_sign: clip(x, -clip, clip): the straight-through sign."""

import torch

from . import _runtime


def _hard(x, clip):
    y = 2 * torch.ge(x, 0).to(x.dtype) - 1
    return (y,), ()


def _value_x(x, clip):
    _t0 = torch.lt(clip, -x)
    _t1 = torch.lt(clip, x)
    y = torch.where(_t0, -clip, torch.where(_t1, clip, x))
    return (y,), (_t0, _t1)


def _gradient_from_residuals_x(x, clip, _t0, _t1):
    y_D_x = torch.where(torch.logical_or(_t0, _t1), x.new_full((), 0), x.new_full((), 1))
    return (y_D_x,), ()


def _gradient_x(x, clip):
    y_D_x = torch.where(torch.logical_or(torch.lt(clip, x), torch.lt(clip, -x)), x.new_full((), 0), x.new_full((), 1))
    return (y_D_x,), ()


def _hessian_x(x, clip):
    y_D_x_D_x = torch.full_like(x, 0)
    return (y_D_x_D_x,), ()


def _gradient_from_residuals_all(x, clip, _t0, _t1):
    y_D_x = torch.where(torch.logical_or(_t0, _t1), x.new_full((), 0), x.new_full((), 1))
    y_D_clip = torch.where(_t0, x.new_full((), -1), torch.where(_t1, x.new_full((), 1), x.new_full((), 0)))
    return (y_D_x, y_D_clip), ()


def _gradient_all(x, clip):
    _t0 = torch.lt(clip, x)
    _t1 = torch.lt(clip, -x)
    y_D_x = torch.where(torch.logical_or(_t0, _t1), x.new_full((), 0), x.new_full((), 1))
    y_D_clip = torch.where(_t1, x.new_full((), -1), torch.where(_t0, x.new_full((), 1), x.new_full((), 0)))
    return (y_D_x, y_D_clip), ()


def _hessian_all(x, clip):
    y_D_x_D_x = torch.full_like(x, 0)
    y_D_x_D_clip = torch.full_like(x, 0)
    y_D_clip_D_clip = torch.full_like(x, 0)
    return (y_D_x_D_x, y_D_x_D_clip, y_D_clip_D_clip), ()


_OP = _runtime.Op(
    name="ste_sign",
    params=[_runtime.FloatParam("clip", 1.0, 0.0, float("inf"), low_open=True, high_open=True)],
    modes=("soft", "ste"),
    hard=_hard,
    kernels={
        "x": _runtime.Kernels(_value_x, _gradient_from_residuals_x, _gradient_x, _hessian_x),
        "all": _runtime.Kernels(_value_x, _gradient_from_residuals_all, _gradient_all, _hessian_all),
    },
)


def ste_sign(x, clip=1.0, mode="ste", name=None):
    """clip(x, -clip, clip): the straight-through sign.

    Smooth forward: Piecewise((-l, l < -x), (l, l < x), (x, True))
    Hard function: sign(x)
        sign(u): +1 where u >= 0, else -1.
      with l = clip

    Args:
        x: float16, bfloat16, float32 or float64 torch.Tensor.
        clip: gradient is 1 for |x| <= clip, 0 beyond; float or float tensor broadcasting with x
            (differentiable), in (0, inf), default 1.0.
        mode: "soft" (smooth forward, exact derivative) or "ste" (hard forward, the smooth
            derivative as gradient); default "ste".
        name: unused; accepted for the same signature as the other backends.

    Returns:
        A tensor of x's dtype and the broadcast shape of x and the parameters.

    Source: Larq SteSign.
    """
    return _OP(x, {"clip": clip}, mode, name)
