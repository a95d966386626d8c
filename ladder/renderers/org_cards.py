"""What each org-chart card says: its three lines, tooltip, colour, kind and badge.

Shared by the SVG, pinned-DOT and PNG writers, so all draw the same text. Card texts are fitted
to the card (:mod:`ladder.renderers.card_geometry`) and XML-escaped once here: a card's name
(:func:`card_names`) and its *face*, all it shows but the name (:func:`card_faces`), which the
cards with the same title, department and count share, so it is made once for all of them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from operator import attrgetter, eq
from typing import NamedTuple

from ladder.analysis.teams import TeamCount, department_heads, team_counts
from ladder.escape import is_colour, xml_text
from ladder.layout.cards import fit_lines, fit_middle, fit_name, fit_text
from ladder.layout.chart import OrgLayout
from ladder.model.org import Org, Person
from ladder.renderers.card_geometry import DETAIL, NAME, TITLE, Frame, frame_for, text_room
from ladder.renderers.results.stats import COUNT_RULE, badge_text, count_sentence
from ladder.text import card_label, person_label

# Ten well-known category colours, then ten more that tell apart from them, so an HR export
# with a dozen departments does not paint two of them the same before the twenty-first.
PALETTE = (
    "#4c78a8", "#f58518", "#54a24b", "#e45756", "#72b7b2",
    "#b279a2", "#eeca3b", "#9d755d", "#ff9da6", "#79706e",
    "#1f3f6e", "#c26a00", "#2f7d32", "#a3243b", "#2aa198",
    "#6a3d9a", "#b5a000", "#5d3a1a", "#d6616b", "#3b3b3b",
)
NO_DEPARTMENT = "#c0c4cc"
_DEPARTMENT, _MARK = attrgetter("department"), attrgetter("mark")  # of a million people
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
    """(heading, cards, page frame) of a chart: what the pinned-DOT and PNG writers start
    from (the SVG writer, for a million cards, from their faces: :func:`card_faces`)."""
    text = text or PageText()
    if text.counts is None:  # counted once, for the badges and the page's note alike
        text = replace(text, counts=team_counts(org))
    counts = text.counts
    assert counts is not None
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
    # the org's own departments, then the others in the order people first name them
    order = list(dict.fromkeys([*org.departments,
                                *filter(None, map(_DEPARTMENT, org.people.values()))]))
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
        levels = _unit_lightness(base, len(units))
        for index, (dep, light) in enumerate(zip(units, levels, strict=True)):
            turn = ((index // 2) % 3 - 1) * 0.025  # a touch of hue, so close shades part
            colours[dep] = own.get(dep) or shade(base, light - _lightness(base), turn)
    return colours


def _unit_lightness(base: str, count: int) -> list[float]:
    """``count`` lightness levels for the units of a division coloured ``base``: evenly spread
    round the base's own (0.12 apart when few, closer when many) within what shade allows, the
    base's own level left to it; nearest the base first (darker, lighter, ...)."""
    if not count:
        return []
    own = _lightness(base)
    lightest = _lightness(shade(base, 1.0))  # as pale as a stripe may be, for this hue
    half = 0.12 * ((count + 1) // 2)
    low, high = max(0.22, min(own, lightest) - half), min(lightest, own + half)
    levels = [low + (high - low) * step / count for step in range(count + 1)]
    levels.remove(min(levels, key=lambda level: abs(level - own)))
    return sorted(levels, key=lambda level: (abs(level - own), level))


def _lightness(colour: str) -> float:
    import colorsys

    return colorsys.rgb_to_hls(*_fractions(colour))[1]


def _fractions(colour: str) -> tuple[float, float, float]:
    """``#rrggbb`` as red, green and blue from 0 to 1."""
    return (int(colour[1:3], 16) / 255, int(colour[3:5], 16) / 255, int(colour[5:7], 16) / 255)


def shade(colour: str, by: float, turn: float = 0.0) -> str:
    """``colour`` with its lightness moved ``by`` (-1..1) and its hue turned ``turn`` of the way
    round the colour wheel, kept where a stripe still reads on a white card and shades still
    part: lightness 0.22..0.85, and no paler than a contrast of 1.6:1 against white (a light
    yellow passes 0.85 long before it is visible).

    >>> shade("#4c78a8", 0.0), shade("#4c78a8", -0.2)
    ('#4c78a8', '#2c4662')
    >>> contrast_on_white(shade("#f2cf5b", 0.35)) >= 1.6
    True
    """
    import colorsys

    hue, light, saturation = colorsys.rgb_to_hls(*_fractions(colour))
    lightness = min(0.85, max(0.22, light + by))
    while True:
        red, green, blue = colorsys.hls_to_rgb((hue + turn) % 1.0, lightness, saturation)
        made = "#" + "".join(f"{round(c * 255):02x}" for c in (red, green, blue))
        if lightness <= 0.22 or contrast_on_white(made) >= 1.6:
            return made
        lightness -= 0.02


def contrast_on_white(colour: str) -> float:
    """The WCAG contrast ratio of ``colour`` (``#rrggbb``) against white, 1 (none) to 21.

    >>> round(contrast_on_white("#000000"), 1), round(contrast_on_white("#ffffff"), 1)
    (21.0, 1.0)
    """
    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    red, green, blue = map(linear, _fractions(colour))
    luminance = 0.2126 * red + 0.7152 * green + 0.0722 * blue
    return 1.05 / (luminance + 0.05)


def people_of(org: Org, ids: list[str]) -> Iterable[Person]:
    """The people of ``ids``, in that order: the org's own, without a look-up each, when they
    are all of them in the org's order (a whole chart: a look-up each is most of a pass)."""
    people = org.people
    if len(ids) == len(people) and all(map(eq, ids, people)):  # no list of the keys made
        return people.values()
    return map(people.__getitem__, ids)


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
    drawn = set(map(_DEPARTMENT, people_of(org, [i for i in chart.ids if i not in skip]
                                           if skip else chart.ids)))
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
    for mark in map(_MARK, people_of(org, ids)):
        if mark:
            shown[mark] = shown.get(mark, 0) + 1
    return [(OUTLINE + colour, f"{MARK_WORDS[kind]}: {shown[kind]}")
            for kind, colour in MARK_COLOURS.items() if kind in shown]


def legend_note(chart: OrgLayout, counts: Mapping[str, TeamCount]) -> int | str:
    """The note on counting, when the chart shows any badge (0: none)."""
    return BADGE_NOTE if any(pid in counts for pid in chart.ids) else 0


def _card_text(person: Person, department: str) -> tuple[str, str, str]:
    """Name, second and third line of a person's own card."""
    return (card_label(person), *_card_lines(person, department))


def _card_lines(person: Person, department: str) -> tuple[str, str]:
    """The second and third line of a person's own card (under the name)."""
    if not person.vacant and person.fte is None:  # most cards: the title, the department
        return person.title, department
    if person.vacant:  # the name says the title
        return department, person.location or ""
    # a staff group, beside its count: the grade, else the title when the name does not say it
    kind = dict(person.extra).get("grade") or (
        person.title if person.title != person_label(person) else "")
    return f"{person.fte:g} FTE" + (f" · {kind}" if kind else ""), department


class Face(NamedTuple):
    """A card's look but for its name: lines two and three (fitted and XML-escaped; the second
    may be two lines, joined by a line break), the tooltip after the name (raw, each of its
    lines after a line break), and how the card is drawn. Titles, departments and counts
    repeat: cards that look alike share one face, made once."""

    second: str
    third: str
    tooltip: str
    colour: str
    vacant: bool
    group: bool
    badge: str
    note: bool
    context: bool
    mark: str


def card_faces(
    org: Org,
    chart: OrgLayout,
    counts: Mapping[str, TeamCount],
    labels: Mapping[str, str] | None = None,
    notes: Mapping[str, str] | None = None,
    context: frozenset[str] = frozenset(),
) -> tuple[list[Face], list[int]]:
    """(the distinct faces of the chart's cards, the face number of each card in the chart's
    order); the arguments as for :func:`cards`."""
    room = text_room(chart.style.width)
    title_lines = chart.style.title_lines
    colours = department_colours(org)
    names = {dep: department_name(org, dep) for dep in colours}
    number: dict[tuple[object, ...], int] = {}
    faces: list[Face] = []
    face_of = [0] * len(chart.ids)
    count_of = counts.get
    named = {*(notes or ()), *(labels or ()), *context}  # cards that say more than most
    for index, (pid, person) in enumerate(zip(chart.ids, people_of(org, chart.ids),
                                              strict=True)):
        if (person.vacant or person.fte is not None or person.note or person.mark
                or person.dotted or (named and (pid in named))):
            key: tuple[object, ...] = (pid,)  # a card of its own kind: looked at in full
        else:  # most cards: the look follows from the title, the department and the count
            key = (person.title, person.department, count_of(pid))
            found = number.get(key)
            if found is not None:
                face_of[index] = found
                continue
        department = person.department
        second, third = _card_lines(person, names.get(department, "") if department else "")
        dotted = notes.get(pid, "") if notes is not None else (
            _dotted_note(org, person) if person.dotted else "")
        remark = (person.note if person.mark else "") or dotted or person.note  # a diff's label
        label = labels.get(pid) if labels else None
        shown_elsewhere = pid in context if context else False
        if len(key) == 1:
            key = (second, third, count_of(pid), department, remark, label, shown_elsewhere,
                   person.vacant, person.fte is not None, person.mark)
        found = number.get(key)
        if found is None:
            found = number[key] = len(faces)
            faces.append(_face(
                second, third, count_of(pid), remark, label, shown_elsewhere,
                NO_DEPARTMENT if department is None else colours.get(department, NO_DEPARTMENT),
                person, room, title_lines))
        face_of[index] = found
    return faces, face_of


def _face(second: str, third: str, count: TeamCount | None, remark: str, label: str | None,
          shown_elsewhere: bool, colour: str, person: Person, room: float,
          title_lines: int) -> Face:
    """The face of ``person``'s card, whose lines under the name are ``second`` and ``third``."""
    tooltip = "".join("\n" + line for line in (second, third) if line)
    note = False
    if remark:
        # The department is in the stripe's colour and the legend; the note says what the
        # dotted connector means even where it runs far (or off the page), or why an
        # export's row stands at the top although it names a manager.
        third, note = remark, True
        tooltip += "\n" + remark
    if label is not None:
        third = label  # split charts: the page to turn to
        note = shown_elsewhere
        tooltip += "\n" + third
    badge = ""
    if count is not None and not shown_elsewhere:
        badge = badge_text(count)
        tooltip += "\n" + count_sentence(count)
    # a cut keeps both ends (the end tells units and posts apart); the title wraps first
    fitted = fit_text(third, DETAIL.size, room) if note else fit_middle(third, DETAIL.size, room)
    return Face("\n".join(map(_escaped, fit_lines(second, TITLE.size, room, title_lines))),
                _escaped(fitted), tooltip, colour, person.vacant, person.fte is not None, badge,
                note, shown_elsewhere, MARK_COLOURS.get(person.mark, "") if person.mark else "")


NAMES_KEPT = 65_536  # fitted names remembered (people who share a name); then forgotten


def card_names(org: Org, chart: OrgLayout) -> Iterator[tuple[str, str, str]]:
    """(name, name XML-escaped, name fitted to the card and escaped) of each card in the
    chart's order: the first line of a card, and of its tooltip (never empty)."""
    room = text_room(chart.style.width)
    known: dict[str, tuple[str, str, str]] = {}
    for person in people_of(org, chart.ids):
        name = card_label(person)
        found = known.get(name)
        if found is None:
            if len(known) >= NAMES_KEPT:  # a million people: a million names, mostly once
                known.clear()
            escaped = xml_text(name)
            fitted = fit_name(name, NAME.size, room, bold=True)
            found = known[name] = (name, escaped, escaped if fitted == name and "\n" not in name
                                   and "\r" not in name else _escaped(fitted))
        yield found


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
    faces, face_of = card_faces(org, chart, counts, labels, notes, context)
    return [Card((fitted, face.second, face.third), name + face.tooltip, face.colour,
                 face.vacant, face.group, face.badge, face.note, face.context, face.mark)
            for (name, _, fitted), face in zip(card_names(org, chart), map(faces.__getitem__,
                                                                           face_of), strict=True)]


@lru_cache(maxsize=65536)
def _escaped(text: str) -> str:
    """XML-escaped card text with line breaks as spaces (titles and departments repeat)."""
    return xml_text(text).replace("\n", " ").replace("\r", " ")
