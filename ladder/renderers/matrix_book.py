"""The career matrix as a PDF on paper (``--view matrix --paper a4|letter|a3|tabloid
[--landscape]``).

One page of 22 x 53 in prints nowhere. The book cuts the matrix into sheets of the paper: levels
across, areas down. Each sheet carries as many level columns as print at :data:`MIN_SCALE` of
their size or more (its 12 px statements then print at 8.4 pt), the columns shared out evenly
among the sheets of a row of them; the areas fill each sheet down, and an area too tall for what
is left of a sheet is cut between lines of its cells, its label saying "(continued)" on the
next sheet. Every sheet repeats the title, the legend of italics, the track band and the column
headers (level names and summaries: whole on the first sheet of those levels, cut to about two
lines on the next ones, so a framework's long summaries leave the sheet to the statements), and
the band of the group its first area is in, and is numbered ("page 3 of 12"). Sheets go column
group by column group: levels 1-3 for every area, then levels 4-6, ...; the PDF's bookmarks
name each sheet's levels and areas.

Each sheet is laid out by the matrix's own pieces (:mod:`ladder.renderers.matrix`), drawn by
Graphviz like the one-page matrix, and placed, scaled, on a sheet of the paper with pypdf, as
the org-chart book places its pages (:mod:`ladder.renderers.book`).
"""

from __future__ import annotations

import io
import math
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace

from ladder.escape import clip
from ladder.layout.cards import text_width
from ladder.renderers.book import SHEET_MARGIN, _place, paper_size
from ladder.renderers.matrix import (
    COLUMN_WIDTH,
    GROUP_BAND,
    LABEL_WIDTH,
    LINE,
    MARGIN,
    PAD,
    SMALL_SIZE,
    TITLE_SIZE,
    Column,
    Frame,
    MatrixOptions,
    Row,
    Table,
    draw_group,
    draw_header,
    draw_row,
    draw_title,
    frame_for,
    matrix_rows,
    outline_highlights,
)
from ladder.renderers.page import MUTED, Sheet, Text, page_bytes

MIN_SCALE = 0.7  # of the matrix's size: its 12 px statements print at 8.4 pt, its notes at 7
FOOTER = 2 * LINE  # room under the table for the page number
FEWEST_LINES = 3  # a row is not started at the foot of a sheet with room for fewer lines
# characters of a role's summary in the header of a sheet after the first of its levels (about
# two lines; the first sheet of those levels has the summary as the one-page matrix does)
CONTINUED_SUMMARY = 90


@dataclass
class Piece:
    """An area's row on a sheet, whole or its cells' lines ``first`` to ``last`` (exclusive)."""

    row: Row
    first: int
    last: int
    group: bool  # the group's band drawn above it


@dataclass
class BookPage:
    frame: Frame
    pieces: list[Piece] = field(default_factory=list)
    part: tuple[int, int] = (1, 1)  # which group of columns, of how many
    first: bool = True  # the first sheet of its columns: their summaries in full

    def header_frame(self) -> Frame:
        """The columns as this sheet's header draws them: on a sheet after the first of its
        levels, each role's summary cut short (a framework's paragraph of indicators would
        take a third of every sheet), so the sheet is left for the statements."""
        return self.frame if self.first else short_summaries(self.frame)


def short_summaries(frame: Frame) -> Frame:
    """``frame`` with each role's summary cut to :data:`CONTINUED_SUMMARY` characters."""
    return frame_for([replace(c, summary=clip(c.summary, CONTINUED_SUMMARY)) if c.summary
                      else c for c in frame.columns])


