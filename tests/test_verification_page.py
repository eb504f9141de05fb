"""The Markdown page of a verifier run (derive/commands/verify.py --markdown)."""

import numpy as np

from derive.commands.verify import markdown
from derive.verification.results import Measurement


def _measurement(ulps, ratios, failures=()):
    m = Measurement(failures=list(failures))
    stats = m.output(("x",))
    ulps, ratios = np.asarray(ulps, float), np.asarray(ratios, float)
    stats.add(ulps, ratios, ratios < 0, ["k"] * len(ulps), str)
    return m


def test_a_row_per_op_and_backend_with_the_worst_over_modes():
    results = {
        ("sigmoid_round", "soft"): {"float32": _measurement([0.5, 1.5], [-1, -1]), "float64": _measurement([0.25], [-1])},
        ("sigmoid_round", "ste"): {"float32": _measurement([3.0], [-1]), "float64": _measurement([7.0], [2.5], ["bad"])},
    }
    page = markdown({"jax": results}, command="verify", seconds=1.0, grid="full", rule_name="strict")
    rows = [line for line in page.splitlines() if line.startswith("| sigmoid_round")]
    # float64's 7 ULP point is ill-conditioned (ratio 2.5), so its well-conditioned worst is 0.25
    assert rows == ["| sigmoid_round | 3 | 0.25 | 0 | 2.5 | FAIL |"]
    assert "## jax" in page and "strict condition rule" in page
