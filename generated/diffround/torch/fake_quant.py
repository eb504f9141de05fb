# Generated from template templates/torch/op.py.jinja and spec derive/catalog.py:fake_quant.
# Do NOT modify by hand: edit the spec or the template, then run
#     python scripts/regenerate_ops.py
"""fake_quant: scale*clip(round(x/scale), qmin, qmax): the learned-step-size quantizer, with LSQ's gradient for scale."""

import torch

from . import _runtime


def _hard(x, scale, bits, signed):
    _t0 = (2 ** (bits - 1)) * signed
    _t1 = x / scale
    _t2 = (2 ** (bits - signed)) - 1
    y = torch.where(
        torch.le(x.new_full((), _t0), -_t1),
        -_t0 * scale,
        torch.where(torch.ge(_t1, _t2), _t2 * scale, scale * torch.round(_t1)),
    )
    return (y,), ()


def _gradient_x(x, scale, bits, signed):
    _t0 = x / scale
    y_D_x = torch.where(
        torch.logical_or(torch.le(_t0, -(2 ** (bits - 1)) * signed), torch.ge(_t0, (2 ** (bits - signed)) - 1)),
        x.new_full((), 0),
        x.new_full((), 1),
    )
    return (y_D_x,), ()


def _hessian_x(x, scale, bits, signed):
    y_D_x_D_x = torch.full_like(x, 0)
    return (y_D_x_D_x,), ()


def _gradient_all(x, scale, bits, signed):
    _t0 = x / scale
    _t1 = -(2 ** (bits - 1)) * signed
    _t2 = torch.le(_t0, _t1)
    _t3 = (2 ** (bits - signed)) - 1
    _t4 = torch.ge(_t0, _t3)
    y_D_x = torch.where(torch.logical_or(_t2, _t4), x.new_full((), 0), x.new_full((), 1))
    y_D_scale = torch.where(_t2, x.new_full((), _t1), torch.where(_t4, x.new_full((), _t3), -_t0 + torch.round(_t0)))
    return (y_D_x, y_D_scale), ()


def _hessian_all(x, scale, bits, signed):
    y_D_x_D_x = torch.full_like(x, 0)
    y_D_x_D_scale = torch.full_like(x, 0)
    y_D_scale_D_scale = torch.full_like(x, 0)
    return (y_D_x_D_x, y_D_x_D_scale, y_D_scale_D_scale), ()


_OP = _runtime.Op(
    name="fake_quant",
    params=[
        _runtime.FloatParam("scale", 1.0, 0.0, float("inf"), low_open=True, high_open=True),
        _runtime.IntParam("bits", 8, 2, 16),
        _runtime.BoolParam("signed", True),
    ],
    modes=("ste",),
    hard=_hard,
    kernels={
        "x": _runtime.Kernels(None, None, _gradient_x, _hessian_x),
        "all": _runtime.Kernels(None, None, _gradient_all, _hessian_all),
    },
    clipped=True,
)


def fake_quant(x, scale=1.0, bits=8, signed=True, mode="ste", name=None):
    """scale*clip(round(x/scale), qmin, qmax): the learned-step-size quantizer, with LSQ's gradient for
        scale.

    Gradient from: Piecewise((-2**(B - 1)*S*s, x/s <= -2**(B - 1)*S), (s*(2**(B - S) - 1), x/s >=
        2**(B - S) - 1), (s*round_ste(x/s), True))
    Hard function: Piecewise((-2**(bits - 1)*scale*signed, x/scale <= -2**(bits - 1)*signed),
        (scale*(2**(bits - signed) - 1), x/scale >= 2**(bits - signed) - 1), (scale*round(x/scale),
        True))
        round(u): round half to even (as tf.round, jnp.round and torch.round).
      with s = scale, B = bits, S = signed

    Args:
        x: float16, bfloat16, float32 or float64 torch.Tensor.
        scale: step between quantization levels (learned in LSQ); float or float tensor broadcasting
            with x (differentiable), in (0, inf), default 1.0.
        bits: bit width; a Python int in [2, 16], default 8.
        signed: levels -2**(bits-1)..2**(bits-1)-1 if True, 0..2**bits-1 if False; a Python bool
            (True or False), default True.
        mode: "ste" (hard forward, the smooth derivative as gradient), the only mode of this op;
            default "ste".
        name: unused; accepted for the same signature as the other backends.

    Returns:
        A tensor of x's dtype and the broadcast shape of x and the parameters.

    Source: Esser et al. 2020, Learned Step Size Quantization (LSQ).
    """
    return _OP(x, {"scale": scale, "bits": bits, "signed": signed}, mode, name)
