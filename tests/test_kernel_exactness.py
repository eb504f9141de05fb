"""Points where a kernel once lost ULPs that the inputs do not excuse, each
against an mpmath reference written here from the published formula (not
from the spec the package is generated from)."""

import mpmath
import numpy as np
import pytest


def ulps(got, exact, dtype):
    return float(abs(mpmath.mpf(float(got)) - exact) / float(np.spacing(np.abs(np.array(float(exact), dtype)))))


def fourier_round_slope(x, terms):
    """d/dx of x + sum_j (-1)**j sin(2 pi j x)/(j pi): 1 + 2 sum_j (-1)**j cos(2 pi j x)."""
    with mpmath.workdps(50):
        u = mpmath.mpf(float(x))
        return 1 + 2 * mpmath.fsum((-1) ** j * mpmath.cos(2 * mpmath.pi * j * u) for j in range(1, terms + 1))


@pytest.mark.parametrize("xla", [True, False])
@pytest.mark.parametrize("mode", ["soft", "ste"])
def test_fourier_round_slope_next_to_the_integers(tf, dr, xla, mode):
    """Every cos(2 pi j x) next to x = 0 rounds to within an ULP of 1 and the
    terms sum to about -1: the rounding of each term used to add up (and a
    recurrence over j added each step's to the next), 6.5 and 8 ULP in float32."""
    cases = [(np.float32(-0.0075003644), 5), (np.float32(-0.0075003644), 7), (np.float32(-2.9375), 7)]
    cases += [(np.float64(-0.0075003644), 5), (np.float64(-2.9375), 7), (np.float64(1e-3), 64)]
    try:
        dr.set_xla(xla)
        for x, terms in cases:
            xs = tf.constant([x])
            with tf.GradientTape() as tape:
                tape.watch(xs)
                y = dr.fourier_round(xs, terms=terms, mode=mode)
            got = tape.gradient(y, xs).numpy()[0]
            exact = fourier_round_slope(x, terms)
            assert ulps(got, exact, x.dtype) <= 2, (x, terms, got, exact)
    finally:
        dr.set_xla(True)
