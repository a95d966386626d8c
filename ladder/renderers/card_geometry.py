"""Where things sit on an org-chart page: the one definition of fonts, text rows and sizes.

The SVG writer, the pinned-DOT writer and the bitmap-size check all read these numbers, so
what the check measures is what the writers draw. A card is ``CardStyle.width`` by
``CardStyle.height`` (from the layout); inside it, three rows of text to the right of a
colour stripe; under a manager's card, a badge with the team count. Above the chart: the
title, the legend rows (a swatch per department, then the note on how teams are counted).

>>> NAME.size, TITLE.size, DETAIL.size
(13, 12, 11)
>>> frame_for([], 300.0, 200.0, notes=0).width  # never narrower than 640 px plus margins
688.0
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ladder.layout.cards import (
    DETAIL_SIZE,
    NAME_SIZE,
    TEXT_MARGIN,
    TITLE_SIZE,
    TITLE_STEP,
    CardStyle,
    text_width,
)
from ladder.text import wrap


@dataclass(frozen=True)
class TextRow:
    """One row of text on a card: font size, weight, its baseline in SVG and its DOT cell."""

    size: int
    baseline: float  # y of the baseline from the card's top (SVG)
    cell: int  # height of the row's table cell in the DOT label
    bold: bool = False


NAME = TextRow(NAME_SIZE, 22, 18, bold=True)
TITLE = TextRow(TITLE_SIZE, 40, 17)
DETAIL = TextRow(DETAIL_SIZE, 57, 16)  # department, a note, or the page a card links to
TEXT_LEFT = 14.0  # text starts this far right of the card's left edge
STRIPE_WIDTH = 5.0  # the department's colour down the card's left edge
STRIPE_INSET = 6.0  # the stripe stops this far from the card's top and bottom
TEXT_ROOM_MARGIN = TEXT_MARGIN  # text room = card width minus this (stripe, padding)
CORNER = 6.0  # card corner radius

BADGE_SIZE = 10  # badge font size
BADGE_HEIGHT = 16.0
BADGE_PADDING = 7.0  # either side of the badge text
BADGE_RISE = 8.0  # the badge straddles the card's bottom edge by this much

MARGIN = 24.0  # around the page
HEADING_SIZE = 20
TITLE_HEIGHT = 44.0  # the heading's band
LEGEND_ROW = 24.0
LEGEND_SIZE = 12
SWATCH = 14.0
SWATCH_GAP = 20.0  # from the swatch's left edge to its label
LEGEND_GAP = 8.0  # below the last legend row
MIN_CHART_WIDTH = 640.0


def detail_baseline(style: CardStyle) -> float:
    """Baseline of the third row (department, note) on a card of ``style``: lower by a line
    when titles wrap onto two (``TITLE_STEP`` under the first).

    >>> detail_baseline(CardStyle()), detail_baseline(CardStyle(title_lines=2))
    (57.0, 72.0)
    """
    return DETAIL.baseline + (style.title_lines - 1) * TITLE_STEP


def text_room(card_width: float) -> float:
    """Width left for text on a card ``card_width`` wide."""
    return card_width - TEXT_ROOM_MARGIN


@lru_cache(maxsize=4096)
def badge_width(badge: str) -> float:
    """Width of the headcount badge: its text and the padding either side.

    >>> badge_width("3 direct · 12 in team")
    102
    """
    return round(2 * BADGE_PADDING + text_width(badge, BADGE_SIZE))


def legend_step(label: str) -> float:
    """Room one legend entry takes: swatch, gap, label, gap to the next entry."""
    return SWATCH_GAP + 14 + text_width(label, LEGEND_SIZE)


def legend_rows(legend: list[tuple[str, str]], width: float,
                starts: Collection[int] = ()) -> list[list[tuple[str, str]]]:
    """The (colour, label) entries broken into rows no wider than ``width``, and before each
    entry numbered in ``starts`` (a division's first unit: each division on rows of its own).

    >>> [len(row) for row in legend_rows([("#000", "A")] * 5, 640, starts={3})]
    [3, 2]
    """
    rows: list[list[tuple[str, str]]] = [[]]
    used = 0.0
    for number, (colour, label) in enumerate(legend):
        need = legend_step(label)
        if rows[-1] and (used + need > width or number in starts):
            rows.append([])
            used = 0.0
        rows[-1].append((colour, label))
        used += need
    return rows if rows[0] else []


def wrap_note(text: str, width: float) -> list[str]:
    """``text`` broken at spaces into lines no wider than ``width`` at the legend's size.

    >>> wrap_note("one two three", 60)
    ['one two', 'three']
    """
    return list(_wrapped_note(text, width))


@lru_cache(maxsize=256)  # one note text, a few page widths: a docs build draws page after page
def _wrapped_note(text: str, width: float) -> tuple[str, ...]:
    return tuple(wrap(text, width, measure=lambda line: text_width(line, LEGEND_SIZE)))


@dataclass(frozen=True)
class Frame:
    """The page around a chart: the legend's rows, the note lines, the size, the chart's top."""

    legend_rows: list[list[tuple[str, str]]]
    note_lines: list[str]
    width: float
    height: float
    top: float  # y of the chart's top edge on the page (its left edge is at MARGIN)


def page_width(chart_width: float) -> float:
    """The width of the page a chart ``chart_width`` px wide is drawn on (:func:`frame_for`).

    >>> page_width(100.0), page_width(1000.0)
    (688.0, 1048.0)
    """
    return max(chart_width, MIN_CHART_WIDTH) + 2 * MARGIN


def frame_for(legend: list[tuple[str, str]], chart_width: float, chart_height: float,
              *, notes: int | str = 0, starts: Collection[int] = ()) -> Frame:
    """The page for a chart of that size under a legend (and the note on counts, if any).

    ``notes``: the legend's note text (wrapped to the page), or 0 for none; ``starts``: the
    legend entries that begin a row (see :func:`legend_rows`).
    """
    width = page_width(chart_width)
    rows = legend_rows(legend, width - 2 * MARGIN, starts)
    lines = wrap_note(notes, width - 2 * MARGIN) if isinstance(notes, str) else []
    header = TITLE_HEIGHT + (len(rows) + len(lines)) * LEGEND_ROW
    if rows or lines:
        header += LEGEND_GAP
    top = MARGIN + header
    return Frame(rows, lines, width, top + chart_height + MARGIN, top)


ARROW = 7.0  # length of a dotted line's arrowhead, px


def arrow_base(route: Sequence[tuple[float, float]]) -> tuple[tuple[float, float],
                                                              tuple[float, float]]:
    """(tip, base) of the arrowhead at a route's start: the tip on the card, the base up to
    ARROW px back along the first run (the SVG and the pinned DOT draw the same head).

    >>> arrow_base([(10, 0), (10, 20), (40, 20)])
    ((10, 0), (10.0, 7.0))
    """
    (x1, y1), (x2, y2) = route[0], route[1]
    length = abs(x2 - x1) + abs(y2 - y1)  # runs are across or down
    step = min(ARROW, length) / length if length else 0.0
    return (x1, y1), (x1 + (x2 - x1) * step, y1 + (y2 - y1) * step)
