"""What a failure says beyond the numbers: which kind of point failed, and
what usually helps (docs/own-approximation.md)."""

from __future__ import annotations

import math

NEAR = 2.0**-6  # "next to" an integer or a half-integer


def hint(x: float, kind: str, well: bool, finite: bool) -> str:
    """A clause to append to a failure at x (its grid ``kind``): the kind of
    point, and what usually helps there."""
    x = float(x)
    if not finite:
        return (
            "; overflow or 0/0 in an intermediate: build the expression from bounded pieces "
            "(sigmoid(z), not exp(z)/(1 + exp(z)); exp(-Abs(z)))"
        )
    conditioned = "well conditioned" if well else "ill-conditioned, yet the error is past 4 times what rounding x explains"
    if not math.isfinite(x) or abs(x) > 4 or kind in ("large",):
        return (
            f"; {conditioned}, at a large |x|: a large x or floor(x) and a correction cancel; write the "
            "correction on the fractional part, and declare a round shift_equivariant=True so that it is "
            "evaluated on x - round(x)"
        )
    t = abs(x - round(x))
    if t < NEAR or abs(t - 0.5) < NEAR:
        where = "an integer" if t < NEAR else "a half-integer"
        return (
            f"; {conditioned}, next to {where}: cancellation there (floor(x) + r with r near 1, or 1/2 minus a "
            "value near 1/2); write the expression in the distance to the nearest integer (t = x - round(x)) "
            "or half-integer (1/2 - Abs(t)), so that no two nearly equal values are subtracted"
        )
    return (
        f"; {conditioned}: the formula loses accuracy here, usually in a difference of nearly equal terms; "
        "rewrite it without the subtraction (1 - tanh(z) as 2*sigmoid(-2*z), 1 - cos(z) as 2*sin(z/2)**2)"
    )
