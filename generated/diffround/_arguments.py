# Generated from template templates/package/_arguments.py.jinja and spec derive/catalog.py.
# Do NOT modify by hand: edit the spec or the template, then run
#     python scripts/regenerate_ops.py
"""What every backend's runtime checks alike, without a framework: the
parameters' domains and the messages that name the op, the parameter, the
value and the valid range; the mode; and the ops whose gradient comes from a
named surrogate. Each backend's _runtime adds the checks of its own tensors."""

import math
import numbers

import numpy as np


def check_mode(op, modes, mode):
    if not isinstance(mode, str) or mode not in modes:
        choices = ", ".join(repr(m) for m in modes)
        raise ValueError(f"{op}: mode must be one of {choices}, got {mode!r}")


class FloatParam:
    """A float parameter: a Python number, or a float tensor of the backend's
    framework that broadcasts with x and then gets its exact partial
    derivative (the backend's subclass checks those)."""

    #: what a tensor is called in the messages
    tensor_word = "tensor"

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

    def check_number(self, op, value):
        """A Python number as a float, or None for anything else; raise for a
        bool or a number outside the domain."""
        if isinstance(value, (bool, np.bool_)):
            raise TypeError(f"{op}: {self.name} must be a float or a float {self.tensor_word}, got a bool")
        if not isinstance(value, numbers.Real):
            return None
        value = float(value)
        if not (math.isfinite(value) and self._contains(value)):
            raise ValueError(f"{op}: {self.name} must be in {self.domain}, got {value!r}")
        return value

    def check_in_dtype(self, op, value, numpy_dtype, dtype_name, x_dtype_name):
        """A Python number as the compute dtype holds it: finite, and still in
        the domain (a value that overflowed to inf gave NaN)."""
        with np.errstate(over="ignore", under="ignore"):
            stored = float(np.asarray(value, numpy_dtype))
        self.check_stored(op, value, stored, dtype_name, x_dtype_name, float(np.finfo(numpy_dtype).max))

    def check_stored(self, op, value, stored, dtype_name, x_dtype_name, largest):
        """``value`` as the compute dtype stores it, ``stored``: finite and in the domain."""
        note = "" if dtype_name == x_dtype_name else f"; {x_dtype_name} x computes in {dtype_name}"
        if not math.isfinite(stored):
            raise ValueError(f"{op}: {self.name}={value:g} overflows {dtype_name} (largest {largest:.2g}{note})")
        if not self._contains(stored):
            raise ValueError(f"{op}: {self.name}={value:g} is {stored:g} in {dtype_name}{note}, outside {self.domain}")


class IntParam:
    """A structural parameter: a Python int, fixed where the op is traced."""

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


class BoolParam(IntParam):
    """A structural parameter that is a Python bool; the kernels see 1 or 0."""

    def __init__(self, name, default):
        super().__init__(name, default, 0, 1)

    @property
    def domain(self):
        return "a Python bool (True or False)"

    def check(self, op, value):
        # NumPy's bools are bools; 0 and 1 are not (TensorFlow's bool attributes refuse them too)
        if not isinstance(value, (bool, np.bool_)):
            raise TypeError(f"{op}: {self.name} must be {self.domain}, got {value!r} ({type(value).__name__})")
        return int(value)


def symmetric(upper, n):
    """Full n-by-n lookup from the row-major upper triangle."""
    index, full = 0, [[None] * n for _ in range(n)]
    for i in range(n):
        for k in range(i, n):
            full[i][k] = full[k][i] = upper[index]
            index += 1
    return full


class SurrogateChoice:
    """A hard function whose gradient comes from a named surrogate op."""

    def __init__(self, name, surrogates, default):
        self.name = name
        self.surrogates = surrogates
        self.default = default

    def __call__(self, x, surrogate, params, name=None, mode="ste"):
        if mode != "ste":  # the hard forward is what this op is: no soft mode
            raise ValueError(f"{self.name}: mode must be one of 'ste', got {mode!r}")
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
            raise type(err)(f"{self.name} (surrogate {surrogate!r}): {str(err).removeprefix(prefix)}") from None


SEED_HIGH = 2**32 - 1


def check_int_seed(op, seed, words):
    """A random op's seed given as a Python int, in [0, 2**32 - 1]; ``words``
    says what else the backend takes as seed."""
    if isinstance(seed, (bool, np.bool_)) or not isinstance(seed, numbers.Integral):
        raise TypeError(f"{op}: seed must be {words}, got {seed!r} ({type(seed).__name__})")
    seed = int(seed)
    if not 0 <= seed <= SEED_HIGH:
        raise ValueError(f"{op}: seed must be an int in [0, {SEED_HIGH}] (2**32 - 1), got {seed}")
    return seed
