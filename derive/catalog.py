"""The built-in catalog: every approximation diffround ships.

A new approximation goes here (or in a user file passed with --catalog):
write its smooth forward expression in SymPy, declare its parameters, name
the hard function it stands for. Everything else is derived.
"""

import sympy as sp
from sympy.codegen.cfunctions import log1p

from .functions import (
    atanhc_small,
    evaluated_first,
    for_fixed_parameters,
    hard_round,
    hard_sign,
    hard_step,
    inverse_near_half_integer,
    inverse_near_integer,
    log1p_ratio,
    saturating_product,
    sigmoid,
    sigmoid_slope,
    sinhc,
    sinhc_small,
    sum_exact_pair_first,
    swish_sign_curve,
    tanhc,
    tanhc_minus_one,
    tanhc_small,
    value_from,
    zcoth,
    zcoth_minus_one,
)
from .quantization import clamp, divided, identity_backward, quantization_range, round_half_away, round_ste, straight_through
from .random_ops import RandomOp, u as uniform_draw
from .spec import (
    BATCH_MAX,
    BATCH_MIN,
    ELEMENTS,
    MEAN_ABS,
    Approximation,
    Param,
    QuantizerLayer,
    Surrogate,
    SurrogateChoice,
    x,
)

half = sp.Rational(1, 2)
n = sp.floor(x)
r = x - n  # fractional part, written so that it lowers to x - floor(x)

steepness = sp.Symbol("k", positive=True)
width = sp.Symbol("w", positive=True)
center = sp.Symbol("c", real=True)
threshold = sp.Symbol("t", real=True)
gain = sp.Symbol("g", positive=True)
terms = sp.Symbol("N", integer=True, positive=True)
depth = sp.Symbol("D", integer=True, positive=True)
j = sp.Symbol("j", integer=True, positive=True)
clip = sp.Symbol("l", positive=True)
beta = sp.Symbol("b", positive=True)

sigmoid_round = Approximation(
    name="sigmoid_round",
    monotone=True,
    hard="round",
    expr=n + sigmoid(steepness * (r - half)),
    params={"steepness": Param(steepness, 10.0, doc="slope of the sigmoid at the half-integers")},
    doc="floor(x) plus a logistic sigmoid of the fractional part, centred on the half-integer.",
    source="seeds 000, 002, 004 (with the gradient's missing factor steepness restored)",
)

# sine_round as the seeds write it: floor(x) plus a half-sine ramp of width w around each
# half-integer, on the fractional part r.
_seed_sine_round = sp.Piecewise(
    (n, r <= half - width / 2),
    (n + 1, r >= half + width / 2),
    (n + (1 + sp.sin(sp.pi * (r - half) / width)) / 2, True),
)
# Written here around the nearest integer n = floor(x + 1/2), t = x - n, a = |t|: the
# window's edges are where its margin m = w - (1 - 2a) is 0 (m > 0 inside), the integers
# themselves for w = 1, where r rounds just below 1 and the seeds' 1 + sin(...) cancels.
# The same function is n + sign(t)*sin(pi*m/(4w))**2 from the edges to halfway (m = w/2),
# m rounded once, and n + sign(t)*(1 - sin(pi*v/w))/2 from there to the half-integer,
# v = 1/2 - a (exact there): each sine stays away from 1, where its derivative would cancel.
_nearest_integer = sp.floor(x + half)
_integer_offset = x - _nearest_integer
_window_margin = sum_exact_pair_first(width, -1, 2 * sp.Abs(_integer_offset))
sine_round = Approximation(
    name="sine_round",
    monotone=True,
    hard="round",
    expr=_nearest_integer
    + sp.sign(_integer_offset)
    * sp.Piecewise(
        (0, _window_margin <= 0),
        (sp.sin(sp.pi * _window_margin / (4 * width)) ** 2, _window_margin <= width / 2),
        ((1 - sp.sin(sp.pi * (half - sp.Abs(_integer_offset)) / width)) / 2, True),
    ),
    params={
        "width": Param(width, 0.1, domain=sp.Interval.Lopen(0, 1), doc="width of the half-sine window around each half-integer")
    },
    doc="floor(x) plus a half-sine ramp of the given width around each half-integer, flat elsewhere.",
    source="seeds 000, 002 (with the window's upper edge r = 1/2 + width/2 mapped to 1, not 0)",
    shift_equivariant=True,
    published={"y": (_seed_sine_round, "seeds 000, 002: floor(x) + (1 + sin(pi*(r - 1/2)/w))/2 inside the window")},
)

fourier_round = Approximation(
    name="fourier_round",
    hard="round",
    expr=x + sp.Sum((-1) ** j * sp.sin(2 * sp.pi * j * x) / j, (j, 1, terms)) / sp.pi,
    # a long sum is a loop in the kernels (docs/tensorflow.md, "Integer parameters"):
    # the bound keeps a call's work (terms sines per element) and its rounding in reach
    params={"terms": Param(terms, 5, domain=sp.Interval(1, 1000), doc="number of sine terms of the sawtooth series")},
    doc="x plus the truncated Fourier series of the sawtooth round(x) - x.",
    source="seed 001",
    shift_equivariant=True,
)

