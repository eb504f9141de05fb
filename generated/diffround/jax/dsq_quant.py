# Generated from template templates/jax/op.py.jinja and spec derive/catalog.py:dsq_quant.
# Do NOT modify by hand: edit the spec or the template, then run
#     python scripts/regenerate_ops.py
"""dsq_quant: clip(x, lower, upper) rounded to 2**bits levels; soft: DSQ's tanh curve in each cell."""

import jax
import jax.numpy as jnp

from . import _runtime


def polynomial(w, coefficients):
    """sum of coefficients[k] * w**k, in Horner form."""
    result = coefficients[-1]
    for coefficient in reversed(coefficients[:-1]):
        result = result * w + coefficient
    return result


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


def tanhc_minus_one(z):
    """Tanh(z)/z - 1: its Taylor series for |z| < pi/4, the direct form beyond."""
    if z.dtype == jnp.float64:
        coefficients = (
            0,
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
            1.385471574294847e-12,
            -5.61510479241468e-13,
        )
    else:
        coefficients = (
            0,
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
        )
    series = polynomial(z * z, coefficients)
    inside = jnp.less(jnp.abs(z), (1 / 4) * 3.1415926535897932)
    z = jnp.where(inside, z + (1 / 2) * 3.1415926535897932, z)
    return jnp.where(inside, series, (-z + jnp.tanh(z)) / z)


def tanhc_minus_one_d1(z):
    """First derivative of tanh(z)/z - 1: its Taylor series, odd for |z| < pi/4, the direct form beyond."""
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
    return jnp.where(inside, series, (4 * _d0 / ((_d0 + 1) * (_d0 + 1)) - 1) / z - (-z + jnp.tanh(z)) / (z * z))


def tanhc_minus_one_d2(z):
    """Second derivative of tanh(z)/z - 1: its Taylor series for |z| < pi/4, the direct form beyond."""
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
    _d3 = 1 / ((_d2 + 1) * (_d2 + 1))
    return jnp.where(
        inside, series, -2 * _d0 * (_d0 * (4 * _d2 * _d3 - 1) + 4 * _d1 * _d2 * _d3 + (-_d1 + z) / (z * z))
    )


def zcoth_minus_one(z):
    """Z/tanh(z) - 1: its Taylor series for |z| < pi/2, the direct form beyond."""
    if z.dtype == jnp.float64:
        coefficients = (
            0,
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
            0,
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
    return jnp.where(inside, series, ((z * z) / jnp.tanh(z) - z) / z)


def zcoth_minus_one_d1(z):
    """First derivative of z/tanh(z) - 1: its Taylor series, odd for |z| < pi/2, the direct form beyond."""
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
    _d0 = z * z
    _d1 = jnp.tanh(z)
    _d2 = 1 / _d1
    _d3 = jnp.exp(-2 * jnp.abs(z))
    return jnp.where(
        inside,
        series,
        (-4 * _d0 * _d3 / ((_d1 * _d1) * ((_d3 + 1) * (_d3 + 1))) + 2 * _d2 * z - 1) / z - (_d0 * _d2 - z) / _d0,
    )


def zcoth_minus_one_d2(z):
    """Second derivative of z/tanh(z) - 1: its Taylor series for |z| < pi/2, the direct form beyond."""
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
    _d0 = 1 / z
    _d1 = jnp.tanh(z)
    _d2 = 1 / _d1
    _d3 = _d2 * z
    _d4 = 1 / (_d1 * _d1)
    _d5 = z * z
    _d6 = jnp.abs(z)
    _d7 = jnp.exp(-2 * _d6)
    _d8 = _d7 + 1
    _d9 = _d7 / (_d8 * _d8)
    _d10 = 4 * _d5 * _d9
    return jnp.where(
        inside,
        series,
        2
        * _d0
        * (
            _d0 * (_d3 - 1)
            + _d0 * (_d10 * _d4 - 2 * _d3 + 1)
            + _d2 * (_d10 - 8 * _d3 * _d9 + 16 * _d4 * _d5 * jnp.exp(-4 * _d6) / (_d8 * _d8 * _d8 * _d8) + 1)
        ),
    )


def _hard(x, alpha, bits, lower, upper):
    _t0 = 2**bits
    _t1 = _t0 - 1
    _t2 = jnp.round(
        jnp.divide(
            *jax.lax.optimization_barrier(
                jnp.broadcast_arrays(jnp.asarray((_t1) * (-lower + x), x.dtype), jnp.asarray((-lower + upper), x.dtype))
            )
        )
    )
    _t3 = _t2 + 1
    y = jnp.where(
        jnp.greater_equal(lower, x),
        lower,
        jnp.where(
            jnp.less_equal(upper, x),
            upper,
            jnp.where(
                jnp.less_equal(_t2, 0),
                lower,
                jnp.where(
                    jnp.less_equal(_t0, _t3),
                    upper,
                    jnp.divide(
                        *jax.lax.optimization_barrier(
                            jnp.broadcast_arrays(
                                jnp.asarray(_t2 * upper + lower * (_t0 - _t3), x.dtype), jnp.asarray(_t1, x.dtype)
                            )
                        )
                    ),
                ),
            ),
        ),
    )
    return (y,), ()


def _value_x(x, alpha, bits, lower, upper):
    _t0 = jnp.greater_equal(lower, x)
    _t1 = jnp.less_equal(upper, x)
    _t2 = lower - x
    _t3 = lower - upper
    _t4 = -_t3
    _t5 = 2**bits
    _t6 = _t5 - 1
    _t7 = (_t6) * 1 / _t4
    _t8 = -_t2 * _t7
    _t9 = jnp.round(_t8)
    _t10 = jnp.greater_equal(_t8 - _t9, 1 / 2)
    _t11 = _t9 + jnp.where(_t10, jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype))
    _t12 = (1 / _t6) * _t4
    _t13 = 2 * _t9
    _t14 = jnp.where(
        jnp.where(_t10, jnp.greater_equal(_t5, _t13 + 3), jnp.greater_equal(_t5, _t13 + 1)),
        _t11 * _t12 + lower,
        -_t12 * (-_t11 + _t5 - 1) + upper,
    )
    _t15 = -_t14 + x
    _t16 = jnp.log(-1 + 2 / alpha)
    _t17 = jnp.sign(_t15)
    _t18 = _t17 * _t7
    _t19 = _t15 * _t18
    _t20 = _t16 * _t19
    _t21 = sinhc(_t20)
    _t22 = 1 / 2 - _t19
    _t23 = _t16 * _t22
    _t24 = (1 / 2) * jnp.exp(_t23) + (1 / 2) * jnp.exp(-_t23)
    _t25 = (1 / 2) * _t16
    _t26 = 1 / sinhc(_t25)
    _t27 = _t26 / _t24
    _t28 = _t21 * _t27
    _t29 = (_t6) * (_t2 / _t3)
    _t30 = jnp.round(_t29)
    _t31 = _t29 - _t30
    _t32 = jnp.where(
        jnp.greater_equal(_t31, 1 / 2),
        jnp.less(jnp.where(jnp.less_equal(_t29 - _t30, 1), -_t29 + _t30 + 1, _t29 - _t30 - 1), 1 / 4),
        jnp.less(jnp.where(jnp.greater_equal(_t31, 0), _t31, -_t31), 1 / 4),
    )
    _t33 = zcoth_minus_one(_t25)
    _t34 = _t33 * tanhc(_t23) + tanhc_minus_one(_t23)
    _t35 = _t12 * _t17 * _t22
    y = jnp.where(_t0, lower, jnp.where(_t1, upper, jnp.where(_t32, _t14 + _t15 * _t28, -_t34 * _t35 + x)))
    return (y,), ()


