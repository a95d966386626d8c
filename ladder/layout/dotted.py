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
import functools
import itertools
from collections.abc import Iterable
from typing import Literal, overload

from ladder.layout.org_layout import OrgLayout, solid_route
from ladder.layout.routes import CONTINUED, LIST, SPREAD, STACK, Point, simplified

GAP = 3.0  # least distance from a dotted line to a card, a solid line or another dotted line
PORT_FROM_RIGHT = 22.0  # the first port on a card edge lies this far from its right end
BADGE_HALF = 75.0  # half the width of the widest team badge on a card's bottom edge
PORT_STEP = 8.0  # between two ports on one card edge (halved, and so on, on a crowded card)


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
        self.pitch, self.card_height, self.level_gap = style.pitch, style.height, style.level_gap
        self.xs, self.ys = chart.x, chart.y
        self.rows = max(chart.rows, 1)
        self.right_edge, self.bottom_edge = chart.width, chart.height
        self.solid = _solid_obstacles(chart)
        self.solid_merged: dict[tuple[int, int], tuple[list[float], list[float]]] = {}
        self.solid_kinds_merged: dict[frozenset[int], tuple[list[float], list[float]]] = {}
        # the vertical runs of the dotted lines routed so far, (x, top, bottom): per zone and
        # sorted, for the short legs to a card (only those near its x are looked at); and each
        # once, for the channels down through many zones (walking every zone's list per step
        # repeated a long run in each: minutes for a mesh)
        self.dotted_vertical: dict[int, list[tuple[float, float, float]]] = {}
        self.dotted_runs: list[tuple[float, float, float]] = []
        self.tracks: dict[float, list[tuple[float, float]]] = {}  # y -> x intervals in use
        self.ports: dict[tuple[int, str], set[float]] = {}  # (person, top/bottom) -> offsets
        self.offsets = _track_offsets(style.level_gap)
        top, bottom = _edge_ports(style.width, style.indent)
        self.port_offsets = {"top": top, "bottom": bottom}

    # -- geometry --------------------------------------------------------------------------
    def zones(self, top: float, bottom: float) -> range:
        # zone() twice, written out: the routing asks this hundreds of times a chart
        pitch, height = self.pitch, self.card_height
        first_row, first_within = divmod(top + 1e-6, pitch)
        last_row, last_within = divmod(bottom - 1e-6, pitch)
        return range(2 * int(first_row) + (first_within > height),
                     2 * int(last_row) + (last_within > height) + 1)

    def port(self, person: int, edge: str, *, take: bool = True, skip: int = 0) -> float:
        """The x of a free port on ``person``'s ``edge`` (the ``skip``-th free one), taken
        unless ``take`` is false: right of centre first, then left of it; one whose leg across
        the gutter meets no dotted line already there, when there is one."""
        return self.free_port(person, edge, take, skip)[0]

    def free_port(self, person: int, edge: str, take: bool = True,
                  skip: int = 0) -> tuple[float, bool]:
        """:meth:`port`, and whether its leg across the gutter is clear: then so is its leg
        to any track of that gutter, until another line is registered."""
        used = self.ports.get((person, edge))
        if used is None:
            used = self.ports[(person, edge)] = set()
        card_x = self.xs[person]
        if edge == "top":
            card_y = self.ys[person]
            far_y = card_y - self.level_gap
        else:
            card_y = self.ys[person] + self.card_height
            far_y = card_y + self.level_gap
        offset, passed = None, 0
        for candidate in self.port_offsets[edge]:  # a loop: most often the first one will do
            if candidate not in used and self.leg_is_clear(card_x + candidate, card_y, far_y):
                if passed == skip:
                    offset = candidate
                    break
                passed += 1
        clear = offset is not None
        if offset is None:  # every leg meets another: the first free port
            unused = [offset for offset in self.port_offsets[edge] if offset not in used]
            offset = unused[min(skip, len(unused) - 1)]
        if take:
            used.add(offset)
        return card_x + offset, clear

    # -- routing ---------------------------------------------------------------------------
    def route(self, source: int, target: int) -> tuple[Point, ...]:
        ys, pitch, height = self.ys, self.pitch, self.card_height
        upper, lower = (source, target)
        top_row, bottom_row = round(ys[upper] / pitch), round(ys[lower] / pitch)
        if bottom_row < top_row:
            upper, lower, top_row, bottom_row = lower, upper, bottom_row, top_row
        if top_row == bottom_row:
            # One row: meet in the gutter below it; on the last of several rows, in the gutter
            # above if a track is free there, else below (the canvas grows to hold the line).
            ways = [("bottom", top_row)]
            if top_row > 0:
                ways.insert(0 if top_row == self.rows - 1 else 1, ("top", top_row - 1))
            found = (self.along_row(upper, lower, edge, gutter) for edge, gutter in ways)
            points = next((way for way in found if way is not None), None)
            if points is None:  # every track taken: share the first gutter's first track
                points = self.along_row(upper, lower, *ways[0], required=True)
        else:
            (upper_x, upper_clear), (lower_x, lower_clear) = (self.free_port(upper, "bottom"),
                                                              self.free_port(lower, "top"))
            start, end = (upper_x, ys[upper] + height), (lower_x, ys[lower])
            # the legs still to check on the way to a track (a port's clear leg needs none)
            start_leg = [] if upper_clear else [start]
            end_leg = [] if lower_clear else [end]
            if bottom_row == top_row + 1:
                track = self.track(top_row, upper_x, lower_x, start_leg + end_leg)
                points = [start, (upper_x, track), (lower_x, track), end]
            else:
                points = self.through_rows(start, end, top_row, bottom_row, start_leg, end_leg)
        self.register(points)
        if upper != source:
            points.reverse()
        return simplified(points)

    def through_rows(self, start: Point, end: Point, top_row: int, bottom_row: int,
                     start_leg: list[Point], end_leg: list[Point]) -> list[Point]:
        """Down from ``start`` to a track, across to a channel, down it, across, into ``end``
        (``start_leg`` and ``end_leg``: the ports whose legs are still to be checked)."""
        upper_x, lower_x = start[0], end[0]
        gutter_top = top_row * self.pitch + self.card_height
        gutter_bottom = (bottom_row - 1) * self.pitch + self.card_height
        channel = self.channel(gutter_top, gutter_bottom + self.level_gap, lower_x, upper_x)
        first = self.track(top_row, upper_x, channel, start_leg)
        second = self.track(bottom_row - 1, channel, lower_x, end_leg)
        return [start, (upper_x, first), (channel, first), (channel, second), (lower_x, second),
                end]

    @overload
    def along_row(self, upper: int, lower: int, edge: str, gutter: int,
                  required: Literal[True]) -> list[Point]: ...
    @overload
    def along_row(self, upper: int, lower: int, edge: str, gutter: int,
                  required: bool = False) -> list[Point] | None: ...

    def along_row(self, upper: int, lower: int, edge: str, gutter: int,
                  required: bool = False) -> list[Point] | None:
        """Out of two cards of one row through their ``edge``, along a track of ``gutter``."""
        upper_x = self.port(upper, edge, take=False)
        lower_x = self.port(lower, edge, take=False, skip=1 if upper == lower else 0)
        card_edge = self.chart.y[upper] + (0.0 if edge == "top" else self.card_height)
        track = self.track(gutter, upper_x, lower_x, [(upper_x, card_edge), (lower_x, card_edge)],
                           required=required)
        if track is None:
            return None
        self.port(upper, edge)
        self.port(lower, edge)
        return [(upper_x, card_edge), (upper_x, track), (lower_x, track), (lower_x, card_edge)]

    @overload
    def track(self, gutter: int, x1: float, x2: float, ends: list[Point], *,
              required: Literal[True] = True) -> float: ...
    @overload
    def track(self, gutter: int, x1: float, x2: float, ends: list[Point], *,
              required: bool) -> float | None: ...

    def track(self, gutter: int, x1: float, x2: float, ends: list[Point], *,
              required: bool = True) -> float | None:
        """The y of a free track in ``gutter`` for a run from x1 to x2; ``ends`` are the card
        ports the run is joined to, whose short vertical legs must be free too. Below the
        last row there is room for any number of tracks; a gutter between rows holds those of
        :func:`_track_offsets` (None when all are taken and not ``required``)."""
        left, right = (x1, x2) if x1 < x2 else (x2, x1)
        reach = right + GAP
        top = gutter * self.pitch + self.card_height
        below_all = gutter >= self.rows - 1
        candidates = (GAP * k for k in range(1, 100_000)) if below_all else self.offsets
        tracks = self.tracks
        for offset in candidates:
            y = top + offset
            taken = tracks.get(y)
            if taken and any(a < reach and left < b + GAP for a, b in taken):
                continue
            if not ends or all(self.leg_is_clear(x, card_y, y) for x, card_y in ends):
                return y
        return top + self.offsets[0] if required else None

    def leg_is_clear(self, x: float, card_y: float, y: float) -> bool:
        """Is the leg from a port at (x, card_y) to a track at y clear of other dotted lines,
        and at least GAP from every card and solid line in the zones it crosses? Legs from
        ports of one card edge only need an x of their own: a crowded card has ports closer
        than GAP."""
        top, bottom = (card_y, y) if card_y < y else (y, card_y)
        pitch, height = self.pitch, self.card_height  # zones(), written out: a hot path
        first_row, first_within = divmod(top + 1e-6, pitch)
        last_row, last_within = divmod(bottom - 1e-6, pitch)
        zones = range(2 * int(first_row) + (first_within > height),
                      2 * int(last_row) + (last_within > height) + 1)
        dotted, solid = self.dotted_vertical, self.solid
        for zone in zones:
            runs = dotted.get(zone)
            if not runs:
                continue
            # the runs near x (a little slack, then the exact test)
            for other_x, other_top, other_bottom in itertools.islice(
                    runs, bisect.bisect_left(runs, (x - 2 * GAP,)), None):
                if other_x > x + 2 * GAP:
                    break
                if other_top < bottom and top < other_bottom and (
                        other_x == x or (-GAP < other_x - x < GAP
                                         and card_y != other_top and card_y != other_bottom)):
                    return False
        for zone in zones:
            blocked = solid.get(zone)
            if blocked:
                starts, ends = blocked
                i = bisect.bisect_right(starts, x) - 1
                if i >= 0 and starts[i] < x < ends[i]:
                    return False
        return True

    def channel(self, top: float, bottom: float, near: float, toward: float) -> float:
        """An x free of cards and lines from ``top`` to ``bottom``: nearest to ``near``, then to
        ``toward``; right of the drawing when nothing inside is free."""
        # the obstacles in the way, gathered once for both ways: solid ones merged where they
        # overlap, the dotted lines sorted
        solid = self.solid_across(self.zones(top, bottom))
        lines = sorted({other_x for other_x, other_top, other_bottom in self.dotted_runs
                        if other_top < bottom and top < other_bottom})
        right = _sweep(solid, lines, near, 1)
        left = _sweep(solid, lines, near, -1)
        found = [(abs(x - near), abs(x - toward), x) for x in (right, left) if GAP <= x]
        x = min(found)[2]
        if x + GAP > self.right_edge:
            self.right_edge = x + GAP
        return x

    def solid_across(self, zones: range) -> tuple[list[float], list[float]]:
        """The solid obstacles of ``zones`` merged where they overlap: the same for both ways
        a channel is looked for, and for lines crossing the same rows; zones alike (one
        object, :func:`_solid_obstacles`) are merged in once, and ranges of the same kinds of
        zone share the result."""
        key = (zones.start, zones.stop)
        merged = self.solid_merged.get(key)
        if merged is None:
            solid = self.solid
            alike = {id(kind): kind for kind in map(solid.get, zones) if kind}
            kinds = frozenset(alike)
            merged = self.solid_kinds_merged.get(kinds)
            if merged is None:
                merged = self.solid_kinds_merged[kinds] = _merged(set().union(
                    *[zip(*kind, strict=True) for kind in alike.values()]))
            self.solid_merged[key] = merged
        return merged

    def register(self, points: list[Point]) -> None:
        """Mark the runs of a new route as taken."""
        tracks, runs, per_zone = self.tracks, self.dotted_runs, self.dotted_vertical
        x1, y1 = points[0]
        lowest = y1
        for x2, y2 in itertools.islice(points, 1, None):
            if y1 == y2:
                if x1 != x2:
                    span = (x1, x2) if x1 < x2 else (x2, x1)
                    taken = tracks.get(y1)
                    if taken is None:
                        tracks[y1] = [span]
                    else:
                        taken.append(span)
            elif x1 == x2:
                run = (x1, y1, y2) if y1 < y2 else (x1, y2, y1)
                runs.append(run)
                for zone in self.zones(run[1], run[2]):
                    found = per_zone.get(zone)
                    if found is None:
                        per_zone[zone] = [run]
                    else:
                        bisect.insort(found, run)
            if y2 > lowest:
                lowest = y2
            x1, y1 = x2, y2
        if lowest + GAP > self.bottom_edge:  # only a chart of one row routes below it
            self.bottom_edge = lowest + GAP


