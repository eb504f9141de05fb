"""The digits demo (scripts/train_digits.py), each method for a few epochs."""

import importlib.util
from pathlib import Path

import numpy as np
import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "train_digits.py"


@pytest.fixture(scope="module")
def demo():
    spec = importlib.util.spec_from_file_location("train_digits", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def split(demo):
    return demo.load(seed=0)


def test_the_split_holds_out_a_quarter_of_every_digit(split):
    x_train, x_test, y_train, y_test = split
    assert x_train.shape == (1347, 64) and x_test.shape == (450, 64)
    counts_test, counts_all = np.bincount(y_test[:, 0].astype(int)), np.bincount(np.concatenate([y_train, y_test])[:, 0].astype(int))
    assert np.all(np.abs(counts_test - counts_all / 4) <= 1)


@pytest.mark.parametrize("index", range(4))
def test_each_method_learns_integer_labels(demo, dr, split, index, capsys):
    method = demo.METHODS[index]
    result = demo.train(method, epochs=6, seed=0, every=3, split=split)
    assert f"{method}" in capsys.readouterr().out  # the progress lines
    assert result["accuracy"] > 0.3, result  # ten classes: chance is 0.1
    raw = result["model"].predict(split[1], verbose=0)
    if method == "ste_round":
        assert result["integer"] == 1.0 and np.all(raw == np.round(raw))
    if "steepness" in method:
        assert result["model"].layers[-1].get_param("steepness") == 50.0
