# Generated from template templates/tensorflow/_runtime.py.jinja and spec derive/catalog.py.
# Do NOT modify by hand: edit the spec or the template, then run
#     python scripts/regenerate_ops.py
"""Runtime support shared by every generated op.

Argument checks with messages that name the op, the parameter, the value and
the valid range; dtype handling (half precision computes in float32); and the
gradient wiring: the forward kernel's residuals feed the backward kernel,
each operation gives GradientTapes its vector-Jacobian product and
ForwardAccumulators its Jacobian-vector product, and the first derivatives
are again such an operation (with the exact Hessian), so second derivatives
are exact in any mix of reverse and forward mode; and non-finite x: NaN
gives NaN, +-inf the hard function's value there, and both a zero gradient
(a clipped op's gradient at +-inf: its limit, the one at the largest float).

Kernels run compiled with XLA (tf.function(jit_compile=True)): each fuses
into one loop over the tensor. The forward kernel then saves nothing: the
backward kernel recomputes from x and multiplies by the upstream gradient in
the same loop. DIFFROUND_XLA=0 in the environment, or set_xla(False), runs
the kernels op by op instead, with residuals.
"""

import os

import numpy as np
import tensorflow as tf

# GradientTapes' and ForwardAccumulators' own recording: is one active, record
# an operation with its exact gradient and JVP, stop recording
from tensorflow.python.eager import record as _tapes

from .. import _arguments

# the op modules take these from here
from .._arguments import BoolParam, IntParam, SurrogateChoice, check_mode, symmetric  # noqa: F401

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


class FloatParam(_arguments.FloatParam):
    """A float parameter: a Python number, or a float tensor/variable that
    broadcasts with x and then gets its exact partial derivative."""

    def check(self, op, value):
        """Return (value, is_tensor); raise for wrong types or values."""
        number = self.check_number(op, value)
        if number is not None:
            return number, False
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


# A compiled value or backward kernel applies NonFiniteX's rule in its own loop,
# where it costs no pass over x


def _beyond_finite(x, at_inf):
    """The value where x is not finite: NaN for NaN, ``at_inf`` for +-inf."""
    return tf.where(tf.math.is_nan(x), x, at_inf)


def _masked_value(hard):
    """Wraps a value kernel: NaN where x is NaN, at +-inf the hard function's
    value there (``hard``, a kernel; x itself for an op without one)."""

    def wrap(kernel):
        def value(x, *args):
            at_inf = x if hard is None else hard(x, *args)[0][0]
            return tf.where(tf.math.is_finite(x), kernel(x, *args)[0][0], _beyond_finite(x, at_inf))

        return value

    return wrap


def _masked_hard(kernel):
    def hard(x, *args):
        return _beyond_finite(x, kernel(x, *args)[0][0])

    return hard


def _largest_for_inf(x):
    """x with the largest finite floats for +-inf and 0 for NaN: where a
    clipped op's derivatives are constant, their limits at +-inf."""
    largest = x.dtype.max
    return tf.where(tf.math.is_nan(x), tf.zeros_like(x), tf.clip_by_value(x, -largest, largest))


def _derivatives_kept(x, clipped):
    """Where the derivatives are the kernels': finite x, or a clipped op's non-NaN x."""
    return ~tf.math.is_nan(x) if clipped else tf.math.is_finite(x)


def _masked_vector_jacobian(clipped):
    """dy times each derivative; dy * 0 where x is not finite (NaN for a NaN
    dy), or for a clipped op where x is NaN (at +-inf its limits)."""

    def wrap(kernel):
        def vector_jacobian(dy, x, *args):
            kept = _derivatives_kept(x, clipped)
            if clipped:
                x = _largest_for_inf(x)
            return [tf.where(kept, dy * d, dy * tf.zeros_like(d)) for d in kernel(x, *args)[0]]

        return vector_jacobian

    return wrap


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
        self.value_xla, self.gradient_xla = xla
        self.compiled_value = None  # by for_op, which knows the value at +-inf
        self.compiled_gradient = _compiled(self.gradient_xla, _outputs)
        self.compiled_vector_jacobian = None  # by for_op, which knows the derivatives at +-inf

    def for_op(self, hard, clipped):
        """Compiles the value kernel and the vector-Jacobian product, given the
        op's hard kernel (or None) and whether it is clipped."""
        self.compiled_value = _compiled(self.value_xla, _masked_value(hard))
        self.compiled_vector_jacobian = _compiled(self.gradient_xla, _masked_vector_jacobian(clipped))
        return self

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


