"""Big charts as several pages, each within the format's limits, plus an overview.

``--split department``: a page per department (people whose manager is in another department
head their page, under a context card for that manager), and an overview whose cards are the
departments with their headcount. ``--split depth:N``: the overview is the top N levels; each
person on level N who has reports gets a page with their whole subtree.

Any page, the overview included, that is still too big for one bitmap is cut further
(:mod:`ladder.renderers.pages`): by subtree, then by slices of a wide team with a "continued on
page N" card. Pages are numbered; a card whose team is on another page says which page and
file (and links to it in SVG and PDF); each page's top people hang under a context card of
their manager, which says and links where that manager is drawn.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections import Counter
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

from ladder.analysis.teams import Headcount, TeamCount, department_counts
from ladder.errors import RenderError
from ladder.layout.cards import CardStyle, fit_text, text_width
from ladder.layout.chart import OrgLayout, layout_org
from ladder.model.org import Department, Org, Person
from ladder.renderers import limits
from ladder.renderers.card_geometry import NAME, text_room
from ladder.renderers.org_write import Finish, PageText, page_size, write_chart
from ladder.renderers.pages import CONTEXT, MORE, Page, Planner
from ladder.text import person_label, plural

if TYPE_CHECKING:
    from ladder.renderers.drawings import OrgDrawing

Note = Callable[[str], None]
_UNSAFE = re.compile(r"[^a-z0-9._-]+")
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)),
             *(f"lpt{i}" for i in range(10))}
COMPANY = "__overview__"
UNIT = "page:"  # id prefix of a department's card on the overview


def safe_name(key: str, taken: set[str] | None = None) -> str:
    """A file-name part made from an id: lower case ASCII, digits, ``.``, ``_`` and ``-`` only.

    Ids that would collide (``R&D`` and ``r-d``), that are empty or reserved on Windows, get a
    short hash of the id, so names stay stable from run to run.

    >>> safe_name("Sales & Marketing / EMEA")
    'sales-marketing-emea'
    >>> safe_name("../../etc")
    'etc'
    >>> taken = {"r-d"}
    >>> safe_name("R&D", taken)
    'r-d-58ae9c'
    """
    base = _UNSAFE.sub("-", key.lower()).strip("-.")[:60].strip("-.")
    if not base or base in _RESERVED or (taken is not None and base in taken):
        digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:6]
        base = f"{base}-{digest}" if base else digest
    if taken is not None:
        taken.add(base)
    return base


def parse_split(how: str) -> tuple[str, int]:
    """``"department"`` -> ("department", 0); ``"depth:3"`` -> ("depth", 3).

    >>> parse_split("depth:2")
    ('depth', 2)
    """
    text = how.strip().lower()
    if text == "department":
        return "department", 0
    if text.startswith("depth:") and text[6:].isdigit() and int(text[6:]) >= 1:
        return "depth", int(text[6:])
    raise RenderError(f"--split {how!r} is not understood",
                      hint="use --split department or --split depth:N with N >= 1")


def team_line(count: Headcount) -> str:
    """A department card's count, by the one counting rule: people, then open positions.

    >>> team_line(Headcount(1, 0)), team_line(Headcount(12, 3))
    ('1 person', '12 people · 3 open')
    """
    text = plural(count.people, "person")
    return f"{text} · {count.open} open" if count.open else text


def tell_apart(names: list[str], room: float) -> list[str]:
    """Names for cards ``room`` px wide: where two would read the same once cut to fit, each
    keeps its start and its shortest ending that no other name has, with an ellipsis between,
    so that what tells them apart shows.

    >>> tell_apart(["Operations - Work Services - North East",
    ...             "Operations - Benefit Delivery - North East",
    ...             "Operations - Work Services - South West", "HR"], 216)
    ['Operation…Services - North East', 'Operations - Benefit Delivery…', \
'Operations - Work…West', 'HR']
    """
    fitted = [fit_text(name, NAME.size, room, bold=True) for name in names]
    clashes: dict[str, set[str]] = {}
    for name, short in zip(names, fitted, strict=True):
        clashes.setdefault(short, set()).add(name)
    endings: dict[str, int] = {}  # every word ending of every name: how many names have it
    for name in set(names):
        words = name.split(" ")
        for k in range(1, len(words) + 1):
            ending = " ".join(words[-k:])
            endings[ending] = endings.get(ending, 0) + 1
    for i, (name, short) in enumerate(zip(names, fitted, strict=True)):
        if len(clashes[short]) < 2:
            continue
        words = name.split(" ")
        for k in range(1, len(words)):
            tail = " ".join(words[-k:])
            if endings[tail] == 1 and tail.lstrip("-–,: ") == tail:
                fitted[i] = _middle(name, tail, room)
                break
    return fitted


def _middle(name: str, tail: str, room: float) -> str:
    """``name``'s start, an ellipsis and ``tail`` (its distinguishing end), fitted to ``room``."""
    tail = fit_text(tail, NAME.size, room - _width("Ab…"), bold=True)  # whole, if it can be
    head = fit_text(name, NAME.size, room - _width(tail), bold=True)
    return head.removesuffix("…").rstrip(" -–,:") + "…" + tail


