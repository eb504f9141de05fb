"""The pipeline's stages: derivative rules, strict printing, definition errors,
atomic writing."""

import errno
import importlib.util
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

import jinja2
import pytest
import sympy as sp

from derive import Approximation, DefinitionError, Param, generate, load_catalog, rendering, writing, x
from derive.catalog import CATALOG
from derive.derivatives import differentiate, normalize
from derive.backends.tensorflow import TFPrinter
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
        print_expr(expr, "owner", TFPrinter)


def test_printer_writes_small_powers_as_products_and_constants_in_dtype():
    assert print_expr(x**2, "o", TFPrinter) == "(x*x)"
    assert print_expr(1 / x, "o", TFPrinter) == "1/x"
    assert "tf.constant(0, x.dtype)" in print_expr(sp.Piecewise((0, x < 0), (x, True)), "o", TFPrinter)


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


# -- atomic regeneration: each failure injected at its stage ---------------------------------
def _script():
    """The regenerate command (scripts/regenerate_ops.py runs it), whose names the failures patch."""
    return importlib.import_module("derive.commands.regenerate")


def _run(script, argv):
    return script.main(argv, command="python scripts/regenerate_ops.py")


def _snapshot(folder: Path) -> dict:
    """Every file under ``folder``, hidden ones included, with its bytes."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


# a small catalog through the same code path as the built-in one: every template, fast
SMALL_CATALOG = """
from derive.catalog import atan_step, heaviside, sigmoid_step, triangle_step, fast_sigmoid_step
CATALOG = [sigmoid_step, triangle_step, fast_sigmoid_step, atan_step, heaviside]
"""


@pytest.fixture(scope="module")
def small_catalog(tmp_path_factory):
    path = tmp_path_factory.mktemp("catalog") / "small_ops.py"
    path.write_text(SMALL_CATALOG)
    return path


@pytest.fixture(scope="module")
def fresh_files(small_catalog):
    return generate(load_catalog(small_catalog), spec_file=small_catalog.name,
                    command=f"python scripts/regenerate_ops.py --catalog {small_catalog.name} --out diffround")


@pytest.fixture
def stale_tree(tmp_path, fresh_files):
    """generated/diffround written by the generator, then made stale three ways."""
    root = tmp_path / "generated" / "diffround"
    write_tree(fresh_files, root)
    stale = "tensorflow/sigmoid_step.py"
    (root / stale).write_text(fresh_files[stale] + "# stale\n")
    (root / "tensorflow" / "heaviside.py").unlink()
    (root / "leftover.py").write_text("# Do NOT modify by hand\n")
    return root


def _fail_on_call(n, exception, then=None):
    """A stand-in that raises ``exception`` on its n-th call and defers to ``then`` otherwise."""
    calls = {"count": 0}

    def stand_in(*args, **kwargs):
        calls["count"] += 1
        if calls["count"] == n:
            raise exception
        return then(*args, **kwargs)

    return stand_in


def _write_mode_open(exception):
    real_open = open
    calls = {"count": 0}

    def failing_open(path, mode="r", *args, **kwargs):
        if "w" in mode:
            calls["count"] += 1
            if calls["count"] == 3:
                raise exception
        return real_open(path, mode, *args, **kwargs)

    return failing_open


def _bad_template(name, env_get):
    def get_template(template, *args, **kwargs):
        if template == name:
            raise jinja2.TemplateSyntaxError("unexpected '}' (injected)", 1, name)
        return env_get(template, *args, **kwargs)

    return get_template


ENOSPC = OSError(errno.ENOSPC, "No space left on device (injected)")
INJECTIONS = {
    "a bad definition": lambda mp, script: mp.setattr(
        script, "load_catalog", lambda path: load_catalog(path) + [approximation(expr=sp.besselj(1, k * x))]
    ),
    "a template error": lambda mp, script: mp.setattr(
        rendering.ENVIRONMENT, "get_template", _bad_template("tensorflow/surrogate.py.jinja", rendering.ENVIRONMENT.get_template)
    ),
    "no space for the staging folder": lambda mp, script: mp.setattr(tempfile, "mkdtemp", _fail_on_call(1, ENOSPC)),
    "no space writing a file": lambda mp, script: mp.setattr("builtins.open", _write_mode_open(ENOSPC)),
    "copying an unchanged file fails": lambda mp, script: mp.setattr(shutil, "copy2", _fail_on_call(2, ENOSPC, shutil.copy2)),
    "the atomic swap fails": lambda mp, script: mp.setattr(writing, "exchange", _fail_on_call(1, ENOSPC)),
    "the fallback swap fails half way": lambda mp, script: (
        mp.setattr(writing, "exchange", lambda a, b: False),
        mp.setattr(os, "rename", _fail_on_call(2, ENOSPC, os.rename)),
    ),
}
INTERRUPTIONS = {
    "interrupted while rendering": lambda mp, script: mp.setattr(
        rendering, "render", _fail_on_call(5, KeyboardInterrupt(), rendering.render)
    ),
    "interrupted while writing": lambda mp, script: mp.setattr("builtins.open", _write_mode_open(KeyboardInterrupt())),
    "interrupted at the swap": lambda mp, script: mp.setattr(writing, "exchange", _fail_on_call(1, KeyboardInterrupt())),
}


@pytest.mark.parametrize("failure", list(INJECTIONS) + list(INTERRUPTIONS))
def test_a_failed_regeneration_leaves_generated_byte_identical(
    stale_tree, small_catalog, fresh_files, monkeypatch, capsys, failure
):
    script = _script()
    argv = ["--catalog", str(small_catalog), "--out", str(stale_tree)]
    before = _snapshot(stale_tree.parent)
    if failure in INJECTIONS:
        INJECTIONS[failure](monkeypatch, script)
        assert _run(script, argv) == 2
        assert "error:" in capsys.readouterr().err
    else:
        INTERRUPTIONS[failure](monkeypatch, script)
        with pytest.raises(KeyboardInterrupt):
            _run(script, argv)
    monkeypatch.undo()
    assert _snapshot(stale_tree.parent) == before
    assert _run(script, argv) == 0  # the same run without the failure writes the new tree
    assert read_tree(stale_tree) == fresh_files


KILL_POINTS = {
    # where the run kills itself (SIGKILL: no cleanup runs), and whether the swap had happened
    "while writing the staging folder": ("builtins.open", 3, False),
    "just before the swap": ("derive.writing.exchange", 1, False),
    "just after the swap": ("shutil.rmtree", 1, True),
}
KILLER = """
import builtins, importlib, os, runpy, signal, sys
sys.modules["tensorflow"] = None  # not needed to write files; saves seconds of start-up
sys.path.insert(0, {root!r})
import derive.writing, shutil
module_name, attribute = {target!r}.rsplit(".", 1)
module = importlib.import_module(module_name)
real, calls = getattr(module, attribute), [0]
def killer(*args, **kwargs):
    if attribute != "open" or "w" in (args[1] if len(args) > 1 else kwargs.get("mode", "r")):
        calls[0] += 1
        if calls[0] == {nth}:
            os.kill(os.getpid(), signal.SIGKILL)
    return real(*args, **kwargs)
