# Generated from template templates/jax/op.py.jinja and spec derive/catalog.py:soft_round.
# Do NOT modify by hand: edit the spec or the template, then run
#     python scripts/regenerate_ops.py
"""soft_round: m + tanh(alpha*r)/(2*tanh(alpha/2)), m = floor(x) + 1/2, r = x - m: the soft rounding of neural compression."""

import jax
import jax.numpy as jnp

from . import _runtime


def polynomial(w, coefficients):
    """sum of coefficients[k] * w**k, in Horner form."""
    result = coefficients[-1]
    for coefficient in reversed(coefficients[:-1]):
        result = result * w + coefficient
    return result


def atanhc_small(z):
    """Atanh(z)/z, |z| < 1/2 (callers keep it there): its Taylor series."""
    if z.dtype == jnp.float64:
        coefficients = (
            1,
            1 / 3,
            1 / 5,
            1 / 7,
            1 / 9,
            1 / 11,
            1 / 13,
            1 / 15,
            1 / 17,
            1 / 19,
            1 / 21,
            1 / 23,
            1 / 25,
            1 / 27,
            1 / 29,
            1 / 31,
            1 / 33,
            1 / 35,
            1 / 37,
            1 / 39,
            1 / 41,
            1 / 43,
            1 / 45,
            1 / 47,
            1 / 49,
            1 / 51,
            1 / 53,
            1 / 55,
        )
    else:
        coefficients = (1, 1 / 3, 1 / 5, 1 / 7, 1 / 9, 1 / 11, 1 / 13, 1 / 15, 1 / 17, 1 / 19, 1 / 21, 1 / 23, 1 / 25)
    series = polynomial(z * z, coefficients)
    return series


def sinhc(z):
    """Sinh(z)/z: its Taylor series for |z| < 2, the direct form beyond."""
    if z.dtype == jnp.float64:
        coefficients = (
            1,
            1 / 6,
            1 / 120,
            1 / 5040,
            1 / 362880,
            1 / 39916800,
            1 / 6227020800,
            1 / 1307674368000,
            1 / 355687428096000,
            1 / 121645100408832000,
            1 / 51090942171709440000,
            3.868170170630684e-23,
        )
    else:
        coefficients = (1, 1 / 6, 1 / 120, 1 / 5040, 1 / 362880, 1 / 39916800, 1 / 6227020800, 1 / 1307674368000)
    series = polynomial(z * z, coefficients)
    inside = jnp.less(jnp.abs(z), 2)
    z = jnp.where(inside, z + 4, z)
    return jnp.where(inside, series, ((1 / 2) * jnp.exp(z) - 1 / 2 * jnp.exp(-z)) / z)


def sinhc_d1(z):
    """First derivative of sinh(z)/z: its Taylor series, odd for |z| < 2, the direct form beyond."""
    if z.dtype == jnp.float64:
        coefficients = (
            1 / 3,
            1 / 30,
            1 / 840,
            1 / 45360,
            1 / 3991680,
            1 / 518918400,
            1 / 93405312000,
            1 / 22230464256000,
            1 / 6758061133824000,
            1 / 2554547108585472000,
            1 / 1175091669949317120000,
            1.5472680682522736e-24,
        )
    else:
        coefficients = (
            1 / 3,
            1 / 30,
            1 / 840,
            1 / 45360,
            1 / 3991680,
            1 / 518918400,
            1 / 93405312000,
            1 / 22230464256000,
        )
    series = z * polynomial(z * z, coefficients)
    inside = jnp.less(jnp.abs(z), 2)
    z = jnp.where(inside, z + 4, z)
    _d0 = (1 / 2) * jnp.exp(z)
    _d1 = (1 / 2) * jnp.exp(-z)
    return jnp.where(inside, series, (_d0 + _d1) / z - (_d0 - _d1) / (z * z))


def sinhc_d2(z):
    """Second derivative of sinh(z)/z: its Taylor series for |z| < 2, the direct form beyond."""
    if z.dtype == jnp.float64:
        coefficients = (
            1 / 3,
            1 / 10,
            1 / 168,
            1 / 6480,
            1 / 443520,
            1 / 47174400,
            1 / 7185024000,
            1 / 1482030950400,
            1 / 397533007872000,
            1 / 134449847820288000,
            1 / 55956746188062720000,
            3.5587165569802293e-23,
            5.969398411467106e-26,
        )
    else:
        coefficients = (1 / 3, 1 / 10, 1 / 168, 1 / 6480, 1 / 443520, 1 / 47174400, 1 / 7185024000, 1 / 1482030950400)
    series = polynomial(z * z, coefficients)
    inside = jnp.less(jnp.abs(z), 2)
    z = jnp.where(inside, z + 4, z)
    _d0 = 1 / z
    _d1 = jnp.exp(z)
    _d2 = jnp.exp(-z)
    return jnp.where(inside, series, _d0 * (-_d0 * (_d1 + _d2) + (1 / 2) * _d1 - 1 / 2 * _d2 + (_d1 - _d2) / (z * z)))


def sinhc_small(z):
    """Sinh(z)/z, |z| < 2 (callers keep it there): its Taylor series."""
    if z.dtype == jnp.float64:
        coefficients = (
            1,
            1 / 6,
            1 / 120,
            1 / 5040,
            1 / 362880,
            1 / 39916800,
            1 / 6227020800,
            1 / 1307674368000,
            1 / 355687428096000,
            1 / 121645100408832000,
            1 / 51090942171709440000,
            3.868170170630684e-23,
        )
    else:
        coefficients = (1, 1 / 6, 1 / 120, 1 / 5040, 1 / 362880, 1 / 39916800, 1 / 6227020800, 1 / 1307674368000)
    series = polynomial(z * z, coefficients)
    return series


def sinhc_small_d1(z):
    """First derivative of sinh(z)/z, |z| < 2 (callers keep it there): its Taylor series, odd."""
    if z.dtype == jnp.float64:
        coefficients = (
            1 / 3,
            1 / 30,
            1 / 840,
            1 / 45360,
            1 / 3991680,
            1 / 518918400,
            1 / 93405312000,
            1 / 22230464256000,
            1 / 6758061133824000,
            1 / 2554547108585472000,
            1 / 1175091669949317120000,
            1.5472680682522736e-24,
        )
    else:
        coefficients = (
            1 / 3,
            1 / 30,
            1 / 840,
            1 / 45360,
            1 / 3991680,
            1 / 518918400,
            1 / 93405312000,
            1 / 22230464256000,
        )
    series = z * polynomial(z * z, coefficients)
    return series


def sinhc_small_d2(z):
    """Second derivative of sinh(z)/z, |z| < 2 (callers keep it there): its Taylor series."""
    if z.dtype == jnp.float64:
        coefficients = (
            1 / 3,
            1 / 10,
            1 / 168,
            1 / 6480,
            1 / 443520,
            1 / 47174400,
            1 / 7185024000,
            1 / 1482030950400,
            1 / 397533007872000,
            1 / 134449847820288000,
            1 / 55956746188062720000,
            3.5587165569802293e-23,
            5.969398411467106e-26,
        )
    else:
        coefficients = (1 / 3, 1 / 10, 1 / 168, 1 / 6480, 1 / 443520, 1 / 47174400, 1 / 7185024000, 1 / 1482030950400)
    series = polynomial(z * z, coefficients)
    return series


def tanhc(z):
    """Tanh(z)/z: its Taylor series for |z| < pi/4, the direct form beyond."""
    if z.dtype == jnp.float64:
        coefficients = (
            1,
            -1 / 3,
            2 / 15,
            -17 / 315,
            62 / 2835,
            -1382 / 155925,
            21844 / 6081075,
            -929569 / 638512875,
            6404582 / 10854718875,
            -443861162 / 1856156927625,
            9.691537956929451e-05,
            -3.927832388331683e-05,
            1.5918905069328964e-05,
            -6.451689215655431e-06,
            2.6147711512907546e-06,
            -1.0597268320104654e-06,
            4.294911078273806e-07,
            -1.7406618963571648e-07,
            7.054636946400968e-08,
            -2.859136662305254e-08,
            1.1587644432798853e-08,
            -4.6962953982309016e-09,
            1.903336833931276e-09,
            -7.713933635359062e-10,
            3.126339545892087e-10,
            -1.26705769303054e-10,
            5.135191408039368e-11,
            -2.0812146867700473e-11,
            8.434845419094337e-12,
            -3.4185140868111557e-12,
        )
    else:
        coefficients = (
            1,
            -1 / 3,
            2 / 15,
            -17 / 315,
            62 / 2835,
            -1382 / 155925,
            21844 / 6081075,
            -929569 / 638512875,
            6404582 / 10854718875,
            -443861162 / 1856156927625,
            9.691537956929451e-05,
            -3.927832388331683e-05,
            1.5918905069328964e-05,
            -6.451689215655431e-06,
            2.6147711512907546e-06,
        )
    series = polynomial(z * z, coefficients)
    inside = jnp.less(jnp.abs(z), (1 / 4) * 3.1415926535897932)
    z = jnp.where(inside, z + (1 / 2) * 3.1415926535897932, z)
    return jnp.where(inside, series, jnp.tanh(z) / z)


