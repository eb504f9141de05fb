#!/usr/bin/env python3
"""Regenerate generated/diffround from derive/catalog.py, or a package from a
catalog of your own: derive/commands/regenerate.py (installed as
diffround-regenerate), run from this source checkout.

    python scripts/regenerate_ops.py            # rewrite generated/diffround
    python scripts/regenerate_ops.py --check    # exit 1 with a diff if it is stale
    python scripts/regenerate_ops.py --catalog my_ops.py --out some/dir [--backends jax]
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from derive.commands.regenerate import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main(command="python scripts/regenerate_ops.py"))