def _width(text: str) -> float:
    return text_width(text, NAME.size, bold=True)


def _department_overview(org: Org) -> tuple[Org, dict[str, list[str]]]:
    """The overview org (the company, a card per department) and each department's members."""
    groups: dict[str, list[str]] = {}
    for person in org.people.values():
        groups.setdefault(person.department or "", []).append(person.id)
    departments = list(org.departments.values())
    names = [(org.departments[dep].name if dep in org.departments else dep) or "No department"
             for dep in groups]
    shown = tell_apart(names, text_room(CardStyle().width))
    counts = department_counts(org)
    whole = Headcount(sum(c.people for c in counts.values()), sum(c.open for c in counts.values()))
    people = [Person(COMPANY, org.name, team_line(whole))]
    for dep, name, short in zip(groups, names, shown, strict=True):
        if dep and dep not in org.departments:
            departments.append(Department(dep, name))
        people.append(Person(UNIT + dep, short, team_line(counts[dep]), manager=COMPANY,
                             department=dep or None))
    return Org.build(org.name, people, departments, source=org.source), groups


def render_split(drawing: OrgDrawing, path: Path, *, fmt: str, progress: Note | None = None,
                 finish: Finish | None = None) -> list[Path]:
    """Write the overview of ``drawing`` to ``path`` and each page beside it as
    ``<stem>-<key>.<ext>``, as its options say (``split``, ``mode``, ``columns``, ``scale``);
    ``finish`` is each SVG page's last step (see :func:`~ladder.renderers.org_write.chart_data`)."""
    org, wanted, on_note = drawing.org, drawing.options, drawing.on_note
    how, counts, notes = wanted.split or "", drawing.counts, drawing.notes
    plans = plan_split(org, fmt=fmt, how=how, counts=counts, mode=wanted.mode,
                       columns=wanted.columns, person_levels=drawing.levels, scale=wanted.scale)
    pages = page_files(plans, org, path, fmt=fmt, title=drawing.title, counts=counts,
                       notes=notes)
    def draw(job: tuple[Page, Path, PageText]) -> list[str]:
        page, target, text = job
        said: list[str] = []
        assert page.org is not None and page.chart is not None  # the planner laid it out
        write_chart(page.org, page.chart, target, fmt=fmt, text=text, scale=wanted.scale,
                    split=True, on_note=said.append, finish=finish)
        return said

    # Graphviz draws PNG and PDF pages in processes of their own: a few at a time; the notes
    # are told in page order all the same
    workers = max(1, min(4, os.cpu_count() or 1)) if fmt in limits.BOUNDED else 1
    with ThreadPoolExecutor(max_workers=workers) as pool:
        for number, said in enumerate(pool.map(draw, pages), 1):
            if progress is not None and len(pages) > 10 and number % 10 == 0:
                progress(f"drawing page {number} of {len(pages)}")
            for remark in said:
                if on_note is not None:
                    on_note(remark)
    cut = len(pages) - _first_pages(org, how)
    if on_note is not None and cut > 0 and fmt in limits.BOUNDED:
        on_note(f"{plural(cut, 'more page')} than --split {how} makes, so each "
                f"page fits ({limits.limit_text(fmt)}) and none is longer or wider than "
                f"{limits.MAX_ASPECT:g}:1")
    return [target for _, target, _ in pages]


def page_files(plans: list[tuple[Planner, list[Page]]], org: Org, path: Path, *, fmt: str,
               title: str | None, counts: Mapping[str, TeamCount],
               notes: Mapping[str, str]) -> list[tuple[Page, Path, PageText]]:
    """Each planned page with its file (the first is ``path``) and what its cards say."""
    pages = [page for _, planned in plans for page in planned]
    taken: set[str] = set()
    suffix = path.suffix or f".{fmt}"
    # a page is named after its manager (or department); a name two pages share ("N/D" in
    # organograms) names neither, and they keep their keys
    named = [safe_name(page.slug) if page.slug else "" for page in pages]
    times = Counter(named)
    stems = [page.slug if name and times[name] == 1 else page.key
             for page, name in zip(pages, named, strict=True)]
    files = {id(page): path if i == 0 else
             path.with_name(f"{path.stem}-{safe_name(stems[i], taken)}{suffix}")
             for i, page in enumerate(pages)}
    number = {id(page): i + 1 for i, page in enumerate(pages)}
    home: dict[str, Page] = {}  # where each person is drawn first (context cards link there)
    linked_from: dict[int, Page] = {}
    for _, planned in plans:
        for page in planned:
            for pid in page.members:
                home.setdefault(pid, page)
            for target in page.links.values():
                linked_from.setdefault(id(target), page)
            came = linked_from.get(id(page))  # a team's later slices come from where it did
            if page.next_slice is not None and came is not None:
                linked_from.setdefault(id(page.next_slice), came)
    found = []
    for planner, planned in plans:
        people = planner.base is org
        for page in planned:
            text = _page_text(page, title if page is pages[0] else None,
                              counts if people else {}, notes, files, number,
                              home if people else {}, linked_from, org)
            found.append((page, files[id(page)], text))
    return found


