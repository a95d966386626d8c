"""Org-chart layout: where every card goes and how every connector runs.

The one entry point is :func:`layout_org`; the work is split by job:

* :mod:`ladder.layout.tree`: the reporting tree as index arrays;
* :mod:`ladder.layout.blocks`: the shapes a manager's reports are packed into (stacks, bands,
  list columns), so that any span keeps about the shape of a square;
* :mod:`ladder.layout.plan`: ``auto`` mode's search for which subtrees to draw as lists;
* :mod:`ladder.layout.place`: units for the tidy tree (:mod:`ladder.layout.tidy`) and the
  positions read back from it;
* :mod:`ladder.layout.routes` and :mod:`ladder.layout.dotted`: the kinds of solid connector,
  and the dotted ones;
* :mod:`ladder.layout.org_layout`: the result, :class:`OrgLayout`, and its solid connectors.

Modes: ``tree`` spreads every report (a wide span wraps into bands); ``compact`` stacks the leaf
reports of each manager in stacks of ``columns`` columns; ``stacked`` also draws the subtrees
below ``stack_depth`` as indented lists; ``auto`` (default) starts from ``compact`` and lets the
plan search list subtrees until the drawing is within ``max_aspect`` either way.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from operator import attrgetter

from ladder.choices import MODES
from ladder.layout.cards import CardStyle, card_style_for
from ladder.layout.dotted import route_dotted_lines
from ladder.layout.forest import pack_forest
from ladder.layout.org_layout import Box, Edge, OrgLayout
from ladder.layout.place import Plan, place
from ladder.layout.plan import SHAPE_LIMIT, SPREAD_BELOW, choose_plan, spread_lists
from ladder.layout.routes import (
    ASSIST,
    BANDED,
    BANDED_STACK,
    CONTINUED,
    EDGE_KINDS,
    LIST,
    SPREAD,
    STACK,
)
from ladder.layout.tree import OrgTree, index_org
from ladder.model.org import Org

COVERAGE_FLOOR = 0.2  # issue 19: cards cover at least this much of an auto drawing
CONTENT_STYLE_PEOPLE = 5_000  # above this, cards keep the usual size (card_style_for)
AREA_SLACK = 1.15  # wider or taller cards may grow the chart this much more than themselves

__all__ = ["ASSIST", "BANDED", "BANDED_STACK", "CONTINUED", "EDGE_KINDS", "LIST", "MODES",
           "SPREAD", "STACK", "Box", "Edge", "OrgLayout", "layout_org"]


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
    if style is None:  # cards as wide as their text, unless that spreads the chart out
        def lay(chosen: CardStyle) -> OrgLayout:
            return layout_org(org, mode=mode, columns=columns, align_levels=align_levels,
                              style=chosen, stack_depth=stack_depth, column_rows=column_rows,
                              max_aspect=max_aspect)

        return _with_card_style(org, lay)
    tree = index_org(org)
    rank = _ranks(tree, align_levels) if align_levels else None
    listed = [False] * len(tree)
    plan = Plan("compact" if mode == "auto" else mode, columns, mode != "tree", listed, rank,
                column_rows)
    if mode == "stacked":
        for person in tree.bosses:
            if tree.depth[person] == stack_depth and tree.reports[person]:
                listed[person] = True
    elif mode == "auto" and rank is None and len(tree.roots) > 1:
        # A forest: each tree planned alone, then the trees packed in rows (forest.py).
        def lay_tree(sub: OrgTree, spread: bool) -> OrgLayout:
            trial = Plan("compact", columns, True, [False] * len(sub), None, column_rows)
            return place(sub, _auto_plan(sub, trial, style, max_aspect, spread), style)

        spread = len(tree) <= SPREAD_BELOW  # the spreading budget is for the whole chart
        chart = pack_forest(tree, style, lambda sub: lay_tree(sub, spread), SHAPE_LIMIT)
        area = len(tree) * style.width * style.height
        if spread and area < COVERAGE_FLOOR * chart.width * chart.height:
            # spread lists cost each tree a little density, and packing some more: too much
            chart = pack_forest(tree, style, lambda sub: lay_tree(sub, False), SHAPE_LIMIT)
        route_dotted_lines(chart, _dotted_pairs(org, tree))
        return chart
    elif mode == "auto" and rank is None and len(tree):
        plan = _auto_plan(tree, plan, style, max_aspect)
    chart = place(tree, plan, style)
    route_dotted_lines(chart, _dotted_pairs(org, tree))
    return chart


def _with_card_style(org: Org, lay: Callable[[CardStyle], OrgLayout]) -> OrgLayout:
    """``lay`` with the card style the text asks for (:func:`card_style_for`), unless the
    chart would then grow more than its cards do (taller cards can make the planner spread a
    big chart out: the Home Office with its junior staff went from 70 to 123 Mpx), or it has
    more than :data:`CONTENT_STYLE_PEOPLE` people (one layout, not two); else the usual cards.
    """
    plain = CardStyle()
    chosen = card_style_for(org) if len(org) <= CONTENT_STYLE_PEOPLE else plain
    if chosen == plain:
        return lay(plain)
    wide, usual = lay(chosen), lay(plain)
    growth = chosen.width * chosen.height / (plain.width * plain.height)
    if wide.width * wide.height <= usual.width * usual.height * growth * AREA_SLACK:
        return wide
    return usual


def _auto_plan(tree: OrgTree, plan: Plan, style: CardStyle, max_aspect: float,
               spread: bool = True) -> Plan:
    """``plan`` (compact) with the lists the plan search chooses, then opened where the
    drawing keeps its shape."""
    threshold, plan.column_rows = choose_plan(tree, style, plan.columns, max_aspect)
    listed = plan.listed
    if threshold:
        for person in reversed(tree.bosses):  # top-down, managers only
            boss = tree.manager[person]
            if (boss >= 0 and tree.reports[person] and tree.size[person] <= threshold
                    and not listed[boss] and tree.size[boss] > threshold):
                listed[person] = True
    if any(listed):
        plan.mode = "stacked"
        if spread and len(tree) <= SPREAD_BELOW:
            plan = spread_lists(tree, plan, lambda trial: place(tree, trial, style))
    return plan


def _dotted_pairs(org: Org, tree: OrgTree) -> list[tuple[int, int]]:
    """(dotted-line manager, person) indices, in input order."""
    if not any(map(attrgetter("dotted"), org.people.values())):
        return []  # the id index only for matrix orgs
    number = {pid: i for i, pid in enumerate(tree.ids)}
    return [(number[boss], number[person.id]) for person in org.people.values()
            for boss in person.dotted if boss in number]


def _ranks(tree: OrgTree, levels: Mapping[str, int]) -> list[int]:
    """Row index wanted for each person from its level: most senior level first; -1 unknown.

    People without a level (a CEO with a title only) take rows of their own above the levelled
    people they manage; every levelled row is moved down far enough (the *offset*) that such
    a person never pushes one level into the row of another.

    Each person lands on ``max(offset + relative, fixed)``: ``relative`` counts from the
    levelled people above it (a level's row, plus a row a step below it), ``fixed`` from its
    top (a row a step). The offset helps only a person pushed by ``fixed``; one pushed by the
    levels above it (a report of a more senior level than its manager's, or unlevelled
    managers between two levels) stays pushed whatever the offset: moving every row for it
    would only open empty rows (a chain of such reports once opened thousands, round by round).

    >>> from ladder.model import Org, Person
    >>> org = Org.build("x", [Person("ceo", "C"), Person("vp", "V", manager="ceo"),
    ...                       Person("pm", "P", manager="vp")])
    >>> _ranks(index_org(org), {"vp": 5, "pm": 3})  # the CEO has no level: a row above
    [-1, 1, 2]
    >>> _ranks(index_org(org), {"ceo": 1, "vp": 3, "pm": 5})  # inverted: no empty rows
    [2, 1, 0]
    """
    distinct = sorted({levels[i] for i in tree.ids if i in levels}, reverse=True)
    row_of = {level: r for r, level in enumerate(distinct)}
    rank = [row_of[levels[i]] if i in levels else -1 for i in tree.ids]
    unplaced = -len(rank) - len(distinct)  # below any row: no levelled person above
    relative = [unplaced] * len(rank)
    fixed = [0] * len(rank)
    above = [-1] * len(rank)  # rank of the nearest levelled manager, -1 for none
    offset = 0
    for person in tree.preorder:  # managers before their reports
        boss = tree.manager[person]
        if boss >= 0:
            above[person] = rank[boss] if rank[boss] >= 0 else above[boss]
            relative[person] = relative[boss] + 1
            fixed[person] = fixed[boss] + 1
        own = rank[person]
        if own < 0:
            continue
        if relative[person] <= own:  # not pushed by the levels above: on its level's row
            relative[person] = own
            # Only a push that a lower level causes is worth moving every row for: a report
            # of the same or a higher level than its manager is pushed whatever the offset.
            if above[person] < own:
                offset = max(offset, fixed[person] - own)
    return [r + offset if r >= 0 else -1 for r in rank]
