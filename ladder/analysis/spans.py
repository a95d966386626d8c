"""Org numbers: headcount, open positions, layers, and each manager's span of control.

Span of control is a manager's ``direct`` count from :func:`ladder.analysis.teams.team_counts`,
the one count the chart's badges, the layout JSON and split overviews show too (its rule: people,
not positions; open positions apart; a job share counts each name, an FTE group its FTE rounded;
assistants are in the team but not direct reports). A manager with ``narrow`` or fewer direct
reports, or more than ``wide``, is flagged. Layers count entries (cards), so the entries per
layer add up to the entries.

>>> from ladder.model.org import Org, Person
>>> org = Org.build("Tiny", [Person("a", "Ana"), Person("b", "Ben", manager="a"),
...                          Person("c", "", vacant=True, manager="a")])
>>> stats = org_stats(org)
>>> stats["headcount"], stats["open_positions"], stats["layers"]
(2, 1, 2)
>>> [(m["id"], m["direct"], m["open"], m["total"], m["flag"]) for m in stats["managers"]]
[('a', 1, 1, 1, 'narrow')]
"""

from __future__ import annotations

import statistics
from typing import Any

from ladder.analysis.teams import COUNT_RULE, Headcount, department_counts, team_counts
from ladder.errors import summarised
from ladder.escape import clip
from ladder.model.org import Org, Person
from ladder.text import pad, person_label, terminal_columns, text_table

NARROW = "narrow"
WIDE = "wide"


def org_stats(org: Org, *, narrow: int = 2, wide: int = 10) -> dict[str, Any]:
    """The org's numbers as plain JSON-friendly data (same org, same dict, same order)."""
    if narrow < 0 or wide < 1 or wide <= narrow:
        raise ValueError(f"need 0 <= narrow < wide, not narrow={narrow}, wide={wide}")
    layer = _layers(org)
    counts = team_counts(org)
    managers = []
    for person in _preorder(org):
        count = counts.get(person.id)
        if count is None:
            continue
        flag = NARROW if count.direct <= narrow else WIDE if count.direct > wide else None
        managers.append({
            "id": person.id,
            "name": person_label(person),
            "title": person.title,
            "layer": layer[person.id],
            "direct": count.direct,
            "open": count.open,
            "total": count.total,
            "flag": flag,
        })
    spans = [m["direct"] for m in managers]
    per_layer = [0] * max(layer.values(), default=0)
    for depth in layer.values():  # every entry in its layer: the layers add up to the entries
        per_layer[depth - 1] += 1
    by_department = department_counts(org)
    departments = []
    known = [(d.id, d.name, by_department.get(d.id, Headcount(0, 0)))
             for d in org.departments.values()]
    others = [count for key, count in by_department.items() if key not in org.departments]
    if org.departments and others:  # so the table adds up to the headcount
        known.append((None, "(no department)", Headcount(sum(c.people for c in others),
                                                         sum(c.open for c in others))))
    for department_id, name, count in known:
        departments.append({"id": department_id, "name": name, "headcount": count.people,
                            "open_positions": count.open})
    return {
        "company": org.name,
        "entries": len(org),
        "headcount": org.headcount(),
        "open_positions": sum(1 for p in org if p.vacant),
        "layers": len(per_layer),
        "positions_per_layer": per_layer,
        "top_level": [p.id for p in org.roots()],
        "managers_count": len(managers),
        "span": {
            "mean": round(statistics.fmean(spans), 2) if spans else 0,
            "median": statistics.median(spans) if spans else 0,
            "max": max(spans, default=0),
        },
        "thresholds": {"narrow": narrow, "wide": wide},
        "narrow": [m["id"] for m in managers if m["flag"] == NARROW],
        "wide": [m["id"] for m in managers if m["flag"] == WIDE],
        "assistants": sum(1 for p in org if p.assistant),
        "job_shares": sum(1 for p in org if p.shared_with),
        "dotted_lines": len(org.dotted_lines()),
        "departments": departments,
        "managers": managers,
    }


