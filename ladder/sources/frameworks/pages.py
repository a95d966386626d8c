"""Ladders published as prose: a heading per role in one Markdown file, or a folder with one
page per role (a Hugo or Jekyll site: front matter ``title`` and ``weight``).

Under each role: its statements as bullets or paragraphs, directly (postman's career ladders)
or under area headings, which may be grouped one level up ("Functional Competencies" >
"Management", InfraCloud). What is not a statement is kept as what it is:

- an italic paragraph is a note on the role: its summary;
- "Experience: ... a minimum of N years ..." is the role's summary too, and the difference
  between two roles' years is the typical years of the promotion between them;
- a section that is a table (typical tenure, the split of one's time) is the role's summary,
  and a tenure of "~2-3 year" gives the promotion out of the role its typical years (2.5);
- bullets nested under a statement are its options when it says "one of the following"
  (or "any of", "either"), otherwise its examples.

Roles are ordered by ``weight``, then by file name (a folder), or by their place in the file,
and each is promoted to the next; one track.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ladder.errors import SourceError
from ladder.sources.document import read_text_file
from ladder.sources.formats import MARKDOWN, suffixes
from ladder.sources.frameworks.draft import (
    MAX_AREAS,
    MAX_ROLES,
    Draft,
    chain_moves,
    name_from_file,
    plain_name,
    source_entry,
    text_field,
)
from ladder.sources.frameworks.markdown import ROLE_WORDS, check_heading_count
from ladder.sources.frameworks.outline import Item, Part, front_matter, parse
from ladder.text import plural, slug, years_phrase

INDEX_PAGES = ("_index", "index", "readme")  # a section's own page: the ladder's name and intro
OPTIONS = re.compile(r"\b(one of|any of|either|choose|following)\b", re.IGNORECASE)
EXPERIENCE = re.compile(r"^\s*(?:typical\s+)?experience\b", re.IGNORECASE)
YEARS = re.compile(r"(\d+(?:\.\d+)?)(?:\s*(?:-|–|to)\s*(\d+(?:\.\d+)?))?\s*\+?\s*years?\b",
                   re.IGNORECASE)
TENURE = re.compile(r"\b(tenure|years? in (?:the )?role|time in (?:the )?role)\b", re.IGNORECASE)
GENERAL_AREA = "Expectations"  # statements written right under a role, with no area heading


def years_in(text: str) -> float | None:
    """The years a text gives, the middle of a range: "~2-3 year" -> 2.5.

    >>> years_in("a minimum of 4 years of professional experience"), years_in("~2-3 year")
    (4.0, 2.5)
    """
    found = YEARS.search(text)
    if found is None:
        return None
    low = float(found.group(1))
    return (low + float(found.group(2))) / 2 if found.group(2) else low


def years_as_given(text: str) -> float | str | None:
    """The years a text gives, a range kept as a range for the ladder file: "~2-3 year" ->
    "2-3 years" (the ladder reads it as typical years 2 to 3), "~1 year" -> 1.0.

    >>> years_as_given("~2-3 year"), years_as_given("~1 year"), years_as_given("soon")
    ('2-3 years', 1.0, None)
    """
    found = YEARS.search(text)
    if found is None or not found.group(2):
        return years_in(text)
    return years_phrase((float(found.group(1)), float(found.group(2))))


class RoleReader:
    """Fills a draft role by role, sharing areas by name (within their group)."""

    def __init__(self, draft: Draft, file: str) -> None:
        self.draft, self.file = draft, file
        self.role_ids: set[str] = set()
        # areas by (name without case, group), and their ids: looked up once per statement,
        # so a dict, not a walk through the areas (thousands of areas made that quadratic)
        self.area_by_name: dict[tuple[str, str | None], str] = {}
        self.area_ids: set[str] = set()
        # (experience, tenure): a tenure range stays one ("2-3 years")
        self.years: list[tuple[float | None, float | str | None]] = []

    def add_role(self, title: str, content: Part) -> None:
        if len(self.draft.roles) >= MAX_ROLES:
            raise SourceError(f"more than {MAX_ROLES:,} roles: a career ladder has fewer",
                              file=self.file, hint="is this a career ladder? a heading or "
                              "a page per role")
        summary: list[str] = []
        expectations: dict[str, list[Any]] = {}
        experience: float | None = None
        tenure: float | str | None = None
        for item in content.items:
            if EXPERIENCE.match(item.text) or (item.italic and not item.children):
                summary.append(item.text)
                if EXPERIENCE.match(item.text):
                    experience = years_in(item.text)
            else:
                self._add(expectations, GENERAL_AREA, None, item)
        for part in content.parts:
            if part.rows and not any(i.bullet for i in part.items) and not part.parts:
                # a table of indicators: the words go to the summary, a tenure to the years
                summary += [f"{part.title}:", *(i.text for i in part.items)]
                for cells, _line in part.rows:
                    summary.append(": ".join(c for c in cells if c))
                    if any(TENURE.search(c) for c in cells):
                        tenure = years_as_given(" ".join(cells))
                continue
            group = part.title if part.parts else None
            for item in part.items:
                self._add(expectations, part.title, group, item)
            self._table_statements(expectations, part.title, group, part)
            for area in part.parts:
                for inner in area.walk():
                    for item in inner.items:
                        self._add(expectations, area.title, group, item)
                    self._table_statements(expectations, area.title, group, inner)
        role: dict[str, Any] = {"id": slug(title, self.role_ids), "title": title,
                                "level": len(self.draft.roles) + 1, "track": "main",
                                "source": "source"}
        if summary:
            role["summary"] = " ".join(summary)
        role["expectations"] = expectations
        self.draft.roles.append(role)
        self.years.append((experience, tenure))

    def _table_statements(self, expectations: dict[str, list[Any]], area: str,
                          group: str | None, part: Part) -> None:
        for cells, line in part.rows:
            text = ": ".join(c for c in cells if c)
            if text:
                self._add(expectations, area, group, Item(text, line, False))

    def _add(self, expectations: dict[str, list[Any]], area: str, group: str | None,
             item: Item) -> None:
        area_id = self._area(area, group)
        expectations.setdefault(area_id, []).append(statement(item))

    def _area(self, name: str, group: str | None) -> str:
        known = self.area_by_name.get((name.casefold(), group))
        if known is not None:
            return known
        if len(self.draft.areas) >= MAX_AREAS:
            raise SourceError(f"more than {MAX_AREAS:,} areas: a career ladder has fewer",
                              file=self.file, hint="is this a career ladder? a heading per "
                              "role, its areas below")
        entry: dict[str, Any] = {"id": slug(name, self.area_ids), "name": name}
        self.area_by_name[(name.casefold(), group)] = entry["id"]
        if group:
            entry["group"] = group
        entry["source"] = "source"
        self.draft.areas.append(entry)
        return str(entry["id"])

    def finish(self) -> None:
        """Promotions up the roles, with the years the source gives."""
        chain_moves(self.draft)
        index = {role["id"]: position for position, role in enumerate(self.draft.roles)}
        for move in self.draft.moves:
            before, after = self.years[index[move["from"]]], self.years[index[move["to"]]]
            if before[0] is not None and after[0] is not None and after[0] > before[0]:
                move["years"] = after[0] - before[0]
            elif before[1] is not None:
                move["years"] = before[1]


def statement(item: Item) -> Any:
    """A statement as the ladder file holds it; nested bullets are its options or examples."""
    if not item.children:
        return item.text
    children = [_flat(child) for child in item.children]
    return {"text": item.text, "options" if OPTIONS.search(item.text) else "examples": children}


def _flat(item: Item) -> str:
    return item.text if not item.children else (
        f"{item.text}: " + "; ".join(_flat(child) for child in item.children))


# --- one file, a heading per role -------------------------------------------------------------


def role_depth(root: Part) -> int | None:
    """The shallowest heading depth at which two or more headings hold statements (bullets or
    paragraphs) of their own or under their sub-headings."""
    parts = root.walk()[1:]
    for depth in range(1, 7):
        holding = [p for p in parts if p.depth == depth and not p.empty]
        if len(holding) >= 2:
            return depth
    return None


def looks_like_role_headings(text: str) -> bool:
    """True for a Markdown file whose headings of one depth are roles with statements."""
    root = parse(text)
    depth = role_depth(root)
    if depth is None:
        return False
    roles = [p for p in root.walk() if p.depth == depth and not p.empty]
    named = sum(bool(ROLE_WORDS.search(p.title)) for p in roles)
    stated = sum(len(p.items) + sum(len(q.items) for q in p.walk()[1:]) for p in roles)
    return named * 2 >= len(roles) >= 2 and stated >= 2 * len(roles)


def read_headings(path: Path) -> Draft:
    """The draft ladder of one Markdown file with a heading per role."""
    file = str(path)
    text = read_text_file(path)
    meta = front_matter(text, file)
    check_heading_count(text.splitlines(), file, "a ladder file")
    root = parse(text)
    depth = role_depth(root)
    if depth is None:
        raise SourceError("no role headings with statements under them", file=file, line=1,
                          hint="expected a heading per role ('# Senior Engineer') with bullets "
                               "or paragraphs under it")
    roles = [p for p in root.walk() if p.depth == depth and not p.empty]
    above = [p for p in root.walk()[1:] if p.depth < depth]
    name = plain_name(text_field(meta.get("title"), "front matter 'title'", file=file,
                                 line=None) or (above[0].title if above else "")
                      or name_from_file(path))
    intro = [i.text for p in [root, *above] for i in p.items]
    draft = Draft(id=slug(name), name=name, summary=" ".join(intro))
    draft.sources.append(source_entry(path, f"{name} ({path.name})"))
    draft.tracks.append({"id": "main", "name": name})
    reader = RoleReader(draft, file)
    for part in roles:
        reader.add_role(part.title, part)
    reader.finish()
    draft.notes.append(
        "Each heading of one depth is a role, in the order of the file, promoted to the next; "
        "statements under a role's own heading are its 'Expectations', sub-headings are areas; "
        "italic notes and 'Experience: ...' lines are the role's summary, and the years they "
        "give set the typical years of each promotion.")
    return draft


# --- a folder, a page per role ----------------------------------------------------------------


def role_pages(folder: Path) -> list[Path]:
    """The Markdown pages of a folder that are not its index page, in name order."""
    return sorted(p for p in folder.iterdir() if p.is_file()
                  and p.suffix.lower() in suffixes(MARKDOWN)
                  and p.stem.casefold() not in INDEX_PAGES)


def index_page(folder: Path) -> Path | None:
    """The section's own page (``_index.md``, ``index.md``, ``README.md``, any case), read
    as the ladder's name and intro; the first of INDEX_PAGES when there are several."""
    found = [p for p in folder.iterdir() if p.is_file() and p.suffix.lower()
             in suffixes(MARKDOWN) and p.stem.casefold() in INDEX_PAGES]
    return min(found, key=lambda p: (INDEX_PAGES.index(p.stem.casefold()), p.name),
               default=None)