def tanhc_small(z):
    """Tanh(z)/z, |z| < 11/20 (callers keep it there): its Taylor series."""
    if z.dtype == jnp.float64:
        coefficients = (
            1,
            -1 / 3,
            2 / 15,
            -17 / 315,
            62 / 2835,
            -1382 / 155925,
            21844 / 6081075,
            -929569 / 638512875,
            6404582 / 10854718875,
            -443861162 / 1856156927625,
            9.691537956929451e-05,
            -3.927832388331683e-05,
            1.5918905069328964e-05,
            -6.451689215655431e-06,
            2.6147711512907546e-06,
            -1.0597268320104654e-06,
            4.294911078273806e-07,
            -1.7406618963571648e-07,
            7.054636946400968e-08,
            -2.859136662305254e-08,
        )
    else:
        coefficients = (
            1,
            -1 / 3,
            2 / 15,
            -17 / 315,
            62 / 2835,
            -1382 / 155925,
            21844 / 6081075,
            -929569 / 638512875,
            6404582 / 10854718875,
            -443861162 / 1856156927625,
        )
    series = polynomial(z * z, coefficients)
    return series


def tanhc_small_d1(z):
    """First derivative of tanh(z)/z, |z| < 11/20 (callers keep it there): its Taylor series, odd."""
    if z.dtype == jnp.float64:
        coefficients = (
            -2 / 3,
            8 / 15,
            -34 / 105,
            496 / 2835,
            -2764 / 31185,
            87376 / 2027025,
            -1859138 / 91216125,
            102473312 / 10854718875,
            -887722324 / 206239658625,
            0.0019383075913858901,
            -0.0008641231254329704,
            0.00038205372166389513,
            -0.0001677439196070412,
            7.321359223614113e-05,
            -3.179180496031396e-05,
            1.3743715450476178e-05,
            -5.91825044761436e-06,
            2.5396693007043486e-06,
            -1.0864719316759965e-06,
            4.6350577731195406e-07,
            -1.9724440672569787e-07,
            8.374682069297614e-08,
        )
    else:
        coefficients = (
            -2 / 3,
            8 / 15,
            -34 / 105,
            496 / 2835,
            -2764 / 31185,
            87376 / 2027025,
            -1859138 / 91216125,
            102473312 / 10854718875,
            -887722324 / 206239658625,
            0.0019383075913858901,
            -0.0008641231254329704,
            0.00038205372166389513,
        )
    series = z * polynomial(z * z, coefficients)
    return series


def tanhc_small_d2(z):
    """Second derivative of tanh(z)/z, |z| < 11/20 (callers keep it there): its Taylor series."""
    if z.dtype == jnp.float64:
        coefficients = (
            -2 / 3,
            8 / 5,
            -34 / 21,
            496 / 405,
            -2764 / 3465,
            87376 / 184275,
            -1859138 / 7016625,
            102473312 / 723647925,
            -887722324 / 12131744625,
            0.03682784423633191,
            -0.018146585634092376,
            0.00878723559826959,
            -0.00419359799017603,
            0.0019767669903758105,
            -0.0009219623438491049,
            0.0004260551789647615,
            -0.0001953022647712739,
            8.88884255246522e-05,
            -4.019946147201187e-05,
            1.807672531516621e-05,
            -8.087020675753612e-06,
            3.601113289797974e-06,
            -1.5967842625193258e-06,
            7.053022015532548e-07,
        )
    else:
        coefficients = (
            -2 / 3,
            8 / 5,
            -34 / 21,
            496 / 405,
            -2764 / 3465,
            87376 / 184275,
            -1859138 / 7016625,
            102473312 / 723647925,
            -887722324 / 12131744625,
            0.03682784423633191,
            -0.018146585634092376,
            0.00878723559826959,
            -0.00419359799017603,
            0.0019767669903758105,
        )
    series = polynomial(z * z, coefficients)
    return series


def zcoth(z):
    """Z/tanh(z): its Taylor series for |z| < pi/2, the direct form beyond."""
    if z.dtype == jnp.float64:
        coefficients = (
            1,
            1 / 3,
            -1 / 45,
            2 / 945,
            -1 / 4725,
            2 / 93555,
            -1382 / 638512875,
            4 / 18243225,
            -3617 / 162820783125,
            87734 / 38979295480125,
            -349222 / 1531329465290625,
            310732 / 13447856940643125,
            -2.3411706819824882e-12,
            2.3721017400233653e-13,
            -2.4034415333307705e-14,
            2.4351954029183367e-15,
            -2.4673688045172075e-16,
            2.499967277122081e-17,
            -2.532996435740635e-18,
            2.566461970282629e-19,
            -2.6003696460137274e-20,
            2.63472530441538e-21,
            -2.669534864157395e-22,
            2.704804322109031e-23,
            -2.7405397543699514e-24,
            2.7767473173164437e-25,
            -2.813433248661879e-26,
            2.8506038685312917e-27,
            -2.8882655805501746e-28,
            2.926424872947676e-29,
            -2.9650883196743643e-30,
        )
    else:
        coefficients = (
            1,
            1 / 3,
            -1 / 45,
            2 / 945,
            -1 / 4725,
            2 / 93555,
            -1382 / 638512875,
            4 / 18243225,
            -3617 / 162820783125,
            87734 / 38979295480125,
            -349222 / 1531329465290625,
            310732 / 13447856940643125,
            -2.3411706819824882e-12,
            2.3721017400233653e-13,
            -2.4034415333307705e-14,
            2.4351954029183367e-15,
        )
    series = polynomial(z * z, coefficients)
    inside = jnp.less(jnp.abs(z), (1 / 2) * 3.1415926535897932)
    z = jnp.where(inside, z + 3.1415926535897932, z)
    return jnp.where(inside, series, z / jnp.tanh(z))


def zcoth_d1(z):
    """First derivative of z/tanh(z): its Taylor series, odd for |z| < pi/2, the direct form beyond."""
    if z.dtype == jnp.float64:
        coefficients = (
            2 / 3,
            -4 / 45,
            4 / 315,
            -8 / 4725,
            4 / 18711,
            -5528 / 212837625,
            8 / 2606175,
            -57872 / 162820783125,
            175468 / 4331032831125,
            -1396888 / 306265893058125,
            621464 / 1222532449149375,
            -5.6188096367579724e-11,
            6.16746452406075e-12,
            -6.729636293326158e-13,
            7.305586208755011e-14,
            -7.895580174455064e-15,
            8.499888742215075e-16,
            -9.118787168666286e-17,
            9.75255548707399e-18,
            -1.0401478584054909e-18,
            1.1065846278544597e-19,
            -1.1745953402292538e-20,
            1.2442099881701542e-21,
            -1.3154590820975766e-22,
            1.3883736586582218e-23,
            -1.4629852893041773e-24,
            1.5393260890068975e-25,
            -1.617428725108098e-26,
            1.697326426309652e-27,
            -1.7790529918046187e-28,
            1.8626428005515573e-29,
            -1.9481308206943244e-30,
            2.0355526191295745e-31,
        )
    else:
        coefficients = (
            2 / 3,
            -4 / 45,
            4 / 315,
            -8 / 4725,
            4 / 18711,
            -5528 / 212837625,
            8 / 2606175,
            -57872 / 162820783125,
            175468 / 4331032831125,
            -1396888 / 306265893058125,
            621464 / 1222532449149375,
            -5.6188096367579724e-11,
            6.16746452406075e-12,
            -6.729636293326158e-13,
            7.305586208755011e-14,
            -7.895580174455064e-15,
            8.499888742215075e-16,
        )
    series = z * polynomial(z * z, coefficients)
    inside = jnp.less(jnp.abs(z), (1 / 2) * 3.1415926535897932)
    z = jnp.where(inside, z + 3.1415926535897932, z)
    _d0 = jnp.tanh(z)
    _d1 = jnp.exp(-2 * jnp.abs(z))
    return jnp.where(inside, series, 1 / _d0 - 4 * _d1 * z / ((_d0 * _d0) * ((_d1 + 1) * (_d1 + 1))))


def zcoth_d2(z):
    """Second derivative of z/tanh(z): its Taylor series for |z| < pi/2, the direct form beyond."""
    if z.dtype == jnp.float64:
        coefficients = (
            2 / 3,
            -4 / 15,
            4 / 63,
            -8 / 675,
            4 / 2079,
            -5528 / 19348875,
            8 / 200475,
            -57872 / 10854718875,
            175468 / 254766637125,
            -1396888 / 16119257529375,
            621464 / 58215830911875,
            -1.2923262164543337e-09,
            1.5418661310151875e-10,
            -1.8170017991980627e-11,
            2.118620000538953e-12,
            -2.44762985408107e-13,
            2.804963284930975e-14,
            -3.1915755090331998e-15,
            3.608445530217376e-16,
            -4.0565766477814146e-17,
            4.5369969742032844e-18,
            -5.050759962985791e-19,
            5.598944946765694e-20,
            -6.18265768585861e-21,
            6.803030927425287e-22,
            -7.461224975451304e-23,
            8.158428271736557e-24,
            -8.895857988094538e-25,
            9.674760629965016e-26,
            -1.049641265164725e-26,
            1.13621210833645e-27,
            -1.2273224170374243e-28,
            1.3231092024342236e-29,
            -1.4237127287202332e-30,
            1.5292765807727863e-31,
            -1.63994773310442e-32,
        )
    else:
        coefficients = (
            2 / 3,
            -4 / 15,
            4 / 63,
            -8 / 675,
            4 / 2079,
            -5528 / 19348875,
            8 / 200475,
            -57872 / 10854718875,
            175468 / 254766637125,
            -1396888 / 16119257529375,
            621464 / 58215830911875,
            -1.2923262164543337e-09,
            1.5418661310151875e-10,
            -1.8170017991980627e-11,
            2.118620000538953e-12,
            -2.44762985408107e-13,
            2.804963284930975e-14,
            -3.1915755090331998e-15,
            3.608445530217376e-16,
            -4.0565766477814146e-17,
            4.5369969742032844e-18,
        )
    series = polynomial(z * z, coefficients)
    inside = jnp.less(jnp.abs(z), (1 / 2) * 3.1415926535897932)
    z = jnp.where(inside, z + 3.1415926535897932, z)
    _d0 = jnp.tanh(z)
    _d1 = 1 / _d0
    _d2 = jnp.exp(-2 * jnp.abs(z))
    _d3 = _d2 / ((_d2 + 1) * (_d2 + 1))
    return jnp.where(inside, series, 8 * _d1 * _d3 * (-_d1 + z * (1 + 4 * _d3 / (_d0 * _d0))))


