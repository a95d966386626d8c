"""The drawers the format table names: a drawing (:mod:`ladder.renderers.drawings`) out as the
text or bytes of one format, ``(drawing, format) -> str | bytes``, and an org chart's files.

Graphviz draws a ladder's graph; the org chart's SVG is written directly, its PNG and PDF from
pinned DOT; every SVG gets the last step of :mod:`ladder.renderers.docs_svg`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from ladder.errors import RenderError
from ladder.renderers.drawings import LadderDrawing, OrgDrawing
from ladder.renderers.files import FORMATS, write_bytes

if TYPE_CHECKING:
    from ladder.renderers.theme import FinishedPieces


def ladder_graphviz(drawing: LadderDrawing, format: str) -> str | bytes:
    """The ladder as DOT text, or drawn by Graphviz ``dot`` as SVG, PNG or PDF."""
    from ladder.renderers.ladder_dot import ladder_dot  # lazy: an org chart loads no ladder model

    source = ladder_dot(drawing.ladder, title=drawing.title, detail=drawing.detail,
                        years=drawing.years, highlight=drawing.highlight)
    if format == "dot":
        return source
    from ladder.renderers.graphviz_backend import (  # lazy: drawing a ladder loads no subprocess
        run_graphviz,  # lazy: a .dot file runs no subprocess
    )

    data = run_graphviz(source, format=format)
    if format == "svg":
        from ladder.renderers.docs_svg import finish_drawing  # lazy: only SVG is themed

        return finish_drawing(drawing, data.decode("utf-8"))
    return data


def ladder_json(drawing: LadderDrawing, format: str) -> str:
    """The ladder as JSON: tracks, roles, moves and variants (see ladder.renderers.ladder_json)."""
    from ladder.renderers.ladder_json import (
        ladder_json as as_json,  # lazy: an org chart loads no ladder model
    )

    return as_json(drawing.ladder)


def org_chart(drawing: OrgDrawing, format: str) -> str | bytes:
    """The org chart as SVG (written directly), layout JSON, pinned DOT, or PNG/PDF from it."""
    from ladder.renderers.org_cards import PageText  # lazy: drawing a ladder loads no org layout

    _check_paper(drawing, format)
    if format == "pdf" and drawing.options.paper:  # a book of pages (ladder.renderers.book)
        from ladder.renderers.book import book  # lazy: only --paper makes a book

        return book(drawing.org, paper=drawing.options.paper,
                    landscape=drawing.options.landscape, title=drawing.title,
                    counts=drawing.counts or None, notes=drawing.notes,
                    mode=drawing.options.mode, columns=drawing.options.columns,
                    levels=drawing.levels)
    if format == "svg":
        return org_svg_document(drawing).text()
    text = PageText(title=drawing.title, counts=drawing.counts, notes=drawing.notes)
    from ladder.renderers.org_write import chart_data  # lazy: drawing a ladder loads no org layout

    data = chart_data(drawing.org, drawing.layout(), fmt=format, text=text,
                      scale=drawing.options.scale, on_note=drawing.on_note,
                      path=drawing.output or Path(f"chart.{format}"))
    return data.decode("utf-8") if format in ("dot", "json") else data


def _check_paper(drawing: OrgDrawing, format: str) -> None:
    if drawing.options.paper and format != "pdf":
        raise RenderError(f"--paper makes a PDF book, not a {format} file",
                          hint="write .pdf, or leave out --paper")


def org_width(drawing: OrgDrawing) -> float:
    """The width in px of the org chart's SVG page, from its layout alone (nothing written)."""
    from ladder.renderers.card_geometry import page_width  # lazy: a ladder loads no org layout

    return page_width(drawing.layout().width)


