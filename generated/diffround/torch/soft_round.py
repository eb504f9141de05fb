# Generated from template templates/torch/op.py.jinja and spec derive/catalog.py:soft_round.
# Do NOT modify by hand: edit the spec or the template, then run
#     python scripts/regenerate_ops.py
"""soft_round: m + tanh(alpha*r)/(2*tanh(alpha/2)), m = floor(x) + 1/2, r = x - m: the soft rounding of neural compression."""

import torch

from . import _runtime


def polynomial(w, coefficients):
    """sum of coefficients[k] * w**k, in Horner form."""
    result = coefficients[-1]
    for coefficient in reversed(coefficients[:-1]):
        result = result * w + coefficient
    return result


def sinhc(z):
    """Sinh(z)/z: its Taylor series for |z| < 2, the direct form beyond."""
    if z.dtype == torch.float64:
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
    return torch.where(torch.lt(torch.abs(z), 2), series, ((1 / 2) * torch.exp(z) - 1 / 2 * torch.exp(-z)) / z)


def sinhc_small(z):
    """Sinh(z)/z, |z| < 2 (callers keep it there): its Taylor series."""
    if z.dtype == torch.float64:
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
    if z.dtype == torch.float64:
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
    if z.dtype == torch.float64:
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
    if z.dtype == torch.float64:
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
    if z.dtype == torch.float64:
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
    if z.dtype == torch.float64:
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
    if z.dtype == torch.float64:
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
    return torch.where(torch.lt(torch.abs(z), (1 / 2) * 3.1415926535897932), series, z / torch.tanh(z))


def zcoth_d1(z):
    """First derivative of z/tanh(z): its Taylor series, odd for |z| < pi/2, the direct form beyond."""
    if z.dtype == torch.float64:
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
    _d0 = torch.tanh(z)
    _d1 = torch.exp(-2 * torch.abs(z))
    return torch.where(
        torch.lt(torch.abs(z), (1 / 2) * 3.1415926535897932),
        series,
        1 / _d0 - 4 * _d1 * z / ((_d0 * _d0) * ((_d1 + 1) * (_d1 + 1))),
    )


def zcoth_d2(z):
    """Second derivative of z/tanh(z): its Taylor series for |z| < pi/2, the direct form beyond."""
    if z.dtype == torch.float64:
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
    _d0 = torch.tanh(z)
    _d1 = 1 / _d0
    _d2 = torch.exp(-2 * torch.abs(z))
    _d3 = _d2 / ((_d2 + 1) * (_d2 + 1))
    return torch.where(
        torch.lt(torch.abs(z), (1 / 2) * 3.1415926535897932),
        series,
        8 * _d1 * _d3 * (-_d1 + z * (1 + 4 * _d3 / (_d0 * _d0))),
    )


def _hard(x, alpha):
    y = torch.round(x)
    return (y,), ()


def _value_x(x, alpha):
    _n = torch.round(x)
    _r = -_n + x
    _t0 = torch.round(_r)
    _t1 = _r - _t0
    _t2 = torch.ge(_t1, 1 / 2)
    _t3 = torch.where(_t2, x.new_full((), 1), x.new_full((), 0))
    _t4 = -_r + _t0
    _t5 = _t3 + _t4
    _t6 = -_t5
    _t7 = torch.sign(_t6)
    _t8 = torch.abs(_t5)
    _t9 = _t8 - 1 / 2
    _t10 = -_t9
    _t11 = _t10 * alpha
    _t12 = (1 / 2) * alpha
    _t13 = zcoth(_t12)
    _t14 = _t13 * tanhc_small(_t11)
    _t15 = torch.tanh(_t12)
    _t16 = (1 / 2) * torch.log((_t15 + 2) / (2 - _t15))
    _t17 = torch.where(
        _t2,
        torch.lt(alpha * (1 / 2 - torch.where(torch.ge(_t4, -1), _t4 + 1, -_t4 - 1)), _t16),
        torch.lt(alpha * (1 / 2 - torch.where(torch.ge(_t1, 0), _t1, -_t1)), _t16),
    )
    _t18 = _t8 * alpha
    _t19 = sinhc_small(_t18)
    _t20 = (1 / 2) * torch.exp(_t11) + (1 / 2) * torch.exp(-_t11)
    _t21 = 1 / _t20
    _t22 = 1 / sinhc_small(_t12)
    _t23 = _t21 * _t22
    _t24 = torch.lt(alpha, 4)
    _t25 = _t6 * alpha
    _t26 = torch.tanh(_t25)
    _t27 = 1 / (1 + torch.exp(-alpha))
    _t28 = 1 / _t15
    _t29 = torch.exp(-2 * _t18)
    _t30 = _t29 + 1
    _t31 = torch.sigmoid(-2 * _t11)
    _t32 = _t27 * _t28 * _t30 * _t31
    y = (
        _n
        + _t0
        + _t3
        + torch.where(_t17, _t7 * (-_t10 * _t14 + 1 / 2), torch.where(_t24, _t19 * _t23 * _t6, _t26 * _t32))
    )
    return (y,), ()


