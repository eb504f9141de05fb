# Generated from template templates/torch/op.py.jinja and spec derive/catalog.py:dsq_quant.
# Do NOT modify by hand: edit the spec or the template, then run
#     python scripts/regenerate_ops.py
"""dsq_quant: Differentiable soft quantization: a tanh curve in each of the 2**bits - 1 cells of [lower, upper]."""

import torch

from . import _runtime


def polynomial(w, coefficients):
    """sum of coefficients[k] * w**k, in Horner form."""
    result = coefficients[-1]
    for coefficient in reversed(coefficients[:-1]):
        result = result * w + coefficient
    return result


def tanhc(z):
    """Tanh(z)/z: its Taylor series for |z| < pi/4, the direct form beyond."""
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
    inside = torch.lt(torch.abs(z), (1 / 4) * 3.1415926535897932)
    z = torch.where(inside, z + (1 / 2) * 3.1415926535897932, z)
    return torch.where(inside, series, torch.tanh(z) / z)


def tanhc_d1(z):
    """First derivative of tanh(z)/z: its Taylor series, odd for |z| < pi/4, the direct form beyond."""
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
    inside = torch.lt(torch.abs(z), (1 / 4) * 3.1415926535897932)
    z = torch.where(inside, z + (1 / 2) * 3.1415926535897932, z)
    _d0 = torch.exp(-2 * torch.abs(z))
    return torch.where(inside, series, 4 * _d0 / (z * ((_d0 + 1) * (_d0 + 1))) - torch.tanh(z) / (z * z))


def tanhc_d2(z):
    """Second derivative of tanh(z)/z: its Taylor series for |z| < pi/4, the direct form beyond."""
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
    inside = torch.lt(torch.abs(z), (1 / 4) * 3.1415926535897932)
    z = torch.where(inside, z + (1 / 2) * 3.1415926535897932, z)
    _d0 = 1 / z
    _d1 = torch.tanh(z)
    _d2 = torch.exp(-2 * torch.abs(z))
    _d3 = 4 * _d2 / ((_d2 + 1) * (_d2 + 1))
    return torch.where(inside, series, 2 * _d0 * (-_d0 * _d3 - _d1 * _d3 + _d1 / (z * z)))


def _hard(x, alpha, bits, lower, upper):
    _t0 = -lower + upper
    _t1 = (2**bits) - 1
    y = torch.where(
        torch.ge(lower, x),
        lower,
        torch.where(torch.le(upper, x), upper, _t0 * torch.round(_t1 * (-lower + x) / _t0) / _t1 + lower),
    )
    return (y,), ()


def _value_x(x, alpha, bits, lower, upper):
    _t0 = torch.ge(lower, x)
    _t1 = torch.le(upper, x)
    _t2 = (2**bits) - 1
    _t3 = -lower + x
    _t4 = -lower + upper
    _t5 = 1 / _t4
    _t6 = _t2 * _t5
    _t7 = torch.floor(_t3 * _t6) + 1 / 2
    _t8 = _t2 * _t3 * _t5 - _t7
    _t9 = torch.log(-1 + 2 / alpha)
    _t10 = 1 / tanhc((1 / 2) * _t9)
    _t11 = _t8 * _t9
    _t12 = _t10 * tanhc(_t11)
    _t13 = _t4 / _t2
    y = torch.where(_t0, lower, torch.where(_t1, upper, _t13 * (_t12 * _t8 + _t7) + lower))
    return (y,), (_t0, _t1, _t6, _t10, _t11, _t12, _t13)


def _gradient_from_residuals_x(x, alpha, bits, lower, upper, _t0, _t1, _t6, _t10, _t11, _t12, _t13):
    y_D_x = torch.where(
        torch.logical_or(_t0, _t1), x.new_full((), 0), _t13 * (_t10 * _t11 * _t6 * tanhc_d1(_t11) + _t12 * _t6)
    )
    return (y_D_x,), ()


def _gradient_x(x, alpha, bits, lower, upper):
    _t0 = -lower + upper
    _t1 = (2**bits) - 1
    _t2 = torch.log(-1 + 2 / alpha)
    _t3 = -lower + x
    _t4 = 1 / _t0
    _t5 = _t1 * _t4
    _t6 = _t2 * (_t1 * _t3 * _t4 - torch.floor(_t3 * _t5) - 1 / 2)
    _t7 = _t5 / tanhc((1 / 2) * _t2)
    y_D_x = torch.where(
        torch.logical_or(torch.ge(lower, x), torch.le(upper, x)),
        x.new_full((), 0),
        _t0 * (_t6 * _t7 * tanhc_d1(_t6) + _t7 * tanhc(_t6)) / _t1,
    )
    return (y_D_x,), ()