sine_staircase_round = Approximation(
    name="sine_staircase_round",
    monotone=True,
    hard="round",
    expr=x - sp.sin(2 * sp.pi * x) / (2 * sp.pi),
    # a few compositions already flatten the steps past what float64 resolves (g
    # cubes the distance to the integer); torch.compile unrolls each one
    params={"depth": Param(depth, 1, domain=sp.Interval(1, 16), doc="how many times g(x) = x - sin(2 pi x)/(2 pi) is composed")},
    doc="g(x) = x - sin(2 pi x)/(2 pi), composed depth times; each composition steepens the steps.",
    source="seed 001",
    repeat="depth",
    shift_equivariant=True,
)

ste_round = Approximation(
    name="ste_round",
    monotone=True,
    hard="round",
    expr=x,
    doc="Straight-through round: forward exactly round(x), gradient 1.",
    source="seed 001 (x - stop_gradient(x - round(x)))",
    modes=("ste",),
)

sigmoid_step = Approximation(
    name="sigmoid_step",
    monotone=True,
    hard=hard_step(x - center),
    expr=sigmoid(steepness * (x - center)),
    params={
        "steepness": Param(steepness, 10.0, doc="slope of the sigmoid at the centre"),
        "center": Param(center, 0.0, doc="where the step is"),
    },
    doc="Logistic sigmoid step; overflow-free at any steepness.",
    source="seed 001 (e/(e+1) with e = exp(1000*(x - 0.5)), which overflows to NaN)",
)

_ramp = (x - threshold) * gain
hard_step_ = Approximation(
    name="hard_step",
    monotone=True,
    hard=hard_step(x - threshold),
    expr=sp.Piecewise((0, _ramp <= 0), (1, _ramp >= 1), (_ramp, True)),
    params={
        "threshold": Param(threshold, 0.499, doc="where the ramp starts"),
        "gain": Param(gain, 10000.0, doc="slope of the ramp"),
    },
    doc="min(max((x - threshold)*gain, 0), 1): a steep linear ramp clipped to [0, 1].",
    source="seed 001",
)

_d = (x - center) / width
triangle_step = Approximation(
    name="triangle_step",
    monotone=True,
    hard=hard_step(x - center),
    expr=sp.Piecewise(
        (0, _d <= -1),
        ((1 + _d) ** 2 / 2, _d <= 0),
        (1 - (1 - _d) ** 2 / 2, _d < 1),
        (1, True),
    ),
    params={
        "width": Param(width, 1.0, doc="half-width of the triangular derivative"),
        "center": Param(center, 0.0, doc="where the step is"),
    },
    doc="C1 piecewise quadratic whose derivative is the triangle max(0, 1 - |x - center|/width)/width.",
    source="seed 003 (triangle surrogate max(0, 1 - |x|))",
)

# -- spiking-network surrogates (forward: Heaviside) ----------------------------------
_dc = x - center
fast_sigmoid_step = Approximation(
    name="fast_sigmoid_step",
    monotone=True,
    hard=hard_step(x - center),
    # 1/2 + s*d/(2*(1 + s*|d|)), each half written without cancellation
    expr=sp.Piecewise((1 / (2 * (1 - steepness * _dc)), _dc < 0), (1 - 1 / (2 * (1 + steepness * _dc)), True)),
    params={
        "steepness": Param(steepness, 25.0, doc="slope parameter s"),
        "center": Param(center, 0.0, doc="where the step is"),
    },
    doc="1/2 + s*d/(2*(1 + s*|d|)), d = x - center: the fast sigmoid, whose derivative decays as 1/d**2.",
    source="SuperSpike (Zenke & Ganguli 2018) / snnTorch fast_sigmoid",
    published={
        "x": (
            steepness / (2 * (1 + steepness * sp.Abs(_dc)) ** 2),
            "snnTorch's fast_sigmoid surrogate 1/(1 + k|x|)**2, times k/2 so that it integrates to 1",
        )
    },
)

sharpness = sp.Symbol("a", positive=True)
_z = sp.pi * sharpness * _dc / 2
atan_step = Approximation(
    name="atan_step",
    monotone=True,
    hard=hard_step(x - center),
    # 1/2 + atan(z)/pi; below z = -1 as -atan(1/z)/pi, which does not cancel
    expr=sp.Piecewise((-sp.atan(1 / _z) / sp.pi, _z < -1), (half + sp.atan(_z) / sp.pi, True)),
    params={
        "alpha": Param(sharpness, 2.0, doc="sharpness"),
        "center": Param(center, 0.0, doc="where the step is"),
    },
    doc="1/2 + atan(pi*alpha*(x - center)/2)/pi: the arctangent step.",
    source="snnTorch atan surrogate (default)",
    published={"x": ((sharpness / 2) / (1 + _z**2), "snnTorch atan surrogate: (alpha/2)/(1 + (pi*alpha*x/2)**2)")},
)

