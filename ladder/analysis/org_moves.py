"""Career moves inside one organisation: where a person can go next, who could fill a position.

Both questions join an :class:`~ladder.model.org.Org` (people whose ``role`` is a ladder role id)
with a :class:`~ladder.model.ladder.Ladder`. "Nearest" means fewest reporting lines apart in
the org chart (the solid-line forest, walked in both directions); ties keep input order, and
people in another tree of the forest come last. The answers are records; their writers are in
:mod:`ladder.renderers.results.moves`.

>>> from ladder.model.org import Org, Person
>>> from ladder.sources.ladders import read_ladder
>>> org = Org.build("Acme", [
...     Person("omar", "Omar", role="chief-product-officer"),
...     Person("open-dir", "", role="director-of-product", manager="omar", vacant=True),
...     Person("ana", "Ana", role="senior-product-manager", manager="omar"),
...     Person("lee", "Lee", role="product-manager", manager="ana"),
... ])
>>> [c.person.id for c in succession(org, read_ladder(), "open-dir").candidates]
['ana']
>>> [(o.role.id, [p.id for p in o.openings]) for o in next_moves(org, read_ladder(), "ana").options]
[('principal-product-manager', []), ('director-of-product', ['open-dir'])]
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from ladder.analysis.expectations import AreaChange, move_gains
from ladder.analysis.paths import gained
from ladder.analysis.people import find_person
from ladder.errors import LadderError, did_you_mean
from ladder.model.ladder import Ladder, Role
from ladder.model.org import Org, Person


def role_of(org: Org, ladder: Ladder, person: Person) -> Role:
    """The ladder role a person holds; an error if they hold none the ladder knows."""
    if person.role is None:
        raise LadderError(
            f"'{person.id}' has no ladder role", file=org.source, line=person.line,
            hint=f"give them a role of ladder '{ladder.id}' (title '{person.title}' matched none)"
            if person.title else f"give them a role of ladder '{ladder.id}'",
        )
    if person.role not in ladder.roles:
        raise LadderError(
            f"'{person.id}' holds role '{person.role}', which ladder '{ladder.id}'"
            + (f" ({ladder.variant} variant)" if ladder.variant else "") + " does not have",
            file=org.source, line=person.line,
            hint=did_you_mean(person.role, ladder.roles),
        )
    return ladder.roles[person.role]


def org_distances(org: Org, person_id: str) -> dict[str, int]:
    """Reporting lines between ``person_id`` and everyone in the same tree of the org."""
    return dict(nx.single_source_shortest_path_length(org.graph.to_undirected(as_view=True),
                                                      person_id))


def _nearest_first(org: Org, people: list[Person], distance: dict[str, int]) -> list[Person]:
    order = {pid: i for i, pid in enumerate(org.people)}
    return sorted(people, key=lambda p: (p.id not in distance, distance.get(p.id, 0),
                                         order[p.id]))


@dataclass(frozen=True)
class MoveOption:
    """A role a person can move to, and where it exists in the org."""

    role: Role
    kind: str  # "promotion" or "lateral"
    years: float | None
    gained: tuple[str, ...]
    holders: tuple[Person, ...]  # people in the org in that role, nearest first
    openings: tuple[Person, ...]  # vacant positions for that role, nearest first
    years_range: tuple[float, float] | None = None  # "2-3 years": years is its middle
    areas: tuple[AreaChange, ...] = ()  # per area, what the move asks to learn

    @property
    def typical_years(self) -> float | tuple[float, float] | None:
        return self.years_range or self.years


@dataclass(frozen=True)
class NextMoves:
    person: Person
    role: Role
    options: tuple[MoveOption, ...]


def next_moves(org: Org, ladder: Ladder, person_id: str) -> NextMoves:
    """The person's role, the roles one move away on the ladder, and who holds or lacks them here.

    Options follow the ladder's order of moves; people and openings in each are nearest first.
    """
    person = find_person(org, person_id)
    role = role_of(org, ladder, person)
    distance = org_distances(org, person.id)
    options = []
    for target in ladder.graph.successors(role.id):
        edge = ladder.graph.edges[role.id, target]
        in_role = [p for p in org if p.role == target and p.id != person.id]
        options.append(MoveOption(
            role=ladder.roles[target], kind=edge["kind"], years=edge["years"],
            gained=gained(role, ladder.roles[target], ladder),
            holders=tuple(_nearest_first(org, [p for p in in_role if not p.vacant], distance)),
            openings=tuple(_nearest_first(org, [p for p in in_role if p.vacant], distance)),
            years_range=edge.get("years_range"),
            areas=move_gains(ladder, role.id, target),
        ))
    return NextMoves(person, role, tuple(options))


@dataclass(frozen=True)
class Candidate:
    person: Person
    role: Role  # the role they hold now
    kind: str  # the move from their role into the position's
    years: float | None
    gained: tuple[str, ...]
    distance: int | None  # reporting lines from the position; None: another tree of the org
    areas: tuple[AreaChange, ...] = ()  # per area, what the move asks to learn


@dataclass(frozen=True)
class Succession:
    position: Person
    role: Role
    candidates: tuple[Candidate, ...]


def succession(org: Org, ladder: Ladder, position_id: str) -> Succession:
    """People one move below the position's role on the ladder, nearest in the org first.

    A move counts whether it is a promotion or a lateral move; vacant positions are not
    candidates, nor is whoever holds the position now.
    """
    position = find_person(org, position_id)
    role = role_of(org, ladder, position)
    distance = org_distances(org, position.id)
    feeders = set(ladder.graph.predecessors(role.id))
    people = [p for p in org if p.role in feeders and not p.vacant and p.id != position.id]
    candidates = []
    for person in _nearest_first(org, people, distance):
        assert person.role is not None  # people holds only holders of a feeding role
        edge = ladder.graph.edges[person.role, role.id]
        from_role = ladder.roles[person.role]
        candidates.append(Candidate(person, from_role, edge["kind"], edge["years"],
                                    gained(from_role, role, ladder), distance.get(person.id),
                                    move_gains(ladder, from_role.id, role.id)))
    return Succession(position, role, tuple(candidates))
