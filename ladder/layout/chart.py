"""Org-chart layout: where every card goes and how every connector runs.

The people of an :class:`~ladder.model.Org` become *units* of a tree that :func:`tidy_x` packs:

* a **card**: one person, with the assistants that sit beside them (widening the card's unit to
  the right);
* a **stack row**: up to ``columns`` leaf reports side by side, around a vertical *spine* that
  comes down from their manager (compact mode). The rows of one stack are a chain of units, one
  per level, so the tidy layout lets neighbouring subtrees slide in beside the short stacks;
* a **list item**: one person of a subtree drawn as an indented list under its manager
  (stacked mode). The list is wrapped into columns of about equal height, each hanging from its
  own spine like a leaf stack, so a stacked team of 140 is a block of 6 short columns rather
  than one column 140 cards tall. Each column is a chain of one-row units;
* a **pass-through**: an empty row, so a person can sit lower than one row under the manager
  (``align_levels``).

Modes: ``tree`` spreads every report; ``compact`` stacks the leaf reports of each manager in
``columns`` columns; ``stacked`` also draws the subtrees below ``stack_depth`` as indented lists;
``auto`` (default) starts from ``compact`` and, when the drawing is more than ``max_aspect``
times wider than tall, chooses subtree by subtree between spreading and stacking: the largest
subtrees of at most S people become indented lists wrapped in columns of at most R rows. It
estimates the drawing's size for a grid of (S, R) plans bottom-up (over managers only, without
laying out) and picks, among the plans whose shape lies within ``max_aspect`` either way and
whose cards cover at least 0.3 of the bounding box, the one that keeps the most people in the
spread tree (else the densest fitting plan). Above 20,000 people it binary-searches S alone.
A list column never ends with a manager whose reports would open the next column; a list that
still runs on into the next column is joined by a line from the column's top (CONTINUED).

Centred, precisely: a manager's card centre is the midpoint between the leftmost and the
rightmost *anchor* of its report units, where the anchor of a spread report is its card centre
and the anchor of a stack, or of a column of an indented list, is its spine (the vertical line
the cards hang from).
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Mapping
from dataclasses import dataclass, field

from ladder.layout.cards import CardStyle
from ladder.layout.tidy import tidy_x
from ladder.model.org import Org

# How the connector from a manager to a report runs (see OrgLayout.route).
SPREAD, STACK, LIST, ASSIST, CONTINUED = 0, 1, 2, 3, 4
EDGE_KINDS = ("spread", "stack", "list", "assistant", "list")
_ROOT, _CARD, _ROW, _ITEM, _PASS = range(5)
MODES = ("auto", "tree", "compact", "stacked")
DOTTED_PORT = 22.0  # dotted connectors meet a card this far left of its right edge
DOTTED_CLEARANCE = 8.0  # least distance between a dotted connector's vertical run and a card


@dataclass(frozen=True)
class Box:
    id: str
    x: float  # left
    y: float  # top
    width: float
    height: float


@dataclass(frozen=True)
class Edge:
    source: str  # manager
    target: str  # report
    points: tuple[tuple[float, float], ...]
    kind: str = "spread"  # spread | stack | list | assistant | dotted


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
    edge_kind: list[int]  # per person: how the connector from its manager runs
    edge_via: list[float]  # per person: the spine x (STACK) or line x (CONTINUED)
    edge_top: list[float]  # per person: where a CONTINUED line starts (top of its column)
    dotted: list[tuple[int, int]]  # (dotted-line manager, person) indices
    mode: str = "compact"
    listed: list[int] = field(default_factory=list)  # people whose subtree is an indented list
    spines: dict[int, list[float]] = field(default_factory=dict)  # listed -> column spine xs
    rows: int = 0
    _dotted_routes: dict[tuple[int, int], tuple[tuple[float, float], ...]] = field(
        default_factory=dict, init=False, repr=False, compare=False)
    _lefts: dict[int, list[float]] | None = field(
        default=None, init=False, repr=False, compare=False)

    def __len__(self) -> int:
        return len(self.ids)

    def boxes(self) -> list[Box]:
        w, h = self.style.width, self.style.height
        return [Box(i, x, y, w, h) for i, x, y in zip(self.ids, self.x, self.y, strict=True)]

    def route(self, person: int) -> list[tuple[float, float]]:
        """The elbow connector from ``person``'s manager down (or across) to ``person``."""
        style = self.style
        w, h = style.width, style.height
        s = self.manager[person]
        sx, sy, tx, ty = self.x[s], self.y[s], self.x[person], self.y[person]
        kind = self.edge_kind[person]
        if kind == ASSIST:
            return [(sx + w, sy + h / 2), (tx, ty + h / 2)]
        if kind == LIST:
            drop = sx + style.indent / 2
            return [(drop, sy + h), (drop, ty + h / 2), (tx, ty + h / 2)]
        if kind == CONTINUED:  # the manager heads an earlier column: the line enters from above
            drop = self.edge_via[person]
            return [(drop, self.edge_top[person]), (drop, ty + h / 2), (tx, ty + h / 2)]
        top_x = sx + w / 2
        bottom = sy + h
        bus = bottom + style.level_gap / 2
        if kind == STACK:
            spine = self.edge_via[person]
            mid = ty + h / 2
            side = tx + w if tx + w <= spine else tx
            if spine == top_x:
                return [(top_x, bottom), (spine, mid), (side, mid)]
            return [(top_x, bottom), (top_x, bus), (spine, bus), (spine, mid), (side, mid)]
        centre = tx + w / 2
        if centre == top_x:
            return [(top_x, bottom), (centre, ty)]
        return [(top_x, bottom), (top_x, bus), (centre, bus), (centre, ty)]

    def dotted_route(self, source: int, target: int) -> list[tuple[float, float]]:
        """The dotted connector from dotted-line manager ``source`` to ``person``, orthogonal.

        It leaves the upper card from a port near its bottom-right corner, runs along the
        lane just above the next row of cards, drops through a vertical gap that no card
        crosses, runs along the lane above the lower card and enters it from the top (two
        cards on one row meet in the lane below that row). So it never crosses a card, and it
        keeps clear of the solid connectors' buses, which run mid-gutter.
        """
        key = (source, target)
        cached = self._dotted_routes.get(key)
        if cached is None:
            cached = self._dotted_routes[key] = self._route_dotted(source, target)
        return list(cached)

    def _lane(self, row: int) -> float:
        """y of the dotted lane in the gutter below ``row`` (above ``row + 1``)."""
        style = self.style
        return row * style.pitch + style.height + style.level_gap * 0.75

    def _row_of(self, person: int) -> int:
        return round(self.y[person] / self.style.pitch)

    def _route_dotted(self, source: int, target: int) -> tuple[tuple[float, float], ...]:
        style = self.style
        w, h = style.width, style.height
        port = w - DOTTED_PORT
        upper, lower = source, target
        if self._row_of(lower) < self._row_of(upper):
            upper, lower = lower, upper
        r_up, r_low = self._row_of(upper), self._row_of(lower)
        ux, lx = self.x[upper] + port, self.x[lower] + port
        if r_up == r_low:  # one row: meet in the lane below it (above it on the last row)
            above = r_up > 0 and r_up == self.rows - 1
            lane = self._lane(r_up - 1) if above else self._lane(r_up)
            edge_u = self.y[upper] if above else self.y[upper] + h
            edge_l = self.y[lower] if above else self.y[lower] + h
            points = [(ux, edge_u), (ux, lane), (lx, lane), (lx, edge_l)]
        else:
            top_lane, bottom_lane = self._lane(r_up), self._lane(r_low - 1)
            start, end = (ux, self.y[upper] + h), (lx, self.y[lower])
            if r_low == r_up + 1:
                points = [start, (ux, top_lane), (lx, top_lane), end]
            else:
                near, toward = (lx, ux) if upper == source else (ux, lx)
                channel = self._free_channel(r_up + 1, r_low - 1, near, toward)
                points = [start, (ux, top_lane), (channel, top_lane), (channel, bottom_lane),
                          (lx, bottom_lane), end]
        if upper != source:
            points.reverse()
        return _simplified(points)

    def _free_channel(self, first_row: int, last_row: int, near: float, toward: float) -> float:
        """An x where no card of rows first..last comes close: nearest to ``near`` (the
        person's end, so the lines of one column share a channel beside it and the long
        horizontal run lies in the manager's lane, shared by all its dotted lines), then to
        ``toward``."""
        right = self._sweep(first_row, last_row, near, 1)
        left = self._sweep(first_row, last_row, near, -1)
        return min((abs(right - near), abs(right - toward), right),
                   (abs(left - near), abs(left - toward), left))[2]

    def _sweep(self, first_row: int, last_row: int, x: float, direction: int) -> float:
        """The first x from ``x`` in ``direction`` clear of the cards of rows first..last.

        Cards all have one width, so each row is a sorted list of left edges and a card
        blocks x when its left edge lies within (x - width - clearance, x + clearance).
        """
        w, clear = self.style.width, DOTTED_CLEARANCE
        rows = self._row_lefts()
        moved = True
        while moved:
            moved = False
            for r in range(first_row, last_row + 1):
                lefts = rows.get(r)
                if not lefts:
                    continue
                if direction > 0:
                    i = bisect.bisect_right(lefts, x - w - clear)
                    if i < len(lefts) and lefts[i] < x + clear:
                        x = lefts[i] + w + clear
                        moved = True
                else:
                    i = bisect.bisect_left(lefts, x + clear) - 1
                    if i >= 0 and lefts[i] > x - w - clear:
                        x = lefts[i] - clear
                        moved = True
        return x

    def _row_lefts(self) -> dict[int, list[float]]:
        if self._lefts is None:
            rows: dict[int, list[float]] = {}
            pitch = self.style.pitch
            for x, y in zip(self.x, self.y, strict=True):
                rows.setdefault(round(y / pitch), []).append(x)
            for lefts in rows.values():
                lefts.sort()
            self._lefts = rows
        return self._lefts

    def edges(self) -> list[Edge]:
        """Solid connectors, in the input order of the reports."""
        ids = self.ids
        return [
            Edge(ids[self.manager[p]], ids[p], tuple(self.route(p)), EDGE_KINDS[self.edge_kind[p]])
            for p in range(len(ids))
            if self.manager[p] >= 0
        ]

    def dotted_edges(self) -> list[Edge]:
        ids = self.ids
        return [
            Edge(ids[s], ids[t], tuple(self.dotted_route(s, t)), "dotted") for s, t in self.dotted
        ]