# -- binary-network signs (forward: sign with sign(0) = +1) ---------------------------
ste_sign = Approximation(
    name="ste_sign",
    monotone=True,
    hard="sign",
    expr=sp.Piecewise((-clip, x < -clip), (clip, x > clip), (x, True)),
    params={"clip": Param(clip, 1.0, doc="gradient is 1 for |x| <= clip, 0 beyond")},
    doc="clip(x, -clip, clip): the straight-through sign.",
    source="Larq SteSign",
    default_mode="ste",
    published={"x": (sp.Piecewise((1, sp.Abs(x) <= clip), (0, True)), "Larq SteSign: 1[|x| <= clip]")},
)

approx_sign = Approximation(
    name="approx_sign",
    monotone=True,
    hard="sign",
    expr=sp.Piecewise((-1, x < -1), (2 * x + x**2, x < 0), (2 * x - x**2, x < 1), (1, True)),
    doc="Piecewise quadratic sign: -1, 2x + x**2, 2x - x**2, 1 on x < -1, [-1, 0), [0, 1), x >= 1.",
    source="Bi-Real Net (Liu et al. 2018), Larq ApproxSign",
    default_mode="ste",
    published={"x": (sp.Piecewise((2 - 2 * sp.Abs(x), sp.Abs(x) <= 1), (0, True)), "Larq ApproxSign: (2 - 2|x|)*1[|x| <= 1]")},
)

_bx = beta * x
swish_sign = Approximation(
    name="swish_sign",
    hard="sign",
    # 2*sigmoid(bx)*(1 + bx*(1 - sigmoid(bx))) - 1 = tanh(bx/2) + 2*bx*sigmoid(bx)*sigmoid(-bx):
    # two terms of the same sign, so no cancellation near x = 0; its slope in a form
    # that cancels less than the differentiated one (see swish_sign_slope)
    expr=swish_sign_curve(_bx),
    params={"beta": Param(beta, 5.0, doc="sharpness")},
    doc="2*sigmoid(beta*x)*(1 + beta*x*(1 - sigmoid(beta*x))) - 1: the swish sign.",
    source="BNN+ (Darabi et al. 2018), Larq SwishSign",
    default_mode="ste",
    published={
        "x": (
            beta * (2 - _bx * sp.tanh(_bx / 2)) / (1 + sp.cosh(_bx)),
            "Larq SwishSign: beta*(2 - beta*x*tanh(beta*x/2))/(1 + cosh(beta*x))",
        )
    },
)

# -- neural compression (Agustsson & Theis 2020, Sec. 4.1) ----------------------------
# With m = floor(x) + 1/2 and r = x - m the paper writes m + tanh(alpha*r)/(2*tanh(alpha/2)).
# Written here around the nearest integer n = floor(x + 1/2), t = x - n, u = |t|, and
# v = 1/2 - u, the distance to the half-integer, in four forms of the same function, each
# computed from the smaller of u and v where the other is close to 1/2 (rounding alpha*v
# with v near 1/2 would cost up to alpha/2 ULPs that the inputs, both exact, do not excuse):
# - near the half-integers, for every alpha: n + sign(t)*(1/2 - tanh(alpha*v)/(2*tanh(alpha/2))),
#   whose correction term vanishes with v instead of cancelling against 1/2; taken while
#   that term is below 1/4, i.e. alpha*v < atanh(tanh(alpha/2)/2) (< 0.55, where tanh(z)/z
#   is its series alone), so that the subtraction cannot cancel either. Written
#   v*tanhc(alpha*v)*zcoth(alpha/2), zcoth(z) = z/tanh(z), its d/dalpha is v times terms
#   that do not cancel (the third form's, a sum of log-derivatives that cancel to O(v),
#   lost up to 60 ULP here). The bound is v < tanhc(alpha/2)*atanhc(T/2)/4, T = tanh(alpha/2),
#   which is 1/4 at alpha = 0 (2*alpha*v < log((2 + T)/(2 - T)) is 0 < 0 there, and the
#   second form's d2/dalpha2, 2*t*(u**2/6 - 1/24 - v**2/2), cancels to O(v) next to the
#   half-integers: 1.5e15 ULP in float64);
# - alpha < 4 elsewhere: n + sinh(alpha*t)/(2*sinh(alpha/2)*cosh(alpha*v)), no cancellation
#   as t -> 0. alpha enters these two through sinh(z)/z and tanh(z)/z, so alpha -> 0 is the
#   identity with no switch, and every factor is even in alpha (d/dalpha does not cancel);
# - alpha >= 4 elsewhere: the same as a product of positive factors that cannot overflow,
#   n + sign(t)*(1 - exp(-2*alpha*u))*sigmoid(-2*alpha*v)/(1 - exp(-alpha)), the product a
#   saturating_product: computed from the smaller of u and v through one exponential and
#   exp(-alpha/2), so that no exponent close to alpha is rounded (SaturatingPart).
# A Python float alpha selects the forms of its side of 4 when the op is called.
alpha = sp.Symbol("alpha", nonnegative=True)
_nearest = sp.floor(x + half)
_t = x - _nearest
_u = sp.Abs(_t)
_v = half - _u
_near_integer = _u < sp.Rational(1, 4)
# alpha*v < atanh(tanh(alpha/2)/2), divided by alpha
_near_half_integer = 4 * _v < tanhc(alpha / 2) * atanhc_small(sp.tanh(alpha / 2) / 2)
_paper_soft_round = n + half + sp.tanh(alpha * (r - half)) / (2 * sp.tanh(alpha / 2))




