"""Connectors' vocabulary: points, the kinds of solid connector, and polylines simplified.

A solid connector is the elbow line from a manager to each report, as an axis-parallel
polyline (:meth:`ladder.layout.org_layout.OrgLayout.route` draws it; the dotted ones are
:mod:`ladder.layout.dotted`'s). How it runs depends on how the report was placed (its *edge
kind*):

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

Point = tuple[float, float]

SPREAD, STACK, LIST, ASSIST, CONTINUED, BANDED, BANDED_STACK = range(7)
EDGE_KINDS = ("spread", "stack", "list", "assistant", "list", "spread", "stack")


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
