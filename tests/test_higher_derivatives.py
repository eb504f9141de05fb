"""Third derivatives in x on every backend: a tensor of x's shape for every
op and mode, never None and never an error, equal to the SymPy/mpmath third
derivative of the op's expression (derive.reference, 50 digits). The third
derivative is each framework's autodiff of the exact Hessian kernel; where
that kernel does not depend on x (piecewise polynomial ops) it is zeros.
"""

import numpy as np
import pytest

jax = pytest.importorskip("jax")
jax.config.update("jax_enable_x64", True)
import jax.numpy as jnp  # noqa: E402

torch = pytest.importorskip("torch")

from derive.catalog import CATALOG  # noqa: E402
from shared_references import off_the_boundaries, shared_reference  # noqa: E402
from derive.spec import Approximation  # noqa: E402

APPROXIMATIONS = {a.name: a for a in CATALOG if isinstance(a, Approximation)}
CASES = [(name, mode) for name in sorted(APPROXIMATIONS) for mode in APPROXIMATIONS[name].modes]
# away from the kinks and jumps of the piecewise ops; an op's own edges and levels: points()
XS = np.array([-2.3, -0.7, -0.2, 0.1, 0.3, 0.45, 0.6, 1.2, 2.7])


def points(name):
    return off_the_boundaries(APPROXIMATIONS[name], XS)
# loose: the Hessian kernels' own rounding, differentiated once more
RTOL, ATOL = 1e-8, 1e-9


def third_reference(name):
    a = APPROXIMATIONS[name]
    ref = shared_reference(a)
    floats = tuple(float(a.params[n].default) for n in a.float_params)
    return np.array([float(ref.evaluate(("x", "x", "x"), (float(x), *floats))) for x in points(name)])


def mode_argument(name, mode):
    return {"mode": mode} if len(APPROXIMATIONS[name].modes) > 1 else {}


def check(got, name, mode, where):
    assert got is not None, f"{name} {mode} {where}: None"
    got = np.asarray(got)
    assert got.shape == XS.shape, f"{name} {mode} {where}: shape {got.shape}"
    np.testing.assert_allclose(got, third_reference(name), rtol=RTOL, atol=ATOL, err_msg=f"{name} {mode} {where}")


@pytest.mark.parametrize("name,mode", CASES)
def test_tensorflow_third_derivative_nested_tapes(tf, dr, name, mode):
    op, kwargs = getattr(dr.tensorflow, name), mode_argument(name, mode)

    def third(x):
        with tf.GradientTape() as t3:
            t3.watch(x)
            with tf.GradientTape() as t2:
                t2.watch(x)
                with tf.GradientTape() as t1:
                    t1.watch(x)
                    y = op(x, **kwargs)
                first = t1.gradient(y, x)
            second = t2.gradient(first, x)
        return t3.gradient(second, x)

    runtime = dr.tensorflow._runtime
    previous = runtime.XLA
    try:
        for compiled in (True, False):
            runtime.set_xla(compiled)
            for graph in (False, True):
                got = (tf.function(third) if graph else third)(tf.constant(points(name), tf.float64))
                check(None if got is None else got.numpy(), name, mode, f"xla={compiled} tf.function={graph}")
    finally:
        runtime.set_xla(previous)


@pytest.mark.parametrize("name,mode", CASES)
def test_jax_third_derivative_grad_of_grad_of_grad(dr, name, mode):
    op, kwargs = getattr(dr.jax, name), mode_argument(name, mode)
    third = jax.vmap(jax.grad(jax.grad(jax.grad(lambda x: op(x, **kwargs)))))
    x = jnp.asarray(points(name), jnp.float64)
    check(third(x), name, mode, "eager")
    check(jax.jit(third)(x), name, mode, "jit")


@pytest.mark.parametrize("name,mode", CASES)
def test_torch_third_derivative_triple_autograd_grad(dr, name, mode):
    op, kwargs = getattr(dr.torch, name), mode_argument(name, mode)
    x = torch.tensor(points(name), dtype=torch.float64, requires_grad=True)
    y = op(x, **kwargs)
    (first,) = torch.autograd.grad(y.sum(), x, create_graph=True)
    (second,) = torch.autograd.grad(first.sum(), x, create_graph=True)
    (third,) = torch.autograd.grad(second.sum(), x)
    check(third.detach().numpy(), name, mode, "autograd")
    # and through torch.func, which differentiates the same Functions
    scalar = lambda u: op(u, **kwargs)  # noqa: E731
    got = torch.func.vmap(torch.func.grad(torch.func.grad(torch.func.grad(scalar))))(x.detach())
    check(got.numpy(), name, mode, "torch.func")