soft_round = Approximation(
    name="soft_round",
    hard="round",
    expr=_nearest
    + sp.Piecewise(
        # at the integers themselves the slope alpha/sinh(alpha) (the forms below in sign(t)
        # have derivative sign(t)**2 * ..., 0 there), in exp(-alpha) from alpha = 4 on, where
        # sinh(alpha) overflows first
        (_t / sinhc(alpha), sp.Eq(_t, 0) & (alpha < 4)),
        (_t * 2 * alpha * sp.exp(-alpha) / (1 - sp.exp(-2 * alpha)), sp.Eq(_t, 0)),
        (sp.sign(_t) * (half - _v * tanhc_small(alpha * _v) * zcoth(alpha / 2)), _near_half_integer),
        (_t * sinhc_small(alpha * _u) / (sinhc_small(alpha / 2) * sp.cosh(alpha * _v)), alpha < 4),
        # 1/(1 - exp(-alpha)) once, a factor: a division of every element by it would cost as much as the rest
        (sp.sign(_t) * saturating_product(alpha, _u) * evaluated_first(1 / (1 - sp.exp(-alpha))), True),
    ),
    params={"alpha": Param(alpha, 5.0, doc="sharpness: 0 is the identity, large values approach round")},
    doc="m + tanh(alpha*r)/(2*tanh(alpha/2)), m = floor(x) + 1/2, r = x - m: the soft rounding of neural compression.",
    source="Agustsson & Theis 2020, Universally Quantized Neural Compression, Sec. 4.1",
    shift_equivariant=True,
    regimes=(alpha < 4, alpha >= 4),
    published={"y": (_paper_soft_round, "Agustsson & Theis 2020, eq. (8): m + tanh(alpha*r)/(2*tanh(alpha/2))")},
)

