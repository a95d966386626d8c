"""``ladder stats`` as a table or JSON data, and the badge and tooltip of a manager's card: the
writers of :class:`~ladder.analysis.teams.OrgStats` and its team counts."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from ladder.analysis.teams import OrgStats, TeamCount
from ladder.errors import summarised
from ladder.escape import clip
from ladder.model.org import Person
from ladder.renderers.results.tables import table
from ladder.text import pad, person_label, plural, terminal_columns

COUNT_RULE = ("Counts are people: an open position counts apart (open), a job share counts "
              "each name, an FTE group its FTE rounded up, as staff, not as direct reports; "
              "assistants count in the team, not as direct reports.")
"""The rule of :mod:`ladder.analysis.teams` in one sentence, as the chart legend, ``ladder
stats`` and the README say it."""

NO_DEPARTMENT = "(no department)"
CELL = 40  # characters of a name or title in a table; a longer one is cut with an ellipsis


def manager_label(person: Person) -> str:
    """How ``ladder stats`` names a manager: as every chart and table does."""
    return person_label(person)


def stats_data(stats: OrgStats) -> dict[str, Any]:
    """The record as plain JSON-ready data (``ladder stats --format json``), keys in a fixed
    order.

    >>> from ladder.analysis.teams import org_stats
    >>> from ladder.model.org import Org, Person
    >>> data = stats_data(org_stats(Org.build("Duo", [Person("a", "Ann"),
    ...                                               Person("b", "Bo", manager="a")])))
    >>> data["headcount"], data["managers"][0]["name"], data["narrow"]
    (2, 'Ann', ['a'])
    """
    return {
        "company": stats.company,
        "entries": stats.entries,
        "headcount": stats.headcount,
        "open_positions": stats.open_positions,
        "layers": stats.layers,
        "positions_per_layer": list(stats.positions_per_layer),
        "top_level": list(stats.top_level),
        "managers_count": len(stats.managers),
        "staff_in_groups": _staff(stats),
        "span": {"mean": stats.span.mean, "median": stats.span.median, "max": stats.span.max},
        "thresholds": {"narrow": stats.narrow_at, "wide": stats.wide_above},
        "narrow": list(stats.narrow),
        "wide": list(stats.wide),
        "assistants": stats.assistants,
        "job_shares": stats.job_shares,
        "dotted_lines": stats.dotted_lines,
        "departments": [
            {"id": d.department.id if d.department else None,
             "name": d.department.name if d.department else NO_DEPARTMENT,
             "headcount": d.count.people, "open_positions": d.count.open}
            for d in stats.departments],
        "managers": [
            {"id": m.id, "name": manager_label(m.person), "title": m.person.title,
             "layer": m.layer, "direct": m.team.direct, "staff": m.team.staff,
             "open": m.team.open, "total": m.team.total, "flag": m.flag}
            for m in stats.managers],
    }


def stats_table(stats: OrgStats) -> str:
    """A plain-text report: the totals, the departments, then one row per manager.

    >>> from ladder.analysis.teams import org_stats
    >>> from ladder.model.org import Org, Person
    >>> org = Org.build("Tiny", [Person("a", "Ana", "CEO"), Person("b", "Ben", manager="a")])
    >>> print(stats_table(org_stats(org)))  # doctest: +NORMALIZE_WHITESPACE +ELLIPSIS
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
    span = stats.span
    staff = _staff(stats)
    totals = [
        ("headcount", str(stats.headcount), ""),
        ("open positions", str(stats.open_positions), ""),
        ("layers", str(stats.layers),
         f"(positions per layer: {summarised([str(n) for n in stats.positions_per_layer])})"),
        ("managers", str(len(stats.managers)),
         f"(span of control{', line reports' if staff else ''}: mean {span.mean:g}, "
         f"median {span.median:g}, max {span.max})" if stats.managers else ""),
        (f"narrow spans (<= {stats.narrow_at})", str(len(stats.narrow)), ""),
        (f"wide spans (> {stats.wide_above})", str(len(stats.wide)), ""),
    ]
    if staff:  # organogram junior files, fte: groups: counted apart from line reports
        totals.insert(1, ("staff in groups", str(staff), "(FTE rounded up, group by group)"))
    if len(stats.top_level) > 1:
        totals.append(("top-level people", str(len(stats.top_level)), ""))
    for count, label in ((stats.assistants, "assistants"), (stats.job_shares, "job shares"),
                         (stats.dotted_lines, "dotted lines")):
        if count:
            totals.append((label, str(count), ""))
    label_width = max(terminal_columns(t[0]) for t in totals)
    value_width = max(terminal_columns(t[1]) for t in totals)
    lines = [clip(stats.company, CELL * 2)]
    for label, value, note in totals:
        row = f"  {pad(label, label_width)}  {pad(value, value_width, right=True)}"
        lines.append(f"{row}   {note}" if note else row)
    if stats.departments:
        lines += ["", *table(
            ["department", "headcount", "open"],
            [[clip(d.department.name if d.department else NO_DEPARTMENT, CELL),
              str(d.count.people), str(d.count.open)] for d in stats.departments],
            right={1, 2},
        )]
    if stats.managers:
        # the staff column only where there are staff groups: most orgs have none
        header = ["manager", "title", "layer", "direct", *(["staff"] if staff else []),
                  "in team", "open", "flag"]
        lines += ["", *table(
            header,
            # indented by layer, up to a point: a 3,000-deep chain is not 6,000 spaces wide
            [["  " * min(m.layer - 1, 10) + clip(manager_label(m.person), CELL),
              clip(m.person.title, CELL), str(m.layer), str(m.team.direct),
              *([str(m.team.staff)] if staff else []),
              str(m.team.total), str(m.team.open), m.flag or ""]
             for m in stats.managers],
            right=set(range(2, len(header) - 1)),
        ), "", COUNT_RULE]
    return "\n".join(line.rstrip() for line in lines)


