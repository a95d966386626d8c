"""The shapes a manager's reports are packed into, shared by the plan search and placement.

A manager's reports become *blocks* side by side under it: a spread report (its card and its
own subtree), a *stack* of leaf reports in ``columns`` columns around a spine, or, for a listed
manager, an indented list wrapped in columns. Whatever the span, the blocks keep about the shape
of a square:

* leaves are split into several stacks as their number grows (:func:`stack_count`), so 5,000
  leaves make about 22 stacks of 114 rows rather than one stack of 2,500 rows;
* when there are many blocks, they are wrapped into *bands* (:func:`arrange`): the first
  band hangs from the manager's bus as usual, and a *trunk* line runs down between the blocks of
  each band to the bus of the next band, so 300 team leads make a block of rows of subtrees,
  not a ribbon 100,000 pixels wide;
* an indented list is wrapped into columns of about equal height (:func:`column_shape`).

>>> style = CardStyle()
>>> stack_count(8, 2, style), stack_count(5000, 2, style)
(1, 22)
>>> arrange([(240.0, 1)] * 30, style)[1]
[12, 12, 6]
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from operator import itemgetter

from ladder.layout.cards import CardStyle
from ladder.layout.tree import OrgTree

BAND_MIN = 12  # blocks a band holds at least: ordinary teams stay on one row
first, second = itemgetter(0), itemgetter(1)


def stack_offsets(count: int, columns: int, style: CardStyle) -> list[float]:
    """Left edges, relative to the spine, of ``count`` (<= columns) cards in one stack row.

    Half the columns (rounded down) hang left of the spine, the rest right; a short last row
    uses the places nearest the spine.

    >>> stack_offsets(2, 2, CardStyle())
    [-258.0, 18.0]
    """
    width, gap, spine_gap = style.width, style.sibling_gap, style.spine_gap
    left_columns = columns // 2
    places = []  # (distance rank, side, left edge)
    for i in range(left_columns):
        places.append((i, 0, -spine_gap - width - i * (width + gap)))
    for i in range(columns - left_columns):
        places.append((i, 1, spine_gap + i * (width + gap)))
    places.sort()
    return sorted(edge for _, _, edge in places[:count])


def stack_width(columns: int, style: CardStyle) -> float:
    """Width of a full stack row of ``columns`` cards, spine included."""
    offsets = stack_offsets(columns, columns, style)
    return max(offsets[-1] + style.width, 0.0) - min(offsets[0], 0.0)


def stack_count(leaves: int, columns: int, style: CardStyle) -> int:
    """How many stacks ``leaves`` leaf reports make: as many as keep the block about square."""
    if leaves <= columns:
        return 1
    across = stack_width(columns, style) + style.sibling_gap
    return max(1, round(math.sqrt(leaves * style.pitch / (columns * across))))


def stack_groups(leaves: Sequence[int], columns: int, style: CardStyle,
                 rows: int = 0) -> list[Sequence[int]]:
    """``leaves`` cut into stacks of equal full rows (the last one shorter): ``rows`` rows each,
    or (0) as many stacks as :func:`stack_count` says.

    >>> [len(group) for group in stack_groups(range(100), 2, CardStyle())]
    [34, 34, 32]
    """
    step = _stack_step(len(leaves), columns, style, rows)
    return [leaves[start:start + step] for start in range(0, len(leaves), step)]


def _stack_step(leaves: int, columns: int, style: CardStyle, rows: int) -> int:
    """Leaves per full stack."""
    if not rows:
        rows = math.ceil(leaves / (stack_count(leaves, columns, style) * columns))
    return rows * columns


def leaf_rows(spread: Sequence[tuple[float, int]]) -> int:
    """Rows of each leaf stack beside the ``spread`` blocks of a span: in a span wide enough
    to wrap into bands, as tall as the typical spread block (the median), so the stacks fill
    the bands like any other block; else 0 (stacks about square, see :func:`stack_count`)."""
    if len(spread) <= BAND_MIN:
        return 0
    depths = sorted(rows for _, rows in spread)
    return max(2, depths[len(depths) // 2])


def arrange(blocks: Sequence[tuple[float, int]], style: CardStyle) -> tuple[list[int], list[int]]:
    """(order, band lengths) of a manager's ``blocks`` ((width px, rows) each, in order).

    One band, in the blocks' own order, while there are at most :data:`BAND_MIN` of them or
    they are no wider than the square their area makes. Else bands about that wide, filled
    deepest block first, so blocks of one depth share a band and no band is held open by one
    deep block among shallow ones.

    >>> arrange([(240.0, 1)] * 10, CardStyle())
    ([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [10])
    >>> arrange([(240.0, 1)] * 30, CardStyle())[1]
    [12, 12, 6]
    """
    count = len(blocks)
    order = list(range(count))
    gap = style.sibling_gap
    total = sum(width for width, _ in blocks) + gap * count
    side = math.sqrt(sum((width + gap) * rows * style.pitch for width, rows in blocks))
    if count <= BAND_MIN or total <= side:
        return order, [count]
    order.sort(key=lambda i: -blocks[i][1])
    target = max(side, BAND_MIN * (style.width + gap))  # a band holds a dozen cards at least
    lengths = [0]
    used = 0.0
    for i in order:
        width = blocks[i][0] + gap
        if lengths[-1] and used + width > target:
            lengths.append(0)
            used = 0.0
        lengths[-1] += 1
        used += width
    return order, lengths


def trunk_place(widths: Sequence[float], drift: float, gap: float) -> tuple[int, float]:
    """(index, new drift): where to put a trunk among blocks of these widths, and how far
    the band below, centred under the trunk, will then sit from the first band's centre.

    The trunk goes where it keeps that drift smallest, so the bands hang one under another
    rather than stepping sideways (five equal blocks: the trunk after two, then after three).

    >>> trunk_place([100] * 5, 0.0, 0.0), trunk_place([100] * 5, -50.0, 0.0)
    ((2, -50.0), (3, 0.0))
    """
    total = sum(widths) + gap * len(widths)
    best: tuple[float, int, float] | None = None
    left = 0.0
    for index in range(len(widths) + 1):
        # the band's centre is at total / 2 from its left edge; the trunk at `left`
        shifted = drift + left - total / 2
        if best is None or abs(shifted) < best[0]:
            best = (abs(shifted), index, shifted)
        if index < len(widths):
            left += widths[index] + gap
    assert best is not None
    return best[1], best[2]


def stack_rows(leaves: int, columns: int) -> int:
    """Rows of one stack of ``leaves`` leaf cards."""
    return math.ceil(leaves / columns)


def column_width(reach: int, style: CardStyle) -> float:
    """Width of one column of an indented list ``reach`` levels deep, gap included."""
    return style.spine_gap + style.indent * (reach - 1) + style.width + style.sibling_gap


def column_shape(
    items: int, reach: int, style: CardStyle, column_rows: int = 0
) -> tuple[int, int]:
    """(columns, rows per column) for an indented list of ``items`` people.

    At most ``column_rows`` rows per column; 0: a block about as wide as it is tall.

    >>> column_shape(100, 1, CardStyle())
    (6, 17)
    """
    if column_rows:
        height = min(items, column_rows)
    else:
        count = max(1, round(math.sqrt(items * style.pitch / column_width(reach, style))))
        height = math.ceil(items / count)
    return math.ceil(items / height), height


def leaf_block_sizes(leaves: int, columns: int, style: CardStyle,
                     rows: int = 0) -> list[tuple[float, int]]:
    """(width, rows) of the blocks ``leaves`` leaf reports make in compact mode: stacks when
    there are more than ``columns``, else one card each (as :func:`stack_groups` cuts them)."""
    if leaves <= columns:
        return [(style.width, 1)] * leaves
    step = _stack_step(leaves, columns, style, rows)
    full, rest = divmod(leaves, step)
    across = stack_width(columns, style)
    sizes = [(across, step // columns)] * full
    if rest:
        sizes.append((across, stack_rows(rest, columns)))
    return sizes


def _totals(blocks: list[tuple[float, int]]) -> tuple[int, float, int]:
    """(count, total width, deepest rows) of blocks."""
    return len(blocks), sum(map(first, blocks)), max(map(second, blocks), default=0)


def _list_size(tree: OrgTree, person: int, own: float, style: CardStyle,
               column_rows: int) -> tuple[float, int]:
    """(width, rows) of ``person`` over its subtree drawn as an indented list."""
    items = tree.size[person] - 1 - len(tree.assistants[person])
    reach = tree.list_reach(person)
    count, height = column_shape(items, reach, style, column_rows)
    return max(own, count * column_width(reach, style) - style.sibling_gap), 1 + height


def _blocks_size(blocks: list[tuple[float, int]], own: float,
                 style: CardStyle) -> tuple[float, int]:
    """(width, rows) of a card ``own`` wide over ``blocks``, in bands if they wrap."""
    gap = style.sibling_gap
    if len(blocks) <= BAND_MIN:  # one band, no arranging
        return max(own, sum(map(first, blocks)) + gap * (len(blocks) - 1)), 1 + max(
            map(second, blocks))
    widest, rows, start = own, 1, 0
    order, lengths = arrange(blocks, style)
    for length in lengths:
        band = [blocks[i] for i in order[start:start + length]]
        start += length
        widest = max(widest, sum(map(first, band)) + gap * (length - 1))
        rows += max(map(second, band))
    return widest, rows


def measure(
    tree: OrgTree,
    style: CardStyle,
    *,
    columns: int,
    stack_leaves: bool,
    listed: Sequence[bool] | None = None,
    threshold: int = 0,
    column_rows: int = 0,
) -> tuple[dict[int, float], dict[int, int]]:
    """(width px, rows) of the subtree of every manager not inside a list, as it will be drawn.

    ``listed``: per person, is its subtree an indented list; when not given, the largest
    subtrees of at most ``threshold`` people below a root are (0: none), as the plan search
    tries them.

    Bottom-up over the managers only (a leaf is one card wide and one row tall), so the plan
    search can afford to measure many plans. Rows are exact (placement never uses more);
    widths add the blocks of each band side by side, so they over-estimate what the tidy
    layout, which slides subtrees into each other's gaps, will draw.
    """
    width_of: dict[int, float] = {}
    rows_of: dict[int, int] = {}
    card, gap = style.width, style.sibling_gap
    manager, reports, kids = tree.manager, tree.reports, tree.kids
    size, assistants = tree.size, tree.assistants
    inside: set[int] = set()  # managers drawn within the list of a manager above them
    if listed is not None:
        for person in reversed(tree.bosses):  # top-down
            boss = manager[person]
            if boss >= 0 and (boss in inside or listed[boss]):
                inside.add(person)
    managing = tree.managing_map()
    leaf_sizes: dict[int, tuple[int, float, int]] = {}  # leaf count -> _totals; spans repeat
    for person in tree.bosses if listed is not None else tree.outside_lists(threshold):
        boss = manager[person]
        if listed is None:
            is_listed = boss >= 0 and size[person] <= threshold < size[boss]
        elif person in inside:
            continue
        else:
            is_listed = listed[person]
        own = card + len(assistants[person]) * (card + gap)
        below = reports[person]
        if not below:  # only assistants, beside the card
            width_of[person], rows_of[person] = own, 1
            continue
        if is_listed:
            width_of[person], rows_of[person] = _list_size(tree, person, own, style, column_rows)
            continue
        if stack_leaves:
            mine = managing[person]
            leaf_count = len(below) - len(mine)
            if len(mine) <= BAND_MIN:  # the common case: one band unless the leaves are many
                leaves = leaf_sizes.get(leaf_count)
                if leaves is None:
                    leaves = leaf_sizes[leaf_count] = _totals(
                        leaf_block_sizes(leaf_count, columns, style))
                count, leaf_width, leaf_depth = leaves
                if not mine and count <= BAND_MIN:  # leaves alone (most managers)
                    width_of[person] = max(own, leaf_width + gap * (count - 1))
                    rows_of[person] = 1 + leaf_depth
                    continue
                if len(mine) + count <= BAND_MIN:
                    width = sum(map(width_of.__getitem__, mine)) + leaf_width
                    depth = max(leaf_depth, max(map(rows_of.__getitem__, mine), default=0))
                    width_of[person] = max(own, width + gap * (len(mine) + count - 1))
                    rows_of[person] = 1 + depth
                    continue
            spread = [(width_of[r], rows_of[r]) for r in mine]
            cut = len(spread) // 2
            blocks = spread[:cut] + leaf_block_sizes(leaf_count, columns, style,
                                                     leaf_rows(spread)) + spread[cut:]
        else:
            blocks = [(width_of[r], rows_of[r]) if kids[r] else (card, 1) for r in below]
        width_of[person], rows_of[person] = _blocks_size(blocks, own, style)
    return width_of, rows_of
