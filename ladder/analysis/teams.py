"""An org's numbers: headcount, open positions, layers, each manager's team and span of control.

The one place that counts an org. :func:`org_stats` makes one record, :class:`OrgStats`, and
``ladder stats``, the badge under a manager's card, the layout JSON and the cards of a split
chart's overview all read it (:func:`team_counts` and :func:`department_counts` are its
parts), so they cannot disagree. The counting rule (the chart legend and ``ladder stats``
print it in one sentence, :data:`ladder.renderers.results.stats.COUNT_RULE`):

* **people, not positions**: an open position is no one yet; it is counted apart, as *open*;
* a **job share** (a position held by several names) counts each name as a person;
* an **FTE group** (a card standing for a group of staff, ``fte:``, an organogram's junior
  staff) counts its FTE rounded up (8.5 FTE is 9 people, 0.4 is 1); it is **staff**, not a
  line report: it counts in the team and in the manager's ``staff``, never in ``direct``;
* an **assistant** is in the team (``in team``) but not a direct report (they sit beside the
  manager rather than in the team below, as the chart draws them);
* **direct**: the people in the manager's line reports (staff groups and assistants apart);
  **staff**: the people in the manager's own staff groups; **in team**: the people anywhere
  below, assistants and staff included; **open**: the open positions anywhere below.

A manager is anyone with at least one report of any kind (an open position or an assistant
included). So ``direct <= in team`` always holds, and the figures of a manager add up from
those of the reports: ``in team = sum over reports of (their people + their in team)``.
Span of control is a manager's ``direct`` count, over the managers with line reports (people
or posts): a manager of staff groups alone has no span to flag, and the span summary leaves
them out; a manager with ``narrow`` or fewer direct reports, or more than ``wide``, is
flagged. Layers count entries (cards), so the entries per
layer add up to the entries.

>>> from ladder.model.org import Org, Person
>>> org = Org.build("x", [Person("a", "Ada"), Person("b", "Bo", manager="a"),
...                       Person("c", "", "PM", manager="a", vacant=True),
...                       Person("d", "Di", manager="a", assistant=True),
...                       Person("e", "Ed", manager="b", shared_with=("Flo",)),
...                       Person("g", "Interns", manager="b", fte=3.4)])
>>> stats = org_stats(org)
>>> stats.teams["a"], stats.teams["b"]
(TeamCount(direct=1, total=8, open=1, staff=0), TeamCount(direct=2, total=6, open=0, staff=4))
>>> stats.headcount, stats.open_positions, stats.layers, stats.positions_per_layer
(9, 1, 3, (1, 3, 2))
>>> [(m.id, m.layer, m.flag) for m in stats.managers]
[('a', 1, 'narrow'), ('b', 2, 'narrow')]
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from itertools import compress, repeat
from operator import attrgetter, is_not
from typing import NamedTuple

from ladder.errors import LadderError
from ladder.model.org import Department, Org, Person

NARROW = "narrow"
WIDE = "wide"


# Tuples, not dataclasses: a chart of a million people makes a hundred thousand counts, and the
# badge writer caches its text by count (a frozen dataclass is three times slower to make).
class TeamCount(NamedTuple):
    """One manager's team: people in line reports, people anywhere below, open below, and the
    people in the manager's own staff groups (FTE rounded up; 0 where there are none)."""

    direct: int
    total: int
    open: int
    staff: int = 0


class Headcount(NamedTuple):
    """People (by the rule above) and open positions in a group of cards."""

    people: int
    open: int


@dataclass(frozen=True)
class ManagerSpan:
    """A manager's place in the org (layer 1 is the top), team and span flag."""

    person: Person
    layer: int
    team: TeamCount
    flag: str | None  # NARROW, WIDE or None

    @property
    def id(self) -> str:
        return self.person.id


@dataclass(frozen=True)
class DepartmentCount:
    """A department's people and open positions; ``department`` None: the people in no
    declared department (a row of its own, so the departments add up to the headcount)."""

    department: Department | None
    count: Headcount


