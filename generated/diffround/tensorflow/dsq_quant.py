# Generated from template templates/tensorflow/op.py.jinja and spec derive/catalog.py:dsq_quant.
# Do NOT modify by hand: edit the spec or the template, then run
#     python scripts/regenerate_ops.py
"""dsq_quant: Differentiable soft quantization: a tanh curve in each of the 2**bits - 1 cells of [lower, upper]."""

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
    inside = tf.math.less(tf.math.abs(z), 2)
    z = tf.where(inside, z + 4, z)
    return tf.where(inside, series, ((1 / 2) * tf.math.exp(z) - 1 / 2 * tf.math.exp(-z)) / z)


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
    inside = tf.math.less(tf.math.abs(z), 2)
    z = tf.where(inside, z + 4, z)
    _d0 = (1 / 2) * tf.math.exp(z)
    _d1 = (1 / 2) * tf.math.exp(-z)
    return tf.where(inside, series, (_d0 + _d1) / z - (_d0 - _d1) / (z * z))


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
    inside = tf.math.less(tf.math.abs(z), 2)
    z = tf.where(inside, z + 4, z)
    _d0 = 1 / z
    _d1 = tf.math.exp(z)
    _d2 = tf.math.exp(-z)
    return tf.where(inside, series, _d0 * (-_d0 * (_d1 + _d2) + (1 / 2) * _d1 - 1 / 2 * _d2 + (_d1 - _d2) / (z * z)))


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
    inside = tf.math.less(tf.math.abs(z), (1 / 4) * 3.1415926535897932)
    z = tf.where(inside, z + (1 / 2) * 3.1415926535897932, z)
    return tf.where(inside, series, tf.math.tanh(z) / z)


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
    inside = tf.math.less(tf.math.abs(z), (1 / 4) * 3.1415926535897932)
    z = tf.where(inside, z + (1 / 2) * 3.1415926535897932, z)
    _d0 = tf.math.exp(-2 * tf.math.abs(z))
    return tf.where(inside, series, 4 * _d0 / (z * ((_d0 + 1) * (_d0 + 1))) - tf.math.tanh(z) / (z * z))


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
    inside = tf.math.less(tf.math.abs(z), (1 / 4) * 3.1415926535897932)
    z = tf.where(inside, z + (1 / 2) * 3.1415926535897932, z)
    _d0 = 1 / z
    _d1 = tf.math.tanh(z)
    _d2 = tf.math.exp(-2 * tf.math.abs(z))
    _d3 = 4 * _d2 / ((_d2 + 1) * (_d2 + 1))
    return tf.where(inside, series, 2 * _d0 * (-_d0 * _d3 - _d1 * _d3 + _d1 / (z * z)))


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
    inside = tf.math.less(tf.math.abs(z), (1 / 2) * 3.1415926535897932)
    z = tf.where(inside, z + 3.1415926535897932, z)
    return tf.where(inside, series, z / tf.math.tanh(z))


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
    inside = tf.math.less(tf.math.abs(z), (1 / 2) * 3.1415926535897932)
    z = tf.where(inside, z + 3.1415926535897932, z)
    _d0 = tf.math.tanh(z)
    _d1 = tf.math.exp(-2 * tf.math.abs(z))
    return tf.where(inside, series, 1 / _d0 - 4 * _d1 * z / ((_d0 * _d0) * ((_d1 + 1) * (_d1 + 1))))


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
    inside = tf.math.less(tf.math.abs(z), (1 / 2) * 3.1415926535897932)
    z = tf.where(inside, z + 3.1415926535897932, z)
    _d0 = tf.math.tanh(z)
    _d1 = 1 / _d0
    _d2 = tf.math.exp(-2 * tf.math.abs(z))
    _d3 = _d2 / ((_d2 + 1) * (_d2 + 1))
    return tf.where(inside, series, 8 * _d1 * _d3 * (-_d1 + z * (1 + 4 * _d3 / (_d0 * _d0))))


def _hard(x, alpha, bits, lower, upper):
    _t0 = 2**bits
    _t1 = _t0 - 1
    _t2 = tf.math.round(_t1 * (-lower + x) / (-lower + upper))
    y = tf.where(
        tf.math.greater_equal(lower, x),
        lower,
        tf.where(
            tf.math.less_equal(upper, x),
            upper,
            _runtime.divided(_t2 * upper + lower * (_t0 - _t2 - 1), tf.constant(_t1, x.dtype)),
        ),
    )
    return (y,), ()


def _value_x(x, alpha, bits, lower, upper):
    _t0 = tf.math.greater_equal(lower, x)
    _t1 = tf.math.less_equal(upper, x)
    _t2 = 2**bits
    _t3 = _t2 - 1
    _t4 = _t3 / (-lower + upper)
    _t5 = _t4 * (-lower + x)
    _t6 = tf.math.round(_t5)
    _t7 = _t5 - _t6
    _t8 = tf.math.greater_equal(_t7, 1 / 2)
    _t9 = _t6 + tf.where(_t8, tf.constant(1, x.dtype), tf.constant(0, x.dtype))
    _t10 = -_t2
    _t11 = _runtime.divided(_t9 * upper + lower * (-_t10 - _t9 - 1), tf.constant(_t3, x.dtype))
    _t12 = -_t11 + x
    _t13 = tf.math.log(-1 + 2 / alpha)
    _t14 = _t12 * _t4
    _t15 = _t14 - 1 / 2
    _t16 = _t13 * _t15
    _t17 = (1 / 2) * tf.math.exp(_t16) + (1 / 2) * tf.math.exp(-_t16)
    _t18 = 1 / _t17
    _t19 = (1 / 2) * _t13
    _t20 = 1 / sinhc(_t19)
    _t21 = _t13 * _t14
    _t22 = _t20 * sinhc(_t21)
    _t23 = _t18 * _t22
    _t24 = tf.math.greater(_t7, 3 / 4)
    _t25 = tf.math.less(_t7, 5 / 4)
    _t26 = _t6 + 1
    _t27 = tf.math.greater(_t7, -1 / 4)
    _t28 = tf.math.less(_t7, 1 / 4)
    _t29 = tf.where(
        _t8,
        tf.math.logical_and(
            tf.math.logical_and(_t24, _t25),
            tf.math.greater_equal(
                x, _runtime.divided(_t26 * upper + lower * (-_t10 - _t6 - 2), tf.constant(_t3, x.dtype))
            ),
        ),
        tf.math.logical_and(
            tf.math.logical_and(_t27, _t28),
            tf.math.greater_equal(x, _runtime.divided(_t6 * upper + lower * (-_t10 - _t26), tf.constant(_t3, x.dtype))),
        ),
    )
    _t30 = _t14 + 1 / 2
    _t31 = _t13 * _t30
    _t32 = (1 / 2) * tf.math.exp(_t31) + (1 / 2) * tf.math.exp(-_t31)
    _t33 = 1 / _t32
    _t34 = _t22 * _t33
    _t35 = tf.where(_t8, tf.math.logical_and(_t24, _t25), tf.math.logical_and(_t27, _t28))
    _t36 = tf.math.floor(_t5)
    _t37 = _runtime.divided(lower * (-_t10 - _t36 - 3 / 2) + upper * (_t36 + 1 / 2), tf.constant(_t3, x.dtype))
    _t38 = -_t37 + x
    _t39 = zcoth(_t19)
    _t40 = _t13 * _t38 * _t4
    _t41 = _t39 * tanhc(_t40)
    y = tf.where(
        _t0,
        lower,
        tf.where(
            _t1, upper, tf.where(_t29, _t11 + _t12 * _t23, tf.where(_t35, _t11 + _t12 * _t34, _t37 + _t38 * _t41))
        ),
    )
    return (y,), ()


