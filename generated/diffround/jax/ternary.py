# Generated from template templates/jax/op.py.jinja and spec derive/catalog.py:ternary.
# Do NOT modify by hand: edit the spec or the template, then run
#     python scripts/regenerate_ops.py
"""ternary: -1, 0 or 1 (0 where abs(x) <= threshold), with the straight-through gradient clipped at clip."""

import jax
import jax.numpy as jnp

from . import _runtime


def _hard(x, threshold, clip):
    y = jnp.where(
        jnp.greater_equal(threshold, jnp.abs(x)),
        jnp.asarray(0, x.dtype),
        jnp.where(jnp.greater_equal(x, 0), jnp.asarray(1, x.dtype), jnp.asarray(-1, x.dtype)),
    )
    return (y,), ()


def _gradient_x(x, threshold, clip):
    y_D_x = jnp.where(
        jnp.logical_or(jnp.less(clip, x), jnp.less(clip, -x)), jnp.asarray(0, x.dtype), jnp.asarray(1, x.dtype)
    )
    return (y_D_x,), ()


def _hessian_x(x, threshold, clip):
    y_D_x_D_x = jnp.full_like(x, 0)
    return (y_D_x_D_x,), ()


def _gradient_all(x, threshold, clip):
    _t0 = jnp.less(clip, x)
    _t1 = jnp.less(clip, -x)
    y_D_x = jnp.where(jnp.logical_or(_t0, _t1), jnp.asarray(0, x.dtype), jnp.asarray(1, x.dtype))
    y_D_threshold = jnp.full_like(x, 0)
    y_D_clip = jnp.where(
        _t1, jnp.asarray(-1, x.dtype), jnp.where(_t0, jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype))
    )
    return (y_D_x, y_D_threshold, y_D_clip), ()


def _hessian_all(x, threshold, clip):
    y_D_x_D_x = jnp.full_like(x, 0)
    y_D_x_D_threshold = jnp.full_like(x, 0)
    y_D_x_D_clip = jnp.full_like(x, 0)
    y_D_threshold_D_threshold = jnp.full_like(x, 0)
    y_D_threshold_D_clip = jnp.full_like(x, 0)
    y_D_clip_D_clip = jnp.full_like(x, 0)
    return (
        y_D_x_D_x,
        y_D_x_D_threshold,
        y_D_x_D_clip,
        y_D_threshold_D_threshold,
        y_D_threshold_D_clip,
        y_D_clip_D_clip,
    ), ()


_OP = _runtime.Op(
    name="ternary",
    params=[
        _runtime.FloatParam("threshold", 0.05, 0.0, float("inf"), low_open=False, high_open=True),
        _runtime.FloatParam("clip", 1.0, 0.0, float("inf"), low_open=True, high_open=True),
    ],
    modes=("ste",),
    hard=_hard,
    kernels={
        "x": _runtime.Kernels(None, _gradient_x, _hessian_x),
        "all": _runtime.Kernels(None, _gradient_all, _hessian_all),
    },
    clipped=True,
)


def ternary(x, threshold=0.05, clip=1.0, mode="ste", name=None):
    """-1, 0 or 1 (0 where abs(x) <= threshold), with the straight-through gradient clipped at clip.

    Smooth forward: Piecewise((-l, l < -x), (l, l < x), (x, True))
    Hard function: Piecewise((0, threshold >= Abs(x)), (sign(x), True))
        sign(u): +1 where u >= 0, else -1.
      with T = threshold, l = clip

    Args:
        x: float16, bfloat16, float32 or float64 jax.Array (float64 with jax_enable_x64).
        threshold: 0 where abs(x) <= threshold; float or float tensor broadcasting with x
            (differentiable), in [0, inf), default 0.05.
        clip: gradient is 1 for abs(x) <= clip, 0 beyond; float or float tensor broadcasting with x
            (differentiable), in (0, inf), default 1.0.
        mode: "ste" (hard forward, the smooth derivative as gradient), the only mode of this op;
            default "ste".
        name: optional name (a jax.named_scope).

    Returns:
        A tensor of x's dtype and the broadcast shape of x and the parameters.

    Source: Larq SteTern (which gives +-1 at abs(x) = threshold itself).
    """
    return _OP(x, {"threshold": threshold, "clip": clip}, mode, name)