def _hard(x, alpha):
    y = jnp.round(x)
    return (y,), ()


def _value_x(x, alpha):
    _n = jnp.round(x)
    _r = -_n + x
    _t0 = jnp.round(_r)
    _t1 = _r - _t0
    _t2 = jnp.greater_equal(_t1, 1 / 2)
    _t3 = jnp.where(_t2, jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype))
    _t4 = 1 / sinhc(alpha)
    _t5 = -_r + _t0
    _t6 = _t3 + _t5
    _t7 = -_t6
    _t8 = jnp.less(alpha, 4)
    _t9 = jnp.equal(_t1, 1)
    _t10 = jnp.equal(_t1, 0)
    _t11 = jnp.where(_t2, jnp.logical_and(_t8, _t9), jnp.logical_and(_t10, _t8))
    _t12 = 2 * alpha
    _t13 = jnp.exp(-alpha)
    _t14 = _t13 / (1 - jnp.exp(-_t12))
    _t15 = jnp.where(_t2, _t9, _t10)
    _t16 = jnp.sign(_t7)
    _t17 = jnp.abs(_t6)
    _t18 = 1 / 2 - _t17
    _t19 = _t18 * alpha
    _t20 = (1 / 2) * alpha
    _t21 = zcoth(_t20)
    _t22 = _t21 * tanhc_small(_t19)
    _t23 = jnp.abs(_t5 + 1)
    _t24 = -1 / 4 * atanhc_small((1 / 2) * jnp.tanh(_t20)) * tanhc(_t20) + 1 / 2
    _t25 = jnp.abs(_t1)
    _t26 = jnp.where(_t2, jnp.greater(_t23, _t24), jnp.greater(_t25, _t24))
    _t27 = _t17 * alpha
    _t28 = sinhc_small(_t27)
    _t29 = (1 / 2) * jnp.exp(_t19) + (1 / 2) * jnp.exp(-_t19)
    _t30 = 1 / _t29
    _t31 = 1 / sinhc_small(_t20)
    _t32 = _t30 * _t31
    _t33 = 708 if x.dtype == jnp.float64 else 87
    _t34 = jnp.less(alpha, 2 * _t33)
    _t35 = jnp.where(_t2, jnp.logical_and(_t34, jnp.less(_t23, 1 / 4)), jnp.logical_and(_t34, jnp.less(_t25, 1 / 4)))
    _t36 = jnp.exp(jnp.where(_t35, -_t12 * _t17, -alpha * (1 - 2 * _t17)))
    _t37 = _t36 + 1
    _t38 = jnp.where(
        jnp.where(_t2, jnp.less(_t23 * alpha, 1 / 2), jnp.less(_t25 * alpha, 1 / 2)),
        _t27 * _t37 * tanhc_small(_t27),
        1 - _t36,
    )
    _t39 = _t13
    _t40 = jnp.less(alpha, _t33)
    _t41 = jnp.where(_t40, _t39, jnp.asarray(0, x.dtype))
    _t42 = jnp.where(_t34, (jnp.exp(-_t20)), jnp.asarray(0, x.dtype))
    _t43 = _t36 + _t41
    _t44 = (
        _t16
        * jnp.where(
            _t35,
            jnp.where(_t40, jnp.asarray(1, x.dtype), _t42) * (jnp.where(_t40, _t39, _t42) / (_t43)),
            jnp.asarray(1, x.dtype),
        )
        * (1 / (1 - _t13))
    )
    y = (
        _n
        + _t0
        + _t3
        + jnp.where(
            _t11,
            _t4 * _t7,
            jnp.where(
                _t15,
                _t14 * alpha * (2 * _r - 2 * _t0 - 2 * _t3),
                jnp.where(
                    _t26,
                    _t16 * (-_t18 * _t22 + 1 / 2),
                    jnp.where(
                        _t8,
                        _t28 * _t32 * _t7,
                        _t44 * (jnp.where(_t35, _t38, _t36 - _t41) / (jnp.where(_t35, jnp.asarray(1, x.dtype), _t37))),
                    ),
                ),
            ),
        )
    )
    return (y,), ()


def _gradient_x(x, alpha):
    _n = jnp.round(x)
    _r = -_n + x
    _t0 = jnp.round(_r)
    _t1 = _r - _t0
    _t2 = jnp.greater_equal(_t1, 1 / 2)
    _t3 = jnp.less(alpha, 4)
    _t4 = jnp.equal(_t1, 1)
    _t5 = jnp.equal(_t1, 0)
    _t6 = 2 * alpha
    _t7 = jnp.exp(-alpha)
    _t8 = -_r + _t0
    _t9 = _t8 + jnp.where(_t2, jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype))
    _t10 = -_t9
    _t11 = jnp.sign(_t10)
    _t12 = jnp.abs(_t9)
    _t13 = 1 / 2 - _t12
    _t14 = _t13 * alpha
    _t15 = jnp.sign(_t9)
    _t16 = (1 / 2) * alpha
    _t17 = _t15 * zcoth(_t16)
    _t18 = jnp.abs(_t8 + 1)
    _t19 = -1 / 4 * atanhc_small((1 / 2) * jnp.tanh(_t16)) * tanhc(_t16) + 1 / 2
    _t20 = jnp.abs(_t1)
    _t21 = 1 / sinhc_small(_t16)
    _t22 = _t12 * alpha
    _t23 = sinhc_small(_t22)
    _t24 = (1 / 2) * jnp.exp(_t14) + (1 / 2) * jnp.exp(-_t14)
    _t25 = 1 / _t24
    _t26 = _t10 * _t15
    _t27 = 708 if x.dtype == jnp.float64 else 87
    _t28 = jnp.less(alpha, _t27)
    _t29 = jnp.less(alpha, 2 * _t27)
    _t30 = jnp.where(_t29, (jnp.exp(-_t16)), jnp.asarray(0, x.dtype))
    _t31 = _t7
    _t32 = jnp.where(_t28, _t31, jnp.asarray(0, x.dtype))
    _t33 = jnp.where(_t2, jnp.logical_and(_t29, jnp.less(_t18, 1 / 4)), jnp.logical_and(_t29, jnp.less(_t20, 1 / 4)))
    _t34 = jnp.exp(jnp.where(_t33, -_t12 * _t6, -alpha * (1 - 2 * _t12)))
    _t35 = _t32 + _t34
    _t36 = _t34 + 1
    y_D_x = jnp.where(
        jnp.where(_t2, jnp.logical_and(_t3, _t4), jnp.logical_and(_t3, _t5)),
        1 / sinhc(alpha),
        jnp.where(
            jnp.where(_t2, _t4, _t5),
            _t6 * _t7 / (1 - jnp.exp(-_t6)),
            jnp.where(
                jnp.where(_t2, jnp.greater(_t18, _t19), jnp.less(_t19, _t20)),
                _t11 * (-_t14 * _t17 * tanhc_small_d1(_t14) - _t17 * tanhc_small(_t14)),
                jnp.where(
                    _t3,
                    -_t13 * _t21 * _t23 * _t26 * (alpha * alpha) * sinhc(_t14) / (_t24 * _t24)
                    + _t21 * _t23 * _t25
                    - _t21 * _t25 * _t26 * alpha * sinhc_small_d1(_t22),
                    -_t11
                    * _t15
                    * _t6
                    * jnp.where(
                        _t33,
                        jnp.where(_t28, jnp.asarray(1, x.dtype), _t30) * (jnp.where(_t28, _t31, _t30) / (_t35)),
                        jnp.asarray(1, x.dtype),
                    )
                    * (
                        jnp.where(
                            _t33,
                            _t34
                            * (
                                _t35
                                + jnp.where(
                                    jnp.where(_t2, jnp.less(_t18 * alpha, 1 / 2), jnp.less(_t20 * alpha, 1 / 2)),
                                    _t22 * _t36 * tanhc_small(_t22),
                                    1 - _t34,
                                )
                            ),
                            _t34 * (_t32 + 1),
                        )
                        / (jnp.where(_t33, _t35, (_t36 * _t36)))
                    )
                    * (1 / (1 - _t7)),
                ),
            ),
        ),
    )
    return (y_D_x,), ()


