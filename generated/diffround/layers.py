# Generated from template templates/keras/layers.py.jinja and spec derive/catalog.py.
# Do NOT modify by hand: edit the spec or the template, then run
#     python scripts/regenerate_ops.py
"""Keras layers, one per op, and the ops registered as Keras activations.

A layer applies its op elementwise, from the backend Keras runs on
(KERAS_BACKEND: tensorflow, jax or torch), so a model saved under one
backend loads under another. Its float parameters are scalar weights:
trainable when named in ``trainable_params`` (an InDomain constraint keeps them
in the op's domain), non-trainable otherwise, so that the Anneal callback can
change them while a compiled training step runs. Integer parameters are fixed.
Layers, the constraint and the ops are registered for Keras serialization
under this package's name; after import each op also works as an activation
given by name: "package>name" always means this package's op, e.g.
``keras.layers.Dense(8, activation="diffround>sigmoid_round")``, and the bare
name does too unless another package took it first.
"""

import contextlib
import importlib
import math
import warnings

import keras
import ml_dtypes
import numpy as np
from keras.src import activations as _keras_activations

from . import _arguments
from ._dispatch import BACKENDS
from ._ops import (
    sigmoid_round,
    sine_round,
    fourier_round,
    sine_staircase_round,
    ste_round,
    sigmoid_step,
    hard_step,
    triangle_step,
    fast_sigmoid_step,
    atan_step,
    ste_sign,
    approx_sign,
    swish_sign,
    soft_round,
    soft_round_inverse,
    heaviside,
    fake_quant,
    pact_quant,
    dsq_quant,
    ternary,
    fake_quant_minmax,
)

PACKAGE = __package__
# the layers call the ops of the backend Keras runs on
BACKEND = keras.backend.backend()
if BACKEND not in BACKENDS:
    raise ImportError(
        f"{PACKAGE}.layers: Keras runs on {BACKEND!r}, and this package has the backends {', '.join(BACKENDS)}"
    )


def _op_of(module):
    """The runtime object (_OP or _CHOICE) of an op module of the backend Keras runs on."""
    return importlib.import_module(f"{PACKAGE}.{BACKEND}.{module}")


def _eagerly():
    """Arguments are checked eagerly, even where a layer is made inside a tf.function."""
    if BACKEND == "tensorflow":
        import tensorflow as tf

        return tf.init_scope()
    return contextlib.nullcontext()


@keras.saving.register_keras_serializable(package=PACKAGE)
class InDomain(keras.constraints.Constraint):
    """Clips a weight into [low, high]; an open end moves one float inside."""

    def __init__(self, low, high, low_open=False, high_open=False):
        self.low, self.high = float(low), float(high)
        self.low_open, self.high_open = bool(low_open), bool(high_open)

    def _bound(self, value, is_open, direction, dtype):
        if not is_open or math.isinf(value):
            return value
        name = keras.backend.standardize_dtype(dtype)
        info = ml_dtypes.finfo(ml_dtypes.bfloat16 if name == "bfloat16" else np.dtype(name))
        # at least one unit in the last place inside, and never a subnormal,
        # which CPU kernels flush to zero
        return value + direction * max(abs(value) * float(info.eps), float(info.tiny))

    def __call__(self, w):
        low = self._bound(self.low, self.low_open, 1.0, w.dtype)
        high = self._bound(self.high, self.high_open, -1.0, w.dtype)
        return keras.ops.clip(w, low, high)

    def get_config(self):
        return {"low": self.low, "high": self.high, "low_open": self.low_open, "high_open": self.high_open}


class _OpLayer(keras.layers.Layer):
    """Shared by every layer: parameters as weights, the op's own checks.

    ``variant`` is the op's mode, or the surrogate of a surrogate choice.
    """

    _none_is_default = False  # a surrogate choice's layer: None for the surrogate's default

    def __init__(self, values, variant, trainable_params, **kwargs):
        super().__init__(**kwargs)
        self.supports_masking = True
        self._variant = variant
        values = {n: v for n, v in values.items() if v is not None or not self._none_is_default}
        # the op's own argument checks, on an empty input, so that bad arguments
        # fail here with the op's message rather than in the first training step
        # (before Keras wraps the values for tracking)
        with _eagerly():
            self._apply(keras.ops.zeros((0,)), values)
        self._values = values
        self._domains = self._float_params()
        for name in self._domains:
            self._values.setdefault(name, self._default(name))
        if isinstance(trainable_params, str) or not all(isinstance(n, str) for n in trainable_params):
            raise TypeError(
                f"{type(self).__name__}: trainable_params must be a list or tuple of parameter names, "
                f"got {trainable_params!r}"
            )
        unknown = [n for n in trainable_params if n not in self._domains]
        if unknown:
            choices = ", ".join(self._domains) or "none"
            raise ValueError(
                f"{type(self).__name__}: trainable_params must name float parameters ({choices}), got {unknown[0]!r}"
            )
        self.trainable_params = tuple(trainable_params)
        self._weights_by_param = {}

    @property
    def float_params(self):
        """Names of the float parameters, each held as a scalar weight."""
        return tuple(self._domains)

    def build(self, input_shape):
        for name, param in self._domains.items():
            trainable = name in self.trainable_params
            constraint = InDomain(param.low, param.high, param.low_open, param.high_open) if trainable else None
            self._weights_by_param[name] = self.add_weight(
                name=name,
                shape=(),
                initializer=keras.initializers.Constant(self._values[name]),
                trainable=trainable,
                constraint=constraint,
                # the op computes half-precision inputs in float32: keep the parameter there
                autocast=False,
            )

    def call(self, inputs):
        values = dict(self._values)
        for name, weight in self._weights_by_param.items():
            values[name] = weight.value
        return self._apply(inputs, values)

    def compute_output_shape(self, input_shape):
        return input_shape

    def get_param(self, name):
        """The parameter's current value."""
        if name in self._weights_by_param:
            return float(keras.ops.convert_to_numpy(self._weights_by_param[name]))
        if name in self._values:
            return self._values[name]
        raise ValueError(f"{type(self).__name__}: no parameter {name!r}")

    def set_param(self, name, value):
        """Set a float parameter, after the op's check of the value."""
        if name not in self._domains:
            choices = ", ".join(self._domains) or "none"
            raise ValueError(f"{type(self).__name__}: set_param takes a float parameter ({choices}), got {name!r}")
        value, _ = self._domains[name].check(self._op_name, value)
        if name in self._weights_by_param:
            self._weights_by_param[name].assign(value)
        else:  # not built yet: the weight starts there
            self._values[name] = value

    def get_config(self):
        config = super().get_config()
        config.update(self._values)
        config.update(self._variant_config())
        config["trainable_params"] = list(self.trainable_params)
        return config


