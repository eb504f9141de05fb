# Generated from template templates/tensorflow/op.py.jinja and spec derive/catalog.py:sine_round.
# Do NOT modify by hand: edit the spec or the template, then run
#     python scripts/regenerate_ops.py
"""sine_round: floor(x) plus a half-sine ramp of the given width around each half-integer, flat elsewhere."""

import tensorflow as tf

from . import _runtime
from ._xla_forms import sin_cos_turns


def _hard(x, width):
    y = tf.math.round(x)
    return (y,), ()


def _value_x(x, width):
    _t0 = tf.math.floor(x)
    _t1 = x - tf.math.round(x)
    _t2 = tf.math.less(_t1, 0)
    _t3 = 2 * _t1
    _t4 = _t3 + 1
    _t5 = tf.math.less_equal(width, -_t4)
    _t6 = _t3 - 1
    _t7 = tf.math.less_equal(width, -_t6)
    _t8 = tf.math.less_equal(width, _t4)
    _t9 = tf.math.less_equal(width, _t6)
    _t10 = 3.1415926535897932 / width
    _t11 = _t10 * tf.where(_t2, _t1 + 1 / 2, _t1 - 1 / 2)
    y = tf.where(
        tf.where(_t2, _t5, _t7),
        _t0,
        tf.where(tf.where(_t2, _t8, _t9), _t0 + 1, _t0 + (1 / 2) * tf.math.sin(_t11) + 1 / 2),
    )
    return (y,), (_t2, _t5, _t7, _t8, _t9, _t10, _t11)


def _gradient_from_residuals_x(x, width, _t2, _t5, _t7, _t8, _t9, _t10, _t11):
    y_D_x = tf.where(
        tf.where(_t2, tf.math.logical_or(_t5, _t8), tf.math.logical_or(_t7, _t9)),
        tf.constant(0, x.dtype),
        (1 / 2) * _t10 * tf.math.cos(_t11),
    )
    return (y_D_x,), ()


def _gradient_x(x, width):
    _t0 = x - tf.math.round(x)
    _t1 = tf.math.less(_t0, 0)
    _t2 = 2 * _t0
    _t3 = _t2 + 1
    _t4 = _t2 - 1
    _t5 = 3.1415926535897932 / width
    y_D_x = tf.where(
        tf.where(
            _t1,
            tf.math.logical_or(tf.math.greater_equal(_t3, width), tf.math.less_equal(_t3, -width)),
            tf.math.logical_or(tf.math.greater_equal(_t4, width), tf.math.less_equal(_t4, -width)),
        ),
        tf.constant(0, x.dtype),
        (1 / 2) * _t5 * tf.math.cos(_t5 * tf.where(_t1, _t0 + 1 / 2, _t0 - 1 / 2)),
    )
    return (y_D_x,), ()


def _hessian_x(x, width):
    _t0 = x - tf.math.round(x)
    _t1 = tf.math.less(_t0, 0)
    _t2 = 2 * _t0
    _t3 = _t2 + 1
    _t4 = _t2 - 1
    y_D_x_D_x = tf.where(
        tf.where(
            _t1,
            tf.math.logical_or(tf.math.greater_equal(_t3, width), tf.math.less_equal(_t3, -width)),
            tf.math.logical_or(tf.math.greater_equal(_t4, width), tf.math.less_equal(_t4, -width)),
        ),
        tf.constant(0, x.dtype),
        -1
        / 2
        * 9.869604401089358
        * tf.math.sin(3.1415926535897932 * tf.where(_t1, _t0 + 1 / 2, _t0 - 1 / 2) / width)
        / (width * width),
    )
    return (y_D_x_D_x,), ()


def _value_all(x, width):
    _t0 = tf.math.floor(x)
    _t1 = x - tf.math.round(x)
    _t2 = tf.math.less(_t1, 0)
    _t3 = 2 * _t1
    _t4 = _t3 + 1
    _t5 = tf.math.less_equal(width, -_t4)
    _t6 = _t3 - 1
    _t7 = tf.math.less_equal(width, -_t6)
    _t8 = tf.math.less_equal(width, _t4)
    _t9 = tf.math.less_equal(width, _t6)
    _t10 = tf.where(_t2, _t1 + 1 / 2, _t1 - 1 / 2)
    _t11 = 3.1415926535897932 / width
    _t12 = _t10 * _t11
    y = tf.where(
        tf.where(_t2, _t5, _t7),
        _t0,
        tf.where(tf.where(_t2, _t8, _t9), _t0 + 1, _t0 + (1 / 2) * tf.math.sin(_t12) + 1 / 2),
    )
    return (y,), (_t2, _t5, _t7, _t8, _t9, _t10, _t11, _t12)


