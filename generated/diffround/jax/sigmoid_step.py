# Generated from template templates/jax/op.py.jinja and spec derive/catalog.py:sigmoid_step.
# Do NOT modify by hand: edit the spec or the template, then run
#     python scripts/regenerate_ops.py
"""sigmoid_step: Logistic sigmoid step; overflow-free at any steepness."""

import jax
import jax.numpy as jnp

from . import _runtime


def _hard(x, steepness, center):
    y = jnp.where(jnp.greater_equal(-center + x, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype))
    return (y,), ()


def _value_x(x, steepness, center):
    _t0 = center - x
    y = jax.nn.sigmoid(-_t0 * steepness)
    return (y,), (_t0,)


def _gradient_x(x, steepness, center):
    _t0 = jnp.exp(-steepness * jnp.abs(center - x))
    y_D_x = jnp.where(jnp.equal(_t0, 0), jnp.asarray(0, x.dtype), steepness * (_t0 / ((_t0 + 1) * (_t0 + 1))))
    return (y_D_x,), ()


def _hessian_x(x, steepness, center):
    _t0 = center - x
    _t1 = steepness * jnp.abs(_t0)
    _t2 = jnp.exp(-_t1)
    y_D_x_D_x = _runtime.multiply_no_nan(
        (steepness * steepness),
        jnp.where(
            jnp.less(_t1, 1 / 2),
            _t2 * jnp.tanh((1 / 2) * _t1) / (_t2 * (_t2 + 2) + 1),
            _t2 * (1 - _t2) / (_t2 * (_t2 * (_t2 + 3) + 3) + 1),
        )
        * jnp.sign(_t0),
    )
    return (y_D_x_D_x,), ()


def _value_all(x, steepness, center):
    _t0 = center - x
    _t1 = -_t0
    y = jax.nn.sigmoid(_t1 * steepness)
    return (y,), (_t0, _t1)


def _gradient_all(x, steepness, center):
    _t0 = center - x
    _t1 = jnp.exp(-steepness * jnp.abs(_t0))
    _t2 = _t1 / ((_t1 + 1) * (_t1 + 1))
    y_D_x = jnp.where(jnp.equal(_t1, 0), jnp.asarray(0, x.dtype), steepness * _t2)
    y_D_steepness = jnp.where(jnp.equal(_t1, 0), jnp.asarray(0, x.dtype), (-_t0) * _t2)
    y_D_center = jnp.where(jnp.equal(_t1, 0), jnp.asarray(0, x.dtype), (-steepness) * _t2)
    return (y_D_x, y_D_steepness, y_D_center), ()


def _hessian_all(x, steepness, center):
    _t0 = steepness * steepness
    _t1 = center - x
    _t2 = -_t1
    _t3 = steepness * jnp.abs(_t1)
    _t4 = jnp.exp(-_t3)
    _t5 = -jnp.where(
        jnp.less(_t3, 1 / 2),
        _t4 * jnp.tanh((1 / 2) * _t3) / (_t4 * (_t4 + 2) + 1),
        _t4 * (1 - _t4) / (_t4 * (_t4 * (_t4 + 3) + 3) + 1),
    ) * jnp.sign(_t2)
    _t6 = _runtime.multiply_no_nan(_t0, _t5)
    _t7 = _t2 * steepness
    _t8 = _t7 * jnp.tanh((1 / 2) * _t7) - 1
    _t9 = _t4 / ((_t4 + 1) * (_t4 + 1))
    y_D_x_D_x = _t6
    y_D_x_D_steepness = jnp.where(jnp.equal(_t4, 0), jnp.asarray(0, x.dtype), (-_t8) * _t9)
    y_D_x_D_center = _runtime.multiply_no_nan(-_t0, _t5)
    y_D_steepness_D_steepness = _runtime.multiply_no_nan((_t2 * _t2), _t5)
    y_D_steepness_D_center = jnp.where(jnp.equal(_t4, 0), jnp.asarray(0, x.dtype), _t8 * _t9)
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
        "x": _runtime.Kernels(_value_x, _gradient_x, _hessian_x),
        "all": _runtime.Kernels(_value_all, _gradient_all, _hessian_all),
    },
)


def sigmoid_step(x, steepness=10.0, center=0.0, mode="soft", name=None):
    """Logistic sigmoid step; overflow-free at any steepness.

    Smooth forward: sigmoid(k*(-c + x))
    Hard function: step(-center + x)
        step(u): 1 where u >= 0, else 0.
      with k = steepness, c = center

    Args:
        x: float16, bfloat16, float32 or float64 jax.Array (float64 with jax_enable_x64).
        steepness: slope of the sigmoid at the centre; float or float tensor broadcasting with x
            (differentiable), in (0, inf), default 10.0.
        center: where the step is; float or float tensor broadcasting with x (differentiable), in
            (-inf, inf), default 0.0.
        mode: "soft" (smooth forward, exact derivative) or "ste" (hard forward, the smooth
            derivative as gradient); default "soft".
        name: optional name (a jax.named_scope).

    Returns:
        A tensor of x's dtype and the broadcast shape of x and the parameters.

    Source: seed 001 (e/(e+1) with e = exp(1000*(x - 0.5)), which overflows to NaN).
    """
    return _OP(x, {"steepness": steepness, "center": center}, mode, name)
