"""Placement: turn the people into *units* of a tree, pack them with :func:`tidy_x`, read back
every card's position.

A unit is one row tall; :func:`tidy_x` packs units level by level, so a block several rows tall
is a chain of units, one per row, and neighbouring subtrees slide in beside its short parts:

* ``CARD``: one person, with the assistants that sit beside them (widening it to the right);
* ``STACK_ROW``: up to ``columns`` leaf reports side by side around a vertical *spine*;
* ``LIST_ITEM``: one person of a subtree drawn as an indented list; a list is wrapped into
  columns of about equal height, each a chain of items hanging from its own spine;
* ``PASS``: an empty row, so a person can sit lower than one row under the manager
  (``align_levels``), or a row of a *trunk* running down through a band of a wide span;
* ``TRUNK``: the last row of a trunk, the hub the next band of a wide span hangs from.

Centred, precisely: a manager's card centre is the midpoint between the leftmost and the
rightmost *anchor* of its first band of units, where the anchor of a spread report is its card
centre and the anchor of a stack, of a column of an indented list, or of a trunk, is its line.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from ladder.layout.blocks import (
    arrange,
    column_shape,
    leaf_rows,
    measure,
    stack_groups,
    stack_offsets,
    stack_rows,
    stack_width,
    trunk_place,
)
from ladder.layout.cards import CardStyle
from ladder.layout.org_layout import OrgLayout
from ladder.layout.routes import ASSIST, BANDED, BANDED_STACK, CONTINUED, LIST, SPREAD, STACK
from ladder.layout.tidy import tidy_x
from ladder.layout.tree import OrgTree

ROOT, CARD, STACK_ROW, LIST_ITEM, PASS, TRUNK = range(6)
THIN = 2.0  # half-width of a unit that holds only a line (a trunk, a pass-through, a spine)


@dataclass(slots=True)
class Plan:
    """How each manager's reports are drawn: the choices of the mode and the plan search."""

    mode: str  # the mode drawn: tree, compact or stacked
    columns: int  # columns of one leaf stack
    stack_leaves: bool  # compact and stacked: leaf reports in stacks; tree: spread
    listed: list[bool]  # per person: its subtree is an indented list
    rank: list[int] | None  # per person: the row wanted (align_levels), -1 for none
    column_rows: int = 0  # rows of an indented list's column; 0: about square


@dataclass(slots=True)
class PlaceTrunk:
    """Work: run a trunk ``depth`` rows down from unit ``parent``; the next band hangs from
    its last unit, the ``hub`` (known once this item is done)."""

    manager: int
    parent: int
    depth: int
    band: int  # the band that hangs from it
    above: PlaceTrunk | None = None  # the trunk of the band it runs down through, if not the 1st
    hub: int = -1


@dataclass(slots=True)
class PlaceCard:
    """Work: place ``person``'s card, and later its reports, under unit ``parent`` (or under
    the hub of ``trunk``, for a report in a later band of a wide span)."""

    person: int
    parent: int
    band: int = 1  # the band of its manager's span it is in
    trunk: PlaceTrunk | None = None


@dataclass(slots=True)
class PlaceStack:
    """Work: hang ``leaves`` as one stack under unit ``parent`` (or the hub of ``trunk``), its
    first row on ``row`` (-1: the row below its parent)."""

    leaves: Sequence[int]
    parent: int
    row: int = -1
    band: int = 1
    trunk: PlaceTrunk | None = None


Work = PlaceCard | PlaceStack | PlaceTrunk


@dataclass(slots=True)
class StackRow:
    members: Sequence[int]
    offsets: list[float]  # left edges relative to the spine


