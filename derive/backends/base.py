"""What every backend does alike: print an op's kernels once each, and lay
out the op, surrogate and package modules through its templates."""

from __future__ import annotations

from .. import lowering, rendering
from ..printing import print_kernel, print_series_helper
from ..spec import Approximation, SurrogateChoice

# the order of each runtime's Kernels arguments
KERNEL_ROLES = ("value", "gradient_from_residuals", "gradient", "hessian")


class KernelCollector:
    """Each distinct kernel printed once; a kernel that prints the same as an
    earlier one (e.g. "all" = "x" for an op whose derivatives share all
    work) refers to the earlier one by name."""

    def __init__(self, owner, printer_class):
        self.owner = owner
        self.printer_class = printer_class
        self.printed, self.by_body, self.series = [], {}, set()
        #: the package-level helpers the printed kernels call (see package_files)
        self.helpers: set[str] = set()

    def plain(self, kernel):
        if kernel is None:
            return "None"
        printer = self.printer_class()
        text = print_kernel(kernel, self.owner, printer)
        self.series |= printer.series
        return self.emit(text, "")

    def emit(self, text, suffix):
        key = repr(sorted({**text, "name": None}.items()))
        if key not in self.by_body:
            text["name"] += suffix
            self.by_body[key] = text["name"]
            self.printed.append(text)
        return self.by_body[key]

    def series_helpers(self):
        ordered = sorted(self.series, key=lambda s: (s[0].__name__, s[1]))
        return [print_series_helper(cls, order, self.printer_class) for cls, order in ordered]


class Backend:
    """A framework the pipeline writes a subpackage for.

    ``name`` is the subpackage's and the template folder's name,
    ``framework`` the framework's name in docstrings and errors, ``printer``
    the kernel printer (derive.printing.KernelPrinting and SymPy's printer),
    ``runtime_files`` the templates rendered once per package besides
    ``__init__.py``."""

    name = ""
    framework = ""
    printer: type = None
    runtime_files: tuple[str, ...] = ("_runtime.py", "_random.py")
    #: how the docstrings describe x and the optional name
    tensor_words = ""
    name_words = "optional name scope."
    #: the kernels of each variant the runtime's Kernels takes, in its order
    kernel_roles = KERNEL_ROLES

    def template(self, file: str) -> str:
        return f"{self.name}/{file}.jinja"

    def collector(self, owner: str) -> KernelCollector:
        return KernelCollector(owner, self.printer)

    def variant(self, collector: KernelCollector, group: dict) -> str:
        """The arguments of the runtime's Kernels for one variant."""
        return ", ".join(collector.plain(group[role]) for role in self.kernel_roles)

    def printed_kernels(self, a: Approximation, kernel_set: lowering.KernelSet, regimes) -> dict:
        out = self.collector(a.name)
        out.plain(kernel_set.hard)
        groups = {tag: rendering.without_many_residuals(group) for tag, group in kernel_set.variants.items()}
        groups.update({tag: group for tag, _, group in regimes})
        variants = [(tag, self.variant(out, group)) for tag, group in groups.items()]
        return {"kernels": out.printed, "variants": variants, "series": out.series_helpers(), "collector": out}

    def op_file(self, a: Approximation, kernel_set, regimes, spec: str, command: str) -> tuple[str, set[str]]:
        """The op module's text, and the package-level helpers its kernels call."""
        context = rendering.op_context(a, kernel_set, regimes, self)
        context.update(self.printed_kernels(a, kernel_set, regimes))
        collector = context.pop("collector")
        return rendering.render(self.template("op.py"), spec, op=context, command=command), collector.helpers

    def choice_file(self, c: SurrogateChoice, spec: str, command: str) -> str:
        context = rendering.choice_context(c, self)
        return rendering.render(self.template("surrogate.py"), spec, choice=context, command=command)

    def random_file(self, op, spec: str, command: str) -> str:
        """A random op's module (derive/random_ops.py): its forward printed, its seed checked by _random.py."""
        from ..random_ops import random_context

        return rendering.render(self.template("random.py"), spec, op=random_context(op, self), command=command)

    def package_files(self, exports, spec_file: str, command: str, helpers: set[str]) -> dict[str, str]:
        """The package's own files beside the op modules (``helpers``: those their kernels call)."""
        package = {"docstring": self.docstring(), "exports": exports}
        files = {"__init__.py": rendering.render(self.template("__init__.py"), spec_file, package=package, command=command)}
        for file in self.runtime_files:
            files[file] = rendering.render(self.template(file), spec_file, command=command)
        return files

    def docstring(self) -> str:
        return f"Differentiable rounding, step and sign functions for {self.framework}, generated by diffround."