def _simplified(points: list[tuple[float, float]]) -> tuple[tuple[float, float], ...]:
    """The polyline without repeated points and without middle points of straight runs.

    >>> _simplified([(0, 0), (0, 5), (0, 5), (0, 9), (4, 9)])
    ((0, 0), (0, 9), (4, 9))
    """
    kept: list[tuple[float, float]] = []
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


@dataclass
class _Tree:
    """The people as index arrays: managers, reports, depths and subtree sizes."""

    ids: list[str]
    manager: list[int]
    kids: list[list[int]]  # all direct reports, input order
    beside: list[bool]  # assistants drawn beside their manager
    reports: list[list[int]]  # kids minus those beside
    assistants: list[list[int]]
    preorder: list[int]
    depth: list[int]  # root = 1
    size: list[int]  # people in the subtree, the person included
    reach: list[int]  # levels below the person in its subtree (0 for a leaf)
    roots: list[int]
    bosses: list[int] | None = None  # managers, bottom-up (filled by _estimate)
    boss_reports: dict[int, list[int]] | None = None  # their reports who manage too


def _tree(org: Org) -> _Tree:
    people = list(org.people.values())
    ids = [p.id for p in people]
    index = {pid: i for i, pid in enumerate(ids)}
    n = len(ids)
    manager = [index.get(p.manager, -1) if p.manager is not None else -1 for p in people]
    kids: list[list[int]] = [[] for _ in range(n)]
    for i, m in enumerate(manager):
        if m >= 0:
            kids[m].append(i)
    beside = [people[i].assistant and manager[i] >= 0 and not kids[i] for i in range(n)]
    if any(beside):
        reports = [[k for k in ks if not beside[k]] if ks else ks for ks in kids]
        assistants = [[k for k in ks if beside[k]] if ks else ks for ks in kids]
    else:  # the common case: share the lists (never mutated) and one empty list
        reports = kids
        none: list[int] = []
        assistants = [none] * n
    roots = [i for i in range(n) if manager[i] < 0]
    depth = [0] * n
    preorder: list[int] = []
    stack = roots[::-1]
    for r in roots:
        depth[r] = 1
    while stack:
        v = stack.pop()
        preorder.append(v)
        ks = kids[v]
        if ks:
            d = depth[v] + 1
            for k in ks:
                depth[k] = d
            stack.extend(reversed(ks))
    if len(preorder) != n:
        raise ValueError("the org's reporting lines contain a cycle; validate before layout")
    size = [1] * n
    reach = [0] * n
    for v in reversed(preorder):
        m = manager[v]
        if m >= 0:
            size[m] += size[v]
            if reach[v] + 1 > reach[m]:
                reach[m] = reach[v] + 1
    return _Tree(ids, manager, kids, beside, reports, assistants, preorder, depth, size, reach,
                 roots)


