"""Ladders and org charts as Mermaid flowcharts: text that GitHub, GitLab and MkDocs draw.

Pure ``(thing, options) -> str``. Node ids come from the data (``role_senior_pm``,
``p_omar``) with a prefix, so no id is a Mermaid keyword (``end``) or starts an edge
(``o``/``x``); every label is quoted and escaped by :func:`~ladder.escape.mermaid_text`,
so any name survives.

>>> from ladder.model.org import Org, Person
>>> org = Org.build("Acme", [Person("a", 'Ann "the boss"', "CEO"),
...                          Person("b", "Bo", "CTO", manager="a")])
>>> print(draw_mermaid(org, {}))  # doctest: +NORMALIZE_WHITESPACE
---
title: Acme
---
flowchart TB
  p_a["Ann #quot;the boss#quot;<br/>CEO"]
  p_b["Bo<br/>CTO"]
  p_a --> p_b
"""

from __future__ import annotations

import re
import shlex
from typing import TYPE_CHECKING

from ladder.errors import RenderError
from ladder.escape import mermaid_text
from ladder.model import LATERAL
from ladder.renderers.ladder_dot import track_colours
from ladder.renderers.org_cards import department_colours
from ladder.renderers.views import heading, is_ladder, option
from ladder.text import card_label, one_line, years_phrase

if TYPE_CHECKING:
    from ladder.model import Ladder, Org
    from ladder.model.ladder import Source
    from ladder.renderers.drawings import LadderDrawing, OrgDrawing
    from ladder.renderers.ladder_dot import Highlight

# Mermaid refuses diagrams past 500 edges by default (maxEdges): say so here, not in a browser.
MAX_EDGES = 500
PRACTICE_NOTE = "note_practice"  # the legend's node: no data id is prefixed "note_"
# ... and draws "Maximum text size in diagram exceeded" instead of a diagram whose text is over
# 50,000 characters (maxTextSize, counted in JavaScript's UTF-16 units): a 490-person org
# passed the edge check and failed there.
MAX_TEXT = 50_000


def ladder_mermaid(drawing: LadderDrawing, format: str = "mermaid") -> str:
    """The format table's entry for ladders (options read from the drawing)."""
    return draw_mermaid(drawing.ladder, drawing)


def org_mermaid(drawing: OrgDrawing, format: str = "mermaid") -> str:
    """The format table's entry for org charts."""
    return draw_mermaid(drawing.org, drawing)


def draw_mermaid(thing: Ladder | Org, options: object = None) -> str:
    """A Mermaid flowchart of a ladder (left to right, one subgraph per track) or an org
    chart (top down, departments as colours, vacancies dashed, dotted lines dotted)."""
    if is_ladder(thing):
        return _ladder(thing, options)
    return _org(thing, options)


def node_ids(prefix: str, data_ids: list[str]) -> dict[str, str]:
    """Mermaid ids from data ids: ``prefix`` + the id with other characters as ``_``, numbered
    when two come out alike.

    >>> node_ids("p_", ["ana-lópez", "ana_l_pez", "x"])
    {'ana-lópez': 'p_ana_l_pez', 'ana_l_pez': 'p_ana_l_pez_2', 'x': 'p_x'}
    """
    out: dict[str, str] = {}
    taken: set[str] = set()
    for data_id in data_ids:
        base = prefix + re.sub(r"[^A-Za-z0-9_]", "_", data_id)
        name, number = base, 1
        while name in taken:
            number += 1
            name = f"{base}_{number}"
        taken.add(name)
        out[data_id] = name
    return out


def _front_matter(title: str) -> list[str]:
    # The title goes in YAML front matter: a double-quoted YAML string would need its own
    # escaping, so plain text is written when it is safe and quoted otherwise. One line, no
    # control characters: a line break followed by '---' would end the front matter early.
    title = one_line(title, drop_controls=True) or "-"
    safe = re.fullmatch(r"[\w .,()/&'+-]+", title) is not None and title[0] not in "&'"
    shown = title if safe else '"' + title.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return ["---", f"title: {shown}", "---"]