def _gradient_x(x, alpha, bits, lower, upper):
    _t0 = jnp.log(-1 + 2 / alpha)
    _t1 = lower - x
    _t2 = lower - upper
    _t3 = -_t2
    _t4 = 2**bits
    _t5 = _t4 - 1
    _t6 = (_t5) * 1 / _t3
    _t7 = -_t1 * _t6
    _t8 = jnp.round(_t7)
    _t9 = jnp.greater_equal(_t7 - _t8, 1 / 2)
    _t10 = _t8 + jnp.where(_t9, jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype))
    _t11 = (1 / _t5) * _t3
    _t12 = 2 * _t8
    _t13 = x - (
        jnp.where(
            jnp.where(_t9, jnp.greater_equal(_t4, _t12 + 3), jnp.greater_equal(_t4, _t12 + 1)),
            _t10 * _t11 + lower,
            -_t11 * (-_t10 + _t4 - 1) + upper,
        )
    )
    _t14 = jnp.sign(_t13)
    _t15 = _t14 * _t6
    _t16 = _t13 * _t15
    _t17 = _t0 * _t16
    _t18 = sinhc(_t17)
    _t19 = 1 / 2 - _t16
    _t20 = _t0 * _t19
    _t21 = (1 / 2) * jnp.exp(_t20) + (1 / 2) * jnp.exp(-_t20)
    _t22 = (1 / 2) * _t0
    _t23 = 1 / sinhc(_t22)
    _t24 = _t23 / _t21
    _t25 = (_t5) * (_t1 / _t2)
    _t26 = jnp.round(_t25)
    _t27 = _t25 - _t26
    _t28 = zcoth_minus_one(_t22)
    _t29 = _t0 * _t15
    y_D_x = jnp.where(
        jnp.logical_or(jnp.greater_equal(lower, x), jnp.less_equal(upper, x)),
        jnp.asarray(0, x.dtype),
        jnp.where(
            jnp.where(
                jnp.greater_equal(_t27, 1 / 2),
                jnp.less(jnp.where(jnp.less_equal(_t25 - _t26, 1), -_t25 + _t26 + 1, _t25 - _t26 - 1), 1 / 4),
                jnp.less(jnp.where(jnp.greater_equal(_t27, 0), _t27, -_t27), 1 / 4),
            ),
            (_t0 * _t0) * _t16 * _t18 * _t19 * _t23 * sinhc(_t20) / (_t21 * _t21)
            + _t17 * _t24 * sinhc_d1(_t17)
            + _t18 * _t24,
            -_t11 * _t14 * _t19 * (-_t28 * _t29 * tanhc_d1(_t20) - _t29 * tanhc_minus_one_d1(_t20))
            + (_t14 * _t14) * (_t28 * tanhc(_t20) + tanhc_minus_one(_t20))
            + 1,
        ),
    )
    return (y_D_x,), ()


def _hessian_x(x, alpha, bits, lower, upper):
    _t0 = jnp.log(-1 + 2 / alpha)
    _t1 = lower - x
    _t2 = lower - upper
    _t3 = -_t2
    _t4 = 2**bits
    _t5 = _t4 - 1
    _t6 = (_t5) * 1 / _t3
    _t7 = -_t1 * _t6
    _t8 = jnp.round(_t7)
    _t9 = jnp.greater_equal(_t7 - _t8, 1 / 2)
    _t10 = _t8 + jnp.where(_t9, jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype))
    _t11 = (1 / _t5) * _t3
    _t12 = 2 * _t8
    _t13 = x - (
        jnp.where(
            jnp.where(_t9, jnp.greater_equal(_t4, _t12 + 3), jnp.greater_equal(_t4, _t12 + 1)),
            _t10 * _t11 + lower,
            -_t11 * (-_t10 + _t4 - 1) + upper,
        )
    )
    _t14 = jnp.sign(_t13)
    _t15 = _t14 * _t6
    _t16 = _t13 * _t15
    _t17 = _t0 * _t16
    _t18 = sinhc_d1(_t17)
    _t19 = _t0 * _t15
    _t20 = 1 / 2 - _t16
    _t21 = _t0 * _t20
    _t22 = (1 / 2) * jnp.exp(_t21) + (1 / 2) * jnp.exp(-_t21)
    _t23 = (1 / 2) * _t0
    _t24 = 1 / sinhc(_t23)
    _t25 = _t24 / _t22
    _t26 = _t14 * _t14
    _t27 = _t0 * _t0
    _t28 = (_t5**2) * 1 / (_t3 * _t3)
    _t29 = _t26 * _t27 * _t28
    _t30 = _t13 * _t25 * _t29
    _t31 = sinhc(_t17)
    _t32 = _t24 * _t31
    _t33 = sinhc(_t21)
    _t34 = _t20 * _t33 / (_t22 * _t22)
    _t35 = 2 * _t26
    _t36 = _t13 * _t28 * _t35
    _t37 = (_t5) * (_t1 / _t2)
    _t38 = jnp.round(_t37)
    _t39 = _t37 - _t38
    _t40 = zcoth_minus_one(_t23)
    y_D_x_D_x = jnp.where(
        jnp.logical_or(jnp.greater_equal(lower, x), jnp.less_equal(upper, x)),
        jnp.asarray(0, x.dtype),
        jnp.where(
            jnp.where(
                jnp.greater_equal(_t39, 1 / 2),
                jnp.less(jnp.where(jnp.less_equal(_t37 - _t38, 1), -_t37 + _t38 + 1, _t37 - _t38 - 1), 1 / 4),
                jnp.less(jnp.where(jnp.greater_equal(_t39, 0), _t39, -_t39), 1 / 4),
            ),
            (_t0 * _t0 * _t0 * _t0) * (_t20 * _t20) * _t32 * (_t33 * _t33) * _t36 / (_t22 * _t22 * _t22)
            + (_t0 * _t0 * _t0) * _t18 * _t24 * _t34 * _t36
            + 2 * _t15 * _t27 * _t32 * _t34
            + 2 * _t18 * _t19 * _t25
            - _t30 * _t31
            + _t30 * sinhc_d2(_t17),
            -_t11 * _t14 * _t20 * (_t29 * _t40 * tanhc_d2(_t21) + _t29 * tanhc_minus_one_d2(_t21))
            + _t35 * (-_t19 * _t40 * tanhc_d1(_t21) - _t19 * tanhc_minus_one_d1(_t21)),
        ),
    )
    return (y_D_x_D_x,), ()


