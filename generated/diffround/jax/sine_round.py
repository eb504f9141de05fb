# Generated from template templates/jax/op.py.jinja and spec derive/catalog.py:sine_round.
# Do NOT modify by hand: edit the spec or the template, then run
#     python scripts/regenerate_ops.py
"""sine_round: floor(x) plus a half-sine ramp of the given width around each half-integer, flat elsewhere."""

import jax
import jax.numpy as jnp

from . import _runtime
from ._xla_forms import sin_cos_turns


def _hard(x, width):
    y = jnp.round(x)
    return (y,), ()


def _value_x(x, width):
    _n = jnp.round(x)
    _r = -_n + x
    _t0 = jnp.round(_r)
    _t1 = _r - _t0
    _t2 = jnp.greater_equal(_t1, 1 / 2)
    _t3 = jnp.where(_t2, jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype))
    _t4 = -_r + _t0
    _t5 = _t3 + _t4
    _t6 = -jnp.sign(_t5)
    _t7 = jnp.abs(_t4 + 1)
    _t8 = 2 * _t7
    _t9 = jnp.where(jnp.greater_equal(2 - _t8, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype)) * jnp.where(
        jnp.greater_equal(_t8 - 1 / 2, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype)
    )
    _t10 = _t9 * (width + 2 * (_t7 - 1 / 2))
    _t11 = width - 1
    _t12 = (1 - _t9) * (_t11 + _t8)
    _t13 = jnp.abs(_t1)
    _t14 = 2 * _t13
    _t15 = jnp.where(jnp.greater_equal(2 - _t14, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype)) * jnp.where(
        jnp.greater_equal(_t14 - 1 / 2, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype)
    )
    _t16 = _t15 * (width + 2 * (_t13 - 1 / 2))
    _t17 = (1 - _t15) * (_t11 + _t14)
    _t18 = jnp.where(_t2, jnp.less_equal(_t10 + _t12, 0), jnp.less_equal(_t16 + _t17, 0))
    _t19 = jnp.abs(_t5)
    _t20 = _t19 - 1 / 2
    _t21 = 2 * _t19
    _t22 = jnp.where(jnp.greater_equal(2 - _t21, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype)) * jnp.where(
        jnp.greater_equal(_t21 - 1 / 2, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype)
    )
    _t23 = 3.1415926535897932 / width
    _t24 = (1 / 4) * _t23 * (_t22 * (width + 2 * (_t20)) + (1 - _t22) * (_t11 + _t21))
    _t25 = sin_cos_turns(
        (1 / 8)
        * (
            (2 * _t19 + (width - 1))
            * (
                -jnp.where(jnp.greater_equal(2 - _t21, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype))
                * jnp.where(jnp.greater_equal(_t21 - 1 / 2, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype))
                + 1
            )
            + (width + 2 * (_t19 - 1 / 2))
            * jnp.where(jnp.greater_equal(2 - _t21, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype))
            * jnp.where(jnp.greater_equal(_t21 - 1 / 2, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype))
        )
        / width
    )[0]
    _t26 = jnp.where(_t2, jnp.greater_equal(width, 2 * _t10 + 2 * _t12), jnp.greater_equal(width, 2 * _t16 + 2 * _t17))
    _t27 = -_t20 * _t23
    y = (
        _n
        + _t0
        + _t3
        + _t6
        * jnp.where(
            _t18,
            jnp.asarray(0, x.dtype),
            jnp.where(_t26, (_t25 * _t25), 1 / 2 - 1 / 2 * sin_cos_turns(-1 / 2 * (_t19 - 1 / 2) / width)[0]),
        )
    )
    return (y,), (_t5, _t6, _t18, _t23, _t24, _t25, _t26, _t27)


