"""PyTorch: torch kernels, wired into autograd, forward-mode AD and
torch.func by templates/torch/_runtime.py.jinja (torch.autograd.Function in
the form torch.func supports: forward without ctx, setup_context, jvp)."""

from __future__ import annotations

from ..printing import KernelPrinting, spelled
from .base import Backend

# torch functions whose every operand must be a tensor: a number there is
# printed as a 0-d tensor (comparisons take a number second, not first)
_TENSOR_OPERANDS = {"torch.maximum", "torch.minimum", "torch.atan2", "torch.logical_and", "torch.logical_or"}


class TorchPrinter(KernelPrinting):
    """Prints with the ``torch.`` prefix. Constants are 0-d tensors made on
    the device and in the dtype of ``dtype_of`` (no copy from the host);
    torch.eq, not torch.equal (a single bool for whole tensors)."""

    framework = "PyTorch"
    where, sqrt, power, float64 = "torch.where", "torch.sqrt", "torch.pow", "torch.float64"
    mapping = spelled(
        "torch.",
        equal="torch.eq",
        not_equal="torch.ne",
        greater="torch.gt",
        less="torch.lt",
        greater_equal="torch.ge",
        less_equal="torch.le",
        multiply_no_nan="_runtime.multiply_no_nan",
    )

    def constant(self, text: str) -> str:
        return f"{self.dtype_of}.new_full((), {text})"

    def filled(self, text: str) -> str:
        return f"torch.full_like({self.dtype_of}, {text})"

    # a comparison cast to the dtype, not a select of two constants: torch.where
    # takes many times an elementwise multiply on the CPU
    def _print_hard_step(self, expr):
        return f"{self._print(expr.args[0] >= 0)}.to({self.dtype_of}.dtype)"

    def _print_hard_sign(self, expr):
        return f"2 * {self._print_hard_step(expr)} - 1"

    def _argument(self, arg, first: bool, function: str) -> str:
        # a Python int of the structural parameters too (a quantizer's qmax)
        if (arg.is_number or self._is_python_scalar(arg)) and (first or function in _TENSOR_OPERANDS):
            return self._constant(arg)
        return self._print(arg)


class TorchBackend(Backend):
    name = "torch"
    framework = "PyTorch"
    printer = TorchPrinter
    tensor_words = "float16, bfloat16, float32 or float64 torch.Tensor"
    name_words = "unused; accepted for the same signature as the other backends."
    tensor_type = "torch.Tensor"
    tensor_modules = ("torch",)
