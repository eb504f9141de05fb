# Generated from template templates/torch/op.py.jinja and spec derive/catalog.py:approx_sign.
# Do NOT modify by hand: edit the spec or the template, then run
#     python scripts/regenerate_ops.py
"""approx_sign: Piecewise quadratic sign: -1, 2x + x**2, 2x - x**2, 1 on x < -1, [-1, 0), [0, 1), x >= 1."""

import torch

from . import _runtime


def _hard(x):
    y = 2 * torch.ge(x, 0).to(x.dtype) - 1
    return (y,), ()


def _value_x(x):
    _t0 = torch.lt(x, -1)
    _t1 = 2 * x
    _t2 = x * x
    _t3 = torch.lt(x, 0)
    _t4 = torch.lt(x, 1)
    y = torch.where(
        _t0, x.new_full((), -1), torch.where(_t3, _t1 + _t2, torch.where(_t4, _t1 - _t2, x.new_full((), 1)))
    )
    return (y,), (_t0, _t1, _t3, _t4)


def _gradient_from_residuals_x(x, _t0, _t1, _t3, _t4):
    y_D_x = torch.where(_t0, x.new_full((), 0), torch.where(_t3, _t1 + 2, torch.where(_t4, 2 - _t1, x.new_full((), 0))))
    return (y_D_x,), ()


def _gradient_x(x):
    _t0 = 2 * x
    y_D_x = torch.where(
        torch.lt(x, -1),
        x.new_full((), 0),
        torch.where(torch.lt(x, 0), _t0 + 2, torch.where(torch.lt(x, 1), 2 - _t0, x.new_full((), 0))),
    )
    return (y_D_x,), ()


def _hessian_x(x):
    y_D_x_D_x = torch.where(
        torch.lt(x, -1),
        x.new_full((), 0),
        torch.where(
            torch.lt(x, 0), x.new_full((), 2), torch.where(torch.lt(x, 1), x.new_full((), -2), x.new_full((), 0))
        ),
    )
    return (y_D_x_D_x,), ()


_OP = _runtime.Op(
    name="approx_sign",
    params=[],
    modes=("soft", "ste"),
    hard=_hard,
    kernels={"x": _runtime.Kernels(_value_x, _gradient_from_residuals_x, _gradient_x, _hessian_x)},
)


def approx_sign(x, mode="ste", name=None):
    """Piecewise quadratic sign: -1, 2x + x**2, 2x - x**2, 1 on x < -1, [-1, 0), [0, 1), x >= 1.

    Smooth forward: Piecewise((-1, x < -1), (x**2 + 2*x, x < 0), (-x**2 + 2*x, x < 1), (1, True))
    Hard function: sign(x)
        sign(u): +1 where u >= 0, else -1.

    Args:
        x: float16, bfloat16, float32 or float64 torch.Tensor.
        mode: "soft" (smooth forward, exact derivative) or "ste" (hard forward, the smooth
            derivative as gradient); default "ste".
        name: unused; accepted for the same signature as the other backends.

    Returns:
        A tensor of x's dtype and the broadcast shape of x and the parameters.

    Source: Bi-Real Net (Liu et al. 2018), Larq ApproxSign.
    """
    return _OP(x, {}, mode, name)
