# Generated from template templates/package/op.py.jinja and spec derive/catalog.py:soft_round_inverse.
# Do NOT modify by hand: edit the spec or the template, then run
#     python scripts/regenerate_ops.py
"""soft_round_inverse: m + atanh(2*r*tanh(alpha/2))/alpha, m = floor(x) + 1/2, r = x - m: the inverse of soft_round."""

import tensorflow as tf

from . import _runtime


def polynomial(w, coefficients):
    """sum of coefficients[k] * w**k, in Horner form."""
    result = coefficients[-1]
    for coefficient in reversed(coefficients[:-1]):
        result = result * w + coefficient
    return result


def atanhc_small(z):
    """Atanh(z)/z, |z| < 1/2 (callers keep it there): its Taylor series."""
    if z.dtype == tf.float64:
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


def atanhc_small_d1(z):
    """First derivative of atanh(z)/z, |z| < 1/2 (callers keep it there): its Taylor series, odd."""
    if z.dtype == tf.float64:
        coefficients = (
            2 / 3,
            4 / 5,
            6 / 7,
            8 / 9,
            10 / 11,
            12 / 13,
            14 / 15,
            16 / 17,
            18 / 19,
            20 / 21,
            22 / 23,
            24 / 25,
            26 / 27,
            28 / 29,
            30 / 31,
            32 / 33,
            34 / 35,
            36 / 37,
            38 / 39,
            40 / 41,
            42 / 43,
            44 / 45,
            46 / 47,
            48 / 49,
            50 / 51,
            52 / 53,
            54 / 55,
            56 / 57,
            58 / 59,
            60 / 61,
            62 / 63,
        )
    else:
        coefficients = (
            2 / 3,
            4 / 5,
            6 / 7,
            8 / 9,
            10 / 11,
            12 / 13,
            14 / 15,
            16 / 17,
            18 / 19,
            20 / 21,
            22 / 23,
            24 / 25,
            26 / 27,
            28 / 29,
            30 / 31,
            32 / 33,
        )
    series = z * polynomial(z * z, coefficients)
    return series


def atanhc_small_d2(z):
    """Second derivative of atanh(z)/z, |z| < 1/2 (callers keep it there): its Taylor series."""
    if z.dtype == tf.float64:
        coefficients = (
            2 / 3,
            12 / 5,
            30 / 7,
            56 / 9,
            90 / 11,
            132 / 13,
            182 / 15,
            240 / 17,
            306 / 19,
            380 / 21,
            462 / 23,
            552 / 25,
            650 / 27,
            756 / 29,
            870 / 31,
            992 / 33,
            1122 / 35,
            1260 / 37,
            1406 / 39,
            1560 / 41,
            1722 / 43,
            1892 / 45,
            2070 / 47,
            2256 / 49,
            2450 / 51,
            2652 / 53,
            2862 / 55,
            3080 / 57,
            3306 / 59,
            3540 / 61,
            3782 / 63,
            4032 / 65,
            4290 / 67,
        )
    else:
        coefficients = (
            2 / 3,
            12 / 5,
            30 / 7,
            56 / 9,
            90 / 11,
            132 / 13,
            182 / 15,
            240 / 17,
            306 / 19,
            380 / 21,
            462 / 23,
            552 / 25,
            650 / 27,
            756 / 29,
            870 / 31,
            992 / 33,
            1122 / 35,
            1260 / 37,
        )
    series = polynomial(z * z, coefficients)
    return series


def sinhc(z):
    """Sinh(z)/z: its Taylor series for |z| < 2, the direct form beyond."""
    if z.dtype == tf.float64:
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
    return tf.where(tf.math.less(tf.math.abs(z), 2), series, ((1 / 2) * tf.math.exp(z) - 1 / 2 * tf.math.exp(-z)) / z)


def sinhc_d1(z):
    """First derivative of sinh(z)/z: its Taylor series, odd for |z| < 2, the direct form beyond."""
    if z.dtype == tf.float64:
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
    _d0 = (1 / 2) * tf.math.exp(z)
    _d1 = (1 / 2) * tf.math.exp(-z)
    return tf.where(tf.math.less(tf.math.abs(z), 2), series, (_d0 + _d1) / z - (_d0 - _d1) / (z * z))


def sinhc_d2(z):
    """Second derivative of sinh(z)/z: its Taylor series for |z| < 2, the direct form beyond."""
    if z.dtype == tf.float64:
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
    _d0 = 1 / z
    _d1 = tf.math.exp(z)
    _d2 = tf.math.exp(-z)
    return tf.where(
        tf.math.less(tf.math.abs(z), 2),
        series,
        _d0 * (-_d0 * (_d1 + _d2) + (1 / 2) * _d1 - 1 / 2 * _d2 + (_d1 - _d2) / (z * z)),
    )


def tanhc(z):
    """Tanh(z)/z: its Taylor series for |z| < pi/4, the direct form beyond."""
    if z.dtype == tf.float64:
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
    return tf.where(tf.math.less(tf.math.abs(z), (1 / 4) * 3.1415926535897932), series, tf.math.tanh(z) / z)


def tanhc_d1(z):
    """First derivative of tanh(z)/z: its Taylor series, odd for |z| < pi/4, the direct form beyond."""
    if z.dtype == tf.float64:
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
            -3.5484094722651683e-08,
            1.500642982028202e-08,
            -6.335288465152701e-09,
            2.670299532180471e-09,
            -1.1238559308558256e-09,
            4.72351343469283e-10,
            -1.9827381703504703e-10,
            8.312829445769082e-11,
            -3.4813649712971017e-11,
            1.4564584034386398e-11,
            -6.087266186192091e-12,
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
            -0.0001677439196070412,
            7.321359223614113e-05,
            -3.179180496031396e-05,
            1.3743715450476178e-05,
            -5.91825044761436e-06,
            2.5396693007043486e-06,
        )
    series = z * polynomial(z * z, coefficients)
    _d0 = tf.math.exp(-2 * tf.math.abs(z))
    return tf.where(
        tf.math.less(tf.math.abs(z), (1 / 4) * 3.1415926535897932),
        series,
        4 * _d0 / (z * ((_d0 + 1) * (_d0 + 1))) - tf.math.tanh(z) / (z * z),
    )


