"""What a role asks for per competency area, and what changes from one role to another.

One answer for every command that shows it: the matrix view (``--compare``), ``ladder gap``,
``ladder paths`` and ``ladder assess`` call these functions (their text, Markdown and JSON
writers are in :mod:`ladder.renderers.results.paths`). A ladder without areas still has
an answer: its flat ``competencies`` form one unnamed area. On a cumulative ladder (the
built-in one is) a role asks what the roles below it ask too, so the Director of Product keeps
the Senior PM's strategy and is not told it "no longer" asks for it.

>>> from ladder.sources.ladders import read_ladder
>>> ladder = read_ladder("product")
>>> [(c.area.name, c.kind) for c in area_changes(ladder, "senior-product-manager",
...                                              "director-of-product")][:3]
[('Market and commercial', 'new'), ('Technical skills', 'raised'), ('Data and research', 'raised')]
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ladder.model import PROMOTION, Area, Ladder, Role, Statement

# The one area of a ladder that lists competencies but declares no areas.
COMPETENCIES = Area("competencies", "Competencies")

NEW, RAISED, SAME, DROPPED = "new", "raised", "same", "dropped"


def ladder_areas(ladder: Ladder) -> list[Area]:
    """The ladder's areas in order, then the unnamed competencies area when some role lists
    competencies but no expectations (a ladder without areas, or one joined to such)."""
    found = list(ladder.areas.values())
    if any(role.competencies and not _expected(ladder, role) for role in ladder):
        found.append(COMPETENCIES)
    return found


def _expected(ladder: Ladder, role: Role) -> dict[str, tuple[Statement, ...]]:
    return {area_id: found for area_id, found in role.expectations
            if found and area_id in ladder.areas}


def role_expectations(ladder: Ladder, role: Role) -> dict[str, tuple[Statement, ...]]:
    """Area id -> the role's statements there, in area order (empty areas left out); a role
    with competencies only has them in the unnamed competencies area."""
    found = _expected(ladder, role)
    if found or not role.competencies:
        return found
    return {COMPETENCIES.id: tuple(Statement(c.name, source=c.source)
                                   for c in role.competencies)}


def promoted_from(ladder: Ladder, role: Role) -> list[Role]:
    """The roles below ``role`` on its ladder: every role a chain of promotions leads from
    into it, lowest level first (then in the ladder's order). What a cumulative ladder's role
    includes besides its own statements.

    >>> from ladder.sources.ladders import read_ladder
    >>> product = read_ladder("product")
    >>> [r.id for r in promoted_from(product, product.roles["director-of-product"])]
    ['junior-product-manager', 'product-manager', 'senior-product-manager']
    """
    into: dict[str, list[str]] = {}
    for move in ladder.moves:
        if move.kind == PROMOTION:
            into.setdefault(move.target, []).append(move.source)
    found: set[str] = set()
    waiting = [role.id]
    while waiting:
        for source in into.get(waiting.pop(), ()):
            if source not in found and source != role.id:
                found.add(source)
                waiting.append(source)
    position = {role_id: index for index, role_id in enumerate(ladder.roles)}
    return sorted((ladder.roles[r] for r in found if r in ladder.roles),
                  key=lambda r: (r.level, position[r.id]))


def with_lower(ladder: Ladder, role: Role) -> list[Role]:
    """The role and, on a cumulative ladder, the roles below it, lowest first."""
    return [*promoted_from(ladder, role), role] if ladder.cumulative else [role]


def required(ladder: Ladder, role: Role) -> dict[str, tuple[Statement, ...]]:
    """Area id -> everything the role asks there: its own statements, and on a cumulative
    ladder (``cumulative: true``) also those of the roles below it, lowest level first, each
    statement once. Comparisons (``--compare``, ``gap``, ``paths``, ``assess``) read this;
    the matrix shows each role's own words (:func:`role_expectations`).

    >>> from ladder.sources.ladders import read_ladder
    >>> product = read_ladder("product")
    >>> director = product.roles["director-of-product"]  # the Senior PM sets strategy
    >>> "strategy" in role_expectations(product, director), "strategy" in required(product,
    ...                                                                         director)
    (False, True)
    """
    chain = with_lower(ladder, role)
    if len(chain) == 1:
        return role_expectations(ladder, role)
    merged: dict[str, list[Statement]] = {}
    seen: set[tuple[str, str]] = set()
    for each in chain:
        for area_id, found in role_expectations(ladder, each).items():
            for statement in found:
                if (area_id, statement_key(statement)) not in seen:
                    seen.add((area_id, statement_key(statement)))
                    merged.setdefault(area_id, []).append(statement)
    order = [a.id for a in ladder_areas(ladder)]
    return {a: tuple(merged[a]) for a in order if a in merged}


def has_expectations(ladder: Ladder) -> bool:
    """True when the ladder declares areas and some role says what it asks for in one."""
    return bool(ladder.areas) and any(role.expectations for role in ladder)


def statement_key(statement: Statement) -> str:
    """A statement as comparisons see it: case, spacing and a last full stop ignored."""
    return " ".join(statement.text.casefold().split()).rstrip(".")


@dataclass(frozen=True)
class AreaChange:
    """How one area differs between two roles.

    ``kind``: ``new`` (the lower role asks nothing there), ``raised`` (both ask, in different
    words: the higher role's statements replace the lower's), ``same``, or ``dropped`` (only the
    lower role asks).
    """

    area: Area
    kind: str
    before: tuple[Statement, ...]
    after: tuple[Statement, ...]

    @property
    def added(self) -> tuple[Statement, ...]:
        """Statements of the higher role that the lower one does not have."""
        known = {statement_key(s) for s in self.before}
        return tuple(s for s in self.after if statement_key(s) not in known)


def area_changes(ladder: Ladder, source: str, target: str, *, keep_same: bool = False,
                 asks: Callable[[Role], dict[str, tuple[Statement, ...]]] | None = None,
                 ) -> list[AreaChange]:
    """Per area, what changes from role ``source`` to role ``target`` (ids), in area order;
    on a cumulative ladder each role counts what the roles below it ask (:func:`required`)."""
    asks = asks or (lambda role: required(ladder, role))  # given: what a caller worked out
    before = asks(ladder.roles[source])
    after = asks(ladder.roles[target])
    changes = []
    for area in ladder_areas(ladder):
        old, new = before.get(area.id, ()), after.get(area.id, ())
        if not old and not new:
            continue
        if not old:
            kind = NEW
        elif not new:
            kind = DROPPED
        elif [statement_key(s) for s in old] == [statement_key(s) for s in new]:
            kind = SAME
        else:
            kind = RAISED
        if kind != SAME or keep_same:
            changes.append(AreaChange(area, kind, old, new))
    return changes


def to_gain(changes: Iterable[AreaChange]) -> tuple[AreaChange, ...]:
    """The changes that ask for something new: a new or raised area with statements the lower
    role does not have (a reordered area adds nothing, and a dropped one is no gap)."""
    return tuple(c for c in changes if c.kind in (NEW, RAISED) and c.added)


def move_gains(ladder: Ladder, source: str, target: str, *,
               asks: Callable[[Role], dict[str, tuple[Statement, ...]]] | None = None,
               ) -> tuple[AreaChange, ...]:
    """Per area, what a move from role ``source`` to role ``target`` (ids) asks to learn:
    what every answer about a move lists (``paths``, ``gap``, ``next``, ``succession``); none
    on a ladder whose roles say nothing per area (their competencies are the answer).

    >>> from ladder.sources.ladders import read_ladder
    >>> [(c.area.name, len(c.added)) for c in move_gains(
    ...     read_ladder("product"), "product-manager", "senior-product-manager")]
    [('Strategy', 1), ('Data and research', 1), ('Leadership and collaboration', 2)]
    """
    if not has_expectations(ladder):
        return ()
    return to_gain(area_changes(ladder, source, target, asks=asks))


@dataclass(frozen=True)
class StepChange:
    """One move along a path, and what changes per area at it."""

    source: str
    target: str
    changes: tuple[AreaChange, ...]


def step_changes(ladder: Ladder, steps: Iterable[str]) -> list[StepChange]:
    """The area changes of each move along a path of role ids."""
    path = list(steps)
    return [StepChange(a, b, tuple(area_changes(ladder, a, b)))
            for a, b in zip(path, path[1:], strict=False)]
