# Generated from template templates/torch/_runtime.py.jinja and spec derive/catalog.py.
# Do NOT modify by hand: edit the spec or the template, then run
#     python scripts/regenerate_ops.py
"""Runtime support shared by every generated op.

Argument checks with messages that name the op, the parameter, the value and
the valid range (the TensorFlow backend's); dtype handling (half precision
computes in float32); and the differentiation: each op is a
torch.autograd.Function in the form torch.func supports (forward without
ctx, setup_context, a jvp for forward mode, a generated vmap rule). Its
backward and jvp use the first derivatives, which are again such a
Function whose backward and jvp use the exact Hessian, so second derivatives
are exact in any mix of reverse and forward mode; third derivatives are
autograd's of the Hessian kernel's ops. Non-finite x: NaN gives NaN, +-inf
the hard function's value there, and both a zero derivative (a clipped op's
derivatives at +-inf: their limits, the ones at the largest float).

Nothing here moves data between devices: constants are made on x's device,
and a data-dependent Python branch (the all-finite shortcut) is taken only
for CPU tensors outside torch.compile and vmap.

Under torch.compile the op and its backward compile into one graph each
(fullgraph): parameter values are checked by an assertion in the graph (a
RuntimeError naming the op, the parameter and the range), and a number
parameter that changes between calls becomes an input of the graph, so a
schedule of values does not compile again for each.
"""

import math
import numbers

import torch

from .. import _arguments

# the op modules take these from here
from .._arguments import BoolParam, IntParam, SurrogateChoice, check_mode, symmetric  # noqa: F401

FLOAT_DTYPES = (torch.float16, torch.bfloat16, torch.float32, torch.float64)
HALF_DTYPES = (torch.float16, torch.bfloat16)


def _dtype_name(dtype):
    return str(dtype).removeprefix("torch.")


_DTYPE_NAMES = {d: _dtype_name(d) for d in FLOAT_DTYPES}


def _dtype_names():
    return ", ".join(_DTYPE_NAMES.values())


def multiply_no_nan(x, y):
    """x * y, and 0 where y is 0 even if x is inf or NaN (tf.math.multiply_no_nan)."""
    return torch.where(y == 0, 0.0, x * y)


# torch.compile unrolls a Python loop into its graph: a sum of more terms
# than this is one reduction over a new leading axis of the terms there,
# which Inductor fuses with the terms (nothing of the axis's size is stored)
UNROLLED_STEPS = 8


def summed(term, first, last):
    """term(first) + term(first + 1) + ... + term(last): eagerly a Python loop
    in that order, which autograd records step by step as it runs; under
    torch.compile, beyond UNROLLED_STEPS, one reduction whose graph does not
    grow with the count (its index a tensor of the sum's dtype)."""
    if last - first < UNROLLED_STEPS or not torch.compiler.is_compiling():
        return sum(term(j) for j in range(first, last + 1))
    total = term(first)
    index = torch.arange(first + 1, last + 1, dtype=total.dtype, device=total.device)
    return total + term(index.reshape(-1, *([1] * total.dim()))).sum(0)


def repeated(count, step, state):
    """``state = step(*state)``, ``count`` times."""
    for _ in range(count):
        state = step(*state)
    return state


def _readable(tensor):
    """Whether a Python branch may read the tensor's values: not while
    torch.compile traces, nor inside vmap (a batched tensor has no one value),
    nor on the meta device (no values at all)."""
    if torch.compiler.is_compiling() or tensor.device.type == "meta":
        return False
    functorch = torch._C._functorch
    while functorch.is_functorch_wrapped_tensor(tensor):
        if functorch.is_batchedtensor(tensor):
            return False
        tensor = functorch.get_unwrapped(tensor)
    return True


def as_float_tensor(op, value):
    """x as a floating tensor, or a TypeError naming its dtype."""
    if isinstance(value, bool):
        raise TypeError(f"{op}: x must be a floating tensor ({_dtype_names()}), got a bool")
    if not isinstance(value, torch.Tensor):
        raise TypeError(f"{op}: x must be a floating tensor ({_dtype_names()}), got {type(value).__name__}")
    if value.dtype not in FLOAT_DTYPES:
        raise TypeError(f"{op}: x must be a floating tensor ({_dtype_names()}), got dtype {_dtype_name(value.dtype)}")
    return value


