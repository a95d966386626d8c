"""What a SOURCE argument is: a built-in ladder, a ladder file, a company config or an HR export."""

from __future__ import annotations

from pathlib import Path

from ladder.errors import SourceError, did_you_mean
from ladder.sources.formats import (
    DOCUMENT,
    MARKDOWN,
    TABLE,
    input_format,
    sniff_format,
    suffix_list,
)

LADDER, COMPANY, EXPORT = "ladder", "company", "export"


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