def _gradient_x(x, alpha):
    _n = torch.round(x)
    _r = -_n + x
    _t0 = torch.round(_r)
    _t1 = _r - _t0
    _t2 = torch.ge(_t1, 1 / 2)
    _t3 = -_r + _t0
    _t4 = _t3 + torch.where(_t2, x.new_full((), 1), x.new_full((), 0))
    _t5 = -_t4
    _t6 = torch.abs(_t4)
    _t7 = _t6 - 1 / 2
    _t8 = -_t7
    _t9 = _t8 * alpha
    _t10 = torch.sign(_t4)
    _t11 = (1 / 2) * alpha
    _t12 = _t10 * zcoth(_t11)
    _t13 = torch.tanh(_t11)
    _t14 = (1 / 2) * torch.log((_t13 + 2) / (2 - _t13))
    _t15 = 1 / sinhc_small(_t11)
    _t16 = _t6 * alpha
    _t17 = sinhc_small(_t16)
    _t18 = (1 / 2) * torch.exp(_t9) + (1 / 2) * torch.exp(-_t9)
    _t19 = 1 / _t18
    _t20 = _t5 * alpha
    _t21 = torch.exp(-2 * _t16)
    _t22 = 1 / (1 + torch.exp(-alpha))
    _t23 = 1 / _t13
    _t24 = torch.sigmoid(-2 * _t9)
    _t25 = 2 * alpha
    _t26 = _t10 * _t25 * torch.tanh(_t20)
    _t27 = _t21 + 1
    _t28 = _t22 * _t23 * _t27
    _t29 = torch.exp(-_t25 * torch.abs(_t7))
    y_D_x = torch.where(
        torch.where(
            _t2,
            torch.gt(_t14, alpha * (1 / 2 - torch.where(torch.ge(_t3, -1), _t3 + 1, -_t3 - 1))),
            torch.gt(_t14, alpha * (1 / 2 - torch.where(torch.ge(_t1, 0), _t1, -_t1))),
        ),
        (-_t12 * _t9 * tanhc_small_d1(_t9) - _t12 * tanhc_small(_t9)) * torch.sign(_t5),
        torch.where(
            torch.lt(alpha, 4),
            -_t10 * _t15 * _t17 * _t5 * _t8 * (alpha * alpha) * sinhc(_t9) / (_t18 * _t18)
            - _t10 * _t15 * _t19 * _t20 * sinhc_small_d1(_t16)
            + _t15 * _t17 * _t19,
            _t21 * _t22 * _t23 * _t24 * _t26
            + _runtime.multiply_no_nan(-_t26 * _t28, _t29 / ((_t29 + 1) * (_t29 + 1)))
            + _runtime.multiply_no_nan(4 * _t24 * _t28 * alpha, _t21 / (_t27 * _t27)),
        ),
    )
    return (y_D_x,), ()


def _hessian_x(x, alpha):
    _n = torch.round(x)
    _r = -_n + x
    _t0 = torch.round(_r)
    _t1 = _r - _t0
    _t2 = torch.ge(_t1, 1 / 2)
    _t3 = -_r + _t0
    _t4 = _t3 + torch.where(_t2, x.new_full((), 1), x.new_full((), 0))
    _t5 = -_t4
    _t6 = torch.abs(_t4)
    _t7 = _t6 - 1 / 2
    _t8 = -_t7
    _t9 = _t8 * alpha
    _t10 = 2 * alpha
    _t11 = torch.sign(_t4)
    _t12 = _t11 * _t11
    _t13 = (1 / 2) * alpha
    _t14 = _t12 * zcoth(_t13)
    _t15 = alpha * alpha
    _t16 = _t15 * _t8
    _t17 = torch.tanh(_t13)
    _t18 = (1 / 2) * torch.log((_t17 + 2) / (2 - _t17))
    _t19 = _t6 * alpha
    _t20 = sinhc_small_d1(_t19)
    _t21 = (1 / 2) * torch.exp(_t9) + (1 / 2) * torch.exp(-_t9)
    _t22 = 1 / sinhc_small(_t13)
    _t23 = _t22 / _t21
    _t24 = _t12 * _t15
    _t25 = _t23 * _t24 * _t5
    _t26 = sinhc_small(_t19)
    _t27 = 2 * _t22 * _t26
    _t28 = sinhc(_t9)
    _t29 = _t28 / (_t21 * _t21)
    _t30 = _t12 * _t5
    _t31 = torch.sigmoid(-2 * _t9)
    _t32 = torch.exp(-2 * _t19)
    _t33 = 1 / (_t17 * (1 + torch.exp(-alpha)))
    _t34 = _t32 * _t33
    _t35 = _t31 * _t34
    _t36 = torch.tanh(_t5 * alpha)
    _t37 = 4 * _t24 * _t36
    _t38 = 16 * _t11
    _t39 = _t32 + 1
    _t40 = _t32 / (_t39 * _t39)
    _t41 = _t33 * _t39
    _t42 = _t15 * _t41
    _t43 = 8 * _t36
    _t44 = torch.exp(-_t10 * torch.abs(_t7))
    y_D_x_D_x = torch.where(
        torch.where(
            _t2,
            torch.gt(_t18, alpha * (1 / 2 - torch.where(torch.ge(_t3, -1), _t3 + 1, -_t3 - 1))),
            torch.gt(_t18, alpha * (1 / 2 - torch.where(torch.ge(_t1, 0), _t1, -_t1))),
        ),
        (-_t10 * _t14 * tanhc_small_d1(_t9) - _t14 * _t16 * tanhc_small_d2(_t9)) * torch.sign(_t5),
        torch.where(
            torch.lt(alpha, 4),
            -_t10 * _t11 * _t20 * _t23
            - _t11 * _t16 * _t27 * _t29
            + 2 * _t20 * _t22 * _t29 * _t30 * _t8 * (alpha * alpha * alpha)
            - _t25 * _t26
            + _t25 * sinhc_small_d2(_t19)
            + _t27 * (_t28 * _t28) * _t30 * (_t8 * _t8) * (alpha * alpha * alpha * alpha) / (_t21 * _t21 * _t21),
            _t35 * _t37
            + _runtime.multiply_no_nan(_t15 * _t35 * _t38, _t40)
            + _runtime.multiply_no_nan(-_t31 * _t42 * _t43, _t40)
            + _runtime.multiply_no_nan(
                -_t24 * _t34 * _t43 + _t37 * _t41 * torch.tanh(_t9) + _runtime.multiply_no_nan(-_t38 * _t42, _t40),
                _t44 / ((_t44 + 1) * (_t44 + 1)),
            ),
        ),
    )
    return (y_D_x_D_x,), ()


