# Generated from template templates/jax/op.py.jinja and spec derive/catalog.py:sine_staircase_round.
# Do NOT modify by hand: edit the spec or the template, then run
#     python scripts/regenerate_ops.py
"""sine_staircase_round: g(x) = x - sin(2 pi x)/(2 pi), composed depth times; each composition steepens the steps."""

import jax
import jax.numpy as jnp

from . import _runtime
from ._xla_forms import sin_cos_turns


def _hard(x, depth):
    y = jnp.round(x)
    return (y,), ()


def _value_x(x, depth):
    _n = jnp.round(x)
    _r = -_n + x

    def _step(_e, _p, _k):
        _t0 = 9.869604401089358 * (_e * _e)
        _t1 = 4 * _t0
        _t2 = 2 * 3.1415926535897932 * _e
        _t3 = sin_cos_turns(_e)[0]
        _t4 = (1 / 2) / 3.1415926535897932
        _t5 = jnp.where(
            jnp.greater(_p, 0),
            _t4
            * jnp.where(
                jnp.less(3.1415926535897932 * jnp.abs(_e), 3 / 4),
                8
                * 31.00627668029982
                * (_e * _e * _e)
                * (
                    _t1
                    * (
                        _t1
                        * (
                            _t1
                            * (
                                _t1
                                * (
                                    _t1
                                    * (
                                        _t1
                                        * (
                                            _t1
                                            * (
                                                _t1
                                                * (
                                                    _t1
                                                    * (
                                                        _t1 * (3.868170170630684e-23 - 2.5787801137537894e-25 * _t0)
                                                        - 1 / 51090942171709440000
                                                    )
                                                    + 1 / 121645100408832000
                                                )
                                                - 1 / 355687428096000
                                            )
                                            + 1 / 1307674368000
                                        )
                                        - 1 / 6227020800
                                    )
                                    + 1 / 39916800
                                )
                                - 1 / 362880
                            )
                            + 1 / 5040
                        )
                        - 1 / 120
                    )
                    + 1 / 6
                ),
                _t2 - _t3,
            ),
            _e + _t3 * _t4,
        )
        _t6 = jnp.where(jnp.greater_equal(_t5 - 1 / 4, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype))
        _t7 = jnp.where(jnp.greater_equal(-_t5 - 1 / 4, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype))
        return (_t5 - 1 / 2 * _t6 + (1 / 2) * _t7, _p * (-2 * _t6 - 2 * _t7 + 1), _k + _t6 - _t7)

    (_e, _p, _k) = _runtime.repeated(
        depth,
        _step,
        (
            (_r)
            + (1 / 2) * jnp.where(jnp.greater_equal(-(_r) - 1 / 4, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype))
            - 1 / 2 * jnp.where(jnp.greater_equal((_r) - 1 / 4, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype)),
            -2 * jnp.where(jnp.greater_equal(-(_r) - 1 / 4, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype))
            - 2 * jnp.where(jnp.greater_equal((_r) - 1 / 4, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype))
            + 1,
            -jnp.where(jnp.greater_equal(-(_r) - 1 / 4, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype))
            + jnp.where(jnp.greater_equal((_r) - 1 / 4, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype)),
        ),
    )
    y = _e + ((1 / 2) * _k + _n)
    return (y,), ()


def _gradient_x(x, depth):
    _n = jnp.round(x)
    _r = -_n + x

    def _step(_e, _p, _D1):
        _t0 = 9.869604401089358 * (_e * _e)
        _t1 = 4 * _t0
        _t2 = 3.1415926535897932 * _e
        _t3 = 2 * _t2
        _t4 = sin_cos_turns(_e)[0]
        _t5 = (1 / 2) / 3.1415926535897932
        _t6 = jnp.greater(_p, 0)
        _t7 = jnp.where(
            _t6,
            _t5
            * jnp.where(
                jnp.less(3.1415926535897932 * jnp.abs(_e), 3 / 4),
                8
                * 31.00627668029982
                * (_e * _e * _e)
                * (
                    _t1
                    * (
                        _t1
                        * (
                            _t1
                            * (
                                _t1
                                * (
                                    _t1
                                    * (
                                        _t1
                                        * (
                                            _t1
                                            * (
                                                _t1
                                                * (
                                                    _t1
                                                    * (
                                                        _t1 * (3.868170170630684e-23 - 2.5787801137537894e-25 * _t0)
                                                        - 1 / 51090942171709440000
                                                    )
                                                    + 1 / 121645100408832000
                                                )
                                                - 1 / 355687428096000
                                            )
                                            + 1 / 1307674368000
                                        )
                                        - 1 / 6227020800
                                    )
                                    + 1 / 39916800
                                )
                                - 1 / 362880
                            )
                            + 1 / 5040
                        )
                        - 1 / 120
                    )
                    + 1 / 6
                ),
                _t3 - _t4,
            ),
            _e + _t4 * _t5,
        )
        _t8 = jnp.where(jnp.greater_equal(_t7 - 1 / 4, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype))
        _t9 = jnp.where(jnp.greater_equal(-_t7 - 1 / 4, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype))
        return (
            _t7 - 1 / 2 * _t8 + (1 / 2) * _t9,
            _p * (-2 * _t8 - 2 * _t9 + 1),
            jnp.where(
                _t6,
                2 * _D1 * (sin_cos_turns((1 / 2) * _e)[0] * sin_cos_turns((1 / 2) * _e)[0]),
                _D1 * sin_cos_turns(_e)[1] + _D1,
            ),
        )

    (_e, _p, _D1) = _runtime.repeated(
        depth,
        _step,
        (
            (_r)
            + (1 / 2) * jnp.where(jnp.greater_equal(-(_r) - 1 / 4, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype))
            - 1 / 2 * jnp.where(jnp.greater_equal((_r) - 1 / 4, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype)),
            -2 * jnp.where(jnp.greater_equal(-(_r) - 1 / 4, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype))
            - 2 * jnp.where(jnp.greater_equal((_r) - 1 / 4, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype))
            + 1,
            1,
        ),
    )
    y_D_x = _D1
    return (y_D_x,), ()


