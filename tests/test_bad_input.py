"""Every invalid call raises a clear error: one table, built from the catalog.

Each row is a call that must fail: a parameter out of its domain (each end,
NaN, +-inf, as a number and as a tensor), a parameter of the wrong type or
dtype, a tensor parameter whose shape does not broadcast with x, an x that is
not a floating tensor, an unknown mode or surrogate, a surrogate's parameter
out of range. The error must name the op, the parameter and the value, and
for a value out of range the range. The same calls, less those with x or a
tensor, made to the op's Keras layer constructor must fail the same way.
"""

import inspect
import math
import re
import sys
from dataclasses import dataclass, replace

import numpy as np
import pytest
import sympy as sp

from derive.catalog import CATALOG
from derive.rendering import class_name
from derive.spec import Approximation, SurrogateChoice

APPROXIMATIONS = [a for a in CATALOG if isinstance(a, Approximation)]
CHOICES = [c for c in CATALOG if isinstance(c, SurrogateChoice)]
X = [0.3, 0.7]


@dataclass(frozen=True)
class BadCall:
    op: str
    what: str  # the argument at fault, e.g. "steepness" or "x"
    args: dict  # keyword arguments; "x" may be replaced; callables get tf
    error: type
    contains: tuple  # substrings the message must contain, in order

    @property
    def id(self):
        shown = {k: (v.__name__ if callable(v) else v) for k, v in self.args.items()}
        return f"{self.op}-{self.what}-{shown}"


def _end(value) -> str:
    return f"{float(value):g}"


def _outside(domain: sp.Interval) -> list[float]:
    """Values just outside each finite end, the open ends themselves, and the non-finite ones."""
    values = [math.nan, math.inf, -math.inf]
    if domain.inf != -sp.oo:
        values += [float(domain.inf) - 1.0] + ([float(domain.inf)] if domain.left_open else [])
    if domain.sup != sp.oo:
        values += [float(domain.sup) + 0.5] + ([float(domain.sup)] if domain.right_open else [])
    return values


def _tensor(values, dtype="float32"):
    return lambda tf: tf.constant(values, getattr(tf, dtype))