def tanhc_d2(z):
    """Second derivative of tanh(z)/z: its Taylor series for |z| < pi/4, the direct form beyond."""
    if z.dtype == tf.float64:
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
            -3.104291347924823e-07,
            1.3618527614120404e-07,
            -5.956436433535876e-08,
            2.5979323890810562e-08,
            -1.1301607570997681e-08,
            4.904569373003758e-09,
            -2.123632632491232e-09,
            9.175687941663432e-10,
            -3.956723021024859e-10,
            1.7030300805676742e-10,
            -7.317217767392776e-11,
            3.1387009625697154e-11,
            -1.3442310450536459e-11,
            5.748498772821835e-12,
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
            -0.0009219623438491049,
            0.0004260551789647615,
            -0.0001953022647712739,
            8.88884255246522e-05,
            -4.019946147201187e-05,
            1.807672531516621e-05,
            -8.087020675753612e-06,
            3.601113289797974e-06,
        )
    series = polynomial(z * z, coefficients)
    _d0 = 1 / z
    _d1 = tf.math.tanh(z)
    _d2 = tf.math.exp(-2 * tf.math.abs(z))
    _d3 = 4 * _d2 / ((_d2 + 1) * (_d2 + 1))
    return tf.where(
        tf.math.less(tf.math.abs(z), (1 / 4) * 3.1415926535897932),
        series,
        2 * _d0 * (-_d0 * _d3 - _d1 * _d3 + _d1 / (z * z)),
    )


def _value_x(x, alpha):
    _n = tf.math.round(x)
    _r = -_n + x
    _t0 = tf.math.floor(_r + 1 / 2)
    _t1 = sinhc(alpha)
    _t2 = _r - _t0
    _t3 = tf.math.equal(_t2, 0)
    _t4 = tf.math.logical_and(_t3, tf.math.less(alpha, 80))
    _t5 = (1 / 2) * alpha
    _t6 = tanhc(_t5)
    _t7 = tf.math.abs(_t2)
    _t8 = _t6 * alpha
    _t9 = -alpha
    _t10 = tf.math.exp(_t9)
    _t11 = _t10 / ((_t10 + 1) * (_t10 + 1))
    _t12 = tf.math.tanh(_t5)
    _t13 = _t12 * _t12
    _t14 = 2 * _t7
    _t15 = _t13 * _t14
    _t16 = 4 * _t11 + _t15
    _t17 = 1 / _t16
    _t18 = tf.math.multiply_no_nan(_t7 * _t8, _t17)
    _t19 = _t6 * atanhc_small(_t18)
    _t20 = _t19 * _t2
    _t21 = _t12 * _t7
    _t22 = tf.math.logical_and(
        tf.math.logical_and(tf.math.less(_t7, 1 / 4), tf.math.less(alpha, 40)),
        tf.math.less(_t21, _t11 + (1 / 2) * _t13 * _t7),
    )
    _t23 = tf.math.sign(_t2)
    _t24 = 1 / 2 - _t7
    _t25 = _t12 * (1 - _t14)
    _t26 = _t6 * atanhc_small(_t25)
    _t27 = tf.math.greater_equal(_t7, 1 / 4)
    _t28 = 2 * _t21 + 2 * tf.math.sigmoid(_t9)
    _t29 = (1 / 2) / alpha
    y = (
        _n
        + _t0
        + tf.where(
            _t4,
            _t1 * _t2,
            tf.where(
                _t3,
                346288899024594378285698337239478.8307804 * _r - 346288899024594378285698337239478.8307804 * _t0,
                tf.where(
                    _t22,
                    tf.math.multiply_no_nan(_t20, _t17),
                    tf.where(
                        _t27,
                        _t23 * (-_t24 * _t26 + 1 / 2),
                        _t23 * (-_t29 * (-tf.math.log(_t28) + tf.math.log1p(_t25)) + 1 / 2),
                    ),
                ),
            ),
        )
    )
    return (y,), ()


def _gradient_x(x, alpha):
    _n = tf.math.round(x)
    _r = -_n + x
    _t0 = _r - tf.math.floor(_r + 1 / 2)
    _t1 = tf.math.equal(_t0, 0)
    _t2 = (1 / 2) * alpha
    _t3 = tanhc(_t2)
    _t4 = tf.math.abs(_t0)
    _t5 = _t3 * alpha
    _t6 = -alpha
    _t7 = tf.math.exp(_t6)
    _t8 = _t7 / ((_t7 + 1) * (_t7 + 1))
    _t9 = tf.math.tanh(_t2)
    _t10 = _t9 * _t9
    _t11 = 2 * _t4
    _t12 = _t10 * _t11
    _t13 = _t12 + 4 * _t8
    _t14 = 1 / _t13
    _t15 = tf.math.multiply_no_nan(_t4 * _t5, _t14)
    _t16 = _t3 * atanhc_small(_t15)
    _t17 = -tf.math.sign(_t0)
    _t18 = 2 * _t17
    _t19 = 1 / (_t13 * _t13)
    _t20 = _t17 * _t5
    _t21 = _t4 * _t9
    _t22 = tf.math.sign(_t0)
    _t23 = _t9 * (1 - _t11)
    _t24 = _t17 * _t3
    _t25 = _t18 * _t9
    y_D_x = tf.where(
        tf.math.logical_and(_t1, tf.math.less(alpha, 80)),
        sinhc(alpha),
        tf.where(
            _t1,
            tf.constant(346288899024594378285698337239478.8307804, x.dtype),
            tf.where(
                tf.math.logical_and(
                    tf.math.logical_and(tf.math.less(_t4, 1 / 4), tf.math.less(alpha, 40)),
                    tf.math.less(_t21, (1 / 2) * _t10 * _t4 + _t8),
                ),
                tf.math.multiply_no_nan(_t16, _t14)
                + tf.math.multiply_no_nan(_t0 * _t10 * _t16 * _t18, _t19)
                + tf.math.multiply_no_nan(
                    _t0
                    * _t3
                    * (tf.math.multiply_no_nan(-_t20, _t14) + tf.math.multiply_no_nan(_t12 * _t20, _t19))
                    * atanhc_small_d1(_t15),
                    _t14,
                ),
                tf.where(
                    tf.math.greater_equal(_t4, 1 / 4),
                    _t22 * (-2 * _t24 * _t9 * (1 / 2 - _t4) * atanhc_small_d1(_t23) - _t24 * atanhc_small(_t23)),
                    -1 / 2 * _t22 * (_t25 / (_t23 + 1) + _t25 / (2 * _t21 + 2 * tf.math.sigmoid(_t6))) / alpha,
                ),
            ),
        ),
    )
    return (y_D_x,), ()


