"""diffround.torch: the PyTorch backend.

(Every op against the verifier's 50-digit references, value, first and
second derivatives: tests/test_verification.py, for every backend.)
Autograd's own checks (gradcheck, gradgradcheck, forward AD,
batched gradients) against central differences; torch.func transforms and
forward AD against reverse mode and the references; torch.compile without
graph breaks; the same errors as the TensorFlow backend for the same bad
calls; half precision; non-finite x; and an import of diffround.torch that
loads neither TensorFlow nor JAX.
"""

import math
import os
import re
import subprocess
import sys
from pathlib import Path

import mpmath
import numpy as np
import pytest

import torch  # noqa: E402

from derive.catalog import CATALOG, RANDOM_OPS  # noqa: E402
from shared_references import shared_reference  # noqa: E402
from derive.spec import Approximation  # noqa: E402
from derive.verification.decisions import applies as decisions_apply  # noqa: E402
from derive.verification.decisions import hard_tolerance, near_decisions  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
APPROXIMATIONS = [a for a in CATALOG if isinstance(a, Approximation)]
SOFT = [a for a in APPROXIMATIONS if "soft" in a.modes]
# away from every op's jumps and kinks at its default parameters
SMOOTH_X = [-1.37, -0.61, 0.23, 0.41, 1.69]


@pytest.fixture(scope="module")
def drt():
    import diffround.torch

    return diffround.torch


def _defaults(a):
    floats = {n: float(a.params[n].default) for n in a.float_params}
    ints = {n: a.params[n].default for n in a.int_params}
    return floats, ints


def _slope_of_sigmoid_round(x, k):
    """d/dx of floor(x) + sigmoid(k (x - floor(x) - 1/2)), written out here: k s (1 - s)."""
    with mpmath.workdps(50):
        x = mpmath.mpf(x)
        s = 1 / (1 + mpmath.exp(-k * (x - mpmath.floor(x) - mpmath.mpf(1) / 2)))
        return k * s * (1 - s), k * k * s * (1 - s) * (1 - 2 * s)


def test_sigmoid_rounds_derivatives_against_the_formula(drt):
    """An mpmath spot check independent of the spec: the logistic's slope
    k s (1 - s) and curvature k^2 s (1 - s)(1 - 2 s), float64 to 4 ULP."""
    x = torch.tensor(SMOOTH_X, dtype=torch.float64, requires_grad=True)
    (slope,) = torch.autograd.grad(drt.sigmoid_round(x, steepness=7.0).sum(), x, create_graph=True)
    (curvature,) = torch.autograd.grad(slope.sum(), x)
    for xi, d1, d2 in zip(SMOOTH_X, slope.tolist(), curvature.tolist()):
        exact1, exact2 = _slope_of_sigmoid_round(xi, 7)
        assert abs(d1 - exact1) <= 4 * np.spacing(abs(float(exact1))), (xi, d1, exact1)
        assert abs(d2 - exact2) <= 4 * np.spacing(abs(float(exact2))), (xi, d2, exact2)


def _tensor_params(a, n=len(SMOOTH_X)):
    floats, _ = _defaults(a)
    return list(floats), [torch.full((n,), v, dtype=torch.float64, requires_grad=True) for v in floats.values()]


@pytest.mark.parametrize("a", SOFT, ids=lambda a: a.name)
def test_gradcheck_and_gradgradcheck(drt, a):
    """Reverse, forward and batched first derivatives, and reverse-over-reverse
    and forward-over-reverse second derivatives, against central differences
    in float64 (soft mode: the function differentiated is the forward)."""
    names, params = _tensor_params(a)
    x = torch.tensor(SMOOTH_X, dtype=torch.float64, requires_grad=True)

    def op(x, *params):
        return getattr(drt, a.name)(x, **dict(zip(names, params)), mode="soft")

    assert torch.autograd.gradcheck(op, (x, *params), check_forward_ad=True, check_batched_grad=True)
    assert torch.autograd.gradgradcheck(op, (x, *params), check_fwd_over_rev=True, check_batched_grad=True)


