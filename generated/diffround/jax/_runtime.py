# Generated from template templates/jax/_runtime.py.jinja and spec derive/catalog.py.
# Do NOT modify by hand: edit the spec or the template, then run
#     python scripts/regenerate_ops.py
"""Runtime support shared by every generated op, for JAX.

Argument checks with the messages of the TensorFlow backend (the op, the
parameter, the value and the valid range); dtype handling (half precision
computes in float32); and the derivatives: each op is a jax.custom_jvp
whose rule multiplies the tangents by the first-derivative kernels, which
are again a jax.custom_jvp whose rule uses the exact Hessian kernel. So
jax.grad, jax.jvp, jax.jacfwd, jax.jacrev, jax.hessian, jax.vmap and
jax.jit get exact first and second derivatives (the third is JAX's autodiff
of the Hessian kernel). Non-finite x: NaN gives NaN, +-inf the hard
function's value there, and both a zero derivative (a clipped op's
derivatives at +-inf: their limits, the ones at the largest float).

A parameter out of its domain raises a ValueError when its value is known
(a Python number, a concrete array). Under jax.jit a traced parameter has no
value to check: the outputs are NaN where it is out of its domain.
"""

import numbers

import jax
import jax.numpy as jnp
import numpy as np
from jax.custom_derivatives import SymbolicZero

from .. import _arguments

# the op modules take these from here
from .._arguments import BoolParam, IntParam, SurrogateChoice, check_mode, symmetric  # noqa: F401

FLOAT_DTYPES = (jnp.float16, jnp.bfloat16, jnp.float32, jnp.float64)
HALF_DTYPES = (jnp.float16, jnp.bfloat16)


def _dtype_names():
    return ", ".join(jnp.dtype(d).name for d in FLOAT_DTYPES)


def _is_float_dtype(dtype):
    return any(jnp.dtype(dtype) == jnp.dtype(d) for d in FLOAT_DTYPES)


def _is_array_like(value):
    return isinstance(value, (jax.Array, np.ndarray, np.generic))


def multiply_no_nan(a, b):
    """a * b, and 0 where b is 0 (even where a is inf or NaN)."""
    return jnp.where(b == 0, jnp.zeros_like(a * b), a * b)


# A sum or repeated step of at most this many steps is unrolled: XLA fuses the
# unrolled steps into one pass over the array. A longer one is a
# jax.lax.fori_loop with fixed bounds (a scan, so reverse mode differentiates
# it), whose jaxpr and compile time do not grow with the count.
UNROLLED_STEPS = 8


def summed(term, first, last):
    """term(first) + term(first + 1) + ... + term(last), in that order; a
    looped term gets its index as a scalar array of the sum's dtype."""
    if last - first < UNROLLED_STEPS:
        return sum(term(j) for j in range(first, last + 1))
    total = jnp.asarray(term(first))
    return jax.lax.fori_loop(first + 1, last + 1, lambda j, total: total + term(j.astype(total.dtype)), total)


def repeated(count, step, state):
    """``state = step(*state)``, ``count`` times."""
    if count <= UNROLLED_STEPS:
        for _ in range(count):
            state = step(*state)
        return state
    # after one step every part is an array; a loop carries them at one shape and dtype
    state = [jnp.asarray(s) for s in step(*state)]
    dtype = jnp.result_type(*state)
    state = tuple(jnp.broadcast_arrays(*(s.astype(dtype) for s in state)))
    return jax.lax.fori_loop(1, count, lambda _, state: tuple(s.astype(dtype) for s in step(*state)), state)


def as_float_array(op, value):
    """x as a floating array, or a TypeError naming its dtype."""
    if isinstance(value, (bool, np.bool_)):
        raise TypeError(f"{op}: x must be a floating array ({_dtype_names()}), got a bool")
    if not (_is_array_like(value) or isinstance(value, numbers.Real)):
        raise TypeError(f"{op}: x must be a floating array ({_dtype_names()}), got {type(value).__name__}")
    array = jnp.asarray(value)
    if not _is_float_dtype(array.dtype):
        raise TypeError(f"{op}: x must be a floating array ({_dtype_names()}), got dtype {array.dtype.name}")
    return array


