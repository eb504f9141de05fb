# Generated from template templates/torch/op.py.jinja and spec derive/catalog.py:sigmoid_step.
# Do NOT modify by hand: edit the spec or the template, then run
#     python scripts/regenerate_ops.py
"""sigmoid_step: Logistic sigmoid step; overflow-free at any steepness."""

import torch

from . import _runtime


def _hard(x, steepness, center):
    y = torch.ge(-center + x, 0).to(x.dtype)
    return (y,), ()


def _value_x(x, steepness, center):
    _t0 = center - x
    y = torch.sigmoid(-_t0 * steepness)
    return (y,), (_t0,)


def _gradient_from_residuals_x(x, steepness, center, _t0):
    _t1 = torch.exp(-steepness * torch.abs(_t0))
    y_D_x = torch.where(torch.eq(_t1, 0), x.new_full((), 0), steepness * (_t1 / ((_t1 + 1) * (_t1 + 1))))
    return (y_D_x,), ()


def _gradient_x(x, steepness, center):
    _t0 = torch.exp(-steepness * torch.abs(center - x))
    y_D_x = torch.where(torch.eq(_t0, 0), x.new_full((), 0), steepness * (_t0 / ((_t0 + 1) * (_t0 + 1))))
    return (y_D_x,), ()


def _hessian_x(x, steepness, center):
    _t0 = center - x
    _t1 = steepness * torch.abs(_t0)
    _t2 = torch.exp(-_t1)
    y_D_x_D_x = _runtime.multiply_no_nan(
        (steepness * steepness),
        torch.where(
            torch.lt(_t1, 1 / 2),
            _t2 * torch.tanh((1 / 2) * _t1) / (_t2 * (_t2 + 2) + 1),
            _t2 * (1 - _t2) / (_t2 * (_t2 * (_t2 + 3) + 3) + 1),
        )
        * torch.sign(_t0),
    )
    return (y_D_x_D_x,), ()


def _value_all(x, steepness, center):
    _t0 = center - x
    _t1 = -_t0
    y = torch.sigmoid(_t1 * steepness)
    return (y,), (_t0, _t1)


def _gradient_from_residuals_all(x, steepness, center, _t0, _t1):
    _t2 = torch.exp(-steepness * torch.abs(_t0))
    _t3 = _t2 / ((_t2 + 1) * (_t2 + 1))
    y_D_x = torch.where(torch.eq(_t2, 0), x.new_full((), 0), steepness * _t3)
    y_D_steepness = torch.where(torch.eq(_t2, 0), x.new_full((), 0), _t1 * _t3)
    y_D_center = torch.where(torch.eq(_t2, 0), x.new_full((), 0), (-steepness) * _t3)
    return (y_D_x, y_D_steepness, y_D_center), ()


def _gradient_all(x, steepness, center):
    _t0 = center - x
    _t1 = torch.exp(-steepness * torch.abs(_t0))
    _t2 = _t1 / ((_t1 + 1) * (_t1 + 1))
    y_D_x = torch.where(torch.eq(_t1, 0), x.new_full((), 0), steepness * _t2)
    y_D_steepness = torch.where(torch.eq(_t1, 0), x.new_full((), 0), (-_t0) * _t2)
    y_D_center = torch.where(torch.eq(_t1, 0), x.new_full((), 0), (-steepness) * _t2)
    return (y_D_x, y_D_steepness, y_D_center), ()


def _hessian_all(x, steepness, center):
    _t0 = steepness * steepness
    _t1 = center - x
    _t2 = -_t1
    _t3 = steepness * torch.abs(_t1)
    _t4 = torch.exp(-_t3)
    _t5 = -torch.where(
        torch.lt(_t3, 1 / 2),
        _t4 * torch.tanh((1 / 2) * _t3) / (_t4 * (_t4 + 2) + 1),
        _t4 * (1 - _t4) / (_t4 * (_t4 * (_t4 + 3) + 3) + 1),
    ) * torch.sign(_t2)
    _t6 = _runtime.multiply_no_nan(_t0, _t5)
    _t7 = _t2 * steepness
    _t8 = _t7 * torch.tanh((1 / 2) * _t7) - 1
    _t9 = _t4 / ((_t4 + 1) * (_t4 + 1))
    y_D_x_D_x = _t6
    y_D_x_D_steepness = torch.where(torch.eq(_t4, 0), x.new_full((), 0), (-_t8) * _t9)
    y_D_x_D_center = _runtime.multiply_no_nan(-_t0, _t5)
    y_D_steepness_D_steepness = _runtime.multiply_no_nan((_t2 * _t2), _t5)
    y_D_steepness_D_center = torch.where(torch.eq(_t4, 0), x.new_full((), 0), _t8 * _t9)
    y_D_center_D_center = _t6
    return (
        y_D_x_D_x,
        y_D_x_D_steepness,
        y_D_x_D_center,
        y_D_steepness_D_steepness,
        y_D_steepness_D_center,
        y_D_center_D_center,
    ), ()


_OP = _runtime.Op(
    name="sigmoid_step",
    params=[
        _runtime.FloatParam("steepness", 10.0, 0.0, float("inf"), low_open=True, high_open=True),
        _runtime.FloatParam("center", 0.0, -float("inf"), float("inf"), low_open=True, high_open=True),
    ],
    modes=("soft", "ste"),
    hard=_hard,
    kernels={
        "x": _runtime.Kernels(_value_x, _gradient_from_residuals_x, _gradient_x, _hessian_x),
        "all": _runtime.Kernels(_value_all, _gradient_from_residuals_all, _gradient_all, _hessian_all),
    },
)


def sigmoid_step(x, steepness=10.0, center=0.0, mode="soft", name=None):
    """Logistic sigmoid step; overflow-free at any steepness.

    Smooth forward: sigmoid(k*(-c + x))
    Hard function: step(-center + x)
        step(u): 1 where u >= 0, else 0.
      with k = steepness, c = center

    Args:
        x: float16, bfloat16, float32 or float64 torch.Tensor.
        steepness: slope of the sigmoid at the centre; float or float tensor broadcasting with x
            (differentiable), in (0, inf), default 10.0.
        center: where the step is; float or float tensor broadcasting with x (differentiable), in
            (-inf, inf), default 0.0.
        mode: "soft" (smooth forward, exact derivative) or "ste" (hard forward, the smooth
            derivative as gradient); default "soft".
        name: unused; accepted for the same signature as the other backends.

    Returns:
        A tensor of x's dtype and the broadcast shape of x and the parameters.

    Source: seed 001 (e/(e+1) with e = exp(1000*(x - 0.5)), which overflows to NaN).
    """
    return _OP(x, {"steepness": steepness, "center": center}, mode, name)