def format_stats(stats: dict[str, Any]) -> str:
    """A plain-text report of :func:`org_stats`: the totals, then one row per manager.

    >>> from ladder.model.org import Org, Person
    >>> org = Org.build("Tiny", [Person("a", "Ana", "CEO"), Person("b", "Ben", manager="a")])
    >>> print(format_stats(org_stats(org)))  # doctest: +NORMALIZE_WHITESPACE +ELLIPSIS
    Tiny
      headcount              2
      open positions         0
      layers                 2   (positions per layer: 1, 1)
      managers               1   (span of control: mean 1, median 1, max 1)
      narrow spans (<= 2)    1
      wide spans (> 10)      0
    <BLANKLINE>
    manager  title  layer  direct  in team  open  flag
    -------  -----  -----  ------  -------  ----  ------
    Ana      CEO        1       1        1     0  narrow
    <BLANKLINE>
    Counts are people: ...
    """
    narrow, wide = stats["thresholds"]["narrow"], stats["thresholds"]["wide"]
    span = stats["span"]
    totals = [
        ("headcount", str(stats["headcount"]), ""),
        ("open positions", str(stats["open_positions"]), ""),
        ("layers", str(stats["layers"]),
         f"(positions per layer: {summarised(list(map(str, stats['positions_per_layer'])))})"),
        ("managers", str(stats["managers_count"]),
         f"(span of control: mean {_number(span['mean'])}, median {_number(span['median'])}, "
         f"max {span['max']})" if stats["managers_count"] else ""),
        (f"narrow spans (<= {narrow})", str(len(stats["narrow"])), ""),
        (f"wide spans (> {wide})", str(len(stats["wide"])), ""),
    ]
    if len(stats["top_level"]) > 1:
        totals.append(("top-level people", str(len(stats["top_level"])), ""))
    for key, label in (("assistants", "assistants"), ("job_shares", "job shares"),
                       ("dotted_lines", "dotted lines")):
        if stats[key]:
            totals.append((label, str(stats[key]), ""))
    label_width = max(terminal_columns(t[0]) for t in totals)
    value_width = max(terminal_columns(t[1]) for t in totals)
    lines = [clip(stats["company"], CELL * 2)]
    for label, value, note in totals:
        row = f"  {pad(label, label_width)}  {pad(value, value_width, right=True)}"
        lines.append(f"{row}   {note}" if note else row)
    if stats["departments"]:
        lines += ["", *text_table(
            ["department", "headcount", "open"],
            [[clip(d["name"], CELL), str(d["headcount"]), str(d["open_positions"])]
             for d in stats["departments"]],
            right={1, 2},
        )]
    if stats["managers"]:
        lines += ["", *text_table(
            ["manager", "title", "layer", "direct", "in team", "open", "flag"],
            # indented by layer, up to a point: a 3,000-deep chain is not 6,000 spaces wide
            [["  " * min(m["layer"] - 1, 10) + clip(m["name"], CELL), clip(m["title"], CELL),
              str(m["layer"]),
              str(m["direct"]), str(m["total"]), str(m["open"]), m["flag"] or ""]
             for m in stats["managers"]],
            right={2, 3, 4, 5},
        ), "", COUNT_RULE]
    return "\n".join(line.rstrip() for line in lines)


CELL = 40  # characters of a name or title in a table; a longer one is cut with an ellipsis


def _layers(org: Org) -> dict[str, int]:
    """Depth of every person, the top of the chart being layer 1."""
    layer: dict[str, int] = {}
    for person in _preorder(org):
        layer[person.id] = 1 if person.manager is None else layer[person.manager] + 1
    return layer


def _preorder(org: Org) -> list[Person]:
    """Every person, each manager before their reports, siblings in input order."""
    found: list[Person] = []
    stack = list(reversed(org.roots()))
    while stack:
        person = stack.pop()
        found.append(person)
        stack.extend(reversed(org.reports(person.id)))
    return found




def _number(value: float) -> str:
    return f"{value:g}"