def _value_all(x, alpha):
    _n = torch.round(x)
    _r = -_n + x
    _t0 = torch.round(_r)
    _t1 = _r - _t0
    _t2 = torch.ge(_t1, 1 / 2)
    _t3 = torch.where(_t2, x.new_full((), 1), x.new_full((), 0))
    _t4 = -_r + _t0
    _t5 = _t3 + _t4
    _t6 = -_t5
    _t7 = torch.sign(_t6)
    _t8 = torch.abs(_t5)
    _t9 = _t8 - 1 / 2
    _t10 = -_t9
    _t11 = _t10 * alpha
    _t12 = tanhc_small(_t11)
    _t13 = (1 / 2) * alpha
    _t14 = zcoth(_t13)
    _t15 = _t12 * _t14
    _t16 = torch.tanh(_t13)
    _t17 = (1 / 2) * torch.log((_t16 + 2) / (2 - _t16))
    _t18 = torch.where(
        _t2,
        torch.lt(alpha * (1 / 2 - torch.where(torch.ge(_t4, -1), _t4 + 1, -_t4 - 1)), _t17),
        torch.lt(alpha * (1 / 2 - torch.where(torch.ge(_t1, 0), _t1, -_t1)), _t17),
    )
    _t19 = _t8 * alpha
    _t20 = sinhc_small(_t19)
    _t21 = (1 / 2) * torch.exp(_t11) + (1 / 2) * torch.exp(-_t11)
    _t22 = 1 / _t21
    _t23 = sinhc_small(_t13)
    _t24 = 1 / _t23
    _t25 = _t22 * _t24
    _t26 = torch.lt(alpha, 4)
    _t27 = torch.sigmoid(-2 * _t11)
    _t28 = torch.exp(-alpha)
    _t29 = _t28 + 1
    _t30 = 1 / _t29
    _t31 = 1 / _t16
    _t32 = torch.exp(-2 * _t19)
    _t33 = _t32 + 1
    _t34 = _t6 * alpha
    _t35 = torch.tanh(_t34)
    _t36 = _t30 * _t31 * _t33 * _t35
    y = (
        _n
        + _t0
        + _t3
        + torch.where(_t18, _t7 * (-_t10 * _t15 + 1 / 2), torch.where(_t26, _t20 * _t25 * _t6, _t27 * _t36))
    )
    return (y,), ()


def _gradient_all(x, alpha):
    _n = torch.round(x)
    _r = -_n + x
    _t0 = torch.round(_r)
    _t1 = _r - _t0
    _t2 = torch.ge(_t1, 1 / 2)
    _t3 = -_r + _t0
    _t4 = _t3 + torch.where(_t2, x.new_full((), 1), x.new_full((), 0))
    _t5 = -_t4
    _t6 = torch.sign(_t5)
    _t7 = torch.abs(_t4)
    _t8 = _t7 - 1 / 2
    _t9 = -_t8
    _t10 = _t9 * alpha
    _t11 = tanhc_small(_t10)
    _t12 = torch.sign(_t4)
    _t13 = (1 / 2) * alpha
    _t14 = zcoth(_t13)
    _t15 = _t12 * _t14
    _t16 = tanhc_small_d1(_t10)
    _t17 = torch.tanh(_t13)
    _t18 = (1 / 2) * torch.log((_t17 + 2) / (2 - _t17))
    _t19 = torch.where(
        _t2,
        torch.lt(alpha * (1 / 2 - torch.where(torch.ge(_t3, -1), _t3 + 1, -_t3 - 1)), _t18),
        torch.lt(alpha * (1 / 2 - torch.where(torch.ge(_t1, 0), _t1, -_t1)), _t18),
    )
    _t20 = sinhc_small(_t13)
    _t21 = 1 / _t20
    _t22 = _t7 * alpha
    _t23 = sinhc_small(_t22)
    _t24 = (1 / 2) * torch.exp(_t10) + (1 / 2) * torch.exp(-_t10)
    _t25 = 1 / _t24
    _t26 = _t5 * alpha
    _t27 = sinhc_small_d1(_t22)
    _t28 = _t23 * _t5
    _t29 = _t21 * sinhc(_t10) / (_t24 * _t24)
    _t30 = torch.lt(alpha, 4)
    _t31 = 2 * alpha
    _t32 = _t12 * _t31
    _t33 = torch.exp(-2 * _t22)
    _t34 = torch.exp(-alpha)
    _t35 = _t34 + 1
    _t36 = 1 / _t35
    _t37 = 1 / _t17
    _t38 = torch.tanh(_t26)
    _t39 = torch.sigmoid(-2 * _t10)
    _t40 = _t33 * _t36 * _t37 * _t38 * _t39
    _t41 = _t33 + 1
    _t42 = _t36 * _t37 * _t41
    _t43 = 4 * _t39 * _t42
    _t44 = _t33 / (_t41 * _t41)
    _t45 = _t38 * _t42
    _t46 = torch.exp(-_t31 * torch.abs(_t8))
    _t47 = _t46 / ((_t46 + 1) * (_t46 + 1))
    _t48 = _t9 * _t9
    _t49 = _t34 / (_t35 * _t35)
    _t50 = _t38 * _t39 * _t41
    _t51 = 2 * _t7
    y_D_x = torch.where(
        _t19,
        _t6 * (-_t10 * _t15 * _t16 - _t11 * _t15),
        torch.where(
            _t30,
            -_t12 * _t21 * _t25 * _t26 * _t27 - _t12 * _t28 * _t29 * _t9 * (alpha * alpha) + _t21 * _t23 * _t25,
            _t32 * _t40 + _runtime.multiply_no_nan(-_t32 * _t45, _t47) + _runtime.multiply_no_nan(_t43 * alpha, _t44),
        ),
    )
    y_D_alpha = torch.where(
        _t19,
        _t6 * (-1 / 2 * _t11 * _t9 * zcoth_d1(_t13) - _t14 * _t16 * _t48),
        torch.where(
            _t30,
            _t21 * _t25 * _t27 * _t5 * _t7
            - _t23 * _t26 * _t29 * _t48
            - 1 / 2 * _t25 * _t28 * sinhc_small_d1(_t13) / (_t20 * _t20),
            _t37 * _t49 * _t50
            - _t40 * _t51
            + _runtime.multiply_no_nan(_t43 * _t5, _t44)
            + _runtime.multiply_no_nan(_t45 * (_t51 - 1), _t47)
            + _runtime.multiply_no_nan(-2 * _t36 * _t50 / (_t17 * _t17), _t49),
        ),
    )
    return (y_D_x, y_D_alpha), ()