@pytest.mark.parametrize("a", [a for a in APPROXIMATIONS if "ste" in a.modes], ids=lambda a: a.name)
def test_ste_forward_is_hard_and_its_derivatives_are_the_soft_ones(drt, a):
    """ste: the hard function's value (x = 0.5 rounds to even), and the first
    and second derivatives of soft mode, bit for bit. A quantizer composed with
    roundings (TensorFlow's fake quant: level times a rounded scale) gives its
    level within the condition bound of the level's magnitude, as the
    verifier accepts (derive/verification/decisions.py)."""
    names, params = _tensor_params(a, 6)
    x = torch.tensor([*SMOOTH_X, 0.5], dtype=torch.float64, requires_grad=True)
    results = {}
    for mode in a.modes:
        y = getattr(drt, a.name)(x, **dict(zip(names, params)), mode=mode)
        firsts = torch.autograd.grad(y.sum(), [x, *params], create_graph=True)
        seconds = torch.autograd.grad(firsts[0].sum(), [x, *params], allow_unused=True)
        results[mode] = (y, firsts, seconds)
    y = results["ste"][0].detach()
    reference = shared_reference(a, _defaults(a)[1])
    values = [float(v) for v in _defaults(a)[0].values()]
    points = [(float(xi), *values) for xi in x.tolist()]
    expected = np.array([float(reference.hard(p)) for p in points])
    if decisions_apply(a):
        floats, ints = _defaults(a)
        xs = np.array([p[0] for p in points])
        near = near_decisions(a, floats, ints, xs, "float64")
        tolerance = hard_tolerance(reference, points, "float64")
        assert np.all(near | (np.abs(y.numpy() - expected) <= tolerance)), (y.tolist(), expected.tolist())
    else:
        assert y.tolist() == expected.tolist()
    if "soft" in a.modes:
        for ste, soft in zip(results["ste"][1] + results["ste"][2], results["soft"][1] + results["soft"][2]):
            assert (ste is None and soft is None) or torch.equal(ste, soft)


def test_torch_func_transforms_agree_with_autograd(drt):
    """grad, jvp, vmap, jacrev, jacfwd and hessian of an op with an integer
    and a tensor float parameter give autograd's per-point results."""
    x = torch.tensor(SMOOTH_X, dtype=torch.float64, requires_grad=True)
    width = torch.tensor(0.2, dtype=torch.float64, requires_grad=True)

    def op(x, width):
        return drt.sine_round(x, width=width)

    y = op(x, width)
    dx, dw = torch.autograd.grad(y.sum(), [x, width], create_graph=True)
    (dxx,) = torch.autograd.grad(dx.sum(), x, retain_graph=True)
    (dxw,) = torch.autograd.grad(dx.sum(), width)
    xd, wd = x.detach(), width.detach()
    grads = torch.func.grad(lambda x, w: op(x, w).sum(), argnums=(0, 1))(xd, wd)
    torch.testing.assert_close(grads[0], dx.detach(), rtol=0, atol=0)
    torch.testing.assert_close(grads[1], dw.detach(), rtol=0, atol=0)
    _, tangent = torch.func.jvp(lambda x: op(x, wd), (xd,), (torch.ones_like(xd),))
    torch.testing.assert_close(tangent, dx.detach(), rtol=0, atol=0)
    batched = torch.func.vmap(lambda xi: op(xi, wd))(xd.reshape(-1, 1))
    torch.testing.assert_close(batched.reshape(-1), y.detach(), rtol=0, atol=0)
    for jacobian in (torch.func.jacrev, torch.func.jacfwd):
        torch.testing.assert_close(torch.diagonal(jacobian(lambda x: op(x, wd))(xd)), dx.detach(), rtol=0, atol=0)
    hessian = torch.func.hessian(lambda x, w: op(x, w).sum(), argnums=(0, 1))(xd, wd)
    torch.testing.assert_close(torch.diagonal(hessian[0][0]), dxx, rtol=0, atol=0)
    # d2/dx_i dwidth per point: summed over the points, autograd's gradient of the sum
    torch.testing.assert_close(hessian[0][1].sum(), dxw, rtol=1e-15, atol=0)
    torch.testing.assert_close(hessian[0][1], hessian[1][0], rtol=0, atol=0)
    # vmap over a parameter: each row its own steepness
    steepness = torch.tensor([2.0, 5.0, 9.0], dtype=torch.float64)
    rows = torch.func.vmap(lambda k: drt.sigmoid_round(xd, steepness=k))(steepness)
    for row, k in zip(rows, steepness.tolist()):
        torch.testing.assert_close(row, drt.sigmoid_round(xd, steepness=k), rtol=0, atol=0)


