"""The matrix as data for spreadsheets and programs: CSV, XLSX and JSON.

One row per area (its group, name and summary first), one column per level or role, each
cell the role's statements in that area, one per line, with "one of:" options and, when asked,
examples and signals. A cell that a spreadsheet would run as a formula (it starts with ``=``,
``+``, ``-``, ``@``) is written with a leading apostrophe, which spreadsheets show as text.
The bytes are the same for the same ladder: the XLSX archive carries fixed dates.
"""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from datetime import datetime
from typing import Any

from ladder.escape import spreadsheet_cell
from ladder.model import Ladder
from ladder.renderers.matrix import Item, MatrixOptions, Table, matrix_table

FIXED_TIME = datetime(2000, 1, 1)  # a constant date in the XLSX, so the bytes repeat


def cell_lines(items: list[Item], options: MatrixOptions) -> list[str]:
    lines = []
    for item in items:
        lines.append(item.statement.text + (" (new)" if item.mark else ""))
        lines += [f"  one of: {o}" for o in item.statement.options]
        if options.examples:
            lines += [f"  signal: {s}" for s in item.statement.signals]
            lines += [f"  e.g. {e}" for e in item.statement.examples]
    return lines


def matrix_rows(table: Table, options: MatrixOptions) -> list[list[str]]:
    """Header and one row per area, as plain text."""
    rows = [["Group", "Area", "Summary", *(column.title for column in table.columns)]]
    for area in table.areas:
        rows.append([area.group or "", area.name, area.summary,
                     *("\n".join(cell_lines(table.cells.get((area.id, column.key), []),
                                            options)) for column in table.columns)])
    return rows


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
        return found

    data = {
        "title": table.title, "summary": table.subtitle,
        "columns": [{"id": c.key, "title": c.title, "subtitle": c.subtitle, "track": c.track}
                    for c in table.columns],
        "areas": [{"id": a.id, "name": a.name, "group": a.group, "summary": a.summary,
                   "cells": {c.key: [statement(i) for i in table.cells.get((a.id, c.key), [])]
                             for c in table.columns}} for a in table.areas],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def matrix_xlsx(table: Table, options: MatrixOptions) -> bytes:
    """A sheet with a frozen header row and area columns, wrapped text, readable widths."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    book = Workbook()
    sheet = book.active
    sheet.title = "Matrix"
    rows = matrix_rows(table, options)
    for row in rows:
        sheet.append([spreadsheet_cell(cell) for cell in row])
    top = Alignment(wrap_text=True, vertical="top")
    for row in sheet.iter_rows():
        for cell in row:
            cell.alignment = top
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="F6F8FA")
    for index, width in enumerate([18, 24, 30] + [48] * len(table.columns), start=1):
        sheet.column_dimensions[sheet.cell(1, index).column_letter].width = width
    sheet.freeze_panes = "D2"
    book.properties.created = book.properties.modified = FIXED_TIME
    raw = io.BytesIO()
    book.save(raw)
    return _fixed_dates(raw.getvalue())


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
