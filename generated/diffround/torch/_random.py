# Generated from template templates/torch/_random.py.jinja and spec derive/catalog.py.
# Do NOT modify by hand: edit the spec or the template, then run
#     python scripts/regenerate_ops.py
"""The random ops' runtime: the seed checked, one uniform draw on [0, 1) per
element of x from a torch.Generator seeded with it on x's device (torch.rand,
in the compute dtype: float32 for float16 and bfloat16 x), the forward
printed from the catalog, and a torch.autograd.Function whose backward and
jvp pass x's gradient and tangent through: gradient 1 in reverse and
forward mode and under torch.func, second derivatives 0. Under
torch.func.vmap give randomness="same" (one draw for the batch) or
"different". Under torch.compile the draw is a graph break (Dynamo makes
no torch.Generator inside a compiled region, so fullgraph=True refuses the
op), and the numbers are the eager call's."""

import torch

from . import _runtime
from .._arguments import check_int_seed, check_mode

SEED_WORDS = "a Python int in [0, 4294967295]"


def _with_gradient_one(name, forward):
    """A torch.autograd.Function: forward(x, u), x's gradient and tangent passed through."""

    class Function(torch.autograd.Function):
        generate_vmap_rule = True

        @staticmethod
        def forward(x, u):
            return forward(x, u)

        @staticmethod
        def setup_context(ctx, inputs, output):
            pass

        @staticmethod
        def backward(ctx, dy):
            return dy, None

        @staticmethod
        def jvp(ctx, x_tangent, u_tangent):
            return x_tangent

    Function.__name__ = Function.__qualname__ = "".join(part.title() for part in name.split("_"))
    return Function


class RandomOp:
    """One random op: checks its arguments, draws u, the gradient 1."""

    def __init__(self, name, modes, forward):
        self.name = name
        self.modes = modes
        self.function = _with_gradient_one(name, forward)

    def __call__(self, x, seed, mode, name=None):
        check_mode(self.name, self.modes, mode)
        x = _runtime.as_float_tensor(self.name, x)
        seed = check_int_seed(self.name, seed, SEED_WORDS)
        compute = torch.float32 if x.dtype in _runtime.HALF_DTYPES else x.dtype
        generator = torch.Generator(device=x.device)
        generator.manual_seed(seed)
        u = torch.rand(x.shape, generator=generator, dtype=compute, device=x.device)
        return self.function.apply(x.to(compute), u).to(x.dtype)
