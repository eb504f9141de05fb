"""The XLA forms of the kernels: their helpers against mpmath, the choice of
what is compiled, and the compiled and op-by-op paths against each other.

Speed is not asserted here (see scripts/benchmark.py); memory is, through
TensorFlow's allocator statistics, since it is exact.
"""

import importlib
import re

import mpmath
import numpy as np
import pytest
import sympy as sp
from erf_round_catalog import erf_round

from derive import Approximation, Param, generate, x
from derive.catalog import CATALOG
from derive.backends.tensorflow import XLAPrinter
from derive.backends.xla_forms import HELPERS, ordered_helpers
from derive.quantization import divided

APPROXIMATIONS = [a for a in CATALOG if isinstance(a, Approximation)]
CASES = [(a.name, mode) for a in APPROXIMATIONS for mode in a.modes]


def helper(name):
    """A generated helper of the package's XLA forms."""
    return getattr(importlib.import_module("diffround.tensorflow._xla_forms"), name)


def relative_error(got, exact):
    return abs(mpmath.mpf(float(got)) - exact) / abs(exact)


@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_sin_cos_in_turns_is_accurate_to_a_few_ulps_everywhere(tf, dtype):
    sin_cos_turns = helper("sin_cos_turns")
    rng = np.random.default_rng(0)
    quarter = np.arange(-16, 17) / 8  # quadrant boundaries and their neighbours
    us = np.concatenate([rng.uniform(-3, 3, 400), quarter, 1e-3 * quarter, [1e4 + 0.3, -2.0**20 + 0.125]])
    us = np.concatenate([us, np.nextafter(quarter, 9), np.nextafter(quarter, -9)]).astype(dtype)
    sin, cos = (t.numpy() for t in sin_cos_turns(tf.constant(us)))
    eps = float(np.finfo(dtype).eps)
    with mpmath.workdps(40):
        for u, s, c in zip(us, sin, cos):
            turn = 2 * mpmath.pi * mpmath.mpf(float(u))
            for got, exact in ((s, mpmath.sin(turn)), (c, mpmath.cos(turn))):
                if abs(exact) < 1e-30:  # an exact zero: whole or half turns
                    assert got == 0, (u, got)
                else:
                    assert relative_error(got, exact) <= 4 * eps, (u, got, exact)


@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_atan_is_accurate_to_a_few_ulps_everywhere(tf, dtype):
    atan = helper("atan_reduced")
    rng = np.random.default_rng(1)
    edges = np.array([1.0, np.sqrt(2) - 1, 1e-30, 1e30, 0.5, 2.0])
    zs = np.concatenate([rng.standard_cauchy(400), edges, np.nextafter(edges, 9), np.nextafter(edges, -9)])
    zs = np.concatenate([zs, -zs, [0.0]]).astype(dtype)
    got = atan(tf.constant(zs)).numpy()
    eps = float(np.finfo(dtype).eps)
    with mpmath.workdps(40):
        for z, g in zip(zs, got):
            exact = mpmath.atan(mpmath.mpf(float(z)))
            assert (g == 0) if z == 0 else relative_error(g, exact) <= 4 * eps, (z, g, exact)


