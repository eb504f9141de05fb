# Generated from template templates/torch/op.py.jinja and spec derive/catalog.py:atan_step.
# Do NOT modify by hand: edit the spec or the template, then run
#     python scripts/regenerate_ops.py
"""atan_step: 1/2 + atan(pi*alpha*(x - center)/2)/pi: the arctangent step."""

import torch

from . import _runtime


def _hard(x, alpha, center):
    y = torch.ge(-center + x, 0).to(x.dtype)
    return (y,), ()


def _value_x(x, alpha, center):
    _t0 = 0.3183098861837907
    _t1 = -center + x
    _t2 = 2 / alpha
    _t3 = 3.1415926535897932 * _t1 * alpha
    _t4 = torch.lt(_t3, -2)
    y = torch.where(_t4, -_t0 * torch.atan(_t0 * _t2 / _t1), _t0 * torch.atan((1 / 2) * _t3) + 1 / 2)
    return (y,), (_t1, _t2, _t4)


def _gradient_from_residuals_x(x, alpha, center, _t1, _t2, _t4):
    _t5 = alpha * alpha
    _t6 = 9.869604401089358
    _t7 = _t1 * _t1
    _t8 = 1 / (_t6 * _t7)
    y_D_x = torch.where(_t4, _t2 * _t8 / (1 + 4 * _t8 / _t5), (1 / 2) * alpha / ((1 / 4) * _t5 * _t6 * _t7 + 1))
    return (y_D_x,), ()


def _gradient_x(x, alpha, center):
    _t0 = alpha * alpha
    _t1 = 9.869604401089358
    _t2 = -center + x
    _t3 = _t2 * _t2
    _t4 = 1 / (_t1 * _t3)
    y_D_x = torch.where(
        torch.lt(3.1415926535897932 * _t2 * alpha, -2),
        2 * _t4 / (alpha * (1 + 4 * _t4 / _t0)),
        (1 / 2) * alpha / ((1 / 4) * _t0 * _t1 * _t3 + 1),
    )
    return (y_D_x,), ()


def _hessian_x(x, alpha, center):
    _t0 = alpha * alpha * alpha
    _t1 = -center + x
    _t2 = alpha * alpha
    _t3 = _t1 * _t1
    _t4 = 9.869604401089358
    _t5 = 4 / _t4
    _t6 = 1 + _t5 / (_t2 * _t3)
    y_D_x_D_x = torch.where(
        torch.lt(3.1415926535897932 * _t1 * alpha, -2),
        -_t5 / ((_t1 * _t1 * _t1) * _t6 * alpha) + 16 / (97.40909103400244 * _t0 * torch.pow(_t1, 5) * (_t6 * _t6)),
        -1
        / 8
        * _t0
        * _t4
        * (-2 * center + 2 * x)
        / (((1 / 4) * _t2 * _t3 * _t4 + 1) * ((1 / 4) * _t2 * _t3 * _t4 + 1)),
    )
    return (y_D_x_D_x,), ()


def _value_all(x, alpha, center):
    _t0 = 0.3183098861837907
    _t1 = -center + x
    _t2 = 1 / _t1
    _t3 = 2 / alpha
    _t4 = 3.1415926535897932 * _t1 * alpha
    _t5 = torch.lt(_t4, -2)
    y = torch.where(_t5, -_t0 * torch.atan(_t0 * _t2 * _t3), _t0 * torch.atan((1 / 2) * _t4) + 1 / 2)
    return (y,), (_t1, _t2, _t3, _t5)


def _gradient_from_residuals_all(x, alpha, center, _t1, _t2, _t3, _t5):
    _t6 = alpha * alpha
    _t7 = 1 / _t6
    _t8 = 9.869604401089358
    _t9 = 1 / _t8
    _t10 = _t1 * _t1
    _t11 = _t9 / _t10
    _t12 = 1 / (4 * _t11 * _t7 + 1)
    _t13 = _t11 * _t12 * _t3
    _t14 = (1 / 2) / ((1 / 4) * _t10 * _t6 * _t8 + 1)
    _t15 = _t14 * alpha
    y_D_x = torch.where(_t5, _t13, _t15)
    y_D_alpha = torch.where(_t5, 2 * _t12 * _t2 * _t7 * _t9, _t1 * _t14)
    y_D_center = torch.where(_t5, -_t13, -_t15)
    return (y_D_x, y_D_alpha, y_D_center), ()


