#!/usr/bin/env python3
"""Verify every op of every backend against 50-digit references:
derive/commands/verify.py (installed as diffround-verify), run from this
source checkout.

    python scripts/verify_derivatives.py                # the full grids
    python scripts/verify_derivatives.py --quick        # the test suite's smaller grids
    python scripts/verify_derivatives.py --ops sine_round,atan_step --backends jax
    python scripts/verify_derivatives.py --lenient      # the condition rule before the strict one
    python scripts/verify_derivatives.py --catalog my_ops.py --out some/dir
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from derive.commands.verify import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
