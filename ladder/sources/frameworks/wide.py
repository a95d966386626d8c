"""Frameworks kept as a spreadsheet with one column per level (CSV, TSV or XLSX):

=========== ============ ============== ========== ========== ===
Area        Competency   Description    Junior     Mid        ...
=========== ============ ============== ========== ========== ===
Craft       Testing      What good ...  Writes ... Designs ...
=========== ============ ============== ========== ========== ===

The level names come from the header: every column after the area, competency and description
columns is a level, in order. Each competency is an area of the matrix (grouped by the Area or
Category column when there is one); a cell's lines are its statements. The table is read by the
same reader as HR exports (title lines above the header, encodings, XLSX sheets).
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

from ladder.errors import SourceError, summarised
from ladder.sources.formats import INPUT_FORMATS, input_format
from ladder.sources.frameworks.draft import (
    MAX_LEVELS,
    Draft,
    chain_moves,
    name_from_file,
    source_entry,
)
from ladder.sources.hr.read import decode, read_table
from ladder.sources.inputs import read_input
from ladder.text import slug

GROUP_HEADERS = ("area", "category", "theme", "topic", "pillar")
NAME_HEADERS = ("competency", "skill", "dimension", "attribute", "behaviour", "behavior")
TEXT_HEADERS = ("description", "summary", "definition", "about")


def statements(cell: str) -> list[str]:
    """A cell's statements: one per line, bullets and spacing removed.

    >>> statements("- Writes tests\\n• Reviews code")
    ['Writes tests', 'Reviews code']
    """
    found = [re.sub(r"^\s*(?:[-*•]|\d+[.)])\s+", "", line).strip() for line in cell.splitlines()]
    return [" ".join(f.split()) for f in found if f.strip()]


def _title_line(path: Path, header_row: int) -> str | None:
    """The text of a title line above the header (CSV/TSV), as the framework's name."""
    if header_row <= 1 or input_format(path, sniff=True) not in (INPUT_FORMATS["csv"],
                                                                 INPUT_FORMATS["tsv"]):
        return None
    import csv

    text, _encoding = decode(read_input(path), str(path))
    for row in itertools.islice(csv.reader(text.splitlines()), header_row - 1):
        cells = [c.strip() for c in row if c.strip()]
        if len(cells) == 1:
            return cells[0]
    return None


def read(path: Path, sheet: str | None = None) -> Draft:
    """The draft ladder of a wide framework sheet (``sheet``: a workbook's sheet, by name or
    number; default: the first with data)."""
    file = str(path)
    try:
        table = read_table(path, sheet=sheet)
    except SourceError as error:
        if "no data rows" not in error.message:
            raise
        raise SourceError("has a header row but no competency rows", file=file,
                          line=error.line, hint="add a row per competency below the header: "
                          "area, competency, description, then its text at each level") from None
    words = [h.strip().casefold() for h in table.headers]
    group_at = next((i for i, w in enumerate(words) if w in GROUP_HEADERS), None)
    name_at = next((i for i, w in enumerate(words) if w in NAME_HEADERS), None)
    if name_at is None:
        name_at, group_at = group_at, None
    if name_at is None:
        raise SourceError("no competency column: expected a header such as Area, Category or "
                          "Competency before the level columns", file=file,
                          line=table.header_row,
                          hint=f"the header has: {', '.join(table.headers)}")
    text_at = next((i for i, w in enumerate(words) if w in TEXT_HEADERS), None)
    fixed = {i for i in (group_at, name_at, text_at) if i is not None}
    level_columns = [i for i in range(max(fixed) + 1, len(words)) if words[i]]
    # a column with no header cannot be a level: its filled cells are reported, never dropped
    unnamed = [i for i in range(max(fixed) + 1, len(words)) if not words[i]]
    if len(level_columns) > MAX_LEVELS:
        raise SourceError(f"{len(level_columns)} level columns: a ladder has at most "
                          f"{MAX_LEVELS} levels", file=file, line=table.header_row,
                          hint="is this a career framework? a level per column, after the "
                          "competency columns")
    if len(level_columns) < 2:
        raise SourceError("expected a column per level after the competency columns, at least "
                          "two", file=file, line=table.header_row,
                          hint=f"the header has: {', '.join(table.headers)}")
    name = _title_line(path, table.header_row) or name_from_file(path)
    draft = Draft(id=slug(path.stem), name=name)
    draft.sources.append(source_entry(path, f"{path.name}"))
    draft.tracks.append({"id": "main", "name": name})
    ids: set[str] = set()
    for number, column in enumerate(level_columns, start=1):
        title = table.headers[column].strip()
        draft.roles.append({"id": slug(title, ids), "title": title, "level": number,
                            "track": "main", "source": "source", "expectations": {}})
    area_ids: set[str] = set()
    seen: dict[tuple[str, str], int] = {}
    for record in table.records:
        values = record.values + [""] * (len(words) - len(record.values))
        competency = " ".join(values[name_at].split())
        group = " ".join(values[group_at].split()) if group_at is not None else ""
        if not competency:
            raise SourceError("the competency is empty: expected its name in column "
                              f"'{table.headers[name_at]}'", file=file, line=record.row)
        key = (group.casefold(), competency.casefold())
        if key in seen:
            raise SourceError(f"competency '{competency}' is given twice", file=file,
                              line=record.row, hint=f"first on row {seen[key]}")
        seen[key] = record.row
        area = {"id": slug(competency, area_ids), "name": competency, "source": "source"}
        if group:
            area["group"] = group
        if text_at is not None and values[text_at].strip():
            area["summary"] = " ".join(values[text_at].split())
        draft.areas.append(area)
        for role, column in zip(draft.roles, level_columns, strict=True):
            found = statements(values[column])
            if found:
                role["expectations"][area["id"]] = found
        for column in unnamed:
            for text in statements(values[column]):
                draft.unplaced.append((f"column {column + 1} has no header (no level): {text}",
                                       record.row))
    for role in draft.roles:
        if not role["expectations"]:
            del role["expectations"]
    chain_moves(draft)
    draft.notes.append("The levels are the sheet's level columns, in order, on one track; "
                       "each competency row is an area; promotions go one level up.")
    if table.other_sheets:  # a workbook of several: which one this is, and how to read another
        read_from = f"Read the sheet '{table.sheet}'"
        draft.notes.append(f"{read_from} of the workbook.")
        draft.warnings.append(f"{file}: {read_from}; the workbook's other sheets with data, "
                              f"not read: {summarised([repr(s) for s in table.other_sheets])} "
                              "(read one with option 'sheet' NAME or its number)")
    return draft