class FloatParam(_arguments.FloatParam):
    """A float parameter: a Python number, or a float array that broadcasts
    with x and then gets its exact partial derivative."""

    tensor_word = "array"

    def check(self, op, value):
        """Return (value, is_array); raise for wrong types or values."""
        number = self.check_number(op, value)
        if number is not None:
            return number, False
        if not _is_array_like(value):
            raise TypeError(f"{op}: {self.name} must be a float or a float array, got {type(value).__name__}")
        if not _is_float_dtype(value.dtype):
            raise TypeError(
                f"{op}: {self.name} must be a floating array ({_dtype_names()}), got dtype {jnp.dtype(value.dtype).name}"
            )
        return value, True

    def check_values(self, op, array):
        """A concrete array's values: a ValueError naming the first bad one.
        A traced array's: NaN where out of the domain (nothing to raise under jit)."""
        valid = self._contains(array) & jnp.isfinite(array)
        try:
            all_valid = bool(jnp.all(valid))
        except jax.errors.ConcretizationTypeError:  # traced (jit, a Keras model's build)
            return jnp.where(valid, array, jnp.nan)
        if not all_valid:
            bad = np.asarray(array)[~np.asarray(valid)]
            raise ValueError(f"{op}: {self.name} must be in {self.domain}, got {float(bad.flat[0])!r}")
        return array


def _check_broadcast(op, name, value, x):
    """A ValueError naming both shapes if a parameter array cannot broadcast with x."""
    try:
        jnp.broadcast_shapes(jnp.shape(value), x.shape)
    except ValueError:
        raise ValueError(
            f"{op}: {name} of shape {tuple(jnp.shape(value))} does not broadcast with x of shape {tuple(x.shape)}"
        ) from None


class Kernels:
    """The generated functions of one derivative variant ("x" or "all")."""

    def __init__(self, value, gradient, hessian):
        self.value = value
        self.gradient = gradient
        self.hessian = hessian


def _dot(vectors, tangents):
    """sum_i vectors[i] * tangents[i] over the tangents that are not zero, or
    None; a zero tangent contributes zero, even against an infinite entry."""
    terms = [v * t for v, t in zip(vectors, tangents) if not isinstance(t, SymbolicZero)]
    return sum(terms[1:], terms[0]) if terms else None


class Op:
    """One approximation: validates arguments, picks kernels, defines derivatives."""

    def __init__(self, name, params, modes, hard, kernels, regimes=(), clipped=False):
        self.name = name
        self.params = params
        self.modes = modes
        self.hard = hard
        self.kernels = kernels
        # derivatives at +-inf: a clipped op's limits there, 0 for the others
        self.clipped = clipped
        # (tag, predicate): with every float parameter a Python number, the
        # kernels of the first regime whose predicate holds for their values
        self.regimes = regimes
        self._functions = {}

    def __call__(self, x, values, mode, name=None):
        check_mode(self.name, self.modes, mode)
        x = as_float_array(self.name, x)
        compute = jnp.float32 if any(x.dtype == d for d in HALF_DTYPES) else x.dtype
        ints, floats, watched = [], [], []
        for param in self.params:
            value = values[param.name]
            if isinstance(param, IntParam):
                ints.append(param.check(self.name, value))
                continue
            value, is_array = param.check(self.name, value)
            if is_array:
                _check_broadcast(self.name, param.name, value, x)
                value = param.check_values(self.name, jnp.asarray(value, compute))
            else:
                param.check_in_dtype(self.name, value, compute, jnp.dtype(compute).name, jnp.dtype(x.dtype).name)
            floats.append(value)
            watched.append(is_array)
        variant = self._variant(floats, watched)
        function = self._function(mode, variant, tuple(ints))
        with jax.named_scope(name or self.name):
            arrays = [jnp.asarray(f, compute) for f in floats]
            return function(x.astype(compute), *arrays).astype(x.dtype)

    def _variant(self, floats, watched):
        if any(watched):
            return "all"
        values = {p.name: v for p, v in zip((p for p in self.params if isinstance(p, FloatParam)), floats)}
        return next((tag for tag, holds in self.regimes if holds(**values)), "x")

    def _function(self, mode, variant, ints):
        key = (mode, variant, ints)
        if key not in self._functions:
            self._functions[key] = _differentiable(self, mode, self.kernels[variant], variant == "all", ints)
        return self._functions[key]


