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


@pytest.fixture(scope="session")
def _catalog_files(tmp_path_factory):
    """generate(CATALOG) with RANDOM_OPS: the slowest single step of the suite (the whole
    catalog derived by SymPy), done once per test run. Under pytest-xdist the
    first worker to need it derives it and leaves it in the run's shared
    temporary folder for the others, behind a lock; tests/test_freshness.py
    checks the output does not depend on the process (hash seed) that made it."""
    from derive import generate
    from derive.catalog import CATALOG, RANDOM_OPS

    if not os.environ.get("PYTEST_XDIST_WORKER"):
        return generate(CATALOG, random_ops=RANDOM_OPS)
    import fcntl
    import json

    shared = tmp_path_factory.getbasetemp().parent  # one folder per run, the workers' folders inside
    saved = shared / "catalog_files.json"
    with open(shared / "catalog_files.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # the other workers wait here while one derives
        if not saved.exists():
            files = generate(CATALOG, random_ops=RANDOM_OPS)
            partial = saved.with_suffix(".partial")
            partial.write_text(json.dumps(files))
            partial.rename(saved)
            return files
    return json.loads(saved.read_text())


@pytest.fixture
def catalog_files(_catalog_files):
    """generate(CATALOG), derived once per test run (see _catalog_files)."""
    return dict(_catalog_files)


class SharedReferences(dict):
    """derive.reference.Reference objects by (op name, integer parameters),
    the key verify_catalog's ``references`` uses. A Reference keeps every value
    it computes, so one object per op serves every test that asks for the same
    points: both modes and every backend (the derivatives are the same), and
    the points several files check (the float neighbours of integers,
    half-integers and breakpoints, where the 50-digit values cost the most)."""

    def get_for(self, approximation, ints):
        from derive.reference import Reference

        key = (approximation.name, tuple(sorted(ints.items())))
        cached = self.get(key)
        if cached is not None and cached.a is approximation:
            return cached
        reference = Reference(approximation, ints)
        if cached is None:  # an entry of another catalog under the same name is not shared
            self[key] = reference
        return reference


@pytest.fixture(scope="session")
def references():
    """The reference values of the catalog's ops, computed once per test process
    and shared by tests/test_verification.py, test_period_boundaries.py and
    test_properties.py."""
    return SharedReferences()


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