def _sweep(solid: tuple[list[float], list[float]], lines: list[float], x: float,
           direction: int) -> float:
    """The first x from ``x`` in ``direction`` that no obstacle covers: ``solid`` (sorted starts
    and ends of merged intervals) or a dotted line of ``lines`` (sorted) within GAP.

    Each step jumps past the farthest dotted line within GAP (a scan of every zone and line per
    step made a mesh of dotted lines cubic: 1,600 lines took minutes). Same stops as stepping
    past them one by one.

    >>> _sweep(([0.0, 10.0], [4.0, 12.0]), [13.0], 11.0, 1)  # out of a card, past a line
    16.0
    """
    starts, ends = solid
    bisect_left, bisect_right = bisect.bisect_left, bisect.bisect_right
    moved = True
    while moved:
        moved = False
        i = bisect_right(starts, x) - 1
        if i >= 0 and x < ends[i] and starts[i] < x:  # inside a card or a solid line
            x = ends[i] if direction > 0 else starts[i]
            moved = True
        # the lines within GAP of x (a little slack, then the exact test)
        first, last = bisect_left(lines, x - 2 * GAP), bisect_right(lines, x + 2 * GAP)
        if first < last:
            near = [other for other in lines[first:last] if -GAP < other - x < GAP]
            if near:
                x = (max(near) if direction > 0 else min(near)) + GAP * direction
                moved = True
        if direction < 0 and x < GAP:
            return x  # out of the drawing on the left: the caller looks right instead
    return x