@dataclass(frozen=True)
class SpanSummary:
    """Direct reports per manager: mean (to two places), median and largest."""

    mean: float
    median: float
    max: int


@dataclass(frozen=True)
class OrgTotals:
    """The org's cards and people: the totals of :class:`OrgStats` and of a diagram's
    description, counted without walking the tree."""

    entries: int  # cards: people, open positions and groups
    headcount: int
    open_positions: int
    assistants: int
    job_shares: int
    dotted_lines: int
    by_department: Mapping[str, Headcount]  # department id as written ("" none), first seen


@dataclass(frozen=True)
class OrgStats:
    """The org's numbers, as ``ladder stats``, the badges and the layout JSON show them."""

    company: str
    entries: int  # cards: people, open positions and groups
    headcount: int
    open_positions: int
    positions_per_layer: tuple[int, ...]  # entries per layer, the top first
    top_level: tuple[str, ...]  # ids of the people at the top, in input order
    managers: tuple[ManagerSpan, ...]  # each manager before their reports, siblings in order
    teams: Mapping[str, TeamCount]  # manager id -> team, in input order (badges, layout JSON)
    by_department: Mapping[str, Headcount]  # department id as written ("" none), first seen
    departments: tuple[DepartmentCount, ...]  # the declared ones, then the rest
    span: SpanSummary
    narrow_at: int  # a span of this many direct reports or fewer is narrow
    wide_above: int  # a span of more than this is wide
    assistants: int
    job_shares: int
    dotted_lines: int

    @property
    def layers(self) -> int:
        return len(self.positions_per_layer)

    @property
    def narrow(self) -> tuple[str, ...]:
        """Ids of the managers whose span is narrow, top-down."""
        return tuple(m.id for m in self.managers if m.flag == NARROW)

    @property
    def wide(self) -> tuple[str, ...]:
        """Ids of the managers whose span is wide, top-down."""
        return tuple(m.id for m in self.managers if m.flag == WIDE)


def org_stats(org: Org, *, narrow: int = 2, wide: int = 10) -> OrgStats:
    """The org's numbers, in linear time (same org, same record, same order).

    >>> org_stats(Org.build("x", []), narrow=3, wide=3)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ladder.errors.LadderError: a wide span must be more than a narrow one: narrow 3, wide 3 ...
    """
    import statistics  # here: a chart's badges need the teams alone (start-up time)

    if narrow < 0 or wide < 1 or wide <= narrow:
        raise LadderError(f"a wide span must be more than a narrow one: narrow {narrow}, "
                          f"wide {wide}", hint="give 0 <= narrow < wide")
    people = list(org.people.values())
    tree = _Counted(org)
    teams, line, reports, roots = tree.teams, tree.line, tree.reports, tree.roots
    children, order, layer = tree.children, tree.order, tree.layer()
    totals = _totals(people, tree.heads, tree.vacant)
    managers = []
    stack = roots[::-1]
    while stack:  # depth-first, each manager before their reports, siblings in input order
        i = stack.pop()
        if reports[i]:
            count = teams[people[i].id]
            flag = (None if not line[i] else NARROW if count.direct <= narrow
                    else WIDE if count.direct > wide else None)
            managers.append(ManagerSpan(people[i], layer[i], count, flag))
            stack.extend(reversed(children[i]))
    per_layer = [0] * max((layer[i] for i in order), default=0)
    for i in order:  # every entry in its layer: the layers add up to the entries
        per_layer[layer[i] - 1] += 1
    # spans of line reports: a manager of staff groups alone has none to average
    spans = [teams[people[i].id].direct for i in range(len(people)) if line[i]]
    return OrgStats(
        company=org.name,
        entries=totals.entries,
        headcount=totals.headcount,
        open_positions=totals.open_positions,
        positions_per_layer=tuple(per_layer),
        top_level=tuple(people[i].id for i in roots),
        managers=tuple(managers),
        teams=teams,
        by_department=totals.by_department,
        departments=_departments(org, totals.by_department),
        span=SpanSummary(mean=round(statistics.fmean(spans), 2) if spans else 0,
                         median=statistics.median(spans) if spans else 0,
                         max=max(spans, default=0)),
        narrow_at=narrow,
        wide_above=wide,
        assistants=totals.assistants,
        job_shares=totals.job_shares,
        dotted_lines=totals.dotted_lines,
    )


