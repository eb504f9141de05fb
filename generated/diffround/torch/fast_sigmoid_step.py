# Generated from template templates/torch/op.py.jinja and spec derive/catalog.py:fast_sigmoid_step.
# Do NOT modify by hand: edit the spec or the template, then run
#     python scripts/regenerate_ops.py
"""fast_sigmoid_step: 1/2 + s*d/(2*(1 + s*|d|)), d = x - center: the fast sigmoid, whose derivative decays as 1/d**2."""

import torch

from . import _runtime


def _hard(x, steepness, center):
    y = torch.ge(-center + x, 0).to(x.dtype)
    return (y,), ()


def _value_x(x, steepness, center):
    _t0 = center - x
    _t1 = 2 * steepness
    _t2 = -_t0 * _t1
    _t3 = 2 - _t2
    _t4 = torch.gt(_t0, 0)
    _t5 = _t2 + 2
    y = torch.where(_t4, 1 / _t3, 1 - 1 / _t5)
    return (y,), (_t1, _t3, _t4, _t5)


def _gradient_from_residuals_x(x, steepness, center, _t1, _t3, _t4, _t5):
    y_D_x = torch.where(_t4, _t1 / (_t3 * _t3), _t1 / (_t5 * _t5))
    return (y_D_x,), ()


def _gradient_x(x, steepness, center):
    _t0 = center - x
    _t1 = 2 * steepness
    _t2 = -_t0 * _t1
    y_D_x = torch.where(torch.gt(_t0, 0), _t1 / ((2 - _t2) * (2 - _t2)), _t1 / ((_t2 + 2) * (_t2 + 2)))
    return (y_D_x,), ()


def _hessian_x(x, steepness, center):
    _t0 = center - x
    _t1 = -2 * _t0 * steepness
    _t2 = 8 * (steepness * steepness)
    y_D_x_D_x = torch.where(
        torch.gt(_t0, 0), _t2 / ((2 - _t1) * (2 - _t1) * (2 - _t1)), -_t2 / ((_t1 + 2) * (_t1 + 2) * (_t1 + 2))
    )
    return (y_D_x_D_x,), ()


def _gradient_from_residuals_all(x, steepness, center, _t1, _t3, _t4, _t5):
    _t6 = 1 / (_t3 * _t3)
    _t7 = _t1 * _t6
    _t8 = 1 / (_t5 * _t5)
    _t9 = _t1 * _t8
    _t10 = 2 * center - 2 * x
    y_D_x = torch.where(_t4, _t7, _t9)
    y_D_steepness = torch.where(_t4, -_t10 * _t6, -_t10 * _t8)
    y_D_center = torch.where(_t4, -_t7, -_t9)
    return (y_D_x, y_D_steepness, y_D_center), ()


def _gradient_all(x, steepness, center):
    _t0 = center - x
    _t1 = 2 * steepness
    _t2 = -_t0 * _t1
    _t3 = 1 / ((2 - _t2) * (2 - _t2))
    _t4 = _t1 * _t3
    _t5 = torch.gt(_t0, 0)
    _t6 = 1 / ((_t2 + 2) * (_t2 + 2))
    _t7 = _t1 * _t6
    _t8 = 2 * center - 2 * x
    y_D_x = torch.where(_t5, _t4, _t7)
    y_D_steepness = torch.where(_t5, -_t3 * _t8, -_t6 * _t8)
    y_D_center = torch.where(_t5, -_t4, -_t7)
    return (y_D_x, y_D_steepness, y_D_center), ()


def _hessian_all(x, steepness, center):
    _t0 = center - x
    _t1 = 2 * steepness
    _t2 = -_t0 * _t1
    _t3 = 2 - _t2
    _t4 = 1 / (_t3 * _t3 * _t3)
    _t5 = 8 * (steepness * steepness)
    _t6 = _t4 * _t5
    _t7 = torch.gt(_t0, 0)
    _t8 = _t2 + 2
    _t9 = 1 / (_t8 * _t8 * _t8)
    _t10 = _t5 * _t9
    _t11 = torch.where(_t7, _t6, -_t10)
    _t12 = 2 / (_t3 * _t3)
    _t13 = 4 * center - 4 * x
    _t14 = -_t13 * _t4
    _t15 = 2 / (_t8 * _t8)
    _t16 = _t13 * _t9
    _t17 = 2 * center - 2 * x
    _t18 = -_t17
    _t19 = 4 * steepness
    y_D_x_D_x = _t11
    y_D_x_D_steepness = torch.where(_t7, _t1 * _t14 + _t12, _t1 * _t16 + _t15)
    y_D_x_D_center = torch.where(_t7, -_t6, _t10)
    y_D_steepness_D_steepness = torch.where(_t7, _t14 * _t18, -_t16 * _t17)
    y_D_steepness_D_center = torch.where(_t7, -_t12 - _t18 * _t19 * _t4, -_t15 - _t17 * _t19 * _t9)
    y_D_center_D_center = _t11
    return (
        y_D_x_D_x,
        y_D_x_D_steepness,
        y_D_x_D_center,
        y_D_steepness_D_steepness,
        y_D_steepness_D_center,
        y_D_center_D_center,
    ), ()


_OP = _runtime.Op(
    name="fast_sigmoid_step",
    params=[
        _runtime.FloatParam("steepness", 25.0, 0.0, float("inf"), low_open=True, high_open=True),
        _runtime.FloatParam("center", 0.0, -float("inf"), float("inf"), low_open=True, high_open=True),
    ],
    modes=("soft", "ste"),
    hard=_hard,
    kernels={
        "x": _runtime.Kernels(_value_x, _gradient_from_residuals_x, _gradient_x, _hessian_x),
        "all": _runtime.Kernels(_value_x, _gradient_from_residuals_all, _gradient_all, _hessian_all),
    },
)


def fast_sigmoid_step(x, steepness=25.0, center=0.0, mode="soft", name=None):
    """1/2 + s*d/(2*(1 + s*|d|)), d = x - center: the fast sigmoid, whose derivative decays as 1/d**2.

    Smooth forward: Piecewise((1/(-2*k*(-c + x) + 2), c - x > 0), (1 - 1/(2*k*(-c + x) + 2), True))
    Hard function: step(-center + x)
        step(u): 1 where u >= 0, else 0.
      with k = steepness, c = center

    Args:
        x: float16, bfloat16, float32 or float64 torch.Tensor.
        steepness: slope parameter s; float or float tensor broadcasting with x (differentiable), in
            (0, inf), default 25.0.
        center: where the step is; float or float tensor broadcasting with x (differentiable), in
            (-inf, inf), default 0.0.
        mode: "soft" (smooth forward, exact derivative) or "ste" (hard forward, the smooth
            derivative as gradient); default "soft".
        name: unused; accepted for the same signature as the other backends.

    Returns:
        A tensor of x's dtype and the broadcast shape of x and the parameters.

    Source: SuperSpike (Zenke & Ganguli 2018) / snnTorch fast_sigmoid.
    """
    return _OP(x, {"steepness": steepness, "center": center}, mode, name)