def _gradient_x(x, alpha, bits, lower, upper):
    _t0 = tf.math.log(-1 + 2 / alpha)
    _t1 = 2**bits
    _t2 = _t1 - 1
    _t3 = _t2 / (-lower + upper)
    _t4 = _t3 * (-lower + x)
    _t5 = tf.math.round(_t4)
    _t6 = _t4 - _t5
    _t7 = tf.math.greater_equal(_t6, 1 / 2)
    _t8 = _t5 + tf.where(_t7, tf.constant(1, x.dtype), tf.constant(0, x.dtype))
    _t9 = -_t1
    _t10 = _t3 * (x - _runtime.divided(_t8 * upper + lower * (-_t8 - _t9 - 1), tf.constant(_t2, x.dtype)))
    _t11 = _t10 - 1 / 2
    _t12 = _t0 * _t11
    _t13 = (1 / 2) * tf.math.exp(_t12) + (1 / 2) * tf.math.exp(-_t12)
    _t14 = 1 / _t13
    _t15 = (1 / 2) * _t0
    _t16 = 1 / sinhc(_t15)
    _t17 = _t0 * _t10
    _t18 = _t16 * sinhc(_t17)
    _t19 = _t16 * _t17 * sinhc_d1(_t17)
    _t20 = (_t0 * _t0) * _t10 * _t18
    _t21 = tf.math.greater(_t6, 3 / 4)
    _t22 = tf.math.less(_t6, 5 / 4)
    _t23 = _t5 + 1
    _t24 = tf.math.greater(_t6, -1 / 4)
    _t25 = tf.math.less(_t6, 1 / 4)
    _t26 = _t10 + 1 / 2
    _t27 = _t0 * _t26
    _t28 = (1 / 2) * tf.math.exp(_t27) + (1 / 2) * tf.math.exp(-_t27)
    _t29 = 1 / _t28
    _t30 = zcoth(_t15)
    _t31 = tf.math.floor(_t4)
    _t32 = (
        _t0
        * _t3
        * (x - _runtime.divided(lower * (-_t31 - _t9 - 3 / 2) + upper * (_t31 + 1 / 2), tf.constant(_t2, x.dtype)))
    )
    y_D_x = tf.where(
        tf.math.logical_or(tf.math.greater_equal(lower, x), tf.math.less_equal(upper, x)),
        tf.constant(0, x.dtype),
        tf.where(
            tf.where(
                _t7,
                tf.math.logical_and(
                    tf.math.logical_and(_t21, _t22),
                    tf.math.greater_equal(
                        x, _runtime.divided(_t23 * upper + lower * (-_t5 - _t9 - 2), tf.constant(_t2, x.dtype))
                    ),
                ),
                tf.math.logical_and(
                    tf.math.logical_and(_t24, _t25),
                    tf.math.greater_equal(
                        x, _runtime.divided(_t5 * upper + lower * (-_t23 - _t9), tf.constant(_t2, x.dtype))
                    ),
                ),
            ),
            -_t11 * _t20 * sinhc(_t12) / (_t13 * _t13) + _t14 * _t18 + _t14 * _t19,
            tf.where(
                tf.where(_t7, tf.math.logical_and(_t21, _t22), tf.math.logical_and(_t24, _t25)),
                _t18 * _t29 + _t19 * _t29 - _t20 * _t26 * sinhc(_t27) / (_t28 * _t28),
                _t30 * _t32 * tanhc_d1(_t32) + _t30 * tanhc(_t32),
            ),
        ),
    )
    return (y_D_x,), ()


def _hessian_x(x, alpha, bits, lower, upper):
    _t0 = tf.math.log(-1 + 2 / alpha)
    _t1 = -lower + upper
    _t2 = 2**bits
    _t3 = _t2 - 1
    _t4 = _t3 / _t1
    _t5 = _t4 * (-lower + x)
    _t6 = tf.math.round(_t5)
    _t7 = _t5 - _t6
    _t8 = tf.math.greater_equal(_t7, 1 / 2)
    _t9 = _t6 + tf.where(_t8, tf.constant(1, x.dtype), tf.constant(0, x.dtype))
    _t10 = -_t2
    _t11 = x - _runtime.divided(_t9 * upper + lower * (-_t10 - _t9 - 1), tf.constant(_t3, x.dtype))
    _t12 = _t11 * _t4
    _t13 = _t12 - 1 / 2
    _t14 = _t0 * _t13
    _t15 = (1 / 2) * tf.math.exp(_t14) + (1 / 2) * tf.math.exp(-_t14)
    _t16 = (1 / 2) * _t0
    _t17 = 1 / sinhc(_t16)
    _t18 = _t17 / _t15
    _t19 = _t0 * _t12
    _t20 = sinhc_d1(_t19)
    _t21 = _t0 * _t4
    _t22 = 2 * _t21
    _t23 = _t20 * _t22
    _t24 = sinhc_d2(_t19)
    _t25 = _t0 * _t0
    _t26 = (_t3**2) / (_t1 * _t1)
    _t27 = _t25 * _t26
    _t28 = _t11 * _t27
    _t29 = _t18 * _t28
    _t30 = sinhc(_t19)
    _t31 = 2 * _t17
    _t32 = _t30 * _t31
    _t33 = _t25 * _t32 * _t4
    _t34 = sinhc(_t14)
    _t35 = _t13 * _t34 / (_t15 * _t15)
    _t36 = _t11 * _t26
    _t37 = (_t0 * _t0 * _t0) * _t20 * _t31 * _t36
    _t38 = (_t0 * _t0 * _t0 * _t0) * _t32 * _t36
    _t39 = tf.math.greater(_t7, 3 / 4)
    _t40 = tf.math.less(_t7, 5 / 4)
    _t41 = _t6 + 1
    _t42 = tf.math.greater(_t7, -1 / 4)
    _t43 = tf.math.less(_t7, 1 / 4)
    _t44 = _t12 + 1 / 2
    _t45 = _t0 * _t44
    _t46 = (1 / 2) * tf.math.exp(_t45) + (1 / 2) * tf.math.exp(-_t45)
    _t47 = _t17 / _t46
    _t48 = _t28 * _t47
    _t49 = sinhc(_t45)
    _t50 = _t44 * _t49 / (_t46 * _t46)
    _t51 = tf.math.floor(_t5)
    _t52 = x - _runtime.divided(lower * (-_t10 - _t51 - 3 / 2) + upper * (_t51 + 1 / 2), tf.constant(_t3, x.dtype))
    _t53 = _t21 * _t52
    _t54 = zcoth(_t16)
    y_D_x_D_x = tf.where(
        tf.math.logical_or(tf.math.greater_equal(lower, x), tf.math.less_equal(upper, x)),
        tf.constant(0, x.dtype),
        tf.where(
            tf.where(
                _t8,
                tf.math.logical_and(
                    tf.math.logical_and(_t39, _t40),
                    tf.math.greater_equal(
                        x, _runtime.divided(_t41 * upper + lower * (-_t10 - _t6 - 2), tf.constant(_t3, x.dtype))
                    ),
                ),
                tf.math.logical_and(
                    tf.math.logical_and(_t42, _t43),
                    tf.math.greater_equal(
                        x, _runtime.divided(_t6 * upper + lower * (-_t10 - _t41), tf.constant(_t3, x.dtype))
                    ),
                ),
            ),
            (_t13 * _t13) * (_t34 * _t34) * _t38 / (_t15 * _t15 * _t15)
            + _t18 * _t23
            + _t24 * _t29
            - _t29 * _t30
            - _t33 * _t35
            - _t35 * _t37,
            tf.where(
                tf.where(_t8, tf.math.logical_and(_t39, _t40), tf.math.logical_and(_t42, _t43)),
                _t23 * _t47
                + _t24 * _t48
                - _t30 * _t48
                - _t33 * _t50
                - _t37 * _t50
                + _t38 * (_t44 * _t44) * (_t49 * _t49) / (_t46 * _t46 * _t46),
                _t22 * _t54 * tanhc_d1(_t53) + _t27 * _t52 * _t54 * tanhc_d2(_t53),
            ),
        ),
    )
    return (y_D_x_D_x,), ()