def _value_all(x, alpha, bits, lower, upper):
    _t0 = jnp.greater_equal(lower, x)
    _t1 = jnp.less_equal(upper, x)
    _t2 = lower - upper
    _t3 = -_t2
    _t4 = 2**bits
    _t5 = _t4 - 1
    _t6 = 1 / _t5
    _t7 = lower - x
    _t8 = (_t5) * 1 / _t3
    _t9 = -_t7 * _t8
    _t10 = jnp.round(_t9)
    _t11 = jnp.greater_equal(-_t10 + _t9, 1 / 2)
    _t12 = _t10 + jnp.where(_t11, jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype))
    _t13 = (_t6) * _t12
    _t14 = 2 * _t10
    _t15 = jnp.where(_t11, jnp.greater_equal(_t4, _t14 + 3), jnp.greater_equal(_t4, _t14 + 1))
    _t16 = (_t6) * (-_t12 + _t4 - 1)
    _t17 = jnp.where(_t15, _t13 * _t3 + lower, -_t16 * _t3 + upper)
    _t18 = -_t17 + x
    _t19 = -1 + 2 / alpha
    _t20 = jnp.log(_t19)
    _t21 = jnp.sign(_t18)
    _t22 = _t21 * _t8
    _t23 = _t18 * _t22
    _t24 = _t20 * _t23
    _t25 = sinhc(_t24)
    _t26 = 1 / 2 - _t23
    _t27 = _t20 * _t26
    _t28 = (1 / 2) * jnp.exp(_t27) + (1 / 2) * jnp.exp(-_t27)
    _t29 = 1 / _t28
    _t30 = (1 / 2) * _t20
    _t31 = sinhc(_t30)
    _t32 = 1 / _t31
    _t33 = _t29 * _t32
    _t34 = _t25 * _t33
    _t35 = (_t5) * (_t7 / _t2)
    _t36 = jnp.round(_t35)
    _t37 = _t35 - _t36
    _t38 = jnp.where(
        jnp.greater_equal(_t37, 1 / 2),
        jnp.less(jnp.where(jnp.less_equal(_t35 - _t36, 1), -_t35 + _t36 + 1, _t35 - _t36 - 1), 1 / 4),
        jnp.less(jnp.where(jnp.greater_equal(_t37, 0), _t37, -_t37), 1 / 4),
    )
    _t39 = zcoth_minus_one(_t30)
    _t40 = tanhc(_t27)
    _t41 = _t39 * _t40 + tanhc_minus_one(_t27)
    _t42 = (_t6) * (_t21 * _t26)
    _t43 = _t41 * _t42
    y = jnp.where(_t0, lower, jnp.where(_t1, upper, jnp.where(_t38, _t17 + _t18 * _t34, -_t3 * _t43 + x)))
    return (y,), ()


