"""Draw a laid-out org chart: SVG written directly, or DOT with pinned positions for Graphviz.

Two ways to draw, measured on the 10,000-person synthetic org (bench/README):

* **SVG written directly** (``org_svg``): one pass over flat arrays and one ``"".join``; about
  0.3 s for 10,000 people and linear beyond. Used for ``.svg``.
* **DOT for ``neato -n2``** (``org_dot``): every node's ``pos`` and every edge's ``pos`` pinned,
  so Graphviz lays out nothing and only draws. The picture is the same, but Graphviz takes several
  times longer than writing the SVG, so it is used only where we cannot draw ourselves: ``.png``
  and ``.pdf`` (cairo), and ``.dot`` for users who want the source.

Every text goes through :func:`xml_text` (SVG) or :func:`dot_html` (DOT HTML labels): names
and titles are data and may hold ``&``, ``<``, quotes, backslashes or emoji.
"""

from __future__ import annotations

import math
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from ladder.errors import RenderError
from ladder.layout.cards import CardStyle, fit_text, text_width
from ladder.layout.chart import LIST, MODES, SPREAD, STACK, OrgLayout, layout_org
from ladder.model.org import Org, Person
from ladder.render.escape import dot_html, dot_string, xml_text
from ladder.render.files import write_bytes

FORMATS = ("svg", "png", "pdf", "dot", "json")
# Ten well-known category colours, then ten more that tell apart from them, so an HR export
# with a dozen departments does not paint two of them the same before the twenty-first.
PALETTE = (
    "#4c78a8", "#f58518", "#54a24b", "#e45756", "#72b7b2",
    "#b279a2", "#eeca3b", "#9d755d", "#ff9da6", "#79706e",
    "#1f3f6e", "#c26a00", "#2f7d32", "#a3243b", "#2aa198",
    "#6a3d9a", "#b5a000", "#5d3a1a", "#d6616b", "#3b3b3b",
)
NO_DEPARTMENT = "#c0c4cc"
MARGIN = 24.0
TITLE_HEIGHT = 44.0
LEGEND_ROW = 24.0
# Cairo cannot make a bitmap wider or taller than this; a bigger PNG would be shrunk unreadable.
MAX_BITMAP_SIDE = 32_000
MAX_BITMAP_PIXELS = 400_000_000  # about 1.6 GB of RGBA
LONG_RUN = 200_000  # people: from here a render takes several seconds; say what it is doing



def headcounts(org: Org) -> dict[str, tuple[int, int]]:
    """``{id: (direct reports, people below)}`` for managers, in linear time.

    People missing from the result have no reports. (Org.headcount walks a subtree per call.)
    """
    return {pid: (direct, total) for pid, (direct, total, _) in team_counts(org).items()}


def open_positions(org: Org) -> dict[str, int]:
    """``{id: open positions anywhere below}`` for managers with at least one."""
    return {pid: vacancies for pid, (_, _, vacancies) in team_counts(org).items() if vacancies}


def team_counts(org: Org) -> dict[str, tuple[int, int, int]]:
    """``{id: (direct reports, people below, open positions below)}`` for managers, linear.

    >>> from ladder.model.org import Person
    >>> org = Org.build("x", [Person("a", "Ada"), Person("b", "Bo", manager="a"),
    ...                       Person("c", "", "PM", manager="a", vacant=True)])
    >>> team_counts(org)
    {'a': (2, 1, 1)}
    """
    people = list(org.people.values())
    index = {p.id: i for i, p in enumerate(people)}
    manager = [index.get(p.manager, -1) if p.manager is not None else -1 for p in people]
    direct = [0] * len(people)
    total = [0] * len(people)
    vacant = [0] * len(people)
    children: list[list[int]] = [[] for _ in people]
    for i, m in enumerate(manager):
        if m >= 0:
            direct[m] += 1
            children[m].append(i)
    order = [i for i, m in enumerate(manager) if m < 0]
    for i in order:
        order.extend(children[i])  # breadth-first; extends while iterating
    for i in reversed(order):
        m = manager[i]
        if m >= 0:
            person = people[i]
            total[m] += total[i] + _heads(person)
            if vacant[i] or person.vacant:
                vacant[m] += vacant[i] + (1 if person.vacant else 0)
    return {people[i].id: (direct[i], total[i], vacant[i])
            for i in range(len(people)) if direct[i]}


