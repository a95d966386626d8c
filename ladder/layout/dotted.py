"""Dotted-line connectors: each on its own track, inside the canvas, clear of everything solid.

A dotted line runs from the dotted-line manager's card (where the arrowhead goes) to the
person's card, across and down only, through the space the solid layout leaves free:

* it leaves and enters each card through a *port* of its own on the card's bottom or top edge,
  away from the centre where the solid connectors attach;
* its horizontal runs lie on *tracks* in the gutters between rows, at least :data:`GAP` from
  the cards and from the solid buses in the middle of each gutter; no two dotted lines share a
  track where their runs overlap;
* when the cards are more than one row apart it drops through a *channel*: an x at least
  :data:`GAP` from every card, every solid vertical line and every other dotted line over the
  rows it crosses, searched outwards from the person's port (so lines into one column share
  the way down beside it, each on its own x); when no channel is free inside the drawing, it
  runs down beside it and the canvas widens to hold it.

Zones: the drawing is cut into horizontal zones, ``2 * row`` for a row of cards and
``2 * row + 1`` for the gutter below it. Obstacles are x intervals per zone.
"""

from __future__ import annotations

import bisect
import math

from ladder.layout.org_layout import OrgLayout
from ladder.layout.routes import Point, simplified

GAP = 3.0  # least distance from a dotted line to a card, a solid line or another dotted line
PORT_FROM_RIGHT = 22.0  # the first port on a card edge lies this far from its right end
PORT_STEP = 8.0  # between two ports on one card edge


def route_dotted_lines(chart: OrgLayout, pairs: list[tuple[int, int]]) -> None:
    """Route the dotted lines ``pairs`` (dotted-line manager, person) into ``chart``.

    Sets ``chart.dotted`` and ``chart.dotted_routes``, and widens (or, for a single row,
    heightens) the canvas where a route needs room beside the cards.
    """
    chart.dotted = pairs
    chart.dotted_routes = []
    if not pairs:
        return
    router = _Router(chart)
    chart.dotted_routes = [router.route(source, target) for source, target in pairs]
    chart.width = max(chart.width, router.right_edge)
    chart.height = max(chart.height, router.bottom_edge)


