# Generated from template templates/torch/op.py.jinja and spec derive/catalog.py:hard_step.
# Do NOT modify by hand: edit the spec or the template, then run
#     python scripts/regenerate_ops.py
"""hard_step: min(max((x - threshold)*gain, 0), 1): a steep linear ramp clipped to [0, 1]."""

import torch

from . import _runtime


def _hard(x, threshold, gain):
    y = torch.ge(-threshold + x, 0).to(x.dtype)
    return (y,), ()


def _value_x(x, threshold, gain):
    _t0 = gain * (-threshold + x)
    _t1 = torch.le(_t0, 0)
    _t2 = torch.ge(_t0, 1)
    y = torch.where(_t1, x.new_full((), 0), torch.where(_t2, x.new_full((), 1), _t0))
    return (y,), (_t1, _t2)


def _gradient_from_residuals_x(x, threshold, gain, _t1, _t2):
    y_D_x = torch.where(torch.logical_or(_t1, _t2), x.new_full((), 0), gain)
    return (y_D_x,), ()


def _gradient_x(x, threshold, gain):
    _t0 = gain * (-threshold + x)
    y_D_x = torch.where(torch.logical_or(torch.ge(_t0, 1), torch.le(_t0, 0)), x.new_full((), 0), gain)
    return (y_D_x,), ()


def _hessian_x(x, threshold, gain):
    y_D_x_D_x = torch.full_like(x, 0)
    return (y_D_x_D_x,), ()


def _value_all(x, threshold, gain):
    _t0 = -threshold + x
    _t1 = _t0 * gain
    _t2 = torch.le(_t1, 0)
    _t3 = torch.ge(_t1, 1)
    y = torch.where(_t2, x.new_full((), 0), torch.where(_t3, x.new_full((), 1), _t1))
    return (y,), (_t0, _t2, _t3)


def _gradient_from_residuals_all(x, threshold, gain, _t0, _t2, _t3):
    _t4 = torch.logical_or(_t2, _t3)
    y_D_x = torch.where(_t4, x.new_full((), 0), gain)
    y_D_threshold = torch.where(_t4, x.new_full((), 0), -gain)
    y_D_gain = torch.where(_t4, x.new_full((), 0), _t0)
    return (y_D_x, y_D_threshold, y_D_gain), ()


def _gradient_all(x, threshold, gain):
    _t0 = -threshold + x
    _t1 = _t0 * gain
    _t2 = torch.logical_or(torch.ge(_t1, 1), torch.le(_t1, 0))
    y_D_x = torch.where(_t2, x.new_full((), 0), gain)
    y_D_threshold = torch.where(_t2, x.new_full((), 0), -gain)
    y_D_gain = torch.where(_t2, x.new_full((), 0), _t0)
    return (y_D_x, y_D_threshold, y_D_gain), ()


def _hessian_all(x, threshold, gain):
    _t0 = gain * (-threshold + x)
    _t1 = torch.logical_or(torch.ge(_t0, 1), torch.le(_t0, 0))
    y_D_x_D_x = torch.full_like(x, 0)
    y_D_x_D_threshold = torch.full_like(x, 0)
    y_D_x_D_gain = torch.where(_t1, x.new_full((), 0), x.new_full((), 1))
    y_D_threshold_D_threshold = torch.full_like(x, 0)
    y_D_threshold_D_gain = torch.where(_t1, x.new_full((), 0), x.new_full((), -1))
    y_D_gain_D_gain = torch.full_like(x, 0)
    return (
        y_D_x_D_x,
        y_D_x_D_threshold,
        y_D_x_D_gain,
        y_D_threshold_D_threshold,
        y_D_threshold_D_gain,
        y_D_gain_D_gain,
    ), ()


_OP = _runtime.Op(
    name="hard_step",
    params=[
        _runtime.FloatParam("threshold", 0.499, -float("inf"), float("inf"), low_open=True, high_open=True),
        _runtime.FloatParam("gain", 10000.0, 0.0, float("inf"), low_open=True, high_open=True),
    ],
    modes=("soft", "ste"),
    hard=_hard,
    kernels={
        "x": _runtime.Kernels(_value_x, _gradient_from_residuals_x, _gradient_x, _hessian_x),
        "all": _runtime.Kernels(_value_all, _gradient_from_residuals_all, _gradient_all, _hessian_all),
    },
)


def hard_step(x, threshold=0.499, gain=10000.0, mode="soft", name=None):
    """min(max((x - threshold)*gain, 0), 1): a steep linear ramp clipped to [0, 1].

    Smooth forward: Piecewise((0, g*(-t + x) <= 0), (1, g*(-t + x) >= 1), (g*(-t + x), True))
    Hard function: step(-threshold + x)
        step(u): 1 where u >= 0, else 0.
      with t = threshold, g = gain

    Args:
        x: float16, bfloat16, float32 or float64 torch.Tensor.
        threshold: where the ramp starts; float or float tensor broadcasting with x
            (differentiable), in (-inf, inf), default 0.499.
        gain: slope of the ramp; float or float tensor broadcasting with x (differentiable), in
            (0, inf), default 10000.0.
        mode: "soft" (smooth forward, exact derivative) or "ste" (hard forward, the smooth
            derivative as gradient); default "soft".
        name: unused; accepted for the same signature as the other backends.

    Returns:
        A tensor of x's dtype and the broadcast shape of x and the parameters.

    Source: seed 001.
    """
    return _OP(x, {"threshold": threshold, "gain": gain}, mode, name)
