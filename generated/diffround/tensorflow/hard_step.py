# Generated from template templates/tensorflow/op.py.jinja and spec derive/catalog.py:hard_step.
# Do NOT modify by hand: edit the spec or the template, then run
#     python scripts/regenerate_ops.py
"""hard_step: min(max((x - threshold)*gain, 0), 1): a steep linear ramp clipped to [0, 1]."""

import tensorflow as tf

from . import _runtime


def _hard(x, threshold, gain):
    y = tf.where(tf.math.greater_equal(-threshold + x, 0), tf.constant(1, x.dtype), tf.constant(0, x.dtype))
    return (y,), ()


def _value_x(x, threshold, gain):
    _t0 = gain * (-threshold + x)
    _t1 = tf.math.less_equal(_t0, 0)
    _t2 = tf.math.greater_equal(_t0, 1)
    y = tf.where(_t1, tf.constant(0, x.dtype), tf.where(_t2, tf.constant(1, x.dtype), _t0))
    return (y,), (_t1, _t2)


def _gradient_from_residuals_x(x, threshold, gain, _t1, _t2):
    y_D_x = tf.where(tf.math.logical_or(_t1, _t2), tf.constant(0, x.dtype), gain)
    return (y_D_x,), ()


def _gradient_x(x, threshold, gain):
    _t0 = gain * (-threshold + x)
    y_D_x = tf.where(
        tf.math.logical_or(tf.math.greater_equal(_t0, 1), tf.math.less_equal(_t0, 0)), tf.constant(0, x.dtype), gain
    )
    return (y_D_x,), ()


def _hessian_x(x, threshold, gain):
    y_D_x_D_x = tf.fill(tf.shape(x), tf.constant(0, x.dtype))
    return (y_D_x_D_x,), ()


def _value_all(x, threshold, gain):
    _t0 = -threshold + x
    _t1 = _t0 * gain
    _t2 = tf.math.less_equal(_t1, 0)
    _t3 = tf.math.greater_equal(_t1, 1)
    y = tf.where(_t2, tf.constant(0, x.dtype), tf.where(_t3, tf.constant(1, x.dtype), _t1))
    return (y,), (_t0, _t2, _t3)


def _gradient_from_residuals_all(x, threshold, gain, _t0, _t2, _t3):
    _t4 = tf.math.logical_or(_t2, _t3)
    y_D_x = tf.where(_t4, tf.constant(0, x.dtype), gain)
    y_D_threshold = tf.where(_t4, tf.constant(0, x.dtype), -gain)
    y_D_gain = tf.where(_t4, tf.constant(0, x.dtype), _t0)
    return (y_D_x, y_D_threshold, y_D_gain), ()


def _gradient_all(x, threshold, gain):
    _t0 = -threshold + x
    _t1 = _t0 * gain
    _t2 = tf.math.logical_or(tf.math.greater_equal(_t1, 1), tf.math.less_equal(_t1, 0))
    y_D_x = tf.where(_t2, tf.constant(0, x.dtype), gain)
    y_D_threshold = tf.where(_t2, tf.constant(0, x.dtype), -gain)
    y_D_gain = tf.where(_t2, tf.constant(0, x.dtype), _t0)
    return (y_D_x, y_D_threshold, y_D_gain), ()


def _hessian_all(x, threshold, gain):
    _t0 = gain * (-threshold + x)
    _t1 = tf.math.logical_or(tf.math.greater_equal(_t0, 1), tf.math.less_equal(_t0, 0))
    y_D_x_D_x = tf.fill(tf.shape(x), tf.constant(0, x.dtype))
    y_D_x_D_threshold = tf.fill(tf.shape(x), tf.constant(0, x.dtype))
    y_D_x_D_gain = tf.where(_t1, tf.constant(0, x.dtype), tf.constant(1, x.dtype))
    y_D_threshold_D_threshold = tf.fill(tf.shape(x), tf.constant(0, x.dtype))
    y_D_threshold_D_gain = tf.where(_t1, tf.constant(0, x.dtype), tf.constant(-1, x.dtype))
    y_D_gain_D_gain = tf.fill(tf.shape(x), tf.constant(0, x.dtype))
    return (
        y_D_x_D_x,
        y_D_x_D_threshold,
        y_D_x_D_gain,
        y_D_threshold_D_threshold,
        y_D_threshold_D_gain,
        y_D_gain_D_gain,
    ), ()


_OP = _runtime.Op(
    name="hard_step",
    params=[
        _runtime.FloatParam("threshold", 0.499, -float("inf"), float("inf"), low_open=True, high_open=True),
        _runtime.FloatParam("gain", 10000.0, 0.0, float("inf"), low_open=True, high_open=True),
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


def hard_step(x, threshold=0.499, gain=10000.0, mode="soft", name=None):
    """min(max((x - threshold)*gain, 0), 1): a steep linear ramp clipped to [0, 1].

    Smooth forward: Piecewise((0, g*(-t + x) <= 0), (1, g*(-t + x) >= 1), (g*(-t + x), True))
    Hard function: step(-threshold + x)
        step(u): 1 where u >= 0, else 0.
      with t = threshold, g = gain

    Args:
        x: float16, bfloat16, float32 or float64 tensor.
        threshold: where the ramp starts; float or float tensor broadcasting with x
            (differentiable), in (-inf, inf), default 0.499.
        gain: slope of the ramp; float or float tensor broadcasting with x (differentiable), in
            (0, inf), default 10000.0.
        mode: "soft" (smooth forward, exact derivative) or "ste" (hard forward, the smooth
            derivative as gradient); default "soft".
        name: optional name scope.

    Returns:
        A tensor of x's dtype and the broadcast shape of x and the parameters.

    Source: seed 001.
    """
    return _OP(x, {"threshold": threshold, "gain": gain}, mode, name)
