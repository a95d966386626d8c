"""A self-assessment against a ladder: which title the ratings meet, and per area what the role
aimed for asks.

The assessment is a small YAML file (its keys are the ``assessment`` schema's; any other key is
an error naming the closest one)::

    person: Sam
    ladder: platform.yaml        # a built-in name or a ladder file, relative to this file
    target: Staff Engineer       # the role aimed for (default: the next role up)
    manager: Lee                 # who gave the manager's ratings, if any
    ratings:                     # area id or name, in any case: a level or milestone number
      reliability: 3
      Infrastructure: {rating: 2, evidence: "Moved the build to the new cluster"}
      mentorship: {self: 2, manager: 3, evidence: [Runs the on-call rota, Mentors two]}

A rating is a number, a role (its level counts), a named step of the area's scale, or a
mapping: ``rating`` (or ``self``) the person's own, ``manager`` the manager's beside it,
``evidence`` a text or a list of texts. Evidence and the manager's ratings are kept and shown;
the title met is the person's own ratings' (and, apart, the manager's).

A points framework (the ladder has ``points:``) adds up each area's milestone points and gives
the highest title whose threshold the total reaches, by the ladder's own thresholds. A role
ladder gives the highest role whose every area is met: each area it asks for rated at the level
it asks there. That level is the role's own level; on a cumulative ladder an area the role
inherits is asked at the level of the role below that last raised it; on a ladder whose areas
have a named scale (each role a profile, as engineering-ladders frameworks publish) it is the
step of the scale the role names. The answer is an :class:`Assessment` record;
:mod:`ladder.renderers.results.assess` writes it and :mod:`ladder.renderers.radar` draws it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ladder.analysis.expectations import (
    ladder_areas,
    required,
    role_expectations,
    statement_key,
    with_lower,
)
from ladder.analysis.paths import resolve_role
from ladder.errors import LadderError, SourceError, did_you_mean
from ladder.model import PROMOTION, Area, Ladder, Role, Statement
from ladder.sources.document import line_of, read_document
from ladder.sources.frameworks import framework_of, load_framework_ladder
from ladder.sources.ladder_set import load_any_ladder
from ladder.sources.schema import document_keys


@dataclass(frozen=True)
class AreaResult:
    """One area: the rating, what the role aimed for (or the next milestone) asks, the words
    of it, and the manager's rating and the evidence beside the person's own."""

    area: Area
    rating: int
    wanted: int  # the level or milestone the target asks for (0: nothing asked)
    statements: tuple[Statement, ...] = ()  # what the target asks, when not yet met
    manager: int | None = None  # the manager's rating, when given
    evidence: tuple[str, ...] = ()

    @property
    def met(self) -> bool:
        return self.rating >= self.wanted


@dataclass(frozen=True)
class Assessment:
    """The answer: the roles the ratings meet, the role aimed for, and per area what it asks."""

    person: str
    ladder: Ladder
    ratings: Mapping[str, int]  # area id -> level or milestone
    roles: tuple[Role, ...] = ()  # the roles met at the top (ties: several)
    next_roles: tuple[Role, ...] = ()  # one promotion up from the role met
    points: int | None = None  # points frameworks: the total
    next_points: int | None = None  # points frameworks: the target's (or next) threshold
    areas: tuple[AreaResult, ...] = ()
    unrated: tuple[Area, ...] = ()
    target: Role | None = None  # the role compared with: the one aimed for, else the next
    target_given: bool = False  # True when the file or --target named it
    manager: str = ""  # who gave the manager's ratings
    manager_ratings: Mapping[str, int] = field(default_factory=dict)
    manager_roles: tuple[Role, ...] = ()  # what the manager's ratings meet (theirs, else own)
    manager_points: int | None = None

    @property
    def title(self) -> str | None:
        return self.roles[0].title if self.roles else None


# --------------------------------------------------------------------------- scales


def area_top(ladder: Ladder, area: Area) -> int:
    """The highest rating an area takes: its last milestone, else the ladder's top level."""
    return len(area.milestones) if area.milestones else max(ladder.levels(), default=0)


def scale_top(ladder: Ladder) -> int:
    """The top of the ladder's rating scale, the same for every person: the radar's outer
    ring."""
    return max([1, *(area_top(ladder, a) for a in ladder_areas(ladder))])