def badge_text(direct: int, total: int, vacancies: int = 0) -> str:
    """The headcount badge under a manager's card: direct reports, people in the team, open.

    ``total`` counts people (not positions) anywhere below; open positions are said apart,
    so a team of 3 positions with 1 open never reads as "3 reports, 2 total".

    >>> badge_text(3, 2, 1)
    '3 direct · 2 in team · 1 open'
    >>> badge_text(1, 1)
    '1 direct · 1 in team'
    >>> badge_text(5, 55)
    '5 direct · 55 in team'
    """
    parts = [f"{direct} direct", f"{total} in team"]
    if vacancies:
        parts.append(f"{vacancies} open")
    return " · ".join(parts)


def _heads(person: Person) -> int:
    if person.vacant:
        return 0
    if person.fte is not None:
        return max(1, round(person.fte))
    return 1 + len(person.shared_with)


def department_colours(org: Org) -> dict[str, str]:
    """A colour per department id: its own, else the palette's, one no other department has.

    A department without a colour gets the palette colour of its position, or the next one
    that no department has yet (so it never borrows the colour another one was given).

    >>> from ladder.model.org import Department, Person
    >>> org = Org.build("x", [], [Department("a", "A", "#4c78a8"), Department("b", "B")])
    >>> department_colours(org)
    {'a': '#4c78a8', 'b': '#f58518'}
    """
    order = list(org.departments)
    seen = set(order)
    for person in org.people.values():
        if person.department and person.department not in seen:
            seen.add(person.department)
            order.append(person.department)
    own = {dep: known.colour for dep in order
           if (known := org.departments.get(dep)) is not None and known.colour}
    taken = {colour.lower() for colour in own.values()}
    colours = {}
    for i, dep in enumerate(order):
        if dep in own:
            colours[dep] = own[dep]
            continue
        colour = PALETTE[i % len(PALETTE)]
        for step in range(len(PALETTE)):  # the next free one; all taken: keep the first
            candidate = PALETTE[(i + step) % len(PALETTE)]
            if candidate.lower() not in taken:
                colour = candidate
                break
        taken.add(colour.lower())
        colours[dep] = colour
    return colours


def _department_name(org: Org, dep: str | None) -> str:
    if not dep:
        return ""
    known = org.departments.get(dep)
    return known.name if known else dep


class _Card(NamedTuple):  # a tuple: a million of them are made in a few tenths of a second
    """The text of one card, already fitted to its width."""

    lines: tuple[str, str, str]
    tooltip: str
    colour: str
    vacant: bool
    group: bool
    badge: str
    note: bool = False  # the third line names dotted-line managers, not the department


def _short_name(person: Person) -> str:
    """How a card names a person in another card's note."""
    if person.vacant:
        return "Open: " + (person.title or person.name or "position")
    return (person.display_name if person.shared_with else person.name) or person.id


def _dotted_note(org: Org, person: Person) -> str:
    """``Dotted line to Ana Lopez`` (and ``+1`` for each further dotted-line manager).

    >>> from ladder.model.org import Person
    >>> org = Org.build("x", [Person("a", "Ada"), Person("b", "Bo"),
    ...                       Person("c", "Cy", manager="a", dotted=("a", "b"))])
    >>> _dotted_note(org, org.people["c"])
    'Dotted line to Ada +1'
    """
    names = [_short_name(org.people[m]) for m in person.dotted if m in org.people]
    if not names:
        return ""
    more = f" +{len(names) - 1}" if len(names) > 1 else ""
    return f"Dotted line to {names[0]}{more}"


def dotted_notes(org: Org) -> dict[str, str]:
    """``{id: "Dotted line to <name>"}`` for everybody with a dotted-line manager."""
    return {p.id: note for p in org.people.values() if p.dotted
            for note in (_dotted_note(org, p),) if note}


