"""Which career-framework format a file is in, told by its content, and what was seen when it
is none of them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ladder.errors import SourceError
from ladder.sources.detect import EXPORT, folder_sources
from ladder.sources.formats import DOCUMENT, MARKDOWN, TABLE, family_of, input_format
from ladder.sources.inputs import read_input
from ladder.text import plural

# Header words of the first columns of a wide framework sheet (an HR export has none of them).
AREA_HEADERS = ("area", "category", "theme", "topic", "competency", "skill", "dimension",
                "pillar", "attribute")
# Files a published framework's folder holds beside it that are no framework: a repository's
# own pages (by name, any extension) and pictures; skipped and named in the import's notes.
ASIDE_STEMS = ("readme", "license", "licence", "copying", "notice", "sources", "authors",
               "changelog", "contributing", "code_of_conduct")
IMAGES = (".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".bmp", ".ico", ".tif", ".tiff")
BASE = "generic.md"  # Monzo's generic base: merged into each framework beside it
MAX_FOLDER_FILES = 500  # a folder bigger than this is a repository, not one framework


@dataclass(frozen=True)
class FolderFiles:
    """What a folder holds, file by file: the frameworks in recognised shapes (file and
    format), and what is skipped, each with why."""

    frameworks: tuple[tuple[Path, str], ...]
    others: tuple[Path, ...]  # files of no recognised shape (a forced ``--from`` may read one)
    skipped: tuple[str, ...]  # "LICENSE (licence)", "design/ (sub-folder, not read)"...


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
        if _role_pages(path):
            return "pages"
        held = folder_files(path).frameworks
        return held[0][1] if len(held) == 1 else None
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


def _aside(path: Path) -> str | None:
    """Why a file beside a framework is no part of it, or None."""
    if path.name.startswith("."):
        return "hidden"
    stem = path.name.split(".")[0].casefold()
    if stem in ("license", "licence", "copying"):
        return "licence"
    if stem in ASIDE_STEMS:
        return "about the repository"
    if path.suffix.lower() in IMAGES:
        return "image"
    return None


def folder_files(folder: Path) -> FolderFiles:
    """The files of a folder (not its sub-folders) sorted into frameworks, other files and
    what is skipped. Monzo's ``generic.md`` beside other Monzo frameworks is their base, not a
    framework of its own: each of them merges it."""
    entries = sorted(folder.iterdir(), key=lambda p: (p.name.casefold(), p.name))
    if len(entries) > MAX_FOLDER_FILES:
        raise SourceError(f"a folder of {len(entries)} entries: too many to be one framework",
                          file=str(folder), hint="name the framework file instead")
    frameworks: list[tuple[Path, str]] = []
    others: list[Path] = []
    skipped: list[str] = []
    for entry in entries:
        if entry.is_dir():
            if not entry.name.startswith("."):
                skipped.append(f"{entry.name}/ (sub-folder, not read)")
            continue
        why = _aside(entry) or (None if family_of(entry) else "not a format this tool reads")
        shape = None
        if why is None:
            try:
                shape = framework_of(entry)
            except SourceError as error:  # too big, unreadable: said, and the rest still read
                why = f"cannot be read: {error.message}"
        if why:
            skipped.append(f"{entry.name} ({why})")
        elif shape is None:
            others.append(entry)
        else:
            frameworks.append((entry, shape))
    monzo = [path for path, shape in frameworks if shape == "monzo"]
    if len(monzo) > 1 and any(path.name == BASE for path in monzo):
        frameworks = [(path, shape) for path, shape in frameworks if path.name != BASE]
        skipped.append(f"{BASE} (the generic base, merged into a topic with no title)")
    skipped += [f"{path.name} (no framework shape)" for path in others]
    return FolderFiles(tuple(frameworks), tuple(others), tuple(skipped))


def pages_skipped(folder: Path) -> list[str]:
    """What a folder of role pages holds besides its pages and index page, each with why it
    is not read (the pages reader reads Markdown pages only)."""
    from ladder.sources.frameworks import pages  # lazy: --help loads no yaml

    read = {*pages.role_pages(folder), pages.index_page(folder)}
    skipped = []
    for entry in sorted(folder.iterdir(), key=lambda p: (p.name.casefold(), p.name)):
        if entry.name.startswith(".") or entry in read:
            continue
        if entry.is_dir():
            skipped.append(f"{entry.name}/ (sub-folder, not read)")
        elif family_of(entry) == MARKDOWN:  # an index page beside the one read
            skipped.append(f"{entry.name} (a second index page)")
        else:
            skipped.append(f"{entry.name} ({_aside(entry) or 'not a Markdown page'})")
    return skipped


def _role_pages(folder: Path) -> bool:
    """A folder of role pages: two or more pages with statements, most of them no framework
    of their own (a folder of two handbooks is two frameworks, not two roles)."""
    from ladder.sources.frameworks import pages  # lazy: --help loads no yaml

    if not pages.looks_like_role_pages(folder):
        return False
    listed = pages.role_pages(folder)
    whole = 0  # pages that are a framework of their own
    for read, page in enumerate(listed, start=1):
        whole += framework_of(page) is not None
        # stop once the rest cannot change the answer: a big folder is not read twice whole
        if whole * 2 >= len(listed) or (read - whole) * 2 > len(listed):
            break
    return whole * 2 < len(listed)


def folder_framework(folder: Path, format: str | None = None) -> tuple[Path, str, FolderFiles]:
    """The one framework file a folder holds, its format and the folder's files; a clear
    error when it holds none or several. With ``format`` forced, a folder whose one file has no
    recognised shape gives that file."""
    files = folder_files(folder)
    found = list(files.frameworks)
    if not found and format is not None and len(files.others) == 1:
        found = [(files.others[0], format)]
    if len(found) == 1:
        path, shape = found[0]
        return path, format or shape, files
    if not found:
        exports = [path for path, kind in folder_sources(folder) if kind == EXPORT]
        if exports:  # import reads an HR export too, but by its own path
            raise SourceError(f"no career framework, and {exports[0].name} is an HR export"
                              f"{' (with more beside it)' if len(exports) > 1 else ''}",
                              file=str(folder), hint="import an HR export by its own path: "
                              f"ladder import {exports[0]}")
        raise SourceError(f"not a career framework this tool reads: {what_was_seen(folder)}",
                          file=str(folder), hint="name a framework file, or a folder of "
                          "one Markdown page per role")
    listed = ", ".join(f"{path.name} ({shape})" for path, shape in found)
    # several frameworks have their own levels and areas: one ladder each, which a ladder
    # set ('ladders:' and the moves between them) joins when the user wants them together
    raise SourceError(f"a folder with {plural(len(found), 'framework')}: {listed}",
                      file=str(folder), hint="import one at a time: give its file's path "
                      f"(e.g. {folder / found[0][0].name}) instead of the folder's; a ladder "
                      "set joins the ladder files")


def what_was_seen(path: Path) -> str:
    """A few words on what the file holds, for the error that says it is no framework."""
    if path.is_dir():
        count = sum(1 for p in path.iterdir() if family_of(p) == MARKDOWN)
        files = folder_files(path)
        skipped = f"; skipped: {', '.join(files.skipped)}" if files.skipped else ""
        return (f"a folder with {plural(count, 'Markdown page')} holding no role and no "
                f"framework file{skipped}")
    found = input_format(path, sniff=True)
    family = found.family if found is not None else None
    if family == MARKDOWN:
        text = read_input(path).decode("utf-8-sig", errors="replace")
        from ladder.sources.frameworks.markdown import (
            heading_count,  # lazy: --help loads no yaml
        )

        count = heading_count(text.splitlines())
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
