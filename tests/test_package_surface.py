"""What a user of the package meets besides the numbers: every op takes mode,
docstrings in the errors' words, __version__, a quiet import, and a warning
when two packages want the same activation name."""

import importlib
import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import numpy as np
import pytest

from derive import Approximation, generate, load_catalog
from derive.catalog import CATALOG
from derive.spec import MODES, SurrogateChoice
from derive.writing import write_tree

ROOT = Path(__file__).resolve().parent.parent
X = [-1.3, -0.2, 0.25, 0.7, 1.6]


@pytest.mark.parametrize("entry", CATALOG, ids=[e.name for e in CATALOG])
def test_every_op_takes_mode_and_refuses_a_mode_it_does_not_have(tf, dr, entry):
    op = getattr(dr, entry.name)
    modes = entry.modes if isinstance(entry, Approximation) else ("ste",)
    x = tf.constant(X, tf.float64)
    for mode in modes:
        assert op(x, mode=mode).shape == x.shape
    default = entry.mode if isinstance(entry, Approximation) else "ste"
    np.testing.assert_array_equal(op(x, mode=default).numpy(), op(x).numpy())
    for mode in sorted(set(MODES) - set(modes)):
        choices = ", ".join(repr(m) for m in modes)
        with pytest.raises(ValueError, match=re.escape(f"{entry.name}: mode must be one of {choices}, got {mode!r}")):
            op(x, mode=mode)


def test_the_single_mode_ops_give_their_default_output_for_their_mode(tf, dr):
    x = tf.constant(X, tf.float64)
    np.testing.assert_array_equal(dr.soft_round_inverse(x, mode="soft").numpy(), dr.soft_round_inverse(x).numpy())
    np.testing.assert_array_equal(dr.ste_round(x, mode="ste").numpy(), np.round(X))
    step = np.where(np.array(X) >= 0, 1.0, 0.0)
    np.testing.assert_array_equal(dr.heaviside(x, mode="ste", surrogate="atan").numpy(), step)


@pytest.mark.parametrize("entry", [e for e in CATALOG if isinstance(e, Approximation)], ids=lambda e: e.name)
def test_docstrings_write_domains_as_the_errors_do_and_the_hard_function_in_words(tf, dr, entry):
    doc = getattr(dr, entry.name).__doc__
    assert not re.search(r"Interval|\boo\b|hard_(round|step|sign)", doc), doc
    if entry.hard is not None:
        # a quantizer's composition wraps over lines; TensorFlow's fake quant is a floor
        assert re.search(r"Hard function: .*?\b(round|step|sign|floor)\(", doc, re.S), doc
    for name, param in entry.params.items():
        bad = -10**9 if param.is_integer else float("nan")
        with pytest.raises((ValueError, TypeError)) as caught:
            getattr(dr, entry.name)(tf.constant(X), **{name: bad})
        # the error's domain: "must be in (0, inf), got nan" or "must be an int >= 1, got ..."
        domain = re.search(r"must be (in )?(.*), got", str(caught.value)).group(2)
        domain = domain.replace("an int", "a Python int")  # the docstring's "a Python int >= 1"
        words = " ".join(doc.split())  # the docstring wraps its lines
        assert f"{name}: " in words and domain in words, (domain, doc)


def test_version_is_the_projects(dr):
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert dr.__version__ == project["version"]


def _run_python(code, **env):
    environment = {k: v for k, v in os.environ.items() if k != "TF_CPP_MIN_LOG_LEVEL"}
    environment.update(env, PYTHONPATH=os.pathsep.join([str(ROOT / "generated"), str(ROOT)]))
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=environment, timeout=300)


CALL_AN_OP = "import diffround as dr, tensorflow as tf; print(dr.sigmoid_round(tf.constant([0.3, 1.2])).numpy())"


def test_import_and_a_compiled_op_print_no_tensorflow_info_lines():
    done = _run_python(CALL_AN_OP)
    assert done.returncode == 0, done.stderr
    assert "Compiled cluster using XLA" not in done.stderr
    assert "activation name" not in done.stderr  # diffround alone takes its names without a warning
    info = re.findall(r"^I\d{4} .*(?:service\.cc|device_compiler|cpu_feature_guard).*$", done.stderr, re.MULTILINE)
    assert not info


def test_a_log_level_the_user_set_is_left_alone():
    done = _run_python(CALL_AN_OP, TF_CPP_MIN_LOG_LEVEL="0")
    assert done.returncode == 0, done.stderr
    assert "Compiled cluster using XLA" in done.stderr


RIVAL_CATALOG = """
from derive.catalog import sigmoid_round
CATALOG = [sigmoid_round]
"""


def test_a_second_package_defining_an_activation_name_warns_and_keeps_its_own_qualified_name(tmp_path, tf, dr):
    import keras

    catalog = tmp_path / "rival_catalog.py"
    catalog.write_text(RIVAL_CATALOG)
    write_tree(generate(load_catalog(catalog), spec_file=catalog.name), tmp_path / "rival_ops")
    sys.path.insert(0, str(tmp_path))
    try:
        with pytest.warns(UserWarning) as caught:
            rival = importlib.import_module("rival_ops")
        messages = [str(w.message) for w in caught if "activation name" in str(w.message)]
        assert messages == [
            'rival_ops: the activation name "sigmoid_round" is taken by diffround, and '
            'keras.activations.get("sigmoid_round") keeps giving diffround\'s; name this package\'s op as '
            '"rival_ops>sigmoid_round" (and the other as "diffround>sigmoid_round").'
        ]
        assert keras.activations.get("sigmoid_round") is dr.sigmoid_round
        assert keras.activations.get("rival_ops>sigmoid_round") is rival.sigmoid_round
        assert keras.activations.get("diffround>sigmoid_round") is dr.sigmoid_round
    finally:
        sys.path.remove(str(tmp_path))


def test_surrogate_choices_refuse_soft_mode_naming_the_op(tf, dr):
    for choice in (e for e in CATALOG if isinstance(e, SurrogateChoice)):
        with pytest.raises(ValueError, match=f"{choice.name}: mode must be one of 'ste', got 'soft'"):
            getattr(dr, choice.name)(tf.constant(X), mode="soft")


@pytest.mark.parametrize("entry", CATALOG, ids=[e.name for e in CATALOG])
def test_every_layer_takes_mode_and_refuses_a_mode_its_op_does_not_have(dr, entry):
    from derive.rendering import class_name

    cls = getattr(dr.layers, class_name(entry.name))
    modes = entry.modes if isinstance(entry, Approximation) else ("ste",)
    for mode in modes:
        assert cls(mode=mode).mode == mode if isinstance(entry, Approximation) else cls(mode=mode).surrogate
    for mode in sorted(set(MODES) - set(modes)):
        choices = ", ".join(repr(m) for m in modes)
        with pytest.raises(ValueError, match=re.escape(f"{entry.name}: mode must be one of {choices}, got {mode!r}")):
            cls(mode=mode)