def _hessian_all(x, alpha):
    _n = torch.round(x)
    _r = -_n + x
    _t0 = torch.round(_r)
    _t1 = _r - _t0
    _t2 = torch.ge(_t1, 1 / 2)
    _t3 = -_r + _t0
    _t4 = _t3 + torch.where(_t2, x.new_full((), 1), x.new_full((), 0))
    _t5 = -_t4
    _t6 = torch.sign(_t5)
    _t7 = torch.sign(_t4)
    _t8 = _t7 * _t7
    _t9 = 2 * alpha
    _t10 = torch.abs(_t4)
    _t11 = _t10 - 1 / 2
    _t12 = -_t11
    _t13 = _t12 * alpha
    _t14 = tanhc_small_d1(_t13)
    _t15 = (1 / 2) * alpha
    _t16 = zcoth(_t15)
    _t17 = _t14 * _t16
    _t18 = _t16 * tanhc_small_d2(_t13)
    _t19 = alpha * alpha
    _t20 = _t19 * _t8
    _t21 = torch.tanh(_t15)
    _t22 = (1 / 2) * torch.log((_t21 + 2) / (2 - _t21))
    _t23 = torch.where(
        _t2,
        torch.lt(alpha * (1 / 2 - torch.where(torch.ge(_t3, -1), _t3 + 1, -_t3 - 1)), _t22),
        torch.lt(alpha * (1 / 2 - torch.where(torch.ge(_t1, 0), _t1, -_t1)), _t22),
    )
    _t24 = _t10 * alpha
    _t25 = sinhc_small_d1(_t24)
    _t26 = (1 / 2) * torch.exp(_t13) + (1 / 2) * torch.exp(-_t13)
    _t27 = 1 / _t26
    _t28 = sinhc_small(_t15)
    _t29 = 1 / _t28
    _t30 = _t27 * _t29
    _t31 = _t25 * _t30 * _t7
    _t32 = _t30 * _t5
    _t33 = _t32 * sinhc_small_d2(_t24)
    _t34 = sinhc_small(_t24)
    _t35 = _t32 * _t34
    _t36 = 2 * _t7
    _t37 = _t12 * _t36
    _t38 = _t29 * _t34
    _t39 = 1 / (_t26 * _t26)
    _t40 = sinhc(_t13)
    _t41 = _t39 * _t40
    _t42 = _t38 * _t41
    _t43 = alpha * alpha * alpha
    _t44 = _t5 * _t8
    _t45 = _t12 * _t41
    _t46 = _t25 * _t29
    _t47 = _t12 * _t12
    _t48 = 1 / (_t26 * _t26 * _t26)
    _t49 = _t40 * _t40
    _t50 = 2 * _t38 * _t48 * _t49
    _t51 = torch.lt(alpha, 4)
    _t52 = 2 * _t24
    _t53 = torch.exp(-_t52)
    _t54 = torch.exp(-alpha)
    _t55 = _t54 + 1
    _t56 = 1 / _t55
    _t57 = 1 / _t21
    _t58 = _t56 * _t57
    _t59 = _t53 * _t58
    _t60 = _t20 * _t59
    _t61 = _t5 * alpha
    _t62 = torch.tanh(_t61)
    _t63 = torch.sigmoid(-2 * _t13)
    _t64 = 4 * _t63
    _t65 = _t62 * _t64
    _t66 = 16 * _t7
    _t67 = _t59 * _t63
    _t68 = _t53 + 1
    _t69 = _t53 / (_t68 * _t68)
    _t70 = _t58 * _t68
    _t71 = _t19 * _t70
    _t72 = 8 * _t62
    _t73 = _t63 * _t72
    _t74 = _t62 * _t70
    _t75 = _t74 * torch.tanh(_t13)
    _t76 = torch.exp(-_t9 * torch.abs(_t11))
    _t77 = _t76 / ((_t76 + 1) * (_t76 + 1))
    _t78 = zcoth_d1(_t15)
    _t79 = tanhc_small(_t13)
    _t80 = (1 / 2) * _t7
    _t81 = _t14 * _t78
    _t82 = _t47 * alpha
    _t83 = (1 / 2) * _t27 * _t34
    _t84 = 1 / (_t28 * _t28)
    _t85 = sinhc_small_d1(_t15)
    _t86 = _t84 * _t85
    _t87 = _t24 * _t7
    _t88 = _t13 * _t7
    _t89 = _t12 * _t12 * _t12
    _t90 = _t10 * _t25
    _t91 = _t19 * _t5
    _t92 = _t54 / (_t55 * _t55)
    _t93 = _t57 * _t92
    _t94 = _t7 * _t9
    _t95 = _t64 * _t93
    _t96 = _t59 * _t62
    _t97 = _t64 * _t96
    _t98 = _t62 * _t68
    _t99 = _t93 * _t98
    _t100 = 8 * _t61
    _t101 = _t100 * _t7
    _t102 = 2 * _t10 - 1
    _t103 = _t63 * _t74
    _t104 = _t102 * _t70
    _t105 = 4 * alpha
    _t106 = _t69 * _t77
    _t107 = -_t102 * _t75
    _t108 = 1 / (_t21 * _t21)
    _t109 = _t108 * _t56
    _t110 = _t109 * alpha
    _t111 = _t63 * _t68
    _t112 = 8 * _t111
    _t113 = _t109 * _t98
    _t114 = _t27 * _t5
    _t115 = _t4 * _t4
    _t116 = _t41 * _t47
    _t117 = torch.exp(-_t9)
    _t118 = _t111 * _t62
    _t119 = _t10 * _t53
    _t120 = 16 * _t5
    _t121 = 4 * _t102
    y_D_x_D_x = torch.where(
        _t23,
        _t6 * (-_t12 * _t18 * _t20 - _t17 * _t8 * _t9),
        torch.where(
            _t51,
            -_t19 * _t37 * _t42
            + _t20 * _t33
            - _t20 * _t35
            - _t31 * _t9
            + 2 * _t43 * _t44 * _t45 * _t46
            + _t44 * _t47 * _t50 * (alpha * alpha * alpha * alpha),
            _t60 * _t65
            + _runtime.multiply_no_nan(-_t71 * _t73, _t69)
            + _runtime.multiply_no_nan(_t19 * _t66 * _t67, _t69)
            + _runtime.multiply_no_nan(
                4 * _t20 * _t75 - _t60 * _t72 + _runtime.multiply_no_nan(-_t66 * _t71, _t69), _t77
            ),
        ),
    )
    y_D_x_D_alpha = torch.where(
        _t23,
        _t6 * (-_t13 * _t80 * _t81 - _t17 * _t37 - _t18 * _t7 * _t82 - _t78 * _t79 * _t80),
        torch.where(
            _t51,
            _t10 * _t25 * _t27 * _t29
            + (1 / 2) * _t12 * _t19 * _t34 * _t39 * _t40 * _t5 * _t7 * _t84 * _t85
            + _t19 * _t25 * _t29 * _t39 * _t40 * _t47 * _t5 * _t7
            + (1 / 2) * _t25 * _t27 * _t5 * _t7 * _t84 * _t85 * alpha
            + 2 * _t29 * _t34 * _t43 * _t48 * _t49 * _t5 * _t7 * _t89
            - _t29 * _t45 * _t7 * _t90 * _t91
            - _t31 * _t5
            - _t33 * _t87
            - _t35 * _t88
            - _t42 * _t5 * _t88
            - _t42 * _t82
            - _t83 * _t86,
            _t36 * _t62 * _t67
            + _t53 * _t62 * _t63 * _t93 * _t94
            - _t87 * _t97
            + _runtime.multiply_no_nan(-_t100 * _t103, _t69)
            + _runtime.multiply_no_nan(_t101 * _t67, _t69)
            + _runtime.multiply_no_nan(-_t101 * _t70, _t106)
            + _runtime.multiply_no_nan(_t104 * _t105, _t106)
            + _runtime.multiply_no_nan(_t107 * _t94, _t77)
            + _runtime.multiply_no_nan(-8 * _t24 * _t67, _t69)
            + _runtime.multiply_no_nan(-_t36 * _t74, _t77)
            + _runtime.multiply_no_nan(_t64 * _t70, _t69)
            + _runtime.multiply_no_nan(4 * _t87 * _t96, _t77)
            + _runtime.multiply_no_nan(-_t94 * _t99, _t77)
            + _runtime.multiply_no_nan(_t102 * _t94 * _t96, _t77)
            + _runtime.multiply_no_nan(_t68 * _t95 * alpha, _t69)
            + _runtime.multiply_no_nan(
                -_t110 * _t53 * _t65 * _t7
                + _runtime.multiply_no_nan(-_t110 * _t112, _t69)
                + _runtime.multiply_no_nan(_t105 * _t113 * _t7, _t77),
                _t92,
            ),
        ),
    )
    y_D_alpha_D_alpha = torch.where(
        _t23,
        _t6 * (-1 / 4 * _t12 * _t79 * zcoth_d2(_t15) - _t18 * _t89 - _t47 * _t81),
        torch.where(
            _t51,
            -1 / 4 * _t114 * _t34 * _t84 * sinhc_small_d2(_t15)
            - _t114 * _t86 * _t90
            + _t115 * _t33
            + _t116 * _t34 * _t61 * _t86
            - _t116 * _t46 * _t5 * _t52
            + (_t12 * _t12 * _t12 * _t12) * _t50 * _t91
            - _t35 * _t47
            + _t5 * _t83 * (_t85 * _t85) / (_t28 * _t28 * _t28),
            _t115 * _t97
            + 2 * _t117 * _t118 * _t57 / (_t55 * _t55 * _t55)
            - _t118 * _t93
            - _t119 * _t62 * _t95
            + _runtime.multiply_no_nan(-_t102 * _t107, _t77)
            + _runtime.multiply_no_nan(2 * _t102 * _t99, _t77)
            + _runtime.multiply_no_nan(-8 * _t103 * (_t5 * _t5), _t69)
            + _runtime.multiply_no_nan(8 * _t104 * _t5, _t106)
            + _runtime.multiply_no_nan(-_t10 * _t120 * _t67, _t69)
            + _runtime.multiply_no_nan(-_t10 * _t121 * _t96, _t77)
            + _runtime.multiply_no_nan(_t112 * _t5 * _t93, _t69)
            + _runtime.multiply_no_nan(_t112 * _t56 * _t62 / (_t21 * _t21 * _t21), _t117 / (_t55 * _t55 * _t55 * _t55))
            + _runtime.multiply_no_nan(
                2 * _t103
                - _t108 * _t64 * _t92 * _t98
                + _t109 * _t119 * _t73
                + _runtime.multiply_no_nan(-_t113 * _t121, _t77)
                + _runtime.multiply_no_nan(-_t109 * _t111 * _t120, _t69),
                _t92,
            ),
        ),
    )
    return (y_D_x_D_x, y_D_x_D_alpha, y_D_alpha_D_alpha), ()


