"""Regenerate the golden layout files: ``python tests/golden/regen.py``.

Rule: regenerate only when a layout change is intended (a new spacing, a fix in the algorithm),
never to make a failing test pass without knowing why. Before committing, render the same cases
to PNG and look at them, and say in the commit message what moved and why. The golden files
are compared by meaning (numbers to 0.01 px, order of nodes and edges ignored), so a change in
JSON formatting alone never needs a regeneration.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from ladder.layout import layout_org  # noqa: E402
from ladder.renderers.layout_json import layout_json  # noqa: E402
from tests.sample_orgs import acme  # noqa: E402

CASES = {
    "acme-tree": {"mode": "tree"},
    "acme-compact": {"mode": "compact", "columns": 2},
    "acme-stacked": {"mode": "stacked", "stack_depth": 2},
    "acme-auto": {"mode": "auto"},
}


def main() -> None:
    for name, options in CASES.items():
        path = HERE / f"{name}.layout.json"
        path.write_text(layout_json(layout_org(acme(), **options)), encoding="utf-8")
        print(f"wrote {path.relative_to(HERE.parent.parent)}")


if __name__ == "__main__":
    main()
