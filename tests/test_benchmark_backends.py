"""scripts/benchmark_backends.py runs end to end and reports every op of the
catalog for the JAX backend, eagerly and under jax.jit.

No speed is asserted here: speed numbers come only from a benchmark run.
"""

import json
import math
import subprocess
import sys
from pathlib import Path

from derive.catalog import CATALOG
from derive.spec import Approximation, SurrogateChoice

ROOT = Path(__file__).resolve().parent.parent


def expected_ops():
    """(label, op, mode) of every approximation's mode and every surrogate."""
    cases = set()
    for entry in CATALOG:
        if isinstance(entry, Approximation):
            cases |= {(f"{entry.name} {mode}", entry.name, mode) for mode in entry.modes}
        elif isinstance(entry, SurrogateChoice):
            cases |= {(f"{entry.name} {label}", entry.name, label) for label in entry.surrogates}
    return cases


def test_benchmark_backends_writes_a_row_per_op_mode_and_execution(tmp_path):
    out = tmp_path / "bench.json"
    command = [sys.executable, str(ROOT / "scripts" / "benchmark_backends.py"), "--backends", "jax"]
    command += ["--sizes", "256", "--repeats", "1", "--warmups", "0", "--json", str(out)]
    run = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-3000:]
    result = json.loads(out.read_text())

    assert result["machine"]["cores"] >= 1 and result["machine"]["jax"].startswith("jax ")
    assert list(result["backends"]) == ["jax"]
    rows = result["rows"]
    ops = {(r["case"], r["op"], r["mode"]) for r in rows if r["kind"] == "op"}
    assert ops == expected_ops()
    executed = {(r["case"], r["execution"]) for r in rows}
    for label, _, _ in expected_ops() | {("straight-through round", "", "")}:
        assert {(label, "eager"), (label, "jit")} <= executed
    assert len(rows) == len(executed)  # one row each

    assert all(r["backend"] == "jax" and r["size"] == 256 and not r["note"] for r in rows)
    for row in rows:
        assert row["median_s"] > 0 and math.isfinite(row["median_s"])
        assert row["ratio"] > 0 and math.isfinite(row["ratio"])
        assert row["versus"] == "straight-through round"
    jit_ops = [r for r in rows if r["kind"] == "op" and r["execution"] == "jit"]
    assert all(r["target"] == "<= 1.5" and r["meets_target"] == (r["ratio"] <= 1.5) for r in jit_ops)
    # XLA's buffer assignment holds at least y and dx
    assert all(r["peak_bytes"] >= 2 * 4 * 256 for r in rows if r["execution"] == "jit")
    assert all(r["peak_bytes"] is None for r in rows if r["execution"] == "eager")
    assert "256 = 2^8 values" in run.stdout
