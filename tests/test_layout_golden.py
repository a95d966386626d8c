"""The layout of a small org, compared by meaning with reviewed golden files.

Regenerate with ``python tests/golden/regen.py``, only under the rule written there.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ladder.layout import layout_org
from ladder.renderers.layout_json import layout_json
from tests.golden.regen import CASES
from tests.sample_orgs import acme

GOLDEN = Path(__file__).parent / "golden"


def meaning(text: str) -> dict:
    """What a reader of the layout relies on: positions by id, routes by (source, target)."""
    data = json.loads(text)
    return {
        "size": (data["width"], data["height"]),
        "nodes": {n["id"]: (n["x"], n["y"], n["width"], n["height"]) for n in data["nodes"]},
        "edges": {(e["source"], e["target"]): e["points"] for e in data["edges"]},
        "dotted": {(e["source"], e["target"]): e["points"] for e in data["dotted"]},
    }


def same(a: object, b: object) -> bool:
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return abs(a - b) <= 0.01
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    return a == b


@pytest.mark.parametrize("name", sorted(CASES))
def test_layout_matches_golden(name: str) -> None:
    expected = meaning((GOLDEN / f"{name}.layout.json").read_text(encoding="utf-8"))
    actual = meaning(layout_json(layout_org(acme(), **CASES[name])))
    assert same(actual, expected), f"layout of {name} changed; see tests/golden/regen.py"


def test_meaning_ignores_order_and_formatting() -> None:
    text = layout_json(layout_org(acme()))
    data = json.loads(text)
    data["nodes"].reverse()
    data["edges"].reverse()
    assert same(meaning(json.dumps(data, indent=2)), meaning(text))