def _gradient_x(x, width):
    _n = jnp.round(x)
    _r = -_n + x
    _t0 = jnp.round(_r)
    _t1 = _r - _t0
    _t2 = jnp.greater_equal(_t1, 1 / 2)
    _t3 = -_r + _t0
    _t4 = _t3 + jnp.where(_t2, jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype))
    _t5 = jnp.abs(_t3 + 1)
    _t6 = 2 * _t5
    _t7 = jnp.where(jnp.greater_equal(2 - _t6, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype)) * jnp.where(
        jnp.greater_equal(_t6 - 1 / 2, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype)
    )
    _t8 = _t7 * (width + 2 * (_t5 - 1 / 2))
    _t9 = width - 1
    _t10 = (1 - _t7) * (_t6 + _t9)
    _t11 = jnp.abs(_t1)
    _t12 = 2 * _t11
    _t13 = jnp.where(jnp.greater_equal(2 - _t12, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype)) * jnp.where(
        jnp.greater_equal(_t12 - 1 / 2, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype)
    )
    _t14 = _t13 * (width + 2 * (_t11 - 1 / 2))
    _t15 = (1 - _t13) * (_t12 + _t9)
    _t16 = jnp.abs(_t4)
    _t17 = _t16 - 1 / 2
    _t18 = 2 * _t16
    _t19 = jnp.where(jnp.greater_equal(2 - _t18, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype)) * jnp.where(
        jnp.greater_equal(_t18 - 1 / 2, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype)
    )
    _t20 = 3.1415926535897932 / width
    _t21 = (1 / 4) * _t20 * (_t19 * (width + 2 * (_t17)) + (1 - _t19) * (_t18 + _t9))
    _t22 = _t20 * jnp.sign(_t4)
    y_D_x = -jnp.where(
        jnp.where(_t2, jnp.less_equal(_t10 + _t8, 0), jnp.less_equal(_t14 + _t15, 0)),
        jnp.asarray(0, x.dtype),
        jnp.where(
            jnp.where(_t2, jnp.greater_equal(width, 2 * _t10 + 2 * _t8), jnp.greater_equal(width, 2 * _t14 + 2 * _t15)),
            -_t22
            * sin_cos_turns(
                (1 / 8)
                * (
                    (2 * _t16 + (width - 1))
                    * (
                        -jnp.where(jnp.greater_equal(2 - _t18, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype))
                        * jnp.where(
                            jnp.greater_equal(_t18 - 1 / 2, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype)
                        )
                        + 1
                    )
                    + (width + 2 * (_t16 - 1 / 2))
                    * jnp.where(jnp.greater_equal(2 - _t18, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype))
                    * jnp.where(jnp.greater_equal(_t18 - 1 / 2, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype))
                )
                / width
            )[0]
            * sin_cos_turns(
                (1 / 8)
                * (
                    (2 * _t16 + (width - 1))
                    * (
                        -jnp.where(jnp.greater_equal(2 - _t18, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype))
                        * jnp.where(
                            jnp.greater_equal(_t18 - 1 / 2, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype)
                        )
                        + 1
                    )
                    + (width + 2 * (_t16 - 1 / 2))
                    * jnp.where(jnp.greater_equal(2 - _t18, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype))
                    * jnp.where(jnp.greater_equal(_t18 - 1 / 2, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype))
                )
                / width
            )[1],
            -1 / 2 * _t22 * sin_cos_turns((1 / 2) * (_t16 - 1 / 2) / width)[1],
        ),
    ) * jnp.sign(_t4)
    return (y_D_x,), ()