FLOAT32_MAX = 2.0**128 - 2.0**104


def _stored(value, dtype):
    """A Python float as ``dtype`` holds it (float32 or float64: the compute
    dtypes), rounded to nearest even in plain Python: torch.compile traces it."""
    if dtype != torch.float32 or value == 0:
        return float(value)
    _, exponent = math.frexp(value)
    # 24 significant bits; below 2**-126 the subnormals' fixed spacing 2**-149
    spacing = 2.0 ** (max(exponent, -125) - 24)
    stored = round(value / spacing) * spacing
    return stored if abs(stored) <= FLOAT32_MAX else math.copysign(math.inf, value)


class FloatParam(_arguments.FloatParam):
    """A float parameter: a Python number, or a float tensor that broadcasts
    with x and then gets its exact partial derivative."""

    def check(self, op, value):
        """Return (value, is_tensor); raise for wrong types or values."""
        if isinstance(value, numbers.Real) and not isinstance(value, bool) and torch.compiler.is_compiling():
            # checked as a tensor in the compute dtype (Op.__call__): a comparison here
            # would make torch.compile specialise the graph to each value
            return float(value), False
        number = self.check_number(op, value)
        if number is not None:
            return number, False
        if not isinstance(value, torch.Tensor):
            raise TypeError(f"{op}: {self.name} must be a float or a float tensor, got {type(value).__name__}")
        if value.dtype not in FLOAT_DTYPES:
            raise TypeError(
                f"{op}: {self.name} must be a floating tensor ({_dtype_names()}), got dtype {_dtype_name(value.dtype)}"
            )
        return value, True

    def check_values(self, op, tensor):
        """Check a tensor's values: eagerly a ValueError; under torch.compile
        an asynchronous assertion; inside vmap not at all (as JAX under jit)."""
        message = f"{op}: {self.name} must be in {self.domain}"
        with torch.no_grad():
            inside = self._contains(tensor) & torch.isfinite(tensor)
            if torch.compiler.is_compiling():
                torch._assert_async(inside.all(), message)
            elif _readable(tensor) and not bool(inside.all()):
                bad = tensor.detach().reshape(-1)[~inside.reshape(-1)]
                raise ValueError(f"{message}, got {float(bad[0])!r}")


def _check_broadcast(op, name, value, x):
    """A ValueError naming both shapes if a tensor parameter cannot broadcast with x."""
    try:
        torch.broadcast_shapes(value.shape, x.shape)
    except RuntimeError:
        raise ValueError(
            f"{op}: {name} of shape {tuple(value.shape)} does not broadcast with x of shape {tuple(x.shape)}"
        ) from None


class Kernels:
    """The generated functions of one derivative variant ("x" or "all").
    The backward recomputes the first derivatives from x (``gradient``):
    a torch.func-compatible Function saves only its inputs and outputs."""

    def __init__(self, value, gradient_from_residuals, gradient, hessian):
        self.value = value
        self.gradient_from_residuals = gradient_from_residuals
        self.gradient = gradient
        self.hessian = hessian


def _sum_to(grad, like):
    """Undo broadcasting: sum ``grad`` down to the shape of ``like``."""
    if grad is None or grad.shape == like.shape:
        return grad
    return grad.sum_to_size(like.shape)


def _shaped(value, shape, inputs):
    """``value`` broadcast to ``shape``, a new tensor: a Function's output
    must be neither one of its inputs nor an expanded view."""
    if value.shape != shape:
        return torch.broadcast_to(value, shape).contiguous()
    if any(value is i for i in inputs):
        return value.clone()
    return value


def _dot(vectors, others):
    """sum_i vectors[i] * others[i] over the pairs where others[i] is not None,
    or None; a zero in ``others`` contributes zero, even against an entry that
    overflowed (e.g. (x - c)**2 * 0 at |x| = 1e30)."""
    total = None
    for v, o in zip(vectors, others):
        if o is not None:
            term = multiply_no_nan(v, o)
            total = term if total is None else total + term
    return total