def step_of(area: Area, text: str) -> int | None:
    """The step (1, 2, ...) of an area's named scale that a text names: the step's words, or
    the words before a colon ("Adopts: uses the team's tools"); None when it names none."""
    wanted = statement_key(Statement(text))
    head = statement_key(Statement(text.split(":", 1)[0])) if ":" in text else None
    for number, milestone in enumerate(area.milestones, start=1):
        name = statement_key(milestone)
        if name in (wanted, head):
            return number
    return None


def role_profile(ladder: Ladder, role: Role) -> dict[str, int]:
    """On a ladder whose areas have a named scale (and no points), the step the role names
    in each such area: area id -> step. Empty for any other ladder.

    >>> from ladder.model import Area, Role, Statement
    >>> scale = tuple(Statement(s) for s in ("Adopts", "Specialises", "Evangelises"))
    >>> ladder = Ladder("x", "X", areas={"tech": Area("tech", "Technology", milestones=scale)},
    ...                 roles={"dev": Role("dev", "Developer", 1, "ic", expectations=(
    ...                     ("tech", (Statement("Specialises: one language, deeply"),)),))})
    >>> role_profile(ladder, ladder.roles["dev"])
    {'tech': 2}
    """
    if ladder.points is not None:
        return {}
    found: dict[str, int] = {}
    for area_id, statements in role_expectations(ladder, role).items():
        area = ladder.areas.get(area_id)
        if area is None or not area.milestones:
            continue
        steps = [step_of(area, s.text) for s in statements]
        if any(step is not None for step in steps):
            found[area_id] = max(step for step in steps if step is not None)
    return found


def wanted_levels(ladder: Ladder, role: Role) -> dict[str, int]:
    """Area id -> the rating the role asks for there (see the module's docstring)."""
    profile = role_profile(ladder, role)
    if profile:
        return profile
    levels: dict[str, int] = {}
    for each in with_lower(ladder, role):  # lowest first: a later role raises the level
        for area_id in role_expectations(ladder, each):
            levels[area_id] = each.level
    return {area_id: levels[area_id] for area_id in required(ladder, role)}


def role_met(ladder: Ladder, role: Role, ratings: Mapping[str, int]) -> bool:
    """Every area the role asks for is rated at the level it asks there or above."""
    asked = wanted_levels(ladder, role)
    return bool(asked) and all(ratings.get(area, 0) >= level for area, level in asked.items())


# --------------------------------------------------------------------------- the answer


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


def roles_met(ladder: Ladder, ratings: Mapping[str, int]) -> list[Role]:
    """The highest roles the ratings meet (several at one level when they tie)."""
    if ladder.points is not None:
        return title_for_points(ladder, milestone_total(ladder, ratings))
    met = [role for role in ladder if role_met(ladder, role, ratings)]
    if not met:
        return []
    top = max(role.level for role in met)
    return [role for role in met if role.level == top]


