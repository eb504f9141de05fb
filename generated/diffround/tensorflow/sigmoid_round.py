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
    _t2 = _t1 + 1 / 2
    _t3 = tf.math.less(_t1, 0)
    _t4 = _t1 - 1 / 2
    _t5 = -steepness * tf.math.abs(tf.where(_t3, _t2, _t4))
    _t6 = tf.math.sigmoid(_t5)
    y = tf.where(
        tf.where(_t3, tf.math.greater(_t2 * steepness, 0), tf.math.greater(_t4 * steepness, 0)),
        -_t6 + (_t0 + 1),
        _t0 + _t6,
    )
    return (y,), (_t5,)


def _gradient_from_residuals_x(x, steepness, _t5):
    _t7 = tf.math.exp(_t5)
    y_D_x = tf.math.multiply_no_nan(steepness, _t7 / ((_t7 + 1) * (_t7 + 1)))
    return (y_D_x,), ()


def _gradient_x(x, steepness):
    _t0 = x - tf.math.round(x)
    _t1 = tf.math.exp(-steepness * tf.math.abs(tf.where(tf.math.less(_t0, 0), _t0 + 1 / 2, _t0 - 1 / 2)))
    y_D_x = tf.math.multiply_no_nan(steepness, _t1 / ((_t1 + 1) * (_t1 + 1)))
    return (y_D_x,), ()


def _hessian_x(x, steepness):
    _t0 = x - tf.math.round(x)
    _t1 = tf.where(tf.math.less(_t0, 0), _t0 + 1 / 2, _t0 - 1 / 2)
    _t2 = tf.math.exp(-steepness * tf.math.abs(_t1))
    y_D_x_D_x = tf.math.multiply_no_nan(
        -(steepness * steepness) * tf.math.tanh((1 / 2) * _t1 * steepness), _t2 / ((_t2 + 1) * (_t2 + 1))
    )
    return (y_D_x_D_x,), ()


def _value_all(x, steepness):
    _t0 = tf.math.floor(x)
    _t1 = x - tf.math.round(x)
    _t2 = _t1 + 1 / 2
    _t3 = tf.math.less(_t1, 0)
    _t4 = _t1 - 1 / 2
    _t5 = tf.where(_t3, _t2, _t4)
    _t6 = -steepness * tf.math.abs(_t5)
    _t7 = tf.math.sigmoid(_t6)
    y = tf.where(
        tf.where(_t3, tf.math.greater(_t2 * steepness, 0), tf.math.greater(_t4 * steepness, 0)),
        -_t7 + (_t0 + 1),
        _t0 + _t7,
    )
    return (y,), (_t5, _t6)


def _gradient_from_residuals_all(x, steepness, _t5, _t6):
    _t8 = tf.math.exp(_t6)
    _t9 = _t8 / ((_t8 + 1) * (_t8 + 1))
    y_D_x = tf.math.multiply_no_nan(steepness, _t9)
    y_D_steepness = tf.math.multiply_no_nan(_t5, _t9)
    return (y_D_x, y_D_steepness), ()


def _gradient_all(x, steepness):
    _t0 = x - tf.math.round(x)
    _t1 = tf.where(tf.math.less(_t0, 0), _t0 + 1 / 2, _t0 - 1 / 2)
    _t2 = tf.math.exp(-steepness * tf.math.abs(_t1))
    _t3 = _t2 / ((_t2 + 1) * (_t2 + 1))
    y_D_x = tf.math.multiply_no_nan(steepness, _t3)
    y_D_steepness = tf.math.multiply_no_nan(_t1, _t3)
    return (y_D_x, y_D_steepness), ()


def _hessian_all(x, steepness):
    _t0 = x - tf.math.round(x)
    _t1 = _t0 + 1 / 2
    _t2 = tf.math.less(_t0, 0)
    _t3 = _t0 - 1 / 2
    _t4 = tf.where(_t2, _t1, _t3)
    _t5 = _t4 * steepness
    _t6 = tf.math.tanh((1 / 2) * _t5)
    _t7 = tf.math.exp(-steepness * tf.math.abs(_t4))
    _t8 = _t7 / ((_t7 + 1) * (_t7 + 1))
    y_D_x_D_x = tf.math.multiply_no_nan(-_t6 * (steepness * steepness), _t8)
    y_D_x_D_steepness = tf.math.multiply_no_nan(-_t5 * _t6 + 1, _t8)
    y_D_steepness_D_steepness = tf.math.multiply_no_nan(-_t6 * tf.where(_t2, (_t1 * _t1), (_t3 * _t3)), _t8)
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
