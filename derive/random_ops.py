"""Random ops: a forward that draws noise, a gradient of 1.

Not derived: the forward is an expression in x and ``u``, a uniform draw on
[0, 1) per element, reproducible from the op's ``seed`` through each
framework's stateless random (tf.random.stateless_uniform, jax.random,
a torch.Generator seeded on x's device); the gradient in x is 1 (the
derivative of the mean over u, which is x for an unbiased op). The
generator prints the expression into every backend as it prints a kernel,
so a user's catalog declares its own in a list ``RANDOM_OPS`` beside
``CATALOG``.
"""

from __future__ import annotations

from dataclasses import dataclass

import sympy as sp

from .spec import MODES, DefinitionError, _name_problem, x

#: The uniform draw on [0, 1), one per element of x.
u = sp.Symbol("u", real=True)

#: What the mode means for a random op (its gradient is 1 in both).
RANDOM_MODE_WORDS = {
    "soft": '"soft" (the noisy forward, whose derivative in x is 1)',
    "ste": '"ste" (the random hard forward, gradient 1: the derivative of its mean x)',
}


@dataclass(frozen=True)
class RandomOp:
    """An op whose forward draws noise: ``expr`` in x and ``u`` (uniform on
    [0, 1)), called as ``name(x, seed, mode, name)``; its gradient in x is 1.

    - ``modes``: one of "soft" (the forward is smooth in x, its derivative 1
      exactly: additive noise) or "ste" (the forward is a hard random
      function, 1 is the derivative of its mean: stochastic rounding).
    - ``mean``: the mean of expr over u as a formula in x, which the tests
      check by integrating expr over u (x for an unbiased op).
    """

    name: str
    expr: sp.Expr
    modes: tuple[str, ...]
    doc: str = ""
    source: str = ""
    mean: sp.Expr = x

    @property
    def mode(self) -> str:
        return self.modes[0]


def check_random_ops(random_ops, catalog=()) -> None:
    """Raise DefinitionError naming the entry that is incomplete, or whose
    name another random op or a catalog entry has."""
    names = {e.name for e in catalog}
    for op in random_ops:
        if not isinstance(op, RandomOp):
            raise DefinitionError(f"RANDOM_OPS entries must be RandomOp, got {type(op).__name__}")
        name = op.name if isinstance(op.name, str) else repr(op.name)
        if not (isinstance(op.name, str) and op.name.isidentifier()):
            raise DefinitionError(f"{name}: the name must be a Python identifier")
        problem = _name_problem(op.name)
        if problem is not None:
            raise DefinitionError(f"{name}: the name {problem}; choose another")
        if op.name in names:
            raise DefinitionError(f"{name}: a catalog entry or random op of this name is defined twice")
        names.add(op.name)
        if not isinstance(op.expr, sp.Expr) or not {x, u} <= op.expr.free_symbols:
            raise DefinitionError(f"{name}: expr must be a SymPy expression in x and the uniform draw u, got {op.expr}")
        extra = op.expr.free_symbols - {x, u}
        if extra:
            raise DefinitionError(f"{name}: expr uses symbols other than x and u: {sorted(map(str, extra))}")
        if not (isinstance(op.modes, tuple) and len(op.modes) == 1 and op.modes[0] in MODES):
            raise DefinitionError(f"{name}: modes must be one of ('soft',) or ('ste',), got {op.modes!r}")


#: What each backend's random ops take as seed, in their docstrings.
SEED_WORDS = {
    "tensorflow": (
        "a Python int in [0, 4294967295] (the stateless seed [seed, 0]), or an int32 or int64 tensor of "
        "shape [2], the seed of tf.random.stateless_uniform: inside a tf.function a Python int is a "
        "constant (the same draw every step), a tensor seed an input (e.g. a column of "
        "tf.random.Generator.make_seeds(), or [step, 0])."
    ),
    "jax": (
        "a Python int in [0, 4294967295] (jax.random.key(seed)), or a JAX key: a typed key "
        "(jax.random.key) or a raw uint32 key of shape (2,) (jax.random.PRNGKey); under jax.jit a "
        "Python int is a constant (the same draw every step), a key an argument."
    ),
    "torch": (
        "a Python int in [0, 4294967295], the seed of a torch.Generator made on x's device. Under "
        "torch.func.vmap give randomness=\"same\" or \"different\"; under torch.compile the draw is a graph "
        "break (no fullgraph=True)."
    ),
}
SAME_NUMBERS = (
    "The same seed gives the same numbers on the same backend and device type; each framework has its "
    "own generator, so the numbers differ between backends."
)


def _seed_words(backend) -> str:
    if getattr(backend, "name", None) in SEED_WORDS:
        return SEED_WORDS[backend.name]
    # the package's top level: each backend's, by the type of x
    return " ".join(f"{name}: {words}" for name, words in SEED_WORDS.items() if name in backend.backend_names)


def random_docstring(op: RandomOp, backend) -> str:
    from . import rendering

    forward = rendering._formula(rendering._without_order(op.expr))
    lines = [op.doc, "", f"Forward: {forward}", "    with u uniform on [0, 1), one draw per element of x, from seed."]
    lines.append(f"Gradient: 1 in x (the derivative of the mean over u, {rendering._formula(op.mean)}).")
    lines += ["", "Args:", f"    x: {backend.tensor_words}.", f"    seed: {_seed_words(backend)}"]
    lines.append(f"    mode: {RANDOM_MODE_WORDS[op.mode]}, the only mode of this op; default \"{op.mode}\".")
    lines.append(f"    name: {backend.name_words}")
    lines += ["", "Returns:", f"    A tensor of x's dtype and shape. {SAME_NUMBERS}"]
    if op.source:
        lines += ["", f"Source: {op.source}."]
    return rendering._indent("\n".join(lines)).lstrip()


def random_context(op: RandomOp, backend) -> dict:
    """What a backend's random-op template needs: the forward printed by the
    backend's kernel printer, and the docstring."""
    return {
        "name": op.name,
        "summary": op.doc.split(":")[0].split(". ")[0].rstrip(".") + ".",
        "forward": backend.printer()._print(op.expr),
        "modes": list(op.modes),
        "mode": op.mode,
        "signature": f'x, seed, mode="{op.mode}", name=None',
        "docstring": random_docstring(op, backend),
    }


def front_op(op: RandomOp, front) -> dict:
    """The package's top-level function of a random op (rendering.front_files)."""
    return {
        "name": op.name,
        "signature": f'x, seed, mode="{op.mode}", name=None',
        "docstring": random_docstring(op, front),
        "tensors": "x, seed",
        "arguments": "x, seed, mode=mode, name=name",
    }
