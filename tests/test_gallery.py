"""docs/gallery and docs/choosing.md: an image for every op, a table that is
what the ops compute now, and a user's catalog drawn the same way."""

import importlib.util
import math
import re
import struct
import sys
from pathlib import Path

import pytest
import sympy as sp

from derive import Approximation, Param, SurrogateChoice, hard_step, x
from derive.catalog import CATALOG
from shared_references import shared_reference

ROOT = Path(__file__).resolve().parent.parent
GALLERY = ROOT / "docs" / "gallery"
CHOOSING = ROOT / "docs" / "choosing.md"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _load(name):
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def plot_ops():
    return _load("plot_ops")


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == PNG_SIGNATURE
    return struct.unpack(">II", data[16:24])


def test_every_catalog_op_has_its_image(plot_ops):
    for entry in CATALOG:
        for name in (f"{entry.name}.png", f"family_{plot_ops.family_of(entry)}.png"):
            path = GALLERY / name
            assert path.is_file(), f"{name} is missing: run python scripts/plot_ops.py"
            data = path.read_bytes()
            width, height = png_size(data)
            assert width >= 400 and height >= 300, name
            assert len(data) < 150_000, f"{name}: {len(data)} bytes"


def test_gallery_holds_only_images_of_the_catalog(plot_ops):
    expected = set(plot_ops.image_names(CATALOG))
    assert {p.name for p in GALLERY.glob("*.png")} == expected
    assert len(expected) == len(CATALOG) + len(plot_ops.families(CATALOG))


def test_family_overviews_are_shown_in_readme_and_guide(plot_ops):
    readme, guide = (ROOT / "README.md").read_text(), CHOOSING.read_text()
    for family in plot_ops.families(CATALOG):
        assert f"](docs/gallery/family_{family}.png)" in readme, family
        assert f"](gallery/family_{family}.png)" in guide, family
    assert "](docs/choosing.md)" in readme


def test_family_follows_the_hard_function(plot_ops):
    k, c = sp.Symbol("k", positive=True), sp.Symbol("c", real=True)
    shifted = Approximation("shifted", hard_step(x - c), sp.tanh(k * (x - c)), {"k": Param(k, 1.0), "c": Param(c, 0.0)})
    free = Approximation("free", None, sp.tanh(k * x), {"k": Param(k, 1.0)}, modes=("soft",))
    choice = SurrogateChoice("choice", "step", {}, "none")
    named = Approximation("named", "sign", sp.tanh(k * x), {"k": Param(k, 1.0)})
    assert [plot_ops.family_of(e) for e in (shifted, free, choice, named)] == ["step", "other", "step", "sign"]
    # c moves the hard function: it stays at its default, k is drawn
    assert plot_ops.plotted_parameter(shifted) == "k"


def test_parameter_values_stay_in_the_domain(plot_ops):
    w, n, c = sp.Symbol("w", positive=True), sp.Symbol("n", integer=True, positive=True), sp.Symbol("c", real=True)
    a = Approximation(
        "a",
        "round",
        x + w * c * sp.sin(n * x),
        {"w": Param(w, 1.0, domain=sp.Interval.Lopen(0, 1)), "n": Param(n, 1), "c": Param(c, 0.0)},
    )
    assert plot_ops.parameter_values(a, "w") == [0.25, 0.5, 1.0]
    assert plot_ops.parameter_values(a, "n") == [1, 2, 4]
    assert plot_ops.parameter_values(a, "c") == [-0.5, 0.0, 0.5]


def _committed_table() -> str:
    text = CHOOSING.read_text()
    match = re.search(r"<!-- table: [^\n]*-->\n(.*?)\n<!-- end of table -->", text, re.S)
    assert match, "docs/choosing.md has no table markers"
    return match.group(1)


def test_choosing_table_is_what_the_ops_compute_now(plot_ops, tf, dr):
    stale = "docs/choosing.md is stale: run python scripts/plot_ops.py"
    assert _committed_table() == plot_ops.table(tf, dr, CATALOG), stale


def _rows():
    lines = _committed_table().splitlines()
    header = [c.strip() for c in lines[0].strip("|").split(" | ")]
    for line in lines[2:]:
        cells = [c.strip() for c in re.split(r"(?<!\\)\|", line.strip().strip("|"))]
        yield dict(zip(header, cells))


