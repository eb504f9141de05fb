"""The project builds without setuptools' deprecation warnings, with the
license as an SPDX expression."""

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """(wheel, pip's output) of the project as a user's pip builds it, from a copy of its sources."""
    tmp_path = tmp_path_factory.mktemp("wheel")
    source = tmp_path / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    for folder in ("derive", "generated", "templates"):
        shutil.copytree(ROOT / folder, source / folder, ignore=shutil.ignore_patterns("__pycache__"))
    # the venv's setuptools (pinned in the dev extra) instead of a download
    done = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-v", "--no-build-isolation", "--no-deps", "-w", str(tmp_path), "."],
        cwd=source, capture_output=True, text=True, timeout=600,
    )
    output = done.stdout + done.stderr
    assert done.returncode == 0, output[-3000:]
    (wheel,) = tmp_path.glob("diffround-*.whl")
    return wheel, output


def test_the_wheel_builds_without_deprecation_warnings_and_declares_the_license(built):
    wheel, output = built
    assert "Deprecat" not in output and "project.license" not in output, output
    with zipfile.ZipFile(wheel) as archive:
        metadata = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        assert "License-Expression: Apache-2.0" in archive.read(metadata).decode().splitlines()


def test_the_wheel_holds_the_backends_and_the_generator_with_its_templates_under_the_projects_name(built):
    wheel, _ = built
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    templates = {p.relative_to(ROOT).as_posix() for p in (ROOT / "templates").rglob("*.jinja")}
    assert {f"diffround/derive/{t}" for t in templates} <= names
    for backend in ("tensorflow", "jax"):
        assert f"diffround/{backend}/_runtime.py" in names and f"diffround/{backend}/sigmoid_round.py" in names
    assert "diffround/derive/commands/regenerate.py" in names
    assert not any(n.startswith(("derive/", "templates/")) for n in names), "the generator must not be top-level"


USER_CATALOG = """
import sympy as sp
from diffround.derive import Approximation, Param, x

k = sp.Symbol("k", positive=True)
erf_round = Approximation(
    name="erf_round",
    hard="round",
    expr=sp.floor(x) + (1 + sp.erf(k * (x - sp.floor(x) - sp.Rational(1, 2)))) / 2,
    params={"steepness": Param(k, default=4.0)},
    doc="floor plus a Gaussian-CDF transition",
)
CATALOG = [erf_round]
"""

USE_IT = """
import sys, jax, jax.numpy as jnp, numpy as np
import diffround, my_ops.jax as ops
assert "site-packages" in diffround.__file__, diffround.__file__
assert not {"tensorflow", "torch"} & set(sys.modules)
from math import erf, exp, pi, sqrt
xs = [0.2, 0.5, 1.3]
r = [v - np.floor(v) - 0.5 for v in xs]
x = jnp.asarray(xs)
np.testing.assert_allclose(ops.erf_round(x), [np.floor(v) + (1 + erf(4 * t)) / 2 for v, t in zip(xs, r)], rtol=1e-6)
slope = [4 / sqrt(pi) * exp(-16 * t * t) for t in r]
np.testing.assert_allclose(jax.vmap(jax.grad(ops.erf_round))(x), slope, rtol=1e-5)
print("ok")
"""


def test_a_user_generates_and_verifies_a_catalog_of_their_own_from_the_installed_wheel(built, tmp_path):
    # a new venv holding the wheel; its dependencies (the derive and jax extras) are read
    # from this test's environment through a .pth path entry, which installs nothing of diffround
    wheel, _ = built
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    python = venv / "bin" / "python"
    install = [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", str(wheel)]
    done = subprocess.run(install, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()
    dependencies = next(p for p in sys.path if p.endswith("site-packages") and Path(p, "sympy").is_dir())
    Path(site, "dependencies.pth").write_text(dependencies + "\n")
    (tmp_path / "my_ops.py").write_text(USER_CATALOG)
    env = {"PATH": f"{venv / 'bin'}:/usr/bin:/bin", "JAX_PLATFORMS": "cpu", "HOME": str(tmp_path)}
    out = tmp_path / "pkg" / "my_ops"
    regenerate = [str(venv / "bin" / "diffround-regenerate"), "--catalog", "my_ops.py", "--out", str(out), "--backends", "jax"]
    done = subprocess.run(regenerate, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    assert sorted(p.name for p in out.iterdir()) == ["__init__.py", "_arguments.py", "_dispatch.py", "_ops.py", "callbacks.py", "jax", "layers.py"]
    used = subprocess.run([str(python), "-c", USE_IT], cwd=out.parent, env=env, capture_output=True, text=True, timeout=600)
    assert used.stdout.strip() == "ok", used.stdout + used.stderr
    verify = [str(venv / "bin" / "diffround-verify"), "--catalog", "my_ops.py", "--out", str(out), "--quick"]
    done = subprocess.run(verify, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert "erf_round" in done.stdout and "FAIL" not in done.stdout


def test_make_shows_pips_progress_while_it_installs():
    makefile = (ROOT / "Makefile").read_text()
    recipe = makefile.split("$(INSTALLED): pyproject.toml\n", 1)[1].split("\n\n", 1)[0]
    installs = [line for line in recipe.splitlines() if "pip install" in line]
    assert len(installs) == 2
    assert not any(flag in line.split() for line in installs for flag in ("-q", "--quiet", "-qq"))
    assert recipe.lstrip().startswith("@echo"), recipe  # a line saying what is coming before pip starts


def test_regenerate_check_says_what_it_derives_as_it_goes(tmp_path):
    catalog = tmp_path / "two_ops.py"
    catalog.write_text("from derive.catalog import atan_step, triangle_step\n\nCATALOG = [triangle_step, atan_step]\n")
    out = tmp_path / "pkg"
    run = [sys.executable, str(ROOT / "scripts" / "regenerate_ops.py"), "--catalog", str(catalog), "--out", str(out)]
    written = subprocess.run(run, capture_output=True, text=True, timeout=600)
    assert written.returncode == 0, written.stderr
    checked = subprocess.run(run + ["--check"], capture_output=True, text=True, timeout=600)
    assert checked.returncode == 0, checked.stderr
    for result, verb in ((written, "writing"), (checked, "checking")):
        lines = [line for line in result.stderr.splitlines() if line.startswith((verb, "deriving"))]
        assert lines == [
            f"{verb} {out} from two_ops.py: each entry is derived first",
            "deriving triangle_step (1/2)",
            "deriving atan_step (2/2)",
        ], result.stderr
    assert checked.stdout.startswith("pkg: ") and "up to date" in checked.stdout