def plan_pages(table: Table, options: MatrixOptions,
               sheet: tuple[float, float]) -> tuple[list[BookPage], float]:
    """The sheets of the book and the scale each is printed at (points per matrix pixel)."""
    width = sheet[0] - 2 * SHEET_MARGIN
    height = sheet[1] - 2 * SHEET_MARGIN
    count = len(table.columns)
    fits = max(1, int((width / MIN_SCALE - 2 * MARGIN - LABEL_WIDTH) // COLUMN_WIDTH))
    groups = max(1, math.ceil(count / fits))
    each = max(1, math.ceil(count / groups))  # shared out evenly: 8 levels in 3, 3, 2
    scale = min(1.0, width / (2 * MARGIN + LABEL_WIDTH + COLUMN_WIDTH * each))
    page_height = height / scale
    rows = matrix_rows(table, options)
    pages: list[BookPage] = []
    chunks = [table.columns[i:i + each] for i in range(0, count, each)] or [[]]
    for number, columns in enumerate(chunks, start=1):
        frame = frame_for(columns)
        pages += _fill(table, frame, rows, page_height, (number, len(chunks)))
    return pages, scale


def _top(table: Table, frame: Frame) -> float:
    """Where a sheet's body starts: under the title, legend and column headers."""
    scratch = Sheet(frame.width, 0.0)
    return draw_header(scratch, table, frame, draw_title(scratch, table, frame.width))


def _fill(table: Table, frame: Frame, rows: list[Row], page_height: float,
          part: tuple[int, int]) -> list[BookPage]:
    """The sheets of one group of columns: every area's row, cut where a sheet ends."""
    # the first sheet's header has the summaries in full, the next ones a short one
    top, bottom = _top(table, frame), page_height - MARGIN - FOOTER
    after = _top(table, short_summaries(frame))
    pages = [BookPage(frame, part=part)]
    y, group = top, None
    for row in rows:
        total = row.lines(frame.columns)
        first = 0
        while True:
            band = bool(row.area.group) and (row.area.group != group or not pages[-1].pieces)
            room = bottom - y - (GROUP_BAND if band else 0) - 2 * PAD
            label = row.label_height() if first == 0 else 2 * LINE
            lines = int(room // LINE) if room > 0 else 0
            whole = total - first
            fits_whole = room >= max(label, LINE * whole)
            if not fits_whole and pages[-1].pieces and (lines < min(FEWEST_LINES, whole)
                                                         or room < label):
                pages.append(BookPage(frame, part=part, first=False))  # a fresh sheet
                y = after
                continue
            last = total if fits_whole else first + max(1, lines)
            piece = Piece(row, first, last, band)
            pages[-1].pieces.append(piece)
            group = row.area.group
            y += (GROUP_BAND if band else 0) + 2 * PAD + max(label, LINE * (last - first))
            if last >= total:
                break
            first = last
            pages.append(BookPage(frame, part=part, first=False))
            y = after
    return pages


def _heading(table: Table, page: BookPage, columns: list[Column]) -> str:
    """The sheet's title, with its levels when the matrix takes several sheets across: the
    level names, or their numbers when the names would run off a narrow (portrait) sheet."""
    if page.part[1] == 1 or not columns:
        return table.title
    width = page.frame.width - 2 * MARGIN
    first, last = columns[0], columns[-1]
    names = first.title if first is last else f"{first.title} to {last.title}"
    numbers = (None if first.level is None or last.level is None else
               f"level {first.level}" if first.level == last.level else
               f"levels {first.level} to {last.level}")
    candidates = [f"{table.title}: {names}", *([f"{table.title}: {numbers}"] if numbers else []),
                  table.title]
    return next((text for text in candidates
                 if text_width(text, TITLE_SIZE, bold=True) <= width), candidates[-1])


def draw_page(table: Table, page: BookPage, number: int, count: int,
              page_size: tuple[float, float]) -> Sheet:
    """One sheet of the book, in matrix pixels: headers, its pieces of rows, its number."""
    frame = page.frame
    sheet = Sheet(*page_size)
    y = draw_header(sheet, table, page.header_frame(),
                    draw_title(sheet, table, frame.width, _heading(table, page, frame.columns)))
    top = y
    for piece in page.pieces:
        if piece.group:
            y = draw_group(sheet, table, piece.row.area, frame, y)
        y = draw_row(sheet, table, piece.row, frame, y, (piece.first, piece.last))
    outline_highlights(sheet, frame, top, y)
    sheet.texts.append(Text(frame.width / 2, page_size[1] - MARGIN, f"page {number} of {count}",
                            SMALL_SIZE, colour=MUTED, middle=True))
    return sheet


def matrix_book(table: Table, options: MatrixOptions) -> bytes:
    """The matrix as the bytes of a PDF on ``options.paper`` (see the module's notes)."""
    from pypdf import PdfReader, PdfWriter

    assert options.paper is not None  # the caller asks for a book only with a paper
    sheet_size = paper_size(options.paper, options.landscape)
    pages, scale = plan_pages(table, options, sheet_size)
    page_size = ((sheet_size[0] - 2 * SHEET_MARGIN) / scale,
                 (sheet_size[1] - 2 * SHEET_MARGIN) / scale)
    sheets = [draw_page(table, page, number, len(pages), page_size)
              for number, page in enumerate(pages, start=1)]
    # Graphviz draws each sheet in a process of its own: as many at a time as there are cores
    with ThreadPoolExecutor(max_workers=max(1, min(4, os.cpu_count() or 1))) as pool:
        drawings = list(pool.map(lambda s: page_bytes(s, "pdf", name="matrix"), sheets))
    writer = PdfWriter()
    for number, (page, drawing) in enumerate(zip(pages, drawings, strict=True)):
        drawn = PdfReader(io.BytesIO(drawing)).pages[0]
        # Graphviz's PDF has a white margin round the page (half an inch): the page's corner
        # goes to the sheet's margin, the white falls outside it
        pad_x = (float(drawn.mediabox.width) - page_size[0]) / 2
        pad_y = (float(drawn.mediabox.height) - page_size[1]) / 2
        _place(writer, drawn, sheet_size, scale, SHEET_MARGIN - pad_x * scale,
               sheet_size[1] - SHEET_MARGIN - (pad_y + page_size[1]) * scale)
        columns = page.frame.columns
        areas = [p.row.area.name for p in page.pieces]
        what = (f"{columns[0].title} to {columns[-1].title}" if len(columns) > 1 else
                columns[0].title if columns else "")
        if areas:
            what += f": {areas[0]}" + (f" to {areas[-1]}" if areas[-1] != areas[0] else "")
        writer.add_outline_item(title=f"Page {number + 1}: {what}", page_number=number)
    writer.add_metadata({"/Title": table.title, "/Producer": "ladder"})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
