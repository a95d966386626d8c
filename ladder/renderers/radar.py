"""The radar of a self-assessment: one axis per area, the ratings as a filled shape, and what
the next role (or each next milestone) asks as a dashed outline. Drawn as a page of shapes
(render/page.py): SVG directly, PNG/PDF through pinned DOT.
"""

from __future__ import annotations

import math

from ladder.analysis.assess import Assessment
from ladder.layout.cards import text_width
from ladder.renderers.page import INK, MUTED, Line, Sheet, Text, page_bytes

RADIUS = 170.0
MARGIN = 24.0
RATED = "#3b6ea8"
WANTED = "#b5522b"


def radar_page(result: Assessment) -> Sheet:
    """Lay the radar out."""
    areas = result.areas
    top = max([1, *(a.wanted for a in areas), *(a.rating for a in areas)])
    label_room = max([80.0, *(text_width(a.area.name, 12) for a in areas)])
    width = 2 * (MARGIN + label_room + RADIUS + 12)
    centre_x, centre_y = width / 2, MARGIN + 60 + 30 + RADIUS
    page = Sheet(width, centre_y + RADIUS * 1.12 + 30 + MARGIN)
    who = result.person or "Self-assessment"
    title = result.title or "no title yet"
    page.texts.append(Text(MARGIN, MARGIN + 20, f"{who}: {title}", 20, bold=True))
    if result.points is not None:
        key = "dashed: the next milestone in each area"
    elif result.next_roles:
        key = f"dashed: what {result.next_roles[0].title} asks (where it asks nothing: the rating)"
    else:
        key = "dashed: what the top role asks"
    page.texts.append(Text(MARGIN, MARGIN + 40, f"filled: the ratings; {key}", 12,
                           colour=MUTED))
    count = max(len(areas), 1)

    def point(index: int, value: float) -> tuple[float, float]:
        angle = -math.pi / 2 + 2 * math.pi * index / count
        distance = RADIUS * value / top
        return (centre_x + distance * math.cos(angle), centre_y + distance * math.sin(angle))

    for ring in range(1, top + 1):
        page.lines.append(Line(tuple(point(i, ring) for i in range(count)), "#d0d7de",
                               closed=True))
        page.texts.append(Text(centre_x + 3, point(0, ring)[1] - 2, str(ring), 9,
                               colour=MUTED))
    for index, item in enumerate(areas):
        page.lines.append(Line((point(index, 0), point(index, top)), "#d0d7de"))
        x, y = point(index, top * 1.12)
        size = text_width(item.area.name, 12, bold=True)
        left = x - size / 2 if abs(x - centre_x) < 10 else (x if x > centre_x else x - size)
        page.texts.append(Text(left, y + 4, item.area.name, 12, bold=True))
    if areas:
        page.lines.append(Line(tuple(point(i, a.wanted or a.rating)
                                     for i, a in enumerate(areas)),
                               WANTED, 2.0, dashed=True, closed=True))
        page.lines.append(Line(tuple(point(i, a.rating) for i, a in enumerate(areas)), RATED,
                               2.5, closed=True, fill="#3b6ea833"))
    if result.points is not None:
        page.texts.append(Text(MARGIN, page.height - MARGIN, f"{result.points} points", 12,
                               colour=INK))
    return page


def radar_bytes(result: Assessment, format: str) -> bytes:
    """The radar as SVG, PNG, PDF or DOT bytes."""
    return page_bytes(radar_page(result), format, name="radar")