def _hessian_x(x, alpha):
    _n = tf.math.round(x)
    _r = -_n + x
    _t0 = _r - tf.math.floor(_r + 1 / 2)
    _t1 = tf.math.equal(_t0, 0)
    _t2 = (1 / 2) * alpha
    _t3 = tanhc(_t2)
    _t4 = tf.math.abs(_t0)
    _t5 = _t3 * alpha
    _t6 = _t4 * _t5
    _t7 = -alpha
    _t8 = tf.math.exp(_t7)
    _t9 = _t8 / ((_t8 + 1) * (_t8 + 1))
    _t10 = tf.math.tanh(_t2)
    _t11 = _t10 * _t10
    _t12 = 2 * _t4
    _t13 = _t11 * _t12
    _t14 = _t13 + 4 * _t9
    _t15 = 1 / _t14
    _t16 = tf.math.multiply_no_nan(_t6, _t15)
    _t17 = atanhc_small(_t16)
    _t18 = -tf.math.sign(_t0)
    _t19 = 4 * _t11
    _t20 = _t18 * _t19
    _t21 = 1 / (_t14 * _t14)
    _t22 = _t0 * _t3
    _t23 = _t18 * _t18
    _t24 = 8 * (_t10 * _t10 * _t10 * _t10) * _t23
    _t25 = 1 / (_t14 * _t14 * _t14)
    _t26 = _t18 * _t5
    _t27 = tf.math.multiply_no_nan(-_t26, _t15) + tf.math.multiply_no_nan(_t13 * _t26, _t21)
    _t28 = atanhc_small_d1(_t16)
    _t29 = _t27 * _t28
    _t30 = _t19 * _t23
    _t31 = _t10 * _t4
    _t32 = tf.math.sign(_t0)
    _t33 = _t10 * (1 - _t12)
    y_D_x_D_x = tf.where(
        tf.math.logical_and(_t1, tf.math.logical_or(_t1, tf.math.less(alpha, 80))),
        tf.constant(0, x.dtype),
        tf.where(
            tf.math.logical_and(
                tf.math.logical_and(tf.math.less(_t4, 1 / 4), tf.math.less(alpha, 40)),
                tf.math.less(_t31, (1 / 2) * _t11 * _t4 + _t9),
            ),
            tf.math.multiply_no_nan(_t22 * atanhc_small_d2(_t16), _t15 * (_t27 * _t27))
            + tf.math.multiply_no_nan(2 * _t29 * _t3, _t15)
            + tf.math.multiply_no_nan(_t17 * _t20 * _t3, _t21)
            + tf.math.multiply_no_nan(_t17 * _t22 * _t24, _t25)
            + tf.math.multiply_no_nan(_t20 * _t22 * _t29, _t21)
            + tf.math.multiply_no_nan(
                _t22 * _t28 * (tf.math.multiply_no_nan(_t24 * _t6, _t25) + tf.math.multiply_no_nan(-_t30 * _t5, _t21)),
                _t15,
            ),
            tf.where(
                tf.math.greater_equal(_t4, 1 / 4),
                _t32
                * (-4 * _t10 * _t23 * _t3 * atanhc_small_d1(_t33) - _t3 * _t30 * (1 / 2 - _t4) * atanhc_small_d2(_t33)),
                -1
                / 2
                * _t32
                * (
                    -_t30 / ((_t33 + 1) * (_t33 + 1))
                    + _t30 / ((2 * _t31 + 2 * tf.math.sigmoid(_t7)) * (2 * _t31 + 2 * tf.math.sigmoid(_t7)))
                )
                / alpha,
            ),
        ),
    )
    return (y_D_x_D_x,), ()


def _value_all(x, alpha):
    _n = tf.math.round(x)
    _r = -_n + x
    _t0 = tf.math.floor(_r + 1 / 2)
    _t1 = sinhc(alpha)
    _t2 = _r - _t0
    _t3 = tf.math.equal(_t2, 0)
    _t4 = tf.math.logical_and(_t3, tf.math.less(alpha, 80))
    _t5 = (1 / 2) * alpha
    _t6 = tanhc(_t5)
    _t7 = tf.math.abs(_t2)
    _t8 = _t6 * _t7
    _t9 = _t8 * alpha
    _t10 = -alpha
    _t11 = tf.math.exp(_t10)
    _t12 = _t11 / ((_t11 + 1) * (_t11 + 1))
    _t13 = tf.math.tanh(_t5)
    _t14 = _t13 * _t13
    _t15 = 2 * _t7
    _t16 = _t14 * _t15
    _t17 = 4 * _t12 + _t16
    _t18 = 1 / _t17
    _t19 = tf.math.multiply_no_nan(_t9, _t18)
    _t20 = atanhc_small(_t19)
    _t21 = _t20 * _t6
    _t22 = _t2 * _t21
    _t23 = _t13 * _t7
    _t24 = tf.math.logical_and(
        tf.math.logical_and(tf.math.less(_t7, 1 / 4), tf.math.less(alpha, 40)),
        tf.math.less(_t23, _t12 + (1 / 2) * _t14 * _t7),
    )
    _t25 = tf.math.sign(_t2)
    _t26 = 1 / 2 - _t7
    _t27 = 1 - _t15
    _t28 = _t13 * _t27
    _t29 = atanhc_small(_t28)
    _t30 = _t29 * _t6
    _t31 = tf.math.greater_equal(_t7, 1 / 4)
    _t32 = 1 / alpha
    _t33 = 2 * _t23 + 2 * tf.math.sigmoid(_t10)
    _t34 = -1 / 2 * tf.math.log(_t33) + (1 / 2) * tf.math.log1p(_t28)
    y = (
        _n
        + _t0
        + tf.where(
            _t4,
            _t1 * _t2,
            tf.where(
                _t3,
                346288899024594378285698337239478.8307804 * _r - 346288899024594378285698337239478.8307804 * _t0,
                tf.where(
                    _t24,
                    tf.math.multiply_no_nan(_t22, _t18),
                    tf.where(_t31, _t25 * (-_t26 * _t30 + 1 / 2), _t25 * (-_t32 * _t34 + 1 / 2)),
                ),
            ),
        )
    )
    return (y,), ()