class _ApproximationLayer(_OpLayer):
    _op = None

    @property
    def mode(self):
        return self._variant

    @property
    def _op_name(self):
        return self._op.name

    def _apply(self, x, values):
        return self._op(x, values, self._variant)

    def _float_params(self):
        return {p.name: p for p in self._op.params if isinstance(p, _arguments.FloatParam)}

    def _default(self, name):
        return next(p.default for p in self._op.params if p.name == name)

    def _variant_config(self):
        return {"mode": self._variant} if len(self._op.modes) > 1 else {}


class _SurrogateLayer(_OpLayer):
    _choice = None
    _none_is_default = True
    _surrogate_ops = {}

    def __init__(self, values, variant, trainable_params, mode, **kwargs):
        if mode != "ste":  # the op's own error, naming its only mode
            self._choice(keras.ops.zeros((0,)), variant, {}, None, mode)
        super().__init__(values, variant, trainable_params, **kwargs)

    @property
    def surrogate(self):
        return self._variant

    @property
    def _op_name(self):
        return self._choice.name

    def _apply(self, x, values):
        return self._choice(x, self._variant, values)

    def _float_params(self):
        """The chosen surrogate's parameters that this op lets a caller set."""
        _, defaults = self._choice.surrogates[self._variant]
        domains = {p.name: p for p in self._surrogate_ops[self._variant].params}
        return {name: domains[name] for name in defaults}

    def _default(self, name):
        return self._choice.surrogates[self._variant][1][name]

    def _variant_config(self):
        return {"surrogate": self._variant}


class _QuantizerLayer(_ApproximationLayer):
    """A quantizer's layer: each float parameter has one value per tensor or
    one per channel, the sum of a start and a learned change. The start is a
    non-trainable weight, set from the first batch where the parameter's start
    is a statistic of it; the change is the weight the optimizer moves (from
    0). They are kept apart because a compiled JAX step keeps the
    assignments of non-trainable weights only. The sum is clipped into the
    op's domain."""

    _starts = {}  # parameter -> {label: (statistics, function of the integer parameters and the statistics)}
    _gradient_scale = None  # function of the integer parameters and elements, or None

    def __init__(self, values, mode, trainable_params, per_channel_axis, gradient_scale=False, **kwargs):
        cls = type(self).__name__
        self._first_batch = {}
        for name, value in values.items():
            # a label of a start from the first batch; any other str meets the op's check
            if isinstance(value, str) and name in self._starts:
                labels = self._starts[name]
                if value not in labels:
                    choices = " or ".join([f'"{label}"' for label in labels] + ["a float"])
                    raise ValueError(f"{cls}: {name} must be {choices}, got {value!r}")
                self._first_batch[name] = value
        if per_channel_axis is not None and (
            isinstance(per_channel_axis, bool) or not isinstance(per_channel_axis, int)
        ):
            raise TypeError(f"{cls}: per_channel_axis must be None or an int, got {per_channel_axis!r}")
        if not isinstance(gradient_scale, bool) or (gradient_scale and self._gradient_scale is None):
            raise ValueError(
                f"{cls}: gradient_scale must be a bool (True only where the quantizer has one), got {gradient_scale!r}"
            )
        # a parameter that starts from the first batch has the op's default until then
        defaults = {p.name: p.default for p in self._op.params}
        values = {n: defaults[n] if n in self._first_batch else v for n, v in values.items()}
        super().__init__(values, mode, trainable_params, **kwargs)
        self.per_channel_axis = per_channel_axis
        self.gradient_scale = gradient_scale
        self._starts_by_param, self._changes_by_param = {}, {}

    def build(self, input_shape):
        cls = type(self).__name__
        rank = len(input_shape)
        shape = ()
        if self.per_channel_axis is not None:
            if not 1 <= self.per_channel_axis % max(rank, 1) < rank or not -rank <= self.per_channel_axis < rank:
                raise ValueError(
                    f"{cls}: per_channel_axis must be an axis of x other than the batch axis 0 "
                    f"(x has {rank} axes), got {self.per_channel_axis}"
                )
            axis = self.per_channel_axis % rank
            if input_shape[axis] is None:
                raise ValueError(
                    f"{cls}: the channel axis {self.per_channel_axis} of x needs a known size, got {input_shape}"
                )
            shape = tuple(input_shape[axis] if i == axis else 1 for i in range(rank))
        for name, param in self._domains.items():
            start = 0.0 if name in self._first_batch else self._values[name]
            # under a distribution strategy each replica starts from its share of the
            # first batch, and the start is the mean of the replicas' (LSQ's equals the whole batch's)
            self._starts_by_param[name] = self.add_weight(
                name=f"{name}_start",
                shape=shape,
                initializer=keras.initializers.Constant(start),
                trainable=False,
                autocast=False,
                aggregation="mean",
            )
            self._changes_by_param[name] = self.add_weight(
                name=name, shape=shape, initializer="zeros", trainable=name in self.trainable_params, autocast=False
            )
        # 1 once the first batch has set the starts
        self._started = self.add_weight(
            name="started",
            shape=(),
            initializer="zeros" if self._first_batch else "ones",
            trainable=False,
            autocast=False,
            aggregation="mean",
        )

    def _statistics(self, x, needed):
        # a start, not a function of x that the gradient goes through; over the
        # finite elements only (0 where a channel has none), so that one NaN or
        # inf in the first batch does not make the parameter NaN for good
        x = keras.ops.stop_gradient(keras.ops.cast(x, "float32"))
        axes = None
        if self.per_channel_axis is not None:
            channel = self.per_channel_axis % len(x.shape)
            axes = tuple(i for i in range(len(x.shape)) if i != channel)
        keep = axes is not None
        finite = keras.ops.isfinite(x)
        count = keras.ops.sum(keras.ops.cast(finite, "float32"), axis=axes, keepdims=keep)
        found = {}
        for name in needed:
            if name == "mean_abs":
                total = keras.ops.sum(keras.ops.where(finite, keras.ops.abs(x), 0.0), axis=axes, keepdims=keep)
                found[name] = total / keras.ops.maximum(count, 1.0)
            elif name == "batch_min":
                least = keras.ops.min(keras.ops.where(finite, x, float("inf")), axis=axes, keepdims=keep)
                found[name] = keras.ops.where(count > 0, least, 0.0)
            else:
                most = keras.ops.max(keras.ops.where(finite, x, float("-inf")), axis=axes, keepdims=keep)
                found[name] = keras.ops.where(count > 0, most, 0.0)
        return found

    def _first_batch_start(self, x, name):
        statistics, function = self._starts[name][self._first_batch[name]]
        integers = {n: int(v) for n, v in self._values.items() if n not in self._domains}
        return keras.ops.cast(function(**integers, **self._statistics(x, statistics)), "float32")

    def _scaled_gradient(self, change, x):
        """change in value, its gradient times the quantizer's gradient scale."""
        if self.per_channel_axis is None:
            elements = math.prod(x.shape[1:])
        else:
            elements = math.prod(x.shape[1:]) // x.shape[self.per_channel_axis]
        integers = {n: int(v) for n, v in self._values.items() if n not in self._domains}
        factor = float(self._gradient_scale(**integers, elements=elements))
        return change * factor + keras.ops.stop_gradient(change - change * factor)

    def call(self, inputs):
        values = dict(self._values)
        started = keras.ops.greater(self._started.value, 0.0)
        for name in self._domains:
            start = self._starts_by_param[name]
            value = start.value
            if name in self._first_batch:
                value = keras.ops.cond(
                    started, lambda start=start: start.value, lambda name=name: self._first_batch_start(inputs, name)
                )
                start.assign(value)
            change = self._changes_by_param[name].value
            if self.gradient_scale and name in self.trainable_params:
                change = self._scaled_gradient(change, inputs)
            param = self._domains[name]
            values[name] = InDomain(param.low, param.high, param.low_open, param.high_open)(value + change)
        if self._first_batch:
            self._started.assign(1.0)
        return self._apply(inputs, values)

    def get_param(self, name):
        """The parameter's current value: a float per tensor, an array per channel."""
        if name in self._starts_by_param:
            param = self._domains[name]
            value = self._starts_by_param[name].value + self._changes_by_param[name].value
            value = keras.ops.convert_to_numpy(InDomain(param.low, param.high, param.low_open, param.high_open)(value))
            return float(value) if value.ndim == 0 else value
        if name in self._first_batch:
            return self._first_batch[name]
        return super().get_param(name)

    def set_param(self, name, value):
        """Set a float parameter (a float, or per channel an array of its shape), after the op's
        check of a float; it replaces a start from the first batch."""
        if name not in self._domains:
            choices = ", ".join(self._domains) or "none"
            raise ValueError(f"{type(self).__name__}: set_param takes a float parameter ({choices}), got {name!r}")
        if np.ndim(value) == 0:
            value, _ = self._domains[name].check(self._op_name, value)
        self._first_batch.pop(name, None)
        self._values[name] = value if np.ndim(value) == 0 else self._values[name]
        if name in self._starts_by_param:
            start = self._starts_by_param[name]
            start.assign(keras.ops.broadcast_to(keras.ops.cast(value, "float32"), start.shape))
            self._changes_by_param[name].assign(keras.ops.zeros(start.shape))

    def get_config(self):
        config = super().get_config()
        config.update(self._first_batch)
        config["per_channel_axis"] = self.per_channel_axis
        if self._gradient_scale is not None:
            config["gradient_scale"] = self.gradient_scale
        return config


