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
]