def test_printer_uses_the_fast_forms_and_keeps_other_slow_functions():
    j = sp.Symbol("_j", integer=True, positive=True)
    n = sp.Symbol("N", integer=True, positive=True)
    t = sp.Symbol("_t", real=True)
    printer = XLAPrinter()
    printer.definitions[t] = sp.pi * x / 3
    assert printer.doprint(sp.sin(t)) == "sin_cos_turns((1/6)*x)[0]"  # seen through the temporary
    series = printer.doprint(sp.Sum((-1) ** j * sp.sin(2 * sp.pi * j * x) / j, (j, 1, n)))
    assert "sin_cos_turns((_j)*x)[0]" in series and "(((1 - 2 * (_j % 2)))/_j)" in series  # one reduction per term
    assert printer.doprint(sp.atan(x)) == "atan_reduced(x)"
    assert printer.helpers == {"sin_cos_turns", "atan_reduced"} and not printer.slow
    text = printer.doprint(sp.sin(x) + sp.erfc(x))  # sin(x): not a multiple of pi
    assert printer.slow == {"sin", "erfc"}
    # erfc through the form that undoes XLA's rounding of z*z, which itself calls erfc
    assert "erfc_exact_square(x)" in text and "erfc_exact_square" in printer.helpers
    # one atan on the selected argument, not one per branch
    shared = printer.doprint(sp.Piecewise((-sp.atan(1 / x), x < -1), (sp.atan(x) + 1, True)))
    assert shared.count("atan_reduced(tf.where(") == 2 and "atan_reduced(x)" not in shared
    y = sp.Symbol("y", real=True)  # a function of two arguments is left per branch
    two = printer.doprint(sp.Piecewise((sp.atan2(x, y), x < 0), (sp.atan2(y, x), True)))
    assert two.count("tf.math.atan2(") == 2 and "atan2" in printer.slow


def test_a_package_has_the_xla_forms_its_ops_call_and_no_others():
    files = generate([erf_round])
    assert re.findall(r"^def (\w+)\(", files["jax/_xla_forms.py"], re.M) == ["erfc_exact_square"]
    # TensorFlow runs a kernel with erfc op by op (not compiled), with its own erfc
    assert "tensorflow/_xla_forms.py" not in files and "tf.math.erfc(" in files["tensorflow/erf_round.py"]
    k = sp.Symbol("k", positive=True)
    tanh_step = Approximation(name="tanh_step", hard="step", expr=(1 + sp.tanh(k * x)) / 2, params={"k": Param(k, 2.0)})
    files = generate([tanh_step], backends=["tensorflow", "jax"])
    assert "tensorflow/tanh_step.py" in files and not [name for name in files if name.endswith("_xla_forms.py")]
    assert "_xla_forms" not in files["tensorflow/tanh_step.py"] + files["jax/tanh_step.py"]


def test_a_kernel_with_a_slow_function_is_not_compiled():
    text = generate([erf_round])["tensorflow/erf_round.py"]
    # the forward's erfc runs op by op; the derivatives (exp) are compiled
    assert re.search(r"xla=\(None, _gradient_x\w*\)", text), text[-800:]
    assert "hard_xla=None" in text  # tf.round alone: see the next test


def test_a_kernel_of_one_operation_is_not_compiled(catalog_files):
    """tf.round(x) alone has nothing to fuse; a step or sign (compare, select) has."""
    for name in ("tensorflow/sigmoid_round.py", "tensorflow/soft_round.py", "tensorflow/ste_round.py"):
        assert "hard_xla=None" in catalog_files[name], name
    for name in ("sigmoid_step.py", "approx_sign.py", "hard_step.py"):
        assert "hard_xla=_hard" in catalog_files[f"tensorflow/{name}"], name


def test_op_modules_import_exactly_the_helpers_they_call(catalog_files):
    files = catalog_files
    for backend in ("tensorflow", "jax"):
        every_import = set()
        for name, text in files.items():
            if not name.startswith(f"{backend}/") or name.startswith(f"{backend}/_"):
                continue
            imported = re.search(r"^from \._xla_forms import (.*)$", text, re.M)
            imported = set(imported.group(1).split(", ")) if imported else set()
            called = {h for h in HELPERS if re.search(rf"\b{h}\(", text)}
            assert imported == called, name
            every_import |= imported
        # the forms module defines what the op modules import (and what those helpers call), no more
        defined = set(re.findall(r"^def (\w+)\(", files[f"{backend}/_xla_forms.py"], re.M))
        assert defined == {h.name for h in ordered_helpers(every_import)}, backend
        assert "erfc_exact_square" not in defined  # no op of the catalog calls erfc
    fourier = files["tensorflow/fourier_round.py"]
    assert "sin_cos_turns" in fourier and "tf.math.sin(" in fourier
    assert "atan_reduced" in files["tensorflow/atan_step.py"]