@dataclass(slots=True)
class Units:
    """The units as flat lists (what :func:`tidy_x` reads), one entry per unit; unit 0 the root."""

    children: list[list[int]] = field(default_factory=lambda: [[]])
    left: list[float] = field(default_factory=lambda: [0.0])
    right: list[float] = field(default_factory=lambda: [0.0])
    kind: list[int] = field(default_factory=lambda: [ROOT])
    row: list[int] = field(default_factory=lambda: [-1])
    person: list[int] = field(default_factory=lambda: [-1])  # CARD, LIST_ITEM, TRUNK (manager)
    level: list[int] = field(default_factory=lambda: [0])  # LIST_ITEM: levels below the head
    group: list[int] = field(default_factory=lambda: [0])  # LIST_ITEM: its column's first unit
    stack_rows: dict[int, StackRow] = field(default_factory=dict)
    column_head: dict[int, int] = field(default_factory=dict)  # first unit -> listed manager
    trunk_band: dict[int, int] = field(default_factory=dict)  # TRUNK unit -> band it feeds
    # every childless unit's children: one empty list, never changed (a million cards)
    leaf: list[int] = field(default_factory=list)

    def add(self, parent: int, kind: int, left: float, right: float, person: int = -1,
            level: int = 0, group: int = 0) -> int:
        """A new unit, the last child of ``parent``, one row below it; returns its number."""
        number = len(self.kind)
        self.children.append(self.leaf)
        self.left.append(left)
        self.right.append(right)
        self.kind.append(kind)
        self.row.append(self.row[parent] + 1)
        self.person.append(person)
        self.level.append(level)
        self.group.append(group)
        siblings = self.children[parent]
        if siblings is self.leaf:
            siblings = self.children[parent] = []
        siblings.append(number)
        return number

    def add_chain(self, parent: int, kind: int, left: float, rights: list[float],
                  people: list[int], levels: list[int], group: int) -> int:
        """Units one under another, the first a child of ``parent`` (what :meth:`add` does
        for each, done for all at once: a list's column of a thousand cards); returns the
        last one's number."""
        first = len(self.kind)
        count = len(people)
        self.children.extend([[unit] for unit in range(first + 1, first + count)])
        self.children.append(self.leaf)
        self.left.extend([left] * count)
        self.right.extend(rights)
        self.kind.extend([kind] * count)
        top = self.row[parent] + 1
        self.row.extend(range(top, top + count))
        self.person.extend(people)
        self.level.extend(levels)
        self.group.extend([group] * count)
        siblings = self.children[parent]
        if siblings is self.leaf:
            siblings = self.children[parent] = []
        siblings.append(first)
        return first + count - 1

    def descend(self, parent: int, target_row: int) -> int:
        """Pass-through units under ``parent`` until the next unit lands on ``target_row``."""
        while self.row[parent] + 1 < target_row:
            parent = self.add(parent, PASS, THIN, THIN)
        return parent


def place(tree: OrgTree, plan: Plan, style: CardStyle) -> OrgLayout:
    """Lay out ``tree`` as ``plan`` says; pure and linear in the people."""
    builder = _Builder(tree, plan, style)
    builder.build()
    xs = tidy_x(builder.units.children, builder.units.left, builder.units.right,
                sibling_gap=style.sibling_gap, cousin_gap=style.cousin_gap)
    return builder.read_back(xs)