def _hessian_x(x, width):
    _n = jnp.round(x)
    _r = -_n + x
    _t0 = jnp.round(_r)
    _t1 = _r - _t0
    _t2 = jnp.greater_equal(_t1, 1 / 2)
    _t3 = -_r + _t0
    _t4 = _t3 + jnp.where(_t2, jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype))
    _t5 = jnp.abs(_t3 + 1)
    _t6 = 2 * _t5
    _t7 = jnp.where(jnp.greater_equal(2 - _t6, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype)) * jnp.where(
        jnp.greater_equal(_t6 - 1 / 2, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype)
    )
    _t8 = _t7 * (width + 2 * (_t5 - 1 / 2))
    _t9 = width - 1
    _t10 = (1 - _t7) * (_t6 + _t9)
    _t11 = jnp.abs(_t1)
    _t12 = 2 * _t11
    _t13 = jnp.where(jnp.greater_equal(2 - _t12, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype)) * jnp.where(
        jnp.greater_equal(_t12 - 1 / 2, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype)
    )
    _t14 = _t13 * (width + 2 * (_t11 - 1 / 2))
    _t15 = (1 - _t13) * (_t12 + _t9)
    _t16 = jnp.abs(_t4)
    _t17 = _t16 - 1 / 2
    _t18 = 2 * _t16
    _t19 = jnp.where(jnp.greater_equal(2 - _t18, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype)) * jnp.where(
        jnp.greater_equal(_t18 - 1 / 2, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype)
    )
    _t20 = 3.1415926535897932 / width
    _t21 = (1 / 4) * _t20 * (_t19 * (width + 2 * (_t17)) + (1 - _t19) * (_t18 + _t9))
    _t22 = 9.869604401089358
    _t23 = 1 / (width * width)
    _t24 = jnp.sign(_t4) * jnp.sign(_t4)
    _t25 = (1 / 2) * _t22 * _t23 * _t24
    y_D_x_D_x = -jnp.where(
        jnp.where(_t2, jnp.less_equal(_t10 + _t8, 0), jnp.less_equal(_t14 + _t15, 0)),
        jnp.asarray(0, x.dtype),
        jnp.where(
            jnp.where(_t2, jnp.greater_equal(width, 2 * _t10 + 2 * _t8), jnp.greater_equal(width, 2 * _t14 + 2 * _t15)),
            (1 / 2)
            * _t22
            * _t23
            * _t24
            * (
                sin_cos_turns(
                    (1 / 8)
                    * (
                        (2 * _t16 + (width - 1))
                        * (
                            -jnp.where(jnp.greater_equal(2 - _t18, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype))
                            * jnp.where(
                                jnp.greater_equal(_t18 - 1 / 2, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype)
                            )
                            + 1
                        )
                        + (width + 2 * (_t16 - 1 / 2))
                        * jnp.where(jnp.greater_equal(2 - _t18, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype))
                        * jnp.where(
                            jnp.greater_equal(_t18 - 1 / 2, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype)
                        )
                    )
                    / width
                )[1]
                * sin_cos_turns(
                    (1 / 8)
                    * (
                        (2 * _t16 + (width - 1))
                        * (
                            -jnp.where(jnp.greater_equal(2 - _t18, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype))
                            * jnp.where(
                                jnp.greater_equal(_t18 - 1 / 2, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype)
                            )
                            + 1
                        )
                        + (width + 2 * (_t16 - 1 / 2))
                        * jnp.where(jnp.greater_equal(2 - _t18, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype))
                        * jnp.where(
                            jnp.greater_equal(_t18 - 1 / 2, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype)
                        )
                    )
                    / width
                )[1]
            )
            - _t25
            * (
                sin_cos_turns(
                    (1 / 8)
                    * (
                        (2 * _t16 + (width - 1))
                        * (
                            -jnp.where(jnp.greater_equal(2 - _t18, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype))
                            * jnp.where(
                                jnp.greater_equal(_t18 - 1 / 2, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype)
                            )
                            + 1
                        )
                        + (width + 2 * (_t16 - 1 / 2))
                        * jnp.where(jnp.greater_equal(2 - _t18, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype))
                        * jnp.where(
                            jnp.greater_equal(_t18 - 1 / 2, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype)
                        )
                    )
                    / width
                )[0]
                * sin_cos_turns(
                    (1 / 8)
                    * (
                        (2 * _t16 + (width - 1))
                        * (
                            -jnp.where(jnp.greater_equal(2 - _t18, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype))
                            * jnp.where(
                                jnp.greater_equal(_t18 - 1 / 2, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype)
                            )
                            + 1
                        )
                        + (width + 2 * (_t16 - 1 / 2))
                        * jnp.where(jnp.greater_equal(2 - _t18, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype))
                        * jnp.where(
                            jnp.greater_equal(_t18 - 1 / 2, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype)
                        )
                    )
                    / width
                )[0]
            ),
            -_t25 * sin_cos_turns((1 / 2) * (_t16 - 1 / 2) / width)[0],
        ),
    ) * jnp.sign(_t4)
    return (y_D_x_D_x,), ()


