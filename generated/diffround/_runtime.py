# Generated from template templates/package/_runtime.py.jinja and spec derive/catalog.py.
# Do NOT modify by hand: edit the spec or the template, then run
#     python scripts/regenerate_ops.py
"""Runtime support shared by every generated op.

Argument checks with messages that name the op, the parameter, the value and
the valid range; dtype handling (half precision computes in float32); and the
custom-gradient wiring: the forward kernel's residuals feed the backward
kernel, and the backward kernel has its own custom gradient (the exact
Hessian), so gradients of gradients are exact too; and non-finite x: NaN
gives NaN, +-inf the hard function's value there, and both a zero gradient.

Kernels run compiled with XLA (tf.function(jit_compile=True)): each fuses
into one loop over the tensor. The forward kernel then saves nothing: the
backward kernel recomputes from x and multiplies by the upstream gradient in
the same loop. DIFFROUND_XLA=0 in the environment, or set_xla(False), runs
the kernels op by op instead, with residuals.
"""

import math
import numbers
import os

import numpy as np
import tensorflow as tf

try:  # TensorFlow's own test for an active GradientTape or ForwardAccumulator
    from tensorflow.python.eager.record import could_possibly_record as _could_record
except ImportError:  # not in this TensorFlow: assume one is always active

    def _could_record():
        return True


XLA = os.environ.get("DIFFROUND_XLA", "1").strip().lower() not in ("0", "false", "no", "off")


def set_xla(enabled):
    """Compile the kernels with XLA (True, the default) or run them op by op."""
    global XLA
    XLA = bool(enabled)


FLOAT_DTYPES = (tf.float16, tf.bfloat16, tf.float32, tf.float64)
HALF_DTYPES = (tf.float16, tf.bfloat16)


def _dtype_names():
    return ", ".join(d.name for d in FLOAT_DTYPES)


def _is_tensor_like(value):
    return isinstance(value, (tf.Tensor, tf.Variable, np.ndarray)) or tf.is_tensor(value)


def as_float_tensor(op, value):
    """x as a floating tensor, or a TypeError naming its dtype."""
    if isinstance(value, (bool, np.bool_)):
        raise TypeError(f"{op}: x must be a floating tensor ({_dtype_names()}), got a bool")
    try:
        tensor = tf.convert_to_tensor(value)
    except (TypeError, ValueError):
        raise TypeError(f"{op}: x must be a floating tensor ({_dtype_names()}), got {type(value).__name__}") from None
    if tensor.dtype not in FLOAT_DTYPES:
        raise TypeError(f"{op}: x must be a floating tensor ({_dtype_names()}), got dtype {tensor.dtype.name}")
    return tensor


class FloatParam:
    """A float parameter: a Python number, or a float tensor/variable that
    broadcasts with x and then gets its exact partial derivative."""

    def __init__(self, name, default, low, high, low_open, high_open):
        self.name = name
        self.default = default
        self.low, self.high = low, high
        self.low_open, self.high_open = low_open, high_open

    @property
    def domain(self):
        left = "(" if self.low_open else "["
        right = ")" if self.high_open else "]"
        return f"{left}{self.low:g}, {self.high:g}{right}"

    def _contains(self, values):
        low_ok = values > self.low if self.low_open else values >= self.low
        high_ok = values < self.high if self.high_open else values <= self.high
        return low_ok & high_ok

    def check(self, op, value):
        """Return (value, is_tensor); raise for wrong types or values."""
        if isinstance(value, (bool, np.bool_)):
            raise TypeError(f"{op}: {self.name} must be a float or a float tensor, got a bool")
        if isinstance(value, numbers.Real):
            value = float(value)
            if not (math.isfinite(value) and self._contains(value)):
                raise ValueError(f"{op}: {self.name} must be in {self.domain}, got {value!r}")
            return value, False
        if not _is_tensor_like(value):
            raise TypeError(f"{op}: {self.name} must be a float or a float tensor, got {type(value).__name__}")
        dtype = tf.as_dtype(value.dtype)
        if dtype not in FLOAT_DTYPES:
            raise TypeError(f"{op}: {self.name} must be a floating tensor ({_dtype_names()}), got dtype {dtype.name}")
        return value, True

    def check_values(self, op, tensor):
        """Check a tensor's values: eagerly a ValueError, in a graph an assertion."""
        message = f"{op}: {self.name} must be in {self.domain}"
        valid = tf.reduce_all(self._contains(tensor) & tf.math.is_finite(tensor))
        if tf.executing_eagerly():
            if not bool(valid):
                values = tf.reshape(tensor, [-1])
                bad = tf.boolean_mask(values, ~(self._contains(values) & tf.math.is_finite(values)))
                raise ValueError(f"{message}, got {float(bad[0])!r}")
        else:
            tf.debugging.Assert(valid, [message])


