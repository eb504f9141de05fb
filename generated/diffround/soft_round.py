# Generated from template templates/package/op.py.jinja and spec derive/catalog.py:soft_round.
# Do NOT modify by hand: edit the spec or the template, then run
#     python scripts/regenerate_ops.py
"""soft_round: m + tanh(alpha*r)/(2*tanh(alpha/2)), m = floor(x) + 1/2, r = x - m: the soft rounding of neural compression."""

import tensorflow as tf

from . import _runtime


def polynomial(w, coefficients):
    """sum of coefficients[k] * w**k, in Horner form."""
    result = coefficients[-1]
    for coefficient in reversed(coefficients[:-1]):
        result = result * w + coefficient
    return result


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


def sinhc_small(z):
    """Sinh(z)/z, |z| < 2 (callers keep it there): its Taylor series."""
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
    return series


def sinhc_small_d1(z):
    """First derivative of sinh(z)/z, |z| < 2 (callers keep it there): its Taylor series, odd."""
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
    return series


def sinhc_small_d2(z):
    """Second derivative of sinh(z)/z, |z| < 2 (callers keep it there): its Taylor series."""
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
    return series


def tanhc_small(z):
    """Tanh(z)/z, |z| < 11/20 (callers keep it there): its Taylor series."""
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
    if z.dtype == tf.float64:
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
    return tf.where(tf.math.less(tf.math.abs(z), (1 / 2) * 3.1415926535897932), series, z / tf.math.tanh(z))


def zcoth_d1(z):
    """First derivative of z/tanh(z): its Taylor series, odd for |z| < pi/2, the direct form beyond."""
    if z.dtype == tf.float64:
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
    _d0 = tf.math.tanh(z)
    _d1 = tf.math.exp(-2 * tf.math.abs(z))
    return tf.where(
        tf.math.less(tf.math.abs(z), (1 / 2) * 3.1415926535897932),
        series,
        1 / _d0 - 4 * _d1 * z / ((_d0 * _d0) * ((_d1 + 1) * (_d1 + 1))),
    )


def zcoth_d2(z):
    """Second derivative of z/tanh(z): its Taylor series for |z| < pi/2, the direct form beyond."""
    if z.dtype == tf.float64:
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
    _d0 = tf.math.tanh(z)
    _d1 = 1 / _d0
    _d2 = tf.math.exp(-2 * tf.math.abs(z))
    _d3 = _d2 / ((_d2 + 1) * (_d2 + 1))
    return tf.where(
        tf.math.less(tf.math.abs(z), (1 / 2) * 3.1415926535897932),
        series,
        8 * _d1 * _d3 * (-_d1 + z * (1 + 4 * _d3 / (_d0 * _d0))),
    )


def _hard(x, alpha):
    y = tf.math.round(x)
    return (y,), ()


def _value_x(x, alpha):
    _n = tf.math.round(x)
    _r = -_n + x
    _t0 = tf.math.floor(_r + 1 / 2)
    _t1 = _r - _t0
    _t2 = tf.math.sign(_t1)
    _t3 = tf.math.abs(_t1)
    _t4 = _t3 - 1 / 2
    _t5 = -_t4
    _t6 = _t5 * alpha
    _t7 = (1 / 2) * alpha
    _t8 = zcoth(_t7)
    _t9 = _t8 * tanhc_small(_t6)
    _t10 = tf.math.tanh(_t7)
    _t11 = tf.math.less(_t6, (1 / 2) * tf.math.log((_t10 + 2) / (2 - _t10)))
    _t12 = _t3 * alpha
    _t13 = sinhc_small(_t12)
    _t14 = (1 / 2) * tf.math.exp(_t6) + (1 / 2) * tf.math.exp(-_t6)
    _t15 = 1 / _t14
    _t16 = 1 / sinhc_small(_t7)
    _t17 = _t15 * _t16
    _t18 = tf.math.less(alpha, 4)
    _t19 = _t1 * alpha
    _t20 = tf.math.tanh(_t19)
    _t21 = 1 / (1 + tf.math.exp(-alpha))
    _t22 = 1 / _t10
    _t23 = tf.math.exp(-2 * _t12)
    _t24 = _t23 + 1
    _t25 = tf.math.sigmoid(-2 * _t6)
    _t26 = _t21 * _t22 * _t24 * _t25
    y = _n + _t0 + tf.where(_t11, _t2 * (-_t5 * _t9 + 1 / 2), tf.where(_t18, _t1 * _t13 * _t17, _t20 * _t26))
    return (y,), ()


