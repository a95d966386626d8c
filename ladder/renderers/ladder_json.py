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

from ladder.model import Ladder, Statement


def _number(value: float | None) -> float | int | None:
    if value is None or not math.isfinite(value):
        return None
    return int(value) if float(value).is_integer() else value


def _statement(statement: Statement) -> dict[str, Any]:
    found: dict[str, Any] = {"text": statement.text}
    for key in ("options", "examples", "signals"):
        if getattr(statement, key):
            found[key] = list(getattr(statement, key))
    found["source"] = statement.source
    return found


def ladder_data(ladder: Ladder) -> dict[str, Any]:
    """The ladder as plain data (see the module doc). Each fact's source id rides beside it
    (``source``, ``level_source``, ``summary_source``, ``alias_sources``, ``years_source``;
    null: not said); ``sources`` marks the ones drawn in italics (``secondary``)."""
    area_names = {area.id: area.name for area in ladder.areas.values()}
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
             "level_source": role.level_source, "summary_source": role.summary_source,
             "alias_sources": {alias: role.alias_source(alias) for alias in role.aliases},
             "competencies": [{"name": c.name, "source": c.source} for c in role.competencies],
             "expectations": [{"area": area, "name": area_names.get(area, area),
                               "statements": [_statement(s) for s in statements]}
                              for area, statements in role.expectations]}
            for role in ladder
        ],
        "areas": [{"id": a.id, "name": a.name, "group": a.group, "summary": a.summary,
                   "source": a.source, "summary_source": a.summary_source,
                   "group_source": a.group_source} for a in ladder.areas.values()],
        "moves": [{"from": m.source, "to": m.target, "kind": m.kind, "years": _number(m.years),
                   **({"years_range": list(m.years_range)} if m.years_range else {}),
                   "years_source": m.years_source}
                  for m in ladder.moves],
        "variants": {
            spec.id: {"name": spec.name, "summary": spec.summary, "roles": list(spec.roles),
                      "head": spec.head, "head_choices": list(spec.head_choices),
                      "titles": dict(spec.titles),
                      "headcount": {"min": spec.headcount[0], "max": spec.headcount[1]},
                      "source": spec.source}
            for spec in ladder.variants.values()
        },
        "sources": [{"id": s.id, "title": s.title, "url": s.url, "licence": s.licence,
                     "practice": s.practice}
                    for s in ladder.sources.values()],
    }


def ladder_json(ladder: Ladder) -> str:
    """:func:`ladder_data` as indented JSON text, ending in a newline."""
    return json.dumps(ladder_data(ladder), indent=2, ensure_ascii=False, allow_nan=False) + "\n"
