"""scripts/demo.py, the part of `make demo` that shows every op at work: it runs
to the end and shows every op of the package, the random ones with a seed."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_demo_shows_every_op(dr):
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "demo.py")], capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stderr[-3000:]
    shown = {line.split("(")[0] for line in result.stdout.splitlines() if "(" in line and " y " in line}
    assert shown == set(dr.__all__)
    assert "stochastic_round(seed=" in result.stdout and "uniform_noise(seed=" in result.stdout
