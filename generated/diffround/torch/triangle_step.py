# Generated from template templates/torch/op.py.jinja and spec derive/catalog.py:triangle_step.
# Do NOT modify by hand: edit the spec or the template, then run
#     python scripts/regenerate_ops.py
"""triangle_step: C1 piecewise quadratic whose derivative is the triangle max(0, 1 - |x - center|/width)/width."""

import torch

from . import _runtime


def _hard(x, width, center):
    y = torch.ge(-center + x, 0).to(x.dtype)
    return (y,), ()


def _value_x(x, width, center):
    _t0 = 1 / width
    _t1 = _t0 * (-center + x)
    _t2 = torch.le(_t1, -1)
    _t3 = _t1 + 1
    _t4 = torch.le(_t1, 0)
    _t5 = 1 - _t1
    _t6 = torch.lt(_t1, 1)
    y = torch.where(
        _t2,
        x.new_full((), 0),
        torch.where(_t4, (1 / 2) * (_t3 * _t3), torch.where(_t6, 1 - 1 / 2 * (_t5 * _t5), x.new_full((), 1))),
    )
    return (y,), (_t0, _t2, _t3, _t4, _t5, _t6)


def _gradient_from_residuals_x(x, width, center, _t0, _t2, _t3, _t4, _t5, _t6):
    y_D_x = torch.where(
        _t2, x.new_full((), 0), torch.where(_t4, _t0 * _t3, torch.where(_t6, _t0 * _t5, x.new_full((), 0)))
    )
    return (y_D_x,), ()


def _gradient_x(x, width, center):
    _t0 = 1 / width
    _t1 = _t0 * (-center + x)
    y_D_x = torch.where(
        torch.le(_t1, -1),
        x.new_full((), 0),
        torch.where(
            torch.le(_t1, 0), _t0 * (_t1 + 1), torch.where(torch.lt(_t1, 1), _t0 * (1 - _t1), x.new_full((), 0))
        ),
    )
    return (y_D_x,), ()


def _hessian_x(x, width, center):
    _t0 = (-center + x) / width
    _t1 = 1 / (width * width)
    y_D_x_D_x = torch.where(
        torch.le(_t0, -1),
        x.new_full((), 0),
        torch.where(torch.le(_t0, 0), _t1, torch.where(torch.lt(_t0, 1), -_t1, x.new_full((), 0))),
    )
    return (y_D_x_D_x,), ()


def _value_all(x, width, center):
    _t0 = 1 / width
    _t1 = -center + x
    _t2 = _t0 * _t1
    _t3 = torch.le(_t2, -1)
    _t4 = _t2 + 1
    _t5 = torch.le(_t2, 0)
    _t6 = 1 - _t2
    _t7 = torch.lt(_t2, 1)
    y = torch.where(
        _t3,
        x.new_full((), 0),
        torch.where(_t5, (1 / 2) * (_t4 * _t4), torch.where(_t7, 1 - 1 / 2 * (_t6 * _t6), x.new_full((), 1))),
    )
    return (y,), (_t0, _t1, _t3, _t4, _t5, _t6, _t7)


def _gradient_from_residuals_all(x, width, center, _t0, _t1, _t3, _t4, _t5, _t6, _t7):
    _t8 = _t0 * _t4
    _t9 = _t0 * _t6
    _t10 = _t1 / (width * width)
    y_D_x = torch.where(_t3, x.new_full((), 0), torch.where(_t5, _t8, torch.where(_t7, _t9, x.new_full((), 0))))
    y_D_width = torch.where(
        _t3, x.new_full((), 0), torch.where(_t5, -_t10 * _t4, torch.where(_t7, -_t10 * _t6, x.new_full((), 0)))
    )
    y_D_center = torch.where(_t3, x.new_full((), 0), torch.where(_t5, -_t8, torch.where(_t7, -_t9, x.new_full((), 0))))
    return (y_D_x, y_D_width, y_D_center), ()