def _merged(spans: Iterable[tuple[float, float]], *,
            touching: bool = False) -> tuple[list[float], list[float]]:
    """Intervals (start, end) joined where they overlap, and with ``touching`` where they
    only touch too (one zone's obstacles); across zones a shared end is free, so it is kept.
    Sorted starts and ends.

    >>> _merged([(5.0, 9.0), (0.0, 2.0), (2.0, 3.0), (8.0, 12.0)])
    ([0.0, 2.0, 5.0], [2.0, 3.0, 12.0])
    >>> _merged([(0.0, 2.0), (2.0, 3.0)], touching=True)
    ([0.0], [3.0])
    """
    starts: list[float] = []
    ends: list[float] = []
    last = 0.0  # ends[-1]
    for start, end in sorted(spans):
        if ends and (start < last or (touching and start == last)):
            if end > last:
                ends[-1] = last = end
        else:
            starts.append(start)
            ends.append(end)
            last = end
    return starts, ends


@functools.lru_cache(maxsize=16)  # one card size per chart: a docs build reuses the orders
def _edge_ports(width: float, indent: float) -> tuple[tuple[float, ...], tuple[float, ...]]:
    """(top, bottom) port offsets in the order they are tried: on the bottom edge, where a
    card's team badge sits centred, the ports beside the badge come first."""
    offsets = _port_offsets(width, indent)
    beside = [o for o in offsets if abs(o - width / 2) >= BADGE_HALF]
    near_badge = [o for o in offsets if abs(o - width / 2) < BADGE_HALF]
    return tuple(offsets), tuple(beside + near_badge)