def _table() -> list[BadCall]:
    rows = []
    for a in APPROXIMATIONS:
        name = a.name
        for pname in a.float_params:
            param = a.params[pname]
            domain = param.valid_set
            ends = (_end(domain.inf), _end(domain.sup))
            for value in _outside(domain):
                shown = repr(float(value))
                rows.append(BadCall(name, pname, {pname: value}, ValueError, (f"{name}: {pname} must be in", *ends, f"got {shown}")))
                # the same value in a tensor, checked eagerly
                rows.append(BadCall(name, pname, {pname: _tensor([float(param.default), value])}, ValueError,
                                    (f"{name}: {pname} must be in", *ends, f"got {shown}")))
            rows.append(BadCall(name, pname, {pname: lambda tf: tf.Variable(math.nan)}, ValueError,
                                (f"{name}: {pname} must be in", *ends, "got nan")))
            for value, kind in (("1.0", "str"), (None, "NoneType"), (1 + 0j, "complex"), ([1.0], "list"), (True, "a bool")):
                rows.append(BadCall(name, pname, {pname: value}, TypeError, (f"{name}: {pname} must be a float", kind)))
            for dtype in ("int32", "int64", "complex64", "bool"):
                bad = [1, 2] if dtype != "bool" else [True, False]
                rows.append(BadCall(name, pname, {pname: _tensor(bad, dtype)}, TypeError,
                                    (f"{name}: {pname} must be a floating tensor", f"got dtype {dtype}")))
            rows.append(BadCall(name, pname, {pname: _tensor([float(param.default)] * 3)}, ValueError,
                                (f"{name}: {pname} of shape (3,) does not broadcast with x of shape (2,)",)))
            # a Python number finite as a Python float but not in the dtype x computes in
            # (half precision computes in float32)
            for big in (v for v in (1e39, -1e39, sys.float_info.max) if domain.contains(v)):
                for dtype, note in (("float32", ""), ("float16", "; float16 x computes in float32"),
                                    ("bfloat16", "; bfloat16 x computes in float32")):
                    rows.append(BadCall(name, pname, {"x": _tensor(X, dtype), pname: big}, ValueError,
                                        (f"{name}: {pname}={big:g} overflows float32 (largest 3.4e+38{note})",)))
            if domain.inf == 0 and domain.left_open:
                rows.append(BadCall(name, pname, {pname: 1e-50}, ValueError,
                                    (f"{name}: {pname}=1e-50 is 0 in float32, outside (0, ",)))
        for pname in (n for n in a.int_params if a.params[n].is_boolean):
            # True and False (and NumPy's bools) only: not the 1 and 0 the kernels see
            for value in (1, 0, -1, 2.0, None, "3", "True", np.float64(2.0), np.int64(1), [True]):
                rows.append(BadCall(name, pname, {pname: value}, TypeError, (
                    f"{name}: {pname} must be a Python bool (True or False)", f"got {value!r} ({type(value).__name__})")))
        for pname in (n for n in a.int_params if not a.params[n].is_boolean):
            low = int(a.params[pname].valid_set.inf)
            rows.append(BadCall(name, pname, {pname: low - 1}, ValueError, (f"{name}: {pname} must be an int", f"got {low - 1}")))
            for value, kind in ((2.0, "float"), (True, "bool"), ("3", "str"), (None, "NoneType"), (np.float64(2.0), "float64")):
                rows.append(BadCall(name, pname, {pname: value}, TypeError, (f"{name}: {pname} must be a Python int", kind)))
        for dtype in ("int32", "int64", "bool", "complex64", "complex128", "string"):
            bad = {"bool": [True, False], "string": ["a", "b"]}.get(dtype, [1, 2])
            rows.append(BadCall(name, "x", {"x": _tensor(bad, dtype)}, TypeError,
                                (f"{name}: x must be a floating tensor", f"got dtype {dtype}")))
        for value, kind in ((None, "NoneType"), ([1, 2], "int32"), (True, "a bool"), ({"a": 1}, "dict")):
            rows.append(BadCall(name, "x", {"x": value}, TypeError, (f"{name}: x must be a floating tensor", kind)))
        if len(a.modes) > 1:
            for value in ("hard", "SOFT", None, 1, ["soft"]):
                rows.append(BadCall(name, "mode", {"mode": value}, ValueError,
                                    (f"{name}: mode must be one of 'soft', 'ste'", f"got {value!r}")))
        rows.append(BadCall(name, "keyword", {"no_such_parameter": 1.0}, TypeError, (f"{name}()", "no_such_parameter")))
    for choice in CHOICES:
        name = choice.name
        for value in ("relu", None, ["sigmoid"], ""):
            rows.append(BadCall(name, "surrogate", {"surrogate": value}, ValueError,
                                (f"{name}: surrogate must be one of", f"got {value!r}")))
        for label, surrogate in choice.surrogates.items():
            target = next(a for a in APPROXIMATIONS if a.name == surrogate.approximation)
            others = sorted({p for a in APPROXIMATIONS for p in a.float_params} - set(surrogate.defaults))
            rows.append(BadCall(name, "surrogate parameter", {"surrogate": label, others[0]: 1.0}, TypeError,
                                (f"{name}: surrogate {label!r} takes the parameters", others[0])))
            for pname in surrogate.defaults:
                domain = target.params[pname].valid_set
                value = _outside(domain)[-1]
                rows.append(BadCall(name, pname, {"surrogate": label, pname: value}, ValueError,
                                    (f"{name} (surrogate {label!r}): {pname} must be in", f"got {value!r}")))
        rows.append(BadCall(name, "x", {"x": _tensor([1, 2], "int32")}, TypeError,
                            (f"{name} (surrogate {choice.default!r}): x must be a floating tensor", "int32")))
    return rows


