"""The matrix as data for spreadsheets and programs: CSV, XLSX and JSON.

One row per area (its group, name and summary first), one column per level or role, each
cell the role's statements in that area, one per line, with "one of:" options and, when asked,
examples and signals. When roles have summaries, the row under the header holds them ("Role
summary" in the Area column). A cell that a spreadsheet would run as a formula (it starts with
``=``, ``+``, ``-``, ``@``) is written with a leading apostrophe, which spreadsheets show as
text.
The bytes are the same for the same ladder: the XLSX archive carries fixed dates.
"""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from dataclasses import replace
from datetime import datetime
from typing import Any

from ladder.escape import spreadsheet_cell
from ladder.model import Ladder
from ladder.renderers.matrix import Item, MatrixOptions, Table, matrix_table

FIXED_TIME = datetime(2000, 1, 1)  # a constant date in the XLSX, so the bytes repeat
SUMMARY_ROW = "Role summary"  # the Area cell of the row of the roles' summaries


def cell_lines(items: list[Item], options: MatrixOptions) -> list[str]:
    lines = []
    for item in items:
        lines.append(item.statement.text + (" (new)" if item.mark else ""))
        lines += [f"  one of: {o}" for o in item.statement.options]
        if options.examples:
            lines += [f"  signal: {s}" for s in item.statement.signals]
            lines += [f"  e.g. {e}" for e in item.statement.examples]
    return lines


def cell_sources(items: list[Item], options: MatrixOptions) -> list[str]:
    """The source of each line of :func:`cell_lines` (an option, an example: its statement's),
    so a Source column's lines stand beside the lines they cite."""
    found = []
    for item, lines in ((i, cell_lines([i], options)) for i in items):
        found += [item.statement.source or ""] * len(lines)
    return found


def matrix_rows(table: Table, options: MatrixOptions) -> list[list[str]]:
    """Header and one row per area, as plain text. When the ladder says where its facts come
    from (the built-in ladder: article or practice), each fact's column has a Source column
    beside it."""
    sourced = table.sourced()
    header = ["Group", *(["Group source"] if sourced else []), "Area",
              *(["Area source"] if sourced else []), "Summary",
              *(["Summary source"] if sourced else [])]
    for column in table.columns:
        header += [column.title, *([f"{column.title} source"] if sourced else [])]
    rows = [header]
    if any(column.summary for column in table.columns):
        rows.append(summary_row(table, sourced))
    for area in table.areas:
        row = [area.group or "", *([area.group_source or ""] if sourced else []), area.name,
               *([area.source or ""] if sourced else []), area.summary,
               *([area.summary_source or ""] if sourced and area.summary else
                 [""] if sourced else [])]
        for column in table.columns:
            items = table.cells.get((area.id, column.key), [])
            row.append("\n".join(cell_lines(items, options)))
            if sourced:
                row.append("\n".join(cell_sources(items, options)))
        rows.append(row)
    return rows


def summary_row(table: Table, sourced: bool) -> list[str]:
    """The row under the header that holds each role's summary (for the article's roles, its
    definition), labelled in the Area column; no area has that name in this row's place."""
    row = ["", *([""] if sourced else []), SUMMARY_ROW, *([""] if sourced else []), "",
           *([""] if sourced else [])]
    for column in table.columns:
        row += [column.summary, *([column.summary_source or "" if column.summary else ""]
                                  if sourced else [])]
    return row


def matrix_csv(table: Table, options: MatrixOptions) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for row in matrix_rows(table, options):
        writer.writerow([spreadsheet_cell(cell) for cell in row])
    return out.getvalue()


