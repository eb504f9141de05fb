# Generated from template templates/tensorflow/op.py.jinja and spec derive/catalog.py:sigmoid_round.
# Do NOT modify by hand: edit the spec or the template, then run
#     python scripts/regenerate_ops.py
"""sigmoid_round: floor(x) plus a logistic sigmoid of the fractional part, centred on the half-integer."""

import tensorflow as tf

from . import _runtime


def _hard(x, steepness):
    y = tf.math.round(x)
    return (y,), ()


def _value_x(x, steepness):
    _t0 = tf.math.floor(x)
    _t1 = x - tf.math.round(x)
    _t2 = tf.where(
        tf.math.less(_t1, 0),
        tf.math.greater(steepness * (_t1 + 1 / 2), 0),
        tf.math.greater(steepness * (_t1 - 1 / 2), 0),
    )
    _t3 = (1 / 2) * steepness
    _t4 = steepness * tf.math.abs(_t1)
    _t5 = -_t3 + _t4
    _t6 = tf.math.exp(_t5)
    _t7 = _t6 * (_t4 - (_t3 + _t5)) + _t6
    y = _t7 * tf.where(_t2, tf.constant(-1, x.dtype), tf.constant(1, x.dtype)) / (_t7 + 1) + tf.where(
        _t2, (_t0 + 1), _t0
    )
    return (y,), (_t7,)


def _gradient_from_residuals_x(x, steepness, _t7):
    y_D_x = tf.where(tf.math.equal(_t7, 0), tf.constant(0, x.dtype), steepness * (_t7 / (_t7 * (_t7 + 2) + 1)))
    return (y_D_x,), ()


def _gradient_x(x, steepness):
    _t0 = (1 / 2) * steepness
    _t1 = steepness * tf.math.abs((x - tf.math.round(x)))
    _t2 = -_t0 + _t1
    _t3 = tf.math.exp(_t2)
    _t4 = _t3 * (_t1 - (_t0 + _t2)) + _t3
    y_D_x = tf.where(tf.math.equal(_t4, 0), tf.constant(0, x.dtype), steepness * (_t4 / (_t4 * (_t4 + 2) + 1)))
    return (y_D_x,), ()


def _hessian_x(x, steepness):
    _t0 = x - tf.math.round(x)
    _t1 = _t0 + 1 / 2
    _t2 = tf.math.less(_t0, 0)
    _t3 = _t0 - 1 / 2
    _t4 = tf.where(_t2, _t1, _t3)
    _t5 = (1 / 2) * steepness
    _t6 = steepness * tf.math.abs(_t0)
    _t7 = -_t5 + _t6
    _t8 = tf.math.exp(_t7)
    _t9 = _t8 * (_t6 - (_t5 + _t7)) + _t8
    y_D_x_D_x = tf.math.multiply_no_nan(
        (steepness * steepness),
        -tf.where(
            tf.where(
                _t2,
                tf.math.less(steepness * tf.where(tf.math.greater_equal(_t1, 0), _t1, -_t1), 1 / 2),
                tf.math.less(steepness * tf.where(tf.math.greater_equal(_t3, 0), _t3, -_t3), 1 / 2),
            ),
            _t9 * tf.math.tanh(_t5 * tf.math.abs(_t4)) / (_t9 * (_t9 + 2) + 1),
            _t9 * (1 - _t9) / (_t9 * (_t9 * (_t9 + 3) + 3) + 1),
        )
        * tf.math.sign(_t4),
    )
    return (y_D_x_D_x,), ()


def _value_all(x, steepness):
    _t0 = tf.math.floor(x)
    _t1 = x - tf.math.round(x)
    _t2 = tf.math.less(_t1, 0)
    _t3 = _t1 + 1 / 2
    _t4 = _t1 - 1 / 2
    _t5 = tf.where(_t2, tf.math.greater(_t3 * steepness, 0), tf.math.greater(_t4 * steepness, 0))
    _t6 = (1 / 2) * steepness
    _t7 = steepness * tf.math.abs(_t1)
    _t8 = -_t6 + _t7
    _t9 = tf.math.exp(_t8)
    _t10 = _t9 * (_t7 - (_t6 + _t8)) + _t9
    y = _t10 * tf.where(_t5, tf.constant(-1, x.dtype), tf.constant(1, x.dtype)) / (_t10 + 1) + tf.where(
        _t5, (_t0 + 1), _t0
    )
    return (y,), (_t2, _t3, _t4, _t10)


