"""An organisation: people or positions, who reports to whom, dotted lines kept apart.

Pure data. Solid ``reports_to`` edges (manager -> report) form a forest in ``Org.graph``;
dotted-line managers are a separate list, so they never change the tree.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from itertools import compress, repeat
from operator import attrgetter
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    import networkx as nx


@dataclass(frozen=True)
class Department:
    id: str
    name: str
    colour: str | None = None  # "#rrggbb"; None: the renderer picks from its palette


@dataclass(slots=True)  # not frozen: frozen dataclasses are 6x slower to make, and exports
class Person:           # of 1M rows make 1M of them; treat people as values all the same
    """A person, or a position (``vacant``), or a group of junior staff (``fte`` set)."""

    id: str
    name: str
    title: str = ""
    role: str | None = None  # ladder role id, when the title matched one
    manager: str | None = None  # id of the solid-line manager; None for a root
    department: str | None = None  # Department id
    location: str | None = None
    vacant: bool = False  # an open position: counted apart from headcount
    assistant: bool = False  # drawn beside the manager, not as a report
    dotted: tuple[str, ...] = ()  # ids of dotted-line managers (matrix org)
    shared_with: tuple[str, ...] = ()  # further names holding the same position (job share)
    fte: float | None = None  # set for a group of staff drawn as one card (e.g. junior posts)
    line: int | None = None  # where it was defined: config line or export row
    extra: tuple[tuple[str, str], ...] = ()  # other shown fields, e.g. (("grade", "SCS1"),)
    note: str = ""  # a remark shown on the card, e.g. why an export row stands as a root
    mark: str = ""  # a highlight the card shows: "joined", "moved", "changed", "left" (diff)
    id_made_up: bool = False  # the import made the id up (from a row): it names nothing elsewhere

    @property
    def seats(self) -> int:
        """How many people the card stands for: a vacancy 1, a job share its people, a group
        its FTE rounded up (8.5 is 9, 0.4 is 1: part-time staff are whole people)."""
        if self.fte is not None and not self.vacant:
            return max(1, math.ceil(self.fte))
        return 1 + (0 if self.vacant else len(self.shared_with))

    @property
    def heads(self) -> int:
        """How many people hold the card now: vacancies count none."""
        return 0 if self.vacant else self.seats

    @property
    def display_name(self) -> str:
        names = (self.name, *self.shared_with)
        return " & ".join(n for n in names if n)


@dataclass
class Org:
    """People keyed by id in input order, the reporting forest, and dotted lines."""

    name: str
    people: dict[str, Person] = field(default_factory=dict)
    departments: dict[str, Department] = field(default_factory=dict)
    ladder: str | None = None  # built-in ladder name or path the roles refer to
    variant: str | None = None
    source: str | None = None  # file it came from, for messages
    posts: bool = False  # the ids name posts (an organogram), not people: see analysis.diff
    # made from the people on first use (not init fields: a replaced org makes its own)
    _children: dict[str, list[str]] | None = field(default=None, init=False, repr=False,
                                                   compare=False)
    _numbering: Numbering | None = field(default=None, init=False, repr=False,
                                         compare=False)
    _graph: nx.DiGraph[str] | None = field(default=None, repr=False, compare=False)

    @classmethod
    def build(
        cls,
        name: str,
        people: list[Person],
        departments: Iterable[Department] = (),
        *,
        ladder: str | None = None,
        variant: str | None = None,
        source: str | None = None,
        posts: bool = False,
        numbering: Numbering | None = None,
    ) -> Org:
        """Make an org from people whose managers exist and form no cycle (validate first).

        ``numbering``: the people's :meth:`numbering`, when the caller has it already (an
        import makes it to find cycles)."""
        org = cls(name=name, ladder=ladder, variant=variant, source=source, posts=posts)
        org._numbering = numbering
        org.departments = {d.id: d for d in departments}
        org.people = dict(zip(map(attrgetter("id"), people), people, strict=True))
        return org

    @property
    def children(self) -> dict[str, list[str]]:
        """Manager id -> report ids in input order, for everyone (``[]``: no reports).

        Plain lists, not networkx: drawing a 100,000-person chart should not pay for
        importing and filling a graph library; and made on first use, as a chart of a
        million people drawn from an export never asks.
        """
        if self._children is None:
            children: dict[str, list[str]] = {pid: [] for pid in self.people}
            for person in self.people.values():
                if person.manager is not None:
                    children[person.manager].append(person.id)
            self._children = children
        return self._children

    def numbering(self) -> Numbering:
        """The reporting forest as arrays over the people by position (input order), made
        once: what counts and layouts of big orgs walk (a million people: no dict look-up
        per person each time)."""
        if self._numbering is None:
            number = dict(zip(self.people, range(len(self.people)), strict=True))
            manager = list(map(number.get, map(attrgetter("manager"), self.people.values()),
                               repeat(-1)))  # a manager not in the org (cut out) is none
            self._numbering = number_forest(manager)
        return self._numbering

    @property
    def graph(self) -> nx.DiGraph[str]:
        """The reporting forest as a networkx graph (manager -> report), built on first use."""
        if self._graph is None:
            import networkx as nx

            graph: nx.DiGraph[str] = nx.DiGraph()
            graph.add_nodes_from(self.people)
            graph.add_edges_from((m, r) for m, reports in self.children.items() for r in reports)
            self._graph = graph
        return self._graph

    def __len__(self) -> int:
        return len(self.people)

    def __iter__(self) -> Iterator[Person]:
        return iter(self.people.values())

    def roots(self) -> list[Person]:
        """People with no manager, in input order."""
        return [p for p in self.people.values() if p.manager is None]

    def reports(self, person_id: str, *, assistants: bool = True) -> list[Person]:
        """Direct reports in input order (networkx keeps edge insertion order)."""
        found = [self.people[r] for r in self.children[person_id]]
        return found if assistants else [p for p in found if not p.assistant]

    def dotted_lines(self) -> list[tuple[str, str]]:
        """(dotted-line manager, person) pairs, in input order."""
        return [(m, p.id) for p in self.people.values() for m in p.dotted]

    def subtree(self, root_id: str, depth: int | None = None) -> Org:
        """The org below ``root_id`` (inclusive), ``depth`` levels deep (1 = the root alone)."""
        keep: list[str] = []
        frontier = [root_id]
        level = 1
        while frontier and (depth is None or level <= depth):
            keep.extend(frontier)
            frontier = [r for pid in frontier for r in self.children[pid]]
            level += 1
        kept = set(keep)
        people = []
        for pid in self.people:
            if pid in kept:
                p = self.people[pid]
                manager = p.manager if pid != root_id else None
                dotted = tuple(d for d in p.dotted if d in kept)
                people.append(replace(p, manager=manager, dotted=dotted))
        return Org.build(
            self.name, people, list(self.departments.values()),
            ladder=self.ladder, variant=self.variant, source=self.source,
        )

    def headcount(self, person_id: str | None = None) -> int:
        """People (not vacancies; groups count their FTE rounded up) in the org or a subtree."""
        if person_id is None:
            return sum(p.heads for p in self.people.values())
        total, stack = 0, [person_id]
        while stack:
            current = stack.pop()
            total += self.people[current].heads
            stack.extend(self.children[current])
        return total


@dataclass(frozen=True)
class Numbering:
    """A reporting forest as arrays over people numbered by position."""

    manager: list[int]  # each one's manager, -1 for a root
    reports: list[list[int]]  # each one's reports in input order (no reports: one shared [])
    order: list[int]  # the people below the roots, each manager before their reports

    @property
    def roots(self) -> list[int]:
        return list(compress(range(len(self.manager)), map((-1).__eq__, self.manager)))


NOBODY: list[int] = []  # the reports of everyone who has none: one list, never changed


def number_forest(manager: list[int]) -> Numbering:
    """The :class:`Numbering` of people whose managers are ``manager`` (-1: none). People in
    a reporting cycle, or below one, are in no ``order`` (below no root).

    >>> found = number_forest([-1, 0, 0, 1, 5, 4])  # 4 and 5 report to each other
    >>> found.reports, found.order, found.roots
    ([[1, 2], [3], [], [], [5], [4]], [0, 1, 2, 3], [0])
    """
    reports: list[list[int]] = [NOBODY] * len(manager)
    for person, above in enumerate(manager):
        if above >= 0:
            below = reports[above]
            if below is NOBODY:
                reports[above] = [person]
            else:
                below.append(person)
    order = list(compress(range(len(manager)), map((-1).__eq__, manager)))
    for person in order:  # extends while it walks: breadth first
        below = reports[person]
        if below:
            order.extend(below)
    return Numbering(manager, reports, order)


Node = TypeVar("Node", bound=Hashable)


def reporting_cycles(nodes: Iterable[Node],
                     manager_of: Callable[[Node], Node | None]) -> Iterator[list[Node]]:
    """Each circle of managers once, starting from its earliest node in ``nodes``' order.

    The caller may break a cycle (change ``manager_of``'s answer) before taking the next one:
    the walk goes on from there.

    >>> managers = {"a": "c", "b": "a", "c": "b", "d": None}
    >>> list(reporting_cycles(managers, managers.get))
    [['a', 'c', 'b']]
    """
    nodes = list(nodes)
    done: set[Node] = set()
    order: dict[Node, int] = {}  # input positions, made at the first cycle
    for start in nodes:
        if start in done:  # walked up from an earlier node already
            continue
        path: list[Node] = []
        on_path: set[Node] = set()
        node: Node | None = start
        while node is not None and node not in done and node not in on_path:
            path.append(node)
            on_path.add(node)
            node = manager_of(node)
        if node is not None and node in on_path:
            cycle = path[path.index(node):]
            order = order or {n: i for i, n in enumerate(nodes)}
            turn = cycle.index(min(cycle, key=order.__getitem__))
            yield cycle[turn:] + cycle[:turn]
        done.update(path)
