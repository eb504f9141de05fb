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
        1/2))))*sinhc_small(alpha/2)), alpha < 4), (exp_factor(-alpha)*expm1(2*alpha*Abs(x - floor(x
        + 1/2)))*sign(x - floor(x + 1/2))/((1 - exp_factor(-alpha))*(exp(2*alpha*Abs(x - floor(x +
        1/2)))*exp_factor(-alpha) + 1)), (alpha < 80) & (Abs(x - floor(x + 1/2)) < 1/8)), ((1 -
        exp(-2*alpha*Abs(x - floor(x + 1/2))))*sigmoid_below(alpha*evaluated_first(1 - 2*Abs(x -
        floor(x + 1/2))))*sign(x - floor(x + 1/2))/(1 - exp(-alpha)), True)) + floor(x + 1/2)
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
        346288899024594378285698337239478.8307804*floor(x + 1/2), Eq(x - floor(x + 1/2), 0)), ((x -
        floor(x + 1/2))*atanhc_small(alpha*Abs(x - floor(x +
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
        1/2)))*tanh(alpha/2)))/(2*alpha))*sign(x - floor(x + 1/2)), True)) + floor(x + 1/2)
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