def _value_alpha_below_4(x, alpha):
    _n = torch.round(x)
    _r = -_n + x
    _t0 = torch.round(_r)
    _t1 = _r - _t0
    _t2 = torch.ge(_t1, 1 / 2)
    _t3 = torch.where(_t2, x.new_full((), 1), x.new_full((), 0))
    _t4 = -_r + _t0
    _t5 = _t3 + _t4
    _t6 = -_t5
    _t7 = torch.sign(_t6)
    _t8 = torch.abs(_t5)
    _t9 = 1 / 2 - _t8
    _t10 = _t9 * alpha
    _t11 = (1 / 2) * alpha
    _t12 = zcoth(_t11)
    _t13 = _t12 * tanhc_small(_t10)
    _t14 = torch.tanh(_t11)
    _t15 = (1 / 2) * torch.log((_t14 + 2) / (2 - _t14))
    _t16 = torch.where(
        _t2,
        torch.lt(alpha * (1 / 2 - torch.where(torch.ge(_t4, -1), _t4 + 1, -_t4 - 1)), _t15),
        torch.lt(alpha * (1 / 2 - torch.where(torch.ge(_t1, 0), _t1, -_t1)), _t15),
    )
    _t17 = _t8 * alpha
    _t18 = sinhc_small(_t17)
    _t19 = (1 / 2) * torch.exp(_t10) + (1 / 2) * torch.exp(-_t10)
    _t20 = 1 / _t19
    _t21 = 1 / sinhc_small(_t11)
    _t22 = _t20 * _t21
    y = _n + _t0 + _t3 + torch.where(_t16, _t7 * (-_t13 * _t9 + 1 / 2), _t18 * _t22 * _t6)
    return (y,), ()