def layout_org(
    org: Org,
    *,
    mode: str = "auto",
    columns: int = 2,
    align_levels: Mapping[str, int] | None = None,
    style: CardStyle | None = None,
    stack_depth: int = 3,
    column_rows: int = 0,
    max_aspect: float = 2.5,
) -> OrgLayout:
    """Lay out ``org`` as a top-down org chart; pure, deterministic, linear in the people.

    ``align_levels`` maps person ids to ladder levels (higher is more senior): people of one
    level share a row, as far as their reporting line allows (a report is always below its
    manager); people without a level sit one row under their manager. ``stack_depth`` (stacked
    mode): the subtrees of people at this depth (roots are depth 1) become indented lists,
    wrapped into columns of ``column_rows`` cards (0: as many columns as make a square block).

    >>> from ladder.model import Org, Person
    >>> org = Org.build("Tiny", [Person("ceo", "Ada"), Person("cto", "Bo", manager="ceo"),
    ...                          Person("cfo", "Cy", manager="ceo")])
    >>> chart = layout_org(org, mode="tree")
    >>> [(b.id, b.x, b.y) for b in chart.boxes()]
    [('ceo', 130.0, 0.0), ('cto', 0.0, 104.0), ('cfo', 260.0, 104.0)]
    """
    if mode not in MODES:
        raise ValueError(f"unknown layout mode {mode!r}; choose from {', '.join(MODES)}")
    if columns < 1:
        raise ValueError("columns must be at least 1")
    style = style or CardStyle()
    tree = _tree(org)
    n = len(tree.ids)
    rank = _ranks(tree, align_levels) if align_levels else None
    stack_leaves = mode != "tree"
    listed = [False] * n
    if mode == "stacked":
        for v in range(n):
            if tree.depth[v] == stack_depth and tree.reports[v]:
                listed[v] = True
    elif mode == "auto" and rank is None and n:
        threshold, column_rows = _choose_plan(tree, style, columns, max_aspect)
        if threshold:
            for v in tree.preorder:
                m = tree.manager[v]
                if (m >= 0 and tree.reports[v] and tree.size[v] <= threshold
                        and not listed[m] and tree.size[m] > threshold):
                    listed[v] = True
        if any(listed) and n <= _SPREAD_BELOW:
            listed = _spread_lists(tree, org, style, columns, listed, column_rows)
    used_mode = mode
    if mode == "auto":
        used_mode = "stacked" if any(listed) else "compact"
    return _place(tree, org, style, columns, stack_leaves, listed, rank, used_mode, column_rows)