def test_forward_ad_of_first_and_second_derivatives(drt):
    """torch.autograd.forward_ad: the tangent of the value is d/dx (the
    reference), and forward over reverse gives d2/dx2."""
    import torch.autograd.forward_ad as forward_ad

    a = next(a for a in APPROXIMATIONS if a.name == "soft_round")
    reference = shared_reference(a)
    x = torch.tensor(SMOOTH_X, dtype=torch.float64)
    with forward_ad.dual_level():
        dual = forward_ad.make_dual(x.clone().requires_grad_(), torch.ones_like(x))
        y = drt.soft_round(dual, alpha=3.0)
        tangent = forward_ad.unpack_dual(y).tangent
        (slope,) = torch.autograd.grad(y.sum(), dual, create_graph=True)
        curvature = forward_ad.unpack_dual(slope).tangent
    for xi, d1, d2 in zip(SMOOTH_X, tangent.tolist(), curvature.tolist()):
        exact1 = float(reference.evaluate(("x",), (xi, 3.0)))
        exact2 = float(reference.evaluate(("x", "x"), (xi, 3.0)))
        assert abs(d1 - exact1) <= 8 * np.spacing(abs(exact1)), (xi, d1, exact1)
        assert abs(d2 - exact2) <= 8 * np.spacing(abs(exact2)), (xi, d2, exact2)


def test_torch_compile_fullgraph_gives_the_eager_results(drt):
    """An op and its backward compile without graph breaks (fullgraph: Dynamo
    and AOTAutograd, the ops run as traced), with a number and with a tensor
    parameter; values and gradients equal eager's bit for bit."""

    def loss(x, steepness):
        return drt.sigmoid_round(x, steepness=steepness).sum()

    compiled = torch.compile(loss, fullgraph=True, backend="aot_eager")
    x = torch.linspace(-3, 3, 101, dtype=torch.float32)
    for steepness in (6.0, torch.tensor(6.0, requires_grad=True)):
        inputs = [x.clone().requires_grad_()]
        if isinstance(steepness, torch.Tensor):
            inputs.append(steepness)
        eager_y = loss(inputs[0], steepness)
        eager_grads = torch.autograd.grad(eager_y, inputs)
        compiled_y = compiled(inputs[0], steepness)
        compiled_grads = torch.autograd.grad(compiled_y, inputs)
        assert torch.equal(compiled_y, eager_y)
        for got, expected in zip(compiled_grads, eager_grads):
            assert torch.equal(got, expected)
    # parameters are checked by an assertion in the graph: the message without the value
    for bad in (torch.tensor(-1.0), -1.0, math.nan, 1e39):
        with pytest.raises(RuntimeError, match=re.escape("sigmoid_round: steepness must be in (0, inf)")):
            compiled(x, bad)


