"""The pipeline's stages: derivative rules, strict printing, definition errors,
atomic writing."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
import sympy as sp

from derive import Approximation, DefinitionError, Param, generate, x
from derive.catalog import CATALOG
from derive.derivatives import differentiate, normalize
from derive.printing import PrintingError, print_expr
from derive.writing import read_tree, recover, write_tree

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "regenerate_ops.py"
k = sp.Symbol("k", positive=True)


def test_piecewise_constant_functions_have_zero_derivative_almost_everywhere():
    expr = sp.floor(x) * k + sp.sign(x - 1) * x**2 + sp.Heaviside(x) + sp.frac(x)
    d = differentiate(normalize(expr), x, "t")
    assert not d.atoms(sp.Derivative, sp.DiracDelta)
    assert sp.simplify(d - (2 * x * sp.sign(x - 1) + 1)) == 0
    assert differentiate(normalize(sp.Mod(x, 1)), x, "t") == 1


def test_an_underivable_expression_names_the_approximation():
    f = sp.Function("f")
    with pytest.raises(DefinitionError, match="mystery: SymPy cannot evaluate the derivative with respect to x"):
        differentiate(f(x), x, "mystery")


@pytest.mark.parametrize(
    "expr,message",
    [
        (sp.Heaviside(x), "no TensorFlow function for Heaviside"),
        (sp.Piecewise((x, x > 0)), "Piecewise without a default"),
        (sp.Derivative(sp.Function("f")(x), x), "no TensorFlow function for f|unevaluated derivative"),
        (sp.besselj(1, x), "no TensorFlow function for besselj"),
        (sp.Integral(x, (x, 0, 1)) + x, "no TensorFlow function|Integral"),
    ],
)
def test_printer_is_strict(expr, message):
    with pytest.raises(PrintingError, match=message):
        print_expr(expr, "owner")


def test_printer_writes_small_powers_as_products_and_constants_in_dtype():
    assert print_expr(x**2, "o") == "(x*x)"
    assert print_expr(1 / x, "o") == "1/x"
    assert "tf.constant(0, x.dtype)" in print_expr(sp.Piecewise((0, x < 0), (x, True)), "o")


def approximation(**overrides):
    fields = dict(name="my_round", hard="round", expr=sp.floor(x) + sp.tanh(k * x), params={"k": Param(k, 2.0)})
    fields.update(overrides)
    return Approximation(**fields)


@pytest.mark.parametrize(
    "entry,message",
    [
        (approximation(expr=sp.floor(x) + x), "my_round: parameter 'k' has no symbol k in the expression"),
        (approximation(expr=sp.besselj(1, k * x)), "my_round: no TensorFlow function for besselj"),
        (approximation(params={"k": Param(k, -1.0)}), r"my_round: default k=-1.0 is outside its domain"),
        (approximation(hard="floor"), "my_round: hard must be one of"),
        (approximation(name="my round"), "the name must be a Python identifier"),
        (approximation(modes=("soft", "hard")), "my_round: modes must be"),
        (approximation(expr=sp.floor(x) + sp.Function("f")(k * x)), "my_round: .*f"),
        (approximation(expr=x + sp.Symbol("q") * k), r"my_round: the expression uses symbols .*\['q'\]"),
    ],
)
def test_bad_definitions_fail_naming_the_approximation_and_cause(entry, message):
    with pytest.raises(DefinitionError, match=message):
        generate([entry])


def test_duplicate_names_fail():
    with pytest.raises(DefinitionError, match="sigmoid_round: a catalog entry of this name is defined twice"):
        generate(CATALOG + [CATALOG[0]])


def test_write_is_atomic_when_the_swap_fails(tmp_path, monkeypatch):
    root = tmp_path / "pkg"
    write_tree({"a.py": "# Do NOT modify by hand\nA = 1\n"}, root)
    before = read_tree(root)

    def broken_rename(src, dst):
        raise OSError("disk full (injected)")

    monkeypatch.setattr(os, "rename", broken_rename)
    with pytest.raises(OSError, match="injected"):
        write_tree({"a.py": "# Do NOT modify by hand\nA = 2\n", "b.py": "# Do NOT modify by hand\n"}, root)
    monkeypatch.undo()
    assert read_tree(root) == before
    assert [p.name for p in tmp_path.iterdir()] == ["pkg"]  # no staging folder left behind


def test_write_is_atomic_when_writing_a_file_fails(tmp_path, monkeypatch):
    root = tmp_path / "pkg"
    write_tree({"a.py": "# Do NOT modify by hand\nA = 1\n"}, root)
    before = read_tree(root)
    real_open = open

    def failing_open(path, mode="r", *args, **kwargs):
        if "w" in mode and str(path).endswith("b.py"):
            raise OSError("interrupted (injected)")
        return real_open(path, mode, *args, **kwargs)

    monkeypatch.setattr("builtins.open", failing_open)
    with pytest.raises(OSError, match="injected"):
        write_tree({"a.py": "# Do NOT modify by hand\nA = 2\n", "b.py": "# Do NOT modify by hand\n"}, root)
    monkeypatch.undo()
    assert read_tree(root) == before


def test_an_interrupted_swap_is_recovered(tmp_path):
    root = tmp_path / "pkg"
    write_tree({"a.py": "# Do NOT modify by hand\nA = 1\n"}, root)
    os.rename(root, tmp_path / ".pkg.backup")  # killed between the two renames
    recover(root)
    assert read_tree(root) == {"a.py": "# Do NOT modify by hand\nA = 1\n"}


def test_unchanged_files_keep_their_modification_time(tmp_path):
    root = tmp_path / "pkg"
    files = {"a.py": "# Do NOT modify by hand\nA = 1\n", "b.py": "# Do NOT modify by hand\nB = 1\n"}
    write_tree(files, root)
    os.utime(root / "a.py", (1_000_000, 1_000_000))
    changed = write_tree({**files, "b.py": "# Do NOT modify by hand\nB = 2\n"}, root)
    assert changed == ["b.py"]
    assert (root / "a.py").stat().st_mtime == 1_000_000


def test_a_folder_with_foreign_files_is_not_replaced(tmp_path):
    root = tmp_path / "mine"
    root.mkdir()
    (root / "notes.txt").write_text("my own notes")
    with pytest.raises(FileExistsError, match="was not generated by diffround"):
        write_tree({"a.py": "# Do NOT modify by hand\n"}, root)
    assert (root / "notes.txt").read_text() == "my own notes"


def test_a_bad_catalog_leaves_the_output_untouched(tmp_path):
    out = tmp_path / "pkg"
    good = tmp_path / "good.py"
    good.write_text(
        "import sympy as sp\nfrom derive import Approximation, Param, x\n"
        "k = sp.Symbol('k', positive=True)\n"
        "CATALOG = [Approximation(name='tanh_round', hard='round',"
        " expr=sp.floor(x) + (1 + sp.tanh(k*(x - sp.floor(x) - sp.Rational(1, 2))))/2,"
        " params={'steepness': Param(k, 5.0)})]\n"
    )
    bad = tmp_path / "bad.py"
    bad.write_text(good.read_text().replace("sp.tanh", "sp.besselj(1, k*x) + sp.tanh"))
    subprocess.run([sys.executable, str(SCRIPT), "--catalog", str(good), "--out", str(out)], check=True, capture_output=True)
    before = read_tree(out)
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--catalog", str(bad), "--out", str(out)], capture_output=True, text=True
    )
    assert result.returncode == 2
    assert "tanh_round: no TensorFlow function for besselj" in result.stderr
    assert read_tree(out) == before


def test_an_approximation_without_a_hard_function_is_soft_only():
    entry = approximation(name="soft_only", hard=None, modes=("soft",))
    text = generate([entry])["soft_only.py"]
    assert "hard=None," in text and "def _hard" not in text
    assert "def soft_only(x, k=2.0, name=None):" in text
    with pytest.raises(DefinitionError, match="soft_only: ste mode needs a hard function"):
        generate([approximation(name="soft_only", hard=None)])
