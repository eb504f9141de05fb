# Generated from template templates/package/_ops.py.jinja and spec derive/catalog.py.
# Do NOT modify by hand: edit the spec or the template, then run
#     python scripts/regenerate_ops.py
"""The ops, each calling the backend of its input: the same function of
diffround.tensorflow, diffround.jax or diffround.torch (see _dispatch)."""

from ._dispatch import backend


def sigmoid_round(x, steepness=10.0, mode="soft", name=None):
    """floor(x) plus a logistic sigmoid of the fractional part, centred on the half-integer.

    Smooth forward: floor(x) + sigmoid(k*(x - floor(x) - 1/2))
    Hard function: round(x)
        round(u): round half to even (as tf.round, jnp.round and torch.round).
      with k = steepness

    Args:
        x: tf.Tensor or jax.Array or torch.Tensor (float16, bfloat16, float32 or float64); a NumPy
            array or a Python number goes to TensorFlow.
        steepness: slope of the sigmoid at the half-integers; float or float tensor broadcasting
            with x (differentiable), in (0, inf), default 10.0.
        mode: "soft" (smooth forward, exact derivative) or "ste" (hard forward, the smooth
            derivative as gradient); default "soft".
        name: optional name scope (TensorFlow, JAX).

    Returns:
        A tensor of x's dtype and the broadcast shape of x and the parameters.

    Source: seeds 000, 002, 004 (with the gradient's missing factor steepness restored).
    """
    return backend(x, steepness).sigmoid_round(x, steepness, mode=mode, name=name)


def sine_round(x, width=0.1, mode="soft", name=None):
    """floor(x) plus a half-sine ramp of the given width around each half-integer, flat elsewhere.

    Smooth forward: Piecewise((0, sum_exact_pair_first(w, -1, 2*Abs(x - floor(x + 1/2))) <= 0),
        (sin(pi*sum_exact_pair_first(w, -1, 2*Abs(x - floor(x + 1/2)))/(4*w))**2, w >=
        2*sum_exact_pair_first(w, -1, 2*Abs(x - floor(x + 1/2)))), (1/2 - sin(pi*(1/2 - Abs(x -
        floor(x + 1/2)))/w)/2, True))*sign(x - floor(x + 1/2)) + floor(x + 1/2)
    Hard function: round(x)
        round(u): round half to even (as tf.round, jnp.round and torch.round).
      with w = width

    Args:
        x: tf.Tensor or jax.Array or torch.Tensor (float16, bfloat16, float32 or float64); a NumPy
            array or a Python number goes to TensorFlow.
        width: width of the half-sine window around each half-integer; float or float tensor
            broadcasting with x (differentiable), in (0, 1], default 0.1.
        mode: "soft" (smooth forward, exact derivative) or "ste" (hard forward, the smooth
            derivative as gradient); default "soft".
        name: optional name scope (TensorFlow, JAX).

    Returns:
        A tensor of x's dtype and the broadcast shape of x and the parameters.

    Source: seeds 000, 002 (with the window's upper edge r = 1/2 + width/2 mapped to 1, not 0).
    """
    return backend(x, width).sine_round(x, width, mode=mode, name=name)


def fourier_round(x, terms=5, mode="soft", name=None):
    """x plus the truncated Fourier series of the sawtooth round(x) - x.

    Smooth forward: x + Sum((-1)**j*sin(2*pi*j*x)/j, (j, 1, N))/pi
    Hard function: round(x)
        round(u): round half to even (as tf.round, jnp.round and torch.round).
      with N = terms

    Args:
        x: tf.Tensor or jax.Array or torch.Tensor (float16, bfloat16, float32 or float64); a NumPy
            array or a Python number goes to TensorFlow.
        terms: number of sine terms of the sawtooth series; a Python int in [1, 1000], default 5.
        mode: "soft" (smooth forward, exact derivative) or "ste" (hard forward, the smooth
            derivative as gradient); default "soft".
        name: optional name scope (TensorFlow, JAX).

    Returns:
        A tensor of x's dtype and the broadcast shape of x and the parameters.

    Source: seed 001.
    """
    return backend(x).fourier_round(x, terms, mode=mode, name=name)