# A sum or repeated step of at most this many steps is unrolled: XLA fuses the
# unrolled steps into one pass over the tensor. A longer one is a tf.while_loop
# (maximum_iterations set, so that XLA compiles it and its gradient), whose
# graph and compile time do not grow with the count.
UNROLLED_STEPS = 8


def divided(a, b):
    """a / b, one division, in a tf.function too: there Grappler's constant
    folding turns a division by a constant into a product with its reciprocal,
    which rounds twice (a quantizer's x / scale with a Python float scale), but
    leaves DivNoNan alone. Where b is 0, DivNoNan's 0 becomes a / b (+-inf or
    NaN, which the product with the reciprocal 1/0 = inf gives as well)."""
    return tf.where(tf.math.equal(b, 0), a / b, tf.math.divide_no_nan(a, b))


def summed(term, first, last):
    """term(first) + term(first + 1) + ... + term(last), in that order; a
    looped term gets its index as a scalar tensor of the sum's dtype."""
    if last - first < UNROLLED_STEPS:
        return sum(term(j) for j in range(first, last + 1))
    total = tf.convert_to_tensor(term(first))

    def step(j, total):
        return j + 1, total + term(tf.cast(j, total.dtype))

    _, total = tf.while_loop(
        lambda j, total: j <= last, step, (tf.constant(first + 1), total), maximum_iterations=last - first
    )
    return total


def repeated(count, step, state):
    """``state = step(*state)``, ``count`` times."""
    if count <= UNROLLED_STEPS:
        for _ in range(count):
            state = step(*state)
        return state
    # after one step every part is a tensor; a loop carries them at one shape and dtype
    state = [tf.convert_to_tensor(s) for s in step(*state)]
    dtype = next(s.dtype for s in state if s.dtype.is_floating)
    state = [tf.cast(s, dtype) for s in state]
    state = tuple(broadcast_with(s, state) for s in state)
    return tf.while_loop(lambda *state: True, lambda *state: step(*state), state, maximum_iterations=count - 1)


class NonFiniteX:
    """Where x is NaN or +-inf, the kernels' formulas do not apply.

    The value there is NaN for NaN, and for +-inf the hard function's value at
    +-inf (x itself for an op without one: round-like, f(x) - x bounded). Every
    derivative there is 0: the value does not depend on x or the parameters,
    and a NaN x whose output a caller masks out (tf.where) then adds nothing to
    the parameters' gradients (an output left NaN still makes the loss NaN).
    A clipped op's value at +-inf does depend on the parameters that set the
    clip (``clipped``): its derivatives there are their limits, the kernels'
    at the largest finite float, and 0 where x is NaN.
    The compiled value and backward kernels apply this rule in their own loop
    (the residuals of a value kernel are unused there: XLA drops their
    computation). Elsewhere all-finite x, the common case, costs one check:
    eagerly a Python branch (a small tensor on the CPU through NumPy, which
    reads it in place and saves TensorFlow's per-op overhead), in a graph a
    tf.cond.
    """

    NUMPY_CHECK_SIZE = 1 << 16

    def __init__(self, x, clipped=False):
        self.x = x
        self.clipped = clipped
        if not tf.executing_eagerly():
            self.all_finite = tf.reduce_all(tf.math.is_finite(x))
        elif x.device.endswith("CPU:0") and (x.shape.num_elements() or 0) <= self.NUMPY_CHECK_SIZE:
            self.all_finite = bool(np.isfinite(x.numpy()).all())
        else:
            self.all_finite = bool(tf.reduce_all(tf.math.is_finite(x)))

    def _patch(self, value, replacement, kept=tf.math.is_finite):
        if self.all_finite is True:
            return value

        def patched():
            return tf.where(kept(self.x), value, replacement())

        if self.all_finite is False:
            return patched()
        return tf.cond(self.all_finite, lambda: tf.identity(value), patched)

    def value(self, y, hard_value):
        """``hard_value()``: the hard function at x, or None."""

        def limit():
            return _beyond_finite(self.x, self.x if hard_value is None else hard_value())

        return self._patch(y, limit)

    def derivative(self, d):
        return self._patch(d, lambda: tf.zeros_like(d), kept=lambda x: _derivatives_kept(x, self.clipped))

    def finite(self, x):
        """x with 0 where it is not finite (a clipped op: with the largest
        finite floats for +-inf): a kernel's ops there stay finite, and so
        does their own gradient (a NaN times the masked 0 would not)."""
        if self.all_finite is True:
            return x
        if self.clipped:
            return _largest_for_inf(x)
        return tf.where(tf.math.is_finite(x), x, tf.zeros_like(x))

    def for_kernels(self, x):
        """What the first-derivative kernels take for x: a clipped op's
        finite x; x itself for the others, whose derivatives at +-inf are 0."""
        return self.finite(x) if self.clipped else x


