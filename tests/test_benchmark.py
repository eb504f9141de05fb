"""scripts/benchmark.py runs end to end and reports every op of the catalog.

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


def expected_cases():
    labels = set()
    for entry in CATALOG:
        if isinstance(entry, Approximation):
            labels |= {f"{entry.name} {mode}" for mode in entry.modes}
        elif isinstance(entry, SurrogateChoice):
            labels |= {f"{entry.name} {label}" for label in entry.surrogates}
    return labels


def test_benchmark_writes_every_op_and_baseline(tmp_path):
    out = tmp_path / "bench.json"
    command = [sys.executable, str(ROOT / "scripts" / "benchmark.py"), "--sizes", "256", "--repeats", "1"]
    command += ["--warmups", "0", "--memory-size", "512", "--json", str(out)]
    run = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-3000:]
    result = json.loads(out.read_text())

    ops = {c["label"] for c in result["cases"] if c["kind"] == "op"}
    assert ops == expected_cases()
    kinds = {c["kind"] for c in result["cases"]}
    assert kinds == {"op", "baseline", "seed"}
    assert result["machine"]["cores"] >= 1 and result["machine"]["tensorflow"]

    timed = {(t["case"], t["execution"], t["pass"]) for t in result["times"]}
    for case in result["cases"]:
        for execution in ("eager", "function", "jit"):
            for pass_ in ("forward", "forward+backward"):
                assert (case["label"], execution, pass_) in timed
    assert all(t["median_s"] > 0 and math.isfinite(t["median_s"]) for t in result["times"])
    assert {("memory-bound probe", "xla", p) for p in ("forward", "forward+backward")} <= timed

    rows = {r["case"]: r for r in result["ratios"]["rows"]}
    assert set(rows) == ops
    for row in rows.values():
        assert row["eager_vs_straight_through"] > 0 and row["jit_vs_probe"] > 0
        assert row["peak_bytes"] is not None and row["peak_bytes"] >= 0
    seeded = [r for r in rows.values() if r["seed"]]
    assert seeded and all(r["seed_speedup"] > 0 and r["mode"] == "soft" for r in seeded)
    assert set(result["memory"]["peak_bytes"]) == {c["label"] for c in result["cases"]}
    assert "2^8" in run.stdout or "256 = 2^8" in run.stdout


def test_quantizer_benchmark_times_every_quantizer_against_tf_fake_quant_and_the_straight_through_round(tmp_path):
    from derive.catalog import RANDOM_OPS

    out, page = tmp_path / "quantizers.json", tmp_path / "quantizers.md"
    command = [sys.executable, str(ROOT / "scripts" / "benchmark.py"), "--quantizers", "--sizes", "256,512"]
    command += ["--repeats", "1", "--warmups", "0", "--json", str(out), "--markdown", str(page)]
    run = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-3000:]
    result = json.loads(out.read_text())
    quantizers = ("fake_quant", "pact_quant", "dsq_quant", "ternary", "fake_quant_minmax")
    expected = {f"{e.name} {m}" for e in CATALOG if e.name in quantizers for m in e.modes}
    expected |= {f"{op.name} {op.mode}" for op in RANDOM_OPS}
    assert len(expected) == 8  # dsq_quant in both of its modes
    assert {c["label"] for c in result["cases"] if c["kind"] == "op"} == expected
    baselines = {c["label"] for c in result["cases"] if c["kind"] == "baseline"}
    assert baselines == {"tf.quantization.fake_quant_with_min_max_vars", "straight-through round"}
    timed = {(t["size"], t["case"], t["execution"]) for t in result["times"] if t["pass"] == "forward+backward"}
    assert timed == {(s, c["label"], e) for s in (256, 512) for c in result["cases"] for e in ("eager", "jit")}
    assert len(result["ratios"]) == 2 * len(expected)
    for row in result["ratios"]:
        for key in ("eager_vs_tf_fake_quant", "eager_vs_straight_through", "jit_vs_tf_fake_quant", "jit_vs_straight_through"):
            assert row[key] > 0 and math.isfinite(row[key])
    text = page.read_text()
    assert text.startswith("# Quantizer benchmark") and "256 = 2^8 values:" in text and "512 = 2^9 values:" in text
    assert all(label in text for label in expected)