def _hessian_x(x, alpha):
    _n = jnp.round(x)
    _r = -_n + x
    _t0 = jnp.round(_r)
    _t1 = _r - _t0
    _t2 = jnp.greater_equal(_t1, 1 / 2)
    _t3 = jnp.equal(_t1, 1)
    _t4 = jnp.less(alpha, 4)
    _t5 = jnp.equal(_t1, 0)
    _t6 = -_r + _t0
    _t7 = _t6 + jnp.where(_t2, jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype))
    _t8 = -_t7
    _t9 = jnp.sign(_t8)
    _t10 = jnp.abs(_t7)
    _t11 = 1 / 2 - _t10
    _t12 = _t11 * alpha
    _t13 = jnp.sign(_t7)
    _t14 = _t13 * _t13
    _t15 = (1 / 2) * alpha
    _t16 = _t14 * zcoth(_t15)
    _t17 = 2 * alpha
    _t18 = alpha * alpha
    _t19 = _t11 * _t18
    _t20 = jnp.abs(_t6 + 1)
    _t21 = -1 / 4 * atanhc_small((1 / 2) * jnp.tanh(_t15)) * tanhc(_t15) + 1 / 2
    _t22 = jnp.abs(_t1)
    _t23 = _t10 * alpha
    _t24 = sinhc_small_d1(_t23)
    _t25 = (1 / 2) * jnp.exp(_t12) + (1 / 2) * jnp.exp(-_t12)
    _t26 = 1 / sinhc_small(_t15)
    _t27 = _t26 / _t25
    _t28 = _t14 * _t18
    _t29 = _t27 * _t28 * _t8
    _t30 = sinhc_small(_t23)
    _t31 = 2 * _t26 * _t30
    _t32 = sinhc(_t12)
    _t33 = _t32 / (_t25 * _t25)
    _t34 = _t14 * _t8
    _t35 = 708 if x.dtype == jnp.float64 else 87
    _t36 = jnp.less(alpha, _t35)
    _t37 = jnp.less(alpha, 2 * _t35)
    _t38 = jnp.where(_t37, (jnp.exp(-_t15)), jnp.asarray(0, x.dtype))
    _t39 = jnp.exp(-alpha)
    _t40 = _t39
    _t41 = jnp.where(_t36, _t40, jnp.asarray(0, x.dtype))
    _t42 = jnp.where(_t2, jnp.logical_and(_t37, jnp.less(_t20, 1 / 4)), jnp.logical_and(_t37, jnp.less(_t22, 1 / 4)))
    _t43 = jnp.exp(jnp.where(_t42, -2 * _t23, -alpha * (1 - 2 * _t10)))
    _t44 = _t41 + _t43
    _t45 = _t43 + 1
    _t46 = 1 - _t43
    y_D_x_D_x = jnp.where(
        jnp.where(_t2, jnp.logical_and(_t3, jnp.logical_or(_t3, _t4)), jnp.logical_and(_t5, jnp.logical_or(_t4, _t5))),
        jnp.asarray(0, x.dtype),
        jnp.where(
            jnp.where(_t2, jnp.greater(_t20, _t21), jnp.less(_t21, _t22)),
            _t9 * (-_t16 * _t17 * tanhc_small_d1(_t12) - _t16 * _t19 * tanhc_small_d2(_t12)),
            jnp.where(
                _t4,
                (_t11 * _t11) * _t31 * (_t32 * _t32) * _t34 * (alpha * alpha * alpha * alpha) / (_t25 * _t25 * _t25)
                + 2 * _t11 * _t24 * _t26 * _t33 * _t34 * (alpha * alpha * alpha)
                - _t13 * _t17 * _t24 * _t27
                - _t13 * _t19 * _t31 * _t33
                - _t29 * _t30
                + _t29 * sinhc_small_d2(_t23),
                4
                * _t28
                * _t9
                * jnp.where(
                    _t42,
                    jnp.where(_t36, jnp.asarray(1, x.dtype), _t38) * (jnp.where(_t36, _t40, _t38) / (_t44)),
                    jnp.asarray(1, x.dtype),
                )
                * (
                    jnp.where(
                        _t42,
                        _t43
                        * (-_t41 + _t43)
                        * (
                            _t44
                            + jnp.where(
                                jnp.where(_t2, jnp.less(_t20 * alpha, 1 / 2), jnp.less(_t22 * alpha, 1 / 2)),
                                _t23 * _t45 * tanhc_small(_t23),
                                _t46,
                            )
                        ),
                        _t43 * _t46 * (_t41 + 1),
                    )
                    / (jnp.where(_t42, (_t44 * _t44), (_t45 * _t45 * _t45)))
                )
                * (1 / (1 - _t39)),
            ),
        ),
    )
    return (y_D_x_D_x,), ()


def _value_all(x, alpha):
    _n = jnp.round(x)
    _r = -_n + x
    _t0 = jnp.round(_r)
    _t1 = _r - _t0
    _t2 = jnp.greater_equal(_t1, 1 / 2)
    _t3 = jnp.where(_t2, jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype))
    _t4 = sinhc(alpha)
    _t5 = 1 / _t4
    _t6 = -_r + _t0
    _t7 = _t3 + _t6
    _t8 = -_t7
    _t9 = jnp.less(alpha, 4)
    _t10 = jnp.equal(_t1, 1)
    _t11 = jnp.equal(_t1, 0)
    _t12 = jnp.where(_t2, jnp.logical_and(_t10, _t9), jnp.logical_and(_t11, _t9))
    _t13 = 2 * _r - 2 * _t0 - 2 * _t3
    _t14 = 2 * alpha
    _t15 = 1 - jnp.exp(-_t14)
    _t16 = 1 / _t15
    _t17 = jnp.exp(-alpha)
    _t18 = _t16 * _t17
    _t19 = _t13 * _t18 * alpha
    _t20 = jnp.where(_t2, _t10, _t11)
    _t21 = jnp.sign(_t8)
    _t22 = jnp.abs(_t7)
    _t23 = 1 / 2 - _t22
    _t24 = _t23 * alpha
    _t25 = tanhc_small(_t24)
    _t26 = (1 / 2) * alpha
    _t27 = zcoth(_t26)
    _t28 = _t25 * _t27
    _t29 = jnp.abs(_t6 + 1)
    _t30 = -1 / 4 * atanhc_small((1 / 2) * jnp.tanh(_t26)) * tanhc(_t26) + 1 / 2
    _t31 = jnp.abs(_t1)
    _t32 = jnp.where(_t2, jnp.greater(_t29, _t30), jnp.greater(_t31, _t30))
    _t33 = _t22 * alpha
    _t34 = sinhc_small(_t33)
    _t35 = (1 / 2) * jnp.exp(_t24) + (1 / 2) * jnp.exp(-_t24)
    _t36 = 1 / _t35
    _t37 = sinhc_small(_t26)
    _t38 = 1 / _t37
    _t39 = _t36 * _t38
    _t40 = 708 if x.dtype == jnp.float64 else 87
    _t41 = jnp.less(alpha, 2 * _t40)
    _t42 = jnp.where(_t2, jnp.logical_and(_t41, jnp.less(_t29, 1 / 4)), jnp.logical_and(_t41, jnp.less(_t31, 1 / 4)))
    _t43 = 2 * _t22
    _t44 = 1 - _t43
    _t45 = jnp.exp(jnp.where(_t42, -_t14 * _t22, -_t44 * alpha))
    _t46 = _t45 + 1
    _t47 = jnp.where(
        jnp.where(_t2, jnp.less(_t29 * alpha, 1 / 2), jnp.less(_t31 * alpha, 1 / 2)),
        _t33 * _t46 * tanhc_small(_t33),
        1 - _t45,
    )
    _t48 = _t17
    _t49 = jnp.less(alpha, _t40)
    _t50 = jnp.where(_t49, _t48, jnp.asarray(0, x.dtype))
    _t51 = _t45 - _t50
    _t52 = jnp.where(_t42, _t47, _t51) / (jnp.where(_t42, jnp.asarray(1, x.dtype), _t46))
    _t53 = jnp.where(_t41, (jnp.exp(-_t26)), jnp.asarray(0, x.dtype))
    _t54 = _t45 + _t50
    _t55 = jnp.where(
        _t42,
        jnp.where(_t49, jnp.asarray(1, x.dtype), _t53) * (jnp.where(_t49, _t48, _t53) / (_t54)),
        jnp.asarray(1, x.dtype),
    )
    _t56 = 1 - _t17
    _t57 = _t21 * _t55 * (1 / _t56)
    y = (
        _n
        + _t0
        + _t3
        + jnp.where(
            _t12,
            _t5 * _t8,
            jnp.where(
                _t20,
                _t19,
                jnp.where(_t32, _t21 * (-_t23 * _t28 + 1 / 2), jnp.where(_t9, _t34 * _t39 * _t8, _t52 * _t57)),
            ),
        )
    )
    return (y,), ()