class Op:
    """One approximation: validates arguments, picks kernels, wires gradients."""

    def __init__(self, name, params, modes, hard, kernels, hard_xla=None, regimes=(), clipped=False):
        self.name = name
        self.params = params
        self.modes = modes
        self.hard = hard
        self.clipped = clipped
        self.kernels = {tag: k.for_op(hard, clipped) for tag, k in kernels.items()}
        # (tag, predicate): with every float parameter a Python number, the
        # kernels of the first regime whose predicate holds for their values
        self.regimes = regimes
        self.compiled_hard = _compiled(hard_xla, _masked_hard)

    # Inside a tf.function, autograph would convert this code and every
    # kernel it calls, once per op and process, at more cost than tracing
    # them: none of it branches on a tensor's value in a graph.
    @tf.autograph.experimental.do_not_convert
    def __call__(self, x, values, mode, name=None):
        check_mode(self.name, self.modes, mode)
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
            else:
                param.check_in_dtype(self.name, value, compute.as_numpy_dtype, compute.name, x.dtype.name)
            checked.append(value)
            watched.append(is_tensor)
        tensors = iter(watched)
        with tf.name_scope(name or self.name):
            arguments = []
            for param, value in zip(self.params, checked):
                if isinstance(param, FloatParam):
                    if next(tensors):  # a Python float's value is checked already
                        # a variable is read here, where tapes see the read
                        value = tf.cast(tf.convert_to_tensor(value), compute)
                        param.check_values(self.name, value)
                    elif tf.executing_eagerly():
                        # a Python float goes straight to the compute dtype: tf.cast
                        # would round it through float32 first
                        value = tf.constant(value, compute)
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
        name, clipped = self.name, self.clipped

        def call(x, arguments):
            def merged(x, floats):
                # in a graph a Python float becomes a constant where it is used:
                # a gradient's gradient that refers to a tensor made outside it
                # cannot be differentiated by an accumulator outside a tf.function
                args = [tf.constant(a, x.dtype) if isinstance(a, float) else a for a in arguments]
                for slot, value in zip(float_slots, floats):
                    args[slot] = value
                return (x, *args)

            def value(x, *floats):
                args = merged(*_unrecorded(x, floats))
                compiled = XLA

                def hard_value():
                    if compiled and compiled_hard is not None:
                        return compiled_hard(*args)
                    return hard(*args)[0][0]

                residuals = non_finite = None  # a compiled kernel needs no NonFiniteX
                if mode == "soft" and compiled and kernels.compiled_value is not None:
                    y = kernels.compiled_value(*args)
                elif mode == "soft":
                    non_finite = NonFiniteX(x, clipped)
                    (y,), residuals = kernels.value(*args)
                else:
                    non_finite = None if compiled and compiled_hard is not None else NonFiniteX(x, clipped)
                    y = hard_value()
                # the hard function ignores some parameters (steepness), and a
                # compiled kernel may not see every one: the output still has
                # the shape of x broadcast with every parameter
                y = broadcast_with(y, floats)
                if non_finite is not None:
                    y = non_finite.value(y, None if hard is None else hard_value)
                if not tf.executing_eagerly():
                    # the backward recomputes from x: a tf.function's backward
                    # that refers to the forward's intermediates cannot be
                    # differentiated again by an accumulator outside it
                    residuals = non_finite = None
                derivatives = _Derivatives(kernels, merged, residuals, non_finite, clipped)

                def vector_jacobian(dy):
                    if compiled and kernels.compiled_vector_jacobian is not None:
                        grads = derivatives.fused_vector_jacobian(dy, x, floats)
                    else:
                        grads = [dy * d for d in derivatives.first(x, floats)]
                    return [sum_to_shape(g, t) for g, t in zip(grads, (x, *floats))]

                def jacobian_vector(*tangents):
                    return [broadcast_with(_dot(derivatives.first(x, floats), tangents), [y])]

                return [y], vector_jacobian, jacobian_vector

            floats = [arguments[i] for i in float_slots]
            floats = [tf.constant(f, x.dtype) if isinstance(f, float) else f for f in floats]
            return _operation(name, value, [x, *floats])[0]

        return call