def sine_staircase_round(x, depth=1, mode="soft", name=None):
    """g(x) = x - sin(2 pi x)/(2 pi), composed depth times; each composition steepens the steps.

    Smooth forward: x - sin(2*pi*x)/(2*pi)
        applied depth times, x being the previous result.
    Hard function: round(x)
        round(u): round half to even (as tf.round, jnp.round and torch.round).
      with D = depth

    Args:
        x: tf.Tensor or jax.Array or torch.Tensor (float16, bfloat16, float32 or float64); a NumPy
            array or a Python number goes to TensorFlow.
        depth: how many times g(x) = x - sin(2 pi x)/(2 pi) is composed; a Python int in [1, 16],
            default 1.
        mode: "soft" (smooth forward, exact derivative) or "ste" (hard forward, the smooth
            derivative as gradient); default "soft".
        name: optional name scope (TensorFlow, JAX).

    Returns:
        A tensor of x's dtype and the broadcast shape of x and the parameters.

    Source: seed 001.
    """
    return backend(x).sine_staircase_round(x, depth, mode=mode, name=name)


def ste_round(x, mode="ste", name=None):
    """Straight-through round: forward exactly round(x), gradient 1.

    Smooth forward: x
    Hard function: round(x)
        round(u): round half to even (as tf.round, jnp.round and torch.round).

    Args:
        x: tf.Tensor or jax.Array or torch.Tensor (float16, bfloat16, float32 or float64); a NumPy
            array or a Python number goes to TensorFlow.
        mode: "ste" (hard forward, the smooth derivative as gradient), the only mode of this op;
            default "ste".
        name: optional name scope (TensorFlow, JAX).

    Returns:
        A tensor of x's dtype and the broadcast shape of x and the parameters.

    Source: seed 001 (x - stop_gradient(x - round(x))).
    """
    return backend(x).ste_round(x, mode=mode, name=name)


def sigmoid_step(x, steepness=10.0, center=0.0, mode="soft", name=None):
    """Logistic sigmoid step; overflow-free at any steepness.

    Smooth forward: sigmoid(k*(-c + x))
    Hard function: step(-center + x)
        step(u): 1 where u >= 0, else 0.
      with k = steepness, c = center

    Args:
        x: tf.Tensor or jax.Array or torch.Tensor (float16, bfloat16, float32 or float64); a NumPy
            array or a Python number goes to TensorFlow.
        steepness: slope of the sigmoid at the centre; float or float tensor broadcasting with x
            (differentiable), in (0, inf), default 10.0.
        center: where the step is; float or float tensor broadcasting with x (differentiable), in
            (-inf, inf), default 0.0.
        mode: "soft" (smooth forward, exact derivative) or "ste" (hard forward, the smooth
            derivative as gradient); default "soft".
        name: optional name scope (TensorFlow, JAX).

    Returns:
        A tensor of x's dtype and the broadcast shape of x and the parameters.

    Source: seed 001 (e/(e+1) with e = exp(1000*(x - 0.5)), which overflows to NaN).
    """
    return backend(x, steepness, center).sigmoid_step(x, steepness, center, mode=mode, name=name)


def hard_step(x, threshold=0.499, gain=10000.0, mode="soft", name=None):
    """min(max((x - threshold)*gain, 0), 1): a steep linear ramp clipped to [0, 1].

    Smooth forward: Piecewise((0, g*(-t + x) <= 0), (1, g*(-t + x) >= 1), (g*(-t + x), True))
    Hard function: step(-threshold + x)
        step(u): 1 where u >= 0, else 0.
      with t = threshold, g = gain

    Args:
        x: tf.Tensor or jax.Array or torch.Tensor (float16, bfloat16, float32 or float64); a NumPy
            array or a Python number goes to TensorFlow.
        threshold: where the ramp starts; float or float tensor broadcasting with x
            (differentiable), in (-inf, inf), default 0.499.
        gain: slope of the ramp; float or float tensor broadcasting with x (differentiable), in
            (0, inf), default 10000.0.
        mode: "soft" (smooth forward, exact derivative) or "ste" (hard forward, the smooth
            derivative as gradient); default "soft".
        name: optional name scope (TensorFlow, JAX).

    Returns:
        A tensor of x's dtype and the broadcast shape of x and the parameters.

    Source: seed 001.
    """
    return backend(x, threshold, gain).hard_step(x, threshold, gain, mode=mode, name=name)


