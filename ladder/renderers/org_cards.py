"""What each org-chart card says: its three lines, tooltip, colour, kind and badge.

Shared by the SVG and the pinned-DOT writers, so both draw the same text. Card texts are fitted
to the card (:mod:`ladder.renderers.card_geometry`) and XML-escaped once here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from ladder.analysis.teams import TeamCount, department_heads, team_counts
from ladder.escape import is_colour, xml_text
from ladder.layout.cards import fit_lines, fit_middle, fit_text
from ladder.layout.chart import OrgLayout
from ladder.model.org import Org, Person
from ladder.renderers.card_geometry import DETAIL, NAME, TITLE, Frame, frame_for, text_room
from ladder.renderers.results.stats import COUNT_RULE, badge_text, count_sentence
from ladder.text import card_name, person_label

# Ten well-known category colours, then ten more that tell apart from them, so an HR export
# with a dozen departments does not paint two of them the same before the twenty-first.
PALETTE = (
    "#4c78a8", "#f58518", "#54a24b", "#e45756", "#72b7b2",
    "#b279a2", "#eeca3b", "#9d755d", "#ff9da6", "#79706e",
    "#1f3f6e", "#c26a00", "#2f7d32", "#a3243b", "#2aa198",
    "#6a3d9a", "#b5a000", "#5d3a1a", "#d6616b", "#3b3b3b",
)
NO_DEPARTMENT = "#c0c4cc"
BADGE_NOTE = ("Badge: direct reports · staff in groups (if any) · people in the team · open "
              "positions. " + COUNT_RULE)


class Card(NamedTuple):  # a tuple: a million of them are made in a few tenths of a second
    """The text of one card, fitted to its width and XML-escaped; the tooltip is raw.
    The second line may be two, joined by a line break, on a card style with two title lines.
    """

    lines: tuple[str, str, str]
    tooltip: str
    colour: str
    vacant: bool
    group: bool
    badge: str
    note: bool = False  # the third line is a remark (dotted line, context), not the department
    context: bool = False  # a card standing for someone drawn on another page
    mark: str = ""  # outline colour of a card marked by a diff ("" none): MARK_COLOURS


# Outline of a card a diff marks (Person.mark), and what the legend calls it.
MARK_COLOURS = {"joined": "#1e9e5a", "moved": "#2f6fd0", "created": "#0f8b8d",
                "changed": "#d98b0b", "left": "#c0392b", "removed": "#6b7280"}
MARK_WORDS = {"joined": "Joined", "moved": "Moved (from whom: on the card)",
              "created": "New post", "changed": "Post changed (what: on the card)",
              "left": "Left (where they were)", "removed": "Post removed (where it was)"}
OUTLINE = "outline:"  # a legend entry's colour that is drawn as an outline, not a fill


@dataclass
class PageText:
    """What a page says beyond its people: title, counts, and the cards that name other pages.

    ``counts``: team counts of the whole org (a cut chart or a page still shows true totals);
    ``links``: person id -> file to open; ``labels``: person id -> the card's third line;
    ``notes``: dotted-line notes of the whole org; ``context``: cards for people drawn on
    another page (no badge, drawn apart).
    """

    title: str | None = None
    counts: Mapping[str, TeamCount] | None = None
    links: dict[str, str] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)
    notes: Mapping[str, str] | None = None
    context: frozenset[str] = frozenset()
    count_note: bool = True  # the note on what a badge counts (a book says it once)


def prepare(org: Org, chart: OrgLayout, text: PageText | None) -> tuple[str, list[Card], Frame]:
    """(heading, cards, page frame) of a chart: what both writers start from."""
    text = text or PageText()
    counts = text.counts if text.counts is not None else team_counts(org)
    drawn = cards(org, chart, counts, text.labels, text.notes, text.context)
    heading = text.title if text.title is not None else org.name
    return heading, drawn, page_frame(org, chart, text)


def page_frame(org: Org, chart: OrgLayout, text: PageText | None = None) -> Frame:
    """The page around the chart: legend (of the departments its own cards show), the note on
    counts when a badge is drawn, and the size; the writers and the size checks share it."""
    text = text or PageText()
    counts = text.counts if text.counts is not None else team_counts(org)
    entries, starts = legend(org, chart, text.context)
    return frame_for(entries, chart.width, chart.height, starts=starts,
                     notes=legend_note(chart, counts) if text.count_note else 0)


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
           if (known := org.departments.get(dep)) is not None and is_colour(known.colour)}
    if len(order) > len(PALETTE):  # more units than colours: shades of their division's
        return _division_shades(org, order, own)
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


def divisions(org: Org, order: list[str], level: int = 1) -> dict[str, str]:
    """Department id -> the division it belongs to: the department of the person ``level``
    steps under a top post above the department's head
    (:func:`~ladder.analysis.teams.department_heads`; a department whose head is no lower
    than that is its own division)."""
    people = org.people
    depth: dict[str, int] = {}

    def depth_of(pid: str) -> int:
        chain: list[tuple[str, str]] = []  # (person, their manager), walking up
        while pid not in depth:
            boss = people[pid].manager
            if boss is None or boss not in people or len(chain) > len(people):
                depth[pid] = 0
                break
            chain.append((pid, boss))
            pid = boss
        for step, boss in reversed(chain):
            depth[step] = depth[boss] + 1
        return depth[chain[0][0]] if chain else depth[pid]

    heads = department_heads(org)
    found = {}
    for dep in order:
        if dep not in heads or depth_of(heads[dep]) <= level:
            found[dep] = dep
            continue
        pid = heads[dep]
        while depth[pid] > level:
            boss = people[pid].manager
            assert boss is not None  # only a root has depth 0
            pid = boss
        found[dep] = people[pid].department or dep
    return found


def _palette_divisions(org: Org, order: list[str]) -> dict[str, str]:
    """Department id -> its division, at the deepest level whose divisions the palette can
    still tell apart."""
    division = divisions(org, order)
    for level in range(2, 6):
        deeper = divisions(org, order, level)
        if len(set(deeper.values())) > len(PALETTE):
            break
        division = deeper
    return division


def _division_shades(org: Org, order: list[str], own: dict[str, str]) -> dict[str, str]:
    """Each division a palette colour of its own; the other units of a division lighter and
    darker shades of it, so a legend of 120 units still says which division each is in.
    Ordered by division, then unit: the legend lists units under their division."""
    division = _palette_divisions(org, order)
    heads = list(dict.fromkeys(division[dep] for dep in order))
    members: dict[str, list[str]] = {head: [] for head in heads}
    for dep in order:
        if dep != division[dep]:
            members[division[dep]].append(dep)
    colours: dict[str, str] = {}
    for number, head in enumerate(heads):
        base = own.get(head) or PALETTE[number % len(PALETTE)]
        colours[head] = base
        units = members[head]
        step = min(0.12, 0.35 / max(1, (len(units) + 1) // 2))
        for index, dep in enumerate(units):  # darker, lighter, darker still, lighter still ...
            away = (index // 2 + 1) * step * (-1 if index % 2 == 0 else 1)
            turn = ((index // 2) % 3 - 1) * 0.025  # a touch of hue, so close shades part
            colours[dep] = own.get(dep) or shade(base, away, turn)
    return colours


def shade(colour: str, by: float, turn: float = 0.0) -> str:
    """``colour`` with its lightness moved ``by`` (-1..1, kept within 0.12..0.9) and its hue
    turned ``turn`` of the way round the colour wheel.

    >>> shade("#4c78a8", 0.0), shade("#4c78a8", -0.2)
    ('#4c78a8', '#2c4662')
    """
    import colorsys

    red, green, blue = (int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5))
    hue, light, saturation = colorsys.rgb_to_hls(red, green, blue)
    lightness = min(0.9, max(0.12, light + by))
    red, green, blue = colorsys.hls_to_rgb((hue + turn) % 1.0, lightness, saturation)
    return "#" + "".join(f"{round(c * 255):02x}" for c in (red, green, blue))


def department_name(org: Org, dep: str | None) -> str:
    """The department's display name (its id when the org does not describe it)."""
    if not dep:
        return ""
    known = org.departments.get(dep)
    return known.name if known else dep


