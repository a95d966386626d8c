"""What a SOURCE argument is: a built-in ladder, a ladder file, a company config or an HR export."""

from __future__ import annotations

from pathlib import Path

from ladder.errors import SourceError, did_you_mean
from ladder.sources.formats import (
    DOCUMENT,
    MARKDOWN,
    TABLE,
    family_of,
    input_format,
    sniff_format,
    suffix_list,
)
from ladder.text import plural

LADDER, COMPANY, EXPORT = "ladder", "company", "export"
KIND_NAMES = {LADDER: "ladder file", COMPANY: "company config", EXPORT: "HR export"}
FOLDER_LISTED = 5  # the files named when a folder is given for a file


def source_kind(source: str | None) -> str:
    """``ladder``, ``company`` or ``export``; a config file is told apart by its keys, a file
    whose suffix names no format by its first bytes (:mod:`ladder.sources.formats`)."""
    found = input_format(source) if source is not None else None
    if found is not None and found.family == TABLE:
        # Told first, without the ladder and YAML/TOML machinery (a CSV chart is timed
        # against dot); no built-in ladder is named like a file with a suffix. A format
        # ladder cannot read (.xls) is an export too: its reader says how to convert it.
        return EXPORT
    from ladder.sources.builtin import builtin_names  # lazy: an HR export loads no model

    if source is None or source in builtin_names():
        return LADDER
    path = Path(source)
    if found is None:
        found = sniff_format(path)
        if found is not None and found.family == TABLE:
            return EXPORT
    if found is not None and found.family == DOCUMENT:
        from ladder.sources.document import read_document  # lazy: an HR export loads no YAML

        data = read_document(path)
        if isinstance(data, dict) and ("people" in data or "company" in data):
            return COMPANY
        if isinstance(data, dict) and not data:  # neither: say so, not "'roles' is missing"
            raise SourceError("the file is empty (or holds only comments)", file=source,
                              hint="a ladder file has roles: and moves:, a company config "
                              "people: (see 'ladder show' and 'ladder schema')")
        return LADDER
    if path.is_dir():
        raise _folder_given(path, source)
    if not path.exists():
        raise SourceError("no such file or built-in ladder", file=source,
                          hint=did_you_mean(source, builtin_names()) or
                          f"built-in ladders: {', '.join(builtin_names())}")
    if found is not None and found.family == MARKDOWN:
        raise SourceError(f"'{path.name}' is a Markdown file, not a ladder to draw", file=source,
                          hint=f"turn a career framework into a ladder file with 'ladder "
                          f"import {source} -o ladder.yaml', then draw that")
    raise SourceError(
        f"cannot tell what kind of file '{path.name}' is", file=source,
        hint=f"use {suffix_list(DOCUMENT)} for ladders and company configs, "
        f"{suffix_list(TABLE)} for HR exports",
    )


def folder_sources(folder: Path, most: int = FOLDER_LISTED) -> list[tuple[Path, str]]:
    """Up to ``most`` files right in ``folder`` that a SOURCE argument may name, each with
    its kind (:func:`source_kind`), in name order: what to name when the folder was given."""
    found: list[tuple[Path, str]] = []
    for path in sorted(folder.iterdir(), key=lambda p: (p.name.casefold(), p.name)):
        if path.name.startswith(".") or family_of(path) not in (TABLE, DOCUMENT) \
                or not path.is_file():
            continue
        try:
            found.append((path, source_kind(str(path))))
        except SourceError:  # not one (an empty or broken file): not offered
            continue
        if len(found) == most:
            break
    return found


def _folder_given(folder: Path, source: str) -> SourceError:
    """The error for a folder given where a file goes: the files in it to name instead, or
    the command that reads a folder of career-framework pages."""
    found = folder_sources(folder)
    if len(found) == 1:
        path, kind = found[0]
        return SourceError(f"a folder, not a file: it holds one {KIND_NAMES[kind]}, "
                           f"{path.name}", file=source, hint=f"name the file: {path}")
    if found:
        listed = ", ".join(f"{path.name} ({KIND_NAMES[kind]})" for path, kind in found)
        return SourceError(f"a folder, not a file: it holds {listed}"
                           f"{' and more' if len(found) == FOLDER_LISTED else ''}",
                           file=source, hint=f"name one of them, e.g. {found[0][0]}")
    pages = sum(1 for p in folder.iterdir() if family_of(p) == MARKDOWN)
    if pages:  # a folder of role pages, or a framework handbook: imported, then drawn
        return SourceError(f"a folder of {plural(pages, 'Markdown page')}, not a ladder to "
                           "draw", file=source, hint=f"turn a career framework into a ladder "
                           f"file with 'ladder import {source} -o ladder.yaml', then draw that")
    return SourceError("a folder, not a file, and it holds nothing ladder reads", file=source,
                       hint=f"name a file: {suffix_list(DOCUMENT)} for ladders and company "
                       f"configs, {suffix_list(TABLE)} for HR exports")