@pytest.mark.parametrize(
    "name,params",
    [("ste_round", {}), ("atan_step", {}), ("sigmoid_step", {"center": 0.25}), ("fourier_round", {"terms": 3}),
     ("heaviside", {"surrogate": "atan"})],
)
def test_every_kind_of_op_compiles_with_and_without_a_gradient(drt, name, params):
    """Ops with no float parameter, two, an integer one and a surrogate choice,
    compiled without graph breaks, whether or not x needs a gradient; the
    values and gradients are eager's."""
    op = getattr(drt, name)
    torch._dynamo.reset()  # each case compiles this test's lambda anew, within Dynamo's recompile limit
    compiled = torch.compile(lambda v: op(v, **params), fullgraph=True, backend="aot_eager")
    x = torch.linspace(-2.3, 2.3, 47, dtype=torch.float32)
    assert torch.equal(compiled(x), op(x, **params))
    leaf = x.clone().requires_grad_()
    (got,) = torch.autograd.grad(compiled(leaf).sum(), leaf)
    (expected,) = torch.autograd.grad(op(leaf, **params).sum(), leaf)
    assert torch.equal(got, expected)


def test_torch_compile_keeps_one_graph_for_a_changing_number(drt):
    """A number parameter that changes between calls (an annealed steepness)
    becomes an input of the compiled graph after the first change: two
    compilations for any number of values, and one more per regime of
    soft_round (alpha < 4, alpha >= 4), each giving eager's result."""
    from torch._dynamo.testing import CompileCounterWithBackend

    x = torch.linspace(-2, 2, 33, dtype=torch.float64)
    cases = (
        (drt.sigmoid_round, "steepness", (1.0, 2.0, 3.5, 9.0, 30.0), 2),
        (drt.soft_round, "alpha", (1.0, 2.0, 3.9, 4.0, 12.0), 3),
    )
    for op, name, values, compilations in cases:
        torch._dynamo.reset()  # forget which inputs earlier calls made dynamic
        counter = CompileCounterWithBackend("aot_eager")

        def call(x, value, op=op, name=name):
            return op(x, **{name: value})

        compiled = torch.compile(call, fullgraph=True, backend=counter)
        for value in values:
            assert torch.equal(compiled(x, value), call(x, value)), (op.__name__, value)
        assert counter.frame_count == compilations, op.__name__


def test_torch_compile_with_inductor(drt):
    """The default backend (Inductor, generated C++ on the CPU): fullgraph,
    values and gradients within 2 ULP of eager."""
    x = torch.linspace(-3, 3, 64, dtype=torch.float32, requires_grad=True)

    def loss(x):
        return drt.soft_round(x, alpha=4.0, mode="ste").sum()

    compiled = torch.compile(loss, fullgraph=True)
    (eager,) = torch.autograd.grad(loss(x), x)
    (got,) = torch.autograd.grad(compiled(x), x)
    torch.testing.assert_close(got, eager, rtol=2 * 2.0**-23, atol=0)


@pytest.mark.parametrize("dtype", ["float16", "bfloat16"])
def test_half_precision_computes_in_float32(drt, dtype):
    """float16/bfloat16 x: the float32 result rounded to x's dtype, also under
    torch.autocast; gradients come back in x's dtype."""
    half = getattr(torch, dtype)
    x = torch.tensor(SMOOTH_X, dtype=half, requires_grad=True)
    expected = drt.sigmoid_round(x.detach().float(), steepness=7.0).to(half)
    y = drt.sigmoid_round(x, steepness=7.0)
    assert y.dtype == half and torch.equal(y, expected)
    (grad,) = torch.autograd.grad(y.sum(), x)
    assert grad.dtype == half
    single = drt.sigmoid_round(x.detach().float(), steepness=7.0)
    with torch.autocast("cpu", dtype=torch.bfloat16):
        assert torch.equal(drt.sigmoid_round(x.detach(), steepness=7.0), expected)
        autocast_single = drt.sigmoid_round(x.detach().float(), steepness=7.0)
    assert autocast_single.dtype == torch.float32 and torch.equal(autocast_single, single)


