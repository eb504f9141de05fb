"""The quantization-aware training demo (scripts/train_qat.py) in its quick mode."""

import importlib.util
import json
from pathlib import Path

import numpy as np
import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "train_qat.py"


@pytest.fixture(scope="module")
def demo():
    spec = importlib.util.spec_from_file_location("train_qat", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_method_starts_from_the_same_weights(demo, dr):
    import keras

    model = demo.build(keras)
    fresh = [keras.ops.convert_to_numpy(v) for v in model.variables + model.optimizer.variables]
    demo.start(model, 3, fresh)
    kernels = {}
    for layer in model.layers[1:]:
        kernels.setdefault(layer.name[-1], []).append(keras.ops.convert_to_numpy(layer.kernel))
    assert sorted(kernels) == ["0", "1"] and len(kernels["0"]) == len(demo.METHODS)
    for same in kernels.values():
        for kernel in same[1:]:
            np.testing.assert_array_equal(kernel, same[0])


def test_the_interval_is_students_t_over_the_seeds(demo):
    # t(0.975, 1 degree of freedom) = 12.7062047 (tables); sd of (0.9, 1.0) = 0.0707107, / sqrt(2) = 0.05
    s = demo.summary([0.9, 1.0])
    assert s["mean"] == pytest.approx(0.95)
    assert s["high"] - s["mean"] == pytest.approx(12.7062047 * 0.05, rel=1e-6)
    assert s["mean"] - s["low"] == pytest.approx(12.7062047 * 0.05, rel=1e-6)


def test_quick_run_writes_json_plot_and_table_and_learns(demo, dr, tmp_path, capsys):
    choosing = demo.CHOOSING.read_text()
    assert demo.main(["--quick", "--out", str(tmp_path)]) == 0
    results = json.loads((tmp_path / "qat.json").read_text())
    assert results["seeds"] == [0] and results["epochs"] == 2
    assert sorted(results["accuracy"]) == sorted(demo.METHODS)
    for method, (accuracy,) in results["accuracy"].items():
        assert 0.3 < accuracy <= 1.0, (method, accuracy)  # ten classes: chance is 0.1
    assert (tmp_path / "qat.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    table = (tmp_path / "qat.md").read_text()
    for quantizer in demo.QUANTIZERS:
        assert f"| `{quantizer}` |" in table
    assert demo.CHOOSING.read_text() == choosing  # the quick mode leaves the guide alone
    assert "seed 0:" in capsys.readouterr().out


def test_the_guide_and_the_page_show_the_recorded_run(demo):
    # the numbers in docs/choosing.md and docs/qat/qat.md are the table of docs/qat/qat.json
    results = json.loads((demo.ROOT / "docs" / "qat" / "qat.json").read_text())
    assert len(results["seeds"]) >= 5 and sorted(results["accuracy"]) == sorted(demo.METHODS)
    table = demo.table(results)
    choosing = demo.CHOOSING.read_text()
    assert demo.BEGIN + "\n" + table + demo.END in choosing
    assert table in (demo.ROOT / "docs" / "qat" / "qat.md").read_text()
