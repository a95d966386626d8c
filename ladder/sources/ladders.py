"""Load career ladders from YAML, TOML or JSON, or by the name of a built-in ladder.

Every mistake in a ladder file is collected with its line, and the first error is raised as a
:class:`~ladder.errors.SourceError` carrying all of them, so a user fixes the file in one pass.

>>> ladder = read_ladder("product")
>>> [r.id for r in ladder][:2]
['junior-product-manager', 'product-manager']
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

from ladder.errors import Problem, SourceError, did_you_mean
from ladder.escape import CARD_TEXT, is_colour
from ladder.model.ladder import (
    MOVE_KINDS,
    PROMOTION,
    Area,
    Competency,
    Ladder,
    Move,
    PointScale,
    Role,
    Source,
    Statement,
    Track,
    VariantSpec,
    describe_cycle,
    promotion_cycle,
)
from ladder.model.titles import name_clashes
from ladder.sources.builtin import (
    BUILTIN_FOLDER,
    DEFAULT_LADDER,
    builtin_names,
    checked_builtin,
)
from ladder.sources.checker import DocumentChecker
from ladder.sources.document import line_of, read_document
from ladder.sources.schema import document_keys
from ladder.text import read_years


def read_ladder(source: str | Path | None = None, *, relative_to: Path | None = None,
                on_warning: Callable[[Problem], None] | None = None) -> Ladder:
    """A ladder from a built-in name (default: the product ladder) or a file path.

    ``relative_to`` is the folder a path in a company config is resolved against;
    ``on_warning`` receives what is odd but not wrong (see :func:`parse_ladder`).
    """
    if source is None:
        source = DEFAULT_LADDER
    text = str(source)
    if text in builtin_names():
        checked = checked_builtin(text, on_warning)  # read and checked ahead of time
        if checked is not None:
            return checked
        return parse_ladder(read_document(BUILTIN_FOLDER / f"{text}.yaml"), f"<built-in {text}>",
                            on_warning=on_warning)
    path = Path(text)
    if relative_to is not None and not path.is_absolute():
        path = relative_to / path
    if not path.exists():
        raise SourceError(
            f"no ladder file or built-in ladder called '{text}'", file=text,
            hint=did_you_mean(text, builtin_names()) or
            f"built-in ladders: {', '.join(builtin_names())}",
        )
    return parse_ladder(read_document(path), str(path), on_warning=on_warning)


def parse_ladder(data: Any, file: str, *,
                 on_warning: Callable[[Problem], None] | None = None) -> Ladder:
    """Check parsed ladder data and turn it into a :class:`Ladder`.

    Errors raise; warnings (an alias that is another role's title or that two roles share,
    variants whose headcount ranges overlap) go to ``on_warning`` and do not stop the load.
    """
    checker = _Checker(file)
    ladder = checker.ladder(data)
    errors = [p for p in checker.problems if p.severity == "error"]
    if errors:
        first = errors[0]
        raise SourceError(first.message, file=file, line=first.line, hint=first.hint,
                          problems=errors)
    if on_warning is not None:
        for problem in checker.problems:
            if problem.severity == "warning":
                on_warning(problem)
    return ladder


class _Checker(DocumentChecker):
    """Walks the document once, collecting problems instead of stopping at the first."""

    def __init__(self, file: str) -> None:
        super().__init__(file)
        self.sized: set[str] = set()  # variants that give a headcount
        self.keys = document_keys("ladder")  # of each part, from the schema

    def text(self, mapping: Mapping[str, Any], key: str, where: str, *,
             required: bool = True) -> str:
        value = mapping.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.error("missing-key", f"{where}: '{key}' is missing",
                           line_of(mapping, key if key in mapping else None))
            return ""
        if isinstance(value, dict | list):
            self.error("bad-value", f"{where}: '{key}' must be text", line_of(mapping, key))
            return ""
        text = str(value).strip()
        if key == "title" and where.startswith("role") and len(text) > CARD_TEXT:
            self.problems.append(Problem(
                "warning", "long-text", f"{where}: the {key} is {len(text):,} characters long: "
                f"drawings show its first {CARD_TEXT}", self.file, line_of(mapping, key),
                hint="give the full text as a summary, and a short title"))
        return text

    def listed(self, mapping: Mapping[str, Any], key: str, where: str) -> list:
        """A list-valued key's items (none when absent); anything else is a located error."""
        value = mapping.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self.error("bad-value", f"{where}: '{key}' must be a list", line_of(mapping, key),
                       f"write {key}: [...]")
            return []
        return value

    def names(self, mapping: Mapping[str, Any], key: str, where: str) -> list[str]:
        """A list of names (aliases, role ids): each item plain text, else a located error."""
        found = []
        value = self.listed(mapping, key, where)
        for index, item in enumerate(value):
            if isinstance(item, dict | list):
                self.error("bad-value", f"{where}: each of '{key}' must be plain text",
                           line_of(value, index))
            elif item is not None:
                found.append(str(item).strip())
        return found

    def items(self, data: Mapping[str, Any], key: str, *,
              required: bool = False) -> list[tuple[Any, int | None]]:
        """The entries of a list-valued key, each with its line; their keys checked."""
        found = self.entries(data, key, required=required)
        for item, line in found:
            self.unknown_keys(item, self.keys.get(key, ()), f"{key}: entry", line)
        return found

    def identified(self, data: Mapping[str, Any], key: str, kind: str, *, required: bool = False
                   ) -> Iterator[tuple[Mapping[str, Any], int | None, str, str]]:
        """(entry, line, id, "kind 'id'") for each entry of a list of things with ids; an id
        given twice is an error naming the line it was first given on, its entry skipped."""
        first: dict[str, int | None] = {}
        for item, line in self.items(data, key, required=required):
            item_id = self.text(item, "id", kind)
            where = f"{kind} '{item_id}'"
            if item_id in first:
                self.error("duplicate-id", f"{where} is defined twice", line,
                           f"first defined on line {first[item_id]}")
                continue
            first[item_id] = line
            yield item, line, item_id, where

    def ladder(self, data: Any) -> Ladder:
        if not isinstance(data, dict):
            self.error("bad-value", "a ladder file must be a mapping with 'roles' and 'moves'",
                       line_of(data))
            return Ladder.build(id="", name="")
        self.unknown_keys(data, self.keys[""], "ladder", line_of(data))
        ladder_id = self.text(data, "id", "ladder", required=False) or Path(self.file).stem
        name = self.text(data, "name", "ladder", required=False) or ladder_id
        sources = self.sources(data)
        tracks = self.tracks(data)
        areas = self.areas(data, sources)
        roles = self.roles(data, tracks, sources, areas)
        moves = self.moves(data, roles, sources)
        variants = self.variants(data, roles, sources)
        points = self.points(data, roles, areas)
        self.check_promotions_acyclic(moves)
        self.check_names(roles)
        self.check_headcounts(variants)
        return Ladder.build(
            id=ladder_id, name=name, summary=str(data.get("summary") or "").strip(),
            tracks=tracks, roles=roles, moves=moves, variants=variants, sources=sources,
            areas=areas, points=points, file=self.file, cumulative=self.flag(data, "cumulative"),
        )

    def flag(self, data: Mapping[str, Any], key: str) -> bool:
        """A true/false key (absent: false)."""
        value = data.get(key, False)
        if not isinstance(value, bool):
            self.error("bad-value", f"'{key}' must be true or false, not '{value}'",
                       line_of(data, key))
            return False
        return value

    def sources(self, data: Mapping[str, Any]) -> dict[str, Source]:
        found: dict[str, Source] = {}
        for item, _line in self.items(data, "sources"):
            source_id = self.text(item, "id", "source")
            practice = item.get("practice", False)
            if not isinstance(practice, bool):
                self.error("bad-value", f"source '{source_id}': 'practice' must be true or "
                           "false", line_of(item, "practice"))
                practice = False
            found[source_id] = Source(
                source_id, self.text(item, "title", f"source '{source_id}'", required=False),
                url=item.get("url"), licence=item.get("licence"), practice=practice,
            )
        return found

    def tracks(self, data: Mapping[str, Any]) -> dict[str, Track]:
        found: dict[str, Track] = {}
        for item, _line, track_id, where in self.identified(data, "tracks", "track"):
            found[track_id] = Track(track_id, self.text(item, "name", "track", required=False)
                                    or track_id, self.colour(item, where))
        return found

    def roles(self, data: Mapping[str, Any], tracks: dict[str, Track], sources: dict[str, Source],
              areas: dict[str, Area]) -> dict[str, Role]:
        found: dict[str, Role] = {}
        for item, line, role_id, where in self.identified(data, "roles", "role",
                                                          required=True):
            level = item.get("level")
            if not isinstance(level, int) or isinstance(level, bool):
                self.error("bad-value", f"{where}: 'level' must be a whole number",
                           line_of(item, "level" if "level" in item else None))
                level = 0
            track = self.text(item, "track", where, required=False) or "default"
            if tracks and track not in tracks:
                self.error("unknown-track", f"{where}: track '{track}' is not defined",
                           line_of(item, "track"), did_you_mean(track, tracks))
            source = self.known_source(item, sources, where)
            aliases = self.aliases(item, sources, where)
            found[role_id] = Role(
                id=role_id,
                title=self.text(item, "title", where, required=False) or role_id,
                level=level,
                track=track,
                aliases=tuple(name for name, _ in aliases),
                competencies=self.competencies(item, sources, where),
                summary=" ".join(str(item.get("summary") or "").split()),
                source=source,
                line=line,
                expectations=self.expectations(item, sources, areas, where),
                level_source=self.known_source(item, sources, where, "level_source"),
                summary_source=self.known_source(item, sources, where, "summary_source"),
                alias_sources=tuple((name, cited) for name, cited in aliases if cited),
            )
        if not tracks:
            tracks["default"] = Track("default", "Roles")
        return found

    def known_source(self, item: Mapping[str, Any], sources: dict[str, Source],
                     where: str, key: str = "source") -> str | None:
        """The source id under ``key`` (``source``, ``level_source``, ...), checked against the
        ladder's ``sources``; None when not given."""
        source = item.get(key)
        if isinstance(source, dict | list):
            self.error("bad-value", f"{where}: '{key}' must be a source id",
                       line_of(item, key))
            return None
        if source is not None and sources and source not in sources:
            self.error("unknown-source", f"{where}: {key} '{source}' is not listed in "
                       "'sources'", line_of(item, key), did_you_mean(str(source), sources))
        return None if source is None else str(source)

    def aliases(self, item: Mapping[str, Any], sources: dict[str, Source],
                where: str) -> list[tuple[str, str | None]]:
        """(alias, source id) of each alias: plain text, or ``{name, source}``."""
        found: list[tuple[str, str | None]] = []
        value = self.listed(item, "aliases", where)
        for index, entry in enumerate(value):
            if isinstance(entry, dict):
                self.unknown_keys(entry, ("name", "source"), f"{where}: alias",
                                  line_of(value, index))
                name = self.text(entry, "name", f"{where} alias")
                if name:
                    found.append((name, self.known_source(entry, sources, where)))
            elif isinstance(entry, list):
                self.error("bad-value", f"{where}: each of 'aliases' must be text or "
                           "{name, source}", line_of(value, index))
            elif entry is not None:
                found.append((str(entry).strip(), None))
        return found

    def competencies(self, item: Mapping[str, Any], sources: dict[str, Source],
                     where: str) -> tuple[Competency, ...]:
        found = []
        for entry in self.listed(item, "competencies", where):
            if isinstance(entry, dict):
                name = self.text(entry, "name", f"{where} competency")
                found.append(Competency(name, self.known_source(entry, sources, where)))
            else:
                found.append(Competency(str(entry).strip()))
        return tuple(found)

    # --- competency areas (the levels-by-areas matrix) ---------------------------------------

    def areas(self, data: Mapping[str, Any], sources: dict[str, Source]) -> dict[str, Area]:
        found: dict[str, Area] = {}
        for item, line, area_id, where in self.identified(data, "areas", "area"):
            milestones = tuple(
                self.statement(entry, sources, f"{where} milestone {index + 1}",
                               line_of(item.get("milestones"), index))
                for index, entry in enumerate(self.listed(item, "milestones", where)))
            colour = self.colour(item, where)
            found[area_id] = Area(
                id=area_id, name=self.text(item, "name", where, required=False) or area_id,
                colour=colour,
                group=self.text(item, "group", where, required=False) or None,
                summary=" ".join(str(item.get("summary") or "").split()),
                source=self.known_source(item, sources, where), milestones=milestones,
                line=line,
                summary_source=self.known_source(item, sources, where, "summary_source"),
                group_source=self.known_source(item, sources, where, "group_source"),
            )
        return found

    def colour(self, item: Mapping[str, Any], where: str) -> str | None:
        """A track's or an area's ``colour`` (or ``color``): a colour, or reported."""
        key = "colour" if "colour" in item else "color"
        value = item.get(key)
        if value is None or value == "":
            return None
        if not is_colour(value):
            self.error("bad-value", f"{where}: {str(value)[:60]!r} is not a colour",
                       line_of(item, key), 'use "#rrggbb", "#rgb" or a colour name such as teal')
            return None
        return value

    def statement(self, entry: Any, sources: dict[str, Source], where: str,
                  line: int | None) -> Statement:
        """A statement: plain text, or {text, examples, signals, options, source}."""
        if isinstance(entry, dict):
            self.unknown_keys(entry, self.keys["statement"], f"{where}: statement", line,
                              otherwise="a statement holding ', ' inside {...} needs quotes")
            texts = {key: tuple(" ".join(str(e).split()) for e in self.listed(entry, key, where))
                     for key in ("examples", "signals", "options")}
            return Statement(" ".join(self.text(entry, "text", where).split()),
                             texts["examples"], texts["signals"],
                             self.known_source(entry, sources, where), texts["options"])
        if isinstance(entry, list) or entry is None or not str(entry).strip():
            self.error("bad-value", f"{where}: a statement must be text or a mapping with "
                       "'text'", line)
            return Statement("")
        return Statement(" ".join(str(entry).split()))

    def expectations(self, item: Mapping[str, Any], sources: dict[str, Source],
                     areas: dict[str, Area],
                     where: str) -> tuple[tuple[str, tuple[Statement, ...]], ...]:
        """``expectations: {area id: [statements]}``, kept in the ladder's area order."""
        given = item.get("expectations")
        if given is None:
            return ()
        if not isinstance(given, dict):
            self.error("bad-value", f"{where}: 'expectations' must map area ids to lists of "
                       "statements", line_of(item, "expectations"))
            return ()
        found: dict[str, tuple[Statement, ...]] = {}
        for area_id, entries in given.items():
            if area_id not in areas:
                self.error("unknown-area", f"{where}: area '{area_id}' is not defined in "
                           "'areas'", line_of(given, area_id),
                           did_you_mean(area_id, areas) or "add it under 'areas:'")
                continue
            if isinstance(entries, str):
                entries = [entries]
            if not isinstance(entries, list):
                self.error("bad-value", f"{where}: expectations for '{area_id}' must be a list",
                           line_of(given, area_id))
                continue
            found[area_id] = tuple(
                self.statement(entry, sources, f"{where} {area_id}", line_of(entries, index))
                for index, entry in enumerate(entries))
        return tuple((area_id, found[area_id]) for area_id in areas if area_id in found)

    def points(self, data: Mapping[str, Any], roles: dict[str, Role],
               areas: dict[str, Area]) -> PointScale | None:
        """``points: {milestones: [0, 1, 3, ...], titles: [{points, role}]}``."""
        given = data.get("points")
        if given is None:
            return None
        where = "points"
        if not isinstance(given, dict):
            self.error("bad-value", "'points' must be a mapping with 'milestones' and 'titles'",
                       line_of(data, "points"))
            return None
        worth = self.listed(given, "milestones", where)
        if not worth or not all(isinstance(w, int) and not isinstance(w, bool) for w in worth):
            self.error("bad-value", "points: 'milestones' must list whole numbers of points, "
                       "one per milestone from 0", line_of(given, "milestones"))
            return None
        longest = max((len(a.milestones) for a in areas.values()), default=0)
        if len(worth) < longest + 1:
            self.error("bad-value", f"points: 'milestones' gives {len(worth)} values, but an "
                       f"area has {longest} milestones (list {longest + 1}, from milestone 0)",
                       line_of(given, "milestones"))
        thresholds: list[tuple[int, str]] = []
        for index, entry in enumerate(self.listed(given, "titles", where)):
            line = line_of(given.get("titles"), index)
            if not isinstance(entry, dict) or not isinstance(entry.get("points"), int):
                self.error("bad-value", "points: each title needs 'points' (a whole number) "
                           "and 'role'", line)
                continue
            role_id = self.text(entry, "role", "points title")
            if role_id and role_id not in roles:
                self.error("unknown-role", f"points: role '{role_id}' is not a role",
                           line_of(entry, "role"), did_you_mean(role_id, roles))
                continue
            if thresholds and entry["points"] < thresholds[-1][0]:
                self.error("bad-value", "points: titles must not go down in points", line,
                           f"the one before needs {thresholds[-1][0]}")
                continue
            thresholds.append((entry["points"], role_id))
        return PointScale(tuple(worth), tuple(thresholds))

    def moves(self, data: Mapping[str, Any], roles: dict[str, Role],
              sources: dict[str, Source]) -> list[Move]:
        found: list[Move] = []
        seen: set[tuple[str, str]] = set()
        for item, line in self.items(data, "moves"):
            ends = []
            for key in ("from", "to"):
                role_id = self.text(item, key, "move")
                if role_id and role_id not in roles:
                    self.error("unknown-role", f"move {key} '{role_id}': no such role",
                               line_of(item, key), did_you_mean(role_id, roles))
                    role_id = ""
                ends.append(role_id)
            kind = str(item.get("kind") or PROMOTION)
            if kind not in MOVE_KINDS:
                self.error("bad-value", f"move kind '{kind}' is not one of "
                           f"{', '.join(MOVE_KINDS)}", line_of(item, "kind"),
                           did_you_mean(kind, MOVE_KINDS))
            span = self.years(item)
            source, target = ends
            if not (source and target):
                continue
            if source == target:
                self.error("self-move", f"move from '{source}' to itself", line)
                continue
            if kind == PROMOTION and roles[target].level < roles[source].level:
                self.error("bad-value", f"promotion from '{source}' (level "
                           f"{roles[source].level}) to '{target}' (level {roles[target].level})"
                           " goes down the ladder", line,
                           "make it kind: lateral, or check the two levels")
            if (source, target) in seen:
                self.error("duplicate-move", f"move {source} -> {target} is given twice", line)
                continue
            seen.add((source, target))
            found.append(Move.taking(source, target, kind, span, line, self.known_source(
                item, sources, f"move {source} -> {target}", "years_source")))
        return found

    def years(self, item: Mapping[str, Any]) -> tuple[float, float] | None:
        """A move's typical years, ``2.5`` or a range ``"2-3 years"``, as (low, high)."""
        years = item.get("years")
        if years is None:
            return None
        span = read_years(years)
        if span is None:
            self.error("bad-value", f"move years must be a number of years or a range such as "
                       f"'2-3 years', not '{years}'", line_of(item, "years"))
        return span

    def variants(self, data: Mapping[str, Any], roles: dict[str, Role],
                 sources: dict[str, Source]) -> dict[str, VariantSpec]:
        found: dict[str, VariantSpec] = {}
        for item, line, variant_id, where in self.identified(data, "variants", "variant"):
            kept = []
            for key in ("roles", "head_choices"):
                names = self.names(item, key, where)
                for index, role_id in enumerate(names):
                    if str(role_id) not in roles:
                        self.error("unknown-role", f"{where}: {key} names '{role_id}', which "
                                   "is not a role", line_of(item.get(key), index),
                                   did_you_mean(str(role_id), roles))
                kept.append(tuple(str(r) for r in names if str(r) in roles))
            head = item.get("head")
            if head is not None and str(head) not in roles:
                self.error("unknown-role", f"{where}: head '{head}' is not a role",
                           line_of(item, "head"), did_you_mean(str(head), roles))
                head = None
            low, high = 1, None
            bounds = item.get("headcount")
            if bounds is not None:
                if (not isinstance(bounds, list) or len(bounds) != 2
                        or not isinstance(bounds[0], int)
                        or not (bounds[1] is None or isinstance(bounds[1], int))):
                    self.error("bad-value", f"{where}: headcount must be [low, high] "
                               "(high may be null)", line_of(item, "headcount"))
                else:
                    low, high = bounds
                    self.sized.add(variant_id)
            titles = item.get("titles") or {}
            for role_id in titles:
                if role_id not in roles:
                    self.error("unknown-role", f"{where}: titles names '{role_id}', which is "
                               "not a role", line_of(titles, role_id),
                               did_you_mean(role_id, roles))
            found[variant_id] = VariantSpec(
                id=variant_id,
                name=self.text(item, "name", where, required=False) or variant_id,
                summary=" ".join(str(item.get("summary") or "").split()),
                roles=kept[0],
                head=None if head is None else str(head),
                head_choices=kept[1],
                titles=tuple((str(k), str(v)) for k, v in titles.items() if k in roles),
                headcount=(low, high),
                line=line,
                source=self.known_source(item, sources, where),
            )
        return found

    def check_names(self, roles: dict[str, Role]) -> None:
        """Aliases that name another role's title, or that two roles share (see
        :func:`ladder.model.titles.name_clashes`)."""
        for role, text in name_clashes(roles.values()):
            self.problems.append(Problem("warning", "alias-clash", f"role '{role.id}': {text}",
                                         self.file, role.line))

    def check_headcounts(self, variants: dict[str, VariantSpec]) -> None:
        """Two variants for one company size: ``--headcount`` would pick the first silently."""
        specs = [spec for spec in variants.values() if spec.id in self.sized]
        for index, spec in enumerate(specs):
            low, high = spec.headcount
            for other in specs[:index]:
                other_low, other_high = other.headcount
                if (high is None or other_low <= high) and (other_high is None
                                                            or low <= other_high):
                    self.problems.append(Problem(
                        "warning", "headcount-overlap",
                        f"variant '{spec.id}': headcount {_span(spec)} overlaps variant "
                        f"'{other.id}' ({_span(other)})", self.file, spec.line,
                        hint=f"--headcount picks '{other.id}' for those sizes; make the ranges "
                        "meet without overlapping"))

    def check_promotions_acyclic(self, moves: list[Move]) -> None:
        cycle = promotion_cycle(moves)
        if cycle:
            self.error("cycle", f"promotions go round in a circle: {describe_cycle(cycle)}",
                       min((m.line for m in cycle if m.line), default=None),
                       "a promotion must lead to a more senior role")


def builtin_text(name: str) -> str:
    """The YAML file of a built-in ladder, comments and all: a start for a ladder of your own.

    >>> builtin_text("product").startswith("#")
    True
    """
    if name not in builtin_names():
        raise SourceError(f"no built-in ladder called '{name}'",
                          hint=did_you_mean(name, builtin_names()) or
                          f"built-in ladders: {', '.join(builtin_names())}")
    return (BUILTIN_FOLDER / f"{name}.yaml").read_text(encoding="utf-8")


def _span(spec: VariantSpec) -> str:
    low, high = spec.headcount
    return f"{low}-{high}" if high is not None else f"{low} and up"