def _staff(stats: OrgStats) -> int:
    """The people in staff groups, summed over the managers' own groups."""
    return sum(m.team.staff for m in stats.managers)


@lru_cache(maxsize=4096)  # managers share a few hundred distinct counts
def badge_text(count: TeamCount) -> str:
    """The badge under a manager's card: direct reports, people in the team, open positions.

    >>> badge_text(TeamCount(5, 55, 0))
    '5 direct · 55 in team'
    >>> badge_text(TeamCount(0, 0, 2))
    '0 direct · 0 in team · 2 open'
    >>> badge_text(TeamCount(12, 370, 0, staff=340))  # staff groups apart from line reports
    '12 direct · 340 staff · 370 in team'
    >>> badge_text(TeamCount(9, 4999, 0))  # thousands grouped, as a reader counts them
    '9 direct · 4,999 in team'
    """
    parts = [f"{count.direct:,} direct", f"{count.total:,} in team"]
    if count.staff:
        parts.insert(1, f"{count.staff:,} staff")
    if count.open:
        parts.append(f"{count.open:,} open")
    return " · ".join(parts)


@lru_cache(maxsize=4096)
def count_sentence(count: TeamCount) -> str:
    """The same count as a sentence, for a card's tooltip.

    >>> count_sentence(TeamCount(1, 1, 2))
    '1 direct report, 1 person in the team, 2 open positions'
    >>> count_sentence(TeamCount(0, 9, 0, staff=9))
    '0 direct reports, 9 staff in groups, 9 people in the team'
    """
    text = f"{plural(count.direct, 'direct report')}, "
    if count.staff:
        text += f"{count.staff} staff in groups, "
    text += f"{plural(count.total, 'person')} in the team"
    if count.open:
        text += f", {plural(count.open, 'open position')}"
    return text
