# Generated from template templates/tensorflow/op.py.jinja and spec derive/catalog.py:fourier_round.
# Do NOT modify by hand: edit the spec or the template, then run
#     python scripts/regenerate_ops.py
"""fourier_round: x plus the truncated Fourier series of the sawtooth round(x) - x."""

import tensorflow as tf

from . import _runtime
from ._xla_forms import sin_cos_turns


def _hard(x, terms):
    y = tf.math.round(x)
    return (y,), ()


def _value_x(x, terms):
    _n = tf.math.round(x)
    _r = -_n + x
    _ti0 = tf.math.round(_r)
    _ti1 = _r - _ti0
    _ti2 = tf.math.abs((_ti1))
    _ti3 = _ti2 - 1 / 4
    _ti4 = tf.where(tf.math.greater_equal(_ti3, 0), tf.constant(1, x.dtype), tf.constant(0, x.dtype))
    _ti5 = tf.math.sign((_ti1))
    _ti6 = -1 / 2 * _ti4 * _ti5 + (_ti1)
    _ts0 = _runtime.summed(
        lambda _j: (
            (1 - 2 * (_j % 2))
            * (-_ti4 * (1 - (1 - 2 * (_j % 2))) + 1)
            * tf.math.sin(2 * 3.1415926535897932 * _j * _ti6)
            / _j
        ),
        1,
        terms,
    )
    y = _n + _r + _ts0 / 3.1415926535897932
    return (y,), (_r,)


def _gradient_from_residuals_x(x, terms, _r):
    _ti7 = tf.math.round((1 / 2) * _r)
    _ti8 = (1 / 2) * _r - _ti7
    _ti9 = tf.math.abs((_ti8))
    _ti10 = _ti9 - 1 / 4
    _ti11 = tf.where(tf.math.greater_equal(_ti10, 0), tf.constant(1, x.dtype), tf.constant(0, x.dtype))
    _ti12 = tf.math.sign((_ti8))
    _ti13 = -1 / 2 * _ti11 * _ti12 + (_ti8)
    _ts1 = _runtime.summed(
        lambda _j: (
            -2
            * (1 - 2 * (_j % 2))
            * ((-_ti11 * (1 - (1 - 2 * (_j % 2))) + 1) * (-_ti11 * (1 - (1 - 2 * (_j % 2))) + 1))
            * (tf.math.sin(2 * 3.1415926535897932 * _j * _ti13) * tf.math.sin(2 * 3.1415926535897932 * _j * _ti13))
        ),
        1,
        terms,
    )
    y_D_x = -(1 - 2 * ((terms + 1) % 2)) + 2 * _ts1
    return (y_D_x,), ()


def _gradient_x(x, terms):
    _n = tf.math.round(x)
    _r = -_n + x
    _ti0 = tf.math.round((1 / 2) * _r)
    _ti1 = (1 / 2) * _r - _ti0
    _ti2 = tf.math.abs((_ti1))
    _ti3 = _ti2 - 1 / 4
    _ti4 = tf.where(tf.math.greater_equal(_ti3, 0), tf.constant(1, x.dtype), tf.constant(0, x.dtype))
    _ti5 = tf.math.sign((_ti1))
    _ti6 = -1 / 2 * _ti4 * _ti5 + (_ti1)
    _ts0 = _runtime.summed(
        lambda _j: (
            -2
            * (1 - 2 * (_j % 2))
            * ((-_ti4 * (1 - (1 - 2 * (_j % 2))) + 1) * (-_ti4 * (1 - (1 - 2 * (_j % 2))) + 1))
            * (tf.math.sin(2 * 3.1415926535897932 * _j * _ti6) * tf.math.sin(2 * 3.1415926535897932 * _j * _ti6))
        ),
        1,
        terms,
    )
    y_D_x = -(1 - 2 * ((terms + 1) % 2)) + 2 * _ts0
    return (y_D_x,), ()