def _hessian_x(x, alpha, bits, lower, upper):
    _t0 = -lower + upper
    _t1 = (2**bits) - 1
    _t2 = torch.log(-1 + 2 / alpha)
    _t3 = -lower + x
    _t4 = 1 / _t0
    _t5 = _t1 * _t3 * _t4 - torch.floor(_t1 * _t3 * _t4) - 1 / 2
    _t6 = _t2 * _t5
    _t7 = (_t1**2) / ((_t0 * _t0) * tanhc((1 / 2) * _t2))
    y_D_x_D_x = torch.where(
        torch.logical_or(torch.ge(lower, x), torch.le(upper, x)),
        x.new_full((), 0),
        _t0 * ((_t2 * _t2) * _t5 * _t7 * tanhc_d2(_t6) + 2 * _t2 * _t7 * tanhc_d1(_t6)) / _t1,
    )
    return (y_D_x_D_x,), ()


def _value_all(x, alpha, bits, lower, upper):
    _t0 = torch.ge(lower, x)
    _t1 = torch.le(upper, x)
    _t2 = -lower + upper
    _t3 = (2**bits) - 1
    _t4 = 1 / _t3
    _t5 = -lower + x
    _t6 = 1 / _t2
    _t7 = _t3 * _t6
    _t8 = torch.floor(_t5 * _t7) + 1 / 2
    _t9 = _t3 * _t5 * _t6 - _t8
    _t10 = -1 + 2 / alpha
    _t11 = torch.log(_t10)
    _t12 = (1 / 2) * _t11
    _t13 = tanhc(_t12)
    _t14 = 1 / _t13
    _t15 = _t11 * _t9
    _t16 = tanhc(_t15)
    _t17 = _t14 * _t16
    _t18 = _t4 * (_t17 * _t9 + _t8)
    y = torch.where(_t0, lower, torch.where(_t1, upper, _t18 * _t2 + lower))
    return (y,), ()


def _gradient_all(x, alpha, bits, lower, upper):
    _t0 = torch.ge(lower, x)
    _t1 = torch.le(upper, x)
    _t2 = torch.logical_or(_t0, _t1)
    _t3 = (2**bits) - 1
    _t4 = -lower + upper
    _t5 = 1 / _t4
    _t6 = _t3 * _t5
    _t7 = -1 + 2 / alpha
    _t8 = torch.log(_t7)
    _t9 = (1 / 2) * _t8
    _t10 = tanhc(_t9)
    _t11 = 1 / _t10
    _t12 = -lower + x
    _t13 = torch.floor(_t12 * _t6) + 1 / 2
    _t14 = _t12 * _t3 * _t5 - _t13
    _t15 = _t14 * _t8
    _t16 = tanhc(_t15)
    _t17 = _t11 * _t16
    _t18 = _t11 * tanhc_d1(_t15)
    _t19 = _t15 * _t18
    _t20 = 1 / _t3
    _t21 = _t20 * _t4
    _t22 = 1 / (alpha * alpha)
    _t23 = 1 / _t7
    _t24 = _t20 * (_t13 + _t14 * _t17)
    _t25 = 1 / (_t4 * _t4)
    _t26 = _t12 * _t25 * _t3 - _t6
    _t27 = _t12 * _t25 * _t3
    y_D_x = torch.where(_t2, x.new_full((), 0), _t21 * (_t17 * _t6 + _t19 * _t6))
    y_D_alpha = torch.where(
        _t2,
        x.new_full((), 0),
        _t21 * (-2 * (_t14 * _t14) * _t18 * _t22 * _t23 + _t14 * _t16 * _t22 * _t23 * tanhc_d1(_t9) / (_t10 * _t10)),
    )
    y_D_lower = torch.where(
        _t0, x.new_full((), 1), torch.where(_t1, x.new_full((), 0), _t21 * (_t17 * _t26 + _t19 * _t26) - _t24 + 1)
    )
    y_D_upper = torch.where(
        _t0, x.new_full((), 0), torch.where(_t1, x.new_full((), 1), _t21 * (-_t17 * _t27 - _t19 * _t27) + _t24)
    )
    return (y_D_x, y_D_alpha, y_D_lower, y_D_upper), ()


