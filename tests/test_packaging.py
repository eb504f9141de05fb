"""The project builds without setuptools' deprecation warnings, with the
license as an SPDX expression."""

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_wheel_builds_without_deprecation_warnings_and_declares_the_license(tmp_path):
    source = tmp_path / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    for folder in ("derive", "generated"):
        shutil.copytree(ROOT / folder, source / folder, ignore=shutil.ignore_patterns("__pycache__"))
    # the venv's setuptools (pinned in the dev extra) instead of a download
    done = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-v", "--no-build-isolation", "--no-deps", "-w", str(tmp_path), "."],
        cwd=source, capture_output=True, text=True, timeout=600,
    )
    output = done.stdout + done.stderr
    assert done.returncode == 0, output[-3000:]
    assert "Deprecat" not in output and "project.license" not in output, output
    (wheel,) = tmp_path.glob("diffround-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        metadata = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        assert "License-Expression: Apache-2.0" in archive.read(metadata).decode().splitlines()


def test_make_shows_pips_progress_while_it_installs():
    makefile = (ROOT / "Makefile").read_text()
    recipe = makefile.split("$(INSTALLED): pyproject.toml\n", 1)[1].split("\n\n", 1)[0]
    installs = [line for line in recipe.splitlines() if "pip install" in line]
    assert len(installs) == 2
    assert not any(flag in line.split() for line in installs for flag in ("-q", "--quiet", "-qq"))
    assert recipe.lstrip().startswith("@echo"), recipe  # a line saying what is coming before pip starts


def test_regenerate_check_says_what_it_derives_as_it_goes(tmp_path):
    catalog = tmp_path / "two_ops.py"
    catalog.write_text("from derive.catalog import atan_step, sine_round\n\nCATALOG = [sine_round, atan_step]\n")
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
            "deriving sine_round (1/2)",
            "deriving atan_step (2/2)",
        ], result.stderr
    assert checked.stdout.startswith("pkg: ") and "up to date" in checked.stdout
