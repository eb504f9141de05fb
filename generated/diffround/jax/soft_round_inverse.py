# Generated from template templates/jax/op.py.jinja and spec derive/catalog.py:soft_round_inverse.
# Do NOT modify by hand: edit the spec or the template, then run
#     python scripts/regenerate_ops.py
"""soft_round_inverse: m + atanh(2*r*tanh(alpha/2))/alpha, m = floor(x) + 1/2, r = x - m: the inverse of soft_round."""

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


def atanhc_small_d1(z):
    """First derivative of atanh(z)/z, |z| < 1/2 (callers keep it there): its Taylor series, odd."""
    if z.dtype == jnp.float64:
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
    if z.dtype == jnp.float64:
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


def tanhc_d1(z):
    """First derivative of tanh(z)/z: its Taylor series, odd for |z| < pi/4, the direct form beyond."""
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
    inside = jnp.less(jnp.abs(z), (1 / 4) * 3.1415926535897932)
    z = jnp.where(inside, z + (1 / 2) * 3.1415926535897932, z)
    _d0 = jnp.exp(-2 * jnp.abs(z))
    return jnp.where(inside, series, 4 * _d0 / (z * ((_d0 + 1) * (_d0 + 1))) - jnp.tanh(z) / (z * z))


def tanhc_d2(z):
    """Second derivative of tanh(z)/z: its Taylor series for |z| < pi/4, the direct form beyond."""
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
    inside = jnp.less(jnp.abs(z), (1 / 4) * 3.1415926535897932)
    z = jnp.where(inside, z + (1 / 2) * 3.1415926535897932, z)
    _d0 = 1 / z
    _d1 = jnp.tanh(z)
    _d2 = jnp.exp(-2 * jnp.abs(z))
    _d3 = 4 * _d2 / ((_d2 + 1) * (_d2 + 1))
    return jnp.where(inside, series, 2 * _d0 * (-_d0 * _d3 - _d1 * _d3 + _d1 / (z * z)))