def _differentiable(op, mode, kernels, with_params, ints):
    """The op for one mode, variant and set of integer parameters, as a
    jax.custom_jvp of (x, *floats)."""
    int_slots = {i: v for i, v in zip((i for i, p in enumerate(op.params) if isinstance(p, IntParam)), ints)}
    hard = op.hard

    def arguments(x, floats):
        values, args = iter(floats), [x]
        for i in range(len(op.params)):
            args.append(int_slots[i] if i in int_slots else next(values))
        return args

    def shaped(value, x, floats):
        return jnp.broadcast_to(value, jnp.broadcast_shapes(x.shape, *(jnp.shape(f) for f in floats)))

    def finite(x):
        """x with 0 where it is not finite (a clipped op: the largest finite
        floats for +-inf, where its derivatives take their limits)."""
        if op.clipped:
            largest = jnp.finfo(x.dtype).max
            return jnp.where(jnp.isnan(x), jnp.zeros_like(x), jnp.clip(x, -largest, largest))
        return jnp.where(jnp.isfinite(x), x, jnp.zeros_like(x))

    def kept(x):
        """Where the derivatives are the kernels': finite x, or a clipped op's non-NaN x."""
        return ~jnp.isnan(x) if op.clipped else jnp.isfinite(x)

    @jax.custom_jvp
    def function(x, *floats):
        args = arguments(finite(x), floats)
        if mode == "soft":
            y = kernels.value(*args)[0][0]
        else:
            y = hard(*args)[0][0]
        # +-inf: the hard function's value there (x itself for an op without one); NaN: NaN
        at_inf = x if hard is None else hard(*arguments(x, floats))[0][0]
        y = jnp.where(jnp.isfinite(x), y, jnp.where(jnp.isnan(x), x, at_inf))
        return shaped(y, x, floats)

    @jax.custom_jvp
    def first(x, *floats):
        """The first derivatives by x and (with_params) each float parameter."""
        derivatives = kernels.gradient(*arguments(finite(x), floats))[0]
        return tuple(shaped(jnp.where(kept(x), d, jnp.zeros_like(d)), x, floats) for d in derivatives)

    def hessian_rows(x, floats):
        upper = kernels.hessian(*arguments(finite(x), floats))[0]
        upper = [jnp.where(kept(x), h, jnp.zeros_like(h)) for h in upper]
        return symmetric(upper, 1 + len(floats) if with_params else 1)

    def function_jvp(primals, tangents):
        x, *floats = primals
        y = function(*primals)
        derivatives = first(*primals)
        change = _dot(derivatives, tangents[: len(derivatives)])
        return y, jnp.zeros_like(y) if change is None else shaped(change, x, floats)

    def first_jvp(primals, tangents):
        x, *floats = primals
        derivatives = first(*primals)
        rows = hessian_rows(x, floats)
        changes = [_dot(row, tangents[: len(row)]) for row in rows]
        return derivatives, tuple(
            jnp.zeros_like(d) if c is None else shaped(c, x, floats) for c, d in zip(changes, derivatives)
        )

    function.defjvp(function_jvp, symbolic_zeros=True)
    first.defjvp(first_jvp, symbolic_zeros=True)
    return function