def _port_offsets(width: float, indent: float) -> list[float]:
    """Port offsets from a card's left edge: every PORT_STEP px from PORT_FROM_RIGHT short of
    the right end down to the centre, then on down the left half (clear of the centre, where
    solid connectors attach, and of an indented list's line near the left edge); then the
    half steps between those, and so on, for a card with very many dotted lines.

    >>> _port_offsets(240.0, 28.0)[:3], len(_port_offsets(240.0, 28.0)) > 1000
    ([218.0, 210.0, 202.0], True)
    """
    low, high, centre = indent / 2 + 2 * GAP, width - PORT_FROM_RIGHT, width / 2
    taken: set[float] = set()
    ordered: list[float] = []
    for level in range(8):
        step = PORT_STEP / 2 ** level
        right = [high - step * k for k in range(int((high - centre) / step) + 1)]
        left = [centre - step * k for k in range(1, int((centre - low) / step) + 1)]
        fresh = [o for o in right + left if o not in taken and abs(o - centre) >= GAP]
        taken.update(fresh)
        ordered += fresh
    return ordered


@functools.lru_cache(maxsize=16)  # one gutter per chart: computed once for a docs build
def _track_offsets(gutter: float) -> tuple[float, ...]:
    """Track offsets from the top of a gutter ``gutter`` px tall: at least GAP from its edges
    (the cards) and from its middle (the solid buses); first every GAP px, near three quarters
    down (below the bus, away from the managers' drops) and outwards, then the half steps
    between those, and so on five times, for a gutter crowded with dotted lines.

    >>> _track_offsets(32.0)[:7]
    (24.0, 21.0, 27.0, 12.0, 9.0, 6.0, 3.0)
    """
    taken: set[float] = set()
    ordered: list[float] = []
    for level in range(6):
        step = GAP / 2 ** level
        level_offsets = [GAP + step * k for k in range(int((gutter - 2 * GAP) / step) + 1)]
        fresh = [o for o in level_offsets
                 if o not in taken and abs(o - gutter / 2) >= GAP and o <= gutter - GAP]
        taken.update(fresh)
        ordered += sorted(fresh, key=lambda o: (abs(o - 0.75 * gutter), o))
    return tuple(ordered)


