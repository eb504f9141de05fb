# Generated from template templates/torch/op.py.jinja and spec derive/catalog.py:sine_round.
# Do NOT modify by hand: edit the spec or the template, then run
#     python scripts/regenerate_ops.py
"""sine_round: floor(x) plus a half-sine ramp of the given width around each half-integer, flat elsewhere."""

import torch

from . import _runtime


def _hard(x, width):
    y = torch.round(x)
    return (y,), ()


def _value_x(x, width):
    _t0 = torch.floor(x)
    _t1 = x - torch.round(x)
    _t2 = torch.lt(_t1, 0)
    _t3 = 2 * _t1
    _t4 = _t3 + 1
    _t5 = torch.le(width, -_t4)
    _t6 = _t3 - 1
    _t7 = torch.le(width, -_t6)
    _t8 = torch.le(width, _t4)
    _t9 = torch.le(width, _t6)
    _t10 = 3.1415926535897932 / width
    _t11 = _t10 * torch.where(_t2, _t1 + 1 / 2, _t1 - 1 / 2)
    y = torch.where(
        torch.where(_t2, _t5, _t7),
        _t0,
        torch.where(torch.where(_t2, _t8, _t9), _t0 + 1, _t0 + (1 / 2) * torch.sin(_t11) + 1 / 2),
    )
    return (y,), (_t2, _t5, _t7, _t8, _t9, _t10, _t11)


def _gradient_from_residuals_x(x, width, _t2, _t5, _t7, _t8, _t9, _t10, _t11):
    y_D_x = torch.where(
        torch.where(_t2, torch.logical_or(_t5, _t8), torch.logical_or(_t7, _t9)),
        x.new_full((), 0),
        (1 / 2) * _t10 * torch.cos(_t11),
    )
    return (y_D_x,), ()


def _gradient_x(x, width):
    _t0 = x - torch.round(x)
    _t1 = torch.lt(_t0, 0)
    _t2 = 2 * _t0
    _t3 = _t2 + 1
    _t4 = _t2 - 1
    _t5 = 3.1415926535897932 / width
    y_D_x = torch.where(
        torch.where(
            _t1,
            torch.logical_or(torch.ge(_t3, width), torch.le(_t3, -width)),
            torch.logical_or(torch.ge(_t4, width), torch.le(_t4, -width)),
        ),
        x.new_full((), 0),
        (1 / 2) * _t5 * torch.cos(_t5 * torch.where(_t1, _t0 + 1 / 2, _t0 - 1 / 2)),
    )
    return (y_D_x,), ()


def _hessian_x(x, width):
    _t0 = x - torch.round(x)
    _t1 = torch.lt(_t0, 0)
    _t2 = 2 * _t0
    _t3 = _t2 + 1
    _t4 = _t2 - 1
    y_D_x_D_x = torch.where(
        torch.where(
            _t1,
            torch.logical_or(torch.ge(_t3, width), torch.le(_t3, -width)),
            torch.logical_or(torch.ge(_t4, width), torch.le(_t4, -width)),
        ),
        x.new_full((), 0),
        -1
        / 2
        * 9.869604401089358
        * torch.sin(3.1415926535897932 * torch.where(_t1, _t0 + 1 / 2, _t0 - 1 / 2) / width)
        / (width * width),
    )
    return (y_D_x_D_x,), ()


def _value_all(x, width):
    _t0 = torch.floor(x)
    _t1 = x - torch.round(x)
    _t2 = torch.lt(_t1, 0)
    _t3 = 2 * _t1
    _t4 = _t3 + 1
    _t5 = torch.le(width, -_t4)
    _t6 = _t3 - 1
    _t7 = torch.le(width, -_t6)
    _t8 = torch.le(width, _t4)
    _t9 = torch.le(width, _t6)
    _t10 = torch.where(_t2, _t1 + 1 / 2, _t1 - 1 / 2)
    _t11 = 3.1415926535897932 / width
    _t12 = _t10 * _t11
    y = torch.where(
        torch.where(_t2, _t5, _t7),
        _t0,
        torch.where(torch.where(_t2, _t8, _t9), _t0 + 1, _t0 + (1 / 2) * torch.sin(_t12) + 1 / 2),
    )
    return (y,), (_t2, _t5, _t7, _t8, _t9, _t10, _t11, _t12)