def matrix_json(table: Table, options: MatrixOptions) -> str:
    def statement(item: Item) -> dict[str, Any]:
        found: dict[str, Any] = {"text": item.statement.text}
        for key in ("options", "examples", "signals"):
            if getattr(item.statement, key):
                found[key] = list(getattr(item.statement, key))
        if item.mark:
            found["mark"] = item.mark
        found["source"] = item.statement.source
        return found

    # every fact's source id (null: not said); "sources" says which ones are drawn in italics
    data = {
        "title": table.title, "summary": table.subtitle,
        "sources": [{"id": key, "title": title, "practice": key in table.secondary}
                    for key, title in table.sources.items()],
        "columns": [{"id": c.key, "title": c.title, "subtitle": c.subtitle, "track": c.track,
                     "level": c.level, "summary": c.summary, "source": c.source,
                     "level_source": c.level_source, "summary_source": c.summary_source}
                    for c in table.columns],
        "areas": [{"id": a.id, "name": a.name, "group": a.group, "summary": a.summary,
                   "source": a.source, "summary_source": a.summary_source,
                   "group_source": a.group_source,
                   "cells": {c.key: [statement(i) for i in table.cells.get((a.id, c.key), [])]
                             for c in table.columns}} for a in table.areas],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def track_tables(table: Table) -> list[tuple[str, Table]]:
    """(track name, the table with that track's columns alone) for each track of the
    columns, when there are several; none for a matrix of one track."""
    tracks = list(dict.fromkeys(c.track for c in table.columns if c.track))
    if len(tracks) < 2:
        return []
    return [(table.track_names.get(track, track),
             replace(table, columns=[c for c in table.columns if c.track == track],
                     track_names={track: table.track_names.get(track, track)}))
            for track in tracks]


def sheet_name(name: str, taken: set[str]) -> str:
    """A worksheet name from ``name``: without the characters Excel refuses, at most 31
    characters, and not one already ``taken`` (case ignored, as Excel compares them).

    >>> sheet_name("R&D: new/old?", {"matrix"})
    'R&D newold'
    >>> sheet_name("Matrix", {"matrix"})
    'Matrix 2'
    """
    base = re.sub(r"[\[\]:*?/\\]", "", name).strip().strip("'")[:31] or "Track"
    found, number = base, 1
    while found.casefold() in taken:
        number += 1
        found = f"{base[:31 - len(str(number)) - 1]} {number}"
    taken.add(found.casefold())
    return found


def matrix_xlsx(table: Table, options: MatrixOptions) -> bytes:
    """The whole matrix on a sheet, and each track's columns on a sheet of their own when
    there are several tracks: frozen header row and area columns, wrapped text, readable
    widths, facts from a secondary source in italics."""
    from openpyxl import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

    book = Workbook()
    sheet = book.active
    assert isinstance(sheet, Worksheet)  # a new workbook opens on its one worksheet
    taken: set[str] = set()
    sheet.title = sheet_name("Matrix", taken)
    _fill_sheet(sheet, table, options)
    for name, part in track_tables(table):
        _fill_sheet(book.create_sheet(sheet_name(name, taken)), part, options)
    book.properties.created = book.properties.modified = FIXED_TIME
    raw = io.BytesIO()
    book.save(raw)
    return _fixed_dates(raw.getvalue())


def _fill_sheet(sheet: Any, table: Table, options: MatrixOptions) -> None:  # a Worksheet
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    rows = matrix_rows(table, options)
    for values in rows:
        sheet.append([spreadsheet_cell(value) for value in values])
    top = Alignment(wrap_text=True, vertical="top")
    italic = Font(italic=True)
    sourced = table.sourced()
    for cells in sheet.iter_rows(min_row=2):
        for cell in cells:
            cell.alignment = top
        if not sourced:
            continue
        # a fact column is followed by its source column: italics for a secondary source
        for fact, cited in zip(cells[::2], cells[1::2], strict=False):
            ids = [s for s in str(cited.value or "").split("\n") if s]
            if ids and all(s in table.secondary for s in ids):
                fact.font = italic
    for cell in sheet[1]:
        cell.alignment = top
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="F6F8FA")
    if any(column.summary for column in table.columns):
        sheet.cell(row=2, column=3 if sourced else 2).font = Font(bold=True)  # "Role summary"
    widths = ([18, 24, 30] if not sourced else [16, 10, 24, 10, 30, 10]) + (
        [48] * len(table.columns) if not sourced else [48, 10] * len(table.columns))
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "G2" if sourced else "D2"


def _fixed_dates(archive: bytes) -> bytes:
    """The zip again with every member dated FIXED_TIME: zip stores the time of writing, and
    openpyxl sets the document's 'modified' date to now whatever it was given."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(archive)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, FIXED_TIME.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            data = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2000-01-01T00:00:00Z",
                              data)
            target.writestr(fixed, data)
    return out.getvalue()


def sheet_bytes(ladder: Ladder, format: str, options: MatrixOptions) -> bytes:
    """The matrix of ``ladder`` as csv, xlsx or json bytes."""
    table = matrix_table(ladder, options)
    if format == "xlsx":
        return matrix_xlsx(table, options)
    writer = matrix_csv if format == "csv" else matrix_json
    return writer(table, options).encode("utf-8")