def _gradient_x(x, alpha):
    _n = tf.math.round(x)
    _r = -_n + x
    _t0 = _r - tf.math.floor(_r + 1 / 2)
    _t1 = tf.math.abs(_t0)
    _t2 = _t1 - 1 / 2
    _t3 = -_t2
    _t4 = _t3 * alpha
    _t5 = -tf.math.sign(_t0)
    _t6 = (1 / 2) * alpha
    _t7 = _t5 * zcoth(_t6)
    _t8 = tf.math.tanh(_t6)
    _t9 = 1 / sinhc_small(_t6)
    _t10 = _t1 * alpha
    _t11 = sinhc_small(_t10)
    _t12 = (1 / 2) * tf.math.exp(_t4) + (1 / 2) * tf.math.exp(-_t4)
    _t13 = 1 / _t12
    _t14 = _t0 * alpha
    _t15 = tf.math.exp(-2 * _t10)
    _t16 = 1 / (1 + tf.math.exp(-alpha))
    _t17 = 1 / _t8
    _t18 = tf.math.sigmoid(-2 * _t4)
    _t19 = 2 * alpha
    _t20 = _t19 * _t5 * tf.math.tanh(_t14)
    _t21 = _t15 + 1
    _t22 = _t16 * _t17 * _t21
    _t23 = tf.math.exp(-_t19 * tf.math.abs(_t2))
    y_D_x = tf.where(
        tf.math.less(_t4, (1 / 2) * tf.math.log((_t8 + 2) / (2 - _t8))),
        (-_t4 * _t7 * tanhc_small_d1(_t4) - _t7 * tanhc_small(_t4)) * tf.math.sign(_t0),
        tf.where(
            tf.math.less(alpha, 4),
            -_t0 * _t11 * _t3 * _t5 * _t9 * (alpha * alpha) * sinhc(_t4) / (_t12 * _t12)
            + _t11 * _t13 * _t9
            - _t13 * _t14 * _t5 * _t9 * sinhc_small_d1(_t10),
            _t15 * _t16 * _t17 * _t18 * _t20
            + tf.math.multiply_no_nan(-_t20 * _t22, _t23 / ((_t23 + 1) * (_t23 + 1)))
            + tf.math.multiply_no_nan(4 * _t18 * _t22 * alpha, _t15 / (_t21 * _t21)),
        ),
    )
    return (y_D_x,), ()


def _hessian_x(x, alpha):
    _n = tf.math.round(x)
    _r = -_n + x
    _t0 = _r - tf.math.floor(_r + 1 / 2)
    _t1 = tf.math.abs(_t0)
    _t2 = _t1 - 1 / 2
    _t3 = -_t2
    _t4 = _t3 * alpha
    _t5 = 2 * alpha
    _t6 = -tf.math.sign(_t0)
    _t7 = _t6 * _t6
    _t8 = (1 / 2) * alpha
    _t9 = _t7 * zcoth(_t8)
    _t10 = alpha * alpha
    _t11 = _t10 * _t3
    _t12 = tf.math.tanh(_t8)
    _t13 = _t1 * alpha
    _t14 = sinhc_small_d1(_t13)
    _t15 = (1 / 2) * tf.math.exp(_t4) + (1 / 2) * tf.math.exp(-_t4)
    _t16 = 1 / sinhc_small(_t8)
    _t17 = _t16 / _t15
    _t18 = _t10 * _t7
    _t19 = _t0 * _t17 * _t18
    _t20 = sinhc_small(_t13)
    _t21 = 2 * _t16 * _t20
    _t22 = sinhc(_t4)
    _t23 = _t22 / (_t15 * _t15)
    _t24 = _t0 * _t7
    _t25 = tf.math.sigmoid(-2 * _t4)
    _t26 = tf.math.exp(-2 * _t13)
    _t27 = 1 / (_t12 * (1 + tf.math.exp(-alpha)))
    _t28 = _t26 * _t27
    _t29 = _t25 * _t28
    _t30 = tf.math.tanh(_t0 * alpha)
    _t31 = 4 * _t18 * _t30
    _t32 = 16 * _t6
    _t33 = _t26 + 1
    _t34 = _t26 / (_t33 * _t33)
    _t35 = _t27 * _t33
    _t36 = _t10 * _t35
    _t37 = 8 * _t30
    _t38 = tf.math.exp(-_t5 * tf.math.abs(_t2))
    y_D_x_D_x = tf.where(
        tf.math.less(_t4, (1 / 2) * tf.math.log((_t12 + 2) / (2 - _t12))),
        (-_t11 * _t9 * tanhc_small_d2(_t4) - _t5 * _t9 * tanhc_small_d1(_t4)) * tf.math.sign(_t0),
        tf.where(
            tf.math.less(alpha, 4),
            -_t11 * _t21 * _t23 * _t6
            + 2 * _t14 * _t16 * _t23 * _t24 * _t3 * (alpha * alpha * alpha)
            - _t14 * _t17 * _t5 * _t6
            - _t19 * _t20
            + _t19 * sinhc_small_d2(_t13)
            + _t21 * (_t22 * _t22) * _t24 * (_t3 * _t3) * (alpha * alpha * alpha * alpha) / (_t15 * _t15 * _t15),
            _t29 * _t31
            + tf.math.multiply_no_nan(_t10 * _t29 * _t32, _t34)
            + tf.math.multiply_no_nan(-_t25 * _t36 * _t37, _t34)
            + tf.math.multiply_no_nan(
                -_t18 * _t28 * _t37 + _t31 * _t35 * tf.math.tanh(_t4) + tf.math.multiply_no_nan(-_t32 * _t36, _t34),
                _t38 / ((_t38 + 1) * (_t38 + 1)),
            ),
        ),
    )
    return (y_D_x_D_x,), ()


