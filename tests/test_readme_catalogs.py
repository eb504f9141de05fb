"""The README's own-approximation examples, run as a user copies them: each
catalog block is written to a file, generated into a package and used."""

import ast
import importlib
import math
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text()


def readme_block(first_line: str) -> str:
    """The README's Python block that starts with ``first_line``, importing the
    generator as this repository names it (``derive``)."""
    start = README.index(f"```python\n{first_line}\n") + len("```python\n")
    block = README[start : README.index("```", start)]
    return block.replace("from diffround.derive import", "from derive import")


def test_the_readme_erf_round_is_the_catalog_the_tests_verify():
    # tests/erf_round_catalog.py is verified in full by test_user_catalog.py
    # and test_verify_user_catalogs.py; it must stay the README's text
    readme = ast.parse(readme_block("# my_ops.py")).body
    tests = ast.parse((ROOT / "tests" / "erf_round_catalog.py").read_text()).body[1:]  # after its docstring
    assert [ast.dump(node) for node in readme] == [ast.dump(node) for node in tests]


@pytest.fixture(scope="module")
def my_quantizers(tmp_path_factory):
    folder = tmp_path_factory.mktemp("readme_quantizer")
    catalog_file = folder / "my_quantizers.py"
    catalog_file.write_text(readme_block("# my_quantizers.py"))
    out = folder / "package" / "my_quantizers"
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "regenerate_ops.py"), "--catalog", str(catalog_file), "--out", str(out)],
        check=True,
        capture_output=True,
    )
    sys.path.insert(0, str(out.parent))
    try:
        yield importlib.import_module("my_quantizers"), catalog_file
    finally:
        sys.path.remove(str(out.parent))
        sys.modules.pop("my_quantizers", None)


# x/scale: below 0, inside the 15 levels, at the top level, above it; none at
# a half-integer
X = np.array([-0.3, 0.01, 0.26, 0.74, 0.75, 0.8, 2.0])
SCALE, LEVELS = 0.05, 15


def expected(x, scale):
    """The README's unsigned LSQ quantizer and LSQ's published gradients, by hand."""
    code = x / scale
    below, above = x <= 0, code >= LEVELS
    value = np.select([below, above], [0.0, scale * LEVELS], scale * np.round(code))
    d_dx = np.where(below | above, 0.0, 1.0)
    d_dscale = np.select([below, above], [0.0, LEVELS], np.round(code) - code)
    return value, d_dx, d_dscale


def value_and_gradients(backend, module, x, scale):
    """The op's value and the gradients of sum(value) for x and scale, in float64."""
    if backend == "tensorflow":
        import tensorflow as tf

        xt, st = tf.constant(x), tf.Variable(scale, dtype=tf.float64)
        with tf.GradientTape() as tape:
            tape.watch(xt)
            y = module.unsigned_lsq(xt, scale=st, bits=4)
        gx, gs = tape.gradient(y, [xt, st])
        return y.numpy(), gx.numpy(), float(gs.numpy())
    if backend == "jax":
        import jax

        jax.config.update("jax_enable_x64", True)
        xj = jax.numpy.asarray(x)
        y = module.unsigned_lsq(xj, scale=scale, bits=4)
        gx, gs = jax.grad(lambda a, s: module.unsigned_lsq(a, scale=s, bits=4).sum(), argnums=(0, 1))(xj, scale)
        return np.asarray(y), np.asarray(gx), float(gs)
    import torch

    xt = torch.tensor(x, requires_grad=True)
    st = torch.tensor(scale, dtype=torch.float64, requires_grad=True)
    y = module.unsigned_lsq(xt, scale=st, bits=4)
    y.sum().backward()
    return y.detach().numpy(), xt.grad.numpy(), float(st.grad)


@pytest.mark.parametrize("backend", ["tensorflow", "jax", "torch"])
def test_the_readme_quantizer_has_lsqs_value_and_gradients(my_quantizers, backend):
    package, _ = my_quantizers
    value, d_dx, d_dscale = value_and_gradients(backend, getattr(package, backend), X, SCALE)
    want_value, want_dx, want_dscale = expected(X, SCALE)
    np.testing.assert_allclose(value, want_value, rtol=1e-15, atol=0)
    np.testing.assert_array_equal(d_dx, want_dx)
    np.testing.assert_allclose(d_dscale, want_dscale.sum(), rtol=1e-13)


def test_the_readme_quantizer_layer_starts_as_lsq_and_learns_its_scale(my_quantizers):
    import keras

    package, _ = my_quantizers
    layer = package.layers.UnsignedLsq(bits=4, scale="lsq")
    batch = X[None].astype("float32")
    start = 2 * np.abs(X).mean() / math.sqrt(LEVELS)  # LSQ's start: 2 mean|x| / sqrt(qmax)
    y = keras.ops.convert_to_numpy(layer(batch))
    np.testing.assert_allclose(layer.get_param("scale"), start, rtol=1e-6)
    np.testing.assert_allclose(y, expected(X, start)[0][None], rtol=1e-6)
    model = keras.Sequential([keras.Input((len(X),)), layer])
    model.compile(optimizer=keras.optimizers.SGD(0.01), loss="mse")
    model.fit(batch, batch, epochs=1, batch_size=1, verbose=0)
    # one SGD step on mean((q(x) - x)**2), with the hand-written d/dscale above
    value, _, d_dscale = expected(X, start)
    step = 0.01 * np.mean(2 * (value - X) * d_dscale)
    np.testing.assert_allclose(layer.get_param("scale"), start - step, rtol=1e-5)


def test_the_readme_quantizer_verifies(my_quantizers, references):
    from derive import load_catalog
    from derive.verification import verify_catalog

    package, catalog_file = my_quantizers
    catalog = load_catalog(catalog_file)
    for backend in ("tensorflow", "jax", "torch"):
        results = verify_catalog(package, catalog, backend=backend, references=references, statistics=False)
        failures = [f for d in results.values() for m in d.values() for f in m.failures]
        assert not failures, (backend, failures[:3])