def test_non_finite_x_as_tensorflow(drt):
    """NaN gives NaN, +-inf the hard function's value (x itself for a
    round-like op), every derivative 0, through vmap and compile as well."""
    x = torch.tensor([math.nan, math.inf, -math.inf, 0.3], dtype=torch.float64, requires_grad=True)
    steepness = torch.tensor(5.0, dtype=torch.float64, requires_grad=True)
    y = drt.sigmoid_step(x, steepness=steepness)
    assert torch.equal(y[1:3].detach(), torch.tensor([1.0, 0.0], dtype=torch.float64)) and torch.isnan(y[0])
    gx, gs = torch.autograd.grad(y[1:].sum(), [x, steepness])
    assert gx[:3].tolist() == [0.0, 0.0, 0.0] and gx[3] > 0 and math.isfinite(gs.item())
    y = drt.soft_round(x.detach(), alpha=3.0)
    assert torch.isnan(y[0]) and y[1:3].tolist() == [math.inf, -math.inf]
    batched = torch.func.vmap(lambda v: drt.sigmoid_step(v, steepness=5.0))(x.detach().reshape(-1, 1)).reshape(-1)
    torch.testing.assert_close(batched, drt.sigmoid_step(x.detach(), steepness=5.0), equal_nan=True, rtol=0, atol=0)


def test_broadcast_parameters_get_summed_gradients(drt):
    """A (3, 1) parameter with x of shape (4,): output (3, 4), the parameter's
    gradient each row's sum; a number parameter takes no gradient."""
    x = torch.tensor([-0.7, 0.1, 0.4, 1.3], dtype=torch.float64, requires_grad=True)
    k = torch.tensor([[2.0], [5.0], [8.0]], dtype=torch.float64, requires_grad=True)
    y = drt.sigmoid_round(x, steepness=k)
    assert y.shape == (3, 4)
    gx, gk = torch.autograd.grad(y.sum(), [x, k])
    for row, value in enumerate(k.detach().reshape(-1).tolist()):
        kk = torch.full((4,), value, dtype=torch.float64, requires_grad=True)
        xx = x.detach().clone().requires_grad_()
        row_x, row_k = torch.autograd.grad(drt.sigmoid_round(xx, steepness=kk).sum(), [xx, kk])
        assert torch.allclose(gk[row, 0], row_k.sum(), rtol=1e-15, atol=0)
    assert y.grad_fn.name() == "SigmoidRoundBackward"
    y = drt.sigmoid_round(x.detach(), steepness=5.0)
    assert not y.requires_grad


# -- the same errors as the TensorFlow backend ------------------------------------------------------


class _TorchAsTF:
    """The tensor makers of tests/test_bad_input.py's table (tf.constant,
    tf.Variable, dtypes by name), making torch tensors."""

    def __getattr__(self, name):
        return getattr(torch, name)

    @staticmethod
    def constant(values, dtype):
        return torch.tensor(values, dtype=dtype)

    @staticmethod
    def Variable(value):  # noqa: N802 (tf.Variable)
        return torch.tensor(value)


def _bad_input_table():
    sys.path.insert(0, str(ROOT / "tests"))
    from test_bad_input import TABLE, X

    return TABLE, X


def _torch_rows():
    table, _ = _bad_input_table()
    # TensorFlow converts a list x to a tensor (int32 for [1, 2]); torch has no string tensors
    return [
        row
        for row in table
        if not (row.what == "x" and isinstance(row.args.get("x"), list)) and "string" not in str(row.contains)
    ]


TORCH_ROWS = _torch_rows()


def test_the_error_table_leaves_out_only_what_torch_has_no_tensor_for():
    table, _ = _bad_input_table()
    assert len(table) - len(TORCH_ROWS) == 2 * len(APPROXIMATIONS)
    assert len(TORCH_ROWS) > 300


@pytest.mark.parametrize("row", TORCH_ROWS, ids=[row.id for row in TORCH_ROWS])
def test_bad_call_raises_the_tensorflow_backends_error(drt, row):
    """Each call of tests/test_bad_input.py's table with torch tensors: the
    error type and message that table asks of TensorFlow (op, parameter,
    value, range)."""
    _, x_values = _bad_input_table()
    kwargs = {k: (v(_TorchAsTF()) if callable(v) else v) for k, v in row.args.items()}
    x = kwargs.pop("x", torch.tensor(x_values))
    with pytest.raises(row.error) as caught:
        getattr(drt, row.op)(x, **kwargs)
    pattern = ".*".join(re.escape(part) for part in row.contains)
    assert re.search(pattern, str(caught.value), re.DOTALL), str(caught.value)


