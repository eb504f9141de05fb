# Generated from template templates/package/op.py.jinja and spec derive/catalog.py:fourier_round.
# Do NOT modify by hand: edit the spec or the template, then run
#     python scripts/regenerate_ops.py
"""fourier_round: x plus the truncated Fourier series of the sawtooth round(x) - x."""

import tensorflow as tf

from . import _runtime


def _sin_cos_turns(u):
    """(sin(2*pi*u), cos(2*pi*u)): whole and quarter turns split off exactly, then Taylor polynomials."""
    _r = u - tf.math.round(u)
    _q = tf.math.round(4*_r)
    _s = -1/4*_q + _r
    _t = 2*3.1415926535897932*_s
    _t2 = (_t*_t)
    _sin = _t*(_t2*(_t2*(_t2*(_t2*(_t2*(_t2*(_t2*((1/355687428096000)*_t2 - 1/1307674368000) + 1/6227020800) - 1/39916800) + 1/362880) - 1/5040) + 1/120) - 1/6) + 1) if u.dtype == tf.float64 else _t*(_t2*(_t2*(_t2*((1/362880)*_t2 - 1/5040) + 1/120) - 1/6) + 1)
    _cos = _t2*(_t2*(_t2*(_t2*(_t2*(_t2*(_t2*((1/20922789888000)*_t2 - 1/87178291200) + 1/479001600) - 1/3628800) + 1/40320) - 1/720) + 1/24) - 1/2) + 1 if u.dtype == tf.float64 else _t2*(_t2*(_t2*(_t2*(1/40320 - 1/3628800*_t2) - 1/720) + 1/24) - 1/2) + 1
    return (tf.where(tf.math.equal(_q, 1), _cos, tf.where(tf.math.equal(_q, -1), -_cos, tf.where(tf.math.equal(_q, 0), _sin, -_sin))), tf.where(tf.math.equal(_q, 1), -_sin, tf.where(tf.math.equal(_q, -1), _sin, tf.where(tf.math.equal(_q, 0), _cos, -_cos))))


def _angle_multiples(u, first, count):
    """(cos(2*pi*j*u), sin(2*pi*j*u)) for count values of j from first: angle addition."""
    _s1, _c1 = _sin_cos_turns(u)
    _s, _c = _sin_cos_turns(first*u)
    for _ in range(count):
        yield _c, _s
        _c, _s = _c*_c1 - _s*_s1, _c*_s1 + _c1*_s


def _hard(x, terms):
    y = tf.math.round(x)
    return (y,), ()


def _value_x(x, terms):
    _n = tf.math.round(x)
    _r = -_n + x
    _ts0 = sum(((-1)**_j)*tf.math.sin(2*3.1415926535897932*_j*_r)/_j for _j in range(1, terms + 1))
    _t0 = 0.3183098861837907
    y = _n + _r + _t0*_ts0
    return (y,), (_t0, _r,)


def _gradient_from_residuals_x(x, terms, _t0, _r):
    _ts1 = sum(2*((-1)**_j)*3.1415926535897932*tf.math.cos(2*3.1415926535897932*_j*_r) for _j in range(1, terms + 1))
    y_D_x = _t0*_ts1 + 1
    return (y_D_x,), ()


def _gradient_x(x, terms):
    _n = tf.math.round(x)
    _r = -_n + x
    _ts0 = sum(2*((-1)**_j)*3.1415926535897932*tf.math.cos(2*3.1415926535897932*_j*_r) for _j in range(1, terms + 1))
    y_D_x = _ts0/3.1415926535897932 + 1
    return (y_D_x,), ()


def _hessian_x(x, terms):
    _n = tf.math.round(x)
    _r = -_n + x
    _ts0 = sum(-4*((-1)**_j)*9.869604401089358*_j*tf.math.sin(2*3.1415926535897932*_j*_r) for _j in range(1, terms + 1))
    y_D_x_D_x = _ts0/3.1415926535897932
    return (y_D_x_D_x,), ()


def _value_x_xla(x, terms):
    _n = tf.math.round(x)
    _r = -_n + x
    _ts0 = sum((((-1)**_j)/_j)*_sin_j for _j, (_cos_j, _sin_j) in enumerate(_angle_multiples(_r, 1, terms), 1))
    _t0 = 0.3183098861837907
    y = _n + _r + _t0*_ts0
    return (y,), (_t0, _r,)


def _gradient_x_xla(x, terms):
    _n = tf.math.round(x)
    _r = -_n + x
    _ts0 = sum((2*((-1)**_j)*3.1415926535897932)*_cos_j for _j, (_cos_j, _sin_j) in enumerate(_angle_multiples(_r, 1, terms), 1))
    y_D_x = (0.3183098861837907)*_ts0 + 1
    return (y_D_x,), ()


def _hessian_x_xla(x, terms):
    _n = tf.math.round(x)
    _r = -_n + x
    _ts0 = sum((-4*((-1)**_j)*9.869604401089358*_j)*_sin_j for _j, (_cos_j, _sin_j) in enumerate(_angle_multiples(_r, 1, terms), 1))
    y_D_x_D_x = (0.3183098861837907)*_ts0
    return (y_D_x_D_x,), ()


_OP = _runtime.Op(
    name="fourier_round",
    params=[
        _runtime.IntParam("terms", 5, 1, None),
    ],
    modes=("soft", "ste", ),
    hard=_hard,
    hard_xla=_hard,
    kernels={
        "x": _runtime.Kernels(_value_x, _gradient_from_residuals_x, _gradient_x, _hessian_x, xla=(_value_x_xla, _gradient_x_xla, _hessian_x_xla)),
    },
)


def fourier_round(x, terms=5, mode="soft", name=None):
    """x plus the truncated Fourier series of the sawtooth round(x) - x.

    Smooth forward: x + Sum((-1)**j*sin(2*pi*j*x)/j, (j, 1, N))/pi
    Hard function: hard_round(x)
      with N = terms

    Args:
        x: float16, bfloat16, float32 or float64 tensor.
        terms: number of sine terms of the sawtooth series; Python int, in Interval(1, oo), default 5.
        mode: "soft" (smooth forward, exact derivative) or "ste" (hard forward, the smooth derivative as gradient); default "soft".
        name: optional name scope.

    Returns:
        A tensor of x's dtype and the broadcast shape of x and the parameters.

    Source: seed 001.
    """
    return _OP(x, {"terms": terms}, mode, name)