def _recorded():
    """Whether a tape could record this call: always in a graph (gradients
    come after tracing); eagerly only while a GradientTape or a
    ForwardAccumulator is active. A custom gradient's wiring costs 0.1 to
    0.2 ms per eager call here, as much as an XLA kernel's launch."""
    return not tf.executing_eagerly() or _tapes.could_possibly_record()


def _operation(name, function, inputs):
    """The outputs of ``function(*inputs)`` as one differentiable operation.

    ``function`` returns (outputs, vector_jacobian, jacobian_vector): the
    outputs; one gradient per input given one upstream gradient per output;
    one tangent per output given one tangent per input (None: zero).
    GradientTapes get vector_jacobian, ForwardAccumulators jacobian_vector.
    Without it an accumulator would transpose vector_jacobian through its own
    tapes, which sees nothing a GradientTape inside it records, and in a graph
    it takes a custom gradient's JVP from the forward's own ops instead.
    In a graph, tf.custom_gradient gives vector_jacobian to symbolic gradients
    too (tf.gradients, the backward of a tf.function a tape watches from
    outside). Eagerly with no tape or accumulator active, nothing is wired.
    """
    if not _recorded():
        return function(*inputs)[0]
    if tf.executing_eagerly():
        with _tapes.stop_recording():  # the forward's own ops stay off the tapes
            outputs, vector_jacobian, jacobian_vector = function(*inputs)
            # an output that is an input would be a cycle on the tape
            outputs = [tf.identity(o) if any(o is i for i in inputs) else o for o in outputs]
    else:
        wiring = []

        def forward(*args):
            outputs, vector_jacobian, jacobian_vector = function(*args)
            wiring.append((vector_jacobian, jacobian_vector))
            return outputs, vector_jacobian

        with _tapes.stop_recording():  # tapes and accumulators get the record below
            outputs = list(tf.custom_gradient(forward)(*inputs))
        ((vector_jacobian, jacobian_vector),) = wiring
    _tapes.record_operation(name, outputs, inputs, vector_jacobian, jacobian_vector)
    return outputs


def _unrecorded(x, floats):
    """The kernels' inputs. In a graph, cut from x and the parameters:
    symbolic gradients follow tf.custom_gradient's override, and a compiled
    kernel wired for gradients would keep every intermediate as an extra
    output for a gradient never taken. Eagerly the kernels run while nothing
    records (stop_recording), which costs no op."""
    if tf.executing_eagerly():
        return x, floats
    return tf.stop_gradient(x), [tf.stop_gradient(f) for f in floats]


def _dot(vectors, others):
    """sum_i vectors[i] * others[i] over the pairs where others[i] is not None,
    or None; a zero in ``others`` contributes zero, even against an entry that
    overflowed (e.g. (x - c)**2 * 0 at |x| = 1e30)."""
    terms = [tf.math.multiply_no_nan(v, o) for v, o in zip(vectors, others) if o is not None]
    return tf.add_n(terms) if terms else None


