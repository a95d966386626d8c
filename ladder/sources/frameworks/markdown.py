"""Career ladders kept as Markdown handbooks: a heading per role, and under it the role's areas,
either as sub-headings with bullet points (OctopusDeploy/People) or as a two-column table of
area and statements (kolbis/Career-Paths).

The role headings are the shallowest heading level that has at least two headings with
sub-headings or tables under them; headings above them name the ladder. A role's level is the
"L<n>" in its heading when it has one, else its place in the file; "IC" and "EM" in a heading
put it on the individual or management track. A cell that says "Same as <role>" takes that
role's statements.

When the roles share their area names (kolbis: Execution, Culture, ...), each name is one row
of the matrix. When each role names its own (Octopus: "I discover the needs...", "I build a
trusted network..."), the rows follow the order of the sections instead: theme 1 is every
role's first section, and each section's heading is its statement, its bullets the examples.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ladder.errors import SourceError
from ladder.sources.document import read_text_file
from ladder.sources.frameworks.draft import (
    MAX_HEADINGS,
    Draft,
    chain_moves,
    plain_name,
    source_entry,
    text_field,
)
from ladder.sources.frameworks.outline import (
    HEADING,
    PIPE_ROW,
    PIPE_SEPARATOR,
    RULE,
    front_matter,
    front_matter_end,
)
from ladder.text import slug

BULLET = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(.*)$")
LEVEL = re.compile(r"\bL(\d+)\b")
SAME_AS = re.compile(r"^same as (.+?)\.?$", re.IGNORECASE)


def clean(text: str) -> str:
    """Markdown and HTML markup out of a statement: emphasis, tags, bullets, spacing.

    >>> clean("<p>- You are **great**</p>")
    'You are great'
    """
    text = re.sub(r"<[^>]+>", " ", text)
    text = re.sub(r"(\*\*|__|`)", "", text)
    text = " ".join(text.split())
    return re.sub(r"^[-*+]\s+", "", text).strip()


def cell_statements(cell: str) -> list[str]:
    """The statements of a table cell: one per ``<p>``, ``<br>`` or "- " item."""
    parts = re.split(r"</?p>|<br\s*/?>", cell)
    return [clean(p) for p in parts if clean(p)]


@dataclass
class Section:
    heading: str
    line: int
    depth: int
    text: list[tuple[str, int]] = field(default_factory=list)  # paragraphs and quotes
    bullets: list[tuple[str, int]] = field(default_factory=list)
    rows: list[tuple[list[str], int]] = field(default_factory=list)  # table rows
    children: list[Section] = field(default_factory=list)


def sections(lines: list[str]) -> list[Section]:
    """Headings in file order, each with the text, bullets and table rows right under it."""
    found = [Section("", 0, 0)]
    fenced = False
    for number, line in enumerate(lines, start=1):
        if line.strip().startswith("```"):
            fenced = not fenced
            continue
        if fenced or not line.strip() or RULE.match(line):
            continue
        heading = HEADING.match(line)
        if heading:
            found.append(Section(clean(heading.group(2)), number, len(heading.group(1))))
            continue
        current = found[-1]
        row = PIPE_ROW.match(line)
        if row:
            cells = [c.strip() for c in row.group(1).split("|")]
            if not PIPE_SEPARATOR.match(row.group(1)):
                current.rows.append((cells, number))
            continue
        bullet = BULLET.match(line)
        if bullet:
            current.bullets.append((clean(bullet.group(1)), number))
        elif clean(line.lstrip("> ")):
            current.text.append((clean(line.lstrip("> ")), number))
    return found


# Words that headings of roles hold; a handbook without them (a README) is not a ladder.
ROLE_WORDS = re.compile(
    r"\b(L\d+|level|junior|associate|senior|staff|principal|lead|head|director|chief|vp|"
    r"manager|engineer|developer|designer|scientist|analyst|owner|architect|officer|"
    r"consultant|specialist|intern|ic\d*|em|m\d)\b", re.IGNORECASE)


def heading_count(lines: list[str]) -> int:
    """The headings :func:`sections` would find (outside code fences), counted cheaply."""
    fenced, count = False, 0
    for line in lines:
        if line.strip().startswith("```"):
            fenced = not fenced
        elif not fenced and line.startswith("#") and HEADING.match(line):
            count += 1
    return count


def check_heading_count(lines: list[str], file: str, what: str) -> None:
    """A SourceError when the text has more headings than ``what`` (a kind of ladder file) may
    have: counted before its outline is built, which is the slow part."""
    headings = heading_count(lines)
    if headings > MAX_HEADINGS:
        raise SourceError(f"{headings:,} headings: {what} has at most {MAX_HEADINGS:,}",
                          file=file, hint="is this a career ladder? a heading per role, its "
                          "areas below")


def looks_like_ladder(text: str) -> bool:
    """True when the Markdown has role sections whose headings mostly name roles."""
    lines = without_front_matter(text)
    if heading_count(lines) > MAX_HEADINGS:
        return True  # a handbook's shape, too big: reading it says so
    found = sections(lines)
    depth = _role_depth(found)
    if depth is None:
        return False
    headings = [s.heading for s in found if s.depth == depth]
    return sum(bool(ROLE_WORDS.search(h)) for h in headings) * 2 >= len(headings) >= 2


def _role_depth(found: list[Section]) -> int | None:
    """The shallowest heading depth with two or more headings that have areas under them."""
    for depth in range(1, 7):
        with_areas = 0
        for index, section in enumerate(found):
            if section.depth != depth:
                continue
            # everything up to the next heading of this depth or shallower is deeper: it has
            # something under it when the very next heading is deeper (linear: 200,000
            # headings once took quadratic time here)
            following = found[index + 1] if index + 1 < len(found) else None
            if section.rows or (following is not None and following.depth > depth):
                with_areas += 1
        if with_areas >= 2:
            return depth
    return None


def without_front_matter(text: str) -> list[str]:
    """The lines of a Markdown text with its front matter blanked (line numbers kept)."""
    lines = text.lstrip("\ufeff").splitlines()
    end = front_matter_end(lines)
    return [""] * end + lines[end:]


def read(path: Path) -> Draft:
    """The draft ladder of a Markdown handbook."""
    file = str(path)
    text = read_text_file(path)
    meta = front_matter(text, file)
    lines = without_front_matter(text)
    check_heading_count(lines, file, "a handbook ladder")
    found = sections(lines)
    depth = _role_depth(found)
    if depth is None:
        headings = sum(1 for s in found if s.depth)
        raise SourceError(
            f"no role sections found ({headings} headings, none of one level with areas "
            "under them)", file=file, line=1,
            hint="expected a heading per role (e.g. '## Senior PM') with its areas as "
                 "sub-headings with bullets, or as a table of area | statements")
    # group: role sections and what sits under them; headings above name the ladder
    roles: list[tuple[Section, list[Section]]] = []
    preamble: list[Section] = []
    for section in found:
        if section.depth == depth:
            roles.append((section, []))
        elif roles and section.depth > depth:
            roles[-1][1].append(section)
        elif section.depth and section.depth < depth or not roles:
            preamble.append(section)
    # a heading of the role level with no areas under it is an introduction, not a role
    preamble += [role for role, under in roles if not (under or role.rows)]
    roles = [(role, under) for role, under in roles if under or role.rows]
    titled = sorted((s for s in preamble if s.depth), key=lambda s: s.line)
    name = plain_name(text_field(meta.get("title"), "front matter 'title'", file=file,
                                 line=None)) or (
        titled[0].heading if titled else path.stem)
    summary = " ".join(text for s in sorted(preamble, key=lambda s: s.line)
                       for text, _ in [*s.text, *s.bullets])
    draft = Draft(id=slug(name), name=name, summary=summary)
    draft.sources.append(source_entry(path, f"{name} ({path.name})"))
    # areas per role: (area name, statements, group, line) in the order of the file; a table
    # under a sub-heading ("Responsibility & Growth") makes that heading its areas' group
    per_role: list[list[tuple[str, list[str], str | None, int]]] = []
    for role, under in roles:
        areas: list[tuple[str, list[str], str | None, int]] = []
        for section in [role, *under]:
            group = None if section is role else section.heading
            for cells, line in section.rows[1:] if section.rows else []:
                if len(cells) < 2:
                    raise SourceError("table row: expected two cells, the area and its "
                                      "statements", file=file, line=line)
                areas.append((clean(cells[0]), cell_statements(cells[1]), group, line))
            if section is role:
                continue
            items = [text for text, _ in section.bullets]
            if items or not section.rows:
                areas.append((section.heading, [t for t, _ in section.text] + items, None,
                              section.line))
        per_role.append(areas)
    names = [a[0].casefold() for areas in per_role for a in areas]
    # how many roles hold each area name (counted once: a scan per name was quadratic)
    holders = Counter(n for areas in per_role for n in {a[0].casefold() for a in areas})
    shared = {n for n in names if holders[n] > 1}
    by_position = len(shared) * 2 < len(set(names))
    ids: set[str] = set()
    tracks: list[str] = []
    for number, ((role, _under), areas) in enumerate(zip(roles, per_role, strict=True), 1):
        level = LEVEL.search(role.heading)
        track = ("management" if re.search(r"\b(EM|M\d)\b", role.heading)
                 else "ic" if re.search(r"\bIC\b", role.heading) else "main")
        if track not in tracks:
            tracks.append(track)
        entry = {"id": slug(role.heading, ids), "title": role.heading,
                 "level": int(level.group(1)) if level else number, "track": track,
                 "source": "source"}
        if role.text:
            entry["summary"] = " ".join(t for t, _ in role.text)
        expectations: dict[str, list] = {}
        for position, (area, statements, group, _line) in enumerate(areas, start=1):
            if by_position:
                key = _area(draft, f"Theme {position}", by_position=True)
                expectations.setdefault(key, []).append(
                    {"text": area, "examples": statements} if statements else area)
            elif statements:
                expectations.setdefault(_area(draft, area, group=group), []).extend(statements)
        entry["expectations"] = expectations
        draft.roles.append(entry)
    names_of = {"ic": "Individual contributor", "management": "Management", "main": name}
    draft.tracks = [{"id": t, "name": names_of[t]} for t in tracks]
    _resolve_same_as(draft)
    draft.roles = [r for r in draft.roles if r["expectations"] or r.pop("expectations")]
    chain_moves(draft)
    draft.notes.append(
        "Levels come from 'L<n>' in the headings, else the order of the roles in the file; "
        "IC/EM in a heading set the track; promotions go to the next level up. "
        + ("Each role names its own sections, so the rows are the sections in order "
           "(theme 1 is each role's first): the heading is the statement, the bullets its "
           "examples." if by_position else "Areas are the sections or table rows the roles "
           "share by name."))
    return draft


def _area(draft: Draft, name: str, *, by_position: bool = False,
          group: str | None = None) -> str:
    """The id of the area called ``name``, added when new. A name that is the end of a known
    one after " - " ("You and your Team" for "Leadership - You and your Team") is that area."""
    wanted = name.casefold()
    for area in draft.areas:
        known = area["name"].casefold()
        if known == wanted or known.endswith(f" - {wanted}") or wanted.endswith(f" - {known}"):
            return area["id"]
    area_id = slug(name, {a["id"] for a in draft.areas})
    entry = {"id": area_id, "name": name, "source": "source"}
    if group:
        entry["group"] = group
    if by_position:
        entry["summary"] = "The role's section at this place in the file (roles name their own)."
    draft.areas.append(entry)
    return area_id


def _resolve_same_as(draft: Draft) -> None:
    """"Same as L3" in a cell: the statements of the role whose title holds "L3"."""
    for role in draft.roles:
        for area_id, statements in role["expectations"].items():
            texts = [s for s in statements if isinstance(s, str)]
            match = SAME_AS.match(texts[0]) if len(texts) == 1 == len(statements) else None
            if not match:
                continue
            wanted = match.group(1).casefold()
            for other in draft.roles:
                if other is not role and re.search(rf"\b{re.escape(wanted)}\b",
                                                   other["title"].casefold()):
                    copied = other["expectations"].get(area_id)
                    if copied and not (len(copied) == 1 and SAME_AS.match(str(copied[0]))):
                        role["expectations"][area_id] = list(copied)
                    break