# Its inverse, m + atanh(2*r*tanh(alpha/2))/alpha, with T = tanh(alpha/2):
# - near the integers while z = 2*u*T/(sech(alpha/2)**2 + 2*u*T**2) < 1/2 (all of u < 1/4
#   for small alpha), n + sign(t)*atanh(z)/alpha, written with tanh(z)/z and atanh(z)/z so
#   that alpha -> 0 is the identity;
# - near the half-integers, n + sign(t)*(1/2 - atanh(w)/alpha), w = T*(1 - 2u) <= T/2,
#   again through atanh(w)/w and tanh(alpha/2)/(alpha/2);
# - then, for alpha >= 40 while the result is below 1/4, the first form's atanh(z) with one
#   logarithm, log1p(2*z/(1 - z))/2, where 2*z/(1 - z) = Q/E, Q = u*(1 - E**2)/(1 - u*(1 - E)),
#   E = exp(-alpha), a quotient of terms that do not cancel (z >= 1/2 here, so log1p's
#   condition number is below 0.61); as log1p_ratio(Q, E), whose derivatives divide by
#   Q + E, which does not overflow where 1/E does. 1/2 - atanh(w)/alpha, the paper's form,
#   cancels there (all of the result at alpha = 50, y = 1e-30 in float32). Below alpha = 40
#   the paper's form stays: atanh(z)/alpha, whose atanh(z) grows like alpha/2, cancels in
#   its alpha-derivatives as the result grows (d/dalpha 6.4 ULP, d2/dx dalpha 42 ULP in
#   float32 at alpha = 5, z = 1/2): there, while the result is below 1/4, the value is
#   taken from atanh(z)/alpha and the derivatives from 1/2 - atanh(w)/alpha (``value_from``),
#   each form where it does not cancel;
# - the rest of u < 1/4, where w -> 1 for large alpha, with atanh(w) = (log1p(w) - log(1 - w))/2
#   and 1 - w = 2*sigmoid(-alpha) + 2*u*T, which stays finite where the paper's atanh(+-1)
#   would not (and where exp(-alpha) underflows, the whole of u < 1/4);
# - at the integers themselves its slope, sinh(alpha)/alpha, capped at alpha = 80 (3.5e32,
#   finite in float32), so that value (0) and gradient stay finite for any alpha. Near the
#   integers the first form stops at alpha = 40, where 1/(sech(alpha/2)**2)**2 in its
#   second derivatives would overflow float32.
# With alpha a Python float in [4, 40) (its regime) the kernels take x-derivatives alone, and
# next to the integers the whole of u < 1/4 is one form: the log1p one above with
# 2*z/(1 - z) = 2*(exp(alpha) - 1)*u/(1 + w), its u-derivative a quotient of positive terms
# (``inverse_near_integer``, through ``for_fixed_parameters``), and beyond u = 1/4 the second
# form with its u-derivative one quotient (``inverse_near_half_integer``): one log1p and one
# series per element forward, none backward, instead of every form above.
_SLOPE_CAP = 80
_CAPPED_SLOPE = (sp.sinh(_SLOPE_CAP) / _SLOPE_CAP).evalf(40)
_T = sp.tanh(alpha / 2)
_denominator = 4 * sigmoid_slope(alpha) + 2 * _u * _T**2
_z = _u * alpha * tanhc(alpha / 2) / _denominator
_w = _T * (1 - 2 * _u)
_E = sp.exp(-alpha)
_atanh_z = log1p_ratio(_u * (1 - _E**2) / (1 - _u * (1 - _E)), _E) / 2
_from_half_integer = half - (log1p(_w) - sp.log(2 * sigmoid(-alpha) + 2 * _u * _T)) / (2 * alpha)
# the u where the result is 1/4, 1/2 - tanh(alpha/4)/(2*T): a bound on u computed once per alpha
_quarter_point = half - tanhc(alpha / 4) / (4 * tanhc(alpha / 2))
_off_the_integers = sp.Piecewise(
    (_t * tanhc(alpha / 2) * atanhc_small(_z) / _denominator, _near_integer & (alpha < 40) & (4 * _u * _T < _denominator)),
    (sp.sign(_t) * (half - _v * tanhc(alpha / 2) * atanhc_small(_w)), sp.Not(_near_integer)),
    (sp.sign(_t) * _atanh_z / alpha, (alpha >= 40) & (4 * _atanh_z < alpha)),
    (sp.sign(_t) * value_from(_atanh_z / alpha, _from_half_integer), _u < _quarter_point),
    (sp.sign(_t) * _from_half_integer, True),
)
# with alpha a Python float in [4, 40) the kernels take x-derivatives alone: next to the
# integers one log1p and one quotient then (inverse_near_integer), the forms above with alpha a tensor
_for_a_number_alpha = sp.Piecewise(
    (sp.sign(_t) * inverse_near_integer(alpha, _u), _near_integer & (alpha >= 4) & (alpha < 40)),
    (sp.sign(_t) * inverse_near_half_integer(alpha, _u), (alpha >= 4) & (alpha < 40)),
    (_off_the_integers, True),
)
soft_round_inverse = Approximation(
    name="soft_round_inverse",
    hard=None,
    modes=("soft",),
    expr=_nearest
    + sp.Piecewise(
        (_t * sinhc(alpha), sp.Eq(_t, 0) & (alpha < _SLOPE_CAP)),
        (_t * _CAPPED_SLOPE, sp.Eq(_t, 0)),
        (for_fixed_parameters(_for_a_number_alpha, _off_the_integers), True),
    ),
    params={"alpha": Param(alpha, 5.0, doc="sharpness of the soft_round it inverts")},
    doc="m + atanh(2*r*tanh(alpha/2))/alpha, m = floor(x) + 1/2, r = x - m: the inverse of soft_round.",
    source="Agustsson & Theis 2020, Universally Quantized Neural Compression, Sec. 4.1",
    shift_equivariant=True,
    regimes=(alpha < 4, alpha < 40, alpha >= 40),
    published={
        "y": (n + half + sp.atanh(2 * (r - half) * _T) / alpha, "Agustsson & Theis 2020: m + atanh(2*r*tanh(alpha/2))/alpha")
    },
)

heaviside = SurrogateChoice(
    name="heaviside",
    hard="step",
    surrogates={
        "sigmoid": Surrogate("sigmoid_step", {"steepness": 1.0}),
        "triangle": Surrogate("triangle_step", {"width": 1.0}),
        "fast_sigmoid": Surrogate("fast_sigmoid_step", {"steepness": 25.0}),
        "atan": Surrogate("atan_step", {"alpha": 2.0}),
    },
    default="sigmoid",
    doc="Heaviside step H(x) with H(0) = 1 in the forward pass; the gradient of the named surrogate.",
    source="seed 003",
)

CATALOG = [
    sigmoid_round,
    sine_round,
    fourier_round,
    sine_staircase_round,
    ste_round,
    sigmoid_step,
    hard_step_,
    triangle_step,
    fast_sigmoid_step,
    atan_step,
    ste_sign,
    approx_sign,
    swish_sign,
    soft_round,
    soft_round_inverse,
    heaviside,
]

# -- quantization-aware training (forward: a k-bit quantizer) ---------------------------
# Each hard function is a composition, scale, offset and clip around a round; each
# gradient is the one its paper publishes, from one of derive/quantization.py's rules:
# round keeps its value with derivative 1 (round_ste: LSQ), or round is the identity
# in the backward (identity_backward: PACT), or the value of one expression with the
# derivative of another (straight_through: TensorFlow's fake quant).
bits = sp.Symbol("B", integer=True, positive=True)
signed = sp.Symbol("S", integer=True, nonnegative=True)
scale = sp.Symbol("s", positive=True)
_qmin, _qmax = quantization_range(bits, signed)
_code = x / scale


def _clipped(inside, low, high, u):
    """low where u <= qmin, high where u >= qmax, else ``inside``."""
    return sp.Piecewise((low, u <= _qmin), (high, u >= _qmax), (inside, True))