@keras.saving.register_keras_serializable(package=PACKAGE)
class SigmoidRound(_ApproximationLayer):
    """Keras layer applying sigmoid_round elementwise: floor(x) plus a logistic sigmoid of the
        fractional part, centred on the half-integer.

    Args:
        steepness: slope of the sigmoid at the half-integers; float; the initial value of its
            weight, in (0, inf), default 10.0.
        mode: "soft" (smooth forward, exact derivative) or "ste" (hard forward, the smooth
            derivative as gradient); default "soft".
        trainable_params: names of float parameters to learn ("steepness"); each becomes a trainable
            weight kept in its domain by an InDomain constraint. The other float parameters are
            non-trainable weights, which the Anneal callback can schedule.
        **kwargs: keras.layers.Layer arguments (name, dtype, ...).
    """

    _op = _op_of("sigmoid_round")._OP

    def __init__(self, steepness=10.0, mode="soft", trainable_params=(), **kwargs):
        super().__init__({"steepness": steepness}, mode, trainable_params, **kwargs)


@keras.saving.register_keras_serializable(package=PACKAGE)
class SineRound(_ApproximationLayer):
    """Keras layer applying sine_round elementwise: floor(x) plus a half-sine ramp of the given width
        around each half-integer, flat elsewhere.

    Args:
        width: width of the half-sine window around each half-integer; float; the initial value of
            its weight, in (0, 1], default 0.1.
        mode: "soft" (smooth forward, exact derivative) or "ste" (hard forward, the smooth
            derivative as gradient); default "soft".
        trainable_params: names of float parameters to learn ("width"); each becomes a trainable
            weight kept in its domain by an InDomain constraint. The other float parameters are
            non-trainable weights, which the Anneal callback can schedule.
        **kwargs: keras.layers.Layer arguments (name, dtype, ...).
    """

    _op = _op_of("sine_round")._OP

    def __init__(self, width=0.1, mode="soft", trainable_params=(), **kwargs):
        super().__init__({"width": width}, mode, trainable_params, **kwargs)


@keras.saving.register_keras_serializable(package=PACKAGE)
class FourierRound(_ApproximationLayer):
    """Keras layer applying fourier_round elementwise: x plus the truncated Fourier series of the
        sawtooth round(x) - x.

    Args:
        terms: number of sine terms of the sawtooth series; a Python int in [1, 1000], fixed,
            default 5.
        mode: "soft" (smooth forward, exact derivative) or "ste" (hard forward, the smooth
            derivative as gradient); default "soft".
        trainable_params: names of float parameters to learn (none); each becomes a trainable weight
            kept in its domain by an InDomain constraint. The other float parameters are
            non-trainable weights, which the Anneal callback can schedule.
        **kwargs: keras.layers.Layer arguments (name, dtype, ...).
    """

    _op = _op_of("fourier_round")._OP

    def __init__(self, terms=5, mode="soft", trainable_params=(), **kwargs):
        super().__init__({"terms": terms}, mode, trainable_params, **kwargs)


