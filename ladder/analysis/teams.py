"""Team counts: per manager, direct reports, everyone below and open positions below.

The one place that counts a team. ``ladder stats``, the badge under a manager's card, the
layout JSON and the cards of a split chart's overview all read :func:`team_counts`, so they
cannot disagree. The rule, in the words the chart legend and the README use
(:data:`COUNT_RULE`):

* **people, not positions**: an open position is no one yet; it is counted apart, as *open*;
* a **job share** (a position held by several names) counts each name as a person;
* an **FTE group** (a card standing for a group of staff, ``fte:``) counts its FTE, rounded,
  and at least one;
* an **assistant** is in the team (``in team``) but not a direct report (they sit beside the
  manager rather than in the team below, as the chart draws them);
* **direct**: the people in the manager's direct reports; **in team**: the people anywhere
  below, assistants included; **open**: the open positions anywhere below.

A manager is anyone with at least one report of any kind (an open position or an assistant
included). So ``direct <= in team`` always holds, and the figures of a manager add up from
those of the reports: ``in team = sum over reports of (their people + their in team)``.

>>> from ladder.model.org import Org, Person
>>> org = Org.build("x", [Person("a", "Ada"), Person("b", "Bo", manager="a"),
...                       Person("c", "", "PM", manager="a", vacant=True),
...                       Person("d", "Di", manager="a", assistant=True),
...                       Person("e", "Ed", manager="b", shared_with=("Flo",)),
...                       Person("g", "Interns", manager="b", fte=3.4)])
>>> counts = team_counts(org)
>>> counts["a"]
TeamCount(direct=1, total=7, open=1)
>>> counts["b"]
TeamCount(direct=5, total=5, open=0)
>>> badge_text(counts["a"])
'1 direct · 7 in team · 1 open'
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from ladder.model.org import Org
from ladder.text import plural

COUNT_RULE = ("Counts are people: an open position counts apart (open), a job share counts "
              "each name, an FTE group its FTE rounded (at least 1); assistants count in the "
              "team, not as direct reports.")
"""The rule of :func:`team_counts` in one sentence, as the chart legend and README say it."""


class TeamCount(NamedTuple):
    """One manager's team: people reporting directly, people anywhere below, open below."""

    direct: int
    total: int
    open: int


def team_counts(org: Org) -> dict[str, TeamCount]:
    """``{manager id: TeamCount}`` for everyone with a report, in input order, linear time.

    The counting rule is the module's (:data:`COUNT_RULE`). People without reports are not
    in the result.

    >>> from ladder.model.org import Person
    >>> org = Org.build("x", [Person("a", "Ada"), Person("b", "Bo", manager="a"),
    ...                       Person("c", "", "PM", manager="a", vacant=True)])
    >>> team_counts(org)
    {'a': TeamCount(direct=1, total=1, open=1)}
    """
    people = list(org.people.values())
    index = {p.id: i for i, p in enumerate(people)}
    manager = [index.get(p.manager, -1) if p.manager is not None else -1 for p in people]
    heads = [p.heads for p in people]  # the rule's people per card, read once
    reports = [0] * len(people)
    direct = [0] * len(people)
    total = [0] * len(people)
    vacant = [0] * len(people)
    children: list[list[int]] = [[] for _ in people]
    for i, m in enumerate(manager):
        if m >= 0:
            reports[m] += 1
            children[m].append(i)
            if not people[i].assistant:
                direct[m] += heads[i]
    order = [i for i, m in enumerate(manager) if m < 0]
    for i in order:
        order.extend(children[i])  # breadth-first; extends while iterating
    for i in reversed(order):  # reports before their managers
        m = manager[i]
        if m >= 0:
            total[m] += total[i] + heads[i]
            if vacant[i] or people[i].vacant:
                vacant[m] += vacant[i] + people[i].vacant
    return {people[i].id: TeamCount(direct[i], total[i], vacant[i])
            for i in range(len(people)) if reports[i]}


class Headcount(NamedTuple):
    """People (by the rule above) and open positions in a group of cards."""

    people: int
    open: int


def department_counts(org: Org) -> dict[str, Headcount]:
    """``{department id as written ("" for none): Headcount}``, in order of first appearance.

    The same rule as :func:`team_counts`, for ``ladder stats``' department table and the
    cards of a split chart's overview.

    >>> from ladder.model.org import Person
    >>> org = Org.build("x", [Person("a", "Ada", department="ops"),
    ...                       Person("b", "", vacant=True, department="ops"),
    ...                       Person("c", "Cy", shared_with=("Di",))])
    >>> department_counts(org)
    {'ops': Headcount(people=1, open=1), '': Headcount(people=2, open=0)}
    """
    people: dict[str, int] = {}
    vacant: dict[str, int] = {}
    for person in org.people.values():
        key = person.department or ""
        people[key] = people.get(key, 0) + person.heads
        vacant[key] = vacant.get(key, 0) + person.vacant
    return {key: Headcount(people[key], vacant[key]) for key in people}


@lru_cache(maxsize=4096)  # managers share a few hundred distinct counts
def badge_text(count: TeamCount) -> str:
    """The badge under a manager's card: direct reports, people in the team, open positions.

    >>> badge_text(TeamCount(5, 55, 0))
    '5 direct · 55 in team'
    >>> badge_text(TeamCount(0, 0, 2))
    '0 direct · 0 in team · 2 open'
    """
    parts = [f"{count.direct} direct", f"{count.total} in team"]
    if count.open:
        parts.append(f"{count.open} open")
    return " · ".join(parts)


@lru_cache(maxsize=4096)
def count_sentence(count: TeamCount) -> str:
    """The same count as a sentence, for a card's tooltip.

    >>> count_sentence(TeamCount(1, 1, 2))
    '1 direct report, 1 person in the team, 2 open positions'
    """
    text = f"{plural(count.direct, 'direct report')}, {plural(count.total, 'person')} in the team"
    if count.open:
        text += f", {plural(count.open, 'open position')}"
    return text


__all__ = ["COUNT_RULE", "Headcount", "TeamCount", "badge_text", "count_sentence",
           "department_counts", "team_counts"]
