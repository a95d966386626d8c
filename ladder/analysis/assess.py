"""A self-assessment against a ladder: which title the ratings meet, and per area what the next
role asks for.

The assessment is a small YAML file::

    person: Sam
    ladder: platform.yaml        # a built-in name or a ladder file, relative to this file
    ratings:                     # area id or name, in any case: a level or milestone number
      reliability: 3
      Infrastructure: 2

A points framework (the ladder has ``points:``) adds up each area's milestone points and gives
the highest title whose threshold the total reaches, by the ladder's own thresholds. A role
ladder gives the highest role whose every area is met: each of its areas rated at the role's
level or above (a rating may also name a role: its level counts). The answer is an
:class:`Assessment` record; :mod:`ladder.renderers.results.assess` writes it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ladder.analysis.expectations import ladder_areas, role_expectations
from ladder.analysis.paths import resolve_role
from ladder.errors import LadderError, SourceError, did_you_mean
from ladder.model import PROMOTION, Area, Ladder, Role, Statement
from ladder.sources.document import line_of, read_document
from ladder.sources.frameworks import framework_of, load_framework_ladder
from ladder.sources.ladder_set import load_any_ladder


@dataclass(frozen=True)
class AreaResult:
    """One area: the rating, what the next role (or milestone) asks, and the words of it."""

    area: Area
    rating: int
    wanted: int  # the level or milestone the next step asks for (0: nothing asked)
    statements: tuple[Statement, ...] = ()  # what the next step asks, when not yet met

    @property
    def met(self) -> bool:
        return self.rating >= self.wanted


@dataclass(frozen=True)
class Assessment:
    """The answer: the roles the ratings meet, the next, and per area what the next asks."""

    person: str
    ladder: Ladder
    ratings: Mapping[str, int]  # area id -> level or milestone
    roles: tuple[Role, ...] = ()  # the roles met at the top (ties: several)
    next_roles: tuple[Role, ...] = ()
    points: int | None = None  # points frameworks: the total
    next_points: int | None = None  # points frameworks: the next title's threshold
    areas: tuple[AreaResult, ...] = ()
    unrated: tuple[Area, ...] = ()

    @property
    def title(self) -> str | None:
        return self.roles[0].title if self.roles else None


def milestone_total(ladder: Ladder, ratings: Mapping[str, int]) -> int:
    """The points a set of milestone ratings is worth on the ladder's own scale."""
    assert ladder.points is not None
    worth = ladder.points.milestone_points
    return sum(worth[min(rating, len(worth) - 1)] for rating in ratings.values())


def title_for_points(ladder: Ladder, total: int) -> list[Role]:
    """The roles of the highest threshold that ``total`` reaches (several when they tie)."""
    assert ladder.points is not None
    reached = [least for least, _ in ladder.points.thresholds if least <= total]
    if not reached:
        return []
    top = max(reached)
    return [ladder.roles[role] for least, role in ladder.points.thresholds if least == top]


def assess(ladder: Ladder, ratings: Mapping[str, int], person: str = "") -> Assessment:
    """The answer for ratings already resolved to area ids."""
    areas = ladder_areas(ladder)
    unrated = tuple(a for a in areas if a.id not in ratings)
    if ladder.points is not None:
        points = milestone_total(ladder, ratings)
        above = sorted({least for least, _ in ladder.points.thresholds if least > points})
        results = []
        for area in areas:
            rating = ratings.get(area.id, 0)
            step = rating + 1 if rating < len(area.milestones) else rating
            said: tuple[Statement, ...] = (area.milestones[step - 1],) if step > rating else ()
            results.append(AreaResult(area, rating, step, said))
        return Assessment(
            person, ladder, dict(ratings), tuple(title_for_points(ladder, points)),
            tuple(ladder.roles[r] for least, r in ladder.points.thresholds
                  if above and least == above[0]),
            points, above[0] if above else None, tuple(results), unrated)
    met = [role for role in ladder if role_met(ladder, role, ratings)]
    roles: list[Role] = []
    if met:
        top = max(role.level for role in met)
        roles = [role for role in met if role.level == top]
        next_roles = [ladder.roles[m.target] for m in ladder.moves
                      if m.source == roles[0].id and m.kind == PROMOTION]
    else:
        next_roles = ladder.entry_roles()
    target = next_roles[0] if next_roles else (roles[0] if roles else None)
    asked = role_expectations(ladder, target) if target else {}
    results = []
    for area in areas:
        rating = ratings.get(area.id, 0)
        wanted = target.level if target and area.id in asked else 0
        results.append(AreaResult(area, rating, wanted,
                                  asked.get(area.id, ()) if rating < wanted else ()))
    return Assessment(person, ladder, dict(ratings), tuple(roles), tuple(next_roles),
                      areas=tuple(results), unrated=unrated)