@keras.saving.register_keras_serializable(package=PACKAGE)
class SineStaircaseRound(_ApproximationLayer):
    """Keras layer applying sine_staircase_round elementwise: g(x) = x - sin(2 pi x)/(2 pi), composed
        depth times; each composition steepens the steps.

    Args:
        depth: how many times g(x) = x - sin(2 pi x)/(2 pi) is composed; a Python int in [1, 16],
            fixed, default 1.
        mode: "soft" (smooth forward, exact derivative) or "ste" (hard forward, the smooth
            derivative as gradient); default "soft".
        trainable_params: names of float parameters to learn (none); each becomes a trainable weight
            kept in its domain by an InDomain constraint. The other float parameters are
            non-trainable weights, which the Anneal callback can schedule.
        **kwargs: keras.layers.Layer arguments (name, dtype, ...).
    """

    _op = _op_of("sine_staircase_round")._OP

    def __init__(self, depth=1, mode="soft", trainable_params=(), **kwargs):
        super().__init__({"depth": depth}, mode, trainable_params, **kwargs)


@keras.saving.register_keras_serializable(package=PACKAGE)
class SteRound(_ApproximationLayer):
    """Keras layer applying ste_round elementwise: Straight-through round: forward exactly round(x),
        gradient 1.

    Args:
        mode: "ste" (hard forward, the smooth derivative as gradient), the only mode of this op;
            default "ste".
        trainable_params: names of float parameters to learn (none); each becomes a trainable weight
            kept in its domain by an InDomain constraint. The other float parameters are
            non-trainable weights, which the Anneal callback can schedule.
        **kwargs: keras.layers.Layer arguments (name, dtype, ...).
    """

    _op = _op_of("ste_round")._OP

    def __init__(self, mode="ste", trainable_params=(), **kwargs):
        super().__init__({}, mode, trainable_params, **kwargs)


@keras.saving.register_keras_serializable(package=PACKAGE)
class SigmoidStep(_ApproximationLayer):
    """Keras layer applying sigmoid_step elementwise: Logistic sigmoid step; overflow-free at any
        steepness.

    Args:
        steepness: slope of the sigmoid at the centre; float; the initial value of its weight, in
            (0, inf), default 10.0.
        center: where the step is; float; the initial value of its weight, in (-inf, inf), default
            0.0.
        mode: "soft" (smooth forward, exact derivative) or "ste" (hard forward, the smooth
            derivative as gradient); default "soft".
        trainable_params: names of float parameters to learn ("steepness", "center"); each becomes a
            trainable weight kept in its domain by an InDomain constraint. The other float
            parameters are non-trainable weights, which the Anneal callback can schedule.
        **kwargs: keras.layers.Layer arguments (name, dtype, ...).
    """

    _op = _op_of("sigmoid_step")._OP

    def __init__(self, steepness=10.0, center=0.0, mode="soft", trainable_params=(), **kwargs):
        super().__init__({"steepness": steepness, "center": center}, mode, trainable_params, **kwargs)


@keras.saving.register_keras_serializable(package=PACKAGE)
class HardStep(_ApproximationLayer):
    """Keras layer applying hard_step elementwise: min(max((x - threshold)*gain, 0), 1): a steep linear
        ramp clipped to [0, 1].

    Args:
        threshold: where the ramp starts; float; the initial value of its weight, in (-inf, inf),
            default 0.499.
        gain: slope of the ramp; float; the initial value of its weight, in (0, inf), default
            10000.0.
        mode: "soft" (smooth forward, exact derivative) or "ste" (hard forward, the smooth
            derivative as gradient); default "soft".
        trainable_params: names of float parameters to learn ("threshold", "gain"); each becomes a
            trainable weight kept in its domain by an InDomain constraint. The other float
            parameters are non-trainable weights, which the Anneal callback can schedule.
        **kwargs: keras.layers.Layer arguments (name, dtype, ...).
    """

    _op = _op_of("hard_step")._OP

    def __init__(self, threshold=0.499, gain=10000.0, mode="soft", trainable_params=(), **kwargs):
        super().__init__({"threshold": threshold, "gain": gain}, mode, trainable_params, **kwargs)


@keras.saving.register_keras_serializable(package=PACKAGE)
class TriangleStep(_ApproximationLayer):
    """Keras layer applying triangle_step elementwise: C1 piecewise quadratic whose derivative is the
        triangle max(0, 1 - |x - center|/width)/width.

    Args:
        width: half-width of the triangular derivative; float; the initial value of its weight, in
            (0, inf), default 1.0.
        center: where the step is; float; the initial value of its weight, in (-inf, inf), default
            0.0.
        mode: "soft" (smooth forward, exact derivative) or "ste" (hard forward, the smooth
            derivative as gradient); default "soft".
        trainable_params: names of float parameters to learn ("width", "center"); each becomes a
            trainable weight kept in its domain by an InDomain constraint. The other float
            parameters are non-trainable weights, which the Anneal callback can schedule.
        **kwargs: keras.layers.Layer arguments (name, dtype, ...).
    """

    _op = _op_of("triangle_step")._OP

    def __init__(self, width=1.0, center=0.0, mode="soft", trainable_params=(), **kwargs):
        super().__init__({"width": width, "center": center}, mode, trainable_params, **kwargs)


@keras.saving.register_keras_serializable(package=PACKAGE)
class FastSigmoidStep(_ApproximationLayer):
    """Keras layer applying fast_sigmoid_step elementwise: 1/2 + s*d/(2*(1 + s*|d|)), d = x - center:
        the fast sigmoid, whose derivative decays as 1/d**2.

    Args:
        steepness: slope parameter s; float; the initial value of its weight, in (0, inf), default
            25.0.
        center: where the step is; float; the initial value of its weight, in (-inf, inf), default
            0.0.
        mode: "soft" (smooth forward, exact derivative) or "ste" (hard forward, the smooth
            derivative as gradient); default "soft".
        trainable_params: names of float parameters to learn ("steepness", "center"); each becomes a
            trainable weight kept in its domain by an InDomain constraint. The other float
            parameters are non-trainable weights, which the Anneal callback can schedule.
        **kwargs: keras.layers.Layer arguments (name, dtype, ...).
    """

    _op = _op_of("fast_sigmoid_step")._OP

    def __init__(self, steepness=25.0, center=0.0, mode="soft", trainable_params=(), **kwargs):
        super().__init__({"steepness": steepness, "center": center}, mode, trainable_params, **kwargs)


