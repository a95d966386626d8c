"""Org charts as PowerPoint decks: a slide per page, drawn with native, editable shapes.

Slides are where most org charts end up, and people edit them there: a name changes, a box
moves. So nothing is a picture: each card is a rounded rectangle holding its text (name, title,
department) with the department's colour down its left edge, and each connector is a line
shape. A connector from a manager's bottom to a spread report's top is a PowerPoint elbow
connector glued to both cards, so it follows either card when it is moved; the others (into
stacks and lists, round bands) are drawn as the layout routes them.

The chart is cut into slides the way ``--split`` cuts pages (:mod:`ladder.renderers.pages`):
the first slide is the top of the org; a team too big to draw at a readable size leaves for a
slide of its own (its head's card says "→ slide N" and links there), and a team too wide for
one slide is cut into slices. Each slide's top people hang under a card for their manager that
links back. A slide is 13.33 x 7.5 in (16:9); a card is drawn at least :data:`MIN_SCALE` of its
size on screen (names about 7 pt).

Same input, same bytes: python-pptx stamps the package's core properties with the time, so they
are set to fixed values here, and the zip's entries carry a fixed date.
"""

from __future__ import annotations

import datetime
import io
import zipfile
from collections.abc import Mapping

from ladder.analysis.teams import TeamCount, team_counts
from ladder.layout.chart import OrgLayout, layout_org
from ladder.layout.routes import SPREAD
from ladder.model.org import Org
from ladder.renderers.card_geometry import DETAIL, NAME, TITLE
from ladder.renderers.drawings import OrgDrawing
from ladder.renderers.org_cards import NO_DEPARTMENT, department_colours
from ladder.renderers.pages import CONTEXT, MORE, Page, Planner, fill_sheet
from ladder.renderers.results.stats import badge_text
from ladder.text import card_label

EMU_PER_PX = 9525  # 914,400 EMU an inch, 96 CSS px an inch
SLIDE_WIDTH, SLIDE_HEIGHT = 1280.0, 720.0  # px: 13.333 x 7.5 in, PowerPoint's 16:9
MARGIN = 24.0  # px round the chart
HEADING = 44.0  # px above the chart for the slide's title
MIN_SCALE = 0.7  # a card's 13 px name is 6.8 pt: small, but read on a screen at full size
MAX_SCALE = 1.0  # a small team is drawn at the size of the SVG, not blown up
FONT = "Arial"  # in every Office install; the layout's text widths are Helvetica's = Arial's
TEXT, MUTED, LINE, CONTEXT_FILL = "1F2328", "59636E", "8C959F", "F3F4F6"
FIXED_TIME = datetime.datetime(2000, 1, 1)


def room(width: float, height: float) -> float:
    """How many times the smallest readable size a chart ``width`` x ``height`` px can be
    drawn on a slide (>= 1: it fits).

    >>> room(1_000, 400) >= 1, room(5_000, 400) >= 1
    (True, False)
    """
    return _scale(width, height) / MIN_SCALE


def _scale(width: float, height: float) -> float:
    return min((SLIDE_WIDTH - 2 * MARGIN) / max(width, 1.0),
               (SLIDE_HEIGHT - 2 * MARGIN - HEADING) / max(height, 1.0))


def plan_slides(org: Org, *, mode: str = "auto", columns: int = 2,
                levels: Mapping[str, int] | None = None) -> list[Page]:
    """The slides of ``org``: the top first, then each team cut out to fit, in tree order."""
    def measure(page: Org) -> tuple[OrgLayout, float]:
        wanted = {k: v for k, v in levels.items() if k in page.people} if levels else None
        chart = layout_org(page, mode=mode, columns=columns, align_levels=wanted)
        if mode != "auto" or wanted is not None:  # asked for: drawn as asked
            return chart, room(chart.width, chart.height)
        return fill_sheet(page, chart, lambda c: room(c.width, c.height),
                          height=(SLIDE_HEIGHT - 2 * MARGIN - HEADING) / MIN_SCALE,
                          columns=columns)

    planner = Planner(org, measure)
    planner.add(Page("overview", list(org.people), org.name))
    return planner.fit_all()