def _connected(value, inputs):
    """``value``, its gradient with respect to each of ``inputs`` zero where
    it does not depend on them (a Hessian kernel constant in x): a third
    derivative is then zeros, not an error that the Hessian does not require
    grad."""
    if not torch.is_grad_enabled():
        return value
    never = value.new_zeros((), dtype=torch.bool)
    for tensor in inputs:
        if tensor.requires_grad:
            value = torch.where(never, tensor, value)
    return value


class NonFiniteX:
    """Where x is NaN or +-inf, the kernels' formulas do not apply.

    The value there is NaN for NaN, and for +-inf the hard function's value at
    +-inf (x itself for an op without one: round-like, f(x) - x bounded). Every
    derivative there is 0: the value does not depend on x or the parameters,
    and a NaN x whose output a caller masks out (torch.where) then adds nothing
    to the parameters' gradients. A clipped op's value at +-inf does depend on
    the parameters that set the clip: its derivatives there are their limits,
    the kernels' at the largest finite float, and 0 where x is NaN. All-finite
    x on the CPU, the common case, costs one check and a Python branch;
    elsewhere (another device, where a branch would wait for the device,
    torch.compile, vmap) a select.
    """

    def __init__(self, x, clipped=False):
        self.x = x
        self.clipped = clipped
        # the sum is finite only if every element is (an inf or NaN stays in it); a sum
        # that overflows takes the select, which is right anyway: one reduction, where
        # isfinite(x).all() makes a bool tensor, many times slower on the CPU
        self.all_finite = x.device.type == "cpu" and _readable(x) and bool(torch.isfinite(x.sum()))

    def value(self, y, hard_value):
        """``hard_value()``: the hard function at x, or None."""
        if self.all_finite:
            return y
        at_inf = self.x if hard_value is None else hard_value()
        # comparisons, not torch.isfinite and torch.isnan: Inductor's CPU code
        # vectorises a comparison and calls isnan element by element
        x = self.x
        return torch.where(x - x == 0, y, torch.where(x != x, x, at_inf))

    def _finite_mask(self):
        """Where x is finite, as a comparison (see value)."""
        return self.x.abs() <= torch.finfo(self.x.dtype).max

    def derivative(self, d):
        if self.all_finite:
            return d
        x = self.x
        return torch.where(x == x if self.clipped else self._finite_mask(), d, 0.0)

    def finite(self):
        """x with 0 where it is not finite (a clipped op: the largest finite
        floats for +-inf): a kernel's ops there stay finite, and so does their
        own gradient (a NaN times the masked 0 would not)."""
        if self.all_finite:
            return self.x
        x = self.x
        if self.clipped:
            largest = torch.finfo(x.dtype).max
            return torch.where(x == x, x.clamp(-largest, largest), 0.0)
        return torch.where(self._finite_mask(), x, 0.0)