setattr(module, attribute, killer)
sys.argv = ["regenerate_ops.py", "--catalog", {catalog!r}, "--out", {out!r}]
runpy.run_path({script!r}, run_name="__main__")
"""


@pytest.mark.parametrize("point", list(KILL_POINTS))
def test_a_killed_regeneration_leaves_the_old_or_the_new_tree(stale_tree, small_catalog, fresh_files, point):
    target, nth, swapped = KILL_POINTS[point]
    before = _snapshot(stale_tree)
    code = KILLER.format(
        root=str(ROOT), target=target, nth=nth, catalog=str(small_catalog), out=str(stale_tree), script=str(SCRIPT)
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == -signal.SIGKILL, result.stderr[-2000:]
    # never a mixture: the package folder is the old tree or the complete new one
    after = _snapshot(stale_tree)
    assert after == ({n: t.encode() for n, t in fresh_files.items()} if swapped else before)
    recover(stale_tree)  # what the next run does first
    assert sorted(p.name for p in stale_tree.parent.iterdir()) == ["diffround"]
    assert _snapshot(stale_tree) == after


def test_an_interrupted_fallback_swap_is_recovered(tmp_path):
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
    text = generate([entry])["tensorflow/soft_only.py"]
    assert "hard=None," in text and "def _hard" not in text
    assert 'def soft_only(x, k=2.0, mode="soft", name=None):' in text  # mode taken, only "soft" accepted
    with pytest.raises(DefinitionError, match="soft_only: ste mode needs a hard function"):
        generate([approximation(name="soft_only", hard=None)])


def test_files_under_another_header_are_formatted_as_a_whole():
    """render formats the code under the header alone (its formatting is then
    shared by regenerations that name another spec or command): the files are
    what the formatter makes of each whole file, and differ from the catalog's
    only in the header."""
    entries = [a for a in CATALOG if a.name == "ste_sign"]
    command = "python   scripts/regenerate_ops.py --catalog 'my ops.py' --out " + "x" * 150
    files = generate(entries, spec_file="my ops.py", command=command, backends=["jax"])
    usual = generate(entries, backends=["jax"])
    assert files.keys() == usual.keys()
    for path in ("jax/ste_sign.py", "jax/_runtime.py"):  # the catalog's files, formatted whole when committed
        assert usual[path] == (ROOT / "generated" / "diffround" / path).read_text(), path
    for path, text in files.items():
        if not path.endswith(".py"):
            continue
        assert rendering.formatted(text) == text, path
        head, usual_head = text.split("\n")[:3], usual[path].split("\n")[:3]
        assert " and spec my ops.py" in head[0] and head[2] == f"#     {command}", path
        assert text.split("\n")[3:] == usual[path].split("\n")[3:], path
        assert head != usual_head


def test_lowering_remembers_sympys_folds_only_while_it_lowers():
    """lower() remembers how SymPy folds a Piecewise inside a condition
    (derive/lowering.py, _folds_remembered); SymPy's own method is back in
    place afterwards, and the lowered expression is the one SymPy gives
    without the memory."""
    from derive.functions import fraction_minus
    from derive.lowering import _ITE_FOLDS, lower

    fold = sp.Piecewise._eval_rewrite_as_ITE
    u = sp.Abs(fraction_minus(x, sp.Rational(1, 2)))
    expr = sp.Piecewise((sp.exp(-u), u < sp.Rational(1, 4)), (sp.cos(u), True))
    lowered = lower(expr)
    assert sp.Piecewise._eval_rewrite_as_ITE is fold
    assert _ITE_FOLDS  # the condition u < 1/4 holds the Piecewise of fraction_minus
    _ITE_FOLDS.clear()
    lower.cache_clear()  # lower() remembers its results too
    lowered_again = lower(expr)
    with_memory = len(_ITE_FOLDS)
    assert lowered_again == lowered
    # SymPy's fold, with nothing remembered: the same expression
    from derive import lowering

    assert lowering._lowered(expr) == lowered and with_memory > 0


def test_an_entry_that_fails_in_a_forked_worker_names_itself_and_writes_nothing(tmp_path):
    catalog = tmp_path / "forked_ops.py"
    catalog.write_text(
        "import sympy as sp\nfrom derive import Approximation, Param, x\n"
        "from derive.catalog import atan_step, triangle_step\n"
        "k = sp.Symbol('k', positive=True)\n"
        "bessel_step = Approximation(name='bessel_step', hard='step', expr=sp.besselj(1, k*x),"
        " params={'k': Param(k, 5.0)})\n"
        "CATALOG = [triangle_step, bessel_step, atan_step]\n"
    )
    out = tmp_path / "pkg"
    run = [sys.executable, str(SCRIPT), "--catalog", str(catalog), "--out", str(out), "--jobs", "2"]
    result = subprocess.run(run, capture_output=True, text=True)
    assert result.returncode == 2, result.stderr[-2000:]
    assert "error: bessel_step: no TensorFlow function for besselj" in result.stderr
    assert f"nothing was written to {out}" in result.stderr and not out.exists()
    result = subprocess.run(run[:-1] + ["0"], capture_output=True, text=True)
    assert result.returncode == 2 and "--jobs must be at least 1, got 0" in result.stderr


def test_exp_minus_one_is_recognised_where_sympys_pattern_matches():
    """derive/lowering.py's STABLE_REWRITES: exp(w) - 1 found by its two terms
    (a pattern match took most of a large op's lowering); the same sums as
    SymPy's match of exp(w) - 1, and each becomes expm1(w)."""
    from sympy.codegen.cfunctions import expm1

    from derive.lowering import STABLE_REWRITES, lower

    ((which, stable),) = STABLE_REWRITES
    a, b = sp.symbols("a b", real=True)
    w = sp.Wild("w")
    sums = [sp.exp(a) - 1, sp.exp(-a) - 1, sp.exp(2 * a * b) - 1, 1 - sp.exp(a), 2 * sp.exp(a) - 1, sp.exp(a) - 2,
            sp.exp(a) + b, -sp.exp(a) - 1, b * sp.exp(a) - 1, sp.E - 1, sp.exp(a) / 2 - sp.S.Half, a - 1]
    for e in sums:
        assert which(e) == (e.match(sp.exp(w) - 1) is not None), e
    assert stable(sp.exp(-a) - 1) == expm1(-a)
    assert lower(b * (sp.exp(a * b) - 1) + 1 - sp.exp(a)) == b * expm1(a * b) + 1 - sp.exp(a)


def test_a_process_with_other_threads_derives_one_entry_at_a_time(monkeypatch):
    """generate(workers=2) forks only from a process that runs no other thread
    (a forked child may inherit a lock another thread holds, and hang): with a
    thread alive it derives in the calling process, with the same files."""
    import threading

    import derive.pipeline

    def no_fork(*args, **kwargs):
        raise AssertionError("generate forked with another thread running")

    entries = [entry for entry in CATALOG if entry.name in ("triangle_step", "ste_sign")]
    serial = generate(entries)
    monkeypatch.setattr(derive.pipeline.multiprocessing, "get_context", no_fork)
    release = threading.Event()
    thread = threading.Thread(target=release.wait)
    thread.start()
    try:
        assert generate(entries, workers=2) == serial
    finally:
        release.set()
        thread.join()


def test_forked_workers_end_with_a_killed_regeneration(tmp_path):
    """SIGKILL the command while its workers derive: they end too (no cleanup
    of the parent's runs; each worker holds only the reading end of its task
    queue, which ends with the parent), so nothing is left holding its output."""
    catalog = tmp_path / "slow_ops.py"
    catalog.write_text("from derive.catalog import sigmoid_round, soft_round\n\nCATALOG = [soft_round, sigmoid_round]\n")
    run = [sys.executable, str(SCRIPT), "--catalog", str(catalog), "--out", str(tmp_path / "pkg"), "--jobs", "2"]
    process = subprocess.Popen(run, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        while "deriving soft_round" not in process.stderr.readline():  # the workers are at work
            assert process.poll() is None, "the command ended before deriving"
        process.kill()
        process.communicate(timeout=60)  # end of file: every process holding the pipes has ended
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == -signal.SIGKILL
    assert not (tmp_path / "pkg").exists()


def test_default_jobs_are_the_cpus_here_at_most_four(monkeypatch):
    """A container may list its host's many CPUs: a worker each would hold as
    many SymPy caches on the few CPUs it is given."""
    from derive.commands import regenerate

    for cpus, jobs in ((1, 1), (2, 2), (4, 4), (64, 4)):
        monkeypatch.setattr(regenerate.os, "sched_getaffinity", lambda pid, cpus=cpus: set(range(cpus)), raising=False)
        assert regenerate._default_jobs() == jobs


def test_code_the_formatter_cannot_read_is_an_error_that_says_where():
    with pytest.raises(ValueError, match=r"^ruff format could not format the generated code: .*1:12"):
        rendering.formatted("def broken(:\n    return 1\n")