def _gradient_all(x, alpha):
    _n = jnp.round(x)
    _r = -_n + x
    _t0 = sinhc(alpha)
    _t1 = jnp.round(_r)
    _t2 = _r - _t1
    _t3 = jnp.greater_equal(_t2, 1 / 2)
    _t4 = jnp.less(alpha, 4)
    _t5 = jnp.equal(_t2, 1)
    _t6 = jnp.equal(_t2, 0)
    _t7 = jnp.where(_t3, jnp.logical_and(_t4, _t5), jnp.logical_and(_t4, _t6))
    _t8 = 2 * alpha
    _t9 = 1 - jnp.exp(-_t8)
    _t10 = 1 / _t9
    _t11 = jnp.exp(-alpha)
    _t12 = _t10 * _t11
    _t13 = jnp.where(_t3, _t5, _t6)
    _t14 = jnp.where(_t3, jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype))
    _t15 = -_r + _t1
    _t16 = _t14 + _t15
    _t17 = -_t16
    _t18 = jnp.sign(_t17)
    _t19 = jnp.abs(_t16)
    _t20 = 1 / 2 - _t19
    _t21 = _t20 * alpha
    _t22 = tanhc_small(_t21)
    _t23 = jnp.sign(_t16)
    _t24 = (1 / 2) * alpha
    _t25 = zcoth(_t24)
    _t26 = _t23 * _t25
    _t27 = tanhc_small_d1(_t21)
    _t28 = jnp.abs(_t15 + 1)
    _t29 = -1 / 4 * atanhc_small((1 / 2) * jnp.tanh(_t24)) * tanhc(_t24) + 1 / 2
    _t30 = jnp.abs(_t2)
    _t31 = jnp.where(_t3, jnp.greater(_t28, _t29), jnp.greater(_t30, _t29))
    _t32 = sinhc_small(_t24)
    _t33 = 1 / _t32
    _t34 = _t19 * alpha
    _t35 = sinhc_small(_t34)
    _t36 = (1 / 2) * jnp.exp(_t21) + (1 / 2) * jnp.exp(-_t21)
    _t37 = 1 / _t36
    _t38 = sinhc_small_d1(_t34)
    _t39 = _t17 * _t35
    _t40 = _t33 * _t39 * sinhc(_t21) / (_t36 * _t36)
    _t41 = _t11
    _t42 = 708 if x.dtype == jnp.float64 else 87
    _t43 = jnp.less(alpha, _t42)
    _t44 = jnp.where(_t43, _t41, jnp.asarray(0, x.dtype))
    _t45 = jnp.less(alpha, 2 * _t42)
    _t46 = jnp.where(_t3, jnp.logical_and(_t45, jnp.less(_t28, 1 / 4)), jnp.logical_and(_t45, jnp.less(_t30, 1 / 4)))
    _t47 = 2 * _t19
    _t48 = 1 - _t47
    _t49 = jnp.exp(jnp.where(_t46, -_t19 * _t8, -_t48 * alpha))
    _t50 = _t44 + _t49
    _t51 = _t49 + 1
    _t52 = 1 / (jnp.where(_t46, _t50, (_t51 * _t51)))
    _t53 = jnp.where(
        jnp.where(_t3, jnp.less(_t28 * alpha, 1 / 2), jnp.less(_t30 * alpha, 1 / 2)),
        _t34 * _t51 * tanhc_small(_t34),
        1 - _t49,
    )
    _t54 = 1 - _t11
    _t55 = jnp.where(_t45, (jnp.exp(-_t24)), jnp.asarray(0, x.dtype))
    _t56 = _t18 * jnp.where(
        _t46,
        jnp.where(_t43, jnp.asarray(1, x.dtype), _t55) * (jnp.where(_t43, _t41, _t55) / (_t50)),
        jnp.asarray(1, x.dtype),
    )
    _t57 = _t56 * (1 / _t54)
    _t58 = 2 * _r - 2 * _t1 - 2 * _t14
    _t59 = _t20 * _t20
    _t60 = -_t44 + _t49
    y_D_x = jnp.where(
        _t7,
        1 / _t0,
        jnp.where(
            _t13,
            _t12 * _t8,
            jnp.where(
                _t31,
                _t18 * (-_t21 * _t26 * _t27 - _t22 * _t26),
                jnp.where(
                    _t4,
                    -_t17 * _t23 * _t33 * _t37 * _t38 * alpha
                    - _t20 * _t23 * _t40 * (alpha * alpha)
                    + _t33 * _t35 * _t37,
                    -_t23 * _t57 * _t8 * (_t52 * jnp.where(_t46, _t49 * (_t50 + _t53), _t49 * (_t44 + 1))),
                ),
            ),
        ),
    )
    y_D_alpha = jnp.where(
        _t7,
        -_t17 * sinhc_d1(alpha) / (_t0 * _t0),
        jnp.where(
            _t13,
            _t10 * _t11 * _t58 - _t12 * _t58 * alpha - _t58 * _t8 * jnp.exp(-3 * alpha) / (_t9 * _t9),
            jnp.where(
                _t31,
                _t18 * (-1 / 2 * _t20 * _t22 * zcoth_d1(_t24) - _t25 * _t27 * _t59),
                jnp.where(
                    _t4,
                    _t17 * _t19 * _t33 * _t37 * _t38
                    - _t40 * _t59 * alpha
                    - 1 / 2 * _t37 * _t39 * sinhc_small_d1(_t24) / (_t32 * _t32),
                    -_t11
                    * _t56
                    * (jnp.where(_t46, _t53, _t60) / (jnp.where(_t46, jnp.asarray(1, x.dtype), _t51)))
                    / (_t54 * _t54)
                    + _t57
                    * (
                        _t52 * jnp.where(_t46, _t49 * (_t47 * _t50 - _t48 * _t53), 2 * _t19 * _t44 * _t51 - _t48 * _t60)
                    ),
                ),
            ),
        ),
    )
    return (y_D_x, y_D_alpha), ()


