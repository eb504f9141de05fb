# Generated from template templates/jax/op.py.jinja and spec derive/catalog.py:pact_quant.
# Do NOT modify by hand: edit the spec or the template, then run
#     python scripts/regenerate_ops.py
"""pact_quant: clip(x, 0, alpha) rounded to 2**bits uniform levels: the PACT activation quantizer."""

import jax
import jax.numpy as jnp

from . import _runtime


def _hard(x, alpha, bits):
    _t0 = (2**bits) - 1
    y = jnp.where(
        jnp.less(x, 0),
        jnp.asarray(0, x.dtype),
        jnp.where(
            jnp.less_equal(alpha, x),
            alpha,
            jnp.maximum(
                0,
                jnp.minimum(
                    alpha,
                    jnp.divide(
                        *jax.lax.optimization_barrier(
                            jnp.broadcast_arrays(
                                jnp.asarray(
                                    alpha
                                    * jnp.round(
                                        jnp.divide(
                                            *jax.lax.optimization_barrier(
                                                jnp.broadcast_arrays(
                                                    jnp.asarray((_t0) * x, x.dtype), jnp.asarray(alpha, x.dtype)
                                                )
                                            )
                                        )
                                    ),
                                    x.dtype,
                                ),
                                jnp.asarray(_t0, x.dtype),
                            )
                        )
                    ),
                ),
            ),
        ),
    )
    return (y,), ()


def _gradient_x(x, alpha, bits):
    y_D_x = jnp.where(
        jnp.logical_or(jnp.less_equal(alpha, x), jnp.less(x, 0)),
        jnp.asarray(0, x.dtype),
        jnp.where(
            jnp.logical_and(jnp.greater_equal(alpha, x), jnp.greater_equal(x, 0)),
            jnp.asarray(1, x.dtype),
            jnp.asarray(0, x.dtype),
        ),
    )
    return (y_D_x,), ()


def _hessian_x(x, alpha, bits):
    y_D_x_D_x = jnp.full_like(x, 0)
    return (y_D_x_D_x,), ()


def _gradient_all(x, alpha, bits):
    _t0 = jnp.less_equal(alpha, x)
    _t1 = jnp.less(x, 0)
    y_D_x = jnp.where(
        jnp.logical_or(_t0, _t1),
        jnp.asarray(0, x.dtype),
        jnp.where(
            jnp.logical_and(jnp.greater_equal(alpha, x), jnp.greater_equal(x, 0)),
            jnp.asarray(1, x.dtype),
            jnp.asarray(0, x.dtype),
        ),
    )
    y_D_alpha = jnp.where(
        _t1,
        jnp.asarray(0, x.dtype),
        jnp.where(
            _t0,
            jnp.asarray(1, x.dtype),
            jnp.where(jnp.less(alpha, x), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype)),
        ),
    )
    return (y_D_x, y_D_alpha), ()


def _hessian_all(x, alpha, bits):
    y_D_x_D_x = jnp.full_like(x, 0)
    y_D_x_D_alpha = jnp.full_like(x, 0)
    y_D_alpha_D_alpha = jnp.full_like(x, 0)
    return (y_D_x_D_x, y_D_x_D_alpha, y_D_alpha_D_alpha), ()


_OP = _runtime.Op(
    name="pact_quant",
    params=[
        _runtime.FloatParam("alpha", 6.0, 0.0, float("inf"), low_open=True, high_open=True),
        _runtime.IntParam("bits", 4, 1, 16),
    ],
    modes=("ste",),
    hard=_hard,
    kernels={
        "x": _runtime.Kernels(None, _gradient_x, _hessian_x),
        "all": _runtime.Kernels(None, _gradient_all, _hessian_all),
    },
    clipped=True,
)


def pact_quant(x, alpha=6.0, bits=4, mode="ste", name=None):
    """clip(x, 0, alpha) rounded to 2**bits uniform levels: the PACT activation quantizer.

    Gradient from: Piecewise((0, x < 0), (A, A <= x), (clamp(x, 0, A), True))
    Hard function: Piecewise((0, x < 0), (alpha, alpha <= x), (clamp(alpha*round(x*(2**bits -
        1)/alpha)/(2**bits - 1), 0, alpha), True))
        round(u): round half to even (as tf.round, jnp.round and torch.round).
      with A = alpha, B = bits

    Args:
        x: float16, bfloat16, float32 or float64 jax.Array (float64 with jax_enable_x64).
        alpha: clipping level (learned in PACT); float or float tensor broadcasting with x
            (differentiable), in (0, inf), default 6.0.
        bits: bit width: 2**bits - 1 steps on [0, alpha]; a Python int in [1, 16], default 4.
        mode: "ste" (hard forward, the smooth derivative as gradient), the only mode of this op;
            default "ste".
        name: optional name (a jax.named_scope).

    Returns:
        A tensor of x's dtype and the broadcast shape of x and the parameters.

    Source: Choi et al. 2018, PACT: Parameterized Clipping Activation.
    """
    return _OP(x, {"alpha": alpha, "bits": bits}, mode, name)