def _value_all(x, alpha):
    _n = tf.math.round(x)
    _r = -_n + x
    _t0 = tf.math.floor(_r + 1 / 2)
    _t1 = _r - _t0
    _t2 = tf.math.sign(_t1)
    _t3 = tf.math.abs(_t1)
    _t4 = _t3 - 1 / 2
    _t5 = -_t4
    _t6 = _t5 * alpha
    _t7 = tanhc_small(_t6)
    _t8 = (1 / 2) * alpha
    _t9 = zcoth(_t8)
    _t10 = _t7 * _t9
    _t11 = tf.math.tanh(_t8)
    _t12 = tf.math.less(_t6, (1 / 2) * tf.math.log((_t11 + 2) / (2 - _t11)))
    _t13 = _t3 * alpha
    _t14 = sinhc_small(_t13)
    _t15 = (1 / 2) * tf.math.exp(_t6) + (1 / 2) * tf.math.exp(-_t6)
    _t16 = 1 / _t15
    _t17 = sinhc_small(_t8)
    _t18 = 1 / _t17
    _t19 = _t16 * _t18
    _t20 = tf.math.less(alpha, 4)
    _t21 = tf.math.sigmoid(-2 * _t6)
    _t22 = tf.math.exp(-alpha)
    _t23 = _t22 + 1
    _t24 = 1 / _t23
    _t25 = 1 / _t11
    _t26 = tf.math.exp(-2 * _t13)
    _t27 = _t26 + 1
    _t28 = _t1 * alpha
    _t29 = tf.math.tanh(_t28)
    _t30 = _t24 * _t25 * _t27 * _t29
    y = _n + _t0 + tf.where(_t12, _t2 * (-_t10 * _t5 + 1 / 2), tf.where(_t20, _t1 * _t14 * _t19, _t21 * _t30))
    return (y,), ()


def _gradient_all(x, alpha):
    _n = tf.math.round(x)
    _r = -_n + x
    _t0 = _r - tf.math.floor(_r + 1 / 2)
    _t1 = tf.math.sign(_t0)
    _t2 = tf.math.abs(_t0)
    _t3 = _t2 - 1 / 2
    _t4 = -_t3
    _t5 = _t4 * alpha
    _t6 = tanhc_small(_t5)
    _t7 = -tf.math.sign(_t0)
    _t8 = (1 / 2) * alpha
    _t9 = zcoth(_t8)
    _t10 = _t7 * _t9
    _t11 = tanhc_small_d1(_t5)
    _t12 = tf.math.tanh(_t8)
    _t13 = tf.math.less(_t5, (1 / 2) * tf.math.log((_t12 + 2) / (2 - _t12)))
    _t14 = sinhc_small(_t8)
    _t15 = 1 / _t14
    _t16 = _t2 * alpha
    _t17 = sinhc_small(_t16)
    _t18 = (1 / 2) * tf.math.exp(_t5) + (1 / 2) * tf.math.exp(-_t5)
    _t19 = 1 / _t18
    _t20 = _t0 * alpha
    _t21 = sinhc_small_d1(_t16)
    _t22 = _t0 * _t17
    _t23 = _t15 * sinhc(_t5) / (_t18 * _t18)
    _t24 = tf.math.less(alpha, 4)
    _t25 = 2 * alpha
    _t26 = _t25 * _t7
    _t27 = tf.math.exp(-2 * _t16)
    _t28 = tf.math.exp(-alpha)
    _t29 = _t28 + 1
    _t30 = 1 / _t29
    _t31 = 1 / _t12
    _t32 = tf.math.tanh(_t20)
    _t33 = tf.math.sigmoid(-2 * _t5)
    _t34 = _t27 * _t30 * _t31 * _t32 * _t33
    _t35 = _t27 + 1
    _t36 = _t30 * _t31 * _t35
    _t37 = 4 * _t33 * _t36
    _t38 = _t27 / (_t35 * _t35)
    _t39 = _t32 * _t36
    _t40 = tf.math.exp(-_t25 * tf.math.abs(_t3))
    _t41 = _t40 / ((_t40 + 1) * (_t40 + 1))
    _t42 = _t4 * _t4
    _t43 = _t28 / (_t29 * _t29)
    _t44 = _t32 * _t33 * _t35
    _t45 = 2 * _t2
    y_D_x = tf.where(
        _t13,
        _t1 * (-_t10 * _t11 * _t5 - _t10 * _t6),
        tf.where(
            _t24,
            _t15 * _t17 * _t19 - _t15 * _t19 * _t20 * _t21 * _t7 - _t22 * _t23 * _t4 * _t7 * (alpha * alpha),
            _t26 * _t34 + tf.math.multiply_no_nan(-_t26 * _t39, _t41) + tf.math.multiply_no_nan(_t37 * alpha, _t38),
        ),
    )
    y_D_alpha = tf.where(
        _t13,
        _t1 * (-_t11 * _t42 * _t9 - 1 / 2 * _t4 * _t6 * zcoth_d1(_t8)),
        tf.where(
            _t24,
            _t0 * _t15 * _t19 * _t2 * _t21
            - _t17 * _t20 * _t23 * _t42
            - 1 / 2 * _t19 * _t22 * sinhc_small_d1(_t8) / (_t14 * _t14),
            _t31 * _t43 * _t44
            - _t34 * _t45
            + tf.math.multiply_no_nan(_t0 * _t37, _t38)
            + tf.math.multiply_no_nan(_t39 * (_t45 - 1), _t41)
            + tf.math.multiply_no_nan(-2 * _t30 * _t44 / (_t12 * _t12), _t43),
        ),
    )
    return (y_D_x, y_D_alpha), ()