def _check_size(edges: int, what: str) -> None:
    if edges > MAX_EDGES:
        raise RenderError(
            f"{what} has {edges} connections; Mermaid draws at most {MAX_EDGES}",
            hint="draw a part of it (--root ID, --depth N), or use svg or html for the whole")


def text_size(text: str) -> int:
    """The length Mermaid compares with maxTextSize: JavaScript's, in UTF-16 code units (an
    emoji is two).

    >>> text_size("ab"), text_size("👩🏽")
    (2, 4)
    """
    return len(text.encode("utf-16-le")) // 2


def _check_text(text: str, what: str, hint: str) -> str:
    """``text``, when Mermaid will draw it; else a RenderError before Mermaid draws its
    "Maximum text size in diagram exceeded" box."""
    size = text_size(text)
    if size > MAX_TEXT:
        raise RenderError(f"{what} is {size:,} characters of Mermaid; Mermaid draws at most "
                          f"{MAX_TEXT:,} (its maxTextSize)", hint=hint)
    return text


def _ladder(ladder: Ladder, options: object) -> str:

    detail = bool(option(options, "detail", False))
    years = bool(option(options, "years", True))
    highlight: Highlight | None = option(options, "highlight")
    on_path = highlight.roles if highlight is not None else None
    steps = highlight.steps if highlight is not None else {}
    _check_size(len(ladder.moves), f"the ladder '{ladder.name}'")
    ids = node_ids("role_", [role.id for role in ladder])
    colours = track_colours(ladder)
    lines = [*_front_matter(heading(ladder, options)), "flowchart LR"]
    for index, track in enumerate(ladder.used_tracks()):
        lines.append(f'  subgraph track_{index}["{mermaid_text(track.name)}"]')
        lines.append("    direction LR")
        for role in sorted((r for r in ladder if r.track == track.id), key=lambda r: r.level):
            text = _marked(mermaid_text(role.title), ladder.secondary(role.source))
            if detail and role.competencies:
                items = "<br/>".join("• " + _marked(mermaid_text(c.name),
                                                    ladder.secondary(c.source))
                                     for c in role.competencies)
                text += f"<br/><small>{items}</small>"
            lines.append(f'    {ids[role.id]}["{text}"]')
        lines.append("  end")
        lines.append(f"  style track_{index} stroke:{colours[track.id]},fill:none")
    links: list[str] = []
    for move in ladder.moves:
        label_parts = []
        step = steps.get((move.source, move.target))
        if step:
            label_parts.append(mermaid_text(" ".join(f"({n})" for n in step)))
        if years and move.years is not None:
            label_parts.append(_marked(mermaid_text(years_phrase(move.typical_years,
                                                                 short=True)),
                                       ladder.secondary(move.years_source)))
        arrow = "-.->" if move.kind == LATERAL else "-->"
        label = f'|"{"  ".join(label_parts)}"|' if label_parts else ""
        links.append(f"  {ids[move.source]} {arrow}{label} {ids[move.target]}")
    lines.extend(links)
    practice = _practice_drawn(ladder, detail=detail, years=years)
    if practice:
        # Mermaid has no legend: a borderless note says what the italics mean
        titles = "; ".join(mermaid_text(source.title) for source in practice)
        lines.append(f'  {PRACTICE_NOTE}["<i>italics</i>: {titles}"]')
        lines.append(f"  style {PRACTICE_NOTE} stroke:none,fill:none,color:#5f6368")
    for role in ladder:
        colour = colours[role.track]
        faded = on_path is not None and role.id not in on_path
        lines.append(f"  style {ids[role.id]} " + (
            "stroke:#c9ccd1,color:#9aa0a6" if faded else f"stroke:{colour},stroke-width:2px"))
    return _check_text("\n".join(lines) + "\n", f"the ladder '{ladder.name}'",
                       "draw a smaller variant of it, leave out option 'detail', or use svg "
                       "or html for the whole")


def _marked(text: str, practice: bool) -> str:
    """An escaped label part, in italics when its fact comes from a practice source (Mermaid
    reads HTML tags in a quoted label; the text itself is escaped, so only these are tags)."""
    return f"<i>{text}</i>" if practice and text else text