def _value_all(x, alpha, bits, lower, upper):
    _t0 = tf.math.greater_equal(lower, x)
    _t1 = tf.math.less_equal(upper, x)
    _t2 = -lower + upper
    _t3 = 1 / _t2
    _t4 = 2**bits
    _t5 = _t4 - 1
    _t6 = _t3 * _t5
    _t7 = _t6 * (-lower + x)
    _t8 = tf.math.round(_t7)
    _t9 = _t7 - _t8
    _t10 = tf.math.greater_equal(_t9, 1 / 2)
    _t11 = _t8 + tf.where(_t10, tf.constant(1, x.dtype), tf.constant(0, x.dtype))
    _t12 = -_t4
    _t13 = -_t11 - _t12 - 1
    _t14 = _runtime.divided(_t11 * upper + _t13 * lower, tf.constant(_t5, x.dtype))
    _t15 = -_t14 + x
    _t16 = -1 + 2 / alpha
    _t17 = tf.math.log(_t16)
    _t18 = _t15 * _t6
    _t19 = _t18 - 1 / 2
    _t20 = _t17 * _t19
    _t21 = (1 / 2) * tf.math.exp(_t20) + (1 / 2) * tf.math.exp(-_t20)
    _t22 = 1 / _t21
    _t23 = (1 / 2) * _t17
    _t24 = sinhc(_t23)
    _t25 = 1 / _t24
    _t26 = _t17 * _t18
    _t27 = sinhc(_t26)
    _t28 = _t25 * _t27
    _t29 = _t22 * _t28
    _t30 = tf.math.greater(_t9, 3 / 4)
    _t31 = tf.math.less(_t9, 5 / 4)
    _t32 = _t8 + 1
    _t33 = tf.math.greater(_t9, -1 / 4)
    _t34 = tf.math.less(_t9, 1 / 4)
    _t35 = tf.where(
        _t10,
        tf.math.logical_and(
            tf.math.logical_and(_t30, _t31),
            tf.math.greater_equal(
                x, _runtime.divided(_t32 * upper + lower * (-_t12 - _t8 - 2), tf.constant(_t5, x.dtype))
            ),
        ),
        tf.math.logical_and(
            tf.math.logical_and(_t33, _t34),
            tf.math.greater_equal(x, _runtime.divided(_t8 * upper + lower * (-_t12 - _t32), tf.constant(_t5, x.dtype))),
        ),
    )
    _t36 = _t18 + 1 / 2
    _t37 = _t17 * _t36
    _t38 = (1 / 2) * tf.math.exp(_t37) + (1 / 2) * tf.math.exp(-_t37)
    _t39 = 1 / _t38
    _t40 = _t28 * _t39
    _t41 = tf.where(_t10, tf.math.logical_and(_t30, _t31), tf.math.logical_and(_t33, _t34))
    _t42 = tf.math.floor(_t7)
    _t43 = _t42 + 1 / 2
    _t44 = -_t12 - _t42 - 3 / 2
    _t45 = _runtime.divided(_t43 * upper + _t44 * lower, tf.constant(_t5, x.dtype))
    _t46 = -_t45 + x
    _t47 = zcoth(_t23)
    _t48 = _t17 * _t46
    _t49 = _t48 * _t6
    _t50 = tanhc(_t49)
    _t51 = _t47 * _t50
    y = tf.where(
        _t0,
        lower,
        tf.where(
            _t1, upper, tf.where(_t35, _t14 + _t15 * _t29, tf.where(_t41, _t14 + _t15 * _t40, _t45 + _t46 * _t51))
        ),
    )
    return (y,), ()