def _cards(
    org: Org,
    chart: OrgLayout,
    counts: Mapping[str, tuple[int, ...]],
    links: Mapping[str, str] | None = None,
    notes: Mapping[str, str] | None = None,
) -> list[_Card]:
    """Card texts, fitted to the card; ``lines`` are XML-escaped, ``tooltip`` is raw.

    ``counts`` maps managers to (direct, people below) or (direct, people below, open).
    ``notes``: the dotted-line notes of the whole org (a cut chart or a split page drops the
    dotted lines whose manager it does not show, but the card still names them).
    """
    style = chart.style
    room = style.width - 24
    colours = department_colours(org)
    names = {dep: _department_name(org, dep) for dep in colours}
    people = org.people
    cards = []
    for pid in chart.ids:
        person = people[pid]
        department = names.get(person.department, "") if person.department else ""
        note = False
        if person.vacant:
            name = "Open: " + (person.title or person.name or "position")
            second = department
            third = person.location or ""
        elif person.fte is not None:
            name = person.display_name or person.title or "Group"
            second = f"{person.fte:g} FTE" + (f" · {person.title}" if person.title else "")
            third = department
        else:
            name = (person.display_name if person.shared_with else person.name) or "(no name)"
            second = person.title
            third = department
        tooltip = "\n".join([t for t in (name, second, third) if t])
        dotted = notes.get(pid, "") if notes is not None else (
            _dotted_note(org, person) if person.dotted else "")
        remark = dotted or person.note
        if remark:
            # The department is in the stripe's colour and the legend; the note says what
            # the dotted connector means even where it runs far (or off the page), or why an
            # export's row stands at the top although it names a manager.
            third = remark
            note = True
            tooltip += "\n" + remark
        if links and pid in links:
            third = "→ " + links[pid]  # split overviews: the page to turn to
            note = False
        count = counts.get(pid)
        direct = count[0] if count else 0
        if direct:
            total = count[1]
            vacancies = count[2] if len(count) > 2 else 0
            badge = badge_text(direct, total, vacancies)
            tooltip += (f"\n{direct} direct report{'s' if direct != 1 else ''}, "
                        f"{total} {'person' if total == 1 else 'people'} in the team")
            if vacancies:
                tooltip += f", {vacancies} open position{'s' if vacancies != 1 else ''}"
        else:
            badge = ""
        cards.append(_Card(
            (_escaped(fit_text(name, 13, room, bold=True)), _escaped(fit_text(second, 12, room)),
             _escaped(fit_text(third, 11, room))),
            tooltip,
            colours.get(person.department or "", NO_DEPARTMENT),
            person.vacant, person.fte is not None, badge, note,
        ))
    return cards



@lru_cache(maxsize=65536)
def _escaped(text: str) -> str:
    """XML-escaped card text with line breaks as spaces (titles and departments repeat)."""
    return xml_text(text).replace("\n", " ").replace("\r", " ")


def _legend(org: Org, chart: OrgLayout) -> list[tuple[str, str]]:
    """(colour, label) for each department drawn, in department order."""
    colours = department_colours(org)
    drawn = {org.people[i].department for i in chart.ids}
    return [(colours[d], _department_name(org, d)) for d in colours if d in drawn]


def _legend_step(label: str) -> float:
    """Room one legend entry takes: swatch, gap, label, gap to the next entry."""
    return 34 + text_width(label, 12)


@lru_cache(maxsize=4096)
def _badge_width(badge: str) -> float:
    """Width of the headcount badge: its 10 px text and 7 px either side."""
    return round(14 + text_width(badge, 10))


def _header_height(legend_rows: int) -> float:
    return TITLE_HEIGHT + legend_rows * LEGEND_ROW + (8 if legend_rows else 0)


def _legend_rows(legend: list[tuple[str, str]], width: float) -> list[list[tuple[str, str]]]:
    rows: list[list[tuple[str, str]]] = [[]]
    used = 0.0
    for colour, label in legend:
        need = _legend_step(label)
        if rows[-1] and used + need > width:
            rows.append([])
            used = 0.0
        rows[-1].append((colour, label))
        used += need
    return rows if rows[0] else []


@lru_cache(maxsize=65536)  # a chart has few distinct coordinates (100k people: ~2,000)
def _f(value: float) -> str:
    """A coordinate, short: integers without a decimal point, else one decimal.

    >>> _f(12.0), _f(12.25)
    ('12', '12.2')
    """
    whole = int(value)
    return str(whole) if whole == value else f"{value:.1f}"


_SVG_STYLE = (
    "<style>"
    ".e{fill:none;stroke:#a3aab5;stroke-width:1.2}"
    ".dl{fill:none;stroke:#8f73c7;stroke-width:1;stroke-dasharray:4 3}"
    ".da{fill:#8f73c7}"
    ".c{fill:#fff;stroke:#c9ced6;stroke-width:1}"
    ".v{fill:#f6f7f9;stroke:#8a919c;stroke-width:1.2;stroke-dasharray:5 3}"
    ".g{fill:#f1f3f6;stroke:#c9ced6}"
    ".n{font-size:13px;font-weight:bold;fill:#1f2430}"
    ".vn{font-size:13px;font-weight:bold;font-style:italic;fill:#5b6270}"
    ".t{font-size:12px;fill:#4a5160}"
    ".d{font-size:11px;fill:#7b8391}"
    ".dn{font-size:11px;font-style:italic;fill:#7a64a8}"
    ".b{fill:#fff;stroke:#a3aab5}"
    ".bt{font-size:10px;fill:#4a5160;text-anchor:middle}"
    ".h{font-size:20px;font-weight:bold;fill:#1f2430}"
    ".l{font-size:12px;fill:#4a5160}"
    "</style>"
)