class _Counted:
    """The counts of an org's people, by position (:meth:`Org.numbering`): the rule's
    people per card, reports, and the teams of the managers."""

    def __init__(self, org: Org) -> None:
        people = list(org.people.values())
        count = len(people)
        numbers = range(count)
        forest = org.numbering()
        self.manager, self.children, self.order = forest.manager, forest.reports, forest.order
        children, order = forest.reports, forest.order
        odd, heads, vacant = _heads(people)
        self.heads, self.vacant = heads, vacant
        in_line = [True] * count  # a line report (not a staff group, not an assistant)
        for i in odd:
            in_line[i] = people[i].fte is None and not people[i].assistant
        reports, line, direct, staff = [0] * count, [0] * count, [0] * count, [0] * count
        bosses = list(compress(order, map(children.__getitem__, order)))  # the managers
        for m in bosses:
            below = children[m]
            reports[m] = len(below)
            if odd:
                line[m] = sum(map(in_line.__getitem__, below))
                direct[m] = sum(heads[i] for i in below if in_line[i])
                staff[m] = sum(heads[i] for i in below if people[i].fte is not None)
            else:
                line[m] = direct[m] = len(below)
        self.reports, self.line, self.roots = reports, line, forest.roots
        total = [0] * count
        below_open = [0] * count
        for m in reversed(bosses):  # a manager's reports before the manager
            below = children[m]  # (a sum in C for each manager, not a step for each person)
            total[m] = sum(map(heads.__getitem__, below)) + sum(map(total.__getitem__, below))
        if any(vacant):
            for m in reversed(bosses):
                below = children[m]
                below_open[m] = (sum(map(vacant.__getitem__, below))
                                 + sum(map(below_open.__getitem__, below)))
        self.teams = {people[i].id: TeamCount(direct[i], total[i], below_open[i], staff[i])
                      for i in compress(numbers, reports)}

    def layer(self) -> list[int]:
        """Each one's layer, 1 at the top."""
        layer = [0] * len(self.manager)
        manager = self.manager
        for i in self.order:  # managers before their reports
            layer[i] = 1 if manager[i] < 0 else layer[manager[i]] + 1
        return layer


def _heads(people: list[Person]) -> tuple[list[int], list[int], list[bool]]:
    """(the unusual cards' positions, each card's people by the rule, whether it is open).

    The usual card is one person in a line report (neither open, nor a group, nor shared,
    nor an assistant): only the others are looked at one by one."""
    numbers = range(len(people))
    odd = sorted({
        *compress(numbers, map(attrgetter("vacant"), people)),
        *compress(numbers, map(is_not, map(attrgetter("fte"), people), repeat(None))),
        *compress(numbers, map(attrgetter("shared_with"), people)),
        *compress(numbers, map(attrgetter("assistant"), people))})
    heads, vacant = [1] * len(people), [False] * len(people)
    for i in odd:
        heads[i], vacant[i] = people[i].heads, people[i].vacant
    return odd, heads, vacant


def org_totals(org: Org) -> OrgTotals:
    """The org's totals alone, by the same count as :func:`org_stats` (for a diagram's
    description, which needs no walk of the tree).

    >>> from ladder.model.org import Person
    >>> totals = org_totals(Org.build("x", [Person("a", "Ada", department="ops"),
    ...                                     Person("b", "", vacant=True, manager="a")]))
    >>> totals.entries, totals.headcount, totals.open_positions, dict(totals.by_department)
    (2, 1, 1, {'ops': Headcount(people=1, open=0), '': Headcount(people=0, open=1)})
    """
    people = list(org.people.values())
    _, heads, vacant = _heads(people)
    return _totals(people, heads, vacant)