def _hessian_all(x, alpha):
    _n = jnp.round(x)
    _r = -_n + x
    _t0 = jnp.round(_r)
    _t1 = _r - _t0
    _t2 = jnp.greater_equal(_t1, 1 / 2)
    _t3 = jnp.equal(_t1, 1)
    _t4 = jnp.less(alpha, 4)
    _t5 = jnp.equal(_t1, 0)
    _t6 = jnp.where(_t2, jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype))
    _t7 = -_r + _t0
    _t8 = _t6 + _t7
    _t9 = -_t8
    _t10 = jnp.sign(_t9)
    _t11 = jnp.sign(_t8)
    _t12 = _t11 * _t11
    _t13 = 2 * alpha
    _t14 = jnp.abs(_t8)
    _t15 = 1 / 2 - _t14
    _t16 = _t15 * alpha
    _t17 = tanhc_small_d1(_t16)
    _t18 = (1 / 2) * alpha
    _t19 = zcoth(_t18)
    _t20 = _t17 * _t19
    _t21 = _t19 * tanhc_small_d2(_t16)
    _t22 = alpha * alpha
    _t23 = _t12 * _t22
    _t24 = jnp.abs(_t7 + 1)
    _t25 = -1 / 4 * atanhc_small((1 / 2) * jnp.tanh(_t18)) * tanhc(_t18) + 1 / 2
    _t26 = jnp.abs(_t1)
    _t27 = jnp.where(_t2, jnp.greater(_t24, _t25), jnp.greater(_t26, _t25))
    _t28 = _t14 * alpha
    _t29 = sinhc_small_d1(_t28)
    _t30 = (1 / 2) * jnp.exp(_t16) + (1 / 2) * jnp.exp(-_t16)
    _t31 = 1 / _t30
    _t32 = sinhc_small(_t18)
    _t33 = 1 / _t32
    _t34 = _t31 * _t33
    _t35 = _t11 * _t29 * _t34
    _t36 = _t34 * _t9
    _t37 = _t36 * sinhc_small_d2(_t28)
    _t38 = sinhc_small(_t28)
    _t39 = _t36 * _t38
    _t40 = 2 * _t11
    _t41 = _t15 * _t40
    _t42 = _t33 * _t38
    _t43 = 1 / (_t30 * _t30)
    _t44 = sinhc(_t16)
    _t45 = _t43 * _t44
    _t46 = _t42 * _t45
    _t47 = alpha * alpha * alpha
    _t48 = 2 * _t9
    _t49 = _t29 * _t33
    _t50 = _t15 * _t15
    _t51 = 1 / (_t30 * _t30 * _t30)
    _t52 = _t44 * _t44
    _t53 = _t42 * _t48 * _t51 * _t52
    _t54 = jnp.exp(-alpha)
    _t55 = _t54
    _t56 = 708 if x.dtype == jnp.float64 else 87
    _t57 = jnp.less(alpha, _t56)
    _t58 = jnp.where(_t57, _t55, jnp.asarray(0, x.dtype))
    _t59 = 2 * _t28
    _t60 = -_t59
    _t61 = jnp.less(alpha, 2 * _t56)
    _t62 = jnp.where(_t2, jnp.logical_and(_t61, jnp.less(_t24, 1 / 4)), jnp.logical_and(_t61, jnp.less(_t26, 1 / 4)))
    _t63 = 2 * _t14
    _t64 = _t63 - 1
    _t65 = -_t64
    _t66 = _t65 * alpha
    _t67 = jnp.exp(jnp.where(_t62, _t60, -_t66))
    _t68 = _t58 + _t67
    _t69 = _t67 + 1
    _t70 = 1 / (jnp.where(_t62, (_t68 * _t68), (_t69 * _t69 * _t69)))
    _t71 = -_t67
    _t72 = -_t58 - _t71
    _t73 = _t28 * tanhc_small(_t28)
    _t74 = jnp.where(_t2, jnp.less(_t24 * alpha, 1 / 2), jnp.less(_t26 * alpha, 1 / 2))
    _t75 = 1 - _t67
    _t76 = jnp.where(_t74, _t69 * _t73, _t75)
    _t77 = _t68 + _t76
    _t78 = _t67 * _t77
    _t79 = _t58 + 1
    _t80 = _t67 * _t79
    _t81 = jnp.where(_t61, (jnp.exp(-_t18)), jnp.asarray(0, x.dtype))
    _t82 = jnp.where(
        _t62,
        jnp.where(_t57, jnp.asarray(1, x.dtype), _t81) * (jnp.where(_t57, _t55, _t81) / (_t68)),
        jnp.asarray(1, x.dtype),
    )
    _t83 = 1 - _t54
    _t84 = _t10 * (1 / _t83)
    _t85 = _t82 * _t84
    _t86 = sinhc_d1(alpha)
    _t87 = sinhc(alpha)
    _t88 = 1 / (_t87 * _t87)
    _t89 = jnp.where(_t2, jnp.logical_and(_t3, _t4), jnp.logical_and(_t4, _t5))
    _t90 = jnp.exp(-_t13)
    _t91 = 1 - _t90
    _t92 = 1 / _t91
    _t93 = 1 / (_t91 * _t91)
    _t94 = jnp.exp(-3 * alpha)
    _t95 = 4 * _t93 * _t94
    _t96 = _t54 * _t92
    _t97 = jnp.where(_t2, _t3, _t5)
    _t98 = zcoth_d1(_t18)
    _t99 = tanhc_small(_t16)
    _t100 = (1 / 2) * _t11
    _t101 = _t17 * _t98
    _t102 = _t50 * alpha
    _t103 = (1 / 2) * _t31 * _t38
    _t104 = 1 / (_t32 * _t32)
    _t105 = sinhc_small_d1(_t18)
    _t106 = _t104 * _t105
    _t107 = _t11 * _t16
    _t108 = _t15 * _t15 * _t15
    _t109 = _t14 * _t29
    _t110 = _t45 * _t9
    _t111 = 1 / (jnp.where(_t62, _t68, (_t69 * _t69)))
    _t112 = _t54 / (_t83 * _t83)
    _t113 = _t10 * _t112 * _t82
    _t114 = _t63 * _t68
    _t115 = 2 * _r - 2 * _t0 - 2 * _t6
    _t116 = _t115 * alpha
    _t117 = 8 * _t116
    _t118 = _t31 * _t9
    _t119 = _t8 * _t8
    _t120 = 1 / (jnp.where(_t62, jnp.asarray(1, x.dtype), _t69))
    _t121 = _t10 * _t82 * (_t120 * jnp.where(_t62, _t76, _t72))
    _t122 = jnp.exp(_t60)
    _t123 = jnp.abs((-_t64))
    _t124 = jnp.exp(-_t123 * alpha)
    _t125 = 4 * _t122
    y_D_x_D_x = jnp.where(
        jnp.where(_t2, jnp.logical_and(_t3, jnp.logical_or(_t3, _t4)), jnp.logical_and(_t5, jnp.logical_or(_t4, _t5))),
        jnp.asarray(0, x.dtype),
        jnp.where(
            _t27,
            _t10 * (-_t12 * _t13 * _t20 - _t15 * _t21 * _t23),
            jnp.where(
                _t4,
                _t12 * _t15 * _t45 * _t47 * _t48 * _t49
                + _t12 * _t50 * _t53 * (alpha * alpha * alpha * alpha)
                - _t13 * _t35
                - _t22 * _t41 * _t46
                + _t23 * _t37
                - _t23 * _t39,
                4 * _t23 * _t85 * (_t70 * jnp.where(_t62, _t72 * _t78, _t75 * _t80)),
            ),
        ),
    )
    y_D_x_D_alpha = jnp.where(
        _t89,
        -_t86 * _t88,
        jnp.where(
            _t97,
            -_t13 * _t96 + 2 * _t54 * _t92 - _t95 * alpha,
            jnp.where(
                _t27,
                _t10 * (-_t100 * _t101 * _t16 - _t100 * _t98 * _t99 - _t102 * _t11 * _t21 - _t20 * _t41),
                jnp.where(
                    _t4,
                    -_t102 * _t46
                    - _t103 * _t106
                    + (1 / 2) * _t104 * _t105 * _t11 * _t15 * _t22 * _t38 * _t43 * _t44 * _t9
                    + (1 / 2) * _t104 * _t105 * _t11 * _t29 * _t31 * _t9 * alpha
                    - _t107 * _t39
                    - _t107 * _t46 * _t9
                    + 2 * _t108 * _t11 * _t33 * _t38 * _t47 * _t51 * _t52 * _t9
                    - _t109 * _t11 * _t110 * _t15 * _t22 * _t33
                    + _t11 * _t22 * _t29 * _t33 * _t43 * _t44 * _t50 * _t9
                    - _t11 * _t28 * _t37
                    + _t14 * _t29 * _t31 * _t33
                    - _t35 * _t9,
                    _t11 * _t113 * _t13 * (_t111 * jnp.where(_t62, _t78, _t80))
                    - _t40
                    * _t85
                    * (
                        _t70
                        * jnp.where(
                            _t62,
                            _t67 * (_t68 * _t77 - alpha * (_t114 * _t58 + _t65 * (_t67 * _t68 + _t72 * _t76))),
                            _t67 * (_t69 * _t79 - alpha * (_t58 * _t63 * _t69 + _t65 * (2 * _t58 + _t71 + 1))),
                        )
                    ),
                ),
            ),
        ),
    )
    y_D_alpha_D_alpha = jnp.where(
        _t89,
        2 * (_t86 * _t86) * _t9 / (_t87 * _t87 * _t87) - _t88 * _t9 * sinhc_d2(alpha),
        jnp.where(
            _t97,
            -_t115 * _t95
            - 2 * _t115 * _t96
            + _t116 * _t96
            + _t117 * _t93 * _t94
            + _t117 * jnp.exp(-5 * alpha) / (_t91 * _t91 * _t91),
            jnp.where(
                _t27,
                _t10 * (-_t101 * _t50 - _t108 * _t21 - 1 / 4 * _t15 * _t99 * zcoth_d2(_t18)),
                jnp.where(
                    _t4,
                    _t102 * _t106 * _t110 * _t38
                    + _t103 * (_t105 * _t105) * _t9 / (_t32 * _t32 * _t32)
                    - 1 / 4 * _t104 * _t118 * _t38 * sinhc_small_d2(_t18)
                    - _t106 * _t109 * _t118
                    - _t110 * _t49 * _t50 * _t59
                    + _t119 * _t37
                    + (_t15 * _t15 * _t15 * _t15) * _t22 * _t53
                    - _t39 * _t50,
                    _t112 * _t121
                    - 2
                    * _t113
                    * (_t111 * jnp.where(_t62, _t67 * (_t114 - _t65 * _t76), 2 * _t14 * _t58 * _t69 - _t65 * _t72))
                    + 2 * _t121 * _t90 / (_t83 * _t83 * _t83)
                    + _t84
                    * (
                        -_t119 * _t125 * _t82 * (_t120 * jnp.where(_t62, jnp.asarray(1, x.dtype), _t67))
                        + _runtime.multiply_no_nan(
                            -(_t65 * _t65) * jnp.where(_t74, _t73 * (_t122 + 1), 1 - _t122),
                            -jnp.where(
                                jnp.where(
                                    _t2,
                                    jnp.less(alpha * jnp.abs((1 - 2 * _t24)), 1 / 2),
                                    jnp.less(alpha * jnp.abs((1 - 2 * _t26)), 1 / 2),
                                ),
                                _t124 * jnp.tanh(_t123 * _t18) / (_t124 * (_t124 + 2) + 1),
                                _t124 * (1 - _t124) / (_t124 * (_t124 * (_t124 + 3) + 3) + 1),
                            )
                            * jnp.sign(_t66),
                        )
                        + _runtime.multiply_no_nan(-_t125 * _t14 * _t65, _t82 * (_t111 * _t67))
                    ),
                ),
            ),
        ),
    )
    return (y_D_x_D_x, y_D_x_D_alpha, y_D_alpha_D_alpha), ()