class _Frame(NamedTuple):
    """The page around a chart: the legend's rows, the page size, where the chart starts."""

    legend_rows: list
    width: float
    height: float
    top: float


def _frame(org: Org, chart: OrgLayout) -> _Frame:
    """One page frame for SVG, pinned DOT and the bitmap-size check alike."""
    width = max(chart.width, 640.0) + 2 * MARGIN
    rows = _legend_rows(_legend(org, chart), width - 2 * MARGIN)
    top = MARGIN + _header_height(len(rows))
    return _Frame(rows, width, top + chart.height + MARGIN, top)


def org_svg(
    org: Org,
    chart: OrgLayout,
    *,
    title: str | None = None,
    counts: Mapping[str, tuple[int, ...]] | None = None,
    links: Mapping[str, str] | None = None,
    notes: Mapping[str, str] | None = None,
) -> str:
    """The chart as an SVG document; ``links`` maps person ids to URLs (split overviews).

    ``notes``: dotted-line notes by person id, when the chart is part of a bigger org.
    """
    style: CardStyle = chart.style
    w, h = style.width, style.height
    counts = counts if counts is not None else team_counts(org)
    cards = _cards(org, chart, counts, links, notes)
    legend_rows, page_width, page_height, top = _frame(org, chart)
    left = MARGIN
    heading = title if title is not None else org.name
    out: list[str] = [
        '<?xml version="1.0" encoding="UTF-8"?>\n',
        f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        f'width="{_f(page_width)}" height="{_f(page_height)}" '
        f'viewBox="0 0 {_f(page_width)} {_f(page_height)}" '
        'font-family="Helvetica, Arial, sans-serif">\n',
        _SVG_STYLE,
        '\n<rect width="100%" height="100%" fill="#fafbfc"/>\n',
        f'<text class="h" x="{_f(MARGIN)}" y="{_f(MARGIN + 22)}">{xml_text(heading)}</text>\n',
    ]
    y = MARGIN + TITLE_HEIGHT
    for row in legend_rows:
        x = MARGIN
        for colour, label in row:
            out.append(f'<rect x="{_f(x)}" y="{_f(y)}" width="14" height="14" rx="3" '
                       f'fill="{xml_text(colour)}"/><text class="l" x="{_f(x + 20)}" '
                       f'y="{_f(y + 12)}">{xml_text(label)}</text>')
            x += _legend_step(label)
        out.append("\n")
        y += LEGEND_ROW

    # The chart in its own coordinates, moved below the header once.
    out.append(f'<g transform="translate({_f(left)},{_f(top)})">\n')
    # Connectors first, so cards sit on top; chunks of one path keep the file small.
    solid = [p for p in range(len(chart)) if chart.manager[p] >= 0]
    for start in range(0, len(solid), 2000):
        d = "".join([_connector(chart, p) for p in solid[start:start + 2000]])
        out.append(f'<path class="e" d="{d}"/>\n')
    if chart.dotted:
        routes = chart.dotted_routes  # each from the dotted-line manager, who gets the head
        d = "".join(_path(list(route)) for route in routes)
        heads = "".join(_arrowhead(route) for route in routes)
        out.append(f'<path class="dl" d="{d}"><title>dotted-line managers</title></path>\n'
                   f'<path class="da" d="{heads}"/>\n')

    # Every card is drawn in its own frame (translate), so only two numbers vary per card.
    fw, fh = _f(w), _f(h)
    plain = (f'<rect class="c" width="{fw}" height="{fh}" rx="6"/>'
             f'<rect y="6" width="5" height="{_f(h - 12)}" fill="')
    group = (f'<rect class="g" x="4" y="-4" width="{fw}" height="{fh}" rx="6"/>' + plain)
    vacant = f'<rect class="v" width="{fw}" height="{fh}" rx="6"/>'
    xs, ys, ids = chart.x, chart.y, chart.ids
    links = links or {}
    add = out.append  # each piece goes straight into the one join: no per-card strings
    for p, card in enumerate(cards):
        lines = card.lines
        target = links.get(ids[p]) if links else None
        if target:
            add(f'<a href="{xml_text(target)}" xlink:href="{xml_text(target)}">')
        add(f'<g transform="translate({_f(xs[p])},{_f(ys[p])})"><title>'
            f"{xml_text(card.tooltip)}</title>")
        if card.vacant:
            add(f'{vacant}<text class="vn" x="14" y="22">{lines[0]}</text>')
        else:
            add(f'{group if card.group else plain}{card.colour}"/>'
                f'<text class="n" x="14" y="22">{lines[0]}</text>')
        if lines[1]:
            add(f'<text class="t" x="14" y="40">{lines[1]}</text>')
        if lines[2]:
            add(f'<text class="{"dn" if card.note else "d"}" x="14" y="57">{lines[2]}</text>')
        if card.badge:
            bw = _badge_width(card.badge)
            add(f'<rect class="b" x="{_f(w / 2 - bw / 2)}" y="{_f(h - 8)}" '
                f'width="{_f(bw)}" height="16" rx="8"/><text class="bt" x="{_f(w / 2)}" '
                f'y="{_f(h + 4)}">{card.badge}</text>')
        add("</g>\n</a>" if target else "</g>\n")
    out.append("</g>\n</svg>\n")
    return "".join(out)


