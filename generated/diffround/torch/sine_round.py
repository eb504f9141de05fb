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
    _n = torch.round(x)
    _r = -_n + x
    _t0 = torch.round(_r)
    _t1 = _r - _t0
    _t2 = torch.ge(_t1, 1 / 2)
    _t3 = torch.where(_t2, x.new_full((), 1), x.new_full((), 0))
    _t4 = -_r + _t0
    _t5 = _t3 + _t4
    _t6 = -torch.sign(_t5)
    _t7 = torch.abs(_t4 + 1)
    _t8 = 2 * _t7
    _t9 = torch.ge(2 - _t8, 0).to(x.dtype) * torch.ge(_t8 - 1 / 2, 0).to(x.dtype)
    _t10 = _t9 * (width + 2 * (_t7 - 1 / 2))
    _t11 = width - 1
    _t12 = (1 - _t9) * (_t11 + _t8)
    _t13 = torch.abs(_t1)
    _t14 = 2 * _t13
    _t15 = torch.ge(2 - _t14, 0).to(x.dtype) * torch.ge(_t14 - 1 / 2, 0).to(x.dtype)
    _t16 = _t15 * (width + 2 * (_t13 - 1 / 2))
    _t17 = (1 - _t15) * (_t11 + _t14)
    _t18 = torch.where(_t2, torch.le(_t10 + _t12, 0), torch.le(_t16 + _t17, 0))
    _t19 = torch.abs(_t5)
    _t20 = _t19 - 1 / 2
    _t21 = 2 * _t19
    _t22 = torch.ge(2 - _t21, 0).to(x.dtype) * torch.ge(_t21 - 1 / 2, 0).to(x.dtype)
    _t23 = 3.1415926535897932 / width
    _t24 = (1 / 4) * _t23 * (_t22 * (width + 2 * (_t20)) + (1 - _t22) * (_t11 + _t21))
    _t25 = torch.sin(_t24)
    _t26 = torch.where(_t2, torch.ge(width, 2 * _t10 + 2 * _t12), torch.ge(width, 2 * _t16 + 2 * _t17))
    _t27 = -_t20 * _t23
    y = (
        _n
        + _t0
        + _t3
        + _t6 * torch.where(_t18, x.new_full((), 0), torch.where(_t26, (_t25 * _t25), 1 / 2 - 1 / 2 * torch.sin(_t27)))
    )
    return (y,), (_t5, _t6, _t18, _t23, _t24, _t25, _t26, _t27)


def _gradient_from_residuals_x(x, width, _t5, _t6, _t18, _t23, _t24, _t25, _t26, _t27):
    _t28 = _t23 * torch.sign(_t5)
    y_D_x = _t6 * torch.where(
        _t18, x.new_full((), 0), torch.where(_t26, -_t25 * _t28 * torch.cos(_t24), -1 / 2 * _t28 * torch.cos(_t27))
    )
    return (y_D_x,), ()


def _gradient_x(x, width):
    _n = torch.round(x)
    _r = -_n + x
    _t0 = torch.round(_r)
    _t1 = _r - _t0
    _t2 = torch.ge(_t1, 1 / 2)
    _t3 = -_r + _t0
    _t4 = _t3 + torch.where(_t2, x.new_full((), 1), x.new_full((), 0))
    _t5 = torch.abs(_t3 + 1)
    _t6 = 2 * _t5
    _t7 = torch.ge(2 - _t6, 0).to(x.dtype) * torch.ge(_t6 - 1 / 2, 0).to(x.dtype)
    _t8 = _t7 * (width + 2 * (_t5 - 1 / 2))
    _t9 = width - 1
    _t10 = (1 - _t7) * (_t6 + _t9)
    _t11 = torch.abs(_t1)
    _t12 = 2 * _t11
    _t13 = torch.ge(2 - _t12, 0).to(x.dtype) * torch.ge(_t12 - 1 / 2, 0).to(x.dtype)
    _t14 = _t13 * (width + 2 * (_t11 - 1 / 2))
    _t15 = (1 - _t13) * (_t12 + _t9)
    _t16 = torch.abs(_t4)
    _t17 = _t16 - 1 / 2
    _t18 = 2 * _t16
    _t19 = torch.ge(2 - _t18, 0).to(x.dtype) * torch.ge(_t18 - 1 / 2, 0).to(x.dtype)
    _t20 = 3.1415926535897932 / width
    _t21 = (1 / 4) * _t20 * (_t19 * (width + 2 * (_t17)) + (1 - _t19) * (_t18 + _t9))
    _t22 = _t20 * torch.sign(_t4)
    y_D_x = -torch.where(
        torch.where(_t2, torch.le(_t10 + _t8, 0), torch.le(_t14 + _t15, 0)),
        x.new_full((), 0),
        torch.where(
            torch.where(_t2, torch.ge(width, 2 * _t10 + 2 * _t8), torch.ge(width, 2 * _t14 + 2 * _t15)),
            -_t22 * torch.sin(_t21) * torch.cos(_t21),
            -1 / 2 * _t22 * torch.cos(_t17 * _t20),
        ),
    ) * torch.sign(_t4)
    return (y_D_x,), ()