def _value_x(x, alpha):
    _n = jnp.round(x)
    _r = -_n + x
    _t0 = jnp.round(_r)
    _t1 = _r - _t0
    _t2 = jnp.greater_equal(_t1, 1 / 2)
    _t3 = jnp.where(_t2, jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype))
    _t4 = sinhc(alpha)
    _t5 = -_r + _t0
    _t6 = _t3 + _t5
    _t7 = -_t6
    _t8 = jnp.less(alpha, 80)
    _t9 = jnp.equal(_t1, 1)
    _t10 = jnp.equal(_t1, 0)
    _t11 = jnp.where(_t2, jnp.logical_and(_t8, _t9), jnp.logical_and(_t10, _t8))
    _t12 = jnp.where(_t2, _t9, _t10)
    _t13 = (1 / 2) * alpha
    _t14 = tanhc(_t13)
    _t15 = jnp.abs(_t6)
    _t16 = _t14 * alpha
    _t17 = -alpha
    _t18 = jnp.exp(_t17)
    _t19 = _t18 / ((_t18 + 1) * (_t18 + 1))
    _t20 = jnp.tanh(_t13)
    _t21 = _t20 * _t20
    _t22 = 2 * _t15
    _t23 = _t21 * _t22
    _t24 = 4 * _t19 + _t23
    _t25 = 1 / _t24
    _t26 = _runtime.multiply_no_nan(_t15 * _t16, _t25)
    _t27 = _t14 * atanhc_small(_t26)
    _t28 = _t27 * _t7
    _t29 = jnp.less(alpha, 40)
    _t30 = jnp.abs(_t5 + 1)
    _t31 = (1 / 2) * _t21
    _t32 = jnp.abs(_t1)
    _t33 = jnp.where(
        _t2,
        jnp.logical_and(jnp.logical_and(_t29, jnp.less(_t30, 1 / 4)), jnp.less(_t20 * _t30, _t19 + _t30 * _t31)),
        jnp.logical_and(jnp.logical_and(_t29, jnp.less(_t32, 1 / 4)), jnp.less(_t20 * _t32, _t19 + _t31 * _t32)),
    )
    _t34 = jnp.sign(_t7)
    _t35 = 1 / 2 - _t15
    _t36 = _t20 * (1 - _t22)
    _t37 = _t14 * atanhc_small(_t36)
    _t38 = jnp.where(_t2, jnp.greater_equal(_t30, 1 / 4), jnp.greater_equal(_t32, 1 / 4))
    _t39 = jnp.exp(alpha)
    _t40 = 1 - _t18
    _t41 = _t15 * _t40
    _t42 = 1 - _t41
    _t43 = 1 - jnp.exp(-2 * alpha)
    _t44 = _t43 / _t42
    _t45 = _t15 * _t44
    _t46 = (1 / 2) / alpha
    _t47 = _t34 * _t46
    _t48 = 1 / 2 - 1 / 4 * tanhc((1 / 4) * alpha) / _t14
    _t49 = jnp.greater_equal(alpha, 40)
    _t50 = _t39 * _t43
    _t51 = jnp.where(
        _t2,
        jnp.logical_and(_t49, jnp.greater(alpha, 2 * jnp.log1p(_t30 * _t50 / (-_t30 * _t40 + 1)))),
        jnp.logical_and(_t49, jnp.greater(alpha, 2 * jnp.log1p(_t32 * _t50 / (-_t32 * _t40 + 1)))),
    )
    _t52 = _t20 * _t22 + 2 * jax.nn.sigmoid(_t17)
    y = (
        _n
        + _t0
        + _t3
        + jnp.where(
            _t11,
            _t4 * _t7,
            jnp.where(
                _t12,
                346288899024594378285698337239478.8307804 * _r
                - 346288899024594378285698337239478.8307804 * _t0
                - 346288899024594378285698337239478.8307804 * _t3,
                jnp.where(
                    _t33,
                    _runtime.multiply_no_nan(_t28, _t25),
                    jnp.where(
                        _t38,
                        _t34 * (-_t35 * _t37 + 1 / 2),
                        jnp.where(
                            jnp.logical_or(_t51, jnp.where(_t2, jnp.less(_t30, _t48), jnp.less(_t32, _t48))),
                            _t47 * jnp.log1p(_t39 * _t45),
                            _t34 * (-_t46 * (-jnp.log(_t52) + jnp.log1p(_t36)) + 1 / 2),
                        ),
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
    _t3 = jnp.less(alpha, 80)
    _t4 = jnp.equal(_t1, 1)
    _t5 = jnp.equal(_t1, 0)
    _t6 = (1 / 2) * alpha
    _t7 = tanhc(_t6)
    _t8 = -_r + _t0
    _t9 = _t8 + jnp.where(_t2, jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype))
    _t10 = jnp.abs(_t9)
    _t11 = _t7 * alpha
    _t12 = -alpha
    _t13 = jnp.exp(_t12)
    _t14 = _t13 / ((_t13 + 1) * (_t13 + 1))
    _t15 = jnp.tanh(_t6)
    _t16 = _t15 * _t15
    _t17 = 2 * _t10
    _t18 = _t16 * _t17
    _t19 = 4 * _t14 + _t18
    _t20 = 1 / _t19
    _t21 = _runtime.multiply_no_nan(_t10 * _t11, _t20)
    _t22 = _t7 * atanhc_small(_t21)
    _t23 = -_t9
    _t24 = jnp.sign(_t9)
    _t25 = 2 * _t24
    _t26 = 1 / (_t19 * _t19)
    _t27 = _t11 * _t24
    _t28 = jnp.less(alpha, 40)
    _t29 = jnp.abs(_t8 + 1)
    _t30 = (1 / 2) * _t16
    _t31 = jnp.abs(_t1)
    _t32 = jnp.sign(_t23)
    _t33 = _t15 * (1 - _t17)
    _t34 = _t24 * _t7
    _t35 = 1 - _t13
    _t36 = _t10 * _t35
    _t37 = 1 - _t36
    _t38 = 1 - jnp.exp(-2 * alpha)
    _t39 = _t38 / _t37
    _t40 = (1 / 2) * _t32 / alpha
    _t41 = jnp.greater_equal(alpha, 40)
    _t42 = _t38 * jnp.exp(alpha)
    _t43 = _t15 * _t25
    y_D_x = jnp.where(
        jnp.where(_t2, jnp.logical_and(_t3, _t4), jnp.logical_and(_t3, _t5)),
        sinhc(alpha),
        jnp.where(
            jnp.where(_t2, _t4, _t5),
            jnp.asarray(346288899024594378285698337239478.8307804, x.dtype),
            jnp.where(
                jnp.where(
                    _t2,
                    jnp.logical_and(
                        jnp.logical_and(_t28, jnp.less(_t29, 1 / 4)), jnp.less(_t15 * _t29, _t14 + _t29 * _t30)
                    ),
                    jnp.logical_and(
                        jnp.logical_and(_t28, jnp.less(_t31, 1 / 4)), jnp.less(_t15 * _t31, _t14 + _t30 * _t31)
                    ),
                ),
                _runtime.multiply_no_nan(_t22, _t20)
                + _runtime.multiply_no_nan(_t16 * _t22 * _t23 * _t25, _t26)
                + _runtime.multiply_no_nan(
                    _t23
                    * _t7
                    * (_runtime.multiply_no_nan(-_t27, _t20) + _runtime.multiply_no_nan(_t18 * _t27, _t26))
                    * atanhc_small_d1(_t21),
                    _t20,
                ),
                jnp.where(
                    jnp.where(_t2, jnp.greater_equal(_t29, 1 / 4), jnp.greater_equal(_t31, 1 / 4)),
                    _t32 * (-2 * _t15 * _t34 * (1 / 2 - _t10) * atanhc_small_d1(_t33) - _t34 * atanhc_small(_t33)),
                    jnp.where(
                        jnp.where(
                            _t2,
                            jnp.logical_and(_t41, jnp.greater(alpha, 2 * jnp.log1p(_t29 * _t42 / (-_t29 * _t35 + 1)))),
                            jnp.logical_and(_t41, jnp.greater(alpha, 2 * jnp.log1p(_t31 * _t42 / (-_t31 * _t35 + 1)))),
                        ),
                        _t40 * (-_t24 * _t36 * _t38 / (_t37 * _t37) - _t24 * _t39) / (_t10 * _t39 + _t13),
                        -_t40 * (_t43 / (_t15 * _t17 + 2 * jax.nn.sigmoid(_t12)) + _t43 / (_t33 + 1)),
                    ),
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
    _t4 = jnp.less(alpha, 80)
    _t5 = jnp.equal(_t1, 0)
    _t6 = (1 / 2) * alpha
    _t7 = tanhc(_t6)
    _t8 = -_r + _t0
    _t9 = _t8 + jnp.where(_t2, jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype))
    _t10 = jnp.abs(_t9)
    _t11 = _t7 * alpha
    _t12 = _t10 * _t11
    _t13 = -alpha
    _t14 = jnp.exp(_t13)
    _t15 = _t14 / ((_t14 + 1) * (_t14 + 1))
    _t16 = jnp.tanh(_t6)
    _t17 = _t16 * _t16
    _t18 = 2 * _t10
    _t19 = _t17 * _t18
    _t20 = 4 * _t15 + _t19
    _t21 = 1 / _t20
    _t22 = _runtime.multiply_no_nan(_t12, _t21)
    _t23 = atanhc_small(_t22)
    _t24 = jnp.sign(_t9)
    _t25 = 4 * _t17
    _t26 = _t24 * _t25
    _t27 = 1 / (_t20 * _t20)
    _t28 = -_t9
    _t29 = _t28 * _t7
    _t30 = _t24 * _t24
    _t31 = 8 * (_t16 * _t16 * _t16 * _t16) * _t30
    _t32 = 1 / (_t20 * _t20 * _t20)
    _t33 = _t11 * _t24
    _t34 = _runtime.multiply_no_nan(-_t33, _t21) + _runtime.multiply_no_nan(_t19 * _t33, _t27)
    _t35 = atanhc_small_d1(_t22)
    _t36 = _t34 * _t35
    _t37 = _t25 * _t30
    _t38 = jnp.less(alpha, 40)
    _t39 = jnp.abs(_t8 + 1)
    _t40 = (1 / 2) * _t17
    _t41 = jnp.abs(_t1)
    _t42 = jnp.sign(_t28)
    _t43 = _t16 * (1 - _t18)
    _t44 = 1 - _t14
    _t45 = _t10 * _t44
    _t46 = 1 - _t45
    _t47 = 1 - jnp.exp(-2 * alpha)
    _t48 = _t47 / _t46
    _t49 = _t10 * _t48 + _t14
    _t50 = _t47 / (_t46 * _t46)
    _t51 = (1 / 2) * _t42 / alpha
    _t52 = _t24 * _t45 * _t50 + _t24 * _t48
    _t53 = jnp.greater_equal(alpha, 40)
    _t54 = _t47 * jnp.exp(alpha)
    y_D_x_D_x = jnp.where(
        jnp.where(_t2, jnp.logical_and(_t3, jnp.logical_or(_t3, _t4)), jnp.logical_and(_t5, jnp.logical_or(_t4, _t5))),
        jnp.asarray(0, x.dtype),
        jnp.where(
            jnp.where(
                _t2,
                jnp.logical_and(
                    jnp.logical_and(_t38, jnp.less(_t39, 1 / 4)), jnp.less(_t16 * _t39, _t15 + _t39 * _t40)
                ),
                jnp.logical_and(
                    jnp.logical_and(_t38, jnp.less(_t41, 1 / 4)), jnp.less(_t16 * _t41, _t15 + _t40 * _t41)
                ),
            ),
            _runtime.multiply_no_nan(_t29 * atanhc_small_d2(_t22), _t21 * (_t34 * _t34))
            + _runtime.multiply_no_nan(2 * _t36 * _t7, _t21)
            + _runtime.multiply_no_nan(_t23 * _t26 * _t7, _t27)
            + _runtime.multiply_no_nan(_t23 * _t29 * _t31, _t32)
            + _runtime.multiply_no_nan(_t26 * _t29 * _t36, _t27)
            + _runtime.multiply_no_nan(
                _t29
                * _t35
                * (_runtime.multiply_no_nan(-_t11 * _t37, _t27) + _runtime.multiply_no_nan(_t12 * _t31, _t32)),
                _t21,
            ),
            jnp.where(
                jnp.where(_t2, jnp.greater_equal(_t39, 1 / 4), jnp.greater_equal(_t41, 1 / 4)),
                _t42
                * (
                    -4 * _t16 * _t30 * _t7 * atanhc_small_d1(_t43) - _t37 * _t7 * (1 / 2 - _t10) * atanhc_small_d2(_t43)
                ),
                jnp.where(
                    jnp.where(
                        _t2,
                        jnp.logical_and(_t53, jnp.greater(alpha, 2 * jnp.log1p(_t39 * _t54 / (-_t39 * _t44 + 1)))),
                        jnp.logical_and(_t53, jnp.greater(alpha, 2 * jnp.log1p(_t41 * _t54 / (-_t41 * _t44 + 1)))),
                    ),
                    _t51 * (_t18 * _t30 * (_t44 * _t44) * _t47 / (_t46 * _t46 * _t46) + 2 * _t30 * _t44 * _t50) / _t49
                    - _t51 * (_t52 * _t52) / (_t49 * _t49),
                    -_t51
                    * (
                        _t37 / ((_t16 * _t18 + 2 * jax.nn.sigmoid(_t13)) * (_t16 * _t18 + 2 * jax.nn.sigmoid(_t13)))
                        - _t37 / ((_t43 + 1) * (_t43 + 1))
                    ),
                ),
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
    _t5 = -_r + _t0
    _t6 = _t3 + _t5
    _t7 = -_t6
    _t8 = jnp.less(alpha, 80)
    _t9 = jnp.equal(_t1, 1)
    _t10 = jnp.equal(_t1, 0)
    _t11 = jnp.where(_t2, jnp.logical_and(_t8, _t9), jnp.logical_and(_t10, _t8))
    _t12 = jnp.where(_t2, _t9, _t10)
    _t13 = (1 / 2) * alpha
    _t14 = tanhc(_t13)
    _t15 = jnp.abs(_t6)
    _t16 = _t14 * _t15
    _t17 = _t16 * alpha
    _t18 = -alpha
    _t19 = jnp.exp(_t18)
    _t20 = _t19 / ((_t19 + 1) * (_t19 + 1))
    _t21 = jnp.tanh(_t13)
    _t22 = _t21 * _t21
    _t23 = 2 * _t15
    _t24 = _t22 * _t23
    _t25 = 4 * _t20 + _t24
    _t26 = 1 / _t25
    _t27 = _runtime.multiply_no_nan(_t17, _t26)
    _t28 = atanhc_small(_t27)
    _t29 = _t14 * _t28
    _t30 = _t29 * _t7
    _t31 = jnp.less(alpha, 40)
    _t32 = jnp.abs(_t5 + 1)
    _t33 = (1 / 2) * _t22
    _t34 = jnp.abs(_t1)
    _t35 = jnp.where(
        _t2,
        jnp.logical_and(jnp.logical_and(_t31, jnp.less(_t32, 1 / 4)), jnp.less(_t21 * _t32, _t20 + _t32 * _t33)),
        jnp.logical_and(jnp.logical_and(_t31, jnp.less(_t34, 1 / 4)), jnp.less(_t21 * _t34, _t20 + _t33 * _t34)),
    )
    _t36 = jnp.sign(_t7)
    _t37 = 1 / 2 - _t15
    _t38 = 1 - _t23
    _t39 = _t21 * _t38
    _t40 = atanhc_small(_t39)
    _t41 = _t14 * _t40
    _t42 = jnp.where(_t2, jnp.greater_equal(_t32, 1 / 4), jnp.greater_equal(_t34, 1 / 4))
    _t43 = jnp.exp(alpha)
    _t44 = 1 - _t19
    _t45 = _t15 * _t44
    _t46 = 1 - _t45
    _t47 = 1 / _t46
    _t48 = jnp.exp(-2 * alpha)
    _t49 = 1 - _t48
    _t50 = _t47 * _t49
    _t51 = _t15 * _t50
    _t52 = jnp.log1p(_t43 * _t51)
    _t53 = 1 / alpha
    _t54 = (1 / 2) * _t53
    _t55 = _t36 * _t54
    _t56 = 1 / 2 - 1 / 4 * tanhc((1 / 4) * alpha) / _t14
    _t57 = jnp.greater_equal(alpha, 40)
    _t58 = _t43 * _t49
    _t59 = jnp.where(
        _t2,
        jnp.logical_and(_t57, jnp.greater(alpha, 2 * jnp.log1p(_t32 * _t58 / (-_t32 * _t44 + 1)))),
        jnp.logical_and(_t57, jnp.greater(alpha, 2 * jnp.log1p(_t34 * _t58 / (-_t34 * _t44 + 1)))),
    )
    _t60 = _t21 * _t23 + 2 * jax.nn.sigmoid(_t18)
    _t61 = -1 / 2 * jnp.log(_t60) + (1 / 2) * jnp.log1p(_t39)
    y = (
        _n
        + _t0
        + _t3
        + jnp.where(
            _t11,
            _t4 * _t7,
            jnp.where(
                _t12,
                346288899024594378285698337239478.8307804 * _r
                - 346288899024594378285698337239478.8307804 * _t0
                - 346288899024594378285698337239478.8307804 * _t3,
                jnp.where(
                    _t35,
                    _runtime.multiply_no_nan(_t30, _t26),
                    jnp.where(
                        _t42,
                        _t36 * (-_t37 * _t41 + 1 / 2),
                        jnp.where(
                            jnp.logical_or(_t59, jnp.where(_t2, jnp.less(_t32, _t56), jnp.less(_t34, _t56))),
                            _t52 * _t55,
                            _t36 * (-_t53 * _t61 + 1 / 2),
                        ),
                    ),
                ),
            ),
        )
    )
    return (y,), ()


def _gradient_all(x, alpha):
    _n = jnp.round(x)
    _r = -_n + x
    _t0 = jnp.round(_r)
    _t1 = _r - _t0
    _t2 = jnp.greater_equal(_t1, 1 / 2)
    _t3 = jnp.less(alpha, 80)
    _t4 = jnp.equal(_t1, 1)
    _t5 = jnp.equal(_t1, 0)
    _t6 = jnp.where(_t2, jnp.logical_and(_t3, _t4), jnp.logical_and(_t3, _t5))
    _t7 = jnp.where(_t2, _t4, _t5)
    _t8 = (1 / 2) * alpha
    _t9 = tanhc(_t8)
    _t10 = -_r + _t0
    _t11 = _t10 + jnp.where(_t2, jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype))
    _t12 = jnp.abs(_t11)
    _t13 = _t12 * _t9
    _t14 = _t13 * alpha
    _t15 = -alpha
    _t16 = jnp.exp(_t15)
    _t17 = _t16 / ((_t16 + 1) * (_t16 + 1))
    _t18 = jnp.tanh(_t8)
    _t19 = _t18 * _t18
    _t20 = 2 * _t12
    _t21 = _t19 * _t20
    _t22 = 4 * _t17 + _t21
    _t23 = 1 / _t22
    _t24 = _runtime.multiply_no_nan(_t14, _t23)
    _t25 = atanhc_small(_t24)
    _t26 = _t25 * _t9
    _t27 = jnp.sign(_t11)
    _t28 = -_t11
    _t29 = _t26 * _t28
    _t30 = 1 / (_t22 * _t22)
    _t31 = _t27 * _t9
    _t32 = _t31 * alpha
    _t33 = _t28 * _t9 * atanhc_small_d1(_t24)
    _t34 = jnp.less(alpha, 40)
    _t35 = jnp.abs(_t10 + 1)
    _t36 = (1 / 2) * _t19
    _t37 = jnp.abs(_t1)
    _t38 = jnp.where(
        _t2,
        jnp.logical_and(jnp.logical_and(_t34, jnp.less(_t35, 1 / 4)), jnp.less(_t18 * _t35, _t17 + _t35 * _t36)),
        jnp.logical_and(jnp.logical_and(_t34, jnp.less(_t37, 1 / 4)), jnp.less(_t18 * _t37, _t17 + _t36 * _t37)),
    )
    _t39 = jnp.sign(_t28)
    _t40 = 1 - _t20
    _t41 = _t18 * _t40
    _t42 = atanhc_small(_t41)
    _t43 = 1 / 2 - _t12
    _t44 = 2 * _t43 * atanhc_small_d1(_t41)
    _t45 = jnp.where(_t2, jnp.greater_equal(_t35, 1 / 4), jnp.greater_equal(_t37, 1 / 4))
    _t46 = 1 - _t16
    _t47 = _t12 * _t46
    _t48 = 1 - _t47
    _t49 = 1 / _t48
    _t50 = jnp.exp(-2 * alpha)
    _t51 = 1 - _t50
    _t52 = _t49 * _t51
    _t53 = _t12 * _t52
    _t54 = 1 / (_t16 + _t53)
    _t55 = _t51 / (_t48 * _t48)
    _t56 = (1 / 2) / alpha
    _t57 = _t39 * _t56
    _t58 = jnp.greater_equal(alpha, 40)
    _t59 = jnp.exp(alpha)
    _t60 = _t51 * _t59
    _t61 = jnp.where(
        _t2,
        jnp.logical_and(_t58, jnp.greater(alpha, 2 * jnp.log1p(_t35 * _t60 / (-_t35 * _t46 + 1)))),
        jnp.logical_and(_t58, jnp.greater(alpha, 2 * jnp.log1p(_t37 * _t60 / (-_t37 * _t46 + 1)))),
    )
    _t62 = 2 / (_t41 + 1)
    _t63 = _t18 * _t27
    _t64 = _t18 * _t20 + 2 * jax.nn.sigmoid(_t15)
    _t65 = 1 / _t64
    _t66 = tanhc_d1(_t8)
    _t67 = (1 / 2) * _t66
    _t68 = -8 * _t12 * _t18 + 4 * _t18
    _t69 = _t17 * _t30
    _t70 = (1 / 2) / (alpha * alpha)
    y_D_x = jnp.where(
        _t6,
        sinhc(alpha),
        jnp.where(
            _t7,
            jnp.asarray(346288899024594378285698337239478.8307804, x.dtype),
            jnp.where(
                _t38,
                _runtime.multiply_no_nan(_t26, _t23)
                + _runtime.multiply_no_nan(
                    _t33 * (_runtime.multiply_no_nan(-_t32, _t23) + _runtime.multiply_no_nan(_t21 * _t32, _t30)), _t23
                )
                + _runtime.multiply_no_nan(2 * _t19 * _t27 * _t29, _t30),
                jnp.where(
                    _t45,
                    _t39 * (-_t18 * _t31 * _t44 - _t31 * _t42),
                    jnp.where(
                        _t61, _t54 * _t57 * (-_t27 * _t47 * _t55 - _t27 * _t52), -_t57 * (_t62 * _t63 + 2 * _t63 * _t65)
                    ),
                ),
            ),
        ),
    )
    y_D_alpha = jnp.where(
        _t6,
        _t28 * sinhc_d1(alpha),
        jnp.where(
            _t7,
            jnp.asarray(0, x.dtype),
            jnp.where(
                _t38,
                _runtime.multiply_no_nan(_t29 * _t68, _t69)
                + _runtime.multiply_no_nan(
                    _t33
                    * (
                        _runtime.multiply_no_nan(_t13, _t23)
                        + _runtime.multiply_no_nan(_t14 * _t68, _t69)
                        + _runtime.multiply_no_nan(_t12 * _t66 * _t8, _t23)
                    ),
                    _t23,
                )
                + _runtime.multiply_no_nan(_t25 * _t28 * _t67, _t23),
                jnp.where(
                    _t45,
                    _t39
                    * (
                        -_t42 * _t43 * _t67
                        + jnp.where(jnp.equal(_t16, 0), jnp.asarray(0, x.dtype), (-_t40 * _t44 * _t9) * _t17)
                    ),
                    jnp.where(
                        _t61,
                        -_t39 * _t70 * jnp.log1p(_t53 * _t59)
                        + _t57 * (_t53 * _t54 + _t54 * ((_t11 * _t11) * _t16 * _t55 + _t20 * _t49 * _t50)),
                        _t39
                        * (
                            _t70 * (-jnp.log(_t64) + jnp.log1p(_t41))
                            + jnp.where(
                                jnp.equal(_t16, 0),
                                jnp.asarray(0, x.dtype),
                                (-_t56 * (_t40 * _t62 - _t65 * (4 * _t12 - 2))) * _t17,
                            )
                        ),
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
    _t4 = jnp.less(alpha, 80)
    _t5 = jnp.equal(_t1, 0)
    _t6 = (1 / 2) * alpha
    _t7 = tanhc(_t6)
    _t8 = -_r + _t0
    _t9 = _t8 + jnp.where(_t2, jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype))
    _t10 = jnp.abs(_t9)
    _t11 = _t10 * _t7
    _t12 = _t11 * alpha
    _t13 = -alpha
    _t14 = jnp.exp(_t13)
    _t15 = _t14 + 1
    _t16 = _t14 / (_t15 * _t15)
    _t17 = jnp.tanh(_t6)
    _t18 = _t17 * _t17
    _t19 = 2 * _t10
    _t20 = _t18 * _t19
    _t21 = 4 * _t16 + _t20
    _t22 = 1 / _t21
    _t23 = _runtime.multiply_no_nan(_t12, _t22)
    _t24 = atanhc_small(_t23)
    _t25 = jnp.sign(_t9)
    _t26 = _t25 * _t7
    _t27 = 4 * _t18
    _t28 = _t26 * _t27
    _t29 = 1 / (_t21 * _t21)
    _t30 = -_t9
    _t31 = _t30 * _t7
    _t32 = _t24 * _t31
    _t33 = _t25 * _t25
    _t34 = 8 * (_t17 * _t17 * _t17 * _t17) * _t33
    _t35 = 1 / (_t21 * _t21 * _t21)
    _t36 = _t26 * alpha
    _t37 = _t20 * _t36
    _t38 = _runtime.multiply_no_nan(-_t36, _t22) + _runtime.multiply_no_nan(_t37, _t29)
    _t39 = atanhc_small_d1(_t23)
    _t40 = _t39 * _t7
    _t41 = _t31 * atanhc_small_d2(_t23)
    _t42 = _t27 * _t33
    _t43 = _t42 * _t7
    _t44 = _t31 * _t39
    _t45 = _t30 * _t39
    _t46 = _t38 * _t45
    _t47 = jnp.less(alpha, 40)
    _t48 = jnp.abs(_t8 + 1)
    _t49 = (1 / 2) * _t18
    _t50 = jnp.abs(_t1)
    _t51 = jnp.where(
        _t2,
        jnp.logical_and(jnp.logical_and(_t47, jnp.less(_t48, 1 / 4)), jnp.less(_t17 * _t48, _t16 + _t48 * _t49)),
        jnp.logical_and(jnp.logical_and(_t47, jnp.less(_t50, 1 / 4)), jnp.less(_t17 * _t50, _t16 + _t49 * _t50)),
    )
    _t52 = jnp.sign(_t30)
    _t53 = 4 * _t17
    _t54 = 1 - _t19
    _t55 = _t17 * _t54
    _t56 = atanhc_small_d1(_t55)
    _t57 = _t56 * _t7
    _t58 = 1 / 2 - _t10
    _t59 = _t58 * atanhc_small_d2(_t55)
    _t60 = jnp.where(_t2, jnp.greater_equal(_t48, 1 / 4), jnp.greater_equal(_t50, 1 / 4))
    _t61 = -_t14
    _t62 = _t61 + 1
    _t63 = jnp.exp(-2 * alpha)
    _t64 = 1 - _t63
    _t65 = _t10 * _t62
    _t66 = 1 - _t65
    _t67 = 1 / (_t66 * _t66)
    _t68 = _t64 * _t67
    _t69 = 1 / (_t66 * _t66 * _t66)
    _t70 = 1 / _t66
    _t71 = _t64 * _t70
    _t72 = _t10 * _t71
    _t73 = _t14 + _t72
    _t74 = 1 / _t73
    _t75 = (1 / 2) / alpha
    _t76 = _t52 * _t75
    _t77 = _t74 * _t76
    _t78 = 1 / (_t73 * _t73)
    _t79 = _t25 * _t65 * _t68 + _t25 * _t71
    _t80 = -_t79
    _t81 = _t76 * _t80
    _t82 = jnp.greater_equal(alpha, 40)
    _t83 = jnp.exp(alpha)
    _t84 = _t64 * _t83
    _t85 = jnp.where(
        _t2,
        jnp.logical_and(_t82, jnp.greater(alpha, 2 * jnp.log1p(_t48 * _t84 / (-_t48 * _t62 + 1)))),
        jnp.logical_and(_t82, jnp.greater(alpha, 2 * jnp.log1p(_t50 * _t84 / (-_t50 * _t62 + 1)))),
    )
    _t86 = _t55 + 1
    _t87 = 1 / (_t86 * _t86)
    _t88 = _t17 * _t19 + 2 * jax.nn.sigmoid(_t13)
    _t89 = 1 / (_t88 * _t88)
    _t90 = jnp.where(_t2, jnp.logical_and(_t3, _t4), jnp.logical_and(_t4, _t5))
    _t91 = jnp.where(_t2, _t3, _t5)
    _t92 = tanhc_d1(_t6)
    _t93 = (1 / 2) * _t92
    _t94 = _t25 * _t92
    _t95 = _t24 * _t30
    _t96 = _t18 * _t95
    _t97 = _t10 * _t92
    _t98 = 8 * _t17
    _t99 = -_t10 * _t98 + 4 * _t17
    _t100 = _t12 * _t99
    _t101 = (
        _runtime.multiply_no_nan(_t100, _t16 * _t29)
        + _runtime.multiply_no_nan(_t11, _t22)
        + _runtime.multiply_no_nan(_t6 * _t97, _t22)
    )
    _t102 = _t101 * _t45
    _t103 = 2 * _t26
    _t104 = _t97 * alpha
    _t105 = 16 * _t10
    _t106 = -_t105 * _t17 + 8 * _t17
    _t107 = _t7 * _t99
    _t108 = _t44 * _t99
    _t109 = atanhc_small(_t55)
    _t110 = _t56 * _t58
    _t111 = 4 * _t26
    _t112 = 2 * _t54
    _t113 = 1 / (alpha * alpha)
    _t114 = _t113 * _t52
    _t115 = (1 / 2) * _t114
    _t116 = _t63 * _t70
    _t117 = _t116 * _t19
    _t118 = _t9 * _t9
    _t119 = _t14 * _t64
    _t120 = _t118 * _t119 * _t67
    _t121 = _t117 + _t120
    _t122 = _t78 * (-_t121 - _t61)
    _t123 = 2 * _t25
    _t124 = _t19 * _t25 * _t67
    _t125 = 1 / _t86
    _t126 = 2 * _t17 * _t25
    _t127 = 1 / _t88
    _t128 = 4 * _t25
    _t129 = 4 * _t10
    _t130 = _t129 - 2
    _t131 = -_t130 * _t89
    _t132 = (1 / 4) * tanhc_d2(_t6)
    _t133 = _t63 / (_t15 * _t15 * _t15 * _t15)
    _t134 = _t133 * _t35
    _t135 = jnp.where(jnp.equal(_t63, 0), jnp.asarray(0, x.dtype), (-_t105) * _t133) + jnp.where(
        jnp.equal(_t14, 0), jnp.asarray(0, x.dtype), (8 * _t10 * _t18 + 8 * _t16 - _t27) * _t16
    )
    _t136 = 4 * (_t54 * _t54)
    _t137 = 1 / (alpha * alpha * alpha)
    _t138 = 2 * _t125
    y_D_x_D_x = jnp.where(
        jnp.where(_t2, jnp.logical_and(_t3, jnp.logical_or(_t3, _t4)), jnp.logical_and(_t5, jnp.logical_or(_t4, _t5))),
        jnp.asarray(0, x.dtype),
        jnp.where(
            _t51,
            _runtime.multiply_no_nan(_t41, _t22 * (_t38 * _t38))
            + _runtime.multiply_no_nan(_t24 * _t28, _t29)
            + _runtime.multiply_no_nan(_t28 * _t46, _t29)
            + _runtime.multiply_no_nan(_t32 * _t34, _t35)
            + _runtime.multiply_no_nan(2 * _t38 * _t40, _t22)
            + _runtime.multiply_no_nan(
                _t44 * (_runtime.multiply_no_nan(_t12 * _t34, _t35) + _runtime.multiply_no_nan(-_t43 * alpha, _t29)),
                _t22,
            ),
            jnp.where(
                _t60,
                _t52 * (-_t33 * _t53 * _t57 - _t43 * _t59),
                jnp.where(
                    _t85,
                    _t77 * (_t19 * _t33 * (_t62 * _t62) * _t64 * _t69 + 2 * _t33 * _t62 * _t68) + _t78 * _t79 * _t81,
                    -_t76 * (-_t42 * _t87 + _t42 * _t89),
                ),
            ),
        ),
    )
    y_D_x_D_alpha = jnp.where(
        _t90,
        sinhc_d1(alpha),
        jnp.where(
            _t91,
            jnp.asarray(0, x.dtype),
            jnp.where(
                _t51,
                _runtime.multiply_no_nan(_t101 * _t40, _t22)
                + _runtime.multiply_no_nan(_t24 * _t93, _t22)
                + _runtime.multiply_no_nan(
                    _t44
                    * (
                        _runtime.multiply_no_nan(-_t26, _t22)
                        + _runtime.multiply_no_nan(_t20 * _t26, _t29)
                        + _runtime.multiply_no_nan(-_t6 * _t94, _t22)
                        + _runtime.multiply_no_nan(_t104 * _t18 * _t25, _t29)
                        + jnp.where(
                            jnp.equal(_t14, 0),
                            jnp.asarray(0, x.dtype),
                            (
                                _runtime.multiply_no_nan(_t106 * _t37, _t35)
                                + _runtime.multiply_no_nan(-_t36 * _t99, _t29)
                                + _runtime.multiply_no_nan(_t12 * _t25 * _t98, _t29)
                            )
                            * _t16,
                        )
                    ),
                    _t22,
                )
                + _runtime.multiply_no_nan(_t46 * _t93, _t22)
                + _runtime.multiply_no_nan(_t94 * _t96, _t29)
                + _runtime.multiply_no_nan(_t101 * _t38 * _t41, _t22)
                + _runtime.multiply_no_nan(_t102 * _t103 * _t18, _t29)
                + jnp.where(
                    jnp.equal(_t14, 0),
                    jnp.asarray(0, x.dtype),
                    (
                        _runtime.multiply_no_nan(_t107 * _t24, _t29)
                        + _runtime.multiply_no_nan(_t108 * _t38, _t29)
                        + _runtime.multiply_no_nan(_t103 * _t106 * _t96, _t35)
                        + _runtime.multiply_no_nan(_t26 * _t95 * _t98, _t29)
                    )
                    * _t16,
                ),
                jnp.where(
                    _t60,
                    _t52
                    * (
                        -_t109 * _t25 * _t93
                        - _t110 * _t17 * _t94
                        + jnp.where(
                            jnp.equal(_t14, 0),
                            jnp.asarray(0, x.dtype),
                            (-_t110 * _t111 - _t111 * _t55 * _t59 - _t112 * _t26 * _t56) * _t16,
                        )
                    ),
                    jnp.where(
                        _t85,
                        -_t115 * _t74 * _t80
                        + _t122 * _t81
                        + _t77
                        * (-_t116 * _t123 - _t118 * _t119 * _t123 * _t62 * _t69 - _t119 * _t124 - _t124 * _t62 * _t63),
                        _t115 * (_t125 * _t126 + _t126 * _t127)
                        + jnp.where(
                            jnp.equal(_t14, 0),
                            jnp.asarray(0, x.dtype),
                            (-_t76 * (_t125 * _t128 + _t126 * _t131 + _t127 * _t128 - _t128 * _t55 * _t87)) * _t16,
                        ),
                    ),
                ),
            ),
        ),
    )
    y_D_alpha_D_alpha = jnp.where(
        _t90,
        _t30 * sinhc_d2(alpha),
        jnp.where(
            _t91,
            jnp.asarray(0, x.dtype),
            jnp.where(
                _t51,
                _runtime.multiply_no_nan(_t41, (_t101 * _t101) * _t22)
                + _runtime.multiply_no_nan(_t102 * _t92, _t22)
                + _runtime.multiply_no_nan(_t132 * _t95, _t22)
                + _runtime.multiply_no_nan(_t135 * _t32, _t29)
                + _runtime.multiply_no_nan(
                    _t44
                    * (
                        _runtime.multiply_no_nan(_t97, _t22)
                        + _runtime.multiply_no_nan(_t100 * _t106, _t134)
                        + _runtime.multiply_no_nan(_t12 * _t135, _t29)
                        + _runtime.multiply_no_nan(_t10 * _t132 * alpha, _t22)
                        + jnp.where(
                            jnp.equal(_t14, 0),
                            jnp.asarray(0, x.dtype),
                            (
                                _runtime.multiply_no_nan(_t104 * _t99, _t29)
                                + _runtime.multiply_no_nan(_t107 * _t19, _t29)
                            )
                            * _t16,
                        )
                    ),
                    _t22,
                )
                + _runtime.multiply_no_nan(_t106 * _t32 * _t99, _t134)
                + jnp.where(
                    jnp.equal(_t14, 0),
                    jnp.asarray(0, x.dtype),
                    (
                        _runtime.multiply_no_nan(2 * _t101 * _t108, _t29)
                        + _runtime.multiply_no_nan(_t92 * _t95 * _t99, _t29)
                    )
                    * _t16,
                ),
                jnp.where(
                    _t60,
                    _t52
                    * (
                        -_t109 * _t132 * _t58
                        + jnp.where(jnp.equal(_t63, 0), jnp.asarray(0, x.dtype), (-_t136 * _t59 * _t7) * _t133)
                        + jnp.where(
                            jnp.equal(_t14, 0),
                            jnp.asarray(0, x.dtype),
                            (-_t110 * _t112 * _t92 + 2 * _t55 * _t57 * _t58) * _t16,
                        )
                    ),
                    jnp.where(
                        _t85,
                        -_t114 * (_t121 * _t74 + _t72 * _t74)
                        + _t137 * _t52 * jnp.log1p(_t72 * _t83)
                        + _t76
                        * (
                            _t117 * _t74
                            + _t120 * _t74
                            + _t121 * _t122
                            + _t122 * _t72
                            + _t74
                            * (
                                2 * _t10 * _t118 * _t63 * _t64 * _t69
                                - _t116 * _t129
                                + 4 * _t118 * _t67 * jnp.exp(-3 * alpha)
                                - _t120
                            )
                        ),
                        _t52
                        * (
                            -_t137 * (-jnp.log(_t88) + jnp.log1p(_t55))
                            - _t75
                            * (
                                jnp.where(jnp.equal(_t63, 0), jnp.asarray(0, x.dtype), (-_t130 * _t131) * _t133)
                                + jnp.where(jnp.equal(_t63, 0), jnp.asarray(0, x.dtype), (-_t136 * _t87) * _t133)
                                + jnp.where(
                                    jnp.equal(_t14, 0),
                                    jnp.asarray(0, x.dtype),
                                    (-_t127 * (-_t10 * _t53 + 2 * _t17) - _t138 * _t55) * _t16,
                                )
                            )
                            + jnp.where(
                                jnp.equal(_t14, 0),
                                jnp.asarray(0, x.dtype),
                                (_t113 * (-_t127 * _t130 + _t138 * _t54)) * _t16,
                            )
                        ),
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
    _t4 = sinhc(alpha)
    _t5 = -_r + _t0
    _t6 = _t3 + _t5
    _t7 = -_t6
    _t8 = jnp.where(_t2, jnp.equal(_t1, 1), jnp.equal(_t1, 0))
    _t9 = (1 / 2) * alpha
    _t10 = tanhc(_t9)
    _t11 = jnp.abs(_t6)
    _t12 = _t10 * alpha
    _t13 = -alpha
    _t14 = jnp.exp(_t13)
    _t15 = _t14 / ((_t14 + 1) * (_t14 + 1))
    _t16 = jnp.tanh(_t9)
    _t17 = _t16 * _t16
    _t18 = 2 * _t11
    _t19 = _t17 * _t18
    _t20 = 4 * _t15 + _t19
    _t21 = 1 / _t20
    _t22 = _runtime.multiply_no_nan(_t11 * _t12, _t21)
    _t23 = _t10 * atanhc_small(_t22)
    _t24 = _t23 * _t7
    _t25 = jnp.abs(_t5 + 1)
    _t26 = (1 / 2) * _t17
    _t27 = jnp.abs(_t1)
    _t28 = jnp.where(
        _t2,
        jnp.logical_and(jnp.less(_t25, 1 / 4), jnp.less(_t16 * _t25, _t15 + _t25 * _t26)),
        jnp.logical_and(jnp.less(_t27, 1 / 4), jnp.less(_t16 * _t27, _t15 + _t26 * _t27)),
    )
    _t29 = jnp.sign(_t7)
    _t30 = 1 / 2 - _t11
    _t31 = _t16 * (1 - _t18)
    _t32 = _t10 * atanhc_small(_t31)
    _t33 = jnp.where(_t2, jnp.greater_equal(_t25, 1 / 4), jnp.greater_equal(_t27, 1 / 4))
    _t34 = (1 / 2) / alpha
    _t35 = _t29 * _t34
    _t36 = 1 / 2 - 1 / 4 * tanhc((1 / 4) * alpha) / _t10
    _t37 = _t16 * _t18 + 2 * jax.nn.sigmoid(_t13)
    y = (
        _n
        + _t0
        + _t3
        + jnp.where(
            _t8,
            _t4 * _t7,
            jnp.where(
                _t28,
                _runtime.multiply_no_nan(_t24, _t21),
                jnp.where(
                    _t33,
                    _t29 * (-_t30 * _t32 + 1 / 2),
                    jnp.where(
                        jnp.where(_t2, jnp.less(_t25, _t36), jnp.less(_t27, _t36)),
                        _t35 * jnp.log1p(_t11 * (1 - jnp.exp(-2 * alpha)) * jnp.exp(alpha) / (-_t11 * (1 - _t14) + 1)),
                        _t29 * (-_t34 * (-jnp.log(_t37) + jnp.log1p(_t31)) + 1 / 2),
                    ),
                ),
            ),
        )
    )
    return (y,), ()


def _gradient_alpha_below_4(x, alpha):
    _n = jnp.round(x)
    _r = -_n + x
    _t0 = jnp.round(_r)
    _t1 = _r - _t0
    _t2 = jnp.greater_equal(_t1, 1 / 2)
    _t3 = (1 / 2) * alpha
    _t4 = tanhc(_t3)
    _t5 = -_r + _t0
    _t6 = _t5 + jnp.where(_t2, jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype))
    _t7 = jnp.abs(_t6)
    _t8 = _t4 * alpha
    _t9 = -alpha
    _t10 = jnp.exp(_t9)
    _t11 = _t10 / ((_t10 + 1) * (_t10 + 1))
    _t12 = jnp.tanh(_t3)
    _t13 = _t12 * _t12
    _t14 = 2 * _t7
    _t15 = _t13 * _t14
    _t16 = 4 * _t11 + _t15
    _t17 = 1 / _t16
    _t18 = _runtime.multiply_no_nan(_t7 * _t8, _t17)
    _t19 = _t4 * atanhc_small(_t18)
    _t20 = -_t6
    _t21 = jnp.sign(_t6)
    _t22 = 2 * _t21
    _t23 = 1 / (_t16 * _t16)
    _t24 = _t21 * _t8
    _t25 = jnp.abs(_t5 + 1)
    _t26 = (1 / 2) * _t13
    _t27 = jnp.abs(_t1)
    _t28 = jnp.sign(_t20)
    _t29 = _t12 * (1 - _t14)
    _t30 = _t21 * _t4
    _t31 = _t12 * _t22
    y_D_x = jnp.where(
        jnp.where(_t2, jnp.equal(_t1, 1), jnp.equal(_t1, 0)),
        sinhc(alpha),
        jnp.where(
            jnp.where(
                _t2,
                jnp.logical_and(jnp.less(_t25, 1 / 4), jnp.less(_t12 * _t25, _t11 + _t25 * _t26)),
                jnp.logical_and(jnp.less(_t27, 1 / 4), jnp.less(_t12 * _t27, _t11 + _t26 * _t27)),
            ),
            _runtime.multiply_no_nan(_t19, _t17)
            + _runtime.multiply_no_nan(_t13 * _t19 * _t20 * _t22, _t23)
            + _runtime.multiply_no_nan(
                _t20
                * _t4
                * (_runtime.multiply_no_nan(-_t24, _t17) + _runtime.multiply_no_nan(_t15 * _t24, _t23))
                * atanhc_small_d1(_t18),
                _t17,
            ),
            jnp.where(
                jnp.where(_t2, jnp.greater_equal(_t25, 1 / 4), jnp.greater_equal(_t27, 1 / 4)),
                _t28 * (-2 * _t12 * _t30 * (1 / 2 - _t7) * atanhc_small_d1(_t29) - _t30 * atanhc_small(_t29)),
                -1 / 2 * _t28 * (_t31 / (_t12 * _t14 + 2 * jax.nn.sigmoid(_t9)) + _t31 / (_t29 + 1)) / alpha,
            ),
        ),
    )
    return (y_D_x,), ()


def _hessian_alpha_below_4(x, alpha):
    _n = jnp.round(x)
    _r = -_n + x
    _t0 = jnp.round(_r)
    _t1 = _r - _t0
    _t2 = jnp.greater_equal(_t1, 1 / 2)
    _t3 = (1 / 2) * alpha
    _t4 = tanhc(_t3)
    _t5 = -_r + _t0
    _t6 = _t5 + jnp.where(_t2, jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype))
    _t7 = jnp.abs(_t6)
    _t8 = _t4 * alpha
    _t9 = _t7 * _t8
    _t10 = -alpha
    _t11 = jnp.exp(_t10)
    _t12 = _t11 / ((_t11 + 1) * (_t11 + 1))
    _t13 = jnp.tanh(_t3)
    _t14 = _t13 * _t13
    _t15 = 2 * _t7
    _t16 = _t14 * _t15
    _t17 = 4 * _t12 + _t16
    _t18 = 1 / _t17
    _t19 = _runtime.multiply_no_nan(_t9, _t18)
    _t20 = atanhc_small(_t19)
    _t21 = jnp.sign(_t6)
    _t22 = 4 * _t14
    _t23 = _t21 * _t22
    _t24 = 1 / (_t17 * _t17)
    _t25 = -_t6
    _t26 = _t25 * _t4
    _t27 = _t21 * _t21
    _t28 = 8 * (_t13 * _t13 * _t13 * _t13) * _t27
    _t29 = 1 / (_t17 * _t17 * _t17)
    _t30 = _t21 * _t8
    _t31 = _runtime.multiply_no_nan(-_t30, _t18) + _runtime.multiply_no_nan(_t16 * _t30, _t24)
    _t32 = atanhc_small_d1(_t19)
    _t33 = _t31 * _t32
    _t34 = _t22 * _t27
    _t35 = jnp.abs(_t5 + 1)
    _t36 = (1 / 2) * _t14
    _t37 = jnp.abs(_t1)
    _t38 = jnp.sign(_t25)
    _t39 = _t13 * (1 - _t15)
    y_D_x_D_x = jnp.where(
        jnp.where(_t2, jnp.equal(_t1, 1), jnp.equal(_t1, 0)),
        jnp.asarray(0, x.dtype),
        jnp.where(
            jnp.where(
                _t2,
                jnp.logical_and(jnp.less(_t35, 1 / 4), jnp.less(_t13 * _t35, _t12 + _t35 * _t36)),
                jnp.logical_and(jnp.less(_t37, 1 / 4), jnp.less(_t13 * _t37, _t12 + _t36 * _t37)),
            ),
            _runtime.multiply_no_nan(_t26 * atanhc_small_d2(_t19), _t18 * (_t31 * _t31))
            + _runtime.multiply_no_nan(2 * _t33 * _t4, _t18)
            + _runtime.multiply_no_nan(_t20 * _t23 * _t4, _t24)
            + _runtime.multiply_no_nan(_t20 * _t26 * _t28, _t29)
            + _runtime.multiply_no_nan(_t23 * _t26 * _t33, _t24)
            + _runtime.multiply_no_nan(
                _t26
                * _t32
                * (_runtime.multiply_no_nan(_t28 * _t9, _t29) + _runtime.multiply_no_nan(-_t34 * _t8, _t24)),
                _t18,
            ),
            jnp.where(
                jnp.where(_t2, jnp.greater_equal(_t35, 1 / 4), jnp.greater_equal(_t37, 1 / 4)),
                _t38
                * (-4 * _t13 * _t27 * _t4 * atanhc_small_d1(_t39) - _t34 * _t4 * (1 / 2 - _t7) * atanhc_small_d2(_t39)),
                -1
                / 2
                * _t38
                * (
                    _t34 / ((_t13 * _t15 + 2 * jax.nn.sigmoid(_t10)) * (_t13 * _t15 + 2 * jax.nn.sigmoid(_t10)))
                    - _t34 / ((_t39 + 1) * (_t39 + 1))
                )
                / alpha,
            ),
        ),
    )
    return (y_D_x_D_x,), ()


def _value_alpha_below_40(x, alpha):
    _n = jnp.round(x)
    _r = -_n + x
    _t0 = jnp.round(_r)
    _t1 = _r - _t0
    _t2 = jnp.greater_equal(_t1, 1 / 2)
    _t3 = jnp.where(_t2, jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype))
    _t4 = sinhc(alpha)
    _t5 = -_r + _t0
    _t6 = _t3 + _t5
    _t7 = -_t6
    _t8 = jnp.where(_t2, jnp.equal(_t1, 1), jnp.equal(_t1, 0))
    _t9 = jnp.sign(_t7)
    _t10 = jnp.exp(alpha)
    _t11 = 2 * _t10 - 2
    _t12 = jnp.abs(_t6)
    _t13 = (1 / 2) * alpha
    _t14 = jnp.tanh(_t13)
    _t15 = 1 - 2 * _t12
    _t16 = jnp.where(
        _t2,
        jnp.less(jnp.where(jnp.greater_equal(_t5, -1), _t5 + 1, -_t5 - 1), 1 / 4),
        jnp.less(jnp.where(jnp.greater_equal(_t1, 0), _t1, -_t1), 1 / 4),
    )
    _t17 = tanhc(_t13)
    _t18 = _t14 * _t15
    y = (
        _n
        + _t0
        + _t3
        + jnp.where(
            _t8,
            _t4 * _t7,
            jnp.where(
                _t16,
                (1 / 2) * _t9 * jnp.log1p(_t12 * (_t11) / (_t14 * (_t15) + 1)) / alpha,
                _t9 * (-_t17 * (1 / 2 - _t12) * atanhc_small(_t18) + 1 / 2),
            ),
        )
    )
    return (y,), ()


def _gradient_alpha_below_40(x, alpha):
    _n = jnp.round(x)
    _r = -_n + x
    _t0 = jnp.round(_r)
    _t1 = _r - _t0
    _t2 = jnp.greater_equal(_t1, 1 / 2)
    _t3 = jnp.exp(alpha)
    _t4 = (1 / 2) * alpha
    _t5 = jnp.tanh(_t4)
    _t6 = -_r + _t0
    _t7 = _t6 + jnp.where(_t2, jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype))
    _t8 = jnp.abs(_t7)
    _t9 = 1 - 2 * _t8
    _t10 = _t5 * _t9 + 1
    _t11 = -(jnp.sign(_t7) * jnp.sign(_t7)) * tanhc(_t4)
    y_D_x = jnp.where(
        jnp.where(_t2, jnp.equal(_t1, 1), jnp.equal(_t1, 0)),
        sinhc(alpha),
        jnp.where(
            jnp.where(
                _t2,
                jnp.less(jnp.where(jnp.greater_equal(_t6, -1), _t6 + 1, -_t6 - 1), 1 / 4),
                jnp.less(jnp.where(jnp.greater_equal(_t1, 0), _t1, -_t1), 1 / 4),
            ),
            -_t11 * _t3 / (_t10 * (_t10 + _t8 * (2 * _t3 - 2))),
            -_t11 / (-(_t5 * _t5) * (_t9 * _t9) + 1),
        ),
    )
    return (y_D_x,), ()


def _hessian_alpha_below_40(x, alpha):
    _n = jnp.round(x)
    _r = -_n + x
    _t0 = jnp.round(_r)
    _t1 = _r - _t0
    _t2 = jnp.greater_equal(_t1, 1 / 2)
    _t3 = jnp.exp(alpha)
    _t4 = (1 / 2) * alpha
    _t5 = jnp.tanh(_t4)
    _t6 = tanhc(_t4)
    _t7 = -_r + _t0
    _t8 = _t7 + jnp.where(_t2, jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype))
    _t9 = jnp.sign(_t8)
    _t10 = _t9 * _t9
    _t11 = -jnp.sign(_t8)
    _t12 = jnp.abs(_t8)
    _t13 = 1 - 2 * _t12
    _t14 = _t13 * _t5 + 1
    _t15 = 2 * _t3 - 2
    _t16 = _t12 * _t15 + _t14
    _t17 = _t11 * _t6
    _t18 = _t5 * _t5
    y_D_x_D_x = jnp.where(
        jnp.where(_t2, jnp.equal(_t1, 1), jnp.equal(_t1, 0)),
        jnp.asarray(0, x.dtype),
        jnp.where(
            jnp.where(
                _t2,
                jnp.less(jnp.where(jnp.greater_equal(_t7, -1), _t7 + 1, -_t7 - 1), 1 / 4),
                jnp.less(jnp.where(jnp.greater_equal(_t1, 0), _t1, -_t1), 1 / 4),
            ),
            2 * _t10 * _t11 * _t3 * _t5 * _t6 / ((_t14 * _t14) * _t16)
            - _t17 * _t3 * _t9 * (_t15 * _t9 - 2 * _t5 * _t9) / (_t14 * (_t16 * _t16)),
            -4 * _t10 * _t13 * _t17 * _t18 / ((-(_t13 * _t13) * _t18 + 1) * (-(_t13 * _t13) * _t18 + 1)),
        ),
    )
    return (y_D_x_D_x,), ()


def _value_alpha_from_40(x, alpha):
    _n = jnp.round(x)
    _r = -_n + x
    _t0 = jnp.round(_r)
    _t1 = _r - _t0
    _t2 = jnp.greater_equal(_t1, 1 / 2)
    _t3 = jnp.where(_t2, jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype))
    _t4 = sinhc(alpha)
    _t5 = -_r + _t0
    _t6 = _t3 + _t5
    _t7 = -_t6
    _t8 = jnp.less(alpha, 80)
    _t9 = jnp.equal(_t1, 1)
    _t10 = jnp.equal(_t1, 0)
    _t11 = jnp.where(_t2, jnp.logical_and(_t8, _t9), jnp.logical_and(_t10, _t8))
    _t12 = jnp.where(_t2, _t9, _t10)
    _t13 = jnp.sign(_t7)
    _t14 = jnp.abs(_t6)
    _t15 = 1 / 2 - _t14
    _t16 = (1 / 2) * alpha
    _t17 = jnp.tanh(_t16)
    _t18 = 2 * _t14
    _t19 = _t17 * (1 - _t18)
    _t20 = tanhc(_t16)
    _t21 = _t20 * atanhc_small(_t19)
    _t22 = jnp.abs(_t5 + 1)
    _t23 = jnp.abs(_t1)
    _t24 = jnp.where(_t2, jnp.greater_equal(_t22, 1 / 4), jnp.greater_equal(_t23, 1 / 4))
    _t25 = jnp.exp(alpha)
    _t26 = -alpha
    _t27 = jnp.exp(_t26)
    _t28 = 1 - _t27
    _t29 = _t14 * _t28
    _t30 = 1 - _t29
    _t31 = 1 - jnp.exp(-2 * alpha)
    _t32 = _t31 / _t30
    _t33 = _t14 * _t32
    _t34 = (1 / 2) / alpha
    _t35 = _t13 * _t34
    _t36 = 1 / 2 - 1 / 4 * tanhc((1 / 4) * alpha) / _t20
    _t37 = _t25 * _t31
    _t38 = jnp.where(
        _t2,
        jnp.greater(alpha, 2 * jnp.log1p(_t22 * _t37 / (-_t22 * _t28 + 1))),
        jnp.greater(alpha, 2 * jnp.log1p(_t23 * _t37 / (-_t23 * _t28 + 1))),
    )
    _t39 = _t17 * _t18 + 2 * jax.nn.sigmoid(_t26)
    y = (
        _n
        + _t0
        + _t3
        + jnp.where(
            _t11,
            _t4 * _t7,
            jnp.where(
                _t12,
                346288899024594378285698337239478.8307804 * _r
                - 346288899024594378285698337239478.8307804 * _t0
                - 346288899024594378285698337239478.8307804 * _t3,
                jnp.where(
                    _t24,
                    _t13 * (-_t15 * _t21 + 1 / 2),
                    jnp.where(
                        jnp.logical_or(_t38, jnp.where(_t2, jnp.less(_t22, _t36), jnp.less(_t23, _t36))),
                        _t35 * jnp.log1p(_t25 * _t33),
                        _t13 * (-_t34 * (-jnp.log(_t39) + jnp.log1p(_t19)) + 1 / 2),
                    ),
                ),
            ),
        )
    )
    return (y,), ()


def _gradient_alpha_from_40(x, alpha):
    _n = jnp.round(x)
    _r = -_n + x
    _t0 = jnp.round(_r)
    _t1 = _r - _t0
    _t2 = jnp.greater_equal(_t1, 1 / 2)
    _t3 = jnp.less(alpha, 80)
    _t4 = jnp.equal(_t1, 1)
    _t5 = jnp.equal(_t1, 0)
    _t6 = -_r + _t0
    _t7 = _t6 + jnp.where(_t2, jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype))
    _t8 = -jnp.sign(_t7)
    _t9 = (1 / 2) * alpha
    _t10 = jnp.tanh(_t9)
    _t11 = jnp.abs(_t7)
    _t12 = 2 * _t11
    _t13 = _t10 * (1 - _t12)
    _t14 = jnp.sign(_t7)
    _t15 = _t14 * tanhc(_t9)
    _t16 = 2 * _t10
    _t17 = jnp.abs(_t6 + 1)
    _t18 = jnp.abs(_t1)
    _t19 = -alpha
    _t20 = jnp.exp(_t19)
    _t21 = 1 - _t20
    _t22 = _t11 * _t21
    _t23 = 1 - _t22
    _t24 = 1 - jnp.exp(-2 * alpha)
    _t25 = _t24 / _t23
    _t26 = (1 / 2) * _t8 / alpha
    _t27 = _t24 * jnp.exp(alpha)
    _t28 = _t14 * _t16
    y_D_x = jnp.where(
        jnp.where(_t2, jnp.logical_and(_t3, _t4), jnp.logical_and(_t3, _t5)),
        sinhc(alpha),
        jnp.where(
            jnp.where(_t2, _t4, _t5),
            jnp.asarray(346288899024594378285698337239478.8307804, x.dtype),
            jnp.where(
                jnp.where(_t2, jnp.greater_equal(_t17, 1 / 4), jnp.greater_equal(_t18, 1 / 4)),
                _t8 * (-_t15 * _t16 * (1 / 2 - _t11) * atanhc_small_d1(_t13) - _t15 * atanhc_small(_t13)),
                jnp.where(
                    jnp.where(
                        _t2,
                        jnp.greater(alpha, 2 * jnp.log1p(_t17 * _t27 / (-_t17 * _t21 + 1))),
                        jnp.greater(alpha, 2 * jnp.log1p(_t18 * _t27 / (-_t18 * _t21 + 1))),
                    ),
                    _t26 * (-_t14 * _t22 * _t24 / (_t23 * _t23) - _t14 * _t25) / (_t11 * _t25 + _t20),
                    -_t26 * (_t28 / (_t10 * _t12 + 2 * jax.nn.sigmoid(_t19)) + _t28 / (_t13 + 1)),
                ),
            ),
        ),
    )
    return (y_D_x,), ()


def _hessian_alpha_from_40(x, alpha):
    _n = jnp.round(x)
    _r = -_n + x
    _t0 = jnp.round(_r)
    _t1 = _r - _t0
    _t2 = jnp.greater_equal(_t1, 1 / 2)
    _t3 = jnp.equal(_t1, 1)
    _t4 = jnp.less(alpha, 80)
    _t5 = jnp.equal(_t1, 0)
    _t6 = -_r + _t0
    _t7 = _t6 + jnp.where(_t2, jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype))
    _t8 = -jnp.sign(_t7)
    _t9 = (1 / 2) * alpha
    _t10 = jnp.tanh(_t9)
    _t11 = jnp.abs(_t7)
    _t12 = 2 * _t11
    _t13 = _t10 * (1 - _t12)
    _t14 = tanhc(_t9)
    _t15 = jnp.sign(_t7)
    _t16 = _t15 * _t15
    _t17 = 4 * _t16
    _t18 = (_t10 * _t10) * _t17
    _t19 = jnp.abs(_t6 + 1)
    _t20 = jnp.abs(_t1)
    _t21 = -alpha
    _t22 = jnp.exp(_t21)
    _t23 = 1 - _t22
    _t24 = _t11 * _t23
    _t25 = 1 - _t24
    _t26 = 1 - jnp.exp(-2 * alpha)
    _t27 = _t26 / _t25
    _t28 = _t11 * _t27 + _t22
    _t29 = _t26 / (_t25 * _t25)
    _t30 = (1 / 2) * _t8 / alpha
    _t31 = _t15 * _t24 * _t29 + _t15 * _t27
    _t32 = _t26 * jnp.exp(alpha)
    y_D_x_D_x = jnp.where(
        jnp.where(_t2, jnp.logical_and(_t3, jnp.logical_or(_t3, _t4)), jnp.logical_and(_t5, jnp.logical_or(_t4, _t5))),
        jnp.asarray(0, x.dtype),
        jnp.where(
            jnp.where(_t2, jnp.greater_equal(_t19, 1 / 4), jnp.greater_equal(_t20, 1 / 4)),
            _t8 * (-_t10 * _t14 * _t17 * atanhc_small_d1(_t13) - _t14 * _t18 * (1 / 2 - _t11) * atanhc_small_d2(_t13)),
            jnp.where(
                jnp.where(
                    _t2,
                    jnp.greater(alpha, 2 * jnp.log1p(_t19 * _t32 / (-_t19 * _t23 + 1))),
                    jnp.greater(alpha, 2 * jnp.log1p(_t20 * _t32 / (-_t20 * _t23 + 1))),
                ),
                _t30 * (_t12 * _t16 * (_t23 * _t23) * _t26 / (_t25 * _t25 * _t25) + 2 * _t16 * _t23 * _t29) / _t28
                - _t30 * (_t31 * _t31) / (_t28 * _t28),
                -_t30
                * (
                    _t18 / ((_t10 * _t12 + 2 * jax.nn.sigmoid(_t21)) * (_t10 * _t12 + 2 * jax.nn.sigmoid(_t21)))
                    - _t18 / ((_t13 + 1) * (_t13 + 1))
                ),
            ),
        ),
    )
    return (y_D_x_D_x,), ()


_OP = _runtime.Op(
    name="soft_round_inverse",
    params=[_runtime.FloatParam("alpha", 5.0, 0.0, float("inf"), low_open=False, high_open=True)],
    modes=("soft",),
    hard=None,
    kernels={
        "x": _runtime.Kernels(_value_x, _gradient_x, _hessian_x),
        "all": _runtime.Kernels(_value_all, _gradient_all, _hessian_all),
        "alpha_below_4": _runtime.Kernels(_value_alpha_below_4, _gradient_alpha_below_4, _hessian_alpha_below_4),
        "alpha_below_40": _runtime.Kernels(_value_alpha_below_40, _gradient_alpha_below_40, _hessian_alpha_below_40),
        "alpha_from_40": _runtime.Kernels(_value_alpha_from_40, _gradient_alpha_from_40, _hessian_alpha_from_40),
    },
    regimes=(
        ("alpha_below_4", lambda alpha: alpha < 4),
        ("alpha_below_40", lambda alpha: alpha < 40),
        ("alpha_from_40", lambda alpha: alpha >= 40),
    ),
)


def soft_round_inverse(x, alpha=5.0, mode="soft", name=None):
    """m + atanh(2*r*tanh(alpha/2))/alpha, m = floor(x) + 1/2, r = x - m: the inverse of soft_round.

    Smooth forward: Piecewise(((x - floor(x + 1/2))*sinhc(alpha), (alpha < 80) & Eq(x - floor(x +
        1/2), 0)), (346288899024594378285698337239478.8307804*x -
        346288899024594378285698337239478.8307804*floor(x + 1/2), Eq(x - floor(x + 1/2), 0)),
        (Piecewise(((x - floor(x + 1/2))*atanhc_small(alpha*Abs(x - floor(x +
        1/2))*tanhc(alpha/2)/(2*tanh(alpha/2)**2*Abs(x - floor(x + 1/2)) +
        4*sigmoid_slope(alpha)))*tanhc(alpha/2)/(2*tanh(alpha/2)**2*Abs(x - floor(x + 1/2)) +
        4*sigmoid_slope(alpha)), (alpha < 40) & (Abs(x - floor(x + 1/2)) < 1/4) &
        (tanh(alpha/2)*Abs(x - floor(x + 1/2)) < tanh(alpha/2)**2*Abs(x - floor(x + 1/2))/2 +
        sigmoid_slope(alpha))), ((-(1/2 - Abs(x - floor(x + 1/2)))*atanhc_small((1 - 2*Abs(x -
        floor(x + 1/2)))*tanh(alpha/2))*tanhc(alpha/2) + 1/2)*sign(x - floor(x + 1/2)), Abs(x -
        floor(x + 1/2)) >= 1/4), (log1p_ratio((1 - exp(-2*alpha))*Abs(x - floor(x + 1/2))/(-(1 -
        exp(-alpha))*Abs(x - floor(x + 1/2)) + 1), exp(-alpha))*sign(x - floor(x + 1/2))/(2*alpha),
        (alpha >= 40) & (alpha > 2*log1p_ratio((1 - exp(-2*alpha))*Abs(x - floor(x + 1/2))/(-(1 -
        exp(-alpha))*Abs(x - floor(x + 1/2)) + 1), exp(-alpha)))), (sign(x - floor(x +
        1/2))*value_from(log1p_ratio((1 - exp(-2*alpha))*Abs(x - floor(x + 1/2))/(-(1 -
        exp(-alpha))*Abs(x - floor(x + 1/2)) + 1), exp(-alpha))/(2*alpha), 1/2 -
        (-log(2*tanh(alpha/2)*Abs(x - floor(x + 1/2)) + 2*sigmoid(-alpha)) + log1p((1 - 2*Abs(x -
        floor(x + 1/2)))*tanh(alpha/2)))/(2*alpha)), Abs(x - floor(x + 1/2)) <
        -tanhc(alpha/4)/(4*tanhc(alpha/2)) + 1/2), ((1/2 - (-log(2*tanh(alpha/2)*Abs(x - floor(x +
        1/2)) + 2*sigmoid(-alpha)) + log1p((1 - 2*Abs(x - floor(x +
        1/2)))*tanh(alpha/2)))/(2*alpha))*sign(x - floor(x + 1/2)), True)), True)) + floor(x + 1/2)
      with alpha = alpha

    Args:
        x: float16, bfloat16, float32 or float64 jax.Array (float64 with jax_enable_x64).
        alpha: sharpness of the soft_round it inverts; float or float tensor broadcasting with x
            (differentiable), in [0, inf), default 5.0.
        mode: "soft" (smooth forward, exact derivative), the only mode of this op; default "soft".
        name: optional name (a jax.named_scope).

    Returns:
        A tensor of x's dtype and the broadcast shape of x and the parameters.

    Source: Agustsson & Theis 2020, Universally Quantized Neural Compression, Sec. 4.1.
    """
    return _OP(x, {"alpha": alpha}, mode, name)