def _gradient_all(x, alpha):
    _n = tf.math.round(x)
    _r = -_n + x
    _t0 = _r - tf.math.floor(_r + 1 / 2)
    _t1 = tf.math.equal(_t0, 0)
    _t2 = tf.math.logical_and(_t1, tf.math.less(alpha, 80))
    _t3 = (1 / 2) * alpha
    _t4 = tanhc(_t3)
    _t5 = tf.math.abs(_t0)
    _t6 = _t4 * _t5
    _t7 = _t6 * alpha
    _t8 = -alpha
    _t9 = tf.math.exp(_t8)
    _t10 = _t9 / ((_t9 + 1) * (_t9 + 1))
    _t11 = tf.math.tanh(_t3)
    _t12 = _t11 * _t11
    _t13 = 2 * _t5
    _t14 = _t12 * _t13
    _t15 = 4 * _t10 + _t14
    _t16 = 1 / _t15
    _t17 = tf.math.multiply_no_nan(_t7, _t16)
    _t18 = atanhc_small(_t17)
    _t19 = _t18 * _t4
    _t20 = -tf.math.sign(_t0)
    _t21 = _t0 * _t19
    _t22 = 1 / (_t15 * _t15)
    _t23 = _t20 * _t4
    _t24 = _t23 * alpha
    _t25 = _t0 * _t4 * atanhc_small_d1(_t17)
    _t26 = _t11 * _t5
    _t27 = tf.math.logical_and(
        tf.math.logical_and(tf.math.less(_t5, 1 / 4), tf.math.less(alpha, 40)),
        tf.math.less(_t26, _t10 + (1 / 2) * _t12 * _t5),
    )
    _t28 = tf.math.sign(_t0)
    _t29 = 1 - _t13
    _t30 = _t11 * _t29
    _t31 = atanhc_small(_t30)
    _t32 = 1 / 2 - _t5
    _t33 = 2 * _t32 * atanhc_small_d1(_t30)
    _t34 = tf.math.greater_equal(_t5, 1 / 4)
    _t35 = 2 / (_t30 + 1)
    _t36 = _t11 * _t20
    _t37 = 2 * _t26 + 2 * tf.math.sigmoid(_t8)
    _t38 = 1 / _t37
    _t39 = (1 / 2) / alpha
    _t40 = tanhc_d1(_t3)
    _t41 = (1 / 2) * _t40
    _t42 = 4 * _t11 - 8 * _t26
    _t43 = _t10 * _t22
    y_D_x = tf.where(
        _t2,
        sinhc(alpha),
        tf.where(
            _t1,
            tf.constant(346288899024594378285698337239478.8307804, x.dtype),
            tf.where(
                _t27,
                tf.math.multiply_no_nan(_t19, _t16)
                + tf.math.multiply_no_nan(
                    _t25 * (tf.math.multiply_no_nan(-_t24, _t16) + tf.math.multiply_no_nan(_t14 * _t24, _t22)), _t16
                )
                + tf.math.multiply_no_nan(2 * _t12 * _t20 * _t21, _t22),
                tf.where(
                    _t34, _t28 * (-_t11 * _t23 * _t33 - _t23 * _t31), -_t28 * _t39 * (_t35 * _t36 + 2 * _t36 * _t38)
                ),
            ),
        ),
    )
    y_D_alpha = tf.where(
        _t2,
        _t0 * sinhc_d1(alpha),
        tf.where(
            _t1,
            tf.constant(0, x.dtype),
            tf.where(
                _t27,
                tf.math.multiply_no_nan(_t21 * _t42, _t43)
                + tf.math.multiply_no_nan(
                    _t25
                    * (
                        tf.math.multiply_no_nan(_t6, _t16)
                        + tf.math.multiply_no_nan(_t42 * _t7, _t43)
                        + tf.math.multiply_no_nan(_t3 * _t40 * _t5, _t16)
                    ),
                    _t16,
                )
                + tf.math.multiply_no_nan(_t0 * _t18 * _t41, _t16),
                tf.where(
                    _t34,
                    _t28 * (-_t31 * _t32 * _t41 + tf.math.multiply_no_nan(-_t29 * _t33 * _t4, _t10)),
                    _t28
                    * (
                        tf.math.multiply_no_nan(-_t39 * (_t29 * _t35 - _t38 * (4 * _t5 - 2)), _t10)
                        + (1 / 2) * (-tf.math.log(_t37) + tf.math.log1p(_t30)) / (alpha * alpha)
                    ),
                ),
            ),
        ),
    )
    return (y_D_x, y_D_alpha), ()


