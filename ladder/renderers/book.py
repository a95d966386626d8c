"""Org charts as a PDF book on paper (``--paper a4|a3|letter|legal|tabloid``, ``--landscape``).

One page of 22 x 53 in prints nowhere. A book cuts the chart the way ``--split`` cuts pages
(:mod:`ladder.renderers.pages`): the first page is the top of the org; a team too big to print
at a readable size leaves for pages of its own (its head's card says "→ page N" and links
there), a team too wide is cut into slices, and each page's top people hang under a card for
their manager that says and links where that manager is. Every card is printed at least
:data:`MIN_SCALE` of its size: its smallest text (11 px) is then 7 pt. The PDF's bookmarks
follow the tree of pages (a team's pages under the page it was cut from), then list every
department (in the legend's order) with the page its head is on; each page's heading carries
its number.

Each page is drawn by Graphviz as usual (:func:`~ladder.renderers.org_write.chart_data`), then
placed, scaled, on a sheet of the paper's size with pypdf, which also writes the links and the
bookmarks.
"""

from __future__ import annotations

import io
import os
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor

from ladder.analysis.teams import TeamCount, department_heads, team_counts
from ladder.errors import RenderError, did_you_mean
from ladder.layout.chart import OrgLayout, layout_org
from ladder.model.org import Org
from ladder.renderers.card_geometry import LEGEND_ROW, TITLE_HEIGHT
from ladder.renderers.card_geometry import MARGIN as PAGE_MARGIN
from ladder.renderers.org_cards import PageText, department_colours, department_name, page_frame
from ladder.renderers.org_write import chart_data
from ladder.renderers.pages import CONTEXT, MORE, Page, Planner, fill_sheet

# Paper sizes in points (1/72 in), portrait.
PAPERS = {
    "a4": (595.28, 841.89), "a3": (841.89, 1190.55), "a5": (419.53, 595.28),
    "letter": (612.0, 792.0), "legal": (612.0, 1008.0), "tabloid": (792.0, 1224.0),
}
SHEET_MARGIN = 28.0  # points round the drawing: about a centimetre, inside most printers' reach
PT_PER_PX = 0.75  # a CSS pixel is 1/96 in
MIN_SCALE = 0.85  # of a card's size: its 11 px department line prints at 7 pt


def paper_size(paper: str, landscape: bool = False) -> tuple[float, float]:
    """(width, height) in points of ``paper``, turned for ``landscape``.

    >>> paper_size("A4"), paper_size("letter", landscape=True)
    ((595.28, 841.89), (792.0, 612.0))
    >>> paper_size("a7")
    Traceback (most recent call last):
    ...
    ladder.errors.RenderError: unknown paper size 'a7' (choose one of: a4, a3, a5, letter, \
legal, tabloid)
    """
    size = PAPERS.get(paper.strip().lower())
    if size is None:
        raise RenderError(f"unknown paper size {paper!r}",
                          hint=did_you_mean(paper.lower(), tuple(PAPERS))
                          or f"choose one of: {', '.join(PAPERS)}")
    return (size[1], size[0]) if landscape else size


def _room(width_px: float, height_px: float, sheet: tuple[float, float]) -> float:
    """How many times :data:`MIN_SCALE` a page of that size prints at on ``sheet``."""
    return _fit(width_px * PT_PER_PX, height_px * PT_PER_PX, sheet) / MIN_SCALE


def _fit(width_pt: float, height_pt: float, sheet: tuple[float, float]) -> float:
    return min((sheet[0] - 2 * SHEET_MARGIN) / max(width_pt, 1.0),
               (sheet[1] - 2 * SHEET_MARGIN) / max(height_pt, 1.0))


