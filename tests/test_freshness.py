"""generated/ is exactly what the pipeline produces, on every run and hash
seed, one entry at a time or in forked workers."""

import subprocess
import sys
from pathlib import Path

from derive.writing import compare

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "regenerate_ops.py"


def test_generated_package_is_fresh(catalog_files):
    comparison = compare(catalog_files, ROOT / "generated" / "diffround", "diffround")
    assert comparison.clean, comparison.report("python scripts/regenerate_ops.py")


def test_every_generated_file_has_the_header(catalog_files):
    for name, text in catalog_files.items():
        head = text.splitlines()[:3]
        assert head[0].startswith("# Generated from template templates/"), name
        assert "Do NOT modify by hand" in head[1], name
        assert "python scripts/regenerate_ops.py" in head[2], name


def test_forked_workers_write_what_one_process_writes(tmp_path):
    # catalog_files is the whole catalog derived one entry at a time, under another hash seed
    # than generated/'s forked run (the script's default, --jobs up to 4); here the same
    # catalog of three entries both ways, sharing the sigmoid's helpers
    catalog = tmp_path / "three_ops.py"
    catalog.write_text(
        "from derive.catalog import atan_step, sigmoid_round, sigmoid_step\n\n"
        "CATALOG = [sigmoid_round, sigmoid_step, atan_step]\n"
    )
    texts = {}
    for jobs in ("1", "3"):
        folder = tmp_path / f"jobs_{jobs}"
        folder.mkdir()
        # the same command line (it is in every file's header), in folders of their own
        run = [sys.executable, str(SCRIPT), "--catalog", str(catalog), "--out", "pkg", "--jobs", jobs]
        subprocess.run(run, check=True, capture_output=True, cwd=folder)
        out = folder / "pkg"
        texts[jobs] = {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*.py"))}
    assert "jax/sigmoid_step.py" in texts["1"]
    assert texts["3"] == texts["1"]


def test_check_reports_stale_added_and_missing_files(tmp_path, catalog_files):
    files = catalog_files
    root = tmp_path / "diffround"
    root.mkdir()
    for name, text in files.items():
        (root / name).parent.mkdir(exist_ok=True)
        (root / name).write_text(text)
    stale = "tensorflow/sigmoid_round.py"
    (root / stale).write_text(files[stale].replace("floor", "ceil", 1))
    (root / "tensorflow" / "heaviside.py").unlink()
    (root / "leftover.py").write_text("# Do NOT modify by hand\n")
    comparison = compare(files, root, "diffround")
    assert comparison.stale == [stale]
    assert comparison.missing == ["tensorflow/heaviside.py"]
    assert comparison.added == ["leftover.py"]
    assert "-    _t0 = tf.math.ceil(x)" in comparison.diff or "ceil" in comparison.diff


def test_check_command_reports_exactly_the_stale_missing_and_extra_files(tmp_path):
    # a catalog of two ops that derive in a fraction of a second: the command's behaviour
    catalog = tmp_path / "two_ops.py"
    catalog.write_text("from derive.catalog import atan_step, triangle_step\n\nCATALOG = [triangle_step, atan_step]\n")
    out = tmp_path / "pkg"
    run = [sys.executable, str(SCRIPT), "--catalog", str(catalog), "--out", str(out)]
    subprocess.run(run, check=True, capture_output=True)
    target = out / "tensorflow" / "triangle_step.py"
    target.write_text(target.read_text().replace("width", "widht", 1))
    (out / "tensorflow" / "atan_step.py").unlink()
    (out / "old_op.py").write_text("# Do NOT modify by hand\n")
    (out / "__pycache__").mkdir()
    (out / "__pycache__" / "x.pyc").write_bytes(b"ignored")
    result = subprocess.run(run + ["--check"], capture_output=True, text=True)
    assert result.returncode == 1
    listed = [
        line
        for line in result.stdout.splitlines()
        if line.split(":")[0] in ("stale", "missing", "not generated any more")
    ]
    stale, missing = "tensorflow/triangle_step.py", "tensorflow/atan_step.py"
    assert listed == [f"stale: {stale}", "not generated any more: old_op.py", f"missing: {missing}"]
    assert f"+++ pkg/{stale} (generated)" in result.stdout
    subprocess.run(run, check=True, capture_output=True)
    clean = subprocess.run(run + ["--check"], capture_output=True, text=True)
    assert clean.returncode == 0 and "up to date" in clean.stdout