def org_pptx(drawing: object, format: str = "pptx") -> bytes:
    """The org chart of an :class:`~ladder.renderers.drawings.OrgDrawing` as a deck."""
    assert isinstance(drawing, OrgDrawing)
    counts = drawing.counts or team_counts(drawing.org)
    return deck(drawing.org, title=drawing.title, counts=counts, mode=drawing.options.mode,
                columns=drawing.options.columns, levels=drawing.levels)


def deck(org: Org, *, title: str | None = None, counts: Mapping[str, TeamCount] | None = None,
         mode: str = "auto", columns: int = 2,
         levels: Mapping[str, int] | None = None) -> bytes:
    """``org`` as the bytes of a .pptx file: a slide per page (see the module's notes)."""
    from pptx import Presentation
    from pptx.util import Emu

    pages = plan_slides(org, mode=mode, columns=columns, levels=levels)
    counts = counts if counts is not None else team_counts(org)
    presentation = Presentation()
    presentation.slide_width = Emu(int(SLIDE_WIDTH * EMU_PER_PX))
    presentation.slide_height = Emu(int(SLIDE_HEIGHT * EMU_PER_PX))
    blank = presentation.slide_layouts[6]
    slides = [presentation.slides.add_slide(blank) for _ in pages]
    number = {id(page): i for i, page in enumerate(pages)}
    home: dict[str, int] = {}  # person id -> the slide their own card is first on
    for i, page in enumerate(pages):
        for pid in page.members:
            home.setdefault(pid, i)
    colours = department_colours(org)
    for i, (page, slide) in enumerate(zip(pages, slides, strict=True)):
        heading = (title or org.name) if i == 0 else page.name
        if page.part is not None:
            heading += f", part {page.part[0]} of {page.part[1]}"
        heading += f" · slide {i + 1} of {len(pages)}"
        targets = {pid: number[id(target)] for pid, target in page.links.items()}
        if page.next_slice is not None:
            targets[MORE + page.key] = number[id(page.next_slice)]
        _draw_slide(slide, page, heading, org, counts, colours, targets, home, slides, i)
    _fix_properties(presentation, title or org.name)
    out = io.BytesIO()
    presentation.save(out)
    return _fixed_zip(out.getvalue())