fake_quant = Approximation(
    name="fake_quant",
    monotone=True,
    clipped=True,
    # scale inside each branch: d/dscale of scale*round_ste(x/scale) is then
    # round(x/scale) - x/scale, which SymPy would not simplify through a Piecewise
    hard=_clipped(scale * hard_round(_code), scale * _qmin, scale * _qmax, _code),
    expr=_clipped(scale * round_ste(_code), scale * _qmin, scale * _qmax, _code),
    params={
        "scale": Param(scale, 1.0, doc="step between quantization levels (learned in LSQ)"),
        "bits": Param(bits, 8, domain=sp.Interval(2, 16), doc="bit width"),
        "signed": Param(signed, True, doc="levels -2**(bits-1)..2**(bits-1)-1 if True, 0..2**bits-1 if False"),
    },
    doc="scale*clip(round(x/scale), qmin, qmax): the learned-step-size quantizer, with LSQ's gradient for scale.",
    source="Esser et al. 2020, Learned Step Size Quantization (LSQ)",
    modes=("ste",),
    # LSQ's start, 2*mean(|x|)/sqrt(qmax), and its gradient scale 1/sqrt(n*qmax)
    layer=QuantizerLayer(
        init={"scale": {"lsq": 2 * MEAN_ABS / sp.sqrt(_qmax)}},
        defaults={"scale": "lsq"},
        trainable=("scale",),
        gradient_scale=1 / sp.sqrt(ELEMENTS * _qmax),
    ),
    published={
        "x": (sp.Piecewise((1, (_code > _qmin) & (_code < _qmax)), (0, True)), "LSQ: 1 inside the clip range, 0 outside"),
        "scale": (
            _clipped(hard_round(_code) - _code, _qmin, _qmax, _code),
            "LSQ, eq. (3): round(x/s) - x/s inside, qmin or qmax outside",
        ),
    },
)

pact_alpha = sp.Symbol("A", positive=True)
_levels = 2**bits - 1
# level k is alpha*k/(2**bits - 1), each division as written (in any backend and
# graph), clamped to alpha: rounded, alpha*(2**bits - 1)/(2**bits - 1) may exceed
# alpha, and x just below alpha would give more than x at alpha
_pact_level = divided(pact_alpha * hard_round(divided(_levels * x, pact_alpha)), _levels)
_pact_hard = sp.Piecewise((0, x < 0), (pact_alpha, x >= pact_alpha), (clamp(_pact_level, 0, pact_alpha), True))
pact_quant = Approximation(
    name="pact_quant",
    monotone=True,
    clipped=True,
    hard=_pact_hard,
    expr=identity_backward(_pact_hard),  # in the backward clip(x, 0, alpha)
    params={
        "alpha": Param(pact_alpha, 6.0, doc="clipping level (learned in PACT)"),
        "bits": Param(bits, 4, domain=sp.Interval(1, 16), doc="bit width: 2**bits - 1 steps on [0, alpha]"),
    },
    doc="clip(x, 0, alpha) rounded to 2**bits uniform levels: the PACT activation quantizer.",
    source="Choi et al. 2018, PACT: Parameterized Clipping Activation",
    modes=("ste",),
    layer=QuantizerLayer(init={"alpha": {"max": BATCH_MAX}}, trainable=("alpha",)),
    published={
        "x": (sp.Piecewise((1, (x >= 0) & (x < pact_alpha)), (0, True)), "PACT: 1 on [0, alpha), 0 elsewhere"),
        "alpha": (sp.Piecewise((1, x >= pact_alpha), (0, True)), "PACT, eq. (3): 1 where x >= alpha, 0 elsewhere"),
    },
)

# DSQ: in each of the 2**bits - 1 cells between lower and upper a tanh curve that
# passes through the cell's two levels, sharper as alpha falls (tanh(K/2) = 1 - alpha).
# Written from the nearest level L (within a quarter step of it) or else from the cell's
# midpoint, so that each form is a small correction to a number already exact: x - L
# next to a level, and x itself, less its distance to the curve, mid-cell.
dsq_alpha = sp.Symbol("a", positive=True)
dsq_lower = sp.Symbol("l", real=True)
dsq_upper = sp.Symbol("h", real=True)
_dsq_steps = 2**bits - 1
_dsq_step = (dsq_upper - dsq_lower) / _dsq_steps
_dsq_k = sp.log(2 / dsq_alpha - 1)
_dsq_position = (x - dsq_lower) / _dsq_step
_dsq_index = sp.floor(_dsq_position + half)  # the nearest level's
# counted from the nearer end, so that lower and upper are levels exactly (a compiler
# that fuses n*D into lower + n*D would otherwise miss upper by a rounding)
_dsq_level = evaluated_first(
    sp.Piecewise(
        (dsq_lower + _dsq_index * _dsq_step, 2 * _dsq_index <= _dsq_steps),
        (dsq_upper - (_dsq_steps - _dsq_index) * _dsq_step, True),
    )
)
_dsq_side = sp.sign(x - _dsq_level)
# from the nearest level, in steps: side*(x - L), not Abs(x - L), whose derivative SymPy takes
# as (x - re(L))/Abs(x - L) for an L it cannot tell is real (0/0 where x is the level)
_dsq_u = _dsq_side * (x - _dsq_level) / _dsq_step
_dsq_to_mid = half - _dsq_u
_dsq_near_level = sinhc(_dsq_k * _dsq_u) / (sinhc(_dsq_k / 2) * sp.cosh(_dsq_k * _dsq_to_mid))
# z/tanh(z) - 1 and tanh(z)/z - 1 apart: dQ/dx's 1 never meets zcoth(K/2) in a difference
_dsq_mid_shift = _dsq_to_mid * (
    zcoth_minus_one(_dsq_k / 2) * tanhc(_dsq_k * _dsq_to_mid) + tanhc_minus_one(_dsq_k * _dsq_to_mid)
)
_dsq_inside = sp.Piecewise(
    # decided on the position, not on u: the two forms agree there, and the condition needs no level
    (_dsq_level + (x - _dsq_level) * _dsq_near_level, sp.Abs(_dsq_position - _dsq_index) < sp.Rational(1, 4)),
    (x - _dsq_side * _dsq_step * _dsq_mid_shift, True),
)