class _Router:
    def __init__(self, chart: OrgLayout) -> None:
        self.chart = chart
        style = chart.style
        self.pitch, self.card_height = style.pitch, style.height
        self.rows = max(chart.rows, 1)
        self.right_edge, self.bottom_edge = chart.width, chart.height
        self.solid = _solid_obstacles(chart)
        self.dotted_vertical: dict[int, list[tuple[float, float, float]]] = {}  # zone -> x,y,y
        self.tracks: dict[float, list[tuple[float, float]]] = {}  # y -> x intervals in use
        self.ports: dict[tuple[int, str], int] = {}  # (person, "top"/"bottom") -> ports used
        gutter = style.level_gap
        offsets = [GAP * k for k in range(1, int(gutter / GAP) + 1)
                   if GAP * k <= gutter - GAP and abs(GAP * k - gutter / 2) >= GAP]
        # Near three quarters down the gutter first (below the solid bus, as before), then out.
        self.offsets = sorted(offsets, key=lambda o: (abs(o - 0.75 * gutter), o))

    # -- geometry --------------------------------------------------------------------------
    def row_of(self, person: int) -> int:
        return round(self.chart.y[person] / self.pitch)

    def zone(self, y: float) -> int:
        row, within = divmod(y, self.pitch)
        return 2 * int(row) + (1 if within > self.card_height else 0)

    def zones(self, top: float, bottom: float) -> range:
        return range(self.zone(top + 1e-6), self.zone(bottom - 1e-6) + 1)

    def port(self, person: int, edge: str) -> float:
        """A new port on ``person``'s ``edge``: right of centre first, then left of it."""
        used = self.ports.get((person, edge), 0)
        self.ports[person, edge] = used + 1
        width = self.chart.style.width
        right = math.floor((width / 2 - PORT_FROM_RIGHT - GAP) / PORT_STEP) + 1
        if used < right:
            offset = width - PORT_FROM_RIGHT - used * PORT_STEP
        else:
            offset = width / 2 - PORT_STEP * (used - right + 1)
            if offset < self.chart.style.indent / 2 + GAP * 2:  # a crowded card: halfway ports
                offset = width - PORT_FROM_RIGHT - PORT_STEP / 2 - (used % right) * PORT_STEP
        return self.chart.x[person] + offset

    # -- routing ---------------------------------------------------------------------------
    def route(self, source: int, target: int) -> tuple[Point, ...]:
        chart, height = self.chart, self.card_height
        upper, lower = (source, target)
        if self.row_of(lower) < self.row_of(upper):
            upper, lower = lower, upper
        top_row, bottom_row = self.row_of(upper), self.row_of(lower)
        if top_row == bottom_row:
            above = top_row > 0 and top_row == self.rows - 1  # the last row: the gutter above
            edge = "top" if above else "bottom"
            upper_x, lower_x = self.port(upper, edge), self.port(lower, edge)
            gutter = top_row - 1 if above else top_row
            card_edge = chart.y[upper] + (0.0 if above else height)
            track = self.track(gutter, upper_x, lower_x, [(upper_x, card_edge),
                                                          (lower_x, card_edge)])
            points = [(upper_x, card_edge), (upper_x, track), (lower_x, track),
                      (lower_x, card_edge)]
        else:
            upper_x, lower_x = self.port(upper, "bottom"), self.port(lower, "top")
            start, end = (upper_x, chart.y[upper] + height), (lower_x, chart.y[lower])
            if bottom_row == top_row + 1:
                track = self.track(top_row, upper_x, lower_x, [start, end])
                points = [start, (upper_x, track), (lower_x, track), end]
            else:
                points = self.through_rows(start, end, top_row, bottom_row)
        self.register(points)
        if upper != source:
            points.reverse()
        return simplified(points)

    def through_rows(self, start: Point, end: Point, top_row: int,
                     bottom_row: int) -> list[Point]:
        """Down from ``start`` to a track, across to a channel, down it, across, into ``end``."""
        upper_x, lower_x = start[0], end[0]
        gutter_top = top_row * self.pitch + self.card_height
        gutter_bottom = (bottom_row - 1) * self.pitch + self.card_height
        channel = self.channel(gutter_top, gutter_bottom + self.chart.style.level_gap, lower_x,
                               upper_x)
        first = self.track(top_row, upper_x, channel, [start])
        second = self.track(bottom_row - 1, channel, lower_x, [end])
        return [start, (upper_x, first), (channel, first), (channel, second), (lower_x, second),
                end]

    def track(self, gutter: int, x1: float, x2: float, ends: list[Point]) -> float:
        """The y of a free track in ``gutter`` for a run from x1 to x2; ``ends`` are the card
        ports the run is joined to, whose short vertical legs must be free too."""
        left, right = min(x1, x2), max(x1, x2)
        top = gutter * self.pitch + self.card_height
        fallback = top + self.offsets[0]
        for offset in self.offsets + self.finer_offsets():
            y = top + offset
            if any(a < right + GAP and left < b + GAP for a, b in self.tracks.get(y, ())):
                continue
            if all(self.leg_is_free(x, card_y, y) for x, card_y in ends):
                return y
        return fallback

    def finer_offsets(self) -> list[float]:
        """Half-steps between the tracks, for a gutter crowded with dotted lines."""
        return [o + GAP / 2 for o in self.offsets] + [o + GAP / 4 for o in self.offsets]

    def leg_is_free(self, x: float, y1: float, y2: float) -> bool:
        top, bottom = min(y1, y2), max(y1, y2)
        for zone in self.zones(top, bottom):
            for other_x, other_top, other_bottom in self.dotted_vertical.get(zone, ()):
                if abs(other_x - x) < GAP and other_top < bottom and top < other_bottom:
                    return False
        return True

    def channel(self, top: float, bottom: float, near: float, toward: float) -> float:
        """An x free of cards and lines from ``top`` to ``bottom``: nearest to ``near``, then to
        ``toward``; right of the drawing when nothing inside is free."""
        zones = self.zones(top, bottom)
        found = []
        for direction in (1, -1):
            x = self.sweep(zones, near, direction, top, bottom)
            if GAP <= x:
                found.append((abs(x - near), abs(x - toward), x))
        x = min(found)[2]
        if x + GAP > self.right_edge:
            self.right_edge = x + GAP
        return x

    def sweep(self, zones: range, x: float, direction: int, top: float, bottom: float) -> float:
        """The first x from ``x`` in ``direction`` that no obstacle of ``zones`` covers."""
        moved = True
        while moved:
            moved = False
            for zone in zones:
                blocked = self.solid.get(zone)
                if blocked:
                    starts, ends = blocked
                    i = bisect.bisect_right(starts, x) - 1
                    if i >= 0 and x < ends[i] and starts[i] < x:
                        x = ends[i] if direction > 0 else starts[i]
                        moved = True
                for other_x, other_top, other_bottom in self.dotted_vertical.get(zone, ()):
                    if (abs(other_x - x) < GAP and other_top < bottom and top < other_bottom):
                        x = other_x + GAP * direction
                        moved = True
            if direction < 0 and x < GAP:
                return x  # out of the drawing on the left: the caller looks right instead
        return x

    def register(self, points: list[Point]) -> None:
        """Mark the runs of a new route as taken."""
        for (x1, y1), (x2, y2) in zip(points, points[1:], strict=False):
            if y1 == y2 and x1 != x2:
                self.tracks.setdefault(y1, []).append((min(x1, x2), max(x1, x2)))
            elif x1 == x2 and y1 != y2:
                top, bottom = min(y1, y2), max(y1, y2)
                for zone in self.zones(top, bottom):
                    self.dotted_vertical.setdefault(zone, []).append((x1, top, bottom))
            if max(y1, y2) + GAP > self.bottom_edge:  # only a chart of one row routes below it
                self.bottom_edge = max(y1, y2) + GAP