def _value_alpha_below_4(x, alpha):
    _n = jnp.round(x)
    _r = -_n + x
    _t0 = jnp.round(_r)
    _t1 = _r - _t0
    _t2 = jnp.greater_equal(_t1, 1 / 2)
    _t3 = jnp.where(_t2, jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype))
    _t4 = 1 / sinhc(alpha)
    _t5 = -_r + _t0
    _t6 = _t3 + _t5
    _t7 = -_t6
    _t8 = jnp.where(_t2, jnp.equal(_t1, 1), jnp.equal(_t1, 0))
    _t9 = jnp.sign(_t7)
    _t10 = jnp.abs(_t6)
    _t11 = 1 / 2 - _t10
    _t12 = _t11 * alpha
    _t13 = (1 / 2) * alpha
    _t14 = zcoth(_t13)
    _t15 = _t14 * tanhc_small(_t12)
    _t16 = -1 / 4 * atanhc_small((1 / 2) * jnp.tanh(_t13)) * tanhc(_t13) + 1 / 2
    _t17 = jnp.where(
        _t2,
        jnp.greater(jnp.where(jnp.greater_equal(_t5, -1), _t5 + 1, -_t5 - 1), _t16),
        jnp.greater(jnp.where(jnp.greater_equal(_t1, 0), _t1, -_t1), _t16),
    )
    _t18 = _t10 * alpha
    _t19 = sinhc_small(_t18)
    _t20 = (1 / 2) * jnp.exp(_t12) + (1 / 2) * jnp.exp(-_t12)
    _t21 = 1 / _t20
    _t22 = 1 / sinhc_small(_t13)
    _t23 = _t21 * _t22
    y = _n + _t0 + _t3 + jnp.where(_t8, _t4 * _t7, jnp.where(_t17, _t9 * (-_t11 * _t15 + 1 / 2), _t19 * _t23 * _t7))
    return (y,), ()


def _gradient_alpha_below_4(x, alpha):
    _n = jnp.round(x)
    _r = -_n + x
    _t0 = jnp.round(_r)
    _t1 = _r - _t0
    _t2 = jnp.greater_equal(_t1, 1 / 2)
    _t3 = -_r + _t0
    _t4 = _t3 + jnp.where(_t2, jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype))
    _t5 = -_t4
    _t6 = jnp.abs(_t4)
    _t7 = 1 / 2 - _t6
    _t8 = _t7 * alpha
    _t9 = jnp.sign(_t4)
    _t10 = (1 / 2) * alpha
    _t11 = _t9 * zcoth(_t10)
    _t12 = -1 / 4 * atanhc_small((1 / 2) * jnp.tanh(_t10)) * tanhc(_t10) + 1 / 2
    _t13 = 1 / sinhc_small(_t10)
    _t14 = _t6 * alpha
    _t15 = sinhc_small(_t14)
    _t16 = (1 / 2) * jnp.exp(_t8) + (1 / 2) * jnp.exp(-_t8)
    _t17 = 1 / _t16
    _t18 = _t5 * _t9
    y_D_x = jnp.where(
        jnp.where(_t2, jnp.equal(_t1, 1), jnp.equal(_t1, 0)),
        1 / sinhc(alpha),
        jnp.where(
            jnp.where(
                _t2,
                jnp.less(_t12, jnp.where(jnp.greater_equal(_t3, -1), _t3 + 1, -_t3 - 1)),
                jnp.less(_t12, jnp.where(jnp.greater_equal(_t1, 0), _t1, -_t1)),
            ),
            (-_t11 * _t8 * tanhc_small_d1(_t8) - _t11 * tanhc_small(_t8)) * jnp.sign(_t5),
            _t13 * _t15 * _t17
            - _t13 * _t15 * _t18 * _t7 * (alpha * alpha) * sinhc(_t8) / (_t16 * _t16)
            - _t13 * _t17 * _t18 * alpha * sinhc_small_d1(_t14),
        ),
    )
    return (y_D_x,), ()


def _hessian_alpha_below_4(x, alpha):
    _n = jnp.round(x)
    _r = -_n + x
    _t0 = jnp.round(_r)
    _t1 = _r - _t0
    _t2 = jnp.greater_equal(_t1, 1 / 2)
    _t3 = -_r + _t0
    _t4 = _t3 + jnp.where(_t2, jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype))
    _t5 = -_t4
    _t6 = jnp.abs(_t4)
    _t7 = 1 / 2 - _t6
    _t8 = _t7 * alpha
    _t9 = jnp.sign(_t4)
    _t10 = _t9 * _t9
    _t11 = (1 / 2) * alpha
    _t12 = _t10 * zcoth(_t11)
    _t13 = 2 * alpha
    _t14 = alpha * alpha
    _t15 = _t14 * _t7
    _t16 = -1 / 4 * atanhc_small((1 / 2) * jnp.tanh(_t11)) * tanhc(_t11) + 1 / 2
    _t17 = _t6 * alpha
    _t18 = sinhc_small_d1(_t17)
    _t19 = (1 / 2) * jnp.exp(_t8) + (1 / 2) * jnp.exp(-_t8)
    _t20 = 1 / sinhc_small(_t11)
    _t21 = _t20 / _t19
    _t22 = _t10 * _t5
    _t23 = _t14 * _t21 * _t22
    _t24 = sinhc_small(_t17)
    _t25 = 2 * _t20 * _t24
    _t26 = sinhc(_t8)
    _t27 = _t26 / (_t19 * _t19)
    y_D_x_D_x = jnp.where(
        jnp.where(_t2, jnp.equal(_t1, 1), jnp.equal(_t1, 0)),
        jnp.asarray(0, x.dtype),
        jnp.where(
            jnp.where(
                _t2,
                jnp.less(_t16, jnp.where(jnp.greater_equal(_t3, -1), _t3 + 1, -_t3 - 1)),
                jnp.less(_t16, jnp.where(jnp.greater_equal(_t1, 0), _t1, -_t1)),
            ),
            (-_t12 * _t13 * tanhc_small_d1(_t8) - _t12 * _t15 * tanhc_small_d2(_t8)) * jnp.sign(_t5),
            -_t13 * _t18 * _t21 * _t9
            - _t15 * _t25 * _t27 * _t9
            + 2 * _t18 * _t20 * _t22 * _t27 * _t7 * (alpha * alpha * alpha)
            - _t23 * _t24
            + _t23 * sinhc_small_d2(_t17)
            + _t22 * _t25 * (_t26 * _t26) * (_t7 * _t7) * (alpha * alpha * alpha * alpha) / (_t19 * _t19 * _t19),
        ),
    )
    return (y_D_x_D_x,), ()


def _value_alpha_from_4(x, alpha):
    _n = jnp.round(x)
    _r = -_n + x
    _t0 = jnp.round(_r)
    _t1 = _r - _t0
    _t2 = jnp.greater_equal(_t1, 1 / 2)
    _t3 = jnp.where(_t2, jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype))
    _t4 = 2 * alpha
    _t5 = jnp.exp(-alpha)
    _t6 = _t5 / (1 - jnp.exp(-_t4))
    _t7 = jnp.where(_t2, jnp.equal(_t1, 1), jnp.equal(_t1, 0))
    _t8 = -_r + _t0
    _t9 = _t3 + _t8
    _t10 = -jnp.sign(_t9)
    _t11 = jnp.abs(_t9)
    _t12 = 1 / 2 - _t11
    _t13 = _t12 * alpha
    _t14 = (1 / 2) * alpha
    _t15 = zcoth(_t14)
    _t16 = _t15 * tanhc_small(_t13)
    _t17 = jnp.abs(_t8 + 1)
    _t18 = -1 / 4 * atanhc_small((1 / 2) * jnp.tanh(_t14)) * tanhc(_t14) + 1 / 2
    _t19 = jnp.abs(_t1)
    _t20 = jnp.where(_t2, jnp.greater(_t17, _t18), jnp.greater(_t19, _t18))
    _t21 = 708 if x.dtype == jnp.float64 else 87
    _t22 = jnp.less(alpha, 2 * _t21)
    _t23 = jnp.where(_t2, jnp.logical_and(_t22, jnp.less(_t17, 1 / 4)), jnp.logical_and(_t22, jnp.less(_t19, 1 / 4)))
    _t24 = jnp.exp(jnp.where(_t23, -_t11 * _t4, -alpha * (1 - 2 * _t11)))
    _t25 = _t24 + 1
    _t26 = _t11 * alpha
    _t27 = jnp.where(
        jnp.where(_t2, jnp.less(_t17 * alpha, 1 / 2), jnp.less(_t19 * alpha, 1 / 2)),
        _t25 * _t26 * tanhc_small(_t26),
        1 - _t24,
    )
    _t28 = _t5
    _t29 = jnp.less(alpha, _t21)
    _t30 = jnp.where(_t29, _t28, jnp.asarray(0, x.dtype))
    _t31 = jnp.where(_t22, (jnp.exp(-_t14)), jnp.asarray(0, x.dtype))
    _t32 = _t24 + _t30
    _t33 = (
        _t10
        * jnp.where(
            _t23,
            jnp.where(_t29, jnp.asarray(1, x.dtype), _t31) * (jnp.where(_t29, _t28, _t31) / (_t32)),
            jnp.asarray(1, x.dtype),
        )
        * (1 / (1 - _t5))
    )
    y = (
        _n
        + _t0
        + _t3
        + jnp.where(
            _t7,
            _t6 * alpha * (2 * _r - 2 * _t0 - 2 * _t3),
            jnp.where(
                _t20,
                _t10 * (-_t12 * _t16 + 1 / 2),
                _t33 * (jnp.where(_t23, _t27, _t24 - _t30) / (jnp.where(_t23, jnp.asarray(1, x.dtype), _t25))),
            ),
        )
    )
    return (y,), ()