def org_svg_document(drawing: OrgDrawing) -> FinishedPieces:
    """The org chart's SVG, finished for docs (theme, title, description), in pieces: from the
    writer to the docs finish to the file, with no whole document in between."""
    from ladder.renderers.docs_svg import finish_org_pieces  # lazy: only SVG is themed
    from ladder.renderers.org_cards import PageText  # lazy: drawing a ladder loads no org layout
    from ladder.renderers.org_svg import org_svg_pieces  # lazy: a ladder loads no org layout

    text = PageText(title=drawing.title, counts=drawing.counts, notes=drawing.notes)
    colours, pieces = org_svg_pieces(drawing.org, drawing.layout(), text)
    return finish_org_pieces(drawing, pieces, colours)


LONG_RUN = 200_000  # people: from here a chart takes several seconds; say what it is doing


def org_files(drawing: OrgDrawing, path: Path, format: str,
              progress: Callable[[str], None] | None = None) -> list[Path]:
    """Write the org chart to ``path``, or with ``options.split`` an overview there and its
    pages beside it; the files written. ``progress`` hears the steps of a long run."""
    drawing = replace(drawing, output=path)
    if drawing.options.split:
        from ladder.renderers.docs_svg import finish_page  # lazy: only SVG is themed
        from ladder.renderers.split import (
            render_split,  # lazy: drawing a ladder loads no renderers.split
        )

        return render_split(drawing, path, fmt=format, progress=progress,
                            finish=lambda page, svg, title: finish_page(drawing, page, svg,
                                                                         title))
    steps = progress if progress is not None and len(drawing.org) >= LONG_RUN else None
    if steps:
        steps(f"laying out {len(drawing.org):,} people")
        drawing.layout()
        steps(f"drawing {path.name}")
    if format == "svg":  # handed to the file in pieces: never the whole document in memory
        _check_paper(drawing, format)
        document = org_svg_document(drawing)
        written = write_bytes(path, document, first=document.first_bytes)
    else:
        written = write_bytes(path, FORMATS[format].drawer("org")(drawing, format))
    if steps:
        steps("done")
    return [written]


def ladder_matrix(drawing: LadderDrawing, format: str) -> str | bytes:
    """The matrix view: levels as columns, competency areas as rows (ladder.renderers.matrix).
    It is also a ladder's CSV and XLSX: a ladder's one table."""
    options = drawing.matrix
    if options is None:
        from ladder.renderers.matrix import (
            MatrixOptions,  # lazy: drawing a ladder loads no networkx
        )

        options = MatrixOptions()
        drawing = replace(drawing, matrix=options)
    from ladder.renderers.matrix import (  # lazy: drawing a ladder loads no networkx
        MATRIX_FORMATS,
        SHEET_FORMATS,
        matrix_bytes,
    )

    name = "md" if format == "markdown" else format
    if options.paper and name != "pdf":
        raise RenderError(f"--paper prints the matrix as a PDF book, not as {format}",
                          hint="write .pdf, or leave out --paper")
    if name in SHEET_FORMATS:
        from ladder.renderers.matrix_sheets import (
            sheet_bytes,  # lazy: drawing a ladder loads no networkx
        )

        data = sheet_bytes(drawing.ladder, name, options)
        return data if name == "xlsx" else data.decode("utf-8")
    if name not in MATRIX_FORMATS:
        raise RenderError(f"the matrix view cannot be drawn as {format}",
                          hint=f"choose one of: {', '.join(MATRIX_FORMATS + SHEET_FORMATS)}")
    if name == "pdf" and options.paper:  # pages of paper, headers on each
        from ladder.renderers.matrix import matrix_table  # lazy: as above
        from ladder.renderers.matrix_book import matrix_book  # lazy: only --paper needs pypdf

        return matrix_book(matrix_table(drawing.ladder, options), options)
    data = matrix_bytes(drawing.ladder, name, drawing.matrix)
    if format == "svg":  # themed and labelled like every other SVG
        from ladder.renderers.docs_svg import finish_drawing  # lazy: only SVG is themed

        return finish_drawing(drawing, data.decode("utf-8"))
    return data if format in ("png", "pdf") else data.decode("utf-8")