def triangle_step(x, width=1.0, center=0.0, mode="soft", name=None):
    """C1 piecewise quadratic whose derivative is the triangle max(0, 1 - |x - center|/width)/width.

    Smooth forward: Piecewise((0, (-c + x)/w <= -1), ((1 + (-c + x)/w)**2/2, (-c + x)/w <= 0), (1 -
        (1 - (-c + x)/w)**2/2, (-c + x)/w < 1), (1, True))
    Hard function: step(-center + x)
        step(u): 1 where u >= 0, else 0.
      with w = width, c = center

    Args:
        x: tf.Tensor or jax.Array or torch.Tensor (float16, bfloat16, float32 or float64); a NumPy
            array or a Python number goes to TensorFlow.
        width: half-width of the triangular derivative; float or float tensor broadcasting with x
            (differentiable), in (0, inf), default 1.0.
        center: where the step is; float or float tensor broadcasting with x (differentiable), in
            (-inf, inf), default 0.0.
        mode: "soft" (smooth forward, exact derivative) or "ste" (hard forward, the smooth
            derivative as gradient); default "soft".
        name: optional name scope (TensorFlow, JAX).

    Returns:
        A tensor of x's dtype and the broadcast shape of x and the parameters.

    Source: seed 003 (triangle surrogate max(0, 1 - |x|)).
    """
    return backend(x, width, center).triangle_step(x, width, center, mode=mode, name=name)


def fast_sigmoid_step(x, steepness=25.0, center=0.0, mode="soft", name=None):
    """1/2 + s*d/(2*(1 + s*|d|)), d = x - center: the fast sigmoid, whose derivative decays as 1/d**2.

    Smooth forward: Piecewise((1/(-2*k*(-c + x) + 2), c - x > 0), (1 - 1/(2*k*(-c + x) + 2), True))
    Hard function: step(-center + x)
        step(u): 1 where u >= 0, else 0.
      with k = steepness, c = center

    Args:
        x: tf.Tensor or jax.Array or torch.Tensor (float16, bfloat16, float32 or float64); a NumPy
            array or a Python number goes to TensorFlow.
        steepness: slope parameter s; float or float tensor broadcasting with x (differentiable), in
            (0, inf), default 25.0.
        center: where the step is; float or float tensor broadcasting with x (differentiable), in
            (-inf, inf), default 0.0.
        mode: "soft" (smooth forward, exact derivative) or "ste" (hard forward, the smooth
            derivative as gradient); default "soft".
        name: optional name scope (TensorFlow, JAX).

    Returns:
        A tensor of x's dtype and the broadcast shape of x and the parameters.

    Source: SuperSpike (Zenke & Ganguli 2018) / snnTorch fast_sigmoid.
    """
    return backend(x, steepness, center).fast_sigmoid_step(x, steepness, center, mode=mode, name=name)