def _hessian_all(x, alpha):
    _n = tf.math.round(x)
    _r = -_n + x
    _t0 = _r - tf.math.floor(_r + 1 / 2)
    _t1 = tf.math.equal(_t0, 0)
    _t2 = tf.math.less(alpha, 80)
    _t3 = (1 / 2) * alpha
    _t4 = tanhc(_t3)
    _t5 = tf.math.abs(_t0)
    _t6 = _t4 * _t5
    _t7 = _t6 * alpha
    _t8 = -alpha
    _t9 = tf.math.exp(_t8)
    _t10 = _t9 + 1
    _t11 = _t9 / (_t10 * _t10)
    _t12 = tf.math.tanh(_t3)
    _t13 = _t12 * _t12
    _t14 = 2 * _t5
    _t15 = _t13 * _t14
    _t16 = 4 * _t11 + _t15
    _t17 = 1 / _t16
    _t18 = tf.math.multiply_no_nan(_t7, _t17)
    _t19 = atanhc_small(_t18)
    _t20 = -tf.math.sign(_t0)
    _t21 = _t20 * _t4
    _t22 = 4 * _t13
    _t23 = _t21 * _t22
    _t24 = 1 / (_t16 * _t16)
    _t25 = _t0 * _t4
    _t26 = _t19 * _t25
    _t27 = _t20 * _t20
    _t28 = 8 * (_t12 * _t12 * _t12 * _t12) * _t27
    _t29 = 1 / (_t16 * _t16 * _t16)
    _t30 = _t21 * alpha
    _t31 = _t15 * _t30
    _t32 = tf.math.multiply_no_nan(-_t30, _t17) + tf.math.multiply_no_nan(_t31, _t24)
    _t33 = atanhc_small_d1(_t18)
    _t34 = _t33 * _t4
    _t35 = _t25 * atanhc_small_d2(_t18)
    _t36 = _t22 * _t27
    _t37 = _t36 * _t4
    _t38 = _t25 * _t33
    _t39 = _t0 * _t33
    _t40 = _t32 * _t39
    _t41 = _t12 * _t5
    _t42 = _t13 * _t5
    _t43 = tf.math.logical_and(
        tf.math.logical_and(tf.math.less(_t5, 1 / 4), tf.math.less(alpha, 40)),
        tf.math.less(_t41, _t11 + (1 / 2) * _t42),
    )
    _t44 = tf.math.sign(_t0)
    _t45 = 1 - _t14
    _t46 = _t12 * _t45
    _t47 = atanhc_small_d1(_t46)
    _t48 = _t4 * _t47
    _t49 = 1 / 2 - _t5
    _t50 = _t49 * atanhc_small_d2(_t46)
    _t51 = tf.math.greater_equal(_t5, 1 / 4)
    _t52 = _t46 + 1
    _t53 = 1 / (_t52 * _t52)
    _t54 = 2 * _t41 + 2 * tf.math.sigmoid(_t8)
    _t55 = 1 / (_t54 * _t54)
    _t56 = (1 / 2) / alpha
    _t57 = _t44 * _t56
    _t58 = tf.math.logical_and(_t1, _t2)
    _t59 = tanhc_d1(_t3)
    _t60 = (1 / 2) * _t59
    _t61 = _t20 * _t59
    _t62 = _t0 * _t19
    _t63 = _t13 * _t62
    _t64 = _t5 * _t59
    _t65 = 8 * _t41
    _t66 = 4 * _t12 - _t65
    _t67 = _t66 * _t7
    _t68 = (
        tf.math.multiply_no_nan(_t6, _t17)
        + tf.math.multiply_no_nan(_t67, _t11 * _t24)
        + tf.math.multiply_no_nan(_t3 * _t64, _t17)
    )
    _t69 = _t39 * _t68
    _t70 = 2 * _t21
    _t71 = _t64 * alpha
    _t72 = 8 * _t12 - 16 * _t41
    _t73 = _t4 * _t66
    _t74 = _t38 * _t66
    _t75 = atanhc_small(_t46)
    _t76 = _t47 * _t49
    _t77 = 4 * _t21
    _t78 = 2 * _t45
    _t79 = 1 / (alpha * alpha)
    _t80 = 1 / _t52
    _t81 = 2 * _t12 * _t20
    _t82 = 1 / _t54
    _t83 = 4 * _t20
    _t84 = 4 * _t5 - 2
    _t85 = -_t55 * _t84
    _t86 = (1 / 4) * tanhc_d2(_t3)
    _t87 = tf.math.exp(-2 * alpha) / (_t10 * _t10 * _t10 * _t10)
    _t88 = _t29 * _t87
    _t89 = 8 * _t87 + tf.math.multiply_no_nan(-16 * _t5, _t87) + tf.math.multiply_no_nan(-_t22 + 8 * _t42, _t11)
    _t90 = 4 * (_t45 * _t45)
    _t91 = 2 * _t80
    y_D_x_D_x = tf.where(
        tf.math.logical_and(_t1, tf.math.logical_or(_t1, _t2)),
        tf.constant(0, x.dtype),
        tf.where(
            _t43,
            tf.math.multiply_no_nan(_t35, _t17 * (_t32 * _t32))
            + tf.math.multiply_no_nan(_t19 * _t23, _t24)
            + tf.math.multiply_no_nan(_t23 * _t40, _t24)
            + tf.math.multiply_no_nan(_t26 * _t28, _t29)
            + tf.math.multiply_no_nan(2 * _t32 * _t34, _t17)
            + tf.math.multiply_no_nan(
                _t38 * (tf.math.multiply_no_nan(_t28 * _t7, _t29) + tf.math.multiply_no_nan(-_t37 * alpha, _t24)), _t17
            ),
            tf.where(_t51, _t44 * (-4 * _t12 * _t27 * _t48 - _t37 * _t50), -_t57 * (-_t36 * _t53 + _t36 * _t55)),
        ),
    )
    y_D_x_D_alpha = tf.where(
        _t58,
        sinhc_d1(alpha),
        tf.where(
            _t1,
            tf.constant(0, x.dtype),
            tf.where(
                _t43,
                tf.math.multiply_no_nan(_t19 * _t60, _t17)
                + tf.math.multiply_no_nan(_t34 * _t68, _t17)
                + tf.math.multiply_no_nan(
                    _t38
                    * (
                        tf.math.multiply_no_nan(-_t21, _t17)
                        + tf.math.multiply_no_nan(_t15 * _t21, _t24)
                        + tf.math.multiply_no_nan(-_t3 * _t61, _t17)
                        + tf.math.multiply_no_nan(_t13 * _t20 * _t71, _t24)
                        + tf.math.multiply_no_nan(
                            tf.math.multiply_no_nan(_t30 * _t65, _t24)
                            + tf.math.multiply_no_nan(-_t30 * _t66, _t24)
                            + tf.math.multiply_no_nan(_t31 * _t72, _t29),
                            _t11,
                        )
                    ),
                    _t17,
                )
                + tf.math.multiply_no_nan(_t40 * _t60, _t17)
                + tf.math.multiply_no_nan(_t61 * _t63, _t24)
                + tf.math.multiply_no_nan(_t13 * _t69 * _t70, _t24)
                + tf.math.multiply_no_nan(_t32 * _t35 * _t68, _t17)
                + tf.math.multiply_no_nan(
                    tf.math.multiply_no_nan(_t19 * _t73, _t24)
                    + tf.math.multiply_no_nan(_t32 * _t74, _t24)
                    + tf.math.multiply_no_nan(8 * _t12 * _t21 * _t62, _t24)
                    + tf.math.multiply_no_nan(_t63 * _t70 * _t72, _t29),
                    _t11,
                ),
                tf.where(
                    _t51,
                    _t44
                    * (
                        -_t12 * _t61 * _t76
                        - _t20 * _t60 * _t75
                        + tf.math.multiply_no_nan(-_t21 * _t47 * _t78 - _t46 * _t50 * _t77 - _t76 * _t77, _t11)
                    ),
                    (1 / 2) * _t44 * _t79 * (_t80 * _t81 + _t81 * _t82)
                    + tf.math.multiply_no_nan(
                        -_t57 * (-_t46 * _t53 * _t83 + _t80 * _t83 + _t81 * _t85 + _t82 * _t83), _t11
                    ),
                ),
            ),
        ),
    )
    y_D_alpha_D_alpha = tf.where(
        _t58,
        _t0 * sinhc_d2(alpha),
        tf.where(
            _t1,
            tf.constant(0, x.dtype),
            tf.where(
                _t43,
                tf.math.multiply_no_nan(_t35, _t17 * (_t68 * _t68))
                + tf.math.multiply_no_nan(_t26 * _t89, _t24)
                + tf.math.multiply_no_nan(
                    _t38
                    * (
                        tf.math.multiply_no_nan(_t64, _t17)
                        + tf.math.multiply_no_nan(_t67 * _t72, _t88)
                        + tf.math.multiply_no_nan(_t7 * _t89, _t24)
                        + tf.math.multiply_no_nan(_t5 * _t86 * alpha, _t17)
                        + tf.math.multiply_no_nan(
                            tf.math.multiply_no_nan(_t14 * _t73, _t24) + tf.math.multiply_no_nan(_t66 * _t71, _t24),
                            _t11,
                        )
                    ),
                    _t17,
                )
                + tf.math.multiply_no_nan(_t59 * _t69, _t17)
                + tf.math.multiply_no_nan(_t62 * _t86, _t17)
                + tf.math.multiply_no_nan(_t26 * _t66 * _t72, _t88)
                + tf.math.multiply_no_nan(
                    tf.math.multiply_no_nan(2 * _t68 * _t74, _t24) + tf.math.multiply_no_nan(_t59 * _t62 * _t66, _t24),
                    _t11,
                ),
                tf.where(
                    _t51,
                    _t44
                    * (
                        -_t49 * _t75 * _t86
                        + tf.math.multiply_no_nan(-_t4 * _t50 * _t90, _t87)
                        + tf.math.multiply_no_nan(2 * _t46 * _t48 * _t49 - _t59 * _t76 * _t78, _t11)
                    ),
                    _t44
                    * (
                        -_t56
                        * (
                            tf.math.multiply_no_nan(-_t53 * _t90, _t87)
                            + tf.math.multiply_no_nan(-_t84 * _t85, _t87)
                            + tf.math.multiply_no_nan(-_t46 * _t91 - _t82 * (2 * _t12 - 4 * _t41), _t11)
                        )
                        + tf.math.multiply_no_nan(_t79 * (_t45 * _t91 - _t82 * _t84), _t11)
                        - (-tf.math.log(_t54) + tf.math.log1p(_t46)) / (alpha * alpha * alpha)
                    ),
                ),
            ),
        ),
    )
    return (y_D_x_D_x, y_D_x_D_alpha, y_D_alpha_D_alpha), ()