class IntParam:
    """A structural parameter: a Python int fixed at trace time."""

    def __init__(self, name, default, low, high):
        self.name = name
        self.default = default
        self.low, self.high = low, high

    @property
    def domain(self):
        if self.high is None:
            return f"an int >= {self.low}"
        return f"an int in [{self.low}, {self.high}]"

    def check(self, op, value):
        if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Integral):
            raise TypeError(
                f"{op}: {self.name} must be a Python int ({self.domain}), got {value!r} ({type(value).__name__})"
            )
        value = int(value)
        if value < self.low or (self.high is not None and value > self.high):
            raise ValueError(f"{op}: {self.name} must be {self.domain}, got {value!r}")
        return value


def _check_broadcast(op, name, value, x):
    """A ValueError naming both shapes if a tensor parameter cannot broadcast with x."""
    try:
        tf.broadcast_static_shape(tf.TensorShape(value.shape), x.shape)
    except ValueError:
        raise ValueError(
            f"{op}: {name} of shape {tuple(value.shape)} does not broadcast with x of shape {tuple(x.shape)}"
        ) from None


class _Compiled:
    """A function compiled with XLA. An eager call goes straight to the
    concrete function traced for its dtypes, ranks and Python ints
    (tf.function's own per-call signature matching costs as much as a small
    kernel); XLA compiles it once for each shape it meets."""

    def __init__(self, function):
        self.function = tf.function(function, jit_compile=True, autograph=False)
        self.concrete = {}

    def __call__(self, *args):
        if not tf.executing_eagerly():
            return self.function(*args)
        key = tuple((a.dtype, a.shape.rank) if tf.is_tensor(a) else a for a in args)
        concrete = self.concrete.get(key)
        if concrete is None:
            specs = [tf.TensorSpec([None] * a.shape.rank, a.dtype) if tf.is_tensor(a) else a for a in args]
            concrete = self.concrete[key] = self.function.get_concrete_function(*specs)
        return concrete(*args)


def _compiled(kernel, wrap):
    """``wrap(kernel)`` compiled with XLA, or None for a kernel that is not."""
    return None if kernel is None else _Compiled(wrap(kernel))


def _outputs(kernel):
    def outputs(*args):
        return kernel(*args)[0]

    return outputs


def _first_output(kernel):
    def first_output(*args):
        return kernel(*args)[0][0]  # residuals unused: XLA drops their computation

    return first_output


def _vector_jacobian(kernel):
    def vector_jacobian(dy, *args):
        return [dy * d for d in kernel(*args)[0]]

    return vector_jacobian