def _gradient_all(x, alpha, bits, lower, upper):
    _t0 = tf.math.greater_equal(lower, x)
    _t1 = tf.math.less_equal(upper, x)
    _t2 = tf.math.logical_or(_t0, _t1)
    _t3 = -1 + 2 / alpha
    _t4 = tf.math.log(_t3)
    _t5 = -lower + upper
    _t6 = 1 / _t5
    _t7 = 2**bits
    _t8 = _t7 - 1
    _t9 = _t6 * _t8
    _t10 = _t9 * (-lower + x)
    _t11 = tf.math.round(_t10)
    _t12 = _t10 - _t11
    _t13 = tf.math.greater_equal(_t12, 1 / 2)
    _t14 = _t11 + tf.where(_t13, tf.constant(1, x.dtype), tf.constant(0, x.dtype))
    _t15 = -_t7
    _t16 = -_t14 - _t15 - 1
    _t17 = x - _runtime.divided(_t14 * upper + _t16 * lower, tf.constant(_t8, x.dtype))
    _t18 = _t17 * _t9
    _t19 = _t18 - 1 / 2
    _t20 = _t19 * _t4
    _t21 = (1 / 2) * tf.math.exp(_t20) + (1 / 2) * tf.math.exp(-_t20)
    _t22 = 1 / _t21
    _t23 = (1 / 2) * _t4
    _t24 = sinhc(_t23)
    _t25 = 1 / _t24
    _t26 = _t18 * _t4
    _t27 = sinhc(_t26)
    _t28 = _t25 * _t27
    _t29 = _t22 * _t28
    _t30 = sinhc_d1(_t26)
    _t31 = _t25 * _t30
    _t32 = _t26 * _t31
    _t33 = sinhc(_t20) / (_t21 * _t21)
    _t34 = _t19 * _t33
    _t35 = _t28 * (_t4 * _t4)
    _t36 = _t18 * _t35
    _t37 = tf.math.greater(_t12, 3 / 4)
    _t38 = tf.math.less(_t12, 5 / 4)
    _t39 = _t11 + 1
    _t40 = tf.math.greater(_t12, -1 / 4)
    _t41 = tf.math.less(_t12, 1 / 4)
    _t42 = tf.where(
        _t13,
        tf.math.logical_and(
            tf.math.logical_and(_t37, _t38),
            tf.math.greater_equal(
                x, _runtime.divided(_t39 * upper + lower * (-_t11 - _t15 - 2), tf.constant(_t8, x.dtype))
            ),
        ),
        tf.math.logical_and(
            tf.math.logical_and(_t40, _t41),
            tf.math.greater_equal(
                x, _runtime.divided(_t11 * upper + lower * (-_t15 - _t39), tf.constant(_t8, x.dtype))
            ),
        ),
    )
    _t43 = _t18 + 1 / 2
    _t44 = _t4 * _t43
    _t45 = (1 / 2) * tf.math.exp(_t44) + (1 / 2) * tf.math.exp(-_t44)
    _t46 = 1 / _t45
    _t47 = _t28 * _t46
    _t48 = sinhc(_t44) / (_t45 * _t45)
    _t49 = _t43 * _t48
    _t50 = tf.where(_t13, tf.math.logical_and(_t37, _t38), tf.math.logical_and(_t40, _t41))
    _t51 = zcoth(_t23)
    _t52 = tf.math.floor(_t10)
    _t53 = _t52 + 1 / 2
    _t54 = -_t15 - _t52 - 3 / 2
    _t55 = x - _runtime.divided(_t53 * upper + _t54 * lower, tf.constant(_t8, x.dtype))
    _t56 = _t4 * _t55
    _t57 = _t56 * _t9
    _t58 = tanhc(_t57)
    _t59 = _t51 * _t58
    _t60 = _t51 * tanhc_d1(_t57)
    _t61 = 1 / (_t3 * (alpha * alpha))
    _t62 = _t27 * _t61 * sinhc_d1(_t23) / (_t24 * _t24)
    _t63 = 2 * _t61
    _t64 = _t63 * _t9
    _t65 = (_t17 * _t17) * _t31 * _t64
    _t66 = _t17 * _t28 * _t4 * _t63
    _t67 = 1 / _t8
    _t68 = -_t16 * _t67
    _t69 = _t16 * _t67
    _t70 = _t16 * _t6
    _t71 = _t8 / (_t5 * _t5)
    _t72 = _t17 * _t71
    _t73 = _t4 * _t72
    _t74 = -_t4 * _t70 + _t73
    _t75 = _t17 * _t35
    _t76 = _t75 * (-_t70 + _t72)
    _t77 = _t54 * _t67
    _t78 = _t4 * _t6
    _t79 = _t56 * _t71
    _t80 = _t55 * _t60
    _t81 = -_t14 * _t67
    _t82 = _t14 * _t67
    _t83 = _t14 * _t6
    _t84 = -_t4 * _t83 - _t73
    _t85 = _t75 * (-_t72 - _t83)
    _t86 = _t53 * _t67
    y_D_x = tf.where(
        _t2,
        tf.constant(0, x.dtype),
        tf.where(
            _t42, _t22 * _t32 + _t29 - _t34 * _t36, tf.where(_t50, _t32 * _t46 - _t36 * _t49 + _t47, _t57 * _t60 + _t59)
        ),
    )
    y_D_alpha = tf.where(
        _t2,
        tf.constant(0, x.dtype),
        tf.where(
            _t42,
            _t17 * _t22 * _t62 + (_t19 * _t19) * _t33 * _t66 - _t22 * _t65,
            tf.where(
                _t50,
                _t17 * _t46 * _t62 + (_t43 * _t43) * _t48 * _t66 - _t46 * _t65,
                -(_t55 * _t55) * _t60 * _t64 - _t55 * _t58 * _t61 * zcoth_d1(_t23),
            ),
        ),
    )
    y_D_lower = tf.where(
        _t0,
        tf.constant(1, x.dtype),
        tf.where(
            _t1,
            tf.constant(0, x.dtype),
            tf.where(
                _t42,
                _t17 * _t22 * _t25 * _t30 * _t74 - _t29 * _t69 - _t34 * _t76 - _t68,
                tf.where(
                    _t50,
                    _t17 * _t25 * _t30 * _t46 * _t74 - _t47 * _t69 - _t49 * _t76 - _t68,
                    -_t59 * _t77 + _t77 + _t80 * (-_t54 * _t78 + _t79),
                ),
            ),
        ),
    )
    y_D_upper = tf.where(
        _t0,
        tf.constant(0, x.dtype),
        tf.where(
            _t1,
            tf.constant(1, x.dtype),
            tf.where(
                _t42,
                _t17 * _t22 * _t25 * _t30 * _t84 - _t29 * _t82 - _t34 * _t85 - _t81,
                tf.where(
                    _t50,
                    _t17 * _t25 * _t30 * _t46 * _t84 - _t47 * _t82 - _t49 * _t85 - _t81,
                    -_t59 * _t86 + _t80 * (-_t53 * _t78 - _t79) + _t86,
                ),
            ),
        ),
    )
    return (y_D_x, y_D_alpha, y_D_lower, y_D_upper), ()