def _hessian_all(x, alpha):
    _n = tf.math.round(x)
    _r = -_n + x
    _t0 = _r - tf.math.floor(_r + 1 / 2)
    _t1 = tf.math.sign(_t0)
    _t2 = -_t0
    _t3 = tf.math.sign(_t2)
    _t4 = _t3 * _t3
    _t5 = 2 * alpha
    _t6 = tf.math.abs(_t0)
    _t7 = _t6 - 1 / 2
    _t8 = -_t7
    _t9 = _t8 * alpha
    _t10 = tanhc_small_d1(_t9)
    _t11 = (1 / 2) * alpha
    _t12 = zcoth(_t11)
    _t13 = _t10 * _t12
    _t14 = _t12 * tanhc_small_d2(_t9)
    _t15 = alpha * alpha
    _t16 = _t15 * _t4
    _t17 = tf.math.tanh(_t11)
    _t18 = tf.math.less(_t9, (1 / 2) * tf.math.log((_t17 + 2) / (2 - _t17)))
    _t19 = _t6 * alpha
    _t20 = sinhc_small_d1(_t19)
    _t21 = (1 / 2) * tf.math.exp(_t9) + (1 / 2) * tf.math.exp(-_t9)
    _t22 = 1 / _t21
    _t23 = sinhc_small(_t11)
    _t24 = 1 / _t23
    _t25 = _t22 * _t24
    _t26 = _t20 * _t25 * _t3
    _t27 = _t0 * _t25
    _t28 = _t27 * sinhc_small_d2(_t19)
    _t29 = sinhc_small(_t19)
    _t30 = _t27 * _t29
    _t31 = 2 * _t3
    _t32 = _t31 * _t8
    _t33 = _t24 * _t29
    _t34 = 1 / (_t21 * _t21)
    _t35 = sinhc(_t9)
    _t36 = _t34 * _t35
    _t37 = _t33 * _t36
    _t38 = alpha * alpha * alpha
    _t39 = _t0 * _t4
    _t40 = _t36 * _t8
    _t41 = _t20 * _t24
    _t42 = _t8 * _t8
    _t43 = 1 / (_t21 * _t21 * _t21)
    _t44 = _t35 * _t35
    _t45 = 2 * _t33 * _t43 * _t44
    _t46 = tf.math.less(alpha, 4)
    _t47 = 2 * _t19
    _t48 = tf.math.exp(-_t47)
    _t49 = tf.math.exp(-alpha)
    _t50 = _t49 + 1
    _t51 = 1 / _t50
    _t52 = 1 / _t17
    _t53 = _t51 * _t52
    _t54 = _t48 * _t53
    _t55 = _t16 * _t54
    _t56 = _t0 * alpha
    _t57 = tf.math.tanh(_t56)
    _t58 = tf.math.sigmoid(-2 * _t9)
    _t59 = 4 * _t58
    _t60 = _t57 * _t59
    _t61 = 16 * _t3
    _t62 = _t54 * _t58
    _t63 = _t48 + 1
    _t64 = _t48 / (_t63 * _t63)
    _t65 = _t53 * _t63
    _t66 = _t15 * _t65
    _t67 = 8 * _t57
    _t68 = _t58 * _t67
    _t69 = _t57 * _t65
    _t70 = _t69 * tf.math.tanh(_t9)
    _t71 = tf.math.exp(-_t5 * tf.math.abs(_t7))
    _t72 = _t71 / ((_t71 + 1) * (_t71 + 1))
    _t73 = zcoth_d1(_t11)
    _t74 = tanhc_small(_t9)
    _t75 = (1 / 2) * _t3
    _t76 = _t10 * _t73
    _t77 = _t42 * alpha
    _t78 = (1 / 2) * _t22 * _t29
    _t79 = 1 / (_t23 * _t23)
    _t80 = sinhc_small_d1(_t11)
    _t81 = _t79 * _t80
    _t82 = _t19 * _t3
    _t83 = _t3 * _t9
    _t84 = _t8 * _t8 * _t8
    _t85 = _t20 * _t6
    _t86 = _t0 * _t15
    _t87 = _t49 / (_t50 * _t50)
    _t88 = _t52 * _t87
    _t89 = _t3 * _t5
    _t90 = _t54 * _t57
    _t91 = _t59 * _t90
    _t92 = _t59 * _t88
    _t93 = _t57 * _t63
    _t94 = _t88 * _t93
    _t95 = 8 * _t56
    _t96 = _t3 * _t95
    _t97 = _t58 * _t69
    _t98 = 2 * _t6 - 1
    _t99 = _t65 * _t98
    _t100 = 4 * alpha
    _t101 = _t64 * _t72
    _t102 = -_t70 * _t98
    _t103 = 1 / (_t17 * _t17)
    _t104 = _t103 * _t51
    _t105 = _t104 * alpha
    _t106 = _t58 * _t63
    _t107 = 8 * _t106
    _t108 = _t104 * _t93
    _t109 = _t0 * _t22
    _t110 = _t2 * _t2
    _t111 = _t36 * _t42
    _t112 = tf.math.exp(-_t5)
    _t113 = _t106 * _t57
    _t114 = _t48 * _t6
    _t115 = 16 * _t0
    _t116 = 4 * _t98
    y_D_x_D_x = tf.where(
        _t18,
        _t1 * (-_t13 * _t4 * _t5 - _t14 * _t16 * _t8),
        tf.where(
            _t46,
            -_t15 * _t32 * _t37
            + _t16 * _t28
            - _t16 * _t30
            - _t26 * _t5
            + 2 * _t38 * _t39 * _t40 * _t41
            + _t39 * _t42 * _t45 * (alpha * alpha * alpha * alpha),
            _t55 * _t60
            + tf.math.multiply_no_nan(-_t66 * _t68, _t64)
            + tf.math.multiply_no_nan(_t15 * _t61 * _t62, _t64)
            + tf.math.multiply_no_nan(
                4 * _t16 * _t70 - _t55 * _t67 + tf.math.multiply_no_nan(-_t61 * _t66, _t64), _t72
            ),
        ),
    )
    y_D_x_D_alpha = tf.where(
        _t18,
        _t1 * (-_t13 * _t32 - _t14 * _t3 * _t77 - _t73 * _t74 * _t75 - _t75 * _t76 * _t9),
        tf.where(
            _t46,
            _t0 * _t15 * _t20 * _t24 * _t3 * _t34 * _t35 * _t42
            + (1 / 2) * _t0 * _t15 * _t29 * _t3 * _t34 * _t35 * _t79 * _t8 * _t80
            + (1 / 2) * _t0 * _t20 * _t22 * _t3 * _t79 * _t80 * alpha
            + 2 * _t0 * _t24 * _t29 * _t3 * _t38 * _t43 * _t44 * _t84
            - _t0 * _t26
            - _t0 * _t37 * _t83
            + _t20 * _t22 * _t24 * _t6
            - _t24 * _t3 * _t40 * _t85 * _t86
            - _t28 * _t82
            - _t30 * _t83
            - _t37 * _t77
            - _t78 * _t81,
            _t31 * _t57 * _t62
            + _t48 * _t57 * _t58 * _t88 * _t89
            - _t82 * _t91
            + tf.math.multiply_no_nan(_t100 * _t99, _t101)
            + tf.math.multiply_no_nan(_t102 * _t89, _t72)
            + tf.math.multiply_no_nan(-8 * _t19 * _t62, _t64)
            + tf.math.multiply_no_nan(-_t31 * _t69, _t72)
            + tf.math.multiply_no_nan(_t59 * _t65, _t64)
            + tf.math.multiply_no_nan(_t62 * _t96, _t64)
            + tf.math.multiply_no_nan(-_t65 * _t96, _t101)
            + tf.math.multiply_no_nan(4 * _t82 * _t90, _t72)
            + tf.math.multiply_no_nan(-_t89 * _t94, _t72)
            + tf.math.multiply_no_nan(-_t95 * _t97, _t64)
            + tf.math.multiply_no_nan(_t63 * _t92 * alpha, _t64)
            + tf.math.multiply_no_nan(_t89 * _t90 * _t98, _t72)
            + tf.math.multiply_no_nan(
                -_t105 * _t3 * _t48 * _t60
                + tf.math.multiply_no_nan(-_t105 * _t107, _t64)
                + tf.math.multiply_no_nan(_t100 * _t108 * _t3, _t72),
                _t87,
            ),
        ),
    )
    y_D_alpha_D_alpha = tf.where(
        _t18,
        _t1 * (-_t14 * _t84 - _t42 * _t76 - 1 / 4 * _t74 * _t8 * zcoth_d2(_t11)),
        tf.where(
            _t46,
            -_t0 * _t111 * _t41 * _t47
            + _t0 * _t78 * (_t80 * _t80) / (_t23 * _t23 * _t23)
            - 1 / 4 * _t109 * _t29 * _t79 * sinhc_small_d2(_t11)
            - _t109 * _t81 * _t85
            + _t110 * _t28
            + _t111 * _t29 * _t56 * _t81
            - _t30 * _t42
            + _t45 * (_t8 * _t8 * _t8 * _t8) * _t86,
            _t110 * _t91
            + 2 * _t112 * _t113 * _t52 / (_t50 * _t50 * _t50)
            - _t113 * _t88
            - _t114 * _t57 * _t92
            + tf.math.multiply_no_nan(8 * _t0 * _t99, _t101)
            + tf.math.multiply_no_nan(-8 * (_t0 * _t0) * _t97, _t64)
            + tf.math.multiply_no_nan(-_t102 * _t98, _t72)
            + tf.math.multiply_no_nan(2 * _t94 * _t98, _t72)
            + tf.math.multiply_no_nan(_t0 * _t107 * _t88, _t64)
            + tf.math.multiply_no_nan(-_t115 * _t6 * _t62, _t64)
            + tf.math.multiply_no_nan(-_t116 * _t6 * _t90, _t72)
            + tf.math.multiply_no_nan(_t107 * _t51 * _t57 / (_t17 * _t17 * _t17), _t112 / (_t50 * _t50 * _t50 * _t50))
            + tf.math.multiply_no_nan(
                -_t103 * _t59 * _t87 * _t93
                + _t104 * _t114 * _t68
                + 2 * _t97
                + tf.math.multiply_no_nan(-_t108 * _t116, _t72)
                + tf.math.multiply_no_nan(-_t104 * _t106 * _t115, _t64),
                _t87,
            ),
        ),
    )
    return (y_D_x_D_x, y_D_x_D_alpha, y_D_alpha_D_alpha), ()