def _hessian_x(x, width):
    _n = torch.round(x)
    _r = -_n + x
    _t0 = torch.round(_r)
    _t1 = _r - _t0
    _t2 = torch.ge(_t1, 1 / 2)
    _t3 = -_r + _t0
    _t4 = _t3 + torch.where(_t2, x.new_full((), 1), x.new_full((), 0))
    _t5 = torch.abs(_t3 + 1)
    _t6 = 2 * _t5
    _t7 = torch.ge(2 - _t6, 0).to(x.dtype) * torch.ge(_t6 - 1 / 2, 0).to(x.dtype)
    _t8 = _t7 * (width + 2 * (_t5 - 1 / 2))
    _t9 = width - 1
    _t10 = (1 - _t7) * (_t6 + _t9)
    _t11 = torch.abs(_t1)
    _t12 = 2 * _t11
    _t13 = torch.ge(2 - _t12, 0).to(x.dtype) * torch.ge(_t12 - 1 / 2, 0).to(x.dtype)
    _t14 = _t13 * (width + 2 * (_t11 - 1 / 2))
    _t15 = (1 - _t13) * (_t12 + _t9)
    _t16 = torch.abs(_t4)
    _t17 = _t16 - 1 / 2
    _t18 = 2 * _t16
    _t19 = torch.ge(2 - _t18, 0).to(x.dtype) * torch.ge(_t18 - 1 / 2, 0).to(x.dtype)
    _t20 = 3.1415926535897932 / width
    _t21 = (1 / 4) * _t20 * (_t19 * (width + 2 * (_t17)) + (1 - _t19) * (_t18 + _t9))
    _t22 = 9.869604401089358
    _t23 = 1 / (width * width)
    _t24 = torch.sign(_t4) * torch.sign(_t4)
    _t25 = (1 / 2) * _t22 * _t23 * _t24
    y_D_x_D_x = -torch.where(
        torch.where(_t2, torch.le(_t10 + _t8, 0), torch.le(_t14 + _t15, 0)),
        x.new_full((), 0),
        torch.where(
            torch.where(_t2, torch.ge(width, 2 * _t10 + 2 * _t8), torch.ge(width, 2 * _t14 + 2 * _t15)),
            (1 / 2) * _t22 * _t23 * _t24 * (torch.cos(_t21) * torch.cos(_t21))
            - _t25 * (torch.sin(_t21) * torch.sin(_t21)),
            -_t25 * torch.sin(_t17 * _t20),
        ),
    ) * torch.sign(_t4)
    return (y_D_x_D_x,), ()


def _value_all(x, width):
    _n = torch.round(x)
    _r = -_n + x
    _t0 = torch.round(_r)
    _t1 = _r - _t0
    _t2 = torch.ge(_t1, 1 / 2)
    _t3 = torch.where(_t2, x.new_full((), 1), x.new_full((), 0))
    _t4 = -_r + _t0
    _t5 = _t3 + _t4
    _t6 = -torch.sign(_t5)
    _t7 = torch.abs(_t4 + 1)
    _t8 = 2 * _t7
    _t9 = torch.ge(2 - _t8, 0).to(x.dtype) * torch.ge(_t8 - 1 / 2, 0).to(x.dtype)
    _t10 = _t9 * (width + 2 * (_t7 - 1 / 2))
    _t11 = width - 1
    _t12 = (1 - _t9) * (_t11 + _t8)
    _t13 = torch.abs(_t1)
    _t14 = 2 * _t13
    _t15 = torch.ge(2 - _t14, 0).to(x.dtype) * torch.ge(_t14 - 1 / 2, 0).to(x.dtype)
    _t16 = _t15 * (width + 2 * (_t13 - 1 / 2))
    _t17 = (1 - _t15) * (_t11 + _t14)
    _t18 = torch.where(_t2, torch.le(_t10 + _t12, 0), torch.le(_t16 + _t17, 0))
    _t19 = torch.abs(_t5)
    _t20 = _t19 - 1 / 2
    _t21 = 2 * _t19
    _t22 = torch.ge(2 - _t21, 0).to(x.dtype) * torch.ge(_t21 - 1 / 2, 0).to(x.dtype)
    _t23 = _t22 * (width + 2 * (_t20)) + (1 - _t22) * (_t11 + _t21)
    _t24 = 3.1415926535897932 / width
    _t25 = (1 / 4) * _t24
    _t26 = _t23 * _t25
    _t27 = torch.sin(_t26)
    _t28 = torch.where(_t2, torch.ge(width, 2 * _t10 + 2 * _t12), torch.ge(width, 2 * _t16 + 2 * _t17))
    _t29 = -_t20
    _t30 = _t24 * _t29
    y = (
        _n
        + _t0
        + _t3
        + _t6 * torch.where(_t18, x.new_full((), 0), torch.where(_t28, (_t27 * _t27), 1 / 2 - 1 / 2 * torch.sin(_t30)))
    )
    return (y,), ()