def assess(ladder: Ladder, ratings: Mapping[str, int], person: str = "", *,
           target: Role | None = None, manager: Mapping[str, int] | None = None,
           evidence: Mapping[str, tuple[str, ...]] | None = None,
           manager_name: str = "") -> Assessment:
    """The answer for ratings already resolved to area ids.

    ``target`` is the role aimed for: the per-area answer compares with it (the next role up
    otherwise). ``manager`` holds the manager's ratings beside the person's own and
    ``evidence`` the evidence per area; both are kept for the writers.
    """
    areas = ladder_areas(ladder)
    unrated = tuple(a for a in areas if a.id not in ratings)
    evidence = evidence or {}
    manager = dict(manager or {})
    roles = roles_met(ladder, ratings)
    managers_view = {**ratings, **manager}
    common = Assessment(person, ladder, dict(ratings), tuple(roles), unrated=unrated,
                        target_given=target is not None, manager=manager_name,
                        manager_ratings=manager,
                        manager_roles=tuple(roles_met(ladder, managers_view)) if manager else ())
    if ladder.points is not None:
        points = milestone_total(ladder, ratings)
        thresholds = dict((role, least) for least, role in ladder.points.thresholds)
        above = sorted({least for least, _ in ladder.points.thresholds if least > points})
        next_roles = tuple(ladder.roles[r] for least, r in ladder.points.thresholds
                           if above and least == above[0])
        aim = target or (next_roles[0] if next_roles else None)
        results = []
        for area in areas:
            rating = ratings.get(area.id, 0)
            step = rating + 1 if rating < len(area.milestones) else rating
            said: tuple[Statement, ...] = (area.milestones[step - 1],) if step > rating else ()
            results.append(AreaResult(area, rating, step, said, manager.get(area.id),
                                      evidence.get(area.id, ())))
        return replace(
            common, next_roles=next_roles, points=points,
            next_points=thresholds.get(aim.id) if aim else None, areas=tuple(results),
            target=aim,
            manager_points=milestone_total(ladder, managers_view) if manager else None)
    up = ([ladder.roles[m.target] for m in ladder.moves
           if m.source == roles[0].id and m.kind == PROMOTION] if roles else ladder.entry_roles())
    aim = target or (up[0] if up else (roles[0] if roles else None))
    levels = wanted_levels(ladder, aim) if aim else {}
    # a profile names the target's own step per area: its words are the answer there
    asked = (role_expectations if aim and role_profile(ladder, aim) else required)(
        ladder, aim) if aim else {}
    # what the role held already asks is not news: a former Senior PM is not told to learn it
    had = required(ladder, roles[0]) if roles else {}
    results = []
    for area in areas:
        rating = ratings.get(area.id, 0)
        wanted = levels.get(area.id, 0)
        known = {statement_key(s) for s in had.get(area.id, ())}
        fresh = tuple(s for s in asked.get(area.id, ()) if statement_key(s) not in known)
        said = fresh or asked.get(area.id, ())
        results.append(AreaResult(area, rating, wanted, said if rating < wanted else (),
                                  manager.get(area.id), evidence.get(area.id, ())))
    return replace(common, next_roles=tuple(up), areas=tuple(results), target=aim)


# --------------------------------------------------------------------------- the file


def _area_id(ladder: Ladder, name: str) -> str | None:
    wanted = " ".join(str(name).split()).casefold()
    for area in ladder_areas(ladder):
        if wanted in (area.id.casefold(), area.name.casefold()):
            return area.id
    return None


@dataclass
class _Reader:
    """Reads one assessment file; every mistake names the file and the line."""

    file: str
    ladder: Ladder = field(init=False)

    def fail(self, message: str, line: int | None, hint: str | None = None) -> SourceError:
        return SourceError(message, file=self.file, line=line, hint=hint)

    def check_keys(self, mapping: Mapping[str, Any], known: tuple[str, ...], where: str) -> None:
        for key in mapping:
            if key not in known:
                raise self.fail(f"{where}: unknown key '{str(key)[:60]}'", line_of(mapping, key),
                                did_you_mean(str(key), known)
                                or f"known keys: {', '.join(known)}")

    def text(self, data: Mapping[str, Any], key: str) -> str:
        value = data.get(key)
        if value is None:
            return ""
        if not isinstance(value, str | int | float) or isinstance(value, bool):
            raise self.fail(f"'{key}' must be text, not {type(value).__name__}",
                            line_of(data, key))
        return str(value).strip()

    def target(self, data: Mapping[str, Any], given: str | None) -> Role | None:
        """The role aimed for: ``--target`` (``given``) over the file's ``target:``."""
        name = given if given is not None else self.text(data, "target")
        if not name:
            return None
        try:
            return resolve_role(self.ladder, name)
        except LadderError as error:
            if given is not None:
                raise LadderError(f"--target: {error.message}", file=self.ladder.file,
                                  hint=error.hint) from None
            raise self.fail(f"target: {error.message}", line_of(data, "target"),
                            error.hint) from None

    def rating(self, area: Area, value: Any, line: int | None, who: str = "") -> int:
        """A level or milestone number, a role (its level), or a step of the area's scale."""
        label = f"{who}rating of '{area.name}'"
        if isinstance(value, str) and area.milestones:
            step = step_of(area, value)
            if step is not None:
                return step
            names = [m.text for m in area.milestones]
            if self.ladder.points is not None:
                raise self.fail(f"{label}: '{value}' is no step of its scale", line,
                                did_you_mean(value, names)
                                or f"steps: {', '.join(names[:8])}")
            try:
                return resolve_role(self.ladder, value).level
            except LadderError:
                raise self.fail(f"{label}: '{value}' is neither a step of its scale nor a "
                                "role", line, did_you_mean(value, names)
                                or f"steps: {', '.join(names[:8])}") from None
        if isinstance(value, str):
            try:
                return resolve_role(self.ladder, value).level
            except LadderError as error:
                raise self.fail(f"{label}: {error.message}", line, error.hint) from None
        top = area_top(self.ladder, area)
        if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= top:
            what = "milestone" if area.milestones else "level (or a role)"
            raise self.fail(f"{label}: expected a {what} from 0 to {top}, found {value!r}",
                            line)
        return value

    def evidence(self, value: Any, line: int | None, area: Area) -> tuple[str, ...]:
        items = value if isinstance(value, list) else [value]
        found = []
        for item in items:
            if not isinstance(item, str | int | float) or isinstance(item, bool):
                raise self.fail(f"evidence for '{area.name}' must be a text or a list of "
                                "texts", line)
            if str(item).strip():
                found.append(" ".join(str(item).split()))
        return tuple(found)


