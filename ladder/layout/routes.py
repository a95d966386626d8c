"""Solid connectors: the elbow line from a manager to each report, as an axis-parallel polyline.

How a connector runs depends on how the report was placed (its *edge kind*):

* ``SPREAD``: down from the manager's bottom centre to the bus in the gutter below, across, and
  down into the report's top centre;
* ``STACK``: down to the bus, across to the stack's spine, down the spine, and across into the
  side of the report's card (a leaf stack, or the first level of a wrapped indented list);
* ``LIST``: down the line just right of the manager's left edge, across into the report (an
  indented list); straight down into the report's top when it is its manager's only report,
  drawn right under it without indent (so a chain folds into columns instead of a staircase);
* ``CONTINUED``: a list that runs on into the next column: down a line from the column's top;
* ``ASSIST``: across from the manager's right side to the assistant beside it;
* ``BANDED``/``BANDED_STACK``: a report in a later band of a wide span: down the manager's
  bus, then down each band's trunk to the bus of the report's band, then as ``SPREAD``/``STACK``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ladder.layout.org_layout import OrgLayout

Point = tuple[float, float]

SPREAD, STACK, LIST, ASSIST, CONTINUED, BANDED, BANDED_STACK = range(7)
EDGE_KINDS = ("spread", "stack", "list", "assistant", "list", "spread", "stack")


def solid_route(chart: OrgLayout, person: int) -> list[Point]:
    """The elbow connector from ``person``'s manager down (or across) to ``person``."""
    style = chart.style
    width, height = style.width, style.height
    boss = chart.manager[person]
    boss_x, boss_y = chart.x[boss], chart.y[boss]
    x, y = chart.x[person], chart.y[person]
    kind = chart.edge_kind[person]
    if kind == ASSIST:
        return [(boss_x + width, boss_y + height / 2), (x, y + height / 2)]
    if kind == LIST:
        drop = boss_x + style.indent / 2
        if x == boss_x:  # a sole report, right under its manager (a chain): straight down
            return [(drop, boss_y + height), (drop, y)]
        return [(drop, boss_y + height), (drop, y + height / 2), (x, y + height / 2)]
    if kind == CONTINUED:  # the manager heads an earlier column: the line enters from above
        drop = chart.edge_via[person]
        return [(drop, chart.edge_top[person]), (drop, y + height / 2), (x, y + height / 2)]
    top_x = boss_x + width / 2
    bottom = boss_y + height
    bus = bottom + style.level_gap / 2
    start = [(top_x, bottom), (top_x, bus)]
    if kind in (BANDED, BANDED_STACK):  # down the trunks of the bands above the report's own
        for trunk_x, band_bus in chart.bands[boss][:chart.band_of[person] - 1]:
            start += [(trunk_x, bus), (trunk_x, band_bus)]
            bus = band_bus
    if kind in (STACK, BANDED_STACK):
        spine = chart.edge_via[person]
        middle = y + height / 2
        side = x + width if x + width <= spine else x
        points = start + [(spine, bus), (spine, middle), (side, middle)]
    else:
        centre = x + width / 2
        points = start + [(centre, bus), (centre, y)]
    return list(simplified(points))


def simplified(points: Sequence[Point]) -> tuple[Point, ...]:
    """The polyline without repeated points and without middle points of straight runs.

    >>> simplified([(0, 0), (0, 5), (0, 5), (0, 9), (4, 9)])
    ((0, 0), (0, 9), (4, 9))
    """
    kept: list[Point] = []
    for point in points:
        if kept and point == kept[-1]:
            continue
        if len(kept) >= 2:
            (ax, ay), (bx, by) = kept[-2], kept[-1]
            if (ax == bx == point[0]) or (ay == by == point[1]):
                kept[-1] = point
                continue
        kept.append(point)
    return tuple(kept)
