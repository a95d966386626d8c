"""What a role asks for per competency area, and what changes from one role to another.

One answer for every command that shows it: the matrix view (``--compare``), ``ladder gap``,
``ladder paths`` and ``ladder assess`` call these functions (their text, Markdown and JSON
writers are in :mod:`ladder.renderers.results.paths`). A ladder without areas still has
an answer: its flat ``competencies`` form one unnamed area.

>>> from ladder.sources.ladders import read_ladder
>>> ladder = read_ladder("product")
>>> [(c.area.name, c.kind) for c in area_changes(ladder, "senior-product-manager",
...                                              "director-of-product")][:3]
[('Strategy', 'dropped'), ('Market and commercial', 'new'), ('Technical skills', 'new')]
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ladder.model import Area, Ladder, Role, Statement

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


def has_expectations(ladder: Ladder) -> bool:
    """True when the ladder declares areas and some role says what it asks for in one."""
    return bool(ladder.areas) and any(role.expectations for role in ladder)


def _key(statement: Statement) -> str:
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
        known = {_key(s) for s in self.before}
        return tuple(s for s in self.after if _key(s) not in known)


def area_changes(ladder: Ladder, source: str, target: str, *,
                 keep_same: bool = False) -> list[AreaChange]:
    """Per area, what changes from role ``source`` to role ``target`` (ids), in area order."""
    before = role_expectations(ladder, ladder.roles[source])
    after = role_expectations(ladder, ladder.roles[target])
    changes = []
    for area in ladder_areas(ladder):
        old, new = before.get(area.id, ()), after.get(area.id, ())
        if not old and not new:
            continue
        if not old:
            kind = NEW
        elif not new:
            kind = DROPPED
        elif [_key(s) for s in old] == [_key(s) for s in new]:
            kind = SAME
        else:
            kind = RAISED
        if kind != SAME or keep_same:
            changes.append(AreaChange(area, kind, old, new))
    return changes


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
