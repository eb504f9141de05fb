"""diffround's derivation pipeline.

spec (Approximation, Param) -> derivatives -> lowering -> printing ->
rendering -> writing. Define an approximation with the names exported here;
``scripts/regenerate_ops.py`` turns a catalog of them into a TensorFlow
package.
"""

from .functions import hard_round, hard_sign, hard_step, sigmoid, sigmoid_slope
from .loading import load_catalog
from .pipeline import generate
from .quantization import identity_backward, round_ste, straight_through
from .spec import Approximation, DefinitionError, Param, Surrogate, SurrogateChoice, x

__all__ = [
    "Approximation",
    "DefinitionError",
    "Param",
    "Surrogate",
    "SurrogateChoice",
    "generate",
    "hard_round",
    "hard_sign",
    "hard_step",
    "identity_backward",
    "load_catalog",
    "round_ste",
    "sigmoid",
    "sigmoid_slope",
    "straight_through",
    "x",
]