def _value_alpha_below_4(x, alpha):
    _n = tf.math.round(x)
    _r = -_n + x
    _t0 = tf.math.floor(_r + 1 / 2)
    _t1 = _r - _t0
    _t2 = tf.math.sign(_t1)
    _t3 = tf.math.abs(_t1)
    _t4 = 1 / 2 - _t3
    _t5 = _t4 * alpha
    _t6 = (1 / 2) * alpha
    _t7 = zcoth(_t6)
    _t8 = _t7 * tanhc_small(_t5)
    _t9 = tf.math.tanh(_t6)
    _t10 = tf.math.less(_t5, (1 / 2) * tf.math.log((_t9 + 2) / (2 - _t9)))
    _t11 = _t3 * alpha
    _t12 = sinhc_small(_t11)
    _t13 = (1 / 2) * tf.math.exp(_t5) + (1 / 2) * tf.math.exp(-_t5)
    _t14 = 1 / _t13
    _t15 = 1 / sinhc_small(_t6)
    _t16 = _t14 * _t15
    y = _n + _t0 + tf.where(_t10, _t2 * (-_t4 * _t8 + 1 / 2), _t1 * _t12 * _t16)
    return (y,), ()


def _gradient_alpha_below_4(x, alpha):
    _n = tf.math.round(x)
    _r = -_n + x
    _t0 = _r - tf.math.floor(_r + 1 / 2)
    _t1 = tf.math.abs(_t0)
    _t2 = 1 / 2 - _t1
    _t3 = _t2 * alpha
    _t4 = -tf.math.sign(_t0)
    _t5 = (1 / 2) * alpha
    _t6 = _t4 * zcoth(_t5)
    _t7 = tf.math.tanh(_t5)
    _t8 = 1 / sinhc_small(_t5)
    _t9 = _t1 * alpha
    _t10 = sinhc_small(_t9)
    _t11 = (1 / 2) * tf.math.exp(_t3) + (1 / 2) * tf.math.exp(-_t3)
    _t12 = 1 / _t11
    _t13 = _t0 * _t4
    y_D_x = tf.where(
        tf.math.less(_t3, (1 / 2) * tf.math.log((_t7 + 2) / (2 - _t7))),
        (-_t3 * _t6 * tanhc_small_d1(_t3) - _t6 * tanhc_small(_t3)) * tf.math.sign(_t0),
        _t10 * _t12 * _t8
        - _t10 * _t13 * _t2 * _t8 * (alpha * alpha) * sinhc(_t3) / (_t11 * _t11)
        - _t12 * _t13 * _t8 * alpha * sinhc_small_d1(_t9),
    )
    return (y_D_x,), ()