def _hessian_all(x, alpha, bits, lower, upper):
    _t0 = tf.math.logical_or(tf.math.greater_equal(lower, x), tf.math.less_equal(upper, x))
    _t1 = -1 + 2 / alpha
    _t2 = tf.math.log(_t1)
    _t3 = -lower + upper
    _t4 = 1 / _t3
    _t5 = 2**bits
    _t6 = _t5 - 1
    _t7 = _t4 * _t6
    _t8 = _t7 * (-lower + x)
    _t9 = tf.math.round(_t8)
    _t10 = _t8 - _t9
    _t11 = tf.math.greater_equal(_t10, 1 / 2)
    _t12 = _t9 + tf.where(_t11, tf.constant(1, x.dtype), tf.constant(0, x.dtype))
    _t13 = -_t5
    _t14 = -_t12 - _t13 - 1
    _t15 = x - _runtime.divided(_t12 * upper + _t14 * lower, tf.constant(_t6, x.dtype))
    _t16 = _t15 * _t7
    _t17 = _t16 - 1 / 2
    _t18 = _t17 * _t2
    _t19 = (1 / 2) * tf.math.exp(_t18) + (1 / 2) * tf.math.exp(-_t18)
    _t20 = 1 / _t19
    _t21 = (1 / 2) * _t2
    _t22 = sinhc(_t21)
    _t23 = 1 / _t22
    _t24 = _t16 * _t2
    _t25 = sinhc_d1(_t24)
    _t26 = _t23 * _t25
    _t27 = _t20 * _t26
    _t28 = 2 * _t2
    _t29 = _t28 * _t7
    _t30 = _t2 * _t2
    _t31 = 1 / (_t3 * _t3)
    _t32 = _t6**2
    _t33 = _t31 * _t32
    _t34 = _t30 * _t33
    _t35 = _t15 * _t20
    _t36 = sinhc_d2(_t24)
    _t37 = _t23 * _t36
    _t38 = sinhc(_t24)
    _t39 = _t23 * _t38
    _t40 = _t34 * _t39
    _t41 = _t30 * _t39
    _t42 = 1 / (_t19 * _t19)
    _t43 = sinhc(_t18)
    _t44 = _t42 * _t43
    _t45 = _t17 * _t44
    _t46 = _t41 * _t45
    _t47 = 2 * _t7
    _t48 = 2 * _t15
    _t49 = _t2 * _t2 * _t2
    _t50 = _t26 * _t49
    _t51 = _t33 * _t48 * _t50
    _t52 = _t17 * _t17
    _t53 = _t39 * _t52
    _t54 = 1 / (_t19 * _t19 * _t19)
    _t55 = _t43 * _t43
    _t56 = _t54 * _t55
    _t57 = _t2 * _t2 * _t2 * _t2
    _t58 = _t33 * _t48 * _t57
    _t59 = tf.math.greater(_t10, 3 / 4)
    _t60 = tf.math.less(_t10, 5 / 4)
    _t61 = _t9 + 1
    _t62 = tf.math.greater(_t10, -1 / 4)
    _t63 = tf.math.less(_t10, 1 / 4)
    _t64 = tf.where(
        _t11,
        tf.math.logical_and(
            tf.math.logical_and(_t59, _t60),
            tf.math.greater_equal(
                x, _runtime.divided(_t61 * upper + lower * (-_t13 - _t9 - 2), tf.constant(_t6, x.dtype))
            ),
        ),
        tf.math.logical_and(
            tf.math.logical_and(_t62, _t63),
            tf.math.greater_equal(x, _runtime.divided(_t9 * upper + lower * (-_t13 - _t61), tf.constant(_t6, x.dtype))),
        ),
    )
    _t65 = _t16 + 1 / 2
    _t66 = _t2 * _t65
    _t67 = (1 / 2) * tf.math.exp(_t66) + (1 / 2) * tf.math.exp(-_t66)
    _t68 = 1 / _t67
    _t69 = _t26 * _t68
    _t70 = _t15 * _t68
    _t71 = 1 / (_t67 * _t67)
    _t72 = sinhc(_t66)
    _t73 = _t71 * _t72
    _t74 = _t65 * _t73
    _t75 = _t41 * _t74
    _t76 = _t65 * _t65
    _t77 = _t39 * _t76
    _t78 = 1 / (_t67 * _t67 * _t67)
    _t79 = _t72 * _t72
    _t80 = _t78 * _t79
    _t81 = tf.where(_t11, tf.math.logical_and(_t59, _t60), tf.math.logical_and(_t62, _t63))
    _t82 = tf.math.floor(_t8)
    _t83 = _t82 + 1 / 2
    _t84 = -_t13 - _t82 - 3 / 2
    _t85 = x - _runtime.divided(_t83 * upper + _t84 * lower, tf.constant(_t6, x.dtype))
    _t86 = _t2 * _t85
    _t87 = _t7 * _t86
    _t88 = tanhc_d1(_t87)
    _t89 = zcoth(_t21)
    _t90 = _t88 * _t89
    _t91 = _t7 * _t90
    _t92 = _t89 * tanhc_d2(_t87)
    _t93 = _t85 * _t92
    _t94 = 1 / (alpha * alpha)
    _t95 = 1 / _t1
    _t96 = _t94 * _t95
    _t97 = _t20 * _t96
    _t98 = sinhc_d1(_t21)
    _t99 = 1 / (_t22 * _t22)
    _t100 = _t38 * _t99
    _t101 = _t100 * _t98
    _t102 = _t101 * _t97
    _t103 = 4 * _t16
    _t104 = _t26 * _t97
    _t105 = _t2 * _t31
    _t106 = 2 * _t105 * _t32
    _t107 = _t15 * _t15
    _t108 = _t107 * _t37
    _t109 = _t106 * _t108
    _t110 = _t25 * _t98 * _t99
    _t111 = _t110 * _t24
    _t112 = _t18 * _t97
    _t113 = 2 * _t16 * _t39
    _t114 = _t28 * _t96
    _t115 = _t114 * _t44 * _t53
    _t116 = _t18 * _t44 * _t96
    _t117 = _t44 * _t52
    _t118 = _t117 * _t96
    _t119 = _t16 * _t30
    _t120 = 2 * _t26
    _t121 = _t119 * _t120
    _t122 = (_t17 * _t17 * _t17) * _t56
    _t123 = 4 * _t39
    _t124 = _t123 * _t49 * _t96
    _t125 = _t124 * _t16
    _t126 = _t107 * _t96
    _t127 = _t120 * _t126 * _t34
    _t128 = _t101 * _t96
    _t129 = _t119 * _t128
    _t130 = _t101 * _t68
    _t131 = _t130 * _t96
    _t132 = _t69 * _t96
    _t133 = _t68 * _t96
    _t134 = _t114 * _t73 * _t77
    _t135 = _t66 * _t96
    _t136 = _t135 * _t73
    _t137 = _t73 * _t76
    _t138 = _t137 * _t96
    _t139 = (_t65 * _t65 * _t65) * _t80
    _t140 = tanhc(_t87)
    _t141 = zcoth_d1(_t21)
    _t142 = _t140 * _t141
    _t143 = _t142 * _t96
    _t144 = 4 * _t7
    _t145 = _t85 * _t90
    _t146 = _t145 * _t96
    _t147 = _t141 * _t88
    _t148 = _t85 * _t85
    _t149 = _t148 * _t96
    _t150 = _t14 * _t4
    _t151 = _t150 * _t2
    _t152 = _t151 * _t26
    _t153 = _t31 * _t6
    _t154 = _t15 * _t153
    _t155 = _t154 * _t2
    _t156 = _t155 * _t27
    _t157 = -_t151 + _t155
    _t158 = -_t150 + _t154
    _t159 = _t158 * _t41
    _t160 = _t159 * _t16
    _t161 = _t154 * _t46
    _t162 = _t158 * _t45
    _t163 = _t16 * _t50
    _t164 = _t157 * _t26
    _t165 = _t119 * _t164
    _t166 = _t155 * _t69
    _t167 = _t154 * _t75
    _t168 = _t158 * _t74
    _t169 = _t2 * _t4
    _t170 = _t169 * _t84
    _t171 = _t153 * _t86
    _t172 = _t171 * _t90
    _t173 = -_t170 + _t171
    _t174 = _t173 * _t90
    _t175 = _t87 * _t92
    _t176 = _t12 * _t4
    _t177 = _t176 * _t2
    _t178 = _t177 * _t26
    _t179 = -_t155 - _t177
    _t180 = -_t154 - _t176
    _t181 = _t180 * _t41
    _t182 = _t16 * _t181
    _t183 = _t180 * _t45
    _t184 = _t179 * _t26
    _t185 = _t119 * _t184
    _t186 = _t180 * _t74
    _t187 = _t169 * _t83
    _t188 = -_t171 - _t187
    _t189 = _t188 * _t90
    _t190 = 1 / ((_t1 * _t1) * (alpha * alpha * alpha * alpha))
    _t191 = _t20 * _t48
    _t192 = _t101 * _t191
    _t193 = _t190 * _t35
    _t194 = _t100 * sinhc_d2(_t21)
    _t195 = _t95 / (alpha * alpha * alpha)
    _t196 = _t190 * _t38 * (_t98 * _t98) / (_t22 * _t22 * _t22)
    _t197 = _t144 * _t190
    _t198 = _t107 * _t27
    _t199 = _t144 * _t195
    _t200 = 4 * _t190
    _t201 = _t200 * _t33
    _t202 = (_t15 * _t15 * _t15) * _t201 * _t37
    _t203 = _t107 * _t110 * _t197
    _t204 = _t123 * _t52
    _t205 = _t204 * _t44
    _t206 = _t15 * _t2
    _t207 = _t190 * _t206
    _t208 = _t195 * _t206
    _t209 = _t15 * _t41
    _t210 = 8 * _t190
    _t211 = _t209 * _t210
    _t212 = _t101 * _t200 * _t206
    _t213 = _t107 * _t2 * _t210 * _t26 * _t7
    _t214 = _t130 * _t48
    _t215 = _t190 * _t70
    _t216 = _t48 * _t68
    _t217 = _t107 * _t69
    _t218 = _t123 * _t76
    _t219 = _t218 * _t73
    _t220 = _t190 * _t85
    _t221 = 2 * _t142
    _t222 = _t148 * _t91
    _t223 = 1 / _t6
    _t224 = _t14 * _t223
    _t225 = 2 * _t153
    _t226 = _t107 * _t225
    _t227 = _t104 * _t226
    _t228 = _t35 * _t96
    _t229 = 4 * _t26
    _t230 = _t150 * _t229
    _t231 = _t110 * _t157
    _t232 = _t108 * _t47
    _t233 = _t157 * _t232
    _t234 = _t158 * _t39
    _t235 = _t234 * _t48
    _t236 = _t124 * _t15
    _t237 = _t158 * _t236
    _t238 = _t15 * _t30
    _t239 = _t128 * _t238
    _t240 = _t126 * _t26 * _t30 * _t47
    _t241 = _t2 * _t48
    _t242 = _t164 * _t241
    _t243 = _t132 * _t226
    _t244 = _t70 * _t96
    _t245 = _t135 * _t216
    _t246 = _t149 * _t225 * _t90
    _t247 = _t173 * _t96
    _t248 = _t147 * _t85
    _t249 = _t148 * _t47 * _t92
    _t250 = _t12 * _t223
    _t251 = _t176 * _t229
    _t252 = _t110 * _t179
    _t253 = _t179 * _t232
    _t254 = _t180 * _t39
    _t255 = _t254 * _t48
    _t256 = _t180 * _t236
    _t257 = _t184 * _t241
    _t258 = _t223 * _t83
    _t259 = _t188 * _t96
    _t260 = _t164 * _t20
    _t261 = 2 * _t224
    _t262 = _t158 * _t158
    _t263 = _t262 * _t41
    _t264 = 2 * _t14 * _t31
    _t265 = _t6 / (_t3 * _t3 * _t3)
    _t266 = _t265 * _t48
    _t267 = _t2 * _t266
    _t268 = -_t2 * _t264 + _t267
    _t269 = _t157 * _t157
    _t270 = _t209 * (-_t264 + _t266)
    _t271 = _t30 * _t48
    _t272 = _t164 * _t271
    _t273 = _t164 * _t68
    _t274 = _t223 * _t84
    _t275 = 2 * _t265 * _t86
    _t276 = _t184 * _t20
    _t277 = _t12 * _t31
    _t278 = _t2 * _t277
    _t279 = _t14 * _t2 * _t31 - _t267 - _t278
    _t280 = _t159 * _t180
    _t281 = _t209 * (_t14 * _t31 - _t266 - _t277)
    _t282 = _t164 * _t238
    _t283 = _t184 * _t238
    _t284 = _t184 * _t68
    _t285 = _t105 * _t83
    _t286 = 2 * _t250
    _t287 = _t180 * _t180
    _t288 = _t287 * _t41
    _t289 = _t267 + 2 * _t278
    _t290 = _t179 * _t179
    _t291 = _t209 * (_t266 + 2 * _t277)
    _t292 = _t184 * _t271
    y_D_x_D_x = tf.where(
        _t0,
        tf.constant(0, x.dtype),
        tf.where(
            _t64,
            _t27 * _t29 + _t34 * _t35 * _t37 - _t35 * _t40 - _t45 * _t51 - _t46 * _t47 + _t53 * _t56 * _t58,
            tf.where(
                _t81,
                _t29 * _t69 + _t34 * _t37 * _t70 - _t40 * _t70 - _t47 * _t75 - _t51 * _t74 + _t58 * _t77 * _t80,
                _t28 * _t91 + _t34 * _t93,
            ),
        ),
    )
    y_D_x_D_alpha = tf.where(
        _t0,
        tf.constant(0, x.dtype),
        tf.where(
            _t64,
            _t102
            - _t103 * _t104
            - _t109 * _t97
            + _t111 * _t97
            + _t112 * _t113
            + _t113 * _t116
            + _t115
            + _t118 * _t121
            - _t122 * _t125
            + _t127 * _t45
            - _t129 * _t45,
            tf.where(
                _t81,
                -_t103 * _t132
                - _t109 * _t133
                + _t111 * _t133
                + _t113 * _t133 * _t66
                + _t113 * _t136
                + _t121 * _t138
                - _t125 * _t139
                + _t127 * _t74
                - _t129 * _t74
                + _t131
                + _t134,
                -_t106 * _t149 * _t92 - _t143 - _t144 * _t146 - _t147 * _t87 * _t96,
            ),
        ),
    )
    y_D_x_D_lower = tf.where(
        _t0,
        tf.constant(0, x.dtype),
        tf.where(
            _t64,
            _t14 * _t17 * _t23 * _t30 * _t38 * _t4 * _t42 * _t43
            + _t15 * _t157 * _t2 * _t20 * _t23 * _t36 * _t4 * _t6
            + 2 * _t15 * _t158 * _t23 * _t38 * _t4 * _t52 * _t54 * _t55 * _t57 * _t6
            - _t152 * _t20
            + _t156
            + _t157 * _t20 * _t23 * _t25
            - _t159 * _t45
            - _t160 * _t20
            - _t161
            - _t162 * _t163
            - _t165 * _t45,
            tf.where(
                _t81,
                _t14 * _t23 * _t30 * _t38 * _t4 * _t65 * _t71 * _t72
                + _t15 * _t157 * _t2 * _t23 * _t36 * _t4 * _t6 * _t68
                + 2 * _t15 * _t158 * _t23 * _t38 * _t4 * _t57 * _t6 * _t76 * _t78 * _t79
                - _t152 * _t68
                + _t157 * _t23 * _t25 * _t68
                - _t159 * _t74
                - _t160 * _t68
                - _t163 * _t168
                - _t165 * _t74
                + _t166
                - _t167,
                -_t170 * _t90 + _t172 + _t173 * _t175 + _t174,
            ),
        ),
    )
    y_D_x_D_upper = tf.where(
        _t0,
        tf.constant(0, x.dtype),
        tf.where(
            _t64,
            _t12 * _t17 * _t23 * _t30 * _t38 * _t4 * _t42 * _t43
            + _t15 * _t179 * _t2 * _t20 * _t23 * _t36 * _t4 * _t6
            + 2 * _t15 * _t180 * _t23 * _t38 * _t4 * _t52 * _t54 * _t55 * _t57 * _t6
            - _t156
            + _t161
            - _t163 * _t183
            - _t178 * _t20
            + _t179 * _t20 * _t23 * _t25
            - _t181 * _t45
            - _t182 * _t20
            - _t185 * _t45,
            tf.where(
                _t81,
                _t12 * _t23 * _t30 * _t38 * _t4 * _t65 * _t71 * _t72
                + _t15 * _t179 * _t2 * _t23 * _t36 * _t4 * _t6 * _t68
                + 2 * _t15 * _t180 * _t23 * _t38 * _t4 * _t57 * _t6 * _t76 * _t78 * _t79
                - _t163 * _t186
                - _t166
                + _t167
                - _t178 * _t68
                + _t179 * _t23 * _t25 * _t68
                - _t181 * _t74
                - _t182 * _t68
                - _t185 * _t74,
                -_t172 + _t175 * _t188 - _t187 * _t90 + _t189,
            ),
        ),
    )
    y_D_alpha_D_alpha = tf.where(
        _t0,
        tf.constant(0, x.dtype),
        tf.where(
            _t64,
            _t117 * _t212
            - _t117 * _t213
            + (_t17 * _t17 * _t17 * _t17) * _t211 * _t56
            + _t190 * _t192
            + _t191 * _t196
            - _t192 * _t195
            - _t193 * _t194
            - _t193 * _t204
            - _t197 * _t198
            + _t198 * _t199
            + _t20 * _t202
            - _t20 * _t203
            + _t205 * _t207
            - _t205 * _t208,
            tf.where(
                _t81,
                _t137 * _t212
                - _t137 * _t213
                + _t190 * _t214
                - _t194 * _t215
                - _t195 * _t214
                + _t196 * _t216
                - _t197 * _t217
                + _t199 * _t217
                + _t202 * _t68
                - _t203 * _t68
                + _t207 * _t219
                - _t208 * _t219
                + _t211 * (_t65 * _t65 * _t65 * _t65) * _t80
                - _t215 * _t218,
                _t140 * _t220 * zcoth_d2(_t21)
                + _t147 * _t148 * _t197
                + _t195 * _t221 * _t85
                + 4 * _t195 * _t222
                - _t200 * _t222
                + _t201 * (_t85 * _t85 * _t85) * _t92
                - _t220 * _t221,
            ),
        ),
    )
    y_D_alpha_D_lower = tf.where(
        _t0,
        tf.constant(0, x.dtype),
        tf.where(
            _t64,
            -_t102 * _t224
            + _t112 * _t235
            - _t115 * _t224
            + _t116 * _t235
            + _t118 * _t242
            - _t122 * _t237
            - _t162 * _t239
            + _t162 * _t240
            - _t227
            + _t228 * _t230
            + _t228 * _t231
            - _t233 * _t97,
            tf.where(
                _t81,
                -_t131 * _t224
                - _t133 * _t233
                - _t134 * _t224
                + _t136 * _t235
                + _t138 * _t242
                - _t139 * _t237
                - _t168 * _t239
                + _t168 * _t240
                + _t230 * _t244
                + _t231 * _t244
                + _t234 * _t245
                - _t243,
                _t140 * _t141 * _t223 * _t84 * _t94 * _t95
                - _t246
                - _t247 * _t248
                - _t247 * _t249
                + 4 * _t4 * _t84 * _t85 * _t88 * _t89 * _t94 * _t95,
            ),
        ),
    )
    y_D_alpha_D_upper = tf.where(
        _t0,
        tf.constant(0, x.dtype),
        tf.where(
            _t64,
            -_t102 * _t250
            + _t112 * _t255
            - _t115 * _t250
            + _t116 * _t255
            + _t118 * _t257
            - _t122 * _t256
            - _t183 * _t239
            + _t183 * _t240
            + _t227
            + _t228 * _t251
            + _t228 * _t252
            - _t253 * _t97,
            tf.where(
                _t81,
                -_t131 * _t250
                - _t133 * _t253
                - _t134 * _t250
                + _t136 * _t255
                + _t138 * _t257
                - _t139 * _t256
                - _t186 * _t239
                + _t186 * _t240
                + _t243
                + _t244 * _t251
                + _t244 * _t252
                + _t245 * _t254,
                _t143 * _t258 + 4 * _t146 * _t4 * _t83 + _t246 - _t248 * _t259 - _t249 * _t259,
            ),
        ),
    )
    y_D_lower_D_lower = tf.where(
        _t0,
        tf.constant(0, x.dtype),
        tf.where(
            _t64,
            2 * _t14 * _t158 * _t17 * _t223 * _t23 * _t30 * _t38 * _t42 * _t43
            + _t15 * _t20 * _t23 * _t25 * _t268
            + _t15 * _t20 * _t23 * _t269 * _t36
            + 2 * _t15 * _t23 * _t262 * _t38 * _t52 * _t54 * _t55 * _t57
            - _t162 * _t272
            - _t260 * _t261
            - _t263 * _t35
            - _t270 * _t45,
            tf.where(
                _t81,
                2 * _t14 * _t158 * _t223 * _t23 * _t30 * _t38 * _t65 * _t71 * _t72
                + _t15 * _t23 * _t25 * _t268 * _t68
                + 2 * _t15 * _t23 * _t262 * _t38 * _t57 * _t76 * _t78 * _t79
                + _t15 * _t23 * _t269 * _t36 * _t68
                - _t168 * _t272
                - _t261 * _t273
                - _t263 * _t70
                - _t270 * _t74,
                _t145 * (-2 * _t105 * _t84 + _t275) + (_t173 * _t173) * _t93 - 2 * _t174 * _t274,
            ),
        ),
    )
    y_D_lower_D_upper = tf.where(
        _t0,
        tf.constant(0, x.dtype),
        tf.where(
            _t64,
            _t12 * _t158 * _t17 * _t223 * _t23 * _t30 * _t38 * _t42 * _t43
            + _t14 * _t17 * _t180 * _t223 * _t23 * _t30 * _t38 * _t42 * _t43
            + _t15 * _t157 * _t179 * _t20 * _t23 * _t36
            + 2 * _t15 * _t158 * _t180 * _t23 * _t38 * _t52 * _t54 * _t55 * _t57
            + _t15 * _t20 * _t23 * _t25 * _t279
            - _t162 * _t283
            - _t183 * _t282
            - _t224 * _t276
            - _t250 * _t260
            - _t280 * _t35
            - _t281 * _t45,
            tf.where(
                _t81,
                _t12 * _t158 * _t223 * _t23 * _t30 * _t38 * _t65 * _t71 * _t72
                + _t14 * _t180 * _t223 * _t23 * _t30 * _t38 * _t65 * _t71 * _t72
                + _t15 * _t157 * _t179 * _t23 * _t36 * _t68
                + 2 * _t15 * _t158 * _t180 * _t23 * _t38 * _t57 * _t76 * _t78 * _t79
                + _t15 * _t23 * _t25 * _t279 * _t68
                - _t168 * _t283
                - _t186 * _t282
                - _t224 * _t284
                - _t250 * _t273
                - _t280 * _t70
                - _t281 * _t74,
                _t145 * (_t2 * _t31 * _t84 - _t275 - _t285) + _t173 * _t188 * _t93 - _t174 * _t258 - _t189 * _t274,
            ),
        ),
    )
    y_D_upper_D_upper = tf.where(
        _t0,
        tf.constant(0, x.dtype),
        tf.where(
            _t64,
            2 * _t12 * _t17 * _t180 * _t223 * _t23 * _t30 * _t38 * _t42 * _t43
            + _t15 * _t20 * _t23 * _t25 * _t289
            + _t15 * _t20 * _t23 * _t290 * _t36
            + 2 * _t15 * _t23 * _t287 * _t38 * _t52 * _t54 * _t55 * _t57
            - _t183 * _t292
            - _t276 * _t286
            - _t288 * _t35
            - _t291 * _t45,
            tf.where(
                _t81,
                2 * _t12 * _t180 * _t223 * _t23 * _t30 * _t38 * _t65 * _t71 * _t72
                + _t15 * _t23 * _t25 * _t289 * _t68
                + 2 * _t15 * _t23 * _t287 * _t38 * _t57 * _t76 * _t78 * _t79
                + _t15 * _t23 * _t290 * _t36 * _t68
                - _t186 * _t292
                - _t284 * _t286
                - _t288 * _t70
                - _t291 * _t74,
                _t145 * (_t275 + 2 * _t285) + (_t188 * _t188) * _t93 - 2 * _t189 * _t258,
            ),
        ),
    )
    return (
        y_D_x_D_x,
        y_D_x_D_alpha,
        y_D_x_D_lower,
        y_D_x_D_upper,
        y_D_alpha_D_alpha,
        y_D_alpha_D_lower,
        y_D_alpha_D_upper,
        y_D_lower_D_lower,
        y_D_lower_D_upper,
        y_D_upper_D_upper,
    ), ()