def _solid_obstacles(chart: OrgLayout) -> dict[int, tuple[list[float], list[float]]]:
    """Per zone, the merged x intervals within GAP of a card or a solid vertical line."""
    style = chart.style
    pitch, height, width = style.pitch, style.height, style.width
    raw: dict[int, list[tuple[float, float]]] = {}
    for x, y in zip(chart.x, chart.y, strict=True):
        raw.setdefault(2 * round(y / pitch), []).append((x - GAP, x + width + GAP))
    seen: set[tuple[float, int]] = set()
    for person in range(len(chart)):
        if chart.manager[person] < 0:
            continue
        points = chart.route(person)
        for (x1, y1), (x2, y2) in zip(points, points[1:], strict=False):
            if x1 != x2 or y1 == y2:
                continue
            top, bottom = min(y1, y2) + 1e-6, max(y1, y2) - 1e-6
            first = 2 * int(top // pitch) + (1 if top % pitch > height else 0)
            last = 2 * int(bottom // pitch) + (1 if bottom % pitch > height else 0)
            for zone in range(first, last + 1):
                if (x1, zone) not in seen:
                    seen.add((x1, zone))
                    raw.setdefault(zone, []).append((x1 - GAP, x1 + GAP))
    merged: dict[int, tuple[list[float], list[float]]] = {}
    for zone, spans in raw.items():
        spans.sort()
        starts: list[float] = []
        ends: list[float] = []
        for start, end in spans:
            if ends and start <= ends[-1]:
                ends[-1] = max(ends[-1], end)
            else:
                starts.append(start)
                ends.append(end)
        merged[zone] = (starts, ends)
    return merged
