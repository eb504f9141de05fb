# Generated from template templates/jax/op.py.jinja and spec derive/catalog.py:fake_quant_minmax.
# Do NOT modify by hand: edit the spec or the template, then run
#     python scripts/regenerate_ops.py
"""fake_quant_minmax: TensorFlow's fake_quant_with_min_max_vars, bit for bit: [min, max] nudged so that 0 is a level, then clamp and round to 2**bits (or 2**bits - 1) levels."""

import jax
import jax.numpy as jnp

from . import _runtime


def _hard(x, min, max, bits, narrow_range):
    _t0 = max - min
    _t1 = 2**bits
    _t2 = 1 - _t1
    _t3 = -_t2 - narrow_range
    _t4 = jnp.divide(
        *jax.lax.optimization_barrier(jnp.broadcast_arrays(jnp.asarray(_t0, x.dtype), jnp.asarray(_t3, x.dtype)))
    )
    _t5 = jnp.maximum(
        narrow_range,
        jnp.minimum(
            _t1 - 1,
            (
                narrow_range
                - jnp.divide(
                    *jax.lax.optimization_barrier(
                        jnp.broadcast_arrays(jnp.asarray(min, x.dtype), jnp.asarray(_t4, x.dtype))
                    )
                )
            ),
        ),
    )
    _t6 = jnp.round(_t5)
    _t7 = _t6 + (_t5 - _t6 + (1 / 2) * jnp.sign(_t5)) * jnp.where(
        jnp.greater_equal(jnp.abs(_t5 - _t6) - 1 / 2, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype)
    )
    _t8 = _t4 * (-_t7 + narrow_range)
    _t9 = _t4 * (-_t2 - _t7)
    y = jnp.where(
        jnp.logical_and(jnp.equal(max, 0), jnp.equal(min, 0)),
        jnp.asarray(0, x.dtype),
        _t4
        * jnp.floor(
            (
                (
                    jnp.divide(
                        *jax.lax.optimization_barrier(
                            jnp.broadcast_arrays(
                                jnp.asarray(
                                    (-_t8 + jnp.where(jnp.greater(_t8, x), _t8, jnp.where(jnp.less(_t9, x), _t9, x))),
                                    x.dtype,
                                ),
                                jnp.asarray(_t4, x.dtype),
                            )
                        )
                    )
                    - jnp.floor(
                        (
                            (
                                -_t8
                                * jnp.divide(
                                    *jax.lax.optimization_barrier(
                                        jnp.broadcast_arrays(jnp.asarray(_t3, x.dtype), jnp.asarray(_t0, x.dtype))
                                    )
                                )
                            )
                            + 1 / 2
                        )
                    )
                )
                + 1 / 2
            )
        ),
    )
    return (y,), ()


def _gradient_x(x, min, max, bits, narrow_range):
    _t0 = 2**bits
    _t1 = 1 - _t0
    _t2 = jnp.divide(
        *jax.lax.optimization_barrier(
            jnp.broadcast_arrays(jnp.asarray((max - min), x.dtype), jnp.asarray(-_t1 - narrow_range, x.dtype))
        )
    )
    _t3 = jnp.maximum(
        narrow_range,
        jnp.minimum(
            _t0 - 1,
            (
                narrow_range
                - jnp.divide(
                    *jax.lax.optimization_barrier(
                        jnp.broadcast_arrays(jnp.asarray(min, x.dtype), jnp.asarray(_t2, x.dtype))
                    )
                )
            ),
        ),
    )
    _t4 = jnp.round(_t3)
    _t5 = _t4 + (_t3 - _t4 + (1 / 2) * jnp.sign(_t3)) * jnp.where(
        jnp.greater_equal(jnp.abs(_t3 - _t4) - 1 / 2, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype)
    )
    y_D_x = jnp.where(
        jnp.logical_and(jnp.equal(max, 0), jnp.equal(min, 0)),
        jnp.asarray(1, x.dtype),
        jnp.where(
            jnp.logical_or(jnp.less(x, (_t2 * (-_t5 + narrow_range))), jnp.greater(x, (_t2 * (-_t1 - _t5)))),
            jnp.asarray(0, x.dtype),
            jnp.asarray(1, x.dtype),
        ),
    )
    return (y_D_x,), ()


def _hessian_x(x, min, max, bits, narrow_range):
    y_D_x_D_x = jnp.full_like(x, 0)
    return (y_D_x_D_x,), ()


def _gradient_all(x, min, max, bits, narrow_range):
    _t0 = jnp.equal(max, 0)
    _t1 = jnp.equal(min, 0)
    _t2 = jnp.logical_and(_t0, _t1)
    _t3 = 2**bits
    _t4 = 1 - _t3
    _t5 = jnp.divide(
        *jax.lax.optimization_barrier(
            jnp.broadcast_arrays(jnp.asarray((max - min), x.dtype), jnp.asarray(-_t4 - narrow_range, x.dtype))
        )
    )
    _t6 = jnp.maximum(
        narrow_range,
        jnp.minimum(
            _t3 - 1,
            (
                narrow_range
                - jnp.divide(
                    *jax.lax.optimization_barrier(
                        jnp.broadcast_arrays(jnp.asarray(min, x.dtype), jnp.asarray(_t5, x.dtype))
                    )
                )
            ),
        ),
    )
    _t7 = jnp.round(_t6)
    _t8 = _t7 + (_t6 - _t7 + (1 / 2) * jnp.sign(_t6)) * jnp.where(
        jnp.greater_equal(jnp.abs(_t6 - _t7) - 1 / 2, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype)
    )
    _t9 = jnp.less(x, (_t5 * (-_t8 + narrow_range)))
    _t10 = jnp.greater(x, (_t5 * (-_t4 - _t8)))
    y_D_x = jnp.where(
        _t2,
        jnp.asarray(1, x.dtype),
        jnp.where(jnp.logical_or(_t10, _t9), jnp.asarray(0, x.dtype), jnp.asarray(1, x.dtype)),
    )
    y_D_min = jnp.where(_t2, jnp.asarray(0, x.dtype), jnp.where(_t9, jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype)))
    y_D_max = jnp.where(
        jnp.logical_and(jnp.logical_or(_t0, _t9), jnp.logical_or(_t1, _t9)),
        jnp.asarray(0, x.dtype),
        jnp.where(_t10, jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype)),
    )
    return (y_D_x, y_D_min, y_D_max), ()


