"""The draft every framework importer fills: the ladder document as plain data, with the
source's words, and the small helpers the importers share (ids, names, the source entry)."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ladder.errors import SourceError

# Bounds of an import: a framework bigger than these is not a career ladder, and some steps
# grow faster than the input (a 90-byte 'levels: 100000' once hung the import).
MAX_LEVELS = 100  # levels (roles on one track) a framework may declare
MAX_HEADINGS = 5_000  # headings of a Markdown handbook
MAX_ROLES = 5_000  # roles of one framework (FT's engineering family has 11; a handbook of
# MAX_HEADINGS headings may hold as many)
MAX_AREAS = 1_000  # areas (competencies, topics, tracks) of one framework
MAX_STATEMENTS = 100_000  # statements of all roles together
LICENCE_FILES = ("LICENSE", "LICENSE.md", "LICENSE.txt", "LICENCE", "COPYING")


@dataclass
class Draft:
    """A ladder document being built from a framework file (plain data, as the YAML holds)."""

    id: str
    name: str
    summary: str = ""
    sources: list[dict[str, Any]] = field(default_factory=list)
    tracks: list[dict[str, Any]] = field(default_factory=list)
    areas: list[dict[str, Any]] = field(default_factory=list)
    roles: list[dict[str, Any]] = field(default_factory=list)
    moves: list[dict[str, Any]] = field(default_factory=list)
    points: dict[str, Any] | None = None
    notes: list[str] = field(default_factory=list)  # what the import decided, for the reader
    warnings: list[str] = field(default_factory=list)  # said on stderr as the import runs
    # statements the import could not place on a role and area: (text, line); never dropped
    unplaced: list[tuple[str, int | None]] = field(default_factory=list)
    # a folder given for its one framework file: which file was read and what was skipped, why
    folder_note: str = ""

    def counts(self) -> DraftCounts:
        """What the draft holds, counted: for the line that says what an import recognised."""
        statements = [s for role in self.roles
                      for listed in (role.get("expectations") or {}).values() for s in listed]
        # a points framework (snowflake) grades areas on scales of milestones instead: its
        # words are the milestones' summaries, signals and examples, on no role
        milestones = [m for area in self.areas for m in area.get("milestones") or []]
        mappings = [s for s in statements + milestones if isinstance(s, dict)]
        return DraftCounts(
            roles=len(self.roles), tracks=len(self.tracks), areas=len(self.areas),
            statements=len(statements),
            examples=sum(len(s.get("examples") or []) for s in mappings),
            options=sum(len(s.get("options") or []) for s in mappings),
            unplaced=len(self.unplaced), milestones=len(milestones),
            signals=sum(len(s.get("signals") or []) for s in mappings))

    def document(self) -> dict[str, Any]:
        """The ladder file's content, keys in the order a reader expects."""
        data: dict[str, Any] = {"id": self.id, "name": self.name}
        if self.summary:
            data["summary"] = self.summary
        for key in ("sources", "tracks", "areas", "roles", "moves"):
            value = getattr(self, key)
            if value:
                data[key] = value
        if self.points:
            data["points"] = self.points
        return data


@dataclass(frozen=True)
class DraftCounts:
    roles: int
    tracks: int
    areas: int
    statements: int
    examples: int
    options: int
    unplaced: int
    milestones: int = 0  # steps of the areas' own scales (a points framework)
    signals: int = 0


def plain_name(text: str) -> str:
    """A heading without leading emoji or symbols: "🧠 Problem solving" -> "Problem solving"."""
    return re.sub(r"^[^\w(]+", "", " ".join(str(text).split())).strip() or str(text).strip()


def name_from_file(path: Path) -> str:
    """A ladder's name from its file's name when the file gives none: "product_roles.md" ->
    "Product roles" (only the first letter raised: "IC-ladder" stays "IC ladder").

    >>> name_from_file(Path("product_roles.md")), name_from_file(Path("IC-ladder.csv"))
    ('Product roles', 'IC ladder')
    """
    words = path.stem.replace("_", " ").replace("-", " ").strip()
    return words[:1].upper() + words[1:] or path.name


