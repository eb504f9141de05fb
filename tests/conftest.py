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
def _catalog_files():
    from derive import generate
    from derive.catalog import CATALOG

    return generate(CATALOG)


@pytest.fixture
def catalog_files(_catalog_files):
    """generate(CATALOG), derived once per test process (a few seconds each time)."""
    return dict(_catalog_files)