def _solid_obstacles(chart: OrgLayout) -> dict[int, tuple[list[float], list[float]]]:
    """Per zone, the merged x intervals within GAP of a card or a solid vertical line (zones
    alike share one object)."""
    style = chart.style
    pitch, height, width = style.pitch, style.height, style.width
    raw: dict[int, list[tuple[float, float]]] = {}
    for x, y in zip(chart.x, chart.y, strict=True):
        zone = 2 * round(y / pitch)
        found = raw.get(zone)
        if found is None:
            raw[zone] = [(x - GAP, x + width + GAP)]
        else:
            found.append((x - GAP, x + width + GAP))
    for x, runs in _vertical_runs(chart).items():
        obstacle = (x - GAP, x + GAP)
        done: int | None = None  # the zones down to this one hold the line already
        if len(runs) > 1 and (len(runs) > 2 or runs[1][0] < runs[0][1]):  # not sorted, apart
            runs = [list(run) for run in zip(*_merged([(a, b) for a, b in runs]), strict=True)]
        for top, bottom in runs:
            top, bottom = top + 1e-6, bottom - 1e-6
            first = 2 * int(top // pitch) + (1 if top % pitch > height else 0)
            last = 2 * int(bottom // pitch) + (1 if bottom % pitch > height else 0)
            for zone in range(first if done is None or first > done else done + 1, last + 1):
                found = raw.get(zone)
                if found is None:
                    raw[zone] = [obstacle]
                else:
                    found.append(obstacle)
            done = last  # the spans are sorted and apart: so are their zones
    # zones alike (the rows of a column of stacks, the gutters between them) share one
    # merge: a channel across them merges each kind once
    kinds: dict[tuple[tuple[float, float], ...], tuple[list[float], list[float]]] = {}
    solid: dict[int, tuple[list[float], list[float]]] = {}
    for zone, spans in raw.items():
        spans.sort()
        key = tuple(spans)
        merged = kinds.get(key)
        if merged is None:
            merged = kinds[key] = _merged(spans, touching=True)
        solid[zone] = merged
    return solid


def _vertical_runs(chart: OrgLayout) -> dict[float, list[list[float]]]:
    """The vertical runs of the solid connectors, [top, bottom] per x, a run that overlaps
    the last one at its x joined to it (a manager's drop is in the route of each of its
    reports, and the reports of a stack share its spine, each down to its own card).

    Worked out from the layout's arrays for the usual kinds of connector rather than from
    each route's points (:func:`~ladder.layout.org_layout.solid_route`): the same runs but
    for joints, which the zones do not see.
    """
    style = chart.style
    width, height = style.width, style.height
    half, middle, list_drop, bus_drop = width / 2, height / 2, style.indent / 2, style.level_gap / 2
    xs, ys, kinds, via = chart.x, chart.y, chart.edge_kind, chart.edge_via
    runs: dict[float, list[list[float]]] = {}

    def add(x: float, top: float, bottom: float) -> None:
        if top > bottom:
            top, bottom = bottom, top
        elif top == bottom:
            return
        found = runs.get(x)
        if found is None:
            runs[x] = [[top, bottom]]
            return
        last = found[-1]
        if top < last[1] and last[0] < bottom:  # overlaps: joined, as _merged would
            if top < last[0]:
                last[0] = top
            if bottom > last[1]:
                last[1] = bottom
        else:
            found.append([top, bottom])

    dropped = -1  # the manager whose drop to its bus was added last (reports come in turn)
    for person, boss in enumerate(chart.manager):
        if boss < 0:
            continue
        kind = kinds[person]
        if kind == SPREAD or kind == STACK:
            bottom = ys[boss] + height
            top_x, bus = xs[boss] + half, bottom + bus_drop
            x, end = (xs[person] + half, ys[person]) if kind == SPREAD else (
                via[person], ys[person] + middle)
            if x == top_x:  # straight down from the manager
                add(x, bottom, end)
            else:
                if boss != dropped:
                    add(top_x, bottom, bus)
                    dropped = boss
                add(x, bus, end)
        elif kind == LIST:
            y = ys[person]
            add(xs[boss] + list_drop, ys[boss] + height,
                y if xs[person] == xs[boss] else y + middle)
        elif kind == CONTINUED:
            add(via[person], chart.edge_top[person], ys[person] + middle)
        else:  # across to an assistant, down the trunks of bands: from the route itself
            points = solid_route(chart, person)
            for (x1, y1), (x2, y2) in itertools.pairwise(points):
                if x1 == x2:
                    add(x1, y1, y2)
    return runs