class _Builder:
    """Builds the units top-down from a stack of work items, then reads the positions back."""

    def __init__(self, tree: OrgTree, plan: Plan, style: CardStyle) -> None:
        self.tree, self.plan, self.style = tree, plan, style
        self.units = Units()
        count = len(tree)
        self.edge_kind = [SPREAD] * count
        self.band_of: dict[int, int] = {}
        self.sizes: tuple[dict[int, float], dict[int, int]] | None = None
        if plan.rank is None:  # bands need the rows of each block; levels fix rows themselves
            self.sizes = measure(tree, style, columns=plan.columns,
                                 stack_leaves=plan.stack_leaves,
                                 listed=plan.listed, column_rows=plan.column_rows)

    def build(self) -> None:
        work: list[Work] = [PlaceCard(r, 0) for r in reversed(self.tree.roots)]
        while work:
            item = work.pop()
            if isinstance(item, PlaceCard):
                work.extend(reversed(self.card(item)))
            elif isinstance(item, PlaceStack):
                self.stack(item)
            else:
                self.trunk(item)

    def card(self, item: PlaceCard) -> Sequence[Work]:
        """Add ``item.person``'s card; returns the work of placing its reports, in order."""
        tree, plan, style = self.tree, self.plan, self.style
        person = item.person
        parent = item.trunk.hub if item.trunk else item.parent
        if plan.rank is not None and plan.rank[person] >= 0:
            parent = self.units.descend(parent, plan.rank[person])
        half = style.width / 2
        extra = len(tree.assistants[person]) * (style.width + style.sibling_gap)
        unit = self.units.add(parent, CARD, half, half + extra, person)
        if item.band > 1:
            self.edge_kind[person] = BANDED
            self.band_of[person] = item.band
        if not tree.reports[person]:
            return []
        if plan.listed[person]:
            self.indented_list(person, unit)
            return []
        blocks = self.blocks(person, unit)
        if self.sizes is None:
            return blocks
        order, lengths = arrange([self.block_size(block) for block in blocks], style)
        if len(lengths) == 1:
            return blocks
        return self.banded(person, unit, [blocks[i] for i in order], lengths)

    def blocks(self, person: int, unit: int) -> list[PlaceCard | PlaceStack]:
        """The blocks of ``person``'s reports, hanging from ``unit``: managers spread on both
        sides of the stacks of leaves (tree mode: everyone spread, in input order)."""
        tree, plan = self.tree, self.plan
        reports = tree.reports[person]
        if not plan.stack_leaves:
            return [PlaceCard(k, unit) for k in reports]
        below = self.units.row[unit] + 1
        spread: list[PlaceCard | PlaceStack] = []
        by_row: dict[int, list[int]] = {}
        for report in reports:
            if tree.kids[report]:
                spread.append(PlaceCard(report, unit))
            else:
                row = below if plan.rank is None else max(below, plan.rank[report])
                by_row.setdefault(row, []).append(report)
        middle: list[PlaceCard | PlaceStack] = []
        rows = leaf_rows([self.block_size(block) for block in spread]) if self.sizes else 0
        for row in sorted(by_row):
            leaves = by_row[row]
            if len(leaves) > plan.columns:
                middle += [PlaceStack(group, unit, row)
                           for group in stack_groups(leaves, plan.columns, self.style, rows)]
            else:
                middle += [PlaceCard(k, unit) for k in leaves]
        cut = len(spread) // 2
        return spread[:cut] + middle + spread[cut:]

    def block_size(self, block: PlaceCard | PlaceStack) -> tuple[float, int]:
        """(width, rows) of a block, as :func:`measure` counts them."""
        assert self.sizes is not None
        if isinstance(block, PlaceStack):
            columns = self.plan.columns
            return stack_width(columns, self.style), stack_rows(len(block.leaves), columns)
        width_of, rows_of = self.sizes
        return width_of.get(block.person, self.style.width), rows_of.get(block.person, 1)

    def banded(self, person: int, unit: int, blocks: list[PlaceCard | PlaceStack],
               lengths: list[int]) -> list[Work]:
        """Wrap ``blocks`` into bands: each later band hangs from a trunk that runs down the
        middle of the band above it (a chain of pass-through units ending in a hub)."""
        work: list[Work] = []
        trunk: PlaceTrunk | None = None
        start, drift = 0, 0.0
        for band, length in enumerate(lengths, start=1):
            members = blocks[start:start + length]
            start += length
            for block in members:
                block.band, block.trunk = band, trunk
            if band == len(lengths):
                return work + members
            sizes = [self.block_size(block) for block in members]
            depth = max(rows for _, rows in sizes)
            middle, drift = trunk_place([width for width, _ in sizes], drift,
                                        self.style.sibling_gap)
            trunk = PlaceTrunk(person, unit, depth, band + 1, above=trunk)
            work += [*members[:middle], trunk, *members[middle:]]
        return work

    def trunk(self, item: PlaceTrunk) -> None:
        units = self.units
        chain = units.add(item.above.hub if item.above else item.parent, PASS, THIN, THIN)
        for _ in range(item.depth - 1):
            chain = units.add(chain, PASS, THIN, THIN)
        units.kind[chain] = TRUNK
        units.person[chain] = item.manager
        units.trunk_band[chain] = item.band
        item.hub = chain

    def stack(self, item: PlaceStack) -> None:
        """A chain of stack rows, ``columns`` leaves a row, around one spine."""
        units, columns, style = self.units, self.plan.columns, self.style
        parent = item.trunk.hub if item.trunk else item.parent
        chain = units.descend(parent, item.row) if item.row >= 0 else parent
        kind = STACK if item.band == 1 else BANDED_STACK
        for start in range(0, len(item.leaves), columns):
            members = item.leaves[start:start + columns]
            offsets = stack_offsets(len(members), columns, style)
            chain = units.add(chain, STACK_ROW, max(THIN, -offsets[0]),
                              max(THIN, offsets[-1] + style.width))
            units.stack_rows[chain] = StackRow(members, offsets)
            for member in members:
                self.edge_kind[member] = kind
                if item.band > 1:
                    self.band_of[member] = item.band

    def indented_list(self, head: int, unit: int) -> None:
        """``head``'s subtree as an indented list, wrapped into columns hanging from ``unit``."""
        tree, units, style = self.tree, self.units, self.style
        # (person, indent steps from the head), pre-order; a manager's only report takes no
        # step: it sits right under its manager (see routes.LIST)
        people: list[int] = []
        levels: list[int] = []
        beside = tree.assistants[head]  # drawn beside the head's card, not in its list
        kids, manager = tree.kids, tree.manager
        inner = {head: 1}  # a manager in the list -> the indent steps of its reports
        for person in tree.below(head):
            boss = manager[person]
            if boss == head and beside and person in beside:
                continue
            level = inner[boss]
            below = kids[person]
            if below:
                inner[person] = level + (len(below) > 1)
            people.append(person)
            levels.append(level)
        _, height = column_shape(len(people), tree.list_reach(head), style,
                                 self.plan.column_rows)
        start = 0
        reach_right = style.spine_gap + style.width
        climbs: list[int] = []  # filled by _column_end when first needed
        while start < len(people):
            end = _column_end(levels, start, height, climbs)
            first = len(units.kind)  # the column's first unit names the column
            units.column_head[first] = head
            column = levels[start:end]
            units.add_chain(unit, LIST_ITEM, THIN,
                            [reach_right + style.indent * (level - 1) for level in column],
                            people[start:end], column, first)
            start = end

    def read_back(self, xs: list[float]) -> OrgLayout:
        """Card positions and connector data from the units' x and rows."""
        tree, units, style = self.tree, self.units, self.style
        count = len(tree)
        width, indent, pitch = style.width, style.indent, style.pitch
        px, py = [0.0] * count, [0.0] * count
        edge_kind, edge_via, edge_top = self.edge_kind, [0.0] * count, [0.0] * count
        column_of = [-1] * count  # which column of its list a person is in (its first unit)
        spines: dict[int, list[float]] = {}  # listed manager -> the spine x of each column
        bands: dict[int, list[tuple[float, float]]] = {}
        kinds, rows, people = units.kind, units.row, units.person
        levels, groups, heads, manager = units.level, units.group, units.column_head, tree.manager
        spine_gap = style.spine_gap
        head = -1
        for unit in range(1, len(kinds)):
            kind = kinds[unit]
            top = rows[unit] * pitch
            if kind == LIST_ITEM:  # most people of a big chart
                person, level, column = people[unit], levels[unit], groups[unit]
                anchor = xs[unit]
                if unit == column:
                    head = heads[unit]
                    spines.setdefault(head, []).append(anchor)
                px[person] = anchor + spine_gap + indent * (level - 1)
                py[person] = top
                column_of[person] = column
                boss = manager[person]
                if boss == head:  # the units of a column follow its first one
                    edge_kind[person] = STACK
                    edge_via[person] = anchor
                elif column_of[boss] == column:
                    edge_kind[person] = LIST
                else:
                    edge_kind[person] = CONTINUED
                    edge_via[person] = anchor + spine_gap + indent * (level - 1.5)
                    # from the top of the column's first card, not from the gutter above it,
                    # where it read as a line from the bus of the row above
                    edge_top[person] = rows[column] * pitch
            elif kind == CARD:
                person = people[unit]
                px[person] = xs[unit] - width / 2
                py[person] = top
                for number, assistant in enumerate(tree.assistants[person]):
                    px[assistant] = xs[unit] + width / 2 + style.sibling_gap + number * (
                        width + style.sibling_gap)
                    py[assistant] = top
                    edge_kind[assistant] = ASSIST
            elif kind == STACK_ROW:
                stack = units.stack_rows[unit]
                spine = xs[unit]
                for member, offset in zip(stack.members, stack.offsets, strict=True):
                    px[member] = spine + offset
                    py[member] = top
                    edge_via[member] = spine
            elif kind == TRUNK:
                bus = (rows[unit] + 1) * pitch - style.level_gap / 2
                bands.setdefault(people[unit], []).append((xs[unit], bus))
        shift = -min(px) if count else 0.0
        if shift:
            px = [x + shift for x in px]
            edge_via = [x + shift for x in edge_via]
            spines = {m: [x + shift for x in line] for m, line in spines.items()}
            bands = {m: [(x + shift, y) for x, y in line] for m, line in bands.items()}
        total_rows = max(rows) + 1 if count else 0
        return OrgLayout(
            ids=tree.ids, x=px, y=py, style=style,
            width=max(px) + width if count else 0.0,
            height=(total_rows - 1) * pitch + style.height if count else 0.0,
            manager=tree.manager, edge_kind=edge_kind, edge_via=edge_via, edge_top=edge_top,
            dotted=[], mode=self.plan.mode,
            listed=[v for v in range(count) if self.plan.listed[v]], rows=total_rows,
            spines=spines, bands=bands, band_of=self.band_of,
        )