def _value_alpha_below_40(x, alpha):
    _n = tf.math.round(x)
    _r = -_n + x
    _t0 = tf.math.floor(_r + 1 / 2)
    _t1 = sinhc(alpha)
    _t2 = _r - _t0
    _t3 = tf.math.equal(_t2, 0)
    _t4 = (1 / 2) * alpha
    _t5 = tanhc(_t4)
    _t6 = tf.math.abs(_t2)
    _t7 = _t5 * alpha
    _t8 = -alpha
    _t9 = tf.math.exp(_t8)
    _t10 = _t9 / ((_t9 + 1) * (_t9 + 1))
    _t11 = tf.math.tanh(_t4)
    _t12 = _t11 * _t11
    _t13 = 2 * _t6
    _t14 = _t12 * _t13
    _t15 = 4 * _t10 + _t14
    _t16 = 1 / _t15
    _t17 = tf.math.multiply_no_nan(_t6 * _t7, _t16)
    _t18 = _t5 * atanhc_small(_t17)
    _t19 = _t18 * _t2
    _t20 = _t11 * _t6
    _t21 = tf.math.logical_and(tf.math.less(_t6, 1 / 4), tf.math.less(_t20, _t10 + (1 / 2) * _t12 * _t6))
    _t22 = tf.math.sign(_t2)
    _t23 = 1 / 2 - _t6
    _t24 = _t11 * (1 - _t13)
    _t25 = _t5 * atanhc_small(_t24)
    _t26 = tf.math.greater_equal(_t6, 1 / 4)
    _t27 = 2 * _t20 + 2 * tf.math.sigmoid(_t8)
    _t28 = (1 / 2) / alpha
    y = (
        _n
        + _t0
        + tf.where(
            _t3,
            _t1 * _t2,
            tf.where(
                _t21,
                tf.math.multiply_no_nan(_t19, _t16),
                tf.where(
                    _t26,
                    _t22 * (-_t23 * _t25 + 1 / 2),
                    _t22 * (-_t28 * (-tf.math.log(_t27) + tf.math.log1p(_t24)) + 1 / 2),
                ),
            ),
        )
    )
    return (y,), ()


def _gradient_alpha_below_40(x, alpha):
    _n = tf.math.round(x)
    _r = -_n + x
    _t0 = _r - tf.math.floor(_r + 1 / 2)
    _t1 = (1 / 2) * alpha
    _t2 = tanhc(_t1)
    _t3 = tf.math.abs(_t0)
    _t4 = _t2 * alpha
    _t5 = -alpha
    _t6 = tf.math.exp(_t5)
    _t7 = _t6 / ((_t6 + 1) * (_t6 + 1))
    _t8 = tf.math.tanh(_t1)
    _t9 = _t8 * _t8
    _t10 = 2 * _t3
    _t11 = _t10 * _t9
    _t12 = _t11 + 4 * _t7
    _t13 = 1 / _t12
    _t14 = tf.math.multiply_no_nan(_t3 * _t4, _t13)
    _t15 = _t2 * atanhc_small(_t14)
    _t16 = -tf.math.sign(_t0)
    _t17 = 2 * _t16
    _t18 = 1 / (_t12 * _t12)
    _t19 = _t16 * _t4
    _t20 = _t3 * _t8
    _t21 = tf.math.sign(_t0)
    _t22 = _t8 * (1 - _t10)
    _t23 = _t16 * _t2
    _t24 = _t17 * _t8
    y_D_x = tf.where(
        tf.math.equal(_t0, 0),
        sinhc(alpha),
        tf.where(
            tf.math.logical_and(tf.math.less(_t3, 1 / 4), tf.math.less(_t20, (1 / 2) * _t3 * _t9 + _t7)),
            tf.math.multiply_no_nan(_t15, _t13)
            + tf.math.multiply_no_nan(_t0 * _t15 * _t17 * _t9, _t18)
            + tf.math.multiply_no_nan(
                _t0
                * _t2
                * (tf.math.multiply_no_nan(-_t19, _t13) + tf.math.multiply_no_nan(_t11 * _t19, _t18))
                * atanhc_small_d1(_t14),
                _t13,
            ),
            tf.where(
                tf.math.greater_equal(_t3, 1 / 4),
                _t21 * (-2 * _t23 * _t8 * (1 / 2 - _t3) * atanhc_small_d1(_t22) - _t23 * atanhc_small(_t22)),
                -1 / 2 * _t21 * (_t24 / (_t22 + 1) + _t24 / (2 * _t20 + 2 * tf.math.sigmoid(_t5))) / alpha,
            ),
        ),
    )
    return (y_D_x,), ()