def _ranks(tree: _Tree, levels: Mapping[str, int]) -> list[int]:
    """Row index wanted for each person from its level: most senior level first; -1 unknown.

    People without a level (a CEO with a title only) take rows of their own above the levelled
    people they manage; every levelled row is moved down far enough that such a person never
    pushes one level into the row of another.
    """
    distinct = sorted({levels[i] for i in tree.ids if i in levels}, reverse=True)
    row_of = {level: r for r, level in enumerate(distinct)}
    rank = [row_of[levels[i]] if i in levels else -1 for i in tree.ids]
    offset = 0
    for _ in range(len(tree.ids) + 1):  # each round moves the rows down; depth bounds it
        row = [0] * len(rank)
        above = [-1] * len(rank)  # rank of the nearest levelled manager, -1 for none
        push = 0
        for v in tree.preorder:  # managers before their reports
            boss = tree.manager[v]
            if boss >= 0:
                above[v] = rank[boss] if rank[boss] >= 0 else above[boss]
            lowest = row[boss] + 1 if boss >= 0 else 0
            if rank[v] < 0:
                row[v] = lowest
                continue
            row[v] = max(lowest, offset + rank[v])
            # Only a push that a lower level causes is worth moving every row for: a report
            # of the same or a higher level than its manager is pushed whatever the offset.
            if row[v] > offset + rank[v] and above[v] < rank[v]:
                push = max(push, row[v] - offset - rank[v])
        if not push:
            break
        offset += push
    return [r + offset if r >= 0 else -1 for r in rank]