def load_assessment(path: str | Path, *, target: str | None = None) -> Assessment:
    """Read an assessment file and answer it; mistakes name the file, line and key.

    ``target`` (``ladder assess --target``) names the role aimed for, over the file's own
    ``target:``.
    """
    path = Path(path)
    reader = _Reader(str(path))
    data = read_document(path)
    if not isinstance(data, dict) or "ratings" not in data:
        raise reader.fail("an assessment needs 'ratings': area: level (and 'ladder', "
                          "'person')", line_of(data))
    reader.check_keys(data, document_keys("assessment")[""], "assessment")
    reader.ladder = _ladder(data.get("ladder"), path)
    ladder = reader.ladder
    given: Any = data["ratings"]
    if not isinstance(given, dict) or not given:
        raise reader.fail("'ratings' must map areas to levels or milestones",
                          line_of(data, "ratings"))
    ratings: dict[str, int] = {}
    manager: dict[str, int] = {}
    evidence: dict[str, tuple[str, ...]] = {}
    names = [a.name for a in ladder_areas(ladder)]
    for key, value in given.items():
        area_id = _area_id(ladder, key)
        line = line_of(given, key)
        if area_id is None:
            raise reader.fail(f"no area '{key}' in the ladder", line,
                              did_you_mean(str(key), names + [a.id for a in
                                                               ladder_areas(ladder)])
                              or f"areas: {', '.join(names)}")
        if area_id in ratings:
            raise reader.fail(f"area '{key}' is rated twice", line)
        area = next(a for a in ladder_areas(ladder) if a.id == area_id)
        if isinstance(value, dict):
            reader.check_keys(value, document_keys("assessment")["rating"],
                              f"rating of '{area.name}'")
            if "rating" in value and "self" in value:
                raise reader.fail(f"rating of '{area.name}': give 'rating' or 'self', not both",
                                  line_of(value, "self"))
            own = value.get("rating", value.get("self"))
            if own is None:
                raise reader.fail(f"rating of '{area.name}': the person's own rating is "
                                  "missing", line, "add 'rating: N' (or 'self: N')")
            own_key = "rating" if "rating" in value else "self"
            ratings[area_id] = reader.rating(area, own, line_of(value, own_key) or line)
            if value.get("manager") is not None:
                manager[area_id] = reader.rating(area, value["manager"],
                                                 line_of(value, "manager") or line, "manager's ")
            if value.get("evidence") is not None:
                evidence[area_id] = reader.evidence(value["evidence"],
                                                    line_of(value, "evidence") or line, area)
        else:
            ratings[area_id] = reader.rating(area, value, line)
    aim = reader.target(data, target)
    return assess(ladder, ratings, reader.text(data, "person") or path.stem, target=aim,
                  manager=manager, evidence=evidence, manager_name=reader.text(data, "manager"))


def _ladder(name: Any, assessment: Path) -> Ladder:
    """The ladder an assessment names: built-in, ladder file, or a framework file as it is."""

    if name is not None:
        path = Path(str(name))
        path = path if path.is_absolute() else assessment.parent / path
        if path.is_file() and framework_of(path) is not None:
            return load_framework_ladder(path)
    return load_any_ladder(None if name is None else str(name), relative_to=assessment.parent)
