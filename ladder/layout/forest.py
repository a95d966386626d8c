"""A forest (several top posts) drawn as one chart: each tree laid out alone, the trees packed
in rows (shelves) so the whole keeps the shape of a page.

Side by side, five trees of a government export made a drawing 7.8 times wider than tall. Here
the trees are sorted tallest first (input order among equals) and laid left to right into
shelves of a width chosen among a few candidates: among those whose drawing lies within the
wanted shape, the one best for density (cards over the drawing) times nearness to a landscape
page; else the one nearest to that page. Every tree keeps its own
layout; shelves start on a row of the chart's grid, so rows stay rows for the dotted-line
router and renderers.

>>> from ladder.layout.cards import CardStyle
>>> places, width, rows = shelves([(240.0, 1)] * 9, CardStyle(), 4.0)
>>> places[:4], width, rows
([(0.0, 0), (312.0, 0), (0.0, 1), (312.0, 1)], 552.0, 5)
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from ladder.layout.cards import CardStyle
from ladder.layout.org_layout import OrgLayout
from ladder.layout.routes import SPREAD
from ladder.layout.tree import OrgTree, subtree

TARGET_RATIOS = (0.6, 0.8, 1.0, 1.25, 1.5, 2.0, 2.5, 3.0)  # width to height tried for shelves
PREFERRED_RATIO = math.sqrt(2)  # a landscape page, when two packings are as dense
DENSE = 0.2  # cards over the drawing: a packing this dense is preferred to any sparser one


def shelves(sizes: Sequence[tuple[float, int]], style: CardStyle, max_aspect: float,
            people: int = 0) -> tuple[list[tuple[float, int]], float, int]:
    """((x, first row) of each tree, width, rows) for trees of ``sizes`` ((width px, rows))
    holding ``people`` cards in all (0: as many as trees).

    Trees are placed tallest first into shelves; the shelf width is chosen among
    :data:`TARGET_RATIOS` as the module says.
    """
    gap = 2 * style.cousin_gap
    order = sorted(range(len(sizes)), key=lambda i: (-sizes[i][1], i))
    widest = max(width for width, _ in sizes)
    area = sum((width + gap) * rows * style.pitch for width, rows in sizes)
    cards = (people or len(sizes)) * style.width * style.height
    best: tuple | None = None
    chosen: tuple[list[tuple[float, int]], float, int] = ([], 0.0, 0)
    tried: set[float] = set()
    for ratio in TARGET_RATIOS:
        limit = max(widest, math.sqrt(area * ratio) - gap)
        if limit in tried:
            continue
        tried.add(limit)
        places, width, rows = _fill(sizes, order, limit, gap)
        height = rows * style.pitch - style.level_gap
        shape = width / height
        fits = 1 / max_aspect <= shape <= max_aspect
        # dense and near a landscape page: a column of cards is dense but no page
        off = abs(math.log(shape / PREFERRED_RATIO))
        coverage = cards / (width * height)
        key = (fits, coverage >= DENSE, coverage * math.exp(-off / 2) if fits else -off)
        if best is None or key > best:
            best, chosen = key, (places, width, rows)
    return chosen


def _fill(sizes: Sequence[tuple[float, int]], order: list[int], limit: float,
          gap: float) -> tuple[list[tuple[float, int]], float, int]:
    """Shelves no wider than ``limit`` (a tree wider than it gets a shelf alone), filled in
    ``order``; a tree goes under an earlier tree of its shelf when it fits in the rows left
    there (the shelf is as tall as its first tree) and is no wider, else to the right."""
    places: list[tuple[float, int]] = [(0.0, 0)] * len(sizes)
    x, top, shelf_rows, width = 0.0, 0, 0, 0.0
    # per column of the shelf with rows left: [x, width, rows used] (a full column is dropped,
    # or 100,000 lone cards would each look through the few hundred of their shelf)
    stacks: list[list[float]] = []
    for i in order:
        tree_width, rows = sizes[i]
        under = next((s for s in stacks if tree_width <= s[1] and s[2] + rows <= shelf_rows),
                     None)
        if under is not None:
            places[i] = (under[0], top + int(under[2]))
            under[2] += rows
            if under[2] >= shelf_rows:
                stacks.remove(under)
            continue
        if x and x + tree_width > limit:
            top += shelf_rows
            x, shelf_rows, stacks = 0.0, 0, []
        places[i] = (x, top)
        width = max(width, x + tree_width)
        shelf_rows = max(shelf_rows, rows)  # the first tree of a shelf is its tallest
        if rows < shelf_rows:
            stacks.append([x, tree_width, rows])
        x += tree_width + gap
    return places, width, top + shelf_rows


def pack_forest(tree: OrgTree, style: CardStyle, lay: Callable[[OrgTree], OrgLayout],
                max_aspect: float) -> OrgLayout:
    """The forest ``tree`` as one chart: each root's tree laid out by ``lay``, then packed."""
    parts: list[tuple[list[int], OrgLayout | None]] = []
    start = 0
    for root in tree.roots:
        if tree.size[root] == 1:  # a lone card: no layout to run
            parts.append(([root], None))
        else:
            sub, members = subtree(tree, root, start)
            parts.append((members, lay(sub)))
        start += tree.size[root]
    sizes = [(chart.width, chart.rows) if chart else (style.width, 1) for _, chart in parts]
    places, width, rows = shelves(sizes, style, max_aspect, len(tree))
    count = len(tree)
    x, y = [0.0] * count, [0.0] * count
    edge_kind, edge_via, edge_top = [SPREAD] * count, [0.0] * count, [0.0] * count
    listed: list[int] = []
    spines: dict[int, list[float]] = {}
    bands: dict[int, list[tuple[float, float]]] = {}
    band_of: dict[int, int] = {}
    modes = set()
    pitch = style.pitch
    for (members, chart), (dx, row) in zip(parts, places, strict=True):
        dy = row * pitch
        if chart is None:
            x[members[0]], y[members[0]] = dx, dy
            continue
        modes.add(chart.mode)
        for local, person in enumerate(members):
            x[person] = chart.x[local] + dx
            y[person] = chart.y[local] + dy
            edge_kind[person] = chart.edge_kind[local]
            edge_via[person] = chart.edge_via[local] + dx
            edge_top[person] = chart.edge_top[local] + dy
        listed += [members[v] for v in chart.listed]
        for v, line in chart.spines.items():
            spines[members[v]] = [at + dx for at in line]
        for v, hubs in chart.bands.items():
            bands[members[v]] = [(hx + dx, hy + dy) for hx, hy in hubs]
        for v, band in chart.band_of.items():
            band_of[members[v]] = band
    return OrgLayout(
        ids=tree.ids, x=x, y=y, style=style, width=width,
        height=rows * pitch - style.level_gap, manager=tree.manager, edge_kind=edge_kind,
        edge_via=edge_via, edge_top=edge_top, dotted=[],
        mode="stacked" if "stacked" in modes else "compact", listed=sorted(listed),
        spines=spines, bands=bands, band_of=band_of, rows=rows)