def looks_like_role_pages(folder: Path) -> bool:
    """True for a folder with two or more Markdown pages that hold statements."""
    if not folder.is_dir():
        return False
    holding = 0
    for page in role_pages(folder):
        try:
            root = parse(read_text_file(page))
        except SourceError:
            continue
        holding += sum(len(p.items) for p in root.walk()) >= 2
        if holding >= 2:  # enough to tell: a folder of 100,000 pages is not read whole here
            return True
    return False


def read_folder(folder: Path) -> Draft:
    """The draft ladder of a folder of role pages."""
    pages = role_pages(folder)
    if len(pages) > MAX_ROLES:
        raise SourceError(f"a folder of {len(pages):,} Markdown pages: a career ladder has at "
                          f"most {MAX_ROLES:,} roles", file=str(folder),
                          hint="point at the folder of role pages")
    if len(pages) < 2:
        raise SourceError(f"a folder of {plural(len(pages), 'Markdown page')}: expected a page "
                          "per role", file=str(folder),
                          hint="put one .md page per role in the folder")
    index = index_page(folder)
    meta = front_matter(read_text_file(index), str(index)) if index else {}
    intro = parse(read_text_file(index)) if index else Part("", 0, 0)
    name = plain_name(text_field(meta.get("title"), "front matter 'title'",
                                 file=str(index), line=None)
                      or (intro.parts[0].title if intro.parts else "") or folder.name)
    draft = Draft(id=slug(name), name=name,
                  summary=" ".join(i.text for p in intro.walk() for i in p.items))
    draft.sources.append(source_entry(pages[0], f"{name} ({folder.name}/)"))
    draft.tracks.append({"id": "main", "name": name})
    read: list[tuple[float, str, str, Part]] = []
    for page in pages:
        text = read_text_file(page)
        data = front_matter(text, str(page))
        root = parse(text)
        title = str(data.get("title") or data.get("linktitle") or "").strip()
        if not title and root.parts and root.parts[0].depth == 1:
            # the page's own heading is its title; what sits under it is the role
            title, root = root.parts[0].title, root.parts[0]
        weight = data.get("weight")
        order = float(weight) if isinstance(weight, int | float) and not isinstance(
            weight, bool) else float("inf")
        read.append((order, page.name, title or name_from_file(page), root))
    reader = RoleReader(draft, str(folder))
    for _order, _name, title, root in sorted(read, key=lambda entry: entry[:2]):
        content = root
        if len(root.parts) == 1 and root.parts[0].depth == 1 and not root.items:
            content = root.parts[0]  # a page whose one H1 repeats the title
        reader.add_role(title, content)
    reader.finish()
    draft.notes.append(
        "Each page is a role, ordered by its front matter 'weight' (then file name) and "
        "promoted to the next; its headings are areas, grouped under the heading above them; "
        "tables of indicators are the role's summary, a tenure gives a promotion's years.")
    return draft