class Kernels:
    """The generated functions of one derivative variant ("x" or "all"), and
    the XLA forms of value and gradient (None: not compiled). The Hessian runs
    op by op: XLA's own exp and sigmoid are up to 1.4 and 2 ULP off
    TensorFlow's in float64, which the Hessian's terms amplify past the
    verifier's bound (7.6 ULP in swish_sign's d2/dx dbeta); and it is only
    needed for gradients of gradients."""

    def __init__(self, value, gradient_from_residuals, gradient, hessian, xla=(None, None)):
        self.value = value
        self.gradient_from_residuals = gradient_from_residuals
        self.gradient = gradient
        self.hessian = hessian
        value_xla, gradient_xla = xla
        self.compiled_value = _compiled(value_xla, _first_output)
        self.compiled_gradient = _compiled(gradient_xla, _outputs)
        self.compiled_vector_jacobian = _compiled(gradient_xla, _vector_jacobian)

    def first(self, args, residuals):
        if XLA and self.compiled_gradient is not None:
            return self.compiled_gradient(*args)
        if residuals is not None and self.gradient_from_residuals is not None:
            return self.gradient_from_residuals(*args, *residuals)[0]
        return self.gradient(*args)[0]


def sum_to_shape(grad, like):
    """Undo broadcasting: sum ``grad`` down to the shape of ``like``."""
    if grad.shape.is_fully_defined() and grad.shape == like.shape:
        return grad
    shape = tf.shape(like)
    _, axes = tf.raw_ops.BroadcastGradientArgs(s0=tf.shape(grad), s1=shape)
    return tf.reshape(tf.reduce_sum(grad, axis=axes), shape)


def broadcast_with(y, tensors):
    """y broadcast with the shapes of ``tensors``: statically where they are known."""
    shape = y.shape
    for tensor in tensors:
        shape = tf.broadcast_static_shape(shape, tensor.shape)
    if shape == y.shape and shape.is_fully_defined():
        return y
    if not shape.is_fully_defined():
        shape = tf.shape(y)
        for tensor in tensors:
            shape = tf.broadcast_dynamic_shape(shape, tf.shape(tensor))
    return tf.broadcast_to(y, shape)


def _symmetric(upper, n):
    """Full n-by-n lookup from the row-major upper triangle."""
    index, full = 0, [[None] * n for _ in range(n)]
    for i in range(n):
        for k in range(i, n):
            full[i][k] = full[k][i] = upper[index]
            index += 1
    return full


class NonFiniteX:
    """Where x is NaN or +-inf, the kernels' formulas do not apply.

    The value there is NaN for NaN, and for +-inf the hard function's value at
    +-inf (x itself for an op without one: round-like, f(x) - x bounded). Every
    derivative there is 0: the value does not depend on x or the parameters,
    and a NaN x whose output a caller masks out (tf.where) then adds nothing to
    the parameters' gradients (an output left NaN still makes the loss NaN).
    All-finite x, the common case, costs one check: eagerly a Python branch
    (a small tensor on the CPU through NumPy, which reads it in place and
    saves TensorFlow's per-op overhead), in a graph a tf.cond.
    """

    NUMPY_CHECK_SIZE = 1 << 16

    def __init__(self, x):
        self.x = x
        if not tf.executing_eagerly():
            self.all_finite = tf.reduce_all(tf.math.is_finite(x))
        elif x.device.endswith("CPU:0") and (x.shape.num_elements() or 0) <= self.NUMPY_CHECK_SIZE:
            self.all_finite = bool(np.isfinite(x.numpy()).all())
        else:
            self.all_finite = bool(tf.reduce_all(tf.math.is_finite(x)))

    def _patch(self, value, replacement):
        if self.all_finite is True:
            return value

        def patched():
            return tf.where(tf.math.is_finite(self.x), value, replacement())

        if self.all_finite is False:
            return patched()
        return tf.cond(self.all_finite, lambda: tf.identity(value), patched)

    def value(self, y, hard_value):
        """``hard_value()``: the hard function at x, or None."""

        def limit():
            at_inf = self.x if hard_value is None else hard_value()
            return tf.where(tf.math.is_nan(self.x), self.x, at_inf)

        return self._patch(y, limit)

    def derivative(self, d):
        return self._patch(d, lambda: tf.zeros_like(d))

    def vector_jacobian(self, product, dy):
        """``product``, dy times a first derivative, as dy times the masked
        derivative: dy * 0 where x is not finite (NaN for a NaN dy, as unfused)."""
        return self._patch(product, lambda: dy * tf.zeros_like(product))