def _gradient_all(x, width):
    _n = torch.round(x)
    _r = -_n + x
    _t0 = torch.round(_r)
    _t1 = _r - _t0
    _t2 = torch.ge(_t1, 1 / 2)
    _t3 = -_r + _t0
    _t4 = _t3 + torch.where(_t2, x.new_full((), 1), x.new_full((), 0))
    _t5 = -torch.sign(_t4)
    _t6 = torch.abs(_t3 + 1)
    _t7 = 2 * _t6
    _t8 = torch.ge(2 - _t7, 0).to(x.dtype) * torch.ge(_t7 - 1 / 2, 0).to(x.dtype)
    _t9 = _t8 * (width + 2 * (_t6 - 1 / 2))
    _t10 = width - 1
    _t11 = (1 - _t8) * (_t10 + _t7)
    _t12 = torch.abs(_t1)
    _t13 = 2 * _t12
    _t14 = torch.ge(2 - _t13, 0).to(x.dtype) * torch.ge(_t13 - 1 / 2, 0).to(x.dtype)
    _t15 = _t14 * (width + 2 * (_t12 - 1 / 2))
    _t16 = (1 - _t14) * (_t10 + _t13)
    _t17 = torch.where(_t2, torch.le(_t11 + _t9, 0), torch.le(_t15 + _t16, 0))
    _t18 = torch.abs(_t4)
    _t19 = _t18 - 1 / 2
    _t20 = 2 * _t18
    _t21 = torch.ge(2 - _t20, 0).to(x.dtype) * torch.ge(_t20 - 1 / 2, 0).to(x.dtype)
    _t22 = _t21 * (width + 2 * (_t19)) + (1 - _t21) * (_t10 + _t20)
    _t23 = 3.1415926535897932 / width
    _t24 = (1 / 4) * _t23
    _t25 = _t22 * _t24
    _t26 = torch.sin(_t25) * torch.cos(_t25)
    _t27 = _t23 * torch.sign(_t4)
    _t28 = torch.where(_t2, torch.ge(width, 2 * _t11 + 2 * _t9), torch.ge(width, 2 * _t15 + 2 * _t16))
    _t29 = -_t19
    _t30 = (1 / 2) * torch.cos(_t23 * _t29)
    _t31 = 3.1415926535897932 / (width * width)
    y_D_x = _t5 * torch.where(_t17, x.new_full((), 0), torch.where(_t28, -_t26 * _t27, -_t27 * _t30))
    y_D_width = _t5 * torch.where(
        _t17, x.new_full((), 0), torch.where(_t28, 2 * _t26 * (-1 / 4 * _t22 * _t31 + _t24), _t29 * _t30 * _t31)
    )
    return (y_D_x, y_D_width), ()