def _gradient_all(x, alpha, bits, lower, upper):
    _t0 = jnp.greater_equal(lower, x)
    _t1 = jnp.less_equal(upper, x)
    _t2 = jnp.logical_or(_t0, _t1)
    _t3 = -1 + 2 / alpha
    _t4 = jnp.log(_t3)
    _t5 = lower - upper
    _t6 = -_t5
    _t7 = 2**bits
    _t8 = _t7 - 1
    _t9 = 1 / _t8
    _t10 = lower - x
    _t11 = (_t8) * 1 / _t6
    _t12 = -_t10 * _t11
    _t13 = jnp.round(_t12)
    _t14 = jnp.greater_equal(_t12 - _t13, 1 / 2)
    _t15 = _t13 + jnp.where(_t14, jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype))
    _t16 = (_t9) * _t15
    _t17 = 2 * _t13
    _t18 = jnp.where(_t14, jnp.greater_equal(_t7, _t17 + 3), jnp.greater_equal(_t7, _t17 + 1))
    _t19 = (_t9) * (-_t15 + _t7 - 1)
    _t20 = x - (jnp.where(_t18, _t16 * _t6 + lower, -_t19 * _t6 + upper))
    _t21 = jnp.sign(_t20)
    _t22 = _t11 * _t21
    _t23 = _t20 * _t22
    _t24 = _t23 * _t4
    _t25 = sinhc(_t24)
    _t26 = 1 / 2 - _t23
    _t27 = _t26 * _t4
    _t28 = (1 / 2) * jnp.exp(_t27) + (1 / 2) * jnp.exp(-_t27)
    _t29 = 1 / _t28
    _t30 = (1 / 2) * _t4
    _t31 = sinhc(_t30)
    _t32 = 1 / _t31
    _t33 = _t29 * _t32
    _t34 = _t25 * _t33
    _t35 = sinhc_d1(_t24)
    _t36 = _t33 * _t35
    _t37 = 1 / (_t28 * _t28)
    _t38 = sinhc(_t27)
    _t39 = _t26 * (_t4 * _t4)
    _t40 = (_t8) * (_t10 / _t5)
    _t41 = jnp.round(_t40)
    _t42 = _t40 - _t41
    _t43 = jnp.where(
        jnp.greater_equal(_t42, 1 / 2),
        jnp.less(jnp.where(jnp.less_equal(_t40 - _t41, 1), -_t40 + _t41 + 1, _t40 - _t41 - 1), 1 / 4),
        jnp.less(jnp.where(jnp.greater_equal(_t42, 0), _t42, -_t42), 1 / 4),
    )
    _t44 = zcoth_minus_one(_t30)
    _t45 = tanhc(_t27)
    _t46 = _t44 * _t45 + tanhc_minus_one(_t27)
    _t47 = tanhc_minus_one_d1(_t27)
    _t48 = _t4 * _t47
    _t49 = _t44 * tanhc_d1(_t27)
    _t50 = _t4 * _t49
    _t51 = (_t9) * (_t21 * _t26)
    _t52 = _t51 * _t6
    _t53 = 1 / (_t3 * (alpha * alpha))
    _t54 = _t20 * _t25
    _t55 = 2 * _t53
    _t56 = _t32 * _t37 * _t38 * _t54
    _t57 = _t26 * _t55
    _t58 = jnp.where(_t18, 1 - _t16, _t19)
    _t59 = _t22 * _t58
    _t60 = (_t8) * (_t20 * _t21 / (_t6 * _t6))
    _t61 = _t4 * _t60
    _t62 = _t59 - _t60
    _t63 = _t39 * _t56
    _t64 = _t46 * _t51
    _t65 = (_t9) * (_t21 * _t46 * _t6)
    _t66 = jnp.where(_t18, _t16, 1 - _t19)
    _t67 = _t22 * _t66
    _t68 = _t60 + _t67
    y_D_x = jnp.where(
        _t2,
        jnp.asarray(0, x.dtype),
        jnp.where(
            _t43,
            _t23 * _t25 * _t32 * _t37 * _t38 * _t39 + _t24 * _t36 + _t34,
            (_t21 * _t21) * _t46 - _t52 * (-_t22 * _t48 - _t22 * _t50) + 1,
        ),
    )
    y_D_alpha = jnp.where(
        _t2,
        jnp.asarray(0, x.dtype),
        jnp.where(
            _t43,
            -(_t20 * _t20) * _t22 * _t36 * _t55
            + (_t26 * _t26) * _t4 * _t55 * _t56
            + _t29 * _t53 * _t54 * sinhc_d1(_t30) / (_t31 * _t31),
            -_t52 * (-_t45 * _t53 * zcoth_minus_one_d1(_t30) - _t47 * _t57 - _t49 * _t57),
        ),
    )
    y_D_lower = jnp.where(
        _t0,
        jnp.asarray(1, x.dtype),
        jnp.where(
            _t1,
            jnp.asarray(0, x.dtype),
            jnp.where(
                _t43,
                _t20 * _t29 * _t32 * _t35 * (-_t4 * _t59 + _t61) - _t34 * _t58 + _t58 - _t62 * _t63,
                -_t52 * (_t48 * _t62 + _t50 * _t62) - _t62 * _t65 + _t64,
            ),
        ),
    )
    y_D_upper = jnp.where(
        _t0,
        jnp.asarray(0, x.dtype),
        jnp.where(
            _t1,
            jnp.asarray(1, x.dtype),
            jnp.where(
                _t43,
                _t20 * _t29 * _t32 * _t35 * (-_t4 * _t67 - _t61) - _t34 * _t66 - _t63 * _t68 + _t66,
                -_t52 * (_t48 * _t68 + _t50 * _t68) - _t64 - _t65 * _t68,
            ),
        ),
    )
    return (y_D_x, y_D_alpha, y_D_lower, y_D_upper), ()