def _connector(chart: OrgLayout, p: int) -> str:
    """Path data of the connector to ``p``: the same route as OrgLayout.route, written fast."""
    kind = chart.edge_kind[p]
    style = chart.style
    m = chart.manager[p]
    if kind == LIST:  # most connectors of a big chart: down the list's line, across to the card
        drop = chart.x[m] + style.indent / 2
        mid = chart.y[p] + style.height / 2
        tx = chart.x[p]
        across = f"V{_f(mid)}" if tx == drop else f"H{_f(tx)}"  # as _path writes it
        return f"M{_f(drop)} {_f(chart.y[m] + style.height)}V{_f(mid)}{across}"
    if kind > STACK:
        return _path(chart.route(p))
    half = style.width / 2
    top_x = chart.x[m] + half
    bottom = chart.y[m] + style.height
    if kind == SPREAD:
        centre = chart.x[p] + half
        if centre == top_x:
            return f"M{_f(top_x)} {_f(bottom)}V{_f(chart.y[p])}"
        return (f"M{_f(top_x)} {_f(bottom)}V{_f(bottom + style.level_gap / 2)}H{_f(centre)}"
                f"V{_f(chart.y[p])}")
    spine = chart.edge_via[p]
    mid = chart.y[p] + style.height / 2
    tx = chart.x[p]
    side = tx + style.width if tx + style.width <= spine else tx
    if spine == top_x:
        return f"M{_f(top_x)} {_f(bottom)}V{_f(mid)}H{_f(side)}"
    return (f"M{_f(top_x)} {_f(bottom)}V{_f(bottom + style.level_gap / 2)}H{_f(spine)}"
            f"V{_f(mid)}H{_f(side)}")


def _path(points: list[tuple[float, float]]) -> str:
    """SVG path data for an axis-parallel polyline: M, then H and V where they will do."""
    x, y = points[0]
    parts = [f"M{_f(x)} {_f(y)}"]
    for nx, ny in points[1:]:
        if nx == x:
            parts.append(f"V{_f(ny)}")
        elif ny == y:
            parts.append(f"H{_f(nx)}")
        else:
            parts.append(f"L{_f(nx)} {_f(ny)}")
        x, y = nx, ny
    return "".join(parts)