def _hessian_alpha_below_4(x, alpha):
    _n = tf.math.round(x)
    _r = -_n + x
    _t0 = _r - tf.math.floor(_r + 1 / 2)
    _t1 = tf.math.abs(_t0)
    _t2 = 1 / 2 - _t1
    _t3 = _t2 * alpha
    _t4 = -tf.math.sign(_t0)
    _t5 = _t4 * _t4
    _t6 = (1 / 2) * alpha
    _t7 = _t5 * zcoth(_t6)
    _t8 = 2 * alpha
    _t9 = alpha * alpha
    _t10 = _t2 * _t9
    _t11 = tf.math.tanh(_t6)
    _t12 = _t1 * alpha
    _t13 = sinhc_small_d1(_t12)
    _t14 = (1 / 2) * tf.math.exp(_t3) + (1 / 2) * tf.math.exp(-_t3)
    _t15 = 1 / sinhc_small(_t6)
    _t16 = _t15 / _t14
    _t17 = _t0 * _t5
    _t18 = _t16 * _t17 * _t9
    _t19 = sinhc_small(_t12)
    _t20 = 2 * _t15 * _t19
    _t21 = sinhc(_t3)
    _t22 = _t21 / (_t14 * _t14)
    y_D_x_D_x = tf.where(
        tf.math.less(_t3, (1 / 2) * tf.math.log((_t11 + 2) / (2 - _t11))),
        (-_t10 * _t7 * tanhc_small_d2(_t3) - _t7 * _t8 * tanhc_small_d1(_t3)) * tf.math.sign(_t0),
        -_t10 * _t20 * _t22 * _t4
        + 2 * _t13 * _t15 * _t17 * _t2 * _t22 * (alpha * alpha * alpha)
        - _t13 * _t16 * _t4 * _t8
        - _t18 * _t19
        + _t18 * sinhc_small_d2(_t12)
        + _t17 * (_t2 * _t2) * _t20 * (_t21 * _t21) * (alpha * alpha * alpha * alpha) / (_t14 * _t14 * _t14),
    )
    return (y_D_x_D_x,), ()