def _value_all(x, width):
    _n = jnp.round(x)
    _r = -_n + x
    _t0 = jnp.round(_r)
    _t1 = _r - _t0
    _t2 = jnp.greater_equal(_t1, 1 / 2)
    _t3 = jnp.where(_t2, jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype))
    _t4 = -_r + _t0
    _t5 = _t3 + _t4
    _t6 = -jnp.sign(_t5)
    _t7 = jnp.abs(_t4 + 1)
    _t8 = 2 * _t7
    _t9 = jnp.where(jnp.greater_equal(2 - _t8, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype)) * jnp.where(
        jnp.greater_equal(_t8 - 1 / 2, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype)
    )
    _t10 = _t9 * (width + 2 * (_t7 - 1 / 2))
    _t11 = width - 1
    _t12 = (1 - _t9) * (_t11 + _t8)
    _t13 = jnp.abs(_t1)
    _t14 = 2 * _t13
    _t15 = jnp.where(jnp.greater_equal(2 - _t14, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype)) * jnp.where(
        jnp.greater_equal(_t14 - 1 / 2, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype)
    )
    _t16 = _t15 * (width + 2 * (_t13 - 1 / 2))
    _t17 = (1 - _t15) * (_t11 + _t14)
    _t18 = jnp.where(_t2, jnp.less_equal(_t10 + _t12, 0), jnp.less_equal(_t16 + _t17, 0))
    _t19 = jnp.abs(_t5)
    _t20 = _t19 - 1 / 2
    _t21 = 2 * _t19
    _t22 = jnp.where(jnp.greater_equal(2 - _t21, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype)) * jnp.where(
        jnp.greater_equal(_t21 - 1 / 2, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype)
    )
    _t23 = _t22 * (width + 2 * (_t20)) + (1 - _t22) * (_t11 + _t21)
    _t24 = 3.1415926535897932 / width
    _t25 = (1 / 4) * _t24
    _t26 = _t23 * _t25
    _t27 = sin_cos_turns(
        (1 / 8)
        * (
            (2 * _t19 + (width - 1))
            * (
                -jnp.where(jnp.greater_equal(2 - _t21, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype))
                * jnp.where(jnp.greater_equal(_t21 - 1 / 2, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype))
                + 1
            )
            + (width + 2 * (_t19 - 1 / 2))
            * jnp.where(jnp.greater_equal(2 - _t21, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype))
            * jnp.where(jnp.greater_equal(_t21 - 1 / 2, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype))
        )
        / width
    )[0]
    _t28 = jnp.where(_t2, jnp.greater_equal(width, 2 * _t10 + 2 * _t12), jnp.greater_equal(width, 2 * _t16 + 2 * _t17))
    _t29 = -_t20
    _t30 = _t24 * _t29
    y = (
        _n
        + _t0
        + _t3
        + _t6
        * jnp.where(
            _t18,
            jnp.asarray(0, x.dtype),
            jnp.where(_t28, (_t27 * _t27), 1 / 2 - 1 / 2 * sin_cos_turns(-1 / 2 * _t20 / width)[0]),
        )
    )
    return (y,), ()