@keras.saving.register_keras_serializable(package=PACKAGE)
class AtanStep(_ApproximationLayer):
    """Keras layer applying atan_step elementwise: 1/2 + atan(pi*alpha*(x - center)/2)/pi: the
        arctangent step.

    Args:
        alpha: sharpness; float; the initial value of its weight, in (0, inf), default 2.0.
        center: where the step is; float; the initial value of its weight, in (-inf, inf), default
            0.0.
        mode: "soft" (smooth forward, exact derivative) or "ste" (hard forward, the smooth
            derivative as gradient); default "soft".
        trainable_params: names of float parameters to learn ("alpha", "center"); each becomes a
            trainable weight kept in its domain by an InDomain constraint. The other float
            parameters are non-trainable weights, which the Anneal callback can schedule.
        **kwargs: keras.layers.Layer arguments (name, dtype, ...).
    """

    _op = _op_of("atan_step")._OP

    def __init__(self, alpha=2.0, center=0.0, mode="soft", trainable_params=(), **kwargs):
        super().__init__({"alpha": alpha, "center": center}, mode, trainable_params, **kwargs)


@keras.saving.register_keras_serializable(package=PACKAGE)
class SteSign(_ApproximationLayer):
    """Keras layer applying ste_sign elementwise: clip(x, -clip, clip): the straight-through sign.

    Args:
        clip: gradient is 1 for |x| <= clip, 0 beyond; float; the initial value of its weight, in
            (0, inf), default 1.0.
        mode: "soft" (smooth forward, exact derivative) or "ste" (hard forward, the smooth
            derivative as gradient); default "ste".
        trainable_params: names of float parameters to learn ("clip"); each becomes a trainable
            weight kept in its domain by an InDomain constraint. The other float parameters are
            non-trainable weights, which the Anneal callback can schedule.
        **kwargs: keras.layers.Layer arguments (name, dtype, ...).
    """

    _op = _op_of("ste_sign")._OP

    def __init__(self, clip=1.0, mode="ste", trainable_params=(), **kwargs):
        super().__init__({"clip": clip}, mode, trainable_params, **kwargs)


@keras.saving.register_keras_serializable(package=PACKAGE)
class ApproxSign(_ApproximationLayer):
    """Keras layer applying approx_sign elementwise: Piecewise quadratic sign: -1, 2x + x**2, 2x -
        x**2, 1 on x < -1, [-1, 0), [0, 1), x >= 1.

    Args:
        mode: "soft" (smooth forward, exact derivative) or "ste" (hard forward, the smooth
            derivative as gradient); default "ste".
        trainable_params: names of float parameters to learn (none); each becomes a trainable weight
            kept in its domain by an InDomain constraint. The other float parameters are
            non-trainable weights, which the Anneal callback can schedule.
        **kwargs: keras.layers.Layer arguments (name, dtype, ...).
    """

    _op = _op_of("approx_sign")._OP

    def __init__(self, mode="ste", trainable_params=(), **kwargs):
        super().__init__({}, mode, trainable_params, **kwargs)


@keras.saving.register_keras_serializable(package=PACKAGE)
class SwishSign(_ApproximationLayer):
    """Keras layer applying swish_sign elementwise: 2*sigmoid(beta*x)*(1 + beta*x*(1 -
        sigmoid(beta*x))) - 1: the swish sign.

    Args:
        beta: sharpness; float; the initial value of its weight, in (0, inf), default 5.0.
        mode: "soft" (smooth forward, exact derivative) or "ste" (hard forward, the smooth
            derivative as gradient); default "ste".
        trainable_params: names of float parameters to learn ("beta"); each becomes a trainable
            weight kept in its domain by an InDomain constraint. The other float parameters are
            non-trainable weights, which the Anneal callback can schedule.
        **kwargs: keras.layers.Layer arguments (name, dtype, ...).
    """

    _op = _op_of("swish_sign")._OP

    def __init__(self, beta=5.0, mode="ste", trainable_params=(), **kwargs):
        super().__init__({"beta": beta}, mode, trainable_params, **kwargs)


@keras.saving.register_keras_serializable(package=PACKAGE)
class SoftRound(_ApproximationLayer):
    """Keras layer applying soft_round elementwise: m + tanh(alpha*r)/(2*tanh(alpha/2)), m = floor(x) +
        1/2, r = x - m: the soft rounding of neural compression.

    Args:
        alpha: sharpness: 0 is the identity, large values approach round; float; the initial value
            of its weight, in [0, inf), default 5.0.
        mode: "soft" (smooth forward, exact derivative) or "ste" (hard forward, the smooth
            derivative as gradient); default "soft".
        trainable_params: names of float parameters to learn ("alpha"); each becomes a trainable
            weight kept in its domain by an InDomain constraint. The other float parameters are
            non-trainable weights, which the Anneal callback can schedule.
        **kwargs: keras.layers.Layer arguments (name, dtype, ...).
    """

    _op = _op_of("soft_round")._OP

    def __init__(self, alpha=5.0, mode="soft", trainable_params=(), **kwargs):
        super().__init__({"alpha": alpha}, mode, trainable_params, **kwargs)


@keras.saving.register_keras_serializable(package=PACKAGE)
class SoftRoundInverse(_ApproximationLayer):
    """Keras layer applying soft_round_inverse elementwise: m + atanh(2*r*tanh(alpha/2))/alpha, m =
        floor(x) + 1/2, r = x - m: the inverse of soft_round.

    Args:
        alpha: sharpness of the soft_round it inverts; float; the initial value of its weight, in
            [0, inf), default 5.0.
        mode: "soft" (smooth forward, exact derivative), the only mode of this op; default "soft".
        trainable_params: names of float parameters to learn ("alpha"); each becomes a trainable
            weight kept in its domain by an InDomain constraint. The other float parameters are
            non-trainable weights, which the Anneal callback can schedule.
        **kwargs: keras.layers.Layer arguments (name, dtype, ...).
    """

    _op = _op_of("soft_round_inverse")._OP

    def __init__(self, alpha=5.0, mode="soft", trainable_params=(), **kwargs):
        super().__init__({"alpha": alpha}, mode, trainable_params, **kwargs)