def _dsq_clipped(inside):
    return sp.Piecewise((dsq_lower, x <= dsq_lower), (dsq_upper, x >= dsq_upper), (inside, True))


# the paper's form (Gong et al. 2019, eq. 2-4): cell i = floor((x - l)/D), its midpoint
# m_i, k = K/D, s = 1/tanh(K/2), Q = l + D*(i + (s*tanh(k*(x - m_i)) + 1)/2)
_dsq_cell = sp.Min(sp.floor(_dsq_position), _dsq_steps - 1)
_dsq_from_mid = _dsq_k * (x - dsq_lower - (_dsq_cell + half) * _dsq_step) / _dsq_step
# the hard levels in one division each (exact at lower and upper): rounded once, as
# the reference rounds them, wherever lower*(N - k) + upper*k is exact (lower = -1, upper = 1)
_dsq_hard_index = hard_round(
    divided(_dsq_steps * evaluated_first(x - dsq_lower), evaluated_first(dsq_upper - dsq_lower))
)
_dsq_hard_level = sp.Piecewise(
    (dsq_lower, _dsq_hard_index <= 0),
    (dsq_upper, _dsq_hard_index >= _dsq_steps),
    (divided(dsq_lower * (_dsq_steps - _dsq_hard_index) + dsq_upper * _dsq_hard_index, _dsq_steps), True),
)
dsq_quant = Approximation(
    name="dsq_quant",
    monotone=True,
    clipped=True,
    hard=_dsq_clipped(_dsq_hard_level),
    expr=_dsq_clipped(_dsq_inside),
    params={
        "alpha": Param(dsq_alpha, 0.2, domain=sp.Interval.Lopen(0, half), doc="1 - tanh(K/2): smaller is sharper"),
        "bits": Param(bits, 4, domain=sp.Interval(1, 16), doc="bit width: 2**bits levels on [lower, upper]"),
        "lower": Param(dsq_lower, -1.0, doc="lowest level (below upper)"),
        "upper": Param(dsq_upper, 1.0, doc="highest level (above lower)"),
    },
    doc="clip(x, lower, upper) rounded to 2**bits levels; soft: DSQ's tanh curve in each cell.",
    source="Gong et al. 2019, Differentiable Soft Quantization (DSQ)",
    modes=("soft", "ste"),
    default_mode="ste",
    constraints=(dsq_lower < dsq_upper,),
    levels=_dsq_position,
    layer=QuantizerLayer(
        init={"lower": {"min": BATCH_MIN}, "upper": {"max": BATCH_MAX}},
        defaults={"lower": "min", "upper": "max"},
        trainable=("alpha", "lower", "upper"),
    ),
    published={
        "y": (
            _dsq_clipped(dsq_lower + _dsq_step * (_dsq_cell + (sp.tanh(_dsq_from_mid) / sp.tanh(_dsq_k / 2) + 1) / 2)),
            "Gong et al. 2019, eq. 2-4: l + D*(i + (s*tanh(k*(x - m_i)) + 1)/2)",
        ),
        "x": (
            sp.Piecewise(
                (_dsq_k / 2 / sp.tanh(_dsq_k / 2) / sp.cosh(_dsq_from_mid) ** 2, (x > dsq_lower) & (x < dsq_upper)),
                (0, True),
            ),
            "Gong et al. 2019: s*k*D/2*(1 - tanh(k*(x - m_i))**2) inside [l, u], 0 outside",
        ),
    },
)

ternary_threshold = sp.Symbol("T", nonnegative=True)
ternary = Approximation(
    name="ternary",
    monotone=True,
    clipped=True,
    hard=sp.Piecewise((0, sp.Abs(x) <= ternary_threshold), (hard_sign(x), True)),
    expr=sp.Piecewise((-clip, x < -clip), (clip, x > clip), (x, True)),
    params={
        "threshold": Param(ternary_threshold, 0.05, doc="0 where abs(x) <= threshold"),
        "clip": Param(clip, 1.0, doc="gradient is 1 for abs(x) <= clip, 0 beyond"),
    },
    doc="-1, 0 or 1 (0 where abs(x) <= threshold), with the straight-through gradient clipped at clip.",
    source="Larq SteTern (which gives +-1 at abs(x) = threshold itself)",
    modes=("ste",),
    published={"x": (sp.Piecewise((1, sp.Abs(x) <= clip), (0, True)), "Larq SteTern: 1[|x| <= clip]")},
)