def _practice_drawn(ladder: Ladder, *, detail: bool, years: bool) -> list[Source]:
    """The practice sources of the facts this drawing shows (titles, with ``detail`` the
    competencies, with ``years`` the moves' years), in the ladder's order."""
    drawn = {role.source for role in ladder}
    if detail:
        drawn |= {c.source for role in ladder for c in role.competencies}
    if years:
        drawn |= {m.years_source for m in ladder.moves if m.years is not None}
    return [s for s in ladder.sources.values() if s.id in drawn and ladder.secondary(s.id)]


def _org(org: Org, options: object) -> str:
    people = list(org.people.values())
    edges = sum(p.manager is not None and p.manager in org.people for p in people)
    dotted = org.dotted_lines()
    _check_size(edges + len(dotted), f"the org chart '{org.name}'")
    ids = node_ids("p_", [p.id for p in people])
    lines = [*_front_matter(heading(org, options)), "flowchart TB"]
    for person in people:
        label = card_label(person)
        text = mermaid_text(label)
        if person.title and not person.vacant and person.title != label:  # not said twice
            text += "<br/>" + mermaid_text(person.title)
        lines.append(f'  {ids[person.id]}["{text}"]')
    for person in people:
        if person.manager is not None and person.manager in org.people:
            lines.append(f"  {ids[person.manager]} --> {ids[person.id]}")
    for manager, report in dotted:
        lines.append(f"  {ids[manager]} -.- {ids[report]}")
    colours = department_colours(org)
    departments = {p.department for p in people if p.department}
    for index, dep in enumerate(d for d in colours if d in departments):
        lines.append(f"  classDef dep{index} stroke:{colours[dep]},stroke-width:2px")
        members = ",".join(ids[p.id] for p in people if p.department == dep and not p.vacant)
        if members:
            lines.append(f"  class {members} dep{index}")
    vacant = ",".join(ids[p.id] for p in people if p.vacant)
    if vacant:
        lines.append("  classDef open stroke-dasharray:5 3,font-style:italic")
        lines.append(f"  class {vacant} open")
    text = "\n".join(lines) + "\n"
    if text_size(text) <= MAX_TEXT:
        return text
    return _check_text(text, f"the org chart '{org.name}'", _part_that_fits(org, text, ids))


def _part_that_fits(org: Org, text: str, ids: dict[str, str]) -> str:
    """The hint for an org too big for Mermaid: the deepest ``depth`` and the biggest
    ``root`` whose part fits, from what each person's lines cost (their card, the line to
    them, their id in a class list)."""
    cost = {}
    for person in org.people.values():
        node = text_size(mermaid_text(card_label(person))) + text_size(
            mermaid_text(person.title or "")) + 2 * len(ids[person.id]) + 40
        cost[person.id] = node + (len(ids[person.manager]) + 10 if person.manager else 0)
    room = MAX_TEXT * 0.95 - max(0, text_size(text) - sum(cost.values()))  # 5% to spare
    parts = []
    depth, used, level = 0, 0.0, [p.id for p in org.roots()]
    while level and used + sum(cost[pid] for pid in level) <= room:
        used += sum(cost[pid] for pid in level)
        depth += 1
        level = [report for pid in level for report in org.children[pid]]
    if depth:
        parts.append(f"option 'depth' {depth} fits")
    total = dict(cost)
    for pid in reversed(_top_down(org)):  # each subtree's cost, reports before managers
        manager = org.people[pid].manager
        if manager is not None:
            total[manager] += total[pid]
    fitting = [pid for pid in total if total[pid] <= room and org.people[pid].manager and
               org.children[pid]]
    if fitting:
        best = max(fitting, key=lambda pid: total[pid])
        parts.append(f"option 'root' {shlex.quote(best)} ({org.headcount(best):,} people) "
                     "fits")
    return "draw a part of it: " + (" or ".join(parts) + "; " if parts else "") + \
        "svg or html draw the whole"


def _top_down(org: Org) -> list[str]:
    """Every person's id, each manager before their reports."""
    order, level = [], [p.id for p in org.roots()]
    while level:
        order.extend(level)
        level = [report for pid in level for report in org.children[pid]]
    return order