def _functions(name, kernels, hard, mode, float_slots, differentiated, clipped):
    """The autograd.Functions of one op, variant and mode: the value (and
    its form for torch.compile), and its first derivatives. Each takes
    (x, *args), the op's parameters in order: Python ints, and float tensors
    of x's dtype; of those, the slots in ``differentiated`` get derivatives,
    the others are constants. The Functions refer to plain functions and
    tuples only, which torch.compile traces from a closure (a Kernels
    object it does not). ``clipped``: the derivatives at +-inf are their
    limits (NonFiniteX)."""
    value_kernel, gradient_kernel, hessian_kernel = kernels.value, kernels.gradient, kernels.hessian
    float_slots, differentiated = tuple(float_slots), tuple(differentiated)

    def save(ctx, inputs, for_forward=True):
        x, *args = inputs
        ctx.layout = [None if isinstance(a, torch.Tensor) else a for a in args]
        tensors = [x, *(a for a in args if isinstance(a, torch.Tensor))]
        ctx.save_for_backward(*tensors)
        if for_forward:
            ctx.save_for_forward(*tensors)

    def restore(ctx):
        x, *tensors = ctx.saved_tensors
        tensors = iter(tensors)
        return x, [next(tensors) if a is None else a for a in ctx.layout]

    def shape_of(x, args):
        # parameters given as numbers are 0-d tensors: x's shape, without broadcast_shapes' Python
        shapes = [args[i].shape for i in float_slots if args[i].dim() > 0]
        return torch.broadcast_shapes(x.shape, *shapes) if shapes else x.shape

    def tangents_of(x_tangent, arg_tangents):
        return [x_tangent, *(arg_tangents[i] for i in differentiated)]

    def gradients(x, args, products):
        """Per input of (x, *args): its row of ``products`` summed to its
        shape (the differentiated slots), None for the others."""
        grads = [None] * (1 + len(args))
        grads[0] = _sum_to(products[0], x)
        for row, slot in enumerate(differentiated, start=1):
            grads[1 + slot] = _sum_to(products[row], args[slot])
        return tuple(grads)

    def value(x, *args):
        non_finite = NonFiniteX(x)

        def hard_value():
            return hard(x, *args)[0][0]

        y = value_kernel(x, *args)[0][0] if mode == "soft" else hard_value()
        y = non_finite.value(y, None if hard is None else hard_value)
        # the hard function ignores some parameters (steepness): the output
        # still has the shape of x broadcast with every parameter
        return _shaped(y, shape_of(x, args), (x, *args))

    def first_derivatives(x, *args):
        non_finite = NonFiniteX(x, clipped)
        shape = shape_of(x, args)
        inputs = (x, *args)
        kernel_x = non_finite.finite() if clipped else x
        return tuple(_shaped(non_finite.derivative(d), shape, inputs) for d in gradient_kernel(kernel_x, *args)[0])

    def hessian_products(vectors, x, args):
        """The Hessian times ``vectors`` (one per differentiated input, None:
        zero), one row per differentiated input. Plain ops on x: their own
        gradient is autograd's of the Hessian kernel, the third derivative."""
        if all(v is None for v in vectors):
            return [None] * len(vectors)
        non_finite = NonFiniteX(x, clipped)
        finite_x = non_finite.finite()
        inputs = [finite_x, *(args[i] for i in differentiated)]
        upper = [_connected(non_finite.derivative(h), inputs) for h in hessian_kernel(finite_x, *args)[0]]
        return [_dot(row, vectors) for row in symmetric(upper, len(vectors))]

    class FirstDerivatives(torch.autograd.Function):
        """The first derivatives, one per differentiated input, each of the
        output's shape; their derivatives are the exact Hessian's."""

        generate_vmap_rule = True
        forward = staticmethod(first_derivatives)

        @staticmethod
        def setup_context(ctx, inputs, output):
            save(ctx, inputs)

        @staticmethod
        def backward(ctx, *upstream):
            x, args = restore(ctx)
            return gradients(x, args, hessian_products(list(upstream), x, args))

        @staticmethod
        def jvp(ctx, x_tangent, *arg_tangents):
            x, args = restore(ctx)
            shape = shape_of(x, args)
            products = hessian_products(tangents_of(x_tangent, arg_tangents), x, args)
            return tuple(
                x.new_zeros(shape) if p is None else torch.broadcast_to(p, shape).contiguous() for p in products
            )

    class Value(torch.autograd.Function):
        """The op's output; its derivatives are FirstDerivatives'."""

        generate_vmap_rule = True
        forward = staticmethod(value)

        @staticmethod
        def setup_context(ctx, inputs, output):
            save(ctx, inputs)

        @staticmethod
        def backward(ctx, dy):
            x, args = restore(ctx)
            # a backward that builds no graph (no create_graph) needs no differentiable first derivatives
            first = FirstDerivatives.apply(x, *args) if torch.is_grad_enabled() else first_derivatives(x, *args)
            return gradients(x, args, [dy * d for d in first])

        @staticmethod
        def jvp(ctx, x_tangent, *arg_tangents):
            x, args = restore(ctx)
            shape = shape_of(x, args)
            product = _dot(FirstDerivatives.apply(x, *args), tangents_of(x_tangent, arg_tangents))
            return x.new_zeros(shape) if product is None else torch.broadcast_to(product, shape).contiguous()

    class CompiledValue(torch.autograd.Function):
        """Value as torch.compile traces it: it traces no custom jvp, and it
        differentiates a compiled graph once, so the backward calls the
        first-derivative kernel directly."""

        forward = staticmethod(value)

        @staticmethod
        def setup_context(ctx, inputs, output):
            save(ctx, inputs, for_forward=False)

        @staticmethod
        def backward(ctx, dy):
            x, args = restore(ctx)
            # the same x, but one that depends on dy: else AOTAutograd computes the
            # kernels' comparisons in the forward and saves them as bool tensors,
            # whose stores Inductor's CPU code makes many times slower than the op
            x_here = torch.where(dy == dy, x, x)
            return gradients(x, args, [dy * d for d in first_derivatives(x_here, *args)])

    # named after the op: autograd names a Function's graph nodes (grad_fn) when
    # the class is made: SigmoidRoundBackward, SigmoidRoundFirstDerivativesBackward
    title = "".join(part.title() for part in name.split("_"))
    FirstDerivatives = type(f"{title}FirstDerivatives", (FirstDerivatives,), {})
    return type(title, (Value,), {}), type(title, (CompiledValue,), {}), value