# TensorFlow's fake_quant_with_min_max_vars, in its kernel's float order (each
# evaluated_first and divided is one operation of Nudge and
# FakeQuantWithMinMaxVarsFunctor in tensorflow/core/kernels/fake_quant_ops_functor.h):
# the range nudged so that 0 is a level, then clamp, shift, divide, floor(+1/2), scale.
quant_min = sp.Symbol("m", real=True)
quant_max = sp.Symbol("M", real=True)
narrow_range = sp.Symbol("R", integer=True, nonnegative=True)
_grid_low, _grid_high = narrow_range, 2**bits - 1
_steps = _grid_high - _grid_low
_tf_scale = divided(evaluated_first(quant_max - quant_min), _steps)
_tf_inverse_scale = divided(_steps, evaluated_first(quant_max - quant_min))
_zero_from_min = evaluated_first(_grid_low - divided(quant_min, _tf_scale))
_nudged_zero = round_half_away(clamp(_zero_from_min, _grid_low, _grid_high))
_nudged_min = evaluated_first((_grid_low - _nudged_zero) * _tf_scale)
_nudged_max = evaluated_first((_grid_high - _nudged_zero) * _tf_scale)
_quant_zero = sp.floor(evaluated_first(evaluated_first(-_nudged_min * _tf_inverse_scale) + sp.S.Half))
_clamped = sp.Piecewise((_nudged_min, x < _nudged_min), (_nudged_max, x > _nudged_max), (x, True))
_shifted_code = divided(evaluated_first(_clamped - _nudged_min), _tf_scale)
_both_zero = sp.Eq(quant_min, 0) & sp.Eq(quant_max, 0)
_tf_fake_quant = sp.Piecewise(
    (0, _both_zero),  # TensorFlow's output where min = max = 0
    (sp.floor(evaluated_first(evaluated_first(_shifted_code - _quant_zero) + sp.S.Half)) * _tf_scale, True),
)
fake_quant_minmax = Approximation(
    name="fake_quant_minmax",
    monotone=True,
    clipped=True,
    hard=_tf_fake_quant,
    # x passes inside the nudged range; below it the gradient goes to min, above it to max
    expr=straight_through(
        _tf_fake_quant,
        sp.Piecewise((x, _both_zero), (quant_min, x < _nudged_min), (quant_max, x > _nudged_max), (x, True)),
    ),
    params={
        "min": Param(quant_min, -6.0, doc="lower end of the range (below max)"),
        "max": Param(quant_max, 6.0, doc="upper end of the range (above min)"),
        "bits": Param(bits, 8, domain=sp.Interval(2, 16), doc="bit width"),
        "narrow_range": Param(narrow_range, False, doc="levels 1..2**bits-1 if True, 0..2**bits-1 if False"),
    },
    doc=(
        "TensorFlow's fake_quant_with_min_max_vars, bit for bit: [min, max] nudged so that 0 is a level, "
        "then clamp and round to 2**bits (or 2**bits - 1) levels."
    ),
    source="tf.quantization.fake_quant_with_min_max_vars, keras.quantizers.fake_quant_with_min_max_vars",
    modes=("ste",),
    constraints=(quant_min < quant_max,),  # or both 0, where the output is 0 and x's gradient 1
)

CATALOG += [fake_quant, pact_quant, dsq_quant, ternary, fake_quant_minmax]

# -- random ops (derive/random_ops.py): not derived, gradient 1 -------------------------
# floor(x + u) written as floor(x) + [u < x - floor(x)]: the same function of the draw,
# but x + u would round (up to 1 where x is an integer past 2**23 in float32, or just
# below 0 with u just below 1), and x - floor(x) is exact, so P(round up) is the
# fractional part itself
_fraction = x - sp.floor(x)
stochastic_round = RandomOp(
    name="stochastic_round",
    expr=sp.floor(x) + sp.Piecewise((1, uniform_draw < _fraction), (0, True)),
    # the forward is a hard random function; 1 is the derivative of its mean
    modes=("ste",),
    doc="floor(x + u), u uniform on [0, 1): floor(x) or ceil(x), ceil(x) with probability x - floor(x) (unbiased).",
    source="Gupta et al. 2015, Deep Learning with Limited Numerical Precision; QKeras, Brevitas",
)
uniform_noise = RandomOp(
    name="uniform_noise",
    # u - 1/2 first: exact, and then one rounding in the sum
    expr=x + evaluated_first(uniform_draw - half),
    # the forward is smooth in x with derivative 1 exactly: no hard function to stand for
    modes=("soft",),
    doc="x + u - 1/2, u uniform on [0, 1): additive uniform noise, the training proxy of quantization.",
    source="Balle et al. 2017, End-to-end Optimized Image Compression; Agustsson & Theis 2020",
)

RANDOM_OPS = [stochastic_round, uniform_noise]