def _hessian_all(x, alpha, bits, lower, upper):
    _t0 = jnp.logical_or(jnp.greater_equal(lower, x), jnp.less_equal(upper, x))
    _t1 = -1 + 2 / alpha
    _t2 = jnp.log(_t1)
    _t3 = lower - upper
    _t4 = -_t3
    _t5 = 2**bits
    _t6 = _t5 - 1
    _t7 = 1 / _t6
    _t8 = lower - x
    _t9 = 1 / _t4
    _t10 = (_t6) * _t9
    _t11 = -_t10 * _t8
    _t12 = jnp.round(_t11)
    _t13 = jnp.greater_equal(_t11 - _t12, 1 / 2)
    _t14 = _t12 + jnp.where(_t13, jnp.asarray(1, x.dtype), jnp.asarray(0, x.dtype))
    _t15 = (_t7) * _t14
    _t16 = 2 * _t12
    _t17 = jnp.where(_t13, jnp.greater_equal(_t5, _t16 + 3), jnp.greater_equal(_t5, _t16 + 1))
    _t18 = (_t7) * (-_t14 + _t5 - 1)
    _t19 = x - (jnp.where(_t17, _t15 * _t4 + lower, -_t18 * _t4 + upper))
    _t20 = jnp.sign(_t19)
    _t21 = _t10 * _t20
    _t22 = _t19 * _t21
    _t23 = _t2 * _t22
    _t24 = sinhc_d1(_t23)
    _t25 = 1 / 2 - _t22
    _t26 = _t2 * _t25
    _t27 = (1 / 2) * jnp.exp(_t26) + (1 / 2) * jnp.exp(-_t26)
    _t28 = 1 / _t27
    _t29 = (1 / 2) * _t2
    _t30 = sinhc(_t29)
    _t31 = 1 / _t30
    _t32 = _t28 * _t31
    _t33 = _t24 * _t32
    _t34 = 2 * _t21
    _t35 = _t2 * _t2
    _t36 = sinhc_d2(_t23)
    _t37 = _t32 * _t36
    _t38 = 1 / (_t4 * _t4)
    _t39 = _t19 * _t38
    _t40 = _t20 * _t20
    _t41 = _t6**2
    _t42 = (_t41) * _t40
    _t43 = _t39 * _t42
    _t44 = sinhc(_t23)
    _t45 = _t35 * _t44
    _t46 = 1 / (_t27 * _t27)
    _t47 = sinhc(_t26)
    _t48 = _t46 * _t47
    _t49 = _t31 * _t48
    _t50 = _t25 * _t49
    _t51 = _t45 * _t50
    _t52 = 2 * _t40
    _t53 = (_t41) * _t52
    _t54 = _t39 * _t53
    _t55 = _t2 * _t2 * _t2
    _t56 = _t24 * _t50 * _t55
    _t57 = _t2 * _t2 * _t2 * _t2
    _t58 = _t25 * _t25
    _t59 = _t44 * _t58
    _t60 = 1 / (_t27 * _t27 * _t27)
    _t61 = _t47 * _t47
    _t62 = _t31 * _t60 * _t61
    _t63 = _t57 * _t59 * _t62
    _t64 = (_t6) * (_t8 / _t3)
    _t65 = jnp.round(_t64)
    _t66 = _t64 - _t65
    _t67 = jnp.where(
        jnp.greater_equal(_t66, 1 / 2),
        jnp.less(jnp.where(jnp.less_equal(_t64 - _t65, 1), -_t64 + _t65 + 1, _t64 - _t65 - 1), 1 / 4),
        jnp.less(jnp.where(jnp.greater_equal(_t66, 0), _t66, -_t66), 1 / 4),
    )
    _t68 = tanhc_minus_one_d1(_t26)
    _t69 = _t2 * _t68
    _t70 = zcoth_minus_one(_t29)
    _t71 = tanhc_d1(_t26)
    _t72 = _t2 * _t71
    _t73 = _t70 * _t72
    _t74 = -_t21 * _t69 - _t21 * _t73
    _t75 = tanhc_minus_one_d2(_t26)
    _t76 = _t35 * _t75
    _t77 = _t38 * _t42
    _t78 = tanhc_d2(_t26)
    _t79 = _t35 * _t78
    _t80 = _t70 * _t79
    _t81 = (_t7) * _t20
    _t82 = _t25 * _t81
    _t83 = _t4 * _t82
    _t84 = 1 / _t1
    _t85 = _t84 / (alpha * alpha)
    _t86 = sinhc_d1(_t29)
    _t87 = 1 / (_t30 * _t30)
    _t88 = _t28 * _t44
    _t89 = _t87 * _t88
    _t90 = _t86 * _t89
    _t91 = _t85 * _t90
    _t92 = 4 * _t85
    _t93 = _t22 * _t92
    _t94 = _t33 * _t93
    _t95 = _t19 * _t19
    _t96 = _t37 * _t95
    _t97 = _t38 * _t53 * _t85
    _t98 = _t86 * _t87
    _t99 = _t85 * _t98
    _t100 = _t28 * _t99
    _t101 = _t22 * _t32
    _t102 = 2 * _t85
    _t103 = _t102 * _t26
    _t104 = _t103 * _t44
    _t105 = _t2 * _t49
    _t106 = _t105 * _t59
    _t107 = _t102 * _t106
    _t108 = _t104 * _t49
    _t109 = _t102 * _t58
    _t110 = (_t25 * _t25 * _t25) * _t44 * _t55 * _t62
    _t111 = _t35 * _t50
    _t112 = _t111 * _t24
    _t113 = _t112 * _t95
    _t114 = _t25 * _t45
    _t115 = _t114 * _t48 * _t99
    _t116 = tanhc(_t26)
    _t117 = zcoth_minus_one_d1(_t29)
    _t118 = _t116 * _t117
    _t119 = _t25 * _t68
    _t120 = _t25 * _t71
    _t121 = _t102 * _t70
    _t122 = -_t102 * _t119 - _t118 * _t85 - _t120 * _t121
    _t123 = _t102 * _t68
    _t124 = _t121 * _t71
    _t125 = _t117 * _t72
    _t126 = _t125 * _t85
    _t127 = _t103 * _t75
    _t128 = _t26 * _t78
    _t129 = _t121 * _t128
    _t130 = jnp.where(_t17, 1 - _t15, _t18)
    _t131 = _t130 * _t21
    _t132 = _t131 * _t2
    _t133 = (_t6) * _t20
    _t134 = _t133 * _t39
    _t135 = _t134 * _t2
    _t136 = -_t132 + _t135
    _t137 = _t136 * _t33
    _t138 = _t131 - _t134
    _t139 = _t138 * _t45
    _t140 = _t138 * _t22
    _t141 = 2 * _t63
    _t142 = _t134 * _t51 + _t135 * _t33
    _t143 = _t74 * _t82
    _t144 = _t4 * _t81
    _t145 = _t144 * _t74
    _t146 = _t138 * _t70
    _t147 = _t138 * _t69 + _t146 * _t72
    _t148 = _t133 * _t38
    _t149 = _t148 * _t69
    _t150 = _t148 * _t73
    _t151 = _t138 * _t76
    _t152 = _t146 * _t79
    _t153 = jnp.where(_t17, _t15, 1 - _t18)
    _t154 = _t153 * _t21
    _t155 = _t154 * _t2
    _t156 = -_t135 - _t155
    _t157 = _t134 + _t154
    _t158 = _t157 * _t22
    _t159 = _t157 * _t69 + _t157 * _t73
    _t160 = _t157 * _t21
    _t161 = 1 / ((_t1 * _t1) * (alpha * alpha * alpha * alpha))
    _t162 = 2 * _t19
    _t163 = _t162 * _t90
    _t164 = _t161 * _t19
    _t165 = _t84 / (alpha * alpha * alpha)
    _t166 = 4 * _t161
    _t167 = _t33 * _t95
    _t168 = _t167 * _t21
    _t169 = 4 * _t165
    _t170 = _t21 * _t24 * _t95
    _t171 = _t19 * _t32
    _t172 = _t166 * _t58
    _t173 = _t172 * _t44
    _t174 = _t173 * _t19
    _t175 = _t48 * _t98
    _t176 = 2 * _t118
    _t177 = _t120 * _t166
    _t178 = _t102 * _t148 * _t167
    _t179 = _t19 * _t24
    _t180 = _t136 * _t179
    _t181 = _t102 * _t21 * _t96
    _t182 = _t104 * _t171
    _t183 = _t108 * _t19
    _t184 = _t138 * _t85
    _t185 = _t184 * _t19
    _t186 = _t105 * _t109
    _t187 = _t111 * _t138
    _t188 = _t122 * _t82
    _t189 = _t122 * _t144
    _t190 = _t102 * _t146
    _t191 = _t156 * _t179
    _t192 = _t157 * _t19
    _t193 = _t138 * _t138
    _t194 = _t171 * _t45
    _t195 = _t130 * _t148
    _t196 = 2 * _t195
    _t197 = _t133 * _t162 / (_t4 * _t4 * _t4)
    _t198 = _t197 * _t2
    _t199 = _t196 - _t197
    _t200 = _t19 * _t51
    _t201 = _t162 * _t24
    _t202 = _t116 * _t70 + tanhc_minus_one(_t26)
    _t203 = _t202 * _t81
    _t204 = _t203 * _t4
    _t205 = _t138 * _t144
    _t206 = _t156 * _t33
    _t207 = _t148 * _t153
    _t208 = _t2 * _t207
    _t209 = -_t195 + _t197 + _t207
    _t210 = _t111 * _t157
    _t211 = _t144 * _t157
    _t212 = _t157 * _t157
    _t213 = -_t197 - 2 * _t207
    y_D_x_D_x = jnp.where(
        _t0,
        jnp.asarray(0, x.dtype),
        jnp.where(
            _t67,
            _t2 * _t33 * _t34 - _t32 * _t43 * _t45 + _t34 * _t51 + _t35 * _t37 * _t43 + _t54 * _t56 + _t54 * _t63,
            _t52 * _t74 - _t83 * (_t76 * _t77 + _t77 * _t80),
        ),
    )
    y_D_x_D_alpha = jnp.where(
        _t0,
        jnp.asarray(0, x.dtype),
        jnp.where(
            _t67,
            _t100 * _t23 * _t24
            - _t101 * _t104
            + _t107
            - _t108 * _t22
            + _t109 * _t22 * _t24 * _t35 * _t49
            + _t110 * _t93
            - _t113 * _t97
            + _t115 * _t22
            - _t2 * _t96 * _t97
            + _t91
            - _t94,
            _t122 * _t40 - _t83 * (_t123 * _t21 + _t124 * _t21 + _t126 * _t21 + _t127 * _t21 + _t129 * _t21),
        ),
    )
    y_D_x_D_lower = jnp.where(
        _t0,
        jnp.asarray(0, x.dtype),
        jnp.where(
            _t67,
            _t101 * _t139
            + _t112 * _t136 * _t22
            - _t131 * _t51
            - _t132 * _t33
            + _t136 * _t23 * _t37
            + _t137
            - _t139 * _t50
            - _t140 * _t141
            - _t140 * _t56
            + _t142,
            -_t138 * _t145 + _t143 + _t147 * _t40 - _t83 * (-_t149 - _t150 - _t151 * _t21 - _t152 * _t21),
        ),
    )
    y_D_x_D_upper = jnp.where(
        _t0,
        jnp.asarray(0, x.dtype),
        jnp.where(
            _t67,
            -_t141 * _t158
            - _t142
            - _t154 * _t51
            - _t155 * _t33
            + (_t6) * (_t156 * _t19 * _t2 * _t20 * _t28 * _t31 * _t36 * _t9)
            + (_t6) * (_t156 * _t19 * _t20 * _t24 * _t25 * _t31 * _t35 * _t46 * _t47 * _t9)
            + _t156 * _t24 * _t28 * _t31
            + (_t6) * (_t157 * _t19 * _t20 * _t28 * _t31 * _t35 * _t44 * _t9)
            - _t157 * _t51
            - _t158 * _t56,
            -_t143 - _t145 * _t157 + _t159 * _t40 - _t83 * (_t149 + _t150 - _t160 * _t76 - _t160 * _t80),
        ),
    )
    y_D_alpha_D_alpha = jnp.where(
        _t0,
        jnp.asarray(0, x.dtype),
        jnp.where(
            _t67,
            -8 * _t105 * _t161 * _t170 * _t58
            + _t105 * _t174
            - _t106 * _t169 * _t19
            + _t161 * _t162 * (_t86 * _t86) * _t88 / (_t30 * _t30 * _t30)
            + _t161 * _t163
            - _t163 * _t165
            + 8 * _t164 * (_t25 * _t25 * _t25 * _t25) * _t45 * _t62
            - _t164 * _t89 * sinhc_d2(_t29)
            - _t166 * _t168
            - _t166 * _t170 * _t28 * _t98
            + _t166 * (_t19 * _t19 * _t19) * _t37 * _t77
            + _t168 * _t169
            - _t171 * _t173
            + _t174 * _t175 * _t2,
            -_t83
            * (
                _t116 * _t161 * zcoth_minus_one_d2(_t29)
                + _t117 * _t177
                - _t119 * _t166
                + _t119 * _t169
                + _t120 * _t169 * _t70
                - _t161 * _t176
                + _t165 * _t176
                + _t172 * _t70 * _t78
                + _t172 * _t75
                - _t177 * _t70
            ),
        ),
    )
    y_D_alpha_D_lower = jnp.where(
        _t0,
        jnp.asarray(0, x.dtype),
        jnp.where(
            _t67,
            _t100 * _t180
            + _t102 * _t170 * _t187
            - _t107 * _t130
            - 4 * _t110 * _t185
            - _t114 * _t175 * _t185
            - _t130 * _t91
            + _t130 * _t94
            - _t136 * _t181
            + _t138 * _t182
            + _t138 * _t183
            - _t178
            + _t180 * _t186,
            -_t138 * _t189
            + _t188
            - _t83 * (-_t123 * _t138 - _t125 * _t184 - _t127 * _t138 - _t128 * _t190 - _t190 * _t71),
        ),
    )
    y_D_alpha_D_upper = jnp.where(
        _t0,
        jnp.asarray(0, x.dtype),
        jnp.where(
            _t67,
            _t100 * _t191
            + _t102 * _t113 * _t160
            - _t107 * _t153
            - _t110 * _t192 * _t92
            - _t115 * _t192
            - _t153 * _t91
            + _t153 * _t94
            - _t156 * _t181
            + _t157 * _t182
            + _t157 * _t183
            + _t178
            + _t186 * _t191,
            -_t157 * _t189
            - _t188
            - _t83 * (-_t123 * _t157 - _t124 * _t157 - _t126 * _t157 - _t127 * _t157 - _t129 * _t157),
        ),
    )
    y_D_lower_D_lower = jnp.where(
        _t0,
        jnp.asarray(0, x.dtype),
        jnp.where(
            _t67,
            -2 * _t130 * _t137
            + 2 * _t130 * _t138 * _t25 * _t31 * _t35 * _t44 * _t46 * _t47
            + (_t136 * _t136) * _t19 * _t28 * _t31 * _t36
            - _t136 * _t187 * _t201
            + 2 * _t19 * _t193 * _t31 * _t44 * _t57 * _t58 * _t60 * _t61
            + _t19 * _t24 * _t28 * _t31 * (-_t196 * _t2 + _t198)
            - _t193 * _t194
            - _t199 * _t200,
            (2 * _t7) * (_t138 * _t20 * _t202)
            + (2 * _t7) * (_t147 * _t20 * _t25)
            - 2 * _t147 * _t205
            - _t199 * _t204
            - _t83 * (_t193 * _t76 + _t193 * _t80 + _t199 * _t69 + _t199 * _t73),
        ),
    )
    y_D_lower_D_upper = jnp.where(
        _t0,
        jnp.asarray(0, x.dtype),
        jnp.where(
            _t67,
            _t130 * _t157 * _t25 * _t31 * _t35 * _t44 * _t46 * _t47
            - _t130 * _t206
            + _t136 * _t156 * _t19 * _t28 * _t31 * _t36
            - _t137 * _t153
            + _t138 * _t153 * _t25 * _t31 * _t35 * _t44 * _t46 * _t47
            + 2 * _t138 * _t157 * _t19 * _t31 * _t44 * _t57 * _t58 * _t60 * _t61
            - _t138 * _t157 * _t194
            - _t180 * _t210
            - _t187 * _t191
            + _t19 * _t24 * _t28 * _t31 * ((_t6) * (_t130 * _t2 * _t20 * _t38) - _t198 - _t208)
            - _t200 * _t209,
            -_t138 * _t203
            - _t147 * _t211
            - _t147 * _t82
            + (_t7) * (_t157 * _t20 * _t202)
            + (_t7) * (_t159 * _t20 * _t25)
            - _t159 * _t205
            - _t204 * _t209
            - _t83 * (_t151 * _t157 + _t152 * _t157 + _t209 * _t69 + _t209 * _t73),
        ),
    )
    y_D_upper_D_upper = jnp.where(
        _t0,
        jnp.asarray(0, x.dtype),
        jnp.where(
            _t67,
            2 * _t153 * _t157 * _t25 * _t31 * _t35 * _t44 * _t46 * _t47
            - 2 * _t153 * _t206
            + (_t156 * _t156) * _t19 * _t28 * _t31 * _t36
            - _t156 * _t201 * _t210
            + 2 * _t19 * _t212 * _t31 * _t44 * _t57 * _t58 * _t60 * _t61
            + _t19 * _t24 * _t28 * _t31 * (_t198 + 2 * _t208)
            - _t194 * _t212
            - _t200 * _t213,
            -2 * _t157 * _t203
            - 2 * _t159 * _t211
            - 2 * _t159 * _t82
            - _t204 * _t213
            - _t83 * (_t212 * _t76 + _t212 * _t80 + _t213 * _t69 + _t213 * _t73),
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
        _runtime.FloatParam("alpha", 0.2, 0.0, 0.5, low_open=True, high_open=False),
        _runtime.IntParam("bits", 4, 1, 16),
        _runtime.FloatParam("lower", -1.0, -float("inf"), float("inf"), low_open=True, high_open=True),
        _runtime.FloatParam("upper", 1.0, -float("inf"), float("inf"), low_open=True, high_open=True),
    ],
    modes=("soft", "ste"),
    hard=_hard,
    kernels={
        "x": _runtime.Kernels(_value_x, _gradient_x, _hessian_x),
        "all": _runtime.Kernels(_value_all, _gradient_all, _hessian_all),
    },
    clipped=True,
)


