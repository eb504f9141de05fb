"""A user's own approximation, through the public API, end to end."""

import importlib
import subprocess
import sys
from pathlib import Path

import numpy as np

from derive import load_catalog
from derive.reference import Reference
from derive.verification import verify_catalog

ROOT = Path(__file__).resolve().parent.parent
CATALOG_FILE = ROOT / "tests" / "erf_round_catalog.py"  # the README's erf_round


def test_user_catalog_generates_a_verified_package(tmp_path, tf):
    out = tmp_path / "my_pkg"
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "regenerate_ops.py"), "--catalog", str(CATALOG_FILE), "--out", str(out)],
        check=True,
        capture_output=True,
    )
    sys.path.insert(0, str(tmp_path))
    try:
        package = importlib.import_module("my_pkg")
        catalog = load_catalog(CATALOG_FILE)
        x = tf.constant([0.2, 0.5, 1.7], tf.float64)
        with tf.GradientTape() as tape:
            tape.watch(x)
            y = package.erf_round(x, steepness=4.0)
        ref = Reference(catalog[0], {})
        np.testing.assert_allclose(y.numpy(), [float(ref.evaluate((), (v, 4.0))) for v in (0.2, 0.5, 1.7)], rtol=1e-14)
        np.testing.assert_allclose(
            tape.gradient(y, x).numpy(), [float(ref.evaluate(("x",), (v, 4.0))) for v in (0.2, 0.5, 1.7)], rtol=1e-13
        )
        np.testing.assert_array_equal(package.erf_round(x, mode="ste").numpy(), [0.0, 0.0, 2.0])
        results = verify_catalog(package, catalog)
        failures = [f for d in results.values() for m in d.values() for f in m.failures]
        assert not failures, failures[:5]
    finally:
        sys.path.remove(str(tmp_path))