_OP = _runtime.Op(
    name="dsq_quant",
    params=[
        _runtime.FloatParam("alpha", 0.2, 0.0, 1.0, low_open=True, high_open=True),
        _runtime.IntParam("bits", 4, 1, 16),
        _runtime.FloatParam("lower", -1.0, -float("inf"), float("inf"), low_open=True, high_open=True),
        _runtime.FloatParam("upper", 1.0, -float("inf"), float("inf"), low_open=True, high_open=True),
    ],
    modes=("soft", "ste"),
    hard=_hard,
    hard_xla=None,
    kernels={
        "x": _runtime.Kernels(_value_x, None, _gradient_x, _hessian_x, xla=(None, None)),
        "all": _runtime.Kernels(_value_all, None, _gradient_all, _hessian_all, xla=(None, None)),
    },
)


def dsq_quant(x, alpha=0.2, bits=4, lower=-1.0, upper=1.0, mode="ste", name=None):
    """Differentiable soft quantization: a tanh curve in each of the 2**bits - 1 cells of
        [lower, upper].

    Smooth forward: Piecewise((L, L >= x), (U, U <= x), ((x - divided(L*(2**B - floor((2**B - 1)*(-L
        + x)/(-L + U) + 1/2) - 1) + U*floor((2**B - 1)*(-L + x)/(-L + U) + 1/2), 2**B -
        1))*sinhc((2**B - 1)*(x - divided(L*(2**B - floor((2**B - 1)*(-L + x)/(-L + U) + 1/2) - 1) +
        U*floor((2**B - 1)*(-L + x)/(-L + U) + 1/2), 2**B - 1))*log(-1 + 2/a_dsq)/(-L +
        U))/(cosh(((2**B - 1)*(x - divided(L*(2**B - floor((2**B - 1)*(-L + x)/(-L + U) + 1/2) - 1)
        + U*floor((2**B - 1)*(-L + x)/(-L + U) + 1/2), 2**B - 1))/(-L + U) - 1/2)*log(-1 +
        2/a_dsq))*sinhc(log(-1 + 2/a_dsq)/2)) + divided(L*(2**B - floor((2**B - 1)*(-L + x)/(-L + U)
        + 1/2) - 1) + U*floor((2**B - 1)*(-L + x)/(-L + U) + 1/2), 2**B - 1), ((2**B - 1)*(-L +
        x)/(-L + U) - floor((2**B - 1)*(-L + x)/(-L + U) + 1/2) > -1/4) & ((2**B - 1)*(-L + x)/(-L +
        U) - floor((2**B - 1)*(-L + x)/(-L + U) + 1/2) < 1/4) & (x >= divided(L*(2**B - floor((2**B
        - 1)*(-L + x)/(-L + U) + 1/2) - 1) + U*floor((2**B - 1)*(-L + x)/(-L + U) + 1/2), 2**B -
        1))), ((x - divided(L*(2**B - floor((2**B - 1)*(-L + x)/(-L + U) + 1/2) - 1) + U*floor((2**B
        - 1)*(-L + x)/(-L + U) + 1/2), 2**B - 1))*sinhc((2**B - 1)*(x - divided(L*(2**B -
        floor((2**B - 1)*(-L + x)/(-L + U) + 1/2) - 1) + U*floor((2**B - 1)*(-L + x)/(-L + U) +
        1/2), 2**B - 1))*log(-1 + 2/a_dsq)/(-L + U))/(cosh(((2**B - 1)*(x - divided(L*(2**B -
        floor((2**B - 1)*(-L + x)/(-L + U) + 1/2) - 1) + U*floor((2**B - 1)*(-L + x)/(-L + U) +
        1/2), 2**B - 1))/(-L + U) + 1/2)*log(-1 + 2/a_dsq))*sinhc(log(-1 + 2/a_dsq)/2)) +
        divided(L*(2**B - floor((2**B - 1)*(-L + x)/(-L + U) + 1/2) - 1) + U*floor((2**B - 1)*(-L +
        x)/(-L + U) + 1/2), 2**B - 1), ((2**B - 1)*(-L + x)/(-L + U) - floor((2**B - 1)*(-L + x)/(-L
        + U) + 1/2) > -1/4) & ((2**B - 1)*(-L + x)/(-L + U) - floor((2**B - 1)*(-L + x)/(-L + U) +
        1/2) < 1/4)), ((x - divided(L*(2**B - floor((2**B - 1)*(-L + x)/(-L + U)) - 3/2) +
        U*(floor((2**B - 1)*(-L + x)/(-L + U)) + 1/2), 2**B - 1))*tanhc((2**B - 1)*(x -
        divided(L*(2**B - floor((2**B - 1)*(-L + x)/(-L + U)) - 3/2) + U*(floor((2**B - 1)*(-L +
        x)/(-L + U)) + 1/2), 2**B - 1))*log(-1 + 2/a_dsq)/(-L + U))*zcoth(log(-1 + 2/a_dsq)/2) +
        divided(L*(2**B - floor((2**B - 1)*(-L + x)/(-L + U)) - 3/2) + U*(floor((2**B - 1)*(-L +
        x)/(-L + U)) + 1/2), 2**B - 1), True))
    Hard function: Piecewise((lower, lower >= x), (upper, upper <= x), ((lower*(2**bits -
        round((2**bits - 1)*(-lower + x)/(-lower + upper)) - 1) + upper*round((2**bits - 1)*(-lower
        + x)/(-lower + upper)))/(2**bits - 1), True))
        round(u): round half to even (as tf.round, jnp.round and torch.round).
      with a_dsq = alpha, B = bits, L = lower, U = upper

    Args:
        x: float16, bfloat16, float32 or float64 tensor.
        alpha: DSQ's characteristic variable: small is close to round; float or float tensor
            broadcasting with x (differentiable), in (0, 1), default 0.2.
        bits: bit width: 2**bits levels on [lower, upper]; a Python int in [1, 16], default 4.
        lower: lowest level (below upper); float or float tensor broadcasting with x
            (differentiable), in (-inf, inf), default -1.0.
        upper: highest level (above lower); float or float tensor broadcasting with x
            (differentiable), in (-inf, inf), default 1.0.
        mode: "soft" (smooth forward, exact derivative) or "ste" (hard forward, the smooth
            derivative as gradient); default "ste".
        name: optional name scope.

    Returns:
        A tensor of x's dtype and the broadcast shape of x and the parameters.

    Source: Gong et al. 2019, Differentiable Soft Quantization (DSQ).
    """
    return _OP(x, {"alpha": alpha, "bits": bits, "lower": lower, "upper": upper}, mode, name)