def _value_alpha_from_4(x, alpha):
    _n = tf.math.round(x)
    _r = -_n + x
    _t0 = tf.math.floor(_r + 1 / 2)
    _t1 = _r - _t0
    _t2 = tf.math.sign(_t1)
    _t3 = tf.math.abs(_t1)
    _t4 = _t3 - 1 / 2
    _t5 = -_t4
    _t6 = _t5 * alpha
    _t7 = (1 / 2) * alpha
    _t8 = zcoth(_t7)
    _t9 = _t8 * tanhc_small(_t6)
    _t10 = tf.math.tanh(_t7)
    _t11 = tf.math.less(_t6, (1 / 2) * tf.math.log((_t10 + 2) / (2 - _t10)))
    _t12 = tf.math.tanh(_t1 * alpha)
    _t13 = 1 / (1 + tf.math.exp(-alpha))
    _t14 = 1 / _t10
    _t15 = 2 * alpha
    _t16 = tf.math.exp(-_t15 * _t3)
    _t17 = _t16 + 1
    _t18 = tf.math.sigmoid(-2 * _t6)
    _t19 = _t13 * _t14 * _t17 * _t18
    y = _n + _t0 + tf.where(_t11, _t2 * (-_t5 * _t9 + 1 / 2), _t12 * _t19)
    return (y,), ()


def _gradient_alpha_from_4(x, alpha):
    _n = tf.math.round(x)
    _r = -_n + x
    _t0 = _r - tf.math.floor(_r + 1 / 2)
    _t1 = tf.math.abs(_t0)
    _t2 = _t1 - 1 / 2
    _t3 = -_t2 * alpha
    _t4 = -tf.math.sign(_t0)
    _t5 = (1 / 2) * alpha
    _t6 = _t4 * zcoth(_t5)
    _t7 = tf.math.tanh(_t5)
    _t8 = 2 * alpha
    _t9 = tf.math.exp(-_t1 * _t8)
    _t10 = 1 / (1 + tf.math.exp(-alpha))
    _t11 = 1 / _t7
    _t12 = tf.math.sigmoid(-2 * _t3)
    _t13 = _t4 * _t8 * tf.math.tanh(_t0 * alpha)
    _t14 = _t9 + 1
    _t15 = _t10 * _t11 * _t14
    _t16 = tf.math.exp(-_t8 * tf.math.abs(_t2))
    y_D_x = tf.where(
        tf.math.less(_t3, (1 / 2) * tf.math.log((_t7 + 2) / (2 - _t7))),
        (-_t3 * _t6 * tanhc_small_d1(_t3) - _t6 * tanhc_small(_t3)) * tf.math.sign(_t0),
        _t10 * _t11 * _t12 * _t13 * _t9
        + tf.math.multiply_no_nan(-_t13 * _t15, _t16 / ((_t16 + 1) * (_t16 + 1)))
        + tf.math.multiply_no_nan(4 * _t12 * _t15 * alpha, _t9 / (_t14 * _t14)),
    )
    return (y_D_x,), ()