def role_met(ladder: Ladder, role: Role, ratings: Mapping[str, int]) -> bool:
    """Every area the role asks for is rated at the role's level or above."""
    asked = role_expectations(ladder, role)
    return bool(asked) and all(ratings.get(area, 0) >= role.level for area in asked)


def _area_id(ladder: Ladder, name: str) -> str | None:
    wanted = " ".join(str(name).split()).casefold()
    for area in ladder_areas(ladder):
        if wanted in (area.id.casefold(), area.name.casefold()):
            return area.id
    return None


def load_assessment(path: str | Path) -> Assessment:
    """Read an assessment file and answer it; mistakes name the file, line and expectation."""
    path = Path(path)
    file = str(path)
    data = read_document(path)
    if not isinstance(data, dict) or "ratings" not in data:
        raise SourceError("an assessment needs 'ratings': area: level (and 'ladder', "
                          "'person')", file=file, line=line_of(data))
    ladder = _ladder(data.get("ladder"), path)
    given: Any = data["ratings"]
    if not isinstance(given, dict) or not given:
        raise SourceError("'ratings' must map areas to levels or milestones", file=file,
                          line=line_of(data, "ratings"))
    ratings: dict[str, int] = {}
    names = [a.name for a in ladder_areas(ladder)]
    for key, value in given.items():
        area_id = _area_id(ladder, key)
        line = line_of(given, key)
        if area_id is None:
            raise SourceError(f"no area '{key}' in the ladder", file=file, line=line,
                              hint=did_you_mean(str(key), names + [a.id for a in
                                                                    ladder_areas(ladder)])
                              or f"areas: {', '.join(names)}")
        if area_id in ratings:
            raise SourceError(f"area '{key}' is rated twice", file=file, line=line)
        ratings[area_id] = _rating(ladder, area_id, value, file, line, resolve_role)
    return assess(ladder, ratings, str(data.get("person") or path.stem))


def _ladder(name: Any, assessment: Path) -> Ladder:
    """The ladder an assessment names: built-in, ladder file, or a framework file as it is."""

    if name is not None:
        path = Path(str(name))
        path = path if path.is_absolute() else assessment.parent / path
        if path.is_file() and framework_of(path) is not None:
            return load_framework_ladder(path)
    return load_any_ladder(None if name is None else str(name), relative_to=assessment.parent)


def _rating(ladder: Ladder, area_id: str, value: Any, file: str, line: int | None,
            resolve_role: Any) -> int:
    area = next(a for a in ladder_areas(ladder) if a.id == area_id)
    if isinstance(value, str) and not ladder.points:
        try:
            return resolve_role(ladder, value).level
        except LadderError as error:
            raise SourceError(f"rating of '{area.name}': {error.message}", file=file,
                              line=line, hint=error.hint) from None
    top = len(area.milestones) if ladder.points else max(ladder.levels(), default=0)
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= top:
        what = "milestone" if ladder.points else "level (or a role)"
        raise SourceError(f"rating of '{area.name}': expected a {what} from 0 to {top}, "
                          f"found {value!r}", file=file, line=line)
    return value
