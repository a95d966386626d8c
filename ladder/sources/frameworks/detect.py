"""Which career-framework format a file is in, told by its content, and what was seen when it
is none of them."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ladder.errors import SourceError
from ladder.sources.formats import DOCUMENT, MARKDOWN, TABLE, family_of, input_format
from ladder.sources.inputs import read_input
from ladder.text import plural

# Header words of the first columns of a wide framework sheet (an HR export has none of them).
AREA_HEADERS = ("area", "category", "theme", "topic", "competency", "skill", "dimension",
                "pillar", "attribute")
HEADING = re.compile(r"^(#{1,6})\s+\S", re.MULTILINE)


def front_matter(text: str) -> tuple[str, int] | None:
    """The YAML between the leading ``---`` lines and the line it starts on, or None."""
    lines = text.lstrip("\ufeff").splitlines()
    if not lines or lines[0].strip() != "---":
        return None
    for index in range(1, len(lines)):
        if lines[index].strip() in ("---", "..."):
            return "\n".join(lines[1:index]), 2
    return None


def _document(path: Path) -> Any:
    from ladder.sources.document import read_document  # lazy: --help loads no yaml

    try:
        return read_document(path)
    except SourceError:
        return None


def is_ft(data: Any) -> bool:
    return isinstance(data, dict) and {"levels", "themes", "competencies"} <= set(data)


def is_snowflake(data: Any) -> bool:
    if not isinstance(data, dict) or "tracks" not in data:
        return False
    tracks = data["tracks"]
    items = list(tracks.values()) if isinstance(tracks, dict) else tracks
    return isinstance(items, list) and any(isinstance(t, dict) and "milestones" in t
                                           for t in items)


def is_wide(headers: list[str]) -> bool:
    """A header that starts with area-like columns and has at least two more columns."""
    words = [h.strip().casefold() for h in headers]
    first = next((i for i, w in enumerate(words) if w in AREA_HEADERS), None)
    return first is not None and first < 2 and len(words) - first >= 3


def framework_of(path: Path, *, sheet: str | None = None) -> str | None:
    """``ft``, ``monzo``, ``wide``, ``snowflake``, ``markdown``, ``headings``, ``pages`` or
    None; ``sheet``: the workbook's sheet to look at."""
    from ladder.sources.frameworks import pages  # lazy: --help loads no yaml

    if path.is_dir():
        return "pages" if pages.looks_like_role_pages(path) else None
    family = family_of(path)
    if family == MARKDOWN:
        text = read_input(path).decode("utf-8-sig", errors="replace")
        found = front_matter(text)
        if found and re.search(r"^topics\s*:", found[0], re.MULTILINE):
            return "monzo"
        from ladder.sources.frameworks.markdown import (
            looks_like_ladder,  # lazy: --help loads no yaml
        )

        if looks_like_ladder(text):
            return "markdown"
        return "headings" if pages.looks_like_role_headings(text) else None
    if family == DOCUMENT:
        data = _document(path)
        if is_ft(data):
            return "ft"
        if is_snowflake(data):
            return "snowflake"
        return None
    if family == TABLE:
        from ladder.sources.hr.read import read_table  # lazy: --help loads no csv

        try:
            headers = read_table(path, sheet=sheet).headers
        except SourceError:
            if sheet is not None:
                raise  # a sheet that is not there, or no workbook: said, not guessed past
            return None
        return "wide" if is_wide(headers) else None
    return None


def what_was_seen(path: Path) -> str:
    """A few words on what the file holds, for the error that says it is no framework."""
    if path.is_dir():
        count = sum(1 for p in path.iterdir() if family_of(p) == MARKDOWN)
        return f"a folder with {plural(count, 'Markdown page')} holding no role"
    found = input_format(path, sniff=True)
    family = found.family if found is not None else None
    if family == MARKDOWN:
        text = read_input(path).decode("utf-8-sig", errors="replace")
        count = len(HEADING.findall(text))
        return (f"a Markdown file with {plural(count, 'heading')}, none of "
                "them a level of role sections, and no front matter with 'topics'")
    if found is not None and family == DOCUMENT:
        data = _document(path)
        if isinstance(data, dict):
            keys = ", ".join(list(data)[:8]) or "none"
            return f"a {found.name.upper()} mapping with the keys {keys}"
        return f"a {found.name.upper()} file that is not a mapping"
    if family == TABLE:
        from ladder.sources.hr.read import read_table  # lazy: --help loads no csv

        try:
            headers = read_table(path).headers
        except SourceError as error:
            return f"a table that cannot be read ({error.message})"
        return f"a table with the columns {', '.join(headers[:8])} (an HR export?)"
    return f"a '{path.suffix or path.name}' file"