def _gradient_from_residuals_all(x, width, _t2, _t5, _t7, _t8, _t9, _t10, _t11, _t12):
    _t13 = tf.where(_t2, tf.math.logical_or(_t5, _t8), tf.math.logical_or(_t7, _t9))
    _t14 = (1 / 2) * tf.math.cos(_t12)
    y_D_x = tf.where(_t13, tf.constant(0, x.dtype), _t11 * _t14)
    y_D_width = tf.where(_t13, tf.constant(0, x.dtype), -3.1415926535897932 * _t10 * _t14 / (width * width))
    return (y_D_x, y_D_width), ()


def _gradient_all(x, width):
    _t0 = x - tf.math.round(x)
    _t1 = tf.math.less(_t0, 0)
    _t2 = 2 * _t0
    _t3 = _t2 + 1
    _t4 = _t2 - 1
    _t5 = tf.where(
        _t1,
        tf.math.logical_or(tf.math.less_equal(width, _t3), tf.math.less_equal(width, -_t3)),
        tf.math.logical_or(tf.math.less_equal(width, _t4), tf.math.less_equal(width, -_t4)),
    )
    _t6 = 3.1415926535897932 / width
    _t7 = tf.where(_t1, _t0 + 1 / 2, _t0 - 1 / 2)
    _t8 = (1 / 2) * tf.math.cos(_t6 * _t7)
    y_D_x = tf.where(_t5, tf.constant(0, x.dtype), _t6 * _t8)
    y_D_width = tf.where(_t5, tf.constant(0, x.dtype), -3.1415926535897932 * _t7 * _t8 / (width * width))
    return (y_D_x, y_D_width), ()


def _hessian_all(x, width):
    _t0 = x - tf.math.round(x)
    _t1 = tf.math.less(_t0, 0)
    _t2 = 2 * _t0
    _t3 = _t2 + 1
    _t4 = _t2 - 1
    _t5 = tf.where(
        _t1,
        tf.math.logical_or(tf.math.less_equal(width, _t3), tf.math.less_equal(width, -_t3)),
        tf.math.logical_or(tf.math.less_equal(width, _t4), tf.math.less_equal(width, -_t4)),
    )
    _t6 = (1 / 2) / (width * width)
    _t7 = 9.869604401089358
    _t8 = _t0 + 1 / 2
    _t9 = _t0 - 1 / 2
    _t10 = tf.where(_t1, _t8, _t9)
    _t11 = 3.1415926535897932 * _t10
    _t12 = _t11 / width
    _t13 = tf.math.sin(_t12)
    _t14 = _t13 * _t7
    _t15 = tf.math.cos(_t12)
    _t16 = 1 / (width * width * width)
    y_D_x_D_x = tf.where(_t5, tf.constant(0, x.dtype), -_t14 * _t6)
    y_D_x_D_width = tf.where(
        _t5, tf.constant(0, x.dtype), (1 / 2) * _t10 * _t13 * _t16 * _t7 - 3.1415926535897932 * _t15 * _t6
    )
    y_D_width_D_width = tf.where(
        _t5,
        tf.constant(0, x.dtype),
        _t11 * _t15 * _t16 - 1 / 2 * _t14 * tf.where(_t1, (_t8 * _t8), (_t9 * _t9)) / (width * width * width * width),
    )
    return (y_D_x_D_x, y_D_x_D_width, y_D_width_D_width), ()


def _value_x_xla(x, width):
    _t0 = tf.math.floor(x)
    _t1 = x - tf.math.round(x)
    _t2 = tf.math.less(_t1, 0)
    _t3 = 2 * _t1
    _t4 = _t3 + 1
    _t5 = tf.math.less_equal(width, -_t4)
    _t6 = _t3 - 1
    _t7 = tf.math.less_equal(width, -_t6)
    _t8 = tf.math.less_equal(width, _t4)
    _t9 = tf.math.less_equal(width, _t6)
    _t10 = 3.1415926535897932 / width
    _t11 = _t10 * tf.where(_t2, _t1 + 1 / 2, _t1 - 1 / 2)
    y = tf.where(
        tf.where(_t2, _t5, _t7),
        _t0,
        tf.where(
            tf.where(_t2, _t8, _t9),
            _t0 + 1,
            _t0
            + (1 / 2)
            * sin_cos_turns(
                (1 / 2)
                * tf.where(tf.math.less(_t1, 0), (x - tf.math.round(x)) + 1 / 2, (x - tf.math.round(x)) - 1 / 2)
                / width
            )[0]
            + 1 / 2,
        ),
    )
    return (y,), (_t2, _t5, _t7, _t8, _t9, _t10, _t11)


