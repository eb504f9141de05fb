# Generated from template templates/torch/surrogate.py.jinja and spec derive/catalog.py:heaviside.
# Do NOT modify by hand: edit the spec or the template, then run
#     python scripts/regenerate_ops.py
"""heaviside: Heaviside step H(x) with H(0) = 1 in the forward pass; the gradient of the named surrogate."""

from . import _runtime
from .atan_step import atan_step
from .fast_sigmoid_step import fast_sigmoid_step
from .sigmoid_step import sigmoid_step
from .triangle_step import triangle_step

_CHOICE = _runtime.SurrogateChoice(
    name="heaviside",
    surrogates={
        "sigmoid": (sigmoid_step, {"steepness": 1.0}),
        "triangle": (triangle_step, {"width": 1.0}),
        "fast_sigmoid": (fast_sigmoid_step, {"steepness": 25.0}),
        "atan": (atan_step, {"alpha": 2.0}),
    },
    default="sigmoid",
)


def heaviside(x, surrogate="sigmoid", mode="ste", name=None, **params):
    """Heaviside step H(x) with H(0) = 1 in the forward pass; the gradient of the named surrogate.

    Args:
        x: float16, bfloat16, float32 or float64 torch.Tensor.
        surrogate: which gradient: "sigmoid", "triangle", "fast_sigmoid", "atan"; default "sigmoid".
        mode: "ste" (hard forward, the smooth derivative as gradient), the only mode of this op;
            default "ste".
        name: unused; accepted for the same signature as the other backends.
        **params: the surrogate's parameters:
            "sigmoid": sigmoid_step in ste mode, steepness=1.0.
            "triangle": triangle_step in ste mode, width=1.0.
            "fast_sigmoid": fast_sigmoid_step in ste mode, steepness=25.0.
            "atan": atan_step in ste mode, alpha=2.0.

    Source: seed 003.
    """
    return _CHOICE(x, surrogate, params, name, mode)