def _place(writer, drawn, sheet: tuple[float, float], scale: float, left: float,
           bottom: float) -> None:
    """Add ``drawn`` to ``writer`` as a sheet: its drawing scaled by ``scale`` with its lower
    left corner at (left, bottom). The content is wrapped in a transform, not parsed and
    rewritten (pypdf's merge takes seconds a page on a big team)."""
    from pypdf.generic import ArrayObject, DecodedStreamObject, NameObject, RectangleObject

    page = writer.add_page(drawn)
    before, after = DecodedStreamObject(), DecodedStreamObject()
    before.set_data(f"q {scale:.6f} 0 0 {scale:.6f} {left:.3f} {bottom:.3f} cm\n".encode())
    after.set_data(b"\nQ\n")
    contents = page.get("/Contents")
    parts = list(contents) if isinstance(contents.get_object(), list) else [contents]
    page[NameObject("/Contents")] = ArrayObject(
        [writer._add_object(before), *parts, writer._add_object(after)])
    box = RectangleObject((0, 0, sheet[0], sheet[1]))
    for name in ("/MediaBox", "/CropBox", "/TrimBox", "/BleedBox", "/ArtBox"):
        if name in page:
            del page[NameObject(name)]
    page.mediabox = box


def plan_book(org: Org, sheet: tuple[float, float], *, counts: Mapping[str, TeamCount],
              mode: str = "auto", columns: int = 2,
              levels: Mapping[str, int] | None = None) -> list[Page]:
    """The pages of the book: the top first, then each team cut out to fit, in tree order."""
    # chart pixels a sheet holds at the smallest scale, under the heading and a legend row
    height = ((sheet[1] - 2 * SHEET_MARGIN) / PT_PER_PX / MIN_SCALE - 2 * PAGE_MARGIN
              - TITLE_HEIGHT - LEGEND_ROW)

    def measure(page: Org) -> tuple[OrgLayout, float]:
        wanted = {k: v for k, v in levels.items() if k in page.people} if levels else None
        context = frozenset(pid for pid in page.people if pid.startswith((CONTEXT, MORE)))
        text = PageText(title="", counts=counts, context=context, count_note=False)

        def room(chart: OrgLayout) -> float:
            frame = page_frame(page, chart, text)
            return _room(frame.width, frame.height, sheet)

        chart = layout_org(page, mode=mode, columns=columns, align_levels=wanted)
        if mode != "auto" or wanted is not None:  # asked for: drawn as asked
            return chart, room(chart)
        return fill_sheet(page, chart, room, height=height, columns=columns)

    planner = Planner(org, measure)
    planner.add(Page("top", list(org.people), org.name))
    return planner.fit_all()


def department_pages(org: Org, home: Mapping[str, int]) -> list[tuple[str, int]]:
    """(name, page) of each department, in the legend's order: the page its head is drawn on
    (``home``: person id -> page; the head: :func:`~ladder.analysis.teams.department_heads`).

    >>> from ladder.model.org import Department, Person
    >>> org = Org.build("x", [Person("a", "A", department="top"),
    ...     Person("b", "B", manager="a", department="ops"),
    ...     Person("c", "C", manager="b", department="ops"),
    ...     Person("d", "D", manager="a", department="ops")], [Department("ops", "Operations")])
    >>> department_pages(org, {"a": 0, "b": 3, "c": 3, "d": 1})
    [('Operations', 3), ('top', 0)]
    """
    heads = department_heads(org)
    return [(department_name(org, dep), home[heads[dep]])
            for dep in department_colours(org) if dep in heads and heads[dep] in home]


