# Generated from template templates/jax/op.py.jinja and spec derive/catalog.py:approx_sign.
# Do NOT modify by hand: edit the spec or the template, then run
#     python scripts/regenerate_ops.py
"""approx_sign: Piecewise quadratic sign: -1, 2x + x**2, 2x - x**2, 1 on x < -1, [-1, 0), [0, 1), x >= 1."""

import jax
import jax.numpy as jnp

from . import _runtime


def _hard(x):
    y = jnp.where(jnp.greater_equal(x, 0), jnp.asarray(1, x.dtype), jnp.asarray(-1, x.dtype))
    return (y,), ()


def _value_x(x):
    _t0 = jnp.less(x, -1)
    _t1 = 2 * x
    _t2 = x * x
    _t3 = jnp.less(x, 0)
    _t4 = jnp.less(x, 1)
    y = jnp.where(
        _t0, jnp.asarray(-1, x.dtype), jnp.where(_t3, _t1 + _t2, jnp.where(_t4, _t1 - _t2, jnp.asarray(1, x.dtype)))
    )
    return (y,), (_t0, _t1, _t3, _t4)


def _gradient_x(x):
    _t0 = 2 * x
    y_D_x = jnp.where(
        jnp.less(x, -1),
        jnp.asarray(0, x.dtype),
        jnp.where(jnp.less(x, 0), _t0 + 2, jnp.where(jnp.less(x, 1), 2 - _t0, jnp.asarray(0, x.dtype))),
    )
    return (y_D_x,), ()


def _hessian_x(x):
    y_D_x_D_x = jnp.where(
        jnp.less(x, -1),
        jnp.asarray(0, x.dtype),
        jnp.where(
            jnp.less(x, 0),
            jnp.asarray(2, x.dtype),
            jnp.where(jnp.less(x, 1), jnp.asarray(-2, x.dtype), jnp.asarray(0, x.dtype)),
        ),
    )
    return (y_D_x_D_x,), ()


_OP = _runtime.Op(
    name="approx_sign",
    params=[],
    modes=("soft", "ste"),
    hard=_hard,
    kernels={"x": _runtime.Kernels(_value_x, _gradient_x, _hessian_x)},
)


def approx_sign(x, mode="ste", name=None):
    """Piecewise quadratic sign: -1, 2x + x**2, 2x - x**2, 1 on x < -1, [-1, 0), [0, 1), x >= 1.

    Smooth forward: Piecewise((-1, x < -1), (x**2 + 2*x, x < 0), (-x**2 + 2*x, x < 1), (1, True))
    Hard function: sign(x)
        sign(u): +1 where u >= 0, else -1.

    Args:
        x: float16, bfloat16, float32 or float64 jax.Array (float64 with jax_enable_x64).
        mode: "soft" (smooth forward, exact derivative) or "ste" (hard forward, the smooth
            derivative as gradient); default "ste".
        name: optional name (a jax.named_scope).

    Returns:
        A tensor of x's dtype and the broadcast shape of x and the parameters.

    Source: Bi-Real Net (Liu et al. 2018), Larq ApproxSign.
    """
    return _OP(x, {}, mode, name)