def _hessian_alpha_below_40(x, alpha):
    _n = tf.math.round(x)
    _r = -_n + x
    _t0 = _r - tf.math.floor(_r + 1 / 2)
    _t1 = (1 / 2) * alpha
    _t2 = tanhc(_t1)
    _t3 = tf.math.abs(_t0)
    _t4 = _t2 * alpha
    _t5 = _t3 * _t4
    _t6 = -alpha
    _t7 = tf.math.exp(_t6)
    _t8 = _t7 / ((_t7 + 1) * (_t7 + 1))
    _t9 = tf.math.tanh(_t1)
    _t10 = _t9 * _t9
    _t11 = 2 * _t3
    _t12 = _t10 * _t11
    _t13 = _t12 + 4 * _t8
    _t14 = 1 / _t13
    _t15 = tf.math.multiply_no_nan(_t5, _t14)
    _t16 = atanhc_small(_t15)
    _t17 = -tf.math.sign(_t0)
    _t18 = 4 * _t10
    _t19 = _t17 * _t18
    _t20 = 1 / (_t13 * _t13)
    _t21 = _t0 * _t2
    _t22 = _t17 * _t17
    _t23 = 8 * _t22 * (_t9 * _t9 * _t9 * _t9)
    _t24 = 1 / (_t13 * _t13 * _t13)
    _t25 = _t17 * _t4
    _t26 = tf.math.multiply_no_nan(-_t25, _t14) + tf.math.multiply_no_nan(_t12 * _t25, _t20)
    _t27 = atanhc_small_d1(_t15)
    _t28 = _t26 * _t27
    _t29 = _t18 * _t22
    _t30 = _t3 * _t9
    _t31 = tf.math.sign(_t0)
    _t32 = _t9 * (1 - _t11)
    y_D_x_D_x = tf.where(
        tf.math.equal(_t0, 0),
        tf.constant(0, x.dtype),
        tf.where(
            tf.math.logical_and(tf.math.less(_t3, 1 / 4), tf.math.less(_t30, (1 / 2) * _t10 * _t3 + _t8)),
            tf.math.multiply_no_nan(2 * _t2 * _t28, _t14)
            + tf.math.multiply_no_nan(_t21 * atanhc_small_d2(_t15), _t14 * (_t26 * _t26))
            + tf.math.multiply_no_nan(_t16 * _t19 * _t2, _t20)
            + tf.math.multiply_no_nan(_t16 * _t21 * _t23, _t24)
            + tf.math.multiply_no_nan(_t19 * _t21 * _t28, _t20)
            + tf.math.multiply_no_nan(
                _t21 * _t27 * (tf.math.multiply_no_nan(_t23 * _t5, _t24) + tf.math.multiply_no_nan(-_t29 * _t4, _t20)),
                _t14,
            ),
            tf.where(
                tf.math.greater_equal(_t3, 1 / 4),
                _t31
                * (-4 * _t2 * _t22 * _t9 * atanhc_small_d1(_t32) - _t2 * _t29 * (1 / 2 - _t3) * atanhc_small_d2(_t32)),
                -1
                / 2
                * _t31
                * (
                    -_t29 / ((_t32 + 1) * (_t32 + 1))
                    + _t29 / ((2 * _t30 + 2 * tf.math.sigmoid(_t6)) * (2 * _t30 + 2 * tf.math.sigmoid(_t6)))
                )
                / alpha,
            ),
        ),
    )
    return (y_D_x_D_x,), ()


def _value_alpha_from_40(x, alpha):
    _n = tf.math.round(x)
    _r = -_n + x
    _t0 = tf.math.floor(_r + 1 / 2)
    _t1 = sinhc(alpha)
    _t2 = _r - _t0
    _t3 = tf.math.equal(_t2, 0)
    _t4 = tf.math.logical_and(_t3, tf.math.less(alpha, 80))
    _t5 = tf.math.sign(_t2)
    _t6 = tf.math.abs(_t2)
    _t7 = 1 / 2 - _t6
    _t8 = (1 / 2) * alpha
    _t9 = tf.math.tanh(_t8)
    _t10 = 2 * _t6
    _t11 = _t9 * (1 - _t10)
    _t12 = tanhc(_t8)
    _t13 = _t12 * atanhc_small(_t11)
    _t14 = tf.math.greater_equal(_t6, 1 / 4)
    _t15 = _t10 * _t9 + 2 * tf.math.sigmoid(-alpha)
    _t16 = (1 / 2) / alpha
    y = (
        _n
        + _t0
        + tf.where(
            _t4,
            _t1 * _t2,
            tf.where(
                _t3,
                346288899024594378285698337239478.8307804 * _r - 346288899024594378285698337239478.8307804 * _t0,
                tf.where(
                    _t14,
                    _t5 * (-_t13 * _t7 + 1 / 2),
                    _t5 * (-_t16 * (-tf.math.log(_t15) + tf.math.log1p(_t11)) + 1 / 2),
                ),
            ),
        )
    )
    return (y,), ()


