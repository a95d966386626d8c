"""The reporting tree as index arrays: the one walk over the people that layout starts from.

People are numbered in input order; every list below has one entry per person, so a chart of a
million people costs a handful of flat lists rather than a million objects.

>>> from ladder.model import Org, Person
>>> tree = index_org(Org.build("t", [Person("a", "A"), Person("b", "B", manager="a"),
...                                  Person("c", "C", manager="b")]))
>>> tree.depth, tree.size, tree.reach, tree.preorder
([1, 2, 3], [3, 2, 1], [2, 1, 0], [0, 1, 2])
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass, field
from itertools import compress
from operator import attrgetter

from ladder.model.org import Org


@dataclass(slots=True)
class OrgTree:
    """Managers, reports, depths and subtree sizes of every person, by index."""

    ids: list[str]
    manager: list[int]  # index of the solid-line manager, -1 for a root
    kids: list[list[int]]  # every direct report, input order
    reports: list[list[int]]  # kids minus the assistants drawn beside their manager
    assistants: list[list[int]]
    preorder: list[int]  # managers before their reports, roots in input order
    depth: list[int]  # a root is at depth 1
    size: list[int]  # people in the subtree, the person included
    reach: list[int]  # levels below the person in its subtree (0 for a leaf)
    roots: list[int]
    _bosses: list[int] | None = field(default=None, repr=False)
    _managing: dict[int, list[int]] | None = field(default=None, repr=False)
    _root_size: list[int] | None = field(default=None, repr=False)
    _steps: list[int] | None = field(default=None, repr=False)
    _place: array[int] | None = field(default=None, repr=False)
    _outside: tuple[int, list[int]] | None = field(default=None, repr=False)

    def __len__(self) -> int:
        return len(self.ids)

    @property
    def bosses(self) -> list[int]:
        """Everyone with a direct report, bottom-up (each after all the managers below it)."""
        if self._bosses is None:
            upward = self.preorder[::-1]
            self._bosses = list(compress(upward, map(self.kids.__getitem__, upward)))
        return self._bosses

    @property
    def root_size(self) -> list[int]:
        """Per person: the size of the whole tree it belongs to (its root's subtree)."""
        if self._root_size is None and len(self.roots) == 1:  # one tree: its size for all
            self._root_size = [len(self.ids)] * len(self.ids)
        if self._root_size is None:
            whole = [0] * len(self.ids)
            for person in self.preorder:
                boss = self.manager[person]
                whole[person] = whole[boss] if boss >= 0 else self.size[person]
            self._root_size = whole
        return self._root_size

    def outside_lists(self, threshold: int) -> list[int]:
        """:attr:`bosses` but those inside a list when the largest subtrees of at most
        ``threshold`` people below a root are lists: inside, a manager above, below a root,
        has no more. The last answer is kept (the plan search asks again and again)."""
        if self._outside is None or self._outside[0] != threshold:
            manager, size, whole = self.manager, self.size, self.root_size
            self._outside = (threshold, [
                person for person in self.bosses
                if not ((boss := manager[person]) >= 0 and size[boss] <= threshold < whole[person]
                        and manager[boss] >= 0)])
        return self._outside[1]

    def list_reach(self, head: int) -> int:
        """Indent steps of ``head``'s subtree drawn as an indented list: its reports are one
        step in, and each level below one more, except that a manager's only report sits
        right under it, without a step (so a chain folds into a column, not a staircase)."""
        if self._steps is None:
            steps = [0] * len(self.ids)  # a leaf's: none
            kids = self.kids
            for boss in self.bosses:  # bottom-up: its reports' steps are known
                below = kids[boss]
                steps[boss] = max(map(steps.__getitem__, below)) + (len(below) > 1)
            self._steps = steps
        return 1 + max(map(self._steps.__getitem__, self.reports[head]), default=0)

    def below(self, head: int) -> list[int]:
        """Everyone below ``head`` in pre-order (managers before their reports, reports in
        input order): a slice of :attr:`preorder`."""
        if self._place is None:  # an array: a million positions take 8 MB, not 36
            place = array("q", bytes(8 * len(self.ids)))
            for index, person in enumerate(self.preorder):
                place[person] = index
            self._place = place
        start = self._place[head] + 1
        return self.preorder[start:start + self.size[head] - 1]

    def managing_map(self) -> dict[int, list[int]]:
        """Manager -> its reports who have reports (or assistants) of their own, input order."""
        if self._managing is None:
            kids = self.kids
            self._managing = {v: [r for r in self.reports[v] if kids[r]] for v in self.bosses}
        return self._managing


def index_org(org: Org) -> OrgTree:
    """The org's solid reporting lines as an :class:`OrgTree`; raises on a cycle."""
    forest = org.numbering()  # made once for the org: its counts walk the same arrays
    return build_tree(list(org.people), forest.manager,
                      list(map(attrgetter("assistant"), org.people.values())), forest.reports)


def subtree(tree: OrgTree, root: int, start: int) -> tuple[OrgTree, list[int]]:
    """(the tree of ``root`` alone, renumbered; the original index of each of its people).

    ``start``: where ``root`` is in ``tree.preorder`` (each root's people follow it there).
    People keep their input order, so reports keep theirs.
    """
    members = sorted(tree.preorder[start:start + tree.size[root]])
    local = {person: i for i, person in enumerate(members)}
    manager = [local[tree.manager[m]] if tree.manager[m] >= 0 else -1 for m in members]
    beside = set()
    for m in members:
        beside.update(tree.assistants[m])
    return build_tree([tree.ids[m] for m in members], manager,
                      [m in beside for m in members]), members


def build_tree(ids: list[str], manager: list[int], assistant: list[bool],
               kids: list[list[int]] | None = None) -> OrgTree:
    """The :class:`OrgTree` of people numbered by position, given each one's manager
    (-1 for a root), whether they are an assistant, and (when known already) their reports
    in input order, never changed; raises on a cycle."""
    count = len(ids)
    nobody: list[int] = []  # one empty list, shared by every leaf and never changed
    if kids is None:
        kids = [nobody] * count  # (a million people: no list for each leaf)
        for person, boss in enumerate(manager):
            if boss >= 0:
                own = kids[boss]
                if own is nobody:
                    own = kids[boss] = []
                own.append(person)
    # An assistant without reports sits beside the manager's card rather than below it.
    beside = [assistant[i] and manager[i] >= 0 and not kids[i] for i in range(count)] if any(
        assistant) else []
    if any(beside):
        reports = [[k for k in ks if not beside[k]] if ks else ks for ks in kids]
        assistants = [[k for k in ks if beside[k]] if ks else ks for ks in kids]
    else:  # the common case: share the lists (never mutated) and one empty list
        reports = kids
        assistants = [nobody] * count
    roots = [i for i in range(count) if manager[i] < 0]
    depth = [0] * count
    for root in roots:
        depth[root] = 1
    preorder: list[int] = []
    visit = preorder.append
    pending = roots[::-1]
    take, put = pending.pop, pending.extend
    while pending:
        person = take()
        visit(person)
        below = kids[person]
        if below:
            level = depth[person] + 1
            for report in below:
                depth[report] = level
            put(reversed(below))
    if len(preorder) != count:
        raise ValueError("the org's reporting lines contain a cycle; validate before layout")
    size = [1] * count
    reach = [0] * count
    for person in reversed(preorder):
        boss = manager[person]
        if boss >= 0:
            size[boss] += size[person]
            if reach[person] + 1 > reach[boss]:
                reach[boss] = reach[person] + 1
    return OrgTree(ids, manager, kids, reports, assistants, preorder, depth, size, reach, roots)