@keras.saving.register_keras_serializable(package=PACKAGE)
class Heaviside(_SurrogateLayer):
    """Keras layer applying heaviside elementwise: Heaviside step H(x) with H(0) = 1 in the forward
        pass; the gradient of the named surrogate.

    Args:
        surrogate: which gradient: "sigmoid", "triangle", "fast_sigmoid", "atan"; default "sigmoid".
        mode: "ste" (hard forward, the smooth derivative as gradient), the only mode of this op;
            default "ste".
        steepness: parameter of the surrogates "sigmoid", "fast_sigmoid"; None for the surrogate's
            default.
        width: parameter of the surrogates "triangle"; None for the surrogate's default.
        alpha: parameter of the surrogates "atan"; None for the surrogate's default.
        trainable_params: names of float parameters to learn (of the chosen surrogate); each becomes
            a trainable weight kept in its domain by an InDomain constraint. The other float
            parameters are non-trainable weights, which the Anneal callback can schedule.
        **kwargs: keras.layers.Layer arguments (name, dtype, ...).
    """

    _choice = _op_of("heaviside")._CHOICE
    _surrogate_ops = {
        "sigmoid": _op_of("sigmoid_step")._OP,
        "triangle": _op_of("triangle_step")._OP,
        "fast_sigmoid": _op_of("fast_sigmoid_step")._OP,
        "atan": _op_of("atan_step")._OP,
    }

    def __init__(
        self, surrogate="sigmoid", mode="ste", steepness=None, width=None, alpha=None, trainable_params=(), **kwargs
    ):
        super().__init__(
            {"steepness": steepness, "width": width, "alpha": alpha}, surrogate, trainable_params, mode, **kwargs
        )


@keras.saving.register_keras_serializable(package=PACKAGE)
class FakeQuant(_QuantizerLayer):
    """Keras layer applying fake_quant elementwise: scale*clip(round(x/scale), qmin, qmax): the
        learned-step-size quantizer, with LSQ's gradient for scale.

    Args:
        scale: step between quantization levels (learned in LSQ); its start: a float in (0, inf), or
            "lsq" (2*mean_abs/sqrt(2^(bits - signed) - 1) of the first batch); default 'lsq'.
        bits: bit width; a Python int in [2, 16], fixed, default 8.
        signed: levels -2**(bits-1)..2**(bits-1)-1 if True, 0..2**bits-1 if False; a Python bool
            (True or False), fixed, default True.
        per_channel_axis: None for one value of each float parameter per tensor, or the axis of x
            whose channels each get their own (e.g. -1).
        gradient_scale: if True, each learned parameter's gradient is multiplied by
            1/(sqrt(elements)*sqrt(2^(bits - signed) - 1)), elements being how many elements of one
            example share its value; default False.
        mode: "ste" (hard forward, the smooth derivative as gradient), the only mode of this op;
            default "ste".
        trainable_params: names of float parameters to learn ("scale"); default ('scale',). Each is
            held as a weight of one value per tensor or per channel, kept in its domain; the others
            as non-trainable weights, which the Anneal callback can schedule.
        **kwargs: keras.layers.Layer arguments (name, dtype, ...).
    """

    _op = _op_of("fake_quant")._OP
    _starts = {
        "scale": {
            "lsq": (("mean_abs",), lambda bits, signed, mean_abs: 2 * mean_abs / math.sqrt(2 ** (bits - signed) - 1))
        }
    }
    _gradient_scale = staticmethod(
        lambda bits, signed, elements: 1 / (math.sqrt(elements) * math.sqrt(2 ** (bits - signed) - 1))
    )

    def __init__(
        self,
        scale="lsq",
        bits=8,
        signed=True,
        per_channel_axis=None,
        gradient_scale=False,
        mode="ste",
        trainable_params=("scale",),
        **kwargs,
    ):
        super().__init__(
            {"scale": scale, "bits": bits, "signed": signed},
            mode,
            trainable_params,
            per_channel_axis,
            gradient_scale,
            **kwargs,
        )


@keras.saving.register_keras_serializable(package=PACKAGE)
class PactQuant(_QuantizerLayer):
    """Keras layer applying pact_quant elementwise: clip(x, 0, alpha) rounded to 2**bits uniform
        levels: the PACT activation quantizer.

    Args:
        alpha: clipping level (learned in PACT); its start: a float in (0, inf), or "max" (batch_max
            of the first batch); default 6.0.
        bits: bit width: 2**bits - 1 steps on [0, alpha]; a Python int in [1, 16], fixed, default 4.
        per_channel_axis: None for one value of each float parameter per tensor, or the axis of x
            whose channels each get their own (e.g. -1).
        mode: "ste" (hard forward, the smooth derivative as gradient), the only mode of this op;
            default "ste".
        trainable_params: names of float parameters to learn ("alpha"); default ('alpha',). Each is
            held as a weight of one value per tensor or per channel, kept in its domain; the others
            as non-trainable weights, which the Anneal callback can schedule.
        **kwargs: keras.layers.Layer arguments (name, dtype, ...).
    """

    _op = _op_of("pact_quant")._OP
    _starts = {"alpha": {"max": (("batch_max",), lambda bits, batch_max: batch_max)}}

    def __init__(self, alpha=6.0, bits=4, per_channel_axis=None, mode="ste", trainable_params=("alpha",), **kwargs):
        super().__init__({"alpha": alpha, "bits": bits}, mode, trainable_params, per_channel_axis, **kwargs)


