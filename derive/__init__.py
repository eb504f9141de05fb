"""diffround's derivation pipeline.

spec (Approximation, Param) -> derivatives -> lowering -> printing ->
rendering -> writing. Define an approximation with the names exported here;
``scripts/regenerate_ops.py`` turns a catalog of them into a package with a
TensorFlow, a JAX and a PyTorch backend and Keras layers.
"""

from .functions import hard_round, hard_sign, hard_step, sigmoid, sigmoid_slope
from .loading import load_catalog, load_random_ops
from .pipeline import generate
from .quantization import identity_backward, round_ste, straight_through
from .random_ops import RandomOp, u
from .spec import (
    BATCH_MAX,
    BATCH_MIN,
    ELEMENTS,
    MEAN_ABS,
    Approximation,
    DefinitionError,
    Param,
    QuantizerLayer,
    Surrogate,
    SurrogateChoice,
    x,
)

__all__ = [
    "BATCH_MAX",
    "BATCH_MIN",
    "ELEMENTS",
    "MEAN_ABS",
    "Approximation",
    "DefinitionError",
    "Param",
    "QuantizerLayer",
    "RandomOp",
    "Surrogate",
    "SurrogateChoice",
    "generate",
    "hard_round",
    "hard_sign",
    "hard_step",
    "identity_backward",
    "load_catalog",
    "load_random_ops",
    "round_ste",
    "sigmoid",
    "sigmoid_slope",
    "straight_through",
    "u",
    "x",
]