def atan_step(x, alpha=2.0, center=0.0, mode="soft", name=None):
    """1/2 + atan(pi*alpha*(x - center)/2)/pi: the arctangent step.

    Smooth forward: Piecewise((-atan(2/(pi*a*(-c + x)))/pi, pi*a*(-c + x) < -2), (atan(pi*a*(-c +
        x)/2)/pi + 1/2, True))
    Hard function: step(-center + x)
        step(u): 1 where u >= 0, else 0.
      with a = alpha, c = center

    Args:
        x: tf.Tensor or jax.Array or torch.Tensor (float16, bfloat16, float32 or float64); a NumPy
            array or a Python number goes to TensorFlow.
        alpha: sharpness; float or float tensor broadcasting with x (differentiable), in (0, inf),
            default 2.0.
        center: where the step is; float or float tensor broadcasting with x (differentiable), in
            (-inf, inf), default 0.0.
        mode: "soft" (smooth forward, exact derivative) or "ste" (hard forward, the smooth
            derivative as gradient); default "soft".
        name: optional name scope (TensorFlow, JAX).

    Returns:
        A tensor of x's dtype and the broadcast shape of x and the parameters.

    Source: snnTorch atan surrogate (default).
    """
    return backend(x, alpha, center).atan_step(x, alpha, center, mode=mode, name=name)


def ste_sign(x, clip=1.0, mode="ste", name=None):
    """clip(x, -clip, clip): the straight-through sign.

    Smooth forward: Piecewise((-l, l < -x), (l, l < x), (x, True))
    Hard function: sign(x)
        sign(u): +1 where u >= 0, else -1.
      with l = clip

    Args:
        x: tf.Tensor or jax.Array or torch.Tensor (float16, bfloat16, float32 or float64); a NumPy
            array or a Python number goes to TensorFlow.
        clip: gradient is 1 for |x| <= clip, 0 beyond; float or float tensor broadcasting with x
            (differentiable), in (0, inf), default 1.0.
        mode: "soft" (smooth forward, exact derivative) or "ste" (hard forward, the smooth
            derivative as gradient); default "ste".
        name: optional name scope (TensorFlow, JAX).

    Returns:
        A tensor of x's dtype and the broadcast shape of x and the parameters.

    Source: Larq SteSign.
    """
    return backend(x, clip).ste_sign(x, clip, mode=mode, name=name)


def approx_sign(x, mode="ste", name=None):
    """Piecewise quadratic sign: -1, 2x + x**2, 2x - x**2, 1 on x < -1, [-1, 0), [0, 1), x >= 1.

    Smooth forward: Piecewise((-1, x < -1), (x**2 + 2*x, x < 0), (-x**2 + 2*x, x < 1), (1, True))
    Hard function: sign(x)
        sign(u): +1 where u >= 0, else -1.

    Args:
        x: tf.Tensor or jax.Array or torch.Tensor (float16, bfloat16, float32 or float64); a NumPy
            array or a Python number goes to TensorFlow.
        mode: "soft" (smooth forward, exact derivative) or "ste" (hard forward, the smooth
            derivative as gradient); default "ste".
        name: optional name scope (TensorFlow, JAX).

    Returns:
        A tensor of x's dtype and the broadcast shape of x and the parameters.

    Source: Bi-Real Net (Liu et al. 2018), Larq ApproxSign.
    """
    return backend(x).approx_sign(x, mode=mode, name=name)