def _stack_offsets(count: int, columns: int, style: CardStyle) -> list[float]:
    """Left edges, relative to the spine, of ``count`` (<= columns) cards in one stack row.

    Half the columns (rounded down) hang left of the spine, the rest right; a short last row
    uses the places nearest the spine.
    """
    w, gap, spine_gap = style.width, style.sibling_gap, style.spine_gap
    left_columns = columns // 2
    places = []  # (distance rank, side, left edge)
    for i in range(left_columns):
        places.append((i, 0, -spine_gap - w - i * (w + gap)))
    for i in range(columns - left_columns):
        places.append((i, 1, spine_gap + i * (w + gap)))
    places.sort()
    return sorted(edge for _, _, edge in places[:count])


def _estimate(
    tree: _Tree, style: CardStyle, columns: int, threshold: int, column_rows: int = 0
) -> tuple[float, float]:
    """Quick (width, height) of the drawing when subtrees of <= threshold people are lists.

    Sums widths side by side without the tidy layout's nesting, so it over-estimates width.
    Visits managers only: a leaf is one card wide and one row tall.
    """
    w, gap, pitch = style.width, style.sibling_gap, style.pitch
    if tree.bosses is None:  # managers bottom-up, their manager reports and leaf counts
        tree.bosses = [v for v in reversed(tree.preorder) if tree.kids[v]]
        tree.boss_reports = {v: [r for r in tree.reports[v] if tree.kids[r]]
                             for v in tree.bosses}
    width: dict[int, float] = {}
    rows: dict[int, int] = {}
    offsets = _stack_offsets(columns, columns, style)
    stack_width = max(offsets[-1] + w, 0.0) - min(offsets[0], 0.0)
    manager, size = tree.manager, tree.size
    for v in tree.bosses:
        m = manager[v]
        if m >= 0 and manager[m] >= 0 and size[m] <= threshold:
            continue  # inside a list (its manager's branch below): nothing reads its size
        own = w + len(tree.assistants[v]) * (w + gap)
        if not tree.reports[v]:  # only assistants, beside the card
            width[v] = own
            rows[v] = 1
            continue
        if tree.manager[v] >= 0 and tree.size[v] <= threshold:
            items = tree.size[v] - 1 - len(tree.assistants[v])
            count, height = _column_shape(items, tree.reach[v], style, column_rows)
            width[v] = max(own, count * _column_width(tree.reach[v], style) - gap)
            rows[v] = 1 + height
            continue
        bosses = tree.boss_reports[v]
        total = sum([width[r] for r in bosses]) + gap * len(bosses)
        deepest = max([rows[r] for r in bosses], default=0)
        leaves = len(tree.reports[v]) - len(bosses)
        if leaves > columns:
            total += stack_width + gap
            deepest = max(deepest, math.ceil(leaves / columns))
        elif leaves:
            total += leaves * (w + gap)
            deepest = max(deepest, 1)
        width[v] = max(own, total - gap)
        rows[v] = 1 + deepest
    total_width = sum(width.get(r, w) for r in tree.roots) + style.cousin_gap * (
        len(tree.roots) - 1)
    total_rows = max(rows.get(r, 1) for r in tree.roots)
    return total_width, total_rows * pitch - style.level_gap


_COLUMN_ROWS = (0, 4, 6, 8, 12, 16, 24, 32, 48, 64, 96)
_SEARCH_ALL_BELOW = 20_000  # people; above, only square blocks and a binary search
_GOOD_COVERAGE = 0.3  # cards over the bounding box: issue 5 asks for 0.25 on the sample
_SEARCH_BUDGET = 30_000  # manager visits for the grid search, about 0.03 s


