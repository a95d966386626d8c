"""The layout as JSON, for tests and for users' own renderers (``--format json``).

Shape (issue 5)::

    {"nodes": [{"id": "...", "x": .., "y": .., "width": .., "height": ..}],
     "edges": [{"source": "...", "target": "...", "points": [[x, y], ...]}]}

Units are CSS pixels; the origin is the top-left corner of the bounding box of the cards, y
grows downwards; ``x``/``y`` are a card's top-left corner. Solid connectors are in ``edges``
(from manager to report, as elbow polylines); dotted-line managers, which never change the tree,
are in a separate ``dotted`` list of the same shape, each line from the dotted-line manager to
the person, with ``"head": "source"``: the arrowhead goes at the dotted-line manager's end.
``units``, ``width`` and ``height`` give the unit name and the size of the drawing (the cards'
bounding box, widened where a dotted line runs beside the cards). When team counts are given,
each manager's node has ``"team": {"direct": .., "in_team": .., "open": ..}``: the numbers of
its card's badge and of ``ladder stats`` (:func:`ladder.analysis.teams.team_counts`).
"""

from __future__ import annotations

import json
from collections.abc import Mapping

from ladder.analysis.teams import TeamCount
from ladder.layout.chart import OrgLayout


def _number(value: float) -> float | int:
    rounded = round(value, 2)
    return int(rounded) if rounded == int(rounded) else rounded


def layout_data(chart: OrgLayout,
                counts: Mapping[str, TeamCount] | None = None) -> dict[str, object]:
    """The layout as plain lists and dicts; ``counts``: team counts to give managers."""
    w, h = _number(chart.style.width), _number(chart.style.height)
    nodes: list[dict[str, object]] = [
        {"id": pid, "x": _number(x), "y": _number(y), "width": w, "height": h}
        for pid, x, y in zip(chart.ids, chart.x, chart.y, strict=True)
    ]
    if counts:
        for node in nodes:
            count = counts.get(node["id"])  # type: ignore[arg-type]
            if count is not None:
                node["team"] = {"direct": count.direct, "in_team": count.total,
                                "open": count.open}
                if count.staff:  # staff groups, apart from line reports (as the badge)
                    node["team"]["staff"] = count.staff

    def edge(source: str, target: str, points: tuple[tuple[float, float], ...]) -> dict:
        return {"source": source, "target": target,
                "points": [[_number(x), _number(y)] for x, y in points]}

    return {
        "units": "px",
        "width": _number(chart.width),
        "height": _number(chart.height),
        "nodes": nodes,
        "edges": [edge(e.source, e.target, e.points) for e in chart.edges()],
        "dotted": [edge(e.source, e.target, e.points) | {"head": e.head}
                   for e in chart.dotted_edges()],
    }


def layout_json(chart: OrgLayout, counts: Mapping[str, TeamCount] | None = None) -> str:
    """The layout as JSON text: same layout, same bytes.

    >>> from ladder.layout import layout_org
    >>> from ladder.model import Org, Person
    >>> org = Org.build("Duo", [Person("a", "Ada"), Person("b", "Bo", manager="a")])
    >>> print(layout_json(layout_org(org))[:60])
    {"units": "px", "width": 240, "height": 176, "nodes": [{"id"
    """
    data = layout_data(chart, counts)
    return json.dumps(data, ensure_ascii=False, separators=(", ", ": ")) + "\n"
