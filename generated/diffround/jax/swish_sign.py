# Generated from template templates/jax/op.py.jinja and spec derive/catalog.py:swish_sign.
# Do NOT modify by hand: edit the spec or the template, then run
#     python scripts/regenerate_ops.py
"""swish_sign: 2*sigmoid(beta*x)*(1 + beta*x*(1 - sigmoid(beta*x))) - 1: the swish sign."""

import jax
import jax.numpy as jnp

from . import _runtime


def _hard(x, beta):
    y = jnp.where(jnp.greater_equal(x, 0), jnp.asarray(1, x.dtype), jnp.asarray(-1, x.dtype))
    return (y,), ()


def _value_x(x, beta):
    _t0 = beta * x
    _t1 = beta * jnp.abs(x)
    _t2 = jnp.exp(-_t1)
    y = jnp.tanh((1 / 2) * _t0) + jnp.where(
        jnp.equal(_t2, 0), jnp.asarray(0, x.dtype), (2 * _t0) * (_t2 / ((_t2 + 1) * (_t2 + 1)))
    )
    return (y,), (_t1, _t2)


def _gradient_x(x, beta):
    _t0 = beta * jnp.abs(x)
    _t1 = jnp.exp(-_t0)
    y_D_x = beta * jnp.where(
        jnp.equal(_t1, 0),
        jnp.asarray(0, x.dtype),
        (_t1 * (_t0 + 2) + (2 - _t0)) * (2 * _t1 / (_t1 * (_t1 * (_t1 + 3) + 3) + 1)),
    )
    return (y_D_x,), ()


def _hessian_x(x, beta):
    _t0 = beta * jnp.abs(x)
    _t1 = -_t0
    _t2 = jnp.expm1(_t1)
    _t3 = jnp.exp(_t1)
    _t4 = 2 * _t3
    y_D_x_D_x = _runtime.multiply_no_nan(
        (beta * beta),
        jnp.where(
            jnp.equal(_t4, 0),
            jnp.asarray(0, x.dtype),
            (
                jnp.where(
                    jnp.less(_t0, 3 / 2),
                    _t0 * ((_t2 * _t2) - _t4) + 3 * _t2 * (_t3 + 1),
                    -4 * _t0 * _t3 + (_t0 + 3) * jnp.exp(-2 * _t0) + (_t0 - 3),
                )
                * jnp.sign(x)
            )
            * (_t4 / (_t3 * (_t3 * (_t3 * (_t3 + 4) + 6) + 4) + 1)),
        ),
    )
    return (y_D_x_D_x,), ()


def _gradient_all(x, beta):
    _t0 = beta * jnp.abs(x)
    _t1 = jnp.exp(-_t0)
    _t2 = jnp.where(
        jnp.equal(_t1, 0),
        jnp.asarray(0, x.dtype),
        (_t1 * (_t0 + 2) + (2 - _t0)) * (2 * _t1 / (_t1 * (_t1 * (_t1 + 3) + 3) + 1)),
    )
    y_D_x = _t2 * beta
    y_D_beta = _t2 * x
    return (y_D_x, y_D_beta), ()


def _hessian_all(x, beta):
    _t0 = beta * jnp.abs(x)
    _t1 = -_t0
    _t2 = jnp.expm1(_t1)
    _t3 = jnp.exp(_t1)
    _t4 = 2 * _t3
    _t5 = jnp.where(
        jnp.equal(_t4, 0),
        jnp.asarray(0, x.dtype),
        (
            jnp.where(
                jnp.less(_t0, 3 / 2),
                _t0 * ((_t2 * _t2) - _t4) + 3 * _t2 * (_t3 + 1),
                -4 * _t0 * _t3 + (_t0 + 3) * jnp.exp(-2 * _t0) + (_t0 - 3),
            )
            * jnp.sign(x)
        )
        * (_t4 / (_t3 * (_t3 * (_t3 * (_t3 + 4) + 6) + 4) + 1)),
    )
    y_D_x_D_x = _runtime.multiply_no_nan((beta * beta), _t5)
    y_D_x_D_beta = _runtime.multiply_no_nan(beta * x, _t5) + jnp.where(
        jnp.equal(_t4, 0),
        jnp.asarray(0, x.dtype),
        (_t3 * (_t0 + 2) + (2 - _t0)) * (_t4 / (_t3 * (_t3 * (_t3 + 3) + 3) + 1)),
    )
    y_D_beta_D_beta = _runtime.multiply_no_nan((x * x), _t5)
    return (y_D_x_D_x, y_D_x_D_beta, y_D_beta_D_beta), ()


_OP = _runtime.Op(
    name="swish_sign",
    params=[_runtime.FloatParam("beta", 5.0, 0.0, float("inf"), low_open=True, high_open=True)],
    modes=("soft", "ste"),
    hard=_hard,
    kernels={
        "x": _runtime.Kernels(_value_x, _gradient_x, _hessian_x),
        "all": _runtime.Kernels(_value_x, _gradient_all, _hessian_all),
    },
)


def swish_sign(x, beta=5.0, mode="ste", name=None):
    """2*sigmoid(beta*x)*(1 + beta*x*(1 - sigmoid(beta*x))) - 1: the swish sign.

    Smooth forward: swish_sign_curve(b*x)
    Hard function: sign(x)
        sign(u): +1 where u >= 0, else -1.
      with b = beta

    Args:
        x: float16, bfloat16, float32 or float64 jax.Array (float64 with jax_enable_x64).
        beta: sharpness; float or float tensor broadcasting with x (differentiable), in (0, inf),
            default 5.0.
        mode: "soft" (smooth forward, exact derivative) or "ste" (hard forward, the smooth
            derivative as gradient); default "ste".
        name: optional name (a jax.named_scope).

    Returns:
        A tensor of x's dtype and the broadcast shape of x and the parameters.

    Source: BNN+ (Darabi et al. 2018), Larq SwishSign.
    """
    return _OP(x, {"beta": beta}, mode, name)
