"""JAX: jax.numpy kernels; templates/jax/_runtime.py.jinja makes each op a
jax.custom_jvp whose rule calls the derivative kernels, themselves a
custom_jvp with the exact Hessian, so every JAX transformation (grad, jvp,
jacfwd, hessian, vmap, jit) sees exact first and second derivatives."""

from __future__ import annotations

from ..printing import KernelPrinting, print_kernel, spelled
from .base import KernelCollector
from .xla_forms import XLABackend, XLAForms


class JaxPrinter(KernelPrinting):
    framework = "JAX"
    where, sqrt, power, float64 = "jnp.where", "jnp.sqrt", "jnp.power", "jnp.float64"
    mapping = spelled(
        "jnp.",
        asin="jnp.arcsin",
        acos="jnp.arccos",
        atan="jnp.arctan",
        atan2="jnp.arctan2",
        asinh="jnp.arcsinh",
        acosh="jnp.arccosh",
        atanh="jnp.arctanh",
        erf="jax.lax.erf",
        erfc="jax.lax.erfc",
        sigmoid="jax.nn.sigmoid",
        # 0 where the second factor is 0, even against an infinite first
        multiply_no_nan="_runtime.multiply_no_nan",
    )

    def constant(self, text: str) -> str:
        return f"jnp.asarray({text}, {self.dtype_of}.dtype)"

    def _print_divided(self, expr):
        # XLA turns a division by a constant, or by a scalar broadcast, into a product
        # with its reciprocal: both operands at full shape behind an optimization barrier
        operands = ", ".join(self._constant(a) for a in expr.args)
        return f"jnp.divide(*jax.lax.optimization_barrier(jnp.broadcast_arrays({operands})))"

    def filled(self, text: str) -> str:
        return f"jnp.full_like({self.dtype_of}, {text})"


class JaxXLAPrinter(XLAForms, JaxPrinter):
    """Every JAX kernel runs through XLA (under jit, and primitive by primitive
    eagerly): sin, cos and atan print in the forms XLA on CPU compiles fast."""


class JaxCollector(KernelCollector):
    """Prints every kernel through the XLA forms and records the helpers used."""

    def __init__(self, owner):
        super().__init__(owner, JaxPrinter)  # the series helpers: no sin, cos or atan

    def plain(self, kernel):
        if kernel is None:
            return "None"
        printer = JaxXLAPrinter()
        text = print_kernel(kernel, self.owner, printer)
        self.series |= printer.series
        self.helpers |= printer.helpers
        return self.emit(text, "")


class JaxBackend(XLABackend):
    name = "jax"
    framework = "JAX"
    printer = JaxPrinter
    xla_printer = JaxXLAPrinter
    # XLA shares the work of value and derivatives under jit: no residuals kept
    kernel_roles = ("value", "gradient", "hessian")
    tensor_words = "float16, bfloat16, float32 or float64 jax.Array (float64 with jax_enable_x64)"
    tensor_type = "jax.Array"
    tensor_modules = ("jax", "jaxlib")
    name_words = "optional name (a jax.named_scope)."

    def collector(self, owner):
        return JaxCollector(owner)

    def printed_kernels(self, a, kernel_set, regimes):
        printed = super().printed_kernels(a, kernel_set, regimes)
        printed["helpers"] = ", ".join(sorted(printed["collector"].helpers))
        return printed