def _gradient_all(x, alpha, center):
    _t0 = 9.869604401089358
    _t1 = 1 / _t0
    _t2 = -center + x
    _t3 = _t2 * _t2
    _t4 = _t1 / _t3
    _t5 = alpha * alpha
    _t6 = 1 / _t5
    _t7 = 2 / (4 * _t4 * _t6 + 1)
    _t8 = _t4 * _t7 / alpha
    _t9 = torch.lt(3.1415926535897932 * _t2 * alpha, -2)
    _t10 = (1 / 2) / ((1 / 4) * _t0 * _t3 * _t5 + 1)
    _t11 = _t10 * alpha
    y_D_x = torch.where(_t9, _t8, _t11)
    y_D_alpha = torch.where(_t9, _t1 * _t6 * _t7 / _t2, _t10 * _t2)
    y_D_center = torch.where(_t9, -_t8, -_t11)
    return (y_D_x, y_D_alpha, y_D_center), ()


def _hessian_all(x, alpha, center):
    _t0 = 0.010265982254684336
    _t1 = alpha * alpha * alpha
    _t2 = 1 / _t1
    _t3 = -center + x
    _t4 = 9.869604401089358
    _t5 = 1 / _t4
    _t6 = 4 * _t5
    _t7 = alpha * alpha
    _t8 = _t3 * _t3
    _t9 = 1 / (_t7 * _t8)
    _t10 = _t6 * _t9 + 1
    _t11 = 1 / (_t10 * _t10)
    _t12 = _t3 * _t3 * _t3
    _t13 = 1 / _t12
    _t14 = 1 / _t10
    _t15 = _t14 * _t6
    _t16 = -16 * _t0 * _t11 * _t2 / torch.pow(_t3, 5) + _t13 * _t15 / alpha
    _t17 = -_t16
    _t18 = torch.lt(3.1415926535897932 * _t3 * alpha, -2)
    _t19 = 2 * center - 2 * x
    _t20 = (1 / 4) * _t4
    _t21 = _t20 * _t7 * _t8
    _t22 = _t21 + 1
    _t23 = 1 / (_t22 * _t22)
    _t24 = (1 / 8) * _t23 * _t4
    _t25 = _t1 * _t24
    _t26 = -16 * _t0 * _t11 / ((_t3 * _t3 * _t3 * _t3) * (alpha * alpha * alpha * alpha)) + 2 * _t14 * _t5 * _t9
    _t27 = (1 / 2) / _t22
    _t28 = _t19 * _t25
    y_D_x_D_x = torch.where(_t18, _t17, _t19 * _t25)
    y_D_x_D_alpha = torch.where(_t18, -_t26, -_t21 * _t23 + _t27)
    y_D_x_D_center = torch.where(_t18, _t16, -_t28)
    y_D_alpha_D_alpha = torch.where(
        _t18, 16 * _t0 * _t11 * _t13 / torch.pow(alpha, 5) - _t15 * _t2 / _t3, -_t12 * _t20 * _t23 * alpha
    )
    y_D_alpha_D_center = torch.where(_t18, _t26, -_t19 * _t24 * _t3 * _t7 - _t27)
    y_D_center_D_center = torch.where(_t18, _t17, _t28)
    return (y_D_x_D_x, y_D_x_D_alpha, y_D_x_D_center, y_D_alpha_D_alpha, y_D_alpha_D_center, y_D_center_D_center), ()


_OP = _runtime.Op(
    name="atan_step",
    params=[
        _runtime.FloatParam("alpha", 2.0, 0.0, float("inf"), low_open=True, high_open=True),
        _runtime.FloatParam("center", 0.0, -float("inf"), float("inf"), low_open=True, high_open=True),
    ],
    modes=("soft", "ste"),
    hard=_hard,
    kernels={
        "x": _runtime.Kernels(_value_x, _gradient_from_residuals_x, _gradient_x, _hessian_x),
        "all": _runtime.Kernels(_value_all, _gradient_from_residuals_all, _gradient_all, _hessian_all),
    },
)


def atan_step(x, alpha=2.0, center=0.0, mode="soft", name=None):
    """1/2 + atan(pi*alpha*(x - center)/2)/pi: the arctangent step.

    Smooth forward: Piecewise((-atan(2/(pi*a*(-c + x)))/pi, pi*a*(-c + x) < -2), (atan(pi*a*(-c +
        x)/2)/pi + 1/2, True))
    Hard function: step(-center + x)
        step(u): 1 where u >= 0, else 0.
      with a = alpha, c = center

    Args:
        x: float16, bfloat16, float32 or float64 torch.Tensor.
        alpha: sharpness; float or float tensor broadcasting with x (differentiable), in (0, inf),
            default 2.0.
        center: where the step is; float or float tensor broadcasting with x (differentiable), in
            (-inf, inf), default 0.0.
        mode: "soft" (smooth forward, exact derivative) or "ste" (hard forward, the smooth
            derivative as gradient); default "soft".
        name: unused; accepted for the same signature as the other backends.

    Returns:
        A tensor of x's dtype and the broadcast shape of x and the parameters.

    Source: snnTorch atan surrogate (default).
    """
    return _OP(x, {"alpha": alpha, "center": center}, mode, name)