def _gradient_alpha_from_4(x, alpha):
    _n = jnp.round(x)
    _r = -_n + x
    _t0 = 2 * alpha
    _t1 = jnp.exp(-alpha)
    _t2 = jnp.round(_r)
    _t3 = _r - _t2
    _t4 = jnp.greater_equal(_t3, 1 / 2)
    _t5 = -_r + _t2
    _t6 = _t5 + jnp.where(_t4, jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype))
    _t7 = -jnp.sign(_t6)
    _t8 = jnp.abs(_t6)
    _t9 = alpha * (1 / 2 - _t8)
    _t10 = jnp.sign(_t6)
    _t11 = (1 / 2) * alpha
    _t12 = _t10 * zcoth(_t11)
    _t13 = jnp.abs(_t5 + 1)
    _t14 = -1 / 4 * atanhc_small((1 / 2) * jnp.tanh(_t11)) * tanhc(_t11) + 1 / 2
    _t15 = jnp.abs(_t3)
    _t16 = 708 if x.dtype == jnp.float64 else 87
    _t17 = jnp.less(alpha, _t16)
    _t18 = jnp.less(alpha, 2 * _t16)
    _t19 = jnp.where(_t18, (jnp.exp(-_t11)), jnp.asarray(0, x.dtype))
    _t20 = _t1
    _t21 = jnp.where(_t17, _t20, jnp.asarray(0, x.dtype))
    _t22 = jnp.where(_t4, jnp.logical_and(_t18, jnp.less(_t13, 1 / 4)), jnp.logical_and(_t18, jnp.less(_t15, 1 / 4)))
    _t23 = jnp.exp(jnp.where(_t22, -_t0 * _t8, -alpha * (1 - 2 * _t8)))
    _t24 = _t21 + _t23
    _t25 = _t23 + 1
    _t26 = _t8 * alpha
    y_D_x = jnp.where(
        jnp.where(_t4, jnp.equal(_t3, 1), jnp.equal(_t3, 0)),
        _t0 * _t1 / (1 - jnp.exp(-_t0)),
        jnp.where(
            jnp.where(_t4, jnp.greater(_t13, _t14), jnp.less(_t14, _t15)),
            _t7 * (-_t12 * _t9 * tanhc_small_d1(_t9) - _t12 * tanhc_small(_t9)),
            -_t0
            * _t10
            * _t7
            * jnp.where(
                _t22,
                jnp.where(_t17, jnp.asarray(1, x.dtype), _t19) * (jnp.where(_t17, _t20, _t19) / (_t24)),
                jnp.asarray(1, x.dtype),
            )
            * (
                jnp.where(
                    _t22,
                    _t23
                    * (
                        _t24
                        + jnp.where(
                            jnp.where(_t4, jnp.less(_t13 * alpha, 1 / 2), jnp.less(_t15 * alpha, 1 / 2)),
                            _t25 * _t26 * tanhc_small(_t26),
                            1 - _t23,
                        )
                    ),
                    _t23 * (_t21 + 1),
                )
                / (jnp.where(_t22, _t24, (_t25 * _t25)))
            )
            * (1 / (1 - _t1)),
        ),
    )
    return (y_D_x,), ()


def _hessian_alpha_from_4(x, alpha):
    _n = jnp.round(x)
    _r = -_n + x
    _t0 = jnp.round(_r)
    _t1 = _r - _t0
    _t2 = jnp.greater_equal(_t1, 1 / 2)
    _t3 = -_r + _t0
    _t4 = _t3 + jnp.where(_t2, jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype))
    _t5 = -jnp.sign(_t4)
    _t6 = jnp.abs(_t4)
    _t7 = 1 / 2 - _t6
    _t8 = _t7 * alpha
    _t9 = jnp.sign(_t4) * jnp.sign(_t4)
    _t10 = (1 / 2) * alpha
    _t11 = _t9 * zcoth(_t10)
    _t12 = alpha * alpha
    _t13 = jnp.abs(_t3 + 1)
    _t14 = -1 / 4 * atanhc_small((1 / 2) * jnp.tanh(_t10)) * tanhc(_t10) + 1 / 2
    _t15 = jnp.abs(_t1)
    _t16 = jnp.exp(-alpha)
    _t17 = 708 if x.dtype == jnp.float64 else 87
    _t18 = jnp.less(alpha, _t17)
    _t19 = jnp.less(alpha, 2 * _t17)
    _t20 = jnp.where(_t19, (jnp.exp(-_t10)), jnp.asarray(0, x.dtype))
    _t21 = _t16
    _t22 = jnp.where(_t18, _t21, jnp.asarray(0, x.dtype))
    _t23 = 2 * _t6
    _t24 = jnp.where(_t2, jnp.logical_and(_t19, jnp.less(_t13, 1 / 4)), jnp.logical_and(_t19, jnp.less(_t15, 1 / 4)))
    _t25 = jnp.exp(jnp.where(_t24, -_t23 * alpha, -alpha * (1 - _t23)))
    _t26 = _t22 + _t25
    _t27 = _t25 + 1
    _t28 = _t6 * alpha
    _t29 = 1 - _t25
    y_D_x_D_x = jnp.where(
        jnp.where(_t2, jnp.equal(_t1, 1), jnp.equal(_t1, 0)),
        jnp.asarray(0, x.dtype),
        jnp.where(
            jnp.where(_t2, jnp.greater(_t13, _t14), jnp.less(_t14, _t15)),
            _t5 * (-_t11 * _t12 * _t7 * tanhc_small_d2(_t8) - 2 * _t11 * alpha * tanhc_small_d1(_t8)),
            4
            * _t12
            * _t5
            * _t9
            * jnp.where(
                _t24,
                jnp.where(_t18, jnp.asarray(1, x.dtype), _t20) * (jnp.where(_t18, _t21, _t20) / (_t26)),
                jnp.asarray(1, x.dtype),
            )
            * (
                jnp.where(
                    _t24,
                    _t25
                    * (-_t22 + _t25)
                    * (
                        _t26
                        + jnp.where(
                            jnp.where(_t2, jnp.less(_t13 * alpha, 1 / 2), jnp.less(_t15 * alpha, 1 / 2)),
                            _t27 * _t28 * tanhc_small(_t28),
                            _t29,
                        )
                    ),
                    _t25 * _t29 * (_t22 + 1),
                )
                / (jnp.where(_t24, (_t26 * _t26), (_t27 * _t27 * _t27)))
            )
            * (1 / (1 - _t16)),
        ),
    )
    return (y_D_x_D_x,), ()


_OP = _runtime.Op(
    name="soft_round",
    params=[_runtime.FloatParam("alpha", 5.0, 0.0, float("inf"), low_open=False, high_open=True)],
    modes=("soft", "ste"),
    hard=_hard,
    kernels={
        "x": _runtime.Kernels(_value_x, _gradient_x, _hessian_x),
        "all": _runtime.Kernels(_value_all, _gradient_all, _hessian_all),
        "alpha_below_4": _runtime.Kernels(_value_alpha_below_4, _gradient_alpha_below_4, _hessian_alpha_below_4),
        "alpha_from_4": _runtime.Kernels(_value_alpha_from_4, _gradient_alpha_from_4, _hessian_alpha_from_4),
    },
    regimes=(("alpha_below_4", lambda alpha: alpha < 4), ("alpha_from_4", lambda alpha: alpha >= 4)),
)


def soft_round(x, alpha=5.0, mode="soft", name=None):
    """m + tanh(alpha*r)/(2*tanh(alpha/2)), m = floor(x) + 1/2, r = x - m: the soft rounding of neural
        compression.

    Smooth forward: Piecewise(((x - floor(x + 1/2))/sinhc(alpha), (alpha < 4) & Eq(x - floor(x +
        1/2), 0)), (alpha*(2*x - 2*floor(x + 1/2))*exp(-alpha)/(1 - exp(-2*alpha)), Eq(x - floor(x +
        1/2), 0)), ((-(1/2 - Abs(x - floor(x + 1/2)))*tanhc_small(alpha*(1/2 - Abs(x - floor(x +
        1/2))))*zcoth(alpha/2) + 1/2)*sign(x - floor(x + 1/2)), Abs(x - floor(x + 1/2)) >
        -atanhc_small(tanh(alpha/2)/2)*tanhc(alpha/2)/4 + 1/2), ((x - floor(x +
        1/2))*sinhc_small(alpha*Abs(x - floor(x + 1/2)))/(cosh(alpha*(1/2 - Abs(x - floor(x +
        1/2))))*sinhc_small(alpha/2)), alpha < 4), (evaluated_first(1/(1 -
        exp(-alpha)))*saturating_product(alpha, Abs(x - floor(x + 1/2)))*sign(x - floor(x + 1/2)),
        True)) + floor(x + 1/2)
    Hard function: round(x)
        round(u): round half to even (as tf.round, jnp.round and torch.round).
      with alpha = alpha

    Args:
        x: float16, bfloat16, float32 or float64 jax.Array (float64 with jax_enable_x64).
        alpha: sharpness: 0 is the identity, large values approach round; float or float tensor
            broadcasting with x (differentiable), in [0, inf), default 5.0.
        mode: "soft" (smooth forward, exact derivative) or "ste" (hard forward, the smooth
            derivative as gradient); default "soft".
        name: optional name (a jax.named_scope).

    Returns:
        A tensor of x's dtype and the broadcast shape of x and the parameters.

    Source: Agustsson & Theis 2020, Universally Quantized Neural Compression, Sec. 4.1.
    """
    return _OP(x, {"alpha": alpha}, mode, name)