TABLE = _table()


def test_the_table_covers_every_op_and_parameter():
    covered = {(row.op, row.what) for row in TABLE}
    for a in APPROXIMATIONS:
        assert {(a.name, p) for p in a.params} | {(a.name, "x")} <= covered
    assert {c.name for c in CHOICES} <= {row.op for row in TABLE}
    assert len(TABLE) > 300


@pytest.mark.parametrize("row", TABLE, ids=[row.id for row in TABLE])
def test_bad_call_raises_a_clear_error(tf, dr, row):
    kwargs = {k: (v(tf) if callable(v) else v) for k, v in row.args.items()}
    x = kwargs.pop("x", tf.constant(X))
    with pytest.raises(row.error) as caught:
        getattr(dr, row.op)(x, **kwargs)
    message = str(caught.value)
    pattern = ".*".join(re.escape(part) for part in row.contains)
    assert re.search(pattern, message, re.DOTALL), message


# the labels a quantizer layer takes for a start from the first batch: {op: {param: labels}}
STARTS = {e.name: dict(e.layer.init) for e in CATALOG if isinstance(e, Approximation) and e.layer is not None}
LAYER_TABLE = [row for row in TABLE if row.what != "x" and not any(callable(v) for v in row.args.values())]


def test_the_layer_table_covers_every_layer():
    assert {row.op for row in LAYER_TABLE} == {e.name for e in CATALOG}
    assert len(LAYER_TABLE) > 200


@pytest.mark.parametrize("row", LAYER_TABLE, ids=[row.id for row in LAYER_TABLE])
def test_bad_layer_argument_raises_the_ops_error(dr, row):
    cls = getattr(dr.layers, class_name(row.op))
    taken = inspect.signature(cls.__init__).parameters
    unknown = [k for k in row.args if k not in taken]
    if unknown:  # Keras' own error, naming the class and the argument
        row = replace(row, error=ValueError, contains=(f"Unrecognized keyword arguments passed to {cls.__name__}", unknown[0]))
    labelled = [k for k, v in row.args.items() if isinstance(v, str) and k in STARTS.get(row.op, {})]
    if labelled:  # a str that is not one of the layer's starts from the first batch
        name = labelled[0]
        labels = " or ".join(f'"{label}"' for label in STARTS[row.op][name])
        row = replace(row, error=ValueError, contains=(f"{cls.__name__}: {name} must be {labels} or a float", repr(row.args[name])))
    with pytest.raises(row.error) as caught:
        cls(**row.args)
    message = str(caught.value)
    pattern = ".*".join(re.escape(part) for part in row.contains)
    assert re.search(pattern, message, re.DOTALL), message


@pytest.mark.parametrize("op,pname", [("sigmoid_round", "steepness"), ("soft_round", "alpha"), ("sigmoid_step", "steepness")])
def test_the_largest_parameter_values_stay_finite(tf, dr, op, pname):
    """The float64 maximum in float64, and 1e6 for half precision x (computed in
    float32), are accepted and give the hard function: round(x) (the midpoint
    n + 1/2 at a half-integer, where every sigmoid is 1/2) or H(x)."""
    xs = [-1.7, -0.5, 0.2, 0.5, 1.5, 2.3]
    if op == "sigmoid_step":
        expected = [0.0, 0.0, 1.0, 1.0, 1.0, 1.0]
    else:
        expected = [-2.0, -0.5, 0.0, 0.5, 1.5, 2.0]
    for dtype, value in (("float64", sys.float_info.max), ("float16", 1e6), ("bfloat16", 1e6), ("float32", 3e38)):
        y = getattr(dr, op)(tf.constant(xs, getattr(tf, dtype)), **{pname: value})
        np.testing.assert_array_equal(tf.cast(y, tf.float64).numpy(), expected, err_msg=f"{dtype} {value}")