def book(org: Org, *, paper: str, landscape: bool = False, title: str | None = None,
         counts: Mapping[str, TeamCount] | None = None, notes: Mapping[str, str] | None = None,
         mode: str = "auto", columns: int = 2,
         levels: Mapping[str, int] | None = None) -> bytes:
    """``org`` as the bytes of a PDF book on ``paper`` (see the module's notes)."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.annotations import Link
    from pypdf.generic import ArrayObject, IndirectObject, NameObject

    sheet = paper_size(paper, landscape)
    counts = counts if counts is not None else team_counts(org)
    pages = plan_book(org, sheet, counts=counts, mode=mode, columns=columns, levels=levels)
    number = {id(page): i for i, page in enumerate(pages)}
    home: dict[str, int] = {}
    for i, page in enumerate(pages):
        for pid in page.members:
            home.setdefault(pid, i)
    texts, targets = [], []
    for i, page in enumerate(pages):
        assert page.org is not None and page.chart is not None
        goals = {pid: number[id(target)] for pid, target in page.links.items()}
        labels = {pid: f"→ team on page {goal + 1}" for pid, goal in goals.items()}
        context = set()
        if page.next_slice is not None:
            more, after = MORE + page.key, number[id(page.next_slice)]
            goals[more] = after
            labels[more] = f"→ page {after + 1}"
            page.org.people[more].name = f"Continued on page {after + 1}"
            context.add(more)
        for card in page.org.people:
            if card.startswith(CONTEXT):
                context.add(card)
                where = home.get(card[len(CONTEXT):])
                if where is not None and where != i:
                    goals[card] = where
                    labels[card] = f"↑ manager on page {where + 1}"
        heading = (title or org.name) if i == 0 else page.name
        if page.part is not None:
            heading += f", part {page.part[0]} of {page.part[1]}"
        heading += f" · page {i + 1} of {len(pages)}"
        texts.append(PageText(title=heading, counts=counts, labels=labels, notes=notes,
                              context=frozenset(context), count_note=i == 0))
        targets.append(goals)

    def draw(i: int) -> bytes:
        page = pages[i]
        assert page.org is not None and page.chart is not None  # the planner laid it out
        return chart_data(page.org, page.chart, fmt="pdf", text=texts[i], split=True)

    # Graphviz draws each page in a process of its own: as many at a time as there are cores
    with ThreadPoolExecutor(max_workers=max(1, min(4, os.cpu_count() or 1))) as pool:
        drawings = list(pool.map(draw, range(len(pages))))
    writer = PdfWriter()
    outline: dict[int, IndirectObject] = {}  # page id -> its bookmark
    links: list[tuple[int, tuple[float, float, float, float], int]] = []
    for i, (page, text, goals) in enumerate(zip(pages, texts, targets, strict=True)):
        assert page.org is not None and page.chart is not None
        drawn = PdfReader(io.BytesIO(drawings[i])).pages[0]
        width, height = float(drawn.mediabox.width), float(drawn.mediabox.height)
        scale = min(1.0, _fit(width, height, sheet))
        left = (sheet[0] - width * scale) / 2
        bottom = sheet[1] - SHEET_MARGIN - height * scale
        _place(writer, drawn, sheet, scale, left, bottom)
        frame = page_frame(page.org, page.chart, text)
        unit = width / frame.width * scale  # points on the sheet per chart pixel
        chart, style = page.chart, page.chart.style
        index = {pid: k for k, pid in enumerate(chart.ids)}
        for pid, goal in goals.items():
            k = index[pid]
            x0 = left + (PAGE_MARGIN + chart.x[k]) * unit
            top = bottom + height * scale - (frame.top + chart.y[k]) * unit
            links.append((i, (x0, top - style.height * unit, x0 + style.width * unit, top),
                          goal))
        # the book's title is the first entry: the others need not repeat it
        name = page.name.removeprefix(f"{org.name}: ") if i else page.name
        name += f", part {page.part[0]}" if page.part else ""
        parent = outline.get(id(page.parent)) if page.parent is not None else None
        outline[id(page)] = writer.add_outline_item(title=f"{name} (page {i + 1})",
                                                    page_number=i, parent=parent)
    found = department_pages(org, home)
    if found:
        listing = writer.add_outline_item(title="Departments", page_number=found[0][1])
        for name, goal in found:
            writer.add_outline_item(title=f"{name} (page {goal + 1})", page_number=goal,
                                    parent=listing)
    for i, rect, goal in links:  # once every page exists: a link names its page object
        target_page = writer.pages[goal]
        annotation = Link(rect=rect, target_page_index=goal)
        annotation[NameObject("/Dest")] = ArrayObject([target_page.indirect_reference,
                                                      NameObject("/Fit")])
        writer.add_annotation(i, annotation)
    writer.add_metadata({"/Title": title or org.name, "/Producer": "ladder"})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