def licence_beside(path: Path) -> str | None:
    """The licence of a file, read from a LICENSE file in its folder or up to two folders above
    (a repository's licence covers its subfolders; SPDX id when known)."""
    for name, candidate in [(name, folder / name) for folder in list(path.parents)[:3]
                            for name in LICENCE_FILES]:
        if candidate.is_file():
            head = " ".join(candidate.read_text(encoding="utf-8", errors="replace")[:400].split())
            if head.startswith("MIT License"):
                return "MIT"
            if "Apache License" in head and "Version 2.0" in head:
                return "Apache-2.0"
            if head.startswith("Attribution 4.0 International"):
                return "CC-BY-4.0"
            return f"see {name} beside {path.name}"
    return None


def text_field(value: Any, where: str, *, file: str, line: int | None) -> str:
    """A field that holds a text, its spaces collapsed (a number is its text, nothing is
    ''); a list, a mapping or true/false there is a SourceError naming the field: a list once
    became the text "['x']" in the ladder, and a licence given as a list a traceback.

    >>> text_field(" Senior  engineer ", "name", file="f", line=2)
    'Senior engineer'
    >>> text_field(3, "level", file="f", line=1)
    '3'

    >>> text_field(["x"], "track 'Code' name", file="f.json", line=7)
    Traceback (most recent call last):
    ...
    ladder.errors.SourceError: f.json:7: track 'Code' name must be a text, not a list
    """
    if value is None:
        return ""
    if isinstance(value, bool | list | dict):
        kind = ("true or false" if isinstance(value, bool) else
                "a list" if isinstance(value, list) else "a mapping")
        raise SourceError(f"{where} must be a text, not {kind}", file=file, line=line)
    return " ".join(str(value).split())


def source_entry(path: Path, title: str, *, url: str | None = None,
                 id: str = "source") -> dict[str, Any]:
    """The ``sources`` entry naming the file a ladder was imported from, with its licence."""
    entry: dict[str, Any] = {"id": id, "title": title}
    if url:
        entry["url"] = url
    licence = licence_beside(path)
    if licence:
        entry["licence"] = licence
    return entry


def check_bounds(draft: Draft, file: str) -> None:
    """A SourceError when the draft holds more roles, areas or statements than a career
    ladder does: every reader's last step, so that no drawing, matrix or file of it grows
    past what a person reads."""
    found = draft.counts()
    for count, limit, what in ((found.roles, MAX_ROLES, "roles"),
                               (found.areas, MAX_AREAS, "areas"),
                               (found.statements, MAX_STATEMENTS, "statements")):
        if count > limit:
            raise SourceError(f"{count:,} {what}: a career ladder has at most {limit:,}",
                              file=file, hint="is this a career ladder? import a part of it")


def chain_moves(draft: Draft) -> None:
    """Promotions from each role to the next level up: in its own track where it has one,
    else from the nearest lower role (a shared trunk below a split into tracks); of several
    roles on that level, the last one before it."""
    everyone = _Below()
    tracks: dict[str, _Below] = {}
    for role in draft.roles:
        track = tracks.setdefault(role["track"], _Below())
        previous = track.under(role["level"]) or everyone.under(role["level"])
        if previous is not None:
            draft.moves.append({"from": previous["id"], "to": role["id"], "kind": "promotion"})
        track.add(role)
        everyone.add(role)


class _Below:
    """The roles seen so far, by level: the last one of the highest level below a given one is
    a look-up, not a walk back through every role (a folder of thousands of role pages made
    that quadratic)."""

    def __init__(self) -> None:
        self.levels: list[Any] = []  # the levels seen, sorted
        self.last: dict[Any, dict[str, Any]] = {}  # level -> the last role seen on it

    def add(self, role: dict[str, Any]) -> None:
        if role["level"] not in self.last:
            bisect.insort(self.levels, role["level"])
        self.last[role["level"]] = role

    def under(self, level: Any) -> dict[str, Any] | None:
        below = bisect.bisect_left(self.levels, level)
        return self.last[self.levels[below - 1]] if below else None