def _gradient_all(x, width):
    _n = jnp.round(x)
    _r = -_n + x
    _t0 = jnp.round(_r)
    _t1 = _r - _t0
    _t2 = jnp.greater_equal(_t1, 1 / 2)
    _t3 = -_r + _t0
    _t4 = _t3 + jnp.where(_t2, jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype))
    _t5 = -jnp.sign(_t4)
    _t6 = jnp.abs(_t3 + 1)
    _t7 = 2 * _t6
    _t8 = jnp.where(jnp.greater_equal(2 - _t7, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype)) * jnp.where(
        jnp.greater_equal(_t7 - 1 / 2, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype)
    )
    _t9 = _t8 * (width + 2 * (_t6 - 1 / 2))
    _t10 = width - 1
    _t11 = (1 - _t8) * (_t10 + _t7)
    _t12 = jnp.abs(_t1)
    _t13 = 2 * _t12
    _t14 = jnp.where(jnp.greater_equal(2 - _t13, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype)) * jnp.where(
        jnp.greater_equal(_t13 - 1 / 2, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype)
    )
    _t15 = _t14 * (width + 2 * (_t12 - 1 / 2))
    _t16 = (1 - _t14) * (_t10 + _t13)
    _t17 = jnp.where(_t2, jnp.less_equal(_t11 + _t9, 0), jnp.less_equal(_t15 + _t16, 0))
    _t18 = jnp.abs(_t4)
    _t19 = _t18 - 1 / 2
    _t20 = 2 * _t18
    _t21 = jnp.where(jnp.greater_equal(2 - _t20, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype)) * jnp.where(
        jnp.greater_equal(_t20 - 1 / 2, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype)
    )
    _t22 = _t21 * (width + 2 * (_t19)) + (1 - _t21) * (_t10 + _t20)
    _t23 = 3.1415926535897932 / width
    _t24 = (1 / 4) * _t23
    _t25 = _t22 * _t24
    _t26 = (
        sin_cos_turns(
            (1 / 8)
            * (
                (2 * _t18 + (width - 1))
                * (
                    -jnp.where(jnp.greater_equal(2 - _t20, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype))
                    * jnp.where(jnp.greater_equal(_t20 - 1 / 2, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype))
                    + 1
                )
                + (width + 2 * (_t18 - 1 / 2))
                * jnp.where(jnp.greater_equal(2 - _t20, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype))
                * jnp.where(jnp.greater_equal(_t20 - 1 / 2, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype))
            )
            / width
        )[0]
        * sin_cos_turns(
            (1 / 8)
            * (
                (2 * _t18 + (width - 1))
                * (
                    -jnp.where(jnp.greater_equal(2 - _t20, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype))
                    * jnp.where(jnp.greater_equal(_t20 - 1 / 2, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype))
                    + 1
                )
                + (width + 2 * (_t18 - 1 / 2))
                * jnp.where(jnp.greater_equal(2 - _t20, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype))
                * jnp.where(jnp.greater_equal(_t20 - 1 / 2, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype))
            )
            / width
        )[1]
    )
    _t27 = _t23 * jnp.sign(_t4)
    _t28 = jnp.where(_t2, jnp.greater_equal(width, 2 * _t11 + 2 * _t9), jnp.greater_equal(width, 2 * _t15 + 2 * _t16))
    _t29 = -_t19
    _t30 = (1 / 2) * sin_cos_turns(-1 / 2 * _t19 / width)[1]
    _t31 = 3.1415926535897932 / (width * width)
    y_D_x = _t5 * jnp.where(_t17, jnp.asarray(0, x.dtype), jnp.where(_t28, -_t26 * _t27, -_t27 * _t30))
    y_D_width = _t5 * jnp.where(
        _t17, jnp.asarray(0, x.dtype), jnp.where(_t28, 2 * _t26 * (-1 / 4 * _t22 * _t31 + _t24), _t29 * _t30 * _t31)
    )
    return (y_D_x, y_D_width), ()