def _first_pages(org: Org, how: str) -> int:
    """How many pages the split makes before any page is cut to fit: overview included."""
    kind, depth = parse_split(how)
    if kind == "department":
        return 1 + len({p.department or "" for p in org.people.values()})
    level = [p.id for p in org.roots()]
    for _ in range(depth - 1):
        level = [r for pid in level for r in org.children[pid]]
    return 1 + sum(1 for pid in level if org.children[pid])


def plan_split(
    org: Org,
    *,
    fmt: str,
    how: str,
    counts: Mapping[str, TeamCount],
    mode: str = "auto",
    columns: int = 2,
    person_levels: Mapping[str, int] | None = None,
    scale: float = 1.0,
) -> list[tuple[Planner, list[Page]]]:
    """The pages of a split chart, each laid out and within ``fmt``'s limits, in order:
    the overview (and its slices) first. Each entry: a planner and the pages it made."""
    kind, depth = parse_split(how)
    asked = scale if fmt == "png" else 1.0

    def measurer(page_counts: Mapping[str, TeamCount]) -> Callable[[Org], tuple]:
        def measure(page: Org) -> tuple[OrgLayout, float]:
            levels = ({k: v for k, v in person_levels.items() if k in page.people}
                      if person_levels else None)
            chart = layout_org(page, mode=mode, columns=columns, align_levels=levels)
            context = frozenset(pid for pid in page.people if pid.startswith(CONTEXT))
            text = PageText(counts=page_counts, context=context)
            width, height = page_size(chart, page, text)
            return chart, limits.page_room(width, height, fmt, asked)
        return measure

    people = Planner(org, measurer(counts))
    if kind == "department":
        overview_org, groups = _department_overview(org)
        over = Planner(overview_org, measurer({}))
        first = over.add(Page("overview", list(overview_org.people), org.name))
        for dep, members in groups.items():
            name = overview_org.people[UNIT + dep].name
            first.links[UNIT + dep] = people.add(
                Page(dep or "no-department", members, f"{org.name}: {name}"))
        return [(over, over.fit_all()), (people, people.fit_all())]
    level = [p.id for p in org.roots()]
    top = list(level)
    for _ in range(depth - 1):
        level = [r for pid in level for r in org.children[pid]]
        top.extend(level)
    inside = set(top)
    overview = people.add(Page("overview", [pid for pid in org.people if pid in inside],
                               org.name))
    for pid in level:
        if org.children[pid]:
            sub = org.subtree(pid)
            name = person_label(org.people[pid])
            overview.links[pid] = people.add(Page(pid, list(sub.people), f"{org.name}: {name}",
                                                  slug=name))
    return [(people, people.fit_all())]


def _page_text(page: Page, title: str | None,
               counts: Mapping[str, TeamCount], notes: Mapping[str, str],
               files: dict[int, Path], number: dict[int, int], home: dict[str, Page],
               linked_from: dict[int, Page], org: Org) -> PageText:
    """Title, counts and the labels and links of the cards that lead to other pages."""
    links: dict[str, str] = {}
    labels: dict[str, str] = {}

    def lead(card: str, target: Page, arrow: str) -> None:
        links[card] = files[id(target)].name
        labels[card] = f"{arrow} page {number[id(target)]} · {files[id(target)].name}"

    for pid, target in page.links.items():
        lead(pid, target, "→ team:")
    context = set()
    assert page.org is not None
    if page.next_slice is not None:  # drawn like a context card: it leads, it is no one
        after, more = page.next_slice, MORE + page.key
        links[more] = files[id(after)].name
        labels[more] = f"→ {files[id(after)].name}"
        page.org.people[more].name = f"Continued on page {number[id(after)]}"
        context.add(more)
    for card in page.org.people:
        if card.startswith(CONTEXT):
            manager = card[len(CONTEXT):]
            context.add(card)
            came = linked_from.get(id(page))
            above = came if came is not None and manager in came.members else home.get(manager)
            if above is not None and above is not page:
                lead(card, above, "↑ manager on")
    heading = title if title is not None else page.name
    if page.part is not None:
        heading += f", part {page.part[0]} of {page.part[1]}"
    heading += f" · page {number[id(page)]} of {len(number)}"  # the number cards refer to
    _units_where_names_clash(page, labels, org)
    return PageText(title=heading, counts=counts, links=links, labels=labels, notes=notes,
                    context=frozenset(context))


def _units_where_names_clash(page: Page, labels: dict[str, str], org: Org) -> None:
    """Cards that lead elsewhere and share a name ("N/D", a post's name) add their unit."""
    seen: dict[str, int] = {}
    for pid in labels:
        person = org.people.get(pid)
        if person is not None:
            seen[person.name] = seen.get(person.name, 0) + 1
    for pid in list(labels):
        person = org.people.get(pid)
        if person is not None and seen[person.name] > 1 and person.department:
            unit = org.departments[person.department].name if (
                person.department in org.departments) else person.department
            labels[pid] = f"{labels[pid].split(' · ')[0]} · {unit}"