def swish_sign(x, beta=5.0, mode="ste", name=None):
    """2*sigmoid(beta*x)*(1 + beta*x*(1 - sigmoid(beta*x))) - 1: the swish sign.

    Smooth forward: swish_sign_curve(b*x)
    Hard function: sign(x)
        sign(u): +1 where u >= 0, else -1.
      with b = beta

    Args:
        x: tf.Tensor or jax.Array or torch.Tensor (float16, bfloat16, float32 or float64); a NumPy
            array or a Python number goes to TensorFlow.
        beta: sharpness; float or float tensor broadcasting with x (differentiable), in (0, inf),
            default 5.0.
        mode: "soft" (smooth forward, exact derivative) or "ste" (hard forward, the smooth
            derivative as gradient); default "ste".
        name: optional name scope (TensorFlow, JAX).

    Returns:
        A tensor of x's dtype and the broadcast shape of x and the parameters.

    Source: BNN+ (Darabi et al. 2018), Larq SwishSign.
    """
    return backend(x, beta).swish_sign(x, beta, mode=mode, name=name)


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
        x: tf.Tensor or jax.Array or torch.Tensor (float16, bfloat16, float32 or float64); a NumPy
            array or a Python number goes to TensorFlow.
        alpha: sharpness: 0 is the identity, large values approach round; float or float tensor
            broadcasting with x (differentiable), in [0, inf), default 5.0.
        mode: "soft" (smooth forward, exact derivative) or "ste" (hard forward, the smooth
            derivative as gradient); default "soft".
        name: optional name scope (TensorFlow, JAX).

    Returns:
        A tensor of x's dtype and the broadcast shape of x and the parameters.

    Source: Agustsson & Theis 2020, Universally Quantized Neural Compression, Sec. 4.1.
    """
    return backend(x, alpha).soft_round(x, alpha, mode=mode, name=name)


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
        x: tf.Tensor or jax.Array or torch.Tensor (float16, bfloat16, float32 or float64); a NumPy
            array or a Python number goes to TensorFlow.
        alpha: sharpness of the soft_round it inverts; float or float tensor broadcasting with x
            (differentiable), in [0, inf), default 5.0.
        mode: "soft" (smooth forward, exact derivative), the only mode of this op; default "soft".
        name: optional name scope (TensorFlow, JAX).

    Returns:
        A tensor of x's dtype and the broadcast shape of x and the parameters.

    Source: Agustsson & Theis 2020, Universally Quantized Neural Compression, Sec. 4.1.
    """
    return backend(x, alpha).soft_round_inverse(x, alpha, mode=mode, name=name)


def heaviside(x, surrogate="sigmoid", mode="ste", name=None, **params):
    """Heaviside step H(x) with H(0) = 1 in the forward pass; the gradient of the named surrogate.

    Args:
        x: tf.Tensor or jax.Array or torch.Tensor (float16, bfloat16, float32 or float64); a NumPy
            array or a Python number goes to TensorFlow.
        surrogate: which gradient: "sigmoid", "triangle", "fast_sigmoid", "atan"; default "sigmoid".
        mode: "ste" (hard forward, the smooth derivative as gradient), the only mode of this op;
            default "ste".
        name: optional name scope (TensorFlow, JAX).
        **params: the surrogate's parameters:
            "sigmoid": sigmoid_step in ste mode, steepness=1.0.
            "triangle": triangle_step in ste mode, width=1.0.
            "fast_sigmoid": fast_sigmoid_step in ste mode, steepness=25.0.
            "atan": atan_step in ste mode, alpha=2.0.

    Source: seed 003.
    """
    return backend(x, *params.values()).heaviside(x, surrogate, mode, name, **params)


def fake_quant(x, scale=1.0, bits=8, signed=True, mode="ste", name=None):
    """scale*clip(round(x/scale), qmin, qmax): the learned-step-size quantizer, with LSQ's gradient for
        scale.

    Gradient from: Piecewise((-2**(B - 1)*S*s, x/s <= -2**(B - 1)*S), (s*(2**(B - S) - 1), x/s >=
        2**(B - S) - 1), (s*round_ste(x/s), True))
    Hard function: Piecewise((-2**(bits - 1)*scale*signed, x/scale <= -2**(bits - 1)*signed),
        (scale*(2**(bits - signed) - 1), x/scale >= 2**(bits - signed) - 1), (scale*round(x/scale),
        True))
        round(u): round half to even (as tf.round, jnp.round and torch.round).
      with s = scale, B = bits, S = signed

    Args:
        x: tf.Tensor or jax.Array or torch.Tensor (float16, bfloat16, float32 or float64); a NumPy
            array or a Python number goes to TensorFlow.
        scale: step between quantization levels (learned in LSQ); float or float tensor broadcasting
            with x (differentiable), in (0, inf), default 1.0.
        bits: bit width; a Python int in [2, 16], default 8.
        signed: levels -2**(bits-1)..2**(bits-1)-1 if True, 0..2**bits-1 if False; a Python bool
            (True or False), default True.
        mode: "ste" (hard forward, the smooth derivative as gradient), the only mode of this op;
            default "ste".
        name: optional name scope (TensorFlow, JAX).

    Returns:
        A tensor of x's dtype and the broadcast shape of x and the parameters.

    Source: Esser et al. 2020, Learned Step Size Quantization (LSQ).
    """
    return backend(x, scale).fake_quant(x, scale, bits, signed, mode=mode, name=name)


