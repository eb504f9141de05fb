"""Gradients against central differences (tf.test.compute_gradient)."""

from __future__ import annotations

import numpy as np

from .evaluation import call_op as _call

FD_TOLERANCE = {"float32": 2e-2, "float64": 1e-5}
FD_DELTA = {"float32": 1e-3, "float64": 1e-6}


def finite_difference_check(fn, a, mode, dtype_name, floats, ints, ref, xs, measurement, label):
    """tf.test.compute_gradient at smooth points: gradients, and (second
    order) the gradient of the x-derivative."""
    import tensorflow as tf

    delta = FD_DELTA[dtype_name]
    tf_dtype = getattr(tf, dtype_name)
    param_values = [float(np.dtype(dtype_name).type(floats[n])) for n in a.float_params]
    smooth = []
    for v in xs[(np.abs(xs) < 4)]:
        point = (float(v), *param_values)
        # smooth here: f, df/dx and d2f/dx2 agree with their own central differences
        # (soft_round is C1 but not C2 at the integers: the second check is not enough)
        agree = True
        for order in ((), ("x",), ("x", "x")):
            try:
                lo = ref.evaluate(order, (point[0] - 2 * delta, *point[1:]))
                hi = ref.evaluate(order, (point[0] + 2 * delta, *point[1:]))
                slope = ref.evaluate(order + ("x",), point)
            except ArithmeticError:  # not real or a pole nearby (reported by compare_case): not smooth
                agree = False
                break
            agree = agree and abs((hi - lo) / (4 * delta) - slope) <= 1e-3 * max(1, abs(slope))
        if agree:
            smooth.append(float(v))
    smooth = np.array(smooth[:: max(1, len(smooth) // 12)][:12])
    if smooth.size == 0:
        return
    x0 = tf.constant(smooth, tf_dtype)

    def value(x):
        # + 0*x: an output that does not depend on x (or is not shaped like it) still has a gradient
        return _call(fn, a, x, floats, ints, mode) + 0 * x

    def slope(x):
        with tf.GradientTape() as tape:
            tape.watch(x)
            y = value(x)
        return tape.gradient(y, x, unconnected_gradients=tf.UnconnectedGradients.ZERO) + 0 * x

    functions = [slope] if mode == "ste" else [value, slope]
    worst = 0.0
    for f in functions:
        theoretical, numerical = tf.test.compute_gradient(f, [x0], delta=delta)
        t, n = np.diag(theoretical[0]), np.diag(numerical[0])
        worst = max(worst, float(np.max(np.abs(t - n) / np.maximum(1.0, np.abs(t)))))
    # in ste mode the forward is the hard function: only its gradient is smooth
    for name in a.float_params if mode == "soft" else ():
        domain = a.params[name].valid_set
        if not (domain.contains(floats[name] - delta) and domain.contains(floats[name] + delta)):
            continue  # central differences would leave the domain
        p0 = tf.constant(floats[name], tf_dtype)

        def of_param(p, name=name):
            return _call(fn, a, x0, {**floats, name: p}, ints, mode)

        theoretical, numerical = tf.test.compute_gradient(of_param, [p0], delta=delta)
        t, n = theoretical[0].ravel(), numerical[0].ravel()
        worst = max(worst, float(np.max(np.abs(t - n) / np.maximum(1.0, np.abs(t)))))
    measurement.finite_difference = max(measurement.finite_difference, worst)
    if worst > FD_TOLERANCE[dtype_name]:
        measurement.failures.append(f"{label}: finite differences disagree by {worst:.3g} (relative)")