def value_and_derivatives(tf, dr, name, mode, x, **params):
    a = next(a for a in APPROXIMATIONS if a.name == name)
    kwargs = {"mode": mode} if len(a.modes) > 1 else {}
    with tf.GradientTape(persistent=True) as outer:
        outer.watch(x)
        with tf.GradientTape() as inner:
            inner.watch(x)
            y = getattr(dr, name)(x, **kwargs, **params)
        first = inner.gradient(y, x)
    return y.numpy(), first.numpy(), outer.gradient(first, x).numpy()


@pytest.mark.parametrize("name,mode", CASES)
def test_compiled_and_op_by_op_kernels_agree(tf, dr, name, mode):
    x = tf.constant(np.concatenate([np.linspace(-2.6, 2.6, 53), [0.5, -0.5, 1e3 + 0.25]]), tf.float64)
    try:
        dr.set_xla(False)
        plain = value_and_derivatives(tf, dr, name, mode, x)
    finally:
        dr.set_xla(True)
    compiled = value_and_derivatives(tf, dr, name, mode, x)
    for got, expected in zip(compiled, plain):
        np.testing.assert_allclose(got, expected, rtol=1e-12, atol=1e-12 * np.max(np.abs(expected)))


def loops_over_x(tf, function, output, x, arguments):
    """How many loops over an array of x's size one output of a kernel
    compiles to: the optimized HLO's top-level instructions of that shape."""
    compiled = tf.function(lambda x: tf.nest.flatten(function(x, *arguments))[output], jit_compile=True)
    # the device named: TensorFlow finds the default one with a random op, which a
    # test before may have forbidden (op determinism without a seed)
    hlo = compiled.experimental_get_compiler_ir(x)(stage="optimized_hlo", device_name=x.device)
    entry = hlo.split("ENTRY", 1)[1]
    return len(re.findall(rf"= f32\[{x.shape[0]}\]\{{0\}} (?!parameter\()\w+\(", entry))


# d/dalpha of soft_round and soft_round_inverse, with alpha a tensor: quotients
# that are factors of several terms (soft_round's logistic tail e/(1 + e) of its
# saturating form, in two branches)
KNOWN_SPLITS = {
    ("soft_round_inverse", "all", "gradient", 1): 3,
    # dsq_quant: the nearest level (a select between its forms counted from lower and from
    # upper) feeds x's distance to it, that distance's sign, u and both of the cell's forms:
    # XLA computes it in a loop of its own, and for d/dlower and d/dupper one more
    **{("dsq_quant", tag, role, 0): 2 for tag in ("x", "all") for role in ("value", "gradient")},
    ("dsq_quant", "all", "gradient", 1): 2,
    ("dsq_quant", "all", "gradient", 2): 3,
    ("dsq_quant", "all", "gradient", 3): 3,
}
# bytes per element of x that a backward kernel with tensor parameters may allocate:
# soft_round's (the kernel of both alpha < 4 and alpha >= 4) computes its test
# u < 1/4 as a boolean mask in a loop of its own (its regime kernels do not)
KNOWN_SCRATCH = {"soft_round": 1}