class _Derivatives:
    """The first and second derivatives of one call of an op, each again a
    differentiable operation, so that any mix of GradientTapes and
    ForwardAccumulators gets exact first and second derivatives from the
    derivative kernels. The third derivative is TensorFlow's autodiff of the
    Hessian kernel's ops (hessian_products are plain ops on x), zeros where
    that kernel does not depend on x.

    Each function refers only to its own inputs (x, floats), never to the
    caller's tensors: in a tf.function, a gradient's gradient that refers to
    a tensor from outside it cannot be differentiated again by an accumulator
    outside the function."""

    def __init__(self, kernels, merged, residuals, non_finite, clipped):
        self.kernels = kernels
        self.merged = merged
        self.residuals = residuals
        self.forward_non_finite = non_finite
        self.clipped = clipped

    def non_finite(self, x):
        """The forward's NonFiniteX (eagerly), or a new one for x (in a graph)."""
        return self.forward_non_finite or NonFiniteX(x, self.clipped)

    def first(self, x, floats):
        """The first derivatives, one per input, of the output's shape."""

        def function(x, *floats):
            x_in, floats_in = _unrecorded(x, floats)
            non_finite = self.non_finite(x)
            args = self.merged(non_finite.for_kernels(x_in), floats_in)
            # a clipped op's forward residuals at +-inf are not its kernels' at the largest float
            residuals = None if self.clipped and non_finite.all_finite is not True else self.residuals
            derivatives = [non_finite.derivative(d) for d in self.kernels.first(args, residuals)]

            def vector_jacobian(*upstream):
                products = self.hessian_products(upstream, x, floats)
                return [None if g is None else sum_to_shape(g, t) for g, t in zip(products, (x, *floats))]

            def jacobian_vector(*tangents):
                products = self.hessian_products(tangents, x, floats)
                return [None if h is None else broadcast_with(h, [d]) for h, d in zip(products, derivatives)]

            return derivatives, vector_jacobian, jacobian_vector

        return _operation("first_derivatives", function, [x, *floats])

    def fused_vector_jacobian(self, dy, x, floats):
        """dy times each first derivative, in one compiled kernel."""

        def function(dy, x, *floats):
            args = self.merged(*_unrecorded(x, floats))
            detached_dy = dy if tf.executing_eagerly() else tf.stop_gradient(dy)
            products = self.kernels.compiled_vector_jacobian(detached_dy, *args)

            def vector_jacobian(*upstream):
                upstream = [tf.zeros_like(p) if u is None else u for u, p in zip(upstream, products)]
                by_dy = sum_to_shape(_dot(self.first(x, floats), upstream), dy)
                by_inputs = self.hessian_products([dy * u for u in upstream], x, floats)
                return [by_dy, *(None if g is None else sum_to_shape(g, t) for g, t in zip(by_inputs, (x, *floats)))]

            def jacobian_vector(dy_tangent, *tangents):
                first = self.first(x, floats)
                second = self.hessian_products(tangents, x, floats)
                result = []
                for d, h, p in zip(first, second, products):
                    terms = [] if dy_tangent is None else [tf.math.multiply_no_nan(d, dy_tangent)]
                    terms += [] if h is None else [dy * h]
                    result.append(broadcast_with(tf.add_n(terms), [p]) if terms else None)
                return result

            return products, vector_jacobian, jacobian_vector

        return _operation("vector_jacobian", function, [dy, x, *floats])

    def hessian_products(self, vectors, x, floats):
        """The Hessian times ``vectors`` (one per input, None: zero), one row
        per input. Plain ops on x: their own gradient is TensorFlow's autodiff
        of the Hessian kernel, the third derivative."""
        if all(v is None for v in vectors):
            return [None] * len(vectors)
        non_finite = self.non_finite(x)
        finite_x = non_finite.finite(x)
        args = self.merged(finite_x, floats)
        upper = [_connected(non_finite.derivative(h), [finite_x, *floats]) for h in self.kernels.hessian(*args)[0]]
        return [_dot(row, vectors) for row in symmetric(upper, len(vectors))]


def _connected(value, inputs):
    """``value``, its gradient with respect to each of ``inputs`` zero where
    it does not depend on them (a Hessian kernel constant in x): a third
    derivative is then zeros, not None."""
    never = tf.zeros([], tf.bool)
    for tensor in inputs:
        value = tf.where(never, tf.cast(tensor, value.dtype), value)
    return value