def _gradient_alpha_below_4(x, alpha):
    _n = torch.round(x)
    _r = -_n + x
    _t0 = torch.round(_r)
    _t1 = _r - _t0
    _t2 = torch.ge(_t1, 1 / 2)
    _t3 = -_r + _t0
    _t4 = _t3 + torch.where(_t2, x.new_full((), 1), x.new_full((), 0))
    _t5 = -_t4
    _t6 = torch.abs(_t4)
    _t7 = 1 / 2 - _t6
    _t8 = _t7 * alpha
    _t9 = torch.sign(_t4)
    _t10 = (1 / 2) * alpha
    _t11 = _t9 * zcoth(_t10)
    _t12 = torch.tanh(_t10)
    _t13 = (1 / 2) * torch.log((_t12 + 2) / (2 - _t12))
    _t14 = 1 / sinhc_small(_t10)
    _t15 = _t6 * alpha
    _t16 = sinhc_small(_t15)
    _t17 = (1 / 2) * torch.exp(_t8) + (1 / 2) * torch.exp(-_t8)
    _t18 = 1 / _t17
    _t19 = _t5 * _t9
    y_D_x = torch.where(
        torch.where(
            _t2,
            torch.gt(_t13, alpha * (1 / 2 - torch.where(torch.ge(_t3, -1), _t3 + 1, -_t3 - 1))),
            torch.gt(_t13, alpha * (1 / 2 - torch.where(torch.ge(_t1, 0), _t1, -_t1))),
        ),
        (-_t11 * _t8 * tanhc_small_d1(_t8) - _t11 * tanhc_small(_t8)) * torch.sign(_t5),
        _t14 * _t16 * _t18
        - _t14 * _t16 * _t19 * _t7 * (alpha * alpha) * sinhc(_t8) / (_t17 * _t17)
        - _t14 * _t18 * _t19 * alpha * sinhc_small_d1(_t15),
    )
    return (y_D_x,), ()


