"""Big charts as several pages: one per department or per subtree, plus an overview.

``--split department``: a page per department (people whose manager is in another department
head their page), and an overview whose cards are the departments with their headcount.
``--split depth:N``: the overview is the top N levels; each person on level N who has reports
gets a page with their whole subtree. Overview cards link to their page (SVG, PDF) and name the
file (every format), so a PNG overview still tells the reader where to look.
"""

from __future__ import annotations

import hashlib
import re
import sys
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

from ladder.errors import RenderError
from ladder.layout.chart import layout_org
from ladder.model.org import Department, Org, Person

_UNSAFE = re.compile(r"[^a-z0-9._-]+")
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)),
             *(f"lpt{i}" for i in range(10))}


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


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


def _department_pages(org: Org) -> list[tuple[str, str, Org]]:
    groups: dict[str, list[Person]] = {}
    for person in org.people.values():
        groups.setdefault(person.department or "", []).append(person)
    pages = []
    for dep, people in groups.items():
        members = {p.id for p in people}
        kept = [
            replace(p, manager=p.manager if p.manager in members else None,
                    dotted=tuple(d for d in p.dotted if d in members))
            for p in people
        ]
        name = (org.departments[dep].name if dep in org.departments else dep) or "No department"
        page = Org.build(f"{org.name}: {name}", kept, list(org.departments.values()),
                         source=org.source)
        pages.append((dep or "no-department", name, page))
    return pages


def _depth_pages(org: Org, depth: int) -> tuple[list[tuple[str, str, Org]], list[str]]:
    level = [p.id for p in org.roots()]
    for _ in range(depth - 1):
        level = [r for pid in level for r in org.graph.successors(pid)]
    pages = []
    for pid in level:
        if org.reports(pid):
            person = org.people[pid]
            sub = org.subtree(pid)
            sub.name = f"{org.name}: {person.display_name or pid}"
            pages.append((pid, person.display_name or pid, sub))
    return pages, level


def render_split(
    org: Org,
    path: Path,
    *,
    fmt: str,
    how: str,
    title: str | None = None,
    counts: Mapping[str, tuple[int, ...]] | None = None,
    mode: str = "auto",
    columns: int = 2,
    person_levels: Mapping[str, int] | None = None,
    notes: Mapping[str, str] | None = None,
) -> list[Path]:
    """Write the overview to ``path`` and each page beside it as ``<stem>-<id>.<ext>``."""
    from ladder.render.org_chart import dotted_notes, team_counts, write_chart

    kind, depth = parse_split(how)
    counts = dict(counts) if counts is not None else team_counts(org)
    notes = notes if notes is not None else dotted_notes(org)  # pages keep naming them
    taken: set[str] = set()
    suffix = path.suffix or f".{fmt}"

    def page_path(key: str) -> Path:
        return path.with_name(f"{path.stem}-{safe_name(key, taken)}{suffix}")

    if kind == "department":
        pages = _department_pages(org)
        totals = {}
        for key, _, page in pages:
            totals[key] = (len(page), page.headcount())
        company = "__overview__"
        people = [Person(company, org.name, _count(org.headcount(), "person", "people"))]
        departments = list(org.departments.values())
        for key, name, _ in pages:
            size, heads = totals[key]
            dep = key if key in org.departments else None
            if dep is None and key != "no-department":
                departments.append(Department(key, name))
                dep = key
            people.append(Person(f"page:{key}", name, f"{_count(heads, 'person', 'people')} · "
                                 f"{_count(size, 'position', 'positions')}",
                                 manager=company, department=dep))
        overview = Org.build(org.name, people, departments, source=org.source)
        links = {f"page:{key}": page_path(key).name for key, _, _ in pages}
        over_counts = {f"page:{key}": (0, 0) for key, _, _ in pages}
        over_counts[company] = (len(pages), org.headcount())
    else:
        pages, _ = _depth_pages(org, depth)
        from ladder.render.org_chart import _cut

        overview = _cut(org, depth)
        links = {key: page_path(key).name for key, _, _ in pages}
        over_counts = counts

    written = [path]
    chart = layout_org(overview, mode=mode, columns=columns)
    write_chart(overview, chart, path, fmt=fmt, title=title, counts=over_counts, links=links,
                notes=notes)
    show = sys.stderr.isatty() and len(pages) > 10

    def draw(entry: tuple[str, str, Org]) -> None:
        key, _, page = entry
        target = path.with_name(links[f"page:{key}" if kind == "department" else key])
        levels = ({k: v for k, v in person_levels.items() if k in page.people}
                  if person_levels else None)
        page_chart = layout_org(page, mode=mode, columns=columns, align_levels=levels)
        write_chart(page, page_chart, target, fmt=fmt, title=page.name, counts=counts,
                    page=True, notes=notes)
        written.append(target)

    if show:
        import click

        with click.progressbar(pages, label="Drawing pages", file=sys.stderr) as bar:
            for entry in bar:
                draw(entry)
    else:
        for entry in pages:
            draw(entry)
    return written