def _hessian_all(x, alpha, bits, lower, upper):
    _t0 = torch.logical_or(torch.ge(lower, x), torch.le(upper, x))
    _t1 = -1 + 2 / alpha
    _t2 = torch.log(_t1)
    _t3 = (1 / 2) * _t2
    _t4 = tanhc(_t3)
    _t5 = 1 / _t4
    _t6 = (2**bits) - 1
    _t7 = -lower + x
    _t8 = -lower + upper
    _t9 = 1 / _t8
    _t10 = _t6 * _t9
    _t11 = _t6 * _t7 * _t9 - torch.floor(_t10 * _t7) - 1 / 2
    _t12 = _t11 * _t2
    _t13 = tanhc_d1(_t12)
    _t14 = _t13 * _t5
    _t15 = 2 * _t14
    _t16 = _t15 * _t2
    _t17 = 1 / (_t8 * _t8)
    _t18 = _t6**2
    _t19 = _t17 * _t18
    _t20 = _t5 * tanhc_d2(_t12)
    _t21 = _t11 * (_t2 * _t2) * _t20
    _t22 = 1 / _t6
    _t23 = _t22 * _t8
    _t24 = 1 / (alpha * alpha)
    _t25 = 1 / _t1
    _t26 = tanhc_d1(_t3)
    _t27 = 1 / (_t4 * _t4)
    _t28 = tanhc(_t12)
    _t29 = 4 * _t14
    _t30 = _t24 * _t25
    _t31 = _t11 * _t29 * _t30
    _t32 = 2 * _t10
    _t33 = _t11 * _t11
    _t34 = _t2 * _t20 * _t30 * _t33
    _t35 = _t28 * _t5
    _t36 = _t12 * _t14
    _t37 = _t22 * (_t10 * _t35 + _t10 * _t36)
    _t38 = -_t10 + _t17 * _t6 * _t7
    _t39 = _t14 * _t2
    _t40 = _t38 * _t39
    _t41 = _t21 * _t38
    _t42 = _t17 * _t6
    _t43 = _t35 * _t42 + _t36 * _t42
    _t44 = _t7 / (_t8 * _t8 * _t8)
    _t45 = 2 * _t44
    _t46 = _t18 * _t21
    _t47 = 1 / ((_t1 * _t1) * (alpha * alpha * alpha * alpha))
    _t48 = _t29 * _t33
    _t49 = 4 * _t47
    _t50 = _t25 / (alpha * alpha * alpha)
    _t51 = _t27 * _t28
    _t52 = _t11 * _t51
    _t53 = _t47 * _t52
    _t54 = 2 * _t26
    _t55 = _t13 * _t27
    _t56 = _t15 * _t30
    _t57 = _t22 * (_t11 * _t24 * _t25 * _t26 * _t27 * _t28 - _t33 * _t56)
    _t58 = _t42 * _t7
    _t59 = _t26 * _t30
    _t60 = 2 * _t58
    _t61 = _t22 * (_t35 * _t38 + _t36 * _t38)
    _t62 = _t45 * _t6
    _t63 = -_t62
    _t64 = -2 * _t42 - _t63
    _t65 = _t38 * _t38
    _t66 = _t22 * (-_t35 * _t58 - _t36 * _t58)
    _t67 = _t42 + _t63
    _t68 = (_t7 * _t7) / (_t8 * _t8 * _t8 * _t8)
    y_D_x_D_x = torch.where(_t0, x.new_full((), 0), _t23 * (_t16 * _t19 + _t19 * _t21))
    y_D_x_D_alpha = torch.where(
        _t0,
        x.new_full((), 0),
        _t23
        * (
            -_t10 * _t31
            + _t11 * _t13 * _t2 * _t24 * _t25 * _t26 * _t27 * _t6 * _t9
            + _t24 * _t25 * _t26 * _t27 * _t28 * _t6 * _t9
            - _t32 * _t34
        ),
    )
    y_D_x_D_lower = torch.where(_t0, x.new_full((), 0), _t23 * (_t10 * _t41 + _t32 * _t40 + _t43) - _t37)
    y_D_x_D_upper = torch.where(_t0, x.new_full((), 0), _t23 * (-_t18 * _t39 * _t45 - _t43 - _t44 * _t46) + _t37)
    y_D_alpha_D_alpha = torch.where(
        _t0,
        x.new_full((), 0),
        _t23
        * (
            (_t11 * _t11 * _t11) * _t20 * _t49
            + 2 * _t11 * (_t26 * _t26) * _t28 * _t47 / (_t4 * _t4 * _t4)
            - _t26 * _t33 * _t49 * _t55
            - _t47 * _t48
            + _t48 * _t50
            - _t50 * _t52 * _t54
            + _t53 * _t54
            - _t53 * tanhc_d2(_t3)
        ),
    )
    y_D_alpha_D_lower = torch.where(
        _t0,
        x.new_full((), 0),
        _t23
        * (
            _t11 * _t13 * _t2 * _t24 * _t25 * _t26 * _t27 * _t38
            - _t11 * _t56 * (2 * _t17 * _t6 * _t7 - _t32)
            + _t24 * _t25 * _t26 * _t27 * _t28 * _t38
            - 2 * _t34 * _t38
        )
        - _t57,
    )
    y_D_alpha_D_upper = torch.where(
        _t0,
        x.new_full((), 0),
        _t23 * (-_t12 * _t55 * _t58 * _t59 + _t31 * _t58 + _t34 * _t60 - _t51 * _t58 * _t59) + _t57,
    )
    y_D_lower_D_lower = torch.where(
        _t0, x.new_full((), 0), _t23 * (_t16 * _t65 + _t21 * _t65 + _t35 * _t64 + _t36 * _t64) - 2 * _t61
    )
    y_D_lower_D_upper = torch.where(
        _t0,
        x.new_full((), 0),
        _t23 * (_t11 * _t13 * _t2 * _t5 * _t67 + _t28 * _t5 * _t67 - _t40 * _t60 - _t41 * _t58) + _t61 - _t66,
    )
    y_D_upper_D_upper = torch.where(
        _t0, x.new_full((), 0), _t23 * (_t16 * _t18 * _t68 + _t35 * _t62 + _t36 * _t62 + _t46 * _t68) + 2 * _t66
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
    kernels={
        "x": _runtime.Kernels(_value_x, _gradient_from_residuals_x, _gradient_x, _hessian_x),
        "all": _runtime.Kernels(_value_all, None, _gradient_all, _hessian_all),
    },
)