def _gradient_alpha_from_40(x, alpha):
    _n = tf.math.round(x)
    _r = -_n + x
    _t0 = _r - tf.math.floor(_r + 1 / 2)
    _t1 = tf.math.equal(_t0, 0)
    _t2 = tf.math.sign(_t0)
    _t3 = (1 / 2) * alpha
    _t4 = tf.math.tanh(_t3)
    _t5 = tf.math.abs(_t0)
    _t6 = 2 * _t5
    _t7 = _t4 * (1 - _t6)
    _t8 = -tf.math.sign(_t0)
    _t9 = _t8 * tanhc(_t3)
    _t10 = 2 * _t4
    _t11 = _t10 * _t8
    y_D_x = tf.where(
        tf.math.logical_and(_t1, tf.math.less(alpha, 80)),
        sinhc(alpha),
        tf.where(
            _t1,
            tf.constant(346288899024594378285698337239478.8307804, x.dtype),
            tf.where(
                tf.math.greater_equal(_t5, 1 / 4),
                _t2 * (-_t10 * _t9 * (1 / 2 - _t5) * atanhc_small_d1(_t7) - _t9 * atanhc_small(_t7)),
                -1 / 2 * _t2 * (_t11 / (_t4 * _t6 + 2 * tf.math.sigmoid(-alpha)) + _t11 / (_t7 + 1)) / alpha,
            ),
        ),
    )
    return (y_D_x,), ()


def _hessian_alpha_from_40(x, alpha):
    _n = tf.math.round(x)
    _r = -_n + x
    _t0 = _r - tf.math.floor(_r + 1 / 2)
    _t1 = tf.math.equal(_t0, 0)
    _t2 = tf.math.sign(_t0)
    _t3 = (1 / 2) * alpha
    _t4 = tf.math.tanh(_t3)
    _t5 = tf.math.abs(_t0)
    _t6 = 2 * _t5
    _t7 = _t4 * (1 - _t6)
    _t8 = tanhc(_t3)
    _t9 = 4 * (tf.math.sign(_t0) * tf.math.sign(_t0))
    _t10 = (_t4 * _t4) * _t9
    y_D_x_D_x = tf.where(
        tf.math.logical_and(_t1, tf.math.logical_or(_t1, tf.math.less(alpha, 80))),
        tf.constant(0, x.dtype),
        tf.where(
            tf.math.greater_equal(_t5, 1 / 4),
            _t2 * (-_t10 * _t8 * (1 / 2 - _t5) * atanhc_small_d2(_t7) - _t4 * _t8 * _t9 * atanhc_small_d1(_t7)),
            -1
            / 2
            * _t2
            * (
                _t10 / ((_t4 * _t6 + 2 * tf.math.sigmoid(-alpha)) * (_t4 * _t6 + 2 * tf.math.sigmoid(-alpha)))
                - _t10 / ((_t7 + 1) * (_t7 + 1))
            )
            / alpha,
        ),
    )
    return (y_D_x_D_x,), ()


_OP = _runtime.Op(
    name="soft_round_inverse",
    params=[_runtime.FloatParam("alpha", 5.0, 0.0, float("inf"), low_open=False, high_open=True)],
    modes=("soft",),
    hard=None,
    hard_xla=None,
    kernels={
        "x": _runtime.Kernels(_value_x, None, _gradient_x, _hessian_x, xla=(_value_x, _gradient_x)),
        "all": _runtime.Kernels(_value_all, None, _gradient_all, _hessian_all, xla=(_value_all, _gradient_all)),
        "alpha_below_40": _runtime.Kernels(
            _value_alpha_below_40,
            None,
            _gradient_alpha_below_40,
            _hessian_alpha_below_40,
            xla=(_value_alpha_below_40, _gradient_alpha_below_40),
        ),
        "alpha_from_40": _runtime.Kernels(
            _value_alpha_from_40,
            None,
            _gradient_alpha_from_40,
            _hessian_alpha_from_40,
            xla=(_value_alpha_from_40, _gradient_alpha_from_40),
        ),
    },
    regimes=(("alpha_below_40", lambda alpha: alpha < 40), ("alpha_from_40", lambda alpha: alpha >= 40)),
)


def soft_round_inverse(x, alpha=5.0, mode="soft", name=None):
    """m + atanh(2*r*tanh(alpha/2))/alpha, m = floor(x) + 1/2, r = x - m: the inverse of soft_round.

    Smooth forward: Piecewise(((x - floor(x + 1/2))*sinhc(alpha), (alpha < 80) & Eq(x - floor(x +
        1/2), 0)), (346288899024594378285698337239478.8307804*x -
        346288899024594378285698337239478.8307804*floor(x + 1/2), Eq(x - floor(x + 1/2), 0)), ((x -
        floor(x + 1/2))*atanhc_small(alpha*Abs(x - floor(x +
        1/2))*tanhc(alpha/2)/(2*tanh(alpha/2)**2*Abs(x - floor(x + 1/2)) +
        4*sigmoid_slope(alpha)))*tanhc(alpha/2)/(2*tanh(alpha/2)**2*Abs(x - floor(x + 1/2)) +
        4*sigmoid_slope(alpha)), (alpha < 40) & (Abs(x - floor(x + 1/2)) < 1/4) &
        (tanh(alpha/2)*Abs(x - floor(x + 1/2)) < tanh(alpha/2)**2*Abs(x - floor(x + 1/2))/2 +
        sigmoid_slope(alpha))), ((-(1/2 - Abs(x - floor(x + 1/2)))*atanhc_small((1 - 2*Abs(x -
        floor(x + 1/2)))*tanh(alpha/2))*tanhc(alpha/2) + 1/2)*sign(x - floor(x + 1/2)), Abs(x -
        floor(x + 1/2)) >= 1/4), ((1/2 - (-log(2*tanh(alpha/2)*Abs(x - floor(x + 1/2)) +
        2*sigmoid(-alpha)) + log1p((1 - 2*Abs(x - floor(x + 1/2)))*tanh(alpha/2)))/(2*alpha))*sign(x
        - floor(x + 1/2)), True)) + floor(x + 1/2)
      with alpha = alpha

    Args:
        x: float16, bfloat16, float32 or float64 tensor.
        alpha: sharpness of the soft_round it inverts; float or float tensor broadcasting with x
            (differentiable), in [0, inf), default 5.0.
        mode: "soft" (smooth forward, exact derivative), the only mode of this op; default "soft".
        name: optional name scope.

    Returns:
        A tensor of x's dtype and the broadcast shape of x and the parameters.

    Source: Agustsson & Theis 2020, Universally Quantized Neural Compression, Sec. 4.1.
    """
    return _OP(x, {"alpha": alpha}, mode, name)
