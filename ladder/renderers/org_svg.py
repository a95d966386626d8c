"""An org chart written straight to SVG from the layout's flat arrays, a piece at a time.

Used for ``.svg``; linear in the people (100,000 people: about 0.3 s of card texts and SVG).
Cards that look alike but for the name share a face
(:func:`~ladder.renderers.org_cards.card_faces`), whose SVG is made once; a card is then its
id, its position, its name and its face's SVG.
Sizes and text rows come from :mod:`ladder.renderers.card_geometry`, card texts from
:mod:`ladder.renderers.org_cards`; every text goes through :func:`~ladder.escape.xml_text`. Class
names say what they style.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from dataclasses import replace

from ladder.analysis.teams import team_counts
from ladder.escape import xml_text
from ladder.layout.cards import CardStyle
from ladder.layout.chart import LIST, SPREAD, STACK, OrgLayout
from ladder.model.org import Org
from ladder.renderers import card_geometry as geo
from ladder.renderers.card_geometry import Frame
from ladder.renderers.org_cards import (
    OUTLINE,
    Face,
    PageText,
    card_faces,
    card_names,
    page_frame,
)
from ladder.renderers.theme import CARD_CLASS, card_id, own_id_parts, unique_ids
from ladder.text import coord as _f

PAPER = "#fafbfc"  # the page's background
SVG_STYLE = (
    "<style>"
    ".connector{fill:none;stroke:#a3aab5;stroke-width:1.2}"
    ".dotted-line{fill:none;stroke:#8f73c7;stroke-width:1;stroke-dasharray:4 3}"
    ".dotted-line-head{fill:#8f73c7}"
    ".card{fill:#fff;stroke:#c9ced6;stroke-width:1}"
    ".card-open{fill:#f6f7f9;stroke:#8a919c;stroke-width:1.2;stroke-dasharray:5 3}"
    ".card-group{fill:#f1f3f6;stroke:#c9ced6}"
    ".card-context{fill:#eef1f6;stroke:#8a919c;stroke-width:1;stroke-dasharray:2 2}"
    ".card-mark{fill:none;stroke-width:3}"
    f".name{{font-size:{geo.NAME.size}px;font-weight:bold;fill:#1f2430}}"
    f".name-open{{font-size:{geo.NAME.size}px;font-weight:bold;font-style:italic;"
    "fill:#5b6270}"
    f".title{{font-size:{geo.TITLE.size}px;fill:#4a5160}}"
    f".department{{font-size:{geo.DETAIL.size}px;fill:#7b8391}}"
    f".note{{font-size:{geo.DETAIL.size}px;font-style:italic;fill:#7a64a8}}"
    ".badge{fill:#fff;stroke:#a3aab5}"
    f".badge-text{{font-size:{geo.BADGE_SIZE}px;fill:#4a5160;text-anchor:middle}}"
    f".heading{{font-size:{geo.HEADING_SIZE}px;font-weight:bold;fill:#1f2430}}"
    f".legend-label{{font-size:{geo.LEGEND_SIZE}px;fill:#4a5160}}"
    "</style>"
)


def org_svg(org: Org, chart: OrgLayout, text: PageText | None = None) -> str:
    """The chart as an SVG document; ``text``: its title, counts, links (default: the org's)."""
    return "".join(org_svg_pieces(org, chart, text)[1])


CARDS_A_PIECE = 2000  # cards joined into one piece of the document (about 1 MB)


def org_svg_pieces(org: Org, chart: OrgLayout,
                   text: PageText | None = None) -> tuple[set[str], Iterator[str]]:
    """(every colour a ``fill`` or ``stroke`` attribute draws, the document in pieces):
    :func:`org_svg` for a writer that hands each piece on, never holding the whole.

    The cards are written straight from the layout: each card's face (its look but for the
    name, :func:`~ladder.renderers.org_cards.card_faces`) is written once, and a card is its
    position, its name and its face's text."""
    text = text or PageText()
    if text.counts is None:  # counted once, for the badges and the page's note alike
        text = replace(text, counts=team_counts(org))
    assert text.counts is not None
    faces, face_of = card_faces(org, chart, text.counts, text.labels, text.notes, text.context)
    frame = page_frame(org, chart, text)
    colours = {PAPER}
    for row in frame.legend_rows:  # a swatch is filled, or white with its colour as outline
        for colour, _ in row:
            colours.update(("#fff", colour[len(OUTLINE):]) if colour.startswith(OUTLINE)
                           else (colour,))
    colours.update(face.colour for face in faces if not (face.vacant or face.context))
    colours.update(face.mark for face in faces if face.mark)
    heading = text.title if text.title is not None else org.name
    pieces = _pieces(org, chart, heading, frame, faces, face_of, text.links)
    return colours, pieces


def _pieces(org: Org, chart: OrgLayout, heading: str, frame: Frame, faces: list[Face],
            face_of: list[int], links: dict[str, str]) -> Iterator[str]:
    style = chart.style
    margin = geo.MARGIN
    out: list[str] = [
        '<?xml version="1.0" encoding="UTF-8"?>\n',
        f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        f'width="{_f(frame.width)}" height="{_f(frame.height)}" '
        f'viewBox="0 0 {_f(frame.width)} {_f(frame.height)}" '
        'font-family="Helvetica, Arial, sans-serif">\n',
        SVG_STYLE,
        f'\n<rect width="100%" height="100%" fill="{PAPER}"/>\n',
        f'<text class="heading" x="{_f(margin)}" y="{_f(margin + 22)}">'
        f"{xml_text(heading)}</text>\n",
    ]
    y = margin + geo.TITLE_HEIGHT
    for row in frame.legend_rows:
        x = margin
        for colour, label in row:
            paint = (f'fill="#fff" stroke="{xml_text(colour[len(OUTLINE):])}" stroke-width="3"'
                     if colour.startswith(OUTLINE) else f'fill="{xml_text(colour)}"')
            out.append(f'<rect x="{_f(x)}" y="{_f(y)}" width="{_f(geo.SWATCH)}" '
                       f'height="{_f(geo.SWATCH)}" rx="3" {paint}/>'
                       f'<text class="legend-label" x="{_f(x + geo.SWATCH_GAP)}" '
                       f'y="{_f(y + 12)}">{xml_text(label)}</text>')
            x += geo.legend_step(label)
        out.append("\n")
        y += geo.LEGEND_ROW
    for line in frame.note_lines:
        out.append(f'<text class="legend-label" x="{_f(margin)}" y="{_f(y + 12)}">'
                   f"{xml_text(line)}</text>\n")
        y += geo.LEGEND_ROW

    # The chart in its own coordinates, moved below the header once.
    out.append(f'<g transform="translate({_f(margin)},{_f(frame.top)})">\n')
    yield "".join(out)
    out.clear()
    # Connectors first, so cards sit on top; chunks of one path keep the file small.
    yield from connector_pieces(chart)
    if chart.dotted:
        routes = chart.dotted_routes  # each from the dotted-line manager, who gets the head
        d = "".join(polyline_path(list(route)) for route in routes)
        heads = "".join(_arrowhead(route) for route in routes)
        yield (f'<path class="dotted-line" d="{d}"><title>dotted-line managers</title>'
               f'</path>\n<path class="dotted-line-head" d="{heads}"/>\n')
    # Every card is drawn in its own frame (translate), so only two numbers vary per card;
    # what else it says is its face's, written once for all the cards that share it.
    looks = [_face_svg(face, style) for face in faces]
    spots = {at: _f(at) for at in {*chart.x, *chart.y}}  # cards share columns and rows
    ids = chart.ids
    if links:  # cards that open another page
        opened: Iterable[str] = [
            f'<a href="{xml_text(links[pid])}" xlink:href="{xml_text(links[pid])}">'
            if links.get(pid) else "" for pid in ids]
        closed: Iterable[str] = ["</a>" if links.get(pid) else "" for pid in ids]
    else:
        opened = closed = itertools.repeat("")
    # "#person-omar" (the <g>'s id) links to a card in any page that shows the chart; most
    # exports' ids are slugs already, written after the prefix as they are
    plain = _ids_as_they_are(ids)
    prefix = "person-" if plain else ""
    cards = zip(opened, ids if plain else card_ids(ids), map(spots.__getitem__, chart.x),
                map(spots.__getitem__, chart.y), card_names(org, chart),
                map(looks.__getitem__, face_of), closed, strict=False)  # the repeats: endless
    for _ in range(0, len(ids), CARDS_A_PIECE):
        yield "".join([f'{a}<g id="{prefix}{card}" class="{CARD_CLASS}" '
                       f'transform="translate({x},{y})">'
                       f"<title>{name}{look[0]}{fitted}{look[1]}{end}"
                       for a, card, x, y, (_, name, fitted), look, end
                       in itertools.islice(cards, CARDS_A_PIECE)])
    yield "</g>\n</svg>\n"


def _face_svg(face: Face, style: CardStyle) -> tuple[str, str]:
    """A card's SVG but for its name, around where the name goes: (the tooltip's rest, the
    card's frame and the start of its name row; the rest of the name row, the other rows,
    the mark and the badge)."""
    fw, fh, corner = _f(style.width), _f(style.height), _f(geo.CORNER)
    if face.vacant:
        frame = f'<rect class="card-open" width="{fw}" height="{fh}" rx="{corner}"/>'
        kind = "name-open"
    elif face.context:
        frame = f'<rect class="card-context" width="{fw}" height="{fh}" rx="{corner}"/>'
        kind = "name"
    else:
        frame = (f'<rect class="card-group" x="4" y="-4" width="{fw}" height="{fh}" '
                 f'rx="{corner}"/>' if face.group else "")
        frame += (f'<rect class="card" width="{fw}" height="{fh}" rx="{corner}"/>'
                  f'<rect y="{_f(geo.STRIPE_INSET)}" width="{_f(geo.STRIPE_WIDTH)}" '
                  f'height="{_f(style.height - 2 * geo.STRIPE_INSET)}" fill="{face.colour}"/>')
        kind = "name"
    text_x = _f(geo.TEXT_LEFT)
    head = (f"{xml_text(face.tooltip)}</title>{frame}"
            f'<text class="{kind}" x="{text_x}" y="{_f(geo.NAME.baseline)}">')
    rest = ["</text>"]
    if face.mark:  # a diff's joined, moved or changed card
        rest.append(f'<rect class="card-mark" width="{fw}" height="{fh}" rx="{corner}" '
                    f'stroke="{face.mark}"/>')
    if face.second:
        first, _, second = face.second.partition("\n")
        rest.append(f'<text class="title" x="{text_x}" y="{_f(geo.TITLE.baseline)}">'
                    f"{first}</text>")
        if second:
            rest.append(f'<text class="title" x="{text_x}" '
                        f'y="{_f(geo.TITLE.baseline + geo.TITLE_STEP)}">{second}</text>')
    if face.third:
        rest.append(f'<text class="{"note" if face.note else "department"}" x="{text_x}" '
                    f'y="{_f(geo.detail_baseline(style))}">{face.third}</text>')
    if face.badge:
        rest.append(_badge(face.badge, style.width, style.height))
    rest.append("</g>\n")
    return head, "".join(rest)


def _badge(text: str, card_width: float, card_height: float) -> str:
    """The badge under a card ``card_width`` x ``card_height``: a rounded box and its text."""
    width = geo.badge_width(text)
    top = card_height - geo.BADGE_RISE
    return (f'<rect class="badge" x="{_f(card_width / 2 - width / 2)}" y="{_f(top)}" '
            f'width="{_f(width)}" height="{_f(geo.BADGE_HEIGHT)}" rx="8"/>'
            f'<text class="badge-text" x="{_f(card_width / 2)}" y="{_f(top + 12)}">{text}</text>')


CONNECTORS_A_PATH = 2000  # connectors joined into one <path>: a short file, a cheap parse


def connector_pieces(chart: OrgLayout) -> Iterator[str]:
    """The solid connectors as ``<path>`` elements, :data:`CONNECTORS_A_PATH` to a path, in
    the reports' order."""
    reports = [p for p, boss in enumerate(chart.manager) if boss >= 0]
    paths = _paths(chart, reports)
    for _ in range(0, len(reports), CONNECTORS_A_PATH):
        d = "".join(itertools.islice(paths, CONNECTORS_A_PATH))
        yield f'<path class="connector" d="{d}"/>\n'


def _paths(chart: OrgLayout, reports: Iterable[int]) -> Iterator[str]:
    """Path data of the connectors to ``reports``, each coordinate's text made once and each
    manager's start of path once (a manager's reports all start from it)."""
    texts: dict[float, str] = {}

    def text(value: float) -> str:
        return texts.get(value) or texts.setdefault(value, _f(value))

    lines: dict[int, str] = {}  # manager -> down its list's line ("M x yV")
    buses: dict[int, tuple[str, str]] = {}  # manager -> down its centre; down to its bus
    style = chart.style
    width, height, half, mid_card = style.width, style.height, style.width / 2, style.height / 2
    indent, level_gap = style.indent / 2, style.level_gap / 2
    xs, ys, managers, kinds, via = chart.x, chart.y, chart.manager, chart.edge_kind, chart.edge_via
    for p in reports:
        kind = kinds[p]
        m = managers[p]
        y = ys[p]
        if kind == LIST:  # most connectors of a big chart: down the list's line, across
            down = lines.get(m)
            if down is None:
                down = lines[m] = f"M{text(xs[m] + indent)} {text(ys[m] + height)}V"
            tx = xs[p]
            if tx == xs[m]:  # a sole report, right under its manager: straight down
                yield down + text(y)
                continue
            mid = text(y + mid_card)
            yield f"{down}{mid}{'V' + mid if tx == xs[m] + indent else 'H' + text(tx)}"
            continue
        if kind > STACK:  # the rarer kinds: across to an assistant, down the trunks of bands
            yield polyline_path(chart.route(p))
            continue
        top_x = xs[m] + half
        starts = buses.get(m)
        if starts is None:
            bottom = ys[m] + height
            down = f"M{text(top_x)} {text(bottom)}V"
            starts = buses[m] = (down, f"{down}{text(bottom + level_gap)}H")
        if kind == SPREAD:
            centre = xs[p] + half
            yield (starts[0] + text(y) if centre == top_x
                   else f"{starts[1]}{text(centre)}V{text(y)}")
            continue
        spine = via[p]
        mid = text(y + mid_card)
        tx = xs[p]
        side = text(tx + width if tx + width <= spine else tx)
        yield (f"{starts[0]}{mid}H{side}" if spine == top_x
               else f"{starts[1]}{text(spine)}V{mid}H{side}")


def polyline_path(points: list[tuple[float, float]]) -> str:
    """SVG path data for an axis-parallel polyline: M, then H and V where they will do.

    >>> polyline_path([(0, 0), (0, 5), (4, 5), (6, 7)])
    'M0 0V5H4L6 7'
    """
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


def _arrowhead(route: tuple[tuple[float, float], ...]) -> str:
    """SVG path data of a filled arrowhead at the route's start, pointing into the card."""
    (tip_x, tip_y), (base_x, base_y) = geo.arrow_base(route)
    half = geo.ARROW / 2
    side_x, side_y = (half, 0.0) if tip_x == base_x else (0.0, half)
    return (f"M{_f(tip_x)} {_f(tip_y)}L{_f(base_x + side_x)} {_f(base_y + side_y)}"
            f"L{_f(base_x - side_x)} {_f(base_y - side_y)}Z")


def _ids_as_they_are(person_ids: list[str]) -> bool:
    """Whether the card ids are the person ids as they are, after ``person-``: slugs already
    (:func:`~ladder.renderers.theme.own_id_parts`) and no two alike (most exports)."""
    return own_id_parts(person_ids) and len(set(person_ids)) == len(person_ids)


def card_ids(person_ids: list[str]) -> list[str]:
    """The ``id`` of each card's ``<g>``, from the data: ``person-omar``, repeats numbered.

    >>> card_ids(["omar", "R&D", "R/D"])
    ['person-omar', 'person-R-D', 'person-R-D-2']
    """
    if _ids_as_they_are(person_ids):
        return ["person-" + pid for pid in person_ids]
    return unique_ids(card_id("person", pid) for pid in person_ids)