def org_dot(
    org: Org,
    chart: OrgLayout,
    *,
    title: str | None = None,
    counts: Mapping[str, tuple[int, ...]] | None = None,
    links: Mapping[str, str] | None = None,
    notes: Mapping[str, str] | None = None,
) -> str:
    """The chart as DOT with every position pinned, for ``neato -n2`` (units: points, y up)."""
    style = chart.style
    w, h = style.width, style.height
    counts = counts if counts is not None else team_counts(org)
    cards = _cards(org, chart, counts, links, notes)
    legend_rows, page_width, page_height, top = _frame(org, chart)
    left = MARGIN
    links = links or {}

    def at(x: float, y: float) -> str:  # layout (y down) to Graphviz points (y up)
        return f"{_f(x + left)},{_f(page_height - (y + top))}"

    heading = title if title is not None else org.name
    out: list[str] = [
        "// Every position is pinned: draw with  neato -n2 -Tpng chart.dot -o chart.png\n",
        "digraph org {\n",
        f'  graph [bb="0,0,{_f(page_width)},{_f(page_height)}", bgcolor="#fafbfc", '
        'splines=true, outputorder=edgesfirst, pad=0, dpi=72];\n',
        '  node [shape=box, style="rounded,filled", fillcolor=white, color="#c9ced6", '
        'fixedsize=true, fontname="Helvetica,Arial,sans-serif", margin=0, penwidth=1];\n',
        '  edge [arrowhead=none, color="#a3aab5", penwidth=1.2];\n',
    ]

    def page_at(x: float, y: float) -> str:  # page coordinates (y down) to points (y up)
        return f"{_f(x)},{_f(page_height - y)}"

    # neato -n2 crops the page to what it draws: pin two invisible corners to keep the margins.
    out.append(f'  corner0 [style=invis, fixedsize=true, width=0.01, height=0.01, '
               f'pos="{page_at(1, 1)}"];\n')
    out.append(f'  corner1 [style=invis, fixedsize=true, width=0.01, height=0.01, '
               f'pos="{page_at(page_width - 1, page_height - 1)}"];\n')
    title_width = text_width(heading, 20, bold=True)
    out.append(
        f'  title [shape=plain, style="", fixedsize=false, '
        f'pos="{page_at(MARGIN + title_width / 2, MARGIN + 14)}", '
        f'label=<<B><FONT POINT-SIZE="20" COLOR="#1f2430">{dot_html(heading)}</FONT></B>>];\n'
    )
    y = MARGIN + TITLE_HEIGHT
    for r, row in enumerate(legend_rows):
        cells = "".join(
            f'<TD BGCOLOR="{colour}" WIDTH="14" HEIGHT="14" FIXEDSIZE="TRUE"></TD>'
            f"<TD>&nbsp;{dot_html(label)}&nbsp;&nbsp;</TD>"
            for colour, label in row
        )
        width = sum(text_width(label, 12) + 28 for _, label in row)  # swatch, spaces, label
        out.append(
            f'  legend{r} [shape=plain, style="", fixedsize=false, fontsize=12, '
            f'fontcolor="#4a5160", pos="{page_at(MARGIN + width / 2, y + 7)}", '
            f'label=<<TABLE BORDER="0" CELLPADDING="0" CELLSPACING="2"><TR>{cells}</TR>'
            "</TABLE>>];\n"
        )
        y += LEGEND_ROW
    for p, card in enumerate(cards):
        x, y = chart.x[p], chart.y[p]
        lines = "".join(
            f'<TR><TD ALIGN="LEFT" HEIGHT="{height}"><FONT POINT-SIZE="{size}" '
            f'COLOR="{colour}">{open_}{text}{close}</FONT></TD></TR>'
            for text, size, colour, open_, close, height in (
                (card.lines[0], 13, "#5b6270" if card.vacant else "#1f2430",
                 "<I><B>" if card.vacant else "<B>", "</B></I>" if card.vacant else "</B>", 18),
                (card.lines[1], 12, "#4a5160", "", "", 17),
                (card.lines[2], 11, "#7a64a8" if card.note else "#7b8391",
                 "<I>" if card.note else "", "</I>" if card.note else "", 16),
            ) if text
        )
        stripe = "" if card.vacant else (
            f'<TD ROWSPAN="4" WIDTH="5" BGCOLOR="{card.colour}"></TD>'
        )
        label = (f'<<TABLE BORDER="0" CELLPADDING="0" CELLSPACING="0" WIDTH="{_f(w - 4)}">'
                 f'<TR>{stripe}<TD WIDTH="9" ROWSPAN="4"></TD><TD HEIGHT="1"></TD></TR>'
                 f"{lines}</TABLE>>")
        extra = ""
        if card.vacant:
            extra = ', style="rounded,filled,dashed", fillcolor="#f6f7f9", color="#8a919c"'
        elif card.group:
            extra = ', peripheries=2, fillcolor="#ffffff"'
        link = links.get(chart.ids[p])
        if link:
            extra += f", URL={dot_string(link)}"
        out.append(
            f'  n{p} [pos="{at(x + w / 2, y + h / 2)}", width={_inch(w)}, '
            f'height={_inch(h)}, label={label}, '
            f"tooltip={dot_string(card.tooltip)}{extra}];\n"
        )
        if card.badge:
            out.append(
                f'  b{p} [pos="{at(x + w / 2, y + h)}", width={_inch(_badge_width(card.badge))}, '
                f'height={_inch(16)}, style="rounded,filled", color="#a3aab5", '
                f'fontsize=10, fontcolor="#4a5160", label="{card.badge}"];\n'
            )
    for p in range(len(chart)):
        if chart.manager[p] >= 0:
            out.append(f'  n{chart.manager[p]} -> n{p} [pos="{_spline(chart.route(p), at)}"];\n')
    for (s, t), route in zip(chart.dotted, chart.dotted_routes, strict=True):
        tip, base = _arrow_base(route)  # Graphviz draws the head from the spline's start to s
        spline = _spline([base, *route[1:]], at)
        out.append(f'  n{s} -> n{t} [style=dashed, color="#8f73c7", penwidth=1, '
                   f'constraint=false, dir=back, arrowtail=normal, arrowsize=0.6, '
                   f'pos="s,{at(*tip)} {spline}"];\n')
    out.append("}\n")
    return "".join(out)