def test_x_that_is_not_a_tensor_is_named(drt):
    with pytest.raises(TypeError, match=r"sigmoid_round: x must be a floating tensor \(float16, .*\), got list"):
        drt.sigmoid_round([0.5, 1.5])


# -- packaging --------------------------------------------------------------------------------------


def _run_python(code):
    environment = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT / "generated"), str(ROOT)]))
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=environment, timeout=300)


def test_importing_the_torch_backend_imports_neither_tensorflow_nor_jax():
    done = _run_python(
        "import sys, torch, diffround.torch as drt\n"
        "drt.sigmoid_round(torch.tensor([0.3]))\n"
        "print(sorted(m for m in ('tensorflow', 'jax', 'keras') if m in sys.modules))"
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_the_top_level_dispatches_a_torch_tensor_to_torch(dr, drt):
    x = torch.tensor([0.2, 0.7], dtype=torch.float64, requires_grad=True)
    y = dr.sigmoid_round(x, steepness=5.0)
    assert isinstance(y, torch.Tensor) and y.dtype == torch.float64
    assert torch.equal(y, drt.sigmoid_round(x, steepness=5.0))
    y = dr.heaviside(x, surrogate="sigmoid")
    assert isinstance(y, torch.Tensor) and y.tolist() == [1.0, 1.0]


def test_same_names_signatures_and_docstrings_as_tensorflow(drt):
    """Each op's signature as TensorFlow's, its docstring the same but for
    the lines saying what x is and what name does."""
    import ast

    generated = ROOT / "generated" / "diffround"

    def definition(backend, name):
        tree = ast.parse((generated / backend / f"{name}.py").read_text())
        return next(node for node in tree.body if isinstance(node, ast.FunctionDef) and node.name == name)

    def described(docstring):
        return [line for line in docstring.split("\n") if not line.strip().startswith(("x:", "name:"))]

    for entry in CATALOG:
        ours, theirs = definition("torch", entry.name), definition("tensorflow", entry.name)
        assert ast.dump(ours.args) == ast.dump(theirs.args)
        assert described(ast.get_docstring(ours)) == described(ast.get_docstring(theirs))
        assert "torch.Tensor" in ast.get_docstring(ours)
        assert getattr(drt, entry.name).__doc__ == ours.body[0].value.value
    assert set(drt.__all__) == {e.name for e in [*CATALOG, *RANDOM_OPS]}


@pytest.mark.parametrize("a", APPROXIMATIONS, ids=lambda a: a.name)
def test_no_data_leaves_the_device_of_x(drt, a):
    """Without a GPU here, the meta device stands in for CUDA: a meta tensor has
    no data, so a constant made on the CPU with more than one element, a read of
    a value into Python (.item(), a host-side check) or a copy to another device
    raises. Value, first and second derivatives in x and the float parameters
    (as meta tensors), in every mode."""
    floats, ints = _defaults(a)
    for mode in a.modes:
        x = torch.zeros(6, device="meta", requires_grad=True)
        params = {n: torch.full((6,), v, device="meta", requires_grad=True) for n, v in floats.items()}
        y = getattr(drt, a.name)(x, **params, **ints, mode=mode)
        inputs = [x, *params.values()]
        firsts = torch.autograd.grad(y.sum(), inputs, create_graph=True, allow_unused=True)
        seconds = torch.autograd.grad(sum(g.sum() for g in firsts if g is not None), inputs, allow_unused=True)
        for t in (y, *firsts, *seconds):
            assert t is None or t.device.type == "meta", (a.name, mode, t.device)
        assert y.shape == x.shape and firsts[0].shape == x.shape