def dsq_quant(x, alpha=0.2, bits=4, lower=-1.0, upper=1.0, mode="ste", name=None):
    """Differentiable soft quantization: a tanh curve in each of the 2**bits - 1 cells of
        [lower, upper].

    Smooth forward: Piecewise((L, L >= x), (U, U <= x), (L + (-L + U)*(((2**B - 1)*(-L + x)/(-L + U)
        - floor((2**B - 1)*(-L + x)/(-L + U)) - 1/2)*tanhc(((2**B - 1)*(-L + x)/(-L + U) -
        floor((2**B - 1)*(-L + x)/(-L + U)) - 1/2)*log(-1 + 2/a_dsq))/tanhc(log(-1 + 2/a_dsq)/2) +
        floor((2**B - 1)*(-L + x)/(-L + U)) + 1/2)/(2**B - 1), True))
    Hard function: Piecewise((lower, lower >= x), (upper, upper <= x), (lower + (-lower +
        upper)*round((2**bits - 1)*(-lower + x)/(-lower + upper))/(2**bits - 1), True))
        round(u): round half to even (as tf.round, jnp.round and torch.round).
      with a_dsq = alpha, B = bits, L = lower, U = upper

    Args:
        x: float16, bfloat16, float32 or float64 torch.Tensor.
        alpha: DSQ's characteristic variable: small is close to round; float or float tensor
            broadcasting with x (differentiable), in (0, 1), default 0.2.
        bits: bit width: 2**bits levels on [lower, upper]; a Python int in [1, 16], default 4.
        lower: lowest level (below upper); float or float tensor broadcasting with x
            (differentiable), in (-inf, inf), default -1.0.
        upper: highest level (above lower); float or float tensor broadcasting with x
            (differentiable), in (-inf, inf), default 1.0.
        mode: "soft" (smooth forward, exact derivative) or "ste" (hard forward, the smooth
            derivative as gradient); default "ste".
        name: unused; accepted for the same signature as the other backends.

    Returns:
        A tensor of x's dtype and the broadcast shape of x and the parameters.

    Source: Gong et al. 2019, Differentiable Soft Quantization (DSQ).
    """
    return _OP(x, {"alpha": alpha, "bits": bits, "lower": lower, "upper": upper}, mode, name)