def _hessian_alpha_from_4(x, alpha):
    _n = tf.math.round(x)
    _r = -_n + x
    _t0 = _r - tf.math.floor(_r + 1 / 2)
    _t1 = tf.math.abs(_t0)
    _t2 = _t1 - 1 / 2
    _t3 = -_t2
    _t4 = _t3 * alpha
    _t5 = 2 * alpha
    _t6 = -tf.math.sign(_t0)
    _t7 = _t6 * _t6
    _t8 = (1 / 2) * alpha
    _t9 = _t7 * zcoth(_t8)
    _t10 = alpha * alpha
    _t11 = tf.math.tanh(_t8)
    _t12 = tf.math.sigmoid(-2 * _t4)
    _t13 = tf.math.exp(-_t1 * _t5)
    _t14 = _t10 / (_t11 * (1 + tf.math.exp(-alpha)))
    _t15 = _t13 * _t14
    _t16 = _t12 * _t15
    _t17 = tf.math.tanh(_t0 * alpha)
    _t18 = 4 * _t17 * _t7
    _t19 = 16 * _t6
    _t20 = _t13 + 1
    _t21 = _t13 / (_t20 * _t20)
    _t22 = _t14 * _t20
    _t23 = 8 * _t17
    _t24 = tf.math.exp(-_t5 * tf.math.abs(_t2))
    y_D_x_D_x = tf.where(
        tf.math.less(_t4, (1 / 2) * tf.math.log((_t11 + 2) / (2 - _t11))),
        (-_t10 * _t3 * _t9 * tanhc_small_d2(_t4) - _t5 * _t9 * tanhc_small_d1(_t4)) * tf.math.sign(_t0),
        _t16 * _t18
        + tf.math.multiply_no_nan(_t16 * _t19, _t21)
        + tf.math.multiply_no_nan(-_t12 * _t22 * _t23, _t21)
        + tf.math.multiply_no_nan(
            -_t15 * _t23 * _t7 + _t18 * _t22 * tf.math.tanh(_t4) + tf.math.multiply_no_nan(-_t19 * _t22, _t21),
            _t24 / ((_t24 + 1) * (_t24 + 1)),
        ),
    )
    return (y_D_x_D_x,), ()


_OP = _runtime.Op(
    name="soft_round",
    params=[_runtime.FloatParam("alpha", 5.0, 0.0, float("inf"), low_open=False, high_open=True)],
    modes=("soft", "ste"),
    hard=_hard,
    hard_xla=None,
    kernels={
        "x": _runtime.Kernels(_value_x, None, _gradient_x, _hessian_x, xla=(_value_x, _gradient_x)),
        "all": _runtime.Kernels(_value_all, None, _gradient_all, _hessian_all, xla=(_value_all, _gradient_all)),
        "alpha_below_4": _runtime.Kernels(
            _value_alpha_below_4,
            None,
            _gradient_alpha_below_4,
            _hessian_alpha_below_4,
            xla=(_value_alpha_below_4, _gradient_alpha_below_4),
        ),
        "alpha_from_4": _runtime.Kernels(
            _value_alpha_from_4,
            None,
            _gradient_alpha_from_4,
            _hessian_alpha_from_4,
            xla=(_value_alpha_from_4, _gradient_alpha_from_4),
        ),
    },
    regimes=(("alpha_below_4", lambda alpha: alpha < 4), ("alpha_from_4", lambda alpha: alpha >= 4)),
)


def soft_round(x, alpha=5.0, mode="soft", name=None):
    """m + tanh(alpha*r)/(2*tanh(alpha/2)), m = floor(x) + 1/2, r = x - m: the soft rounding of neural
        compression.

    Smooth forward: Piecewise(((-(1/2 - Abs(x - floor(x + 1/2)))*tanhc_small(alpha*(1/2 - Abs(x -
        floor(x + 1/2))))*zcoth(alpha/2) + 1/2)*sign(x - floor(x + 1/2)), alpha*(1/2 - Abs(x -
        floor(x + 1/2))) < log((tanh(alpha/2) + 2)/(2 - tanh(alpha/2)))/2), ((x - floor(x +
        1/2))*sinhc_small(alpha*Abs(x - floor(x + 1/2)))/(cosh(alpha*(1/2 - Abs(x - floor(x +
        1/2))))*sinhc_small(alpha/2)), alpha < 4), ((1 + exp(-2*alpha*Abs(x - floor(x +
        1/2))))*tanh(alpha*(x - floor(x + 1/2)))*sigmoid(-2*alpha*(1/2 - Abs(x - floor(x +
        1/2))))/((1 + exp(-alpha))*tanh(alpha/2)), True)) + floor(x + 1/2)
    Hard function: round(x)
        round(u): round half to even, as tf.round.
      with alpha = alpha

    Args:
        x: float16, bfloat16, float32 or float64 tensor.
        alpha: sharpness: 0 is the identity, large values approach round; float or float tensor
            broadcasting with x (differentiable), in [0, inf), default 5.0.
        mode: "soft" (smooth forward, exact derivative) or "ste" (hard forward, the smooth
            derivative as gradient); default "soft".
        name: optional name scope.

    Returns:
        A tensor of x's dtype and the broadcast shape of x and the parameters.

    Source: Agustsson & Theis 2020, Universally Quantized Neural Compression, Sec. 4.1.
    """
    return _OP(x, {"alpha": alpha}, mode, name)