def _hessian_x(x, depth):
    _n = jnp.round(x)
    _r = -_n + x

    def _step(_e, _p, _D1, _D2):
        _t0 = 9.869604401089358 * (_e * _e)
        _t1 = 4 * _t0
        _t2 = 3.1415926535897932 * _e
        _t3 = 2 * _t2
        _t4 = sin_cos_turns(_e)[0]
        _t5 = (1 / 2) / 3.1415926535897932
        _t6 = jnp.greater(_p, 0)
        _t7 = jnp.where(
            _t6,
            _t5
            * jnp.where(
                jnp.less(3.1415926535897932 * jnp.abs(_e), 3 / 4),
                8
                * 31.00627668029982
                * (_e * _e * _e)
                * (
                    _t1
                    * (
                        _t1
                        * (
                            _t1
                            * (
                                _t1
                                * (
                                    _t1
                                    * (
                                        _t1
                                        * (
                                            _t1
                                            * (
                                                _t1
                                                * (
                                                    _t1
                                                    * (
                                                        _t1 * (3.868170170630684e-23 - 2.5787801137537894e-25 * _t0)
                                                        - 1 / 51090942171709440000
                                                    )
                                                    + 1 / 121645100408832000
                                                )
                                                - 1 / 355687428096000
                                            )
                                            + 1 / 1307674368000
                                        )
                                        - 1 / 6227020800
                                    )
                                    + 1 / 39916800
                                )
                                - 1 / 362880
                            )
                            + 1 / 5040
                        )
                        - 1 / 120
                    )
                    + 1 / 6
                ),
                _t3 - _t4,
            ),
            _e + _t4 * _t5,
        )
        _t8 = jnp.where(jnp.greater_equal(_t7 - 1 / 4, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype))
        _t9 = jnp.where(jnp.greater_equal(-_t7 - 1 / 4, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype))
        _t10 = 2 * (sin_cos_turns((1 / 2) * _e)[0] * sin_cos_turns((1 / 2) * _e)[0])
        _t11 = sin_cos_turns(_e)[1]
        _t12 = 2 * 3.1415926535897932 * (_D1 * _D1) * _t4
        return (
            _t7 - 1 / 2 * _t8 + (1 / 2) * _t9,
            _p * (-2 * _t8 - 2 * _t9 + 1),
            jnp.where(_t6, _D1 * _t10, _D1 * _t11 + _D1),
            jnp.where(_t6, _D2 * _t10 + _t12, _D2 * _t11 + _D2 - _t12),
        )

    (_e, _p, _D1, _D2) = _runtime.repeated(
        depth,
        _step,
        (
            (_r)
            + (1 / 2) * jnp.where(jnp.greater_equal(-(_r) - 1 / 4, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype))
            - 1 / 2 * jnp.where(jnp.greater_equal((_r) - 1 / 4, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype)),
            -2 * jnp.where(jnp.greater_equal(-(_r) - 1 / 4, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype))
            - 2 * jnp.where(jnp.greater_equal((_r) - 1 / 4, 0), jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype))
            + 1,
            1,
            0,
        ),
    )
    y_D_x_D_x = _D2
    return (y_D_x_D_x,), ()


_OP = _runtime.Op(
    name="sine_staircase_round",
    params=[_runtime.IntParam("depth", 1, 1, 16)],
    modes=("soft", "ste"),
    hard=_hard,
    kernels={"x": _runtime.Kernels(_value_x, _gradient_x, _hessian_x)},
)


def sine_staircase_round(x, depth=1, mode="soft", name=None):
    """g(x) = x - sin(2 pi x)/(2 pi), composed depth times; each composition steepens the steps.

    Smooth forward: x - sin(2*pi*x)/(2*pi)
        applied depth times, x being the previous result.
    Hard function: round(x)
        round(u): round half to even (as tf.round, jnp.round and torch.round).
      with D = depth

    Args:
        x: float16, bfloat16, float32 or float64 jax.Array (float64 with jax_enable_x64).
        depth: how many times g(x) = x - sin(2 pi x)/(2 pi) is composed; a Python int in [1, 16],
            default 1.
        mode: "soft" (smooth forward, exact derivative) or "ste" (hard forward, the smooth
            derivative as gradient); default "soft".
        name: optional name (a jax.named_scope).

    Returns:
        A tensor of x's dtype and the broadcast shape of x and the parameters.

    Source: seed 001.
    """
    return _OP(x, {"depth": depth}, mode, name)
