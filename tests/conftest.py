import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import pytest  # noqa: E402


@pytest.fixture(scope="session")
def tf():
    import tensorflow

    return tensorflow


@pytest.fixture(scope="session")
def dr():
    import diffround

    return diffround


def _once_per_run(tmp_path_factory, name, compute):
    """The folder that compute(folder) filled, computed once per test run. Under
    pytest-xdist the first worker to ask computes it in the run's shared
    temporary folder, behind a lock; the others wait there and reuse it."""
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        folder = tmp_path_factory.mktemp(name)
        compute(folder)
        return folder
    import fcntl
    import shutil

    shared = tmp_path_factory.getbasetemp().parent  # one folder per run, the workers' folders inside
    folder, done = shared / name, shared / f"{name}.done"
    with open(shared / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)  # a worker that failed to compute it
            folder.mkdir()
            compute(folder)
            done.touch()
    return folder


@pytest.fixture(scope="session")
def once_per_run(tmp_path_factory):
    """once_per_run(name, compute): the folder compute(folder) filled, computed
    once per test run whichever workers ask for it (the slowest setups)."""
    return lambda name, compute: _once_per_run(tmp_path_factory, name, compute)


@pytest.fixture(scope="session")
def _catalog_files(once_per_run):
    """The whole catalog with RANDOM_OPS as scripts/regenerate_ops.py derives it, one
    entry at a time (--jobs 1), in a process of its own under another hash seed than
    this one: the slowest single step of the suite, done once per test run
    (once_per_run). tests/test_freshness.py compares it with generated/, which the
    script writes with forked workers (its default)."""
    import subprocess
    import sys
    from pathlib import Path

    script = Path(__file__).resolve().parent.parent / "scripts" / "regenerate_ops.py"

    def derive_catalog(folder):
        seed = "1" if os.environ.get("PYTHONHASHSEED") == "0" else "0"
        run = [sys.executable, str(script), "--out", str(folder / "diffround"), "--jobs", "1"]
        done = subprocess.run(run, env={**os.environ, "PYTHONHASHSEED": seed}, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr[-3000:]

    out = once_per_run("catalog", derive_catalog) / "diffround"
    return {p.relative_to(out).as_posix(): p.read_text() for p in sorted(out.rglob("*.py"))}


@pytest.fixture
def catalog_files(_catalog_files):
    """The catalog's package as the pipeline derives it, once per test run (see _catalog_files)."""
    return dict(_catalog_files)


@pytest.fixture(scope="session")
def references():
    """The reference values of the catalog's ops, computed once per test process
    and shared by tests/test_verification.py, test_period_boundaries.py and
    test_properties.py (and, through shared_references.shared_reference, the
    tests that evaluate references of their own)."""
    from shared_references import REFERENCES

    return REFERENCES


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "heavy: a test several times longer than the rest; run first (pytest_collection_modifyitems)"
    )


def pytest_collection_modifyitems(config, items):
    """The tests marked heavy first, each group in its own order: under
    pytest-xdist's worksteal the long tests then start while the short ones
    still fill both workers at the end, instead of one long test running on
    one worker while the other has nothing left."""
    items.sort(key=lambda item: item.get_closest_marker("heavy") is None)