def _choose_plan(
    tree: _Tree, style: CardStyle, columns: int, max_aspect: float
) -> tuple[int, int]:
    """(S, column rows): stack the largest subtrees of at most S people; (0, 0): none.

    Among the plans whose estimated width-to-height ratio lies within ``max_aspect`` either way,
    the one whose cards cover most of the drawing; for huge orgs, the smallest S that brings
    the ratio under ``max_aspect`` with square blocks.
    """
    width, height = _estimate(tree, style, columns, 0)
    if width <= max_aspect * height:
        return 0, 0
    n = len(tree.ids)
    sizes = sorted({tree.size[v] for v in range(n) if tree.reports[v] and tree.manager[v] >= 0})
    if not sizes:
        return 0, 0
    managers = sum(1 for v in range(n) if tree.kids[v])
    if n <= _SEARCH_ALL_BELOW:  # a grid of plans, within a budget of manager visits
        samples = max(3, min(16, _SEARCH_BUDGET // (managers * len(_COLUMN_ROWS))))
    else:
        samples = 12
    if len(sizes) > samples:  # a geometric sample keeps the search to a few passes
        step = len(sizes) - 1
        sizes = sorted({sizes[round(step * (i / samples) ** 2)] for i in range(samples + 1)})
    if n > _SEARCH_ALL_BELOW:
        low, high = 0, len(sizes) - 1
        best = sizes[-1]
        while low <= high:
            middle = (low + high) // 2
            width, height = _estimate(tree, style, columns, sizes[middle])
            if width <= max_aspect * height:
                best = sizes[middle]
                high = middle - 1
            else:
                low = middle + 1
        return best, 0
    card_area = n * style.width * style.height
    best_key: tuple | None = None
    best_plan = (sizes[-1], 0)
    for threshold in sizes:
        in_lists = _listed_people(tree, threshold)
        for column_rows in _COLUMN_ROWS:
            width, height = _estimate(tree, style, columns, threshold, column_rows)
            ratio = width / height
            fits = 1 / max_aspect <= ratio <= max_aspect
            coverage = card_area / (width * height)
            # Fitting plans whose cards cover enough of the drawing keep as much of the tree
            # spread as they can (fewest people in lists); otherwise: the densest fit, or the
            # plan nearest to fitting.
            dense = fits and coverage >= _GOOD_COVERAGE
            key = (fits, dense, -in_lists if dense else 0,
                   coverage if fits else -abs(math.log(ratio / max_aspect)))
            if best_key is None or key > best_key:
                best_key = key
                best_plan = (threshold, column_rows)
    return best_plan


_SPREAD_BELOW = 5_000  # people; above, the plan's lists stay as they are (speed)
_SPREAD_TRIALS = 40  # layouts tried at most when spreading lists ...
_SPREAD_WORK = 30_000  # ... and people placed at most, over all trials (but 8 trials at least)
_SHAPE_LIMIT = 4.0  # issue 5: width to height between 4:1 and 1:4 ...
_COVERAGE_LIMIT = 0.25  # ... with cards covering at least a quarter of the bounding box


def _spread_lists(
    tree: _Tree, org: Org, style: CardStyle, columns: int, listed: list[bool], column_rows: int
) -> list[bool]:
    """Spread, top-down, the lists that hold managers while the drawing keeps its shape.

    A list whose manager has managers among its reports reads badly (the second manager
    sits under the first one's reports). Spreading it puts those managers side by side, each
    with its own list, and stacks the leaf reports. The plan's estimate is rough, so each
    step is checked on the real layout: kept only if the drawing stays within
    ``_SHAPE_LIMIT`` either way with cards covering ``_COVERAGE_LIMIT`` of it.
    """
    import heapq

    n = len(tree.ids)
    card_area = n * style.width * style.height
    position = {v: i for i, v in enumerate(tree.preorder)}

    def holds_managers(v: int) -> bool:
        return any(tree.reports[r] for r in tree.reports[v])

    def entry(v: int) -> tuple[int, int, int, int]:
        return (tree.depth[v], -tree.size[v], position[v], v)  # top-down, biggest first

    queue = [entry(v) for v in range(n) if listed[v] and holds_managers(v)]
    heapq.heapify(queue)
    trials = 0
    rejected: list[tuple[int, int, int, int]] = []  # tried again once another list spreads
    most = min(_SPREAD_TRIALS, max(8, _SPREAD_WORK // max(n, 1)))
    while queue and trials < most:
        item = heapq.heappop(queue)
        v = item[-1]
        trial = list(listed)
        trial[v] = False
        opened = [r for r in tree.reports[v] if tree.reports[r]]
        for r in opened:
            trial[r] = True
        trials += 1
        chart = _place(tree, org, style, columns, True, trial, None, "stacked", column_rows)
        ratio = chart.width / chart.height
        coverage = card_area / (chart.width * chart.height)
        if 1 / _SHAPE_LIMIT <= ratio <= _SHAPE_LIMIT and coverage >= _COVERAGE_LIMIT:
            listed = trial
            for r in opened:
                if holds_managers(r):
                    heapq.heappush(queue, entry(r))
            for again in rejected:
                heapq.heappush(queue, again)
            rejected = []
        else:
            rejected.append(item)
    return listed


def _listed_people(tree: _Tree, threshold: int) -> int:
    """People drawn in lists when the largest subtrees of <= threshold people are stacked."""
    count = 0
    for v in tree.bosses or ():
        m = tree.manager[v]
        if (m >= 0 and tree.reports[v] and tree.size[v] <= threshold
                and (tree.manager[m] < 0 or tree.size[m] > threshold)):
            count += tree.size[v] - 1
    return count


def _column_width(reach: int, style: CardStyle) -> float:
    """Width of one column of an indented list ``reach`` levels deep, gap included."""
    return style.spine_gap + style.indent * (reach - 1) + style.width + style.sibling_gap


def _column_shape(
    items: int, reach: int, style: CardStyle, column_rows: int = 0
) -> tuple[int, int]:
    """(columns, rows per column) for an indented list of ``items`` people.

    At most ``column_rows`` rows per column; 0: a block about as wide as it is tall.
    """
    if column_rows:
        height = min(items, column_rows)
    else:
        count = max(1, round(math.sqrt(items * style.pitch / _column_width(reach, style))))
        height = math.ceil(items / count)
    return math.ceil(items / height), height


def _place(
    tree: _Tree,
    org: Org,
    style: CardStyle,
    columns: int,
    stack_leaves: bool,
    listed: list[bool],
    rank: list[int] | None,
    mode: str,
    column_rows: int,
) -> OrgLayout:
    n = len(tree.ids)
    w, gap, indent = style.width, style.sibling_gap, style.indent
    half = w / 2
    # Units, as flat arrays.
    children: list[list[int]] = [[]]
    left: list[float] = [0.0]
    right: list[float] = [0.0]
    kind: list[int] = [_ROOT]
    payload: list[object] = [None]
    row: list[int] = [-1]

    def unit(parent: int, unit_kind: int, extent_left: float, extent_right: float,
             data: object) -> int:
        number = len(kind)
        children.append([])
        left.append(extent_left)
        right.append(extent_right)
        kind.append(unit_kind)
        payload.append(data)
        row.append(row[parent] + 1)
        children[parent].append(number)
        return number

    def descend(parent: int, target_row: int) -> int:
        # Pass-through units until the next unit lands on target_row.
        while row[parent] + 1 < target_row:
            parent = unit(parent, _PASS, 2.0, 2.0, None)
        return parent

    card_unit = [-1] * n
    work: list[tuple] = [("person", r, 0) for r in reversed(tree.roots)]
    while work:
        item = work.pop()
        if item[0] == "person":
            _, p, parent = item
            if rank is not None and rank[p] >= 0:
                parent = descend(parent, rank[p])
            extra = len(tree.assistants[p]) * (w + gap)
            u = unit(parent, _CARD, half, half + extra, p)
            card_unit[p] = u
            reps = tree.reports[p]
            if not reps:
                continue
            if listed[p]:
                items: list[tuple[int, int]] = []  # (person, level below p), pre-order
                pending = [(k, 1) for k in reversed(reps)]
                while pending:
                    q, level = pending.pop()
                    items.append((q, level))
                    if tree.kids[q]:  # most list items are leaves: no generator for them
                        pending.extend((k, level + 1) for k in reversed(tree.kids[q]))
                _, height = _column_shape(len(items), tree.reach[p], style, column_rows)
                start = 0
                while start < len(items):
                    end = min(start + height, len(items))
                    # Never end a column with a manager whose first report opens the next one;
                    # and rather end it a little early where a report of p starts, so each
                    # column begins with one of p's reports, not with lines from above.
                    while end - start > 1 and end < len(items) and items[end][1] > items[
                            end - 1][1]:
                        end -= 1
                    if end < len(items) and items[end][1] > 1:
                        floor = start + max(1, (height * 2) // 3)
                        cut = end - 1
                        while cut > floor and items[cut][1] > 1:
                            cut -= 1
                        if cut > floor or (cut == floor and items[cut][1] == 1):
                            end = cut
                    chain = u
                    first = len(kind)  # the column's first unit names the column
                    for q, level in items[start:end]:  # unit(), inlined: the hot loop
                        number = len(kind)
                        children.append([])
                        left.append(2.0)
                        right.append(style.spine_gap + indent * (level - 1) + w)
                        kind.append(_ITEM)
                        payload.append((q, level, first, p))
                        row.append(row[chain] + 1)
                        children[chain].append(number)
                        chain = number
                    start = end
                continue
            if not stack_leaves:
                work.extend(("person", k, u) for k in reversed(reps))
                continue
            below = row[u] + 1
            groups: dict[int, list[int]] = {}
            spread = []
            for k in reps:
                if tree.kids[k]:
                    spread.append(("person", k, u))
                else:
                    want = max(below, rank[k]) if rank is not None else below
                    groups.setdefault(want, []).append(k)
            middle: list[tuple] = []
            for want in sorted(groups):
                leaves = groups[want]
                if len(leaves) > columns:
                    middle.append(("stack", leaves, u, want))
                else:
                    middle.extend(("person", k, u) for k in leaves)
            cut = len(spread) // 2
            work.extend(reversed(spread[:cut] + middle + spread[cut:]))
        else:
            _, leaves, parent, want = item
            chain = descend(parent, want)
            for start in range(0, len(leaves), columns):
                members = leaves[start:start + columns]
                offsets = _stack_offsets(len(members), columns, style)
                extent_left = max(2.0, -offsets[0])
                extent_right = max(2.0, offsets[-1] + w)
                chain = unit(chain, _ROW, extent_left, extent_right, (members, offsets))

    xs = tidy_x(children, left, right, sibling_gap=gap, cousin_gap=style.cousin_gap)

    px = [0.0] * n
    py = [0.0] * n
    edge_kind = [SPREAD] * n
    edge_via = [0.0] * n
    edge_top = [0.0] * n
    column_of = [-1] * n  # which column of its list a person is in (its first unit's number)
    spines: dict[int, list[float]] = {}  # listed manager -> the spine x of each column
    pitch = style.pitch
    for u in range(1, len(kind)):
        k = kind[u]
        top = row[u] * pitch
        if k == _CARD:
            p = payload[u]
            px[p] = xs[u] - half
            py[p] = top
            for j, a in enumerate(tree.assistants[p]):
                px[a] = xs[u] + half + gap + j * (w + gap)
                py[a] = top
                edge_kind[a] = ASSIST
        elif k == _ROW:
            members, offsets = payload[u]
            spine = xs[u]
            for q, offset in zip(members, offsets, strict=True):
                px[q] = spine + offset
                py[q] = top
                edge_kind[q] = STACK
                edge_via[q] = spine
        elif k == _ITEM:
            q, level, column, head = payload[u]
            anchor = xs[u]
            if u == column:
                spines.setdefault(head, []).append(anchor)
            px[q] = anchor + style.spine_gap + indent * (level - 1)
            py[q] = top
            column_of[q] = column
            if level == 1:
                edge_kind[q] = STACK
                edge_via[q] = anchor
            elif column_of[tree.manager[q]] == column:
                edge_kind[q] = LIST
            else:
                edge_kind[q] = CONTINUED
                edge_via[q] = anchor + style.spine_gap + indent * (level - 2) + indent / 2
                edge_top[q] = row[column] * pitch - style.level_gap / 2
    if n:
        shift = -min(px)
        px = [x + shift for x in px]
        edge_via = [v + shift for v in edge_via]
        spines = {m: [x + shift for x in xs_] for m, xs_ in spines.items()}
        width = max(px) + w
        rows = max(row) + 1
        height = (rows - 1) * pitch + style.height
    else:
        width = height = 0.0
        rows = 0
    dotted: list[tuple[int, int]] = []
    if any(p.dotted for p in org.people.values()):  # the id index only for matrix orgs
        index = {pid: i for i, pid in enumerate(tree.ids)}
        dotted = [
            (index[m], index[p.id]) for p in org.people.values() for m in p.dotted if m in index
        ]
    return OrgLayout(
        ids=tree.ids, x=px, y=py, style=style, width=width, height=height,
        manager=tree.manager, edge_kind=edge_kind, edge_via=edge_via, edge_top=edge_top,
        dotted=dotted,
        mode=mode, listed=[v for v in range(n) if listed[v]], rows=rows, spines=spines,
    )