def _dotted_note(org: Org, person: Person) -> str:
    """``Dotted line to Ana Lopez`` (and ``+1`` for each further dotted-line manager).

    >>> org = Org.build("x", [Person("a", "Ada"), Person("b", "Bo"),
    ...                       Person("c", "Cy", manager="a", dotted=("a", "b"))])
    >>> _dotted_note(org, org.people["c"])
    'Dotted line to Ada +1'
    """
    names = [person_label(org.people[m]) for m in person.dotted if m in org.people]
    if not names:
        return ""
    more = f" +{len(names) - 1}" if len(names) > 1 else ""
    return f"Dotted line to {names[0]}{more}"


def dotted_notes(org: Org) -> dict[str, str]:
    """``{id: "Dotted line to <name>"}`` for everybody with a dotted-line manager."""
    return {p.id: note for p in org.people.values() if p.dotted
            for note in (_dotted_note(org, p),) if note}


def legend(org: Org, chart: OrgLayout,
           skip: frozenset[str] = frozenset()) -> tuple[list[tuple[str, str]], set[int]]:
    """(colour, label) for each department drawn, in department order, and the entries that
    start a division's row (when units take shades of their division's colour, the legend
    lists each division on rows of its own); ``skip``: cards that do not count (context
    cards carry no department stripe)."""
    colours = department_colours(org)
    drawn = {org.people[i].department for i in chart.ids if i not in skip}
    shown = [d for d in colours if d in drawn]
    marks = mark_legend(org, chart.ids)  # a diff's marks come first
    starts: set[int] = set()
    if len(colours) > len(PALETTE):  # shaded by division (department_colours)
        division = _palette_divisions(org, list(colours))
        starts = {len(marks) + i for i, dep in enumerate(shown)
                  if i and division[dep] != division[shown[i - 1]]}
    return marks + [(colours[d], department_name(org, d)) for d in shown], starts