@pytest.mark.filterwarnings("ignore:device_name is being deprecated")  # see loops_over_x
@pytest.mark.parametrize("name", [a.name for a in APPROXIMATIONS])
def test_each_compiled_kernel_output_is_one_loop(tf, dr, name):
    """XLA on CPU computes an expensive value (a quotient) that a kernel uses
    twice in a loop of its own: one more pass over memory and a buffer the
    size of x. Each output of every compiled value and gradient kernel (each
    regime's too) is one loop over x, but those of ``KNOWN_SPLITS``."""
    x = tf.linspace(-4.0, 4.0, 1024)
    op = importlib.import_module(f"diffround.tensorflow.{name}")._OP
    int_param = dr.tensorflow._runtime.IntParam
    arguments = [p.default if isinstance(p, int_param) else tf.constant(p.default, tf.float32) for p in op.params]
    split = []
    for tag, kernels in op.kernels.items():
        for role, compiled in (("value", kernels.compiled_value), ("gradient", kernels.compiled_gradient)):
            if compiled is None:
                continue
            function = compiled.function.python_function
            outputs = len(tf.nest.flatten(function(x, *arguments)))
            for output in range(outputs):
                loops = loops_over_x(tf, function, output, x, arguments)
                if loops != KNOWN_SPLITS.get((name, tag, role, output), 1):
                    split.append(f"{tag} {role} output {output}: {loops} loops")
    assert not split, split


def peak_bytes(tf, function):
    """The allocator's peak while ``function`` runs (once compiled), over what was allocated before."""
    function()  # compiles first
    tf.config.experimental.reset_memory_stats("CPU:0")
    before = tf.config.experimental.get_memory_info("CPU:0")["current"]
    outputs = function()
    peak = tf.config.experimental.get_memory_info("CPU:0")["peak"] - before
    del outputs
    return peak


@pytest.mark.parametrize("name,mode", CASES)
def test_forward_backward_keeps_no_intermediates(tf, dr, name, mode):
    """Eagerly, a forward and backward allocates y and dx and nothing more:
    the forward saves no residuals, no tape keeps a kernel's intermediates,
    and a compiled kernel is one loop, with no buffer of its own. An op whose
    kernels divide as written (``divided``: XLA would multiply by a
    reciprocal) runs op by op, each operation's result a tensor of its own:
    the larger of its forward's and its backward's scratch is allowed."""
    size = 2**18
    x = tf.random.stateless_uniform([size], seed=(1, 2), minval=-4.0, maxval=4.0, dtype=tf.float32)
    dy = tf.ones([size])
    a = next(a for a in APPROXIMATIONS if a.name == name)
    op = importlib.import_module(f"diffround.tensorflow.{name}")._OP
    defaults = [p.default if isinstance(p, dr.tensorflow._runtime.IntParam) else tf.constant(p.default, tf.float32) for p in op.params]

    def forward_backward():
        kwargs = {"mode": mode} if len(a.modes) > 1 else {}
        with tf.GradientTape() as tape:
            tape.watch(x)
            y = getattr(dr, name)(x, **kwargs)
        return y, tape.gradient(y, x, output_gradients=dy)

    kernels = op.kernels["x"]
    if kernels.compiled_vector_jacobian is not None:
        backward_alone = peak_bytes(tf, lambda: kernels.compiled_vector_jacobian(dy, x, *defaults))
        scratch = backward_alone - size * 4  # less its output, dx
        allowed = KNOWN_SCRATCH.get(name, 0) * size + 4096
        assert scratch <= allowed, f"the backward kernel alone: {backward_alone / (size * 4):.2f} tensors"
    else:
        assert a.expr.has(divided), f"{name}: the backward kernel is not compiled"
        scratch = peak_bytes(tf, lambda: [dy * d for d in kernels.gradient(x, *defaults)[0]]) - size * 4
    compiled_forward = op.compiled_hard if mode == "ste" else kernels.compiled_value
    if compiled_forward is None:  # one operation (tf.round), or a kernel that divides as written
        forward = op.hard if mode == "ste" else kernels.value
        scratch = max(scratch, peak_bytes(tf, lambda: forward(x, *defaults)[0]) - size * 4)  # less y
    peak = peak_bytes(tf, forward_backward)
    assert peak <= 2 * size * 4 + scratch + 4096, f"{peak / (size * 4):.2f} tensors the size of x"
