"""The plan search of ``auto`` mode: which subtrees to spread and which to draw as lists.

``auto`` starts from ``compact`` (wide spans already packed in square blocks and bands, see
:mod:`ladder.layout.blocks`) and, when the drawing is more than ``max_aspect`` times wider than
tall, chooses subtree by subtree between spreading and stacking: the largest subtrees of at
most S people become indented lists wrapped in columns of at most R rows. It measures the
drawing for a grid of (S, R) plans bottom-up (over managers only, without laying out) and picks,
among the plans whose shape lies within ``max_aspect`` either way and whose cards cover at
least :data:`GOOD_COVERAGE` of the bounding box, the one that keeps the most people in the
spread tree (else the densest fitting plan). Above :data:`SEARCH_ALL_BELOW` people it
binary-searches S alone. Then :func:`spread_lists` opens, top-down, the lists that hold
managers, as long as the real layout keeps its shape.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Callable

from ladder.layout.blocks import measure
from ladder.layout.cards import CardStyle
from ladder.layout.org_layout import OrgLayout
from ladder.layout.place import Plan
from ladder.layout.tree import OrgTree

COLUMN_ROWS = (0, 4, 6, 8, 12, 16, 24, 32, 48, 64, 96)  # 0: columns of a square block
SEARCH_ALL_BELOW = 20_000  # people; above, only square blocks and a binary search
GOOD_COVERAGE = 0.3  # cards over the bounding box: issue 5 asks for 0.25 on the sample
SEARCH_BUDGET = 30_000  # manager visits for the grid search, about 0.03 s
SPREAD_BELOW = 5_000  # people; above, the plan's lists stay as they are (speed)
SPREAD_TRIALS = 40  # layouts tried at most when spreading lists ...
SPREAD_WORK = 30_000  # ... and people placed at most, over all trials (but 8 trials at least)
SHAPE_LIMIT = 4.0  # issue 5: width to height between 4:1 and 1:4 ...
COVERAGE_LIMIT = 0.25  # ... with cards covering at least a quarter of the bounding box


def listed_below(tree: OrgTree, threshold: int) -> set[int]:
    """The managers whose subtrees are the largest of at most ``threshold`` people."""
    manager, size, reports = tree.manager, tree.size, tree.reports
    return {v for v in tree.bosses
            if reports[v] and manager[v] >= 0 and size[v] <= threshold < size[manager[v]]}


def drawing_size(tree: OrgTree, style: CardStyle, columns: int, threshold: int,
                 column_rows: int = 0) -> tuple[float, float]:
    """Quick (width, height) of the whole drawing when the largest subtrees of at most
    ``threshold`` people are lists (0: none): roots side by side."""
    width_of, rows_of = measure(tree, style, columns=columns, stack_leaves=True,
                                threshold=threshold, column_rows=column_rows)
    width = sum(width_of.get(r, style.width) for r in tree.roots)
    width += style.cousin_gap * (len(tree.roots) - 1)
    rows = max(rows_of.get(r, 1) for r in tree.roots)
    return width, rows * style.pitch - style.level_gap


def choose_plan(tree: OrgTree, style: CardStyle, columns: int,
                max_aspect: float) -> tuple[int, int]:
    """(S, column rows): stack the largest subtrees of at most S people; (0, 0): none.

    Compact as it is when it is within ``max_aspect`` and its cards cover enough of it; else,
    among the plans (compact included) whose estimated width-to-height ratio lies within
    ``max_aspect`` either way, the one that keeps the most people spread among the dense
    ones, else the densest; for huge orgs, the smallest S that brings the ratio under
    ``max_aspect`` with square blocks.
    """
    people = len(tree)
    card_area = people * style.width * style.height
    width, height = drawing_size(tree, style, columns, 0)
    if (height <= max_aspect * width and width <= max_aspect * height
            and card_area >= GOOD_COVERAGE * width * height):
        return 0, 0
    sizes = sorted({tree.size[v] for v in tree.bosses if tree.reports[v] and tree.manager[v] >= 0})
    if not sizes:
        return 0, 0
    if people <= SEARCH_ALL_BELOW:  # a grid of plans, within a budget of manager visits
        samples = max(3, min(16, SEARCH_BUDGET // (len(tree.bosses) * len(COLUMN_ROWS))))
    else:
        samples = 12
    if len(sizes) > samples:  # a geometric sample keeps the search to a few passes
        step = len(sizes) - 1
        sizes = sorted({sizes[round(step * (i / samples) ** 2)] for i in range(samples + 1)})
    if people > SEARCH_ALL_BELOW:
        threshold = _smallest_fitting(tree, style, columns, max_aspect, sizes)
        return threshold, _square_columns(tree, style, columns, max_aspect, threshold)
    best_key: tuple | None = None
    best_plan = (sizes[-1], 0)
    for threshold in [0] + sizes:  # 0: no lists, compact as it is
        in_lists = sum(tree.size[v] - 1 for v in listed_below(tree, threshold))
        for column_rows in COLUMN_ROWS:
            width, height = drawing_size(tree, style, columns, threshold, column_rows)
            ratio = width / height
            fits = 1 / max_aspect <= ratio <= max_aspect
            coverage = card_area / (width * height)
            # Fitting plans whose cards cover enough of the drawing keep as much of the tree
            # spread as they can (fewest people in lists); otherwise: the densest fit, or the
            # plan nearest to fitting.
            dense = fits and coverage >= GOOD_COVERAGE
            key = (fits, dense, -in_lists if dense else 0,
                   coverage if fits else -abs(math.log(ratio / max_aspect)))
            if best_key is None or key > best_key:
                best_key = key
                best_plan = (threshold, column_rows)
            if column_rows >= threshold - 1:  # each list is one column: taller ones the same
                break
    return best_plan


def _smallest_fitting(tree: OrgTree, style: CardStyle, columns: int, max_aspect: float,
                      sizes: list[int]) -> int:
    """The smallest S of ``sizes`` whose square-block plan is at most ``max_aspect`` wide and
    at most ``max_aspect`` tall (a long chain folds only when most of it is a list), with
    cards covering :data:`COVERAGE_LIMIT` of it (spans wrapped in bands inside bands can
    make a drawing of the right shape that is mostly empty)."""
    low, high = 0, len(sizes) - 1
    best = sizes[-1]
    card_area = len(tree) * style.width * style.height
    while low <= high:
        middle = (low + high) // 2
        width, height = drawing_size(tree, style, columns, sizes[middle])
        if (width <= max_aspect * height and height <= max_aspect * width
                and card_area >= COVERAGE_LIMIT * width * height):
            best = sizes[middle]
            high = middle - 1
        else:
            low = middle + 1
    return best


def _square_columns(tree: OrgTree, style: CardStyle, columns: int, max_aspect: float,
                    threshold: int) -> int:
    """Column rows for the lists of plan S = ``threshold`` (0: square blocks, each list on
    its own) that make the whole drawing about as tall as wide.

    Square blocks side by side under one manager fill the band only as high as the smallest:
    a million people's top managers run lists of 500,000 and of 20,000 people, and squares
    of those sizes in a row leave most of the band empty (0.18 of it covered). Columns of one
    height fill it: the height is found by bisection, as the drawing narrows while the
    columns grow. Kept only when it covers more than the square blocks do."""
    card_area = len(tree) * style.width * style.height
    width, height = drawing_size(tree, style, columns, threshold)
    if (width <= max_aspect * height and height <= max_aspect * width
            and card_area >= COVERAGE_LIMIT * width * height):
        return 0
    best, best_coverage = 0, card_area / (width * height)
    low, high = 1, max(1, len(tree))
    while low < high:  # the fewest rows at which the drawing is no wider than tall
        rows = (low + high) // 2
        width, height = drawing_size(tree, style, columns, threshold, rows)
        if width <= height:
            high = rows
        else:
            low = rows + 1
    for rows in (low - 1, low):  # the sides of square: the one that covers more
        if rows < 1:
            continue
        width, height = drawing_size(tree, style, columns, threshold, rows)
        coverage = card_area / (width * height)
        if (width <= max_aspect * height and height <= max_aspect * width
                and coverage > best_coverage):
            best, best_coverage = rows, coverage
    return best


def spread_lists(tree: OrgTree, plan: Plan, try_plan: Callable[[Plan], OrgLayout]) -> Plan:
    """Spread, top-down, the lists that hold managers while the drawing keeps its shape.

    A list whose manager has managers among its reports reads badly (the second manager
    sits under the first one's reports). Spreading it puts those managers side by side, each
    with its own list, and stacks the leaf reports. The plan's estimate is rough, so each
    step is checked on the real layout (``try_plan``): kept only if the drawing stays within
    :data:`SHAPE_LIMIT` either way with cards covering :data:`COVERAGE_LIMIT` of it.
    """
    people = len(tree)
    style_area = None
    position = {v: i for i, v in enumerate(tree.preorder)}

    def holds_managers(v: int) -> bool:
        # a manager of one report gains nothing spread: its list already hangs right under it
        below = tree.reports[v]
        return len(below) > 1 and any(tree.reports[r] for r in below)

    def entry(v: int) -> tuple[int, int, int, int]:
        return (tree.depth[v], -tree.size[v], position[v], v)  # top-down, biggest first

    queue = [entry(v) for v in range(people) if plan.listed[v] and holds_managers(v)]
    heapq.heapify(queue)
    trials = 0
    rejected: list[tuple[int, int, int, int]] = []  # tried again once another list spreads
    most = min(SPREAD_TRIALS, max(8, SPREAD_WORK // max(people, 1)))
    while queue and trials < most:
        item = heapq.heappop(queue)
        person = item[-1]
        listed = list(plan.listed)
        listed[person] = False
        opened = [r for r in tree.reports[person] if tree.reports[r]]
        for report in opened:
            listed[report] = True
        trials += 1
        trial = Plan("stacked", plan.columns, True, listed, None, plan.column_rows)
        chart = try_plan(trial)
        if style_area is None:
            style_area = people * chart.style.width * chart.style.height
        ratio = chart.width / chart.height
        coverage = style_area / (chart.width * chart.height)
        if 1 / SHAPE_LIMIT <= ratio <= SHAPE_LIMIT and coverage >= COVERAGE_LIMIT:
            plan = trial
            for report in opened:
                if holds_managers(report):
                    heapq.heappush(queue, entry(report))
            for again in rejected:
                heapq.heappush(queue, again)
            rejected = []
        else:
            rejected.append(item)
    return plan