def mark_legend(org: Org, ids: list[str]) -> list[tuple[str, str]]:
    """The legend of a diff's marks on the cards ``ids``, each with how many this page shows
    (none when no card is marked).

    >>> org = Org.build("x", [Person("a", "Ann", mark="moved"), Person("b", "Bo", mark="moved")])
    >>> mark_legend(org, ["a", "b"])
    [('outline:#2f6fd0', 'Moved (from whom: on the card): 2')]
    """
    shown: dict[str, int] = {}
    for pid in ids:
        mark = org.people[pid].mark
        if mark:
            shown[mark] = shown.get(mark, 0) + 1
    return [(OUTLINE + colour, f"{MARK_WORDS[kind]}: {shown[kind]}")
            for kind, colour in MARK_COLOURS.items() if kind in shown]


def legend_note(chart: OrgLayout, counts: Mapping[str, TeamCount]) -> int | str:
    """The note on counting, when the chart shows any badge (0: none)."""
    return BADGE_NOTE if any(pid in counts for pid in chart.ids) else 0


def _card_text(person: Person, department: str) -> tuple[str, str, str]:
    """Name, second and third line of a person's own card."""
    if not person.vacant and person.fte is None:  # most cards: the names, title, department
        return card_name(person), person.title, department
    name = person_label(person)
    if person.vacant:  # the label says the title
        return name, department, person.location or ""
    # a staff group, beside its count: the grade, else the title when the name does not say it
    kind = dict(person.extra).get("grade") or (person.title if person.title != name else "")
    return name, f"{person.fte:g} FTE" + (f" · {kind}" if kind else ""), department


def cards(
    org: Org,
    chart: OrgLayout,
    counts: Mapping[str, TeamCount],
    labels: Mapping[str, str] | None = None,
    notes: Mapping[str, str] | None = None,
    context: frozenset[str] = frozenset(),
) -> list[Card]:
    """Card texts in the chart's order.

    ``counts``: team counts by manager id (:func:`ladder.analysis.teams.team_counts`).
    ``labels``: a third line that names another page (split charts), by person id.
    ``notes``: the dotted-line notes of the whole org (a cut chart or a split page drops the
    dotted lines whose manager it does not show, but the card still names them).
    ``context``: ids of cards that stand for someone drawn on another page (no badge).
    """
    room = text_room(chart.style.width)
    title_lines = chart.style.title_lines
    colours = department_colours(org)
    names = {dep: department_name(org, dep) for dep in colours}
    people = org.people
    found = []
    for pid in chart.ids:
        person = people[pid]
        department = names.get(person.department, "") if person.department else ""
        name, second, third = _card_text(person, department)
        tooltip = "\n".join([t for t in (name, second, third) if t])
        note = False
        dotted = notes.get(pid, "") if notes is not None else (
            _dotted_note(org, person) if person.dotted else "")
        remark = (person.note if person.mark else "") or dotted or person.note  # a diff's label
        if remark:
            # The department is in the stripe's colour and the legend; the note says what
            # the dotted connector means even where it runs far (or off the page), or why an
            # export's row stands at the top although it names a manager.
            third, note = remark, True
            tooltip += "\n" + remark
        if labels and pid in labels:
            third = labels[pid]  # split charts: the page to turn to
            note = pid in context
            tooltip += "\n" + third
        count = counts.get(pid)
        badge = ""
        if count is not None and not (context and pid in context):
            badge = badge_text(count)
            tooltip += "\n" + count_sentence(count)
        # a cut keeps both ends (the end tells units and posts apart); the title wraps first
        fitted = fit_text(third, DETAIL.size, room) if note else fit_middle(
            third, DETAIL.size, room)
        found.append(Card(
            (_escaped(fit_text(name, NAME.size, room, bold=True)),
             "\n".join(map(_escaped, fit_lines(second, TITLE.size, room, title_lines))),
             _escaped(fitted)),
            tooltip,
            colours.get(person.department or "", NO_DEPARTMENT),
            person.vacant, person.fte is not None, badge, note,
            bool(context) and pid in context,
            MARK_COLOURS.get(person.mark, "") if person.mark else "",
        ))
    return found


@lru_cache(maxsize=65536)
def _escaped(text: str) -> str:
    """XML-escaped card text with line breaks as spaces (titles and departments repeat)."""
    return xml_text(text).replace("\n", " ").replace("\r", " ")