def pact_quant(x, alpha=6.0, bits=4, mode="ste", name=None):
    """clip(x, 0, alpha) rounded to 2**bits uniform levels: the PACT activation quantizer.

    Gradient from: Piecewise((0, x < 0), (A, A <= x), (clamp(x, 0, A), True))
    Hard function: Piecewise((0, x < 0), (alpha, alpha <= x), (clamp(alpha*round(x*(2**bits -
        1)/alpha)/(2**bits - 1), 0, alpha), True))
        round(u): round half to even (as tf.round, jnp.round and torch.round).
      with A = alpha, B = bits

    Args:
        x: tf.Tensor or jax.Array or torch.Tensor (float16, bfloat16, float32 or float64); a NumPy
            array or a Python number goes to TensorFlow.
        alpha: clipping level (learned in PACT); float or float tensor broadcasting with x
            (differentiable), in (0, inf), default 6.0.
        bits: bit width: 2**bits - 1 steps on [0, alpha]; a Python int in [1, 16], default 4.
        mode: "ste" (hard forward, the smooth derivative as gradient), the only mode of this op;
            default "ste".
        name: optional name scope (TensorFlow, JAX).

    Returns:
        A tensor of x's dtype and the broadcast shape of x and the parameters.

    Source: Choi et al. 2018, PACT: Parameterized Clipping Activation.
    """
    return backend(x, alpha).pact_quant(x, alpha, bits, mode=mode, name=name)


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
        x: tf.Tensor or jax.Array or torch.Tensor (float16, bfloat16, float32 or float64); a NumPy
            array or a Python number goes to TensorFlow.
        alpha: 1 - tanh(K/2): smaller is sharper; float or float tensor broadcasting with x
            (differentiable), in (0, 0.5], default 0.2.
        bits: bit width: 2**bits levels on [lower, upper]; a Python int in [1, 16], default 4.
        lower: lowest level (below upper); float or float tensor broadcasting with x
            (differentiable), in (-inf, inf), default -1.0.
        upper: highest level (above lower); float or float tensor broadcasting with x
            (differentiable), in (-inf, inf), default 1.0.
        mode: "soft" (smooth forward, exact derivative) or "ste" (hard forward, the smooth
            derivative as gradient); default "ste".
        name: optional name scope (TensorFlow, JAX).

    Returns:
        A tensor of x's dtype and the broadcast shape of x and the parameters.

    Source: Gong et al. 2019, Differentiable Soft Quantization (DSQ).
    """
    return backend(x, alpha, lower, upper).dsq_quant(x, alpha, bits, lower, upper, mode=mode, name=name)


def ternary(x, threshold=0.05, clip=1.0, mode="ste", name=None):
    """-1, 0 or 1 (0 where abs(x) <= threshold), with the straight-through gradient clipped at clip.

    Smooth forward: Piecewise((-l, l < -x), (l, l < x), (x, True))
    Hard function: Piecewise((0, threshold >= Abs(x)), (sign(x), True))
        sign(u): +1 where u >= 0, else -1.
      with T = threshold, l = clip

    Args:
        x: tf.Tensor or jax.Array or torch.Tensor (float16, bfloat16, float32 or float64); a NumPy
            array or a Python number goes to TensorFlow.
        threshold: 0 where abs(x) <= threshold; float or float tensor broadcasting with x
            (differentiable), in [0, inf), default 0.05.
        clip: gradient is 1 for abs(x) <= clip, 0 beyond; float or float tensor broadcasting with x
            (differentiable), in (0, inf), default 1.0.
        mode: "ste" (hard forward, the smooth derivative as gradient), the only mode of this op;
            default "ste".
        name: optional name scope (TensorFlow, JAX).

    Returns:
        A tensor of x's dtype and the broadcast shape of x and the parameters.

    Source: Larq SteTern (which gives +-1 at abs(x) = threshold itself).
    """
    return backend(x, threshold, clip).ternary(x, threshold, clip, mode=mode, name=name)


def fake_quant_minmax(x, min=-6.0, max=6.0, bits=8, narrow_range=False, mode="ste", name=None):
    """TensorFlow's fake_quant_with_min_max_vars, bit for bit: [min, max] nudged so that 0 is a level,
        then clamp and round to 2**bits (or 2**bits - 1) levels.

    Gradient from: Piecewise((x, Eq(M, 0) & Eq(m, 0)), (m, x < (M - m)*(R - round_half_away(clamp(R
        - m*(2**B - R - 1)/(M - m), R, 2**B - 1)))/(2**B - R - 1)), (M, x > (M - m)*(2**B -
        round_half_away(clamp(R - m*(2**B - R - 1)/(M - m), R, 2**B - 1)) - 1)/(2**B - R - 1)),
        (x, True))
    Hard function: Piecewise((0, Eq(max, 0) & Eq(min, 0)), ((max - min)*floor(-floor(-narrow_range +
        round_half_away(clamp(-min*(2**bits - narrow_range - 1)/(max - min) + narrow_range,
        narrow_range, 2**bits - 1)) + 1/2) + 1/2 + (-(max - min)*(narrow_range -
        round_half_away(clamp(-min*(2**bits - narrow_range - 1)/(max - min) + narrow_range,
        narrow_range, 2**bits - 1)))/(2**bits - narrow_range - 1) + Piecewise(((max -
        min)*(narrow_range - round_half_away(clamp(-min*(2**bits - narrow_range - 1)/(max - min) +
        narrow_range, narrow_range, 2**bits - 1)))/(2**bits - narrow_range - 1), x < (max -
        min)*(narrow_range - round_half_away(clamp(-min*(2**bits - narrow_range - 1)/(max - min) +
        narrow_range, narrow_range, 2**bits - 1)))/(2**bits - narrow_range - 1)), ((max -
        min)*(2**bits - round_half_away(clamp(-min*(2**bits - narrow_range - 1)/(max - min) +
        narrow_range, narrow_range, 2**bits - 1)) - 1)/(2**bits - narrow_range - 1), x > (max -
        min)*(2**bits - round_half_away(clamp(-min*(2**bits - narrow_range - 1)/(max - min) +
        narrow_range, narrow_range, 2**bits - 1)) - 1)/(2**bits - narrow_range - 1)),
        (x, True)))*(2**bits - narrow_range - 1)/(max - min))/(2**bits - narrow_range - 1), True))
        round_half_away(u): round half away from zero (C's round, which TensorFlow's fake quant uses
            for its zero point).
      with m = min, M = max, B = bits, R = narrow_range

    Args:
        x: tf.Tensor or jax.Array or torch.Tensor (float16, bfloat16, float32 or float64); a NumPy
            array or a Python number goes to TensorFlow.
        min: lower end of the range (below max); float or float tensor broadcasting with x
            (differentiable), in (-inf, inf), default -6.0.
        max: upper end of the range (above min); float or float tensor broadcasting with x
            (differentiable), in (-inf, inf), default 6.0.
        bits: bit width; a Python int in [2, 16], default 8.
        narrow_range: levels 1..2**bits-1 if True, 0..2**bits-1 if False; a Python bool (True or
            False), default False.
        mode: "ste" (hard forward, the smooth derivative as gradient), the only mode of this op;
            default "ste".
        name: optional name scope (TensorFlow, JAX).

    Returns:
        A tensor of x's dtype and the broadcast shape of x and the parameters.

    Source: tf.quantization.fake_quant_with_min_max_vars,
        keras.quantizers.fake_quant_with_min_max_vars.
    """
    return backend(x, min, max).fake_quant_minmax(x, min, max, bits, narrow_range, mode=mode, name=name)


def stochastic_round(x, seed, mode="ste", name=None):
    """floor(x + u), u uniform on [0, 1): floor(x) or ceil(x), ceil(x) with probability x - floor(x)
        (unbiased).

    Forward: Piecewise((1, u < x - floor(x)), (0, True)) + floor(x)
        with u uniform on [0, 1), one draw per element of x, from seed.
    Gradient: 1 in x (the derivative of the mean over u, x).

    Args:
        x: tf.Tensor or jax.Array or torch.Tensor (float16, bfloat16, float32 or float64); a NumPy
            array or a Python number goes to TensorFlow.
        seed: tensorflow: a Python int in [0, 4294967295] (the stateless seed [seed, 0]), or an
            int32 or int64 tensor of shape [2], the seed of tf.random.stateless_uniform: inside a
            tf.function a Python int is a constant (the same draw every step), a tensor seed an
            input (e.g. a column of tf.random.Generator.make_seeds(), or [step, 0]). jax: a Python
            int in [0, 4294967295] (jax.random.key(seed)), or a JAX key: a typed key
            (jax.random.key) or a raw uint32 key of shape (2,) (jax.random.PRNGKey); under jax.jit a
            Python int is a constant (the same draw every step), a key an argument. torch: a Python
            int in [0, 4294967295], the seed of a torch.Generator made on x's device. Under
            torch.func.vmap give randomness="same" or "different"; under torch.compile the draw is a
            graph break (no fullgraph=True).
        mode: "ste" (the random hard forward, gradient 1: the derivative of its mean x), the only
            mode of this op; default "ste".
        name: optional name scope (TensorFlow, JAX).

    Returns:
        A tensor of x's dtype and shape. The same seed gives the same numbers on the same backend
            and device type; each framework has its own generator, so the numbers differ between
            backends.

    Source: Gupta et al. 2015, Deep Learning with Limited Numerical Precision; QKeras, Brevitas.
    """
    return backend(x, seed).stochastic_round(x, seed, mode=mode, name=name)


def uniform_noise(x, seed, mode="soft", name=None):
    """x + u - 1/2, u uniform on [0, 1): additive uniform noise, the training proxy of quantization.

    Forward: u + x - 1/2
        with u uniform on [0, 1), one draw per element of x, from seed.
    Gradient: 1 in x (the derivative of the mean over u, x).

    Args:
        x: tf.Tensor or jax.Array or torch.Tensor (float16, bfloat16, float32 or float64); a NumPy
            array or a Python number goes to TensorFlow.
        seed: tensorflow: a Python int in [0, 4294967295] (the stateless seed [seed, 0]), or an
            int32 or int64 tensor of shape [2], the seed of tf.random.stateless_uniform: inside a
            tf.function a Python int is a constant (the same draw every step), a tensor seed an
            input (e.g. a column of tf.random.Generator.make_seeds(), or [step, 0]). jax: a Python
            int in [0, 4294967295] (jax.random.key(seed)), or a JAX key: a typed key
            (jax.random.key) or a raw uint32 key of shape (2,) (jax.random.PRNGKey); under jax.jit a
            Python int is a constant (the same draw every step), a key an argument. torch: a Python
            int in [0, 4294967295], the seed of a torch.Generator made on x's device. Under
            torch.func.vmap give randomness="same" or "different"; under torch.compile the draw is a
            graph break (no fullgraph=True).
        mode: "soft" (the noisy forward, whose derivative in x is 1), the only mode of this op;
            default "soft".
        name: optional name scope (TensorFlow, JAX).

    Returns:
        A tensor of x's dtype and shape. The same seed gives the same numbers on the same backend
            and device type; each framework has its own generator, so the numbers differ between
            backends.

    Source: Balle et al. 2017, End-to-end Optimized Image Compression; Agustsson & Theis 2020.
    """
    return backend(x, seed).uniform_noise(x, seed, mode=mode, name=name)