def _gradient_all(x, width, center):
    _t0 = 1 / width
    _t1 = -center + x
    _t2 = _t0 * _t1
    _t3 = torch.le(_t2, -1)
    _t4 = _t2 + 1
    _t5 = _t0 * _t4
    _t6 = torch.le(_t2, 0)
    _t7 = 1 - _t2
    _t8 = _t0 * _t7
    _t9 = torch.lt(_t2, 1)
    _t10 = _t1 / (width * width)
    y_D_x = torch.where(_t3, x.new_full((), 0), torch.where(_t6, _t5, torch.where(_t9, _t8, x.new_full((), 0))))
    y_D_width = torch.where(
        _t3, x.new_full((), 0), torch.where(_t6, -_t10 * _t4, torch.where(_t9, -_t10 * _t7, x.new_full((), 0)))
    )
    y_D_center = torch.where(_t3, x.new_full((), 0), torch.where(_t6, -_t5, torch.where(_t9, -_t8, x.new_full((), 0))))
    return (y_D_x, y_D_width, y_D_center), ()


def _hessian_all(x, width, center):
    _t0 = -center + x
    _t1 = _t0 / width
    _t2 = torch.le(_t1, -1)
    _t3 = 1 / (width * width)
    _t4 = torch.le(_t1, 0)
    _t5 = -_t3
    _t6 = torch.lt(_t1, 1)
    _t7 = torch.where(_t2, x.new_full((), 0), torch.where(_t4, _t3, torch.where(_t6, _t5, x.new_full((), 0))))
    _t8 = _t0 / (width * width * width)
    _t9 = _t1 + 1
    _t10 = _t3 * _t9 + _t8
    _t11 = 1 - _t1
    _t12 = _t11 * _t3 - _t8
    _t13 = (_t0 * _t0) / (width * width * width * width)
    _t14 = 2 * _t8
    y_D_x_D_x = _t7
    y_D_x_D_width = torch.where(
        _t2, x.new_full((), 0), torch.where(_t4, -_t10, torch.where(_t6, -_t12, x.new_full((), 0)))
    )
    y_D_x_D_center = torch.where(
        _t2, x.new_full((), 0), torch.where(_t4, _t5, torch.where(_t6, _t3, x.new_full((), 0)))
    )
    y_D_width_D_width = torch.where(
        _t2,
        x.new_full((), 0),
        torch.where(_t4, _t13 + _t14 * _t9, torch.where(_t6, _t11 * _t14 - _t13, x.new_full((), 0))),
    )
    y_D_width_D_center = torch.where(
        _t2, x.new_full((), 0), torch.where(_t4, _t10, torch.where(_t6, _t12, x.new_full((), 0)))
    )
    y_D_center_D_center = _t7
    return (y_D_x_D_x, y_D_x_D_width, y_D_x_D_center, y_D_width_D_width, y_D_width_D_center, y_D_center_D_center), ()


_OP = _runtime.Op(
    name="triangle_step",
    params=[
        _runtime.FloatParam("width", 1.0, 0.0, float("inf"), low_open=True, high_open=True),
        _runtime.FloatParam("center", 0.0, -float("inf"), float("inf"), low_open=True, high_open=True),
    ],
    modes=("soft", "ste"),
    hard=_hard,
    kernels={
        "x": _runtime.Kernels(_value_x, _gradient_from_residuals_x, _gradient_x, _hessian_x),
        "all": _runtime.Kernels(_value_all, _gradient_from_residuals_all, _gradient_all, _hessian_all),
    },
)


def triangle_step(x, width=1.0, center=0.0, mode="soft", name=None):
    """C1 piecewise quadratic whose derivative is the triangle max(0, 1 - |x - center|/width)/width.

    Smooth forward: Piecewise((0, (-c + x)/w <= -1), ((1 + (-c + x)/w)**2/2, (-c + x)/w <= 0), (1 -
        (1 - (-c + x)/w)**2/2, (-c + x)/w < 1), (1, True))
    Hard function: step(-center + x)
        step(u): 1 where u >= 0, else 0.
      with w = width, c = center

    Args:
        x: float16, bfloat16, float32 or float64 torch.Tensor.
        width: half-width of the triangular derivative; float or float tensor broadcasting with x
            (differentiable), in (0, inf), default 1.0.
        center: where the step is; float or float tensor broadcasting with x (differentiable), in
            (-inf, inf), default 0.0.
        mode: "soft" (smooth forward, exact derivative) or "ste" (hard forward, the smooth
            derivative as gradient); default "soft".
        name: unused; accepted for the same signature as the other backends.

    Returns:
        A tensor of x's dtype and the broadcast shape of x and the parameters.

    Source: seed 003 (triangle surrogate max(0, 1 - |x|)).
    """
    return _OP(x, {"width": width, "center": center}, mode, name)
