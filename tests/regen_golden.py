"""Rewrite every golden file in tests/golden/ from the current code: the ladder DOT files
(compared by meaning through tests/dot_meaning.py) and the org layouts (tests/golden/regen.py).

Rule: regenerate only when a change to the drawing is intended. Run it, render the cases to
PNG and look at them, read the diff of tests/golden/ in full, and say in the commit message
what changed in the pictures and why. Never regenerate to make a failing test pass without
that reading.

    python tests/regen_golden.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from dot_meaning import dot_meaning  # noqa: E402

from ladder.model.variants import project, variant_ids  # noqa: E402
from ladder.renderers.ladder_dot import ladder_dot  # noqa: E402
from ladder.sources.ladders import read_ladder  # noqa: E402

GOLDEN = Path(__file__).parent / "golden"


def golden_ladders() -> dict[str, str]:
    """Golden name -> DOT source of every built-in variant, and the detailed full ladder."""
    product = read_ladder()
    cases = {f"product-{v}": ladder_dot(project(product, v)) for v in variant_ids(product)}
    cases["product-detail"] = ladder_dot(product, detail=True)
    return cases


def main() -> None:
    GOLDEN.mkdir(exist_ok=True)
    for name, source in golden_ladders().items():
        meaning = json.dumps(dot_meaning(source), indent=1, sort_keys=True, ensure_ascii=False)
        (GOLDEN / f"{name}.json").write_text(meaning + "\n", encoding="utf-8")
        print(f"wrote tests/golden/{name}.json")
    from golden.regen import main as regen_layouts

    regen_layouts()


if __name__ == "__main__":
    main()