def test_table_numbers_match_the_sympy_reference():
    """The gradients and the distance to the hard function in the committed
    table, against SymPy at 50 digits."""
    approximations = {e.name: e for e in CATALOG if isinstance(e, Approximation)}
    checked = 0
    for row in _rows():
        a = approximations.get(row["op"].strip("`"))
        if a is None:
            continue
        ref = shared_reference(a)
        floats = [float(a.params[n].default) for n in a.float_params]
        for column, value in row.items():
            point = re.fullmatch(r"d/dx at (.+)", column)
            if point:
                exact = float(ref.evaluate(("x",), (float(point.group(1)), *floats)))
                assert math.isclose(float(value), exact, rel_tol=6e-3, abs_tol=1e-12), (a.name, column, value, exact)
                checked += 1
        if a.hard is None or "soft" not in a.modes:
            continue
        errors = []
        for n in range(-2, 3):
            if ref.hard((n - 1e-6, *floats)) == ref.hard((n + 1e-6, *floats)):
                errors.append(abs(ref.evaluate((), (float(n), *floats)) - ref.hard((float(n), *floats))))
        error = float(max(errors))
        exact_text = row["soft forward: exact at integers"]
        if error <= 2 * sys.float_info.epsilon * 2:  # within float64 rounding of the integers -2..2
            assert exact_text == "yes", (a.name, exact_text)
        else:
            off = float(re.fullmatch(r"no, off by (\S+)", exact_text).group(1))
            assert math.isclose(off, error, rel_tol=0.05), (a.name, exact_text, error)
        checked += 1
    assert checked >= 3 * len(approximations)


def test_sigmoid_round_jump_in_the_table_is_the_sympy_one():
    row = next(r for r in _rows() if r["op"] == "`sigmoid_round`")
    size = float(re.match(r"jumps by (\S+) at x = ", row["soft forward: continuity"]).group(1))
    a = next(e for e in CATALOG if e.name == "sigmoid_round")
    ref = shared_reference(a)
    k = a.params["steepness"].default
    below = ref.evaluate((), (1 - 2.0**-40, k))  # the slope there is below 1: 1e-12 off at most
    assert math.isclose(size, float(ref.evaluate((), (1.0, k)) - below), rel_tol=5e-3)


USER_OPS = '''
import sympy as sp
from derive import Approximation, Param, hard_step, x

k = sp.Symbol("k", positive=True)
c = sp.Symbol("c", real=True)
tanh_step = Approximation(
    name="tanh_step",
    hard=hard_step(x - c),
    expr=(1 + sp.tanh(k * (x - c))) / 2,
    params={"steepness": Param(k, 4.0, doc="slope"), "center": Param(c, 0.0, doc="where the step is")},
    doc="(1 + tanh(steepness*(x - center)))/2",
)
CATALOG = [tanh_step]
'''


def test_user_catalog_gets_images_and_a_table(tmp_path, plot_ops, capsys):
    catalog = tmp_path / "my_ops.py"
    catalog.write_text(USER_OPS)
    out = tmp_path / "gallery_user_ops"
    assert _load("regenerate_ops").main(["--catalog", str(catalog), "--out", str(out)]) == 0
    try:
        drawn = []
        for images in (tmp_path / "first", tmp_path / "second"):
            assert plot_ops.main(["--catalog", str(catalog), "--out", str(out), "--images", str(images)]) == 0
            drawn.append({p.name: p.read_bytes() for p in sorted(images.iterdir())})
        assert sorted(drawn[0]) == ["family_step.png", "tanh_step.png"]
        assert drawn[0] == drawn[1], "two runs must give identical bytes"
        assert png_size(drawn[0]["tanh_step.png"]) == png_size((GALLERY / "sigmoid_step.png").read_bytes())
        capsys.readouterr()
        assert plot_ops.main(["--catalog", str(catalog), "--out", str(out), "--table"]) == 0
        row = capsys.readouterr().out.splitlines()[2]
        # (1 + tanh(4x))/2: smooth, d/dx = 2 at 0
        assert row.startswith("| `tanh_step` | step | soft | C2+ | no, off by ")
        assert " | 2 | " in row
    finally:
        sys.path.remove(str(out.resolve().parent))
        sys.modules.pop("gallery_user_ops", None)
