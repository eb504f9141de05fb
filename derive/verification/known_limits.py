"""Where an op misses the targets, measured and documented (docs/known-limits.md):
the regions, and the list the verifier reports apart from failures."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from ..spec import Approximation
from .conditioning import reduced_x
from .evaluation import output_label
from .grids import DTYPES, location_params

def rational_tail(a: Approximation, floats: dict, xs, dtype_name: str) -> np.ndarray:
    """max(|d|, |s*d|) > max**(1/5), d the reduced x and s the product of the
    scale parameters: where a rational function's derivatives form powers
    that overflow in the dtype."""
    scale = float(np.prod([abs(v) for n, v in floats.items() if n not in location_params(a)] or [1.0]))
    reduced = reduced_x(a, floats, xs)
    with np.errstate(over="ignore"):
        return np.maximum(reduced, scale * reduced) > float(np.finfo(dtype_name).max) ** 0.2


def near_integers(a: Approximation, floats: dict, xs, dtype_name: str) -> np.ndarray:
    """|x - round(x)| < 2**-6."""
    xs = np.asarray(xs, dtype=np.float64)
    return np.abs(xs - np.round(xs)) < 2.0**-6


def everywhere(a: Approximation, floats: dict, xs, dtype_name: str) -> np.ndarray:
    return np.ones(len(xs), dtype=bool)


@dataclass(frozen=True)
class KnownLimit:
    """Where an op misses the targets, measured and documented
    (docs/known-limits.md): inside ``region`` the listed outputs are reported, not
    failed, unless their error exceeds ``ulps`` (when given)."""

    op: str
    label: str
    outputs: tuple[str, ...]
    region: object  # (approximation, floats, xs, dtype name) -> bool array
    reason: str
    dtypes: tuple[str, ...] = DTYPES
    params: dict = field(default_factory=dict)  # applies only at these parameter values
    ulps: float | None = None
    # at the ill-conditioned points, a bound on error / condition bound instead of ``ulps``
    ratio: float | None = None
    quick_grid: bool = True  # shows on the --quick grids too (tests/test_verification.py checks it does)
    backends: tuple[str, ...] = ("tensorflow", "jax", "torch")

    def applies_to(self, op: str, dtype_name: str, backend: str) -> bool:
        return op == self.op and dtype_name in self.dtypes and backend in self.backends

    def applies(self, a, floats, dtype_name, wrt, backend: str = "tensorflow") -> bool:
        return (
            self.applies_to(a.name, dtype_name, backend)
            and output_label(wrt) in self.outputs
            and all(floats.get(k) == v for k, v in self.params.items())
        )


_SECOND = ("d2/dx dx", "d2/dx d{p}", "d2/dx dcenter", "d2/d{p} d{p}", "d2/d{p} dcenter", "d2/dcenter dcenter")
KNOWN_LIMITS = [
    *[
        KnownLimit(
            "soft_round_inverse",
            f"{dtype}, large alpha, next to the integers",
            ("d2/dx dx", "d2/dx dalpha", "d2/dalpha dalpha"),
            near_integers,
            f"{dtype}, alpha = 1e6: within about {distance} of an integer the second derivatives reach {size}, "
            "and their intermediate terms overflow to inf",
            dtypes=(dtype,),
            params={"alpha": 1e6},
            quick_grid=quick_grid,
        )
        # float64's overflow is that close to an integer only on the full grid
        for dtype, distance, size, quick_grid in (("float32", "1e-21", "1e35", True), ("float64", "1e-155", "3e303", False))
    ],
    *[
        KnownLimit(
            op,
            "rational tail",
            tuple(o.format(p=p) for o in (f"d/d{p}",) + _SECOND),
            rational_tail,
            f"powers of {p}*(x - center) up to the fifth overflow and terms cancel: the derivative in {p} and "
            "the second derivatives lose their relative accuracy, underflow to 0 or, at |x| near the largest "
            "float, come out NaN; the exact values there are below 1e-20 (float32) or 1e-100 (float64)",
        )
        for op, p in (("atan_step", "alpha"), ("fast_sigmoid_step", "steepness"))
    ],
    KnownLimit(
        "atan_step",
        "cancellation near |z| = 1",
        ("d2/dx dalpha", "d2/dalpha dcenter"),
        everywhere,
        "1/(2*(1 + z**2)) - z**2/(1 + z**2)**2 cancels for |z| near 1: up to 8.5 ULP (float32) and 8.6 ULP "
        "(float64)",
        ulps=9.0,
    ),
    # x + S/pi where |S/pi| is several times |f| (about 6 at x = -0.4375, terms = 7): each
    # rounding of the series or its terms is worth up to 8 ULPs of f there
    *[
        KnownLimit(
            "fourier_round",
            f"{dtype} series sum",
            ("f",),
            everywhere,
            f"{dtype}: f = x + S/pi, S the sum of rounded sine terms, where S/pi (0.53 at x = -0.4375, "
            f"terms = 7) is six times f (0.088): up to {worst} ULP there",
            dtypes=(dtype,),
            ulps=ulps,
            backends=backends,
        )
        for dtype, worst, ulps, backends in (
            ("float32", "5.21 (TensorFlow), 4.21 (JAX, PyTorch)", 5.5, ("tensorflow", "jax", "torch")),
            ("float64", "4.59 (JAX, PyTorch; TensorFlow 3.59)", 5.0, ("jax", "torch")),
        )
    ],
    # the kernels are the TensorFlow backend's; torch's own sin, cos and exp round some terms the other way
    KnownLimit(
        "fourier_round",
        "PyTorch float32 cosine sum",
        ("d/dx",),
        everywhere,
        "PyTorch, float32: 1 minus a sum of 2*c_j*sin(t_j/2)**2 terms, each rounded by torch's sin; 5 ULP at "
        "x = -2.9375, terms = 7 (the TensorFlow and JAX backends are within 4)",
        dtypes=("float32",),
        ulps=5.0,
        backends=("torch",),
    ),
    KnownLimit(
        "soft_round",
        "float64 d2/dx dalpha next to the integers",
        ("d2/dx dalpha",),
        near_integers,
        "float64, alpha = 5: P + alpha*dP/dalpha (P the slope's factor) changes sign, its bracket "
        "of two terms of one sign each is a product of several roundings; 4.37 ULP at x = "
        "-1023.9999999999999 (2.53 x the condition bound), every backend (docs/known-limits.md)",
        dtypes=("float64",),
        ulps=4.5,
    ),
    KnownLimit(
        "soft_round_inverse",
        "second derivatives next to the integers",
        ("d2/dx dx", "d2/dx dalpha", "d2/dalpha dalpha"),
        near_integers,
        "within 2**-6 of an integer (the first form's atanh(z)/z and the forms past it, alpha = 5 and 15): "
        "sums of terms several times the result; d2/dalpha dalpha up to 14.7 ULP (float32) and 13.1 ULP "
        "(float64), 10.5 x the condition bound where it crosses 0; d2/dx dx and d2/dx dalpha up to 5.93 ULP",
        ulps=15.0,
        ratio=11.0,
    ),
    KnownLimit(
        "soft_round_inverse",
        "XLA's float64 tanh just below 1",
        ("d/dx",),
        everywhere,
        "float64, alpha = 39.999999 (the last regime below 40), through the XLA kernels: every output "
        "carries tanh(alpha/2), and XLA's float64 tanh is 3.5 ULP of 1 below the exact value at "
        "z = 19.9999995; d/dx 6 to 8 ULP at x = -2.45, -2.35, -1.45, 0.45, 2.45 (docs/accuracy.md)",
        dtypes=("float64",),
        params={"alpha": 39.999999},
        ulps=8.0,
        quick_grid=False,  # not on the grids: tests/test_soft_round.py's regime boundary test has it
    ),
    KnownLimit(
        "soft_round_inverse",
        "PyTorch float64 alpha-derivative",
        ("d/dalpha",),
        everywhere,
        "PyTorch, float64: d/dalpha 4.09 ULP at x = 0.98670150387 (next to where the near-integer form "
        "ends), a product of factors each rounded by torch's exp and log1p",
        dtypes=("float64",),
        ulps=4.5,
        backends=("torch",),
    ),
    KnownLimit(
        "dsq_quant",
        "products of rounded factors",
        ("d/dx", "d/dlower", "d/dupper", "d2/dx dalpha", "d2/dalpha dlower", "d2/dalpha dupper"),
        everywhere,
        "each derivative is a product of five or six rounded factors (the distance to the nearest level, "
        "the step, sinhc, cosh and K = log(2/alpha - 1), and their derivatives): up to 6.09 ULP at "
        "well-conditioned points (d2/dalpha dlower, float64, JAX) and 5.81 x the condition bound at "
        "ill-conditioned ones (d2/dalpha dupper next to 0, float32, upper = 1e6)",
        ulps=6.5,
        ratio=6.0,
    ),
]