def _totals(people: list[Person], heads: list[int], vacant: list[bool]) -> OrgTotals:
    by_department: dict[str, list[int]] = {}
    for person, count, is_open in zip(people, heads, vacant, strict=True):
        both = by_department.setdefault(person.department or "", [0, 0])
        both[0] += count
        both[1] += is_open
    return OrgTotals(
        entries=len(people), headcount=sum(heads), open_positions=sum(vacant),
        assistants=sum(1 for p in people if p.assistant),
        job_shares=sum(1 for p in people if p.shared_with),
        dotted_lines=sum(len(p.dotted) for p in people),
        by_department={key: Headcount(*both) for key, both in by_department.items()})


def _departments(org: Org, by_department: Mapping[str, Headcount]
                 ) -> tuple[DepartmentCount, ...]:
    """The declared departments in order; then, when some are declared, the people in none
    (or in one not declared) together."""
    rows = [DepartmentCount(d, by_department.get(d.id, Headcount(0, 0)))
            for d in org.departments.values()]
    others = [count for key, count in by_department.items() if key not in org.departments]
    if org.departments and others:  # so the table adds up to the headcount
        rows.append(DepartmentCount(None, Headcount(sum(c.people for c in others),
                                                    sum(c.open for c in others))))
    return tuple(rows)


def team_counts(org: Org) -> dict[str, TeamCount]:
    """``{manager id: TeamCount}`` for everyone with a report, in input order: the ``teams``
    of :func:`org_stats`, for a writer that needs only those (badges, layout JSON).

    >>> from ladder.model.org import Person
    >>> org = Org.build("x", [Person("a", "Ada"), Person("b", "Bo", manager="a"),
    ...                       Person("c", "", "PM", manager="a", vacant=True)])
    >>> team_counts(org)
    {'a': TeamCount(direct=1, total=1, open=1, staff=0)}
    """
    return _Counted(org).teams


def department_counts(org: Org) -> dict[str, Headcount]:
    """``{department id as written ("" for none): Headcount}``, in order of first appearance:
    the ``by_department`` of :func:`org_stats` (a split chart's overview cards show them).

    >>> from ladder.model.org import Person
    >>> org = Org.build("x", [Person("a", "Ada", department="ops"),
    ...                       Person("b", "", vacant=True, department="ops"),
    ...                       Person("c", "Cy", shared_with=("Di",))])
    >>> department_counts(org)
    {'ops': Headcount(people=1, open=1), '': Headcount(people=2, open=0)}
    """
    return dict(org_totals(org).by_department)


def department_heads(org: Org) -> dict[str, str]:
    """``{department id: the id of its head}``, in order of first appearance: the member with
    the most of the department under them (themselves included; the first such in the org's
    order). Not the most senior by depth: one person reporting in from another department,
    to a manager high up, would then stand for the whole department.

    >>> from ladder.model.org import Person
    >>> org = Org.build("x", [Person("a", "Ada", department="top"),
    ...     Person("s", "Sam", manager="a", department="ops"),  # a stray, high up
    ...     Person("m", "Mo", manager="a", department="hr"),
    ...     Person("b", "Bo", manager="m", department="ops"),
    ...     Person("c", "Cy", manager="b", department="ops")])
    >>> department_heads(org)
    {'top': 'a', 'ops': 'b', 'hr': 'm'}
    """
    people = org.people
    under: dict[str, int] = {}
    for person in people.values():
        pid: str | None = person.id
        for _ in range(len(people)):  # up the line while it stays in the department
            if pid is None or pid not in people or people[pid].department != person.department:
                break
            under[pid] = under.get(pid, 0) + 1
            pid = people[pid].manager
    heads: dict[str, str] = {}
    for pid, person in people.items():
        dep = person.department
        if dep and (dep not in heads or under[pid] > under[heads[dep]]):
            heads[dep] = pid
    return heads


__all__ = ["NARROW", "WIDE", "DepartmentCount", "Headcount", "ManagerSpan", "OrgStats",
           "OrgTotals", "SpanSummary", "TeamCount", "department_counts", "department_heads",
           "org_stats", "org_totals", "team_counts"]
