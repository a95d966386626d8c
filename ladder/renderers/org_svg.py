"""An org chart written straight to SVG: one pass over flat arrays and one ``"".join``.

About 0.3 s for 10,000 people and linear beyond; used for ``.svg``. Sizes and text rows come
from :mod:`ladder.renderers.card_geometry`, card texts from :mod:`ladder.renderers.org_cards`; every
text goes through :func:`~ladder.escape.xml_text`. Class names say what they style.
"""

from __future__ import annotations

from collections.abc import Iterator

from ladder.escape import xml_text
from ladder.layout.chart import LIST, SPREAD, STACK, OrgLayout
from ladder.model.org import Org
from ladder.renderers import card_geometry as geo
from ladder.renderers.card_geometry import Frame
from ladder.renderers.org_cards import OUTLINE, Card, PageText, prepare
from ladder.renderers.theme import CARD_CLASS, card_id, unique_ids
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
    :func:`org_svg` for a writer that hands each piece on, never holding the whole."""
    heading, drawn, frame = prepare(org, chart, text)
    colours = {PAPER}
    for row in frame.legend_rows:  # a swatch is filled, or white with its colour as outline
        for colour, _ in row:
            colours.update(("#fff", colour[len(OUTLINE):]) if colour.startswith(OUTLINE)
                           else (colour,))
    colours.update(card.colour for card in drawn if not (card.vacant or card.context))
    colours.update(card.mark for card in drawn if card.mark)
    links = text.links if text is not None else {}
    return colours, _pieces(chart, heading, drawn, frame, links)


def _pieces(chart: OrgLayout, heading: str, drawn: list[Card], frame: Frame,
            links: dict[str, str]) -> Iterator[str]:
    style = chart.style
    w, h = style.width, style.height
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
    solid = [p for p in range(len(chart)) if chart.manager[p] >= 0]
    for start in range(0, len(solid), 2000):
        d = "".join([connector_path(chart, p) for p in solid[start:start + 2000]])
        yield f'<path class="connector" d="{d}"/>\n'
    if chart.dotted:
        routes = chart.dotted_routes  # each from the dotted-line manager, who gets the head
        d = "".join(polyline_path(list(route)) for route in routes)
        heads = "".join(_arrowhead(route) for route in routes)
        out.append(f'<path class="dotted-line" d="{d}"><title>dotted-line managers</title>'
                   f'</path>\n<path class="dotted-line-head" d="{heads}"/>\n')

    # Every card is drawn in its own frame (translate), so only two numbers vary per card.
    fw, fh, corner = _f(w), _f(h), _f(geo.CORNER)
    plain = (f'<rect class="card" width="{fw}" height="{fh}" rx="{corner}"/>'
             f'<rect y="{_f(geo.STRIPE_INSET)}" width="{_f(geo.STRIPE_WIDTH)}" '
             f'height="{_f(h - 2 * geo.STRIPE_INSET)}" fill="')
    group = (f'<rect class="card-group" x="4" y="-4" width="{fw}" height="{fh}" '
             f'rx="{corner}"/>' + plain)
    vacant = f'<rect class="card-open" width="{fw}" height="{fh}" rx="{corner}"/>'
    elsewhere = f'<rect class="card-context" width="{fw}" height="{fh}" rx="{corner}"/>'
    text_x = _f(geo.TEXT_LEFT)
    third = geo.detail_baseline(style)  # lower when titles wrap onto two lines
    name, name_open, title_row, title_next, department, note = (
        f'<text class="{kind}" x="{text_x}" y="{_f(baseline)}">'
        for kind, baseline in (("name", geo.NAME.baseline), ("name-open", geo.NAME.baseline),
                               ("title", geo.TITLE.baseline),
                               ("title", geo.TITLE.baseline + geo.TITLE_STEP),
                               ("department", third), ("note", third)))
    badges: dict[str, str] = {}  # badge text -> its SVG (few distinct badges, many managers)
    xs, ys, ids = chart.x, chart.y, chart.ids
    names = card_ids(ids)  # "#person-omar" links to a card in any page that shows the chart
    yield "".join(out)
    out.clear()
    add = out.append  # each piece goes straight into the piece's join: no per-card strings
    spots: dict[float, str] = {}  # coordinate -> its text: cards share columns and rows
    for p, card in enumerate(drawn):
        if p % CARDS_A_PIECE == 0 and out:
            yield "".join(out)
            out.clear()
        lines = card.lines
        x, y = xs[p], ys[p]
        at_x = spots.get(x) or spots.setdefault(x, _f(x))
        at_y = spots.get(y) or spots.setdefault(y, _f(y))
        target = links.get(ids[p]) if links else None
        if target:
            add(f'<a href="{xml_text(target)}" xlink:href="{xml_text(target)}">')
        if card.vacant:
            face = f"{vacant}{name_open}{lines[0]}</text>"
        elif card.context:
            face = f"{elsewhere}{name}{lines[0]}</text>"
        else:
            face = f'{group if card.group else plain}{card.colour}"/>{name}{lines[0]}</text>'
        add(f'<g id="{names[p]}" class="{CARD_CLASS}" transform="translate({at_x},{at_y})">'
            f"<title>{xml_text(card.tooltip)}</title>{face}")
        if card.mark:  # a diff's joined, moved or changed card
            add(f'<rect class="card-mark" width="{fw}" height="{fh}" rx="{corner}" '
                f'stroke="{card.mark}"/>')
        if lines[1]:
            first, _, second = lines[1].partition("\n")
            add(f"{title_row}{first}</text>")
            if second:
                add(f"{title_next}{second}</text>")
        if lines[2]:
            add(f"{note if card.note else department}{lines[2]}</text>")
        if card.badge:
            badge = badges.get(card.badge)
            if badge is None:
                badge = badges[card.badge] = _badge(card.badge, w, h)
            add(badge)
        add("</g>\n</a>" if target else "</g>\n")
    out.append("</g>\n</svg>\n")
    yield "".join(out)


def _badge(text: str, card_width: float, card_height: float) -> str:
    """The badge under a card ``card_width`` x ``card_height``: a rounded box and its text."""
    width = geo.badge_width(text)
    top = card_height - geo.BADGE_RISE
    return (f'<rect class="badge" x="{_f(card_width / 2 - width / 2)}" y="{_f(top)}" '
            f'width="{_f(width)}" height="{_f(geo.BADGE_HEIGHT)}" rx="8"/>'
            f'<text class="badge-text" x="{_f(card_width / 2)}" y="{_f(top + 12)}">{text}</text>')


def connector_path(chart: OrgLayout, p: int) -> str:
    """Path data of the connector to ``p``: the same route as OrgLayout.route, written fast."""
    kind = chart.edge_kind[p]
    style = chart.style
    m = chart.manager[p]
    if kind == LIST:  # most connectors of a big chart: down the list's line, across to the card
        drop = chart.x[m] + style.indent / 2
        tx = chart.x[p]
        if tx == chart.x[m]:  # a sole report, right under its manager: straight down
            return f"M{_f(drop)} {_f(chart.y[m] + style.height)}V{_f(chart.y[p])}"
        mid = chart.y[p] + style.height / 2
        across = f"V{_f(mid)}" if tx == drop else f"H{_f(tx)}"  # as polyline_path writes it
        return f"M{_f(drop)} {_f(chart.y[m] + style.height)}V{_f(mid)}{across}"
    if kind > STACK:
        return polyline_path(chart.route(p))
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


def card_ids(person_ids: list[str]) -> list[str]:
    """The ``id`` of each card's ``<g>``, from the data: ``person-omar``, repeats numbered.

    >>> card_ids(["omar", "R&D", "R/D"])
    ['person-omar', 'person-R-D', 'person-R-D-2']
    """
    return unique_ids(card_id("person", pid) for pid in person_ids)