ARROW = 7.0  # length of a dotted line's arrowhead, px


def _arrow_base(route: Sequence[tuple[float, float]]) -> tuple[tuple[float, float],
                                                               tuple[float, float]]:
    """(tip, base) of the arrowhead at a route's start: the tip on the card, the base up to
    ARROW px back along the first run.

    >>> _arrow_base([(10, 0), (10, 20), (40, 20)])
    ((10, 0), (10.0, 7.0))
    """
    (x1, y1), (x2, y2) = route[0], route[1]
    length = abs(x2 - x1) + abs(y2 - y1)  # runs are across or down
    step = min(ARROW, length) / length if length else 0.0
    return (x1, y1), (x1 + (x2 - x1) * step, y1 + (y2 - y1) * step)


def _arrowhead(route: Sequence[tuple[float, float]]) -> str:
    """SVG path data of a filled arrowhead at the route's start, pointing into the card."""
    (tip_x, tip_y), (base_x, base_y) = _arrow_base(route)
    half = ARROW / 2
    side_x, side_y = (half, 0.0) if tip_x == base_x else (0.0, half)
    return (f"M{_f(tip_x)} {_f(tip_y)}L{_f(base_x + side_x)} {_f(base_y + side_y)}"
            f"L{_f(base_x - side_x)} {_f(base_y - side_y)}Z")


def _inch(points: float) -> str:
    """Graphviz node sizes are in inches (72 points)."""
    return f"{points / 72:.4f}"


def _spline(points: list[tuple[float, float]], at) -> str:  # noqa: ANN001
    """A polyline as Graphviz's B-spline control points: each segment a straight cubic."""
    controls = [at(*points[0])]
    for a, b in zip(points, points[1:], strict=False):
        controls.extend((at(*a), at(*b), at(*b)))
    return " ".join(controls)


def page_size(chart: OrgLayout, org: Org) -> tuple[float, float]:
    """Width and height of the drawn page in pixels (chart, margins, title and legend)."""
    frame = _frame(org, chart)
    return frame.width, frame.height


def check_bitmap(chart: OrgLayout, org: Org, path: Path, *, page: bool = False) -> None:
    """Refuse a PNG that cairo would have to shrink: suggest splitting (deeper) instead."""
    width, height = page_size(chart, org)
    if max(width, height) > MAX_BITMAP_SIDE or width * height > MAX_BITMAP_PIXELS:
        raise RenderError(
            f"the chart of {len(chart)} people is {math.ceil(width)} x {math.ceil(height)} px, "
            "too big for one PNG at a readable size",
            file=str(path),
            hint=("split deeper (--split depth:N with a larger N), or write .svg or .pdf"
                  if page else "use --split department or --split depth:N, or write .svg or .pdf"),
        )