def _gradient_x_xla(x, width):
    _t0 = x - tf.math.round(x)
    _t1 = tf.math.less(_t0, 0)
    _t2 = 2 * _t0
    _t3 = _t2 + 1
    _t4 = _t2 - 1
    _t5 = 3.1415926535897932 / width
    y_D_x = tf.where(
        tf.where(
            _t1,
            tf.math.logical_or(tf.math.greater_equal(_t3, width), tf.math.less_equal(_t3, -width)),
            tf.math.logical_or(tf.math.greater_equal(_t4, width), tf.math.less_equal(_t4, -width)),
        ),
        tf.constant(0, x.dtype),
        (1 / 2)
        * _t5
        * sin_cos_turns(
            (1 / 2)
            * tf.where(tf.math.less(_t0, 0), (x - tf.math.round(x)) + 1 / 2, (x - tf.math.round(x)) - 1 / 2)
            / width
        )[1],
    )
    return (y_D_x,), ()


def _value_all_xla(x, width):
    _t0 = tf.math.floor(x)
    _t1 = x - tf.math.round(x)
    _t2 = tf.math.less(_t1, 0)
    _t3 = 2 * _t1
    _t4 = _t3 + 1
    _t5 = tf.math.less_equal(width, -_t4)
    _t6 = _t3 - 1
    _t7 = tf.math.less_equal(width, -_t6)
    _t8 = tf.math.less_equal(width, _t4)
    _t9 = tf.math.less_equal(width, _t6)
    _t10 = tf.where(_t2, _t1 + 1 / 2, _t1 - 1 / 2)
    _t11 = 3.1415926535897932 / width
    _t12 = _t10 * _t11
    y = tf.where(
        tf.where(_t2, _t5, _t7),
        _t0,
        tf.where(
            tf.where(_t2, _t8, _t9),
            _t0 + 1,
            _t0 + (1 / 2) * sin_cos_turns((1 / 2) * tf.where(_t2, _t1 + 1 / 2, _t1 - 1 / 2) / width)[0] + 1 / 2,
        ),
    )
    return (y,), (_t2, _t5, _t7, _t8, _t9, _t10, _t11, _t12)


def _gradient_all_xla(x, width):
    _t0 = x - tf.math.round(x)
    _t1 = tf.math.less(_t0, 0)
    _t2 = 2 * _t0
    _t3 = _t2 + 1
    _t4 = _t2 - 1
    _t5 = tf.where(
        _t1,
        tf.math.logical_or(tf.math.less_equal(width, _t3), tf.math.less_equal(width, -_t3)),
        tf.math.logical_or(tf.math.less_equal(width, _t4), tf.math.less_equal(width, -_t4)),
    )
    _t6 = 3.1415926535897932 / width
    _t7 = tf.where(_t1, _t0 + 1 / 2, _t0 - 1 / 2)
    _t8 = (1 / 2) * sin_cos_turns((1 / 2) * tf.where(_t1, _t0 + 1 / 2, _t0 - 1 / 2) / width)[1]
    y_D_x = tf.where(_t5, tf.constant(0, x.dtype), _t6 * _t8)
    y_D_width = tf.where(_t5, tf.constant(0, x.dtype), -3.1415926535897932 * _t7 * _t8 / (width * width))
    return (y_D_x, y_D_width), ()


_OP = _runtime.Op(
    name="sine_round",
    params=[_runtime.FloatParam("width", 0.1, 0.0, 1.0, low_open=True, high_open=False)],
    modes=("soft", "ste"),
    hard=_hard,
    hard_xla=None,
    kernels={
        "x": _runtime.Kernels(
            _value_x, _gradient_from_residuals_x, _gradient_x, _hessian_x, xla=(_value_x_xla, _gradient_x_xla)
        ),
        "all": _runtime.Kernels(
            _value_all,
            _gradient_from_residuals_all,
            _gradient_all,
            _hessian_all,
            xla=(_value_all_xla, _gradient_all_xla),
        ),
    },
)


def sine_round(x, width=0.1, mode="soft", name=None):
    """floor(x) plus a half-sine ramp of the given width around each half-integer, flat elsewhere.

    Smooth forward: Piecewise((floor(x), w <= -2*x + 2*floor(x) + 1), (floor(x) + 1, w <= 2*x -
        2*floor(x) - 1), (sin(pi*(x - floor(x) - 1/2)/w)/2 + floor(x) + 1/2, True))
    Hard function: round(x)
        round(u): round half to even (as tf.round, jnp.round and torch.round).
      with w = width

    Args:
        x: float16, bfloat16, float32 or float64 tensor.
        width: width of the half-sine window around each half-integer; float or float tensor
            broadcasting with x (differentiable), in (0, 1], default 0.1.
        mode: "soft" (smooth forward, exact derivative) or "ste" (hard forward, the smooth
            derivative as gradient); default "soft".
        name: optional name scope.

    Returns:
        A tensor of x's dtype and the broadcast shape of x and the parameters.

    Source: seeds 000, 002 (with the window's upper edge r = 1/2 + width/2 mapped to 1, not 0).
    """
    return _OP(x, {"width": width}, mode, name)
