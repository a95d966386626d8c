"""Cut a chart into pages that each fit: by subtree first, then by slices of a wide team.

A page is a set of *members* of a base org (the whole org, or a split overview's own org of
department cards). :func:`fit_pages` takes one page and returns it, or, when its drawing is too
big for the format (:mod:`ladder.renderers.limits`), the pages it becomes:

1. **by subtree**: the largest subtrees below the page's top leave for pages of their own (their
   head's card stays, linking to the new page), as few as make the page fit;
2. **by slices**: when even the top people and their direct reports do not fit, the reports
   (each with what is left of its subtree) are cut into consecutive slices, one page each, the
   head on every slice and a "continued on page N" card at the end of all but the last.

Every new page is smaller than the page it came from, and a page of a head and one card always
fits, so this ends. Each page's top people whose manager is elsewhere get that manager as a
*context card* above them, linking back to where the manager is drawn.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from ladder.layout.cards import CardStyle
from ladder.layout.chart import OrgLayout, layout_org
from ladder.model.org import Org, Person
from ladder.text import person_label

CONTEXT = "context:"  # id prefix of a card standing for a manager drawn on another page
MORE = "continued:"  # id prefix of the "continued on page N" card


@dataclass
class Page:
    """One planned page: its members (ids of the base org, base order) and what it links to.

    ``links``: member id -> the page its card opens (its team's page).
    ``next_slice``: the page that continues this one, or None.
    ``part``: (slice number, slices) when the page is a slice of a wide team.
    """

    key: str
    members: list[str]
    name: str
    links: dict[str, Page] = field(default_factory=dict)
    next_slice: Page | None = None
    part: tuple[int, int] | None = None
    parent: Page | None = None  # the page it was cut from
    org: Org | None = None  # the page as drawn: members, context cards, continued card
    chart: OrgLayout | None = None
    slug: str = ""  # what its file is named after (a manager's name), when not its key


def fill_sheet(page: Org, chart: OrgLayout, room: Callable[[OrgLayout], float], *,
               height: float, columns: int) -> tuple[OrgLayout, float]:
    """``chart`` (``page`` laid out as asked), or the same page as an indented list under its
    head in columns as tall as a sheet ``height`` chart pixels tall holds, whichever ``room``
    says is drawn larger.

    A sheet holds three or four cards across: a team spread as a tree overflows it a level
    down and would be cut into a page per manager of a few cards each (or a wide team into
    slices of two columns). Listed in columns as tall as the sheet, the same team fills it."""
    best = room(chart)
    style = CardStyle()
    head = 2 if any(pid.startswith(CONTEXT) for pid in page.people) else 1  # under context
    rows = int((height - style.height) // style.pitch) + 1 - head  # below the head's row
    if best >= 1.0 or rows < 2:
        return chart, best
    listed = layout_org(page, mode="stacked", columns=columns, stack_depth=head,
                        column_rows=rows)
    found = room(listed)
    return (listed, found) if found > best else (chart, best)


# A page's layout, and its room: how many times larger it could be drawn and still fit (>= 1:
# it fits). Room guides the search for a slice's size: a page's area grows with its people.
Measure = Callable[[Org], tuple[OrgLayout, float]]


class Planner:
    """Plans pages of ``base`` that each fit; ``measure`` lays a page out and checks it."""

    def __init__(self, base: Org, measure: Measure) -> None:
        self.base = base
        self.measure = measure
        self.pages: list[Page] = []

    # --- the page as an org ---------------------------------------------------------------

    def page_org(self, page: Page) -> Org:
        """The page's people: members under their managers, context cards above the tops.

        Tops whose managers are elsewhere hang under one chain of context cards: each
        manager's line up to where the lines meet (or to a member of the page), so a
        department whose people report across the org is one tree, not an island per card.
        """
        base = self.base
        inside = set(page.members)
        above = self._chains(page.members, inside)
        context: dict[str, Person] = {}
        for chief, boss in above.items():  # top-down, so the chains are built in order
            context[chief] = replace(
                base.people[chief], id=CONTEXT + chief, dotted=(), assistant=False, note="",
                manager=None if boss is None else boss if boss in inside else CONTEXT + boss)
        people = []
        for pid in page.members:
            person = base.people[pid]
            manager = person.manager
            if manager is not None and manager not in inside:
                manager = CONTEXT + manager
            people.append(replace(person, manager=manager,
                                  dotted=tuple(d for d in person.dotted if d in inside)))
        if page.next_slice is not None:  # under the one top person, else beside the tops
            tops = [p for p in people if p.manager is None or p.manager.startswith(CONTEXT)]
            people.append(Person(MORE + page.key, "Continued on the next page",
                                 manager=tops[0].id if len(tops) == 1 else None))
        return Org.build(page.name, [*context.values(), *people],
                         list(base.departments.values()), source=base.source)

    def _chains(self, members: list[str], inside: set[str]) -> dict[str, str | None]:
        """Manager drawn as a context card -> the one above it on the page (a member, another
        context card, or None), top-down: every top's manager's line up to where the lines
        of the tops meet (a member of the page ends a line at once)."""
        people = self.base.people
        lines: list[list[str]] = []  # each top's managers, nearest first, outside the page
        ends: list[str | None] = []  # the member each line reaches, if any
        seen: set[str] = set()
        for pid in members:
            manager = people[pid].manager
            if manager is None or manager in inside or manager in seen:
                continue
            seen.add(manager)
            line, end = [manager], None
            boss = people[manager].manager
            while boss is not None and len(line) <= len(people):
                if boss in inside:
                    end = boss
                    break
                line.append(boss)
                boss = people[boss].manager
            lines.append(line)
            ends.append(end)
        # where the lines that reach no member meet: their lowest common manager
        free = [line for line, end in zip(lines, ends, strict=True) if end is None]
        meet: str | None = None
        if len(free) > 1:
            common = set(free[0]).intersection(*free[1:])
            meet = next((m for m in free[0] if m in common), None)
        chains: dict[str, str | None] = {}
        for line, end in zip(lines, ends, strict=True):
            if end is None and meet is not None:
                line = line[:line.index(meet) + 1]
            elif end is None:  # one line (or lines with no manager in common): its first
                line = line[:1]
            for lower, upper in zip(line, [*line[1:], end], strict=True):
                chains.setdefault(lower, upper)
        order: dict[str, str | None] = {}

        def place(manager: str) -> None:  # managers before the cards under them
            boss = chains[manager]
            if boss is not None and boss not in inside and boss not in order:
                place(boss)
            order.setdefault(manager, boss)

        for manager in chains:
            place(manager)
        return order

    def _tops(self, page: Page) -> list[str]:
        inside = set(page.members)
        return [pid for pid in page.members if self.base.people[pid].manager not in inside]

    # --- fitting ---------------------------------------------------------------------------

    def add(self, page: Page) -> Page:
        """Add ``page`` to the plan (it is fitted by :meth:`fit_all`)."""
        self.pages.append(page)
        return page

    def fit_all(self) -> list[Page]:
        """Make every page fit, cutting as needed; all pages, each after the page it was cut
        from and the pages cut before it (so slices of one team follow each other)."""
        for page in list(self.pages):
            work = [page]
            while work:
                work.extend(reversed(self._fit(work.pop())))
        children: dict[int, list[Page]] = {}
        for page in self.pages:
            children.setdefault(id(page.parent), []).append(page)
        order: list[Page] = []
        stack = list(reversed(children.get(id(None), [])))
        while stack:
            page = stack.pop()
            order.append(page)
            stack.extend(reversed(children.get(id(page), [])))
        return order

    def _fits(self, page: Page) -> bool:
        return self._room(page) >= 1.0

    def _room(self, page: Page) -> float:
        page.org = self.page_org(page)
        page.chart, room = self.measure(page.org)
        return room

    def _fit(self, page: Page) -> list[Page]:
        """Make ``page`` fit; the pages to lay out next (new ones, or itself again)."""
        if self._fits(page) or len(page.members) <= 1:
            return []
        tops = self._tops(page)
        below = self._below(page)
        # 1. by subtree: only if the tops and their direct reports alone fit
        heads = [pid for pid in page.members if below.get(pid) and pid not in tops]
        if heads:
            bare = self._without(page, heads, below)
            if self._fits(bare):
                heads.sort(key=lambda pid: -len(below[pid]))
                k = self._least(len(heads), lambda k: self._fits(
                    self._without(page, heads[:k], below)))
                chosen = heads[:k]
                level = self._by_size(page, heads, below)  # a chain: cut it low, not at once
                if len(self._without(page, level, below).members) > len(
                        self._without(page, chosen, below).members):
                    chosen = level
                return self._break_out(page, chosen, below)
            # the tops' reports alone are too many for a page: every team below them leaves
            # first, so that the slices cut next are of cards, not of whole subtrees (a slice
            # of three subtrees, each then cut out again, left pages a third full)
            return self._break_out(page, heads, below)
        # 2. by slices of the tops' reports (one top), or of the tops (several)
        return self._slice(page, tops, below)

    def _by_size(self, page: Page, heads: list[str],
                 below: dict[str, list[str]]) -> list[str]:
        """The heads of the largest teams of at most S people (S as small as lets the page
        fit): the page keeps its upper levels whole, down to where teams get small. Largest
        first cuts a long line of single reports right under the top, a page per person;
        this keeps as much of the line as fits."""
        inside = set(heads)
        base = self.base.people

        def cut(size: int) -> list[str]:
            return [h for h in heads if len(below[h]) <= size and (
                (boss := base[h].manager) is None or boss not in inside
                or len(below[boss]) > size)]

        sizes = sorted({len(below[h]) for h in heads})
        index = self._least(len(sizes), lambda k: self._fits(
            self._without(page, cut(sizes[k - 1]), below)))
        return cut(sizes[index - 1])

    def _below(self, page: Page) -> dict[str, list[str]]:
        """Member id -> the members below it, base order (only for members with reports)."""
        inside = set(page.members)
        kids: dict[str, list[str]] = {}
        for pid in page.members:
            manager = self.base.people[pid].manager
            if manager in inside:
                kids.setdefault(manager, []).append(pid)
        found: dict[str, list[str]] = {}
        order = {pid: i for i, pid in enumerate(page.members)}
        for pid in kids:
            stack, team = list(kids[pid]), []
            while stack:
                current = stack.pop()
                team.append(current)
                stack.extend(kids.get(current, ()))
            found[pid] = sorted(team, key=order.__getitem__)
        return found

    def _without(self, page: Page, heads: list[str], below: dict[str, list[str]]) -> Page:
        gone = {pid for head in heads for pid in below[head]}
        return replace(page, members=[pid for pid in page.members if pid not in gone],
                       links=dict(page.links))

    @staticmethod
    def _least(high: int, ok: Callable[[int], bool]) -> int:
        """The least k in 1..high with ok(k), assuming ok(high) holds (binary search)."""
        low = 1
        while low < high:
            middle = (low + high) // 2
            if ok(middle):
                high = middle
            else:
                low = middle + 1
        return high

    def _break_out(self, page: Page, heads: list[str],
                   below: dict[str, list[str]]) -> list[Page]:
        """Each chosen head's team leaves ``page``; teams of one manager that fit on a page
        together share it (a page per small team left most of each sheet empty)."""
        gone: set[str] = set()
        kept = []
        for head in heads:  # largest first: a head inside an earlier one's team has gone too
            if head not in gone:
                kept.append(head)
                gone.update(below[head])
        order = {pid: i for i, pid in enumerate(page.members)}
        groups: dict[str | None, list[str]] = {}  # by manager, in the page's order
        for head in sorted(kept, key=order.__getitem__):
            groups.setdefault(self.base.people[head].manager, []).append(head)
        new = []
        for group in groups.values():
            start = 0
            while start < len(group):
                count = 1  # as many of the next teams as still fit on one page
                while start + count < len(group) and self._fits(
                        self._team_page(page, group[start:start + count + 1], below)):
                    count += 1
                child = self._team_page(page, group[start:start + count], below)
                self.pages.append(child)
                for head in group[start:start + count]:
                    page.links[head] = child
                new.append(child)
                start += count
        page.members = [pid for pid in page.members if pid not in gone]
        page.links = {pid: target for pid, target in page.links.items() if pid not in gone}
        return [page, *new]  # the page is laid out again (and cut again, should it need it)

    def _team_page(self, page: Page, heads: list[str], below: dict[str, list[str]]) -> Page:
        """A page of the teams of ``heads``, cut from ``page``."""
        inside = {pid for head in heads for pid in (head, *below[head])}
        labels = [person_label(self.base.people[head]) for head in heads]
        shown = ", ".join(labels) if len(labels) <= 2 else (
            f"{labels[0]}, {labels[1]} and {len(labels) - 2} more")
        return Page(heads[0], [pid for pid in page.members if pid in inside],
                    f"{self.base.name}: {shown}",
                    links={pid: to for pid, to in page.links.items() if pid in inside},
                    parent=page, slug=labels[0])

    def _slice(self, page: Page, tops: list[str], below: dict[str, list[str]]) -> list[Page]:
        single = len(tops) == 1
        head = [tops[0]] if single else []
        units = ([pid for pid in page.members if self.base.people[pid].manager == tops[0]]
                 if single else tops)
        groups = [[pid, *below.get(pid, ())] for pid in units]
        if len(groups) <= 1:  # one top with one report: nothing left to cut; it is drawn small
            self._fits(page)
            return []
        slices: list[list[str]] = []
        start, guess = 0, 1
        while start < len(groups):
            def room(count: int, start: int = start) -> float:
                members = set(head) | {m for g in groups[start:start + count] for m in g}
                more = start + count < len(groups) or page.next_slice is not None
                return self._room(replace(
                    page, members=[pid for pid in page.members if pid in members],
                    next_slice=page if more else None))  # (any page: only "one follows" counts)

            count = _largest(min(guess, len(groups) - start), len(groups) - start, room)
            slices.append([m for g in groups[start:start + count] for m in g])
            start += count
            guess = count  # the next slice is likely about as big: start the search there
        total = len(slices)
        links, everyone = page.links, page.members
        new = []
        for number, chosen in enumerate(slices, 1):
            members = set(head) | set(chosen)
            kept = [pid for pid in everyone if pid in members]
            if number == 1:
                target = page
                page.members = kept
            else:
                target = Page(f"{page.key}-{number}", kept, page.name, parent=page,
                              slug=f"{page.slug or page.key}-{number}")
                self.pages.append(target)
                new.append(target)
            target.part = (number, total)
            target.links = {pid: to for pid, to in links.items() if pid in members}
        chain = [page, *new]
        chain[-1].next_slice = page.next_slice  # a slice cut again: still goes on after it
        for a, b in zip(chain, chain[1:], strict=False):
            a.next_slice = b
        return chain  # each slice is laid out (and cut again if it must) in its turn

def _largest(guess: int, most: int, room: Callable[[int], float]) -> int:
    """About the largest count in 1..most whose room is at least 1, searched from ``guess``.

    A page's area grows about in step with its cards, so room r at count n suggests about
    n * r * r cards would just fit; each guess is checked (it is a layout), the bounds kept,
    and the search stops within an eighth of the best count. At least 1, even when one does
    not fit (a slice of one is cut again later).

    >>> _largest(3, 1000, lambda n: (400 / n) ** 0.5) in range(351, 401)
    True
    >>> _largest(1, 5, lambda n: 9.0)
    5
    """
    good, bad = 0, most + 1  # room(good) >= 1 (0: none yet); room(bad) < 1 (most+1: none)
    count = max(1, min(guess, most))
    for _ in range(12):
        found = room(count)
        if found >= 1:
            good = count
        else:
            bad = count
        if bad - good <= max(1, good // 8):
            break
        wanted = int(count * found * found * 0.95)
        if not good < wanted < bad:  # the estimate left the bounds: halve them instead
            wanted = (good + bad) // 2 if good else max(1, count // 2)
        if wanted in (good, bad):
            break
        count = wanted
    return max(good, 1)