class Op:
    """One approximation: validates arguments, picks kernels, wires gradients."""

    def __init__(self, name, params, modes, hard, kernels, regimes=(), clipped=False):
        self.name = name
        self.params = params
        self.modes = modes
        self.hard = hard
        self.kernels = kernels
        # (tag, predicate): with every float parameter a Python number, the
        # kernels of the first regime whose predicate holds for their values
        self.regimes = regimes
        float_slots = [i for i, p in enumerate(params) if isinstance(p, FloatParam)]
        # every Function made here, not on first use: torch.compile traces no class definition
        self.functions = {
            (variant, mode): _functions(
                name, k, hard, mode, float_slots, float_slots if variant == "all" else [], clipped
            )
            for variant, k in kernels.items()
            for mode in modes
        }

    def __call__(self, x, values, mode, name=None):
        check_mode(self.name, self.modes, mode)
        x = as_float_tensor(self.name, x)
        compute = torch.float32 if x.dtype in HALF_DTYPES else x.dtype
        checked, watched = [], []
        for param in self.params:
            value = values[param.name]
            if isinstance(param, IntParam):
                checked.append(param.check(self.name, value))
                continue
            value, is_tensor = param.check(self.name, value)
            if is_tensor:
                _check_broadcast(self.name, param.name, value, x)
            elif not torch.compiler.is_compiling():  # compiled: checked as a tensor below
                stored, largest = _stored(value, compute), torch.finfo(compute).max
                param.check_stored(self.name, value, stored, _DTYPE_NAMES[compute], _DTYPE_NAMES[x.dtype], largest)
            checked.append(value)
            watched.append(is_tensor)
        arguments = []
        for param, value in zip(self.params, checked):
            if isinstance(param, FloatParam):
                if isinstance(value, torch.Tensor):
                    value = value.to(compute)
                    param.check_values(self.name, value)
                else:
                    # made on x's device, in the compute dtype: nothing copied from the host
                    if torch.compiler.is_compiling():
                        # arithmetic, not torch.full: torch.compile keeps a number that changes
                        # between calls an input of one graph only where a tensor op uses it
                        value = torch.zeros((), dtype=compute, device=x.device) + value
                        param.check_values(self.name, value)
                    else:
                        value = torch.full((), value, dtype=compute, device=x.device)
            arguments.append(value)
        value, compiled, plain = self.functions[(self._variant(checked, watched), mode)]
        if not torch.compiler.is_compiling():
            return value.apply(x.to(compute), *arguments).to(x.dtype)
        tensors = (x, *(a for a in arguments if isinstance(a, torch.Tensor)))
        if torch.is_grad_enabled() and any(t.requires_grad for t in tensors):
            return compiled.apply(x.to(compute), *arguments).to(x.dtype)
        # nothing to differentiate: the forward alone (Dynamo traces a Function
        # none of whose inputs needs a gradient wrongly for some ops)
        return plain(x.to(compute), *arguments).to(x.dtype)

    def _variant(self, checked, watched):
        if any(watched):
            return "all"
        floats = {p.name: v for p, v in zip(self.params, checked) if isinstance(p, FloatParam)}
        return next((tag for tag, holds in self.regimes if holds(**floats)), "x")