def _gradient_from_residuals_all(x, steepness, _t2, _t3, _t4, _t10):
    _t11 = _t10 / (_t10 * (_t10 + 2) + 1)
    y_D_x = tf.where(tf.math.equal(_t10, 0), tf.constant(0, x.dtype), steepness * _t11)
    y_D_steepness = tf.where(tf.math.equal(_t10, 0), tf.constant(0, x.dtype), tf.where(_t2, _t3, _t4) * _t11)
    return (y_D_x, y_D_steepness), ()


def _gradient_all(x, steepness):
    _t0 = (1 / 2) * steepness
    _t1 = x - tf.math.round(x)
    _t2 = steepness * tf.math.abs(_t1)
    _t3 = -_t0 + _t2
    _t4 = tf.math.exp(_t3)
    _t5 = _t4 * (_t2 - (_t0 + _t3)) + _t4
    _t6 = _t5 / (_t5 * (_t5 + 2) + 1)
    y_D_x = tf.where(tf.math.equal(_t5, 0), tf.constant(0, x.dtype), steepness * _t6)
    y_D_steepness = tf.where(
        tf.math.equal(_t5, 0), tf.constant(0, x.dtype), tf.where(tf.math.less(_t1, 0), _t1 + 1 / 2, _t1 - 1 / 2) * _t6
    )
    return (y_D_x, y_D_steepness), ()


def _hessian_all(x, steepness):
    _t0 = x - tf.math.round(x)
    _t1 = _t0 + 1 / 2
    _t2 = tf.math.less(_t0, 0)
    _t3 = _t0 - 1 / 2
    _t4 = tf.where(_t2, _t1, _t3)
    _t5 = (1 / 2) * steepness
    _t6 = steepness * tf.math.abs(_t0)
    _t7 = -_t5 + _t6
    _t8 = tf.math.exp(_t7)
    _t9 = _t8 * (_t6 - (_t5 + _t7)) + _t8
    _t10 = _t9 / (_t9 * (_t9 + 2) + 1)
    _t11 = -tf.where(
        tf.where(
            _t2,
            tf.math.less(steepness * tf.where(tf.math.greater_equal(_t1, 0), _t1, -_t1), 1 / 2),
            tf.math.less(steepness * tf.where(tf.math.greater_equal(_t3, 0), _t3, -_t3), 1 / 2),
        ),
        _t10 * tf.math.tanh(_t5 * tf.math.abs(_t4)),
        _t9 * (1 - _t9) / (_t9 * (_t9 * (_t9 + 3) + 3) + 1),
    ) * tf.math.sign(_t4)
    y_D_x_D_x = tf.math.multiply_no_nan((steepness * steepness), _t11)
    y_D_x_D_steepness = tf.where(
        tf.math.equal(_t9, 0), tf.constant(0, x.dtype), (-_t4 * steepness * tf.math.tanh(_t4 * _t5) + 1) * _t10
    )
    y_D_steepness_D_steepness = tf.math.multiply_no_nan(tf.where(_t2, (_t1 * _t1), (_t3 * _t3)), _t11)
    return (y_D_x_D_x, y_D_x_D_steepness, y_D_steepness_D_steepness), ()


_OP = _runtime.Op(
    name="sigmoid_round",
    params=[_runtime.FloatParam("steepness", 10.0, 0.0, float("inf"), low_open=True, high_open=True)],
    modes=("soft", "ste"),
    hard=_hard,
    hard_xla=None,
    kernels={
        "x": _runtime.Kernels(
            _value_x, _gradient_from_residuals_x, _gradient_x, _hessian_x, xla=(_value_x, _gradient_x)
        ),
        "all": _runtime.Kernels(
            _value_all, _gradient_from_residuals_all, _gradient_all, _hessian_all, xla=(_value_all, _gradient_all)
        ),
    },
)


def sigmoid_round(x, steepness=10.0, mode="soft", name=None):
    """floor(x) plus a logistic sigmoid of the fractional part, centred on the half-integer.

    Smooth forward: floor(x) + sigmoid(k*(x - floor(x) - 1/2))
    Hard function: round(x)
        round(u): round half to even (as tf.round, jnp.round and torch.round).
      with k = steepness

    Args:
        x: float16, bfloat16, float32 or float64 tensor.
        steepness: slope of the sigmoid at the half-integers; float or float tensor broadcasting
            with x (differentiable), in (0, inf), default 10.0.
        mode: "soft" (smooth forward, exact derivative) or "ste" (hard forward, the smooth
            derivative as gradient); default "soft".
        name: optional name scope.

    Returns:
        A tensor of x's dtype and the broadcast shape of x and the parameters.

    Source: seeds 000, 002, 004 (with the gradient's missing factor steepness restored).
    """
    return _OP(x, {"steepness": steepness}, mode, name)