class Op:
    """One approximation: validates arguments, picks kernels, wires gradients."""

    def __init__(self, name, params, modes, hard, kernels, hard_xla=None, regimes=()):
        self.name = name
        self.params = params
        self.modes = modes
        self.hard = hard
        self.kernels = kernels
        # (tag, predicate): with every float parameter a Python number, the
        # kernels of the first regime whose predicate holds for their values
        self.regimes = regimes
        self.compiled_hard = _compiled(hard_xla, _first_output)

    def __call__(self, x, values, mode, name=None):
        if not isinstance(mode, str) or mode not in self.modes:
            choices = ", ".join(repr(m) for m in self.modes)
            raise ValueError(f"{self.name}: mode must be one of {choices}, got {mode!r}")
        x = as_float_tensor(self.name, x)
        compute = tf.float32 if x.dtype in HALF_DTYPES else x.dtype
        checked, watched = [], []
        for param in self.params:
            value = values[param.name]
            if isinstance(param, IntParam):
                checked.append(param.check(self.name, value))
                continue
            value, is_tensor = param.check(self.name, value)
            if is_tensor:
                _check_broadcast(self.name, param.name, value, x)
            checked.append(value)
            watched.append(is_tensor)
        tensors = iter(watched)
        with tf.name_scope(name or self.name):
            arguments = []
            for param, value in zip(self.params, checked):
                if isinstance(param, FloatParam):
                    # a Python float goes straight to the compute dtype: tf.cast would
                    # round it through float32 first
                    value = tf.cast(value, compute) if tf.is_tensor(value) else tf.constant(value, compute)
                    if next(tensors):  # a Python float's value is checked already
                        param.check_values(self.name, value)
                arguments.append(value)
            y = self._differentiable(mode, self._variant(checked, watched))(tf.cast(x, compute), arguments)
            return tf.cast(y, x.dtype)

    def _variant(self, checked, watched):
        if any(watched):
            return "all"
        floats = {p.name: v for p, v in zip(self.params, checked) if isinstance(p, FloatParam)}
        return next((tag for tag, holds in self.regimes if holds(**floats)), "x")

    def _differentiable(self, mode, variant):
        kernels = self.kernels[variant]
        with_params = variant == "all"
        float_slots = [i for i, p in enumerate(self.params) if isinstance(p, FloatParam)] if with_params else []
        hard, compiled_hard = self.hard, self.compiled_hard

        def call(x, arguments):
            def merged(x, floats):
                args = list(arguments)
                for slot, value in zip(float_slots, floats):
                    args[slot] = value
                return (x, *args)

            def forward(x, *floats):
                detached_x, detached_floats = _detached(x, floats)
                args = merged(detached_x, detached_floats)
                non_finite = NonFiniteX(detached_x)
                compiled = XLA

                def hard_value():
                    if compiled and compiled_hard is not None:
                        return compiled_hard(*args)
                    return hard(*args)[0][0]

                residuals = None
                if mode == "soft" and compiled and kernels.compiled_value is not None:
                    y = kernels.compiled_value(*args)
                elif mode == "soft":
                    (y,), residuals = kernels.value(*args)
                else:
                    y = hard_value()
                # the hard function ignores some parameters (steepness), and a
                # compiled kernel may not see every one: the output still has
                # the shape of x broadcast with every parameter
                y = broadcast_with(y, detached_floats)
                y = non_finite.value(y, None if hard is None else hard_value)

                def backward(dy):
                    if compiled and kernels.compiled_vector_jacobian is not None:
                        grads = _fused_vector_jacobian(kernels, merged, non_finite, _recorded())(dy, x, *floats)
                    else:
                        first = _first_order(kernels, merged, residuals, non_finite)(x, *floats)
                        grads = [dy * d for d in first]
                    return [sum_to_shape(g, t) for g, t in zip(grads, (x, *floats))]

                return y, backward

            floats = [arguments[i] for i in float_slots]
            if not _recorded():  # no gradient can be asked for: skip the wiring
                return forward(x, *floats)[0]
            return tf.custom_gradient(forward)(x, *floats)

        return call


