"""The result of an org layout: every card's position and every connector's route.

A solid connector's route follows from the positions and the report's edge kind (the kinds
are :mod:`ladder.layout.routes`'): :func:`solid_route`, here beside the data it reads.

Coordinates are CSS pixels with the origin at the top-left corner of the drawing, y downwards;
a card's ``x``/``y`` is its top-left corner.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ladder.layout.cards import CardStyle
from ladder.layout.routes import (
    ASSIST,
    BANDED,
    BANDED_STACK,
    CONTINUED,
    EDGE_KINDS,
    LIST,
    STACK,
    Point,
    simplified,
)


@dataclass(frozen=True)
class Box:
    """One card: its person's id, top-left corner and size."""

    id: str
    x: float  # left
    y: float  # top
    width: float
    height: float


@dataclass(frozen=True)
class Edge:
    """One connector from a manager to a report, as an axis-parallel polyline."""

    source: str  # manager (solid or dotted-line)
    target: str  # report
    points: tuple[Point, ...]
    kind: str = "spread"  # spread | stack | list | assistant | dotted
    head: str = ""  # the end that carries an arrowhead: "source", "target" or "" (none)


@dataclass
class OrgLayout:
    """Positions of all cards (top-left origin, pixels) and the connector routes.

    Stored as flat lists, one entry per person in input order, because charts of a million
    people must fit in memory; :meth:`boxes` and :meth:`edges` give friendly objects.
    """

    ids: list[str]
    x: list[float]
    y: list[float]
    style: CardStyle
    width: float
    height: float
    manager: list[int]  # index of the solid-line manager, -1 for a root
    edge_kind: list[int]  # per person: how the connector from its manager runs (see routes)
    edge_via: list[float]  # per person: the spine x (STACK) or line x (CONTINUED)
    edge_top: list[float]  # per person: where a CONTINUED line starts (top of its column)
    dotted: list[tuple[int, int]]  # (dotted-line manager, person) indices
    mode: str = "compact"
    listed: list[int] = field(default_factory=list)  # people whose subtree is an indented list
    spines: dict[int, list[float]] = field(default_factory=dict)  # listed -> column spine xs
    rows: int = 0
    # A wide span wrapped into bands: manager -> (trunk x, bus y) of its 2nd, 3rd ... band, and
    # the band number (2 or more) of each report in a later band.
    bands: dict[int, list[Point]] = field(default_factory=dict)
    band_of: dict[int, int] = field(default_factory=dict)
    # Routes of the dotted lines, in the order of ``dotted``; set by the layout.
    dotted_routes: list[tuple[Point, ...]] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.ids)

    def boxes(self) -> list[Box]:
        """Every card, in input order."""
        w, h = self.style.width, self.style.height
        return [Box(i, x, y, w, h) for i, x, y in zip(self.ids, self.x, self.y, strict=True)]

    def route(self, person: int) -> list[Point]:
        """The elbow connector from ``person``'s manager down (or across) to ``person``."""
        return solid_route(self, person)

    def edges(self) -> list[Edge]:
        """Solid connectors, in the input order of the reports."""
        ids = self.ids
        return [
            Edge(ids[self.manager[p]], ids[p], tuple(self.route(p)), EDGE_KINDS[self.edge_kind[p]])
            for p in range(len(ids))
            if self.manager[p] >= 0
        ]

    def dotted_edges(self) -> list[Edge]:
        """Dotted-line connectors, with the arrowhead at the dotted-line manager."""
        ids = self.ids
        return [Edge(ids[s], ids[t], route, "dotted", head="source")
                for (s, t), route in zip(self.dotted, self.dotted_routes, strict=True)]


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
