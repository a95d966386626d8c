"""Tidy-tree x positions in linear time: Walker's algorithm as made linear by Buchheim et al.

Reference: C. Buchheim, M. Jünger, S. Leipert, "Improving Walker's Algorithm to Run in Linear
Time", Graph Drawing 2002, LNCS 2528, pp. 344-353. (d3-hierarchy's ``tree.js`` follows the same
paper.) What differs here:

* the tree is given as flat arrays (``children[u]`` lists of unit numbers, unit 0 the root), and
  every pass is a loop, not a recursion, so a million-node chain cannot overflow the stack;
* nodes have their own widths, and they need not be centred on their anchor: ``left[u]`` and
  ``right[u]`` are the distances from the anchor x to the node's left and right edges. The
  separation of two neighbours on one level is ``right[a] + left[b] + gap``, where the gap is
  ``sibling_gap`` for children of one parent and ``cousin_gap`` otherwise;
* levels are depths in this tree. The org layout (``ladder.layout.chart``) turns a stack of leaf
  reports or an indented list into a chain of one-row nodes, so the same algorithm packs them.

>>> # a root with three children of width 10, 10 apart: children at -20, 0, 20
>>> tidy_x([[1, 2, 3], [], [], []], [5.0] * 4, [5.0] * 4, sibling_gap=10, cousin_gap=20)
[0.0, -20.0, 0.0, 20.0]
"""

from __future__ import annotations

from collections.abc import Sequence
from operator import add


def tidy_x(
    children: Sequence[Sequence[int]],
    left: Sequence[float],
    right: Sequence[float],
    *,
    sibling_gap: float,
    cousin_gap: float,
) -> list[float]:
    """The x of each node's anchor, the root at 0; parents centred over first and last child."""
    count = len(children)
    if count == 0:
        return []
    parent = [-1] * count
    number = [0] * count  # position among its siblings
    order: list[int] = []  # pre-order visiting children right to left
    stack = [0]
    visit, take, put = order.append, stack.pop, stack.extend
    while stack:
        node = take()
        visit(node)
        kids = children[node]
        if not kids:
            continue
        if len(kids) == 1:  # a chain (a list's column, a stack's rows): the common case
            parent[kids[0]] = node
        else:
            for i, kid in enumerate(kids):
                parent[kid] = node
                number[kid] = i
        put(kids)
    if len(order) != count:
        raise ValueError("children do not form one tree rooted at node 0")

    prelim = [0.0] * count
    modifier = [0.0] * count
    shift = [0.0] * count
    change = [0.0] * count
    thread = [-1] * count
    ancestor = list(range(count))
    default_ancestor = [-1] * count  # per parent, the "defaultAncestor" of the paper

    def separation(a: int, b: int) -> float:
        gap = sibling_gap if parent[a] == parent[b] else cousin_gap
        return right[a] + left[b] + gap

    def next_left(v: int) -> int:
        kids = children[v]
        return kids[0] if kids else thread[v]

    def next_right(v: int) -> int:
        kids = children[v]
        return kids[-1] if kids else thread[v]

    def apportion(v: int, w: int, default: int) -> int:
        # Push v's subtree right until it clears the subtrees of its left siblings, walking the
        # facing contours (inner right of the left forest, inner left of v) level by level.
        inner_plus = outer_plus = v
        inner_minus = w
        outer_minus = children[parent[v]][0]
        sum_ip = modifier[inner_plus]
        sum_op = modifier[outer_plus]
        sum_im = modifier[inner_minus]
        sum_om = modifier[outer_minus]
        while True:  # next_right, next_left and separation written out: the hot loop
            kids = children[inner_minus]
            inner_minus = kids[-1] if kids else thread[inner_minus]
            kids = children[inner_plus]
            inner_plus = kids[0] if kids else thread[inner_plus]
            if inner_minus < 0 or inner_plus < 0:
                break
            kids = children[outer_minus]
            outer_minus = kids[0] if kids else thread[outer_minus]
            kids = children[outer_plus]
            outer_plus = kids[-1] if kids else thread[outer_plus]
            ancestor[outer_plus] = v
            gap = (prelim[inner_minus] + sum_im) - (prelim[inner_plus] + sum_ip) + (
                right[inner_minus] + left[inner_plus]
                + (sibling_gap if parent[inner_minus] == parent[inner_plus] else cousin_gap))
            if gap > 0:
                mover = ancestor[inner_minus]
                if parent[mover] != parent[v]:
                    mover = default
                # move_subtree(mover, v, gap): spread the shift over the siblings between them
                subtrees = number[v] - number[mover]
                change[v] -= gap / subtrees
                shift[v] += gap
                change[mover] += gap / subtrees
                prelim[v] += gap
                modifier[v] += gap
                sum_ip += gap
                sum_op += gap
            sum_im += modifier[inner_minus]
            sum_ip += modifier[inner_plus]
            sum_om += modifier[outer_minus]
            sum_op += modifier[outer_plus]
        if inner_minus >= 0 and next_right(outer_plus) < 0:
            thread[outer_plus] = inner_minus
            modifier[outer_plus] += sum_im - sum_op
        if inner_plus >= 0 and next_left(outer_minus) < 0:
            thread[outer_minus] = inner_plus
            modifier[outer_minus] += sum_ip - sum_om
            default = v
        return default

    # First walk: post-order, left to right (the reverse of our right-to-left pre-order).
    for v in reversed(order):
        kids = children[v]
        if not number[v] and len(kids) < 2:  # a first child (or the root) over at most one
            if kids:  # down a chain (a list's column, a stack's rows): over its only child
                prelim[v] = prelim[kids[0]]
            continue  # a leaf: at 0, no left sibling to clear
        if len(kids) == 1:  # an only child is never shifted: it has no sibling to clear
            midpoint = prelim[kids[0]]
        elif kids:
            # execute_shifts: apply the shifts queued by move_subtree on v's children
            total_shift = 0.0
            total_change = 0.0
            for kid in reversed(kids):
                prelim[kid] += total_shift
                modifier[kid] += total_shift
                total_change += change[kid]
                total_shift += shift[kid] + total_change
            midpoint = (prelim[kids[0]] + prelim[kids[-1]]) / 2
        p = parent[v]
        if p < 0:
            if kids:
                prelim[v] = midpoint
            continue
        w = children[p][number[v] - 1] if number[v] else -1
        if kids:
            if w >= 0:
                prelim[v] = prelim[w] + separation(w, v)
                modifier[v] = prelim[v] - midpoint
            else:
                prelim[v] = midpoint
        elif w >= 0:
            prelim[v] = prelim[w] + separation(w, v)
        if w >= 0:
            start = default_ancestor[p]
            default_ancestor[p] = apportion(v, w, start if start >= 0 else children[p][0])

    # Second walk: pre-order, absolute x = prelim plus the modifiers of all ancestors.
    offset = [0.0] * count  # sum of modifiers of the strict ancestors
    offset[0] = -prelim[0]
    for v in order:
        kids = children[v]
        if kids:
            below = offset[v] + modifier[v]
            for kid in kids:
                offset[kid] = below
    return list(map(add, prelim, offset))