def _gradient_from_residuals_all(x, width, _t2, _t5, _t7, _t8, _t9, _t10, _t11, _t12):
    _t13 = torch.where(_t2, torch.logical_or(_t5, _t8), torch.logical_or(_t7, _t9))
    _t14 = (1 / 2) * torch.cos(_t12)
    y_D_x = torch.where(_t13, x.new_full((), 0), _t11 * _t14)
    y_D_width = torch.where(_t13, x.new_full((), 0), -3.1415926535897932 * _t10 * _t14 / (width * width))
    return (y_D_x, y_D_width), ()


def _gradient_all(x, width):
    _t0 = x - torch.round(x)
    _t1 = torch.lt(_t0, 0)
    _t2 = 2 * _t0
    _t3 = _t2 + 1
    _t4 = _t2 - 1
    _t5 = torch.where(
        _t1,
        torch.logical_or(torch.le(width, _t3), torch.le(width, -_t3)),
        torch.logical_or(torch.le(width, _t4), torch.le(width, -_t4)),
    )
    _t6 = 3.1415926535897932 / width
    _t7 = torch.where(_t1, _t0 + 1 / 2, _t0 - 1 / 2)
    _t8 = (1 / 2) * torch.cos(_t6 * _t7)
    y_D_x = torch.where(_t5, x.new_full((), 0), _t6 * _t8)
    y_D_width = torch.where(_t5, x.new_full((), 0), -3.1415926535897932 * _t7 * _t8 / (width * width))
    return (y_D_x, y_D_width), ()


def _hessian_all(x, width):
    _t0 = x - torch.round(x)
    _t1 = torch.lt(_t0, 0)
    _t2 = 2 * _t0
    _t3 = _t2 + 1
    _t4 = _t2 - 1
    _t5 = torch.where(
        _t1,
        torch.logical_or(torch.le(width, _t3), torch.le(width, -_t3)),
        torch.logical_or(torch.le(width, _t4), torch.le(width, -_t4)),
    )
    _t6 = (1 / 2) / (width * width)
    _t7 = 9.869604401089358
    _t8 = _t0 + 1 / 2
    _t9 = _t0 - 1 / 2
    _t10 = torch.where(_t1, _t8, _t9)
    _t11 = 3.1415926535897932 * _t10
    _t12 = _t11 / width
    _t13 = torch.sin(_t12)
    _t14 = _t13 * _t7
    _t15 = torch.cos(_t12)
    _t16 = 1 / (width * width * width)
    y_D_x_D_x = torch.where(_t5, x.new_full((), 0), -_t14 * _t6)
    y_D_x_D_width = torch.where(
        _t5, x.new_full((), 0), (1 / 2) * _t10 * _t13 * _t16 * _t7 - 3.1415926535897932 * _t15 * _t6
    )
    y_D_width_D_width = torch.where(
        _t5,
        x.new_full((), 0),
        _t11 * _t15 * _t16
        - 1 / 2 * _t14 * torch.where(_t1, (_t8 * _t8), (_t9 * _t9)) / (width * width * width * width),
    )
    return (y_D_x_D_x, y_D_x_D_width, y_D_width_D_width), ()


_OP = _runtime.Op(
    name="sine_round",
    params=[_runtime.FloatParam("width", 0.1, 0.0, 1.0, low_open=True, high_open=False)],
    modes=("soft", "ste"),
    hard=_hard,
    kernels={
        "x": _runtime.Kernels(_value_x, _gradient_from_residuals_x, _gradient_x, _hessian_x),
        "all": _runtime.Kernels(_value_all, _gradient_from_residuals_all, _gradient_all, _hessian_all),
    },
)


def sine_round(x, width=0.1, mode="soft", name=None):
    """floor(x) plus a half-sine ramp of the given width around each half-integer, flat elsewhere.

    Smooth forward: Piecewise((floor(x), w <= -2*x + 2*floor(x) + 1), (floor(x) + 1, w <= 2*x -
        2*floor(x) - 1), (sin(pi*(x - floor(x) - 1/2)/w)/2 + floor(x) + 1/2, True))
    Hard function: round(x)
        round(u): round half to even (as tf.round, jnp.round and torch.round).
      with w = width

    Args:
        x: float16, bfloat16, float32 or float64 torch.Tensor.
        width: width of the half-sine window around each half-integer; float or float tensor
            broadcasting with x (differentiable), in (0, 1], default 0.1.
        mode: "soft" (smooth forward, exact derivative) or "ste" (hard forward, the smooth
            derivative as gradient); default "soft".
        name: unused; accepted for the same signature as the other backends.

    Returns:
        A tensor of x's dtype and the broadcast shape of x and the parameters.

    Source: seeds 000, 002 (with the window's upper edge r = 1/2 + width/2 mapped to 1, not 0).
    """
    return _OP(x, {"width": width}, mode, name)