def _draw_slide(slide, page: Page, heading: str, org: Org, counts: Mapping[str, TeamCount],
                colours: dict[str, str], targets: dict[str, int], home: dict[str, int],
                slides: list, index: int) -> None:
    from pptx.enum.shapes import MSO_CONNECTOR, MSO_SHAPE

    assert page.org is not None and page.chart is not None
    chart, people = page.chart, page.org.people
    scale = min(MAX_SCALE, _scale(chart.width, chart.height))
    left = (SLIDE_WIDTH - chart.width * scale) / 2
    top = MARGIN + HEADING

    def emu(px: float) -> int:
        return round(px * EMU_PER_PX)

    def at(x: float, y: float) -> tuple[int, int]:
        return emu(left + x * scale), emu(top + y * scale)

    box = slide.shapes.add_textbox(emu(MARGIN), emu(MARGIN / 2), emu(SLIDE_WIDTH - 2 * MARGIN),
                                   emu(HEADING))
    box.name = "Title"
    _write(box.text_frame, [(heading, 20, True, TEXT)])
    style = chart.style
    shapes = []
    for i, pid in enumerate(chart.ids):
        person = people[pid]
        context = pid.startswith(CONTEXT) or pid.startswith(MORE)
        x, y = at(chart.x[i], chart.y[i])
        card = slide.shapes.add_shape(MSO_SHAPE.ROUNDED_RECTANGLE, x, y,
                                      emu(style.width * scale), emu(style.height * scale))
        card.name = f"Card {pid}"
        card.adjustments[0] = 0.08
        card.fill.solid()
        card.fill.fore_color.rgb = _rgb("FFFFFF" if not context else CONTEXT_FILL)
        card.line.color.rgb = _rgb(colours.get(person.department or "", NO_DEPARTMENT))
        card.line.width = emu(2.0 * scale)
        _plain(card)
        name = card_label(person)
        second = "" if person.vacant or person.title == name else person.title
        dep = person.department or ""
        third = org.departments[dep].name if dep in org.departments else dep
        if pid in targets:
            third = f"→ slide {targets[pid] + 1}"
        elif context and pid.startswith(CONTEXT) and pid[len(CONTEXT):] in home:
            third = f"↑ manager on slide {home[pid[len(CONTEXT):]] + 1}"
        elif not context and pid in counts:
            third = (third + " · " if third else "") + badge_text(counts[pid])
        lines = [(name, NAME.size * scale * 0.75, True, TEXT)]
        lines += [(text, row.size * scale * 0.75, False, MUTED)
                  for text, row in ((second, TITLE), (third, DETAIL)) if text]
        _write(card.text_frame, lines, margin=emu(8 * scale))
        goal = targets.get(pid)
        if goal is None and pid.startswith(CONTEXT):
            goal = home.get(pid[len(CONTEXT):])
        if goal is not None and goal != index:
            card.click_action.target_slide = slides[goal]
        shapes.append(card)
    for p in range(len(chart.ids)):
        if chart.manager[p] < 0:
            continue
        boss = shapes[chart.manager[p]]
        if chart.edge_kind[p] == SPREAD:
            line = slide.shapes.add_connector(MSO_CONNECTOR.ELBOW, 0, 0, 0, 0)
            line.begin_connect(boss, 2)  # bottom middle of the manager's card
            line.end_connect(shapes[p], 0)  # top middle of the report's
            _line_style(line, scale)
            continue
        points = chart.route(p)
        for (x1, y1), (x2, y2) in zip(points, points[1:], strict=False):
            (a, b), (c, d) = at(x1, y1), at(x2, y2)
            line = slide.shapes.add_connector(MSO_CONNECTOR.STRAIGHT, a, b, c, d)
            _line_style(line, scale)


def _plain(shape) -> None:
    """``shape`` without the theme's style: its effect is a grey shadow in Impress whatever
    the shape's own properties say (its line, fill and fonts are all set here)."""
    from pptx.oxml.ns import qn

    style = shape.element.find(qn("p:style"))
    if style is not None:
        shape.element.remove(style)


def _line_style(line, scale: float) -> None:
    _plain(line)
    line.line.color.rgb = _rgb(LINE)
    line.line.width = round(1.5 * scale * EMU_PER_PX)
    line.name = "Line"


def _write(frame, lines: list[tuple[str, float, bool, str]], margin: int = 0) -> None:
    from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
    from pptx.util import Pt

    frame.word_wrap = True
    frame.vertical_anchor = MSO_ANCHOR.MIDDLE
    frame.margin_left = frame.margin_right = margin
    frame.margin_top = frame.margin_bottom = 0
    for number, (text, size, bold, colour) in enumerate(lines):
        paragraph = frame.paragraphs[0] if number == 0 else frame.add_paragraph()
        paragraph.alignment = PP_ALIGN.LEFT
        run = paragraph.add_run()
        run.text = text
        run.font.size = Pt(round(size * 2) / 2)
        run.font.bold = bold
        run.font.name = FONT
        run.font.color.rgb = _rgb(colour)


def _rgb(colour: str):
    from pptx.dml.color import RGBColor

    return RGBColor.from_string(colour.lstrip("#").upper()[:6])


def _fix_properties(presentation, title: str) -> None:
    core = presentation.core_properties
    core.title = title
    core.author = core.last_modified_by = "ladder"
    core.created = core.modified = FIXED_TIME
    core.revision = 1


def _fixed_zip(data: bytes) -> bytes:
    """The package re-zipped with a fixed date on every entry, in the same order."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            entry = zipfile.ZipInfo(item.filename, date_time=(2000, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, source.read(item.filename))
    return out.getvalue()