def render_org(
    org: Org,
    path: str | Path,
    *,
    format: str | None = None,  # noqa: A002 - the CLI's --format
    title: str | None = None,
    root: str | None = None,
    depth: int | None = None,
    align_levels: bool = False,
    levels: Mapping[str, int] | None = None,
    mode: str = "auto",
    columns: int = 2,
    split: str | None = None,
) -> list[Path]:
    """Draw ``org`` into ``path`` (svg, png, pdf, dot or json); the files written.

    ``root``/``depth``: draw only that subtree, that many levels deep (1 = the root alone).
    ``align_levels`` with ``levels`` (ladder role id -> level, higher more senior): rows by
    level. ``split``: ``"department"`` or ``"depth:N"`` writes an overview plus one page each.
    """
    path = Path(path)
    fmt = (format or path.suffix.lstrip(".")).lower()
    if fmt not in FORMATS:
        raise RenderError(f"unknown output format {fmt!r}", file=str(path),
                          hint=f"use one of: {', '.join(FORMATS)}")
    if mode not in MODES:
        raise RenderError(f"unknown layout mode {mode!r}", hint=f"use one of: {', '.join(MODES)}")
    if columns < 1:
        raise RenderError("--columns must be 1 or more")
    counts = team_counts(org)  # on the whole org, so a cut chart still shows true totals
    notes = dotted_notes(org)  # ... and names dotted-line managers it leaves out
    if root is not None:
        if root not in org.people:
            from ladder.errors import did_you_mean

            raise RenderError(f"--root: no person with id {root!r}",
                              hint=did_you_mean(root, org.people) or "check the id")
        org = org.subtree(root, depth)
    elif depth is not None:
        org = _cut(org, depth)
    if split:
        from ladder.render.split import render_split

        return render_split(org, path, fmt=fmt, how=split, title=title, counts=counts,
                            notes=notes,
                            mode=mode, columns=columns,
                            person_levels=_person_levels(org, levels) if align_levels else None)
    person_levels = _person_levels(org, levels) if align_levels else None
    note = _progress(len(org))
    note(f"laying out {len(org):,} people")
    chart = layout_org(org, mode=mode, columns=columns, align_levels=person_levels)
    note(f"drawing {path.name}")
    write_chart(org, chart, path, fmt=fmt, title=title, counts=counts, notes=notes)
    note("done")
    return [path]


def _progress(people: int) -> Callable[[str], None]:
    """Step messages on stderr for long runs (hundreds of thousands of people) on a terminal."""
    if people < LONG_RUN or not sys.stderr.isatty():
        return lambda step: None
    import click

    start = time.perf_counter()

    def note(step: str) -> None:
        click.echo(f"ladder: {step} ({time.perf_counter() - start:.1f} s)", err=True)

    return note


def _person_levels(org: Org, levels: Mapping[str, int] | None) -> dict[str, int]:
    if not levels:
        raise RenderError("--align-levels needs the ladder's levels",
                          hint="give the org a ladder, or leave out --align-levels")
    return {p.id: levels[p.role] for p in org.people.values() if p.role in levels}


def _cut(org: Org, depth: int) -> Org:
    """The whole forest, ``depth`` levels deep."""
    if depth < 1:
        raise RenderError("--depth must be 1 or more")
    keep: set[str] = set()
    frontier = [p.id for p in org.roots()]
    for _ in range(depth):
        keep.update(frontier)
        frontier = [r for pid in frontier for r in org.graph.successors(pid)]
    people = [p for p in org.people.values() if p.id in keep]
    from dataclasses import replace

    people = [replace(p, dotted=tuple(d for d in p.dotted if d in keep)) for p in people]
    return Org.build(org.name, people, list(org.departments.values()), ladder=org.ladder,
                     variant=org.variant, source=org.source)


def write_chart(
    org: Org,
    chart: OrgLayout,
    path: Path,
    *,
    fmt: str,
    title: str | None = None,
    counts: Mapping[str, tuple[int, ...]] | None = None,
    links: Mapping[str, str] | None = None,
    page: bool = False,
    notes: Mapping[str, str] | None = None,
) -> None:
    """Write one laid-out chart in ``fmt`` (``page``: one page of a split chart)."""
    if fmt == "json":
        from ladder.render.layout_json import layout_json

        data = layout_json(chart).encode("utf-8")
    elif fmt == "svg":
        data = org_svg(org, chart, title=title, counts=counts, links=links,
                       notes=notes).encode("utf-8")
    elif fmt == "dot":
        data = org_dot(org, chart, title=title, counts=counts, links=links,
                            notes=notes).encode("utf-8")
    else:
        if fmt == "png":
            check_bitmap(chart, org, path, page=page)
        from ladder.render.graphviz_backend import run_graphviz  # only here: SVG needs none

        # Positions are pinned in the DOT: neato -n2 only draws, it does not lay out again.
        data = run_graphviz(org_dot(org, chart, title=title, counts=counts, links=links,
                            notes=notes),
                            format=fmt, engine="neato", neato_no_op=2)
    write_bytes(path, data)


__all__ = [
    "FORMATS", "badge_text", "check_bitmap", "department_colours", "dotted_notes",
    "headcounts", "open_positions", "org_dot", "team_counts",
    "org_svg", "render_org", "write_chart", "xml_text",
]