@keras.saving.register_keras_serializable(package=PACKAGE)
class DsqQuant(_QuantizerLayer):
    """Keras layer applying dsq_quant elementwise: clip(x, lower, upper) rounded to 2**bits levels;
        soft: DSQ's tanh curve in each cell.

    Args:
        alpha: 1 - tanh(K/2): smaller is sharper; its start: a float in (0, 0.5]; default 0.2.
        bits: bit width: 2**bits levels on [lower, upper]; a Python int in [1, 16], fixed, default
            4.
        lower: lowest level (below upper); its start: a float in (-inf, inf), or "min" (batch_min of
            the first batch); default 'min'.
        upper: highest level (above lower); its start: a float in (-inf, inf), or "max" (batch_max
            of the first batch); default 'max'.
        per_channel_axis: None for one value of each float parameter per tensor, or the axis of x
            whose channels each get their own (e.g. -1).
        mode: "soft" (smooth forward, exact derivative) or "ste" (hard forward, the smooth
            derivative as gradient); default "ste".
        trainable_params: names of float parameters to learn ("alpha", "lower", "upper"); default
            ('alpha', 'lower', 'upper'). Each is held as a weight of one value per tensor or per
            channel, kept in its domain; the others as non-trainable weights, which the Anneal
            callback can schedule.
        **kwargs: keras.layers.Layer arguments (name, dtype, ...).
    """

    _op = _op_of("dsq_quant")._OP
    _starts = {
        "lower": {"min": (("batch_min",), lambda bits, batch_min: batch_min)},
        "upper": {"max": (("batch_max",), lambda bits, batch_max: batch_max)},
    }

    def __init__(
        self,
        alpha=0.2,
        bits=4,
        lower="min",
        upper="max",
        per_channel_axis=None,
        mode="ste",
        trainable_params=("alpha", "lower", "upper"),
        **kwargs,
    ):
        super().__init__(
            {"alpha": alpha, "bits": bits, "lower": lower, "upper": upper},
            mode,
            trainable_params,
            per_channel_axis,
            **kwargs,
        )


@keras.saving.register_keras_serializable(package=PACKAGE)
class Ternary(_ApproximationLayer):
    """Keras layer applying ternary elementwise: -1, 0 or 1 (0 where abs(x) <= threshold), with the
        straight-through gradient clipped at clip.

    Args:
        threshold: 0 where abs(x) <= threshold; float; the initial value of its weight, in [0, inf),
            default 0.05.
        clip: gradient is 1 for abs(x) <= clip, 0 beyond; float; the initial value of its weight, in
            (0, inf), default 1.0.
        mode: "ste" (hard forward, the smooth derivative as gradient), the only mode of this op;
            default "ste".
        trainable_params: names of float parameters to learn ("threshold", "clip"); each becomes a
            trainable weight kept in its domain by an InDomain constraint. The other float
            parameters are non-trainable weights, which the Anneal callback can schedule.
        **kwargs: keras.layers.Layer arguments (name, dtype, ...).
    """

    _op = _op_of("ternary")._OP

    def __init__(self, threshold=0.05, clip=1.0, mode="ste", trainable_params=(), **kwargs):
        super().__init__({"threshold": threshold, "clip": clip}, mode, trainable_params, **kwargs)


@keras.saving.register_keras_serializable(package=PACKAGE)
class FakeQuantMinmax(_ApproximationLayer):
    """Keras layer applying fake_quant_minmax elementwise: TensorFlow's fake_quant_with_min_max_vars,
        bit for bit: [min, max] nudged so that 0 is a level, then clamp and round to 2**bits (or
        2**bits - 1) levels.

    Args:
        min: lower end of the range (below max); float; the initial value of its weight, in
            (-inf, inf), default -6.0.
        max: upper end of the range (above min); float; the initial value of its weight, in
            (-inf, inf), default 6.0.
        bits: bit width; a Python int in [2, 16], fixed, default 8.
        narrow_range: levels 1..2**bits-1 if True, 0..2**bits-1 if False; a Python bool (True or
            False), fixed, default False.
        mode: "ste" (hard forward, the smooth derivative as gradient), the only mode of this op;
            default "ste".
        trainable_params: names of float parameters to learn ("min", "max"); each becomes a
            trainable weight kept in its domain by an InDomain constraint. The other float
            parameters are non-trainable weights, which the Anneal callback can schedule.
        **kwargs: keras.layers.Layer arguments (name, dtype, ...).
    """

    _op = _op_of("fake_quant_minmax")._OP

    def __init__(self, min=-6.0, max=6.0, bits=8, narrow_range=False, mode="ste", trainable_params=(), **kwargs):
        super().__init__(
            {"min": min, "max": max, "bits": bits, "narrow_range": narrow_range}, mode, trainable_params, **kwargs
        )


# The quantizer layers by op name, for QuantizedDense and QuantizedConv2D.
QUANTIZERS = {"fake_quant": FakeQuant, "pact_quant": PactQuant, "dsq_quant": DsqQuant}


def _quantizer(owner, role, quantizer, bits, per_channel_axis=None):
    """A quantizer layer from a name of QUANTIZERS (with these bits), a layer, or a layer's serialized config."""
    if quantizer is None or isinstance(quantizer, _QuantizerLayer):
        return quantizer
    if isinstance(quantizer, dict):
        return keras.saving.deserialize_keras_object(quantizer)
    if isinstance(quantizer, str) and quantizer in QUANTIZERS:
        return QUANTIZERS[quantizer](bits=bits, per_channel_axis=per_channel_axis)
    choices = ", ".join(f'"{name}"' for name in QUANTIZERS)
    raise ValueError(
        f"{owner}: {role}_quantizer must be None, a quantizer layer or one of {choices}, got {quantizer!r}"
    )


class _Quantized:
    """Inputs, kernel and outputs (after the activation) of a Keras layer through quantizers.

    The kernel goes through its quantizer as a batch of one, so that a
    per-channel quantizer (per_channel_axis=-1: one value per output channel,
    the default of a quantizer given by name) counts one kernel's elements.
    """

    def _set_quantizers(
        self, kernel_quantizer, kernel_bits, input_quantizer, input_bits, output_quantizer, output_bits
    ):
        owner = type(self).__name__
        self.kernel_quantizer = _quantizer(owner, "kernel", kernel_quantizer, kernel_bits, per_channel_axis=-1)
        self.input_quantizer = _quantizer(owner, "input", input_quantizer, input_bits)
        self.output_quantizer = _quantizer(owner, "output", output_quantizer, output_bits)

    def _build_quantizers(self, input_shape):
        # (a quantizer loaded from its config is built already)
        shapes = {
            "kernel": (1, *self._kernel.shape),
            "input": input_shape,
            "output": self.compute_output_shape(input_shape),
        }
        for role, shape in shapes.items():
            quantizer = getattr(self, f"{role}_quantizer")
            if quantizer is not None and not quantizer.built:
                quantizer.build(shape)

    def _quantized_kernel(self):
        kernel = self.kernel
        if self.kernel_quantizer is None:
            return kernel
        return self.kernel_quantizer(keras.ops.expand_dims(kernel, 0))[0]

    def _quantizer_config(self, config):
        for role in ("kernel", "input", "output"):
            quantizer = getattr(self, f"{role}_quantizer")
            config[f"{role}_quantizer"] = None if quantizer is None else keras.saving.serialize_keras_object(quantizer)
        return config


