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
level or above (a rating may also name a role: its level counts).
"""

from __future__ import annotations

from dataclasses import dataclass, field
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


@dataclass
class Assessment:
    person: str
    ladder: Ladder
    ratings: dict[str, int]
    roles: list[Role] = field(default_factory=list)  # the roles met at the top (ties: several)
    next_roles: list[Role] = field(default_factory=list)
    points: int | None = None  # points frameworks: the total
    next_points: int | None = None  # points frameworks: the next title's threshold
    areas: list[AreaResult] = field(default_factory=list)
    unrated: list[Area] = field(default_factory=list)

    @property
    def title(self) -> str | None:
        return self.roles[0].title if self.roles else None


def milestone_total(ladder: Ladder, ratings: dict[str, int]) -> int:
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


def assess(ladder: Ladder, ratings: dict[str, int], person: str = "") -> Assessment:
    """The answer for ratings already resolved to area ids."""
    result = Assessment(person, ladder, dict(ratings))
    areas = ladder_areas(ladder)
    result.unrated = [a for a in areas if a.id not in ratings]
    if ladder.points is not None:
        result.points = milestone_total(ladder, ratings)
        result.roles = title_for_points(ladder, result.points)
        above = sorted({least for least, _ in ladder.points.thresholds
                        if least > result.points})
        if above:
            result.next_points = above[0]
            result.next_roles = [ladder.roles[r] for least, r in ladder.points.thresholds
                                 if least == above[0]]
        for area in areas:
            rating = ratings.get(area.id, 0)
            step = rating + 1 if rating < len(area.milestones) else rating
            said = (area.milestones[step - 1],) if step > rating else ()
            result.areas.append(AreaResult(area, rating, step, said))
        return result
    met = [role for role in ladder if role_met(ladder, role, ratings)]
    if met:
        top = max(role.level for role in met)
        result.roles = [role for role in met if role.level == top]
        result.next_roles = [ladder.roles[m.target] for m in ladder.moves
                             if m.source == result.roles[0].id and m.kind == PROMOTION]
    else:
        result.next_roles = ladder.entry_roles()
    target = result.next_roles[0] if result.next_roles else (
        result.roles[0] if result.roles else None)
    asked = role_expectations(ladder, target) if target else {}
    for area in areas:
        rating = ratings.get(area.id, 0)
        wanted = target.level if target and area.id in asked else 0
        said = asked.get(area.id, ()) if rating < wanted else ()
        result.areas.append(AreaResult(area, rating, wanted, said))
    return result


def role_met(ladder: Ladder, role: Role, ratings: dict[str, int]) -> bool:
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


def assessment_json(result: Assessment) -> dict[str, Any]:
    """The answer as data (``ladder assess --format json``)."""
    data: dict[str, Any] = {
        "person": result.person,
        "ladder": result.ladder.id,
        "title": result.title,
        "roles": [r.id for r in result.roles],
        "next": [{"role": r.id, "title": r.title} for r in result.next_roles],
    }
    if result.points is not None:
        data["points"] = result.points
        data["next_points"] = result.next_points
    data["areas"] = [
        {"area": a.area.id, "name": a.area.name, "rating": a.rating, "wanted": a.wanted,
         "met": a.met, "gap": [s.text for s in a.statements]}
        for a in result.areas
    ]
    data["unrated"] = [a.id for a in result.unrated]
    return data


def format_assessment(result: Assessment) -> str:
    """The answer for a terminal."""
    who = result.person or "The ratings"
    lines = []
    if result.points is not None:
        title = " or ".join(r.title for r in result.roles) or "no title yet"
        lines.append(f"{who}: {title} ({result.points} points)")
        if result.next_roles:
            nxt = " or ".join(r.title for r in result.next_roles)
            lines.append(f"next: {nxt} at {result.next_points} points "
                         f"({result.next_points - result.points} to go)")
        lines.append("per area, the next milestone:")
        for item in result.areas:
            step = (f"milestone {item.rating} -> {item.wanted}" if item.statements
                    else f"milestone {item.rating} (the top)")
            lines.append(f"  {item.area.name}: {step}")
            lines.extend(f"    + {s.text}" for s in item.statements)
    else:
        title = " or ".join(r.title for r in result.roles) or "no role of the ladder yet"
        lines.append(f"{who}: {title}")
        if result.next_roles:
            nxt = result.next_roles[0]
            others = ", ".join(r.title for r in result.next_roles[1:])
            lines.append(f"next: {nxt.title} (level {nxt.level})"
                         + (f" (or {others}: see 'ladder gap')" if others else "")
                         + " asks, per area:")
            for item in result.areas:
                if not item.wanted:
                    continue
                state = "met" if item.met else f"rated {item.rating}, asks {item.wanted}"
                lines.append(f"  {item.area.name}: {state}")
                lines.extend(f"    + {s.text}" for s in item.statements)
        else:
            lines.append("next: none, the top of the ladder")
    if result.unrated:
        lines.append("not rated (counted as 0): " + ", ".join(a.name for a in result.unrated))
    return "\n".join(lines)