def _hessian_all(x, width):
    _n = jnp.round(x)
    _r = -_n + x
    _t0 = jnp.round(_r)
    _t1 = _r - _t0
    _t2 = jnp.greater_equal(_t1, 1 / 2)
    _t3 = -_r + _t0
    _t4 = _t3 + jnp.where(_t2, jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype))
    _t5 = -jnp.sign(_t4)
    _t6 = jnp.abs(_t3 + 1)
    _t7 = 2 * _t6
    _t8 = jnp.where(jnp.greater_equal(2 - _t7, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype)) * jnp.where(
        jnp.greater_equal(_t7 - 1 / 2, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype)
    )
    _t9 = _t8 * (width + 2 * (_t6 - 1 / 2))
    _t10 = width - 1
    _t11 = (1 - _t8) * (_t10 + _t7)
    _t12 = jnp.abs(_t1)
    _t13 = 2 * _t12
    _t14 = jnp.where(jnp.greater_equal(2 - _t13, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype)) * jnp.where(
        jnp.greater_equal(_t13 - 1 / 2, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype)
    )
    _t15 = _t14 * (width + 2 * (_t12 - 1 / 2))
    _t16 = (1 - _t14) * (_t10 + _t13)
    _t17 = jnp.where(_t2, jnp.less_equal(_t11 + _t9, 0), jnp.less_equal(_t15 + _t16, 0))
    _t18 = jnp.abs(_t4)
    _t19 = _t18 - 1 / 2
    _t20 = 2 * _t18
    _t21 = jnp.where(jnp.greater_equal(2 - _t20, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype)) * jnp.where(
        jnp.greater_equal(_t20 - 1 / 2, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype)
    )
    _t22 = _t21 * (width + 2 * (_t19)) + (1 - _t21) * (_t10 + _t20)
    _t23 = 3.1415926535897932 / width
    _t24 = (1 / 4) * _t23
    _t25 = _t22 * _t24
    _t26 = sin_cos_turns(
        (1 / 8)
        * (
            (2 * _t18 + (width - 1))
            * (
                -jnp.where(jnp.greater_equal(2 - _t20, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype))
                * jnp.where(jnp.greater_equal(_t20 - 1 / 2, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype))
                + 1
            )
            + (width + 2 * (_t18 - 1 / 2))
            * jnp.where(jnp.greater_equal(2 - _t20, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype))
            * jnp.where(jnp.greater_equal(_t20 - 1 / 2, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype))
        )
        / width
    )[0]
    _t27 = _t26 * _t26
    _t28 = 1 / (width * width)
    _t29 = jnp.sign(_t4)
    _t30 = _t29 * _t29
    _t31 = 9.869604401089358
    _t32 = (1 / 2) * _t31
    _t33 = _t28 * _t30 * _t32
    _t34 = sin_cos_turns(
        (1 / 8)
        * (
            (2 * _t18 + (width - 1))
            * (
                -jnp.where(jnp.greater_equal(2 - _t20, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype))
                * jnp.where(jnp.greater_equal(_t20 - 1 / 2, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype))
                + 1
            )
            + (width + 2 * (_t18 - 1 / 2))
            * jnp.where(jnp.greater_equal(2 - _t20, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype))
            * jnp.where(jnp.greater_equal(_t20 - 1 / 2, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype))
        )
        / width
    )[1]
    _t35 = _t34 * _t34
    _t36 = jnp.where(_t2, jnp.greater_equal(width, 2 * _t11 + 2 * _t9), jnp.greater_equal(width, 2 * _t15 + 2 * _t16))
    _t37 = -_t19
    _t38 = _t23 * _t37
    _t39 = sin_cos_turns(-1 / 2 * _t19 / width)[0]
    _t40 = 3.1415926535897932 * _t28
    _t41 = _t26 * _t34
    _t42 = -1 / 4 * _t22 * _t40 + _t24
    _t43 = _t23 * _t29 * _t42
    _t44 = sin_cos_turns(-1 / 2 * _t19 / width)[1]
    _t45 = (1 / 2) * _t40
    _t46 = 1 / (width * width * width)
    _t47 = 2 * (_t42 * _t42)
    y_D_x_D_x = _t5 * jnp.where(
        _t17, jnp.asarray(0, x.dtype), jnp.where(_t36, -_t27 * _t33 + (1 / 2) * _t28 * _t30 * _t31 * _t35, _t33 * _t39)
    )
    y_D_x_D_width = _t5 * jnp.where(
        _t17,
        jnp.asarray(0, x.dtype),
        jnp.where(
            _t36, _t27 * _t43 + _t29 * _t40 * _t41 - _t35 * _t43, -_t29 * _t32 * _t37 * _t39 * _t46 + _t29 * _t44 * _t45
        ),
    )
    y_D_width_D_width = _t5 * jnp.where(
        _t17,
        jnp.asarray(0, x.dtype),
        jnp.where(
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
        "x": _runtime.Kernels(_value_x, _gradient_x, _hessian_x),
        "all": _runtime.Kernels(_value_all, _gradient_all, _hessian_all),
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
        x: float16, bfloat16, float32 or float64 jax.Array (float64 with jax_enable_x64).
        width: width of the half-sine window around each half-integer; float or float tensor
            broadcasting with x (differentiable), in (0, 1], default 0.1.
        mode: "soft" (smooth forward, exact derivative) or "ste" (hard forward, the smooth
            derivative as gradient); default "soft".
        name: optional name (a jax.named_scope).

    Returns:
        A tensor of x's dtype and the broadcast shape of x and the parameters.

    Source: seeds 000, 002 (with the window's upper edge r = 1/2 + width/2 mapped to 1, not 0).
    """
    return _OP(x, {"width": width}, mode, name)