def dsq_quant(x, alpha=0.2, bits=4, lower=-1.0, upper=1.0, mode="ste", name=None):
    """clip(x, lower, upper) rounded to 2**bits levels; soft: DSQ's tanh curve in each cell.

    Smooth forward: Piecewise((l, l >= x), (h, h <= x), (Piecewise(((x -
        evaluated_first(Piecewise((l + (h - l)*floor((2**B - 1)*(-l + x)/(h - l) + 1/2)/(2**B - 1),
        2**B >= 2*floor((2**B - 1)*(-l + x)/(h - l) + 1/2) + 1), (h - (h - l)*(2**B - floor((2**B -
        1)*(-l + x)/(h - l) + 1/2) - 1)/(2**B - 1), True))))*sinhc((2**B - 1)*(x -
        evaluated_first(Piecewise((l + (h - l)*floor((2**B - 1)*(-l + x)/(h - l) + 1/2)/(2**B - 1),
        2**B >= 2*floor((2**B - 1)*(-l + x)/(h - l) + 1/2) + 1), (h - (h - l)*(2**B - floor((2**B -
        1)*(-l + x)/(h - l) + 1/2) - 1)/(2**B - 1), True))))*log(-1 + 2/a)*sign(x -
        evaluated_first(Piecewise((l + (h - l)*floor((2**B - 1)*(-l + x)/(h - l) + 1/2)/(2**B - 1),
        2**B >= 2*floor((2**B - 1)*(-l + x)/(h - l) + 1/2) + 1), (h - (h - l)*(2**B - floor((2**B -
        1)*(-l + x)/(h - l) + 1/2) - 1)/(2**B - 1), True))))/(h - l))/(cosh((-(2**B - 1)*(x -
        evaluated_first(Piecewise((l + (h - l)*floor((2**B - 1)*(-l + x)/(h - l) + 1/2)/(2**B - 1),
        2**B >= 2*floor((2**B - 1)*(-l + x)/(h - l) + 1/2) + 1), (h - (h - l)*(2**B - floor((2**B -
        1)*(-l + x)/(h - l) + 1/2) - 1)/(2**B - 1), True))))*sign(x - evaluated_first(Piecewise((l +
        (h - l)*floor((2**B - 1)*(-l + x)/(h - l) + 1/2)/(2**B - 1), 2**B >= 2*floor((2**B - 1)*(-l
        + x)/(h - l) + 1/2) + 1), (h - (h - l)*(2**B - floor((2**B - 1)*(-l + x)/(h - l) + 1/2) -
        1)/(2**B - 1), True))))/(h - l) + 1/2)*log(-1 + 2/a))*sinhc(log(-1 + 2/a)/2)) +
        evaluated_first(Piecewise((l + (h - l)*floor((2**B - 1)*(-l + x)/(h - l) + 1/2)/(2**B - 1),
        2**B >= 2*floor((2**B - 1)*(-l + x)/(h - l) + 1/2) + 1), (h - (h - l)*(2**B - floor((2**B -
        1)*(-l + x)/(h - l) + 1/2) - 1)/(2**B - 1), True))), Abs((2**B - 1)*(l - x)/(h - l) +
        floor(-(2**B - 1)*(l - x)/(h - l) + 1/2)) < 1/4), (x - (h - l)*(tanhc((-(2**B - 1)*(x -
        evaluated_first(Piecewise((l + (h - l)*floor((2**B - 1)*(-l + x)/(h - l) + 1/2)/(2**B - 1),
        2**B >= 2*floor((2**B - 1)*(-l + x)/(h - l) + 1/2) + 1), (h - (h - l)*(2**B - floor((2**B -
        1)*(-l + x)/(h - l) + 1/2) - 1)/(2**B - 1), True))))*sign(x - evaluated_first(Piecewise((l +
        (h - l)*floor((2**B - 1)*(-l + x)/(h - l) + 1/2)/(2**B - 1), 2**B >= 2*floor((2**B - 1)*(-l
        + x)/(h - l) + 1/2) + 1), (h - (h - l)*(2**B - floor((2**B - 1)*(-l + x)/(h - l) + 1/2) -
        1)/(2**B - 1), True))))/(h - l) + 1/2)*log(-1 + 2/a))*zcoth_minus_one(log(-1 + 2/a)/2) +
        tanhc_minus_one((-(2**B - 1)*(x - evaluated_first(Piecewise((l + (h - l)*floor((2**B -
        1)*(-l + x)/(h - l) + 1/2)/(2**B - 1), 2**B >= 2*floor((2**B - 1)*(-l + x)/(h - l) + 1/2) +
        1), (h - (h - l)*(2**B - floor((2**B - 1)*(-l + x)/(h - l) + 1/2) - 1)/(2**B - 1),
        True))))*sign(x - evaluated_first(Piecewise((l + (h - l)*floor((2**B - 1)*(-l + x)/(h - l) +
        1/2)/(2**B - 1), 2**B >= 2*floor((2**B - 1)*(-l + x)/(h - l) + 1/2) + 1), (h - (h - l)*(2**B
        - floor((2**B - 1)*(-l + x)/(h - l) + 1/2) - 1)/(2**B - 1), True))))/(h - l) + 1/2)*log(-1 +
        2/a)))*(-(2**B - 1)*(x - evaluated_first(Piecewise((l + (h - l)*floor((2**B - 1)*(-l + x)/(h
        - l) + 1/2)/(2**B - 1), 2**B >= 2*floor((2**B - 1)*(-l + x)/(h - l) + 1/2) + 1), (h - (h -
        l)*(2**B - floor((2**B - 1)*(-l + x)/(h - l) + 1/2) - 1)/(2**B - 1), True))))*sign(x -
        evaluated_first(Piecewise((l + (h - l)*floor((2**B - 1)*(-l + x)/(h - l) + 1/2)/(2**B - 1),
        2**B >= 2*floor((2**B - 1)*(-l + x)/(h - l) + 1/2) + 1), (h - (h - l)*(2**B - floor((2**B -
        1)*(-l + x)/(h - l) + 1/2) - 1)/(2**B - 1), True))))/(h - l) + 1/2)*sign(x -
        evaluated_first(Piecewise((l + (h - l)*floor((2**B - 1)*(-l + x)/(h - l) + 1/2)/(2**B - 1),
        2**B >= 2*floor((2**B - 1)*(-l + x)/(h - l) + 1/2) + 1), (h - (h - l)*(2**B - floor((2**B -
        1)*(-l + x)/(h - l) + 1/2) - 1)/(2**B - 1), True))))/(2**B - 1), True)), True))
    Hard function: Piecewise((lower, lower >= x), (upper, upper <= x), (Piecewise((lower,
        round((2**bits - 1)*(-lower + x)/(-lower + upper)) <= 0), (upper, 2**bits <= round((2**bits
        - 1)*(-lower + x)/(-lower + upper)) + 1), ((lower*(2**bits - round((2**bits - 1)*(-lower +
        x)/(-lower + upper)) - 1) + upper*round((2**bits - 1)*(-lower + x)/(-lower +
        upper)))/(2**bits - 1), True)), True))
        round(u): round half to even (as tf.round, jnp.round and torch.round).
      with a = alpha, B = bits, l = lower, h = upper

    Args:
        x: float16, bfloat16, float32 or float64 jax.Array (float64 with jax_enable_x64).
        alpha: 1 - tanh(K/2): smaller is sharper; float or float tensor broadcasting with x
            (differentiable), in (0, 0.5], default 0.2.
        bits: bit width: 2**bits levels on [lower, upper]; a Python int in [1, 16], default 4.
        lower: lowest level (below upper); float or float tensor broadcasting with x
            (differentiable), in (-inf, inf), default -1.0.
        upper: highest level (above lower); float or float tensor broadcasting with x
            (differentiable), in (-inf, inf), default 1.0.
        mode: "soft" (smooth forward, exact derivative) or "ste" (hard forward, the smooth
            derivative as gradient); default "ste".
        name: optional name (a jax.named_scope).

    Returns:
        A tensor of x's dtype and the broadcast shape of x and the parameters.

    Source: Gong et al. 2019, Differentiable Soft Quantization (DSQ).
    """
    return _OP(x, {"alpha": alpha, "bits": bits, "lower": lower, "upper": upper}, mode, name)