def _hessian_alpha_below_4(x, alpha):
    _n = torch.round(x)
    _r = -_n + x
    _t0 = torch.round(_r)
    _t1 = _r - _t0
    _t2 = torch.ge(_t1, 1 / 2)
    _t3 = -_r + _t0
    _t4 = _t3 + torch.where(_t2, x.new_full((), 1), x.new_full((), 0))
    _t5 = -_t4
    _t6 = torch.abs(_t4)
    _t7 = 1 / 2 - _t6
    _t8 = _t7 * alpha
    _t9 = torch.sign(_t4)
    _t10 = _t9 * _t9
    _t11 = (1 / 2) * alpha
    _t12 = _t10 * zcoth(_t11)
    _t13 = 2 * alpha
    _t14 = alpha * alpha
    _t15 = _t14 * _t7
    _t16 = torch.tanh(_t11)
    _t17 = (1 / 2) * torch.log((_t16 + 2) / (2 - _t16))
    _t18 = _t6 * alpha
    _t19 = sinhc_small_d1(_t18)
    _t20 = (1 / 2) * torch.exp(_t8) + (1 / 2) * torch.exp(-_t8)
    _t21 = 1 / sinhc_small(_t11)
    _t22 = _t21 / _t20
    _t23 = _t10 * _t5
    _t24 = _t14 * _t22 * _t23
    _t25 = sinhc_small(_t18)
    _t26 = 2 * _t21 * _t25
    _t27 = sinhc(_t8)
    _t28 = _t27 / (_t20 * _t20)
    y_D_x_D_x = torch.where(
        torch.where(
            _t2,
            torch.gt(_t17, alpha * (1 / 2 - torch.where(torch.ge(_t3, -1), _t3 + 1, -_t3 - 1))),
            torch.gt(_t17, alpha * (1 / 2 - torch.where(torch.ge(_t1, 0), _t1, -_t1))),
        ),
        (-_t12 * _t13 * tanhc_small_d1(_t8) - _t12 * _t15 * tanhc_small_d2(_t8)) * torch.sign(_t5),
        -_t13 * _t19 * _t22 * _t9
        - _t15 * _t26 * _t28 * _t9
        + 2 * _t19 * _t21 * _t23 * _t28 * _t7 * (alpha * alpha * alpha)
        - _t24 * _t25
        + _t24 * sinhc_small_d2(_t18)
        + _t23 * _t26 * (_t27 * _t27) * (_t7 * _t7) * (alpha * alpha * alpha * alpha) / (_t20 * _t20 * _t20),
    )
    return (y_D_x_D_x,), ()


def _value_alpha_from_4(x, alpha):
    _n = torch.round(x)
    _r = -_n + x
    _t0 = torch.round(_r)
    _t1 = _r - _t0
    _t2 = torch.ge(_t1, 1 / 2)
    _t3 = torch.where(_t2, x.new_full((), 1), x.new_full((), 0))
    _t4 = -_r + _t0
    _t5 = _t3 + _t4
    _t6 = -_t5
    _t7 = torch.sign(_t6)
    _t8 = torch.abs(_t5)
    _t9 = _t8 - 1 / 2
    _t10 = -_t9
    _t11 = _t10 * alpha
    _t12 = (1 / 2) * alpha
    _t13 = zcoth(_t12)
    _t14 = _t13 * tanhc_small(_t11)
    _t15 = torch.tanh(_t12)
    _t16 = (1 / 2) * torch.log((_t15 + 2) / (2 - _t15))
    _t17 = torch.where(
        _t2,
        torch.lt(alpha * (1 / 2 - torch.where(torch.ge(_t4, -1), _t4 + 1, -_t4 - 1)), _t16),
        torch.lt(alpha * (1 / 2 - torch.where(torch.ge(_t1, 0), _t1, -_t1)), _t16),
    )
    _t18 = torch.tanh(_t6 * alpha)
    _t19 = 1 / (1 + torch.exp(-alpha))
    _t20 = 1 / _t15
    _t21 = 2 * alpha
    _t22 = torch.exp(-_t21 * _t8)
    _t23 = _t22 + 1
    _t24 = torch.sigmoid(-2 * _t11)
    _t25 = _t19 * _t20 * _t23 * _t24
    y = _n + _t0 + _t3 + torch.where(_t17, _t7 * (-_t10 * _t14 + 1 / 2), _t18 * _t25)
    return (y,), ()


