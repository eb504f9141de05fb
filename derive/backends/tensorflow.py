"""TensorFlow: tf.math kernels, compiled with XLA where that is fast
(derive/backends/xla_forms.py), wired into GradientTapes and
ForwardAccumulators by templates/tensorflow/_runtime.py.jinja."""

from __future__ import annotations

from .. import lowering, rendering
from ..printing import KernelPrinting, print_kernel, spelled
from .base import KERNEL_ROLES, KernelCollector
from .xla_forms import XLABackend, XLAForms


class TFPrinter(KernelPrinting):
    """Prints with the ``tf.`` prefix; ``dtype_of`` names a tensor whose
    dtype constants take where TensorFlow would not infer it."""

    framework = "TensorFlow"
    where, sqrt, power, float64 = "tf.where", "tf.math.sqrt", "tf.math.pow", "tf.float64"
    mapping = spelled("tf.math.")

    def constant(self, text: str) -> str:
        return f"tf.constant({text}, {self.dtype_of}.dtype)"

    def filled(self, text: str) -> str:
        return f"tf.fill(tf.shape({self.dtype_of}), {self.constant(text)})"

    def _argument(self, arg, first: bool, function: str) -> str:
        # tf.math.minimum(255, x) would make 255 an int32 tensor (an error in a graph): a
        # number or a Python int of the structural parameters is a constant of x's dtype there
        if first and self._is_python_scalar(arg):
            return self._constant(arg)
        return self._print(arg)

    def _print_divided(self, expr):
        # the runtime's divided: one division in a tf.function too, where Grappler
        # would multiply by the reciprocal of a constant denominator
        operands = ", ".join(
            self._constant(a) if a.is_number or self._is_python_scalar(a) else self._print(a) for a in expr.args
        )
        return f"_runtime.divided({operands})"

    # TFLite has no builtin ATAN but has ATAN2, whose operands must have one shape
    # (no broadcasting): the argument's, which is x's where the op is used elementwise
    def _print_atan(self, expr):
        return f"tf.math.atan2({self._print(expr.args[0])}, tf.ones_like({self.dtype_of}))"


class XLAPrinter(XLAForms, TFPrinter):
    """TFPrinter for the kernels the runtime compiles with XLA."""


# the kernels compiled with XLA: the backward recomputes from x, so no residuals;
# the Hessian stays op by op (see Kernels in templates/tensorflow/_runtime.py.jinja)
XLA_ROLES = ("value", "gradient")


class XLACollector(KernelCollector):
    """Also prints each kernel's XLA form, and records the XLA helpers used."""

    def __init__(self, owner):
        super().__init__(owner, TFPrinter)

    def xla(self, kernel):
        """The kernel's XLA form, or "None" if a function XLA compiles slowly is
        left in it, or if it is one operation on its arguments (tf.round(x)):
        nothing to fuse, and an XLA launch costs more than the operation."""
        if kernel is None or _one_operation(kernel) or _divides_as_written(kernel):
            return "None"
        printer = XLAPrinter()
        text = print_kernel(kernel, self.owner, printer)
        if printer.slow:
            return "None"
        self.helpers |= printer.helpers
        self.series |= printer.series
        return self.emit(text, "_xla")


def _divides_as_written(kernel: lowering.Kernel) -> bool:
    """Whether the kernel holds a division that must stay one (``divided``):
    XLA turns a division by a constant into a product with its reciprocal."""
    from ..quantization import divided

    return any(value.has(divided) for _, value in kernel.prologue + kernel.body + kernel.outputs)


def _one_operation(kernel: lowering.Kernel) -> bool:
    return not (kernel.prologue or kernel.body or kernel.loop) and all(
        type(value) in TFPrinter.mapping and set(value.args) <= set(kernel.args)
        for _, value in kernel.outputs
    )


class TensorFlowBackend(XLABackend):
    name = "tensorflow"
    framework = "TensorFlow"
    printer = TFPrinter
    xla_printer = XLAPrinter
    tensor_words = "float16, bfloat16, float32 or float64 tensor"
    tensor_type = "tf.Tensor"
    tensor_modules = ("tensorflow",)

    def collector(self, owner):
        return XLACollector(owner)

    def printed_kernels(self, a, kernel_set, regimes):
        # every plain kernel first, then the XLA forms: the order of the module's functions
        out = self.collector(a.name)
        out.plain(kernel_set.hard)
        groups = {tag: rendering.without_many_residuals(group) for tag, group in kernel_set.variants.items()}
        groups.update({tag: group for tag, _, group in regimes})
        plain = {tag: [out.plain(group[role]) for role in KERNEL_ROLES] for tag, group in groups.items()}
        hard_xla = out.xla(kernel_set.hard)
        variants = []
        for tag, group in groups.items():
            compiled = ", ".join(out.xla(group[role]) for role in XLA_ROLES)
            variants.append((tag, f"{', '.join(plain[tag])}, xla=({compiled})"))
        return {
            "kernels": out.printed,
            "variants": variants,
            "series": out.series_helpers(),
            "hard_xla": hard_xla,
            "helpers": ", ".join(sorted(out.helpers)),
            "collector": out,
        }