def _hessian_all(x, width):
    _n = torch.round(x)
    _r = -_n + x
    _t0 = torch.round(_r)
    _t1 = _r - _t0
    _t2 = torch.ge(_t1, 1 / 2)
    _t3 = -_r + _t0
    _t4 = _t3 + torch.where(_t2, x.new_full((), 1), x.new_full((), 0))
    _t5 = -torch.sign(_t4)
    _t6 = torch.abs(_t3 + 1)
    _t7 = 2 * _t6
    _t8 = torch.ge(2 - _t7, 0).to(x.dtype) * torch.ge(_t7 - 1 / 2, 0).to(x.dtype)
    _t9 = _t8 * (width + 2 * (_t6 - 1 / 2))
    _t10 = width - 1
    _t11 = (1 - _t8) * (_t10 + _t7)
    _t12 = torch.abs(_t1)
    _t13 = 2 * _t12
    _t14 = torch.ge(2 - _t13, 0).to(x.dtype) * torch.ge(_t13 - 1 / 2, 0).to(x.dtype)
    _t15 = _t14 * (width + 2 * (_t12 - 1 / 2))
    _t16 = (1 - _t14) * (_t10 + _t13)
    _t17 = torch.where(_t2, torch.le(_t11 + _t9, 0), torch.le(_t15 + _t16, 0))
    _t18 = torch.abs(_t4)
    _t19 = _t18 - 1 / 2
    _t20 = 2 * _t18
    _t21 = torch.ge(2 - _t20, 0).to(x.dtype) * torch.ge(_t20 - 1 / 2, 0).to(x.dtype)
    _t22 = _t21 * (width + 2 * (_t19)) + (1 - _t21) * (_t10 + _t20)
    _t23 = 3.1415926535897932 / width
    _t24 = (1 / 4) * _t23
    _t25 = _t22 * _t24
    _t26 = torch.sin(_t25)
    _t27 = _t26 * _t26
    _t28 = 1 / (width * width)
    _t29 = torch.sign(_t4)
    _t30 = _t29 * _t29
    _t31 = 9.869604401089358
    _t32 = (1 / 2) * _t31
    _t33 = _t28 * _t30 * _t32
    _t34 = torch.cos(_t25)
    _t35 = _t34 * _t34
    _t36 = torch.where(_t2, torch.ge(width, 2 * _t11 + 2 * _t9), torch.ge(width, 2 * _t15 + 2 * _t16))
    _t37 = -_t19
    _t38 = _t23 * _t37
    _t39 = torch.sin(_t38)
    _t40 = 3.1415926535897932 * _t28
    _t41 = _t26 * _t34
    _t42 = -1 / 4 * _t22 * _t40 + _t24
    _t43 = _t23 * _t29 * _t42
    _t44 = torch.cos(_t38)
    _t45 = (1 / 2) * _t40
    _t46 = 1 / (width * width * width)
    _t47 = 2 * (_t42 * _t42)
    y_D_x_D_x = _t5 * torch.where(
        _t17, x.new_full((), 0), torch.where(_t36, -_t27 * _t33 + (1 / 2) * _t28 * _t30 * _t31 * _t35, _t33 * _t39)
    )
    y_D_x_D_width = _t5 * torch.where(
        _t17,
        x.new_full((), 0),
        torch.where(
            _t36, _t27 * _t43 + _t29 * _t40 * _t41 - _t35 * _t43, -_t29 * _t32 * _t37 * _t39 * _t46 + _t29 * _t44 * _t45
        ),
    )
    y_D_width_D_width = _t5 * torch.where(
        _t17,
        x.new_full((), 0),
        torch.where(
            _t36,
            -_t27 * _t47 + _t35 * _t47 + 2 * _t41 * ((1 / 2) * 3.1415926535897932 * _t22 * _t46 - _t45),
            (1 / 2) * _t31 * (_t37 * _t37) * _t39 / (width * width * width * width)
            - 3.1415926535897932 * _t37 * _t44 * _t46,
        ),
    )
    return (y_D_x_D_x, y_D_x_D_width, y_D_width_D_width), ()


_OP = _runtime.Op(
    name="sine_round",
    params=[_runtime.FloatParam("width", 0.1, 0.0, 1.0, low_open=True, high_open=False)],
    modes=("soft", "ste"),
    hard=_hard,
    kernels={
        "x": _runtime.Kernels(_value_x, _gradient_from_residuals_x, _gradient_x, _hessian_x),
        "all": _runtime.Kernels(_value_all, None, _gradient_all, _hessian_all),
    },
)


def sine_round(x, width=0.1, mode="soft", name=None):
    """floor(x) plus a half-sine ramp of the given width around each half-integer, flat elsewhere.

    Smooth forward: Piecewise((0, sum_exact_pair_first(w, -1, 2*Abs(x - floor(x + 1/2))) <= 0),
        (sin(pi*sum_exact_pair_first(w, -1, 2*Abs(x - floor(x + 1/2)))/(4*w))**2, w >=
        2*sum_exact_pair_first(w, -1, 2*Abs(x - floor(x + 1/2)))), (1/2 - sin(pi*(1/2 - Abs(x -
        floor(x + 1/2)))/w)/2, True))*sign(x - floor(x + 1/2)) + floor(x + 1/2)
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