def _detached(x, floats):
    """The kernels' inputs, unseen by any tape: a custom gradient's forward
    runs while tapes record, and a recorded kernel would keep every
    intermediate (a compiled one: as extra outputs) for a gradient never taken."""
    return tf.stop_gradient(x), [tf.stop_gradient(f) for f in floats]


def _recorded():
    """Whether a tape could record this call: always in a graph (gradients
    come after tracing); eagerly only while a tape or accumulator is active.
    A custom gradient's wiring costs 0.1 to 0.2 ms per eager call here, as
    much as an XLA kernel's launch."""
    return not tf.executing_eagerly() or _could_record()


def _fused_vector_jacobian(kernels, merged, non_finite, recorded):
    """dy times each first derivative, in one compiled kernel; its own
    gradient (where a tape records: ``recorded``) goes through _first_order,
    so gradients of gradients stay exact."""

    def vector_jacobian(dy, x, *floats):
        detached_dy = tf.stop_gradient(dy)
        fused = kernels.compiled_vector_jacobian(detached_dy, *merged(*_detached(x, floats)))
        grads = [non_finite.vector_jacobian(g, detached_dy) for g in fused]

        def second(*upstream):
            sources = [dy, x, *floats]
            with tf.GradientTape() as tape:
                tape.watch(sources)
                again = [dy * d for d in _first_order(kernels, merged, None, non_finite)(x, *floats)]
            upstream = [tf.zeros_like(g) if u is None else u for u, g in zip(upstream, again)]
            return tape.gradient(again, sources, output_gradients=upstream)

        return grads, second

    if recorded:
        return tf.custom_gradient(vector_jacobian)
    return lambda *args: vector_jacobian(*args)[0]


def _first_order(kernels, merged, residuals, non_finite):
    """The first derivatives as an op whose own gradient is the exact Hessian."""

    @tf.custom_gradient
    def first(x, *floats):
        args = merged(*_detached(x, floats))
        derivatives = [non_finite.derivative(d) for d in kernels.first(args, residuals)]

        def second(*upstream):
            upper = [non_finite.derivative(h) for h in kernels.hessian(*args)[0]]
            hessian = _symmetric(upper, len(derivatives))
            grads = []
            for row, like in zip(hessian, (x, *floats)):
                # a zero upstream gradient contributes zero, even where an unused
                # Hessian entry overflowed (e.g. (x - c)**2 * 0 at |x| = 1e30)
                terms = [tf.math.multiply_no_nan(h, u) for u, h in zip(upstream, row) if u is not None]
                grads.append(sum_to_shape(tf.add_n(terms), like))
            return grads

        return tuple(derivatives), second

    return first


class SurrogateChoice:
    """A hard function whose gradient comes from a named surrogate op."""

    def __init__(self, name, surrogates, default):
        self.name = name
        self.surrogates = surrogates
        self.default = default

    def __call__(self, x, surrogate, params, name=None):
        if not isinstance(surrogate, str) or surrogate not in self.surrogates:
            choices = ", ".join(repr(s) for s in self.surrogates)
            raise ValueError(f"{self.name}: surrogate must be one of {choices}, got {surrogate!r}")
        op, defaults = self.surrogates[surrogate]
        unknown = sorted(set(params) - set(defaults))
        if unknown:
            allowed = ", ".join(defaults) or "none"
            raise TypeError(
                f"{self.name}: surrogate {surrogate!r} takes the parameters ({allowed}), got {', '.join(unknown)}"
            )
        values = {**defaults, **params}
        try:
            return op(x, mode="ste", name=name or self.name, **values)
        except (TypeError, ValueError) as err:
            # the surrogate op's checks, told in the name the caller used
            prefix = f"{op.__name__}: "
            if not str(err).startswith(prefix):
                raise
            raise type(err)(f"{self.name} (surrogate {surrogate!r}): {str(err)[len(prefix):]}") from None
