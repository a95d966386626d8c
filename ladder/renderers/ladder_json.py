"""A ladder as JSON: its tracks, roles (with competencies), moves and variants.

For scripts and other tools: everything the ladder file says, in the ladder's own order, with
``null`` where a value is unknown (never ``NaN``), so the same ladder gives the same text.

>>> from ladder.sources.ladders import read_ladder
>>> data = ladder_data(read_ladder())
>>> data["roles"][0]["id"], data["moves"][0]["kind"], sorted(data["variants"])[0]
('junior-product-manager', 'promotion', 'enterprise')
"""

from __future__ import annotations

import json
import math
from typing import Any

from ladder.model import Ladder


def _number(value: float | None) -> float | int | None:
    if value is None or not math.isfinite(value):
        return None
    return int(value) if float(value).is_integer() else value


def ladder_data(ladder: Ladder) -> dict[str, Any]:
    """The ladder as plain data (see the module doc)."""
    return {
        "id": ladder.id,
        "name": ladder.name,
        "summary": ladder.summary,
        "variant": ladder.variant,
        "tracks": [{"id": t.id, "name": t.name, "colour": t.colour}
                   for t in ladder.tracks.values()],
        "roles": [
            {"id": role.id, "title": role.title, "level": role.level, "track": role.track,
             "aliases": list(role.aliases), "summary": role.summary, "source": role.source,
             "competencies": [{"name": c.name, "source": c.source} for c in role.competencies]}
            for role in ladder
        ],
        "moves": [{"from": m.source, "to": m.target, "kind": m.kind, "years": _number(m.years),
                   **({"years_range": list(m.years_range)} if m.years_range else {})}
                  for m in ladder.moves],
        "variants": {
            spec.id: {"name": spec.name, "summary": spec.summary, "roles": list(spec.roles),
                      "head": spec.head, "head_choices": list(spec.head_choices),
                      "titles": dict(spec.titles),
                      "headcount": {"min": spec.headcount[0], "max": spec.headcount[1]}}
            for spec in ladder.variants.values()
        },
        "sources": [{"id": s.id, "title": s.title, "url": s.url, "licence": s.licence}
                    for s in ladder.sources.values()],
    }


def ladder_json(ladder: Ladder) -> str:
    """:func:`ladder_data` as indented JSON text, ending in a newline."""
    return json.dumps(ladder_data(ladder), indent=2, ensure_ascii=False, allow_nan=False) + "\n"