@keras.saving.register_keras_serializable(package=PACKAGE)
class QuantizedDense(_Quantized, keras.layers.Dense):
    """keras.layers.Dense whose kernel, inputs and outputs (after the activation) go through quantizers.

    Args:
        units: as keras.layers.Dense.
        kernel_quantizer, input_quantizer, output_quantizer: None (not quantized), a quantizer layer
            of this module (with its own arguments) or its op's name
            ("fake_quant", "pact_quant", "dsq_quant"), which makes that layer with the bits below (a kernel's
            per channel: one value per output unit); default "fake_quant" for the kernel, None for the others.
        kernel_bits, input_bits, output_bits: the bit widths of quantizers given by name; default 8.
        **kwargs: keras.layers.Dense arguments (activation, use_bias, ...).
    """

    def __init__(
        self,
        units,
        kernel_quantizer="fake_quant",
        kernel_bits=8,
        input_quantizer=None,
        input_bits=8,
        output_quantizer=None,
        output_bits=8,
        **kwargs,
    ):
        super().__init__(units, **kwargs)
        self._set_quantizers(kernel_quantizer, kernel_bits, input_quantizer, input_bits, output_quantizer, output_bits)

    def build(self, input_shape):
        super().build(input_shape)
        self._build_quantizers(input_shape)

    def call(self, inputs, training=None):
        if self.input_quantizer is not None:
            inputs = self.input_quantizer(inputs)
        x = keras.ops.matmul(inputs, self._quantized_kernel())
        if self.bias is not None:
            x = keras.ops.add(x, self.bias)
        if self.activation is not None:
            x = self.activation(x)
        if self.output_quantizer is not None:
            x = self.output_quantizer(x)
        return x

    def get_config(self):
        return self._quantizer_config(super().get_config())


@keras.saving.register_keras_serializable(package=PACKAGE)
class QuantizedConv2D(_Quantized, keras.layers.Conv2D):
    """keras.layers.Conv2D whose kernel, inputs and outputs (after the activation) go through quantizers.

    Args:
        filters, kernel_size: as keras.layers.Conv2D.
        kernel_quantizer, input_quantizer, output_quantizer: None (not quantized), a quantizer layer
            of this module (with its own arguments) or its op's name
            ("fake_quant", "pact_quant", "dsq_quant"), which makes that layer with the bits below (a kernel's
            per channel: one value per filter); default "fake_quant" for the kernel, None for the others.
        kernel_bits, input_bits, output_bits: the bit widths of quantizers given by name; default 8.
        **kwargs: keras.layers.Conv2D arguments (strides, padding, activation, ...).
    """

    def __init__(
        self,
        filters,
        kernel_size,
        kernel_quantizer="fake_quant",
        kernel_bits=8,
        input_quantizer=None,
        input_bits=8,
        output_quantizer=None,
        output_bits=8,
        **kwargs,
    ):
        super().__init__(filters, kernel_size, **kwargs)
        self._set_quantizers(kernel_quantizer, kernel_bits, input_quantizer, input_bits, output_quantizer, output_bits)

    def build(self, input_shape):
        super().build(input_shape)
        self._build_quantizers(input_shape)

    def convolution_op(self, inputs, kernel):
        return super().convolution_op(inputs, self._quantized_kernel())

    def call(self, inputs):
        if self.input_quantizer is not None:
            inputs = self.input_quantizer(inputs)
        outputs = super().call(inputs)
        if self.output_quantizer is not None:
            outputs = self.output_quantizer(outputs)
        return outputs

    def get_config(self):
        return self._quantizer_config(super().get_config())


# The ops as activations. keras.activations.get resolves a string through
# Keras' own table only (not get_custom_objects), so each op is added there
# under "package>name", the form that always means this package's op, and
# under its bare name unless Keras or another package has that name already
# (then a warning says so); registration makes models using them save and load.
for _function in (
    sigmoid_round,
    sine_round,
    fourier_round,
    sine_staircase_round,
    ste_round,
    sigmoid_step,
    hard_step,
    triangle_step,
    fast_sigmoid_step,
    atan_step,
    ste_sign,
    approx_sign,
    swish_sign,
    soft_round,
    soft_round_inverse,
    heaviside,
    fake_quant,
    pact_quant,
    dsq_quant,
    ternary,
    fake_quant_minmax,
):
    keras.saving.register_keras_serializable(package=PACKAGE)(_function)
    _name = _function.__name__
    _keras_activations.ALL_OBJECTS_DICT[f"{PACKAGE}>{_name}"] = _function
    _taken = _keras_activations.ALL_OBJECTS_DICT.get(_name)
    _module = getattr(_taken, "__module__", None) or ""
    if _taken is None or _module.startswith(f"{PACKAGE}."):  # free, or this package's own (imported again)
        _keras_activations.ALL_OBJECTS_DICT[_name] = _function
    else:
        # an op of another generated package lives in module package.name
        _owner = _module.rpartition(".")[0]
        _other = f' (and the other as "{_owner}>{_name}")'
        if f"{_owner}>{_name}" not in _keras_activations.ALL_OBJECTS_DICT:
            _owner, _other = _module.partition(".")[0] or "another package", ""
        warnings.warn(
            f'{PACKAGE}: the activation name "{_name}" is taken by {_owner}, and keras.activations.get("{_name}") '
            f"keeps giving {_owner}'s; name this package's op as \"{PACKAGE}>{_name}\"{_other}.",
            stacklevel=2,
        )

__all__ = [
    "InDomain",
    "QUANTIZERS",
    "QuantizedDense",
    "QuantizedConv2D",
    "SigmoidRound",
    "SineRound",
    "FourierRound",
    "SineStaircaseRound",
    "SteRound",
    "SigmoidStep",
    "HardStep",
    "TriangleStep",
    "FastSigmoidStep",
    "AtanStep",
    "SteSign",
    "ApproxSign",
    "SwishSign",
    "SoftRound",
    "SoftRoundInverse",
    "Heaviside",
    "FakeQuant",
    "PactQuant",
    "DsqQuant",
    "Ternary",
    "FakeQuantMinmax",
]