def _gradient_alpha_from_4(x, alpha):
    _n = torch.round(x)
    _r = -_n + x
    _t0 = torch.round(_r)
    _t1 = _r - _t0
    _t2 = torch.ge(_t1, 1 / 2)
    _t3 = -_r + _t0
    _t4 = _t3 + torch.where(_t2, x.new_full((), 1), x.new_full((), 0))
    _t5 = -_t4
    _t6 = torch.abs(_t4)
    _t7 = _t6 - 1 / 2
    _t8 = -_t7 * alpha
    _t9 = torch.sign(_t4)
    _t10 = (1 / 2) * alpha
    _t11 = _t9 * zcoth(_t10)
    _t12 = torch.tanh(_t10)
    _t13 = (1 / 2) * torch.log((_t12 + 2) / (2 - _t12))
    _t14 = 2 * alpha
    _t15 = torch.exp(-_t14 * _t6)
    _t16 = 1 / (1 + torch.exp(-alpha))
    _t17 = 1 / _t12
    _t18 = torch.sigmoid(-2 * _t8)
    _t19 = _t14 * _t9 * torch.tanh(_t5 * alpha)
    _t20 = _t15 + 1
    _t21 = _t16 * _t17 * _t20
    _t22 = torch.exp(-_t14 * torch.abs(_t7))
    y_D_x = torch.where(
        torch.where(
            _t2,
            torch.gt(_t13, alpha * (1 / 2 - torch.where(torch.ge(_t3, -1), _t3 + 1, -_t3 - 1))),
            torch.gt(_t13, alpha * (1 / 2 - torch.where(torch.ge(_t1, 0), _t1, -_t1))),
        ),
        (-_t11 * _t8 * tanhc_small_d1(_t8) - _t11 * tanhc_small(_t8)) * torch.sign(_t5),
        _t15 * _t16 * _t17 * _t18 * _t19
        + _runtime.multiply_no_nan(-_t19 * _t21, _t22 / ((_t22 + 1) * (_t22 + 1)))
        + _runtime.multiply_no_nan(4 * _t18 * _t21 * alpha, _t15 / (_t20 * _t20)),
    )
    return (y_D_x,), ()


def _hessian_alpha_from_4(x, alpha):
    _n = torch.round(x)
    _r = -_n + x
    _t0 = torch.round(_r)
    _t1 = _r - _t0
    _t2 = torch.ge(_t1, 1 / 2)
    _t3 = -_r + _t0
    _t4 = _t3 + torch.where(_t2, x.new_full((), 1), x.new_full((), 0))
    _t5 = -_t4
    _t6 = torch.abs(_t4)
    _t7 = _t6 - 1 / 2
    _t8 = -_t7
    _t9 = _t8 * alpha
    _t10 = 2 * alpha
    _t11 = torch.sign(_t4)
    _t12 = _t11 * _t11
    _t13 = (1 / 2) * alpha
    _t14 = _t12 * zcoth(_t13)
    _t15 = alpha * alpha
    _t16 = torch.tanh(_t13)
    _t17 = (1 / 2) * torch.log((_t16 + 2) / (2 - _t16))
    _t18 = torch.sigmoid(-2 * _t9)
    _t19 = torch.exp(-_t10 * _t6)
    _t20 = _t15 / (_t16 * (1 + torch.exp(-alpha)))
    _t21 = _t19 * _t20
    _t22 = _t18 * _t21
    _t23 = torch.tanh(_t5 * alpha)
    _t24 = 4 * _t12 * _t23
    _t25 = 16 * _t11
    _t26 = _t19 + 1
    _t27 = _t19 / (_t26 * _t26)
    _t28 = _t20 * _t26
    _t29 = 8 * _t23
    _t30 = torch.exp(-_t10 * torch.abs(_t7))
    y_D_x_D_x = torch.where(
        torch.where(
            _t2,
            torch.gt(_t17, alpha * (1 / 2 - torch.where(torch.ge(_t3, -1), _t3 + 1, -_t3 - 1))),
            torch.gt(_t17, alpha * (1 / 2 - torch.where(torch.ge(_t1, 0), _t1, -_t1))),
        ),
        (-_t10 * _t14 * tanhc_small_d1(_t9) - _t14 * _t15 * _t8 * tanhc_small_d2(_t9)) * torch.sign(_t5),
        _t22 * _t24
        + _runtime.multiply_no_nan(_t22 * _t25, _t27)
        + _runtime.multiply_no_nan(-_t18 * _t28 * _t29, _t27)
        + _runtime.multiply_no_nan(
            -_t12 * _t21 * _t29 + _t24 * _t28 * torch.tanh(_t9) + _runtime.multiply_no_nan(-_t25 * _t28, _t27),
            _t30 / ((_t30 + 1) * (_t30 + 1)),
        ),
    )
    return (y_D_x_D_x,), ()


_OP = _runtime.Op(
    name="soft_round",
    params=[_runtime.FloatParam("alpha", 5.0, 0.0, float("inf"), low_open=False, high_open=True)],
    modes=("soft", "ste"),
    hard=_hard,
    kernels={
        "x": _runtime.Kernels(_value_x, None, _gradient_x, _hessian_x),
        "all": _runtime.Kernels(_value_all, None, _gradient_all, _hessian_all),
        "alpha_below_4": _runtime.Kernels(_value_alpha_below_4, None, _gradient_alpha_below_4, _hessian_alpha_below_4),
        "alpha_from_4": _runtime.Kernels(_value_alpha_from_4, None, _gradient_alpha_from_4, _hessian_alpha_from_4),
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
        round(u): round half to even (as tf.round, jnp.round and torch.round).
      with alpha = alpha

    Args:
        x: float16, bfloat16, float32 or float64 torch.Tensor.
        alpha: sharpness: 0 is the identity, large values approach round; float or float tensor
            broadcasting with x (differentiable), in [0, inf), default 5.0.
        mode: "soft" (smooth forward, exact derivative) or "ste" (hard forward, the smooth
            derivative as gradient); default "soft".
        name: unused; accepted for the same signature as the other backends.

    Returns:
        A tensor of x's dtype and the broadcast shape of x and the parameters.

    Source: Agustsson & Theis 2020, Universally Quantized Neural Compression, Sec. 4.1.
    """
    return _OP(x, {"alpha": alpha}, mode, name)