def _hessian_x(x, terms):
    _n = tf.math.round(x)
    _r = -_n + x
    _ti0 = tf.math.round(_r)
    _ti1 = _r - _ti0
    _ti2 = tf.math.abs((_ti1))
    _ti3 = _ti2 - 1 / 4
    _ti4 = tf.where(tf.math.greater_equal(_ti3, 0), tf.constant(1, x.dtype), tf.constant(0, x.dtype))
    _ti5 = tf.math.sign((_ti1))
    _ti6 = -1 / 2 * _ti4 * _ti5 + (_ti1)
    _ts0 = _runtime.summed(
        lambda _j: (
            (1 - 2 * (_j % 2))
            * _j
            * (-_ti4 * (1 - (1 - 2 * (_j % 2))) + 1)
            * tf.math.sin(2 * 3.1415926535897932 * _j * _ti6)
        ),
        1,
        terms,
    )
    y_D_x_D_x = -4 * 3.1415926535897932 * _ts0
    return (y_D_x_D_x,), ()


def _value_x_xla(x, terms):
    _n = tf.math.round(x)
    _r = -_n + x
    _ti0 = tf.math.round(_r)
    _ti1 = _r - _ti0
    _ti2 = tf.math.abs((_ti1))
    _ti3 = _ti2 - 1 / 4
    _ti4 = tf.where(tf.math.greater_equal(_ti3, 0), tf.constant(1, x.dtype), tf.constant(0, x.dtype))
    _ti5 = tf.math.sign((_ti1))
    _ti6 = -1 / 2 * _ti4 * _ti5 + (_ti1)
    _ts0 = _runtime.summed(
        lambda _j: ((1 - 2 * (_j % 2)) / _j) * ((((1 - 2 * (_j % 2)) - 1) * _ti4 + 1) * sin_cos_turns((_j) * _ti6)[0]),
        1,
        terms,
    )
    y = _n + _r + (0.3183098861837907) * _ts0
    return (y,), (_r,)


def _gradient_x_xla(x, terms):
    _n = tf.math.round(x)
    _r = -_n + x
    _ti0 = tf.math.round((1 / 2) * _r)
    _ti1 = (1 / 2) * _r - _ti0
    _ti2 = tf.math.abs((_ti1))
    _ti3 = _ti2 - 1 / 4
    _ti4 = tf.where(tf.math.greater_equal(_ti3, 0), tf.constant(1, x.dtype), tf.constant(0, x.dtype))
    _ti5 = tf.math.sign((_ti1))
    _ti6 = -1 / 2 * _ti4 * _ti5 + (_ti1)
    _ts0 = _runtime.summed(
        lambda _j: (
            (-2 * (1 - 2 * (_j % 2)))
            * (
                ((((1 - 2 * (_j % 2)) - 1) * _ti4 + 1) * (((1 - 2 * (_j % 2)) - 1) * _ti4 + 1))
                * (sin_cos_turns((_j) * _ti6)[0] * sin_cos_turns((_j) * _ti6)[0])
            )
        ),
        1,
        terms,
    )
    y_D_x = -(1 - 2 * ((terms + 1) % 2)) + 2 * _ts0
    return (y_D_x,), ()


_OP = _runtime.Op(
    name="fourier_round",
    params=[_runtime.IntParam("terms", 5, 1, 1000)],
    modes=("soft", "ste"),
    hard=_hard,
    hard_xla=None,
    kernels={
        "x": _runtime.Kernels(
            _value_x, _gradient_from_residuals_x, _gradient_x, _hessian_x, xla=(_value_x_xla, _gradient_x_xla)
        )
    },
)


def fourier_round(x, terms=5, mode="soft", name=None):
    """x plus the truncated Fourier series of the sawtooth round(x) - x.

    Smooth forward: x + Sum((-1)**j*sin(2*pi*j*x)/j, (j, 1, N))/pi
    Hard function: round(x)
        round(u): round half to even (as tf.round, jnp.round and torch.round).
      with N = terms

    Args:
        x: float16, bfloat16, float32 or float64 tensor.
        terms: number of sine terms of the sawtooth series; a Python int in [1, 1000], default 5.
        mode: "soft" (smooth forward, exact derivative) or "ste" (hard forward, the smooth
            derivative as gradient); default "soft".
        name: optional name scope.

    Returns:
        A tensor of x's dtype and the broadcast shape of x and the parameters.

    Source: seed 001.
    """
    return _OP(x, {"terms": terms}, mode, name)