_WALK = 32  # items a column's end is walked back at most; from there it is looked up


def _column_end(levels: list[int], start: int, height: int, climbs: list[int]) -> int:
    """Where the list column that starts at item ``start`` ends (exclusive); ``levels``:
    the indent steps of the list's items.

    Never end a column with a manager whose first report opens the next one; and rather end
    it a little early where a report of the head starts, so each column begins with one of the
    head's reports, not with lines from above. ``climbs``: :func:`_climb_starts` of the levels,
    or empty until it is first needed.
    """
    end = min(start + height, len(levels))
    if end - start > 1 and end < len(levels) and levels[end] > levels[end - 1]:
        # back to the start of the run of ever deeper items that ``end`` is in: walked a few
        # steps, looked up beyond (a chain of managers each with a leaf is one run as long as
        # the list: walking it for every column was quadratic)
        low = max(start + 1, end - _WALK)
        while end > low and levels[end] > levels[end - 1]:
            end -= 1
        if end == low > start + 1 and levels[end] > levels[end - 1]:
            if not climbs:
                climbs.extend(_climb_starts(levels))
            end = max(start + 1, climbs[end])
    if end < len(levels) and levels[end] > 1:
        floor = start + max(1, (height * 2) // 3)
        cut = end - 1
        while cut > floor and levels[cut] > 1:
            cut -= 1
        if cut > floor or (cut == floor and levels[cut] == 1):
            end = cut
    return end


def _climb_starts(levels: list[int]) -> list[int]:
    """For each item, where the run that it ends, of items each deeper than the one before,
    starts.

    >>> _climb_starts([1, 2, 3, 3, 4, 1])
    [0, 0, 0, 3, 3, 5]
    """
    found = [0] * len(levels)
    for index in range(1, len(levels)):
        found[index] = found[index - 1] if levels[index] > levels[index - 1] else index
    return found