def _hessian_all(x, min, max, bits, narrow_range):
    y_D_x_D_x = jnp.full_like(x, 0)
    y_D_x_D_min = jnp.full_like(x, 0)
    y_D_x_D_max = jnp.full_like(x, 0)
    y_D_min_D_min = jnp.full_like(x, 0)
    y_D_min_D_max = jnp.full_like(x, 0)
    y_D_max_D_max = jnp.full_like(x, 0)
    return (y_D_x_D_x, y_D_x_D_min, y_D_x_D_max, y_D_min_D_min, y_D_min_D_max, y_D_max_D_max), ()


_OP = _runtime.Op(
    name="fake_quant_minmax",
    params=[
        _runtime.FloatParam("min", -6.0, -float("inf"), float("inf"), low_open=True, high_open=True),
        _runtime.FloatParam("max", 6.0, -float("inf"), float("inf"), low_open=True, high_open=True),
        _runtime.IntParam("bits", 8, 2, 16),
        _runtime.BoolParam("narrow_range", False),
    ],
    modes=("ste",),
    hard=_hard,
    kernels={
        "x": _runtime.Kernels(None, _gradient_x, _hessian_x),
        "all": _runtime.Kernels(None, _gradient_all, _hessian_all),
    },
    clipped=True,
)


def fake_quant_minmax(x, min=-6.0, max=6.0, bits=8, narrow_range=False, mode="ste", name=None):
    """TensorFlow's fake_quant_with_min_max_vars, bit for bit: [min, max] nudged so that 0 is a level,
        then clamp and round to 2**bits (or 2**bits - 1) levels.

    Gradient from: Piecewise((x, Eq(M, 0) & Eq(m, 0)), (m, x < (M - m)*(R - round_half_away(clamp(R
        - m*(2**B - R - 1)/(M - m), R, 2**B - 1)))/(2**B - R - 1)), (M, x > (M - m)*(2**B -
        round_half_away(clamp(R - m*(2**B - R - 1)/(M - m), R, 2**B - 1)) - 1)/(2**B - R - 1)),
        (x, True))
    Hard function: Piecewise((0, Eq(max, 0) & Eq(min, 0)), ((max - min)*floor(-floor(-narrow_range +
        round_half_away(clamp(-min*(2**bits - narrow_range - 1)/(max - min) + narrow_range,
        narrow_range, 2**bits - 1)) + 1/2) + 1/2 + (-(max - min)*(narrow_range -
        round_half_away(clamp(-min*(2**bits - narrow_range - 1)/(max - min) + narrow_range,
        narrow_range, 2**bits - 1)))/(2**bits - narrow_range - 1) + Piecewise(((max -
        min)*(narrow_range - round_half_away(clamp(-min*(2**bits - narrow_range - 1)/(max - min) +
        narrow_range, narrow_range, 2**bits - 1)))/(2**bits - narrow_range - 1), x < (max -
        min)*(narrow_range - round_half_away(clamp(-min*(2**bits - narrow_range - 1)/(max - min) +
        narrow_range, narrow_range, 2**bits - 1)))/(2**bits - narrow_range - 1)), ((max -
        min)*(2**bits - round_half_away(clamp(-min*(2**bits - narrow_range - 1)/(max - min) +
        narrow_range, narrow_range, 2**bits - 1)) - 1)/(2**bits - narrow_range - 1), x > (max -
        min)*(2**bits - round_half_away(clamp(-min*(2**bits - narrow_range - 1)/(max - min) +
        narrow_range, narrow_range, 2**bits - 1)) - 1)/(2**bits - narrow_range - 1)),
        (x, True)))*(2**bits - narrow_range - 1)/(max - min))/(2**bits - narrow_range - 1), True))
        round_half_away(u): round half away from zero (C's round, which TensorFlow's fake quant uses
            for its zero point).
      with m = min, M = max, B = bits, R = narrow_range

    Args:
        x: float16, bfloat16, float32 or float64 jax.Array (float64 with jax_enable_x64).
        min: lower end of the range (below max); float or float tensor broadcasting with x
            (differentiable), in (-inf, inf), default -6.0.
        max: upper end of the range (above min); float or float tensor broadcasting with x
            (differentiable), in (-inf, inf), default 6.0.
        bits: bit width; a Python int in [2, 16], default 8.
        narrow_range: levels 1..2**bits-1 if True, 0..2**bits-1 if False; a Python bool (True or
            False), default False.
        mode: "ste" (hard forward, the smooth derivative as gradient), the only mode of this op;
            default "ste".
        name: optional name (a jax.named_scope).

    Returns:
        A tensor of x's dtype and the broadcast shape of x and the parameters.

    Source: tf.quantization.fake_quant_with_min_max_vars,
        keras.quantizers.fake_quant_with_min_max_vars.
    """
    return _OP(x, {"min": min, "max": max, "bits": bits, "narrow_range": narrow_range}, mode, name)
