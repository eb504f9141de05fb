# Generated from template templates/tensorflow/op.py.jinja and spec derive/catalog.py:sigmoid_step.
# Do NOT modify by hand: edit the spec or the template, then run
#     python scripts/regenerate_ops.py
"""sigmoid_step: Logistic sigmoid step; overflow-free at any steepness."""

import tensorflow as tf

from . import _runtime


def _hard(x, steepness, center):
    y = tf.where(tf.math.greater_equal(-center + x, 0), tf.constant(1, x.dtype), tf.constant(0, x.dtype))
    return (y,), ()


def _value_x(x, steepness, center):
    _t0 = center - x
    y = tf.math.sigmoid(-_t0 * steepness)
    return (y,), (_t0,)


def _gradient_from_residuals_x(x, steepness, center, _t0):
    _t1 = tf.math.exp(-steepness * tf.math.abs(_t0))
    y_D_x = tf.where(tf.math.equal(_t1, 0), tf.constant(0, x.dtype), steepness * (_t1 / ((_t1 + 1) * (_t1 + 1))))
    return (y_D_x,), ()


def _gradient_x(x, steepness, center):
    _t0 = tf.math.exp(-steepness * tf.math.abs(center - x))
    y_D_x = tf.where(tf.math.equal(_t0, 0), tf.constant(0, x.dtype), steepness * (_t0 / ((_t0 + 1) * (_t0 + 1))))
    return (y_D_x,), ()


def _hessian_x(x, steepness, center):
    _t0 = center - x
    _t1 = steepness * tf.math.abs(_t0)
    _t2 = tf.math.exp(-_t1)
    y_D_x_D_x = tf.math.multiply_no_nan(
        (steepness * steepness),
        tf.where(
            tf.math.less(_t1, 1 / 2),
            _t2 * tf.math.tanh((1 / 2) * _t1) / (_t2 * (_t2 + 2) + 1),
            _t2 * (1 - _t2) / (_t2 * (_t2 * (_t2 + 3) + 3) + 1),
        )
        * tf.math.sign(_t0),
    )
    return (y_D_x_D_x,), ()


def _value_all(x, steepness, center):
    _t0 = center - x
    _t1 = -_t0
    y = tf.math.sigmoid(_t1 * steepness)
    return (y,), (_t0, _t1)


def _gradient_from_residuals_all(x, steepness, center, _t0, _t1):
    _t2 = tf.math.exp(-steepness * tf.math.abs(_t0))
    _t3 = _t2 / ((_t2 + 1) * (_t2 + 1))
    y_D_x = tf.where(tf.math.equal(_t2, 0), tf.constant(0, x.dtype), steepness * _t3)
    y_D_steepness = tf.where(tf.math.equal(_t2, 0), tf.constant(0, x.dtype), _t1 * _t3)
    y_D_center = tf.where(tf.math.equal(_t2, 0), tf.constant(0, x.dtype), (-steepness) * _t3)
    return (y_D_x, y_D_steepness, y_D_center), ()


def _gradient_all(x, steepness, center):
    _t0 = center - x
    _t1 = tf.math.exp(-steepness * tf.math.abs(_t0))
    _t2 = _t1 / ((_t1 + 1) * (_t1 + 1))
    y_D_x = tf.where(tf.math.equal(_t1, 0), tf.constant(0, x.dtype), steepness * _t2)
    y_D_steepness = tf.where(tf.math.equal(_t1, 0), tf.constant(0, x.dtype), (-_t0) * _t2)
    y_D_center = tf.where(tf.math.equal(_t1, 0), tf.constant(0, x.dtype), (-steepness) * _t2)
    return (y_D_x, y_D_steepness, y_D_center), ()


def _hessian_all(x, steepness, center):
    _t0 = steepness * steepness
    _t1 = center - x
    _t2 = -_t1
    _t3 = steepness * tf.math.abs(_t1)
    _t4 = tf.math.exp(-_t3)
    _t5 = -tf.where(
        tf.math.less(_t3, 1 / 2),
        _t4 * tf.math.tanh((1 / 2) * _t3) / (_t4 * (_t4 + 2) + 1),
        _t4 * (1 - _t4) / (_t4 * (_t4 * (_t4 + 3) + 3) + 1),
    ) * tf.math.sign(_t2)
    _t6 = tf.math.multiply_no_nan(_t0, _t5)
    _t7 = _t2 * steepness
    _t8 = _t7 * tf.math.tanh((1 / 2) * _t7) - 1
    _t9 = _t4 / ((_t4 + 1) * (_t4 + 1))
    y_D_x_D_x = _t6
    y_D_x_D_steepness = tf.where(tf.math.equal(_t4, 0), tf.constant(0, x.dtype), (-_t8) * _t9)
    y_D_x_D_center = tf.math.multiply_no_nan(-_t0, _t5)
    y_D_steepness_D_steepness = tf.math.multiply_no_nan((_t2 * _t2), _t5)
    y_D_steepness_D_center = tf.where(tf.math.equal(_t4, 0), tf.constant(0, x.dtype), _t8 * _t9)
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
    hard_xla=_hard,
    kernels={
        "x": _runtime.Kernels(
            _value_x, _gradient_from_residuals_x, _gradient_x, _hessian_x, xla=(_value_x, _gradient_x)
        ),
        "all": _runtime.Kernels(
            _value_all, _gradient_from_residuals_all, _gradient_all, _hessian_all, xla=(_value_all, _gradient_all)
        ),
    },
)


def sigmoid_step(x, steepness=10.0, center=0.0, mode="soft", name=None):
    """Logistic sigmoid step; overflow-free at any steepness.

    Smooth forward: sigmoid(k*(-c + x))
    Hard function: step(-center + x)
        step(u): 1 where u >= 0, else 0.
      with k = steepness, c = center

    Args:
        x: float16, bfloat16, float32 or float64 tensor.
        steepness: slope of the sigmoid at the centre; float or float tensor broadcasting with x
            (differentiable), in (0, inf), default 10.0.
        center: where the step is; float or float tensor broadcasting with x (differentiable), in
            (-inf, inf), default 0.0.
        mode: "soft" (smooth forward, exact derivative) or "ste" (hard forward, the smooth
            derivative as gradient); default "soft".
        name: optional name scope.

    Returns:
        A tensor of x's dtype and the broadcast shape of x and the parameters.

    Source: seed 001 (e/(e+1) with e = exp(1000*(x - 0.5)), which overflows to NaN).
    """
    return _OP(x, {"steepness": steepness, "center": center}, mode, name)
