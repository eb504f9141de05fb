# Generated from template templates/jax/_xla_forms.py.jinja and spec derive/backends/xla_forms.py.
# Do NOT modify by hand: edit the spec or the template, then run
#     python scripts/regenerate_ops.py
"""Forms of sin, cos, atan and Fourier sums that XLA on CPU compiles to fast
code, and of erfc accurate in its tail: the op modules' kernels for XLA call
them (see derive/backends/xla_forms.py)."""

import jax
import jax.numpy as jnp


def sin_cos_turns(u):
    """(sin(2*pi*u), cos(2*pi*u)): whole and quarter turns split off exactly, then Taylor polynomials."""
    _r = u - jnp.round(u)
    _q = jnp.round(4 * _r)
    _s = -1 / 4 * _q + _r
    _t = 2 * 3.1415926535897932 * _s
    _t2 = _t * _t
    _sin = (
        _t
        * (
            _t2
            * (
                _t2
                * (
                    _t2
                    * (
                        _t2
                        * (
                            _t2
                            * (
                                _t2 * (_t2 * ((1 / 355687428096000) * _t2 - 1 / 1307674368000) + 1 / 6227020800)
                                - 1 / 39916800
                            )
                            + 1 / 362880
                        )
                        - 1 / 5040
                    )
                    + 1 / 120
                )
                - 1 / 6
            )
            + 1
        )
        if u.dtype == jnp.float64
        else _t * (_t2 * (_t2 * (_t2 * ((1 / 362880) * _t2 - 1 / 5040) + 1 / 120) - 1 / 6) + 1)
    )
    _cos = (
        _t2
        * (
            _t2
            * (
                _t2
                * (
                    _t2
                    * (
                        _t2
                        * (_t2 * (_t2 * ((1 / 20922789888000) * _t2 - 1 / 87178291200) + 1 / 479001600) - 1 / 3628800)
                        + 1 / 40320
                    )
                    - 1 / 720
                )
                + 1 / 24
            )
            - 1 / 2
        )
        + 1
        if u.dtype == jnp.float64
        else _t2 * (_t2 * (_t2 * (_t2 * (1 / 40320 - 1 / 3628800 * _t2) - 1 / 720) + 1 / 24) - 1 / 2) + 1
    )
    return (
        jnp.where(
            jnp.equal(_q, 1), _cos, jnp.where(jnp.equal(_q, -1), -_cos, jnp.where(jnp.equal(_q, 0), _sin, -_sin))
        ),
        jnp.where(
            jnp.equal(_q, 1), -_sin, jnp.where(jnp.equal(_q, -1), _sin, jnp.where(jnp.equal(_q, 0), _cos, -_cos))
        ),
    )


def atan_reduced(z):
    """atan(z): reduced to |c| <= tan(pi/8), then a Taylor polynomial."""
    _a = jnp.abs(z)
    _b = jnp.where(jnp.greater(_a, 1), 1 / _a, _a)
    _c = jnp.where(jnp.greater(_b, -1 + 1.4142135623730951), (_b - 1) / (_b + 1), _b)
    _c2 = _c * _c
    _p = (
        _c
        * (
            _c2
            * (
                _c2
                * (
                    _c2
                    * (
                        _c2
                        * (
                            _c2
                            * (
                                _c2
                                * (
                                    _c2
                                    * (
                                        _c2
                                        * (
                                            _c2
                                            * (
                                                _c2
                                                * (
                                                    _c2
                                                    * (
                                                        _c2
                                                        * (
                                                            _c2
                                                            * (
                                                                _c2
                                                                * (
                                                                    _c2
                                                                    * (
                                                                        _c2
                                                                        * (
                                                                            _c2
                                                                            * (_c2 * (1 / 37 - 1 / 39 * _c2) - 1 / 35)
                                                                            + 1 / 33
                                                                        )
                                                                        - 1 / 31
                                                                    )
                                                                    + 1 / 29
                                                                )
                                                                - 1 / 27
                                                            )
                                                            + 1 / 25
                                                        )
                                                        - 1 / 23
                                                    )
                                                    + 1 / 21
                                                )
                                                - 1 / 19
                                            )
                                            + 1 / 17
                                        )
                                        - 1 / 15
                                    )
                                    + 1 / 13
                                )
                                - 1 / 11
                            )
                            + 1 / 9
                        )
                        - 1 / 7
                    )
                    + 1 / 5
                )
                - 1 / 3
            )
            + 1
        )
        if z.dtype == jnp.float64
        else _c
        * (
            _c2
            * (
                _c2
                * (
                    _c2 * (_c2 * (_c2 * (_c2 * (_c2 * ((1 / 17) * _c2 - 1 / 15) + 1 / 13) - 1 / 11) + 1 / 9) - 1 / 7)
                    + 1 / 5
                )
                - 1 / 3
            )
            + 1
        )
    )
    _inner = jnp.where(jnp.greater(_b, -1 + 1.4142135623730951), _p + (1 / 4) * 3.1415926535897932, _p)
    _outer = jnp.where(jnp.greater(_a, 1), -_inner + (1 / 2) * 3.1415926535897932, _inner)
    return jnp.where(jnp.less(z, 0), -_outer, _outer)


def erfc_exact_square(z):
    """erfc(z) with the rounding of z*z in the framework's exp(-z*z) undone: times exp(-e) ~ 1 - e."""
    _t = jnp.where(jnp.logical_and(jnp.greater_equal(z, 1), jnp.less_equal(z, 32)), z, jnp.asarray(1, z.dtype))
    _hi = (1 / 2097152) * jnp.round(2097152 * _t) if z.dtype == jnp.float64 else (1 / 128) * jnp.round(128 * _t)
    _lo = -_hi + _t
    _p = _t * _t
    _d = (_hi * _hi) - _p
    _d2 = _d + 2 * _hi * _lo
    _e = _d2 + (_lo * _lo)
    return (1 - _e) * jax.lax.erfc(z)
